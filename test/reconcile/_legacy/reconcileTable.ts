/**
 * The reconciliation engine as it was before printed figures became intervals (commit 807c38c),
 * kept unchanged as the oracle of the property “for exact cells the results equal the exact
 * engine's”. Not part of the library.
 */
import { deepFreeze } from '../../../src/_internal/_freeze.js';
import { issue as makeIssue, parseInput, VnPovertyError, type VnIssue, type VnIssues } from '../../../src/errors/VnPovertyError.js';
import {
  addFractions,
  compareFractions,
  divideFractions,
  fraction,
  multiplyFractions,
  roundFraction,
  subtractFractions,
  toFraction,
  type Fraction,
} from '../../../src/numbers/fraction.js';
import { formatVnNumber } from '../../../src/numbers/formatVnNumber.js';
import { MONEY_UNIT_LABELS } from '../../../src/numbers/money.js';
import { roundQuotient, type RoundingMode } from '../../../src/numbers/rounding.js';
import { cellText, readCell, type ReadCell } from './printedCell.js';
import {
  printedTableSchema,
  type CellRef,
  type ColumnKind,
  type PrintedCell,
  type PrintedTable,
  type RelationType,
  type TableColumn,
} from '../../../src/reconcile/printedTable.js';

/** How serious a finding is. */
export type ReconcileSeverity = 'error' | 'rounding';

/**
 * A common shortcut that explains a printed value which is not the exact one:
 * - `'difference-of-rounded-rates'`: a rate obtained by subtracting rounded rates
 *   (remaining = start rate − exit rate, each already rounded), instead of from counts;
 * - `'sum-of-rounded-rates'`: a rate obtained by adding rounded rates;
 * - `'truncated'`: the rate cut off instead of rounded;
 * - `'rounded-parts'`: a total of parts that were themselves rounded for print.
 */
export type ReconcileShortcut = 'difference-of-rounded-rates' | 'sum-of-rounded-rates' | 'truncated' | 'rounded-parts';

/** What kind of finding an issue is. */
export type ReconcileIssueCode =
  | 'sum-mismatch'
  | 'difference-mismatch'
  | 'rate-mismatch'
  | 'unparseable-cell'
  | 'blank-cell'
  | 'non-positive-base'
  | 'skipped-row-number'
  | 'duplicate-row-number'
  | 'row-number-out-of-order'
  | (string & {});

/** One printed cell that does not reconcile. JSON-friendly: every field is a string, number, boolean, null or array of those. */
export interface ReconcileIssue {
  readonly code: ReconcileIssueCode;
  readonly severity: ReconcileSeverity;
  /** The row as printed (its label), or the headline's name. */
  readonly row: string;
  /** The row's key in the table (e.g. its CSV line number). */
  readonly rowKey: string;
  /** The column key. */
  readonly column: string;
  /** The relation checked (`null` for a cell that cannot be read). */
  readonly relation: RelationType | null;
  /** The relation written out, e.g. `'poor_end = poor_start − poor_exit'`. */
  readonly relationText: string;
  /** The value as printed. */
  readonly printed: string;
  /** What should have been printed (same decimals as the printed cell), or null. */
  readonly expected: string | null;
  /** The exact expected value: a terminating decimal, or `num/den`; null when unknown. */
  readonly expectedExact: string | null;
  /** printed − expected, as a plain decimal string; null when unknown. */
  readonly difference: string | null;
  /** For `rounding` issues, the shortcut that produces the printed value. */
  readonly shortcut: ReconcileShortcut | null;
  /** Every cell the relation involves (the checked cell first). */
  readonly cells: readonly CellRef[];
  /** One readable sentence. */
  readonly message: string;
}

/** Result of {@link reconcileTable}. */
export interface ReconcileReport {
  /** True when no issue has severity `error` (`rounding` findings alone leave it true). */
  readonly ok: boolean;
  /** Every finding, in row then column order. */
  readonly issues: readonly ReconcileIssue[];
  /** How many cell checks were made. */
  readonly checked: number;
  readonly errors: number;
  readonly roundings: number;
}

