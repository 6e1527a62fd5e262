import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCounterpart } from '../../src/budgets/checkCounterpart.js';
import { QD_02_2022_COUNTERPART_RULES, type CounterpartRuleSet } from '../../src/budgets/counterpartRules.js';
import { counterpartTierFor } from '../../src/budgets/counterpartTierFor.js';
import { requiredCounterpart } from '../../src/budgets/requiredCounterpart.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { compareFractions, fraction } from '../../src/numbers/fraction.js';
import { ROUNDING_MODES } from '../../src/numbers/rounding.js';
import { expectDeepFrozen, expectPure } from '../_helpers/purity.js';
import { MILLION, SEED001_TOTALS } from './_seed001.js';

describe('QD_02_2022_COUNTERPART_RULES', () => {
  it('holds the tiers of QĐ 02/2022 as frozen, versioned data with its unconfirmed points listed', () => {
    expectDeepFrozen(QD_02_2022_COUNTERPART_RULES);
    expect(QD_02_2022_COUNTERPART_RULES.effectiveFrom).toBe('2022-01-18');
    expect(QD_02_2022_COUNTERPART_RULES.source).toMatch(/QĐ 02\/2022\/QĐ-TTg/);
    expect(QD_02_2022_COUNTERPART_RULES.tiers.map((t) => t.minCounterpartPercent)).toEqual(['15', '3', '10', '15']);
    expect(QD_02_2022_COUNTERPART_RULES.unconfirmed.length).toBeGreaterThan(0);
  });
});

describe('counterpartTierFor', () => {
  const tier = (supportPercent: string, province?: string): string =>
    counterpartTierFor(province === undefined ? { supportPercent } : { supportPercent, province }).minCounterpartPercent;

  it('puts exactly 70 % in the 3 % band ("từ 70% trở lên") and just below it in the 10 % band', () => {
    expect(tier('70')).toBe('3');
    expect(tier('100')).toBe('3');
    expect(tier('69.999')).toBe('10');
  });

  it('puts exactly 50 % in the 10 % band ("từ 50%") and just below it in the 15 % band', () => {
    expect(tier('50')).toBe('10');
    expect(tier('49.99')).toBe('15');
    expect(tier('0')).toBe('15');
  });

  it('applies 15 % to Quảng Ngãi and Quảng Nam whatever their share, however the name is written', () => {
    expect(tier('90', 'Quảng Nam')).toBe('15');
    expect(tier('90', 'tỉnh Quảng Ngãi')).toBe('15');
    expect(tier('90', 'QUẢNG NGÃI')).toBe('15');
    expect(tier('90', 'Quảng Ninh')).toBe('3');
  });

  it('refuses a share outside 0–100 %, NaN, and a year the rule is not in force', () => {
    expect(() => tier('100.01')).toThrow(/0 to 100/);
    expect(() => counterpartTierFor({ supportPercent: Number.NaN })).toThrow(VnPovertyError);
    expect(() => counterpartTierFor({ supportPercent: '80', year: 2026 })).toThrow(/rule-not-in-force|2022 to 2025/);
    expect(counterpartTierFor({ supportPercent: '80', year: 2024 }).minCounterpartPercent).toBe('3');
  });

  it('accepts a caller’s own rule set (e.g. a corrected text) and validates it', () => {
    const mine: CounterpartRuleSet = {
      ...QD_02_2022_COUNTERPART_RULES,
      id: 'my-rules',
      tiers: [{ fromSupportPercent: null, belowSupportPercent: null, namedProvinces: [], minCounterpartPercent: '12.5', termVi: 'tối thiểu 12,5%' }],
    };
    expect(counterpartTierFor({ supportPercent: '80', rules: mine }).minCounterpartPercent).toBe('12.5');
    expectPure(counterpartTierFor, { supportPercent: '80', rules: mine });
    expect(Object.isFrozen(mine)).toBe(false);
    const gap: CounterpartRuleSet = { ...mine, tiers: [{ ...mine.tiers[0]!, fromSupportPercent: '60' }] };
    expect(() => counterpartTierFor({ supportPercent: '10', rules: gap })).toThrow(/no-counterpart-tier|covered by a tier/);
  });
});

