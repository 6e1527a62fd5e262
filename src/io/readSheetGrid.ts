import { basename } from 'node:path';
import { Decimal } from '../_internal/_decimal.js';
import { VnPovertyError, issue, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { assertOptions } from '../errors/assertOptions.js';
import { assertSheetArea, cellRef, columnLetters, readXlsxSheet, type XlsxRow, type XlsxSheetAbout } from './_excel.js';
import { hiddenDataNote } from './_xlsxSheet.js';
import { XLSX_TABLE_LIMITS, type XlsxLimits } from './readLimits.js';
import { numberFormatShape, type NumberFormatShape } from './_numberFormat.js';
import { chosenSection, sectionLiterals, sectionSign } from './_formatSections.js';
import { refuseLegacyFont } from './_legacyFont.js';
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
  /** The cells as printed (see `PrintedGrid`): a merged range of text copied into every cell it covers, a merged figure in its first cell only. */
  readonly grid: PrintedGrid;
  readonly merges: readonly MergedRange[];
  /** Rows hidden in the spreadsheet that hold data (0-based grid rows): read as every row is, and named in `notes`. */
  readonly hiddenRows: readonly number[];
  /** Columns hidden in the spreadsheet that hold data (0-based grid columns): read as every column is, and named in `notes`. */
  readonly hiddenColumns: readonly number[];
  /**
   * What a reader of the table should be told, one sentence each naming the file, sheet and
   * cells: hidden rows and columns read as data, a figure merged over several cells read once.
   */
  readonly notes: readonly string[];
  /** Text cells their style sets off (0-based grid row and column): Excel's indent level, a bold font; none when no cell is. */
  readonly looks?: readonly SheetCellLook[];
}