/** Options of {@link reconcileTable}: none yet; rounding lives on each rate relation. */
export type ReconcileTableOptions = Readonly<Record<string, never>>;

type Term = { readonly cell: CellRef; readonly sign: 1n | -1n };
type SumCheck = {
  readonly kind: 'sum';
  readonly relation: 'row-total' | 'column-total' | 'difference' | 'headline';
  readonly target: CellRef;
  readonly terms: readonly Term[];
  readonly partsRounded: boolean;
};
type RateCheck = {
  readonly kind: 'rate';
  readonly target: CellRef;
  readonly count: CellRef;
  readonly base: CellRef;
  readonly scale: bigint;
  readonly rounding: RoundingMode;
  readonly decimals: number | undefined;
};
type NumberingCheck = { readonly kind: 'numbering'; readonly column: string; readonly rows: readonly string[] };
type Check = SumCheck | RateCheck | NumberingCheck;

const HEADLINE_COLUMN = 'value';
const headlineRow = (name: string): string => `headline:${name}`;
const refKey = (c: CellRef): string => `${c.row}\u0000${c.column}`;

function fractionText(f: Fraction): string {
  let d = f.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) return `${f.num}/${f.den}`;
  let places = 0;
  while ((f.num * 10n ** BigInt(places)) % f.den !== 0n) places++;
  const scaled = (f.num * 10n ** BigInt(places)) / f.den;
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  return neg ? `-${text}` : text;
}

function plain(f: Fraction, decimals: number): string {
  // a plain decimal for JSON: exact when it terminates within `decimals`+6 places
  return fractionText(f).includes('/') ? roundFraction(f, decimals + 6, 'half-even').toFixed() : fractionText(f);
}

/** The table after validation, indexed for lookups. */
interface Indexed {
  readonly table: PrintedTable;
  readonly columns: ReadonlyMap<string, TableColumn>;
  readonly rowIndex: ReadonlyMap<string, number>;
  readonly labels: ReadonlyMap<string, string>;
  readonly extraCells: ReadonlyMap<string, { readonly cell: PrintedCell; readonly kind: Exclude<ColumnKind, 'text'>; readonly column: TableColumn }>;
}

