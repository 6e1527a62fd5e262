import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExactVnNumber, parseVnNumber, type QuantityKind } from '../../src/numbers/parseVnNumber.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { expectDeepFrozen } from '../_helpers/purity.js';
import { firstIssue, firstIssueCode } from '../_helpers/errors.js';

describe('parseVnNumber', () => {
  it('reads the figures of seed 000 (Rạch Giá 2023 plan) as printed', () => {
    expect(parseVnNumber('16.194', { kind: 'count' }).value.toString()).toBe('16194');
    expect(parseVnNumber('0,70').value.toString()).toBe('0.7');
    expect(parseVnNumber('1,06%').value.toString()).toBe('1.06');
    expect(parseVnNumber('1,06%').unit).toBe('percent');
    expect(parseVnNumber('1,01 %').value.toString()).toBe('1.01');
    const loan = parseVnNumber('68.730.000.000 đồng');
    expect(loan.value.toString()).toBe('68730000000');
    expect(loan.unit).toBe('dong');
    expect(loan.kind).toBe('amount');
    expect(parseVnNumber('14.045 triệu đồng').value.toString()).toBe('14045');
    expect(parseVnNumber('14.045 triệu đồng').unit).toBe('trieu');
    expect(parseVnNumber('68,8 tỷ đồng').value.toString()).toBe('68.8');
    expect(parseVnNumber('68,8 tỷ đồng').unit).toBe('ty');
    expect(parseVnNumber('2.121 hộ').value.toString()).toBe('2121');
    expect(parseVnNumber('4.952 lượt người').unit).toBe('person');
  });

  it('keeps approximate qualifiers beside the value (seed 000 line 53: "trên 68,8 tỷ đồng")', () => {
    const p = parseVnNumber('trên 68,8 tỷ đồng');
    expect(p.qualifier).toEqual({ word: 'trên', meaning: 'more-than' });
    expect(p.value.toString()).toBe('68.8');
    expect(parseVnNumber('hơn 500 hộ').qualifier?.meaning).toBe('more-than');
    expect(parseVnNumber('gần 1.000 hộ').qualifier?.meaning).toBe('nearly');
    expect(parseVnNumber('khoảng 5.600', { kind: 'count' }).qualifier?.meaning).toBe('about');
    expect(parseVnNumber('dưới 2%').qualifier?.meaning).toBe('less-than');
    expect(parseVnNumber('Khoảng 5.600 lượt người').qualifier?.word).toBe('khoảng');
    expect(firstIssueCode(() => parseExactVnNumber('khoảng 5.600', { kind: 'count' }))).toBe('approximate-value');
    expect(parseExactVnNumber('5.600', { kind: 'count' }).toString()).toBe('5600');
  });

  it('reads decomposed Unicode (NFD) the same as composed', () => {
    expect(parseVnNumber('14.045 triệu đồng'.normalize('NFD')).unit).toBe('trieu');
  });

  it('needs a kind for a lone "." before three digits (1.171 vs 1.27)', () => {
    expect(firstIssueCode(() => parseVnNumber('1.171'))).toBe('ambiguous-separator');
    expect(parseVnNumber('1.171', { kind: 'count' }).value.toString()).toBe('1171');
    expect(parseVnNumber('1.171', { kind: 'rate' }).value.toString()).toBe('1.171');
    expect(parseVnNumber('1.27', { kind: 'rate' }).value.toString()).toBe('1.27');
    expect(firstIssueCode(() => parseVnNumber('1.27'))).toBe('invalid-grouping');
    expect(firstIssueCode(() => parseVnNumber('1.27', { kind: 'count' }))).toBe('invalid-grouping');
    expect(parseVnNumber('1.234.567').value.toString()).toBe('1234567');
  });

  it('refuses garbage with a typed error naming the text', () => {
    for (const bad of ['', 'abc', '1,2,3', '1.2.3', '12..3', ',5', '5,', '1.234,5.6', '--3', '3-', 'NaN', 'Infinity', '1e5']) {
      expect(firstIssue(() => parseVnNumber(bad)).value, bad).toBe(bad);
    }
  });

  it('refuses a count with decimals and a unit that contradicts the kind', () => {
    expect(firstIssueCode(() => parseVnNumber('1,5', { kind: 'count' }))).toBe('not-a-count');
    expect(firstIssueCode(() => parseVnNumber('1,5%', { kind: 'count' }))).toBe('unit-mismatch');
    // a percent typed in an amount column (“6,21%” under “Thu nhập”) says so in plain words
    expect(firstIssue(() => parseVnNumber('6,21%', { kind: 'amount' })).expected).toBe('an amount (its unit says rate)');
  });

  it('refuses scientific notation (Excel\'s display of a long number, saved as shown) saying so; the number in full is read', () => {
    for (const text of ['1.2E+07', '1,23457E+11', '5e6']) {
      const issue = firstIssue(() => parseVnNumber(text));
      expect(issue.code).toBe('invalid-number');
      expect(issue.expected).toContain(`${text} is scientific notation, which keeps only the digits shown`);
    }
    expect(parseVnNumber('12.000.000').value.toString()).toBe('12000000');
    expect(firstIssue(() => parseVnNumber('E+07')).expected).toBe('a number written with digits, "." for thousands and "," for decimals');
  });

  it('reads negatives', () => {
    expect(parseVnNumber('-0,42').value.toString()).toBe('-0.42');
    expect(parseVnNumber('−1.500', { kind: 'count' }).value.toString()).toBe('-1500');
  });

  it('returns frozen results', () => {
    expectDeepFrozen(parseVnNumber('hơn 500 hộ'));
  });

  describe('properties', () => {
    const kinds: QuantityKind[] = ['count', 'rate', 'amount'];
    it('format then parse returns the value', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...kinds), (units, decimals, kind) => {
          fc.pre(!(kind === 'count' && decimals > 0));
          fc.pre(!(kind === 'rate' && decimals === 0)); // a rate column reads a lone '.' as a decimal point
          const text = formatVnNumber(`${units}e-${decimals}`, { decimals });
          const parsed = parseVnNumber(text, { kind });
          expect(parsed.value.eq(`${units}e-${decimals}`)).toBe(true);
        }),
      );
    });

    it('parsing never returns NaN: it returns a finite value or throws VnPovertyError', () => {
      const alphabet = fc.constantFrom(...'0123456789.,-% hơntrêgầkoảdướiđồngtriệutỷ'.split(''));
      fc.assert(
        fc.property(fc.string({ unit: alphabet, maxLength: 16 }), fc.option(fc.constantFrom(...kinds), { nil: undefined }), (text, kind) => {
          try {
            const p = parseVnNumber(text, kind ? { kind } : {});
            expect(p.value.isFinite()).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(VnPovertyError);
          }
        }),
      );
    });
  });
});

