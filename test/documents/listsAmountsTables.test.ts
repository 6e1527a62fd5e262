import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { checkDocument, type CheckDocumentOptions } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { DEFAULT_QUALIFIER_BOUNDS } from '../../src/documents/qualifierBounds.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

// Four plans (a district's report, a province's decision giving 2027 capital by project and source,
// a commune's mid-year review, an HĐND resolution on 2026–2030 targets), each with planted errors
// (test/fixtures/documents/README.md) and a twin with none: counts of the lists that follow them,
// amounts per unit times a count, rates and totals of the prose against the document's own tables,
// and “hơn X” of a round figure bounded at the next value of its last significant digit.

const check = (name: string, options?: CheckDocumentOptions): CheckReport => checkDocument(readTextDocument(readFixture(`documents/written-${name}`)), options);
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const run = (text: string, options?: CheckDocumentOptions): string[] => checkDocument(readTextDocument(text), options).findings.map(brief);

const PLANTED: Readonly<Record<string, readonly string[]>> = {
  'bc-huyen-2026': ['list-count-mismatch “10 tiểu dự án” → 9', 'unit-amount-mismatch “4.600 triệu đồng” → 4.800 triệu đồng', 'unit-amount-mismatch “450.000.000 đồng” → 405.000.000 đồng', 'list-count-mismatch “05 nhóm giải pháp” → 4'],
  'qd-von-2027': ['parts-exceed-total “hơn 830 tỷ đồng” → 882,8 tỷ đồng', 'list-count-mismatch “05 dự án” → 4', 'figure-differs-from-table “721,5 tỷ đồng” → 712,5 tỷ đồng', 'unit-amount-mismatch “57 tỷ đồng” → 75 tỷ đồng', 'unit-amount-mismatch “1,6 tỷ đồng” → 1,4 tỷ đồng'],
  'xa-so-ket-2027': ['figure-differs-from-table “9,91%” → 9,19%', 'figure-differs-from-table “10,04%” → 10,40%', 'list-count-mismatch “6 nội dung” → 5', 'unit-amount-mismatch “24.900.000 đồng” → 29.400.000 đồng', 'unit-amount-mismatch “65 triệu đồng” → 60 triệu đồng', 'figure-differs-from-table “490,4 triệu đồng” → 409,4 triệu đồng'],
  'nq-hdnd-2026-2030': ['figure-differs-from-table “20,60%” → 20,00%', 'figure-differs-from-table “15,35%” → 16,35%', 'parts-exceed-total “hơn 1.900 tỷ đồng” → 2.050,0 tỷ đồng', 'unit-amount-mismatch “15.613.200.000 đồng” → 15.163.200.000 đồng', 'list-count-mismatch “04 nhóm nhiệm vụ” → 3'],
};

describe('lists, amounts per unit, the prose against its tables: every planted error found, the twins give nothing', () => {
  for (const [name, expected] of Object.entries(PLANTED)) {
    it(`${name}: ${expected.length} planted`, () => {
      const clean = check(`${name}.clean.txt`);
      expect(clean.findings.map(brief)).toEqual([]);
      // the twin's new claims are read and hold
      expect(clean.claims.filter((c) => c.kind === 'list-count' || c.kind === 'unit-amount').every((c) => c.status === 'consistent')).toBe(true);
      expect(check(`${name}.txt`).findings.map(brief)).toEqual(expected);
    });
  }
});

