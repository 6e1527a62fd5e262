import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { fraction, fractionToDecimal, type Fraction } from '../../src/numbers/fraction.js';
import { convertTarget, impliedBase } from '../../src/targets/convertTarget.js';
import { evaluatePlan, evaluateTarget } from '../../src/targets/evaluateTarget.js';
import { reductionTarget, targetFromText } from '../../src/targets/reductionTarget.js';
import { splitTarget } from '../../src/targets/splitTarget.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssue } from '../_helpers/errors.js';

const dec = (f: Fraction, places: number): string => fractionToDecimal(f).toFixed(places);
/** Seed 001 (001_02a5e3ea74f99ddd.txt), table total, line 137: 30.519 households, 762 poor, 723 near-poor; exits 154 and 95. */
const TINH_BIEN = { households: 30519, poor: 762, nearPoor: 723 };

describe('targets as plans print them', () => {
  it('reads the four forms: seed 001 lines 73 and 80, seed 003 lines 23–24', () => {
    expect(targetFromText('Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm 0,8% năm 2024.', { subject: 'poor' })).toEqual({ form: 'points', subject: 'poor', points: fraction(4n, 5n) });
    expect(targetFromText('Phấn đấu giảm 1/5 số hộ nghèo và hộ cận nghèo so với đầu năm', { subject: 'poor-and-near-poor' })).toEqual({ form: 'share', subject: 'poor-and-near-poor', share: fraction(1n, 5n) });
    expect(targetFromText('- Tỷ lệ hộ nghèo đa chiều giảm từ 0,17 – 0,2%/năm.', { subject: 'poor' })).toEqual({ form: 'range', subject: 'poor', low: fraction(17n, 100n), high: fraction(1n, 5n) });
    expect(targetFromText('Đến cuối năm 2023, phấn đấu giảm 10 hộ nghèo theo chuẩn nghèo đa chiều.', { subject: 'poor' })).toEqual({ form: 'count', subject: 'poor', households: 10 });
    expect(targetFromText('Giảm tỷ lệ hộ nghèo toàn tỉnh 0,42% theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025', { subject: 'poor' })).toMatchObject({ form: 'points', points: fraction(21n, 50n) });
    expect(() => targetFromText('giảm nghèo bền vững', { subject: 'poor' })).toThrow(VnPovertyError);
  });

  it('a percentage of the households (“giảm 15% số hộ cận nghèo”) is a share of them, not points of their rate', () => {
    expect(targetFromText('giảm 15% số hộ cận nghèo so với cuối năm 2026', { subject: 'near-poor' })).toEqual({ form: 'share', subject: 'near-poor', share: fraction(3n, 20n) });
    expect(targetFromText('giảm 2,5% tổng số hộ nghèo (khoảng 105 hộ)', { subject: 'poor' })).toMatchObject({ form: 'share', share: fraction(1n, 40n), equivalent: { form: 'count', households: 105 } });
    // the rate's points stay points
    expect(targetFromText('giảm 2,5% tỷ lệ hộ nghèo', { subject: 'poor' })).toMatchObject({ form: 'points', points: fraction(5n, 2n) });
  });

  it('points written out (“điểm phần trăm”, “điểm %”) are points, with the households after “tương đương” (before: no figure found)', () => {
    expect(targetFromText('giảm tỷ lệ hộ nghèo 1,20 điểm phần trăm, tương đương giảm 294 hộ nghèo', { subject: 'poor' })).toEqual({ form: 'points', subject: 'poor', points: fraction(6n, 5n), equivalent: { form: 'count', subject: 'poor', households: 294 } });
    expect(targetFromText('giảm 1,5 điểm % trong năm', { subject: 'poor' })).toEqual({ form: 'points', subject: 'poor', points: fraction(3n, 2n) });
    expect(targetFromText('giảm từ 1,5 - 2 điểm phần trăm', { subject: 'poor' })).toEqual({ form: 'range', subject: 'poor', low: fraction(3n, 2n), high: fraction(2n) });
  });

  it('refuses negative targets, shares above one and inverted ranges', () => {
    expect(() => reductionTarget({ form: 'points', subject: 'poor', points: '-0.1' })).toThrow(VnPovertyError);
    expect(() => reductionTarget({ form: 'share', subject: 'poor', share: '1.5' })).toThrow(VnPovertyError);
    expect(() => reductionTarget({ form: 'range', subject: 'poor', low: '0.3', high: '0.2' })).toThrow(VnPovertyError);
  });

  it('converts seed 001’s 0,8 points into 244,152 households (245 whole) and a share of the poor', () => {
    const c = convertTarget(reductionTarget({ form: 'points', subject: 'poor', points: '0.8' }), TINH_BIEN);
    expect(dec(c.low.households, 3)).toBe('244.152');
    expect(c.low.householdsNeeded).toBe(245);
    expect(dec(c.low.share!, 4)).toBe('0.3204');
  });

  it('converts one fifth of poor and near-poor into 297 households = 0,97 points', () => {
    const c = convertTarget(reductionTarget({ form: 'share', subject: 'poor-and-near-poor', share: '0.2' }), TINH_BIEN);
    expect(c.low.householdsNeeded).toBe(297);
    expect(dec(c.low.points, 4)).toBe('0.9732');
  });

  it('seed 003: “0,17 – 0,2 %” and “10 hộ” together imply a ward of 5.000 – 5.882 households', () => {
    expect(dec(impliedBase(10, fraction(1n, 5n)), 0)).toBe('5000');
    expect(dec(impliedBase(10, fraction(17n, 100n)), 2)).toBe('5882.35');
    // on a 5.500-household ward, the range is 9,35 – 11 households; 10 meets it
    const e = evaluateTarget(reductionTarget({ form: 'range', subject: 'poor', low: '0.17', high: '0.2' }), { households: 5500, poor: 60, nearPoor: 40 }, 10);
    expect([e.met, e.aboveRange, dec(e.conversion.low.households, 2), dec(e.conversion.high.households, 2)]).toEqual([true, false, '9.35', '11.00']);
  });

  it('seed 002: 0,42 points on a province of 350.000 households is 1.470 households', () => {
    const c = convertTarget(targetFromText('giảm 0,42%', { subject: 'poor' }), { households: 350_000, poor: 5000, nearPoor: 5000 });
    expect(c.low.householdsNeeded).toBe(1470);
  });
});

