import { formatInterval, hullIntervals, scaleInterval, type Interval } from '../numbers/interval.js';
import { fraction } from '../numbers/fraction.js';
import { DONG_PER_UNIT } from '../numbers/money.js';
import type { QualifierMeaning } from '../numbers/parseVnNumber.js';
import { printedInterval } from '../numbers/printedInterval.js';
import type { ProseFigure } from './_proseFigures.js';

/** The word the interval kernel reads for a qualifier's meaning (the prose may print “tối thiểu là”, “khoảng trên”). */
const WORD: Readonly<Record<QualifierMeaning, string>> = { 'more-than': 'hơn', 'at-least': 'ít nhất', 'less-than': 'dưới', 'at-most': 'tối đa', about: 'khoảng', nearly: 'gần' };

/**
 * The interval a printed figure of the prose stands for, read by the interval kernel
 * (`printedInterval`: “hơn 600” → (600, ∞), “khoảng 5.600” → 5.550–5.650, an exact figure a
 * point; a figure with a scale word the values that round to it: “11,7 nghìn hộ” → 11.650–11.750),
 * in its dimension's common unit (money in đồng).
 */
export function figureInterval(f: ProseFigure): Interval {
  // “300–350 hộ”, “1,5 đến 2%”: from the low end to the high end, each within its printed rounding
  // (“khoảng 300–350 hộ”: each end about, 250 – 355)
  if (f.range !== undefined && f.qualifier?.meaning === 'about') {
    const kind = f.dimension === 'percent' ? 'rate' : 'amount';
    const end = (digits: string): Interval => (f.qualifier!.word === '' ? printedInterval(digits, { kind }).precision : printedInterval(`khoảng ${digits}`, { kind }).interval);
    const read = hullIntervals(end(f.range.lowDigits), end(f.range.highDigits));
    return f.dimension === 'money' ? scaleInterval(read, fraction(DONG_PER_UNIT[f.moneyUnit ?? 'dong'])) : read;
  }
  // “11,7 nghìn hộ”: the values that round to 11,7 thousand (11.650 – 11.750)
  if (f.scale !== undefined && f.qualifier?.word === '') {
    const read = scaleInterval(printedInterval(f.scale.printed, { kind: 'rate' }).precision, fraction(f.scale.factor));
    return f.dimension === 'money' ? scaleInterval(read, fraction(DONG_PER_UNIT[f.moneyUnit ?? 'dong'])) : read;
  }
  const text = f.qualifier === null ? f.digits : `${WORD[f.qualifier.meaning]} ${f.digits}`;
  const read = printedInterval(text, { kind: f.dimension === 'percent' ? 'rate' : 'amount' }).interval;
  return f.dimension === 'money' ? scaleInterval(read, fraction(DONG_PER_UNIT[f.moneyUnit ?? 'dong'])) : read;
}

/**
 * A printed percentage as the values its rounding for print allows (“99,04” → 99,035–99,045), or
 * its qualifier's interval when it has one (“trên 90%” → more than 90), as a share (÷ 100).
 */
export function percentShareInterval(f: ProseFigure): Interval {
  const read = f.qualifier !== null && f.qualifier.word !== '' ? figureInterval(f) : printedInterval(f.digits, { kind: 'rate' }).precision;
  return scaleInterval(read, fraction(1n, 100n));
}

/** An interval in the unit of a figure (money shown in the figure's unit), with one decimal (none for a count whose ends are whole) and the figure's unit word. */
export function intervalInUnitOf(i: Interval, like: ProseFigure): string {
  const per = like.dimension === 'money' ? DONG_PER_UNIT[like.moneyUnit ?? 'dong'] : 1n;
  const scaled = scaleInterval(i, fraction(1n, per));
  // a count of whole households or persons is shown whole (“370 hộ”); a count implied by a rate keeps its decimal (“392,4 – 396,2 hộ”)
  const whole = [scaled.low, scaled.high].every((b) => b === null || b.value.den === 1n);
  const decimals = like.dimension === 'money' || like.dimension === 'percent' || !whole ? 1 : 0;
  return `${formatInterval(scaled, { decimals }).replace('–', ' – ')} ${like.unitText}`;
}
