import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { issue, parseInput, VnPovertyError, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { roundFraction, type Fraction } from '../numbers/fraction.js';
import { exactRate } from '../numbers/rate.js';
import { assertDecimals, assertRoundingMode, type DecimalsOptions } from '../numbers/rounding.js';
import type { Decimal } from '../_internal/_decimal.js';
import type { HouseholdStatus } from '../standards/householdStatus.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Counts of a subgroup of an area's households (ethnic-minority households, …). */
export interface SubgroupFigures {
  readonly households: number;
  readonly poor: number;
  readonly nearPoor: number;
}

/**
 * Household counts of one area for one period: total households (the base of every rate),
 * poor, near-poor, recently escaped (*hộ mới thoát nghèo*), and subgroups by name.
 */
export interface AreaFigures {
  /** The unit's code (or any name the caller uses). */
  readonly unit: string;
  readonly households: number;
  readonly poor: number;
  readonly nearPoor: number;
  readonly recentlyEscaped: number;
  readonly subgroups: Readonly<Record<string, SubgroupFigures>>;
}

/** Input of {@link areaFigures}: `recentlyEscaped` and `subgroups` may be left out (0, none). */
export interface AreaFiguresInput {
  readonly unit: string;
  readonly households: number;
  readonly poor: number;
  readonly nearPoor: number;
  readonly recentlyEscaped?: number;
  readonly subgroups?: Readonly<Record<string, SubgroupFigures>>;
}

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const subgroupSchema = z.object({ households: count, poor: count, nearPoor: count });
const figuresSchema = z.object({
  unit: z.string().min(1),
  households: count,
  poor: count,
  nearPoor: count,
  recentlyEscaped: count.optional(),
  subgroups: z.record(z.string().min(1), subgroupSchema).optional(),
});

function consistency(f: AreaFigures): VnIssue[] {
  const out: VnIssue[] = [];
  const rule = { description: 'poor and near-poor households are households of the area', term: 'tổng số hộ dân cư' };
  if (f.poor + f.nearPoor > f.households) out.push(issue({ code: 'counts-exceed-households', path: ['poor'], value: f.poor + f.nearPoor, expected: `poor + near-poor ≤ households (${f.households})`, rule }));
  if (f.recentlyEscaped > f.households - f.poor) out.push(issue({ code: 'counts-exceed-households', path: ['recentlyEscaped'], value: f.recentlyEscaped, expected: `recently escaped ≤ households − poor (${f.households - f.poor})`, rule }));
  for (const [name, g] of Object.entries(f.subgroups)) {
    if (g.households > f.households) out.push(issue({ code: 'subgroup-exceeds-area', path: ['subgroups', name, 'households'], value: g.households, expected: `≤ the area's ${f.households} households` }));
    if (g.poor > f.poor) out.push(issue({ code: 'subgroup-exceeds-area', path: ['subgroups', name, 'poor'], value: g.poor, expected: `≤ the area's ${f.poor} poor households` }));
    if (g.nearPoor > f.nearPoor) out.push(issue({ code: 'subgroup-exceeds-area', path: ['subgroups', name, 'nearPoor'], value: g.nearPoor, expected: `≤ the area's ${f.nearPoor} near-poor households` }));
    if (g.poor + g.nearPoor > g.households) out.push(issue({ code: 'counts-exceed-households', path: ['subgroups', name, 'poor'], value: g.poor + g.nearPoor, expected: `poor + near-poor ≤ the subgroup's ${g.households} households`, rule }));
  }
  return out;
}

/**
 * Area figures from given counts, checked: whole non-negative counts, poor + near-poor ≤
 * households, recently escaped ≤ households − poor, subgroups within the area.
 *
 * @throws VnPovertyError `invalid-input`, `counts-exceed-households`, `subgroup-exceeds-area`.
 * @example
 * areaFigures({ unit: 'Tân Lợi', households: 2154, poor: 44, nearPoor: 98 }).recentlyEscaped //=> 0
 * @see poverty-rate-reporting §1
 */
export function areaFigures(input: AreaFiguresInput): AreaFigures {
  const p = parseInput(figuresSchema, input);
  const figures: AreaFigures = {
    unit: p.unit,
    households: p.households,
    poor: p.poor,
    nearPoor: p.nearPoor,
    recentlyEscaped: p.recentlyEscaped ?? 0,
    subgroups: Object.fromEntries(Object.entries(p.subgroups ?? {}).map(([k, g]) => [k, { ...g }])),
  };
  const problems = consistency(figures);
  if (problems.length > 0) throw new VnPovertyError(problems as unknown as VnIssues);
  return deepFreeze(figures);
}

/** A classified household as the area functions need it. */
export interface ClassifiedHousehold {
  readonly status: HouseholdStatus;
  /** True when the household escaped poverty within the last 36 months (*hộ mới thoát nghèo*). */
  readonly recentlyEscaped?: boolean;
  /** Names of the subgroups the household belongs to (e.g. `'ethnic-minority'`). */
  readonly subgroups?: readonly string[];
}

const householdSchema = z.object({
  status: z.enum(['poor', 'near-poor', 'average', 'non-poor']),
  recentlyEscaped: z.boolean().optional(),
  subgroups: z.array(z.string().min(1)).optional(),
});

/**
 * Counts classified households into area figures: every household counts once in
 * `households`; `poor` and `near-poor` by status; `recentlyEscaped` when flagged (a poor
 * household flagged as recently escaped is refused); subgroups by name.
 *
 * @throws VnPovertyError `invalid-input`, `poor-and-escaped` naming the household.
 * @example
 * areaFiguresFromHouseholds('Văn Giáo', [{ status: 'poor' }, { status: 'average', recentlyEscaped: true }]).poor //=> 1
 */
export function areaFiguresFromHouseholds(unit: string, households: ReadonlyArray<ClassifiedHousehold>): AreaFigures {
  const list = parseInput(z.array(householdSchema), households);
  let poor = 0;
  let nearPoor = 0;
  let escaped = 0;
  const groups: Record<string, { households: number; poor: number; nearPoor: number }> = {};
  list.forEach((h, i) => {
    if (h.status === 'poor') poor++;
    if (h.status === 'near-poor') nearPoor++;
    if (h.recentlyEscaped === true) {
      if (h.status === 'poor') throw new VnPovertyError([issue({ code: 'poor-and-escaped', path: [i, 'recentlyEscaped'], value: true, expected: 'a household that is not poor now (it escaped poverty)' })]);
      escaped++;
    }
    for (const name of new Set(h.subgroups ?? [])) {
      const g = (groups[name] ??= { households: 0, poor: 0, nearPoor: 0 });
      g.households++;
      if (h.status === 'poor') g.poor++;
      if (h.status === 'near-poor') g.nearPoor++;
    }
  });
  return areaFigures({ unit, households: list.length, poor, nearPoor, recentlyEscaped: escaped, subgroups: groups });
}

/** A rate both exact and as printed. */
export interface AreaRate {
  /** count ÷ households × 100, exact. */
  readonly exact: Fraction;
  /** Rounded once, for presentation. */
  readonly rounded: Decimal;
  /** As an official table prints it (`'0,70'`). */
  readonly printed: string;
}

/** Rates of an area; null when it has no households. */
export interface AreaRates {
  readonly poor: AreaRate | null;
  readonly nearPoor: AreaRate | null;
  /** Multidimensional poverty rate: (poor + near-poor) ÷ households × 100 (*tỷ lệ nghèo đa chiều*). */
  readonly multidimensional: AreaRate | null;
  readonly subgroups: Readonly<Record<string, { readonly poor: AreaRate | null; readonly nearPoor: AreaRate | null; readonly multidimensional: AreaRate | null }>>;
}

/** Options of {@link areaRates}: decimals and rounding, both named (official tables: 2, `'half-up'`). */
export type AreaRatesOptions = DecimalsOptions;

/** count ÷ base × 100, exact and rounded once; null for an empty base. @internal */
export function rateOf(n: number, base: number, options: AreaRatesOptions): AreaRate | null {
  if (base === 0) return null;
  const exact = exactRate(n, base);
  const rounded = roundFraction(exact, options.decimals, options.rounding);
  return { exact, rounded, printed: formatVnNumber(rounded, { decimals: options.decimals }) };
}

/**
 * The rates of an area computed from its counts: exact fractions, rounded once for
 * presentation. The multidimensional rate is computed from the summed counts, never by
 * adding rounded rates.
 *
 * @example
 * areaRates(areaFigures({ unit: 'Thành thị', households: 16194, poor: 113, nearPoor: 412 }), { decimals: 2, rounding: 'half-up' }).poor?.printed //=> '0,70'
 * @see poverty-rate-reporting §1, §4
 */
export function areaRates(figures: AreaFigures, options: AreaRatesOptions): AreaRates {
  assertOptions(options, 'areaRates', true);
  assertDecimals(options.decimals);
  assertRoundingMode(options.rounding);
  const trio = (h: number, p: number, n: number) => ({ poor: rateOf(p, h, options), nearPoor: rateOf(n, h, options), multidimensional: rateOf(p + n, h, options) });
  return deepFreeze({
    ...trio(figures.households, figures.poor, figures.nearPoor),
    subgroups: Object.fromEntries(Object.entries(figures.subgroups).map(([k, g]) => [k, trio(g.households, g.poor, g.nearPoor)])),
  });
}
