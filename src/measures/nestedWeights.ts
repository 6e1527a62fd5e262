import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { VnPovertyError, issue, parseInput, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { compareFractions, fraction, sumFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { MEASURE_RULES, exactInputSchema, idSchema, lcmBig } from './_measureRules.js';

/** One indicator of a dimension, with its (absolute) weight in the whole index. */
export interface IndicatorWeightInput {
  readonly id: string;
  /** The indicator's share of the whole index (not of its dimension), e.g. 1/18. */
  readonly weight: ExactInput;
}

/** One dimension: its weight, split among its indicators. */
export interface DimensionWeightInput {
  readonly id: string;
  readonly weight: ExactInput;
  readonly indicators: ReadonlyArray<IndicatorWeightInput>;
}

/** Nested weights as given by a caller: dimensions in order, each with its indicators in order. */
export type NestedWeightsInput = ReadonlyArray<DimensionWeightInput>;

/** One indicator after checking: its dimension and exact weight. */
export interface CheckedIndicatorWeight {
  readonly id: string;
  readonly dimension: string;
  readonly weight: Fraction;
}

/** One dimension after checking. */
export interface CheckedDimensionWeight {
  readonly id: string;
  readonly weight: Fraction;
  /** Ids of its indicators, in order. */
  readonly indicators: ReadonlyArray<string>;
}

/**
 * Checked nested weights. `indicators` is the flat list in column order: column j of a
 * deprivation matrix is `indicators[j]`. Scores are counted in units of `1/scoreDenominator`
 * (the least common denominator of the weights); `scoreUnits[j]` is indicator j's weight in
 * those units, so a unit's score is an integer and `score ≥ k` is decided exactly.
 */
export interface NestedWeights {
  readonly dimensions: ReadonlyArray<CheckedDimensionWeight>;
  readonly indicators: ReadonlyArray<CheckedIndicatorWeight>;
  readonly scoreDenominator: bigint;
  readonly scoreUnits: ReadonlyArray<bigint>;
}

const schema = z
  .array(
    z.object({
      id: idSchema,
      weight: exactInputSchema,
      indicators: z.array(z.object({ id: idSchema, weight: exactInputSchema })).min(1, 'at least one indicator per dimension'),
    }),
  )
  .min(1, 'at least one dimension');

function isNestedWeights(value: unknown): value is NestedWeights {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as NestedWeights).scoreDenominator === 'bigint';
}

/**
 * Checks nested weights exactly and returns them as fractions with the score denominator.
 * Weights are compared as exact rationals, so ten weights of `0.1` sum to exactly 1 (in
 * binary floating point they would not). Already-checked weights are returned as they are.
 *
 * @param input - dimensions, each with a weight and its indicators' weights (absolute, not within-dimension shares).
 * @returns frozen {@link NestedWeights}.
 * @throws VnPovertyError `weights-do-not-sum-to-one` (dimension weights), `dimension-weight-mismatch`
 *   (a dimension's indicator weights do not add up to it), `non-positive-weight`, `duplicate-id`, `invalid-input`.
 * @see Alkire & Foster (2011), J. Public Econ. 95: 476–487 (weighted identification, w_j > 0, Σ w_j = 1 after normalisation).
 * @example
 * nestedWeights([{ id: 'health', weight: '0.5', indicators: [{ id: 'nutrition', weight: '0.5' }] },
 *                { id: 'education', weight: '0.5', indicators: [{ id: 'schooling', weight: '0.25' }, { id: 'attendance', weight: '0.25' }] }]).scoreDenominator
 * //=> 4n
 */
export function nestedWeights(input: NestedWeightsInput | NestedWeights): NestedWeights {
  if (isNestedWeights(input)) return input;
  const parsed = parseInput(schema, input, MEASURE_RULES.weights);
  const problems: VnIssue[] = [];
  const rule = MEASURE_RULES.weights;
  const seenDimensions = new Set<string>();
  const seenIndicators = new Set<string>();
  const dimensions: CheckedDimensionWeight[] = [];
  const indicators: CheckedIndicatorWeight[] = [];
  parsed.forEach((dim, d) => {
    if (seenDimensions.has(dim.id)) problems.push(issue({ code: 'duplicate-id', path: [d, 'id'], value: dim.id, expected: 'dimension ids that are all different', rule }));
    seenDimensions.add(dim.id);
    const dw = toFraction(dim.weight, [d, 'weight']);
    if (dw.num <= 0n) problems.push(issue({ code: 'non-positive-weight', path: [d, 'weight'], value: dim.weight, expected: 'a weight greater than 0', rule }));
    const parts: Fraction[] = [];
    dim.indicators.forEach((ind, j) => {
      if (seenIndicators.has(ind.id)) problems.push(issue({ code: 'duplicate-id', path: [d, 'indicators', j, 'id'], value: ind.id, expected: 'indicator ids that are all different', rule }));
      seenIndicators.add(ind.id);
      const w = toFraction(ind.weight, [d, 'indicators', j, 'weight']);
      if (w.num <= 0n) problems.push(issue({ code: 'non-positive-weight', path: [d, 'indicators', j, 'weight'], value: ind.weight, expected: 'a weight greater than 0', rule }));
      parts.push(w);
      indicators.push({ id: ind.id, dimension: dim.id, weight: w });
    });
    const total = sumFractions(parts);
    if (compareFractions(total, dw) !== 0) {
      problems.push(
        issue({
          code: 'dimension-weight-mismatch',
          path: [d, 'indicators'],
          value: `${total.num}/${total.den}`,
          expected: `indicator weights that add up exactly to the dimension weight ${dw.num}/${dw.den}`,
          rule,
        }),
      );
    }
    dimensions.push({ id: dim.id, weight: dw, indicators: dim.indicators.map((i) => i.id) });
  });
  const total = sumFractions(dimensions.map((x) => x.weight));
  if (compareFractions(total, fraction(1n)) !== 0) {
    problems.push(issue({ code: 'weights-do-not-sum-to-one', path: [], value: `${total.num}/${total.den}`, expected: 'dimension weights that add up to exactly 1', rule }));
  }
  if (problems.length > 0) throw new VnPovertyError(problems as unknown as VnIssues);
  const scoreDenominator = indicators.reduce((acc, i) => lcmBig(acc, i.weight.den), 1n);
  const scoreUnits = indicators.map((i) => (i.weight.num * scoreDenominator) / i.weight.den);
  return deepFreeze({ dimensions, indicators, scoreDenominator, scoreUnits });
}

/** A dimension for {@link equalNestedWeights}: its id and its indicators' ids. */
export interface EqualDimensionInput {
  readonly id: string;
  readonly indicators: ReadonlyArray<string>;
}

/**
 * Equal nested weights: each of the m dimensions weighs 1/m, split equally among its
 * indicators (the global MPI and Vietnam's national profile are built this way).
 *
 * @throws VnPovertyError as {@link nestedWeights} (empty lists, duplicate ids).
 * @see Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, ch. 6 (nested weights).
 * @example
 * equalNestedWeights([{ id: 'health', indicators: ['nutrition', 'mortality'] }, { id: 'education', indicators: ['years'] }]).indicators.map((i) => i.weight)
 * //=> [{ num: 1n, den: 4n }, { num: 1n, den: 4n }, { num: 1n, den: 2n }]
 */
export function equalNestedWeights(dimensions: ReadonlyArray<EqualDimensionInput>): NestedWeights {
  const m = BigInt(dimensions.length);
  return nestedWeights(
    dimensions.map((d) => ({
      id: d.id,
      weight: m > 0n ? fraction(1n, m) : fraction(0n),
      indicators: d.indicators.map((id) => ({ id, weight: m > 0n && d.indicators.length > 0 ? fraction(1n, m * BigInt(d.indicators.length)) : fraction(0n) })),
    })),
  );
}
