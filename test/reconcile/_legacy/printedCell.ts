import { VnPovertyError } from '../../../src/errors/VnPovertyError.js';
import { fraction, multiplyFractions, toFraction, type Fraction } from '../../../src/numbers/fraction.js';
import { DONG_PER_UNIT, type MoneyUnit } from '../../../src/numbers/money.js';
import { parseVnNumber } from '../../../src/numbers/parseVnNumber.js';
import type { ColumnKind, PrintedCell } from '../../../src/reconcile/printedTable.js';

/** A cell read into an exact value, or why it could not be. */
export type ReadCell =
  | {
      readonly status: 'value';
      readonly value: Fraction;
      readonly decimals: number;
      readonly text: string;
      /** For an amount printed in another unit than its column's: the figure as printed, unconverted. */
      readonly asPrinted?: Fraction;
      /** …and the unit it was printed in. */
      readonly printedUnit?: MoneyUnit;
    }
  | { readonly status: 'blank'; readonly text: string }
  | { readonly status: 'unparseable'; readonly text: string; readonly code: string; readonly expected: string };

const BLANKS = new Set(['', '-', '–', '—']);
const PLAIN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(\s*%)?$/;

/** The cell as text, the way it is shown in issues. */
export function cellText(cell: PrintedCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell : String(cell);
}

function decimalsOf(digits: string, mark: string): number {
  const at = digits.lastIndexOf(mark);
  return at < 0 ? 0 : digits.length - at - 1;
}

/**
 * Reads a printed cell of a checked column into an exact fraction, remembering how many
 * decimals it was printed with. Never throws: an unreadable cell comes back as `unparseable`.
 */
export function readCell(cell: PrintedCell | undefined, kind: Exclude<ColumnKind, 'text'>, unit: MoneyUnit | undefined): ReadCell {
  const text = cellText(cell);
  if (cell === null || cell === undefined) return { status: 'blank', text };
  if (typeof cell === 'bigint') return { status: 'value', value: fraction(cell), decimals: 0, text };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { status: 'unparseable', text, code: 'invalid-number', expected: 'a finite number' };
    if (kind === 'count' && !Number.isInteger(cell)) return { status: 'unparseable', text, code: 'not-a-count', expected: 'a whole number of households or persons' };
    return { status: 'value', value: toFraction(cell), decimals: decimalsOf(String(cell), '.'), text };
  }
  const trimmed = cell.trim();
  if (BLANKS.has(trimmed)) return { status: 'blank', text };
  // fast path for the plain figures that fill most tables; same reading as parseVnNumber
  const plain = PLAIN.exec(trimmed);
  if (plain !== null && (kind !== 'rate' || !trimmed.includes('.') || trimmed.includes(','))) {
    const [, whole = '', frac = '', percent = ''] = plain;
    if (percent === '' || kind === 'rate') {
      if (kind === 'count' && frac !== '') return { status: 'unparseable', text, code: 'not-a-count', expected: 'a whole number of households or persons' };
      const digits = whole.replace(/\./g, '') + frac;
      return { status: 'value', value: fraction(BigInt(digits), 10n ** BigInt(frac.length)), decimals: frac.length, text };
    }
  }
  try {
    const parsed = parseVnNumber(trimmed, { kind });
    if (parsed.qualifier !== null) {
      return { status: 'unparseable', text, code: 'approximate-value', expected: `an exact figure, not one qualified by “${parsed.qualifier.word}”` };
    }
    if (kind === 'rate' && parsed.unit !== null && parsed.unit !== 'percent') {
      return { status: 'unparseable', text, code: 'unit-mismatch', expected: 'a percentage' };
    }
    const asPrinted = toFraction(parsed.value);
    const numeric = trimmed.replace(/[^\d.,]/g, '');
    const decimals = numeric.includes(',') ? decimalsOf(numeric, ',') : kind === 'rate' ? decimalsOf(numeric, '.') : 0;
    if (kind === 'amount' && unit !== undefined && parsed.unit !== null && parsed.unit !== unit) {
      const from = parsed.unit as MoneyUnit;
      const value = multiplyFractions(asPrinted, fraction(DONG_PER_UNIT[from], DONG_PER_UNIT[unit]));
      return { status: 'value', value, decimals, text, asPrinted, printedUnit: from };
    }
    return { status: 'value', value: asPrinted, decimals, text };
  } catch (error) {
    if (error instanceof VnPovertyError) {
      const first = error.issues[0];
      return { status: 'unparseable', text, code: first.code, expected: first.expected };
    }
    throw error;
  }
}
