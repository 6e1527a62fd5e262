import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT_OK } from '../../src/cli/cliSupport.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { reconcileFileIn } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

// A province's table by district whose district rows and commune rows are told apart only by how the names are
// printed — the communes indented (Excel's indent, or spaces before the name) or the districts in bold — with no
// “Huyện”/“Xã” and no dash: each district the sum of its communes, the total that of the districts, never of every row.

const tempDir = tempDirs('vnp-set-off-communes-');
const brief = (f: CheckFinding): string => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`;

type Look = 'excel-indent' | 'spaces' | 'bold';
/** District rows (true) and commune rows, with Phú Đình's poor households as given. */
const rows = (poorPhuDinh: number): [boolean, string, number, number, string][] => [
  [true, 'Định Hóa', 3_410, 143, '4,19'],
  [false, 'Bình Thành', 1_110, 48, '4,32'],
  [false, 'Phú Đình', 1_320, poorPhuDinh, '4,55'],
  [false, 'Trung Hội', 980, 35, '3,57'],
  [true, 'Võ Nhai', 3_080, 163, '5,29'],
  [false, 'La Hiên', 1_450, 72, '4,97'],
  [false, 'Tràng Xá', 1_630, 91, '5,58'],
  [true, 'Đồng Hỷ', 4_805, 159, '3,31'],
  [false, 'Hóa Thượng', 2_210, 40, '1,81'],
  [false, 'Minh Lập', 1_190, 53, '4,45'],
  [false, 'Văn Hán', 1_405, 66, '4,70'],
];

async function sheet(look: Look, poorPhuDinh: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 3');
  ws.addRow(['Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)']);
  const total = ws.addRow(['Toàn tỉnh', 11_295, 465, '4,12']);
  if (look === 'bold') total.getCell(1).font = { bold: true };
  for (const [district, name, hh, poor, rate] of rows(poorPhuDinh)) {
    const row = ws.addRow([look === 'spaces' && !district ? `    ${name}` : name, hh, poor, rate]);
    if (look === 'excel-indent' && !district) row.getCell(1).alignment = { indent: 2 };
    if (look === 'bold' && district) row.getCell(1).font = { bold: true };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const findings = async (bytes: Uint8Array): Promise<string[]> => checkDocument(await readXlsxDocument(bytes)).findings.map(brief);

describe('districts and communes told apart only by indentation or bold district names', () => {
  it.each<[Look]>([['excel-indent'], ['spaces'], ['bold']])('%s: Phú Đình’s 69 for 60 found at its count; the twin gives no finding', async (look) => {
    expect(await findings(await sheet(look, 60))).toEqual([]);
    expect(await findings(await sheet(look, 69))).toEqual(['sum-mismatch @5:3 69']);
  });

  it.each<[Look]>([['excel-indent'], ['spaces'], ['bold']])('%s: `reconcile` says each district is the sum of its communes', async (look) => {
    const run = await reconcileFileIn(tempDir(), `${look}.xlsx`, await sheet(look, 69));
    expect(run.out).toContain('Định Hóa = sum of 3 rows');
    expect(run.out).toContain('Phú Đình · Số hộ nghèo: printed 69, expected 60');
    expect((await reconcileFileIn(tempDir(), `${look}-ok.xlsx`, await sheet(look, 60))).code).toBe(EXIT_OK);
  });

  it('one name with a stray space before it is no structure: a flat list still adds up to its total', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu');
    ws.addRow(['Đơn vị', 'Tổng số hộ', 'Số hộ nghèo']);
    ws.addRow(['Bình Thành', 1_110, 48]);
    ws.addRow([' Phú Đình', 1_320, 60]);
    ws.addRow(['Trung Hội', 980, 35]);
    ws.addRow(['Tổng cộng', 3_410, 143]);
    expect(await findings(new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual([]);
  });
});

describe('a CSV whose communes are indented with spaces before their names', () => {
  const csv = (poor: number): string =>
    ['Đơn vị,Tổng số hộ,Số hộ nghèo,Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh,11.295,465,"4,12"', ...rows(poor).map(([district, name, hh, p, rate]) => `${district ? '' : '   '}${name},${hh.toLocaleString('de-DE')},${p},"${rate}"`)].join('\n') + '\n';

  it('a wrong commune count is found at its cell, the district the sum of its communes; none on the twin', async () => {
    const run = await reconcileFileIn(tempDir(), 'xa.csv', csv(69));
    expect(run.out).toContain('Định Hóa = sum of 3 rows');
    expect(run.out).toContain('Phú Đình · Số hộ nghèo: printed 69, expected 60');
    expect((await reconcileFileIn(tempDir(), 'xa-ok.csv', csv(60))).code).toBe(EXIT_OK);
  });
});
