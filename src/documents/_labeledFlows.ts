import { placesOfFigure } from './_placeNames.js';
import { qualified, type ProseFigure } from './_proseFigures.js';
import type { StatedContext, StatedPara } from './_statedSums.js';
import { NARROWED } from './_stockFigures.js';
import type { FlowClaim } from './proseClaims.js';

/** What one household figure of a flow is, from the words of its own clause. */
type Role = 'start' | 'exit' | 'entry' | 'end';

/** An exit's words: “thoát (cận) nghèo”. */
export const EXIT = /\bthoat (?:can )?ngheo\b/;
/** An entry's words: “tái (cận) nghèo”, “phát sinh (mới)”, “(cận) nghèo mới”. */
export const ENTRY = /\b(?:tai (?:can )?ngheo|phat sinh|(?:can )?ngheo moi)\b/;
const START = /\b(?:dau nam|dau ky|dau giai doan)\b/;
const END = /\b(?:cuoi nam|cuoi ky|cuoi giai doan)\b|\bcon(?: lai)?\s*(?:la\s*)?:?\s*$/;
/** A figure read as printed: no qualifier, range or “x/y”, not a change (“giảm 215 hộ”); “thoát nghèo 310 hộ” is an exit, read. */
const plain = (p: StatedPara, f: ProseFigure): boolean => !qualified(f) && f.range === undefined && f.outOf === undefined && !/\b(?:giam|tang|them|vuot)(?: duoc| len| xuong)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 16), f.start));
/** A plan or an estimate: its figures are no record of the year. */
const NOT_A_RECORD = /\b(phan dau|muc tieu|ke hoach|chi tieu|du kien|du bao|binh quan|moi nam|hang nam|luy ke)\b/;

/**
 * The role a household figure's own clause gives it (the words since the last comma, semicolon or
 * figure before it, and up to the next after it): one role, or null when it names none or several.
 */
function roleOf(p: StatedPara, f: ProseFigure, previousEnd: number, nextStart: number, sentenceStart: number): Role | null {
  const from = Math.max(previousEnd, sentenceStart, p.folded.lastIndexOf(',', f.start - 1) + 1, p.folded.lastIndexOf(';', f.start - 1) + 1, p.folded.lastIndexOf(':', f.start - 1) + 1);
  const before = p.folded.slice(from, f.start);
  const stop = /[,;.()]/.exec(p.folded.slice(f.end, nextStart));
  const after = p.folded.slice(f.end, stop === null ? nextStart : f.end + stop.index);
  const clause = `${before} # ${after}`;
  // a breakdown of the figure before (“thoát cận nghèo 310 hộ, trong đó … 120 hộ”) is no term of the flow
  if (/\b(?:trong do|trong so|bao gom|gom|cu the)\b/.test(p.folded.slice(previousEnd, f.start))) return null;
  const roles = new Set<Role>();
  if (EXIT.test(clause)) roles.add('exit');
  if (ENTRY.test(clause)) roles.add('entry');
  if (roles.size === 0) {
    if (START.test(before)) roles.add('start');
    if (END.test(before)) roles.add('end');
    // “Đầu năm 2026, toàn huyện có 2.066 hộ cận nghèo”: the moment may open the sentence, before a comma
    if (roles.size === 0) {
      const lead = p.folded.slice(Math.max(sentenceStart, previousEnd), f.start);
      if (START.test(lead) && !END.test(lead)) roles.add('start');
      else if (END.test(lead) && !START.test(lead)) roles.add('end');
    }
  }
  return roles.size === 1 ? [...roles][0]! : null;
}

/**
 * Which households a span of folded text is about: the near-poor only, the poor only, or neither or both (null).
 *
 * @param folded - the text, folded (`foldVietnamese`).
 * @returns the one kind of households it names, or null.
 * @example
 * householdsNamed('so ho can ngheo dau nam 2.066 ho, thoat can ngheo 310 ho') //=> 'near-poor'
 */
