import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFractions, multiplyFractions, sumFractions, type Fraction } from '../../src/numbers/fraction.js';
import { fgt, type FgtOptions, type FgtUnit } from '../../src/measures/fgt.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { f } from '../_helpers/fractions.js';

// Lines of NĐ 07/2021/NĐ-CP Art. 3 cl. 1(a): 1,500,000 (rural) and 2,000,000 (urban) đồng per person per month.
const lines = { rural: 1_500_000n, urban: 2_000_000n };
const households: FgtUnit[] = [
  { income: 3_000_000n, members: 4, area: 'rural', group: 'A' }, // 750,000 per head: gap 1/2
  { income: 6_000_000n, members: 4, area: 'rural', group: 'A' }, // exactly at the line: not poor (y < z is strict)
  { income: 4_500_000n, members: 3, area: 'urban', group: 'B' }, // 1,500,000 per head: gap 1/4
  { income: 9_000_000n, members: 3, area: 'urban', group: 'B' }, // above the line
  { income: 0n, members: 2, area: 'rural', sampleWeight: 0, group: 'B' }, // zero weight: counts for nothing
];
const opts = (alpha: number | string, countBy: 'units' | 'members' = 'units'): FgtOptions => ({ alpha, line: lines, income: 'unit-total', countBy });

describe('fgt', () => {
  it('P0, P1, P2 by hand: gaps 1/2 and 1/4 among four weighted households', () => {
    expect(fgt(households, opts(0)).exact).toEqual(f(2, 4)); // 2 poor of 4
    expect(fgt(households, opts(1)).exact).toEqual(f(3, 16)); // (1/2 + 1/4) / 4
    expect(fgt(households, opts(2)).exact).toEqual(f(5, 64)); // (1/4 + 1/16) / 4
    expect(fgt(households, opts(2)).value.toString()).toBe('0.078125');
  });

  it('counts people through household size: P0 = (4 + 3) / 14', () => {
    const r = fgt(households, opts(0, 'members'));
    expect(r.population).toEqual(f(14));
    expect(r.exact).toEqual(f(7, 14));
    expect(fgt(households, opts(1, 'members')).exact).toEqual(f(11, 56)); // (4 · 1/2 + 3 · 1/4) / 14
  });

  it('a household exactly at the line is not poor (unlike the decree’s “từ … trở xuống” for classification)', () => {
    const r = fgt([{ income: 1_500_000n, area: 'rural' }], { alpha: 0, line: lines, income: 'per-head', countBy: 'units' });
    expect(r.exact).toEqual(f(0));
    expect(r.poorPopulation).toEqual(f(0));
  });

  it('α = 1/2 (non-integer): Decimal of 40 significant digits, ((1/4)^½ + (1/2)^½)/2', () => {
    const r = fgt([{ income: 750, members: 1 }, { income: 500, members: 1 }], { alpha: '0.5', line: 1000, income: 'per-head', countBy: 'units' });
    expect(r.exact).toBeNull();
    // (0.5 + √2/2) / 2 = 0.60355339059327376220042218105242451964241796884…
    expect(r.value.toString()).toBe('0.6035533905932737622004221810524245196424');
  });

  it('decomposes by subgroup: population-weighted subgroup values sum to the total', () => {
    const r = fgt(households, opts(1));
    expect(r.subgroups?.map((g) => [g.group, g.populationShare, g.measure.exact])).toEqual([
      ['A', f(1, 2), f(1, 4)],
      ['B', f(1, 2), f(1, 8)],
    ]);
    expect(sumFractions((r.subgroups ?? []).map((g) => g.exactContribution as Fraction))).toEqual(r.exact);
  });

  it('is pure', () => {
    expectPure(fgt, households, opts(2));
  });

  it('refuses bad input with typed errors', () => {
    expect(firstIssueCode(() => fgt(households, opts(-1)))).toBe('invalid-alpha');
    expect(firstIssueCode(() => fgt(households, { ...opts(1), line: { rural: 0, urban: 1 } }))).toBe('non-positive-line');
    expect(firstIssueCode(() => fgt([{ income: 1, members: 1, area: 'mountain' }], opts(1)))).toBe('unknown-area');
    expect(firstIssueCode(() => fgt([{ income: -1, members: 1, area: 'rural' }], opts(1)))).toBe('negative-income');
    expect(firstIssueCode(() => fgt([{ income: 1, members: 1, area: 'rural', sampleWeight: -2 }], opts(1)))).toBe('negative-sampling-weight');
    expect(firstIssueCode(() => fgt([{ income: 1, area: 'rural' }], opts(1)))).toBe('invalid-members');
    expect(firstIssueCode(() => fgt([], opts(1)))).toBe('empty-population');
    expect(firstIssueCode(() => fgt([{ income: 1, members: 1, area: 'rural', sampleWeight: 0 }], opts(1)))).toBe('empty-population');
    expect(firstIssueCode(() => fgt([{ income: 1, members: 1, area: 'rural', group: 'x' }, { income: 1, members: 1, area: 'rural' }], opts(1)))).toBe('missing-group');
    expect(firstIssueCode(() => fgt(households, { ...opts(1), alpha: Number.NaN }))).toBe('invalid-input');
  });
});

