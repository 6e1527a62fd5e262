import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/_internal/_decimal.js';
import { gini, lorenzCurve } from '../../src/measures/gini.js';
import { senIndex, sstIndex } from '../../src/measures/senIndex.js';
import { watts } from '../../src/measures/watts.js';
import { compareFractions, fraction, fractionToDecimal } from '../../src/numbers/fraction.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { f } from '../_helpers/fractions.js';
import { expectPure } from '../_helpers/purity.js';

const perHead = { income: 'per-head', countBy: 'units' } as const;

describe('senIndex (Sen 1976, original form)', () => {
  it("incomes 1..100, line 101/4: 65/404, Sen's form with q/(q + 1) as Stata's poverty (STB-48 sg108) computes it", () => {
    const r = expectPure(senIndex, Array.from({ length: 100 }, (_, i) => ({ income: i + 1 })), { ...perHead, line: '25.25' });
    expect(r.headcountRatio).toEqual(f(1, 4));
    expect(r.incomeGapRatio).toEqual(f(49, 101)); // 1 − 13 / 25.25
    expect(r.giniOfPoor).toEqual(f(8, 25)); // Gini of 1..25 = 24 / 75
    expect(r.value).toEqual(f(65, 404));
    // without q/(q+1) = 25/26 the value would be H·(I + (1 − I)·G) = 1/4 · (49 + 52 · 8/25)/101
    expect(r.value).not.toEqual(f(49 * 25 + 52 * 8, 4 * 101 * 25));
  });
  it('is 0 when nobody is poor, and a unit exactly at the line is not poor', () => {
    expect(senIndex([{ income: 100 }, { income: 200 }], { ...perHead, line: 100 }).value).toEqual(f(0));
  });
});

describe('sstIndex (Shorrocks 1995)', () => {
  it('FGT(1) × (1 + Gini of the gaps), by hand: gaps (1/2, 0) → 1/4 × 3/2 = 3/8', () => {
    const r = sstIndex([{ income: 50 }, { income: 100 }], { ...perHead, line: 100 });
    expect([r.povertyGap, r.giniOfGaps, r.value]).toEqual([f(1, 4), f(1, 2), f(3, 8)]);
  });
  it('is 0 when nobody is poor', () => {
    expect(sstIndex([{ income: 150 }], { ...perHead, line: 100 }).value).toEqual(f(0));
  });
});

describe('watts (Watts 1968)', () => {
  it('(1/N) Σ ln(z/y) over the poor: incomes 50, 100, 200 and line 100 give ln 2 / 3', () => {
    const r = watts([{ income: 50 }, { income: 100 }, { income: 200 }], { ...perHead, line: 100 });
    expect(r.value.toFixed(30)).toBe(new Decimal(2).ln().div(3).toFixed(30));
  });
  it('zero incomes: refused unless told; excluded, or floored', () => {
    const units = [{ income: 0 }, { income: 50 }, { income: 200 }];
    expect(firstIssueCode(() => watts(units, { ...perHead, line: 100 }))).toBe('zero-income');
    const excluded = watts(units, { ...perHead, line: 100, zeroIncome: 'exclude' });
    expect(excluded.excludedUnits).toBe(1);
    expect(excluded.value.toFixed(30)).toBe(new Decimal(2).ln().div(2).toFixed(30));
    const floored = watts(units, { ...perHead, line: 100, zeroIncome: { floor: 25 } });
    expect(floored.value.toFixed(30)).toBe(new Decimal(4).ln().plus(new Decimal(2).ln()).div(3).toFixed(30));
    expect(firstIssueCode(() => watts(units, { ...perHead, line: 100, zeroIncome: { floor: 0 } }))).toBe('invalid-floor');
  });
  it('is 0 when nobody is poor; subgroups', () => {
    const r = watts([{ income: 150, group: 'a' }, { income: 50, group: 'b' }], { ...perHead, line: 100 });
    expect(r.subgroups?.map((s) => [s.group, s.value.toFixed(20)])).toEqual([
      ['a', '0.00000000000000000000'],
      ['b', new Decimal(2).ln().toFixed(20)],
    ]);
  });
});

describe('gini (population form)', () => {
  it('8, 5, 1, 3, 5, 6, 7, 6, 3 → 47/198; (0, …, 0, 100) with n = 100 → 0.99; a constant → 0', () => {
    expect(gini([8, 5, 1, 3, 5, 6, 7, 6, 3].map((value) => ({ value }))).gini).toEqual(f(47, 198));
    expect(gini([...Array<number>(99).fill(0), 100].map((value) => ({ value }))).gini).toEqual(f(99, 100));
    expect(gini([7, 7, 7].map((value) => ({ value }))).gini).toEqual(f(0));
  });
  it('refuses negative values and an all-zero total', () => {
    expect(firstIssueCode(() => gini([{ value: -1 }, { value: 2 }]))).toBe('negative-income');
    expect(firstIssueCode(() => gini([{ value: 0 }, { value: 0 }]))).toBe('zero-total');
  });
});

