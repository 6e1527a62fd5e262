import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addFractions,
  compareFractions,
  divideFractions,
  fraction,
  multiplyFractions,
  roundFraction,
  sumFractions,
  type Fraction,
} from '../../src/numbers/fraction.js';
import { alkireFoster, type AfResult } from '../../src/measures/alkireFoster.js';
import { alkireFosterRobustness } from '../../src/measures/alkireFosterRobustness.js';
import { afScoreDistribution } from '../../src/measures/afScoreDistribution.js';
import { equalNestedWeights, nestedWeights, type NestedWeightsInput } from '../../src/measures/nestedWeights.js';
import type { AfData } from '../../src/measures/afData.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssue, firstIssueCode } from '../_helpers/errors.js';
import { f } from '../_helpers/fractions.js';
import { SYN_DIMENSIONS, readSynCdta } from './_synCdta.js';

// Alkire & Foster (2011), “Counting and multidimensional poverty measurement”, Journal of Public
// Economics 95: 476–487, section 2 (the four-person example; figures as transcribed in
// shared/domain/measures-conventions.md — the printed page was not available to check).
const AF2011 = {
  kind: 'achievements',
  rows: [
    ['13.1', 14, 4, 1],
    ['15.2', 7, 5, 0],
    ['12.5', 10, 1, 0],
    [20, 11, 3, 1],
  ],
  cutoffs: [13, 12, 3, 1],
} as const satisfies AfData;
const fourEqual = equalNestedWeights([1, 2, 3, 4].map((d) => ({ id: `d${d}`, indicators: [`x${d}`] })));

describe('alkireFoster: Alkire & Foster (2011) four-person example', () => {
  const r = alkireFoster(AF2011, { weights: fourEqual, cutoff: { share: '0.5' }, countBy: 'units' });

  it('identifies persons 2 and 3 (deprivation counts 0, 2, 4, 1) and gives H = 1/2, A = 3/4, M0 = 3/8', () => {
    expect(r.headcountRatio).toEqual(f(1, 2));
    expect(r.intensity).toEqual(f(3, 4)); // (2/4 + 4/4) / 2
    expect(r.m0).toEqual(f(3, 8)); // (2 + 4) / (4 × 4)
    expect(multiplyFractions(r.headcountRatio, r.intensity as Fraction)).toEqual(r.m0);
  });

  it('censors person 4 (1 deprivation < k = 2): censored vs uncensored headcount ratios', () => {
    // g0 columns: d1 {p3}, d2 {p2, p3, p4}, d3 {p3}, d4 {p2, p3}
    expect(r.indicators.map((i) => i.uncensoredHeadcountRatio)).toEqual([f(1, 4), f(3, 4), f(1, 4), f(1, 2)]);
    expect(r.indicators.map((i) => i.censoredHeadcountRatio)).toEqual([f(1, 4), f(1, 2), f(1, 4), f(1, 2)]);
    expect(r.indicators.map((i) => i.percentContribution)).toEqual([f(50, 3), f(100, 3), f(50, 3), f(100, 3)]);
  });

  it('gives M1 = 171/832 and M2 = 21475/129792 from the censored normalised gaps', () => {
    // person 2: (12 − 7)/12 = 5/12 and (1 − 0)/1 = 1
    // person 3: (13 − 12.5)/13 = 1/26, (12 − 10)/12 = 1/6, (3 − 1)/3 = 2/3, 1
    // person 4: (12 − 11)/12 = 1/12 is censored (not poor)
    const gaps = [f(5, 12), f(1), f(1, 26), f(1, 6), f(2, 3), f(1)];
    expect(sumFractions(gaps)).toEqual(f(171, 52));
    expect(r.gapMeasures?.m1).toEqual(divideFractions(sumFractions(gaps), f(16))); // 171/832
    expect(r.gapMeasures?.m2).toEqual(divideFractions(sumFractions(gaps.map((g) => multiplyFractions(g, g))), f(16)));
    expect(r.gapMeasures?.m2).toEqual(f(21475, 129792));
  });

  it('gives the same H, A, M0 from the deprivation matrix g0', () => {
    const g0 = alkireFoster(
      { kind: 'deprivations', rows: [[0, 0, 0, 0], [0, 1, 0, 1], [1, 1, 1, 1], [0, 1, 0, 0]] },
      { weights: fourEqual, cutoff: { share: '0.5' }, countBy: 'units' },
    );
    expect([g0.headcountRatio, g0.intensity, g0.m0]).toEqual([r.headcountRatio, r.intensity, r.m0]);
    expect(g0.gapMeasures).toBeNull();
  });

  it('treats an achievement exactly at its cutoff as not deprived (z − y > 0 is strict)', () => {
    // person 4 has 3 in dimension 3 with cutoff 3, and 1 in dimension 4 with cutoff 1
    expect(r.indicators[2]?.uncensoredHeadcountRatio).toEqual(f(1, 4));
  });

  it('k = 1 (intersection) with ten weights of 0.1 still identifies someone deprived in everything', () => {
    const ten: NestedWeightsInput = Array.from({ length: 10 }, (_, j) => ({ id: `d${j}`, weight: 0.1, indicators: [{ id: `i${j}`, weight: '0.1' }] }));
    const res = alkireFoster({ kind: 'deprivations', rows: [Array(10).fill(true), Array(10).fill(false)] }, { weights: ten, cutoff: { share: 1 }, countBy: 'units' });
    expect(res.headcountRatio).toEqual(f(1, 2));
  });

  it('distinguishes the percent form 33 from the share 1/3 at a score of 0.33', () => {
    const w: NestedWeightsInput = [
      { id: 'a', weight: '0.33', indicators: [{ id: 'a', weight: '0.33' }] },
      { id: 'b', weight: '0.67', indicators: [{ id: 'b', weight: '0.67' }] },
    ];
    const data: AfData = { kind: 'deprivations', rows: [[true, false]] };
    const pct = alkireFoster(data, { weights: w, cutoff: { percent: 33 }, countBy: 'units' });
    const third = alkireFoster(data, { weights: w, cutoff: { share: f(1, 3) }, countBy: 'units' });
    expect(pct.headcountRatio).toEqual(f(1));
    expect(third.headcountRatio).toEqual(f(0));
    expect(pct.cutoff).toEqual({ form: 'percent', given: f(33), k: f(33, 100) });
    expect(third.intensity).toBeNull();
    expect(third.indicators[0]?.percentContribution).toBeNull();
  });

  it('is pure: input untouched, output deep-frozen, same output twice', () => {
    expectPure(alkireFoster, AF2011, { weights: fourEqual, cutoff: { share: '0.5' }, countBy: 'units' as const });
  });
});

