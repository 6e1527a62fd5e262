import { z } from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';

/**
 * How an area's poor count moved over a period: start + newly poor (*phát sinh*) + re-poor
 * (*tái nghèo*) − exits (*thoát nghèo*) = end.
 */
export interface AreaFlow {
  readonly unit: string;
  readonly start: number;
  readonly newlyPoor: number;
  readonly rePoor: number;
  readonly exits: number;
  readonly end: number;
}

/** Result of {@link checkAreaFlow}. */
export interface AreaFlowCheck {
  readonly unit: string;
  readonly ok: boolean;
  /** start + newlyPoor + rePoor − exits. */
  readonly expectedEnd: number;
  /** end as given − expectedEnd (0 when it balances). */
  readonly difference: number;
  /** One sentence for a report. */
  readonly message: string;
}

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const schema = z.object({ unit: z.string().min(1), start: count, newlyPoor: count, rePoor: count, exits: count, end: count });

/**
 * Checks that an area's flow balances exactly. Not balancing is a finding, not an error:
 * the result says by how much.
 *
 * @throws VnPovertyError `invalid-input` for counts that are not whole and ≥ 0.
 * @example
 * checkAreaFlow({ unit: 'Văn Giáo', start: 139, newlyPoor: 0, rePoor: 0, exits: 50, end: 89 }).ok //=> true
 * @see review-procedure (annual review: newly poor, re-poor, exits)
 */
export function checkAreaFlow(flow: AreaFlow): AreaFlowCheck {
  const f = parseInput(schema, flow);
  const expectedEnd = f.start + f.newlyPoor + f.rePoor - f.exits;
  const difference = f.end - expectedEnd;
  const message =
    difference === 0
      ? `${f.unit}: ${f.start} + ${f.newlyPoor} + ${f.rePoor} − ${f.exits} = ${f.end}`
      : `${f.unit}: ${f.start} + ${f.newlyPoor} + ${f.rePoor} − ${f.exits} = ${expectedEnd}, but the end count is ${f.end} (difference ${difference > 0 ? '+' : ''}${difference})`;
  return deepFreeze({ unit: f.unit, ok: difference === 0, expectedEnd, difference, message });
}
