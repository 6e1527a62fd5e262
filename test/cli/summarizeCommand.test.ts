import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { formatCsv } from '../../src/io/csv.js';
import { AREA_SUMMARY_COLUMNS } from '../../src/io/outputColumns.js';
import { readRecords } from '../../src/io/readRecords.js';
import { columnSpecsOf, type TableColumn } from '../../src/io/tableWriter.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { captureIo } from '../_helpers/cliIo.js';

const dir = tempDirs('vnp-summarize-');

/**
 * Seed 001 (Tịnh Biên 2024 plan): commune "Thới Sơn"-sized counts are not reproduced here;
 * instead a classified file whose counts give the rates official tables print: 113 poor of
 * 16,194 households is 0,70 % (seed 001, urban row; poverty-rate-reporting §1).
 */
function classifiedRows(): string[][] {
  const rows: string[][] = [['Mã hộ (Household id)', 'Mã đơn vị (Unit code)', 'Khu vực (Area)', 'Mã phân loại (Status)']];
  let n = 0;
  const add = (unit: string, area: string, status: string, count: number): void => {
    for (let i = 0; i < count; i++) rows.push([`H${++n}`, unit, area, status]);
  };
  add('30316', 'thành thị', 'poor', 113);
  add('30316', 'thành thị', 'near-poor', 412);
  add('30316', 'thành thị', 'non-poor', 16_194 - 113 - 412);
  add('30319', 'nông thôn', 'hộ nghèo', 3); // the Vietnamese label is read too
  add('30319', 'nông thôn', 'average', 297);
  return rows;
}

const UNITS = [
  ['code', 'name', 'level', 'kind', 'areaType', 'parentCode', 'codeSystem', 'validFrom', 'validTo'],
  ['89', 'Tỉnh An Giang', 'province', 'tinh', 'rural', '', 'QD124_2004', '2004-01-01', '2025-06-30'],
  ['888', 'Thị xã Tịnh Biên', 'district', 'thi_xa', 'urban', '89', 'QD124_2004', '2022-02-01', '2025-06-30'],
  ['30316', 'Phường Nhà Bàng', 'commune', 'phuong', 'urban', '888', 'QD124_2004', '2022-02-01', '2025-06-30'],
  ['30319', 'Xã Nhơn Hưng', 'commune', 'xa', 'rural', '888', 'QD124_2004', '2022-02-01', '2025-06-30'],
];

async function readSummary(path: string): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const r of readRecords(path, columnSpecsOf(AREA_SUMMARY_COLUMNS as ReadonlyArray<TableColumn<never>>))) {
    const v = r.values;
    out.push([v['level'], v['unit'], v['name'], v['households'], v['poor'], String(v['poorRate']), v['nearPoor'], String(v['nearPoorRate']), String(v['multidimensionalRate'])]);
  }
  return out;
}

