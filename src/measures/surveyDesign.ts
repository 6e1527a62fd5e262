/**
 * The sampling design of a survey: strata, primary sampling units (clusters), sampling weights
 * and an optional finite-population correction, checked once, for design-based standard errors.
 */
import { deepFreeze } from '../_internal/_freeze.js';
import { issue } from '../errors/VnPovertyError.js';
import { fraction, subtractFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { issueList } from './_issueList.js';
import { DESIGN_RULES, lcmBig } from './_measureRules.js';
import type { IntegerColumn } from './afData.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * What to do with a stratum that has a single PSU (no within-stratum variance can be estimated).
 * The names and meanings are those of R `survey`'s `options(survey.lonely.psu = …)`:
 * - `'fail'` (the default, as in `survey`): an error naming the strata;
 * - `'remove'`, `'certainty'`: the stratum contributes nothing to the variance;
 * - `'adjust'`: the stratum's PSU total is centred at the overall mean (zero for the linearised
 *   totals) instead of its stratum mean;
 * - `'average'`: the stratum gets the average contribution of the strata with 2 or more PSUs.
 */
export type LonelyPsuPolicy = 'fail' | 'remove' | 'certainty' | 'adjust' | 'average';

/** A design column: one value per unit, as labels (strings or numbers) or a typed array of codes. */
export type DesignColumn = ReadonlyArray<string | number> | IntegerColumn;

/** The design as columns, one value per unit (the rows of the data, in the same order). */
export interface SurveyDesignInput {
  /** Stratum of each unit; all in one stratum when absent. */
  readonly strata?: DesignColumn;
  /** Primary sampling unit (cluster) of each unit; each unit is its own PSU when absent. */
  readonly psus?: DesignColumn;
  /**
   * Sampling weight of each unit (≥ 0), exact: decimal strings, bigints, fractions, or a typed
   * array of whole numbers over {@link SurveyDesignInput.weightScale}; all 1 when absent.
   */
  readonly weights?: ReadonlyArray<ExactInput> | IntegerColumn;
  /** Common denominator of typed-array weights: unit i weighs `weights[i] / weightScale` (default 1). */
  readonly weightScale?: bigint | number;
  /**
   * Finite-population correction, as R `survey` reads `fpc`: per unit, the number of PSUs in its
   * stratum's population (a value > 1), or the stratum's sampling fraction (a value in (0, 1]);
   * constant within a stratum. No correction when absent (sampling with replacement).
   */
  readonly fpc?: ReadonlyArray<ExactInput> | IntegerColumn;
  /** The number of units, needed only when no column is given. */
  readonly units?: number;
}

/** Options of {@link surveyDesign}. */
export interface SurveyDesignOptions {
  /** Single-PSU strata: `'fail'` (default, as R `survey`), `'remove'`, `'certainty'`, `'adjust'` or `'average'`. */
  readonly lonelyPsu?: LonelyPsuPolicy;
  /**
   * PSU labels are relative to their stratum (R `survey`'s `nest = TRUE`): PSU 1 of stratum A and
   * PSU 1 of stratum B are different PSUs. Default false: a PSU label found in two strata is an error.
   */
  readonly nest?: boolean;
}

/** A checked survey design. Its typed arrays are shared, not copied: treat them as read-only. */
export interface SurveyDesign {
  readonly kind: 'survey-design';
  readonly units: number;
  /** PSU index (0 … psuCount − 1, in order of first appearance) of each unit. */
  readonly psuOfUnit: Int32Array;
  /** Stratum index of each PSU. */
  readonly stratumOfPsu: Int32Array;
  readonly psuCount: number;
  readonly strataCount: number;
  /** Number of sampled PSUs n_h of each stratum. */
  readonly psusPerStratum: ReadonlyArray<number>;
  /** Label of each stratum (in order of first appearance). */
  readonly strata: ReadonlyArray<string>;
  /** Label of each PSU. */
  readonly psuLabels: ReadonlyArray<string>;
  /** Whole-number weight numerators (null: every unit weighs 1); unit i weighs `weightNumerators[i] / weightScale`. */
  readonly weightNumerators: Float64Array | null;
  readonly weightScale: bigint;
  /** 1 − f_h per stratum (the finite-population correction), or null without correction. */
  readonly fpcFactors: ReadonlyArray<Fraction> | null;
  readonly lonelyPsu: LonelyPsuPolicy;
  /** Labels of the strata with a single PSU (handled by `lonelyPsu`). */
  readonly lonelyStrata: ReadonlyArray<string>;
  /** Degrees of freedom for intervals: PSUs − strata, as R `survey::degf`. */
  readonly degreesOfFreedom: number;
}

