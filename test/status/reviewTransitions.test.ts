import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reviewTransitions, statusChange } from '../../src/status/reviewTransitions.js';
import type { AreaTransitions, ReviewEntry } from '../../src/status/reviewTransitions.js';
import type { HouseholdStatus } from '../../src/standards/householdStatus.js';
import { expectPure } from '../_helpers/purity.js';
import { issuesOf } from '../_helpers/errors.js';
import { statusArb } from './_arbitraries.js';

/** `n` households of an area with one status, ids `${area}-${prefix}${i}`. */
const households = (area: string, prefix: string, n: number, status: HouseholdStatus): ReviewEntry[] =>
  Array.from({ length: n }, (_, i) => ({ householdId: `${area}-${prefix}${i}`, area, status }));

const reconciles = (a: AreaTransitions): boolean =>
  a.poor.start + a.poor.newlyPoor + a.poor.rePoor + a.poor.movedIn - a.poor.escaped - a.poor.movedOut === a.poor.end &&
  a.nearPoor.start + a.nearPoor.newlyNearPoor + a.nearPoor.reNearPoor + a.nearPoor.fromPoor + a.nearPoor.movedIn - a.nearPoor.escaped - a.nearPoor.toPoor - a.nearPoor.movedOut ===
    a.nearPoor.end &&
  [a.summary.poor, a.summary.nearPoor].every((f) => f.start + f.newly + f.re + f.movedIn - f.exits - f.movedOut === f.end) &&
  a.households.start + a.households.movedIn - a.households.movedOut === a.households.end;

