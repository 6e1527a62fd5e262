import { compareFractions, fraction, multiplyFractions, type Fraction } from '../numbers/fraction.js';
import { divideIntervals, interval, intersectIntervals, pointInterval, type Interval } from '../numbers/interval.js';
import { roundingPreimage } from '../numbers/printedInterval.js';
import type { RoundingMode } from '../numbers/rounding.js';

/** One printed rate (× 100) of a count over a base: the rate as printed, its decimals, the count, its rounding. */
export interface RateOnBase {
  readonly rate: Fraction;
  readonly decimals: number;
  readonly count: Fraction;
  readonly rounding: RoundingMode;
}

/** The figures a base may be printed as, both ends included. */
export interface BaseRange {
  readonly min: Fraction;
  readonly max: Fraction;
}

/**
 * The bases, as figures printed to `decimals`, for which every rate prints as it does
 * (round(count ÷ base × 100) at the rate's decimals); null when no base fits them all, or when a
 * rate or a count is zero (it bounds no base).
 */
export function baseRangeOfRates(rates: readonly RateOnBase[], decimals: number): BaseRange | null {
  let shared: Interval | null = interval(0, null, { lowOpen: true });
  for (const r of rates) {
    if (r.rate.num <= 0n || r.count.num <= 0n || shared === null) return null;
    const allowed = roundingPreimage(r.rate, r.decimals, r.rounding);
    if (allowed.low === null || allowed.low.value.num <= 0n) return null;
    shared = intersectIntervals(shared, divideIntervals(pointInterval(multiplyFractions(r.count, fraction(100n))), allowed));
  }
  if (shared === null || shared.low === null || shared.high === null) return null;
  const unit = 10n ** BigInt(decimals);
  // the first and the last k ÷ 10^decimals inside the interval
  const lo = multiplyFractions(shared.low.value, fraction(unit));
  const hi = multiplyFractions(shared.high.value, fraction(unit));
  let first = lo.num / lo.den + (lo.num % lo.den === 0n ? 0n : 1n);
  if (shared.low.open && compareFractions(fraction(first), lo) === 0) first++;
  let last = hi.num / hi.den;
  if (shared.high.open && compareFractions(fraction(last), hi) === 0) last--;
  return first > last ? null : { min: fraction(first, unit), max: fraction(last, unit) };
}
