/**
 * Validation and preparation of Alkire–Foster inputs (rows or columns) into score tables.
 * Everything here runs once at the edge; the core that follows trusts its input.
 */
import * as z from 'zod';
import { VnPovertyError, issue, parseInput, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { compareFractions, divideFractions, fraction, subtractFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { MEASURE_RULES, exactInputSchema, lcmBig } from './_measureRules.js';
import { columnarTables, mergeTables, rowAccumulator, type LabelledTable, type ScoreTable } from './_afCore.js';
import type { AfAchievementData, AfColumnarData, AfData, AfDeprivationData, AfInputOptions, AfMissingReport, AnalysisUnit, IntegerColumn, MissingPolicy } from './afData.js';
import { nestedWeights, type NestedWeights } from './nestedWeights.js';

/** A unit kept for the gap measures (achievement input only). */
export interface GapRow {
  readonly score: bigint;
  readonly weight: Fraction;
  readonly group: string | null;
  /** Normalised gap (z − y)/z of each indicator, 0 where not deprived. */
  readonly gaps: ReadonlyArray<Fraction>;
}

/** Prepared input: score tables, total and per group. */
export interface PreparedAf {
  readonly weights: NestedWeights;
  readonly countBy: AnalysisUnit;
  readonly total: ScoreTable;
  readonly groups: ReadonlyArray<LabelledTable> | null;
  readonly scale: bigint;
  readonly missing: AfMissingReport;
  readonly gapRows: ReadonlyArray<GapRow> | null;
}

const entrySchema = z.union([z.boolean(), z.literal(0), z.literal(1), z.null()]);
const unitColumns = {
  sampleWeights: z.array(exactInputSchema).optional(),
  sizes: z.array(z.number()).optional(),
  groups: z.array(z.union([z.string(), z.number()])).optional(),
};
const rowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deprivations'), rows: z.array(z.array(entrySchema)), ...unitColumns }),
  z.object({ kind: z.literal('achievements'), rows: z.array(z.array(z.union([exactInputSchema, z.null()]))), cutoffs: z.array(exactInputSchema), ...unitColumns }),
]);
const optionsSchema = z.object({
  countBy: z.enum(['units', 'members']),
  missing: z.enum(['drop-unit', 'not-deprived']).optional(),
});

const MAX_ISSUES = 50;

interface IssueList {
  add(found: VnIssue): void;
  throwIfAny(): void;
}

/** Collects up to {@link MAX_ISSUES} issues, then throws them together. */
function issueList(): IssueList {
  const list: VnIssue[] = [];
  return {
    add(found) {
      if (list.length < MAX_ISSUES) list.push(found);
    },
    throwIfAny() {
      if (list.length > 0) throw new VnPovertyError(list as unknown as VnIssues);
    },
  };
}

/** Validates an AF input and builds its score tables (row path in bigint, columnar path in blocks). */
export function prepareAf(data: AfData, options: AfInputOptions): PreparedAf {
  const weights = nestedWeights(options.weights);
  const opts = parseInput(optionsSchema, { countBy: options.countBy, missing: options.missing });
  if (typeof data === 'object' && data !== null && (data as AfData).kind === 'columns') return prepareColumns(data as AfColumnarData, weights, opts.countBy);
  return prepareRows(data as AfDeprivationData | AfAchievementData, weights, opts.countBy, opts.missing);
}

