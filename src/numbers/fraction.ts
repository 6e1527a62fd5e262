import { Decimal } from '../_internal/_decimal.js';
import { isDecimal } from '../_internal/_isDecimal.js';
import { freezeDecimal } from '../_internal/_freezeDecimal.js';
import { wholeBigInt } from '../_internal/_wholeBigInt.js';
import { fail } from '../errors/VnPovertyError.js';
import { assertDecimals, roundQuotient, type RoundingMode } from './rounding.js';

/**
 * An exact rational number `num / den` in lowest terms with `den > 0`.
 * Used wherever a result must be exact before it is rounded for print
 * (rates, shares, measures).
 */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** Anything the library accepts as an exact number. Floats are read through their shortest decimal form. */
export type ExactInput = bigint | number | string | Decimal | Fraction;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Makes a fraction in lowest terms.
 * @throws VnPovertyError `division-by-zero` when `den` is 0.
 * @example
 * fraction(6n, 4n) //=> { num: 3n, den: 2n }
 */
export function fraction(num: bigint | number, den: bigint | number = 1n): Fraction {
  const n = wholeBigInt(num, ['num']);
  let d = wholeBigInt(den, ['den']);
  if (d === 0n) fail({ code: 'division-by-zero', path: ['den'], value: den, expected: 'a non-zero denominator' });
  let m = n;
  if (d < 0n) {
    m = -m;
    d = -d;
  }
  const g = gcd(m, d) || 1n;
  return Object.freeze({ num: m / g, den: d / g });
}

function isFraction(value: unknown): value is Fraction {
  return typeof value === 'object' && value !== null && 'num' in value && 'den' in value && typeof (value as Fraction).num === 'bigint';
}

/**
 * A plain decimal as decimal.js and JS print them: sign, digits, an optional point and an
 * exponent of at most three digits (a float's is at most 308, or −324).
 */
const PLAIN_DECIMAL = /^([+-]?)(?=\.?\d)(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,3}))?$/i;

/**
 * Converts any {@link ExactInput} to an exact fraction. A finite decimal string or
 * Decimal converts exactly; a JS number converts through its shortest round-trip
 * decimal representation (0.1 → 1/10). NaN and ±Infinity are refused.
 * @throws VnPovertyError `invalid-number` for NaN, Infinity, text that is not a plain decimal
 *   (hexadecimal and binary literals included) or an exponent beyond ±999.
 * @example
 * toFraction('0,70'.replace(',', '.')) //=> { num: 7n, den: 10n }
 * toFraction(0.1) //=> { num: 1n, den: 10n }
 */
export function toFraction(value: ExactInput, path: ReadonlyArray<string | number> = []): Fraction {
  if (typeof value === 'bigint') return fraction(value, 1n);
  if (isFraction(value)) return fraction(value.num, value.den);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return fraction(BigInt(value), 1n);
  // A Decimal is read through its own exact text (no exponent); a float through its shortest
  // round-trip text. Neither needs decimal.js loaded here.
  const text = isDecimal(value) ? (value.isFinite() ? value.toFixed() : '') : typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  const m = PLAIN_DECIMAL.exec(text);
  if (m === null) return fail({ code: 'invalid-number', path, value, expected: 'a finite decimal number (digits, "." and an exponent up to ±999)' });
  const [, sign, intPart = '', fracPart = '', exponent = '0'] = m;
  const num = BigInt(`${sign}${intPart}${fracPart}`);
  const scale = BigInt(exponent) - BigInt(fracPart.length);
  return scale >= 0n ? fraction(num * 10n ** scale, 1n) : fraction(num, 10n ** -scale);
}

/**

/**
 * a + b, exactly.
 * @example
 * addFractions(fraction(1n, 3n), fraction(1n, 6n)) //=> { num: 1n, den: 2n }
 */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}
/**
 * a − b, exactly.
 * @example
 * subtractFractions(fraction(1n, 2n), fraction(1n, 3n)) //=> { num: 1n, den: 6n }
 */
export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}
/**
 * a × b, exactly.
 * @example
 * multiplyFractions(fraction(1n, 2n), fraction(3n, 4n)) //=> { num: 3n, den: 8n }
 */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}
/**
 * a ÷ b, exactly.
 * @throws VnPovertyError `division-by-zero` when b is 0.
 * @example
 * divideFractions(fraction(3n, 8n), fraction(1n, 2n)) //=> { num: 3n, den: 4n }
 */
export function divideFractions(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) fail({ code: 'division-by-zero', path: [], value: 0, expected: 'a non-zero divisor' });
  return fraction(a.num * b.den, a.den * b.num);
}
/**
 * Sum of a list of fractions (0 for an empty list).
 * @example
 * sumFractions([fraction(1n, 4n), fraction(1n, 4n), fraction(1n, 2n)]) //=> { num: 1n, den: 1n }
 */
export function sumFractions(values: readonly Fraction[]): Fraction {
  let num = 0n;
  let den = 1n;
  for (const v of values) {
    num = num * v.den + v.num * den;
    den = den * v.den;
    const g = gcd(num, den) || 1n;
    num /= g;
    den /= g;
  }
  return fraction(num, den);
}
/**
 * −1, 0 or 1 as a is less than, equal to or greater than b.
 * @example
 * compareFractions(fraction(1n, 3n), fraction(33n, 100n)) //=> 1
 */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Rounds a fraction to `decimals` places and returns it as a Decimal.
 * @example
 * roundFraction(fraction(1n, 3n), 2, 'half-up').toString() //=> '0.33'
 */
export function roundFraction(value: Fraction, decimals: number, rounding: RoundingMode): Decimal {
  assertDecimals(decimals);
  const scale = 10n ** BigInt(decimals);
  const scaled = roundQuotient(value.num * scale, value.den, rounding);
  return freezeDecimal(new Decimal(scaled.toString()).div(scale.toString()));
}

/**
 * The fraction as a Decimal, exactly when its decimal expansion terminates
 * (denominator of the form 2^a·5^b); otherwise to 40 significant digits, rounded half-even.
 * Use {@link roundFraction} to get a printed value.
 * @example
 * fractionToDecimal(fraction(1n, 8n)).toString() //=> '0.125'
 */
export function fractionToDecimal(value: Fraction): Decimal {
  let d = value.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d === 1n) {
    const places = Math.max(twos, fives);
    const scaled = (value.num * 10n ** BigInt(places)) / value.den;
    return new Decimal(scaled.toString()).div((10n ** BigInt(places)).toString());
  }
  return new Decimal(value.num.toString()).div(value.den.toString()).toSignificantDigits(40, Decimal.ROUND_HALF_EVEN);
}

/**

/**
 * True when the fraction is a whole number.
 * @example
 * isIntegerFraction(fraction(6n, 3n)) //=> true
 */
export function isIntegerFraction(value: Fraction): boolean {
  return value.den === 1n;
}
