import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fraction } from '../../src/numbers/fraction.js';
import { formatInterval, intervalContains } from '../../src/numbers/interval.js';
import { convertTarget } from '../../src/targets/convertTarget.js';
import { evaluateTarget } from '../../src/targets/evaluateTarget.js';
import { reductionTarget, targetFromText } from '../../src/targets/reductionTarget.js';
import { firstIssue, firstIssueCode } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';

const poor = { subject: 'poor' as const };

describe('targets keep everything printed', () => {
  it('a range of households keeps its lower end: “410-470 hộ”, “từ 2.150 đến 2.480 hộ”', () => {
    expect(targetFromText('giảm 410-470 hộ nghèo', poor)).toEqual({ form: 'count-range', subject: 'poor', low: 410, high: 470 });
    expect(targetFromText('phấn đấu giảm từ 2.150 đến 2.480 hộ nghèo', poor)).toEqual({ form: 'count-range', subject: 'poor', low: 2150, high: 2480 });
  });

  it('a qualifier is kept: “giảm hơn 2%” is more than 2 points; “ít nhất 0,1%/năm” at least 0,1 (seed 000)', () => {
    expect(targetFromText('giảm hơn 2%', poor)).toEqual({ form: 'points', subject: 'poor', points: fraction(2n), qualifier: { word: 'hơn', meaning: 'more-than' } });
    expect(targetFromText('giảm tỷ lệ hộ nghèo ít nhất 0,1%/năm', poor)).toMatchObject({ form: 'points', points: fraction(1n, 10n), qualifier: { meaning: 'at-least' } });
  });

  it('the same goal in two forms: “giảm từ 3,5-4,0% (tương ứng từ 410-470 hộ)”', () => {
    const t = targetFromText('Tỷ lệ hộ nghèo giảm từ 3,5-4,0% (tương ứng từ 410-470 hộ)', poor);
    expect(t).toEqual({ form: 'range', subject: 'poor', low: fraction(7n, 2n), high: fraction(4n), equivalent: { form: 'count-range', subject: 'poor', low: 410, high: 470 } });
  });

  it('the same goal after a comma: “giảm từ 3,5-4,0%, tương đương giảm 850-970 hộ”; two goals joined by “và” stay refused', () => {
    const t = targetFromText('Tỷ lệ hộ nghèo giảm từ 3,5-4,0%, tương đương giảm 850-970 hộ', poor);
    expect(t).toEqual({ form: 'range', subject: 'poor', low: fraction(7n, 2n), high: fraction(4n), equivalent: { form: 'count-range', subject: 'poor', low: 850, high: 970 } });
    expect(targetFromText('giảm 0,8%; tương ứng 245 hộ', poor)).toMatchObject({ form: 'points', equivalent: { form: 'count', households: 245 } });
    expect(firstIssueCode(() => targetFromText('giảm 0,8%, giảm 245 hộ', poor))).toBe('unreadable-target');
  });

  it('refuses what it cannot read completely: two targets in one sentence, a qualified range, nothing', () => {
    const two = firstIssue(() => targetFromText('giảm 0,8% và giảm 1/5 số hộ nghèo', poor));
    expect(two.code).toBe('unreadable-target');
    expect(two.expected).toMatch(/2 figures: "0,8%", "1\/5 số hộ"; pass one target at a time/);
    expect(firstIssueCode(() => targetFromText('giảm hơn 3-4%', poor))).toBe('unreadable-target');
    expect(firstIssueCode(() => targetFromText('giảm nghèo bền vững năm 2024', poor))).toBe('unreadable-target');
    expect(firstIssueCode(() => reductionTarget({ form: 'count-range', subject: 'poor', low: 470, high: 410 }))).toBe('inverted-range');
    expect(firstIssueCode(() => reductionTarget({ form: 'points', subject: 'poor', points: '1', qualifier: 'nhiều' }))).toBe('unknown-qualifier');
  });

  it('seed 003: “0,17 – 0,2%/năm” converts to a range of households on any base, and 10 households evaluates to a range of margins', () => {
    const range = targetFromText('Tỷ lệ hộ nghèo đa chiều giảm từ 0,17 – 0,2%/năm.', poor);
    const count = targetFromText('Đến cuối năm 2023, phấn đấu giảm 10 hộ nghèo theo chuẩn nghèo đa chiều.', poor);
    const base = { households: 5500, poor: 60, nearPoor: 40 };
    const c = convertTarget(range, base);
    expect(formatInterval(c.households, { decimals: 2 })).toBe('9,35–11,00');
    expect(formatInterval(c.share!, { decimals: 4 })).toBe('0,1558–0,1834');
    const e = evaluateTarget(range, base, count.form === 'count' ? count.households : 0);
    expect([e.met, e.aboveRange]).toEqual([true, false]);
    expect(formatInterval(e.marginHouseholdsRange, { decimals: 2 })).toBe('-1,00–0,65');
    expect(formatInterval(convertTarget(count, base).points, { decimals: 4 })).toBe('0,1818–0,1819'); // 10 ÷ 5.500 × 100 = 0,181818…, shown outwards
  });

  it('a “hơn” target is not met by exactly its figure; a “khoảng” target has a width', () => {
    const base = { households: 10_000, poor: 500, nearPoor: 300 };
    const more = targetFromText('giảm hơn 2%', poor);
    expect(evaluateTarget(more, base, 200).met).toBe(false);
    expect(evaluateTarget(more, base, 201).met).toBe(true);
    expect(convertTarget(more, base).households.high).toBeNull();
    const about = reductionTarget({ form: 'count', subject: 'poor', households: 300, qualifier: 'khoảng' });
    expect(formatInterval(convertTarget(about, base).households, { decimals: 0 })).toBe('250–350');
    expect(evaluateTarget(about, base, 360).aboveRange).toBe(true);
    const atMost = reductionTarget({ form: 'points', subject: 'poor', points: '1', qualifier: 'tối đa' });
    expect([evaluateTarget(atMost, base, 90).met, evaluateTarget(atMost, base, 120).met]).toEqual([true, false]);
  });

  it('is pure', () => {
    expectPure(targetFromText, 'giảm từ 3,5-4,0% (tương ứng từ 410-470 hộ)', poor);
    expectPure(convertTarget, reductionTarget({ form: 'count-range', subject: 'poor', low: 410, high: 470 }), { households: 12_000, poor: 900, nearPoor: 500 });
  });
});

describe('properties', () => {
  it('converting a range gives a range whose ends are the ends converted, and evaluation meets it exactly from its low end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.nat(20_000), (households, a, w, achieved) => {
        const t = reductionTarget({ form: 'range', subject: 'poor', low: fraction(BigInt(a), 100n), high: fraction(BigInt(a + w), 100n) });
        const base = { households, poor: 0, nearPoor: 0 };
        const c = convertTarget(t, base);
        expect(c.households.low?.value).toEqual(c.low.households);
        expect(c.households.high?.value).toEqual(c.high.households);
        const e = evaluateTarget(t, base, achieved);
        expect(e.met).toBe(achieved * 100 * 100 >= a * households);
        expect(intervalContains(e.marginHouseholdsRange, fraction(0n))).toBe(intervalContains(c.households, achieved));
      }),
    );
  });
});
