import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { proseFigures } from '../../src/documents/_proseFigures.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { fraction } from '../../src/numbers/fraction.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { reconcileInferred } from '../../src/documents/reconcileInferred.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { wordPlan, type WordBlock, type WordRow } from '../_helpers/wordPlans.js';

// Word plans and reports written by hand, each with one planted error and its error-free twin:
// figures of changes beside a table of stocks, units with a near twin, costs per unit of any kind,
// changes and shares in a plan's sentences.

const check = async (blocks: readonly WordBlock[]): Promise<CheckReport> => checkDocument(await readDocxDocument(await wordPlan(blocks)));
const text = (t: string): CheckReport => checkDocument(readTextDocument(t));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const unused = (r: CheckReport): string[] => r.unchecked.map((u) => u.reason ?? '').filter((x) => x.startsWith('figures no claim uses'));

/** A district's table of poor and near-poor households at the start, the planned reductions and the poor left (two header rows). */
const targetsTable = (nearPoorCut: string): WordRow[] => {
  const two = (t: string): { text: string; span: number } => ({ text: t, span: 2 });
  return [
    { cells: [{ text: 'TT', vmerge: 'restart' }, { text: 'Xã, thị trấn', vmerge: 'restart' }, { text: 'Tổng số hộ', vmerge: 'restart' }, two('Hộ nghèo đầu năm 2026'), two('Hộ cận nghèo đầu năm 2026'), two('Kế hoạch giảm năm 2026'), two('Hộ nghèo còn lại cuối năm 2026')] },
    { cells: [{ text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Hộ nghèo', 'Hộ cận nghèo', 'Số hộ', 'Tỷ lệ (%)'] },
    { cells: ['1', 'Xã Hòa Bình', '2.310', '118', '5,11', '96', '4,16', '35', '20', '83', '3,59'] },
    { cells: ['2', 'Xã Hòa Thuận', '1.876', '92', '4,90', '71', '3,78', '27', '15', '65', '3,46'] },
    { cells: ['3', 'Xã Hòa Lợi', '2.542', '141', '5,55', '120', '4,72', '40', '26', '101', '3,97'] },
    { cells: ['4', 'Xã Hòa Phú', '1.593', '64', '4,02', '58', '3,64', '19', '12', '45', '2,82'] },
    { cells: ['5', 'Thị trấn Hòa An', '3.420', '47', '1,37', '83', '2,43', '15', '18', '32', '0,94'] },
    { cells: ['6', 'Xã Hòa Tân', '2.087', '129', '6,18', '102', '4,89', '36', '21', '93', '4,46'] },
    { cells: ['7', 'Xã Hòa Mỹ', '1.748', '85', '4,86', '77', '4,41', '25', '16', '60', '3,43'] },
    { cells: [two('Toàn huyện'), '15.576', '676', '4,34', '607', '3,90', '197', nearPoorCut, '479', '3,08'] },
  ];
};

describe('a count of a change beside a table of stocks', () => {
  const plan = (sentence: string, nearPoorCut = '128'): WordBlock[] => [
    { p: 'Theo kết quả rà soát cuối năm 2025, toàn huyện có 15.576 hộ; trong đó hộ nghèo 676 hộ, chiếm 4,34%; hộ cận nghèo 607 hộ, chiếm 3,90%.' },
    { p: sentence },
    { p: 'Chỉ tiêu giảm nghèo giao cho từng xã, thị trấn:' },
    { table: targetsTable(nearPoorCut) },
  ];

  it('“giảm 197 hộ nghèo và 128 hộ cận nghèo”: the second count is a reduction too, never compared with the near-poor at the start', async () => {
    const r = await check(plan('Phấn đấu giảm tỷ lệ hộ nghèo 1,26% so với đầu năm; giảm 197 hộ nghèo và 128 hộ cận nghèo. Đến cuối năm 2026, toàn huyện còn 479 hộ nghèo, chiếm 3,08%.'));
    expect(r.findings.map(brief)).toEqual([]);
  });

  it('a stock in the same table is still compared: “còn 497 hộ nghèo” against the 479 left', async () => {
    const r = await check(plan('Phấn đấu giảm tỷ lệ hộ nghèo 1,26% so với đầu năm; giảm 197 hộ nghèo và 128 hộ cận nghèo. Đến cuối năm 2026, toàn huyện còn 497 hộ nghèo.'));
    expect(r.findings.map((f) => f.code)).toContain('figure-differs-from-table');
    expect(r.findings.every((f) => f.printed !== '128 hộ')).toBe(true);
  });
});

describe('a unit word and its near twin', () => {
  it('“Dự án 5 hỗ trợ …”: “hỗ” (support) is not “hộ”, so 5 is no count of households', () => {
    const sentence = 'Dự án 5 hỗ trợ xây dựng mới 40 căn nhà cho hộ nghèo, hộ cận nghèo với mức 40 triệu đồng/căn, tổng kinh phí ngân sách Trung ương 1.600 triệu đồng.';
    expect(proseFigures(sentence).map((f) => f.text)).toEqual(['40 căn', '40 triệu đồng', '1.600 triệu đồng']);
  });

  it('the unit spelled right, or typed with no marks at all, is still read', () => {
    expect(proseFigures('Năm 2026 hỗ trợ 5 hộ nghèo.').map((f) => f.text)).toEqual(['5 hộ']);
    expect(proseFigures('Xa ho tro 5 ho ngheo.').map((f) => f.text)).toEqual(['5 ho']);
  });

  describe('properties', () => {
    const twins: ReadonlyArray<readonly [string, string]> = [['hộ', 'hỗ'], ['hộ', 'họ'], ['hộ', 'hồ'], ['đồng', 'đông'], ['đồng', 'động'], ['căn', 'cần'], ['thẻ', 'thể'], ['người', 'ngược'], ['lớp', 'lợp'], ['thôn', 'thơn']];
    it('a number is a figure with its unit and never with the unit’s near twin', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom(...twins), (n, [unit, twin]) => {
          const printed = formatVnNumber(fraction(BigInt(n)), { decimals: 0, rounding: 'half-up' });
          expect(proseFigures(`Kế hoạch có ${printed} ${unit} mới.`).map((f) => f.text)).toEqual([`${printed} ${unit}`]);
          expect(proseFigures(`Kế hoạch có ${printed} ${twin} mới.`)).toEqual([]);
        }),
      );
    });
  });
});

