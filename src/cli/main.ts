#!/usr/bin/env node
/**
 * The `vn-poverty` bin. All the work is in {@link runCli}; this file only wires it to the
 * process: strict UTF-8 file reading, a quiet exit when stdout is closed (`| head`), and one
 * line for an internal error (the stack only with `--debug`).
 */
import { readUtf8File } from '../io/_encoding.js';
import { runCli } from './runCli.js';

/** Exit code of an internal error (BSD `EX_SOFTWARE`): a bug, not bad input. */
const EXIT_INTERNAL = 70;

const argv = process.argv.slice(2);
// --debug may stand anywhere before a `--`; it is the bin's own option, not a command's
const end = argv.indexOf('--');
const debugAt = argv.findIndex((a, i) => a === '--debug' && (end === -1 || i < end));
const debug = debugAt !== -1;
if (debug) argv.splice(debugAt, 1);

// A reader that went away (`vn-poverty classify big.csv | head -1`) is not an error: stop
// quietly with exit 0 for what was written, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // any other failure of an output stream cannot be reported on it: exit 70
    process.exit(error.code === 'EPIPE' ? 0 : EXIT_INTERNAL);
  });
}

runCli(argv, { stdout: process.stdout, stderr: process.stderr, readFile: (path) => readUtf8File(path) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`vn-poverty: internal error: ${message.split('\n')[0]!.slice(0, 300)}\n`);
    if (debug && error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('vn-poverty: this is a bug in vn-poverty, not in your file; run again with --debug to see where it happened, and report it with that output\n');
    process.exitCode = EXIT_INTERNAL;
  },
);
