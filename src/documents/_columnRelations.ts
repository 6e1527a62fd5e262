import { foldVietnamese } from '../text/foldVietnamese.js';
import type { MoneyUnit } from '../numbers/money.js';
import type { CellNumber } from './_cellNumber.js';
import { roundQuotient, type RoundingMode } from '../numbers/rounding.js';
import { relationColumns } from './_tableRows.js';
import type { DocumentColumnKind, LayoutAverage, LayoutRelation } from './tableLayout.js';

/** A column of a table being understood: where it is, its key and header, its kind and unit. */
export interface Col {
  readonly col: number;
  readonly key: string;
  readonly header: string;
  kind: DocumentColumnKind;
  unit: MoneyUnit | null;
  /** A count only because nothing in its header or cells said otherwise. */
  byDefault?: boolean;
}

const TOTAL_HEADER = /\b(tong|cong|tong so|chung)\b/;
/** A header (folded) naming the change between two other columns: “Tăng/giảm”, “Tăng (+), giảm (-)”, “Chênh lệch”, “So với năm trước”, “Mức giảm”. @internal */
export const CHANGE_HEADER = /\b(tang\s*(\(\+\))?\s*[,/]?\s*giam|chenh lech|so voi (nam|ky|cung ky|dau)|tang giam|muc (tang|giam))\b/;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Headers of the end and the start of a period, for flow relations. */
const FLOW_END = /\b(cuoi (nam|ky|dot|thang)|con lai|sau (ra soat|dieu tra))\b/;
const FLOW_START = /\b(dau (nam|ky|dot|thang)|truoc (ra soat|dieu tra))\b/;

/** `n` scaled to `d` decimals as a safe integer, or null. */
export function scaledTo(n: CellNumber, d: number): number | null {
  const v = n.units * 10 ** (d - n.decimals);
  return Number.isSafeInteger(v) ? v : null;
}

/** Is `v` the mean of `parts`, rounded to its printed decimals? Exact: Σ parts (each at its own decimals) ÷ their number. */
export function isMeanOf(v: CellNumber, parts: readonly CellNumber[], rounding: RoundingMode): boolean {
  const d = Math.max(...parts.map((x) => x.decimals));
  const sum = parts.reduce((s, x) => s + BigInt(x.units) * 10n ** BigInt(d - x.decimals), 0n);
  return roundQuotient(sum * 10n ** BigInt(v.decimals), BigInt(parts.length) * 10n ** BigInt(d), rounding) === BigInt(v.units);
}

/** An accepted relation between columns, with the rows where it holds and breaks. */
export interface LinearFit {
  readonly relation: LayoutRelation;
  readonly text: string;
  readonly holds: number;
  readonly of: number;
  readonly breaks: string[];
}

/** A formula a table prints in its row of column numbers: column `column` = ± each of `terms` (grid columns). */
export interface DeclaredFormula {
  readonly column: number;
  readonly terms: ReadonlyArray<{ readonly column: number; readonly sign: 1 | -1 }>;
  /** Who declares it: the row of column numbers, or the header's merged cells. */
  readonly by?: 'numbers' | 'header';
}

/** A header (folded) that opens a part of the whole above it: “Trong đó”, “Trong số đó”. @internal */
export const IN_WHICH = /^(trong do|trong so)\b/;

