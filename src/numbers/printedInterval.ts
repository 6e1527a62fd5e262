import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { fraction, toFraction, type Fraction } from './fraction.js';
import type { RoundingMode } from './rounding.js';
import { hullIntervals, interval, pointInterval, widenInterval, type Interval } from './interval.js';
import { parseVnNumber, type NumberQualifier, type PrintedUnit, type QuantityKind } from './parseVnNumber.js';
import { NUMBER_QUALIFIERS, type QualifierMeaning } from './qualifiers.js';

/**
 * How figures are written: `'vi'` (`.` groups thousands, `,` marks decimals: `1.234,5`) or
 * `'en'` (`,` groups thousands, `.` marks decimals: `1,234.5`), as some provincial portals print.
 */
export type NumberFormat = 'vi' | 'en';

/**
 * How wide “khoảng X” (about) and “gần X” (nearly) are:
 * - `{ by: 'last-digit' }` — half a unit of the last significant digit printed: “khoảng 5.600”
 *   is 5.550–5.650, “gần 38,2” is 38,15–38,2; a rate's last digit is its last decimal
 *   (“khoảng 112%” is 111,5–112,5 %);
 * - `{ by: 'share', share }` — a share of the figure either side: `{ by: 'share', share: '0.05' }`
 *   reads “khoảng 5.600” as 5.320–5.880.
 */
export type Approximation = { readonly by: 'last-digit' } | { readonly by: 'share'; readonly share: string | number };

/** The width of each approximate qualifier; see {@link DEFAULT_APPROXIMATIONS}. */
export interface ApproximationRules {
  readonly about: Approximation;
  readonly nearly: Approximation;
}

/**
 * The library's choice for “khoảng”/“xấp xỉ”/“trên dưới” (about) and “gần” (nearly): half a
 * unit of the last significant digit. It is a reading, not a rule of law: override it with
 * `approximations` wherever a figure is read.
 * @example
 * DEFAULT_APPROXIMATIONS.about //=> { by: 'last-digit' }
 */
export const DEFAULT_APPROXIMATIONS: ApproximationRules = deepFreeze({ about: { by: 'last-digit' }, nearly: { by: 'last-digit' } });

/**
 * The interval each qualifier meaning stands for, with `X` the figure and `w` the width of
 * {@link ApproximationRules} (one-sided qualifiers have no width):
 * @example
 * QUALIFIER_INTERVALS['more-than'] //=> '(X, ∞): strictly more than X (hơn, trên)'
 */
export const QUALIFIER_INTERVALS: Readonly<Record<QualifierMeaning, string>> = Object.freeze({
  'more-than': '(X, ∞): strictly more than X (hơn, trên)',
  'at-least': '[X, ∞): X or more (ít nhất, tối thiểu, không dưới)',
  'less-than': '(−∞, X): strictly less than X (dưới, chưa đến)',
  'at-most': '(−∞, X]: X or less (tối đa, không quá)',
  about: '[X − w, X + w]: about X (khoảng, xấp xỉ, trên dưới)',
  nearly: '[X − w, X]: a little under X, or X (gần)',
});

/** A printed figure read as an interval; see {@link printedInterval}. */
export interface PrintedInterval {
  /** The text as given. */
  readonly text: string;
  /** The figure(s) as printed, in the unit printed: one, or the two ends of a range. */
  readonly figures: readonly Fraction[];
  /** The values the words allow: a point for an exact figure; one- or two-sided for a qualified figure; the range for “a–b”. */
  readonly interval: Interval;
  /** {@link interval} widened by half a unit of the last printed decimal: what rounding for print allows too. */
  readonly precision: Interval;
  /** Decimals printed (the largest of a range's ends). */
  readonly decimals: number;
  /** Half a unit of the last printed decimal (`'0,70'` → 0,005; `'16.194'` → 0,5); for a range, of its coarser end. */
  readonly halfUnit: Fraction;
  /** The unit printed after the figure, or null. */
  readonly unit: PrintedUnit | null;
  /** The qualifiers printed before the figure, in order (empty for an exact figure). */
  readonly qualifiers: readonly NumberQualifier[];
  /** True for a range (“410-470 hộ”, “từ 2.150 đến 2.480 hộ”). */
  readonly range: boolean;
  /** True when the figure is exact as printed: no qualifier, not a range. */
  readonly exact: boolean;
}

/** Options of {@link printedInterval}. */
export interface PrintedIntervalOptions {
  /** What the figure holds (see `parseVnNumber`); needed to read a lone `.`. */
  readonly kind?: QuantityKind;
  /** `'vi'` unless told. */
  readonly numberFormat?: NumberFormat;
  /** Widths of “khoảng” and “gần”; {@link DEFAULT_APPROXIMATIONS} unless told. */
  readonly approximations?: Partial<ApproximationRules>;
}

/**
 * A figure written in `format` rewritten the Vietnamese way, so that `parseVnNumber` reads it:
 * for `'en'` the marks `.` and `,` swap (`1,234.5` → `1.234,5`); `'vi'` text is returned as is.
 * @example
 * toViNumberText('235,118.00', 'en') //=> '235.118,00'
 */
