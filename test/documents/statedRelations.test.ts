import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// Relations the prose states outright, each once wrong and once right (the twin gives no finding):
// a change written as a range without “còn”, a share in a sentence of its own, an explicit product,
// a yearly average of a count, a grand total after its parts, a start figure in the line before,
// a share of the figure named after “Trong số”.

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

const CASES: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
  ['a change from A to B in points', 'Năm 2026, tỷ lệ hộ nghèo giảm 1,0 điểm % (từ 5,40% xuống 4,20%).', 'Năm 2026, tỷ lệ hộ nghèo giảm 1,2 điểm % (từ 5,40% xuống 4,20%).', ['change-mismatch “1,0 điểm %” → 1,20%']],
  ['a fall from A to B then its size', 'Số hộ nghèo giảm từ 412 hộ xuống 359 hộ, giảm 63 hộ.', 'Số hộ nghèo giảm từ 412 hộ xuống 359 hộ, giảm 53 hộ.', ['change-mismatch “63 hộ” → 53 hộ']],
  ['a rise from A to B', 'Số hộ cận nghèo tăng từ 210 hộ lên 245 hộ, tăng 45 hộ.', 'Số hộ cận nghèo tăng từ 210 hộ lên 245 hộ, tăng 35 hộ.', ['change-mismatch “45 hộ” → 35 hộ']],
  ['a named source’s share of the sources before it', 'Vốn ngân sách trung ương 41.250 triệu đồng. Vốn ngân sách tỉnh 4.487 triệu đồng. Vốn ngân sách trung ương chiếm 92,19% tổng số vốn.', 'Vốn ngân sách trung ương 41.250 triệu đồng. Vốn ngân sách tỉnh 4.487 triệu đồng. Vốn ngân sách trung ương chiếm 90,19% tổng số vốn.', ['share-mismatch “92,19%” → 90,19%']],
  ['a named source’s share of a total printed before', 'Tổng vốn 50.000 triệu đồng. Vốn ngân sách trung ương 41.250 triệu đồng. Vốn ngân sách trung ương chiếm 80,50% tổng số vốn.', 'Tổng vốn 50.000 triệu đồng. Vốn ngân sách trung ương 41.250 triệu đồng. Vốn ngân sách trung ương chiếm 82,50% tổng số vốn.', ['share-mismatch “80,50%” → 82,50%']],
  ['a product with “x” and no “/hộ”', 'Hỗ trợ nhà ở: 38 hộ x 30 triệu đồng = 1.240 triệu đồng.', 'Hỗ trợ nhà ở: 38 hộ x 30 triệu đồng = 1.140 triệu đồng.', ['unit-amount-mismatch “1.240 triệu đồng” → 1.140 triệu đồng']],
  ['a product in tỷ đồng', 'Hỗ trợ nhà ở: 38 hộ × 30 triệu đồng/hộ = 1,24 tỷ đồng.', 'Hỗ trợ nhà ở: 38 hộ × 30 triệu đồng/hộ = 1,14 tỷ đồng.', ['unit-amount-mismatch “1,24 tỷ đồng” → 1,14 tỷ đồng']],
  ['two written products in one sentence, each in its clause', 'Kinh phí xây mới: 45 hộ × 60 triệu đồng/hộ = 2.700 triệu đồng; kinh phí sửa chữa: 38 hộ × 30 triệu đồng/hộ = 1.410 triệu đồng.', 'Kinh phí xây mới: 45 hộ × 60 triệu đồng/hộ = 2.700 triệu đồng; kinh phí sửa chữa: 38 hộ × 30 triệu đồng/hộ = 1.140 triệu đồng.', ['unit-amount-mismatch “1.410 triệu đồng” → 1.140 triệu đồng']],
  ['a written product larger than printed is an error, not a total holding other money', 'Sửa chữa nhà ở: 38 hộ × 30 triệu đồng/hộ = 1.410 triệu đồng.', 'Sửa chữa nhà ở: 38 hộ × 30 triệu đồng/hộ = 1.140 triệu đồng.', ['unit-amount-mismatch “1.410 triệu đồng” → 1.140 triệu đồng']],
  ['a yearly average of a count over the years printed', 'Số hộ nghèo giảm 240 hộ trong 3 năm, bình quân mỗi năm giảm 70 hộ.', 'Số hộ nghèo giảm 240 hộ trong 3 năm, bình quân mỗi năm giảm 80 hộ.', ['average-mismatch “70 hộ” → 80 hộ']],
  ['a grand total after its parts (tổng cộng)', 'Cấp 520 thẻ BHYT cho người nghèo, 385 thẻ cho người cận nghèo, tổng cộng 925 thẻ.', 'Cấp 520 thẻ BHYT cho người nghèo, 385 thẻ cho người cận nghèo, tổng cộng 905 thẻ.', ['parts-short-of-total “925 thẻ” → 905 thẻ']],
  ['a grand total after its parts (tất cả)', 'Đã cấp 520 thẻ cho người nghèo và 385 thẻ cho người cận nghèo; tất cả 895 thẻ.', 'Đã cấp 520 thẻ cho người nghèo và 385 thẻ cho người cận nghèo; tất cả 905 thẻ.', ['parts-exceed-total “895 thẻ” → 905 thẻ']],
  ['the start in the bullet line before', '- Đầu năm: 412 hộ nghèo (5,40%).\n- Cuối năm: 359 hộ nghèo (4,71%), giảm 63 hộ.', '- Đầu năm: 412 hộ nghèo (5,40%).\n- Cuối năm: 359 hộ nghèo (4,71%), giảm 53 hộ.', ['change-mismatch “63 hộ” → 53 hộ']],
  ['the start in the table-like line before', 'Hộ nghèo đầu năm: 412 hộ\nHộ nghèo cuối năm: 359 hộ, giảm 63 hộ', 'Hộ nghèo đầu năm: 412 hộ\nHộ nghèo cuối năm: 359 hộ, giảm 53 hộ', ['change-mismatch “63 hộ” → 53 hộ']],
  ['a share of the figure after “Trong số”', 'Trong số 412 hộ nghèo, có 268 hộ là hộ dân tộc thiểu số, chiếm 66,05%.', 'Trong số 412 hộ nghèo, có 268 hộ là hộ dân tộc thiểu số, chiếm 65,05%.', ['share-mismatch “66,05%” → 65,05%']],
  ['shares after “Trong tổng số” (groups that overlap)', 'Trong tổng số 412 hộ nghèo, 268 hộ thiếu hụt nhà ở, chiếm 65,05%; 300 hộ thiếu hụt việc làm, chiếm 72,00%.', 'Trong tổng số 412 hộ nghèo, 268 hộ thiếu hụt nhà ở, chiếm 65,05%; 300 hộ thiếu hụt việc làm, chiếm 72,82%.', ['share-mismatch “72,00%” → 72,82%']],
  ['a share of the total before “trong đó”', 'Toàn xã có 412 hộ nghèo, trong đó 268 hộ là hộ dân tộc thiểu số, chiếm 66,05%.', 'Toàn xã có 412 hộ nghèo, trong đó 268 hộ là hộ dân tộc thiểu số, chiếm 65,05%.', ['share-mismatch “66,05%” → 65,05%']],
];

