import type { Decimal } from '../_internal/_decimal.js';
import { wholeBigInt } from '../_internal/_wholeBigInt.js';
import { fail } from '../errors/VnPovertyError.js';
import { fraction, roundFraction, type Fraction } from './fraction.js';
import { assertDecimals, assertRoundingMode, type DecimalsOptions } from './rounding.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link rate}: decimals and rounding, both required. */
export type RateOptions = DecimalsOptions;

/** Integer count accepted by rate functions: a safe integer or a bigint. */
export type Count = number | bigint;

/**
 * The exact percentage `count ÷ base × 100` as a fraction, unrounded.
 *
 * @throws VnPovertyError `non-positive-base` when base ≤ 0; `negative-count` when count < 0; `not-an-integer` for a non-integral count or base.
 * @see poverty-rate-reporting: *tỷ lệ hộ nghèo* = poor households ÷ total households × 100.
 * @example
 * exactRate(697, 46_467) //=> { num: 69700n, den: 46467n }
 */
export function exactRate(count: Count, base: Count): Fraction {
  const c = wholeBigInt(count, ['count']);
  const b = wholeBigInt(base, ['base']);
  if (c < 0n) fail({ code: 'negative-count', path: ['count'], value: count, expected: 'a count of 0 or more' });
  if (b <= 0n) {
    fail({
      code: 'non-positive-base',
      path: ['base'],
      value: base,
      expected: 'a base (denominator) greater than zero',
      rule: { description: 'a rate needs a positive number of households as its base', term: 'tổng số hộ' },
    });
  }
  return fraction(c * 100n, b);
}

/**
 * A percentage `count ÷ base × 100`, rounded once to `decimals` places with the
 * named rounding. Exact: computed in integers, never in floating point.
 *
 * Official tables print rates to 2 decimals, half-up: `{ decimals: 2, rounding: 'half-up' }`.
 *
 * @throws VnPovertyError `non-positive-base` when base ≤ 0 (never NaN or Infinity); `negative-count` when count < 0.
 * @example
 * rate(43, 2154, { decimals: 2, rounding: 'half-up' }).toString() //=> '2'   (2.00 %, seed 001, Tân Lợi)
 * rate(1, 8, { decimals: 1, rounding: 'half-even' }).toString() //=> '12.5'
 */
export function rate(count: Count, base: Count, options: RateOptions): Decimal {
  assertOptions(options, 'rate', true);
  assertDecimals(options.decimals);
  assertRoundingMode(options.rounding);
  return roundFraction(exactRate(count, base), options.decimals, options.rounding);
}
