import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';

// “Đầu năm 2021 … có 3.120 hộ nghèo; đến cuối năm 2025 còn 845 hộ nghèo, giảm 2.275 hộ, bình quân
// mỗi năm giảm 455 hộ”: the cut is read as the change's (3.120 − 845), and before it was then no
// longer the one the yearly average averages, so a wrong average was not found.

const paragraphs = (...texts: string[]): ReturnType<typeof documentModel> => documentModel(texts.map((text) => ({ kind: 'paragraph' as const, text })));
const codes = (text: string): string[] => checkDocument(paragraphs(text)).findings.map((f) => f.code);
const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });
const plan = (start: number, end: number, average: number): string =>
  `Đầu năm 2021, toàn huyện có ${vn(start)} hộ nghèo; đến cuối năm 2025 còn ${vn(end)} hộ nghèo, giảm ${vn(start - end)} hộ, bình quân mỗi năm giảm ${vn(average)} hộ.`;

describe('a yearly average of households after a cut read as a change', () => {
  it('2.275 hộ over 2021–2025 (5 years) is 455 hộ a year: consistent; 475 is found', () => {
    const r = checkDocument(paragraphs(plan(3120, 845, 455)));
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => `${c.status} ${c.kind}`)).toEqual(['consistent change', 'consistent yearly-average']);
    expect(codes(plan(3120, 845, 475))).toEqual(['average-mismatch']);
  });

  it('property: a cut divisible by 5 averages to a fifth; any other whole average is found', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 10, max: 5_000 }), fc.integer({ min: 1, max: 40 }), (fifth, end, d) => {
        const start = end + 5 * fifth;
        expect(codes(plan(start, end, fifth))).toEqual([]);
        expect(codes(plan(start, end, fifth + d))).toEqual(['average-mismatch']);
      }),
      { numRuns: 200 },
    );
  });
});
