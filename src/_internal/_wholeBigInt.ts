import { fail } from '../errors/VnPovertyError.js';

/**
 * A whole number (a safe integer or a bigint) as a bigint.
 * @throws VnPovertyError `not-an-integer` for anything else (a fraction, NaN, a number beyond 2^53, a string).
 */
export function wholeBigInt(value: unknown, path: ReadonlyArray<string | number>): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return fail({ code: 'not-an-integer', path, value, expected: 'a whole number (safe integer or bigint)' });
  return BigInt(value);
}
