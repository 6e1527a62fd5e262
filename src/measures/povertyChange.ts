import * as z from 'zod';
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { divideFractions, fraction, subtractFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { MEASURE_RULES, exactInputSchema } from './_measureRules.js';
import type { AfMeasures } from './alkireFoster.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link povertyChange}: the time between the two measurements, in years (> 0). */
export interface PovertyChangeOptions {
  readonly years: ExactInput;
}

/**
 * Decimal places of {@link PovertyChange.annualisedRelative}.
 * @example
 * const change = povertyChange(fraction(113n, 16194n), fraction(105n, 16194n), { years: 1 });
 * change.annualisedRelative.decimalPlaces() //=> 40
 * change.annualisedRelative.toFixed(4) //=> '-0.0708' (seed 001: 113 → 105 poor urban households in 2024)
 */
export const ANNUALISED_RELATIVE_DECIMALS = 40;

/** Changes of one measure between two periods. */
export interface PovertyChange {
  readonly before: Fraction;
  readonly after: Fraction;
  readonly years: Fraction;
  /** after − before (exact). */
  readonly absolute: Fraction;
  /** (after − before) / before (exact). */
  readonly relative: Fraction;
  /** (after − before) / years (exact). */
  readonly annualisedAbsolute: Fraction;
  /**
   * (after / before)^(1/years) − 1, a root and so generally irrational: computed with
   * 60 significant digits (decimal.js `ln` and `exp`, each correctly rounded), then rounded
   * half-even to {@link ANNUALISED_RELATIVE_DECIMALS} decimal places. Exact when after = 0 (−1)
   * or years = 1.
   */
  readonly annualisedRelative: Decimal;
}

const schema = z.object({ years: exactInputSchema });

/**
 * Absolute, relative and annualised changes of a poverty measure between two periods.
 *
 * @param before - the earlier value (M0, H, a headcount ratio…), ≥ 0.
 * @param after - the later value, ≥ 0.
 * @throws VnPovertyError `zero-base` when `before` is 0 (a relative change from zero is undefined, never Infinity);
 *   `non-positive-years` when years ≤ 0; `negative-measure` for a negative value.
 * @see measures-conventions.md §7; Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, ch. 9.
 * @example
 * povertyChange(fraction(1n, 4n), fraction(1n, 16n), { years: 2 }).annualisedRelative.toString() //=> '-0.5'
 */
export function povertyChange(before: ExactInput, after: ExactInput, options: PovertyChangeOptions): PovertyChange {
  assertOptions(options, 'povertyChange', true);
  const { years: y } = parseInput(schema, options, MEASURE_RULES.change);
  const b = toFraction(before, ['before']);
  const a = toFraction(after, ['after']);
  const years = toFraction(y, ['years']);
  if (b.num < 0n) fail({ code: 'negative-measure', path: ['before'], value: before, expected: 'a measure ≥ 0', rule: MEASURE_RULES.change });
  if (a.num < 0n) fail({ code: 'negative-measure', path: ['after'], value: after, expected: 'a measure ≥ 0', rule: MEASURE_RULES.change });
  if (years.num <= 0n) fail({ code: 'non-positive-years', path: ['years'], value: y, expected: 'a number of years greater than 0', rule: MEASURE_RULES.change });
  if (b.num === 0n) fail({ code: 'zero-base', path: ['before'], value: before, expected: 'a positive base for a relative change', rule: MEASURE_RULES.change });
  const absolute = subtractFractions(a, b);
  return deepFreeze({
    before: b,
    after: a,
    years,
    absolute,
    relative: divideFractions(absolute, b),
    annualisedAbsolute: divideFractions(absolute, years),
    annualisedRelative: annualisedRate(divideFractions(a, b), years),
  });
}

function annualisedRate(ratio: Fraction, years: Fraction): Decimal {
  if (ratio.num === 0n) return new Decimal(-1);
  if (years.num === 1n && years.den === 1n) {
    return new Decimal((ratio.num - ratio.den).toString()).div(ratio.den.toString()).toDecimalPlaces(ANNUALISED_RELATIVE_DECIMALS, Decimal.ROUND_HALF_EVEN);
  }
  const r = new Decimal(ratio.num.toString()).div(ratio.den.toString());
  const root = r.ln().times(years.den.toString()).div(years.num.toString()).exp();
  return root.minus(1).toDecimalPlaces(ANNUALISED_RELATIVE_DECIMALS, Decimal.ROUND_HALF_EVEN);
}

/** Options of {@link alkireFosterChange}. */
export type AlkireFosterChangeOptions = PovertyChangeOptions;

/** Changes of H, A and M0 and of every censored headcount ratio between two AF results. */
export interface AlkireFosterChange {
  readonly years: Fraction;
  readonly m0: PovertyChange | null;
  readonly headcountRatio: PovertyChange | null;
  readonly intensity: PovertyChange | null;
  /** Per indicator id present in both results; null where the base is 0 (relative change undefined). */
  readonly censoredHeadcountRatios: ReadonlyArray<{ readonly id: string; readonly change: PovertyChange | null }>;
}

/**
 * Changes between two Alkire–Foster results (same indicators, same k). Where a base value
 * is 0 the relative change is undefined and that entry is null (not Infinity).
 *
 * @throws VnPovertyError `non-positive-years`; `incomparable-results` when the cutoffs differ.
 * @see Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, ch. 9.
 * @example
 * alkireFosterChange(result2016, result2020, { years: 4 }).m0?.absolute //=> M0₂₀₂₀ − M0₂₀₁₆
 */
export function alkireFosterChange(before: AfMeasures, after: AfMeasures, options: AlkireFosterChangeOptions): AlkireFosterChange {
  assertOptions(options, 'alkireFosterChange', true);
  const { years: y } = parseInput(schema, options, MEASURE_RULES.change);
  const years = toFraction(y, ['years']);
  if (years.num <= 0n) fail({ code: 'non-positive-years', path: ['years'], value: y, expected: 'a number of years greater than 0', rule: MEASURE_RULES.change });
  if (before.cutoff.k.num * after.cutoff.k.den !== after.cutoff.k.num * before.cutoff.k.den || before.countBy !== after.countBy) {
    fail({ code: 'incomparable-results', path: ['after', 'cutoff'], value: `${after.cutoff.k.num}/${after.cutoff.k.den}`, expected: 'two results with the same cutoff k and count basis', rule: MEASURE_RULES.change });
  }
  const change = (b: Fraction | null, a: Fraction | null): PovertyChange | null =>
    b === null || a === null || b.num === 0n ? null : povertyChange(b, a, { years });
  const afterById = new Map(after.indicators.map((i) => [i.id, i]));
  return deepFreeze({
    years,
    m0: change(before.m0, after.m0),
    headcountRatio: change(before.headcountRatio, after.headcountRatio),
    intensity: change(before.intensity, after.intensity),
    censoredHeadcountRatios: before.indicators
      .filter((i) => afterById.has(i.id))
      .map((i) => ({ id: i.id, change: change(i.censoredHeadcountRatio, afterById.get(i.id)?.censoredHeadcountRatio ?? fraction(0n)) })),
  });
}
