import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFractions, fraction, type Fraction } from '../../src/numbers/fraction.js';
import {
  addIntervals,
  divideIntervals,
  formatInterval,
  hullIntervals,
  interval,
  intersectIntervals,
  intervalContains,
  intervalGap,
  intervalsMeet,
  isPointInterval,
  pointInterval,
  scaleInterval,
  subtractIntervals,
  sumIntervals,
  widenInterval,
  type Interval,
} from '../../src/numbers/interval.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';

describe('intervals', () => {
  it('the issue’s example: parts 571,9–572,4 tỷ against a total printed “hơn 610,3 tỷ”: at least 37,9 tỷ unaccounted', () => {
    const parts = interval('571.9', '572.4');
    const total = interval('610.3', null, { lowOpen: true });
    expect(intervalsMeet(parts, total)).toBe(false);
    expect(intervalGap(total, parts)).toEqual(fraction(379n, 10n));
    expect(intervalGap(parts, total)).toEqual(fraction(-379n, 10n));
    expect(formatInterval(total, { decimals: 1 })).toBe('> 610,3');
  });

  it('seed 000: 4.952 people at 99,04 % of plan (99,035–99,045 %) imply a plan of 4.999,7–5.000,3', () => {
    const plan = divideIntervals(pointInterval(4952), interval('0.99035', '0.99045'));
    expect(formatInterval(plan, { decimals: 1 })).toBe('4.999,7–5.000,3');
    expect(intervalContains(plan, 5000)).toBe(true);
  });

  it('open ends: touching at an excluded end does not meet, and is 0 apart', () => {
    const a = interval(0, 1, { highOpen: true });
    expect(intervalsMeet(a, interval(1, 2))).toBe(false);
    expect(intervalGap(a, interval(1, 2))).toEqual(fraction(0n));
    expect(intervalsMeet(interval(0, 1), interval(1, 2))).toBe(true);
  });

  it('refuses an inverted interval and a divisor that holds zero', () => {
    expect(firstIssueCode(() => interval(2, 1))).toBe('inverted-interval');
    expect(firstIssueCode(() => interval(1, 1, { lowOpen: true }))).toBe('inverted-interval');
    expect(firstIssueCode(() => divideIntervals(pointInterval(1), interval(0, 2)))).toBe('non-positive-base');
    expect(firstIssueCode(() => divideIntervals(pointInterval(1), interval(-1, 2)))).toBe('non-positive-base');
  });

  it('divides unbounded intervals and divisors', () => {
    expect(formatInterval(divideIntervals(interval(10, null), interval(2, 5)), { decimals: 0 })).toBe('≥ 2');
    expect(formatInterval(divideIntervals(interval(10, 20), interval(2, null)), { decimals: 0 })).toBe('0–10');
    expect(divideIntervals(interval(10, 20), interval(2, null)).low).toEqual({ value: fraction(0n), open: true });
    expect(formatInterval(divideIntervals(interval(-4, 6), interval(2, 4)), { decimals: 0 })).toBe('-2–3');
    expect(divideIntervals(interval(1, 2), interval(0, 1, { lowOpen: true })).high).toBeNull();
  });

  it('formats points, one-sided and two-sided intervals, rounding ends outwards', () => {
    expect(formatInterval(pointInterval('5.6'), { decimals: 1 })).toBe('5,6');
    expect(formatInterval(interval(null, 2, { highOpen: true }), { decimals: 0 })).toBe('< 2');
    expect(formatInterval(interval(null, 2), { decimals: 0 })).toBe('≤ 2');
    expect(formatInterval(interval(5, null), { decimals: 0 })).toBe('≥ 5');
    expect(formatInterval(interval('0.001', '0.009'), { decimals: 2 })).toBe('0,00–0,01');
    expect(formatInterval(interval(null, null), { decimals: 0 })).toBe('any value');
  });

  it('is pure', () => {
    expectPure(addIntervals, interval(1, 2), interval(3, 4));
    expectPure(divideIntervals, interval(1, 2), interval(3, 4));
  });
});