export function toViNumberText(text: string, format: NumberFormat): string {
  return format === 'en' ? text.replace(/[.,]/g, (m) => (m === '.' ? ',' : '.')) : text;
}

const RANGE = /^(.*?\d[^\d]*?)\s*(?:–|—|~|-|\s(?:đến|tới)\s)\s*(\d.*)$/u;
const FROM = /^từ\s+/u;

function decimalsOf(body: string, kind: QuantityKind | null): number {
  const numeric = body.replace(/[^\d.,]/g, '');
  const at = numeric.lastIndexOf(',');
  if (at >= 0) return numeric.length - at - 1;
  if (kind === 'rate' && (numeric.match(/\./g) ?? []).length === 1) return numeric.length - numeric.lastIndexOf('.') - 1;
  return 0;
}

/** Unit of the last significant digit: 10^-decimals, or for a whole count or amount 10^(trailing zeros). */
function lastDigitUnit(value: Fraction, decimals: number, kind: QuantityKind | null): Fraction {
  if (decimals > 0 || kind === 'rate' || value.num === 0n) return fraction(1n, 10n ** BigInt(decimals));
  let n = value.num < 0n ? -value.num : value.num;
  let unit = 1n;
  while (n % 10n === 0n && value.den === 1n) {
    n /= 10n;
    unit *= 10n;
  }
  return fraction(unit);
}

/**
 * The interval a qualifier meaning gives a figure `x`, with `width` the half-width of “khoảng”
 * and “gần” (see {@link approximationWidth}); see {@link QUALIFIER_INTERVALS}.
 * @example
 * formatInterval(qualifiedInterval(fraction(2n), 'more-than', fraction(0n)), { decimals: 0 }) //=> '> 2'
 */
export function qualifiedInterval(x: Fraction, meaning: QualifierMeaning, width: Fraction): Interval {
  switch (meaning) {
    case 'more-than':
      return interval(x, null, { lowOpen: true });
    case 'at-least':
      return interval(x, null);
    case 'less-than':
      return interval(null, x, { highOpen: true });
    case 'at-most':
      return interval(null, x);
    case 'about':
      return widenInterval(pointInterval(x), width);
    case 'nearly':
      return interval(fraction(x.num * width.den - width.num * x.den, x.den * width.den), x);
  }
}

/**
 * The half-width of “khoảng X” or “gần X” under the approximation rules: half a unit of the
 * last significant digit of X as printed with `decimals` decimals (`'last-digit'`), or a share of X.
 * @example
 * approximationWidth(fraction(5600n), 'about', 0, 'count', DEFAULT_APPROXIMATIONS) //=> { num: 50n, den: 1n }
 */
export function approximationWidth(x: Fraction, meaning: QualifierMeaning, decimals: number, kind: QuantityKind | null, rules: ApproximationRules): Fraction {
  const rule = meaning === 'nearly' ? rules.nearly : rules.about;
  if (rule.by === 'share') {
    const share = toFraction(rule.share, ['approximations', meaning === 'nearly' ? 'nearly' : 'about', 'share']);
    const w = fraction(x.num * share.num, x.den * share.den);
    return w.num < 0n ? fraction(-w.num, w.den) : w;
  }
  const unit = lastDigitUnit(x, decimals, kind);
  return fraction(unit.num, unit.den * 2n);
}

/**
 * Reads a printed figure into the interval of values it allows, keeping everything printed:
 * qualifiers (see {@link QUALIFIER_INTERVALS}: “hơn 620 tỷ đồng” → (620, ∞); “khoảng 5.600” →
 * 5.550–5.650; “gần 38,2 tỷ” → 38,15–38,2), ranges (“0,17–0,2%”, “410-470 hộ”, “từ 2.150 đến
 * 2.480 hộ”), units, and the printed precision (`precision`: “0,70” allows 0,695–0,705). An
 * exact figure is a point. Several qualifiers (“khoảng trên 200”) give the widest reading.
 *
 * @throws VnPovertyError as `parseVnNumber` does for a figure it cannot read, and
 *   `unit-mismatch` for a range whose ends carry different units.
 * @example
 * formatInterval(printedInterval('hơn 620 tỷ đồng').interval, { decimals: 0 }) //=> '> 620'
 * formatInterval(printedInterval('khoảng 5.600 lượt người').interval, { decimals: 0 }) //=> '5.550–5.650'
 * printedInterval('410-470 hộ').range //=> true
 * formatInterval(printedInterval('0,70', { kind: 'rate' }).precision, { decimals: 3 }) //=> '0,695–0,705'
 */
