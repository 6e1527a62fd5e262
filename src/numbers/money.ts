import { Decimal } from '../_internal/_decimal.js';
import { fail } from '../errors/VnPovertyError.js';
import { divideFractions, fraction, isIntegerFraction, multiplyFractions, roundFraction, toFraction, type ExactInput } from './fraction.js';
import { assertRoundingMode, roundQuotient, type DecimalsOptions, type RoundingMode } from './rounding.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * An amount of money in whole Vietnamese đồng. Always a bigint, so that provincial
 * budgets (trillions of đồng) and sums of them never lose a đồng.
 */
export type Dong = bigint;

/**
 * Units in which plans print money: đồng, nghìn đồng (thousand), triệu đồng
 * (million), tỷ đồng (billion).
 */
export type MoneyUnit = 'dong' | 'nghin' | 'trieu' | 'ty';

/**

/**
 * How many đồng one of each {@link MoneyUnit} is.
 * @example
 * DONG_PER_UNIT.trieu //=> 1_000_000n
 */
export const DONG_PER_UNIT: Readonly<Record<MoneyUnit, bigint>> = Object.freeze({
  dong: 1n,
  nghin: 1_000n,
  trieu: 1_000_000n,
  ty: 1_000_000_000n,
});

/**

/**
 * Vietnamese names of the units, as printed.
 * @example
 * MONEY_UNIT_LABELS.ty //=> 'tỷ đồng'
 */
export const MONEY_UNIT_LABELS: Readonly<Record<MoneyUnit, string>> = Object.freeze({
  dong: 'đồng',
  nghin: 'nghìn đồng',
  trieu: 'triệu đồng',
  ty: 'tỷ đồng',
});

/**

/**
 * Every {@link MoneyUnit}.
 * @example
 * MONEY_UNITS //=> ['dong', 'nghin', 'trieu', 'ty']
 */
export const MONEY_UNITS: readonly MoneyUnit[] = Object.freeze(['dong', 'nghin', 'trieu', 'ty']);

/** Options of {@link toDong}: a rounding mode, needed only when the amount has fractions of a đồng. */
export interface ToDongOptions {
  readonly rounding?: RoundingMode;
}

/**
 * Converts an amount in `unit` to whole đồng, exactly.
 *
 * @param amount - the amount as printed in `unit` (e.g. `'14045'` triệu, `'68.8'` tỷ)
 * @throws VnPovertyError `fractional-dong` when the result has fractions of a đồng and no
 *   rounding was given; `invalid-number` for NaN, Infinity or garbage.
 * @example
 * toDong('68.8', 'ty') //=> 68_800_000_000n
 * toDong(14_045, 'trieu') //=> 14_045_000_000n
 */
export function toDong(amount: ExactInput, unit: MoneyUnit, options: ToDongOptions = {}): Dong {
  assertOptions(options, 'toDong');
  assertUnit(unit);
  const value = multiplyFractions(toFraction(amount, ['amount']), fraction(DONG_PER_UNIT[unit], 1n));
  if (isIntegerFraction(value)) return value.num;
  if (options.rounding === undefined) {
    return fail({
      code: 'fractional-dong',
      path: ['amount'],
      value: typeof amount === 'object' ? String(amount) : amount,
      expected: `an amount that is a whole number of đồng, or a rounding mode to make it one`,
    });
  }
  assertRoundingMode(options.rounding);
  return roundQuotient(value.num, value.den, options.rounding);
}

/**
 * Expresses an amount of đồng in another unit, rounded to `decimals` places.
 * @example
 * fromDong(68_730_000_000n, 'ty', { decimals: 2, rounding: 'half-up' }).toString() //=> '68.73'
 */
export function fromDong(amount: Dong, unit: MoneyUnit, options: DecimalsOptions): Decimal {
  assertOptions(options, 'fromDong', true);
  assertUnit(unit);
  assertRoundingMode(options.rounding);
  return roundFraction(divideFractions(fraction(amount, 1n), fraction(DONG_PER_UNIT[unit], 1n)), options.decimals, options.rounding);
}

/**

/**
 * The exact value of an amount of đồng in another unit, as a Decimal (always terminates).
 * @example
 * dongIn(14_045_000_000n, 'trieu').toString() //=> '14045'
 */
export function dongIn(amount: Dong, unit: MoneyUnit): Decimal {
  assertUnit(unit);
  return new Decimal(amount.toString()).div(DONG_PER_UNIT[unit].toString());
}

/**
 * Reads an integer đồng amount from a bigint, a safe integer or an integer string.
 * @throws VnPovertyError `not-an-integer` otherwise.
 * @example
 * dong('68730000000') //=> 68_730_000_000n
 */
export function dong(value: bigint | number | string): Dong {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  return fail({ code: 'not-an-integer', path: [], value, expected: 'a whole number of đồng (bigint, safe integer or integer string)' });
}

/**

/**
 * Exact sum of amounts in đồng.
 * @example
 * sumDong([14_045_000_000n, 7_245_000_000n, 47_440_000_000n]) //=> 68_730_000_000n (seed 000)
 */
export function sumDong(amounts: Iterable<Dong>): Dong {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}

function assertUnit(unit: unknown): asserts unit is MoneyUnit {
  if (!MONEY_UNITS.includes(unit as MoneyUnit)) fail({ code: 'invalid-unit', path: ['unit'], value: unit, expected: `one of ${MONEY_UNITS.join(', ')}` });
}
