import { compareFractions, fraction, subtractFractions, sumFractions } from '../numbers/fraction.js';
import { traitsNamed } from './_overlappingGroups.js';
import { placesOfFigure } from './_placeNames.js';
import type { ProseFigure } from './_proseFigures.js';
import { plainFigure, shareOfTotalClaim, type StatedContext, type StatedPara } from './_statedSums.js';
import type { ChangeClaim, TotalWithPartsClaim } from './proseClaims.js';

/** The households a count names right after it: “179 hộ nghèo”, “82 hộ cận nghèo”, “116 hộ nghèo và hộ cận nghèo”. */
export type CountSubject = 'poor' | 'near-poor' | 'both';

const START = /\b(dau nam|dau ky|dau giai doan)\b/;
const END = /\b(cuoi nam|cuoi ky|cuoi giai doan|den nay|hien nay|hien con)\b|\bcon(?: lai)?\s*:?\s*$/;

/** The households the words right after a count name (“hộ nghèo và hộ cận nghèo”), or null. */
export function subjectAfter(folded: string): CountSubject | null {
  const m = /^\s*(?:ho\s+)?(can ngheo|ngheo)\b(?:\s*(?:,|va|và)\s*(?:ho\s+)?(can ngheo|ngheo)\b)?/.exec(folded);
  if (m === null) return null;
  if (m[2] !== undefined && m[2] !== m[1]) return 'both';
  return m[1] === 'can ngheo' ? 'near-poor' : 'poor';
}

/** The households a label right before a count names, as its subject (“Số hộ cận nghèo cuối năm là”, “số hộ nghèo còn”), or null. */
function subjectBefore(lead: string): CountSubject | null {
  const m = /\bso ho (can ngheo|ngheo)(?: (?:cuoi|dau) (?:nam|ky)(?: (?:19|20)\d\d)?)?(?: (?:la|con(?: lai)?|co))?\s*:?\s*$/.exec(lead);
  return m === null ? null : m[1] === 'can ngheo' ? 'near-poor' : 'poor';
}

/** Where a count is of: its places (“toàn xã” is none), its groups (ethnicity, gender…), its year — from its sentence before it. */
export interface Whose {
  readonly places: string;
  readonly groups: string;
  /** The year named; `'any'` when the words that refer to the start name none (“… đầu năm”): any one value of the start. */
  readonly year: string | null;
}

/** The places and year of a count from its sentence before it (`lead`), its groups from there and from its own clause after it (“179 hộ nghèo dân tộc thiểu số”). */
function whoseOf(q: StatedPara, f: ProseFigure, lead: string): Whose {
  const years = [...lead.matchAll(/(?<![\d.,/])((?:19|20)\d\d)(?![\d.,]\d)/g)];
  const after = /^[^,;.()\d]*/.exec(q.text.slice(f.end, f.end + 60))![0];
  return { places: [...placesOfFigure(lead)].sort().join('|'), groups: [...new Set(traitsNamed(`${lead} ${after}`))].sort().join('|'), year: years.pop()?.[1] ?? null };
}

/**
 * Whether a count's own parts, printed after it in its sentence up to `until` (“116 hộ nghèo và hộ
 * cận nghèo, trong đó: 34 hộ nghèo, 82 hộ cận nghèo”), add up to it — or it has none. A count its
 * own list contradicts is found there, once: it is not the base or the result of another check.
 */
function agreesWithParts(q: StatedPara, f: ProseFigure, until: number): boolean {
  const list = /\b(?:trong do|bao gom|gom)\b/.exec(q.folded.slice(f.end, until));
  if (list === null) return true;
  const from = f.end + list.index;
  const parts = q.figures.filter((g) => g.start > from && g.end <= until && g.dimension === 'households');
  return parts.length === 0 || compareFractions(sumFractions(parts.map((g) => g.value)), f.value) === 0;
}

/**
 * The one count of the given households at the start (“Đầu năm 2025, toàn xã có 179 hộ nghèo”)
 * printed in a paragraph before `pi`, or in paragraph `pi` before offset `before` (an earlier
 * sentence of the same paragraph), of the same places, groups and year as `whose`. Counts of
 * one value may repeat; two values, or none, give undefined: a start is never guessed.
 */
export function startBefore<P extends StatedPara>(ctx: StatedContext<P>, pi: number, subject: CountSubject, whose: Whose, before = 0): { q: P; f: ProseFigure } | undefined {
  const found: Array<{ q: P; f: ProseFigure }> = [];
  for (let k = 0; k <= pi && k < ctx.paras.length; k++) {
    const q = ctx.paras[k]!;
    for (const f of q.figures) {
      if (k === pi && f.end > before) continue;
      if (f.dimension !== 'households' || !plainFigure(q, f)) continue;
      if (subjectAfter(q.folded.slice(f.end, f.end + 40)) !== subject) continue;
      const lead = q.text.slice(ctx.sentenceAt(q, f.start).start, f.start);
      // the moment named before it in its sentence, and no later moment between
      const folded = q.folded.slice(ctx.sentenceAt(q, f.start).start, f.start);
      const at = folded.search(START);
      if (at < 0 || END.test(folded.slice(at))) continue;
      const w = whoseOf(q, f, lead);
      if (w.places !== whose.places || w.groups !== whose.groups || (whose.year !== 'any' && w.year !== whose.year)) continue;
      // a start its own parts contradict is found there; nothing else is checked on it
      if (!agreesWithParts(q, f, ctx.sentenceAt(q, f.start).end)) return undefined;
      found.push({ q, f });
    }
  }
  const first = found[0];
  if (first === undefined || found.some((x) => compareFractions(x.f.value, first.f.value) !== 0)) return undefined;
  return found[found.length - 1];
}

