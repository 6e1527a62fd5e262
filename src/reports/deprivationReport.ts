import { deepFreeze } from '../_internal/_freeze.js';
import { rateOf, type AreaRate } from '../areas/areaFigures.js';
import { fail } from '../errors/VnPovertyError.js';
import type { DecimalsOptions } from '../numbers/rounding.js';
import type { IndicatorId } from '../standards/indicators.js';
import type { PovertyStandard } from '../standards/standards.js';
import { parseReviewedHouseholds, type ReviewedHousehold } from './reviewedHousehold.js';
import { check, groupBy } from './_report.js';
import type { ReportOptions } from './reportCell.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One indicator of a {@link DeprivationReport} row. */
export interface IndicatorCell {
  readonly indicator: IndicatorId;
  /** The indicator's name as the standard lists it (*việc làm*, *nhà tiêu hợp vệ sinh*…). */
  readonly nameVi: string;
  /** Households of the status deprived in the indicator. */
  readonly count: number;
  /** count ÷ households of the status × 100. */
  readonly rateOfStatus: AreaRate | null;
  /** count ÷ all households of the unit × 100. */
  readonly rateOfAll: AreaRate | null;
}

/** One row of {@link deprivationReport}. */
export interface DeprivationRow {
  readonly unit: string;
  readonly households: number;
  /** Households of the status. */
  readonly statusHouseholds: number;
  readonly indicators: readonly IndicatorCell[];
}

/** The result of {@link deprivationReport}. */
export interface DeprivationReport {
  readonly title: string;
  readonly status: 'poor' | 'near-poor';
  readonly standardId: string;
  /** How the rates were rounded (what `deprivationTable` prints and checks). */
  readonly rates: DecimalsOptions;
  readonly rows: readonly DeprivationRow[];
  readonly total: DeprivationRow;
}

/** Options of {@link deprivationReport}. */
export interface DeprivationReportOptions extends ReportOptions {
  readonly status: 'poor' | 'near-poor';
  /** The standard whose indicators are reported, in its order. */
  readonly standard: PovertyStandard;
}

/**
 * The analysis of deprivations of basic social services (*Phân tích chỉ số thiếu hụt dịch vụ xã
 * hội cơ bản*) of poor or of near-poor households: per unit and indicator, the households of the
 * status deprived in it, their rate among the households of the status and among all households.
 * A deprivation the standard does not use is not reported.
 *
 * @throws VnPovertyError `invalid-input`, `duplicate-household`, `invalid-option`.
 * @example
 * deprivationReport([{ id: 'a', unit: 'X', status: 'poor', deprivations: ['latrine'] }, { id: 'b', unit: 'X', status: 'poor' }],
 *   { status: 'poor', standard: ND07_2021, decimals: 2, rounding: 'half-up' }).total.indicators.find((c) => c.indicator === 'latrine')?.rateOfStatus?.printed //=> '50,00'
 * @see review-procedure §9; NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b).
 */
export function deprivationReport(households: readonly ReviewedHousehold[], options: DeprivationReportOptions): DeprivationReport {
  assertOptions(options, 'deprivationReport', true);
  check(options);
  if (options.status !== 'poor' && options.status !== 'near-poor') fail({ code: 'invalid-option', path: ['status'], value: options.status, expected: "'poor' or 'near-poor'" });
  const ids = options.standard.indicators.map((i) => [i.id, i.nameVi] as const);
  const list = parseReviewedHouseholds(households);
  const rowOf = (unit: string, hs: readonly ReviewedHousehold[]): DeprivationRow => {
    const of = hs.filter((h) => h.status === options.status);
    return {
      unit,
      households: hs.length,
      statusHouseholds: of.length,
      indicators: ids.map(([id, nameVi]) => {
        const n = of.filter((h) => h.deprivations?.includes(id) === true).length;
        return { indicator: id, nameVi, count: n, rateOfStatus: rateOf(n, of.length, options), rateOfAll: rateOf(n, hs.length, options) };
      }),
    };
  };
  const rows = [...groupBy(list, (h) => h.unit)].map(([unit, hs]) => rowOf(unit, hs));
  const title = `Phân tích chỉ số thiếu hụt dịch vụ xã hội cơ bản của ${options.status === 'poor' ? 'hộ nghèo' : 'hộ cận nghèo'}`;
  return deepFreeze({ title, status: options.status, standardId: options.standard.id, rates: { decimals: options.decimals, rounding: options.rounding }, rows, total: rowOf('Tổng cộng', list) });
}

