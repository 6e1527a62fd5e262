import { deepFreeze } from '../_internal/_freeze.js';
import type { RoundingMode } from '../numbers/rounding.js';
import { layoutRowLabel, RATE_ROUNDING_OPTION } from './communeTargetsLayout.js';
import type { LayoutPreset } from './layoutPreset.js';
import { readLayoutRows, roleTotals } from './layoutRows.js';
import type { PrintedTable, TableColumn } from './printedTable.js';

/**
 * Columns of the `counts-and-rates` layout, in order.
 * @example
 * COUNTS_AND_RATES_COLUMNS.filter((c) => c.endsWith('_rate')) //=> ['poor_rate', 'near_poor_rate']
 */
export const COUNTS_AND_RATES_COLUMNS: readonly string[] = Object.freeze(['stt', 'unit', 'role', 'households', 'poor', 'poor_rate', 'near_poor', 'near_poor_rate']);

/**
 * A review result by unit: households, poor and near-poor counts, each with its rate of
 * `households`. Subtotal and total rows add up the unit rows (`role`); rates are
 * `count ÷ households × 100`, rounded (half-up unless told) to the decimals printed.
 *
 * @example
 * const rows = [[...COUNTS_AND_RATES_COLUMNS], ['1', 'Nhà Bàng', 'unit', '3.339', '18', '0,54', '95', '2,85']];
 * reconcileTable(countsAndRatesLayout.toTable(rows, {})).ok //=> true
 * @see poverty-rate-reporting §1 (rate = count ÷ total households × 100), §4 (rounding)
 */
export const countsAndRatesLayout: LayoutPreset = deepFreeze({
  name: 'counts-and-rates',
  description: 'poor and near-poor counts with their rates, by unit, with subtotals and a total',
  columns: COUNTS_AND_RATES_COLUMNS,
  options: [RATE_ROUNDING_OPTION],
  toTable(rows: ReadonlyArray<ReadonlyArray<string>>, options: Readonly<Record<string, string>>, source?: string): PrintedTable {
    const records = readLayoutRows(rows, COUNTS_AND_RATES_COLUMNS, { layout: 'counts-and-rates', source });
    const rounding = (options['rounding'] ?? 'half-up') as RoundingMode;
    const columns: TableColumn[] = COUNTS_AND_RATES_COLUMNS.map((key) => ({
      key,
      kind: key === 'stt' || key === 'unit' || key === 'role' ? 'text' : key.endsWith('_rate') ? 'rate' : 'count',
    }));
    return {
      columns,
      rows: records.map((r) => ({ key: String(r.line), label: layoutRowLabel(r), cells: r.cells })),
      relations: [
        { type: 'numbering', column: 'stt', rows: records.filter((r) => (r.cells['role'] ?? '').trim() === 'unit').map((r) => String(r.line)) },
        ...roleTotals(records, { roleColumn: 'role', columns: ['households', 'poor', 'near_poor'], source }),
        { type: 'rate', column: 'poor_rate', count: 'poor', base: 'households', scale: 100, rounding },
        { type: 'rate', column: 'near_poor_rate', count: 'near_poor', base: 'households', scale: 100, rounding },
      ],
    };
  },
});
