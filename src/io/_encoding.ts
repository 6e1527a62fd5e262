/**
 * Text encodings at the file edge: files must be UTF-8; anything else is refused with a message
 * that says, when the bytes look like it, which legacy Vietnamese encoding the file is in.
 */
import { readFile, stat } from 'node:fs/promises';
import { VnPovertyError, fail } from '../errors/VnPovertyError.js';
import { MAX_WHOLE_FILE_BYTES } from './readLimits.js';
import { decodeUtf16, utf16Encoding } from './_utf16.js';

/** Windows-1258 bytes of the combining tone marks (grave, hook above, tilde, acute, dot below). */
const CP1258_TONES = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);
/** Windows-1258 bytes of Vietnamese base letters: Â Ă Ê Ô Ơ Ư Đ and their small forms. */
const CP1258_LETTERS = new Set([0xc2, 0xc3, 0xca, 0xd4, 0xd5, 0xdd, 0xd0, 0xe2, 0xe3, 0xea, 0xf4, 0xf5, 0xfd, 0xf0]);

const isAsciiLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isLatin1Letter = (b: number): boolean => b >= 0xc0 && b !== 0xd7 && b !== 0xf7;
const isLetter = (b: number): boolean => isAsciiLetter(b) || isLatin1Letter(b);
/** A "?" that stands for a letter: a letter on one side, and not a question's mark (followed by a space or the end). */
const questionInWord = (prev: number, next: number): boolean => (isLetter(prev) && (isLetter(next) || next === 0x2c || next === 0x3b || next === 0x09 || next === 0x22)) || (isLetter(next) && !isLetter(prev));

/**
 * A guess at the legacy encoding of bytes that are not UTF-8: `'Windows-1252'` (Excel's plain
 * "CSV" on a Windows set to a Western language: Vietnamese letters it has no byte for are saved
 * as "?") when the high bytes are Latin letters in the case of the letters around them and a
 * "?" stands for a letter (beside one, not before a space), or when they are Latin letters and no tone mark follows a letter,
 * and no byte is one Windows-1252 text never holds (Ì Ò Þ after a letter: Windows-1258's tones; Ð ð: its Đ đ);
 * `'Windows-1258'` (Excel's plain "CSV" on a Vietnamese Windows) when tone marks follow letters
 * as Windows-1258 writes them; `'TCVN3'` (the old ABC fonts, .VnTime) when most high bytes are
 * TCVN3's precomposed Vietnamese letters; else undefined.
 */
export function guessLegacyEncoding(bytes: Uint8Array): 'Windows-1252' | 'Windows-1258' | 'TCVN3' | undefined {
  let latin1 = 0;
  let questionsInWords = 0;
  let only1258 = 0;
  let high = 0;
  let tonesAfterLetters = 0;
  let cp1258Letters = 0;
  let tcvn3 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const prev = i > 0 ? bytes[i - 1]! : 0;
    if (b === 0x3f && questionInWord(prev, bytes[i + 1] ?? 0x0a)) questionsInWords++;
    if (b < 0x80) continue;
    high++;
    // a Latin small letter, or a capital not after a small letter (TCVN3's toned small letters fall on Latin-1's capitals)
    if (isLatin1Letter(b) && (b >= 0xdf || !(prev >= 0x61 && prev <= 0x7a) && !(prev >= 0xdf && prev !== 0xf7))) latin1++;
    const prevIsLetter = (prev >= 0x41 && prev <= 0x5a) || (prev >= 0x61 && prev <= 0x7a) || CP1258_LETTERS.has(prev);
    if (CP1258_TONES.has(b) && prevIsLetter) tonesAfterLetters++;
    // what Windows-1252 text never holds: a tone that is a Latin capital after a letter (Ì Ò Þ), Đ or đ (Ð ð)
    if (((b === 0xcc || b === 0xd2 || b === 0xde) && prevIsLetter) || b === 0xd0 || b === 0xf0) only1258++;
    if (CP1258_LETTERS.has(b)) cp1258Letters++;
    // TCVN3 puts its precomposed letters at A1–AE (ă â ê ô ơ ư đ and capitals) and B5–FE (toned letters)
    if ((b >= 0xa1 && b <= 0xae) || (b >= 0xb5 && b <= 0xfe)) tcvn3++;
  }
  if (high === 0) return undefined;
  const latinText = latin1 * 10 >= high * 9;
  if (latinText && only1258 === 0 && (questionsInWords > 0 || tonesAfterLetters === 0)) return 'Windows-1252';
  if (tonesAfterLetters > 0 && (tonesAfterLetters + cp1258Letters) * 3 >= high) return 'Windows-1258';
  if (tcvn3 * 4 >= high * 3) return 'TCVN3';
  return undefined;
}