/** A header naming a total: “Tổng cộng”, “Tổng số”, “Cộng”, “Tổng kinh phí”… (folded). */
export const TOTAL_NAME = /^(tong cong|tong so|tong|cong|tong kinh phi|tong von|tong nhu cau)(?=$|[\s:(,])/;

/**
 * The sums a merged header declares among additive columns: a group's “Tổng số” column is the sum
 * of the other columns under the group (“Ngân sách Trung ương” over “Tổng số | Vốn đầu tư | Vốn sự
 * nghiệp”), and a column headed “Tổng cộng” alone is the sum of the other top-level headers, a group
 * counting by its own total column (“Tổng cộng = NSTW · Tổng số + NSĐP + Vốn lồng ghép + Huy động”).
 */
export function headerFormulas(additive: readonly Col[]): DeclaredFormula[] {
  const path = (c: Col): string[] => c.header.split(' › ').map(foldVietnamese);
  const groups: Col[][] = [];
  for (const c of additive) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev !== undefined && prev.col === c.col - 1 && path(c).length > 1 && path(prev).length > 1 && path(prev)[0] === path(c)[0]) last!.push(c);
    else groups.push([c]);
  }
  const out: DeclaredFormula[] = [];
  const totalOf = (g: readonly Col[]): Col | undefined => (g.length === 1 ? g[0] : g.filter((c) => path(c).length === 2 && TOTAL_NAME.test(path(c)[1]!)).length === 1 ? g.find((c) => TOTAL_NAME.test(path(c)[1]!)) : undefined);
  for (const g of groups) {
    const t = g.length > 1 ? totalOf(g) : undefined;
    if (t === undefined) continue;
    // a “Trong đó” part is at most the whole, never one of the terms of its sum
    if (g.some((c) => path(c).slice(1).some((x) => IN_WHICH.test(x)))) continue;
    const parts = g.filter((c) => c !== t && path(c).length === 2);
    if (parts.length >= 2 && parts.length === g.length - 1) out.push({ column: t.col, terms: parts.map((c) => ({ column: c.col, sign: 1 as const })), by: 'header' });
  }
  for (const g of groups) {
    const t = g[0]!;
    if (g.length !== 1 || path(t).length !== 1 || !TOTAL_NAME.test(path(t)[0]!)) continue;
    const parts = groups.filter((x) => x !== g).map(totalOf);
    if (parts.length >= 2 && parts.every((p) => p !== undefined)) out.push({ column: t.col, terms: parts.map((p) => ({ column: p!.col, sign: 1 as const })), by: 'header' });
  }
  return out;
}

const NUMBER_TOKEN = /^\(?(\d{1,2})\)?/;
const ADDITIVE_FORMULA = /^\(?(\d{1,2})\)?\s*=\s*(\(?\d{1,2}\)?(?:\s*[+\-−]\s*\(?\d{1,2}\)?)+)$/u;

/** The grid column printing each column number of the row (“(3)”, “5=1x2” → 5), null for a number printed by none or by two. */
function columnNumbers(cells: readonly string[]): (n: string) => number | null {
  const where = new Map<string, number[]>();
  cells.forEach((t, c) => {
    const m = NUMBER_TOKEN.exec(t.trim());
    if (m !== null) where.set(m[1]!, [...(where.get(m[1]!) ?? []), c]);
  });
  return (n) => {
    const cs = where.get(n);
    return cs?.length === 1 ? cs[0]! : null;
  };
}

/** A product or a quotient a row of column numbers declares, by grid columns: “(5)=(1)x(2)”, “4=3/2*100”. */
export type DeclaredMultiplicative =
  | { readonly type: 'product'; readonly column: number; readonly factors: readonly [number, number] }
  | { readonly type: 'rate'; readonly column: number; readonly count: number; readonly base: number; readonly scale: 1 | 100 };

const MULTIPLICATIVE_FORMULA = /^\(?(\d{1,2})\)?=(.+)$/u;
/** The right side, “×” as `*` and “:” as `/`, brackets round a column number dropped: `1*2`, `3/2*100`, `3*100/2`, `(3/2)*100`. */
const PRODUCT_SIDE = /^(\d{1,2})\*(\d{1,2})$/;
const QUOTIENT_SIDE = /^(?:\(?(\d{1,2})\/(\d{1,2})\)?(?:\*(100))?|(\d{1,2})\*(100)\/(\d{1,2}))$/;

/**
 * The products and quotients of a row of column numbers (“(5)=(1)x(2)”, “5=1x2”, “(4)=(3)/(2)*100”,
 * “4=3:2x100”, “6=5x100/1”), each column number read as the grid column that prints it: a product
 * of two columns, or one column over another (× 100 when the formula says so). Anything else
 * (three factors, a constant other than 100, a number printed by no column or by two) is left out.
 */
