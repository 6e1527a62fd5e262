import { deepFreeze } from '../_internal/_freeze.js';
import { markLegacyBlocks } from './_legacyFont.js';
import type { DocumentBlock, DocumentCell, DocumentModel } from '../documents/documentModel.js';
import { assertOptions } from '../errors/assertOptions.js';
import { fail } from '../errors/VnPovertyError.js';
import { attrOf, childOf, childrenOf, gridCount, isDeletedRow, parseWordXml, partText, pathOf, tagOf, textOf, unpackDocx, wordRowCells, wordTableRows, WORD_CONTAINERS as CONTAINERS, type XmlNode } from './_ooxml.js';
import { DOCX_READ_LIMITS, type DocxLimits } from './readLimits.js';
import { dropInvisible } from './_invisible.js';
import { isStruckRun, revisionsNote, struckTextNote } from './_docxRevisions.js';

/** Options of {@link readDocxDocument}. */
export interface ReadDocxDocumentOptions {
  /** File name, for messages. */
  readonly source?: string;
  /** Limits on the package (default `DOCX_READ_LIMITS`). */
  readonly limits?: Partial<DocxLimits>;
}

interface Style {
  readonly name: string;
  readonly outline: number | null;
  readonly basedOn: string | null;
  readonly numId: string | null;
  readonly ilvl: number;
}

interface Level {
  readonly fmt: string;
  readonly text: string;
  readonly start: number;
}

/** A numbering instance (`w:num`): its list (`w:abstractNum`), the list's levels, and the levels it restarts (`w:lvlOverride/w:startOverride`, §17.9.27). */
interface NumberingInstance {
  readonly list: string;
  readonly levels: readonly Level[];
  readonly restarts: ReadonlyMap<number, number>;
}

/**
 * Counters of Word's automatic numbering, advanced paragraph by paragraph as Word renders them.
 * Instances of one list share its counters (Word's "continue numbering": a second table whose
 * *STT* continues from the first counts on), and an instance that restarts a level
 * (`startOverride`, Word's "restart at 1") starts it again where it is first used.
 */
class Numbering {
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();
  constructor(private readonly instances: ReadonlyMap<string, NumberingInstance>) {}
  label(numId: string, ilvl: number): string | undefined {
    const instance = this.instances.get(numId);
    const levels = instance?.levels;
    const level = levels?.[ilvl];
    if (instance === undefined || levels === undefined || level === undefined || level.fmt === 'none') return undefined;
    const counts = this.counters.get(instance.list) ?? levels.map((l) => l.start - 1);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of instance.restarts) counts[l] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    for (let d = ilvl + 1; d < counts.length; d++) counts[d] = (instance.restarts.get(d) ?? levels[d]?.start ?? 1) - 1;
    this.counters.set(instance.list, counts);
    if (level.fmt === 'bullet') return undefined;
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(Math.max(counts[i] ?? 1, 1), levels[i]?.fmt ?? 'decimal');
    });
  }
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function letters(n: number): string {
  return String.fromCharCode(64 + ((n - 1) % 26) + 1).repeat(Math.floor((n - 1) / 26) + 1);
}

function readStyles(xml: string | undefined, source: string | undefined): Map<string, Style> {
  const out = new Map<string, Style>();
  if (xml === undefined) return out;
  const root = parseWordXml(xml, 'word/styles.xml', source).find((n) => tagOf(n) === 'w:styles');
  for (const s of root === undefined ? [] : childrenOf(root)) {
    if (tagOf(s) !== 'w:style') continue;
    const id = attrOf(s, 'w:styleId');
    if (id === undefined) continue;
    const outline = attrOf(pathOf(s, 'w:pPr', 'w:outlineLvl') ?? {}, 'w:val');
    const numPr = pathOf(s, 'w:pPr', 'w:numPr');
    out.set(id, {
      name: attrOf(childOf(s, 'w:name') ?? {}, 'w:val') ?? id,
      outline: outline === undefined ? null : Number(outline),
      basedOn: attrOf(childOf(s, 'w:basedOn') ?? {}, 'w:val') ?? null,
      numId: numPr === undefined ? null : (attrOf(childOf(numPr, 'w:numId') ?? {}, 'w:val') ?? null),
      ilvl: Number(attrOf(childOf(numPr ?? {}, 'w:ilvl') ?? {}, 'w:val') ?? 0),
    });
  }
  return out;
}

