import { VnPovertyError } from '../errors/VnPovertyError.js';
import { fraction, multiplyFractions, toFraction, type Fraction } from '../numbers/fraction.js';
import { pointInterval, scaleInterval, type Interval } from '../numbers/interval.js';
import { DONG_PER_UNIT, type MoneyUnit } from '../numbers/money.js';
import { parseVnNumber } from '../numbers/parseVnNumber.js';
import { printedInterval, toViNumberText, type ApproximationRules, type NumberFormat } from '../numbers/printedInterval.js';
import { isNoFigureText, tableFigureText } from '../numbers/tableFigureText.js';
import type { ColumnKind, PrintedCell } from './printedTable.js';

/** A cell read into an exact value (or the interval its words allow), or why it could not be. */
export type ReadCell =
  | {
      readonly status: 'value';
      /** The figure in the column's unit (for a range, its low end). */
      readonly value: Fraction;
      readonly decimals: number;
      readonly text: string;
      /** For an amount printed in another unit than its column's: the figure as printed, unconverted. */
      readonly asPrinted?: Fraction;
      /** …and the unit it was printed in. */
      readonly printedUnit?: MoneyUnit;
      /** False for a qualified figure (“hơn 620”) or a range (“410-470”): only `interval` is known. */
      readonly exact: boolean;
      /** The values the printed words allow, in the column's unit (a point for an exact figure). */
      readonly interval: Interval;
      /** Half a unit of the last printed decimal, in the column's unit (0 for a blank read as zero). */
      readonly halfUnit: Fraction;
    }
  | { readonly status: 'blank'; readonly text: string }
  | { readonly status: 'unparseable'; readonly text: string; readonly code: string; readonly expected: string };

/** How cells of a table are read: number format and the widths of “khoảng”/“gần”. */
export interface CellReading {
  readonly numberFormat?: NumberFormat | undefined;
  readonly approximations?: Partial<ApproximationRules> | undefined;
}

const PLAIN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(\s*%)?$/;
const HALF = (decimals: number): Fraction => fraction(1n, 2n * 10n ** BigInt(decimals));

/** The cell as text, the way it is shown in issues. */
export function cellText(cell: PrintedCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell : String(cell);
}

function decimalsOf(digits: string, mark: string): number {
  const at = digits.lastIndexOf(mark);
  return at < 0 ? 0 : digits.length - at - 1;
}

const exactValue = (value: Fraction, decimals: number, text: string): ReadCell => ({ status: 'value', value, decimals, text, exact: true, interval: pointInterval(value), halfUnit: HALF(decimals) });

/** True for the text of a blank cell: nothing, “-”, “–”, “—”, “x” (not applicable), “…” (no data). */
export const isBlankText = (text: string): boolean => text.trim() === '' || isNoFigureText(text);

/** A blank cell read as zero: exactly nothing. */
export function zeroCell(text: string): ReadCell {
  return { status: 'value', value: fraction(0n), decimals: 0, text, exact: true, interval: pointInterval(0n), halfUnit: fraction(0n) };
}

/**
 * Reads a printed cell of a checked column into an exact fraction, remembering how many
 * decimals it was printed with; a qualified figure or a range into the interval it allows.
 * Never throws: an unreadable cell comes back as `unparseable`.
 */