export function declaredMultiplicative(cells: readonly string[]): DeclaredMultiplicative[] {
  const columnOf = columnNumbers(cells);
  const out: DeclaredMultiplicative[] = [];
  cells.forEach((t, c) => {
    const m = MULTIPLICATIVE_FORMULA.exec(t.replace(/\s+/g, ''));
    if (m === null || columnOf(m[1]!) !== c) return;
    const side = m[2]!.replace(/[x×X]/g, '*').replace(/[:÷]/g, '/').replace(/\((\d{1,2})\)/g, '$1');
    const product = PRODUCT_SIDE.exec(side);
    if (product !== null) {
      const [a, b] = [columnOf(product[1]!), columnOf(product[2]!)];
      if (a !== null && b !== null && a !== c && b !== c && a !== b) out.push({ type: 'product', column: c, factors: [a, b] });
      return;
    }
    const q = QUOTIENT_SIDE.exec(side);
    if (q === null) return;
    const [count, base] = q[1] !== undefined ? [columnOf(q[1]), columnOf(q[2]!)] : [columnOf(q[4]!), columnOf(q[6]!)];
    const scale = q[3] !== undefined || q[5] !== undefined ? 100 : 1;
    if (count !== null && base !== null && count !== c && base !== c && count !== base) out.push({ type: 'rate', column: c, count, base, scale });
  });
  return out;
}

/**
 * The additive formulas of a row of column numbers (“1=2+5+6+7”, “(4)=(1)-(2)-(3)”), each column
 * number read as the grid column that prints it; formulas with ×, ÷ or a number printed by no
 * column (or by two) are left out.
 */
export function declaredFormulas(cells: readonly string[]): DeclaredFormula[] {
  const columnOf = columnNumbers(cells);
  const out: DeclaredFormula[] = [];
  cells.forEach((t, c) => {
    const m = ADDITIVE_FORMULA.exec(t.trim().replace(/\s+/g, ' '));
    if (m === null || columnOf(m[1]!) !== c) return;
    const terms: Array<{ column: number; sign: 1 | -1 }> = [];
    for (const [, op, n] of `+${m[2]!}`.matchAll(/([+\-−])\s*\(?(\d{1,2})\)?/gu)) {
      const col = columnOf(n!);
      if (col === null || col === c) return;
      terms.push({ column: col, sign: op === '+' ? 1 : -1 });
    }
    if (terms.length >= 2) out.push({ column: c, terms });
  });
  return out;
}

/**
 * How many of a relation's breaks are one wrong figure carried into its totals: a subtotal or total
 * row that breaks where a row it adds up (`covers(j)`) breaks too is no evidence against the
 * relation (a stale end count in one commune breaks the commune's balance and the total's), when
 * the relation holds in four rows at least.
 */
export function carriedBreaks(breaks: readonly number[], covers: (j: number) => readonly number[], holds: number): number {
  // only where the relation holds in four rows at least: in a short table a coincidence gains nothing
  if (holds < 4) return 0;
  const broken = new Set(breaks);
  return breaks.filter((j) => covers(j).some((k) => k !== j && broken.has(k))).length;
}

/**
 * Every c = a + b (and c = a run of ≥ 3 adjacent columns) that holds in most rows, among columns
 * of the same kind and unit; each triple is reported once, as a difference when the total is
 * printed first and its header does not say “tổng/cộng” (remaining = start − exits), else as a sum.
 * Then the flows of the review forms: end of period = start − exits ± the columns between them.
 * Rows with the same figures count once as evidence, and only item rows count (a total holds
 * whenever its items do).
 */
