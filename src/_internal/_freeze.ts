import { isDecimal } from './_isDecimal.js';

/**
 * Freezes a value and everything reachable from it (plain objects and arrays).
 * Decimal instances are left as they are: they are immutable values already (every
 * operation returns a new instance), and decimal.js is not written for frozen instances.
 * Typed arrays cannot be frozen and are left as they are too.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !isDecimal(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