function readNumbering(xml: string | undefined, source: string | undefined): Map<string, NumberingInstance> {
  const out = new Map<string, NumberingInstance>();
  if (xml === undefined) return out;
  const root = parseWordXml(xml, 'word/numbering.xml', source).find((n) => tagOf(n) === 'w:numbering');
  const abstract = new Map<string, Level[]>();
  for (const n of root === undefined ? [] : childrenOf(root)) {
    if (tagOf(n) !== 'w:abstractNum') continue;
    const levels: Level[] = [];
    for (const l of childrenOf(n)) {
      if (tagOf(l) !== 'w:lvl') continue;
      levels[Number(attrOf(l, 'w:ilvl') ?? 0)] = {
        fmt: attrOf(childOf(l, 'w:numFmt') ?? {}, 'w:val') ?? 'decimal',
        text: attrOf(childOf(l, 'w:lvlText') ?? {}, 'w:val') ?? '',
        start: Number(attrOf(childOf(l, 'w:start') ?? {}, 'w:val') ?? 1),
      };
    }
    abstract.set(attrOf(n, 'w:abstractNumId') ?? '', levels);
  }
  for (const n of root === undefined ? [] : childrenOf(root)) {
    if (tagOf(n) !== 'w:num') continue;
    const list = attrOf(childOf(n, 'w:abstractNumId') ?? {}, 'w:val') ?? '';
    const levels = abstract.get(list);
    if (levels === undefined) continue;
    const restarts = new Map<number, number>();
    for (const o of childrenOf(n)) {
      const start = tagOf(o) === 'w:lvlOverride' ? attrOf(childOf(o, 'w:startOverride') ?? {}, 'w:val') : undefined;
      if (start !== undefined && Number.isInteger(Number(start))) restarts.set(Number(attrOf(o, 'w:ilvl') ?? 0), Number(start));
    }
    out.set(attrOf(n, 'w:numId') ?? '', { list, levels, restarts });
  }
  return out;
}

/**
 * What is never the document's text: tracked deletions (`w:del`, and the old place of moved text,
 * `w:moveFrom`: its new place `w:moveTo` is read), field codes (`w:instrText`; a field's cached
 * result is read), properties, the annotation of ruby text (`w:rt`), and the fallback copy of
 * alternate content (`mc:Fallback`: its `mc:Choice` is read, so a text box is read once).
 */
const SKIP = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:delInstrText', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:sdtPr', 'w:sdtEndPr', 'w:fldChar', 'w:commentReference', 'w:rt', 'mc:Fallback']);

/** True for an element whose on/off property is on (`<w:vanish/>`, `<w:vanish w:val="true"/>`; ECMA-376 §17.17.4). */
function isOn(node: XmlNode | undefined): boolean {
  if (node === undefined) return false;
  const v = attrOf(node, 'w:val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

/**
 * The nodes with the text of content controls showing their placeholder (`w:showingPlcHdr`,
 * ECMA-376 §17.5.2.39: "Click or tap here to enter text.", "Bấm hoặc gõ vào đây để nhập văn
 * bản.") taken out (a space in its place): the control's paragraphs, rows and cells are kept, empty, so the blocks and
 * the cells marked by `check --out` stay where they are; the placeholder is never the plan's
 * words or figures.
 */
function withoutPlaceholders(nodes: readonly XmlNode[], inPlaceholder = false): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    // a space in its place, so that figures on either side of the control are never joined
    if (inPlaceholder && (tag === 'w:t' || tag === 'w:sym' || tag === 'm:t')) {
      out.push({ 'w:t': [{ '#text': ' ' }] });
      continue;
    }
    if (tag === '#text' || !Array.isArray(node[tag])) {
      out.push(node);
      continue;
    }
    const placeholder = inPlaceholder || (tag === 'w:sdt' && isOn(pathOf(node, 'w:sdtPr', 'w:showingPlcHdr')));
    out.push({ ...node, [tag]: withoutPlaceholders(childrenOf(node), placeholder) });
  }
  return out;
}

