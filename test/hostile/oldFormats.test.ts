/**
 * Files in the formats communes still keep (Excel 97–2003 .xls, Word 97–2003 .doc), password-
 * protected Office files (an OLE container, not a zip), workbooks renamed, and CSV files saved in
 * a Windows code page: each read when it can be, else refused saying what the file is and how to
 * save it, never as "not UTF-8 near byte 0" or "UTF-16 without its byte-order mark".
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessLegacyEncoding } from '../../src/io/_encoding.js';
import { fixturePath } from '../_helpers/fixtures.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, expectRefused, GOOD_REGISTER, windows1258, writeText, zip } from './_hostile.js';
import { inline, numberCell, rawXlsx } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-old-');
const AS_OF = ['--as-of', '2024-01-01'];

/**
 * An OLE compound file (MS-CFB) whose directory holds `streams`: the 512-byte header, then one
 * directory sector of 128-byte entries (the root, then each stream), as Office writes them.
 */
function compoundFile(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt32LE(0, 48);
  const entries = ['Root Entry', ...streams].map((name, i) => {
    const e = Buffer.alloc(128);
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(e, 0);
    e.writeUInt16LE(n.length, 64);
    e[66] = i === 0 ? 5 : 2;
    e.writeUInt32LE(0xffffffff, 68);
    e.writeUInt32LE(0xffffffff, 72);
    e.writeUInt32LE(0xffffffff, 76);
    return e;
  });
  const sector = Buffer.alloc(512);
  Buffer.concat(entries).copy(sector);
  return Buffer.concat([header, sector, Buffer.alloc(1024, 0x11)]);
}
/** What Office writes for an .xlsx or .docx saved with a password (MS-OFFCRYPTO 2.3.4.1). */
const ENCRYPTED = compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']);
const OLD_DOC = compoundFile(['WordDocument', '1Table', '\u0005SummaryInformation']);
/** A register saved by LibreOffice Calc as "Excel 97–2003 (.xls)". */
const OLD_XLS = readFileSync(fixturePath('files/libreoffice-register.xls'));

const HEAD = ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', 'Thiếu hụt: bảo hiểm y tế', 'Thiếu hụt: nhà tiêu hợp vệ sinh', 'Thiếu hụt: dịch vụ viễn thông'];
const REGISTER = rawXlsx([
  {
    name: 'DS',
    xml: `<sheetData><row r="1">${HEAD.map((h, i) => inline(`${'ABCDEFGH'[i]}1`, h)).join('')}</row><row r="2">${inline('A2', 'H1')}${inline('B2', '30316')}${inline('C2', 'nông thôn')}${numberCell('D2', '1450000')}${numberCell('E2', '4')}${inline('F2', 'có')}${inline('G2', 'có')}${inline('H2', 'có')}</row></sheetData>`,
  },
]);

