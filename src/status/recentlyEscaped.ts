import { deepFreeze } from '../_internal/_freeze.js';
import { addDays } from '../dates/addDays.js';
import { toIsoDate } from '../dates/calendarDate.js';
import type { DateInput, IsoDate, ReferenceDateOptions } from '../dates/calendarDate.js';
import { periodEnd } from '../dates/civilCodePeriod.js';
import type { HouseholdStatus } from '../standards/householdStatus.js';
import { resolvePolicyWindow } from './policyWindows.js';
import type { PolicyWindow, PolicyWindowOptions, WindowAnchor } from './policyWindows.js';
import { recordIndexOn } from './statusHistory.js';
import type { StatusHistory } from './statusHistory.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link recentlyEscapedUntil}. */
export type RecentlyEscapedUntilOptions = PolicyWindowOptions;

/**
 * The last day a household recognised as having escaped on `recognisedOn` counts as recently escaped:
 * by default 36 months (QĐ 90/QĐ-TTg) counted by the Civil Code, the window running from the
 * recognition date through the corresponding day of the 36th month (clamped to that month's last
 * day), both included.
 *
 * @param recognisedOn - date of the recognition decision (the window's anchor).
 * @param options - `window` (built-in id or data) and `bound` override.
 * @throws VnPovertyError `invalid-date` for an impossible date; `unknown-window` / `invalid-window`.
 * @example
 * recentlyEscapedUntil('2023-01-31') //=> '2026-01-31'
 * recentlyEscapedUntil('2024-02-29') //=> '2027-02-28'
 * recentlyEscapedUntil('2023-11-30') //=> '2026-11-30'
 * recentlyEscapedUntil('2023-11-30', { window: 'health-insurance-support' }) //=> '2028-11-30'
 * @see QĐ 90/QĐ-TTg (2022), Part II; Bộ luật Dân sự 2015, Art. 147 cl. 1 and Art. 148 cl. 1.
 */
export function recentlyEscapedUntil(recognisedOn: DateInput, options: RecentlyEscapedUntilOptions = {}): IsoDate {
  assertOptions(options, 'recentlyEscapedUntil');
  const window = resolvePolicyWindow(options);
  const end = periodEnd(recognisedOn, window.length, { path: ['recognisedOn'] });
  return window.bound === 'through-corresponding-day' ? end : addDays(end, -1);
}

/** Options of {@link isWithinWindow}. */
export type IsWithinWindowOptions = PolicyWindowOptions;

/**
 * True when `date` falls inside the window opened on `anchor`: anchor ≤ date ≤ last day.
 * Status is not looked at: for a household use {@link isRecentlyEscaped}.
 *
 * @throws VnPovertyError `invalid-date` for an impossible date.
 * @example
 * isWithinWindow('2023-01-31', '2026-01-31') //=> true
 * isWithinWindow('2023-01-31', '2026-02-01') //=> false
 * isWithinWindow('2023-01-31', '2023-01-30') //=> false
 * @see Bộ luật Dân sự 2015, Art. 147–148.
 */
export function isWithinWindow(anchor: DateInput, date: DateInput, options: IsWithinWindowOptions = {}): boolean {
  assertOptions(options, 'isWithinWindow');
  const start = toIsoDate(anchor, ['anchor']);
  const day = toIsoDate(date, ['date']);
  return start <= day && day <= recentlyEscapedUntil(start, options);
}

function isAnchor(kind: WindowAnchor, previous: HouseholdStatus | null, current: HouseholdStatus): boolean {
  if (kind === 'escaped-poverty') return previous === 'poor' && current !== 'poor';
  return (previous === 'poor' || previous === 'near-poor') && (current === 'average' || current === 'non-poor');
}

/**
 * Dates of the events a window is counted from, in a history: escapes from poverty
 * (a non-poor record after a poor one, or after a poor `priorStatus`) or, for the credit window,
 * leaving both lists.
 *
 * @example
 * windowAnchors(statusHistory({ records: [{ on: '2021-12-01', status: 'poor' }, { on: '2023-01-31', status: 'near-poor' }] }))
 * //=> ['2023-01-31']
 */
export function windowAnchors(history: StatusHistory, options: PolicyWindowOptions = {}): readonly IsoDate[] {
  assertOptions(options, 'windowAnchors');
  const window = resolvePolicyWindow(options);
  const out: IsoDate[] = [];
  let previous = history.priorStatus;
  for (const r of history.records) {
    if (isAnchor(window.anchor, previous, r.status)) out.push(r.on);
    previous = r.status;
  }
  return Object.freeze(out);
}

/**
 * Why a household is or is not recently escaped on a date:
 * - `'within-window'`: it is;
 * - `'no-escape'`: no escape (anchor event) on or before the date;
 * - `'status-does-not-qualify'`: it holds a status the window excludes (poor again, or near-poor
 *   for the credit window);
 * - `'window-ended'`: the last day of the window has passed.
 */
export type RecentlyEscapedReason = 'within-window' | 'no-escape' | 'status-does-not-qualify' | 'window-ended';

