import { fail } from '../errors/VnPovertyError.js';
import type { RuleRef } from '../errors/VnPovertyError.js';
import { dateParts, daysInMonth, isoDateFromParts, toIsoDate } from './calendarDate.js';
import type { DateInput, IsoDate } from './calendarDate.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * The rule for periods counted in months or years, with its source.
 * @example
 * CIVIL_CODE_PERIOD_RULE.term //=> 'thời hạn tính bằng tháng'
 */
export const CIVIL_CODE_PERIOD_RULE: RuleRef = Object.freeze({
  description:
    'a period counted in months (years) starts the day after its anchor and ends at the end of the corresponding day of the last month (year); if that month has no such day, at the end of its last day',
  source: 'Bộ luật Dân sự 2015 (Luật 91/2015/QH13), Art. 147 cl. 1 and Art. 148 cl. 1',
  term: 'thời hạn tính bằng tháng',
});

/** A length of time counted in whole months or whole years (a year is 12 months under Art. 148). */
export type PeriodLength = { readonly months: number } | { readonly years: number };

/** Options of {@link addCalendarMonths}. */
export interface AddCalendarMonthsOptions {
  /** Path reported in errors. */
  readonly path?: ReadonlyArray<string | number>;
}

/**
 * Adds a whole number of months to a calendar date, landing on the corresponding day of the target
 * month or, when that month has no such day, on its last day (31 Jan + 1 month = 28/29 Feb).
 * Negative counts go back in time the same way.
 *
 * @param date - the starting date (ISO string or `{ date, zone }`).
 * @param months - a safe integer.
 * @throws VnPovertyError `invalid-date` for an impossible date; `invalid-period` for a non-integer
 *   count; `invalid-date` when the result leaves years 1–9999.
 * @example
 * addCalendarMonths('2023-01-31', 36) //=> '2026-01-31'
 * addCalendarMonths('2024-02-29', 36) //=> '2027-02-28'
 * addCalendarMonths('2024-01-31', 1) //=> '2024-02-29'
 * @see Bộ luật Dân sự 2015, Art. 148 cl. 1 (end of a period counted in months).
 */
export function addCalendarMonths(date: DateInput, months: number, options: AddCalendarMonthsOptions = {}): IsoDate {
  assertOptions(options, 'addCalendarMonths');
  const path = options.path ?? [];
  const start = toIsoDate(date, path);
  if (!Number.isSafeInteger(months)) {
    return fail({ code: 'invalid-period', path: [...path, 'months'], value: months, expected: 'a whole number of months', rule: CIVIL_CODE_PERIOD_RULE });
  }
  const { year, month, day } = dateParts(start);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) {
    return fail({ code: 'invalid-date', path, value: { date: start, months }, expected: 'a result between years 1 and 9999' });
  }
  return isoDateFromParts({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) }, path);
}

/** Options of {@link periodEnd}. */
export interface PeriodEndOptions {
  /** Path reported in errors. */
  readonly path?: ReadonlyArray<string | number>;
}

/**
 * The last day of a period counted in months or years from an anchor date, by the Civil Code:
 * the period starts the day after the anchor and ends at the end of the corresponding day of the
 * last month (clamped to that month's last day). The anchor day itself is the event (e.g. the
 * recognition decision); a status window "within N months from" it covers anchor … end, both included.
 *
 * @param anchor - the date the period is counted from.
 * @param length - `{ months: n }` or `{ years: n }`, n a non-negative safe integer.
 * @throws VnPovertyError `invalid-date` for an impossible anchor; `invalid-period` for a negative,
 *   fractional or malformed length.
 * @example
 * periodEnd('2023-11-30', { months: 36 }) //=> '2026-11-30'
 * periodEnd('2024-02-29', { years: 3 }) //=> '2027-02-28'
 * @see Bộ luật Dân sự 2015, Art. 147 cl. 1 (start of a period) and Art. 148 cl. 1 (end of a period).
 */
export function periodEnd(anchor: DateInput, length: PeriodLength, options: PeriodEndOptions = {}): IsoDate {
  assertOptions(options, 'periodEnd');
  const path = options.path ?? [];
  return addCalendarMonths(anchor, periodMonths(length, path), { path });
}

/**
 * The number of months in a {@link PeriodLength} (years × 12).
 *
 * @throws VnPovertyError `invalid-period` for a negative, fractional or malformed length.
 * @example
 * periodMonths({ years: 5 }) //=> 60
 */
export function periodMonths(length: PeriodLength, path: ReadonlyArray<string | number> = []): number {
  const raw: unknown = length;
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const keys = Object.keys(record);
  const unit = keys.length === 1 && (keys[0] === 'months' || keys[0] === 'years') ? keys[0] : undefined;
  const count = unit === undefined ? undefined : record[unit];
  if (unit === undefined || typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > 120_000) {
    return fail({
      code: 'invalid-period',
      path,
      value: length,
      expected: '{ months: n } or { years: n } with n a whole number from 0',
      rule: CIVIL_CODE_PERIOD_RULE,
    });
  }
  return unit === 'years' ? count * 12 : count;
}
