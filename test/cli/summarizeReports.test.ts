import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBin } from '../../src/cli/runBin.js';
import { SUMMARY_REPORTS, type SummaryReportName } from '../../src/cli/summarizeReports.js';
import { neutraliseCsvFormula, parseCsv } from '../../src/io/csv.js';
import { readReviewedHouseholds } from '../../src/io/readReviewedHouseholds.js';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { fromJsonResult } from '../../src/json/jsonResult.js';
import { childrenReport } from '../../src/reports/childrenReport.js';
import { childrenTable } from '../../src/reports/childrenTable.js';
import { deprivationReport } from '../../src/reports/deprivationReport.js';
import { deprivationTable } from '../../src/reports/deprivationTable.js';
import { flowsReport } from '../../src/reports/flowsReport.js';
import { flowsTable } from '../../src/reports/flowsTable.js';
import { groupReport } from '../../src/reports/groupReport.js';
import { groupTable } from '../../src/reports/groupTable.js';
import { householdLists } from '../../src/reports/householdLists.js';
import { householdListsTable } from '../../src/reports/householdListsTable.js';
import type { ReportTable } from '../../src/reports/reportTable.js';
import type { ReviewedHousehold } from '../../src/reports/reviewedHousehold.js';
import { reviewSummaryReport } from '../../src/reports/reviewSummaryReport.js';
import { reviewSummaryTable } from '../../src/reports/reviewSummaryTable.js';
import { summaryForm, summaryFormUnits } from '../../src/reports/summaryForm.js';
import { summaryFormTable } from '../../src/reports/summaryFormTable.js';
import { ND07_2021 } from '../../src/standards/standards.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { classifiedArb, classifiedRows, writeRows } from './_classifiedRegister.js';

const dir = tempDirs('vnp-summarize-report-');
const opts = { decimals: 2, rounding: 'half-up' } as const;

/** The report in the JSON that --json prints. */
const result = (out: string): unknown => (fromJsonResult(JSON.parse(out)) as { result: unknown }).result;

