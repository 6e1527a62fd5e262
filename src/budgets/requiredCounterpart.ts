import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { toFraction, type Fraction } from '../numbers/fraction.js';
import { MONEY_UNITS, type Dong, type MoneyUnit } from '../numbers/money.js';
import { assertRoundingMode, type RoundingOptions } from '../numbers/rounding.js';
import type { CounterpartTier } from './counterpartRules.js';
import { percentOf, pickTier, resolveCounterpartOptions, roundToUnit } from './_counterpart.js';
import type { CounterpartTierOptions } from './counterpartTierFor.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link requiredCounterpart}. */
export interface RequiredCounterpartOptions extends CounterpartTierOptions, RoundingOptions {
  /**
   * Round the minimum to a whole number of this unit (`'trieu'`: whole million đồng).
   * Whole đồng when left out.
   */
  readonly roundTo?: MoneyUnit;
}

/** Result of {@link requiredCounterpart}. */
export interface RequiredCounterpart {
  /** The central-budget support the minimum is a share of, in đồng. */
  readonly central: Dong;
  /** The tier that applies. */
  readonly tier: CounterpartTier;
  /** The minimum share, in percent, exactly. */
  readonly minCounterpartPercent: Fraction;
  /** The exact minimum in đồng (central × percent / 100), before rounding. */
  readonly exactMinimum: Fraction;
  /** The minimum rounded as asked, in đồng. With `'ceil'` it is never below `exactMinimum`. */
  readonly minimum: Dong;
  /** The unit rounded to and the rounding mode, as given. */
  readonly roundTo: MoneyUnit;
  readonly rounding: RoundingOptions['rounding'];
  /** Id and source of the rule set applied. */
  readonly ruleSet: string;
  readonly source: string;
}

/**
 * The minimum local counterpart (*vốn đối ứng*) a province must put in for a central-budget
 * allocation to the Program: central × the tier's minimum share, exact, then rounded as asked.
 *
 * **Choose `rounding: 'ceil'` (or `'up'`, the same for amounts ≥ 0) when the figure is a minimum
 * to meet**: any rounding to nearest can fall below the exact minimum.
 *
 * @param central - the central-budget support for the Program in the province that year, in đồng (≥ 0)
 * @param options - the support share in percent, province, rule set, year; rounding and the unit to round to
 * @returns the tier, the exact minimum and the rounded minimum, deep-frozen
 * @throws VnPovertyError `negative-amount`, `invalid-rounding`, `invalid-unit`, and those of {@link counterpartTierFor}.
 * @example
 * requiredCounterpart(4_978_000_000n, { supportPercent: '75', rounding: 'ceil', roundTo: 'trieu' }).minimum
 * //=> 150_000_000n (3 % of 4,978 million = 149.34 million, rounded up)
 * @remarks UNCONFIRMED: the tiers come from a summary of QĐ 02/2022.
 * @see QĐ 02/2022/QĐ-TTg (18/01/2022), local counterpart ratio.
 */
export function requiredCounterpart(central: Dong, options: RequiredCounterpartOptions): RequiredCounterpart {
  assertOptions(options, 'requiredCounterpart', true);
  if (typeof central !== 'bigint') fail({ code: 'not-an-integer', path: ['central'], value: central, expected: 'a whole number of đồng as a bigint' });
  if (central < 0n) fail({ code: 'negative-amount', path: ['central'], value: central, expected: 'an amount ≥ 0' });
  const { rounding, roundTo = 'dong', ...tierOptions } = options;
  assertRoundingMode(rounding);
  if (!MONEY_UNITS.includes(roundTo)) fail({ code: 'invalid-unit', path: ['roundTo'], value: roundTo, expected: `one of ${MONEY_UNITS.join(', ')}` });
  const resolved = resolveCounterpartOptions(tierOptions);
  const tier = pickTier(resolved);
  const minCounterpartPercent = toFraction(tier.minCounterpartPercent);
  const exactMinimum = percentOf(central, minCounterpartPercent);
  return deepFreeze({
    central,
    tier,
    minCounterpartPercent,
    exactMinimum,
    minimum: roundToUnit(exactMinimum, roundTo, rounding),
    roundTo,
    rounding,
    ruleSet: resolved.rules.id,
    source: resolved.rules.source,
  });
}
