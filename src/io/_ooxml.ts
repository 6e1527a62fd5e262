import { unzipSync, type Unzipped } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { fail } from '../errors/VnPovertyError.js';

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
 * Parses an XML part into a node list (document order kept).
 * @throws VnPovertyError `unreadable-document` when the part is not well-formed XML.
 */
export function parseXml(xml: string, part = 'an XML part'): XmlNode[] {
  try {
    return parser.parse(xml) as XmlNode[];
  } catch (error) {
    return fail({ code: 'unreadable-document', path: [part], value: part, expected: 'well-formed XML', message: `${part} is not well-formed XML (${error instanceof Error ? error.message : String(error)})` });
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
 * Unzips an OOXML package (DOCX, XLSX), keeping only the parts `wanted` names.
 * @throws VnPovertyError `unreadable-document` when the bytes are not a zip package.
 */
export function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, source: string | undefined): Unzipped {
  try {
    return unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (error) {
    return fail({
      code: 'unreadable-document',
      path: source === undefined ? [] : [source],
      value: source ?? '',
      expected: 'a Word (.docx) or Excel (.xlsx) file: a zip package of XML parts',
      message: `${source ?? 'the file'} is not a readable Office document (${error instanceof Error ? error.message : String(error)})`,
    });
  }
}

const decoder = new TextDecoder('utf-8');

/** A part of a package as text, or undefined when it is not there. */
export function partText(parts: Unzipped, name: string): string | undefined {
  const p = parts[name];
  return p === undefined ? undefined : decoder.decode(p);
}
