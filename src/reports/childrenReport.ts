import { deepFreeze } from '../_internal/_freeze.js';
import type { DecimalsOptions } from '../numbers/rounding.js';
import { parseReviewedHouseholds, type ChildCounts, type ReviewedHousehold } from './reviewedHousehold.js';
import { check, groupBy, cellOf } from './_report.js';
import type { ReportCell, ReportOptions } from './reportCell.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One row of {@link childrenReport}: the children of the unit's poor or near-poor households. */
export interface ChildrenRow {
  readonly unit: string;
  readonly status: 'poor' | 'near-poor';
  readonly children: number;
  /** Each with its rate of the children. */
  readonly withoutHealthInsurance: ReportCell;
  readonly nutritionDeprived: ReportCell;
  readonly schoolDeprived: ReportCell;
}

/** The result of {@link childrenReport}. */
export interface ChildrenReport {
  readonly title: string;
  /** How the rates were rounded (what `childrenTable` prints and checks). */
  readonly rates: DecimalsOptions;
  /** Per unit, poor then near-poor. */
  readonly rows: readonly ChildrenRow[];
  readonly total: readonly [ChildrenRow, ChildrenRow];
  /** Poor and near-poor households without children counts (not counted). */
  readonly householdsWithoutCounts: number;
}

/**
 * The deprivations of children in poor and near-poor households (*Tổng hợp chỉ tiêu thiếu hụt
 * của trẻ em thuộc hộ nghèo, hộ cận nghèo*): per unit and status, the children, those without
 * health insurance, deprived in nutrition and in school attendance, each with its rate of the
 * children; totals add the units' counts.
 *
 * @throws VnPovertyError `invalid-input`, `duplicate-household`.
 * @example
 * childrenReport([{ id: 'a', unit: 'X', status: 'poor', children: { total: 4, withoutHealthInsurance: 1, nutritionDeprived: 0, schoolDeprived: 2 } }],
 *   { decimals: 2, rounding: 'half-up' }).total[0].schoolDeprived.rate?.printed //=> '50,00'
 * @see review-procedure §9.
 */
export function childrenReport(households: readonly ReviewedHousehold[], options: ReportOptions): ChildrenReport {
  assertOptions(options, 'childrenReport', true);
  check(options);
  const list = parseReviewedHouseholds(households);
  const zero: ChildCounts = { total: 0, withoutHealthInsurance: 0, nutritionDeprived: 0, schoolDeprived: 0 };
  const add = (a: ChildCounts, b: ChildCounts): ChildCounts => ({
    total: a.total + b.total,
    withoutHealthInsurance: a.withoutHealthInsurance + b.withoutHealthInsurance,
    nutritionDeprived: a.nutritionDeprived + b.nutritionDeprived,
    schoolDeprived: a.schoolDeprived + b.schoolDeprived,
  });
  const rowOf = (unit: string, status: 'poor' | 'near-poor', hs: readonly ReviewedHousehold[]): ChildrenRow => {
    const c = hs.filter((h) => h.status === status).reduce((a, h) => add(a, h.children ?? zero), zero);
    return {
      unit,
      status,
      children: c.total,
      withoutHealthInsurance: cellOf(c.withoutHealthInsurance, c.total, options),
      nutritionDeprived: cellOf(c.nutritionDeprived, c.total, options),
      schoolDeprived: cellOf(c.schoolDeprived, c.total, options),
    };
  };
  const rows = [...groupBy(list, (h) => h.unit)].flatMap(([unit, hs]) => [rowOf(unit, 'poor', hs), rowOf(unit, 'near-poor', hs)]);
  const householdsWithoutCounts = list.filter((h) => (h.status === 'poor' || h.status === 'near-poor') && h.children === undefined).length;
  return deepFreeze({
    title: 'Tổng hợp chỉ tiêu thiếu hụt của trẻ em thuộc hộ nghèo, hộ cận nghèo',
    rates: { decimals: options.decimals, rounding: options.rounding },
    rows,
    total: [rowOf('Tổng cộng', 'poor', list), rowOf('Tổng cộng', 'near-poor', list)] as const,
    householdsWithoutCounts,
  });
}

