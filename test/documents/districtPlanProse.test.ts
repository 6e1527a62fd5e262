import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// Figures of district and province plans, each sentence once with an error and once right (the twin
// gives no finding): a cost after “kinh phí” with no “tổng”; a percent of a plan printed
// earlier in the sentence or after “kế hoạch năm”; a cut of the poverty rate printed with its end rate,
// its start in brackets or in the sentence before, and the households it stands for; shares of the poor
// left after a change printed the sentence before.

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

describe('a cut of the poverty rate printed with its end and no start in its clause', () => {
  const plan = (cut: string, households: string): string => `Toàn huyện có 24.500 hộ dân cư; đầu năm 2027 có 1.556 hộ nghèo, tỷ lệ 6,35%. Phấn đấu năm 2027 giảm tỷ lệ hộ nghèo ${cut} điểm phần trăm, xuống còn 5,15% vào cuối năm, tương đương giảm ${households} hộ nghèo.`;
  it('the cut, not the end rate, is the target; its households are its rate of the households printed (before: “down 5,15 points”, 320 unchecked)', () => {
    expect(check(plan('1,20', '320'))).toEqual(['warning target-count-mismatch “320 hộ” → 294 hộ']);
    expect(checkDocument(readTextDocument(plan('1,20', '320'))).claims.filter((c) => c.kind === 'reduction-target').map((c) => c.summary)).toEqual(['poor rate down 1,20 points']);
  });
  it('the start of the sentence before less the cut is the end: 6,35 − 1,30 ≠ 5,15', () => {
    expect(check(plan('1,30', '319'))).toEqual(['error change-mismatch “1,30 điểm phần trăm” → 1,20%']);
  });
  it('the twin: 6,35 − 1,20 = 5,15 and 294 households give no finding, both read', () => {
    expect(check(plan('1,20', '294'))).toEqual([]);
    expect(kinds(plan('1,20', '294'))).toEqual(expect.arrayContaining(['change consistent', 'reduction-target consistent']));
    expect(check(plan('1,20', '293'))).toEqual([]);
  });
  it('“từ 6,35% xuống còn 5,15%, tương đương giảm 320 hộ nghèo” in a plan: the households are checked too (before: not read)', () => {
    const text = (n: string): string => `Tổng số hộ dân cư toàn huyện là 24.500 hộ. Phấn đấu giảm tỷ lệ hộ nghèo 1,20 điểm phần trăm, từ 6,35% xuống còn 5,15% vào cuối năm, tương đương giảm ${n} hộ nghèo.`;
    expect(check(text('320'))).toEqual(['warning target-count-mismatch “320 hộ” → 294 hộ']);
    expect(check(text('294'))).toEqual([]);
  });
  it('the start in brackets after “so với đầu năm” (before: read as a cut of 9,94 points)', () => {
    expect(check('Tỷ lệ hộ nghèo cuối năm 2025 còn 7,93%, giảm 2,26 điểm phần trăm so với đầu năm (9,94%).')).toEqual(['error change-mismatch “2,26 điểm phần trăm” → 2,01%']);
    expect(check('Tỷ lệ hộ nghèo cuối năm 2025 còn 7,93%, giảm 2,01 điểm phần trăm so với đầu năm (9,94%).')).toEqual([]);
    expect(kinds('Tỷ lệ hộ nghèo cuối năm 2025 còn 7,93%, giảm 2,01 điểm phần trăm so với đầu năm (9,94%).')).toEqual(['change consistent']);
  });
  const report = (cut: string, plan: string): string => `Tổng số hộ dân cư toàn huyện là 18.021 hộ. Đầu năm 2025, toàn huyện có 1.792 hộ nghèo, chiếm tỷ lệ 9,94%.\nTrong năm có 418 hộ thoát nghèo và 55 hộ nghèo phát sinh mới; đến cuối năm 2025 toàn huyện còn 1.429 hộ nghèo, chiếm tỷ lệ 7,93%, giảm ${cut} điểm phần trăm so với đầu năm, vượt chỉ tiêu Nghị quyết Hội đồng nhân dân huyện giao (giảm ${plan}%).`;
  it('the start the paragraph before prints, and the verdict against a plan set by the council in brackets (before: neither read)', () => {
    expect(check(report('2,26', '1,50'))).toEqual(['error change-mismatch “2,26 điểm phần trăm” → 2,01%']);
    expect(check(report('2,01', '2,50'))).toEqual(['error verdict-mismatch “vượt chỉ tiêu” → chưa đạt']);
  });
  it('the twin: 9,94 − 7,93 = 2,01, beyond a plan of 1,50', () => {
    expect(check(report('2,01', '1,50'))).toEqual([]);
    expect(kinds(report('2,01', '1,50'))).toEqual(expect.arrayContaining(['change consistent', 'against-plan consistent']));
  });
  it('two starts of the year that differ, another year, or the near-poor: not read', () => {
    const two = 'Đầu năm 2025, xã A có 179 hộ nghèo, chiếm tỷ lệ 9,94%. Đầu năm 2025, xã B có 120 hộ nghèo, chiếm tỷ lệ 8,10%. Đến cuối năm 2025 còn 1.429 hộ nghèo, chiếm tỷ lệ 7,93%, giảm 2,26 điểm phần trăm so với đầu năm.';
    expect(kinds(two)).not.toContain('change finding');
    expect(check('Đầu năm 2024 có 1.792 hộ nghèo, chiếm tỷ lệ 9,94%. Phấn đấu năm 2025 giảm tỷ lệ hộ nghèo 1,20 điểm phần trăm, xuống còn 5,15%.')).toEqual([]);
    expect(check('Đầu năm 2025 có 1.792 hộ nghèo, chiếm tỷ lệ 9,94%. Tỷ lệ hộ cận nghèo còn 7,93%, giảm 2,26 điểm phần trăm so với đầu năm.')).toEqual([]);
  });

  describe('properties', () => {
    const hundredths = fc.integer({ min: 200, max: 3000 });
    const vn2 = (n: number): string => `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`;
    it('start − end = cut: a cut that is the difference gives no finding, one off beyond the printed rounding is one change-mismatch', () => {
      fc.assert(fc.property(hundredths, fc.integer({ min: 10, max: 190 }), fc.integer({ min: -50, max: 50 }), (start, cut, off) => {
        const text = (c: number): string => `Tỷ lệ hộ nghèo cuối năm 2025 còn ${vn2(start - cut)}%, giảm ${vn2(c)} điểm phần trăm so với đầu năm (${vn2(start)}%).`;
        expect(check(text(cut))).toEqual([]);
        // start and end each within half a hundredth: a cut off by 2 hundredths or less may be the same fall
        if (Math.abs(off) > 2 && cut + off > 0) expect(check(text(cut + off)).map((f) => f.split(' ')[1])).toEqual(['change-mismatch']);
      }), { numRuns: 40 });
    });
  });
});

