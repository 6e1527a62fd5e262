import type { MoneyUnit } from '../numbers/money.js';

const UNIT_WORDS: ReadonlyArray<readonly [MoneyUnit, readonly string[]]> = [
  ['dong', ['dong', 'đồng', 'đ', 'vnd', 'vnđ']],
  ['nghin', ['nghin', 'nghìn', 'nghìn đồng', 'ngàn', 'ngàn đồng', 'nghin dong', '1.000 đồng', '1000 đồng']],
  ['trieu', ['trieu', 'triệu', 'triệu đồng', 'tr.đ', 'trđ', 'tr đồng', 'trieu dong']],
  ['ty', ['ty', 'tỷ', 'tỉ', 'tỷ đồng', 'tỉ đồng', 'ty dong']],
];

/** The money unit a word names (`'triệu đồng'` → `'trieu'`), or undefined. */
export function unitOfWord(word: string): MoneyUnit | undefined {
  const w = word.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/gu, ' ').replace(/[.:;]$/u, '');
  return UNIT_WORDS.find(([, words]) => words.includes(w))?.[0];
}