function validate(input: PrintedTable): Indexed {
  const table = parseInput(printedTableSchema, input, { description: 'a printed table with declared relations', term: 'biểu tổng hợp' }) as PrintedTable;
  const problems: VnIssue[] = [];
  const columns = new Map<string, TableColumn>();
  table.columns.forEach((c, i) => {
    if (columns.has(c.key)) problems.push(makeIssue({ code: 'duplicate-column', path: ['columns', i, 'key'], value: c.key, expected: 'a column key used once' }));
    columns.set(c.key, c);
  });
  const rowIndex = new Map<string, number>();
  const labels = new Map<string, string>();
  table.rows.forEach((r, i) => {
    if (rowIndex.has(r.key)) problems.push(makeIssue({ code: 'duplicate-row', path: ['rows', i, 'key'], value: r.key, expected: 'a row key used once' }));
    rowIndex.set(r.key, i);
    labels.set(r.key, r.label);
    for (const k of Object.keys(r.cells)) {
      const v: unknown = r.cells[k];
      if (v !== null && v !== undefined && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'bigint') {
        problems.push(makeIssue({ code: 'invalid-input', path: ['rows', i, 'cells', k], value: v, expected: 'a printed cell: text, a number, a bigint or null' }));
      }
      if (!columns.has(k)) problems.push(makeIssue({ code: 'unknown-column', path: ['rows', i, 'cells', k], value: k, expected: `one of the declared columns (${[...columns.keys()].join(', ')})` }));
    }
  });
  const extraCells = new Map<string, { cell: PrintedCell; kind: Exclude<ColumnKind, 'text'>; column: TableColumn }>();
  const needRow = (row: string, path: ReadonlyArray<string | number>): void => {
    if (!rowIndex.has(row)) problems.push(makeIssue({ code: 'unknown-row', path, value: row, expected: 'the key of a row of the table' }));
  };
  const needColumn = (col: string, path: ReadonlyArray<string | number>): void => {
    const c = columns.get(col);
    if (c === undefined) problems.push(makeIssue({ code: 'unknown-column', path, value: col, expected: 'the key of a column of the table' }));
    else if (c.kind === 'text') problems.push(makeIssue({ code: 'text-column', path, value: col, expected: 'a count, rate or amount column (text columns are never checked)' }));
  };
  table.relations.forEach((rel, i) => {
    const p = ['relations', i];
    switch (rel.type) {
      case 'row-total':
        needRow(rel.row, [...p, 'row']);
        rel.parts.forEach((r, j) => needRow(r, [...p, 'parts', j]));
        rel.columns.forEach((c, j) => needColumn(c, [...p, 'columns', j]));
        break;
      case 'column-total':
        needColumn(rel.column, [...p, 'column']);
        rel.parts.forEach((c, j) => needColumn(c, [...p, 'parts', j]));
        rel.rows?.forEach((r, j) => needRow(r, [...p, 'rows', j]));
        break;
      case 'difference':
        needColumn(rel.column, [...p, 'column']);
        needColumn(rel.from, [...p, 'from']);
        rel.minus.forEach((c, j) => needColumn(c, [...p, 'minus', j]));
        rel.rows?.forEach((r, j) => needRow(r, [...p, 'rows', j]));
        break;
      case 'rate':
        needColumn(rel.column, [...p, 'column']);
        needColumn(rel.count as string, [...p, 'count']);
        needColumn(rel.base, [...p, 'base']);
        rel.rows?.forEach((r, j) => needRow(r, [...p, 'rows', j]));
        break;
      case 'numbering':
        if (!columns.has(rel.column)) problems.push(makeIssue({ code: 'unknown-column', path: [...p, 'column'], value: rel.column, expected: 'the key of a column of the table' }));
        rel.rows.forEach((r, j) => needRow(r, [...p, 'rows', j]));
        break;
      case 'headline': {
        rel.parts.forEach((ref, j) => {
          needRow(ref.row, [...p, 'parts', j, 'row']);
          needColumn(ref.column, [...p, 'parts', j, 'column']);
        });
        const row = headlineRow(rel.name);
        if (extraCells.has(refKey({ row, column: HEADLINE_COLUMN }))) problems.push(makeIssue({ code: 'duplicate-headline', path: [...p, 'name'], value: rel.name, expected: 'a headline name used once' }));
        const column: TableColumn = rel.unit === undefined ? { key: HEADLINE_COLUMN, kind: rel.kind } : { key: HEADLINE_COLUMN, kind: rel.kind, unit: rel.unit };
        extraCells.set(refKey({ row, column: HEADLINE_COLUMN }), { cell: rel.printed, kind: rel.kind, column });
        labels.set(row, rel.name);
        break;
      }
    }
  });
  if (problems.length > 0) throw new VnPovertyError(problems as unknown as VnIssues);
  return { table, columns, rowIndex, labels, extraCells };
}

