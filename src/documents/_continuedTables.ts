import { rowNumber } from './_cellNumber.js';
import type { DocumentBlock, DocumentCell, DocumentTable } from './documentModel.js';
import { tableHeader } from './_tableHeader.js';
import { foldVietnamese } from '../text/foldVietnamese.js';

/** A printed table's share of a joined one: its joined rows start at `from`; its first `skipped` rows (a header typed again) were left out. */
export interface TablePiece {
  readonly block: DocumentTable;
  readonly from: number;
  readonly skipped: number;
}

/** A table as the document means it: one printed table, or one broken over a page into several. */
export interface JoinedTable {
  readonly table: DocumentTable;
  readonly pieces: readonly TablePiece[];
}

/** A line between two pieces of one table (folded): “Biểu 2 (tiếp theo)”, “Phụ lục 1 (tiếp)”, “(Tiếp theo trang trước)”. */
const CONTINUED = /(?:^|[\s(])tiep( theo)?( trang truoc)?\s*\)?\s*[.:]?$/;

const rowText = (t: DocumentTable, r: number): string => t.rows[r]!.map((c) => c.text.trim()).join('\u0001');

/** The number printed in a row's first two cells (1, 2, 3…), or null. */
function lastNumber(t: DocumentTable): number | null {
  for (let r = t.rows.length - 1; r >= 0; r--) {
    const n = firstNumber(t, r);
    if (n !== null) return n;
    if (t.rows[r]!.some((c) => c.text.trim() !== '')) return null;
  }
  return null;
}

function firstNumber(t: DocumentTable, from: number): number | null {
  const row = t.rows[from];
  if (row === undefined) return null;
  for (const c of row.slice(0, 2)) {
    const n = rowNumber(c.text);
    if (n?.kind === 'arabic') return n.value;
  }
  return null;
}

/**
 * How many leading rows of `next` repeat the header of `first` (0 when none): a table broken over a
 * page by hand often types its header rows (and its row of column numbers) again.
 */
function repeatedHeader(first: DocumentTable, next: DocumentTable): number {
  const h = tableHeader(first);
  const start = h.captionRows.length;
  let k = 0;
  while (start + k < h.headerRows && k < next.rows.length && rowText(first, start + k) === rowText(next, k)) k++;
  return k === h.headerRows - start ? k : 0;
}

/**
 * Joins each table with the tables that continue it: the next block is a table of the same width
 * whose rows, after the header typed again (or with no header at all), carry on the numbering of
 * the last numbered row (… 4 | 5 …). A table whose numbering starts again is a table of its own.
 */
export function joinContinuedTables(blocks: readonly DocumentBlock[]): JoinedTable[] {
  const out: JoinedTable[] = [];
  let current: { rows: DocumentCell[][]; pieces: TablePiece[]; first: DocumentTable; last: DocumentTable } | null = null;
  const flush = (): void => {
    if (current === null) return;
    const { first, rows, pieces } = current;
    out.push({ table: pieces.length === 1 ? first : { ...first, rows }, pieces });
    current = null;
  };
  // the block the next piece must be: right after the last piece, or after a line that says the table goes on
  let next = -1;
  for (const b of blocks) {
    if (b.kind !== 'table') {
      if (current !== null && b.index === next && CONTINUED.test(foldVietnamese(b.text)) && b.text.length <= 120) next = b.index + 1;
      else flush();
      continue;
    }
    if (current !== null && next === b.index && b.columns === current.first.columns) {
      const skipped = repeatedHeader(current.first, b);
      const bare = skipped === 0 && tableHeader(b).headerRows === 0;
      const before = lastNumber(current.last);
      const after = firstNumber(b, skipped);
      if ((skipped > 0 || bare) && before !== null && after === before + 1) {
        const from = current.rows.length;
        const shift = from - skipped;
        for (const row of b.rows.slice(skipped)) {
          current.rows.push(row.map((c) => (c.mergedInto === undefined ? c : { ...c, mergedInto: { row: c.mergedInto.row + shift, col: c.mergedInto.col } })));
        }
        current.pieces.push({ block: b, from, skipped });
        current.last = b;
        next = b.index + 1;
        continue;
      }
    }
    flush();
    current = { rows: b.rows.map((r) => [...r]), pieces: [{ block: b, from: 0, skipped: 0 }], first: b, last: b };
    next = b.index + 1;
  }
  flush();
  return out;
}

/** The printed table and its 1-based row that a 1-based row of a joined table is. */
export function pieceOf(joined: JoinedTable, row: number): { readonly block: DocumentTable; readonly row: number } {
  for (let i = joined.pieces.length - 1; i >= 0; i--) {
    const p = joined.pieces[i]!;
    if (row - 1 >= p.from) return { block: p.block, row: row - p.from + p.skipped };
  }
  return { block: joined.table, row };
}