describe('requiredCounterpart', () => {
  const central = BigInt(SEED001_TOTALS.central) * MILLION; // seed 001 line 453

  it('seed 001: 10 % of 4.978 triệu is 497,8 triệu exactly; 498 when rounded up to the million', () => {
    const r = requiredCounterpart(central, { supportPercent: '60', rounding: 'ceil', roundTo: 'trieu' });
    expect(r.tier.minCounterpartPercent).toBe('10');
    expect(r.exactMinimum).toEqual(fraction(497_800_000n));
    expect(r.minimum).toBe(498n * MILLION);
    expect(r.ruleSet).toBe('qd-02-2022');
  });

  it('3 % tier: 149,34 triệu, rounded up to 150 triệu, down to 149 triệu', () => {
    expect(requiredCounterpart(central, { supportPercent: '75', rounding: 'ceil', roundTo: 'trieu' }).minimum).toBe(150n * MILLION);
    expect(requiredCounterpart(central, { supportPercent: '75', rounding: 'floor', roundTo: 'trieu' }).minimum).toBe(149n * MILLION);
    expect(requiredCounterpart(central, { supportPercent: '75', rounding: 'half-up' }).minimum).toBe(149_340_000n);
  });

  it('needs a rounding mode and refuses a negative central amount', () => {
    expect(() => requiredCounterpart(central, { supportPercent: '75' } as never)).toThrow(/rounding/);
    expect(() => requiredCounterpart(-1n, { supportPercent: '75', rounding: 'ceil' })).toThrow(/≥ 0/);
  });

  it('is pure', () => {
    expectPure(requiredCounterpart, central, { supportPercent: '75', rounding: 'ceil', roundTo: 'trieu' });
  });
});

describe('checkCounterpart', () => {
  it('seed 001 plan passes the 10 % tier (498 ≥ 497,8 triệu) and the 3 % tier', () => {
    const plan = { central: BigInt(SEED001_TOTALS.central) * MILLION, counterpart: BigInt(SEED001_TOTALS.provincial) * MILLION };
    const ten = checkCounterpart(plan, { supportPercent: '65' });
    expect(ten.ok).toBe(true);
    expect(ten.shortfall).toBe(0n);
    expect(compareFractions(ten.actualPercent!, fraction(10n))).toBe(1); // 10,004 %
    expect(checkCounterpart(plan, { supportPercent: '80' }).ok).toBe(true);
  });

  it('seed 001 plan would fall short of a 15 % tier by 248,7 triệu (rounded up to the đồng)', () => {
    const plan = { central: 4_978n * MILLION, counterpart: 498n * MILLION };
    const r = checkCounterpart(plan, { supportPercent: '40' });
    expect(r.ok).toBe(false);
    expect(r.shortfall).toBe(248_700_000n);
  });

  it('a counterpart exactly at the minimum is enough; one đồng less is not', () => {
    expect(checkCounterpart({ central: 1_000n, counterpart: 100n }, { supportPercent: '65' }).ok).toBe(true);
    expect(checkCounterpart({ central: 1_000n, counterpart: 99n }, { supportPercent: '65' }).shortfall).toBe(1n);
    expect(checkCounterpart({ central: 0n, counterpart: 0n }, { supportPercent: '65' })).toMatchObject({ ok: true, actualPercent: null });
  });

  it('is pure', () => {
    expectPure(checkCounterpart, { central: 1_000n, counterpart: 99n }, { supportPercent: '65' });
  });

  describe('properties', () => {
    const amount = fc.bigInt({ min: 0n, max: 10n ** 15n });
    const share = fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2));

    it('rounding the minimum up (ceil) never gives less than the exact minimum, and the plan at that minimum passes', () => {
      fc.assert(
        fc.property(amount, share, fc.constantFrom('dong' as const, 'nghin' as const, 'trieu' as const), (central, supportPercent, roundTo) => {
          const r = requiredCounterpart(central, { supportPercent, rounding: 'ceil', roundTo });
          expect(compareFractions(fraction(r.minimum), r.exactMinimum)).toBeGreaterThanOrEqual(0);
          expect(checkCounterpart({ central, counterpart: r.minimum }, { supportPercent }).ok).toBe(true);
        }),
      );
    });

    it('ok exactly when the shortfall is zero, and adding the shortfall makes it ok', () => {
      fc.assert(
        fc.property(amount, amount, share, (central, counterpart, supportPercent) => {
          const r = checkCounterpart({ central, counterpart }, { supportPercent });
          expect(r.ok).toBe(r.shortfall === 0n);
          expect(checkCounterpart({ central, counterpart: counterpart + r.shortfall }, { supportPercent }).ok).toBe(true);
          if (r.shortfall > 0n) expect(checkCounterpart({ central, counterpart: counterpart + r.shortfall - 1n }, { supportPercent }).ok).toBe(false);
        }),
      );
    });

    it('a higher support share never requires more counterpart (tiers are monotone, outside named provinces)', () => {
      fc.assert(
        fc.property(share, share, (a, b) => {
          const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
          expect(Number(counterpartTierFor({ supportPercent: hi }).minCounterpartPercent)).toBeLessThanOrEqual(Number(counterpartTierFor({ supportPercent: lo }).minCounterpartPercent));
        }),
      );
    });

    it('every rounding mode stays within one unit of the exact minimum', () => {
      fc.assert(
        fc.property(amount, share, fc.constantFrom(...ROUNDING_MODES), (central, supportPercent, rounding) => {
          const r = requiredCounterpart(central, { supportPercent, rounding, roundTo: 'trieu' });
          const diff = r.minimum * r.exactMinimum.den - r.exactMinimum.num;
          expect(diff < 0n ? -diff : diff).toBeLessThan(MILLION * r.exactMinimum.den);
        }),
      );
    });
  });
});
