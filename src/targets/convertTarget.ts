import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';
import { divideFractions, fraction, multiplyFractions, type Fraction } from '../numbers/fraction.js';
import { interval, pointInterval, scaleInterval, type Interval } from '../numbers/interval.js';
import { approximationWidth, DEFAULT_APPROXIMATIONS, qualifiedInterval } from '../numbers/printedInterval.js';
import { roundQuotient } from '../numbers/rounding.js';
import type { ReductionTarget, TargetSubject } from './reductionTarget.js';

/**
 * The counts a target is measured against: total households (the base of the rate, held
 * fixed over the period as plans do) and the poor and near-poor counts at the start.
 */
export interface TargetBase {
  readonly households: number;
  readonly poor: number;
  readonly nearPoor: number;
}

/** One reduction expressed in every form. */
export interface TargetAmount {
  /** Households to take out of the subject, exact (may be fractional). */
  readonly households: Fraction;
  /** The smallest whole number of households that meets it (the exact value rounded up). */
  readonly householdsNeeded: number;
  /** Percentage points of the rate: households ÷ base households × 100. */
  readonly points: Fraction;
  /** Share of the subject's households at the start; null when the subject has none. */
  readonly share: Fraction | null;
}

/**
 * Result of {@link convertTarget}: `low` and `high` are the printed figures (equal unless the
 * target is a range) in every form; `households`, `points` and `share` are what the target
 * states as intervals, qualifier included (“hơn 2%” → (2, ∞) points; “0,17–0,2%” → [0,17; 0,2]).
 */
export interface ConvertedTarget {
  readonly target: ReductionTarget;
  readonly base: TargetBase;
  readonly low: TargetAmount;
  readonly high: TargetAmount;
  /** The reduction the target states, in households (exact). */
  readonly households: Interval;
  /** …in percentage points of the rate. */
  readonly points: Interval;
  /** …as a share of the subject's households at the start; null when it has none. */
  readonly share: Interval | null;
}

/** Options of {@link convertTarget}: none yet. */
export type ConvertTargetOptions = Readonly<Record<string, never>>;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
/** zod schema of {@link TargetBase}: whole counts, households > 0, poor + near-poor ≤ households. */
export const targetBaseSchema = z
  .object({ households: count.positive(), poor: count, nearPoor: count })
  .refine((b) => b.poor + b.nearPoor <= b.households, { message: 'poor + near-poor ≤ households', path: ['poor'] });

/**
 * The subject's household count at the start: poor, near-poor, or both.
 * @example
 * subjectCount({ households: 30519, poor: 762, nearPoor: 723 }, 'poor-and-near-poor') //=> 1485
 */
export function subjectCount(base: TargetBase, subject: TargetSubject): number {
  return subject === 'poor' ? base.poor : subject === 'near-poor' ? base.nearPoor : base.poor + base.nearPoor;
}

function amount(households: Fraction, base: TargetBase, subject: TargetSubject): TargetAmount {
  const n = subjectCount(base, subject);
  return {
    households,
    householdsNeeded: Number(roundQuotient(households.num, households.den, 'ceil')),
    points: multiplyFractions(divideFractions(households, fraction(base.households)), fraction(100n)),
    share: n === 0 ? null : divideFractions(households, fraction(n)),
  };
}

/**
 * Expresses a target in all forms for a given base: households, whole households needed,
 * percentage points and share of the subject; a range converts to a range, and the stated
 * interval (qualifier included) is given in each form. Points convert through the base households
 * (`points × households ÷ 100`), shares through the subject's count; whole households are
 * rounded **up** (“at least”), and the exact value is kept beside them.
 *
 * @throws VnPovertyError `invalid-input` for a base that is not whole counts with households > 0.
 * @example
 * convertTarget(reductionTarget({ form: 'points', subject: 'poor', points: '0.8' }), { households: 30519, poor: 762, nearPoor: 723 }).low.householdsNeeded //=> 245
 * @see poverty-rate-reporting §3
 */
export function convertTarget(target: ReductionTarget, base: TargetBase, options: ConvertTargetOptions = {}): ConvertedTarget {
  void options;
  const b = parseInput(targetBaseSchema, base);
  const s = target.subject;
  const n = subjectCount(b, s);
  // each form: the factor that turns its figure into households, and its figures
  const [factor, figures]: [Fraction, readonly Fraction[]] = (() => {
    switch (target.form) {
      case 'points':
        return [fraction(BigInt(b.households), 100n), [target.points]];
      case 'range':
        return [fraction(BigInt(b.households), 100n), [target.low, target.high]];
      case 'share':
        return [fraction(BigInt(n)), [target.share]];
      case 'share-range':
        return [fraction(BigInt(n)), [target.low, target.high]];
      case 'count':
        return [fraction(1n), [fraction(BigInt(target.households))]];
      case 'count-range':
        return [fraction(1n), [fraction(BigInt(target.low)), fraction(BigInt(target.high))]];
    }
  })();
  const low = amount(multiplyFractions(figures[0]!, factor), b, s);
  const high = amount(multiplyFractions(figures[figures.length - 1]!, factor), b, s);
  // the stated interval in the target's own measure, then in each form
  const own: Interval = (() => {
    if (figures.length === 2) return interval(figures[0]!, figures[1]!);
    const q = 'qualifier' in target ? target.qualifier : undefined;
    if (q === undefined) return pointInterval(figures[0]!);
    const x = figures[0]!;
    const decimals = (() => {
      let d = 0;
      while ((x.num * 10n ** BigInt(d)) % x.den !== 0n && d < 20) d++;
      return d;
    })();
    return qualifiedInterval(x, q.meaning, approximationWidth(x, q.meaning, decimals, target.form === 'count' ? 'count' : 'rate', DEFAULT_APPROXIMATIONS));
  })();
  const households = scaleInterval(own, factor);
  const points = scaleInterval(households, fraction(100n, BigInt(b.households)));
  const share = n === 0 ? null : scaleInterval(households, fraction(1n, BigInt(n)));
  return deepFreeze({ target, base: { households: b.households, poor: b.poor, nearPoor: b.nearPoor }, low, high, households, points, share });
}

/**
 * The base a count target implies for a points target: the households for which `households`
 * fewer poor is exactly `points` points (`households × 100 ÷ points`). Seed 003 states both
 * “0,17 – 0,2%” and “10 hộ”: together they imply a ward of 5.000 – 5.882 households.
 * @example
 * impliedBase(10, fraction(1n, 5n)) //=> { num: 5000n, den: 1n }
 */
export function impliedBase(households: number, points: Fraction): Fraction {
  return divideFractions(fraction(BigInt(households) * 100n), points);
}
