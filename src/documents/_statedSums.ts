import { compareFractions, fraction, fractionToDecimal, subtractFractions, sumFractions } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import { qualified, type ProseFigure } from './_proseFigures.js';
import type { ChangeClaim, ClaimFigure, TotalWithPartsClaim, YearlyAverageClaim } from './proseClaims.js';

/** The parts of a paragraph these readers use (a paragraph as {@link extractClaims} reads it). */
export interface StatedPara {
  readonly block: number;
  readonly text: string;
  readonly folded: string;
  readonly listItem: boolean;
  readonly figures: readonly ProseFigure[];
  readonly sentences: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  readonly depths: readonly number[];
}

/** What the readers need from the claim reader: the figure as a claim's (marking it used), whether a figure is used, where its sentence is. */
export interface StatedContext<P extends StatedPara = StatedPara> {
  readonly paras: readonly P[];
  readonly fig: (p: P, f: ProseFigure, label?: string) => ClaimFigure;
  readonly isUsed: (p: P, f: ProseFigure) => boolean;
  readonly sentenceAt: (p: P, offset: number) => { start: number; end: number };
}

/**
 * The claim of one part's share of a total printed before it (“Có 35 hộ nghèo là hộ dân tộc thiểu
 * số, chiếm trên 1/3 số hộ nghèo”, “… bằng 37,07% số hộ nghèo và hộ cận nghèo đầu năm”): only the
 * share is checked, never a sum (`totalElsewhere`). Marks the three figures used.
 *
 * @param ctx - the claim reader's context.
 * @param connective - the verb of the share as the claim names it (`'chiếm'`, `'bằng'`).
 * @param total - the total and its paragraph.
 * @param p - the paragraph of the part and its share.
 * @param part - the part.
 * @param share - its share of the total.
 * @returns the claim, located at the share's sentence.
 * @example
 * // “Toàn xã có 97 hộ nghèo. Có 35 hộ nghèo là hộ dân tộc thiểu số, chiếm trên 1/3 số hộ nghèo.”
 * // → { kind: 'total-with-parts', connective: 'chiếm', total: 97 hộ, parts: [35 hộ, share “trên 1/3”], totalElsewhere: true }
 */
export function shareOfTotalClaim<P extends StatedPara>(ctx: StatedContext<P>, connective: string, total: { readonly q: P; readonly f: ProseFigure }, p: P, part: ProseFigure, share: ProseFigure): TotalWithPartsClaim {
  const s = ctx.sentenceAt(p, share.start);
  return {
    kind: 'total-with-parts',
    connective,
    total: ctx.fig(total.q, total.f),
    parts: [{ ...ctx.fig(p, part), share: ctx.fig(p, share) }],
    totalElsewhere: true,
    sentence: p.text.slice(s.start, s.end).trim(),
    location: { block: p.block, start: s.start, end: s.end },
  };
}

const CHANGE_WORD = /\b(giam|tang|them|thoat ngheo|vuot)(?: duoc| len| xuong)?\s*$/;
const sameKind = (a: ProseFigure, b: ProseFigure): boolean => a.dimension === b.dimension && (a.dimension !== 'other' || foldVietnamese(a.unitText) === foldVietnamese(b.unitText));
/** A figure a sum may take: exact, one value, not a change, not a percentage. */
export const plainFigure = (p: StatedPara, f: ProseFigure): boolean => f.dimension !== 'percent' && !qualified(f) && f.range === undefined && f.outOf === undefined && !CHANGE_WORD.test(p.folded.slice(Math.max(0, f.start - 16), f.start));