function compile(ix: Indexed): Check[] {
  const checks: Check[] = [];
  const allRows = ix.table.rows.map((r) => r.key);
  for (const rel of ix.table.relations) {
    switch (rel.type) {
      case 'row-total':
        for (const column of rel.columns) {
          checks.push({ kind: 'sum', relation: 'row-total', target: { row: rel.row, column }, terms: rel.parts.map((row) => ({ cell: { row, column }, sign: 1n })), partsRounded: rel.partsRounded === true });
        }
        break;
      case 'column-total':
        for (const row of rel.rows ?? allRows) {
          checks.push({ kind: 'sum', relation: 'column-total', target: { row, column: rel.column }, terms: rel.parts.map((column) => ({ cell: { row, column }, sign: 1n })), partsRounded: rel.partsRounded === true });
        }
        break;
      case 'difference':
        for (const row of rel.rows ?? allRows) {
          checks.push({
            kind: 'sum',
            relation: 'difference',
            target: { row, column: rel.column },
            terms: [{ cell: { row, column: rel.from }, sign: 1n }, ...rel.minus.map((column) => ({ cell: { row, column }, sign: -1n as const }))],
            partsRounded: false,
          });
        }
        break;
      case 'rate':
        for (const row of rel.rows ?? allRows) {
          checks.push({
            kind: 'rate',
            target: { row, column: rel.column },
            count: { row, column: rel.count as string },
            base: { row, column: rel.base },
            scale: BigInt(rel.scale),
            rounding: rel.rounding,
            decimals: rel.decimals,
          });
        }
        break;
      case 'numbering':
        checks.push({ kind: 'numbering', column: rel.column, rows: rel.rows });
        break;
      case 'headline':
        checks.push({
          kind: 'sum',
          relation: 'headline',
          target: { row: headlineRow(rel.name), column: HEADLINE_COLUMN },
          terms: rel.parts.map((cell) => ({ cell, sign: 1n })),
          partsRounded: rel.partsRounded === true,
        });
        break;
    }
  }
  return checks;
}

/**
 * Checks a printed table against its declared relations and reports every cell that does
 * not reconcile — it never throws for a wrong or unreadable cell, only for a malformed table.
 *
 * - **Totals** (`row-total`, `column-total`, `headline`) and **differences** are exact sums of
 *   the printed parts; a mismatch is an `error` (or `rounding`, shortcut `'rounded-parts'`,
 *   when the relation says its parts were rounded for print and the gap is within half a
 *   unit per part).
 * - **Rates** are recomputed from the printed count and base, `round(count ÷ base × scale)`
 *   to the decimals the cell is printed with, by the relation's rounding. A mismatch is
 *   `rounding` when the printed value is what a common shortcut gives — subtracting or adding
 *   the row's rounded rates (`'difference-of-rounded-rates'`, `'sum-of-rounded-rates'`), or
 *   truncating (`'truncated'`) — and `error` otherwise.
 * - A cell that cannot be read is one `unparseable-cell` issue; checks that need it are skipped,
 *   so one bad cell never produces a cascade. A blank cell a check needs is a `blank-cell`
 *   issue unless `blankAs: 'zero'`.
 *
 * @param table - columns, rows of printed cells, and relations.
 * @returns a deep-frozen report `{ ok, issues, checked, errors, roundings }`; `ok` is true when no issue is an `error`.
 * @throws VnPovertyError `invalid-input`, `unknown-row`, `unknown-column`, `duplicate-row`, … when the table itself is malformed.
 * @example
 * const r = reconcileTable({
 *   columns: [{ key: 'households', kind: 'count' }, { key: 'poor', kind: 'count' }, { key: 'poor_rate', kind: 'rate' }],
 *   rows: [{ key: '1', label: 'Tân Lợi', cells: { households: '2.154', poor: '43', poor_rate: '1,99' } }],
 *   relations: [{ type: 'rate', column: 'poor_rate', count: 'poor', base: 'households', scale: 100, rounding: 'half-up' }],
 * });
 * r.issues[0].expected //=> '2,00'
 * @see poverty-rate-reporting §4 (rates computed from counts, rounded half-up to 2 decimals)
 */
