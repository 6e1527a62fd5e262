import { describe, expect, it } from 'vitest';
import { BUDGET_BY_PROJECT_COLUMNS, budgetByProjectLayout } from '../../src/budgets/budgetByProjectLayout.js';
import { CAPITAL_BY_TYPE_COLUMNS, capitalByTypeLayout } from '../../src/budgets/capitalByTypeLayout.js';
import { runCli } from '../../src/cli/runCli.js';
import { parseCsv } from '../../src/io/csv.js';
import { fromJsonResult } from '../../src/json/jsonResult.js';
import { LAYOUTS, tableFromLayout } from '../../src/layouts.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import { expectDeepFrozen, expectPure } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { captureIo } from '../_helpers/cliIo.js';
import { readFixture } from '../_helpers/fixtures.js';

const SEED001 = 'seed001-budget-by-project.csv'; // seed 001 lines 155–459, amounts in triệu đồng
const SEED001_AS_PRINTED = 'seed001-budget-as-printed.csv'; // same, with "19 đồng" (line 445) and the unit in the header
const SEED004 = 'seed004-capital-2022.csv'; // seed 004 line 47

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ files: readFixture });
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('budget-by-project layout', () => {
  it('is registered under its name with the documented columns and a unit option', () => {
    expect(LAYOUTS['budget-by-project']).toBe(budgetByProjectLayout);
    expect(BUDGET_BY_PROJECT_COLUMNS).toEqual(['stt', 'item', 'role', 'central', 'provincial', 'district', 'other', 'total']);
    expect(budgetByProjectLayout.options.map((o) => [o.name, o.values])).toEqual([['unit', ['dong', 'nghin', 'trieu', 'ty', 'header']]]);
    expectDeepFrozen(budgetByProjectLayout);
  });

  it('seed 001 reconciles: every row total, project subtotal and the program total 5.476 triệu', () => {
    const table = tableFromLayout('budget-by-project', parseCsv(readFixture(SEED001)), { options: { unit: 'trieu' } });
    const report = reconcileTable(table);
    expect(report).toMatchObject({ ok: true, errors: 0, roundings: 0 });
    // 13 rows × total = central + provincial + other, plus 4 subtotals and 1 total × 4 columns
    expect(report.checked).toBe(13 + 5 * 4);
    expect(table.relations.filter((r) => r.type === 'row-total')).toHaveLength(5);
    expect(table.columns.find((c) => c.key === 'central')).toMatchObject({ kind: 'amount', unit: 'trieu' });
  });

  it('declares DA7 = TDA1 + TDA2 and the program total over sub-projects and projects without sub-projects', () => {
    const table = tableFromLayout('budget-by-project', parseCsv(readFixture(SEED001)), { options: { unit: 'trieu' } });
    const rowTotals = table.relations.filter((r) => r.type === 'row-total');
    // header is line 1: DA7 is line 11, its sub-projects lines 12 and 13; the total line 14
    expect(rowTotals.find((r) => r.row === '11')).toMatchObject({ parts: ['12', '13'] });
    // units: DA2 (2), DA3's sub-projects (4, 5), DA4's (7), DA6's (9, 10), DA7's (12, 13)
    expect(rowTotals.find((r) => r.row === '14')).toMatchObject({ parts: ['2', '4', '5', '7', '9', '10', '12', '13'] });
  });

  it('seed 001 as printed: "19 đồng" (line 445) breaks TDA2’s total, DA7’s subtotal and the program total', () => {
    const report = reconcileTable(tableFromLayout('budget-by-project', parseCsv(readFixture(SEED001_AS_PRINTED))));
    expect(report.ok).toBe(false);
    expect(report.issues.map((i) => [i.rowKey, i.column, i.code])).toEqual([
      ['11', 'provincial', 'sum-mismatch'],
      ['13', 'total', 'sum-mismatch'],
      ['14', 'provincial', 'sum-mismatch'],
    ]);
  });

  it('reads the unit from the header, and refuses a missing, unknown or contradictory unit', () => {
    const rows = parseCsv(readFixture(SEED001_AS_PRINTED));
    expect(tableFromLayout('budget-by-project', rows).columns.find((c) => c.key === 'total')?.unit).toBe('trieu');
    expect(tableFromLayout('budget-by-project', rows, { options: { unit: 'trieu' } }).columns[3]?.unit).toBe('trieu');
    expect(firstIssueCode(() => tableFromLayout('budget-by-project', rows, { options: { unit: 'ty' } }))).toBe('unit-conflict');
    expect(firstIssueCode(() => tableFromLayout('budget-by-project', parseCsv(readFixture(SEED001))))).toBe('missing-unit');
    expect(firstIssueCode(() => tableFromLayout('budget-by-project', parseCsv(readFixture(SEED001)), { options: { unit: 'usd' } }))).toBe('invalid-option');
    const odd = [['stt', 'item', 'role', 'central (đô la)', 'provincial', 'other', 'total'], ['1', 'x', 'project', '1', '0', '0', '1']];
    expect(firstIssueCode(() => tableFromLayout('budget-by-project', odd))).toBe('unknown-unit');
  });

  it('accepts any line role (programme, project, sub-project, item, unit), refuses an unknown role and a sub-project before any project, naming the line', () => {
    const head = ['stt', 'item', 'role', 'central', 'provincial', 'other', 'total'];
    for (const role of ['programme', 'project', 'sub-project', 'item', 'unit']) {
      const rows = role === 'sub-project' ? [head, ['1', 'p', 'project', '1', '0', '0', '1'], ['1.1', 'x', role, '1', '0', '0', '1']] : [head, ['1', 'x', role, '1', '0', '0', '1']];
      expect(reconcileTable(tableFromLayout('budget-by-project', rows, { options: { unit: 'trieu' } })).ok).toBe(true);
    }
    expect(() => tableFromLayout('budget-by-project', [head, ['1', 'x', 'commune', '1', '0', '0', '1']], { options: { unit: 'trieu' } })).toThrow(/line 2.*"commune" is not a role; expected programme, project, sub-project, item, unit, subtotal or total/);
    expect(() => tableFromLayout('budget-by-project', [head, ['1.1', 'x', 'sub-project', '1', '0', '0', '1']], { options: { unit: 'trieu' } })).toThrow(/line 2: a sub-project row must follow/);
  });

  it('a total built from exact đồng and printed in millions is a rounding finding, not an error', () => {
    // two sub-projects of 1,4 triệu each printed as 1; the project printed as 3 (= 2,8 rounded)
    const rows = [
      ['stt', 'item', 'role', 'central', 'provincial', 'other', 'total'],
      ['1', 'Dự án 1', 'project', '3', '-', '-', '3'],
      ['1.1', 'Tiểu dự án 1', 'sub-project', '1', '-', '-', '1'],
      ['1.2', 'Tiểu dự án 2', 'sub-project', '1', '-', '-', '1'],
      ['', 'Tổng cộng', 'total', '2', '-', '-', '2'],
    ];
    const report = reconcileTable(tableFromLayout('budget-by-project', rows, { options: { unit: 'trieu' } }));
    expect(report.ok).toBe(true);
    expect(report.issues.map((i) => [i.rowKey, i.column, i.severity, i.shortcut])).toEqual([
      ['2', 'central', 'rounding', 'rounded-parts'],
      ['2', 'total', 'rounding', 'rounded-parts'],
    ]);
  });

  it('builds a frozen table without touching its input', () => {
    const rows = parseCsv(readFixture(SEED001));
    expectPure((r: string[][]) => tableFromLayout('budget-by-project', r, { options: { unit: 'trieu' } }), rows);
    expectPure((r: string[][]) => tableFromLayout('capital-by-type', r, { options: { unit: 'trieu' } }), parseCsv(readFixture(SEED004)));
  });
});

