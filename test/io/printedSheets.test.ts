import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { formatCsv } from '../../src/io/csv.js';
import { CLASSIFIED_HOUSEHOLD_COLUMNS } from '../../src/io/outputColumns.js';
import { readRecords } from '../../src/io/readRecords.js';
import { columnSpecsOf, writeTable, type TableColumn } from '../../src/io/tableWriter.js';
import { createProgress } from '../../src/io/_progress.js';
import { captureIo } from '../_helpers/cliIo.js';
import { FLAG_HEADERS_2021, FLAG_IDS_2021, flagCells } from '../_helpers/registers.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-printed-');

const FLAG_IDS = FLAG_IDS_2021;
const flags = flagCells;
const REGISTER = [
  ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', ...FLAG_HEADERS_2021],
  ['H01', '30316', 'nông thôn', '6.000.000', '40;38;10;7', ...flags(['health-insurance', 'latrine', 'telecom'])],
  ['H02', '30316', 'nông thôn', '6.000.000', '40;38;10;7', ...flags(['health-insurance'])],
  ['H03', '30319', 'thành thị', '7.500.000', '40;38;10', ...flags([])],
  ['H04', '30319', 'nông thôn', '20.000.000', '45', ...flags([])],
];

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** classify → summarize → reconcile through XLSX files, as an official would pass them on. */
async function chain(): Promise<{ classified: string; summary: string; d: string }> {
  const d = dir();
  const input = join(d, 'ho.csv');
  writeFileSync(input, formatCsv(REGISTER));
  const classified = join(d, 'ket-qua.xlsx');
  const summary = join(d, 'tong-hop.xlsx');
  expect(await runCli(['classify', input, '--as-of', '15/10/2024', '--out', classified], captureIo())).toBe(EXIT_OK);
  expect(await runCli(['summarize', classified, '--out', summary], captureIo())).toBe(EXIT_OK);
  return { classified, summary, d };
}

