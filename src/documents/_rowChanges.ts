/**
 * Columns of a table by year that print a change from the row before (“Số hộ nghèo giảm so với năm
 * trước”, “Tăng (+)/giảm (−) so với năm trước”, “Tỷ lệ giảm (điểm %)”), and columns that are a
 * count times an amount per unit (“Số hộ × Định mức = Thành tiền”): found from the headers and
 * confirmed by the figures.
 */
import { roundQuotient, type RoundingMode } from '../numbers/rounding.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import type { CellNumber } from './_cellNumber.js';
import type { Col } from './_columnRelations.js';
import type { DocumentLayoutRow, LayoutProduct, LayoutRowChange } from './tableLayout.js';

/** A relation found from a header and the rows it holds in. */
export interface HeaderFit<R> {
  readonly relation: R;
  readonly text: string;
  readonly holds: number;
  readonly of: number;
  /** Indexes (in the data rows) of the rows it breaks. */
  readonly breaks: readonly number[];
}

/** A change from the period before (folded header): “so với năm trước”, “so với kỳ trước”, “so với cùng kỳ”. */
const FROM_PREVIOUS = /\bso voi (nam|ky|thang|quy|dot) truoc\b|\bso voi cung ky\b/;
/** A change in points (folded): “(điểm %)”, “(điểm)”. */
const IN_POINTS = /\bdiem (%|phan tram)|\(diem\)/;
const YEAR = /(?:^|\D)((?:19|20)\d\d)(?!\d)/;
/** Words of a header that name no particular figure. */
const GENERIC = new Set(['so', 'tong', 'ty', 'ti', 'le', 'luong', 'nam', 'truoc', 'voi', 'giam', 'tang']);

/** Is the column's header a change from the row before (a count's, or a rate's in points with tăng or giảm)? */
export function namesChangeFromPrevious(c: Col): boolean {
  const h = foldVietnamese(c.header);
  return FROM_PREVIOUS.test(h) || (c.kind === 'rate' && IN_POINTS.test(h) && /\b(tang|giam)\b/.test(h));
}

const value = (n: CellNumber, d: number): bigint => BigInt(n.units) * 10n ** BigInt(d - n.decimals);

/** The words of a header that name its figure (“Hộ nghèo › Số hộ” → hộ, nghèo). */
function namingWords(header: string): string[] {
  return foldVietnamese(header).replace(/\([^)]*\)/g, ' ').split(/[^a-z0-9]+/).filter((w) => w !== '' && !GENERIC.has(w));
}

/**
 * The relation of a change column to the column it changes, over consecutive year rows: the
 * direction the header says (giảm: the row before less this row; tăng, or tăng (+)/giảm (−): this
 * row less the row before), the column the header names or the only one whose figures give it, held
 * in at least two pairs of rows and half of them (the header declares the relation). Null when the
 * rows are not years in order or no column fits.
 */
export function rowChangeFit(
  change: Col,
  figures: readonly Col[],
  rows: readonly DocumentLayoutRow[],
  checkedRows: readonly number[],
  at: (j: number, c: number) => CellNumber | null,
  rowLabelAt: (j: number) => string,
): HeaderFit<LayoutRowChange> | null {
  // rows of years in order (“2022”, “Năm 2023”, “2026 (kế hoạch)”): each paired with the one before
  const years = checkedRows
    .filter((j) => rows[j]!.role === 'item')
    .map((j) => ({ j, year: Number(YEAR.exec(rows[j]!.label)?.[1] ?? NaN) }))
    .filter((y) => Number.isFinite(y.year));
  if (years.length < 3 || years.some((y, i) => i > 0 && y.year <= years[i - 1]!.year)) return null;
  const pairs = years.slice(1).map((y, i) => [y.j, years[i]!.j] as const);
  const h = foldVietnamese(change.header);
  const direction: LayoutRowChange['direction'] = /\bgiam\b/.test(h) && !/\btang\b/.test(h) ? 'decrease' : 'increase';
  const own = ' ' + namingWords(change.header).join(' ') + ' ';
  const scored = figures
    .filter((c) => c !== change && (c.kind === 'rate') === (change.kind === 'rate') && c.unit === change.unit && !namesChangeFromPrevious(c))
    .map((c) => {
      let holds = 0;
      const breaks: number[] = [];
      for (const [j, p] of pairs) {
        const t = at(j, change.col);
        const a = at(j, c.col);
        const b = at(p, c.col);
        if (t === null || a === null || b === null) continue;
        const d = Math.max(t.decimals, a.decimals, b.decimals);
        const diff = direction === 'decrease' ? value(b, d) - value(a, d) : value(a, d) - value(b, d);
        if (diff === value(t, d)) holds++;
        else breaks.push(j);
      }
      const words = namingWords(c.header);
      return { c, holds, of: holds + breaks.length, breaks, named: words.length > 0 && words.every((w) => own.includes(` ${w} `)) };
    })
    .filter((s) => s.holds >= 2 && s.holds * 2 >= s.of);
  const named = scored.filter((s) => s.named);
  const pool = named.length > 0 ? named : scored;
  const most = Math.max(...pool.map((s) => s.holds));
  const best = pool.filter((s) => s.holds === most);
  if (best.length !== 1) return null;
  const { c, holds, of, breaks } = best[0]!;
  return {
    relation: { type: 'row-change', column: change.key, of: c.key, direction, pairs: pairs.map(([j, p]) => [rows[j]!.row, rows[p]!.row] as const) },
    text: `${change.key} = ${direction === 'decrease' ? `${c.key} of the row before − ${c.key}` : `${c.key} − ${c.key} of the row before`} (the change from the year before${years.length > 0 ? `; ${rowLabelAt(years[0]!.j)} has none` : ''})`,
    holds,
    of,
    breaks,
  };
}

