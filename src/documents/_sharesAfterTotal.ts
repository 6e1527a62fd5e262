import { compareFractions } from '../numbers/fraction.js';
import { inDong, type ProseFigure } from './_proseFigures.js';
import { moneyBefore, nameBefore, plainFigure, type StatedContext, type StatedPara } from './_statedSums.js';
import type { ClaimFigure, TotalWithPartsClaim } from './proseClaims.js';

/** A source of money named before its amount: “Ngân sách trung ương”, “vốn huy động”, “nguồn vốn lồng ghép”, “kinh phí sự nghiệp”. */
const SOURCE = /^(?:[-+•]\s*)?(?:von|nguon|ngan sach|kinh phi)\b/;
/** The words that name a total before its figure (“Tổng nguồn vốn thực hiện năm 2024 là”). */
const TOTAL_NAME = /^tong\b|\btong (?:so )?(?:von|nguon von|kinh phi|nhu cau von)\b/;
/** Between an amount and its share: “, chiếm”, “(chiếm tỷ lệ”, “, bằng”. */
const SHARE_WORDS = /^\s*[,(]?\s*(?:chiem|bang)(?: t[yi] le)?\s+$/;
/** After a share: the end of its clause, or the total it names (“… tổng nguồn vốn”). */
const SHARE_END = /^\s*(?:%\s*)?(?:(?:so voi\s+)?(?:tong (?:so )?(von|nguon von|kinh phi|nhu cau von))\b[^.;,()]{0,40})?\s*(?:[.;,)]|$)/;
/** A share printed before its amount: “Ngân sách địa phương chiếm 36,87% (331,7 triệu đồng)”, “…, tương đương 331,7 triệu đồng”. */
const AMOUNT_AFTER = /^\s*(?:\(\s*|,\s*(?:tuong duong|tuong ung)(?: voi)?\s+)$/;

/**
 * “Tổng nguồn vốn thực hiện năm 2024 là 1.234,5 triệu đồng. Ngân sách trung ương 702,8 triệu đồng,
 * chiếm 56,93%; ngân sách địa phương …, chiếm …”: each source's share of the total printed just
 * before it, with no “trong đó” between. The total is the nearest money before the source named as a
 * total (“Tổng …”), in the same sentence or the sentences just before, with only other sources
 * printed with their shares between; a source may print its share first (“Ngân sách địa phương
 * chiếm 36,87% (331,7 triệu đồng)”). A share that names its total (“… chiếm 70% tổng vốn”) is left
 * to the document's one total of that kind. Only the shares are checked, never the sum of the sources.
 *
 * @param p - the paragraph read.
 * @param pi - its index among the paragraphs.
 * @param ctx - the claim reader's context.
 * @returns a claim for each share found.
 * @example
 * // “Tổng nguồn vốn … là 1.234,5 triệu đồng. Ngân sách trung ương 702,8 triệu đồng, chiếm 56,93%.”
 * // → [{ kind: 'total-with-parts', total: 1.234,5 triệu đồng, parts: [702,8 triệu đồng, share 56,93%], totalElsewhere: true }]
 */
export function sharesAfterTotal<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  for (const { part, share, label } of sourceShares(p)) {
    if (ctx.isUsed(p, part) || ctx.isUsed(p, share)) continue;
    const s = ctx.sentenceAt(p, Math.min(part.start, share.start));
    // a share that names its total (“… chiếm 70% tổng vốn”) is of the document's one total of that kind, read elsewhere
    if (SHARE_END.exec(p.folded.slice(share.end, share.end + 80))?.[1] !== undefined) continue;
    const total = totalBefore(p, pi, s.start, Math.min(part.start, share.start), ctx);
    if (total === undefined) continue;
    if (compareFractions(inDong(total.f), inDong(part)) < 0) continue;
    const totalFigure: ClaimFigure = { ...ctx.fig(total.q, total.f), label: labelText(total.q, total.f.start, total.name) };
    out.push({
      kind: 'total-with-parts',
      connective: 'chiếm',
      total: totalFigure,
      parts: [{ ...ctx.fig(p, part, label), share: ctx.fig(p, share) }],
      totalElsewhere: true,
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}

/** The sources of a paragraph printed with their shares: the amount, its share, and the source's name as printed. */
function sourceShares(p: StatedPara): Array<{ part: ProseFigure; share: ProseFigure; label: string }> {
  const found: Array<{ part: ProseFigure; share: ProseFigure; label: string }> = [];
  p.figures.forEach((f, i) => {
    const next = p.figures[i + 1];
    if (next === undefined) return;
    const clean = (x: ProseFigure): boolean => x.range === undefined && x.outOf === undefined;
    // “Ngân sách trung ương 702,8 triệu đồng, chiếm 56,93%”
    if (f.dimension === 'money' && next.dimension === 'percent' && plainFigure(p, f) && clean(next) && SHARE_WORDS.test(p.folded.slice(f.end, next.start)) && SHARE_END.test(p.folded.slice(next.end, next.end + 80))) {
      const s = p.sentences.find((x) => f.start >= x.start && f.start < x.end);
      const name = nameBefore(p, f, s?.start ?? 0);
      if (SOURCE.test(name) && !TOTAL_NAME.test(name)) found.push({ part: f, share: next, label: labelText(p, f.start, name) });
      return;
    }
    // “Ngân sách địa phương chiếm 36,87% (331,7 triệu đồng)”
    if (f.dimension === 'percent' && next.dimension === 'money' && plainFigure(p, next) && clean(f) && AMOUNT_AFTER.test(p.folded.slice(f.end, next.start))) {
      const lead = /((?:von|nguon|ngan sach|kinh phi)[\p{L} ]{2,60}?)\s+chiem(?: t[yi] le)?\s+$/u.exec(p.folded.slice(Math.max(0, f.start - 80), f.start));
      const before = p.figures[i - 1];
      if (lead === null || TOTAL_NAME.test(lead[1]!) || (before !== undefined && before.end > f.start - lead[0].length)) return;
      found.push({ part: next, share: f, label: labelText(p, f.start - lead[0].length + lead[0].indexOf(lead[1]!), lead[1]!) });
    }
  });
  return found;
}

/** The printed words of a folded name ending before `at` (folding keeps the length). */
function labelText(p: StatedPara, at: number, folded: string): string {
  const start = p.folded.lastIndexOf(folded, at);
  return start < 0 ? folded : p.text.slice(start, start + folded.length);
}

/**
 * The total a source's share is of: walking back from the source, the money of its sentence and of
 * the sentences before, each other source printed with its share passed over, the first money named
 * as a total (“Tổng nguồn vốn … là”); anything else first, none.
 */
function totalBefore<P extends StatedPara>(p: P, pi: number, sentenceStart: number, at: number, ctx: StatedContext<P>): { q: P; f: ProseFigure; name: string } | undefined {
  const withShare = new Set(sourceShares(p).map((x) => x.part));
  const sameSentence = p.figures.filter((f) => f.dimension === 'money' && f.start >= sentenceStart && f.end <= at).reverse().map((f) => ({ q: p, f, name: nameBefore(p, f, sentenceStart), sentence: 0 }));
  let skipped = 0;
  let lastSentence = 0;
  for (const x of [...sameSentence, ...moneyBefore(p, pi, sentenceStart, ctx)]) {
    if (TOTAL_NAME.test(x.name)) return plainFigure(x.q, x.f) && x.sentence <= skipped + 1 ? x : undefined;
    const shares = x.q === p ? withShare : new Set(sourceShares(x.q).map((y) => y.part));
    if (!shares.has(x.f)) return undefined;
    if (x.sentence !== lastSentence) skipped++;
    lastSentence = x.sentence;
  }
  return undefined;
}
