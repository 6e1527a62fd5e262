/**
 * Number formats that change what a figure means: a format that shows thousands or millions
 * (`#,##0,`, `#,##0.0,,`), a percentage, a figure Excel turned into a date. Read as the sheet
 * shows it in a printed table, and in a register either read as the whole figure (when the
 * header's unit is the one the sheet shows) or refused naming the cell: never a figure a
 * thousand times too large.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSheetGrid, xlsxNumberText } from '../../src/io/readSheetGrid.js';
import { readHouseholdRegister } from '../../src/io/readHouseholdRegister.js';
import { numberFormatShape } from '../../src/io/_numberFormat.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { bin, expectRefused, flagCells, registerHeader } from './_hostile.js';
import { inline, numberCell, rawXlsx, stylesWithFormat } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-formats-');

describe('number formats that scale the figure shown', () => {
  it('numberFormatShape reads the commas after the last digit as thousands, not as grouping', () => {
    expect(['#,##0', '#,##0,', '#,##0.0,,', '0,', '#,##0,"K"', '0.0,,\\ "tr"', '#,##0.00;(#,##0.00)', '0.0%', '"Tổng, cộng" 0'].map((f) => [f, numberFormatShape(f).thousandsScale, numberFormatShape(f).grouped])).toEqual([
      ['#,##0', 0, true], ['#,##0,', 1, true], ['#,##0.0,,', 2, true], ['0,', 1, false], ['#,##0,"K"', 1, true], ['0.0,,\\ "tr"', 2, false], ['#,##0.00;(#,##0.00)', 0, true], ['0.0%', 0, false], ['"Tổng, cộng" 0', 0, false],
    ]);
    // before: 1250000 under #,##0, was printed 1.250.000, a thousand times what the sheet shows
    expect(xlsxNumberText(1250000, '#,##0,', 'vi')).toBe('1.250');
    expect(xlsxNumberText(1234567890, '#,##0.0,,', 'vi')).toBe('1.234,6');
    expect(xlsxNumberText(1500, '0,', 'en')).toBe('2');
    expect(xlsxNumberText(0.125, '0.0%', 'vi')).toBe('12,5%');
    // a fraction or a scientific format: every digit, never rounded to its (absent) decimals (before: 0,5 under # ?/? read as 1)
    expect(xlsxNumberText(0.5, '# ?/?', 'vi')).toBe('0,5');
    expect(xlsxNumberText(2.25, '# ??/??', 'vi')).toBe('2,25');
    expect(xlsxNumberText(1234567, '0.00E+00', 'vi')).toBe('1234567');
  });

  it('a printed table in nghìn đồng whose cells hold đồng under #,##0, is read as shown, and the note says so (before: 1.200.000 beside a header in nghìn đồng)', async () => {
    const rows = [['Đơn vị', 'Kinh phí (nghìn đồng)'], ['Xã A', 1200000], ['Xã B', 800000], ['Tổng cộng', 2000000]] as const;
    const xml = `<sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => (typeof v === 'number' ? numberCell(`${'AB'[c]}${i + 1}`, String(v), 1) : inline(`${'AB'[c]}${i + 1}`, v))).join('')}</row>`).join('')}</sheetData>`;
    const path = join(dir(), 'kinh-phi.xlsx');
    writeFileSync(path, rawXlsx([{ name: 'Biểu 1', xml }], { styles: stylesWithFormat('#,##0,') }));
    const grid = await readSheetGrid(path);
    expect(grid.grid.map((r) => r[1])).toEqual(['Kinh phí (nghìn đồng)', '1.200', '800', '2.000']);
    expect(grid.notes).toEqual(['kinh-phi.xlsx: the sheet "Biểu 1": 3 cells B2 (1.200 for 1200000, number format #,##0,), B3 (800 for 800000, number format #,##0,), B4 (2.000 for 2000000, number format #,##0,) show their figures divided by 1000 for each comma at the end of the number format (thousands, millions) and are read as shown: check that the header\'s unit (nghìn đồng, triệu đồng) says so']);
    const run = await bin(['check', path]);
    expect(run.err).toContain('show their figures divided by 1000');
  });

  it('a figure Excel turned into a date in a printed table is named in the notes', async () => {
    const xml = `<sheetData><row r="1">${inline('A1', 'Đơn vị')}${inline('B1', 'Số hộ')}</row><row r="2">${inline('A2', 'Xã A')}${numberCell('B2', '45355', 1)}</row></sheetData>`;
    const path = join(dir(), 'ngay.xlsx');
    writeFileSync(path, rawXlsx([{ name: 'Biểu 1', xml }], { styles: stylesWithFormat(14) }));
    const grid = await readSheetGrid(path);
    expect(grid.grid[1]).toEqual(['Xã A', '2024-03-04']);
    expect(grid.notes).toEqual(['ngay.xlsx: the sheet "Biểu 1": cell B2 (2024-03-04) holds a date, read as a date, not a figure: if a figure was typed there (Excel turns 3/5 or 1.200 into a date), correct the cell (format it as Text or Number and type the figure again)']);
  });
});

describe('registers whose incomes are shown in thousands', () => {
  const register = async (name: string, header: string, fmt: string, income: number | string = 6000000): Promise<string> => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(registerHeader(header));
    ws.addRow(['H1', '30316', 'nông thôn', income, '40;38;10;7', ...flagCells(['health-insurance'])]).getCell(4).numFmt = fmt;
    const path = join(dir(), name);
    await wb.xlsx.writeFile(path);
    return path;
  };

  it('a header in nghìn đồng over cells holding đồng shown as thousands (#,##0,) reads the đồng held: 6.000.000, near-poor (before: 6 billion đồng, not poor)', async () => {
    const path = await register('nghin.xlsx', 'Thu nhập/tháng (nghìn đồng)', '#,##0,');
    const incomes: bigint[] = [];
    for await (const h of readHouseholdRegister(path)) incomes.push(BigInt(h.household.monthlyIncome));
    expect(incomes).toEqual([6_000_000n]);
    const run = await bin(['classify', path, '--as-of', '2024-01-01']);
    expect([run.code, run.err]).toEqual([0, expect.stringContaining('near-poor 1')]);
    // triệu đồng over #,##0.0,, the same
    const millions = await register('trieu.xlsx', 'Thu nhập/tháng (triệu đồng)', '#,##0.0,,');
    for await (const h of readHouseholdRegister(millions)) expect(h.household.monthlyIncome).toBe(6_000_000n);
  });

  it('an income under a percentage format (6000000 typed into a 0% cell: 60000 held, 6000000% shown) is refused naming the cell and both readings (before: read as 60.000 đồng, a hundredth of what was typed); the same income under #,##0 is read', async () => {
    const path = await register('phan-tram.xlsx', 'Thu nhập/tháng (đồng)', '0%', 60000);
    await expectRefused(['classify', path, '--as-of', '2024-01-01'], ['phan-tram.xlsx', 'row 2', 'column 4', 'holds 60000 but the sheet shows it as 6000000% (the number format 0% is a percentage'], [path]);
    const twin = await register('nhom.xlsx', 'Thu nhập/tháng (đồng)', '#,##0', 6000000);
    for await (const h of readHouseholdRegister(twin)) expect(h.household.monthlyIncome).toBe(6_000_000n);
  });

  it('an income its number format hides (;;;) is read and named on stderr (before: read silently); the same income under #,##0 says nothing', async () => {
    const path = await register('an.xlsx', 'Thu nhập/tháng (đồng)', ';;;', 6000000);
    const run = await bin(['classify', path, '--as-of', '2024-01-01']);
    expect([run.code, run.err]).toEqual([0, expect.stringContaining('an.xlsx: the sheet "DS": cell D2 holds a figure its number format does not show (hidden on screen and on paper) and is read as the figure it holds')]);
    expect(run.err).toContain('near-poor 1');
    const twin = await bin(['classify', await register('hien.xlsx', 'Thu nhập/tháng (đồng)', '#,##0', 6000000), '--as-of', '2024-01-01']);
    expect([twin.code, twin.err]).toEqual([0, expect.not.stringContaining('does not show')]);
  });

  it('a header in đồng over cells shown as thousands is refused naming the cell, the format and both readings', async () => {
    const path = await register('dong.xlsx', 'Thu nhập/tháng (đồng)', '#,##0,');
    await expectRefused(['classify', path, '--as-of', '2024-01-01'], ['dong.xlsx', 'row 2', 'holds 6000000 but the sheet shows it as 6000 (the number format #,##0, divides the figure by 1000 for display), while the column\'s unit is đồng'], [path]);
  });
});

describe('number formats with no digit placeholder', () => {
  it('numberFormatShape: Text (@) and General with text around it show every digit; an empty or text-only section shows no figure', () => {
    expect(['@', 'General" hộ"', '"Tổng: "General', ';;;', '"-"', '0.00', 'General'].map((f) => [f, numberFormatShape(f).decimals, numberFormatShape(f).showsFigure])).toEqual([
      ['@', null, true], ['General" hộ"', null, true], ['"Tổng: "General', null, true], [';;;', null, false], ['"-"', null, false], ['0.00', 2, true], ['General', null, true],
    ]);
    // before: rounded to no decimals, as if the format were `0`: 15,43 was read 15
    expect(['@', 'General" hộ"', '"Tỷ lệ: "General', ';;;'].map((f) => xlsxNumberText(15.43, f, 'vi'))).toEqual(['15,43', '15,43', '15,43', '15,43']);
    expect(xlsxNumberText(2368, '@', 'vi')).toBe('2368');
  });

  // 120 ÷ 2.368 = 5,07 %; 60 ÷ 1.500 = 4 %; 180 ÷ 3.868 = 4,65 %
  const plan = (rate: string, fmt: string, hidden = ''): Buffer => {
    const rows: (readonly [string, ...(string | readonly [string, number])[]])[] = [
      ['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'],
      ['1', 'Xã An Phú', '2368', '120', [rate, 1]],
      ['2', 'Xã Bình Minh', '1500', '60', ['4', 1]],
      ['', 'Tổng cộng', '3868', hidden === '' ? '180' : ['180', 2], ['4.65', 1]],
    ];
    const cell = (ref: string, v: string | readonly [string, number]): string => (typeof v !== 'string' ? numberCell(ref, v[0], v[1]) : /^\d+$/.test(v) ? numberCell(ref, v) : v === '' ? '' : inline(ref, v));
    const xml = `<sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(`${'ABCDE'[c]}${i + 1}`, v)).join('')}</row>`).join('')}</sheetData>`;
    const codes = [fmt, hidden === '' ? '0' : hidden];
    const styles = `<numFmts count="2">${codes.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${c.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`).join('')}</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs>`;
    return rawXlsx([{ name: 'Biểu 1', xml }], { styles });
  };
  const findings = async (bytes: Buffer): Promise<string[]> => checkDocument(await readXlsxDocument(bytes, { source: 'kh.xlsx' })).findings.map((f) => `${f.printed ?? ''}→${f.expected ?? ''}`);

  it.each(['@', 'General" %"'])('a rate cell formatted %s is read with its decimals: a misprinted 5,4 is found (before: read 5, which 5,07 rounds to, and missed), the correct 5,07 gives no finding', async (fmt) => {
    const rates = async (bytes: Buffer): Promise<string[]> => {
      const t = (await readXlsxDocument(bytes, { source: 'kh.xlsx' })).blocks[0]!;
      return t.kind === 'table' ? t.rows.map((r) => r[4]!.text) : [];
    };
    expect(await rates(plan('5.4', fmt))).toEqual(['Tỷ lệ hộ nghèo (%)', '5,4', '4', '4,65']);
    expect(await findings(plan('5.4', fmt))).toEqual([expect.stringMatching(/^5,4→5,1/)]);
    expect(await findings(plan('5.07', fmt))).toEqual([]);
  });

  it('a figure its number format hides (;;;) is read, and the notes say so; the same table without it says nothing', async () => {
    const doc = await readXlsxDocument(plan('5.07', '0.00', ';;;'), { source: 'kh.xlsx' });
    expect(doc.notes).toEqual(['kh.xlsx: the sheet "Biểu 1": cell D4 (180, number format ;;;) holds a figure its number format does not show (hidden on screen and on paper) and is read as the figure it holds, as every cell is: if it was hidden to leave it out, clear the cell instead']);
    expect(checkDocument(doc).findings).toEqual([]);
    expect((await readXlsxDocument(plan('5.07', '0.00'), { source: 'kh.xlsx' })).notes).toBeUndefined();
  });
});
