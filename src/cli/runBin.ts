import { readFileSync } from 'node:fs';
import { readUtf8File } from '../io/_encoding.js';
import type { CliStdin } from './cliInput.js';
import type { CliCommand, CliWriter } from './cliSupport.js';
import { runCli } from './runCli.js';

/** Exit code of an internal error (BSD `EX_SOFTWARE`): a bug, not bad input. */
export const EXIT_INTERNAL = 70;

/** What {@link runBin} writes to. */
export interface BinIo {
  readonly stdout: CliWriter;
  readonly stderr: CliWriter;
  /** Standard input, for inputs given as `-` (`process.stdin`). */
  readonly stdin?: CliStdin;
  /** The command registry; `COMMANDS` unless told (tests register failing commands). */
  readonly commands?: Readonly<Record<string, CliCommand>>;
}

/** The version in the package's package.json (two folders up from this module, in src/ and in dist/). */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Runs the `vn-poverty` bin on its arguments: strips the bin's own `--debug` (anywhere before a
 * `--`), reads files as strict UTF-8, and turns an unexpected error into one line and a hint
 * (the stack only with `--debug`), exit {@link EXIT_INTERNAL}. Never throws.
 *
 * @example
 * await runBin(['classify', 'ho.csv', '--as-of', '2024-01-01'], { stdout: process.stdout, stderr: process.stderr }) //=> 0
 */
export async function runBin(args: readonly string[], io: BinIo): Promise<number> {
  const argv = [...args];
  const end = argv.indexOf('--');
  const debugAt = argv.findIndex((a, i) => a === '--debug' && (end === -1 || i < end));
  const debug = debugAt !== -1;
  if (debug) argv.splice(debugAt, 1);
  try {
    return await runCli(
      argv,
      { stdout: io.stdout, stderr: io.stderr, ...(io.stdin !== undefined ? { stdin: io.stdin } : {}), readFile: (path) => readUtf8File(path) },
      { version: packageVersion(), ...(io.commands !== undefined ? { commands: io.commands } : {}) },
    );
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr.write(`vn-poverty: internal error: ${message.split('\n')[0]!.slice(0, 300)}\n`);
    if (debug && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write('vn-poverty: this is a bug in vn-poverty, not in your file; run again with --debug to see where it happened, and report it with that output\n');
    return EXIT_INTERNAL;
  }
}
