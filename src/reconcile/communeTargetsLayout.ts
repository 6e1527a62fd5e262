import { deepFreeze } from '../_internal/_freeze.js';
import { ROUNDING_MODES } from '../numbers/rounding.js';
import { presetFromSpec, type LayoutPreset } from './layoutPreset.js';
import type { LayoutRow } from './layoutRows.js';
import type { SpecColumn, SpecRelation, TableSpec } from './tableSpec.js';

const RATES = ['poor_start', 'poor_exit', 'poor_end', 'near_poor_start', 'near_poor_exit', 'near_poor_end'] as const;

/**
 * Columns of the `commune-targets` layout, in order.
 * @example
 * COMMUNE_TARGETS_COLUMNS.slice(3, 6) //=> ['households', 'poor_start', 'poor_start_rate']
 */
export const COMMUNE_TARGETS_COLUMNS: readonly string[] = Object.freeze([
  'stt', 'unit', 'role', 'households',
  'poor_start', 'poor_start_rate', 'poor_exit', 'poor_exit_rate', 'poor_end', 'poor_end_rate',
  'near_poor_start', 'near_poor_start_rate', 'near_poor_exit', 'near_poor_exit_rate', 'near_poor_end', 'near_poor_end_rate',
]);

/**
 * The label of a row in issues: the unit as printed, else its row number, else its line.
 * @example
 * layoutRowLabel({ line: 18, cells: { stt: '', unit: 'Tổng' } }) //=> 'Tổng'
 */
export function layoutRowLabel(row: LayoutRow): string {
  const unit = (row.cells['unit'] ?? '').trim();
  const stt = (row.cells['stt'] ?? '').trim();
  return unit !== '' ? unit : stt !== '' ? stt : `line ${row.line}`;
}

/**
 * The `rounding` option shared by the household presets: half-up, as official tables print.
 * @example
 * RATE_ROUNDING_OPTION.default //=> 'half-up'
 */
export const RATE_ROUNDING_OPTION = deepFreeze({
  name: 'rounding',
  values: ROUNDING_MODES,
  default: 'half-up',
  description: 'how printed rates were rounded (official tables: half-up, 2 decimals, poverty-rate-reporting §4)',
});

/** The columns every household table starts with: row number, unit name, an optional role. @internal */
export const HOUSEHOLD_ROW_COLUMNS: readonly SpecColumn[] = [
  { key: 'stt', kind: 'row-number', header: 'stt', aliases: ['STT', 'TT', 'Số TT', 'Số thứ tự'] },
  { key: 'unit', kind: 'text', label: true, header: 'unit', aliases: ['Xã, phường', 'Xã, phường, thị trấn', 'Xã, thị trấn', 'Xã', 'Phường', 'Đơn vị', 'Tên đơn vị', 'Địa bàn', 'Đơn vị hành chính'] },
  { key: 'role', kind: 'role', header: 'role', aliases: ['vai trò'] },
];

/** The roles a household table's `role` column may print. @internal */
export const HOUSEHOLD_ROLE_WORDS = ['unit', 'subtotal', 'total'] as const;

/** A count column and its rate column under a two-row header (`HN đầu năm 2024` → `Hộ` | `Tỷ lệ (%)`). */
function countAndRate(key: string, groups: readonly string[]): SpecColumn[] {
  return [
    { key, kind: 'count', header: key, aliases: groups.map((g) => [g, 'Hộ']) },
    { key: `${key}_rate`, kind: 'rate', header: `${key}_rate`, aliases: groups.map((g) => [g, 'Tỷ lệ*']) },
  ];
}

/**
 * Seed 001's per-commune target table as data: the columns with the headers the plan prints
 * (two header rows: *HN đầu năm 2024* over *Hộ* and *Tỷ lệ (%)*, …), roles from the row labels
 * (or a `role` column), and the relations.
 * @example
 * COMMUNE_TARGETS_SPEC.relations.length //=> 18
 */
