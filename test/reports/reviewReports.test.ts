import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childrenReport } from '../../src/reports/childrenReport.js';
import { deprivationReport } from '../../src/reports/deprivationReport.js';
import { groupReport } from '../../src/reports/groupReport.js';
import { householdLists } from '../../src/reports/householdLists.js';
import { reviewSummaryReport } from '../../src/reports/reviewSummaryReport.js';
import { exactRate } from '../../src/numbers/rate.js';
import { HOUSEHOLD_STATUSES } from '../../src/standards/householdStatus.js';
import { ND07_2021 } from '../../src/standards/standards.js';
import { firstIssue, thrownIssues } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';
import { REGISTER, registerArb } from './_register.js';

const opts = { decimals: 2, rounding: 'half-up' } as const;


describe('reviewSummaryReport', () => {
  it('households by status per unit, rates of the unit; the total from summed counts', () => {
    const r = expectPure(reviewSummaryReport, REGISTER, opts);
    expect(r.rows.map((x) => [x.unit, x.households, x.byStatus.poor.count, x.byStatus['near-poor'].count, x.byStatus.average.count, x.byStatus['non-poor'].count])).toEqual([
      ['Đắk Mol', 4, 2, 1, 1, 0],
      ['Đắk Hòa', 4, 1, 1, 0, 2],
    ]);
    expect([r.total.households, r.total.byStatus.poor.count, r.total.byStatus.poor.rate?.printed, r.total.byStatus.average.rate?.printed]).toEqual([8, 3, '37,50', '12,50']);
    expect(firstIssue(() => reviewSummaryReport([REGISTER[0]!, REGISTER[0]!], opts)).code).toBe('duplicate-household');
  });
});

describe('deprivationReport', () => {
  it('per indicator: poor households deprived, rate among the poor and among all; indicators of other standards not reported', () => {
    const r = deprivationReport(REGISTER, { status: 'poor', standard: ND07_2021, ...opts });
    const latrine = r.total.indicators.find((c) => c.indicator === 'latrine')!;
    expect([latrine.count, latrine.rateOfStatus?.printed, latrine.rateOfAll?.printed]).toEqual([3, '100,00', '37,50']);
    expect(r.total.indicators.map((c) => c.indicator)).toEqual(ND07_2021.indicators.map((i) => i.id));
    expect(r.rows[0]?.indicators.find((c) => c.indicator === 'telecom')?.count).toBe(1);
    const near = deprivationReport(REGISTER, { status: 'near-poor', standard: ND07_2021, ...opts });
    expect(near.total.indicators.filter((c) => c.count > 0).map((c) => [c.indicator, c.count])).toEqual([
      ['latrine', 1],
      ['telecom', 1],
    ]);
    expect(near.title).toBe('Phân tích chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ cận nghèo');
  });
});

describe('groupReport', () => {
  it('by ethnic group: the groups add up to the total', () => {
    const r = groupReport(REGISTER, { by: 'ethnic-group', ...opts });
    expect(r.multiValued).toBe(false);
    expect(r.rows.map((x) => [x.group, x.households, x.poor.count, x.nearPoor.count])).toEqual([
      ["M'nông", 2, 2, 0],
      ['Kinh', 5, 1, 1],
      ['Ê Đê', 1, 0, 1],
    ]);
    expect(r.rows[0]?.poor.rate?.printed).toBe('100,00');
    expect(r.total.households).toBe(8);
  });

  it('by cause: shares of all poor households, several causes per household, in the export order', () => {
    const r = groupReport(REGISTER, { by: 'cause', ...opts });
    expect(r.multiValued).toBe(true);
    expect(r.rows.map((x) => [x.group, x.poor.count, x.poor.rate?.printed, x.nearPoor.count])).toEqual([
      ['land', 2, '66,67', 0],
      ['capital', 1, '33,33', 0],
      ['skills', 1, '33,33', 0],
      ['illness', 0, '0,00', 1],
      ['(not recorded)', 0, '0,00', 1],
    ]);
    expect([r.total.poor.count, r.total.nearPoor.count]).toEqual([3, 2]);
    expect(groupReport(REGISTER, { by: 'policy-group', ...opts }).rows.map((x) => [x.group, x.households])).toEqual([
      ['người có công', 2],
      ['(not recorded)', 3],
    ]);
    expect(firstIssue(() => groupReport(REGISTER, { by: 'village' as 'cause', ...opts })).code).toBe('invalid-option');
  });
});

