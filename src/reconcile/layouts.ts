import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { communeTargetsLayout } from './communeTargetsLayout.js';
import { countsAndRatesLayout } from './countsAndRatesLayout.js';
import type { LayoutPreset } from './layoutPreset.js';
import type { PrintedTable } from './printedTable.js';

/**
 * The household-table presets by name (the reconciliation domain's share of `LAYOUTS`; the
 * budget domain contributes `BUDGET_LAYOUTS`).
 * @example
 * Object.keys(HOUSEHOLD_LAYOUTS) //=> ['commune-targets', 'counts-and-rates']
 */
export const HOUSEHOLD_LAYOUTS: Readonly<Record<string, LayoutPreset>> = Object.freeze({
  [communeTargetsLayout.name]: communeTargetsLayout,
  [countsAndRatesLayout.name]: countsAndRatesLayout,
});

/** Options of {@link tableFromPreset}. */
export interface TableFromLayoutOptions {
  /** The preset's own options (`{ unit: 'trieu' }`); checked against the values it allows. */
  readonly options?: Readonly<Record<string, string>>;
  /** File name for messages. */
  readonly source?: string;
  /** The registry to look the layout up in (`LAYOUTS` in `tableFromLayout`). */
  readonly layouts?: Readonly<Record<string, LayoutPreset>>;
}

/**
 * A preset's options, checked (unknown option, value not allowed, required option missing) and
 * with the defaults filled in.
 * @throws VnPovertyError `unknown-option`, `invalid-option`, `missing-option`.
 * @example
 * resolveLayoutOptions(communeTargetsLayout, {}) //=> { rounding: 'half-up' }
 */
export function resolveLayoutOptions(preset: LayoutPreset, given: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const resolved: Record<string, string> = {};
  for (const name of Object.keys(given)) {
    if (!preset.options.some((o) => o.name === name)) fail({ code: 'unknown-option', path: ['options', name], value: name, expected: `an option of layout ${preset.name}: ${preset.options.map((o) => o.name).join(', ') || 'none'}` });
  }
  for (const opt of preset.options) {
    const value = given[opt.name] ?? opt.default;
    if (value === undefined) fail({ code: 'missing-option', path: ['options', opt.name], value: undefined, expected: `--${opt.name} ${opt.values.join('|')} (${opt.description})` });
    if (!opt.values.includes(value)) fail({ code: 'invalid-option', path: ['options', opt.name], value, expected: `one of ${opt.values.join(', ')}` });
    resolved[opt.name] = value;
  }
  return Object.freeze(resolved);
}

/**
 * Builds a {@link PrintedTable} from parsed CSV rows with a named preset of a registry, after
 * checking the preset's options.
 *
 * @returns the table, deep-frozen.
 * @throws VnPovertyError `unknown-layout`, `unknown-option`, `invalid-option`, `missing-option`,
 *   and the preset's own `wrong-columns`, `wrong-field-count`, `invalid-role`.
 * @example
 * tableFromPreset(HOUSEHOLD_LAYOUTS, 'counts-and-rates', parseCsv(text)).columns.map((c) => c.key) //=> ['stt', 'unit', 'role', 'households', 'poor', 'poor_rate', 'near_poor', 'near_poor_rate']
 */
export function tableFromPreset(registry: Readonly<Record<string, LayoutPreset>>, layout: string, rows: ReadonlyArray<ReadonlyArray<string>>, options: TableFromLayoutOptions = {}): PrintedTable {
  const preset = Object.prototype.hasOwnProperty.call(registry, layout) ? registry[layout] : undefined;
  if (preset === undefined) {
    return fail({ code: 'unknown-layout', path: ['layout'], value: layout, expected: `one of ${Object.keys(registry).join(', ')}` });
  }
  return deepFreeze(preset.toTable(rows, resolveLayoutOptions(preset, options.options ?? {}), options.source));
}
