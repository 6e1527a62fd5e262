import { VnPovertyError } from '../errors/VnPovertyError.js';
import type { RoundingMode } from '../numbers/rounding.js';
import type { PrintedTable } from '../reconcile/printedTable.js';
import type { ReconcileIssue } from '../reconcile/reconcileTable.js';
import { tableFromSpec, type GridTable, type TableSpec } from '../reconcile/tableSpec.js';
import { reconcileTable } from '../reconcile/reconcileTable.js';
import type { CheckedTable, CheckFinding, FindingLocation, UncheckedItem } from './checkReport.js';
import type { DocumentModel, DocumentTable } from './documentModel.js';
import { gridOf, specFromLayout } from './specFromLayout.js';
import { partWholes, printedTableFromLayout, rowKeyOf, type DocumentTableLayout } from './tableLayout.js';
import { understandTable, type RelationEvidence, type UnderstandTableOptions } from './understandTable.js';
import { comparisonsNote, shapeTable, type ShapedTable } from './_tableShape.js';
import { cellNumber } from './_cellNumber.js';
import { joinContinuedTables, pieceOf } from './_continuedTables.js';
import { partOfCell } from './_countRateCells.js';

/** A table with its layout, kept for evaluating targets against it. */
export interface UnderstoodTable {
  readonly table: DocumentTable;
  readonly layout: DocumentTableLayout;
}

/** What checking the tables of a document gives. */
export interface TableChecks {
  readonly tables: CheckedTable[];
  readonly findings: CheckFinding[];
  readonly unchecked: UncheckedItem[];
  readonly understood: UnderstoodTable[];
}

const CAPTION = /^(dvt|đvt|don vi tinh|đơn vị tính|biểu|bieu|bảng|bang|phụ lục|phu luc)\b/i;

/** A caption for a table: the unit line or title printed in the two paragraphs just before it. */
function captionOf(model: DocumentModel, table: DocumentTable): string {
  const out: string[] = [];
  for (let i = table.index - 1; i >= Math.max(0, table.index - 2); i--) {
    const b = model.blocks[i];
    if (b === undefined || b.kind === 'table') break;
    if (b.text.length <= 200 || CAPTION.test(b.text)) out.push(b.text);
  }
  return out.join(' ');
}

/** The engine's view of a table: the printed table it checks, its structural findings, and the grid column of each key. */
export interface EngineTable {
  readonly printed: PrintedTable;
  readonly structural: readonly ReconcileIssue[];
  readonly columnOf: ReadonlyMap<string, number>;
  /** How the table reached the engine. */
  readonly via: 'spec' | 'direct';
  readonly spec: TableSpec | null;
  /** How `tableFromSpec` read the grid (via a spec only). */
  readonly grid: GridTable | null;
}

/** True when the engine read the spec with the same roles and the same rows under each total as the layout says. */
function sameReading(layout: DocumentTableLayout, gt: GridTable): boolean {
  const byRow = new Map(gt.layout.rows.map((r) => [r.gridRow, r]));
  const ROLE: Record<string, string> = { item: 'unit', subtotal: 'group', total: 'total', average: 'heading', part: 'of-which', heading: 'heading' };
  if (gt.layout.rows.filter((r) => r.role !== 'ignore').length !== layout.rows.length) return false;
  return layout.rows.every((r) => {
    const e = byRow.get(r.row);
    if (e === undefined || e.role !== ROLE[r.role]) return false;
    // a row of means is a heading to the engine's sums: the rows it averages are in its row-average relation
    if (r.covers === undefined || r.role === 'average') return r.role !== 'subtotal' && r.role !== 'total';
    const covers = e.covers.map((k) => Number(k) - 1);
    return covers.length === r.covers.length && covers.every((c, i) => c === r.covers![i]);
  });
}

/**
 * Hands a layout to the engine: stated as a `TableSpec` and read by `tableFromSpec` (one engine,
 * one spec format) when it has a spec equivalent and the engine reads it the same way; else
 * turned into the printed table directly (`printedTableFromLayout`), with the reason noted.
 */
