import { open } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fail } from '../errors/VnPovertyError.js';
import { createCsvTokenizer, type CsvDelimiter } from './_csvTokenizer.js';
import { readXlsxSheet, type XlsxMergedCell } from './_excel.js';
import { XLSX_READ_LIMITS, type XlsxLimits } from './readLimits.js';
import { decodeChecked, utf16Error } from './_encoding.js';
import { utf16Chunks } from './_utf16.js';

/**
 * One cell as a file holds it: CSV cells are always strings; XLSX cells may also be
 * numbers, booleans or dates. An empty cell is `null` (XLSX) or `''` (CSV).
 */
export type RawCell = string | number | boolean | Date | null;

/** One row of a sheet with its 1-based row number as a spreadsheet shows it. */
export interface SheetRow {
  /** 1-based row number (the header is row 1). */
  readonly row: number;
  /** The cells, left to right; `cells[0]` is column 1 (A). */
  readonly cells: ReadonlyArray<RawCell>;
  /**
   * Number formats of XLSX cells where one is set (e.g. `'0.00%'`), by 0-based column;
   * empty for CSV. Lets a reader see that 0.007 formatted as a percentage means 0,70%.
   */
  readonly formats: ReadonlyArray<string | undefined>;
  /**
   * XLSX cells that cannot be read, by 0-based column, with the reason naming the cell (a
   * formula with no saved value, an error value such as `#DIV/0!`); such a cell is `null` in
   * `cells`. The typed readers refuse a row whose problem cell is in a column they read. Empty for CSV.
   */
  readonly problems?: ReadonlyArray<string | undefined>;
  /** XLSX: the name of the sheet the row is on, for cell addresses in messages (`DS!Q14`). */
  readonly sheet?: string;
  /**
   * XLSX cells covered by a merged range (every cell of the range but its first, which holds
   * the value Excel shows over the whole range), by 0-based column; absent when the row has none.
   * The typed readers fill a text column's covered cells with the range's value and refuse a
   * covered cell under a number or yes/no column (see docs/files-and-cli.md).
   */
  readonly merged?: ReadonlyArray<XlsxMergedCell | undefined>;
}

/** Where rows come from: a file path, or a readable stream / async iterable of text or bytes (CSV only). */
export type RowSource = string | Readable | AsyncIterable<string | Uint8Array>;

/** A file format the readers and writers understand. */
export type FileFormat = 'csv' | 'xlsx';

/** Options of {@link readRows}. */
export interface ReadRowsOptions {
  /** File format; taken from the extension of a path when not given (`.csv`, `.xlsx`). */
  readonly format?: FileFormat;
  /** CSV field separator; `','` unless told. */
  readonly delimiter?: CsvDelimiter;
  /** XLSX sheet: its name or 1-based position; the first sheet unless told. */
  readonly sheet?: string | number;
  /** Name used in error messages; the file's base name for a path. */
  readonly source?: string;
  /** CSV read size in bytes (default 64 KiB). */
  readonly chunkSize?: number;
  /** XLSX limits (default {@link XLSX_READ_LIMITS}): file and unpacked sizes, parts, cells. */
  readonly limits?: Partial<XlsxLimits>;
  /** CSV: longest field in characters (default 1,048,576). */
  readonly maxFieldLength?: number;
  /** CSV: called after each chunk with the bytes read so far (progress indicators). */
  readonly onBytes?: (read: number) => void;
  /**
   * Called with each note on how the file was read that a user should hear of (hidden rows or
   * columns of an XLSX sheet read as data, merged cells filled over the rows they cover), one
   * sentence naming the file, for the run summary.
   */
  readonly onNote?: (note: string) => void;
}

/**
 * The format of a file from its extension.
 *
 * @throws VnPovertyError `unsupported-format` for anything but `.csv` and `.xlsx`.
 * @example
 * formatOfPath('ho-ngheo.xlsx') //=> 'xlsx'
 */
export function formatOfPath(path: string): FileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '') {
    return fail({ code: 'unsupported-format', path: [path], value: ext, expected: 'a .csv or .xlsx file', message: `${path}: the name has no extension, so its format is unknown: name a .csv or .xlsx file (a folder? give the file in it, e.g. ${join(path, 'ket-qua.csv')})` });
  }
  return fail({ code: 'unsupported-format', path: [path], value: ext, expected: ext === '.xlsm' ? 'a .csv or .xlsx file (a macro-enabled .xlsm is read, but not written: write .xlsx)' : 'a .csv or .xlsx file' });
}

/**
 * The format of a file to read: as {@link formatOfPath}, and a macro-enabled workbook (`.xlsm`,
 * the same Office Open XML package with a macro part) is read as `.xlsx`: its cells are data, its
 * macros are never run; an `.xls` name is read by the workbook reader too, which reads an .xlsx
 * renamed .xls and refuses an Excel 97–2003 file or a web page saved as .xls saying what it is;
 * a `.txt`, `.tsv` or `.tab` name (Excel's “Text (Tab delimited)” and “Unicode Text” saves) is
 * read as delimited text, its encoding and separator checked as a CSV's are.
 * Outputs keep {@link formatOfPath} (a workbook written is `.xlsx`). @internal
 * @example
 * inputFormatOfPath('ho-ngheo.xlsm') //=> 'xlsx'
 * inputFormatOfPath('ho-ngheo.xls') //=> 'xlsx'
 * inputFormatOfPath('ho-ngheo.txt') //=> 'csv'
 */
