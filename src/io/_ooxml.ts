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
