import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { columnLetters } from './_excel.js';
import { loadExcelJs } from './_excelWorkbook.js';
import type ExcelJS from 'exceljs';
import { Decimal } from '../_internal/_decimal.js';
import { fail } from '../errors/VnPovertyError.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import type { RoundingMode } from '../numbers/rounding.js';
import { formatCsvRow, neutraliseCsvFormula, type CsvDelimiter } from './csv.js';
import { openAtomicOutput, openAtomicStream, TEMP_FILE_FLAGS, type AtomicOutput } from './_atomicOutput.js';
import { LINE_HEIGHT, PRINT_FOOTER, printSetup, wrappedLines } from './_printSetup.js';
import type { CellValue, ColumnHint, ColumnSpec } from './columns.js';
import { formatOfPath, type FileFormat } from './readRows.js';

/** A value a column may hand to a writer. */
export type OutputValue = CellValue | number;

/** One column of an output table: headers in both languages, its kind, and how to get its value. */
export interface TableColumn<T> {
  /** Stable key (also accepted as a header when reading the file back). */
  readonly key: string;
  /** Vietnamese header. */
  readonly vi: string;
  /** English header. */
  readonly en: string;
  /** What the column holds; the same hints the readers take. */
  readonly kind: ColumnHint;
  /**
   * For `'rate'`: digits after the decimal mark (default 2), or `'as-given'`: each value with
   * the digits it has (a difference, which is never rounded for the file).
   */
  readonly decimals?: number | 'as-given';
  /** For `'rate'`: how to round a value with more digits than `decimals` (else such a value is an error). */
  readonly rounding?: RoundingMode;
  /** The cell value of a row (`null` for an empty cell). */
  readonly value: (row: T) => OutputValue;
  /** XLSX: a data bar in each cell, from 0 to 100 (for a percentage column). */
  readonly dataBar?: boolean;
  /** XLSX: the column is hidden (kept for programs and for reading the file back, not shown or printed). */
  readonly hidden?: boolean;
}

/** Which language headers are written in: Vietnamese, English, or `"Vietnamese (English)"` (default). */
export type HeaderLanguage = 'vi' | 'en' | 'both';

/** Options of {@link openTableWriter}; `T` is the row type (for {@link TableWriterOptions.bold}). */
export interface TableWriterOptions<T = never> {
  /** Output format; from the path's extension unless told. */
  readonly format?: FileFormat;
  /** Header language (default `'both'`). */
  readonly headers?: HeaderLanguage;
  /** CSV numbers: `'vi'` (default: `16.194`, `0,70`) or `'plain'` (`16194`, `0.70`) for other programs. */
  readonly numbers?: 'vi' | 'plain';
  /** CSV field separator (default `','`). */
  readonly delimiter?: CsvDelimiter;
  /** CSV byte-order mark so Excel reads Vietnamese letters (default true). */
  readonly bom?: boolean;
  /** XLSX sheet name (default `'Dữ liệu'`); at most 31 characters, none of `\\ / ? * [ ] :`. */
  readonly sheetName?: string;
  /**
   * XLSX: lines printed above the header, the first as the title (bold, larger), each merged
   * across the table, then a blank row: what the table is, its unit, the date, the standard.
   * The library's readers skip such a block when they read the file back. CSV ignores it.
   */
  readonly title?: readonly string[];
  /** XLSX: rows printed in bold (totals, roll-ups). */
  readonly bold?: (row: T) => boolean;
  /**
   * CSV text cells exactly as they are. By default a text cell that begins with `=`, `+`, `-`,
   * `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text
   * instead of running it as a formula (CSV injection); numbers the writer formats are never
   * changed. Set `rawCsv: true` for machine pipelines that need the text untouched.
   */
  readonly rawCsv?: boolean;
}

/**
 * Where a table goes: a file path, or (CSV only) anything with `write(text)`, such as
 * `process.stdout`; when its `write` returns false and it has `once`, writing waits for `'drain'`.
 */
export type TableTarget = string | { write(text: string): unknown; once?: (event: 'drain', listener: () => void) => unknown };

