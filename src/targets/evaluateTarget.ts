import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';
import { divideFractions, fraction, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { intervalContains, interval, pointInterval, subtractIntervals, type Interval } from '../numbers/interval.js';
import { convertTarget, subjectCount, type ConvertedTarget, type TargetBase } from './convertTarget.js';
import type { ReductionTarget, TargetSubject } from './reductionTarget.js';
import { assertOptions } from '../errors/assertOptions.js';
import { householdCount } from './_count.js';

/** Result of {@link evaluateTarget}. */
export interface TargetEvaluation {
  readonly target: ReductionTarget;
  readonly conversion: ConvertedTarget;
  /** Households taken out of the subject (planned exits, or start − end). */
  readonly achievedHouseholds: number;
  /** The same in percentage points of the rate (÷ base households × 100). */
  readonly achievedPoints: Fraction;
  /** The same as a share of the subject's households at the start; null when it had none. */
  readonly achievedShare: Fraction | null;
  /**
   * True when the reduction reaches the target: at least its low end (strictly more for “hơn”);
   * for a target with only an upper end (“tối đa”, “dưới”), at most that end.
   */
  readonly met: boolean;
  /** achieved − required, in households (negative = short), exact. */
  readonly marginHouseholds: Fraction;
  /** achieved − required, in percentage points (negative = short), exact. */
  readonly marginPoints: Fraction;
  /** For a range (or “khoảng”): true when the reduction also exceeds the high end. */
  readonly aboveRange: boolean;
  /** achieved − the stated interval, in households: a range for a range target. */
  readonly marginHouseholdsRange: Interval;
  /** achieved − the stated interval, in percentage points. */
  readonly marginPointsRange: Interval;
}

/** Options of {@link evaluateTarget}: none yet. */
export type EvaluateTargetOptions = Readonly<Record<string, never>>;

const achievedSchema = householdCount;

/**
 * Says whether a reduction of `achievedHouseholds` in the target's subject meets the target
 * on the given base, and by how much (households and points, exact). The base households are
 * held fixed, as plans do when they state exits as a rate of last year's households.
 *
 * @throws VnPovertyError `invalid-input`.
 * @example
 * evaluateTarget(reductionTarget({ form: 'points', subject: 'poor', points: '0.8' }), { households: 30519, poor: 762, nearPoor: 723 }, 154).met //=> false
 * @see poverty-rate-reporting §3
 */
export function evaluateTarget(target: ReductionTarget, base: TargetBase, achievedHouseholds: number | bigint, options: EvaluateTargetOptions = {}): TargetEvaluation {
  assertOptions(options, 'evaluateTarget');
  void options;
  const achieved = parseInput(achievedSchema, achievedHouseholds);
  const conversion = convertTarget(target, base);
  const a = fraction(BigInt(achieved));
  const points = multiplyFractions(divideFractions(a, fraction(BigInt(conversion.base.households))), fraction(100n));
  const n = subjectCount(conversion.base, target.subject);
  const marginHouseholds = subtractFractions(a, conversion.low.households);
  const stated = conversion.households;
  // reaching the target: from its low end up (a target with no low end: within its high end)
  const required: Interval = stated.low === null ? { low: { value: fraction(0n), open: false }, high: stated.high } : { low: stated.low, high: null };
  const above = stated.high !== null && !intervalContains(interval(null, stated.high.value, { highOpen: stated.high.open }), a) && stated.low !== null && (target.form === 'range' || target.form === 'count-range' || target.form === 'share-range' || ('qualifier' in target && target.qualifier?.meaning === 'about'));
  return deepFreeze({
    target,
    conversion,
    achievedHouseholds: achieved,
    achievedPoints: points,
    achievedShare: n === 0 ? null : divideFractions(a, fraction(BigInt(n))),
    met: intervalContains(required, a),
    marginHouseholds,
    marginPoints: subtractFractions(points, conversion.low.points),
    aboveRange: above,
    marginHouseholdsRange: subtractIntervals(pointInterval(a), stated),
    marginPointsRange: subtractIntervals(pointInterval(points), conversion.points),
  });
}

/** A plan's own numbers: the base and the planned exits it adds up to. */
export interface PlanExits {
  readonly base: TargetBase;
  readonly exits: { readonly poor: number; readonly nearPoor: number };
}

/** Options of {@link evaluatePlan}: none yet. */
export type EvaluatePlanOptions = Readonly<Record<string, never>>;

/** The planned reduction of a subject: poor exits, near-poor exits, or both. */
function exitsFor(plan: PlanExits, subject: TargetSubject): number {
  return subject === 'poor' ? plan.exits.poor : subject === 'near-poor' ? plan.exits.nearPoor : plan.exits.poor + plan.exits.nearPoor;
}

/**
 * Checks a plan's own planned exits against each of its headline targets (seed 001: poor rate
 * down 0,8 points; one fifth of poor and near-poor households out). Exits are taken as the
 * plan counts them (remaining = start − exits; no newly poor).
 *
 * @example
 * const oneFifth = reductionTarget({ form: 'share', subject: 'poor-and-near-poor', share: { num: 1n, den: 5n } });
 * evaluatePlan({ base: { households: 30519, poor: 762, nearPoor: 723 }, exits: { poor: 154, nearPoor: 95 } }, [oneFifth])[0].met //=> false (249 < 297)
 * @see poverty-rate-reporting §3
 */
export function evaluatePlan(plan: PlanExits, targets: ReadonlyArray<ReductionTarget>, options: EvaluatePlanOptions = {}): readonly TargetEvaluation[] {
  assertOptions(options, 'evaluatePlan');
  void options;
  return deepFreeze(targets.map((t) => evaluateTarget(t, plan.base, exitsFor(plan, t.subject))));
}
