import type { RoundingMode } from '../numbers/rounding.js';
import { reconcileTable } from '../reconcile/reconcileTable.js';
import type { CheckedTable, CheckFinding, FindingLocation, UncheckedItem } from './checkReport.js';
import type { DocumentModel, DocumentTable } from './documentModel.js';
import { printedTableFromLayout, type DocumentTableLayout } from './tableLayout.js';
import { understandTable, type RelationEvidence } from './understandTable.js';

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

/**
 * Infers (or takes from `specs`) the layout of every table, hands it to the reconciliation
 * engine as a printed table, and turns the engine's issues into findings located in the grid.
 */
export function checkTables(model: DocumentModel, specs: Readonly<Record<string, DocumentTableLayout>>, rounding: RoundingMode, consensus: number): TableChecks {
  const tables: CheckedTable[] = [];
  const findings: CheckFinding[] = [];
  const unchecked: UncheckedItem[] = [];
  const understood: UnderstoodTable[] = [];
  for (const block of model.blocks) {
    if (block.kind !== 'table') continue;
    const where: FindingLocation = { block: block.index + 1, ...block.position };
    const spec = specs[String(block.index + 1)];
    let layout: DocumentTableLayout;
    let evidence: readonly RelationEvidence[];
    if (spec !== undefined) {
      layout = spec;
      evidence = [];
    } else {
      const u = understandTable(block, { caption: captionOf(model, block), rounding, consensus });
      layout = u.layout;
      evidence = u.evidence;
      for (const note of u.notes) unchecked.push({ kind: 'table-row', location: where, text: note, reason: note });
      for (const key of u.uncheckedColumns) unchecked.push({ kind: 'table-column', location: { ...where, columnKey: key }, text: key, reason: 'no relation with another column or row was found for it' });
    }
    understood.push({ table: block, layout });
    const hasFigures = layout.columns.some((c) => c.kind === 'count' || c.kind === 'rate' || c.kind === 'amount');
    const hasChecks = layout.relations.length > 0 || layout.rows.some((r) => r.covers !== undefined);
    if (!hasFigures || !hasChecks || layout.rows.length === 0) {
      if (hasFigures) unchecked.push({ kind: 'table', location: where, text: firstText(block), reason: 'no total row, rate base or relation between columns could be inferred' });
      tables.push({ location: where, layout, evidence, layoutFrom: spec === undefined ? 'inferred' : 'spec', checks: 0, findings: 0 });
      continue;
    }
    const printed = printedTableFromLayout(block, layout);
    const report = reconcileTable(printed);
    const colOf = new Map(layout.columns.map((c) => [c.key, c.col]));
    for (const i of report.issues) {
      const row = Number(i.rowKey);
      const col = colOf.get(i.column);
      findings.push({
        severity: i.severity,
        code: i.code,
        location: { ...where, row, ...(col === undefined ? {} : { column: col + 1 }), rowLabel: i.row, columnKey: i.column },
        text: i.printed,
        printed: i.printed,
        expected: i.expected,
        difference: i.difference,
        relation: i.relationText === '' ? null : i.relationText,
        message: i.message,
      });
    }
    tables.push({ location: where, layout, evidence, layoutFrom: spec === undefined ? 'inferred' : 'spec', checks: report.checked, findings: report.issues.length });
  }
  return { tables, findings, unchecked, understood };
}

function firstText(t: DocumentTable): string {
  return t.rows.flat().map((c) => c.text).filter((x) => x !== '').slice(0, 4).join(' | ');
}