export function engineTable(block: DocumentTable, layout: DocumentTableLayout, caption: string, notes: string[]): EngineTable {
  const asSpec = specFromLayout(block, layout);
  if (asSpec.ok) {
    try {
      const gt = tableFromSpec(gridOf(block, layout.headerRows), asSpec.spec, caption === '' ? {} : { caption: [caption] });
      if (sameReading(layout, gt)) {
        // rows are named as the layout names them (the name column a merge leaves to each row)
        const names = new Map(layout.rows.map((r) => [rowKeyOf(r.row), r.label]));
        const printed = { ...gt.table, rows: gt.table.rows.map((r) => ({ ...r, label: names.get(r.key) ?? r.label })) };
        return { printed, structural: gt.findings, columnOf: new Map(gt.layout.columns.map((c) => [c.key, c.gridColumn])), via: 'spec', spec: asSpec.spec, grid: gt };
      }
      notes.push('the engine reads the stated spec with other rows under a total; the inferred layout was checked as it is');
    } catch (error) {
      if (!(error instanceof VnPovertyError)) throw error;
      notes.push(`the inferred layout could not be read as a spec (${error.issues[0].code}); it was checked as it is`);
    }
  } else notes.push(`the inferred layout has no spec equivalent (${asSpec.reason}); it was checked as it is`);
  return { printed: printedTableFromLayout(block, layout), structural: [], columnOf: new Map(layout.columns.map((c) => [c.key, c.col])), via: 'direct', spec: null, grid: null };
}

/** Whether a layout has figure columns, and something to check them by (a relation, a total row) in some data row. */
export function layoutCoverage(layout: DocumentTableLayout): { readonly hasFigures: boolean; readonly checkable: boolean } {
  const hasFigures = layout.columns.some((c) => c.kind === 'count' || c.kind === 'rate' || c.kind === 'amount');
  // a “trong đó” row is checked against the row it breaks down (an indicator table of counts by year, with no total)
  const hasChecks = layout.relations.length > 0 || layout.rows.some((r) => r.covers !== undefined) || partWholes(layout).length > 0;
  return { hasFigures, checkable: hasFigures && hasChecks && layout.rows.length > 0 };
}

/** The columns comparing the periods a transposed reading left out, checked in the table as printed. */
export interface ComparisonReading {
  readonly engine: EngineTable;
  readonly issues: readonly ReconcileIssue[];
  readonly checked: number;
}

/**
 * The columns comparing the periods (“So sánh (%)”, “Tỷ lệ đạt (%)”) of an indicator table read
 * transposed, checked in the table as printed: each the rate or the difference of two period columns
 * row by row, as table understanding infers it there, and nothing else (the transposed reading checks the rest).
 * A blank cell among them is no finding (a rate row has no comparison printed). Null when no
 * relation of theirs is inferred.
 */
export function comparisonReading(printed: DocumentTable, headers: readonly string[], options: UnderstandTableOptions): ComparisonReading | null {
  const u = understandTable(printed, options);
  const wanted = new Set(headers.map((h) => h.trim()));
  const keys = new Set(u.layout.columns.filter((c) => wanted.has(c.header.trim()) || wanted.has(c.key.trim())).map((c) => c.key));
  // a comparison is the rate of two periods (“So sánh (%)”) or their difference (“Tăng (+), giảm (-)”)
  const relations = u.layout.relations.filter((r) => (r.type === 'rate' || r.type === 'difference') && keys.has(r.column));
  if (relations.length === 0) return null;
  const layout: DocumentTableLayout = { ...u.layout, relations, rows: u.layout.rows.map((r) => (r.role === 'heading' ? r : { row: r.row, role: 'item', label: r.label, ...(r.number === undefined ? {} : { number: r.number }) })) };
  const engine = engineTable(printed, layout, options.caption ?? '', []);
  const report = reconcileTable(engine.printed, { attribute: true });
  const issues = [...engine.structural, ...report.issues].filter((i) => keys.has(i.column) && i.code !== 'blank-cell');
  return { engine, issues, checked: report.checked };
}

/**
 * Infers (or takes from `layouts` / `specs`) the layout of every table, hands it to the
 * reconciliation engine, and turns the engine's issues into findings located in the grid.
 */
