import fc from 'fast-check';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/csv.js';
import { readCell } from '../../src/io/columns.js';
import { readHouseholdRegister } from '../../src/io/readHouseholdRegister.js';
import { foldVietnamese, normalizeNfc } from '../../src/text/foldVietnamese.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { rejectedError } from '../_helpers/errors.js';
import { expectOutcome, expectRefused, writeCsv } from './_hostile.js';

const dir = tempDirs('vnp-hostile-values-');
const RURAL = ['nông thôn', 'Nông thôn', 'NÔNG THÔN', 'nong thon', 'Nong Thon', 'rural', 'Rural', 'NT', 'nt', 'khu vực nông thôn', 'no\u0302ng tho\u0302n'];
const URBAN = ['thành thị', 'Thành thị', 'THÀNH THỊ', 'thanh thi', 'urban', 'URBAN', 'TT', 'tt', 'đô thị', 'Đô Thị'];

describe('values are normalised where the meaning is certain', () => {
  it('summarize --by area groups every spelling of an area as one', async () => {
    const d = dir();
    const rows = [['Khu vực', 'Mã phân loại'], ...RURAL.map((a) => [a, 'poor']), ...URBAN.map((a) => [a, 'non-poor'])];
    const input = writeCsv(d, 'kq.csv', rows);
    const run = await expectOutcome(['summarize', input, '--by', 'area', '--headers', 'vi'], { code: 0, unchanged: [input] });
    const lines = run.out.trim().split('\r\n');
    // unit, name, households, persons (no members column: blank), poor
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 6))).toEqual([
      ['nông thôn', '', String(RURAL.length), '', String(RURAL.length)],
      ['thành thị', '', String(URBAN.length), '', '0'],
      ['Tổng cộng', '', String(RURAL.length + URBAN.length), '', String(RURAL.length)],
    ]);
  });

  it('an unknown area is exit 2 naming row and column (summarize, classify)', async () => {
    const d = dir();
    const input = writeCsv(d, 'kq.csv', [['Khu vực', 'Mã phân loại'], ['nông thôn', 'poor'], ['miền núi', 'poor']]);
    await expectRefused(['summarize', input, '--by', 'area'], ['kq.csv, row 3, column 1 (Khu vực)', 'miền núi'], [input]);
    const register = writeCsv(d, 'ho.csv', [['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên'], ['H1', 'ngoại thành', '1.000.000', '40']]);
    await expectRefused(['classify', register, '--as-of', '2024-01-01'], ['ho.csv, row 2, column 2 (Khu vực)', 'ngoại thành'], [register]);
  });

  it('the register reads every spelling of an area', async () => {
    const rows = [['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên'], ...[...RURAL, ...URBAN].map((a, i) => [`H${i}`, a, '1.000.000', '40'])];
    const areas: string[] = [];
    for await (const h of readHouseholdRegister(Readable.from([formatCsv(rows)]))) areas.push(h.household.area);
    expect(areas).toEqual([...RURAL.map(() => 'rural'), ...URBAN.map(() => 'urban')]);
  });

  it('--units files read the area type in any spelling', async () => {
    const d = dir();
    const units = writeCsv(d, 'dv.csv', [
      ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Loại đơn vị', 'Khu vực', 'Mã đơn vị cấp trên', 'Hệ mã', 'Hiệu lực từ', 'Hiệu lực đến'],
      ['89', 'Tỉnh An Giang', 'province', 'tinh', 'NT', '', 'QD124_2004', '2004-01-01', '2025-06-30'],
      ['888', 'Thị xã Tịnh Biên', 'district', 'thi_xa', 'tt', '89', 'QD124_2004', '2022-02-01', '2025-06-30'],
      ['30316', 'Phường Nhà Bàng', 'commune', 'phuong', 'Thành Thị', '888', 'QD124_2004', '2022-02-01', '2025-06-30'],
    ]);
    const kq = writeCsv(d, 'kq.csv', [['Mã đơn vị', 'Mã phân loại'], ['30316', 'poor']]);
    const run = await expectOutcome(['summarize', kq, '--units', units, '--as-of', '2024-01-01', '--headers', 'vi'], { code: 0, unchanged: [kq, units] });
    expect(run.out).toContain('tỉnh,89,Tỉnh An Giang,1,,1');
    const bad = writeCsv(d, 'dv2.csv', [
      ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Loại đơn vị', 'Khu vực', 'Mã đơn vị cấp trên', 'Hệ mã', 'Hiệu lực từ'],
      ['89', 'Tỉnh An Giang', 'province', 'tinh', 'vùng cao', '', 'QD124_2004', '2004-01-01'],
    ]);
    await expectRefused(['summarize', kq, '--units', bad, '--as-of', '2024-01-01'], ['dv2.csv, row 2, column 5 (Khu vực)', 'vùng cao'], [kq, bad]);
  });

  it('yes/no flags: có/không in any case, 1/0, yes/no, x; with --marks a blank is no; anything else names row and column', async () => {
    const at = { row: 2, column: 5, header: 'Thiếu hụt' };
    for (const yes of ['có', 'Có', 'CÓ', 'co', 'x', 'X', '1', 'yes', 'Yes', 'y', 'true', 'đúng']) expect(readCell(yes, { hint: 'boolean' }, at), yes).toBe(true);
    for (const no of ['không', 'Không', 'KHÔNG', 'khong', '0', 'no', 'No', 'n', 'false', 'sai']) expect(readCell(no, { hint: 'boolean' }, at), no).toBe(false);
    const header = ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', 'Thiếu hụt: bảo hiểm y tế'];
    const rows = [header, ['H1', 'nông thôn', '1', '40', 'x'], ['H2', 'nông thôn', '1', '40', '']];
    const read = async (marks: boolean) => {
      const flags: unknown[] = [];
      for await (const h of readHouseholdRegister(Readable.from([formatCsv(rows)]), { marks })) flags.push(h.household.deprivations?.['health-insurance']);
      return flags;
    };
    expect(await read(true)).toEqual([true, false]);
    expect(await read(false)).toEqual([true, undefined]);
    const error = await rejectedError(
      (async () => {
        for await (const h of readHouseholdRegister(Readable.from([formatCsv([header, ['H1', 'nông thôn', '1', '40', 'có lẽ']])]), { source: 'ho.csv' })) void h;
      })(),
    );
    expect(error.message).toContain('ho.csv, row 2, column 5 (Thiếu hụt: bảo hiểm y tế)');
    const d = dir();
    const input = writeCsv(d, 'ho.csv', [header, ['H1', 'nông thôn', '1', '40', 'maybe']]);
    await expectRefused(['classify', input, '--as-of', '2024-01-01', '--out', join(d, 'kq.csv')], ['ho.csv, row 2, column 5 (Thiếu hụt: bảo hiểm y tế)', 'maybe'], [input]);
  });

  describe('properties', () => {
    it('folding ignores case, NFC/NFD form and runs of spaces', () => {
      const word = fc.constantFrom(...RURAL, ...URBAN, 'Thu nhập/tháng (đồng)', 'Đồng', 'Nghệ An', 'ữ ự ỳ');
      fc.assert(
        fc.property(word, fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 3 }), (w, upper, nfd, spaces) => {
          let v = upper ? w.toUpperCase() : w.toLowerCase();
          v = nfd ? v.normalize('NFD') : v;
          v = v.replace(/ /g, ' '.repeat(spaces));
          expect(foldVietnamese(v)).toBe(foldVietnamese(w));
          expect(normalizeNfc(v.normalize('NFD'))).toBe(v.normalize('NFC'));
        }),
      );
    });
    it('a folded text has no diacritics, no capitals and no đ', () => {
      fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => /[\u0300-\u036fđĐ]/.test(foldVietnamese(s)) === false && foldVietnamese(s) === foldVietnamese(s).toLowerCase()));
    });
  });
});
