import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
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
      ['2', '16.195', '1,07%'],
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