const POLICIES: ReadonlyArray<LonelyPsuPolicy> = ['fail', 'remove', 'certainty', 'adjust', 'average'];
const INTEGER_ARRAYS = [Float64Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array];
const isTyped = (v: unknown): v is IntegerColumn => INTEGER_ARRAYS.some((T) => v instanceof T);

/**
 * Checks a survey design given as columns and numbers its strata and PSUs.
 *
 * Every PSU must lie in one stratum (unless `nest`); a stratum with one PSU follows `lonelyPsu`
 * (an error by default, as R `survey` does); the finite-population correction must be constant
 * within a stratum and at least the stratum's sampled PSUs. Weights are kept exact (whole-number
 * numerators over a common scale).
 *
 * @throws VnPovertyError `length-mismatch`, `psu-in-two-strata` (naming the PSU and both strata),
 *   `lonely-psu` (naming the strata), `negative-sampling-weight`, `invalid-sampling-weight`,
 *   `invalid-fpc`, `fpc-not-constant`, `invalid-input`, `empty-population`.
 * @see Lumley, T. (2010), Complex Surveys: A Guide to Analysis Using R, Wiley, ch. 2–3; R package `survey`, `svydesign`.
 * @example
 * const d = surveyDesign({ strata: ['A', 'A', 'B', 'B'], psus: [1, 2, 3, 4], weights: ['1.5', '1.5', 2, 2] });
 * [d.psuCount, d.strataCount, d.degreesOfFreedom] //=> [4, 2, 2]
 */
