import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { apportion } from '../numbers/apportion.js';
import type { Fraction } from '../numbers/fraction.js';
import { assertOptions } from '../errors/assertOptions.js';
import { householdCount } from './_count.js';

/** One unit sharing a parent target. */
export interface SplitUnit {
  readonly unit: string;
  /** Poor households of the unit (the weight for `'proportional-to-poor'`). */
  readonly poor?: number | bigint;
  /** The caller's weight (for `'weights'`): integer, decimal string or number. */
  readonly weight?: string | number;
  /** At least this many households go to the unit. */
  readonly minimum?: number | bigint;
}

/** How to split. */
export type SplitMethod = 'proportional-to-poor' | 'weights';

/** Options of {@link splitTarget}. */
export interface SplitTargetOptions {
  readonly method: SplitMethod;
}

/** Result of {@link splitTarget}: whole parts that add up exactly to the total. */
export interface SplitTargetResult {
  readonly total: number;
  readonly method: SplitMethod;
  /** How remainders were settled. */
  readonly apportionment: 'largest-remainder';
  readonly parts: readonly { readonly unit: string; readonly households: number; readonly quota: Fraction }[];
}

const count = householdCount;
const schema = z.object({
  total: count,
  units: z.array(z.object({ unit: z.string().min(1), poor: count.optional(), weight: z.union([z.string(), z.number()]).optional(), minimum: count.optional() })).min(1),
  method: z.enum(['proportional-to-poor', 'weights']),
});

/**
 * Splits a parent target (a whole number of households) across units in proportion to their
 * poor households or to caller weights, with optional minimums, by the largest-remainder
 * method: **the parts are whole and add up exactly to the parent**. Counts (the total, poor
 * households, minimums) are numbers or bigints up to `Number.MAX_SAFE_INTEGER`; the result is in numbers.
 *
 * @throws VnPovertyError `invalid-input`, `missing-weight` (naming the unit), `duplicate-unit`,
 *   and from `apportion`: `zero-weights`, `minimums-exceed-total`, `negative-weight`.
 * @example
 * splitTarget(297, [{ unit: 'Thành thị', poor: 525 }, { unit: 'Nông thôn', poor: 960 }], { method: 'proportional-to-poor' }).parts.map((p) => p.households) //=> [105, 192]
 */
export function splitTarget(total: number | bigint, units: ReadonlyArray<SplitUnit>, options: SplitTargetOptions): SplitTargetResult {
  assertOptions(options, 'splitTarget', true);
  const input = parseInput(schema, { total, units, method: options?.method });
  const seen = new Set<string>();
  const weights = input.units.map((u, i) => {
    if (seen.has(u.unit)) fail({ code: 'duplicate-unit', path: ['units', i, 'unit'], value: u.unit, expected: 'each unit once' });
    seen.add(u.unit);
    const w = input.method === 'proportional-to-poor' ? u.poor : u.weight;
    if (w === undefined) fail({ code: 'missing-weight', path: ['units', i, input.method === 'proportional-to-poor' ? 'poor' : 'weight'], value: undefined, expected: `a ${input.method === 'proportional-to-poor' ? 'poor count' : 'weight'} for ${u.unit}` });
    return w;
  });
  const result = apportion(input.total, weights, { minimums: input.units.map((u) => u.minimum ?? 0) });
  return deepFreeze({
    total: input.total,
    method: input.method,
    apportionment: result.method,
    parts: input.units.map((u, i) => ({ unit: u.unit, households: result.parts[i]!, quota: result.quotas[i]! })),
  });
}
