import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { VnPovertyError, issue, parseInput } from '../errors/VnPovertyError.js';
import type { RuleRef, VnIssue, VnIssues } from '../errors/VnPovertyError.js';
import { toIsoDate } from '../dates/calendarDate.js';
import type { DateInput, IsoDate } from '../dates/calendarDate.js';
import { HOUSEHOLD_STATUSES } from '../standards/householdStatus.js';
import type { HouseholdStatus } from '../standards/householdStatus.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * The kind of review a recognition came from:
 * - `'periodic'`: the annual periodic review (*rà soát định kỳ hằng năm*), 1 September – 14 December;
 * - `'regular'`: the monthly regular review (*rà soát thường xuyên*), from the 15th of each month.
 *
 * @see QĐ 24/2021/QĐ-TTg, Art. 3 (timing of reviews).
 */
export type ReviewKind = 'periodic' | 'regular';

/** One recognised status: the status the commune chairman's decision gives, from the decision date. */
export interface StatusRecord {
  /** Date of the recognition decision (*quyết định công nhận*); the status holds from this day. */
  readonly on: IsoDate;
  /** The status recognised. */
  readonly status: HouseholdStatus;
  /** The review it came from, when known. */
  readonly review?: ReviewKind;
}

/** A household's recognised statuses over time, validated and in date order. */
export interface StatusHistory {
  /** Status before the first record (e.g. `'poor'` when the first record is an escape), or `null` if unknown. */
  readonly priorStatus: HouseholdStatus | null;
  /** Records in strictly increasing date order, at most one per date. */
  readonly records: readonly StatusRecord[];
}

/** A status record as callers give it. */
export interface StatusRecordInput {
  readonly on: DateInput;
  readonly status: HouseholdStatus;
  readonly review?: ReviewKind;
}

/** A status history as callers give it; records may come in any order. */
export interface StatusHistoryInput {
  readonly priorStatus?: HouseholdStatus | null;
  readonly records: readonly StatusRecordInput[];
}

/** Options of {@link statusHistory}. */
export interface StatusHistoryOptions {
  /**
   * `'sort'` (default): records may come in any order and are sorted by date;
   * `'require-ascending'`: records must already be in increasing date order (`history-out-of-order` otherwise).
   */
  readonly order?: 'sort' | 'require-ascending';
}

/**
 * The review calendar of the 2022–2025 period.
 * @example
 * REVIEW_TIMING_RULE.source //=> 'QĐ 24/2021/QĐ-TTg, Art. 3'
 */
export const REVIEW_TIMING_RULE: RuleRef = Object.freeze({
  description: 'periodic review runs from 1 September to 14 December each year; regular review once a month from the 15th',
  source: 'QĐ 24/2021/QĐ-TTg, Art. 3',
  term: 'rà soát định kỳ hằng năm, rà soát thường xuyên hằng năm',
});

const ONE_STATUS_PER_DATE: RuleRef = Object.freeze({
  description: 'a household holds one recognised status on a date: two recognitions on one date contradict each other',
  source: 'QĐ 24/2021/QĐ-TTg, Art. 4 cl. 5 and Art. 5 (recognition decision of the commune chairman)',
  term: 'quyết định công nhận hộ nghèo, hộ cận nghèo',
});

const dateInputSchema = z.union([
  z.string(),
  z.object({ date: z.instanceof(Date), zone: z.enum(['utc', 'local']) }).strict(),
]);
const statusSchema = z.enum(HOUSEHOLD_STATUSES as unknown as readonly [HouseholdStatus, ...HouseholdStatus[]]);

/**
 * Zod schema of {@link StatusHistoryInput} (dates are checked further by {@link statusHistory}).
 * @example
 * statusHistoryInputSchema.safeParse({ records: [{ on: '2021-12-01', status: 'poor', review: 'periodic' }] }).success //=> true
 * statusHistoryInputSchema.safeParse({ records: [{ on: '2021-12-01', status: 'escaped' }] }).success //=> false
 */
