/**
 * The library's own streaming reader of one worksheet of an `.xlsx` (or `.xlsm`) workbook, after
 * the zip checks of `_zip.ts`. exceljs's streaming reader misreads workbooks as other tools write
 * them (exceljs 4.4.0): the part after a worksheet that it saved aside is dropped when it is the
 * last of the zip (shared strings become `{ sharedString: 3 }`, a second sheet is "missing";
 * exceljs issue #683, PR #2915 unmerged), a date cell (`t="d"`) reads as its year, an error saved
 * by a formula (`#DIV/0!`) as `NaN`, a formula's boolean as 1, the sheets come in zip order and
 * not as their tabs, the 1904 date system and a number format that pads an id with zeros are
 * lost. This reader follows the workbook's relationships to its parts (any part names, the
 * Strict OOXML namespaces, prefixed element names), reads every cell type of ECMA-376 Part 1
 * §18.3.1.4 (`s`, `str`, `inlineStr`, `b`, `e`, `d`, `n`), and reports a cell it cannot read
 * instead of guessing. It needs no exceljs.
 */
import { columnLetters } from '../_internal/_columnLetters.js';
import { inflateRawSync, createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { fail } from '../errors/VnPovertyError.js';
import { checkedPartChunks, XLSX_FORMAT, type ZipBytes, type ZipEntry } from './_zip.js';

/** One sheet of a workbook, in tab order. */
export interface XlsxSheetInfo {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden` (ECMA-376 §18.18.68). */
  readonly state: string;
  /** Its part in the zip; undefined for a chart sheet or a sheet whose part is missing. */
  readonly part: string | undefined;
}

/** What a sheet's cells need from the rest of the workbook. */
export interface XlsxWorkbookInfo {
  readonly sheets: readonly XlsxSheetInfo[];
  /** True when the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`, old Mac Excel). */
  readonly date1904: boolean;
  readonly sharedStrings: readonly string[];
  /** The number format code of each cell style (`s="3"` → `cellXfs[3]`), `'General'` when none. */
  readonly styleFormats: readonly string[];
  /** How each cell style sets its text off (`cellXfs` order): its indent level (`<alignment indent="2"/>`) and whether its font is bold. */
  readonly styleLooks?: readonly XlsxCellLook[];
}

/** How a cell style sets a cell's text off: Excel's indent level (0 none) and a bold font. */
export interface XlsxCellLook {
  readonly indent: number;
  readonly bold: boolean;
}

/** A raw cell as the sheet's XML gives it. */
interface RawXlsxCell {
  readonly type: string;
  readonly style: number;
  readonly value: string | undefined;
  readonly formula: string | undefined;
  /**
   * What kind of formula, when not a plain one: `shared` (`<f t="shared" si="0"/>`, its text in
   * the range's first cell), or `array D2:D4` for a cell of an array formula's range (§18.3.1.40).
   */
  readonly formulaKind?: string;
  readonly inline: string | undefined;
}

function corrupt(label: string, why: string): never {
  return fail({ code: 'corrupt-xlsx', path: [label], value: why.slice(0, 200), expected: 'a readable .xlsx workbook', message: `${label}: the workbook cannot be read (${why.slice(0, 200)}); ${XLSX_FORMAT.hint}` });
}

/** An element's name without its namespace prefix (`x:c` → `c`). */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Parses a small part whole, calling `open`, `text` and `close` with local element names. */
function parseXml(text: string, label: string, part: string, on: { open?: (tag: SaxesTagPlain, name: string) => void; text?: (t: string) => void; close?: (name: string) => void }): void {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (e) => void (error ??= e));
  if (on.open !== undefined) parser.on('opentag', (tag) => on.open!(tag as SaxesTagPlain, local(tag.name)));
  if (on.text !== undefined) parser.on('text', on.text);
  if (on.close !== undefined) parser.on('closetag', (tag) => on.close!(local(tag.name)));
  parser.on('cdata', (t) => on.text?.(t));
  parser.write(text).close();
  if (error !== undefined) corrupt(label, `the part ${part} is not well-formed XML: ${error.message}`);
}

/** The text of a part that the zip check has already unpacked and verified. */
function partText(bytes: ZipBytes, entry: ZipEntry, label: string): string {
  const packed = bytes.read(entry.dataStart, entry.compressedSize);
  const data = entry.method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return corrupt(label, `the part ${entry.name} is not UTF-8 XML`);
  }
}

