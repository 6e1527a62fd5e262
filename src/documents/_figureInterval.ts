import { addFractions, compareFractions, fraction, multiplyFractions, divideFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { commonValue, type ProseFigure } from './_proseFigures.js';

/**
 * A closed interval of exact values; `high` null = unbounded above. The qualifiers read as:
 * hơn/trên (more than) → [x, ∞) (the bound itself is allowed: printed figures are rounded);
 * ít nhất/tối thiểu → [x, ∞); dưới (less than) and tối đa → [0, x]; khoảng/xấp xỉ (about) → x ± half
 * the place of its last non-zero digit (“khoảng 5.600” → 5.550 – 5.650); gần (nearly) → [x − that
 * place, x]. An exact figure is the point x. This is the reading stated in docs/check.md.
 */
export interface FigureInterval {
  readonly low: Fraction;
  readonly high: Fraction | null;
}

/** The place of the last non-zero digit of a figure (5.600 → 100, 38,2 → 0,1, 0 → 1). */
function lastPlace(f: ProseFigure): Fraction {
  const digits = f.digits.replace(/\./g, '');
  const [whole = '', frac = ''] = digits.split(',');
  if (frac.replace(/0+$/, '') !== '') return fraction(1n, 10n ** BigInt(frac.replace(/0+$/, '').length));
  const trailing = whole.length - whole.replace(/0+$/, '').length;
  return fraction(10n ** BigInt(Math.min(trailing, Math.max(0, whole.length - 1))));
}

/** The interval a printed figure stands for, in its dimension's common unit (money in đồng). */
export function figureInterval(f: ProseFigure): FigureInterval {
  const v = commonValue(f);
  const scale = divideFractions(v, f.value.num === 0n ? fraction(1n) : f.value);
  const place = f.value.num === 0n ? fraction(1n) : multiplyFractions(lastPlace(f), scale);
  switch (f.qualifier?.meaning) {
    case undefined:
      return { low: v, high: v };
    case 'more-than':
    case 'at-least':
      return { low: v, high: null };
    case 'less-than':
    case 'at-most':
      return { low: fraction(0n), high: v };
    case 'about': {
      const half = multiplyFractions(place, fraction(1n, 2n));
      return { low: subtractFractions(v, half), high: addFractions(v, half) };
    }
    case 'nearly':
      return { low: subtractFractions(v, place), high: v };
  }
}

/** The sum of intervals. */
export function sumIntervals(xs: readonly FigureInterval[]): FigureInterval {
  let low = fraction(0n);
  let high: Fraction | null = fraction(0n);
  for (const x of xs) {
    low = addFractions(low, x.low);
    high = high === null || x.high === null ? null : addFractions(high, x.high);
  }
  return { low, high };
}

/** True when two intervals share a value. */
export function intervalsMeet(a: FigureInterval, b: FigureInterval): boolean {
  const aBelowB = a.high !== null && compareFractions(a.high, b.low) < 0;
  const bBelowA = b.high !== null && compareFractions(b.high, a.low) < 0;
  return !aBelowB && !bBelowA;
}

/** The interval of a printed percentage rounded half-up to its printed decimals: p ± half a unit of the last decimal. */
export function roundedPercentInterval(f: ProseFigure): FigureInterval {
  const half = fraction(1n, 2n * 10n ** BigInt(f.decimals));
  const base = figureInterval(f);
  const low = subtractFractions(base.low, half);
  return { low: low.num < 0n ? fraction(0n) : low, high: base.high === null ? null : addFractions(base.high, half) };
}

/** a ÷ b over positive intervals (b.low > 0). */
export function divideIntervals(a: FigureInterval, b: FigureInterval): FigureInterval | null {
  if (b.low.num <= 0n) return null;
  return { low: b.high === null ? fraction(0n) : divideFractions(a.low, b.high), high: a.high === null ? null : divideFractions(a.high, b.low) };
}

/** The common part of two intervals, or null. */
export function intersectIntervals(a: FigureInterval, b: FigureInterval): FigureInterval | null {
  if (!intervalsMeet(a, b)) return null;
  const low = compareFractions(a.low, b.low) >= 0 ? a.low : b.low;
  const high = a.high === null ? b.high : b.high === null ? a.high : compareFractions(a.high, b.high) <= 0 ? a.high : b.high;
  return { low, high };
}