const unitArb = fc.record({
  income: fc.integer({ min: 0, max: 3_000 }),
  members: fc.integer({ min: 1, max: 6 }),
  area: fc.constantFrom('rural', 'urban'),
  sampleWeight: fc.integer({ min: 1, max: 5 }),
  group: fc.constantFrom('x', 'y'),
});
const unitsArb = fc.array(unitArb, { minLength: 1, maxLength: 12 });
const small = { rural: 1_000, urban: 1_500 };
const run = (units: FgtUnit[], alpha: number | string, countBy: 'units' | 'members' = 'members'): ReturnType<typeof fgt> =>
  fgt(units, { alpha, line: small, income: 'unit-total', countBy });

describe('properties', () => {
  it('subgroup decomposition sums to the total', () => {
    fc.assert(
      fc.property(unitsArb, fc.integer({ min: 0, max: 3 }), (units, alpha) => {
        const r = run(units, alpha);
        expect(sumFractions((r.subgroups ?? []).map((g) => multiplyFractions(g.populationShare, g.measure.exact as Fraction)))).toEqual(r.exact);
      }),
    );
  });

  it('P0 ≥ P1 ≥ P2 ≥ P3 (normalised gaps are at most 1)', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const values = [0, 1, 2, 3].map((a) => run(units, a).exact as Fraction);
        for (let a = 1; a < values.length; a++) expect(compareFractions(values[a] as Fraction, values[a - 1] as Fraction)).toBeLessThanOrEqual(0);
        expect(values[0]).toEqual(run(units, 0).poorPopulation.num === 0n ? f(0) : values[0]);
      }),
    );
  });

  it('less income for a poor unit never lowers P1 (monotonicity)', () => {
    fc.assert(
      fc.property(unitsArb, fc.nat(), (units, pick) => {
        const i = pick % units.length;
        const u = units[i] as (typeof units)[number];
        if (u.income === 0) return;
        const poorer = units.map((x, j) => (j === i ? { ...x, income: x.income - 1 } : x));
        expect(compareFractions(run(poorer, 1).exact as Fraction, run(units, 1).exact as Fraction)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('replicating every unit n times and permuting units change nothing', () => {
    fc.assert(
      fc.property(unitsArb, fc.integer({ min: 2, max: 3 }), (units, times) => {
        const base = run(units, 2);
        expect(run(Array.from({ length: times }, () => units).flat(), 2).exact).toEqual(base.exact);
        expect(run([...units].reverse(), 2).exact).toEqual(base.exact);
      }),
    );
  });

  it('a non-integer α close to an integer agrees with the exact value to the printed precision', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 3 }), (units) => {
        const exact = run(units, 1, 'units');
        const dec = run(units, '1.0000000000000000000000000000000000000000000000000000001', 'units');
        expect(dec.value.minus(exact.value).abs().lte('1e-38')).toBe(true);
      }),
    );
  });
});
