import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareFractions,
  divideFractions,
  multiplyFractions,
  roundFraction,
  subtractFractions,
  sumFractions,
  toFraction,
  type Fraction,
} from '../../src/numbers/fraction.js';
import { alkireFoster, type AfResult } from '../../src/measures/alkireFoster.js';
import { equalNestedWeights, nestedWeights, type NestedWeights, type NestedWeightsInput } from '../../src/measures/nestedWeights.js';
import { povertyChange } from '../../src/measures/povertyChange.js';
import type { AfData } from '../../src/measures/afData.js';
import type { PovertyCutoff } from '../../src/measures/povertyCutoff.js';
import { expectPure } from '../_helpers/purity.js';
import { f } from '../_helpers/fractions.js';

// Worked examples of the Alkire–Foster method as printed in published sources, reproduced from
// the stored copies that could be read. Every expected figure typed below appears in the cited
// text; any other expected value is computed in the test from printed numbers by the printed
// definition, never typed in. Inputs the text leaves open (a cutoff k, which indicator carries a
// deprivation) are chosen where used and said to be chosen. Where the stored copy lacks part of an
// example (matrices set as images, text cut short), the test says which part and asserts only what
// the text supports.
//
// Alkire & Foster (2011), "Counting and multidimensional poverty measurement", J. Public Econ.
// 95: 476–487. The four-person example (achievements (13.1, 14, 4, 1), (15.2, 7, 5, 0),
// (12.5, 10, 1, 0), (20, 11, 3, 1), cutoffs z = (13, 12, 3, 1)) is tested in
// alkireFoster.test.ts. Its page could not be confirmed: the stored copy
// (https://www.scribd.com/doc/176831025/Foster-Poverty) shows only page 1 of 12 (title,
// abstract, article history), which does not contain the example. Page not shown in the stored copy.

const HUNDRED = f(100);

/** A deprivation row with deprivations at the given column indices (of `width` columns). */
const rowWith = (width: number, deprived: ReadonlyArray<number>): boolean[] => Array.from({ length: width }, (_, j) => deprived.includes(j));

/** 1-based numbers of the units identified as poor, read from the censored headcount of a one-row run per unit. */
function poorPersons(rows: ReadonlyArray<ReadonlyArray<boolean>>, weights: NestedWeightsInput | NestedWeights, cutoff: PovertyCutoff): number[] {
  return rows.flatMap((row, i) => {
    const r = alkireFoster({ kind: 'deprivations', rows: [row] }, { weights, cutoff, countBy: 'units' });
    return r.headcountRatio.num === 1n ? [i + 1] : [];
  });
}

/** Mean of a vector of fractions. */
const mean = (xs: ReadonlyArray<Fraction>): Fraction => divideFractions(sumFractions([...xs]), f(xs.length));