describe('a count before a list', () => {
  it('counts Tiểu dự án under each Dự án, and names them in the finding', () => {
    const f = check('bc-huyen-2026.txt').findings[0]!;
    expect(f.message).toBe('“10 tiểu dự án”: the list that follows has 9 items (blocks 7–17: Tiểu dự án 1.1, Tiểu dự án 1.2, Tiểu dự án 2.1, Tiểu dự án 2.2, Tiểu dự án 2.3, Tiểu dự án 3.1, Tiểu dự án 3.2, Tiểu dự án 3.3, Tiểu dự án 3.4), not 10');
    expect(f.location).toMatchObject({ block: 5, line: 8 });
  });

  it('counts a list at the level of its first item: “- …” under “2.” are not solutions', () => {
    expect(run('Huyện tập trung vào 03 nhóm giải pháp sau:\n1. Lãnh đạo.\n2. Nguồn lực.\n- Trung ương.\n- Địa phương.\n3. Truyền thông.')).toEqual([]);
    expect(run('Huyện tập trung vào 05 nhóm giải pháp sau:\n1. Lãnh đạo.\n2. Nguồn lực.\n- Trung ương.\n- Địa phương.\n3. Truyền thông.')).toEqual(['list-count-mismatch “05 nhóm giải pháp” → 3']);
  });

  it('reads a count in words and a list numbered inline: “gồm bốn nhóm giải pháp: (1) …; (2) …”', () => {
    expect(run('Kế hoạch gồm bốn nhóm giải pháp: (1) tuyên truyền; (2) đầu tư; (3) sinh kế; (4) giám sát.')).toEqual([]);
    expect(run('Kế hoạch gồm năm nhóm giải pháp: (1) tuyên truyền; (2) đầu tư; (3) sinh kế; (4) giám sát.')).toEqual(['list-count-mismatch “năm nhóm giải pháp” → 4']);
  });

  it('“Tiểu dự án 1 thuộc Dự án 4”: a sub-project’s project printed with it', () => {
    const list = 'Chương trình có 03 tiểu dự án:\n- Tiểu dự án 1 thuộc Dự án 4: đào tạo.\n- Tiểu dự án 2 thuộc Dự án 4: việc làm.\n- Tiểu dự án 1 thuộc Dự án 6: truyền thông.';
    expect(run(list)).toEqual([]);
    expect(run(list.replace('03 tiểu dự án', '04 tiểu dự án'))).toEqual(['list-count-mismatch “04 tiểu dự án” → 3']);
  });

  it('a second listing of the same projects (a budget by project) is not counted again; a count with no list is unchecked, never a finding', () => {
    expect(run('Chương trình gồm 02 dự án.\nDự án 1: Hạ tầng.\nDự án 2: Sinh kế.\nKinh phí:\nDự án 1: 200 triệu đồng.\nDự án 2: 100 triệu đồng.')).toEqual([]);
    const r = checkDocument(readTextDocument('Xã triển khai 5 nội dung hỗ trợ trong năm 2027.\nKết quả đạt khá.'));
    expect(r.findings).toEqual([]);
    expect(r.claims.find((c) => c.kind === 'list-count')?.status).toBe('unchecked');
  });
});

