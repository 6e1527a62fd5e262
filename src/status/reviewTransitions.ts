import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { VnPovertyError, issue, parseInput } from '../errors/VnPovertyError.js';
import type { RuleRef, VnIssue, VnIssues } from '../errors/VnPovertyError.js';
import { HOUSEHOLD_STATUSES } from '../standards/householdStatus.js';
import type { HouseholdStatus } from '../standards/householdStatus.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One household in a review result (*kết quả rà soát*): where it lives and the status recognised. */
export interface ReviewEntry {
  /** Stable household identifier, the same in both lists. */
  readonly householdId: string;
  /** Area code (commune, village…) the household belongs to at that review. */
  readonly area: string;
  /** Status recognised at that review. */
  readonly status: HouseholdStatus;
  /**
   * On the START list: true when the household escaped poverty at some earlier review, so that
   * becoming poor again is *tái nghèo* (re-poor) rather than *phát sinh nghèo* (newly poor).
   * Default false. Ignored on the end list.
   */
  readonly everEscapedPoverty?: boolean;
  /**
   * On the START list: true when the household escaped near-poverty (*thoát cận nghèo*) at some
   * earlier review, so that becoming near-poor again is *tái cận nghèo* (re-near-poor) rather than
   * *cận nghèo phát sinh* (newly near-poor). Default false. Ignored on the end list.
   */
  readonly everEscapedNearPoverty?: boolean;
}

/**
 * How a household's status changed between two reviews (both lists hold it):
 * - `'escaped-poverty'`: poor → near-poor, average or non-poor (*thoát nghèo*);
 * - `'escaped-near-poverty'`: near-poor → average or non-poor (*thoát cận nghèo*);
 * - `'newly-poor'`: not poor → poor, never escaped before (*hộ nghèo phát sinh*);
 * - `'re-poor'`: not poor → poor after an earlier escape (*hộ tái nghèo*);
 * - `'newly-near-poor'`: average or non-poor → near-poor, never escaped near-poverty before (*hộ cận nghèo phát sinh*);
 * - `'re-near-poor'`: average or non-poor → near-poor after an earlier escape from near-poverty (*hộ tái cận nghèo*);
 * - `'changed-band'`: between average and non-poor;
 * - `'unchanged'`.
 */
export type StatusChange =
  | 'escaped-poverty'
  | 'escaped-near-poverty'
  | 'newly-poor'
  | 're-poor'
  | 'newly-near-poor'
  | 're-near-poor'
  | 'changed-band'
  | 'unchanged';

/**
 * Where a household went between two reviews: `'stayed'` (same area), `'moved'` (another area),
 * `'entered'` (only on the end list: arrived or newly formed), `'left'` (only on the start list).
 */
export type Movement = 'stayed' | 'moved' | 'entered' | 'left';

/** A household's place and status at one review. */
export interface ReviewPlace {
  readonly area: string;
  readonly status: HouseholdStatus;
}

/** What happened to one household between two reviews. */
export interface HouseholdTransition {
  readonly householdId: string;
  /** At the start review, or `null` if it was not on the start list. */
  readonly from: ReviewPlace | null;
  /** At the end review, or `null` if it is not on the end list. */
  readonly to: ReviewPlace | null;
  /** Status change, or `null` when the household is on only one list. */
  readonly change: StatusChange | null;
  readonly movement: Movement;
}

/**
 * Flows of poor households in an area. Always `start + newlyPoor + rePoor + movedIn − escaped − movedOut = end`.
 * A household that moves carries its start status out of the old area and into the new one; its
 * status change is then counted in the new area.
 */
export interface PoorFlows {
  readonly start: number;
  /** *Hộ nghèo phát sinh*: became poor, never escaped before. */
  readonly newlyPoor: number;
  /** *Hộ tái nghèo*: poor again after an earlier escape. */
  readonly rePoor: number;
  /** Arrived poor (from another area or entering the lists). */
  readonly movedIn: number;
  /** *Hộ thoát nghèo*: escaped poverty (to near-poor or above). */
  readonly escaped: number;
  /** Left poor (to another area or off the lists). */
  readonly movedOut: number;
  readonly end: number;
}

/**
 * Flows of near-poor households in an area. Always
 * `start + newlyNearPoor + reNearPoor + fromPoor + movedIn − escaped − toPoor − movedOut = end`.
 */
