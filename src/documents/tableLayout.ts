import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import type { MoneyUnit } from '../numbers/money.js';
import type { PrintedTable, RateRelation, TableColumn, TableRelation } from '../reconcile/printedTable.js';
import type { DocumentTable } from './documentModel.js';
import { blankCell, inNumberSequence, silentRows, startsNumberGroup } from './_tableRows.js';

/**
 * What a column of a document table holds: a figure (`'count'`, `'rate'`, `'amount'`), the row
 * label (`'label'`), the row number (`'row-number'`, *STT*), or anything else not checked (`'text'`).
 */
export type DocumentColumnKind = 'count' | 'rate' | 'amount' | 'label' | 'row-number' | 'text';

/** One column of a {@link DocumentTableLayout}, by its 0-based position in the grid. */
export interface DocumentLayoutColumn {
  readonly col: number;
  /** Key used by relations and findings; the short header as printed (`'HN còn lại · Hộ'`). */
  readonly key: string;
  /** The full header path as printed, top row first, joined by ` › `. */
  readonly header: string;
  readonly kind: DocumentColumnKind;
  /** For amounts: the money unit the column is printed in, from its header or the table's caption. */
  readonly unit?: MoneyUnit;
}

/**
 * The role of a data row:
 * - `'item'`: a unit of the table (a commune, a project);
 * - `'subtotal'` / `'total'`: the sum of the rows it `covers`, column by column;
 * - `'average'`: the mean of the rows it `covers`, column by column (“Trung bình”, “Bình quân/xã”);
 * - `'part'`: a “trong đó” (of which) row: part of the row above, never added into a total;
 * - `'heading'`: a group title with no figures.
 */
export type DocumentRowRole = 'item' | 'subtotal' | 'total' | 'average' | 'part' | 'heading';

/** One data row of a {@link DocumentTableLayout}, by its 0-based grid row. */
export interface DocumentLayoutRow {
  readonly row: number;
  readonly role: DocumentRowRole;
  /** The row's label as printed (its name, else its number). */
  readonly label: string;
  /** The row number as printed in the row-number column, if any. */
  readonly number?: string;
  /** For subtotals and totals: the grid rows it adds up; for a row of means, the rows it averages. */
  readonly covers?: readonly number[];
  /** For a period's row under its years: the columns of stocks it prints as its last year's figure (the households, the poor at the end), not summed. */
  readonly carries?: readonly string[];
  /** For a row of means: how each rate it prints beside its means was made, as its figures show. */
  readonly rates?: readonly MeanRowRate[];
}

/**
 * A rate printed in a row of means beside its means (“Trung bình”: 1.009 hộ, 312 hộ nghèo, 30,92%), by the
 * column of a rate relation: `'rate-of-sums'` the rate of its rows' sums (Σ count ÷ Σ base), `'rate-of-means'`
 * that of the row's own printed means, `'mean-of-rates'` the mean of its rows' printed rates.
 */
export interface MeanRowRate {
  readonly column: string;
  readonly as: 'rate-of-sums' | 'rate-of-means' | 'mean-of-rates';
}

/** `column = from − Σ minus`, row by row (remaining = start − exits). */
export interface LayoutDifference {
  readonly type: 'difference';
  readonly column: string;
  readonly from: string;
  readonly minus: readonly string[];
  /** Columns added back (a flow: end = start − exits + re-poor + newly poor). */
  readonly plus?: readonly string[];
}

/** `column = Σ parts`, row by row (total = central + provincial). */
export interface LayoutColumnSum {
  readonly type: 'sum';
  readonly column: string;
  readonly parts: readonly string[];
}

/** `column = round(count ÷ base × scale)` to the decimals printed, row by row: the engine's rate relation over every data row. */
export type LayoutRate = Pick<RateRelation, 'type' | 'column' | 'base' | 'scale' | 'rounding'> & {
  readonly count: string;
  /** A column taken from the count: a growth rate, *tốc độ tăng (%)* = (this year − last year) ÷ last year × 100. */
  readonly minus?: string;
  /** The grid row whose `base` cell is every row's base (a share of the total row, “Cơ cấu (%)”); the row's own when left out. */
  readonly baseRow?: number;
};

