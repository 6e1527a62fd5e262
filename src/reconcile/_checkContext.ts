import { issue as makeIssue, parseInput, VnPovertyError, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import type { Fraction } from '../numbers/fraction.js';
import type { Interval } from '../numbers/interval.js';
import { readCell, zeroCell, type ReadCell } from './_printedCell.js';
import { printedTableSchema, type CellRef, type ColumnKind, type PrintedCell, type PrintedTable, type TableColumn } from './printedTable.js';
import type { GridRef, ReconcileIssue } from './reconcileIssue.js';

/** The column of a headline figure, and the row key of a headline. */
export const HEADLINE_COLUMN = 'value';
export const headlineRow = (name: string): string => `headline:${name}`;
export const refKey = (c: CellRef): string => `${c.row}\u0000${c.column}`;
/** A list of column keys from a relation field that takes one key or several. */
export const keyList = (k: string | readonly string[]): readonly string[] => (typeof k === 'string' ? [k] : k);

/** The table after validation, indexed for lookups. */
export interface Indexed {
  readonly table: PrintedTable;
  readonly columns: ReadonlyMap<string, TableColumn>;
  readonly rowIndex: ReadonlyMap<string, number>;
  readonly labels: ReadonlyMap<string, string>;
  readonly extraCells: ReadonlyMap<string, { readonly cell: PrintedCell; readonly kind: Exclude<ColumnKind, 'text'>; readonly column: TableColumn }>;
}

/** A read value with what the checks need. */
export interface Value {
  readonly f: Fraction;
  readonly decimals: number;
  readonly exact: boolean;
  readonly interval: Interval;
  readonly halfUnit: Fraction;
  readonly kind: Exclude<ColumnKind, 'text'>;
}

/** What every check is given: cell reading (cached), labels, grid locations and the list of findings. */
export interface CheckContext {
  readonly ix: Indexed;
  readonly read: (ref: CellRef) => ReadCell;
  readonly label: (row: string) => string;
  /** The cells' values, or null after flagging (once) each cell that cannot be read. */
  readonly readAll: (refs: readonly CellRef[]) => Value[] | null;
  readonly grid: (ref: CellRef) => GridRef | null;
  readonly push: (issue: Omit<ReconcileIssue, 'grid'>) => void;
  readonly issues: ReconcileIssue[];
}

/** Checks the table's shape (schema, keys, every relation naming rows and columns that exist). */
export function validate(input: PrintedTable): Indexed {
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
  const needColumns = (cols: string | readonly string[], path: ReadonlyArray<string | number>): void => {
    if (typeof cols === 'string') needColumn(cols, path);
    else cols.forEach((c, j) => needColumn(c, [...path, j]));
  };
  const needRows = (rows: readonly string[] | undefined, path: ReadonlyArray<string | number>): void => rows?.forEach((r, j) => needRow(r, [...path, j]));
  table.relations.forEach((rel, i) => {
    const p = ['relations', i];
    switch (rel.type) {
      case 'row-total':
        needRow(rel.row, [...p, 'row']);
        needRows(rel.parts, [...p, 'parts']);
        rel.columns.forEach((c, j) => needColumn(c, [...p, 'columns', j]));
        break;
      case 'column-total':
        needColumn(rel.column, [...p, 'column']);
        rel.parts.forEach((c, j) => needColumn(c, [...p, 'parts', j]));
        needRows(rel.rows, [...p, 'rows']);
        break;
      case 'difference':
        needColumn(rel.column, [...p, 'column']);
        needColumn(rel.from, [...p, 'from']);
        rel.minus.forEach((c, j) => needColumn(c, [...p, 'minus', j]));
        (rel.plus ?? []).forEach((c, j) => needColumn(c, [...p, 'plus', j]));
        needRows(rel.rows, [...p, 'rows']);
        break;
      case 'row-change':
        needColumn(rel.column, [...p, 'column']);
        needColumn(rel.of, [...p, 'of']);
        rel.pairs.forEach((x, j) => [x.row, x.previous].forEach((r) => needRow(r, [...p, 'pairs', j])));
        break;
      case 'product':
        needColumn(rel.column, [...p, 'column']);
        rel.factors.forEach((c, j) => needColumn(c, [...p, 'factors', j]));
        needRows(rel.rows, [...p, 'rows']);
        break;
      case 'signed-sum':
        needColumn(rel.column, [...p, 'column']);
        rel.plus.forEach((c, j) => needColumn(c, [...p, 'plus', j]));
        rel.minus?.forEach((c, j) => needColumn(c, [...p, 'minus', j]));
        needRows(rel.rows, [...p, 'rows']);
        break;
      case 'rate':
        needColumn(rel.column, [...p, 'column']);
        needColumns(rel.count, [...p, 'count']);
        if (rel.minus !== undefined) needColumns(rel.minus, [...p, 'minus']);
        needColumn(rel.base, [...p, 'base']);
        if (rel.baseRow !== undefined) needRow(rel.baseRow, [...p, 'baseRow']);
        needRows(rel.rows, [...p, 'rows']);
        break;
      case 'row-average':
        needRow(rel.row, [...p, 'row']);
        rel.parts.forEach((r, j) => needRow(r, [...p, 'parts', j]));
        rel.columns.forEach((c, j) => needColumn(c, [...p, 'columns', j]));
        rel.rates?.forEach((x, j) => [x.column, x.count, x.base].forEach((c) => needColumn(c, [...p, 'rates', j])));
        break;
      case 'average':
        needColumn(rel.column, [...p, 'column']);
        rel.parts.forEach((c, j) => needColumn(c, [...p, 'parts', j]));
        rel.minus?.forEach((c, j) => needColumn(c, [...p, 'minus', j]));
        needRows(rel.rows, [...p, 'rows']);
        break;
      case 'numbering':
        if (!columns.has(rel.column)) problems.push(makeIssue({ code: 'unknown-column', path: [...p, 'column'], value: rel.column, expected: 'the key of a column of the table' }));
        needRows(rel.rows, [...p, 'rows']);
        break;
      case 'inequality':
        needColumns(rel.column, [...p, 'column']);
        needColumns(rel.than, [...p, 'than']);
        needRows(rel.rows, [...p, 'rows']);
        break;
      case 'row-inequality':
        needRow(rel.row, [...p, 'row']);
        needRow(rel.than, [...p, 'than']);
        rel.columns.forEach((c, j) => needColumn(c, [...p, 'columns', j]));
        break;
      case 'bound':
        needColumn(rel.column, [...p, 'column']);
        if (rel.min === undefined && rel.max === undefined) problems.push(makeIssue({ code: 'invalid-input', path: p, value: rel, expected: 'a bound with min, max or both' }));
        needRows(rel.rows, [...p, 'rows']);
        break;
      case 'common-base':
        needColumn(rel.count, [...p, 'count']);
        needColumn(rel.rate, [...p, 'rate']);
        needRows(rel.rows, [...p, 'rows']);
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

/**
 * The context the checks of one table share: cached cell reading and the findings so far. With
 * `from`, the cells of every row but `from.row` are read through `from.base` (its cache shared):
 * for trying other cells in one row of a table already read.
 */
export function checkContext(ix: Indexed, from?: { readonly base: CheckContext; readonly row: string }): CheckContext {
  const ncols = ix.table.columns.length;
  const colIndex = new Map(ix.table.columns.map((c, i) => [c.key, i]));
  const extraIndex = new Map([...ix.extraCells.keys()].map((k, i) => [k, ix.table.rows.length * ncols + i]));
  const idOf = (ref: CellRef): number => {
    const extra = ref.row.startsWith('headline:') ? extraIndex.get(refKey(ref)) : undefined;
    return extra ?? ix.rowIndex.get(ref.row)! * ncols + colIndex.get(ref.column)!;
  };
  const cache: (ReadCell | undefined)[] = [];
  const zero = ix.table.blankAs === 'zero';
  const reading = { numberFormat: ix.table.numberFormat, approximations: ix.table.approximations };
  const kindOf = (ref: CellRef): Exclude<ColumnKind, 'text'> => {
    const extra = ref.row.startsWith('headline:') ? ix.extraCells.get(refKey(ref)) : undefined;
    return extra !== undefined ? extra.kind : (ix.columns.get(ref.column)!.kind as Exclude<ColumnKind, 'text'>);
  };
  const read = (ref: CellRef): ReadCell => {
    if (from !== undefined && ref.row !== from.row) return from.base.read(ref);
    const id = idOf(ref);
    const hit = cache[id];
    if (hit !== undefined) return hit;
    const extra = ref.row.startsWith('headline:') ? ix.extraCells.get(refKey(ref)) : undefined;
    let result: ReadCell;
    if (extra !== undefined) {
      result = readCell(extra.cell, extra.kind, extra.column.unit, reading);
    } else {
      const column = ix.columns.get(ref.column)!;
      const row = ix.table.rows[ix.rowIndex.get(ref.row)!]!;
      result = readCell(row.cells[ref.column], column.kind as Exclude<ColumnKind, 'text'>, column.unit, reading);
    }
    // a dash in a count column is printed “none” (statistical convention: “-” no case, an empty cell no figure)
    if (result.status === 'blank' && (zero || (result.text.trim() !== '' && kindOf(ref) === 'count'))) result = zeroCell(result.text);
    cache[id] = result;
    return result;
  };
  const issues: ReconcileIssue[] = [];
  const label = (row: string): string => ix.labels.get(row) ?? row;
  const grid = (ref: CellRef): GridRef | null => {
    const r = ix.rowIndex.get(ref.row);
    const gridRow = r === undefined ? undefined : ix.table.rows[r]!.gridRow;
    const gridColumn = ix.columns.get(ref.column)?.gridColumn;
    return gridRow === undefined || gridColumn === undefined ? null : { row: gridRow, column: gridColumn };
  };
  const push = (i: Omit<ReconcileIssue, 'grid'>): void => {
    const at = i.cells[0] === undefined ? null : grid(i.cells[0]);
    // `grid` sits before `message` so that a report reads the same in JSON
    const { message, ...rest } = i;
    issues.push({ ...rest, grid: at, message });
  };
  const reported = new Set<string>();
  const flagUnreadable = (ref: CellRef, cell: ReadCell): void => {
    const k = refKey(ref);
    if (reported.has(k)) return;
    reported.add(k);
    const where = `${label(ref.row)} · ${ref.column}`;
    const base = { severity: 'error' as const, row: label(ref.row), rowKey: ref.row, column: ref.column, relation: null, relationText: '', printed: cell.text, expected: null, expectedExact: null, difference: null, shortcut: null, cells: [ref] };
    if (cell.status === 'unparseable') push({ ...base, code: 'unparseable-cell', message: `${where}: cannot read “${cell.text}” (${cell.code}): expected ${cell.expected}` });
    else if (cell.status === 'blank') push({ ...base, code: 'blank-cell', message: `${where}: blank cell where a figure is needed` });
  };
  const readAll = (refs: readonly CellRef[]): Value[] | null => {
    const out: Value[] = [];
    let ok = true;
    for (const ref of refs) {
      const v = read(ref);
      if (v.status !== 'value') {
        flagUnreadable(ref, v);
        ok = false;
      } else out.push({ f: v.value, decimals: v.decimals, exact: v.exact, interval: v.interval, halfUnit: v.halfUnit, kind: kindOf(ref) });
    }
    return ok ? out : null;
  };
  return { ix, read, label, readAll, grid, push, issues };
}
