import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { createUtf16Decoder, decodeUtf16, utf16Chunks, utf16Encoding, type Utf16Encoding } from '../../src/io/_utf16.js';
import { decodeText } from '../../src/io/_encoding.js';
import { cutBytes } from '../_helpers/cutBytes.js';

/** Excel's "Unicode Text" save of a tab-separated table: a byte-order mark, then UTF-16 code units. */
function utf16(text: string, encoding: Utf16Encoding, bom = true): Buffer {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
}

async function streamed(pieces: readonly Uint8Array[]): Promise<{ text: string; bytes: Buffer; read: number }> {
  const chunks = utf16Chunks((async function* () { yield* pieces; })(), 'ho.txt');
  let text = '';
  const bytes: Buffer[] = [];
  for await (const c of chunks) {
    if (typeof c === 'string') text += c;
    else bytes.push(Buffer.from(c));
  }
  return { text, bytes: Buffer.concat(bytes), read: chunks.read() };
}

function issue(f: () => unknown): { code: string; value: unknown; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof VnPovertyError) return { code: e.issues[0]!.code, value: e.issues[0]!.value, message: e.issues[0]!.message ?? '' };
    throw e;
  }
  throw new Error('expected a VnPovertyError');
}

const TABLE = 'Mã hộ\tHọ và tên chủ hộ\tThu nhập/tháng (đồng)\r\nH001\t"Nguyễn Thị Ánh, ""Út"""\t1.400.000\r\nH002\tĐặng Văn Đức 𠀧\t6.000.000\r\n';

describe('utf16Encoding', () => {
  it('tells UTF-16 from its byte-order mark, and LE without one only from a plain ASCII first line', () => {
    expect(utf16Encoding(utf16(TABLE, 'utf-16le'))).toBe('utf-16le');
    expect(utf16Encoding(utf16(TABLE, 'utf-16be'))).toBe('utf-16be');
    expect(utf16Encoding(utf16('ma_ho\tthu_nhap\r\nH001\tNguyễn\r\n', 'utf-16le', false))).toBe('utf-16le');
    // a Vietnamese header has letters whose high byte is not zero: not told apart, still refused
    expect(utf16Encoding(utf16(TABLE, 'utf-16le', false))).toBeUndefined();
    expect(utf16Encoding(Buffer.from(TABLE))).toBeUndefined();
    expect(utf16Encoding(Buffer.from('\uFEFF' + TABLE))).toBeUndefined();
  });
});

describe('createUtf16Decoder', () => {
  it('decodes LE and BE with a byte-order mark exactly: diacritics, tabs, quotes, CRLF, a surrogate pair', () => {
    expect(decodeUtf16(utf16(TABLE, 'utf-16le'), 'utf-16le', 'ho.txt')).toBe(TABLE);
    expect(decodeUtf16(utf16(TABLE, 'utf-16be'), 'utf-16be', 'ho.txt')).toBe(TABLE);
    expect(decodeText(utf16(TABLE, 'utf-16be'), 'ho.txt')).toBe(TABLE);
    expect(decodeText(Buffer.from(TABLE), 'ho.txt')).toBe(TABLE);
  });

  it('refuses an odd byte count naming the byte and the line', () => {
    const bytes = Buffer.concat([utf16(TABLE, 'utf-16le'), Buffer.from([0x41])]);
    const got = issue(() => decodeUtf16(bytes, 'utf-16le', 'ho.txt'));
    expect(got.code).toBe('invalid-encoding');
    expect(got.value).toBe(`byte ${bytes.length - 1}`);
    expect(got.message).toContain(`ho.txt is not valid UTF-16 LE text at byte ${bytes.length - 1} (line 4): an odd number of bytes`);
  });

  it('refuses an unpaired surrogate naming its byte and line', () => {
    const lone = utf16('Mã hộ\r\nH\uDC00 1\r\n', 'utf-16le');
    expect(issue(() => decodeUtf16(lone, 'utf-16le', 'ho.txt')).message).toContain('at byte 18 (line 2): a low surrogate (U+DC00) without a high one');
    const high = utf16('Mã hộ\r\nH\uD840x\r\n', 'utf-16be');
    expect(issue(() => decodeUtf16(high, 'utf-16be', 'ho.txt')).message).toContain('UTF-16 BE text at byte 18 (line 2): a high surrogate');
    const cutAtEnd = utf16('Mã hộ\uD840', 'utf-16le');
    expect(issue(() => decodeUtf16(cutAtEnd, 'utf-16le', 'ho.txt')).message).toContain('at byte 12 (line 1): a high surrogate (U+D800–U+DBFF) at the end');
    expect(issue(() => decodeUtf16(utf16('Mã\u0000hộ', 'utf-16le'), 'utf-16le', 'ho.txt')).message).toContain('at byte 6 (line 1): a NUL character');
  });

  it('keeps a surrogate pair and a code unit cut between pieces', () => {
    const bytes = utf16('𠀧ộ', 'utf-16le');
    const d = createUtf16Decoder('utf-16le', 'ho.txt');
    let text = '';
    for (let i = 0; i < bytes.length; i++) text += d.push(bytes.subarray(i, i + 1));
    expect(text + d.end()).toBe('𠀧ộ');
  });
});

describe('utf16Chunks', () => {
  it('decodes UTF-16 read a few bytes at a time, counting the file bytes read', async () => {
    const bytes = utf16(TABLE, 'utf-16be');
    const got = await streamed(cutBytes(bytes, [1, 2, 3, 7, 30, 31]));
    expect(got.text).toBe(TABLE);
    expect(got.read).toBe(bytes.length);
  });

  it('passes UTF-8 through unchanged, also when its first piece is one byte', async () => {
    const bytes = Buffer.from(TABLE);
    const got = await streamed(cutBytes(bytes, [1, 5]));
    expect(got.text).toBe('');
    expect(got.bytes.equals(bytes)).toBe(true);
  });

  it('an odd byte count is refused in a stream as when read whole', async () => {
    const bytes = Buffer.concat([utf16(TABLE, 'utf-16le'), Buffer.from([0x41])]);
    await expect(streamed(cutBytes(bytes, [3, 9]))).rejects.toThrow(`at byte ${bytes.length - 1} (line 4): an odd number of bytes`);
  });

  describe('properties', () => {
    const text = fc.array(fc.constantFrom('a', 'ộ', 'Đ', '𝔸', '𠀧', '\t', '"', '\r\n', '\n', ' ', '1'), { maxLength: 40 }).map((p) => p.join(''));
    it('decoding UTF-16 (LE or BE, cut anywhere) gives the text back', async () => {
      await fc.assert(
        fc.asyncProperty(text, fc.constantFrom<Utf16Encoding>('utf-16le', 'utf-16be'), fc.array(fc.nat(), { maxLength: 8 }), async (t, encoding, cuts) => {
          const bytes = utf16(t, encoding);
          expect((await streamed(cutBytes(bytes, cuts))).text).toBe(t);
          expect(decodeUtf16(bytes, encoding, 'ho.txt')).toBe(t);
        }),
      );
    });

    it('UTF-8 (cut anywhere) passes through byte for byte', async () => {
      await fc.assert(
        fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (t, cuts) => {
          const bytes = Buffer.from(t);
          expect((await streamed(cutBytes(bytes, cuts))).bytes.equals(bytes)).toBe(true);
        }),
      );
    });
  });
});