export function surveyDesign(input: SurveyDesignInput, options: SurveyDesignOptions = {}): SurveyDesign {
  assertOptions(options, 'surveyDesign');
  const problems = issueList();
  const rule = DESIGN_RULES.design;
  const lonelyPsu = options.lonelyPsu ?? 'fail';
  if (!POLICIES.includes(lonelyPsu)) problems.add(issue({ code: 'invalid-input', path: ['lonelyPsu'], value: lonelyPsu, expected: `one of ${POLICIES.join(', ')}`, rule }));
  const columns = (['strata', 'psus', 'weights', 'fpc'] as const).filter((k) => input[k] !== undefined);
  for (const key of columns) {
    const col = input[key];
    if (!Array.isArray(col) && !isTyped(col)) problems.add(issue({ code: 'invalid-input', path: [key], value: typeof col, expected: 'an array or a typed array with one value per unit', rule }));
  }
  problems.throwIfAny();
  const n = columns.length > 0 ? (input[columns[0] as (typeof columns)[number]] as ArrayLike<unknown>).length : (input.units ?? 0);
  for (const key of columns) {
    const len = (input[key] as ArrayLike<unknown>).length;
    if (len !== n) problems.add(issue({ code: 'length-mismatch', path: [key], value: len, expected: `one value per unit (${n}), like ${columns[0]}`, rule }));
  }
  if (!Number.isSafeInteger(n) || n < 1) problems.add(issue({ code: 'empty-population', path: columns.length > 0 ? [columns[0] as string] : ['units'], value: n, expected: 'at least one unit', rule }));
  problems.throwIfAny();

  // Strata and PSUs, numbered in order of first appearance.
  const labelOf = (col: DesignColumn | undefined, i: number): string => (col === undefined ? '' : String(col[i]));
  const strataIndex = new Map<string, number>();
  const psuIndex = new Map<string, number>();
  const psuOfUnit = new Int32Array(n);
  const stratumOfPsuList: number[] = [];
  const psuLabels: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = labelOf(input.strata, i);
    let h = strataIndex.get(s);
    if (h === undefined) {
      h = strataIndex.size;
      strataIndex.set(s, h);
    }
    const label = input.psus === undefined ? String(i) : labelOf(input.psus, i);
    const key = options.nest === true ? `${s}\u0000${label}` : label;
    let c = psuIndex.get(key);
    if (c === undefined) {
      c = psuIndex.size;
      psuIndex.set(key, c);
      stratumOfPsuList.push(h);
      psuLabels.push(label);
    } else if (stratumOfPsuList[c] !== h) {
      const first = [...strataIndex.keys()][stratumOfPsuList[c] as number];
      problems.add(
        issue({
          code: 'psu-in-two-strata',
          path: ['psus', i],
          value: label,
          expected: `each PSU in one stratum: PSU ${JSON.stringify(label)} is in stratum ${JSON.stringify(first)} and in stratum ${JSON.stringify(s)} (give nest: true if PSU labels restart in each stratum)`,
          rule,
        }),
      );
    }
    psuOfUnit[i] = c;
  }
  problems.throwIfAny();
  const strata = [...strataIndex.keys()];
  const stratumOfPsu = Int32Array.from(stratumOfPsuList);
  const psusPerStratum = new Array<number>(strata.length).fill(0);
  for (const h of stratumOfPsu) psusPerStratum[h] = (psusPerStratum[h] ?? 0) + 1;
  const lonelyStrata = strata.filter((_, h) => psusPerStratum[h] === 1);
  if (lonelyPsu === 'fail' && lonelyStrata.length > 0) {
    problems.add(
      issue({
        code: 'lonely-psu',
        path: ['strata'],
        value: lonelyStrata.slice(0, 10),
        expected: `at least 2 PSUs in every stratum: ${lonelyStrata.length} stratum(s) have one (${lonelyStrata.slice(0, 10).map((s) => JSON.stringify(s)).join(', ')}${lonelyStrata.length > 10 ? ', …' : ''}); choose lonelyPsu 'remove', 'certainty', 'adjust' or 'average' as in R survey's survey.lonely.psu`,
        rule: DESIGN_RULES.lonelyPsu,
      }),
    );
  }

  const { numerators, scale } = designWeights(input, n, problems);
  const fpcFactors = input.fpc === undefined ? null : fpcOf(input.fpc, psuOfUnit, stratumOfPsu, psusPerStratum, strata, problems);
  problems.throwIfAny();
  return deepFreeze({
    kind: 'survey-design',
    units: n,
    psuOfUnit,
    stratumOfPsu,
    psuCount: psuLabels.length,
    strataCount: strata.length,
    psusPerStratum,
    strata,
    psuLabels,
    weightNumerators: numerators,
    weightScale: scale,
    fpcFactors,
    lonelyPsu,
    lonelyStrata,
    degreesOfFreedom: psuLabels.length - strata.length,
  });
}