export function inputFormatOfPath(path: string): FileFormat {
  const ext = extname(path).toLowerCase();
  // an .xls name is read by the workbook reader: an .xlsx renamed .xls is read, an Excel 97–2003 file, a web page or a text file saved as .xls is refused naming what it is
  if (ext === '.xlsm' || ext === '.xls') return 'xlsx';
  // Excel's "Text (Tab delimited)" and "Unicode Text" saves are named .txt: read as delimited text, so their encoding and separator are checked and named
  if (ext === '.txt' || ext === '.tsv' || ext === '.tab') return 'csv';
  return formatOfPath(path);
}

/**
 * The format a row source is read in: the one the options name, else the file's by its
 * extension ({@link inputFormatOfPath}), CSV for a stream. @internal
 * @example
 * rowSourceFormat('ho.xlsm', undefined) //=> 'xlsx'
 */
export function rowSourceFormat(source: RowSource, format: FileFormat | undefined): FileFormat {
  return format ?? (typeof source === 'string' ? inputFormatOfPath(source) : 'csv');
}

/**
 * Streams the rows of a CSV or XLSX file one by one, with bounded memory: a CSV is read
 * in chunks through the same tokenizer as {@link parseCsv}, an XLSX through exceljs's
 * streaming reader. CSV bytes must be UTF-8 (a byte-order mark is dropped); Excel's
 * "CSV UTF-8" export is, its older "CSV" export (Windows-1258) is refused with an error.
 *
 * @param source - a file path, or (CSV only) a readable stream or async iterable of chunks.
 * @param options - format, delimiter, sheet and a name for messages.
 * @returns an async iterable of {@link SheetRow}, header row included.
 * @throws VnPovertyError `unsupported-format`, `invalid-encoding`, `missing-sheet`, and the
 *   CSV errors of {@link parseCsv} naming file, row and column; a missing file rejects with
 *   Node's `ENOENT` error.
 * @example
 * for await (const { row, cells } of readRows('ho.csv')) console.log(row, cells)
 * //=> 1 [ 'mã hộ', 'thu nhập' ] …
 */
export async function* readRows(source: RowSource, options: ReadRowsOptions = {}): AsyncGenerator<SheetRow> {
  for await (const batch of readRowBatches(source, options)) yield* batch;
}

/**
 * The rows of {@link readRows} in batches (one per chunk read), for bulk consumers that want
 * to avoid an asynchronous step per row. @internal
 */
export async function* readRowBatches(source: RowSource, options: ReadRowsOptions = {}): AsyncGenerator<SheetRow[]> {
  if (typeof source === 'object' && source !== null && PRE_READ in source) {
    yield* (source as unknown as { readonly [PRE_READ]: AsyncIterable<SheetRow[]> })[PRE_READ];
    return;
  }
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  const format = rowSourceFormat(source, options.format);
  if (format === 'xlsx') {
    if (typeof source !== 'string' && !(Symbol.asyncIterator in source)) {
      fail({ code: 'unsupported-format', path: label !== undefined ? [label] : [], value: typeof source, expected: 'an XLSX file path or readable stream' });
    }
    let batch: SheetRow[] = [];
    const limits = { ...XLSX_READ_LIMITS, ...options.limits };
    for await (const row of readXlsxSheet(source, options.sheet, label ?? 'the XLSX input', limits, options.onNote)) {
      batch.push(row);
      if (batch.length >= 512) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  yield* readCsvRows(source, options.delimiter, label, options.chunkSize, options.maxFieldLength, options.onBytes);
}

const PRE_READ = Symbol('vn-poverty pre-read rows');

/** A row source whose rows another reader has already read (a stream cannot be read twice). @internal */
export function preReadRowSource(rows: AsyncIterable<SheetRow[]>): RowSource {
  return { [PRE_READ]: rows, [Symbol.asyncIterator]: () => { throw new Error('pre-read rows are read by readRowBatches'); } } as unknown as RowSource;
}

const NO_FORMATS: ReadonlyArray<string | undefined> = Object.freeze([]);

/**
 * The bytes of a file in chunks read into one reused buffer (each chunk is consumed, i.e.
 * decoded, before the next read overwrites it): no allocation per chunk, unlike a read stream.
 */
async function* fileChunks(path: string, size: number): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(size);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* readCsvRows(
  source: RowSource,
  delimiter: CsvDelimiter | undefined,
  label: string | undefined,
  chunkSize = 64 * 1024,
  maxFieldLength?: number,
  onBytes?: (read: number) => void,
): AsyncGenerator<SheetRow[]> {
  const tokenizer = createCsvTokenizer({
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(label !== undefined ? { source: label } : {}),
    ...(maxFieldLength !== undefined ? { maxFieldLength } : {}),
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunks = utf16Chunks(typeof source === 'string' ? fileChunks(source, chunkSize) : source, label);
  let row = 0;
  let bytes = 0;
  let first = true;
  const decode = (chunk: string | Uint8Array, final: boolean): string => {
    if (typeof chunk === 'string') return chunk;
    if (first && chunk.length > 0) {
      first = false;
      utf16Error(chunk, label);
    }
    return decodeChecked(chunk, bytes, label, (c) => decoder.decode(c, { stream: !final }));
  };
  for await (const chunk of chunks) {
    const text = decode(chunk, false);
    bytes += typeof chunk === 'string' ? 0 : chunk.length;
    onBytes?.(chunks.read());
    const rows = tokenizer.push(text);
    if (rows.length > 0) {
      const batch: SheetRow[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) batch[i] = { row: ++row, cells: rows[i]!, formats: NO_FORMATS };
      yield batch;
    }
  }
  const rest = decode(new Uint8Array(0), true);
  const last = [...tokenizer.push(rest), ...tokenizer.end()];
  if (last.length > 0) yield last.map((cells) => ({ row: ++row, cells, formats: NO_FORMATS }));
}