/** A text cell of a sheet set off by its style: its indent level (`Format Cells › Alignment › Indent`, 0 none) and a bold font. */
export interface SheetCellLook {
  readonly row: number;
  readonly column: number;
  readonly indent: number;
  readonly bold: boolean;
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

/**
 * A numeric cell's figure as an official reads it, the one formatter of every XLSX reader of
 * tables and plans (`readSheetGrid`, `readXlsxDocument`): the decimals of its number format
 * (General: every digit stored, Excel's 15 significant digits of a fraction), `%` and × 100 when
 * the format (its first section, quoted text left out) is a percentage, divided by 1000 for each
 * comma after the last digit (`#,##0,` shows thousands, `#,##0.0,,` millions: the figure printed
 * beside a header in *nghìn đồng* or *triệu đồng*), and thousands grouped as Excel shows them:
 * under a format that groups (`#,##0`: `2.368`, `16.194`; `2,368` in the `'en'` way), not under
 * General or `0` (`2368`, and a year stays `2024`, so a header of years is read as years).
 * Exact: from the number's shortest decimal form, rounded half-up to the format's decimals.
 * @example
 * xlsxNumberText(2368, '#,##0', 'vi') //=> '2.368'
 * xlsxNumberText(2024, undefined, 'vi') //=> '2024'
 * xlsxNumberText(0.007, '0.00%', 'vi') //=> '0,70%'
 * xlsxNumberText(16194.5, '#,##0.0', 'en') //=> '16,194.5'
 * xlsxNumberText(1250000, '#,##0,', 'vi') //=> '1.250'
 */
export function xlsxNumberText(value: number, fmt: string | undefined, format: NumberFormat): string {
  return xlsxNumberReading(value, fmt, format).shown;
}

/** A numeric cell as the sheet shows it and as it is read (see {@link xlsxNumberReading}). @internal */
export interface XlsxNumberReading {
  /** The text the sheet shows (`1.234` for −1234 under `#,##0;#,##0`, `-` for 0 under `0;-0;"-"`). */
  readonly shown: string;
  /** The text read: the shown one, with a minus before it when the format hides a negative number's sign (`-1.234`). */
  readonly read: string;
  /** True when the value is negative and the section showing it prints no sign (`#,##0;#,##0`). */
  readonly signHidden: boolean;
  /** False when the section showing the value shows no figure (`;;;`, `0;"âm"` for a negative): `shown` is then the figure held. */
  readonly showsFigure: boolean;
}

/**
 * A numeric cell's text by Excel's rules for number format sections (ECMA-376 Part 1 §18.8.31):
 * the section for the value's sign (positive; negative; zero) or the one whose condition holds
 * (`[>=1000]#,##0;0.0`), a negative section showing the absolute value with the minus or brackets
 * it prints (`#,##0;(#,##0)` shows −1234 as `(1.234)`, read negative as accounts print a fall), a
 * zero section of text alone showing its text (`0.00;-0.00;"-"` shows 0 as `-`). The value is never
 * changed: when the section prints no sign (`#,##0;#,##0`, `#,##0;[Red]#,##0`) the text read keeps
 * the minus the sheet hides, and `signHidden` says so for the reader's note.
 * @example
 * xlsxNumberReading(-1234, '#,##0;(#,##0)', 'vi').shown //=> '(1.234)'
 * xlsxNumberReading(-1234, '#,##0;#,##0', 'vi') //=> { shown: '1.234', read: '-1.234', signHidden: true, showsFigure: true }
 * xlsxNumberReading(0, '0.00;-0.00;"-"', 'vi').shown //=> '-'
 */
export function xlsxNumberReading(value: number, fmt: string | undefined, format: NumberFormat): XlsxNumberReading {
  const chosen = chosenSection(fmt, value);
  const shape = numberFormatShape(fmt, value);
  const negative = value < 0;
  let d = new Decimal(String(value)).abs();
  // a zero (or a value its section rounds to zero) under a section of text and optional digits alone (`"-"`, `_(* "-"??_)`): its text, Excel's dash for nothing
  const literal = chosen.section === undefined ? '' : sectionLiterals(chosen.section).all.trim();
  if (value === 0 && chosen.section !== undefined && literal !== '' && !/0/.test(chosen.section.replace(/"[^"]*"|\.|\[[^\]]*\]/g, '')) && !/general|@/i.test(chosen.section)) {
    // read as shown when it is a dash (nothing, the table's zero); other text (`"không"`) is read as the 0 held
    return Object.freeze({ shown: literal, read: /^[-–—]$/.test(literal) ? literal : '0', signHidden: false, showsFigure: true });
  }
  if (shape.percent) d = d.times(100);
  if (shape.thousandsScale > 0) d = d.dividedBy(new Decimal(1000).pow(shape.thousandsScale));
  const fixed = shape.decimals === null ? d.toFixed() : d.toDecimalPlaces(shape.decimals, Decimal.ROUND_HALF_UP).toFixed(shape.decimals);
  const [int = '0', frac] = fixed.split('.');
  // thousands grouped as Excel shows them: only under a format that groups (`#,##0`), never under General or `0` (a year stays 2024)
  const grouped = shape.grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, format === 'vi' ? '.' : ',') : int;
  const text = frac === undefined ? grouped : `${grouped}${format === 'vi' ? ',' : '.'}${frac}`;
  const figure = shape.percent ? `${text}%` : text;
  // a section that shows no figure (`;;;`, `0;"âm"`): the figure held, signed, for the reader's note
  if (!shape.showsFigure) {
    const held = negative ? `-${figure}` : figure;
    return Object.freeze({ shown: held, read: held, signHidden: false, showsFigure: false });
  }
  if (!negative) return Object.freeze({ shown: figure, read: figure, signHidden: false, showsFigure: true });
  if (chosen.autoMinus || chosen.section === undefined) return Object.freeze({ shown: `-${figure}`, read: `-${figure}`, signHidden: false, showsFigure: true });
  const sign = sectionSign(chosen.section);
  if (sign === 'brackets') return Object.freeze({ shown: `(${figure})`, read: `(${figure})`, signHidden: false, showsFigure: true });
  if (sign === 'minus') return Object.freeze({ shown: `-${figure}`, read: `-${figure}`, signHidden: false, showsFigure: true });
  // a negative its format rounds to zero (−0,4 under `#,##0;#,##0`) hides no sign: it shows 0
  if (!/[1-9]/.test(figure)) return Object.freeze({ shown: figure, read: figure, signHidden: false, showsFigure: true });
  return Object.freeze({ shown: figure, read: `-${figure}`, signHidden: true, showsFigure: true });
}

/** A cell as the streaming reader gives it, as printed; null when empty. */
function cellText(value: string | number | boolean | Date | null, fmt: string | undefined, format: NumberFormat): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return xlsxNumberReading(value, fmt, format).read;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/** A figure as a table prints it (`16.194`, `0,70`, `12,5%`, `(1.234)`), not a label or a header word. */
const FIGURE = /^[(+-]?\s*\d[\d.,\s]*%?\)?$/;

/**
 * Reads one sheet of an XLSX workbook as the grid of cells a reader sees: each numeric cell
 * written as shown (its number format's decimals and percent sign, in the vi-VN way unless
 * told), formulas as their saved results, dates as ISO dates. Read by the library's own
 * streaming sheet reader (the one registers go through: any part names, the 1904 date system,
 * `t="d"` dates; no exceljs needed), so a table and a register are read by one set of rules:
 * - **the sheet** by name (exactly, else ignoring case as Excel does: `ds` finds `DS`) or 1-based
 *   position; without one, the first visible worksheet;
 * - **merged ranges**: the value of a range of text (a two-row Vietnamese header, a label merged
 *   down over the rows of a district) is copied into each cell it covers, so every column is
 *   named; **a figure merged over several cells is read once**, in its first cell, the others
 *   blank — copied, a sum would count it twice — and `notes` says so, naming the range;
 * - **hidden rows and columns** holding data are read as every row and column is (the grid is the
 *   sheet, not what is on screen) and named in `hiddenRows`, `hiddenColumns` and `notes`: a
 *   printed total may leave a hidden row out, and the reader says which rows it read;
 * - **a number format that shows thousands or millions** (`#,##0,`, `#,##0.0,,`) is read as
 *   shown (1.200 for 1200000, as the sheet prints it beside a header in nghìn đồng) and named in
 *   `notes`, as is **a cell holding a date** (Excel turns a figure typed as 3/5 or 1.200 into one).
 * The grid runs from A1 to the last cell with a value (or the last merged range), every row as
 * wide as the grid; one that would span more than `maxCells` cells (a stray cell at XFD1048576)
 * is refused. The shared step before `tableFromSpec` (reconciliation) and table understanding.
 *
 * The file goes through the same checks as every XLSX reader (see {@link XLSX_TABLE_LIMITS}):
 * an empty, truncated, damaged or foreign file, a zip bomb or a workbook over the limits is
 * refused naming the file and the reason; a cell that cannot be read as printed — a formula with
 * no saved value, an error value — is refused naming the cell (a blank there would be a
 * misreading), up to five of them.
 *
 * @throws VnPovertyError `missing-sheet` naming the sheets there are; `empty-file`, `not-xlsx`,
 *   `corrupt-xlsx`, `xlsx-limit`, `unreadable-cell` naming the file; never an exceljs error.
 * @example
 * (await readSheetGrid('ke-hoach.xlsx', { sheet: 'Biểu 1' })).grid[3] //=> ['I', 'Thành thị', '16.194', '113', '0,70', …]
 * (await readSheetGrid('bang.xlsx', { sheet: 'ds' })).sheet //=> 'DS'
 */
export async function readSheetGrid(path: string, options: ReadSheetGridOptions = {}): Promise<SheetGrid> {
  assertOptions(options, 'readSheetGrid');
  const label = options.source ?? basename(path);
  const limits = { ...XLSX_TABLE_LIMITS, ...options.limits };
  const about: XlsxSheetAbout = {};
  return sheetGridOf(readXlsxSheet(path, options.sheet, label, limits, undefined, about), about, label, limits.maxCells, options.numberFormat ?? 'vi');
}

/**
 * The grid of one sheet from its rows as {@link readXlsxSheet} streams them, and what the reader
 * found about it (`about`, complete once the rows are read): the rules of {@link readSheetGrid},
 * for it and for `readXlsxDocument`'s sheets. @internal
 * @throws VnPovertyError `unreadable-cell` (up to five cells named), `xlsx-limit` over `maxCells`.
 * @example
 * (await sheetGridOf(readXlsxSheet('bang.xlsx', 1, 'bang.xlsx', XLSX_TABLE_LIMITS, undefined, about), about, 'bang.xlsx', 1e6, 'vi')).grid[0] //=> ['Xã', 'Số hộ']
 */
export async function sheetGridOf(sheetRows: AsyncIterable<XlsxRow>, about: XlsxSheetAbout, label: string, maxCells: number, format: NumberFormat): Promise<SheetGrid> {
  const texts: Array<[number, number, string]> = [];
  const looks: SheetCellLook[] = [];
  const problems: VnIssue[] = [];
  let unreadable = 0;
  // cells whose number format shows thousands or millions (`#,##0,`), read as shown
  const shapes = new Map<string, NumberFormatShape>();
  const scaled: string[] = [];
  // cells whose number format shows no figure (`;;;`, `"-"`): hidden on screen and on paper, read as every cell is
  const unshown: string[] = [];
  // negative cells whose number format's section prints no sign (`#,##0;#,##0`): read negative, as held
  const unsigned: string[] = [];
  // cells holding dates: Excel turns a figure typed as 3/5 or 1.200 into one
  const dated: string[] = [];
  let height = 0;
  let width = 0;
  for await (const row of sheetRows) {
    row.cells.forEach((value, c) => {
      const problem = row.problems[c];
      if (problem !== undefined) {
        if (problems.length < 5) problems.push(issue({ code: 'unreadable-cell', path: [label, row.row, c + 1], value: cellRef(row.sheet, c + 1, row.row), expected: 'a value as printed', message: `${label}: ${problem}` }));
        unreadable++;
        return;
      }
      const reading = typeof value === 'number' ? xlsxNumberReading(value, row.formats[c], format) : undefined;
      const text = reading !== undefined ? reading.read : cellText(value, row.formats[c], format);
      if (text === null) return;
      if (typeof value === 'number' && row.formats[c] !== undefined) {
        const fmt = row.formats[c]!;
        let shape = shapes.get(fmt);
        if (shape === undefined) shapes.set(fmt, (shape = numberFormatShape(fmt)));
        if (shape.thousandsScale > 0) scaled.push(`${columnLetters(c + 1)}${row.row} (${text} for ${value}, number format ${fmt})`);
        // a zero its format hides (`0;-0;;@`, Excel's way to leave zeros blank) leaves nothing out
        if (reading?.showsFigure === false && value !== 0) unshown.push(`${columnLetters(c + 1)}${row.row} (${text}, number format ${fmt})`);
        if (reading?.signHidden === true) unsigned.push(`${columnLetters(c + 1)}${row.row} (shown ${reading.shown}, holds ${value}, number format ${fmt})`);
      } else if (value instanceof Date) dated.push(`${columnLetters(c + 1)}${row.row} (${text})`);
      texts.push([row.row - 1, c, text]);
      const look = row.looks?.[c];
      if (look !== undefined) looks.push(Object.freeze({ row: row.row - 1, column: c, indent: look.indent, bold: look.bold }));
      height = Math.max(height, row.row);
      width = Math.max(width, c + 1);
    });
  }
  if (problems.length > 0) {
    if (unreadable > problems.length) problems.push(issue({ code: 'unreadable-cell', path: [label], value: unreadable - problems.length, expected: 'a value as printed', message: `${label}: and ${unreadable - problems.length} more such cells` }));
    throw new VnPovertyError(problems as unknown as VnIssues);
  }
  const sheet = about.sheet ?? '';
  const merges = (about.merges ?? []).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  // the grid runs from A1 to the last cell with a value (or the last merged range)
  for (const m of merges) {
    height = Math.max(height, m.bottom + 1);
    width = Math.max(width, m.right + 1);
  }
  assertSheetArea(label, sheet, height, width, maxCells);
  // every row as wide as the sheet, so that a row whose last cells are empty is not a short row
  const rows: (string | null)[][] = Array.from({ length: height }, () => Array<string | null>(width).fill(null));
  for (const [r, c, text] of texts) rows[r]![c] = text;
  const notes: string[] = about.otherSheets === undefined ? [] : [about.otherSheets];
  const where = `${label}: the sheet ${JSON.stringify(sheet)}`;
  for (const m of about.merges ?? []) {
    const value = rows[m.top - 1]?.[m.left - 1] ?? null;
    // a figure merged over several cells is one figure: copied into each, a sum would count it again
    if (value !== null && FIGURE.test(value.trim())) {
      const over = [m.bottom > m.top ? `${m.bottom - m.top + 1} rows` : '', m.right > m.left ? `${m.right - m.left + 1} columns` : ''].filter((x) => x !== '').join(' × ');
      notes.push(`${where}: the merged range ${m.ref} holds one figure (${value}) over ${over}: it is read in ${m.ref.split(':')[0]} only and the other cells it covers as blank; unmerge the cells and give each row its own figure`);
      continue;
    }
    for (let r = m.top - 1; r < m.bottom; r++) for (let c = m.left - 1; c < m.right; c++) rows[r]![c] = value;
  }
  if (scaled.length > 0) notes.push(`${where}: ${scaled.length === 1 ? 'cell' : `${scaled.length} cells`} ${scaled.slice(0, 3).join(', ')}${scaled.length > 3 ? ', …' : ''} ${scaled.length === 1 ? 'shows its figure' : 'show their figures'} divided by 1000 for each comma at the end of the number format (thousands, millions) and ${scaled.length === 1 ? 'is' : 'are'} read as shown: check that the header's unit (nghìn đồng, triệu đồng) says so`);
  if (unshown.length > 0) notes.push(`${where}: ${unshown.length === 1 ? 'cell' : `${unshown.length} cells`} ${unshown.slice(0, 3).join(', ')}${unshown.length > 3 ? ', …' : ''} ${unshown.length === 1 ? 'holds a figure its' : 'hold figures their'} number format does not show (hidden on screen and on paper) and ${unshown.length === 1 ? 'is' : 'are'} read as ${unshown.length === 1 ? 'the figure it holds' : 'the figures they hold'}, as every cell is: if ${unshown.length === 1 ? 'it was' : 'they were'} hidden to leave ${unshown.length === 1 ? 'it' : 'them'} out, clear ${unshown.length === 1 ? 'the cell' : 'the cells'} instead`);
  if (unsigned.length > 0) notes.push(`${where}: ${unsigned.length === 1 ? 'cell' : `${unsigned.length} cells`} ${unsigned.slice(0, 3).join(', ')}${unsigned.length > 3 ? ', …' : ''} ${unsigned.length === 1 ? 'holds a negative figure its' : 'hold negative figures their'} number format shows without a sign (its section for negative numbers prints no minus or brackets) and ${unsigned.length === 1 ? 'is' : 'are'} read as negative, as held, though the sheet prints ${unsigned.length === 1 ? 'it' : 'them'} as positive: give the format a minus or brackets for negative numbers (#,##0;-#,##0 or #,##0;(#,##0))`);
  if (dated.length > 0) notes.push(`${where}: ${dated.length === 1 ? 'cell' : `${dated.length} cells`} ${dated.slice(0, 3).join(', ')}${dated.length > 3 ? ', …' : ''} ${dated.length === 1 ? 'holds a date' : 'hold dates'}, read as ${dated.length === 1 ? 'a date, not a figure' : 'dates, not figures'}: if a figure was typed there (Excel turns 3/5 or 1.200 into a date), correct the cell (format it as Text or Number and type the figure again)`);
  // a table typed in an old font encoding (“Tæng céng”): its labels and headers would not be read
  rows.forEach((r, i) => refuseLegacyFont(r.filter((c) => c !== null).join(' '), `the sheet ${JSON.stringify(sheet)}, row ${i + 1}`, [label, i + 1], label));
  const hiddenRows = about.hiddenRows ?? [];
  const hiddenColumns = about.hiddenColumns ?? [];
  const hidden = hiddenDataNote(label, sheet, hiddenRows, hiddenColumns);
  if (hidden !== undefined) notes.push(hidden);
  const grid = Object.freeze(rows.map((r) => Object.freeze(r)));
  return Object.freeze({
    sheet,
    sheets: Object.freeze([...(about.sheets ?? [])]),
    grid,
    merges: Object.freeze(merges.map((m) => Object.freeze(m))),
    hiddenRows: Object.freeze(hiddenRows.map((r) => r - 1)),
    hiddenColumns: Object.freeze(hiddenColumns.map((c) => c - 1)),
    notes: Object.freeze(notes),
    ...(looks.length === 0 ? {} : { looks: Object.freeze(looks) }),
  });
}