describe('afScoreDistribution: the Alkire & Foster (2011) four-person example, deprivation counts (0, 2, 4, 1) as transcribed', () => {
  // The counts are those of the domain notes' transcription (page unconfirmed, see the top of this
  // file), not a stored copy of the paper: with four equal weights the scores are c/4 = 0, 1/2, 1, 1/4.
  const d = expectPure(afScoreDistribution, AF2011, { weights: fourEqual, countBy: 'units' as const });

  it('one person at each of the scores 0, 1/4, 1/2 and 1; the share at or above 1/2 is the H = 1/2 of k = 2', () => {
    expect(d.scores.map((s) => [s.score, s.population, s.share])).toEqual([
      [f(0), f(1), f(1, 4)],
      [f(1, 4), f(1), f(1, 4)],
      [f(1, 2), f(1), f(1, 4)],
      [f(1), f(1), f(1, 4)],
    ]);
    expect(d.scores.map((s) => s.shareAtLeast)).toEqual([f(1), f(3, 4), f(1, 2), f(1, 4)]);
    expect(d.scores[2]?.shareAtLeast).toEqual(alkireFoster(AF2011, { weights: fourEqual, cutoff: { share: '0.5' }, countBy: 'units' }).headcountRatio);
  });
});

describe('alkireFoster: households identified, people counted', () => {
  it('weights each household by sampling weight × size when counting members', () => {
    const data: AfData = { kind: 'deprivations', rows: [[true, true], [false, false], [true, false]], sizes: [5, 2, 3], sampleWeights: ['1.5', 2, '0.5'] };
    const w = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
    const people = alkireFoster(data, { weights: w, cutoff: { share: 1 }, countBy: 'members' });
    const households = alkireFoster(data, { weights: w, cutoff: { share: 1 }, countBy: 'units' });
    // people: 7.5 poor of 7.5 + 4 + 1.5 = 13; households: 1.5 of 4
    expect(people.population).toEqual(f(13));
    expect(people.headcountRatio).toEqual(f(15, 26));
    expect(households.headcountRatio).toEqual(f(3, 8));
    expect(people.countBy).toBe('members');
  });
});