/** A relationship target resolved against the folder of the part that names it (`xl/` + `worksheets/sheet1.xml`). */
function resolvePart(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const p of target.replace(/^\/+/, '').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`): id → { type, part }. */
function relationships(find: (name: string) => ZipEntry | undefined, bytes: ZipBytes, part: string, label: string): Map<string, { type: string; part: string }> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const entry = find(relsName);
  const rels = new Map<string, { type: string; part: string }>();
  if (entry === undefined) return rels;
  parseXml(partText(bytes, entry, label), label, relsName, {
    open: (tag, name) => {
      const a = tag.attributes;
      if (name === 'Relationship' && a.Id !== undefined && a.Target !== undefined && a.TargetMode !== 'External') rels.set(a.Id, { type: a.Type ?? '', part: resolvePart(part, a.Target) });
    },
  });
  return rels;
}

/**
 * The built-in number formats a workbook may use without declaring them (ECMA-376 Part 1
 * §18.8.30), with the locale's currency (5–8) and accounting (41–44) formats as Excel writes them
 * (`_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)`: a negative in brackets, a zero as a dash); the
 * currency symbol of 5–8, 42 and 44 is not part of the figure read.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)', 6: '"$"#,##0_);[Red]\\("$"#,##0\\)', 7: '"$"#,##0.00_);\\("$"#,##0.00\\)', 8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)', 42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)', 44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** True for a number format that shows a date or a time (`dd/mm/yyyy`, `mm-dd-yy`, `h:mm`), not for `#,##0 "đồng"`. */
export function isDateFormat(code: string): boolean {
  const bare = code.split(';')[0]!.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare) && !/^General$/i.test(code);
}

/**
 * Reads what a worksheet's cells need from the rest of the workbook: its sheets in tab order
 * with their parts, the date system, the shared strings and the cell styles' number formats.
 *
 * @throws VnPovertyError `corrupt-xlsx` for a part that is not well-formed XML.
 */
export function readWorkbookInfo(bytes: ZipBytes, entries: readonly ZipEntry[], label: string): XlsxWorkbookInfo {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const find = (name: string): ZipEntry | undefined => byName.get(name.toLowerCase());
  const root = relationships(find, bytes, '', label);
  const workbookPart = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
  const workbookEntry = find(workbookPart) ?? find('xl/workbook.xml');
  if (workbookEntry === undefined) corrupt(label, `it has no workbook part ${workbookPart}`);
  const rels = relationships(find, bytes, workbookEntry.name, label);
  const sheets: XlsxSheetInfo[] = [];
  let date1904 = false;
  parseXml(partText(bytes, workbookEntry, label), label, workbookEntry.name, {
    open: (tag, name) => {
      const a = tag.attributes;
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const id = Object.entries(a).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1];
      const rel = id !== undefined ? rels.get(id) : undefined;
      const part = rel !== undefined && rel.type.endsWith('/worksheet') ? find(rel.part)?.name : undefined;
      sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, state: a.state ?? 'visible', part });
    },
  });
  const partOf = (kind: string): ZipEntry | undefined => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(`/${kind}`));
    return rel !== undefined ? find(rel.part) : undefined;
  };
  return Object.freeze({ sheets: Object.freeze(sheets), date1904, sharedStrings: readSharedStrings(bytes, partOf('sharedStrings'), label), ...readStyles(bytes, partOf('styles'), label) });
}

/**
 * Text as SpreadsheetML stores it (`ST_Xstring`, ECMA-376 Part 1 §22.9.2.19): a character XML
 * cannot hold, or that Excel chooses to escape, is written `_xHHHH_` (`_x000D_` for a carriage
 * return, `_x0007_` for BEL), and a literal `_x` is written `_x005F_x`. Decoded, so a value reads
 * as typed (and a control character in it is refused as in a CSV), never as `Ghi_x000D_ chú`.
 */
export function decodeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** The shared strings: each `<si>`'s text, its rich-text runs joined, its phonetic runs (`<rPh>`) left out. */
function readSharedStrings(bytes: ZipBytes, entry: ZipEntry | undefined, label: string): string[] {
  const strings: string[] = [];
  if (entry === undefined) return strings;
  let text: string | undefined;
  let inT = false;
  let phonetic = 0;
  parseXml(partText(bytes, entry, label), label, entry.name, {
    open: (_tag, name) => {
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
    },
    text: (t) => {
      if (inT && text !== undefined) text += t;
    },
    close: (name) => {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        strings.push(decodeXstring(text ?? ''));
        text = undefined;
      }
    },
  });
  return strings;
}