export function linearRelations(
  additive: readonly Col[],
  rows: readonly number[],
  at: (j: number, c: number) => CellNumber | null,
  consensus: number,
  label: (j: number) => string,
  itemRows: ReadonlySet<number>,
  declared: readonly DeclaredFormula[] = [],
  covers: (j: number) => readonly number[] = () => [],
): LinearFit[] {
  const out: LinearFit[] = [];
  const compatible = (a: Col, b: Col): boolean => a.kind === b.kind && (a.unit === b.unit || a.unit === null || b.unit === null);
  const test = (t: Col, parts: readonly Col[], signs?: readonly number[]): { holds: number; of: number; counted: number; informative: number; distinct: number; breaks: number[]; nonzero: boolean[] } => {
    let holds = 0;
    let of = 0;
    let informative = 0;
    const breaks: number[] = [];
    const nonzero = parts.map(() => false);
    // evidence is what differs: item rows with the same figures count once, and a total holds whenever its items do
    const seen = new Set<string>();
    let distinct = 0;
    for (const j of rows) {
      const tv = at(j, t.col);
      const pv = parts.map((p) => at(j, p.col));
      if (tv === null || pv.some((x) => x === null)) continue;
      of++;
      const d = Math.max(tv.decimals, ...pv.map((x) => x!.decimals));
      const total = scaledTo(tv, d);
      let sum = 0;
      let zero = false;
      const nz: number[] = [];
      for (const [i, x] of pv.entries()) {
        const v = scaledTo(x!, d);
        if (v === null) {
          sum = Number.NaN;
          break;
        }
        if (v === 0) zero = true;
        else nz.push(i);
        sum += (signs?.[i] ?? 1) * v;
      }
      if (total !== null && total === sum) {
        holds++;
        const tuple = pv.map((x) => `${x!.units}/${x!.decimals}`).join(',');
        if (itemRows.has(j) && !seen.has(tuple)) {
          distinct++;
          if (!zero) informative++;
        }
        if (itemRows.has(j)) seen.add(tuple);
        for (const i of nz) nonzero[i] = true;
      } else breaks.push(j);
    }
    return { holds, of, counted: of - carriedBreaks(breaks, covers, holds), informative, distinct, breaks, nonzero };
  };
  const accept = (r: { holds: number; of: number; counted: number; informative: number }): boolean => r.of >= 3 && r.holds >= Math.ceil(r.counted * consensus) && r.informative >= 2;
  /** The support a relation the table itself declares needs: half its rows, and two at least. */
  const halfTheRows = (r: { holds: number; counted: number }): boolean => r.holds >= Math.max(2, Math.ceil(r.counted / 2));
  /** A relation a header declares (a total's name, two columns' names joined by “và”). */
  const acceptNamed = (r: { holds: number; of: number; counted: number; informative: number }): boolean => r.of >= 3 && halfTheRows(r) && r.informative >= 1;
  // a header that names a total (“Tổng số”, “Tổng giai đoạn 2021-2025”) over every column beside it up to the
  // table's edge is evidence too: then half the rows suffice (two wrong cells in a short table do not hide it)
  // — and, being the widest sum there is, it needs no row where every source is printed (a budget by source where each
  // project draws on some sources only, “-” for the others): each source figuring in some row it holds in is enough
  const acceptDeclared = (t: Col, r: { holds: number; of: number; counted: number; informative: number; distinct: number; nonzero: boolean[] }, whole: boolean): boolean =>
    accept(r) || (whole && TOTAL_HEADER.test(foldVietnamese(t.header)) && (acceptNamed(r) || (r.of >= 3 && halfTheRows(r) && r.distinct >= 2 && r.nonzero.every(Boolean))));
  // a column whose header names two others joined by “và” (“Hộ nghèo và hộ cận nghèo” over “Hộ nghèo”
  // and “Hộ cận nghèo”) declares their sum: then half the rows suffice, as for a header that names a total
  // each header folded once (a wide table has tens of thousands of triples)
  const folded = new Map(additive.map((c) => [c.col, { group: foldVietnamese(c.header.split(' › ')[0] ?? c.header), rest: foldVietnamese(c.header.split(' › ').slice(1).join(' › ')), whole: foldVietnamese(c.header) }]));
  const group = (c: Col): string => folded.get(c.col)!.group;
  const rest = (c: Col): string => folded.get(c.col)!.rest;
  const namesBoth = (t: Col, a: Col, b: Col): boolean => {
    const [gt, ga, gb] = [group(t), group(a), group(b)];
    if (ga === gb || ga === '' || gb === '' || rest(t) !== rest(a) || rest(t) !== rest(b)) return false;
    const [first, second] = gt.indexOf(ga) <= gt.indexOf(gb) ? [ga, gb] : [gb, ga];
    // the second may drop its “hộ” (“Hộ nghèo và cận nghèo”)
    const tail = second.startsWith('ho ') ? `(?:ho )?${escapeRegExp(second.slice(3))}` : escapeRegExp(second);
    return new RegExp(`^${escapeRegExp(first)}\\s+(?:va|and|\\+|,)\\s+${tail}$`).test(gt);
  };
  // a column headed as a change (“Tăng (+), giảm (-) so với năm trước”, “Chênh lệch”) beside two columns
  // of the same kind declares their difference: then half the rows suffice (t = a + change)
  const namesChange = (t: Col, a: Col, b: Col): boolean => {
    const change = [a, b].filter((c) => CHANGE_HEADER.test(folded.get(c.col)!.whole));
    return change.length === 1 && !CHANGE_HEADER.test(folded.get(t.col)!.whole) && change[0]!.col > Math.min(t.col, a.col === change[0]!.col ? b.col : a.col);
  };
  // a group named as the total (“Tổng số” over “Số hộ | Tỷ lệ (%)”) beside two groups over the same columns
  // (“Hộ nghèo”, “Hộ cận nghèo”) declares their sum, as a header joining them by “và” does
  const namesTotalOf = (t: Col, a: Col, b: Col): boolean => {
    const [gt, ga, gb] = [group(t), group(a), group(b)];
    return rest(t) !== '' && rest(t) === rest(a) && rest(t) === rest(b) && TOTAL_NAME.test(gt) && ga !== gb && !TOTAL_NAME.test(ga) && !TOTAL_NAME.test(gb);
  };
  const used = new Set<string>();
  const sig = (cs: readonly Col[]): string => cs.map((c) => c.col).sort((x, y) => x - y).join(',');
  // a formula the table prints over its columns (“1=2+5+6+7”) is the author's own: half the rows suffice
  for (const f of declared) {
    if (used.has(sig([f.column, ...f.terms.map((x) => x.column)].map((col) => ({ col }) as Col)))) continue;
    const t = additive.find((c) => c.col === f.column);
    const terms = f.terms.map((x) => additive.find((c) => c.col === x.column));
    if (t === undefined || terms.some((p) => p === undefined || !compatible(p, t))) continue;
    const parts = terms as Col[];
    const signs = f.terms.map((x) => x.sign);
    if (signs[0] === -1) continue; // “1 = −2 + 3” is no way to print a formula
    const r = test(t, parts, signs);
    if (r.of < 2 || !halfTheRows(r) || r.distinct < 1) continue;
    used.add(sig([t, ...parts]));
    const plus = parts.filter((_, i) => signs[i] === 1);
    const minus = parts.filter((_, i) => signs[i] === -1);
    const text = `${t.key} = ${parts.map((p, i) => `${i === 0 ? '' : signs[i] === -1 ? ' − ' : ' + '}${p.key}`).join('')} (${f.by === 'header' ? 'as the merged header declares it' : 'as the column numbers print it'})`;
    const relation: LayoutRelation =
      minus.length === 0
        ? { type: 'sum', column: t.key, parts: parts.map((p) => p.key) }
        : { type: 'difference', column: t.key, from: parts[0]!.key, minus: minus.map((p) => p.key), ...(plus.length > 1 ? { plus: plus.slice(1).map((p) => p.key) } : {}) };
    out.push({ relation, text, holds: r.holds, of: r.of, breaks: r.breaks.map(label) });
  }
  // runs of three or more adjacent source columns next to a total
  for (let ti = 0; ti < additive.length; ti++) {
    const t = additive[ti]!;
    for (const dir of [1, -1] as const) {
      let best: { parts: Col[]; r: ReturnType<typeof test> } | null = null;
      let run = 0;
      while (additive[ti + dir * (run + 1)] !== undefined && compatible(additive[ti + dir * (run + 1)]!, t)) run++;
      for (let len = 3; len <= additive.length - 1; len++) {
        const parts: Col[] = [];
        for (let k = 1; k <= len; k++) {
          const p = additive[ti + dir * k];
          if (p === undefined || !compatible(p, t)) break;
          parts.push(p);
        }
        if (parts.length !== len) break;
        const r = test(t, parts);
        if (acceptDeclared(t, r, len === run) && (best === null || r.holds > best.r.holds)) best = { parts, r };
      }
      if (best !== null) {
        const parts = dir === 1 ? best.parts : [...best.parts].reverse();
        used.add(sig([t, ...parts]));
        out.push({ relation: { type: 'sum', column: t.key, parts: parts.map((p) => p.key) }, text: `${t.key} = ${parts.map((p) => p.key).join(' + ')}`, holds: best.r.holds, of: best.r.of, breaks: best.r.breaks.map(label) });
      }
    }
  }
  // triples t = a + b
  for (let ai = 0; ai < additive.length; ai++) {
    for (let bi = ai + 1; bi < additive.length; bi++) {
      const a = additive[ai]!;
      const b = additive[bi]!;
      if (!compatible(a, b)) continue;
      for (const t of additive) {
        if (t === a || t === b || !compatible(t, a)) continue;
        const s = sig([t, a, b]);
        if (used.has(s)) continue;
        const r = test(t, [a, b]);
        // the cheap test first: a header's words are read only for a triple the figures do not settle
        const accepted = accept(r);
        if (!accepted && !acceptNamed(r)) continue;
        const named = namesBoth(t, a, b) || namesTotalOf(t, a, b);
        if (!accepted && !named && !namesChange(t, a, b)) continue;
        // an entry of a status is never its exits plus something: “Hộ cận nghèo › Phát sinh” = “Hộ nghèo ›
        // Phát sinh” + “Thoát cận nghèo” holding in six villages of eight is small flows agreeing by chance
        if (!named && opposedFlows(t, [a, b])) continue;
        // a shadow of a wider sum: t = a + b + c in every row, c blank or zero where t = a + b holds (a total
        // = its investment + the two sources of its recurrent capital, wherever it has no investment); or in every
        // row where t = a + b holds and more (a wrong cell breaks the wider sum once: the narrower still shadows it)
        const widens = (c: Col): boolean => {
          if (c === t || c === a || c === b || !compatible(c, t)) return false;
          const wider = test(t, [a, b, c]);
          if (wider.of < r.holds) return false;
          if (wider.breaks.length === 0) return true;
          const narrowBreaks = new Set(r.breaks);
          return wider.holds > r.holds && wider.breaks.every((j) => narrowBreaks.has(j));
        };
        if (!named && r.breaks.length > 0 && additive.some(widens)) continue;
        used.add(s);
        const sumForm = named || TOTAL_HEADER.test(foldVietnamese(t.key + ' ' + t.header)) || t.col > a.col && t.col > b.col;
        if (sumForm) {
          out.push({ relation: { type: 'sum', column: t.key, parts: [a.key, b.key] }, text: `${t.key} = ${a.key} + ${b.key}`, holds: r.holds, of: r.of, breaks: r.breaks.map(label) });
        } else {
          const [minus, result] = a.col < b.col ? [a, b] : [b, a];
          out.push({ relation: { type: 'difference', column: result.key, from: t.key, minus: [minus.key] }, text: `${result.key} = ${t.key} − ${minus.key}`, holds: r.holds, of: r.of, breaks: r.breaks.map(label) });
        }
      }
    }
  }
  // flows, as the review forms print them (Thông tư 07/2021/TT-BLĐTBXH): a count at the end of the period =
  // the count at its start − exits + re-poor + newly poor, over the columns printed between the two
  // a flow that holds in more rows replaces a shorter relation found for the same end column (end = start − newly
  // poor holding in four of five rows by chance, while the whole flow holds in all of them)
  const heldBy = (key: string): number | null => {
    const found = out.filter((o) => o.relation.column === key);
    return found.length === 0 ? null : Math.max(...found.map((o) => o.holds));
  };
  for (const t of additive) {
    if (!FLOW_END.test(foldVietnamese(t.header))) continue;
    const held = heldBy(t.key);
    if (held !== null && held >= rows.length) continue;
    let best: { from: Col; terms: Col[]; signs: number[]; r: ReturnType<typeof test> } | null = null;
    let ambiguous = false;
    for (const a of additive) {
      if (a.col >= t.col || !compatible(a, t) || !FLOW_START.test(foldVietnamese(a.header))) continue;
      const between = additive.filter((x) => x.col > a.col && x.col < t.col && compatible(x, t));
      if (between.length < 2 || between.length > 4) continue;
      for (let mask = 1; mask < 1 << between.length; mask++) {
        const terms = between.filter((_, i) => (mask >> i) & 1);
        if (terms.length < 2) continue;
        for (let sm = 0; sm < 1 << terms.length; sm++) {
          const signs = terms.map((_, i) => ((sm >> i) & 1 ? -1 : 1));
          if (!signs.includes(-1)) continue; // all plus: a sum, found above when it is one
          if (used.has(sig([t, a, ...terms]))) continue; // the same columns already related another way
          const r = test(t, [a, ...terms], [1, ...signs]);
          if (r.of < 4 || r.holds < Math.ceil(r.counted * consensus) || r.distinct < 3 || !r.nonzero.every(Boolean)) continue;
          if (best === null || r.holds > best.r.holds || (r.holds === best.r.holds && terms.length < best.terms.length)) {
            ambiguous = false;
            best = { from: a, terms, signs, r };
          } else if (r.holds === best.r.holds && terms.length === best.terms.length) ambiguous = true;
        }
      }
    }
    if (best === null || ambiguous) continue; // two flows fit as well: neither is evidence
    if (held !== null) {
      // the flow the review form's headers name replaces a relation its figures alone gave for the same end
      // column: when it holds in more rows and breaks in none, or, when that relation's columns are all in the
      // flow (end = start + re-poor holding by chance), in as many rows (its one break is then where the wrong cell is)
      // (a flow whose headers name it: each term a stage, exits or entries, every column of the end's subject, poor or near-poor)
      const nearPoor = (c: Col): boolean => /\bcan ngheo\b/.test(foldVietnamese(c.header));
      const named = [best.from, ...best.terms].every((c) => nearPoor(c) === nearPoor(t)) && best.terms.every((c) => FLOW_STAGE.test(foldVietnamese(c.header)));
      const flowColumns = new Set([t.key, best.from.key, ...best.terms.map((c) => c.key)]);
      const within = named && out.filter((o) => o.relation.column === t.key).every((o) => relationColumns(o.relation).every((k) => flowColumns.has(k)));
      if (!(within ? best.r.holds >= held : best.r.holds > held && best.r.breaks.length === 0)) continue;
      for (let k = out.length - 1; k >= 0; k--) if (out[k]!.relation.column === t.key) out.splice(k, 1);
    }
    const minus = best.terms.filter((_, i) => best!.signs[i] === -1).map((c) => c.key);
    const plus = best.terms.filter((_, i) => best!.signs[i] === 1).map((c) => c.key);
    const text = `${t.key} = ${best.from.key} ${best.terms.map((c, i) => `${best!.signs[i] === -1 ? '−' : '+'} ${c.key}`).join(' ')}`;
    out.push({ relation: { type: 'difference', column: t.key, from: best.from.key, minus, ...(plus.length === 0 ? {} : { plus }) }, text, holds: best.r.holds, of: best.r.of, breaks: best.r.breaks.map(label) });
  }
  return out;
}

