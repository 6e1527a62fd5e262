import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import type { DecimalsOptions } from '../numbers/rounding.js';
import { POVERTY_CAUSES, parseReviewedHouseholds, type ReviewedHousehold } from './reviewedHousehold.js';
import { check, groupBy, cellOf, NOT_RECORDED } from './_report.js';
import type { ReportCell, ReportOptions } from './reportCell.js';
import { assertOptions } from '../errors/assertOptions.js';

/** What {@link groupReport} groups by. */
export type ReportGrouping = 'ethnic-group' | 'cause' | 'policy-group';

/** One group of {@link groupReport}. */
export interface GroupRow {
  /** The group (ethnic group, cause, policy group); `'(not recorded)'` for households without one. */
  readonly group: string;
  /** Households in the group (for causes and policy groups: poor and near-poor households with it). */
  readonly households: number;
  /** Poor households in the group; the rate is of the group's households (ethnic group) or of all poor households (cause, policy group). */
  readonly poor: ReportCell;
  readonly nearPoor: ReportCell;
}

/** The result of {@link groupReport}. */
export interface GroupReport {
  readonly title: string;
  readonly by: ReportGrouping;
  /** True for causes and policy groups: a household may be in several groups, so groups do not add up to the total. */
  readonly multiValued: boolean;
  /** How the rates were rounded (what `groupTable` prints and checks). */
  readonly rates: DecimalsOptions;
  readonly rows: readonly GroupRow[];
  /** All households (ethnic group) or all poor and near-poor households (cause, policy group). */
  readonly total: GroupRow;
}

/** Options of {@link groupReport}. */
export interface GroupReportOptions extends ReportOptions {
  readonly by: ReportGrouping;
}

/**
 * Poor and near-poor households by ethnic group (*theo dân tộc*), by cause of poverty (*theo
 * nguyên nhân nghèo*) or by policy group (*theo các nhóm đối tượng*).
 * - By ethnic group (one per household): households, poor and near-poor of each group, rates of
 *   the group's households; the groups add up to the total.
 * - By cause or policy group (several per household, recorded for poor and near-poor
 *   households): poor and near-poor households with each, as a share of all poor (near-poor)
 *   households; shares do not add up to 100 and `multiValued` says so. Causes come in the
 *   exports' order.
 *
 * @throws VnPovertyError `invalid-input`, `duplicate-household`, `invalid-option`.
 * @example
 * groupReport([{ id: 'a', unit: 'X', status: 'poor', causes: ['land', 'capital'] }, { id: 'b', unit: 'X', status: 'poor', causes: ['land'] }],
 *   { by: 'cause', decimals: 2, rounding: 'half-up' }).rows.map((r) => [r.group, r.poor.count, r.poor.rate?.printed]) //=> [['land', 2, '100,00'], ['capital', 1, '50,00']]
 * @see review-procedure §9 (8 causes of poverty; SECONDARY).
 */
export function groupReport(households: readonly ReviewedHousehold[], options: GroupReportOptions): GroupReport {
  assertOptions(options, 'groupReport', true);
  check(options);
  if (!['ethnic-group', 'cause', 'policy-group'].includes(options.by)) fail({ code: 'invalid-option', path: ['by'], value: options.by, expected: "'ethnic-group', 'cause' or 'policy-group'" });
  const list = parseReviewedHouseholds(households);
  const rates = { decimals: options.decimals, rounding: options.rounding };
  const poorAll = list.filter((h) => h.status === 'poor');
  const nearAll = list.filter((h) => h.status === 'near-poor');
  if (options.by === 'ethnic-group') {
    const rowOf = (group: string, hs: readonly ReviewedHousehold[]): GroupRow => ({
      group,
      households: hs.length,
      poor: cellOf(hs.filter((h) => h.status === 'poor').length, hs.length, options),
      nearPoor: cellOf(hs.filter((h) => h.status === 'near-poor').length, hs.length, options),
    });
    const rows = [...groupBy(list, (h) => h.ethnicGroup ?? NOT_RECORDED)].map(([g, hs]) => rowOf(g, hs));
    return deepFreeze({ title: 'Phân tích hộ nghèo, hộ cận nghèo theo dân tộc', by: options.by, multiValued: false, rates, rows, total: rowOf('Tổng cộng', list) });
  }
  const valuesOf = (h: ReviewedHousehold): readonly string[] => (options.by === 'cause' ? (h.causes ?? []) : (h.policyGroups ?? []));
  const targeted = [...poorAll, ...nearAll];
  const seen = new Set<string>(targeted.flatMap((h) => [...valuesOf(h)]));
  const order = options.by === 'cause' ? POVERTY_CAUSES.filter((c) => seen.has(c)) : [...seen];
  const rowOf = (group: string, has: (h: ReviewedHousehold) => boolean): GroupRow => {
    const p = poorAll.filter(has).length;
    const n = nearAll.filter(has).length;
    return { group, households: p + n, poor: cellOf(p, poorAll.length, options), nearPoor: cellOf(n, nearAll.length, options) };
  };
  const rows = order.map((g) => rowOf(g, (h) => valuesOf(h).includes(g)));
  const without = targeted.filter((h) => valuesOf(h).length === 0);
  if (without.length > 0) rows.push(rowOf(NOT_RECORDED, (h) => valuesOf(h).length === 0));
  const title = options.by === 'cause' ? 'Phân tích hộ nghèo, hộ cận nghèo theo nguyên nhân nghèo' : 'Phân tích hộ nghèo, hộ cận nghèo theo các nhóm đối tượng';
  return deepFreeze({ title, by: options.by, multiValued: true, rates, rows, total: rowOf('Tổng cộng', () => true) });
}