export function printedInterval(text: string, options: PrintedIntervalOptions = {}): PrintedInterval {
  if (typeof text !== 'string') return fail({ code: 'invalid-number', path: [], value: text, expected: 'a printed figure as text' });
  const format = options.numberFormat ?? 'vi';
  const rules: ApproximationRules = { ...DEFAULT_APPROXIMATIONS, ...options.approximations };
  let rest = toViNumberText(text, format).normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').trim().toLowerCase();
  const qualifiers: NumberQualifier[] = [];
  for (let again = true; again; ) {
    again = false;
    rest = rest.replace(FROM, '');
    for (const q of NUMBER_QUALIFIERS) {
      if (rest.startsWith(`${q.word} `)) {
        qualifiers.push(Object.freeze({ word: q.word, meaning: q.meaning }));
        rest = rest.slice(q.word.length).trim();
        again = true;
        break;
      }
    }
  }
  const m = RANGE.exec(rest);
  const parts = m === null ? [rest] : [m[1]!.trim(), m[2]!.trim()];
  const last = parseVnNumber(parts[parts.length - 1]!, options.kind === undefined ? {} : { kind: options.kind });
  const kind = last.kind;
  const read = parts.map((p, i) => {
    if (i === parts.length - 1) return last;
    const first = parseVnNumber(p, kind === null ? {} : { kind });
    if (first.unit !== null && first.unit !== last.unit) fail({ code: 'unit-mismatch', path: [], value: text, expected: 'both ends of a range in one unit' });
    return first;
  });
  const figures = read.map((r) => toFraction(r.value));
  const partDecimals = parts.map((p) => decimalsOf(p, kind));
  const decimals = Math.max(...partDecimals);
  const half = (d: number): Fraction => fraction(1n, 2n * 10n ** BigInt(d));
  const halfUnit = half(Math.min(...partDecimals));
  const widthOf = (x: Fraction, meaning: QualifierMeaning): Fraction => approximationWidth(x, meaning, decimals, kind, rules);
  const around = (x: Fraction): Interval =>
    qualifiers.length === 0 ? pointInterval(x) : qualifiers.map((q) => qualifiedInterval(x, q.meaning, widthOf(x, q.meaning))).reduce(hullIntervals);
  const ends = figures.map(around);
  const value = ends.reduce(hullIntervals);
  const precision = ends.map((e, i) => widenInterval(e, half(partDecimals[i]!))).reduce(hullIntervals);
  if (figures.length === 2 && compareLow(figures[0]!, figures[1]!)) {
    fail({ code: 'inverted-range', path: [], value: text, expected: 'a range whose first figure is not above its second' });
  }
  return deepFreeze({
    text,
    figures,
    interval: value,
    precision,
    decimals,
    halfUnit,
    unit: last.unit,
    qualifiers,
    range: figures.length === 2,
    exact: figures.length === 1 && qualifiers.length === 0,
  });
}

const compareLow = (a: Fraction, b: Fraction): boolean => a.num * b.den > b.num * a.den;

/**
 * The exact values that print as `printed` when rounded to `decimals` places by `rounding`:
 * a rate printed `0,70` by half-up rounding comes from [0,695; 0,705). Used to check a printed
 * rate against the interval a count and a base allow.
 * @example
 * formatInterval(roundingPreimage(fraction(7n, 10n), 2, 'half-up'), { decimals: 3 }) //=> '0,695–0,705'
 * roundingPreimage(fraction(7n, 10n), 2, 'half-up').high //=> { value: { num: 141n, den: 200n }, open: true }
 */
export function roundingPreimage(printed: Fraction, decimals: number, rounding: RoundingMode): Interval {
  const u = fraction(1n, 10n ** BigInt(decimals));
  const h = fraction(1n, 2n * 10n ** BigInt(decimals));
  const at = (k: Fraction, sign: 1n | -1n): Fraction => fraction(printed.num * k.den + sign * k.num * printed.den, printed.den * k.den);
  const sign = printed.num > 0n ? 1 : printed.num < 0n ? -1 : 0;
  const around = (lowOpen: boolean, highOpen: boolean): Interval => interval(at(h, -1n), at(h, 1n), { lowOpen, highOpen });
  switch (rounding) {
    case 'half-up':
      return sign > 0 ? around(false, true) : sign < 0 ? around(true, false) : around(true, true);
    case 'half-down':
      return sign > 0 ? around(true, false) : sign < 0 ? around(false, true) : around(false, false);
    case 'half-even': {
      const last = (printed.num * 10n ** BigInt(decimals)) / printed.den;
      const even = (last < 0n ? -last : last) % 2n === 0n;
      return around(!even, !even);
    }
    case 'down':
      return sign > 0 ? interval(printed, at(u, 1n), { highOpen: true }) : sign < 0 ? interval(at(u, -1n), printed, { lowOpen: true }) : interval(at(u, -1n), at(u, 1n), { lowOpen: true, highOpen: true });
    case 'up':
      return sign > 0 ? interval(at(u, -1n), printed, { lowOpen: true }) : sign < 0 ? interval(printed, at(u, 1n), { highOpen: true }) : pointInterval(printed);
    case 'ceil':
      return interval(at(u, -1n), printed, { lowOpen: true });
    case 'floor':
      return interval(printed, at(u, 1n), { highOpen: true });
  }
}
