import type { MoneyUnit } from '../numbers/money.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import { cellNumber, rowNumber } from './_cellNumber.js';
import type { DocumentTable } from './documentModel.js';

/** Where a table's header ends and what each column's header says. */
export interface TableHeader {
  /** Grid rows before the data (caption rows included). */
  readonly headerRows: number;
  /** Leading rows that are a title or unit line rather than column headers. */
  readonly captionRows: readonly number[];
  /** A row of column numbers (“A B 1 2 3 …”) right after the header, if any. */
  readonly columnNumberRow: number | null;
  /** Per column: the header texts top to bottom, merges resolved, repeats dropped. */
  readonly paths: readonly (readonly string[])[];
  /** Per column: a short, unique key (`'HN còn lại · Hộ'`). */
  readonly keys: readonly string[];
}

const YEAR = /^(19|20)\d{2}$/;

/** A cell's text unless a merge from the left covers it (a horizontally merged figure is printed once). */
function ownText(table: DocumentTable, r: number, c: number): string {
  const cell = table.rows[r]?.[c];
  if (cell === undefined) return '';
  if (cell.mergedInto !== undefined && (cell.mergedInto.row !== r || cell.mergedInto.col !== c)) return '';
  return cell.text;
}

/** The cells of a row that hold a figure (not a year). */
export function figureCells(table: DocumentTable, r: number, from = 0): number {
  let n = 0;
  for (let c = from; c < table.columns; c++) {
    const t = ownText(table, r, c).trim();
    if (t !== '' && !YEAR.test(t) && cellNumber(t) !== null) n++;
  }
  return n;
}

function nonEmpty(table: DocumentTable, r: number): string[] {
  return table.rows[r]!.map((_, c) => ownText(table, r, c).trim()).filter((t) => t !== '');
}

/** A column number's formula (“3 = 2/1”, “(5)=(3)+(4)”, “1 = 2+3+4+5”, “6=5x100/1”) after its number. */
const COLUMN_FORMULA = /^(\(?\d{1,2}\)?)\s*=\s*[\d()\s+\-*/x×:.,]+$/u;

/** “A B 1 2 3 …”, “3 = 1+2”: every cell a short column number (or one with the formula that gives it), some arabic, mostly filled. */
function isColumnNumberRow(table: DocumentTable, r: number): boolean {
  const cells = table.rows[r]!.map((_, c) => ownText(table, r, c).trim());
  const filled = cells.filter((t) => t !== '');
  if (filled.length < 3 || filled.length < table.columns * 0.6) return false;
  const tokens = filled.map((t) => rowNumber((COLUMN_FORMULA.exec(t)?.[1] ?? t).replace(/^\((.*)\)$/, '$1')));
  if (tokens.some((t) => t === null || t.kind === 'nested')) return false;
  const arabic = tokens.filter((t) => t!.kind === 'arabic').map((t) => (t as { value: number }).value);
  if (arabic.length < 2 || arabic.some((v) => v > table.columns + 5)) return false;
  let up = 0;
  for (let i = 1; i < arabic.length; i++) if (arabic[i]! >= arabic[i - 1]!) up++;
  return up >= (arabic.length - 1) * 0.8;
}

/** A title or unit line: one text across a wide table, or “ĐVT: …”. */
function isCaptionRow(table: DocumentTable, r: number): boolean {
  const texts = rowTexts(table, r);
  if (texts.length === 0) return false;
  if (texts.every((t) => /^(dvt|don vi tinh|don vi)\b/.test(foldVietnamese(t)))) return true;
  return texts.length === 1 && table.columns >= 3 && figureCells(table, r) === 0;
}

/** The header of a row-number column (folded): “STT”, “TT”, “Số TT”, “Số thứ tự”. */
export const NUMBER_HEADER = /^(stt|tt|so tt|so thu tu|thu tu)$/;

/** The distinct texts of a row, each merged text once (a title merged across six columns is one text). */
function rowTexts(table: DocumentTable, r: number): string[] {
  return [...new Set(nonEmpty(table, r).concat(table.rows[r]!.filter((c) => c.mergedInto !== undefined).map((c) => c.text.trim())).filter((t) => t !== ''))];
}

/**
 * The heading of an official form (folded): the issuing body (“UBND HUYỆN …”, “BAN CHỈ ĐẠO …”, “SỞ …”),
 * the national name and motto, a document number or a dated place line.
 */
const FORM_HEADING =
  /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|ubnd|uy ban nhan dan|ban chi dao|bcd|so:|(bieu|bieu mau|phu luc|mau)( so)? *\d)|\bngay\s+\S+\s+thang\s+\S+\s+nam\b/;

/**
 * A row of a form's title block over the header: at most two texts and no figure, one of them an
 * official heading (“UBND HUYỆN MƯỜNG LA” | “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”).
 */
