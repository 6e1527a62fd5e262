import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHousehold } from '../../src/standards/classifyHousehold.js';
import { rate } from '../../src/numbers/rate.js';
import { parseVnNumber } from '../../src/numbers/parseVnNumber.js';
import { areaFigures, areaRates } from '../../src/areas/areaFigures.js';
import { fgt } from '../../src/measures/fgt.js';
import type { Decimal } from '../../src/_internal/_decimal.js';

const half = { decimals: 2, rounding: 'half-up' } as const;

/** Tries to change a Decimal through its digit array and its sign; returns its text afterwards. */
function tamper(value: Decimal): string {
  const before = value.toString();
  expect(() => {
    (value.d as number[])[0] = 9;
  }).toThrow(TypeError);
  expect(() => {
    (value as unknown as { s: number }).s = -1;
  }).toThrow(TypeError);
  expect(value.toString()).toBe(before);
  return before;
}

describe('Decimals inside results are frozen with the result', () => {
  it('classifyHousehold: the income per head of a rural household of four (2.000.000 đ a head)', () => {
    const r = classifyHousehold({ area: 'rural', monthlyIncome: 8_000_000, members: [{ age: 40 }, { age: 38 }, { age: 12 }, { age: 9 }] }, { asOf: '2024-01-01', onConflict: 'use-flag' });
    expect(tamper(r.incomePerHead)).toBe('2000000');
    expect(r.incomePerHead.plus(1).toString()).toBe('2000001'); // a frozen Decimal still computes
  });

  it('rate: 43 poor households of 2.154 (Tân Lợi)', () => {
    expect(tamper(rate(43, 2154, half))).toBe('2');
  });

  it('areaRates: the rounded rate of Thành thị', () => {
    const r = areaRates(areaFigures({ unit: 'Thành thị', households: 16194, poor: 113, nearPoor: 412 }), half);
    expect(tamper(r.poor!.rounded)).toBe('0.7');
  });

  it('parseVnNumber: "1.234,56"', () => {
    expect(tamper(parseVnNumber('1.234,56').value)).toBe('1234.56');
  });

  it('fgt: the headcount ratio', () => {
    const r = fgt([{ income: 3_000_000n, members: 4, area: 'rural' }, { income: 9_000_000n, members: 3, area: 'urban' }], { alpha: 0, line: { rural: 1_500_000n, urban: 2_000_000n }, income: 'unit-total', countBy: 'units' });
    expect(tamper(r.value)).toBe('0.5');
  });

  it('a frozen rate computes like an unfrozen one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: -5, max: 5 }), (count, base, k) => {
        const r = rate(count, base, half);
        expect(Object.isFrozen(r) && Object.isFrozen(r.d)).toBe(true);
        const copy = r.plus(0);
        expect(r.plus(k).minus(k).eq(copy) && r.times(k).div(k === 0 ? 1 : k).eq(k === 0 ? 0 : copy)).toBe(true);
        expect(r.toFixed(2)).toBe(copy.toFixed(2));
      }),
    );
  });
});
