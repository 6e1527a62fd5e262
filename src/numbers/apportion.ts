import { deepFreeze } from '../_internal/_freeze.js';
import { wholeBigInt } from '../_internal/_wholeBigInt.js';
import { fail } from '../errors/VnPovertyError.js';
import { fraction, sumFractions, toFraction, type ExactInput, type Fraction } from './fraction.js';
import { assertRoundingMode, roundQuotient, type RoundingOptions } from './rounding.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link apportion}. */
export interface ApportionOptions {
  /**
   * A floor for each part (same length as the weights). Each part first gets its
   * minimum; what is left is split in proportion to the weights.
   */
  readonly minimums?: ReadonlyArray<number | bigint>;
}

/** Result of {@link apportion}: parts that always add up to the total. */
export interface Apportionment<T extends number | bigint> {
  /** The integer parts, in the order of the weights; their sum is exactly the total. */
  readonly parts: readonly T[];
  /** The exact (unrounded) share of each part, after minimums. */
  readonly quotas: readonly Fraction[];
  /** The method used. */
  readonly method: 'largest-remainder';
}

/** Result of {@link roundEachPart}: parts rounded one by one, and what they miss. */
export interface RoundedParts<T extends number | bigint> {
  readonly parts: readonly T[];
  readonly quotas: readonly Fraction[];
  /** total − Σ parts: what rounding each part on its own left over (may be negative). */
  readonly residual: T;
  readonly method: 'round-each-part';
}

function readWeights(weights: ReadonlyArray<ExactInput>): Fraction[] {
  if (weights.length === 0) fail({ code: 'empty-weights', path: ['weights'], value: [], expected: 'at least one weight' });
  return weights.map((w, i) => {
    const f = toFraction(w, ['weights', i]);
    if (f.num < 0n) fail({ code: 'negative-weight', path: ['weights', i], value: String(w), expected: 'a weight ≥ 0' });
    return f;
  });
}

function quotasOf(total: bigint, weights: readonly Fraction[]): Fraction[] {
  const sum = sumFractions(weights);
  if (sum.num === 0n) {
    if (total === 0n) return weights.map(() => fraction(0n));
    return fail({ code: 'zero-weights', path: ['weights'], value: weights.map(() => 0), expected: 'at least one positive weight to share a non-zero total' });
  }
  // quota_i = total × w_i / Σw
  return weights.map((w) => fraction(total * w.num * sum.den, w.den * sum.num));
}

const back = <T extends number | bigint>(like: T, v: bigint): T => (typeof like === 'bigint' ? v : Number(v)) as T;

/**
 * Splits a whole, non-negative total into whole parts in proportion to weights by the
 * largest-remainder (Hamilton) method: each part gets the floor of its exact quota,
 * then the units left over go one each to the largest remainders. The parts always
 * add up to the total exactly and are never negative.
 *
 * **Ties** between equal remainders go to the part that comes first in the list.
 *
 * @param total - a whole number ≥ 0 (number or bigint; the parts have the same type)
 * @param weights - non-negative weights (integers, decimal strings, Decimals or fractions)
 * @throws VnPovertyError `negative-total`, `negative-weight`, `zero-weights`, `minimums-exceed-total`.
 * @example
 * apportion(10, [1, 1, 1]).parts //=> [4, 3, 3]
 */
export function apportion(total: number, weights: ReadonlyArray<ExactInput>, options?: ApportionOptions): Apportionment<number>;
export function apportion(total: bigint, weights: ReadonlyArray<ExactInput>, options?: ApportionOptions): Apportionment<bigint>;
export function apportion<T extends number | bigint>(total: T, weights: ReadonlyArray<ExactInput>, options: ApportionOptions = {}): Apportionment<T> {
  assertOptions(options, 'apportion');
  const t = wholeBigInt(total, ['total']);
  if (t < 0n) fail({ code: 'negative-total', path: ['total'], value: total, expected: 'a total ≥ 0' });
  const w = readWeights(weights);
  const mins = (options.minimums ?? w.map(() => 0n)).map((m, i) => wholeBigInt(m, ['minimums', i]));
  if (mins.length !== w.length) fail({ code: 'length-mismatch', path: ['minimums'], value: mins.length, expected: `${w.length} minimums, one per weight` });
  mins.forEach((m, i) => {
    if (m < 0n) fail({ code: 'negative-minimum', path: ['minimums', i], value: m, expected: 'a minimum ≥ 0' });
  });
  const minSum = mins.reduce((a, b) => a + b, 0n);
  if (minSum > t) fail({ code: 'minimums-exceed-total', path: ['minimums'], value: minSum, expected: `minimums that add up to at most the total ${t}` });
  const rest = t - minSum;
  const quotas = quotasOf(rest, w);
  const floors = quotas.map((q) => q.num / q.den);
  let left = rest - floors.reduce((a, b) => a + b, 0n);
  const order = quotas
    .map((q, i) => ({ i, rem: fraction(q.num - floors[i]! * q.den, q.den) }))
    .sort((a, b) => {
      const l = a.rem.num * b.rem.den;
      const r = b.rem.num * a.rem.den;
      return l > r ? -1 : l < r ? 1 : a.i - b.i;
    });
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  return deepFreeze({
    parts: floors.map((f, i) => back(total, f + mins[i]!)),
    quotas: quotas.map((q, i) => fraction(q.num + mins[i]! * q.den, q.den)),
    method: 'largest-remainder' as const,
  });
}

/**
 * Splits a total in proportion to weights by rounding each part on its own, as many
 * hand-made plans do, and reports the residual (total − Σ parts) instead of hiding it.
 *
 * @example
 * roundEachPart(10, [1, 1, 1], { rounding: 'half-up' }) //=> { parts: [3, 3, 3], residual: 1, … }
 */
export function roundEachPart(total: number, weights: ReadonlyArray<ExactInput>, options: RoundingOptions): RoundedParts<number>;
export function roundEachPart(total: bigint, weights: ReadonlyArray<ExactInput>, options: RoundingOptions): RoundedParts<bigint>;
export function roundEachPart<T extends number | bigint>(total: T, weights: ReadonlyArray<ExactInput>, options: RoundingOptions): RoundedParts<T> {
  assertOptions(options, 'roundEachPart', true);
  assertRoundingMode(options.rounding);
  const t = wholeBigInt(total, ['total']);
  const quotas = quotasOf(t, readWeights(weights));
  const parts = quotas.map((q) => roundQuotient(q.num, q.den, options.rounding));
  return deepFreeze({
    parts: parts.map((p) => back(total, p)),
    quotas,
    residual: back(total, t - parts.reduce((a, b) => a + b, 0n)),
    method: 'round-each-part' as const,
  });
}
