import { Decimal } from '../_internal/_decimal.js';
import { VnPovertyError, fail, issue, shortText, type VnIssue } from '../errors/VnPovertyError.js';
import { toIsoDate, type IsoDate } from '../dates/calendarDate.js';
import { parseVnDate } from '../dates/vnDate.js';
import { DONG_PER_UNIT, toDong, type Dong, type MoneyUnit } from '../numbers/money.js';
import { parseVnNumber } from '../numbers/parseVnNumber.js';
import { spaceGroupedNumber } from './_spaceGroupedNumber.js';
import type { RawCell } from './readRows.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import { restoreCsvFormulaText } from './csv.js';
import { numberFormatShape } from './_numberFormat.js';
import { refuseLegacyFont } from './_legacyFont.js';

/** A money unit as a header names it. */
const UNIT_WORDS: Readonly<Record<MoneyUnit, string>> = { dong: 'đồng', nghin: 'nghìn đồng', trieu: 'triệu đồng', ty: 'tỷ đồng' };

/**
 * What a column holds, which decides how its cells are read:
 * - `'count'`: a whole number (`1.171` → 1171n, a bigint);
 * - `'rate'`: a percentage as a Decimal (`0,70` or `0,70%` → 0.7; an XLSX cell formatted as `%` holding 0.007 → 0.7);
 * - `'amount'`: money in whole đồng (a bigint), read in the column's unit unless the cell prints one (`1,5 triệu đồng`);
 * - `'text'`: the text, trimmed;
 * - `'date'`: an {@link IsoDate} from `YYYY-MM-DD`, `DD/MM/YYYY`, `ngày D tháng M năm YYYY` (`parseVnDate`) or an XLSX date;
 * - `'boolean'`: `có`/`không`, `x`, a tick `√` `✓` `✔` `☑` (an empty box `☐` is no), `yes`/`no`, `true`/`false`, `1`/`0`, `đúng`/`sai`.
 * Numbers are read by {@link parseVnNumber}: `.` groups thousands, `,` marks decimals.
 */
export type ColumnHint = 'count' | 'rate' | 'amount' | 'text' | 'date' | 'boolean';

/** A value read from a cell under a {@link ColumnHint}; `null` for an empty cell. */
export type CellValue = bigint | Decimal | string | IsoDate | boolean | null;

/** One column a reader looks for. */
export interface ColumnSpec {
  /** The field the value goes to, e.g. `'monthlyIncome'`. */
  readonly key: string;
  /** How to read its cells. */
  readonly hint: ColumnHint;
  /** Vietnamese header, e.g. `'Thu nhập/tháng (đồng)'`. */
  readonly vi: string;
  /** English header, e.g. `'Monthly income (dong)'`. */
  readonly en: string;
  /** Other accepted headers. The key, `vi`, `en` and `vi (en)` are always accepted. */
  readonly aliases?: ReadonlyArray<string>;
  /** A row must have a value in this column (and the file must have the column). */
  readonly required?: boolean;
  /** For `'amount'`: the unit of figures that print none. Default `'dong'`. */
  readonly unit?: MoneyUnit;
}

/** A cell's place, for messages that name file, row and column. */
export interface CellPosition {
  readonly source?: string | undefined;
  readonly row: number;
  /** 1-based column number. */
  readonly column: number;
  /** The column's header as the file prints it. */
  readonly header: string;
}

/** The issue path of a cell: `[source?, row, header]`. */
export function cellPath(at: CellPosition): ReadonlyArray<string | number> {
  return at.source !== undefined ? [at.source, at.row, at.header] : [at.row, at.header];
}

/** "ho.csv, row 3, column 4 (Thu nhập)". */
export function describeCell(at: CellPosition): string {
  return `${at.source !== undefined ? `${at.source}, ` : ''}row ${at.row}, column ${at.column} (${at.header})`;
}

