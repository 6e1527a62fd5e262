import { foldVietnamese } from '../text/foldVietnamese.js';
import type { MoneyUnit } from '../numbers/money.js';

/** The period an amount column is stated for. */
export type AmountPeriod = 'month' | 'year';

/** What a money column's header says about its figures. */
export interface AmountHeader {
  /** The header as the file prints it. */
  readonly header: string;
  /** The money unit the header names (`đồng`, `nghìn đồng`, `triệu đồng`, `tỷ đồng`), or null. */
  readonly unit: MoneyUnit | null;
  /** The period the header names (`/tháng`, `/năm`, monthly, yearly…), or null. */
  readonly period: AmountPeriod | null;
  /** Whether the header says the figure is per person (`bình quân đầu người`, per capita). */
  readonly perPerson: boolean;
  /** Words of the header that name neither the quantity, a unit, a period nor per person (folded). */
  readonly otherWords: string;
  /** Contradictions: two units, two periods. Empty when there is none. */
  readonly conflicts: ReadonlyArray<string>;
}

/** Unit phrases, folded (no diacritics, lower case), longest first. */
const UNIT_PHRASES: ReadonlyArray<readonly [string, MoneyUnit]> = [
  ['thousands of dong', 'nghin'],
  ['millions of dong', 'trieu'],
  ['billions of dong', 'ty'],
  ['nghin dong', 'nghin'],
  ['ngan dong', 'nghin'],
  ['1.000 dong', 'nghin'],
  ['1000 dong', 'nghin'],
  ['1.000 d', 'nghin'],
  ['1000 d', 'nghin'],
  ['1.000d', 'nghin'],
  ['1000d', 'nghin'],
  ['nghin d', 'nghin'],
  ['ngan d', 'nghin'],
  ['trieu d', 'trieu'],
  ['tr.d', 'trieu'],
  ['trd', 'trieu'],
  ['ty d', 'ty'],
  ['thousand dong', 'nghin'],
  ['thousand vnd', 'nghin'],
  ['trieu dong', 'trieu'],
  ['million dong', 'trieu'],
  ['million vnd', 'trieu'],
  ['ty dong', 'ty'],
  ['ti dong', 'ty'],
  ['billion dong', 'ty'],
  ['billion vnd', 'ty'],
  ['nghin', 'nghin'],
  ['ngan', 'nghin'],
  ['thousand', 'nghin'],
  ['kvnd', 'nghin'],
  ['trieu', 'trieu'],
  ['million', 'trieu'],
  ['ty', 'ty'],
  ['dong', 'dong'],
  ['vnd', 'dong'],
  ['d', 'dong'],
];

/** Period phrases, folded, longest first. */
const PERIOD_PHRASES: ReadonlyArray<readonly [string, AmountPeriod]> = [
  ['per month', 'month'],
  ['a month', 'month'],
  ['hang thang', 'month'],
  ['moi thang', 'month'],
  ['mot thang', 'month'],
  ['thang', 'month'],
  ['monthly', 'month'],
  ['month', 'month'],
  ['per year', 'year'],
  ['per annum', 'year'],
  ['a year', 'year'],
  ['hang nam', 'year'],
  ['moi nam', 'year'],
  ['mot nam', 'year'],
  ['ca nam', 'year'],
  ['nam', 'year'],
  ['yearly', 'year'],
  ['annual', 'year'],
  ['annually', 'year'],
  ['year', 'year'],
];

const PER_PERSON_PHRASES = ['binh quan dau nguoi', 'binh quan nhan khau', 'binh quan mot nguoi', 'dau nguoi', 'moi nguoi', 'mot nguoi', 'nguoi', 'per capita', 'per person', 'per head', 'capita', 'bqdn'];

/**
 * Abbreviations registers print in income headers, spelt out before the header is read (folded,
 * whole words): `TNBQ` (thu nhập bình quân), `TN` at the head (thu nhập), `BQ` (bình quân).
 */
