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

/** Columnar input after validation (values of the deprivation bytes are checked during the pass). */
export interface ColumnarInput {
  readonly deprivations: ReadonlyArray<Uint8Array>;
  /** Per-unit integer sampling weights, or undefined for 1. */
  readonly sampleWeights: IntegerColumn | undefined;
  /** Per-unit sizes, or undefined when units are counted. */
  readonly sizes: IntegerColumn | undefined;
  /** Cell of each unit (the crossing of every grouping column), or undefined (then `cellCodes`, or a single cell). */
  readonly cells: Int32Array | undefined;
  /**
   * The grouping codes to compute each unit's cell from during the pass (Σ code·stride), checked
   * there to be whole numbers below their radix (the kernel returns null when one is not).
   */
  readonly cellCodes: ReadonlyArray<{ readonly codes: ArrayLike<number>; readonly radix: number; readonly stride: number }> | undefined;
  readonly cellCount: number;
  /**
   * Largest analysis weight (sampleWeight × size) of any unit, a safe integer; or undefined when
   * the weights are not checked yet: the pattern kernel then checks them during its pass and
   * returns null when one is not a whole number ≥ 0 or their total reaches 2^53 (the caller
   * checks them and calls again with the bound).
   */
  readonly maxWeight: number | undefined;
}

/** Most indicators for the deprivation-pattern kernel (2^J patterns per cell). */
const PATTERN_MAX_INDICATORS = 16;
/** Most accumulator entries (cells × patterns, or cells × score slots × indicators) held in one typed array. */
const ACCUMULATOR_LIMIT = 1 << 22;

/**
 * One pass over columnar data: per cell, the analysis weight at each score and at each score ×
 * indicator (everything every k needs). Two kernels, both branch-free in the indicators:
 *
 * - **patterns** (J ≤ 16 and cells × 2^J small): each unit's deprivation bytes are packed
 *   into a pattern `p = Σ d_j·2^j` and its weight added to `acc[cell·2^J + p]`: J byte loads
 *   and one addition per unit. Scores and indicator sums are read off the (few) patterns after
 *   the pass.
 * - **score slots** otherwise: the score `Σ d_j·u_j` (integer weights × bytes) picks a slot and
 *   the weight is added to the slot and, times each byte, to the slot's indicators.
 *
 * Sums run in float64 over integers in blocks whose total weight stays below 2^53 (so every
 * addition is exact) and are flushed into bigint after each block.
 */
export function columnarTables(input: ColumnarInput, weights: NestedWeights): ScoreTable[] | null {
  if (usesPatterns(input.deprivations.length, input.cellCount)) return patternTables(input, weights);
  return slotTables(input, weights);
}

/** Whether {@link columnarTables} runs the pattern kernel (which can check the weights itself) for J indicators and G cells. */
export function usesPatterns(J: number, G: number): boolean {
  return J <= PATTERN_MAX_INDICATORS && G * 2 ** J <= ACCUMULATOR_LIMIT;
}

interface BlockSums {
  /** Slot → score (units of 1/D). */
  readonly slotScores: ReadonlyArray<bigint>;
  readonly w: bigint[];
  readonly d: bigint[];
  readonly units: Float64Array;
}

/** The analysis weight column (sampling weight × size), or undefined when every unit weighs 1. */
function analysisWeights(input: ColumnarInput, n: number): ArrayLike<number> | undefined {
  const sw = input.sampleWeights;
  const sizes = input.sizes;
  if (sizes === undefined) return sw;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = (sw === undefined ? 1 : (sw[i] as number)) * (sizes[i] as number);
  return w;
}

function blockSize(input: ColumnarInput): number {
  return Math.max(1, Math.floor(Number.MAX_SAFE_INTEGER / Math.max(1, input.maxWeight ?? 1)));
}

function invalidDeprivation(deps: ReadonlyArray<Uint8Array>, from: number, to: number): never {
  for (let j = 0; j < deps.length; j++) {
    const col = deps[j] as Uint8Array;
    for (let i = from; i < to; i++) {
      const v = col[i] as number;
      if (v > 1) fail({ code: 'invalid-deprivation', path: ['deprivations', j, i], value: v, expected: '0 (not deprived) or 1 (deprived)', rule: MEASURE_RULES.matrix });
    }
  }
  return fail({ code: 'invalid-deprivation', path: ['deprivations'], value: null, expected: '0 (not deprived) or 1 (deprived)', rule: MEASURE_RULES.matrix });
}

