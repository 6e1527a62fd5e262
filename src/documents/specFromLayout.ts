import { deepFreeze } from '../_internal/_freeze.js';
import type { PrintedGrid, RoleRule, SpecColumn, SpecRelation, TableSpec } from '../reconcile/tableSpec.js';
import type { DocumentTable } from './documentModel.js';
import { additiveColumns, meanColumns, meanRowRates, meanRows, type DocumentTableLayout } from './tableLayout.js';
import { blankCell, inNumberSequence, silentRows } from './_tableRows.js';

/** Result of {@link specFromLayout}: the spec, or why the layout cannot be stated as one. */
export type LayoutAsSpec = { readonly ok: true; readonly spec: TableSpec } | { readonly ok: false; readonly reason: string };

const ROLE = { total: 'total', subtotal: 'group', part: 'of-which', heading: 'heading' } as const;

/**
 * States an inferred document-table layout as the reconciliation engine's declared layout
 * (`TableSpec`): columns by grid position (`index`) with their printed headers and units, the
 * header rows, every row's role as a rule on its grid row, and the relations (`role-totals` over
 * the counts and amounts, differences, column totals, rates, numbering). `tableFromSpec` then reads
 * the same grid with it (a row of means as a heading with a `row-average` relation over its rows;
rows printed below the layout's last row, notes and signatures, as `ignore`). Some inferred layouts have no spec equivalent yet — a total that adds up
 * the groups or the rows above it rather than every unit, numbering that restarts in each group,
 * an amount column with no unit, a header deeper than six rows — and come back with the reason.
 *
 * @example
 * specFromLayout(seed001Table, understandTable(seed001Table).layout).ok //=> true
 */
