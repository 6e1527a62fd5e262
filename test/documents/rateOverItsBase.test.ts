import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';

// “tỷ lệ hộ nghèo 5,26% (338/6.420 hộ)”: a rate followed by its count over its base in brackets.
// Before, the pair was not read (no claim); now the rate is checked against count ÷ base × 100,
// half-up to the decimals printed.

const paragraphs = (...texts: string[]): ReturnType<typeof documentModel> => documentModel(texts.map((text) => ({ kind: 'paragraph' as const, text })));
const codes = (text: string): string[] => checkDocument(paragraphs(text)).findings.map((f) => `${f.code} “${f.printed ?? ''}”`);
const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });
/** count ÷ base × 100 to 2 decimals, half-up, in whole hundredths (exact integer arithmetic). */
const hundredths = (count: number, base: number): number => Math.floor((count * 20000 + base) / (2 * base));
const rate = (h: number): string => `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}%`;

describe('a rate with its count over its base in brackets', () => {
  it('“5,26% (338/6.420 hộ)” and “4,10% (263/6.420 hộ)” are consistent; 5,62% is found at the rate', () => {
    const text = 'Cuối năm 2025, tỷ lệ hộ nghèo của xã là 5,26% (338/6.420 hộ), tỷ lệ hộ cận nghèo là 4,10% (263/6.420 hộ).';
    expect(codes(text)).toEqual([]);
    expect(checkDocument(paragraphs(text)).claims.map((c) => c.status)).toEqual(['consistent', 'consistent']);
    expect(codes(text.replace('5,26%', '5,62%'))).toEqual(['rate-mismatch “5,62%”']);
  });

  it('property: the half-up rate of any count over its base is consistent; one hundredth off is found', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 50_000 }), fc.integer({ min: 1, max: 999 }), fc.constantFrom(-1, 1), (base, permille, d) => {
        const count = Math.max(1, Math.floor((base * permille) / 1000));
        const h = hundredths(count, base);
        const text = (x: number): string => `Cuối năm 2025, tỷ lệ hộ nghèo của huyện là ${rate(x)} (${vn(count)}/${vn(base)} hộ).`;
        expect(codes(text(h))).toEqual([]);
        if (h + d >= 0) expect(codes(text(h + d))).toEqual([`rate-mismatch “${rate(h + d)}”`]);
      }),
      { numRuns: 300 },
    );
  });
});
