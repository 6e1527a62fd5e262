import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { compareFractions, fraction, multiplyFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { MEASURE_RULES, exactInputSchema } from './_measureRules.js';

/**
 * The poverty cutoff k, in one of two explicit forms:
 * - `{ share: '1/3' as Fraction | '0.5' }`: a unit is poor when its score ≥ k;
 * - `{ percent: 33 }`: the percent form of OPHI's tools, poor when score ≥ 33/100.
 *
 * The two differ when a score falls in [0.33, 1/3): a score of 0.33 is poor with
 * `{ percent: 33 }` and not poor with `{ share: fraction(1n, 3n) }`. Results echo the form used.
 */
export type PovertyCutoff = { readonly share: ExactInput } | { readonly percent: ExactInput };

/** The cutoff as applied, echoed in every result. */
export interface AppliedCutoff {
  /** Which form the caller used. */
  readonly form: 'share' | 'percent';
  /** The value as given, in that form, as an exact fraction (e.g. 33 for `{ percent: 33 }`). */
  readonly given: Fraction;
  /** k as a share of the total weight, in (0, 1]. */
  readonly k: Fraction;
}

const schema = z.union([z.object({ share: exactInputSchema }).strict(), z.object({ percent: exactInputSchema }).strict()]);

/**
 * Reads a poverty cutoff and checks that k lies in (0, 1].
 *
 * @throws VnPovertyError `cutoff-out-of-range` when k ≤ 0 or k > 1; `invalid-input` when neither or both forms are given.
 * @see Alkire & Foster (2011), J. Public Econ. 95: 476–487 (dual-cutoff identification, ρ_k: poor when c_i ≥ k).
 * @example
 * povertyCutoff({ percent: 33 }).k //=> { num: 33n, den: 100n }
 */
export function povertyCutoff(cutoff: PovertyCutoff | AppliedCutoff): AppliedCutoff {
  if (typeof cutoff === 'object' && cutoff !== null && 'form' in cutoff && 'k' in cutoff) return cutoff;
  const parsed = parseInput(schema, cutoff, MEASURE_RULES.cutoff);
  const form = 'share' in parsed ? 'share' : 'percent';
  const given = toFraction('share' in parsed ? parsed.share : parsed.percent, [form]);
  const k = form === 'share' ? given : multiplyFractions(given, fraction(1n, 100n));
  if (k.num <= 0n || compareFractions(k, fraction(1n)) > 0) {
    fail({
      code: 'cutoff-out-of-range',
      path: [form],
      value: form === 'share' ? ('share' in parsed ? parsed.share : undefined) : ('percent' in parsed ? parsed.percent : undefined),
      expected: form === 'share' ? 'k in (0, 1]' : 'a percent in (0, 100]',
      rule: MEASURE_RULES.cutoff,
    });
  }
  return deepFreeze({ form, given, k });
}

/**
 * Whether a score of `score / denominator` is at or above the cutoff: `score/denominator ≥ k`,
 * decided in integers (`score · k.den ≥ k.num · denominator`).
 * @internal
 */
export function meetsCutoff(score: bigint, denominator: bigint, k: Fraction): boolean {
  return score * k.den >= k.num * denominator;
}
