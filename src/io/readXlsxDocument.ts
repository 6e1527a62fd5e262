import type { XlsxCellValue } from './_xlsxCellValue.js';
import { markLegacyBlocks } from './_legacyFont.js';
import { sheetProse } from '../documents/_sheetProse.js';
import { stackedTables } from '../documents/stackedTables.js';
import { deepFreeze } from '../_internal/_freeze.js';
import type { DocumentBlock, DocumentCell, DocumentModel } from '../documents/documentModel.js';
import { assertOptions } from '../errors/assertOptions.js';
import { readXlsxSheets, xlsxCellValue } from './_excel.js';
import { sheetGridOf, xlsxNumberReading } from './readSheetGrid.js';
import { excelNumber } from './_xlsxSheet.js';
import { cellLook, looksByCell } from './_cellLook.js';
import { XLSX_TABLE_LIMITS, type XlsxLimits } from './readLimits.js';

/** Options of {@link readXlsxDocument}. */
export interface ReadXlsxDocumentOptions {
  /** File name, for messages. */
  readonly source?: string;
  /** Limits on the workbook (default {@link XLSX_TABLE_LIMITS}). */
  readonly limits?: Partial<XlsxLimits>;
}

/**
 * A cell as Excel shows it, in Vietnamese format, as `readXlsxDocument` and `readSheetGrid` write
 * it (one formatter, `xlsxNumberReading`): numbers by the section of their number format for
 * the value (`#,##0;(#,##0)` → `'(1.234)'` for −1234; a negative the section shows unsigned,
 * `#,##0;#,##0`, keeps its minus: `'-1.234'`), with its decimals
 * (`0.00%` → `'0,70%'`; General → the digits stored, to 15 significant digits) and thousands
 * grouped only under a grouping format (`#,##0` → `2.368`; General → `2368`), text as is, dates as
 * ISO dates, formulas by their cached result.
 * @example
 * xlsxCellText(0.007, '0.00%') //=> '0,70%'
 * xlsxCellText(16194, '#,##0') //=> '16.194'
 * xlsxCellText(2368, undefined) //=> '2368'
 * xlsxCellText(-1234, '#,##0;(#,##0)') //=> '(1.234)'
 */
export function xlsxCellText(value: XlsxCellValue, numFmt: string | undefined): string {
  const v = xlsxCellValue(value);
  if (v === null) return '';
  if (typeof v === 'string') return printedText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (!Number.isFinite(v)) return String(v);
  // the format's section for the value (ECMA-376 §18.8.31); a negative it shows unsigned keeps its minus, as the document reader reads it
  return xlsxNumberReading(excelNumber(v), numFmt, 'vi').read;
}

/** The grid with only the rows `top`–`bottom` kept (the others blank, so row numbers stay the sheet's), no merge reaching outside them. */
function rowsWithin(grid: readonly DocumentCell[][], top: number, bottom: number): DocumentCell[][] {
  return grid.map((r, i) => (i >= top && i <= bottom ? r.map((c) => (c.mergedInto !== undefined && (c.mergedInto.row < top || c.mergedInto.row > bottom) ? { text: c.text, rowSpan: 1, colSpan: 1 } : c)) : r.map(() => ({ text: '', rowSpan: 1, colSpan: 1 }))));
}

