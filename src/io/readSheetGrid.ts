import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { Decimal } from '../_internal/_decimal.js';
import { fail } from '../errors/VnPovertyError.js';
import { assertOptions } from '../errors/assertOptions.js';
import { assertReadableCells, assertSheetArea, cellValueOf, loadXlsxWorkbook } from './_excel.js';
import { XLSX_TABLE_LIMITS, type XlsxLimits } from './readLimits.js';
import type { NumberFormat } from '../numbers/printedInterval.js';
import type { PrintedGrid } from '../reconcile/tableFromSpec.js';

/** A merged range of a sheet, 0-based and inclusive. */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A sheet as a grid of printed cells, with its merged ranges resolved. */
export interface SheetGrid {
  /** The sheet's name. */
  readonly sheet: string;
  /** Every sheet of the workbook, in order. */
  readonly sheets: readonly string[];
  /** The cells as printed (see `PrintedGrid`): each merged range's value copied into every cell it covers. */
  readonly grid: PrintedGrid;
  readonly merges: readonly MergedRange[];
}

/** Options of {@link readSheetGrid}. */
export interface ReadSheetGridOptions {
  /** The sheet: its name or 1-based position; the first unless told. */
  readonly sheet?: string | number;
  /** How numeric cells are written into the grid: `'vi'` (`16.194`, `0,70`; the default) or `'en'`. */
  readonly numberFormat?: NumberFormat;
  /** Name used in messages; the file's base name unless told. */
  readonly source?: string;
  /** Limits on the workbook (default {@link XLSX_TABLE_LIMITS}). */
  readonly limits?: Partial<XlsxLimits>;
}

/** Decimals a number format shows (`'0.00'` → 2, `'#,##0'` → 0, `'0.0%'` → 1); null for General. */
function formatDecimals(fmt: string | undefined): number | null {
  if (fmt === undefined || fmt === '' || fmt === 'General') return null;
  const section = fmt.split(';')[0]!.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  const m = /\.([0#?]+)/.exec(section);
  return m === null ? 0 : m[1]!.length;
}

/** A numeric cell as it is shown: its format's decimals, `%` when the format is a percentage; exact from the number's shortest decimal form. */
function numberText(value: number, fmt: string | undefined, format: NumberFormat): string {
  const percent = fmt !== undefined && fmt.includes('%');
  let d = new Decimal(String(value));
  if (percent) d = d.times(100);
  const decimals = formatDecimals(fmt);
  const fixed = decimals === null ? d.toFixed() : d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = fmt !== undefined && fmt.includes(',') ? int.replace(/\B(?=(\d{3})+(?!\d))/g, format === 'vi' ? '.' : ',') : int;
  const text = frac === undefined ? grouped : `${grouped}${format === 'vi' ? ',' : '.'}${frac}`;
  return percent ? `${text}%` : text;
}

function cellText(value: ExcelJS.CellValue, fmt: string | undefined, format: NumberFormat): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberText(value, fmt, format);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined || value.result === null ? null : cellText(value.result as ExcelJS.CellValue, fmt, format);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return String(value);
}

/** `'B3:D4'` → the 0-based range. */
function rangeOf(ref: string): MergedRange {
  const [a = '', b = a] = ref.split(':');
  const at = (r: string): [number, number] => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(r.toUpperCase());
    if (m === null) return [0, 0];
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [Number(m[2]) - 1, col - 1];
  };
  const [top, left] = at(a);
  const [bottom, right] = at(b);
  return { top, left, bottom, right };
}

/**
 * Reads one sheet of an XLSX workbook as the grid of cells a reader sees: each numeric cell
 * written as shown (its number format's decimals and percent sign, in the vi-VN way unless
 * told), formulas as their results, and every merged range's value copied into each cell it
 * covers — so a two-row Vietnamese header names every column it spans. The grid runs from A1 to the
 * last cell with a value (or the last merged range), every row as wide as the grid; one that would
 * span more than `maxCells` cells (a stray cell at XFD1048576) is refused. The shared step before
 * `tableFromSpec` (reconciliation) and document reading.
 *
 * The file goes through the same checks as every XLSX reader (see {@link XLSX_TABLE_LIMITS}):
 * an empty, truncated, damaged or foreign file, a zip bomb or a workbook over the limits is
 * refused naming the file and the reason; a cell that cannot be read as printed — a formula with
 * no saved value, an error value — is refused naming the cell (a blank there would be a misreading).
 *
 * @throws VnPovertyError `missing-sheet` naming the sheets there are; `empty-file`, `not-xlsx`,
 *   `corrupt-xlsx`, `xlsx-limit`, `unreadable-cell` naming the file; never an exceljs error.
 * @example
 * (await readSheetGrid('ke-hoach.xlsx', { sheet: 'Biểu 1' })).grid[3] //=> ['I', 'Thành thị', '16.194', '113', '0,70', …]
 */
export async function readSheetGrid(path: string, options: ReadSheetGridOptions = {}): Promise<SheetGrid> {
  assertOptions(options, 'readSheetGrid');
  const label = options.source ?? basename(path);
  const limits = { ...XLSX_TABLE_LIMITS, ...options.limits };
  const workbook = await loadXlsxWorkbook(path, label, limits);
  const sheets = workbook.worksheets.map((w) => w.name);
  // without a sheet named, the first visible one (a hidden sheet of instructions or lists is not the table)
  const wanted = options.sheet ?? Math.max(1, workbook.worksheets.findIndex((w) => w.state === undefined || w.state === 'visible') + 1);
  const ws = typeof wanted === 'number' ? workbook.worksheets[wanted - 1] : workbook.getWorksheet(wanted);
  if (ws === undefined) {
    return fail({ code: 'missing-sheet', path: [label], value: wanted, expected: sheets.length > 0 ? `one of the sheets ${sheets.map((s) => JSON.stringify(s)).join(', ')}` : 'a workbook with at least one sheet' });
  }
  assertReadableCells(ws, label);
  const format = options.numberFormat ?? 'vi';
  // the grid runs from A1 to the last cell with a value (or the last merged range)
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(rangeOf);
  let height = 0;
  let width = 0;
  const texts: Array<[number, number, string]> = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cellValueOf(cell), typeof cell.numFmt === 'string' ? cell.numFmt : undefined, format);
      if (text === null) return;
      texts.push([n - 1, col - 1, text]);
      height = Math.max(height, n);
      width = Math.max(width, col);
    });
  });
  for (const m of merges) {
    height = Math.max(height, m.bottom + 1);
    width = Math.max(width, m.right + 1);
  }
  assertSheetArea(label, ws.name, height, width, limits.maxCells);
  // every row as wide as the sheet, so that a row whose last cells are empty is not a short row
  const rows: (string | null)[][] = Array.from({ length: height }, () => Array<string | null>(width).fill(null));
  for (const [r, c, text] of texts) rows[r]![c] = text;
  for (const m of merges) {
    const value = rows[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) rows[r]![c] = value;
  }
  const grid = Object.freeze(rows.map((r) => Object.freeze(r)));
  return Object.freeze({ sheet: ws.name, sheets: Object.freeze(sheets), grid, merges: Object.freeze(merges.map((m) => Object.freeze(m))) });
}
