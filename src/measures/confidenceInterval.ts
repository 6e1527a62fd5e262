/**
 * Confidence intervals for design-based estimates: symmetric (normal) or on the logit scale for
 * proportions, with Student's t critical values on the design's degrees of freedom (as mpitbR
 * reports them) or normal ones.
 */
import * as z from 'zod';
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { compareFractions, fraction, fractionToDecimal, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { DESIGN_RULES, exactInputSchema } from './_measureRules.js';
import { normalQuantile, studentTQuantile } from './_quantiles.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * Significant digits of interval bounds and critical values.
 * @example
 * INTERVAL_DIGITS //=> 40
 */
export const INTERVAL_DIGITS = 40;

/** How intervals are built. */
export interface ConfidenceIntervalOptions {
  /** Confidence level in (0, 1), e.g. `'0.95'`. */
  readonly level: ExactInput;
  /**
   * `'logit'`: for proportions, the interval of logit(p̂) ± q·SE/(p̂(1 − p̂)) mapped back (R
   * `survey::svyciprop(method = "logit")`, what mpitbR reports for H, A, M0 and headcount
   * ratios); measures that are not proportions get the normal interval. `'normal'`: p̂ ± q·SE.
   */
  readonly method: 'logit' | 'normal';
  /** Critical values from Student's t on the design's degrees of freedom (`'t'`, as mpitbR), or the normal (`'normal'`). */
  readonly distribution: 't' | 'normal';
}

/** The interval rule as applied: level, method, distribution, degrees of freedom and critical value. */
export interface AppliedInterval {
  readonly level: Fraction;
  readonly method: 'logit' | 'normal';
  readonly distribution: 't' | 'normal';
  /** Degrees of freedom used (null for the normal distribution). */
  readonly degreesOfFreedom: number | null;
  /** The critical value q = F⁻¹((1 + level)/2). */
  readonly criticalValue: Decimal;
}

const schema = z.object({ level: exactInputSchema, method: z.enum(['logit', 'normal']), distribution: z.enum(['t', 'normal']) });
const cache = new Map<string, Decimal>();

/**
 * Checks the interval options and computes the critical value (Decimal, 40 significant digits;
 * t quantiles by Newton's method on the exact finite series of the t distribution function).
 *
 * @param degreesOfFreedom - the design's PSUs − strata (used for `'t'`).
 * @throws VnPovertyError `invalid-level` (not in (0, 1)), `invalid-degrees-of-freedom` (t with fewer than 1).
 * @see Lumley (2010), Complex Surveys, §2.3; mpitbR, mpitb.est (df = degf(design)).
 * @example
 * confidenceInterval({ level: '0.95', method: 'logit', distribution: 't' }, 597).criticalValue.toFixed(6) //=> '1.963946'
 */
export function confidenceInterval(options: ConfidenceIntervalOptions, degreesOfFreedom: number): AppliedInterval {
  assertOptions(options, 'confidenceInterval', true);
  const o = parseInput(schema, options, DESIGN_RULES.interval);
  const level = toFraction(o.level, ['level']);
  if (level.num <= 0n || compareFractions(level, fraction(1n)) >= 0) fail({ code: 'invalid-level', path: ['level'], value: o.level, expected: 'a confidence level strictly between 0 and 1 (e.g. 0.95)', rule: DESIGN_RULES.interval });
  const df = o.distribution === 't' ? degreesOfFreedom : null;
  if (df !== null && !(Number.isSafeInteger(df) && df >= 1)) fail({ code: 'invalid-degrees-of-freedom', path: ['degreesOfFreedom'], value: df, expected: "at least 1 degree of freedom (PSUs − strata) for t intervals; use distribution 'normal'", rule: DESIGN_RULES.interval });
  const p = fractionToDecimal(level).plus(1).div(2);
  const key = `${level.num}/${level.den}:${df ?? 'z'}`;
  let q = cache.get(key);
  if (q === undefined) {
    q = (df === null ? normalQuantile(p) : studentTQuantile(p, df)).toSignificantDigits(INTERVAL_DIGITS, Decimal.ROUND_HALF_EVEN);
    cache.set(key, q);
  }
  return deepFreeze({ level, method: o.method, distribution: o.distribution, degreesOfFreedom: df, criticalValue: q });
}

/**
 * The bounds of one estimate: logit (for a proportion strictly inside (0, 1) when the method is
 * logit) or normal; both bounds null when there is no standard error.
 * @example
 * const ci = confidenceInterval({ level: '0.95', method: 'normal', distribution: 'normal' }, 0);
 * intervalBounds(ci, fraction(1n, 2n), new Decimal('0.1'), false).map((b) => b?.toFixed(4)) //=> ['0.3040', '0.6960']
 */
export function intervalBounds(interval: AppliedInterval, estimate: Fraction | null, se: Decimal | null, proportion: boolean): readonly [Decimal | null, Decimal | null] {
  if (estimate === null || se === null) return [null, null];
  const p = fractionToDecimal(estimate);
  const q = interval.criticalValue;
  const digits = (d: Decimal): Decimal => d.toSignificantDigits(INTERVAL_DIGITS, Decimal.ROUND_HALF_EVEN);
  if (interval.method === 'logit' && proportion) {
    if (estimate.num <= 0n || estimate.num >= estimate.den) return [digits(p), digits(p)];
    const pd = new Decimal(estimate.num.toString()).div(estimate.den.toString());
    const logit = pd.div(pd.neg().plus(1)).ln();
    const half = q.times(se).div(pd.times(pd.neg().plus(1)));
    const expit = (x: Decimal): Decimal => new Decimal(1).div(x.neg().exp().plus(1));
    return [digits(expit(logit.minus(half))), digits(expit(logit.plus(half)))];
  }
  return [digits(p.minus(q.times(se))), digits(p.plus(q.times(se)))];
}
