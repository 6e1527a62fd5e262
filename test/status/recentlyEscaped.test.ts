import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateFnsAddMonths } from '../_helpers/dateFnsUtc.js';
import { statusHistory } from '../../src/status/statusHistory.js';
import {
  isRecentlyEscaped,
  isWithinWindow,
  recentlyEscapedOn,
  recentlyEscapedUntil,
  windowAnchors,
  hasEscapedPoverty,
} from '../../src/status/recentlyEscaped.js';
import { POLICY_WINDOWS, resolvePolicyWindow } from '../../src/status/policyWindows.js';
import type { PolicyWindow } from '../../src/status/policyWindows.js';
import type { HouseholdStatus } from '../../src/standards/householdStatus.js';
import { expectDeepFrozen, expectPure } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { dayArb, historyInputArb, isoDateArb, isoOfDay } from './_arbitraries.js';

/**
 * The Civil Code rule computed independently of src/dates: date-fns addMonths (which clamps to the
 * month's last day), on the UTC calendar so that it holds in every time zone.
 */
function civilCodeLastDay(anchor: string, months: number): string {
  return dateFnsAddMonths(anchor, months);
}

describe('recentlyEscapedUntil (36 months, QĐ 90/QĐ-TTg; Civil Code Art. 147–148)', () => {
  it('gives the three dates of the issue', () => {
    expect(recentlyEscapedUntil('2023-01-31')).toBe('2026-01-31');
    expect(recentlyEscapedUntil('2024-02-29')).toBe('2027-02-28');
    expect(recentlyEscapedUntil('2023-11-30')).toBe('2026-11-30');
  });

  it('handles every month end', () => {
    const cases: Array<[string, string]> = [
      ['2023-01-31', '2026-01-31'],
      ['2023-02-28', '2026-02-28'],
      ['2023-03-31', '2026-03-31'],
      ['2023-04-30', '2026-04-30'],
      ['2023-05-31', '2026-05-31'],
      ['2023-06-30', '2026-06-30'],
      ['2023-07-31', '2026-07-31'],
      ['2023-08-31', '2026-08-31'],
      ['2023-09-30', '2026-09-30'],
      ['2023-10-31', '2026-10-31'],
      ['2023-11-30', '2026-11-30'],
      ['2023-12-31', '2026-12-31'],
      ['2021-02-28', '2024-02-28'], // not 29: the corresponding day exists
      ['2025-02-28', '2028-02-28'],
      ['2024-02-29', '2027-02-28'], // no 29 Feb in 2027: the last day of the month
      ['2028-02-29', '2031-02-28'],
    ];
    for (const [anchor, until] of cases) expect(recentlyEscapedUntil(anchor), anchor).toBe(until);
  });

  it('asks about a named policy, not a hard-coded 36', () => {
    expect(recentlyEscapedUntil('2024-02-29', { window: 'social-policy-credit' })).toBe('2027-02-28');
    expect(recentlyEscapedUntil('2024-02-29', { window: 'health-insurance-support' })).toBe('2029-02-28');
    expect(recentlyEscapedUntil('2020-02-29', { window: 'health-insurance-support' })).toBe('2025-02-28');
    const own: PolicyWindow = { ...POLICY_WINDOWS['ntp-sprr-2021-2025'], id: 'province-x', length: { months: 24 } };
    expect(recentlyEscapedUntil('2023-01-31', { window: own })).toBe('2025-01-31');
  });

  it('offers the other bound as a named option', () => {
    expect(recentlyEscapedUntil('2023-01-31', { bound: 'before-corresponding-day' })).toBe('2026-01-30');
    expect(recentlyEscapedUntil('2024-02-29', { bound: 'before-corresponding-day' })).toBe('2027-02-27');
  });

  it('refuses impossible dates and unknown windows', () => {
    expect(firstIssueCode(() => recentlyEscapedUntil('2023-02-30'))).toBe('invalid-date');
    expect(firstIssueCode(() => recentlyEscapedUntil('2023-01-31', { window: 'tin-dung' as never }))).toBe('unknown-window');
    expect(firstIssueCode(() => recentlyEscapedUntil('2023-01-31', { bound: 'inclusive' as never }))).toBe('invalid-window');
    expect(firstIssueCode(() => recentlyEscapedUntil('2023-01-31', { window: { id: 'x' } as never }))).toBe('invalid-window');
  });

  it('windows are frozen data with sources', () => {
    expectDeepFrozen(POLICY_WINDOWS);
    for (const w of Object.values(POLICY_WINDOWS)) expect(w.source.length).toBeGreaterThan(10);
    expect(POLICY_WINDOWS['health-insurance-support'].confidence).toBe('unconfirmed');
    expect(resolvePolicyWindow({ window: 'social-policy-credit', bound: 'before-corresponding-day' }).bound).toBe('before-corresponding-day');
  });
});

