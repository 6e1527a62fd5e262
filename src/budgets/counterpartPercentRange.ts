import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { compareFractions, fraction, type Fraction } from '../numbers/fraction.js';
import { DONG_PER_UNIT, MONEY_UNITS, type Dong, type MoneyUnit } from '../numbers/money.js';
import { assertRoundingMode, type RoundingMode } from '../numbers/rounding.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link counterpartPercentRange}. */
export interface CounterpartPercentRangeOptions {
  /** The unit the printed column was rounded to, e.g. `'trieu'`. */
  readonly roundTo: MoneyUnit;
  /** The rounding the printed column is assumed to use. */
  readonly rounding: RoundingMode;
}

/** An interval of percentages, with open or closed ends. */
export interface PercentRange {
  readonly low: Fraction;
  readonly lowInclusive: boolean;
  /** null when unbounded (every central line is 0). */
  readonly high: Fraction | null;
  readonly highInclusive: boolean;
}

/** Result of {@link counterpartPercentRange}. */
export interface CounterpartPercentRange {
  /** Every percentage that, rounded per line as assumed, gives the printed column; null when none does. */
  readonly range: PercentRange | null;
  /** Index of a line that by itself rules every percentage out (a central 0 with a non-zero counterpart), or null. */
  readonly conflictingLine: number | null;
}

interface Bound {
  readonly value: Fraction;
  readonly inclusive: boolean;
}

/** The values x ≥ 0 such that rounding x (in whole steps) gives p: [lo, hi] with open/closed ends. */
function preimage(p: bigint, mode: RoundingMode): { lo: Bound; hi: Bound } {
  const half = (k: bigint): Fraction => fraction(2n * k + 1n, 2n); // k + 1/2
  switch (mode) {
    case 'half-up':
      return { lo: { value: p === 0n ? fraction(0n) : half(p - 1n), inclusive: true }, hi: { value: half(p), inclusive: false } };
    case 'half-down':
      return { lo: { value: p === 0n ? fraction(0n) : half(p - 1n), inclusive: p === 0n }, hi: { value: half(p), inclusive: true } };
    case 'half-even': {
      const even = p % 2n === 0n;
      return { lo: { value: p === 0n ? fraction(0n) : half(p - 1n), inclusive: even }, hi: { value: half(p), inclusive: even } };
    }
    case 'down':
    case 'floor':
      return { lo: { value: fraction(p), inclusive: true }, hi: { value: fraction(p + 1n), inclusive: false } };
    case 'up':
    case 'ceil':
      return { lo: { value: p === 0n ? fraction(0n) : fraction(p - 1n), inclusive: p === 0n }, hi: { value: fraction(p), inclusive: true } };
    default:
      return fail({ code: 'invalid-rounding', path: ['rounding'], value: mode, expected: 'a rounding mode' });
  }
}

/**
 * Finds every percentage that reproduces a printed counterpart column from its central column
 * when each line is rounded on its own (to whole `roundTo` units, with `rounding`): the exact
 * intersection of the intervals each line allows. Use it to tell which ratio a plan applied.
 *
 * @param central - the central amounts, in đồng (≥ 0)
 * @param printed - the printed counterpart amounts, in đồng (≥ 0, whole `roundTo` units), one per line
 * @param options - the unit rounded to and the rounding assumed
 * @returns the range of percentages (exact fractions, with open or closed ends), or `range: null`
 * @throws VnPovertyError `length-mismatch`, `negative-amount`, `not-whole-unit`, `invalid-rounding`, `invalid-unit`.
 * @example
 * // Seed 001: central 2,293 / 948 / 1,100 / 139 / 311 / 187 million, printed 229 / 95 / 110 / 14 / 31 / 19 million
 * counterpartPercentRange(central, printed, { roundTo: 'trieu', rounding: 'half-up' }).range
 * //=> { low: 94.5/948 × 100 ≈ 9.9684 %, lowInclusive: true, high: 229.5/2293 × 100 ≈ 10.0087 %, highInclusive: false } (10 % is in it)
 * @see seed 001 lines 185–457; QĐ 02/2022/QĐ-TTg (counterpart ratio).
 */
export function counterpartPercentRange(central: readonly Dong[], printed: readonly Dong[], options: CounterpartPercentRangeOptions): CounterpartPercentRange {
  assertOptions(options, 'counterpartPercentRange', true);
  const { roundTo, rounding } = options;
  assertRoundingMode(rounding);
  if (!MONEY_UNITS.includes(roundTo)) fail({ code: 'invalid-unit', path: ['roundTo'], value: roundTo, expected: `one of ${MONEY_UNITS.join(', ')}` });
  if (central.length !== printed.length) fail({ code: 'length-mismatch', path: ['printed'], value: printed.length, expected: `${central.length} printed amounts, one per central line` });
  const per = DONG_PER_UNIT[roundTo];
  let low: Bound = { value: fraction(0n), inclusive: true };
  let high: Bound | null = null;
  for (let i = 0; i < central.length; i++) {
    const c = central[i]!;
    const p = printed[i]!;
    if (typeof c !== 'bigint' || c < 0n) fail({ code: 'negative-amount', path: ['central', i], value: c, expected: 'an amount ≥ 0 in đồng (bigint)' });
    if (typeof p !== 'bigint' || p < 0n) fail({ code: 'negative-amount', path: ['printed', i], value: p, expected: 'an amount ≥ 0 in đồng (bigint)' });
    if (p % per !== 0n) fail({ code: 'not-whole-unit', path: ['printed', i], value: p, expected: `a whole number of ${roundTo}` });
    if (c === 0n) {
      if (p !== 0n) return deepFreeze({ range: null, conflictingLine: i });
      continue;
    }
    // x = c × r / 100 / per  ⇒  r = x × 100 × per / c
    const { lo, hi } = preimage(p / per, rounding);
    const scale = (f: Fraction): Fraction => fraction(f.num * 100n * per, f.den * c);
    const l = { value: scale(lo.value), inclusive: lo.inclusive };
    const h = { value: scale(hi.value), inclusive: hi.inclusive };
    const cl = compareFractions(l.value, low.value);
    if (cl > 0 || (cl === 0 && !l.inclusive)) low = l;
    if (high === null) high = h;
    else {
      const ch = compareFractions(h.value, high.value);
      if (ch < 0 || (ch === 0 && !h.inclusive)) high = h;
    }
  }
  if (high !== null) {
    const c = compareFractions(low.value, high.value);
    if (c > 0 || (c === 0 && !(low.inclusive && high.inclusive))) return deepFreeze({ range: null, conflictingLine: null });
  }
  return deepFreeze({
    range: { low: low.value, lowInclusive: low.inclusive, high: high?.value ?? null, highInclusive: high?.inclusive ?? false },
    conflictingLine: null,
  });
}