describe('childrenReport', () => {
  it("children of poor and near-poor households per unit, rates of the children", () => {
    const r = childrenReport(REGISTER, opts);
    expect(r.rows.map((x) => [x.unit, x.status, x.children])).toEqual([
      ['Đắk Mol', 'poor', 3],
      ['Đắk Mol', 'near-poor', 2],
      ['Đắk Hòa', 'poor', 0],
      ['Đắk Hòa', 'near-poor', 0],
    ]);
    expect([r.total[0].withoutHealthInsurance.rate?.printed, r.total[1].schoolDeprived.rate?.printed, r.total[0].schoolDeprived.rate?.printed]).toEqual(['33,33', '50,00', '0,00']);
    expect(r.rows[2]?.schoolDeprived.rate).toBeNull();
    expect(r.householdsWithoutCounts).toBe(3);
    expect(thrownIssues(() => childrenReport([{ id: 'x', unit: 'X', status: 'poor', children: { total: 1, withoutHealthInsurance: 2, nutritionDeprived: 0, schoolDeprived: 0 } }], opts))[0].path).toEqual([0, 'children']);
  });
});

describe('householdLists', () => {
  it('poor and near-poor households per unit and village, sorted', () => {
    const lists = householdLists(REGISTER, { statuses: ['poor', 'near-poor'] });
    expect(lists.map((l) => [l.unit, l.village, l.households.map((h) => h.id)])).toEqual([
      ['Đắk Hòa', 'Thôn 2', ['b4']],
      ['Đắk Hòa', 'Thôn 3', ['b2']],
      ['Đắk Mol', 'Bon Bu', ['a1', 'a4']],
      ['Đắk Mol', 'Thôn 1', ['a2']],
    ]);
    expect(lists[2]?.households[0]).toEqual({ id: 'a1', headName: 'Y Bình', status: 'poor', ethnicGroup: "M'nông", deprivationCount: 3 });
    expect(firstIssue(() => householdLists(REGISTER, { statuses: ['rich' as 'poor'] })).code).toBe('invalid-option');
  });
});

describe('properties', () => {
  it('every report rolls its totals up from counts and computes its rates from counts', () => {
    fc.assert(
      fc.property(registerArb, (register) => {
        const s = reviewSummaryReport(register, opts);
        expect(s.total.households).toBe(register.length);
        for (const st of HOUSEHOLD_STATUSES) {
          expect(s.total.byStatus[st].count).toBe(s.rows.reduce((a, r) => a + r.byStatus[st].count, 0));
          if (register.length > 0) expect(s.total.byStatus[st].rate?.exact).toEqual(exactRate(s.total.byStatus[st].count, register.length));
        }
        expect(s.rows.reduce((a, r) => a + r.households, 0)).toBe(register.length);

        const d = deprivationReport(register, { status: 'poor', standard: ND07_2021, ...opts });
        d.total.indicators.forEach((c, i) => {
          expect(c.count).toBe(d.rows.reduce((a, r) => a + (r.indicators[i]?.count ?? 0), 0));
          expect(c.count).toBeLessThanOrEqual(d.total.statusHouseholds);
          if (d.total.statusHouseholds > 0) expect(c.rateOfStatus?.exact).toEqual(exactRate(c.count, d.total.statusHouseholds));
        });

        const e = groupReport(register, { by: 'ethnic-group', ...opts });
        expect(e.rows.reduce((a, r) => a + r.households, 0)).toBe(e.total.households);
        expect(e.rows.reduce((a, r) => a + r.poor.count, 0)).toBe(e.total.poor.count);
        const c = groupReport(register, { by: 'cause', ...opts });
        for (const r of c.rows) expect(r.poor.count).toBeLessThanOrEqual(c.total.poor.count);

        const k = childrenReport(register, opts);
        expect(k.total[0].children + k.total[1].children).toBe(k.rows.reduce((a, r) => a + r.children, 0));

        const lists = householdLists(register, { statuses: ['poor', 'near-poor'] });
        const ids = lists.flatMap((l) => l.households.map((h) => h.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(s.total.byStatus.poor.count + s.total.byStatus['near-poor'].count);
      }),
    );
  });
});