export function checkTables(
  model: DocumentModel,
  layouts: Readonly<Record<string, DocumentTableLayout>>,
  specs: Readonly<Record<string, TableSpec>>,
  rounding: RoundingMode,
  consensus: number,
): TableChecks {
  const tables: CheckedTable[] = [];
  const findings: CheckFinding[] = [];
  const unchecked: UncheckedItem[] = [];
  const understood: UnderstoodTable[] = [];
  // a table broken over a page into several Word tables is checked as the one table it is
  for (const joined of joinContinuedTables(model.blocks)) {
    const printedBlock = joined.table;
    // figures in the English format are read in Vietnamese; indicators by period are read transposed
    const shaped = shapeTable(printedBlock);
    const block = shaped.table;
    const where: FindingLocation = { block: block.index + 1, ...block.position };
    const n = String(block.index + 1);
    const caption = captionOf(model, block);
    const declared = layouts[n];
    const userSpec = specs[n];
    const u = understandTable(block, { caption, rounding, consensus });
    const layout = declared ?? u.layout;
    const evidence: readonly RelationEvidence[] = declared === undefined && userSpec === undefined ? u.evidence : [];
    const layoutFrom: CheckedTable['layoutFrom'] = userSpec !== undefined || declared !== undefined ? 'spec' : 'inferred';
    if (declared === undefined && userSpec === undefined) {
      // an unchecked item is at its column (a transposed table's: at the printed row), or at the table with no cell
      const table = tableOnly(where);
      for (const note of u.notes) unchecked.push({ kind: 'table-row', location: table, text: note, reason: note });
      for (const key of u.uncheckedColumns) unchecked.push({ kind: 'table-column', location: { ...table, ...columnCell(shaped, u.layout.columns.find((c) => c.key === key)?.col), columnKey: key }, text: key, reason: 'no relation with another column or row was found for it' });
    }
    understood.push({ table: block, layout });
    let engine: EngineTable;
    const notes: string[] = [];
    if (userSpec !== undefined) {
      const headerRows = userSpec.header?.start !== undefined && userSpec.header.rows !== undefined ? userSpec.header.start + userSpec.header.rows : u.layout.headerRows;
      const gt = tableFromSpec(gridOf(block, headerRows), userSpec, { ...(caption === '' ? {} : { caption: [caption] }), source: `table ${n}` });
      engine = { printed: gt.table, structural: gt.findings, columnOf: new Map(gt.layout.columns.map((c) => [c.key, c.gridColumn])), via: 'spec', spec: userSpec, grid: gt };
    } else {
      const { hasFigures, checkable } = layoutCoverage(layout);
      if (!checkable) {
        if (hasFigures) unchecked.push({ kind: 'table', location: tableOnly(where), text: firstText(block), reason: 'no total row, rate base or relation between columns could be inferred' });
        tables.push({ location: where, layout, spec: null, evidence, layoutFrom, checks: 0, findings: 0 });
        continue;
      }
      engine = engineTable(block, layout, caption, notes);
    }
    const report = reconcileTable(engine.printed, { attribute: true });
    const issues = [...engine.structural, ...report.issues];
    // the columns comparing the periods of a transposed table, checked in the table as printed
    const compared = shaped.comparisons.length === 0 ? null : comparisonReading(printedBlock, shaped.comparisons, { caption, rounding, consensus });
    const asPrintedShape: ShapedTable = { ...shaped, table: printedBlock, transposed: false, origins: null };
    const readings = [
      { shape: shaped, on: engine, found: [...issues, ...fractionalCounts(block, layout)] },
      ...(compared === null ? [] : [{ shape: asPrintedShape, on: compared.engine, found: compared.issues }]),
    ];
    for (const { shape: shaped, on: engine, found } of readings) for (const i of found) {
      const gridRow = Number(i.rowKey);
      const gridCol = engine.columnOf.get(i.column);
      // a count or rate read from a cell printing both (“125 (4,50%)”) is found at that cell, saying which figure
      const origin = gridCol === undefined ? undefined : shaped.origins?.[gridCol];
      const shapedCol = origin?.col ?? gridCol;
      // a transposed table's findings go back to the printed cell: its row is the printed column
      const [row, col] = shaped.transposed && shapedCol !== undefined && Number.isInteger(gridRow) && gridRow > 0 ? [shapedCol + 1 + shaped.skippedRows, gridRow - 1 + shaped.skippedColumns] : [gridRow, shapedCol];
      // the cell's text as the document prints it (“10.98”, not the Vietnamese reading “10,98”)
      const asPrinted = shaped.table === printedBlock || col === undefined || !Number.isInteger(row) ? i.printed : (printedBlock.rows[row - 1]?.[col]?.text.trim() ?? i.printed);
      const part = origin?.part;
      // a finding in a continuation goes back to the printed table and row it is in
      const piece = Number.isInteger(row) && row > 0 ? pieceOf(joined, row) : { block: printedBlock, row };
      const at: FindingLocation = piece.block === printedBlock ? where : { block: piece.block.index + 1, ...piece.block.position };
      findings.push({
        severity: i.severity,
        code: i.code,
        location: { ...at, ...(Number.isInteger(piece.row) && piece.row > 0 ? { row: piece.row } : {}), ...(col === undefined ? {} : { column: col + 1 }), ...(shaped.transposed ? { rowLabel: i.column, columnKey: i.row } : { rowLabel: i.row, columnKey: i.column }) },
        text: asPrinted,
        printed: part === undefined ? asPrinted : i.printed,
        expected: i.expected,
        difference: i.difference,
        relation: i.relationText === '' ? null : i.relationText,
        message: part === undefined ? i.message : `${i.message} (${partOfCell(part, i.printed, asPrinted)})`,
      });
    }
    if (joined.pieces.length > 1) notes.push(`broken over a page: continued in ${joined.pieces.slice(1).map((p) => `block ${p.block.index + 1}${p.skipped > 0 ? ` (its ${p.skipped} header row${p.skipped > 1 ? 's' : ''} typed again left out)` : ''}`).join(', ')}, checked as one table`);
    if (shaped.transposed) notes.push('indicators by period: read transposed, each indicator a column and each period a row (findings point at the printed cells)');
    if (shaped.comparisons.length > 0 && compared === null) notes.push(comparisonsNote(shaped.comparisons));
    if (shaped.english) notes.push('figures printed in the English format (412204.00): read with “.” as the decimal point');
    tables.push({ location: where, layout, spec: engine.spec, evidence, layoutFrom, checks: report.checked + (compared?.checked ?? 0), findings: issues.length + (compared?.issues.length ?? 0), ...(notes.length === 0 ? {} : { notes }) });
  }
  return { tables, findings, unchecked, understood };
}
/**
 * A count of households or persons is whole: a cell of a count column printed with a fraction
 * (“10.98” among the exits of Bắc Giang's series, a rate typed into the wrong row) is an error,
 * whatever relation the column is in.
 */
