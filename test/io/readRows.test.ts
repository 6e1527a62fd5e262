import fc from 'fast-check';
import { Readable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/io/csv.js';
import { formatOfPath, readRows } from '../../src/io/readRows.js';
import { rejectedError } from '../_helpers/errors.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { cutBytes } from '../_helpers/cutBytes.js';

const rowsDir = tempDirs('vnp-rows-');

async function collect(source: Parameters<typeof readRows>[0], options: Parameters<typeof readRows>[1] = {}): Promise<string[][]> {
  const out: string[][] = [];
  for await (const { cells } of readRows(source, options)) out.push(cells.map((c) => String(c)));
  return out;
}

describe('readRows', () => {
  it('streams a CSV file with row numbers, reading quoted line breaks across small chunks', async () => {
    const dir = rowsDir();
    const file = join(dir, 'ho.csv');
    writeFileSync(file, '\uFEFFmã hộ,ghi chú\r\nH1,"hai\r\ndòng"\r\nH2,"Phường 1, Rạch Giá"\r\n');
    const rows: Array<[number, string[]]> = [];
    for await (const r of readRows(file, { chunkSize: 3 })) rows.push([r.row, r.cells.map(String)]);
    expect(rows).toEqual([
      [1, ['mã hộ', 'ghi chú']],
      [2, ['H1', 'hai\r\ndòng']],
      [3, ['H2', 'Phường 1, Rạch Giá']],
    ]);
  });

  it('names the file, row and column of a malformed record', async () => {
    const source = Readable.from([Buffer.from('a,b\nc,"open')]);
    await expect(collect(source, { source: 'ho.csv' })).rejects.toThrow('ho.csv, row 2, column 2: a quoted field is never closed');
  });

  it('refuses bytes that are not UTF-8 (Excel’s Windows-1258 "CSV")', async () => {
    // "Hà" in Windows-1258: H, a + combining grave (0xCC) is not valid UTF-8 on its own
    const source = Readable.from([Buffer.from([0x48, 0xe0, 0x2c, 0x31, 0x0a])]);
    const error = await rejectedError(collect(source, { source: 'cu.csv' }));
    expect(error.issues[0].code).toBe('invalid-encoding');
    expect(error.message).toMatch(/CSV UTF-8/);
  });

  it('knows formats by extension only', () => {
    expect(formatOfPath('a/B.XLSX')).toBe('xlsx');
    expect(formatOfPath('b.csv')).toBe('csv');
    expect(() => formatOfPath('c.xls')).toThrow(/\.csv or \.xlsx/);
  });

  describe('properties', () => {
    it('reading in chunks equals reading the whole text (bulk equals one-by-one)', async () => {
      const field = fc.string({ unit: fc.constantFrom('a', 'ư', 'ệ', ',', '"', '\r', '\n', ' ', '😀') });
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
          fc.array(fc.nat(), { maxLength: 8 }),
          fc.boolean(),
          async (rows, cuts, bom) => {
            const text = formatCsv(rows, { bom });
            const bytes = new TextEncoder().encode(text);
            const streamed = await collect(Readable.from(cutBytes(bytes, cuts)));
            expect(streamed).toEqual(parseCsv(text));
            expect(streamed).toEqual(rows);
          },
        ),
      );
    });

    it('UTF-16 LE or BE with a byte-order mark, read in chunks, gives the rows of its UTF-8 text', async () => {
      const field = fc.string({ unit: fc.constantFrom('a', 'ư', 'ệ', ',', '"', '\r', '\n', '\t', ' ', '😀') });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), async (rows, cuts, big) => {
          const le = Buffer.from(`\uFEFF${formatCsv(rows)}`, 'utf16le');
          const streamed = await collect(Readable.from(cutBytes(big ? Buffer.from(le).swap16() : le, cuts)));
          expect(streamed).toEqual(rows);
        }),
      );
    });
  });

  it('a UTF-16 file path is read as its UTF-8 save, tab-separated (Excel "Unicode Text")', async () => {
    const text = 'Mã đơn vị\tMã phân loại\r\n30316\t"hộ nghèo, mới"\r\n';
    const path = join(rowsDir(), 'unicode.txt');
    writeFileSync(path, Buffer.from(`\uFEFF${text}`, 'utf16le'));
    expect(await collect(path, { delimiter: '\t' })).toEqual([['Mã đơn vị', 'Mã phân loại'], ['30316', 'hộ nghèo, mới']]);
  });
});
