import { describe, expect, it } from 'vitest';
import { alkireFoster } from '../../src/measures/alkireFoster.js';
import { alkireFosterRobustness } from '../../src/measures/alkireFosterRobustness.js';
import { equalNestedWeights } from '../../src/measures/nestedWeights.js';
import { expectPure } from '../_helpers/purity.js';
import { f } from '../_helpers/fractions.js';
import { SYN_DIMENSIONS, readSynCdta } from './_synCdta.js';

const weights = equalNestedWeights([1, 2, 3, 4].map((d) => ({ id: `d${d}`, indicators: [`x${d}`] })));
// The deprivation matrix g0 of Alkire & Foster (2011), J. Public Econ. 95: 476–487, section 2; counts (0, 2, 4, 1).
const g0 = { kind: 'deprivations', rows: [[0, 0, 0, 0], [0, 1, 0, 1], [1, 1, 1, 1], [0, 1, 0, 0]] } as const;

describe('alkireFosterRobustness', () => {
  it("'all' gives one result per score present: k = 1/4 (union), 1/2, 1 (intersection)", () => {
    const all = alkireFosterRobustness(g0, { weights, cutoffs: 'all', countBy: 'units' });
    expect(all.map((r) => r.cutoff.k)).toEqual([f(1, 4), f(1, 2), f(1)]);
    expect(all.map((r) => r.headcountRatio)).toEqual([f(3, 4), f(1, 2), f(1, 4)]);
    expect(all.map((r) => r.m0)).toEqual([f(7, 16), f(3, 8), f(1, 4)]);
    expect(all.every((r) => r.gapMeasures === null)).toBe(true);
  });

  it('a list of cutoffs, in the forms given, equals alkireFoster at each', () => {
    const cutoffs = [{ percent: 75 }, { share: '0.3' }] as const;
    const list = alkireFosterRobustness(g0, { weights, cutoffs, countBy: 'units' });
    expect(list.map((r) => r.cutoff.form)).toEqual(['percent', 'share']);
    for (const [i, c] of cutoffs.entries()) {
      expect(list[i]?.m0).toEqual(alkireFoster(g0, { weights, cutoff: c, countBy: 'units' }).m0);
    }
  });

  it('syn_cdta round 1: H falls from the union to the intersection cutoff', () => {
    const rows = readSynCdta().filter((r) => r.t === 1 && r.deprivations.every((d) => d !== null));
    const w = equalNestedWeights(SYN_DIMENSIONS.map((d) => ({ id: d.id, indicators: [...d.indicators] })));
    const all = alkireFosterRobustness({ kind: 'deprivations', rows: rows.map((r) => r.deprivations) }, { weights: w, cutoffs: 'all', countBy: 'units' });
    expect(all[0]?.cutoff.k).toEqual(f(1, 18));
    expect(all.at(-1)?.cutoff.k.den).toBe(18n);
    // k = 6/18 = 1/3 gives the same identification as 33 % here (no score lies in [0.33, 1/3))
    expect(all.find((r) => r.cutoff.k.num === 1n && r.cutoff.k.den === 3n)?.m0).toEqual(f(323, 2268));
  });

  it('is pure', () => {
    expectPure(alkireFosterRobustness, g0, { weights, cutoffs: 'all' as const, countBy: 'units' as const });
  });
});
