import type { CheckContext } from './_checkContext.js';
import { cellText } from './_printedCell.js';
import type { TableRelation } from './printedTable.js';
import type { ReconcileIssueCode } from './reconcileIssue.js';

/** The row numbers of a column over some rows. */
export interface NumberingCheck {
  readonly kind: 'numbering';
  readonly column: string;
  readonly rows: readonly string[];
}

/** The numbering check a relation declares. */
export function numberingChecks(rel: TableRelation): NumberingCheck[] {
  return rel.type === 'numbering' ? [{ kind: 'numbering', column: rel.column, rows: rel.rows }] : [];
}

/** Checks that the numbers count 1, 2, 3…: flags skipped, repeated and out-of-order numbers. */
export function checkNumbering(check: NumberingCheck, ctx: CheckContext): void {
  const { ix, label } = ctx;
  const seen = new Map<number, string>();
  let next = 1;
  const relationText = `${check.column} counts 1, 2, 3… down the ${check.rows.length} rows`;
  for (const row of check.rows) {
    const printed = cellText(ix.table.rows[ix.rowIndex.get(row)!]!.cells[check.column]).trim();
    const n = /^\d+$/.test(printed) ? Number(printed) : null;
    const at = { row, column: check.column };
    const push = (code: ReconcileIssueCode, why: string): void => {
      ctx.push({
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
}