describe('a count times a cost per the same unit, for any unit counted', () => {
  const run = (t: string): string[] => text(t).findings.map(brief);

  it('“40 căn nhà … 40 triệu đồng/căn, tổng kinh phí ngân sách Trung ương 1.800 triệu đồng”: 40 × 40 = 1.600', () => {
    const sentence = (total: string): string => `Dự án 5 hỗ trợ xây dựng mới 40 căn nhà cho hộ nghèo, hộ cận nghèo với mức 40 triệu đồng/căn, tổng kinh phí ngân sách Trung ương ${total} triệu đồng.`;
    expect(run(sentence('1.800'))).toEqual(['unit-amount-mismatch “1.800 triệu đồng” → 1.600 triệu đồng']);
    const clean = text(sentence('1.600'));
    expect(clean.findings).toEqual([]);
    expect(clean.claims.filter((c) => c.kind === 'unit-amount').map((c) => c.status)).toEqual(['consistent']);
  });

  it('“/con”, “/mô hình”, “/lớp”, “/công trình” with the count of the same thing', () => {
    expect(run('Hỗ trợ 120 con bò giống, mức 15 triệu đồng/con, tổng kinh phí 1.800 triệu đồng.')).toEqual([]);
    expect(run('Hỗ trợ 120 con bò giống, mức 15 triệu đồng/con, tổng kinh phí 1.500 triệu đồng.')).toEqual(['unit-amount-mismatch “1.500 triệu đồng” → 1.800 triệu đồng']);
    expect(run('Xây dựng 3 mô hình giảm nghèo, mức 250 triệu đồng/mô hình, tổng kinh phí 750 triệu đồng.')).toEqual([]);
    expect(run('Xây dựng 3 mô hình giảm nghèo, mức 250 triệu đồng/mô hình, tổng kinh phí 570 triệu đồng.')).toEqual(['unit-amount-mismatch “570 triệu đồng” → 750 triệu đồng']);
    expect(run('Mở 6 lớp đào tạo nghề, mức 45 triệu đồng/lớp, tổng kinh phí 270 triệu đồng.')).toEqual([]);
    expect(run('Đầu tư 4 công trình nước sạch, bình quân 1.250 triệu đồng/công trình, tổng kinh phí 5.200 triệu đồng.')).toEqual(['unit-amount-mismatch “5.200 triệu đồng” → 5.000 triệu đồng']);
  });

  it('a count of another thing, or two counts of the thing: not read', () => {
    expect(run('Xây dựng mới 40 căn nhà và sửa chữa 25 căn nhà, mức 40 triệu đồng/căn, tổng kinh phí 1.800 triệu đồng.')).toEqual([]);
    expect(run('Hỗ trợ 40 hộ xây nhà, mức 40 triệu đồng/căn, tổng kinh phí 1.800 triệu đồng.')).toEqual([]);
  });

  describe('properties', () => {
    it('count × cost per unit is the total exactly; any other total is found with the product', () => {
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 500 }), fc.integer({ min: 30, max: 900 }), fc.constantFrom('căn', 'con', 'mô hình', 'lớp', 'công trình'), fc.integer({ min: -50, max: 50 }), (count, cost, unit, off) => {
          const total = count * cost + off;
          const f = (n: number): string => formatVnNumber(fraction(BigInt(n)), { decimals: 0, rounding: 'half-up' });
          const r = run(`Hỗ trợ ${f(count)} ${unit}, mức ${f(cost)} triệu đồng/${unit}, tổng kinh phí ${f(total)} triệu đồng.`);
          expect(r).toEqual(off === 0 ? [] : [`unit-amount-mismatch “${f(total)} triệu đồng” → ${f(count * cost)} triệu đồng`]);
        }),
        { numRuns: 40 },
      );
    });
  });
});

