import { compareFractions, fraction, type Fraction } from '../numbers/fraction.js';
import { DONG_PER_UNIT, type MoneyUnit } from '../numbers/money.js';
import type { QualifierMeaning } from '../numbers/parseVnNumber.js';
import { foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { numberWordRuns, readRun, SCALE, spelledAsNumber, type NumberWordsReading, type NumberWordsRun } from './_numberWords.js';

/** What a figure in the prose measures, for matching a total with its parts. */
export type FigureDimension = 'money' | 'households' | 'persons' | 'percent' | 'other';

/** A figure found in a paragraph: a number with its unit, and its qualifier if any. */
export interface ProseFigure {
  /** The figure as printed, qualifier and unit included (`'khoảng 5.600 lượt người'`). */
  readonly text: string;
  /** Offsets of `text` in the block's text. */
  readonly start: number;
  readonly end: number;
  /** Offset where the number itself starts (after the qualifier). */
  readonly numberStart: number;
  readonly dimension: FigureDimension;
  /** The unit word as printed (`'triệu đồng'`, `'hộ'`, `'%'`, `'lượt người'`, `'căn'`). */
  readonly unitText: string;
  /** For money: the unit, so parts in đồng and totals in triệu đồng compare exactly. */
  readonly moneyUnit: MoneyUnit | null;
  /** The value in the unit printed, exact. */
  readonly value: Fraction;
  /** Decimals printed. */
  readonly decimals: number;
  /** The number's digits, thousands grouped by dots (`'2.522'`, also for a printed “2 522”). */
  readonly digits: string;
  /**
   * The qualifier printed before the figure (“khoảng”, “hơn”). A figure printed with a scale word
   * and no qualifier (“11,7 nghìn hộ”) is rounded for print: `about`, with the word `''`, and
   * {@link ProseFigure.scale} gives its interval.
   */
  readonly qualifier: { readonly word: string; readonly meaning: QualifierMeaning } | null;
  /**
   * For “11,7 nghìn hộ”, “1,2 triệu người”, “2,5 vạn”, “1,2 nghìn tỷ đồng”: the scale word, its
   * factor, and the number as printed before it. `value` and `digits` are the figure scaled
   * (11.700), exactly; it stands for the values that round to the number printed (11,65 – 11,75 nghìn).
   */
  readonly scale?: { readonly word: string; readonly factor: bigint; readonly printed: string };
  /** For a figure written in words (“một nghìn hai trăm hộ”): the words as printed. `value` and `digits` are the number they say. */
  readonly words?: string;
  /**
   * For “712.115/1.239.405 triệu đồng” (done out of planned, one unit for both): the figure after
   * the slash, in the same unit. The figure itself (`value`, `digits`) is the one before it.
   */
  readonly outOf?: { readonly digits: string; readonly value: Fraction; readonly decimals: number };
  /**
   * For a figure that ends a range (“250-300 hộ”, “300–250 hộ”, “từ 250 đến 300 hộ”): the range as
   * printed, where it starts, and its two ends in order (a range written high end first is the same
   * interval, `reversed`). The figure itself (`value`, `digits`) is the end printed last.
   */
  readonly range?: { readonly text: string; readonly start: number; readonly low: Fraction; readonly high: Fraction; readonly lowDigits: string; readonly highDigits: string; readonly reversed: boolean };
  /**
   * For a share printed as a fraction (“1/3”, “một nửa”, “hai phần ba”): the fraction as printed
   * and its value. The figure is a percentage (`value` the fraction × 100, exact; `digits` it to two
   * decimals, for messages); with no qualifier it is rounded for print (`about`, the word `''`).
   */
  readonly fraction?: { readonly printed: string; readonly value: Fraction };
}

/** A number: thousands grouped by dots, or by spaces (Word's no-break space, read as a plain space: “102 650”), or not grouped. */
const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
/** Words a number follows as a name, not a figure (“Tổ 3 120 hộ”, “năm 2024 100 hộ”): a space after that number does not group thousands. */
const NAMED_BY_NUMBER = /\b(?:to|thon|xom|ap|ban|khu|khom|so|dieu|khoan|muc|phan|chuong|du an|tieu du an|noi dung|nam|thang|ngay|quy|giai doan|lan|bieu|bang|phu luc)\s*$/;
/** Units, longest first (folded spelling; matched on folded text). */
const UNITS: ReadonlyArray<readonly [string, FigureDimension, MoneyUnit | null]> = [
  ['trieu dong', 'money', 'trieu'],
  ['ty dong', 'money', 'ty'],
  ['ti dong', 'money', 'ty'],
  ['nghin dong', 'money', 'nghin'],
  ['ngan dong', 'money', 'nghin'],
  ['dong', 'money', 'dong'],
  ['luot nguoi', 'persons', null],
  ['nguoi lao dong', 'persons', null],
  ['lao dong', 'persons', null],
  ['nguoi', 'persons', null],
  ['doi tuong', 'persons', null],
  ['hoc sinh', 'persons', null],
  // “3.450 trẻ em suy dinh dưỡng”, “2.415 trẻ”
  ['tre em', 'persons', null],
  ['tre', 'persons', null],
  ['luot', 'persons', null],
  ['households', 'households', null],
  ['household', 'households', null],
  ['ho', 'households', null],
  // “vượt 0,3 điểm %”, “giảm 1,2 điểm phần trăm”: points of a rate
  ['diem phan tram', 'percent', null],
  ['diem %', 'percent', null],
  // “ba mươi lăm phần trăm”, “35 phần trăm”
  ['phan tram', 'percent', null],
  ['%', 'percent', null],
  ['can', 'other', null],
  // “120 con bò giống”: animals counted (“còn” folds the same but is spelled otherwise: see UNIT_SPELLINGS)
  ['con', 'other', null],
  ['lop', 'other', null],
  ['mo hinh', 'other', null],
  ['truong hop', 'other', null],
  ['the', 'other', null],
  ['cong trinh', 'other', null],
  // “12/15 xã đạt chuẩn”, “8/10 thôn”: places counted
  ['xa', 'other', null],
  ['thon', 'other', null],
];
const QUALIFIERS: ReadonlyArray<readonly [string, QualifierMeaning]> = [
  ['it nhat', 'at-least'],
  ['toi thieu la', 'at-least'],
  ['toi thieu', 'at-least'],
  ['toi da la', 'at-most'],
  ['toi da', 'at-most'],
  ['khoang', 'about'],
  ['xap xi', 'about'],
  ['hon', 'more-than'],
  ['tren', 'more-than'],
  ['gan', 'nearly'],
  ['duoi', 'less-than'],
];
const UNIT_RE = new RegExp(`^\\s*(${UNITS.map(([u]) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\d])`, 'u');
const NUMBER_RE = new RegExp(`(?<![\\d/.,\\p{L}])(${NUM})(?![\\d/]|[.,]\\d)`, 'gu');
/** “712.115/1.239.405 triệu đồng”: a figure out of another, the unit printed once after both (not a date: no third part). */
const OUT_OF_RE = new RegExp(`(?<![\\d/.,\\p{L}])(${NUM})\\s*/\\s*(${NUM})(?![\\d/]|[.,]\\d)`, 'gu');
/** “61.420 triệu đồng/78.350 triệu đồng”: a figure out of another, the unit printed after each (checked to be the same). */
const OUT_OF_UNITS_RE = new RegExp(`(?<![\\d/.,\\p{L}])(${NUM})\\s*[\\p{L} ]{1,24}?\\s*/\\s*(${NUM})(?![\\d/]|[.,]\\d)`, 'gu');
/**
 * Each unit word as spelled with its marks: a word printed with other marks is another word that
 * folds the same (“hỗ trợ”, “họ”, “hồ” are not “hộ”; “đông” is not “đồng”; “cần” is not “căn”;
 * “thể” is not “thẻ”). A word printed with no marks at all (a text typed without them) is the unit.
 */
const UNIT_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  'trieu dong': ['triệu đồng'], 'ty dong': ['tỷ đồng'], 'ti dong': ['tỉ đồng'], 'nghin dong': ['nghìn đồng'], 'ngan dong': ['ngàn đồng'], dong: ['đồng'],
  'luot nguoi': ['lượt người'], 'nguoi lao dong': ['người lao động'], 'lao dong': ['lao động'], nguoi: ['người'], 'doi tuong': ['đối tượng'], 'hoc sinh': ['học sinh'],
  'tre em': ['trẻ em'], tre: ['trẻ'], luot: ['lượt'], ho: ['hộ'], 'diem phan tram': ['điểm phần trăm'], 'diem %': ['điểm %'], 'phan tram': ['phần trăm'],
  can: ['căn'], con: ['con'], lop: ['lớp'], 'mo hinh': ['mô hình'], 'truong hop': ['trường hợp'], the: ['thẻ'], 'cong trinh': ['công trình'], xa: ['xã'], thon: ['thôn'],
};

