import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { declaredMultiplicative } from '../../src/documents/_columnRelations.js';
import { bytesOf, type Cell, type SheetPlan } from '../_helpers/officialSheets.js';

const brief = (f: CheckFinding): string => `${f.code} ${f.location.sheet ?? ''}!${f.location.row}:${f.location.column} ${f.printed ?? ''}→${f.expected ?? ''}`;

// A province's year-end review (Sơn La, 2024 style): a “Tổng hợp” sheet with a row per district and
// the province's total, and one sheet per district listing its communes with a “Tổng cộng” row.
type Commune = readonly [name: string, households: number, poor: number, near: number];
const DISTRICTS: ReadonlyArray<{ readonly sheet: string; readonly label: string; readonly communes: readonly Commune[] }> = [
  {
    sheet: 'H. Mường La',
    label: 'Huyện Mường La',
    communes: [
      ['Xã Ít Ong', 2143, 148, 190],
      ['Xã Chiềng Lao', 1308, 114, 131],
      ['Xã Hua Trai', 2197, 268, 205],
      ['Xã Nặm Păm', 1669, 251, 162],
    ],
  },
  {
    sheet: 'Quỳnh Nhai',
    label: 'Huyện Quỳnh Nhai',
    communes: [
      ['Xã Mường Giàng', 1875, 96, 143],
      ['Xã Chiềng Bằng', 1392, 121, 118],
      ['Xã Mường Sại', 1204, 187, 96],
    ],
  },
  {
    sheet: 'Thuận Châu',
    label: 'H. THUẬN CHÂU',
    communes: [
      ['Xã Phỏng Lái', 2466, 302, 251],
      ['Xã Chiềng Pha', 1987, 215, 174],
      ['Xã Thôm Mòn', 1530, 144, 139],
      ['Xã Tông Lạnh', 1811, 166, 158],
    ],
  },
];
const sum = (cs: readonly Commune[], i: 1 | 2 | 3): number => cs.reduce((s, c) => s + c[i], 0);
const HEADER = ['STT', 'Tên xã', 'Tổng số hộ', 'Số hộ nghèo', 'Số hộ cận nghèo'];

interface Planted {
  /** The summary's poor households of a district typed wrong (its detail sheet adds up). */
  readonly summaryPoor?: { readonly district: number; readonly printed: number };
  /** A detail sheet's total of near-poor typed wrong (the summary carries the sum of its communes). */
  readonly detailNear?: { readonly district: number; readonly printed: number };
}

function workbook(planted: Planted = {}): Promise<Uint8Array> {
  const details: SheetPlan[] = DISTRICTS.map((d, di) => {
    const near = sum(d.communes, 3);
    const total: Cell[] = [null, 'Tổng cộng', sum(d.communes, 1), sum(d.communes, 2), planted.detailNear?.district === di ? planted.detailNear.printed : near];
    return {
      name: d.sheet,
      title: [`UBND ${d.label.toUpperCase().replace(/^H\. /, 'HUYỆN ')}`, 'KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024', 'ĐVT: hộ'],
      header: [HEADER, ['A', 'B', '1', '2', '3']],
      headerMerges: [],
      body: [...d.communes.map((c, i): Cell[] => [i + 1, ...c]), total],
      formats: { 3: '#,##0', 4: '#,##0', 5: '#,##0' },
    };
  });
  const rows: Cell[][] = DISTRICTS.map((d, di) => [di + 1, d.label, sum(d.communes, 1), planted.summaryPoor?.district === di ? planted.summaryPoor.printed : sum(d.communes, 2), sum(d.communes, 3)]);
  const all = DISTRICTS.flatMap((d) => d.communes);
  const summary: SheetPlan = {
    name: 'Tổng hợp',
    title: ['UBND TỈNH SƠN LA', 'TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024', 'ĐVT: hộ'],
    header: [['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Số hộ cận nghèo'], ['A', 'B', '1', '2', '3']],
    headerMerges: [],
    body: [...rows, [null, 'Tổng', sum(all, 1), sum(all, 2), sum(all, 3)]],
    formats: { 3: '#,##0', 4: '#,##0', 5: '#,##0' },
  };
  return bytesOf([summary, ...details]);
}

const check = async (bytes: Uint8Array) => checkDocument(await readXlsxDocument(bytes, { source: 'ra-soat-2024.xlsx' }));