export function reconcileTable(table: PrintedTable, options: ReconcileTableOptions = {}): ReconcileReport {
  void options;
  const ix = validate(table);
  const checks = compile(ix);
  const ncols = ix.table.columns.length;
  const colIndex = new Map(ix.table.columns.map((c, i) => [c.key, i]));
  const extraIndex = new Map([...ix.extraCells.keys()].map((k, i) => [k, ix.table.rows.length * ncols + i]));
  const idOf = (ref: CellRef): number => {
    const extra = ref.row.startsWith('headline:') ? extraIndex.get(refKey(ref)) : undefined;
    return extra ?? ix.rowIndex.get(ref.row)! * ncols + colIndex.get(ref.column)!;
  };
  const cache: (ReadCell | undefined)[] = [];
  const zero = ix.table.blankAs === 'zero';
  const readId = (id: number, ref: CellRef): ReadCell => {
    const hit = cache[id];
    if (hit !== undefined) return hit;
    const extra = ix.extraCells.get(refKey(ref));
    let result: ReadCell;
    if (extra !== undefined && ref.row.startsWith('headline:')) {
      result = readCell(extra.cell, extra.kind, extra.column.unit);
    } else {
      const column = ix.columns.get(ref.column)!;
      const row = ix.table.rows[ix.rowIndex.get(ref.row)!]!;
      result = readCell(row.cells[ref.column], column.kind as Exclude<ColumnKind, 'text'>, column.unit);
    }
    if (result.status === 'blank' && zero) result = { status: 'value', value: fraction(0n), decimals: 0, text: result.text };
    cache[id] = result;
    return result;
  };
  const read = (ref: CellRef): ReadCell => readId(idOf(ref), ref);
  // indexes for naming shortcuts, built only when a rate does not reconcile
  let indexes: { sumTargets: Map<string, SumCheck>; rateByCount: Map<string, RateCheck[]> } | null = null;
  const shortcutIndexes = (): { sumTargets: Map<string, SumCheck>; rateByCount: Map<string, RateCheck[]> } => {
    if (indexes !== null) return indexes;
    const sumTargets = new Map<string, SumCheck>();
    const rateByCount = new Map<string, RateCheck[]>();
    for (const c of checks) {
      if (c.kind === 'sum' && c.relation !== 'headline') sumTargets.set(refKey(c.target), c);
      if (c.kind === 'rate') {
        const k = refKey(c.count);
        const list = rateByCount.get(k);
        if (list === undefined) rateByCount.set(k, [c]);
        else list.push(c);
      }
    }
    indexes = { sumTargets, rateByCount };
    return indexes;
  };

  const issues: ReconcileIssue[] = [];
  const reported = new Set<string>();
  const label = (row: string): string => ix.labels.get(row) ?? row;
  const flagUnreadable = (ref: CellRef, cell: ReadCell): void => {
    const k = refKey(ref);
    if (reported.has(k)) return;
    reported.add(k);
    const where = `${label(ref.row)} · ${ref.column}`;
    if (cell.status === 'unparseable') {
      issues.push({
        code: 'unparseable-cell', severity: 'error', row: label(ref.row), rowKey: ref.row, column: ref.column, relation: null, relationText: '',
        printed: cell.text, expected: null, expectedExact: null, difference: null, shortcut: null, cells: [ref],
        message: `${where}: cannot read “${cell.text}” (${cell.code}): expected ${cell.expected}`,
      });
    } else if (cell.status === 'blank') {
      issues.push({
        code: 'blank-cell', severity: 'error', row: label(ref.row), rowKey: ref.row, column: ref.column, relation: null, relationText: '',
        printed: cell.text, expected: null, expectedExact: null, difference: null, shortcut: null, cells: [ref],
        message: `${where}: blank cell where a figure is needed`,
      });
    }
  };
  type Value = { readonly f: Fraction; readonly decimals: number };
  const readAll = (refs: readonly CellRef[]): Value[] | null => {
    const out: Value[] = [];
    let ok = true;
    for (const ref of refs) {
      const v = read(ref);
      if (v.status !== 'value') {
        flagUnreadable(ref, v);
        ok = false;
      } else out.push({ f: v.value, decimals: v.decimals });
    }
    return ok ? out : null;
  };

  for (const check of checks) {
    if (check.kind === 'numbering') {
      issues.push(...numberingIssues(check, ix, label));
      continue;
    }
    if (check.kind === 'sum') {
      const refs = [check.target, ...check.terms.map((t) => t.cell)];
      const values = readAll(refs);
      if (values === null) continue;
      const printedV = values[0]!;
      const printed = printedV.f;
      const expected = signedSum(check, (i) => values[i + 1]!.f);
      if (printed.num === expected.num && printed.den === expected.den) continue;
      const decimals = Math.max(...values.map((v) => v.decimals));
      const diff = subtractFractions(printed, expected);
      const abs = diff.num < 0n ? fraction(-diff.num, diff.den) : diff;
      const halfUnitsPerPart = fraction(BigInt(check.terms.length), 2n * 10n ** BigInt(decimals));
      const shortcut: ReconcileShortcut | null = check.partsRounded && compareFractions(abs, halfUnitsPerPart) <= 0 ? 'rounded-parts' : null;
      const relationText = sumRelationText(check, label);
      const expectedText = formatVnNumber(expected, { decimals: printedV.decimals, rounding: 'half-up' });
      issues.push({
        code: check.relation === 'difference' ? 'difference-mismatch' : 'sum-mismatch',
        severity: shortcut === null ? 'error' : 'rounding',
        row: label(check.target.row),
        rowKey: check.target.row,
        column: check.target.column,
        relation: check.relation,
        relationText,
        printed: read(check.target).text,
        expected: expectedText,
        expectedExact: fractionText(expected),
        difference: plain(diff, decimals),
        shortcut,
        cells: refs,
        message: `${label(check.target.row)} · ${check.target.column}: printed ${read(check.target).text}, expected ${expectedText} (${relationText}), difference ${formatSigned(diff, decimals)}${shortcut === null ? '' : ` [rounding: ${shortcut}]`}${droppedUnitHint(check, refs.map(read), label)}`,
      });
    } else {
      const refs = [check.target, check.count, check.base];
      const values = readAll(refs);
      if (values === null) continue;
      const printedV = values[0]!;
      const printed = printedV.f;
      const count = values[1]!.f;
      const base = values[2]!.f;
      const relationText = `${check.target.column} = ${check.count.column} ÷ ${check.base.column} × ${check.scale}`;
      if (base.num <= 0n) {
        issues.push({
          code: 'non-positive-base', severity: 'error', row: label(check.target.row), rowKey: check.target.row, column: check.target.column, relation: 'rate', relationText,
          printed: read(check.target).text, expected: null, expectedExact: null, difference: null, shortcut: null, cells: refs,
          message: `${label(check.target.row)} · ${check.target.column}: the base ${check.base.column} is ${read(check.base).text}; a rate needs a base greater than zero`,
        });
        continue;
      }
      const exact = fraction(count.num * base.den * check.scale, count.den * base.num);
      const decimals = check.decimals ?? printedV.decimals;
      const unit = 10n ** BigInt(decimals);
      const expected = fraction(roundQuotient(exact.num * unit, exact.den, check.rounding), unit);
      if (printed.num === expected.num && printed.den === expected.den) continue;
      const { sumTargets, rateByCount } = shortcutIndexes();
      const shortcut = rateShortcut(check, printed, exact, decimals, sumTargets, rateByCount, read);
      const diff = subtractFractions(printed, expected);
      const expectedText = formatVnNumber(expected, { decimals });
      issues.push({
        code: 'rate-mismatch',
        severity: shortcut === null ? 'error' : 'rounding',
        row: label(check.target.row),
        rowKey: check.target.row,
        column: check.target.column,
        relation: 'rate',
        relationText,
        printed: read(check.target).text,
        expected: expectedText,
        expectedExact: fractionText(exact),
        difference: plain(diff, decimals),
        shortcut: shortcut?.name ?? null,
        cells: refs,
        message:
          `${label(check.target.row)} · ${check.target.column}: printed ${read(check.target).text}, expected ${expectedText} ` +
          `(${read(check.count).text} ÷ ${read(check.base).text} × ${check.scale} = ${formatVnNumber(exact, { decimals: decimals + 4, rounding: 'half-even' })}…, ${check.rounding}), ` +
          `difference ${formatSigned(diff, decimals)}${shortcut === null ? '' : ` [rounding: ${shortcut.name}: ${shortcut.how}]`}`,
      });
    }
  }
  const order = (i: ReconcileIssue): number => ix.rowIndex.get(i.rowKey) ?? Number.MAX_SAFE_INTEGER;
  const colOrder = new Map(ix.table.columns.map((c, i) => [c.key, i]));
  const sorted = issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => order(a.i) - order(b.i) || (colOrder.get(a.i.column) ?? 0) - (colOrder.get(b.i.column) ?? 0) || a.n - b.n)
    .map((x) => x.i);
  const errors = sorted.filter((i) => i.severity === 'error').length;
  return deepFreeze({ ok: errors === 0, issues: sorted, checked: checks.length, errors, roundings: sorted.length - errors });
}