/** Whether the unit word printed at `at`–`end` of `text` is spelled as the unit `word` (folded), or with no marks at all. */
function spelledAsUnit(text: string, at: number, end: number, word: string): boolean {
  let to = end;
  while (/[\u0300-\u036f]/.test(text[to] ?? '')) to++;
  const printed = text.slice(at, to).normalize('NFC').toLowerCase().replace(/[\s\u00a0\u202f]+/g, ' ');
  if (!/[^\x00-\x7f]/.test(printed)) return true;
  return (UNIT_SPELLINGS[word] ?? []).includes(printed);
}

/**
 * The unit word right after a figure ending at `end` (folded text), with what it measures; null when
 * none follows, or when `text` (the text as printed) spells the word with other marks ({@link UNIT_SPELLINGS}).
 */
function unitAfter(folded: string, end: number, text?: string): { readonly match: RegExpExecArray; readonly word: string; readonly dimension: FigureDimension; readonly moneyUnit: MoneyUnit | null } | null {
  const match = UNIT_RE.exec(folded.slice(end, end + 20));
  if (match === null) return null;
  const spec = UNITS.find(([u]) => u === match[1])!;
  const at = end + match[0].length - match[1]!.length;
  if (text !== undefined && !spelledAsUnit(text, at, end + match[0].length, spec[0])) return null;
  return { match, word: spec[0], dimension: spec[1], moneyUnit: spec[2] };
}