/** `column = round((Σ parts) ÷ number of parts)` to the decimals printed, row by row: a yearly average (*bình quân/năm*) over the year columns. */
export interface LayoutAverage {
  readonly type: 'average';
  readonly column: string;
  readonly parts: readonly string[];
  /** Columns taken from the parts' sum before dividing (a yearly reduction: the start's rate − the target's). */
  readonly minus?: readonly string[];
  /** The divisor (the years of a yearly reduction); the number of parts when left out. */
  readonly over?: number;
  readonly rounding: RoundingMode;
}

/** The numbers in `column` count 1, 2, 3… down the item rows (restarting in each group when `perGroup`). */
export interface LayoutNumbering {
  readonly type: 'numbering';
  readonly column: string;
  readonly perGroup: boolean;
}

/**
 * A *trong đó* column is at most the column it breaks down, row by row (“Trong đó: hộ DTTS ›
 * Hộ nghèo” ≤ “Hộ nghèo › Số hộ”).
 */
export interface LayoutPartOf {
  readonly type: 'part-of';
  readonly column: string;
  readonly of: string;
}

/**
 * A column is the change of another from the row before (a table by year: *Số hộ nghèo giảm so với
 * năm trước*): `'decrease'` is the row before's figure less this row's, `'increase'` this row's less
 * the row before's. `pairs` lists grid rows `[row, previous]`; the first year has none.
 */
export interface LayoutRowChange {
  readonly type: 'row-change';
  readonly column: string;
  readonly of: string;
  readonly direction: 'decrease' | 'increase';
  readonly pairs: ReadonlyArray<readonly [number, number]>;
}

/** `column = round(factors[0] × factors[1])` to the decimals printed, row by row: *thành tiền = số hộ × định mức*. */
export interface LayoutProduct {
  readonly type: 'product';
  readonly column: string;
  readonly factors: readonly [string, string];
  readonly rounding: RoundingMode;
  /** The grid rows printing the factors (a group's row leaves the amount per unit blank); every row when left out. */
  readonly rows?: readonly number[];
}

/**
 * A column of counts (households, people) is never below zero, row by row: a stock or a flow computed in a sheet
 * (“cuối năm = đầu năm − thoát nghèo + phát sinh”) that comes out negative says its figures are wrong even where
 * its formula holds. Not a column of changes (“Tăng/giảm”, “Chênh lệch”).
 */
export interface LayoutNonNegative {
  readonly type: 'non-negative';
  readonly column: string;
}

/** A relation between the columns of a {@link DocumentTableLayout}. */
export type LayoutRelation = LayoutDifference | LayoutColumnSum | LayoutRate | LayoutAverage | LayoutNumbering | LayoutPartOf | LayoutRowChange | LayoutProduct | LayoutNonNegative;

/**
 * The declared layout of a document table: which grid rows are headers, what each column holds,
 * the role of each data row and the relations that hold between columns. Table understanding
 * infers one; a caller may give one instead (a spec), in the same shape, to confirm or override it.
 */
export interface DocumentTableLayout {
  /** Grid rows 0 … `headerRows − 1` are the header (title rows included). */
  readonly headerRows: number;
  /** Title or unit rows at the top, before the column headers (0 unless told). */
  readonly captionRows?: number;
  /** Grid rows that are neither header nor data: a row of column numbers (“A B 1 2 3 …”). */
  readonly skipRows: readonly number[];
  readonly columns: readonly DocumentLayoutColumn[];
  readonly rows: readonly DocumentLayoutRow[];
  readonly relations: readonly LayoutRelation[];
  /** Blank cells in checked columns: missing (default) or zero (budget tables print “-” for nothing). */
  readonly blankAs?: 'missing' | 'zero';
}