describe('reviewTransitions', () => {
  it('reproduces the Nhà Bàng row of the Tịnh Biên 2024 plan (seed 001 line 124): 18 − 1 = 17 poor, 95 − 5 = 90 near-poor', () => {
    // 3.339 households; the plan's exits leave both lists (the remaining near-poor count is 95 − 5).
    const start = [
      ...households('NB', 'p', 18, 'poor'),
      ...households('NB', 'n', 95, 'near-poor'),
      ...households('NB', 'o', 3_339 - 18 - 95, 'non-poor'),
    ];
    const end = start.map((h) =>
      h.householdId === 'NB-p0' ? { ...h, status: 'average' as const } : /^NB-n[0-4]$/.test(h.householdId) ? { ...h, status: 'average' as const } : h,
    );
    const t = expectPure(reviewTransitions, start, end);
    expect(t.areas).toHaveLength(1);
    expect(t.areas[0]?.poor).toEqual({ start: 18, newlyPoor: 0, rePoor: 0, movedIn: 0, escaped: 1, movedOut: 0, end: 17 });
    expect(t.areas[0]?.nearPoor).toEqual({ start: 95, newlyNearPoor: 0, reNearPoor: 0, fromPoor: 0, movedIn: 0, escaped: 5, toPoor: 0, movedOut: 0, end: 90 });
    expect(t.areas[0]?.households).toEqual({ start: 3_339, movedIn: 0, movedOut: 0, end: 3_339 });
    expect(t.households.filter((h) => h.change === 'escaped-poverty').map((h) => h.householdId)).toEqual(['NB-p0']);
  });

  it('names every flow: escaped, newly poor, re-poor, newly near-poor, fell into poverty', () => {
    const start: ReviewEntry[] = [
      { householdId: 'a', area: 'X', status: 'poor' },
      { householdId: 'b', area: 'X', status: 'poor' },
      { householdId: 'c', area: 'X', status: 'near-poor' },
      { householdId: 'd', area: 'X', status: 'near-poor', everEscapedPoverty: true },
      { householdId: 'e', area: 'X', status: 'average' },
      { householdId: 'f', area: 'X', status: 'non-poor' },
      { householdId: 'g', area: 'X', status: 'near-poor' },
    ];
    const end: ReviewEntry[] = [
      { householdId: 'a', area: 'X', status: 'near-poor' },
      { householdId: 'b', area: 'X', status: 'non-poor' },
      { householdId: 'c', area: 'X', status: 'poor' },
      { householdId: 'd', area: 'X', status: 'poor' },
      { householdId: 'e', area: 'X', status: 'near-poor' },
      { householdId: 'f', area: 'X', status: 'average' },
      { householdId: 'g', area: 'X', status: 'average' },
    ];
    const t = reviewTransitions(start, end);
    expect(t.households.map((h) => h.change)).toEqual(['escaped-poverty', 'escaped-poverty', 'newly-poor', 're-poor', 'newly-near-poor', 'changed-band', 'escaped-near-poverty']);
    expect(t.areas[0]?.poor).toEqual({ start: 2, newlyPoor: 1, rePoor: 1, movedIn: 0, escaped: 2, movedOut: 0, end: 2 });
    expect(t.areas[0]?.nearPoor).toEqual({ start: 3, newlyNearPoor: 1, reNearPoor: 0, fromPoor: 1, movedIn: 0, escaped: 1, toPoor: 2, movedOut: 0, end: 2 });
  });

  it('re-near-poor (tái cận nghèo) and newly near-poor (cận nghèo phát sinh); the summary form balances for both statuses', () => {
    const start: ReviewEntry[] = [
      { householdId: 'a', area: 'X', status: 'average', everEscapedNearPoverty: true },
      { householdId: 'b', area: 'X', status: 'non-poor' },
      { householdId: 'c', area: 'X', status: 'poor', everEscapedNearPoverty: true },
      { householdId: 'd', area: 'X', status: 'poor' },
      { householdId: 'e', area: 'X', status: 'near-poor' },
      { householdId: 'f', area: 'X', status: 'near-poor' },
      { householdId: 'g', area: 'X', status: 'near-poor' },
    ];
    const end: ReviewEntry[] = [
      { householdId: 'a', area: 'X', status: 'near-poor' },
      { householdId: 'b', area: 'X', status: 'near-poor' },
      { householdId: 'c', area: 'X', status: 'near-poor' },
      { householdId: 'd', area: 'X', status: 'near-poor' },
      { householdId: 'e', area: 'X', status: 'average' },
      { householdId: 'f', area: 'X', status: 'poor' },
      { householdId: 'g', area: 'X', status: 'near-poor' },
    ];
    const t = reviewTransitions(start, end);
    expect(t.households.map((h) => h.change)).toEqual(['re-near-poor', 'newly-near-poor', 'escaped-poverty', 'escaped-poverty', 'escaped-near-poverty', 'newly-poor', 'unchanged']);
    const x = t.areas[0]!;
    expect(x.nearPoor).toEqual({ start: 3, newlyNearPoor: 1, reNearPoor: 2, fromPoor: 1, movedIn: 0, escaped: 1, toPoor: 1, movedOut: 0, end: 5 });
    // Mẫu số 3: start + phát sinh + tái − thoát = end, for the poor and for the near-poor
    expect(x.summary.nearPoor).toEqual({ start: 3, exits: 2, re: 2, newly: 2, movedIn: 0, movedOut: 0, end: 5 });
    expect(x.summary.poor).toEqual({ start: 2, exits: 2, re: 0, newly: 1, movedIn: 0, movedOut: 0, end: 1 });
    expect(t.total.summary).toEqual(x.summary);
    expect(statusChange('average', 'near-poor', false, true)).toBe('re-near-poor');
    expect(statusChange('average', 'near-poor', false)).toBe('newly-near-poor');
  });

  it('counts moves out of one area and into another, and entries and departures', () => {
    const start: ReviewEntry[] = [
      { householdId: 'm', area: 'A', status: 'poor' },
      { householdId: 'l', area: 'A', status: 'near-poor' },
    ];
    const end: ReviewEntry[] = [
      { householdId: 'm', area: 'B', status: 'near-poor' },
      { householdId: 'n', area: 'B', status: 'poor' },
    ];
    const t = reviewTransitions(start, end, { areas: ['C', 'B', 'A'] });
    expect(t.areas.map((a) => a.area)).toEqual(['C', 'B', 'A']);
    const [c, b, a] = t.areas;
    expect(c?.poor.start).toBe(0);
    expect(a?.poor).toMatchObject({ start: 1, movedOut: 1, end: 0 });
    expect(a?.nearPoor).toMatchObject({ start: 1, movedOut: 1, end: 0 });
    // m arrives in B poor and escapes there; n enters the lists poor.
    expect(b?.poor).toEqual({ start: 0, newlyPoor: 0, rePoor: 0, movedIn: 2, escaped: 1, movedOut: 0, end: 1 });
    expect(b?.nearPoor).toMatchObject({ fromPoor: 1, end: 1 });
    expect(t.households.map((h) => [h.householdId, h.movement, h.change])).toEqual([
      ['l', 'left', null],
      ['m', 'moved', 'escaped-poverty'],
      ['n', 'entered', null],
    ]);
    expect(t.total.poor).toEqual({ start: 1, newlyPoor: 0, rePoor: 0, movedIn: 2, escaped: 1, movedOut: 1, end: 1 });
  });

  it('refuses a household listed twice, and bad shapes', () => {
    const dup = [
      { householdId: 'a', area: 'X', status: 'poor' as const },
      { householdId: 'a', area: 'Y', status: 'poor' as const },
    ];
    expect(issuesOf(() => reviewTransitions(dup, [])).map((i) => [i.code, i.path])).toEqual([['duplicate-household', ['start', 1, 'householdId']]]);
    expect(issuesOf(() => reviewTransitions([{ householdId: '', area: 'X', status: 'poor' }], []))[0]?.code).toBe('invalid-input');
    expect(issuesOf(() => reviewTransitions([{ householdId: 'a', area: 'X', status: 'rich' as never }], []))[0]?.code).toBe('invalid-input');
  });

  it('statusChange covers every pair', () => {
    expect(statusChange('poor', 'poor', true)).toBe('unchanged');
    expect(statusChange('average', 'poor', false)).toBe('newly-poor');
    expect(statusChange('non-poor', 'poor', true)).toBe('re-poor');
    expect(statusChange('near-poor', 'non-poor', false)).toBe('escaped-near-poverty');
    expect(statusChange('non-poor', 'near-poor', false)).toBe('newly-near-poor');
    expect(statusChange('non-poor', 'average', false)).toBe('changed-band');
  });
});

