/**
 * UTF-16 text at the file edge (Excel's "Unicode Text" save, a CSV saved as UTF-16): told from
 * its byte-order mark, or, without one, only when the first line is plain ASCII in UTF-16 LE
 * (every second byte zero); decoded exactly, chunk by chunk, with the file's byte offsets and
 * lines named when the bytes are not UTF-16 (an odd byte count, an unpaired surrogate, a NUL).
 */
import { fail } from '../errors/VnPovertyError.js';

/** A UTF-16 byte order. */
export type Utf16Encoding = 'utf-16le' | 'utf-16be';

/**
 * The UTF-16 byte order of a file from its first bytes: `'utf-16le'` after FF FE or when the
 * first line (up to its LF, at least two characters) has a zero in every second byte and no
 * other zero; `'utf-16be'` after FE FF; `undefined` for anything else (UTF-8 is read as before).
 * `complete` says `head` holds the whole file (a first line without a line end is then enough).
 * @example
 * utf16Encoding(new Uint8Array([0xff, 0xfe, 0x4d, 0x00])) //=> 'utf-16le'
 */
export function utf16Encoding(head: Uint8Array, complete = true): Utf16Encoding | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  let end = 0;
  while (end + 1 < head.length && !(head[end] === 0x0a && head[end + 1] === 0)) end += 2;
  if (end + 1 >= head.length && !complete) return undefined;
  if (end < 4) return undefined;
  for (let i = 0; i < end; i += 2) if (head[i] === 0 || head[i]! >= 0x80 || head[i + 1] !== 0) return undefined;
  return 'utf-16le';
}

/** A UTF-16 decoder fed the file's bytes in pieces of any size (a piece may cut a character). */
export interface Utf16Decoder {
  /** The text of `piece` (less a byte or surrogate cut at its end, kept for the next one). */
  push(piece: Uint8Array): string;
  /** The rest at the end of the file; throws when a byte or a high surrogate is left over. */
  end(): string;
}

const at = (label: string | undefined): string[] => (label !== undefined ? [label] : []);

/**
 * A strict UTF-16 decoder: the byte-order mark dropped, surrogate pairs kept (also when cut
 * between pieces), and `invalid-encoding` naming the byte offset and line for an unpaired
 * surrogate, a NUL character or an odd byte count.
 * @throws VnPovertyError `invalid-encoding`.
 * @example
 * const d = createUtf16Decoder('utf-16le', 'ho.txt'); d.push(new Uint8Array([0xff, 0xfe, 0x4d, 0x00])) + d.end() //=> 'M'
 */
export function createUtf16Decoder(encoding: Utf16Encoding, label: string | undefined): Utf16Decoder {
  const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
  const big = encoding === 'utf-16be';
  const name = label ?? 'the input';
  let offset = 0; // file bytes consumed before `carry`
  let carry = -1; // a byte cut from its pair by the last piece
  let high = false; // the last unit was a high surrogate
  let line = 1;
  let started = false;
  const bad = (byte: number, what: string): never =>
    fail({
      code: 'invalid-encoding',
      path: at(label),
      value: `byte ${byte}`,
      expected: `${big ? 'UTF-16 BE' : 'UTF-16 LE'} text`,
      message: `${name} is not valid ${big ? 'UTF-16 BE' : 'UTF-16 LE'} text at byte ${byte} (line ${line}): ${what}; save it again from the program that made it, or as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`,
    });
  return {
    push(piece) {
      if (piece.length === 0) return '';
      let bytes = piece;
      if (carry >= 0) {
        bytes = new Uint8Array(piece.length + 1);
        bytes[0] = carry;
        bytes.set(piece, 1);
      }
      const even = bytes.length & ~1;
      const units = new Uint8Array(even);
      for (let i = 0; i < even; i += 2) {
        const lo = big ? bytes[i + 1]! : bytes[i]!;
        const hi = big ? bytes[i]! : bytes[i + 1]!;
        units[i] = lo;
        units[i + 1] = hi;
        const u = lo | (hi << 8);
        const byte = offset + i;
        if (high && (u < 0xdc00 || u > 0xdfff)) bad(byte - 2, 'a high surrogate (U+D800–U+DBFF) not followed by a low one');
        if (!high && u >= 0xdc00 && u <= 0xdfff) bad(byte, `a low surrogate (U+${u.toString(16).toUpperCase()}) without a high one before it`);
        if (u === 0) bad(byte, 'a NUL character (U+0000), which a text file never holds (is the file damaged?)');
        high = u >= 0xd800 && u <= 0xdbff;
        if (u === 0x0a) line++;
      }
      carry = even < bytes.length ? bytes[even]! : -1;
      let skip = 0;
      if (!started && even >= 2) {
        started = true;
        if (units[0] === 0xff && units[1] === 0xfe) skip = 2;
      }
      offset += even;
      return decoder.decode(units.subarray(skip), { stream: true });
    },
    end() {
      if (carry >= 0) bad(offset, 'an odd number of bytes (the last character is cut: is the file complete?)');
      if (high) bad(offset - 2, 'a high surrogate (U+D800–U+DBFF) at the end, without its low one (is the file complete?)');
      return decoder.decode();
    },
  };
}

