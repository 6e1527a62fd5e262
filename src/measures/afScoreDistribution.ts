/**
 * The distribution of Alkire–Foster deprivation scores: the population at each score value.
 */
import { deepFreeze } from '../_internal/_freeze.js';
import { fraction, type Fraction } from '../numbers/fraction.js';
import type { ScoreTable } from './_afCore.js';
import { prepareAf } from './_afPrepare.js';
import type { AfData, AfInputOptions } from './afData.js';
import { longRow, type LongTable, type LongTableRow } from './longTable.js';
import { assertOptions } from '../errors/assertOptions.js';

/** The population at one score value. */
export interface ScoreCount {
  /** The deprivation score c, exact (a multiple of 1/D). */
  readonly score: Fraction;
  /** Weighted population with that score (in the data's weights, × size when counting members). */
  readonly population: Fraction;
  /** Its share of the population. */
  readonly share: Fraction;
  /** Share of the population with a score ≥ this one: the headcount ratio H at k = score (for score > 0). */
  readonly shareAtLeast: Fraction;
}

/** The score distribution of one population. */
export interface ScoreDistribution {
  readonly units: number;
  readonly population: Fraction;
  /** One entry per score present, ascending (scores with zero weight are left out). */
  readonly scores: ReadonlyArray<ScoreCount>;
}

/** The result of {@link afScoreDistribution}: the total, the `groups` subgroups and the `by` groupings. */
export interface AfScoreDistributionResult extends ScoreDistribution {
  readonly subgroups: ReadonlyArray<ScoreDistribution & { readonly group: string }> | null;
  readonly groupings: ReadonlyArray<{ readonly name: string; readonly subgroups: ReadonlyArray<ScoreDistribution & { readonly group: string }> }>;
  /** The same as a long table: measure `'score'`, the score (`'1/3'`) in `indicator`, its share as the estimate. */
  readonly rows: LongTable;
}

function rowsOf(d: ScoreDistribution, level: string, group: string | null): LongTableRow[] {
  return d.scores.map((s) => longRow({ measure: 'score', level, group, indicator: s.score.den === 1n ? String(s.score.num) : `${s.score.num}/${s.score.den}`, estimate: s.share, n: d.units, population: d.population }));
}

function distributionOf(table: ScoreTable, D: bigint, scale: bigint): ScoreDistribution {
  const N = table.weightAt.reduce((a, b) => a + b, 0n);
  let atLeast = N;
  const scores = table.scores.map((s, slot) => {
    const w = table.weightAt[slot] ?? 0n;
    const entry = { score: fraction(s, D), population: fraction(w, scale), share: N === 0n ? fraction(0n) : fraction(w, N), shareAtLeast: N === 0n ? fraction(0n) : fraction(atLeast, N) };
    atLeast -= w;
    return entry;
  });
  return { units: table.units, population: fraction(N, scale), scores };
}

/**
 * The distribution of deprivation scores (how many are deprived in a weighted third, a half…),
 * from the same one-pass tables as {@link alkireFoster}: per score value its population, share and
 * the share at or above it, in total and by subgroup.
 *
 * @throws VnPovertyError as {@link alkireFoster} (the cutoff is not needed).
 * @see Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, §5.6 (the distribution of c_i).
 * @example
 * const weights = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
 * afScoreDistribution({ kind: 'deprivations', rows: [[true, true], [true, false], [false, false]] }, { weights, countBy: 'units' })
 *   .scores.map((s) => [s.score, s.share])
 * //=> [[{ num: 0n, den: 1n }, { num: 1n, den: 3n }], [{ num: 1n, den: 2n }, { num: 1n, den: 3n }], [{ num: 1n, den: 1n }, { num: 1n, den: 3n }]]
 */
export function afScoreDistribution(data: AfData, options: AfInputOptions): AfScoreDistributionResult {
  assertOptions(options, 'afScoreDistribution', true);
  const p = prepareAf(data, options);
  const D = p.weights.scoreDenominator;
  const total = distributionOf(p.total, D, p.scale);
  const subgroups = p.groups === null ? null : p.groups.map((g) => ({ group: g.label, ...distributionOf(g.table, D, p.scale) }));
  const groupings = p.groupings.map((g) => ({ name: g.name, subgroups: g.groups.map((x) => ({ group: x.label, ...distributionOf(x.table, D, p.scale) })) }));
  const rows = [
    ...rowsOf(total, 'nat', null),
    ...(subgroups ?? []).flatMap((g) => rowsOf(g, 'group', g.group)),
    ...groupings.flatMap((g) => g.subgroups.flatMap((x) => rowsOf(x, g.name, x.group))),
  ];
  return deepFreeze({ ...total, subgroups, groupings, rows });
}
