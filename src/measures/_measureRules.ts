import * as z from 'zod';
import { Decimal } from '../_internal/_decimal.js';
import type { RuleRef } from '../errors/VnPovertyError.js';
import type { ExactInput, Fraction } from '../numbers/fraction.js';

/** Citation of the Alkire–Foster method (used in every rule below). */
export const AF_SOURCE = 'Alkire & Foster (2011), “Counting and multidimensional poverty measurement”, Journal of Public Economics 95: 476–487';
/** Citation of the Foster–Greer–Thorbecke family. */
export const FGT_SOURCE = 'Foster, Greer & Thorbecke (1984), “A class of decomposable poverty measures”, Econometrica 52(3): 761–766';

/** The rules the measures check, each with its source. */
export const MEASURE_RULES = {
  weights: {
    description: 'nested weights: every weight is positive, dimension weights sum to exactly 1, and the indicator weights of a dimension sum to exactly its weight',
    source: AF_SOURCE,
    term: 'trọng số',
  },
  cutoff: {
    description: 'the poverty cutoff k lies in (0, 1] (percent form: in (0, 100]); a unit is poor when its weighted deprivation score is ≥ k',
    source: AF_SOURCE,
  },
  matrix: {
    description: 'the deprivation matrix has one column per indicator in every row (no ragged rows); entries are deprived (true/1) or not (false/0)',
    source: AF_SOURCE,
  },
  missing: {
    description: 'a missing entry needs an explicit policy: drop the unit, or count it as not deprived',
    source: 'measures-conventions.md §4 (mpitb drops the unit; mpindex counts it not deprived)',
  },
  sampleWeights: {
    description: 'sampling weights are finite and non-negative, one per unit',
    source: AF_SOURCE,
    term: 'quyền số',
  },
  sizes: {
    description: 'counting members needs a household size (a whole number ≥ 1) for every unit',
    source: 'measures-conventions.md §5 (unit of identification vs unit of analysis)',
    term: 'số nhân khẩu',
  },
  population: {
    description: 'a measure needs a population with a positive total weight',
    source: AF_SOURCE,
  },
  change: {
    description: 'a relative change needs a positive base, and an annualised change a positive number of years',
    source: 'measures-conventions.md §7; Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, ch. 9',
  },
  fgt: {
    description: 'FGT(α) needs α ≥ 0, a positive poverty line for every area and non-negative incomes; poor when income per head < line',
    source: FGT_SOURCE,
    term: 'chuẩn nghèo',
  },
} as const satisfies Record<string, RuleRef>;

/** Citation of the design-based variance method. */
export const SURVEY_SOURCE = 'Lumley (2010), Complex Surveys: A Guide to Analysis Using R, Wiley, ch. 2–3 (R package survey: svydesign, svymean, svyciprop)';

/** The rules of survey designs and standard errors, each with its source. */
export const DESIGN_RULES = {
  design: {
    description: 'a survey design has one stratum, PSU and weight per unit, and every PSU lies in one stratum',
    source: SURVEY_SOURCE,
    term: 'thiết kế mẫu',
  },
  lonelyPsu: {
    description: 'the variance within a stratum needs at least 2 PSUs; a single-PSU stratum needs an explicit treatment',
    source: `${SURVEY_SOURCE}; survey's option survey.lonely.psu`,
  },
  weights: {
    description: 'sampling weights are exact numbers ≥ 0, one per unit',
    source: SURVEY_SOURCE,
    term: 'quyền số',
  },
  fpc: {
    description: 'the finite-population correction is, per stratum, the population number of PSUs (≥ the sampled ones) or the sampling fraction in (0, 1]',
    source: SURVEY_SOURCE,
  },
  interval: {
    description: 'a confidence level lies in (0, 1); logit intervals need an estimate strictly between 0 and 1',
    source: `${SURVEY_SOURCE}; mpitbR (Girela), mpitb.est: svyciprop(method = "logit", df = degf(design))`,
  },
  income: {
    description: 'income measures need a positive poverty line, incomes ≥ 0 and sampling weights ≥ 0 with a positive total',
    source: FGT_SOURCE,
    term: 'thu nhập bình quân đầu người',
  },
  watts: {
    description: 'the Watts index takes ln(z / y) for every poor unit, so an income of 0 needs an explicit treatment',
    source: 'Watts (1968), “An economic definition of poverty”, in Moynihan (ed.), On Understanding Poverty; Haughton & Khandker (2009), Handbook on Poverty and Inequality, World Bank, ch. 4',
  },
} as const satisfies Record<string, RuleRef>;

function isFractionLike(value: unknown): value is Fraction {
  return typeof value === 'object' && value !== null && typeof (value as Fraction).num === 'bigint' && typeof (value as Fraction).den === 'bigint';
}

/** zod schema of an {@link ExactInput}: bigint, finite number, decimal string, Decimal or Fraction. */
export const exactInputSchema: z.ZodType<ExactInput> = z.union([
  z.bigint(),
  z.number().refine(Number.isFinite, 'a finite number'),
  z.string().regex(/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/, 'a plain decimal string such as "0.25"'),
  z.custom<Decimal>((v) => Decimal.isDecimal(v), 'a Decimal'),
  z.custom<Fraction>((v) => isFractionLike(v) && (v as Fraction).den !== 0n, 'a Fraction with a non-zero denominator'),
]);

/** Identifiers: non-empty strings. */
export const idSchema = z.string().min(1, 'a non-empty identifier');

/** Greatest common divisor of two non-negative bigints. */
export function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of positive bigints. */
export function lcmBig(a: bigint, b: bigint): bigint {
  return (a / gcdBig(a, b)) * b;
}