/** True for a run of hidden text (`w:vanish`, §17.3.2.41; `w:specVanish`, always hidden, §17.3.2.36): Word neither shows nor prints it. */
function isHiddenRun(r: XmlNode): boolean {
  return isOn(pathOf(r, 'w:rPr', 'w:vanish')) || isOn(pathOf(r, 'w:rPr', 'w:specVanish'));
}

/** Characters of the Symbol font (its codes 0x20–0x3F are ASCII but for a few logic signs) and of Wingdings that plans use, by code. */
const SYMBOL_FONT: ReadonlyMap<number, string> = new Map([[0x22, '∀'], [0x24, '∃'], [0x27, '∋'], [0x2d, '-'], [0xa3, '≤'], [0xb3, '≥'], [0xb4, '×'], [0xb8, '÷'], [0xb1, '±'], [0xb0, '°'], [0xb7, '•'], [0xae, '→'], [0xde, '⇒']]);
const WINGDINGS: ReadonlyMap<number, string> = new Map([[0xfc, '✓'], [0xfb, '✗'], [0xfd, '☒'], [0xfe, '☑'], [0xa8, '☐'], [0x6f, '☐'], [0x9f, '•'], [0xa7, '▪'], [0xd8, '➢']]);

/**
 * The text of a symbol (`w:sym`, §17.3.3.30: a character of a symbol font, its code often in
 * the private range F000–F0FF): `%`, `≥`, `×`, a tick (✓) as printed; a symbol not known a space,
 * so figures on either side are never joined.
 */
function symbolText(font: string | undefined, char: string | undefined): string {
  let code = char === undefined || !/^[0-9a-f]{1,4}$/i.test(char) ? NaN : parseInt(char, 16);
  if (Number.isNaN(code)) return ' ';
  const symbolArea = code >= 0xf000 && code <= 0xf0ff;
  if (symbolArea) code -= 0xf000;
  const f = (font ?? '').toLowerCase();
  if (f === 'symbol') return SYMBOL_FONT.get(code) ?? (code >= 0x20 && code <= 0x3f ? String.fromCharCode(code) : ' ');
  if (f === 'wingdings') return WINGDINGS.get(code) ?? ' ';
  // a code of another symbol font (Webdings, Wingdings 2) is a picture, not its letter; a code outside their range is Unicode
  return !symbolArea && code >= 0x20 ? String.fromCharCode(code) : ' ';
}

/**
 * The text of a paragraph's runs: tabs and breaks as spaces; deletions, hidden text, text struck through by hand and field
 * codes left out; the paragraphs of a text box set apart by spaces; the ids of the footnotes
 * and endnotes it refers to collected in `notes`.
 */
function runText(node: XmlNode, out: string[], notes: string[]): void {
  for (const c of childrenOf(node)) {
    const tag = tagOf(c);
    if (SKIP.has(tag)) continue;
    if (tag === 'w:t' || tag === 'm:t') for (const t of childrenOf(c)) out.push(textOf(t));
    else if (tag === 'w:tab' || tag === 'w:ptab' || tag === 'w:br' || tag === 'w:cr') out.push(' ');
    else if (tag === 'w:noBreakHyphen') out.push('-');
    else if (tag === 'w:sym') out.push(symbolText(attrOf(c, 'w:font'), attrOf(c, 'w:char')));
    else if (tag === 'w:footnoteReference') notes.push(`footnote:${attrOf(c, 'w:id') ?? ''}`);
    else if (tag === 'w:endnoteReference') notes.push(`endnote:${attrOf(c, 'w:id') ?? ''}`);
    else if (tag === 'w:r' && (isHiddenRun(c) || isStruckRun(c))) continue;
    else if (tag === 'w:p') {
      out.push(' ');
      runText(c, out, notes);
      out.push(' ');
    } else if (tag !== '#text') runText(c, out, notes);
  }
}

