import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { fraction } from '../../src/numbers/fraction.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// The same stock printed twice in one plan — the poor households or their rate at the start or the
// end of a year, of the area or of one place — once with a figure that differs, once the same
// (the twin gives no finding).

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

const REPORT = (again: string, rate = '6,5'): string =>
  'BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC GIẢM NGHÈO NĂM 2025\n\n1. Thực trạng\n\n' +
  'Theo kết quả rà soát, đầu năm 2025 toàn xã có 145 hộ nghèo, chiếm 6,50%; 210 hộ cận nghèo, chiếm 9,42%.\n\n' +
  'Trong năm 2025 có 40 hộ thoát nghèo, phát sinh mới 5 hộ nghèo.\n\n2. Kết quả thực hiện\n\n' +
  `Số hộ nghèo đầu năm 2025 là ${again} hộ, đến cuối năm 2025 còn 110 hộ nghèo. Tỷ lệ hộ nghèo đầu năm 2025 là ${rate}%.`;

describe('the same stock printed twice', () => {
  it('the poor households at the start of the year, in two sections', () => {
    expect(check(REPORT('154'))).toEqual(['repeated-figure-mismatch “154 hộ” → 145 hộ']);
    expect(check(REPORT('145'))).toEqual([]);
    const r = checkDocument(readTextDocument(REPORT('154')));
    expect(r.findings[0]!.message).toBe(
      '“154 hộ” for the poor households at the start of 2025, but block 3 (“Theo kết quả rà soát, đầu năm 2025 toàn xã có 145 hộ nghèo, chiếm 6,50%; 210 hộ cận nghèo, chiếm 9,42%.”) prints 145 hộ: one of the two is wrong',
    );
    expect(r.findings[0]!.location).toMatchObject({ block: 6 });
  });

  it('a rate printed again: with fewer decimals it agrees when the other rounds to it', () => {
    expect(check(REPORT('145', '6,05'))).toEqual(['repeated-figure-mismatch “6,05%” → 6,50%']);
    expect(check(REPORT('145', '6,50'))).toEqual([]);
    expect(check(REPORT('145', '6,6'))).toEqual(['repeated-figure-mismatch “6,6%” → 6,50%']);
  });

  it('the figure printed most often stands', () => {
    const text = (x: string): string => `Đầu năm 2025, toàn huyện có 1.250 hộ nghèo.\n\nSố hộ nghèo đầu năm 2025: ${x} hộ.\n\nĐầu năm 2025, toàn huyện có 1.250 hộ nghèo và 980 hộ cận nghèo.`;
    expect(check(text('1.520'))).toEqual(['repeated-figure-mismatch “1.520 hộ” → 1.250 hộ']);
    expect(check(text('1.250'))).toEqual([]);
  });

  it('one place’s figure printed twice; another place, another moment, another year: not compared', () => {
    expect(check('Đầu năm 2025, xã Tân Lập có 45 hộ nghèo.\n\nSố hộ nghèo của xã Tân Lập đầu năm 2025 là 54 hộ.')).toEqual(['repeated-figure-mismatch “54 hộ” → 45 hộ']);
    expect(check('Đầu năm 2025, xã Tân Lập có 45 hộ nghèo.\n\nSố hộ nghèo của xã Tân Hòa đầu năm 2025 là 54 hộ.')).toEqual([]);
    expect(check('Đầu năm 2025, toàn xã có 145 hộ nghèo.\n\nCuối năm 2025, toàn xã còn 110 hộ nghèo.\n\nĐầu năm 2024, toàn xã có 182 hộ nghèo.')).toEqual([]);
    expect(check('Đầu năm 2025, toàn xã có 145 hộ nghèo.\n\nCuối năm 2024, toàn xã có 150 hộ nghèo.')).toEqual([]);
  });

  it('a part, a group, a plan, half a year, a change: not the same stock', () => {
    const first = 'Đầu năm 2025, toàn xã có 145 hộ nghèo.\n\n';
    expect(check(`${first}Đầu năm 2025 có 60 hộ nghèo dân tộc thiểu số.`)).toEqual([]);
    expect(check(`${first}Đầu năm 2025, trong đó 60 hộ nghèo có thành viên là người có công.`)).toEqual([]);
    expect(check(`${first}Phấn đấu đến cuối năm 2025 còn 110 hộ nghèo.\n\nĐến cuối năm 2025 còn 112 hộ nghèo.`)).toEqual([]);
    expect(check(`${first}Trong 6 tháng đầu năm 2025, toàn xã còn 131 hộ nghèo.`)).toEqual([]);
    expect(check(`${first}So với đầu năm 2025 (145 hộ nghèo), số hộ nghèo giảm 35 hộ, còn 110 hộ nghèo.`)).toEqual([]);
  });

  it('a heading naming a place makes the figures under it that place’s', () => {
    const text = (x: string): string => `Đầu năm 2025, toàn huyện có 1.250 hộ nghèo.\n\n3. Xã Tân Lập\n\nĐầu năm 2025 có 45 hộ nghèo.\n\n4. Xã Tân Hòa\n\nĐầu năm 2025 có 80 hộ nghèo.\n\nTheo kết quả rà soát, xã Tân Lập đầu năm 2025 có ${x} hộ nghèo.`;
    expect(check(text('45'))).toEqual([]);
    expect(check(text('54'))).toEqual(['repeated-figure-mismatch “54 hộ” → 45 hộ']);
  });

  describe('properties', () => {
    const vn = (n: number): string => formatVnNumber(fraction(BigInt(n), 1n), { decimals: 0, rounding: 'half-up' });
    it('a count printed again the same gives no finding; printed otherwise, one finding at it', () => {
      fc.assert(
        fc.property(fc.integer({ min: 10, max: 20_000 }), fc.integer({ min: 1, max: 900 }), fc.constantFrom('đầu', 'cuối'), fc.integer({ min: 2021, max: 2030 }), (count, delta, moment, year) => {
          const text = (x: number): string => `Theo kết quả rà soát, ${moment} năm ${year} toàn tỉnh có ${vn(count)} hộ nghèo.\n\nSố hộ nghèo ${moment} năm ${year} là ${vn(x)} hộ.`;
          expect(check(text(count))).toEqual([]);
          expect(check(text(count + delta))).toEqual([`repeated-figure-mismatch “${vn(count + delta)} hộ” → ${vn(count)} hộ`]);
        }),
        { numRuns: 100 },
      );
    });
  });
});
