/**
 * Validation and preparation of Alkire–Foster inputs (rows or columns) into score tables.
 * Everything here runs once at the edge; the core that follows trusts its input.
 */
import * as z from 'zod';
import { issue, parseInput } from '../errors/VnPovertyError.js';
import { issueList, type IssueList } from './_issueList.js';
import { compareFractions, divideFractions, fraction, subtractFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { MEASURE_RULES, exactInputSchema, lcmBig } from './_measureRules.js';
import { columnarTables, mergeTables, rowAccumulator, usesPatterns, type LabelledTable, type ScoreTable } from './_afCore.js';
import type { AfAchievementData, AfColumnarData, AfData, AfDeprivationData, AfInputOptions, AfMissingReport, AnalysisUnit, IntegerColumn, MissingPolicy } from './afData.js';
import { nestedWeights, type NestedWeights } from './nestedWeights.js';

/** A unit kept for the gap measures (achievement input only). */
export interface GapRow {
  readonly score: bigint;
  readonly weight: Fraction;
  /** The unit's cell (crossing of the grouping columns). */
  readonly cell: number;
  /** Normalised gap (z − y)/z of each indicator, 0 where not deprived. */
  readonly gaps: ReadonlyArray<Fraction>;
}

/** One group of a decomposition: its label, its key per grouping column, its table and the cells it covers. */
export interface PreparedGroup extends LabelledTable {
  readonly keys: ReadonlyArray<string>;
  readonly cells: ReadonlySet<number>;
}

/** One decomposition: by one column or by a crossing of several. */
export interface PreparedGrouping {
  /** The column names joined by ' × '. */
  readonly name: string;
  readonly by: ReadonlyArray<string>;
  readonly groups: ReadonlyArray<PreparedGroup>;
}

/** Prepared input: score tables, total, per group of the `groups` column and per requested grouping. */
export interface PreparedAf {
  readonly weights: NestedWeights;
  readonly countBy: AnalysisUnit;
  readonly total: ScoreTable;
  readonly groups: ReadonlyArray<PreparedGroup> | null;
  readonly groupings: ReadonlyArray<PreparedGrouping>;
  readonly scale: bigint;
  readonly missing: AfMissingReport;
  readonly gapRows: ReadonlyArray<GapRow> | null;
}

/** A grouping column after validation: per-unit codes and the label of each code. */
interface GroupColumn {
  readonly name: string;
  readonly codes: ArrayLike<number>;
  readonly labels: ReadonlyArray<string>;
  /** Where the codes came from, for error paths. */
  readonly path: ReadonlyArray<string | number>;
}

/** The legacy `groups` column's internal name (not a valid `by` name from a caller: it is empty). */
const GROUPS_COLUMN = '';
/** Most cells addressed directly by their mixed-radix code; beyond, present crossings are numbered. */
const DENSE_CELLS = 1 << 16;

const entrySchema = z.union([z.boolean(), z.literal(0), z.literal(1), z.null()]);
const labelSchema = z.union([z.string(), z.number()]);
const unitColumns = {
  sampleWeights: z.array(exactInputSchema).optional(),
  sizes: z.array(z.number()).optional(),
  groups: z.array(labelSchema).optional(),
  by: z.array(z.object({ name: z.string().min(1, 'a non-empty column name'), values: z.array(labelSchema) })).optional(),
};
const rowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deprivations'), rows: z.array(z.array(entrySchema)), ...unitColumns }),
  z.object({ kind: z.literal('achievements'), rows: z.array(z.array(z.union([exactInputSchema, z.null()]))), cutoffs: z.array(exactInputSchema), ...unitColumns }),
]);
const optionsSchema = z.object({
  countBy: z.enum(['units', 'members']),
  missing: z.enum(['drop-unit', 'not-deprived']).optional(),
  groupings: z.array(z.union([z.string(), z.array(z.string()).min(1, 'at least one column to cross')])).optional(),
});

/** Validates an AF input and builds its score tables (row path in bigint, columnar path in blocks). */
export function prepareAf(data: AfData, options: AfInputOptions): PreparedAf {
  const weights = nestedWeights(options.weights);
  const opts = parseInput(optionsSchema, { countBy: options.countBy, missing: options.missing, groupings: options.groupings });
  if (typeof data === 'object' && data !== null && (data as AfData).kind === 'columns') return prepareColumns(data as AfColumnarData, weights, opts.countBy, opts.groupings);
  return prepareRows(data as AfDeprivationData | AfAchievementData, weights, opts.countBy, opts.missing, opts.groupings);
}