export function specFromLayout(table: DocumentTable, layout: DocumentTableLayout): LayoutAsSpec {
  const start = layout.captionRows ?? 0;
  const rows = layout.headerRows - start - layout.skipRows.filter((r) => r < layout.headerRows).length;
  if (rows < 1 || rows > 6) return { ok: false, reason: `a header of ${rows} rows (a spec takes 1 to 6)` };
  const columns: SpecColumn[] = [];
  for (const c of layout.columns) {
    if (c.kind === 'amount' && c.unit === undefined) return { ok: false, reason: `amount column “${c.key}” states no unit` };
    const header = c.header === '' ? c.key : c.header.split(' › ');
    const kind = c.kind === 'label' ? 'text' : c.kind;
    columns.push({ key: c.key, kind, header, index: c.col, ...(c.kind === 'label' ? { label: true } : {}), ...(c.unit === undefined ? {} : { unit: c.unit }) });
  }
  if (layout.rows.some((r) => (r.carries ?? []).length > 0)) return { ok: false, reason: 'a period\'s row carries the last year\'s stocks' };
  const relations: SpecRelation[] = [];
  // a row of means: a heading to the sums and the rates (its rate is not that of its means), the mean of its rows in its columns
  for (const r of meanRows(layout)) {
    const cols = meanColumns(table, layout, r);
    const rates = meanRowRates(layout, r).map((x) => ({ ...x, of: x.of === 'sums' ? ('sums' as const) : ('row' as const) }));
    if (cols.length > 0) relations.push({ type: 'row-average', row: { gridRow: r.row }, parts: r.covers!.map((gridRow) => ({ gridRow })), columns: cols, rounding: 'half-up', ...(rates.length > 0 ? { rates } : {}) });
  }
  const additive = additiveColumns(layout).map((c) => c.key);
  const totals = layout.rows.filter((r) => r.covers !== undefined && r.role !== 'average');
  const additiveCols = additiveColumns(layout).map((c) => c.col);
  if (totals.some((r) => additiveCols.some((c) => blankCell(table, r.row, c)))) return { ok: false, reason: 'a total row is blank in some column' };
  // a “trong đó” row (or a deprivation indicator under the poor households) is at most its row, with or without totals
  if (additive.length > 0 && (totals.length > 0 || layout.rows.some((r) => r.role === 'part'))) relations.push({ type: 'role-totals', columns: additive, partsRounded: additiveColumns(layout).some((c) => c.kind === 'amount') });
  for (const r of layout.relations) {
    if (silentRows(table, layout, r).size > 0) return { ok: false, reason: `“${r.column}” and the columns it is checked by are all blank in some rows` };
    switch (r.type) {
      case 'difference':
        // a change of printed rates, in points, may have been taken from the unrounded rates: within their rounding
        if (layout.columns.find((c) => c.key === r.column)?.kind === 'rate') relations.push({ type: 'signed-sum', column: r.column, plus: [r.from, ...(r.plus ?? [])], minus: r.minus, partsRounded: true });
        else relations.push({ type: 'difference', column: r.column, from: r.from, minus: r.minus, ...(r.plus === undefined ? {} : { plus: r.plus }) });
        break;
      case 'sum':
        relations.push({ type: 'column-total', column: r.column, parts: r.parts, partsRounded: layout.columns.find((c) => c.key === r.column)?.kind === 'amount' });
        break;
      case 'rate':
        relations.push({ type: 'rate', column: r.column, count: r.count, ...(r.minus === undefined ? {} : { minus: r.minus }), base: r.base, ...(r.baseRow === undefined ? {} : { baseRow: { gridRow: r.baseRow } }), scale: r.scale, rounding: r.rounding });
        break;
      case 'average':
        relations.push({ type: 'average', column: r.column, parts: r.parts, ...(r.minus === undefined ? {} : { minus: r.minus }), ...(r.over === undefined ? {} : { over: r.over }), rounding: r.rounding });
        break;
      case 'numbering':
        if (r.perGroup) return { ok: false, reason: 'row numbers restart in each group' };
        // a spec numbers every unit row: lettered or nested items (a, 1.1) or numbered projects over them are not its sequence
        if (layout.rows.some((x) => (x.role === 'item') !== inNumberSequence(x) && x.number !== undefined)) return { ok: false, reason: 'row numbers of more than one level (1, 1.1, a)' };
        relations.push({ type: 'numbering', column: r.column, rows: 'units' });
        break;
      case 'part-of':
        relations.push({ type: 'inequality', column: r.column, op: '<=', than: r.of });
        break;
      case 'non-negative':
        relations.push({ type: 'bound', column: r.column, min: 0 });
        break;
      case 'row-change':
        return { ok: false, reason: `“${r.column}” is the change of “${r.of}” from the row before` };
      case 'product':
        return { ok: false, reason: `“${r.column}” is the product of “${r.factors[0]}” and “${r.factors[1]}”` };
    }
  }
  const rules: RoleRule[] = (['total', 'subtotal', 'part', 'heading'] as const)
    .map((role) => ({ role: ROLE[role], gridRows: layout.rows.filter((r) => r.role === role || (role === 'heading' && r.role === 'average')).map((r) => r.row) }))
    .filter((r) => r.gridRows.length > 0);
  // rows printed below the layout's last row (a note's lone figure, a signature block) are not read as rows of the table
  const last = Math.max(layout.headerRows - 1, ...layout.rows.map((r) => r.row));
  const below = table.rows.flatMap((row, r) => (r > last && row.some((cell) => cell.text.trim() !== '') ? [r] : []));
  if (below.length > 0) rules.push({ role: 'ignore', gridRows: below });
  return deepFreeze({
    ok: true,
    spec: { name: 'inferred', columns, header: { start, rows }, roles: { infer: false, rules }, relations, ...(layout.blankAs === undefined ? {} : { blankAs: layout.blankAs }) },
  });
}

/**
 * A document table as the grid `tableFromSpec` reads: each cell's text, or null when empty; a
 * merged header cell's text in every cell it covers, but a figure covered by a merge in the data
 * rows printed once (null elsewhere), so it is never added twice.
 * @example
 * gridOf(table, 5)[0] //=> ['STT', 'Xã, phường', …]
 */
export function gridOf(table: DocumentTable, headerRows: number): PrintedGrid {
  return table.rows.map((row, r) =>
    row.map((cell, c) => {
      if (r >= headerRows && cell.mergedInto !== undefined && (cell.mergedInto.row !== r || cell.mergedInto.col !== c)) return null;
      return cell.text === '' ? null : cell.text;
    }),
  );
}
