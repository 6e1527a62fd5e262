import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statusHistory, statusOn } from '../../src/status/statusHistory.js';
import type { StatusHistoryInput } from '../../src/status/statusHistory.js';
import { expectPure } from '../_helpers/purity.js';
import { issuesOf } from '../_helpers/errors.js';
import { historyInputArb, isoDateArb } from './_arbitraries.js';

// An illustrative household (not from a seed; seed 003 line 34 names the three target statuses):
// poor at the 2021 periodic review, escaped to near-poor at the 2022 review, above the line in 2024.
const input: StatusHistoryInput = {
  records: [
    { on: '2024-11-20', status: 'average', review: 'periodic' },
    { on: '2021-12-01', status: 'poor', review: 'periodic' },
    { on: '2022-12-10', status: 'near-poor', review: 'periodic' },
  ],
};

describe('statusHistory', () => {
  it('sorts records by date and freezes the result', () => {
    const h = expectPure(statusHistory, input);
    expect(h.records.map((r) => [r.on, r.status])).toEqual([
      ['2021-12-01', 'poor'],
      ['2022-12-10', 'near-poor'],
      ['2024-11-20', 'average'],
    ]);
    expect(h.priorStatus).toBeNull();
  });

  it('accepts Dates read on an explicit clock', () => {
    const h = statusHistory({ records: [{ on: { date: new Date(Date.UTC(2023, 0, 31, 20)), zone: 'utc' }, status: 'near-poor' }] });
    expect(h.records[0]?.on).toBe('2023-01-31');
  });

  it('refuses two statuses on one date, naming both records', () => {
    const issues = issuesOf(() =>
      statusHistory({ records: [{ on: '2023-12-01', status: 'poor' }, { on: '2022-12-01', status: 'poor' }, { on: '2023-12-01', status: 'near-poor' }] }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([['duplicate-status-date', ['records', 2, 'on']]]);
  });

  it('refuses records out of order when asked to, and lists every problem at once', () => {
    const issues = issuesOf(() =>
      statusHistory(
        { records: [{ on: '2023-12-01', status: 'poor' }, { on: '2023-02-30', status: 'poor' }, { on: '2022-12-01', status: 'near-poor' }] },
        { order: 'require-ascending' },
      ),
    );
    expect(issues.map((i) => i.code)).toEqual(['invalid-date', 'history-out-of-order']);
  });

  it('refuses a periodic-review record outside 1 September – 14 December (QĐ 24/2021 Art. 3)', () => {
    expect(issuesOf(() => statusHistory({ records: [{ on: '2023-12-15', status: 'poor', review: 'periodic' }] })).map((i) => i.code)).toEqual([
      'outside-review-season',
    ]);
    expect(issuesOf(() => statusHistory({ records: [{ on: '2023-08-31', status: 'poor', review: 'periodic' }] })).map((i) => i.code)).toEqual([
      'outside-review-season',
    ]);
    expect(statusHistory({ records: [{ on: '2023-09-01', status: 'poor', review: 'periodic' }, { on: '2024-12-14', status: 'poor', review: 'periodic' }] }).records).toHaveLength(2);
    expect(statusHistory({ records: [{ on: '2023-03-20', status: 'poor', review: 'regular' }] }).records).toHaveLength(1);
  });

  it('refuses bad shapes with typed issues', () => {
    expect(issuesOf(() => statusHistory({ records: [{ on: '2023-01-01', status: 'rich' }] } as unknown as StatusHistoryInput))[0]?.code).toBe('invalid-input');
    expect(issuesOf(() => statusHistory({} as unknown as StatusHistoryInput))[0]?.code).toBe('missing-field');
    expect(issuesOf(() => statusHistory({ records: [{ on: new Date(0), status: 'poor' }] } as unknown as StatusHistoryInput))[0]?.code).toBe('invalid-input');
  });
});

describe('statusOn', () => {
  const h = statusHistory(input);
  it('a recognition takes effect on its date', () => {
    expect(statusOn(h, '2021-11-30')).toBeNull();
    expect(statusOn(h, '2021-12-01')).toBe('poor');
    expect(statusOn(h, '2022-12-09')).toBe('poor');
    expect(statusOn(h, '2022-12-10')).toBe('near-poor');
    expect(statusOn(h, '2030-01-01')).toBe('average');
  });
  it('uses priorStatus before the first record', () => {
    expect(statusOn(statusHistory({ priorStatus: 'poor', records: [{ on: '2023-01-31', status: 'near-poor' }] }), '2022-06-01')).toBe('poor');
    expect(statusOn(statusHistory({ priorStatus: 'poor', records: [] }), '2022-06-01')).toBe('poor');
  });
  it('refuses an impossible date', () => {
    expect(issuesOf(() => statusOn(h, '2023-02-29'))[0]?.code).toBe('invalid-date');
  });
});

describe('properties', () => {
  it('statusOn is the status of the latest record on or before the date (linear scan)', () => {
    fc.assert(
      fc.property(historyInputArb, isoDateArb, (hi, d) => {
        const h = statusHistory(hi);
        const earlier = hi.records.filter((r) => (r.on as string) <= d).sort((a, b) => ((a.on as string) < (b.on as string) ? -1 : 1));
        const expected = earlier.length > 0 ? earlier[earlier.length - 1]!.status : (hi.priorStatus ?? null);
        return statusOn(h, d) === expected;
      }),
    );
  });

  it('results do not depend on the order of the history', () => {
    fc.assert(
      fc.property(historyInputArb.chain((hi) => fc.tuple(fc.constant(hi), fc.shuffledSubarray([...hi.records], { minLength: hi.records.length }))), ([hi, shuffled]) => {
        expect(statusHistory({ ...hi, records: shuffled })).toEqual(statusHistory(hi));
      }),
    );
  });

  it('a validated history is in strictly increasing date order and frozen', () => {
    fc.assert(
      fc.property(historyInputArb, (hi) => {
        const h = statusHistory(hi);
        return Object.isFrozen(h) && Object.isFrozen(h.records) && h.records.every((r, i) => i === 0 || h.records[i - 1]!.on < r.on);
      }),
    );
  });
});

describe('types', () => {
  it('statusOn takes only a validated history', () => {
    const raw = { records: [{ on: '2023-01-01', status: 'poor' as const }] };
    // @ts-expect-error a raw input is not a validated StatusHistory: validate it with statusHistory first
    const unchecked = (): unknown => statusOn(raw, '2023-01-01');
    expect(typeof unchecked).toBe('function');
    expect(statusOn(statusHistory(raw), '2023-01-01')).toBe('poor');
  });
});
