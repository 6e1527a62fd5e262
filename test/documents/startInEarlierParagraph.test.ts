import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';

// A change said against the start (“giảm 58 hộ so với đầu năm”) whose start is printed once, in
// an earlier paragraph, of the same place, households and year: checked against it; two different
// earlier starts (another place, another group) are never mixed.

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);
const n = (x: number): string => formatVnNumber(x, { decimals: 0 });

const REPORT = (cut: string, start = 'Theo kết quả rà soát, đầu năm 2025 toàn xã có 3.447 hộ dân cư, trong đó có 179 hộ nghèo, chiếm tỷ lệ 5,19%.'): string =>
  `${start}\n\nTrong năm có 67 hộ thoát nghèo và 9 hộ nghèo phát sinh mới; đến cuối năm 2025 toàn xã còn 121 hộ nghèo, chiếm tỷ lệ 3,51%, giảm ${cut} hộ so với đầu năm.`;

describe('a change whose start is in an earlier paragraph', () => {
  it('a wrong change against the start of the paragraph before is found', () => {
    expect(check(REPORT('68'))).toEqual(['change-mismatch “68 hộ” → 58 hộ']);
  });
  it('the right change gives no finding', () => {
    expect(check(REPORT('58'))).toEqual([]);
  });
  it('a start a few paragraphs before, with a heading between, is used', () => {
    const text = `Đầu năm 2025, toàn xã có 179 hộ nghèo.\n\n2. Kết quả thực hiện\n\nCác chính sách được triển khai kịp thời.\n\nĐến cuối năm 2025 toàn xã còn 121 hộ nghèo, giảm 68 hộ so với đầu năm.`;
    expect(check(text)).toEqual(['change-mismatch “68 hộ” → 58 hộ']);
    expect(check(text.replace('68 hộ so', '58 hộ so'))).toEqual([]);
  });
  it('two different starts of the same households are never mixed: the change is not read (the two starts are the finding)', () => {
    const text = `Đầu năm 2025, toàn xã có 179 hộ nghèo.\n\nTheo kết quả rà soát bổ sung, đầu năm 2025 toàn xã có 185 hộ nghèo.\n\nĐến cuối năm 2025 toàn xã còn 121 hộ nghèo, giảm 68 hộ so với đầu năm.`;
    expect(check(text)).toEqual(['repeated-figure-mismatch “185 hộ” → 179 hộ']);
  });
  it('starts of two places, the end of neither: not read', () => {
    expect(check(`Đầu năm 2025, thôn Tân Lập có 179 hộ nghèo; thôn Bình Minh có 64 hộ nghèo.\n\nĐến cuối năm 2025 còn 121 hộ nghèo, giảm 68 hộ so với đầu năm.`)).toEqual([]);
  });
  it('a start of another place, another group or another year is not the start', () => {
    for (const start of ['Đầu năm 2025, thôn Tân Lập có 179 hộ nghèo.', 'Đầu năm 2025, toàn xã có 179 hộ nghèo dân tộc thiểu số.', 'Đầu năm 2024, toàn xã có 179 hộ nghèo.', 'Đầu năm 2025, toàn xã có 179 hộ cận nghèo.']) {
      expect(check(REPORT('68', start))).toEqual([]);
    }
  });
  it('any start and end: the change printed right is never a finding, one off is found', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 5000 }), fc.integer({ min: 1, max: 49 }), (start, cut) => {
        const text = (c: number): string => `Đầu năm 2025, toàn xã có ${n(start)} hộ nghèo.\n\nĐến cuối năm 2025 toàn xã còn ${n(start - cut)} hộ nghèo, giảm ${n(c)} hộ so với đầu năm.`;
        expect(check(text(cut))).toEqual([]);
        expect(check(text(cut + 1))).toEqual([`change-mismatch “${n(cut + 1)} hộ” → ${n(cut)} hộ`]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('a share of the start printed in an earlier paragraph', () => {
  const PLAN = (share: string, start = 'Toàn phường có 4.735 hộ; đầu năm 2026 có 116 hộ nghèo và hộ cận nghèo, trong đó: 34 hộ nghèo, 82 hộ cận nghèo.'): string =>
    `${start}\n\n2. Chỉ tiêu năm 2026\n\nPhấn đấu giảm 43 hộ nghèo, hộ cận nghèo, trong đó: giảm 15 hộ nghèo và 28 hộ cận nghèo; số hộ thoát nghèo, thoát cận nghèo bằng ${share} số hộ nghèo và hộ cận nghèo đầu năm.`;
  it('a wrong share of the exits is found against the start', () => {
    expect(check(PLAN('40,52%'))).toEqual(['share-mismatch “40,52%” → 37,07%']);
  });
  it('the right share gives no finding', () => {
    expect(check(PLAN('37,07%'))).toEqual([]);
  });
  it('a share of the poor alone is of the start of the poor', () => {
    const text = (share: string): string => `Đầu năm 2026, toàn xã có 150 hộ nghèo.\n\nNăm 2026 có 45 hộ thoát nghèo, bằng ${share} số hộ nghèo đầu năm.`;
    expect(check(text('35,00%'))).toEqual(['share-mismatch “35,00%” → 30,00%']);
    expect(check(text('30,00%'))).toEqual([]);
  });
  it('a start its own parts contradict, or a cut its parts contradict, is one finding there, not a second at the share', () => {
    const wrongStart = PLAN('37,07%', 'Toàn phường có 4.735 hộ; đầu năm 2026 có 122 hộ nghèo và hộ cận nghèo, trong đó: 34 hộ nghèo, 82 hộ cận nghèo.');
    expect(check(wrongStart).map((x) => x.split(' ')[0])).toEqual(['parts-short-of-total']);
    expect(check(PLAN('37,07%').replace('giảm 43 hộ', 'giảm 45 hộ'))).toEqual(['parts-short-of-total “45 hộ” → 43 hộ']);
  });
  it('starts of two places and a share of neither: not read', () => {
    expect(check('Đầu năm 2026, thôn Tân Lập có 150 hộ nghèo; thôn Bình Minh có 90 hộ nghèo.\n\nNăm 2026 có 45 hộ thoát nghèo, bằng 35,00% số hộ nghèo đầu năm.')).toEqual([]);
  });
});
