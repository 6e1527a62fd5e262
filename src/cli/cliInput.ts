/**
 * Inputs and outputs of the commands as files or as `-`: standard input for an input file,
 * standard output for `--out`. One place decides how `-` is read (streamed for CSV, buffered
 * under the XLSX limits for a workbook, saved to a temporary file for a step that needs a path),
 * so each command only asks for its input.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fail } from '../errors/VnPovertyError.js';
import { decodeText } from '../io/_encoding.js';
import { sniffDelimiter, type CsvDelimiter } from '../io/_csvTokenizer.js';
import { utf16Encoding } from '../io/_utf16.js';
import { MAX_WHOLE_FILE_BYTES, XLSX_READ_LIMITS } from '../io/readLimits.js';
import { inputFormatOfPath, type FileFormat, type RowSource } from '../io/readRows.js';
import type { CliIo } from './cliSupport.js';

/**
 * The name that stands for standard input (as an input file) or standard output (as `--out`).
 * @example
 * STDIO_NAME //=> '-'
 */
export const STDIO_NAME = '-';

/** What messages call standard input. */
const STDIN_LABEL = 'stdin';

/** Standard input as a command may be given it (`process.stdin` fits). */
export type CliStdin = AsyncIterable<string | Uint8Array> & { readonly isTTY?: boolean };

/** An input file of a command, or standard input for `-`. Read it one way only. */
export interface CliInput<F extends string> {
  /** What messages name: the path, or `stdin`. */
  readonly name: string;
  /** True for `-`. */
  readonly stdin: boolean;
  /** The format, from the extension of a path or from the first bytes of standard input. */
  readonly format: F;
  /** For the row readers: the path, or standard input as a stream of bytes. */
  readonly source: RowSource;
  /** The size in bytes of a file (for progress), undefined for standard input or a file that cannot be read. */
  readonly size: number | undefined;
  /** The whole input as bytes; standard input at most `max` bytes (default the XLSX file limit). */
  bytes(max?: number): Promise<Uint8Array>;
  /** The whole input as UTF-8 text (refused when it is not UTF-8), at most 64 MiB. */
  text(): Promise<string>;
  /** A file holding the input: the path itself, or standard input saved to a temporary file (under the XLSX file limit). */
  file(): Promise<string>;
  /** Removes any temporary file. */
  close(): Promise<void>;
  /** The first bytes (up to 64 KiB of a file; standard input's first chunk), read once. */
  head(): Promise<Uint8Array>;
}

/** Bytes of a file read to tell its separator. */
const HEAD_BYTES = 64 * 1024;

/**
 * The field separator of a CSV input: `given` (`--delimiter`) when there is one, else told from
 * its first line ({@link sniffDelimiter}), UTF-8 or UTF-16 (Excel's "Unicode Text" is
 * tab-separated UTF-16 LE); `,` for a workbook.
 * @throws VnPovertyError `ambiguous-separator` naming the candidates.
 * @example
 * await inputDelimiter(input, undefined) //=> '\t' (a "Unicode Text" save)
 */
export async function inputDelimiter(input: Pick<CliInput<string>, 'format' | 'head' | 'name'>, given: CsvDelimiter | undefined): Promise<CsvDelimiter> {
  if (given !== undefined) return given;
  if (input.format !== 'csv') return ',';
  const head = await input.head();
  const utf16 = utf16Encoding(head);
  // lenient here: only the separator is told; the reader decodes the file strictly
  const text = new TextDecoder(utf16 ?? 'utf-8').decode(head);
  return sniffDelimiter(text, input.name);
}

/** True when the bytes start like a zip archive (an .xlsx or a .docx). */
export function looksLikeZip(head: Uint8Array | undefined): boolean {
  return head !== undefined && head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

const toBytes = (chunk: string | Uint8Array): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);

function overLimit(max: number, size: number): never {
  return fail({
    code: 'file-too-large',
    path: [STDIN_LABEL],
    value: size,
    expected: `at most ${max} bytes on standard input`,
    message: `stdin: more than ${max} bytes; give the file by name instead of -`,
  });
}

/**
 * Opens an input of a command: a path as it is, or `-` as standard input, whose first bytes are
 * read to tell its format (`detect` gets `'-'` and them; for a path, the path and nothing).
 *
 * @throws VnPovertyError `no-stdin` when `-` is given and standard input is a terminal or absent;
 *   what `detect` throws.
 * @example
 * const input = await openCliInput(io, '-', (name, head) => (looksLikeZip(head) ? 'xlsx' : 'csv'))
 * input.format //=> 'csv'
 */
