import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { compareFractions, divideFractions, fraction, toFraction, type Fraction } from '../numbers/fraction.js';
import type { NumberQualifier } from '../numbers/parseVnNumber.js';
import { printedInterval } from '../numbers/printedInterval.js';
import { NUMBER_QUALIFIERS } from '../numbers/qualifiers.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Which households a target is about. */
export type TargetSubject = 'poor' | 'near-poor' | 'poor-and-near-poor';

/**
 * A reduction target in one of the forms plans use:
 * - `'points'`: the rate falls by so many **percentage points** (“giảm 0,8%”);
 * - `'share'`: the count falls by a fraction of itself (“giảm 1/5 số hộ nghèo và hộ cận nghèo”);
 * - `'count'`: the count falls by so many households (“giảm 10 hộ nghèo”);
 * - `'range'`: the rate falls by between two point values (“0,17 – 0,2%/năm”);
 * - `'count-range'`: the count falls by between two numbers of households (“410-470 hộ”);
 * - `'share-range'`: the count falls by between two fractions of itself.
 *
 * A single figure keeps the qualifier printed before it (`qualifier`: “giảm hơn 2%” is more
 * than 2 points, “ít nhất 0,1%” at least 0,1). `equivalent` is the same goal printed in another
 * form beside it (“giảm từ 3,5-4,0% (tương ứng từ 410-470 hộ)”).
 *
 * @see poverty-rate-reporting §3 (“giảm X%” is X percentage points unless the text says otherwise)
 */
export type ReductionTarget =
  | { readonly form: 'points'; readonly subject: TargetSubject; readonly points: Fraction; readonly qualifier?: NumberQualifier; readonly equivalent?: ReductionTarget }
  | { readonly form: 'share'; readonly subject: TargetSubject; readonly share: Fraction; readonly qualifier?: NumberQualifier; readonly equivalent?: ReductionTarget }
  | { readonly form: 'count'; readonly subject: TargetSubject; readonly households: number; readonly qualifier?: NumberQualifier; readonly equivalent?: ReductionTarget }
  | { readonly form: 'range'; readonly subject: TargetSubject; readonly low: Fraction; readonly high: Fraction; readonly equivalent?: ReductionTarget }
  | { readonly form: 'count-range'; readonly subject: TargetSubject; readonly low: number; readonly high: number; readonly equivalent?: ReductionTarget }
  | { readonly form: 'share-range'; readonly subject: TargetSubject; readonly low: Fraction; readonly high: Fraction; readonly equivalent?: ReductionTarget };

/** The forms, as string literals. */
export type TargetForm = ReductionTarget['form'];

/** Input of {@link reductionTarget}: numbers as exact inputs (`'0.8'`, `'1/5'` as `{num, den}`, Decimal…); a qualifier as its word (`'hơn'`) or `{ word, meaning }`. */
export type ReductionTargetInput =
  | { readonly form: 'points'; readonly subject: TargetSubject; readonly points: string | number | Fraction; readonly qualifier?: string | NumberQualifier }
  | { readonly form: 'share'; readonly subject: TargetSubject; readonly share: string | number | Fraction; readonly qualifier?: string | NumberQualifier }
  | { readonly form: 'count'; readonly subject: TargetSubject; readonly households: number; readonly qualifier?: string | NumberQualifier }
  | { readonly form: 'range'; readonly subject: TargetSubject; readonly low: string | number | Fraction; readonly high: string | number | Fraction }
  | { readonly form: 'count-range'; readonly subject: TargetSubject; readonly low: number; readonly high: number }
  | { readonly form: 'share-range'; readonly subject: TargetSubject; readonly low: string | number | Fraction; readonly high: string | number | Fraction };

const subject = z.enum(['poor', 'near-poor', 'poor-and-near-poor']);
const exact = z.union([z.string(), z.number(), z.object({ num: z.bigint(), den: z.bigint() })]);
const households = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const qualifier = z.union([z.string().min(1), z.object({ word: z.string().min(1), meaning: z.enum(['more-than', 'less-than', 'about', 'nearly', 'at-least', 'at-most']) })]).optional();
const schema = z.discriminatedUnion('form', [
  z.object({ form: z.literal('points'), subject, points: exact, qualifier }),
  z.object({ form: z.literal('share'), subject, share: exact, qualifier }),
  z.object({ form: z.literal('count'), subject, households, qualifier }),
  z.object({ form: z.literal('range'), subject, low: exact, high: exact }),
  z.object({ form: z.literal('count-range'), subject, low: households, high: households }),
  z.object({ form: z.literal('share-range'), subject, low: exact, high: exact }),
]);

const nonNegative = (f: Fraction, path: string[]): Fraction => {
  if (f.num < 0n) fail({ code: 'negative-target', path, value: `${f.num}/${f.den}`, expected: 'a reduction ≥ 0' });
  return f;
};
const ordered = (low: Fraction, high: Fraction): void => {
  if (compareFractions(low, high) > 0) fail({ code: 'inverted-range', path: ['low'], value: `${low.num}/${low.den}`, expected: 'low ≤ high' });
};
const atMostOne = (share: Fraction, path: string[]): Fraction => {
  if (compareFractions(share, fraction(1n)) > 0) fail({ code: 'share-above-one', path, value: `${share.num}/${share.den}`, expected: 'a share of the households ≤ 1' });
  return share;
};

