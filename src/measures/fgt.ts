import * as z from 'zod';
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { VnPovertyError, fail, issue, parseInput } from '../errors/VnPovertyError.js';
import { incomeUnits } from './_incomeUnits.js';
import {
  divideFractions,
  compareFractions,
  fraction,
  fractionToDecimal,
  multiplyFractions,
  subtractFractions,
  toFraction,
  type ExactInput,
  type Fraction,
} from '../numbers/fraction.js';
import { MEASURE_RULES, exactInputSchema, gcdBig } from './_measureRules.js';
import type { AnalysisUnit } from './afData.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One unit (household or person) for {@link fgt}. */
export interface FgtUnit {
  /** Income: per head, or the unit's total (see {@link FgtOptions.income}); ≥ 0, same period and currency as the line. */
  readonly income: ExactInput;
  /** Members of the unit (whole number ≥ 1); required for `income: 'unit-total'` or `countBy: 'members'`. */
  readonly members?: number;
  /** Area key into the lines when lines differ by area (e.g. `'rural'`, `'urban'`). */
  readonly area?: string;
  /** Sampling weight ≥ 0 (1 when absent). */
  readonly sampleWeight?: ExactInput;
  /** Subgroup label for the decomposition. */
  readonly group?: string | number;
}

/** Options of {@link fgt}. */
export interface FgtOptions {
  /** α ≥ 0: 0 headcount, 1 poverty gap, 2 severity; any non-negative value. */
  readonly alpha: ExactInput;
  /** The poverty line per head, one value or one per area (`{ rural: 1_500_000n, urban: 2_000_000n }`). */
  readonly line: ExactInput | Readonly<Record<string, ExactInput>>;
  /** Whether `income` is already per head, or the unit's total to be divided by `members`. */
  readonly income: 'per-head' | 'unit-total';
  /** Count units or members (members weighted by `members`). */
  readonly countBy: AnalysisUnit;
}

/**
 * Significant digits of an FGT value for a non-integer α.
 * @example
 * const units = [{ income: 1_200_000, area: 'rural' }, { income: 2_500_000, area: 'rural' }];
 * const r = fgt(units, { alpha: '0.5', line: { rural: 1_500_000n, urban: 2_000_000n }, income: 'per-head', countBy: 'units' });
 * r.value.precision() //=> 40
 * r.exact //=> null
 */
export const FGT_DECIMAL_DIGITS = 40;

/** The value of FGT(α) for one population. */
export interface FgtValue {
  /** Units counted. */
  readonly units: number;
  /** Weighted population. */
  readonly population: Fraction;
  /** Weighted number of poor (income per head < line). */
  readonly poorPopulation: Fraction;
  /** The exact value when α is a whole number; null otherwise (the value is then irrational in general). */
  readonly exact: Fraction | null;
  /**
   * The value as a Decimal: the exact fraction converted (terminating, or 40 significant
   * digits) for whole α; for other α each term ((z − y)/z)^α is computed with 60 significant
   * digits (decimal.js `pow`), summed with 60 digits and rounded half-even to
   * {@link FGT_DECIMAL_DIGITS} significant digits.
   */
  readonly value: Decimal;
}

/** One subgroup of the FGT decomposition. */
export interface FgtSubgroup {
  readonly group: string;
  readonly populationShare: Fraction;
  readonly measure: FgtValue;
  /** populationShare × P_α(group): these sum to the total (exactly for whole α). */
  readonly contribution: Decimal;
  /** The exact contribution for whole α, else null. */
  readonly exactContribution: Fraction | null;
}

/** The result of {@link fgt}. */
export interface FgtResult extends FgtValue {
  readonly alpha: Fraction;
  readonly income: 'per-head' | 'unit-total';
  readonly countBy: AnalysisUnit;
  /** Decomposition by `group`, in order of first appearance; null when no unit has a group. */
  readonly subgroups: ReadonlyArray<FgtSubgroup> | null;
}

const alphaSchema = z.object({ alpha: exactInputSchema });

interface Accumulator {
  units: number;
  exact: { num: bigint; den: bigint };
  decimal: Decimal;
}

function addTo(acc: { num: bigint; den: bigint }, f: Fraction): void {
  const num = acc.num * f.den + f.num * acc.den;
  const den = acc.den * f.den;
  const g = gcdBig(num, den) || 1n;
  acc.num = num / g;
  acc.den = den / g;
}

function powFraction(f: Fraction, e: bigint): Fraction {
  return fraction(f.num ** e, f.den ** e);
}

/**
 * The Foster–Greer–Thorbecke measure P_α = (1/n) Σ_{y_i < z} ((z − y_i)/z)^α of income per head
 * against a line that may differ by area, with sampling weights and a subgroup decomposition.
 * A unit exactly at the line is not poor (y < z is strict). Incomes are compared without
 * dividing: a unit total `Y` with `m` members is poor when `Y < z × m`.
 *
 * @returns frozen {@link FgtResult}: exact for whole α, a Decimal of 40 significant digits otherwise.
 * @throws VnPovertyError `invalid-alpha` (α < 0), `non-positive-line`, `unknown-area`, `negative-income`,
 *   `negative-sampling-weight`, `invalid-members`, `missing-group`, `empty-population`.
 * @see Foster, Greer & Thorbecke (1984), Econometrica 52(3): 761–766; measures-conventions.md §8.
 * @example
 * fgt([{ income: 500, area: 'rural' }, { income: 1500, area: 'rural' }, { income: 1000, area: 'urban' }],
 *     { alpha: 1, line: { rural: 1000, urban: 2000 }, income: 'per-head', countBy: 'units' }).exact
 * //=> { num: 1n, den: 3n }   ((0.5 + 0 + 0.5) / 3)
 */
