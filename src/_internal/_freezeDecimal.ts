import type { Decimal } from './_decimal.js';

/**
 * Freezes a Decimal instance and its digit array, so that a result holding it cannot be
 * changed through `value.d[0] = …`. decimal.js never writes to an existing instance (every
 * operation copies the digits of its operands first), so a frozen Decimal still computes.
 * Small and free of imports: the rate and number functions use it without growing their bundle.
 */
export function freezeDecimal<T extends Decimal>(value: T): T {
  Object.freeze(value.d);
  return Object.freeze(value);
}
