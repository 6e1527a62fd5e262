/**
 * Quantiles of the standard normal and Student's t distributions in Decimal arithmetic (60
 * significant digits), for confidence intervals. Each is refined by Newton's method from a
 * double-precision start until the step is below 10^-45, so the result is correct to far more
 * digits than any interval prints.
 * Trusted: callers pass p in (0.5, 1) and whole degrees of freedom ≥ 1.
 */
import { Decimal } from '../_internal/_decimal.js';

const PI = Decimal.acos(-1);
const SQRT_2PI = PI.times(2).sqrt();
const TOLERANCE = new Decimal('1e-45');
/** Above this many degrees of freedom the t quantile uses the Cornish–Fisher expansion (error below 10^-20). */
const T_SERIES_MAX_DF = 100_000;

/** Φ(x) for x ≥ 0 by the all-positive series erf(z) = (2/√π) e^(−z²) Σ 2ⁿ z^(2n+1) / (2n+1)!!. */
function normalCdf(x: Decimal): Decimal {
  const z = x.div(Decimal.sqrt(2));
  const z2 = z.times(z);
  let term = z;
  let sum = z;
  for (let n = 1; n < 10_000; n++) {
    term = term.times(z2).times(2).div(2 * n + 1);
    sum = sum.plus(term);
    if (term.lt(sum.times('1e-62'))) break;
  }
  const erf = sum.times(2).div(PI.sqrt()).times(z2.neg().exp());
  return erf.plus(1).div(2);
}

function normalDensity(x: Decimal): Decimal {
  return x.times(x).div(-2).exp().div(SQRT_2PI);
}

/** A double-precision start for Φ⁻¹(p), p in (0.5, 1) (Abramowitz & Stegun 26.2.23, refined once). */
function normalStart(p: number): number {
  const t = Math.sqrt(-2 * Math.log(1 - p));
  return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}

/** Φ⁻¹(p) for p in (0.5, 1). */
export function normalQuantile(p: Decimal): Decimal {
  let x = new Decimal(normalStart(p.toNumber()));
  for (let i = 0; i < 60; i++) {
    const step = normalCdf(x).minus(p).div(normalDensity(x));
    x = x.minus(step);
    if (step.abs().lt(TOLERANCE)) break;
  }
  return x;
}

/**
 * F(t) of Student's t with ν (whole) degrees of freedom, t ≥ 0, by the finite series of
 * Abramowitz & Stegun 26.7.3–26.7.4 in θ = atan(t/√ν).
 */
function tCdf(t: Decimal, nu: number): Decimal {
  const theta = Decimal.atan(t.div(Decimal.sqrt(nu)));
  const s = Decimal.sin(theta);
  const c2 = Decimal.cos(theta).pow(2);
  let a: Decimal;
  if (nu % 2 === 1) {
    let sum = new Decimal(0);
    if (nu > 1) {
      let term = new Decimal(1);
      sum = term;
      for (let k = 3; k <= nu - 2; k += 2) {
        term = term.times(c2).times(k - 1).div(k);
        sum = sum.plus(term);
      }
      sum = sum.times(s).times(Decimal.cos(theta));
    }
    a = theta.plus(sum).times(2).div(PI);
  } else {
    let term = new Decimal(1);
    let sum = term;
    for (let k = 2; k <= nu - 2; k += 2) {
      term = term.times(c2).times(k - 1).div(k);
      sum = sum.plus(term);
    }
    a = sum.times(s);
  }
  return a.plus(1).div(2);
}

/** Γ((ν+1)/2) / (√(νπ) Γ(ν/2)), with g(ν) = Γ((ν+1)/2)/Γ(ν/2) from g(1) = 1/√π, g(2) = √π/2 and g(ν+2) = g(ν)(ν+1)/ν. */
function tDensityConstant(nu: number): Decimal {
  let g = nu % 2 === 1 ? new Decimal(1).div(PI.sqrt()) : PI.sqrt().div(2);
  for (let v = nu % 2 === 1 ? 1 : 2; v < nu; v += 2) g = g.times(v + 1).div(v);
  return g.div(PI.times(nu).sqrt());
}

/** Student's t quantile t_ν(p), p in (0.5, 1), ν whole ≥ 1 (closed forms for ν = 1, 2). */
export function studentTQuantile(p: Decimal, nu: number): Decimal {
  if (nu === 1) return Decimal.tan(PI.times(p.minus('0.5')));
  if (nu === 2) return p.times(2).minus(1).div(p.times(2).times(p.neg().plus(1)).sqrt());
  const z = normalQuantile(p);
  // Cornish–Fisher expansion (Abramowitz & Stegun 26.7.5): the start, and the answer for large ν.
  const z2 = z.times(z);
  const g1 = z2.plus(1).times(z).div(4);
  const g2 = z2.times(5).plus(16).times(z2).plus(3).times(z).div(96);
  const g3 = z2.times(3).plus(19).times(z2).plus(17).times(z2).minus(15).times(z).div(384);
  const g4 = z2.times(79).plus(776).times(z2).plus(1482).times(z2).minus(1920).times(z2).minus(945).times(z).div(92160);
  const cf = z.plus(g1.div(nu)).plus(g2.div(nu ** 2)).plus(g3.div(nu ** 3)).plus(g4.div(nu ** 4));
  if (nu > T_SERIES_MAX_DF) return cf;
  const c = tDensityConstant(nu);
  let t = cf;
  for (let i = 0; i < 200; i++) {
    const density = c.times(t.times(t).div(nu).plus(1).pow(-(nu + 1) / 2));
    let step = tCdf(t, nu).minus(p).div(density);
    // keep t positive (Newton can overshoot on heavy tails)
    if (t.minus(step).lte(0)) step = t.div(2);
    t = t.minus(step);
    if (step.abs().lt(TOLERANCE.times(t.abs().plus(1)))) break;
  }
  return t;
}