export const statusHistoryInputSchema = z
  .object({
    priorStatus: statusSchema.nullable().optional(),
    records: z.array(
      z
        .object({
          on: dateInputSchema,
          status: statusSchema,
          review: z.enum(['periodic', 'regular']).optional(),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * Validates a household's recognised statuses and returns them as a frozen history in date order.
 *
 * Each record is a recognition decision; the status holds from its date until the next record.
 * Records may come in any order (sorted here) unless `order: 'require-ascending'` is asked for.
 *
 * @param input - `{ priorStatus?, records: [{ on, status, review? }] }`.
 * @param options - see {@link StatusHistoryOptions}.
 * @returns a deep-frozen {@link StatusHistory}.
 * @throws VnPovertyError listing every problem: `invalid-input`/`missing-field` (shape),
 *   `invalid-date` (impossible date), `duplicate-status-date` (two records on one date),
 *   `history-out-of-order` (with `require-ascending`), `outside-review-season` (a `'periodic'` record
 *   dated outside 1 September – 14 December).
 * @example
 * statusHistory({ records: [{ on: '2023-12-10', status: 'near-poor' }, { on: '2021-12-01', status: 'poor' }] }).records.map((r) => r.on)
 * //=> ['2021-12-01', '2023-12-10']
 * @see QĐ 24/2021/QĐ-TTg, Arts. 3–5 (review timing and recognition).
 */
export function statusHistory(input: StatusHistoryInput, options: StatusHistoryOptions = {}): StatusHistory {
  assertOptions(options, 'statusHistory');
  const parsed = parseInput(statusHistoryInputSchema, input, REVIEW_TIMING_RULE);
  const order = options.order ?? 'sort';
  const issues: VnIssue[] = [];
  const records: StatusRecord[] = [];
  parsed.records.forEach((r, i) => {
    let on: IsoDate;
    try {
      on = toIsoDate(r.on, ['records', i, 'on']);
    } catch (e) {
      if (e instanceof VnPovertyError) {
        issues.push(...e.issues);
        return;
      }
      throw e;
    }
    if (r.review === 'periodic') {
      const monthDay = on.slice(5);
      if (monthDay < '09-01' || monthDay > '12-14') {
        issues.push(
          issue({
            code: 'outside-review-season',
            path: ['records', i, 'on'],
            value: on,
            expected: 'a periodic-review recognition dated from 1 September to 14 December',
            rule: REVIEW_TIMING_RULE,
          }),
        );
      }
    }
    records.push(r.review === undefined ? { on, status: r.status } : { on, status: r.status, review: r.review });
  });
  if (order === 'require-ascending') {
    for (let i = 1; i < records.length; i++) {
      const prev = records[i - 1];
      const cur = records[i];
      if (prev !== undefined && cur !== undefined && cur.on < prev.on) {
        issues.push(
          issue({ code: 'history-out-of-order', path: ['records', i, 'on'], value: cur.on, expected: `a date on or after ${prev.on}`, rule: ONE_STATUS_PER_DATE }),
        );
      }
    }
  }
  const sorted = records.map((r, i) => ({ r, i })).sort((a, b) => (a.r.on < b.r.on ? -1 : a.r.on > b.r.on ? 1 : a.i - b.i));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    const cur = sorted[k];
    if (prev !== undefined && cur !== undefined && prev.r.on === cur.r.on) {
      issues.push(
        issue({
          code: 'duplicate-status-date',
          path: ['records', cur.i, 'on'],
          value: cur.r.on,
          expected: `one recognised status per date (record ${prev.i} is also dated ${cur.r.on})`,
          rule: ONE_STATUS_PER_DATE,
        }),
      );
    }
  }
  if (issues.length > 0) throw new VnPovertyError(issues as unknown as VnIssues);
  return deepFreeze({ priorStatus: parsed.priorStatus ?? null, records: sorted.map((s) => s.r) });
}

/**
 * Index of the last record dated on or before `date` in a history, or −1 if there is none.
 * Binary search: O(log n).
 *
 * @param history - a history from {@link statusHistory}.
 * @param date - a checked calendar date.
 * @example
 * recordIndexOn(statusHistory({ records: [{ on: '2021-12-01', status: 'poor' }] }), toIsoDate('2021-11-30')) //=> -1
 */
export function recordIndexOn(history: StatusHistory, date: IsoDate): number {
  let lo = 0;
  let hi = history.records.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const rec = history.records[mid];
    if (rec !== undefined && rec.on <= date) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Options of {@link statusOn}. */
export interface StatusOnOptions {
  /** Path reported in errors. */
  readonly path?: ReadonlyArray<string | number>;
}

/**
 * The status a household holds on a date: that of the last recognition dated on or before it
 * (a decision takes effect on its date), `priorStatus` before the first record, or `null` when unknown.
 *
 * @param history - a history from {@link statusHistory}.
 * @param date - the date asked about (ISO string or `{ date, zone }`).
 * @throws VnPovertyError `invalid-date` for an impossible date.
 * @example
 * const h = statusHistory({ records: [{ on: '2021-12-01', status: 'poor' }, { on: '2023-12-10', status: 'near-poor' }] })
 * statusOn(h, '2023-12-09') //=> 'poor'
 * statusOn(h, '2023-12-10') //=> 'near-poor'
 * statusOn(h, '2020-01-01') //=> null
 * @see QĐ 24/2021/QĐ-TTg, Art. 4 cl. 5 (recognition by the commune chairman).
 */
export function statusOn(history: StatusHistory, date: DateInput, options: StatusOnOptions = {}): HouseholdStatus | null {
  assertOptions(options, 'statusOn');
  const day = toIsoDate(date, options.path ?? []);
  const i = recordIndexOn(history, day);
  return i < 0 ? history.priorStatus : (history.records[i]?.status ?? null);
}
