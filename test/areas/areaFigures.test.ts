import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminHierarchy, EXAMPLE_ADMIN_UNITS } from '../../src/areas/adminHierarchy.js';
import { areaFigures, areaFiguresFromHouseholds, areaRates, type AreaFigures } from '../../src/areas/areaFigures.js';
import { checkAreaFlow } from '../../src/areas/checkAreaFlow.js';
import { groupAreas, rollUpAreas, rollUpByHierarchy } from '../../src/areas/rollUpAreas.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';

/** Seed 001 (001_02a5e3ea74f99ddd.txt, lines 122–128): the urban block at the start of 2024. */
const URBAN = [
  ['Nhà Bàng', 3339, 18, 95],
  ['Tịnh Biên', 3750, 23, 40],
  ['Chi Lăng', 1831, 7, 38],
  ['Nhon Hưng', 1657, 7, 21],
  ['An Phú', 2348, 38, 58],
  ['Thới Sơn', 2073, 6, 99],
  ['Núi Voi', 1196, 14, 61],
] as const;
const urban = URBAN.map(([unit, households, poor, nearPoor]) => areaFigures({ unit, households, poor, nearPoor }));
const half = { decimals: 2, rounding: 'half-up' } as const;

describe('area figures and rates', () => {
  it('rolls seed 001’s urban communes up to the printed subtotal: 16.194 households, 113 poor (0,70 %), 412 near-poor (2,54 %)', () => {
    const block = rollUpAreas(urban, { unit: 'Thành thị' });
    expect([block.households, block.poor, block.nearPoor]).toEqual([16194, 113, 412]);
    const r = areaRates(block, half);
    expect([r.poor?.printed, r.nearPoor?.printed, r.multidimensional?.printed]).toEqual(['0,70', '2,54', '3,24']);
  });

  it('computes the multidimensional rate from counts, never by adding rounded rates (Bình Định, Tây Sơn urban: 8,98 + 8,60 ≠ 17,57)', () => {
    // poverty-rate-reporting §4: 543 poor, 520 near-poor; a base of 6.050 households prints 8,98 / 8,60 / 17,57
    const r = areaRates(areaFigures({ unit: 'Tây Sơn', households: 6050, poor: 543, nearPoor: 520 }), half);
    expect([r.poor?.printed, r.nearPoor?.printed, r.multidimensional?.printed]).toEqual(['8,98', '8,60', '17,57']);
  });

  it('counts classified households, with recently escaped and subgroups', () => {
    const f = areaFiguresFromHouseholds('Văn Giáo', [
      { status: 'poor', subgroups: ['ethnic-minority'] },
      { status: 'poor' },
      { status: 'near-poor', subgroups: ['ethnic-minority'] },
      { status: 'average', recentlyEscaped: true, subgroups: ['ethnic-minority', 'ethnic-minority'] },
      { status: 'non-poor' },
    ]);
    expect(f).toEqual({ unit: 'Văn Giáo', households: 5, poor: 2, nearPoor: 1, recentlyEscaped: 1, subgroups: { 'ethnic-minority': { households: 3, poor: 1, nearPoor: 1 } } });
    expect(areaRates(f, half).subgroups['ethnic-minority']?.poor?.printed).toBe('33,33');
    expect(() => areaFiguresFromHouseholds('x', [{ status: 'poor', recentlyEscaped: true }])).toThrow(VnPovertyError);
  });

  it('refuses counts that do not fit the households', () => {
    expect(firstIssueCode(() => areaFigures({ unit: 'x', households: 10, poor: 6, nearPoor: 5 }))).toBe('counts-exceed-households');
    expect(firstIssueCode(() => areaFigures({ unit: 'x', households: 10, poor: 1, nearPoor: 1, subgroups: { a: { households: 11, poor: 0, nearPoor: 0 } } }))).toBe('subgroup-exceeds-area');
    expect(firstIssueCode(() => areaFigures({ unit: 'x', households: 10.5, poor: 1, nearPoor: 1 }))).toBe('invalid-input');
    expect(firstIssueCode(() => rollUpAreas([urban[0]!, urban[0]!], { unit: 'x' }))).toBe('duplicate-unit');
  });

  it('a unit with no households has no rate (null), never NaN', () => {
    expect(areaRates(areaFigures({ unit: 'empty', households: 0, poor: 0, nearPoor: 0 }), half).poor).toBeNull();
  });

  it('rolls communes up by the caller’s hierarchy on a day', () => {
    const h = adminHierarchy(EXAMPLE_ADMIN_UNITS);
    const communes = [
      areaFigures({ unit: '30316', households: 3339, poor: 18, nearPoor: 95 }),
      areaFigures({ unit: '30337', households: 3750, poor: 23, nearPoor: 40 }),
      areaFigures({ unit: '30346', households: 1660, poor: 139, nearPoor: 11 }),
    ];
    expect(rollUpByHierarchy(communes, h, { asOf: '2024-01-01', level: 'district' })['888']).toMatchObject({ households: 8749, poor: 180, nearPoor: 146 });
    expect(rollUpByHierarchy(communes, h, { asOf: '2024-01-01', level: 'province' })['89']?.households).toBe(8749);
  });

  it('checks a flow: start + newly poor + re-poor − exits = end', () => {
    expect(checkAreaFlow({ unit: 'Văn Giáo', start: 139, newlyPoor: 0, rePoor: 0, exits: 50, end: 89 }).ok).toBe(true);
    const bad = checkAreaFlow({ unit: 'An Cư', start: 195, newlyPoor: 3, rePoor: 1, exits: 53, end: 142 });
    expect([bad.ok, bad.expectedEnd, bad.difference]).toEqual([false, 146, -4]);
    expect(bad.message).toBe('An Cư: 195 + 3 + 1 − 53 = 146, but the end count is 142 (difference -4)');
  });

  it('is pure', () => {
    expectPure(rollUpAreas, urban, { unit: 'Thành thị' });
    expectPure(areaRates, urban[0]!, half);
    expectPure(checkAreaFlow, { unit: 'x', start: 1, newlyPoor: 0, rePoor: 0, exits: 1, end: 0 });
  });
});