const clean = (t: string): string => dropInvisible(t.normalize('NFC')).replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The notes of a footnotes or endnotes part by id, each as its paragraphs' text (the separators Word writes, ids -1 and 0 or typed, left out). */
function readNotes(xml: string | undefined, part: string, kind: 'footnote' | 'endnote', source: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (xml === undefined) return out;
  const root = withoutPlaceholders(parseWordXml(xml, part, source)).find((n) => tagOf(n) === `w:${kind}s`);
  for (const n of root === undefined ? [] : childrenOf(root)) {
    if (tagOf(n) !== `w:${kind}`) continue;
    const type = attrOf(n, 'w:type');
    if (type !== undefined && type !== 'normal') continue;
    const text: string[] = [];
    for (const p of childrenOf(n)) {
      const words: string[] = [];
      if (tagOf(p) === 'w:p') runText(p, words, []);
      text.push(words.join(''));
    }
    out.set(attrOf(n, 'w:id') ?? '', clean(text.join(' ')));
  }
  return out;
}

/** The parts of page headers and footers (ECMA-376 §17.10): `word/header1.xml`, `word/footer2.xml`. */
const PAGE_PART = /^word\/(header|footer)\d*\.xml$/;

/**
 * The figures a page header or footer prints on every page without being one of the plan's:
 * a document number (`Số: 215/BC-UBND`, `58/KH-UBND`, `12/2025/NQ-HĐND`), a date (`20/12/2025`,
 * `ngày 20 tháng 12 năm 2025`), a year or a span of years (`năm 2026`, `2026-2030`), a reporting
 * period (`6 tháng`, `quý II`), a page number (`Trang 3`, `3/12`, `7` alone).
 */
const PAGE_MARKS: readonly RegExp[] = [
  /\d+(?:\/\d{4})?\/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*/gu,
  /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}\b/gu,
  /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d{2}/giu,
  /tháng\s+\d{1,2}\s*(?:[/.-]|năm)\s*(?:19|20)\d{2}/giu,
  /\b(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}\b/gu,
  /\b(?:19|20)\d{2}\b(?![.,]\d|\s*(?:%|hộ|người|khẩu|lao động|triệu|tỷ|nghìn|đồng|căn|nhà))/gu,
  /\b\d{1,2}\s+tháng\b/giu,
  /\b(?:trang|page)\s*\d+(?:\s*(?:\/|of|trên)\s*\d+)?/giu,
  /^\s*\d{1,4}(?:\s*\/\s*\d{1,4})?\s*$/u,
];

/** The text of a page header or footer without its {@link PAGE_MARKS}: what is left holds the plan's figures, if any. */
function withoutPageMarks(text: string): string {
  return PAGE_MARKS.reduce((rest, mark) => rest.replace(mark, ' '), text);
}

/**
 * Notes on the page headers and footers that hold figures: they are not read as the plan's text
 * (a letterhead, a page number, a document number printed on every page), but a figure there is
 * never passed over in silence. One note per part, quoting its text.
 */
function pageTextNotes(parts: ReturnType<typeof unpackDocx>, source: string | undefined): string[] {
  const notes: string[] = [];
  for (const name of [...parts.keys()].filter((n) => PAGE_PART.test(n)).sort()) {
    const words: string[] = [];
    for (const node of withoutPlaceholders(parseWordXml(partText(parts, name, source)!, name, source))) runText(node, words, []);
    const text = clean(words.join(''));
    if (!/\d/.test(withoutPageMarks(text))) continue;
    const kind = PAGE_PART.exec(name)![1] === 'header' ? 'page header' : 'page footer';
    notes.push(`${source ?? 'the document'}: the ${kind} ${name} holds text with figures (${JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text)}), which is not checked: headers and footers are not read as the plan's text; if a figure there belongs to the plan, put it in the body`);
  }
  return notes;
}

