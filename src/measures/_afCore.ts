/**
 * The arithmetic core of the Alkire–Foster measures, shared by the row and columnar paths.
 * Trusted: inputs are validated by the callers. Every sum is an exact integer (bigint);
 * scores are integers in units of 1/D (D = the weights' least common denominator).
 */
import type { AfMeasures } from './alkireFoster.js';
import { fail } from '../errors/VnPovertyError.js';
import { fraction, multiplyFractions, sumFractions, type Fraction } from '../numbers/fraction.js';
import { MEASURE_RULES } from './_measureRules.js';
import type { IntegerColumn } from './afData.js';
import type { NestedWeights } from './nestedWeights.js';
import { meetsCutoff, type AppliedCutoff } from './povertyCutoff.js';

/** Weighted counts by score: everything the AF measures need, for any k. */
export interface ScoreTable {
  /** Rows counted (unweighted). */
  readonly units: number;
  /** Distinct scores present, ascending, in units of 1/D. */
  readonly scores: ReadonlyArray<bigint>;
  /** Total analysis weight of the units at each score. */
  readonly weightAt: ReadonlyArray<bigint>;
  /** `deprivedAt[slot][j]`: weight of the units at that score deprived in indicator j. */
  readonly deprivedAt: ReadonlyArray<ReadonlyArray<bigint>>;
}

/** A score table with the label of the subgroup it belongs to. */
export interface LabelledTable {
  readonly label: string;
  readonly table: ScoreTable;
}

/** A mutable accumulator for the row path. */
export interface RowAccumulator {
  add(score: bigint, deprived: ReadonlyArray<number>, weight: bigint): void;
  build(): ScoreTable;
}

