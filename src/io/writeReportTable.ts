import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { Decimal } from '../_internal/_decimal.js';
import { fail } from '../errors/VnPovertyError.js';
import { assertOptions } from '../errors/assertOptions.js';
import type { SpecColumnKind } from '../reconcile/tableSpec.js';
import type { ReportTable } from '../reports/reportTable.js';
import { loadExcelJs } from './_excelWorkbook.js';
import { openAtomicOutput, TEMP_FILE_FLAGS } from './_atomicOutput.js';
import { formatCsvRow, neutraliseCsvFormula, type CsvDelimiter } from './csv.js';
import { formatOfPath, type FileFormat } from './readRows.js';
import { XLSX_MAX_DATA_ROWS, type TableTarget } from './tableWriter.js';

/** One table of a workbook: the report and the name of its sheet. */
export interface ReportSheet {
  readonly table: ReportTable;
  /** The sheet's name (1 to 31 characters, none of `\ / ? * [ ] :`). */
  readonly sheetName: string;
}

/** Options of {@link writeReportTable} and {@link writeReportWorkbook}. */
export interface WriteReportTableOptions {
  /** Output format; from the path's extension unless told (a text sink is CSV). */
  readonly format?: FileFormat;
  /** CSV field separator (default `','`). */
  readonly delimiter?: CsvDelimiter;
  /** CSV byte-order mark so Excel reads Vietnamese letters (default true). */
  readonly bom?: boolean;
  /**
   * CSV text cells exactly as they are. By default a text cell (a unit, a village, a name)
   * that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
   * spreadsheet shows it as text instead of running it as a formula; the figures the report
   * printed are never changed.
   */
  readonly rawCsv?: boolean;
  /** XLSX sheet name of a single table (default `'Báo cáo'`). */
  readonly sheetName?: string;
}

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/u;

/** The longest of some lengths (a loop: a report of a million rows is too many arguments for `Math.max`). */
function longest(rows: readonly (readonly unknown[])[], length: (row: readonly unknown[]) => number, least = 0): number {
  let n = least;
  for (const row of rows) n = Math.max(n, length(row));
  return n;
}
const COUNT_TEXT = /^\d{1,3}(?:\.\d{3})*$/u;
const RATE_TEXT = /^\d{1,3}(?:\.\d{3})*(?:,(\d+))?$/u;

function checkSheetName(name: string): string {
  if (typeof name !== 'string' || name === '' || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) {
    return fail({ code: 'invalid-sheet-name', path: ['sheetName'], value: name, expected: 'a sheet name of 1 to 31 characters without \\ / ? * [ ] : and not starting or ending with an apostrophe (Excel refuses others)' });
  }
  return name;
}

/** The kind of each grid column: the table's `kinds`, else the spec's columns matched by their header paths (the grid's header rows); undefined where neither says. */
function columnKinds(table: ReportTable): readonly (SpecColumnKind | undefined)[] {
  const width = longest(table.grid, (r) => r.length);
  if (table.kinds !== undefined) return Array.from({ length: width }, (_, c) => table.kinds![c]);
  const header = table.grid.slice(0, table.headerRows);
  const path = (c: number): string => header.map((r) => r[c] ?? '').join('\u0000');
  const byPath = new Map<string, SpecColumnKind>();
  for (const col of table.spec.columns) {
    const h = col.header === undefined ? [col.key] : typeof col.header === 'string' ? [col.header] : col.header;
    const padded = [...h, ...Array<string>(Math.max(0, table.headerRows - h.length)).fill(h[h.length - 1] ?? '')];
    byPath.set(padded.join('\u0000'), col.kind);
  }
  return Array.from({ length: width }, (_, c) => byPath.get(path(c)));
}

/** A figure as the reports print it (`16.194`, `0,70`, `-`): never a formula. */
const FIGURE = /^(?:-|\d{1,3}(?:\.\d{3})*(?:,\d+)?)$/u;

/** The title row, header rows and data rows of a table as CSV lines, text cells made formula-safe unless `rawCsv`. */
function csvText(table: ReportTable, options: WriteReportTableOptions): string {
  const delimiter = options.delimiter ?? ',';
  const kinds = columnKinds(table);
  const width = kinds.length;
  const rows = [[table.title, ...Array<string>(Math.max(0, width - 1)).fill('')], ...table.grid];
  const lines = rows.map((row, r) => {
    const data = r > table.headerRows;
    const cells = Array.from({ length: width }, (_, c) => {
      const text = row[c] ?? '';
      // a unit, a village or a name may start like a formula; the figures the report printed are left as they are
      const figure = data && kinds[c] !== 'text' && (kinds[c] !== undefined || FIGURE.test(text));
      return options.rawCsv === true || figure ? text : neutraliseCsvFormula(text);
    });
    return formatCsvRow(cells, delimiter, r);
  });
  return (options.bom ?? true ? '\uFEFF' : '') + lines.map((l) => `${l}\r\n`).join('');
}

