import { deepFreeze } from '../_internal/_freeze.js';
import { assertOptions } from '../errors/assertOptions.js';
import { fail } from '../errors/VnPovertyError.js';
import type { RoundingMode } from '../numbers/rounding.js';
import type { GridReconcileReport } from '../reconcile/reconcileGrid.js';
import { reconcileTable } from '../reconcile/reconcileTable.js';
import type { LayoutRowInfo, TableLayout } from '../reconcile/tableFromSpec.js';
import type { TableSpec } from '../reconcile/tableSpec.js';
import type { ReconcileIssue } from '../reconcile/reconcileIssue.js';
import { comparisonReading, engineTable, layoutCoverage } from './_checkTables.js';
import { comparisonsNote, shapeTable } from './_tableShape.js';
import { partOfCell } from './_countRateCells.js';
import type { DocumentTable } from './documentModel.js';
import { formatEvidence } from './formatCheckReport.js';
import { rowKeyOf, type DocumentTableLayout } from './tableLayout.js';
import { understandTable, type RelationEvidence } from './understandTable.js';

/** Options of {@link reconcileInferred}. */
export interface ReconcileInferredOptions {
  /** A caption or unit line printed with the table (`'ĐVT: triệu đồng'`), read for the money unit. */
  readonly caption?: string;
  /** How printed rates were rounded; `'half-up'` as official tables print (poverty-rate-reporting §4). */
  readonly rounding?: RoundingMode;
  /** Share of rows a relation must hold in to be inferred; 0,75 unless told. */
  readonly consensus?: number;
  /** File or table name, for messages. */
  readonly source?: string;
  /** One wrong cell, one finding (see `ReconcileTableOptions.attribute`), as `checkDocument` reports; false unless told. */
  readonly attribute?: boolean;
}

/** What table understanding inferred, as `reconcileInferred` used it. */
export interface InferredLayout {
  /** The inferred layout (the format `vn-poverty check --spec` takes). */
  readonly layout: DocumentTableLayout;
  /** Every inferred relation and total row, with the rows or columns it holds in. */
  readonly evidence: readonly RelationEvidence[];
  /** The layout as a declared spec (what `vn-poverty reconcile --spec` takes), or null when it has no spec equivalent and was checked as inferred. */
  readonly spec: TableSpec | null;
  /** Figure columns that no relation checks. */
  readonly uncheckedColumns: readonly string[];
  /** What could not be inferred, and how the layout reached the engine, in plain words. */
  readonly notes: readonly string[];
}

/** Result of {@link reconcileInferred}: the engine's report, with the layout it inferred. */
export interface InferredReconcileReport extends GridReconcileReport {
  readonly inferred: InferredLayout;
}

const ENGINE_ROLE = { item: 'unit', subtotal: 'group', total: 'total', average: 'heading', part: 'of-which', heading: 'heading' } as const;

/** The engine's reading of a layout that went to it directly (no spec equivalent). */
function tableLayoutOf(l: DocumentTableLayout): TableLayout {
  return {
    header: [l.captionRows ?? 0, Math.max(0, l.headerRows - 1)],
    columnNumbersRow: l.skipRows[0] ?? null,
    columns: l.columns.map((c) => ({ key: c.key, gridColumn: c.col, header: c.header === '' ? [] : c.header.split(' › '), ...(c.unit === undefined ? {} : { unit: c.unit, unitFrom: 'header' as const }) })),
    rows: l.rows.map((r): LayoutRowInfo => ({ key: rowKeyOf(r.row), gridRow: r.row, label: r.label, number: r.number ?? '', role: ENGINE_ROLE[r.role], covers: (r.covers ?? []).map(rowKeyOf), roleFrom: 'inferred' })),
  };
}

/**
 * Reconciles a table with no declared layout: table understanding (`understandTable`, the
 * document checker's) infers its header, column kinds, rate bases, row roles and column relations
 * by consensus (a table of indicators by period read transposed, as `checkDocument` reads it; its
 * figures in the format the cells give, never guessed to be English as a document's are), the inferred layout is stated as a declared spec (`specFromLayout`) and checked by
 * the same engine as a `--spec` (`tableFromSpec`, `reconcileTable`). Where it has no spec
 * equivalent it is checked as inferred, and a note says so. The report carries what was inferred,
 * with the evidence for every relation, so that a reviewer can confirm it or write it down as a spec.
 *
 * @param table - the table: a block of a document model (e.g. `documentModel([{ kind: 'table', rows }])`).
 * @returns the deep-frozen report of `reconcileGrid`, with `inferred`.
 * @throws VnPovertyError `table-not-understood` when no figure column, or nothing to check them
 *   by (a total row, a rate base, a relation between columns), can be inferred.
 * @example
 * const t = documentModel([{ kind: 'table', rows: [['STT', 'Xã', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)'], ['1', 'An Phú', '2.348', '38', '1,62'], ['2', 'Tân Lợi', '2.154', '44', '2,04'], ['3', 'Long Hòa', '1.200', '20', '1,67'], ['', 'Tổng', '5.702', '103', '1,81']] }]).blocks[0];
 * reconcileInferred(t).issues.map((i) => `${i.row} · ${i.column}: ${i.printed} → ${i.expected}`) //=> ['Tổng · Số hộ nghèo: 103 → 102']
 */
