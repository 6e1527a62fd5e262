import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumFractions } from '../../src/numbers/fraction.js';
import { equalNestedWeights, nestedWeights } from '../../src/measures/nestedWeights.js';
import { povertyCutoff } from '../../src/measures/povertyCutoff.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { expectPure } from '../_helpers/purity.js';
import { issueCodes } from '../_helpers/errors.js';
import { f } from '../_helpers/fractions.js';

describe('nestedWeights', () => {
  it('checks sums exactly: ten weights of 0.1 are exactly 1 (not 0.9999999999999999)', () => {
    const w = nestedWeights(Array.from({ length: 10 }, (_, j) => ({ id: `d${j}`, weight: 0.1, indicators: [{ id: `i${j}`, weight: '0.1' }] })));
    expect(w.scoreDenominator).toBe(10n);
    expect(w.scoreUnits).toEqual(Array(10).fill(1n));
  });

  it('gives the score denominator as the least common denominator (1/6 and 1/18 → 18)', () => {
    const w = nestedWeights([
      { id: 'a', weight: f(1, 3), indicators: [{ id: 'a1', weight: f(1, 6) }, { id: 'a2', weight: f(1, 6) }] },
      { id: 'b', weight: f(2, 3), indicators: [{ id: 'b1', weight: f(1, 3) }, { id: 'b2', weight: f(1, 6) }, { id: 'b3', weight: f(1, 6) }] },
    ]);
    expect(w.scoreDenominator).toBe(6n);
    expect(w.scoreUnits).toEqual([1n, 1n, 2n, 1n, 1n]);
    expect(w.indicators.map((i) => i.dimension)).toEqual(['a', 'a', 'b', 'b', 'b']);
  });

  it('lists every problem at once', () => {
    const codes = issueCodes(() =>
      nestedWeights([
        { id: 'a', weight: '0.5', indicators: [{ id: 'x', weight: '0.4' }] },
        { id: 'a', weight: '0.6', indicators: [{ id: 'x', weight: '0.6' }] },
      ]),
    );
    expect(codes).toEqual(['dimension-weight-mismatch', 'duplicate-id', 'duplicate-id', 'weights-do-not-sum-to-one']);
  });

  it('is pure', () => {
    expectPure(nestedWeights, [{ id: 'a', weight: 1, indicators: [{ id: 'x', weight: '0.5' }, { id: 'y', weight: '0.5' }] }]);
    expectPure(equalNestedWeights, [{ id: 'a', indicators: ['x', 'y', 'z'] }]);
  });
});

describe('povertyCutoff', () => {
  it('reads both forms and says which was applied', () => {
    expect(povertyCutoff({ percent: 33 })).toEqual({ form: 'percent', given: f(33), k: f(33, 100) });
    expect(povertyCutoff({ share: f(1, 3) })).toEqual({ form: 'share', given: f(1, 3), k: f(1, 3) });
    expect(povertyCutoff({ percent: '33.3' }).k).toEqual(f(333, 1000));
  });

  it('refuses both forms at once, or neither', () => {
    for (const bad of [{ share: 1, percent: 100 }, {}, { share: Number.NaN }]) {
      expect(() => povertyCutoff(bad as never)).toThrow(VnPovertyError);
    }
  });
});

describe('properties', () => {
  it('equal nested weights sum to exactly 1 and split each dimension equally', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        const w = equalNestedWeights(sizes.map((n, d) => ({ id: `d${d}`, indicators: Array.from({ length: n }, (_, j) => `d${d}i${j}`) })));
        expect(sumFractions(w.indicators.map((i) => i.weight))).toEqual(f(1));
        for (const d of w.dimensions) expect(d.weight).toEqual(f(1, sizes.length));
        // scores are integers: every weight is a whole number of 1/scoreDenominator
        w.indicators.forEach((ind, j) => expect(f(w.scoreUnits[j] as bigint, w.scoreDenominator)).toEqual(ind.weight));
      }),
    );
  });
});