describe('a change in a plan’s sentence after a count of what remains', () => {
  const sentence = (change: string): string => `Phấn đấu trong năm 2026 có 38 hộ thoát nghèo, hạn chế phát sinh mới không quá 5 hộ; cuối năm còn 74 hộ nghèo, tỷ lệ hộ nghèo giảm từ 7,15% xuống còn 4,95%, giảm ${change}%.`;

  it('“cuối năm còn 74 hộ nghèo, tỷ lệ hộ nghèo giảm từ 7,15% xuống còn 4,95%, giảm 2,50%”: the second “còn” ends the rate, 7,15 − 4,95 = 2,20', () => {
    const r = text(sentence('2,50'));
    expect(r.findings.map(brief)).toEqual(['change-mismatch “2,50%” → 2,20%']);
  });

  it('the twin with 2,20 is a consistent change', () => {
    const r = text(sentence('2,20'));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'change').map((c) => c.status)).toEqual(['consistent']);
  });
});

describe('a change split into changes (“giảm N hộ …, trong đó: giảm A hộ nghèo và B hộ cận nghèo”)', () => {
  const sentence = (total: string): string => `Phấn đấu giảm ${total} hộ nghèo, hộ cận nghèo, trong đó: giảm 15 hộ nghèo và 28 hộ cận nghèo; số hộ thoát nghèo, thoát cận nghèo bằng 37,07% số hộ nghèo và hộ cận nghèo đầu năm.`;

  it('45 for parts of 15 and 28: the parts add up to 43', () => {
    const r = text(`Toàn phường có 4.735 hộ; đầu năm 2026 có 116 hộ nghèo và hộ cận nghèo, trong đó: 34 hộ nghèo, 82 hộ cận nghèo.\n\n${sentence('45')}`);
    expect(r.findings.map(brief)).toEqual(['parts-short-of-total “45 hộ” → 43 hộ']);
  });

  it('the twin with 43 adds up', () => {
    const r = text(`Toàn phường có 4.735 hộ; đầu năm 2026 có 116 hộ nghèo và hộ cận nghèo, trong đó: 34 hộ nghèo, 82 hộ cận nghèo.\n\n${sentence('43')}`);
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'total-with-parts').map((c) => [c.status, c.summary])).toContainEqual(['consistent', expect.stringContaining('43 hộ')]);
  });

  it('a change with parts that are not changes, or changes of the other way, is not read as a split', () => {
    expect(text('Năm 2026 tăng 12 hộ cận nghèo, trong đó: giảm 5 hộ ở thôn 1 và 9 hộ ở thôn 2.').findings).toEqual([]);
  });
});

