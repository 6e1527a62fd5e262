/**
 * CSV rows that do not line up with their header: an unquoted value holding the separator (a
 * figure `1,5`, a name with a comma) moves every cell after it one column right, and a row cut
 * short leaves its last columns blank. Before, both were read: the extra cell dropped, the
 * missing ones blank (exit 0, or a household "undetermined"). Now exit 2 naming the row.
 */
import { describe, expect, it } from 'vitest';
import { readRecords, assertRowWidth } from '../../src/io/readRecords.js';
import { rejectedError } from '../_helpers/errors.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectOutcome, expectRefused, writeText, writeXlsx } from './_hostile.js';

const dir = tempDirs('vnp-hostile-width-');
const AS_OF = ['--as-of', '2024-01-01'];
const HEAD = 'Mã hộ,Mã đơn vị,Khu vực,Thu nhập/tháng (đồng),Số nhân khẩu,Thiếu hụt: bảo hiểm y tế,Thiếu hụt: nhà tiêu hợp vệ sinh,Thiếu hụt: dịch vụ viễn thông';
const poor = (id: string, income = '1.400.000'): string => `${id},30316,nông thôn,${income},1,có,có,có`;
const csv = (...lines: string[]): string => `\uFEFF${lines.join('\r\n')}\r\n`;

describe('CSV rows as wide as their header', () => {
  it('classify: a value past the last column is refused naming the row and the cell, on the fast path and the slow one', async () => {
    const d = dir();
    const many = Array.from({ length: 300 }, (_, i) => poor(`H${i + 1}`));
    many[200] = `${poor('H201')},ghi chú`;
    const fast = writeText(d, 'dai.csv', csv(HEAD, ...many));
    await expectRefused(['classify', fast, ...AS_OF], ['dai.csv, row 202: 9 cells under a header of 8', 'column 9 ("ghi chú") has no header'], [fast]);
    // "1,5 triệu" unquoted: the income reads "1" and every cell after it moves right
    const comma = writeText(d, 'trieu.csv', csv(HEAD, poor('H1', '1,5 triệu')));
    await expectRefused(['classify', comma, ...AS_OF], ['trieu.csv, row 2: 9 cells under a header of 8', 'quote it ("1,5")'], [comma]);
  });

  it('classify: a row cut short is refused, not read with its last columns blank', async () => {
    const d = dir();
    const path = writeText(d, 'ngan.csv', csv(HEAD, poor('H1'), poor('H2').split(',').slice(0, 7).join(',')));
    await expectRefused(['classify', path, ...AS_OF, '--blank-as', 'no'], ['ngan.csv, row 3: 7 cells under a header of 8', 'column 8 (Thiếu hụt: dịch vụ viễn thông) and those after it are missing'], [path]);
  });

  it('a separator at the end of every line, and empty cells past the header, are read as before', async () => {
    const d = dir();
    const trailing = writeText(d, 'cuoi.csv', csv(`${HEAD},`, `${poor('H1')},`, `${poor('H2')},`));
    expect((await expectOutcome(['classify', trailing, ...AS_OF], { code: 0 })).out.trim().split('\r\n')).toHaveLength(3);
    const extraEmpty = writeText(d, 'rong.csv', csv(HEAD, `${poor('H1')},,`, poor('H2')));
    expect((await expectOutcome(['classify', extraEmpty, ...AS_OF], { code: 0 })).out.trim().split('\r\n')).toHaveLength(3);
  });

  it('classify: a column with no header is passed through with its cells, not dropped (CSV fast and slow paths, XLSX)', async () => {
    const d = dir();
    // notes under an empty header cell between two named columns
    const head = HEAD.replace('Khu vực,', 'Khu vực,,');
    const row = (id: string, note: string): string => poor(id).replace('nông thôn,', `nông thôn,${note},`);
    const many = Array.from({ length: 300 }, (_, i) => row(`H${i + 1}`, i % 3 === 0 ? `ghi chú ${i + 1}` : ''));
    const path = writeText(d, 'khong-ten.csv', csv(head, ...many));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0 });
    const lines = run.out.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.startsWith(',Mã hộ')).toBe(true);
    expect(lines[1]!.startsWith('ghi chú 1,H1,')).toBe(true);
    expect(lines[2]!.startsWith(',H2,')).toBe(true);
    expect(lines[298]!.startsWith('ghi chú 298,H298,')).toBe(true);
    expect(run.err).toContain('columns passed through unchanged: (a column with no header)');
    // a quoted note (the slow path reads the row) is kept as written
    const slow = writeText(d, 'cham.csv', csv(head, row('H1', '"ghi chú ""a"""')));
    const slowRun = await expectOutcome(['classify', slow, ...AS_OF], { code: 0 });
    expect(slowRun.out.replace(/^\uFEFF/, '').trim().split('\r\n')[1]!.startsWith('"ghi chú ""a""",H1,')).toBe(true);
    // the same register as a workbook
    const xlsx = await writeXlsx(d, 'khong-ten.xlsx', [head.split(','), row('H1', 'ghi chú 1').split(','), row('H2', '').split(',')]);
    const out = join(d, 'kq.csv');
    await expectOutcome(['classify', xlsx, ...AS_OF, '--out', out], { code: 0 });
    const written = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(written[1]!.startsWith('ghi chú 1,H1,')).toBe(true);
    expect(written[2]!.startsWith(',H2,')).toBe(true);
  });

  it('summarize and measures refuse the same rows', async () => {
    const d = dir();
    const table = writeText(d, 'kq.csv', csv('Mã hộ,Mã đơn vị,Khu vực,Mã phân loại', 'H1,30316,nông thôn,poor', 'H2,30316,nông thôn,poor,thừa'));
    await expectRefused(['summarize', table], ['kq.csv, row 3: 5 cells under a header of 4'], [table]);
    const spec = writeText(d, 'chi-so.json', JSON.stringify({ dimensions: [{ id: 'sức khoẻ', indicators: [{ id: 'd_nutr' }] }, { id: 'giáo dục', indicators: [{ id: 'd_educ' }] }] }));
    const survey = writeText(d, 'khao-sat.csv', 'd_nutr,d_educ,khu_vuc\r\n1,1,nông thôn\r\n0\r\n');
    await expectRefused(['measures', survey, '--indicators', spec], ['khao-sat.csv, row 3: 1 cells under a header of 3', 'column 2 (d_educ)'], [survey, spec]);
  });

  it('readRecords (the library) refuses them too, and a short row under unnamed columns is fine', async () => {
    const d = dir();
    const columns = [{ key: 'poor', hint: 'count', vi: 'Số hộ nghèo', en: 'Poor households' }] as const;
    const ok = writeText(d, 'ok.csv', 'Đơn vị,Số hộ nghèo,\r\nXã A,12\r\n');
    const got: unknown[] = [];
    for await (const r of readRecords(ok, columns)) got.push(r.values.poor);
    expect(got).toEqual([12n]);
    const bad = writeText(d, 'bad.csv', 'Đơn vị,Số hộ nghèo\r\nXã A,1,171\r\n');
    const error = await rejectedError((async () => { for await (const _ of readRecords(bad, columns)) void _; })());
    expect(error.issues[0].code).toBe('row-width');
    expect(error.message).toContain('bad.csv, row 2: 3 cells under a header of 2');
    expect(() => assertRowWidth(2, ['a', 'b'], ['x', 'y', ''], 'f.csv')).not.toThrow();
  });
});
