/**
 * Vietnamese numbers written in words (“một nghìn hai trăm”, “ba mươi lăm”), read exactly from the
 * folded text (no diacritics, lower case: “mười” and “mươi” fold to the same word, told apart by
 * what stands before them). A phrase that two readings fit (“hai trăm năm”: 205 or, spoken, 250;
 * “một nghìn hai”: 1.002 or 1.200) is ambiguous, never guessed.
 */

/** The digits 1–9 as words (folded). “tư” and “lăm”, “mốt” only after a ten: see {@link unitAfterTen}. */
const DIGIT: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
/** Scale words: nghìn/ngàn, vạn (ten thousand, old usage), triệu, tỷ/tỉ. */
export const SCALE: Readonly<Record<string, bigint>> = { nghin: 1_000n, ngan: 1_000n, van: 10_000n, trieu: 1_000_000n, ty: 1_000_000_000n, ti: 1_000_000_000n };
/** Every word a number in words is made of (folded). */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...Object.keys(DIGIT), ...Object.keys(SCALE), 'tu', 'lam', 'muoi', 'linh', 'le', 'tram', 'khong']);

/** The unit after a ten (“hai mươi mốt”, “ba mươi tư”, “mười lăm”): 1–9, or undefined. */
function unitAfterTen(word: string | undefined, afterMuoi: boolean): number | undefined {
  if (word === undefined) return undefined;
  if (word === 'lam') return 5;
  if (word === 'tu' && afterMuoi) return 4;
  return DIGIT[word];
}

/** A group 0–999 from `i`: its value, the next word, whether it printed hundreds, and whether it is ambiguous. */
function group(words: readonly string[], i: number, afterScale: boolean): { value: number; next: number; hundreds: boolean; ambiguous: boolean } | null {
  let value = 0;
  let hundreds = false;
  const d0 = words[i] === 'khong' ? 0 : DIGIT[words[i] ?? ''];
  if (d0 !== undefined && words[i + 1] === 'tram') {
    value = d0 * 100;
    hundreds = true;
    i += 2;
  }
  const w = words[i];
  const d = DIGIT[w ?? ''];
  if ((w === 'linh' || w === 'le') && (hundreds || afterScale) && DIGIT[words[i + 1] ?? ''] !== undefined) return { value: value + DIGIT[words[i + 1]!]!, next: i + 2, hundreds, ambiguous: false };
  if (d !== undefined && d >= 2 && words[i + 1] === 'muoi') {
    const u = unitAfterTen(words[i + 2], true);
    return { value: value + d * 10 + (u ?? 0), next: i + 2 + (u === undefined ? 0 : 1), hundreds, ambiguous: false };
  }
  if (w === 'muoi') {
    const u = unitAfterTen(words[i + 1], false);
    return { value: value + 10 + (u ?? 0), next: i + 1 + (u === undefined ? 0 : 1), hundreds, ambiguous: false };
  }
  // “hai trăm năm”, “một nghìn hai”: a digit right after hundreds or a scale is spoken shorthand for tens or hundreds
  if (d !== undefined && !hundreds) return { value: d, next: i + 1, hundreds, ambiguous: afterScale };
  if (d !== undefined && hundreds) return { value: value + d, next: i + 1, hundreds, ambiguous: true };
  return hundreds ? { value, next: i, hundreds, ambiguous: false } : null;
}

/** What {@link readNumberWords} found: the value, or why the words are not read. */
export type NumberWordsReading = { readonly value: bigint } | { readonly unread: 'ambiguous' | 'unreadable' };

/**
 * The number a whole run of folded number words says (`['mot', 'nghin', 'hai', 'tram']` → 1.200),
 * or why it is not read: `ambiguous` when spoken shorthand allows two values, `unreadable` when
 * the words do not make a number (“hai ba trăm”).
 */