/** A header naming a yearly average: “Bình quân/năm”, “Bình quân giai đoạn”, “BQ/năm”, “Trung bình mỗi năm” (folded). */
const AVERAGE_HEADER = /(^|[^a-z])(binh quan|trung binh|bq)([^a-z]|$)/;
/** One year in a header (“Năm 2021”, “2022”), not a period of two (“Giai đoạn 2021-2025”). */
const YEAR = /(?:^|\D)((?:19|20)\d\d)(?!\d)/g;
/** The roundings an average is tried with, the official half-up first (poverty-rate-reporting §4), then the other ways a table may round. */
const AVERAGE_ROUNDINGS: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up'];

/** An accepted average relation, with the rows where it holds and breaks. */
export interface AverageFit {
  readonly relation: LayoutAverage;
  readonly text: string;
  readonly holds: number;
  readonly of: number;
  readonly breaks: number[];
}

/**
 * The yearly averages a table prints beside its year columns: a column whose header names an
 * average (“Bình quân/năm”) is `round((Σ year columns) ÷ number of years)`, to the decimals each
 * cell prints, over the columns of the same kind and unit whose header (below or above the same
 * group) names one year. Half-up first; when the table rounds another way in more rows (half-even,
 * down, up), that way, said in the relation's text. The header declares the relation, so half the
 * rows (two at least) suffice, as for a header that names a total.
 */
