/**
 * The indicator specification of `vn-poverty measures` (a JSON file): dimensions, indicators,
 * their weights and, for achievement columns, the deprivation cutoffs.
 */
import * as z from 'zod';
import { issue, parseInput, type RuleRef } from '../errors/VnPovertyError.js';
import { fraction, toFraction, type Fraction } from '../numbers/fraction.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { issueList } from '../measures/_issueList.js';
import { equalNestedWeights, nestedWeights, type NestedWeights } from '../measures/nestedWeights.js';
import type { AnalysisUnit, MissingPolicy } from '../measures/afData.js';

/** One indicator of a specification after checking. */
export interface SpecIndicator {
  readonly id: string;
  /** The data column (the id unless told). */
  readonly column: string;
  /** Deprived when the column's value is strictly below this cutoff (an achievement column); null for a 0/1 deprivation column. */
  readonly deprivedBelow: Fraction | null;
}

/** A checked specification. */
export interface MeasuresSpec {
  readonly weights: NestedWeights;
  /** The indicators in column order of the weights. */
  readonly indicators: ReadonlyArray<SpecIndicator>;
  readonly countBy: AnalysisUnit;
  /** Household size column (for countBy: members). */
  readonly sizes: string | null;
  /** Missing entries: null when none are allowed. */
  readonly missing: MissingPolicy | null;
}

const RULE: RuleRef = {
  description: 'an indicator specification lists dimensions with indicators; weights given for every dimension and indicator or for none (equal nested weights); cutoffs for achievement columns',
  source: 'docs/measures.md, “The CLI”; Alkire & Foster (2011)',
};

const number = z.union([z.number(), z.string().min(1)]);
// strict objects: a misspelt field ("weigths") is refused, never ignored
const schema = z.strictObject({
  dimensions: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        weight: number.optional(),
        indicators: z.array(z.strictObject({ id: z.string().min(1), column: z.string().min(1).optional(), weight: number.optional(), deprivedBelow: number.optional() })).min(1),
      }),
    )
    .min(1),
  countBy: z.enum(['units', 'members']).optional(),
  sizes: z.string().min(1).optional(),
  missing: z.enum(['drop-unit', 'not-deprived']).optional(),
});

/** Reads `"1/6"`, `"0.25"` or `0.25` exactly. */
function exact(value: string | number, path: ReadonlyArray<string | number>): Fraction {
  if (typeof value === 'string') {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
    if (m) return fraction(BigInt(m[1] as string), BigInt(m[2] as string));
  }
  return toFraction(value, path);
}

/**
 * Checks an indicator specification (parsed JSON). Weights are exact: `"1/6"`, `"0.25"` or
 * numbers; when no weight is given anywhere, the weights are equal nested (each dimension 1/m,
 * split equally among its indicators).
 *
 * @throws VnPovertyError `invalid-input` (a field of the wrong type, or one the specification does
 *   not have: a misspelt field is refused, never ignored), `missing-weight` (some weights given, not
 *   all), and those of {@link nestedWeights}.
 * @example
 * measuresSpec({ dimensions: [{ id: 'health', indicators: [{ id: 'd_nutr' }, { id: 'd_cm' }] }, { id: 'living', indicators: [{ id: 'income', column: 'thu_nhap', deprivedBelow: 1500000 }] }] })
 *   .weights.scoreDenominator
 * //=> 4n
 */
export function measuresSpec(json: unknown): MeasuresSpec {
  const spec = parseInput(schema, json, RULE);
  const problems = issueList();
  const given = spec.dimensions.flatMap((d, di) => [
    { path: ['dimensions', di, 'weight'], value: d.weight },
    ...d.indicators.map((ind, j) => ({ path: ['dimensions', di, 'indicators', j, 'weight'], value: ind.weight })),
  ]);
  const some = given.some((g) => g.value !== undefined);
  if (some) {
    for (const g of given) if (g.value === undefined) problems.add(issue({ code: 'missing-weight', path: g.path, value: undefined, expected: 'a weight here too: give every dimension and indicator a weight, or none (equal nested weights)', rule: RULE }));
  }
  if (spec.countBy === 'members' && spec.sizes === undefined) problems.add(issue({ code: 'missing-sizes', path: ['sizes'], value: undefined, expected: 'the household size column when counting members', rule: RULE }));
  problems.throwIfAny();
  const weights = some
    ? nestedWeights(
        spec.dimensions.map((d, di) => ({
          id: d.id,
          weight: exact(d.weight as string | number, ['dimensions', di, 'weight']),
          indicators: d.indicators.map((ind, j) => ({ id: ind.id, weight: exact(ind.weight as string | number, ['dimensions', di, 'indicators', j, 'weight']) })),
        })),
      )
    : equalNestedWeights(spec.dimensions.map((d) => ({ id: d.id, indicators: d.indicators.map((i) => i.id) })));
  const indicators = spec.dimensions.flatMap((d, di) =>
    d.indicators.map((ind, j) => ({ id: ind.id, column: ind.column ?? ind.id, deprivedBelow: ind.deprivedBelow === undefined ? null : exact(ind.deprivedBelow, ['dimensions', di, 'indicators', j, 'deprivedBelow']) })),
  );
  return deepFreeze({ weights, indicators, countBy: spec.countBy ?? 'units', sizes: spec.sizes ?? null, missing: spec.missing ?? null });
}