type GroupingRequest = ReadonlyArray<string | ReadonlyArray<string>> | undefined;

/** The requested groupings as lists of column names, checked against the `by` columns present. */
function groupingLists(request: GroupingRequest, names: ReadonlyArray<string>, problems: IssueList): string[][] {
  const lists = (request ?? names).map((g) => (typeof g === 'string' ? [g] : [...g]));
  lists.forEach((list, i) => {
    list.forEach((name, j) => {
      if (!names.includes(name)) {
        problems.add(issue({ code: 'unknown-grouping', path: ['groupings', i, ...(typeof (request ?? names)[i] === 'string' ? [] : [j])], value: name, expected: names.length === 0 ? 'a `by` column in the data (none given)' : `one of the \`by\` columns: ${names.join(', ')}`, rule: MEASURE_RULES.matrix }));
      }
    });
    if (new Set(list).size !== list.length) problems.add(issue({ code: 'duplicate-id', path: ['groupings', i], value: list.join(' × '), expected: 'a crossing of different columns', rule: MEASURE_RULES.matrix }));
  });
  return lists;
}

/** Per-unit codes of a label column, numbered in order of first appearance. */
function codesOfLabels(name: string, values: ReadonlyArray<string | number>): GroupColumn {
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    const label = String(v);
    let code = index.get(label);
    if (code === undefined) {
      code = index.size;
      index.set(label, code);
    }
    codes[i] = code;
  });
  return { name, codes, labels: [...index.keys()], path: [] };
}

/** The cell of every unit: the mixed-radix code of its labels in the grouping columns (numbered when too many). */
interface CellLayout {
  readonly cells: Int32Array | undefined;
  readonly cellCount: number;
  /** Code in each column of each cell. */
  readonly codesOfCell: (cell: number) => ReadonlyArray<number>;
}

/**
 * The cells of the units, checking on the way that every code is a whole number below its
 * column's number of labels (reported in full, with paths, when one is not).
 */
/** The mixed-radix numbering of the cells: each column's radix (its number of labels), their product, and the decoding. */
interface CellPlan {
  readonly radix: ReadonlyArray<number>;
  readonly product: number;
  readonly decode: (code: number) => number[];
}

function cellPlan(columns: ReadonlyArray<GroupColumn>): CellPlan {
  const radix = columns.map((c) => Math.max(1, c.labels.length));
  const decode = (code: number): number[] => {
    const out: number[] = [];
    let rest = code;
    for (const r of radix) {
      out.push(rest % r);
      rest = Math.floor(rest / r);
    }
    return out;
  };
  return { radix, product: radix.reduce((a, b) => a * b, 1), decode };
}

function cellLayout(columns: ReadonlyArray<GroupColumn>, n: number, problems: IssueList): CellLayout {
  if (columns.length === 0) return { cells: undefined, cellCount: 1, codesOfCell: () => [] };
  const { radix, product, decode } = cellPlan(columns);
  if (product <= DENSE_CELLS) {
    const cells = new Int32Array(n);
    let stride = 1;
    for (const [b, col] of columns.entries()) {
      const codes = col.codes;
      const r = radix[b] as number;
      let bad = false;
      for (let i = 0; i < n; i++) {
        const v = codes[i] as number;
        if (!(v >= 0 && v < r && Math.floor(v) === v)) bad = true;
        cells[i] = (cells[i] as number) + v * stride;
      }
      if (bad) checkCodes(codes, col.labels, col.path, n, problems);
      stride *= r;
    }
    problems.throwIfAny();
    return { cells, cellCount: product, codesOfCell: decode };
  }
  const raw = new Float64Array(n);
  let stride = 1;
  for (const [b, col] of columns.entries()) {
    const r = radix[b] as number;
    let bad = false;
    for (let i = 0; i < n; i++) {
      const v = col.codes[i] as number;
      if (!(v >= 0 && v < r && Math.floor(v) === v)) bad = true;
      raw[i] = (raw[i] as number) + v * stride;
    }
    if (bad) checkCodes(col.codes, col.labels, col.path, n, problems);
    stride *= r;
  }
  problems.throwIfAny();
  const index = new Map<number, number>();
  const cells = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const code = raw[i] as number;
    let c = index.get(code);
    if (c === undefined) {
      c = index.size;
      index.set(code, c);
    }
    cells[i] = c;
  }
  const rawOf = [...index.keys()];
  return { cells, cellCount: index.size, codesOfCell: (cell) => decode(rawOf[cell] as number) };
}

