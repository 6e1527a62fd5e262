import { zipSync } from 'fflate';
import { XMLBuilder } from 'fast-xml-parser';
import type { CheckFinding, CheckReport, CheckSeverity } from '../documents/checkReport.js';
import { assertOptions } from '../errors/assertOptions.js';
import { ATTR, attrOf, childOf, childrenOf, gridCount, parseWordXml, partText, tagOf, unpackDocx, wordRowCells, wordTableRows, WORD_CONTAINERS, type XmlNode } from './_ooxml.js';
import type { DocxLimits } from './readLimits.js';

/** Options of {@link markDocx}. */
export interface MarkDocxOptions {
  /** Author of the comments; `'vn-poverty'` unless told. */
  readonly author?: string;
  /** Limits on the package (default `DOCX_READ_LIMITS`). */
  readonly limits?: Partial<DocxLimits>;
}

/** Result of {@link markDocx}. */
export interface MarkedDocx {
  /** The marked-up copy. */
  readonly bytes: Uint8Array;
  /** Findings marked with a fill and a comment. */
  readonly marked: number;
  /** Findings that could not be placed (a finding without a block position, a note the file no longer has). */
  readonly unplaced: number;
}

/** Fill colours: error red, warning orange, rounding amber (Excel's “bad” / “neutral” styles). */
const FILL: Readonly<Record<CheckSeverity, string>> = { error: 'FFC7CE', warning: 'FCE4D6', rounding: 'FFEB9C' };
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: ATTR, suppressEmptyNode: true, processEntities: true });
const encoder = new TextEncoder();

const el = (tag: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlNode => {
  const node: XmlNode = { [tag]: children };
  if (Object.keys(attrs).length > 0) node[':@'] = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [ATTR + k, v]));
  return node;
};

/** The text of the paragraph marked before content imported from another file (w:altChunk), which has none of its own. */
const ALT_CHUNK_NOTE = '[Nội dung nhập từ tệp khác (w:altChunk): chưa được kiểm tra / content imported from another file: not checked]';

/** Elements of w:tcPr and w:pPr that must come before w:shd (OOXML schema order). */
const BEFORE_SHD_TC = new Set(['w:cnfStyle', 'w:tcW', 'w:gridSpan', 'w:hMerge', 'w:vMerge', 'w:tcBorders']);
const BEFORE_SHD_P = new Set(['w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl', 'w:numPr', 'w:suppressLineNumbers', 'w:pBdr']);

