import type { DocumentCell, DocumentTable } from './documentModel.js';
import { isNoFigureText } from '../numbers/tableFigureText.js';

/** Which printed column a column of the read table comes from, and which figure of a two-figure cell it holds. */
export interface ColumnOrigin {
  /** 0-based column of the printed table. */
  readonly col: number;
  /** For a column split from cells printing a count and its rate: which of the two it holds. */
  readonly part?: 'count' | 'rate';
}

/** The two figures of one printed cell: a count of households or persons and its rate. */
export interface CountRateCell {
  readonly count: string;
  readonly rate: string;
}

const COUNT = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)`;
const RATE = String.raw`(\d+(?:,\d+)?)\s*%`;
const UNIT = String.raw`(?:\s*(?:hộ|người|nhân khẩu|khẩu|lượt người|lượt))?`;
/** “125 (4,50%)”, “125 hộ (chiếm 4,50%)”. */
const COUNT_THEN_RATE = new RegExp(String.raw`^${COUNT}${UNIT}\s*\(\s*(?:chiếm\s+)?${RATE}\s*\)$`, 'u');
/** “4,50% (125 hộ)”. */
const RATE_THEN_COUNT = new RegExp(String.raw`^${RATE}\s*\(\s*${COUNT}${UNIT}\s*\)$`, 'u');
/** “125 hộ - 4,5%”, “125 4,50%” (two paragraphs of a Word cell, joined by a space), “125; 4,5%”. */
const COUNT_RATE = new RegExp(String.raw`^${COUNT}${UNIT}\s*(?:[-–—;/]\s*|\s)\s*(?:chiếm\s+)?${RATE}$`, 'u');

/**
 * The count and the rate of a cell printing both (“125 (4,50%)”, “4,50% (125 hộ)”, “125 hộ - 4,5%”,
 * “125” and “4,50%” as two paragraphs of a Word cell), or null for any other cell.
 */
export function countRateCell(text: string): CountRateCell | null {
  const t = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const a = COUNT_THEN_RATE.exec(t) ?? COUNT_RATE.exec(t);
  if (a !== null) return { count: a[1]!, rate: `${a[2]!}%` };
  const b = RATE_THEN_COUNT.exec(t);
  return b === null ? null : { count: b[2]!, rate: `${b[1]!}%` };
}

/** Whether the cell at (r, c) is covered by a merge from another cell of the same row. */
const coveredFromLeft = (cell: DocumentCell | undefined, r: number, c: number): boolean =>
  cell?.mergedInto !== undefined && cell.mergedInto.row === r && cell.mergedInto.col !== c;

/**
 * A table whose columns print a count and its rate in each cell, read as two columns: the count's
 * (the header as printed) and the rate's (“Tỷ lệ … (%)” after it), each cell's two figures set
 * apart; with where each read column comes from. A column is split when two or more of its cells
 * print both figures and every figure cell below the first does (the rest printing nothing, `-`).
 * Null when no column is.
 */
export function splitCountRateColumns(table: DocumentTable): { readonly table: DocumentTable; readonly origins: readonly ColumnOrigin[] } | null {
  const split: number[] = [];
  const firstRow = new Map<number, number>();
  for (let c = 0; c < table.columns; c++) {
    let first = -1;
    let both = 0;
    let other = 0;
    table.rows.forEach((row, r) => {
      const cell = row[c];
      if (cell === undefined || coveredFromLeft(cell, r, c) || (cell.mergedInto !== undefined && cell.mergedInto.row !== r)) return;
      const t = cell.text.trim();
      if (countRateCell(t) !== null) {
        both++;
        if (first < 0) first = r;
      } else if (first >= 0 && t !== '' && !isNoFigureText(t)) other++;
    });
    if (both >= 2 && other === 0) {
      split.push(c);
      firstRow.set(c, first);
    }
  }
  if (split.length === 0) return null;
  let rows: DocumentCell[][] = table.rows.map((r) => [...r]);
  const origins: ColumnOrigin[] = [];
  for (let c = 0; c < table.columns; c++) origins.push(split.includes(c) ? { col: c, part: 'count' } : { col: c });
  // from the right, so the columns left of each split keep their places
  for (const c of [...split].reverse()) {
    const at = origins.findIndex((o) => o.col === c);
    origins.splice(at + 1, 0, { col: c, part: 'rate' });
    rows = rows.map((row, r) => withRateColumn(row, r, at, r < firstRow.get(c)!, lastHeaderRow(rows, at, firstRow.get(c)!)));
  }
  return { table: { ...table, rows, columns: table.columns + split.length }, origins };
}

/** The lowest header row above `first` whose cell in column `c` is its own (no merge across columns). */
function lastHeaderRow(rows: readonly (readonly DocumentCell[])[], c: number, first: number): number {
  for (let r = first - 1; r >= 0; r--) {
    const cell = rows[r]![c];
    if (cell !== undefined && cell.colSpan === 1 && !coveredFromLeft(cell, r, c) && (cell.mergedInto === undefined || cell.mergedInto.row === r)) return r;
  }
  return -1;
}

/** Row `r` with a cell for the rate inserted after column `c`; merges beyond it shifted. */
function withRateColumn(row: readonly DocumentCell[], r: number, c: number, header: boolean, rateHeaderRow: number): DocumentCell[] {
  const shift = (cell: DocumentCell): DocumentCell => (cell.mergedInto !== undefined && cell.mergedInto.col > c ? { ...cell, mergedInto: { row: cell.mergedInto.row, col: cell.mergedInto.col + 1 } } : cell);
  const out = row.map(shift);
  const cell = out[c];
  if (cell === undefined) return out;
  let added: DocumentCell;
  const origin = cell.mergedInto ?? { row: r, col: c };
  const across = cell.colSpan > 1 || origin.col !== c;
  if (across) {
    // a merge across this column (a group's name, a header over several columns) takes the new column in
    added = { text: cell.text, rowSpan: 1, colSpan: 1, mergedInto: origin };
    if (origin.row === r) out[origin.col] = { ...out[origin.col]!, colSpan: out[origin.col]!.colSpan + 1 };
  } else if (header) {
    const named = r === rateHeaderRow || (cell.mergedInto !== undefined && cell.mergedInto.row === rateHeaderRow);
    const text = named ? rateHeader(countHeader(cell.text)) : cell.text;
    if (named) out[c] = { ...cell, text: countHeader(cell.text) };
    added = { text, rowSpan: cell.rowSpan, colSpan: 1, ...(cell.mergedInto === undefined ? {} : { mergedInto: { row: cell.mergedInto.row, col: c + 1 } }) };
  } else {
    const pair = countRateCell(cell.text);
    if (pair !== null) {
      out[c] = { ...cell, text: pair.count };
      added = { text: pair.rate, rowSpan: 1, colSpan: 1 };
    } else added = { text: isNoFigureText(cell.text) ? cell.text.trim() : '', rowSpan: 1, colSpan: 1 };
  }
  out.splice(c + 1, 0, added);
  return out;
}

/** Words of a header naming the rate beside the count: “(số hộ, tỷ lệ)”, “(hộ, %)”, “- Tỷ lệ (%)”, “/tỷ lệ”. */
const BOTH_NAMED = /\s*\([^()]*(?:t[ỷỉ] lệ|%)[^()]*\)|\s*(?:[-–/;,]|\svà)\s*(?:t[ỷỉ] lệ|%).*$/giu;

/** “Hộ nghèo (số hộ, tỷ lệ)” → “Hộ nghèo”: the header of the count, what names the rate beside it left out. */
function countHeader(header: string): string {
  const t = header.normalize('NFC').replace(BOTH_NAMED, '').trim();
  return t === '' ? header : t;
}

/** “Hộ nghèo” → “Tỷ lệ hộ nghèo (%)”: the header of the rate a count's cells print beside it. */
function rateHeader(header: string): string {
  const t = header.trim();
  if (t === '') return 'Tỷ lệ (%)';
  return `Tỷ lệ ${t.charAt(0).toLocaleLowerCase('vi') + t.slice(1)} (%)`;
}

/** Where a finding's figure sits in a cell printing two: “the rate 4,90% of the cell “88 (4,90%)” (its count 88 agrees)”. */
export function partOfCell(part: 'count' | 'rate', figure: string, cellText: string): string {
  const pair = countRateCell(cellText);
  const other = pair === null ? '' : part === 'count' ? `, beside its rate ${pair.rate}` : `, beside its count ${pair.count}`;
  return `the ${part} ${figure} of the cell “${cellText}”${other}`;
}
