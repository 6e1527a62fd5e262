import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';

/**
 * How an area's poor count moved over a period: start + newly poor (*phát sinh*) + re-poor
 * (*tái nghèo*) + moved in − exits (*thoát nghèo*) − moved out = end.
 * The moves are optional: a plan table that prints none has none. `reviewTransitions`
 * gives all six per area (its `poor` flows, with `escaped` as the exits).
 */
export interface AreaFlow {
  readonly unit: string;
  readonly start: number;
  readonly newlyPoor: number;
  readonly rePoor: number;
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
  /** start + newlyPoor + rePoor + movedIn − exits − movedOut. */
  readonly expectedEnd: number;
  /** end as given − expectedEnd (0 when it balances). */
  readonly difference: number;
  /** One sentence for a report. */
  readonly message: string;
}

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const schema = z.object({
  unit: z.string().min(1),
  start: count,
  newlyPoor: count,
  rePoor: count,
  exits: count,
  movedIn: count.optional(),
  movedOut: count.optional(),
  end: count,
});

/**
 * Checks that an area's flow balances exactly. Not balancing is a finding, not an error:
 * the result says by how much.
 *
 * @throws VnPovertyError `invalid-input` for counts that are not whole and ≥ 0.
 * @example
 * checkAreaFlow({ unit: 'Văn Giáo', start: 139, newlyPoor: 0, rePoor: 0, exits: 50, end: 89 }).ok //=> true
 * checkAreaFlow({ unit: 'X', start: 10, newlyPoor: 1, rePoor: 0, exits: 2, movedIn: 1, movedOut: 3, end: 7 }).ok //=> true
 * @see review-procedure (annual review: newly poor, re-poor, exits)
 */
export function checkAreaFlow(flow: AreaFlow): AreaFlowCheck {
  const f = parseInput(schema, flow);
  const movedIn = f.movedIn ?? 0;
  const movedOut = f.movedOut ?? 0;
  const expectedEnd = f.start + f.newlyPoor + f.rePoor + movedIn - f.exits - movedOut;
  const difference = f.end - expectedEnd;
  const hasMoves = f.movedIn !== undefined || f.movedOut !== undefined;
  const sum = hasMoves
    ? `${f.unit}: ${f.start} + ${f.newlyPoor} + ${f.rePoor} + ${movedIn} moved in − ${f.exits} − ${movedOut} moved out`
    : `${f.unit}: ${f.start} + ${f.newlyPoor} + ${f.rePoor} − ${f.exits}`;
  const message =
    difference === 0
      ? `${sum} = ${f.end}`
      : `${sum} = ${expectedEnd}, but the end count is ${f.end} (difference ${difference > 0 ? '+' : ''}${difference})`;
  return deepFreeze({ unit: f.unit, ok: difference === 0, expectedEnd, difference, message });
}
