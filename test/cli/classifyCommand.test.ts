import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { runCli } from '../../src/cli/runCli.js';
import { formatCsv } from '../../src/io/csv.js';
import { CLASSIFIED_HOUSEHOLD_COLUMNS } from '../../src/io/outputColumns.js';
import { readRecords } from '../../src/io/readRecords.js';
import { columnSpecsOf, writeTable, type TableColumn } from '../../src/io/tableWriter.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { captureIo } from '../_helpers/cliIo.js';

const FLAG_IDS = ['employment', 'dependants', 'nutrition', 'health-insurance', 'adult-education', 'school-attendance', 'housing-quality', 'housing-area', 'water-source', 'latrine', 'telecom', 'information-devices'];
const HEADER = ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', 'Họ tên chủ hộ', ...FLAG_IDS.map((id) => `Deprived: ${id}`)];
const flags = (deprived: string[]): string[] => FLAG_IDS.map((id) => (deprived.includes(id) ? 'có' : 'không'));

// Invented households around the NĐ 07/2021/NĐ-CP Art. 3 cl. 1 lines: 1,500,000 đ (rural) and 2,000,000 đ (urban) per person per month.
const REGISTER = [
  HEADER,
  ['H01', '30316', 'nông thôn', '6.000.000', '40;38;10;7', 'A', ...flags(['health-insurance', 'latrine', 'telecom'])], // at the line, 3 deprivations: poor
  ['H02', '30316', 'nông thôn', '6.000.000', '40;38;10;7', 'B', ...flags(['health-insurance'])], // at the line, 1: near-poor
  ['H03', '30316', 'thành thị', '4.000.001', '40;38', 'C', ...flags([])], // one đồng above 2 × 2,000,000: not near-poor
  ['H04', '30319', 'nông thôn', '20.000.000', '45', 'D', ...flags([])], // far above: non-poor
];

const dir = tempDirs('vnp-classify-');

async function readOutput(path: string): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for await (const r of readRecords(path, columnSpecsOf(CLASSIFIED_HOUSEHOLD_COLUMNS as ReadonlyArray<TableColumn<never>>))) rows.push({ ...r.values });
  return rows;
}

