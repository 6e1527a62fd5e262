/**
 * Workbooks as Excel, LibreOffice, Google Sheets, WPS and generators write them, read by every
 * command that reads a register or a row table: each case was misread, refused or crashed by
 * exceljs's streaming reader, which the library no longer uses for rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/io/readRows.js';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, expectRefused } from './_hostile.js';
import { esc, inline, numberCell, rawXlsx, stylesWithFormat, type RawSheet, type RawXlsxOptions } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-tools-');
const AS_OF = ['--as-of', '2024-01-01'];
const HEAD = ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', 'Thiếu hụt: bảo hiểm y tế', 'Thiếu hụt: nhà tiêu hợp vệ sinh', 'Thiếu hụt: dịch vụ viễn thông'];
const LETTERS = 'ABCDEFGHIJ';

const headRow = (extra: readonly string[] = []): string => `<row r="1">${[...HEAD, ...extra].map((h, i) => inline(`${LETTERS[i]}1`, h)).join('')}</row>`;
/** A poor household (three deprivations), with the given id, income and extra cells as XML. */
const dataRow = (r: number, id: string, income: string, extra = ''): string =>
  `<row r="${r}">${id.startsWith('<c') ? id : inline(`A${r}`, id)}${inline(`B${r}`, '30316')}${inline(`C${r}`, 'nông thôn')}${income}${numberCell(`E${r}`, '4')}${inline(`F${r}`, 'có')}${inline(`G${r}`, 'có')}${inline(`H${r}`, 'có')}${extra}</row>`;
const sheetData = (rows: string, dimension?: string): string => `${dimension !== undefined ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${rows}</sheetData>`;

function write(name: string, sheets: readonly RawSheet[], options?: RawXlsxOptions): string {
  const path = join(dir(), name);
  writeFileSync(path, rawXlsx(sheets, options));
  return path;
}

/** The rows of classify's CSV output (header dropped). */
async function classified(path: string, extra: readonly string[] = []): Promise<string[]> {
  const run = await expectOutcome(['classify', path, ...AS_OF, ...extra], { code: 0, unchanged: [path] });
  return run.out.trim().split('\r\n').slice(1);
}

