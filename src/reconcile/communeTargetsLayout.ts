import { deepFreeze } from '../_internal/_freeze.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import type { LayoutPreset } from './layoutPreset.js';
import { readLayoutRows, roleTotals, type LayoutRow } from './layoutRows.js';
import type { PrintedTable, RateRelation, TableColumn } from './printedTable.js';

const COUNTS = ['households', 'poor_start', 'poor_exit', 'poor_end', 'near_poor_start', 'near_poor_exit', 'near_poor_end'] as const;
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

/**
 * Seed 001's per-commune target table (Tịnh Biên 2024, section I.3.c “Phân bổ chỉ tiêu cụ thể”):
 * households at the end of the previous year; poor and near-poor at the start of the year,
 * planned exits and what remains, each with a rate of `households` of the same row.
 *
 * Relations: subtotal and total rows add up the unit rows (`role`); `*_end = *_start − *_exit`;
 * every `*_rate = count ÷ households × 100`, rounded (half-up unless told) to the decimals printed.
 *
 * @example
 * const rows = [[...COMMUNE_TARGETS_COLUMNS], ['1', 'An Phú', 'unit', '2.348', '38', '1,62', '1', '0,04', '37', '1,58', '58', '2,47', '5', '0,21', '53', '2,56']];
 * reconcileTable(communeTargetsLayout.toTable(rows, {})).issues.map((i) => `${i.column} ${i.printed} → ${i.expected}`)
 * //=> ['near_poor_end_rate 2,56 → 2,26'] (seed 001 line 126: 53 ÷ 2.348 = 2,257 %)
 * @see poverty-rate-reporting §3 (per-commune targets), §4 (rounding)
 */
export const communeTargetsLayout: LayoutPreset = deepFreeze({
  name: 'commune-targets',
  description: "per-commune targets: households, poor and near-poor at the start, planned exits, remaining, each with a rate (seed 001's table)",
  columns: COMMUNE_TARGETS_COLUMNS,
  options: [RATE_ROUNDING_OPTION],
  toTable(rows: ReadonlyArray<ReadonlyArray<string>>, options: Readonly<Record<string, string>>, source?: string): PrintedTable {
    const records = readLayoutRows(rows, COMMUNE_TARGETS_COLUMNS, { layout: 'commune-targets', source });
    const rounding = (options['rounding'] ?? 'half-up') as RoundingMode;
    const columns: TableColumn[] = COMMUNE_TARGETS_COLUMNS.map((key) => ({
      key,
      kind: key === 'stt' || key === 'unit' || key === 'role' ? 'text' : key.endsWith('_rate') ? 'rate' : 'count',
    }));
    const rates: RateRelation[] = RATES.map((c) => ({ type: 'rate', column: `${c}_rate`, count: c, base: 'households', scale: 100, rounding }));
    return {
      columns,
      rows: records.map((r) => ({ key: String(r.line), label: layoutRowLabel(r), cells: r.cells })),
      relations: [
        { type: 'numbering', column: 'stt', rows: records.filter((r) => (r.cells['role'] ?? '').trim() === 'unit').map((r) => String(r.line)) },
        ...roleTotals(records, { roleColumn: 'role', columns: COUNTS, source }),
        { type: 'difference', column: 'poor_end', from: 'poor_start', minus: ['poor_exit'] },
        { type: 'difference', column: 'near_poor_end', from: 'near_poor_start', minus: ['near_poor_exit'] },
        ...rates,
      ],
    };
  },
});