describe('vn-poverty classify', () => {
  it('is registered and has help', async () => {
    expect(Object.keys(COMMANDS)).toEqual(expect.arrayContaining(['classify', 'summarize']));
    const io = captureIo();
    expect(await runCli(['classify', '--help'], io)).toBe(EXIT_OK);
    expect(io.out()).toMatch(/^Usage: vn-poverty classify FILE\.csv\|FILE\.xlsx\|- --as-of YYYY-MM-DD/);
    expect(io.out()).toMatch(/Exit status: 0/);
  });

  it('classifies a CSV register into a CSV that reads back, exit 0', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    const output = join(d, 'ket-qua.csv');
    writeFileSync(input, formatCsv(REGISTER, { bom: true }));
    const io = captureIo();
    expect(await runCli(['classify', input, '--as-of', '2024-01-01', '--out', output], io)).toBe(EXIT_OK);
    expect(io.out()).toBe(
      `vn-poverty classify: 4 households classified as of 2024-01-01 under nd-07-2021: poor 1, near-poor 1, average 1, non-poor 1; written to ${output}\n` +
        'vn-poverty classify: income read from column 4 “Thu nhập/tháng (đồng)”: đồng per month for the household\n',
    );
    expect(io.err()).toBe(''); // Họ tên chủ hộ is read (the head of household), not passed through
    const rows = await readOutput(output);
    expect(rows.map((r) => [r['id'], r['unit'], r['status'], r['deprivationCount'], r['line'], r['incomeAtOrBelowLine']])).toEqual([
      ['H01', '30316', 'poor', 3n, 1_500_000n, true],
      ['H02', '30316', 'near-poor', 1n, 1_500_000n, true],
      // the deciding line of an average-living household is the band's ceiling (urban 3,000,000 đ), of a non-poor one the rural ceiling it exceeds
      ['H03', '30316', 'average', 0n, 3_000_000n, true],
      ['H04', '30319', 'non-poor', 0n, 2_250_000n, false],
    ]);
  });

  it('reads and writes XLSX', async () => {
    const d = dir();
    const input = join(d, 'ho.xlsx');
    const output = join(d, 'ket-qua.xlsx');
    const columns: Array<TableColumn<string[]>> = HEADER.map((h, i) => ({ key: `c${i}`, vi: h, en: h, kind: 'text', value: (r) => r[i] ?? null }));
    await writeTable(input, columns, REGISTER.slice(1), { headers: 'vi' });
    const io = captureIo();
    expect(await runCli(['classify', input, '--as-of', '2024-01-01', '--out', output], io)).toBe(EXIT_OK);
    expect((await readOutput(output)).map((r) => r['status'])).toEqual(['poor', 'near-poor', 'average', 'non-poor']);
  });

  it('writes CSV to stdout without --out and reports on stderr', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    writeFileSync(input, formatCsv(REGISTER.slice(0, 2)));
    const io = captureIo();
    expect(await runCli(['classify', input, '--as-of', '2024-01-01', '--headers', 'en', '--numbers', 'plain'], io)).toBe(EXIT_OK);
    const lines = io.out().split('\r\n');
    expect(lines[0]).toMatch(/^Household id,Unit code,Area,Members,Monthly income \(dong\),/);
    expect(lines[1]).toMatch(/^H01,30316,nông thôn,4,6000000,1500000,poverty,có,3,/);
    expect(io.err()).toMatch(/1 households classified as of 2024-01-01/);
  });

  it('reports households it cannot classify with file and row, writes the others, exit 1', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    const output = join(d, 'out.csv');
    const bad = ['H05', '30319', 'nông thôn', '1.000.000', '40;200', 'E', ...flags([])]; // an age of 200 is refused by the schema
    writeFileSync(input, formatCsv([...REGISTER, bad]));
    const io = captureIo();
    expect(await runCli(['classify', input, '--as-of', '2024-01-01', '--out', output], io)).toBe(EXIT_FINDINGS);
    expect(io.err()).toContain(`vn-poverty classify: ${input}, row 6: members.1.age`);
    expect(io.err()).toContain('1 household(s) could not be classified');
    expect((await readOutput(output)).map((r) => r['id'])).toEqual(['H01', 'H02', 'H03', 'H04']);
  });

  it('refuses bad input with exit 2, naming file, row and column, and keeps no output', async () => {
    const d = dir();
    const output = join(d, 'out.csv');
    const malformed = join(d, 'hong.csv');
    writeFileSync(malformed, formatCsv(REGISTER) + 'H09,30316,"nông thôn,1\r\n');
    let io = captureIo();
    expect(await runCli(['classify', malformed, '--as-of', '2024-01-01', '--out', output], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('hong.csv, row 6, column 3: a quoted field is never closed');
    expect(existsSync(output)).toBe(false);

    const badCell = join(d, 'o.csv');
    writeFileSync(badCell, formatCsv([...REGISTER.slice(0, 2), ['H09', '30316', 'nông thôn', 'khoảng 3 triệu', '40', 'F', ...flags([])]]));
    io = captureIo();
    expect(await runCli(['classify', badCell, '--as-of', '2024-01-01', '--out', output], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('o.csv, row 3, column 4 (Thu nhập/tháng (đồng))');
    expect(existsSync(output)).toBe(false);

    const noIncome = join(d, 'thieu.csv');
    writeFileSync(noIncome, formatCsv([['Mã hộ', 'Khu vực', 'Tuổi'], ['H1', 'nông thôn', '40']]));
    io = captureIo();
    expect(await runCli(['classify', noIncome, '--as-of', '2024-01-01'], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('thieu.csv, row 1: no column “Thu nhập/tháng (đồng)” (Monthly income (dong)), which is required');
  });

  it('refuses bad options and missing files with exit 2', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    writeFileSync(input, formatCsv(REGISTER));
    const cases: Array<[string[], RegExp]> = [
      [[input], /--as-of YYYY-MM-DD is required/],
      [[input, '--as-of', '2024-02-30'], /--as-of/],
      [[input, '--as-of', '2024-01-01', '--out', join(d, 'x.xls')], /\.csv or \.xlsx/],
      [[input, '--as-of', '2024-01-01', '--on-conflict', 'maybe'], /--on-conflict/],
      [[input, '--as-of', '2024-01-01', '--bogus'], /Unknown option/],
      [[join(d, 'missing.csv'), '--as-of', '2024-01-01'], /cannot read .*missing\.csv/],
      [[], /expected one register FILE/],
    ];
    for (const [args, message] of cases) {
      const io = captureIo();
      expect(await runCli(['classify', ...args], io), args.join(' ')).toBe(EXIT_BAD_INPUT);
      expect(io.err()).toMatch(message);
    }
  });

  it('shows progress only when stderr is a terminal', async () => {
    const d = dir();
    const input = join(d, 'lon.csv');
    const rows = [HEADER, ...Array.from({ length: 2100 }, (_, i) => [`H${i}`, '30316', 'nông thôn', '20.000.000', '45', '', ...flags([])])];
    writeFileSync(input, formatCsv(rows));
    const tty = captureIo({ tty: true });
    expect(await runCli(['classify', input, '--as-of', '2024-01-01', '--out', join(d, 'a.csv')], tty)).toBe(EXIT_OK);
    // the file size is known: the share read is shown (the time left once a second has passed)
    expect(tty.err()).toMatch(/\rclassify: 1\.024 households, \d+% of \d+ KB/);
    const pipe = captureIo({ tty: false });
    expect(await runCli(['classify', input, '--as-of', '2024-01-01', '--out', join(d, 'b.csv')], pipe)).toBe(EXIT_OK);
    expect(pipe.err()).not.toMatch(/\r/);
  });
});
