import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { fail } from '../errors/VnPovertyError.js';
import { createCsvTokenizer, type CsvDelimiter } from './_csvTokenizer.js';

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
  return fail({ code: 'unsupported-format', path: [path], value: ext, expected: 'a .csv or .xlsx file' });
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
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  const format = options.format ?? (typeof source === 'string' ? formatOfPath(source) : 'csv');
  if (format === 'xlsx') {
    let batch: SheetRow[] = [];
    for await (const row of readXlsxRows(source, options.sheet, label)) {
      batch.push(row);
      if (batch.length >= 512) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  yield* readCsvRows(source, options.delimiter, label, options.chunkSize);
}

const NO_FORMATS: ReadonlyArray<string | undefined> = Object.freeze([]);

async function* readCsvRows(
  source: RowSource,
  delimiter: CsvDelimiter | undefined,
  label: string | undefined,
  chunkSize = 64 * 1024,
): AsyncGenerator<SheetRow[]> {
  const tokenizer = createCsvTokenizer({ ...(delimiter !== undefined ? { delimiter } : {}), ...(label !== undefined ? { source: label } : {}) });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunks: AsyncIterable<string | Uint8Array> = typeof source === 'string' ? createReadStream(source, { highWaterMark: chunkSize }) : source;
  let row = 0;
  let bytes = 0;
  const decode = (chunk: string | Uint8Array, final: boolean): string => {
    if (typeof chunk === 'string') return chunk;
    try {
      return decoder.decode(chunk, { stream: !final });
    } catch {
      return fail({
        code: 'invalid-encoding',
        path: label !== undefined ? [label] : [],
        value: `bytes ${bytes}–${bytes + chunk.length}`,
        expected: 'UTF-8 text (in Excel: Save As → "CSV UTF-8 (Comma delimited)")',
        message: `${label ?? 'the CSV input'} is not UTF-8 text near byte ${bytes}; save it as "CSV UTF-8" (Excel's plain "CSV" uses Windows-1258)`,
      });
    }
  };
  for await (const chunk of chunks) {
    const text = decode(chunk, false);
    bytes += typeof chunk === 'string' ? 0 : chunk.length;
    const rows = tokenizer.push(text);
    if (rows.length > 0) yield rows.map((cells) => ({ row: ++row, cells, formats: NO_FORMATS }));
  }
  const rest = decode(new Uint8Array(0), true);
  const last = [...tokenizer.push(rest), ...tokenizer.end()];
  if (last.length > 0) yield last.map((cells) => ({ row: ++row, cells, formats: NO_FORMATS }));
}

async function* readXlsxRows(source: RowSource, sheet: string | number | undefined, label: string | undefined): AsyncGenerator<SheetRow> {
  if (typeof source !== 'string' && !('pipe' in source)) {
    fail({ code: 'unsupported-format', path: label !== undefined ? [label] : [], value: 'async iterable', expected: 'an XLSX file path or readable stream' });
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source as string | Readable, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let index = 0;
  const seen: string[] = [];
  for await (const worksheet of reader) {
    index += 1;
    const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${index}`;
    seen.push(name);
    const wanted = sheet === undefined ? index === 1 : typeof sheet === 'number' ? index === sheet : name === sheet;
    if (!wanted) {
      for await (const _row of worksheet) void _row; // skip this sheet's rows
      continue;
    }
    for await (const row of worksheet) {
      const cells: RawCell[] = [];
      const formats: Array<string | undefined> = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = xlsxCellValue(cell.value);
        const fmt = cell.numFmt;
        if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General') formats[col - 1] = fmt;
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      yield { row: row.number, cells, formats };
    }
    return;
  }
  fail({
    code: 'missing-sheet',
    path: label !== undefined ? [label] : [],
    value: sheet ?? 1,
    expected: seen.length > 0 ? `one of the sheets ${seen.map((s) => JSON.stringify(s)).join(', ')}` : 'a workbook with at least one sheet',
  });
}

/** Reduces an exceljs cell value (rich text, formula, hyperlink…) to a {@link RawCell}. */
export function xlsxCellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined ? null : xlsxCellValue(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