const key = z.string().min(1);
const rounding = z.enum(ROUNDING_MODES as unknown as [RoundingMode, ...RoundingMode[]]);
const gridIndex = z.number().int().nonnegative();

/**
 * zod schema of {@link DocumentTableLayout}: the spec format a caller writes to confirm or override an
 * inferred layout (`vn-poverty check FILE --spec layout.json`).
 * @example
 * documentTableLayoutSchema.safeParse({ headerRows: 1, skipRows: [], columns: [{ col: 0, key: 'Xã', header: 'Xã', kind: 'label' }], rows: [], relations: [] }).success //=> true
 */
export const documentTableLayoutSchema = z.object({
  headerRows: gridIndex,
  captionRows: gridIndex.optional(),
  skipRows: z.array(gridIndex),
  columns: z.array(
    z.object({
      col: gridIndex,
      key,
      header: z.string(),
      kind: z.enum(['count', 'rate', 'amount', 'label', 'row-number', 'text']),
      unit: z.enum(['dong', 'nghin', 'trieu', 'ty']).optional(),
    }),
  ),
  rows: z.array(
    z.object({
      row: gridIndex,
      role: z.enum(['item', 'subtotal', 'total', 'average', 'part', 'heading']),
      label: z.string(),
      number: z.string().optional(),
      covers: z.array(gridIndex).optional(),
      rates: z.array(z.object({ column: key, as: z.enum(['rate-of-sums', 'rate-of-means', 'mean-of-rates']) })).optional(),
      carries: z.array(key).optional(),
    }),
  ),
  relations: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('difference'), column: key, from: key, minus: z.array(key).min(1), plus: z.array(key).optional() }),
      z.object({ type: z.literal('sum'), column: key, parts: z.array(key).min(2) }),
      z.object({ type: z.literal('rate'), column: key, count: key, minus: key.optional(), base: key, baseRow: gridIndex.optional(), scale: z.number().int().positive(), rounding }),
      z.object({ type: z.literal('average'), column: key, parts: z.array(key).min(1), minus: z.array(key).min(1).optional(), over: z.number().int().positive().max(1000).optional(), rounding }),
      z.object({ type: z.literal('numbering'), column: key, perGroup: z.boolean() }),
      z.object({ type: z.literal('part-of'), column: key, of: key }),
      z.object({ type: z.literal('non-negative'), column: key }),
      z.object({ type: z.literal('row-change'), column: key, of: key, direction: z.enum(['decrease', 'increase']), pairs: z.array(z.tuple([gridIndex, gridIndex])) }),
      z.object({ type: z.literal('product'), column: key, factors: z.tuple([key, key]), rounding, rows: z.array(gridIndex).optional() }),
    ]),
  ),
  blankAs: z.enum(['missing', 'zero']).optional(),
});

/** Row key of a grid row in the printed table: its 1-based row number in the grid. */
export function rowKeyOf(gridRow: number): string {
  return String(gridRow + 1);
}

/** The additive columns (counts and amounts) of a layout. */
export function additiveColumns(layout: DocumentTableLayout): readonly DocumentLayoutColumn[] {
  return layout.columns.filter((c) => c.kind === 'count' || c.kind === 'amount');
}

/**
 * Turns a document table and its layout into the `PrintedTable` the reconciliation engine
 * checks: one column per figure, label and row-number column; one row per data row (key = its
 * 1-based grid row, label as printed); the layout's relations, plus a `row-total` for every
 * subtotal and total over the additive columns, and `numbering` over the numbered item rows.
 *
 * @throws VnPovertyError `invalid-input` for a malformed layout; `unknown-column` for a relation
 *   naming a column the layout does not have; `unknown-row` for a row outside the grid.
 * @example
 * const table = documentModel([{ kind: 'table', rows: [['Xã', 'Hộ'], ['A', '2'], ['B', '3'], ['Tổng', '5']] }]).blocks[0] as DocumentTable;
 * printedTableFromLayout(table, layout).relations[0] //=> { type: 'row-total', row: '4', parts: ['2', '3'], columns: ['Hộ'] }
 */