/**
 * Decodes a whole file's bytes as UTF-16 in the given byte order ({@link createUtf16Decoder}).
 * @throws VnPovertyError `invalid-encoding`.
 * @example
 * decodeUtf16(new Uint8Array([0xfe, 0xff, 0x00, 0x4d]), 'utf-16be', 'ho.txt') //=> 'M'
 */
export function decodeUtf16(bytes: Uint8Array, encoding: Utf16Encoding, label: string | undefined): string {
  const decoder = createUtf16Decoder(encoding, label);
  return decoder.push(bytes) + decoder.end();
}

/** Bytes kept to tell UTF-16 without a byte-order mark from UTF-8 before a line end is seen. */
const HEAD_LIMIT = 64 * 1024;

/** A stream of a text file's chunks with UTF-16 decoded ({@link utf16Chunks}). */
export interface DecodedChunks extends AsyncIterable<string | Uint8Array> {
  /** The file's bytes read so far (for progress: a decoded chunk's length is not the file's). */
  readonly read: () => number;
}

/**
 * The chunks of a text file with UTF-16 (told by {@link utf16Encoding}) decoded to strings, in
 * a stream (memory bounded by the chunk size); any other file's chunks pass through unchanged
 * (its first bytes joined into one chunk while they could still be UTF-16 without a byte-order
 * mark), as do string chunks.
 * @throws VnPovertyError `invalid-encoding` ({@link createUtf16Decoder}).
 * @example
 * for await (const c of utf16Chunks(chunks, 'ho.txt')) tokenizer.push(c)
 */
export function utf16Chunks(source: AsyncIterable<string | Uint8Array>, label: string | undefined): DecodedChunks {
  let read = 0;
  async function* chunks(): AsyncGenerator<string | Uint8Array> {
    const iterator = source[Symbol.asyncIterator]();
    try {
      yield* decoded(iterator);
    } finally {
      await iterator.return?.(); // the file closed when the reader stops early
    }
  }
  async function* decoded(iterator: AsyncIterator<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
    let head: Uint8Array | undefined;
    let decoder: Utf16Decoder | undefined;
    let done = false;
    // the first bytes, until they tell UTF-16 from anything else
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) {
        done = true;
        break;
      }
      const piece = next.value;
      if (typeof piece === 'string') {
        if (head !== undefined) yield head;
        yield piece;
        head = undefined;
        break;
      }
      if (piece.length === 0) continue;
      read += piece.length;
      if (head === undefined) head = piece;
      else {
        const joined = new Uint8Array(head.length + piece.length);
        joined.set(head);
        joined.set(piece, head.length);
        head = joined;
      }
      const utf16 = utf16Encoding(head, false);
      // UTF-16 without a mark starts with an ASCII character and a zero byte
      const undecided = utf16 === undefined && head.length < HEAD_LIMIT && (head.length < 2 || (head[1] === 0 && head[0] !== 0));
      if (undecided) {
        if (head === piece) head = piece.slice(); // a reader may reuse its buffer
        continue;
      }
      if (utf16 !== undefined) decoder = createUtf16Decoder(utf16, label);
      break;
    }
    if (done && head !== undefined) {
      const utf16 = utf16Encoding(head, true);
      if (utf16 !== undefined) decoder = createUtf16Decoder(utf16, label);
    }
    if (head !== undefined) {
      if (decoder === undefined) yield head;
      else yield decoder.push(head);
    }
    if (done) {
      if (decoder !== undefined) yield decoder.end();
      return;
    }
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) break;
      const piece = next.value;
      if (typeof piece !== 'string') read += piece.length;
      if (decoder === undefined || typeof piece === 'string') yield piece;
      else yield decoder.push(piece);
    }
    if (decoder !== undefined) yield decoder.end();
  }
  const iterable = chunks();
  return { [Symbol.asyncIterator]: () => iterable, read: () => read };
}
