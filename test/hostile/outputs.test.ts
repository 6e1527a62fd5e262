import { chmodSync, linkSync, readFileSync, symlinkSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, expectRefused, GOOD_REGISTER, writeCsv, writeXlsx } from './_hostile.js';

const dir = tempDirs('vnp-hostile-out-');
const AS_OF = ['--as-of', '2024-01-01'];

/** Files in `d` whose names look like a writer's temporary file. */
const temporaries = (d: string): string[] => readdirSync(d).filter((f) => f.endsWith('.tmp'));

describe('outputs are atomic and never destroy an input', () => {
  it('classify --out equal to the input is refused before anything is opened (CSV, XLSX, symbolic and hard links)', async () => {
    const d = dir();
    const csv = writeCsv(d, 'ho.csv', GOOD_REGISTER);
    const xlsx = await writeXlsx(d, 'ho.xlsx', GOOD_REGISTER);
    symlinkSync(csv, join(d, 'alias.csv'));
    linkSync(csv, join(d, 'hard.csv'));
    for (const [input, out] of [[csv, csv], [xlsx, xlsx], [csv, join(d, 'alias.csv')], [csv, join(d, 'hard.csv')], [csv, join(d, '.', 'ho.csv')]] as const) {
      await expectRefused(['classify', input, ...AS_OF, '--out', out], ['is the input file', 'choose another output file'], [csv, xlsx]);
    }
    expect(temporaries(d)).toEqual([]);
  });

  it('summarize --out equal to the input or to --units is refused', async () => {
    const d = dir();
    const classified = join(d, 'kq.csv');
    expect((await expectOutcome(['classify', writeCsv(d, 'ho.csv', GOOD_REGISTER), ...AS_OF, '--out', classified], { code: 0 })).code).toBe(0);
    await expectRefused(['summarize', classified, '--out', classified], ['is the input file'], [classified]);
  });

  it('an existing --out is byte-identical after a failure on bad input (missing column, malformed row, bad cell), CSV and XLSX', async () => {
    const d = dir();
    const previous = join(d, 'ket-qua.csv');
    writeFileSync(previous, 'kết quả cũ, không được mất\r\n');
    const previousXlsx = join(d, 'ket-qua.xlsx');
    writeFileSync(previousXlsx, readFileSync(await writeXlsx(d, 'cu.xlsx', [['a'], ['1']])));
    const missingColumn = writeCsv(d, 'thieu.csv', [['Mã hộ', 'Khu vực'], ['H1', 'nông thôn']]);
    const malformed = join(d, 'hong.csv');
    writeFileSync(malformed, `${readFileSync(writeCsv(d, 'x.csv', GOOD_REGISTER), 'utf8')}H9,30316,"nông thôn,1\r\n`);
    const badCell = writeCsv(d, 'o.csv', [...GOOD_REGISTER, ['H9', '30316', 'nông thôn', 'khoảng 3 triệu', '40', ...GOOD_REGISTER[1]!.slice(5)]]);
    for (const input of [missingColumn, malformed, badCell]) {
      for (const out of [previous, previousXlsx]) {
        await expectRefused(['classify', input, ...AS_OF, '--out', out], [/(thieu|hong|o)\.csv, row \d/], [input, out]);
      }
    }
    expect(temporaries(d)).toEqual([]);
  });

  it('summarize leaves an existing --out untouched on bad input', async () => {
    const d = dir();
    const previous = join(d, 'tong-hop.csv');
    writeFileSync(previous, 'cũ\r\n');
    const badStatus = writeCsv(d, 'kq.csv', [['Mã đơn vị', 'Mã phân loại'], ['30316', 'poor'], ['30316', 'rất nghèo']]);
    await expectRefused(['summarize', badStatus, '--out', previous], ['kq.csv, row 3, column 2 (Mã phân loại)'], [badStatus, previous]);
  });

  it('a missing folder, a file used as a folder, a folder as --out and an unwritable place are exit 2 naming the path', async () => {
    const d = dir();
    const input = writeCsv(d, 'ho.csv', GOOD_REGISTER);
    const cases: Array<[string, string]> = [
      [join(d, 'khong-co', 'ket-qua.csv'), 'does not exist'],
      [join(d, 'khong-co', 'ket-qua.xlsx'), 'does not exist'],
      [join(input, 'ket-qua.csv'), 'is not a folder'],
    ];
    for (const [out, why] of cases) await expectRefused(['classify', input, ...AS_OF, '--out', out], [out, why], [input]);
    // a directory named like an output file
    mkdirSync(join(d, 'la-thu-muc.csv'));
    await expectRefused(['classify', input, ...AS_OF, '--out', join(d, 'la-thu-muc.csv')], ['it is a folder'], [input]);
    // /proc takes no new files, even for root
    await expectRefused(['classify', input, ...AS_OF, '--out', '/proc/ket-qua.csv'], ['/proc/ket-qua.csv'], [input]);
    await expectRefused(['summarize', input, '--out', join(d, 'khong-co', 'x.csv')], ['does not exist'], [input]);
  });

  it('an --out file marked read-only is kept, for every command writing a file (before: replaced by the rename)', async () => {
    const d = dir();
    const input = writeCsv(d, 'ho.csv', GOOD_REGISTER);
    const locked = join(d, 'ket-qua-khoa.csv');
    writeFileSync(locked, 'bản đã duyệt\r\n');
    chmodSync(locked, 0o444);
    await expectRefused(['classify', input, ...AS_OF, '--out', locked], [`cannot write ${locked}: the file is read-only`], [input, locked]);
    const classified = writeCsv(d, 'kq.csv', [['Mã đơn vị', 'Mã phân loại'], ['30316', 'poor']]);
    await expectRefused(['summarize', classified, '--out', locked], ['the file is read-only'], [classified, locked]);
    expect(temporaries(d)).toEqual([]);
    // the twin: the same file made writable is replaced
    chmodSync(locked, 0o644);
    await expectOutcome(['classify', input, ...AS_OF, '--out', locked], { code: 0, unchanged: [input] });
    expect(readFileSync(locked, 'utf8')).toMatch(/^\uFEFFMã hộ \(Household id\)/);
  });

  it('a successful run replaces the old --out whole and leaves no temporary file', async () => {
    const d = dir();
    const input = writeCsv(d, 'ho.csv', GOOD_REGISTER);
    const out = join(d, 'ket-qua.csv');
    writeFileSync(out, 'cũ\r\n');
    await expectOutcome(['classify', input, ...AS_OF, '--out', out], { code: 0, unchanged: [input] });
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFMã hộ \(Household id\)/);
    expect(readFileSync(out, 'utf8').split('\r\n')).toHaveLength(5);
    expect(temporaries(d)).toEqual([]);
  });
});

describe('an --out that names no file format', () => {
  it('a name without an extension, or a folder, is refused saying what to give, for classify and summarize', async () => {
    const d = dir();
    const csv = writeCsv(d, 'ho.csv', GOOD_REGISTER);
    mkdirSync(join(d, 'kq'));
    for (const out of [join(d, 'ket-qua'), join(d, 'kq')]) {
      await expectRefused(['classify', csv, ...AS_OF, '--out', out], ['the name has no extension', 'name a .csv or .xlsx file', 'ket-qua.csv'], [csv]);
      await expectRefused(['summarize', csv, '--out', out], ['the name has no extension'], [csv]);
    }
    expect(readdirSync(d).sort()).toEqual(['ho.csv', 'kq']);
  });
});
