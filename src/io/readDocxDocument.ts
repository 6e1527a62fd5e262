import { deepFreeze } from '../_internal/_freeze.js';
import type { DocumentBlock, DocumentCell, DocumentModel } from '../documents/documentModel.js';
import { assertOptions } from '../errors/assertOptions.js';
import { attrOf, childOf, childrenOf, parseXml, partText, pathOf, tagOf, textOf, unpackDocx, type XmlNode } from './_ooxml.js';
import type { DocxLimits } from './readLimits.js';

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

/** Counters of Word's automatic numbering, advanced paragraph by paragraph as Word renders them. */
class Numbering {
  private readonly counters = new Map<string, number[]>();
  constructor(private readonly levels: ReadonlyMap<string, readonly Level[]>) {}
  label(numId: string, ilvl: number): string | undefined {
    const levels = this.levels.get(numId);
    const level = levels?.[ilvl];
    if (levels === undefined || level === undefined || level.fmt === 'none') return undefined;
    const counts = this.counters.get(numId) ?? levels.map((l) => l.start - 1);
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    for (let d = ilvl + 1; d < counts.length; d++) counts[d] = (levels[d]?.start ?? 1) - 1;
    this.counters.set(numId, counts);
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
  const root = parseXml(xml, 'word/styles.xml', source).find((n) => tagOf(n) === 'w:styles');
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

function readNumbering(xml: string | undefined, source: string | undefined): Map<string, Level[]> {
  const out = new Map<string, Level[]>();
  if (xml === undefined) return out;
  const root = parseXml(xml, 'word/numbering.xml', source).find((n) => tagOf(n) === 'w:numbering');
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
    const levels = abstract.get(attrOf(childOf(n, 'w:abstractNumId') ?? {}, 'w:val') ?? '');
    if (levels !== undefined) out.set(attrOf(n, 'w:numId') ?? '', levels);
  }
  return out;
}

const SKIP = new Set(['w:del', 'w:instrText', 'w:delText', 'w:pPr', 'w:rPr', 'w:fldChar', 'w:commentReference', 'w:footnoteReference', 'w:endnoteReference', 'mc:Fallback']);

/** The text of a paragraph's runs (tabs and breaks as spaces; deletions and field codes left out). */
function runText(node: XmlNode, out: string[]): void {
  for (const c of childrenOf(node)) {
    const tag = tagOf(c);
    if (SKIP.has(tag)) continue;
    if (tag === 'w:t') for (const t of childrenOf(c)) out.push(textOf(t));
    else if (tag === 'w:tab' || tag === 'w:br' || tag === 'w:cr') out.push(' ');
    else if (tag === 'w:noBreakHyphen') out.push('-');
    else if (tag !== '#text') runText(c, out);
  }
}

const clean = (t: string): string => t.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

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
  const parts = unpackDocx(bytes, source, options.limits ?? {}, (n) => n === 'word/document.xml' || n === 'word/styles.xml' || n === 'word/numbering.xml');
  // the zip checks require word/document.xml
  const xml = partText(parts, 'word/document.xml', source)!;
  const styles = readStyles(partText(parts, 'word/styles.xml', source), source);
  const numbering = new Numbering(readNumbering(partText(parts, 'word/numbering.xml', source), source));
  const body = pathOf(parseXml(xml, 'word/document.xml', source).find((n) => tagOf(n) === 'w:document'), 'w:body');
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
    runText(p, out);
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
        } else if (tag === 'w:tbl' || tag === 'w:tr' || tag === 'w:tc' || tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') walk(c);
      }
    };
    walk(tc);
    return clean(out.join(' '));
  };

  const readTable = (tbl: XmlNode, index: number, paragraph: number): DocumentBlock => {
    const gridCols = childrenOf(childOf(tbl, 'w:tblGrid') ?? {}).filter((c) => tagOf(c) === 'w:gridCol').length;
    type Raw = { col: number; span: number; vmerge: 'restart' | 'continue' | null; text: string };
    const rows: Raw[][] = [];
    const rowsOf = (n: XmlNode): XmlNode[] => childrenOf(n).flatMap((c) => (tagOf(c) === 'w:tr' ? [c] : tagOf(c) === 'w:sdt' || tagOf(c) === 'w:sdtContent' ? rowsOf(c) : []));
    const cellsOf = (n: XmlNode): XmlNode[] => childrenOf(n).flatMap((c) => (tagOf(c) === 'w:tc' ? [c] : tagOf(c) === 'w:sdt' || tagOf(c) === 'w:sdtContent' ? cellsOf(c) : []));
    for (const tr of rowsOf(tbl)) {
      const trPr = childOf(tr, 'w:trPr');
      let col = Number(attrOf(childOf(trPr ?? {}, 'w:gridBefore') ?? {}, 'w:val') ?? 0);
      const raw: Raw[] = [];
      for (const tc of cellsOf(tr)) {
        const tcPr = childOf(tc, 'w:tcPr');
        const span = Math.max(1, Number(attrOf(childOf(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? 1));
        const vm = childOf(tcPr ?? {}, 'w:vMerge');
        const vmerge = vm === undefined ? null : attrOf(vm, 'w:val') === 'restart' ? 'restart' : 'continue';
        raw.push({ col, span, vmerge, text: cellText(tc) });
        col += span;
      }
      rows.push(raw);
    }
    const width = Math.max(gridCols, ...rows.map((r) => r.reduce((n, c) => Math.max(n, c.col + c.span), 0)));
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

  const children = body === undefined ? [] : childrenOf(body);
  const visit = (nodes: readonly XmlNode[], paragraphOf: (i: number) => number): void => {
    nodes.forEach((n, i) => {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const info = paragraphInfo(n);
        if (info.text === '' && info.label === undefined) return;
        const base = { index: blocks.length, text: info.text, ...(info.label === undefined ? {} : { label: info.label }), ...(info.style === undefined ? {} : { style: info.style }), position: { paragraph: paragraphOf(i) } };
        blocks.push(info.level === null ? { kind: 'paragraph', ...base } : { kind: 'heading', ...base, level: info.level });
      } else if (tag === 'w:tbl') {
        blocks.push(readTable(n, blocks.length, paragraphOf(i)));
      } else if (tag === 'w:sdt' || tag === 'w:customXml') {
        const content = tag === 'w:sdt' ? childOf(n, 'w:sdtContent') : n;
        if (content !== undefined) visit(childrenOf(content), () => paragraphOf(i));
      }
    });
  };
  visit(children, (i) => i);
  return deepFreeze({ format: 'docx', ...(options.source === undefined ? {} : { source: options.source }), blocks });
}
