import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { fraction } from '../../src/numbers/fraction.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// A rate or a count the text prints for one place or part of the area (“tỷ lệ hộ nghèo khu vực
// nông thôn là 6,21%”, “xã Tân Lập còn 45 hộ nghèo, chiếm 8,33%”) against the table row of that
// place: each sentence once wrong, once right (the twin gives no finding).

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

const AREAS =
  'KẾ HOẠCH GIẢM NGHÈO NĂM 2026\n\nBiểu 1. Hộ nghèo theo khu vực cuối năm 2025\n\n' +
  'TT\tKhu vực\tTổng số hộ\tSố hộ nghèo\tTỷ lệ hộ nghèo (%)\n' +
  '1\tKhu vực thành thị\t4.200\t84\t2,00\n2\tKhu vực nông thôn\t9.800\t600\t6,12\n\tTổng cộng\t14.000\t684\t4,89\n\n';

const COMMUNES = (header: string): string =>
  'Biểu 1. Hộ nghèo các xã năm 2025\n\n' +
  `TT\tXã\tTổng số hộ\t${header}\tTỷ lệ hộ nghèo cuối năm 2025 (%)\n` +
  '1\tXã Tân Lập\t540\t45\t8,33\n2\tXã Tân Hòa\t1.000\t50\t5,00\n3\tXã Phú Mỹ\t460\t23\t5,00\n\tTổng cộng\t2.000\t118\t5,90\n\n';