/** The merged ranges of the header rows: a text repeated to the right under the same upper headers, and down where a header spans rows. 0-based, inclusive. */
function headerMerges(table: ReportTable): Array<{ top: number; left: number; bottom: number; right: number }> {
  const header = table.grid.slice(0, table.headerRows);
  const width = longest(header, (r) => r.length);
  const taken = header.map(() => Array<boolean>(width).fill(false));
  const text = (r: number, c: number): string => header[r]?.[c] ?? '';
  const sameAbove = (r: number, a: number, b: number): boolean => header.slice(0, r).every((row) => (row[a] ?? '') === (row[b] ?? ''));
  const out: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  for (let r = 0; r < header.length; r++) {
    for (let c = 0; c < width; c++) {
      if (taken[r]![c] || text(r, c) === '') continue;
      let right = c;
      while (right + 1 < width && !taken[r]![right + 1] && text(r, right + 1) === text(r, c) && sameAbove(r, c, right + 1)) right++;
      let bottom = r;
      while (bottom + 1 < header.length && Array.from({ length: right - c + 1 }, (_, k) => text(bottom + 1, c + k) === text(r, c) && !taken[bottom + 1]![c + k]).every(Boolean)) bottom++;
      for (let y = r; y <= bottom; y++) for (let x = c; x <= right; x++) taken[y]![x] = true;
      if (right > c || bottom > r) out.push({ top: r, left: c, bottom, right });
    }
  }
  return out;
}

