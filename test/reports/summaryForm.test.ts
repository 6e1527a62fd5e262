import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryForm, summaryForms, summaryFormUnits, type SummaryFormRow, type SummaryFormUnit } from '../../src/reports/summaryForm.js';
import { exactRate } from '../../src/numbers/rate.js';
import { firstIssue } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';
import { registerArb, seedUnits } from './_register.js';

const opts = { decimals: 2, rounding: 'half-up' } as const;


describe('summaryForm (Mẫu số 3)', () => {
  it('reproduces the rates of the Tịnh Biên 2024 table: urban 0,70 / 0,05 / 0,65, rural 4,53 / 1,02 / 3,51, total 2,50 / 0,50 / 1,99', () => {
    const f = expectPure(summaryForm, seedUnits, { status: 'poor', ...opts });
    expect(f.ok).toBe(true);
    expect(f.blocks.map((b) => b.label)).toEqual(['I Khu vực thành thị', 'II Khu vực nông thôn']);
    const printed = (r: SummaryFormRow) => [r.households, r.start.count, r.start.rate?.printed, r.exits.rate?.printed, r.end.count, r.end.rate?.printed];
    expect(printed(f.blocks[0]!.subtotal)).toEqual([16194, 113, '0,70', '0,05', 105, '0,65']);
    expect(printed(f.blocks[1]!.subtotal)).toEqual([14325, 649, '4,53', '1,02', 503, '3,51']);
    expect(printed(f.total)).toEqual([30519, 762, '2,50', '0,50', 608, '1,99']);
    // Tân Lợi: 43 ÷ 2.154 is 2,00 %, where the plan printed 1,99 (2,04 − 0,05)
    expect(f.blocks[1]!.rows.find((r) => r.unit === 'Tân Lợi')?.end.rate?.printed).toBe('2,00');
    expect(f.title).toBe('Tổng hợp kết quả điều tra, rà soát hộ nghèo');
  });

  it('a flow that does not balance, and ethnic-minority counts above the count, are findings', () => {
    const units: SummaryFormUnit[] = [
      { unit: 'An Cư', area: 'rural', households: 2524, start: 195, startEthnicMinority: 12, exits: 53, re: 1, newly: 3, end: 142, endEthnicMinority: 150 },
      { unit: 'Nhà Bàng', area: 'urban', households: 3339, start: 95, startEthnicMinority: 2, exits: 5, re: 1, newly: 2, end: 92, endEthnicMinority: 2 },
    ];
    const f = summaryForm(units, { status: 'near-poor', ...opts });
    expect(f.ok).toBe(false);
    expect(f.findings.map((x) => [x.unit, x.code])).toEqual([
      ['Nhà Bàng', 'flow-does-not-balance'],
      ['An Cư', 'flow-does-not-balance'],
      ['An Cư', 'ethnic-minority-exceeds-count'],
    ]);
    expect(f.findings[1]?.message).toBe('An Cư (near-poor): 195 + 3 + 1 − 53 = 146, but the end count is 142 (difference -4)');
    expect(f.title).toBe('Tổng hợp kết quả điều tra, rà soát hộ cận nghèo');
  });

  it('ethnic-minority rates of all households or of the ethnic-minority households; exits above the start are a finding', () => {
    const unit: SummaryFormUnit = { unit: 'Đắk Mol', area: 'rural', households: 1200, ethnicMinorityHouseholds: 300, start: 60, startEthnicMinority: 45, exits: 12, re: 1, newly: 2, end: 51, endEthnicMinority: 39 };
    const all = summaryForm([unit], { status: 'poor', ...opts });
    expect([all.ethnicMinorityBase, all.total.startEthnicMinority.rate?.printed, all.total.ethnicMinorityHouseholds]).toEqual(['households', '3,75', 300]);
    const em = summaryForm([unit], { status: 'poor', ethnicMinorityBase: 'ethnic-minority-households', ...opts });
    expect([em.total.startEthnicMinority.rate?.printed, em.total.endEthnicMinority.rate?.printed, em.total.start.rate?.printed]).toEqual(['15,00', '13,00', '5,00']);
    expect(firstIssue(() => summaryForm([{ ...unit, ethnicMinorityHouseholds: undefined } as unknown as SummaryFormUnit], { status: 'poor', ethnicMinorityBase: 'ethnic-minority-households', ...opts })).code).toBe('missing-field');
    expect(firstIssue(() => summaryForm([unit], { status: 'poor', ethnicMinorityBase: 'dtts' as 'households', ...opts })).code).toBe('invalid-option');
    const bad = summaryForm([{ ...unit, ethnicMinorityHouseholds: 40, exits: 70, end: 0, endEthnicMinority: 0 }], { status: 'poor', ...opts });
    expect(bad.findings.map((f) => f.code)).toEqual(['flow-does-not-balance', 'ethnic-minority-exceeds-count', 'exits-exceed-start']);
    expect(bad.findings[1]?.message).toBe('Đắk Mol: 45 ethnic-minority households (startEthnicMinority) but only 40 ethnic-minority households in the unit');
  });

  it('refuses a unit twice, bad counts and options', () => {
    expect(firstIssue(() => summaryForm([seedUnits[0]!, seedUnits[0]!], { status: 'poor', ...opts })).code).toBe('duplicate-unit');
    expect(firstIssue(() => summaryForm([{ ...seedUnits[0]!, exits: -1 }], { status: 'poor', ...opts })).path).toEqual([0, 'exits']);
    expect(firstIssue(() => summaryForm(seedUnits, { status: 'average' as 'poor', ...opts })).code).toBe('invalid-option');
  });

  it('summaryFormUnits builds the units from reviewed households (flows from start and end status)', () => {
    const units = summaryFormUnits(
      [
        { id: 'a', unit: 'X', area: 'rural', status: 'near-poor', startStatus: 'poor', ethnicMinority: true },
        { id: 'b', unit: 'X', area: 'rural', status: 'poor', startStatus: 'near-poor', everEscapedPoverty: true },
        { id: 'c', unit: 'X', area: 'rural', status: 'poor', startStatus: 'non-poor', ethnicMinority: true },
        { id: 'd', unit: 'Y', area: 'urban', status: 'poor', startStatus: 'poor' },
      ],
      { status: 'poor' },
    );
    expect(units).toEqual([
      { unit: 'X', area: 'rural', households: 3, ethnicMinorityHouseholds: 2, start: 1, startEthnicMinority: 1, exits: 1, re: 1, newly: 1, movedIn: 0, movedOut: 0, end: 2, endEthnicMinority: 1 },
      { unit: 'Y', area: 'urban', households: 1, ethnicMinorityHouseholds: 0, start: 1, startEthnicMinority: 0, exits: 0, re: 0, newly: 0, movedIn: 0, movedOut: 0, end: 1, endEthnicMinority: 0 },
    ]);
    expect(firstIssue(() => summaryFormUnits([{ id: 'a', unit: 'X', status: 'poor' }], { status: 'poor' })).code).toBe('missing-field');
    expect(firstIssue(() => summaryFormUnits([{ id: 'a', unit: 'X', area: 'rural', status: 'poor' }, { id: 'b', unit: 'X', area: 'urban', status: 'poor' }], { status: 'poor' })).code).toBe('mixed-areas');
  });

  describe('properties', () => {
    it('from any register: flows balance, subtotals and the total add the units, every rate is count ÷ households', () => {
      fc.assert(
        fc.property(registerArb, fc.constantFrom('poor' as const, 'near-poor' as const), (register, status) => {
          const f = summaryForm(summaryFormUnits(register, { status }), { status, ...opts });
          expect(f.findings.filter((x) => x.code !== 'count-exceeds-households')).toEqual([]);
          const rows = f.blocks.flatMap((b) => b.rows);
          for (const field of ['households', 'start', 'exits', 're', 'newly', 'end', 'startEthnicMinority', 'endEthnicMinority'] as const) {
            const get = (r: SummaryFormRow): number => (field === 'households' ? r.households : r[field].count);
            expect(get(f.total)).toBe(rows.reduce((a, r) => a + get(r), 0));
            expect(get(f.total)).toBe(f.blocks.reduce((a, b) => a + get(b.subtotal), 0));
          }
          expect(f.total.households).toBe(register.length);
          for (const r of [...rows, ...f.blocks.map((b) => b.subtotal), f.total]) {
            if (r.households === 0) expect(r.end.rate).toBeNull();
            else expect(r.end.rate?.exact).toEqual(exactRate(r.end.count, r.households));
            expect(r.balance.ok).toBe(true);
          }
        }),
        { numRuns: 1000 },
      );
    });

    it('summaryForms gives, in one pass, the two forms summaryForm and summaryFormUnits give status by status', () => {
      fc.assert(
        fc.property(registerArb, fc.constantFrom('households' as const, 'ethnic-minority-households' as const), (register, ethnicMinorityBase) => {
          const both = summaryForms(register, { ethnicMinorityBase, ...opts });
          for (const [status, form] of [['poor', both.poor], ['near-poor', both.nearPoor]] as const) {
            expect(form).toEqual(summaryForm(summaryFormUnits(register, { status }), { status, ethnicMinorityBase, ...opts }));
          }
        }),
      );
    });
  });
});