/** An open output file: write rows one by one, then close. */
export interface TableWriter<T> {
  /** Writes one row; resolves when the output can take more (back-pressure). */
  write(row: T): Promise<void>;
  /**
   * Finishes the file; resolves when it is complete on disk. A file target is written to a
   * temporary file beside it and renamed over the target only here, so an existing file is
   * replaced whole or not at all.
   */
  close(): Promise<void>;
  /** Gives up: removes the temporary file and leaves an existing target untouched. */
  abort(): Promise<void>;
  /** Rows written so far (header not counted). */
  readonly rowCount: number;
}

/**
 * The most data rows an XLSX sheet holds under its 1,048,576-row limit (one is the header);
 * write larger outputs as CSV.
 * @example
 * XLSX_MAX_DATA_ROWS //=> 1048575
 */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

/**
 * The header text of a column in a language (a column whose two headers are the same, such as
 * a column passed through from the input, has that one header).
 * @example
 * columnHeader({ vi: 'Số hộ nghèo', en: 'Poor households' }, 'both') //=> 'Số hộ nghèo (Poor households)'
 */
export function columnHeader(column: Pick<TableColumn<unknown>, 'vi' | 'en'>, language: HeaderLanguage): string {
  return language === 'vi' || column.vi === column.en ? column.vi : language === 'en' ? column.en : `${column.vi} (${column.en})`;
}

/**
 * The reader's view of output columns, so a file written with them reads back with
 * {@link readRecords} (every header language is recognised).
 * @example
 * columnSpecsOf([{ key: 'poor', vi: 'Số hộ nghèo', en: 'Poor households', kind: 'count', value: (r: { poor: bigint }) => r.poor }])[0]?.hint //=> 'count'
 */
export function columnSpecsOf(columns: ReadonlyArray<TableColumn<never>>): ColumnSpec[] {
  return columns.map((c) => ({ key: c.key, hint: c.kind, vi: c.vi, en: c.en }));
}

function rateDecimals(column: Pick<TableColumn<never>, 'decimals'>, value?: Decimal | number | bigint): number {
  if (column.decimals !== 'as-given') return column.decimals ?? 2;
  return value === undefined || typeof value === 'bigint' ? 0 : new Decimal(value).decimalPlaces();
}

/**
 * The CSV text of one value under a column: Vietnamese (`16.194`, `0,70`) or plain
 * (`16194`, `0.70`) numbers, `có`/`không` for booleans, `''` for null.
 *
 * @throws VnPovertyError `invalid-output`, `rounding-required`.
 * @example
 * formatCellText({ kind: 'rate' }, new Decimal('0.7'), 'vi') //=> '0,70'
 */
export function formatCellText(
  column: Pick<TableColumn<never>, 'kind' | 'decimals' | 'rounding'>,
  value: OutputValue,
  numbers: 'vi' | 'plain',
  path: ReadonlyArray<string | number> = [],
): string {
  return textOf(column, value, numbers, path);
}

function textOf(column: Pick<TableColumn<never>, 'kind' | 'decimals' | 'rounding'>, value: OutputValue, numbers: 'vi' | 'plain', path: ReadonlyArray<string | number>): string {
  if (value === null) return '';
  switch (column.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') return fail({ code: 'invalid-output', path, value: String(value), expected: 'true or false' });
      return value ? 'có' : 'không';
    case 'count':
    case 'amount':
    case 'rate': {
      if (typeof value === 'boolean' || typeof value === 'string') return fail({ code: 'invalid-output', path, value, expected: `a ${column.kind} (bigint, Decimal or number)` });
      if (typeof value === 'bigint' && column.kind !== 'rate') {
        // whole numbers: group the digits directly (the same text formatVnNumber gives)
        const digits = (value < 0n ? -value : value).toString();
        return (value < 0n ? '-' : '') + (numbers === 'vi' ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : digits);
      }
      const decimals = column.kind === 'rate' ? rateDecimals(column, value) : 0;
      const text = formatVnNumber(value, { decimals, ...(column.rounding !== undefined ? { rounding: column.rounding } : {}) });
      return numbers === 'vi' ? text : text.replace(/\./g, '').replace(',', '.');
    }
    default:
      return String(value);
  }
}