function prepareRows(input: AfDeprivationData | AfAchievementData, weights: NestedWeights, countBy: AnalysisUnit, policy: MissingPolicy | undefined): PreparedAf {
  const data = parseInput(rowSchema, input, MEASURE_RULES.matrix);
  const J = weights.indicators.length;
  const n = data.rows.length;
  const problems = issueList();
  if (n === 0) problems.add(issue({ code: 'empty-population', path: ['rows'], value: [], expected: 'at least one unit', rule: MEASURE_RULES.population }));
  for (const key of ['sampleWeights', 'sizes', 'groups'] as const) {
    const col = data[key];
    if (col !== undefined && col.length !== n) problems.add(issue({ code: 'length-mismatch', path: [key], value: col.length, expected: `one entry per unit (${n})`, rule: MEASURE_RULES.matrix }));
  }
  if (countBy === 'members' && data.sizes === undefined) {
    problems.add(issue({ code: 'missing-sizes', path: ['sizes'], value: undefined, expected: 'a household size for every unit when counting members', rule: MEASURE_RULES.sizes }));
  }
  let cutoffs: Fraction[] = [];
  if (data.kind === 'achievements') {
    if (data.cutoffs.length !== J) problems.add(issue({ code: 'length-mismatch', path: ['cutoffs'], value: data.cutoffs.length, expected: `one cutoff per indicator (${J})`, rule: MEASURE_RULES.matrix }));
    cutoffs = data.cutoffs.map((c, j) => toFraction(c, ['cutoffs', j]));
    cutoffs.forEach((c, j) => {
      if (c.num <= 0n) problems.add(issue({ code: 'non-positive-cutoff', path: ['cutoffs', j], value: data.cutoffs[j], expected: 'a deprivation cutoff greater than 0 (gaps are normalised by it)', rule: MEASURE_RULES.matrix }));
    });
  }
  data.rows.forEach((row, i) => {
    if (row.length !== J) problems.add(issue({ code: 'ragged-row', path: ['rows', i], value: row.length, expected: `${J} entries (one per indicator)`, rule: MEASURE_RULES.matrix }));
  });
  const sw = (data.sampleWeights ?? []).map((w, i) => toFraction(w, ['sampleWeights', i]));
  sw.forEach((w, i) => {
    if (w.num < 0n) problems.add(issue({ code: 'negative-sampling-weight', path: ['sampleWeights', i], value: data.sampleWeights?.[i], expected: 'a sampling weight ≥ 0', rule: MEASURE_RULES.sampleWeights }));
  });
  if (countBy === 'members') {
    (data.sizes ?? []).forEach((s, i) => {
      if (!Number.isSafeInteger(s) || s < 1) problems.add(issue({ code: 'invalid-size', path: ['sizes', i], value: s, expected: 'a whole number of members ≥ 1', rule: MEASURE_RULES.sizes }));
    });
  }
  problems.throwIfAny();

  // Deprivation status of every entry, with missing entries found and the policy applied.
  const missingEntries = new Array<number>(J).fill(0);
  let anyMissing = false;
  let dropped = 0;
  const scale = sw.reduce((acc, w) => lcmBig(acc, w.den), 1n);
  const accs = new Map<string, ReturnType<typeof rowAccumulator>>();
  const total = rowAccumulator(J);
  const gapRows: GapRow[] | null = data.kind === 'achievements' ? [] : null;
  for (let i = 0; i < n; i++) {
    const row = data.rows[i] ?? [];
    let missingHere = false;
    for (let j = 0; j < J; j++) {
      if (row[j] === null) {
        missingHere = true;
        missingEntries[j] = (missingEntries[j] ?? 0) + 1;
        if (policy === undefined) {
          problems.add(issue({ code: 'missing-value', path: ['rows', i, j], value: null, expected: "a value, or options.missing set to 'drop-unit' or 'not-deprived'", rule: MEASURE_RULES.missing }));
        }
      }
    }
    if (missingHere) anyMissing = true;
    if (missingHere && policy === 'drop-unit') {
      dropped++;
      continue;
    }
    const deprived: number[] = [];
    const gaps: Fraction[] = [];
    let score = 0n;
    for (let j = 0; j < J; j++) {
      const v = row[j];
      let isDeprived = false;
      if (data.kind === 'deprivations') {
        isDeprived = v === true || v === 1;
      } else if (v !== null && v !== undefined) {
        const y = toFraction(v as ExactInput, ['rows', i, j]);
        const z = cutoffs[j] ?? fraction(1n);
        isDeprived = compareFractions(y, z) < 0;
        gaps.push(isDeprived ? divideFractions(subtractFractions(z, y), z) : fraction(0n));
      } else {
        gaps.push(fraction(0n));
      }
      if (isDeprived) {
        deprived.push(j);
        score += weights.scoreUnits[j] ?? 0n;
      }
    }
    const w = sw[i] ?? fraction(1n);
    const size = countBy === 'members' ? BigInt(data.sizes?.[i] ?? 1) : 1n;
    const intWeight = (w.num * (scale / w.den)) * size;
    total.add(score, deprived, intWeight);
    const label = data.groups === undefined ? null : String(data.groups[i]);
    if (label !== null) {
      let acc = accs.get(label);
      if (acc === undefined) {
        acc = rowAccumulator(J);
        accs.set(label, acc);
      }
      acc.add(score, deprived, intWeight);
    }
    if (gapRows !== null) gapRows.push({ score, weight: fraction(w.num * size, w.den), group: label, gaps });
  }
  problems.throwIfAny();
  return {
    weights,
    countBy,
    total: total.build(),
    groups: data.groups === undefined ? null : [...accs].map(([label, acc]) => ({ label, table: acc.build() })),
    scale,
    missing: { policy: anyMissing ? (policy ?? null) : null, droppedUnits: dropped, missingEntries },
    gapRows,
  };
}

