import { VnPovertyError, fail } from '../errors/VnPovertyError.js';
import { dateParts, isoDateFromParts, type IsoDate } from './calendarDate.js';
import { assertOptions } from '../errors/assertOptions.js';
import { foldVietnamese } from '../text/foldVietnamese.js';

/** `15/10/2024`, `5/1/2024`, `15-10-2024`, `15.10.2024`: day first, as Vietnamese documents write dates. */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
/** `ngày 15 tháng 10 năm 2024` (the word ngày may be left out; without diacritics too). */
const IN_WORDS = /^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The forms {@link parseVnDate} reads, for messages. */
const FORMS = 'a date written YYYY-MM-DD, DD/MM/YYYY (or D/M/YYYY) or “ngày D tháng M năm YYYY”';

/**
 * Reads a calendar date written the ways Vietnamese documents and people write them: ISO
 * `2024-10-15`, day first `15/10/2024` or `5/1/2024` (also with `-` or `.`), or in words
 * `ngày 15 tháng 10 năm 2024` (with or without the word *ngày* and the diacritics). A date
 * that does not exist (`31/02/2024`) is refused, never moved to another day; the message
 * quotes the text as written.
 *
 * @param text - the date as written.
 * @param path - where the date came from, for the error (e.g. `['--as-of']`).
 * @throws VnPovertyError `invalid-date` for any other text and for impossible dates.
 * @example
 * parseVnDate('15/10/2024') //=> '2024-10-15'
 * parseVnDate('ngày 5 tháng 1 năm 2025') //=> '2025-01-05'
 * parseVnDate('2024-02-29') //=> '2024-02-29'
 * parseVnDate('31/02/2024') // throws: code 'invalid-date', value '31/02/2024'
 */
export function parseVnDate(text: string, path: ReadonlyArray<string | number> = []): IsoDate {
  if (typeof text !== 'string') return fail({ code: 'invalid-date', path, value: text, expected: FORMS });
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  const dayFirst = iso === null ? DAY_FIRST.exec(trimmed) : null;
  const words = iso === null && dayFirst === null ? IN_WORDS.exec(foldVietnamese(trimmed)) : null;
  const parts = iso !== null ? { year: iso[1], month: iso[2], day: iso[3] } : dayFirst !== null ? { day: dayFirst[1], month: dayFirst[3], year: dayFirst[4] } : words !== null ? { day: words[1], month: words[2], year: words[3] } : null;
  if (parts === null) return fail({ code: 'invalid-date', path, value: text, expected: FORMS });
  try {
    return isoDateFromParts({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) }, path);
  } catch (error) {
    // report the date as the caller wrote it, not as its parsed parts
    if (!(error instanceof VnPovertyError)) throw error;
    return fail({ code: 'invalid-date', path, value: text, expected: `a date that exists: ${error.issues[0].expected}` });
  }
}

/** How {@link formatVnDate} writes a date. */
export type VnDateStyle = 'numeric' | 'long';

/** Options of {@link formatVnDate}. */
export interface FormatVnDateOptions {
  /** `'numeric'` (default): `15/10/2024`; `'long'`: `ngày 15 tháng 10 năm 2024`, as a document's title writes it. */
  readonly style?: VnDateStyle;
}

/**
 * Writes a calendar date the Vietnamese way: `15/10/2024`, or `ngày 15 tháng 10 năm 2024` for
 * titles (months are numbered in Vietnamese, *tháng 10*, so no locale table is needed). The long
 * style follows the rule for dates of administrative documents: a day below 10 and the months
 * 1 and 2 take a leading 0 (`ngày 05 tháng 02 năm 2025`, `ngày 15 tháng 3 năm 2025`).
 *
 * @see NĐ 30/2020/NĐ-CP (công tác văn thư), Phụ lục I, mục II.5 (địa danh và thời gian ban hành văn bản).
 * @throws VnPovertyError `invalid-options` for a style that is not `'numeric'` or `'long'`.
 * @example
 * formatVnDate(parseVnDate('2024-10-15')) //=> '15/10/2024'
 * formatVnDate(parseVnDate('2025-01-05'), { style: 'long' }) //=> 'ngày 05 tháng 01 năm 2025'
 * formatVnDate(parseVnDate('2024-10-15'), { style: 'long' }) //=> 'ngày 15 tháng 10 năm 2024'
 * formatVnDate(parseVnDate('2025-03-15'), { style: 'long' }) //=> 'ngày 15 tháng 3 năm 2025'
 */
export function formatVnDate(date: IsoDate, options: FormatVnDateOptions = {}): string {
  assertOptions(options, 'formatVnDate');
  const style = options.style ?? 'numeric';
  if (style !== 'numeric' && style !== 'long') return fail({ code: 'invalid-options', path: ['options', 'style'], value: style, expected: '"numeric" or "long"' });
  const { year, month, day } = dateParts(date);
  const dd = String(day).padStart(2, '0');
  const yyyy = String(year).padStart(4, '0');
  if (style === 'numeric') return `${dd}/${String(month).padStart(2, '0')}/${yyyy}`;
  return `ngày ${dd} tháng ${month <= 2 ? `0${month}` : month} năm ${yyyy}`;
}