function numberingIssues(check: NumberingCheck, ix: Indexed, label: (row: string) => string): ReconcileIssue[] {
  const out: ReconcileIssue[] = [];
  const seen = new Map<number, string>();
  let next = 1;
  const relationText = `${check.column} counts 1, 2, 3… down the ${check.rows.length} rows`;
  for (const row of check.rows) {
    const printed = cellText(ix.table.rows[ix.rowIndex.get(row)!]!.cells[check.column]).trim();
    const n = /^\d+$/.test(printed) ? Number(printed) : null;
    const at = { row, column: check.column };
    const push = (code: ReconcileIssueCode, why: string): void => {
      out.push({
        code, severity: 'error', row: label(row), rowKey: row, column: check.column, relation: 'numbering', relationText,
        printed, expected: String(next), expectedExact: String(next), difference: n === null ? null : String(n - next), shortcut: null, cells: [at],
        message: `${label(row)} · ${check.column}: printed ${JSON.stringify(printed)}, expected ${next} (${why})`,
      });
    };
    if (n === null || n === 0) push('row-number-out-of-order', 'not a row number');
    else if (seen.has(n)) push('duplicate-row-number', `${n} is already the number of ${seen.get(n)}`);
    else if (n > next) push('skipped-row-number', n === next + 1 ? `${next} is skipped` : `${next}–${n - 1} are skipped`);
    else if (n < next) push('row-number-out-of-order', `${n} comes after ${next - 1}`);
    if (n !== null && n > 0 && !seen.has(n)) seen.set(n, label(row));
    next = n !== null && n >= next ? n + 1 : next + 1;
  }
  return out;
}

