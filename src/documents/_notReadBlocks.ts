import type { CheckFinding } from './checkReport.js';
import type { DocumentBlock, DocumentModel } from './documentModel.js';

/**
 * The blocks of a document whose words a reader could not read (`notRead`: typed in an old font
 * encoding) taken out of what is checked — each left as an empty paragraph at its index, so the
 * other blocks keep their places — and one error finding for each, at the block (a table at its
 * first cell), saying why and what to do: the rest of the plan is checked, and the block is never
 * passed over in silence. @internal
 */
export function withoutNotReadBlocks(model: DocumentModel): { readonly model: DocumentModel; readonly findings: readonly CheckFinding[] } {
  if (!model.blocks.some((b) => b.notRead !== undefined)) return { model, findings: [] };
  const findings: CheckFinding[] = [];
  const blocks = model.blocks.map((b): DocumentBlock => {
    if (b.notRead === undefined) return b;
    const text = b.kind === 'table' ? b.rows.map((r) => r.filter((c) => c.mergedInto === undefined).map((c) => c.text).join(' ')).join(' ') : b.text;
    findings.push({
      severity: 'error',
      code: b.notRead.code,
      location: { block: b.index + 1, ...b.position, ...(b.kind === 'table' ? { row: 1, column: 1 } : {}) },
      text: text.length > 120 ? `${text.slice(0, 119)}…` : text,
      printed: null,
      expected: null,
      difference: null,
      relation: null,
      message: `not checked: ${b.notRead.reason}`,
    });
    return { kind: 'paragraph', index: b.index, text: '', position: b.position };
  });
  return { model: { ...model, blocks }, findings };
}