describe('relations the prose states outright', () => {
  it('a product written out with “=” is exact: a larger total is an error, where “tổng kinh phí” larger than the product stays a warning', () => {
    const severity = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map((f) => f.severity);
    expect(severity('Sửa chữa nhà ở: 38 hộ × 30 triệu đồng/hộ = 1.410 triệu đồng.')).toEqual(['error']);
    expect(severity('Hỗ trợ 30 triệu đồng/hộ cho 38 hộ, tổng kinh phí 1.410 triệu đồng.')).toEqual(['warning']);
  });
  for (const [name, wrong, right, expected] of CASES) {
    it(`${name}: found when wrong, nothing when right`, () => {
      expect(check(wrong)).toEqual(expected);
      expect(check(right)).toEqual([]);
    });
  }

  it('a rate printed with the total is the part’s own rate of all households, not its share of the total: not read as one', () => {
    expect(check('Toàn xã có 412 hộ nghèo, chiếm 5,40%, trong đó 268 hộ là hộ dân tộc thiểu số, chiếm 3,51%.')).toEqual([]);
  });

  it('a change against another figure (“so với”) is no change from the line before', () => {
    expect(check('- Đầu năm: 412 hộ nghèo.\n- Cuối năm: 359 hộ nghèo, giảm 20 hộ so với kế hoạch.')).toEqual([]);
  });

  it('what looks like one of these relations but is not gives no finding', () => {
    for (const text of [
      // a share of another base than the figure after “Trong số”
      'Trong số 412 hộ nghèo, có 268 hộ là hộ dân tộc thiểu số, chiếm 3,5% tổng số hộ dân cư.',
      // products, each with its own total, are not the parts of the last total
      'Hỗ trợ 38 hộ x 30 triệu đồng, tổng 1.140 triệu đồng; hỗ trợ thêm 10 hộ x 20 triệu đồng, tổng 200 triệu đồng.',
      // a change after a second end (a target) is not the change between the first two
      'Tỷ lệ hộ nghèo giảm từ 5,4% xuống 4,2% vào năm 2027, phấn đấu giảm xuống 3,5% vào năm 2030, giảm 0,7%.',
      // the line before counts other households
      '- Đầu năm: 412 hộ nghèo.\n- Cuối năm: 359 hộ cận nghèo, giảm 20 hộ.',
      // an approximate average is not read as one
      'Số hộ nghèo giảm 240 hộ trong 3 năm, bình quân mỗi năm giảm khoảng 80 hộ.',
      // two lines of “đầu năm” before: the nearest is the start
      '- Đầu năm 2026: 412 hộ nghèo.\n- Đầu năm 2027: 380 hộ nghèo.\n- Cuối năm 2027: 359 hộ nghèo, giảm 21 hộ.',
    ]) expect(check(text), text).toEqual([]);
  });

  it('a named source’s share of three sources printed one a sentence', () => {
    expect(check('Vốn ngân sách trung ương 41.250 triệu đồng. Vốn ngân sách tỉnh 4.487 triệu đồng. Vốn vay 10.000 triệu đồng. Vốn ngân sách trung ương chiếm 73,93% tổng số vốn.')).toEqual(['share-mismatch “73,93%” → 74,01%']);
  });

  describe('properties', () => {
    it('a grand total after its parts is found exactly when it is not their sum', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: -50, max: 50 }), (a, b, off) => {
          fc.pre(a + b + off > 0);
          const found = check(`Cấp ${a} thẻ cho người nghèo, ${b} thẻ cho người cận nghèo, tổng cộng ${a + b + off} thẻ.`);
          expect(found.length).toBe(off === 0 ? 0 : 1);
        }),
        { numRuns: 200 },
      );
    });

    it('a change from A to B is found exactly when it is not their difference', () => {
      fc.assert(
        fc.property(fc.integer({ min: 100, max: 900 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: -5, max: 5 }), (a, d, off) => {
          fc.pre(d + off > 0);
          const found = check(`Số hộ nghèo giảm từ ${a} hộ xuống ${a - d} hộ, giảm ${d + off} hộ.`);
          expect(found.length).toBe(off === 0 ? 0 : 1);
        }),
        { numRuns: 200 },
      );
    });
  });
});
