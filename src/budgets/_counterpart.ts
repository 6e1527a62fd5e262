import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { compareFractions, fraction, multiplyFractions, toFraction, type Fraction } from '../numbers/fraction.js';
import { DONG_PER_UNIT, type Dong, type MoneyUnit } from '../numbers/money.js';
import { roundQuotient, type RoundingMode } from '../numbers/rounding.js';
import { QD_02_2022_COUNTERPART_RULES, type CounterpartRuleSet, type CounterpartTier } from './counterpartRules.js';
import type { CounterpartTierOptions } from './counterpartTierFor.js';

const tierSchema = z
  .object({
    fromSupportPercent: z.string().nullable(),
    belowSupportPercent: z.string().nullable(),
    namedProvinces: z.array(z.string()),
    minCounterpartPercent: z.string(),
    termVi: z.string(),
  })
  .strict();

/** zod schema of a {@link CounterpartRuleSet} a caller supplies. */
export const counterpartRuleSetSchema = z
  .object({
    id: z.string().min(1),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    effectiveTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    source: z.string().min(1),
    term: z.string(),
    tiers: z.array(tierSchema).min(1),
    unconfirmed: z.array(z.string()),
  })
  .strict();

const optionsSchema = z
  .object({
    supportPercent: z.unknown(),
    province: z.string().trim().min(1).optional(),
    rules: counterpartRuleSetSchema.optional(),
    year: z.number().int().optional(),
  })
  .strict();

/** Checked options, with the support share as an exact fraction of percent. */
export interface ResolvedCounterpartOptions {
  readonly supportPercent: Fraction;
  readonly province: string | null;
  readonly rules: CounterpartRuleSet;
}

/** Validates the options shared by the counterpart functions. */
export function resolveCounterpartOptions(options: CounterpartTierOptions): ResolvedCounterpartOptions {
  const opts = parseInput(optionsSchema, options);
  if (!('supportPercent' in options)) fail({ code: 'missing-field', path: ['supportPercent'], value: undefined, expected: "the province's share of central-budget support, in percent" });
  const supportPercent = toFraction(options.supportPercent, ['supportPercent']);
  if (compareFractions(supportPercent, toFraction(0)) < 0 || compareFractions(supportPercent, toFraction(100)) > 0) {
    fail({ code: 'out-of-range', path: ['supportPercent'], value: String(options.supportPercent), expected: 'a percentage from 0 to 100' });
  }
  // zod returns a copy of a caller's rule set: freeze the copy, never the caller's object
  const rules: CounterpartRuleSet = opts.rules === undefined ? QD_02_2022_COUNTERPART_RULES : deepFreeze(opts.rules as CounterpartRuleSet);
  rules.tiers.forEach((t, i) => {
    toFraction(t.minCounterpartPercent, ['rules', 'tiers', i, 'minCounterpartPercent']);
    if (t.fromSupportPercent !== null) toFraction(t.fromSupportPercent, ['rules', 'tiers', i, 'fromSupportPercent']);
    if (t.belowSupportPercent !== null) toFraction(t.belowSupportPercent, ['rules', 'tiers', i, 'belowSupportPercent']);
  });
  if (opts.year !== undefined) {
    const from = Number(rules.effectiveFrom.slice(0, 4));
    const to = rules.effectiveTo === null ? Infinity : Number(rules.effectiveTo.slice(0, 4));
    if (opts.year < from || opts.year > to) {
      fail({
        code: 'rule-not-in-force',
        path: ['year'],
        value: opts.year,
        expected: `a year from ${from} to ${rules.effectiveTo === null ? 'now' : to}, when ${rules.id} is in force`,
        rule: { description: 'counterpart tiers apply to the years of their program period', source: rules.source, term: rules.term },
      });
    }
  }
  return { supportPercent, province: opts.province ?? null, rules };
}

/** Normalises a province name for comparison: NFC, lower case, without `tỉnh ` / `thành phố `. */
function provinceKey(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .toLocaleLowerCase('vi')
    .replace(/^(tỉnh|thành phố|tp\.?)\s+/u, '')
    .replace(/\s+/gu, ' ');
}

function inBand(tier: CounterpartTier, share: Fraction): boolean {
  if (tier.namedProvinces.length > 0) return false;
  if (tier.fromSupportPercent !== null && compareFractions(share, toFraction(tier.fromSupportPercent)) < 0) return false;
  if (tier.belowSupportPercent !== null && compareFractions(share, toFraction(tier.belowSupportPercent)) >= 0) return false;
  return true;
}

/** Picks the tier from checked options (named provinces first, then the first band that holds). */
export function pickTier(resolved: ResolvedCounterpartOptions): CounterpartTier {
  const { rules, province, supportPercent } = resolved;
  if (province !== null) {
    const key = provinceKey(province);
    const named = rules.tiers.find((t) => t.namedProvinces.some((p) => provinceKey(p) === key));
    if (named !== undefined) return named;
  }
  const tier = rules.tiers.find((t) => inBand(t, supportPercent));
  if (tier === undefined) {
    return fail({
      code: 'no-counterpart-tier',
      path: ['supportPercent'],
      value: `${supportPercent.num}/${supportPercent.den}`,
      expected: `a support share covered by a tier of ${rules.id}`,
      rule: { description: 'minimum counterpart by share of central-budget support', source: rules.source, term: rules.term },
    });
  }
  return tier;
}

/** Multiplies đồng by a percentage, exactly. */
export function percentOf(amount: Dong, percent: Fraction): Fraction {
  return multiplyFractions(fraction(amount, 1n), fraction(percent.num, percent.den * 100n));
}

/** Rounds an exact amount of đồng to a whole number of `unit`, returned in đồng. */
export function roundToUnit(exact: Fraction, unit: MoneyUnit, rounding: RoundingMode): Dong {
  const per = DONG_PER_UNIT[unit];
  return roundQuotient(exact.num, exact.den * per, rounding) * per;
}