describe('a wrong target rate and the reduction computed from it', () => {
  /** A district's 2026–2030 targets by commune: the rate at the end of 2025, the target for 2030, the reduction in points. */
  const targets = (eaKaoRate: string, eaKaoCut: string): DocumentTable => {
    const head = ['STT', 'Xã, thị trấn', 'Tổng số hộ cuối năm 2025', 'Hộ nghèo cuối năm 2025', 'Hộ nghèo cuối năm 2025', 'Mục tiêu đến cuối năm 2030', 'Mục tiêu đến cuối năm 2030', 'Giảm tỷ lệ hộ nghèo giai đoạn 2026-2030 (điểm %)'];
    const sub = ['STT', 'Xã, thị trấn', 'Tổng số hộ cuối năm 2025', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ nghèo', 'Tỷ lệ (%)', 'Giảm tỷ lệ hộ nghèo giai đoạn 2026-2030 (điểm %)'];
    const body = [
      ['1', 'Xã Ea Tu', '3.120', '402', '12,88', '180', '5,77', '7,11'],
      ['2', 'Xã Ea Kao', '2.785', '356', '12,78', '150', eaKaoRate, eaKaoCut],
      ['3', 'Xã Cư Êbur', '2.410', '298', '12,37', '130', '5,39', '6,98'],
      ['4', 'Xã Hòa Xuân', '1.964', '241', '12,27', '105', '5,35', '6,92'],
      ['5', 'Thị trấn Krông Bình', '4.350', '187', '4,30', '75', '1,72', '2,58'],
      ['6', 'Xã Ea Bông', '2.237', '319', '14,26', '140', '6,26', '8,00'],
      ['Toàn huyện', 'Toàn huyện', '16.866', '1.803', '10,69', '780', '4,62', '6,07'],
    ];
    const rows = [head, sub, ...body].map((r) => r.map((text) => ({ text, rowSpan: 1, colSpan: 1 })));
    return documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable;
  };
  const issues = (t: DocumentTable): string[] => reconcileInferred(t, { attribute: true }).issues.map((i) => `${i.code} ${i.row} · ${i.column} ${i.printed} → ${i.expected ?? ''}`);

  it('2030 rate 5,93 for 5,39: one finding at the rate, the right reduction 7,39 = 12,78 − 5,39 folded into it', () => {
    const r = reconcileInferred(targets('5,93', '7,39'), { attribute: true });
    expect(issues(targets('5,93', '7,39'))).toEqual(['rate-mismatch Xã Ea Kao · Mục tiêu đến cuối năm 2030 · Tỷ lệ (%) 5,93 → 5,39']);
    expect(r.issues[0]!.message).toContain('it also makes Xã Ea Kao · Giảm tỷ lệ hộ nghèo giai đoạn 2026-2030 (điểm %) differ');
  });

  it('the error-free twin gives nothing; a reduction wrong as well (7,93 for 7,39) is still its own finding', () => {
    expect(issues(targets('5,39', '7,39'))).toEqual([]);
    expect(issues(targets('5,93', '7,93'))).toEqual([
      'rate-mismatch Xã Ea Kao · Mục tiêu đến cuối năm 2030 · Tỷ lệ (%) 5,93 → 5,39',
      'sum-mismatch Xã Ea Kao · Giảm tỷ lệ hộ nghèo giai đoạn 2026-2030 (điểm %) 7,93 → 6,85',
    ]);
  });
});

describe('a wrong part of a prose total, named by the table that prints it', () => {
  const budget: WordRow[] = [
    { cells: [{ text: 'STT', vmerge: 'restart' }, { text: 'Nội dung', vmerge: 'restart' }, { text: 'Tổng cộng', vmerge: 'restart' }, { text: 'Ngân sách Trung ương', span: 3 }, { text: 'Ngân sách tỉnh', vmerge: 'restart' }, { text: 'Ngân sách huyện', vmerge: 'restart' }] },
    { cells: [{ text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, 'Tổng số', 'Vốn đầu tư', 'Vốn sự nghiệp', { text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }] },
    { cells: [{ text: 'Tổng cộng', span: 2 }, '16.014', '13.940', '6.420', '7.520', '1.354', '720'] },
    { cells: ['1', 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội', '7.650', '6.800', '6.420', '380', '640', '210'] },
    { cells: ['2', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', '2.125', '1.850', '-', '1.850', '185', '90'] },
    { cells: ['3', 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', '2.826', '2.460', '-', '2.460', '246', '120'] },
    { cells: ['4', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', '1.057', '920', '-', '920', '92', '45'] },
    { cells: ['5', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', '2.000', '1.600', '-', '1.600', '160', '240'] },
    { cells: ['6', 'Dự án 6: Truyền thông và giảm nghèo về thông tin', '356', '310', '-', '310', '31', '15'] },
  ];
  const plan = (district: string, province = '1.354'): WordBlock[] => [
    { p: `Tổng kinh phí thực hiện Chương trình năm 2026 là 16.014 triệu đồng, trong đó: ngân sách Trung ương 13.940 triệu đồng, chiếm 87,05%; ngân sách tỉnh ${province} triệu đồng; ngân sách huyện ${district} triệu đồng.` },
    { p: 'Đơn vị tính: triệu đồng' },
    { table: budget },
  ];

  it('“ngân sách huyện 920 triệu đồng” where the budget table prints 720: the finding is at the part, with the table’s cell', async () => {
    const r = await check(plan('920'));
    expect(r.findings.map(brief)).toEqual(['parts-exceed-total “920 triệu đồng” → 720 triệu đồng']);
    expect(r.findings[0]!.message).toContain('prints 720 in “Tổng cộng” · “Ngân sách huyện”');
  });

  it('the twin gives nothing; two parts off stay at the total', async () => {
    expect((await check(plan('720'))).findings).toEqual([]);
    expect((await check(plan('920', '1.454'))).findings.map((f) => `${f.code} “${f.printed ?? ''}”`)).toEqual(['parts-exceed-total “16.014 triệu đồng”']);
  });

  const exits: WordRow[] = [
    { cells: ['STT', 'Huyện, thị xã, thành phố', 'Tổng số hộ dân cư', 'Số hộ nghèo đầu năm', 'Số hộ thoát nghèo', 'Số hộ phát sinh mới', 'Số hộ nghèo cuối năm'] },
    { cells: ['1', 'Thành phố Bình Nguyên', '61.200', '402', '190', '25', '237'] },
    { cells: ['2', 'Huyện Đồng Xuân', '28.450', '1.635', '520', '61', '1.176'] },
    { cells: ['3', 'Huyện Sông Cầu', '31.870', '1.204', '410', '48', '842'] },
    { cells: ['4', 'Huyện Tây Hòa', '24.310', '1.987', '615', '73', '1.445'] },
    { cells: ['5', 'Huyện Phú Hòa', '27.645', '958', '342', '30', '646'] },
    { cells: ['6', 'Thị xã Đông Hòa', '33.120', '876', '301', '27', '602'] },
    { cells: [{ text: 'Tổng cộng', span: 2 }, '206.595', '7.062', '2.378', '264', '4.948'] },
  ];
  const report = (phuHoa: string): WordBlock[] => [
    { p: `Số hộ thoát nghèo gồm: Thành phố Bình Nguyên 190 hộ, huyện Đồng Xuân 520 hộ, huyện Sông Cầu 410 hộ, huyện Tây Hòa 615 hộ, huyện Phú Hòa ${phuHoa} hộ và thị xã Đông Hòa 301 hộ, tổng cộng 2.378 hộ.` },
    { p: 'Đơn vị tính: hộ' },
    { table: exits },
  ];

  it('“huyện Phú Hòa 324 hộ” in a “gồm: … tổng cộng 2.378 hộ” list, the table’s row printing 342: at the part (before: a warning that a part may be missing)', async () => {
    const r = await check(report('324'));
    expect(r.findings.map(brief)).toEqual(['parts-short-of-total “324 hộ” → 342 hộ']);
    expect((await check(report('342'))).findings).toEqual([]);
  });
});