/** The number format code and the look (indent, bold font) of each cell style, in `cellXfs` order. */
function readStyles(bytes: ZipBytes, entry: ZipEntry | undefined, label: string): { styleFormats: string[]; styleLooks: XlsxCellLook[] } {
  const formats: string[] = [];
  if (entry === undefined) return { styleFormats: formats, styleLooks: [] };
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const xfs: { font: number; indent: number }[] = [];
  const boldFonts: boolean[] = [];
  let inCellXfs = 0;
  let inFonts = 0;
  const on = (v: string | undefined): boolean => v === undefined || !/^(0|false)$/i.test(v.trim());
  parseXml(partText(bytes, entry, label), label, entry.name, {
    open: (tag, name) => {
      const a = tag.attributes;
      if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'cellXfs') inCellXfs++;
      else if (name === 'fonts') inFonts++;
      else if (name === 'font' && inFonts > 0) boldFonts.push(false);
      else if (name === 'b' && inFonts > 0 && boldFonts.length > 0) boldFonts[boldFonts.length - 1] = on(a.val);
      else if (name === 'xf' && inCellXfs > 0) {
        ids.push(Number(a.numFmtId ?? 0));
        xfs.push({ font: Number(a.fontId ?? 0), indent: 0 });
      } else if (name === 'alignment' && inCellXfs > 0 && xfs.length > 0) {
        const indent = Number(a.indent ?? 0);
        xfs[xfs.length - 1] = { ...xfs[xfs.length - 1]!, indent: Number.isInteger(indent) && indent > 0 ? Math.min(indent, 250) : 0 };
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs--;
      if (name === 'fonts') inFonts--;
    },
  });
  for (const id of ids) formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? (id >= 27 && id <= 36 ? 'yyyy-mm-dd' : id >= 50 && id <= 58 ? 'yyyy-mm-dd' : 'General'));
  return { styleFormats: formats, styleLooks: xfs.map((x) => ({ indent: x.indent, bold: boldFonts[x.font] === true })) };
}

/** A column's number from its letters (`A` → 1, `AB` → 28); 0 for anything else. */
function columnNumber(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref);
  if (m === null) return 0;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n > 16384 ? 0 : n;
}

/**
 * The one note on the hidden rows and columns of a sheet that hold data, read as every row and
 * column is: what every reader of a sheet says of them (registers, row tables, printed tables,
 * workbook plans). Rows by number, columns by letter; `undefined` when nothing hidden holds data.
 * @example
 * hiddenDataNote('ho.xlsx', 'DS', [3, 4], [4]) //=> 'ho.xlsx: the sheet "DS": rows 3, 4 and column D are hidden in the spreadsheet and read as data, as every row and column is (if they were hidden to leave them out, delete them instead): unhide them to see all that was read'
 */
export function hiddenDataNote(label: string, sheet: string, rows: readonly number[], columns: readonly number[]): string | undefined {
  if (rows.length === 0 && columns.length === 0) return undefined;
  const list = (xs: readonly (string | number)[]): string => `${xs.slice(0, 10).join(', ')}${xs.length > 10 ? ', …' : ''}`;
  const parts = [
    ...(rows.length > 0 ? [`${rows.length === 1 ? 'row' : 'rows'} ${list(rows)}`] : []),
    ...(columns.length > 0 ? [`${columns.length === 1 ? 'column' : 'columns'} ${list(columns.map(columnLetters))}`] : []),
  ];
  const one = rows.length + columns.length === 1;
  const every = rows.length > 0 && columns.length > 0 ? 'every row and column' : rows.length > 0 ? 'every row' : 'every column';
  const them = one ? 'it' : 'them';
  return `${label}: the sheet ${JSON.stringify(sheet)}: ${parts.join(' and ')} ${one ? 'is' : 'are'} hidden in the spreadsheet and read as data, as ${every} is (if ${one ? 'it was' : 'they were'} hidden to leave ${them} out, delete ${them} instead): unhide ${them} to see all that was read`;
}

/** A column number as letters (1 → A, 28 → AB): the core's own, for the readers and writers. */
export { columnLetters };