describe('alkireFoster: syn_cdta standard workload (test/fixtures/syn_cdta.csv, data README)', () => {
  // OPHI mpitb / mpitbR example: round t = 1, rows with a missing field dropped (7,434 remain),
  // equal nested weights over health / education / living standards, k = 33 in the percent form.
  // No published table of these estimates was found; the expected fractions below were computed
  // independently with Python's fractions.Fraction from the same CSV and cross-checked by hand for H.
  const all = readSynCdta();
  const t1 = all.filter((r) => r.t === 1);
  const complete = t1.filter((r) => r.deprivations.every((d) => d !== null));
  const weights = equalNestedWeights(SYN_DIMENSIONS.map((d) => ({ id: d.id, indicators: [...d.indicators] })));
  const data: AfData = {
    kind: 'deprivations',
    rows: complete.map((r) => r.deprivations),
    sampleWeights: complete.map((r) => r.weight),
    groups: complete.map((r) => `area ${r.area}`),
  };
  const res = alkireFoster(data, { weights, cutoff: { percent: 33 }, countBy: 'units' });

  it('keeps 7,434 of 7,500 round-1 rows', () => {
    expect(t1.length).toBe(7500);
    expect(res.units).toBe(7434);
  });

  it('weights are 1/6 (health, education indicators) and 1/18 (living standards)', () => {
    expect(weights.indicators.map((i) => i.weight)).toEqual([...Array(4).fill(f(1, 6)), ...Array(6).fill(f(1, 18))]);
  });

  it('gives H = 178/531 (2,492 poor), A = 19057/44856, M0 = 323/2268', () => {
    expect(res.poorPopulation).toEqual(f(2492));
    expect(res.headcountRatio).toEqual(f(178, 531));
    expect(res.intensity).toEqual(f(19057, 44856));
    expect(res.m0).toEqual(f(323, 2268));
    expect(roundFraction(res.m0, 4, 'half-up').toFixed(4)).toBe('0.1424');
    expect(roundFraction(res.headcountRatio, 4, 'half-up').toFixed(4)).toBe('0.3352');
  });

  it('gives the uncensored and censored headcount ratios and percentage contributions', () => {
    const show = (x: Fraction | null): string => (x === null ? 'null' : `${x.num}/${x.den}`);
    expect(res.indicators.map((i) => show(i.uncensoredHeadcountRatio))).toEqual(['134/531', '26/413', '131/413', '2225/7434', '985/2478', '296/1239', '2035/7434', '74/177', '157/1062', '2105/7434']);
    expect(res.indicators.map((i) => show(i.censoredHeadcountRatio))).toEqual(['208/1239', '115/2478', '25/126', '701/3717', '89/531', '379/3717', '470/3717', '641/3717', '248/3717', '925/7434']);
    expect(res.indicators.map((i) => show(i.percentContribution))).toEqual([
      '374400/19057', '103500/19057', '7500/323', '420600/19057', '124600/19057', '75800/19057', '94000/19057', '128200/19057', '49600/19057', '92500/19057',
    ]);
    expect(sumFractions(res.indicators.map((i) => i.percentContribution as Fraction))).toEqual(f(100));
  });

  it('decomposes by area: 2,980 rows in area 0 (M0 = 515/3576), 4,454 in area 1 (M0 = 2833/20043)', () => {
    const [a0, a1] = res.subgroups ?? [];
    expect(a0?.group).toBe('area 1'); // first appearance in the file
    expect(a0?.measures.units).toBe(4454);
    expect(a0?.measures.m0).toEqual(f(2833, 20043));
    expect(a0?.measures.headcountRatio).toEqual(f(737, 2227));
    expect(a1?.measures.units).toBe(2980);
    expect(a1?.measures.m0).toEqual(f(515, 3576));
    expect(a1?.measures.intensity).toEqual(f(2575, 6108));
    expect(sumFractions((res.subgroups ?? []).map((g) => g.contributionToM0))).toEqual(res.m0);
  });

  it('decomposes by the 20 regions (region 1: H = 148/405, M0 = 568/3645) and the parts add up', () => {
    const byRegion = alkireFoster({ ...data, groups: complete.map((r) => r.region) }, { weights, cutoff: { percent: 33 }, countBy: 'units' });
    expect(byRegion.subgroups).toHaveLength(20);
    const r1 = byRegion.subgroups?.find((g) => g.group === '1');
    expect(r1?.measures.units).toBe(405);
    expect(r1?.measures.headcountRatio).toEqual(f(148, 405));
    expect(r1?.measures.m0).toEqual(f(568, 3645));
    expect(byRegion.subgroups?.find((g) => g.group === '3')?.measures.m0).toEqual(f(65, 432));
    expect(sumFractions((byRegion.subgroups ?? []).map((g) => g.contributionToM0))).toEqual(res.m0);
    expect(sumFractions((byRegion.subgroups ?? []).map((g) => g.percentOfM0 as Fraction))).toEqual(f(100));
  });

  it("gives the same figures with options.missing = 'drop-unit' on the raw round-1 rows (61 d_nutr and 16 d_satt missing)", () => {
    const raw = alkireFoster({ kind: 'deprivations', rows: t1.map((r) => r.deprivations) }, { weights, cutoff: { percent: 33 }, countBy: 'units', missing: 'drop-unit' });
    expect(raw.m0).toEqual(res.m0);
    expect(raw.missing).toEqual({ policy: 'drop-unit', droppedUnits: 66, missingEntries: [61, 0, 16, 0, 0, 0, 0, 0, 0, 0] });
    expect(firstIssueCode(() => alkireFoster({ kind: 'deprivations', rows: t1.map((r) => r.deprivations) }, { weights, cutoff: { percent: 33 }, countBy: 'units' }))).toBe('missing-value');
  });

  it('round 2 (t = 2, 7,469 complete rows): H = 1724/7469, M0 = 12631/134442', () => {
    const t2 = all.filter((r) => r.t === 2 && r.deprivations.every((d) => d !== null));
    const r2 = alkireFoster({ kind: 'deprivations', rows: t2.map((r) => r.deprivations) }, { weights, cutoff: { percent: 33 }, countBy: 'units' });
    expect(r2.units).toBe(7469);
    expect(r2.headcountRatio).toEqual(f(1724, 7469));
    expect(r2.m0).toEqual(f(12631, 134442));
  });

  it('the columnar (bulk) path gives the identical result', () => {
    const columns = weights.indicators.map((_, j) => Uint8Array.from(complete, (r) => r.deprivations[j] as number));
    const bulk = alkireFoster(
      { kind: 'columns', deprivations: columns, groups: Uint8Array.from(complete, (r) => r.area), groupLabels: ['area 0', 'area 1'] },
      { weights, cutoff: { percent: 33 }, countBy: 'units' },
    );
    const { subgroups: s1, ...rest1 } = bulk;
    const { subgroups: s2, ...rest2 } = res;
    expect(rest1).toEqual(rest2);
    expect(s1?.map((g) => [g.group, g.measures.m0])).toEqual([...(s2 ?? [])].reverse().map((g) => [g.group, g.measures.m0]));
  });
});