export function averageRelations(figures: readonly Col[], rows: readonly number[], at: (j: number, c: number) => CellNumber | null): AverageFit[] {
  const segments = (c: Col): string[] => c.header.split(' › ').map(foldVietnamese);
  const yearOf = (segment: string): string | null => {
    const years = [...segment.matchAll(YEAR)].map((m) => m[1]!);
    return years.length === 1 ? years[0]! : null;
  };
  /** The header with its year or average level taken out: what the column counts. */
  const restOf = (c: Col, level: (s: string) => boolean): string | null => {
    const path = segments(c);
    const k = path.findIndex(level);
    return k < 0 ? null : [...path.slice(0, k), ...path.slice(k + 1)].join(' › ');
  };
  const out: AverageFit[] = [];
  for (const a of figures) {
    const rest = restOf(a, (s) => AVERAGE_HEADER.test(s));
    if (rest === null) continue;
    // a mean of counts may print decimals, so either may be a count or an amount only by default; a mean of rates is a rate
    const sameKind = (c: Col): boolean => (c.kind === a.kind && c.unit === a.unit) || (c.kind !== 'rate' && a.kind !== 'rate' && (c.byDefault === true || a.byDefault === true || c.unit === null || a.unit === null));
    const years = figures.filter((c) => c !== a && sameKind(c) && !AVERAGE_HEADER.test(foldVietnamese(c.header)) && restOf(c, (s) => yearOf(s) !== null) === rest);
    if (years.length < 2 || new Set(years.map((c) => segments(c).map(yearOf).find((y) => y !== null))).size !== years.length) continue;
    let best: { rounding: RoundingMode; holds: number; of: number; breaks: number[] } | null = null;
    for (const rounding of AVERAGE_ROUNDINGS) {
      let holds = 0;
      let of = 0;
      const breaks: number[] = [];
      for (const j of rows) {
        const v = at(j, a.col);
        const parts = years.map((c) => at(j, c.col));
        if (v === null || parts.some((x) => x === null)) continue;
        of++;
        if (isMeanOf(v, parts as CellNumber[], rounding)) holds++;
        else breaks.push(j);
      }
      if (best === null || holds > best.holds) best = { rounding, holds, of, breaks };
    }
    if (best === null || best.of < 2 || best.holds < Math.max(2, Math.ceil(best.of / 2))) continue;
    const how = best.rounding === 'half-up' ? 'half-up' : `${best.rounding}, as the table rounds (not half-up)`;
    out.push({
      relation: { type: 'average', column: a.key, parts: years.map((c) => c.key), rounding: best.rounding },
      text: `${a.key} = (${years.map((c) => c.key).join(' + ')}) ÷ ${years.length} (the yearly average, ${how}, to the decimals printed)`,
      holds: best.holds,
      of: best.of,
      breaks: best.breaks,
    });
  }
  return out;
}