describe('properties', () => {
  const areaArb = fc.constantFrom('A', 'B', 'C', 'D');
  const entryArb = fc.record({ area: areaArb, status: statusArb, everEscapedPoverty: fc.boolean(), everEscapedNearPoverty: fc.boolean() });
  /** Households with an optional start and end entry each. */
  const listsArb = fc
    .array(fc.record({ s: fc.option(entryArb, { nil: undefined }), e: fc.option(entryArb, { nil: undefined }) }), { maxLength: 60 })
    .map((rows) => {
      const start: ReviewEntry[] = [];
      const end: ReviewEntry[] = [];
      rows.forEach((r, i) => {
        if (r.s) start.push({ householdId: `h${i}`, ...r.s });
        if (r.e) end.push({ householdId: `h${i}`, area: r.e.area, status: r.e.status });
      });
      return { start, end };
    });

  it('transition counts reconcile start and end in every area and in the total', () => {
    fc.assert(
      fc.property(listsArb, ({ start, end }) => {
        const t = reviewTransitions(start, end);
        return [...t.areas, t.total].every(reconciles);
      }),
    );
  });

  it('start and end counts are the counts of the lists', () => {
    fc.assert(
      fc.property(listsArb, ({ start, end }) => {
        const t = reviewTransitions(start, end);
        const count = (list: ReviewEntry[], area: string, status?: HouseholdStatus): number =>
          list.filter((h) => h.area === area && (status === undefined || h.status === status)).length;
        return t.areas.every(
          (a) =>
            a.poor.start === count(start, a.area, 'poor') &&
            a.poor.end === count(end, a.area, 'poor') &&
            a.nearPoor.start === count(start, a.area, 'near-poor') &&
            a.nearPoor.end === count(end, a.area, 'near-poor') &&
            a.households.start === count(start, a.area) &&
            a.households.end === count(end, a.area),
        );
      }),
    );
  });

  it('results do not depend on the order of the lists', () => {
    fc.assert(
      fc.property(
        listsArb.chain(({ start, end }) =>
          fc.tuple(fc.constant({ start, end }), fc.shuffledSubarray(start, { minLength: start.length }), fc.shuffledSubarray(end, { minLength: end.length })),
        ),
        ([lists, s2, e2]) => {
          expect(reviewTransitions(s2, e2)).toEqual(reviewTransitions(lists.start, lists.end));
        },
      ),
    );
  });

  it('every household escaping poverty is counted once as escaped, in the total', () => {
    fc.assert(
      fc.property(listsArb, ({ start, end }) => {
        const t = reviewTransitions(start, end);
        const ends = new Map(end.map((h) => [h.householdId, h.status]));
        const escaped = start.filter((h) => h.status === 'poor' && ends.has(h.householdId) && ends.get(h.householdId) !== 'poor').length;
        return t.total.poor.escaped === escaped;
      }),
    );
  });
});
