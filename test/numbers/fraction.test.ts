import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/_internal/_decimal.js';
import {
  addFractions,
  compareFractions,
  divideFractions,
  fraction,
  fractionToDecimal,
  multiplyFractions,
  roundFraction,
  subtractFractions,
  sumFractions,
  toFraction,
} from '../../src/numbers/fraction.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';

const arbFraction = fc
  .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 12n }))
  .map(([n, d]) => fraction(n, d));

describe('fraction', () => {
  it('normalises to lowest terms with a positive denominator', () => {
    expect(fraction(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(fraction(0n, 7n)).toEqual({ num: 0n, den: 1n });
  });

  it('refuses a zero denominator', () => {
    expect(() => fraction(1n, 0n)).toThrow(VnPovertyError);
  });

  it('reads decimal strings, numbers and Decimals exactly', () => {
    expect(toFraction('0.70')).toEqual({ num: 7n, den: 10n });
    expect(toFraction(0.1)).toEqual({ num: 1n, den: 10n });
    expect(toFraction(new Decimal('1e-3'))).toEqual({ num: 1n, den: 1000n });
    expect(toFraction('123456789012345678901234567890')).toEqual({ num: 123456789012345678901234567890n, den: 1n });
  });

  it('reads exponents, signs and a bare point the way decimal.js does', () => {
    expect(toFraction('1.5e3')).toEqual({ num: 1500n, den: 1n });
    expect(toFraction('-2.5E-2')).toEqual({ num: -1n, den: 40n });
    expect(toFraction('+.5')).toEqual({ num: 1n, den: 2n });
    expect(toFraction('7.')).toEqual({ num: 7n, den: 1n });
    expect(toFraction(1.5e-7)).toEqual({ num: 3n, den: 20_000_000n });
    expect(toFraction(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
  });

  it('refuses NaN, Infinity and garbage', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 'abc', '', new Decimal(Number.NaN), new Decimal(Infinity), '0x10', '0b101', '1e', '.', '-', '1.2.3', '1e1000', 'Infinity']) {
      expect(() => toFraction(bad)).toThrow(VnPovertyError);
    }
  });

  it('gives terminating decimals exactly', () => {
    expect(fractionToDecimal(fraction(1n, 8n)).toString()).toBe('0.125');
    expect(fractionToDecimal(fraction(1n, 3n)).toString().startsWith('0.3333333333')).toBe(true);
  });

  it('rounds for print', () => {
    expect(roundFraction(fraction(2n, 3n), 2, 'half-up').toFixed(2)).toBe('0.67');
    expect(roundFraction(fraction(-1n, 8n), 2, 'half-even').toFixed(2)).toBe('-0.12');
  });

  describe('properties', () => {
    it('a decimal string reads as decimal.js reads it', () => {
      const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 25 });
      const text = fc
        .tuple(fc.constantFrom('', '-', '+'), digits, fc.option(digits), fc.option(fc.integer({ min: -400, max: 400 })))
        .filter(([, i, f]) => `${i}${f ?? ''}`.length > 0)
        .map(([sign, i, f, e]) => `${sign}${i}${f === null ? '' : `.${f}`}${e === null ? '' : `e${e}`}`);
      fc.assert(
        fc.property(text, (t) => {
          const viaDecimal = toFraction(new Decimal(t));
          expect(toFraction(t)).toEqual(viaDecimal);
          expect(fractionToDecimal(viaDecimal).eq(new Decimal(t))).toBe(true);
        }),
      );
    });

    it('a float reads as its shortest decimal text', () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
          expect(toFraction(x)).toEqual(toFraction(new Decimal(String(x))));
        }),
      );
    });

    it('addition then subtraction gives the value back', () => {
      fc.assert(
        fc.property(arbFraction, arbFraction, (a, b) => {
          expect(subtractFractions(addFractions(a, b), b)).toEqual(a);
        }),
      );
    });
    it('multiplication then division gives the value back', () => {
      fc.assert(
        fc.property(arbFraction, arbFraction, (a, b) => {
          fc.pre(b.num !== 0n);
          expect(divideFractions(multiplyFractions(a, b), b)).toEqual(a);
        }),
      );
    });
    it('the sum of a list equals adding one by one', () => {
      fc.assert(
        fc.property(fc.array(arbFraction, { maxLength: 20 }), (xs) => {
          expect(sumFractions(xs)).toEqual(xs.reduce(addFractions, fraction(0n)));
        }),
      );
    });
    it('comparison agrees with the sign of the difference', () => {
      fc.assert(
        fc.property(arbFraction, arbFraction, (a, b) => {
          const d = subtractFractions(a, b);
          expect(compareFractions(a, b)).toBe(d.num < 0n ? -1 : d.num > 0n ? 1 : 0);
        }),
      );
    });
    it('a decimal string converts exactly', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: 0, max: 20 }), (units, places) => {
          const s = new Decimal(units.toString()).div(new Decimal(10).pow(places)).toFixed();
          expect(toFraction(s)).toEqual(fraction(units, 10n ** BigInt(places)));
        }),
      );
    });
  });
});
