import { addFractions, compareFractions, fraction, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import type { ClaimFigure, FlowClaim } from './proseClaims.js';

/** A count column of a table's total row, as the claim checks tag it from its header. */
export interface FlowColumn {
  readonly block: number;
  readonly key: string;
  readonly subject: 'poor' | 'near-poor' | 'households' | null;
  readonly stage: 'start' | 'exit' | 'new' | 'return' | 'end' | null;
  readonly value: number;
}

/** The term of a year's flow blamed for it not holding, with the value that makes it hold and why. */
export interface BlamedFlowTerm {
  readonly term: ClaimFigure;
  readonly fits: Fraction;
  /** The figures a table prints as they are (“1.230 hộ (Hộ cận nghèo đầu năm 2026 · Số hộ, block 20)”). */
  readonly confirmed: readonly string[];
  /** The other terms no table prints, each with the value that would make the flow hold instead. */
  readonly others: ReadonlyArray<{ readonly term: ClaimFigure; readonly fits: Fraction }>;
}

/**
 * Whether `b` is `a` typed with one slip: one digit changed, or two digits swapped (168 for 186), same length.
 *
 * @example
 * typingSlip('168', '186') //=> true
 */
export function typingSlip(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const at = [...a].flatMap((d, i) => (d === b[i] ? [] : [i]));
  return at.length === 1 || (at.length === 2 && a[at[0]!] === b[at[1]!] && a[at[1]!] === b[at[0]!]);
}

/**
 * A year's flow that does not hold (start − exits + entries ≠ end) whose end a table's total row prints as it is:
 * the end is right, so the wrong figure is a term no table confirms. The one such term; among several, the one whose
 * value that makes the flow hold is its printed figure with one typing slip, else the first exit no table confirms
 * (the others named). Null when the end is not confirmed, or no term is left to blame (the end is then blamed).
 * Only counts of the flow's own households (`subject`) at the term's stage confirm it.
 *
 * @param c - the flow, with its subject.
 * @param columns - the count columns of the document's tables' total rows.
 * @returns the term blamed, or null.
 * @example
 * // “1.230 hộ … 168 hộ thoát cận nghèo và 173 hộ cận nghèo mới … còn 1.217 hộ”, the table printing 1.230 and 1.217
 * // → { term: 168 hộ, fits: 186, … }
 */
export function unconfirmedFlowTerm(c: FlowClaim, columns: readonly FlowColumn[]): BlamedFlowTerm | null {
  if (c.subject === undefined) return null;
  const v = (f: ClaimFigure): Fraction => f.figure.value;
  const sum = (fs: readonly ClaimFigure[]): Fraction => fs.reduce((a, f) => addFractions(a, v(f)), fraction(0n));
  const gap = subtractFractions(addFractions(subtractFractions(v(c.start), sum(c.exits)), sum(c.entries)), v(c.end));
  // each term with the value that makes the flow hold, and the columns counting what it counts
  const stageOf = (k: string): RegExp => ({ start: /\b(dau nam|dau ky)\b/, exit: /\bthoat\b/, entry: /\b(phat sinh|tai (?:can )?ngheo|moi)\b/, end: /\b(cuoi nam|cuoi ky|con lai)\b/ })[k]!;
  const terms = [
    { term: c.start, fits: subtractFractions(v(c.start), gap), stage: 'start' },
    ...c.exits.map((e) => ({ term: e, fits: addFractions(v(e), gap), stage: 'exit' })),
    ...c.entries.map((e) => ({ term: e, fits: subtractFractions(v(e), gap), stage: 'entry' })),
    { term: c.end, fits: addFractions(v(c.end), gap), stage: 'end' },
  ];
  const confirming = (t: (typeof terms)[number]): FlowColumn | undefined =>
    columns.find((x) => x.subject === c.subject && stageOf(t.stage).test(foldVietnamese(x.key.split('·').pop() ?? '')) === true && compareFractions(fraction(BigInt(x.value)), v(t.term)) === 0) ??
    columns.find((x) => x.subject === c.subject && (t.stage === 'entry' ? x.stage === 'new' || x.stage === 'return' : x.stage === t.stage) && compareFractions(fraction(BigInt(x.value)), v(t.term)) === 0);
  const read = terms.map((t) => ({ ...t, column: confirming(t) }));
  const end = read[read.length - 1]!;
  if (end.column === undefined) return null;
  const left = read.filter((t) => t.column === undefined && t.fits.num >= 0n);
  if (left.length === 0) return null;
  const digits = (f: Fraction): string => (f.den === 1n ? f.num.toString() : '');
  const slips = left.filter((t) => typingSlip(t.term.figure.digits.replace(/\D/g, ''), digits(t.fits)));
  const blamed = left.length === 1 ? left[0]! : slips.length === 1 ? slips[0]! : left.find((t) => t.stage === 'exit') ?? left[0]!;
  return {
    term: blamed.term,
    fits: blamed.fits,
    confirmed: read.filter((t) => t.column !== undefined).map((t) => `${t.term.text} (${t.column!.key}, block ${t.column!.block})`),
    others: left.filter((t) => t !== blamed).map((t) => ({ term: t.term, fits: t.fits })),
  };
}
