import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';

// A yearly average printed after a change over a period (“Giai đoạn 2021–2025, tỷ lệ hộ nghèo giảm
// 7,39%, bình quân mỗi năm giảm 1,85%”): each sentence once wrong, once right (the twin gives no finding).

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}”`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

describe('a yearly average after a change over a period', () => {
  // 2021–2025 may be 5 years or the 4 steps between the ends of 2021 and 2025: 7,39 ÷ 4 = 1,85, 7,39 ÷ 5 = 1,48
  const RATES = (average: string): string => `Trong giai đoạn 2021 - 2025, tỷ lệ hộ nghèo của huyện giảm 7,39%, bình quân mỗi năm giảm 1,85%; tỷ lệ hộ cận nghèo giảm 3,2%, bình quân mỗi năm giảm ${average}.`;
  it('the near-poor clause after “;” averages its own change', () => {
    expect(check(RATES('0,8%'))).toEqual([]);
    expect(check(RATES('0,64%'))).toEqual([]);
    expect(check(RATES('0,9%'))).toEqual(['average-mismatch “0,9%”']);
    expect(checkDocument(readTextDocument(RATES('0,9%'))).findings[0]!.message).toContain('3,2% over 4 or 5 years is 0,80% or 0,64% a year');
  });
  it('households: “số hộ nghèo giảm 1.250 hộ, bình quân mỗi năm giảm 250 hộ”', () => {
    const text = (average: string): string => `Giai đoạn 2021-2025, số hộ nghèo toàn huyện giảm 1.250 hộ, bình quân mỗi năm giảm ${average} hộ.`;
    expect(check(text('250'))).toEqual([]);
    expect(check(text('313'))).toEqual([]);
    expect(check(text('350'))).toEqual(['average-mismatch “350 hộ”']);
  });
  it('an average printed with a qualifier is read as the values the word allows', () => {
    const text = (average: string): string => `Giai đoạn 2021–2025, tỷ lệ hộ nghèo giảm 7,39%, bình quân mỗi năm giảm ${average}.`;
    expect(check(text('khoảng 1,8%'))).toEqual([]);
    expect(check(text('trên 1,5%'))).toEqual([]);
    expect(check(text('khoảng 2,5%'))).toEqual(['average-mismatch “khoảng 2,5%”']);
    expect(check(text('trên 2%'))).toEqual(['average-mismatch “trên 2%”']);
  });
  it('an average cut to its decimals (7,39 ÷ 4 = 1,8475 printed 1,84) is a rounding shortcut, not an error', () => {
    const r = checkDocument(readTextDocument('Giai đoạn 2021–2025, tỷ lệ hộ nghèo giảm 7,39%, bình quân mỗi năm giảm 1,84%.'));
    expect(r.findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['rounding average-mismatch']);
    expect(r.findings[0]!.message).toContain('over 4 years 1,8475 cut to 2 decimals, not rounded half-up');
  });

  it('an average in a sentence of its own, after the sentence with the change', () => {
    const text = (average: string): string => `Giai đoạn 2021–2025, tỷ lệ hộ nghèo toàn huyện giảm 7,39%. Bình quân mỗi năm giảm ${average}.`;
    expect(check(text('1,85%'))).toEqual([]);
    expect(check(text('2,84%'))).toEqual(['average-mismatch “2,84%”']);
    expect(check('Giai đoạn 2021–2025, số hộ nghèo toàn huyện giảm 1.250 hộ. Mỗi năm bình quân giảm 350 hộ.')).toEqual(['average-mismatch “350 hộ”']);
    // the average of another period, or a sentence before with two changes: not read
    expect(check('Năm 2024 tỷ lệ hộ nghèo giảm 1,2%. Bình quân giai đoạn 2021-2025 giảm 2,5%/năm.')).toEqual([]);
    expect(check('Giai đoạn 2021–2025, tỷ lệ hộ nghèo giảm 7,39%, tỷ lệ hộ cận nghèo giảm 3,2%. Bình quân mỗi năm giảm 2,84%.')).toEqual([]);
  });

  describe('properties', () => {
    it('a change over 2021–2025 and its average over 4 or 5 years, half-up, is never a finding', () => {
      fc.assert(
        fc.property(fc.integer({ min: 50, max: 2_000 }), fc.constantFrom(4, 5), (hundredths, years) => {
          const avg = Math.floor((hundredths * 2 + years) / (2 * years)); // half-up of hundredths ÷ years
          const text = `Giai đoạn 2021–2025, tỷ lệ hộ nghèo giảm ${formatVnNumber({ num: BigInt(hundredths), den: 100n }, { decimals: 2 })}%, bình quân mỗi năm giảm ${formatVnNumber({ num: BigInt(avg), den: 100n }, { decimals: 2 })}%.`;
          expect(check(text)).toEqual([]);
        }),
      );
    });
  });
});
