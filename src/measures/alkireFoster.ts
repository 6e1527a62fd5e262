import { deepFreeze } from '../_internal/_freeze.js';
import { divideFractions, fraction, multiplyFractions, sumFractions, type Fraction } from '../numbers/fraction.js';
import { measuresFromTable, type ScoreTable } from './_afCore.js';
import { prepareAf, type GapRow, type PreparedAf, type PreparedGroup } from './_afPrepare.js';
import type { AfData, AfInputOptions, AfMissingReport, AnalysisUnit } from './afData.js';
import { meetsCutoff, povertyCutoff, type AppliedCutoff, type PovertyCutoff } from './povertyCutoff.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One indicator's results. */
export interface AfIndicatorResult {
  readonly id: string;
  readonly dimension: string;
  readonly weight: Fraction;
  /** Share of the population deprived in the indicator, poor or not (h_j). */
  readonly uncensoredHeadcountRatio: Fraction;
  /** Share of the population that is poor and deprived in the indicator (h_j(k)). */
  readonly censoredHeadcountRatio: Fraction;
  /** Absolute contribution to M0: w_j · h_j(k). The indicators' contributions sum to M0 exactly. */
  readonly contribution: Fraction;
  /** Percentage contribution: 100 · w_j · h_j(k) / M0, summing to exactly 100; null when M0 = 0. */
  readonly percentContribution: Fraction | null;
}

/** One dimension's results: the sums over its indicators. */
export interface AfDimensionResult {
  readonly id: string;
  readonly weight: Fraction;
  readonly contribution: Fraction;
  readonly percentContribution: Fraction | null;
}

/** The gap-based members M1 and M2 (achievement input only): censored normalised gaps, weighted. */
export interface AfGapMeasures {
  /** Adjusted poverty gap M1 = Σ_i Σ_j w_j g¹_ij(k) / n. */
  readonly m1: Fraction;
  /** Adjusted FGT M2 = Σ_i Σ_j w_j g²_ij(k) / n. */
  readonly m2: Fraction;
}

/** The Alkire–Foster measures of one population at one cutoff, exact. */
export interface AfMeasures {
  readonly cutoff: AppliedCutoff;
  readonly countBy: AnalysisUnit;
  /** Units (rows) counted after dropping any with missing entries. */
  readonly units: number;
  /** Weighted population n: Σ sampling weight (× size when counting members). */
  readonly population: Fraction;
  /** Weighted number of poor q. */
  readonly poorPopulation: Fraction;
  /** H = q / n. */
  readonly headcountRatio: Fraction;
  /** A = average deprivation score among the poor; null when nobody is poor. */
  readonly intensity: Fraction | null;
  /** M0 = H × A = the mean censored deprivation score. */
  readonly m0: Fraction;
  readonly indicators: ReadonlyArray<AfIndicatorResult>;
  readonly dimensions: ReadonlyArray<AfDimensionResult>;
  /** M1 and M2 when the input was an achievement matrix, otherwise null. */
  readonly gapMeasures: AfGapMeasures | null;
}

/** One subgroup of the decomposition. */
export interface AfSubgroupResult {
  readonly group: string;
  /** n_g / n. */
  readonly populationShare: Fraction;
  readonly measures: AfMeasures;
  /** populationShare × M0_g; these sum to the total M0 exactly. */
  readonly contributionToM0: Fraction;
  /** 100 × contributionToM0 / M0, summing to 100; null when M0 = 0. */
  readonly percentOfM0: Fraction | null;
}

/** One decomposition of the population: by one `by` column, or by a crossing of several. */
export interface AfGroupingResult {
  /** The column names joined by ' × ' (`'area'`, `'area × region'`). */
  readonly name: string;
  /** The columns, in the order they were crossed. */
  readonly by: ReadonlyArray<string>;
  /**
   * One entry per group present, ordered by code (row input: labels in order of first
   * appearance), the first column varying slowest. A crossed group's `group` is its labels
   * joined by ' × ' and `keys` holds them one by one.
   */
  readonly subgroups: ReadonlyArray<AfSubgroupResult & { readonly keys: ReadonlyArray<string> }>;
}

/** The full result: total measures, how missing data was handled, and the subgroups if asked for. */
export interface AfResult extends AfMeasures {
  readonly missing: AfMissingReport;
  /** The decomposition by the `groups` column, in order of first appearance (codes ascending for columns); null without groups. */
  readonly subgroups: ReadonlyArray<AfSubgroupResult> | null;
  /** The decompositions by the `by` columns (options.groupings), all from the same pass; empty without `by`. */
  readonly groupings: ReadonlyArray<AfGroupingResult>;
}

/** Options of {@link alkireFoster}: weights, count basis, missing policy, and the cutoff k. */
export interface AlkireFosterOptions extends AfInputOptions {
  readonly cutoff: PovertyCutoff;
}

