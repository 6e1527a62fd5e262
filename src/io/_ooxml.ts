import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail } from '../errors/VnPovertyError.js';
import { DOCX_READ_LIMITS, type DocxLimits } from './readLimits.js';
import { DOCX_FORMAT, unpackZip } from './_zip.js';

/** The parts of an OOXML package, by name. */
export type OoxmlParts = ReadonlyMap<string, Uint8Array>;

/**
 * A node of an XML tree as fast-xml-parser gives it with `preserveOrder`: one key, the tag name
 * (or `#text`), holding the children in document order, and `:@` holding the attributes.
 */
export type XmlNode = Record<string, unknown>;

/** Attribute prefix of the parser and the builder (attributes sit under `:@`). */
export const ATTR = '@_';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  ignoreDeclaration: false,
  ignorePiTags: false,
});

/**
 * Parses an XML part into a node list (document order kept), after checking that it is
 * well-formed (the parser alone accepts unclosed and mismatched tags) and has no document type
 * declaration (Office writes none; entities declared in one could expand without bound).
 * @throws VnPovertyError `malformed-xml` naming the file, the part, and the line and column.
 */
export function parseXml(xml: string, part = 'an XML part', source?: string): XmlNode[] {
  const where = source === undefined ? '' : `${source}: `;
  const malformed = (why: string): never =>
    fail({ code: 'malformed-xml', path: source === undefined ? [part] : [source, part], value: part, expected: 'well-formed XML', message: `${where}the part ${part} is not well-formed XML (${why}); ${DOCX_FORMAT.hint}` });
  // Office never writes a document type declaration; one is how entity bombs and external entities come in
  if (/<!DOCTYPE/i.test(xml)) malformed('it has a document type declaration (<!DOCTYPE …>), which Office never writes: refused, as its entities could expand without bound');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) malformed(`line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  try {
    return parser.parse(xml) as XmlNode[];
  } catch (error) {
    return malformed(error instanceof Error ? error.message.slice(0, 200) : String(error));
  }
}

/** The tag name of a node (`'w:p'`, `'#text'`). */
export function tagOf(node: XmlNode): string {
  for (const k in node) if (k !== ':@') return k;
  return '';
}

/** The children of a node (empty for a text node). */
export function childrenOf(node: XmlNode): XmlNode[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}

/** An attribute of a node (`attrOf(n, 'w:val')`). */
export function attrOf(node: XmlNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, unknown> | undefined;
  const v = a?.[ATTR + name];
  return typeof v === 'string' ? v : undefined;
}

/** The first child with a tag. */
export function childOf(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Follows a path of tags from a node. */
export function pathOf(node: XmlNode | undefined, ...tags: string[]): XmlNode | undefined {
  let cur = node;
  for (const t of tags) cur = cur === undefined ? undefined : childOf(cur, t);
  return cur;
}

/** The text of a text node. */
export function textOf(node: XmlNode): string {
  const v = node['#text'];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/**
 * Unpacks a Word package after the zip checks every packaged file gets (see `DOCX_READ_LIMITS`):
 * empty, truncated, not a zip, an old .doc or an encrypted file, zip bombs, damaged parts. Every
 * part is unpacked and checked; the parts `keep` names are returned (all when it is absent).
 * @throws VnPovertyError `empty-file`, `not-docx`, `corrupt-docx`, `docx-limit`, naming the file.
 */
export function unpackDocx(bytes: Uint8Array, source: string | undefined, limits: Partial<DocxLimits> = {}, keep?: (name: string) => boolean): OoxmlParts {
  return unpackZip(bytes, source ?? 'the document', DOCX_FORMAT, { ...DOCX_READ_LIMITS, ...limits }, keep);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A part of a package as text (UTF-8, as Office writes every part), or undefined when it is not there.
 * @throws VnPovertyError `malformed-xml` when the part is not UTF-8 text.
 */
export function partText(parts: OoxmlParts, name: string, source?: string): string | undefined {
  const p = parts.get(name);
  if (p === undefined) return undefined;
  try {
    return decoder.decode(p).replace(/^\uFEFF/, '');
  } catch {
    return fail({ code: 'malformed-xml', path: source === undefined ? [name] : [source, name], value: name, expected: 'a part in UTF-8', message: `${source === undefined ? '' : `${source}: `}the part ${name} is not UTF-8 text; ${DOCX_FORMAT.hint}` });
  }
}

/** The namespaces of Word's parts the readers and writers know, by URI, and the prefix they are read under (transitional and Strict OOXML). */
const WORD_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'w'],
  ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'w'],
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'm'],
  ['http://purl.oclc.org/ooxml/officeDocument/math', 'm'],
]);

/**
 * Parses a part of a Word document with its elements and attributes under the prefixes the
 * library knows (`w:`, `mc:`, `m:`), whatever prefix the file binds to their namespaces: a
 * generator may write `<document xmlns="…/main">` or `<ns0:p>`, which Word reads as `<w:p>`.
 * Where the file binds such a namespace, the element also declares the library's prefix for it
 * (`xmlns:w`), so a tree edited and written back (a marked-up copy) is well-formed and Word reads
 * it as before. Parts already written with those prefixes are not copied.
 * @throws VnPovertyError `malformed-xml` as {@link parseXml}.
 */
export function parseWordXml(xml: string, part: string, source: string | undefined): XmlNode[] {
  const nodes = parseXml(xml, part, source);
  const bindings = [...xml.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']+)["']/g)];
  if (bindings.every(([, prefix, uri]) => WORD_NAMESPACES.get(uri!) === undefined || WORD_NAMESPACES.get(uri!) === prefix)) return nodes;
  return renamed(nodes, new Map());
}

/** The nodes with known namespaces under the library's prefixes; `scope` maps the prefixes in force ('' the default) to their URIs. */
function renamed(nodes: readonly XmlNode[], scope: ReadonlyMap<string, string>): XmlNode[] {
  return nodes.map((node) => {
    const tag = tagOf(node);
    if (tag === '#text' || tag.startsWith('?')) return node;
    const attributes = (node[':@'] ?? {}) as Record<string, unknown>;
    let inner = scope;
    for (const key of Object.keys(attributes)) {
      const m = /^@_xmlns(?::(.+))?$/.exec(key);
      if (m !== null && typeof attributes[key] === 'string') {
        if (inner === scope) inner = new Map(scope);
        (inner as Map<string, string>).set(m[1] ?? '', attributes[key] as string);
      }
    }
    const colon = tag.indexOf(':');
    const prefix = colon < 0 ? '' : tag.slice(0, colon);
    const name = (prefixed: string, local: string): string => {
      const uri = inner.get(prefixed);
      const known = uri === undefined ? undefined : WORD_NAMESPACES.get(uri);
      return known === undefined ? (prefixed === '' ? local : `${prefixed}:${local}`) : `${known}:${local}`;
    };
    const elementName = name(prefix, tag.slice(colon + 1));
    const renamedAttributes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(attributes)) {
      const bare = key.slice(ATTR.length);
      const c = bare.indexOf(':');
      // an unprefixed attribute of a Word element (`val`, written by sloppy generators) is read as Word's
      renamedAttributes[`${ATTR}${bare.startsWith('xmlns') ? bare : c < 0 ? (elementName.startsWith('w:') ? `w:${bare}` : bare) : name(bare.slice(0, c), bare.slice(c + 1))}`] = value;
    }
    // a binding of a known namespace under another prefix (or none) gets the library's prefix beside it
    for (const [key, uri] of Object.entries(attributes)) {
      const known = typeof uri === 'string' && /^@_xmlns(?::.+)?$/.test(key) ? WORD_NAMESPACES.get(uri) : undefined;
      if (known !== undefined && renamedAttributes[`${ATTR}xmlns:${known}`] === undefined) renamedAttributes[`${ATTR}xmlns:${known}`] = uri;
    }
    return { [elementName]: renamed(childrenOf(node), inner), ':@': renamedAttributes };
  });
}

/**
 * Elements of a Word part that only hold blocks (or rows, or cells) and are read through: content
 * controls (`w:sdt`), custom XML, tracked insertions and moves (`w:ins`, `w:moveTo`, §17.13.5),
 * and the chosen copy of alternate content (`mc:AlternateContent`, `mc:Choice`; its `mc:Fallback`
 * is the same content again and is skipped).
 */
export const WORD_CONTAINERS: ReadonlySet<string> = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'mc:AlternateContent', 'mc:Choice', 'w:smartTag']);

/** A whole number of grid columns as Word writes it (`w:gridSpan`, `w:gridBefore`), `fallback` when absent or unreadable. */
export function gridCount(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : Number(value);
  return Number.isSafeInteger(n) && n >= fallback ? n : fallback;
}

/** True for a table row deleted as a tracked change (`<w:trPr><w:del/></w:trPr>`, §17.13.5.12). */
export function isDeletedRow(tr: XmlNode): boolean {
  return childOf(childOf(tr, 'w:trPr') ?? {}, 'w:del') !== undefined;
}

/** True for a table cell deleted as a tracked change (`<w:tcPr><w:cellDel/></w:tcPr>`, §17.13.5.1). */
function isDeletedCell(tc: XmlNode): boolean {
  return childOf(childOf(tc, 'w:tcPr') ?? {}, 'w:cellDel') !== undefined;
}

/**
 * The rows of a Word table as Word shows them, in order: read through content controls and
 * other containers, tracked deleted rows left out. The one list the reader and the marked-up
 * copy count rows in, so a finding's row is the row marked.
 */
export function wordTableRows(tbl: XmlNode): XmlNode[] {
  const rows = (n: XmlNode): XmlNode[] => childrenOf(n).flatMap((c) => (tagOf(c) === 'w:tr' ? (isDeletedRow(c) ? [] : [c]) : WORD_CONTAINERS.has(tagOf(c)) ? rows(c) : []));
  return rows(tbl);
}

/** The cells of a Word table row, in order: read through content controls and other containers, tracked deleted cells left out. */
export function wordRowCells(tr: XmlNode): XmlNode[] {
  const cells = (n: XmlNode): XmlNode[] => childrenOf(n).flatMap((c) => (tagOf(c) === 'w:tc' ? (isDeletedCell(c) ? [] : [c]) : WORD_CONTAINERS.has(tagOf(c)) ? cells(c) : []));
  return cells(tr);
}