/** A figure of a count, row-number or rate column as an Excel number (exactly the printed value), else the text. */
function cellValue(text: string, kind: SpecColumnKind | undefined): { value: ExcelJS.CellValue; numFmt?: string } {
  if (text === '') return { value: null };
  if ((kind === 'count' || kind === 'row-number') && COUNT_TEXT.test(text)) {
    const n = Number(text.replace(/\./gu, ''));
    if (Number.isSafeInteger(n)) return { value: n, numFmt: kind === 'count' ? '#,##0' : '0' };
  }
  if (kind === 'rate') {
    const m = RATE_TEXT.exec(text);
    if (m !== null) {
      const plain = text.replace(/\./gu, '').replace(',', '.');
      const n = Number(plain);
      const decimals = m[1]?.length ?? 0;
      if (Number.isFinite(n) && new Decimal(String(n)).eq(new Decimal(plain))) return { value: n, numFmt: decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}` };
    }
  }
  return { value: text };
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

async function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ReportSheet): Promise<void> {
  const { table } = sheet;
  if (table.grid.length + 1 > XLSX_MAX_DATA_ROWS + 1) {
    fail({ code: 'too-many-rows', path: [sheet.sheetName], value: table.grid.length + 1, expected: `at most ${XLSX_MAX_DATA_ROWS + 1} rows in an XLSX sheet; write a .csv instead` });
  }
  const kinds = columnKinds(table);
  const width = Math.max(1, kinds.length);
  const top = table.headerRows + 1;
  const ws = workbook.addWorksheet(checkSheetName(sheet.sheetName), {
    views: [{ state: 'frozen', ySplit: top, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `2:${top}` },
  });
  ws.columns = kinds.map((kind, c) => {
    const widest = Math.max(longest(table.grid.slice(table.headerRows), (r) => String(r[c] ?? '').length, 4), longest(table.grid.slice(0, table.headerRows), (r) => Math.min(16, String(r[c] ?? '').length)));
    return { width: Math.min(kind === 'text' ? 40 : 16, widest + 2) };
  });
  const title = ws.addRow([table.title]);
  title.font = { bold: true, size: 13 };
  const headers = table.grid.slice(0, table.headerRows).map((cells) => {
    const row = ws.addRow(Array.from({ length: width }, (_, c) => cells[c] ?? ''));
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (let c = 1; c <= width; c++) row.getCell(c).border = THIN;
    return row;
  });
  // merges before the rows are committed (a streamed sheet cannot merge committed rows)
  if (width > 1) ws.mergeCells(1, 1, 1, width);
  for (const m of headerMerges(table)) ws.mergeCells(m.top + 2, m.left + 1, m.bottom + 2, m.right + 1);
  title.commit();
  for (const h of headers) h.commit();
  let written = 0;
  for (const cells of table.grid.slice(table.headerRows)) {
    // let the zip stream compress and write what was committed, so rows do not pile up in memory
    if ((++written & 255) === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const row = ws.addRow([]);
    // a numbered row is a unit or a household; a heading, a block or the total is printed bold
    const numbered = /^\d+$/u.test(cells[0] ?? '');
    for (let c = 0; c < width; c++) {
      const { value, numFmt } = cellValue(cells[c] ?? '', kinds[c]);
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (numFmt !== undefined) cell.numFmt = numFmt;
      cell.border = THIN;
      if (kinds[c] !== 'text') cell.alignment = { horizontal: kinds[c] === 'row-number' ? 'center' : 'right' };
    }
    if (!numbered) row.font = { bold: true };
    row.commit();
  }
  ws.commit();
}

/**
 * Writes report tables as one XLSX workbook, a sheet each: the title (bold, merged across the
 * table), the header rows with their merged cells (a header over several columns or rows, as
 * the form prints it), then the rows; counts and rates stored as numbers formatted as printed
 * (`#,##0`, `0.00`: Excel shows `16.194`, `0,70` in Vietnamese), `-` and texts as text; the
 * header frozen and repeated on every printed page, A4 landscape. Written atomically: an existing
 * file is replaced only when the whole workbook is written. `reconcile FILE.xlsx --sheet NAME
 * --spec` (the table's spec as JSON) or `--layout summary-form` reads each sheet back.
 *
 * @throws VnPovertyError `invalid-sheet-name`, `duplicate-sheet`, `too-many-rows`, `unsupported-format`, and the output checks (`missing-folder`, `output-is-folder`, …).
 * @example
 * await writeReportWorkbook('mau-3.xlsx', [{ table: summaryFormTable(poor), sheetName: 'Hộ nghèo' }, { table: summaryFormTable(nearPoor), sheetName: 'Hộ cận nghèo' }])
 */
export async function writeReportWorkbook(path: string, sheets: readonly ReportSheet[], options: WriteReportTableOptions = {}): Promise<void> {
  assertOptions(options, 'writeReportWorkbook');
  if (typeof path !== 'string' || formatOfPath(path) !== 'xlsx') fail({ code: 'unsupported-format', path: [String(path)], value: path, expected: 'an .xlsx file for a workbook' });
  const names = new Set<string>();
  for (const s of sheets) {
    const folded = checkSheetName(s.sheetName).toLocaleLowerCase('vi');
    if (names.has(folded)) fail({ code: 'duplicate-sheet', path: ['sheetName'], value: s.sheetName, expected: 'each sheet name once' });
    names.add(folded);
  }
  if (sheets.length === 0) fail({ code: 'no-data', path: [path], value: 0, expected: 'at least one table to write' });
  const excel = await loadExcelJs();
  const output = await openAtomicOutput(path);
  const file = createWriteStream(output.tempPath, { flags: TEMP_FILE_FLAGS });
  try {
    const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
    for (const s of sheets) await addSheet(workbook, s);
    await workbook.commit();
    if (!file.closed) await once(file, 'close');
    await output.commit();
  } catch (error) {
    file.destroy();
    await once(file, 'close').catch(() => undefined);
    await output.abort();
    throw error;
  }
}

/**
 * Writes one report table (a summary form, a standard report) to a CSV or XLSX file, by the
 * path's extension, or as CSV to a text sink such as `process.stdout`: the title on the first
 * line, then the header rows (in XLSX with their merged cells, see {@link writeReportWorkbook};
 * in CSV a merged header's text repeated in every cell it spans), then the rows exactly as the
 * report printed them (`16.194`, `0,70`, `-`). Text cells that could run as a formula in a
 * spreadsheet are neutralised in CSV unless `rawCsv`. Atomic: an existing file is replaced only
 * on success. `vn-poverty reconcile FILE --spec TABLE.json` (the table's `spec`) reads it back.
 *
 * @returns the number of data rows written (header rows not counted).
 * @throws VnPovertyError as {@link writeReportWorkbook}; `invalid-input` for a table that is not one.
 * @example
 * await writeReportTable(reviewSummaryTable(reviewSummaryReport(households, { decimals: 2, rounding: 'half-up' })), 'tong-hop.csv') //=> 3
 */
export async function writeReportTable(table: ReportTable, target: TableTarget, options: WriteReportTableOptions = {}): Promise<number> {
  assertOptions(options, 'writeReportTable');
  if (typeof table !== 'object' || table === null || !Array.isArray(table.grid) || !Number.isInteger(table.headerRows) || typeof table.title !== 'string' || typeof table.spec !== 'object') {
    fail({ code: 'invalid-input', path: ['table'], value: typeof table, expected: 'a report table { title, headerRows, grid, spec } (summaryFormTable, reviewSummaryTable, …)' });
  }
  const format = options.format ?? (typeof target === 'string' ? formatOfPath(target) : 'csv');
  const rows = table.grid.length - table.headerRows;
  if (format === 'xlsx') {
    if (typeof target !== 'string') return fail({ code: 'unsupported-format', path: [], value: 'stream', expected: 'a file path for XLSX output' });
    await writeReportWorkbook(target, [{ table, sheetName: options.sheetName ?? 'Báo cáo' }], options);
    return rows;
  }
  const text = csvText(table, options);
  if (typeof target !== 'string') {
    const ok = target.write(text);
    if (ok === false && typeof target.once === 'function') await new Promise<void>((resolve) => target.once!('drain', resolve));
    return rows;
  }
  const output = await openAtomicOutput(target);
  try {
    await writeFile(output.tempPath, text, { encoding: 'utf8', flag: TEMP_FILE_FLAGS });
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
  return rows;
}
