/**
 * The pipeline a user runs: `vn-poverty classify REGISTER --out classified.csv|.xlsx`, then
 * `vn-poverty summarize classified --report NAME`. The register is the kind a commune keeps
 * (review-form flags, ethnic group, causes, policy groups, children, the status at the start of
 * the year passed through); the figures are worked out by hand from NĐ 07/2021 (rural poverty
 * line 1.500.000 đồng, urban 2.000.000 đồng per person per month; poor with three or more
 * deprivations, near-poor with fewer; average living up to 1,5 times the line).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { parseCsv } from '../../src/io/csv.js';
import { fromJsonResult } from '../../src/json/jsonResult.js';
import { POVERTY_CAUSE_LABELS_VI, type PovertyCause } from '../../src/reports/reviewedHousehold.js';
import { bin, flagCells, ND07_FLAGS, writeCsv } from '../hostile/_hostile.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-classify-report-');

const HEADER = [
  'STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Thôn', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', 'Dân tộc', 'Nguyên nhân nghèo', 'Đối tượng chính sách',
  'Số trẻ em', 'Số trẻ em không có BHYT', 'Số trẻ em thiếu hụt dinh dưỡng', 'Số trẻ em thiếu hụt đi học', 'Phân loại đầu năm', ...ND07_FLAGS.map((f) => `Thiếu hụt: ${f}`),
];

interface Household {
  readonly id: string;
  readonly unit: '30316' | '30317';
  readonly income: string;
  readonly members: number;
  readonly group: string;
  readonly causes?: readonly PovertyCause[];
  readonly policy?: string;
  readonly children: readonly [number, number, number, number];
  readonly start: string;
  readonly deprived: readonly string[];
}

// 30316 is a rural commune, 30317 an urban ward
const HOUSEHOLDS: readonly Household[] = [
  // 1.250.000 đồng a person, 3 deprivations: poor (poor at the start)
  { id: 'R1', unit: '30316', income: '5.000.000', members: 4, group: "M'nông", causes: ['capital'], policy: 'người có công', children: [2, 1, 1, 0], start: 'poor', deprived: ['employment', 'nutrition', 'latrine'] },
  // 1.400.000, 1 deprivation: near-poor (poor at the start: escaped poverty)
  { id: 'R2', unit: '30316', income: '5.600.000', members: 4, group: 'Kinh', causes: ['land'], children: [1, 0, 0, 1], start: 'poor', deprived: ['latrine'] },
  // 1.500.000, exactly the line, 4 deprivations: poor (near-poor at the start: a new poor household)
  { id: 'R3', unit: '30316', income: '7.500.000', members: 5, group: 'Ê Đê', causes: ['illness'], policy: 'bảo trợ xã hội', children: [3, 2, 0, 1], start: 'near-poor', deprived: ['employment', 'dependants', 'health-insurance', 'telecom'] },
  // 2.000.000: average living standard (not on the start list)
  { id: 'R4', unit: '30316', income: '6.000.000', members: 3, group: 'Kinh', children: [0, 0, 0, 0], start: '', deprived: [] },
  // 5.000.000: non-poor (near-poor at the start)
  { id: 'R5', unit: '30316', income: '10.000.000', members: 2, group: 'Kinh', children: [0, 0, 0, 0], start: 'near-poor', deprived: [] },
  // 1.800.000 urban, 3 deprivations: poor (poor at the start)
  { id: 'U1', unit: '30317', income: '5.400.000', members: 3, group: 'Khmer', causes: ['capital', 'labour'], children: [0, 0, 0, 0], start: 'poor', deprived: ['housing-quality', 'housing-area', 'water-source'] },
  // 2.000.000 urban, exactly the line, 1 deprivation: near-poor (non-poor at the start)
  { id: 'U2', unit: '30317', income: '8.000.000', members: 4, group: 'Kinh', children: [0, 0, 0, 0], start: 'non-poor', deprived: ['telecom'] },
  // 2.500.000 urban: average living standard
  { id: 'U3', unit: '30317', income: '5.000.000', members: 2, group: 'Kinh', children: [0, 0, 0, 0], start: 'average', deprived: [] },
];

const registerRows = (): string[][] => [
  HEADER,
  ...HOUSEHOLDS.map((h, i) => [
    String(i + 1), h.id, `Chủ hộ ${h.id}`, h.unit === '30316' ? 'Thôn 1' : 'Tổ 3', h.unit, h.unit === '30316' ? 'nông thôn' : 'thành thị', h.income, String(h.members), h.group,
    (h.causes ?? []).map((c) => POVERTY_CAUSE_LABELS_VI[c]).join('; '), h.policy ?? '', ...h.children.map(String), h.start, ...flagCells(h.deprived),
  ]),
];

async function vnp(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const run = await bin(argv);
  expect(run.code, `vn-poverty ${argv.join(' ')}: ${run.err}`).toBeLessThan(2);
  return run;
}

/** The rows of a printed report whose second cell (the unit or the group) is `label`, without TT and label. */
const rowOf = (grid: readonly string[][], label: string): string[] => {
  const row = grid.find((r) => r[1] === label);
  expect(row, `a row ${label}`).toBeDefined();
  return row!.slice(2);
};