describe('alkireFoster: typed errors for bad input', () => {
  const w = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
  const rows: AfData = { kind: 'deprivations', rows: [[true, false], [false, false]] };
  const base = { weights: w, cutoff: { share: '0.5' }, countBy: 'units' } as const;

  it('weights that do not sum to 1', () => {
    const bad = [
      { id: 'a', weight: '0.5', indicators: [{ id: 'a', weight: '0.5' }] },
      { id: 'b', weight: '0.4', indicators: [{ id: 'b', weight: '0.4' }] },
    ];
    expect(firstIssueCode(() => alkireFoster(rows, { ...base, weights: bad }))).toBe('weights-do-not-sum-to-one');
    expect(firstIssue(() => alkireFoster(rows, { ...base, weights: bad })).rule?.source).toMatch(/Alkire & Foster \(2011\)/);
  });
  it('indicator weights that do not add up to their dimension', () => {
    const bad = [{ id: 'a', weight: 1, indicators: [{ id: 'a', weight: '0.5' }, { id: 'b', weight: '0.4' }] }];
    expect(firstIssueCode(() => nestedWeights(bad))).toBe('dimension-weight-mismatch');
  });
  it('zero or negative weights and duplicate ids', () => {
    expect(firstIssueCode(() => nestedWeights([{ id: 'a', weight: 1, indicators: [{ id: 'a', weight: 1 }, { id: 'b', weight: 0 }] }]))).toBe('non-positive-weight');
    expect(firstIssueCode(() => nestedWeights([{ id: 'a', weight: 1, indicators: [{ id: 'x', weight: '0.5' }, { id: 'x', weight: '0.5' }] }]))).toBe('duplicate-id');
  });
  it('k outside (0, 1]', () => {
    for (const cutoff of [{ share: 0 }, { share: '1.01' }, { share: -1 }, { percent: 101 }, { percent: 0 }]) {
      expect(firstIssueCode(() => alkireFoster(rows, { ...base, cutoff }))).toBe('cutoff-out-of-range');
    }
  });
  it('ragged rows', () => {
    expect(firstIssueCode(() => alkireFoster({ kind: 'deprivations', rows: [[true, false], [true]] }, base))).toBe('ragged-row');
    expect(firstIssueCode(() => alkireFoster({ kind: 'columns', deprivations: [new Uint8Array(3), new Uint8Array(2)] }, base))).toBe('ragged-row');
  });
  it('negative sampling weights', () => {
    expect(firstIssueCode(() => alkireFoster({ ...rows, sampleWeights: [1, '-0.5'] }, base))).toBe('negative-sampling-weight');
    expect(firstIssueCode(() => alkireFoster({ kind: 'columns', deprivations: [new Uint8Array(2), new Uint8Array(2)], sampleWeights: Int32Array.of(1, -1) }, base))).toBe('negative-sampling-weight');
  });
  it('an empty population (no rows, all weights zero, or a subgroup whose weights are all zero)', () => {
    expect(firstIssueCode(() => alkireFoster({ ...rows, sampleWeights: [1, 0], groups: ['x', 'y'] }, base))).toBe('empty-population');
    expect(firstIssueCode(() => alkireFoster({ kind: 'deprivations', rows: [] }, base))).toBe('empty-population');
    expect(firstIssueCode(() => alkireFoster({ ...rows, sampleWeights: [0, 0] }, base))).toBe('empty-population');
    expect(firstIssueCode(() => alkireFoster({ kind: 'columns', deprivations: [new Uint8Array(0), new Uint8Array(0)] }, base))).toBe('empty-population');
  });
  it('counting members without sizes, bad sizes, bad entries, mismatched columns', () => {
    expect(firstIssueCode(() => alkireFoster(rows, { ...base, countBy: 'members' }))).toBe('missing-sizes');
    expect(firstIssueCode(() => alkireFoster({ ...rows, sizes: [2, 0] }, { ...base, countBy: 'members' }))).toBe('invalid-size');
    expect(firstIssueCode(() => alkireFoster({ kind: 'columns', deprivations: [Uint8Array.of(2), Uint8Array.of(0)] }, base))).toBe('invalid-deprivation');
    expect(firstIssueCode(() => alkireFoster({ ...rows, groups: ['x'] }, base))).toBe('length-mismatch');
    expect(firstIssueCode(() => alkireFoster({ kind: 'deprivations', rows: [['yes', false]] } as unknown as AfData, base))).toBe('invalid-input');
  });
});