describe('lorenzCurve', () => {
  it('two people with 25 and 75 (Essama-Nssah 2005, World Bank PRMPR, “The Lorenz model of the size distribution of income”, Module 3, simple example): (0.5, 0.25), (1, 1)', () => {
    const r = lorenzCurve([{ value: 25 }, { value: 75 }]);
    expect(r.points.map((p) => [p.populationShare, p.incomeShare])).toEqual([
      [f(0), f(0)],
      [f(1, 2), f(1, 4)],
      [f(1), f(1)],
    ]);
    expect(gini([{ value: 25 }, { value: 75 }]).gini).toEqual(f(1, 4));
  });
});

// ---------------------------------------------------------------------------------------------
const incomes = fc.array(fc.record({ income: fc.integer({ min: 0, max: 300 }), w: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 12 });
const expand = (xs: Array<{ income: number; w: number }>): Array<{ income: number }> => xs.flatMap((x) => Array.from({ length: x.w }, () => ({ income: x.income })));

/** Stata poverty's Sen index (STB-48 sg108 p. 30): 2/(z(q+1)N) Σ (q + 1 − r_i)(z − y_i) over the poor, ranks r by income ascending. */
function stataSen(ys: number[], z: number): ReturnType<typeof f> {
  const poor = ys.filter((y) => y < z).sort((a, b) => a - b);
  const q = poor.length;
  let s = 0n;
  poor.forEach((y, i) => (s += BigInt(q - i) * BigInt(z - y)));
  return q === 0 ? f(0) : fraction(2n * s, BigInt(z) * BigInt(q + 1) * BigInt(ys.length));
}

describe('properties', () => {
  it("Sen equals Stata poverty's rank formula, and weighted equals expanded for Sen, SST, Watts and Gini", () => {
    fc.assert(
      fc.property(incomes, fc.integer({ min: 1, max: 300 }), (xs, z) => {
        const ex = expand(xs);
        const opts = { ...perHead, line: z, zeroIncome: { floor: 1 } } as const;
        expect(senIndex(ex, opts).value).toEqual(stataSen(ex.map((x) => x.income), z));
        const weighted = xs.map((x) => ({ income: x.income, sampleWeight: x.w }));
        expect(senIndex(weighted, opts).value).toEqual(senIndex(ex, opts).value);
        expect(sstIndex(weighted, opts).value).toEqual(sstIndex(ex, opts).value);
        expect(watts(weighted, opts).value.toFixed(35)).toBe(watts(ex, opts).value.toFixed(35));
        if (ex.some((x) => x.income > 0)) expect(gini(xs.map((x) => ({ value: x.income, weight: x.w }))).gini).toEqual(gini(ex.map((x) => ({ value: x.income }))).gini);
      }),
    );
  });

  it('Watts, Sen and SST are 0 when nobody is poor; Gini lies in [0, 1 − 1/n] and the Lorenz curve is monotone, below the diagonal, from (0,0) to (1,1)', () => {
    fc.assert(
      fc.property(incomes, (xs) => {
        const rich = xs.map((x) => ({ income: x.income + 1000 }));
        const opts = { ...perHead, line: 1000 };
        expect(watts(rich, opts).value.isZero()).toBe(true);
        expect(senIndex(rich, opts).value).toEqual(f(0));
        expect(sstIndex(rich, opts).value).toEqual(f(0));
        const ex = expand(xs).map((x) => ({ value: x.income }));
        fc.pre(ex.some((x) => x.value > 0));
        const g = gini(ex).gini;
        expect(compareFractions(g, f(0))).toBeGreaterThanOrEqual(0);
        expect(compareFractions(g, f(ex.length - 1, ex.length))).toBeLessThanOrEqual(0);
        const pts = lorenzCurve(ex).points;
        expect(pts[0]).toEqual({ populationShare: f(0), incomeShare: f(0) });
        expect(pts[pts.length - 1]).toEqual({ populationShare: f(1), incomeShare: f(1) });
        pts.forEach((p, i) => {
          expect(compareFractions(p.incomeShare, p.populationShare)).toBeLessThanOrEqual(0);
          if (i > 0) expect(compareFractions(p.incomeShare, pts[i - 1]?.incomeShare ?? f(0))).toBeGreaterThanOrEqual(0);
        });
        expect(fractionToDecimal(g).lt(1)).toBe(true);
      }),
    );
  });
});
