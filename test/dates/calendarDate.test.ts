import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareIsoDates,
  dateParts,
  daysInMonth,
  isLeapYear,
  isoDateFromParts,
  toIsoDate,
} from '../../src/dates/calendarDate.js';
import type { DateInput } from '../../src/dates/calendarDate.js';
import { firstIssue, firstIssueCode } from '../_helpers/errors.js';

describe('toIsoDate', () => {
  it('accepts real dates, including 29 February of leap years', () => {
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(toIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(toIsoDate('2023-12-31')).toBe('2023-12-31');
    expect(firstIssueCode(() => toIsoDate(' 2023-01-31 '))).toBe('invalid-date'); // spaces around a date are refused, as 2023-1-31 is
  });

  it('rejects impossible dates with invalid-date', () => {
    for (const bad of ['2023-02-30', '2023-02-29', '1900-02-29', '2100-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '0000-01-01']) {
      expect(firstIssueCode(() => toIsoDate(bad)), bad).toBe('invalid-date');
    }
  });

  it('rejects malformed text with invalid-date', () => {
    for (const bad of ['2023-2-3', '23-02-03', '03/02/2023', '2023-02-03T00:00:00Z', '', '2023-02-03x']) {
      expect(firstIssueCode(() => toIsoDate(bad)), bad).toBe('invalid-date');
    }
  });

  it('reads a Date on the clock the caller names: utc', () => {
    // 23:30 UTC on 31 Jan is already 1 Feb in Hà Nội (UTC+7), but the utc zone keeps 31 Jan.
    expect(toIsoDate({ date: new Date(Date.UTC(2024, 0, 31, 23, 30)), zone: 'utc' })).toBe('2024-01-31');
    expect(toIsoDate({ date: new Date('2024-02-29T00:00:00Z'), zone: 'utc' })).toBe('2024-02-29');
  });

  it('reads a Date on the local clock only when asked, whatever the machine zone', () => {
    // A Date built from local parts reads back the same local calendar day in any TZ.
    expect(toIsoDate({ date: new Date(2023, 10, 30, 0, 0), zone: 'local' })).toBe('2023-11-30');
    expect(toIsoDate({ date: new Date(2024, 1, 29, 23, 59), zone: 'local' })).toBe('2024-02-29');
  });

  it('refuses a bare Date, an invalid Date and other shapes', () => {
    expect(firstIssueCode(() => toIsoDate(new Date(Date.UTC(2024, 0, 1)) as unknown as DateInput))).toBe('invalid-date');
    expect(firstIssueCode(() => toIsoDate({ date: new Date(Number.NaN), zone: 'utc' }))).toBe('invalid-date');
    expect(firstIssueCode(() => toIsoDate({ date: new Date(0), zone: 'Asia/Ho_Chi_Minh' } as unknown as DateInput))).toBe('invalid-date');
    expect(firstIssueCode(() => toIsoDate(20240101 as unknown as DateInput))).toBe('invalid-date');
    expect(firstIssueCode(() => toIsoDate(null as unknown as DateInput))).toBe('invalid-date');
  });

  it('reports the path it is given', () => {
    expect(firstIssue(() => toIsoDate('2023-02-30', ['records', 2, 'on'])).path).toEqual(['records', 2, 'on']);
  });
});

describe('isLeapYear and daysInMonth', () => {
  it('follow the Gregorian rule: every 4th year, not centuries, except every 400th', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe('isoDateFromParts and dateParts', () => {
  it('builds checked dates and refuses impossible parts', () => {
    expect(isoDateFromParts({ year: 2026, month: 1, day: 31 })).toBe('2026-01-31');
    expect(firstIssueCode(() => isoDateFromParts({ year: 2027, month: 2, day: 29 }))).toBe('invalid-date');
    expect(firstIssueCode(() => isoDateFromParts({ year: 2027, month: 2.5, day: 1 }))).toBe('invalid-date');
    expect(firstIssueCode(() => isoDateFromParts({ year: 10000, month: 1, day: 1 }))).toBe('invalid-date');
    expect(dateParts(toIsoDate('2027-02-28'))).toEqual({ year: 2027, month: 2, day: 28 });
  });
});

describe('properties', () => {
  const utcDay = fc.integer({ min: Date.UTC(1, 0, 1) / 86_400_000, max: Date.UTC(9999, 11, 31) / 86_400_000 });

  it('a real day is accepted and an impossible day is refused, as the UTC calendar says', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const utc = new Date(0);
        utc.setUTCFullYear(y, m - 1, d);
        const exists = utc.getUTCMonth() === m - 1;
        const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        return exists ? toIsoDate(text) === text : firstIssueCode(() => toIsoDate(text)) === 'invalid-date';
      }),
    );
  });

  it('a UTC Date reads as its UTC calendar day, whatever the time of day', () => {
    fc.assert(
      fc.property(utcDay, fc.integer({ min: 0, max: 86_399_999 }), (day, ms) => {
        const date = new Date(day * 86_400_000 + ms);
        return toIsoDate({ date, zone: 'utc' }) === new Date(day * 86_400_000).toISOString().slice(0, 10);
      }),
    );
  });

  it('parse then print gives the date back, and string order is date order', () => {
    fc.assert(
      fc.property(utcDay, utcDay, (a, b) => {
        const da = toIsoDate(new Date(a * 86_400_000).toISOString().slice(0, 10));
        const db = toIsoDate(new Date(b * 86_400_000).toISOString().slice(0, 10));
        return isoDateFromParts(dateParts(da)) === da && compareIsoDates(da, db) === Math.sign(a - b);
      }),
    );
  });
});