function fractionalCounts(table: DocumentTable, layout: DocumentTableLayout): ReconcileIssue[] {
  const out: ReconcileIssue[] = [];
  for (const c of layout.columns) {
    if (c.kind !== 'count') continue;
    for (const r of layout.rows) {
      if (r.role === 'heading') continue;
      const text = table.rows[r.row]?.[c.col]?.text.trim() ?? '';
      const n = cellNumber(text);
      if (n === null || n.decimals === 0 || n.units % 10 ** n.decimals === 0) continue;
      out.push({
        code: 'non-integer-count', severity: 'error', row: r.label, rowKey: rowKeyOf(r.row), column: c.key, relation: null, relationText: '',
        printed: text, expected: 'a whole number', expectedExact: null, difference: null, shortcut: null, cells: [{ row: rowKeyOf(r.row), column: c.key }], grid: null,
        message: `${r.label} · ${c.key}: printed ${text}, but the column counts (households, persons) and a count is a whole number (a figure typed into the wrong row?)`,
      });
    }
  }
  return out;
}

/** A table's location with no cell in it: the block (and sheet), not the row and column the table starts at. */
function tableOnly(where: FindingLocation): FindingLocation {
  const { row: _row, column: _column, ...rest } = where;
  return rest;
}

/** Where a column of the table read is printed: its column (1-based), or for a transposed table its printed row; nothing when unknown. */
function columnCell(shaped: ShapedTable, col: number | undefined): { readonly row?: number; readonly column?: number } {
  if (col === undefined) return {};
  const printed = shaped.origins?.[col]?.col ?? col;
  return shaped.transposed ? { row: printed + 1 + shaped.skippedRows } : { column: printed + 1 };
}

function firstText(t: DocumentTable): string {
  return t.rows.flat().map((c) => c.text).filter((x) => x !== '').slice(0, 4).join(' | ');
}