/** Sums the cell tables into the groups of each grouping (and of the legacy `groups` column). */
function groupTables(
  columns: ReadonlyArray<GroupColumn>,
  layout: CellLayout,
  tables: ReadonlyArray<ScoreTable>,
  lists: ReadonlyArray<ReadonlyArray<string>>,
  J: number,
): { groups: PreparedGroup[] | null; groupings: PreparedGrouping[] } {
  const project = (names: ReadonlyArray<string>): PreparedGroup[] => {
    const at = names.map((name) => columns.findIndex((c) => c.name === name));
    const byKey = new Map<string, { codes: number[]; cells: number[] }>();
    tables.forEach((t, cell) => {
      if (t.units === 0) return;
      const all = layout.codesOfCell(cell);
      const codes = at.map((b) => all[b] as number);
      const key = codes.join(',');
      const entry = byKey.get(key) ?? { codes, cells: [] };
      entry.cells.push(cell);
      byKey.set(key, entry);
    });
    const entries = [...byKey.values()].sort((a, b) => {
      for (let x = 0; x < a.codes.length; x++) if (a.codes[x] !== b.codes[x]) return (a.codes[x] as number) - (b.codes[x] as number);
      return 0;
    });
    return entries.map(({ codes, cells }) => {
      const keys = codes.map((code, x) => columns[at[x] as number]?.labels[code] ?? String(code));
      const table = cells.length === 1 ? (tables[cells[0] as number] as ScoreTable) : mergeTables(cells.map((c) => tables[c] as ScoreTable), J);
      return { label: keys.join(' × '), keys, table, cells: new Set(cells) };
    });
  };
  const hasGroups = columns.some((c) => c.name === GROUPS_COLUMN);
  return { groups: hasGroups ? project([GROUPS_COLUMN]) : null, groupings: lists.map((names) => ({ name: names.join(' × '), by: names, groups: project(names) })) };
}

/** The grouping columns a request uses (the legacy `groups` column first), with duplicate names refused. */
function usedColumns(all: ReadonlyArray<GroupColumn>, lists: ReadonlyArray<ReadonlyArray<string>>): GroupColumn[] {
  const used = new Set(lists.flat());
  return all.filter((c) => c.name === GROUPS_COLUMN || used.has(c.name));
}

function byNameProblems(names: ReadonlyArray<string>, problems: IssueList): void {
  names.forEach((name, b) => {
    if (names.indexOf(name) !== b) problems.add(issue({ code: 'duplicate-id', path: ['by', b, 'name'], value: name, expected: 'grouping columns with different names', rule: MEASURE_RULES.matrix }));
  });
}

function prepareRows(input: AfDeprivationData | AfAchievementData, weights: NestedWeights, countBy: AnalysisUnit, policy: MissingPolicy | undefined, request: GroupingRequest): PreparedAf {
  const data = parseInput(rowSchema, input, MEASURE_RULES.matrix);
  const J = weights.indicators.length;
  const n = data.rows.length;
  const problems = issueList();
  if (n === 0) problems.add(issue({ code: 'empty-population', path: ['rows'], value: [], expected: 'at least one unit', rule: MEASURE_RULES.population }));
  for (const key of ['sampleWeights', 'sizes', 'groups'] as const) {
    const col = data[key];
    if (col !== undefined && col.length !== n) problems.add(issue({ code: 'length-mismatch', path: [key], value: col.length, expected: `one entry per unit (${n})`, rule: MEASURE_RULES.matrix }));
  }
  (data.by ?? []).forEach((col, b) => {
    if (col.values.length !== n) problems.add(issue({ code: 'length-mismatch', path: ['by', b, 'values'], value: col.values.length, expected: `one entry per unit (${n})`, rule: MEASURE_RULES.matrix }));
  });
  byNameProblems((data.by ?? []).map((c) => c.name), problems);
  const lists = groupingLists(request, (data.by ?? []).map((c) => c.name), problems);
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
  const columns = usedColumns(
    [...(data.groups === undefined ? [] : [codesOfLabels(GROUPS_COLUMN, data.groups)]), ...(data.by ?? []).map((c) => codesOfLabels(c.name, c.values))],
    lists,
  );
  const layout = cellLayout(columns, n, problems);
  const accs = new Map<number, ReturnType<typeof rowAccumulator>>();
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
    const cell = layout.cells === undefined ? 0 : (layout.cells[i] as number);
    let acc = accs.get(cell);
    if (acc === undefined) {
      acc = rowAccumulator(J);
      accs.set(cell, acc);
    }
    acc.add(score, deprived, intWeight);
    if (gapRows !== null) gapRows.push({ score, weight: fraction(w.num * size, w.den), cell, gaps });
  }
  problems.throwIfAny();
  const empty = rowAccumulator(J).build();
  const tables = Array.from({ length: layout.cellCount }, (_, c) => accs.get(c)?.build() ?? empty);
  return {
    weights,
    countBy,
    total: tables.length === 1 ? (tables[0] as ScoreTable) : mergeTables(tables, J),
    ...groupTables(columns, layout, tables, lists, J),
    scale,
    missing: { policy: anyMissing ? (policy ?? null) : null, droppedUnits: dropped, missingEntries },
    gapRows,
  };
}

