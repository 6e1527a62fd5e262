import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';

// A result against its plan with the margin after the verdict and the plan in brackets: “vượt chỉ
// tiêu 0,49% (chỉ tiêu giảm 3,60%)” and “chưa đạt chỉ tiêu 0,02% (chỉ tiêu giảm 3,26%)” are one
// form — the figure after the verdict is the margin (printed without its sign), the plan the one in
// the brackets.

const findings = (text: string): string[] =>
  checkDocument(documentModel([{ kind: 'paragraph', text }])).findings.map((f) => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`);
const SHORT = 'Đến cuối năm 2025, toàn xã có 2.369 hộ dân cư, còn 219 hộ nghèo, chiếm 9,24%. Tỷ lệ hộ nghèo giảm 3,24%, chưa đạt chỉ tiêu 0,02% (chỉ tiêu giảm 3,26%), đạt 99,39% kế hoạch.';
const BEYOND = 'Đến cuối năm 2025, toàn xã có 1.956 hộ dân cư, còn 193 hộ nghèo, chiếm 9,87%. Tỷ lệ hộ nghèo giảm 4,09%, vượt chỉ tiêu 0,49% (chỉ tiêu giảm 3,60%), đạt 113,61% kế hoạch.';

describe('“chưa đạt chỉ tiêu 0,02% (chỉ tiêu giảm 3,26%)”: the margin, then the plan in brackets', () => {
  it('short of the plan by 0,02 (3,26 − 3,24), 3,24 ÷ 3,26 = 99,39%: no finding', () => {
    expect(findings(SHORT)).toEqual([]);
  });

  it('its twins: a wrong margin and a wrong percentage are found against the plan in the brackets', () => {
    expect(findings(SHORT.replace('0,02%', '0,12%'))).toEqual(['margin-mismatch “0,12%” → 0,02%']);
    expect(findings(SHORT.replace('99,39%', '96,39%'))).toEqual(['percent-of-plan-mismatch “96,39%” → 99,39%']);
  });

  it('the “vượt” form reads the same way, and “chưa đạt chỉ tiêu 3,26%” alone is still the plan', () => {
    expect(findings(BEYOND)).toEqual([]);
    expect(findings(BEYOND.replace('0,49%', '0,59%'))).toEqual(['margin-mismatch “0,59%” → 0,49%']);
    expect(findings('Tỷ lệ hộ nghèo giảm 3,24%, chưa đạt chỉ tiêu 3,26%.')).toEqual([]);
    expect(findings('Tỷ lệ hộ nghèo giảm 3,24%, chưa đạt chỉ tiêu 3,20%.').map((f) => f.split(' ')[0])).toEqual(['verdict-mismatch']);
  });

  it('property: the margin is |result − plan| whichever way the result misses the plan, one hundredth off is found', () => {
    const vn = (hundredths: number): string => `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 900 }), fc.integer({ min: 50, max: 900 }), (done, plan) => {
        fc.pre(done !== plan);
        const verdict = done > plan ? 'vượt' : 'chưa đạt';
        const percent = Math.floor((2 * done * 10000 + plan) / (2 * plan));
        const text = (margin: number) => `Tỷ lệ hộ nghèo giảm ${vn(done)}%, ${verdict} chỉ tiêu ${vn(margin)}% (chỉ tiêu giảm ${vn(plan)}%), đạt ${vn(percent)}% kế hoạch.`;
        expect(findings(text(Math.abs(done - plan)))).toEqual([]);
        expect(findings(text(Math.abs(done - plan) + 1)).map((f) => f.split(' ')[0])).toEqual(['margin-mismatch']);
      }),
      { numRuns: 40 },
    );
  });
});
