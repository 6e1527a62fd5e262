import { qualified, type ProseFigure } from './_proseFigures.js';
import { subjectAfter } from './_startBefore.js';
import type { StatedContext, StatedPara } from './_statedSums.js';
import { stockCount } from './_stockFigures.js';
import type { ChangeClaim } from './proseClaims.js';

/** “giảm 612 hộ so với đầu năm (”: the change's verb is before it, “so với” a moment and an opening bracket after it. */
const VERB_BEFORE = /\b(giam|tang)(?: duoc| them)?\s*$/;
const SINCE_AFTER = /^\s*(?:ho\s+)?(?:(can ngheo|ngheo)\s+)?so voi (?:(?:dau|cuoi) (?:nam|ky)|nam truoc|cung ky|nam)(?: (?:19|20)\d\d)?\s*\(/;
/** What may come before the start in its bracket: its moment and a verb (“đầu năm 2026 có”, “năm 2025 là”), or nothing. */
const START_LEAD = /^\s*(?:(?:(?:dau|cuoi) (?:nam|ky)|nam)(?: (?:19|20)\d\d)?\s*,?\s*(?:(?:toan|ca) (?:xa|phuong|thi tran|huyen|thi xa|quan|thanh pho|tinh)\s+)?(?:co|la|:)?\s*)?$/;

/**
 * “Cuối năm 2026 toàn huyện có 4.215 hộ nghèo, chiếm tỷ lệ 18,35% (…); giảm 612 hộ so với đầu năm (đầu năm 2026
 * có 4.827 hộ nghèo)”: a change of a household count printed after its end, its start in the brackets right after
 * “so với …”. The end is the last count of the poor (or near-poor) printed as a stock before the change in its
 * sentence, with no other household count between them outside brackets; the start is the one household count in the
 * brackets, after nothing but its moment (“(4.827 hộ)”, “(đầu năm 2026 có 4.827 hộ nghèo, tỷ lệ 21,01%)”). A
 * bracket of other households, of a part or of the exits, or a change whose end is not plain, is not read.
 *
 * @returns the changes read, each with the start of its sentence (the caller marks the sentence read).
 * @example
 * // “…có 4.215 hộ nghèo, giảm 621 hộ so với đầu năm (4.827 hộ)”
 * // → [{ kind: 'change', from: 4.827 hộ, to: 4.215 hộ, change: 621 hộ, direction: 'down' }]
 */
export function cutsBeforeTheirStart<P extends StatedPara>(p: P, ctx: StatedContext<P>, read: (sentenceStart: number) => boolean): ChangeClaim[] {
  const out: ChangeClaim[] = [];
  const outside = (f: ProseFigure): boolean => (p.depths[f.start] ?? 0) === 0;
  for (const f of p.figures) {
    if (f.dimension !== 'households' || qualified(f) || ctx.isUsed(p, f) || !outside(f)) continue;
    const s = ctx.sentenceAt(p, f.start);
    if (read(s.start)) continue;
    const verb = VERB_BEFORE.exec(p.folded.slice(Math.max(s.start, f.start - 14), f.start));
    const since = SINCE_AFTER.exec(p.folded.slice(f.end, Math.min(s.end, f.end + 60)));
    if (verb === null || since === null) continue;
    const open = f.end + since[0].length;
    const close = p.folded.indexOf(')', open);
    if (close < 0 || close > s.end) continue;
    const inside = p.figures.filter((g) => g.start >= open && g.end <= close && g.dimension === 'households');
    const start = inside.length === 1 ? inside[0]! : undefined;
    if (start === undefined || qualified(start) || !START_LEAD.test(p.folded.slice(open, start.start))) continue;
    // the end: the last stock of the poor or near-poor before the change, no other count between them outside brackets
    const before = p.figures.filter((g) => g.start >= s.start && g.end <= f.start && g.dimension === 'households' && outside(g));
    const end = before[before.length - 1];
    if (end === undefined || qualified(end)) continue;
    const endSubject = stockCount(end, p.folded.slice(s.start, end.start), p.folded.slice(end.end, f.start));
    if (endSubject !== 'poor' && endSubject !== 'near-poor') continue;
    const startSubject = subjectAfter(p.folded.slice(start.end, close));
    const changeSubject = since[1] === undefined ? null : since[1] === 'can ngheo' ? 'near-poor' : 'poor';
    if ((startSubject !== null && startSubject !== endSubject) || (changeSubject !== null && changeSubject !== endSubject)) continue;
    out.push({
      kind: 'change',
      from: ctx.fig(p, start),
      to: ctx.fig(p, end),
      change: ctx.fig(p, f),
      direction: verb[1] === 'giam' ? 'down' : 'up',
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}
