/**
 * The layout presets every domain contributes, in one list at the entry point: the household
 * tables (src/reconcile), the budget tables (src/budgets) and the review reports' summary form
 * (src/reports). None of the three imports another's presets.
 */
import { BUDGET_LAYOUTS } from './budgets/budgetLayouts.js';
import { REPORT_LAYOUTS } from './reports/reportLayouts.js';
import type { LayoutPreset } from './reconcile/layoutPreset.js';
import { HOUSEHOLD_LAYOUTS, tableFromPreset, type TableFromLayoutOptions } from './reconcile/layouts.js';
import type { PrintedTable } from './reconcile/printedTable.js';
import { assertOptions } from './errors/assertOptions.js';

/**
 * Every layout preset by name. Adding a layout is one entry in its domain's list.
 * @example
 * Object.keys(LAYOUTS) //=> ['commune-targets', 'counts-and-rates', 'budget-by-project', 'capital-by-type', 'summary-form']
 */
export const LAYOUTS: Readonly<Record<string, LayoutPreset>> = Object.freeze({ ...HOUSEHOLD_LAYOUTS, ...BUDGET_LAYOUTS, ...REPORT_LAYOUTS });

/**
 * Builds a {@link PrintedTable} from parsed CSV rows with a named layout preset, after
 * checking the preset's options (unknown option, value not allowed, required option missing).
 *
 * @returns the table, deep-frozen.
 * @throws VnPovertyError `unknown-layout`, `unknown-option`, `invalid-option`, `missing-option`,
 *   and the preset's own `wrong-columns`, `wrong-field-count`, `invalid-role`, `missing-unit`.
 * @example
 * tableFromLayout('counts-and-rates', parseCsv(text)).columns.map((c) => c.key) //=> ['stt', 'unit', 'role', 'households', 'poor', 'poor_rate', 'near_poor', 'near_poor_rate']
 */
export function tableFromLayout(layout: string, rows: ReadonlyArray<ReadonlyArray<string>>, options: TableFromLayoutOptions = {}): PrintedTable {
  assertOptions(options, 'tableFromLayout');
  return tableFromPreset(options.layouts ?? LAYOUTS, layout, rows, options);
}
