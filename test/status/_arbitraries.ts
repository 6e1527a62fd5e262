import fc from 'fast-check';
import { HOUSEHOLD_STATUSES } from '../../src/standards/householdStatus.js';
import type { HouseholdStatus } from '../../src/standards/householdStatus.js';
import type { StatusHistoryInput } from '../../src/status/statusHistory.js';

/** Days since 1970 from 2015-01-01 to 2035-12-31. */
export const dayArb = fc.integer({ min: Date.UTC(2015, 0, 1) / 86_400_000, max: Date.UTC(2035, 11, 31) / 86_400_000 });

/** ISO text of a day number, computed with the UTC calendar of Date (independent of src/dates). */
export const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export const isoDateArb = dayArb.map(isoOfDay);

export const statusArb = fc.constantFrom<HouseholdStatus>(...HOUSEHOLD_STATUSES);

/** A valid history input: distinct dates, any order, statuses weighted towards poor / near-poor. */
export const historyInputArb: fc.Arbitrary<StatusHistoryInput> = fc
  .record({
    priorStatus: fc.option(statusArb, { nil: null }),
    records: fc.uniqueArray(
      fc.record({
        on: isoDateArb,
        status: fc.oneof(
          { weight: 3, arbitrary: fc.constant<HouseholdStatus>('poor') },
          { weight: 2, arbitrary: fc.constant<HouseholdStatus>('near-poor') },
          { weight: 1, arbitrary: statusArb },
        ),
      }),
      { selector: (r) => r.on, maxLength: 8 },
    ),
  })
  .map((h) => ({ priorStatus: h.priorStatus, records: h.records }));
