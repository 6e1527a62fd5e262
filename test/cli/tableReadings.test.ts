import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_OK } from '../../src/cli/cliSupport.js';
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

/** Capital by level of budget, separated by `;` as Excel set to Vietnamese saves it; a header cell holds a comma of its own. */
const BY_LEVEL = [
  'STT;Nội dung;Ngân sách trung ương (triệu đồng);Ngân sách tỉnh (triệu đồng);Ngân sách huyện (triệu đồng);Vốn lồng ghép, huy động (triệu đồng);Tổng cộng (triệu đồng)',
  '1;Xây dựng đường giao thông nông thôn thôn Nà Lạn;4.850;485;-;120;5.455',
  '2;Kiên cố hóa kênh mương nội đồng xã Đức Long;3.120;312;-;-;3.432',
  '3;Nhà văn hóa thôn Bản Chang;1.450;145;50;80;1.725',
  ';Tổng cộng;9.420;942;50;200;10.612',
].join('\n');

describe('a CSV table separated by `;`, read without --delimiter', () => {
  const write = (name: string, text: string): string => {
    const path = join(tempDir(), name);
    writeFileSync(path, text);
    return path;
  };

  it('the `;` is told from the header: reconcile and check read it with no finding, as with --delimiter ; (before: refused)', async () => {
    const path = write('von-theo-cap.csv', BY_LEVEL);
    for (const command of ['reconcile', 'check']) {
      const told = fsIo();
      const given = fsIo();
      expect(await runCli([command, path], told), `${command}: ${told.out()}${told.err()}`).toBe(EXIT_OK);
      expect(await runCli([command, path, '--delimiter', ';'], given)).toBe(EXIT_OK);
      expect(told.out()).toBe(given.out());
    }
  });

  it('read with --delimiter , reconcile and check refuse it, saying the separator, instead of passing it with 0 checks', async () => {
    const path = write('von-theo-cap.csv', BY_LEVEL);
    for (const command of ['reconcile', 'check']) {
      const io = fsIo();
      expect(await runCli([command, path, '--delimiter', ','], io), `${command}: ${io.out()}`).toBe(EXIT_BAD_INPUT);
      expect(io.err()).toContain("row 1: the header has 2 columns and 6 `;` in its text; is the separator `;`? (say so with --delimiter ';'");
      expect(io.out()).toBe('');
    }
  });

  it('with --delimiter ; it reconciles and checks with no finding; a wrong total is found at its cell', async () => {
    const path = write('von-theo-cap.csv', BY_LEVEL);
    for (const command of ['reconcile', 'check']) {
      const io = fsIo();
      expect(await runCli([command, path, '--delimiter', ';'], io), `${command}: ${io.out()}${io.err()}`).toBe(EXIT_OK);
    }
    const planted = write('von-theo-cap-e.csv', BY_LEVEL.replace(';942;50;200;10.612', ';942;50;200;10.621'));
    const chk = fsIo();
    expect(await runCli(['check', planted, '--delimiter', ';', '--json'], chk)).toBe(EXIT_FINDINGS);
    expect(findingsOf(chk.out()).map((f) => `${f.location.row}:${f.location.column} ${f.printed}`)).toEqual(['5:7 10.621']);
  });

  it('a title line above the `;` header: the header under it tells the separator', async () => {
    const path = write('von-co-tieu-de.csv', `Biểu 02. Vốn theo cấp ngân sách\n${BY_LEVEL.replace('Vốn lồng ghép, huy động', 'Vốn lồng ghép')}`);
    const io = fsIo();
    expect(await runCli(['check', path, '--delimiter', ','], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain("row 2: the header has one column; is the separator `;`? (say so with --delimiter ';'");
    // without --delimiter the title line (no separator in it) is passed over and the header tells `;`
    expect(await runCli(['check', path], fsIo())).toBe(EXIT_OK);
  });

  it('a CSV that gives no column of figures says how it was read and what to give, in both commands', async () => {
    // separated by “|”: every row one text column
    const path = write('von-gach-dung.csv', BY_LEVEL.replace(/;/g, '|'));
    for (const command of ['reconcile', 'check']) {
      const io = fsIo();
      expect(await runCli([command, path], io), `${command}: ${io.out()}`).toBe(EXIT_BAD_INPUT);
      expect(io.err()).toContain('no column of figures was found');
      expect(io.err()).toContain("read as a CSV separated by `,` with Vietnamese figures (1.234,5): if its fields are separated by `;` or tabs, give --delimiter ';' or --delimiter tab");
    }
  });
});

/** Households, poor and near-poor by hamlet with their rates; `households` the second hamlet's households as printed. */
function hamlets(households: number): (string | number)[][] {
  return [
    ['STT', 'Thôn, bản', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo', 'Số hộ cận nghèo', 'Tỷ lệ hộ cận nghèo'],
    [1, 'Thôn Nà Khà', 849, 93, '10,95', 76, '8,95'],
    [2, 'Thôn Khuổi Lùng', households, 68, '15,35', 10, '2,26'],
    [3, 'Bản Tà Chải', 742, 128, '17,25', 57, '7,68'],
    [4, 'Thôn Nặm Cắm', 537, 64, '11,92', 22, '4,10'],
    [5, 'Thôn Phiêng Lằn', 1102, 60, '5,44', 90, '8,17'],
    [6, 'Bản Cốc Lầy', 823, 123, '14,95', 61, '7,41'],
    ['', 'Cộng', 4496, 536, '11,92', 316, '7,03'],
  ];
}

describe('an item\'s households typed wrong, its rates and the total printed for the right number', () => {
  it('the correct table gives no finding', async () => {
    const path = join(tempDir(), 'thon.xlsx');
    await sheet(path, 'Biểu 3. Hộ nghèo, hộ cận nghèo theo thôn, bản', 'ĐVT: hộ, %', hamlets(443), { 2: '#,##0', 3: '#,##0', 5: '#,##0' });
    for (const command of ['reconcile', 'check']) {
      const io = fsIo();
      expect(await runCli([command, path], io), `${command}: ${io.out()}`).toBe(EXIT_OK);
    }
  });

  it('533 for 443: one finding, at the households cell, the rates and the total said to follow', async () => {
    const path = join(tempDir(), 'thon-e.xlsx');
    await sheet(path, 'Biểu 3. Hộ nghèo, hộ cận nghèo theo thôn, bản', 'ĐVT: hộ, %', hamlets(533), { 2: '#,##0', 3: '#,##0', 5: '#,##0' });
    const rec = fsIo();
    expect(await runCli(['reconcile', path, '--json'], rec)).toBe(EXIT_FINDINGS);
    const issues = issuesOf(rec.out());
    expect(issues.map((i) => `${i.grid?.row}:${i.grid?.column} ${i.printed}`)).toEqual(['4:2 533']);
    expect(issues[0]!.message).toContain('expected 443 — Cộng adds up to 4.496 with 443 here, and the row\'s rates 15,35 (Tỷ lệ hộ nghèo) and 2,26 (Tỷ lệ hộ cận nghèo) are those of 443');
    const chk = fsIo();
    expect(await runCli(['check', path, '--json'], chk)).toBe(EXIT_FINDINGS);
    expect(findingsOf(chk.out()).map((f) => `${f.location.row}:${f.location.column} ${f.printed}`)).toEqual(['5:3 533']);
  });

  it('533 with one rate printed for 533: the rates disagree, nothing is moved to the households cell', async () => {
    const path = join(tempDir(), 'thon-e2.xlsx');
    const rows = hamlets(533);
    rows[2]![4] = '12,76'; // 68 ÷ 533
    await sheet(path, 'Biểu 3. Hộ nghèo, hộ cận nghèo theo thôn, bản', 'ĐVT: hộ, %', rows, { 2: '#,##0', 3: '#,##0', 5: '#,##0' });
    const rec = fsIo();
    expect(await runCli(['reconcile', path, '--json'], rec)).toBe(EXIT_FINDINGS);
    expect(issuesOf(rec.out()).map((i) => `${i.code} ${i.grid?.row}:${i.grid?.column}`).sort()).toEqual(['rate-mismatch 4:6', 'sum-mismatch 9:2']);
  });
});

/** A budget of support by item: count × amount per unit = amount, the amount split by source; `edit` changes one cell. */
function supportBudget(edit: (rows: (string | number)[][]) => void = () => {}): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['STT', 'Nội dung hỗ trợ', 'Đơn vị tính', 'Số lượng', 'Định mức (triệu đồng)', 'Thành tiền', 'Ngân sách Trung ương', 'Ngân sách địa phương'],
    ['', 'Tổng cộng', '', '', '', 5296, 4654.8, 641.2],
    [1, 'Hỗ trợ xây mới nhà ở hộ nghèo', 'Hộ', 45, 40, 1800, 1620, 180],
    [2, 'Hỗ trợ sửa chữa nhà ở hộ nghèo', 'Hộ', 38, 20, 760, 684, 76],
    [3, 'Hỗ trợ bò giống sinh sản', 'Con', 62, 18, 1116, 892.8, 223.2],
    [4, 'Hỗ trợ lợn giống', 'Con', 240, 2.5, 600, 600, '-'],
    [5, 'Đào tạo nghề cho lao động nông thôn', 'Người', 150, 3.2, 480, 480, '-'],
    [6, 'Hỗ trợ máy nông nghiệp theo nhóm hộ', 'Bộ', 12, 45, 540, 378, 162],
  ];
  edit(rows);
  return rows;
}
const BUDGET_FORMATS = { 3: '#,##0', 4: '#,##0.0', 5: '#,##0.0', 6: '#,##0.0', 7: '#,##0.0' };

describe('count × amount per unit = amount, in a budget whose amount is also split by source', () => {
  const title = 'Phụ biểu 06: DỰ TOÁN KINH PHÍ HỖ TRỢ NĂM 2025';

  it('the correct table checks the products and gives no finding', async () => {
    const path = join(tempDir(), 'du-toan.xlsx');
    await sheet(path, title, 'ĐVT: triệu đồng', supportBudget(), BUDGET_FORMATS);
    for (const command of ['reconcile', 'check']) {
      const io = fsIo();
      expect(await runCli([command, path], io), `${command}: ${io.out()}`).toBe(EXIT_OK);
    }
    const rec = fsIo();
    await runCli(['reconcile', path], rec);
    expect(rec.out()).toContain('Thành tiền = Số lượng × Định mức (triệu đồng) (half-up, to the decimals printed): holds in all 6 rows');
  });

  it('a count typed 54 for 45 (its amount 1.800,0 adding up with its sources): one finding, at the count', async () => {
    const path = join(tempDir(), 'du-toan-e.xlsx');
    await sheet(path, title, 'ĐVT: triệu đồng', supportBudget((rows) => (rows[2]![3] = 54)), BUDGET_FORMATS);
    const chk = fsIo();
    expect(await runCli(['check', path, '--json'], chk)).toBe(EXIT_FINDINGS);
    const findings = findingsOf(chk.out());
    expect(findings.map((f) => `${f.location.row}:${f.location.column} ${f.printed}`)).toEqual(['5:4 54']);
    expect(findings[0]!.message).toContain('expected 45 — 1.800,0 (Thành tiền) = 45 × 40,0');
  });

  it('an amount typed 1.106,0 for 1.116,0 (its sources printed for the right one): one finding, at the amount', async () => {
    const path = join(tempDir(), 'du-toan-e2.xlsx');
    await sheet(path, title, 'ĐVT: triệu đồng', supportBudget((rows) => (rows[4]![5] = 1106)), BUDGET_FORMATS);
    const rec = fsIo();
    expect(await runCli(['reconcile', path, '--json'], rec)).toBe(EXIT_FINDINGS);
    expect(issuesOf(rec.out()).map((i) => `${i.code} ${i.grid?.row}:${i.grid?.column} ${i.printed}`)).toEqual(['product-mismatch 6:5 1.106,0']);
  });
});

describe('messages: one format for both figures, unchecked items at their column, layouts named by their printed headers', () => {
  it('a rate printed with “%” is expected with “%” too', async () => {
    const path = join(tempDir(), 'thon-phan-tram.xlsx');
    const rows = hamlets(443).map((r, i) => (i === 0 ? r : r.map((v, c) => (c === 4 ? `${v}%` : v))));
    rows[2]![4] = '15,53%'; // 68 ÷ 443 = 15,35 %
    await sheet(path, 'Biểu 3. Hộ nghèo theo thôn', 'ĐVT: hộ, %', rows, { 2: '#,##0', 3: '#,##0', 5: '#,##0' });
    const rec = fsIo();
    expect(await runCli(['reconcile', path], rec)).toBe(EXIT_FINDINGS);
    expect(rec.out()).toContain('Thôn Khuổi Lùng · Tỷ lệ hộ nghèo: printed 15,53%, expected 15,35% (68 ÷ 443 × 100');
  });

  it('an unchecked column is located at its own column, not at the table\'s first cell', async () => {
    const path = join(tempDir(), 'thon-dien-tich.xlsx');
    // a rate no count and base of the table give (a survey's), after the hamlets' figures
    const rows = hamlets(443).map((r, i) => [...r, i === 0 ? 'Tỷ lệ hộ dùng nước sạch (%)' : `${80 + i},5`]);
    await sheet(path, 'Biểu 3. Hộ nghèo theo thôn', 'ĐVT: hộ, %', rows, { 2: '#,##0', 3: '#,##0', 5: '#,##0' });
    const chk = fsIo();
    expect(await runCli(['check', path, '--json'], chk)).toBe(EXIT_OK);
    const unchecked = (JSON.parse(chk.out()) as { value: { unchecked: { kind: string; location: { row?: number; column?: number; columnKey?: string } }[] } }).value.unchecked;
    const area = unchecked.filter((u) => u.kind === 'table-column');
    expect(area.map((u) => `${u.location.row ?? '-'}:${u.location.column ?? '-'} ${u.location.columnKey}`)).toEqual(['-:8 Tỷ lệ hộ dùng nước sạch (%)']);
    for (const u of unchecked.filter((x) => x.kind !== 'table-column')) expect(u.location.row).toBeUndefined();
  });

  /** Per-commune targets as a CSV saved from a sheet with a two-row merged header: each group printed once, over its two columns. */
  const TARGETS = [
    'STT,"Xã, phường",Hộ dân cuối năm 2024,Hộ nghèo đầu năm 2025,,Thoát hộ nghèo,,Hộ nghèo còn lại,,Hộ cận nghèo đầu năm 2025,,Thoát hộ cận nghèo,,Hộ cận nghèo còn lại,',
    ',,,Hộ,Tỷ lệ (%),Hộ,Tỷ lệ (%),Hộ,Tỷ lệ (%),Hộ,Tỷ lệ (%),Hộ,Tỷ lệ (%),Hộ,Tỷ lệ (%)',
    '1,Phường An Bình,5.030,141,"2,80",21,"0,42",120,"2,39",65,"1,29",7,"0,14",58,"1,15"',
    '2,Xã Nhơn Mỹ,2.228,96,"4,31",18,"0,81",78,"3,50",55,"2,47",7,"0,31",48,"2,15"',
    ',Tổng cộng,7.258,237,"3,27",39,"0,54",198,"2,73",120,"1,65",14,"0,19",106,"1,46"',
  ].join('\n');

  /** Reconciles a CSV and its copy with one planted error with `args`: the twin must reconcile; the copy's findings as “code row:column printed”. */
  async function twinAndPlanted(twinText: string, plantedText: string, args: readonly string[]): Promise<string[]> {
    const dir = tempDir();
    const twin = join(dir, 'twin.csv');
    writeFileSync(twin, twinText);
    const io = fsIo();
    expect(await runCli(['reconcile', twin, ...args], io), io.err()).toBe(EXIT_OK);
    const planted = join(dir, 'planted.csv');
    writeFileSync(planted, plantedText);
    const bad = fsIo();
    expect(await runCli(['reconcile', planted, ...args, '--json'], bad)).toBe(EXIT_FINDINGS);
    return issuesOf(bad.out()).map((i) => `${i.code} ${i.grid?.row}:${i.grid?.column} ${i.printed}`);
  }

  it('--layout commune-targets reads a CSV whose groups are printed once over their columns; a wrong rate is found at its cell', async () => {
    expect(await twinAndPlanted(TARGETS, TARGETS.replace('48,"2,15"', '48,"2,45"'), ['--layout', 'commune-targets'])).toEqual(['rate-mismatch 3:14 2,45']);
  });

  it('a table the layout does not fit: the missing columns are named by the headers they are printed as', async () => {
    const path = join(tempDir(), 'khac.csv');
    writeFileSync(path, 'STT,Xã,Tổng số hộ,Số hộ nghèo\n1,Xã An Phú,2.348,38\n2,Xã Tân Lợi,2.154,44\n');
    const io = fsIo();
    expect(await runCli(['reconcile', path, '--layout', 'commune-targets'], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('missing columns poor_start (printed “HN đầu năm*” › “Hộ” or “Hộ nghèo đầu năm*” › “Hộ” or …)');
  });

  /** Capital by level with the district's own budget beside the province's. */
  const BY_DISTRICT = [
    'STT;Nội dung;Ngân sách trung ương (triệu đồng);Ngân sách tỉnh (triệu đồng);Ngân sách huyện (triệu đồng);Vốn lồng ghép, huy động (triệu đồng);Tổng cộng (triệu đồng)',
    '1;Đường giao thông thôn Nà Lạn;4.850;485;-;120;5.455',
    '2;Nhà văn hóa thôn Bản Chang;1.450;145;50;80;1.725',
    ';Tổng cộng;6.300;630;50;200;7.180',
  ].join('\n');

  it('--layout budget-by-project: “Ngân sách huyện” is the district\'s budget, not the province\'s; a wrong figure of it is found', async () => {
    const planted = BY_DISTRICT.replace(';145;50;80;1.725', ';145;60;80;1.725');
    expect(await twinAndPlanted(BY_DISTRICT, planted, ['--delimiter', ';', '--layout', 'budget-by-project'])).toEqual(['sum-mismatch 2:4 60']);
  });
});
