import { deepFreeze } from '../_internal/_freeze.js';
import type { MoneyUnit } from '../numbers/money.js';
import type { RoundingMode } from '../numbers/rounding.js';
import type { PrintedTable } from './printedTable.js';
import { tableFromSpec, throwStructural } from './tableFromSpec.js';
import type { TableSpec } from './tableSpec.js';

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
 * A preset: a declared layout ({@link TableSpec}) that real plans use, shipped with the package,
 * with the options it takes (`rounding`, `unit`). Registered in `LAYOUTS` by the domain it belongs to.
 */
export interface LayoutPreset {
  /** Name used on the command line (`--layout commune-targets`). */
  readonly name: string;
  /** One line: what the layout is and where it comes from. */
  readonly description: string;
  /** The column keys, in the documented order (the header of a transcribed CSV). */
  readonly columns: readonly string[];
  readonly options: readonly LayoutOption[];
  /** The layout as data: columns with their Vietnamese headers and aliases, roles, relations. */
  readonly spec: TableSpec;
  /**
   * Builds the table from parsed CSV rows (header first) and the preset's options (already
   * checked against {@link LayoutOption.values}, defaults filled in).
   * @throws VnPovertyError `wrong-columns`, `wrong-field-count`, `invalid-role`, … naming line and column.
   */
  readonly toTable: (rows: ReadonlyArray<ReadonlyArray<string>>, options: Readonly<Record<string, string>>, source?: string) => PrintedTable;
}

/**
 * The `unit` option value meaning "read the unit from the header or a caption".
 * @example
 * UNIT_FROM_HEADER //=> 'header'
 */
export const UNIT_FROM_HEADER = 'header';

/**
 * The spec of a preset with the preset's options applied: `rounding` becomes the spec's
 * rounding, `unit` (other than `'header'`) the unit given to `tableFromSpec`.
 * @example
 * presetSpecOptions({ rounding: 'down' }) //=> { rounding: 'down' }
 */
export function presetSpecOptions(options: Readonly<Record<string, string>>): { readonly rounding?: RoundingMode; readonly unit?: MoneyUnit } {
  const unit = options['unit'];
  return {
    ...(options['rounding'] !== undefined ? { rounding: options['rounding'] as RoundingMode } : {}),
    ...(unit !== undefined && unit !== UNIT_FROM_HEADER ? { unit: unit as MoneyUnit } : {}),
  };
}

/**
 * Makes a preset from its spec: its `toTable` reads rows with `tableFromSpec` and throws the
 * structural findings (a legacy caller wants a table or an error).
 * @example
 * presetFromSpec('x', 'a table', { columns: [{ key: 'a', kind: 'count' }], relations: [] }, []).columns //=> ['a']
 */
export function presetFromSpec(name: string, description: string, spec: TableSpec, options: readonly LayoutOption[]): LayoutPreset {
  const named: TableSpec = { ...spec, name };
  return deepFreeze({
    name,
    description,
    columns: Object.freeze(spec.columns.map((c) => c.key)),
    options,
    spec: named,
    toTable(rows: ReadonlyArray<ReadonlyArray<string>>, opts: Readonly<Record<string, string>>, source?: string): PrintedTable {
      const read = tableFromSpec(rows, named, { ...presetSpecOptions(opts), ...(source !== undefined ? { source } : {}) });
      throwStructural(read.findings);
      return read.table;
    },
  });
}