export interface NearPoorFlows {
  readonly start: number;
  /** *Hộ cận nghèo phát sinh*: average or non-poor → near-poor, never escaped near-poverty before. */
  readonly newlyNearPoor: number;
  /** *Hộ tái cận nghèo*: near-poor again (from average, non-poor or poor) after an earlier escape from near-poverty. */
  readonly reNearPoor: number;
  /** Escaped poverty into near-poverty (poor → near-poor), not counted in `reNearPoor`. */
  readonly fromPoor: number;
  readonly movedIn: number;
  /** *Hộ thoát cận nghèo*: near-poor → average or non-poor. */
  readonly escaped: number;
  /** Fell into poverty (near-poor → poor). */
  readonly toPoor: number;
  readonly movedOut: number;
  readonly end: number;
}

/** Households of every status in an area: `start + movedIn − movedOut = end`. */
export interface HouseholdFlows {
  readonly start: number;
  readonly movedIn: number;
  readonly movedOut: number;
  readonly end: number;
}

/**
 * One status's flows in the three columns of the official summary form (Mẫu số 3, *Diễn biến
 * trong năm*): exits (*số hộ thoát*), re-entries (*số hộ tái*) and new entries (*số hộ phát sinh*),
 * with moves kept apart. Always `start + newly + re + movedIn − exits − movedOut = end`.
 */
export interface SummaryFlows {
  readonly start: number;
  /** *Số hộ thoát (cận) nghèo*. */
  readonly exits: number;
  /** *Số hộ tái (cận) nghèo*. */
  readonly re: number;
  /** *Số hộ (cận) nghèo phát sinh*. */
  readonly newly: number;
  readonly movedIn: number;
  readonly movedOut: number;
  readonly end: number;
}

/** Transition counts of one area (or of all areas, in `total`). */
export interface AreaTransitions {
  /** Area code; `'*'` for the total. */
  readonly area: string;
  readonly poor: PoorFlows;
  readonly nearPoor: NearPoorFlows;
  readonly households: HouseholdFlows;
  /**
   * The same flows as the summary form prints them. Poor: exits = `escaped`, re = `rePoor`,
   * newly = `newlyPoor`. Near-poor: exits = `escaped + toPoor` (every household that left the
   * near-poor list, including those now poor), re = `reNearPoor`, newly = `newlyNearPoor + fromPoor`.
   * Counting near-poor → poor as an exit and poor → near-poor as a new entry is what makes the
   * form's balance hold; the form's own instructions were not found (UNCONFIRMED convention).
   */
  readonly summary: { readonly poor: SummaryFlows; readonly nearPoor: SummaryFlows };
}

/** The result of {@link reviewTransitions}. */
export interface ReviewTransitions {
  /** Per-area counts, in the order of `options.areas` then by area code. */
  readonly areas: readonly AreaTransitions[];
  /** Sum over the areas. Internal moves appear in both movedIn and movedOut. */
  readonly total: AreaTransitions;
  /** One entry per household, sorted by household id. */
  readonly households: readonly HouseholdTransition[];
}

/** Options of {@link reviewTransitions}. */
export interface ReviewTransitionsOptions {
  /** Areas to report first and in this order, even with no household (e.g. every commune of a district). */
  readonly areas?: readonly string[];
}

/**
 * Where the categories come from.
 * @example
 * TRANSITION_RULE.term //=> 'hộ thoát nghèo, hộ thoát cận nghèo, hộ nghèo phát sinh, hộ tái nghèo'
 */
export const TRANSITION_RULE: RuleRef = Object.freeze({
  description: 'review results classify households as escaped poverty or near-poverty, newly poor or re-poor, between two reviews',
  source: 'QĐ 24/2021/QĐ-TTg, Art. 4 cl. 5 (recognition of poor, near-poor, escaped households); TT 07/2021/TT-BLĐTBXH report forms',
  term: 'hộ thoát nghèo, hộ thoát cận nghèo, hộ nghèo phát sinh, hộ tái nghèo',
});

const statusSchema = z.enum(HOUSEHOLD_STATUSES as unknown as readonly [HouseholdStatus, ...HouseholdStatus[]]);
/**
 * Zod schema of one {@link ReviewEntry}.
 * @example
 * reviewEntrySchema.safeParse({ householdId: 'h1', area: 'Nhà Bàng', status: 'near-poor' }).success //=> true
 * reviewEntrySchema.safeParse({ householdId: 'h1', area: 'Nhà Bàng', status: 'recently-escaped' }).success //=> false
 */
export const reviewEntrySchema = z
  .object({
    householdId: z.string().min(1),
    area: z.string().min(1),
    status: statusSchema,
    everEscapedPoverty: z.boolean().optional(),
    everEscapedNearPoverty: z.boolean().optional(),
  })
  .strict();
