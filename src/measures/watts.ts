/**
 * The Watts poverty index, the mean over the population of ln(z / y) for the poor.
 */
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { compareFractions, divideFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { byGroup, fractionSum, incomeUnits, type IncomeOptions, type IncomeUnit } from './_incomeUnits.js';
import { DESIGN_RULES } from './_measureRules.js';
import type { FgtUnit } from './fgt.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * How a poor unit with an income of 0 is treated (ln(z / 0) is infinite):
 * `'refuse'` (the default): an error naming the unit; `'exclude'`: such units leave the
 * population (numerator and denominator), as when zero incomes are treated as missing;
 * `{ floor: y₀ }`: incomes below y₀ > 0 count as y₀ in the logarithm.
 */
export type ZeroIncomePolicy = 'refuse' | 'exclude' | { readonly floor: ExactInput };

/** Options of {@link watts}. */
export interface WattsOptions extends IncomeOptions {
  readonly zeroIncome?: ZeroIncomePolicy;
}

/**
 * Significant digits of a Watts index (each logarithm and the sum are computed with 60).
 * @example
 * WATTS_DECIMAL_DIGITS //=> 40
 */
export const WATTS_DECIMAL_DIGITS = 40;

/** The Watts index of one population. */
export interface WattsValue {
  readonly units: number;
  readonly population: Fraction;
  readonly poorPopulation: Fraction;
  /** (1/N) Σ_{y_i < z_i} w_i ln(z_i / y_i), 40 significant digits (0 exactly when nobody is poor). */
  readonly value: Decimal;
}

/** The result of {@link watts}. */
export interface WattsResult extends WattsValue {
  /** Units left out by `zeroIncome: 'exclude'`. */
  readonly excludedUnits: number;
  readonly subgroups: ReadonlyArray<WattsValue & { readonly group: string }> | null;
}

/** Checked units after the zero-income policy, and the floor of the logarithm (null for none). */
export function wattsUnits(units: ReadonlyArray<FgtUnit>, options: WattsOptions): { units: IncomeUnit[]; floor: Fraction | null; excluded: number } {
  const list = incomeUnits(units, options);
  const policy = options.zeroIncome ?? 'refuse';
  if (policy === 'exclude') {
    const kept = list.filter((u) => u.y.num !== 0n);
    if (kept.length === 0) fail({ code: 'empty-population', path: [], value: list.length, expected: 'at least one unit with a positive income', rule: DESIGN_RULES.watts });
    return { units: kept, floor: null, excluded: list.length - kept.length };
  }
  if (typeof policy === 'object' && policy !== null && 'floor' in policy) {
    const floor = toFraction(policy.floor, ['zeroIncome', 'floor']);
    if (floor.num <= 0n) fail({ code: 'invalid-floor', path: ['zeroIncome', 'floor'], value: policy.floor, expected: 'a floor greater than 0', rule: DESIGN_RULES.watts });
    return { units: list, floor, excluded: 0 };
  }
  if (policy !== 'refuse') fail({ code: 'invalid-input', path: ['zeroIncome'], value: policy, expected: "'refuse', 'exclude' or { floor }", rule: DESIGN_RULES.watts });
  const zero = list.find((u) => u.y.num === 0n && u.z.num > 0n);
  if (zero !== undefined) {
    fail({ code: 'zero-income', path: [zero.index, 'income'], value: 0, expected: "a positive income (ln(z/0) is infinite): choose zeroIncome 'exclude' or { floor: … }", rule: DESIGN_RULES.watts });
  }
  return { units: list, floor: null, excluded: 0 };
}

/** ln(z / max(y, floor)) for a poor unit, with 60 significant digits. */
export function wattsTerm(u: IncomeUnit, floor: Fraction | null): Decimal {
  const y = floor !== null && compareFractions(u.y, floor) < 0 ? floor : u.y;
  const ratio = divideFractions(u.z, y);
  return new Decimal(ratio.num.toString()).div(ratio.den.toString()).ln();
}

function wattsOf(units: ReadonlyArray<IncomeUnit>, floor: Fraction | null): WattsValue {
  const pop = fractionSum();
  const poor = fractionSum();
  let sum = new Decimal(0);
  for (const u of units) {
    pop.add(u.w);
    if (compareFractions(u.y, u.z) >= 0) continue;
    poor.add(u.w);
    sum = sum.plus(wattsTerm(u, floor).times(new Decimal(u.w.num.toString()).div(u.w.den.toString())));
  }
  const population = pop.value;
  if (population.num === 0n) fail({ code: 'empty-population', path: [], value: units.length, expected: 'a positive total weight', rule: DESIGN_RULES.income });
  const value = sum.isZero() ? new Decimal(0) : sum.div(new Decimal(population.num.toString()).div(population.den.toString())).toSignificantDigits(WATTS_DECIMAL_DIGITS, Decimal.ROUND_HALF_EVEN);
  return { units: units.length, population, poorPopulation: poor.value, value };
}

/**
 * The Watts index W = (1/N) Σ_{y_i < z_i} w_i ln(z_i / y_i) of income per head against a line that
 * may differ by area, with sampling weights and subgroups. A unit at the line is not poor. The
 * logarithms are irrational: each is computed with 60 significant digits (decimal.js `ln`), the sum
 * with 60, and the result rounded half-even to 40 ({@link WATTS_DECIMAL_DIGITS}). Zero incomes follow
 * `zeroIncome` (refused unless told). W is 0 when nobody is poor.
 *
 * @throws VnPovertyError `zero-income`, `invalid-floor`, and those of {@link fgt} (`negative-income`, `unknown-area`…).
 * @see Watts (1968); Haughton & Khandker (2009), Handbook on Poverty and Inequality, World Bank, §4.2.
 * @example
 * watts([{ income: 50 }, { income: 100 }, { income: 200 }], { line: 100, income: 'per-head', countBy: 'units' }).value.toFixed(6)
 * //=> '0.231049'   (ln 2 / 3)
 */
export function watts(units: ReadonlyArray<FgtUnit>, options: WattsOptions): WattsResult {
  assertOptions(options, 'watts', true);
  const { units: list, floor, excluded } = wattsUnits(units, options);
  const groups = byGroup(list);
  return deepFreeze({
    ...wattsOf(list, floor),
    excludedUnits: excluded,
    subgroups: groups === null ? null : groups.map(([group, us]) => ({ group, ...wattsOf(us, floor) })),
  });
}