describe('isWithinWindow', () => {
  it('includes both the recognition day and the last day', () => {
    expect(isWithinWindow('2023-01-31', '2023-01-31')).toBe(true);
    expect(isWithinWindow('2023-01-31', '2023-01-30')).toBe(false);
    expect(isWithinWindow('2023-01-31', '2026-01-31')).toBe(true);
    expect(isWithinWindow('2023-01-31', '2026-02-01')).toBe(false);
    expect(isWithinWindow('2024-02-29', '2027-02-28')).toBe(true);
    expect(isWithinWindow('2024-02-29', '2027-03-01')).toBe(false);
    expect(isWithinWindow('2023-11-30', '2026-11-30')).toBe(true);
    expect(isWithinWindow('2023-11-30', '2026-12-01')).toBe(false);
  });
});

describe('recentlyEscapedOn', () => {
  const escaped = statusHistory({ records: [{ on: '2021-12-01', status: 'poor' }, { on: '2023-01-31', status: 'near-poor' }] });

  it('is recently escaped through the last day, not after', () => {
    const f = expectPure(recentlyEscapedOn, escaped, { asOf: '2026-01-31' });
    expect(f).toEqual({
      asOf: '2026-01-31',
      windowId: 'ntp-sprr-2021-2025',
      status: 'near-poor',
      recentlyEscaped: true,
      reason: 'within-window',
      anchor: '2023-01-31',
      until: '2026-01-31',
      source: POLICY_WINDOWS['ntp-sprr-2021-2025'].source,
    });
    expect(recentlyEscapedOn(escaped, { asOf: '2026-02-01' }).reason).toBe('window-ended');
    expect(recentlyEscapedOn(escaped, { asOf: '2023-01-30' }).reason).toBe('no-escape');
  });

  it('a household poor again is not recently escaped; a second escape opens a new window', () => {
    const h = statusHistory({
      records: [
        { on: '2021-12-01', status: 'poor' },
        { on: '2022-12-01', status: 'non-poor' },
        { on: '2023-12-01', status: 'poor' },
        { on: '2024-12-01', status: 'near-poor' },
      ],
    });
    expect(isRecentlyEscaped(h, { asOf: '2023-11-30' })).toBe(true);
    expect(recentlyEscapedOn(h, { asOf: '2024-06-01' })).toMatchObject({ recentlyEscaped: false, reason: 'status-does-not-qualify', status: 'poor' });
    expect(recentlyEscapedOn(h, { asOf: '2027-12-01' })).toMatchObject({ recentlyEscaped: true, anchor: '2024-12-01', until: '2027-12-01' });
    expect(windowAnchors(h)).toEqual(['2022-12-01', '2024-12-01']);
  });

  it('moving from near-poor to average does not restart the window', () => {
    const h = statusHistory({ priorStatus: 'poor', records: [{ on: '2023-01-31', status: 'near-poor' }, { on: '2024-12-01', status: 'average' }] });
    expect(recentlyEscapedOn(h, { asOf: '2025-06-01' })).toMatchObject({ recentlyEscaped: true, anchor: '2023-01-31', until: '2026-01-31' });
    expect(isRecentlyEscaped(h, { asOf: '2026-02-01' })).toBe(false);
  });

  it('the credit window counts from leaving both lists and needs income above the near-poor line', () => {
    const h = statusHistory({ records: [{ on: '2021-12-01', status: 'poor' }, { on: '2022-12-01', status: 'near-poor' }, { on: '2023-12-01', status: 'average' }] });
    expect(recentlyEscapedOn(h, { asOf: '2023-01-01', window: 'social-policy-credit' })).toMatchObject({ recentlyEscaped: false, reason: 'no-escape' });
    expect(recentlyEscapedOn(h, { asOf: '2026-12-01', window: 'social-policy-credit' })).toMatchObject({ recentlyEscaped: true, anchor: '2023-12-01' });
    expect(isRecentlyEscaped(h, { asOf: '2026-12-02', window: 'social-policy-credit' })).toBe(false);
  });

  it('the health-insurance window only covers near-poor households', () => {
    const h = statusHistory({ priorStatus: 'poor', records: [{ on: '2023-01-31', status: 'near-poor' }, { on: '2024-12-01', status: 'average' }] });
    expect(isRecentlyEscaped(h, { asOf: '2024-11-30', window: 'health-insurance-support' })).toBe(true);
    expect(recentlyEscapedOn(h, { asOf: '2024-12-01', window: 'health-insurance-support' }).reason).toBe('status-does-not-qualify');
  });

  it('needs a date: the core never reads the clock', () => {
    expect(firstIssueCode(() => recentlyEscapedOn(escaped, {} as never))).toBe('invalid-date');
  });
});