function qualifierOf(q: string | NumberQualifier | undefined): { qualifier?: NumberQualifier } {
  if (q === undefined) return {};
  if (typeof q !== 'string') return { qualifier: { word: q.word, meaning: q.meaning } };
  const found = NUMBER_QUALIFIERS.find((x) => x.word === q.normalize('NFC').trim().toLowerCase());
  if (found === undefined) return fail({ code: 'unknown-qualifier', path: ['qualifier'], value: q, expected: `one of ${NUMBER_QUALIFIERS.map((x) => x.word).join(', ')}` });
  return { qualifier: { word: found.word, meaning: found.meaning } };
}

/**
 * Makes a checked reduction target (exact numbers, non-negative; a share at most 1; a range low ≤ high).
 * @throws VnPovertyError `invalid-input`, `invalid-number`, `negative-target`, `share-above-one`, `inverted-range`, `unknown-qualifier`.
 * @example
 * reductionTarget({ form: 'share', subject: 'poor-and-near-poor', share: { num: 1n, den: 5n } }).share //=> { num: 1n, den: 5n }
 * reductionTarget({ form: 'points', subject: 'poor', points: '2', qualifier: 'hơn' }).qualifier //=> { word: 'hơn', meaning: 'more-than' }
 */
export function reductionTarget(input: ReductionTargetInput): ReductionTarget {
  const t = parseInput(schema, input);
  switch (t.form) {
    case 'points':
      return deepFreeze({ form: 'points', subject: t.subject, points: nonNegative(toFraction(t.points, ['points']), ['points']), ...qualifierOf(t.qualifier) });
    case 'share':
      return deepFreeze({ form: 'share', subject: t.subject, share: atMostOne(nonNegative(toFraction(t.share, ['share']), ['share']), ['share']), ...qualifierOf(t.qualifier) });
    case 'count':
      return deepFreeze({ form: 'count', subject: t.subject, households: t.households, ...qualifierOf(t.qualifier) });
    case 'range': {
      const low = nonNegative(toFraction(t.low, ['low']), ['low']);
      const high = nonNegative(toFraction(t.high, ['high']), ['high']);
      ordered(low, high);
      return deepFreeze({ form: 'range', subject: t.subject, low, high });
    }
    case 'count-range':
      ordered(fraction(BigInt(t.low)), fraction(BigInt(t.high)));
      return deepFreeze({ form: 'count-range', subject: t.subject, low: t.low, high: t.high });
    case 'share-range': {
      const low = atMostOne(nonNegative(toFraction(t.low, ['low']), ['low']), ['low']);
      const high = atMostOne(nonNegative(toFraction(t.high, ['high']), ['high']), ['high']);
      ordered(low, high);
      return deepFreeze({ form: 'share-range', subject: t.subject, low, high });
    }
  }
}

/** Options of {@link targetFromText}. */
export interface TargetFromTextOptions {
  /** Which households the sentence is about (the library does not guess it from the words). */
  readonly subject: TargetSubject;
}