describe('counts of places, sources, works; lists with explanations between their items', () => {
  it('nguồn vốn, xã, thôn/bản, mô hình, công trình counted before a list, inline or below', () => {
    expect(run('Kinh phí thực hiện từ 3 nguồn vốn: ngân sách trung ương, ngân sách tỉnh và vốn lồng ghép.')).toEqual([]);
    expect(run('Kinh phí thực hiện từ 4 nguồn vốn: ngân sách trung ương, ngân sách tỉnh và vốn lồng ghép.')).toEqual(['list-count-mismatch “4 nguồn vốn” → 3']);
    expect(run('Chương trình triển khai trên địa bàn 4 xã: Tân Lập, Tân Hòa và Tân Phú.')).toEqual(['list-count-mismatch “4 xã” → 3']);
    expect(run('Xã có 5 thôn, bản sau: Nà Phặc, Bản Chang, Pác Nặm, Khuổi Luông, Nà Hin.')).toEqual([]);
    expect(run('Xã có 6 thôn/bản sau: Nà Phặc, Bản Chang, Pác Nặm, Khuổi Luông, Nà Hin.')).toEqual(['list-count-mismatch “6 thôn/bản” → 5']);
    expect(run('Xây dựng 3 mô hình sau:\n- Mô hình nuôi bò sinh sản;\n- Mô hình trồng cây ăn quả;\nKết quả đạt khá.')).toEqual(['list-count-mismatch “3 mô hình” → 2']);
    expect(run('Đầu tư 2 công trình: nhà văn hóa thôn và đường giao thông nội đồng.')).toEqual([]);
    expect(run('Kinh phí được bố trí từ 4 nguồn vốn: ngân sách trung ương, ngân sách địa phương và vốn huy động hợp pháp khác.')).toEqual(['list-count-mismatch “4 nguồn vốn” → 3']);
  });

  it('places and works counted with no list after them are not read (“huyện có 15 xã, trong đó 8 xã …”), nor “xã hội”, nor a “Ban chỉ đạo”', () => {
    expect(run('Huyện có 15 xã, trong đó 8 xã đặc biệt khó khăn.\n1. Mục tiêu chung\n2. Mục tiêu cụ thể')).toEqual([]);
    expect(run('Năm 2027 đầu tư 5 công trình hạ tầng.\n1. Giao thông\n2. Thủy lợi')).toEqual([]);
    expect(run('Thành lập 03 Ban chỉ đạo: cấp huyện, cấp xã.')).toEqual([]);
    expect(run('Xã có 3 thôn, bản sau: Nà Phặc, Bản Chang, v.v.')).toEqual([]);
  });

  it('a colon after “trong đó” opens the parts of the sentence’s figure, not a list of the places counted before it', () => {
    expect(run('Hỗ trợ 83 hộ nghèo có khó khăn về nhà ở trên địa bàn 4 huyện, trong đó: xây mới 45 hộ, sửa chữa 38 hộ.')).toEqual([]);
    expect(run('Triển khai tại 3 xã, trong đó: Tân Lập, Tân Hòa.')).toEqual([]);
    expect(run('Triển khai tại 3 xã: Tân Lập, Tân Hòa.')).toEqual(['list-count-mismatch “3 xã” → 2']);
  });

  it('explanation paragraphs between numbered items: the list goes on while the next item is numbered right after the last', () => {
    const plan = (n: number, items: number): string =>
      [`Năm 2027, xã tập trung thực hiện ${n} nội dung sau:`, ...Array.from({ length: items }, (_, i) => [`${i + 1}. Nội dung thứ ${i + 1}.`, 'Xã phối hợp với các đoàn thể triển khai.', '- Hỗ trợ giống cây trồng.']).flat(), 'II. TỔ CHỨC THỰC HIỆN', '1. Ủy ban nhân dân xã', 'Chỉ đạo chung.', '2. Các đoàn thể'].join('\n');
    expect(run(plan(4, 4))).toEqual([]);
    expect(run(plan(3, 4))).toEqual(['list-count-mismatch “3 nội dung” → 4']);
    expect(run(plan(5, 4))).toEqual(['list-count-mismatch “5 nội dung” → 4']);
    const lettered = ['Gồm 3 nhiệm vụ sau:', 'a) Rà soát hộ nghèo.', 'Thực hiện trong quý I.', 'b) Hỗ trợ sinh kế.', 'Ưu tiên hộ có lao động.', 'c) Truyền thông.', 'Kết quả được tổng hợp hằng quý.', 'a) Báo cáo định kỳ.'].join('\n');
    expect(run(lettered)).toEqual([]);
  });
});

describe('a rate with no other pair to share a base: the households the text prints for the same area and moment', () => {
  const text = (rate: string): string => `Tổng số hộ dân cư toàn tỉnh là 215.400 hộ. Toàn tỉnh có 12.924 hộ nghèo, chiếm tỷ lệ 6,00%.\nHộ cận nghèo\nToàn tỉnh có 10.770 hộ cận nghèo, chiếm tỷ lệ ${rate}.`;
  it('the near-poor further on checked against the base printed before the poor', () => {
    expect(run(text('5,00%'))).toEqual([]);
    expect(run(text('5,20%'))).toEqual(['rate-mismatch “5,20%” → 5,00%']);
  });

  it('not for another moment (a target “còn … chiếm”)', () => {
    expect(run('- Tổng số hộ: 1.250 hộ.\n- Hộ nghèo: 150 hộ, chiếm 12,00%.\nII. MỤC TIÊU\n- Hộ cận nghèo còn 90 hộ, chiếm 7,50%.')).toEqual([]);
  });

  it('a share of the poor households (“chiếm 70,00% tổng số hộ nghèo”) on the one count of all the poor printed for the same moment', () => {
    const text = (rate: string, year = '2026'): string => `Cuối năm 2026, toàn tỉnh có 12.924 hộ nghèo, chiếm tỷ lệ 6,00% (tổng số hộ dân cư là 215.400 hộ).\nCuối năm ${year}, số hộ nghèo là người dân tộc thiểu số là 9.047 hộ, chiếm ${rate} tổng số hộ nghèo.`;
    expect(run(text('70,00%'))).toEqual([]);
    expect(run(text('72,00%'))).toEqual(['share-mismatch “72,00%” → 70,00%']);
    expect(run(text('72,00%', '2025'))).toEqual([]);
  });
});