describe('capital-by-type layout', () => {
  it('is registered with the documented columns', () => {
    expect(LAYOUTS['capital-by-type']).toBe(capitalByTypeLayout);
    expect(CAPITAL_BY_TYPE_COLUMNS).toEqual(['item', 'investment', 'recurrent', 'total']);
  });

  it('seed 004 (Phong Thổ 2022, line 47): 71.750 + 10.505 = 82.255, not the 82.075 printed: −180 triệu', () => {
    const report = reconcileTable(tableFromLayout('capital-by-type', parseCsv(readFixture(SEED004)), { options: { unit: 'trieu' } }));
    expect(report.ok).toBe(false);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'sum-mismatch', column: 'total', printed: '82.075', expected: '82.255', difference: '-180' });
  });

  it('checks a total row against the other rows, column by column', () => {
    const rows = [
      ['item', 'investment (tỷ đồng)', 'recurrent (tỷ đồng)', 'total (tỷ đồng)'],
      ['Tổng cộng (QĐ 90, Part IV, central)', '20.000', '28.000', '48.000'],
      ['Dự án 1', '20.000', '-', '20.000'],
      ['Dự án 2', '-', '27.000', '27.000'],
    ];
    const report = reconcileTable(tableFromLayout('capital-by-type', rows));
    expect(report.issues.map((i) => [i.rowKey, i.column, i.difference])).toEqual([
      ['2', 'recurrent', '1000'],
      ['2', 'total', '1000'],
    ]);
  });

  it('refuses two total rows', () => {
    const rows = [['item', 'investment', 'recurrent', 'total'], ['Tổng', '1', '1', '2'], ['Cộng', '1', '1', '2']];
    expect(() => tableFromLayout('capital-by-type', rows, { options: { unit: 'dong' } })).toThrow(/second total row/);
  });
});

describe('vn-poverty reconcile with the budget layouts', () => {
  it('seed 001 with --unit trieu: exit 0', async () => {
    const r = await cli(['reconcile', SEED001, '--layout', 'budget-by-project', '--unit', 'trieu']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 errors/);
  });

  it('seed 004 with --unit trieu --json: exit 1 and the finding in JSON', async () => {
    const r = await cli(['reconcile', SEED004, '--layout', 'capital-by-type', '--unit', 'trieu', '--json']);
    expect(r.code).toBe(1);
    const json = fromJsonResult<{ ok: boolean; issues: Array<{ difference: string }> }>(JSON.parse(r.out));
    expect(json.ok).toBe(false);
    expect(json.issues[0]?.difference).toBe('-180');
  });

  it('no unit anywhere, or a unit that is not one: exit 2 with a message', async () => {
    expect((await cli(['reconcile', SEED001, '--layout', 'budget-by-project'])).code).toBe(2);
    const r = await cli(['reconcile', SEED001, '--layout', 'budget-by-project', '--unit', 'usd']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/dong, nghin, trieu, ty/);
  });

  it('lists both layouts and the --unit option in its help', async () => {
    const r = await cli(['reconcile', '--help']);
    expect(r.out).toMatch(/budget-by-project/);
    expect(r.out).toMatch(/capital-by-type/);
    expect(r.out).toMatch(/--unit dong\|nghin\|trieu\|ty/);
  });
});
