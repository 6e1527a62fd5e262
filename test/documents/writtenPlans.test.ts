import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { proseFigures } from '../../src/documents/_proseFigures.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

// Eight plans written as communes and provinces write them for the 2026–2035 programme (a commune's
// plan for 2027, a province's report for 2026, a resolution for 2026–2030, an allocation decision, a
// mid-year report with approximate figures, a report of yearly changes, a commune's report, a
// province's plan), each with planted errors (test/fixtures/documents/README.md) and a twin with none.

const check = (name: string): CheckReport => checkDocument(readTextDocument(readFixture(`documents/written-${name}`)));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

const PLANTED: Readonly<Record<string, readonly string[]>> = {
  // a count target with its rate on the printed base; “trong đó” parts short; “1 tỷ 200 triệu đồng” read whole
  'xa-2027': ['rate-mismatch “6,34%” → 6,43%', 'target-count-mismatch “1,5%” → 1,2%', 'parts-short-of-total “12,5 tỷ đồng” → 12,2 tỷ đồng', 'parts-exceed-total “1 tỷ 200 triệu đồng” → 1.300 triệu đồng'],
  // a total in words whose parts are of “hộ nghèo, hộ cận nghèo” both
  'tinh-bc-2026': ['change-mismatch “0,86%” → 0,68%', 'flow-mismatch “9.952 hộ” → 9.925 hộ', 'margin-mismatch “0,3%” → 0,2%', 'parts-exceed-total “845.320 triệu đồng” → 881.320 triệu đồng', 'parts-short-of-total “hai nghìn ba trăm hộ” → 2.030 hộ'],
  'nq-2026-2030': ['average-mismatch “1,5%” → 1,00%', 'average-mismatch “480 tỷ đồng” → 490,0 tỷ đồng', 'parts-exceed-total “2.450 tỷ đồng” → 2.500 tỷ đồng', 'share-mismatch “75%” → 70%'],
  'qd-phan-bo-2027': ['parts-short-of-total “45.680 triệu đồng” → 36.680 triệu đồng', 'parts-exceed-total “45.680 triệu đồng” → 46.040 triệu đồng', 'parts-short-of-total “13.680 triệu đồng” → 13.410 triệu đồng'],
  // approximations far off (“hơn 930 tỷ” for 833,3; “khoảng 1.500 hộ” for 1.207; “gần 4.000” for 4.970); the honest ones in the twin give nothing
  'bc-approx-2026': ['parts-short-of-total “hơn 930 tỷ đồng” → 833,3 tỷ đồng', 'parts-short-of-total “Khoảng 1.500 hộ” → 1.207 hộ', 'rate-mismatch “6%” → 5%', 'parts-exceed-total “gần 4.000 lao động” → 4.970 lao động'],
  'bc-yearly-2028': ['yearly-changes-mismatch “5,12%” → 4,67%', 'yearly-changes-mismatch “7.240 hộ” → 7.150 hộ', 'change-mismatch “2,28%” → 2,82%'],
  'bc-commune-2027': ['flow-mismatch “226 hộ” → 253 hộ', 'rate-mismatch “7,40%” → 7,04%', 'parts-short-of-total “6.840 triệu đồng” → 6.804 triệu đồng', 'plans-disagree “89%” → 273,7 – 276,9 lao động'],
  'kh-tinh-2027': ['rate-mismatch “11,04%” → 11,40%', 'target-count-mismatch “1.926 hộ” → 1.296 hộ', 'parts-exceed-total “238.500 triệu đồng” → 242.100 triệu đồng', 'share-mismatch “75%” → 70%'],
};

