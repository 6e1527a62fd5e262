import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// Figures of district and province plans, each sentence once with an error and once right (the twin
// gives no finding): a cost after “kinh phí” with no “tổng”; a percent of a plan printed
// earlier in the sentence or after “kế hoạch năm”.

const brief = (f: CheckFinding): string => `${f.severity} ${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);
const messages = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map((f) => f.message);
const kinds = (text: string): string[] => checkDocument(readTextDocument(text)).claims.map((c) => `${c.kind} ${c.status}`);

describe('a cost after “kinh phí” with no “tổng”', () => {
  const wrong = 'Riêng Dự án 5: hỗ trợ xây mới nhà ở cho 52 hộ nghèo, mức hỗ trợ 40 triệu đồng/hộ, kinh phí 2.280 triệu đồng từ vốn sự nghiệp ngân sách trung ương.';
  it('count × amount per household against the cost (before: not read)', () => {
    expect(check(wrong)).toEqual(['warning unit-amount-mismatch “2.280 triệu đồng” → 2.080 triệu đồng']);
    expect(check('Hỗ trợ xây mới nhà ở cho 52 hộ nghèo với mức 40 triệu đồng/hộ, kinh phí 1.880 triệu đồng.')).toEqual(['error unit-amount-mismatch “1.880 triệu đồng” → 2.080 triệu đồng']);
  });
  it('the right cost gives no finding and is read as consistent', () => {
    const right = wrong.replace('2.280', '2.080');
    expect(check(right)).toEqual([]);
    expect(kinds(right)).toContain('unit-amount consistent');
    expect(check('Hỗ trợ xây mới nhà ở cho 52 hộ nghèo với mức 40 triệu đồng/hộ, kinh phí 2.080 triệu đồng.')).toEqual([]);
  });
  it('“kinh phí” before an amount per household is not a total', () => {
    expect(check('Hỗ trợ 52 hộ nghèo xây nhà, kinh phí 40 triệu đồng/hộ, tổng kinh phí 2.080 triệu đồng.')).toEqual([]);
    expect(check('Hỗ trợ 52 hộ nghèo xây nhà, kinh phí 40 triệu đồng/hộ, tổng kinh phí 2.280 triệu đồng.')).toEqual(['warning unit-amount-mismatch “2.280 triệu đồng” → 2.080 triệu đồng']);
  });
});

describe('a percent of a plan printed earlier in the sentence, or after “kế hoạch năm”', () => {
  it('“Kế hoạch vốn năm 2026 giao …; … đã giải ngân …, đạt P% kế hoạch” (before: no plan figure printed)', () => {
    expect(check('Kế hoạch vốn năm 2026 giao 18.640 triệu đồng; đến ngày 30/6/2026 đã giải ngân 7.932 triệu đồng, đạt 45,55% kế hoạch.')).toEqual(['error plans-disagree “45,55%” → 17.411,9 – 17.415,8 triệu đồng']);
    expect(messages('Kế hoạch vốn năm 2026 giao 18.640 triệu đồng; đến ngày 30/6/2026 đã giải ngân 7.932 triệu đồng, đạt 45,55% kế hoạch.')[0]).toContain('7.932 triệu đồng ÷ 18.640 triệu đồng × 100 = 42,55%');
    expect(check('Kế hoạch vốn năm 2026 giao 18.640 triệu đồng; đến ngày 30/6/2026 đã giải ngân 7.932 triệu đồng, đạt 42,55% kế hoạch.')).toEqual([]);
    expect(kinds('Kế hoạch vốn năm 2026 giao 18.640 triệu đồng; đến ngày 30/6/2026 đã giải ngân 7.932 triệu đồng, đạt 42,55% kế hoạch.')).toEqual(['percent-of-plan consistent']);
  });
  it('“đạt P% kế hoạch năm (kế hoạch N hộ)” (before: not checked)', () => {
    expect(check('Sáu tháng đầu năm, toàn thị xã có 166 hộ thoát nghèo, đạt 46,11% kế hoạch năm (kế hoạch 368 hộ); kết quả từng xã tại Biểu 2.')).toEqual(['error plans-disagree “46,11%” → 359,9 – 360,1 hộ']);
    expect(kinds('Sáu tháng đầu năm, toàn thị xã có 166 hộ thoát nghèo, đạt 45,11% kế hoạch năm (kế hoạch 368 hộ); kết quả từng xã tại Biểu 2.')).toEqual(['percent-of-plan consistent']);
    expect(kinds('Sáu tháng đầu năm, toàn thị xã có 166 hộ thoát nghèo, đạt 45,11% kế hoạch năm 2026 (kế hoạch 368 hộ).')).toEqual(['percent-of-plan consistent']);
  });
});
