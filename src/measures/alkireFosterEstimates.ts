/**
 * Alkire–Foster estimates with design-based standard errors and confidence intervals, in one
 * long table: H, A, M0, uncensored and censored headcount ratios and contributions, nationally
 * and by subgroup, and their changes between two rounds.
 */
import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { fraction, multiplyFractions, type Fraction } from '../numbers/fraction.js';
import { changeVariances, ratioCovariance, ratioEstimate, standardError, type PsuTotals, type RatioParts } from './_designVariance.js';
import { DESIGN_RULES, MEASURE_RULES } from './_measureRules.js';
import type { AfByCodes, AfColumnarData, AnalysisUnit, IntegerColumn } from './afData.js';
import { alkireFoster } from './alkireFoster.js';
import { confidenceInterval, intervalBounds, type AppliedInterval, type ConfidenceIntervalOptions } from './confidenceInterval.js';
import { longRow, type LongTable, type LongTableRow } from './longTable.js';
import { nestedWeights, type NestedWeights, type NestedWeightsInput } from './nestedWeights.js';
import { povertyCutoff, type AppliedCutoff, type PovertyCutoff } from './povertyCutoff.js';
import { surveyDesign, type SurveyDesign } from './surveyDesign.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Two survey rounds in one data set, for changes over time. */
export interface AfRounds {
  /** Round of each unit: 0 (the earlier) or 1 (the later). */
  readonly codes: IntegerColumn;
  /** Labels of the two rounds (default `['0', '1']`). */
  readonly labels?: readonly [string, string];
}

/** Options of {@link alkireFosterEstimates}. */
export interface AlkireFosterEstimatesOptions {
  readonly weights: NestedWeightsInput | NestedWeights;
  readonly cutoff: PovertyCutoff;
  readonly countBy: AnalysisUnit;
  /**
   * The sampling design; its weights are the sampling weights (the data must not carry its own).
   * Without a design the table has the estimates only (se and intervals null), weighted by the data's sampling weights.
   */
  readonly design?: SurveyDesign;
  /** Decompositions from the data's `by` columns, as for {@link alkireFoster}. */
  readonly groupings?: ReadonlyArray<string | ReadonlyArray<string>>;
  /** Confidence intervals; none when absent. */
  readonly interval?: ConfidenceIntervalOptions;
  /** Two rounds in the data: estimates per round and their absolute and relative changes. */
  readonly rounds?: AfRounds;
}

/** The result of {@link alkireFosterEstimates}. */
export interface AlkireFosterEstimates {
  readonly cutoff: AppliedCutoff;
  readonly countBy: AnalysisUnit;
  /** PSUs − strata of the design (null without one). */
  readonly degreesOfFreedom: number | null;
  readonly interval: AppliedInterval | null;
  /** One row per measure, population (and round) and indicator. */
  readonly rows: LongTable;
}

/** A domain: one population (national, a group, possibly in one round). */
interface Domain {
  readonly level: string;
  readonly group: string | null;
  readonly round: number | null;
}

/**
 * Alkire–Foster estimates with linearised standard errors, from columnar data and a survey design.
 *
 * Every measure is a ratio of two weighted totals over its population (a domain of the design):
 * H = Σw·poor / Σw, M0 = Σw·c / Σw (c the censored score), A = Σw·c / Σw·poor (the mean score of
 * the poor, estimated over the domain of the poor as mpitb and mpitbR do with `subset`), h_j =
 * Σw·d_j / Σw, h_j(k) = Σw·poor·d_j / Σw, the absolute contribution w_j·h_j(k) and the percentage
 * contribution 100·w_j·Σw·poor·d_j / Σw·c. Its variance is the Taylor linearisation of the ratio
 * (with-replacement PSU variance within strata, no finite-population correction unless the
 * design has one), exactly the variance R `survey::svymean` gives for the domain mean; it is
 * computed in rational arithmetic from the exact integer sums and only its square root is a
 * Decimal (40 significant digits). Changes between two rounds get delta-method variances with the
 * covariance of the two rounds' estimates from the same design (zero when their PSUs differ).
 *
 * @throws VnPovertyError as {@link alkireFoster}; `length-mismatch` (data and design differ in
 *   units), `conflicting-weights` (data with its own sampling weights), `invalid-round`, and
 *   those of {@link confidenceInterval}.
 * @see Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, ch. 8 (standard errors);
 *   Lumley (2010), Complex Surveys, §2.4 (ratio estimators, domains); mpitbR, mpitb.est.
 * @example
 * const design = surveyDesign({ strata: ['a', 'a', 'b', 'b'], psus: [1, 2, 3, 4] });
 * const w = equalNestedWeights([{ id: 'x', indicators: ['x'] }, { id: 'y', indicators: ['y'] }]);
 * alkireFosterEstimates({ kind: 'columns', deprivations: [Uint8Array.of(1, 0, 1, 0), Uint8Array.of(1, 1, 0, 0)] },
 *   { weights: w, cutoff: { share: 1 }, countBy: 'units', design }).rows[0]?.se?.toString()
 * //=> '0.25'   (H = 1/4)
 */
