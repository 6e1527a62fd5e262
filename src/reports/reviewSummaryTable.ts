import { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS_VI } from '../standards/householdStatus.js';
import type { SpecRelation } from '../reconcile/tableSpec.js';
import type { ReportTable } from './reportTable.js';
import type { ReviewSummaryReport, ReviewSummaryRow } from './reviewSummaryReport.js';
import { capitalised, countAndRate, countText, rateText, reportTable, type ReportColumn } from './_reportTable.js';

const KEY = { poor: 'poor', 'near-poor': 'near_poor', average: 'average', 'non-poor': 'non_poor' } as const;

/**
 * The review summary as printed (*Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo, hộ có mức
 * sống trung bình*): *TT*, *Đơn vị*, *Tổng số hộ*, then for each status (*Hộ nghèo*, *Hộ cận
 * nghèo*, *Hộ có mức sống trung bình*, *Hộ không nghèo*) *Số hộ* and *Tỷ lệ (%)*; one row per
 * unit, numbered, and *Tổng cộng*. Its spec checks what the report guarantees: the total adds the
 * units; the statuses add up to the households; every rate is its count ÷ the households × 100
 * with the report's rounding; rates in [0, 100].
 *
 * @example
 * reviewSummaryTable(reviewSummaryReport([{ id: 'a', unit: 'X', status: 'poor' }, { id: 'b', unit: 'X', status: 'average' }], { decimals: 2, rounding: 'half-up' })).grid[2]
 * //=> ['1', 'X', '2', '1', '50,00', '0', '0,00', '1', '50,00', '0', '0,00']
 * @see review-procedure §9 (standard reports of the provincial review system; SECONDARY).
 */
export function reviewSummaryTable(report: ReviewSummaryReport): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'stt', kind: 'row-number', header: ['TT'] },
    { key: 'unit', kind: 'text', header: ['Đơn vị'], label: true },
    { key: 'households', kind: 'count', header: ['Tổng số hộ'] },
    ...HOUSEHOLD_STATUSES.flatMap((s) => countAndRate(KEY[s], [capitalised(HOUSEHOLD_STATUS_LABELS_VI[s])])),
  ];
  const line = (stt: string, r: ReviewSummaryRow): string[] => [stt, r.unit, countText(r.households), ...HOUSEHOLD_STATUSES.flatMap((s) => [countText(r.byStatus[s].count), rateText(r.byStatus[s].rate)])];
  const counts = HOUSEHOLD_STATUSES.map((s) => KEY[s]);
  const relations: SpecRelation[] = [
    { type: 'numbering', column: 'stt' },
    { type: 'role-totals', columns: ['households', ...counts] },
    { type: 'column-total', column: 'households', parts: counts },
    ...counts.flatMap((k): SpecRelation[] => [
      { type: 'rate', column: `${k}_rate`, count: k, base: 'households', scale: 100, decimals: report.rates.decimals },
      { type: 'bound', column: `${k}_rate`, min: 0, max: 100 },
    ]),
  ];
  const rows = [...report.rows.map((r, i) => line(String(i + 1), r)), line('', report.total)];
  return reportTable(report.title, columns, rows, relations, report.rates, 'review-summary');
}