async function vnp(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runBin(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

/** The tables the library builds for a report, one per status where the report has one per status. */
function expectedTables(name: SummaryReportName, hs: readonly ReviewedHousehold[]): readonly ReportTable[] {
  const statuses = ['poor', 'near-poor'] as const;
  switch (name) {
    case 'summary-form':
      return statuses.map((status) => summaryFormTable(summaryForm(summaryFormUnits(hs, { status }), { status, ...opts })));
    case 'review-summary':
      return [reviewSummaryTable(reviewSummaryReport(hs, opts))];
    case 'flows':
      return [flowsTable(flowsReport(hs, opts))];
    case 'deprivations':
      return statuses.map((status) => deprivationTable(deprivationReport(hs, { status, standard: ND07_2021, ...opts })));
    case 'ethnic-groups':
      return [groupTable(groupReport(hs, { by: 'ethnic-group', ...opts }))];
    case 'causes':
      return [groupTable(groupReport(hs, { by: 'cause', ...opts }))];
    case 'policy-groups':
      return [groupTable(groupReport(hs, { by: 'policy-group', ...opts }))];
    case 'children':
      return [childrenTable(childrenReport(hs, opts))];
    case 'lists':
      return [householdListsTable(householdLists(hs, { statuses: ['poor', 'near-poor'] }))];
  }
}

const SHEETS: Readonly<Record<SummaryReportName, readonly string[]>> = {
  'summary-form': ['Mẫu số 3 - Hộ nghèo', 'Mẫu số 3 - Hộ cận nghèo'],
  'review-summary': ['Tổng hợp rà soát'],
  flows: ['Diễn biến'],
  deprivations: ['Thiếu hụt - Hộ nghèo', 'Thiếu hụt - Hộ cận nghèo'],
  'ethnic-groups': ['Theo dân tộc'],
  causes: ['Theo nguyên nhân nghèo'],
  'policy-groups': ['Theo nhóm đối tượng'],
  children: ['Trẻ em'],
  lists: ['Danh sách hộ'],
};

/** The grid of a written report under its title line, empty cells as ''. */
async function writtenGrid(path: string, sheet?: string): Promise<string[][]> {
  const grid = path.endsWith('.csv') ? parseCsv(readFileSync(path, 'utf8')) : (await readSheetGrid(path, sheet !== undefined ? { sheet } : {})).grid;
  return grid.map((r) => r.map((c) => c ?? ''));
}

/**
 * A checked figure of a data row: the first count of the first numbered row; in a list, whose
 * counts are only bounded, the row number (a household listed twice).
 */
function aCountCell(table: ReportTable, name: SummaryReportName): { row: number; column: number } {
  for (let r = table.headerRows; r < table.grid.length; r++) {
    const row = table.grid[r]!;
    if (!/^\d+$/u.test(row[0] ?? '')) continue;
    if (name === 'lists') return { row: r, column: 0 };
    const c = table.kinds!.findIndex((k, i) => k === 'count' && /^\d/u.test(row[i] ?? ''));
    if (c >= 0) return { row: r, column: c };
  }
  throw new Error('no count cell');
}

/** Writes the report through the CLI and reconciles every table it wrote with `reconcile --spec`; then changes one count and expects a finding. */
async function roundTrip(name: SummaryReportName, register: readonly ReviewedHousehold[], format: 'csv' | 'xlsx'): Promise<void> {
  const d = dir();
  const input = join(d, `ket-qua.${format}`);
  await writeRows(input, classifiedRows(register, { start: true }));
  const read = await readReviewedHouseholds(input);
  const tables = expectedTables(name, read.households);
  const runs = format === 'xlsx' || tables.length === 1 ? [{ tables, extra: [] as string[] }] : (['poor', 'near-poor'] as const).map((s, i) => ({ tables: [tables[i]!], extra: ['--status', s] }));
  for (const [k, run] of runs.entries()) {
    const out = join(d, `bao-cao-${k}.${format}`);
    const written = await vnp('summarize', input, '--report', name, '--out', out, ...run.extra);
    expect(written.code, `${name} ${format}: ${written.err}`).toBe(0);
    for (const [i, table] of run.tables.entries()) {
      const sheet = format === 'xlsx' ? SHEETS[name][i] : undefined;
      const grid = await writtenGrid(out, sheet);
      expect(grid[0]![0]).toBe(table.title);
      // in CSV a text cell that starts like a formula is written with a leading '
      const guarded = table.grid.map((row, r) => (format === 'csv' && r >= table.headerRows ? row.map((c, j) => (table.kinds![j] === 'text' ? neutraliseCsvFormula(c) : c)) : row));
      expect(grid.slice(1)).toEqual(guarded);
      const spec = join(d, `spec-${k}-${i}.json`);
      writeFileSync(spec, JSON.stringify(table.spec));
      const sheetArgs = sheet !== undefined ? ['--sheet', sheet] : [];
      const checked = await vnp('reconcile', out, '--spec', spec, '--json', ...sheetArgs);
      expect(checked.code, `${name} ${format} ${sheet ?? ''}: ${checked.out.slice(0, 2000)}${checked.err}`).toBe(0);
      expect((fromJsonResult(JSON.parse(checked.out)) as { issues: unknown[] }).issues).toEqual([]);
      if (name === 'summary-form') expect((await vnp('reconcile', out, '--layout', 'summary-form', ...sheetArgs)).code).toBe(0);
      if (format === 'csv') {
        // one count changed by one: the engine finds it
        const { row, column } = aCountCell(table, name);
        const bad = join(d, `changed-${k}.csv`);
        const lines = parseCsv(readFileSync(out, 'utf8'));
        lines[row + 1]![column] = String(Number(lines[row + 1]![column]!.replace(/\./gu, '')) + 1);
        writeFileSync(bad, lines.map((l) => l.map((c) => (/[",\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c)).join(',')).join('\r\n'));
        const found = await vnp('reconcile', bad, '--spec', spec, '--json');
        expect(found.code, `${name}: a changed count at line ${row + 2}, column ${column + 1}`).toBe(1);
      }
    }
  }
}

const registers = fc.sample(classifiedArb, { seed: 16, numRuns: 2 });

describe('vn-poverty summarize --report', () => {
  it('has help naming every report', async () => {
    const r = await vnp('summarize', '--report', 'flows', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: vn-poverty summarize FILE\.csv\|FILE\.xlsx\|- --report NAME/);
    for (const name of SUMMARY_REPORTS) expect(r.out).toContain(`  ${name} `);
    expect((await vnp('summarize', '--help')).out).toContain('--report NAME');
    expect((await vnp('summarize', '--report', '--help')).out).toBe(r.out);
  });

  for (const name of SUMMARY_REPORTS) {
    it(`${name}: written as CSV and as XLSX from a generated classified register, read back by reconcile with zero findings; a changed count is found`, async () => {
      for (const register of registers) {
        await roundTrip(name, register, 'csv');
        await roundTrip(name, register, 'xlsx');
      }
    });
  }

  it('the start of the year from --start gives the flows the start-status column gives; moves between units are counted', async () => {
    const d = dir();
    const register = registers[0]!;
    const end = join(d, 'cuoi-nam.csv');
    await writeRows(end, classifiedRows(register));
    const start = join(d, 'dau-nam.xlsx');
    const startList: ReviewedHousehold[] = register.flatMap(({ startStatus, ...h }) => (startStatus === null || startStatus === undefined ? [] : [{ ...h, status: startStatus }]));
    await writeRows(start, [[...classifiedRows(startList)[0]!, 'Đã từng thoát nghèo', 'Đã từng thoát cận nghèo'], ...classifiedRows(startList).slice(1).map((row, i) => [...row, startList[i]!.everEscapedPoverty ? 'có' : '', startList[i]!.everEscapedNearPoverty ? 'x' : ''])]);
    const withColumn = join(d, 'co-cot.csv');
    await writeRows(withColumn, classifiedRows(register, { start: true }));
    for (const report of ['flows', 'summary-form'] as const) {
      const a = await vnp('summarize', end, '--report', report, '--start', start, '--json');
      const b = await vnp('summarize', withColumn, '--report', report, '--json');
      expect([a.code, b.code], a.err + b.err).toEqual([0, 0]);
      expect(result(a.out)).toEqual(result(b.out));
    }
    // a household that moved from Tân Lợi to Văn Giáo, one that left, one that is new
    const s = join(d, 's.csv');
    const e = join(d, 'e.csv');
    await writeRows(s, classifiedRows([{ id: 'a', unit: 'Tân Lợi', area: 'rural', status: 'poor' }, { id: 'b', unit: 'Tân Lợi', area: 'rural', status: 'poor' }, { id: 'k', unit: 'Văn Giáo', area: 'rural', status: 'non-poor' }]));
    await writeRows(e, classifiedRows([{ id: 'a', unit: 'Văn Giáo', area: 'rural', status: 'poor' }, { id: 'k', unit: 'Văn Giáo', area: 'rural', status: 'non-poor' }, { id: 'n', unit: 'Tân Lợi', area: 'rural', status: 'near-poor' }]));
    const r = await vnp('summarize', e, '--report', 'flows', '--start', s);
    expect(r.code, r.err).toBe(0);
    const grid = parseCsv(r.out);
    // TT, unit, households at the start and the end, then the poor: start, rate, thoát, tái, phát sinh, chuyển đến, chuyển đi, end, rate
    expect(grid.slice(4).map((row) => row.slice(1, 13))).toEqual([
      ['Văn Giáo', '1', '2', '0', '0,00', '0', '0', '0', '1', '0', '1', '50,00'],
      ['Tân Lợi', '2', '1', '2', '100,00', '0', '0', '0', '0', '2', '0', '0,00'],
      ['Tổng cộng', '3', '3', '2', '66,67', '0', '0', '0', '1', '2', '1', '33,33'],
    ]);
  });

  it('--json prints the exact report; summary-form findings are exit 1 and listed, the file still written', async () => {
    const d = dir();
    const input = join(d, 'ket-qua.csv');
    await writeRows(input, classifiedRows([{ id: 'a', unit: 'Nhà Bàng', area: 'urban', status: 'poor', startStatus: 'poor' }, { id: 'b', unit: 'Nhà Bàng', area: 'urban', status: 'non-poor', startStatus: 'near-poor' }], { start: true }));
    const j = await vnp('summarize', input, '--report', 'review-summary', '--json');
    expect(j.code).toBe(0);
    expect(fromJsonResult(JSON.parse(j.out))).toEqual({ command: 'summarize', file: input, report: 'review-summary', households: 2, units: 1, out: null, findings: [], result: reviewSummaryReport((await readReviewedHouseholds(input)).households, opts) });
    // the rounding and the base of the ethnic-minority rates are the caller's
    const one = await vnp('summarize', input, '--report', 'review-summary', '--decimals', '1', '--rounding', 'down');
    expect(parseCsv(one.out).at(-1)).toEqual(['', 'Tổng cộng', '2', '1', '50,0', '0', '0,0', '0', '0,0', '1', '50,0']);
    const em = await vnp('summarize', input, '--report', 'summary-form', '--status', 'poor', '--ethnic-minority-base', 'ethnic-minority-households', '--json');
    expect((result(em.out) as { ethnicMinorityBase: string }).ethnicMinorityBase).toBe('ethnic-minority-households');
    // three poor households at the start of a unit that has one household now: more poor than households
    const start = join(d, 'dau-nam.csv');
    await writeRows(start, classifiedRows(['a', 'x', 'y'].map((id) => ({ id, unit: 'Nhà Bàng', area: 'urban', status: 'poor' }))));
    const end = join(d, 'cuoi-nam.csv');
    await writeRows(end, classifiedRows([{ id: 'a', unit: 'Nhà Bàng', area: 'urban', status: 'poor' }]));
    const out = join(d, 'mau-3.xlsx');
    const r = await vnp('summarize', end, '--report', 'summary-form', '--start', start, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('poor: Nhà Bàng: 3 households (start) but only 1 households in the unit');
    expect((await readSheetGrid(out, { sheet: 'Mẫu số 3 - Hộ nghèo' })).grid.length).toBeGreaterThan(4);
  });

  it('deprivations takes the standard from the file or --standard; options that do not apply are refused', async () => {
    const d = dir();
    const input = join(d, 'ket-qua.csv');
    await writeRows(input, classifiedRows(registers[0]!));
    const r = await vnp('summarize', input, '--report', 'deprivations', '--status', 'poor', '--standard', 'qd-59-2015');
    expect(r.code, r.err).toBe(0);
    expect(parseCsv(r.out)[1]).toContain('Tiếp cận các dịch vụ y tế');
    for (const [args, message] of [
      [['--report', 'flows', '--status', 'poor'], '--status applies to summary-form, deprivations, lists, not to flows'],
      [['--report', 'lists', '--by', 'area'], '--by belongs to the plain summary'],
      [['--report', 'causes', '--start', input], '--start applies to summary-form and flows'],
      [['--report', 'deprivations', '--status', 'poor', '--standard', 'nd-99'], '--standard "nd-99" is not one the library knows'],
      [['--report', 'summary-form'], 'standard output takes one CSV table'],
      [['--report', 'summary-form', '--out', join(d, 'x.csv')], 'give --status poor or --status near-poor, or write --out'],
      [['--report', 'nope'], '--report must be one of summary-form, review-summary, flows'],
    ] as const) {
      const x = await vnp('summarize', input, ...args);
      expect([x.code, x.err], args.join(' ')).toEqual([2, expect.stringContaining(message)]);
    }
  });
});