/** Re-raises an error about a value as one about the cell that held it. */
export function cellError(at: CellPosition, error: unknown): VnPovertyError {
  if (!(error instanceof VnPovertyError)) throw error;
  const issues = error.issues.map((i: VnIssue) =>
    issue({ code: i.code, path: cellPath(at), value: typeof i.value === 'string' ? shortText(i.value) : i.value, expected: i.expected, ...(i.rule ? { rule: i.rule } : {}), message: `${describeCell(at)}: ${i.message}` }),
  );
  return new VnPovertyError(issues as unknown as VnPovertyError['issues']);
}

/** A whole number, plain or with `.` thousands groups, nothing else. */
const WHOLE = /^\s*(\d{1,3}(?:\.\d{3})+|\d+)\s*$/;
/** One to three digits, a comma, exactly three digits: `1,600`, which reads two ways in a column of nghìn, triệu or tỷ đồng. */
const COMMA_GROUP = /^\s*(\d{1,3}),(\d{3})\s*$/;

/**
 * Refuses `1,600` in an amount column whose unit is nghìn, triệu or tỷ đồng: read the Vietnamese
 * way (a decimal comma) it is 1,6 of the unit, read as English thousands it is 1.600 of the unit,
 * a thousand times more; a household's status can turn on which. Under đồng the decimal reading
 * is a fraction of a đồng, refused anyway, so the figure is whole đồng only one way and is not
 * refused here. The dot (`1.600`) stays a thousands mark, as Vietnamese prints it.
 */
function refuseCommaGroup(raw: string, unit: MoneyUnit): void {
  const m = COMMA_GROUP.exec(raw);
  if (m === null || unit === 'dong') return;
  const words = UNIT_WORDS[unit];
  const decimal = `${m[1]},${m[2]!.replace(/0+$/, '') || '0'}`;
  fail({
    code: 'ambiguous-separator',
    path: [],
    value: raw.trim(),
    expected: `a figure that reads one way in ${words}`,
    message: `"${raw.trim()}" reads two ways in a column of ${words}: ${decimal} ${words} (a Vietnamese decimal comma) or ${m[1]}.${m[2]} ${words} (an English thousands comma), a thousand times more: write ${m[1]}${m[2]} (or ${m[1]}.${m[2]}) for the one, ${decimal} for the other`,
  });
}

// compared folded (no diacritics, lower case): Có, CÓ, co, có all read as yes; a tick mark (√ ✓ ✔ ☑) is yes, an empty box (☐) no
const TRUE_WORDS = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'dung', '√', '✓', '✔', '☑']);
const FALSE_WORDS = new Set(['khong', 'no', 'n', 'false', '0', 'sai', '☐']);

/** Shortest decimal text of a finite JS number (what Excel shows at full precision). */
function decimalOfNumber(value: number): Decimal {
  if (!Number.isFinite(value)) return fail({ code: 'invalid-number', path: [], value, expected: 'a finite number' });
  return new Decimal(String(value));
}

/**
 * Reads one cell under a {@link ColumnHint}. Empty cells (`''`, spaces, `null`) give `null`.
 *
 * @param raw - the cell as the file holds it.
 * @param spec - the column's hint (and unit for amounts).
 * @param at - where the cell is, for errors.
 * @param format - the XLSX number format of the cell, if any (a `%` format scales rates by 100).
 * @throws VnPovertyError naming file, row and column: the codes of {@link parseVnNumber}
 *   (`invalid-number`, `ambiguous-separator`, `not-a-count`, …), `approximate-value`
 *   (a `hơn`/`khoảng` figure in a data column), `fractional-dong`, `invalid-date`, `invalid-boolean`.
 * @example
 * readCell('1.171', { hint: 'count' }, { row: 2, column: 3, header: 'Số hộ' }) //=> 1171n
 * readCell('0,70%', { hint: 'rate' }, { row: 2, column: 4, header: 'Tỷ lệ' })?.toString() //=> '0.7'
 * readCell('1,5 triệu đồng', { hint: 'amount' }, { row: 2, column: 5, header: 'Thu nhập' }) //=> 1500000n
 */
export function readCell(raw: RawCell, spec: Pick<ColumnSpec, 'hint' | 'unit'>, at: CellPosition, format?: string): CellValue {
  try {
    return readCellValue(raw, spec, format);
  } catch (error) {
    throw cellError(at, error);
  }
}