/** The answer of {@link recentlyEscapedOn}, with what it was computed from. */
export interface RecentlyEscapedFinding {
  /** The date asked about. */
  readonly asOf: IsoDate;
  /** Id of the window applied. */
  readonly windowId: string;
  /** The status held on `asOf` (`null` if unknown). */
  readonly status: HouseholdStatus | null;
  /** The answer. */
  readonly recentlyEscaped: boolean;
  /** Why. */
  readonly reason: RecentlyEscapedReason;
  /** The latest anchor (recognition of the escape) on or before `asOf`, or `null`. */
  readonly anchor: IsoDate | null;
  /** The last day of the window opened by `anchor`, or `null`. */
  readonly until: IsoDate | null;
  /** Source of the window. */
  readonly source: string;
}

/** Options of {@link recentlyEscapedOn} and {@link isRecentlyEscaped}. */
export interface RecentlyEscapedOptions extends ReferenceDateOptions, PolicyWindowOptions {}

/**
 * Tells whether a household is "recently escaped" (*hộ mới thoát nghèo*) on a date, and why.
 * It is when: its latest escape recognised on or before the date opened a window that has not yet
 * ended, and the status it holds on the date is one the window accepts. A household that is poor
 * again is poor, not recently escaped; a later escape opens a new window.
 *
 * @param history - a history from `statusHistory`.
 * @param options - `asOf` (required: the core never reads the clock), `window`, `bound`.
 * @throws VnPovertyError `invalid-date`; `unknown-window` / `invalid-window`.
 * @example
 * const h = statusHistory({ records: [{ on: '2021-12-01', status: 'poor' }, { on: '2023-01-31', status: 'near-poor' }] })
 * recentlyEscapedOn(h, { asOf: '2026-01-31' }).recentlyEscaped //=> true
 * recentlyEscapedOn(h, { asOf: '2026-02-01' }).reason //=> 'window-ended'
 * @see QĐ 90/QĐ-TTg (2022), Part II; Bộ luật Dân sự 2015, Art. 147–148.
 */
export function recentlyEscapedOn(history: StatusHistory, options: RecentlyEscapedOptions): RecentlyEscapedFinding {
  assertOptions(options, 'recentlyEscapedOn', true);
  const window: PolicyWindow = resolvePolicyWindow(options);
  const asOf = toIsoDate(options?.asOf, ['asOf']);
  return deepFreeze(findRecentlyEscaped(history, asOf, window));
}

/**
 * The finding of {@link recentlyEscapedOn} for a trusted date and window, not frozen: for bulk
 * callers inside the core that freeze their own result.
 * @internal
 */
export function findRecentlyEscaped(history: StatusHistory, asOf: IsoDate, window: PolicyWindow): RecentlyEscapedFinding {
  const last = recordIndexOn(history, asOf);
  const status = last < 0 ? history.priorStatus : (history.records[last]?.status ?? null);
  let anchor: IsoDate | null = null;
  for (let i = last; i >= 0; i--) {
    const rec = history.records[i];
    const previous = i === 0 ? history.priorStatus : (history.records[i - 1]?.status ?? null);
    if (rec !== undefined && isAnchor(window.anchor, previous, rec.status)) {
      anchor = rec.on;
      break;
    }
  }
  const until = anchor === null ? null : recentlyEscapedUntil(anchor, { window });
  const qualifies = status !== null && window.qualifyingStatuses.includes(status);
  const reason: RecentlyEscapedReason =
    anchor === null || until === null ? 'no-escape' : !qualifies ? 'status-does-not-qualify' : asOf > until ? 'window-ended' : 'within-window';
  return { asOf, windowId: window.id, status, recentlyEscaped: reason === 'within-window', reason, anchor, until, source: window.source };
}

/**
 * True when a household is "recently escaped" on `options.asOf` (see {@link recentlyEscapedOn}).
 *
 * @throws VnPovertyError `invalid-date`; `unknown-window` / `invalid-window`.
 * @example
 * isRecentlyEscaped(statusHistory({ priorStatus: 'poor', records: [{ on: '2024-02-29', status: 'non-poor' }] }), { asOf: '2027-02-28' }) //=> true
 * @see QĐ 90/QĐ-TTg (2022), Part II.
 */
export function isRecentlyEscaped(history: StatusHistory, options: RecentlyEscapedOptions): boolean {
  assertOptions(options, 'isRecentlyEscaped', true);
  return recentlyEscapedOn(history, options).recentlyEscaped;
}

/**
 * True when the household escaped poverty (a non-poor recognition after a poor status) on or
 * before `asOf`: the `everEscapedPoverty` flag of a start-list entry for `reviewTransitions`, which
 * tells re-poor (*tái nghèo*) from newly poor (*phát sinh*).
 *
 * @throws VnPovertyError `invalid-date`.
 * @example
 * hasEscapedPoverty(statusHistory({ records: [{ on: '2021-12-01', status: 'poor' }, { on: '2022-12-01', status: 'non-poor' }] }), { asOf: '2023-01-01' }) //=> true
 */
export function hasEscapedPoverty(history: StatusHistory, options: ReferenceDateOptions): boolean {
  assertOptions(options, 'hasEscapedPoverty', true);
  const asOf = toIsoDate(options?.asOf, ['asOf']);
  return windowAnchors(history, { window: 'ntp-sprr-2021-2025' }).some((d) => d <= asOf);
}
