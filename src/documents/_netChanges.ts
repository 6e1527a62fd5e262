import { addFractions, compareFractions, fraction, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { ENTRY, EXIT, householdsNamed } from './_labeledFlows.js';
import { placesOfFigure } from './_placeNames.js';
import { qualified, type ProseFigure } from './_proseFigures.js';
import type { StatedContext, StatedPara } from './_statedSums.js';
import { NARROWED } from './_stockFigures.js';
import type { NetChangeClaim } from './proseClaims.js';

/** Words that open a breakdown of the figure before. */
const BREAKDOWN = /\b(?:trong do|trong so|bao gom|gom|cu the)\b/;

/** Whether a figure is read as printed: no qualifier (“khoảng”, “trên”), no range, no “x/y”. */
const exact = (f: ProseFigure): boolean => !qualified(f) && f.range === undefined && f.outOf === undefined;

/**
 * “Năm 2026 giảm 533 hộ nghèo; trong đó số hộ thoát nghèo 612 hộ, số hộ nghèo phát sinh 79 hộ”: a
 * net change of the poor (or of the near-poor) and the flows it is made of, printed after it in its
 * sentence under “trong đó”, “bao gồm”, “gồm”, “do”: each an exit (“thoát (cận) nghèo”) or an entry
 * (“phát sinh (mới)”, “tái (cận) nghèo”), at least one of each — or one alone, whose other side
 * the document's table prints (see `checkClaims`). A fall is the exits less the
 * entries, a rise the entries less the exits. Read when every household figure after the change in
 * its sentence is one of them, the sentence names one kind of households only and no place or part
 * of the area; figures another claim reads are left to it.
 *
 * @param p - the paragraph read.
 * @param ctx - the claim reader's context.
 * @returns a net-change claim for each such change.
 * @example
 * // “Năm 2026 giảm 533 hộ nghèo; trong đó số hộ thoát nghèo 612 hộ, số hộ nghèo phát sinh 79 hộ.”
 * // → [{ kind: 'net-change', change: 533 hộ, direction: 'down', exits: [612 hộ], entries: [79 hộ] }]
 */
export function netChanges<P extends StatedPara>(p: P, ctx: StatedContext<P>): NetChangeClaim[] {
  const out: NetChangeClaim[] = [];
  if (!EXIT.test(p.folded) && !ENTRY.test(p.folded)) return out;
  for (const s of p.sentences) {
    const figures = p.figures.filter((f) => f.dimension === 'households' && f.start >= s.start && f.end <= s.end);
    for (let i = 0; i < figures.length; i++) {
      const change = figures[i]!;
      const verb = /\b(giam|tang)(?: duoc| them)?\s*$/.exec(p.folded.slice(Math.max(s.start, change.start - 14), change.start));
      if (verb === null || !exact(change) || ctx.isUsed(p, change)) continue;
      const rest = figures.slice(i + 1);
      if (rest.length === 0) break;
      // the flows are introduced as its parts or its causes, right after it
      const link = /^\s*(?:ho\s+)?(?:can ngheo|ngheo)?\s*[,;:(]?\s*(?:\(\s*)?(?:trong do|bao gom|gom|do|vi|voi)\b/.exec(p.folded.slice(change.end, rest[0]!.start));
      if (link === null) break;
      const roles = rest.map((f, k) => {
        const from = Math.max(k === 0 ? change.end : rest[k - 1]!.end, p.folded.lastIndexOf(',', f.start - 1) + 1, p.folded.lastIndexOf(';', f.start - 1) + 1);
        const stop = /[,;.()]/.exec(p.folded.slice(f.end, rest[k + 1]?.start ?? s.end));
        const clause = `${p.folded.slice(from, f.start)} # ${p.folded.slice(f.end, stop === null ? (rest[k + 1]?.start ?? s.end) : f.end + stop.index)}`;
        // a breakdown of a flow (“…, trong đó thoát nghèo bền vững 400 hộ”) is no flow of its own: past the first, the list is not read
        if (k > 0 && BREAKDOWN.test(p.folded.slice(rest[k - 1]!.end, f.start))) return null;
        const exit = EXIT.test(clause);
        const entry = ENTRY.test(clause);
        return exit === entry ? null : exit ? 'exit' : 'entry';
      });
      // one flow alone (“…; trong đó số hộ thoát nghèo 612 hộ”) is checked with the other the document's table prints
      if (roles.some((r) => r === null) || (!(roles.includes('exit') && roles.includes('entry')) && rest.length > 1)) break;
      if (rest.some((f) => !exact(f) || ctx.isUsed(p, f) || /\b(?:giam|tang)\s*$/.test(p.folded.slice(Math.max(0, f.start - 8), f.start)))) break;
      const folded = p.folded.slice(s.start, s.end);
      const subject = householdsNamed(folded);
      if (subject === null || NARROWED.test(folded) || placesOfFigure(p.text.slice(s.start, s.end)).length > 0) break;
      out.push({
        kind: 'net-change',
        subject,
        change: ctx.fig(p, change),
        direction: verb[1] === 'giam' ? 'down' : 'up',
        exits: rest.filter((_, k) => roles[k] === 'exit').map((f) => ctx.fig(p, f)),
        entries: rest.filter((_, k) => roles[k] === 'entry').map((f) => ctx.fig(p, f)),
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
      break;
    }
  }
  return out;
}

/**
 * The net change its flows give: the exits less the entries for a fall, the entries less the exits
 * for a rise, and whether the printed change is it.
 *
 * @param c - the claim.
 * @param fromTable - the side the prose does not print, from a table's total row.
 * @returns the change the flows give, exactly, and whether it is the one printed.
 * @example
 * netChangeOf(claim) //=> { expected: 533, holds: true } for “giảm 533 hộ nghèo; trong đó … thoát nghèo 612 hộ, … phát sinh 79 hộ”
 */
export function netChangeOf(c: NetChangeClaim, fromTable: { readonly exits?: Fraction; readonly entries?: Fraction } = {}): { readonly expected: Fraction; readonly holds: boolean } {
  const sum = (fs: NetChangeClaim['exits']): Fraction => fs.reduce((a, f) => addFractions(a, f.figure.value), fraction(0n));
  const exits = fromTable.exits ?? sum(c.exits);
  const entries = fromTable.entries ?? sum(c.entries);
  const expected = c.direction === 'down' ? subtractFractions(exits, entries) : subtractFractions(entries, exits);
  return { expected, holds: compareFractions(expected, c.change.figure.value) === 0 };
}
