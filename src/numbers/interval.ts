import { fail } from '../errors/VnPovertyError.js';
import { formatVnNumber } from './formatVnNumber.js';
import { compareFractions, fraction, toFraction, type ExactInput, type Fraction } from './fraction.js';

/** One end of an {@link Interval}: an exact value, included (`open: false`) or not. */
export interface IntervalBound {
  readonly value: Fraction;
  readonly open: boolean;
}

/**
 * A set of exact numbers between two ends, each included or excluded; `null` for an end that
 * is unbounded (“hơn 620 tỷ” has no upper end). An exact figure is the interval of one point.
 * Intervals are over the rationals: a count's interval also holds the fractions between whole
 * households, which is the widest (never the narrowest) reading.
 */
export interface Interval {
  readonly low: IntervalBound | null;
  readonly high: IntervalBound | null;
}

/** Options of {@link interval}: which ends are open (excluded); both closed unless told. */
export interface IntervalOptions {
  readonly lowOpen?: boolean;
  readonly highOpen?: boolean;
}

const bound = (value: Fraction, open: boolean): IntervalBound => Object.freeze({ value, open });
const make = (low: IntervalBound | null, high: IntervalBound | null): Interval => Object.freeze({ low, high });
const neg = (f: Fraction): Fraction => fraction(-f.num, f.den);
const add = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den + b.num * a.den, a.den * b.den);
const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.num, a.den * b.den);

/**
 * Makes an interval from its two ends (`null` = unbounded), checked: low ≤ high, and an end
 * shared by both is closed on both sides.
 * @throws VnPovertyError `inverted-interval` when low > high or the interval is empty; `invalid-number`.
 * @example
 * interval('571.9', '572.4') //=> { low: { value: { num: 5719n, den: 10n }, open: false }, high: { value: { num: 2862n, den: 5n }, open: false } }
 * interval('610.3', null, { lowOpen: true }).high //=> null
 */
export function interval(low: ExactInput | null, high: ExactInput | null, options: IntervalOptions = {}): Interval {
  const lo = low === null ? null : bound(toFraction(low, ['low']), options.lowOpen === true);
  const hi = high === null ? null : bound(toFraction(high, ['high']), options.highOpen === true);
  if (lo !== null && hi !== null) {
    const c = compareFractions(lo.value, hi.value);
    if (c > 0 || (c === 0 && (lo.open || hi.open))) {
      fail({ code: 'inverted-interval', path: ['low'], value: String(low), expected: `an interval whose low end (${String(low)}) is below its high end (${String(high)})` });
    }
  }
  return make(lo, hi);
}

/**
 * The interval of one exact value.
 * @example
 * isPointInterval(pointInterval(5)) //=> true
 */
export function pointInterval(value: ExactInput): Interval {
  const v = toFraction(value, ['value']);
  return make(bound(v, false), bound(v, false));
}

/**
 * The interval with no end at all (anything).
 * @example
 * UNBOUNDED_INTERVAL.low //=> null
 */
export const UNBOUNDED_INTERVAL: Interval = make(null, null);

/**
 * True when the interval holds exactly one value.
 * @example
 * isPointInterval(interval(1, 2)) //=> false
 */
export function isPointInterval(i: Interval): boolean {
  return i.low !== null && i.high !== null && compareFractions(i.low.value, i.high.value) === 0;
}

/**
 * a + b: every sum of a value of a and a value of b. An end is open when either end it comes from is.
 * @example
 * formatInterval(addIntervals(interval(1, 2), interval(10, 20)), { decimals: 0 }) //=> '11–22'
 */
export function addIntervals(a: Interval, b: Interval): Interval {
  const lo = a.low === null || b.low === null ? null : bound(add(a.low.value, b.low.value), a.low.open || b.low.open);
  const hi = a.high === null || b.high === null ? null : bound(add(a.high.value, b.high.value), a.high.open || b.high.open);
  return make(lo, hi);
}

/**
 * −a.
 * @example
 * formatInterval(negateInterval(interval(1, 2)), { decimals: 0 }) //=> '-2–-1'
 */
export function negateInterval(a: Interval): Interval {
  return make(a.high === null ? null : bound(neg(a.high.value), a.high.open), a.low === null ? null : bound(neg(a.low.value), a.low.open));
}