/**
 * “Đầu năm 2025, toàn xã có 179 hộ nghèo …” then, in a later paragraph, “… đến cuối năm 2025 toàn xã
 * còn 121 hộ nghèo, chiếm tỷ lệ 3,51%, giảm 58 hộ so với đầu năm”: a change said against the start
 * (“so với đầu năm”, “so với đầu kỳ”) whose start is printed in an earlier paragraph or an earlier
 * sentence of its own paragraph. The end is the
 * count after “còn” or under “cuối năm” just before the change (only its rate between); the start is
 * the one count of the same households, places, groups and year said under “đầu năm” before
 * ({@link startBefore}). Two starts of different values: not read.
 *
 * @param p - the paragraph read.
 * @param pi - its index among the paragraphs.
 * @param ctx - the claim reader's context.
 * @param options - `namedBefore`: also read an end whose households are named only before it
 * (“Số hộ cận nghèo cuối năm là 108 hộ, chiếm 5,86%, giảm 12 hộ so với đầu năm”), for a pass after
 * the readers of a pair's cuts, which read such an end with its rate's cut.
 * @returns a change claim for each such change.
 * @example
 * // “Đầu năm 2025 toàn xã có 179 hộ nghèo.” … “Cuối năm 2025 toàn xã còn 121 hộ nghèo, giảm 58 hộ so với đầu năm.”
 * // → [{ kind: 'change', from: 179 hộ, to: 121 hộ, change: 58 hộ, direction: 'down' }]
 */
export function changesSinceEarlierStart<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>, options: { readonly namedBefore?: boolean } = {}): ChangeClaim[] {
  const out: ChangeClaim[] = [];
  if (!/\bso voi dau (?:nam|ky)\b/.test(p.folded)) return out;
  for (const change of p.figures) {
    if (change.dimension !== 'households' || change.qualifier !== null || change.range !== undefined || ctx.isUsed(p, change)) continue;
    const verb = /\b(giam|tang)(?: duoc| them)?\s*$/.exec(p.folded.slice(Math.max(0, change.start - 14), change.start));
    const since = /^\s*(?:ho\s+)?(?:(?:can ngheo|ngheo)\s+)?so voi dau (?:nam|ky)(?:\s+((?:19|20)\d\d))?\b/.exec(p.folded.slice(change.end, change.end + 50));
    if (verb === null || since === null) continue;
    const s = ctx.sentenceAt(p, change.start);
    // the end: the last count before the change in its sentence, only percentages (its rate) between
    const to = [...p.figures].reverse().find((f) => f.end <= change.start && f.start >= s.start && f.dimension !== 'percent');
    if (to === undefined || to.dimension !== 'households' || !plainFigure(p, to)) continue;
    const lead = p.folded.slice(s.start, to.start);
    if (!END.test(lead) || START.test(lead)) continue;
    // the households named after the end (“còn 121 hộ nghèo”) or, when asked and nothing names them after it, right before it (“Số hộ cận nghèo cuối năm là 108 hộ”)
    const subject = subjectAfter(p.folded.slice(to.end, to.end + 40)) ?? (options.namedBefore === true ? subjectBefore(lead) : null);
    if (subject === null) continue;
    const whose = whoseOf(p, to, p.text.slice(s.start, to.start));
    // an end of no year (“Số hộ cận nghèo cuối năm là 108 hộ”) is of the year of the one start printed before (“Đầu năm 2026 có 125 hộ cận nghèo”)
    const year = since[1] ?? whose.year ?? (options.namedBefore === true ? 'any' : null);
    const start = startBefore(ctx, pi, subject, { ...whose, year }, s.start);
    if (start === undefined) continue;
    const [a, b] = verb[1] === 'giam' ? [start.f.value, to.value] : [to.value, start.f.value];
    // read only when the direction holds: a rise printed as “giảm” is another relation
    if (compareFractions(subtractFractions(a, b), fraction(0n)) < 0) continue;
    const from = start.q.sentences.find((x) => start.f.start >= x.start && start.f.start < x.end) ?? { start: 0, end: start.q.text.length };
    out.push({
      kind: 'change',
      from: ctx.fig(start.q, start.f),
      to: ctx.fig(p, to),
      change: ctx.fig(p, change),
      direction: verb[1] === 'giam' ? 'down' : 'up',
      sentence: `${start.q.text.slice(from.start, from.end).trim()} … ${p.text.slice(s.start, s.end).trim()}`,
      location: { block: p.block, start: s.start, end: s.end },
    });
  }
  return out;
}