export const COMMUNE_TARGETS_SPEC: TableSpec = deepFreeze({
  name: 'commune-targets',
  columns: [
    ...HOUSEHOLD_ROW_COLUMNS,
    { key: 'households', kind: 'count', header: 'households', aliases: ['Hộ dân cuối năm*', 'Tổng số hộ*', 'Số hộ dân*', 'Tổng số hộ dân*'] },
    ...countAndRate('poor_start', ['HN đầu năm*', 'Hộ nghèo đầu năm*', 'Số hộ nghèo đầu năm*']),
    ...countAndRate('poor_exit', ['Thoát hộ nghèo*', 'Thoát nghèo*', 'Số hộ thoát nghèo*']),
    ...countAndRate('poor_end', ['HN còn lại*', 'Hộ nghèo còn lại*', 'Số hộ nghèo còn lại*']),
    ...countAndRate('near_poor_start', ['HCN đầu năm*', 'Hộ cận nghèo đầu năm*', 'Số hộ cận nghèo đầu năm*']),
    ...countAndRate('near_poor_exit', ['Thoát cận nghèo*', 'Thoát hộ cận nghèo*', 'Số hộ thoát cận nghèo*']),
    ...countAndRate('near_poor_end', ['HCN còn lại*', 'Hộ cận nghèo còn lại*', 'Số hộ cận nghèo còn lại*']),
  ],
  roles: { values: HOUSEHOLD_ROLE_WORDS },
  relations: [
    { type: 'numbering', column: 'stt' },
    { type: 'role-totals', columns: ['households', 'poor_start', 'poor_exit', 'poor_end', 'near_poor_start', 'near_poor_exit', 'near_poor_end'] },
    { type: 'difference', column: 'poor_end', from: 'poor_start', minus: ['poor_exit'] },
    { type: 'difference', column: 'near_poor_end', from: 'near_poor_start', minus: ['near_poor_exit'] },
    ...RATES.map((c): SpecRelation => ({ type: 'rate', column: `${c}_rate`, count: c, base: 'households', scale: 100 })),
    // bounds the arithmetic implies: exits cannot exceed the households at the start; poor and near-poor are households of the unit
    { type: 'inequality', column: 'poor_exit', op: '<=', than: 'poor_start' },
    { type: 'inequality', column: 'near_poor_exit', op: '<=', than: 'near_poor_start' },
    { type: 'inequality', column: ['poor_start', 'near_poor_start'], op: '<=', than: 'households' },
    ...RATES.map((c): SpecRelation => ({ type: 'bound', column: `${c}_rate`, min: 0, max: 100 })),
  ],
  rounding: 'half-up',
});

/**
 * Seed 001's per-commune target table (Tịnh Biên 2024, section I.3.c “Phân bổ chỉ tiêu cụ thể”):
 * households at the end of the previous year; poor and near-poor at the start of the year,
 * planned exits and what remains, each with a rate of `households` of the same row.
 *
 * Relations: subtotal and total rows add up the unit rows (roles from a `role` column or from
 * the labels: I, II, Tổng); `*_end = *_start − *_exit`; every `*_rate = count ÷ households × 100`,
 * rounded (half-up unless told) to the decimals printed; exits ≤ start; poor + near-poor ≤
 * households; every rate in [0, 100].
 *
 * @example
 * const rows = [[...COMMUNE_TARGETS_COLUMNS], ['1', 'An Phú', 'unit', '2.348', '38', '1,62', '1', '0,04', '37', '1,58', '58', '2,47', '5', '0,21', '53', '2,56']];
 * reconcileTable(communeTargetsLayout.toTable(rows, {})).issues.map((i) => `${i.column} ${i.printed} → ${i.expected}`)
 * //=> ['near_poor_end_rate 2,56 → 2,26'] (seed 001 line 126: 53 ÷ 2.348 = 2,257 %)
 * @see poverty-rate-reporting §3 (per-commune targets), §4 (rounding)
 */
export const communeTargetsLayout: LayoutPreset = presetFromSpec(
  'commune-targets',
  "per-commune targets: households, poor and near-poor at the start, planned exits, remaining, each with a rate (seed 001's table)",
  COMMUNE_TARGETS_SPEC,
  [RATE_ROUNDING_OPTION],
);
