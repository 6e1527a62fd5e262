/**
 * A table broken over a page by hand inside one Word table: its header row and its row of column
 * numbers typed again between its rows. Those rows are no figures (a column number “(3)” read as
 * a figure is −3): they are left out, said in the notes, and the rows around them checked as one
 * table.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { repeatedHeaderRows } from '../../src/documents/_repeatedHeaderRows.js';
import type { DocumentModel, DocumentTable } from '../../src/documents/documentModel.js';

const HEADER = ['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'];
const NUMBERS = ['(1)', '(2)', '(3)', '(4)', '(5)=(4)/(3)*100'];
const ROWS = [
  ['1', 'Xã An Phú', '2.368', '120', '5,07'],
  ['2', 'Xã Bình Minh', '1.500', '60', '4,00'],
  ['3', 'Xã Tân Lập', '1.000', '50', '5,00'],
  ['4', 'Xã Đông Hòa', '2.000', '30', '1,50'],
];
const TOTAL = ['', 'Tổng cộng', '6.868', '260', '3,79'];

/** The table as Word holds it: one w:tbl, the header (and column numbers) typed again after `at` rows. */
function docx(rows: readonly (readonly string[])[]): Uint8Array {
  const tc = (t: string): string => `<w:tc><w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p></w:tc>`;
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>${rows.map((r) => `<w:tr>${r.map(tc).join('')}</w:tr>`).join('')}</w:tbl></w:body></w:document>`;
  return zipSync({ 'word/document.xml': new TextEncoder().encode(xml) });
}
const broken = (rows: readonly (readonly string[])[], numbers: boolean): string[][] => {
  const head = numbers ? [HEADER, NUMBERS] : [HEADER];
  return [...head, ...rows.slice(0, 2), ...head, ...rows.slice(2), TOTAL].map((r) => [...r]);
};
const findings = (m: DocumentModel): string[] => checkDocument(m).findings.map((f) => `${f.code} row ${f.location.row ?? ''}: ${f.printed ?? ''}→${f.expected ?? ''}`);

describe('a header typed again inside the table', () => {
  it('the header and its column numbers typed again are left out and named (before: six false findings, “(3) ≥ 0 does not hold” among them); the table is checked as one', () => {
    const doc = readDocxDocument(docx(broken(ROWS, true)), { source: 'kh.docx' });
    expect(findings(doc)).toEqual([]);
    expect(checkDocument(doc).unchecked.map((u) => u.reason)).toContain('rows 5, 6 print a header row again (a table broken over a page by hand): not read as rows of figures');
    // a misprinted rate after the repeated header is still found, at its row
    const wrong = ROWS.map((r, i) => (i === 3 ? [...r.slice(0, 4), '2,50'] : r));
    expect(findings(readDocxDocument(docx(broken(wrong, true)), { source: 'kh.docx' }))).toEqual([expect.stringMatching(/^\S+ row 8: 2,50→1,50/)]);
    // and a misprinted total: its sum counts the rows on both sides of the repeated header
    const total = broken(ROWS, true).map((r) => (r[1] === 'Tổng cộng' ? [...r.slice(0, 3), '270', r[4]!] : r));
    expect(findings(readDocxDocument(docx(total), { source: 'kh.docx' }))).toEqual(expect.arrayContaining([expect.stringMatching(/row 9: 270→260/)]));
  });

  it('the header alone typed again, in a text table too, gives the findings of the table without it', () => {
    const plain = [HEADER, ...ROWS, TOTAL];
    const wrong = ROWS.map((r, i) => (i === 2 ? [...r.slice(0, 4), '5,50'] : r));
    for (const rows of [ROWS, wrong]) {
      const expected = findings(readTextDocument([HEADER, ...rows, TOTAL].map((r) => r.join('\t')).join('\n'))).map((f) => f.replace(/row \d+/, 'row'));
      const text = readTextDocument(broken(rows, false).map((r) => r.join('\t')).join('\n'));
      expect(findings(text).map((f) => f.replace(/row \d+/, 'row'))).toEqual(expected);
    }
    expect(findings(readTextDocument(plain.map((r) => r.join('\t')).join('\n')))).toEqual([]);
  });

  it('repeatedHeaderRows: only rows equal to a header row cell for cell, of at least two non-empty cells', () => {
    const table = (rows: readonly (readonly string[])[]): DocumentTable => ({ kind: 'table', index: 0, columns: rows[0]!.length, position: {}, rows: rows.map((r) => r.map((text) => ({ text, rowSpan: 1, colSpan: 1 }))) });
    expect(repeatedHeaderRows(table(broken(ROWS, true)), 2, [2, 3, 4, 5, 6, 7, 8])).toEqual([4, 5]);
    // a row of one cell equal to one of the header's is no header typed again; nor is a row that differs in one cell
    const t = table([['Xã', 'Số hộ'], ['', 'Số hộ'], ['Xã', 'Số hộ nghèo'], ['Xã', 'Số hộ']]);
    expect(repeatedHeaderRows(t, 1, [1, 2, 3])).toEqual([3]);
  });
});