/**
 * Reads a Word document (.docx) into a {@link DocumentModel}: the body's paragraphs and tables in
 * order. OOXML is read directly (fflate to unzip, fast-xml-parser for the XML), so nothing Word
 * stores is lost:
 * - **headings** from the paragraph style (`Heading 1…`, or the style's outline level) or a
 *   direct outline level; **automatic numbering** (`1.`, `a)`, `I.`) rendered from
 *   numbering.xml into `label` (and into a table cell's text, where *STT* columns are often numbered);
 * - **tables** with their grid: `w:gridSpan` (horizontal merges), `w:vMerge` (vertical merges) and
 *   `w:gridBefore` resolved, so every grid row has the table's width and a covered cell points at
 *   the cell that covers it; paragraphs in a cell are joined with a space; a nested table's text
 *   goes into its cell;
 * - each block's `position.paragraph` is its index among the children of `w:body`.
 * Deleted text (tracked changes) and field codes are left out; inserted text is kept.
 *
 * The package is checked first, as every packaged file is (see `DOCX_READ_LIMITS`): an empty,
 * truncated or damaged file, a file that is not a zip, an old .doc or a password-protected
 * document, a zip bomb or a package over the limits is refused naming the file and saying what to
 * do; so is an XML part that is not well-formed, with its line and column.
 *
 * @param bytes - the .docx file.
 * @returns a deep-frozen document model (format `'docx'`).
 * @throws VnPovertyError `empty-file`, `not-docx`, `corrupt-docx`, `docx-limit`, `malformed-xml`, naming the file.
 * @example
 * readDocxDocument(await readFile('ke-hoach.docx'), { source: 'ke-hoach.docx' }).blocks.filter((b) => b.kind === 'table').length //=> 1
 */