async function openCsv<T>(target: TableTarget, columns: ReadonlyArray<TableColumn<T>>, options: TableWriterOptions<T>): Promise<TableWriter<T>> {
  const delimiter = options.delimiter ?? ',';
  const numbers = options.numbers ?? 'vi';
  const file = typeof target === 'string' ? await openAtomicStream(target) : undefined;
  const raw = options.rawCsv === true;
  const out = file?.stream ?? (target as Exclude<TableTarget, string>);
  let buffer = (options.bom ?? true ? '\uFEFF' : '') + formatCsvRow(columns.map((c) => columnHeader(c, options.headers ?? 'both')), delimiter, 0) + '\r\n';
  let rowCount = 0;
  const flush = async (): Promise<void> => {
    if (buffer === '') return;
    const ok = out.write(buffer);
    buffer = '';
    if (ok === false && typeof out.once === 'function') await new Promise<void>((resolve) => out.once!('drain', resolve));
  };
  return {
    async write(row) {
      rowCount += 1;
      const cells = columns.map((c, i) => {
        const text = textOf(c as TableColumn<never>, c.value(row), numbers, [rowCount, c.key ?? i]);
        // only text the writer did not format itself can start like a formula
        return raw || !isTextKind(c.kind) ? text : neutraliseCsvFormula(text);
      });
      buffer += formatCsvRow(cells, delimiter, rowCount) + '\r\n';
      if (buffer.length >= 64 * 1024) await flush();
    },
    async close() {
      await flush();
      await file?.finish();
    },
    async abort() {
      await file?.abort();
    },
    get rowCount() {
      return rowCount;
    },
  };
}

function isTextKind(kind: ColumnHint): boolean {
  return kind === 'text' || kind === 'date' || kind === 'boolean';
}

function numFmtOf(column: TableColumn<never>): string | undefined {
  if (column.kind === 'count' || column.kind === 'amount') return '#,##0';
  if (column.kind === 'rate') {
    if (column.decimals === 'as-given') return 'General';
    const d = rateDecimals(column);
    return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
  }
  if (column.kind === 'date') return 'dd/mm/yyyy';
  return undefined;
}

function xlsxValue(column: TableColumn<never>, value: OutputValue, path: ReadonlyArray<string | number>): ExcelJS.CellValue {
  if (value === null) return null;
  switch (column.kind) {
    case 'count':
    case 'amount':
    case 'rate': {
      // the same checks and rounding as the CSV text, then a number Excel can format
      const plain = textOf(column, value, 'plain', path);
      const n = Number(plain);
      // a number Excel stores exactly (integers to 2^53, short decimals); otherwise keep the text
      return Number.isFinite(n) && new Decimal(String(n)).eq(new Decimal(plain)) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? n : plain;
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
      if (!m) return fail({ code: 'invalid-output', path, value, expected: 'a YYYY-MM-DD date' });
      return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    }
    case 'boolean':
      return textOf(column, value, 'vi', path);
    default:
      return String(value);
  }
}

/** Data rows read before the column widths are fixed (a streamed sheet writes its widths first). */
const WIDTH_SAMPLE_ROWS = 1000;
/** Widths in characters of Excel's default font: the narrowest and widest column, and the widest text column (its cells wrap). */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const MAX_TEXT_WIDTH = 40;
/** A header wraps onto at most this many lines; its column is widened rather than wrapped further. */
const MAX_HEADER_LINES = 5;
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
const HAIR: Partial<ExcelJS.Borders> = { top: { style: 'hair' }, bottom: { style: 'hair' }, left: { style: 'thin' }, right: { style: 'thin' } };

/** Width of a column from its header (which wraps, onto at most {@link MAX_HEADER_LINES} lines) and the longest value shown. */
function fittedWidth(header: string, content: number, kind: ColumnHint): number {
  const longestWord = Math.max(0, ...header.split(/\s+/).map((w) => w.length));
  let width = Math.max(content, longestWord, MIN_WIDTH - 2);
  width = Math.min(width, kind === 'text' ? MAX_TEXT_WIDTH : MAX_WIDTH);
  while (width < MAX_WIDTH && wrappedLines(header, width + 2) > MAX_HEADER_LINES) width += 1;
  return width + 2;
}