const listsSchema = z.object({ start: z.array(reviewEntrySchema), end: z.array(reviewEntrySchema) });

/**
 * Compares two review results and counts, per area, the households that escaped poverty or
 * near-poverty, became poor (newly or again), became near-poor (newly or again), moved in and moved
 * out. The counts reconcile exactly: for poor households `start + newlyPoor + rePoor + movedIn − escaped − movedOut = end`,
 * likewise for near-poor households and for all households; `summary` gives both statuses in the
 * summary form's three columns, where `start + newly + re + movedIn − exits − movedOut = end`.
 *
 * Each list should hold every reviewed household of the areas (with `'average'` / `'non-poor'`
 * statuses too): a household missing from a list is read as not living in those areas then.
 *
 * @param start - the earlier review result.
 * @param end - the later review result.
 * @param options - `areas` to report first and in order.
 * @returns frozen per-area counts, their total and the per-household transitions.
 * @throws VnPovertyError `invalid-input` / `missing-field` (shape), `duplicate-household`
 *   (a household twice in one list).
 * @example
 * const t = reviewTransitions(
 *   [{ householdId: 'h1', area: 'A', status: 'poor' }, { householdId: 'h2', area: 'A', status: 'near-poor' }],
 *   [{ householdId: 'h1', area: 'A', status: 'near-poor' }, { householdId: 'h2', area: 'B', status: 'near-poor' }],
 * )
 * t.areas[0]?.poor //=> { start: 1, newlyPoor: 0, rePoor: 0, movedIn: 0, escaped: 1, movedOut: 0, end: 0 }
 * t.areas[0]?.summary.nearPoor //=> { start: 1, exits: 0, re: 0, newly: 1, movedIn: 0, movedOut: 1, end: 1 }
 * @see QĐ 24/2021/QĐ-TTg, Art. 4 (periodic review and recognition).
 */
export function reviewTransitions(
  start: readonly ReviewEntry[],
  end: readonly ReviewEntry[],
  options: ReviewTransitionsOptions = {},
): ReviewTransitions {
  assertOptions(options, 'reviewTransitions');
  const lists = parseInput(listsSchema, { start, end }, TRANSITION_RULE);
  const areaOrder = parseInput(z.array(z.string().min(1)).optional(), options.areas) ?? [];
  const issues: VnIssue[] = [];
  const index = (list: readonly ParsedEntry[], name: 'start' | 'end'): Map<string, ParsedEntry> => {
    const map = new Map<string, ParsedEntry>();
    list.forEach((e, i) => {
      if (map.has(e.householdId)) {
        issues.push(
          issue({ code: 'duplicate-household', path: [name, i, 'householdId'], value: e.householdId, expected: 'each household once per review list', rule: TRANSITION_RULE }),
        );
      }
      map.set(e.householdId, e);
    });
    return map;
  };
  const before = index(lists.start, 'start');
  const after = index(lists.end, 'end');
  if (issues.length > 0) throw new VnPovertyError(issues as unknown as VnIssues);

  const counts = new Map<string, MutableArea>();
  const area = (code: string): MutableArea => {
    let a = counts.get(code);
    if (a === undefined) {
      a = emptyArea(code);
      counts.set(code, a);
    }
    return a;
  };
  for (const code of areaOrder) area(code);

  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const households: HouseholdTransition[] = ids.map((householdId) => {
    const s = before.get(householdId);
    const e = after.get(householdId);
    if (s !== undefined) {
      const a = area(s.area);
      a.households.start++;
      bump(a, s.status, 'start');
      if (e === undefined || e.area !== s.area) {
        a.households.movedOut++;
        bump(a, s.status, 'movedOut');
      }
    }
    if (e !== undefined) {
      const b = area(e.area);
      b.households.end++;
      bump(b, e.status, 'end');
      const arrivedAs = s === undefined ? e.status : s.status;
      if (s === undefined || s.area !== e.area) {
        b.households.movedIn++;
        bump(b, arrivedAs, 'movedIn');
      }
    }
    if (s === undefined || e === undefined) {
      return { householdId, from: s ? place(s) : null, to: e ? place(e) : null, change: null, movement: s ? 'left' : 'entered' };
    }
    const change = statusChange(s.status, e.status, s.everEscapedPoverty === true, s.everEscapedNearPoverty === true);
    const b = area(e.area);
    if (change === 'escaped-poverty') {
      b.poor.escaped++;
      if (e.status === 'near-poor') {
        if (s.everEscapedNearPoverty === true) b.nearPoor.reNearPoor++;
        else b.nearPoor.fromPoor++;
      }
    } else if (change === 'newly-poor' || change === 're-poor') {
      if (change === 'newly-poor') b.poor.newlyPoor++;
      else b.poor.rePoor++;
      if (s.status === 'near-poor') b.nearPoor.toPoor++;
    } else if (change === 'escaped-near-poverty') {
      b.nearPoor.escaped++;
    } else if (change === 'newly-near-poor') {
      b.nearPoor.newlyNearPoor++;
    } else if (change === 're-near-poor') {
      b.nearPoor.reNearPoor++;
    }
    return { householdId, from: place(s), to: place(e), change, movement: s.area === e.area ? 'stayed' : 'moved' };
  });

  const listed = new Set(areaOrder);
  const rest = [...counts.keys()].filter((c) => !listed.has(c)).sort();
  const areas = [...new Set(areaOrder), ...rest].map((c) => counts.get(c) ?? emptyArea(c));
  const total = areas.reduce((t, a) => addArea(t, a), emptyArea('*'));
  return deepFreeze({ areas: areas.map(withSummary), total: withSummary(total), households });
}