export function reconcileInferred(table: DocumentTable, options: ReconcileInferredOptions = {}): InferredReconcileReport {
  assertOptions(options, 'reconcileInferred');
  const where = options.source === undefined ? '' : `${options.source}: `;
  // the table is shaped as `checkDocument` shapes it — indicators by period (“TT | Chỉ tiêu | ĐVT | Năm 2021 …”)
  // read transposed, each finding's grid cell then put back where the printed table has it — but its number
  // format is never guessed: the caller states it (`reconcile --number-format`), a document states none
  const shaped = shapeTable(table, false);
  const read = shaped.table;
  const understanding = { ...(options.caption === undefined ? {} : { caption: options.caption }), ...(options.rounding === undefined ? {} : { rounding: options.rounding }), ...(options.consensus === undefined ? {} : { consensus: options.consensus }) };
  const u = understandTable(read, understanding);
  const { hasFigures, checkable } = layoutCoverage(u.layout);
  if (!checkable) {
    const why = !hasFigures ? 'no column of figures was found' : u.layout.rows.length === 0 ? 'it has a header but no rows' : 'no total row, rate base or relation between its columns could be inferred';
    fail({
      code: 'table-not-understood',
      path: [],
      value: u.layout.columns.map((c) => c.header).join(' | ').slice(0, 200),
      expected: 'a table with figure columns and a total row, a rate base or a relation between columns',
      message: `${where}no table could be understood (${why}); nothing to check: give its layout with --layout NAME or --spec TABLE.json`,
    });
  }
  const notes = [...u.notes];
  if (shaped.transposed) notes.push('indicators by period: read transposed, each indicator a column and each period a row (grid cells are those of the printed table)');
  const engine = engineTable(read, u.layout, options.caption ?? '', notes);
  const report = reconcileTable(engine.printed, options.attribute === true ? { attribute: true } : {});
  // a transposed table's issue goes back to the printed cell (its row is the printed column); a count or
  // rate read from a cell printing both (“125 (4,50%)”) is put back at that cell, saying which figure
  const placed = (i: ReconcileIssue): ReconcileIssue => {
    if (i.grid === null) return i;
    const origin = shaped.origins?.[i.grid.column];
    const c = origin?.col ?? i.grid.column;
    const grid = shaped.transposed ? { row: c + shaped.skippedRows, column: i.grid.row + shaped.skippedColumns } : { row: i.grid.row, column: c };
    if (origin?.part === undefined) return { ...i, grid };
    const cellText = table.rows[grid.row]?.[grid.column]?.text.trim() ?? i.printed;
    return { ...i, grid, message: `${i.message} (${partOfCell(origin.part, i.printed, cellText)})` };
  };
  // the columns comparing the periods of a transposed table, checked in the table as printed (its grid cells)
  const compared = shaped.comparisons.length === 0 ? null : comparisonReading(table, shaped.comparisons, understanding);
  const issues = [...engine.structural, ...report.issues].map(placed).concat(compared?.issues ?? []);
  if (shaped.comparisons.length > 0 && compared === null) notes.push(comparisonsNote(shaped.comparisons));
  const errors = issues.filter((i) => i.severity === 'error').length;
  return deepFreeze({
    ok: errors === 0,
    issues,
    checked: report.checked + (compared?.checked ?? 0),
    errors,
    roundings: issues.length - errors,
    layout: engine.grid?.layout ?? tableLayoutOf(u.layout),
    structural: engine.structural.length,
    inferred: { layout: u.layout, evidence: u.evidence, spec: engine.spec, uncheckedColumns: u.uncheckedColumns, notes },
  });
}

/**
 * What `reconcileInferred` inferred, as the text report prints it: the header, each column and
 * its kind, every relation with the rows it holds in, and the notes.
 * @example
 * formatInferredLayout(reconcileInferred(t).inferred).split('\n')[2] //=> '  Tỷ lệ (%) = Số hộ nghèo ÷ Tổng số hộ × 100 (half-up, to the decimals printed): holds in all 4 rows'
 */
export function formatInferredLayout(inferred: InferredLayout): string {
  const l = inferred.layout;
  const first = (l.captionRows ?? 0) + 1;
  const numbers = l.skipRows.filter((r) => r < l.headerRows);
  const last = l.headerRows - numbers.length;
  const header = `${last <= first ? `header row ${first}` : `header rows ${first}–${last}`}${numbers.map((r) => ` (row ${r + 1}: column numbers)`).join('')}`;
  const columns = l.columns.map((c) => `${c.header === '' ? c.key : c.header} (${c.kind === 'amount' && c.unit !== undefined ? `amount, ${c.unit}` : c.kind})`).join('; ');
  return [
    `inferred layout (no --layout or --spec given): ${header}; columns: ${columns}`,
    ...inferred.evidence.map((e) => `  ${formatEvidence(e)}`),
    ...inferred.uncheckedColumns.map((k) => `  not checked: column ${k} (no relation with another column or row was found for it)`),
    ...inferred.notes.map((n) => `  note: ${n}`),
  ].join('\n');
}