function checkSheetName(name: string): string {
  if (name === '' || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) {
    return fail({ code: 'invalid-sheet-name', path: ['sheetName'], value: name, expected: 'a sheet name of 1 to 31 characters without \\ / ? * [ ] : and not starting or ending with an apostrophe (Excel refuses others)' });
  }
  return name;
}

/** How long a value is on screen, in characters: numbers as Excel shows them in Vietnamese (`6.000.000`, `12,34`). */
function shownLength(column: TableColumn<never>, value: ExcelJS.CellValue): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  if (typeof value === 'number' && (column.kind === 'count' || column.kind === 'amount' || column.kind === 'rate')) {
    return formatVnNumber(value, { decimals: column.kind === 'rate' ? rateDecimals(column, value) : 0, rounding: 'half-up' }).length;
  }
  return Math.max(0, ...String(value).split('\n').map((l) => l.length));
}

async function openXlsx<T>(path: string, columns: ReadonlyArray<TableColumn<T>>, options: TableWriterOptions<T>): Promise<TableWriter<T>> {
  const excel = await loadExcelJs('writing');
  const sheetName = checkSheetName(options.sheetName ?? 'Dữ liệu');
  const title = options.title ?? [];
  // title lines, a blank row, then the header
  const headerRow = title.length > 0 ? title.length + 2 : 1;
  const output = await openAtomicOutput(path);
  const file = createWriteStream(output.tempPath, { flags: TEMP_FILE_FLAGS });
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    // A4 landscape, as wide as the page, as many pages down as it takes, the header on every page
    pageSetup: printSetup(headerRow),
    headerFooter: PRINT_FOOTER,
  });
  const headers = columns.map((c) => columnHeader(c, options.headers ?? 'both'));
  const longest = columns.map(() => 0);
  const sample: Array<{ values: ExcelJS.CellValue[]; bold: boolean }> = [];
  let started = false;
  let rowCount = 0;
  let widths: number[] = [];
  const addRow = (values: ExcelJS.CellValue[], bold: boolean): void => {
    const row = sheet.addRow(values);
    let lines = 1;
    columns.forEach((c, i) => {
      // every cell at the top, so a row of wrapped text reads across
      const cell = row.getCell(i + 1);
      cell.border = HAIR;
      if (c.kind !== 'text') {
        cell.alignment = { vertical: 'top' };
        return;
      }
      cell.alignment = { wrapText: true, vertical: 'top' };
      const v = values[i];
      // spreadsheets do not all fit a row to its wrapped text on opening: give the height
      if (typeof v === 'string' && c.hidden !== true) lines = Math.max(lines, wrappedLines(v, widths[i] ?? MIN_WIDTH));
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT;
    if (bold) row.font = { bold: true };
    row.commit();
  };
  const start = (): void => {
    started = true;
    sheet.columns = columns.map((c, i) => {
      const numFmt = numFmtOf(c as TableColumn<never>);
      return { key: c.key, width: fittedWidth(headers[i] ?? '', longest[i] ?? 0, c.kind), ...(numFmt !== undefined ? { style: { numFmt } } : {}), ...(c.hidden === true ? { hidden: true } : {}) };
    });
    widths = sheet.columns.map((c) => c.width ?? MIN_WIDTH);
    title.forEach((line, i) => {
      const row = sheet.addRow([line]);
      row.font = i === 0 ? { bold: true, size: 14 } : { size: 11 };
      row.alignment = { horizontal: 'left', vertical: 'middle' };
      if (columns.length > 1) sheet.mergeCells(i + 1, 1, i + 1, columns.length);
      row.commit();
    });
    if (title.length > 0) sheet.addRow([]).commit();
    const header = sheet.addRow(headers);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    const lines = Math.max(1, ...headers.map((h, i) => (columns[i]?.hidden === true ? 1 : wrappedLines(h, widths[i] ?? MIN_WIDTH))));
    header.height = lines * LINE_HEIGHT + 3;
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
      cell.border = THIN;
    });
    header.commit();
    for (const r of sample.splice(0)) addRow(r.values, r.bold);
  };
  return {
    async write(row) {
      if (rowCount >= XLSX_MAX_DATA_ROWS - headerRow + 1) {
        fail({ code: 'too-many-rows', path: [path], value: rowCount + 1, expected: `at most ${XLSX_MAX_DATA_ROWS - headerRow + 1} data rows in an XLSX sheet; write a .csv instead` });
      }
      rowCount += 1;
      const values = columns.map((c, i) => xlsxValue(c as TableColumn<never>, c.value(row), [rowCount, c.key ?? i]));
      const bold = options.bold?.(row) === true;
      if (!started) {
        values.forEach((v, i) => (longest[i] = Math.max(longest[i] ?? 0, shownLength(columns[i] as TableColumn<never>, v))));
        sample.push({ values, bold });
        if (sample.length >= WIDTH_SAMPLE_ROWS) start();
        return;
      }
      addRow(values, bold);
      // let the zip stream compress and write what was committed, so rows do not pile up in memory
      if ((rowCount & 255) === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    },
    async close() {
      if (!started) start();
      const first = headerRow + 1;
      const last = headerRow + rowCount;
      if (rowCount > 0) {
        sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: last, column: columns.length } };
        columns.forEach((c, i) => {
          if (c.dataBar !== true) return;
          const letter = columnLetters(i + 1);
          sheet.addConditionalFormatting({
            ref: `${letter}${first}:${letter}${last}`,
            rules: [{ type: 'dataBar', priority: i + 1, gradient: true, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 100 }], color: { argb: 'FF7FA7D8' } } as unknown as ExcelJS.ConditionalFormattingRule],
          });
        });
      }
      sheet.commit();
      await workbook.commit();
      if (!file.closed) await once(file, 'close');
      await output.commit();
    },
    async abort() {
      file.destroy();
      await once(file, 'close').catch(() => undefined);
      await output.abort();
    },
    get rowCount() {
      return rowCount;
    },
  };
}