function formatSigned(f: Fraction, decimals: number): string {
  const text = formatVnNumber(f, { decimals, rounding: 'half-up' });
  return f.num > 0n ? `+${text}` : text;
}

function sumRelationText(check: SumCheck, label: (row: string) => string): string {
  const t = check.target;
  switch (check.relation) {
    case 'row-total':
      return `${label(t.row)} = sum of ${check.terms.length} rows (${check.terms.map((x) => label(x.cell.row)).join(', ')})`;
    case 'column-total':
      return `${t.column} = ${check.terms.map((x) => x.cell.column).join(' + ')}`;
    case 'difference':
      return `${t.column} = ${check.terms.map((x, i) => (i === 0 ? x.cell.column : `− ${x.cell.column}`)).join(' ')}`;
    case 'headline':
      return `${label(t.row)} = ${check.terms.map((x) => `${label(x.cell.row)} · ${x.cell.column}`).join(' + ')}`;
  }
}

function rateShortcut(
  check: RateCheck,
  printed: Fraction,
  exact: Fraction,
  decimals: number,
  sumTargets: ReadonlyMap<string, SumCheck>,
  rateByCount: ReadonlyMap<string, readonly RateCheck[]>,
  read: (ref: CellRef) => ReadCell,
): { readonly name: ReconcileShortcut; readonly how: string } | null {
  // 1. the count is itself a sum/difference of counts in the same row whose rates are printed beside them
  const sum = sumTargets.get(refKey(check.count));
  if (sum !== undefined && sum.relation !== 'row-total') {
    let total = fraction(0n);
    const shown: string[] = [];
    let usable = true;
    for (const term of sum.terms) {
      const rate = (rateByCount.get(refKey(term.cell)) ?? []).find((r) => refKey(r.base) === refKey(check.base) && r.scale === check.scale);
      const cell = rate === undefined ? undefined : read(rate.target);
      if (cell === undefined || cell.status !== 'value') {
        usable = false;
        break;
      }
      total = addFractions(total, multiplyFractions(cell.value, fraction(term.sign)));
      shown.push(`${shown.length === 0 ? '' : term.sign < 0n ? '− ' : '+ '}${cell.text}`);
    }
    if (usable && compareFractions(total, printed) === 0) {
      const name = sum.terms.some((t) => t.sign < 0n) ? 'difference-of-rounded-rates' : 'sum-of-rounded-rates';
      return { name, how: shown.join(' ') };
    }
  }
  // 2. truncated instead of rounded
  if (check.rounding !== 'down' && compareFractions(toFraction(roundFraction(exact, decimals, 'down')), printed) === 0) {
    return { name: 'truncated', how: `${fractionText(exact).includes('/') ? 'the exact rate' : fractionText(exact)} cut to ${decimals} decimals` };
  }
  return null;
}