describe('XLSX outputs an official can print', () => {
  it('classify: a title block, a Vietnamese sheet name, codes hidden, header frozen and repeated on every A4 landscape page', async () => {
    const { classified } = await chain();
    const wb = await workbook(classified);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phân loại hộ']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('KẾT QUẢ PHÂN LOẠI HỘ GIA ĐÌNH THEO CHUẨN NGHÈO ĐA CHIỀU');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('Ngày tham chiếu: ngày 15 tháng 10 năm 2024. Chuẩn áp dụng: Chuẩn nghèo đa chiều giai đoạn 2022-2025 (NĐ 07/2021/NĐ-CP)');
    expect(ws.getCell('A3').value).toMatch(/^Đơn vị tính: thu nhập của hộ: đồng\/tháng; chuẩn: đồng\/người\/tháng\. Nguồn: ho\.csv$/);
    expect((ws.model as { merges?: string[] }).merges).toContain(`A1:${ws.getColumn(CLASSIFIED_HOUSEHOLD_COLUMNS.length).letter}1`);
    // the header on row 5, frozen, bold, wrapped; repeated on every printed page
    expect(ws.getCell('A5').value).toBe('Mã hộ (Household id)');
    expect(ws.getCell('A5').font?.bold).toBe(true);
    expect(ws.getCell('A5').alignment?.wrapText).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
    // codes for programs hidden, their Vietnamese names shown
    const col = (key: string) => ws.getColumn(CLASSIFIED_HOUSEHOLD_COLUMNS.findIndex((c) => c.key === key) + 1);
    for (const key of ['status', 'lineKind', 'deprivations', 'undetermined', 'standard', 'rule', 'ruleSource', 'asOf']) expect(col(key).hidden, key).toBe(true);
    for (const key of ['id', 'statusVi', 'deprivationsVi', 'monthlyIncome']) expect(col(key).hidden, key).toBe(false);
    expect(ws.getCell(`${col('statusVi').letter}6`).value).toBe('hộ nghèo');
    expect(ws.getCell(`${col('deprivationsVi').letter}6`).value).toBe('bảo hiểm y tế; nhà tiêu hợp vệ sinh; sử dụng dịch vụ viễn thông');
    // widths fit the content, not the bilingual header: "Mã hộ (Household id)" is 20 characters, H01 is 3
    expect(col('id').width).toBeLessThan(14);
    expect(col('monthlyIncome').width).toBeLessThan('Thu nhập/tháng (đồng) (Monthly income (dong))'.length / 2);
    expect(ws.getCell(`${col('monthlyIncome').letter}6`).numFmt).toBe('#,##0');
    // the print title is a defined name of the workbook, as Excel stores it
    const xml = new TextDecoder().decode(unzipSync(readFileSync(classified))['xl/workbook.xml']);
    expect(xml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Phân loại hộ&apos;!$5:$5</definedName>');
  });

  it('summarize: totals in bold, rates with two decimals and data bars, persons and average-living households', async () => {
    const { summary } = await chain();
    const wb = await workbook(summary);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Tổng hợp');
    expect(ws.getCell('A1').value).toBe('TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO THEO ĐƠN VỊ HÀNH CHÍNH');
    // the date and the standard are those of the classified file
    expect(ws.getCell('A2').value).toBe('Ngày tham chiếu: ngày 15 tháng 10 năm 2024. Chuẩn áp dụng: Chuẩn nghèo đa chiều giai đoạn 2022-2025 (NĐ 07/2021/NĐ-CP)');
    const headerRow = 5;
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    const headers = (ws.getRow(headerRow).values as unknown[]).slice(1);
    expect(headers).toContain('Tổng số nhân khẩu (Persons)');
    expect(headers).toContain('Số hộ có mức sống trung bình (Average living standard households)');
    const at = (header: string) => headers.indexOf(header) + 1;
    const last = ws.rowCount;
    expect(ws.getCell(last, 1).value).toBe('tổng');
    expect(ws.getRow(last).font?.bold).toBe(true);
    expect(ws.getRow(last - 1).font?.bold).not.toBe(true);
    expect(ws.getCell(last, at('Tổng số nhân khẩu (Persons)')).value).toBe(4 + 4 + 3 + 1);
    expect(ws.getCell(last, at('Số hộ có mức sống trung bình (Average living standard households)')).value).toBe(1);
    const rate = ws.getCell(last, at('Tỷ lệ hộ nghèo (%) (Poverty rate (%))'));
    expect([rate.value, rate.numFmt]).toEqual([25, '0.00']);
    const bars = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> }).conditionalFormattings;
    expect(bars.map((b) => b.rules[0]!.type)).toEqual(['dataBar', 'dataBar', 'dataBar']);
    const letter = ws.getColumn(at('Tỷ lệ hộ nghèo (%) (Poverty rate (%))')).letter;
    expect(bars[0]!.ref).toBe(`${letter}${headerRow + 1}:${letter}${last}`);
  });

  it('the library reads its own outputs back: summarize reads classify, reconcile checks summarize', async () => {
    const { classified, summary } = await chain();
    const rows: Array<Record<string, unknown>> = [];
    for await (const r of readRecords(classified, columnSpecsOf(CLASSIFIED_HOUSEHOLD_COLUMNS as ReadonlyArray<TableColumn<never>>))) rows.push({ row: r.row, ...r.values });
    expect(rows.map((r) => [r['row'], r['id'], r['status'], r['monthlyIncome']])).toEqual([
      [6, 'H01', 'poor', 6_000_000n],
      [7, 'H02', 'near-poor', 6_000_000n],
      [8, 'H03', 'average', 7_500_000n], // 2.500.000 đ per head in town: above the line, under the 3.000.000 đ ceiling
      [9, 'H04', 'non-poor', 20_000_000n],
    ]);
    const io = captureIo({ files: (p) => readFileSync(p, 'utf8') });
    expect(await runCli(['reconcile', summary, '--layout', 'area-summary'], io)).toBe(EXIT_OK);
    expect(io.out()).toMatch(/everything reconciles/);
  });

  it('writeTable without a title is a plain table starting at A1 on a sheet named “Dữ liệu”', async () => {
    const path = join(dir(), 'plain.xlsx');
    const columns: Array<TableColumn<string[]>> = [{ key: 'a', vi: 'Cột A', en: 'Column A', kind: 'text', value: (r) => r[0] ?? null }];
    await writeTable(path, columns, [['x']]);
    const ws = (await workbook(path)).worksheets[0]!;
    expect([ws.name, ws.getCell('A1').value, ws.getCell('A2').value]).toEqual(['Dữ liệu', 'Cột A (Column A)', 'x']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('refuses a sheet name Excel would refuse', async () => {
    const columns: Array<TableColumn<string[]>> = [{ key: 'a', vi: 'A', en: 'A', kind: 'text', value: (r) => r[0] ?? null }];
    await expect(writeTable(join(dir(), 'x.xlsx'), columns, [['x']], { sheetName: 'Tổng hợp: 2024/2025' })).rejects.toMatchObject({ issues: [{ code: 'invalid-sheet-name' }] });
  });
});

describe('a title block above the header', () => {
  const columns = [
    { key: 'unit', hint: 'text' as const, vi: 'Mã đơn vị', en: 'Unit code' },
    { key: 'poor', hint: 'count' as const, vi: 'Số hộ nghèo', en: 'Poor households', required: true },
  ];
  const read = async (rows: string[][]) => {
    const path = join(dir(), 'bang.csv');
    writeFileSync(path, formatCsv(rows));
    const out: Array<[number, Record<string, unknown>]> = [];
    for await (const r of readRecords(path, columns)) out.push([r.row, { ...r.values }]);
    return out;
  };

  it('is skipped: one-cell rows that name no column, followed by the header', async () => {
    expect(await read([['DANH SÁCH HỘ NGHÈO NĂM 2024', ''], ['Đơn vị tính: hộ', ''], ['', ''], ['Mã đơn vị', 'Số hộ nghèo'], ['30316', '64']])).toEqual([[5, { unit: '30316', poor: 64n }]]);
  });

  it('is not taken from a file of one column: its first row stays the header', async () => {
    expect(await read([['Số hộ nghèo'], ['64'], ['12']])).toEqual([
      [2, { poor: 64n }],
      [3, { poor: 12n }],
    ]);
    // a one-column file whose header names no column: refused on row 1, as before
    await expect(read([['Ghi chú'], ['a'], ['b']])).rejects.toThrow(/bang\.csv, row 1: no column “Số hộ nghèo”/);
  });

  it('reports a header below it on its own row', async () => {
    await expect(read([['BẢNG TỔNG HỢP', ''], ['Mã đơn vị', 'Hộ']])).rejects.toThrow(/bang\.csv, row 2: no column/);
  });
});

describe('progress', () => {
  it('shows the share read and the time left when the size is known, on a terminal only', () => {
    let text = '';
    let now = 0;
    const progress = createProgress({ write: (t) => (text += t), isTTY: true }, 'classify', 'households', { totalBytes: 200_000_000, now: () => now });
    progress.bytes(50_000_000);
    now = 20_000;
    for (let i = 0; i < 1024; i++) progress.tick();
    // a quarter read in 20 s: 60 s left
    expect(text).toBe('\rclassify: 1.024 households, 25% of 200 MB, about 1 min 00 s left\u001b[K');
    progress.done();
    expect(text.endsWith('\r\u001b[K')).toBe(true);
    let piped = '';
    const quiet = createProgress({ write: (t) => (piped += t) }, 'classify', 'households', { totalBytes: 10 });
    for (let i = 0; i < 5000; i++) quiet.tick();
    quiet.done();
    expect(piped).toBe('');
  });
});