describe('classify, then summarize --report on its output', () => {
  it.each(['csv', 'xlsx'] as const)('a register classified to .%s gives the reports worked out by hand', async (ext) => {
    const d = dir();
    const register = writeCsv(d, 'so-ho.csv', registerRows());
    const classified = join(d, `ket-qua.${ext}`);
    const c = await vnp('classify', register, '--as-of', '2024-10-15', '--out', classified);
    expect(c.code, c.err).toBe(0);
    const report = async (name: string, ...more: string[]): Promise<string[][]> => {
      const r = await vnp('summarize', classified, '--report', name, ...more);
      expect(r.code, r.err).toBe(0);
      return parseCsv(r.out);
    };

    // households, then poor, near-poor, average, non-poor: count and rate (%) each
    const review = await report('review-summary');
    expect(rowOf(review, '30316')).toEqual(['5', '2', '40,00', '1', '20,00', '1', '20,00', '1', '20,00']);
    expect(rowOf(review, '30317')).toEqual(['3', '1', '33,33', '1', '33,33', '1', '33,33', '0', '0,00']);
    expect(rowOf(review, 'Tổng cộng')).toEqual(['8', '3', '37,50', '2', '25,00', '2', '25,00', '1', '12,50']);

    // Mẫu số 3 for the poor: households, of them DTTS; start (count, rate, DTTS, rate); thoát, tái, phát sinh; end (count, rate, DTTS, rate)
    const form = await report('summary-form', '--status', 'poor');
    const counts = (row: string[]): string[] => [row[0]!, row[1]!, row[2]!, row[4]!, row[6]!, row[8]!, row[10]!, row[12]!, row[13]!, row[14]!, row[15]!];
    expect(counts(rowOf(form, '30316'))).toEqual(['5', '2', '2', '1', '1', '0', '1', '2', '40,00', '2', '40,00']);
    expect(counts(rowOf(form, '30317'))).toEqual(['3', '1', '1', '1', '0', '0', '0', '1', '33,33', '1', '33,33']);
    expect(counts(rowOf(form, 'Tổng cộng'))).toEqual(['8', '3', '3', '2', '1', '0', '1', '3', '37,50', '3', '37,50']);
    expect(rowOf(form, 'Tổng cộng').slice(2, 4)).toEqual(['3', '37,50']);

    // flows of the poor: start, rate, thoát, tái, phát sinh, moved in, moved out, end, rate (after households at the start and the end)
    const flows = await report('flows');
    expect(rowOf(flows, '30316').slice(0, 11)).toEqual(['4', '5', '2', '50,00', '1', '0', '1', '0', '0', '2', '40,00']);
    expect(rowOf(flows, 'Tổng cộng').slice(0, 11)).toEqual(['7', '8', '3', '42,86', '1', '0', '1', '0', '0', '3', '37,50']);

    // households, poor (count, rate), near-poor (count, rate) by ethnic group, cause and policy group
    const groups = await report('ethnic-groups');
    expect(rowOf(groups, 'Kinh')).toEqual(['5', '0', '0,00', '2', '40,00']);
    expect(rowOf(groups, "M'nông")).toEqual(['1', '1', '100,00', '0', '0,00']);
    expect(rowOf(groups, 'Tổng cộng')).toEqual(['8', '3', '37,50', '2', '25,00']);
    // (a cause's rates are among all the poor, 3, and all the near-poor, 2)
    const causes = await report('causes');
    expect(rowOf(causes, POVERTY_CAUSE_LABELS_VI.capital)).toEqual(['2', '2', '66,67', '0', '0,00']);
    expect(rowOf(causes, POVERTY_CAUSE_LABELS_VI.land)).toEqual(['1', '0', '0,00', '1', '50,00']);
    expect(rowOf(causes, POVERTY_CAUSE_LABELS_VI.labour)).toEqual(['1', '1', '33,33', '0', '0,00']);
    const policy = await report('policy-groups');
    expect(rowOf(policy, 'bảo trợ xã hội')).toEqual(['1', '1', '33,33', '0', '0,00']);

    // children of poor households: all, without health insurance, deprived in nutrition, in school (count, rate); then the near-poor's
    const children = await report('children');
    expect(rowOf(children, 'Tổng cộng')).toEqual(['5', '3', '60,00', '1', '20,00', '1', '20,00', '1', '0', '0,00', '0', '0,00', '1', '100,00']);

    // deprivations of the poor: households, poor, then per indicator count, rate among the poor, rate among households
    const deprivations = await report('deprivations', '--status', 'poor');
    expect(rowOf(deprivations, 'Tổng cộng').slice(0, 5)).toEqual(['8', '3', '2', '66,67', '25,00']);

    // the detailed list of the poor names each household under its unit and village
    const lists = await report('lists', '--status', 'poor');
    expect(lists.filter((r) => /^\d+$/.test(r[0] ?? '') && r[1] !== '').map((r) => r[1])).toEqual(['R1', 'R3', 'U1']);
  });

  it('summary-form written as XLSX reconciles with zero findings; --json carries the exact form', async () => {
    const d = dir();
    const register = writeCsv(d, 'so-ho.csv', registerRows());
    const classified = join(d, 'ket-qua.xlsx');
    expect((await vnp('classify', register, '--as-of', '2024-10-15', '--out', classified)).code).toBe(0);
    const form = join(d, 'mau-3.xlsx');
    expect((await vnp('summarize', classified, '--report', 'summary-form', '--out', form)).code).toBe(0);
    for (const sheet of ['Mẫu số 3 - Hộ nghèo', 'Mẫu số 3 - Hộ cận nghèo']) {
      const r = await vnp('reconcile', form, '--layout', 'summary-form', '--sheet', sheet);
      expect(r.code, r.out + r.err).toBe(0);
      expect(r.out).toMatch(/0 errors, 0 rounding findings/);
    }
    const json = await vnp('summarize', classified, '--report', 'summary-form', '--status', 'near-poor', '--json');
    const value = fromJsonResult(JSON.parse(json.out)) as { command: string; report: string; households: number; units: number; findings: readonly string[]; result: { status: string; total: { end: { households: number } } } };
    expect([value.command, value.report, value.households, value.units, value.findings]).toEqual(['summarize', 'summary-form', 8, 2, []]);
    expect(value.result.status).toBe('near-poor');
  });

  it('classify - | summarize - --report: standard input through the pipeline, as CSV and as an XLSX', async () => {
    const d = dir();
    const register = writeCsv(d, 'so-ho.csv', registerRows());
    const classified = captureIo();
    expect(await runCli(['classify', register, '--as-of', '2024-10-15'], classified)).toBe(0);
    const fromCsv = captureIo({ stdin: classified.out() });
    expect(await runCli(['summarize', '-', '--report', 'review-summary'], fromCsv)).toBe(0);
    expect(rowOf(parseCsv(fromCsv.out()), 'Tổng cộng')).toEqual(['8', '3', '37,50', '2', '25,00', '2', '25,00', '1', '12,50']);
    expect(fromCsv.err()).toContain('review-summary of 8 households in 2 unit(s)');
    const xlsx = join(d, 'ket-qua.xlsx');
    expect((await vnp('classify', register, '--as-of', '2024-10-15', '--out', xlsx)).code).toBe(0);
    const fromXlsx = captureIo({ stdin: readFileSync(xlsx), stdinChunk: 65536 });
    expect(await runCli(['summarize', '-', '--report', 'review-summary', '--out', '-'], fromXlsx)).toBe(0);
    expect(fromXlsx.out()).toBe(fromCsv.out());
  });
});