/** Control characters other than tab, line feed and carriage return (C0 and DEL); NUL is refused earlier, as a byte. */
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * True for text holding a control character other than tab, line feed and carriage return (C0
 * and DEL), which every column refuses. @internal
 * @example
 * hasControlCharacter('H1\u001b') //=> true
 */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** The names of the control characters a cell may hold by mistake (an escape code pasted from a terminal, a bell from an old system). */
const CONTROL_NAMES: Readonly<Record<number, string>> = { 0x07: 'BEL', 0x08: 'BS', 0x0b: 'VT', 0x0c: 'FF', 0x1b: 'ESC', 0x7f: 'DEL' };

/**
 * Refuses a cell holding a control character: invisible in a spreadsheet and on paper, it makes
 * an id differ from the same id typed again (`H1` and `H1␛`), and written out it can drive the
 * terminal that shows the file. Tab, line feed and carriage return are text.
 */
function refuseControl(raw: string): void {
  const m = CONTROL.exec(raw);
  if (m === null) return;
  const code = m[0].charCodeAt(0);
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}${CONTROL_NAMES[code] !== undefined ? ` (${CONTROL_NAMES[code]})` : ''}`;
  fail({ code: 'control-character', path: [], value: JSON.stringify(raw.slice(0, 40)), expected: 'text without control characters', message: `holds the control character ${name} at character ${m.index + 1} (${JSON.stringify(raw.slice(0, 40))}), which no one sees and which would make this value differ from the same value typed again: delete it in the spreadsheet (in Excel: =CLEAN(cell) gives the text without it)` });
}

/**
 * A date cell's text, day first (Vietnamese practice: `01/12/2023` is 1 December, and so is the
 * ambiguous `12/01/2023` read as 12 January); a date that cannot be read says what it looks
 * like: month first (`12/31/2023`, US English), a year alone, a date cell shown as a number.
 */
function readDateText(raw: string | number | boolean): IsoDate {
  const text = String(raw).trim();
  try {
    return parseVnDate(text);
  } catch (error) {
    if (!(error instanceof VnPovertyError)) throw error;
    const first = error.issues[0];
    const monthFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
    const neither = monthFirst !== null && Number(monthFirst[1]) > 12 && Number(monthFirst[3]) > 12;
    const expected = neither
      ? `a date written day first, DD/MM/YYYY; ${text} is no date read either way (day first its month would be ${Number(monthFirst[3])}, month first its month would be ${Number(monthFirst[1])}; a month is from 1 to 12): correct the cell`
      : monthFirst !== null && Number(monthFirst[1]) >= 1 && Number(monthFirst[1]) <= 12 && Number(monthFirst[3]) > 12 && Number(monthFirst[3]) <= 31
        ? `a date written day first, DD/MM/YYYY; this one looks written month first (as US English does): write ${monthFirst[3]}/${monthFirst[1]}/${monthFirst[4]}, and check the column's other dates, which may have been typed month first too`
        : /^\d{4}$/.test(text)
          ? `${first.expected}; a year alone is not a date: write the day and month too (e.g. 01/01/${text})`
          : /^\d{5}([.,]\d+)?$/.test(text)
            ? `${first.expected}; a date shown as a number (Excel counts days from 1900)? Format the cells as dates (Format Cells → Date, dd/mm/yyyy) and save again`
            : first.expected;
    return fail({ code: 'invalid-date', path: [], value: first.value, expected });
  }
}

/**
 * For a date typed as text that reads as two dates (`05/06/2023`: 5 June day first, as read, or
 * 6 May month first, as US English writes it), the two readings; `undefined` for a date that
 * reads one way only (`13/06/2023`, `06/06/2023`, `2023-06-05`, `ngày 5 tháng 6 năm 2023`). @internal
 * @example
 * ambiguousDate('05/06/2023') //=> { read: '2023-06-05', other: '2023-05-06' }
 * ambiguousDate('13/06/2023') //=> undefined
 */