describe('plans written for the 2026–2035 programme: every planted error found, the twins give nothing', () => {
  for (const [name, expected] of Object.entries(PLANTED)) {
    it(`${name}: ${expected.length} planted`, () => {
      expect(check(`${name}.clean.txt`).findings.map(brief)).toEqual([]);
      expect(check(`${name}.txt`).findings.map(brief)).toEqual(expected);
    });
  }

  it('a finding on an approximate total says how the qualifier reads and by how much at least the parts miss it', () => {
    const f = check('bc-approx-2026.txt').findings[0]!;
    expect(f.message).toBe('“hơn 930 tỷ đồng” trong đó 512,4 tỷ đồng; 210,6 tỷ đồng; 110,3 tỷ đồng: the parts add up to 833,3 tỷ đồng; “hơn 930 tỷ đồng” (hơn) reads as more than 930,0 and less than 940,0 tỷ đồng, so they fall short of the total as printed by at least 96,7 tỷ đồng');
  });

  it('a count target with the rate it stands for: the rate is the count of the printed base, within its rounding', () => {
    const r = check('xa-2027.clean.txt');
    expect(r.claims.find((c) => c.kind === 'reduction-target')?.note).toBe('1,2% = 45 hộ of 3.750 hộ (the households the document prints)');
    const m = check('xa-2027.txt').findings.find((f) => f.code === 'target-count-mismatch')!;
    expect(m.message).toBe('“1,5%” for a fall of 45 hộ: 45 hộ of the 3.750 hộ the document prints (block 5) is 1,20% of the households (tỷ lệ hộ nghèo), not 1,5% (off by 0,30 points)');
  });
});

describe('figures written in digits and scale words', () => {
  const read = (text: string): string[] => proseFigures(text).map((f) => `${f.text} = ${f.digits} ${f.unitText}`);

  it('“2 triệu 500 nghìn đồng”, “1 tỷ 200 triệu đồng”, “1 triệu 200 nghìn người” are one figure each, in the unit printed last', () => {
    expect(read('mức hỗ trợ 2 triệu 500 nghìn đồng/hộ, tổng 1 tỷ 200 triệu đồng; 1 triệu 200 nghìn người; 12 tỷ 50 triệu 300 nghìn đồng; 1 nghìn 200 hộ')).toEqual([
      '2 triệu 500 nghìn đồng = 2.500 nghìn đồng',
      '1 tỷ 200 triệu đồng = 1.200 triệu đồng',
      '1 triệu 200 nghìn người = 1.200.000 người',
      '12 tỷ 50 triệu 300 nghìn đồng = 12.050.300 nghìn đồng',
      '1 nghìn 200 hộ = 1.200 hộ',
    ]);
  });

  it('scale words that chain digits into no figure are not read, nor is their last group alone', () => {
    expect(read('2 triệu 1500 nghìn đồng; 5 tỷ 300 hộ; 3 nghìn 2 triệu đồng')).toEqual([]);
  });

  it('a qualifier before it is kept (“khoảng 1 tỷ 200 triệu đồng”)', () => {
    expect(proseFigures('khoảng 1 tỷ 200 triệu đồng').map((f) => [f.text, f.qualifier?.meaning])).toEqual([['khoảng 1 tỷ 200 triệu đồng', 'about']]);
  });
});

describe('approximate rates: an honest one is never a finding, one far off is', () => {
  const run = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

  it('“đạt trên 90% kế hoạch (kế hoạch 2.000 hộ)”: 1.850 hộ is 92,5% (more than 90: consistent), 1.750 hộ is 87,5% (found)', () => {
    expect(run('Có 1.850 hộ được hỗ trợ, đạt trên 90% kế hoạch (kế hoạch 2.000 hộ).')).toEqual([]);
    expect(run('Có 1.750 hộ được hỗ trợ, đạt trên 90% kế hoạch (kế hoạch 2.000 hộ).')).toEqual(['plans-disagree “trên 90%” → less than 1.944,5 hộ']);
  });

  it('“còn 98 hộ nghèo, chiếm gần 5%” on a printed base of 2.000 hộ is 4,9% (consistent); 150 hộ is 7,5% (found)', () => {
    expect(run('Tổng số hộ dân cư toàn xã: 2.000 hộ. Cuối năm 2026 còn 98 hộ nghèo, chiếm gần 5%.')).toEqual([]);
    const r = checkDocument(readTextDocument('Tổng số hộ dân cư toàn xã: 2.000 hộ. Cuối năm 2026 còn 150 hộ nghèo, chiếm gần 5%.'));
    expect(r.findings.map(brief)).toEqual(['rate-mismatch “gần 5%” → 7,50%']);
    expect(r.findings[0]!.message).toBe('“gần 5%” for 150 hộ: on the households the text prints (2.000 hộ) it is 7,50%, outside what “gần 5%” allows (4,5–5,0%)');
  });
});


