import type { PrintedTable } from './printedTable.js';

/** An option a layout preset accepts (the CLI exposes it as `--name value`). */
export interface LayoutOption {
  readonly name: string;
  /** The values allowed. */
  readonly values: readonly string[];
  /** The value used when the caller gives none, stated in the preset (never hidden); absent = required. */
  readonly default?: string;
  readonly description: string;
}

/**
 * A preset: how a CSV layout real plans use maps onto a {@link PrintedTable} with its relations.
 * Register one in `LAYOUTS` (src/reconcile/layouts.ts) with one line.
 */
export interface LayoutPreset {
  /** Name used on the command line (`--layout commune-targets`). */
  readonly name: string;
  /** One line: what the layout is and where it comes from. */
  readonly description: string;
  /** The header row, in the documented order. */
  readonly columns: readonly string[];
  readonly options: readonly LayoutOption[];
  /**
   * Builds the table from parsed CSV rows (header first) and the preset's options (already
   * checked against {@link LayoutOption.values}, defaults filled in).
   * @throws VnPovertyError `wrong-columns`, `wrong-field-count`, `invalid-role`, … naming line and column.
   */
  readonly toTable: (rows: ReadonlyArray<ReadonlyArray<string>>, options: Readonly<Record<string, string>>, source?: string) => PrintedTable;
}