export function ambiguousDate(text: string): { readonly read: IsoDate; readonly other: IsoDate } | undefined {
  const m = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s*$/.exec(text);
  if (m === null) return undefined;
  const day = Number(m[1]);
  const month = Number(m[3]);
  if (day === month || day < 1 || day > 12 || month < 1 || month > 12) return undefined;
  const iso = (y: string, mo: number, d: number): IsoDate => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;
  return { read: iso(m[4]!, month, day), other: iso(m[4]!, day, month) };
}

/**
 * An amount cell in whole đồng; a figure that is a fraction of a đồng is refused quoting the cell
 * as written (`1,5`, not the number read) and, in a column of đồng, saying how to name a larger unit.
 */
function cellDong(raw: string | number, value: Decimal, unit: MoneyUnit): Dong {
  const inDong = value.times(DONG_PER_UNIT[unit].toString());
  if (inDong.isInteger()) return toDong(value, unit);
  const text = String(raw).trim();
  return fail({
    code: 'fractional-dong',
    path: [],
    value: text,
    expected:
      unit === 'dong'
        ? `a whole number of đồng: ${text} is a fraction of a đồng (a comma marks decimals, a dot groups thousands: 1.500.000); if the column holds nghìn or triệu đồng, name the unit in its header, e.g. “Thu nhập/tháng (triệu đồng)”`
        : `a whole number of đồng: ${text} ${UNIT_WORDS[unit]} is ${inDong.toFixed().replace('.', ',')} đồng, a fraction of a đồng`,
  });
}

function readCellValue(raw: RawCell, spec: Pick<ColumnSpec, 'hint' | 'unit'>, format: string | undefined): CellValue {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
  if (typeof raw === 'string') refuseControl(raw);
  const hint = spec.hint;
  switch (hint) {
    case 'text': {
      if (raw instanceof Date) return toIsoDate({ date: raw, zone: 'utc' });
      const text = String(raw).normalize('NFC').trim();
      // a name typed in an old font encoding (“NguyÔn V¨n A”) is not stored garbled
      refuseLegacyFont(text, 'the cell', []);
      return restoreCsvFormulaText(text);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const word = foldVietnamese(String(raw));
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return fail({ code: 'invalid-boolean', path: [], value: raw, expected: 'có/không, x or a tick (√, ✓), yes/no, true/false or 1/0' });
    }
    case 'date': {
      if (raw instanceof Date) return toIsoDate({ date: raw, zone: 'utc' });
      return readDateText(raw);
    }
    case 'count':
    case 'rate':
    case 'amount': {
      if (typeof raw === 'boolean' || raw instanceof Date) {
        const what = raw instanceof Date ? 'a date' : 'a yes/no value';
        return fail({ code: 'invalid-number', path: [], value: raw instanceof Date ? toIsoDate({ date: raw, zone: 'utc' }) : String(raw), expected: `${hint === 'amount' ? 'an amount' : `a ${hint}`} written as a number, not ${what} (the cell holds ${what} in the spreadsheet)` });
      }
      if (hint !== 'rate' && typeof raw === 'string') {
        // fast path for the common case, a whole number (1171, 1.171, 6.000.000): the same value parseVnNumber gives
        const whole = WHOLE.exec(raw);
        if (whole) {
          const n = BigInt(whole[1]!.replace(/\./g, ''));
          return hint === 'count' ? n : n * DONG_PER_UNIT[spec.unit ?? 'dong'];
        }
      }
      let value: Decimal;
      let unit: MoneyUnit | null = null;
      if (typeof raw === 'number') {
        value = decimalOfNumber(raw);
        // the section that shows this value (`#,##0;(0.0%)` shows a negative as a percentage: ECMA-376 §18.8.31)
        const shape = numberFormatShape(format, raw);
        if (hint === 'rate' && shape.percent) value = value.times(100);
        else if (shape.percent) {
          // a count or an amount under a percentage format (`0%`, copied from a rate column): Excel stores a figure typed there ÷ 100 (6000000 typed, 60000 held, 6000000% shown)
          return fail({
            code: 'scaled-number',
            path: [],
            value: String(raw),
            expected: `a ${hint === 'amount' ? 'sum of money' : 'count'} under a number format that is no percentage`,
            message: `holds ${raw} but the sheet shows it as ${value.times(100).toFixed()}% (the number format ${format} is a percentage, and Excel stores a figure typed into such a cell divided by 100): which figure is meant cannot be told; give the column a number format without % (Format Cells › Number) and check its figures`,
          });
        }
        if (shape.thousandsScale > 0) {
          // the sheet shows the figure in thousands or millions (`#,##0,`): the value stored is the whole figure
          const per = 1000n ** BigInt(shape.thousandsScale);
          if (hint === 'amount' && DONG_PER_UNIT[spec.unit ?? 'dong'] === per) return toDong(value, 'dong') satisfies Dong;
          const shownAs = `${value.dividedBy(per.toString()).toFixed()} (the number format ${format} divides the figure by ${per} for display)`;
          return fail({
            code: 'scaled-number',
            path: [],
            value: String(raw),
            expected: hint === 'amount' ? `a figure shown in the column's unit (${spec.unit ?? 'dong'})` : `a ${hint} shown as it is stored`,
            message: `holds ${raw} but the sheet shows it as ${shownAs}${hint === 'amount' ? `, while the column's unit is ${UNIT_WORDS[spec.unit ?? 'dong']}` : ''}: which figure is meant cannot be told; give the cells a number format without trailing commas (Format Cells › Number), or name the unit the sheet shows in the header`,
          });
        }
      } else {
        if (hint === 'amount') refuseCommaGroup(raw, spec.unit ?? 'dong');
        // thousands grouped by spaces (1 400 000) in a count or an amount, read when every group is whole
        const parsed = parseVnNumber(hint === 'rate' ? raw : spaceGroupedNumber(raw), { kind: hint });
        if (parsed.qualifier !== null) {
          fail({ code: 'approximate-value', path: [], value: raw, expected: `an exact figure, not one qualified by “${parsed.qualifier.word}”` });
        }
        value = parsed.value;
        const u = parsed.unit;
        if (u === 'dong' || u === 'nghin' || u === 'trieu' || u === 'ty') unit = u;
      }
      if (hint === 'count') {
        if (!value.isInteger()) return fail({ code: 'not-a-count', path: [], value: String(raw), expected: 'a whole number of households or persons' });
        return BigInt(value.toFixed(0));
      }
      if (hint === 'amount') return cellDong(raw, value, unit ?? spec.unit ?? 'dong');
      return value;
    }
    default:
      return fail({ code: 'invalid-hint', path: [], value: hint, expected: 'count, rate, amount, text, date or boolean' });
  }
}

