import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';

/**
 * How an area's poor count moved over a period: start + newly poor (*phát sinh*) + re-poor
 * (*tái nghèo*) + moved in − exits (*thoát nghèo*) − moved out = end.
 * The moves are optional: a plan table that prints none has none. `reviewTransitions`
 * gives all six per area (its `poor` flows, with `escaped` as the exits). When the newly poor or
 * re-poor counts are not printed (left out), the flow gives a bound, not an equality: they are at
 * least 0, so the end is at least start − exits (the exits at least the fall in the count).
 */
export interface AreaFlow {
  readonly unit: string;
  readonly start: number;
  /** Newly poor households (*phát sinh*); left out when not printed (the check is then a bound). */
  readonly newlyPoor?: number;
  /** Re-poor households (*tái nghèo*); left out when not printed (the check is then a bound). */
  readonly rePoor?: number;
  readonly exits: number;
  /** Poor households that moved into the area (counted 0 when not given). */
  readonly movedIn?: number;
  /** Poor households that moved out of the area (counted 0 when not given). */
  readonly movedOut?: number;
  readonly end: number;
}

/** Result of {@link checkAreaFlow}. */
export interface AreaFlowCheck {
  readonly unit: string;
  readonly ok: boolean;
  /** `'balance'` (every flow printed: an equality) or `'bound'` (newly poor or re-poor not printed: end ≥ expectedEnd). */
  readonly kind: 'balance' | 'bound';
  /** start + newlyPoor + rePoor + movedIn − exits − movedOut (for a bound, the least end: unprinted flows counted 0). */
  readonly expectedEnd: number;
  /** end as given − expectedEnd (0 when it balances; ≥ 0 when a bound holds). */
  readonly difference: number;
  /** One sentence for a report. */
  readonly message: string;
}

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const schema = z.object({
  unit: z.string().min(1),
  start: count,
  newlyPoor: count.optional(),
  rePoor: count.optional(),
  exits: count,
  movedIn: count.optional(),
  movedOut: count.optional(),
  end: count,
});

/**
 * Checks that an area's flow balances exactly (or, with newly poor or re-poor not printed, that
 * the end is at least what the printed flows leave). Not holding is a finding, not an error:
 * the result says by how much.
 *
 * @throws VnPovertyError `invalid-input` for counts that are not whole and ≥ 0.
 * @example
 * checkAreaFlow({ unit: 'Văn Giáo', start: 139, newlyPoor: 0, rePoor: 0, exits: 50, end: 89 }).ok //=> true
 * checkAreaFlow({ unit: 'X', start: 10, newlyPoor: 1, rePoor: 0, exits: 2, movedIn: 1, movedOut: 3, end: 7 }).ok //=> true
 * checkAreaFlow({ unit: 'An Cư', start: 195, exits: 53, end: 130 }).message //=> 'An Cư: 195 − 53 = 142 at least (newly poor and re-poor not printed), but the end count is 130 (short by 12)'
 * @see review-procedure (annual review: newly poor, re-poor, exits)
 */
export function checkAreaFlow(flow: AreaFlow): AreaFlowCheck {
  const f = parseInput(schema, flow);
  const movedIn = f.movedIn ?? 0;
  const movedOut = f.movedOut ?? 0;
  const bound = f.newlyPoor === undefined || f.rePoor === undefined;
  const newlyPoor = f.newlyPoor ?? 0;
  const rePoor = f.rePoor ?? 0;
  const expectedEnd = f.start + newlyPoor + rePoor + movedIn - f.exits - movedOut;
  const difference = f.end - expectedEnd;
  const hasMoves = f.movedIn !== undefined || f.movedOut !== undefined;
  const printed = [...(f.newlyPoor !== undefined ? [` + ${f.newlyPoor}`] : []), ...(f.rePoor !== undefined ? [` + ${f.rePoor}`] : [])].join('');
  const sum = bound
    ? `${f.unit}: ${f.start}${printed}${hasMoves ? ` + ${movedIn} moved in` : ''} − ${f.exits}${hasMoves ? ` − ${movedOut} moved out` : ''}`
    : hasMoves
      ? `${f.unit}: ${f.start} + ${newlyPoor} + ${rePoor} + ${movedIn} moved in − ${f.exits} − ${movedOut} moved out`
      : `${f.unit}: ${f.start} + ${newlyPoor} + ${rePoor} − ${f.exits}`;
  const ok = bound ? difference >= 0 : difference === 0;
  const message = bound
    ? `${sum} = ${expectedEnd} at least (${f.newlyPoor === undefined && f.rePoor === undefined ? 'newly poor and re-poor' : f.newlyPoor === undefined ? 'newly poor' : 're-poor'} not printed)${ok ? `; the end count is ${f.end}` : `, but the end count is ${f.end} (short by ${-difference})`}`
    : difference === 0
      ? `${sum} = ${f.end}`
      : `${sum} = ${expectedEnd}, but the end count is ${f.end} (difference ${difference > 0 ? '+' : ''}${difference})`;
  return deepFreeze({ unit: f.unit, ok, kind: bound ? ('bound' as const) : ('balance' as const), expectedEnd, difference, message });
}
