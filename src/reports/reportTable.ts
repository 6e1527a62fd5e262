import type { SpecColumnKind, TableSpec } from '../reconcile/tableSpec.js';

/**
 * A report as it is printed: its title, its header rows (Vietnamese, top to bottom) and its data
 * rows, every figure in Vietnamese format (`16.194`, `0,70`; `-` for a rate with no base), all in
 * one grid of text — what a CSV file or a sheet holds; plus the declared layout ({@link TableSpec})
 * that reads the grid back (by header text) and the relations the printed figures satisfy, so
 * `reconcileGrid(table.grid, table.spec)` checks it like any printed table.
 *
 * A header spanning several columns is repeated in each (as a merged cell reads), and a header
 * spanning several rows is repeated down them.
 */
export interface ReportTable {
  /** The report's title, as printed above the table. */
  readonly title: string;
  /** How many of the grid's first rows are header rows. */
  readonly headerRows: number;
  /** Header rows, then data rows; `''` for an empty cell. */
  readonly grid: readonly (readonly string[])[];
  /** The layout of the grid and its relations. */
  readonly spec: TableSpec;
  /** What each grid column holds (`'text'`, `'count'`, `'rate'`, `'row-number'`), left to right: how a writer stores its cells. */
  readonly kinds?: readonly SpecColumnKind[];
}