/** An amount per unit (folded header): “Định mức”, “Mức hỗ trợ”, “Đơn giá”, “Mức chi”, “… (triệu đồng/hộ)”. */
const PER_UNIT = /\b(dinh muc|muc ho tro|don gia|muc chi|muc dau tu|suat dau tu)\b|\/\s*(ho|nguoi|khau|con|m2|km|thang|nam|mo hinh|lop|the)\b/;

/**
 * `amount = count × amount per unit`, row by row, in the rows printing all three: the amount column
 * in the unit of the amount per unit, exactly or rounded to the decimals printed with `rounding`,
 * in at least two rows and half of them (the header of the amount per unit declares it).
 */
export function productFits(
  figures: readonly Col[],
  checkedRows: readonly number[],
  at: (j: number, c: number) => CellNumber | null,
  rowOf: (j: number) => number,
  rounding: RoundingMode,
): HeaderFit<LayoutProduct>[] {
  const perUnit = figures.filter((c) => c.kind === 'amount' && PER_UNIT.test(foldVietnamese(c.header)));
  const counts = figures.filter((c) => c.kind === 'count');
  const out: HeaderFit<LayoutProduct>[] = [];
  for (const u of perUnit) {
    const fits = figures
      .filter((t) => t.kind === 'amount' && t !== u && t.unit === u.unit && !PER_UNIT.test(foldVietnamese(t.header)))
      .flatMap((t) => counts.map((c) => ({ t, c, ...productSupport(t, c, u, checkedRows, at, rounding) })))
      .filter((f) => f.holds >= 2 && f.holds * 2 >= f.rows.length);
    const most = Math.max(...fits.map((f) => f.holds));
    const best = fits.filter((f) => f.holds === most);
    if (best.length !== 1) continue;
    const { t, c, holds, rows, breaks } = best[0]!;
    out.push({
      relation: { type: 'product', column: t.key, factors: [c.key, u.key], rounding, rows: rows.map(rowOf) },
      text: `${t.key} = ${c.key} × ${u.key} (${rounding}, to the decimals printed)`,
      holds,
      of: rows.length,
      breaks,
    });
  }
  return out;
}

/** Rows printing the amount, the count and the amount per unit, and those where the amount is their product (rounded to the amount's decimals). */
export function productSupport(t: Col, c: Col, u: Col, checkedRows: readonly number[], at: (j: number, c: number) => CellNumber | null, rounding: RoundingMode): { holds: number; rows: number[]; breaks: number[] } {
  let holds = 0;
  const rows: number[] = [];
  const breaks: number[] = [];
  for (const j of checkedRows) {
    const amount = at(j, t.col);
    const count = at(j, c.col);
    const each = at(j, u.col);
    if (amount === null || count === null || each === null || each.units === 0) continue;
    rows.push(j);
    // count × each, at count's and each's decimals together, rounded to the amount's
    const exactDecimals = count.decimals + each.decimals;
    const product = BigInt(count.units) * BigInt(each.units);
    const printed = BigInt(amount.units);
    const holdsExactly = amount.decimals >= exactDecimals ? printed === product * 10n ** BigInt(amount.decimals - exactDecimals) : roundQuotient(product, 10n ** BigInt(exactDecimals - amount.decimals), rounding) === printed;
    if (holdsExactly) holds++;
    else breaks.push(j);
  }
  return { holds, rows, breaks };
}