describe('Office 97–2003 and password-protected files are refused saying what they are', () => {
  it('an .xls workbook, under its own name or renamed .xlsx, for every command that reads a table', async () => {
    const d = dir();
    const xls = join(d, 'ho-ngheo.xls');
    const renamed = join(d, 'ho-ngheo.xlsx');
    copyFileSync(fixturePath('files/libreoffice-register.xls'), xls);
    copyFileSync(fixturePath('files/libreoffice-register.xls'), renamed);
    // before: classify "got ".xls", expected a .csv or .xlsx file"; the renamed one "an Excel 97–2003 (.xls) workbook or a password-protected one"
    for (const path of [xls, renamed]) {
      for (const argv of [['classify', path, ...AS_OF], ['summarize', path]]) {
        const run = await expectRefused(argv, ['ho-ngheo.xls', 'an Excel 97–2003 (.xls) workbook', 'save it as .xlsx'], [path]);
        expect(run.err).not.toContain('password');
      }
    }
    await expectRefused(['check', renamed], ['an Excel 97–2003 (.xls) workbook', 'save it as .xlsx'], [renamed]);
    await expectRefused(['reconcile', renamed, '--layout', 'commune-targets'], ['an Excel 97–2003 (.xls) workbook'], [renamed]);
  });

  it('an .xlsx or .docx saved with a password is refused as password-protected, not as an old file', async () => {
    const d = dir();
    const xlsx = writeText(d, 'mat-khau.xlsx', ENCRYPTED);
    const docx = writeText(d, 'mat-khau.docx', ENCRYPTED);
    for (const argv of [['classify', xlsx, ...AS_OF], ['check', xlsx], ['check', docx]]) {
      const run = await expectRefused(argv, ['mat-khau', 'password-protected (encrypted)', 'remove the password'], [argv[1]!]);
      expect(run.err).not.toContain('97–2003');
    }
  });

  it('a Word 97–2003 file under a .docx or .xlsx name says it is a .doc', async () => {
    const d = dir();
    const docx = writeText(d, 'ke-hoach.docx', OLD_DOC);
    const xlsx = writeText(d, 'bieu.xlsx', OLD_DOC);
    await expectRefused(['check', docx], ['ke-hoach.docx', 'a Word 97–2003 (.doc) document', 'save it as .docx'], [docx]);
    await expectRefused(['classify', xlsx, ...AS_OF], ['bieu.xlsx', 'a Word 97–2003 (.doc) document'], [xlsx]);
  });

  it('an .xlsx renamed .xls is read as the workbook it is; an HTML table saved as .xls is refused as a web page', async () => {
    const d = dir();
    const real = writeText(d, 'dung.xlsx', REGISTER);
    const renamed = writeText(d, 'doi-ten.xls', REGISTER);
    const html = writeText(d, 'web.xls', '<html><head><meta charset="utf-8"></head><body><table><tr><td>Mã hộ</td><td>Thu nhập</td></tr><tr><td>H1</td><td>1450000</td></tr></table></body></html>');
    const expected = (await expectOutcome(['classify', real, ...AS_OF], { code: 0 })).out;
    expect(expected).toMatch(/H1,30316,/);
    expect((await expectOutcome(['classify', renamed, ...AS_OF], { code: 0, unchanged: [renamed] })).out).toBe(expected);
    await expectRefused(['classify', html, ...AS_OF], ['web.xls', 'a web page (HTML)', 'save it as .xlsx'], [html]);
  });

  it('Office’s single-file XML saves (Excel 2003 XML Spreadsheet, Word 2003 XML, a flat XML package) and an .xlsb are refused saying what they are (before: "an old Excel 97–2003 (.xls) workbook", "a CSV file with an .xlsx name? rename it .csv", "a text file with a .docx name? rename it .txt")', async () => {
    const d = dir();
    const spreadsheet = `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="DS"><Table><Row><Cell><Data ss:Type="String">Mã hộ</Data></Cell></Row></Table></Worksheet></Workbook>`;
    // a generator that leaves out the processing instruction: told by the root's namespace
    const bare = `<?xml version="1.0" encoding="UTF-8"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>`;
    const word = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r><w:t>Tổng 10 hộ</w:t></w:r></w:p></w:body></w:wordDocument>`;
    const flat = `<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"/></pkg:package>`;
    const xlsb = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.bin', data: Buffer.from([0x83, 1, 0]) }, { name: 'xl/worksheets/sheet1.bin', data: Buffer.from([0x81, 1, 0]) }]);
    const xls = writeText(d, 'cong-thong-tin.xls', spreadsheet);
    const excel2003 = 'an Excel 2003 XML Spreadsheet (XML text, as portals and older programs export tables), not an .xlsx workbook: open it in Excel (or LibreOffice) and save it as .xlsx';
    await expectRefused(['classify', xls, ...AS_OF], ['cong-thong-tin.xls: ', excel2003], [xls]);
    await expectRefused(['check', xls], [excel2003], [xls]);
    for (const [name, bytes] of [['bang.xml', spreadsheet], ['bang.xlsx', bare]] as const) {
      const path = writeText(d, name, bytes);
      await expectRefused(['check', path], [`${name}: ${excel2003}`], [path]);
    }
    for (const [name, bytes, why] of [
      ['ke-hoach.doc', word, 'a Word 2003 XML document (XML text), not a .docx document: open it in Word (or LibreOffice) and save it as .docx'],
      ['ke-hoach.xml', word, 'a Word 2003 XML document'],
      ['ke-hoach.docx', flat, 'a Word or Excel "XML Document" save (one XML file holding the whole package), not a .docx document: open it in Word (or LibreOffice) and save it as .docx'],
      ['bang.xlsb', xlsb, 'an Excel Binary Workbook (.xlsb), not an .xlsx workbook: open it in Excel and save it as .xlsx'],
    ] as const) {
      const path = writeText(d, name, bytes);
      await expectRefused(['check', path], [`${name}: ${why}`], [path]);
    }
    await expectRefused(['classify', writeText(d, 'ho.xlsx', xlsb), ...AS_OF], ['ho.xlsx: an Excel Binary Workbook (.xlsb)'], []);
    // the twin: a text file that is none of these keeps its message
    await expectRefused(['check', writeText(d, 'ghi-chu.docx', '<ghi-chu>Tổng 10 hộ</ghi-chu>')], ['text, not a .docx document'], []);
  });

  it('an office file under a .csv name is named as such, not as bad UTF-8 or UTF-16', async () => {
    const d = dir();
    const xls = writeText(d, 'a.csv', OLD_XLS);
    const zip = writeText(d, 'b.csv', REGISTER);
    // before: "holds a NUL byte (0x00) at byte 8 (it looks like UTF-16 text…)", "is not UTF-8 text near byte 10"
    await expectRefused(['classify', xls, ...AS_OF], ['a.csv is an Office 97–2003 file', 'CSV UTF-8'], [xls]);
    await expectRefused(['classify', zip, ...AS_OF], ['b.csv is a zip archive (an .xlsx workbook', '.xlsx'], [zip]);
    await expectRefused(['summarize', zip], ['b.csv is a zip archive'], [zip]);
  });
});

/** Text as Excel's plain "CSV" writes it on a Windows set to a Western language: Latin-1 letters kept, the others as "?". */
const windows1252 = (text: string): Buffer => Buffer.from([...text.normalize('NFC')].map((ch) => (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));

describe('a CSV in a Windows code page names the code page', () => {
  const text = GOOD_REGISTER.map((r) => r.join(',')).join('\r\n') + '\r\nH9,30316,thành thị,Nguyễn Thị Hòa,Thôn Đồng Tâm\r\n';
  it('Windows-1252 (Western) is named, saying the letters it could not hold are lost; Windows-1258 keeps its name', async () => {
    expect(guessLegacyEncoding(windows1252(text))).toBe('Windows-1252');
    expect(guessLegacyEncoding(windows1252('Mã hộ,Thôn,Ghi chú\r\nH1,Thôn Tân Hòa,đã rà soát\r\n'))).toBe('Windows-1252');
    expect(guessLegacyEncoding(windows1258(text))).toBe('Windows-1258');
    const d = dir();
    const cp1252 = writeText(d, 'w1252.csv', windows1252(text));
    // before: "(it looks like TCVN3, the old ABC / .VnTime encoding: convert it to Unicode first, e.g. with UniKey's converter)"
    const run = await expectRefused(['classify', cp1252, ...AS_OF], ['w1252.csv is not UTF-8 text', 'Windows-1252', 'saved as "?"', 'CSV UTF-8'], [cp1252]);
    expect(run.err).not.toContain('TCVN3');
  });
});