/** “102 650” (grouped by spaces, Word's no-break spaces included) as “102.650”. */
function dotGrouped(printed: string): string {
  return printed.replace(/[ \u00a0\u202f]/g, '.');
}

/** A number and a dash (“250-”, “2 –”), or “từ 250 đến”, right before a figure: the range it ends. */
const RANGE_BEFORE = new RegExp(`(?:(?<![\\d.,/\\p{L}])(${NUM})\\s*[-–—]\\s*|\\btu\\s+(${NUM})\\s+den\\s+)$`, 'u');

/** The range a figure at `numberStart` ends, if a number and a dash (or “từ … đến”) stand right before it. */
function rangeBefore(text: string, folded: string, numberStart: number, digits: string, value: Fraction, end: number): ProseFigure['range'] {
  const m = RANGE_BEFORE.exec(folded.slice(Math.max(0, numberStart - 30), numberStart));
  if (m === null) return undefined;
  const printed = m[1] ?? m[2]!;
  // “2021-2025”: two years are a period, not a range of a figure
  if (/^(?:19|20)\d\d$/.test(printed)) return undefined;
  const otherDigits = dotGrouped(printed);
  const other = figureValue(otherDigits);
  if (other === null) return undefined;
  const start = numberStart - m[0].length + (m[1] === undefined ? m[0].indexOf(printed) - 0 : 0);
  const reversed = compareFractions(other, value) > 0;
  return { text: text.slice(start, end), start, low: reversed ? value : other, high: reversed ? other : value, lowDigits: reversed ? digits : otherDigits, highDigits: reversed ? otherDigits : digits, reversed };
}

/** A scale word after a number (“11,7 nghìn hộ”, “2,5 vạn hộ”, “1,2 nghìn tỷ đồng”), as printed (“vẫn”, “văn” fold like “vạn”). */
const SCALE_AFTER = /^\s*(nghin|ngan|van|trieu|ty|ti)(?![\p{L}\d])/u;
const SCALE_SPELLINGS: ReadonlySet<string> = new Set(['nghìn', 'ngàn', 'vạn', 'triệu', 'tỷ', 'tỉ']);

/** The scale word after a number ending at `at` and the unit after it; undefined when the number's own unit follows (“2,5 triệu đồng”) or none. */
function scaleAfter(text: string, folded: string, at: number): { readonly word: string; readonly factor: bigint; readonly length: number; readonly unit: NonNullable<ReturnType<typeof unitAfter>> } | undefined {
  if (unitAfter(folded, at, text) !== null) return undefined;
  const m = SCALE_AFTER.exec(folded.slice(at, at + 12));
  if (m === null) return undefined;
  const word = text.slice(at + m[0].length - m[1]!.length, at + m[0].length);
  if (!SCALE_SPELLINGS.has(word.toLowerCase())) return undefined;
  const unit = unitAfter(folded, at + m[0].length, text);
  if (unit === null) return undefined;
  return { word, factor: SCALE[m[1]!]!, length: m[0].length, unit };
}

/** A number and a scale word inside a figure written in digits and scale words (“2 triệu 500 nghìn đồng”: “2 triệu ”). */
const COMPOUND_GROUP = /^(\d{1,3}(?:\.\d{3})*|\d+)[ \u00a0]+(nghin|ngan|trieu|ty|ti)(?![\p{L}\d])[ \u00a0]+(?=\d)/u;

/**
 * A figure written in digits and scale words, larger first (“2 triệu 500 nghìn đồng” is 2.500
 * nghìn đồng, “1 tỷ 200 triệu đồng” 1.200 triệu đồng, “1 nghìn 200 hộ” 1.200 hộ), from `at`:
 * its length, its digits in the unit printed last, and that unit; undefined when `at` does not
 * start one, `malformed` (where its groups end) when scale words chain digits that make no
 * figure (“2 triệu 1500 nghìn đồng”: each group after the first is less than the step to the
 * scale before it), so the reading is exact and unique and no group is read alone.
 */