const area = (unit: string): fc.Arbitrary<AreaFigures> =>
  fc.integer({ min: 0, max: 50_000 }).chain((households) =>
    fc.integer({ min: 0, max: households }).chain((poor) =>
      fc
        .record({ nearPoor: fc.integer({ min: 0, max: households - poor }), escaped: fc.integer({ min: 0, max: households - poor }), eh: fc.integer({ min: 0, max: households }) })
        .map(({ nearPoor, escaped, eh }) =>
          areaFigures({ unit, households, poor, nearPoor, recentlyEscaped: escaped, subgroups: { em: { households: eh, poor: Math.min(poor, eh), nearPoor: Math.min(nearPoor, eh - Math.min(poor, eh)) } } }),
        ),
    ),
  );

describe('properties', () => {
  it('rolling up by any grouping gives the same totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => area(`u${i}`))), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }))),
        ([areas, groups]) => {
          const all = rollUpAreas(areas, { unit: 'all' });
          const grouped = groupAreas(areas, { groupOf: Object.fromEntries(areas.map((a, i) => [a.unit, `g${groups[i]}`])) });
          const again = rollUpAreas(Object.values(grouped), { unit: 'all' });
          expect(again).toEqual(all);
        },
      ),
    );
  });

  it('a roll-up’s rate lies between its parts’ lowest and highest exact rates', () => {
    fc.assert(
      fc.property(fc.tuple(area('a'), area('b')), ([a, b]) => {
        fc.pre(a.households > 0 && b.households > 0);
        const all = rollUpAreas([a, b], { unit: 'x' });
        // compare poor/households exactly, by cross-multiplying
        const cmp = (x: AreaFigures, y: AreaFigures): number => Math.sign(x.poor * y.households - y.poor * x.households);
        const [lo, hi] = cmp(a, b) <= 0 ? [a, b] : [b, a];
        expect(cmp(all, lo)).toBeGreaterThanOrEqual(0);
        expect(cmp(all, hi)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('purity of the area constructors', () => {
  it('areaFigures, areaFiguresFromHouseholds and groupAreas return frozen values and leave inputs alone', () => {
    expectPure(areaFigures, { unit: 'x', households: 10, poor: 1, nearPoor: 2, subgroups: { em: { households: 3, poor: 1, nearPoor: 0 } } });
    expectPure(areaFiguresFromHouseholds, 'x', [{ status: 'poor', subgroups: ['em'] }, { status: 'average' }]);
    expectPure(groupAreas, urban, { groupOf: Object.fromEntries(urban.map((a, i) => [a.unit, i % 2 === 0 ? 'even' : 'odd'])) });
  });
});