describe('vn-poverty summarize', () => {
  it('has help', async () => {
    const io = captureIo();
    expect(await runCli(['summarize', '--help'], io)).toBe(EXIT_OK);
    expect(io.out()).toMatch(/^Usage: vn-poverty summarize FILE\.csv\|FILE\.xlsx\|- --by unit\|area/);
  });

  it('counts per unit with rates from counts (113 of 16.194 is 0,70 %) and a total that sums counts', async () => {
    const d = dir();
    const input = join(d, 'ket-qua.csv');
    const output = join(d, 'tong-hop.csv');
    writeFileSync(input, formatCsv(classifiedRows()));
    const io = captureIo();
    expect(await runCli(['summarize', input, '--by', 'unit', '--out', output], io)).toBe(EXIT_OK);
    expect(io.out()).toBe(`vn-poverty summarize: 16.494 households in 2 unit(s); written to ${output}\n`);
    expect(readFileSync(output, 'utf8').split('\r\n')[1]).toBe('đơn vị,30316,,16.194,,113,"0,70",412,"2,54","3,24",0,0');
    expect(await readSummary(output)).toEqual([
      ['đơn vị', '30316', null, 16_194n, 113n, '0.7', 412n, '2.54', '3.24'],
      ['đơn vị', '30319', null, 300n, 3n, '1', 0n, '0', '1'],
      // 116 / 16,494 = 0.7033 %: the total's rate comes from summed counts, not from 0,70 and 1,00
      ['tổng', 'Tổng cộng', null, 16_494n, 116n, '0.7', 412n, '2.5', '3.2'],
    ]);
  });

  it('rolls up to district and province with a hierarchy file, names units, and writes XLSX', async () => {
    const d = dir();
    const input = join(d, 'ket-qua.csv');
    const units = join(d, 'don-vi.csv');
    const output = join(d, 'tong-hop.xlsx');
    writeFileSync(input, formatCsv(classifiedRows()));
    writeFileSync(units, formatCsv(UNITS));
    const io = captureIo();
    expect(await runCli(['summarize', input, '--by', 'unit', '--units', units, '--as-of', '2024-01-01', '--out', output], io)).toBe(EXIT_OK);
    const rows = await readSummary(output);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['đơn vị', '30316', 'Phường Nhà Bàng', 16_194n, 113n],
      ['đơn vị', '30319', 'Xã Nhơn Hưng', 300n, 3n],
      ['huyện', '888', 'Thị xã Tịnh Biên', 16_494n, 116n],
      ['tỉnh', '89', 'Tỉnh An Giang', 16_494n, 116n],
      ['tổng', 'Tổng cộng', null, 16_494n, 116n],
    ]);
  });

  it('lists units missing from the hierarchy and exits 1, still writing their rows', async () => {
    const d = dir();
    const input = join(d, 'ket-qua.csv');
    const units = join(d, 'don-vi.csv');
    writeFileSync(input, formatCsv(classifiedRows()));
    writeFileSync(units, formatCsv(UNITS.filter((u) => u[0] !== '30319')));
    const io = captureIo();
    expect(await runCli(['summarize', input, '--units', units, '--as-of', '2024-01-01', '--numbers', 'plain', '--headers', 'en'], io)).toBe(EXIT_FINDINGS);
    expect(io.err()).toContain(`1 unit(s) not in ${units} on 2024-01-01, not rolled up: 30319`);
    expect(io.out()).toContain('\r\nđơn vị,30319,,300,,3,1.00,0,0.00,1.00,297,0\r\n');
    expect(io.out()).toContain('\r\nhuyện,888,Thị xã Tịnh Biên,16194,,113,0.70,412,2.54,3.24,0,0\r\n');
  });

  it('groups by area, with rounding and decimals as asked', async () => {
    const d = dir();
    const input = join(d, 'ket-qua.csv');
    writeFileSync(input, formatCsv(classifiedRows()));
    const io = captureIo();
    expect(await runCli(['summarize', input, '--by', 'area', '--decimals', '3', '--rounding', 'down', '--headers', 'vi'], io)).toBe(EXIT_OK);
    const lines = io.out().split('\r\n');
    expect(lines[0]).toBe('Cấp,Khu vực,Tên đơn vị,Tổng số hộ,Tổng số nhân khẩu,Số hộ nghèo,Tỷ lệ hộ nghèo (%),Số hộ cận nghèo,Tỷ lệ hộ cận nghèo (%),Tỷ lệ nghèo đa chiều (%),Số hộ có mức sống trung bình,Số hộ mới thoát nghèo');
    expect(lines[1]).toBe('khu vực,nông thôn,,300,,3,"1,000",0,"0,000","1,000",297,0');
    // 113 / 16,194 × 100 = 0.69779…: rounded down at three decimals
    expect(lines[2]).toBe('khu vực,thành thị,,16.194,,113,"0,697",412,"2,544","3,241",0,0');
  });

  it('refuses bad input with exit 2, naming file, row and column', async () => {
    const d = dir();
    const input = join(d, 'ket-qua.csv');
    writeFileSync(input, formatCsv([['Mã đơn vị', 'Mã phân loại'], ['30316', 'poor'], ['30316', 'very poor']]));
    let io = captureIo();
    expect(await runCli(['summarize', input], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('ket-qua.csv, row 3, column 2 (Mã phân loại): got "very poor", expected a status');
    const noStatus = join(d, 'x.csv');
    writeFileSync(noStatus, formatCsv([['Mã đơn vị'], ['30316']]));
    io = captureIo();
    expect(await runCli(['summarize', noStatus], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('x.csv, row 1: no column “Mã phân loại” (Status), which is required');
    const cases: Array<[string[], RegExp]> = [
      [[input, '--by', 'commune'], /--by must be unit, area or village/],
      [[input, '--units', join(d, 'u.csv')], /--units needs --as-of/],
      [[input, '--rounding', 'nearest'], /--rounding must be one of/],
      [[input, '--decimals', '-1'], /Unknown option|--decimals/],
      [[join(d, 'none.csv')], /cannot read/],
    ];
    for (const [args, message] of cases) {
      io = captureIo();
      expect(await runCli(['summarize', ...args], io), args.join(' ')).toBe(EXIT_BAD_INPUT);
      expect(io.err()).toMatch(message);
    }
  });
});
