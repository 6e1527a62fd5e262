/**
 * Word plans as officials produce them, read by `readDocxDocument` (and `vn-poverty check`):
 * tracked changes, hidden text, fields, content controls, text boxes with their fallback copy,
 * footnotes, soft hyphens inside figures, and files under a .docx or .doc name that are not one.
 * Each case failed before: the text read was not the plan's text.
 */
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { markDocx } from '../../src/io/writeCheckedDocx.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, expectRefused, writeText } from './_hostile.js';

const enc = new TextEncoder();
const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
].join(' ');
const dir = tempDirs('vnp-hostile-word-');

const docx = (body: string, parts: Record<string, string> = {}): Uint8Array =>
  zipSync({ 'word/document.xml': enc.encode(`<w:document ${NS}><w:body>${body}</w:body></w:document>`), ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, enc.encode(v)])) });
const r = (t: string, props = ''): string => `<w:r>${props !== '' ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;
const tc = (t: string): string => `<w:tc>${p(r(t))}</w:tc>`;
/** The text of every block; a table as its rows of cell texts. */
const texts = (bytes: Uint8Array): unknown[] => readDocxDocument(bytes).blocks.map((b) => (b.kind === 'table' ? b.rows.map((row) => row.map((c) => c.text)) : b.text));

describe('the plan’s text as Word shows it', () => {
  it('tracked changes: deleted and moved-from text is not read, inserted and moved-to text is; a deleted table row is left out', () => {
    expect(texts(docx(p(r('Số hộ nghèo: '), '<w:del w:id="1"><w:r><w:delText>1.234</w:delText></w:r></w:del>', '<w:ins w:id="2"><w:r><w:t>1.240</w:t></w:r></w:ins>', r(' hộ'))))).toEqual(['Số hộ nghèo: 1.240 hộ']);
    // before: "Giảm OLD 120 hộ NEW" — the moved text twice
    expect(texts(docx(p(r('Giảm '), '<w:moveFrom w:id="3"><w:r><w:t>120 hộ</w:t></w:r></w:moveFrom>', r('trong năm '), '<w:moveTo w:id="4"><w:r><w:t>120 hộ</w:t></w:r></w:moveTo>')))).toEqual(['Giảm trong năm 120 hộ']);
    expect(texts(docx(`<w:moveTo w:id="5">${p(r('đoạn được chuyển đến'))}</w:moveTo><w:moveFrom w:id="6">${p(r('đoạn cũ'))}</w:moveFrom>`))).toEqual(['đoạn được chuyển đến']);
    const rows = `<w:tr>${tc('Xã A')}${tc('10')}</w:tr><w:tr><w:trPr><w:del w:id="7"/></w:trPr>${tc('Xã C')}${tc('7')}</w:tr><w:tr>${tc('Tổng')}${tc('10')}</w:tr>`;
    expect(texts(docx(`<w:tbl>${rows}</w:tbl>`))).toEqual([[['Xã A', '10'], ['Tổng', '10']]]);
  });

  it('tracked changes not yet accepted or rejected are named in the notes and on stderr, with the first deleted figure; a document without any, or with only a formatting change, says nothing (before: read silently as accepted)', async () => {
    const body = p(r('Toàn tỉnh có '), '<w:del w:id="1"><w:r><w:delText>1.234</w:delText></w:r></w:del>', '<w:ins w:id="2"><w:r><w:t>1.240</w:t></w:r></w:ins>', r(' hộ nghèo.'));
    const rows = `<w:tr>${tc('Xã A')}${tc('10')}</w:tr><w:tr><w:trPr><w:del w:id="3"/></w:trPr>${tc('Xã C')}${tc('7')}</w:tr>`;
    const doc = readDocxDocument(docx(`${p(r('Kế hoạch'))}${body}<w:tbl>${rows}</w:tbl>`), { source: 'kh.docx' });
    expect(doc.notes).toEqual(['kh.docx: the document holds tracked changes not yet accepted or rejected (1 insertion, 2 deletions; the first in paragraph 2): it is read as Word shows it with every change accepted, inserted text read and deleted text not (deleted: "1.234"); accept or reject them in Word (Review › Accept or Reject) so the file holds only the figures that stand, then check it again']);
    expect(checkDocument(doc).notes).toEqual(doc.notes);
    // the twin: the changes accepted, or only formatting changed (w:rPrChange) and a paragraph mark inserted: no note
    const accepted = readDocxDocument(docx(p(r('Toàn tỉnh có 1.240 hộ nghèo.'))), { source: 'kh.docx' });
    expect(accepted.notes).toBeUndefined();
    const formatting = readDocxDocument(docx(`<w:p><w:pPr><w:rPr><w:ins w:id="5"/></w:rPr></w:pPr><w:r><w:rPr><w:b/><w:rPrChange w:id="6"><w:rPr/></w:rPrChange></w:rPr><w:t>Toàn tỉnh có 1.240 hộ nghèo.</w:t></w:r></w:p>`), { source: 'kh.docx' });
    expect(formatting.notes).toBeUndefined();
    const path = writeText(dir(), 'kh.docx', docx(body));
    const run = await expectOutcome(['check', path], { code: 0, unchanged: [path] });
    expect(run.err).toContain('kh.docx: the document holds tracked changes not yet accepted or rejected (1 insertion, 1 deletion; the first in paragraph 1)');
  });

  it('text struck through by hand (w:strike, w:dstrike) is not read, and the notes name it; strikethrough turned off is read and says nothing (before: "1.234 1.240 hộ", both figures read)', () => {
    const struck = readDocxDocument(docx(`${p(r('Kế hoạch'))}${p(r('Toàn tỉnh có '), r('1.234', '<w:strike/>'), r(' 1.240 hộ nghèo.'))}${`<w:tbl><w:tr>${tc('Xã A')}<w:tc>${p(r('12', '<w:dstrike w:val="true"/>'), r(' 10'))}</w:tc></w:tr></w:tbl>`}`), { source: 'kh.docx' });
    expect(struck.blocks.map((b) => (b.kind === 'table' ? b.rows.map((row) => row.map((c) => c.text)) : b.text))).toEqual(['Kế hoạch', 'Toàn tỉnh có 1.240 hộ nghèo.', [['Xã A', '10']]]);
    expect(struck.notes).toEqual(['kh.docx: paragraph 2 holds text struck through ("1.234") and 1 more run struck through: it is not read, as Word shows it crossed out: deleted by hand; if it belongs to the plan, remove the strikethrough (Home › Strikethrough), or delete the text, then check the file again']);
    const twin = readDocxDocument(docx(p(r('Toàn tỉnh có '), r('1.240', '<w:strike w:val="0"/>'), r(' hộ nghèo.'))), { source: 'kh.docx' });
    expect([twin.blocks[0]?.kind === 'paragraph' ? twin.blocks[0].text : '', twin.notes]).toEqual(['Toàn tỉnh có 1.240 hộ nghèo.', undefined]);
  });

  it('hidden text (w:vanish) is not read: before, "Tổng 999100 hộ"; vanish turned off is read', () => {
    expect(texts(docx(p(r('Tổng '), r('999', '<w:vanish/>'), r('100 hộ'))))).toEqual(['Tổng 100 hộ']);
    expect(texts(docx(p(r('Tổng '), r('100', '<w:vanish w:val="0"/>'), r(' hộ'))))).toEqual(['Tổng 100 hộ']);
    expect(texts(docx(`<w:tbl><w:tr><w:tc>${p(r('10'), r('0', '<w:vanish/>'))}</w:tc></w:tr></w:tbl>`))).toEqual([[['10']]]);
    expect(texts(docx(p(r('Tổng '), r('7', '<w:specVanish/>'), r('100 hộ'))))).toEqual(['Tổng 100 hộ']);
  });

  it('a document whose generator binds Word’s namespace to another prefix, or to none, is read as Word reads it (before: no text)', () => {
    const MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const part = (xml: string): Uint8Array => zipSync({ 'word/document.xml': enc.encode(xml) });
    expect(texts(part(`<document xmlns="${MAIN}"><body><p><r><t>Tổng 10 hộ</t></r></p><tbl><tr><tc><tcPr><gridSpan val="2"/></tcPr><p><r><t>A</t></r></p></tc></tr></tbl></body></document>`))).toEqual(['Tổng 10 hộ', [['A', 'A']]]);
    expect(texts(part(`<ns0:document xmlns:ns0="${MAIN}"><ns0:body><ns0:p><ns0:r><ns0:t>Tổng 10 hộ</ns0:t></ns0:r><ns0:r><ns0:rPr><ns0:vanish/></ns0:rPr><ns0:t>9</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`))).toEqual(['Tổng 10 hộ']);
  });

  it('check --out on a document written under a default namespace or ns0: prefixes marks its findings in a well-formed copy Word reads as before (before: the findings were left unmarked)', () => {
    const MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const table = (x: string): string => ['Đơn vị|Số hộ nghèo|Số hộ cận nghèo', 'Xã A|10|5', 'Xã B|20|6', 'Tổng cộng|40|11'].map((row) => `<${x}tr>${row.split('|').map((t) => `<${x}tc><${x}p><${x}r><${x}t>${t}</${x}t></${x}r></${x}p></${x}tc>`).join('')}</${x}tr>`).join('');
    const comments = `<ns0:comments xmlns:ns0="${MAIN}"><ns0:comment ns0:id="7" ns0:author="A"><ns0:p><ns0:r><ns0:t>Cũ</ns0:t></ns0:r></ns0:p></ns0:comment></ns0:comments>`;
    for (const [xml, parts] of [
      [`<document xmlns="${MAIN}"><body><p><r><t>Bảng 1</t></r></p><tbl>${table('')}</tbl></body></document>`, {}],
      [`<ns0:document xmlns:ns0="${MAIN}"><ns0:body><ns0:p><ns0:r><ns0:t>Bảng 1</ns0:t></ns0:r></ns0:p><ns0:tbl>${table('ns0:')}</ns0:tbl></ns0:body></ns0:document>`, { 'word/comments.xml': enc.encode(comments) }],
    ] as const) {
      const bytes = zipSync({ 'word/document.xml': enc.encode(xml), ...parts });
      const before = readDocxDocument(bytes);
      const report = checkDocument(before);
      expect(report.findings.map((f) => [f.code, f.location.row, f.location.column])).toEqual([['sum-mismatch', 4, 2]]);
      const marked = markDocx(bytes, report);
      expect([marked.marked, marked.unplaced]).toEqual([1, 0]);
      const out = unzipSync(marked.bytes);
      const doc = new TextDecoder().decode(out['word/document.xml']);
      // well-formed, every prefix bound: read again it is the same document
      expect(readDocxDocument(marked.bytes).blocks).toEqual(before.blocks);
      expect(doc).toMatch(/<w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"\/><\/w:tcPr><w:p><w:commentRangeStart w:id="(\d+)"\/><w:r><w:t>40</);
      const commentsXml = new TextDecoder().decode(out['word/comments.xml']);
      // a comment already there is kept and the new one does not reuse its id
      if ('word/comments.xml' in parts) expect(commentsXml).toContain('<ns0:comment ns0:id="7"');
      const id = /commentRangeStart w:id="(\d+)"/.exec(doc)![1];
      expect(id).toBe('word/comments.xml' in parts ? '8' : '0');
      expect(commentsXml).toMatch(new RegExp(`<w:comment xmlns:w="${MAIN}" w:id="${id}"[^>]*><w:p><w:r><w:t xml:space="preserve">ERROR \\(sum-mismatch\\)`));
      expect(commentsXml).toMatch(/<\/(ns0|w):comments>$/);
    }
  });

  it('check --out marks the cell the finding names when rows are tracked deletions, or rows, cells or the table sit in content controls (before: the cell of another row or column was marked, or none)', () => {
    const row = (...cells: string[]): string => `<w:tr>${cells.map(tc).join('')}</w:tr>`;
    const head = row('Đơn vị', 'Số hộ nghèo', 'Số hộ cận nghèo');
    const sdt = (x: string): string => `<w:sdt><w:sdtPr/><w:sdtContent>${x}</w:sdtContent></w:sdt>`;
    const tables = {
      'a deleted row above': `<w:tbl>${head}<w:tr><w:trPr><w:del w:id="90" w:author="A"/></w:trPr>${tc('Xã C')}${tc('5')}${tc('5')}</w:tr>${row('Xã A', '10', '5')}${row('Xã B', '20', '6')}${row('Tổng cộng', '40', '11')}</w:tbl>`,
      'a deleted cell before it': `<w:tbl>${head}${row('Xã A', '10', '5')}${row('Xã B', '20', '6')}<w:tr>${tc('Tổng cộng')}<w:tc><w:tcPr><w:cellDel w:id="91" w:author="A"/></w:tcPr>${p(r('7'))}</w:tc>${tc('40')}${tc('11')}</w:tr></w:tbl>`,
      'rows in a content control': `<w:tbl>${sdt(head + row('Xã A', '10', '5'))}${row('Xã B', '20', '6')}${row('Tổng cộng', '40', '11')}</w:tbl>`,
      'a cell in a content control': `<w:tbl>${head}${row('Xã A', '10', '5')}${row('Xã B', '20', '6')}<w:tr>${sdt(tc('Tổng cộng'))}${tc('40')}${tc('11')}</w:tr></w:tbl>`,
      'the table in a content control': sdt(`<w:tbl>${head}${row('Xã A', '10', '5')}${row('Xã B', '20', '6')}${row('Tổng cộng', '40', '11')}</w:tbl>`),
    };
    for (const [name, table] of Object.entries(tables)) {
      const bytes = docx(p(r('Bảng 1')) + table);
      const model = readDocxDocument(bytes);
      expect([name, model.blocks[1]!.kind === 'table' && model.blocks[1]!.rows.map((x) => x.map((c) => c.text))]).toEqual([name, [['Đơn vị', 'Số hộ nghèo', 'Số hộ cận nghèo'], ['Xã A', '10', '5'], ['Xã B', '20', '6'], ['Tổng cộng', '40', '11']]]);
      const report = checkDocument(model);
      expect(report.findings.map((f) => [f.code, f.location.row, f.location.column])).toEqual([['sum-mismatch', 4, 2]]);
      const marked = markDocx(bytes, report);
      expect([name, marked.marked, marked.unplaced]).toEqual([name, 1, 0]);
      const xml = new TextDecoder().decode(unzipSync(marked.bytes)['word/document.xml']);
      expect([name, /<w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">(\d+)</.exec(xml)?.[1]]).toEqual([name, '40']);
    }
  });

  it('check --out marks a finding in one paragraph (or table) of a content control holding several, empty paragraphs counted (before: not placed)', () => {
    const sdt = (x: string): string => `<w:sdt><w:sdtPr/><w:sdtContent>${x}</w:sdtContent></w:sdt>`;
    const claim = 'Tổng: 10 hộ, trong đó: 4 hộ nghèo; 5 hộ cận nghèo.';
    const row = (...cells: string[]): string => `<w:tr>${cells.map(tc).join('')}</w:tr>`;
    const table = `<w:tbl>${row('Đơn vị', 'Số hộ')}${row('Xã A', '10')}${row('Xã B', '20')}${row('Tổng cộng', '40')}</w:tbl>`;
    const bytes = docx(p(r('Kế hoạch')) + sdt(p(r('Mở đầu')) + '<w:p/>' + p(r(claim)) + `<w:sdt><w:sdtContent>${p(r('Bảng 1'))}</w:sdtContent></w:sdt>` + `<w:tbl>${row('Ghi chú')}</w:tbl>` + table));
    const model = readDocxDocument(bytes);
    expect(model.blocks.map((b) => [b.position.paragraph, b.position.within])).toEqual([[0, undefined], [1, 0], [1, 2], [1, 3], [1, 0], [1, 1]]);
    const report = checkDocument(model);
    const findings = report.findings.map((f) => [f.location.block, f.location.within, f.location.row ?? null]);
    expect(findings).toEqual([[3, 2, null], [6, 1, 4]]);
    const marked = markDocx(bytes, report);
    expect([marked.marked, marked.unplaced]).toEqual([2, 0]);
    const xml = new TextDecoder().decode(unzipSync(marked.bytes)['word/document.xml']);
    expect(/<w:p><w:pPr><w:shd [^>]*\/><\/w:pPr><w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">([^<]+)</.exec(xml)?.[1]).toBe(claim);
    expect(/<w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">(\d+)</.exec(xml)?.[1]).toBe('40');
    expect(readDocxDocument(marked.bytes).blocks).toEqual(model.blocks);
  });

  it('page headers and footers holding figures are named as not checked; a page number alone says nothing (before: silently skipped)', () => {
    const claim = 'Tổng: 10 hộ, trong đó: 4 hộ nghèo; 5 hộ cận nghèo.';
    const bytes = docx(p(r('Kế hoạch')), { 'word/header1.xml': `<w:hdr ${NS}>${p(r(claim))}</w:hdr>`, 'word/footer1.xml': `<w:ftr ${NS}>${p(r('Trang 3'))}</w:ftr>`, 'word/footer2.xml': `<w:ftr ${NS}>${p(r('7'))}</w:ftr>` });
    const model = readDocxDocument(bytes, { source: 'kh.docx' });
    expect(model.notes).toEqual([`kh.docx: the page header word/header1.xml holds text with figures ("${claim}"), which is not checked: headers and footers are not read as the plan's text; if a figure there belongs to the plan, put it in the body`]);
    expect(checkDocument(model).notes).toEqual(model.notes);
    expect(readDocxDocument(docx(p(r('Kế hoạch')))).notes).toBeUndefined();
  });

  it('a page header or footer whose only figures are a document number, a date, a year, a period or a page number gives no note; one with a count still does (before: every one was named)', () => {
    const furniture = ['Kế hoạch số 58/KH-UBND', 'Số: 215/BC-UBND ngày 20/12/2025', 'Sơ kết 6 tháng 2026 – Trang 3', 'Nghị quyết số 12/2025/NQ-HĐND ngày 10 tháng 7 năm 2025', 'Kế hoạch giảm nghèo giai đoạn 2026-2030'];
    const parts = Object.fromEntries(furniture.map((t, i) => [`word/header${i + 1}.xml`, `<w:hdr ${NS}>${p(r(t))}</w:hdr>`]));
    expect(readDocxDocument(docx(p(r('Kế hoạch')), parts)).notes).toBeUndefined();
    const counted = 'Kế hoạch số 58/KH-UBND: năm 2027 giảm 320 hộ nghèo';
    const notes = readDocxDocument(docx(p(r('Kế hoạch')), { ...parts, 'word/footer1.xml': `<w:ftr ${NS}>${p(r(counted))}</w:ftr>` }), { source: 'kh.docx' }).notes;
    expect(notes).toEqual([`kh.docx: the page footer word/footer1.xml holds text with figures ("${counted}"), which is not checked: headers and footers are not read as the plan's text; if a figure there belongs to the plan, put it in the body`]);
  });

  it('symbols (w:sym) are read as printed: a percent sign or ≥ from the Symbol font, a tick from Wingdings; an unknown one keeps figures apart (before: left out, 5% read as 5)', () => {
    const sym = (font: string, char: string): string => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    expect(texts(docx(p(r('Tỷ lệ giảm 1,5'), sym('Symbol', 'F025'), r(' năm; thu nhập '), sym('Symbol', 'F0B3'), r(' 2 triệu '), sym('Wingdings', 'F0FC')) + p(r('12'), sym('Webdings', 'F021'), r('30'))))).toEqual(['Tỷ lệ giảm 1,5% năm; thu nhập ≥ 2 triệu ✓', '12 30']);
  });

  it('content imported from another file when Word opens it (w:altChunk): the rest is checked, the chunk an error finding marked in the copy (before: the whole plan refused)', async () => {
    const chunk = '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId5"/>';
    const head = `${p(r('KẾ HOẠCH giảm nghèo năm 2025'))}${p(r('Tổng số hộ nghèo đầu năm là 100 hộ, trong đó: 40 hộ nghèo dân tộc thiểu số; 60 hộ nghèo khác.'))}`;
    const tail = p(r('Tổng kinh phí 300 triệu đồng, trong đó: ngân sách trung ương 200 triệu đồng; ngân sách tỉnh 100 triệu đồng.'));
    const bytes = docx(`${head}${chunk}${tail}`);
    const model = readDocxDocument(bytes, { source: 'web.docx' });
    expect(model.blocks.map((b) => [b.notRead?.code ?? null, b.position.paragraph])).toEqual([[null, 0], [null, 1], ['alt-chunk', 2], [null, 3]]);
    const report = checkDocument(model);
    expect(report.findings.map((f) => [f.severity, f.code, f.location.block, f.location.paragraph])).toEqual([['error', 'alt-chunk', 3, 2]]);
    expect(report.findings[0]!.message).toBe("not checked: web.docx: paragraph 3 is content imported from another file (w:altChunk: HTML, RTF or another document, as web tools write), which Word converts only when it opens the document; open it in Word and save it again as .docx, which makes that content the document's own, then check the file again");
    // the rest is checked as in the same plan without the chunk
    const twin = checkDocument(readDocxDocument(docx(`${head}${tail}`), { source: 'web.docx' }));
    expect(twin.findings).toEqual([]);
    expect(report.claims.map((c) => c.status)).toEqual(twin.claims.map((c) => c.status));
    expect(report.claims.length).toBeGreaterThan(0);
    // the copy: a marked paragraph just before the chunk, which is kept
    const marked = markDocx(bytes, report);
    expect([marked.marked, marked.unplaced]).toEqual([1, 0]);
    const xml = new TextDecoder().decode(unzipSync(marked.bytes)['word/document.xml']!);
    expect(xml).toMatch(/<w:p><w:pPr><w:shd [^>]*\/><\/w:pPr><w:commentRangeStart w:id="0"\/><w:r><w:t xml:space="preserve">\[Nội dung nhập từ tệp khác \(w:altChunk\): chưa được kiểm tra[^<]*<\/w:t><\/w:r><w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r><\/w:p><w:altChunk /);
    const path = writeText(dir(), 'web.docx', bytes);
    const run = await expectOutcome(['check', path], { code: 1, unchanged: [path] });
    expect(run.out).toMatch(/error {5}block 3 \(paragraph 3\): not checked: \S*web\.docx: paragraph 3 is content imported from another file/);
    const twinPath = writeText(dir(), 'web.docx', docx(`${head}${tail}`));
    await expectOutcome(['check', twinPath], { code: 0, unchanged: [twinPath] });
  });

  it('a plan that is mostly content imported when Word opens it (w:altChunk) is refused whole, naming the paragraph', () => {
    const chunk = (id: number): string => `<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${id}"/>`;
    expect(() => readDocxDocument(docx(`${p(r('Kế hoạch'))}${chunk(5)}`), { source: 'web.docx' })).toThrow('web.docx: paragraph 2 is content imported from another file (w:altChunk: HTML, RTF or another document, as web tools write), which Word converts only when it opens the document; open it in Word and save it again as .docx');
    expect(() => readDocxDocument(docx(`${chunk(5)}${p(r('Kế hoạch'))}${chunk(6)}${p(r('Phụ lục'))}`), { source: 'web.docx' })).toThrow('web.docx: paragraph 1 is content imported from another file (w:altChunk: HTML, RTF or another document, as web tools write), which Word converts only when it opens the document (2 such blocks, of 4)');
  });

  it('fields: the cached result is read, never the field code; content controls are read through', () => {
    const complex = p(r('Tổng '), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> =SUM(ABOVE) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', r('1.500'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>', r(' hộ'));
    expect(texts(docx(complex + p(r('Có '), '<w:fldSimple w:instr=" = 1+2 "><w:r><w:t>3</w:t></w:r></w:fldSimple>', r(' xã'))))).toEqual(['Tổng 1.500 hộ', 'Có 3 xã']);
    expect(texts(docx(`<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${p(r('Số hộ '), `<w:sdt><w:sdtContent>${r('77')}</w:sdtContent></w:sdt>`)}</w:sdtContent></w:sdt>`))).toEqual(['Số hộ 77']);
  });

  it('text boxes and alternate content are read once (mc:Choice, not its mc:Fallback copy), apart from the text around them', () => {
    const box = (t: string): string => `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p(r(t))}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>${p(r(t))}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    expect(texts(docx(p(r('Kế hoạch'), box('42 hộ'))))).toEqual(['Kế hoạch 42 hộ']);
    // before: the block-level alternate content was dropped, its text lost
    expect(texts(docx(`<mc:AlternateContent><mc:Choice Requires="w14">${p(r('Tổng 5 hộ'))}</mc:Choice><mc:Fallback>${p(r('Tổng 5 hộ'))}</mc:Fallback></mc:AlternateContent>`))).toEqual(['Tổng 5 hộ']);
  });

  it('figures split by soft hyphens, zero-width spaces, bookmarks or runs of other formatting are read whole', () => {
    expect(texts(docx(p(r('Có 1\u00ad234 hộ, 2\u200b345 người'))))).toEqual(['Có 1234 hộ, 2345 người']);
    // and in a text plan (copied from a web page or a PDF)
    expect(readTextDocument('Tổng số hộ nghèo: 1\u00ad234 hộ').blocks.map((b) => (b.kind === 'table' ? '' : b.text))).toEqual(['Tổng số hộ nghèo: 1234 hộ']);
    expect(texts(docx(p(r('Có 1.', '<w:b/>'), r('234'), r(' hộ; tỷ lệ 12'), '<w:bookmarkStart w:id="0" w:name="a"/>', r(',5'), '<w:bookmarkEnd w:id="0"/>', r('%'))))).toEqual(['Có 1.234 hộ; tỷ lệ 12,5%']);
    expect(texts(docx(p(r('Giai đoạn 2021'), '<w:r><w:noBreakHyphen/></w:r>', r('2025'), '<w:r><w:ptab w:alignment="right" w:relativeTo="margin" w:leader="none"/></w:r>', r('trang 2'))))).toEqual(['Giai đoạn 2021-2025 trang 2']);
  });

  it('ruby annotations are left out and equations read', () => {
    expect(texts(docx(p('<w:r><w:ruby><w:rubyPr/><w:rt>' + r('chú') + '</w:rt><w:rubyBase>' + r('Hà Nội') + '</w:rubyBase></w:ruby></w:r>')))).toEqual(['Hà Nội']);
    expect(texts(docx(p(r('Tỷ lệ = '), '<m:oMath><m:r><m:t>12/100</m:t></m:r></m:oMath>')))).toEqual(['Tỷ lệ = 12/100']);
  });

  it('automatic numbering as Word counts it: instances of one list continue it, an instance with a restart starts again (before: every instance counted alone)', () => {
    const numbered = (numId: string, t: string): string => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${r(t)}</w:p>`;
    const numbering = `<w:numbering ${NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>`;
    const m = readDocxDocument(docx(numbered('1', 'Xã A') + numbered('1', 'Xã B') + numbered('2', 'Xã C') + numbered('3', 'Huyện 1') + numbered('3', 'Huyện 2'), { 'word/numbering.xml': numbering }));
    expect(m.blocks.map((b) => (b.kind === 'table' ? '' : `${b.label ?? ''} ${b.text}`))).toEqual(['1. Xã A', '2. Xã B', '3. Xã C', '1. Huyện 1', '2. Huyện 2']);
  });

  it('footnotes and endnotes are read, after the paragraph that refers to them (before: lost)', () => {
    const notes = `<w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1">${p('<w:r><w:separator/></w:r>')}</w:footnote><w:footnote w:id="2">${p('<w:r><w:footnoteRef/></w:r>', r(' Trong đó 60 hộ nông thôn.'))}</w:footnote></w:footnotes>`;
    const endnotes = `<w:endnotes ${NS}><w:endnote w:id="1">${p(r('Nguồn: Báo cáo 2024'))}</w:endnote></w:endnotes>`;
    const m = readDocxDocument(docx(p(r('Tổng số hộ nghèo 100 hộ'), '<w:r><w:footnoteReference w:id="2"/></w:r>', r('.')) + p(r('Hết'), '<w:r><w:endnoteReference w:id="1"/></w:r>'), { 'word/footnotes.xml': notes, 'word/endnotes.xml': endnotes }));
    expect(m.blocks.map((b) => [b.kind === 'table' ? '' : b.text, b.kind === 'table' ? undefined : b.style, b.position.paragraph])).toEqual([
      ['Tổng số hộ nghèo 100 hộ.', undefined, 0],
      ['Trong đó 60 hộ nông thôn.', 'footnote text', 0],
      ['Hết', undefined, 1],
      ['Nguồn: Báo cáo 2024', 'endnote text', 1],
    ]);
  });

  it('a finding in a footnote is marked in the footnote itself, also when a table cell refers to it (before: not placed); a footnote holding a table is no crash', async () => {
    const fn = (id: number, body: string): string => `<w:footnote w:id="${id}">${body}</w:footnote>`;
    const claim = 'Tổng số hộ nghèo 100 hộ, trong đó: 70 hộ nông thôn; 40 hộ thành thị.';
    const notes = `<w:footnotes ${NS}>${fn(2, p('<w:r><w:footnoteRef/></w:r>', r(` ${claim}`)))}${fn(3, p(r(claim)))}${fn(4, `<w:tbl><w:tr>${tc('Hộ nghèo')}${tc('100')}</w:tr></w:tbl>${p(r(claim))}`)}</w:footnotes>`;
    const ref = (id: number): string => `<w:r><w:footnoteReference w:id="${id}"/></w:r>`;
    const body = p(r('Kế hoạch năm 2024'), ref(2), r('.')) + p(r('Hết.')) + `<w:tbl><w:tr>${tc('Xã A')}<w:tc>${p(r('12'), ref(3))}</w:tc></w:tr></w:tbl>` + p(r('Phụ lục'), ref(4));
    const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
    const bytes = docx(body, { 'word/footnotes.xml': notes, '[Content_Types].xml': types });
    const m = readDocxDocument(bytes, { source: 'chu-thich.docx' });
    const footnotes = m.blocks.filter((b) => b.kind === 'paragraph' && b.style === 'footnote text');
    expect(footnotes.map((b) => b.position.paragraph)).toEqual([0, 2, 3]);
    const report = checkDocument(m);
    const inNotes = report.findings.filter((f) => footnotes.some((b) => b.index + 1 === f.location.block));
    expect(inNotes.map((f) => f.location.paragraph)).toEqual([0, 2, 3]);
    expect(inNotes.map((f) => f.location.note)).toEqual([{ kind: 'footnote', id: '2' }, { kind: 'footnote', id: '3' }, { kind: 'footnote', id: '4' }]);
    const marked = markDocx(bytes, report);
    // every finding in a note is marked in the note itself, the one referred to from a table cell too (before: not placed)
    expect([marked.marked, marked.unplaced]).toEqual([report.findings.length, 0]);
    const out = unzipSync(marked.bytes);
    const xml = new TextDecoder().decode(out['word/document.xml']);
    expect(xml).not.toContain('w:commentRangeStart');
    const footnotesXml = new TextDecoder().decode(out['word/footnotes.xml']);
    for (const id of [2, 3, 4]) {
      const note = footnotesXml.slice(footnotesXml.indexOf(`<w:footnote w:id="${id}">`)).split('</w:footnote>')[0]!;
      expect(note).toMatch(/<w:p><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="[0-9A-F]{6}"\/><\/w:pPr><w:commentRangeStart w:id="\d+"\/>/);
    }
    // read again, the notes are the same text
    expect(readDocxDocument(marked.bytes, { source: 'chu-thich.docx' }).blocks).toEqual(m.blocks);
  });
});