/** Text as a document cell holds it: NFC, white space collapsed. */
const printedText = (text: string): string => text.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * Reads every sheet of an Excel workbook (.xlsx), in tab order, as one table block of a
 * {@link DocumentModel}, by the library's own streaming sheet reader and the rules of
 * `readSheetGrid` (no exceljs needed):
 * - the grid runs from cell A1 to the last cell with a value; grid row r, column c is the
 *   sheet's row r + 1, column c + 1, so a finding's location is a cell address;
 * - numbers as Excel shows them (their format's decimals and percent sign) in the Vietnamese
 *   way, thousands grouped (`2.368`), dates as ISO dates, formulas by their saved results;
 * - a merged range: its top-left cell carries the spans; a range of text is repeated in every
 *   cell it covers (each pointing at it); **a figure merged over several cells is read once**,
 *   the cells it covers blank, and a note names the range;
 * - hidden rows and columns holding data are read as every row is and named in `notes`;
 * - **a sheet written as text** (an explanatory “Thuyết minh”, “Ghi chú” or “Báo cáo” sheet: one long
 *   text a row, often merged across the columns; decided from its shape, `sheetProse`) gives a
 *   paragraph for each row of text (each line of a cell of several), at its cell, and a table for
 *   each run of rows of several cells among them: the workbook's prose is checked as a .docx's is;
 * - **hidden sheets are read** as every sheet is (a plan is its whole file, not what is on
 *   screen) and named in `notes`; a chart sheet has no cells and is named in `notes`; an empty
 *   sheet gives no block.
 * The file goes through the checks every XLSX reader makes ({@link XLSX_TABLE_LIMITS}: zip,
 * sizes, checksums, cells of all sheets together); a cell that cannot be read as printed (a
 * formula with no saved value, an error value) is refused by its address.
 *
 * @param bytes - the .xlsx file.
 * @returns a deep-frozen document model (format `'xlsx'`), one table per non-empty sheet — or one per table when tables are printed one under another on it (`stackedTables`: the sheet's other rows blank, `position.row` the table's first row) —, `position.sheet` its name, and `notes`.
 * @throws VnPovertyError `empty-file`, `not-xlsx`, `corrupt-xlsx`, `xlsx-limit`, `unreadable-cell`, naming the file.
 * @example
 * (await readXlsxDocument(await readFile('bieu.xlsx'))).blocks[0].position //=> { sheet: 'Biểu 1', row: 1, column: 1 }
 */
export async function readXlsxDocument(bytes: Uint8Array, options: ReadXlsxDocumentOptions = {}): Promise<DocumentModel> {
  assertOptions(options, 'readXlsxDocument');
  const label = options.source ?? 'the workbook';
  const limits = { ...XLSX_TABLE_LIMITS, ...options.limits };
  const blocks: DocumentBlock[] = [];
  const notes: string[] = [];
  let area = 0;
  for await (const { sheet, rows, about } of readXlsxSheets(bytes, label, limits)) {
    if (sheet.part === undefined) {
      notes.push(`${label}: the sheet ${JSON.stringify(sheet.name)} is a chart sheet (or its part is missing): it has no cells and is not read`);
      continue;
    }
    // the grids of all sheets together, empty cells included, within the cell limit
    const read = await sheetGridOf(rows, about, label, Math.max(0, limits.maxCells - area), 'vi');
    const height = read.grid.length;
    const width = read.grid[0]?.length ?? 0;
    if (height === 0 || read.grid.every((r) => r.every((c) => c === null || c.trim() === ''))) continue;
    area += height * width;
    if (sheet.state !== 'visible') notes.push(`${label}: the sheet ${JSON.stringify(sheet.name)} is hidden in the workbook and read as every sheet is: unhide it to see all that was checked`);
    notes.push(...read.notes);
    const lookAt = looksByCell(read.looks);
    const grid: DocumentCell[][] = read.grid.map((r, i) => r.map((text, j) => ({ text: text === null ? '' : printedText(text), rowSpan: 1, colSpan: 1, ...cellLook(text, lookAt(i, j)) })));
    for (const m of read.merges) {
      if (m.top >= height || m.left >= width) continue;
      const bottom = Math.min(m.bottom, height - 1);
      const right = Math.min(m.right, width - 1);
      grid[m.top]![m.left] = { ...grid[m.top]![m.left]!, rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 };
      // a range of text is repeated in the cells it covers; a figure is not (sheetGridOf left them blank)
      for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) grid[r]![c] = { text: grid[r]![c]!.text, rowSpan: 1, colSpan: 1, mergedInto: { row: m.top, col: m.left } };
    }
    // a sheet written as text (“Thuyết minh”, “Báo cáo”: one long text a row, merged across): its rows are paragraphs, read as a plan's prose, with the tables among them
    const prose = sheetProse(grid);
    if (prose !== null) {
      const pieces = [
        ...prose.paragraphs.map((x) => ({ top: x.row, paragraph: x })),
        ...prose.tables.map((t) => ({ top: t.top, table: t })),
      ].sort((a, b) => a.top - b.top);
      for (const piece of pieces) {
        if ('paragraph' in piece && piece.paragraph !== undefined) {
          const { row, col, text } = piece.paragraph;
          // a cell of several lines (Alt+Enter) holds several paragraphs
          const lines = (read.grid[row]?.[col] ?? text).split(/\r?\n/).map(printedText).filter((t) => t !== '');
          for (const line of lines.length > 1 ? lines : [text]) blocks.push({ kind: 'paragraph', index: blocks.length, text: line, position: { sheet: sheet.name, row: row + 1, column: col + 1 } });
        } else if ('table' in piece && piece.table !== undefined) blocks.push({ kind: 'table', index: blocks.length, rows: rowsWithin(grid, piece.table.top, piece.table.bottom), columns: width, position: { sheet: sheet.name, row: piece.table.top + 1, column: 1 } });
      }
      continue;
    }
    // tables printed one under another on the sheet (“Biểu 1”, blank rows, “Biểu 2”): a block each, the sheet's other rows left blank so row numbers stay the sheet's
    const stacked = stackedTables(read.grid);
    for (const table of stacked) {
      const rows = stacked.length === 1 ? grid : rowsWithin(grid, table.top, table.bottom);
      blocks.push({ kind: 'table', index: blocks.length, rows, columns: width, position: { sheet: sheet.name, row: table.top + 1, column: 1 } });
    }
  }
  const read = markLegacyBlocks(blocks, options.source);
  return deepFreeze({ format: 'xlsx', ...(options.source === undefined ? {} : { source: options.source }), blocks: read, ...(notes.length === 0 ? {} : { notes }) });
}
