import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

const enc = new TextEncoder();
const docx = (xml: string): Uint8Array => zipSync({ 'word/document.xml': enc.encode(xml) });
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A reader either gives a model or a VnPovertyError; nothing else escapes. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'model';
  } catch (error) {
    if (error instanceof VnPovertyError) return error.issues[0].code;
    throw error;
  }
}

describe('hostile documents', () => {
  it('broken or foreign packages and malformed XML are refused, never a crash and never a partial reading', () => {
    expect(outcome(() => readDocxDocument(zipSync({ 'xl/workbook.xml': enc.encode('<workbook/>') })))).toBe('not-docx');
    expect(outcome(() => readDocxDocument(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])))).toBe('corrupt-docx');
    expect(outcome(() => readDocxDocument(docx(`<w:document ${W}><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p>`)))).toBe('malformed-xml');
    expect(outcome(() => readDocxDocument(docx('<<<>>>')))).toBe('malformed-xml');
    expect(outcome(() => readDocxDocument(zipSync({ 'word/document.xml': Uint8Array.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]) })))).toBe('malformed-xml');
  });

  it('entities, ragged and nested tables, spans past the grid', () => {
    const xml = `<w:document ${W}><w:body>
      <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr><w:tc><w:tcPr><w:gridSpan w:val="5"/></w:tcPr><w:p><w:r><w:t>A &amp; B &lt;1&gt;</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr>
      </w:tbl></w:body></w:document>`;
    const m = readDocxDocument(docx(xml));
    const t = m.blocks[0]!;
    if (t.kind !== 'table') throw new Error('table expected');
    expect(t.rows[0]![0]!.text).toBe('A & B <1>');
    expect(t.rows.every((r) => r.length === t.columns)).toBe(true);
    expect(t.rows[1]![1]!.text).toBe('inner');
    expect(() => checkDocument(m)).not.toThrow();
  });

  it('a text plan of odd lines (very long, only tabs, control characters) is read and checked', () => {
    const text = ['\t\t\t', 'x'.repeat(100_000), 'Tổng: 1.2.3 hộ, trong đó: ,5 hộ; 5,, hộ', '\u0000\u0007 10 hộ', '1\t2\t3\n4\t5'].join('\n');
    const r = checkDocument(readTextDocument(text));
    expect(r.counts.blocks).toBeGreaterThan(0);
  });
});
