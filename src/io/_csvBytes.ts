import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { csvError, withSeparatorHint, type CsvDelimiter, type CsvPosition, type CsvTokenizerOptions } from './_csvTokenizer.js';
import { assertNoNul, decodeError, utf16Error } from './_encoding.js';
import { utf16Chunks } from './_utf16.js';
import { CSV_MAX_FIELD_LENGTH, CSV_MAX_RECORD_LENGTH } from './readLimits.js';

/**
 * A byte-level RFC 4180 reader for the register path: it finds the fields of each record in the
 * file's bytes without making a string per cell, so a reader can parse numbers and flags from
 * the bytes. Same records, same rules and same errors as the string tokenizer
 * (`_csvTokenizer.ts`): quoted fields with `""`, CRLF, LF or a lone CR ending a record, a UTF-8
 * byte-order mark dropped, the field and record limits counted in characters (UTF-16 code units,
 * as the tokenizer counts them), invalid UTF-8 and UTF-16 refused with the encoding hints.
 * Linear: a pending record is carried into the next read and scanned again from its start, but
 * the limits bound what can be pending (at most three bytes per character).
 */

/**
 * The records found in one read, valid until the next one is asked for (the buffer is reused).
 * Record r has fields `fieldOffsets[r] … fieldOffsets[r + 1] − 1`; field f is the bytes
 * `[starts[f], ends[f])` of `buf` (inside the quotes for a quoted field, `quoted[f]` = 1, whose
 * `""` pairs still need undoubling: {@link fieldText}).
 */
export interface ByteRecords {
  readonly buf: Buffer;
  readonly count: number;
  /** 1-based row of the first record. */
  readonly firstRow: number;
  readonly fieldOffsets: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly quoted: Uint8Array;
}

/**
 * A reader that takes records as the scanner finds them, in file order: `plain` walks a record
 * of plain cells itself (one pass over its bytes), and every record it leaves (a quoted field,
 * a line end beyond the read, anything unusual) is scanned and handed to `record`.
 */
export interface RecordSink {
  /**
   * Reads the record starting at `p` (its bytes up to `end` are read and valid UTF-8; `row` is
   * its 1-based row); returns the offset after its line end, or −1 to leave it to the scanner
   * (nothing read). It must leave any record with a quote, one not ended before `end`, and one
   * longer than `safeLength` bytes (within it no field or record limit can be reached).
   */
  plain(buf: Buffer, p: number, end: number, row: number, safeLength: number): number;
  /** A record scanned (record 0 of `r`, whose `firstRow` is its row), valid during the call. */
  record(r: ByteRecords): void;
}

/** Options of {@link csvByteRecords}: those of the string tokenizer, and a progress callback. */
export interface CsvBytesOptions extends CsvTokenizerOptions {
  /** Called after each chunk with the bytes read so far (progress indicators). */
  readonly onBytes?: (read: number) => void;
  /**
   * Set `sink.current` (between two reads) to have the records of the later reads handed to it
   * as they are found instead of yielded: the reads then yield no records (count 0), so the
   * caller can still act between reads. An error the sink throws passes through unchanged.
   */
  readonly sink?: { current?: RecordSink };
}

/** Errors thrown by a sink: not the scanner's, so no separator hint is added to them. */
const SINK_ERRORS = new WeakSet<object>();

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** UTF-16 length of the UTF-8 bytes `[s, e)` (what the string tokenizer counts). */
function utf16Length(buf: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/** The text of field f: decoded, quotes undoubled. */
export function fieldText(r: ByteRecords, f: number): string {
  const text = r.buf.toString('utf8', r.starts[f]!, r.ends[f]!);
  return r.quoted[f] === 1 && text.includes('"') ? text.replace(/""/g, '"') : text;
}

/**
 * The file's bytes in reads of 1 MiB, into two buffers in turn: a chunk is valid until the next
 * one is asked for (the scanner copies each at once), so no buffer is allocated per read.
 */
async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  const size = 1 << 20;
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let turn = 0;
  // the next read is under way while the caller works on the last one
  const read = async (): Promise<Uint8Array> => {
    const buffer = buffers[turn]!;
    turn ^= 1;
    const { bytesRead } = await handle.read(buffer, 0, size, null);
    return buffer.subarray(0, bytesRead);
  };
  try {
    let next = read();
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0) return;
      next = read();
      yield chunk;
    }
  } finally {
    // let a read still under way end before the file closes
    await handle.close();
  }
}

