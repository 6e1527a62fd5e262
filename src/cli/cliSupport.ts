/**
 * Shared pieces of the `vn-poverty` commands: exit codes, the I/O a command is given (so it
 * can be tested without a process), and argument parsing that reports mistakes as exit 2.
 */
import { parseArgs } from 'node:util';
import { VnPovertyError } from '../errors/VnPovertyError.js';

/** Exit code: done, nothing wrong found. */
export const EXIT_OK = 0;
/** Exit code: done, and the input has findings of severity `error`. */
export const EXIT_FINDINGS = 1;
/** Exit code: the input could not be read or is malformed (wrong columns, unknown option…). */
export const EXIT_BAD_INPUT = 2;

/** The exit codes as a type. */
export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_BAD_INPUT;

/** Something text can be written to (`process.stdout` fits). */
export interface CliWriter {
  write(text: string): unknown;
}

/** What a command may touch: two writers and a file reader. Tests pass fakes. */
export interface CliIo {
  readonly stdout: CliWriter;
  readonly stderr: CliWriter;
  /** Reads a whole file as UTF-8 text; rejects when it cannot. */
  readonly readFile: (path: string) => Promise<string>;
}

/** One subcommand: `vn-poverty <name> …`. Register it in `COMMANDS` (src/cli/commands.ts) with one line. */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command on its arguments (after the command name); resolves to the exit code. */
  readonly run: (argv: readonly string[], io: CliIo) => Promise<ExitCode>;
}

/** Declared options of a command, as `node:util` `parseArgs` takes them. */
export type CliOptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

/** Parsed arguments, or the reason they could not be parsed. */
export type ParsedCliArgs =
  | { readonly ok: true; readonly values: Readonly<Record<string, string | boolean | undefined>>; readonly positionals: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Parses a command's arguments strictly (unknown options are mistakes) and never throws.
 * `--help` is always accepted.
 * @example
 * parseCliArgs(['a.csv', '--json'], { json: { type: 'boolean' } }) //=> { ok: true, values: { json: true }, positionals: ['a.csv'] }
 */
export function parseCliArgs(argv: readonly string[], options: CliOptionSpec): ParsedCliArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, ...options } as Parameters<typeof parseArgs>[0] extends infer P ? P extends { options?: infer O } ? O : never : never,
      allowPositionals: true,
      strict: true,
    });
    return { ok: true, values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Writes `vn-poverty: <message>` to stderr and returns {@link EXIT_BAD_INPUT}.
 * @example
 * badInput(io, 'cannot read a.csv') //=> 2
 */
export function badInput(io: CliIo, message: string): ExitCode {
  io.stderr.write(`vn-poverty: ${message}\n`);
  return EXIT_BAD_INPUT;
}

/**
 * The message of a library error (each issue on its own line) or of any other error.
 * @example
 * errorText(new Error('boom')) //=> 'boom'
 */
export function errorText(error: unknown): string {
  if (error instanceof VnPovertyError) return error.issues.map((i) => i.message).join('\n  ');
  return error instanceof Error ? error.message : String(error);
}
