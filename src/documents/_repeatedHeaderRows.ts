import type { DocumentTable } from './documentModel.js';

/** A row's cell texts, trimmed, as one key; null for a row of fewer than two non-empty cells (too little to be a header). */
function rowKey(table: DocumentTable, r: number): string | null {
  const texts = (table.rows[r] ?? []).map((c) => c.text.trim());
  return texts.filter((t) => t !== '').length < 2 ? null : texts.join('\u0001');
}

/**
 * The rows under a table's header that print one of its header rows again, cell for cell: a
 * table broken over a page by hand often types its header, and its row of column numbers
 * (“(1) | (2) | (3)”), again inside the one table. They are no rows of figures (a column number
 * `(3)` read as a figure is −3). A row of fewer than two non-empty cells is never one.
 * @param table - the table.
 * @param headerRows - how many rows the header takes at the top.
 * @param rows - the rows under the header, in order.
 * @returns those of `rows` that repeat a header row, in order.
 * @example
 * repeatedHeaderRows(table, 2, [2, 3, 4, 5, 6]) //=> [4, 5]
 */
export function repeatedHeaderRows(table: DocumentTable, headerRows: number, rows: readonly number[]): number[] {
  const header = new Set<string>();
  for (let r = 0; r < headerRows; r++) {
    const key = rowKey(table, r);
    if (key !== null) header.add(key);
  }
  if (header.size === 0) return [];
  return rows.filter((r) => r >= headerRows && header.has(rowKey(table, r) ?? ''));
}