export function readCell(cell: PrintedCell | undefined, kind: Exclude<ColumnKind, 'text'>, unit: MoneyUnit | undefined, reading: CellReading = {}): ReadCell {
  const text = cellText(cell);
  if (cell === null || cell === undefined) return { status: 'blank', text };
  if (typeof cell === 'bigint') return exactValue(fraction(cell), 0, text);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { status: 'unparseable', text, code: 'invalid-number', expected: 'a finite number' };
    if (kind === 'count' && !Number.isInteger(cell)) return { status: 'unparseable', text, code: 'not-a-count', expected: 'a whole number of households or persons' };
    return exactValue(toFraction(cell), decimalsOf(String(cell), '.'), text);
  }
  const trimmed = tableFigureText(toViNumberText(cell.trim(), reading.numberFormat ?? 'vi')).text;
  if (isBlankText(trimmed)) return { status: 'blank', text };
  // fast path for the plain figures that fill most tables; same reading as parseVnNumber
  const plain = PLAIN.exec(trimmed);
  if (plain !== null && (kind !== 'rate' || !trimmed.includes('.') || trimmed.includes(','))) {
    const [, whole = '', frac = '', percent = ''] = plain;
    if (percent === '' || kind === 'rate') {
      // a count printed with zero decimals (235118,00) is a count
      if (kind === 'count' && !/^0*$/.test(frac)) {
        const english = frac.length === 3 && !whole.includes('.') && reading.numberFormat !== 'en';
        const expected = english ? `a whole number of households or persons (“${trimmed}” in the English format is ${whole}.${frac}: if the table is written that way, give --number-format en)` : 'a whole number of households or persons';
        return { status: 'unparseable', text, code: 'not-a-count', expected };
      }
      const digits = whole.replace(/\./g, '') + frac;
      return exactValue(fraction(BigInt(digits), 10n ** BigInt(frac.length)), frac.length, text);
    }
  }
  try {
    const parsed = parseVnNumber(trimmed, { kind });
    if (parsed.qualifier !== null) return approximate(trimmed, text, kind, unit, reading);
    if (kind === 'rate' && parsed.unit !== null && parsed.unit !== 'percent') {
      return { status: 'unparseable', text, code: 'unit-mismatch', expected: 'a percentage' };
    }
    const asPrinted = toFraction(parsed.value);
    const numeric = trimmed.replace(/[^\d.,]/g, '');
    const decimals = numeric.includes(',') ? decimalsOf(numeric, ',') : kind === 'rate' ? decimalsOf(numeric, '.') : 0;
    if (kind === 'amount' && unit !== undefined && parsed.unit !== null && parsed.unit !== unit) {
      const from = parsed.unit as MoneyUnit;
      const factor = fraction(DONG_PER_UNIT[from], DONG_PER_UNIT[unit]);
      const value = multiplyFractions(asPrinted, factor);
      return { status: 'value', value, decimals, text, asPrinted, printedUnit: from, exact: true, interval: pointInterval(value), halfUnit: multiplyFractions(HALF(decimals), factor) };
    }
    return exactValue(asPrinted, decimals, text);
  } catch (error) {
    if (error instanceof VnPovertyError) {
      const interval = approximate(trimmed, text, kind, unit, reading);
      if (interval.status === 'value') return interval;
      const first = error.issues[0];
      return { status: 'unparseable', text, code: first.code, expected: first.expected };
    }
    throw error;
  }
}

/** A qualified figure or a range, as the interval it allows in the column's unit. */
function approximate(trimmed: string, text: string, kind: Exclude<ColumnKind, 'text'>, unit: MoneyUnit | undefined, reading: CellReading): ReadCell {
  try {
    const p = printedInterval(trimmed, { kind, ...(reading.approximations !== undefined ? { approximations: reading.approximations } : {}) });
    if (kind === 'rate' && p.unit !== null && p.unit !== 'percent') return { status: 'unparseable', text, code: 'unit-mismatch', expected: 'a percentage' };
    const from = kind === 'amount' && unit !== undefined && p.unit !== null && p.unit !== unit ? (p.unit as MoneyUnit) : undefined;
    const factor = from === undefined || unit === undefined ? fraction(1n) : fraction(DONG_PER_UNIT[from], DONG_PER_UNIT[unit]);
    const low = p.figures[0]!;
    return {
      status: 'value',
      value: multiplyFractions(low, factor),
      decimals: p.decimals,
      text,
      exact: p.exact,
      interval: scaleInterval(p.interval, factor),
      halfUnit: multiplyFractions(p.halfUnit, factor),
      ...(from !== undefined ? { asPrinted: low, printedUnit: from } : {}),
    };
  } catch (error) {
    if (error instanceof VnPovertyError) {
      const first = error.issues[0];
      return { status: 'unparseable', text, code: first.code, expected: first.expected };
    }
    throw error;
  }
}
