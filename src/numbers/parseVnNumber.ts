import { Decimal } from '../_internal/_decimal.js';
import { fail } from '../errors/VnPovertyError.js';
import type { MoneyUnit } from './money.js';
import { NUMBER_QUALIFIERS, type QualifierMeaning } from './qualifiers.js';
import { assertOptions } from '../errors/assertOptions.js';
import { freezeDecimal } from '../_internal/_freezeDecimal.js';

export type { QualifierMeaning } from './qualifiers.js';

/**
 * What a column or figure holds. It decides how a lone `.` is read:
 * - `'count'` (households, persons) and `'amount'` (money): `.` groups thousands (`1.171` → 1171);
 *   a count must be a whole number.
 * - `'rate'` (a percentage): a lone `.` is a decimal point (`1.27` → 1.27), because some
 *   documents print rates that way beside counts printed the Vietnamese way.
 */
export type QuantityKind = 'count' | 'rate' | 'amount';

/** Every {@link QuantityKind}, the values `kind` may take. */
const QUANTITY_KINDS: readonly QuantityKind[] = ['count', 'rate', 'amount'];

/** An approximate qualifier kept beside the value, never dropped. */
export interface NumberQualifier {
  /** The word as printed, e.g. `'hơn'`. */
  readonly word: string;
  /** What it means. */
  readonly meaning: QualifierMeaning;
}

/** Unit printed after a figure. */
export type PrintedUnit = MoneyUnit | 'percent' | 'household' | 'person';

/** Result of {@link parseVnNumber}. */
export interface ParsedVnNumber {
  /** The text as given. */
  readonly text: string;
  /** The figure in the unit it was printed in (`14.045 triệu đồng` → 14045). */
  readonly value: Decimal;
  /** The unit printed after it, or null when none. */
  readonly unit: PrintedUnit | null;
  /** An approximate qualifier (`hơn`, `trên`, `gần`, `khoảng`, `dưới`, …) or null. */
  readonly qualifier: NumberQualifier | null;
  /** The kind of quantity it was read as (given, or implied by its unit). */
  readonly kind: QuantityKind | null;
}

/** Options of {@link parseVnNumber}. */
export interface ParseVnNumberOptions {
  /** What the figure holds; needed to read a lone `.` that could be either a thousands or a decimal mark. */
  readonly kind?: QuantityKind;
}

/** Unit suffixes, longest first; matched case-insensitively after NFC normalisation. */
const UNITS: ReadonlyArray<readonly [string, PrintedUnit]> = [
  ['nghìn đồng', 'nghin'],
  ['ngàn đồng', 'nghin'],
  ['triệu đồng', 'trieu'],
  ['tỷ đồng', 'ty'],
  ['tỉ đồng', 'ty'],
  ['lượt người', 'person'],
  ['nghìn', 'nghin'],
  ['ngàn', 'nghin'],
  ['triệu', 'trieu'],
  ['tỷ', 'ty'],
  ['tỉ', 'ty'],
  ['đồng', 'dong'],
  ['vnđ', 'dong'],
  ['vnd', 'dong'],
  ['đ', 'dong'],
  ['%', 'percent'],
  ['hộ', 'household'],
  ['người', 'person'],
];

function kindOfUnit(unit: PrintedUnit): QuantityKind {
  if (unit === 'percent') return 'rate';
  if (unit === 'household' || unit === 'person') return 'count';
  return 'amount';
}

const GROUPED = /^\d{1,3}(\.\d{3})+$/;

/**
 * Reads a figure printed the Vietnamese way: `.` groups thousands, `,` marks decimals.
 * Units (`đồng`, `nghìn/triệu/tỷ đồng`, `%`, `hộ`, `người`) and approximate
 * qualifiers (`hơn`, `trên`, `gần`, `khoảng`, `dưới`, `ít nhất`, `tối đa`) are returned
 * beside the value, not dropped.
 *
 * A lone `.` followed by three digits (`1.171`) is a thousands mark in a count and a
 * decimal point in some documents' rates; without a `kind` (or a unit that implies one)
 * such text is ambiguous and refused, never guessed.
 *
 * @throws VnPovertyError `invalid-number` (garbage, empty), `ambiguous-separator`,
 *   `invalid-grouping`, `not-a-count` (a count with decimals), `unit-mismatch` (a `%` in a count column…);
 *   `invalid-options` for options that are not an object or a `kind` that is not `'count'`, `'rate'` or `'amount'`.
 * @example
 * parseVnNumber('16.194', { kind: 'count' }).value.toString() //=> '16194'
 * parseVnNumber('0,70').value.toString() //=> '0.7'
 * parseVnNumber('68,8 tỷ đồng').unit //=> 'ty'
 * parseVnNumber('hơn 500 hộ').qualifier //=> { word: 'hơn', meaning: 'more-than' }
 * parseVnNumber('1.27', { kind: 'rate' }).value.toString() //=> '1.27'
 */