function isTitleBlockRow(table: DocumentTable, r: number): boolean {
  const texts = rowTexts(table, r);
  return texts.length >= 1 && texts.length <= 2 && figureCells(table, r) === 0 && texts.some((t) => FORM_HEADING.test(foldVietnamese(t)));
}

/** The column in which a row prints a row-number header (“STT”, “TT”) in a cell of its own, or -1. */
function numberHeaderColumn(table: DocumentTable, r: number): number {
  return table.rows[r]!.findIndex((_, c) => NUMBER_HEADER.test(foldVietnamese(ownText(table, r, c).trim())));
}

/**
 * Where the header starts: after the leading caption rows (a title, a unit line, a form's title
 * block, blank rows). The row that prints “STT”/“TT” is a header row, and the rows above it are
 * captions too when each is text spanning the columns (at most two texts, no figure, one of them
 * over the STT column, as the issuing body is), not a row of group labels over the figures.
 */
function captionRowsOf(table: DocumentTable): number[] {
  const blank = (r: number): boolean => table.rows[r]!.every((cell) => cell.text.trim() === '');
  const captions: number[] = [];
  let r = 0;
  // blank rows above the header (a sheet's top margin, a table cut from a longer sheet) are passed over as its caption
  while (r < table.rows.length - 1 && (isCaptionRow(table, r) || isTitleBlockRow(table, r) || blank(r))) captions.push(r++);
  for (let s = r; s < table.rows.length - 1 && figureCells(table, s) === 0 && !isColumnNumberRow(table, s); s++) {
    const stt = numberHeaderColumn(table, s);
    if (stt < 0) continue;
    const spanning = (k: number): boolean => rowTexts(table, k).length <= 2 && table.rows[k]![stt]!.text.trim() !== '';
    const above = Array.from({ length: s - r }, (_, k) => r + k);
    if (above.every((k) => blank(k) || spanning(k))) captions.push(...above);
    break;
  }
  return captions;
}

const GENERIC = new Set(['ho', 'so ho', 'ty le (%)', 'ty le', 'ty le %', 'ti le (%)', 'ti le', 'ti le %', '%', '(%)', 'so luong', 'so tien', 'kinh phi', 'nguoi', 'so nguoi', 'luot', 'luot nguoi', 'gia tri', 'tong', 'tong so', 'so']);

/**
 * Finds the header rows of a table and the header path of each column. Text tables leave merged
 * header cells empty: an empty header cell continues the cell to its left when both sit under
 * the same cell of the row above (a horizontal merge), else the cell above (a vertical merge).
 */
export function tableHeader(table: DocumentTable): TableHeader {
  const captionRows = captionRowsOf(table);
  const headStart = captionRows.length;
  let end = headStart;
  let columnNumberRow: number | null = null;
  for (; end < table.rows.length; end++) {
    if (isColumnNumberRow(table, end) && end > headStart) {
      columnNumberRow = end;
      break;
    }
    const first = nonEmpty(table, end)[0];
    if (figureCells(table, end) > 0) break;
    if (end > headStart && first !== undefined && rowNumber(ownText(table, end, 0)) !== null && nonEmpty(table, end).length <= 3) break;
  }
  const headerEnd = end;
  // fill the header grid
  const fill: string[][] = [];
  for (let h = headStart; h < headerEnd; h++) {
    const row: string[] = [];
    const extended: boolean[] = [];
    const above = h > headStart ? fill[h - headStart - 1]! : null;
    for (let c = 0; c < table.columns; c++) {
      const own = table.rows[h]![c]!.text.trim();
      let v = own;
      let ext = false;
      if (v === '') {
        // continue the cell to the left when it was printed in this row (or continues one that was)
        // and both sit under the same header cell above: a horizontal merge
        const leftPrinted = c > 0 && (extended[c - 1] === true || table.rows[h]![c - 1]!.text.trim() !== '');
        const sameParent = above === null || (c > 0 && above[c] !== '' && above[c] === above[c - 1]);
        if (leftPrinted && sameParent) {
          v = row[c - 1]!;
          ext = true;
        } else if (above !== null) {
          v = above[c]!; // a vertical merge
        }
      }
      row.push(v);
      extended.push(ext);
    }
    if (above !== null) joinContinuations(table, h, row, above);
    fill.push(row);
  }
  const paths = Array.from({ length: table.columns }, (_, c) => {
    const path: string[] = [];
    for (const row of fill) {
      const t = row[c]!;
      if (t !== '' && path[path.length - 1] !== t) path.push(t);
    }
    return path;
  });
  return { headerRows: columnNumberRow === null ? headerEnd : columnNumberRow + 1, captionRows, columnNumberRow, paths, keys: uniqueKeys(paths) };
}

/** A cell's own text, trimmed: printed in it, not repeated from a merge that covers it. */
const printedHere = (table: DocumentTable, r: number, c: number): string => ownText(table, r, c).trim();