export function readNumberWords(words: readonly string[]): NumberWordsReading {
  let total = 0n;
  let lastScale: bigint | null = null;
  let i = 0;
  let ambiguous = false;
  while (i < words.length) {
    const g = group(words, i, lastScale !== null);
    if (g === null || g.next === i) return { unread: 'unreadable' };
    ambiguous ||= g.ambiguous;
    i = g.next;
    // a compound scale: “nghìn tỷ” is 10¹²
    let scale = 1n;
    while (i < words.length && SCALE[words[i]!] !== undefined) scale *= SCALE[words[i++]!]!;
    if (scale === 1n && i < words.length) return { unread: 'unreadable' };
    if (lastScale !== null && scale >= lastScale) return { unread: 'unreadable' };
    if (g.value === 0 && !g.hundreds) return { unread: 'unreadable' };
    total += BigInt(g.value) * scale;
    if (scale > 1n) lastScale = scale;
  }
  if (words.length === 0) return { unread: 'unreadable' };
  return ambiguous ? { unread: 'ambiguous' } : { value: total };
}

/** A run of number words in folded text: where it starts and ends, and its words. */
export interface NumberWordsRun {
  readonly start: number;
  readonly end: number;
  readonly words: readonly string[];
  /** Where each word starts. */
  readonly starts: readonly number[];
}

/** Words that also mean something else at the head of a run (“từ”, “năm” a year, “không” not): dropped when the run reads without them. */
const LEADING_OTHER = new Set(['tu', 'nam', 'khong', 'le']);

/**
 * Runs of number words in folded text (“mot nghin hai tram”), each at least one word that is not
 * only a scale, not right after a digit (“1,2 nghìn” is a figure with a scale word; after a comma
 * that ends a clause, “…, từ một nghìn hai trăm hộ”, it is a run). A lone “năm”
 * (a year, “trong năm”), “tư”, “lẻ” or “không” is not a run.
 */
export function numberWordRuns(folded: string): NumberWordsRun[] {
  const out: NumberWordsRun[] = [];
  const re = /[a-z]+/g;
  let run: Array<{ word: string; start: number; end: number }> = [];
  const flush = (): void => {
    while (run.length > 0 && SCALE[run[0]!.word] !== undefined) run.shift();
    if (run.length > 0 && !(run.length === 1 && LEADING_OTHER.has(run[0]!.word)) && !/\d[.,]?\s*$/.test(folded.slice(Math.max(0, run[0]!.start - 3), run[0]!.start))) {
      out.push({ start: run[0]!.start, end: run[run.length - 1]!.end, words: run.map((r) => r.word), starts: run.map((r) => r.start) });
    }
    run = [];
  };
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    const word = m[0];
    const contiguous = run.length > 0 && /^ +$/.test(folded.slice(run[run.length - 1]!.end, m.index));
    // a word run inside another word (“nam” of “vietnam”): the text around is letters, not spaces
    const whole = !/\p{L}/u.test(folded[m.index - 1] ?? '') && !/\p{L}/u.test(folded[m.index + word.length] ?? '');
    if (NUMBER_WORDS.has(word) && whole) {
      if (!contiguous) flush();
      run.push({ word, start: m.index, end: m.index + word.length });
    } else flush();
  }
  flush();
  return out;
}

/** The run read, dropping a leading word that means something else (“từ hai trăm”) when only that makes it read. */
export function readRun(run: NumberWordsRun): { readonly start: number; readonly reading: NumberWordsReading } {
  const reading = readNumberWords(run.words);
  if ('value' in reading || run.words.length < 2 || !LEADING_OTHER.has(run.words[0]!)) return { start: run.start, reading };
  return { start: run.starts[1]!, reading: readNumberWords(run.words.slice(1)) };
}

/** The number words as Vietnamese prints them (lower case, NFC): “sau” (after), “tạm”, “nam”, “bà” fold like “sáu”, “tám”, “năm”, “ba” but are not numbers. */
export const NUMBER_WORD_SPELLINGS: ReadonlySet<string> = new Set(['một', 'mốt', 'hai', 'ba', 'bốn', 'tư', 'năm', 'lăm', 'sáu', 'bảy', 'bẩy', 'tám', 'chín', 'mười', 'mươi', 'linh', 'lẻ', 'trăm', 'nghìn', 'ngàn', 'vạn', 'triệu', 'tỷ', 'tỉ', 'không']);

/** True when every word of the run is printed as a number word (not a word that folds like one). */
export function spelledAsNumber(text: string, run: NumberWordsRun): boolean {
  return run.starts.every((s, k) => NUMBER_WORD_SPELLINGS.has(text.slice(s, s + run.words[k]!.length).normalize('NFC').toLowerCase()));
}
