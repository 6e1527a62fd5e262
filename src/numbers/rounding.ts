import { fail } from '../errors/VnPovertyError.js';

/**
 * A named rounding rule. There is no default anywhere in the library: every
 * function that rounds takes one of these.
 *
 * - `'half-up'`: to nearest, ties away from zero (Excel `ROUND`; what official
 *   Vietnamese tables print, e.g. 5,045 → 5,05).
 * - `'half-down'`: to nearest, ties toward zero.
 * - `'half-even'`: to nearest, ties to the even neighbour (banker's rounding).
 * - `'up'`: away from zero. `'down'`: toward zero (truncation).
 * - `'ceil'`: toward +∞. `'floor'`: toward −∞.
 */
export type RoundingMode = 'half-up' | 'half-down' | 'half-even' | 'up' | 'down' | 'ceil' | 'floor';

/**

/**
 * Every {@link RoundingMode}, in a stable order.
 * @example
 * ROUNDING_MODES.includes('half-up') //=> true
 */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze(['half-up', 'half-down', 'half-even', 'up', 'down', 'ceil', 'floor']);

/** Options fragment shared by every function that rounds. */
export interface RoundingOptions {
  /** How to round; required, never defaulted. */
  readonly rounding: RoundingMode;
}

/** Options fragment for a fixed number of decimal places plus a rounding mode. */
export interface DecimalsOptions extends RoundingOptions {
  /** Number of digits after the decimal mark, 0 to 20. */
  readonly decimals: number;
}

/** Throws unless `mode` is a known {@link RoundingMode}. */
export function assertRoundingMode(mode: unknown, path: ReadonlyArray<string | number> = ['rounding']): asserts mode is RoundingMode {
  if (!ROUNDING_MODES.includes(mode as RoundingMode)) {
    fail({ code: 'invalid-rounding', path, value: mode, expected: `one of ${ROUNDING_MODES.join(', ')}` });
  }
}

/** Throws unless `decimals` is an integer from 0 to 20. */
export function assertDecimals(decimals: unknown, path: ReadonlyArray<string | number> = ['decimals']): asserts decimals is number {
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    fail({ code: 'invalid-decimals', path, value: decimals, expected: 'an integer from 0 to 20' });
  }
}

/**
 * Divides two integers and rounds the exact quotient to an integer.
 * Exact for any size: no floating point is involved.
 *
 * @param numerator - any bigint
 * @param denominator - a non-zero bigint
 * @example
 * roundQuotient(5n, 2n, 'half-up') //=> 3n
 * roundQuotient(-5n, 2n, 'half-even') //=> -2n
 */
export function roundQuotient(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) fail({ code: 'division-by-zero', path: ['denominator'], value: 0, expected: 'a non-zero denominator' });
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncated toward zero
  const r = n % d; // same sign as n
  if (r === 0n) return q;
  const sign = n < 0n ? -1n : 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = q + sign;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'ceil':
      return sign > 0n ? away : q;
    case 'floor':
      return sign < 0n ? away : q;
    case 'half-up':
      return twice >= d ? away : q;
    case 'half-down':
      return twice > d ? away : q;
    case 'half-even':
      if (twice > d) return away;
      if (twice < d) return q;
      return q % 2n === 0n ? q : away;
    default:
      assertRoundingMode(mode); // throws: every mode has its case above
      return q;
  }
}