/** Starts with a lowercase letter (“nghèo”, “thoát nghèo”, “đầu kỳ”). */
const continues = (text: string): boolean => {
  const first = text.charAt(0);
  return first !== first.toLocaleUpperCase('vi') && first === first.toLocaleLowerCase('vi');
};

/**
 * Header text wrapped onto the next row without a merge (“Số hộ” over “nghèo” in one column) is one
 * name, “Số hộ nghèo”: a lowercase cell under a cell printed in the same column that spans nothing
 * to its left or right (no neighbour repeats it without printing it, as a group header over its
 * columns does; two neighbours that each print “Số hộ” are two headers) continues it. A capitalised cell below (“Năm 2024” over “Số hộ”) is a level of its own, and a
 * lowercase one under a group (“Số hộ nghèo” over “đầu kỳ | cuối kỳ”) stays under the group.
 * Joins in place: `row` (header row `h`) and `above` (the row before) get the joined name.
 */
function joinContinuations(table: DocumentTable, h: number, row: string[], above: string[]): void {
  for (let c = 0; c < row.length; c++) {
    const lower = printedHere(table, h, c);
    const upper = printedHere(table, h - 1, c) === '' ? '' : above[c]!;
    if (lower === '' || upper === '' || !continues(lower)) continue;
    // a neighbour spans with it when it repeats it without printing it (a merge, or an empty cell a text table leaves)
    const spans = (k: number): boolean => k >= 0 && k < above.length && above[k] === above[c] && printedHere(table, h - 1, k) === '';
    if (spans(c - 1) || spans(c + 1)) continue;
    const joined = `${upper} ${lower}`;
    above[c] = joined;
    row[c] = joined;
  }
}

function uniqueKeys(paths: readonly (readonly string[])[]): string[] {
  const depth = paths.map((p) => {
    const last = p[p.length - 1];
    // a column under a “Trong đó …” header is named with it: “Trong đó: hộ DTTS · Hộ nghèo”, not “Hộ nghèo”
    if (p.length > 1 && /^(trong do|trong so)\b/.test(foldVietnamese(p[0]!))) return p.length;
    return last !== undefined && GENERIC.has(foldVietnamese(last)) && p.length > 1 ? 2 : 1;
  });
  const keyOf = (c: number): string => {
    const p = paths[c]!;
    return p.length === 0 ? `column ${c + 1}` : p.slice(-depth[c]!).join(' · ');
  };
  for (let round = 0; round < 4; round++) {
    const keys = paths.map((_, c) => keyOf(c));
    const seen = new Map<string, number[]>();
    keys.forEach((k, c) => seen.set(k, [...(seen.get(k) ?? []), c]));
    let changed = false;
    for (const cols of seen.values()) {
      if (cols.length < 2) continue;
      for (const c of cols) {
        if (depth[c]! < paths[c]!.length) {
          depth[c]!++;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  const keys = paths.map((_, c) => keyOf(c));
  const count = new Map<string, number>();
  keys.forEach((k) => count.set(k, (count.get(k) ?? 0) + 1));
  // a repeated generic header (“Tỷ lệ (%)” after each count) is named after the column on its left: “Số hộ nghèo · Tỷ lệ (%)”
  const named = keys.map((k, c) => {
    const left = keys[c - 1];
    return (count.get(k) ?? 0) > 1 && GENERIC.has(foldVietnamese(k)) && left !== undefined && (count.get(left) ?? 0) === 1 && !GENERIC.has(foldVietnamese(left)) ? `${left} · ${k}` : k;
  });
  const again = new Map<string, number>();
  named.forEach((k) => again.set(k, (again.get(k) ?? 0) + 1));
  return named.map((k, c) => ((again.get(k) ?? 0) > 1 ? `${k} [${c + 1}]` : k));
}

/** The money unit a header or caption names (`'(triệu đồng)'`, `'ĐVT: Tr.đ'`), or null. */
export function moneyUnitIn(text: string): MoneyUnit | null {
  const t = foldVietnamese(text);
  if (/\b(ty dong|ti dong|ty vnd)\b/.test(t)) return 'ty';
  if (/\b(trieu dong|trieu vnd|tr\.? ?d(ong)?|trd)\b/.test(t) || /\btrieu\b/.test(t)) return 'trieu';
  if (/\b(nghin dong|ngan dong|1\.000 dong|1000 dong)\b/.test(t)) return 'nghin';
  // “đồng” alone is a unit only where a unit is printed: “(đồng)”, “ĐVT: đồng”, or the whole text (never “huy động”, “lao động”)
  if (/\((dong|vnd)\)|\b(dvt|don vi tinh|don vi)\s*:?\s*(dong|vnd)\b|^(so tien )?(dong|vnd)$/.test(t)) return 'dong';
  return null;
}