describe('formatVnNumber', () => {
  it('writes vi-VN style with fixed decimals', () => {
    expect(formatVnNumber(16194, { decimals: 0 })).toBe('16.194');
    expect(formatVnNumber('0.7', { decimals: 2 })).toBe('0,70');
    expect(formatVnNumber(68_730_000_000n, { decimals: 0 })).toBe('68.730.000.000');
    expect(formatVnNumber('-1234.5', { decimals: 1 })).toBe('-1.234,5');
    expect(formatVnNumber('-0.001', { decimals: 2, rounding: 'half-up' })).toBe('0,00');
  });

  it('requires a rounding when digits would be lost', () => {
    expect(firstIssueCode(() => formatVnNumber('1.0649', { decimals: 2 }))).toBe('rounding-required');
    expect(formatVnNumber('1.0649', { decimals: 2, rounding: 'half-up' })).toBe('1,06');
    expect(formatVnNumber('2.045', { decimals: 2, rounding: 'half-up' })).toBe('2,05');
    expect(formatVnNumber('2.045', { decimals: 2, rounding: 'half-even' })).toBe('2,04');
  });

  it('refuses NaN and Infinity', () => {
    expect(() => formatVnNumber(Number.NaN, { decimals: 0 })).toThrow(VnPovertyError);
    expect(() => formatVnNumber(Number.NEGATIVE_INFINITY, { decimals: 0 })).toThrow(VnPovertyError);
  });
});