describe('an amount per unit times a count', () => {
  it('“2 triệu 500 nghìn đồng/hộ cho 120 hộ, tổng kinh phí 300 triệu đồng”, exactly', () => {
    expect(run('Hỗ trợ 2 triệu 500 nghìn đồng/hộ cho 120 hộ, tổng kinh phí 300 triệu đồng.')).toEqual([]);
    expect(run('Hỗ trợ 2 triệu 500 nghìn đồng/hộ cho 120 hộ, tổng kinh phí 310 triệu đồng.')).toEqual(['unit-amount-mismatch “310 triệu đồng” → 300 triệu đồng']);
  });

  it('“mức 1.500.000 đồng/người/tháng × 12 tháng = 18.000.000 đồng/người”: the total keeps its “/người”', () => {
    expect(run('Mức trợ cấp 1.500.000 đồng/người/tháng × 12 tháng = 18.000.000 đồng/người.')).toEqual([]);
    expect(run('Mức trợ cấp 1.500.000 đồng/người/tháng × 12 tháng = 19.000.000 đồng/người.')).toEqual(['unit-amount-mismatch “19.000.000 đồng” → 18.000.000 đồng/người']);
  });

  it('a total larger than the product may hold other money: a warning; a smaller one an error', () => {
    const severities = (t: string): string[] => checkDocument(readTextDocument(t)).findings.map((f) => f.severity);
    expect(severities('Hỗ trợ 40 triệu đồng/hộ cho 120 hộ, tổng kinh phí 5.200 triệu đồng.')).toEqual(['warning']);
    expect(severities('Hỗ trợ 40 triệu đồng/hộ cho 120 hộ, tổng kinh phí 4.200 triệu đồng.')).toEqual(['error']);
  });

  it('several amounts and their counts before one total: Σ amount × count, exactly, the count after each amount or before it', () => {
    const text = (total: string): string => `Hỗ trợ 40 triệu đồng/hộ cho 120 hộ nghèo và 20 triệu đồng/hộ cho 80 hộ cận nghèo, tổng kinh phí ${total} triệu đồng.`;
    expect(run(text('6.400'))).toEqual([]);
    expect(run(text('6.000'))).toEqual(['unit-amount-mismatch “6.000 triệu đồng” → 6.400 triệu đồng']);
    const r = checkDocument(readTextDocument(text('6.000')));
    expect(r.findings[0]!.message).toBe('“6.000 triệu đồng”: 40 triệu đồng/hộ × 120 hộ + 20 triệu đồng/hộ × 80 hộ = 6.400 triệu đồng, more than printed by 400 triệu đồng');
    expect(run('Năm 2027 có 120 hộ nghèo được hỗ trợ 40 triệu đồng/hộ, 80 hộ cận nghèo được hỗ trợ 20 triệu đồng/hộ, với tổng kinh phí 6.000 triệu đồng.')).toEqual(['unit-amount-mismatch “6.000 triệu đồng” → 6.400 triệu đồng']);
    expect(run('Hỗ trợ 1.500.000 đồng/người/tháng cho 30 người và 1.000.000 đồng/người/tháng cho 20 người trong 6 tháng, tổng kinh phí 390 triệu đồng.')).toEqual([]);
    expect(run('Hỗ trợ 1.500.000 đồng/người/tháng cho 30 người và 1.000.000 đồng/người/tháng cho 20 người trong 6 tháng, tổng kinh phí 930 triệu đồng.')).toEqual(['unit-amount-mismatch “930 triệu đồng” → 390 triệu đồng']);
  });

  it('several amounts with a count left over or missing: not read, never a finding', () => {
    expect(run('Toàn xã có 200 hộ nghèo, hỗ trợ 40 triệu đồng/hộ cho 120 hộ và 20 triệu đồng/hộ cho 80 hộ cận nghèo, tổng kinh phí 6.000 triệu đồng.')).toEqual([]);
    expect(run('Hỗ trợ 40 triệu đồng/hộ và 20 triệu đồng/hộ cho 80 hộ cận nghèo, tổng kinh phí 6.000 triệu đồng.')).toEqual([]);
  });

  it('two counts the amount could be for, or a count only approximate: not read', () => {

    expect(run('Hỗ trợ 2 triệu đồng/hộ cho 120 hộ nghèo và 80 hộ cận nghèo, tổng kinh phí 500 triệu đồng.')).toEqual([]);
    expect(run('Hỗ trợ 2 triệu đồng/hộ cho khoảng 120 hộ, tổng kinh phí 500 triệu đồng.')).toEqual([]);
  });
});