/**
 * a − b: every difference of a value of a and a value of b.
 * @example
 * formatInterval(subtractIntervals(interval(10, 20), interval(1, 2)), { decimals: 0 }) //=> '8–19'
 */
export function subtractIntervals(a: Interval, b: Interval): Interval {
  return addIntervals(a, negateInterval(b));
}

/**
 * Sum of a list of intervals (the point 0 for an empty list).
 * @example
 * formatInterval(sumIntervals([pointInterval(1), interval(2, 3)]), { decimals: 0 }) //=> '3–4'
 */
export function sumIntervals(list: readonly Interval[]): Interval {
  return list.reduce(addIntervals, pointInterval(0n));
}

/**
 * a × k for an exact factor k (a negative factor swaps the ends).
 * @example
 * formatInterval(scaleInterval(interval(1, 2), fraction(100n)), { decimals: 0 }) //=> '100–200'
 */
export function scaleInterval(a: Interval, k: Fraction): Interval {
  if (k.num === 0n) return pointInterval(0n);
  const scaled = make(a.low === null ? null : bound(mul(a.low.value, k), a.low.open), a.high === null ? null : bound(mul(a.high.value, k), a.high.open));
  return k.num < 0n ? make(scaled.high, scaled.low) : scaled;
}

function isPositive(b: Interval): boolean {
  return b.low !== null && (b.low.value.num > 0n || (b.low.value.num === 0n && b.low.open));
}

/**
 * a ÷ b for a divisor whose every value is greater than zero (a base of households, a plan):
 * every quotient of a value of a by a value of b.
 * @throws VnPovertyError `non-positive-base` when b holds zero or a negative value.
 * @example
 * formatInterval(divideIntervals(pointInterval(4952), interval('0.99035', '0.99045')), { decimals: 1 }) //=> '4.999,7–5.000,3'
 */
export function divideIntervals(a: Interval, b: Interval): Interval {
  if (!isPositive(b)) {
    return fail({ code: 'non-positive-base', path: ['divisor'], value: formatInterval(b, { decimals: 6 }), expected: 'a divisor whose every value is greater than zero' });
  }
  const q = (x: IntervalBound, y: IntervalBound): IntervalBound => bound(fraction(x.value.num * y.value.den, x.value.den * y.value.num), x.open || y.open);
  const zero = (open: boolean): IntervalBound => bound(fraction(0n), open);
  const bLowZero = b.low!.value.num === 0n;
  let lo: IntervalBound | null = null;
  if (a.low !== null) {
    if (a.low.value.num === 0n) lo = zero(a.low.open);
    else if (a.low.value.num > 0n) lo = b.high === null ? zero(true) : q(a.low, b.high);
    else lo = bLowZero ? null : q(a.low, b.low!);
  }
  let hi: IntervalBound | null = null;
  if (a.high !== null) {
    if (a.high.value.num === 0n) hi = zero(a.high.open);
    else if (a.high.value.num > 0n) hi = bLowZero ? null : q(a.high, b.low!);
    else hi = b.high === null ? zero(true) : q(a.high, b.high);
  }
  return make(lo, hi);
}

/**
 * The values both intervals hold, or null when they share none.
 * @example
 * intersectIntervals(interval(1, 3), interval(2, 5)) //=> interval(2, 3)
 * intersectIntervals(interval(1, 2), interval(3, 4)) //=> null
 */
export function intersectIntervals(a: Interval, b: Interval): Interval | null {
  const lo = pickLow(a.low, b.low);
  const hi = pickHigh(a.high, b.high);
  if (lo !== null && hi !== null) {
    const c = compareFractions(lo.value, hi.value);
    if (c > 0 || (c === 0 && (lo.open || hi.open))) return null;
  }
  return make(lo, hi);
}

function pickLow(a: IntervalBound | null, b: IntervalBound | null): IntervalBound | null {
  if (a === null) return b;
  if (b === null) return a;
  const c = compareFractions(a.value, b.value);
  return c > 0 ? a : c < 0 ? b : a.open ? a : b;
}
function pickHigh(a: IntervalBound | null, b: IntervalBound | null): IntervalBound | null {
  if (a === null) return b;
  if (b === null) return a;
  const c = compareFractions(a.value, b.value);
  return c < 0 ? a : c > 0 ? b : a.open ? a : b;
}