describe('places counted and ranges of yearly averages', () => {
  const run = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

  it('“12/15 xã đạt chuẩn, đạt 80%”, “8/10 thôn …, chiếm 80%”: done out of all, with its percentage', () => {
    expect(run('Đến cuối năm 2026 có 12/15 xã đạt chuẩn nông thôn mới, đạt 80%.')).toEqual([]);
    expect(run('Đến cuối năm 2026 có 12/15 xã đạt chuẩn nông thôn mới, đạt 85%.')).toEqual(['plans-disagree “85%” → 14,0 – 14,3 xã']);
    expect(run('Có 8/10 thôn đạt chuẩn, chiếm 80%.')).toEqual([]);
    expect(run('Có 8/10 thôn đạt chuẩn, chiếm 70%.')).toEqual(['plans-disagree “70%” → 11,3 – 11,6 thôn']);
  });

  it('communes are parts of a total of communes, in communes', () => {
    expect(run('Toàn huyện có 15 xã, trong đó 3 xã khu vực III và 12 xã khu vực I.')).toEqual([]);
    expect(run('Toàn huyện có 15 xã, trong đó 3 xã khu vực III và 11 xã khu vực I.')).toEqual(['parts-short-of-total “15 xã” → 14 xã']);
    // a count of another thing is no part
    expect(run('Toàn xã có 15 thôn, trong đó hỗ trợ 120 căn nhà.')).toEqual([]);
  });

  it('“mỗi năm giảm 1,5–2%” with both ends printed: the change a year is checked against the range', () => {
    expect(run('Tỷ lệ hộ nghèo giảm từ 9,5% cuối năm 2025 xuống còn 3,5% cuối năm 2030, mỗi năm giảm 1–1,5%.')).toEqual([]);
    const r = checkDocument(readTextDocument('Tỷ lệ hộ nghèo giảm từ 9,5% cuối năm 2025 xuống còn 3,5% cuối năm 2030, mỗi năm giảm 1,5–2%.'));
    expect(r.findings.map((f) => f.message)).toEqual(['“1,5–2%” a year: 9,5% − 3,5% over 5 years is 1,20% a year, not 1,5–2% (outside 1,45–2,50%)']);
  });
});

describe('a share of the households as a target', () => {
  const run = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

  it('“giảm 1/3 số hộ nghèo, còn 200 hộ nghèo” after 300 poor households at the start: 100 out, 200 left', () => {
    expect(run('Đầu năm 2026 toàn xã có 300 hộ nghèo; phấn đấu đến cuối năm 2026 giảm 1/3 số hộ nghèo, còn 200 hộ nghèo.')).toEqual([]);
    expect(run('Đầu năm 2026 toàn xã có 300 hộ nghèo; phấn đấu đến cuối năm 2026 giảm 1/3 số hộ nghèo, còn 220 hộ nghèo.')).toEqual(['target-count-mismatch “220 hộ” → 200 hộ']);
    expect(run('Đầu năm 2026 toàn xã có 300 hộ nghèo; phấn đấu giảm 1/3 số hộ nghèo (giảm 100 hộ).')).toEqual([]);
    expect(run('Đầu năm 2026 toàn xã có 301 hộ nghèo; phấn đấu giảm 1/3 số hộ nghèo (giảm 100 hộ).')).toEqual([]);
    expect(run('Đầu năm 2026 toàn xã có 300 hộ nghèo; phấn đấu giảm 1/3 số hộ nghèo (giảm 120 hộ).')).toEqual(['target-count-mismatch “120 hộ” → 100 hộ']);
  });

  it('with no count at the start printed, the share is listed unchecked', () => {
    const r = checkDocument(readTextDocument('Phấn đấu giảm 1/3 số hộ nghèo, còn 200 hộ nghèo.'));
    expect(r.findings).toEqual([]);
  });
});
