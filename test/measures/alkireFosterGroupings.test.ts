import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fraction, sumFractions } from '../../src/numbers/fraction.js';
import { alkireFoster, type AfResult } from '../../src/measures/alkireFoster.js';
import { equalNestedWeights, type NestedWeights } from '../../src/measures/nestedWeights.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { f } from '../_helpers/fractions.js';
import { SYN_DIMENSIONS, readSynCdta } from './_synCdta.js';

// The standard workload (shared/data/README.md): syn_cdta round 1, complete rows, k = 33 %.
const complete = readSynCdta().filter((r) => r.t === 1 && r.deprivations.every((d) => d !== null));
const weights = equalNestedWeights(SYN_DIMENSIONS.map((d) => ({ id: d.id, indicators: [...d.indicators] })));
const columns = weights.indicators.map((_, j) => Uint8Array.from(complete, (r) => r.deprivations[j] as number));
const area = Uint8Array.from(complete, (r) => r.area);
const region = Uint8Array.from(complete, (r) => r.region - 1);
const regionLabels = Array.from({ length: 20 }, (_, g) => String(g + 1));
const base = { weights, cutoff: { percent: 33 }, countBy: 'units' } as const;

/** The measures of a subgroup without its label fields, to compare across calls. */
const measuresOf = (r: AfResult, name: string): unknown[][] | undefined => r.groupings.find((g) => g.name === name)?.subgroups.map((s) => [s.group, s.measures, s.populationShare, s.contributionToM0]);