describe('a figure of the text against the row of its place or part of the area', () => {
  it('the rural rate of the text against the row “Khu vực nông thôn”', () => {
    expect(check(`${AREAS}Theo kết quả rà soát cuối năm 2025, tỷ lệ hộ nghèo khu vực nông thôn là 6,21%, cao hơn khu vực thành thị.`)).toEqual(['figure-differs-from-table “6,21%” → 6,12%']);
    expect(check(`${AREAS}Theo kết quả rà soát cuối năm 2025, tỷ lệ hộ nghèo khu vực nông thôn là 6,12%, cao hơn khu vực thành thị.`)).toEqual([]);
    const r = checkDocument(readTextDocument(`${AREAS}Tỷ lệ hộ nghèo khu vực nông thôn là 6,21%.`));
    expect(r.findings[0]!.message).toBe('“6,21%”: the table at block 3, row 3 (“Khu vực nông thôn”), column 5 (“Tỷ lệ hộ nghèo (%)”) prints 6,12%, not the figure of the prose');
  });

  it('another year, another measure, a part of the area no row names: not compared', () => {
    expect(check(`${AREAS}Cuối năm 2024, tỷ lệ hộ nghèo khu vực nông thôn là 6,90%.`)).toEqual([]);
    expect(check(`${AREAS}Tỷ lệ hộ cận nghèo khu vực nông thôn là 9,40%.`)).toEqual([]);
    expect(check(`${AREAS}Tỷ lệ hộ nghèo khu vực miền núi là 9,40%.`)).toEqual([]);
  });

  it('a commune’s count of the poor against its row, never against the total row', () => {
    const table = COMMUNES('Số hộ nghèo cuối năm 2025');
    // before, “45 hộ” of xã Tân Lập was compared with the total row's 118
    expect(check(`${table}Đến cuối năm 2025, xã Tân Lập còn 45 hộ nghèo.`)).toEqual([]);
    expect(check(`${table}Đến cuối năm 2025, xã Tân Lập còn 54 hộ nghèo.`)).toEqual(['figure-differs-from-table “54 hộ” → 45 hộ']);
    expect(check(`${table}Số hộ nghèo của xã Phú Mỹ là 32 hộ.`)).toEqual(['figure-differs-from-table “32 hộ” → 23 hộ']);
    expect(check(`${table}Số hộ nghèo của xã Phú Mỹ là 23 hộ.`)).toEqual([]);
  });

  it('a commune’s count and rate on the households of its row, never of the total row', () => {
    const table = COMMUNES('Số hộ nghèo');
    // before, both pairs were put on the total row's 2.000 households
    expect(check(`${table}Đến cuối năm 2025, xã Tân Lập còn 45 hộ nghèo, chiếm 8,33%. Xã Tân Hòa còn 50 hộ nghèo, chiếm tỷ lệ 5,00%.`)).toEqual([]);
    expect(check(`${table}Đến cuối năm 2025, xã Tân Lập còn 45 hộ nghèo, chiếm 8,33%. Xã Tân Hòa còn 50 hộ nghèo, chiếm tỷ lệ 5,50%.`)).toEqual(['rate-count-base-mismatch “5,50%” → 5,00%']);
  });

  it('a part of a place’s households, a change, two places at once: not compared', () => {
    const table = COMMUNES('Số hộ nghèo cuối năm 2025');
    expect(check(`${table}Cuối năm 2025, xã Tân Lập có 45 hộ nghèo, trong đó 20 hộ nghèo là hộ dân tộc thiểu số.`)).toEqual([]);
    expect(check(`${table}Trong năm 2025, xã Tân Lập giảm 12 hộ nghèo.`)).toEqual([]);
    expect(check(`${table}Tỷ lệ hộ nghèo cuối năm 2025 của xã Tân Lập và xã Tân Hòa lần lượt là 8,33% và 5,00%.`)).toEqual([]);
  });

  it('a place in two tables with two figures: not certain, not compared', () => {
    const second = 'Biểu 2. Hộ nghèo các xã (số liệu điều chỉnh)\n\nTT\tXã\tTổng số hộ\tSố hộ nghèo\tTỷ lệ hộ nghèo (%)\n1\tXã Tân Lập\t550\t46\t8,36\n2\tXã Tân Hòa\t1.000\t50\t5,00\n3\tXã Phú Mỹ\t460\t23\t5,00\n\tTổng cộng\t2.010\t119\t5,92\n\n';
    expect(check(`${COMMUNES('Số hộ nghèo')}${second}Tỷ lệ hộ nghèo của xã Tân Lập là 8,40%.`)).toEqual([]);
    expect(check(`${COMMUNES('Số hộ nghèo')}${second}Tỷ lệ hộ nghèo của xã Tân Hòa là 5,40%.`)).toEqual(['figure-differs-from-table “5,40%” → 5,00%']);
  });

  it('the district’s own figure after a commune’s in one sentence is the total row’s', () => {
    const table = COMMUNES('Số hộ nghèo');
    expect(check(`${table}Xã Tân Lập có tỷ lệ hộ nghèo cao nhất; tỷ lệ hộ nghèo chung toàn huyện là 5,90%.`)).toEqual([]);
    expect(check(`${table}Xã Tân Lập có tỷ lệ hộ nghèo cao nhất; tỷ lệ hộ nghèo chung toàn huyện là 5,09%.`)).toEqual(['figure-differs-from-table “5,09%” → 5,90%']);
  });

  describe('properties', () => {
    const vn = (n: number, d = 0): string => formatVnNumber(fraction(BigInt(n), 1n), { decimals: d, rounding: 'half-up' });
    const rate = (c: number, h: number): string => formatVnNumber(fraction(BigInt(c) * 100n, BigInt(h)), { decimals: 2, rounding: 'half-up' });
    const NAMES = ['Tân Lập', 'Tân Hòa', 'Phú Mỹ', 'Nà Lừa'];
    const commune = fc.record({ households: fc.integer({ min: 200, max: 5000 }), share: fc.integer({ min: 1, max: 30 }) }).map(({ households, share }) => ({ households, poor: Math.floor((households * share) / 100) }));
    it('the figures of a commune’s row printed in the text give no finding; its count changed is found at its row', () => {
      fc.assert(
        fc.property(fc.array(commune, { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 9 }), (rows, at, delta) => {
          const h = rows.reduce((a, r) => a + r.households, 0);
          const p = rows.reduce((a, r) => a + r.poor, 0);
          const table = `Biểu 1. Hộ nghèo các xã năm 2025\n\nTT\tXã\tTổng số hộ\tSố hộ nghèo\tTỷ lệ hộ nghèo (%)\n${rows.map((r, i) => `${i + 1}\tXã ${NAMES[i]!}\t${vn(r.households)}\t${vn(r.poor)}\t${rate(r.poor, r.households)}`).join('\n')}\n\tTổng cộng\t${vn(h)}\t${vn(p)}\t${rate(p, h)}\n\n`;
          const sentence = (poor: number): string => `Xã ${NAMES[at]!} có ${vn(poor)} hộ nghèo. Tỷ lệ hộ nghèo của xã ${NAMES[at]!} là ${rate(rows[at]!.poor, rows[at]!.households)}%.`;
          expect(check(table + sentence(rows[at]!.poor))).toEqual([]);
          expect(check(table + sentence(rows[at]!.poor + delta))).toEqual([`figure-differs-from-table “${vn(rows[at]!.poor + delta)} hộ” → ${vn(rows[at]!.poor)} hộ`]);
        }),
        { numRuns: 100 },
      );
    });
  });
});
