import { fail } from '../errors/VnPovertyError.js';
import { toFraction, type ExactInput } from './fraction.js';
import { assertDecimals, assertRoundingMode, roundQuotient, type RoundingMode } from './rounding.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link formatVnNumber}. */
export interface FormatVnNumberOptions {
  /** Digits after the decimal mark, always printed (0,70 not 0,7). */
  readonly decimals: number;
  /**
   * How to round when the value has more digits than `decimals`. Required in that
   * case: there is no silent default.
   */
  readonly rounding?: RoundingMode;
}

/**
 * Writes a number the vi-VN way: `.` groups thousands, `,` marks decimals, a fixed
 * number of decimals.
 *
 * @throws VnPovertyError `rounding-required` when the value needs rounding and none was given;
 *   `invalid-number` for NaN or Infinity.
 * @example
 * formatVnNumber(16194, { decimals: 0 }) //=> '16.194'
 * formatVnNumber('0.7', { decimals: 2 }) //=> '0,70'
 * formatVnNumber('1.0649', { decimals: 2, rounding: 'half-up' }) //=> '1,06'
 */
export function formatVnNumber(value: ExactInput, options: FormatVnNumberOptions): string {
  assertOptions(options, 'formatVnNumber', true);
  assertDecimals(options.decimals);
  const exact = toFraction(value, ['value']);
  const scale = 10n ** BigInt(options.decimals);
  const fits = (exact.num * scale) % exact.den === 0n;
  if (!fits && options.rounding === undefined) {
    fail({
      code: 'rounding-required',
      path: ['rounding'],
      value: typeof value === 'object' ? String(value) : value,
      expected: `a rounding mode: the value has more than ${options.decimals} decimals`,
    });
  }
  if (options.rounding !== undefined) assertRoundingMode(options.rounding);
  // when the value fits, the division is exact and any rounding gives the same digits
  const scaled = roundQuotient(exact.num * scale, exact.den, options.rounding ?? 'down');
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(options.decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - options.decimals);
  const fracPart = options.decimals > 0 ? digits.slice(-options.decimals) : undefined;
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fracPart !== undefined ? `,${fracPart}` : ''}`;
}