const NUM = String.raw`\d[\d.]*(?:,\d+)?`;
const QUAL = `(?:(${NUMBER_QUALIFIERS.map((q) => q.word).join('|')})\\s+)?`;
const SEP = String.raw`\s*(?:-|–|—|~|\s(?:đến|tới)\s)\s*`;
/** A percent sign, or points written out: “1,20 điểm phần trăm”, “1,2 điểm %”. */
const PCT = String.raw`(?:\s*%|\s+điểm\s*(?:%|phần\s+trăm))`;
/** What a target figure measures: a share of the households (“1/5 số hộ”, “15% số hộ”), points of their rate, households. */
type Measure = 'share' | 'percent-share' | 'points' | 'households';
/** A target figure: a share, a percentage or a number of households, single or a range, with a qualifier. */
const FIGURES: ReadonlyArray<{ readonly measure: Measure; readonly re: RegExp }> = [
  { measure: 'share', re: new RegExp(`${QUAL}(\\d+)\\s*/\\s*(\\d+)\\s+(?:số\\s+)?hộ`, 'giu') },
  // “giảm 15% số hộ cận nghèo”: a share of the households, not points of their rate (“giảm 2,5% tỷ lệ hộ nghèo”)
  { measure: 'percent-share', re: new RegExp(`${QUAL}(${NUM})\\s*%\\s+(?:(?:tổng\\s+)?số\\s+)hộ`, 'giu') },
  { measure: 'points', re: new RegExp(`${QUAL}(?:từ\\s+)?(${NUM})\\s*%?${SEP}(${NUM})${PCT}`, 'giu') },
  { measure: 'points', re: new RegExp(`${QUAL}(${NUM})${PCT}`, 'giu') },
  { measure: 'households', re: new RegExp(`${QUAL}(?:từ\\s+)?(${NUM})${SEP}(${NUM})\\s+hộ`, 'giu') },
  { measure: 'households', re: new RegExp(`${QUAL}(${NUM})\\s+hộ`, 'giu') },
];
/** What joins a target to the same goal in another form: “(tương ứng …)”, “(…)”, or “, tương đương giảm …” without brackets. */
const EQUIVALENT = /(?:\(\s*(?:tương ứng|tương đương|tức là|khoảng|ứng với)?|[,;]?\s*(?:tương ứng|tương đương|tức là|ứng với))\s*(?:với\s+)?(?:là\s+)?(?:giảm\s+)?$/iu;

type Found = { readonly start: number; readonly end: number; readonly measure: Measure; readonly text: string; readonly groups: readonly (string | undefined)[] };

function figureTarget(f: Found, subjectOf: TargetSubject): ReductionTarget {
  const [word, a, b] = f.groups;
  const q = word === undefined ? {} : { qualifier: word.toLowerCase() };
  if (f.measure === 'share') return reductionTarget({ form: 'share', subject: subjectOf, share: fraction(BigInt(a!), BigInt(b!)), ...q });
  const kind = f.measure === 'points' || f.measure === 'percent-share' ? 'rate' : 'count';
  const value = (t: string): Fraction => printedInterval(t, { kind }).figures[0]!;
  if (f.measure === 'percent-share') return reductionTarget({ form: 'share', subject: subjectOf, share: divideFractions(value(a!), fraction(100n)), ...q });
  if (b !== undefined) {
    if (word !== undefined) fail({ code: 'unreadable-target', path: [], value: f.text, expected: 'a range without a qualifier before it, or one figure with its qualifier' });
    return f.measure === 'points'
      ? reductionTarget({ form: 'range', subject: subjectOf, low: value(a!), high: value(b) })
      : reductionTarget({ form: 'count-range', subject: subjectOf, low: Number(value(a!).num), high: Number(value(b).num) });
  }
  return f.measure === 'points'
    ? reductionTarget({ form: 'points', subject: subjectOf, points: value(a!), ...q })
    : reductionTarget({ form: 'count', subject: subjectOf, households: Number(value(a!).num), ...q });
}

/**
 * Reads the figure of a target sentence as plans print it, completely: `'0,8%'`, `'1,20 điểm phần trăm'` → points;
 * `'0,17 – 0,2%/năm'` → range of points; `'1/5 số hộ'`, `'15% số hộ'` → share; `'10 hộ'` → count;
 * `'410-470 hộ'`, `'từ 2.150 đến 2.480 hộ'` → a range of households; a qualifier before a figure
 * is kept (`'giảm hơn 2%'`, `'ít nhất 0,1%'`). A second figure in brackets, or after “tương ứng” or
 * “tương đương” (with or without brackets), is the same goal in another form (`equivalent`). Only the figure is read; the
 * caller says what it is about. **Anything it cannot read completely is an error, never a partial
 * reading**: two targets in one sentence, a qualified range.
 *
 * @throws VnPovertyError `unreadable-target` when no figure of a known form is found, or the
 *   text holds figures it cannot tie together.
 * @example
 * targetFromText('Tỷ lệ hộ nghèo đa chiều giảm từ 0,17 – 0,2%/năm', { subject: 'poor' }).form //=> 'range'
 * targetFromText('phấn đấu giảm 10 hộ nghèo', { subject: 'poor' }) //=> { form: 'count', subject: 'poor', households: 10 }
 * targetFromText('giảm từ 3,5-4,0% (tương ứng từ 410-470 hộ)', { subject: 'poor' }).equivalent //=> { form: 'count-range', subject: 'poor', low: 410, high: 470 }
 * targetFromText('giảm từ 3,5-4,0%, tương đương giảm 850-970 hộ', { subject: 'poor' }).equivalent //=> { form: 'count-range', subject: 'poor', low: 850, high: 970 }
 * @see poverty-rate-reporting §3
 */
export function targetFromText(text: string, options: TargetFromTextOptions): ReductionTarget {
  assertOptions(options, 'targetFromText', true);
  const s = text.normalize('NFC');
  const found: Found[] = [];
  for (const { measure, re } of FIGURES) {
    for (const m of s.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, measure, text: m[0], groups: m.slice(1) });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const unreadable = (why: string): never =>
    fail({ code: 'unreadable-target', path: [], value: text, expected: `one target figure such as "0,8%", "0,17 – 0,2%", "1/5 số hộ", "10 hộ" or "410-470 hộ" (${why})` });
  if (found.length === 0) return unreadable('no figure found');
  const [first, second] = found;
  const main = figureTarget(first!, options.subject);
  if (second === undefined) return main;
  if (found.length > 2 || second.measure === first!.measure || !EQUIVALENT.test(s.slice(first!.end, second.start))) {
    return unreadable(`${found.length} figures: ${found.map((f) => JSON.stringify(f.text.trim())).join(', ')}; pass one target at a time`);
  }
  return deepFreeze({ ...main, equivalent: figureTarget(second, options.subject) });
}
