import type { SpecRelation } from '../reconcile/tableSpec.js';
import type { FlowsReport, FlowsRow, StatusFlows } from './flowsReport.js';
import type { ReportTable } from './reportTable.js';
import { countAndRate, countText, rateText, reportTable, type ReportColumn } from './_reportTable.js';

const STATUSES = [
  ['poor', 'Hộ nghèo', 'nghèo', 'poor'],
  ['near_poor', 'Hộ cận nghèo', 'cận nghèo', 'nearPoor'],
] as const;
const FLOWS = ['exits', 're', 'newly', 'moved_in', 'moved_out'] as const;

/**
 * The flows as printed (*Tổng hợp diễn biến hộ nghèo, hộ cận nghèo*): *TT*, *Đơn vị*, *Tổng số
 * hộ* (*Đầu năm*, *Cuối năm*), then for the poor (*Hộ nghèo*) and the near-poor (*Hộ cận nghèo*): *Số hộ … đầu năm* (*Số
 * hộ*, *Tỷ lệ (%)*), *Số hộ thoát …*, *Số hộ tái …*, *Số hộ … phát sinh*, *Số hộ chuyển đến*,
 * *Số hộ chuyển đi*, *Số hộ … cuối năm* (*Số hộ*, *Tỷ lệ (%)*); three header rows; one row per
 * unit, numbered, and *Tổng cộng*. Its spec checks: the total adds the units; for each status the
 * flow balance end = start + phát sinh + tái + moved in − thoát − moved out (`signed-sum`); exits
 * ≤ start + moved in; poor + near-poor ≤ the households at both ends; start rates ÷ the households
 * at the start, end rates ÷ those at the end, with the report's rounding; rates in [0, 100].
 *
 * @example
 * const t = flowsTable(flowsReport([{ id: 'a', unit: 'X', status: 'near-poor', startStatus: 'poor' }], { decimals: 2, rounding: 'half-up' }));
 * t.grid[3] //=> ['1', 'X', '1', '1', '1', '100,00', '1', '0', '0', '0', '0', '0', '0,00', '0', '0,00', '0', '0', '1', '0', '0', '1', '100,00']
 * reconcileGrid(t.grid, t.spec).ok //=> true
 * @see review-procedure §9 (“Tổng hợp diễn biến hộ nghèo”, “… hộ cận nghèo”; SECONDARY).
 */
export function flowsTable(report: FlowsReport): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'stt', kind: 'row-number', header: ['TT'] },
    { key: 'unit', kind: 'text', header: ['Đơn vị'], label: true },
    { key: 'households_start', kind: 'count', header: ['Tổng số hộ', 'Đầu năm'] },
    { key: 'households', kind: 'count', header: ['Tổng số hộ', 'Cuối năm'] },
    ...STATUSES.flatMap(([k, group, s]): ReportColumn[] => [
      ...countAndRate(`${k}_start`, [group, `Số hộ ${s} đầu năm`]),
      { key: `${k}_exits`, kind: 'count', header: [group, `Số hộ thoát ${s}`] },
      { key: `${k}_re`, kind: 'count', header: [group, `Số hộ tái ${s}`] },
      { key: `${k}_newly`, kind: 'count', header: [group, `Số hộ ${s} phát sinh`] },
      { key: `${k}_moved_in`, kind: 'count', header: [group, 'Số hộ chuyển đến'] },
      { key: `${k}_moved_out`, kind: 'count', header: [group, 'Số hộ chuyển đi'] },
      ...countAndRate(`${k}_end`, [group, `Số hộ ${s} cuối năm`]),
    ]),
  ];
  const cells = (f: StatusFlows): string[] => [countText(f.start.count), rateText(f.start.rate), ...[f.exits, f.re, f.newly, f.movedIn, f.movedOut].map(countText), countText(f.end.count), rateText(f.end.rate)];
  const line = (stt: string, r: FlowsRow): string[] => [stt, r.unit, countText(r.householdsAtStart), countText(r.households), ...STATUSES.flatMap(([, , , field]) => cells(r[field]))];
  const decimals = report.rates.decimals;
  const relations: SpecRelation[] = [
    { type: 'numbering', column: 'stt' },
    { type: 'role-totals', columns: ['households_start', 'households', ...STATUSES.flatMap(([k]) => [`${k}_start`, ...FLOWS.map((f) => `${k}_${f}`), `${k}_end`])] },
    ...STATUSES.flatMap(([k]): SpecRelation[] => [
      { type: 'signed-sum', column: `${k}_end`, plus: [`${k}_start`, `${k}_newly`, `${k}_re`, `${k}_moved_in`], minus: [`${k}_exits`, `${k}_moved_out`] },
      { type: 'inequality', column: `${k}_exits`, op: '<=', than: [`${k}_start`, `${k}_moved_in`] },
      ...['start', 'end'].flatMap((e): SpecRelation[] => [
        { type: 'rate', column: `${k}_${e}_rate`, count: `${k}_${e}`, base: e === 'start' ? 'households_start' : 'households', scale: 100, decimals },
        { type: 'bound', column: `${k}_${e}_rate`, min: 0, max: 100 },
      ]),
    ]),
    ...['start', 'end'].map((e): SpecRelation => ({ type: 'inequality', column: STATUSES.map(([k]) => `${k}_${e}`), op: '<=', than: e === 'start' ? 'households_start' : 'households' })),
  ];
  const rows = [...report.rows.map((r, i) => line(String(i + 1), r)), line('', report.total)];
  return reportTable(report.title, columns, rows, relations, report.rates, 'flows');
}
