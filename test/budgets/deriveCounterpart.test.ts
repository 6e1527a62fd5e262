import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCounterpart } from '../../src/budgets/checkCounterpart.js';
import { counterpartPercentRange } from '../../src/budgets/counterpartPercentRange.js';
import { deriveCounterpart } from '../../src/budgets/deriveCounterpart.js';
import { requiredCounterpart } from '../../src/budgets/requiredCounterpart.js';
import { compareFractions, fraction, type Fraction } from '../../src/numbers/fraction.js';
import { ROUNDING_MODES, type RoundingMode } from '../../src/numbers/rounding.js';
import { expectPure } from '../_helpers/purity.js';
import { MILLION, SEED001_PROJECTS, SEED001_TOTALS } from './_seed001.js';

const central = SEED001_PROJECTS.map((p) => BigInt(p.central) * MILLION);
const printedProvincial = SEED001_PROJECTS.map((p) => BigInt(p.provincial) * MILLION);

describe('deriveCounterpart', () => {
  it('reproduces seed 001’s provincial column: 10 % of central, per line, half-up to the million (lines 188–455)', () => {
    const d = deriveCounterpart(central, { percent: '10', roundTo: 'trieu', rounding: 'half-up', strategy: 'per-line' });
    expect(d.lines).toEqual(printedProvincial);
    expect(d.total).toBe(BigInt(SEED001_TOTALS.provincial) * MILLION);
    expect(d.rowTotals.map((t) => t / MILLION)).toEqual(SEED001_PROJECTS.map((p) => BigInt(p.total)));
    expect(d.grandTotal).toBe(BigInt(SEED001_TOTALS.total) * MILLION);
    expect(d.centralTotal).toBe(BigInt(SEED001_TOTALS.central) * MILLION);
    expect(d.exactTotal).toEqual(fraction(497_800_000n));
  });

  it('seed 001: rounding on the total gives the same 498 triệu here, so the difference is 0', () => {
    const d = deriveCounterpart(central, { percent: '10', roundTo: 'trieu', rounding: 'half-up', strategy: 'on-total' });
    expect(d.total).toBe(498n * MILLION);
    expect(d.lines).toEqual(printedProvincial);
    expect(d.difference).toBe(0n);
  });

  it('seed 001: rounding down (truncation) or up per line does not reproduce the plan', () => {
    const down = deriveCounterpart(central, { percent: '10', roundTo: 'trieu', rounding: 'down', strategy: 'per-line' });
    expect(down.lines.map((l) => l / MILLION)).toEqual([229n, 94n, 110n, 13n, 31n, 18n]);
    const up = deriveCounterpart(central, { percent: '10', roundTo: 'trieu', rounding: 'ceil', strategy: 'per-line' });
    expect(up.lines.map((l) => l / MILLION)).toEqual([230n, 95n, 110n, 14n, 32n, 19n]);
    expect(up.total / MILLION).toBe(500n);
  });

  it('reports the difference when per-line and on-total rounding disagree', () => {
    // three lines of 1,4 triệu each at 100 %: per line 1+1+1 = 3, on the total round(4,2) = 4
    const d = deriveCounterpart([1_400_000n, 1_400_000n, 1_400_000n], { percent: '100', roundTo: 'trieu', rounding: 'half-up', strategy: 'per-line' });
    expect(d.perLine.total).toBe(3n * MILLION);
    expect(d.onTotal.total).toBe(4n * MILLION);
    expect(d.onTotal.lines).toEqual([2n * MILLION, MILLION, MILLION]);
    expect(d.difference).toBe(-MILLION);
  });

  it('handles an empty column and refuses bad options', () => {
    expect(deriveCounterpart([], { percent: '10', roundTo: 'trieu', rounding: 'ceil', strategy: 'on-total' }).total).toBe(0n);
    expect(() => deriveCounterpart(central, { percent: '-1', roundTo: 'trieu', rounding: 'ceil', strategy: 'per-line' })).toThrow(/≥ 0/);
    expect(() => deriveCounterpart(central, { percent: '10', roundTo: 'trieu', rounding: 'ceil', strategy: 'each' as never })).toThrow(/per-line/);
    expect(() => deriveCounterpart([-1n], { percent: '10', roundTo: 'trieu', rounding: 'ceil', strategy: 'per-line' })).toThrow(/≥ 0/);
    expect(() => deriveCounterpart(central, { percent: '10', roundTo: 'trieu', strategy: 'per-line' } as never)).toThrow(/rounding/);
  });

  it('is pure', () => {
    expectPure(deriveCounterpart, central, { percent: '10', roundTo: 'trieu', rounding: 'half-up', strategy: 'per-line' });
  });
});