describe('evaluating seed 001’s plan against its own headline targets', () => {
  const targets = [
    reductionTarget({ form: 'points', subject: 'poor', points: '0.8' }),
    reductionTarget({ form: 'share', subject: 'poor-and-near-poor', share: { num: 1n, den: 5n } }),
    reductionTarget({ form: 'points', subject: 'poor-and-near-poor', points: '0.8' }),
  ];
  const [poorPoints, fifth, mdPoints] = evaluatePlan({ base: TINH_BIEN, exits: { poor: 154, nearPoor: 95 } }, targets);

  it('154 poor exits are 0,50 points: short of 0,8 points by 90,152 households', () => {
    expect(poorPoints!.met).toBe(false);
    expect(dec(poorPoints!.achievedPoints, 4)).toBe('0.5046');
    expect(dec(poorPoints!.marginHouseholds, 3)).toBe('-90.152');
    expect(dec(poorPoints!.marginPoints, 4)).toBe('-0.2954');
  });

  it('249 poor and near-poor exits are 16,8 % of 1.485: short of one fifth (297) by 48', () => {
    expect(fifth!.met).toBe(false);
    expect(dec(fifth!.achievedShare!, 4)).toBe('0.1677');
    expect(dec(fifth!.marginHouseholds, 0)).toBe('-48');
  });

  it('read as the multidimensional rate (poor + near-poor), the 0,8 points are met: 0,82 points', () => {
    expect(mdPoints!.met).toBe(true);
    expect(dec(mdPoints!.achievedPoints, 4)).toBe('0.8159');
  });

  it('is pure', () => {
    expectPure(evaluatePlan, { base: TINH_BIEN, exits: { poor: 154, nearPoor: 95 } }, targets);
    expectPure(convertTarget, targets[0]!, TINH_BIEN);
  });
});

describe('splitTarget', () => {
  it('splits 297 exits over seed 001’s two blocks in proportion to poor households, summing exactly', () => {
    const s = splitTarget(297, [{ unit: 'Thành thị', poor: 113 }, { unit: 'Nông thôn', poor: 649 }], { method: 'proportional-to-poor' });
    expect(s.parts.map((p) => p.households)).toEqual([44, 253]);
    expect(s.apportionment).toBe('largest-remainder');
  });

  it('honours caller weights and minimums', () => {
    const s = splitTarget(10, [{ unit: 'a', weight: 1, minimum: 5 }, { unit: 'b', weight: 1 }, { unit: 'c', weight: '0' }], { method: 'weights' });
    // 5 to a first, the other 5 shared 1:1 (2,5 each), the tie to the earlier unit
    expect(s.parts.map((p) => p.households)).toEqual([8, 2, 0]);
  });

  it('refuses a unit without its weight, naming it', () => {
    const found = firstIssue(() => splitTarget(10, [{ unit: 'a', poor: 3 }, { unit: 'b' }], { method: 'proportional-to-poor' }));
    expect(found).toMatchObject({ code: 'missing-weight', path: ['units', 1, 'poor'] });
  });
});

