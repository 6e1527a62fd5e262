/**
 * Vietnamese typed in the old TCVN3 (ABC, .VnTime) or VNI fonts and kept by Excel and Word as
 * Unicode Latin-1 letters (“Hé nghÌo”, “Hoä ngheøo” for Hộ nghèo): valid UTF-8, so the byte
 * checks pass, but not Vietnamese. Refused naming the encoding and the converter, never read as a
 * header, a name or a plan's words (before: a header “not found”, a name stored garbled, a
 * plan's total row not seen).
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { legacyFontEncoding } from '../../src/io/_legacyFont.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { markDocx } from '../../src/io/writeCheckedDocx.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { readHouseholdRegister } from '../../src/io/readHouseholdRegister.js';
import { formatCsv } from '../../src/io/csv.js';
import { thrownError, rejectedError } from '../_helpers/errors.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, expectRefused, flagCells, GOOD_REGISTER, registerHeader } from './_hostile.js';
import { inline, rawXlsx } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-legacy-');
/** TCVN3 of the words the tests use, as Excel keeps them typed in .VnTime. */
const TCVN3_HEADER = ['M· hé', 'M· ®¬n vÞ', 'Khu vùc', 'Thu nhËp/th¸ng (®ång)', 'Tuæi c¸c thµnh viªn'];

