import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import type { PeriodLength } from '../dates/civilCodePeriod.js';
import type { Confidence } from '../program/programStructure.js';
import type { HouseholdStatus } from '../standards/householdStatus.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * The event a "recently escaped" window is counted from:
 * - `'escaped-poverty'`: recognition that the household is no longer poor (*công nhận thoát nghèo*):
 *   a record whose status is not `'poor'` following a `'poor'` one;
 * - `'left-poor-or-near-poor-list'`: the household leaves both lists (*ra khỏi danh sách hộ nghèo, hộ
 *   cận nghèo*): a record with status `'average'` or `'non-poor'` following a `'poor'` or `'near-poor'` one.
 */
export type WindowAnchor = 'escaped-poverty' | 'left-poor-or-near-poor-list';

/**
 * Which day a window's last day is:
 * - `'through-corresponding-day'` (the Civil Code reading, default): the window runs from the anchor
 *   day through the corresponding day of the last month (clamped to its last day), both included;
 * - `'before-corresponding-day'`: for callers who read "within N months" as ending the day before.
 *
 * @see Bộ luật Dân sự 2015, Art. 147 cl. 1 and Art. 148 cl. 1.
 */
export type WindowBound = 'through-corresponding-day' | 'before-corresponding-day';

/**
 * Every {@link WindowBound}.
 * @example
 * WINDOW_BOUNDS //=> ['through-corresponding-day', 'before-corresponding-day']
 */
export const WINDOW_BOUNDS: readonly WindowBound[] = Object.freeze(['through-corresponding-day', 'before-corresponding-day']);

/** A named "recently escaped" window of one policy, as versioned data. */
export interface PolicyWindow {
  /** Stable identifier, e.g. `'ntp-sprr-2021-2025'`. */
  readonly id: string;
  /** The household group as the policy words it. */
  readonly nameVi: string;
  /** The household group and policy in English. */
  readonly nameEn: string;
  /** The event the window is counted from. */
  readonly anchor: WindowAnchor;
  /** The length of the window. */
  readonly length: PeriodLength;
  /** Statuses the household must hold on the date asked about (a relapse ends the window). */
  readonly qualifyingStatuses: readonly HouseholdStatus[];
  /** Which day is the last one. */
  readonly bound: WindowBound;
  /** First day the policy applies (ISO), or `null` when not established. */
  readonly effectiveFrom: string | null;
  /** Last day the policy applies (ISO), or `null` if open-ended or not established. */
  readonly effectiveTo: string | null;
  /** Document and article. */
  readonly source: string;
  /** How firmly the window is established. */
  readonly confidence: Confidence;
}

/** Identifiers of the built-in windows of {@link POLICY_WINDOWS}. */
export type PolicyWindowId = 'ntp-sprr-2021-2025' | 'social-policy-credit' | 'health-insurance-support';

/**
 * The built-in "recently escaped" windows, keyed by id:
 *
 * - `'ntp-sprr-2021-2025'`: beneficiaries of the sustainable poverty reduction program,
 *   *hộ mới thoát nghèo (trong vòng 36 tháng, kể từ thời điểm hộ được cấp có thẩm quyền công nhận
 *   thoát nghèo)*: 36 months from the recognition of the escape; any non-poor status qualifies.
 *   SECONDARY (quoted verbatim in plans: seed 001 line 145, seed 003 line 34).
 * - `'social-policy-credit'`: preferential loans of the Vietnam Bank for Social Policies to newly
 *   escaped households: a former poor or near-poor household with income above the near-poor line,
 *   at most 3 years from leaving the lists. CONFIRMED by the domain notes from secondary reports.
 * - `'health-insurance-support'`: premium support for members of near-poor households that have just
 *   escaped poverty, 5 years after the escape.
 *
 * @remarks UNCONFIRMED: the health-insurance window (QĐ 705/QĐ-TTg 2013, 5 years) is SECONDARY in
 * the sources and whether it is still in force is not established; the article numbers of QĐ 28/2015
 * and QĐ 705/2013 are not verified; effective dates marked `null` are unknown. Supply your own
 * {@link PolicyWindow} where your reading differs.
 * @see QĐ 90/QĐ-TTg (2022), Part II; QĐ 28/2015/QĐ-TTg as amended by QĐ 02/2021/QĐ-TTg; QĐ 705/QĐ-TTg (2013).
 * @example
 * POLICY_WINDOWS['ntp-sprr-2021-2025'].length //=> { months: 36 }
 */