// ---------------------------------------------------------------------------------------------
// A naive reference implementation, straight from the definitions, for the properties.
interface Case {
  readonly weights: NestedWeightsInput;
  readonly flat: Fraction[];
  readonly rows: boolean[][];
  readonly sw: number[];
  readonly groups: string[];
  readonly k: Fraction;
}

function naive(c: Case): { h: Fraction; m0: Fraction; censored: Fraction[] } {
  let n = f(0);
  let q = f(0);
  let s = f(0);
  const censored = c.flat.map(() => f(0));
  c.rows.forEach((row, i) => {
    const w = f(c.sw[i] ?? 1);
    n = addFractions(n, w);
    const score = sumFractions(row.map((d, j) => (d ? (c.flat[j] as Fraction) : f(0))));
    if (score.num > 0n && compareFractions(score, c.k) >= 0) {
      q = addFractions(q, w);
      s = addFractions(s, multiplyFractions(w, score));
      row.forEach((d, j) => {
        if (d) censored[j] = addFractions(censored[j] as Fraction, w);
      });
    }
  });
  return { h: divideFractions(q, n), m0: divideFractions(s, n), censored: censored.map((x) => divideFractions(x, n)) };
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    raw: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
    split: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 1, max: 10 }),
    kDen: fc.integer({ min: 1, max: 6 }),
    kNum: fc.integer({ min: 1, max: 6 }),
    seed: fc.array(fc.boolean(), { minLength: 50, maxLength: 50 }),
    sw: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 10, maxLength: 10 }),
    gs: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 10, maxLength: 10 }),
  })
  .map(({ raw, split, n, kDen, kNum, seed, sw, gs }) => {
    const total = BigInt(raw.reduce((a, b) => a + b, 0));
    const flat = raw.map((r) => fraction(BigInt(r), total));
    const cut = Math.min(split, raw.length);
    const dims = [raw.map((_, j) => j).slice(0, cut), raw.map((_, j) => j).slice(cut)].filter((d) => d.length > 0);
    const weights = dims.map((d, di) => ({
      id: `dim${di}`,
      weight: sumFractions(d.map((j) => flat[j] as Fraction)),
      indicators: d.map((j) => ({ id: `i${j}`, weight: flat[j] as Fraction })),
    }));
    const rows = Array.from({ length: n }, (_, i) => raw.map((_, j) => seed[(i * 5 + j) % 50] === true));
    const weightsRow = sw.slice(0, n);
    const groups = gs.slice(0, n);
    // every subgroup present keeps a positive total weight (zero-weight rows stay in the data)
    for (const g of new Set(groups)) {
      const first = groups.indexOf(g);
      if (groups.every((x, i) => x !== g || weightsRow[i] === 0)) weightsRow[first] = 1;
    }
    return { weights, flat, rows, sw: weightsRow, groups, k: kNum > kDen ? f(kDen, kNum) : f(kNum, kDen) };
  });

