import { fail } from '../errors/VnPovertyError.js';
import { dateParts, isoDateFromParts, toIsoDate } from './calendarDate.js';
import type { DateInput, IsoDate } from './calendarDate.js';

/**
 * Days from 1970-01-01 to a calendar date (proleptic Gregorian), without any Date object or time zone.
 *
 * @example
 * epochDay('1970-01-02') //=> 1
 * epochDay('2024-03-01') - epochDay('2024-02-28') //=> 2
 */
export function epochDay(date: DateInput): number {
  const { year, month, day } = dateParts(toIsoDate(date));
  // Days-from-civil (H. Hinnant), years starting in March so the leap day is last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The calendar date `days` days after 1970-01-01 (the inverse of {@link epochDay}).
 *
 * @throws VnPovertyError `invalid-date` when the result leaves years 1–9999 or `days` is not an integer.
 * @example
 * dateFromEpochDay(19782) //=> '2024-02-29'
 */
export function dateFromEpochDay(days: number): IsoDate {
  if (!Number.isSafeInteger(days)) return fail({ code: 'invalid-date', path: [], value: days, expected: 'a whole number of days' });
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return isoDateFromParts({ year, month, day });
}

/**
 * Adds a whole number of days (negative to go back) to a calendar date.
 *
 * @throws VnPovertyError `invalid-date` for an impossible date, a non-integer count or a result outside years 1–9999.
 * @example
 * addDays('2024-02-28', 1) //=> '2024-02-29'
 * addDays('2026-03-01', -1) //=> '2026-02-28'
 */
export function addDays(date: DateInput, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) return fail({ code: 'invalid-date', path: ['days'], value: days, expected: 'a whole number of days' });
  return dateFromEpochDay(epochDay(date) + days);
}