/** Starts a row accumulator for `indicatorCount` indicators. */
export function rowAccumulator(indicatorCount: number): RowAccumulator {
  const slots = new Map<bigint, { w: bigint; dep: bigint[] }>();
  let units = 0;
  return {
    add(score, deprived, weight) {
      units++;
      let slot = slots.get(score);
      if (slot === undefined) {
        slot = { w: 0n, dep: new Array<bigint>(indicatorCount).fill(0n) };
        slots.set(score, slot);
      }
      slot.w += weight;
      for (const j of deprived) slot.dep[j] = (slot.dep[j] ?? 0n) + weight;
    },
    build() {
      const scores = [...slots.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return {
        units,
        scores,
        weightAt: scores.map((s) => slots.get(s)?.w ?? 0n),
        deprivedAt: scores.map((s) => slots.get(s)?.dep ?? []),
      };
    },
  };
}

/** Adds score tables together (subgroups → total). */
export function mergeTables(tables: ReadonlyArray<ScoreTable>, indicatorCount: number): ScoreTable {
  const acc = new Map<bigint, { w: bigint; dep: bigint[] }>();
  let units = 0;
  for (const t of tables) {
    units += t.units;
    t.scores.forEach((s, slot) => {
      let a = acc.get(s);
      if (a === undefined) {
        a = { w: 0n, dep: new Array<bigint>(indicatorCount).fill(0n) };
        acc.set(s, a);
      }
      a.w += t.weightAt[slot] ?? 0n;
      const dep = t.deprivedAt[slot] ?? [];
      for (let j = 0; j < indicatorCount; j++) a.dep[j] = (a.dep[j] ?? 0n) + (dep[j] ?? 0n);
    });
  }
  const scores = [...acc.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { units, scores, weightAt: scores.map((s) => acc.get(s)?.w ?? 0n), deprivedAt: scores.map((s) => acc.get(s)?.dep ?? []) };
}

/** Columnar input after validation of shapes (values are checked during the pass). */
export interface ColumnarInput {
  readonly deprivations: ReadonlyArray<Uint8Array>;
  /** Per-unit analysis weight factors: sampling weight (integer) — or undefined for 1. */
  readonly sampleWeights: IntegerColumn | undefined;
  /** Per-unit sizes — or undefined when units are counted. */
  readonly sizes: IntegerColumn | undefined;
  readonly groups: IntegerColumn | undefined;
  readonly groupCount: number;
  /** Largest analysis weight (sampleWeight × size) of any unit, a safe integer. */
  readonly maxWeight: number;
}

const DENSE_LIMIT = 1 << 22;

/**
 * One pass over columnar data: per group, weighted counts by score and by score × indicator.
 * Sums run in float64 over integers in blocks short enough that no partial sum can exceed
 * 2^53 (so every addition is exact), and are flushed into bigint after each block.
 */
export function columnarTables(input: ColumnarInput, weights: NestedWeights): ScoreTable[] {
  const deps = input.deprivations;
  const J = deps.length;
  const n = deps[0]?.length ?? 0;
  const units = weights.scoreUnits.map(Number);
  const D = Number(weights.scoreDenominator);
  if (!Number.isSafeInteger(D)) {
    fail({ code: 'weights-too-fine', path: ['weights'], value: String(weights.scoreDenominator), expected: 'weights whose common denominator is below 2^53 (use the row input for finer weights)', rule: MEASURE_RULES.weights });
  }
  const G = input.groupCount;
  const sw = input.sampleWeights;
  const sizes = input.sizes;
  const groups = input.groups;

  // Slots: dense (slot = score) when small enough, otherwise the distinct scores found in a first pass.
  let dense = G * (D + 1) * (J + 1) <= DENSE_LIMIT;
  let slotCount = D + 1;
  let slotScores: number[] = [];
  let slotOfRow: Int32Array | undefined;
  if (!dense) {
    const scoreOfRow = new Float64Array(n);
    const distinct = new Set<number>();
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < J; j++) if ((deps[j] as Uint8Array)[i] === 1) s += units[j] as number;
      scoreOfRow[i] = s;
      distinct.add(s);
    }
    slotScores = [...distinct].sort((a, b) => a - b);
    slotCount = slotScores.length;
    if (G * slotCount * (J + 1) > DENSE_LIMIT * 4) {
      fail({ code: 'too-many-groups', path: ['groups'], value: G, expected: `at most ${Math.floor((DENSE_LIMIT * 4) / (slotCount * (J + 1)))} groups for ${slotCount} distinct scores`, rule: MEASURE_RULES.matrix });
    }
    const index = new Map(slotScores.map((s, k) => [s, k]));
    slotOfRow = new Int32Array(n);
    for (let i = 0; i < n; i++) slotOfRow[i] = index.get(scoreOfRow[i] as number) as number;
    dense = false;
  }

  const wAt = new Float64Array(G * slotCount);
  const dAt = new Float64Array(G * slotCount * J);
  const wBig = new Array<bigint>(G * slotCount).fill(0n);
  const dBig = new Array<bigint>(G * slotCount * J).fill(0n);
  const unitsIn = new Float64Array(G);
  const blockSize = Math.max(1, Math.floor(Number.MAX_SAFE_INTEGER / Math.max(1, input.maxWeight)));
  const flush = (): void => {
    for (let x = 0; x < wAt.length; x++) {
      const v = wAt[x] as number;
      if (v !== 0) {
        wBig[x] = (wBig[x] as bigint) + BigInt(v);
        wAt[x] = 0;
      }
    }
    for (let x = 0; x < dAt.length; x++) {
      const v = dAt[x] as number;
      if (v !== 0) {
        dBig[x] = (dBig[x] as bigint) + BigInt(v);
        dAt[x] = 0;
      }
    }
  };

  const idx = new Int32Array(J);
  let left = blockSize;
  for (let i = 0; i < n; i++) {
    let s = 0;
    let m = 0;
    for (let j = 0; j < J; j++) {
      const v = (deps[j] as Uint8Array)[i] as number;
      if (v !== 0) {
        if (v !== 1) fail({ code: 'invalid-deprivation', path: ['deprivations', j, i], value: v, expected: '0 (not deprived) or 1 (deprived)', rule: MEASURE_RULES.matrix });
        s += units[j] as number;
        idx[m++] = j;
      }
    }
    const w = (sw === undefined ? 1 : (sw[i] as number)) * (sizes === undefined ? 1 : (sizes[i] as number));
    const g = groups === undefined ? 0 : (groups[i] as number);
    unitsIn[g] = (unitsIn[g] as number) + 1;
    const base = g * slotCount + (dense ? s : ((slotOfRow as Int32Array)[i] as number));
    wAt[base] = (wAt[base] as number) + w;
    const db = base * J;
    for (let t = 0; t < m; t++) {
      const x = db + (idx[t] as number);
      dAt[x] = (dAt[x] as number) + w;
    }
    if (--left === 0) {
      flush();
      left = blockSize;
    }
  }
  flush();

  const tables: ScoreTable[] = [];
  for (let g = 0; g < G; g++) {
    const scores: bigint[] = [];
    const weightAt: bigint[] = [];
    const deprivedAt: bigint[][] = [];
    for (let slot = 0; slot < slotCount; slot++) {
      const x = g * slotCount + slot;
      const rowsHere = (wBig[x] as bigint) !== 0n;
      if (!rowsHere) continue;
      scores.push(BigInt(dense ? slot : (slotScores[slot] as number)));
      weightAt.push(wBig[x] as bigint);
      deprivedAt.push(dBig.slice(x * J, x * J + J));
    }
    tables.push({ units: unitsIn[g] as number, scores, weightAt, deprivedAt });
  }
  return tables;
}

