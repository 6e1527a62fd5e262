#!/usr/bin/env node
/**
 * The `vn-poverty` bin. All the work is in {@link runBin} and {@link runCli}; this file only
 * wires them to the process.
 */
import { EXIT_INTERNAL, runBin } from './runBin.js';

// A reader that went away (`vn-poverty classify big.csv | head -1`) is not an error: stop
// quietly with exit 0 for what was written, as Unix tools do. Any other failure of an output
// stream cannot be reported on it: exit 70.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(error.code === 'EPIPE' ? 0 : EXIT_INTERNAL);
  });
}

runBin(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then((code) => {
  process.exitCode = code;
  // a command that stopped before the end of a piped input (a bad header) must not wait for the rest
  process.stdin.destroy();
});
