import fc from 'fast-check';
import { Decimal as DecimalJs } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ROUNDING_MODES, roundQuotient, type RoundingMode } from '../../src/numbers/rounding.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';

const REF = DecimalJs.clone({ precision: 200 });
const DECIMAL_JS_MODE: Record<RoundingMode, DecimalJs.Rounding> = {
  up: REF.ROUND_UP,
  down: REF.ROUND_DOWN,
  ceil: REF.ROUND_CEIL,
  floor: REF.ROUND_FLOOR,
  'half-up': REF.ROUND_HALF_UP,
  'half-down': REF.ROUND_HALF_DOWN,
  'half-even': REF.ROUND_HALF_EVEN,
};

describe('roundQuotient', () => {
  // value → expected per mode, for the classic table of ±0.5, ±1.5, ±2.5, ±1.2, ±1.7
  const table: Array<[bigint, bigint, Record<RoundingMode, bigint>]> = [
    [5n, 2n, { 'half-up': 3n, 'half-down': 2n, 'half-even': 2n, up: 3n, down: 2n, ceil: 3n, floor: 2n }],
    [3n, 2n, { 'half-up': 2n, 'half-down': 1n, 'half-even': 2n, up: 2n, down: 1n, ceil: 2n, floor: 1n }],
    [-5n, 2n, { 'half-up': -3n, 'half-down': -2n, 'half-even': -2n, up: -3n, down: -2n, ceil: -2n, floor: -3n }],
    [12n, 10n, { 'half-up': 1n, 'half-down': 1n, 'half-even': 1n, up: 2n, down: 1n, ceil: 2n, floor: 1n }],
    [-17n, 10n, { 'half-up': -2n, 'half-down': -2n, 'half-even': -2n, up: -2n, down: -1n, ceil: -1n, floor: -2n }],
    [1n, -2n, { 'half-up': -1n, 'half-down': 0n, 'half-even': 0n, up: -1n, down: 0n, ceil: 0n, floor: -1n }],
  ];
  for (const mode of ROUNDING_MODES) {
    it(`rounds ${mode} as documented`, () => {
      for (const [n, d, expected] of table) expect(roundQuotient(n, d, mode), `${n}/${d}`).toBe(expected[mode]);
    });
  }

  it('rounds a rate printed in an official table half-up (5.045 → 5.05)', () => {
    expect(roundQuotient(5045n, 10n, 'half-up')).toBe(505n);
    expect(roundQuotient(5045n, 10n, 'half-even')).toBe(504n);
  });

  it('refuses a zero denominator with a typed error', () => {
    expect(() => roundQuotient(1n, 0n, 'half-up')).toThrow(VnPovertyError);
  });

  it('refuses an unknown mode', () => {
    expect(() => roundQuotient(1n, 3n, 'nearest' as RoundingMode)).toThrow(/rounding/);
  });

  describe('properties', () => {
    it('agrees with decimal.js for every mode', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.constantFrom(...ROUNDING_MODES), (n, d, mode) => {
          const expected = new REF(n.toString()).div(d.toString()).toDecimalPlaces(0, DECIMAL_JS_MODE[mode]);
          expect(roundQuotient(n, d, mode).toString()).toBe(expected.toFixed(0));
        }),
      );
    });

    it('is within one unit of the exact quotient', () => {
      fc.assert(
        fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.constantFrom(...ROUNDING_MODES), (n, d, mode) => {
          const r = roundQuotient(n, d, mode);
          const diff = r * d - n;
          expect(diff < 0n ? -diff : diff).toBeLessThan(d);
        }),
      );
    });
  });
});
