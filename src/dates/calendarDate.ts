import { VnPovertyError, fail } from '../errors/VnPovertyError.js';

/**
 * A calendar date as an ISO `YYYY-MM-DD` string that has been checked to exist.
 * Comparing two IsoDates as strings compares them as dates. No time, no time zone.
 */
export type IsoDate = string & { readonly __isoDate: unique symbol };

/**
 * A date as callers give it: an ISO `YYYY-MM-DD` string, or a JS `Date` together with
 * the clock its calendar date is read on (`'utc'` or the machine's `'local'` zone).
 * A bare `Date` is refused: which day it is depends on a time zone, so the caller must say which.
 */
export type DateInput = string | { readonly date: Date; readonly zone: 'utc' | 'local' };

/** Options fragment for functions that need a reference date (the core never reads the clock). */
export interface ReferenceDateOptions {
  /** The date the question is asked for. */
  readonly asOf: DateInput;
}

/** Year, month (1-12) and day of an {@link IsoDate}. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**

/**
 * True for Gregorian leap years.
 * @example
 * isLeapYear(2024) //=> true
 * isLeapYear(2100) //=> false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**

/**
 * Number of days in a month (1-12) of a year.
 * @example
 * daysInMonth(2024, 2) //=> 29
 */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**

/**
 * Builds an {@link IsoDate} from parts, checking that the day exists.
 * @example
 * isoDateFromParts({ year: 2024, month: 2, day: 29 }) //=> '2024-02-29'
 * isoDateFromParts({ year: 2023, month: 2, day: 29 }) // throws: code 'invalid-date'
 */
export function isoDateFromParts(parts: DateParts, path: ReadonlyArray<string | number> = []): IsoDate {
  const { year, month, day } = parts;
  if (!Number.isInteger(year) || year < 1 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    fail({ code: 'invalid-date', path, value: parts, expected: 'a year from 1 to 9999 and a month from 1 to 12' });
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    fail({ code: 'invalid-date', path, value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, expected: `a day from 1 to ${daysInMonth(year, month)} in ${pad(year, 4)}-${pad(month, 2)}` });
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

/**
 * Reads a {@link DateInput} as a calendar date, independent of the machine's time zone
 * unless `zone: 'local'` is asked for explicitly.
 *
 * @throws VnPovertyError `invalid-date` for malformed text (also with spaces or a line break around it), impossible dates (2023-02-30),
 *   an invalid Date, or a bare Date without a zone.
 * @example
 * toIsoDate('2024-02-29') //=> '2024-02-29'
 * toIsoDate({ date: new Date(Date.UTC(2024, 0, 31, 23)), zone: 'utc' }) //=> '2024-01-31'
 */
export function toIsoDate(input: DateInput, path: ReadonlyArray<string | number> = []): IsoDate {
  if (typeof input === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
    if (!m) return fail({ code: 'invalid-date', path, value: input, expected: 'a calendar date written YYYY-MM-DD' });
    try {
      return isoDateFromParts({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, path);
    } catch (error) {
      // report the date as the caller wrote it, not as its parsed parts
      if (!(error instanceof VnPovertyError)) throw error;
      return fail({ code: error.issues[0].code, path, value: input, expected: error.issues[0].expected });
    }
  }
  if (input instanceof Date) {
    return fail({ code: 'invalid-date', path, value: String(input), expected: "{ date, zone: 'utc' | 'local' }: a Date's calendar day depends on the time zone" });
  }
  if (typeof input !== 'object' || input === null || !(input.date instanceof Date) || (input.zone !== 'utc' && input.zone !== 'local')) {
    return fail({ code: 'invalid-date', path, value: input, expected: "a YYYY-MM-DD string or { date: Date, zone: 'utc' | 'local' }" });
  }
  const { date, zone } = input;
  if (Number.isNaN(date.getTime())) return fail({ code: 'invalid-date', path, value: 'Invalid Date', expected: 'a valid Date' });
  return zone === 'utc'
    ? isoDateFromParts({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, path)
    : isoDateFromParts({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() }, path);
}

/**

/**
 * Year, month and day of an {@link IsoDate}.
 * @example
 * dateParts(toIsoDate('2026-11-30')) //=> { year: 2026, month: 11, day: 30 }
 */
export function dateParts(date: IsoDate): DateParts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**

/**
 * −1, 0 or 1 as a is before, equal to or after b.
 * @example
 * compareIsoDates(toIsoDate('2026-01-31'), toIsoDate('2026-02-01')) //=> -1
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