describe('counterpartPercentRange', () => {
  const pct = (f: Fraction): number => Number(f.num) / Number(f.den);

  it('finds which ratio seed 001 applied: every percentage in [9,968 %; 10,009 %) reproduces it half-up, 10 % being the only round one', () => {
    const { range } = counterpartPercentRange(central, printedProvincial, { roundTo: 'trieu', rounding: 'half-up' });
    expect(range).not.toBeNull();
    // lower bound from DA3 TDA1 (94,5 / 948), upper bound from DA2 (229,5 / 2.293)
    expect(range!.low).toEqual(fraction(94_500n * 100n, 948_000n));
    expect(range!.high).toEqual(fraction(229_500n * 100n, 2_293_000n));
    expect([range!.lowInclusive, range!.highInclusive]).toEqual([true, false]);
    expect(pct(range!.low)).toBeCloseTo(9.9684, 4);
    expect(pct(range!.high!)).toBeCloseTo(10.0087, 4);
  });

  it('finds no percentage when seed 001 is read as truncated (rounding down)', () => {
    expect(counterpartPercentRange(central, printedProvincial, { roundTo: 'trieu', rounding: 'down' }).range).toBeNull();
  });

  it('is pure', () => {
    expectPure(counterpartPercentRange, central, printedProvincial, { roundTo: 'trieu', rounding: 'half-up' });
  });

  it('reports a line with a counterpart but no central amount', () => {
    expect(counterpartPercentRange([0n, MILLION], [MILLION, 0n], { roundTo: 'trieu', rounding: 'half-up' }).conflictingLine).toBe(0);
  });

  describe('properties', () => {
    const line = fc.bigInt({ min: 0n, max: 10n ** 15n });
    const percent = fc.integer({ min: 0, max: 3000 }).map((n) => fraction(BigInt(n), 100n)); // 0,00 % … 30,00 %

    it('the percentage a column was derived with always lies in the range found', () => {
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), percent, fc.constantFrom(...ROUNDING_MODES), (c, p, rounding: RoundingMode) => {
          const d = deriveCounterpart(c, { percent: p, roundTo: 'trieu', rounding, strategy: 'per-line' });
          const { range } = counterpartPercentRange(c, d.lines, { roundTo: 'trieu', rounding });
          expect(range).not.toBeNull();
          const lo = compareFractions(p, range!.low);
          expect(lo > 0 || (lo === 0 && range!.lowInclusive)).toBe(true);
          if (range!.high !== null) {
            const hi = compareFractions(p, range!.high);
            expect(hi < 0 || (hi === 0 && range!.highInclusive)).toBe(true);
          }
        }),
      );
    });
  });
});

describe('deriveCounterpart properties', () => {
  const column = fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { maxLength: 12 });
  const percent = fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2));
  const strategy = fc.constantFrom('per-line' as const, 'on-total' as const);
  const unit = fc.constantFrom('dong' as const, 'nghin' as const, 'trieu' as const, 'ty' as const);

  it('totals are exact: the total is the sum of the lines, each row total is central + counterpart, amounts up to 10^15 đồng', () => {
    fc.assert(
      fc.property(column, percent, fc.constantFrom(...ROUNDING_MODES), strategy, unit, (c, p, rounding, s, roundTo) => {
        const d = deriveCounterpart(c, { percent: p, roundTo, rounding, strategy: s });
        expect(d.total).toBe(d.lines.reduce((a, b) => a + b, 0n));
        expect(d.centralTotal).toBe(c.reduce((a, b) => a + b, 0n));
        d.rowTotals.forEach((t, i) => expect(t).toBe(c[i]! + d.lines[i]!));
        expect(d.grandTotal).toBe(d.centralTotal + d.total);
        expect(d.difference).toBe(d.perLine.total - d.onTotal.total);
      }),
    );
  });

  it('on-total rounding splits the rounded total exactly in whole units, each line within two units of its exact value', () => {
    fc.assert(
      fc.property(column, percent, fc.constantFrom(...ROUNDING_MODES), unit, (c, p, rounding, roundTo) => {
        const d = deriveCounterpart(c, { percent: p, roundTo, rounding, strategy: 'on-total' });
        const per = { dong: 1n, nghin: 1_000n, trieu: MILLION, ty: 1_000_000_000n }[roundTo];
        d.lines.forEach((l, i) => {
          expect(l % per).toBe(0n);
          const e = d.exact[i]!;
          const diff = l * e.den - e.num;
          expect(diff < 0n ? -diff : diff).toBeLessThan(2n * per * e.den);
        });
      }),
    );
  });

  it('with ceil, a counterpart derived at the tier minimum never falls below the required minimum (either strategy)', () => {
    fc.assert(
      fc.property(column, fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2)), strategy, unit, (c, supportPercent, s, roundTo) => {
        const centralTotal = c.reduce((a, b) => a + b, 0n);
        const min = requiredCounterpart(centralTotal, { supportPercent, rounding: 'ceil' });
        const d = deriveCounterpart(c, { percent: min.tier.minCounterpartPercent, roundTo, rounding: 'ceil', strategy: s });
        expect(checkCounterpart({ central: centralTotal, counterpart: d.total }, { supportPercent }).ok).toBe(true);
        expect(compareFractions(fraction(d.total), d.exactTotal)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('rounding to nearest can fall below the minimum (why ceil is the mode to choose)', () => {
    const d = deriveCounterpart([1_400_000n, 1_400_000n, 1_400_000n], { percent: '10', roundTo: 'trieu', rounding: 'half-up', strategy: 'per-line' });
    expect(checkCounterpart({ central: 4_200_000n, counterpart: d.total }, { supportPercent: '60' }).ok).toBe(false);
  });
});