describe('cross-sheet-mismatch: a summary sheet against the detail sheet of each district', () => {
  it('the correct workbook is silent', async () => {
    const r = await check(await workbook());
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("a district's poor households typed wrong on the summary: the summary cell is blamed, its “Tổng” row folded in", async () => {
    // Quỳnh Nhai's communes add up to 404 poor households; the summary typed 440
    const r = await check(await workbook({ summaryPoor: { district: 1, printed: 440 } }));
    expect(r.findings.map(brief)).toEqual(['cross-sheet-mismatch Tổng hợp!7:4 440→404']);
    const [f] = r.findings;
    expect(f!.severity).toBe('error');
    expect(f!.difference).toBe('36');
    expect(f!.location.rowLabel).toBe('Huyện Quỳnh Nhai');
    expect(f!.relation).toBe('Tổng hợp!D7 = Quỳnh Nhai!D9 (Tổng cộng of sheet “Quỳnh Nhai”)');
    expect(f!.message).toContain('Tổng hợp!D7');
    expect(f!.message).toContain('Quỳnh Nhai!D9');
    expect(f!.message).toContain('“Tổng” row (Tổng hợp!D9)');
  });

  it("a detail sheet's total typed wrong: the detail's total row is blamed (its own sum finding folded in), matched through “H. THUẬN CHÂU”", async () => {
    // Thuận Châu's communes have 722 near-poor households, as the summary carries; its Tổng cộng row typed 772
    const r = await check(await workbook({ detailNear: { district: 2, printed: 772 } }));
    expect(r.findings.map(brief)).toEqual(['cross-sheet-mismatch Thuận Châu!10:5 772→722']);
    expect(r.findings[0]!.difference).toBe('50');
    expect(r.findings[0]!.message).toContain('Tổng hợp!E8');
  });
});

// The budget of the national target programme by project (triệu đồng): a “Tổng hợp” sheet with a
// row per project, one sheet per project (“DA1”, “DA 3”) with its items and a “Cộng” row.
type Item = readonly [name: string, central: number, local: number];
const PROJECTS: ReadonlyArray<{ readonly sheet: string; readonly label: string; readonly items: readonly Item[] }> = [
  { sheet: 'DA1', label: 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo', items: [['Đường giao thông bản Nà Sản', 4_850, 485], ['Nhà văn hóa xã Chiềng Ơn', 1_920, 192], ['Kênh mương nội đồng bản Pá Lông', 2_375, 240]] },
  { sheet: 'DA 3', label: 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', items: [['Hỗ trợ giống bò sinh sản', 3_160, 316], ['Mô hình trồng cây ăn quả', 1_245, 125]] },
  { sheet: 'Dự án 4', label: 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', items: [['Đào tạo nghề cho lao động nông thôn', 860, 86], ['Hỗ trợ người lao động đi làm việc ở nước ngoài', 415, 42]] },
];
const AMOUNT_HEADER = ['STT', 'Nội dung', 'Tổng số', 'Ngân sách trung ương', 'Ngân sách địa phương'];

function budgetBook(typo?: { readonly project: number; readonly column: 3 | 4 | 5; readonly printed: number }): Promise<Uint8Array> {
  const at = (p: number, c: 3 | 4 | 5, v: number): number => (typo !== undefined && typo.project === p && typo.column === c ? typo.printed : v);
  const totals = PROJECTS.map((p) => [p.items.reduce((s, i) => s + i[1] + i[2], 0), p.items.reduce((s, i) => s + i[1], 0), p.items.reduce((s, i) => s + i[2], 0)] as const);
  const details: SheetPlan[] = PROJECTS.map((p, pi) => ({
    name: p.sheet,
    title: ['UBND HUYỆN MƯỜNG LA', `KẾ HOẠCH VỐN NĂM 2025 - ${p.label.split(':')[0]!.toUpperCase()}`, 'ĐVT: triệu đồng'],
    header: [AMOUNT_HEADER],
    headerMerges: [],
    body: [...p.items.map((i, n): Cell[] => [n + 1, i[0], i[1] + i[2], i[1], i[2]]), [null, 'Cộng', ...totals[pi]!]],
    formats: { 3: '#,##0', 4: '#,##0', 5: '#,##0' },
  }));
  const grand = [0, 1, 2].map((k) => totals.reduce((s, t) => s + t[k]!, 0));
  const summary: SheetPlan = {
    name: 'Tổng hợp',
    title: ['UBND HUYỆN MƯỜNG LA', 'TỔNG HỢP KẾ HOẠCH VỐN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM 2025', 'ĐVT: triệu đồng'],
    header: [AMOUNT_HEADER],
    headerMerges: [],
    body: [[null, 'Tổng cộng', ...grand], ...PROJECTS.map((p, pi): Cell[] => [pi + 1, p.label, at(pi, 3, totals[pi]![0]), at(pi, 4, totals[pi]![1]), at(pi, 5, totals[pi]![2])])],
    formats: { 3: '#,##0', 4: '#,##0', 5: '#,##0' },
  };
  return bytesOf([summary, ...details]);
}

describe("cross-sheet-mismatch: the budget by project against each project's sheet", () => {
  it('the correct workbook is silent', async () => {
    const r = await check(await budgetBook());
    expect(r.findings.map(brief)).toEqual([]);
  });

  it("a project's central budget typed wrong on the summary: one finding at the cell, naming the project's sheet", async () => {
    // Dự án 3's items take 4.405 triệu đồng of the central budget; the summary typed 4.450 (its row's Tổng số then
    // is not central + local, and the Tổng cộng row not the sum of the projects: the same cell, one finding)
    const r = await check(await budgetBook({ project: 1, column: 4, printed: 4_450 }));
    expect(r.findings.map(brief)).toEqual(['cross-sheet-mismatch Tổng hợp!7:4 4.450→4.405']);
    expect(r.findings[0]!.message).toContain('DA 3!D7');
  });
});

// Housing support of a district (Mường La, 2025): the column-number row declares the product and the quotient,
// “(3)=(1)x(2)” the funds of the households at the amount each, “(5)=(4)/(3)*100” the share disbursed.
type Support = readonly [name: string, households: number, each: number, funds: number, paid: number, rate: string];
function supportBook(rows: readonly Support[], total: string, formulas: readonly string[] = ['A', 'B', '(1)', '(2)', '(3)=(1)x(2)', '(4)', '(5)=(4)/(3)*100']): Promise<Uint8Array> {
  const t = rows.reduce((s, r) => [s[0]! + r[1], s[1]! + r[3], s[2]! + r[4]], [0, 0, 0]);
  return bytesOf([
    {
      name: 'Nhà ở',
      title: ['UBND HUYỆN MƯỜNG LA', 'KẾT QUẢ HỖ TRỢ NHÀ Ở CHO HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2025', 'ĐVT: triệu đồng'],
      header: [['STT', 'Nội dung hỗ trợ', 'Số hộ', 'Mức (triệu đồng)', 'Kinh phí (triệu đồng)', 'Đã giải ngân (triệu đồng)', 'Giải ngân so với kinh phí (%)'], formulas],
      headerMerges: [],
      body: [...rows.map((r, i): Cell[] => [i + 1, r[0], r[1], r[2], r[3], r[4], r[5]]), [null, 'Tổng cộng', t[0]!, null, t[1]!, t[2]!, total]],
      formats: { 3: '#,##0', 5: '#,##0', 6: '#,##0' },
    },
  ]);
}
const XAY_MOI: Support = ['Xây mới nhà ở', 37, 60, 2220, 1850, '83,33'];
const SUA_CHUA: Support = ['Sửa chữa nhà ở', 25, 30, 750, 615, '82,00'];

describe('a column-number row declaring a product and a quotient: “(3)=(1)x(2)”, “(5)=(4)/(3)*100”', () => {
  it('the correct table is silent, and both relations are checked', async () => {
    const r = await check(await supportBook([XAY_MOI, SUA_CHUA], '83,00'));
    expect(r.findings.map(brief)).toEqual([]);
    const types = r.tables[0]!.layout.relations.map((x) => `${x.type} ${x.column}`);
    expect(types).toContain('product Kinh phí (triệu đồng)');
    expect(types).toContain('rate Giải ngân so với kinh phí (%)');
  });

  it('funds typed 2.200 for 37 × 60 = 2.220 and a share typed 28,00 for 615 ÷ 750 = 82,00 % are found at their cells', async () => {
    // 1.850 ÷ 2.200 gives the 84,09 printed: the share agrees with the wrong funds, the product finds them
    const r = await check(await supportBook([['Xây mới nhà ở', 37, 60, 2200, 1850, '84,09'], ['Sửa chữa nhà ở', 25, 30, 750, 615, '28,00']], '83,56'));
    expect(r.findings.map(brief)).toEqual(['product-mismatch Nhà ở!6:5 2.200→2.220', 'rate-mismatch Nhà ở!7:7 28,00→82,00']);
  });

  it('“3=1x2” and “5=4:3” without brackets, the share a plain quotient when the formula has no × 100', async () => {
    // a district's loans to poor households: loans × amount each = funds; funds paid ÷ funds (no × 100: a ratio, 2 decimals)
    const book = (ratio: string): Promise<Uint8Array> =>
      bytesOf([
        {
          name: 'Vay vốn',
          title: ['NGÂN HÀNG CHÍNH SÁCH XÃ HỘI HUYỆN MƯỜNG LA', 'KẾT QUẢ CHO VAY HỘ NGHÈO NĂM 2025'],
          header: [['STT', 'Xã', 'Số hộ vay', 'Mức cho vay', 'Doanh số cho vay (triệu đồng)', 'Dư nợ (triệu đồng)', 'Dư nợ/Doanh số'], ['A', 'B', '1', '2', '3=1x2', '4', '5=4:3']],
          headerMerges: [],
          body: [
            [1, 'Xã Ít Ong', 42, 100, 4200, 3150, '0,75'],
            [2, 'Xã Chiềng Lao', 28, 100, 2800, 2450, ratio],
          ],
        },
      ]);
    expect((await check(await book('0,88'))).findings.map(brief)).toEqual([]);
    expect((await check(await book('0,78'))).findings.map(brief)).toEqual(['rate-mismatch Vay vốn!6:7 0,78→0,88']);
  });
});

describe('declaredMultiplicative: the products and quotients of a column-number row', () => {
  it('reads “(5)=(1)x(2)”, “5=1x2”, “4=3/2*100”, “(4)=(3)/(2)*100”, “6=5x100/1”; leaves sums, three factors and unknown numbers out', () => {
    expect(declaredMultiplicative(['A', 'B', '(1)', '(2)', '(3)', '(4)=(3)/(2)*100', '(5)=(1)x(2)'])).toEqual([
      { type: 'rate', column: 5, count: 4, base: 3, scale: 100 },
      { type: 'product', column: 6, factors: [2, 3] },
    ]);
    expect(declaredMultiplicative(['A', 'B', '1', '2', '3', '4=3/2*100', '5=1x2', '6=5x100/1', '7=4-5'])).toEqual([
      { type: 'rate', column: 5, count: 4, base: 3, scale: 100 },
      { type: 'product', column: 6, factors: [2, 3] },
      { type: 'rate', column: 7, count: 6, base: 2, scale: 100 },
    ]);
    expect(declaredMultiplicative(['A', 'B', '1', '2', '3=1x2x4', '4=1/9*100', '5=1x1000'])).toEqual([]);
  });
});

// A short summary by area, as a commune or a district prints it under its plan: two to four rows,
// “Đơn vị | Tổng số hộ | Số hộ nghèo | Tỷ lệ (%)”, the rate each row's poor over its households.
function shortSummary(rows: ReadonlyArray<readonly [string, number, number, string]>): Promise<Uint8Array> {
  return bytesOf([
    {
      name: 'Tổng hợp',
      title: ['UBND XÃ CHIỀNG LAO', 'TỔNG HỢP HỘ NGHÈO CUỐI NĂM 2025'],
      header: [['Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)']],
      headerMerges: [],
      body: rows.map((r): Cell[] => [...r]),
      formats: { 2: '#,##0', 3: '#,##0' },
    },
  ]);
}

describe('a short summary’s rate column “Tỷ lệ (%)” is checked as the count before it over the households', () => {
  const twoAreas = (urbanRate: string): ReadonlyArray<readonly [string, number, number, string]> => [
    ['Khu vực thành thị', 412, 9, urbanRate],
    ['Khu vực nông thôn', 896, 105, '11,72'],
  ];
  it('two rows, correct: silent, the rate column checked', async () => {
    const r = await check(await shortSummary(twoAreas('2,18')));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.tables[0]!.layout.relations.map((x) => `${x.type} ${x.column}`)).toContain('rate Tỷ lệ (%)');
  });
  it('two rows, one rate typed 2,81 for 9 ÷ 412 = 2,18 %: found at its cell', async () => {
    const r = await check(await shortSummary(twoAreas('2,81')));
    expect(r.findings.map(brief)).toEqual(['rate-mismatch Tổng hợp!4:4 2,81→2,18']);
  });
  it('four rows with the total, one wrong rate: found at its cell; the correct twin silent', async () => {
    const rows = (total: string): ReadonlyArray<readonly [string, number, number, string]> => [
      ['Bản Nà Sản', 318, 41, '12,89'],
      ['Bản Pá Lông', 274, 52, '18,98'],
      ['Bản Huổi Ngà', 206, 37, '17,96'],
      ['Toàn xã', 798, 130, total],
    ];
    expect((await check(await shortSummary(rows('16,29')))).findings.map(brief)).toEqual([]);
    expect((await check(await shortSummary(rows('16,92')))).findings.map(brief)).toEqual(['rate-mismatch Tổng hợp!7:4 16,92→16,29']);
  });
});
