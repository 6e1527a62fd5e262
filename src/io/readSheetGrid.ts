import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { Decimal } from '../_internal/_decimal.js';
import { fail } from '../errors/VnPovertyError.js';
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
    if ('result' in value) return value.result === undefined ? null : cellText(value.result as ExcelJS.CellValue, fmt, format);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
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
 * covers — so a two-row Vietnamese header names every column it spans; every row as wide as the
 * sheet's widest. The shared step before
 * `tableFromSpec` (reconciliation) and document reading.
 *
 * @throws VnPovertyError `missing-sheet` naming the sheets there are; a file that is not an
 *   XLSX workbook rejects with exceljs's error.
 * @example
 * (await readSheetGrid('ke-hoach.xlsx', { sheet: 'Biểu 1' })).grid[3] //=> ['I', 'Thành thị', '16.194', '113', '0,70', …]
 */
export async function readSheetGrid(path: string, options: ReadSheetGridOptions = {}): Promise<SheetGrid> {
  const label = options.source ?? basename(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets = workbook.worksheets.map((w) => w.name);
  const wanted = options.sheet ?? 1;
  const ws = typeof wanted === 'number' ? workbook.worksheets[wanted - 1] : workbook.getWorksheet(wanted);
  if (ws === undefined) {
    return fail({ code: 'missing-sheet', path: [label], value: wanted, expected: sheets.length > 0 ? `one of the sheets ${sheets.map((s) => JSON.stringify(s)).join(', ')}` : 'a workbook with at least one sheet' });
  }
  const format = options.numberFormat ?? 'vi';
  const rows: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: (string | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value, typeof cell.numFmt === 'string' ? cell.numFmt : undefined, format);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(rangeOf);
  for (const m of merges) {
    const value = rows[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = (rows[r] ??= []);
      for (let c = m.left; c <= m.right; c++) row[c] = value;
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    }
  }
  // every row as wide as the sheet, so that a row whose last cells are empty is not a short row
  const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
  const grid = Object.freeze(rows.map((r) => Object.freeze([...r, ...Array<null>(width - r.length).fill(null)])));
  return Object.freeze({ sheet: ws.name, sheets: Object.freeze(sheets), grid, merges: Object.freeze(merges.map((m) => Object.freeze(m))) });
}