/** The index of the first byte that does not start or continue a valid UTF-8 sequence (0 when none is found). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return 0; // cut at the end of the chunk: the next chunk decides
      if ((b[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}

/**
 * Throws the `invalid-encoding` error for bytes that failed to decode as UTF-8, with a guess at
 * what they are. `offset` is the position of `chunk` in the file; the message names the first bad byte.
 */
export function decodeError(chunk: Uint8Array, offset: number, label: string | undefined): never {
  const guess = guessLegacyEncoding(chunk);
  offset += firstInvalidUtf8(chunk);
  const name = label ?? 'the input';
  const like = guess === 'Windows-1252' ? ' (it looks like Windows-1252, Excel\'s plain "CSV" on a Windows set to a Western language: the Vietnamese letters it has no byte for, such as ộ, ư and đ, were saved as "?" and are lost in this file: go back to the workbook it came from)' : guess === 'Windows-1258' ? ' (it looks like Windows-1258, Excel\'s plain "CSV" on Vietnamese Windows)' : guess === 'TCVN3' ? ' (it looks like TCVN3, the old ABC / .VnTime encoding: convert it to Unicode first, e.g. with UniKey\'s converter)' : '';
  return fail({
    code: 'invalid-encoding',
    path: label !== undefined ? [label] : [],
    value: `bytes ${offset}–${offset + chunk.length}`,
    expected: 'UTF-8 text (in Excel: Save As → "CSV UTF-8 (Comma delimited)")',
    message: `${name} is not UTF-8 text near byte ${offset}${like}; save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`,
  });
}

/**
 * Throws `invalid-encoding` when `chunk` holds a NUL byte (0x00): valid UTF-8, but never in a
 * text file — a damaged file, a binary one, or UTF-16 text without its byte-order mark (which the
 * message says when every other byte is NUL). Read on, the NUL would go into an id or a name.
 * `offset` is the position of `chunk` in the file; with `onlyUtf16`, only the UTF-16 case throws
 * (called before the UTF-8 check, which names any other bytes that are not text).
 * @example
 * assertNoNul(new TextEncoder().encode('Mã hộ,Khu vực'), 0, 'ho.csv') //=> undefined
 */
