import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/io/csv.js';
import { readFixture } from '../_helpers/fixtures.js';

/** Seed 001's commune table (lines 116–137) as transcribed, role column included. */
export const SEED001_ROWS = parseCsv(readFixture('seed001-communes.csv'));

const GROUPS = ['HN đầu năm 2024', 'Thoát hộ nghèo', 'HN còn lại', 'HCN đầu năm 2024', 'Thoát cận nghèo', 'HCN còn lại'];

/**
 * Writes seed 001's table as the plan prints it: no role column; header rows with merged cells
 * (two rows: “HN đầu năm 2024” over “Hộ | Tỷ lệ (%)”, or all four of the plan with its row of
 * column numbers), counts and rates as numbers with number formats.
 */
export async function writeSeed001Sheet(path: string, options: { readonly full?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phân bổ chỉ tiêu');
  let r = 1;
  ws.getCell(r++, 1).value = 'c/ Phân bổ chỉ tiêu cụ thể:';
  const top = r;
  if (options.full === true) {
    ws.getRow(r).values = ['STT', 'Xã, phường', 'Hộ dân cuối năm (2023)', 'Kế hoạch giảm hộ nghèo, hộ cận nghèo năm 2024'];
    ws.mergeCells(r, 4, r, 15);
    r++;
    ws.getCell(r, 4).value = 'Hộ nghèo';
    ws.getCell(r, 10).value = 'Hộ cận nghèo';
    ws.mergeCells(r, 4, r, 9);
    ws.mergeCells(r, 10, r, 15);
    r++;
  } else {
    ws.getRow(r).values = ['STT', 'Xã, phường', 'Hộ dân cuối năm (2023)'];
  }
  GROUPS.forEach((g, i) => {
    ws.getCell(r, 4 + 2 * i).value = g;
    ws.mergeCells(r, 4 + 2 * i, r, 5 + 2 * i);
  });
  r++;
  GROUPS.forEach((_, i) => {
    ws.getCell(r, 4 + 2 * i).value = 'Hộ';
    ws.getCell(r, 5 + 2 * i).value = 'Tỷ lệ (%)';
  });
  for (const c of [1, 2, 3]) ws.mergeCells(top, c, r, c);
  r++;
  if (options.full === true) {
    ws.getRow(r).values = ['A', 'B', 'I', '2', '3', '4', '6', '7', '8', '9', '10', '11', '11', '12', '13'];
    r++;
  }
  for (const row of SEED001_ROWS.slice(1)) {
    const [stt = '', unit = '', , ...figures] = row;
    const excel = ws.getRow(r++);
    excel.getCell(1).value = stt;
    excel.getCell(2).value = unit;
    figures.forEach((f, i) => {
      const cell = excel.getCell(3 + i);
      const isRate = i > 0 && i % 2 === 0;
      cell.value = Number(f.replace(/\./g, '').replace(',', '.'));
      cell.numFmt = isRate ? '0.00' : '#,##0';
    });
  }
  await wb.xlsx.writeFile(path);
}
