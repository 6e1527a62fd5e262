import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';
import type { AreaTransitions } from '../status/reviewTransitions.js';

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
  /** `'poor'` (the default when left out). */
  readonly status?: 'poor';
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

/**
 * How an area's near-poor count moved over a period, in the summary form's columns (Mẫu số 3):
 * start + newly near-poor (*cận nghèo phát sinh*) + re-near-poor (*tái cận nghèo*) + moved in −
 * exits (*thoát cận nghèo*) − moved out = end. `reviewTransitions` gives them per area in
 * `summary.nearPoor`.
 */
export interface NearPoorAreaFlow {
  readonly unit: string;
  readonly status: 'near-poor';
  readonly start: number;
  /** Newly near-poor households; left out when not printed (the check is then a bound). */
  readonly newlyNearPoor?: number;
  /** Re-near-poor households; left out when not printed (the check is then a bound). */
  readonly reNearPoor?: number;
  readonly exits: number;
  readonly movedIn?: number;
  readonly movedOut?: number;
  readonly end: number;
}

/** Result of {@link checkAreaFlow}. */
export interface AreaFlowCheck {
  readonly unit: string;
  /** Which status the flow counts. */
  readonly status: 'poor' | 'near-poor';
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
const nearPoorSchema = z.object({
  unit: z.string().min(1),
  status: z.literal('near-poor'),
  start: count,
  newlyNearPoor: count.optional(),
  reNearPoor: count.optional(),
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
 * checkAreaFlow({ unit: 'Y', status: 'near-poor', start: 95, newlyNearPoor: 3, reNearPoor: 1, exits: 5, end: 93 }).difference //=> -1
 * checkAreaFlow({ unit: 'An Cư', start: 195, exits: 53, end: 130 }).message //=> 'An Cư: 195 − 53 = 142 at least (newly poor and re-poor not printed), but the end count is 130 (short by 12)'
 * @see review-procedure (annual review: newly poor, re-poor, exits; Mẫu số 3 for the near-poor)
 */
export function checkAreaFlow(flow: AreaFlow | NearPoorAreaFlow): AreaFlowCheck {
  if (typeof flow === 'object' && flow !== null && flow.status === 'near-poor') {
    const n = parseInput(nearPoorSchema, flow);
    return balance('near-poor', { unit: n.unit, start: n.start, newly: n.newlyNearPoor, re: n.reNearPoor, exits: n.exits, movedIn: n.movedIn, movedOut: n.movedOut, end: n.end });
  }
  const p = parseInput(schema, flow);
  return balance('poor', { unit: p.unit, start: p.start, newly: p.newlyPoor, re: p.rePoor, exits: p.exits, movedIn: p.movedIn, movedOut: p.movedOut, end: p.end });
}

interface Flow {
  readonly unit: string;
  readonly start: number;
  readonly newly: number | undefined;
  readonly re: number | undefined;
  readonly exits: number;
  readonly movedIn: number | undefined;
  readonly movedOut: number | undefined;
  readonly end: number;
}

function balance(status: 'poor' | 'near-poor', f: Flow): AreaFlowCheck {
  const movedIn = f.movedIn ?? 0;
  const movedOut = f.movedOut ?? 0;
  const bound = f.newly === undefined || f.re === undefined;
  const newly = f.newly ?? 0;
  const re = f.re ?? 0;
  const expectedEnd = f.start + newly + re + movedIn - f.exits - movedOut;
  const difference = f.end - expectedEnd;
  const hasMoves = f.movedIn !== undefined || f.movedOut !== undefined;
  const unit = status === 'near-poor' ? `${f.unit} (near-poor)` : f.unit;
  const words = status === 'near-poor' ? (['newly near-poor', 're-near-poor'] as const) : (['newly poor', 're-poor'] as const);
  const printed = [...(f.newly !== undefined ? [` + ${f.newly}`] : []), ...(f.re !== undefined ? [` + ${f.re}`] : [])].join('');
  const sum = bound
    ? `${unit}: ${f.start}${printed}${hasMoves ? ` + ${movedIn} moved in` : ''} − ${f.exits}${hasMoves ? ` − ${movedOut} moved out` : ''}`
    : hasMoves
      ? `${unit}: ${f.start} + ${newly} + ${re} + ${movedIn} moved in − ${f.exits} − ${movedOut} moved out`
      : `${unit}: ${f.start} + ${newly} + ${re} − ${f.exits}`;
  const ok = bound ? difference >= 0 : difference === 0;
  const missing = f.newly === undefined && f.re === undefined ? `${words[0]} and ${words[1]}` : f.newly === undefined ? words[0] : words[1];
  const message = bound
    ? `${sum} = ${expectedEnd} at least (${missing} not printed)${ok ? `; the end count is ${f.end}` : `, but the end count is ${f.end} (short by ${-difference})`}`
    : difference === 0
      ? `${sum} = ${f.end}`
      : `${sum} = ${expectedEnd}, but the end count is ${f.end} (difference ${difference > 0 ? '+' : ''}${difference})`;
  return deepFreeze({ unit: f.unit, status, ok, kind: bound ? ('bound' as const) : ('balance' as const), expectedEnd, difference, message });
}

/**
 * The poor and near-poor flows of one area of `reviewTransitions`, in the summary form's columns,
 * ready for {@link checkAreaFlow}.
 * @example
 * areaFlowsFromTransitions(reviewTransitions(start, end).total).map((f) => checkAreaFlow(f).ok) //=> [true, true]
 * @see Mẫu số 3 (Tổng hợp kết quả điều tra, rà soát hộ nghèo, hộ cận nghèo), review-procedure §9.
 */
export function areaFlowsFromTransitions(area: AreaTransitions): readonly [AreaFlow, NearPoorAreaFlow] {
  const p = area.summary.poor;
  const n = area.summary.nearPoor;
  return deepFreeze([
    { unit: area.area, status: 'poor', start: p.start, newlyPoor: p.newly, rePoor: p.re, exits: p.exits, movedIn: p.movedIn, movedOut: p.movedOut, end: p.end },
    { unit: area.area, status: 'near-poor', start: n.start, newlyNearPoor: n.newly, reNearPoor: n.re, exits: n.exits, movedIn: n.movedIn, movedOut: n.movedOut, end: n.end },
  ] as const);
}
