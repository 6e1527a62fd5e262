import { addFractions, compareFractions, fraction, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { DONG_PER_UNIT } from '../numbers/money.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import { cellNumber } from './_cellNumber.js';
import type { UnderstoodTable } from './_checkTables.js';
import { inDong } from './_proseFigures.js';
import type { DocumentModel } from './documentModel.js';
import type { ClaimFigure } from './proseClaims.js';

/** The one part of a prose total that its table prints otherwise, with the table's cell. */
export interface PartAgainstTable {
  readonly part: ClaimFigure;
  /** The words that name the part in the text (“ngân sách huyện”, “huyện Phú Hòa”). */
  readonly name: string;
  readonly block: number;
  readonly rowLabel: string;
  readonly header: string;
  /** The cell as printed, and its value in the part's measure (đồng for money). */
  readonly text: string;
  readonly value: Fraction;
}

/** A table figure in a common measure: money in đồng (from the column's unit), a count as printed. */
interface Cell {
  readonly block: number;
  readonly rowLabel: string;
  readonly header: string;
  readonly text: string;
  readonly value: Fraction;
}

const fold = (t: string): string => foldVietnamese(t).replace(/^[-+•–\s]+/, '').replace(/[\s:]+$/, '');

/** The words right before a part's figure, back to the last “,”, “;”, “:”, “(” or “và”: what names it. */
function nameBefore(model: DocumentModel, part: ClaimFigure): string {
  const block = model.blocks[part.location.block];
  if (block === undefined || block.kind === 'table') return '';
  const before = block.text.slice(0, part.location.start);
  const cut = Math.max(...[',', ';', ':', '(', ' và ', ' gồm', ' trong đó'].map((s) => { const at = before.lastIndexOf(s); return at < 0 ? -1 : at + s.length; }));
  return before.slice(Math.max(0, cut)).trim();
}

/**
 * The one part of a total printed with its parts (“16.014 triệu đồng, trong đó: ngân sách Trung ương
 * 13.940 triệu đồng; ngân sách tỉnh 1.354 triệu đồng; ngân sách huyện 920 triệu đồng”) that the
 * document's table prints otherwise, when with the table's figure the parts add up to the total as
 * printed. The table is one whose total row prints the total: the parts are then its columns named
 * as the parts are (“Ngân sách huyện”), or the rows of the total's column named as the parts are
 * (“huyện Phú Hòa 324 hộ” and the row “Huyện Phú Hòa”). Null unless every part is found once, exactly
 * one differs, and the sum holds with it: else nothing is said.
 */
export function partAgainstTables(model: DocumentModel, total: ClaimFigure, parts: readonly ClaimFigure[], tables: readonly UnderstoodTable[]): PartAgainstTable | null {
  if (parts.length < 2 || total.figure.qualifier !== null || parts.some((p) => p.figure.qualifier !== null || p.dimension !== total.dimension)) return null;
  if (total.dimension !== 'money' && total.dimension !== 'households' && total.dimension !== 'persons') return null;
  const measure = (f: ClaimFigure): Fraction => (f.dimension === 'money' ? inDong(f.figure) : f.figure.value);
  const totalValue = measure(total);
  const names = parts.map((p) => fold(nameBefore(model, p)));
  if (names.some((n) => n === '' || /\d/.test(n))) return null;
  const found: Array<PartAgainstTable | null> = [];
  for (const { table, layout } of tables) {
    const cellOf = (row: number, col: number, rowLabel: string, header: string): Cell | null => {
      const c = layout.columns.find((x) => x.col === col);
      if (c === undefined) return null;
      const text = table.rows[row]?.[col]?.text.trim() ?? '';
      const n = cellNumber(text);
      if (n === null || n.percent) return null;
      const exact = fraction(BigInt(n.units), 10n ** BigInt(n.decimals));
      if (total.dimension === 'money') return c.kind === 'amount' && c.unit !== undefined ? { block: table.index + 1, rowLabel, header, text, value: multiplyFractions(exact, fraction(DONG_PER_UNIT[c.unit])) } : null;
      return c.kind === 'count' ? { block: table.index + 1, rowLabel, header, text, value: exact } : null;
    };
    const totalRow = [...layout.rows].reverse().find((r) => r.role === 'total');
    if (totalRow === undefined) continue;
    const totalCells = layout.columns.map((c) => ({ c, cell: cellOf(totalRow.row, c.col, totalRow.label, c.header) })).filter((x) => x.cell !== null && compareFractions(x.cell.value, totalValue) === 0);
    if (totalCells.length !== 1) continue;
    const { c: totalColumn } = totalCells[0]!;
    // the parts as columns of the total row (“Ngân sách huyện”; a merged group's “Tổng số”)
    const headerName = (header: string): string | null => {
      const pieces = [...new Set(header.split(' › ').map(fold))];
      if (pieces.length === 1) return pieces[0]!;
      return pieces.length === 2 && /^(tong so|tong cong|cong)$/.test(pieces[1]!) ? pieces[0]! : null;
    };
    // …or the columns beside the total's under its group (“Ngân sách trung ương › Cộng | Đầu tư phát triển | Sự nghiệp”),
    // named with or without “vốn” (“vốn đầu tư phát triển 735.600 triệu đồng và vốn sự nghiệp …”)
    const group = totalColumn.header.split(' › ').map(fold);
    const inGroup = (header: string): string | null => {
      const pieces = header.split(' › ').map(fold);
      return group.length === 2 && /^(tong so|tong cong|cong)$/.test(group[1]!) && pieces.length === 2 && pieces[0] === group[0] ? pieces[1]! : null;
    };
    const bare = (n: string): string => n.replace(/^(?:nguon von|von)\s+/, '');
    const byName = (c: { readonly header: string }, n: string): boolean => headerName(c.header) === n || (inGroup(c.header) !== null && bare(inGroup(c.header)!) === bare(n));
    const asColumns = names.map((n) => layout.columns.filter((c) => c !== totalColumn && byName(c, n)));
    // the parts as rows of the total's column (“Huyện Phú Hòa”)
    const asRows = names.map((n) => layout.rows.filter((r) => r.role === 'item' && fold(r.label) === n));
    const cells: Array<Cell | null> = asColumns.every((cs) => cs.length === 1)
      ? asColumns.map((cs) => cellOf(totalRow.row, cs[0]!.col, totalRow.label, cs[0]!.header))
      : asRows.every((rs) => rs.length === 1)
        ? asRows.map((rs) => cellOf(rs[0]!.row, totalColumn.col, rs[0]!.label, totalColumn.header))
        : [];
    if (cells.length !== parts.length || cells.some((c) => c === null)) continue;
    const differing = parts.flatMap((p, i) => (compareFractions(measure(p), cells[i]!.value) === 0 ? [] : [i]));
    if (differing.length !== 1) continue;
    const i = differing[0]!;
    const sum = parts.reduce((s, p, k) => addFractions(s, k === i ? cells[i]!.value : measure(p)), fraction(0n));
    if (compareFractions(subtractFractions(sum, totalValue), fraction(0n)) !== 0) continue;
    const cell = cells[i]!;
    found.push({ part: parts[i]!, name: nameBefore(model, parts[i]!), block: cell.block, rowLabel: cell.rowLabel, header: cell.header, text: cell.text, value: cell.value });
  }
  // two tables printing the total (by project, by district) name the same part with the same figure: one finding
  const first = found[0];
  return first !== undefined && first !== null && found.every((x) => x !== null && x.part === first.part && compareFractions(x.value, first.value) === 0) ? first : null;
}