export function parseVnNumber(text: string, options: ParseVnNumberOptions = {}): ParsedVnNumber {
  assertOptions(options, 'parseVnNumber');
  const bad = (code: string, expected: string): never => fail({ code, path: [], value: text, expected });
  if (options.kind !== undefined && !(QUANTITY_KINDS as readonly unknown[]).includes(options.kind)) {
    fail({ code: 'invalid-options', path: ['options', 'kind'], value: options.kind, expected: `one of ${QUANTITY_KINDS.map((k) => JSON.stringify(k)).join(', ')} (or leave kind out)` });
  }
  if (typeof text !== 'string') return bad('invalid-number', 'a string');
  let rest = text.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').trim().toLowerCase();
  let qualifier: NumberQualifier | null = null;
  for (const q of NUMBER_QUALIFIERS) {
    if (rest.startsWith(q.word + ' ')) {
      qualifier = q; // a frozen { word, meaning } already
      rest = rest.slice(q.word.length).trim();
      break;
    }
  }
  let unit: PrintedUnit | null = null;
  for (const [suffix, u] of UNITS) {
    if (rest.endsWith(suffix)) {
      const before = rest.slice(0, rest.length - suffix.length);
      // a word unit must be separated from the number or follow a digit directly
      if (/[\d\s]$/.test(before)) {
        unit = u;
        rest = before.trim();
        break;
      }
    }
  }
  let kind: QuantityKind | null = options.kind ?? null;
  if (unit !== null) {
    const implied = kindOfUnit(unit);
    if (kind !== null && kind !== implied) bad('unit-mismatch', `${kind === 'amount' ? 'an' : 'a'} ${kind} (its unit says ${implied})`);
    kind = implied;
  }
  const sign = /^[-−]/.test(rest) ? '-' : '';
  const body = rest.replace(/^[-−+]/, '');
  if (/^\d+(?:[.,]\d+)?e[+-]?\d+$/.test(body)) {
    // Excel shows a long number so in a narrow General cell, and its CSV save keeps only the digits shown
    return bad('invalid-number', `a number written in full: ${text.trim()} is scientific notation, which keeps only the digits shown (format the cells as Number)`);
  }
  if (!/^[\d.,]+$/.test(body) || !/^\d/.test(body) || !/\d$/.test(body)) {
    return bad('invalid-number', 'a number written with digits, "." for thousands and "," for decimals');
  }
  let plain: string;
  const commas = body.split(',').length - 1;
  if (commas > 1) return bad('invalid-number', 'at most one "," (the decimal mark)');
  if (commas === 1) {
    const [intPart = '', fracPart = ''] = body.split(',');
    if (fracPart.includes('.')) return bad('invalid-number', 'the decimal mark "," after any thousands "." (e.g. 1.234,5)');
    if (intPart.includes('.') && !GROUPED.test(intPart)) return bad('invalid-grouping', 'thousands groups of exactly three digits');
    plain = `${intPart.replace(/\./g, '')}.${fracPart}`;
  } else if (body.includes('.')) {
    const dots = body.split('.').length - 1;
    if (kind === 'rate' && dots === 1) {
      plain = body; // a rate printed with a decimal point
    } else if (GROUPED.test(body)) {
      if (kind === null && dots === 1) {
        return bad('ambiguous-separator', 'a kind (count, rate or amount): a lone "." before three digits may be a thousands mark or a decimal point');
      }
      plain = body.replace(/\./g, '');
    } else {
      return bad('invalid-grouping', kind === null ? 'thousands groups of exactly three digits (for a rate printed with a decimal point, say kind: "rate")' : 'thousands groups of exactly three digits');
    }
  } else {
    plain = body;
  }
  const value = new Decimal(sign + plain);
  if (kind === 'count' && !value.isInteger()) return bad('not-a-count', 'a whole number of households or persons');
  return Object.freeze({ text, value: freezeDecimal(value), unit, qualifier, kind });
}

/**
 * Like {@link parseVnNumber} but returns only the value, refusing any qualifier:
 * for cells that must hold an exact figure.
 * @throws VnPovertyError `approximate-value` when the text carries a qualifier.
 * @example
 * parseExactVnNumber('2.121', { kind: 'count' }).toString() //=> '2121'
 * parseExactVnNumber('khoảng 5.600', { kind: 'count' }) // throws: code 'approximate-value'
 */
export function parseExactVnNumber(text: string, options: ParseVnNumberOptions = {}): Decimal {
  assertOptions(options, 'parseExactVnNumber');
  const parsed = parseVnNumber(text, options);
  if (parsed.qualifier !== null) {
    fail({ code: 'approximate-value', path: [], value: text, expected: `an exact figure, not one qualified by “${parsed.qualifier.word}”` });
  }
  return parsed.value;
}
