import { formatInterval, hullIntervals, interval, scaleInterval, type Interval } from '../numbers/interval.js';
import { addFractions, fraction, fractionToDecimal, multiplyFractions, subtractFractions, toFraction, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { DONG_PER_UNIT } from '../numbers/money.js';
import type { QualifierMeaning } from '../numbers/parseVnNumber.js';
import { printedInterval, qualifiedInterval, type ApproximationRules } from '../numbers/printedInterval.js';
import type { ProseFigure } from './_proseFigures.js';
import { DEFAULT_QUALIFIER_BOUNDS, type BoundRule, type QualifierBounds } from './qualifierBounds.js';

/** How the prose's qualifiers are read: the width of “khoảng”/“gần” and the bounds of “hơn”/“dưới”. */
export interface ProseReadings {
  readonly approximations?: Partial<ApproximationRules>;
  readonly bounds: QualifierBounds;
}

/** The library's readings: “khoảng” at half the last significant digit, {@link DEFAULT_QUALIFIER_BOUNDS}. */
export const DEFAULT_READINGS: ProseReadings = { bounds: DEFAULT_QUALIFIER_BOUNDS };

/**
 * One unit of the last significant digit of a round figure (“830” → 10, “1.000” → 1.000, “5” → 1,
 * “0,5” → 0,1), null for a figure that is not round (“835”, “1,25”).
 */
function roundUnit(f: ProseFigure): Fraction | null {
  const digits = f.digits.replace(/\./g, '').replace(',', '.');
  const significant = digits.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  if (significant.length === 0) return null;
  const [whole = '', frac = ''] = digits.split('.');
  if (frac !== '') return significant.length === 1 ? fraction(1n, 10n ** BigInt(frac.length)) : null;
  const zeros = whole.length - whole.replace(/0+$/, '').length;
  if (zeros === 0 && significant.length > 1) return null;
  return fraction(10n ** BigInt(zeros));
}

/** “hơn 830” bounded at 840, “dưới 500” at 400, under the rule for the figure's kind; else the interval as read. */
function bounded(read: Interval, f: ProseFigure, bounds: QualifierBounds): Interval {
  const meaning = f.qualifier?.meaning;
  if (meaning !== 'more-than' && meaning !== 'less-than') return read;
  const sideRules = meaning === 'more-than' ? bounds.moreThan : bounds.lessThan;
  const rule: BoundRule = f.dimension === 'percent' ? sideRules.rates : sideRules.amounts;
  const unit = rule === 'round-figure' && f.range === undefined ? roundUnit(f) : null;
  if (unit === null) return read;
  return meaning === 'more-than' ? interval(f.value, addFractions(f.value, unit), { lowOpen: true, highOpen: true }) : interval(subtractFractions(f.value, unit), f.value, { lowOpen: true, highOpen: true });
}

/** The word the interval kernel reads for a qualifier's meaning (the prose may print “tối thiểu là”, “khoảng trên”). */
const WORD: Readonly<Record<QualifierMeaning, string>> = { 'more-than': 'hơn', 'at-least': 'ít nhất', 'less-than': 'dưới', 'at-most': 'tối đa', about: 'khoảng', nearly: 'gần' };

/**
 * The interval a printed figure of the prose stands for, read by the interval kernel
 * (`printedInterval`: “hơn 600” → (600, ∞), “khoảng 5.600” → 5.550–5.650, an exact figure a
 * point; a figure with a scale word the values that round to it: “11,7 nghìn hộ” → 11.650–11.750),
 * in its dimension's common unit (money in đồng).
 */
export function figureInterval(f: ProseFigure, readings: ProseReadings = DEFAULT_READINGS): Interval {
  if (f.fraction !== undefined) return fractionInterval(f, readings);
  const approximations = readings.approximations === undefined ? {} : { approximations: readings.approximations };
  // “300–350 hộ”, “1,5 đến 2%”: from the low end to the high end, each within its printed rounding
  // (“khoảng 300–350 hộ”: each end about, 250 – 355)
  if (f.range !== undefined && f.qualifier?.meaning === 'about') {
    const kind = f.dimension === 'percent' ? 'rate' : 'amount';
    const end = (digits: string): Interval => (f.qualifier!.word === '' ? printedInterval(digits, { kind }).precision : printedInterval(`khoảng ${digits}`, { kind, ...approximations }).interval);
    const read = hullIntervals(end(f.range.lowDigits), end(f.range.highDigits));
    return f.dimension === 'money' ? scaleInterval(read, fraction(DONG_PER_UNIT[f.moneyUnit ?? 'dong'])) : read;
  }
  // “11,7 nghìn hộ”: the values that round to 11,7 thousand (11.650 – 11.750)
  if (f.scale !== undefined && f.qualifier?.word === '') {
    const read = scaleInterval(printedInterval(f.scale.printed, { kind: 'rate' }).precision, fraction(f.scale.factor));
    return f.dimension === 'money' ? scaleInterval(read, fraction(DONG_PER_UNIT[f.moneyUnit ?? 'dong'])) : read;
  }
  const text = f.qualifier === null ? f.digits : `${WORD[f.qualifier.meaning]} ${f.digits}`;
  const read = bounded(printedInterval(text, { kind: f.dimension === 'percent' ? 'rate' : 'amount', ...approximations }).interval, f, readings.bounds);
  return f.dimension === 'money' ? scaleInterval(read, fraction(DONG_PER_UNIT[f.moneyUnit ?? 'dong'])) : read;
}

/**
 * A printed percentage as the values its rounding for print allows (“99,04” → 99,035–99,045), or
 * its qualifier's interval when it has one (“trên 90%” → more than 90), as a share (÷ 100).
 */
export function percentShareInterval(f: ProseFigure, readings: ProseReadings = DEFAULT_READINGS): Interval {
  if (f.fraction !== undefined) return scaleInterval(fractionInterval(f, readings), fraction(1n, 100n));
  const read = f.qualifier !== null && f.qualifier.word !== '' ? figureInterval(f, readings) : printedInterval(f.digits, { kind: 'rate' }).precision;
  return scaleInterval(read, fraction(1n, 100n));
}

/**
 * How far a share printed as a fraction (“1/3”, “một nửa”) reaches either side of it when it is
 * approximate (no qualifier, “khoảng”; “gần” on the low side only): a tenth of the fraction — “khoảng
 * 1/3” is 30,00 – 36,67 %, “một nửa” 45 – 55 %, “gần một nửa” 45 – 50 %. A fraction has no last
 * digit, so `approximations`' `last-digit` gives this width; a width `by: 'share'` replaces it. A
 * library reading, not a rule of law.
 * @example
 * FRACTION_APPROXIMATION //=> { num: 1n, den: 10n }
 */
export const FRACTION_APPROXIMATION: Fraction = Object.freeze(fraction(1n, 10n));

/**
 * The percentages a fraction share allows, by its qualifier: about (none, “khoảng”, “xấp xỉ”) and
 * nearly (“gần”) by {@link FRACTION_APPROXIMATION}; “trên”/“hơn” above it, “dưới” below it, “ít
 * nhất”/“tối đa” it included — each bound strict, as the words say (“trên 1/3” is not 1/3).
 */
function fractionInterval(f: ProseFigure, readings: ProseReadings): Interval {
  const q = f.value;
  const meaning = f.qualifier?.meaning ?? 'about';
  const rule = meaning === 'nearly' ? readings.approximations?.nearly : readings.approximations?.about;
  const share = rule?.by === 'share' ? toFraction(rule.share, ['approximations', meaning === 'nearly' ? 'nearly' : 'about', 'share']) : FRACTION_APPROXIMATION;
  return qualifiedInterval(q, meaning, multiplyFractions(q, share));
}

/** An interval in the unit of a figure (money shown in the figure's unit), with one decimal (none for a count whose ends are whole) and the figure's unit word. */
export function intervalInUnitOf(i: Interval, like: ProseFigure): string {
  const per = like.dimension === 'money' ? DONG_PER_UNIT[like.moneyUnit ?? 'dong'] : 1n;
  const scaled = scaleInterval(i, fraction(1n, per));
  // a count of whole households or persons is shown whole (“370 hộ”); a count implied by a rate keeps its decimal (“392,4 – 396,2 hộ”)
  const whole = [scaled.low, scaled.high].every((b) => b === null || b.value.den === 1n);
  const decimals = like.dimension === 'money' || like.dimension === 'percent' || !whole ? 1 : 0;
  // a low end of 0 not reached is no bound (a count from “trên 90%”): “less than 1.944,5 hộ”
  if (scaled.low !== null && scaled.low.open && scaled.low.value.num === 0n && scaled.high !== null) {
    return `${scaled.high.open ? 'less than' : 'at most'} ${formatInterval(interval(null, scaled.high.value), { decimals }).replace(/^≤ /, '')} ${like.unitText}`;
  }
  // “hơn 930 tỷ” bounded at its round figure: both ends open
  if (scaled.low !== null && scaled.high !== null && scaled.low.open && scaled.high.open) {
    return `more than ${formatVnNumber(fractionToDecimal(scaled.low.value), { decimals, rounding: 'floor' })} and less than ${formatVnNumber(fractionToDecimal(scaled.high.value), { decimals, rounding: 'ceil' })} ${like.unitText}`;
  }
  if (scaled.high === null && scaled.low !== null) return `${scaled.low.open ? 'more than' : 'at least'} ${formatInterval(interval(scaled.low.value, null), { decimals }).replace(/^≥ /, '')} ${like.unitText}`;
  return `${formatInterval(scaled, { decimals }).replace('–', ' – ')} ${like.unitText}`;
}