function spellOut(folded: string): string {
  return folded
    .replace(/^(tong )?tn ?bq\b/, '$1thu nhap binh quan')
    .replace(/^(tong )?tn\b/, '$1thu nhap')
    .replace(/\bbq\b/g, 'binh quan');
}

/** Words that name the quantity or the household, and say nothing about unit or period. */
const NEUTRAL_PHRASES = ['tong thu nhap', 'thu nhap', 'cua ca ho', 'cua ho', 'ho gia dinh', 'ho', 'total', 'household', 'income', 'of', 'the', 'in', 'tong'];

/** Removes every whole-word occurrence of `phrase` from `text` (both folded); returns what is left and how many were removed. */
function take(text: string, phrase: string): [string, number] {
  let count = 0;
  const out = ` ${text} `.replace(new RegExp(` ${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'g'), () => {
    count++;
    return '  ';
  });
  return [out.replace(/ +/g, ' ').trim(), count];
}

/**
 * Reads what a money column's header says about its figures: the unit (đồng, nghìn đồng,
 * triệu đồng, tỷ đồng, or English: dong, VND, thousand dong…), the period (`/tháng`, `/năm`,
 * `hằng tháng`, monthly, per year, annual…) and whether it is per person (`bình quân đầu
 * người`, per capita). Diacritics, case and punctuation do not matter. It reports what it finds
 * and what contradicts itself; it never fills in a unit or period the header does not state.
 *
 * @param header - the header as the file prints it.
 * @example
 * readAmountHeader('Thu nhập/tháng (nghìn đồng)').unit //=> 'nghin'
 * readAmountHeader('Thu nhập (đồng/năm)').period //=> 'year'
 * readAmountHeader('Thu nhập bình quân đầu người/tháng (Income)').unit //=> null
 */
export function readAmountHeader(header: string): AmountHeader {
  let text = spellOut(foldVietnamese(header))
    .replace(/[()[\]/,:;|*\-–—]+/g, ' ')
    .replace(/\bđ\b/g, 'd')
    .replace(/ +/g, ' ')
    .trim();
  const units = new Set<MoneyUnit>();
  const periods = new Set<AmountPeriod>();
  let perPerson = false;
  for (const [phrase, unit] of UNIT_PHRASES) {
    let n: number;
    [text, n] = take(text, phrase);
    if (n > 0) units.add(unit);
  }
  for (const [phrase, period] of PERIOD_PHRASES) {
    let n: number;
    [text, n] = take(text, phrase);
    if (n > 0) periods.add(period);
  }
  for (const phrase of PER_PERSON_PHRASES) {
    let n: number;
    [text, n] = take(text, phrase);
    if (n > 0) perPerson = true;
  }
  // `bình quân … /người` (a unit row under `Thu nhập bình quân`): the average is the one per person
  if (perPerson) [text] = take(text, 'binh quan');
  for (const phrase of NEUTRAL_PHRASES) [text] = take(text, phrase);
  const conflicts: string[] = [];
  if (units.size > 1) conflicts.push(`two units (${[...units].join(' and ')})`);
  if (periods.size > 1) conflicts.push('two periods (month and year)');
  return Object.freeze({
    header,
    unit: units.size === 1 ? [...units][0]! : null,
    period: periods.size === 1 ? [...periods][0]! : null,
    perPerson,
    otherWords: text,
    conflicts: Object.freeze(conflicts),
  });
}

/**
 * Whether a header names an income: it begins (after folding) with `thu nhập`, `tổng thu nhập`
 * (or their abbreviations `TN`, `TNBQ`) or, in English, with words such as `monthly`, `household`, `total` before `income`.
 * @example
 * isIncomeHeader('Thu nhập (đồng/năm)') //=> true
 * isIncomeHeader('Nguồn thu nhập chính') //=> false
 */
export function isIncomeHeader(header: string): boolean {
  const f = spellOut(foldVietnamese(header));
  return /^(tong )?thu nhap\b/.test(f) || /^((total|household|monthly|yearly|annual|average|net|gross|per capita|per-capita|hh)\s+)*income\b/.test(f) || f === 'monthlyincome';
}