export function assertNoNul(chunk: Uint8Array, offset: number, label: string | undefined, onlyUtf16 = false): void {
  const at = chunk.indexOf(0);
  if (at < 0) return;
  let even = 0;
  let odd = 0;
  const n = Math.min(chunk.length, 4096);
  for (let i = 0; i < n; i++) if (chunk[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const utf16 = Math.max(even, odd) * 4 > n;
  // before the UTF-8 check only UTF-16 is named: other bytes that are not UTF-8 get its message
  if (onlyUtf16 && !utf16) return;
  fail({
    code: 'invalid-encoding',
    path: label !== undefined ? [label] : [],
    value: `byte ${offset + at}`,
    expected: 'UTF-8 text, which never holds a NUL byte',
    message: `${label ?? 'the input'} holds a NUL byte (0x00) at byte ${offset + at}${utf16 ? ' (it looks like UTF-16 text without its byte-order mark)' : ': a text file never does (is the file damaged, or not text?)'}; save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`,
  });
}

/**
 * Throws `unsupported-format` when the first bytes of a text input are an office file's: a zip
 * (an .xlsx or .docx with a text name), an OLE compound file (an Excel or Word 97–2003 file, or a
 * password-protected one), a PDF. Read as text they would only be "not UTF-8 near byte 0".
 * @example
 * officeFileError(new TextEncoder().encode('Mã hộ,Khu vực'), 'ho.csv') //=> undefined
 */
export function officeFileError(first: Uint8Array, label: string | undefined): void {
  const at = (i: number): number => first[i] ?? -1;
  const zip = at(0) === 0x50 && at(1) === 0x4b && at(2) === 0x03 && at(3) === 0x04;
  const ole = at(0) === 0xd0 && at(1) === 0xcf && at(2) === 0x11 && at(3) === 0xe0;
  const pdf = at(0) === 0x25 && at(1) === 0x50 && at(2) === 0x44 && at(3) === 0x46 && at(4) === 0x2d;
  if (!zip && !ole && !pdf) return;
  const name = label ?? 'the input';
  const what = zip
    ? 'a zip archive (an .xlsx workbook or a .docx document), not text: give it its own name (.xlsx, .docx), which is read as such'
    : ole
      ? 'an Office 97–2003 file (.xls, .doc) or a password-protected Office file, not text: open it in Excel and save it as "CSV UTF-8" or as .xlsx (without a password)'
      : 'a PDF, not text: save the table as "CSV UTF-8" or .xlsx from the program that made it';
  fail({ code: 'unsupported-format', path: label !== undefined ? [label] : [], value: Array.from(first.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(''), expected: 'UTF-8 text', message: `${name} is ${what}` });
}

/** Throws `invalid-encoding` when the first bytes are a UTF-16 byte-order mark (Excel's "Unicode Text"), `unsupported-format` when they are an office file's ({@link officeFileError}). */
export function utf16Error(first: Uint8Array, label: string | undefined): void {
  officeFileError(first, label);
  if (first.length >= 2 && ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff))) {
    fail({
      code: 'invalid-encoding',
      path: label !== undefined ? [label] : [],
      value: 'UTF-16',
      expected: 'UTF-8 text',
      message: `${label ?? 'the input'} is UTF-16 text (Excel's "Unicode Text"); save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`,
    });
  }
}

/**
 * Reads a whole file as UTF-8 text, strictly, or as UTF-16 when it is ({@link decodeText}):
 * invalid UTF-8 or UTF-16 is `invalid-encoding` (with a guess at the encoding), a file over
 * {@link MAX_WHOLE_FILE_BYTES} is `file-too-large`. A leading UTF-8 byte-order mark is kept (the
 * CSV reader drops it).
 */
export async function readUtf8File(path: string, label: string = path): Promise<string> {
  const info = await stat(path);
  if (info.isDirectory()) fail({ code: 'not-a-file', path: [label], value: path, expected: 'a file', message: `${label} is a folder, not a file` });
  if (info.size > MAX_WHOLE_FILE_BYTES) {
    fail({ code: 'file-too-large', path: [label], value: info.size, expected: `a file of at most ${MAX_WHOLE_FILE_BYTES} bytes`, message: `${label} is ${info.size} bytes, over the ${MAX_WHOLE_FILE_BYTES}-byte limit for a printed table` });
  }
  return decodeText(await readFile(path), label);
}

/**
 * Decodes a text file's bytes: UTF-16 with a byte-order mark (Excel's "Unicode Text"), or LE
 * without one whose first line is plain ASCII ({@link utf16Encoding}), exactly, its mark dropped;
 * anything else as UTF-8, strictly ({@link decodeUtf8}).
 * @throws VnPovertyError `invalid-encoding` naming the first bad byte, `unsupported-format`.
 * @example
 * decodeText(Buffer.from('\uFEFFMã hộ\tKhu vực', 'utf16le'), 'ho.txt') //=> 'Mã hộ\tKhu vực'
 */
export function decodeText(bytes: Uint8Array, label: string): string {
  const utf16 = utf16Encoding(bytes);
  return utf16 !== undefined ? decodeUtf16(bytes, utf16, label) : decodeUtf8(bytes, label);
}

/**
 * Decodes bytes as UTF-8, strictly: UTF-16 or invalid UTF-8 is `invalid-encoding`, with a guess
 * at the encoding. A leading byte-order mark is kept (the CSV reader drops it).
 */
export function decodeUtf8(bytes: Uint8Array, label: string): string {
  utf16Error(bytes, label);
  return decodeChecked(bytes, 0, label, (b) => new TextDecoder('utf-8', { fatal: true }).decode(b), () => {
    // find the first bad block for the message
    let bad = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let off = 0; off < bytes.length; off += 4096) {
      try {
        decoder.decode(bytes.subarray(off, off + 4096), { stream: true });
      } catch {
        bad = off;
        break;
      }
    }
    return decodeError(bytes.subarray(bad, Math.min(bytes.length, bad + 65536)), bad, label);
  });
}

/**
 * Decodes a chunk of a text file at byte `offset` with `decode` (a strict UTF-8 decoder), in the
 * order every text reader checks: UTF-16 without its byte-order mark named first (its NUL bytes
 * are valid UTF-8), then bytes that are not UTF-8 (`onError`, by default {@link decodeError}
 * naming the first bad byte), then any other NUL byte.
 * @throws VnPovertyError `invalid-encoding`.
 * @example
 * decodeChecked(bytes, 0, 'ho.csv', (b) => new TextDecoder('utf-8', { fatal: true }).decode(b)) //=> 'Mã hộ,…'
 */
export function decodeChecked(chunk: Uint8Array, offset: number, label: string | undefined, decode: (chunk: Uint8Array) => string, onError: () => never = () => decodeError(chunk, offset, label)): string {
  assertNoNul(chunk, offset, label, true);
  let text: string;
  try {
    text = decode(chunk);
  } catch (error) {
    if (error instanceof VnPovertyError) throw error;
    return onError();
  }
  assertNoNul(chunk, offset, label);
  return text;
}
