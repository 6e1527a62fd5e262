import type { SpecRelation } from '../reconcile/tableSpec.js';
import type { ChildrenReport, ChildrenRow } from './childrenReport.js';
import type { ReportTable } from './reportTable.js';
import { countAndRate, countText, rateText, reportTable, type ReportColumn } from './_reportTable.js';

const STATUSES = [
  ['poor', 'Trẻ em thuộc hộ nghèo'],
  ['near_poor', 'Trẻ em thuộc hộ cận nghèo'],
] as const;
const DEPRIVATIONS = [
  ['no_insurance', 'Không có bảo hiểm y tế', 'withoutHealthInsurance'],
  ['nutrition', 'Thiếu hụt dinh dưỡng', 'nutritionDeprived'],
  ['school', 'Thiếu hụt đi học', 'schoolDeprived'],
] as const;

/**
 * The children's deprivations as printed (*Tổng hợp chỉ tiêu thiếu hụt của trẻ em thuộc hộ
 * nghèo, hộ cận nghèo*): *TT*, *Đơn vị*, then for the children of poor and of near-poor
 * households *Tổng số trẻ em* and, for each deprivation (*Không có bảo hiểm y tế*, *Thiếu hụt
 * dinh dưỡng*, *Thiếu hụt đi học*), *Số trẻ* and *Tỷ lệ (%)*; three header rows; one row per unit,
 * numbered, and *Tổng cộng*. Its spec checks: the total adds the units; each deprivation ≤ the
 * children; each rate ÷ the children with the report's rounding; rates in [0, 100].
 *
 * @example
 * const t = childrenTable(childrenReport([{ id: 'a', unit: 'X', status: 'poor', children: { total: 4, withoutHealthInsurance: 1, nutritionDeprived: 0, schoolDeprived: 2 } }], { decimals: 2, rounding: 'half-up' }));
 * t.grid[3].slice(0, 9) //=> ['1', 'X', '4', '1', '25,00', '0', '0,00', '2', '50,00']
 * @see review-procedure §9.
 */
export function childrenTable(report: ChildrenReport): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'stt', kind: 'row-number', header: ['TT'] },
    { key: 'unit', kind: 'text', header: ['Đơn vị'], label: true },
    ...STATUSES.flatMap(([s, group]): ReportColumn[] => [
      { key: `${s}_children`, kind: 'count', header: [group, 'Tổng số trẻ em'] },
      ...DEPRIVATIONS.flatMap(([d, name]) => countAndRate(`${s}_${d}`, [group, name], 'Số trẻ')),
    ]),
  ];
  const cells = (r: ChildrenRow): string[] => [countText(r.children), ...DEPRIVATIONS.flatMap(([, , field]) => [countText(r[field].count), rateText(r[field].rate)])];
  const line = (stt: string, poor: ChildrenRow, near: ChildrenRow): string[] => [stt, poor.unit, ...cells(poor), ...cells(near)];
  const decimals = report.rates.decimals;
  const relations: SpecRelation[] = [
    { type: 'numbering', column: 'stt' },
    { type: 'role-totals', columns: STATUSES.flatMap(([s]) => [`${s}_children`, ...DEPRIVATIONS.map(([d]) => `${s}_${d}`)]) },
    ...STATUSES.flatMap(([s]) =>
      DEPRIVATIONS.flatMap(([d]): SpecRelation[] => [
        { type: 'inequality', column: `${s}_${d}`, op: '<=', than: `${s}_children` },
        { type: 'rate', column: `${s}_${d}_rate`, count: `${s}_${d}`, base: `${s}_children`, scale: 100, decimals },
        { type: 'bound', column: `${s}_${d}_rate`, min: 0, max: 100 },
      ]),
    ),
  ];
  const rows: string[][] = [];
  for (let i = 0; i + 1 < report.rows.length; i += 2) rows.push(line(String(i / 2 + 1), report.rows[i]!, report.rows[i + 1]!));
  rows.push(line('', report.total[0], report.total[1]));
  return reportTable(report.title, columns, rows, relations, report.rates, 'children');
}
