import { qualified, type ProseFigure } from './_proseFigures.js';
import type { StatedContext, StatedPara } from './_statedSums.js';
import type { ChangeClaim, FlowClaim } from './proseClaims.js';

/** What a household figure is in a year's flow of the near-poor. */
type Role = 'start' | 'exit' | 'entry' | 'end' | 'change' | null;

/** Words that make a paragraph a plan's, an average's or a part of the area's: its flow is not the year's of the whole. */
const NOT_THE_YEAR = /\b(phan dau|muc tieu|ke hoach|chi tieu|du kien|binh quan|moi nam|hang nam|luy ke|giai doan)\b/;

/**
 * The year's flow of the near-poor in a paragraph (review-procedure §9: start + tái cận nghèo + cận nghèo
 * phát sinh − thoát cận nghèo = end, QĐ 24/2021/QĐ-TTg's summary form): “Đầu năm, số hộ cận nghèo toàn
 * huyện là 1.230 hộ (8,47%). Qua rà soát, 186 hộ thoát cận nghèo và 173 hộ cận nghèo mới (…). Đến cuối năm,
 * hộ cận nghèo còn 1.217 hộ, …, giảm 13 hộ.”, or the end first with its start in brackets (“- Hộ cận nghèo:
 * 187 hộ, tỷ lệ 16,37% (đầu năm 178 hộ); trong năm 39 hộ thoát cận nghèo, 2 hộ tái cận nghèo và 46 hộ cận
 * nghèo phát sinh, số hộ cận nghèo tăng 9 hộ”). Read when the paragraph's near-poor figures are one start, one
 * end, exits and entries (one of each at least) and at most one change right after the end, nothing else;
 * figures in brackets after an entry (“trong đó 98 hộ từ hộ nghèo chuyển sang”) are its parts, not read.
 *
 * @param p - the paragraph.
 * @param ctx - the claim reader's context (marks the figures read).
 * @returns the flow claim and, when printed, the change from the start to the end; none otherwise.
 * @example
 * // “Đầu năm có 1.230 hộ cận nghèo. Trong năm 186 hộ thoát cận nghèo, 173 hộ cận nghèo mới; cuối năm còn 1.217 hộ cận nghèo.”
 * // → [{ kind: 'flow', start: 1.230 hộ, exits: [186 hộ], entries: [173 hộ], end: 1.217 hộ }]
 */
