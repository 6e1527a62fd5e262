import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';

// “giảm 1.250 hộ nghèo trong giai đoạn 2021–2025 (bình quân mỗi năm giảm 250 hộ)”: the period printed
// right after the change was taken for the average's own (as in “giảm 0,5% so với năm 2023, bình quân
// giai đoạn 2021-2025 giảm 1,2%/năm”), so the change was dropped and a wrong average was not found.

const paragraphs = (...texts: string[]): ReturnType<typeof documentModel> => documentModel(texts.map((text) => ({ kind: 'paragraph' as const, text })));
const found = (...texts: string[]): string[] => checkDocument(paragraphs(...texts)).findings.map((f) => `${f.code} ${f.printed} (expected ${f.expected})`);
const claimed = (...texts: string[]): string[] => checkDocument(paragraphs(...texts)).claims.map((c) => `${c.status} ${c.kind}`);
const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });

describe('a yearly average in brackets after a change over a period', () => {
  it('households: 1.250 hộ over 2021–2025 is 250 a year; 260 is one finding', () => {
    const text = (avg: string): string => `Toàn huyện giảm 1.250 hộ nghèo trong giai đoạn 2021–2025 (bình quân mỗi năm giảm ${avg} hộ).`;
    expect(claimed(text('250'))).toEqual(['consistent yearly-average']);
    expect(found(text('250'))).toEqual([]);
    expect(found(text('260'))).toEqual(['average-mismatch 260 hộ (expected 313 or 250 hộ)']);
  });

  it('a rate: “giảm 10,5 điểm phần trăm trong giai đoạn 2021–2025 (bình quân 2,1%/năm)”; 2,3% is one finding', () => {
    const text = (avg: string): string => `Tỷ lệ hộ nghèo giảm 10,5 điểm phần trăm trong giai đoạn 2021–2025 (bình quân ${avg}%/năm).`;
    expect(claimed(text('2,1'))).toEqual(['consistent yearly-average']);
    expect(found(text('2,3'))).toEqual(['average-mismatch 2,3% (expected 2,63 or 2,10%)']);
  });

  it('years said in words: “sau 5 năm (bình quân mỗi năm giảm 1.248 hộ)”', () => {
    expect(claimed('Toàn tỉnh giảm 6.240 hộ nghèo sau 5 năm (bình quân mỗi năm giảm 1.248 hộ).')).toEqual(['consistent yearly-average']);
    expect(found('Toàn tỉnh giảm 6.240 hộ nghèo sau 5 năm (bình quân mỗi năm giảm 1.284 hộ).')).toEqual(['average-mismatch 1.284 hộ (expected 1.248 hộ)']);
  });

  it('the years said with the period in brackets: “giảm 10,5% trong 5 năm (2021-2025), bình quân giảm 2,1%/năm”', () => {
    expect(found('Tỷ lệ hộ nghèo giảm 10,5% trong 5 năm (2021-2025), bình quân giảm 2,1%/năm.')).toEqual([]);
    expect(claimed('Tỷ lệ hộ nghèo giảm 10,5% trong 5 năm (2021-2025), bình quân giảm 2,1%/năm.')).toEqual(['consistent yearly-average']);
    expect(found('Tỷ lệ hộ nghèo giảm 10,5% trong 5 năm (2021-2025), bình quân giảm 2,5%/năm.')).toEqual(['average-mismatch 2,5% (expected 2,10%)']);
  });

  it('a rate from its two ends with the average in brackets: (15,20 − 4,70) ÷ 5 = 2,10', () => {
    expect(found('Tỷ lệ hộ nghèo giảm từ 15,20% năm 2020 xuống còn 4,70% năm 2025 (bình quân 2,10%/năm).')).toEqual([]);
    expect(found('Tỷ lệ hộ nghèo giảm từ 15,20% năm 2020 xuống còn 4,70% năm 2025 (bình quân 2,50%/năm).')).toEqual(['average-mismatch 2,50% (expected 2,10%)']);
  });

  it('a change of one year then the average of a period is still not read as one', () => {
    const text = 'Tỷ lệ hộ nghèo năm 2024 giảm 0,52% so với năm 2023 (bình quân giai đoạn 2021-2025 giảm 1,2%/năm).';
    expect(claimed(text).filter((c) => c.endsWith('yearly-average'))).toEqual([]);
    expect(found(text)).toEqual([]);
  });

  it('a report paragraph printed right stays silent', () => {
    const text =
      'Trong giai đoạn 2021–2025, được sự quan tâm của các cấp, các ngành, huyện đã giảm được 1.250 hộ nghèo (bình quân mỗi năm giảm 250 hộ), ' +
      'tỷ lệ hộ nghèo giảm 10,5% trong giai đoạn 2021–2025 (bình quân 2,1%/năm); số hộ cận nghèo giảm 640 hộ trong giai đoạn 2021-2025 (bình quân mỗi năm giảm 128 hộ).';
    expect(claimed(text)).toEqual(['consistent yearly-average', 'consistent yearly-average', 'consistent yearly-average']);
    expect(found(text)).toEqual([]);
  });

  it('property: a cut of 5 × k households over 2021–2025 averages to k; k + d is found', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 1, max: 60 }), (k, d) => {
        const text = (avg: number): string => `Giai đoạn vừa qua, toàn tỉnh giảm ${vn(5 * k)} hộ nghèo trong giai đoạn 2021–2025 (bình quân mỗi năm giảm ${vn(avg)} hộ).`;
        expect(found(text(k))).toEqual([]);
        // 5k ÷ 4 households (the period read from the end of 2021) rounds to either whole household next to it
        const quarter = (5 * k) / 4;
        if (k + d !== Math.floor(quarter) && k + d !== Math.ceil(quarter)) expect(found(text(k + d)).map((f) => f.split(' ')[0])).toEqual(['average-mismatch']);
      }),
      { numRuns: 200 },
    );
  });
});