const INTEGER_ARRAYS = [Float64Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array];
function isIntegerColumn(value: unknown): value is IntegerColumn {
  return INTEGER_ARRAYS.some((T) => value instanceof T);
}

function prepareColumns(data: AfColumnarData, weights: NestedWeights, countBy: AnalysisUnit, request: GroupingRequest): PreparedAf {
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
  const checkColumn = (col: unknown, path: ReadonlyArray<string | number>): void => {
    if (col === undefined) return;
    if (!isIntegerColumn(col)) problems.add(issue({ code: 'invalid-input', path, value: typeof col, expected: 'a typed array of whole numbers', rule: MEASURE_RULES.matrix }));
    else if (col.length !== n) problems.add(issue({ code: 'length-mismatch', path, value: col.length, expected: `one entry per unit (${n})`, rule: MEASURE_RULES.matrix }));
  };
  for (const key of ['sampleWeights', 'sizes', 'groups'] as const) checkColumn(data[key], [key]);
  const by = Array.isArray(data.by) ? data.by : [];
  by.forEach((col, b) => {
    if (typeof col?.name !== 'string' || col.name === '') problems.add(issue({ code: 'invalid-input', path: ['by', b, 'name'], value: col?.name, expected: 'a non-empty column name', rule: MEASURE_RULES.matrix }));
    checkColumn(col?.codes, ['by', b, 'codes']);
  });
  byNameProblems(by.map((c) => c.name), problems);
  const lists = groupingLists(request, by.map((c) => c.name), problems);
  if (countBy === 'members' && data.sizes === undefined) {
    problems.add(issue({ code: 'missing-sizes', path: ['sizes'], value: undefined, expected: 'a household size for every unit when counting members', rule: MEASURE_RULES.sizes }));
  }
  const scale = weightScale(data.sampleWeightScale, problems);
  problems.throwIfAny();
  const sw = data.sampleWeights;
  const sizes = countBy === 'members' ? data.sizes : undefined;
  const all: GroupColumn[] = [];
  if (data.groups !== undefined) all.push(codeColumn(GROUPS_COLUMN, data.groups, data.groupLabels, ['groups'], n, problems));
  by.forEach((col, b) => all.push(codeColumn(col.name, col.codes, col.labels, ['by', b, 'codes'], n, problems)));
  problems.throwIfAny();
  const columns = usedColumns(all, lists);
  // The pattern kernel reads the group codes and checks them and the plain sampling weights
  // during its own pass. Otherwise — or when it finds a bad code or weight, or a total beyond
  // 2^53 — the cells are laid out and the weights checked first, with every issue reported.
  const plan = cellPlan(columns);
  let layout: CellLayout = { cells: undefined, cellCount: plan.product, codesOfCell: plan.decode };
  let tables: ScoreTable[] | null = null;
  if (sizes === undefined && plan.product <= DENSE_CELLS && usesPatterns(J, plan.product)) {
    let stride = 1;
    const cellCodes = columns.map((c, b) => {
      const entry = { codes: c.codes, radix: plan.radix[b] as number, stride };
      stride *= entry.radix;
      return entry;
    });
    tables = columnarTables({ deprivations: deps, sampleWeights: sw, sizes, cells: undefined, cellCodes, cellCount: plan.product, maxWeight: undefined }, weights);
  }
  if (tables === null) {
    layout = cellLayout(columns, n, problems);
    const maxWeight = checkWeights(sw, sizes, n, problems);
    problems.throwIfAny();
    tables = columnarTables({ deprivations: deps, sampleWeights: sw, sizes, cells: layout.cells, cellCodes: undefined, cellCount: layout.cellCount, maxWeight }, weights) as ScoreTable[];
  }
  return {
    weights,
    countBy,
    total: tables.length === 1 ? (tables[0] as ScoreTable) : mergeTables(tables, J),
    ...groupTables(columns, layout, tables, lists, J),
    scale,
    missing: { policy: null, droppedUnits: 0, missingEntries: new Array<number>(J).fill(0) },
    gapRows: null,
  };
}

