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

const CHANGE_WORD = /\b(giam|tang|them|thoat ngheo|vuot)(?: duoc| len| xuong)?\s*$/;
const sameKind = (a: ProseFigure, b: ProseFigure): boolean => a.dimension === b.dimension && (a.dimension !== 'other' || foldVietnamese(a.unitText) === foldVietnamese(b.unitText));
/** A figure a sum may take: exact, one value, not a change, not a percentage. */
const plainFigure = (p: StatedPara, f: ProseFigure): boolean => f.dimension !== 'percent' && !qualified(f) && f.range === undefined && f.outOf === undefined && !CHANGE_WORD.test(p.folded.slice(Math.max(0, f.start - 16), f.start));

/** “…, chiếm 65,05%” right after a part, before the next figure: the part's share. */
function shareAfter(p: StatedPara, f: ProseFigure, until: number): ProseFigure | undefined {
  const share = p.figures.find((g) => g.dimension === 'percent' && g.start > f.end && g.end <= until && !qualified(g) && g.range === undefined);
  if (share === undefined || p.figures.some((g) => g.start > f.end && g.start < share.start)) return undefined;
  const between = p.folded.slice(f.end, share.start);
  return /[,(]\s*(?:chiem|bang)(?: t[yi] le)?\s*$/.test(between) && !/[;.]/.test(between) ? share : undefined;
}

/**
 * “Trong số 412 hộ nghèo, có 268 hộ là hộ dân tộc thiểu số, chiếm 65,05%”, “Trong tổng số …”: the
 * groups among the figure named after “Trong (tổng) số”, each with its share of it. Groups may
 * overlap (a household short of two services), so only their shares are checked, never their sum.
 */
export function amongTotals<P extends StatedPara>(p: P, ctx: StatedContext<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  for (const m of p.folded.matchAll(/\btrong (?:tong )?so\s+/g)) {
    const total = p.figures.find((f) => f.start === m.index + m[0].length);
    if (total === undefined || !plainFigure(p, total) || ctx.isUsed(p, total)) continue;
    const s = ctx.sentenceAt(p, total.start);
    const level = p.depths[total.start] ?? 0;
    const partsAt = p.figures.filter((f) => f.start > total.end && f.end <= s.end && sameKind(f, total) && plainFigure(p, f) && (p.depths[f.start] ?? 0) === level);
    const parts: ClaimFigure[] = [];
    partsAt.forEach((f, i) => {
      const share = shareAfter(p, f, partsAt[i + 1]?.start ?? s.end);
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
    const opens = [...lead.slice(0, word.index).matchAll(/:|\b(?:gom|bao gom|trong do|cu the)\b/g)].pop();
    const from = s.start + (opens === undefined ? 0 : opens.index + opens[0].length);
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
/** A money figure's name: the words before it in its sentence (“Vốn ngân sách tỉnh”), folded, its verbs and colon left out. */
const nameBefore = (p: StatedPara, f: ProseFigure, from: number): string =>
  p.folded.slice(from, f.start).replace(/^\s*(?:[-+•]\s*)?/, '').replace(/\s*(?::|\bla|\bco|\bdat|\bbo tri|\bhuy dong)?\s*$/, '').trim();

/**
 * “Vốn ngân sách trung ương 41.250 triệu đồng. Vốn ngân sách tỉnh 4.487 triệu đồng. Vốn ngân sách
 * trung ương chiếm 90,19% tổng số vốn.”: the share of a source named in a sentence of its own, of
 * the total printed in the sentences before (“Tổng vốn …”), or else of the sum of the sources
 * printed one a sentence just before it. `totalBefore` gives the document's one total of the kind
 * when there is one.
 */
export function namedShares<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  for (const share of p.figures) {
    if (share.dimension !== 'percent' || qualified(share) || share.range !== undefined || ctx.isUsed(p, share)) continue;
    const s = ctx.sentenceAt(p, share.start);
    const named = NAMED_SHARE.exec(p.folded.slice(s.start, share.start));
    if (named === null || !SHARE_OF.test(p.folded.slice(share.end, share.end + 40))) continue;
    const name = named[1]!.trim();
    // the sources printed before, one a sentence, back to the first sentence that is not one
    const sources: Array<{ q: P; f: ProseFigure; name: string }> = [];
    let total: { q: P; f: ProseFigure } | undefined;
    let stop = false;
    for (let k = pi; k >= Math.max(0, pi - 8) && !stop; k--) {
      const q = ctx.paras[k]!;
      if (k < pi && q.block !== ctx.paras[k + 1]!.block - 1) break;
      for (const qs of [...q.sentences].reverse()) {
        if (k === pi && qs.start >= s.start) continue;
        const money = q.figures.filter((f) => f.start >= qs.start && f.end <= qs.end && f.dimension === 'money');
        const first = money[0];
        if (money.length !== 1 || first === undefined || !plainFigure(q, first)) {
          stop = true;
          break;
        }
        const n = nameBefore(q, first, qs.start);
        if (/^tong\b/.test(n)) {
          total = { q, f: first };
          stop = true;
          break;
        }
        if (!/^(?:von|nguon|ngan sach|kinh phi)\b/.test(n)) {
          stop = true;
          break;
        }
        sources.unshift({ q, f: first, name: n });
      }
    }
    const part = sources.find((x) => x.name === name || x.name.endsWith(name) || name.endsWith(x.name));
    if (part === undefined || sources.filter((x) => x === part || x.name === part.name).length !== 1) continue;
    const unit = part.f.moneyUnit;
    let totalFigure: ClaimFigure;
    if (total !== undefined) totalFigure = ctx.fig(total.q, total.f);
    else {
      if (sources.length < 2 || sources.some((x) => x.f.moneyUnit !== unit)) continue;
      const value = sumFractions(sources.map((x) => x.f.value));
      const decimals = Math.max(...sources.map((x) => x.f.decimals));
      const digits = formatVnNumber(fractionToDecimal(value).toFixed(decimals), { decimals });
      const first = sources[0]!;
      const figure: ProseFigure = { ...first.f, text: `${digits} ${first.f.unitText}`, value, decimals, digits };
      for (const x of sources) ctx.fig(x.q, x.f);
      totalFigure = { text: `${digits} ${first.f.unitText} (${sources.map((x) => x.f.digits).join(' + ')})`, location: { block: first.q.block, start: first.f.start, end: sources[sources.length - 1]!.f.end }, dimension: 'money', figure };
    }
    out.push({
      kind: 'total-with-parts',
      connective: 'chiếm',
      total: totalFigure,
      parts: [{ ...ctx.fig(part.q, part.f, p.text.slice(s.start + named.index + named[0].indexOf(named[1]!), s.start + named.index + named[0].indexOf(named[1]!) + name.length)), share: ctx.fig(p, share) }],
      totalElsewhere: true,
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}

const START_WORDS = /\b(dau nam|dau ky|dau giai doan)\b/;
const END_WORDS = /\b(cuoi nam|cuoi ky|cuoi giai doan|den nay|hien nay|hien con)\b|\bcon\s*:?\s*$/;
const subjectOf = (p: StatedPara, f: ProseFigure, from: number): string | null => {
  const around = `${p.folded.slice(from, f.start)} ${p.folded.slice(f.end, f.end + 14)}`;
  return /\bcan ngheo\b/.test(around) ? 'near-poor' : /\bngheo\b/.test(around) ? 'poor' : null;
};

/**
 * “- Đầu năm: 412 hộ nghèo (5,40%).” then “- Cuối năm: 359 hộ nghèo (4,71%), giảm 53 hộ.”: a change
 * printed after the end figure, its start figure in the line just before (a list item or a line of
 * its own naming “đầu năm”, “đầu kỳ”), of the same households.
 */
export function changesFromLineBefore<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>): ChangeClaim[] {
  const out: ChangeClaim[] = [];
  const q = ctx.paras[pi - 1];
  if (q === undefined || q.block !== p.block - 1 || q.text.length > 300 || p.text.length > 300) return out;
  for (const change of p.figures) {
    if (change.dimension !== 'households' || qualified(change) || ctx.isUsed(p, change)) continue;
    const verb = /\b(giam|tang)(?: duoc| them)?\s*$/.exec(p.folded.slice(Math.max(0, change.start - 14), change.start));
    if (verb === null || /^\s*\/\s*nam\b/.test(p.folded.slice(change.end, change.end + 8))) continue;
    const s = ctx.sentenceAt(p, change.start);
    const to = p.figures.find((f) => f.start >= s.start && f.end <= change.start && sameKind(f, change) && plainFigure(p, f));
    if (to === undefined || p.figures.some((f) => f !== to && f.start > to.end && f.start < change.start && sameKind(f, change))) continue;
    if (!END_WORDS.test(p.folded.slice(s.start, to.start))) continue;
    // “giảm 53 hộ so với …”: a change against another figure than the line before
    if (/^\s*(?:hộ|ho)?[\p{L} ]{0,12}\bso voi\b/u.test(p.folded.slice(change.end, change.end + 30))) continue;
    const subject = subjectOf(p, to, s.start);
    const starts = q.figures.filter((f) => sameKind(f, change) && plainFigure(q, f) && START_WORDS.test(q.folded.slice(ctx.sentenceAt(q, f.start).start, f.start)) && subjectOf(q, f, ctx.sentenceAt(q, f.start).start) === subject);
    if (starts.length !== 1 || START_WORDS.test(p.folded)) continue;
    const from = starts[0]!;
    const [a, b] = verb[1] === 'giam' ? [from.value, to.value] : [to.value, from.value];
    // the arithmetic is checked by the change checker; only read the pair when the direction holds
    if (compareFractions(subtractFractions(a, b), fraction(0n)) < 0) continue;
    out.push({
      kind: 'change',
      from: ctx.fig(q, from),
      to: ctx.fig(p, to),
      change: ctx.fig(p, change),
      direction: verb[1] === 'giam' ? 'down' : 'up',
      sentence: `${q.text.trim()} ${p.text.slice(s.start, s.end).trim()}`,
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