export function householdsNamed(folded: string): 'poor' | 'near-poor' | null {
  const near = /\bcan ngheo\b/.test(folded);
  const poor = /(?<!\bcan )\bngheo\b/.test(folded);
  return near === poor ? null : near ? 'near-poor' : 'poor';
}

/**
 * “Số hộ cận nghèo đầu năm 2.066 hộ, thoát cận nghèo 310 hộ, phát sinh mới 95 hộ, cuối năm 1.851
 * hộ”: a year's flow whose every figure is named by its own clause — the start (“đầu năm”), the exits
 * (“thoát (cận) nghèo”), the entries (“phát sinh (mới)”, “tái (cận) nghèo”) and the end (“cuối năm”,
 * “còn”) — for the poor or for the near-poor, the households named once for the whole run. Read when
 * the run is the paragraph's household figures from one start to the next end, with at least one exit
 * and one entry (exits alone may leave out the newly poor) and nothing else between; the text it spans
 * names one kind of households only, no place, no part of the area, no plan. Figures another claim
 * reads are left to it.
 *
 * @param p - the paragraph read.
 * @param ctx - the claim reader's context.
 * @returns a flow claim for each such run.
 * @example
 * // “Số hộ cận nghèo đầu năm 2.066 hộ, thoát cận nghèo 310 hộ, phát sinh mới 95 hộ, cuối năm 1.851 hộ.”
 * // → [{ kind: 'flow', start: 2.066 hộ, exits: [310 hộ], entries: [95 hộ], end: 1.851 hộ }]
 */
export function labeledFlows<P extends StatedPara>(p: P, ctx: StatedContext<P>): FlowClaim[] {
  const out: FlowClaim[] = [];
  if (!EXIT.test(p.folded) || !/\b(?:dau nam|dau ky|dau giai doan)\b/.test(p.folded)) return out;
  const figures = p.figures.filter((f) => f.dimension === 'households');
  const roles = figures.map((f, i) => roleOf(p, f, i === 0 ? 0 : figures[i - 1]!.end, figures[i + 1]?.start ?? p.folded.length, ctx.sentenceAt(p, f.start).start));
  for (let si = 0; si < figures.length; si++) {
    if (roles[si] !== 'start') continue;
    let ei = si + 1;
    while (ei < figures.length && (roles[ei] === 'exit' || roles[ei] === 'entry')) ei++;
    // exits alone may leave out the newly poor (“thoát cận nghèo 60 hộ, cuối năm còn 380 hộ”): not read
    if (ei >= figures.length || roles[ei] !== 'end' || !roles.slice(si + 1, ei).includes('exit') || !roles.slice(si + 1, ei).includes('entry')) continue;
    const span = figures.slice(si, ei + 1);
    if (span.some((f) => !plain(p, f) || ctx.isUsed(p, f))) continue;
    const from = ctx.sentenceAt(p, span[0]!.start).start;
    const to = ctx.sentenceAt(p, span[span.length - 1]!.start).end;
    const folded = p.folded.slice(from, to);
    const subject = householdsNamed(folded);
    if (subject === null || NOT_A_RECORD.test(folded) || NARROWED.test(folded)) continue;
    if (span.some((f) => placesOfFigure(p.text.slice(ctx.sentenceAt(p, f.start).start, f.start)).length > 0)) continue;
    const role = (i: number): Role => roles[si + i]!;
    out.push({
      kind: 'flow',
      subject,
      start: ctx.fig(p, span[0]!),
      exits: span.filter((_, i) => role(i) === 'exit').map((f) => ctx.fig(p, f)),
      entries: span.filter((_, i) => role(i) === 'entry').map((f) => ctx.fig(p, f)),
      end: ctx.fig(p, span[span.length - 1]!),
      sentence: p.text.slice(from, to).trim(),
      location: { block: p.block, start: from, end: to },
    });
    si = ei;
  }
  return out;
}
