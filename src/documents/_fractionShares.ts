import { fraction, fractionToDecimal, type Fraction } from '../numbers/fraction.js';
import type { QualifierMeaning } from '../numbers/parseVnNumber.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import type { ProseFigure } from './_proseFigures.js';
import { plainFigure, shareOfTotalClaim, type StatedContext, type StatedPara } from './_statedSums.js';
import type { TotalWithPartsClaim } from './proseClaims.js';

/** The numbers 1–10 in words (folded), as a fraction's numerator or denominator says them (“phần tư” is a quarter). */
const WORD_NUMBER: Readonly<Record<string, bigint>> = { mot: 1n, hai: 2n, ba: 3n, bon: 4n, tu: 4n, nam: 5n, sau: 6n, bay: 7n, tam: 8n, chin: 9n, muoi: 10n };
const WORD = 'mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi';
/** The qualifiers a fraction share may carry (folded), longest first. */
const QUALIFIERS: ReadonlyArray<readonly [string, QualifierMeaning]> = [
  ['it nhat', 'at-least'],
  ['toi thieu', 'at-least'],
  ['toi da', 'at-most'],
  ['khoang', 'about'],
  ['xap xi', 'about'],
  ['hon', 'more-than'],
  ['tren', 'more-than'],
  ['qua', 'more-than'],
  ['gan', 'nearly'],
  ['duoi', 'less-than'],
];
/**
 * “chiếm trên 1/3 số hộ nghèo”, “bằng khoảng một phần ba tổng số hộ nghèo”, “chiếm gần một nửa số
 * hộ nghèo của xã”: the verb of a share, a qualifier, the fraction (“1/3” — not a date “1/3/2026”
 * nor “1/3,5” —, “một nửa”, “nửa”, “hai phần ba”), then the base it names.
 */
const FRACTION_SHARE = new RegExp(
  String.raw`\b(?:chiem|bang)(?: t[yi] le)?\s+(?:(${QUALIFIERS.map(([w]) => w).join('|')})\s+)?` +
    String.raw`(?:(?<![\d.,/])(\d{1,2})\s*\/\s*(\d{1,2})(?![\d.,]\d|\d|\s*\/)|(?:(mot)\s+)?(nua)|(${WORD})\s+phan\s+(${WORD}))` +
    String.raw`\s+(?=(?:so voi\s+)?(?:tong\s+)?so\s+ho\b)`,
  'g',
);
/** After the fraction: the households it is a share of (“(tổng) số hộ (cận) nghèo …”, “tổng số hộ …”). */
const BASE = /^(?:so voi\s+)?((?:tong\s+)?so\s+ho(?:\s+(?:can\s+)?ngheo)?\b[\p{L} ]{0,40})/u;

/** The earlier count a share names, as the claim reader finds it: the base words, its area, and where the part is. */
export type NamedTotal<P extends StatedPara> = (p: P, pi: number, sentenceStart: number, part: ProseFigure, words: string, baseText: string) => { q: P; f: ProseFigure } | undefined;

/**
 * A share printed as a fraction of a named count (“Có 35 hộ nghèo là hộ dân tộc thiểu số, chiếm trên
 * 1/3 số hộ nghèo”, “… chiếm gần một nửa tổng số hộ nghèo của xã”): the households right before the
 * verb in its clause over the count the share names (`total`: printed before it, in its sentence or
 * the ones before, of the area it names). The share is checked against the values the qualifier
 * allows (`figureInterval`: “trên” above the fraction, “gần” a little under, none or “khoảng” about
 * it). A fraction in a date (“1/3/2026”), an article (“khoản 1/Điều 3”) or a number (“số 1/3”) is no
 * share: only one after “chiếm”/“bằng” and before the base is read; a target (“giảm 1/3 số hộ
 * nghèo”) is read by the targets.
 *
 * @param p - the paragraph read.
 * @param pi - its index among the paragraphs.
 * @param ctx - the claim reader's context.
 * @param total - finds the count the share names.
 * @returns a claim for each such share.
 * @example
 * // “Toàn xã có 97 hộ nghèo. Có 35 hộ nghèo là hộ dân tộc thiểu số, chiếm trên 1/3 số hộ nghèo.”
 * // → [{ kind: 'total-with-parts', total: 97 hộ, parts: [35 hộ, share “trên 1/3”], totalElsewhere: true }]
 */
