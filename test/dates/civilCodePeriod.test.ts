import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCalendarMonths, periodEnd, periodMonths } from '../../src/dates/civilCodePeriod.js';
import { addDays, dateFromEpochDay, epochDay } from '../../src/dates/addDays.js';
import type { PeriodLength } from '../../src/dates/civilCodePeriod.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { dateFnsAddMonths } from '../_helpers/dateFnsUtc.js';

describe('addCalendarMonths (Civil Code 2015, Art. 148 cl. 1)', () => {
  it('ends on the corresponding day of the last month (issue examples)', () => {
    expect(addCalendarMonths('2023-01-31', 36)).toBe('2026-01-31');
    expect(addCalendarMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addCalendarMonths('2023-11-30', 36)).toBe('2026-11-30');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addCalendarMonths('2023-03-31', 1)).toBe('2023-04-30');
    expect(addCalendarMonths('2023-05-31', 36)).toBe('2026-05-31');
    expect(addCalendarMonths('2023-08-31', 37)).toBe('2026-09-30');
    expect(addCalendarMonths('2025-02-28', 36)).toBe('2028-02-28');
    expect(addCalendarMonths('2020-02-29', 48)).toBe('2024-02-29');
    expect(addCalendarMonths('2096-02-29', 48)).toBe('2100-02-28');
    expect(addCalendarMonths('1996-02-29', 48)).toBe('2000-02-29');
  });

  it('crosses year ends and goes backwards', () => {
    expect(addCalendarMonths('2023-12-15', 1)).toBe('2024-01-15');
    expect(addCalendarMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-01-15', -13)).toBe('2022-12-15');
    expect(addCalendarMonths('2024-01-15', 0)).toBe('2024-01-15');
  });

  it('accepts a Date read on an explicit clock', () => {
    expect(addCalendarMonths({ date: new Date(Date.UTC(2024, 1, 29, 23, 59)), zone: 'utc' }, 36)).toBe('2027-02-28');
  });

  it('refuses impossible dates and fractional counts', () => {
    expect(firstIssueCode(() => addCalendarMonths('2023-02-30', 1))).toBe('invalid-date');
    expect(firstIssueCode(() => addCalendarMonths('2023-01-31', 1.5))).toBe('invalid-period');
    expect(firstIssueCode(() => addCalendarMonths('2023-01-31', Number.NaN))).toBe('invalid-period');
    expect(firstIssueCode(() => addCalendarMonths('9999-12-01', 1))).toBe('invalid-date');
  });
});

describe('periodEnd and periodMonths', () => {
  it('counts years as 12 months, so 29 Feb + 3 years ends on 28 Feb', () => {
    expect(periodEnd('2024-02-29', { years: 3 })).toBe('2027-02-28');
    expect(periodEnd('2023-11-30', { months: 36 })).toBe('2026-11-30');
    expect(periodMonths({ years: 5 })).toBe(60);
    expect(periodMonths({ months: 0 })).toBe(0);
  });

  it('refuses negative, fractional and malformed lengths', () => {
    for (const bad of [{ months: -1 }, { years: 1.5 }, { weeks: 3 }, { months: 1, years: 1 }, {}, null, { months: '36' }]) {
      expect(firstIssueCode(() => periodMonths(bad as unknown as PeriodLength)), JSON.stringify(bad)).toBe('invalid-period');
    }
  });
});

describe('addDays and epochDay', () => {
  it('step over month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(epochDay('1970-01-01')).toBe(0);
    expect(dateFromEpochDay(19782)).toBe('2024-02-29');
    expect(firstIssueCode(() => addDays('2024-01-01', 0.5))).toBe('invalid-date');
  });
});

describe('properties', () => {
  const dayNumber = fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 });
  const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

  it('adding months agrees with date-fns addMonths (month-end clamped)', () => {
    fc.assert(fc.property(dayNumber, fc.integer({ min: -240, max: 240 }), (day, n) => addCalendarMonths(isoOf(day), n) === dateFnsAddMonths(isoOf(day), n)));
  });

  it('the end day is the anchor day, or the last day of the target month when the anchor day is later', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: 0, max: 120 }), (day, n) => {
        const anchor = isoOf(day);
        const end = addCalendarMonths(anchor, n);
        const anchorDay = Number(anchor.slice(8));
        const endDay = Number(end.slice(8));
        const next = isoOf(epochDay(end) + 1);
        const endIsMonthEnd = next.slice(8) === '01';
        return endDay === anchorDay || (endDay < anchorDay && endIsMonthEnd);
      }),
    );
  });

  it('epochDay agrees with Date.UTC, and dateFromEpochDay inverts it', () => {
    fc.assert(fc.property(dayNumber, (day) => epochDay(isoOf(day)) === day && dateFromEpochDay(day) === isoOf(day)));
  });

  it('adding days then subtracting them gives the date back', () => {
    fc.assert(fc.property(dayNumber, fc.integer({ min: -5000, max: 5000 }), (day, n) => addDays(addDays(isoOf(day), n), -n) === isoOf(day)));
  });
});
