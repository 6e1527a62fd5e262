import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { apportion } from '../numbers/apportion.js';
import { divideFractions, fraction, multiplyFractions, roundFraction, sumFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { DONG_PER_UNIT, MONEY_UNIT_LABELS, MONEY_UNITS, type Dong, type MoneyUnit } from '../numbers/money.js';
import { assertRoundingMode, type RoundingMode } from '../numbers/rounding.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One unit (district, commune) or project that receives a share, with its criterion values. */
export interface AllocationRecipient {
  /** Unique identifier, e.g. the commune's name or code. */
  readonly id: string;
  /** Value of every criterion that has a coefficient (≥ 0), e.g. `{ poorHouseholds: 154, nearPoorHouseholds: 608 }`. */
  readonly criteria: Readonly<Record<string, ExactInput>>;
}

/** Options of {@link allocateByCriteria}. */
export interface AllocateByCriteriaOptions {
  /** Coefficient of each criterion (≥ 0): score = Σ coefficient × value. */
  readonly coefficients: Readonly<Record<string, ExactInput>>;
  /** Allocate in whole units of this (`'dong'`, or `'trieu'` for whole millions). The amount must be a whole number of it. */
  readonly step: MoneyUnit;
}

/** One row of the explanation table of an {@link Allocation}. */
export interface AllocationRow {
  readonly id: string;
  /** The criterion values, exactly. */
  readonly criteria: Readonly<Record<string, Fraction>>;
  /** coefficient × value for each criterion. */
  readonly points: Readonly<Record<string, Fraction>>;
  /** Σ points. */
  readonly score: Fraction;
  /** score / Σ scores (a fraction of 1). */
  readonly share: Fraction;
  /** amount × share, in đồng, before rounding to the step. */
  readonly exact: Fraction;
  /** The allocated amount, in đồng: a whole number of steps. */
  readonly amount: Dong;
}

/** Result of {@link allocateByCriteria}: the parts add up to `amount` exactly. */
export interface Allocation {
  readonly amount: Dong;
  readonly step: MoneyUnit;
  /** Criterion names, in the order of the coefficients. */
  readonly criteria: readonly string[];
  readonly coefficients: Readonly<Record<string, Fraction>>;
  readonly totalScore: Fraction;
  /** One row per recipient, in the order given. */
  readonly rows: readonly AllocationRow[];
  /** Whole steps are split by largest remainder (ties to the earlier recipient). */
  readonly method: 'largest-remainder';
}

function nonNegative(value: ExactInput, path: ReadonlyArray<string | number>, what: string): Fraction {
  const f = toFraction(value, path);
  if (f.num < 0n) fail({ code: `negative-${what}`, path, value: String(value), expected: `a ${what} ≥ 0` });
  return f;
}

/**
 * Allocates an amount across units or projects by criteria and coefficients: each recipient's
 * score is Σ coefficient × criterion value, its share is score / Σ scores, and whole steps
 * (đồng or million đồng) are split by largest remainder so that the parts add up exactly.
 *
 * @param amount - the amount to allocate, in đồng (≥ 0, a whole number of `step`)
 * @param recipients - the recipients with their criterion values (≥ 0); ids unique
 * @param options - coefficients per criterion and the step
 * @returns the explanation table (criteria, points, score, share, exact and allocated amount), deep-frozen
 * @throws VnPovertyError `negative-amount`, `amount-not-whole-step`, `invalid-input`, `duplicate-id`, `missing-criterion`,
 *   `unknown-criterion`, `negative-criterion`, `negative-coefficient`, `zero-scores`, `no-recipients`.
 * @example
 * allocateByCriteria(100_000_000n, [{ id: 'A', criteria: { poor: 3 } }, { id: 'B', criteria: { poor: 1 } }], { coefficients: { poor: 1 }, step: 'trieu' }).rows.map((r) => r.amount)
 * //=> [75_000_000n, 25_000_000n]
 * @remarks UNCONFIRMED: the national criteria and coefficients of QĐ 02/2022 could not be read;
 * supply those of the allocation resolution you apply (e.g. a provincial People's Council resolution).
 * @see QĐ 02/2022/QĐ-TTg (18/01/2022), principles, criteria and norms of allocation.
 */
export function allocateByCriteria(amount: Dong, recipients: readonly AllocationRecipient[], options: AllocateByCriteriaOptions): Allocation {
  assertOptions(options, 'allocateByCriteria', true);
  if (typeof amount !== 'bigint') fail({ code: 'not-an-integer', path: ['amount'], value: amount, expected: 'a whole number of đồng as a bigint' });
  if (amount < 0n) fail({ code: 'negative-amount', path: ['amount'], value: amount, expected: 'an amount ≥ 0' });
  const { step } = options;
  if (!MONEY_UNITS.includes(step)) fail({ code: 'invalid-unit', path: ['step'], value: step, expected: `one of ${MONEY_UNITS.join(', ')}` });
  const per = DONG_PER_UNIT[step];
  if (amount % per !== 0n) fail({ code: 'amount-not-whole-step', path: ['amount'], value: amount, expected: `a whole number of ${MONEY_UNIT_LABELS[step]}` });
  if (!Array.isArray(recipients) || recipients.length === 0) fail({ code: 'no-recipients', path: ['recipients'], value: recipients, expected: 'at least one recipient' });
  if (typeof options.coefficients !== 'object' || options.coefficients === null) fail({ code: 'invalid-input', path: ['coefficients'], value: options.coefficients, expected: 'an object of coefficients' });
  const names = Object.keys(options.coefficients);
  if (names.length === 0) fail({ code: 'no-criteria', path: ['coefficients'], value: {}, expected: 'at least one criterion with a coefficient' });
  const coefficients = Object.fromEntries(names.map((n) => [n, nonNegative(options.coefficients[n]!, ['coefficients', n], 'coefficient')]));

  const seen = new Set<string>();
  const scored = recipients.map((r, i) => {
    if (typeof r !== 'object' || r === null || typeof r.criteria !== 'object' || r.criteria === null) {
      fail({ code: 'invalid-input', path: ['recipients', i], value: r, expected: 'a recipient { id, criteria: { name: value } }' });
    }
    if (typeof r.id !== 'string' || r.id.length === 0) fail({ code: 'invalid-input', path: ['recipients', i, 'id'], value: r.id, expected: 'a non-empty id' });
    if (seen.has(r.id)) fail({ code: 'duplicate-id', path: ['recipients', i, 'id'], value: r.id, expected: 'ids that are unique' });
    seen.add(r.id);
    for (const key of Object.keys(r.criteria)) {
      if (!(key in coefficients)) fail({ code: 'unknown-criterion', path: ['recipients', i, 'criteria', key], value: key, expected: `one of ${names.join(', ')} (criteria with a coefficient)` });
    }
    const criteria: Record<string, Fraction> = {};
    const points: Record<string, Fraction> = {};
    for (const n of names) {
      const raw = r.criteria[n];
      if (raw === undefined) fail({ code: 'missing-criterion', path: ['recipients', i, 'criteria', n], value: undefined, expected: `a value for criterion ${n}` });
      criteria[n] = nonNegative(raw, ['recipients', i, 'criteria', n], 'criterion');
      points[n] = multiplyFractions(coefficients[n]!, criteria[n]);
    }
    return { id: r.id, criteria, points, score: sumFractions(Object.values(points)) };
  });
  const totalScore = sumFractions(scored.map((s) => s.score));
  if (totalScore.num === 0n && amount > 0n) {
    fail({ code: 'zero-scores', path: ['recipients'], value: 0, expected: 'at least one recipient with a positive score' });
  }
  const steps = apportion(amount / per, scored.map((s) => s.score)).parts;
  const amountF = fraction(amount, 1n);
  return deepFreeze({
    amount,
    step,
    criteria: names,
    coefficients,
    totalScore,
    rows: scored.map((s, i) => {
      const share = totalScore.num === 0n ? fraction(0n) : divideFractions(s.score, totalScore);
      return { ...s, share, exact: multiplyFractions(amountF, share), amount: steps[i]! * per };
    }),
    method: 'largest-remainder' as const,
  });
}

/** Options of {@link formatAllocation}. */
export interface FormatAllocationOptions {
  /** Unit amounts are printed in, e.g. `'trieu'`. */
  readonly unit: MoneyUnit;
  /** Decimals of the share column (in percent) and of the exact amount. */
  readonly decimals: number;
  /** How printed figures are rounded. */
  readonly rounding: RoundingMode;
}

/**
 * Prints an {@link Allocation} as a table that explains each share: criteria, score, share (%),
 * exact amount and allocated amount, with Vietnamese number formatting and a total row.
 *
 * @throws VnPovertyError `invalid-unit`, `invalid-rounding`, `invalid-decimals`.
 * @example
 * formatAllocation(allocation, { unit: 'trieu', decimals: 2, rounding: 'half-up' })
 * //=> 'id | poor | score | share % | exact (triệu đồng) | amount (triệu đồng)\nA | 3 | 3 | 75,00 | 75,00 | 75\n…'
 * @see QĐ 02/2022/QĐ-TTg (18/01/2022).
 */
export function formatAllocation(allocation: Allocation, options: FormatAllocationOptions): string {
  assertOptions(options, 'formatAllocation', true);
  const { unit, decimals, rounding } = options;
  assertRoundingMode(rounding);
  if (!MONEY_UNITS.includes(unit)) fail({ code: 'invalid-unit', path: ['unit'], value: unit, expected: `one of ${MONEY_UNITS.join(', ')}` });
  const per = fraction(DONG_PER_UNIT[unit], 1n);
  const num = (f: Fraction, d: number): string => formatVnNumber(roundFraction(f, d, rounding), { decimals: d, rounding });
  const inUnit = (f: Fraction, d: number): string => num(divideFractions(f, per), d);
  const label = MONEY_UNIT_LABELS[unit];
  const header = ['id', ...allocation.criteria, 'score', 'share %', `exact (${label})`, `amount (${label})`];
  const body = allocation.rows.map((r) => [
    r.id,
    ...allocation.criteria.map((c) => num(r.criteria[c]!, decimalsOf(r.criteria[c]!))),
    num(r.score, decimalsOf(r.score)),
    num(multiplyFractions(r.share, fraction(100n)), decimals),
    inUnit(r.exact, decimals),
    inUnit(fraction(r.amount), decimalsOf(divideFractions(fraction(r.amount), per))),
  ]);
  const totalAmount = fraction(allocation.amount);
  const footer = ['Tổng', ...allocation.criteria.map(() => ''), num(allocation.totalScore, decimalsOf(allocation.totalScore)), num(allocation.totalScore.num === 0n ? fraction(0n) : fraction(100n), decimals), inUnit(totalAmount, decimals), inUnit(totalAmount, decimalsOf(divideFractions(totalAmount, per)))];
  return [header, ...body, footer].map((cells) => cells.join(' | ')).join('\n');
}

/** Decimals needed to print a terminating fraction exactly (capped at 6). */
function decimalsOf(f: Fraction): number {
  for (let d = 0; d <= 6; d++) if ((f.num * 10n ** BigInt(d)) % f.den === 0n) return d;
  return 6;
}
