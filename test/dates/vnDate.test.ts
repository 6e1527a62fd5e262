import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isoDateFromParts } from '../../src/dates/calendarDate.js';
import { formatVnDate, parseVnDate } from '../../src/dates/vnDate.js';
import { firstIssue, firstIssueCode } from '../_helpers/errors.js';

describe('parseVnDate', () => {
  it('reads ISO, day-first and “ngày … tháng … năm …” dates', () => {
    expect(parseVnDate('2024-10-15')).toBe('2024-10-15');
    expect(parseVnDate('15/10/2024')).toBe('2024-10-15');
    expect(parseVnDate('5/1/2025')).toBe('2025-01-05');
    expect(parseVnDate('05/01/2025')).toBe('2025-01-05');
    expect(parseVnDate('15-10-2024')).toBe('2024-10-15');
    expect(parseVnDate('15.10.2024')).toBe('2024-10-15');
    expect(parseVnDate(' ngày 15 tháng 10 năm 2024 ')).toBe('2024-10-15');
    expect(parseVnDate('Ngày 05 tháng 02 năm 2025')).toBe('2025-02-05');
    expect(parseVnDate('15 tháng 3 năm 2025')).toBe('2025-03-15');
    expect(parseVnDate('ngay 15 thang 10 nam 2024')).toBe('2024-10-15');
    // decomposed (NFD) letters, as macOS keyboards type them
    expect(parseVnDate('ngày 1 tháng 7 năm 2025'.normalize('NFD'))).toBe('2025-07-01');
  });

  it('refuses a day that does not exist, quoting the date as written', () => {
    const issue = firstIssue(() => parseVnDate('31/02/2024', ['--as-of']));
    expect(issue).toMatchObject({ code: 'invalid-date', path: ['--as-of'], value: '31/02/2024' });
    expect(issue.message).toBe('--as-of: got "31/02/2024", expected a date that exists: a day from 1 to 29 in 2024-02');
    expect(firstIssue(() => parseVnDate('ngày 29 tháng 2 năm 2023')).value).toBe('ngày 29 tháng 2 năm 2023');
    expect(firstIssueCode(() => parseVnDate('2023-02-29'))).toBe('invalid-date');
    expect(firstIssueCode(() => parseVnDate('1/13/2024'))).toBe('invalid-date');
    expect(firstIssueCode(() => parseVnDate('00/01/2024'))).toBe('invalid-date');
  });

  it('refuses other text, mixed separators and month-first guesses', () => {
    for (const bad of ['', '15/10/24', '15/10-2024', '2024/10/15', '10 15 2024', 'tháng 10 năm 2024', '15/10/2024 10:00', 'hôm nay', '2024-1-5']) {
      const issue = firstIssue(() => parseVnDate(bad));
      expect(issue.code, bad).toBe('invalid-date');
      expect(issue.expected, bad).toContain('DD/MM/YYYY');
    }
    expect(firstIssueCode(() => parseVnDate(20241015 as unknown as string))).toBe('invalid-date');
  });
});

describe('formatVnDate', () => {
  it('writes DD/MM/YYYY, or the long form of administrative documents', () => {
    expect(formatVnDate(isoDateFromParts({ year: 2024, month: 10, day: 15 }))).toBe('15/10/2024');
    expect(formatVnDate(isoDateFromParts({ year: 2025, month: 1, day: 5 }), { style: 'numeric' })).toBe('05/01/2025');
    // NĐ 30/2020/NĐ-CP, Phụ lục I: a leading 0 for days below 10 and for the months 1 and 2 only
    expect(formatVnDate(isoDateFromParts({ year: 2025, month: 1, day: 5 }), { style: 'long' })).toBe('ngày 05 tháng 01 năm 2025');
    expect(formatVnDate(isoDateFromParts({ year: 2025, month: 2, day: 28 }), { style: 'long' })).toBe('ngày 28 tháng 02 năm 2025');
    expect(formatVnDate(isoDateFromParts({ year: 2025, month: 3, day: 1 }), { style: 'long' })).toBe('ngày 01 tháng 3 năm 2025');
    expect(formatVnDate(isoDateFromParts({ year: 2024, month: 12, day: 31 }), { style: 'long' })).toBe('ngày 31 tháng 12 năm 2024');
  });

  it('refuses an unknown style', () => {
    expect(firstIssueCode(() => formatVnDate(isoDateFromParts({ year: 2024, month: 1, day: 1 }), { style: 'short' as never }))).toBe('invalid-options');
  });

  describe('properties', () => {
    const date = fc
      .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter((p) => p.day <= daysInMonth(p.year, p.month))
      .map((p) => isoDateFromParts(p));

    it('format then parse gives the date back, in both styles', () => {
      fc.assert(
        fc.property(date, (d) => {
          expect(parseVnDate(formatVnDate(d))).toBe(d);
          expect(parseVnDate(formatVnDate(d, { style: 'long' }))).toBe(d);
        }),
      );
    });

    it('a day past the end of its month is always refused, never moved', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), (year, month, over) => {
          const day = daysInMonth(year, month) + over;
          if (day > 99) return;
          const text = `${day}/${month}/${year}`;
          expect(firstIssue(() => parseVnDate(text)).value).toBe(text);
        }),
      );
    });
  });
});