const run = (c: Case, extra: Partial<{ rows: boolean[][]; sw: number[]; groups: string[]; k: Fraction }> = {}): AfResult =>
  alkireFoster(
    { kind: 'deprivations', rows: extra.rows ?? c.rows, sampleWeights: extra.sw ?? c.sw, groups: extra.groups ?? c.groups },
    { weights: c.weights, cutoff: { share: extra.k ?? c.k }, countBy: 'units' },
  );

describe('properties', () => {
  it('agrees with the definitions (naive reference implementation)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c);
        const ref = naive(c);
        expect(r.headcountRatio).toEqual(ref.h);
        expect(r.m0).toEqual(ref.m0);
        expect(r.indicators.map((i) => i.censoredHeadcountRatio)).toEqual(ref.censored);
      }),
    );
  });

  it('M0 = H × A', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c);
        expect(r.m0).toEqual(r.intensity === null ? f(0) : multiplyFractions(r.headcountRatio, r.intensity));
      }),
    );
  });

  it('contributions sum to M0 and percentage contributions to 100, by indicator and by dimension', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c);
        expect(sumFractions(r.indicators.map((i) => i.contribution))).toEqual(r.m0);
        expect(sumFractions(r.dimensions.map((d) => d.contribution))).toEqual(r.m0);
        if (r.m0.num !== 0n) {
          expect(sumFractions(r.indicators.map((i) => i.percentContribution as Fraction))).toEqual(f(100));
          expect(sumFractions(r.dimensions.map((d) => d.percentContribution as Fraction))).toEqual(f(100));
        }
      }),
    );
  });

  it('subgroup decomposition sums to the total (population shares, M0, H)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c);
        const groups = r.subgroups ?? [];
        expect(sumFractions(groups.map((g) => g.populationShare))).toEqual(f(1));
        expect(sumFractions(groups.map((g) => g.contributionToM0))).toEqual(r.m0);
        expect(sumFractions(groups.map((g) => multiplyFractions(g.populationShare, g.measures.headcountRatio)))).toEqual(r.headcountRatio);
      }),
    );
  });

  it('H and M0 never increase when k rises', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const all = alkireFosterRobustness({ kind: 'deprivations', rows: c.rows, sampleWeights: c.sw }, { weights: c.weights, cutoffs: 'all', countBy: 'units' });
        for (let x = 1; x < all.length; x++) {
          const prev = all[x - 1] as AfResult;
          const cur = all[x] as AfResult;
          expect(compareFractions(cur.cutoff.k, prev.cutoff.k)).toBe(1);
          expect(compareFractions(cur.headcountRatio, prev.headcountRatio)).toBeLessThanOrEqual(0);
          expect(compareFractions(cur.m0, prev.m0)).toBeLessThanOrEqual(0);
        }
        // every entry equals a direct computation at that k
        for (const entry of all) expect(run(c, { groups: c.groups.map(() => 'x'), k: entry.cutoff.k }).m0).toEqual(entry.m0);
      }),
    );
  });

  it('adding a deprivation to a poor unit never lowers M0 (monotonicity)', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const before = run(c);
        const poorRows = c.rows
          .map((row, i) => ({ row, i }))
          .filter(({ row }) => {
            const s = sumFractions(row.map((d, j) => (d ? (c.flat[j] as Fraction) : f(0))));
            return s.num > 0n && compareFractions(s, c.k) >= 0 && row.some((d) => !d);
          });
        if (poorRows.length === 0) return;
        const target = poorRows[pick % poorRows.length] as { row: boolean[]; i: number };
        const j = target.row.findIndex((d) => !d);
        const rows = c.rows.map((row, i) => (i === target.i ? row.map((d, jj) => d || jj === j) : row));
        const after = run(c, { rows });
        expect(compareFractions(after.m0, before.m0)).toBeGreaterThanOrEqual(0);
        if ((c.sw[target.i] ?? 0) > 0) expect(compareFractions(after.m0, before.m0)).toBe(1);
      }),
    );
  });

  it('replicating every unit n times changes nothing', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 2, max: 4 }), (c, times) => {
        const r = run(c, { groups: c.groups.map(() => 'all') });
        const rep = run(c, {
          rows: Array.from({ length: times }, () => c.rows).flat(),
          sw: Array.from({ length: times }, () => c.sw).flat(),
          groups: Array.from({ length: times * c.rows.length }, () => 'all'),
        });
        expect([rep.headcountRatio, rep.intensity, rep.m0, rep.indicators]).toEqual([r.headcountRatio, r.intensity, r.m0, r.indicators]);
      }),
    );
  });

  it('permuting units changes nothing', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, seed) => {
        const order = c.rows.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13) || a - b);
        const r = run(c, { groups: c.groups.map(() => 'all') });
        const p = run(c, { rows: order.map((i) => c.rows[i] as boolean[]), sw: order.map((i) => c.sw[i] as number), groups: order.map(() => 'all') });
        expect([p.headcountRatio, p.intensity, p.m0, p.indicators, p.dimensions]).toEqual([r.headcountRatio, r.intensity, r.m0, r.indicators, r.dimensions]);
      }),
    );
  });

  it('bulk equals one-by-one: the columnar path gives the row path result', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const rowsResult = run(c, { groups: c.groups.map(() => 'all') });
        const columns = c.flat.map((_, j) => Uint8Array.from(c.rows, (row) => (row[j] ? 1 : 0)));
        const bulk = alkireFoster(
          { kind: 'columns', deprivations: columns, sampleWeights: Uint32Array.from(c.sw), groups: new Uint8Array(c.rows.length), groupLabels: ['all'] },
          { weights: c.weights, cutoff: { share: c.k }, countBy: 'units' },
        );
        expect(bulk).toEqual(rowsResult);
      }),
    );
  });

  it('the percent form p is the share p/100', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 100 }), (c, p) => {
        const a = run(c, { k: f(p, 100) });
        const b = alkireFoster({ kind: 'deprivations', rows: c.rows, sampleWeights: c.sw, groups: c.groups }, { weights: c.weights, cutoff: { percent: p }, countBy: 'units' });
        expect(b.m0).toEqual(a.m0);
        expect(b.cutoff.form).toBe('percent');
      }),
    );
  });
});
