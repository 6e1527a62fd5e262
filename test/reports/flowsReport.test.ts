import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcileGrid } from '../../src/reconcile/reconcileGrid.js';
import { flowsReport, type FlowsRow, type StatusFlows } from '../../src/reports/flowsReport.js';
import { flowsTable } from '../../src/reports/flowsTable.js';
import type { ReviewedHousehold } from '../../src/reports/reviewedHousehold.js';
import { summaryFormUnits } from '../../src/reports/summaryForm.js';
import { HOUSEHOLD_STATUSES } from '../../src/standards/householdStatus.js';
import { firstIssue } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';
import { registerArb } from './_register.js';

const opts = { decimals: 2, rounding: 'half-up' } as const;

/** Nhà Bàng's poor (seed 001 line 124): 18 at the start, 1 exit, 17 remaining; here with one re-poor and one newly near-poor household too. */
function nhaBang(): ReviewedHousehold[] {
  const out: ReviewedHousehold[] = [];
  for (let i = 0; i < 17; i++) out.push({ id: `p${i}`, unit: 'Nhà Bàng', area: 'urban', status: 'poor', startStatus: 'poor' });
  out.push({ id: 'x1', unit: 'Nhà Bàng', area: 'urban', status: 'near-poor', startStatus: 'poor' });
  out.push({ id: 'x2', unit: 'Nhà Bàng', area: 'urban', status: 'poor', startStatus: 'non-poor', everEscapedPoverty: true });
  out.push({ id: 'x3', unit: 'Nhà Bàng', area: 'urban', status: 'near-poor', startStatus: 'average' });
  for (let i = 0; i < 80; i++) out.push({ id: `n${i}`, unit: 'Nhà Bàng', area: 'urban', status: 'non-poor', startStatus: 'non-poor' });
  return out;
}

const balance = (f: StatusFlows): number => f.start.count + f.newly + f.re + f.movedIn - f.exits - f.movedOut - f.end.count;