/** Measures of one population at one cutoff: `AfMeasures` before the cutoff, unit and gap measures are attached. */
export type CoreMeasures = Omit<AfMeasures, 'cutoff' | 'countBy' | 'gapMeasures'>;

/**
 * H, A, M0, headcount ratios and contributions from a score table, exactly.
 * `scale` converts integer weights back to the caller's weights (population = Σw / scale).
 */
export function measuresFromTable(table: ScoreTable, weights: NestedWeights, cutoff: AppliedCutoff, scale: bigint, path: ReadonlyArray<string | number>): CoreMeasures {
  const J = weights.indicators.length;
  const D = weights.scoreDenominator;
  let N = 0n;
  let q = 0n;
  const C = new Array<bigint>(J).fill(0n);
  const U = new Array<bigint>(J).fill(0n);
  table.scores.forEach((s, slot) => {
    const w = table.weightAt[slot] ?? 0n;
    const dep = table.deprivedAt[slot] ?? [];
    N += w;
    const poor = s > 0n && meetsCutoff(s, D, cutoff.k);
    if (poor) q += w;
    for (let j = 0; j < J; j++) {
      const d = dep[j] ?? 0n;
      U[j] = (U[j] ?? 0n) + d;
      if (poor) C[j] = (C[j] ?? 0n) + d;
    }
  });
  if (N <= 0n) {
    fail({ code: 'empty-population', path, value: table.units, expected: 'at least one unit with a positive weight', rule: MEASURE_RULES.population });
  }
  // S = Σ_j units_j · C_j: the weighted sum of censored scores, in units of 1/D.
  let S = 0n;
  for (let j = 0; j < J; j++) S += (weights.scoreUnits[j] ?? 0n) * (C[j] ?? 0n);
  const indicators = weights.indicators.map((ind, j) => {
    const part = (weights.scoreUnits[j] ?? 0n) * (C[j] ?? 0n);
    return {
      id: ind.id,
      dimension: ind.dimension,
      weight: ind.weight,
      uncensoredHeadcountRatio: fraction(U[j] ?? 0n, N),
      censoredHeadcountRatio: fraction(C[j] ?? 0n, N),
      contribution: fraction(part, D * N),
      percentContribution: S === 0n ? null : fraction(100n * part, S),
    };
  });
  const dimensions = weights.dimensions.map((dim) => {
    const parts = indicators.filter((i) => i.dimension === dim.id);
    return {
      id: dim.id,
      weight: dim.weight,
      contribution: sumFractions(parts.map((p) => p.contribution)),
      percentContribution: S === 0n ? null : sumFractions(parts.map((p) => p.percentContribution ?? fraction(0n))),
    };
  });
  return {
    units: table.units,
    population: fraction(N, scale),
    poorPopulation: fraction(q, scale),
    headcountRatio: fraction(q, N),
    intensity: q === 0n ? null : fraction(S, D * q),
    m0: fraction(S, D * N),
    indicators,
    dimensions,
  };
}

/** `share × value` for the subgroup decomposition. */
export function weightedPart(share: Fraction, value: Fraction): Fraction {
  return multiplyFractions(share, value);
}
