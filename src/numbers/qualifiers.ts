/** Meaning of an approximate qualifier printed before a figure. */
export type QualifierMeaning = 'more-than' | 'less-than' | 'about' | 'nearly' | 'at-least' | 'at-most';

/** One qualifier word as plans print it, and what it means. */
export interface QualifierWord {
  /** The word, lower case, NFC (`'hơn'`, `'ít nhất'`). */
  readonly word: string;
  readonly meaning: QualifierMeaning;
}

/**
 * The approximate qualifiers real plans print before a figure, longest first (so that
 * “trên dưới 100” is read as *about* 100, not *more than* “dưới 100”). What each means as an
 * interval is in `printedInterval` (`QUALIFIER_INTERVALS`).
 *
 * | word | meaning |
 * |---|---|
 * | hơn, trên | more than |
 * | ít nhất, tối thiểu, không dưới | at least |
 * | dưới, chưa đến, chưa tới | less than |
 * | tối đa, không quá | at most |
 * | khoảng, xấp xỉ, trên dưới, ước khoảng | about |
 * | gần | nearly (a little under) |
 *
 * @example
 * NUMBER_QUALIFIERS.find((q) => q.word === 'gần')?.meaning //=> 'nearly'
 */
export const NUMBER_QUALIFIERS: readonly QualifierWord[] = Object.freeze(
  (
    [
      ['ước khoảng', 'about'],
      ['trên dưới', 'about'],
      ['không dưới', 'at-least'],
      ['không quá', 'at-most'],
      ['chưa đến', 'less-than'],
      ['chưa tới', 'less-than'],
      ['ít nhất', 'at-least'],
      ['tối thiểu', 'at-least'],
      ['tối đa', 'at-most'],
      ['khoảng', 'about'],
      ['xấp xỉ', 'about'],
      ['hơn', 'more-than'],
      ['trên', 'more-than'],
      ['gần', 'nearly'],
      ['dưới', 'less-than'],
    ] as const
  ).map(([word, meaning]) => Object.freeze({ word, meaning })),
);
