import { deepFreeze } from '../_internal/_freeze.js';
import { reconcileTable } from './reconcileTable.js';
import type { ReconcileReport } from './reconcileIssue.js';
import { tableFromSpec, type PrintedGrid, type TableFromSpecOptions, type TableLayout } from './tableFromSpec.js';
import type { TableSpec } from './tableSpec.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link reconcileGrid}: those of `tableFromSpec`, and `attribute` as `reconcileTable` takes it. */
export interface ReconcileGridOptions extends TableFromSpecOptions {
  /** One wrong cell, one finding (see `ReconcileTableOptions.attribute`); false unless told. */
  readonly attribute?: boolean;
}

/** Result of {@link reconcileGrid}: the report (structural findings first) and how the grid was read. */
export interface GridReconcileReport extends ReconcileReport {
  readonly layout: TableLayout;
  /** How many of the issues are structural findings (rows of the wrong width, roles that are not roles). */
  readonly structural: number;
}

/**
 * Reads a printed grid with a declared layout (`tableFromSpec`) and reconciles it
 * (`reconcileTable`): one report with the structural findings for the whole table first, then
 * every cell that does not reconcile, each pointing at its grid cell (`issue.grid`).
 *
 * @throws VnPovertyError as `tableFromSpec` does for a spec or header that cannot be used.
 * @example
 * const grid = [['STT', 'Xã', 'Hộ', 'Hộ nghèo'], ['1', 'An Phú', '2.348', '38'], ['2', 'Tân Lợi', '2.154', '44'], ['', 'Tổng', '4.502', '83']];
 * const spec = { columns: [{ key: 'stt', kind: 'row-number', header: 'STT' }, { key: 'unit', kind: 'text', header: 'Xã' }, { key: 'households', kind: 'count', header: 'Hộ' }, { key: 'poor', kind: 'count', header: 'Hộ nghèo' }], relations: [{ type: 'role-totals', columns: ['households', 'poor'] }] };
 * reconcileGrid(grid, spec).issues.map((i) => [i.grid, i.expected]) //=> [[{ row: 3, column: 3 }, '82']]
 */
export function reconcileGrid(grid: PrintedGrid, spec: TableSpec, options: ReconcileGridOptions = {}): GridReconcileReport {
  assertOptions(options, 'reconcileGrid');
  const { attribute, ...readOptions } = options;
  const read = tableFromSpec(grid, spec, readOptions);
  const report = reconcileTable(read.table, attribute === true ? { attribute } : {});
  const issues = [...read.findings, ...report.issues];
  const errors = issues.filter((i) => i.severity === 'error').length;
  return deepFreeze({ ok: errors === 0, issues, checked: report.checked, errors, roundings: issues.length - errors, layout: read.layout, structural: read.findings.length });
}
