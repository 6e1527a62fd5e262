/**
 * Sen's poverty index (original form) and the Sen–Shorrocks–Thon index, exact.
 */
import { deepFreeze } from '../_internal/_freeze.js';
import { compareFractions, divideFractions, fraction, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { byGroup, fractionSum, incomeUnits, type IncomeOptions, type IncomeUnit } from './_incomeUnits.js';
import type { FgtUnit } from './fgt.js';
import { weightedGini } from './gini.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Sen's index of one population, with its parts. */
export interface SenValue {
  readonly units: number;
  readonly population: Fraction;
  /** q: the weighted number of poor. */
  readonly poorPopulation: Fraction;
  /** H = q / N. */
  readonly headcountRatio: Fraction;
  /** I = the mean normalised gap of the poor, 1 − mean(y/z) over the poor (0 when nobody is poor). */
  readonly incomeGapRatio: Fraction;
  /** G_p: the Gini (population form) of the poor's welfare ratios y/z; null when nobody is poor or all poor have 0. */
  readonly giniOfPoor: Fraction | null;
  /** S = H · [I + (1 − I) · G_p · q/(q + 1)], exact (0 when nobody is poor). */
  readonly value: Fraction;
}

/** The Sen–Shorrocks–Thon index of one population, with its parts. */
export interface SstValue {
  readonly units: number;
  readonly population: Fraction;
  readonly poorPopulation: Fraction;
  /** FGT(1), the poverty gap index: the mean normalised gap over the whole population. */
  readonly povertyGap: Fraction;
  /** The Gini (population form) of the normalised gaps max(0, 1 − y/z) of the whole population; null when nobody is poor. */
  readonly giniOfGaps: Fraction | null;
  /** SST = FGT(1) · (1 + G_gaps), exact (0 when nobody is poor). */
  readonly value: Fraction;
}

/** A result with its subgroups (by the units' `group`, in order of first appearance; null without groups). */
export type WithSubgroups<V> = V & { readonly subgroups: ReadonlyArray<V & { readonly group: string }> | null };

/** y/z, the welfare ratio of a unit (its income in multiples of its own line). */
function ratio(u: IncomeUnit): Fraction {
  return divideFractions(u.y, u.z);
}

function senOf(units: ReadonlyArray<IncomeUnit>): SenValue {
  const pop = fractionSum();
  const q = fractionSum();
  const ratios = fractionSum();
  const poor: Array<{ x: Fraction; w: Fraction }> = [];
  for (const u of units) {
    pop.add(u.w);
    if (compareFractions(u.y, u.z) >= 0) continue;
    q.add(u.w);
    const x = ratio(u);
    ratios.add(multiplyFractions(u.w, x));
    poor.push({ x, w: u.w });
  }
  const N = pop.value;
  const Q = q.value;
  const H = divideFractions(Q, N);
  if (Q.num === 0n) return { units: units.length, population: N, poorPopulation: Q, headcountRatio: H, incomeGapRatio: fraction(0n), giniOfPoor: null, value: fraction(0n) };
  const I = subtractFractions(fraction(1n), divideFractions(ratios.value, Q));
  const G = weightedGini(poor);
  const factor = divideFractions(Q, fraction(Q.num + Q.den, Q.den));
  // G_p is undefined only when every poor income is 0, and then 1 − I = 0 too.
  const value = multiplyFractions(H, addF(I, multiplyFractions(multiplyFractions(subtractFractions(fraction(1n), I), G ?? fraction(0n)), factor)));
  return { units: units.length, population: N, poorPopulation: Q, headcountRatio: H, incomeGapRatio: I, giniOfPoor: G, value };
}

function addF(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

function sstOf(units: ReadonlyArray<IncomeUnit>): SstValue {
  const pop = fractionSum();
  const q = fractionSum();
  const gaps = fractionSum();
  const all: Array<{ x: Fraction; w: Fraction }> = [];
  for (const u of units) {
    pop.add(u.w);
    const poor = compareFractions(u.y, u.z) < 0;
    const g = poor ? subtractFractions(fraction(1n), ratio(u)) : fraction(0n);
    if (poor) q.add(u.w);
    gaps.add(multiplyFractions(u.w, g));
    all.push({ x: g, w: u.w });
  }
  const N = pop.value;
  const P1 = divideFractions(gaps.value, N);
  const G = P1.num === 0n ? null : weightedGini(all);
  return { units: units.length, population: N, poorPopulation: q.value, povertyGap: P1, giniOfGaps: G, value: G === null ? fraction(0n) : multiplyFractions(P1, addF(fraction(1n), G)) };
}

/**
 * Sen's poverty index in Sen's original form, S = H · [I + (1 − I) · G_p · q/(q + 1)], as Stata's
 * `poverty` computes it: H the headcount ratio, I the income-gap ratio of the poor, G_p the Gini of
 * the poor's incomes (population form) and q the (weighted) number of poor. With lines that differ
 * by area, incomes are taken as welfare ratios y/z (line 1). Exact; 0 when nobody is poor.
 * Without the q/(q + 1) factor (the large-population limit) the value differs.
 *
 * @throws VnPovertyError as {@link fgt} (`negative-income`, `unknown-area`, `invalid-members`…).
 * @see Sen (1976), “Poverty: an ordinal approach to measurement”, Econometrica 44(2): 219–231; measures-conventions.md §9.
 * @example
 * senIndex(Array.from({ length: 100 }, (_, i) => ({ income: i + 1 })), { line: '25.25', income: 'per-head', countBy: 'units' }).value
 * //=> { num: 65n, den: 404n }
 */
export function senIndex(units: ReadonlyArray<FgtUnit>, options: IncomeOptions): WithSubgroups<SenValue> {
  assertOptions(options, 'senIndex', true);
  const list = incomeUnits(units, options);
  const groups = byGroup(list);
  return deepFreeze({ ...senOf(list), subgroups: groups === null ? null : groups.map(([group, us]) => ({ group, ...senOf(us) })) });
}

/**
 * The Sen–Shorrocks–Thon index SST = FGT(1) · (1 + G_gaps): the poverty gap index times one plus
 * the Gini of the normalised gaps max(0, 1 − y/z) over the whole population (Shorrocks 1995). Exact;
 * 0 when nobody is poor.
 *
 * @throws VnPovertyError as {@link senIndex}.
 * @see Shorrocks (1995), “Revisiting the Sen poverty index”, Econometrica 63(5): 1225–1230; Osberg & Xu (2000).
 * @example
 * sstIndex([{ income: 50 }, { income: 100 }], { line: 100, income: 'per-head', countBy: 'units' }).value
 * //=> { num: 3n, den: 8n }   (FGT(1) = 1/4, Gini of gaps (1/2, 0) = 1/2)
 */
export function sstIndex(units: ReadonlyArray<FgtUnit>, options: IncomeOptions): WithSubgroups<SstValue> {
  assertOptions(options, 'sstIndex', true);
  const list = incomeUnits(units, options);
  const groups = byGroup(list);
  return deepFreeze({ ...sstOf(list), subgroups: groups === null ? null : groups.map(([group, us]) => ({ group, ...sstOf(us) })) });
}