/** One row as {@link streamSheetCells} gives it: 1-based row number, cells by 1-based column. */
export interface RawXlsxRow {
  readonly row: number;
  readonly cells: ReadonlyArray<readonly [column: number, cell: RawXlsxCell]>;
  /** True for a row hidden in the spreadsheet (`<row hidden="1">`, ECMA-376 §18.3.1.73). */
  readonly hidden: boolean;
}

/** What a sheet's XML says about its layout besides its cells: the columns it hides (`<col hidden="1">`, §18.3.1.13), as inclusive ranges. */
export interface XlsxSheetLayout {
  readonly hiddenColumns: Array<readonly [first: number, last: number]>;
}

/** A merged range of cells (`<mergeCell ref="B5:B12"/>`, ECMA-376 §18.3.1.55): 1-based rows and columns, inclusive. */
export interface XlsxMerge {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A range of cells (`B5:B12`, `A1`) as 1-based inclusive bounds, undefined when either end is no cell address. */
function cellRange(ref: string): Omit<XlsxMerge, 'ref'> | undefined {
  const [a, b = a] = ref.trim().split(':');
  const from = cellAddress(a!);
  const to = cellAddress(b!);
  if (from === undefined || to === undefined) return undefined;
  return { top: Math.min(from[0], to[0]), left: Math.min(from[1], to[1]), bottom: Math.max(from[0], to[0]), right: Math.max(from[1], to[1]) };
}

/** A cell address's row and column (`B12` → [12, 2]), undefined for anything else. */
function cellAddress(ref: string): readonly [row: number, column: number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (m === null) return undefined;
  const column = columnNumber(m[1]!);
  const row = Number(m[2]);
  return column === 0 || row < 1 || row > 1_048_576 ? undefined : [row, column];
}

const MERGE_TAG = Buffer.from('mergeCell');

/**
 * The merged ranges of a worksheet part. `<mergeCells>` comes after `<sheetData>` (ECMA-376
 * §18.3.1.99), so a reader that streams the rows must know them first: this pass unpacks the
 * part, checking its size and checksum as the zip check does (`checkedPartChunks`: never past
 * its recorded size), and only searches its bytes for `mergeCell` elements (no XML parse),
 * keeping a tail of each chunk so an element cut between two chunks is found. A part of at most
 * `keepBytes` unpacked is kept (`held`), so the rows are read from it without unpacking it again.
 *
 * @throws VnPovertyError `corrupt-xlsx` for a merged range whose address no sheet has, and
 *   those of the zip check for a damaged part.
 */
export async function scanSheetMerges(bytes: ZipBytes, entry: ZipEntry, label: string, keepBytes = 0): Promise<{ readonly merges: XlsxMerge[]; readonly held: readonly Buffer[] | undefined }> {
  const merges: XlsxMerge[] = [];
  const held: Buffer[] | undefined = entry.size <= keepBytes ? [] : undefined;
  const source = checkedPartChunks(bytes, entry, label, XLSX_FORMAT);
  let carry = Buffer.alloc(0);
  for await (const chunk of source) {
    held?.push(chunk);
    const text = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let at = 0;
    let keepFrom = Math.max(0, text.length - 512);
    for (;;) {
      const i = text.indexOf(MERGE_TAG, at);
      if (i < 0) break;
      const end = text.indexOf(0x3e, i); // '>'
      const next = text[i + MERGE_TAG.length];
      if (end < 0 || next === undefined) {
        keepFrom = Math.min(keepFrom, i);
        break;
      }
      at = end + 1;
      // `<mergeCell ref=…/>` or `<x:mergeCell …>`, not `<mergeCells count=…>`
      if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d) continue;
      const tag = text.toString('utf8', i, end);
      const ref = /\sref\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
      if (ref === undefined) continue;
      const range = cellRange(ref);
      if (range === undefined) return corrupt(label, `in the part ${entry.name}, a merged range has the address ${JSON.stringify(ref.slice(0, 30))}, which no sheet has`);
      const { top, left, bottom, right } = range;
      if (top !== bottom || left !== right) merges.push({ ref: `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`, ...range });
    }
    carry = Buffer.from(text.subarray(Math.max(keepFrom, at)));
  }
  return { merges: merges.sort((x, y) => x.top - y.top || x.left - y.left), held };
}

/** A part's bytes as they unpack (stored or deflated), a megabyte of packed bytes at a time. */
function partStream(bytes: ZipBytes, entry: ZipEntry): AsyncIterable<Buffer> {
  const packed = Readable.from(packedChunks(bytes, entry));
  return (entry.method === 0 ? packed : packed.pipe(createInflateRaw())) as AsyncIterable<Buffer>;
}