export function fractionShares<P extends StatedPara>(p: P, pi: number, ctx: StatedContext<P>, total: NamedTotal<P>): TotalWithPartsClaim[] {
  const out: TotalWithPartsClaim[] = [];
  if (!/\b(?:chiem|bang)\b/.test(p.folded)) return out;
  FRACTION_SHARE.lastIndex = 0;
  for (const m of p.folded.matchAll(FRACTION_SHARE)) {
    const value = fractionOf(m);
    if (value === null) continue;
    const qualifierWord = m[1];
    const verbEnd = m.index + /^(?:chiem|bang)(?: t[yi] le)?\s+/.exec(m[0])![0].length;
    const numberStart = qualifierWord === undefined ? verbEnd : fractionStart(p.folded, verbEnd + qualifierWord.length);
    const end = m.index + m[0].trimEnd().length;
    // “nửa” (half), not “nữa” (more), which folds the same
    if (m[5] !== undefined && !/^(?:một\s+|mot\s+)?(?:nửa|nua)$/iu.test(p.text.slice(numberStart, end).normalize('NFC'))) continue;
    const s = ctx.sentenceAt(p, m.index);
    // the part: the households right before the verb, in its clause, no other figure between
    const part = [...p.figures].reverse().find((f) => f.end <= m.index && f.start >= s.start);
    if (part === undefined || part.dimension !== 'households' || !plainFigure(p, part)) continue;
    const between = p.folded.slice(part.end, m.index);
    if (between.length > 80 || /[;.()]/.test(between)) continue;
    const base = BASE.exec(p.folded.slice(m.index + m[0].length, m.index + m[0].length + 60));
    if (base === null) continue;
    const baseAt = m.index + m[0].length + base[0].length - base[1]!.length;
    const words = base[1]!.replace(/\s+/g, ' ').trim();
    const found = total(p, pi, s.start, part, words, p.text.slice(baseAt, baseAt + 60));
    if (found === undefined) continue;
    const text = p.text.slice(verbEnd, end);
    const percent = fraction(value.num * 100n, value.den);
    const digits = formatVnNumber(fractionToDecimal(percent).toDecimalPlaces(2, 4).toFixed(2), { decimals: 2 });
    const share: ProseFigure = {
      text,
      start: verbEnd,
      end,
      numberStart,
      dimension: 'percent',
      unitText: '',
      moneyUnit: null,
      value: percent,
      decimals: 2,
      digits,
      qualifier: qualifierWord === undefined ? { word: '', meaning: 'about' } : { word: p.text.slice(verbEnd, verbEnd + qualifierWord.length), meaning: QUALIFIERS.find(([w]) => w === qualifierWord)![1] },
      fraction: { printed: p.text.slice(numberStart, end), value },
    };
    out.push(shareOfTotalClaim(ctx, 'chiếm', found, p, part, share));
  }
  return out;
}

/** The fraction a match prints, a proper one (numerator below the denominator, the denominator 2–10), or null. */
function fractionOf(m: RegExpMatchArray): Fraction | null {
  const [num, den] = m[2] !== undefined ? [BigInt(m[2]), BigInt(m[3]!)] : m[5] !== undefined ? [1n, 2n] : [WORD_NUMBER[m[6]!]!, WORD_NUMBER[m[7]!]!];
  if (num < 1n || den < 2n || den > 10n || num >= den || (m[6] === 'tu' && m[2] === undefined)) return null;
  return fraction(num, den);
}

/** Where the fraction itself starts at or after `from` (past the spaces). */
function fractionStart(folded: string, from: number): number {
  let at = from;
  while (at < folded.length && /\s/.test(folded[at]!)) at++;
  return at;
}