/**
 * Opens an output table (CSV or XLSX by the path's extension) with headers in Vietnamese and
 * English. CSV numbers are written the Vietnamese way (`16.194`, `0,70`) unless `numbers:
 * 'plain'`; an XLSX stores real numbers formatted `#,##0` and `0.00` (Excel shows them with
 * the reader's separators, `16.194` in Vietnamese), dates as dates, booleans as có/không.
 * Rows stream to disk: memory stays bounded.
 *
 * @param target - the output file (`.csv` or `.xlsx`), or a writable text sink for CSV (e.g. `process.stdout`).
 * @param columns - the columns, in order.
 * @param options - format, header language, CSV number style, delimiter, byte-order mark, sheet name.
 * @throws VnPovertyError `unsupported-format`; on `write`: `invalid-output` (a value of the
 *   wrong kind), `rounding-required` (a rate with more digits than the column shows and no
 *   rounding named), `too-many-rows` (past the XLSX limit).
 * @example
 * const w = await openTableWriter('xa.xlsx', AREA_SUMMARY_COLUMNS); await w.write(summary); await w.close()
 */
export async function openTableWriter<T>(target: TableTarget, columns: ReadonlyArray<TableColumn<T>>, options: TableWriterOptions<T> = {}): Promise<TableWriter<T>> {
  const format = options.format ?? (typeof target === 'string' ? formatOfPath(target) : 'csv');
  if (format === 'xlsx') {
    if (typeof target !== 'string') return fail({ code: 'unsupported-format', path: [], value: 'stream', expected: 'a file path for XLSX output' });
    return openXlsx(target, columns, options);
  }
  return openCsv(target, columns, options);
}

/**
 * Writes all rows to a CSV or XLSX file through {@link openTableWriter}; resolves to the
 * number of data rows written. On any error the temporary file is removed and an existing file
 * at the target is left as it was.
 *
 * @throws VnPovertyError as {@link openTableWriter}.
 * @example
 * await writeTable('ket-qua.csv', CLASSIFIED_HOUSEHOLD_COLUMNS, results) //=> 1000
 */
export async function writeTable<T>(target: TableTarget, columns: ReadonlyArray<TableColumn<T>>, rows: Iterable<T> | AsyncIterable<T>, options: TableWriterOptions<T> = {}): Promise<number> {
  const writer = await openTableWriter(target, columns, options);
  try {
    for await (const row of rows) await writer.write(row);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.close();
  return writer.rowCount;
}