export async function openCliInput<F extends string>(io: CliIo, path: string, detect: (name: string, head: Uint8Array | undefined) => F): Promise<CliInput<F>> {
  if (path !== STDIO_NAME) {
    const format = detect(path, undefined);
    const found = await stat(path).catch(() => undefined);
    // a folder given as the input: named, as a missing or unreadable file is (an fd read of a folder names no path)
    if (found?.isDirectory() === true) fail({ code: 'not-a-file', path: [path], value: path, expected: 'a file', message: `${path} is a folder, not a file: give a file in it` });
    const size = found?.isFile() === true ? found.size : undefined;
    return {
      name: path,
      stdin: false,
      format,
      source: path,
      size,
      bytes: async () => new Uint8Array(await readFile(path)),
      text: () => io.readFile(path),
      file: async () => path,
      close: async () => undefined,
      async head() {
        const handle = await open(path, 'r').catch(() => undefined);
        // a file the command's own reader opens (an in-memory one), or that it reports as missing
        if (handle === undefined) return new TextEncoder().encode((await io.readFile(path).catch(() => '')).slice(0, HEAD_BYTES));
        try {
          const buffer = new Uint8Array(HEAD_BYTES);
          const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
          return buffer.subarray(0, bytesRead);
        } finally {
          await handle.close();
        }
      },
    };
  }
  const stdin = io.stdin;
  if (stdin === undefined || stdin.isTTY === true) {
    return fail({
      code: 'no-stdin',
      path: [STDIN_LABEL],
      value: STDIO_NAME,
      expected: 'a file piped to standard input',
      message: `- reads the input from standard input, but ${stdin === undefined ? 'there is none' : 'it is a terminal'}: pipe a file in (… - < ho-ngheo.csv) or give its name`,
    });
  }
  const iterator = stdin[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done === true ? new Uint8Array(0) : toBytes(first.value);
  const format = detect(STDIO_NAME, head);
  let used = false;
  let temp: string | undefined;
  /** The bytes of standard input, the first chunk again, once. */
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (used) fail({ code: 'stdin-used', path: [STDIN_LABEL], value: STDIO_NAME, expected: 'standard input read once' });
    used = true;
    if (first.done === true) return;
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield toBytes(next.value);
    }
  }
  const bytes = async (max: number = XLSX_READ_LIMITS.maxFileBytes): Promise<Uint8Array> => {
    const parts: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of chunks()) {
      size += chunk.length;
      if (size > max) overLimit(max, size);
      parts.push(chunk);
    }
    return Buffer.concat(parts);
  };
  return {
    name: STDIN_LABEL,
    stdin: true,
    format,
    source: chunks(),
    size: undefined,
    bytes,
    text: async () => decodeText(await bytes(MAX_WHOLE_FILE_BYTES), STDIN_LABEL),
    head: async () => head,
    async file() {
      temp ??= await mkdtemp(join(tmpdir(), 'vn-poverty-stdin-'));
      const path = join(temp, `stdin.${format}`);
      const out = createWriteStream(path);
      let size = 0;
      try {
        for await (const chunk of chunks()) {
          size += chunk.length;
          if (size > XLSX_READ_LIMITS.maxFileBytes) overLimit(XLSX_READ_LIMITS.maxFileBytes, size);
          if (!out.write(chunk)) await once(out, 'drain');
        }
      } finally {
        out.end();
        await once(out, 'close');
      }
      return path;
    },
    async close() {
      // stop reading a pipe that was not read to its end, so the process can exit
      await iterator.return?.();
      if (temp !== undefined) await rm(temp, { recursive: true, force: true });
    },
  };
}

/**
 * `--out` as a file path, or undefined for standard output (`-` or no `--out`).
 * @example
 * outputPath('-') //=> undefined
 * outputPath('ket-qua.xlsx') //=> 'ket-qua.xlsx'
 */
export function outputPath(out: string | undefined): string | undefined {
  return out === STDIO_NAME ? undefined : out;
}

/**
 * The inputs that are files (not `-`), for the checks that need a path (it exists; `--out` is
 * not one of them); refuses `-` given for two inputs, since standard input is read once.
 * @throws VnPovertyError `stdin-twice`.
 * @example
 * fileInputs(['-', 'don-vi.csv']) //=> ['don-vi.csv']
 */
export function fileInputs(paths: ReadonlyArray<string | undefined>): string[] {
  const given = paths.filter((p): p is string => p !== undefined);
  if (given.filter((p) => p === STDIO_NAME).length > 1) {
    fail({ code: 'stdin-twice', path: [STDIO_NAME], value: STDIO_NAME, expected: 'standard input (-) for one input at most', message: '- (standard input) is given for two inputs; it can be read once: give the other by name' });
  }
  return given.filter((p) => p !== STDIO_NAME);
}

/**
 * The format of a table input: from the extension of a path (`.csv`, `.xlsx`), or for standard
 * input from its first bytes (a zip archive is an .xlsx workbook, anything else CSV text).
 * @throws VnPovertyError `unsupported-format` for a path that is neither.
 * @example
 * tableFormat('ho.xlsx', undefined) //=> 'xlsx'
 * tableFormat('-', new TextEncoder().encode('Mã hộ,Khu vực')) //=> 'csv'
 */
export function tableFormat(name: string, head: Uint8Array | undefined): FileFormat {
  if (name === STDIO_NAME) return looksLikeZip(head) ? 'xlsx' : 'csv';
  return inputFormatOfPath(name);
}

/**
 * The text of a small input file (a spec, an indicator list), or of standard input for `-`, as
 * strict UTF-8.
 * @throws VnPovertyError `no-stdin`, `invalid-encoding`; a missing file rejects as `io.readFile` does.
 * @example
 * JSON.parse(await readCliText(io, 'spec.json')).columns.length //=> 4
 */
export async function readCliText(io: CliIo, path: string): Promise<string> {
  if (path !== STDIO_NAME) return io.readFile(path);
  const input = await openCliInput(io, path, () => 'text');
  try {
    return await input.text();
  } finally {
    await input.close();
  }
}

/**
 * Writes the bytes of an output file (a marked-up copy) to standard output for `--out -`;
 * refused when standard output is a terminal, where bytes would be garbage.
 * @throws VnPovertyError `binary-to-terminal`.
 * @example
 * writeBytesToStdout(io, bytes, 'checked.xlsx') // the workbook on stdout: … --out - > checked.xlsx
 */
export function writeBytesToStdout(io: CliIo, bytes: Uint8Array, what: string): void {
  if (io.stdout.isTTY === true) {
    fail({ code: 'binary-to-terminal', path: ['--out'], value: STDIO_NAME, expected: 'standard output sent to a file or a pipe', message: `--out - writes ${what} to standard output, which is a terminal: redirect it (--out - > ${what}) or give a file name` });
  }
  io.stdout.write(bytes);
}