/**
 * True when the two intervals share at least one value: the relation they stand in “can meet”.
 * @example
 * intervalsMeet(interval(571.9, 572.4), interval(610.3, null, { lowOpen: true })) //=> false
 * intervalsMeet(interval(0, 1, { highOpen: true }), interval(1, 2)) //=> false
 */
export function intervalsMeet(a: Interval, b: Interval): boolean {
  return intersectIntervals(a, b) !== null;
}

/**
 * How far apart two intervals are: `low(a) − high(b)` (positive) when a lies wholly above b,
 * `high(a) − low(b)` (negative) when below, null when they meet. Two intervals that touch at
 * an excluded end are 0 apart but do not meet.
 * @example
 * intervalGap(interval('610.3', null, { lowOpen: true }), interval('571.9', '572.4')) //=> { num: 379n, den: 10n }
 */
export function intervalGap(a: Interval, b: Interval): Fraction | null {
  if (intervalsMeet(a, b)) return null;
  if (a.low !== null && b.high !== null && compareFractions(a.low.value, b.high.value) >= 0) return add(a.low.value, neg(b.high.value));
  return add(a.high!.value, neg(b.low!.value));
}

/**
 * The smallest interval holding both.
 * @example
 * formatInterval(hullIntervals(interval(1, 2), interval(5, 6)), { decimals: 0 }) //=> '1–6'
 */
export function hullIntervals(a: Interval, b: Interval): Interval {
  const lo = a.low === null || b.low === null ? null : compareFractions(a.low.value, b.low.value) < 0 ? a.low : compareFractions(a.low.value, b.low.value) > 0 ? b.low : bound(a.low.value, a.low.open && b.low.open);
  const hi = a.high === null || b.high === null ? null : compareFractions(a.high.value, b.high.value) > 0 ? a.high : compareFractions(a.high.value, b.high.value) < 0 ? b.high : bound(a.high.value, a.high.open && b.high.open);
  return make(lo, hi);
}

/**
 * The interval widened by `by` (≥ 0) on both bounded ends, which are kept open or closed.
 * @example
 * formatInterval(widenInterval(pointInterval(5), fraction(1n, 2n)), { decimals: 1 }) //=> '4,5–5,5'
 */
export function widenInterval(a: Interval, by: Fraction): Interval {
  if (by.num < 0n) fail({ code: 'invalid-number', path: ['by'], value: `${by.num}/${by.den}`, expected: 'a widening ≥ 0' });
  return make(a.low === null ? null : bound(add(a.low.value, neg(by)), a.low.open), a.high === null ? null : bound(add(a.high.value, by), a.high.open));
}

/**
 * True when the interval holds the value.
 * @example
 * intervalContains(interval(1, 2, { highOpen: true }), 2) //=> false
 */
export function intervalContains(i: Interval, value: ExactInput): boolean {
  return intervalsMeet(i, pointInterval(value));
}

/** Options of {@link formatInterval}. */
export interface FormatIntervalOptions {
  /** Decimals printed; ends are rounded outwards (low down, high up), so the text covers the interval. */
  readonly decimals: number;
}

/**
 * Writes an interval the vi-VN way: `'571,9–572,4'`; a point as one figure; a one-sided
 * interval with its sign (`'> 610,3'`, `'≥ 5'`, `'< 2'`, `'≤ 2'`); ends rounded outwards.
 * @example
 * formatInterval(interval('571.93', '572.38'), { decimals: 1 }) //=> '571,9–572,4'
 * formatInterval(interval('610.3', null, { lowOpen: true }), { decimals: 1 }) //=> '> 610,3'
 */
export function formatInterval(i: Interval, options: FormatIntervalOptions): string {
  const lo = i.low === null ? null : formatVnNumber(i.low.value, { decimals: options.decimals, rounding: 'floor' });
  const hi = i.high === null ? null : formatVnNumber(i.high.value, { decimals: options.decimals, rounding: 'ceil' });
  if (lo === null && hi === null) return 'any value';
  if (lo === null) return `${i.high!.open ? '<' : '≤'} ${hi}`;
  if (hi === null) return `${i.low!.open ? '>' : '≥'} ${lo}`;
  return lo === hi && isPointInterval(i) ? lo : `${lo}–${hi}`;
}
