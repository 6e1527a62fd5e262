import type { DocumentCell } from '../documents/documentModel.js';

/** A text cell's style as a sheet reader gives it (see `SheetGrid.looks`). */
export interface CellLookInput {
  readonly row: number;
  readonly column: number;
  readonly indent: number;
  readonly bold: boolean;
}

/** Spaces, tabs and no-break spaces before a cell's words. */
const LEADING = /^[ \t\u00a0\u2007\u202f\u3000]+/u;

/**
 * What sets a cell's text off, as a document cell keeps it: its indent (leading spaces, a tab as
 * 4, plus 3 for each of its style's indent levels) and a bold font; empty for a cell without words.
 */
export function cellLook(text: string | null, look: CellLookInput | undefined): Pick<DocumentCell, 'indent' | 'bold'> {
  if (text === null || text.trim() === '') return {};
  const lead = LEADING.exec(text)?.[0] ?? '';
  const indent = [...lead].reduce((n, ch) => n + (ch === '\t' ? 4 : 1), 0) + 3 * (look?.indent ?? 0);
  return { ...(indent > 0 ? { indent } : {}), ...(look?.bold === true ? { bold: true as const } : {}) };
}

/** The looks of a sheet by `row,column`, for {@link cellLook}. */
export function looksByCell(looks: readonly CellLookInput[] | undefined): (row: number, column: number) => CellLookInput | undefined {
  if (looks === undefined || looks.length === 0) return () => undefined;
  const map = new Map(looks.map((l) => [`${l.row},${l.column}`, l]));
  return (row, column) => map.get(`${row},${column}`);
}
