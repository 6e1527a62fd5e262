import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afScoreDistribution } from '../../src/measures/afScoreDistribution.js';
import { alkireFoster } from '../../src/measures/alkireFoster.js';
import { indicatorAssociation } from '../../src/measures/indicatorAssociation.js';
import { equalNestedWeights } from '../../src/measures/nestedWeights.js';
import { sumFractions } from '../../src/numbers/fraction.js';
import { expectPure } from '../_helpers/purity.js';
import { f } from '../_helpers/fractions.js';
import { SYN_DIMENSIONS, SYN_INDICATORS, readSynCdta } from './_synCdta.js';

const weights = equalNestedWeights(SYN_DIMENSIONS.map((d) => ({ id: d.id, indicators: [...d.indicators] })));
const round1 = readSynCdta().filter((r) => r.t === 1 && r.deprivations.every((d) => d !== null));
const columns = SYN_INDICATORS.map((_, j) => Uint8Array.from(round1, (r) => r.deprivations[j] as number));

describe('afScoreDistribution', () => {
  const dist = expectPure(afScoreDistribution, { kind: 'columns' as const, deprivations: columns, groups: Uint8Array.from(round1, (r) => r.area) }, { weights, countBy: 'units' as const });
  it('syn_cdta round 1: shares add up to 1, and the share at or above each score is H at k = that score', () => {
    expect(sumFractions(dist.scores.map((s) => s.share))).toEqual(f(1));
    expect(dist.scores[0]?.score).toEqual(f(0));
    for (const s of dist.scores.filter((x) => x.score.num > 0n)) {
      expect(s.shareAtLeast).toEqual(alkireFoster({ kind: 'columns', deprivations: columns }, { weights, cutoff: { share: s.score }, countBy: 'units' }).headcountRatio);
    }
    expect(dist.subgroups?.map((g) => g.units)).toEqual([2980, 4454]);
    const rows = dist.rows.filter((r) => r.level === 'nat');
    expect(rows.map((r) => r.estimate)).toEqual(dist.scores.map((s) => s.share));
    expect(rows[1]?.indicator).toBe(`${dist.scores[1]?.score.num}/${dist.scores[1]?.score.den}`);
  });
});

describe('indicatorAssociation', () => {
  it('a 2 × 2 table by hand: R0 and Cramér’s V (φ with its sign)', () => {
    const w2 = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
    // a = 1,1,0,0 ; b = 1,0,0,0 → p11 = 1/4, pa = 1/2, pb = 1/4: φ² = (1/4 − 1/8)² / (1/4 · 3/16) = 1/3
    const r = indicatorAssociation({ kind: 'columns', deprivations: [Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 0, 0, 0)] }, { weights: w2, countBy: 'units' });
    expect(r.pairs[0]?.redundancy).toEqual(f(1));
    expect(r.pairs[0]?.cramersVSquared).toEqual(f(1, 3));
    expect(r.pairs[0]?.cramersV?.toFixed(12)).toBe('0.577350269190');
    const neg = indicatorAssociation({ kind: 'columns', deprivations: [Uint8Array.of(1, 1, 0, 0), Uint8Array.of(0, 0, 1, 0)] }, { weights: w2, countBy: 'units' });
    expect(neg.pairs[0]?.cramersV?.isNegative()).toBe(true);
    expect(neg.pairs[0]?.redundancy).toEqual(f(0));
  });
  it('syn_cdta: 45 pairs; R0 of (d_nutr, d_cm) from the counts', () => {
    const r = indicatorAssociation({ kind: 'columns', deprivations: columns, groups: Uint8Array.from(round1, (x) => x.area) }, { weights, countBy: 'units' });
    expect(r.pairs).toHaveLength(45);
    const both = round1.filter((x) => x.deprivations[0] === 1 && x.deprivations[1] === 1).length;
    const nutr = round1.filter((x) => x.deprivations[0] === 1).length;
    const cm = round1.filter((x) => x.deprivations[1] === 1).length;
    expect(r.pairs[0]?.redundancy).toEqual(f(both, Math.min(nutr, cm)));
    expect(r.subgroups).toHaveLength(2);
    expect(r.rows).toHaveLength(3 * 45 * 2);
    expect(r.rows[1]).toMatchObject({ measure: 'R0', level: 'nat', indicator: 'd_nutr × d_cm', estimate: r.pairs[0]?.redundancy });
  });
  it('properties: V² = φ², |V| ≤ 1, R0 ∈ [0, 1], weighted equals expanded', () => {
    const w2 = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.integer({ min: 0, max: 1 }), b: fc.integer({ min: 0, max: 1 }), w: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 12 }), (rows) => {
        const weighted = indicatorAssociation({ kind: 'columns', deprivations: [Uint8Array.from(rows, (r) => r.a), Uint8Array.from(rows, (r) => r.b)], sampleWeights: Uint8Array.from(rows, (r) => r.w) }, { weights: w2, countBy: 'units' });
        const ex = rows.flatMap((r) => Array.from({ length: r.w }, () => r));
        const expanded = indicatorAssociation({ kind: 'columns', deprivations: [Uint8Array.from(ex, (r) => r.a), Uint8Array.from(ex, (r) => r.b)] }, { weights: w2, countBy: 'units' });
        const p = weighted.pairs[0];
        expect([p?.both, p?.cramersVSquared, p?.redundancy]).toEqual([expanded.pairs[0]?.both, expanded.pairs[0]?.cramersVSquared, expanded.pairs[0]?.redundancy]);
        if (p?.cramersV) expect(p.cramersV.abs().lte(1)).toBe(true);
        if (p?.redundancy) expect(p.redundancy.num <= p.redundancy.den && p.redundancy.num >= 0n).toBe(true);
      }),
    );
  });
});