/**
 * Lower case, no diacritics (đ → d), single spaces for runs of spaces and underscores: how
 * headers (and enumerated words like `nông thôn`) are compared.
 * @example
 * normalizeHeader('  Thu nhập_Tháng ') //=> 'thu nhap thang'
 */
export function normalizeHeader(text: string): string {
  return foldVietnamese(text);
}

/** Splits `"a (b (c))"` into `"a"` and `"b (c)"` at the parenthesis that closes the header; null when none. */
function trailingParenthesis(header: string): readonly [string, string] | null {
  const text = header.trim();
  if (!text.endsWith(')')) return null;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return [text.slice(0, i), text.slice(i + 1, -1)];
  }
  return null;
}

/**
 * The forms of a file's header that may name a column: the whole, the part before its
 * closing parenthesis and the part inside (`"Khu vực (Area)"`), and each side of ` / `.
 */
function headerForms(header: string): string[] {
  const forms = new Set<string>([normalizeHeader(header)]);
  const paren = trailingParenthesis(header);
  if (paren) {
    forms.add(normalizeHeader(paren[0]));
    forms.add(normalizeHeader(paren[1]));
  }
  for (const part of header.split(' / ')) forms.add(normalizeHeader(part));
  forms.delete('');
  return [...forms];
}

/**
 * Whether a header text names one of the columns, as {@link matchHeader} would match it. @internal
 * @example
 * isColumnHeader('Mã hộ (Household id)', [{ key: 'id', hint: 'text', vi: 'Mã hộ', en: 'Household id' }]) //=> true
 */
