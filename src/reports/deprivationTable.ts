import type { SpecRelation } from '../reconcile/tableSpec.js';
import type { DeprivationReport, DeprivationRow } from './deprivationReport.js';
import type { ReportTable } from './reportTable.js';
import { capitalised, countText, rateText, reportTable, type ReportColumn } from './_reportTable.js';

/**
 * The analysis of deprivations as printed (*Phân tích chỉ số thiếu hụt dịch vụ xã hội cơ bản của
 * hộ nghèo / hộ cận nghèo*): *TT*, *Đơn vị*, *Tổng số hộ*, *Số hộ nghèo* (or *cận nghèo*), then
 * for each indicator of the standard, under its name, *Số hộ*, *Tỷ lệ so với hộ nghèo (%)* and
 * *Tỷ lệ so với tổng số hộ (%)*; one row per unit, numbered, and *Tổng cộng*. Its spec checks: the
 * total adds the units; deprived households ≤ households of the status ≤ all households; each
 * rate from its count with the report's rounding; rates in [0, 100].
 *
 * @example
 * const t = deprivationTable(deprivationReport([{ id: 'a', unit: 'X', status: 'poor', deprivations: ['latrine'] }, { id: 'b', unit: 'X', status: 'non-poor' }],
 *   { status: 'poor', standard: ND07_2021, decimals: 2, rounding: 'half-up' }));
 * t.grid[0].slice(0, 4) //=> ['TT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo']
 * reconcileGrid(t.grid, t.spec).ok //=> true
 * @see review-procedure §9; NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b).
 */
export function deprivationTable(report: DeprivationReport): ReportTable {
  const status = report.status === 'poor' ? 'hộ nghèo' : 'hộ cận nghèo';
  const indicators = report.total.indicators;
  const columns: ReportColumn[] = [
    { key: 'stt', kind: 'row-number', header: ['TT'] },
    { key: 'unit', kind: 'text', header: ['Đơn vị'], label: true },
    { key: 'households', kind: 'count', header: ['Tổng số hộ'] },
    { key: 'status_households', kind: 'count', header: [`Số ${status}`] },
    ...indicators.flatMap((c): ReportColumn[] => {
      const name = capitalised(c.nameVi);
      return [
        { key: c.indicator, kind: 'count', header: [name, 'Số hộ'] },
        { key: `${c.indicator}_rate_status`, kind: 'rate', header: [name, `Tỷ lệ so với ${status} (%)`] },
        { key: `${c.indicator}_rate_all`, kind: 'rate', header: [name, 'Tỷ lệ so với tổng số hộ (%)'] },
      ];
    }),
  ];
  const line = (stt: string, r: DeprivationRow): string[] => [
    stt,
    r.unit,
    countText(r.households),
    countText(r.statusHouseholds),
    ...r.indicators.flatMap((c) => [countText(c.count), rateText(c.rateOfStatus), rateText(c.rateOfAll)]),
  ];
  const decimals = report.rates.decimals;
  const relations: SpecRelation[] = [
    { type: 'numbering', column: 'stt' },
    { type: 'role-totals', columns: ['households', 'status_households', ...indicators.map((c) => c.indicator)] },
    { type: 'inequality', column: 'status_households', op: '<=', than: 'households' },
    ...indicators.flatMap(({ indicator: k }): SpecRelation[] => [
      { type: 'inequality', column: k, op: '<=', than: 'status_households' },
      { type: 'rate', column: `${k}_rate_status`, count: k, base: 'status_households', scale: 100, decimals },
      { type: 'rate', column: `${k}_rate_all`, count: k, base: 'households', scale: 100, decimals },
      { type: 'bound', column: `${k}_rate_status`, min: 0, max: 100 },
      { type: 'bound', column: `${k}_rate_all`, min: 0, max: 100 },
    ]),
  ];
  const rows = [...report.rows.map((r, i) => line(String(i + 1), r)), line('', report.total)];
  return reportTable(report.title, columns, rows, relations, report.rates, `deprivations-${report.status}`);
}