export const POLICY_WINDOWS: Readonly<Record<PolicyWindowId, PolicyWindow>> = deepFreeze({
  'ntp-sprr-2021-2025': {
    id: 'ntp-sprr-2021-2025',
    nameVi: 'Hộ mới thoát nghèo (trong vòng 36 tháng, kể từ thời điểm hộ được cấp có thẩm quyền công nhận thoát nghèo)',
    nameEn: 'Recently escaped household of the sustainable poverty reduction program 2021–2025 (36 months from the recognised escape)',
    anchor: 'escaped-poverty',
    length: { months: 36 },
    qualifyingStatuses: ['near-poor', 'average', 'non-poor'],
    bound: 'through-corresponding-day',
    effectiveFrom: '2022-01-18',
    effectiveTo: '2025-12-31',
    source: 'QĐ 90/QĐ-TTg (18/01/2022), Part II (beneficiaries); Art. 2 (effective on signing)',
    confidence: 'secondary',
  },
  'social-policy-credit': {
    id: 'social-policy-credit',
    nameVi: 'Hộ mới thoát nghèo (vay vốn Ngân hàng Chính sách xã hội): tối đa 3 năm kể từ khi ra khỏi danh sách hộ nghèo, hộ cận nghèo',
    nameEn: 'Newly escaped household for preferential credit of the Bank for Social Policies (at most 3 years from leaving the poor and near-poor lists)',
    anchor: 'left-poor-or-near-poor-list',
    length: { years: 3 },
    qualifyingStatuses: ['average', 'non-poor'],
    bound: 'through-corresponding-day',
    effectiveFrom: '2021-03-30',
    effectiveTo: null,
    source: 'QĐ 28/2015/QĐ-TTg (credit for newly escaped households), as amended by QĐ 02/2021/QĐ-TTg (effective 30/03/2021)',
    confidence: 'secondary',
  },
  'health-insurance-support': {
    id: 'health-insurance-support',
    nameVi: 'Thành viên hộ cận nghèo mới thoát nghèo: hỗ trợ 100% mức đóng bảo hiểm y tế trong 5 năm sau khi thoát nghèo',
    nameEn: 'Members of near-poor households that have just escaped poverty: full health-insurance premium support for 5 years after the escape',
    anchor: 'escaped-poverty',
    length: { years: 5 },
    qualifyingStatuses: ['near-poor'],
    bound: 'through-corresponding-day',
    effectiveFrom: null,
    effectiveTo: null,
    source: 'QĐ 705/QĐ-TTg (2013), health-insurance premium support (article not verified)',
    confidence: 'unconfirmed',
  },
} satisfies Record<PolicyWindowId, PolicyWindow>);

/**
 * The default window: the 36 months of QĐ 90/QĐ-TTg.
 * @example
 * DEFAULT_POLICY_WINDOW.length //=> { months: 36 }
 */
export const DEFAULT_POLICY_WINDOW: PolicyWindow = POLICY_WINDOWS['ntp-sprr-2021-2025'];

/** Options fragment: which policy's window to apply. */
export interface PolicyWindowOptions {
  /** A built-in window id or your own {@link PolicyWindow}; default the 36 months of QĐ 90. */
  readonly window?: PolicyWindowId | PolicyWindow;
  /** Overrides the window's {@link WindowBound}. */
  readonly bound?: WindowBound;
}

/**
 * Resolves the window a caller asks for (by id or as data), applying a bound override.
 *
 * @throws VnPovertyError `unknown-window` for an id that is not built in; `invalid-window` for a
 *   malformed window object or bound.
 * @example
 * resolvePolicyWindow({ window: 'social-policy-credit' }).length //=> { years: 3 }
 */
export function resolvePolicyWindow(options: PolicyWindowOptions = {}): PolicyWindow {
  assertOptions(options, 'resolvePolicyWindow');
  const requested = options.window ?? DEFAULT_POLICY_WINDOW;
  let window: PolicyWindow;
  if (typeof requested === 'string') {
    const found = Object.prototype.hasOwnProperty.call(POLICY_WINDOWS, requested) ? POLICY_WINDOWS[requested] : undefined;
    if (found === undefined) {
      return fail({ code: 'unknown-window', path: ['window'], value: requested, expected: `one of ${Object.keys(POLICY_WINDOWS).join(', ')}, or a PolicyWindow object` });
    }
    window = found;
  } else {
    window = requested;
    const ok =
      typeof window === 'object' &&
      window !== null &&
      (window.anchor === 'escaped-poverty' || window.anchor === 'left-poor-or-near-poor-list') &&
      WINDOW_BOUNDS.includes(window.bound) &&
      Array.isArray(window.qualifyingStatuses) &&
      typeof window.length === 'object' &&
      window.length !== null;
    if (!ok) return fail({ code: 'invalid-window', path: ['window'], value: requested, expected: 'a PolicyWindow with anchor, length, qualifyingStatuses and bound' });
  }
  if (options.bound === undefined || options.bound === window.bound) return window;
  if (!WINDOW_BOUNDS.includes(options.bound)) {
    return fail({ code: 'invalid-window', path: ['bound'], value: options.bound, expected: WINDOW_BOUNDS.join(' or ') });
  }
  return deepFreeze({ ...window, bound: options.bound });
}