describe('tables that would blow up the grid', () => {
  it('a cell spanning a million columns is refused naming the table, in milliseconds (before: ran out of memory); an unreadable span is one column', async () => {
    const rows = (span: string): string => `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>${p(r('a'))}</w:tc></w:tr>${`<w:tr>${tc('b')}</w:tr>`.repeat(200)}</w:tbl>`;
    expect(() => readDocxDocument(docx(p(r('Biểu 1')) + rows('1000000')), { source: 'rong.docx' })).toThrow('rong.docx: the table at paragraph 2 spans 201 rows × 1000000 columns (201000000 cells), over the limit of 1000000 (maxTableCells)');
    const d = dir();
    const path = writeText(d, 'rong.docx', docx(rows('1000000000')));
    await expectRefused(['check', path], ['rong.docx: the table at paragraph 1 spans', 'maxTableCells'], [path]);
    for (const span of ['-5', 'abc', '2.5']) {
      const t = readDocxDocument(docx(rows(span))).blocks[0]!;
      expect(t.kind === 'table' ? t.columns : 0).toBe(1);
    }
  });
});

describe('check on files that are not what their name says', () => {
  it('a .docx renamed .doc is read as a .docx; HTML, Rich Text, a PDF or OpenDocument under an office name are refused saying what they are', async () => {
    const d = dir();
    const plan = docx(p(r('Tổng số hộ nghèo: 100 hộ, trong đó: 60 hộ nông thôn, 40 hộ thành thị.')));
    const renamed = writeText(d, 'ke-hoach.doc', plan);
    await expectOutcome(['check', renamed], { code: 0, unchanged: [renamed] });
    const cases: Array<[string, string | Uint8Array, string]> = [
      ['trang-web.docx', '<!DOCTYPE html><html><body><p>Tổng 10 hộ</p></body></html>', 'a web page (HTML), not a .docx document'],
      ['trang-web.doc', '<html xmlns:w="urn:schemas-microsoft-com:office:word"><body>Tổng 10 hộ</body></html>', 'a web page (HTML)'],
      ['mot-tep.doc', 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n', 'a single-file web page (MHTML)'],
      ['van-ban.doc', '{\\rtf1\\ansi Tổng 10 hộ}', 'a Rich Text (.rtf) file'],
      ['van-ban.docx', '{\\rtf1\\ansi Tổng 10 hộ}', 'a Rich Text (.rtf) file, not a .docx document; open it in Word'],
      ['ban-in.docx', '%PDF-1.4\n', 'a PDF, not a .docx document'],
      ['libre.docx', zipSync({ mimetype: enc.encode('application/vnd.oasis.opendocument.text'), 'content.xml': enc.encode('<x/>') }), 'an OpenDocument file'],
    ];
    for (const [name, bytes, why] of cases) {
      const path = writeText(d, name, bytes);
      await expectRefused(['check', path], [`${name}: `, why], [path]);
    }
  });

  it('reconcile on an HTML table saved as .xlsx (a web export) says so', async () => {
    const d = dir();
    const path = writeText(d, 'xuat-web.xlsx', '<table><tr><td>Xã A</td><td>10</td></tr></table>');
    await expectRefused(['reconcile', path], ['xuat-web.xlsx: ', 'a web page (HTML), not an .xlsx workbook', 'save it as .xlsx'], [path]);
  });
});

describe('content controls showing their placeholder', () => {
  const placeholder = (inner: string): string => `<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
  const hint = (t: string): string => r(t, '<w:rStyle w:val="PlaceholderText"/>');
  it('the placeholder text is not read as the plan’s words or figures, in a paragraph, a block, a row or a cell', () => {
    // before: “Số hộ nghèo: Click or tap here to enter text. hộ”, and a table cell read as “Nhập số 120”
    expect(texts(docx(p(r('Số hộ nghèo: '), placeholder(hint('Click or tap here to enter text.')), r(' hộ'))))).toEqual(['Số hộ nghèo: hộ']);
    expect(texts(docx(p(r('Tổng 12'), placeholder(hint('Bấm hoặc gõ vào đây để nhập văn bản.')), r('3 hộ'))))).toEqual(['Tổng 12 3 hộ']);
    expect(texts(docx(placeholder(p(hint('Nhập mục tiêu giảm nghèo 2025: 1.234 hộ'))) + p(r('Giảm 45 hộ'))))).toEqual(['Giảm 45 hộ']);
    const row = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
    const table = `<w:tbl>${row(tc('Xã'), tc('Số hộ'))}${row(tc('Xã A'), `<w:tc>${p(placeholder(hint('Nhập số 120')))}</w:tc>`)}${row(tc('Xã B'), placeholder(tc('999')))}</w:tbl>`;
    expect(texts(docx(table))).toEqual([[['Xã', 'Số hộ'], ['Xã A', ''], ['Xã B', '']]]);
  });

  it('a content control filled in (no w:showingPlcHdr, or set off) is read', () => {
    expect(texts(docx(p(r('Số hộ nghèo: '), `<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>${r('120')}</w:sdtContent></w:sdt>`, r(' hộ'))))).toEqual(['Số hộ nghèo: 120 hộ']);
    expect(texts(docx(p(r('Số hộ nghèo: '), `<w:sdt><w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent>${r('120')}</w:sdtContent></w:sdt>`, r(' hộ'))))).toEqual(['Số hộ nghèo: 120 hộ']);
  });
});
