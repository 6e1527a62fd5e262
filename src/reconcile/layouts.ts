import { budgetByProjectLayout } from '../budgets/budgetByProjectLayout.js';
import { capitalByTypeLayout } from '../budgets/capitalByTypeLayout.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { communeTargetsLayout } from './communeTargetsLayout.js';
import { countsAndRatesLayout } from './countsAndRatesLayout.js';
import type { LayoutPreset } from './layoutPreset.js';
import type { PrintedTable } from './printedTable.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * Every layout preset by name. Adding a layout is one entry here (the budget presets live
 * in src/budgets/ and are registered the same way).
 * @example
 * Object.keys(LAYOUTS) //=> ['commune-targets', 'counts-and-rates', 'budget-by-project', 'capital-by-type']
 */
export const LAYOUTS: Readonly<Record<string, LayoutPreset>> = Object.freeze({
  [communeTargetsLayout.name]: communeTargetsLayout,
  [countsAndRatesLayout.name]: countsAndRatesLayout,
  [budgetByProjectLayout.name]: budgetByProjectLayout,
  [capitalByTypeLayout.name]: capitalByTypeLayout,
});

/** Options of {@link tableFromLayout}. */
export interface TableFromLayoutOptions {
  /** The preset's own options (`{ unit: 'trieu' }`); checked against the values it allows. */
  readonly options?: Readonly<Record<string, string>>;
  /** File name for messages. */
  readonly source?: string;
  /** The registry to look the layout up in; {@link LAYOUTS} unless told. */
  readonly layouts?: Readonly<Record<string, LayoutPreset>>;
}

/**
 * Builds a {@link PrintedTable} from parsed CSV rows with a named layout preset, after
 * checking the preset's options (unknown option, value not allowed, required option missing).
 *
 * @returns the table, deep-frozen.
 * @throws VnPovertyError `unknown-layout`, `unknown-option`, `invalid-option`, `missing-option`,
 *   and the preset's own `wrong-columns`, `wrong-field-count`, `invalid-role`.
 * @example
 * tableFromLayout('counts-and-rates', parseCsv(text)).columns.map((c) => c.key) //=> ['stt', 'unit', 'role', 'households', 'poor', 'poor_rate', 'near_poor', 'near_poor_rate']
 */
export function tableFromLayout(layout: string, rows: ReadonlyArray<ReadonlyArray<string>>, options: TableFromLayoutOptions = {}): PrintedTable {
  assertOptions(options, 'tableFromLayout');
  const registry = options.layouts ?? LAYOUTS;
  const preset = Object.prototype.hasOwnProperty.call(registry, layout) ? registry[layout] : undefined;
  if (preset === undefined) {
    return fail({ code: 'unknown-layout', path: ['layout'], value: layout, expected: `one of ${Object.keys(registry).join(', ')}` });
  }
  const given = options.options ?? {};
  const resolved: Record<string, string> = {};
  for (const name of Object.keys(given)) {
    if (!preset.options.some((o) => o.name === name)) fail({ code: 'unknown-option', path: ['options', name], value: name, expected: `an option of layout ${layout}: ${preset.options.map((o) => o.name).join(', ') || 'none'}` });
  }
  for (const opt of preset.options) {
    const value = given[opt.name] ?? opt.default;
    if (value === undefined) fail({ code: 'missing-option', path: ['options', opt.name], value: undefined, expected: `--${opt.name} ${opt.values.join('|')} (${opt.description})` });
    if (!opt.values.includes(value)) fail({ code: 'invalid-option', path: ['options', opt.name], value, expected: `one of ${opt.values.join(', ')}` });
    resolved[opt.name] = value;
  }
  return deepFreeze(preset.toTable(rows, Object.freeze(resolved), options.source));
}
