import { expect } from 'vitest';
import { Decimal } from '../../src/_internal/_decimal.js';

/** Deep copy that keeps bigint, Decimal (via toString) and frozen-ness out of the picture. */
function snapshot(value: unknown): unknown {
  if (typeof value === 'bigint') return { bigint: value.toString() };
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { date: value.getTime() };
  if (Array.isArray(value)) return value.map(snapshot);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Decimal.isDecimal(value)) return { decimal: String(value) };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshot(v)]));
}

/** Asserts that every object reachable from `value` is frozen. */
export function expectDeepFrozen(value: unknown, path = '$'): void {
  // Decimals are immutable values (every operation returns a new one); typed arrays cannot be frozen.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Decimal.isDecimal(value)) return;
  expect(Object.isFrozen(value), `${path} is frozen`).toBe(true);
  for (const [k, v] of Object.entries(value)) expectDeepFrozen(v, `${path}.${k}`);
}

/**
 * The purity contract of every public function: the inputs are unchanged after the
 * call, the output is deep-frozen, and the same inputs give the same output.
 */
export function expectPure<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
  const before = snapshot(args);
  const first = fn(...args);
  expect(snapshot(args), 'inputs are not mutated').toEqual(before);
  expectDeepFrozen(first);
  const second = fn(...args);
  expect(snapshot(second), 'same input, same output').toEqual(snapshot(first));
  return first;
}