/** After a share of the start: the households the start counts and its moment (“số hộ nghèo và hộ cận nghèo đầu năm”). */
const START_BASE = /^\s*(?:so voi\s+)?(?:tong\s+)?so (ho (?:can ngheo|ngheo)(?:\s*(?:,|va)\s*(?:ho\s+)?(?:can ngheo|ngheo))?)\s+(?:dau nam|dau ky)(?:\s+((?:19|20)\d\d))?(?![\p{L}\d])/u;
/** Before a share whose result has no figure of its own: the exits it names (“số hộ thoát nghèo, thoát cận nghèo bằng”). */
const EXITS_NAMED = /(?:^|[,;:])\s*(?:tong\s+)?so ho (thoat ngheo|thoat can ngheo|thoat ngheo\s*(?:,|va)\s*(?:thoat\s+)?can ngheo)\s*(?:,\s*)?(?:bang|chiem)(?: t[yi] le)?\s*$/;

/**
 * “Đầu năm 2026 có 116 hộ nghèo và hộ cận nghèo …” then “Phấn đấu giảm 43 hộ nghèo, hộ cận nghèo,
 * …; số hộ thoát nghèo, thoát cận nghèo bằng 37,07% số hộ nghèo và hộ cận nghèo đầu năm”: a share of
 * the start (“… % số hộ nghèo đầu năm”) printed in a later paragraph, of the one start of those
 * households ({@link startBefore}). The result is the households right before “bằng” / “chiếm” in its
 * clause, or, when the clause names the exits with no figure (“số hộ thoát nghèo … bằng”), the one
 * cut of the same households printed before in the sentence (“giảm 43 hộ nghèo, hộ cận nghèo”).
 *
 * @param p - the paragraph read.
 * @param pi - its index among the paragraphs.
 * @param ctx - the claim reader's context.
 * @returns a claim of the share for each such share.
 * @example
 * // “Đầu năm 2026 có 116 hộ nghèo và hộ cận nghèo.” … “… giảm 43 hộ nghèo, hộ cận nghèo; số hộ thoát nghèo, thoát cận nghèo bằng 37,07% số hộ nghèo và hộ cận nghèo đầu năm.”
 * // → [{ kind: 'total-with-parts', total: 116 hộ, parts: [43 hộ, share 37,07%], totalElsewhere: true }]
 */
export function sharesOfEarlierStart<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  if (!/\b(?:dau nam|dau ky)\b/.test(p.folded)) return out;
  for (const share of p.figures) {
    if (share.dimension !== 'percent' || share.range !== undefined || ctx.isUsed(p, share)) continue;
    const base = START_BASE.exec(p.folded.slice(share.end, share.end + 80));
    if (base === null) continue;
    const subject = subjectAfter(base[1]!);
    const s = ctx.sentenceAt(p, share.start);
    const clauseFrom = Math.max(s.start, p.folded.lastIndexOf(';', share.start - 1) + 1);
    const head = p.folded.slice(clauseFrom, share.start);
    let part: ProseFigure | undefined;
    const inClause = [...p.figures].reverse().find((f) => f.end <= share.start && f.start >= clauseFrom);
    if (inClause !== undefined) {
      // “… 43 hộ thoát nghèo, bằng 37,07% …”: the households right before the share
      if (inClause.dimension === 'households' && plainFigure(p, inClause) && /^[^\d%;]*?[,(]?\s*(?:bang|chiem)(?: t[yi] le)?\s*$/.test(p.folded.slice(inClause.end, share.start))) part = inClause;
    } else {
      const exits = EXITS_NAMED.exec(head);
      const exitsOf = exits === null ? null : /can ngheo/.test(exits[1]!) ? (/thoat ngheo/.test(exits[1]!) ? 'both' : 'near-poor') : 'poor';
      const cuts = exitsOf === null ? [] : p.figures.filter((f) => f.start >= s.start && f.end <= clauseFrom && f.dimension === 'households' && f.qualifier === null && /\bgiam(?: duoc)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 10), f.start)) && subjectAfter(p.folded.slice(f.end, f.end + 40)) === exitsOf);
      // a cut its own parts contradict (“giảm 45 hộ …, trong đó: giảm 15 hộ nghèo và 28 hộ cận nghèo”) is found there, once
      if (cuts.length === 1 && agreesWithParts(p, cuts[0]!, clauseFrom)) part = cuts[0];
    }
    if (part === undefined || subject === null) continue;
    const lead = p.text.slice(s.start, part.start);
    const whose = whoseOf(p, part, lead);
    const start = startBefore(ctx, pi, subject, { places: whose.places, groups: whose.groups, year: base[2] ?? 'any' });
    if (start === undefined || compareFractions(start.f.value, part.value) < 0) continue;
    out.push(shareOfTotalClaim(ctx, 'bằng', start, p, part, share));
  }
  return out;
}
