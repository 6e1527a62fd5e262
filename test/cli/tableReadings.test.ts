import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const tempDir = tempDirs('vnp-table-readings-');
const fsIo = () => captureIo({ files: (p) => readFileSync(p, 'utf8') });

type Finding = { code: string; location: { row?: number; column?: number }; printed: string; message: string };
const findingsOf = (json: string): Finding[] => (JSON.parse(json) as { value: { findings: Finding[] } }).value.findings;
type Issue = { code: string; grid: { row: number; column: number } | null; printed: string; message: string };
const issuesOf = (json: string): Issue[] => (JSON.parse(json) as { value: { issues: Issue[] } }).value.issues;

/** A sheet: a title merged over its columns, a unit line, then the rows as printed (figures as numbers, with their format). */
async function sheet(path: string, title: string, unit: string, rows: readonly (readonly (string | number)[])[], formats: Readonly<Record<number, string>> = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu');
  const width = rows[0]!.length;
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, width);
  const unitRow = new Array<string>(width).fill('');
  unitRow[width - 1] = unit;
  ws.addRow(unitRow);
  for (const r of rows) {
    const row = ws.addRow([...r]);
    r.forEach((v, c) => {
      if (typeof v === 'number' && formats[c] !== undefined) row.getCell(c + 1).numFmt = formats[c]!;
    });
  }
  await wb.xlsx.writeFile(path);
}

/** Poor households deprived in each indicator of NĐ 07/2021, with their share of all poor households; `edit` changes one row. */
function deprivations(edit: (rows: (string | number)[][]) => void = () => {}): (string | number)[][] {
  const poor = 486;
  const indicators: [string, string, number][] = [
    ['Việc làm', 'Việc làm', 212],
    ['Việc làm', 'Người phụ thuộc trong hộ gia đình', 97],
    ['Y tế', 'Dinh dưỡng', 38],
    ['Y tế', 'Bảo hiểm y tế', 64],
    ['Giáo dục', 'Trình độ giáo dục của người lớn', 141],
    ['Giáo dục', 'Tình trạng đi học của trẻ em', 22],
    ['Nhà ở', 'Chất lượng nhà ở', 175],
    ['Nhà ở', 'Diện tích nhà ở bình quân đầu người', 133],
    ['Nước sinh hoạt và vệ sinh', 'Nguồn nước sinh hoạt', 259],
    ['Nước sinh hoạt và vệ sinh', 'Nhà tiêu hợp vệ sinh', 301],
    ['Thông tin', 'Sử dụng dịch vụ viễn thông', 49],
    ['Thông tin', 'Phương tiện phục vụ tiếp cận thông tin', 88],
  ];
  const share = (n: number): number => Math.round((n / poor) * 10000) / 100;
  const rows: (string | number)[][] = [
    ['STT', 'Chiều thiếu hụt', 'Chỉ số đo lường', 'Số hộ thiếu hụt', 'Tỷ lệ so với tổng số hộ nghèo (%)'],
    ['', 'Tổng số hộ nghèo', 'Tổng số hộ nghèo', poor, 100],
    ...indicators.map(([dimension, name, n], i) => [i + 1, dimension, name, n, share(n)]),
  ];
  edit(rows);
  return rows;
}

const DEPRIVATION_FORMATS = { 3: '#,##0', 4: '0.00' };

describe('deprivation indicators under the poor households (they overlap: not a total and its parts)', () => {
  it('the correct table reconciles and checks with no finding: 486 poor households are no sum of 1.579 deprivations', async () => {
    const dir = tempDir();
    const twin = join(dir, 'bieu05.xlsx');
    await sheet(twin, 'Biểu 05. SỐ HỘ NGHÈO THIẾU HỤT THEO CÁC CHỈ SỐ ĐO LƯỜNG MỨC ĐỘ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN', 'ĐVT: hộ, %', deprivations(), DEPRIVATION_FORMATS);
    for (const command of ['reconcile', 'check']) {
      const io = fsIo();
      expect(await runCli([command, twin], io), `${command}: ${io.out()}`).toBe(EXIT_OK);
      expect(io.out()).not.toContain('1.579');
    }
  });

  it('a share typed wrong is the one finding, at its cell', async () => {
    const dir = tempDir();
    const planted = join(dir, 'bieu05-e.xlsx');
    // Chất lượng nhà ở: 175 ÷ 486 = 36,01 %, printed 38,01
    await sheet(planted, 'Biểu 05. SỐ HỘ NGHÈO THIẾU HỤT THEO CÁC CHỈ SỐ', 'ĐVT: hộ, %', deprivations((rows) => (rows[8]![4] = 38.01)), DEPRIVATION_FORMATS);
    const chk = fsIo();
    expect(await runCli(['check', planted, '--json'], chk)).toBe(EXIT_FINDINGS);
    expect(findingsOf(chk.out()).map((f) => `${f.code} @${f.location.row}:${f.location.column} ${f.printed}`)).toEqual(['rate-mismatch @11:5 38,01']);
  });

  it('an indicator above the poor households it is counted among is an error at its cell (each is at most their number)', async () => {
    const dir = tempDir();
    const planted = join(dir, 'bieu05-bound.xlsx');
    // Nguồn nước sinh hoạt 259 typed 529, its share printed for 529 (108,85 %): more deprived than there are poor households
    await sheet(planted, 'Biểu 05. SỐ HỘ NGHÈO THIẾU HỤT THEO CÁC CHỈ SỐ', 'ĐVT: hộ, %', deprivations((rows) => ((rows[10]![3] = 529), (rows[10]![4] = 108.85))), DEPRIVATION_FORMATS);
    const rec = fsIo();
    expect(await runCli(['reconcile', planted, '--json'], rec)).toBe(EXIT_FINDINGS);
    const issues = issuesOf(rec.out());
    expect(issues.map((i) => `${i.code} ${i.grid?.row}:${i.grid?.column} ${i.printed}`)).toEqual(['inequality-broken 12:3 529']);
  });
});

