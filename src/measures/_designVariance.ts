/**
 * Design-based variances by Taylor linearisation, exactly: with-replacement variance of PSU
 * totals within strata (R `survey`'s `svyrecvar` for one stage), computed in rational
 * arithmetic from exact integer sums; only the final square root is a Decimal.
 * Trusted: the design and the totals are validated by the callers.
 */
import { Decimal } from '../_internal/_decimal.js';
import { divideFractions, fraction, multiplyFractions, subtractFractions, sumFractions, addFractions, type Fraction } from '../numbers/fraction.js';
import type { SurveyDesign } from './surveyDesign.js';

/** Significant digits of a standard error (the square root of an exact variance, computed with 60 digits). */
export const SE_DIGITS = 40;

/** Sparse PSU totals: PSU index → total (whole numbers in the caller's units). */
export type PsuTotals = ReadonlyMap<number, bigint>;

/**
 * Σ_h c_h Σ_{c ∈ h} (a_c − ā_h)(b_c − b̄_h) · n_h/(n_h − 1), with c_h = 1 − f_h (the
 * finite-population correction, 1 without): the estimated covariance of two totals whose
 * linearised PSU totals are `a` and `b` (PSUs absent from a map have total 0). Strata with one PSU
 * follow the design's `lonelyPsu` policy exactly as R `survey`'s `onestrat` does.
 */
export function stratifiedCovariance(design: SurveyDesign, a: PsuTotals, b: PsuTotals): Fraction {
  const H = design.strataCount;
  const sab = new Array<bigint>(H).fill(0n);
  const sa = new Array<bigint>(H).fill(0n);
  const sb = new Array<bigint>(H).fill(0n);
  for (const [c, x] of a) {
    const h = design.stratumOfPsu[c] as number;
    sa[h] = (sa[h] as bigint) + x;
    const y = b.get(c);
    if (y !== undefined) sab[h] = (sab[h] as bigint) + x * y;
  }
  for (const [c, y] of b) {
    const h = design.stratumOfPsu[c] as number;
    sb[h] = (sb[h] as bigint) + y;
  }
  const parts: Fraction[] = [];
  let okStrata = 0;
  for (let h = 0; h < H; h++) {
    const n = BigInt(design.psusPerStratum[h] ?? 0);
    const c = design.fpcFactors?.[h] ?? fraction(1n);
    if (n >= 2n) {
      okStrata++;
      if (sab[h] === 0n && sa[h] === 0n && sb[h] === 0n) continue;
      // n/(n − 1) · (Σab − Σa·Σb/n) = (n·Σab − Σa·Σb) / (n − 1)
      parts.push(multiplyFractions(c, fraction(n * (sab[h] as bigint) - (sa[h] as bigint) * (sb[h] as bigint), n - 1n)));
    } else if (design.lonelyPsu === 'adjust') {
      // not centred: the linearised totals are centred at the population level already
      parts.push(multiplyFractions(c, fraction(sab[h] as bigint)));
    }
    // 'remove' and 'certainty': no contribution; 'average': scaled below; 'fail': refused by surveyDesign
  }
  const total = sumFractions(parts);
  if (design.lonelyPsu === 'average' && okStrata > 0 && okStrata < H) return multiplyFractions(total, fraction(BigInt(H), BigInt(okStrata)));
  return total;
}

/** A ratio estimator R = factor · Y / X from per-PSU totals of its numerator and denominator. */
export interface RatioParts {
  readonly y: PsuTotals;
  readonly x: PsuTotals;
  /** Exact multiplier of the ratio (e.g. 1/D for a score in units of 1/D). */
  readonly factor: Fraction;
}

/** The estimate of a ratio, or null when its denominator total is 0. */
export function ratioEstimate(p: RatioParts): Fraction | null {
  const Y = sumOf(p.y);
  const X = sumOf(p.x);
  return X === 0n ? null : multiplyFractions(p.factor, fraction(Y, X));
}

function sumOf(m: PsuTotals): bigint {
  let s = 0n;
  for (const v of m.values()) s += v;
  return s;
}

/** The linearised PSU totals of a ratio, scaled by X² so they stay integers: e_c = X·y_c − Y·x_c. */
function influence(p: RatioParts): { e: Map<number, bigint>; X: bigint } {
  const Y = sumOf(p.y);
  const X = sumOf(p.x);
  const e = new Map<number, bigint>();
  for (const [c, y] of p.y) e.set(c, X * y);
  for (const [c, x] of p.x) e.set(c, (e.get(c) ?? 0n) - Y * x);
  return { e, X };
}

/**
 * The linearisation covariance of two ratio estimators (the variance when both are the same):
 * Cov(R₁, R₂) = f₁f₂ · Cov(e₁, e₂) / (X₁² X₂²). Null when a denominator total is 0.
 */
export function ratioCovariance(design: SurveyDesign, p: RatioParts, q: RatioParts): Fraction | null {
  const a = influence(p);
  const b = p === q ? a : influence(q);
  if (a.X === 0n || b.X === 0n) return null;
  const cov = stratifiedCovariance(design, a.e, b.e);
  return multiplyFractions(multiplyFractions(p.factor, q.factor), divideFractions(cov, fraction(a.X * a.X * b.X * b.X)));
}

/** Var(R₁ − R₀) and Var(R₁/R₀ − 1) by the delta method, from the variances and the covariance. */
export function changeVariances(r0: Fraction, r1: Fraction, v0: Fraction, v1: Fraction, c01: Fraction): { absolute: Fraction; relative: Fraction | null } {
  const absolute = subtractFractions(addFractions(v0, v1), multiplyFractions(fraction(2n), c01));
  if (r0.num === 0n) return { absolute, relative: null };
  // gradient of r1/r0 − 1: (−r1/r0², 1/r0)
  const g0 = divideFractions(fraction(-r1.num, r1.den), multiplyFractions(r0, r0));
  const g1 = divideFractions(fraction(1n), r0);
  const relative = sumFractions([multiplyFractions(multiplyFractions(g0, g0), v0), multiplyFractions(multiplyFractions(g1, g1), v1), multiplyFractions(fraction(2n), multiplyFractions(multiplyFractions(g0, g1), c01))]);
  return { absolute, relative };
}

/** √v as a Decimal of {@link SE_DIGITS} significant digits (v ≥ 0; a rounding-free 0 for 0). */
export function standardError(variance: Fraction): Decimal {
  if (variance.num <= 0n) return new Decimal(0);
  return new Decimal(variance.num.toString()).div(variance.den.toString()).sqrt().toSignificantDigits(SE_DIGITS, Decimal.ROUND_HALF_EVEN);
}
