import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';

// Shares, averages and parts stated in a plan's prose: each sentence once wrong, once right (the
// twin gives no finding).

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}”`;
const n = (x: number): string => formatVnNumber(x, { decimals: 0 });
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

describe('a share printed with a qualifier (“hơn”, “khoảng”, “gần”) is read as the values the word allows', () => {
  const LOANS = (share: string): string => `Toàn xã có 338 hộ nghèo. Năm 2024 đã hỗ trợ vay vốn cho 120 hộ nghèo, chiếm ${share} số hộ nghèo của xã.`;
  it('“hơn 35%” of 120 ÷ 338 = 35,50% holds; “hơn 40%” is found', () => {
    expect(check(LOANS('hơn 35%'))).toEqual([]);
    expect(check(LOANS('gần 36%'))).toEqual([]);
    expect(check(LOANS('hơn 40%'))).toEqual(['share-mismatch “hơn 40%”']);
    expect(checkDocument(readTextDocument(LOANS('hơn 40%'))).findings[0]!.message).toContain('outside what “hơn 40%” allows');
  });
  it('a money part “chiếm trên 25%” of the total before it', () => {
    const text = (share: string): string => `Tổng kinh phí thực hiện năm 2025 là 1.234,5 triệu đồng, trong đó ngân sách địa phương 331,7 triệu đồng, chiếm trên ${share} tổng kinh phí.`;
    expect(check(text('25%'))).toEqual([]);
    expect(check(text('30%'))).toEqual(['share-mismatch “trên 30%”']);
  });
});

describe('a share of the document’s one total printed with a qualifier', () => {
  const PLAN = (share: string): string =>
    `KẾ HOẠCH thực hiện Chương trình giai đoạn 2026 - 2030\n\nTổng kinh phí thực hiện Chương trình giai đoạn 2026 - 2030 là 1.234,5 triệu đồng.\n\nCác dự án được triển khai đồng bộ trên địa bàn.\n\nVốn đầu tư 331,7 triệu đồng (chiếm ${share} tổng kinh phí).`;
  it('“chiếm khoảng 27% tổng kinh phí” of 26,87% holds, “khoảng 30%” is found', () => {
    expect(check(PLAN('khoảng 27%'))).toEqual([]);
    expect(check(PLAN('khoảng 30%'))).toEqual(['share-mismatch “khoảng 30%”']);
  });
});

describe('“trong đó” groups that may overlap: none alone exceeds the total, their sum is not a finding', () => {
  const TRAINING = (women: string, share: string): string =>
    `Tổng số lao động được đào tạo nghề năm 2024 là 450 người, trong đó lao động nữ ${women} người, chiếm ${share}; lao động là người dân tộc thiểu số 190 người, chiếm 42,22%.`;
  it('women and ethnic-minority workers add up to more than all (280 + 190 > 450) and are no finding', () => {
    expect(check(TRAINING('280', '62,22%'))).toEqual([]);
  });
  it('a group larger than the total is found', () => {
    expect(check(TRAINING('480', '106,67%'))).toEqual(['parts-exceed-total “450 người”']);
  });
  it('each group’s share of the persons trained is checked', () => {
    expect(check(TRAINING('280', '52,22%'))).toEqual(['share-mismatch “52,22%”']);
  });
  it('parts of one trait (men and women) are a split: more than the total is still found', () => {
    expect(check('Dân số toàn xã 5.230 người, trong đó nam giới 2.600 người, nữ giới 2.700 người.')).toEqual(['parts-exceed-total “5.230 người”']);
    expect(check('Dân số toàn xã 5.230 người, trong đó nam giới 2.530 người, nữ giới 2.700 người.')).toEqual([]);
  });
  it('groups of the poor named with their status (“hộ nghèo dân tộc thiểu số”, “hộ nghèo có người khuyết tật”)', () => {
    expect(check('Toàn xã có 97 hộ nghèo, trong đó hộ nghèo dân tộc thiểu số 82 hộ; hộ nghèo có người khuyết tật 20 hộ.')).toEqual([]);
    expect(check('Toàn xã có 97 hộ nghèo, trong đó hộ nghèo dân tộc thiểu số 82 hộ; hộ nghèo có người khuyết tật 120 hộ.')).toEqual(['parts-exceed-total “97 hộ”']);
  });
  it('poor households and ethnic-minority households among all households', () => {
    expect(check('Toàn xã có 1.842 hộ dân cư, trong đó hộ nghèo 97 hộ, hộ dân tộc thiểu số 1.800 hộ.')).toEqual([]);
    expect(check('Toàn xã có 1.842 hộ dân cư, trong đó hộ nghèo 97 hộ, hộ dân tộc thiểu số 1.900 hộ.')).toEqual(['parts-exceed-total “1.842 hộ”']);
  });

  describe('properties', () => {
    it('groups of two traits, each at most the total, are never a finding whatever their sum', () => {
      fc.assert(
        fc.property(fc.integer({ min: 10, max: 50_000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (total, a, b) => {
          const women = Math.floor((total * a) / 1000);
          const ethnic = Math.floor((total * b) / 1000);
          const text = `Tổng số lao động được hỗ trợ là ${n(total)} người, trong đó lao động nữ ${n(women)} người; lao động người dân tộc thiểu số ${n(ethnic)} người.`;
          expect(check(text)).toEqual([]);
        }),
      );
    });
  });
});

describe('a source’s share of the total budget printed just before it', () => {
  const SOURCES = (central: string, local: string): string =>
    `Tổng nguồn vốn thực hiện năm 2024 là 1.234,5 triệu đồng. Ngân sách trung ương 702,8 triệu đồng, chiếm ${central}; ngân sách địa phương 331,7 triệu đồng, chiếm ${local}; vốn huy động 200 triệu đồng, chiếm 16,20%.`;
  it('each source after the total’s sentence, with no “trong đó”', () => {
    expect(check(SOURCES('56,93%', '26,87%'))).toEqual([]);
    expect(check(SOURCES('65,93%', '26,87%'))).toEqual(['share-mismatch “65,93%”']);
    expect(check(SOURCES('56,93%', '36,87%'))).toEqual(['share-mismatch “36,87%”']);
  });
  it('a source printed as its own list item under the total', () => {
    const text = (share: string): string => `Tổng vốn: 1.234,5 triệu đồng.\n- Ngân sách trung ương: 702,8 triệu đồng, chiếm 56,93%.\n- Ngân sách địa phương: 331,7 triệu đồng, chiếm ${share}.`;
    expect(check(text('26,87%'))).toEqual([]);
    expect(check(text('28,67%'))).toEqual(['share-mismatch “28,67%”']);
  });
  it('a share printed before its amount (“chiếm 36,87% (331,7 triệu đồng)”)', () => {
    const text = (share: string): string => `Tổng nguồn vốn thực hiện năm 2024 là 1.234,5 triệu đồng. Ngân sách địa phương chiếm ${share} (331,7 triệu đồng).`;
    expect(check(text('26,87%'))).toEqual([]);
    expect(check(text('36,87%'))).toEqual(['share-mismatch “36,87%”']);
  });
  it('a share in brackets after each part of a “trong đó”', () => {
    const text = (share: string): string => `Tổng nguồn vốn thực hiện năm 2024 là 1.234,5 triệu đồng, trong đó: ngân sách trung ương 702,8 triệu đồng (56,93%), ngân sách địa phương 331,7 triệu đồng (${share}), vốn huy động 200 triệu đồng (16,20%).`;
    expect(check(text('26,87%'))).toEqual([]);
    expect(check(text('36,87%'))).toEqual(['share-mismatch “36,87%”']);
  });
  it('not read: another amount between the total and the source, or a share of another kind of total', () => {
    // the share of 331,7 in 2025 is of a total the text does not print
    expect(check('Tổng nguồn vốn năm 2024 là 1.234,5 triệu đồng. Năm 2025 dự kiến bố trí 1.500 triệu đồng. Ngân sách địa phương 331,7 triệu đồng, chiếm 22,11%.')).toEqual([]);
    expect(check('Tổng kinh phí sự nghiệp năm 2024 là 1.234,5 triệu đồng. Vốn đầu tư 331,7 triệu đồng, chiếm 22,11% tổng vốn.')).toEqual([]);
    // “tổng vốn” printed twice: the share of the period's total is not read against the nearer year's
    expect(check('Tổng vốn giai đoạn 2021 - 2025 là 1.000 tỷ đồng. Tổng vốn năm 2026 là 250 tỷ đồng. Vốn đầu tư phát triển 700 tỷ đồng, chiếm 70% tổng vốn.')).toEqual([]);
  });

  describe('properties', () => {
    it('shares computed half-up from the amounts are never a finding', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 900_000 }), { minLength: 2, maxLength: 4 }), (tenths) => {
          const total = tenths.reduce((s, x) => s + x, 0);
          const names = ['Ngân sách trung ương', 'ngân sách tỉnh', 'ngân sách huyện', 'vốn lồng ghép'];
          const amount = (x: number): string => formatVnNumber({ num: BigInt(x), den: 10n }, { decimals: 1 });
          const share = (x: number): string => formatVnNumber({ num: BigInt(Math.floor((x * 20_000 + total) / (2 * total))), den: 100n }, { decimals: 2 });
          const text = `Tổng nguồn vốn thực hiện giai đoạn 2026 - 2030 là ${amount(total)} triệu đồng. ${tenths.map((x, i) => `${names[i]} ${amount(x)} triệu đồng, chiếm ${share(x)}%`).join('; ')}.`;
          expect(check(text)).toEqual([]);
        }),
      );
    });
  });
});

describe('the share of the poor households supported, of the poor the table counts', () => {
  const TABLE = 'Biểu 1. Hộ nghèo đầu năm 2024\nSTT\tXã\tSố hộ nghèo đầu năm\tSố hộ thoát nghèo\n1\tXã Tân Lập\t200\t50\n2\tXã Tân Hòa\t138\t30\n\tTổng cộng\t338\t80\n';
  it('“đã hỗ trợ 120 hộ nghèo, chiếm 35,5% số hộ nghèo của huyện” on the 338 poor of the total row', () => {
    expect(check(`${TABLE}Đầu năm 2024, huyện đã hỗ trợ vay vốn cho 120 hộ nghèo, chiếm 35,5% số hộ nghèo của huyện.`)).toEqual([]);
    expect(check(`${TABLE}Đầu năm 2024, huyện đã hỗ trợ vay vốn cho 120 hộ nghèo, chiếm 53,5% số hộ nghèo của huyện.`)).toEqual(['share-mismatch “53,5%”']);
  });
  it('the households supported are not the table’s count of the poor (no figure-differs-from-table)', () => {
    const r = checkDocument(readTextDocument(`${TABLE}Đầu năm 2024, huyện đã hỗ trợ vay vốn cho 120 hộ nghèo, chiếm 35,5% số hộ nghèo của huyện.`));
    expect(r.claims.filter((c) => c.kind === 'table-figure')).toEqual([]);
  });
});
