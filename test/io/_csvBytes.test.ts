import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { csvByteRecords, fieldText } from '../../src/io/_csvBytes.js';
import { createCsvTokenizer } from '../../src/io/_csvTokenizer.js';
import { cutBytes } from '../_helpers/cutBytes.js';

/** Records and the first error (code and path) of the byte reader, the input cut into the given pieces. */
async function byBytes(pieces: readonly Uint8Array[], options: { maxFieldLength?: number; maxRecordLength?: number } = {}): Promise<{ rows: string[][]; error?: unknown }> {
  const rows: string[][] = [];
  try {
    for await (const r of csvByteRecords((async function* () { yield* pieces; })(), { source: 'x.csv', ...options })) {
      for (let k = 0; k < r.count; k++) {
        const cells: string[] = [];
        for (let f = r.fieldOffsets[k]!; f < r.fieldOffsets[k + 1]!; f++) cells.push(fieldText(r, f));
        rows.push(cells);
      }
    }
  } catch (e) {
    if (!(e instanceof VnPovertyError)) throw e;
    return { rows, error: e.issues.map((i) => [i.code, i.path]) };
  }
  return { rows };
}

function byTokenizer(text: string, options: { maxFieldLength?: number; maxRecordLength?: number } = {}): { rows: string[][]; error?: unknown } {
  const t = createCsvTokenizer({ source: 'x.csv', ...options });
  const rows: string[][] = [];
  try {
    rows.push(...t.push(text));
    rows.push(...t.end());
  } catch (e) {
    if (!(e instanceof VnPovertyError)) throw e;
    return { rows, error: e.issues.map((i) => [i.code, i.path]) };
  }
  return { rows };
}

const csvText = fc.array(fc.constantFrom('a', 'ộ', '𝔸', ',', '"', '""', '\n', '\r', '\r\n', ' ', '1', 'x'), { maxLength: 60 }).map((p) => p.join(''));

describe('csvByteRecords', () => {
  it('reads quoted fields, CRLF, a lone CR and a byte-order mark as the tokenizer does', async () => {
    const text = '\uFEFFmã,"tên, họ"\r\n1,"a ""b"""\r2,\n\n3';
    expect((await byBytes([Buffer.from(text)])).rows).toEqual([['mã', 'tên, họ'], ['1', 'a "b"'], ['2', ''], [''], ['3']]);
  });

  it('refuses invalid UTF-8 and UTF-16 with the encoding errors', async () => {
    expect((await byBytes([Uint8Array.of(0x61, 0x2c, 0xff, 0x0a)])).error).toEqual([['invalid-encoding', ['x.csv']]]);
    expect((await byBytes([Uint8Array.of(0xff, 0xfe, 0x61, 0x00, 0x62)])).error).toEqual([['invalid-encoding', ['x.csv']]]);
  });

  it('reads UTF-16 with a byte-order mark (Excel\'s "Unicode Text") as its text', async () => {
    const text = 'Mã hộ,Họ tên\r\nH01,"Nguyễn Văn ""Tư"", 𠀧"\r\n';
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    expect((await byBytes(cutBytes(le, [1, 3, 8]))).rows).toEqual([['Mã hộ', 'Họ tên'], ['H01', 'Nguyễn Văn "Tư", 𠀧']]);
    expect((await byBytes([Buffer.from(le).swap16()])).rows).toEqual(byTokenizer(text).rows);
  });

  describe('properties', () => {
    it('any text cut anywhere gives the records and the errors of the string tokenizer', async () => {
      await fc.assert(
        fc.asyncProperty(csvText, fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
          const expected = byTokenizer(text);
          const got = await byBytes(cutBytes(Buffer.from(text), cuts));
          expect(got.error).toEqual(expected.error);
          if (expected.error === undefined) expect(got.rows).toEqual(expected.rows);
        }),
      );
    });

    it('UTF-16 LE or BE text cut anywhere gives the records and the errors of the string tokenizer', async () => {
      await fc.assert(
        fc.asyncProperty(csvText, fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), async (text, big, cuts) => {
          const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
          const got = await byBytes(cutBytes(big ? Buffer.from(le).swap16() : le, cuts));
          const expected = byTokenizer(text);
          expect(got.error).toEqual(expected.error);
          if (expected.error === undefined) expect(got.rows).toEqual(expected.rows);
        }),
      );
    });

    it('the field and record limits are counted in characters, as the tokenizer counts them', async () => {
      await fc.assert(
        fc.asyncProperty(csvText, fc.array(fc.nat(), { maxLength: 4 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 2, max: 20 }), async (text, cuts, maxFieldLength, maxRecordLength) => {
          const limits = { maxFieldLength, maxRecordLength };
          // which of the two limits is met first may depend on where a read ends (so for the tokenizer too); the place is the same
          const tooLong = (e: unknown): unknown => JSON.stringify(e)?.replace(/"(field|record)-too-long"/g, '"too-long"');
          const expected = byTokenizer(text, limits);
          const got = await byBytes(cutBytes(Buffer.from(text), cuts), limits);
          expect(tooLong(got.error)).toEqual(tooLong(expected.error));
          if (expected.error === undefined) expect(got.rows).toEqual(expected.rows);
        }),
      );
    });
  });
});
