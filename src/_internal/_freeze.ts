import { isDecimal } from './_isDecimal.js';
import { freezeDecimal } from './_freezeDecimal.js';

/**
 * Freezes a value and everything reachable from it (plain objects and arrays).
 * Decimal instances are frozen with their digit arrays ({@link freezeDecimal}).
 * Typed arrays cannot be frozen and are left as they are.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  if (isDecimal(value)) return freezeDecimal(value);
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
