import type { DocumentBlock } from '../documents/documentModel.js';
import { fail } from '../errors/VnPovertyError.js';

/**
 * Vietnamese typed in a legacy font encoding and stored as Unicode: text of the old TCVN3 (ABC,
 * `.VnTime`) or VNI (`VNI-Times`) fonts, which show Vietnamese only in those fonts and are
 * otherwise letters of Latin-1 (“Hé nghÌo”, “Hoä ngheøo” for *Hộ nghèo*). Excel and Word keep
 * such text as it was typed, so the file is valid Unicode but its words are not Vietnamese:
 * read, a header would not be found, a name would be stored garbled, a total row not seen. @internal
 */

/**
 * Latin-1 characters Vietnamese never uses, which TCVN3 or VNI text is full of: TCVN3's ă â ê ô ơ
 * đ and toned letters (`¨ © ª « ¬ ® µ ¶ · ¸ ¹ » ¼ ½ ¾ Æ Ç Ë Î Ï Ð Ñ Ö × Ø Ü Þ ß ä å æ ç ë î ï ñ ö ÷ ø
 * û ü þ`) and VNI's tone and vowel marks (`ø ï û ä ö ñ ë ÿ`).
 */
const FOREIGN = /[\u00a8\u00a9\u00aa\u00ab\u00ac\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c6\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/g;
/** VNI's marks after a vowel (`oä` ộ, `eø` è, `aù` á, `ö` ư, `ñ` đ). */
const VNI_MARKS = /[aeiouyAEIOUY][\u00f8\u00ef\u00fb\u00e4\u00f6\u00eb\u00f9\u00f5]|[dD]\u00f1|\u00f6/g;
/** Capitals inside a word of small letters (`nghÌo`, `NguyÔn`): TCVN3's toned small letters sit at Latin-1's capitals. */
const CAPITAL_INSIDE = /[a-z\u00e0-\u00ff][\u00c0-\u00de](?=[a-z])/g;

const ANY_FOREIGN = /[\u00a8\u00a9\u00aa\u00ab\u00ac\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c6\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]|[a-z\u00e0-\u00ff][\u00c0-\u00de][a-z]/;
const LETTER = /[A-Za-z\u00c0-\u00ff]/;

/**
 * Which legacy encoding text looks typed in, or undefined when it reads as Unicode Vietnamese:
 * signs Vietnamese never uses inside or beside a word (two points inside, one beside), capitals
 * inside a word of small letters (one point), two points or more and more than the Vietnamese
 * letters outside Latin-1 (ạ ộ ư ơ đ) the text holds.
 * @example
 * legacyFontEncoding('Tæng sè hé nghÌo') //=> 'TCVN3'
 * legacyFontEncoding('Hoä ngheøo') //=> 'VNI'
 * legacyFontEncoding('Tổng số hộ nghèo') //=> undefined
 * legacyFontEncoding('«Nông thôn mới»') //=> undefined
 */
export function legacyFontEncoding(text: string): 'TCVN3' | 'VNI' | undefined {
  if (!ANY_FOREIGN.test(text)) return undefined;
  let score = 0;
  let foreign = 0;
  for (const m of text.matchAll(FOREIGN)) {
    // a sign inside a word or beside one, not a × between figures; « and » (TCVN3's ô and ạ)
    // only inside a word: at its edges they are quotation marks («Nông thôn mới»)
    let sides = (LETTER.test(text[m.index - 1] ?? ' ') ? 1 : 0) + (LETTER.test(text[m.index + 1] ?? ' ') ? 1 : 0);
    if (sides < 2 && (m[0] === '\u00ab' || m[0] === '\u00bb')) sides = 0;
    score += sides;
    if (sides > 0) foreign++;
  }
  score += (text.match(CAPITAL_INSIDE) ?? []).length;
  if (score < 2) return undefined;
  // proper Vietnamese letters outside Latin-1 (ạ ộ ư ơ đ) are in no legacy text
  const unicodeLetters = (text.match(/[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g) ?? []).length;
  if (unicodeLetters >= score) return undefined;
  return (text.match(VNI_MARKS) ?? []).length * 2 > foreign ? 'VNI' : 'TCVN3';
}

/** What to do with text in a legacy encoding, naming it: convert the file, or (`'block'`) the one block of an otherwise Unicode document. */
export function legacyFontAdvice(encoding: 'TCVN3' | 'VNI', what: 'file' | 'block' = 'file'): string {
  const name = encoding === 'TCVN3' ? 'TCVN3 (ABC, the .VnTime fonts)' : 'VNI (the VNI-Times fonts)';
  const from = encoding === 'TCVN3' ? 'TCVN3 (ABC)' : 'VNI Windows';
  return what === 'file'
    ? `it looks like Vietnamese typed in the legacy ${name} encoding, which shows as Vietnamese only in those fonts: convert the file to Unicode first (UniKey › Công cụ chuyển mã (Toolkit): source ${from}, destination Unicode), then read it again`
    : `it looks like Vietnamese typed in the legacy ${name} encoding, which shows as Vietnamese only in those fonts, so its words cannot be read: convert that text to Unicode (copy it, UniKey › Công cụ chuyển mã (Toolkit): source ${from}, destination Unicode, Chuyển mã clipboard, and paste it back), then check the file again`;
}

/**
 * Refuses text in a legacy font encoding, naming where it is (`what`, e.g. `'row 1, column 2'`)
 * and how to convert it.
 * @throws VnPovertyError `legacy-encoding`.
 */
export function refuseLegacyFont(text: string, what: string, path: ReadonlyArray<string | number>, source?: string): void {
  const encoding = legacyFontEncoding(text);
  if (encoding === undefined) return;
  fail({
    code: 'legacy-encoding',
    path,
    value: text.slice(0, 60),
    expected: 'Vietnamese in Unicode',
    message: `${source === undefined ? '' : `${source}: `}${what} reads ${JSON.stringify(text.slice(0, 60))}: ${legacyFontAdvice(encoding)}`,
  });
}

/**
 * The blocks of a document with those in a legacy font encoding marked `notRead`, naming where
 * each is (a paragraph, a line, a table) and how to convert it: `checkDocument` checks the rest
 * and reports each as an error finding, since its words would not be read (a total row not
 * found, a claim not understood) while its figures were. A document most of whose blocks are so
 * written is refused whole: the file is in the old encoding, and converting it is the one fix.
 * @throws VnPovertyError `legacy-encoding`, when at least half the blocks are in a legacy encoding.
 */
export function markLegacyBlocks(blocks: readonly DocumentBlock[], source: string | undefined): DocumentBlock[] {
  const name = source ?? 'the document';
  const found = blocks.map((b) => {
    const text = b.kind === 'table' ? b.rows.map((r) => r.filter((c) => c.mergedInto === undefined).map((c) => c.text).join(' ')).join(' ') : b.text;
    const encoding = legacyFontEncoding(text);
    if (encoding === undefined) return undefined;
    const where = b.position.sheet !== undefined ? `the sheet ${JSON.stringify(b.position.sheet)}` : b.position.line !== undefined ? `line ${b.position.line}` : b.position.paragraph !== undefined ? `paragraph ${b.position.paragraph + 1}` : `block ${b.index + 1}`;
    return { encoding, says: `${name}: ${b.kind === 'table' ? 'the table at ' : ''}${where} reads ${JSON.stringify(text.slice(0, 60))}` };
  });
  const legacy = found.filter((f) => f !== undefined);
  if (legacy.length === 0) return [...blocks];
  const first = legacy[0]!;
  if (legacy.length * 2 >= blocks.length) {
    const at = found.indexOf(first);
    fail({ code: 'legacy-encoding', path: source === undefined ? [at] : [source, at], value: first.says.slice(0, 60), expected: 'Vietnamese in Unicode', message: `${first.says}: ${legacyFontAdvice(first.encoding)}` });
  }
  return blocks.map((b, i) => {
    const f = found[i];
    return f === undefined ? b : { ...b, notRead: { code: 'legacy-encoding', reason: `${f.says}: ${legacyFontAdvice(f.encoding, 'block')}` } };
  });
}