describe('counts given as bigint', () => {
  it('splits a district target of 10n households between two communes as it splits 10', () => {
    const units = [{ unit: 'Xã Đắk Ơ', poor: 30n, minimum: 2n }, { unit: 'Xã Bù Gia Mập', poor: 70 }];
    const s = splitTarget(10n, units, { method: 'proportional-to-poor' });
    expect(s).toEqual(splitTarget(10, [{ unit: 'Xã Đắk Ơ', poor: 30, minimum: 2 }, { unit: 'Xã Bù Gia Mập', poor: 70 }], { method: 'proportional-to-poor' }));
    expect(s.parts.reduce((a, p) => a + p.households, 0)).toBe(10);
  });

  it('evaluates 154n households achieved as 154', () => {
    const base = { households: 30519, poor: 762, nearPoor: 723 };
    const target = reductionTarget({ form: 'points', subject: 'poor', points: '0.5' });
    expect(evaluateTarget(target, base, 154n)).toEqual(evaluateTarget(target, base, 154));
  });

  it('refuses a bigint total above Number.MAX_SAFE_INTEGER, naming the field', () => {
    const found = firstIssue(() => splitTarget(2n ** 53n, [{ unit: 'a', poor: 1 }], { method: 'proportional-to-poor' }));
    expect(found).toMatchObject({ code: 'invalid-input', path: ['total'] });
    expect(found.expected).toContain('MAX_SAFE_INTEGER');
    expect(firstIssue(() => splitTarget(-1n, [{ unit: 'a', poor: 1 }], { method: 'proportional-to-poor' }))).toMatchObject({ path: ['total'] });
  });

  it('a bigint count splits as the same number does (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 8 }), (total, poor) => {
        const units = poor.map((p, i) => ({ unit: `u${i}`, poor: p }));
        expect(splitTarget(BigInt(total), units.map((u) => ({ ...u, poor: BigInt(u.poor) })), { method: 'proportional-to-poor' })).toEqual(splitTarget(total, units, { method: 'proportional-to-poor' }));
      }),
    );
  });
});

describe('properties', () => {
  it('split targets sum to the parent, and respect minimums', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.record({ poor: fc.integer({ min: 0, max: 5000 }), minimum: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 30 }),
        (total, units) => {
          const minSum = units.reduce((a, u) => a + u.minimum, 0);
          fc.pre(minSum <= total && (units.some((u) => u.poor > 0) || total === minSum));
          const s = splitTarget(total, units.map((u, i) => ({ unit: `u${i}`, ...u })), { method: 'proportional-to-poor' });
          expect(s.parts.reduce((a, p) => a + p.households, 0)).toBe(total);
          s.parts.forEach((p, i) => expect(p.households).toBeGreaterThanOrEqual(units[i]!.minimum));
        },
      ),
    );
  });

  it('the whole households a target needs meet it, and one fewer does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 500 }), (households, hundredths) => {
        const t = reductionTarget({ form: 'points', subject: 'poor', points: fraction(BigInt(hundredths), 100n) });
        const base = { households, poor: 0, nearPoor: 0 };
        const need = convertTarget(t, base).low.householdsNeeded;
        expect(evaluateTarget(t, base, need).met).toBe(true);
        if (need > 0) expect(evaluateTarget(t, base, need - 1).met).toBe(false);
      }),
    );
  });

  it('points → households → points gives the points back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 10_000 }), (households, hundredths) => {
        const points = fraction(BigInt(hundredths), 100n);
        const c = convertTarget(reductionTarget({ form: 'points', subject: 'poor', points }), { households, poor: 0, nearPoor: 0 });
        expect(c.low.points).toEqual(points);
      }),
    );
  });
});

describe('purity of the target functions', () => {
  it('splitTarget, reductionTarget and targetFromText return frozen values and leave inputs alone', () => {
    expectPure(splitTarget, 10, [{ unit: 'a', poor: 3, minimum: 1 }, { unit: 'b', poor: 5 }], { method: 'proportional-to-poor' });
    expectPure(reductionTarget, { form: 'range', subject: 'poor', low: '0.17', high: '0.2' });
    expectPure(targetFromText, 'giảm 0,8%', { subject: 'poor' });
  });
});
