/**
 * Shared pieces of the `vn-poverty` commands: exit codes, the I/O a command is given (so it
 * can be tested without a process), and argument parsing that reports mistakes as exit 2.
 */
import { parseArgs } from 'node:util';
import { VnPovertyError } from '../errors/VnPovertyError.js';
import type { CsvDelimiter } from '../io/csv.js';
import type { HeaderLanguage } from '../io/tableWriter.js';
import { toJsonResult } from '../json/jsonResult.js';
import { parseVnDate } from '../dates/vnDate.js';
import type { IsoDate } from '../dates/calendarDate.js';
import type { CliStdin } from './cliInput.js';

/** Exit code: done, nothing wrong found. */
export const EXIT_OK = 0;
/** Exit code: done, and the input has findings of severity `error`. */
export const EXIT_FINDINGS = 1;
/** Exit code: the input could not be read or is malformed (wrong columns, unknown option…). */
export const EXIT_BAD_INPUT = 2;

/** The exit codes as a type. */
export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_BAD_INPUT;

/** Something text (or, for `--out -`, the bytes of a file) can be written to (`process.stdout` fits). */
export interface CliWriter {
  write(chunk: string | Uint8Array): unknown;
  /** Whether it is a terminal: progress is drawn only on one, and bytes are never written to one. */
  readonly isTTY?: boolean;
}

/** What a command may touch: two writers, standard input and a file reader. Tests pass fakes. */
export interface CliIo {
  readonly stdout: CliWriter;
  readonly stderr: CliWriter;
  /** Standard input, read for an input given as `-`; `process.stdin` in the bin. */
  readonly stdin?: CliStdin;
  /**
   * Reads a whole file as UTF-8 text; rejects when it cannot (the bin's reader refuses bytes
   * that are not UTF-8 with a `VnPovertyError` `invalid-encoding`).
   */
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

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  EBUSY: 'the file is in use',
};

/**
 * The one-line text of an operating-system file error (`ENOENT`, `EACCES`, `ENOSPC`…) naming
 * the path, or undefined for any other error.
 * @example
 * fileErrorText(Object.assign(new Error('x'), { code: 'EACCES', path: 'out.csv', syscall: 'open' })) //=> 'cannot read out.csv: permission denied'
 */
export function fileErrorText(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code, path, syscall } = error as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  const verb = syscall === 'write' || syscall === 'rename' || syscall === 'mkdir' || syscall === 'unlink' ? 'write' : 'read';
  return `cannot ${verb} ${typeof path === 'string' ? path : 'a file'}: ${REASONS[code] ?? code}`;
}

/**
 * Ends a command that failed on its input: a library error or a file error is reported as
 * exit 2 (`vn-poverty: <command>: <message>`); anything else is rethrown (an internal error).
 * @example
 * failedOnInput(io, 'classify', new VnPovertyError([issue({ code: 'x', value: 1, expected: 'y' })])) //=> 2
 */
export function failedOnInput(io: CliIo, command: string, error: unknown): ExitCode {
  if (error instanceof VnPovertyError) return badInput(io, `${command}: ${errorText(error)}`);
  const file = fileErrorText(error);
  if (file !== undefined) return badInput(io, `${command}: ${file}`);
  throw error;
}

const DELIMITERS: Readonly<Record<string, CsvDelimiter>> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };
const HEADER_LANGUAGES: readonly HeaderLanguage[] = ['vi', 'en', 'both'];

/** Table options shared by the commands that read and write tables. */
export interface TableCliOptions {
  /** `--delimiter`, undefined when not given: the input's first line tells it (`inputDelimiter`). */
  readonly delimiter: CsvDelimiter | undefined;
  readonly headers: HeaderLanguage;
  readonly numbers: 'vi' | 'plain';
  readonly rawCsv: boolean;
}

/**
 * Reads `--delimiter`, `--headers`, `--numbers` and `--raw-csv` from parsed arguments, or says
 * what is wrong with them.
 * @example
 * tableCliOptions({ delimiter: ';' }) //=> { ok: true, options: { delimiter: ';', headers: 'both', numbers: 'vi', rawCsv: false } }
 * tableCliOptions({}).options.delimiter //=> undefined
 */
export function tableCliOptions(values: Readonly<Record<string, string | boolean | undefined>>): { readonly ok: true; readonly options: TableCliOptions } | { readonly ok: false; readonly message: string } {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const delimiter = text('delimiter') === undefined ? undefined : DELIMITERS[text('delimiter')!];
  if (delimiter === undefined && text('delimiter') !== undefined) return { ok: false, message: `--delimiter must be , ; or tab, got ${JSON.stringify(text('delimiter'))}` };
  const headers = text('headers') ?? 'both';
  if (!(HEADER_LANGUAGES as readonly string[]).includes(headers)) return { ok: false, message: `--headers must be vi, en or both, got ${JSON.stringify(headers)}` };
  const numbers = text('numbers') ?? 'vi';
  if (numbers !== 'vi' && numbers !== 'plain') return { ok: false, message: `--numbers must be vi or plain, got ${JSON.stringify(numbers)}` };
  return { ok: true, options: { delimiter, headers: headers as HeaderLanguage, numbers, rawCsv: values['raw-csv'] === true } };
}

/** The option specs of {@link tableCliOptions}, for `parseCliArgs`. */
export const TABLE_CLI_OPTIONS: CliOptionSpec = Object.freeze({
  delimiter: { type: 'string' },
  headers: { type: 'string' },
  numbers: { type: 'string' },
  'raw-csv': { type: 'boolean' },
});

/**
 * Writes a command's result to stdout as one JSON document, the envelope of `toJsonResult`
 * (`{ format, types, value }`): bigint đồng and Decimals as decimal strings, fractions as
 * `{ fraction, decimal }`; `fromJsonResult` gives the exact result back.
 * @example
 * writeJsonResult(io, { households: 4n }) // prints {"format":"vn-poverty/json@1","types":[[["households"],"bigint"]],"value":{"households":"4"}}
 */
export function writeJsonResult(io: CliIo, result: unknown): void {
  io.stdout.write(`${JSON.stringify(toJsonResult(result), null, 2)}\n`);
}

/**
 * The `onNote` of a command's input reader: each note on how the file was read (hidden rows or
 * columns read, merged cells filled) written once to stderr for the run summary, however often
 * the file is read.
 * @example
 * const onNote = noteOnStderr(io, 'classify'); onNote('ho.xlsx: the sheet "DS": rows 7, 9 are hidden…') // prints vn-poverty classify: ho.xlsx: the sheet "DS": rows 7, 9 are hidden…
 */
export function noteOnStderr(io: CliIo, command: string): (note: string) => void {
  const said = new Set<string>();
  return (note) => {
    if (said.has(note)) return;
    said.add(note);
    io.stderr.write(`vn-poverty ${command}: ${note}\n`);
  };
}

/**
 * Reads a date option as Vietnamese write dates (`2024-10-15`, `15/10/2024`, `ngày 15 tháng 10
 * năm 2024`), or says what is wrong with it, quoting it as written.
 * @example
 * cliDate('15/10/2024', '--as-of') //=> { ok: true, date: '2024-10-15' }
 */
export function cliDate(text: string, option: string): { readonly ok: true; readonly date: IsoDate } | { readonly ok: false; readonly message: string } {
  try {
    return { ok: true, date: parseVnDate(text, [option]) };
  } catch (error) {
    return { ok: false, message: errorText(error) };
  }
}
