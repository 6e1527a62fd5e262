import { cellNumber } from './_cellNumber.js';
import { NOTE_ROW } from './_tableRows.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import { isNoFigureText } from '../numbers/tableFigureText.js';

/** One of several tables printed one under another on a sheet: its rows (0-based, inclusive) and its title. */
export interface StackedTable {
  /** First row of the table (its title, if any, else its header). */
  readonly top: number;
  /** Last row of the table, before the blank rows that end it. */
  readonly bottom: number;
  /** The title printed above its header (“Biểu 2. Kinh phí thực hiện”), or null. */
  readonly title: string | null;
}

type GridRow = ReadonlyArray<string | null | undefined>;

const filledCells = (row: GridRow | undefined): string[] => (row ?? []).map((c) => (c ?? '').trim()).filter((c) => c !== '');
const isFigure = (text: string): boolean => cellNumber(text) !== null || isNoFigureText(text);
/** A header row: two or more cells, none a figure, none a signature's or a note's words (“Người lập biểu | KT. CHỦ TỊCH”). */
const isHeaderRow = (row: GridRow | undefined): boolean => {
  const cells = filledCells(row);
  return cells.length >= 2 && cells.every((c) => !isFigure(c) && !NOTE_ROW.test(foldVietnamese(c)));
};
const hasFigure = (row: GridRow | undefined): boolean => filledCells(row).some(isFigure);

/**
 * Splits a sheet's rows into the tables printed one under another (“Biểu 1 …”, blank rows,
 * “Biểu 2 …”): a new table starts after one or more blank rows when what follows has a header
 * of its own (a row of two or more words and no figure, not a signature block's, under at most two title rows) and
 * figures under it, and the table above already had figures. Anything else after blank rows (a
 * group of the same table, notes, signatures) stays with the table above. One table gives one range.
 * @example
 * stackedTables([['Xã', 'Số hộ'], ['A', '1'], [], ['Biểu 2'], ['Xã', 'Kinh phí'], ['A', '5']]).map((t) => [t.top, t.bottom, t.title])
 * //=> [[0, 1, null], [3, 5, 'Biểu 2']]
 */
export function stackedTables(grid: ReadonlyArray<GridRow>): ReadonlyArray<StackedTable> {
  const tables: StackedTable[] = [];
  let top = 0;
  const first = grid.findIndex((row) => filledCells(row).length > 0);
  let title: string | null = first >= 0 && filledCells(grid[first]).length === 1 && isHeaderRow(grid[first + 1]) ? filledCells(grid[first])[0]! : null;
  let figures = false;
  let lastFilled = -1;
  for (let r = 0; r < grid.length; r++) {
    const cells = filledCells(grid[r]);
    if (cells.length === 0) continue;
    const afterBlank = lastFilled >= 0 && r > lastFilled + 1;
    if (afterBlank && figures) {
      // a header within the next three rows (at most two title rows above it), and a figure under it
      let h = -1;
      for (let k = r; k < Math.min(grid.length, r + 3); k++) {
        if (isHeaderRow(grid[k])) {
          h = k;
          break;
        }
        if (filledCells(grid[k]).length !== 1) break;
      }
      let figureUnder = false;
      if (h >= 0) for (let k = h + 1; k < Math.min(grid.length, h + 6) && !figureUnder; k++) figureUnder = hasFigure(grid[k]);
      if (h >= 0 && figureUnder) {
        tables.push(Object.freeze({ top, bottom: lastFilled, title }));
        top = r;
        title = h > r ? filledCells(grid[r])[0]! : null;
        figures = false;
      }
    }
    if (hasFigure(grid[r])) figures = true;
    lastFilled = r;
  }
  tables.push(Object.freeze({ top, bottom: Math.max(lastFilled, top), title }));
  return Object.freeze(tables);
}