/** The packed bytes of a part, a megabyte at a time. */
function* packedChunks(bytes: ZipBytes, entry: ZipEntry): Generator<Buffer> {
  const step = 1 << 20;
  for (let off = 0; off < entry.compressedSize; off += step) yield bytes.read(entry.dataStart + off, Math.min(step, entry.compressedSize - off));
}

/**
 * Streams the rows of a worksheet part (checked by the zip check or by {@link scanSheetMerges}:
 * its size and checksum are right), from `held`, the part as that pass kept it, when given.
 * Rows and cells without an `r` attribute take the next number, as ECMA-376 allows.
 *
 * @throws VnPovertyError `corrupt-xlsx` for XML that is not well-formed or not UTF-8.
 */
export async function* streamSheetCells(bytes: ZipBytes, entry: ZipEntry, label: string, layout?: XlsxSheetLayout, held?: readonly Buffer[]): AsyncGenerator<RawXlsxRow[]> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  const done: RawXlsxRow[] = [];
  let rowNumber = 0;
  let cells: Array<readonly [number, RawXlsxCell]> | undefined;
  let hidden = false;
  let column = 0;
  let cell: { type: string; style: number; value?: string; formula?: string; formulaKind?: string; inline?: string; col: number } | undefined;
  // the ranges of array formulas: every cell of one holds a saved value (ECMA-376 §18.3.1.40), so a cell without one is unknown, not blank
  const arrays: Array<{ ref: string; top: number; left: number; bottom: number; right: number }> = [];
  const arrayRange = (ref: string): void => {
    const range = cellRange(ref);
    if (range === undefined || (range.top === range.bottom && range.left === range.right)) return;
    arrays.push({ ref: ref.trim(), ...range });
  };
  /** The cells of `row` that an array formula covers and that hold no saved value, marked (or added) as such. */
  const arrayCells = (row: number, rowCells: Array<readonly [number, RawXlsxCell]>): Array<readonly [number, RawXlsxCell]> => {
    const over = arrays.filter((x) => x.top <= row && row <= x.bottom);
    if (over.length === 0) return rowCells;
    const byColumn = new Map(rowCells);
    for (const x of over) {
      for (let c = x.left; c <= x.right; c++) {
        const found = byColumn.get(c);
        if (found !== undefined && (found.value !== undefined || found.formula !== undefined || found.inline !== undefined)) continue;
        byColumn.set(c, { type: 'n', style: found?.style ?? 0, value: undefined, formula: '', formulaKind: `array ${x.ref}`, inline: undefined });
      }
    }
    return [...byColumn].sort((p, q) => p[0] - q[0]);
  };
  let into: 'value' | 'formula' | 'inline' | undefined;
  let phonetic = 0;
  let inSheetData = false;
  let outOfOrder: string | undefined;
  parser.on('error', (e) => void (error ??= e));
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (name === 'sheetData') inSheetData = true;
    if (!inSheetData) {
      const first = Number(a.min);
      const last = Number(a.max ?? a.min);
      if (name === 'col' && (a.hidden === '1' || a.hidden === 'true') && Number.isInteger(first) && Number.isInteger(last) && first >= 1 && last >= first) layout?.hiddenColumns.push([first, Math.min(last, 16384)]);
      return;
    }
    if (name === 'row') {
      const r = a.r !== undefined ? Number(a.r) : rowNumber + 1;
      if (!Number.isInteger(r) || r < 1 || r > 1_048_576) outOfOrder ??= `a row is numbered ${JSON.stringify(a.r)}, which no sheet has (rows 1 to 1048576)`;
      else if (r <= rowNumber) outOfOrder ??= `row ${a.r} comes after row ${rowNumber}: the rows are out of order`;
      // rows an array formula covers that the sheet leaves out hold no saved value
      for (let skipped = rowNumber + 1; skipped < r && arrays.some((x) => x.bottom >= skipped); skipped++) {
        const missing = arrayCells(skipped, []);
        if (missing.length > 0) done.push({ row: skipped, cells: missing, hidden: false });
      }
      rowNumber = r;
      cells = [];
      hidden = a.hidden === '1' || a.hidden === 'true';
      column = 0;
    } else if (name === 'c' && cells !== undefined) {
      const c = a.r !== undefined ? columnNumber(a.r) : column + 1;
      if (c === 0) outOfOrder ??= `in row ${rowNumber}, a cell has the address ${JSON.stringify(String(a.r).slice(0, 20))}, which no sheet has (columns A to XFD)`;
      else if (c <= column) outOfOrder ??= `in row ${rowNumber}, cell ${a.r ?? '(no address)'} comes after column ${columnLetters(column)}: the cells are out of order`;
      column = c;
      cell = { type: a.t ?? 'n', style: Number(a.s ?? 0), col: column };
    } else if (cell !== undefined) {
      if (name === 'v') (into = 'value'), (cell.value = '');
      else if (name === 'f') {
        into = 'formula';
        cell.formula ??= '';
        if (a.t === 'shared') cell.formulaKind = `shared si=${a.si ?? '?'}`;
        else if (a.t === 'array' && a.ref !== undefined) arrayRange(a.ref);
      }
      else if (name === 'is') cell.inline = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && cell.inline !== undefined && phonetic === 0) into = 'inline';
    }
  });
  const addText = (t: string): void => {
    if (cell === undefined || into === undefined) return;
    if (into === 'value') cell.value += t;
    else if (into === 'formula') cell.formula += t;
    else cell.inline += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 'sheetData') {
      inSheetData = false;
      // the last rows of an array formula's range, when the sheet ends before them
      for (let skipped = rowNumber + 1; arrays.some((x) => x.bottom >= skipped); skipped++) {
        const missing = arrayCells(skipped, []);
        if (missing.length > 0) done.push({ row: skipped, cells: missing, hidden: false });
      }
    } else if (name === 'v' || name === 'f' || name === 't') into = undefined;
    else if (name === 'rPh') phonetic--;
    else if (name === 'c' && cell !== undefined && cells !== undefined) {
      cells.push([cell.col, { type: cell.type, style: cell.style, value: cell.value, formula: cell.formula, ...(cell.formulaKind === undefined ? {} : { formulaKind: cell.formulaKind }), inline: cell.inline }]);
      cell = undefined;
    } else if (name === 'row' && cells !== undefined) {
      done.push({ row: rowNumber, cells: arrays.length === 0 ? cells : arrayCells(rowNumber, cells), hidden });
      cells = undefined;
    }
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      return corrupt(label, `the part ${entry.name} is not UTF-8 XML`);
    }
  };
  const source = held ?? partStream(bytes, entry);
  const check = (): void => {
    if (error !== undefined) corrupt(label, `the part ${entry.name} is not well-formed XML: ${error.message}`);
    // ECMA-376 §18.3.1.73: rows, and the cells of a row, follow one another; read otherwise, a row number or a column would be misreported
    if (outOfOrder !== undefined) corrupt(label, `in the part ${entry.name}, ${outOfOrder}`);
  };
  for await (const chunk of source) {
    parser.write(decode(chunk, true));
    check();
    if (done.length > 0) yield done.splice(0);
  }
  parser.write(decode(new Uint8Array(0), false)).close();
  check();
  if (done.length > 0) yield done.splice(0);
}

