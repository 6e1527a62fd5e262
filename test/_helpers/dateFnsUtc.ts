import { addMonths } from 'date-fns';

/**
 * A Date whose calendar getters and setters are those of UTC, so that date-fns (which calls the
 * date's own methods and builds new dates with its constructor) computes on the UTC calendar
 * whatever the process's time zone. A local-time reference breaks in zones that skipped a day
 * (Pacific/Kiritimati has no 1994-12-31; Samoa has no 2011-12-30).
 */
class UtcDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override setFullYear(year: number, month?: number, date?: number): number {
    return this.setUTCFullYear(year, month ?? this.getUTCMonth(), date ?? this.getUTCDate());
  }
  override setMonth(month: number, date?: number): number {
    return this.setUTCMonth(month, date ?? this.getUTCDate());
  }
  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
  override setHours(hours: number, min?: number, sec?: number, ms?: number): number {
    return this.setUTCHours(hours, min ?? this.getUTCMinutes(), sec ?? this.getUTCSeconds(), ms ?? this.getUTCMilliseconds());
  }
}

/**
 * The reference for "add months" in the date tests: date-fns `addMonths` (which clamps to the last
 * day of a shorter month) on the UTC calendar, so it gives the same answer in every time zone.
 */
export function dateFnsAddMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const start = new UtcDate(Date.UTC(2000, 0, 1, 12));
  start.setUTCFullYear(y, m - 1, d);
  const r = addMonths(start, months);
  return `${String(r.getUTCFullYear()).padStart(4, '0')}-${String(r.getUTCMonth() + 1).padStart(2, '0')}-${String(r.getUTCDate()).padStart(2, '0')}`;
}
