import { deepFreeze } from '../_internal/_freeze.js';
import { RATE_ROUNDING_OPTION } from '../reconcile/communeTargetsLayout.js';
import { presetFromSpec, type LayoutPreset } from '../reconcile/layoutPreset.js';
import type { SpecColumn, SpecColumnKind, TableSpec } from '../reconcile/tableSpec.js';
import { AREA_SUMMARY_COLUMNS, AREA_SUMMARY_UNIT_HEADERS } from './outputColumns.js';
import { columnHeader } from './tableWriter.js';

const KINDS: Readonly<Record<string, SpecColumnKind>> = { level: 'text', unit: 'row-number', name: 'text' };

/**
 * The layout of the library's own area summary (`vn-poverty summarize`), read back for checking:
 * its headers in Vietnamese, English or both; the `Tổng` row is the sum of the unit rows
 * (district and province roll-ups are left out: the table does not say which units they hold);
 * every rate is recomputed from the counts; poor, near-poor and average-living households
 * together are at most the households. The persons column may be blank (a classified file
 * without members) and is not checked.
 * @example
 * AREA_SUMMARY_SPEC.columns.map((c) => c.key).slice(0, 4) //=> ['level', 'unit', 'name', 'households']
 */
export const AREA_SUMMARY_SPEC: TableSpec = deepFreeze({
  name: 'area-summary',
  columns: AREA_SUMMARY_COLUMNS.map((c): SpecColumn => ({
    key: c.key,
    kind: KINDS[c.key] ?? (c.kind === 'rate' ? 'rate' : 'count'),
    header: columnHeader(c, 'vi'),
    // the unit column is headed for what the rows were grouped by (a unit code, an area, a village)
    aliases: [columnHeader(c, 'en'), columnHeader(c, 'both'), c.key, ...(c.key === 'unit' ? AREA_SUMMARY_UNIT_HEADERS : [])],
    ...(c.key === 'name' ? { label: true, required: false } : {}),
    // persons are blank when the classified file had no members column: read, summed by the library, not checked here
    ...(c.key === 'persons' ? { required: false } : {}),
  })),
  roles: {
    infer: false,
    rules: [
      { column: 'level', value: '^(tổng|total)$', role: 'total' },
      { column: 'level', value: '^(huyện|tỉnh|district|province)$', role: 'ignore' },
    ],
  },
  relations: [
    { type: 'role-totals', columns: ['households', 'poor', 'nearPoor', 'average', 'recentlyEscaped'] },
    { type: 'rate', column: 'poorRate', count: 'poor', base: 'households', scale: 100 },
    { type: 'rate', column: 'nearPoorRate', count: 'nearPoor', base: 'households', scale: 100 },
    { type: 'rate', column: 'multidimensionalRate', count: ['poor', 'nearPoor'], base: 'households', scale: 100 },
    { type: 'inequality', column: ['poor', 'nearPoor', 'average'], op: '<=', than: 'households' },
    { type: 'bound', column: 'poorRate', min: 0, max: 100 },
    { type: 'bound', column: 'nearPoorRate', min: 0, max: 100 },
    { type: 'bound', column: 'multidimensionalRate', min: 0, max: 100 },
  ],
  rounding: 'half-up',
});

/**
 * The `area-summary` preset: the output of `vn-poverty summarize` (`AREA_SUMMARY_COLUMNS`), so
 * the library's own tables can be checked like any other.
 * @example
 * areaSummaryLayout.name //=> 'area-summary'
 */
export const areaSummaryLayout: LayoutPreset = presetFromSpec('area-summary', "the library's own area summary (vn-poverty summarize): counts and rates by unit, with a total", AREA_SUMMARY_SPEC, [RATE_ROUNDING_OPTION]);
