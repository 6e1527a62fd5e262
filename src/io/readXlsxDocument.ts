import type ExcelJS from 'exceljs';
import { deepFreeze } from '../_internal/_freeze.js';
import { Decimal } from '../_internal/_decimal.js';
import type { DocumentBlock, DocumentCell, DocumentModel } from '../documents/documentModel.js';
import { assertOptions } from '../errors/assertOptions.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { assertReadableCells, assertSheetArea, cellValueOf, loadXlsxWorkbook, xlsxCellValue } from './_excel.js';
import { XLSX_TABLE_LIMITS, type XlsxLimits } from './readLimits.js';

/** Options of {@link readXlsxDocument}. */
export interface ReadXlsxDocumentOptions {
  /** File name, for messages. */
  readonly source?: string;
  /** Limits on the workbook (default {@link XLSX_TABLE_LIMITS}). */
  readonly limits?: Partial<XlsxLimits>;
}

/** The decimals a number format shows (`'0.00'` → 2, `'#,##0'` → 0), or null for General. */
function formatDecimals(fmt: string | undefined): number | null {
  if (fmt === undefined || fmt === '' || /^general$/i.test(fmt)) return null;
  const section = fmt.split(';')[0]!.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  const m = /\.([0#?]+)/.exec(section);
  return m === null ? 0 : m[1]!.length;
}

/**
 * A cell as Excel shows it, in Vietnamese format: numbers with the decimals of their number
 * format (`0.00%` → `'0,70%'`; General → the digits stored, to 15 significant digits), text as is,
 * dates as ISO dates, formulas by their cached result.
 * @example
 * xlsxCellText(0.007, '0.00%') //=> '0,70%'
 * xlsxCellText(16194, '#,##0') //=> '16.194'
 */
export function xlsxCellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  const v = xlsxCellValue(value);
  if (v === null) return '';
  if (typeof v === 'string') return v.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (!Number.isFinite(v)) return String(v);
  const percent = numFmt !== undefined && numFmt.split(';')[0]!.includes('%');
  const exact = new Decimal(Number(v.toPrecision(15)).toString()).mul(percent ? 100 : 1);
  const shown = formatDecimals(numFmt);
  const decimals = shown ?? Math.max(0, exact.decimalPlaces());
  return `${formatVnNumber(exact, { decimals, rounding: 'half-up' })}${percent ? '%' : ''}`;
}

/**
 * Reads every sheet of an Excel workbook (.xlsx) as one table block of a {@link DocumentModel}:
 * the grid from cell A1 to the last cell with a value, merged ranges resolved (the top-left cell
 * carries the spans, every covered cell repeats its text and points at it), numbers shown as
 * Excel shows them but in Vietnamese format. Grid row r, column c is the sheet's row r + 1,
 * column c + 1, so a finding's location is a cell address. Loads with exceljs after the checks
 * every XLSX reader makes ({@link XLSX_TABLE_LIMITS}: zip, sizes, checksums, cells); a cell that
 * cannot be read as printed (a formula with no saved value, an error value) is refused by its address.
 *
 * @param bytes - the .xlsx file.
 * @returns a deep-frozen document model (format `'xlsx'`), one table per non-empty sheet, `position.sheet` its name.
 * @throws VnPovertyError `empty-file`, `not-xlsx`, `corrupt-xlsx`, `xlsx-limit`, `unreadable-cell`, naming the file.
 * @example
 * (await readXlsxDocument(await readFile('bieu.xlsx'))).blocks[0].position //=> { sheet: 'Biểu 1', row: 1, column: 1 }
 */
export async function readXlsxDocument(bytes: Uint8Array, options: ReadXlsxDocumentOptions = {}): Promise<DocumentModel> {
  assertOptions(options, 'readXlsxDocument');
  const label = options.source ?? 'the workbook';
  const limits = { ...XLSX_TABLE_LIMITS, ...options.limits };
  const wb = await loadXlsxWorkbook(bytes, label, limits);
  const blocks: DocumentBlock[] = [];
  wb.eachSheet((ws) => assertReadableCells(ws, label));
  let area = 0;
  wb.eachSheet((ws) => {
    let lastRow = 0;
    let lastCol = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (xlsxCellText(cellValueOf(cell), cell.numFmt) === '') return;
        lastRow = Math.max(lastRow, r);
        lastCol = Math.max(lastCol, c);
      });
    });
    if (lastRow === 0) return;
    // the grids of all sheets together, empty cells included, within the cell limit
    area += lastRow * lastCol;
    assertSheetArea(label, ws.name, lastRow, lastCol, Math.max(0, limits.maxCells - (area - lastRow * lastCol)));
    const grid: DocumentCell[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row = ws.getRow(r);
      const cells: DocumentCell[] = [];
      for (let c = 1; c <= lastCol; c++) {
        const cell = row.getCell(c);
        cells.push({ text: cell.isMerged && cell.master !== cell ? '' : xlsxCellText(cellValueOf(cell), cell.numFmt), rowSpan: 1, colSpan: 1 });
      }
      grid.push(cells);
    }
    const merges = ((ws.model as { merges?: string[] }).merges ?? []) as string[];
    for (const range of merges) {
      const [a, b] = range.split(':');
      if (a === undefined || b === undefined) continue;
      const tl = ws.getCell(a);
      const br = ws.getCell(b);
      const top = Number(tl.row) - 1;
      const left = Number(tl.col) - 1;
      const bottom = Math.min(Number(br.row) - 1, lastRow - 1);
      const right = Math.min(Number(br.col) - 1, lastCol - 1);
      if (top >= lastRow || left >= lastCol) continue;
      const origin = grid[top]![left]!;
      grid[top]![left] = { ...origin, rowSpan: bottom - top + 1, colSpan: right - left + 1 };
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          if (r === top && c === left) continue;
          grid[r]![c] = { text: origin.text, rowSpan: 1, colSpan: 1, mergedInto: { row: top, col: left } };
        }
      }
    }
    blocks.push({ kind: 'table', index: blocks.length, rows: grid, columns: lastCol, position: { sheet: ws.name, row: 1, column: 1 } });
  });
  return deepFreeze({ format: 'xlsx', ...(options.source === undefined ? {} : { source: options.source }), blocks });
}
