import type { Decimal } from './_decimal.js';

/**
 * True for a decimal.js instance, from any copy or clone of decimal.js, without loading it:
 * the same test as `Decimal.isDecimal` (decimal.js marks every instance with
 * `toStringTag: '[object Decimal]'`). Modules that only need to recognise a Decimal use
 * this, so a program that never makes one does not bundle decimal.js.
 */
export function isDecimal(value: unknown): value is Decimal {
  return typeof value === 'object' && value !== null && (value as { readonly toStringTag?: unknown }).toStringTag === '[object Decimal]';
}