export function alkireFosterEstimates(data: AfColumnarData, options: AlkireFosterEstimatesOptions): AlkireFosterEstimates {
  assertOptions(options, 'alkireFosterEstimates', true);
  const weights = nestedWeights(options.weights);
  const cutoff = povertyCutoff(options.cutoff);
  const withSe = options.design !== undefined;
  const n0 = data?.deprivations?.[0]?.length ?? 0;
  const design =
    options.design ??
    surveyDesign(data?.sampleWeights === undefined ? { units: Math.max(1, n0) } : { weights: data.sampleWeights, ...(data.sampleWeightScale !== undefined ? { weightScale: data.sampleWeightScale } : {}) }, { lonelyPsu: 'remove' });
  if (design?.kind !== 'survey-design') fail({ code: 'invalid-input', path: ['design'], value: typeof design, expected: 'a design from surveyDesign()', rule: DESIGN_RULES.design });
  if (withSe && data?.sampleWeights !== undefined) fail({ code: 'conflicting-weights', path: ['sampleWeights'], value: 'given', expected: "no sampling weights in the data: the design's weights are used", rule: DESIGN_RULES.weights });
  const n = data.deprivations?.[0]?.length ?? 0;
  if (n !== design.units) fail({ code: 'length-mismatch', path: ['deprivations'], value: n, expected: `one unit per unit of the design (${design.units})`, rule: DESIGN_RULES.design });
  const rounds = options.rounds;
  const roundBy: AfByCodes[] = rounds === undefined ? [] : [{ name: '\u0000round', codes: rounds.codes, labels: [...(rounds.labels ?? ['0', '1'])] }];
  if (rounds !== undefined && (rounds.codes?.length !== n || (rounds.labels !== undefined && rounds.labels.length !== 2))) {
    fail({ code: 'invalid-round', path: ['rounds'], value: rounds.codes?.length, expected: `a round code (0 or 1) for each of the ${n} units and two labels`, rule: MEASURE_RULES.change });
  }
  // Validates everything (deprivations, codes, weights, sizes) and checks the groupings.
  alkireFoster(
    {
      ...withoutWeights(data),
      ...(design.weightNumerators === null ? {} : { sampleWeights: design.weightNumerators, sampleWeightScale: design.weightScale }),
      by: [...(data.by ?? []), ...roundBy],
    },
    { weights, cutoff: options.cutoff, countBy: options.countBy, groupings: [...(options.groupings ?? (data.by ?? []).map((b) => b.name)), ...(rounds === undefined ? [] : [roundBy[0]?.name ?? ''])] },
  );
  const interval = options.interval === undefined || !withSe ? null : confidenceInterval(options.interval, design.degreesOfFreedom);

  // Domains: national and every group of every grouping (each in each round when there are rounds).
  const byCols = data.by ?? [];
  const lists = (options.groupings ?? byCols.map((b) => b.name)).map((g) => (typeof g === 'string' ? [g] : [...g]));
  const R = rounds === undefined ? 1 : 2;
  const roundOf = rounds?.codes;
  const domainCodes: Int32Array[] = [];
  const domainLists: Domain[][] = [];
  const national = new Int32Array(n);
  if (roundOf !== undefined) for (let i = 0; i < n; i++) national[i] = roundOf[i] as number;
  domainCodes.push(national);
  domainLists.push(Array.from({ length: R }, (_, r) => ({ level: 'nat', group: null, round: rounds === undefined ? null : r })));
  for (const names of lists) {
    const cols = names.map((name) => byCols.find((b) => b.name === name) as AfByCodes);
    const radix = cols.map((c) => c.labels?.length ?? maxCode(c.codes) + 1);
    const codes = new Int32Array(n);
    let stride = 1;
    cols.forEach((c, b) => {
      for (let i = 0; i < n; i++) codes[i] = (codes[i] as number) + (c.codes[i] as number) * stride;
      stride *= radix[b] as number;
    });
    const G = stride;
    if (roundOf !== undefined) for (let i = 0; i < n; i++) codes[i] = (codes[i] as number) * 2 + (roundOf[i] as number);
    domainCodes.push(codes);
    domainLists.push(
      Array.from({ length: G * R }, (_, code) => {
        let rest = Math.floor(code / R);
        const keys = cols.map((c, b) => {
          const r = radix[b] as number;
          const k = rest % r;
          rest = Math.floor(rest / r);
          return c.labels?.[k] ?? String(k);
        });
        return { level: names.join(' × '), group: keys.join(' × '), round: rounds === undefined ? null : code % R };
      }),
    );
  }

  const J = weights.indicators.length;
  const F = 3 + 2 * J; // w, w·poor, w·poor·score, w·d_j, w·poor·d_j
  const sums = domainCodes.map((codes, g) => psuSums(data, design, weights, cutoff, codes, (domainLists[g] as Domain[]).length, options.countBy, F));

  const kPercent = multiplyFractions(cutoff.k, fraction(100n));
  const D = weights.scoreDenominator;
  const rows: LongTableRow[] = [];
  domainLists.forEach((domains, g) => {
    const perDomain = sums[g] as DomainSums;
    const estimandsOf = (d: number): Estimand[] => estimands(perDomain, d, J, D, weights);
    const byGroup = new Map<string, number[]>();
    domains.forEach((dom, d) => {
      if ((perDomain.units[d] ?? 0) === 0) return;
      const key = `${dom.level}\u0000${dom.group ?? ''}`;
      byGroup.set(key, [...(byGroup.get(key) ?? []), d]);
    });
    for (const ds of byGroup.values()) {
      const perRound = ds.map((d) => ({ d, dom: domains[d] as Domain, list: estimandsOf(d) }));
      for (const { d, dom, list } of perRound) {
        for (const e of list) {
          const estimate = ratioEstimate(e.parts);
          const variance = withSe ? ratioCovariance(design, e.parts, e.parts) : null;
          const se = variance === null ? null : standardError(variance);
          const [lo, hi] = interval === null ? [null, null] : intervalBounds(interval, estimate, se, e.proportion);
          rows.push(
            longRow({
              measure: e.measure,
              level: dom.level,
              group: dom.group,
              k: kPercent,
              indicator: e.indicator,
              round: dom.round === null ? null : (rounds?.labels?.[dom.round] ?? String(dom.round)),
              estimate,
              se,
              ciLower: lo,
              ciUpper: hi,
              n: perDomain.units[d] ?? 0,
              population: fraction(perDomain.population[d] ?? 0n, design.weightScale),
            }),
          );
        }
      }
      const first = perRound.find((p) => p.dom.round === 0);
      const second = perRound.find((p) => p.dom.round === 1);
      if (first === undefined || second === undefined) continue;
      first.list.forEach((e0, x) => {
        const e1 = second.list[x] as Estimand;
        const r0 = ratioEstimate(e0.parts);
        const r1 = ratioEstimate(e1.parts);
        if (r0 === null || r1 === null) return;
        const v0 = withSe ? ratioCovariance(design, e0.parts, e0.parts) : null;
        const v1 = withSe ? ratioCovariance(design, e1.parts, e1.parts) : null;
        const c01 = withSe ? ratioCovariance(design, e0.parts, e1.parts) : null;
        const v = v0 === null || v1 === null || c01 === null ? { absolute: null, relative: null } : changeVariances(r0, r1, v0, v1, c01);
        const labels = rounds?.labels ?? ['0', '1'];
        const absolute = fraction(r1.num * r0.den - r0.num * r1.den, r1.den * r0.den);
        const changes: Array<['absolute' | 'relative', Fraction | null, Fraction | null]> = [
          ['absolute', absolute, v.absolute],
          ['relative', r0.num === 0n ? null : fraction(absolute.num * r0.den, absolute.den * r0.num), v.relative],
        ];
        for (const [change, estimate, variance] of changes) {
          const se = variance === null || estimate === null ? null : standardError(variance);
          const [lo, hi] = interval === null ? [null, null] : intervalBounds(interval, estimate, se, false);
          rows.push(
            longRow({
              measure: e0.measure,
              level: first.dom.level,
              group: first.dom.group,
              k: kPercent,
              indicator: e0.indicator,
              round: `${labels[0]} → ${labels[1]}`,
              change,
              estimate,
              se,
              ciLower: lo,
              ciUpper: hi,
              n: (perDomain.units[first.d] ?? 0) + (perDomain.units[second.d] ?? 0),
              population: fraction((perDomain.population[first.d] ?? 0n) + (perDomain.population[second.d] ?? 0n), design.weightScale),
            }),
          );
        }
      });
    }
  });
  return deepFreeze({ cutoff, countBy: options.countBy, degreesOfFreedom: withSe ? design.degreesOfFreedom : null, interval, rows });
}

