import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer } from '../../src/io/_csvTokenizer.js';
import { CSV_MAX_FIELD_LENGTH } from '../../src/io/readLimits.js';
import { parseCsv } from '../../src/io/csv.js';
import { readRows } from '../../src/io/readRows.js';
import { EXIT_INTERNAL } from '../../src/cli/runBin.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { bin, expectRefused, flagCells, registerHeader } from './_hostile.js';

const dir = tempDirs('vnp-hostile-streams-');
const root = fileURLToPath(new URL('../..', import.meta.url));

async function writeRegister(path: string, households: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${registerHeader().join(',')}\r\n`);
  const flags = flagCells().join(',');
  for (let i = 0; i < households; i++) if (!out.write(`H${i},30316,nông thôn,20.000.000,45,${flags}\r\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

describe('streams behave', () => {
  it.runIf(existsSync('/proc/self/fd'))('a register refused at its header or at a row leaves no file open (the reader is closed, not left to the garbage collector)', async () => {
    const d = dir();
    const noArea = join(d, 'thieu-cot.csv');
    writeFileSync(noArea, `${registerHeader().filter((h) => h !== 'Khu vực').join(',')}\r\nH1,30316,6.000.000,40,${flagCells().join(',')}\r\n`);
    const badRow = join(d, 'dong-loi.csv');
    writeFileSync(badRow, `${registerHeader().join(',')}\r\nH1,30316,nông thôn,6.000.000,40,${flagCells().join(',')}\r\nH2,30316,"mở\r\n`);
    const open = (): number => readdirSync('/proc/self/fd').length;
    await bin(['classify', noArea, '--as-of', '2024-01-01']);
    const before = open();
    for (let i = 0; i < 5; i++) {
      expect((await bin(['classify', noArea, '--as-of', '2024-01-01'])).code).toBe(2);
      expect((await bin(['classify', badRow, '--as-of', '2024-01-01', '--out', join(d, 'kq.csv')])).code).toBe(2);
    }
    expect(open()).toBeLessThanOrEqual(before);
  });

  it('a closed stdout (| head -1) ends classify quietly with exit 0', async () => {
    const d = dir();
    const input = join(d, 'lon.csv');
    await writeRegister(input, 50_000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'classify', input, '--as-of', '2024-01-01'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t: string) => (err += t));
    // read the first line, then close the pipe as `head -1` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const [code] = (await once(child, 'close')) as [number | null];
    expect(err).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  }, 60_000);

  it('an internal error prints one line and a hint; the stack only with --debug', async () => {
    const broken = { ...COMMANDS, boom: { name: 'boom', summary: 'fails', help: '', run: async () => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); } } };
    const plain = await bin(['boom'], broken);
    expect(plain.code).toBe(EXIT_INTERNAL);
    expect(plain.err).toBe(
      "vn-poverty: internal error: TypeError: Cannot read properties of undefined (reading 'x')\n" +
        'vn-poverty: this is a bug in vn-poverty, not in your file; run again with --debug to see where it happened, and report it with that output\n',
    );
    const debug = await bin(['boom', '--debug'], broken);
    expect(debug.code).toBe(EXIT_INTERNAL);
    expect(debug.err).toMatch(/\n\s+at /);
  });

  it('one 50 MB line is refused at the field limit, naming the row, quoting only a short prefix', async () => {
    const d = dir();
    const input = join(d, 'dong-dai.csv');
    const out = createWriteStream(input);
    out.write(`${registerHeader().join(',')}\r\nH1,30316,nông thôn,1.000.000,40,${flagCells().join(',')}\r\nH2,`);
    const block = 'x'.repeat(1 << 20);
    for (let i = 0; i < 50; i++) if (!out.write(block)) await once(out, 'drain');
    out.end('\r\n');
    await once(out, 'finish');
    const run = await expectRefused(['classify', input, '--as-of', '2024-01-01'], ['dong-dai.csv, row 3, column 2: a field longer than 1048576 characters'], [input]);
    expect(run.err.length).toBeLessThan(600);
  }, 60_000);

  describe('properties', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ệ', ',', '"', '\r', '\n', ' ') });
    it('any split of the input into chunks gives the rows of the whole (the tokenizer keeps its state, it never re-reads)', () => {
      fc.assert(
        fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), (t, cuts) => {
          let whole: string[][] | string;
          try {
            whole = parseCsv(t);
          } catch (e) {
            whole = (e as Error).message;
          }
          const points = [...new Set(cuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b);
          const tok = createCsvTokenizer();
          let chunked: string[][] | string = [];
          try {
            let prev = 0;
            for (const p of [...points, t.length]) {
              chunked.push(...tok.push(t.slice(prev, p)));
              prev = p;
            }
            chunked.push(...tok.end());
          } catch (e) {
            chunked = (e as Error).message;
          }
          expect(chunked).toEqual(whole);
        }),
      );
    });
    it('a field just over the limit is refused and one at the limit is read, however it is split', async () => {
      const limit = 64;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 200 }), fc.boolean(), async (chunk, quoted) => {
          const read = async (length: number) => {
            const field = 'y'.repeat(length);
            const body = `a,b\n1,${quoted ? `"${field}"` : field}\n`;
            const chunks = body.match(new RegExp(`[^]{1,${chunk}}`, 'g')) ?? [];
            const rows: string[][] = [];
            for await (const r of readRows(Readable.from(chunks), { maxFieldLength: limit })) rows.push([...(r.cells as string[])]);
            return rows;
          };
          expect((await read(limit))[1]?.[1]).toHaveLength(limit);
          await expect(read(limit + 1)).rejects.toThrow(`a field longer than ${limit} characters`);
        }),
        { numRuns: 300 },
      );
    });
  });

  it('the default field limit is 1 MiB', () => {
    expect(CSV_MAX_FIELD_LENGTH).toBe(1_048_576);
  });
});

describe('long values are quoted by a short prefix', () => {
  it('a 200.000-character area cell is named by its first characters only', async () => {
    const d = dir();
    const long = 'nông thôn '.repeat(20_000);
    const input = join(d, 'dai.csv');
    const out = createWriteStream(input);
    out.end(`Mã hộ,Khu vực,Thu nhập/tháng (đồng),Tuổi các thành viên\r\nH1,${long},1.000.000,40\r\n`);
    await once(out, 'finish');
    const run = await expectRefused(['classify', input, '--as-of', '2024-01-01'], ['dai.csv, row 2, column 2 (Khu vực)', '(199999 characters)'], [input]);
    expect(run.err.length).toBeLessThan(600);
  });
});