function compoundAt(text: string, folded: string, at: number): { readonly length: number; readonly digits: string; readonly unit: NonNullable<ReturnType<typeof unitAfter>> } | { readonly malformed: number } | undefined {
  const groups: Array<{ readonly value: bigint; readonly factor: bigint }> = [];
  let pos = at;
  for (let m = COMPOUND_GROUP.exec(folded.slice(pos, pos + 40)); m !== null; m = COMPOUND_GROUP.exec(folded.slice(pos, pos + 40))) {
    const wordAt = pos + m[0].indexOf(m[2]!, m[1]!.length);
    if (!SCALE_SPELLINGS.has(text.slice(wordAt, wordAt + m[2]!.length).toLowerCase())) return undefined;
    groups.push({ value: BigInt(m[1]!.replace(/\./g, '')), factor: SCALE[m[2]!]! });
    pos += m[0].length;
  }
  if (groups.length === 0) return undefined;
  // “2 triệu 1500 nghìn đồng”: not a figure, and its last group is not one either
  const malformed = { malformed: pos };
  const last = /^\d{1,3}(?![\d.,])/.exec(folded.slice(pos, pos + 4));
  if (last === null) return malformed;
  // “… 200 nghìn hộ”: the last group may have its scale word before a unit that is not money's
  const lastScale = SCALE_AFTER.exec(folded.slice(pos + last[0].length, pos + last[0].length + 12));
  const unit = unitAfter(folded, pos + last[0].length, text) ?? (lastScale === null ? null : unitAfter(folded, pos + last[0].length + lastScale[0].length, text));
  if (unit === null) return malformed;
  const scaled = unit.dimension !== 'money' && lastScale !== null && unitAfter(folded, pos + last[0].length, text) === null;
  const unitFactor = unit.dimension === 'money' ? DONG_PER_UNIT[unit.moneyUnit ?? 'dong'] : 1n;
  const lastFactor = scaled ? SCALE[lastScale[1]!]! : unitFactor;
  // a count in tỷ (“5 tỷ 300 hộ”) is no count
  if (unit.dimension !== 'money' && groups.some((g) => g.factor >= 1_000_000_000n)) return malformed;
  // every scale larger than the one after it, each group less than the step to the scale before it
  const factors = [...groups.map((g) => g.factor), lastFactor];
  const values = [...groups.map((g) => g.value), BigInt(last[0])];
  for (let k = 1; k < factors.length; k++) if (factors[k]! >= factors[k - 1]! || values[k]! * factors[k]! >= factors[k - 1]!) return malformed;
  const total = values.reduce((sum, v, k) => sum + (v * factors[k]!) / unitFactor, 0n);
  return { length: pos + last[0].length + (scaled ? lastScale[0].length : 0) + unit.match[0].length - at, digits: scaledDigits(total.toString(), 1n), unit };
}

/** Vietnamese digits (“11,7”) times a factor (1.000), exactly, grouped by dots (“11.700”). */
function scaledDigits(digits: string, factor: bigint): string {
  const [whole = '', frac = ''] = digits.split(',');
  let n = BigInt(whole.replace(/\./g, '') + frac) * factor;
  let d = frac.length;
  while (d > 0 && n % 10n === 0n) { n /= 10n; d--; }
  const s = n.toString().padStart(d + 1, '0');
  const int = s.slice(0, s.length - d).replace(/\B(?=(\d{3})+$)/g, '.');
  return d === 0 ? int : `${int},${s.slice(s.length - d)}`;
}

/** A number in words with its unit (see {@link wordFigures}): the run, where it starts and ends with its unit, and its reading. */
export interface WordFigure {
  readonly run: NumberWordsRun;
  readonly start: number;
  readonly end: number;
  readonly unit: NonNullable<ReturnType<typeof unitAfter>>;
  readonly reading: NumberWordsReading;
}

/** Units a number in words must be printed with exactly: “hộ” (not “hỗ trợ”, “họ”), “đồng” (not “đông”). */
const WORD_UNIT_SPELLING: Readonly<Record<string, string>> = { ho: 'hộ', dong: 'đồng' };

/**
 * Numbers written in words with a unit after them (“một nghìn hai trăm hộ”, “ba mươi lăm phần
 * trăm”, “năm trăm triệu đồng”), every word printed as a number word; each with its reading (a
 * value, or why it is not read). A lone “một” (“một hộ”: a household) is not a figure. Read once
 * per paragraph and given to {@link proseFigures} and {@link ambiguousFigures} (`words`).
 */