export function printedTableFromLayout(table: DocumentTable, layout: DocumentTableLayout): PrintedTable {
  const l = parseInput(documentTableLayoutSchema, layout, { description: 'a table layout (spec)', term: 'bố cục biểu' }) as DocumentTableLayout;
  const byKey = new Map(l.columns.map((c) => [c.key, c]));
  const need = (k: string, path: ReadonlyArray<string | number>): void => {
    if (!byKey.has(k)) fail({ code: 'unknown-column', path, value: k, expected: `a column key of the layout (${[...byKey.keys()].join(', ')})` });
  };
  l.relations.forEach((r, i) => {
    need(r.column, ['relations', i, 'column']);
    if (r.type === 'difference') [r.from, ...r.minus, ...(r.plus ?? [])].forEach((k) => need(k, ['relations', i, 'from']));
    if (r.type === 'sum' || r.type === 'average') r.parts.forEach((k) => need(k, ['relations', i, 'parts']));
    if (r.type === 'average') (r.minus ?? []).forEach((k) => need(k, ['relations', i, 'minus']));
    if (r.type === 'rate') [r.count, r.base, ...(r.minus === undefined ? [] : [r.minus])].forEach((k) => need(k, ['relations', i, 'count']));
    if (r.type === 'part-of' || r.type === 'row-change') need(r.of, ['relations', i, 'of']);
    if (r.type === 'product') r.factors.forEach((k) => need(k, ['relations', i, 'factors']));
  });
  l.rows.forEach((r, i) => {
    if (r.row >= table.rows.length) fail({ code: 'unknown-row', path: ['rows', i, 'row'], value: r.row, expected: `a grid row below ${table.rows.length}` });
  });
  const printedColumns: TableColumn[] = l.columns.map((c) => {
    const kind = c.kind === 'label' || c.kind === 'row-number' || c.kind === 'text' ? 'text' : c.kind;
    return c.unit === undefined || kind !== 'amount' ? { key: c.key, kind, label: c.header, gridColumn: c.col } : { key: c.key, kind, label: c.header, unit: c.unit, gridColumn: c.col };
  });
  const rows = l.rows.map((r) => {
    const cells: Record<string, string | null> = {};
    for (const c of l.columns) {
      const cell = table.rows[r.row]?.[c.col];
      // a cell covered by a vertical merge repeats a figure that is printed once
      cells[c.key] = cell === undefined || (cell.mergedInto !== undefined && cell.mergedInto.row !== r.row) ? null : cell.text;
    }
    return { key: rowKeyOf(r.row), label: r.label, cells, gridRow: r.row, ...(r.role === 'part' ? { role: 'of-which' as const } : {}) };
  });
  const additive = additiveColumns(l).map((c) => c.key);
  const relations: TableRelation[] = [];
  if (additive.length > 0) {
    for (const r of l.rows) {
      if ((r.role === 'subtotal' || r.role === 'total') && r.covers !== undefined && r.covers.length > 0) {
        // a total left blank in a column (a period's row under the households of each year) prints nothing to check there
        const carried = new Set(r.carries ?? []);
        const printed = additive.filter((k) => !blankCell(table, r.row, byKey.get(k)!.col));
        const summed = printed.filter((k) => !carried.has(k));
        if (summed.length > 0) relations.push({ type: 'row-total', row: rowKeyOf(r.row), parts: r.covers.map(rowKeyOf), columns: summed, ...(amountsRounded(l, summed) ? { partsRounded: true } : {}) });
        // a stock a period's row carries: its last year's figure
        const stocks = printed.filter((k) => carried.has(k));
        if (stocks.length > 0) relations.push({ type: 'row-total', row: rowKeyOf(r.row), parts: [rowKeyOf(Math.max(...r.covers))], columns: stocks, carried: true });
      }
    }
  }
  // a “trong đó” row is at most the row it breaks down, column by column, as the engine reads roles
  if (additive.length > 0) for (const [part, whole] of partWholes(l)) relations.push({ type: 'row-inequality', row: rowKeyOf(part.row), op: '<=', than: rowKeyOf(whole.row), columns: additive });
  // a row of means: each count its rows' mean; a rate its rows' mean when the row prints none of its counts (a rate
  // beside printed means is that of the totals, which the means, rounded, no longer give: not checked there)
  const means = meanRows(l);
  for (const r of means) {
    const columns = meanColumns(table, l, r);
    const rates = meanRowRates(l, r);
    if (columns.length > 0) relations.push({ type: 'row-average', row: rowKeyOf(r.row), parts: r.covers!.map(rowKeyOf), columns, rounding: 'half-up', ...(rates.length > 0 ? { rates: rates.map((x) => ({ ...x, of: x.of === 'sums' ? 'sums' : 'row' })) } : {}) });
  }
  for (const rel of l.relations) {
    // a relation applies in the rows where something of it is printed (a rate not in a row of means)
    const silent = new Set([...silentRows(table, l, rel), ...(rel.type === 'rate' ? means.map((r) => r.row) : [])]);
    const where = silent.size === 0 ? {} : { rows: l.rows.filter((r) => !silent.has(r.row)).map((r) => rowKeyOf(r.row)) };
    switch (rel.type) {
      case 'difference':
        // a change of printed rates, in points, may have been taken from the unrounded rates: within their rounding
        if (byKey.get(rel.column)?.kind === 'rate') relations.push({ type: 'signed-sum', column: rel.column, plus: [rel.from, ...(rel.plus ?? [])], minus: rel.minus, partsRounded: true, ...where });
        else relations.push({ type: 'difference', column: rel.column, from: rel.from, minus: rel.minus, ...(rel.plus === undefined ? {} : { plus: rel.plus }), ...where });
        break;
      case 'sum':
        relations.push({ type: 'column-total', column: rel.column, parts: rel.parts, ...(byKey.get(rel.column)?.kind === 'amount' ? { partsRounded: true } : {}), ...where });
        break;
      case 'rate':
        relations.push({ type: 'rate', column: rel.column, count: rel.count, ...(rel.minus === undefined ? {} : { minus: rel.minus }), base: rel.base, ...(rel.baseRow === undefined ? {} : { baseRow: rowKeyOf(rel.baseRow) }), scale: rel.scale, rounding: rel.rounding, ...where });
        break;
      case 'average':
        relations.push({ type: 'average', column: rel.column, parts: rel.parts, ...(rel.minus === undefined ? {} : { minus: rel.minus }), ...(rel.over === undefined ? {} : { over: rel.over }), rounding: rel.rounding, ...where });
        break;
      case 'numbering':
        for (const group of numberedGroups(l, rel.perGroup)) relations.push({ type: 'numbering', column: rel.column, rows: group.map(rowKeyOf) });
        break;
      case 'part-of':
        relations.push({ type: 'inequality', column: rel.column, op: '<=', than: rel.of, ...where });
        break;
      case 'non-negative':
        relations.push({ type: 'bound', column: rel.column, min: 0, ...where });
        break;
      case 'row-change':
        relations.push({ type: 'row-change', column: rel.column, of: rel.of, direction: rel.direction, pairs: rel.pairs.map(([row, previous]) => ({ row: rowKeyOf(row), previous: rowKeyOf(previous) })) });
        break;
      case 'product':
        relations.push({ type: 'product', column: rel.column, factors: rel.factors, rounding: rel.rounding, ...(rel.rows === undefined ? where : { rows: rel.rows.filter((r) => !silent.has(r)).map(rowKeyOf) }) });
        break;
    }
  }
  return deepFreeze({ columns: printedColumns, rows, relations, ...(l.blankAs === undefined ? {} : { blankAs: l.blankAs }) });
}