describe('properties', () => {
  it('"inside the window" agrees with the Civil Code rule computed independently', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom(12, 36, 60), fc.oneof(dayArb.map((d) => ({ d })), fc.integer({ min: -20, max: 20 }).map((k) => ({ k }))), (a, months, q) => {
        const anchor = isoOfDay(a);
        // Half the query dates fall within 20 days of the window's end, where off-by-one errors live.
        const date = 'd' in q ? isoOfDay(q.d) : isoOfDay(a + Math.round(months * 30.436875) + q.k);
        const window: PolicyWindow = { ...POLICY_WINDOWS['ntp-sprr-2021-2025'], length: { months } };
        const inside = anchor <= date && date <= civilCodeLastDay(anchor, months);
        return isWithinWindow(anchor, date, { window }) === inside;
      }),
    );
  });

  it('a recently escaped household holds a qualifying status and escaped at most 36 months before (independent rule)', () => {
    fc.assert(
      fc.property(historyInputArb, isoDateArb, fc.integer({ min: -3, max: 3 }), fc.boolean(), (hi, randomDate, k, nearEnd) => {
        const h = statusHistory(hi);
        // Half the time ask about a day next to the end of the latest window.
        const anchors = windowAnchors(h);
        const last = anchors[anchors.length - 1];
        const d = nearEnd && last !== undefined ? isoOfDay(Date.parse(`${civilCodeLastDay(last, 36)}T00:00:00Z`) / 86_400_000 + k) : randomDate;
        const f = recentlyEscapedOn(h, { asOf: d });
        // Independent: walk the sorted input records by hand.
        const recs = [...hi.records].map((r) => ({ on: r.on as string, status: r.status })).sort((x, y) => (x.on < y.on ? -1 : 1));
        let prev: HouseholdStatus | null = hi.priorStatus ?? null;
        let anchor: string | null = null;
        let status: HouseholdStatus | null = hi.priorStatus ?? null;
        for (const r of recs) {
          if (r.on > d) break;
          if (prev === 'poor' && r.status !== 'poor') anchor = r.on;
          prev = r.status;
          status = r.status;
        }
        const expected = anchor !== null && status !== null && status !== 'poor' && d <= civilCodeLastDay(anchor, 36);
        return f.recentlyEscaped === expected && (status !== 'poor' || !f.recentlyEscaped);
      }),
    );
  });

  it('results do not depend on the order of the history', () => {
    fc.assert(
      fc.property(
        historyInputArb.chain((hi) => fc.tuple(fc.constant(hi), fc.shuffledSubarray([...hi.records], { minLength: hi.records.length }))),
        isoDateArb,
        ([hi, shuffled], d) => {
          expect(recentlyEscapedOn(statusHistory({ ...hi, records: shuffled }), { asOf: d })).toEqual(recentlyEscapedOn(statusHistory(hi), { asOf: d }));
        },
      ),
    );
  });

  it('the window end is never before the anchor and the other bound is exactly one day earlier', () => {
    fc.assert(
      fc.property(isoDateArb, (a) => {
        const end = recentlyEscapedUntil(a);
        const before = recentlyEscapedUntil(a, { bound: 'before-corresponding-day' });
        return end > a && before < end && isoOfDay(Date.parse(`${end}T00:00:00Z`) / 86_400_000 - 1) === before;
      }),
    );
  });
});

describe('hasEscapedPoverty', () => {
  it('tells a household that escaped before from one that never did', () => {
    const h = statusHistory({ records: [{ on: '2021-12-01', status: 'poor' }, { on: '2022-12-01', status: 'non-poor' }, { on: '2023-12-01', status: 'poor' }] });
    expect(hasEscapedPoverty(h, { asOf: '2022-11-30' })).toBe(false);
    expect(hasEscapedPoverty(h, { asOf: '2022-12-01' })).toBe(true);
    expect(hasEscapedPoverty(h, { asOf: '2030-01-01' })).toBe(true);
    expect(hasEscapedPoverty(statusHistory({ records: [{ on: '2021-12-01', status: 'near-poor' }, { on: '2022-12-01', status: 'non-poor' }] }), { asOf: '2030-01-01' })).toBe(false);
  });
});

describe('a date with spaces or a line break around it is refused, as 2024-2-29 is', () => {
  it('recentlyEscapedUntil and statusHistory name the field and the text as given', () => {
    for (const text of [' 2024-02-29', '2024-02-29\n', '2024-02-29 ', '2024-2-29']) {
      expect(firstIssueCode(() => recentlyEscapedUntil(text))).toBe('invalid-date');
      expect(firstIssueCode(() => statusHistory({ records: [{ on: text, status: 'poor' }] }))).toBe('invalid-date');
    }
  });

  it('the same date written plainly is accepted', () => {
    expect(recentlyEscapedUntil('2024-02-29')).toBe('2027-02-28');
    expect(statusHistory({ records: [{ on: '2024-02-29', status: 'poor' }] }).records[0]!.on).toBe('2024-02-29');
  });
});
