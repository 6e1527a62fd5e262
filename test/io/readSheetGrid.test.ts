import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readSheetGrid, xlsxNumberText } from '../../src/io/readSheetGrid.js';
import { xlsxCellText } from '../../src/io/readXlsxDocument.js';
import { parseVnNumber } from '../../src/numbers/parseVnNumber.js';
import { excelNumber } from '../../src/io/_xlsxSheet.js';
import { rejectedError } from '../_helpers/errors.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const tempDir = tempDirs('vnp-grid-');

async function sheet(build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const path = join(tempDir(), 't.xlsx');
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Biểu 1'));
  wb.addWorksheet('Ghi chú').getCell('A1').value = 'x';
  await wb.xlsx.writeFile(path);
  return path;
}

describe('readSheetGrid', () => {
  it('copies a merged cell into every cell it covers, pads short rows, and writes numbers as their format shows them', async () => {
    const path = await sheet((ws) => {
      ws.getCell('A1').value = 'STT';
      ws.mergeCells('A1:A2');
      ws.getCell('B1').value = 'HN đầu năm 2024';
      ws.mergeCells('B1:C1');
      ws.getCell('B2').value = 'Hộ';
      ws.getCell('C2').value = 'Tỷ lệ (%)';
      ws.getRow(3).values = ['1', 16194, 0.7];
      ws.getCell('B3').numFmt = '#,##0';
      ws.getCell('C3').numFmt = '0.00';
      ws.getCell('A4').value = '2';
      ws.getCell('B4').value = { formula: 'B3+1', result: 16195 };
      ws.getCell('C4').value = 0.0107;
      ws.getCell('C4').numFmt = '0.00%';
    });
    const r = await readSheetGrid(path);
    expect(r.sheet).toBe('Biểu 1');
    expect(r.sheets).toEqual(['Biểu 1', 'Ghi chú']);
    expect(r.grid).toEqual([
      ['STT', 'HN đầu năm 2024', 'HN đầu năm 2024'],
      ['STT', 'Hộ', 'Tỷ lệ (%)'],
      ['1', '16.194', '0,70'],
      ['2', '16195', '1,07%'],
    ]);
    expect(r.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 0, right: 2 }]));
    expect((await readSheetGrid(path, { numberFormat: 'en' })).grid[2]).toEqual(['1', '16,194', '0.70']);
  });

  it('picks a sheet by name or position, and names the sheets there are when one is missing', async () => {
    const path = await sheet((ws) => (ws.getCell('A1').value = 'a'));
    expect((await readSheetGrid(path, { sheet: 2 })).grid).toEqual([['x']]);
    expect((await readSheetGrid(path, { sheet: 'Ghi chú' })).sheet).toBe('Ghi chú');
    const e = await rejectedError(readSheetGrid(path, { sheet: 'Biểu 9' }));
    expect(e.issues[0]).toMatchObject({ code: 'missing-sheet' });
    expect(e.issues[0].expected).toBe('one of the sheets "Biểu 1", "Ghi chú"');
  });
});

describe('xlsxNumberText', () => {
  it('writes a figure as Excel shows it: thousands grouped only under a grouping format, its decimals, a percent × 100', () => {
    expect(xlsxNumberText(2368, undefined, 'vi')).toBe('2368');
    expect(xlsxNumberText(2368, 'General', 'en')).toBe('2368');
    expect(xlsxNumberText(2368, '0', 'vi')).toBe('2368');
    expect(xlsxNumberText(2024, undefined, 'vi')).toBe('2024');
    expect(xlsxNumberText(2368, '#,##0', 'vi')).toBe('2.368');
    expect(xlsxNumberText(2368, '#,##0', 'en')).toBe('2,368');
    expect(xlsxNumberText(1234567890123456, '#,##0', 'vi')).toBe('1.234.567.890.123.456');
    expect(xlsxNumberText(-1540000.5, '#,##0.0', 'vi')).toBe('-1.540.000,5');
    expect(xlsxNumberText(0.0070, '0.00%', 'vi')).toBe('0,70%');
    expect(xlsxNumberText(0.125, '0.0%;[Red]-0.0%', 'vi')).toBe('12,5%');
    expect(xlsxNumberText(12, '0" hộ"', 'vi')).toBe('12');
    expect(xlsxNumberText(12, '"Tỷ lệ %" 0', 'vi')).toBe('12');
    expect(xlsxNumberText(2.2572402044293, undefined, 'vi')).toBe('2,2572402044293');
  });

  it('is the formatter of readXlsxDocument too (xlsxCellText)', () => {
    for (const [v, f] of [[2368, undefined], [0.007, '0.00%'], [16194.25, '#,##0.0'], [1e-7, undefined]] as const) expect(xlsxCellText(v, f)).toBe(xlsxNumberText(v, f, 'vi'));
  });

  describe('properties', () => {
    it('parse then format gives the value back: a General cell read as printed is the same figure', () => {
      fc.assert(
        fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
          // a number as the sheet reader gives it (Excel's 15 significant digits of a fraction)
          const value = excelNumber(units / 10 ** scale);
          expect(parseVnNumber(xlsxNumberText(value, undefined, 'vi')).value.equals(String(value))).toBe(true);
          expect(parseVnNumber(xlsxNumberText(value, '#,##0.000000', 'vi')).value.equals(String(value))).toBe(true);
        }),
      );
    });
  });
});
