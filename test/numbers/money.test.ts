import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dong, dongIn, fromDong, sumDong, toDong, MONEY_UNITS, DONG_PER_UNIT } from '../../src/numbers/money.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';

describe('money', () => {
  it('converts the units seed 000 prints (Rạch Giá 2023 plan, lines 35-53)', () => {
    expect(toDong('68730000000', 'dong')).toBe(68_730_000_000n);
    expect(toDong(14_045, 'trieu')).toBe(14_045_000_000n);
    expect(toDong('68.8', 'ty')).toBe(68_800_000_000n);
    // the three loan groups add up to the printed total: 14.045 + 7.245 + 47.440 = 68.730 billion
    expect(sumDong([14_045_000_000n, 7_245_000_000n, 47_440_000_000n])).toBe(68_730_000_000n);
  });

  it('refuses fractions of a đồng unless a rounding is named', () => {
    expect(() => toDong('0.5', 'dong')).toThrow(VnPovertyError);
    expect(toDong('0.5', 'dong', { rounding: 'half-up' })).toBe(1n);
    expect(toDong('1.2345', 'nghin', { rounding: 'down' })).toBe(1234n);
  });

  it('expresses đồng in other units with explicit rounding', () => {
    expect(fromDong(68_730_000_000n, 'ty', { decimals: 1, rounding: 'half-up' }).toFixed(1)).toBe('68.7');
    expect(fromDong(2_522_499_999n, 'trieu', { decimals: 0, rounding: 'half-up' }).toFixed(0)).toBe('2522');
    expect(dongIn(1_500n, 'nghin').toString()).toBe('1.5');
  });

  it('reads whole đồng only', () => {
    expect(dong('123')).toBe(123n);
    expect(() => dong(1.5)).toThrow(VnPovertyError);
    expect(() => dong(Number.NaN)).toThrow(VnPovertyError);
    expect(() => toDong(Number.POSITIVE_INFINITY, 'dong')).toThrow(VnPovertyError);
    expect(() => toDong(1, 'usd' as never)).toThrow(/unit/);
  });

  describe('properties', () => {
    it('amounts up to 10^15 đồng lose nothing through any unit', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom(...MONEY_UNITS), (amount, unit) => {
          expect(toDong(dongIn(amount, unit), unit)).toBe(amount);
        }),
      );
    });
    it('sums are exact at provincial scale (thousands of lines of up to 10^15 đồng)', () => {
      fc.assert(
        fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { maxLength: 200 }), (xs) => {
          const total = sumDong(xs);
          // the same sum taken in triệu and converted back
          const inTrieu = xs.reduce((acc, x) => acc.add(dongIn(x, 'trieu')), dongIn(0n, 'trieu'));
          expect(toDong(inTrieu, 'trieu')).toBe(total);
        }),
        { numRuns: 1000 },
      );
    });
    it('one unit is the documented number of đồng', () => {
      expect(Object.values(DONG_PER_UNIT)).toEqual([1n, 1000n, 1_000_000n, 1_000_000_000n]);
    });
  });
});
