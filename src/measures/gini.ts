/**
 * The Gini coefficient in its population form, exact, with sampling weights and subgroups.
 */
import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, issue, parseInput } from '../errors/VnPovertyError.js';
import { compareFractions, divideFractions, fraction, multiplyFractions, subtractFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { fractionSum } from './_incomeUnits.js';
import { issueList } from './_issueList.js';
import { DESIGN_RULES, MEASURE_RULES, exactInputSchema } from './_measureRules.js';

/** One observation of a distribution: a value ≥ 0, an optional weight ≥ 0 and an optional group. */
export interface DistributionValue {
  readonly value: ExactInput;
  readonly weight?: ExactInput;
  readonly group?: string | number;
}

/** A weighted value after checking (internal). */
export interface WeightedValue {
  readonly x: Fraction;
  readonly w: Fraction;
}

/** The Gini coefficient of one population. */
export interface GiniValue {
  readonly units: number;
  readonly population: Fraction;
  /** Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ), exact. */
  readonly gini: Fraction;
}

/** The result of {@link gini}: the total and, when values carry groups, each group's own Gini. */
export interface GiniResult extends GiniValue {
  readonly subgroups: ReadonlyArray<GiniValue & { readonly group: string }> | null;
}

const schema = z.array(z.object({ value: exactInputSchema, weight: exactInputSchema.optional(), group: z.union([z.string(), z.number()]).optional() }));

/** Checks a distribution: values and weights ≥ 0, groups on every value or none, a positive total weight. */
export function distributionValues(values: ReadonlyArray<DistributionValue>): Array<WeightedValue & { readonly group: string | null }> {
  const rule = DESIGN_RULES.income;
  const list = parseInput(schema, values, rule);
  const problems = issueList();
  if (list.length === 0) problems.add(issue({ code: 'empty-population', path: [], value: [], expected: 'at least one value', rule: MEASURE_RULES.population }));
  const labelled = list.filter((v) => v.group !== undefined).length;
  if (labelled > 0 && labelled < list.length) problems.add(issue({ code: 'missing-group', path: [list.findIndex((v) => v.group === undefined), 'group'], value: undefined, expected: 'a group for every value, or for none', rule }));
  const out = list.map((v, i) => {
    const x = toFraction(v.value, [i, 'value']);
    const w = v.weight === undefined ? fraction(1n) : toFraction(v.weight, [i, 'weight']);
    if (x.num < 0n) problems.add(issue({ code: 'negative-income', path: [i, 'value'], value: v.value, expected: 'a value ≥ 0 (the Gini of a distribution with negative values is not bounded by 1; censor them at 0 first)', rule }));
    if (w.num < 0n) problems.add(issue({ code: 'negative-sampling-weight', path: [i, 'weight'], value: v.weight, expected: 'a weight ≥ 0', rule: MEASURE_RULES.sampleWeights }));
    return { x, w, group: v.group === undefined ? null : String(v.group) };
  });
  problems.throwIfAny();
  return out;
}

/**
 * The exact weighted Gini of checked values: with values sorted ascending and L_i, R_i the weight
 * strictly before and after value i, Σ_i Σ_j w_i w_j |x_i − x_j| = 2 Σ_i w_i x_i (L_i − R_i)
 * (ties in any order give the same sum), so G = Σ_i w_i x_i (L_i − R_i) / (W · Σ_i w_i x_i).
 * Null when the total Σ w x is 0 (every value 0: the Gini is undefined).
 */
export function weightedGini(values: ReadonlyArray<WeightedValue>): Fraction | null {
  const sorted = [...values].sort((a, b) => compareFractions(a.x, b.x));
  const W = fractionSum();
  for (const v of sorted) W.add(v.w);
  const total = W.value;
  const before = fractionSum();
  const num = fractionSum();
  const mass = fractionSum();
  for (const v of sorted) {
    const L = before.value;
    const R = subtractFractions(subtractFractions(total, L), v.w);
    const wx = multiplyFractions(v.w, v.x);
    num.add(multiplyFractions(wx, subtractFractions(L, R)));
    mass.add(wx);
    before.add(v.w);
  }
  const m = mass.value;
  if (m.num === 0n || total.num === 0n) return null;
  return divideFractions(num.value, multiplyFractions(total, m));
}

function giniOf(values: ReadonlyArray<WeightedValue>, path: ReadonlyArray<string | number>): GiniValue {
  const g = weightedGini(values);
  if (g === null) fail({ code: 'zero-total', path, value: 0, expected: 'a positive total (the Gini of a distribution whose values are all 0, or whose weights are all 0, is undefined)', rule: DESIGN_RULES.income });
  const W = fractionSum();
  for (const v of values) W.add(v.w);
  return { units: values.length, population: W.value, gini: g };
}

/**
 * The Gini coefficient in the population form Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ) (weights as
 * frequencies; no n/(n − 1) factor), exactly: the Gini of (0, …, 0, 100) with n = 100 is 99/100.
 * Values must be ≥ 0; a distribution whose total is 0 has no Gini (`zero-total`).
 *
 * @throws VnPovertyError `negative-income`, `negative-sampling-weight`, `missing-group`, `empty-population`, `zero-total`.
 * @see Haughton & Khandker (2009), Handbook on Poverty and Inequality, World Bank, §6.1 (Gini coefficient).
 * @example
 * gini([8, 5, 1, 3, 5, 6, 7, 6, 3].map((value) => ({ value }))).gini //=> { num: 47n, den: 198n }
 */
export function gini(values: ReadonlyArray<DistributionValue>): GiniResult {
  const list = distributionValues(values);
  const total = giniOf(list, []);
  const groups = new Map<string, WeightedValue[]>();
  for (const v of list) if (v.group !== null) groups.set(v.group, [...(groups.get(v.group) ?? []), v]);
  const subgroups = groups.size === 0 ? null : [...groups].map(([group, vs]) => ({ group, ...giniOf(vs, ['groups', group]) }));
  return deepFreeze({ ...total, subgroups });
}

/** One point of a Lorenz curve: the poorest `populationShare` of the population hold `incomeShare` of the total. */
export interface LorenzPoint {
  readonly populationShare: Fraction;
  readonly incomeShare: Fraction;
}

/**
 * The Lorenz curve: exact points from (0, 0) to (1, 1), one after each distinct value (values
 * sorted ascending, ties merged), with weights as frequencies. By group when the values carry groups.
 *
 * @throws VnPovertyError as {@link gini}.
 * @see Haughton & Khandker (2009), Handbook on Poverty and Inequality, World Bank, §6.1 (Lorenz curve).
 * @example
 * lorenzCurve([{ value: 1 }, { value: 3 }]).points.map((p) => [p.populationShare, p.incomeShare])
 * //=> [[{ num: 0n, den: 1n }, { num: 0n, den: 1n }], [{ num: 1n, den: 2n }, { num: 1n, den: 4n }], [{ num: 1n, den: 1n }, { num: 1n, den: 1n }]]
 */
export function lorenzCurve(values: ReadonlyArray<DistributionValue>): { readonly points: ReadonlyArray<LorenzPoint>; readonly subgroups: ReadonlyArray<{ readonly group: string; readonly points: ReadonlyArray<LorenzPoint> }> | null } {
  const list = distributionValues(values);
  const groups = new Map<string, WeightedValue[]>();
  for (const v of list) if (v.group !== null) groups.set(v.group, [...(groups.get(v.group) ?? []), v]);
  return deepFreeze({
    points: lorenzPoints(list, []),
    subgroups: groups.size === 0 ? null : [...groups].map(([group, vs]) => ({ group, points: lorenzPoints(vs, ['groups', group]) })),
  });
}

function lorenzPoints(values: ReadonlyArray<WeightedValue>, path: ReadonlyArray<string | number>): LorenzPoint[] {
  const sorted = [...values].sort((a, b) => compareFractions(a.x, b.x));
  const W = fractionSum();
  const T = fractionSum();
  for (const v of sorted) {
    W.add(v.w);
    T.add(multiplyFractions(v.w, v.x));
  }
  const total = W.value;
  const mass = T.value;
  if (total.num === 0n || mass.num === 0n) fail({ code: 'zero-total', path, value: 0, expected: 'a positive total (no Lorenz curve for a distribution whose values or weights are all 0)', rule: DESIGN_RULES.income });
  const points: LorenzPoint[] = [{ populationShare: fraction(0n), incomeShare: fraction(0n) }];
  const w = fractionSum();
  const t = fractionSum();
  sorted.forEach((v, i) => {
    w.add(v.w);
    t.add(multiplyFractions(v.w, v.x));
    const next = sorted[i + 1];
    if (next !== undefined && compareFractions(next.x, v.x) === 0) return;
    points.push({ populationShare: divideFractions(w.value, total), incomeShare: divideFractions(t.value, mass) });
  });
  return points;
}
