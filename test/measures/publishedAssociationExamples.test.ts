import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorAssociation } from '../../src/measures/indicatorAssociation.js';
import { equalNestedWeights } from '../../src/measures/nestedWeights.js';
import { fraction, multiplyFractions, roundFraction } from '../../src/numbers/fraction.js';
import { f } from '../_helpers/fractions.js';
import { expectPure } from '../_helpers/purity.js';

// A published 2 × 2 table with its printed φ, reproduced by `indicatorAssociation` (Cramér's V of a
// 2 × 2 table is |φ|; `cramersV` keeps φ's sign). Every expected figure typed below is printed in the
// cited text; figures it does not print (R0, the exact φ²) are computed in the test from the printed
// counts and say so.
//
// Looked for and NOT found with printed data and a printed result (see docs/measures.md “Test data”):
// the redundancy measure R0 (Alkire et al. 2015, §7.3: the stored copy of chapter 7,
// https://multidimensionalpoverty.org/chapter-7, shows the chapter's opening, not a table of R0 with
// its data; OPHI's global MPI reports print R0 and V for survey indicators without the data; mpitb's
// `assoc` help has no printed output in the stored copies), and a printed distribution of AF scores
// for a deprivation matrix typed in full (the stored copies print the score vectors of Box 5.5 only,
// used in publishedExamples.test.ts, and the four-person example of Alkire & Foster 2011 only as
// transcribed in the domain notes, page unconfirmed).

describe('Stata STB-3 snp3, `phi` help file: female × ra (“Returned Admin.”) among non-staff, 77 people', () => {
  // Stored copy read: http://www.stata.com/stb/stb3/snp3/phi.hlp (“Examples: A 2 X 2 table, followed
  // by the correlation”). Printed: Male 27 no, 16 yes (43); Female 31 no, 3 yes (34); totals 58, 19, 77;
  // “Pearson chi2(1) = 8.2311”; “phi = Cohen's w = fourfold point correlation = 0.3270”;
  // “phi-squared = 0.1069”; and `corr female ra` → −0.3270. The help defines phi = sqrt(chi-square/N),
  // |φ| for a 2 × 2 table (Cramér's V), and the correlation keeps the sign, as our `cramersV` does.
  // As deprivation columns: “female” = 1 for women, “ra” = 1 for yes.
  const weights = equalNestedWeights([
    { id: 'female', indicators: ['female'] },
    { id: 'ra', indicators: ['ra'] },
  ]);
  const cells = [
    { female: 0, ra: 0, n: 27 },
    { female: 0, ra: 1, n: 16 },
    { female: 1, ra: 0, n: 31 },
    { female: 1, ra: 1, n: 3 },
  ];
  const people = cells.flatMap((c) => Array.from({ length: c.n }, () => c));
  const expanded = { kind: 'columns' as const, deprivations: [Uint8Array.from(people, (p) => p.female), Uint8Array.from(people, (p) => p.ra)] };
  const weighted = {
    kind: 'columns' as const,
    deprivations: [Uint8Array.from(cells, (c) => c.female), Uint8Array.from(cells, (c) => c.ra)],
    sampleWeights: Uint32Array.from(cells, (c) => c.n),
  };

  it('φ = −0.3270 (the printed correlation), |φ| = 0.3270 (the printed phi), φ² = 0.1069, at the 4 printed decimals', () => {
    const pair = expectPure(indicatorAssociation, expanded, { weights, countBy: 'units' as const }).pairs[0];
    expect(pair?.cramersV?.toFixed(4)).toBe('-0.3270');
    expect(pair?.cramersV?.abs().toFixed(4)).toBe('0.3270');
    expect(roundFraction(pair?.cramersVSquared ?? f(0), 4, 'half-up').toString()).toBe('0.1069');
  });

  it('Pearson χ² = N · φ² = 8.2311 at the printed 4 decimals; the printed margins 34 women, 19 yes, 3 both', () => {
    const pair = indicatorAssociation(expanded, { weights, countBy: 'units' }).pairs[0];
    const chi2 = multiplyFractions(f(77), pair?.cramersVSquared ?? f(0));
    expect(roundFraction(chi2, 4, 'half-up').toString()).toBe('8.2311');
    expect([pair?.firstShare, pair?.secondShare, pair?.both]).toEqual([f(34, 77), f(19, 77), f(3, 77)]);
  });

  it('not printed, computed from the printed counts: φ² = (3·77 − 34·19)² / (34·43·19·58) exactly, and R0 = 3 / min(34, 19) = 3/19', () => {
    const pair = indicatorAssociation(expanded, { weights, countBy: 'units' }).pairs[0];
    const cov = 3 * 77 - 34 * 19;
    expect(pair?.cramersVSquared).toEqual(fraction(BigInt(cov * cov), BigInt(34 * 43 * 19 * 58)));
    expect(pair?.redundancy).toEqual(f(3, 19));
  });

  it('the table as four weighted cells (weights 27, 16, 31, 3) gives the same φ, φ² and R0 as the 77 rows', () => {
    const a = indicatorAssociation(expanded, { weights, countBy: 'units' }).pairs[0];
    const b = indicatorAssociation(weighted, { weights, countBy: 'units' }).pairs[0];
    expect(b?.cramersVSquared).toEqual(a?.cramersVSquared);
    expect(b?.redundancy).toEqual(a?.redundancy);
    expect(b?.cramersV?.toString()).toBe(a?.cramersV?.toString());
  });

  describe('properties', () => {
    it('the printed φ does not depend on the order of the cells nor on a common scale of their weights, and swapping the two columns keeps φ² and R0', () => {
      fc.assert(
        fc.property(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 1_000_000 }), (order, scale) => {
          const cs = order.map((i) => cells[i] as (typeof cells)[number]);
          const cols = [Uint8Array.from(cs, (c) => c.female), Uint8Array.from(cs, (c) => c.ra)];
          const sampleWeights = Uint32Array.from(cs, (c) => c.n * scale);
          const shuffled = indicatorAssociation({ kind: 'columns', deprivations: cols, sampleWeights }, { weights, countBy: 'units' }).pairs[0];
          const swapped = indicatorAssociation({ kind: 'columns', deprivations: [cols[1] as Uint8Array, cols[0] as Uint8Array], sampleWeights }, { weights, countBy: 'units' }).pairs[0];
          expect(shuffled?.cramersV?.toFixed(4)).toBe('-0.3270');
          expect(swapped?.cramersVSquared).toEqual(shuffled?.cramersVSquared);
          expect(swapped?.redundancy).toEqual(f(3, 19));
        }),
      );
    });
  });
});
