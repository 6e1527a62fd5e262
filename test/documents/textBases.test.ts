import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { fraction } from '../../src/numbers/fraction.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// A table's poverty rates whose base only the text prints (“Tổng số hộ toàn xã là 1.245 hộ” and a
// table “Hộ nghèo | 87 | 6,99” with no households column): each table once with a wrong rate, once
// right (the twin gives no finding).

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

const SURVEY = (poor: string, near = '9,00', base = 'Tổng số hộ toàn xã là 1.245 hộ.', counts: readonly [string, string] = ['87', '112']): string =>
  `${base}\n\nBiểu 1. Kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2025\n\n` +
  `TT\tChỉ tiêu\tSố hộ\tTỷ lệ (%)\n1\tHộ nghèo\t${counts[0]}\t${poor}\n2\tHộ cận nghèo\t${counts[1]}\t${near}\n`;

const VILLAGES = (total: string): string =>
  'Toàn xã có 1.245 hộ, 5.320 nhân khẩu, sống ở 2 thôn.\n\nBiểu 1. Hộ nghèo các thôn cuối năm 2025\n\n' +
  `TT\tThôn\tSố hộ nghèo\tTỷ lệ hộ nghèo (%)\n1\tNà Lừa\t30\t10,20\n2\tPá Khoang\t57\t6,12\n\tTổng cộng\t87\t${total}\n`;

describe('a table’s rates on the households the text prints', () => {
  it('the poor and the near-poor of a survey table, on “Tổng số hộ toàn xã là 1.245 hộ”', () => {
    expect(check(SURVEY('6,90'))).toEqual(['rate-mismatch “6,90” → 6,99']);
    expect(check(SURVEY('6,99'))).toEqual([]);
    const r = checkDocument(readTextDocument(SURVEY('6,90')));
    expect(r.findings[0]!.location).toMatchObject({ block: 3, row: 2, column: 4, rowLabel: 'Hộ nghèo' });
    expect(r.findings[0]!.message).toBe('“6,90” (Hộ nghèo, Tỷ lệ (%)): 87 ÷ 1.245 hộ (block 1: “Tổng số hộ toàn xã là 1.245 hộ.”) × 100 = 6,988%, 6,99 to the decimals printed (half-up) — another base or date?');
    // the rate column is checked: no longer listed unchecked, nor the sentence of the base
    const twin = checkDocument(readTextDocument(SURVEY('6,99')));
    expect(twin.unchecked.map((u) => u.kind)).toEqual(['table']);
  });

  it('the total row of a table of villages, each village on its own households (not checked)', () => {
    expect(check(VILLAGES('6,90'))).toEqual(['rate-mismatch “6,90” → 6,99']);
    expect(check(VILLAGES('6,99'))).toEqual([]);
  });

  it('a base that is not certain: two figures, another year, a group, every rate missing it, a households column', () => {
    expect(check(SURVEY('6,90', '9,00', 'Tổng số hộ toàn xã là 1.245 hộ. Đến năm 2026, tổng số hộ dân cư là 1.260 hộ.'))).toEqual([]);
    expect(check(SURVEY('6,90', '9,00', 'Tổng số hộ toàn xã năm 2023 là 1.245 hộ.'))).toEqual([]);
    expect(check(SURVEY('6,90', '9,00', 'Tổng số hộ dân tộc thiểu số là 1.245 hộ.'))).toEqual([]);
    // 87 and 112 of 1.300 households: both rates miss 1.245, the table is on another base
    expect(check(SURVEY('6,69', '8,62'))).toEqual([]);
    const withColumn = 'Tổng số hộ toàn xã là 1.245 hộ.\n\nBiểu 1. Hộ nghèo\n\nTT\tThôn\tTổng số hộ\tSố hộ nghèo\tTỷ lệ (%)\n1\tNà Lừa\t300\t30\t10,00\n2\tPá Khoang\t945\t57\t6,03\n';
    expect(check(withColumn)).toEqual([]);
  });

  describe('properties', () => {
    const vn = (n: bigint, den = 1n, d = 0): string => formatVnNumber(fraction(n, den), { decimals: d, rounding: 'half-up' });
    it('rates computed on the printed households give no finding; one changed by a hundredth is found at its cell', () => {
      fc.assert(
        fc.property(fc.integer({ min: 300, max: 50_000 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom(-1n, 1n), (h, a, b, step) => {
          const households = BigInt(h);
          const poor = (households * BigInt(a)) / 100n;
          const near = (households * BigInt(b)) / 100n;
          const rate = (c: bigint): bigint => (c * 10_000n * 2n + households) / (households * 2n);
          const text = (shift: bigint): string => SURVEY(vn(rate(poor) + shift, 100n, 2), vn(rate(near), 100n, 2), `Tổng số hộ toàn xã là ${vn(households)} hộ.`, [vn(poor), vn(near)]);
          expect(check(text(0n))).toEqual([]);
          expect(check(text(step))).toEqual([`rate-mismatch “${vn(rate(poor) + step, 100n, 2)}” → ${vn(rate(poor), 100n, 2)}`]);
        }),
        { numRuns: 100 },
      );
    });
  });
});