/** A header naming a stage of a year's flow: exits (thoát), re-poor (tái nghèo), newly poor (phát sinh, mới), folded. */
const FLOW_STAGE = /\b(thoat|tai ngheo|phat sinh|moi)\b/;

/** Which way a review-flow column moves households of its status: out (“Thoát cận nghèo”), in (“Tái nghèo”, “Phát sinh”), or neither. */
function flowDirection(header: string): 'out' | 'in' | null {
  const h = foldVietnamese(header);
  if (/\bchuyen sang\b/.test(h)) return null; // “thoát nghèo chuyển sang cận nghèo”: out of one status, into the other
  if (/\bthoat\b/.test(h)) return 'out';
  if (/\b(tai (can )?ngheo|phat sinh)\b/.test(h)) return 'in';
  return null;
}

/**
 * Whether a sum t = parts mixes the two ways of one status's flow: its entries (tái nghèo, phát sinh)
 * with its exits (thoát), the total one way and a part of the same status (poor or near-poor) the
 * other. Such a sum is never an author's; found by figures alone it is small flows agreeing by chance.
 */
function opposedFlows(t: Col, parts: readonly Col[]): boolean {
  const way = flowDirection(t.header);
  if (way === null) return false;
  const nearPoor = (c: Col): boolean => /\bcan ngheo\b/.test(foldVietnamese(c.header));
  return parts.some((p) => nearPoor(p) === nearPoor(t) && (flowDirection(p.header) ?? way) !== way);
}