/**
 * Reads CSV records from a file path or a stream of bytes (or text) as {@link ByteRecords}.
 *
 * @throws VnPovertyError `invalid-encoding`, `unterminated-quote`, `unexpected-quote`,
 *   `unexpected-character`, `field-too-long`, `record-too-long`, naming row and column.
 */
export async function* csvByteRecords(source: string | AsyncIterable<string | Uint8Array>, options: CsvBytesOptions = {}): AsyncGenerator<ByteRecords> {
  const first: { header?: string[] } = {};
  try {
    yield* scanCsvBytes(source, options, first);
  } catch (error) {
    if (typeof error === 'object' && error !== null && SINK_ERRORS.has(error)) throw error;
    // a `;` file read with `,`: the header of one column says so, whatever error showed it
    throw withSeparatorHint(error, first.header, (options.delimiter ?? ',') as CsvDelimiter, options.source);
  }
}

/** The scanner of {@link csvByteRecords}; `first.header` gets the fields of the first record once it is read. */
async function* scanCsvBytes(source: string | AsyncIterable<string | Uint8Array>, options: CsvBytesOptions, first: { header?: string[] }): AsyncGenerator<ByteRecords> {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const label = options.source;
  const maxField = options.maxFieldLength ?? CSV_MAX_FIELD_LENGTH;
  const maxRecord = options.maxRecordLength ?? CSV_MAX_RECORD_LENGTH;
  const special = new Uint8Array(256);
  special[delimiter] = 1;
  special[LF] = 1;
  special[CR] = 1;
  special[QUOTE] = 1;
  const highest = Math.max(delimiter, QUOTE, LF, CR);
  let buf = Buffer.alloc(0);
  let used = 0; // bytes of buf holding data
  let offset = 0; // file offset of buf[0], for encoding messages
  let row = 0; // records completed
  let started = false;
  let capacity = 1 << 16;
  let fieldOffsets = new Int32Array(capacity + 1);
  let starts = new Int32Array(capacity * 8);
  let ends = new Int32Array(capacity * 8);
  let quoted = new Uint8Array(capacity * 8);
  const at = (column: number): CsvPosition => (label !== undefined ? { source: label, row: row + 1, column } : { row: row + 1, column });

  /** The first record's fields, fields `fieldOffsets[0] … end − 1`, as text. */
  const keepHeader = (end: number): void => {
    const header: string[] = [];
    for (let f = fieldOffsets[0]!; f < end; f++) header.push(buf.toString('utf8', starts[f]!, ends[f]!));
    first.header = header;
  };
  /** Characters of field bytes `[s, e)` (a `""` pair inside quotes is one). */
  const charsOf = (s: number, e: number, wasQuoted: boolean): number => {
    let chars = utf16Length(buf, s, e);
    if (wasQuoted) for (let i = s; i + 1 < e; i++) if (buf[i] === QUOTE && buf[i + 1] === QUOTE) (chars--, i++);
    return chars;
  };
  /**
   * Checks the limits for a field `[s, e)` (finished or not) of the current record, whose
   * earlier fields are `fieldOffsets[count] … fields − 1` taking `recordBytes` bytes with their
   * separators. Bytes bound characters from above, so characters are counted only near a limit.
   */
  const checkField = (s: number, e: number, wasQuoted: boolean, column: number, recordBytes: number, first: number, fields: number): void => {
    if (e - s <= maxField && recordBytes + (e - s) <= maxRecord) return;
    const chars = charsOf(s, e, wasQuoted);
    const head = buf.toString('utf8', s - (wasQuoted ? 1 : 0), Math.min(e, s + 40));
    if (chars > maxField) throw csvError('field-too-long', at(column), head, `a field of at most ${maxField} characters`, `a field longer than ${maxField} characters (the limit; is a quote left open?)`);
    if (recordBytes + chars <= maxRecord) return;
    let recordChars = chars;
    for (let f = first; f < fields; f++) recordChars += charsOf(starts[f]!, ends[f]!, quoted[f] === 1) + 1;
    if (recordChars > maxRecord) throw csvError('record-too-long', at(column), head, `a record of at most ${maxRecord} characters`, `a record (line) longer than ${maxRecord} characters (the limit)`);
  };

  /** Scans whole records from `p`; returns where the first incomplete one starts and how many were found. */
  const scan = (final: boolean): { next: number; count: number } => {
    const end = used;
    // the hot loops read locals, not the variables the generator's closure reassigns
    const bytes = buf;
    let st = starts;
    let en = ends;
    let qu = quoted;
    let p = 0;
    let count = 0;
    let fields = 0;
    const sink = options.sink?.current;
    const safeLength = Math.min(maxField, maxRecord);
    /** Hands the record just scanned (the only one held) to the sink. */
    const toSink = (s: RecordSink): void => {
      fieldOffsets[1] = fields;
      const r: ByteRecords = { buf: bytes, count: 1, firstRow: row, fieldOffsets, starts: st, ends: en, quoted: qu };
      count = 0;
      fields = 0;
      try {
        s.record(r);
      } catch (error) {
        if (typeof error === 'object' && error !== null) SINK_ERRORS.add(error);
        throw error;
      }
    };
    records: while (p < end) {
      if (sink !== undefined) {
        let q: number;
        try {
          q = sink.plain(bytes, p, end, row + 1, safeLength);
        } catch (error) {
          if (typeof error === 'object' && error !== null) SINK_ERRORS.add(error);
          throw error;
        }
        if (q >= 0) {
          p = q;
          row++;
          continue;
        }
      }
      const recordStart = p;
      let recordBytes = 0;
      if (count === capacity) {
        capacity *= 2;
        const grow = <T extends Int32Array | Uint8Array>(a: T, n: number): T => {
          const b = new (a.constructor as new (n: number) => T)(n);
          b.set(a);
          return b;
        };
        fieldOffsets = grow(fieldOffsets, capacity + 1);
      }
      fieldOffsets[count] = fields;
      let column = 0;
      for (;;) {
        column++;
        if (fields >= st.length) {
          const n = starts.length * 2;
          const s2 = new Int32Array(n);
          s2.set(starts);
          starts = s2;
          const e2 = new Int32Array(n);
          e2.set(ends);
          ends = e2;
          const q2 = new Uint8Array(n);
          q2.set(quoted);
          quoted = q2;
          st = starts;
          en = ends;
          qu = quoted;
        }
        let s: number;
        let e: number;
        let wasQuoted = false;
        if (p < end && bytes[p] === QUOTE) {
          wasQuoted = true;
          s = p + 1;
          let q = s;
          for (;;) {
            q = bytes.indexOf(QUOTE, q);
            if (q < 0 || q >= end) {
              if (!final) {
                if (end > s) checkField(s, end, true, column, recordBytes, fieldOffsets[count]!, fields);
                return { next: recordStart, count };
              }
              throw csvError('unterminated-quote', at(column), bytes.toString('utf8', s - 1, Math.min(end, s + 39)), 'a closing double quote (")', 'a quoted field is never closed');
            }
            if (q + 1 < end && bytes[q + 1] === QUOTE) {
              q += 2;
              continue;
            }
            if (q + 1 >= end && !final) {
              checkField(s, q, true, column, recordBytes, fieldOffsets[count]!, fields);
              return { next: recordStart, count };
            }
            break;
          }
          e = q;
          p = q + 1;
          checkField(s, e, true, column, recordBytes, fieldOffsets[count]!, fields);
          if (p < end) {
            const c = bytes[p]!;
            if (c !== delimiter && c !== LF && c !== CR) {
              throw csvError(
                'unexpected-character',
                at(column),
                `"${bytes.toString('utf8', s, Math.min(e, s + 40))}"${bytes.toString('utf8', p, Math.min(end, p + 10))}`,
                'a delimiter or the end of the line after a closing quote',
                `text after the closing quote of a quoted field (${JSON.stringify(bytes.toString('utf8', p, p + 1))})`,
              );
            }
          }
        } else {
          s = p;
          // most bytes (digits, letters, UTF-8) are above every special byte: one comparison each
          while (p < end) {
            const c = bytes[p]!;
            if (c > highest || special[c] === 0) p++;
            else break;
          }
          e = p;
          // (an empty last field at the end of the input is not measured, as the tokenizer does not)
          if (!(p >= end && s === e)) checkField(s, e, false, column, recordBytes, fieldOffsets[count]!, fields);
          if (p < end && bytes[p] === QUOTE) {
            throw csvError('unexpected-quote', at(column), bytes.toString('utf8', s, Math.min(end, p + 10)), 'a double quote only around a whole field (write "" for a quote inside a quoted field)', 'a double quote inside an unquoted field');
          }
          if (p >= end && !final) return { next: recordStart, count };
        }
        recordBytes += e - s + 1;
        st[fields] = s;
        en[fields] = e;
        qu[fields] = wasQuoted ? 1 : 0;
        fields++;
        if (p >= end) {
          // the end of the input ends the last record
          count++;
          row++;
          if (row === 1) keepHeader(fields);
          if (sink !== undefined) toSink(sink);
          break records;
        }
        const c = bytes[p]!;
        if (c === delimiter) {
          p++;
          continue;
        }
        if (c === CR) {
          if (p + 1 >= end && !final) {
            // an LF may follow in the next read: take the record again then
            fields = fieldOffsets[count]!;
            return { next: recordStart, count };
          }
          p++;
          if (p < end && bytes[p] === LF) p++;
        } else p++; // LF
        count++;
        row++;
        if (row === 1) keepHeader(fields);
        if (sink !== undefined) toSink(sink);
        continue records;
      }
    }
    fieldOffsets[count] = fields;
    return { next: p, count };
  };

  const chunks = utf16Chunks(typeof source === 'string' ? fileChunks(source) : source, label);
  let validated = 0; // bytes of buf already checked as UTF-8
  const take = (chunk: Uint8Array): void => {
    if (used + chunk.length > buf.length) {
      const next = Buffer.allocUnsafe(Math.max(buf.length * 2, used + chunk.length, 1 << 16));
      buf.copy(next, 0, 0, used);
      buf = next;
    }
    buf.set(chunk, used);
    used += chunk.length;
  };
  const validate = (final: boolean): void => {
    // up to the end of the data, less a character cut by the read (checked with the next one)
    let to = used;
    if (!final) {
      let k = used;
      while (k > validated && used - k < 3 && (buf[k - 1]! & 0xc0) === 0x80) k--;
      if (k > validated) {
        const lead = buf[k - 1]!;
        const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (length > 1 && k - 1 + length > used) to = k - 1;
      }
    }
    if (to <= validated) return;
    assertNoNul(buf.subarray(validated, to), offset + validated, label, true);
    if (!isUtf8(buf.subarray(validated, to))) decodeError(buf.subarray(validated, Math.min(to, validated + 65536)), offset + validated, label);
    assertNoNul(buf.subarray(validated, to), offset + validated, label);
    validated = to;
  };
  const emit = (count: number, firstRow: number): ByteRecords => ({ buf, count, firstRow, fieldOffsets, starts, ends, quoted });

  for await (const piece of chunks) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (chunk.length === 0) continue;
    options.onBytes?.(chunks.read());
    if (!started) {
      started = true;
      utf16Error(chunk, label);
      take(chunk);
      if (used >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        buf.copy(buf, 0, 3, used);
        used -= 3;
        offset = 3;
      }
    } else take(chunk);
    validate(false);
    const firstRow = row + 1;
    const { next, count } = scan(false);
    if (count > 0 || options.sink?.current !== undefined) yield emit(count, firstRow);
    // keep the pending record at the front
    if (next > 0) {
      buf.copy(buf, 0, next, used);
      used -= next;
      offset += next;
      validated = Math.max(0, validated - next);
    }
  }
  validate(true);
  if (used > 0) {
    const firstRow = row + 1;
    const { count } = scan(true);
    if (count > 0 || options.sink?.current !== undefined) yield emit(count, firstRow);
  }
}