const INTEGER_ARRAYS = [Float64Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array];
function isIntegerColumn(value: unknown): value is IntegerColumn {
  return INTEGER_ARRAYS.some((T) => value instanceof T);
}

function prepareColumns(data: AfColumnarData, weights: NestedWeights, countBy: AnalysisUnit): PreparedAf {
  const problems = issueList();
  const J = weights.indicators.length;
  const deps = Array.isArray(data.deprivations) ? data.deprivations : [];
  if (deps.length !== J) problems.add(issue({ code: 'length-mismatch', path: ['deprivations'], value: deps.length, expected: `one column per indicator (${J})`, rule: MEASURE_RULES.matrix }));
  const n = deps[0]?.length ?? 0;
  deps.forEach((col, j) => {
    if (!(col instanceof Uint8Array)) problems.add(issue({ code: 'invalid-input', path: ['deprivations', j], value: typeof col, expected: 'a Uint8Array of 0/1', rule: MEASURE_RULES.matrix }));
    else if (col.length !== n) problems.add(issue({ code: 'ragged-row', path: ['deprivations', j], value: col.length, expected: `${n} entries, like the first column`, rule: MEASURE_RULES.matrix }));
  });
  if (n === 0) problems.add(issue({ code: 'empty-population', path: ['deprivations'], value: 0, expected: 'at least one unit', rule: MEASURE_RULES.population }));
  for (const key of ['sampleWeights', 'sizes', 'groups'] as const) {
    const col = data[key];
    if (col === undefined) continue;
    if (!isIntegerColumn(col)) problems.add(issue({ code: 'invalid-input', path: [key], value: typeof col, expected: 'a typed array of whole numbers', rule: MEASURE_RULES.matrix }));
    else if (col.length !== n) problems.add(issue({ code: 'length-mismatch', path: [key], value: col.length, expected: `one entry per unit (${n})`, rule: MEASURE_RULES.matrix }));
  }
  if (countBy === 'members' && data.sizes === undefined) {
    problems.add(issue({ code: 'missing-sizes', path: ['sizes'], value: undefined, expected: 'a household size for every unit when counting members', rule: MEASURE_RULES.sizes }));
  }
  problems.throwIfAny();
  const sw = data.sampleWeights;
  const sizes = countBy === 'members' ? data.sizes : undefined;
  let maxWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = sw === undefined ? 1 : (sw[i] as number);
    if (!Number.isSafeInteger(w) || w < 0) {
      problems.add(issue({ code: w < 0 ? 'negative-sampling-weight' : 'invalid-sampling-weight', path: ['sampleWeights', i], value: w, expected: 'a whole-number sampling weight ≥ 0 (scale the weights to integers)', rule: MEASURE_RULES.sampleWeights }));
      continue;
    }
    const s = sizes === undefined ? 1 : (sizes[i] as number);
    if (!Number.isSafeInteger(s) || s < 1) {
      problems.add(issue({ code: 'invalid-size', path: ['sizes', i], value: s, expected: 'a whole number of members ≥ 1', rule: MEASURE_RULES.sizes }));
      continue;
    }
    const product = w * s;
    if (!Number.isSafeInteger(product)) problems.add(issue({ code: 'invalid-sampling-weight', path: ['sampleWeights', i], value: w, expected: 'sampling weight × size below 2^53', rule: MEASURE_RULES.sampleWeights }));
    else if (product > maxWeight) maxWeight = product;
  }
  let groupCount = 1;
  const groups = data.groups;
  if (groups !== undefined) {
    let max = -1;
    for (let i = 0; i < n; i++) {
      const g = groups[i] as number;
      if (!Number.isSafeInteger(g) || g < 0 || (data.groupLabels !== undefined && g >= data.groupLabels.length)) {
        problems.add(issue({ code: 'invalid-group', path: ['groups', i], value: g, expected: data.groupLabels ? `a group code in [0, ${data.groupLabels.length})` : 'a whole-number group code ≥ 0', rule: MEASURE_RULES.matrix }));
      } else if (g > max) max = g;
    }
    groupCount = data.groupLabels?.length ?? max + 1;
  }
  problems.throwIfAny();
  const tables = columnarTables({ deprivations: deps, sampleWeights: sw, sizes, groups, groupCount, maxWeight }, weights);
  const total = groups === undefined ? (tables[0] as ScoreTable) : mergeTables(tables, J);
  return {
    weights,
    countBy,
    total,
    groups: groups === undefined ? null : tables.map((table, g) => ({ label: data.groupLabels?.[g] ?? String(g), table })).filter((t) => t.table.units > 0),
    scale: 1n,
    missing: { policy: null, droppedUnits: 0, missingEntries: new Array<number>(J).fill(0) },
    gapRows: null,
  };
}