export function wordFigures(text: string, folded: string = foldVietnameseKeepingLength(text)): WordFigure[] {
  const out: WordFigure[] = [];
  for (const whole of numberWordRuns(folded)) {
    // “từ hai trăm hộ”: a leading word printed as another word (“từ”) is not part of the number
    const skip = whole.starts.findIndex((s, k) => spelledAsNumber(text, { start: s, end: s + whole.words[k]!.length, words: [whole.words[k]!], starts: [s] }));
    if (skip < 0) continue;
    let run = skip === 0 ? whole : { start: whole.starts[skip]!, end: whole.end, words: whole.words.slice(skip), starts: whole.starts.slice(skip) };
    let unitFrom = run.end;
    let unit = unitAfter(folded, run.end, text);
    // “năm trăm triệu đồng”: the last scale word is the money unit's
    const last = run.words.length - 1;
    if (last > 0 && SCALE[run.words[last]!] !== undefined) {
      const money = unitAfter(folded, run.starts[last]!, text);
      if (money !== null && money.dimension === 'money' && money.moneyUnit !== 'dong') {
        run = { start: run.start, end: run.starts[last - 1]! + run.words[last - 1]!.length, words: run.words.slice(0, last), starts: run.starts.slice(0, last) };
        unit = money;
        unitFrom = run.starts.length === 0 ? run.end : whole.starts[skip + last]!;
      }
    }
    if (unit === null || (run.words.length === 1 && (run.words[0] === 'mot' || run.words[0] === 'nam')) || !spelledAsNumber(text, run)) continue;
    // “huyện Năm Căn”, “xã Ba Chẽ”: a capital inside a sentence is a name, not a number
    const capital = (at: number): boolean => text[at] !== text[at]!.toLowerCase();
    if (run.starts.slice(1).some(capital) || (capital(run.start) && /\p{L}\s*$/u.test(text.slice(Math.max(0, run.start - 3), run.start)) && !/(?<![\p{L}])(?:hơn|trên|khoảng|gần|dưới|có|là|còn)\s*$/iu.test(text.slice(Math.max(0, run.start - 8), run.start)))) continue;
    const unitAt = unitFrom + unit.match[0].length - unit.match[1]!.length;
    const spelling = WORD_UNIT_SPELLING[unit.word];
    if (spelling !== undefined && text.slice(unitAt, unitAt + spelling.length).toLowerCase() !== spelling) continue;
    const read = readRun(run);
    out.push({ run, start: read.start, end: unitFrom + unit.match[0].length, unit, reading: read.reading });
  }
  return out;
}

/** The smallest denominator read as “done out of planned”: below it, “1/2”, “2/3 số hộ” are shares, read by the targets — except for places counted (“12/15 xã”, “8/10 thôn”), never a share. */
const OUT_OF_MIN = 20n;
/** Units of places counted, whose “A/B” is always done out of all (“12/15 xã đạt chuẩn”). */
const PLACES: ReadonlySet<string> = new Set(['xa', 'thon']);

/**
 * Every figure of a paragraph that carries a unit (money, households, persons, %, or a counted
 * thing such as căn, lớp, mô hình). Numbers without a unit (years, article and document numbers,
 * dates such as 30/6/2022, list numbers) are not figures.
 */