describe('legacy font encodings', () => {
  it('legacyFontEncoding names TCVN3 and VNI text and leaves Unicode Vietnamese alone', () => {
    expect(['Tæng sè hé nghÌo', 'NguyÔn V¨n A', 'Tæng céng', 'Hoä ngheøo', 'Soá hoä ngheøo', 'Tổng số hộ nghèo', 'Nguyễn Văn A', 'Đắk Lắk', 'ĐVT: triệu đồng', '2 × 3 m²', 'Xã A · Tỷ lệ', '«Nông thôn mới»', 'Chương trình «Giảm nghèo bền vững»'].map(legacyFontEncoding)).toEqual(['TCVN3', 'TCVN3', 'TCVN3', 'VNI', 'VNI', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  describe('properties', () => {
    it('Unicode Vietnamese is never taken for a legacy encoding', () => {
      const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy'];
      const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
      const vowels = new Set([...'aăâeêioôơuưy']);
      // a word as printed: small letters, a capital first, or all capitals (a heading); its tone on its last vowel (a
      // tone on a consonant, “ñ”, is not Vietnamese: it is VNI's đ)
      const syllable = fc
        .tuple(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }), fc.constantFrom(...tones), fc.constantFrom('lower', 'title', 'upper'))
        .map(([l, t, c]) => {
          const v = l.map((x) => vowels.has(x)).lastIndexOf(true);
          const w = (v < 0 ? l.join('') : [...l.slice(0, v + 1), t, ...l.slice(v + 1)].join('')).normalize('NFC');
          return c === 'upper' ? w.toUpperCase() : c === 'title' ? w[0]!.toUpperCase() + w.slice(1) : w;
        });
      // words as printed, some in quotation marks («…», “…”, "…")
      const quoted = fc.tuple(fc.array(syllable, { minLength: 1, maxLength: 4 }), fc.constantFrom(['\u00ab', '\u00bb'], ['\u201c', '\u201d'], ['"', '"'])).map(([w, [a, b]]) => `${a}${w.join(' ')}${b}`);
      fc.assert(fc.property(fc.array(fc.oneof(syllable, quoted, fc.constantFrom('12', '1.200', '(%)', '–', '/', ':')), { minLength: 1, maxLength: 12 }), (words) => legacyFontEncoding(words.join(' ')) === undefined));
    });
  });

  it('a register whose header is TCVN3 is refused naming the encoding and the converter (before: "missing column")', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow([...TCVN3_HEADER, ...registerHeader().slice(5)]);
    ws.addRow(GOOD_REGISTER[1]!);
    const path = join(dir(), 'vntime.xlsx');
    await wb.xlsx.writeFile(path);
    await expectRefused(['classify', path, '--as-of', '2024-01-01'], ['vntime.xlsx', 'the header on row 1 reads', 'TCVN3 (ABC, the .VnTime fonts)', 'UniKey'], [path]);
  });

  it('a household id typed in TCVN3 is refused naming the cell, not stored garbled', async () => {
    const rows = [registerHeader(), ['NguyÔn V¨n A', '30316', 'nông thôn', '6.000.000', '40', ...flagCells()]];
    const error = await rejectedError((async () => { for await (const _ of readHouseholdRegister(Readable.from([formatCsv(rows)]), { source: 'ho.csv' })); })());
    expect(error.issues[0]!.code).toBe('legacy-encoding');
    expect(error.message).toContain('ho.csv, row 2, column 1');
  });

  it('a Word plan in .VnTime, a text plan in VNI (half their blocks or more) and a printed table in TCVN3 are refused naming where', async () => {
    const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const docx = zipSync({ 'word/document.xml': new TextEncoder().encode(`<w:document ${NS}><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p><w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>Tæng sè hé nghÌo toµn tØnh lµ 1.200 hé</w:t></w:r></w:p></w:body></w:document>`) });
    expect(thrownError(() => readDocxDocument(docx, { source: 'kh.docx' })).message).toContain('kh.docx: paragraph 2 reads "Tæng sè hé nghÌo toµn tØnh lµ 1.200 hé": it looks like Vietnamese typed in the legacy TCVN3 (ABC, the .VnTime fonts) encoding');
    expect(thrownError(() => readTextDocument('Keá hoaïch\nSoá hoä ngheøo: 120 hoä\n', { source: 'kh.txt' })).message).toContain('kh.txt: line 1 reads');
    const path = join(dir(), 'bieu.xlsx');
    writeFileSync(path, rawXlsx([{ name: 'Biểu 1', xml: `<sheetData><row r="1">${inline('A1', 'Đơn vị')}${inline('B1', 'Số hộ')}</row><row r="2">${inline('A2', 'Tæng céng')}${inline('B2', '12')}</row></sheetData>` }]));
    const error = await rejectedError(readSheetGrid(path));
    expect(error.message).toContain('bieu.xlsx: the sheet "Biểu 1", row 2 reads "Tæng céng 12": it looks like Vietnamese typed in the legacy TCVN3');
  });

  it('one block in TCVN3 in a Unicode plan: the rest is checked and the block is an error finding, marked in the copy (before: the whole plan refused)', async () => {
    const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const para = (t: string): string => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    const bytes = zipSync({ 'word/document.xml': new TextEncoder().encode(`<w:document ${NS}><w:body>${para('KẾ HOẠCH giảm nghèo năm 2025')}${para('Tổng số hộ nghèo đầu năm là 100 hộ, trong đó: 40 hộ nghèo dân tộc thiểu số; 50 hộ nghèo khác.')}${para('Tæng sè hé nghÌo toµn tØnh lµ 1.200 hé')}${para('Tổng kinh phí 300 triệu đồng, trong đó: ngân sách trung ương 200 triệu đồng; ngân sách tỉnh 100 triệu đồng.')}</w:body></w:document>`) });
    const model = readDocxDocument(bytes, { source: 'kh.docx' });
    expect(model.blocks.map((b) => b.notRead?.code ?? null)).toEqual([null, null, 'legacy-encoding', null]);
    const report = checkDocument(model);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.severity, f.code, f.location.block, f.location.paragraph])).toEqual([['warning', 'parts-short-of-total', 2, 1], ['error', 'legacy-encoding', 3, 2]]);
    expect(report.findings[1]!.message).toBe('not checked: kh.docx: paragraph 3 reads "Tæng sè hé nghÌo toµn tØnh lµ 1.200 hé": it looks like Vietnamese typed in the legacy TCVN3 (ABC, the .VnTime fonts) encoding, which shows as Vietnamese only in those fonts, so its words cannot be read: convert that text to Unicode (copy it, UniKey › Công cụ chuyển mã (Toolkit): source TCVN3 (ABC), destination Unicode, Chuyển mã clipboard, and paste it back), then check the file again');
    // the other claims are checked as before
    expect(report.claims.map((c) => c.status)).toEqual(['finding', 'consistent']);
    expect([markDocx(bytes, report).marked, markDocx(bytes, report).unplaced]).toEqual([2, 0]);
    const path = join(dir(), 'kh.docx');
    writeFileSync(path, bytes);
    const run = await expectOutcome(['check', path], { code: 1, unchanged: [path] });
    expect(run.out).toMatch(/error {5}block 3 \(paragraph 3\): not checked: \S*kh\.docx: paragraph 3 reads "Tæng sè hé nghÌo/);
    // a table in TCVN3 in a text plan is marked at its first cell
    const text = readTextDocument('Kế hoạch năm 2025\nTổng: 10 hộ, trong đó: 4 hộ nghèo; 6 hộ cận nghèo.\nCó 3 xã đạt chuẩn.\n\n§¬n vÞ\tSè hé\nX· A\t10\nX· B\t5\n', { source: 'kh.txt' });
    const found = checkDocument(text).findings.filter((f) => f.code === 'legacy-encoding');
    expect(found.map((f) => [f.location.block, f.location.line, f.location.row, f.location.column])).toEqual([[4, 5, 1, 1]]);
  });
});