export function isColumnHeader(text: string, specs: ReadonlyArray<ColumnSpec>): boolean {
  const forms = new Set(headerForms(text));
  return specs.some((spec) => [spec.key, spec.vi, spec.en, `${spec.vi} (${spec.en})`, `${spec.vi} / ${spec.en}`, ...(spec.aliases ?? [])].some((name) => forms.has(normalizeHeader(name))));
}

/** Where each wanted column sits in a header row, and what was left over. */
export interface HeaderMatch {
  /** 0-based index of each matched column, by key. */
  readonly index: Readonly<Record<string, number>>;
  /** Headers of the file's columns that no spec claimed. */
  readonly ignored: ReadonlyArray<string>;
}

/**
 * Finds each {@link ColumnSpec} in a header row. A header matches when, ignoring case,
 * diacritics and spacing, it equals the spec's key, Vietnamese or English header, both as
 * `"vi (en)"` or `"vi / en"`, or an alias; failing that, when its part before its closing
 * parenthesis, the part inside, or either side of ` / ` does.
 *
 * @param row - the header's row number in the file, for messages (default 1).
 * @throws VnPovertyError `missing-column` for a required column not found,
 *   `duplicate-column` when two headers name the same column (all problems at once).
 * @example
 * matchHeader(['Mã hộ', 'Thu nhập (monthly income)'], [{ key: 'id', hint: 'text', vi: 'Mã hộ', en: 'Household id' }, { key: 'monthlyIncome', hint: 'amount', vi: 'Thu nhập', en: 'Monthly income' }]).index
 * //=> { id: 0, monthlyIncome: 1 }
 */
export function matchHeader(header: ReadonlyArray<RawCell>, specs: ReadonlyArray<ColumnSpec>, source?: string, row = 1): HeaderMatch {
  const byForm = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    for (const name of [spec.key, spec.vi, spec.en, `${spec.vi} (${spec.en})`, `${spec.vi} / ${spec.en}`, ...(spec.aliases ?? [])]) {
      const form = normalizeHeader(name);
      if (!byForm.has(form)) byForm.set(form, spec);
    }
  }
  // a header typed in an old font encoding (“M· hé”, “Thu nhËp”) is named as such, not as missing columns
  const words = header.filter((c) => typeof c === 'string').join(' ');
  refuseLegacyFont(words, `the header on row ${row}`, source !== undefined ? [source, row] : [row], source);
  const index: Record<string, number> = {};
  const ignored: string[] = [];
  const problems: VnIssue[] = [];
  const where = (col: number) => (source !== undefined ? [source, row, col] : [row, col]);
  header.forEach((cell, i) => {
    const text = cell === null ? '' : String(cell);
    const spec = headerForms(text)
      .map((f) => byForm.get(f))
      .find((s) => s !== undefined);
    if (spec === undefined) {
      if (text.trim() !== '') ignored.push(text);
      return;
    }
    const prior = index[spec.key];
    if (prior !== undefined) {
      problems.push(
        issue({
          code: 'duplicate-column',
          path: where(i + 1),
          value: text,
          expected: `one column for “${spec.vi}” (${spec.en})`,
          message: `${source !== undefined ? `${source}, ` : ''}row ${row}, column ${i + 1} (${text}): a second column for “${spec.vi}” (${spec.en}); the first is column ${prior + 1}`,
        }),
      );
      return;
    }
    index[spec.key] = i;
  });
  for (const spec of specs) {
    if (spec.required === true && index[spec.key] === undefined) {
      problems.push(
        issue({
          code: 'missing-column',
          path: source !== undefined ? [source, row] : [row],
          value: header.map((c) => (c === null ? '' : String(c))),
          expected: `a column headed “${spec.vi}” or “${spec.en}”`,
          message: `${source !== undefined ? `${source}, ` : ''}row ${row}: no column “${spec.vi}” (${spec.en}), which is required`,
        }),
      );
    }
  }
  if (problems.length > 0) throw new VnPovertyError(problems as unknown as VnPovertyError['issues']);
  return Object.freeze({ index: Object.freeze(index), ignored: Object.freeze(ignored) });
}