describe('workbooks other tools write are read exactly', () => {
  it('shared strings written after the sheet (as Excel does), with rich-text runs and phonetic runs, are read as their text', async () => {
    // exceljs's streaming reader dropped the last part after a sheet it saved aside: every text cell read as { sharedString: n }, exit 2
    const strings = [...HEAD.map((h, i) => (i === 3 ? '<si><r><rPr><b/></rPr><t>Thu nhập</t></r><r><t xml:space="preserve">/tháng (đồng)</t></r></si>' : `<si><t>${esc(h)}</t></si>`)), '<si><r><t>H</t></r><r><rPr><i/></rPr><t>1</t></r><rPh sb="0" eb="1"><t>エイチ</t></rPh></si>', '<si><t>30316</t></si>', '<si><r><t xml:space="preserve">nông </t></r><r><t>thôn</t></r></si>', '<si><t>có</t></si>'];
    const s = (ref: string, i: number): string => `<c r="${ref}" t="s"><v>${i}</v></c>`;
    const path = write('excel.xlsx', [{ name: 'DS', xml: sheetData(`<row r="1">${HEAD.map((_, i) => s(`${LETTERS[i]}1`, i)).join('')}</row><row r="2">${s('A2', 8)}${s('B2', 9)}${s('C2', 10)}${numberCell('D2', '5000000')}${numberCell('E2', '4')}${s('F2', 11)}${s('G2', 11)}${s('H2', 11)}</row>`) }], { shared: strings.join('') });
    const [row] = await classified(path);
    expect(row).toMatch(/^H1,30316,nông thôn,4,5\.000\.000,/);
    expect(row).toContain(',poor,');
  });

  it('a shared string the workbook does not have is refused naming the cell', async () => {
    const path = write('sst.xlsx', [{ name: 'DS', xml: sheetData(headRow() + dataRow(2, 'H1', '<c r="D2" t="s"><v>99</v></c>')) }], { shared: '<si><t>x</t></si>' });
    await expectRefused(['classify', path, ...AS_OF], ['sst.xlsx, row 2, column 4', 'cell DS!D2 refers to shared string "99", which the workbook does not have'], [path]);
  });

  it('the first visible sheet is read without --sheet; --sheet finds the last sheet of the zip, in any case', async () => {
    // before: the hidden first sheet was read ("no column Thu nhập"), and --sheet DS said the workbook had only "Hướng dẫn"
    const sheets: RawSheet[] = [
      { name: 'Hướng dẫn', state: 'hidden', xml: sheetData(`<row r="1">${inline('A1', 'Điền vào sheet DS')}</row>`) },
      { name: 'DS', xml: sheetData(headRow() + dataRow(2, 'H1', numberCell('D2', '5000000'))) },
    ];
    const path = write('sheets.xlsx', sheets);
    expect((await classified(path))[0]).toMatch(/^H1,/);
    expect((await classified(path, ['--sheet', 'DS']))[0]).toMatch(/^H1,/);
    expect((await classified(path, ['--sheet', 'ds']))[0]).toMatch(/^H1,/);
    await expectRefused(['classify', path, ...AS_OF, '--sheet', 'Danh sách'], ['sheets.xlsx', 'got "Danh sách"', '"Hướng dẫn", "DS"'], [path]);
  });

  it('sheets are taken in tab order, whatever their parts are called', async () => {
    // the tab order is DS then Cũ, the parts sheet2.xml then data_old.xml: exceljs took zip order and matched only sheetN.xml
    const path = write('order.xlsx', [
      { name: 'DS', part: 'xl/worksheets/sheet2.xml', xml: sheetData(headRow() + dataRow(2, 'H2', numberCell('D2', '5000000'))) },
      { name: 'Cũ', part: 'xl/worksheets/data_old.xml', xml: sheetData(headRow() + dataRow(2, 'OLD', numberCell('D2', '5000000'))) },
    ]);
    expect((await classified(path))[0]).toMatch(/^H2,/);
    expect((await classified(path, ['--sheet', 'Cũ']))[0]).toMatch(/^OLD,/);
  });

  it('an error saved by a formula (#DIV/0!) is refused naming the cell, never read as blank or 0', async () => {
    // before: "got null, expected a finite number" (exceljs read the result as NaN)
    const path = write('div.xlsx', [{ name: 'DS', xml: sheetData(headRow() + dataRow(2, 'H1', '<c r="D2" t="e"><f>A1/0</f><v>#DIV/0!</v></c>')) }]);
    await expectRefused(['classify', path, ...AS_OF], ['div.xlsx, row 2, column 4 (Thu nhập/tháng (đồng))', 'cell DS!D2 holds the error #DIV/0!'], [path]);
    await expectRefused(['summarize', path], ['div.xlsx'], [path]);
  });

  it('a date cell (t="d") where an income is expected is refused, never read as its year', async () => {
    // before: exit 0 with the income 2.024 đồng (exceljs: parseFloat("2024-01-01T00:00:00Z"))
    const path = write('d.xlsx', [{ name: 'DS', xml: sheetData(headRow() + dataRow(2, 'H1', '<c r="D2" t="d"><v>2024-01-01T00:00:00Z</v></c>')) }]);
    await expectRefused(['classify', path, ...AS_OF], ['d.xlsx, row 2, column 4', 'got "2024-01-01", expected an amount written as a number, not a date'], [path]);
  });

  it('an id stored as a number with the format 000000 keeps its leading zeros, as the sheet shows it', async () => {
    // before: 001234 came out as 1234 (a different household code)
    const path = write('zeros.xlsx', [{ name: 'DS', xml: sheetData(headRow() + dataRow(2, numberCell('A2', '1234', 1), numberCell('D2', '5000000'))) }], { styles: stylesWithFormat('000000') });
    expect((await classified(path))[0]).toMatch(/^001234,/);
  });

  it('dates stored as serial numbers are dates, in the 1900 and in the 1904 date system', async () => {
    // before: the recognition date 15/03/2023 was passed through as 45000 (1900) or 43538 (1904)
    const row = (serial: string): string => headRow(['Ngày công nhận']) + dataRow(2, 'H1', numberCell('D2', '5000000'), numberCell('I2', serial, 1));
    const d1900 = write('d1900.xlsx', [{ name: 'DS', xml: sheetData(row('45000')) }], { styles: stylesWithFormat(14) });
    const d1904 = write('d1904.xlsx', [{ name: 'DS', xml: sheetData(row('43538')) }], { styles: stylesWithFormat('dd/mm/yyyy'), workbookPr: '<workbookPr date1904="1"/>' });
    expect((await classified(d1900))[0]).toMatch(/^2023-03-15,H1,/);
    expect((await classified(d1904))[0]).toMatch(/^2023-03-15,H1,/);
    const rows: unknown[] = [];
    for await (const r of readRows(d1900)) rows.push(r.cells[8]);
    expect(rows[1]).toEqual(new Date(Date.UTC(2023, 2, 15)));
  });

  it('Strict OOXML namespaces, prefixed element names, rows and cells without addresses, a huge declared dimension', async () => {
    const strict = write('strict.xlsx', [{ name: 'DS', xml: sheetData(headRow() + dataRow(2, 'H1', numberCell('D2', '5000000'))) }], { strict: true });
    expect((await classified(strict))[0]).toMatch(/^H1,/);
    const cells = (texts: readonly string[]): string => texts.map((t) => (/^\d+$/.test(t) ? `<c><v>${t}</v></c>` : `<c t="inlineStr"><is><t>${esc(t)}</t></is></c>`)).join('');
    // before: "the workbook cannot be read (Cannot read properties of undefined (reading 'length'))"
    const bare = write('bare.xlsx', [{ name: 'DS', xml: `<sheetData><row>${cells(HEAD)}</row><row>${cells(['H1', 'x30316', 'nông thôn', '5000000', '4', 'có', 'có', 'có'])}</row></sheetData>` }]);
    expect((await classified(bare))[0]).toMatch(/^H1,x30316,/);
    const prefixed = write('prefixed.xlsx', [{ name: 'DS', xml: `<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="1">${HEAD.map((h, i) => `<x:c r="${LETTERS[i]}1" t="inlineStr"><x:is><x:t>${esc(h)}</x:t></x:is></x:c>`).join('')}</x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>H1</x:t></x:is></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>30316</x:t></x:is></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>nông thôn</x:t></x:is></x:c><x:c r="D2"><x:v>5000000</x:v></x:c><x:c r="E2"><x:v>4</x:v></x:c><x:c r="F2" t="inlineStr"><x:is><x:t>có</x:t></x:is></x:c><x:c r="G2" t="inlineStr"><x:is><x:t>có</x:t></x:is></x:c><x:c r="H2" t="inlineStr"><x:is><x:t>có</x:t></x:is></x:c></x:row></x:sheetData>` }]);
    expect((await classified(prefixed))[0]).toMatch(/^H1,30316,/);
    const huge = write('huge.xlsx', [{ name: 'DS', xml: sheetData(headRow() + dataRow(2, 'H1', numberCell('D2', '5000000')) + dataRow(3, 'H2', numberCell('D3', '5000000')), 'A1:XFD1048576') }]);
    expect(await classified(huge)).toHaveLength(2);
  });

  it('rows out of order, or one row twice, are refused as a damaged sheet (a row number would be misreported)', async () => {
    const twice = write('twice.xlsx', [{ name: 'DS', xml: sheetData(headRow() + dataRow(2, 'H1', numberCell('D2', '5000000')) + dataRow(2, 'H9', numberCell('D2', '7000000'))) }]);
    await expectRefused(['classify', twice, ...AS_OF], ['twice.xlsx', 'row 2 comes after row 2', 'out of order'], [twice]);
  });

  it('a macro-enabled .xlsm is read as a workbook (its macros never run); writing one is refused', async () => {
    // before: "got ".xlsm", expected a .csv or .xlsx file"
    const d = dir();
    const path = join(d, 'macro.xlsm');
    writeFileSync(path, rawXlsx([{ name: 'DS', xml: sheetData(headRow() + dataRow(2, 'H1', numberCell('D2', '5000000'))) }]));
    expect((await classified(path))[0]).toMatch(/^H1,/);
    await expectRefused(['classify', path, ...AS_OF, '--out', join(d, 'out.xlsm')], ['out.xlsm', 'write .xlsx'], [path]);
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});

describe('workbooks read whole (reconcile, check) as other tools write them', () => {
  it('a date cell (t="d") in a printed table is its date, never the figure of its year', async () => {
    // before: the grid held "2024" (exceljs: parseFloat), a figure the table never printed
    const path = write('bang.xlsx', [{ name: 'Biểu 1', xml: sheetData(`<row r="1">${inline('A1', 'Đơn vị')}${inline('B1', 'Ngày')}${inline('C1', 'Số hộ')}</row><row r="2">${inline('A2', 'Xã A')}<c r="B2" t="d"><v>2024-10-15</v></c>${numberCell('C2', '120')}</row>`) }]);
    const { grid } = await readSheetGrid(path);
    expect(grid[1]).toEqual(['Xã A', '2024-10-15', '120']);
  });

  it('without a sheet named, the first visible sheet is the table', async () => {
    const path = write('an.xlsx', [
      { name: 'Ghi chú', state: 'hidden', xml: sheetData(`<row r="1">${inline('A1', 'ghi chú')}</row>`) },
      { name: 'Biểu 1', xml: sheetData(`<row r="1">${inline('A1', 'Đơn vị')}${inline('B1', 'Số hộ')}</row>`) },
    ]);
    expect((await readSheetGrid(path)).sheet).toBe('Biểu 1');
  });
});