describe('Alkire, Foster, Seth, Santos, Roche & Ballon (2015), Multidimensional Poverty Measurement and Analysis (OUP), ch. 5, §5.5.1, Box 5.5 "Same M0 but different composition of incidence and intensity"', () => {
  // Stored copy read: https://study.sci.house/general-economic-issues/the-set-partial-and-consistent-sub-indices-the-120611.html
  // (the book's §5.5 as web text; printed page numbers are not shown in the stored copy).
  // Printed there: the deprivation cutoff vector z = (500, 5, Not malnourished, Has access to improved
  // sanitation); "The deprivation score column vectors (not shown) are c = (0,0.5,1,0.25) and
  // c = (0,0.5,0.5,0.5), respectively"; "the second and the third person are identified as poor in X
  // and the second, third, and fourth persons are identified as poor in X'"; and §5.5.1 says the box
  // shows "that two societies may have the same Adjusted Headcount Ratios but very different levels
  // of incidence and intensity".
  // NOT in the stored copy (set as images): the achievement matrices X and X', the deprivation and
  // censored matrices, the weight vector, the poverty cutoff k and the values of H, A and M0.
  // So the input is built from the printed score vectors: four indicators of weight 1/4 (the stored
  // copy of §5.3, https://study.sci.house/general-economic-issues/aggregation-the-adjusted-headcount-120609.html,
  // carries footnote 8 on the chapter's example: "This example has an identical relative weight across
  // dimensions"; that the Box uses the same weights is an assumption), with each person deprived in
  // score × 4 indicators. The stored §5.3 and §5.5.1 text gives the definitions used below: M0 "is the
  // mean of the censored deprivation score vector", H "is the percentage of the population that is
  // poor", A is "the average deprivation share across the poor", and M0 = H × A. Which indicators
  // carry the deprivations is not printed, so only the measures that do not depend on it (who is
  // poor, H, A, M0) are asserted, and a property checks that any placement gives the same ones.
  // The printed identification holds for exactly the k in (1/4, 1/2]; both ends are tried.
  const c: ReadonlyArray<Fraction> = [f(0), f(1, 2), f(1), f(1, 4)];
  const cPrime: ReadonlyArray<Fraction> = [f(0), f(1, 2), f(1, 2), f(1, 2)];
  const printedPoor = [2, 3];
  const printedPoorPrime = [2, 3, 4];
  const weights = equalNestedWeights([1, 2, 3, 4].map((d) => ({ id: `d${d}`, indicators: [`d${d}`] })));
  const rowsFor = (scores: ReadonlyArray<Fraction>): boolean[][] =>
    scores.map((s) => rowWith(4, Array.from({ length: Number((s.num * 4n) / s.den) }, (_, j) => j)));
  const X: AfData = { kind: 'deprivations', rows: rowsFor(c) };
  const XPrime: AfData = { kind: 'deprivations', rows: rowsFor(cPrime) };
  // k is not in the stored text: three chosen values inside (1/4, 1/2], in both forms.
  const CUTOFFS: ReadonlyArray<PovertyCutoff> = [{ share: f(1, 2) }, { share: f(1, 3) }, { percent: 26 }];

  /** H, A and M0 computed from a printed score vector and the printed poor persons by the book's definitions (§5.3). */
  const fromPrinted = (scores: ReadonlyArray<Fraction>, poor: ReadonlyArray<number>): { h: Fraction; a: Fraction; m0: Fraction } => {
    const censored = scores.map((s, i) => (poor.includes(i + 1) ? s : f(0)));
    return {
      h: divideFractions(f(poor.length), f(scores.length)),
      a: mean(poor.map((p) => scores[p - 1] as Fraction)),
      m0: mean(censored), // "M0 … is the mean of the censored deprivation score vector"
    };
  };

  it('the rows built from the printed score vectors have exactly the printed scores c and c′', () => {
    for (const [data, scores] of [[X, c], [XPrime, cPrime]] as const) {
      const perRow = (data.kind === 'deprivations' ? data.rows : []).map(
        (row) => alkireFoster({ kind: 'deprivations', rows: [row] }, { weights, cutoff: { share: f(1, 4) }, countBy: 'units' }).m0,
      );
      expect(perRow).toEqual(scores); // at k = 1/4 nobody with a positive score is censored
    }
  });

  it.each(CUTOFFS)('identifies persons 2 and 3 in X and persons 2, 3 and 4 in X′ (cutoff %o)', (cutoff) => {
    const rows = X.kind === 'deprivations' ? X.rows : [];
    const rowsPrime = XPrime.kind === 'deprivations' ? XPrime.rows : [];
    expect(poorPersons(rows as boolean[][], weights, cutoff)).toEqual(printedPoor);
    expect(poorPersons(rowsPrime as boolean[][], weights, cutoff)).toEqual(printedPoorPrime);
  });

  it.each(CUTOFFS)('gives the same M0 for X and X′ with different H and A, equal to the book’s definitions applied to c and c′ (cutoff %o)', (cutoff) => {
    const r = alkireFoster(X, { weights, cutoff, countBy: 'units' });
    const rp = alkireFoster(XPrime, { weights, cutoff, countBy: 'units' });
    expect(r.m0).toEqual(rp.m0); // "the same Adjusted Headcount Ratios"
    expect(compareFractions(r.headcountRatio, rp.headcountRatio)).not.toBe(0); // "very different levels of incidence …"
    expect(compareFractions(r.intensity as Fraction, rp.intensity as Fraction)).not.toBe(0); // "… and intensity"
    const e = fromPrinted(c, printedPoor);
    const ep = fromPrinted(cPrime, printedPoorPrime);
    expect([r.headcountRatio, r.intensity, r.m0]).toEqual([e.h, e.a, e.m0]);
    expect([rp.headcountRatio, rp.intensity, rp.m0]).toEqual([ep.h, ep.a, ep.m0]);
    expect(multiplyFractions(r.headcountRatio, r.intensity as Fraction)).toEqual(r.m0); // M0 = H × A (§5.3)
  });

  it('is pure on the Box 5.5 input', () => {
    expectPure(alkireFoster, XPrime, { weights, cutoff: { share: f(1, 2) }, countBy: 'units' as const });
  });

  describe('properties', () => {
    // Any placement of the deprivations that realises the printed scores, and any k in (1/4, 1/2],
    // gives the printed identification and the same H, A and M0.
    const placement = (counts: ReadonlyArray<number>): fc.Arbitrary<boolean[][]> =>
      fc.tuple(...counts.map((n) => fc.shuffledSubarray([0, 1, 2, 3], { minLength: n, maxLength: n }).map((cols) => rowWith(4, cols))));
    const kInRange = fc.integer({ min: 1, max: 1000 }).map((n) => f(1000 + n, 4000)); // (1/4, 1/2]

    it.each([
      ['X', [0, 2, 4, 1], c, printedPoor],
      ['X′', [0, 2, 2, 2], cPrime, printedPoorPrime],
    ] as const)('Box 5.5 (%s): who is poor and H, A, M0 do not depend on which indicators carry the printed deprivations, for any k in (1/4, 1/2]', (_name, counts, scores, poor) => {
      const e = fromPrinted(scores, poor);
      fc.assert(
        fc.property(placement(counts), kInRange, (rows, k) => {
          const r: AfResult = alkireFoster({ kind: 'deprivations', rows }, { weights, cutoff: { share: k }, countBy: 'units' });
          expect([r.headcountRatio, r.intensity, r.m0]).toEqual([e.h, e.a, e.m0]);
        }),
      );
    });
  });
});

