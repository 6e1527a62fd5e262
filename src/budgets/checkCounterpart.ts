import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { compareFractions, fraction, subtractFractions, toFraction, type Fraction } from '../numbers/fraction.js';
import { roundQuotient } from '../numbers/rounding.js';
import type { Dong } from '../numbers/money.js';
import type { CounterpartTier } from './counterpartRules.js';
import { percentOf, pickTier, resolveCounterpartOptions } from './_counterpart.js';
import type { CounterpartTierOptions } from './counterpartTierFor.js';
import { assertOptions } from '../errors/assertOptions.js';

/** A province's plan for one year: central support and the local counterpart, in đồng. */
export interface CounterpartPlan {
  readonly central: Dong;
  readonly counterpart: Dong;
}

/** Options of {@link checkCounterpart}. */
export type CheckCounterpartOptions = CounterpartTierOptions;

/** Result of {@link checkCounterpart}: a report, not an error. */
export interface CounterpartCheck {
  /** True when the counterpart is at least the exact minimum. */
  readonly ok: boolean;
  readonly central: Dong;
  readonly counterpart: Dong;
  readonly tier: CounterpartTier;
  /** The minimum share, in percent. */
  readonly requiredPercent: Fraction;
  /** counterpart / central in percent, exactly; null when central is 0. */
  readonly actualPercent: Fraction | null;
  /** The exact minimum in đồng. */
  readonly exactMinimum: Fraction;
  /** How many whole đồng are missing (the exact minimum rounded up, less the counterpart); 0 when ok. */
  readonly shortfall: Dong;
  /** Id and source of the rule set applied. */
  readonly ruleSet: string;
  readonly source: string;
}

/**
 * Checks a province's counterpart against the minimum of its tier, exactly (no division:
 * counterpart × 100 ≥ central × percent).
 *
 * @param plan - central support and counterpart for one province and year, in đồng (≥ 0)
 * @param options - the support share in percent, province, rule set, year
 * @returns a frozen report with `ok`, the actual and required percentages and the shortfall
 * @throws VnPovertyError `negative-amount`, and those of {@link counterpartTierFor}.
 * @example
 * checkCounterpart({ central: 4_978_000_000n, counterpart: 498_000_000n }, { supportPercent: '65' }).ok //=> true (10 % needs 497.8 million)
 * checkCounterpart({ central: 1_000n, counterpart: 99n }, { supportPercent: '65' }).shortfall //=> 1n
 * @remarks UNCONFIRMED: the tiers come from a summary of QĐ 02/2022.
 * @see QĐ 02/2022/QĐ-TTg (18/01/2022), local counterpart ratio.
 */
export function checkCounterpart(plan: CounterpartPlan, options: CheckCounterpartOptions): CounterpartCheck {
  assertOptions(options, 'checkCounterpart', true);
  for (const field of ['central', 'counterpart'] as const) {
    const v = plan[field];
    if (typeof v !== 'bigint') fail({ code: 'not-an-integer', path: [field], value: v, expected: 'a whole number of đồng as a bigint' });
    if (v < 0n) fail({ code: 'negative-amount', path: [field], value: v, expected: 'an amount ≥ 0' });
  }
  const resolved = resolveCounterpartOptions(options);
  const tier = pickTier(resolved);
  const requiredPercent = toFraction(tier.minCounterpartPercent);
  const exactMinimum = percentOf(plan.central, requiredPercent);
  const have = fraction(plan.counterpart, 1n);
  const ok = compareFractions(have, exactMinimum) >= 0;
  const missing = subtractFractions(exactMinimum, have);
  return deepFreeze({
    ok,
    central: plan.central,
    counterpart: plan.counterpart,
    tier,
    requiredPercent,
    actualPercent: plan.central === 0n ? null : fraction(plan.counterpart * 100n, plan.central),
    exactMinimum,
    shortfall: ok ? 0n : roundQuotient(missing.num, missing.den, 'ceil'),
    ruleSet: resolved.rules.id,
    source: resolved.rules.source,
  });
}
