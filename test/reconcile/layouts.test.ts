import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv.js';
import { COUNTS_AND_RATES_COLUMNS } from '../../src/reconcile/countsAndRatesLayout.js';
import { LAYOUTS, tableFromLayout } from '../../src/layouts.js';
import { readLayoutRows, roleTotals } from '../../src/reconcile/layoutRows.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssue, issueCodes } from '../_helpers/errors.js';

/** National 2022 results by region (QĐ 71/QĐ-LĐTBXH, poverty-rate-reporting §2) do not print households; this small table does. */
const COUNTS = `stt,unit,role,households,poor,poor_rate,near_poor,near_poor_rate
,Tổng,total,"16.194",113,"0,70",412,"2,54"
1,Nhà Bàng,unit,"3.339",18,"0,54",95,"2,85"
2,Rest,unit,"12.855",95,"0,74",317,"2,47"
`;

describe('layout presets', () => {
  it('registers commune-targets and counts-and-rates', () => {
    expect(Object.keys(LAYOUTS)).toEqual(expect.arrayContaining(['commune-targets', 'counts-and-rates']));
    expect(LAYOUTS['counts-and-rates']!.columns).toEqual(COUNTS_AND_RATES_COLUMNS);
  });

  it('counts-and-rates: a total printed first covers every unit row, and reconciles', () => {
    const table = tableFromLayout('counts-and-rates', parseCsv(COUNTS));
    expect(table.relations[0]).toEqual({ type: 'numbering', column: 'stt', rows: ['3', '4'] });
    expect(table.relations[1]).toEqual({ type: 'row-total', row: '2', parts: ['3', '4'], columns: ['households', 'poor', 'near_poor'] });
    expect(reconcileTable(table).issues).toEqual([]);
  });

  it('counts-and-rates: a wrong total is reported at the total row (120 printed for 18 + 95 = 113), and its rate from the printed count', () => {
    const r = reconcileTable(tableFromLayout('counts-and-rates', parseCsv(COUNTS.replace(',113,', ',120,'))));
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      ['Tổng', 'poor', 'sum-mismatch'],
      ['Tổng', 'poor_rate', 'rate-mismatch'],
    ]);
  });

  it('a subtotal covers the unit rows after it, up to the next subtotal or total', () => {
    const rows = readLayoutRows(
      parseCsv('role,x\nsubtotal,1\nunit,1\nunit,0\nsubtotal,5\nunit,5\ntotal,6\n'),
      ['role', 'x'],
      { layout: 't' },
    );
    expect(roleTotals(rows, { roleColumn: 'role', columns: ['x'] }).map((r) => [r.row, r.parts])).toEqual([
      ['2', ['3', '4']],
      ['5', ['6']],
      ['7', ['3', '4', '6']],
    ]);
  });

  it('refuses wrong columns, naming what is missing and what is unknown', () => {
    const i = firstIssue(() => tableFromLayout('counts-and-rates', parseCsv('stt,unit,role,households,poor,poor_rate,near_poor,nearpoor_rate\n'), { source: 'x.csv' }));
    expect(i.code).toBe('wrong-columns');
    expect(i.message).toBe('x.csv: line 1: wrong columns for layout counts-and-rates: missing column near_poor_rate (printed “Tỷ lệ hộ cận nghèo*” or “Hộ cận nghèo” › “Tỷ lệ*”); unknown column "nearpoor_rate" (expected stt,unit,role,households,poor,poor_rate,near_poor,near_poor_rate)');
  });

  it('refuses an empty file, a short line and an unknown role, naming the line', () => {
    expect(issueCodes(() => tableFromLayout('counts-and-rates', parseCsv('')))).toEqual(['empty-file']);
    expect(issueCodes(() => tableFromLayout('counts-and-rates', parseCsv(`${COUNTS_AND_RATES_COLUMNS.join(',')}\n1,a,unit\n`)))).toEqual(['wrong-field-count']);
    const role = firstIssue(() => tableFromLayout('counts-and-rates', parseCsv(COUNTS.replace('unit,"3.339"', 'commune,"3.339"'))));
    expect(role.message).toBe('line 3, column role: "commune" is not a role; expected unit, subtotal or total');
  });

  it('checks preset options: unknown layout, unknown option, value not allowed', () => {
    expect(issueCodes(() => tableFromLayout('nope', []))).toEqual(['unknown-layout']);
    expect(issueCodes(() => tableFromLayout('counts-and-rates', parseCsv(COUNTS), { options: { unit: 'trieu' } }))).toEqual(['unknown-option']);
    expect(issueCodes(() => tableFromLayout('counts-and-rates', parseCsv(COUNTS), { options: { rounding: 'banker' } }))).toEqual(['invalid-option']);
  });

  it('takes a rounding option: with truncation the 0,74 of 95 ÷ 12.855 (0,739 %) is wrong', () => {
    const r = reconcileTable(tableFromLayout('counts-and-rates', parseCsv(COUNTS), { options: { rounding: 'down' } }));
    expect(r.issues.map((i) => [i.row, i.column, i.expected])).toContainEqual(['Rest', 'poor_rate', '0,73']);
  });

  it('readLayoutRows is pure', () => {
    expectPure(readLayoutRows, parseCsv(COUNTS), COUNTS_AND_RATES_COLUMNS, { layout: 'counts-and-rates' });
  });
});

describe('tableFromLayout output', () => {
  it('is deep-frozen, and the input rows are left alone', () => {
    expectPure(tableFromLayout, 'counts-and-rates', parseCsv(COUNTS));
  });
});