function designWeights(input: SurveyDesignInput, n: number, problems: ReturnType<typeof issueList>): { numerators: Float64Array | null; scale: bigint } {
  const rule = DESIGN_RULES.weights;
  const w = input.weights;
  if (w === undefined) return { numerators: null, scale: 1n };
  if (isTyped(w)) {
    const s = input.weightScale ?? 1;
    const scale = typeof s === 'bigint' ? s : Number.isSafeInteger(s) ? BigInt(s) : 0n;
    if (scale < 1n) problems.add(issue({ code: 'invalid-sampling-weight', path: ['weightScale'], value: String(s), expected: 'a whole number ≥ 1', rule }));
    const numerators = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = w[i] as number;
      if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Math.floor(v) === v)) {
        problems.add(issue({ code: v < 0 ? 'negative-sampling-weight' : 'invalid-sampling-weight', path: ['weights', i], value: v, expected: 'a whole number ≥ 0 below 2^53 (the numerator over weightScale)', rule }));
      }
      numerators[i] = v;
    }
    return { numerators, scale: scale < 1n ? 1n : scale };
  }
  const fractions: Fraction[] = [];
  for (let i = 0; i < n; i++) {
    let f: Fraction;
    try {
      f = toFraction(w[i] as ExactInput, ['weights', i]);
    } catch {
      problems.add(issue({ code: 'invalid-sampling-weight', path: ['weights', i], value: w[i], expected: 'an exact number ≥ 0 (decimal text, bigint, fraction)', rule }));
      f = fraction(0n);
    }
    if (f.num < 0n) problems.add(issue({ code: 'negative-sampling-weight', path: ['weights', i], value: w[i], expected: 'a sampling weight ≥ 0', rule }));
    fractions.push(f);
  }
  const scale = fractions.reduce((acc, f) => lcmBig(acc, f.den), 1n);
  const numerators = new Float64Array(n);
  fractions.forEach((f, i) => {
    const num = f.num * (scale / f.den);
    if (num > BigInt(Number.MAX_SAFE_INTEGER)) {
      problems.add(issue({ code: 'invalid-sampling-weight', path: ['weights', i], value: w[i], expected: `a weight whose numerator over the common denominator ${scale} is below 2^53 (fewer decimals)`, rule }));
    }
    numerators[i] = Number(num);
  });
  return { numerators, scale };
}

function fpcOf(
  fpc: ReadonlyArray<ExactInput> | IntegerColumn,
  psuOfUnit: Int32Array,
  stratumOfPsu: Int32Array,
  psusPerStratum: ReadonlyArray<number>,
  strata: ReadonlyArray<string>,
  problems: ReturnType<typeof issueList>,
): Fraction[] {
  const rule = DESIGN_RULES.fpc;
  const perStratum = new Array<Fraction | null>(strata.length).fill(null);
  for (let i = 0; i < psuOfUnit.length; i++) {
    const h = stratumOfPsu[psuOfUnit[i] as number] as number;
    let v: Fraction;
    try {
      v = toFraction(fpc[i] as ExactInput, ['fpc', i]);
    } catch {
      problems.add(issue({ code: 'invalid-fpc', path: ['fpc', i], value: fpc[i], expected: 'a number of population PSUs (> 1) or a sampling fraction in (0, 1]', rule }));
      continue;
    }
    const seen = perStratum[h] ?? null;
    if (seen === null) perStratum[h] = v;
    else if (seen.num !== v.num || seen.den !== v.den) {
      problems.add(issue({ code: 'fpc-not-constant', path: ['fpc', i], value: fpc[i], expected: `the same correction for every unit of stratum ${JSON.stringify(strata[h])}`, rule }));
    }
  }
  return perStratum.map((v, h) => {
    const nh = BigInt(psusPerStratum[h] ?? 0);
    if (v === null || v.num <= 0n) {
      problems.add(issue({ code: 'invalid-fpc', path: ['fpc'], value: v === null ? null : `${v.num}/${v.den}`, expected: `a positive correction for stratum ${JSON.stringify(strata[h])}`, rule }));
      return fraction(1n);
    }
    // ≤ 1: a sampling fraction f; > 1: the population's number of PSUs N_h (f = n_h / N_h).
    const f = v.num <= v.den ? v : fraction(nh * v.den, v.num);
    if (v.num > v.den && v.num < nh * v.den) {
      problems.add(issue({ code: 'invalid-fpc', path: ['fpc'], value: `${v.num}/${v.den}`, expected: `at least the ${nh} PSUs sampled in stratum ${JSON.stringify(strata[h])}`, rule }));
    }
    return subtractFractions(fraction(1n), f);
  });
}