function weightScale(value: bigint | number | undefined, problems: IssueList): bigint {
  if (value === undefined) return 1n;
  if ((typeof value === 'bigint' && value > 0n) || (typeof value === 'number' && Number.isSafeInteger(value) && value > 0)) return BigInt(value);
  problems.add(issue({ code: 'invalid-sampling-weight', path: ['sampleWeightScale'], value: typeof value === 'bigint' ? String(value) : value, expected: 'a whole number ≥ 1 (the common denominator of the weights)', rule: MEASURE_RULES.sampleWeights }));
  return 1n;
}

/** Checks sampling weights (whole, ≥ 0) and sizes (whole, ≥ 1) and returns the largest analysis weight. */
function checkWeights(sw: IntegerColumn | undefined, sizes: IntegerColumn | undefined, n: number, problems: IssueList): number {
  let maxWeight = sw === undefined ? 1 : 0;
  if (sw !== undefined) {
    for (let i = 0; i < n; i++) {
      const w = sw[i] as number;
      if (w >= 0 && w <= Number.MAX_SAFE_INTEGER && Math.floor(w) === w) {
        if (w > maxWeight) maxWeight = w;
      } else {
        problems.add(issue({ code: w < 0 ? 'negative-sampling-weight' : 'invalid-sampling-weight', path: ['sampleWeights', i], value: w, expected: 'a whole-number sampling weight ≥ 0 (scale the weights to integers, with sampleWeightScale as their denominator)', rule: MEASURE_RULES.sampleWeights }));
      }
    }
  }
  if (sizes === undefined) return maxWeight;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const s = sizes[i] as number;
    if (!(s >= 1 && Math.floor(s) === s)) {
      problems.add(issue({ code: 'invalid-size', path: ['sizes', i], value: s, expected: 'a whole number of members ≥ 1', rule: MEASURE_RULES.sizes }));
      continue;
    }
    const product = (sw === undefined ? 1 : (sw[i] as number)) * s;
    if (!Number.isSafeInteger(product)) problems.add(issue({ code: 'invalid-sampling-weight', path: ['sampleWeights', i], value: sw?.[i], expected: 'sampling weight × size below 2^53', rule: MEASURE_RULES.sampleWeights }));
    else if (product > max) max = product;
  }
  return max;
}

/** A code column labelled; its codes are checked here only when there are no labels (the layout checks the others in its pass). */
function codeColumn(name: string, codes: IntegerColumn, labels: ReadonlyArray<string> | undefined, path: ReadonlyArray<string | number>, n: number, problems: IssueList): GroupColumn {
  if (labels !== undefined) return { name, codes, labels, path };
  const max = checkCodes(codes, undefined, path, n, problems);
  return { name, codes, labels: Array.from({ length: max + 1 }, (_, g) => String(g)), path };
}

/** Reports every code that is not a whole number in [0, labels) and returns the largest valid code. */
function checkCodes(codes: ArrayLike<number>, labels: ReadonlyArray<string> | undefined, path: ReadonlyArray<string | number>, n: number, problems: IssueList): number {
  let max = -1;
  const limit = labels?.length ?? Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < n; i++) {
    const g = codes[i] as number;
    if (g >= 0 && g < limit && Math.floor(g) === g) {
      if (g > max) max = g;
    } else {
      problems.add(issue({ code: 'invalid-group', path: [...path, i], value: g, expected: labels ? `a group code in [0, ${labels.length})` : 'a whole-number group code ≥ 0', rule: MEASURE_RULES.matrix }));
    }
  }
  return max;
}
