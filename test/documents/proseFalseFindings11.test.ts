import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// Correct plan prose that must give no finding, each with its twin carrying a planted error that is found at the figure.

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}”`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

describe('a yearly average from the start of one year to the end of another', () => {
  // đầu năm 2021 is the end of 2020: to cuối năm 2025 is 5 years, 8 ÷ 5 = 1,6
  const text = (average: string): string => `Tỷ lệ hộ nghèo của huyện giảm từ 12,5% đầu năm 2021 xuống 4,5% cuối năm 2025, bình quân giảm ${average}/năm.`;
  it('đầu năm 2021 → cuối năm 2025 is 5 years', () => {
    expect(check(text('1,6%'))).toEqual([]);
    expect(check(text('1,9%'))).toEqual(['average-mismatch “1,9%”']);
    expect(checkDocument(readTextDocument(text('1,9%'))).findings[0]!.message).toContain('over 5 years is 1,60% a year');
  });
  it('đầu năm 2022 → đầu năm 2025 is 3 years (the start of each year)', () => {
    const starts = (average: string): string => `Số hộ nghèo giảm từ 1.450 hộ đầu năm 2022 xuống còn 850 hộ đầu năm 2025, bình quân mỗi năm giảm ${average} hộ.`;
    expect(check(starts('200'))).toEqual([]);
    expect(check(starts('150'))).toEqual(['average-mismatch “150 hộ”']);
  });
  it('two years with no moment keep their difference (cuối năm 2020 → năm 2024: 4 years)', () => {
    const plain = (average: string): string => `Tỷ lệ hộ nghèo giảm từ 10,2% cuối năm 2020 xuống 4,2% năm 2024, bình quân mỗi năm giảm ${average}.`;
    expect(check(plain('1,5%'))).toEqual([]);
    expect(check(plain('1,2%'))).toEqual(['average-mismatch “1,2%”']);
  });
});

describe('an exact figure in brackets after an approximate one is the total', () => {
  const money = (last: string): string => `Tổng nguồn vốn huy động hơn 830 tỷ đồng (834,2 tỷ đồng), trong đó: ngân sách trung ương 612,5 tỷ đồng, ngân sách địa phương 121,7 tỷ đồng, vốn lồng ghép ${last} tỷ đồng.`;
  it('the parts are checked against 834,2, not against “hơn 830”', () => {
    expect(check(money('100'))).toEqual([]);
    // 612,5 + 121,7 + 110 = 844,2: “hơn 830” would allow it, 834,2 does not
    expect(check(money('110'))).toEqual(['parts-exceed-total “834,2 tỷ đồng”']);
  });
  it('households: “gần 1.500 hộ (1.486 hộ), trong đó …”', () => {
    const households = (b: string): string => `Năm 2024, toàn huyện có gần 1.500 hộ (1.486 hộ) được vay vốn tín dụng chính sách, trong đó: hộ nghèo 912 hộ, hộ cận nghèo ${b} hộ.`;
    expect(check(households('574'))).toEqual([]);
    expect(check(households('584'))).toEqual(['parts-exceed-total “1.486 hộ”']);
  });
});
