import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { roundQuotient } from '../../src/numbers/rounding.js';
import { inferCommonBase } from '../../src/reconcile/inferCommonBase.js';
import { expectPure } from '../_helpers/purity.js';

/** Seed 000 (Rạch Giá, 000_580ab5a161395995.txt), lines 23–27: rates printed with counts, no base. */
const JULY_2022 = [
  { label: 'poor (line 23)', count: 697, rate: '1,5%' },
  { label: 'near-poor (line 25)', count: 343, rate: '0,57%' },
];
const END_2022 = [
  { label: 'poor (line 27)', count: 642, rate: '1,06%' },
  { label: 'near-poor (line 27)', count: 382, rate: '0,63%' },
];
const ETHNIC = [
  { label: 'ethnic poor, July (line 23)', count: 139, rate: '1,95%' },
  { label: 'ethnic near-poor, July (line 25)', count: 66, rate: '0,93%' },
  { label: 'ethnic poor, end (line 27)', count: 133, rate: '1,87%' },
  { label: 'ethnic near-poor, end (line 27)', count: 72, rate: '1,01 %' },
];

describe('inferCommonBase on seed 000', () => {
  it('July 2022: “1,5% (697 hộ)” and “0,57% (343 hộ)” share no base — 697 of ~60.000 households is 1,15 %', () => {
    const r = inferCommonBase(JULY_2022, { rounding: 'half-up' });
    expect(r.pairs.map((p) => p.bases)).toEqual([
      { min: 44_968, max: 48_068 }, // 69.700 ÷ 1,55 < b ≤ 69.700 ÷ 1,45
      { min: 59_653, max: 60_707 },
    ]);
    expect(r.common).toBeNull();
    expect(r.best).toBeNull(); // two pairs that disagree: no majority, both in doubt
    expect(r.outliers).toEqual(['poor (line 23)', 'near-poor (line 25)']);
  });

  it('end of 2022: 642 poor at 1,06 % and 382 near-poor at 0,63 % agree on 60.282 – 60.853 households', () => {
    const r = inferCommonBase(END_2022, { rounding: 'half-up' });
    expect(r.common).toEqual({ min: 60_282, max: 60_853 });
    expect(r.outliers).toEqual([]);
  });

  it('all four mainstream pairs: the July poor rate is the outlier', () => {
    const r = inferCommonBase([...JULY_2022, ...END_2022], { rounding: 'half-up' });
    expect(r.best).toEqual({ min: 60_282, max: 60_707 });
    expect(r.outliers).toEqual(['poor (line 23)']);
  });

  it('the ethnic-minority pairs agree on 7.110 – 7.131 households', () => {
    const r = inferCommonBase(ETHNIC, { rounding: 'half-up' });
    expect(r.common).toEqual({ min: 7110, max: 7131 });
  });

  it('a zero count allows every base; a zero rate for a positive count needs a large base', () => {
    const r = inferCommonBase([{ label: 'z', count: 0, rate: '0,00' }, { label: 'y', count: 1, rate: '0,00' }], { rounding: 'half-up' });
    expect(r.pairs.map((p) => p.bases)).toEqual([{ min: 1, max: null }, { min: 20_001, max: null }]);
  });

  it('a rate no base can print is an interval of null and an outlier', () => {
    const r = inferCommonBase([{ label: 'impossible', count: 1, rate: '60,00' }, { label: 'fine', count: 1, rate: '50,00' }], { rounding: 'half-up' });
    expect(r.pairs[0]!.bases).toBeNull();
    expect(r.outliers).toEqual(['impossible']);
  });

  it('refuses unreadable pairs and a missing rounding', () => {
    expect(() => inferCommonBase([{ label: 'x', count: 'abc', rate: '1,0' }], { rounding: 'half-up' })).toThrow(VnPovertyError);
    expect(() => inferCommonBase(END_2022, {} as never)).toThrow(VnPovertyError);
  });

  it('is pure', () => {
    expectPure(inferCommonBase, END_2022, { rounding: 'half-up' });
  });
});

describe('properties', () => {
  const printed = (c: number, b: number, d: number): string => {
    const q = roundQuotient(BigInt(c) * 100n * 10n ** BigInt(d), BigInt(b), 'half-up');
    const s = q.toString().padStart(d + 1, '0');
    return d === 0 ? s : `${s.slice(0, s.length - d)},${s.slice(s.length - d)}`;
  };
  it('the true base lies in the interval, and the interval is tight', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 3 }), (base, c, d) => {
        const count = c % (base + 1);
        const rate = printed(count, base, d);
        const { bases } = inferCommonBase([{ label: 'p', count, rate }], { rounding: 'half-up' }).pairs[0]!;
        expect(bases).not.toBeNull();
        expect(bases!.min).toBeLessThanOrEqual(base);
        if (bases!.max !== null) {
          expect(bases!.max).toBeGreaterThanOrEqual(base);
          expect(printed(count, bases!.max, d)).toBe(rate);
          expect(printed(count, bases!.max + 1, d)).not.toBe(rate);
        }
        expect(printed(count, bases!.min, d)).toBe(rate);
        if (bases!.min > 1) expect(printed(count, bases!.min - 1, d)).not.toBe(rate);
      }),
    );
  });
});
