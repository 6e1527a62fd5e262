/**
 * Figures whose thousands are grouped by spaces, as a French or Russian locale of Excel or
 * LibreOffice writes them and as people type them (“1 400 000”, with a space, a no-break space
 * U+00A0 or a narrow no-break space U+202F): rewritten with `.` groups for the number reader when
 * every group after the first has exactly three digits; refused naming the cell's value when not.
 */
import { fail } from '../errors/VnPovertyError.js';

/** A run of digits grouped by single spaces, at the start of a cell after an optional sign. */
const SPACE_GROUPED = /^(\s*[-−+]?)(\d+(?:[ \u00a0\u202f]\d+)+)(?![\d \u00a0\u202f]*\d)(.*)$/su;

/**
 * The text of a count or amount cell with its space-grouped thousands rewritten with `.`
 * (`'1 400 000'` → `'1.400.000'`, a decimal comma or a unit after them kept), or the text as
 * it is when it holds no digits grouped by spaces.
 * @throws VnPovertyError `invalid-grouping` for a group after the first that is not three digits
 *   (“14 00 000”), a first group of more than three, or a `.` group after them (“1 400.000”).
 * @example
 * spaceGroupedNumber('1\u00a0400\u00a0000') //=> '1.400.000'
 * spaceGroupedNumber('14 00 000') // throws: code 'invalid-grouping'
 */
export function spaceGroupedNumber(text: string): string {
  const m = SPACE_GROUPED.exec(text);
  if (m === null) return text;
  const groups = m[2]!.split(/[ \u00a0\u202f]/u);
  // a dot after space groups (1 400.000) mixes two ways of grouping: which is meant cannot be told
  if (groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3) || /^\.\d/u.test(m[3]!)) {
    return fail({ code: 'invalid-grouping', path: [], value: text, expected: 'thousands grouped by spaces in groups of exactly three digits after the first (1 400 000)' });
  }
  return `${m[1]!}${groups.join('.')}${m[3]!}`;
}
