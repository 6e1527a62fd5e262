import type { ReportTable } from './reportTable.js';
import type { SummaryForm, SummaryFormCell, SummaryFormRow } from './summaryForm.js';
import { summaryFormSpec } from './summaryFormLayout.js';
import { countAndRate, countText, rateText, reportTable, type ReportColumn } from './_reportTable.js';

/**
 * The summary form as printed (Mẫu số 3), in three header rows as the form has them: *TT*,
 * *Đơn vị*, *Tổng số hộ dân cư* (*Số hộ*, and *Trong đó hộ DTTS* when every unit gives it),
 * *Số hộ nghèo đầu năm* (*Số hộ*, *Tỷ lệ %*, *Số hộ DTTS*, *Tỷ lệ %*), *Diễn biến hộ nghèo trong
 * năm* (*Số hộ thoát nghèo*, *Số hộ tái nghèo*, *Số hộ nghèo phát sinh*, each *Số hộ*, *Tỷ lệ
 * %*; and *Số hộ chuyển đến*, *Số hộ chuyển đi* when a unit has moves), *Số hộ nghèo cuối năm*
 * (as at the start) — *cận nghèo* for the near-poor form; rows *I Khu vực thành thị* and *II Khu
 * vực nông thôn* with their subtotals, the units numbered 1, 2, 3… under them, and *Tổng cộng*.
 * Its spec is the `summary-form` layout (`summaryFormSpec`, with the form's rounding and base of
 * the ethnic-minority rates), so the preset reads the grid: a form without findings reconciles.
 *
 * @example
 * const form = summaryForm([{ unit: 'Văn Giáo', area: 'rural', households: 1660, start: 139, startEthnicMinority: 0, exits: 50, re: 0, newly: 0, end: 89, endEthnicMinority: 0 }], { status: 'poor', decimals: 2, rounding: 'half-up' });
 * summaryFormTable(form).grid.slice(3).map((r) => [r[0], r[1], r[3], r[4], r[13], r[14]])
 * //=> [['II', 'Khu vực nông thôn', '139', '8,37', '89', '5,36'], ['1', 'Văn Giáo', '139', '8,37', '89', '5,36'], ['', 'Tổng cộng', '139', '8,37', '89', '5,36']]
 * @see Mẫu số 3 (luatminhkhue.vn reproduction); review-procedure §9 (SECONDARY).
 */
export function summaryFormTable(form: SummaryForm): ReportTable {
  const s = form.status === 'poor' ? 'nghèo' : 'cận nghèo';
  const withEthnicMinority = form.total.ethnicMinorityHouseholds !== null;
  const rows = [...form.blocks.flatMap((b) => [b.subtotal, ...b.rows]), form.total];
  const withMoves = rows.some((r) => r.movedIn > 0 || r.movedOut > 0);
  const start = `Số hộ ${s} đầu năm`;
  const flows = `Diễn biến hộ ${s} trong năm`;
  const end = `Số hộ ${s} cuối năm`;
  const pair = (key: string, group: readonly string[]): readonly ReportColumn[] => countAndRate(key, group, 'Số hộ', 'Tỷ lệ %');
  const four = (key: string, group: string): ReportColumn[] => [...pair(key, [group]), { key: `${key}_em`, kind: 'count', header: [group, 'Số hộ DTTS'] }, { key: `${key}_em_rate`, kind: 'rate', header: [group, 'Tỷ lệ %'] }];
  const columns: ReportColumn[] = [
    { key: 'stt', kind: 'row-number', header: ['TT'] },
    { key: 'unit', kind: 'text', header: ['Đơn vị'], label: true },
    { key: 'households', kind: 'count', header: ['Tổng số hộ dân cư', 'Số hộ'] },
    ...(withEthnicMinority ? [{ key: 'households_em', kind: 'count', header: ['Tổng số hộ dân cư', 'Trong đó hộ DTTS'] } as const] : []),
    ...four('start', start),
    ...pair('exits', [flows, `Số hộ thoát ${s}`]),
    ...pair('re', [flows, `Số hộ tái ${s}`]),
    ...pair('newly', [flows, `Số hộ ${s} phát sinh`]),
    ...(withMoves ? ([{ key: 'moved_in', kind: 'count', header: [flows, 'Số hộ chuyển đến'] }, { key: 'moved_out', kind: 'count', header: [flows, 'Số hộ chuyển đi'] }] as const) : []),
    ...four('end', end),
  ];
  const cells = (c: SummaryFormCell): string[] => [countText(c.count), rateText(c.rate)];
  const line = (stt: string, label: string, r: SummaryFormRow): string[] => [
    stt,
    label,
    countText(r.households),
    ...(withEthnicMinority ? [countText(r.ethnicMinorityHouseholds ?? 0)] : []),
    ...cells(r.start),
    ...cells(r.startEthnicMinority),
    ...cells(r.exits),
    ...cells(r.re),
    ...cells(r.newly),
    ...(withMoves ? [countText(r.movedIn), countText(r.movedOut)] : []),
    ...cells(r.end),
    ...cells(r.endEthnicMinority),
  ];
  let n = 0;
  const body = [
    ...form.blocks.flatMap((b) => {
      const [number = '', ...words] = b.label.split(' ');
      return [line(number, words.join(' '), b.subtotal), ...b.rows.map((r) => line(String(++n), r.unit, r))];
    }),
    line('', form.total.unit, form.total),
  ];
  return reportTable(form.title, columns, body, [], form.rates, 'summary-form', summaryFormSpec({ ethnicMinorityBase: form.ethnicMinorityBase, rounding: form.rates.rounding }));
}
