import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { roundQuotient } from '../../src/numbers/rounding.js';

// “Trong 6.420 hộ nghèo có 4.210 hộ DTTS, chiếm 65,58%” (no “số” after “Trong”) and “Tổng số 830 hộ,
// trong đó hộ nghèo 338 hộ (chiếm 40,72%)” (the part named between “trong đó” and its count): the base
// is printed in the share's own sentence, but was not read as its base, so a wrong share was not found.

const paragraphs = (...texts: string[]): ReturnType<typeof documentModel> => documentModel(texts.map((text) => ({ kind: 'paragraph' as const, text })));
const found = (...texts: string[]): string[] => checkDocument(paragraphs(...texts)).findings.map((f) => `${f.code} ${f.printed} (expected ${f.expected})`);
const claimed = (...texts: string[]): string[] => checkDocument(paragraphs(...texts)).claims.map((c) => `${c.status} ${c.kind}`);
const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });
const pct = (part: number, base: number): string => formatVnNumber({ num: roundQuotient(BigInt(part) * 10_000n, BigInt(base), 'half-up'), den: 100n }, { decimals: 2 });

describe('a share whose base its own sentence prints', () => {
  it('“Trong 6.420 hộ nghèo có 4.210 hộ DTTS, chiếm 65,58%”: 4.210 ÷ 6.420 = 65,58%; 65,85% is found at the share', () => {
    expect(claimed('Trong 6.420 hộ nghèo có 4.210 hộ DTTS, chiếm 65,58%.')).toEqual(['consistent total-with-parts']);
    expect(found('Trong 6.420 hộ nghèo có 4.210 hộ DTTS, chiếm 65,58%.')).toEqual([]);
    const r = checkDocument(paragraphs('Trong 6.420 hộ nghèo có 4.210 hộ DTTS, chiếm 65,85%.'));
    expect(r.findings.map((f) => `${f.code} ${f.printed} (expected ${f.expected})`)).toEqual(['share-mismatch 65,85% (expected 65,58%)']);
    expect(r.findings[0]!.location).toMatchObject({ block: 1, start: 'Trong 6.420 hộ nghèo có 4.210 hộ DTTS, chiếm '.length });
  });

  it('“Tổng số 830 hộ, trong đó hộ nghèo 338 hộ (chiếm 40,72%)”: 338 ÷ 830 = 40,72%; 40,27% is found', () => {
    expect(found('Tổng số 830 hộ, trong đó hộ nghèo 338 hộ (chiếm 40,72%).')).toEqual([]);
    expect(claimed('Tổng số 830 hộ, trong đó hộ nghèo 338 hộ (chiếm 40,72%).')).toContain('consistent rate-count');
    expect(found('Tổng số 830 hộ, trong đó hộ nghèo 338 hộ (chiếm 40,27%).')).toEqual(['rate-mismatch 40,27% (expected 40,72%)']);
    expect(found('Tổng số 830 hộ, trong đó hộ DTTS 338 hộ (chiếm 40,27%).')).toEqual(['rate-mismatch 40,27% (expected 40,72%)']);
  });

  it('after “Trong (tổng) số”: a count among the figure, its share after “chiếm” or alone in brackets', () => {
    expect(found('Trong tổng số 830 hộ có 338 hộ nghèo, chiếm 40,72%.')).toEqual([]);
    expect(claimed('Trong tổng số 830 hộ có 338 hộ nghèo, chiếm 40,72%.')).toEqual(['consistent rate-count']);
    expect(found('Trong tổng số 830 hộ có 338 hộ nghèo, chiếm 40,27%.')).toEqual(['rate-mismatch 40,27% (expected 40,72%)']);
    expect(found('Trong số 830 hộ, hộ nghèo có 338 hộ (40,27%).')).toEqual(['rate-mismatch 40,27% (expected 40,72%)']);
    expect(found('Trong 1.068 hộ nghèo, có 702 hộ DTTS (65,73%).')).toEqual([]);
    expect(found('Trong 1.068 hộ nghèo, có 702 hộ DTTS (65,37%).')).toEqual(['share-mismatch 65,37% (expected 65,73%)']);
    // another measure after “Trong tổng số”: no base of households
    expect(found('Trong tổng số 830 nhân khẩu có 338 hộ nghèo, chiếm 40,27%.')).toEqual([]);
  });

  it('two groups after “trong đó”, each named: the second share is found, the first is right', () => {
    expect(found('Toàn xã có 830 hộ, trong đó hộ nghèo 38 hộ, chiếm 4,58%; hộ cận nghèo 52 hộ, chiếm 6,27%.')).toEqual([]);
    expect(found('Toàn xã có 830 hộ, trong đó hộ nghèo 38 hộ, chiếm 4,58%; hộ cận nghèo 52 hộ, chiếm 6,72%.')).toEqual(['rate-mismatch 6,72% (expected 6,27%)']);
  });

  it('a base of another measure, another span or a change is no base: nothing is claimed of it', () => {
    expect(found('Trong 6.420 nhân khẩu có 4.210 hộ DTTS, chiếm 65,85%.')).toEqual([]);
    expect(claimed('Trong 6.420 nhân khẩu có 4.210 hộ DTTS, chiếm 65,85%.')).toEqual([]);
    expect(found('Trong 6.420 hộ nghèo có 4.210 người DTTS, chiếm 65,85%.')).toEqual([]);
    expect(claimed('Trong 6 tháng đầu năm có 4.210 hộ được vay vốn, chiếm 65,85%.')).toEqual([]);
    expect(found('Tổng số 830 nhân khẩu, trong đó hộ nghèo 338 hộ (chiếm 40,27%).')).toEqual([]);
    expect(found('Tổng số 830 hộ, trong đó hộ nghèo giảm 38 hộ (chiếm 4,85%).')).toEqual([]);
    // a status among the poor and near-poor: a rate of all households, not a share of the 500
    expect(found('Tổng số hộ nghèo và hộ cận nghèo là 500 hộ, trong đó: hộ nghèo 200 hộ, chiếm 2,5%; hộ cận nghèo 300 hộ, chiếm 3,75%.')).toEqual([]);
  });

  it('a report paragraph printed right stays silent', () => {
    const text =
      'Theo kết quả rà soát cuối năm 2024, toàn huyện có 24.560 hộ dân cư, trong đó hộ nghèo 1.068 hộ (chiếm 4,35%), hộ cận nghèo 1.252 hộ (chiếm 5,10%). ' +
      'Trong 1.068 hộ nghèo có 702 hộ DTTS, chiếm 65,73%; 214 hộ có thành viên là người có công, chiếm 20,04%. ' +
      'Xã Tân Lập có tổng số 830 hộ, trong đó hộ nghèo 98 hộ (chiếm 11,81%).';
    expect(found(text)).toEqual([]);
    expect(claimed(text).every((c) => c.startsWith('consistent'))).toBe(true);
  });

  describe('properties', () => {
    it('a share printed half-up from the base of its own sentence is silent; one off by 0,05 or more is one finding', () => {
      fc.assert(
        fc.property(fc.integer({ min: 200, max: 50_000 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.integer({ min: 5, max: 300 }), fc.boolean(), (base, f, off, up) => {
          const part = Math.max(1, Math.floor(base * f));
          const right = pct(part, base);
          const units = Number(roundQuotient(BigInt(part) * 10_000n, BigInt(base), 'half-up'));
          const wrongUnits = up || units - off < 0 ? units + off : units - off;
          const wrong = formatVnNumber({ num: BigInt(wrongUnits), den: 100n }, { decimals: 2 });
          const text = (share: string): string => `Trong ${vn(base)} hộ nghèo có ${vn(part)} hộ DTTS, chiếm ${share}%.`;
          expect(found(text(right))).toEqual([]);
          expect(found(text(wrong))).toEqual([`share-mismatch ${wrong}% (expected ${right}%)`]);
        }),
        { numRuns: 200 },
      );
    });
  });
});