function withoutWeights(data: AfColumnarData): AfColumnarData {
  const { sampleWeights: _w, sampleWeightScale: _s, ...rest } = data;
  return rest;
}

function maxCode(codes: IntegerColumn): number {
  let max = 0;
  for (let i = 0; i < codes.length; i++) if ((codes[i] as number) > max) max = codes[i] as number;
  return max;
}

/** Exact sums per domain and PSU: F fields, plus units and weighted population per domain. */
interface DomainSums {
  /** `fields[d][f]`: PSU → total of field f in domain d. */
  readonly fields: ReadonlyArray<ReadonlyArray<Map<number, bigint>>>;
  readonly units: ReadonlyArray<number>;
  readonly population: ReadonlyArray<bigint>;
}

/**
 * One pass: per unit its integer score, poor flag and analysis weight; the F fields summed per
 * (domain, PSU) in float64 over blocks whose sums stay below 2^53 (exact), flushed into bigint.
 */
function psuSums(data: AfColumnarData, design: SurveyDesign, weights: NestedWeights, cutoff: AppliedCutoff, codes: Int32Array, domains: number, countBy: AnalysisUnit, F: number): DomainSums {
  const deps = data.deprivations;
  const J = deps.length;
  const n = design.units;
  const P = design.psuCount;
  const units = weights.scoreUnits.map(Number);
  const D = weights.scoreDenominator;
  // poor ⇔ score/D ≥ k ⇔ score ≥ ⌈k·D⌉
  const threshold = Number((cutoff.k.num * D + cutoff.k.den - 1n) / cutoff.k.den);
  const sw = design.weightNumerators;
  const sizes = countBy === 'members' ? data.sizes : undefined;
  let maxW = 1;
  for (let i = 0; i < n; i++) {
    const w = (sw === null ? 1 : (sw[i] as number)) * (sizes === undefined ? 1 : (sizes[i] as number));
    if (w > maxW) maxW = w;
  }
  const perUnitMax = maxW * Math.max(1, Number(D));
  const block = Math.max(1, Math.floor(Number.MAX_SAFE_INTEGER / perUnitMax));
  const cells = domains * P;
  if (cells * F > 1 << 25) fail({ code: 'too-many-groups', path: ['groupings'], value: domains, expected: `at most ${Math.floor((1 << 25) / (P * F))} groups × rounds for standard errors with ${P} PSUs`, rule: MEASURE_RULES.matrix });
  const acc = new Float64Array(cells * F);
  const big = new Map<number, bigint[]>();
  const unitCount = new Array<number>(domains).fill(0);
  const flush = (): void => {
    for (let x = 0; x < cells; x++) {
      const base = x * F;
      if (acc[base] === 0 && acc[base + 1] === 0 && acc[base + 3] === 0) {
        let any = false;
        for (let f = 0; f < F; f++) if (acc[base + f] !== 0) any = true;
        if (!any) continue;
      }
      let entry = big.get(x);
      if (entry === undefined) {
        entry = new Array<bigint>(F).fill(0n);
        big.set(x, entry);
      }
      for (let f = 0; f < F; f++) {
        const v = acc[base + f] as number;
        if (v !== 0) {
          entry[f] = (entry[f] as bigint) + BigInt(v);
          acc[base + f] = 0;
        }
      }
    }
  };
  // zero-weight units still count as units of their domain
  for (let from = 0; from < n; from += block) {
    const to = Math.min(n, from + block);
    for (let i = from; i < to; i++) {
      let s = 0;
      for (let j = 0; j < J; j++) s += ((deps[j] as Uint8Array)[i] as number) * (units[j] as number);
      const w = (sw === null ? 1 : (sw[i] as number)) * (sizes === undefined ? 1 : (sizes[i] as number));
      const pw = s >= threshold && s > 0 ? w : 0;
      const d = codes[i] as number;
      unitCount[d] = (unitCount[d] as number) + 1;
      const base = (d * P + (design.psuOfUnit[i] as number)) * F;
      acc[base] = (acc[base] as number) + w;
      acc[base + 1] = (acc[base + 1] as number) + pw;
      acc[base + 2] = (acc[base + 2] as number) + pw * s;
      for (let j = 0; j < J; j++) {
        const v = (deps[j] as Uint8Array)[i] as number;
        acc[base + 3 + j] = (acc[base + 3 + j] as number) + v * w;
        acc[base + 3 + J + j] = (acc[base + 3 + J + j] as number) + v * pw;
      }
    }
    flush();
  }
  const fields = Array.from({ length: domains }, () => Array.from({ length: F }, () => new Map<number, bigint>()));
  const population = new Array<bigint>(domains).fill(0n);
  for (const [x, entry] of big) {
    const d = Math.floor(x / P);
    const c = x % P;
    const row = fields[d] as Map<number, bigint>[];
    entry.forEach((v, f) => {
      if (v !== 0n) (row[f] as Map<number, bigint>).set(c, v);
    });
    population[d] = (population[d] as bigint) + (entry[0] as bigint);
  }
  return { fields, units: unitCount, population };
}

