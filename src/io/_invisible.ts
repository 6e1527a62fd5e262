/**
 * Characters Word and text editors never show: the soft hyphen (U+00AD, a place a word may break),
 * zero-width space (U+200B), word joiner (U+2060) and a byte-order mark inside the text (U+FEFF).
 * Left in a figure they split it (`1\u00ad234` would not read as 1234), so the document readers drop
 * them. @internal
 * @example
 * dropInvisible('1\u00ad234') //=> '1234'
 */
export function dropInvisible(text: string): string {
  return text.replace(/[\u00ad\u200b\u2060\ufeff]/g, '');
}
