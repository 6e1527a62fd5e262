import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';
import { divideFractions, fraction, multiplyFractions, type Fraction } from '../numbers/fraction.js';
import { roundQuotient } from '../numbers/rounding.js';
import type { ReductionTarget, TargetSubject } from './reductionTarget.js';
import { assertOptions } from '../errors/assertOptions.js';

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

/** Result of {@link convertTarget}: `low` and `high` (equal unless the target is a range). */
export interface ConvertedTarget {
  readonly target: ReductionTarget;
  readonly base: TargetBase;
  readonly low: TargetAmount;
  readonly high: TargetAmount;
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
 * percentage points and share of the subject. Points convert through the base households
 * (`points × households ÷ 100`), shares through the subject's count; whole households are
 * rounded **up** (“at least”), and the exact value is kept beside them.
 *
 * @throws VnPovertyError `invalid-input` for a base that is not whole counts with households > 0.
 * @example
 * convertTarget(reductionTarget({ form: 'points', subject: 'poor', points: '0.8' }), { households: 30519, poor: 762, nearPoor: 723 }).low.householdsNeeded //=> 245
 * @see poverty-rate-reporting §3
 */
export function convertTarget(target: ReductionTarget, base: TargetBase, options: ConvertTargetOptions = {}): ConvertedTarget {
  assertOptions(options, 'convertTarget');
  void options;
  const b = parseInput(targetBaseSchema, base);
  const s = target.subject;
  const pointsToHouseholds = (p: Fraction): Fraction => multiplyFractions(p, fraction(BigInt(b.households), 100n));
  let low: TargetAmount;
  let high: TargetAmount;
  switch (target.form) {
    case 'points':
      low = high = amount(pointsToHouseholds(target.points), b, s);
      break;
    case 'share':
      low = high = amount(multiplyFractions(target.share, fraction(BigInt(subjectCount(b, s)))), b, s);
      break;
    case 'count':
      low = high = amount(fraction(BigInt(target.households)), b, s);
      break;
    case 'range':
      low = amount(pointsToHouseholds(target.low), b, s);
      high = amount(pointsToHouseholds(target.high), b, s);
      break;
  }
  return deepFreeze({ target, base: { households: b.households, poor: b.poor, nearPoor: b.nearPoor }, low, high });
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