describe('properties', () => {
  const small = fc.integer({ min: -10_000, max: 10_000 });
  const frac = fc.tuple(small, fc.integer({ min: 1, max: 100 })).map(([n, d]) => fraction(BigInt(n), BigInt(d)));
  /** An interval with a value known to lie in it. */
  const withMember: fc.Arbitrary<{ i: Interval; x: Fraction }> = fc
    .tuple(frac, fc.nat(50), fc.nat(50), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean())
    .map(([x, below, above, lowOpen, highOpen, noLow, noHigh]) => {
      const lo = fraction(x.num * 1n - BigInt(below) * x.den, x.den);
      const hi = fraction(x.num + BigInt(above) * x.den, x.den);
      const i: Interval = {
        low: noLow ? null : { value: lo, open: lowOpen && below > 0 },
        high: noHigh ? null : { value: hi, open: highOpen && above > 0 },
      };
      return { i, x };
    });
  const has = (i: Interval, x: Fraction): boolean => intervalContains(i, x);

  it('sums, differences and scalings hold every combination of their members', () => {
    fc.assert(
      fc.property(withMember, withMember, frac, (a, b, k) => {
        expect(has(addIntervals(a.i, b.i), fraction(a.x.num * b.x.den + b.x.num * a.x.den, a.x.den * b.x.den))).toBe(true);
        expect(has(subtractIntervals(a.i, b.i), fraction(a.x.num * b.x.den - b.x.num * a.x.den, a.x.den * b.x.den))).toBe(true);
        expect(has(scaleInterval(a.i, k), fraction(a.x.num * k.num, a.x.den * k.den))).toBe(true);
        expect(has(sumIntervals([a.i, b.i]), fraction(a.x.num * b.x.den + b.x.num * a.x.den, a.x.den * b.x.den))).toBe(true);
      }),
    );
  });

  it('a quotient holds every quotient of members by a positive divisor', () => {
    fc.assert(
      fc.property(withMember, fc.integer({ min: 1, max: 1000 }), fc.nat(1000), (a, d, w) => {
        const b = interval(fraction(BigInt(d), 10n), fraction(BigInt(d + w), 10n));
        for (const y of [fraction(BigInt(d), 10n), fraction(BigInt(2 * d + w), 20n), fraction(BigInt(d + w), 10n)]) {
          expect(has(divideIntervals(a.i, b), fraction(a.x.num * y.den, a.x.den * y.num))).toBe(true);
        }
      }),
    );
  });

  it('two intervals meet exactly when a common member exists; the intersection lies in both; meeting is symmetric', () => {
    fc.assert(
      fc.property(withMember, withMember, (a, b) => {
        expect(intervalsMeet(a.i, b.i)).toBe(intervalsMeet(b.i, a.i));
        if (has(b.i, a.x)) expect(intervalsMeet(a.i, b.i)).toBe(true);
        const both = intersectIntervals(a.i, b.i);
        if (both !== null && both.low !== null && both.high !== null && !both.low.open) {
          expect(has(a.i, both.low.value) && has(b.i, both.low.value)).toBe(true);
        }
        if (!intervalsMeet(a.i, b.i)) expect(intervalGap(a.i, b.i)).not.toBeNull();
      }),
    );
  });

  it('widening or taking a hull never loses a member, and a widened interval meets whatever the original met', () => {
    fc.assert(
      fc.property(withMember, withMember, fc.nat(100), (a, b, w) => {
        const wide = widenInterval(a.i, fraction(BigInt(w), 10n));
        expect(has(wide, a.x)).toBe(true);
        expect(has(hullIntervals(a.i, b.i), b.x)).toBe(true);
        if (intervalsMeet(a.i, b.i)) expect(intervalsMeet(wide, b.i)).toBe(true);
      }),
    );
  });

  it('a point interval is a point and holds only its value', () => {
    fc.assert(
      fc.property(frac, frac, (x, y) => {
        expect(isPointInterval(pointInterval(x))).toBe(true);
        expect(has(pointInterval(x), y)).toBe(compareFractions(x, y) === 0);
      }),
    );
  });
});
