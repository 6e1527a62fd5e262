import { deepFreeze } from '../_internal/_freeze.js';
import { HOUSEHOLD_ROLE_WORDS, HOUSEHOLD_ROW_COLUMNS, RATE_ROUNDING_OPTION } from './communeTargetsLayout.js';
import { presetFromSpec, type LayoutPreset } from './layoutPreset.js';
import type { TableSpec } from './tableSpec.js';

/**
 * Columns of the `counts-and-rates` layout, in order.
 * @example
 * COUNTS_AND_RATES_COLUMNS.filter((c) => c.endsWith('_rate')) //=> ['poor_rate', 'near_poor_rate']
 */
export const COUNTS_AND_RATES_COLUMNS: readonly string[] = Object.freeze(['stt', 'unit', 'role', 'households', 'poor', 'poor_rate', 'near_poor', 'near_poor_rate']);

/**
 * The `counts-and-rates` layout as data (headers as plans print them: *Tổng số hộ*, *Số hộ
 * nghèo*, *Tỷ lệ hộ nghèo (%)*, …).
 * @example
 * COUNTS_AND_RATES_SPEC.columns.map((c) => c.key).length //=> 8
 */
export const COUNTS_AND_RATES_SPEC: TableSpec = deepFreeze({
  name: 'counts-and-rates',
  columns: [
    ...HOUSEHOLD_ROW_COLUMNS,
    { key: 'households', kind: 'count', header: 'households', aliases: ['Tổng số hộ*', 'Số hộ dân*', 'Tổng số hộ dân cư*', 'Hộ dân*'] },
    { key: 'poor', kind: 'count', header: 'poor', aliases: ['Số hộ nghèo*', 'Hộ nghèo', ['Hộ nghèo', 'Số hộ'], ['Hộ nghèo', 'Hộ']] },
    { key: 'poor_rate', kind: 'rate', header: 'poor_rate', aliases: ['Tỷ lệ hộ nghèo*', ['Hộ nghèo', 'Tỷ lệ*']] },
    { key: 'near_poor', kind: 'count', header: 'near_poor', aliases: ['Số hộ cận nghèo*', 'Hộ cận nghèo', ['Hộ cận nghèo', 'Số hộ'], ['Hộ cận nghèo', 'Hộ']] },
    { key: 'near_poor_rate', kind: 'rate', header: 'near_poor_rate', aliases: ['Tỷ lệ hộ cận nghèo*', ['Hộ cận nghèo', 'Tỷ lệ*']] },
  ],
  roles: { values: HOUSEHOLD_ROLE_WORDS },
  relations: [
    { type: 'numbering', column: 'stt' },
    { type: 'role-totals', columns: ['households', 'poor', 'near_poor'] },
    { type: 'rate', column: 'poor_rate', count: 'poor', base: 'households', scale: 100 },
    { type: 'rate', column: 'near_poor_rate', count: 'near_poor', base: 'households', scale: 100 },
    { type: 'inequality', column: ['poor', 'near_poor'], op: '<=', than: 'households' },
    { type: 'bound', column: 'poor_rate', min: 0, max: 100 },
    { type: 'bound', column: 'near_poor_rate', min: 0, max: 100 },
  ],
  rounding: 'half-up',
});

/**
 * A review result by unit: households, poor and near-poor counts, each with its rate of
 * `households`. Subtotal and total rows add up the unit rows (roles from a `role` column or the
 * labels); rates are `count ÷ households × 100`, rounded (half-up unless told) to the decimals
 * printed; poor + near-poor ≤ households; rates in [0, 100].
 *
 * @example
 * const rows = [[...COUNTS_AND_RATES_COLUMNS], ['1', 'Nhà Bàng', 'unit', '3.339', '18', '0,54', '95', '2,85']];
 * reconcileTable(countsAndRatesLayout.toTable(rows, {})).ok //=> true
 * @see poverty-rate-reporting §1 (rate = count ÷ total households × 100), §4 (rounding)
 */
export const countsAndRatesLayout: LayoutPreset = presetFromSpec(
  'counts-and-rates',
  'poor and near-poor counts with their rates, by unit, with subtotals and a total',
  COUNTS_AND_RATES_SPEC,
  [RATE_ROUNDING_OPTION],
);
