import fc from 'fast-check';
import { Readable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/io/csv.js';
import { formatOfPath, readRows } from '../../src/io/readRows.js';
import { rejectedError } from '../_helpers/errors.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const rowsDir = tempDirs('vnp-rows-');

async function collect(source: Parameters<typeof readRows>[0], options: Parameters<typeof readRows>[1] = {}): Promise<string[][]> {
  const out: string[][] = [];
  for await (const { cells } of readRows(source, options)) out.push(cells.map((c) => String(c)));
  return out;
}

/** Splits bytes at the given cut points (which may fall inside a multi-byte letter). */
function chunksOf(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    out.push(bytes.subarray(start, p));
    start = p;
  }
  out.push(bytes.subarray(start));
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
            const streamed = await collect(Readable.from(chunksOf(bytes, cuts)));
            expect(streamed).toEqual(parseCsv(text));
            expect(streamed).toEqual(rows);
          },
        ),
      );
    });
  });
});