describe('The global MPI one-third cutoff, worked in words: "1/6 + 1/18 + 1/18 + 1/18 = 1/3, or 33%"', () => {
  // Stored copy read: https://th4.ilovetranslation.com/fZxXVSwiiphOKr321e1o5W==d, an English passage on
  // the global MPI (its original publication is not named in the stored copy; no page number).
  // Printed there: people are "multidimensionally poor" when deprived by a "weighted sum" of 0.3 or more
  // ("3 out of 10 points as calculated in practice"); a person "would get a value of 33% and thus be
  // considered poor" by having a child who is malnourished while the most educated member received only
  // three years of schooling; or a household with a child death that is deprived in three of the six
  // living standards indicators, "which also sums to 1/6 + 1/18 + 1/18 + 1/18 = 1/3, or 33%"; or one
  // deprived in "the other three living standard indicators" with a school-age child not attending
  // school; "But if there were no health or education deprivations, a person would have to be deprived
  // in all six standard-of-living indicators to be deemed poor."
  // The weights are those of the global MPI as printed in the stored copy of
  // https://www.exaputra.com/2025/10/undp-global-mpi-analyzing-intensity-of.html (table: Health, 2
  // indicators, 1/6 each; Education, 2 indicators, 1/6 each; Standard of Living, 6 indicators, 1/18
  // each) and in the passage's sum. The six living standards are not named in the passage, so they are
  // ls1…ls6. Only the first two households' scores are printed (33%, and = 1/3); the other two follow
  // from the printed weights, and the passage counts all four as poor.
  // UNDP HDR, "What makes an individual multidimensionally poor?"
  // (http://hdr.undp.org/en/content/what-makes-individual-multidimensionally-poor, stored copy): poor
  // when "deprived in one third or more of the weighted indicators"; vulnerable when deprived "in one
  // fifth or more but less than one third"; severe when "deprived in one half or more".
  const MPI: NestedWeightsInput = [
    { id: 'health', weight: f(1, 3), indicators: [{ id: 'nutrition', weight: f(1, 6) }, { id: 'child-mortality', weight: f(1, 6) }] },
    { id: 'education', weight: f(1, 3), indicators: [{ id: 'years-of-schooling', weight: f(1, 6) }, { id: 'school-attendance', weight: f(1, 6) }] },
    { id: 'living-standards', weight: f(1, 3), indicators: [1, 2, 3, 4, 5, 6].map((j) => ({ id: `ls${j}`, weight: f(1, 18) })) },
  ];
  const checked = nestedWeights(MPI);
  const col = (id: string): number => checked.indicators.findIndex((i) => i.id === id);
  const ls = (...js: number[]): number[] => js.map((j) => col(`ls${j}`));
  const profile = (cols: ReadonlyArray<number>): AfData => ({ kind: 'deprivations', rows: [rowWith(10, cols)] });
  const THIRD: PovertyCutoff = { share: f(1, 3) };
  const POINT_THREE: PovertyCutoff = { share: '0.3' };

  const examples: ReadonlyArray<readonly [string, AfData]> = [
    ['malnourished child and at most three years of schooling', profile([col('nutrition'), col('years-of-schooling')])],
    ['child death and three of the six living standards', profile([col('child-mortality'), ...ls(1, 2, 3)])],
    ['the other three living standards and a child not attending school', profile([...ls(4, 5, 6), col('school-attendance')])],
    ['all six living standards, no health or education deprivation', profile(ls(1, 2, 3, 4, 5, 6))],
  ];

  it('the printed weights nest: 1/6 + 1/6 = 1/3 per dimension, six times 1/18 = 1/3, all summing to 1', () => {
    expect(checked.dimensions.map((d) => d.weight)).toEqual([f(1, 3), f(1, 3), f(1, 3)]);
    expect(sumFractions(checked.indicators.map((i) => i.weight))).toEqual(f(1));
  });

  it.each(examples)('%s: score exactly 1/3, poor at k = 1/3 and at 0.3', (_label, data) => {
    for (const cutoff of [THIRD, POINT_THREE]) {
      const r = alkireFoster(data, { weights: MPI, cutoff, countBy: 'units' });
      expect(r.headcountRatio).toEqual(f(1));
      expect(r.intensity).toEqual(f(1, 3)); // the one person's score
    }
    // "a value of 33%": the exact 1/3 as a whole percent
    const r = alkireFoster(data, { weights: MPI, cutoff: THIRD, countBy: 'units' });
    expect(roundFraction(multiplyFractions(r.intensity as Fraction, HUNDRED), 0, 'half-up').toString()).toBe('33');
  });

  it('the sum 1/6 + 1/18 + 1/18 + 1/18 is exactly 1/3, so k = 1/3 is met without any rounding', () => {
    expect(sumFractions([f(1, 6), f(1, 18), f(1, 18), f(1, 18)])).toEqual(f(1, 3));
  });

  it('without health or education deprivations, five of the six living standards are not enough ("would have to be deprived in all six")', () => {
    for (const cutoff of [THIRD, POINT_THREE]) {
      const r = alkireFoster(profile(ls(1, 2, 3, 4, 5)), { weights: MPI, cutoff, countBy: 'units' });
      expect(r.headcountRatio).toEqual(f(0));
    }
  });

  it('UNDP bands: a score of 1/3 is poor but not severe (≥ 1/2); five living standards (5/18) fall in the vulnerable band [1/5, 1/3)', () => {
    const third = examples[1]?.[1] as AfData;
    expect(alkireFoster(third, { weights: MPI, cutoff: { share: f(1, 2) }, countBy: 'units' }).headcountRatio).toEqual(f(0));
    const five = profile(ls(1, 2, 3, 4, 5));
    expect(alkireFoster(five, { weights: MPI, cutoff: { share: f(1, 5) }, countBy: 'units' }).headcountRatio).toEqual(f(1));
    expect(alkireFoster(five, { weights: MPI, cutoff: THIRD, countBy: 'units' }).headcountRatio).toEqual(f(0));
    expect(alkireFoster(five, { weights: MPI, cutoff: THIRD, countBy: 'units' }).intensity).toBeNull();
  });

  it('the four printed households together: H = 1 and A = 1/3 at k = 1/3 (each scores exactly 1/3)', () => {
    const rows = examples.map(([, d]) => (d.kind === 'deprivations' ? (d.rows[0] as boolean[]) : []));
    const r = alkireFoster({ kind: 'deprivations', rows }, { weights: MPI, cutoff: THIRD, countBy: 'units' });
    expect([r.headcountRatio, r.intensity, r.m0]).toEqual([f(1), f(1, 3), f(1, 3)]);
  });
});

