import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/_internal/_decimal.js';
import { addFractions, multiplyFractions } from '../../src/numbers/fraction.js';
import { alkireFoster } from '../../src/measures/alkireFoster.js';
import { equalNestedWeights } from '../../src/measures/nestedWeights.js';
import { alkireFosterChange, povertyChange } from '../../src/measures/povertyChange.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { f } from '../_helpers/fractions.js';
import { SYN_DIMENSIONS, readSynCdta } from './_synCdta.js';

describe('povertyChange', () => {
  it('absolute, relative and annualised changes, exact where rational', () => {
    const c = povertyChange(f(1, 4), f(1, 16), { years: 2 });
    expect(c.absolute).toEqual(f(-3, 16));
    expect(c.relative).toEqual(f(-3, 4));
    expect(c.annualisedAbsolute).toEqual(f(-3, 32));
    expect(c.annualisedRelative.toString()).toBe('-0.5'); // (1/4)^(1/2) − 1
  });

  it('annualised relative change is exact for one year and −1 when poverty ends', () => {
    expect(povertyChange(f(1, 3), f(1, 4), { years: 1 }).annualisedRelative.toString()).toBe('-0.25');
    expect(povertyChange(f(1, 3), f(0), { years: '8.5' }).annualisedRelative.toString()).toBe('-1');
  });

  it('refuses a zero base (never Infinity), non-positive years and negative measures', () => {
    expect(firstIssueCode(() => povertyChange(0, f(1, 2), { years: 1 }))).toBe('zero-base');
    expect(firstIssueCode(() => povertyChange(f(1, 2), f(1, 3), { years: 0 }))).toBe('non-positive-years');
    expect(firstIssueCode(() => povertyChange(f(-1, 2), f(1, 3), { years: 1 }))).toBe('negative-measure');
  });

  it('is pure', () => {
    expectPure(povertyChange, f(1, 4), f(1, 16), { years: 2 });
  });
});

describe('alkireFosterChange: syn_cdta round 1 (year 2010) to round 2 (year 2018.5), 8.5 years', () => {
  // Fixture test/fixtures/syn_cdta.csv; the year column gives 2010 and 2018.5. The annualised
  // relative change was computed independently with Python's decimal module at 100 digits:
  // (12631/134442 ÷ 323/2268)^(2/17) − 1 = −0.0477603292859815575297978590116848860902…
  const all = readSynCdta();
  const weights = equalNestedWeights(SYN_DIMENSIONS.map((d) => ({ id: d.id, indicators: [...d.indicators] })));
  const round = (t: number) =>
    alkireFoster(
      { kind: 'deprivations', rows: all.filter((r) => r.t === t).map((r) => r.deprivations) },
      { weights, cutoff: { percent: 33 }, countBy: 'units', missing: 'drop-unit' },
    );
  const change = alkireFosterChange(round(1), round(2), { years: '8.5' });

  it('M0 from 323/2268 to 12631/134442', () => {
    expect(change.m0?.before).toEqual(f(323, 2268));
    expect(change.m0?.after).toEqual(f(12631, 134442));
    expect(change.m0?.absolute).toEqual(f(-117283, 2419956));
    expect(change.m0?.relative).toEqual(f(-6899, 20273));
    expect(change.m0?.annualisedAbsolute).toEqual(f(-6899, 1209978));
    expect(change.m0?.annualisedRelative.toFixed(40)).toBe('-0.0477603292859815575297978590116848860902');
  });

  it('H from 178/531 to 1724/7469, and every indicator’s censored headcount ratio', () => {
    expect(change.headcountRatio?.annualisedRelative.toFixed(30)).toBe('-0.042948707274357843570930511051');
    expect(change.censoredHeadcountRatios).toHaveLength(10);
  });

  it('reports null, not Infinity, for a measure whose base is 0, and is pure', () => {
    const w2 = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
    const at = (rows: (0 | 1)[][]) => alkireFoster({ kind: 'deprivations', rows }, { weights: w2, cutoff: { share: 1 }, countBy: 'units' });
    const none = at([[1, 0], [0, 0]]);
    const some = at([[1, 1], [0, 0]]);
    const c = expectPure(alkireFosterChange, none, some, { years: 2 });
    expect(c.m0).toBeNull();
    expect(c.intensity).toBeNull();
    expect(alkireFosterChange(some, none, { years: 2 }).m0?.annualisedRelative.toString()).toBe('-1');
  });

  it('refuses results at different k', () => {
    const other = alkireFoster({ kind: 'deprivations', rows: [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]] }, { weights, cutoff: { percent: 50 }, countBy: 'units' });
    expect(firstIssueCode(() => alkireFosterChange(round(1), other, { years: 1 }))).toBe('incomparable-results');
  });
});

describe('properties', () => {
  const measure = fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([n, d]) => f(n, d + n));
  const years = fc.integer({ min: 1, max: 40 }).map((y) => f(y, 2));

  it('before + absolute = after, and annualised absolute × years = absolute', () => {
    fc.assert(
      fc.property(measure, measure, years, (b, a, y) => {
        const c = povertyChange(b, a, { years: y });
        expect(addFractions(b, c.absolute)).toEqual(a);
        expect(multiplyFractions(c.annualisedAbsolute, y)).toEqual(c.absolute);
      }),
    );
  });

  it('compounding the annualised relative rate over the years gives back the ratio', () => {
    fc.assert(
      fc.property(measure, measure, fc.integer({ min: 1, max: 12 }), (b, a, y) => {
        const c = povertyChange(b, a, { years: y });
        const ratio = new Decimal(a.num.toString()).div(a.den.toString()).div(new Decimal(b.num.toString()).div(b.den.toString()));
        const back = c.annualisedRelative.plus(1).pow(y);
        expect(back.minus(ratio).abs().lte(new Decimal('1e-36').times(ratio.plus(1)).times(y))).toBe(true);
      }),
    );
  });
});