export function readDocxDocument(bytes: Uint8Array, options: ReadDocxDocumentOptions = {}): DocumentModel {
  assertOptions(options, 'readDocxDocument');
  const source = options.source;
  const maxTableCells = options.limits?.maxTableCells ?? DOCX_READ_LIMITS.maxTableCells;
  const parts = unpackDocx(bytes, source, options.limits ?? {}, (n) => n === 'word/document.xml' || n === 'word/styles.xml' || n === 'word/numbering.xml' || n === 'word/footnotes.xml' || n === 'word/endnotes.xml' || PAGE_PART.test(n));
  // the zip checks require word/document.xml
  const xml = partText(parts, 'word/document.xml', source)!;
  const styles = readStyles(partText(parts, 'word/styles.xml', source), source);
  const numbering = new Numbering(readNumbering(partText(parts, 'word/numbering.xml', source), source));
  const notesById = new Map<string, string>();
  for (const kind of ['footnote', 'endnote'] as const) {
    for (const [id, text] of readNotes(partText(parts, `word/${kind}s.xml`, source), `word/${kind}s.xml`, kind, source)) notesById.set(`${kind}:${id}`, text);
  }
  // the notes referred to by the block being read, put after it
  let pendingNotes: string[] = [];
  const body = pathOf(withoutPlaceholders(parseWordXml(xml, 'word/document.xml', source)).find((n) => tagOf(n) === 'w:document'), 'w:body');
  const blocks: DocumentBlock[] = [];
  const styleOf = (id: string | undefined): Style | undefined => (id === undefined ? undefined : styles.get(id));

  const paragraphInfo = (p: XmlNode): { text: string; label: string | undefined; style: string | undefined; level: number | null } => {
    const pPr = childOf(p, 'w:pPr');
    const styleId = attrOf(childOf(pPr ?? {}, 'w:pStyle') ?? {}, 'w:val');
    let style = styleOf(styleId);
    let level: number | null = null;
    const direct = attrOf(childOf(pPr ?? {}, 'w:outlineLvl') ?? {}, 'w:val');
    if (direct !== undefined) level = Number(direct) + 1;
    for (let s = style, depth = 0; s !== undefined && level === null && depth < 5; s = styleOf(s.basedOn ?? undefined), depth++) {
      const m = /^heading\s*(\d)$/i.exec(s.name);
      if (m !== null) level = Number(m[1]);
      else if (/^title$/i.test(s.name)) level = 1;
      else if (s.outline !== null && s.outline < 9) level = s.outline + 1;
    }
    const numPr = childOf(pPr ?? {}, 'w:numPr');
    let numId = numPr === undefined ? undefined : attrOf(childOf(numPr, 'w:numId') ?? {}, 'w:val');
    let ilvl = Number(attrOf(childOf(numPr ?? {}, 'w:ilvl') ?? {}, 'w:val') ?? 0);
    if (numId === undefined && style?.numId !== null && style !== undefined) {
      numId = style.numId ?? undefined;
      ilvl = style.ilvl;
    }
    const label = numId === undefined || numId === '0' ? undefined : numbering.label(numId, ilvl);
    const out: string[] = [];
    runText(p, out, pendingNotes);
    style = styleOf(styleId);
    return { text: clean(out.join('')), label, style: style?.name, level };
  };

  const cellText = (tc: XmlNode): string => {
    const out: string[] = [];
    const walk = (n: XmlNode): void => {
      for (const c of childrenOf(n)) {
        const tag = tagOf(c);
        if (tag === 'w:p') {
          const info = paragraphInfo(c);
          out.push(info.label === undefined ? info.text : `${info.label} ${info.text}`);
        } else if (tag === 'w:tr' && isDeletedRow(c)) continue;
        else if (tag === 'w:tbl' || tag === 'w:tr' || tag === 'w:tc' || CONTAINERS.has(tag)) walk(c);
      }
    };
    walk(tc);
    return clean(out.join(' '));
  };

  const readTable = (tbl: XmlNode, index: number, paragraph: number): DocumentBlock => {
    const gridCols = childrenOf(childOf(tbl, 'w:tblGrid') ?? {}).filter((c) => tagOf(c) === 'w:gridCol').length;
    type Raw = { col: number; span: number; vmerge: 'restart' | 'continue' | null; text: string };
    const rows: Raw[][] = [];
    for (const tr of wordTableRows(tbl)) {
      let col = gridCount(attrOf(pathOf(tr, 'w:trPr', 'w:gridBefore') ?? {}, 'w:val'), 0);
      const raw: Raw[] = [];
      for (const tc of wordRowCells(tr)) {
        const tcPr = childOf(tc, 'w:tcPr');
        const span = gridCount(attrOf(childOf(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val'), 1);
        const vm = childOf(tcPr ?? {}, 'w:vMerge');
        const vmerge = vm === undefined ? null : attrOf(vm, 'w:val') === 'restart' ? 'restart' : 'continue';
        raw.push({ col, span, vmerge, text: cellText(tc) });
        col += span;
      }
      rows.push(raw);
    }
    const width = Math.max(gridCols, ...rows.map((r) => r.reduce((n, c) => Math.max(n, c.col + c.span), 0)));
    if (rows.length * width > maxTableCells) {
      const cells = rows.length * width;
      fail({
        code: 'docx-limit',
        path: source === undefined ? ['word/document.xml'] : [source, 'word/document.xml'],
        value: cells,
        expected: `at most ${maxTableCells} cells in a table (maxTableCells)`,
        message: `${source ?? 'the document'}: the table at paragraph ${paragraph + 1} spans ${rows.length} rows × ${width} columns (${cells} cells), over the limit of ${maxTableCells} (maxTableCells): is a cell's w:gridSpan or a row's w:gridBefore damaged? Open it in Word and save it again, or raise limits.maxTableCells`,
      });
    }
    const grid: DocumentCell[][] = rows.map(() => Array.from({ length: width }, () => ({ text: '', rowSpan: 1, colSpan: 1 })));
    const origin: Array<Array<{ row: number; col: number } | null>> = rows.map(() => Array.from({ length: width }, () => null));
    rows.forEach((raw, r) => {
      for (const c of raw) {
        let at = { row: r, col: c.col };
        if (c.vmerge === 'continue' && r > 0) at = origin[r - 1]![c.col] ?? { row: r - 1, col: c.col };
        for (let k = 0; k < c.span && c.col + k < width; k++) origin[r]![c.col + k] = at;
        if (at.row === r) {
          grid[r]![c.col] = { text: c.text, rowSpan: 1, colSpan: Math.min(c.span, width - c.col) };
        } else {
          const top = grid[at.row]![at.col]!;
          grid[at.row]![at.col] = { ...top, rowSpan: r - at.row + 1 };
        }
      }
    });
    rows.forEach((_, r) => {
      for (let c = 0; c < width; c++) {
        const at = origin[r]![c];
        if (at === null || at === undefined || (at.row === r && at.col === c)) continue;
        grid[r]![c] = { text: grid[at.row]![at.col]!.text, rowSpan: 1, colSpan: 1, mergedInto: at };
      }
    });
    return { kind: 'table', index, rows: grid, columns: width, position: { paragraph } };
  };

  const flushNotes = (paragraph: number): void => {
    for (const ref of pendingNotes) {
      const text = notesById.get(ref);
      if (text === undefined || text === '') continue;
      const [kind, id] = ref.split(':') as ['footnote' | 'endnote', string];
      blocks.push({ kind: 'paragraph', index: blocks.length, text, style: `${kind} text`, position: { paragraph, note: { kind, id } } });
    }
    pendingNotes = [];
  };
  const children = body === undefined ? [] : childrenOf(body);
  // in a content control (or other container) at the body: the paragraphs and tables counted in order, empty ones too, as markDocx finds them
  type Within = { 'w:p': number; 'w:tbl': number };
  const placeOf = (within: Within | undefined, kind: 'w:p' | 'w:tbl'): { within?: number } => (within === undefined ? {} : { within: within[kind]++ });
  const visit = (nodes: readonly XmlNode[], paragraphOf: (i: number) => number, within?: Within): void => {
    nodes.forEach((n, i) => {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const place = placeOf(within, 'w:p');
        const info = paragraphInfo(n);
        if (info.text === '' && info.label === undefined) return;
        const base = { index: blocks.length, text: info.text, ...(info.label === undefined ? {} : { label: info.label }), ...(info.style === undefined ? {} : { style: info.style }), position: { paragraph: paragraphOf(i), ...place } };
        blocks.push(info.level === null ? { kind: 'paragraph', ...base } : { kind: 'heading', ...base, level: info.level });
      } else if (tag === 'w:tbl') {
        const place = placeOf(within, 'w:tbl');
        const table = readTable(n, blocks.length, paragraphOf(i));
        blocks.push({ ...table, position: { ...table.position, ...place } });
      } else if (CONTAINERS.has(tag)) {
        visit(childrenOf(n), () => paragraphOf(i), within ?? { 'w:p': 0, 'w:tbl': 0 });
      } else if (tag === 'w:altChunk') {
        // content Word imports from another part (HTML, RTF, another document) only when it opens the file: not read, so reported, never passed over
        const place = placeOf(within, 'w:p');
        altChunks.push(paragraphOf(i));
        const reason = `${source ?? 'the document'}: paragraph ${paragraphOf(i) + 1} is content imported from another file (w:altChunk: HTML, RTF or another document, as web tools write), which Word converts only when it opens the document; open it in Word and save it again as .docx, which makes that content the document's own, then check the file again`;
        blocks.push({ kind: 'paragraph', index: blocks.length, text: '', position: { paragraph: paragraphOf(i), ...place }, notRead: { code: 'alt-chunk', reason } });
      }
      flushNotes(paragraphOf(i));
    });
  };
  const altChunks: number[] = [];
  visit(children, (i) => i);
  // a document that is mostly imported content has little of its own to check: refused whole, as before
  if (altChunks.length > 0 && altChunks.length * 2 >= blocks.length) {
    const at = altChunks[0]!;
    fail({
      code: 'unsupported-content',
      path: source === undefined ? ['word/document.xml'] : [source, 'word/document.xml'],
      value: `paragraph ${at + 1}`,
      expected: 'a document whose text is its own',
      message: `${source ?? 'the document'}: paragraph ${at + 1} is content imported from another file (w:altChunk: HTML, RTF or another document, as web tools write), which Word converts only when it opens the document${altChunks.length > 1 ? ` (${altChunks.length} such blocks, of ${blocks.length})` : ''}; open it in Word and save it again as .docx, which makes that content the document's own`,
    });
  }
  const read = markLegacyBlocks(blocks, options.source);
  const said = [revisionsNote(children, source), struckTextNote(children, source)].filter((n): n is string => n !== undefined);
  const notes = [...said, ...pageTextNotes(parts, source)];
  return deepFreeze({ format: 'docx', ...(options.source === undefined ? {} : { source: options.source }), ...(notes.length === 0 ? {} : { notes }), blocks: read });
}
