import { foldVietnamese } from '../text/foldVietnamese.js';
import type { DocumentBlock } from './documentModel.js';

/** A year printed as a year (not inside a larger number, a date “20/02/2025” or a code “112/KH”). */
const YEAR = /(?<![\d.,/])((?:19|20)\d\d)(?![\d.,/]\d)/g;
/** The date of a text or a signature (“ngày 10 tháng 01 năm 2025”, “tháng 7/2022”): not the year a section is about. */
const DATED = /\b(?:ngay \d{1,2} thang \d{1,2} nam|thang \d{1,2} nam|ngay \d{1,2}\/\d{1,2}\/)\s*$/;

/**
 * The level of a title line, 1 the highest, or null when the block is not one: a heading (its
 * level), or a short paragraph numbered as a title and not ended as a sentence — “II. MỤC TIÊU,
 * CHỈ TIÊU NĂM 2025” (a Roman numeral: 1), “1. Thực trạng hộ nghèo” (2), “1.1. …” (3), “a) …” (4).
 */
function titleLevel(b: DocumentBlock): number | null {
  if (b.kind === 'table') return null;
  if (b.kind === 'heading') return b.level ?? 1;
  const text = `${b.label ?? ''} ${b.text}`.trim();
  if (text.length > 160 || /[.;:,]\s*$/.test(text) || /\d\s*(?:%|hộ\b|người\b|đồng\b)/u.test(text)) return null;
  const n = /^([IVXLC]+)[.)]\s+\p{Lu}|^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+\p{Lu}|^([a-zđ])\)\s+\p{Lu}/u.exec(text);
  if (n === null) return null;
  if (n[1] !== undefined) return 1;
  if (n[2] !== undefined) return 1 + n[2].split('.').filter((x) => x !== '').length;
  return 4;
}

/** The years a folded text names as years, dates of texts left out. */
function yearsIn(folded: string): Set<number> {
  const out = new Set<number>();
  for (const m of folded.matchAll(YEAR)) if (!DATED.test(folded.slice(Math.max(0, m.index - 30), m.index))) out.add(Number(m[1]));
  return out;
}

/**
 * The year a section is about: that of the nearest title above the block naming one (“II. MỤC TIÊU,
 * CHỈ TIÊU NĂM 2025”, “II. PHƯƠNG HƯỚNG NĂM 2026”), going up from a title to the one above it
 * (“1. Chỉ tiêu” under “II. … NĂM 2025”). Null when that title names several years (“V. ĐỊNH HƯỚNG
 * GIAI ĐOẠN 2026 - 2030”), undefined when no title above names a year.
 *
 * @param blocks - the document's blocks, in order.
 * @param at - the index in `blocks` of the block the section holds.
 */
export function sectionYear(blocks: readonly DocumentBlock[], at: number): number | null | undefined {
  let below = Number.POSITIVE_INFINITY;
  for (let i = at - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const level = titleLevel(b);
    if (level === null || level >= below || b.kind === 'table') continue;
    below = level;
    const years = yearsIn(foldVietnamese(b.text));
    if (years.size === 1) return [...years][0]!;
    if (years.size > 1) return null;
    if (level <= 1) return undefined;
  }
  return undefined;
}

/**
 * The year a sentence says it is about, as the year whose start it is measured from: “so với đầu
 * năm 2025” and “so với cuối năm 2024” are both 2025 (the start of a year is the review at the end
 * of the one before), any other year it names is that year (“Năm 2025, phấn đấu …”). Null when it
 * names two different such years, undefined when it names none.
 *
 * @param folded - the sentence, folded (`foldVietnamese`).
 */
export function yearOfSentence(folded: string): number | null | undefined {
  const years = new Set<number>();
  for (const m of folded.matchAll(YEAR)) {
    const before = folded.slice(Math.max(0, m.index - 30), m.index);
    if (DATED.test(before)) continue;
    years.add(Number(m[1]) + (/\bso voi cuoi (?:nam|ky)\s*$/.test(before) ? 1 : 0));
  }
  return years.size === 1 ? [...years][0]! : years.size > 1 ? null : undefined;
}

/**
 * The year whose start a figure dated by a moment is: “đầu năm 2025” is the start of 2025, and so
 * is “cuối năm 2024” (the review at 31/12/2024 gives the households at the start of 2025).
 *
 * @param moment - `'start'` (đầu năm) or `'end'` (cuối năm, còn).
 * @param year - the year printed with the moment.
 */
export function startYearOf(moment: 'start' | 'end', year: number): number {
  return moment === 'start' ? year : year + 1;
}