describe('the prose against its own tables', () => {
  const table = 'Biểu 1. Hộ nghèo\n\nTT\tXã\tTổng số hộ\tSố hộ nghèo\tTỷ lệ hộ nghèo (%)\n1\tXã Tân Lập\t1.000\t50\t5,00\n2\tXã Tân Hòa\t500\t40\t8,00\n\tTổng cộng\t1.500\t90\t6,00\n\n';

  it('the total row, a named row, the cell named in the finding', () => {
    expect(run(`${table}Tỷ lệ hộ nghèo toàn huyện là 6,00%, trong đó tỷ lệ hộ nghèo của xã Tân Hòa là 8,00%.`)).toEqual([]);
    const r = checkDocument(readTextDocument(`${table}Tỷ lệ hộ nghèo toàn huyện là 6,20%, trong đó tỷ lệ hộ nghèo của xã Tân Hòa là 8,00%.`));
    expect(r.findings.map(brief)).toEqual(['figure-differs-from-table “6,20%” → 6,00%']);
    expect(r.findings[0]!.message).toBe('“6,20%”: the table at block 2, row 4 (“Tổng cộng”), column 5 (“Tỷ lệ hộ nghèo (%)”) prints 6,00%, not the figure of the prose');
  });

  it('a sentence of a year the table does not name is not compared with it', () => {
    expect(run(`${table}Cuối năm 2025, tỷ lệ hộ nghèo toàn huyện là 6,80%.`)).toEqual([]);
    expect(run(`Biểu 1. Hộ nghèo năm 2025\n\n${table.slice(table.indexOf('TT'))}Cuối năm 2025, tỷ lệ hộ nghèo toàn huyện là 6,80%.`)).toEqual(['figure-differs-from-table “6,80%” → 6,00%']);
  });

  it('a rate printed with fewer decimals agrees when the table rounds to it; the country or a change are not the table’s', () => {
    expect(run(`${table}Tỷ lệ hộ nghèo toàn huyện là 6%.`)).toEqual([]);
    expect(run(`${table}Tỷ lệ hộ nghèo cả nước là 1,93%.`)).toEqual([]);
    expect(run(`${table}Tỷ lệ hộ nghèo giảm 1,20%.`)).toEqual([]);
  });
});

