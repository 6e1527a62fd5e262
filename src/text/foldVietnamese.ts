/**
 * Folds Vietnamese text for matching words, not for display: Unicode NFC first (Word and PDFs
 * produce both composed and decomposed forms, `ộ` and `o` + two combining marks), then lower case,
 * then every tone and vowel mark removed and `đ` read as `d`, and runs of white space (including
 * no-break spaces) made one space. `'Tỷ lệ (%)'` and `'TY LE (%)'` fold to the same text.
 *
 * @param text - any text.
 * @returns the folded text.
 * @example
 * foldVietnamese('Hộ cận nghèo') //=> 'ho can ngheo'
 * foldVietnamese('ĐVT:\u00a0Triệu đồng') //=> 'dvt: trieu dong'
 * foldVietnamese('Ho\u0323\u0302 nghe\u0300o') //=> 'ho ngheo' (decomposed input)
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

const foldedChar = new Map<string, string>();

/**
 * Like {@link foldVietnamese} but keeps the text's length, one character for one, so that a
 * match found in the folded text is at the same offsets in the original: each character is
 * lower-cased and stripped of its marks (`Ộ` → `o`, `đ` → `d`), white space becomes `' '`, and
 * nothing is collapsed or trimmed. Expects NFC text (the document readers give NFC).
 *
 * @param text - NFC text.
 * @returns folded text of the same length.
 * @example
 * foldVietnameseKeepingLength('Tổng  cộng') //=> 'tong  cong'
 */
export function foldVietnameseKeepingLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 9 || code === 10 || code === 13 ? ' ' : ch;
      continue;
    }
    let f = foldedChar.get(ch);
    if (f === undefined) {
      const base = ch === 'đ' || ch === 'Đ' ? 'd' : /\s/.test(ch) ? ' ' : ch.normalize('NFD')[0]!.toLowerCase();
      f = base.length === 1 ? base : ch;
      foldedChar.set(ch, f);
    }
    out += f;
  }
  return out;
}