export function proseFigures(text: string, options: { readonly englishFormat?: boolean; readonly folded?: string; readonly words?: readonly WordFigure[] } = {}): ProseFigure[] {
  // figures printed in the English format are read with their separators swapped (same length, offsets kept)
  const folded = swapEnglishFigures(options.folded ?? foldVietnameseKeepingLength(text), options.englishFormat === true);
  const out: ProseFigure[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(folded); m !== null; m = NUMBER_RE.exec(folded)) {
    const printed = m[1]!;
    const numberStart = m.index;
    // “80 157/95 420”: a number inside a space-grouped one (whose match failed on what follows it) is not a figure of its own
    if (insideSpaceGroup(folded, numberStart)) continue;
    const space = /[ \u00a0\u202f]/.exec(printed);
    if (space !== null && NAMED_BY_NUMBER.test(folded.slice(Math.max(0, numberStart - 16), numberStart))) {
      NUMBER_RE.lastIndex = numberStart + space.index;
      continue;
    }
    // “2 triệu 500 nghìn đồng”: one figure, never its last group alone
    const compound = compoundAt(text, folded, numberStart);
    if (compound !== undefined && 'malformed' in compound) {
      NUMBER_RE.lastIndex = compound.malformed;
      while (/\d/.test(folded[NUMBER_RE.lastIndex] ?? '')) NUMBER_RE.lastIndex++;
      continue;
    }
    if (compound !== undefined) {
      const end = numberStart + compound.length;
      const { start, qualifier } = qualifierBefore(text, folded, numberStart);
      out.push({ text: text.slice(start, end), start, end, numberStart, dimension: compound.unit.dimension, unitText: text.slice(end - compound.unit.match[1]!.length, end), moneyUnit: compound.unit.moneyUnit, value: figureValue(compound.digits)!, decimals: 0, digits: compound.digits, qualifier });
      NUMBER_RE.lastIndex = end;
      continue;
    }
    // “102 650” is read as “102.650”; the text keeps what was printed
    const digits = dotGrouped(printed);
    const after = folded.slice(numberStart + printed.length, numberStart + printed.length + 20);
    const scaled = scaleAfter(text, folded, numberStart + printed.length);
    const found = scaled?.unit ?? unitAfter(folded, numberStart + printed.length, text);
    const unit = found?.match ?? null;
    // “Tổng số hộ cận nghèo: 18.160; Tỷ lệ: …”: a count of households named before it, with no unit after
    // …or “số hộ nghèo dân tộc thiểu số là 17.185 (giảm 5.193 hộ …)”: “là”, “có” after the name, an aside in brackets after the count
    const namedHouseholds =
      unit === null &&
      !printed.includes(',') &&
      (/\b(?:tong )?so ho[\p{L} ]{0,40}:\s*$/u.test(folded.slice(Math.max(0, numberStart - 50), numberStart)) ||
        (/\b(?:tong )?so ho (?:ngheo|can ngheo)\b[\p{L} ]{0,40}\b(?:la|co)\s*$/u.test(folded.slice(Math.max(0, numberStart - 60), numberStart)) &&
          !/^(?:19|20)\d\d$/.test(printed) && /^\s*(?:\((?!\s*\d)|,\s*chiem\b)/.test(after))) &&
      /^\s*(?:[;,.)(]|$)/.test(after);
    if (unit === null && !namedHouseholds) continue;
    const unitWord = found === null ? '' : unit![1]!;
    const spec = found === null ? (['', 'households', null] as const) : ([found.word, found.dimension, found.moneyUnit] as const);
    // “1,234 hộ” in a Vietnamese document: a count has no decimals, and 1.234 in the English format is a guess (see ambiguousFigures)
    if (options.englishFormat !== true && spec[1] !== 'money' && spec[1] !== 'percent' && /^\d{1,3}(?:,\d{3})+$/.test(printed)) continue;
    // "ngày 30 tháng 6 năm 2022", "năm 2024": not figures (already excluded: no unit); "hộ" after a year is rare
    // …but “Đến cuối năm 2026 hộ nghèo còn 1.601 hộ”: a year after “năm” is the year, the households after it the subject
    if (/^(?:19|20)\d\d$/.test(printed) && /\bnam\s*$/.test(folded.slice(Math.max(0, numberStart - 8), numberStart))) continue;
    const end = numberStart + printed.length + (scaled?.length ?? 0) + (unit === null ? 0 : unit[0].length);
    const before = qualifierBefore(text, folded, numberStart);
    const { start } = before;
    // “11,7 nghìn hộ”: rounded for print, the values that round to it (see figureInterval)
    const qualifier = before.qualifier ?? (scaled === undefined ? null : { word: '', meaning: 'about' as const });
    const printedValue = figureValue(digits);
    if (printedValue === null) continue;
    const figureDigits = scaled === undefined ? digits : scaledDigits(digits, scaled.factor);
    const value = scaled === undefined ? printedValue : figureValue(figureDigits)!;
    const frac = figureDigits.split(',')[1] ?? '';
    const range = rangeBefore(text, folded, numberStart, digits, value, end);
    out.push({
      text: text.slice(start, end),
      start,
      end,
      numberStart,
      dimension: spec[1],
      unitText: text.slice(end - unitWord.length, end),
      moneyUnit: spec[2],
      value,
      decimals: frac.length,
      digits: figureDigits,
      qualifier,
      ...(range === undefined ? {} : { range }),
      ...(scaled === undefined ? {} : { scale: { word: scaled.word, factor: scaled.factor, printed: digits } }),
    });
  }
  // the number words have no digits: the English format's swap leaves them as they are
  for (const w of options.words ?? wordFigures(text, folded)) {
    if (!('value' in w.reading)) continue;
    const end = w.end;
    const { start, qualifier } = qualifierBefore(text, folded, w.start);
    const digits = scaledDigits(String(w.reading.value), 1n);
    out.push({
      text: text.slice(start, end),
      start,
      end,
      numberStart: w.start,
      dimension: w.unit.dimension,
      unitText: text.slice(end - w.unit.match[1]!.length, end),
      moneyUnit: w.unit.moneyUnit,
      value: fraction(w.reading.value),
      decimals: 0,
      digits,
      qualifier,
      words: text.slice(w.start, w.run.end),
    });
  }
  OUT_OF_RE.lastIndex = 0;
  for (let m = OUT_OF_RE.exec(folded); m !== null; m = OUT_OF_RE.exec(folded)) {
    const [all, doneAsPrinted = '', plannedAsPrinted = ''] = m;
    const done = dotGrouped(doneAsPrinted);
    const planned = dotGrouped(plannedAsPrinted);
    const found = unitAfter(folded, m.index + all.length, text);
    const value = figureValue(done);
    const of = figureValue(planned);
    if (found === null || found.dimension === 'percent' || value === null || of === null || (of.num < OUT_OF_MIN * of.den && !PLACES.has(found.word)) || of.num === 0n) continue;
    const unit = found.match;
    const end = m.index + all.length + unit[0].length;
    const { start, qualifier } = qualifierBefore(text, folded, m.index);
    out.push({
      text: text.slice(start, end),
      start,
      end,
      numberStart: m.index,
      dimension: found.dimension,
      unitText: text.slice(end - unit[1]!.length, end),
      moneyUnit: found.moneyUnit,
      value,
      decimals: done.split(',')[1]?.length ?? 0,
      digits: done,
      qualifier,
      outOf: { digits: planned, value: of, decimals: planned.split(',')[1]?.length ?? 0 },
    });
  }
  // “61.420 triệu đồng/78.350 triệu đồng”: the unit printed after each, the same — one figure out of the other, in place of the first alone
  OUT_OF_UNITS_RE.lastIndex = 0;
  for (let m = OUT_OF_UNITS_RE.exec(folded); m !== null; m = OUT_OF_UNITS_RE.exec(folded)) {
    const [, doneAsPrinted = '', plannedAsPrinted = ''] = m;
    const first = unitAfter(folded, m.index + doneAsPrinted.length, text);
    const slash = m.index + m[0].length - plannedAsPrinted.length;
    if (first === null || first.dimension === 'percent' || !/^\s*\/\s*$/.test(folded.slice(m.index + doneAsPrinted.length + first.match[0].length, slash))) continue;
    const second = unitAfter(folded, m.index + m[0].length, text);
    if (second === null || second.word !== first.word) continue;
    const value = figureValue(dotGrouped(doneAsPrinted));
    const of = figureValue(dotGrouped(plannedAsPrinted));
    if (value === null || of === null || of.num === 0n || (of.num < OUT_OF_MIN * of.den && !PLACES.has(first.word))) continue;
    const alone = out.findIndex((f) => f.numberStart === m!.index && f.outOf === undefined);
    if (alone < 0) continue;
    const end = m.index + m[0].length + second.match[0].length;
    out.splice(alone, 1, { ...out[alone]!, text: text.slice(out[alone]!.start, end), end, unitText: text.slice(end - second.match[1]!.length, end), outOf: { digits: dotGrouped(plannedAsPrinted), value: of, decimals: plannedAsPrinted.split(',')[1]?.length ?? 0 } });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** “182,306.5”, “1,234,567”: thousands grouped by commas with a point decimal, or in two groups or more — never Vietnamese. */
const EN_CERTAIN = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,})(?![\d.,]\d|\d)/g;
/** “1,234”, “12.5”: English in an English-format document; in a Vietnamese one a comma group or a point decimal that may be either. */
const EN_MAYBE = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d.,]\d|\d)/g;
/** “15,40”, “2.522,5”, “2,5”: a comma with one or two decimals, or point groups with a comma decimal — never English. */
const VN_CERTAIN = /(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+,\d+|\d+,\d{1,2})(?![\d.,]\d|\d)/g;

