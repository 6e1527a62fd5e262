import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import type { AreaFigures, SubgroupFigures } from './areaFigures.js';
import { ancestorsOf, type AdminHierarchy, type AdminLevel } from './adminHierarchy.js';
import type { ReferenceDateOptions } from '../dates/calendarDate.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link rollUpAreas}. */
export interface RollUpAreasOptions {
  /** The unit of the roll-up (e.g. the district's code). */
  readonly unit: string;
}

/**
 * Adds areas up into one: **counts are summed, never rates** (rates of the roll-up are
 * computed again from the summed counts with `areaRates`). Subgroups are summed by name.
 *
 * @throws VnPovertyError `duplicate-unit` when a unit appears twice (it would be counted twice).
 * @example
 * rollUpAreas([nhaBang, tinhBien], { unit: 'two wards' }).poor //=> 41 (18 + 23, seed 001)
 * @see admin-hierarchy §3 (re-basing sums household counts; rates cannot be averaged)
 */
export function rollUpAreas(areas: ReadonlyArray<AreaFigures>, options: RollUpAreasOptions): AreaFigures {
  assertOptions(options, 'rollUpAreas', true);
  const seen = new Set<string>();
  const groups: Record<string, { households: number; poor: number; nearPoor: number }> = {};
  let households = 0;
  let poor = 0;
  let nearPoor = 0;
  let recentlyEscaped = 0;
  areas.forEach((a, i) => {
    if (seen.has(a.unit)) fail({ code: 'duplicate-unit', path: ['areas', i, 'unit'], value: a.unit, expected: 'each unit once (it would be counted twice)' });
    seen.add(a.unit);
    households += a.households;
    poor += a.poor;
    nearPoor += a.nearPoor;
    recentlyEscaped += a.recentlyEscaped;
    for (const [name, g] of Object.entries(a.subgroups) as [string, SubgroupFigures][]) {
      const t = (groups[name] ??= { households: 0, poor: 0, nearPoor: 0 });
      t.households += g.households;
      t.poor += g.poor;
      t.nearPoor += g.nearPoor;
    }
  });
  if (!Number.isSafeInteger(households)) fail({ code: 'count-overflow', path: ['areas'], value: households, expected: 'a total within the safe integer range' });
  return deepFreeze({ unit: options.unit, households, poor, nearPoor, recentlyEscaped, subgroups: groups });
}

/** Options of {@link groupAreas}. */
export interface GroupAreasOptions {
  /** The group of each unit, by unit code (every area must have one). */
  readonly groupOf: Readonly<Record<string, string>>;
}

/**
 * Rolls areas up by group (urban/rural blocks, districts…), one roll-up per group.
 * Rolling the groups up again gives the same totals as rolling up every area at once.
 *
 * @throws VnPovertyError `missing-group` naming the unit without a group; `duplicate-unit`.
 * @example
 * groupAreas(communes, { groupOf: { '30316': 'urban', '30346': 'rural' } }).urban?.poor //=> 18
 */
export function groupAreas(areas: ReadonlyArray<AreaFigures>, options: GroupAreasOptions): Readonly<Record<string, AreaFigures>> {
  assertOptions(options, 'groupAreas', true);
  const members = new Map<string, AreaFigures[]>();
  areas.forEach((a, i) => {
    const group = Object.prototype.hasOwnProperty.call(options.groupOf, a.unit) ? options.groupOf[a.unit] : undefined;
    if (group === undefined) fail({ code: 'missing-group', path: ['areas', i, 'unit'], value: a.unit, expected: 'a group for every unit in groupOf' });
    members.set(group, [...(members.get(group) ?? []), a]);
  });
  return deepFreeze(Object.fromEntries([...members].map(([g, list]) => [g, rollUpAreas(list, { unit: g })])));
}

/** Options of {@link rollUpByHierarchy}. */
export interface RollUpByHierarchyOptions extends ReferenceDateOptions {
  /** The level to roll up to (`'district'` before 2025-07-01, `'province'` any time). */
  readonly level: Exclude<AdminLevel, 'commune'>;
}

/**
 * Rolls commune figures up to their district or province on a day, using the caller's hierarchy.
 * @throws VnPovertyError `unknown-unit`; `missing-group` when a unit has no ancestor at that level on that day.
 * @example
 * rollUpByHierarchy(communes, hierarchy, { asOf: '2024-01-01', level: 'district' })['888']?.households //=> 8_749
 */
export function rollUpByHierarchy(areas: ReadonlyArray<AreaFigures>, hierarchy: AdminHierarchy, options: RollUpByHierarchyOptions): Readonly<Record<string, AreaFigures>> {
  assertOptions(options, 'rollUpByHierarchy', true);
  const groupOf: Record<string, string> = {};
  for (const a of areas) {
    const up = ancestorsOf(hierarchy, a.unit, options).find((u) => u.level === options.level);
    if (up !== undefined) groupOf[a.unit] = up.code;
  }
  return groupAreas(areas, { groupOf });
}