/** Sets a w:shd fill on a w:tcPr / w:pPr child list, at its place in the schema order. */
function setShading(props: XmlNode[], before: ReadonlySet<string>, fill: string): void {
  const existing = props.findIndex((c) => tagOf(c) === 'w:shd');
  if (existing >= 0) props.splice(existing, 1);
  let at = 0;
  props.forEach((c, i) => {
    if (before.has(tagOf(c))) at = i + 1;
  });
  props.splice(at, 0, el('w:shd', { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': fill }));
}

/** The props child (`w:tcPr`, `w:pPr`) of a node, created first in its children when missing. */
function propsOf(node: XmlNode, tag: string): XmlNode[] {
  const kids = childrenOf(node);
  let p = kids.find((c) => tagOf(c) === tag);
  if (p === undefined) {
    p = el(tag);
    kids.unshift(p);
  }
  return childrenOf(p);
}

/** Wraps a paragraph's content in a comment range and adds the reference run. */
function anchorComment(p: XmlNode, id: number): void {
  const kids = childrenOf(p);
  const after = kids.length > 0 && tagOf(kids[0]!) === 'w:pPr' ? 1 : 0;
  kids.splice(after, 0, el('w:commentRangeStart', { 'w:id': String(id) }));
  kids.push(el('w:commentRangeEnd', { 'w:id': String(id) }));
  kids.push(el('w:r', {}, [el('w:commentReference', { 'w:id': String(id) })]));
}

function firstParagraph(node: XmlNode): XmlNode {
  const p = childrenOf(node).find((c) => tagOf(c) === 'w:p');
  if (p !== undefined) return p;
  const created = el('w:p');
  childrenOf(node).push(created);
  return created;
}

/** The w:tc of a row covering grid column `col` (after w:gridBefore and w:gridSpan), counted as the reader counts cells. */
function cellInRow(tr: XmlNode | undefined, col: number): XmlNode | undefined {
  if (tr === undefined) return undefined;
  let c = gridCount(attrOf(childOf(childOf(tr, 'w:trPr') ?? {}, 'w:gridBefore') ?? {}, 'w:val'), 0);
  for (const tc of wordRowCells(tr)) {
    const span = gridCount(attrOf(childOf(childOf(tc, 'w:tcPr') ?? {}, 'w:gridSpan') ?? {}, 'w:val'), 1);
    if (col >= c && col < c + span) return tc;
    c += span;
  }
  return undefined;
}

/** The w:tc of a table covering grid (row, col), rows counted as the reader counts them, following a vertical merge up to its first cell. */
function cellAt(tbl: XmlNode, row: number, col: number): XmlNode | undefined {
  const rows = wordTableRows(tbl);
  for (let r = row; r >= 0; r--) {
    const tc = cellInRow(rows[r], col);
    if (tc === undefined) return undefined;
    const vm = childOf(childOf(tc, 'w:tcPr') ?? {}, 'w:vMerge');
    if (vm === undefined || attrOf(vm, 'w:val') === 'restart' || r === 0) return tc;
  }
  return undefined;
}

/**
 * The block (`w:p` or `w:tbl`) of a body child, read through a content control or other
 * container: the one block of that kind it holds, or the one at `within` (the reader's count of
 * that kind in the container, empty paragraphs included).
 */
function blockOf(node: XmlNode | undefined, kind: 'w:p' | 'w:tbl', within: number | undefined): XmlNode | undefined {
  if (node === undefined) return undefined;
  if (tagOf(node) === kind) return node;
  if (!WORD_CONTAINERS.has(tagOf(node))) return undefined;
  const found: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    for (const c of childrenOf(n)) {
      if (tagOf(c) === kind) found.push(c);
      else if (WORD_CONTAINERS.has(tagOf(c))) walk(c);
    }
  };
  walk(node);
  return within !== undefined ? found[within] : found.length === 1 ? found[0] : undefined;
}

function escapeXml(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The comment written beside a finding, in English and Vietnamese, one paragraph per line.
 * @example
 * findingComment(finding)[1] //=> 'Số in: 2,56; đúng ra: 2,26; chênh lệch: 0.3.'
 */
export function findingComment(f: CheckFinding): string[] {
  const lines = [`${f.severity.toUpperCase()} (${f.code}): ${f.message}`];
  const vi: string[] = [];
  if (f.printed !== null) vi.push(`Số in: ${f.printed}`);
  if (f.expected !== null) vi.push(`đúng ra: ${f.expected}`);
  if (f.difference !== null) vi.push(`chênh lệch: ${f.difference}`);
  if (vi.length > 0) lines.push(`${vi.join('; ')}.`);
  if (f.relation !== null) lines.push(`Quan hệ kiểm tra (relation): ${f.relation}`);
  return lines;
}

/**
 * Writes a copy of a Word document with every finding of its check report marked: the table cell
 * (or the paragraph) filled — error red, warning orange, rounding amber — and a Word comment
 * saying what is wrong, printed, expected, the difference and the relation, in English and
 * Vietnamese. A finding in a footnote or endnote is marked in the note itself (its first
 * paragraph), wherever the note is referred to from. A document written under another prefix
 * for Word's namespace (`ns0:`, or a default namespace) is marked as well, its copy declaring
 * `w:` beside the file's own prefix. Everything else in the file is kept; comments already in it
 * stay (new ids follow theirs). OOXML is edited directly (fflate, fast-xml-parser).
 *
 * @param bytes - the .docx that was checked (the same bytes `readDocxDocument` read).
 * @param report - its report from `checkDocument`.
 * @returns the marked copy and how many findings were placed.
 * @throws VnPovertyError as `readDocxDocument` for a package that is not a readable Word document.
 * @example
 * const marked = markDocx(bytes, checkDocument(readDocxDocument(bytes)));
 * await writeFile('checked.docx', marked.bytes); marked.marked //=> 9
 */
export function markDocx(bytes: Uint8Array, report: CheckReport, options: MarkDocxOptions = {}): MarkedDocx {
  assertOptions(options, 'markDocx');
  const source = report.source;
  const unpacked = unpackDocx(bytes, source, options.limits ?? {});
  const parts = Object.fromEntries(unpacked);
  const text = (name: string): string | undefined => partText(unpacked, name, source);
  // the zip checks require word/document.xml
  const docXml = text('word/document.xml')!;
  const tree = parseWordXml(docXml, 'word/document.xml', source);
  const body = childOf(tree.find((n) => tagOf(n) === 'w:document') ?? {}, 'w:body');
  const children = body === undefined ? [] : childrenOf(body);
  const existing = text('word/comments.xml') ?? '';
  // the footnotes and endnotes parts, parsed when a finding is in one of their notes
  const noteParts = new Map<'footnote' | 'endnote', XmlNode[] | null>();
  const notePart = (kind: 'footnote' | 'endnote'): XmlNode[] | null => {
    if (!noteParts.has(kind)) {
      const xml = text(`word/${kind}s.xml`);
      noteParts.set(kind, xml === undefined ? null : parseWordXml(xml, `word/${kind}s.xml`, source));
    }
    return noteParts.get(kind)!;
  };
  let nextId = 0;
  // comment ids, whatever prefix the file writes them under (w:id, ns0:id)
  for (const part of [existing, docXml, text('word/footnotes.xml') ?? '', text('word/endnotes.xml') ?? '']) for (const m of part.matchAll(/(?:^|[\s<])(?:[\w.-]+:)?id="(\d+)"/g)) nextId = Math.max(nextId, Number(m[1]) + 1);
  const comments: string[] = [];
  let marked = 0;
  let unplaced = 0;
  const inserted: Array<[XmlNode, XmlNode]> = [];
  for (const f of report.findings) {
    let target: XmlNode | undefined;
    const note = f.location.note;
    if (note !== undefined) {
      const root = notePart(note.kind)?.find((n) => tagOf(n) === `w:${note.kind}s`);
      const n = root === undefined ? undefined : childrenOf(root).find((c) => tagOf(c) === `w:${note.kind}` && attrOf(c, 'w:id') === note.id);
      const p = n === undefined ? undefined : childrenOf(n).find((c) => tagOf(c) === 'w:p');
      if (p !== undefined) {
        setShading(propsOf(p, 'w:pPr'), BEFORE_SHD_P, FILL[f.severity]);
        target = p;
      }
    } else {
      const node = f.location.paragraph === undefined ? undefined : children[f.location.paragraph];
      const inCell = f.location.row !== undefined && f.location.column !== undefined;
      const tbl = inCell ? blockOf(node, 'w:tbl', f.location.within) : undefined;
      const p = inCell ? undefined : blockOf(node, 'w:p', f.location.within);
      if (tbl !== undefined) {
        const tc = cellAt(tbl, f.location.row! - 1, f.location.column! - 1);
        if (tc !== undefined) {
          setShading(propsOf(tc, 'w:tcPr'), BEFORE_SHD_TC, FILL[f.severity]);
          target = firstParagraph(tc);
        }
      } else if (p !== undefined) {
        setShading(propsOf(p, 'w:pPr'), BEFORE_SHD_P, FILL[f.severity]);
        target = p;
      } else if (node !== undefined && tagOf(node) === 'w:altChunk') {
        // imported content has no paragraph of its own to mark: a marked one is put just before it
        const note = el('w:p', {}, [el('w:r', {}, [el('w:t', { 'xml:space': 'preserve' }, [{ '#text': ALT_CHUNK_NOTE }])])]);
        setShading(propsOf(note, 'w:pPr'), BEFORE_SHD_P, FILL[f.severity]);
        inserted.push([node, note]);
        target = note;
      }
    }
    if (target === undefined) {
      unplaced++;
      continue;
    }
    const id = nextId++;
    anchorComment(target, id);
    const paragraphs = findingComment(f)
      .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
      .join('');
    // each comment declares w: itself, so it can join a comments part written under another prefix
    comments.push(`<w:comment xmlns:w="${W_NS}" w:id="${id}" w:author="${escapeXml(options.author ?? 'vn-poverty')}" w:initials="VP">${paragraphs}</w:comment>`);
    marked++;
  }
  // the paragraphs put before imported content, once every finding has found its body child
  for (const [before, note] of inserted) children.splice(children.indexOf(before), 0, note);
  const out: Record<string, Uint8Array> = { ...parts, 'word/document.xml': encoder.encode(builder.build(tree) as string) };
  for (const [kind, nodes] of noteParts) if (nodes !== null) out[`word/${kind}s.xml`] = encoder.encode(builder.build(nodes) as string);
  if (comments.length > 0) {
    const end = /<\/(?:[\w.-]+:)?comments>\s*$/;
    const empty = /<((?:[\w.-]+:)?comments)(\s[^>]*)?\/>\s*$/;
    out['word/comments.xml'] = encoder.encode(
      end.test(existing)
        ? existing.replace(end, (close) => `${comments.join('')}${close.trim()}`)
        : empty.test(existing)
          ? existing.replace(empty, (_, tag: string, attrs: string | undefined) => `<${tag}${attrs ?? ''}>${comments.join('')}</${tag}>`)
          : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${comments.join('')}</w:comments>`,
    );
    const relsName = 'word/_rels/document.xml.rels';
    const rels = text(relsName) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!rels.includes(COMMENTS_REL)) out[relsName] = encoder.encode(rels.replace(/<\/Relationships>\s*$/, `<Relationship Id="rIdVnPovertyComments" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`));
    const types = text('[Content_Types].xml') ?? '';
    if (!types.includes('/word/comments.xml')) out['[Content_Types].xml'] = encoder.encode(types.replace(/<\/Types>\s*$/, `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`));
  }
  return { bytes: zipSync(out), marked, unplaced };
}
