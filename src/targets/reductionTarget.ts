import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { compareFractions, fraction, toFraction, type Fraction } from '../numbers/fraction.js';
import { parseVnNumber } from '../numbers/parseVnNumber.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Which households a target is about. */
export type TargetSubject = 'poor' | 'near-poor' | 'poor-and-near-poor';

/**
 * A reduction target in one of the four forms plans use:
 * - `'points'`: the rate falls by so many **percentage points** (“giảm 0,8%”);
 * - `'share'`: the count falls by a fraction of itself (“giảm 1/5 số hộ nghèo và hộ cận nghèo”);
 * - `'count'`: the count falls by so many households (“giảm 10 hộ nghèo”);
 * - `'range'`: the rate falls by between two point values (“0,17 – 0,2%/năm”).
 *
 * @see poverty-rate-reporting §3 (“giảm X%” is X percentage points unless the text says otherwise)
 */
export type ReductionTarget =
  | { readonly form: 'points'; readonly subject: TargetSubject; readonly points: Fraction }
  | { readonly form: 'share'; readonly subject: TargetSubject; readonly share: Fraction }
  | { readonly form: 'count'; readonly subject: TargetSubject; readonly households: number }
  | { readonly form: 'range'; readonly subject: TargetSubject; readonly low: Fraction; readonly high: Fraction };

/** The forms, as string literals. */
export type TargetForm = ReductionTarget['form'];

/** Input of {@link reductionTarget}: numbers as exact inputs (`'0.8'`, `'1/5'` as `{num, den}`, Decimal…). */
export type ReductionTargetInput =
  | { readonly form: 'points'; readonly subject: TargetSubject; readonly points: string | number | Fraction }
  | { readonly form: 'share'; readonly subject: TargetSubject; readonly share: string | number | Fraction }
  | { readonly form: 'count'; readonly subject: TargetSubject; readonly households: number }
  | { readonly form: 'range'; readonly subject: TargetSubject; readonly low: string | number | Fraction; readonly high: string | number | Fraction };

const subject = z.enum(['poor', 'near-poor', 'poor-and-near-poor']);
const exact = z.union([z.string(), z.number(), z.object({ num: z.bigint(), den: z.bigint() })]);
const schema = z.discriminatedUnion('form', [
  z.object({ form: z.literal('points'), subject, points: exact }),
  z.object({ form: z.literal('share'), subject, share: exact }),
  z.object({ form: z.literal('count'), subject, households: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }),
  z.object({ form: z.literal('range'), subject, low: exact, high: exact }),
]);

const nonNegative = (f: Fraction, path: string[]): Fraction => {
  if (f.num < 0n) fail({ code: 'negative-target', path, value: `${f.num}/${f.den}`, expected: 'a reduction ≥ 0' });
  return f;
};

/**
 * Makes a checked reduction target (exact numbers, non-negative; a share at most 1; a range low ≤ high).
 * @throws VnPovertyError `invalid-input`, `invalid-number`, `negative-target`, `share-above-one`, `inverted-range`.
 * @example
 * reductionTarget({ form: 'share', subject: 'poor-and-near-poor', share: { num: 1n, den: 5n } }).share //=> { num: 1n, den: 5n }
 */
export function reductionTarget(input: ReductionTargetInput): ReductionTarget {
  const t = parseInput(schema, input);
  switch (t.form) {
    case 'points':
      return deepFreeze({ form: 'points', subject: t.subject, points: nonNegative(toFraction(t.points, ['points']), ['points']) });
    case 'share': {
      const share = nonNegative(toFraction(t.share, ['share']), ['share']);
      if (compareFractions(share, fraction(1n)) > 0) fail({ code: 'share-above-one', path: ['share'], value: `${share.num}/${share.den}`, expected: 'a share of the households ≤ 1' });
      return deepFreeze({ form: 'share', subject: t.subject, share });
    }
    case 'count':
      return deepFreeze({ form: 'count', subject: t.subject, households: t.households });
    case 'range': {
      const low = nonNegative(toFraction(t.low, ['low']), ['low']);
      const high = nonNegative(toFraction(t.high, ['high']), ['high']);
      if (compareFractions(low, high) > 0) fail({ code: 'inverted-range', path: ['low'], value: `${low.num}/${low.den}`, expected: 'low ≤ high' });
      return deepFreeze({ form: 'range', subject: t.subject, low, high });
    }
  }
}

/** Options of {@link targetFromText}. */
export interface TargetFromTextOptions {
  /** Which households the sentence is about (the library does not guess it from the words). */
  readonly subject: TargetSubject;
}

/**
 * Reads the figure of a target sentence as plans print it:
 * `'0,8%'` → points; `'0,17 – 0,2%/năm'` → range of points; `'1/5'` → share; `'10 hộ'` → count.
 * Only the figure is read; the caller says what it is about.
 *
 * @throws VnPovertyError `unreadable-target` when no figure of a known form is found.
 * @example
 * targetFromText('Tỷ lệ hộ nghèo đa chiều giảm từ 0,17 – 0,2%/năm', { subject: 'poor' }).form //=> 'range'
 * targetFromText('phấn đấu giảm 10 hộ nghèo', { subject: 'poor' }) //=> { form: 'count', subject: 'poor', households: 10 }
 * @see poverty-rate-reporting §3
 */
export function targetFromText(text: string, options: TargetFromTextOptions): ReductionTarget {
  assertOptions(options, 'targetFromText', true);
  const s = text.normalize('NFC');
  const num = String.raw`\d[\d.]*(?:,\d+)?`;
  const range = new RegExp(`(${num})\\s*%?\\s*[-–—]\\s*(${num})\\s*%`).exec(s);
  if (range) return reductionTarget({ form: 'range', subject: options.subject, low: rate(range[1]!), high: rate(range[2]!) });
  const share = /(\d+)\s*\/\s*(\d+)\s+(?:số\s+)?hộ/.exec(s);
  if (share) return reductionTarget({ form: 'share', subject: options.subject, share: fraction(BigInt(share[1]!), BigInt(share[2]!)) });
  const pct = new RegExp(`(${num})\\s*%`).exec(s);
  if (pct) return reductionTarget({ form: 'points', subject: options.subject, points: rate(pct[1]!) });
  const households = new RegExp(`(${num})\\s+hộ`).exec(s);
  if (households) return reductionTarget({ form: 'count', subject: options.subject, households: parseVnNumber(households[1]!, { kind: 'count' }).value.toNumber() });
  return fail({ code: 'unreadable-target', path: [], value: text, expected: 'a target figure such as "0,8%", "0,17 – 0,2%", "1/5 số hộ" or "10 hộ"' });
}

function rate(text: string): Fraction {
  return toFraction(parseVnNumber(text, { kind: 'rate' }).value);
}