describe('“hơn/trên X” of a round figure: bounded at the next value of its last significant digit, as data the caller can override', () => {
  const text = 'Tổng vốn hơn 830 tỷ đồng, gồm: vốn đầu tư 712,5 tỷ đồng; vốn sự nghiệp 170,3 tỷ đồng.';

  it('“hơn 830 tỷ” is 830–840 by default, any value above 830 when told', () => {
    expect(DEFAULT_QUALIFIER_BOUNDS.moreThan.amounts).toBe('round-figure');
    expect(run(text)).toEqual(['parts-exceed-total “hơn 830 tỷ đồng” → 882,8 tỷ đồng']);
    expect(run(text, { bounds: { moreThan: { amounts: 'unbounded' } } })).toEqual([]);
  });

  it('a figure that is not round (“hơn 835 tỷ”) and rates (“trên 90%”) are not bounded', () => {
    expect(run('Tổng vốn hơn 835 tỷ đồng, gồm: vốn đầu tư 712,5 tỷ đồng; vốn sự nghiệp 170,3 tỷ đồng.')).toEqual([]);
    expect(run('Có 1.990 hộ được hỗ trợ, đạt trên 90% kế hoạch (kế hoạch 2.000 hộ).')).toEqual([]);
  });

  it('“khoảng 870 tỷ” is 865–875 by default (half its last significant digit), 852,6–887,4 at 2% either side when told', () => {
    const about = 'Tổng vốn khoảng 870 tỷ đồng, gồm: vốn đầu tư 712,5 tỷ đồng; vốn sự nghiệp 170,3 tỷ đồng.';
    expect(run(about)).toEqual(['parts-exceed-total “khoảng 870 tỷ đồng” → 882,8 tỷ đồng']);
    expect(run(about, { approximations: { about: { by: 'share', share: '0.02' } } })).toEqual([]);
  });

  it('a bad rule is refused naming the option', () => {
    expect(() => checkDocument(readTextDocument(text), { bounds: { moreThan: { amounts: 'sometimes' as 'unbounded' } } })).toThrow(/bounds/);
  });
});

describe('properties', () => {
  const vn = (n: bigint): string => formatVnNumber(n, { decimals: 0 });

  it('an amount per person and month × persons × months is its total exactly, and any other total is found with that product', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 5_000_000n }), fc.integer({ min: 2, max: 5_000 }), fc.integer({ min: 1, max: 24 }), fc.bigInt({ min: -1_000n, max: 1_000n }), (amount, persons, months, off) => {
        const total = amount * BigInt(persons) * BigInt(months);
        const text = (t: bigint): string => `Hỗ trợ ${vn(BigInt(persons))} người, mức ${vn(amount)} đồng/người/tháng trong ${months} tháng, tổng kinh phí ${vn(t)} đồng.`;
        expect(run(text(total))).toEqual([]);
        if (off !== 0n && total + off > 0n) expect(run(text(total + off))).toEqual([`unit-amount-mismatch “${vn(total + off)} đồng” → ${vn(total)} đồng`]);
      }),
    );
  });

  it('several amounts per household with their counts: Σ amount × count is the total exactly, any other total found', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 900 })), { minLength: 2, maxLength: 4 }), fc.integer({ min: -50, max: 50 }), (terms, off) => {
        const total = terms.reduce((sum, [a, c]) => sum + BigInt(a) * BigInt(c), 0n);
        const text = (t: bigint): string => `Hỗ trợ ${terms.map(([a, c], i) => `${a} triệu đồng/hộ cho ${vn(BigInt(c))} hộ nhóm ${i + 1}`).join(', ')}, tổng kinh phí ${vn(t)} triệu đồng.`;
        expect(run(text(total))).toEqual([]);
        if (off !== 0 && total + BigInt(off) > 0n) expect(run(text(total + BigInt(off)))).toEqual([`unit-amount-mismatch “${vn(total + BigInt(off))} triệu đồng” → ${vn(total)} triệu đồng`]);
      }),
    );
  });

  it('a count before its list is found exactly when it is not the number of items listed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }), fc.constantFrom('1.', '-', 'a)'), (listed, printed, marker) => {
        const letters = 'abcdeghiklmn';
        const items = Array.from({ length: listed }, (_, i) => `${marker === '1.' ? `${i + 1}.` : marker === 'a)' ? `${letters[i]!})` : '-'} Nội dung thứ ${i + 1}.`);
        const found = run([`Xã triển khai ${printed} nội dung sau:`, ...items, 'Kết quả đạt khá.'].join('\n'));
        expect(found).toEqual(printed === listed ? [] : [`list-count-mismatch “${printed} nội dung” → ${listed}`]);
      }),
    );
  });
});