export function fgt(units: ReadonlyArray<FgtUnit>, options: FgtOptions): FgtResult {
  assertOptions(options, 'fgt', true);
  const { alpha: alphaInput } = parseInput(alphaSchema, { alpha: options?.alpha }, MEASURE_RULES.fgt);
  const alpha = toFraction(alphaInput, ['alpha']);
  if (alpha.num < 0n) fail({ code: 'invalid-alpha', path: ['alpha'], value: alphaInput, expected: 'α ≥ 0', rule: MEASURE_RULES.fgt });
  const list = incomeUnits(units, options, MEASURE_RULES.fgt);

  const whole = alpha.den === 1n;
  const alphaDecimal = fractionToDecimal(alpha);
  const total: Accumulator = { units: 0, exact: { num: 0n, den: 1n }, decimal: new Decimal(0) };
  const groups = new Map<string, Accumulator>();
  const popAcc = { num: 0n, den: 1n };
  const poorAcc = { num: 0n, den: 1n };
  const groupPop = new Map<string, { pop: { num: bigint; den: bigint }; poor: { num: bigint; den: bigint } }>();

  for (const u of list) {
    const { y, z: line, w, group: label } = u;
    const poor = compareFractions(y, line) < 0;
    const targets = label === null ? [total] : [total, groupAcc(groups, label)];
    addTo(popAcc, w);
    if (poor) addTo(poorAcc, w);
    if (label !== null) {
      let gp = groupPop.get(label);
      if (gp === undefined) {
        gp = { pop: { num: 0n, den: 1n }, poor: { num: 0n, den: 1n } };
        groupPop.set(label, gp);
      }
      addTo(gp.pop, w);
      if (poor) addTo(gp.poor, w);
    }
    for (const t of targets) t.units++;
    if (!poor) continue;
    const gap = divideFractions(subtractFractions(line, y), line);
    if (whole) {
      const term = multiplyFractions(w, powFraction(gap, alpha.num));
      for (const t of targets) addTo(t.exact, term);
    } else {
      const g = new Decimal(gap.num.toString()).div(gap.den.toString()).pow(alphaDecimal);
      const term = g.times(new Decimal(w.num.toString()).div(w.den.toString()));
      for (const t of targets) t.decimal = t.decimal.plus(term);
    }
  }

  const value = (acc: Accumulator, pop: Fraction, poorPop: Fraction, path: ReadonlyArray<string | number>): FgtValue => {
    if (pop.num === 0n) {
      throw new VnPovertyError([issue({ code: 'empty-population', path, value: acc.units, expected: 'at least one unit with a positive weight', rule: MEASURE_RULES.population })]);
    }
    if (whole) {
      const exact = divideFractions(fraction(acc.exact.num, acc.exact.den), pop);
      return { units: acc.units, population: pop, poorPopulation: poorPop, exact, value: fractionToDecimal(exact) };
    }
    const v = acc.decimal.div(new Decimal(pop.num.toString()).div(pop.den.toString())).toSignificantDigits(FGT_DECIMAL_DIGITS, Decimal.ROUND_HALF_EVEN);
    return { units: acc.units, population: pop, poorPopulation: poorPop, exact: null, value: v };
  };
  const totalPop = fraction(popAcc.num, popAcc.den);
  const totalValue = value(total, totalPop, fraction(poorAcc.num, poorAcc.den), []);
  const subgroups =
    groups.size === 0
      ? null
      : [...groups].map(([label, acc]) => {
          const gp = groupPop.get(label) ?? { pop: { num: 0n, den: 1n }, poor: { num: 0n, den: 1n } };
          const pop = fraction(gp.pop.num, gp.pop.den);
          const measure = value(acc, pop, fraction(gp.poor.num, gp.poor.den), ['groups', label]);
          const populationShare = divideFractions(pop, totalPop);
          const exactContribution = measure.exact === null ? null : multiplyFractions(populationShare, measure.exact);
          const contribution =
            exactContribution === null
              ? acc.decimal.div(new Decimal(totalPop.num.toString()).div(totalPop.den.toString())).toSignificantDigits(FGT_DECIMAL_DIGITS, Decimal.ROUND_HALF_EVEN)
              : fractionToDecimal(exactContribution);
          return { group: label, populationShare, measure, contribution, exactContribution };
        });
  return deepFreeze({ ...totalValue, alpha, income: options.income, countBy: options.countBy, subgroups });
}

function groupAcc(groups: Map<string, Accumulator>, label: string): Accumulator {
  let acc = groups.get(label);
  if (acc === undefined) {
    acc = { units: 0, exact: { num: 0n, den: 1n }, decimal: new Decimal(0) };
    groups.set(label, acc);
  }
  return acc;
}