/**
 * Each “trong đó” row of a layout with the row it breaks down: the nearest row above it that is no
 * part (nor a row of means), when that row prints figures (a heading breaks down nothing).
 * @example
 * partWholes({ rows: [{ row: 1, role: 'item', label: 'Xã An Phú' }, { row: 2, role: 'part', label: 'Trong đó: hộ DTTS' }] }).map(([p, w]) => [p.row, w.row]) //=> [[2, 1]]
 */
export function partWholes(l: Pick<DocumentTableLayout, 'rows'>): Array<readonly [DocumentLayoutRow, DocumentLayoutRow]> {
  return l.rows.flatMap((r, i) => {
    if (r.role !== 'part') return [];
    const whole = l.rows.slice(0, i).reverse().find((x) => x.role !== 'part' && x.role !== 'average');
    return whole === undefined || whole.role === 'heading' ? [] : [[r, whole] as const];
  });
}

/** The rows of means of a layout (“Trung bình”) over two rows or more. */
export function meanRows(l: DocumentTableLayout): DocumentLayoutRow[] {
  return l.rows.filter((r) => r.role === 'average' && r.covers !== undefined && r.covers.length >= 2);
}

/**
 * The columns a row of means is checked in, as the mean of its rows: each count or amount it prints, and a rate
 * when the row prints none of its counts or its layout says the rate is the mean of its rows' rates.
 */