/**
 * The status change between two statuses of one household.
 *
 * @param from - status at the earlier review.
 * @param to - status at the later review.
 * @param everEscapedPoverty - whether the household escaped poverty before the earlier review.
 * @param everEscapedNearPoverty - whether it escaped near-poverty before the earlier review (default false).
 * @example
 * statusChange('near-poor', 'poor', true) //=> 're-poor'
 * statusChange('poor', 'average', false) //=> 'escaped-poverty'
 * statusChange('non-poor', 'near-poor', false, true) //=> 're-near-poor'
 * @see QĐ 24/2021/QĐ-TTg, Art. 4 cl. 5; Mẫu số 3 (tái nghèo, tái cận nghèo, phát sinh).
 */
export function statusChange(from: HouseholdStatus, to: HouseholdStatus, everEscapedPoverty: boolean, everEscapedNearPoverty = false): StatusChange {
  if (from === to) return 'unchanged';
  if (from === 'poor') return 'escaped-poverty';
  if (to === 'poor') return everEscapedPoverty ? 're-poor' : 'newly-poor';
  if (from === 'near-poor') return 'escaped-near-poverty';
  if (to === 'near-poor') return everEscapedNearPoverty ? 're-near-poor' : 'newly-near-poor';
  return 'changed-band';
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface MutableArea {
  area: string;
  poor: Mutable<PoorFlows>;
  nearPoor: Mutable<NearPoorFlows>;
  households: Mutable<HouseholdFlows>;
}

function emptyArea(area: string): MutableArea {
  return {
    area,
    poor: { start: 0, newlyPoor: 0, rePoor: 0, movedIn: 0, escaped: 0, movedOut: 0, end: 0 },
    nearPoor: { start: 0, newlyNearPoor: 0, reNearPoor: 0, fromPoor: 0, movedIn: 0, escaped: 0, toPoor: 0, movedOut: 0, end: 0 },
    households: { start: 0, movedIn: 0, movedOut: 0, end: 0 },
  };
}

function bump(a: MutableArea, status: HouseholdStatus, field: 'start' | 'end' | 'movedIn' | 'movedOut'): void {
  if (status === 'poor') a.poor[field]++;
  else if (status === 'near-poor') a.nearPoor[field]++;
}

type ParsedEntry = z.output<typeof reviewEntrySchema>;

function place(e: ParsedEntry): ReviewPlace {
  return { area: e.area, status: e.status };
}

function withSummary(a: MutableArea): AreaTransitions {
  const p = a.poor;
  const n = a.nearPoor;
  return {
    ...a,
    summary: {
      poor: { start: p.start, exits: p.escaped, re: p.rePoor, newly: p.newlyPoor, movedIn: p.movedIn, movedOut: p.movedOut, end: p.end },
      nearPoor: { start: n.start, exits: n.escaped + n.toPoor, re: n.reNearPoor, newly: n.newlyNearPoor + n.fromPoor, movedIn: n.movedIn, movedOut: n.movedOut, end: n.end },
    },
  };
}

function addArea(t: MutableArea, a: MutableArea): MutableArea {
  const sum = <T extends object>(x: T, y: T): T =>
    Object.fromEntries(Object.entries(x).map(([k, v]) => [k, (v as number) + ((y as Record<string, number>)[k] ?? 0)])) as T;
  return { area: t.area, poor: sum(t.poor, a.poor), nearPoor: sum(t.nearPoor, a.nearPoor), households: sum(t.households, a.households) };
}
