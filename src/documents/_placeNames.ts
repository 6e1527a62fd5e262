import { foldVietnamese } from '../text/foldVietnamese.js';

/** The kind words of a named place. */
const KINDS = ['xã', 'phường', 'thị trấn', 'thôn', 'bản', 'buôn', 'làng', 'ấp', 'tổ dân phố', 'khu phố', 'huyện', 'thị xã', 'quận', 'thành phố', 'tỉnh'];
/** A named place of the prose: its kind word (“xã”, “thôn”…) and a capitalised name or a number (“xã Tân Lập”, “thôn 5”). */
const PLACE = new RegExp(`(?<![\\p{L}])(?:${KINDS.map((k) => `[${k[0]}${k[0]!.toUpperCase()}]${k.slice(1)}`).join('|')})\\s+(\\d+|\\p{Lu}[\\p{L}\\p{M}]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}]*|\\d+)){0,2})(?![\\p{L}\\p{M}\\d])`, 'gu');
/** A part of the area every plan names: the towns and the countryside (“khu vực nông thôn”, “thành thị”). */
const GROUP = /\b(?:khu vuc |vung )?(thanh thi|nong thon)\b/g;
/** The kind word a table's row label may open with (“Xã Tân Lập”, “Khu vực nông thôn”, “TT. Mường Tè”). */
const KIND_WORD = /^(?:xa|phuong|thi tran|tt\.?|thon|ban|buon|lang|ap|to dan pho|khu pho|huyen|thi xa|quan|thanh pho|tp\.?|tinh|khu vuc|vung)\s+/;

/**
 * The places and groups a piece of prose names, as keys to match table rows with
 * ({@link rowPlaceKey}): “xã Tân Lập” → `'tan lap'`, “thôn 5” → `'5'`, “khu vực nông thôn” →
 * `'nong thon'`. A kind word with a lower-case name (“xã đặc biệt khó khăn”) names no place.
 */
export function placesNamed(text: string): string[] {
  const nfc = text.normalize('NFC');
  const out: string[] = [];
  for (const m of nfc.matchAll(PLACE)) out.push(foldVietnamese(m[1]!));
  for (const m of foldVietnamese(nfc).matchAll(GROUP)) out.push(m[1]!);
  return out;
}

/**
 * The key of a table row's label for {@link placesNamed}: folded, its numbering (“1.”, “a)”) and
 * its kind word dropped (“Xã Tân Lập” → `'tan lap'`, “Khu vực thành thị” → `'thanh thi'`).
 */
export function rowPlaceKey(label: string): string {
  return foldVietnamese(label)
    .replace(/^(?:[\divxl]+[.)]|[a-z][.)]|[-+•*])\s*/, '')
    .replace(/^trong do\s*:?\s*/, '')
    .replace(KIND_WORD, '')
    .replace(/[\s.:;,]+$/, '')
    .trim();
}

/** The whole area named (“toàn huyện”, “chung toàn xã”): what follows is of no one place. */
const WHOLE_AREA = /\b(?:toan|ca) (?:xa|phuong|thi tran|huyen|thi xa|quan|thanh pho|tinh)\b/g;

/**
 * The places and groups (keys of {@link placesNamed}) a figure is of: those its sentence names
 * before it (`lead`, from the sentence's start to the figure), after the last “toàn huyện”,
 * “toàn xã”… (“Xã Tân Lập có 540 hộ; toàn huyện có 4,12% hộ nghèo”: the second figure is the district's).
 */
export function placesOfFigure(lead: string): string[] {
  const folded = foldVietnamese(lead);
  let from = 0;
  for (const m of folded.matchAll(WHOLE_AREA)) from = m.index + m[0].length;
  // foldVietnamese keeps one letter for one: the offset is the same in the text, up to collapsed spaces
  return from === 0 ? placesNamed(lead) : placesNamed(foldTail(lead, folded.length - from));
}

/** The last `n` characters of the text's folded form, taken from the text itself. */
function foldTail(text: string, n: number): string {
  const nfc = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return nfc.slice(Math.max(0, nfc.length - n));
}
