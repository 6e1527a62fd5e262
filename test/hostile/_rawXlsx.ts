/**
 * Workbooks written part by part, as tools other than exceljs write them (LibreOffice, Google
 * Sheets, WPS, generators): inline strings, shared strings after the sheets, error cells, date
 * cells, number formats, the 1904 date system, Strict OOXML namespaces, hidden sheets.
 */
import { zip } from './_hostile.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** One sheet: its tab name, optional state (`hidden`), and the XML inside `<worksheet>`. */
export interface RawSheet {
  readonly name: string;
  readonly xml: string;
  readonly state?: string;
  /** Its part's name (default `xl/worksheets/sheetN.xml`, `xl/chartsheets/sheetN.xml` for a chart sheet). */
  readonly part?: string;
  /** A chart sheet (`<chartsheet>`, a tab that holds only a chart): `xml` goes inside `<chartsheet>`. */
  readonly chart?: boolean;
}

/** Options of {@link rawXlsx}. */
export interface RawXlsxOptions {
  /** The `<si>` elements of `xl/sharedStrings.xml` (written after the sheets, as Excel does). */
  readonly shared?: string;
  /** The content of `xl/styles.xml`. */
  readonly styles?: string;
  /** Elements before `<sheets>` in the workbook (`<workbookPr date1904="1"/>`). */
  readonly workbookPr?: string;
  /** Strict OOXML namespaces. */
  readonly strict?: boolean;
}

/** Escapes text for XML. */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An inline-string cell. */
export const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;

/** A number cell, with a style index when given. */
export const numberCell = (ref: string, v: string, style?: number): string => `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''}><v>${v}</v></c>`;

/** `styles.xml` content whose cell style 1 has the number format `code` (custom id 164, or a built-in id). */
export function stylesWithFormat(code: string | number): string {
  const id = typeof code === 'number' ? code : 164;
  const fmts = typeof code === 'number' ? '' : `<numFmts count="1"><numFmt numFmtId="164" formatCode="${esc(code).replace(/"/g, '&quot;')}"/></numFmts>`;
  return `${fmts}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${id}" applyNumberFormat="1"/></cellXfs>`;
}

/** The bytes of a workbook of `sheets`; the shared strings and styles, when given, come after the sheets. */
export function rawXlsx(sheets: readonly RawSheet[], o: RawXlsxOptions = {}): Buffer {
  const main = o.strict === true ? STRICT_MAIN : MAIN;
  const rel = o.strict === true ? STRICT_REL : REL;
  const partOf = (s: RawSheet, i: number): string => s.part ?? `xl/${s.chart === true ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml`;
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}">${o.workbookPr ?? ''}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state !== undefined ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/${s.chart === true ? 'chartsheet' : 'worksheet'}" Target="${partOf(s, i).replace(/^xl\//, '')}"/>`).join('')}${o.shared !== undefined ? `<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${o.styles !== undefined ? `<Relationship Id="rIdT" Type="${rel}/styles" Target="styles.xml"/>` : ''}</Relationships>`;
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(types) },
    { name: '_rels/.rels', data: Buffer.from(rootRels) },
    { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(workbookRels) },
    ...sheets.map((s, i) => ({ name: partOf(s, i), data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><${s.chart === true ? 'chartsheet' : 'worksheet'} xmlns="${main}" xmlns:r="${rel}">${s.xml}</${s.chart === true ? 'chartsheet' : 'worksheet'}>`) })),
    ...(o.shared !== undefined ? [{ name: 'xl/sharedStrings.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">${o.shared}</sst>`) }] : []),
    ...(o.styles !== undefined ? [{ name: 'xl/styles.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}">${o.styles}</styleSheet>`) }] : []),
  ]);
}