/** A cell's value as the reader gives it, or the reason it cannot be read. */
export type XlsxCellReading = { readonly value: string | number | boolean | Date | null; readonly format: string | undefined } | { readonly problem: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A date serial as a UTC date, in the workbook's date system: 1904 counts days from 1904-01-01;
 * 1900 from 1899-12-31 with Lotus 1-2-3's 29/02/1900 (serial 60, a day that never was) counted,
 * so serials from 61 on are 25569 days before 1970-01-01. Undefined for serial 60 and for
 * serials before the first day.
 */
function serialDate(serial: number, date1904: boolean): Date | undefined {
  if (serial < (date1904 ? 0 : 1) || (!date1904 && serial >= 60 && serial < 61)) return undefined;
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

/**
 * A fraction as Excel holds it: to 15 significant digits, Excel's precision (Excel drops digits
 * past the 15th on entry and shows at most 15). A formula's result is saved with the binary noise
 * of its arithmetic (`=12,3+4,56` saved as `16.860000000000003`, `=1400000*1,1` as
 * `1540000.0000000002`): read whole, a total would differ from the sum of its parts the sheet
 * shows, and an income computed by a formula would not be whole đồng. A whole number is kept as
 * stored: it has no such noise, and a budget in đồng may have 16 digits.
 * @example
 * excelNumber(16.860000000000003) //=> 16.86
 * excelNumber(1234567890123456) //=> 1234567890123456
 */
export function excelNumber(n: number): number {
  return Number.isInteger(n) || !Number.isFinite(n) ? n : Number(n.toPrecision(15));
}

/**
 * Reads one cell: shared strings, inline and formula strings as text; booleans; numbers (a date
 * format makes a date, in the workbook's date system; a format of zeros such as `000000` pads a
 * whole number as it is shown, so an id `001234` stays `001234`); ISO dates; and a problem
 * naming the cell for an error value, a formula with no saved value, a shared string the
 * workbook lacks, or a value that is not what its type says.
 */
export function readXlsxCell(cell: RawXlsxCell, info: XlsxWorkbookInfo, ref: string): XlsxCellReading {
  const format = info.styleFormats[cell.style];
  const shown = format !== undefined && format !== 'General' ? format : undefined;
  const v = cell.value;
  const formula =
    cell.formulaKind?.startsWith('array ') === true
      ? `is a cell of the array formula of ${cell.formulaKind.slice(6)}`
      : cell.formulaKind !== undefined && cell.formula?.trim() === ''
        ? `holds a shared formula (<f t="shared" ${cell.formulaKind.slice(7)}/>, its text in the first cell of its range)`
        : `holds a formula (=${(cell.formula ?? '').slice(0, 40)})`;
  const noValue = (): XlsxCellReading =>
    cell.formula !== undefined
      ? { problem: `cell ${ref} ${formula} with no saved value: the figure is unknown, and is not read as 0 or as blank; open the file in Excel or LibreOffice and save it (which stores the values), or paste the values in place of the formulas` }
      : { value: null, format: shown };
  const notA = (what: string): XlsxCellReading => ({ problem: `cell ${ref} is marked as ${what} but holds ${JSON.stringify((v ?? '').slice(0, 40))}: save it again in Excel or LibreOffice` });
  switch (cell.type) {
    case 'inlineStr':
      return cell.inline !== undefined ? { value: decodeXstring(cell.inline), format: shown } : v !== undefined ? { value: decodeXstring(v), format: shown } : noValue();
    case 'str':
      return v !== undefined ? { value: decodeXstring(v), format: shown } : noValue();
    case 's': {
      if (v === undefined) return noValue();
      const i = /^\d+$/.test(v.trim()) ? Number(v.trim()) : -1;
      const s = info.sharedStrings[i];
      return s !== undefined ? { value: s, format: shown } : { problem: `cell ${ref} refers to shared string ${JSON.stringify(v.slice(0, 20))}, which the workbook does not have: open the file in Excel or LibreOffice and save it again` };
    }
    case 'b':
      if (v === undefined) return noValue();
      return v.trim() === '1' || v.trim() === 'true' ? { value: true, format: shown } : v.trim() === '0' || v.trim() === 'false' ? { value: false, format: shown } : notA('a yes/no value');
    case 'e':
      return { problem: `cell ${ref} holds the error ${(v ?? '').trim().slice(0, 20) || '(unnamed)'}: correct the cell in the spreadsheet` };
    case 'd': {
      if (v === undefined) return noValue();
      const t = v.trim();
      const m = ISO_DATE.exec(t);
      if (m === null) return notA('a date');
      const d = new Date(m[4] === undefined ? `${t}T00:00:00Z` : m[7] === undefined ? `${t}Z` : t);
      if (Number.isNaN(d.getTime()) || (m[7] === undefined && d.toISOString().slice(0, 10) !== t.slice(0, 10))) return notA('a date');
      return { value: d, format: shown };
    }
    case 'n':
    default: {
      if (v === undefined || v.trim() === '') return noValue();
      if (!NUMBER.test(v.trim())) return notA('a number');
      const n = excelNumber(Number(v.trim()));
      if (!Number.isFinite(n)) return notA('a number');
      if (shown !== undefined && isDateFormat(shown)) {
        const d = serialDate(n, info.date1904);
        return d === undefined ? { problem: `cell ${ref} holds the date serial ${v.trim()}, which is no day (before 1900, or Excel's 29/02/1900): correct the cell in the spreadsheet` } : { value: d, format: shown };
      }
      if (shown !== undefined && /^0{2,}$/.test(shown) && Number.isInteger(n) && n >= 0) return { value: String(n).padStart(shown.length, '0'), format: shown };
      return { value: n, format: shown };
    }
  }
}