/** The text with the separators of every figure in the English format swapped (“182,306.5” → “182.306,5”), the same length. */
function swapEnglishFigures(folded: string, englishFormat: boolean): string {
  const swap = (m: string): string => m.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
  return folded.replace(englishFormat ? EN_MAYBE : EN_CERTAIN, swap);
}

/** A figure with a unit whose format cannot be told (“1,234 hộ”, “12.5%” in a Vietnamese document): printed, where, and why it is not read. */
export interface AmbiguousFigure {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

/**
 * Figures of a Vietnamese-format paragraph that may be in the English format: a point decimal
 * (“12.5%”, read as 12,5 in English but a malformed grouping in Vietnamese) and a comma group of
 * three digits with a count unit (“1,234 hộ”: 1.234 households in English, an impossible 1,234 in
 * Vietnamese). They are not read; the checker lists them with the reason.
 */
export function ambiguousFigures(text: string, folded: string = foldVietnameseKeepingLength(text), words: readonly WordFigure[] = wordFigures(text, folded)): AmbiguousFigure[] {
  const out: AmbiguousFigure[] = [];
  EN_MAYBE.lastIndex = 0;
  for (let m = EN_MAYBE.exec(folded); m !== null; m = EN_MAYBE.exec(folded)) {
    const printed = m[0];
    EN_CERTAIN.lastIndex = 0;
    if (EN_CERTAIN.test(printed)) continue;
    const found = unitAfter(folded, m.index + printed.length, text);
    if (found === null) continue;
    const unit = found.match;
    const point = printed.includes('.');
    // “5.842 hộ”: thousands grouped by points, Vietnamese
    if (point && !printed.includes(',') && /^\d{1,3}(?:\.\d{3})+$/.test(printed)) continue;
    // a comma group of three is a Vietnamese decimal for money and rates (“1,234 tỷ đồng”, “2,345%”), not for a count;
    // a point decimal before a count is neither (“2.1 Hộ nghèo”: a section number)
    const measured = found.dimension === 'money' || found.dimension === 'percent';
    if (point !== measured) continue;
    const end = m.index + printed.length + unit[0].length;
    const english = point ? printed.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')) : printed.replace(/,/g, '.');
    out.push({
      text: text.slice(m.index, end),
      start: m.index,
      end,
      reason: point
        ? `“${text.slice(m.index, end)}” has a point decimal, as in the English format (${english}), in a document whose figures are Vietnamese (“.” groups thousands): not read`
        : `“${text.slice(m.index, end)}” may be ${english} in the English format, in a document whose figures are Vietnamese (“,” is the decimal comma, and a count has no decimals): not read`,
    });
  }
  for (const w of words) {
    if ('value' in w.reading) continue;
    const end = w.end;
    const printed = text.slice(w.run.start, end);
    out.push({
      text: printed,
      start: w.run.start,
      end,
      reason: w.reading.unread === 'ambiguous'
        ? `“${printed}” is a number in words that reads two ways (spoken shorthand: “hai trăm năm” is 205 or 250, “một nghìn hai” 1.002 or 1.200): not read`
        : `“${printed}” is not a number in words the checker can read: not read`,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether a document prints its figures in the English format (“412,204”, “15.40%”): at least two
 * figures with a unit that only the English format reads, and none that only the Vietnamese does.
 */
export function isEnglishFormat(texts: readonly string[], options: { readonly folded?: boolean } = {}): boolean {
  let english = 0;
  let vietnamese = 0;
  for (const text of texts) {
    const folded = options.folded === true ? text : foldVietnameseKeepingLength(text);
    const dimension = (at: number, length: number): FigureDimension | null => unitAfter(folded, at + length)?.dimension ?? null;
    const measured = (d: FigureDimension | null): boolean => d === 'percent' || d === 'money';
    for (const m of folded.matchAll(EN_MAYBE)) {
      const d = dimension(m.index, m[0].length);
      // a point decimal is evidence only for a rate or an amount: “2.1 Hộ nghèo” is a section number
      if (d !== null && (/,\d{3}[.,]/.test(m[0]) || (measured(d) && /\.\d{1,2}$/.test(m[0])))) english++;
    }
    for (const m of folded.matchAll(VN_CERTAIN)) if (dimension(m.index, m[0].length) !== null) vietnamese++;
    // “1.234 hộ”: a count grouped by points (in English it would be 1,234 of a household)
    for (const m of folded.matchAll(/(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]\d|\d)/g)) { const d = dimension(m.index, m[0].length); if (d !== null && !measured(d)) vietnamese++; }
  }
  return english >= 2 && vietnamese === 0;
}

/** True when the number at `at` continues a space-grouped number (“95 420”: “420”) that no naming word (“Tổ 3 120”) breaks. */
function insideSpaceGroup(folded: string, at: number): boolean {
  const isDigit = (i: number): boolean => i >= 0 && folded.charCodeAt(i) >= 48 && folded.charCodeAt(i) <= 57;
  const isSpace = (i: number): boolean => i >= 0 && ' \u00a0\u202f'.includes(folded[i]!);
  if (!isSpace(at - 1) || !isDigit(at - 2)) return false;
  // walk back over the groups before it: “1 239 405”
  let space = at - 1;
  let runStart = space;
  for (;;) {
    runStart = space;
    while (isDigit(runStart - 1)) runStart--;
    if (space - runStart === 3 && isSpace(runStart - 1) && isDigit(runStart - 2)) space = runStart - 1;
    else break;
  }
  const length = space - runStart;
  if (length < 1 || length > 3 || /[.,]/.test(folded[runStart - 1] ?? '')) return false;
  return !NAMED_BY_NUMBER.test(folded.slice(Math.max(0, runStart - 16), runStart));
}

/** “1.239.405”, “68,803”: the exact value, or null for a malformed grouping (“1.23.4”). */
function figureValue(digits: string): Fraction | null {
  const [whole = '', frac = ''] = digits.split(',');
  if (whole.includes('.') && !/^\d{1,3}(\.\d{3})+$/.test(whole)) return null;
  return fraction(BigInt(whole.replace(/\./g, '') + frac), 10n ** BigInt(frac.length));
}

/** A qualifier word (“hơn”, “khoảng”) right before a number, as a whole word (“giải ngân 80.157” is not “gần”). */
function qualifierBefore(text: string, folded: string, numberStart: number): { start: number; qualifier: ProseFigure['qualifier'] } {
  const before = folded.slice(Math.max(0, numberStart - 16), numberStart);
  for (const [word, meaning] of QUALIFIERS) {
    if (!before.endsWith(`${word} `)) continue;
    const start = numberStart - word.length - 1;
    if (start > 0 && /\p{L}/u.test(folded[start - 1]!)) continue;
    return { start, qualifier: { word: text.slice(start, numberStart - 1), meaning } };
  }
  return { start: numberStart, qualifier: null };
}

/**
 * True when a qualifier is printed before the figure (“khoảng”, “hơn”); a figure only rounded
 * for print by its scale word (“11,7 nghìn hộ”) is not, and claims checked by intervals read it.
 */
export function qualified(f: ProseFigure): boolean {
  return f.qualifier !== null && f.qualifier.word !== '';
}

/** A money figure in đồng, exactly. */
export function inDong(f: ProseFigure): Fraction {
  const per = DONG_PER_UNIT[f.moneyUnit ?? 'dong'];
  return fraction(f.value.num * per, f.value.den);
}

/** The figure in a common unit of its dimension (money in đồng), exact. */
export function commonValue(f: ProseFigure): Fraction {
  return f.dimension === 'money' ? inDong(f) : f.value;
}

/** Sentences of a paragraph: split after `.`, `!` or `?` followed by white space. Offsets into the text. */
export function sentences(text: string): Array<{ readonly start: number; readonly end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  const re = /[.!?](?=\s+\S)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}