/**
 * The Alkire–Foster measures H, A, M0 with headcount ratios and contributions, exactly.
 *
 * Identification is dual-cutoff: a unit is deprived in indicator j when its achievement is
 * strictly below the cutoff z_j (or the matrix says so), and poor when its weighted
 * deprivation score is ≥ k. Scores are exact integers over the weights' common denominator,
 * so k = 1 with ten weights of 0.1 identifies someone deprived in everything.
 *
 * @param data - a deprivation matrix, an achievement matrix with cutoffs, or columns (bulk path).
 * @param options - `weights` (nested, summing to 1), `cutoff` (`{share}` or `{percent}`), `countBy`
 *   (`'units'` or `'members'`), `missing` (required only if the data has missing entries).
 * @returns frozen {@link AfResult}; every ratio is a {@link Fraction} (round with `roundFraction` to print).
 * @throws VnPovertyError `weights-do-not-sum-to-one`, `dimension-weight-mismatch`, `cutoff-out-of-range`,
 *   `ragged-row`, `length-mismatch`, `negative-sampling-weight`, `missing-value`, `missing-sizes`,
 *   `invalid-size`, `invalid-deprivation`, `empty-population`.
 * @see Alkire & Foster (2011), J. Public Econ. 95: 476–487; Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, ch. 5.
 * @example
 * const weights = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
 * alkireFoster({ kind: 'deprivations', rows: [[true, true], [true, false], [false, false]] },
 *   { weights, cutoff: { share: '0.5' }, countBy: 'units' }).m0
 * //=> { num: 1n, den: 2n }   (H = 2/3, A = 3/4)
 */
export function alkireFoster(data: AfData, options: AlkireFosterOptions): AfResult {
  assertOptions(options, 'alkireFoster', true);
  const cutoff = povertyCutoff(options.cutoff);
  const prepared = prepareAf(data, options);
  return deepFreeze(resultAt(prepared, cutoff, true));
}

/** Measures at `cutoff` from prepared tables (shared with the robustness function). */
export function resultAt(prepared: PreparedAf, cutoff: AppliedCutoff, withGaps: boolean): AfResult {
  const gapRows = withGaps ? (prepared.gapRows ?? null) : null;
  const total = measuresAt(prepared, prepared.total, cutoff, gapRows, null, ['data']);
  const subgroup = (group: PreparedGroup, path: ReadonlyArray<string | number>): AfSubgroupResult => {
    const measures = measuresAt(prepared, group.table, cutoff, gapRows, group.cells, [...path, group.label]);
    const populationShare = divideFractions(measures.population, total.population);
    const contributionToM0 = multiplyFractions(populationShare, measures.m0);
    return {
      group: group.label,
      populationShare,
      measures,
      contributionToM0,
      percentOfM0: total.m0.num === 0n ? null : divideFractions(multiplyFractions(contributionToM0, fraction(100n)), total.m0),
    };
  };
  return {
    ...total,
    missing: prepared.missing,
    subgroups: prepared.groups === null ? null : prepared.groups.map((g) => subgroup(g, ['groups'])),
    groupings: prepared.groupings.map((grouping) => ({
      name: grouping.name,
      by: grouping.by,
      subgroups: grouping.groups.map((g) => ({ ...subgroup(g, ['groupings', grouping.name]), keys: g.keys })),
    })),
  };
}

function measuresAt(
  prepared: PreparedAf,
  table: ScoreTable,
  cutoff: AppliedCutoff,
  gapRows: ReadonlyArray<GapRow> | null,
  cells: ReadonlySet<number> | null,
  path: ReadonlyArray<string | number>,
): AfMeasures {
  const core = measuresFromTable(table, prepared.weights, cutoff, prepared.scale, path);
  return {
    cutoff,
    countBy: prepared.countBy,
    ...core,
    gapMeasures: gapRows === null ? null : gapMeasures(gapRows, prepared, cutoff, cells, core.population),
  };
}

function gapMeasures(rows: ReadonlyArray<GapRow>, prepared: PreparedAf, cutoff: AppliedCutoff, cells: ReadonlySet<number> | null, population: Fraction): AfGapMeasures {
  const D = prepared.weights.scoreDenominator;
  const weights = prepared.weights.indicators.map((i) => i.weight);
  const first: Fraction[] = [];
  const second: Fraction[] = [];
  for (const row of rows) {
    if (cells !== null && !cells.has(row.cell)) continue;
    if (row.score === 0n || !meetsCutoff(row.score, D, cutoff.k)) continue;
    const g1 = sumFractions(row.gaps.map((g, j) => multiplyFractions(weights[j] ?? fraction(0n), g)));
    const g2 = sumFractions(row.gaps.map((g, j) => multiplyFractions(weights[j] ?? fraction(0n), multiplyFractions(g, g))));
    first.push(multiplyFractions(row.weight, g1));
    second.push(multiplyFractions(row.weight, g2));
  }
  return { m1: divideFractions(sumFractions(first), population), m2: divideFractions(sumFractions(second), population) };
}
