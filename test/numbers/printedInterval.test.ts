import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { fraction } from '../../src/numbers/fraction.js';
import { formatInterval, intervalContains, isPointInterval } from '../../src/numbers/interval.js';
import { printedInterval, toViNumberText } from '../../src/numbers/printedInterval.js';
import { roundQuotient } from '../../src/numbers/rounding.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';

const shown = (text: string, options = {}): string => formatInterval(printedInterval(text, options).interval, { decimals: 2 });

describe('printedInterval on figures as plans print them', () => {
  it('qualifiers: one-sided (hơn, trên, ít nhất, tối thiểu, dưới, tối đa) and two-sided (khoảng, gần)', () => {
    expect(shown('hơn 620 tỷ đồng')).toBe('> 620,00'); // the issue's budget wording
    expect(shown('trên 50 hộ')).toBe('> 50,00'); // seed 001, line 108
    expect(shown('ít nhất 60%')).toBe('≥ 60,00'); // seed 001, line 110
    expect(shown('tối thiểu là 5.476 triệu đồng'.replace(' là', ''))).toBe('≥ 5.476,00'); // seed 001, line 451
    expect(shown('dưới 16')).toBe('< 16,00');
    expect(shown('tối đa 15%')).toBe('≤ 15,00');
    expect(shown('khoảng 5.600 lượt người')).toBe('5.550,00–5.650,00'); // seed 000, line 51
    expect(shown('gần 38,2 tỷ')).toBe('38,15–38,20');
    expect(shown('khoảng 112%')).toBe('111,50–112,50');
  });

  it('keeps the qualifier words and says the figure is not exact', () => {
    const p = printedInterval('Khoảng trên 200 người'); // seed 001, line 96
    expect(p.qualifiers.map((q) => q.word)).toEqual(['khoảng', 'trên']);
    expect(p.exact).toBe(false);
    expect(formatInterval(p.interval, { decimals: 0 })).toBe('≥ 150'); // the widest reading of both
  });

  it('ranges: “0,17–0,2 %” (seed 003), “410-470 hộ”, “từ 2.150 đến 2.480 hộ”, “3,5-4,0%”', () => {
    expect(shown('0,17–0,2 %')).toBe('0,17–0,20');
    expect(shown('410-470 hộ')).toBe('410,00–470,00');
    expect(shown('từ 2.150 đến 2.480 hộ')).toBe('2.150,00–2.480,00');
    expect(shown('3,5-4,0%')).toBe('3,50–4,00');
    const r = printedInterval('410-470 hộ');
    expect([r.range, r.exact, r.unit, r.figures]).toEqual([true, false, 'household', [fraction(410n), fraction(470n)]]);
    expect(firstIssueCode(() => printedInterval('470-410 hộ'))).toBe('inverted-range');
    expect(firstIssueCode(() => printedInterval('3 hộ - 4%'))).toBe('unit-mismatch');
  });

  it('an exact figure is a point; its precision is half a unit of its last decimal either side', () => {
    const p = printedInterval('0,70', { kind: 'rate' });
    expect(isPointInterval(p.interval)).toBe(true);
    expect(p.exact).toBe(true);
    expect(formatInterval(p.precision, { decimals: 3 })).toBe('0,695–0,705');
    expect(p.halfUnit).toEqual(fraction(1n, 200n));
    expect(printedInterval('16.194', { kind: 'count' }).halfUnit).toEqual(fraction(1n, 2n));
  });

  it('reads English-format figures when told: 235,118.00 and 1.27', () => {
    expect(formatInterval(printedInterval('235,118.00', { kind: 'count', numberFormat: 'en' }).interval, { decimals: 0 })).toBe('235.118');
    expect(formatInterval(printedInterval('1.27%', { numberFormat: 'en' }).interval, { decimals: 2 })).toBe('1,27');
    expect(toViNumberText('1.234,5', 'vi')).toBe('1.234,5');
  });

  it('the width of “khoảng” and “gần” can be overridden: ±5 %', () => {
    expect(shown('khoảng 5.600', { kind: 'count', approximations: { about: { by: 'share', share: '0.05' } } })).toBe('5.320,00–5.880,00');
    expect(shown('gần 40', { approximations: { nearly: { by: 'share', share: '0.1' } } })).toBe('36,00–40,00');
  });

  it('refuses what is not a figure, as parseVnNumber does', () => {
    expect(firstIssueCode(() => printedInterval('nhiều hộ'))).toBe('invalid-number');
    expect(firstIssueCode(() => printedInterval(12 as unknown as string))).toBe('invalid-number');
  });

  it('is pure', () => {
    expectPure(printedInterval, 'khoảng 5.600 lượt người', {});
  });
});

describe('properties', () => {
  it('every value that prints as a figure lies in its precision interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 999 }), (n, d, below) => {
        // a value x = n / 10^(d+3); printed half-up to d decimals
        const x = fraction(BigInt(n), 10n ** BigInt(d + 3));
        const printed = formatVnNumber(x, { decimals: d, rounding: 'half-up' });
        const p = printedInterval(printed, { kind: 'amount' });
        expect(intervalContains(p.precision, x)).toBe(true);
        void below;
        // and the printed figure itself is the point interval
        const scaled = roundQuotient(x.num * 10n ** BigInt(d), x.den, 'half-up');
        expect(intervalContains(p.interval, fraction(scaled, 10n ** BigInt(d)))).toBe(true);
      }),
    );
  });

  it('a qualifier only widens: the bare figure always lies in the qualified interval’s closure, and “khoảng” holds the figure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('hơn', 'trên', 'ít nhất', 'tối thiểu', 'dưới', 'tối đa', 'khoảng', 'xấp xỉ', 'gần'), (n, word) => {
        const text = formatVnNumber(n, { decimals: 0 });
        const q = printedInterval(`${word} ${text}`, { kind: 'count' });
        expect(q.exact).toBe(false);
        const open = word === 'hơn' || word === 'trên' || word === 'dưới';
        expect(intervalContains(q.interval, n)).toBe(!open);
      }),
    );
  });
});