/** One estimand: a ratio of two fields (with factors), its name and whether it is a proportion. */
interface Estimand {
  readonly measure: string;
  readonly indicator: string | null;
  readonly proportion: boolean;
  readonly parts: RatioParts;
}

function estimands(sums: DomainSums, d: number, J: number, D: bigint, weights: NestedWeights): Estimand[] {
  const f = sums.fields[d] as ReadonlyArray<PsuTotals>;
  const field = (x: number): PsuTotals => f[x] as PsuTotals;
  const one = fraction(1n);
  const perScore = fraction(1n, D);
  const list: Estimand[] = [
    { measure: 'H', indicator: null, proportion: true, parts: { y: field(1), x: field(0), factor: one } },
    { measure: 'A', indicator: null, proportion: true, parts: { y: field(2), x: field(1), factor: perScore } },
    { measure: 'M0', indicator: null, proportion: true, parts: { y: field(2), x: field(0), factor: perScore } },
  ];
  weights.indicators.forEach((ind, j) => list.push({ measure: 'hd', indicator: ind.id, proportion: true, parts: { y: field(3 + j), x: field(0), factor: one } }));
  weights.indicators.forEach((ind, j) => list.push({ measure: 'hdk', indicator: ind.id, proportion: true, parts: { y: field(3 + J + j), x: field(0), factor: one } }));
  weights.indicators.forEach((ind, j) => list.push({ measure: 'actb', indicator: ind.id, proportion: true, parts: { y: field(3 + J + j), x: field(0), factor: ind.weight } }));
  weights.indicators.forEach((ind, j) =>
    list.push({ measure: 'pctb', indicator: ind.id, proportion: false, parts: { y: field(3 + J + j), x: field(2), factor: fraction(100n * (weights.scoreUnits[j] ?? 0n)) } }),
  );
  return list;
}