describe('shares of the poor left after a change printed before', () => {
  const text = (share: string): string => `So với cuối năm 2025, số hộ nghèo toàn tỉnh giảm 2.708 hộ, từ 14.015 hộ xuống còn 11.307 hộ.\nCơ cấu hộ nghèo: hộ nghèo dân tộc thiểu số 9.410 hộ, chiếm ${share}% tổng số hộ nghèo; hộ nghèo có chủ hộ là nữ 3.655 hộ, chiếm 32,33% tổng số hộ nghèo.`;
  it('“… xuống còn 11.307 hộ” is the total of “chiếm 83,22% tổng số hộ nghèo” (before: unchecked, no other pair shares its base)', () => {
    expect(check(text('84,22'))).toEqual(['error share-mismatch “84,22%” → 83,22%']);
  });
  it('the twin gives no finding, both shares read on 11.307', () => {
    expect(check(text('83,22'))).toEqual([]);
    expect(kinds(text('83,22'))).toEqual(['change consistent', 'total-with-parts consistent', 'total-with-parts consistent']);
  });
  it('the stock the change fell from is never the total; the near-poor after a change are not the poor', () => {
    expect(kinds('Số hộ nghèo giảm 2.708 hộ, từ 14.015 hộ xuống còn 11.307 hộ.\nHộ nghèo dân tộc thiểu số 11.663 hộ, chiếm 83,22% tổng số hộ nghèo.')).not.toContain('total-with-parts finding');
    expect(check('Số hộ cận nghèo giảm 2.708 hộ, từ 14.015 hộ xuống còn 11.307 hộ.\nHộ nghèo dân tộc thiểu số 9.410 hộ, chiếm 84,22% tổng số hộ nghèo.')).toEqual([]);
  });
});
