import { cellNumber } from './_cellNumber.js';
import type { DocumentCell } from './documentModel.js';

/** What {@link sheetProse} finds on a sheet written as text: its rows of text, and the tables printed among them. */
export interface SheetProse {
  /** Each row of text, in order: the 0-based grid row and column of its cell, and its text. */
  readonly paragraphs: ReadonlyArray<{ readonly row: number; readonly col: number; readonly text: string }>;
  /** Each run of rows of several cells (two rows or more) among the text: a table, its first and last grid rows (0-based, inclusive). */
  readonly tables: ReadonlyArray<{ readonly top: number; readonly bottom: number }>;
}

/** A row of text long enough to be a sentence of a plan (“Năm 2026, toàn xã có …”), not a title or a label. */
const LONG_TEXT = 60;

/** The one text of a row when it prints only one (a cell merged across the sheet repeats it), else null. */
function rowText(row: readonly DocumentCell[]): { col: number; text: string } | null {
  let found: { col: number; text: string } | null = null;
  for (const [col, cell] of row.entries()) {
    if (cell.text === '' || cell.mergedInto !== undefined) continue;
    if (found !== null) return null;
    found = { col, text: cell.text };
  }
  return found !== null && cellNumber(found.text) === null ? found : null;
}

/**
 * Whether a sheet is written as text — an explanatory sheet (“Thuyết minh”, “Ghi chú”, “Báo cáo”)
 * whose rows each hold one text, often merged across the columns — and if so its paragraphs and the
 * tables among them. Decided from the sheet's shape, never its name: at least two rows of one long
 * text ({@link LONG_TEXT} characters: sentences, not titles), and two thirds of its rows of one text.
 * A short row of one text between rows of several cells (a group row “Khu vực nông thôn” merged
 * across a table) stays in the table; a lone row of several cells among the text (“Tổng số hộ | 1.842”)
 * is a paragraph of its cells joined by spaces. A sheet of tables — even with a title and a note
 * merged across — is null: read as a table.
 *
 * @param grid - the sheet's cells, merges resolved (each covered cell `mergedInto` its top-left one).
 * @returns the paragraphs and tables, or null for a sheet that is not text.
 * @example
 * const cell = (text: string) => ({ text, rowSpan: 1, colSpan: 1 });
 * sheetProse([[cell('Năm 2026, toàn xã có 1.842 hộ dân cư, trong đó có 97 hộ nghèo, chiếm 5,27%.')], [cell('Trong năm có 25 hộ thoát nghèo và 3 hộ nghèo phát sinh mới; cuối năm còn 75 hộ nghèo.')]])?.paragraphs.length
 * //=> 2
 */
export function sheetProse(grid: ReadonlyArray<readonly DocumentCell[]>): SheetProse | null {
  const rows = grid.map((row, r) => ({ r, filled: row.some((c) => c.text !== '' && c.mergedInto === undefined), text: rowText(row) })).filter((x) => x.filled);
  const texts = rows.filter((x) => x.text !== null);
  if (texts.filter((x) => x.text!.text.length >= LONG_TEXT).length < 2 || texts.length * 3 < rows.length * 2) return null;
  // a short text between rows of several cells belongs to their table
  const inTable = rows.map((x, i) => x.text === null || (x.text.text.length < LONG_TEXT && rows[i - 1]?.text === null && rows[i + 1]?.text === null));
  const paragraphs: Array<{ row: number; col: number; text: string }> = [];
  const tables: Array<{ top: number; bottom: number }> = [];
  for (let i = 0; i < rows.length; ) {
    if (!inTable[i]) {
      paragraphs.push({ row: rows[i]!.r, col: rows[i]!.text!.col, text: rows[i]!.text!.text });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < rows.length && inTable[j + 1] && rows[j + 1]!.r === rows[j]!.r + 1) j++;
    if (j > i) tables.push({ top: rows[i]!.r, bottom: rows[j]!.r });
    else {
      const row = grid[rows[i]!.r]!;
      const col = row.findIndex((c) => c.text !== '' && c.mergedInto === undefined);
      paragraphs.push({ row: rows[i]!.r, col, text: row.filter((c) => c.text !== '' && c.mergedInto === undefined).map((c) => c.text).join(' ') });
    }
    i = j + 1;
  }
  return { paragraphs, tables };
}