function patternTables(input: ColumnarInput, weights: NestedWeights): ScoreTable[] | null {
  const deps = input.deprivations;
  const J = deps.length;
  const n = deps[0]?.length ?? 0;
  const G = input.cellCount;
  const P = 2 ** J;
  // Score of every pattern, and the slot of each distinct score (ascending).
  const scoreOf = new Array<bigint>(P);
  for (let p = 0; p < P; p++) {
    let s = 0n;
    for (let j = 0; j < J; j++) if ((p >> j) & 1) s += weights.scoreUnits[j] ?? 0n;
    scoreOf[p] = s;
  }
  const slotScores = [...new Set(scoreOf)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const slotIndex = new Map(slotScores.map((s, k) => [s, k]));
  const slotOf = Int32Array.from(scoreOf, (s) => slotIndex.get(s) as number);
  const S = slotScores.length;
  const sums: BlockSums = { slotScores, w: new Array<bigint>(G * S).fill(0n), d: new Array<bigint>(G * S * J).fill(0n), units: new Float64Array(G) };
  const acc = new Float64Array(G * P);
  const wSlot = new Float64Array(G * S);
  const dSlot = new Float64Array(G * S * J);
  const w = analysisWeights(input, n);
  const cells = input.cells;
  const units = sums.units;
  const unchecked = input.maxWeight === undefined && w !== undefined;
  const byCodes = cells === undefined && input.cellCodes !== undefined && input.cellCodes.length > 0 ? input.cellCodes : undefined;
  const B = byCodes?.length ?? 0;
  let badCode = false;
  const step = input.maxWeight === undefined ? n : blockSize(input);
  let total = 0;
  let badWeight = false;
  for (let from = 0; from < n; from += step) {
    const to = Math.min(n, from + step);
    // Per unit: the pattern of its J bytes (loads, shifts, ors: no branch) and one addition.
    let seen = 0;
    if (cells === undefined && byCodes === undefined) units[0] = (units[0] as number) + (to - from);
    for (let i = from; i < to; i++) {
      let p = 0;
      for (let j = 0; j < J; j++) {
        const v = (deps[j] as Uint8Array)[i] as number;
        seen |= v;
        p |= v << j;
      }
      let x = p;
      if (cells !== undefined) {
        const c = cells[i] as number;
        units[c] = (units[c] as number) + 1;
        x += c * P;
      } else if (byCodes !== undefined) {
        let c = 0;
        for (let b = 0; b < B; b++) {
          const col = byCodes[b] as { readonly codes: ArrayLike<number>; readonly radix: number; readonly stride: number };
          const v = col.codes[i] as number;
          if (!(v >= 0 && v < col.radix && Math.floor(v) === v)) badCode = true;
          c += v * col.stride;
        }
        if (badCode) return null;
        units[c] = (units[c] as number) + 1;
        x += c * P;
      }
      const wi = w === undefined ? 1 : (w[i] as number);
      acc[x] = (acc[x] as number) + wi;
      if (unchecked) {
        total += wi;
        if (!(wi >= 0 && Math.floor(wi) === wi)) badWeight = true;
      }
    }
    if (seen > 1) invalidDeprivation(deps, from, to);
    if (badWeight || total > Number.MAX_SAFE_INTEGER) return null;
    // Patterns → score slots and slot × indicator sums (still exact: the block total is below 2^53).
    for (let c = 0; c < G; c++) {
      for (let p = 0; p < P; p++) {
        const w = acc[c * P + p] as number;
        if (w === 0) continue;
        const slot = c * S + (slotOf[p] as number);
        wSlot[slot] = (wSlot[slot] as number) + w;
        const base = slot * J;
        for (let q = p, j = 0; q !== 0; q >>= 1, j++) if (q & 1) dSlot[base + j] = (dSlot[base + j] as number) + w;
      }
    }
    acc.fill(0);
    flushInto(sums, wSlot, dSlot);
  }
  return tablesOf(sums, G, J);
}

function slotTables(input: ColumnarInput, weights: NestedWeights): ScoreTable[] {
  const deps = input.deprivations;
  const J = deps.length;
  const n = deps[0]?.length ?? 0;
  const G = input.cellCount;
  const units = weights.scoreUnits.map(Number);
  const D = Number(weights.scoreDenominator);
  if (!Number.isSafeInteger(D)) {
    fail({ code: 'weights-too-fine', path: ['weights'], value: String(weights.scoreDenominator), expected: 'weights whose common denominator is below 2^53 (use the row input for finer weights)', rule: MEASURE_RULES.weights });
  }
  // Score of every unit (integer weights × bytes, no branch), then its slot among the distinct scores.
  const score = new Float64Array(n);
  let seen = 0;
  for (let j = 0; j < J; j++) {
    const col = deps[j] as Uint8Array;
    const u = units[j] as number;
    for (let i = 0; i < n; i++) {
      const v = col[i] as number;
      seen |= v;
      score[i] = (score[i] as number) + v * u;
    }
  }
  if (seen > 1) invalidDeprivation(deps, 0, n);
  const slotScores = [...new Set(score)].sort((a, b) => a - b);
  const S = slotScores.length;
  if (G * S * (J + 1) > ACCUMULATOR_LIMIT * 4) {
    fail({ code: 'too-many-groups', path: ['groups'], value: G, expected: `at most ${Math.floor((ACCUMULATOR_LIMIT * 4) / (S * (J + 1)))} subgroups (crossings) for ${S} distinct scores`, rule: MEASURE_RULES.matrix });
  }
  const index = new Map(slotScores.map((s, k) => [s, k]));
  const sums: BlockSums = { slotScores: slotScores.map((s) => BigInt(s)), w: new Array<bigint>(G * S).fill(0n), d: new Array<bigint>(G * S * J).fill(0n), units: new Float64Array(G) };
  const wSlot = new Float64Array(G * S);
  const dSlot = new Float64Array(G * S * J);
  const sw = input.sampleWeights;
  const sizes = input.sizes;
  const cells = input.cells;
  const step = blockSize(input);
  for (let from = 0; from < n; from += step) {
    const to = Math.min(n, from + step);
    for (let i = from; i < to; i++) {
      const c = cells === undefined ? 0 : (cells[i] as number);
      sums.units[c] = (sums.units[c] as number) + 1;
      const w = (sw === undefined ? 1 : (sw[i] as number)) * (sizes === undefined ? 1 : (sizes[i] as number));
      const slot = c * S + (index.get(score[i] as number) as number);
      wSlot[slot] = (wSlot[slot] as number) + w;
      const base = slot * J;
      for (let j = 0; j < J; j++) dSlot[base + j] = (dSlot[base + j] as number) + w * ((deps[j] as Uint8Array)[i] as number);
    }
    flushInto(sums, wSlot, dSlot);
  }
  return tablesOf(sums, G, J);
}

/** Adds the float block sums (exact integers) into the bigint totals and clears them. */
function flushInto(sums: BlockSums, wSlot: Float64Array, dSlot: Float64Array): void {
  for (let x = 0; x < wSlot.length; x++) {
    const v = wSlot[x] as number;
    if (v !== 0) {
      sums.w[x] = (sums.w[x] as bigint) + BigInt(v);
      wSlot[x] = 0;
    }
  }
  for (let x = 0; x < dSlot.length; x++) {
    const v = dSlot[x] as number;
    if (v !== 0) {
      sums.d[x] = (sums.d[x] as bigint) + BigInt(v);
      dSlot[x] = 0;
    }
  }
}

function tablesOf(sums: BlockSums, G: number, J: number): ScoreTable[] {
  const S = sums.slotScores.length;
  const tables: ScoreTable[] = [];
  for (let c = 0; c < G; c++) {
    const scores: bigint[] = [];
    const weightAt: bigint[] = [];
    const deprivedAt: bigint[][] = [];
    for (let slot = 0; slot < S; slot++) {
      const x = c * S + slot;
      if ((sums.w[x] as bigint) === 0n) continue;
      scores.push(sums.slotScores[slot] as bigint);
      weightAt.push(sums.w[x] as bigint);
      deprivedAt.push(sums.d.slice(x * J, x * J + J));
    }
    tables.push({ units: sums.units[c] as number, scores, weightAt, deprivedAt });
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
