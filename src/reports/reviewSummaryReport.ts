import { deepFreeze } from '../_internal/_freeze.js';
import type { DecimalsOptions } from '../numbers/rounding.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../standards/householdStatus.js';
import { parseReviewedHouseholds, type ReviewedHousehold } from './reviewedHousehold.js';
import { check, groupBy, cellOf } from './_report.js';
import type { ReportCell, ReportOptions } from './reportCell.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One row of {@link reviewSummaryReport}. */
export interface ReviewSummaryRow {
  /** The unit, or `'Tổng cộng'` for the total. */
  readonly unit: string;
  readonly households: number;
  /** Households by status, each with its rate of the row's households. */
  readonly byStatus: Readonly<Record<HouseholdStatus, ReportCell>>;
}

/** The result of {@link reviewSummaryReport}. */
export interface ReviewSummaryReport {
  readonly title: string;
  /** How the rates were rounded (what `reviewSummaryTable` prints and checks). */
  readonly rates: DecimalsOptions;
  readonly rows: readonly ReviewSummaryRow[];
  readonly total: ReviewSummaryRow;
}

/**
 * The review summary (*Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo, hộ có mức sống trung
 * bình*): per unit, households by status (poor, near-poor, average living standard, other), each
 * with its rate of the unit's households; the total adds the units' counts and computes its rates
 * from them.
 *
 * @throws VnPovertyError `invalid-input`, `duplicate-household`.
 * @example
 * reviewSummaryReport([{ id: 'a', unit: 'X', status: 'poor' }, { id: 'b', unit: 'X', status: 'average' }], { decimals: 2, rounding: 'half-up' }).total.byStatus.poor.rate?.printed //=> '50,00'
 * @see review-procedure §9 (standard reports of the provincial review system; SECONDARY).
 */
export function reviewSummaryReport(households: readonly ReviewedHousehold[], options: ReportOptions): ReviewSummaryReport {
  assertOptions(options, 'reviewSummaryReport', true);
  check(options);
  const list = parseReviewedHouseholds(households);
  const rowOf = (unit: string, hs: readonly ReviewedHousehold[]): ReviewSummaryRow => ({
    unit,
    households: hs.length,
    byStatus: Object.fromEntries(HOUSEHOLD_STATUSES.map((s) => [s, cellOf(hs.filter((h) => h.status === s).length, hs.length, options)])) as Record<HouseholdStatus, ReportCell>,
  });
  const rows = [...groupBy(list, (h) => h.unit)].map(([unit, hs]) => rowOf(unit, hs));
  return deepFreeze({ title: 'Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình', rates: { decimals: options.decimals, rounding: options.rounding }, rows, total: rowOf('Tổng cộng', list) });
}