export function meanColumns(table: DocumentTable, l: DocumentTableLayout, r: DocumentLayoutRow): string[] {
  const col = new Map(l.columns.map((c) => [c.key, c.col]));
  const meanOfRates = new Set((r.rates ?? []).filter((x) => x.as === 'mean-of-rates').map((x) => x.column));
  const rates = l.relations.flatMap((rel) => (rel.type === 'rate' && (blankCell(table, r.row, col.get(rel.count)!) || meanOfRates.has(rel.column)) ? [rel.column] : []));
  return [...additiveColumns(l).map((c) => c.key), ...rates].filter((k) => !blankCell(table, r.row, col.get(k)!));
}

/**
 * The rates a row of means prints beside its means that its layout says are a rate of counts: of its rows' sums
 * (`of: 'sums'`) or of its own means (`of: 'means'`), with the count, base and scale of their rate relation.
 */
export function meanRowRates(l: DocumentTableLayout, r: DocumentLayoutRow): Array<{ column: string; count: string; base: string; scale: number; rounding: LayoutRate['rounding']; of: 'sums' | 'means' }> {
  return (r.rates ?? []).flatMap((x) => {
    const rel = l.relations.find((y): y is LayoutRate => y.type === 'rate' && y.column === x.column && y.minus === undefined && y.baseRow === undefined);
    if (rel === undefined || x.as === 'mean-of-rates') return [];
    return [{ column: rel.column, count: rel.count, base: rel.base, scale: rel.scale, rounding: rel.rounding, of: x.as === 'rate-of-sums' ? ('sums' as const) : ('means' as const) }];
  });
}

function amountsRounded(l: DocumentTableLayout, additive: readonly string[]): boolean {
  return additive.some((k) => l.columns.find((c) => c.key === k)?.kind === 'amount');
}

/** The numbered item (and numbered project) rows, in one run or one run per group (a subtotal or heading row starts a group). */
function numberedGroups(l: DocumentTableLayout, perGroup: boolean): number[][] {
  const groups: number[][] = [[]];
  for (const r of l.rows) {
    if (inNumberSequence(r)) groups[groups.length - 1]!.push(r.row);
    else if (perGroup && startsNumberGroup(r) && groups[groups.length - 1]!.length > 0) groups.push([]);
  }
  return groups.filter((g) => g.length > 0);
}