describe('alkireFoster: several groupings and their crossing in one pass', () => {
  const all = alkireFoster(
    { kind: 'columns', deprivations: columns, by: [{ name: 'area', codes: area, labels: ['0', '1'] }, { name: 'region', codes: region, labels: regionLabels }] },
    { ...base, groupings: ['area', 'region', ['area', 'region']] },
  );

  it('gives national, area and region figures: 1 + 2 + 20 populations × 43 numbers = 989', () => {
    expect(all.groupings.map((g) => [g.name, g.subgroups.length])).toEqual([
      ['area', 2],
      ['region', 20],
      ['area × region', 40],
    ]);
    const numbers = (m: AfResult['groupings'][number]['subgroups'][number]['measures'] | AfResult): number => 3 + 4 * m.indicators.length;
    const count = numbers(all) + [...(all.groupings[0]?.subgroups ?? []), ...(all.groupings[1]?.subgroups ?? [])].reduce((a, s) => a + numbers(s.measures), 0);
    expect(count).toBe(989);
    expect(all.m0).toEqual(f(323, 2268));
    expect(all.groupings[0]?.subgroups.map((s) => [s.group, s.measures.units, s.measures.m0])).toEqual([
      ['0', 2980, f(515, 3576)],
      ['1', 4454, f(2833, 20043)],
    ]);
    const r1 = all.groupings[1]?.subgroups[0];
    expect([r1?.group, r1?.measures.units, r1?.measures.headcountRatio, r1?.measures.m0]).toEqual(['1', 405, f(148, 405), f(568, 3645)]);
  });

  it('equals separate calls, one grouping at a time', () => {
    const byArea = alkireFoster({ kind: 'columns', deprivations: columns, groups: area, groupLabels: ['0', '1'] }, base);
    const byRegion = alkireFoster({ kind: 'columns', deprivations: columns, groups: region, groupLabels: regionLabels }, base);
    expect(measuresOf(all, 'area')).toEqual(byArea.subgroups?.map((s) => [s.group, s.measures, s.populationShare, s.contributionToM0]));
    expect(measuresOf(all, 'region')).toEqual(byRegion.subgroups?.map((s) => [s.group, s.measures, s.populationShare, s.contributionToM0]));
  });

  it('crossed groups carry their keys, and add up to each margin', () => {
    const crossed = all.groupings[2]?.subgroups ?? [];
    expect(crossed[0]?.keys).toEqual(['0', '1']);
    expect(crossed[0]?.group).toBe('0 × 1');
    expect(sumFractions(crossed.map((s) => s.contributionToM0))).toEqual(all.m0);
    const area0 = crossed.filter((s) => s.keys[0] === '0');
    expect(area0.reduce((a, s) => a + s.measures.units, 0)).toBe(2980);
  });

  it('the row input gives the same groupings (labels in order of first appearance)', () => {
    const rows = alkireFoster(
      {
        kind: 'deprivations',
        rows: complete.map((r) => r.deprivations),
        by: [{ name: 'area', values: complete.map((r) => r.area) }],
      },
      base,
    );
    expect(rows.groupings[0]?.subgroups.map((s) => [s.group, s.measures.m0])).toEqual([
      ['1', f(2833, 20043)],
      ['0', f(515, 3576)],
    ]);
  });

  it('fractional sampling weights kept exact over a common scale', () => {
    const sw = Uint32Array.from(complete, (_, i) => 10_000 + (i % 7) * 1_234);
    const scaled = alkireFoster({ kind: 'columns', deprivations: columns, sampleWeights: sw, sampleWeightScale: 10_000 }, base);
    const rows = alkireFoster({ kind: 'deprivations', rows: complete.map((r) => r.deprivations), sampleWeights: [...sw].map((w) => (w / 10_000).toFixed(4)) }, base);
    expect(scaled.population).toEqual(rows.population);
    expect(scaled.m0).toEqual(rows.m0);
    expect(firstIssueCode(() => alkireFoster({ kind: 'columns', deprivations: columns, sampleWeightScale: 0 }, base))).toBe('invalid-sampling-weight');
  });

  it('checks weights and codes during the pass, and sums beyond 2^53 stay exact', () => {
    const two = [Uint8Array.of(1, 0, 1), Uint8Array.of(1, 1, 0)];
    const w2 = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
    const opts = { weights: w2, cutoff: { share: '0.5' }, countBy: 'units' } as const;
    expect(firstIssueCode(() => alkireFoster({ kind: 'columns', deprivations: two, sampleWeights: Float64Array.of(1, 0.5, 1) }, opts))).toBe('invalid-sampling-weight');
    expect(firstIssueCode(() => alkireFoster({ kind: 'columns', deprivations: two, by: [{ name: 'g', codes: Float64Array.of(0, 1.5, 0), labels: ['x', 'y'] }] }, opts))).toBe('invalid-group');
    const big = 2 ** 52;
    const r = alkireFoster({ kind: 'columns', deprivations: two, sampleWeights: Float64Array.of(big, big, big + 2) }, opts);
    expect(r.population).toEqual(f(3n * BigInt(big) + 2n));
    expect(r.headcountRatio).toEqual(f(1));
    expect(r.indicators[0]?.uncensoredHeadcountRatio).toEqual(f(2n * BigInt(big) + 2n, 3n * BigInt(big) + 2n));
  });

  it('is pure', () => {
    expectPure(alkireFoster, { kind: 'columns' as const, deprivations: columns.map((c) => c.slice(0, 50)), by: [{ name: 'area', codes: area.slice(0, 50) }] }, base);
  });

  it('refuses unknown or repeated grouping names and bad codes', () => {
    const data = { kind: 'columns', deprivations: columns, by: [{ name: 'area', codes: area }] } as const;
    expect(firstIssueCode(() => alkireFoster(data, { ...base, groupings: ['region'] }))).toBe('unknown-grouping');
    expect(firstIssueCode(() => alkireFoster(data, { ...base, groupings: [['area', 'area']] }))).toBe('duplicate-id');
    expect(firstIssueCode(() => alkireFoster({ ...data, by: [{ name: 'area', codes: area }, { name: 'area', codes: area }] }, base))).toBe('duplicate-id');
    expect(firstIssueCode(() => alkireFoster({ ...data, by: [{ name: 'area', codes: area, labels: ['0'] }] }, base))).toBe('invalid-group');
    expect(firstIssueCode(() => alkireFoster({ ...data, by: [{ name: 'area', codes: Float64Array.of(0.5) }] }, base))).toBe('length-mismatch');
  });
});

// ---------------------------------------------------------------------------------------------
interface GroupCase {
  readonly weights: NestedWeights;
  readonly deprivations: Uint8Array[];
  readonly sw: Uint32Array;
  readonly a: Uint8Array;
  readonly b: Uint8Array;
  readonly k: ReturnType<typeof f>;
}