describe('flowsReport (Tổng hợp diễn biến hộ nghèo, hộ cận nghèo)', () => {
  it('counts exits, re-entries and new entries for both statuses; start + phát sinh + tái − thoát = end', () => {
    const r = expectPure(flowsReport, nhaBang(), opts);
    expect(r.title).toBe('Tổng hợp diễn biến hộ nghèo, hộ cận nghèo');
    const p = r.total.poor;
    expect([r.total.households, p.start.count, p.start.rate?.printed, p.exits, p.re, p.newly, p.end.count, p.end.rate?.printed]).toEqual([100, 18, '18,00', 1, 1, 0, 18, '18,00']);
    const n = r.total.nearPoor;
    // x1 escaped poverty into near-poverty (a new near-poor entry under the form's convention), x3 newly near-poor
    expect([n.start.count, n.exits, n.re, n.newly, n.end.count]).toEqual([0, 0, 0, 2, 2]);
    expect(r.rows.map((row) => row.unit)).toEqual(['Nhà Bàng']);
  });

  it('prints three header rows, both statuses side by side, and reconciles; a wrong end count is found', () => {
    const t = flowsTable(flowsReport(nhaBang(), opts));
    expect(t.headerRows).toBe(3);
    expect(t.grid.slice(0, 3).map((row) => row.slice(4, 8))).toEqual([
      ['Hộ nghèo', 'Hộ nghèo', 'Hộ nghèo', 'Hộ nghèo'],
      ['Số hộ nghèo đầu năm', 'Số hộ nghèo đầu năm', 'Số hộ thoát nghèo', 'Số hộ tái nghèo'],
      ['Số hộ', 'Tỷ lệ (%)', 'Số hộ thoát nghèo', 'Số hộ tái nghèo'],
    ]);
    expect(t.grid[3]).toEqual(['1', 'Nhà Bàng', '100', '100', '18', '18,00', '1', '1', '0', '0', '0', '18', '18,00', '0', '0,00', '0', '0', '2', '0', '0', '2', '2,00']);
    expect(reconcileGrid(t.grid, t.spec).issues).toEqual([]);
    const wrong = t.grid.map((row, i) => (i === 3 ? row.map((c, j) => (j === 11 ? '17' : c)) : row));
    expect(reconcileGrid(wrong, t.spec).issues.map((i) => [i.row, i.column, i.code])).toContainEqual(['Nhà Bàng', 'poor_end', 'sum-mismatch']);
  });

  it('with a start list: a household only on it moved out, one only on the end list moved in, one in another unit moved', () => {
    const start: ReviewedHousehold[] = [
      { id: 'a', unit: 'Tân Lợi', status: 'poor' },
      { id: 'b', unit: 'Tân Lợi', status: 'poor' },
      { id: 'c', unit: 'Văn Giáo', status: 'near-poor' },
    ];
    const end: ReviewedHousehold[] = [
      { id: 'a', unit: 'Tân Lợi', status: 'near-poor' },
      { id: 'c', unit: 'Tân Lợi', status: 'near-poor' },
      { id: 'd', unit: 'Văn Giáo', status: 'poor' },
    ];
    const r = flowsReport(end, { ...opts, start });
    const row = (unit: string): FlowsRow => r.rows.find((x) => x.unit === unit)!;
    expect([row('Tân Lợi').poor.start.count, row('Tân Lợi').poor.exits, row('Tân Lợi').poor.movedOut, row('Tân Lợi').poor.end.count]).toEqual([2, 1, 1, 0]);
    expect([row('Tân Lợi').nearPoor.newly, row('Tân Lợi').nearPoor.movedIn, row('Tân Lợi').nearPoor.end.count]).toEqual([1, 1, 2]);
    expect([row('Văn Giáo').nearPoor.start.count, row('Văn Giáo').nearPoor.movedOut, row('Văn Giáo').poor.movedIn, row('Văn Giáo').poor.end.count]).toEqual([1, 1, 1, 1]);
    for (const x of [...r.rows, r.total]) expect([balance(x.poor), balance(x.nearPoor)]).toEqual([0, 0]);
    const t = flowsTable(r);
    expect(reconcileGrid(t.grid, t.spec).issues).toEqual([]);
  });

  it('a unit takes the area it has now (a commune that became a ward); the start list gives it only to a unit nobody lives in now', () => {
    const start: ReviewedHousehold[] = [
      { id: 'a', unit: 'Tịnh Biên', area: 'rural', status: 'poor' },
      { id: 'b', unit: 'An Hảo', area: 'rural', status: 'poor' },
    ];
    const units = summaryFormUnits([{ id: 'a', unit: 'Tịnh Biên', area: 'urban', status: 'poor' }], { status: 'poor', start });
    expect(units.map((u) => [u.unit, u.area, u.start, u.movedOut, u.end])).toEqual([['Tịnh Biên', 'urban', 1, 0, 1], ['An Hảo', 'rural', 1, 1, 0]]);
    expect(firstIssue(() => summaryFormUnits([{ id: 'a', unit: 'X', area: 'urban', status: 'poor' }], { status: 'poor', start: [{ id: 'b', unit: 'Y', status: 'poor' }] })).path).toEqual(['start', 0, 'area']);
  });

  it('refuses a start list together with start statuses, and bad records', () => {
    expect(firstIssue(() => flowsReport([{ id: 'a', unit: 'X', status: 'poor', startStatus: 'poor' }], { ...opts, start: [] })).code).toBe('conflicting-start');
    const bad = firstIssue(() => flowsReport([{ id: 'a', unit: 'X', status: 'poor' }], { ...opts, start: [{ id: 'a', unit: 'X', status: 'rich' as 'poor' }] }));
    expect([bad.code, bad.path]).toEqual(['invalid-input', ['start', 0, 'status']]);
    expect(firstIssue(() => flowsReport([{ id: 'a', unit: 'X', status: 'poor' }], { decimals: -1, rounding: 'half-up' })).code).toBe('invalid-decimals');
  });

  describe('properties', () => {
    it('every row balances for both statuses, the total adds the units, and the printed table reconciles', () => {
      fc.assert(
        fc.property(registerArb, (households) => {
          const r = flowsReport(households, opts);
          for (const x of [...r.rows, r.total]) expect([balance(x.poor), balance(x.nearPoor)]).toEqual([0, 0]);
          expect(r.total.poor.exits).toBe(r.rows.reduce((n, x) => n + x.poor.exits, 0));
          expect(r.total.nearPoor.newly).toBe(r.rows.reduce((n, x) => n + x.nearPoor.newly, 0));
          const t = flowsTable(r);
          expect(reconcileGrid(t.grid, t.spec).issues).toEqual([]);
        }),
      );
    });

    it('start statuses on the records and the same statuses as a start list give the same flows', () => {
      fc.assert(
        fc.property(registerArb, (households) => {
          const start: ReviewedHousehold[] = households.flatMap((h) =>
            h.startStatus === null || h.startStatus === undefined ? [] : [{ id: h.id, unit: h.unit, area: h.area!, status: h.startStatus, everEscapedPoverty: h.everEscapedPoverty ?? false, everEscapedNearPoverty: h.everEscapedNearPoverty ?? false, ethnicMinority: h.ethnicMinority ?? false }],
          );
          const bare = households.map(({ startStatus: _s, everEscapedPoverty: _p, everEscapedNearPoverty: _n, ...h }) => h);
          expect(flowsReport(bare, { ...opts, start })).toEqual(flowsReport(households, opts));
          for (const status of ['poor', 'near-poor'] as const) expect(summaryFormUnits(bare, { status, start })).toEqual(summaryFormUnits(households, { status }));
        }),
      );
    });

    it('with a start list in other units, flows still balance and reconcile', () => {
      const units = ['Tân Lợi', 'Văn Giáo', 'An Cư'];
      const listArb = fc.uniqueArray(fc.record({ id: fc.integer({ min: 0, max: 40 }), u: fc.nat({ max: 2 }), status: fc.constantFrom(...HOUSEHOLD_STATUSES), escaped: fc.boolean() }), { selector: (r) => r.id, maxLength: 30 });
      fc.assert(
        fc.property(listArb, listArb, (s, e) => {
          const toList = (xs: typeof s): ReviewedHousehold[] => xs.map((x) => ({ id: `h${x.id}`, unit: units[x.u]!, status: x.status, everEscapedPoverty: x.escaped }));
          const r = flowsReport(toList(e), { ...opts, start: toList(s) });
          for (const x of [...r.rows, r.total]) expect([balance(x.poor), balance(x.nearPoor)]).toEqual([0, 0]);
          expect(r.total.poor.start.count).toBe(s.filter((x) => x.status === 'poor').length);
          expect(r.total.nearPoor.end.count).toBe(e.filter((x) => x.status === 'near-poor').length);
          const t = flowsTable(r);
          expect(reconcileGrid(t.grid, t.spec).issues).toEqual([]);
        }),
      );
    });
  });
});
