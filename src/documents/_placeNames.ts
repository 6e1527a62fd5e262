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

/** A level of administration a kind word names: a commune (xã, phường, thị trấn), a district (huyện, thị xã, quận), a city, a province. */
export type AreaLevel = 'commune' | 'district' | 'city' | 'province';

/** Kind words of a level, folded (“thành phố” is a city of either level: its own). */
const LEVEL_OF: Readonly<Record<string, AreaLevel>> = { xa: 'commune', phuong: 'commune', 'thi tran': 'commune', huyen: 'district', 'thi xa': 'district', quan: 'district', 'thanh pho': 'city', tinh: 'province' };
const LEVEL_WORD = '(thi tran|thi xa|thanh pho|xa|phuong|huyen|quan|tinh)(?! hoi\\b| giao\\b)';
/** A level named as the whole area or its owner: “toàn xã”, “cả huyện”, “của xã”, “trên địa bàn tỉnh”. */
const LEVEL_NAMED = new RegExp(`\\b(?:toan|ca|cua|tren dia ban|tren toan dia ban)\\s+${LEVEL_WORD}\\b`, 'g');

/** The area a named base belongs to: its level and, when printed, the place's key (“của xã Tân Lập” → commune, `'tan lap'`). */
export interface NamedArea {
  readonly level: AreaLevel;
  readonly place: string | null;
}

/**
 * The area the words right after a share's base name (“tổng số hộ nghèo **của xã**”, “số hộ nghèo
 * **toàn huyện**”, “… **trên địa bàn tỉnh**”, “… của xã Tân Lập”), or null when they name none.
 * @example
 * areaOfBase('tổng số hộ nghèo của xã.') //=> { level: 'commune', place: null }
 */
export function areaOfBase(words: string): NamedArea | null {
  const nfc = words.normalize('NFC');
  const m = /^\s*(?:tong\s+)?(?:so\s+)?(?:ho\s+)?(?:can\s+)?(?:ngheo)?(?:\s+(?:va\s+)?(?:ho\s+)?can\s+ngheo)?\s*/.exec(foldVietnamese(nfc));
  const rest = foldVietnamese(nfc).slice(m![0].length);
  const named = new RegExp(`^(?:toan|ca|cua|tren dia ban|tren toan dia ban)\\s+${LEVEL_WORD}\\b`).exec(rest);
  if (named === null) return null;
  const place = placesNamed(foldTail(nfc, rest.length)).filter((x) => !/^(?:thanh thi|nong thon)$/.test(x))[0] ?? null;
  return { level: LEVEL_OF[named[1]!]!, place };
}

/**
 * The area a figure is of, from its sentence before it (`lead`): the last level its words name —
 * “toàn huyện có …”, “Riêng xã Tân Lập có …”, “… của xã”, or the kind word opening it (“Huyện có …”)
 * — with the place's key when a name follows the kind word; null when they name none.
 * @example
 * areaOfFigure('Riêng xã Tân Lập có ') //=> { level: 'commune', place: 'tan lap' }
 */
export function areaOfFigure(lead: string): NamedArea | null {
  const nfc = lead.normalize('NFC').replace(/\s+/g, ' ');
  const folded = foldVietnamese(nfc);
  let found: { at: number; area: NamedArea } | null = null;
  const keep = (at: number, area: NamedArea): void => {
    if (found === null || at >= found.at) found = { at, area };
  };
  for (const m of folded.matchAll(LEVEL_NAMED)) keep(m.index, { level: LEVEL_OF[m[1]!]!, place: null });
  const opening = new RegExp(`^\\s*(?:[-+•]\\s*)?(?:rieng\\s+)?${LEVEL_WORD}\\s+(?:co|con|la|hien co)\\b`).exec(folded);
  if (opening !== null) keep(0, { level: LEVEL_OF[opening[1]!]!, place: null });
  for (const m of nfc.matchAll(PLACE)) {
    const kind = foldVietnamese(m[0].slice(0, m[0].length - m[1]!.length).trim());
    const level = LEVEL_OF[kind];
    if (level !== undefined) keep(m.index, { level, place: foldVietnamese(m[1]!) });
  }
  return found === null ? null : (found as { area: NamedArea }).area;
}