describe('Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, ch. 9, §9.2.1 "Changes in M0, H, and A across two time periods"', () => {
  // Stored copy read: https://study.sci.house/general-economic-issues/descriptive-analysis-changes-over-120635.html
  // (page numbers not shown). Printed: "The absolute rate of change is the difference in levels between
  // two periods." "The relative rate of change is the difference in levels across two periods as a
  // percentage of the initial period." "For example, if the M0 has gone down from 0.5 to 0.4 between two
  // consecutive years, then the absol…" — the stored text breaks off there, before the printed results.
  // So the expected values are the printed definitions applied to the printed levels, not typed figures.
  it('M0 from 0.5 to 0.4 in consecutive years: absolute change = difference in levels, relative = that difference as a percentage of 0.5', () => {
    const before = toFraction('0.5');
    const after = toFraction('0.4');
    const ch = povertyChange('0.5', '0.4', { years: 1 });
    expect(ch.absolute).toEqual(subtractFractions(after, before));
    expect(multiplyFractions(ch.relative, HUNDRED)).toEqual(divideFractions(multiplyFractions(subtractFractions(after, before), HUNDRED), before));
    // over one year the annualised changes equal the plain ones
    expect(ch.annualisedAbsolute).toEqual(ch.absolute);
    expect(ch.annualisedRelative.eq(roundFraction(ch.relative, 20, 'half-even'))).toBe(true);
    expect(compareFractions(ch.absolute, f(0))).toBe(-1); // "gone down"
  });
});
