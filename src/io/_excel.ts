/**
 * Everything XLSX in one place: loading exceljs (on demand, so a program that reads only CSV
 * never loads it), checking a workbook's zip before exceljs reads it (corrupt, truncated,
 * not a workbook, zip bombs), and reading a sheet's rows with a cell budget and with formula
 * and error cells reported instead of guessed. Reused by every reader that takes XLSX.
 */
import { stat } from 'node:fs/promises';
import type { XlsxCellValue } from './_xlsxCellValue.js';
import { VnPovertyError, fail, issue, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { XLSX_READ_LIMITS, XLSX_TABLE_LIMITS, type XlsxLimits } from './readLimits.js';
import { columnHeader } from './tableWriter.js';
import { bufferZipBytes, fileZipBytes, overZipLimit, readZipDirectory, unpackZip, verifyZipEntry, XLSX_FORMAT, type ZipBytes, type ZipEntry } from './_zip.js';
import { CLASSIFIED_HOUSEHOLD_COLUMNS } from './outputColumns.js';
import { REGISTER_OUTPUT_HEADERS } from './registerOutputColumns.js';
import { numberFormatShape } from './_numberFormat.js';
import { columnLetters, hiddenDataNote, isDateFormat, readWorkbookInfo, readXlsxCell, scanSheetMerges, streamSheetCells, type XlsxCellLook, type XlsxSheetInfo, type XlsxSheetLayout, type XlsxMerge, type XlsxWorkbookInfo } from './_xlsxSheet.js';


/** What an XLSX step was doing when exceljs was needed, for the message. */
export type ExcelPurpose = 'reading' | 'writing';


/**
 * The error of an XLSX step when exceljs is not installed: exceljs is an optional peer
 * dependency of vn-poverty, needed only for .xlsx files. @internal
 * @example
 * missingExcelJs('reading').issues[0].message //=> 'reading .xlsx needs exceljs: npm install exceljs (or run npx -p vn-poverty -p exceljs vn-poverty …)'
 */
export function missingExcelJs(purpose: ExcelPurpose): VnPovertyError {
  return new VnPovertyError([
    issue({
      code: 'missing-optional-dependency',
      path: [],
      value: 'exceljs',
      expected: 'the exceljs package, an optional peer dependency that reads and writes .xlsx files (npm install exceljs)',
      message: `${purpose} .xlsx needs exceljs: npm install exceljs (or run npx -p vn-poverty -p exceljs vn-poverty …)`,
    }),
  ]);
}


/** How to save a workbook that cannot be read. @internal */
export const SAVE_HINT = XLSX_FORMAT.hint;

/** Fails with an issue naming the file (`label`). @internal */
export function bad(label: string, code: string, value: unknown, expected: string, message: string): never {
  return fail({ code, path: [label], value, expected, message: `${label}: ${message}` });
}

/** The limits the zip check applies (the cells are counted by the sheet reader). */
function zipLimitsOf(limits: XlsxLimits): Omit<XlsxLimits, 'maxCells'> {
  const { maxCells: _cells, ...zipLimits } = limits;
  void _cells;
  return zipLimits;
}

/** Fails with the zip limit `name` the workbook is over. @internal */
export function overLimit(label: string, name: keyof XlsxLimits, value: number, limit: number, what: string): never {
  return overZipLimit(label, XLSX_FORMAT, name, value, limit, what);
}

/**
 * Checks a workbook's zip structure and every part's real size and checksum before it is read,
 * but the parts `later` names (the worksheets): the pass that reads a worksheet's merged ranges
 * before its rows checks it as it unpacks it (`scanSheetMerges`), so a sheet that is read is not
 * unpacked once more here; the caller checks the others.
 */
async function checkWorkbook(bytes: ZipBytes, label: string, limits: XlsxLimits, later: (name: string) => boolean = () => false): Promise<ZipEntry[]> {
  const entries = readZipDirectory(bytes, label, XLSX_FORMAT, zipLimitsOf(limits));
  for (const entry of entries) if (!later(entry.name)) await verifyZipEntry(bytes, entry, label, XLSX_FORMAT);
  return entries;
}

/** The largest worksheet part kept in memory between the pass that reads its merged ranges and the one that reads its rows (unpacked once); a larger one is unpacked twice, in bounded memory. */
const HELD_SHEET_BYTES = 64 << 20;

/** A worksheet part's name, as the workbook's relationships may point at it. */
const isWorksheetPart = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** Reads a whole stream into memory, refusing more than `max` bytes. */
async function streamToBuffer(stream: AsyncIterable<string | Uint8Array>, label: string, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += b.length;
    if (size > max) overLimit(label, 'maxFileBytes', size, max, 'the stream size in bytes');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** One sheet row as the XLSX reader gives it. */
export interface XlsxRow {
  readonly row: number;
  readonly cells: Array<string | number | boolean | Date | null>;
  readonly formats: Array<string | undefined>;
  /** Cells that cannot be read (a formula without a saved value, an error value), by 0-based column. */
  readonly problems: Array<string | undefined>;
  /** The sheet's name, for cell addresses in messages (`DS!Q14`). */
  readonly sheet: string;
  /** Cells covered by a merged range (all but its first cell), by 0-based column; absent when none. */
  merged?: Array<XlsxMergedCell | undefined>;
  /** Text cells set off by their style (an indent level, a bold font), by 0-based column; absent when none. */
  looks?: Array<XlsxCellLook | undefined>;
}

/**
 * A cell covered by a merged range: Excel stores the range's value in its first (top-left) cell
 * only and shows it over the whole range (ECMA-376 §18.3.1.55).
 */
export interface XlsxMergedCell {
  /** The range, e.g. `B5:B12`. */
  readonly ref: string;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** What the range's first cell holds, as the reader reads it (null when empty). */
  readonly value: string | number | boolean | Date | null;
  readonly format: string | undefined;
  readonly problem: string | undefined;
}

export { columnLetters };

/**
 * What {@link readXlsxSheet} found about the sheet besides its rows, for a reader that shows the
 * whole grid (`readSheetGrid`): filled in as the sheet is read, complete when the rows end.
 */
export interface XlsxSheetAbout {
  /** The chosen sheet's name. */
  sheet?: string;
  /** Every sheet of the workbook, in tab order. */
  sheets?: readonly string[];
  /** The merged ranges, 1-based and inclusive, in order of their first row. */
  merges?: readonly XlsxMerge[];
  /** The sheet's rows hidden in the spreadsheet that hold data (1-based). */
  hiddenRows?: readonly number[];
  /** The sheet's columns hidden in the spreadsheet that hold data (1-based). */
  hiddenColumns?: readonly number[];
  /** When no sheet was named and the workbook has other worksheets: the note naming the sheet read and those not read. */
  otherSheets?: string;
}

/**
 * The note on a workbook read by its first visible sheet (no sheet named) when it has other
 * worksheets, which are not read: the sheet read, and the others by name (hidden ones said so),
 * so that a register split over several sheets (one per village) is never read in part silently.
 * `undefined` for a workbook of one worksheet.
 */
function otherSheetsNote(info: XlsxWorkbookInfo, chosen: XlsxSheetInfo, label: string): string | undefined {
  const others = info.sheets.filter((s) => s !== chosen && s.part !== undefined);
  if (others.length === 0) return undefined;
  const named = others.slice(0, 8).map((s) => `${JSON.stringify(s.name)}${s.state === 'hidden' ? ' (hidden)' : s.state === 'veryHidden' ? ' (very hidden)' : ''}`);
  return `${label}: the sheet ${JSON.stringify(chosen.name)} is read, the first visible of its ${others.length + 1} worksheets; the other${others.length === 1 ? '' : 's'}, ${named.join(', ')}${others.length > 8 ? ', …' : ''}, ${others.length === 1 ? 'is' : 'are'} not read: name the sheet to read with --sheet NAME (the sheet option)`;
}

/**
 * The sheet a reader wants: by name (exactly, else ignoring case as Excel does; a name of digits
 * such as `2024` is a name first, and a tab position only when no sheet has it), by 1-based tab
 * position, or, when none is named, the first visible worksheet (a hidden first sheet of
 * instructions or lists is not the data).
 */
function pickSheet(info: XlsxWorkbookInfo, sheet: string | number | undefined, label: string): XlsxSheetInfo {
  const sheets = info.sheets;
  const fold = (s: string): string => s.normalize('NFC').toLowerCase();
  const found =
    sheet === undefined
      ? (sheets.find((s) => s.part !== undefined && s.state === 'visible') ?? sheets.find((s) => s.part !== undefined))
      : typeof sheet === 'number'
        ? sheets[sheet - 1]
        : (sheets.find((s) => s.name === sheet) ?? sheets.filter((s) => fold(s.name) === fold(sheet)).at(0) ?? (/^\d+$/.test(sheet.trim()) ? sheets[Number(sheet.trim()) - 1] : undefined));
  if (found === undefined) {
    fail({
      code: 'missing-sheet',
      path: [label],
      value: sheet ?? 1,
      expected: sheets.length > 0 ? `one of the sheets ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}` : 'a workbook with at least one worksheet',
    });
  }
  if (found.part === undefined) bad(label, 'missing-sheet', found.name, 'a worksheet', `the sheet ${JSON.stringify(found.name)} is a chart sheet or has no part of cells in the file: name a worksheet with --sheet (${sheets.map((s) => JSON.stringify(s.name)).join(', ')})`);
  return found;
}

/** The workbook's bytes from a path, the bytes themselves or a stream (read whole, up to `maxFileBytes`). */
async function workbookBytes(source: string | Uint8Array | AsyncIterable<string | Uint8Array>, label: string, limits: XlsxLimits): Promise<ZipBytes> {
  if (typeof source === 'string') {
    const s = await stat(source);
    if (s.isDirectory()) bad(label, 'not-a-file', source, 'an .xlsx file', 'is a folder, not a file');
    return fileZipBytes(source);
  }
  if (source instanceof Uint8Array) {
    if (source.length > limits.maxFileBytes) overLimit(label, 'maxFileBytes', source.length, limits.maxFileBytes, 'the file size in bytes');
    return bufferZipBytes(Buffer.from(source.buffer, source.byteOffset, source.byteLength));
  }
  return bufferZipBytes(await streamToBuffer(source, label, limits.maxFileBytes));
}

/**
 * Streams the rows of one sheet of a workbook, after checking the file (see {@link XLSX_READ_LIMITS}),
 * with the library's own reader (`_xlsxSheet.ts`): every cell type, any part names, the 1904 date
 * system, number formats kept. No exceljs is needed to read.
 *
 * @throws VnPovertyError `empty-file`, `not-xlsx`, `corrupt-xlsx`, `xlsx-limit`, `missing-sheet`,
 *   naming the file.
 */
export async function* readXlsxSheet(
  source: string | Uint8Array | AsyncIterable<string | Uint8Array>,
  sheet: string | number | undefined,
  label: string,
  limits: XlsxLimits = XLSX_READ_LIMITS,
  onNote?: (note: string) => void,
  about?: XlsxSheetAbout,
): AsyncGenerator<XlsxRow> {
  const bytes = await workbookBytes(source, label, limits);
  try {
    const entries = await checkWorkbook(bytes, label, limits, isWorksheetPart);
    const info = readWorkbookInfo(bytes, entries, label);
    let picked: XlsxSheetInfo | VnPovertyError;
    try {
      picked = pickSheet(info, sheet, label);
    } catch (error) {
      if (!(error instanceof VnPovertyError)) throw error;
      picked = error;
    }
    // the chosen sheet is checked as it is first unpacked, by the merge pass of sheetRows; a damaged part is named before a missing sheet
    for (const entry of entries) if (isWorksheetPart(entry.name) && (picked instanceof VnPovertyError || entry.name !== picked.part)) await verifyZipEntry(bytes, entry, label, XLSX_FORMAT);
    if (picked instanceof VnPovertyError) throw picked;
    const chosen = picked;
    const others = sheet === undefined ? otherSheetsNote(info, chosen, label) : undefined;
    if (others !== undefined) {
      onNote?.(others);
      if (about !== undefined) about.otherSheets = others;
    }
    yield* sheetRows(bytes, entries, info, chosen, label, limits, { cells: 0 }, onNote, about);
  } finally {
    bytes.close();
  }
}

/** One sheet of {@link readXlsxSheets}: its place in the workbook, its rows, and what was found about it once the rows are read. */
export interface XlsxWorkbookSheet {
  readonly sheet: XlsxSheetInfo;
  /** Its rows; read them before asking for the next sheet. Empty for a chart sheet. */
  readonly rows: AsyncGenerator<XlsxRow>;
  readonly about: XlsxSheetAbout;
}

/**
 * Every sheet of a workbook in tab order (worksheets, hidden ones too, and chart sheets with no
 * rows), after checking the file once, for a reader of the whole workbook (`readXlsxDocument`);
 * the cells of all its sheets together count against `maxCells`.
 *
 * @throws VnPovertyError as {@link readXlsxSheet}.
 */
export async function* readXlsxSheets(source: string | Uint8Array, label: string, limits: XlsxLimits = XLSX_TABLE_LIMITS): AsyncGenerator<XlsxWorkbookSheet> {
  const bytes = await workbookBytes(source, label, limits);
  try {
    const entries = await checkWorkbook(bytes, label, limits, isWorksheetPart);
    const info = readWorkbookInfo(bytes, entries, label);
    // each worksheet is checked as it is first unpacked, by the merge pass of sheetRows; one no tab shows is checked here
    const read = new Set(info.sheets.map((s) => s.part));
    for (const entry of entries) if (isWorksheetPart(entry.name) && !read.has(entry.name)) await verifyZipEntry(bytes, entry, label, XLSX_FORMAT);
    const counted = { cells: 0 };
    for (const sheet of info.sheets) {
      const about: XlsxSheetAbout = {};
      const rows = sheet.part === undefined ? noRows() : sheetRows(bytes, entries, info, sheet, label, limits, counted, undefined, about);
      yield { sheet, rows, about };
    }
  } finally {
    bytes.close();
  }
}

/** The rows of a chart sheet: none. */
async function* noRows(): AsyncGenerator<XlsxRow> {}

/** The rows of a chosen worksheet of an opened, checked workbook; `counted` the cells read so far (of this and earlier sheets). */
async function* sheetRows(bytes: ZipBytes, entries: readonly ZipEntry[], info: XlsxWorkbookInfo, chosen: XlsxSheetInfo, label: string, limits: XlsxLimits, counted: { cells: number }, onNote?: (note: string) => void, about?: XlsxSheetAbout): AsyncGenerator<XlsxRow> {
  const entry = entries.find((e) => e.name === chosen.part)!;
  const { merges, held } = await scanSheetMerges(bytes, entry, label, HELD_SHEET_BYTES);
  if (about !== undefined) Object.assign(about, { sheet: chosen.name, sheets: info.sheets.map((s) => s.name), merges });
  const layout: XlsxSheetLayout = { hiddenColumns: [] };
  let hiddenColumn: Uint8Array | undefined;
  const hiddenRows: number[] = [];
  const hiddenColumnsRead = new Set<number>();
  // hidden columns under a header the library's outputs hide: its own, not named
  const ownColumns = new Set<number>();
  const cover = mergeCover(merges);
  // the cell styles whose number format shows no figure (`;;;`: hidden on screen and on paper), for the note; a date format is no such one
  const unshownStyle = onNote === undefined ? [] : info.styleFormats.map((f) => !isDateFormat(f) && !numberFormatShape(f).showsFigure);
  const unshown: string[] = [];
  for await (const batch of streamSheetCells(bytes, entry, label, layout, held)) {
    if (hiddenColumn === undefined) {
      hiddenColumn = new Uint8Array(16385);
      for (const [first, last] of layout.hiddenColumns) hiddenColumn.fill(1, first, last + 1);
    }
    const rows: XlsxRow[] = [];
    for (const raw of batch) {
      const r: XlsxRow = { row: raw.row, cells: [], formats: [], problems: [], sheet: chosen.name };
      // a cell with only a style (`<c r="XFD7" s="3"/>`, a row formatted out to the last column) holds nothing: not read, not counted
      const held = raw.cells.filter(([, c]) => c.value !== undefined || c.formula !== undefined || c.inline !== undefined);
      // a row holds every cell up to its last one (empty ones too): one far to the right counts them all
      counted.cells += held.length === 0 ? 0 : held[held.length - 1]![0];
      if (counted.cells > limits.maxCells) overLimit(label, 'maxCells', counted.cells, limits.maxCells, 'the number of cells');
      for (const [col, cell] of held) {
        const reading = readXlsxCell(cell, info, cellRef(chosen.name, col, raw.row));
        if ('problem' in reading) {
          r.cells[col - 1] = null;
          r.problems[col - 1] = reading.problem;
          continue;
        }
        r.cells[col - 1] = reading.value;
        if (reading.format !== undefined) r.formats[col - 1] = reading.format;
        if (unshownStyle[cell.style] === true && typeof reading.value === 'number') unshown.push(`${columnLetters(col)}${raw.row}`);
        const look = typeof reading.value === 'string' ? info.styleLooks?.[cell.style] : undefined;
        if (look !== undefined && (look.indent > 0 || look.bold)) (r.looks ??= [])[col - 1] = look;
      }
      for (let i = 0; i < r.cells.length; i++) if (r.cells[i] === undefined) r.cells[i] = null;
      let filled = false;
      for (let i = 0; i < r.cells.length; i++) {
        if (!blankValue(r.cells[i]) || r.problems[i] !== undefined) {
          filled = true;
          if (hiddenColumn[i + 1] === 1) {
            hiddenColumnsRead.add(i + 1);
            const v = r.cells[i];
            if (typeof v === 'string' && ownHiddenHeaders().has(v.trim())) ownColumns.add(i + 1);
          }
        }
      }
      if (raw.hidden && filled) hiddenRows.push(raw.row);
      cover(r);
      rows.push(r);
    }
    yield* rows;
  }
  for (const c of ownColumns) hiddenColumnsRead.delete(c);
  if (about !== undefined) Object.assign(about, { hiddenRows, hiddenColumns: [...hiddenColumnsRead].sort((a, b) => a - b) });
  const note = onNote === undefined ? undefined : hiddenDataNote(label, chosen.name, hiddenRows, [...hiddenColumnsRead].sort((a, b) => a - b));
  if (note !== undefined) onNote!(note);
  if (onNote !== undefined && unshown.length > 0) {
    const one = unshown.length === 1;
    onNote(`${label}: the sheet ${JSON.stringify(chosen.name)}: ${one ? 'cell' : `${unshown.length} cells`} ${unshown.slice(0, 10).join(', ')}${unshown.length > 10 ? ', …' : ''} ${one ? 'holds a figure its' : 'hold figures their'} number format does not show (hidden on screen and on paper) and ${one ? 'is' : 'are'} read as ${one ? 'the figure it holds' : 'the figures they hold'}, as every cell is: if ${one ? 'it was' : 'they were'} hidden to leave ${one ? 'it' : 'them'} out, clear ${one ? 'the cell' : 'the cells'} instead`);
  }
}

let ownHidden: ReadonlySet<string> | undefined;

/**
 * The headers of the columns the library's own XLSX outputs hide (status codes, indicator ids,
 * standard, rule, source, date: `Mã phân loại (Status)`…), in every header language: a hidden
 * column under one of them is the library's, read back as data without a note.
 */
function ownHiddenHeaders(): ReadonlySet<string> {
  ownHidden ??= new Set([...CLASSIFIED_HOUSEHOLD_COLUMNS, ...REGISTER_OUTPUT_HEADERS].filter((c) => c.hidden === true).flatMap((c) => [c.vi, c.en, columnHeader(c, 'both')]));
  return ownHidden;
}

const blankValue = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Marks, on each row as it streams, the cells covered by a merged range (all but the range's
 * first cell) with the range and its first cell's value; the typed readers decide what a covered
 * cell means under its column. Rows come in order and a range's first cell is on its top row, so
 * the value is known before the cells it covers.
 */
function mergeCover(merges: readonly XlsxMerge[]): (row: XlsxRow) => void {
  let next = 0;
  let width = 0;
  let active: XlsxMergedCell[] = [];
  return (r) => {
    width = Math.max(width, r.cells.length);
    if (next >= merges.length && active.length === 0) return;
    active = active.filter((m) => m.bottom >= r.row);
    for (; next < merges.length && merges[next]!.top <= r.row; next++) {
      const m = merges[next]!;
      if (m.bottom < r.row) continue;
      const first = m.top === r.row;
      active.push({ ...m, value: first ? (r.cells[m.left - 1] ?? null) : null, format: first ? r.formats[m.left - 1] : undefined, problem: first ? r.problems[m.left - 1] : undefined });
    }
    for (const m of active) {
      for (let c = m.left; c <= Math.min(m.right, width); c++) {
        if (c === m.left && r.row === m.top) continue;
        (r.merged ??= [])[c - 1] = m;
      }
    }
  };
}

/**
 * A cell's address as a spreadsheet writes it: `Data!D3`, `'Biểu 1'!O9` (a sheet name with
 * anything but letters, digits and `_` is quoted).
 */
export function cellRef(sheet: string, column: number, row: number): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(column)}${row}`;
}

/** Reduces an exceljs cell value (rich text, formula result, hyperlink…) to a plain value. */
export function xlsxCellValue(value: XlsxCellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined ? null : xlsxCellValue(value.result as XlsxCellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return null;
}

/**
 * Refuses a grid of `rows × columns` cells (empty ones included) over `maxCells`: one stray cell
 * far to the right or below (XFD1048576) makes a small file span 17 billion cells.
 *
 * @throws VnPovertyError `xlsx-limit` naming the sheet, its extent and the limit.
 */
export function assertSheetArea(label: string, sheet: string, rows: number, columns: number, maxCells: number): void {
  const cells = rows * columns;
  if (cells <= maxCells) return;
  fail({
    code: 'xlsx-limit',
    path: [label, sheet],
    value: cells,
    expected: `at most ${maxCells} cells (maxCells)`,
    message: `${label}: the sheet ${JSON.stringify(sheet)} spans ${rows} rows × ${columns} columns (${cells} cells, empty ones included), over the limit of ${maxCells} (maxCells): delete what stands far below or to the right of the table (its last cell is ${columnLetters(columns)}${rows}), or raise limits.maxCells`,
  });
}