export function nearPoorFlows<P extends StatedPara>(p: P, ctx: StatedContext<P>): Array<FlowClaim | ChangeClaim> {
  if (!/\bthoat can ngheo\b/.test(p.folded) || NOT_THE_YEAR.test(p.folded)) return [];
  const depth = (f: ProseFigure): number => p.depths[f.start] ?? 0;
  const figures = p.figures.filter((f) => f.dimension === 'households');
  const roles = figures.map((f) => roleOf(p, f, ctx));
  // a figure in a bracket of parts (“(trong đó 120 hộ …)”) is a part of the figure before it, not a figure of the flow
  const inParts = (f: ProseFigure): boolean => depth(f) > 0 && /\(\s*trong do\b[^()]*$/.test(p.folded.slice(0, f.start));
  const read = figures.map((f, i) => ({ f, role: roles[i]! })).filter(({ f, role }) => (role !== null || depth(f) === 0) && !inParts(f));
  // the start and the end may be a rate–count pair's count, an entry the total of its parts in brackets; an exit read elsewhere is another reading
  // an exit with its parts in brackets right after it (“310 hộ thoát cận nghèo (trong đó 120 hộ …)”) is read as their total too
  const partsAfter = (f: ProseFigure): boolean => /^\s*(?:ho\s+)?(?:(?:da|duoc|duoc cong nhan)\s+)?thoat can ngheo\s*\(\s*trong do\b/.test(p.folded.slice(f.end, f.end + 60));
  if (read.some(({ f, role }) => role === null || qualified(f) || f.outOf !== undefined || f.range !== undefined || (role === 'exit' && ctx.isUsed(p, f) && !partsAfter(f)))) return [];
  const of = (role: Role): ProseFigure[] => read.filter((x) => x.role === role).map((x) => x.f);
  const [starts, exits, entries, ends, changes] = [of('start'), of('exit'), of('entry'), of('end'), of('change')];
  if (starts.length !== 1 || ends.length !== 1 || exits.length === 0 || entries.length === 0 || changes.length > 1) return [];
  const [start, end] = [starts[0]!, ends[0]!];
  const first = read[0]!.f;
  const last = read[read.length - 1]!.f;
  const location = { block: p.block, start: ctx.sentenceAt(p, first.start).start, end: ctx.sentenceAt(p, last.start).end };
  const sentence = p.text.slice(location.start, location.end).trim();
  const out: Array<FlowClaim | ChangeClaim> = [
    { kind: 'flow', subject: 'near-poor', start: ctx.fig(p, start), exits: exits.map((f) => ctx.fig(p, f)), entries: entries.map((f) => ctx.fig(p, f)), end: ctx.fig(p, end), sentence, location },
  ];
  // a change another reader took (“cuối năm còn 1.217 hộ (giảm 13 hộ)”) is checked there
  const change = changes[0];
  if (change !== undefined && !ctx.isUsed(p, change)) {
    const word = /\b(giam|tang)(?: them)?\s*$/.exec(p.folded.slice(Math.max(0, change.start - 14), change.start))![1];
    out.push({ kind: 'change', from: ctx.fig(p, start), to: ctx.fig(p, end), change: ctx.fig(p, change), direction: word === 'giam' ? 'down' : 'up', sentence, location });
  }
  return out;
}

/** The role of a household figure in the near-poor's flow, from the words around it; null when it is none of them. */
function roleOf<P extends StatedPara>(p: P, f: ProseFigure, ctx: StatedContext<P>): Role {
  const after = p.folded.slice(f.end, f.end + 40);
  const s = ctx.sentenceAt(p, f.start);
  const lead = p.folded.slice(s.start, f.start);
  const clause = lead.slice(Math.max(lead.lastIndexOf(';'), lead.lastIndexOf(','), lead.lastIndexOf('(')) + 1);
  // the words after it (“39 hộ thoát cận nghèo”), or its label before it (“số hộ thoát cận nghèo 39 hộ”, “cận nghèo phát sinh 46 hộ”)
  if (/^\s*(?:ho\s+)?(?:(?:da|duoc|duoc cong nhan)\s+)?thoat can ngheo\b/.test(after) || /\bthoat can ngheo(?: trong nam)?\s*(?:la|:)?\s*$/.test(clause)) return 'exit';
  if ((/^\s*(?:ho\s+)?(?:tai can ngheo|can ngheo (?:moi|phat sinh)|phat sinh (?:can ngheo|moi)|moi phat sinh)\b/.test(after) && /\bcan ngheo\b/.test(after.slice(0, 30))) || /\b(?:tai can ngheo|can ngheo (?:moi|phat sinh)(?: moi)?|phat sinh can ngheo(?: moi)?)\s*(?:la|:)?\s*$/.test(clause)) return 'entry';
  // “số hộ cận nghèo tăng 9 hộ”, “…, giảm 13 hộ”: the change, in the clause right after the end
  if (/\b(?:giam|tang)(?: them)?\s*$/.test(clause)) return /\bcan ngheo\b/.test(lead) ? 'change' : null;
  // the households after it, in its clause, or the last its sentence names before it (“Số hộ cận nghèo đầu năm là 1.230 hộ, cuối năm còn 1.217 hộ”), parts in brackets aside
  const named = [...lead.replace(/\([^()]*\)/g, ' ').matchAll(/\b(can ngheo|thoat ngheo|giam ngheo|ngheo)\b/g)].map((m) => m[1]).filter((w) => w === 'can ngheo' || w === 'ngheo').pop();
  // “…, 95 hộ phát sinh mới;” in a sentence of the near-poor: its entries, the households not named again
  if (/^\s*(?:ho\s+)?(?:phat sinh moi|moi phat sinh)\b/.test(after) && named === 'can ngheo' && clause.trim() === '') return 'entry';
  const nearPoor = /^\s*(?:ho\s+)?can ngheo\b/.test(after) || /\bcan ngheo\b/.test(clause) || (/^\s*dau (?:nam|ky)\s*$/.test(clause) && /\bcan ngheo\b/.test(lead)) || (named === 'can ngheo' && !/^\s*(?:ho\s+)?ngheo\b/.test(after));
  if (!nearPoor || /\b(?:thoat ngheo|ngheo chuyen sang|chuyen sang)\b/.test(clause)) return null;
  if (/\b(?:dau nam|dau ky)\b/.test(clause) || (!/\b(?:cuoi nam|cuoi ky|con)\b/.test(clause) && /\b(?:dau nam|dau ky)\b/.test(lead) && !/\b(?:cuoi nam|cuoi ky)\b/.test(lead))) return 'start';
  if (/\b(?:cuoi nam|cuoi ky|con(?: lai)?)\b/.test(clause) || /^\s*[-+•]?\s*(?:ho\s+)?can ngheo\s*:?\s*$/.test(clause)) return 'end';
  return null;
}