/** “…, chiếm 65,05%” (or “(65,05%)”) right after a part, before the next figure: the part's share. */
function shareAfter(p: StatedPara, f: ProseFigure, until: number): ProseFigure | undefined {
  const share = p.figures.find((g) => g.dimension === 'percent' && g.start > f.end && g.end <= until && !qualified(g) && g.range === undefined);
  if (share === undefined || p.figures.some((g) => g.start > f.end && g.start < share.start)) return undefined;
  const between = p.folded.slice(f.end, share.start);
  // “…, chiếm 65,05%”, or the share alone in brackets (“702 hộ DTTS (65,73%)”)
  const alone = /^[^\d%()]*\(\s*$/.test(between) && /^\s*\)/.test(p.folded.slice(share.end, share.end + 3));
  return (/[,(]\s*(?:chiem|bang)(?: t[yi] le)?\s*$/.test(between) || alone) && !/[;.]/.test(between) ? share : undefined;
}

/**
 * “Trong số 412 hộ nghèo, có 268 hộ là hộ dân tộc thiểu số, chiếm 65,05%”, “Trong tổng số …”,
 * “Trong 6.420 hộ nghèo có 4.210 hộ DTTS, chiếm 65,58%”: the groups among the figure named after
 * “Trong (tổng) số” (or right after “Trong”, a count of households or people), each with its share of it. Groups may
 * overlap (a household short of two services), so only their shares are checked, never their sum.
 */
export function amongTotals<P extends StatedPara>(p: P, ctx: StatedContext<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  for (const m of p.folded.matchAll(/\btrong (?:(?:tong )?so\s+)?/g)) {
    const total = p.figures.find((f) => f.start === m.index + m[0].length);
    if (total === undefined || !plainFigure(p, total) || ctx.isUsed(p, total)) continue;
    // “Trong 6.420 hộ nghèo có …” without “số”: only a count of households or people (not “trong 6 tháng”)
    if (!/\bso\s+$/.test(m[0]) && total.dimension !== 'households' && total.dimension !== 'persons') continue;
    const s = ctx.sentenceAt(p, total.start);
    const level = p.depths[total.start] ?? 0;
    const partsAt = p.figures.filter((f) => f.start > total.end && f.end <= s.end && sameKind(f, total) && plainFigure(p, f) && (p.depths[f.start] ?? 0) === level);
    const parts: ClaimFigure[] = [];
    partsAt.forEach((f, i) => {
      const share = shareAfter(p, f, partsAt[i + 1]?.start ?? s.end);
      // “chiếm 3,5% tổng số hộ dân cư”: a share of another base than the figure after “Trong số”
      const of = share === undefined ? '' : p.folded.slice(share.end, share.end + 40);
      if (share !== undefined && !/^\s*(?:[.;,)]|$)/.test(of) && !(/^\s*(?:so voi\s+)?(?:tong )?so\s/.test(of) && of.replace(/^\s*(?:so voi\s+)?(?:tong )?so\s+/, '').startsWith(p.folded.slice(total.end, total.end + 20).trim().split(/[,;.]/)[0]!.trim()))) return;
      if (share !== undefined && !ctx.isUsed(p, share)) parts.push({ ...ctx.fig(p, f), share: ctx.fig(p, share) });
    });
    if (parts.length === 0) continue;
    out.push({
      kind: 'total-with-parts',
      connective: p.text.slice(m.index, m.index + m[0].trimEnd().length),
      total: ctx.fig(p, total),
      parts,
      totalElsewhere: true,
      subsets: true,
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}

/** The words that print a grand total after its parts: “tổng cộng”, “tổng số”, “cộng”, “tất cả”, “tổng”, with “là”, “:” or “có”. */
const GRAND_TOTAL = /(?:[,;:(]|\bva)\s*(?:tong cong|tong so|cong|tat ca|tong)(?:\s+(?:la|co|duoc|gom))?\s*:?\s*$/;

/**
 * “cấp 520 thẻ BHYT cho người nghèo, 385 thẻ cho người cận nghèo, tổng cộng 905 thẻ”: a total printed
 * after its parts in one sentence (“tổng cộng”, “tổng số”, “cộng”, “tất cả”). The parts are the
 * figures of the same kind before it in the sentence, from the last clause that opens a list
 * (“:”, “gồm”, “trong đó”) when there is one.
 */
export function grandTotals<P extends StatedPara>(p: P, ctx: StatedContext<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  for (const total of p.figures) {
    if (!plainFigure(p, total) || ctx.isUsed(p, total)) continue;
    const s = ctx.sentenceAt(p, total.start);
    const lead = p.folded.slice(s.start, total.start);
    const word = GRAND_TOTAL.exec(lead);
    if (word === null) continue;
    const opens = [...lead.slice(0, word.index).matchAll(/[:;]|\b(?:gom|bao gom|trong do|cu the)\b/g)].pop();
    const from = s.start + (opens === undefined ? 0 : opens.index + opens[0].length);
    // “38 hộ x 30 triệu đồng, tổng 1.140 triệu đồng”: a product, not a sum (read with the amounts per unit)
    if (/[×*]|\sx\s|\/\s*(?:ho|nguoi|lao dong|hoc sinh|thang|nam)\b/.test(p.folded.slice(from, total.start))) continue;
    const level = p.depths[total.start] ?? 0;
    const candidates = p.figures.filter((f) => f.start >= from && f.end <= s.start + word.index && sameKind(f, total) && (p.depths[f.start] ?? 0) === level);
    if (candidates.length < 2 || candidates.some((f) => !plainFigure(p, f) || ctx.isUsed(p, f))) continue;
    // money in one unit only: parts in other units are read by the total-with-parts reader
    if (total.dimension === 'money' && candidates.some((f) => f.moneyUnit !== total.moneyUnit)) continue;
    out.push({
      kind: 'total-with-parts',
      connective: p.text.slice(s.start + word.index, total.start).replace(/^[\s,;:(]+|\s*:?\s*$/g, ''),
      total: ctx.fig(p, total),
      parts: candidates.map((f) => ctx.fig(p, f)),
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}

/** “Vốn ngân sách trung ương chiếm 90,19% tổng số vốn”: a named part's share of the total, in a sentence with no figure of its own. */
const NAMED_SHARE = /^\s*(?:[-+•]\s*)?((?:von|nguon|ngan sach|kinh phi)[\p{L} ]{2,60}?)\s+chiem(?: t[yi] le)?\s+$/u;
const SHARE_OF = /^\s*(?:%\s*)?(?:so voi\s+)?(?:tong (?:so )?(?:von|nguon von|kinh phi|nhu cau von))\b/;
/** A money figure's name: the words before it back to the last figure or separator (“Vốn ngân sách tỉnh”, “ngân sách trung ương”), folded, its verbs and colon left out. */
export function nameBefore(p: StatedPara, f: ProseFigure, from: number): string {
  let start = from;
  for (const g of p.figures) if (g.end <= f.start && g.end > start) start = g.end;
  const cut = Math.max(p.folded.lastIndexOf(';', f.start - 1), p.folded.lastIndexOf(':', f.start - 1), p.folded.lastIndexOf(',', f.start - 1));
  // “Tổng kinh phí …: 96.500 triệu đồng”: a colon right before the figure ends its name, not starts it
  if (cut >= start && p.folded.slice(cut + 1, f.start).trim() !== '') start = cut + 1;
  return p.folded.slice(start, f.start).replace(/^[\s,;:.()]*(?:[-+•]\s*)?(?:trong do|gom|bao gom)?\s*:?\s*/, '').replace(/\s*(?::|\bla|\bco|\bdat|\bbo tri|\bhuy dong)?\s*$/, '').trim();
}

/** The money printed before a sentence, nearest first, sentence by sentence, in its paragraph and the few consecutive ones just before it, each with its name ({@link nameBefore}). */
export function moneyBefore<P extends StatedPara>(p: P, pi: number, sentenceStart: number, ctx: StatedContext<P>): Array<{ q: P; f: ProseFigure; name: string; alone: boolean; sentence: number }> {
  const before: Array<{ q: P; f: ProseFigure; name: string; alone: boolean; sentence: number }> = [];
  for (let k = pi, n = 0; k >= Math.max(0, pi - 8); k--) {
    const q = ctx.paras[k]!;
    if (k < pi && q.block !== ctx.paras[k + 1]!.block - 1) break;
    for (const qs of [...q.sentences].reverse()) {
      if (k === pi && qs.start >= sentenceStart) continue;
      n++;
      const money = q.figures.filter((f) => f.start >= qs.start && f.end <= qs.end && f.dimension === 'money');
      for (const f of [...money].reverse()) before.push({ q, f, name: nameBefore(q, f, qs.start), alone: money.length === 1, sentence: n });
    }
  }
  return before;
}

/** A name without the list marker or the “và” before it (“a) vốn ngân sách trung ương”, “và vốn sự nghiệp”). */
const bareName = (name: string): string => name.replace(/^(?:[a-z]\)|\d+(?:\.\d+)*[.)]|[-+•])\s*/, '').replace(/^va\s+/, '');

/**
 * The amounts printed before a sentence anywhere earlier in the document under `name`: their own name
 * (“Vốn ngân sách trung ương: 1.032.400,5 triệu đồng”), or a part's name with its total's source
 * (“vốn sự nghiệp 296.800,5 triệu đồng” in “Vốn ngân sách trung ương: …, gồm vốn đầu tư phát triển … và
 * vốn sự nghiệp …” is the “vốn sự nghiệp ngân sách trung ương”).
 */
function namedEarlier<P extends StatedPara>(p: P, pi: number, sentenceStart: number, name: string, ctx: StatedContext<P>): Array<{ q: P; f: ProseFigure }> {
  const out: Array<{ q: P; f: ProseFigure }> = [];
  for (let k = 0; k <= pi; k++) {
    const q = ctx.paras[k]!;
    for (const qs of q.sentences) {
      if (k === pi && qs.start >= sentenceStart) break;
      const money = q.figures.filter((f) => f.start >= qs.start && f.end <= qs.end && f.dimension === 'money');
      for (const [i, f] of money.entries()) {
        const own = bareName(nameBefore(q, f, qs.start));
        // the source of the total this part is listed under, in its sentence (“…, gồm …”, “trong đó …”)
        const parent = money.slice(0, i).reverse().find((g) => /\b(?:gom|bao gom|trong do)\b/.test(q.folded.slice(g.end, f.start)));
        const source = parent === undefined ? null : /^(?:von |nguon von )?(ngan sach [\p{L} ]+)$/u.exec(bareName(nameBefore(q, parent, qs.start)))?.[1];
        if (own === name || (source != null && `${own} ${source}` === name)) out.push({ q, f });
      }
    }
  }
  return out;
}

/** “…: 14.010,5 triệu đồng, bằng 10,00% vốn ngân sách Trung ương”: an amount, then its percent of a named amount. */
// …the amount's own source may be named between (“… là 13.008 triệu đồng vốn sự nghiệp ngân sách trung ương, chiếm 4,4% …”)
const PERCENT_OF_NAMED = /^\s*(?:(?:von|nguon|ngan sach|kinh phi)[\p{L} ]{0,60})?[,(]\s*(?:bang|chiem)(?: t[yi] le)?\s+$/u;
// …its name ends before a bracket too (“bằng 10,8% vốn ngân sách trung ương (mức đối ứng tối thiểu 10%)”)
const NAMED_AFTER = /^\s*(?:so voi\s+|cua\s+)?((?:von|nguon|ngan sach|kinh phi)(?! huy dong| khac)[\p{L} ]{2,60}?)\s*(?:[.;,()]|$)/u;

/**
 * “Vốn ngân sách địa phương đối ứng: 14.010,5 triệu đồng, bằng 10,00% vốn ngân sách Trung ương”: an
 * amount's percent of another amount named after it and printed in a sentence before, with its name
 * (“Vốn ngân sách Trung ương: 140.100,5 triệu đồng”) and one value.
 */
export function percentsOfNamed<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  for (const share of p.figures) {
    if (share.dimension !== 'percent' || qualified(share) || share.range !== undefined || ctx.isUsed(p, share)) continue;
    const amount = [...p.figures].reverse().find((f) => f.end <= share.start);
    const named = NAMED_AFTER.exec(p.folded.slice(share.end, share.end + 80));
    if (amount === undefined || amount.dimension !== 'money' || !plainFigure(p, amount) || named === null || !PERCENT_OF_NAMED.test(p.folded.slice(amount.end, share.start))) continue;
    const name = named[1]!.trim();
    if (/^tong\b/.test(name)) continue;
    const s = ctx.sentenceAt(p, share.start);
    const near = moneyBefore(p, pi, s.start, ctx).filter((x) => x.name === name || x.name.endsWith(` ${name}`));
    const before = near.length > 0 ? near : namedEarlier(p, pi, s.start, name, ctx);
    const total = before[0];
    if (total === undefined || !plainFigure(total.q, total.f) || total.f.moneyUnit !== amount.moneyUnit || before.some((x) => compareFractions(x.f.value, total.f.value) !== 0)) continue;
    const labelAt = share.end + named.index + named[0].indexOf(named[1]!);
    out.push({
      kind: 'total-with-parts',
      connective: 'bằng',
      total: { ...ctx.fig(total.q, total.f), label: p.text.slice(labelAt, labelAt + name.length) },
      parts: [{ ...ctx.fig(p, amount), share: ctx.fig(p, share) }],
      totalElsewhere: true,
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}

/**
 * “Vốn ngân sách trung ương 41.250 triệu đồng. Vốn ngân sách tỉnh 4.487 triệu đồng. Vốn ngân sách
 * trung ương chiếm 90,19% tổng số vốn.”: the share of a source named in a sentence of its own, of
 * the total printed before it (“Tổng vốn …”, “Tổng kinh phí … là …, trong đó: …”), or else of the
 * sum of the sources printed one a sentence just before it.
 */
export function namedShares<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  for (const share of p.figures) {
    if (share.dimension !== 'percent' || qualified(share) || share.range !== undefined || ctx.isUsed(p, share)) continue;
    const s = ctx.sentenceAt(p, share.start);
    const named = NAMED_SHARE.exec(p.folded.slice(s.start, share.start));
    if (named === null || !SHARE_OF.test(p.folded.slice(share.end, share.end + 40)) || p.figures.some((f) => f.dimension === 'money' && f.start >= s.start && f.end <= s.end)) continue;
    const name = named[1]!.trim();
    const before = moneyBefore(p, pi, s.start, ctx);
    const at = before.findIndex((x) => x.name !== '' && (x.name === name || x.name.endsWith(` ${name}`) || name.endsWith(` ${x.name}`)));
    const part = before[at];
    if (part === undefined || !plainFigure(part.q, part.f) || before.some((x, i) => i !== at && x.name === part.name)) continue;
    // “… với tổng số vốn là 154.111,0 triệu đồng”: the total's words may end a longer lead-in
    const total = before.slice(at).find((x) => /^tong\b|\btong (?:so )?(?:von|nguon von|kinh phi|nhu cau von)$/.test(x.name) && plainFigure(x.q, x.f));
    let totalFigure: ClaimFigure;
    if (total !== undefined) totalFigure = ctx.fig(total.q, total.f);
    else {
      // no total printed: the sources one a sentence around the part, each named as a source
      let first = at;
      let last = at;
      const source = (x: (typeof before)[number] | undefined): boolean => x !== undefined && x.alone && plainFigure(x.q, x.f) && /^(?:von|nguon|ngan sach|kinh phi)\b/.test(x.name);
      while (source(before[first + 1]) && before[first + 1]!.sentence === before[first]!.sentence + 1) first++;
      while (last > 0 && source(before[last - 1]) && before[last - 1]!.sentence === before[last]!.sentence - 1) last--;
      const sources = before.slice(last, first + 1).reverse();
      if (!source(part) || sources.length < 2 || sources.some((x) => x.f.moneyUnit !== part.f.moneyUnit)) continue;
      const value = sumFractions(sources.map((x) => x.f.value));
      const decimals = Math.max(...sources.map((x) => x.f.decimals));
      const digits = formatVnNumber(fractionToDecimal(value).toFixed(decimals), { decimals });
      const one = sources[0]!;
      const figure: ProseFigure = { ...one.f, text: `${digits} ${one.f.unitText}`, value, decimals, digits };
      for (const x of sources) ctx.fig(x.q, x.f);
      totalFigure = { text: `${digits} ${one.f.unitText} (${sources.map((x) => x.f.digits).join(' + ')})`, location: { block: one.q.block, start: one.f.start, end: one.f.end }, dimension: 'money', figure };
    }
    const labelAt = s.start + named[0].indexOf(named[1]!);
    out.push({
      kind: 'total-with-parts',
      connective: 'chiếm',
      total: totalFigure,
      parts: [{ ...ctx.fig(part.q, part.f, p.text.slice(labelAt, labelAt + name.length)), share: ctx.fig(p, share) }],
      totalElsewhere: true,
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}

const START_WORDS = /\b(dau nam|dau ky|dau giai doan)\b/;
const END_WORDS = /\b(cuoi nam|cuoi ky|cuoi giai doan|den nay|hien nay|hien con)\b|\bcon\s*:?\s*$/;

/** The words a figure is said under: its sentence before it, and a question or heading line just before its paragraph (“Câu 3. Số hộ nghèo cuối năm?” over “Trả lời: 153 hộ”). */
function saidUnder<P extends StatedPara>(ctx: StatedContext<P>, k: number, f: ProseFigure): string {
  const q = ctx.paras[k]!;
  const lead = q.folded.slice(ctx.sentenceAt(q, f.start).start, f.start);
  const above = ctx.paras[k - 1];
  const asked = above !== undefined && above.block === q.block - 1 && above.text.length <= 200 && above.figures.length === 0 && /[?:]\s*$/.test(above.text) ? above.folded : '';
  return `${asked} ${lead}`;
}

const subjectIn = (words: string): string | null => (/\bcan ngheo\b/.test(words) ? 'near-poor' : /\bngheo\b/.test(words) ? 'poor' : null);

/**
 * “- Đầu năm: 412 hộ nghèo (5,40%).” then “- Cuối năm: 359 hộ nghèo (4,71%), giảm 53 hộ.”: a change
 * printed after the end figure, its start figure in a line a little before (a list item, a line of
 * its own, the answer to a question) said under “đầu năm”, “đầu kỳ”, of the same households.
 */
export function changesFromLineBefore<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>): ChangeClaim[] {
  const out: ChangeClaim[] = [];
  if (p.text.length > 300) return out;
  for (const change of p.figures) {
    if (change.dimension !== 'households' || qualified(change) || ctx.isUsed(p, change)) continue;
    const verb = /\b(giam|tang)(?: duoc| them)?\s*$/.exec(p.folded.slice(Math.max(0, change.start - 14), change.start));
    if (verb === null || /^\s*\/\s*nam\b/.test(p.folded.slice(change.end, change.end + 8))) continue;
    const s = ctx.sentenceAt(p, change.start);
    const to = p.figures.find((f) => f.start >= s.start && f.end <= change.start && sameKind(f, change) && plainFigure(p, f));
    if (to === undefined || p.figures.some((f) => f !== to && f.start > to.end && f.start < change.start && sameKind(f, change))) continue;
    const under = saidUnder(ctx, pi, to);
    if (!END_WORDS.test(under) || START_WORDS.test(under)) continue;
    // “giảm 53 hộ so với …”: a change against another figure than the line before
    if (/^\s*(?:ho)?[\p{L} ]{0,12}\bso voi\b/u.test(p.folded.slice(change.end, change.end + 30))) continue;
    const subject = subjectIn(`${under} ${p.folded.slice(to.end, to.end + 14)}`);
    // the nearest line before, of at most four, that prints the start of the same households
    let starts: ProseFigure[] = [];
    let q: P | undefined;
    for (let k = pi - 1; k >= Math.max(0, pi - 4) && starts.length === 0; k--) {
      q = ctx.paras[k]!;
      if (q.block !== ctx.paras[k + 1]!.block - 1 || q.text.length > 300) break;
      const r = q;
      starts = r.figures.filter((f) => sameKind(f, change) && plainFigure(r, f) && START_WORDS.test(saidUnder(ctx, k, f)) && subjectIn(`${saidUnder(ctx, k, f)} ${r.folded.slice(f.end, f.end + 14)}`) === subject);
    }
    if (starts.length !== 1 || q === undefined) continue;
    const from = starts[0]!;
    const [a, b] = verb[1] === 'giam' ? [from.value, to.value] : [to.value, from.value];
    // read only when the direction holds: a rise printed as “giảm” is another relation
    if (compareFractions(subtractFractions(a, b), fraction(0n)) < 0) continue;
    out.push({
      kind: 'change',
      from: ctx.fig(q, from),
      to: ctx.fig(p, to),
      change: ctx.fig(p, change),
      direction: verb[1] === 'giam' ? 'down' : 'up',
      sentence: `${q.text.trim()} … ${p.text.slice(s.start, s.end).trim()}`,
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}

const COUNT_AVERAGE_BEFORE = /\b(?:binh quan|trung binh)(?:\s+(?:moi nam|hang nam|mot nam))?(?:\s+(?:giam|tang))?(?:\s+(?:duoc|la))?\s*$|\b(?:moi nam|hang nam)(?:\s+(?:giam|tang))(?:\s+duoc)?\s*$/;

/**
 * “giảm 240 hộ trong 3 năm, bình quân mỗi năm giảm 80 hộ”: a count changed over a number of years
 * printed with it (“trong 3 năm”, “sau 3 năm”), and its yearly average.
 */
export function countAverages<P extends StatedPara>(p: P, ctx: StatedContext<P>): YearlyAverageClaim[] {
  const out: YearlyAverageClaim[] = [];
  for (const avg of p.figures) {
    if ((avg.dimension !== 'households' && avg.dimension !== 'persons') || qualified(avg) || avg.range !== undefined || ctx.isUsed(p, avg)) continue;
    if (!COUNT_AVERAGE_BEFORE.test(p.folded.slice(Math.max(0, avg.start - 40), avg.start))) continue;
    const s = ctx.sentenceAt(p, avg.start);
    const change = [...p.figures].reverse().find((f) => f.start >= s.start && f.end <= avg.start && sameKind(f, avg) && f.qualifier === null && f.range === undefined);
    if (change === undefined || ctx.isUsed(p, change)) continue;
    const verb = /\b(giam|tang)(?: duoc| them)?\s*$/.exec(p.folded.slice(Math.max(0, change.start - 14), change.start));
    const span = /^\s*(?:ho|nguoi)?[\p{L} ]{0,20}?\b(?:trong|sau)\s+(\d{1,2})\s+nam\b/u.exec(p.folded.slice(change.end, avg.start));
    if (verb === null || span === null || p.figures.some((f) => f.start > change.end && f.end < avg.start && f.dimension === avg.dimension)) continue;
    const years = Number(span[1]);
    if (years < 2) continue;
    out.push({
      kind: 'yearly-average',
      average: ctx.fig(p, avg),
      change: ctx.fig(p, change),
      from: null,
      to: null,
      years: [years],
      direction: verb[1] === 'tang' ? 'up' : 'down',
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}

/** A lead that hands a figure out by place: “Chỉ tiêu giảm hộ nghèo giao cho từng xã:”, “phân bổ cho các huyện như sau:”, “cụ thể từng thôn:”. */
const SPLIT_LEAD = /\b(?:giao|phan bo|phan chia|chia)(?: chi tieu)?(?: cho)? (?:tung|cac|moi) (?:xa|phuong|thi tran|huyen|thon|ban|to dan pho|don vi|dia phuong)\b[^:;.\d]{0,40}:\s*$|\bcu the(?: (?:tung|cac|o cac|cho tung|tai cac) (?:xa|phuong|huyen|thon|ban|dia phuong|don vi))?\s*(?:nhu sau)?\s*:\s*$/;
/** A place at the head of a part: “xã Bản Xèo”, “thôn Nà Khá”, “phường 3”. */
const PLACE_HEAD = /^\s*(?:-\s*)?(?:xa|phuong|thi tran|huyen|thi xa|thanh pho|thon|ban|to dan pho|khu pho|ap|xom|to)\s+\S/;

/**
 * “- Phấn đấu … tương đương giảm 533 hộ nghèo; …” then “- Chỉ tiêu giảm hộ nghèo giao cho từng xã: xã Bản
 * Xèo 63 hộ, xã Pa Cheo 62 hộ, …”: a change handed out by place, each place with its count, in the line
 * after the one that prints the change (or its own sentence before the colon). The total is the one
 * change of the same households (“giảm N hộ nghèo”; cận nghèo apart) printed there; the parts are every
 * count of the list, each after a place's name, and they must add up to it.
 */
export function splitOfLineBefore<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  for (const s of p.sentences) {
    const colon = p.folded.indexOf(':', s.start);
    if (colon < 0 || colon >= s.end) continue;
    const lead = p.folded.slice(s.start, colon + 1);
    if (!SPLIT_LEAD.test(lead) || p.figures.some((f) => f.start >= s.start && f.end <= colon)) continue;
    const status = /\bgiam (?:so )?ho can ngheo\b/.test(lead) ? 'can ngheo' : /\bgiam (?:so )?ho ngheo\b/.test(lead) ? 'ngheo' : null;
    if (status === null) continue;
    // the parts: every figure of the list, each after a place's name and of households
    const figures = p.figures.filter((f) => f.start > colon && f.end <= s.end);
    if (figures.length < 2 || figures.some((f) => f.dimension !== 'households' || !plainFigure(p, f) || ctx.isUsed(p, f))) continue;
    const heads = figures.map((f, i) => p.folded.slice(i === 0 ? colon + 1 : figures[i - 1]!.end, f.start).replace(/^\s*(?:ho\b)?\s*(?:ngheo\b)?\s*[,;]?/, ''));
    if (heads.some((h) => !PLACE_HEAD.test(h) || /\b(?:giam|tang|chiem|trong do)\b/.test(h))) continue;
    // the total: the one change of the same households in the line before (a list item, a line of its own)
    const q = ctx.paras[pi - 1];
    if (q === undefined || q.block !== p.block - 1) continue;
    const changes = q.figures.filter((f) => f.dimension === 'households' && !qualified(f) && /\bgiam\s*$/.test(q.folded.slice(Math.max(0, f.start - 8), f.start)) && new RegExp(String.raw`^\s*(?:ho\s+)?${status}\b`).test(q.folded.slice(f.end, f.end + 16)) && (status === 'can ngheo' || !/^\s*(?:ho\s+)?ngheo\s*(?:va|,)\s*(?:ho\s+)?can ngheo\b/.test(q.folded.slice(f.end, f.end + 30))));
    if (changes.length !== 1) continue;
    const total = changes[0]!;
    out.push({
      kind: 'total-with-parts',
      connective: p.text.slice(s.start, colon).replace(/^[\s\-–•+*]+/, '').trim(),
      total: ctx.fig(q, total),
      parts: figures.map((f, i) => ctx.fig(p, f, p.text.slice(i === 0 ? colon + 1 : figures[i - 1]!.end, f.start).replace(/^[\s,;]+/, '').trim())),
      sentence: `${q.text.trim()} … ${p.text.slice(s.start, s.end).trim()}`,
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}