const groupCase = (maxIndicators: number): fc.Arbitrary<GroupCase> =>
  fc
    .record({
      dims: fc.array(fc.integer({ min: 1, max: Math.ceil(maxIndicators / 3) }), { minLength: 1, maxLength: 3 }),
      n: fc.integer({ min: 1, max: 40 }),
      bits: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      sw: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 40, maxLength: 40 }),
      a: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 40, maxLength: 40 }),
      b: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
      k: fc.integer({ min: 1, max: 12 }),
    })
    .map(({ dims, n, bits, sw, a, b, k }) => {
      const weights = equalNestedWeights(dims.map((m, d) => ({ id: `d${d}`, indicators: Array.from({ length: m }, (_, j) => `d${d}i${j}`) })));
      const J = weights.indicators.length;
      const deprivations = Array.from({ length: J }, (_, j) => Uint8Array.from({ length: n }, (_, i) => (bits[(i * 7 + j * 3) % 64] ? 1 : 0)));
      const w = Uint32Array.from(sw.slice(0, n));
      w[0] = Math.max(1, w[0] ?? 1); // a positive total weight
      return { weights, deprivations, sw: w, a: Uint8Array.from(a.slice(0, n)), b: Uint8Array.from(b.slice(0, n)), k: f(k, 12) };
    });

/** Separate calls reproduce each grouping only where every group has a positive weight. */
const positive = (c: GroupCase, codes: Uint8Array): boolean => [...new Set(codes)].every((g) => codes.some((x, i) => x === g && (c.sw[i] ?? 0) > 0));

describe('properties', () => {
  it('the one-pass multi-grouping result equals separate calls (both kernels, rows and columns)', () => {
    // up to 6 indicators runs the pattern kernel; 17 or more the score-slot kernel
    fc.assert(
      fc.property(fc.oneof(groupCase(6), groupCase(21)), (c) => {
        const crossCodes = Uint8Array.from(c.a, (x, i) => (c.b[i] as number) * 3 + x);
        fc.pre(positive(c, c.a) && positive(c, c.b) && positive(c, crossCodes));
        const opts = { weights: c.weights, cutoff: { share: c.k }, countBy: 'units' } as const;
        const one = alkireFoster(
          { kind: 'columns', deprivations: c.deprivations, sampleWeights: c.sw, by: [{ name: 'a', codes: c.a }, { name: 'b', codes: c.b }] },
          { ...opts, groupings: ['a', 'b', ['b', 'a']] },
        );
        const sep = (codes: Uint8Array): AfResult => alkireFoster({ kind: 'columns', deprivations: c.deprivations, sampleWeights: c.sw, groups: codes }, opts);
        const strip = (r: AfResult | undefined): unknown => r?.subgroups?.map((s) => [s.group, s.measures, s.contributionToM0]);
        expect(measuresOf(one, 'a')?.map((x) => x.filter((_, i) => i !== 2))).toEqual(strip(sep(c.a)));
        expect(measuresOf(one, 'b')?.map((x) => x.filter((_, i) => i !== 2))).toEqual(strip(sep(c.b)));
        const labels = Array.from({ length: 12 }, (_, g) => `${Math.floor(g / 3)} × ${g % 3}`);
        const cross = alkireFoster({ kind: 'columns', deprivations: c.deprivations, sampleWeights: c.sw, groups: crossCodes, groupLabels: labels }, opts);
        expect(measuresOf(one, 'b × a')?.map((x) => x.filter((_, i) => i !== 2))).toEqual(strip(cross));
        const rows = alkireFoster(
          {
            kind: 'deprivations',
            rows: [...c.a].map((_, i) => c.deprivations.map((col) => (col[i] as number) === 1)),
            sampleWeights: [...c.sw],
            by: [{ name: 'a', values: [...c.a] }, { name: 'b', values: [...c.b] }],
          },
          { ...opts, groupings: ['a'] },
        );
        const sorted = [...(rows.groupings[0]?.subgroups ?? [])].sort((x, y) => Number(x.group) - Number(y.group));
        expect(sorted.map((s) => [s.group, s.measures.m0, s.measures.indicators])).toEqual(one.groupings[0]?.subgroups.map((s) => [s.group, s.measures.m0, s.measures.indicators]));
        expect(one.m0).toEqual(rows.m0);
        expect(sumFractions(one.groupings[2]?.subgroups.map((s) => s.contributionToM0) ?? [])).toEqual(one.m0);
        expect(sumFractions(one.groupings[1]?.subgroups.map((s) => s.populationShare) ?? [])).toEqual(fraction(1n));
      }),
    );
  });
});
