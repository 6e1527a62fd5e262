import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactRate, rate } from '../../src/numbers/rate.js';
import { ROUNDING_MODES } from '../../src/numbers/rounding.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssue } from '../_helpers/errors.js';

const official = { decimals: 2, rounding: 'half-up' } as const;

describe('rate', () => {
  it('reproduces national 2022 rates (poverty-rate-reporting.md §2, QĐ 71/QĐ-LĐTBXH)', () => {
    // Mekong Delta: counts add up exactly, rates are computed from counts, not added
    // 1,057,374 poor households ≈ 4.03 % of ~26.2 M households
    expect(rate(1_057_374, 26_237_000, official).toFixed(2)).toBe('4.03');
  });

  it('reproduces seed 001 (Tân Lợi): 43 remaining poor of 2,154 households is 2,00 %, not the printed 1,99', () => {
    expect(rate(43, 2154, official).toFixed(2)).toBe('2.00');
  });

  it('reproduces the Bình Định example (Tuy Phước urban): 406 → 5,04 %; 650 → 8,08 % on 8,048 households', () => {
    expect(rate(406, 8048, official).toFixed(2)).toBe('5.04');
    expect(rate(244, 8048, official).toFixed(2)).toBe('3.03');
    expect(rate(650, 8048, official).toFixed(2)).toBe('8.08');
  });

  it('returns the exact value before rounding', () => {
    expect(exactRate(1, 3)).toEqual({ num: 100n, den: 3n });
  });

  it('refuses a zero or negative base with a typed error, never NaN or Infinity', () => {
    for (const base of [0, -5, 0n]) {
      expect(firstIssue(() => rate(1, base, official)).code).toBe('non-positive-base');
    }
  });

  it('refuses fractional counts and missing rounding', () => {
    expect(() => rate(1.5, 10, official)).toThrow(VnPovertyError);
    expect(() => rate(1, 10, { decimals: 2 } as never)).toThrow(/rounding/);
    expect(() => rate(1, 10, { decimals: -1, rounding: 'half-up' })).toThrow(/decimals/);
  });

  it('is pure', () => {
    expectPure(exactRate, 697, 46_467);
  });

  describe('properties', () => {
    it('rate() agrees with exact rational arithmetic', () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: 10n ** 15n }),
          fc.bigInt({ min: 1n, max: 10n ** 15n }),
          fc.integer({ min: 0, max: 6 }),
          fc.constantFrom(...ROUNDING_MODES),
          (count, base, decimals, rounding) => {
            const r = rate(count, base, { decimals, rounding });
            // r × 10^d is a whole number k, and k is within one unit of the exact 100·count·10^d / base
            const scaled = r.mul(10 ** decimals);
            expect(scaled.isInteger()).toBe(true);
            const k = BigInt(scaled.toFixed(0));
            const exactScaled = 100n * count * 10n ** BigInt(decimals); // over `base`
            const diff = k * base - exactScaled; // (k − exact) × base
            expect(diff < 0n ? -diff : diff).toBeLessThan(base);
            // half-up: k − 1/2 ≤ exact < k + 1/2  ⇔  (2k − 1)·base ≤ 2·exactScaled < (2k + 1)·base
            if (rounding === 'half-up') {
              expect((2n * k - 1n) * base <= 2n * exactScaled).toBe(true);
              expect(2n * exactScaled < (2n * k + 1n) * base).toBe(true);
            }
          },
        ),
      );
    });
  });
});

describe('a negative count is refused, naming it', () => {
  const half = { decimals: 2, rounding: 'half-up' } as const;

  it('rate(-1, 2154) and exactRate(-5, 10) say the count is negative', () => {
    for (const count of [-1, -1n]) {
      const i = firstIssue(() => rate(count, 2154, half));
      expect([i.code, i.path, i.value]).toEqual(['negative-count', ['count'], count]);
    }
    const e = firstIssue(() => exactRate(-5, 10));
    expect([e.code, e.path, e.value]).toEqual(['negative-count', ['count'], -5]);
    expect(e.message).toBe('count: got -5, expected a count of 0 or more');
  });

  it('a count of 0 still gives 0 %, and every count ≥ 0 is accepted (property)', () => {
    expect(rate(0, 2154, half).toString()).toBe('0');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (count, base) => {
        expect(exactRate(count, base).num >= 0n).toBe(true);
        expect(() => exactRate(-count - 1n, base)).toThrow(VnPovertyError);
      }),
    );
  });
});
