import type { SpecRelation } from '../reconcile/tableSpec.js';
import type { GroupReport, GroupRow } from './groupReport.js';
import type { ReportTable } from './reportTable.js';
import { POVERTY_CAUSE_LABELS_VI, type PovertyCause } from './reviewedHousehold.js';
import { countAndRate, countText, exactLabel, groupText, rateText, reportTable, type ReportColumn } from './_reportTable.js';

const TOTAL = 'Tổng cộng';

/**
 * A group report as printed: *TT*, the group (*Dân tộc*, *Nguyên nhân nghèo* or *Nhóm đối
 * tượng*), households, then *Hộ nghèo* and *Hộ cận nghèo* each with *Số hộ* and *Tỷ lệ (%)*; one
 * row per group, numbered, and *Tổng cộng*. Causes print their Vietnamese names; households that
 * record none are *Chưa ghi nhận*. Its spec checks what the report guarantees:
 * - by ethnic group: the groups add up to the total; poor + near-poor ≤ households; rates of the
 *   group's households;
 * - by cause or policy group (several per household): no sum of rows, but each row's households
 *   are its poor + near-poor, each row is at most the total, and each rate is the row's count ÷ the
 *   total's (a share of all poor, or near-poor, households).
 *
 * @example
 * const t = groupTable(groupReport([{ id: 'a', unit: 'X', status: 'poor', causes: ['land', 'capital'] }, { id: 'b', unit: 'X', status: 'poor', causes: ['land'] }], { by: 'cause', decimals: 2, rounding: 'half-up' }));
 * t.grid.slice(2).map((r) => [r[1], r[3], r[4]]) //=> [['Thiếu đất sản xuất', '2', '100,00'], ['Thiếu vốn', '1', '50,00'], ['Tổng cộng', '2', '100,00']]
 * @see review-procedure §9 (8 causes of poverty; SECONDARY).
 */
export function groupTable(report: GroupReport): ReportTable {
  const name = report.by === 'ethnic-group' ? 'Dân tộc' : report.by === 'cause' ? 'Nguyên nhân nghèo' : 'Nhóm đối tượng';
  const columns: ReportColumn[] = [
    { key: 'stt', kind: 'row-number', header: ['TT'] },
    { key: 'group', kind: 'text', header: [name], label: true },
    { key: 'households', kind: 'count', header: [report.multiValued ? 'Số hộ nghèo, hộ cận nghèo' : 'Tổng số hộ'] },
    ...countAndRate('poor', ['Hộ nghèo']),
    ...countAndRate('near_poor', ['Hộ cận nghèo']),
  ];
  const label = (g: string): string => (report.by === 'cause' && g in POVERTY_CAUSE_LABELS_VI ? POVERTY_CAUSE_LABELS_VI[g as PovertyCause] : groupText(g));
  const line = (stt: string, r: GroupRow): string[] => [stt, r === report.total ? TOTAL : label(r.group), countText(r.households), countText(r.poor.count), rateText(r.poor.rate), countText(r.nearPoor.count), rateText(r.nearPoor.rate)];
  const decimals = report.rates.decimals;
  const bounds: SpecRelation[] = ['poor_rate', 'near_poor_rate'].map((column) => ({ type: 'bound', column, min: 0, max: 100 }));
  const relations: SpecRelation[] = report.multiValued
    ? [
        { type: 'numbering', column: 'stt' },
        { type: 'column-total', column: 'households', parts: ['poor', 'near_poor'] },
        ...report.rows.map((r): SpecRelation => ({ type: 'row-inequality', row: { label: exactLabel(label(r.group)) }, op: '<=', than: { label: exactLabel(TOTAL) }, columns: ['households', 'poor', 'near_poor'] })),
        ...(['poor', 'near_poor'] as const).map((k): SpecRelation => ({ type: 'rate', column: `${k}_rate`, count: k, base: k, baseRow: { label: exactLabel(TOTAL) }, scale: 100, decimals })),
        ...bounds,
      ]
    : [
        { type: 'numbering', column: 'stt' },
        { type: 'role-totals', columns: ['households', 'poor', 'near_poor'] },
        { type: 'inequality', column: ['poor', 'near_poor'], op: '<=', than: 'households' },
        ...(['poor', 'near_poor'] as const).map((k): SpecRelation => ({ type: 'rate', column: `${k}_rate`, count: k, base: 'households', scale: 100, decimals })),
        ...bounds,
      ];
  const rows = [...report.rows.map((r, i) => line(String(i + 1), r)), line('', report.total)];
  return reportTable(report.title, columns, rows, relations, report.rates, `groups-${report.by}`);
}