/**
 * Like {@link reconcileTable} but throws when any issue has severity `error`.
 * @throws VnPovertyError with one issue (code `table-does-not-reconcile`) per error finding.
 * @example
 * assertTableReconciles(consistentTable) //=> the report (ok: true)
 */
export function assertTableReconciles(table: PrintedTable, options: ReconcileTableOptions = {}): ReconcileReport {
  const report = reconcileTable(table, options);
  const errors = report.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new VnPovertyError(
      errors.map((i) =>
        makeIssue({ code: 'table-does-not-reconcile', path: ['rows', i.rowKey, i.column], value: i.printed, expected: i.expected ?? 'a readable figure', message: i.message }),
      ) as unknown as VnIssues,
    );
  }
  return report;
}


/**
 * When a cell of the relation is printed in another money unit than its column (a plan in
 * triệu đồng printing “19 đồng”) and reading that figure in the column's unit makes the
 * relation hold, names the cell: the unit was most likely dropped by mistake.
 */
function droppedUnitHint(check: SumCheck, cells: readonly ReadCell[], label: (row: string) => string): string {
  const refs = [check.target, ...check.terms.map((t) => t.cell)];
  const values = cells.map((c) => (c.status === 'value' ? c.value : null));
  if (values.some((v) => v === null)) return '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.status !== 'value' || cell.asPrinted === undefined || cell.printedUnit === undefined) continue;
    const asPrinted = cell.asPrinted;
    const at = (j: number): Fraction => (j === i ? asPrinted : values[j]!);
    const expected = signedSum(check, (t) => at(t + 1));
    if (compareFractions(at(0), expected) === 0) {
      const ref = refs[i]!;
      return ` — “${cell.text}” at ${label(ref.row)} · ${ref.column} is printed in ${MONEY_UNIT_LABELS[cell.printedUnit]}, not in the column's unit; read in the column's unit the relation holds (a dropped unit?)`;
    }
  }
  return '';
}

/** Σ sign × term of a sum check, exactly; `term(i)` gives the value of its i-th term. */
function signedSum(check: SumCheck, term: (i: number) => Fraction): Fraction {
  let num = 0n;
  let den = 1n;
  check.terms.forEach((t, i) => {
    const v = term(i);
    num = num * v.den + t.sign * v.num * den;
    den *= v.den;
  });
  return fraction(num, den);
}
