/**
 * Vietnamese text folding: the one place where the library decides that two spellings of a
 * word are the same word. Pure; no locale data, no I/O.
 *
 * @packageDocumentation
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /[\s_\u00a0\u202f]+/g;

/**
 * The text in Unicode NFC (precomposed) form, so `'ệ'` typed as `e` + two combining marks and
 * `'ệ'` typed as one letter compare equal. Vietnamese keyboards and Excel on macOS often
 * produce the decomposed (NFD) form.
 *
 * @param text - any string.
 * @returns the NFC form (the same string when it is already NFC).
 * @example
 * normalizeNfc('Nghe\u0323\u0302') === 'Nghệ' //=> true
 */
export function normalizeNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Folds Vietnamese text for comparison: no diacritics (tone marks and the hat, breve and horn
 * of `â ă ê ô ơ ư` are dropped), `đ`/`Đ` → `d`, lower case, runs of spaces and underscores
 * (including no-break spaces) → one space, trimmed. NFC and NFD input fold alike.
 * `nông thôn`, `Nông Thôn`, `NONG THON` and `nong_thon` all fold to `nong thon`.
 *
 * Folding loses information (`hộ` and `họ` fold alike): use it to recognise words from a
 * known list, never to store text.
 *
 * @param text - any string.
 * @returns the folded form.
 * @example
 * foldVietnamese('  Thành  Thị ') //=> 'thanh thi'
 * foldVietnamese('Đồng/tháng') //=> 'dong/thang'
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
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
