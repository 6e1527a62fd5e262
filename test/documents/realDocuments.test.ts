import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { roundQuotient } from '../../src/numbers/rounding.js';
import ExcelJS from 'exceljs';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { docxOf } from '../_helpers/docxFixtures.js';
import { readFixture } from '../_helpers/fixtures.js';

// Documents the checker had never seen: excerpts of published texts (test/fixtures/documents/README.md
// names each source) and plans written in the shapes real plans use, with planted errors.

const check = (name: string, edit: (t: string) => string = (t) => t): CheckReport => checkDocument(readTextDocument(edit(readFixture(`documents/${name}`))));
/** code @row:column (table cells) or code “printed” (prose). */
const brief = (f: CheckFinding): string => (f.location.row === undefined ? `${f.code} “${f.printed ?? ''}”` : `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`);
const briefs = (r: CheckReport): string[] => r.findings.map(brief);
const statuses = (r: CheckReport): string[] => r.claims.map((c) => `${c.status} ${c.kind}`);

describe('published excerpts', () => {
  it('Bắc Giang, poverty indicators by year (en-format figures): two rates that do not fit their counts and a rate typed into the exits row', () => {
    const r = check('real-bac-giang-series.txt');
    // 2011: 63.379 ÷ 412.204 = 15,38 %, printed 15.40; 2013: 44.541 ÷ 423.400 = 10,52 %, printed 10.44; 2014's exits “10.98”
    expect(briefs(r)).toEqual(['non-integer-count @4:6 10.98', 'rate-mismatch @5:3 15.40', 'rate-mismatch @5:5 10.44']);
    expect(r.findings[1]).toMatchObject({ expected: '15,38', location: { rowLabel: 'Tỷ lệ hộ nghèo · %', columnKey: '2011' } });
    expect(r.tables[0]!.notes).toEqual(expect.arrayContaining([expect.stringContaining('read transposed'), expect.stringContaining('English format')]));
  });

  it('Ninh Bình 2017 (QĐ 76/QĐ-UBND): the middle-income rate does not fit the households the decision prints', () => {
    const r = check('real-ninh-binh-2017.txt');
    // 72.895 ÷ 297.899 = 24,47 %; the two other rates (4,52 %, 6,10 %) fit, the second printed “18.160” with no unit
    expect(briefs(r)).toEqual(['rate-mismatch “24,40%”']);
    expect(r.findings[0]!.expected).toBe('24,47%');
    expect(statuses(r)).toEqual(['consistent rate-count', 'consistent rate-count', 'finding rate-count']);
  });

  it('Cà Mau 2023, Hải Dương 2022, the 2015 national survey and the 2021–2025 programme: every pair and share printed is consistent', () => {
    for (const name of ['real-ca-mau-2023.txt', 'real-hai-duong-2022.txt', 'real-national-2015-2022.txt']) {
      const r = check(name);
      expect(r.findings, name).toEqual([]);
      expect(r.claims.every((c) => c.status === 'consistent'), name).toBe(true);
    }
    // “9.604 hộ nghèo, chiếm tỷ lệ 3,14%; hộ cận nghèo là 6.943 hộ, chiếm tỷ lệ 2,27%”: both pairs read, one base of ≈ 305.860 households
    expect(check('real-ca-mau-2023.txt').claims.map((c) => c.kind)).toEqual(['rate-count', 'rate-count']);
  });

  it('a share printed with its part is checked against the total (“chiếm 64%, tương đương 48.000 tỷ đồng”)', () => {
    const r = check('real-national-2015-2022.txt', (t) => t.replace('chiếm 64%', 'chiếm 46%'));
    expect(briefs(r)).toEqual(['share-mismatch “46%”']);
    expect(r.findings[0]!.expected).toBe('64%');
    const lac = check('real-lac-duong-2017.txt', (t) => t.replace('tỷ lệ 97%', 'tỷ lệ 79%'));
    expect(briefs(lac)).toEqual(['share-mismatch “79%”']);
    expect(check('real-lac-duong-2017.txt').findings).toEqual([]);
  });

  it('what looks like a share, a change or a printed base but is not one gives no finding', () => {
    const text = [
      // rates of all households printed with the parts of a total: not shares of the 500
      'Tổng số hộ nghèo và hộ cận nghèo là 500 hộ, trong đó: hộ nghèo 200 hộ, chiếm 2,5%; hộ cận nghèo 300 hộ, chiếm 3,75%.',
      // a yearly average, not the change between the two rates: (4,5 − 2,9) ÷ 2 years = 0,8
      'Tỷ lệ hộ nghèo từ 4,5% năm 2021 xuống còn 2,9% năm 2023, bình quân giảm 0,8%/năm.',
      // “còn” with no verb of change and no “từ”: a remainder, not a change from the first figure
      'Tổng số hộ 1.000 hộ, trong đó hộ nghèo còn 500 hộ, giảm 20 hộ so với đầu năm.',
      // the households of the commune, then a pair about its rural part
      'Tổng số hộ dân cư toàn xã là 2.000 hộ. Khu vực nông thôn có 100 hộ nghèo, chiếm 8,33%.',
    ].join('\n\n');
    const r = checkDocument(readTextDocument(text));
    expect(r.findings).toEqual([]);
    // the two pairs share a base of 8.000 households; the rural pair is a group of its own, with no other pair to check it
    expect(r.claims.map((c) => `${c.status} ${c.kind}`)).toEqual([
      'consistent total-with-parts',
      'consistent rate-count',
      'consistent rate-count',
      'consistent yearly-average',
      'consistent total-with-parts',
      'unchecked reduction-target',
      'unchecked rate-count',
    ]);
    expect(r.claims.at(-1)!.summary).toContain('(khu vực nông thôn)');
  });

  it('a digit lost in a rate of the national survey makes its pair disagree with the other', () => {
    const r = check('real-national-2015-2022.txt', (t) => t.replace('9,88%', '8,98%'));
    expect(briefs(r)).toEqual(['rate-count-pairs-disagree “8,98% (2.338.569 hộ); 5,22% (1.235.784 hộ)”']);
  });
});

/** The planted errors of each realistic plan, as `code @row:column printed`; the clean twin has none. */
const PLANTED: Readonly<Record<string, readonly string[]>> = {
  // the review form of Thông tư 07/2021: end = start − exits + re-poor + newly poor; a mis-added end and two swapped digits
  'flow-template': ['difference-mismatch @13:10 56', 'rate-mismatch @14:7 0,25'],
  // the total row first, “Tỷ lệ %” before “Số hộ”, % in every cell, one decimal, “-” for none, a “Trong đó: hộ DTTS” block
  'total-first': ['sum-mismatch @3:5 1.962', 'rate-mismatch @6:6 5,9%', 'inequality-broken @9:8 65'],
  // “Tổng cộng” first, “ĐVT: triệu đồng” above, sources as columns, “-” for nothing; a subtotal that omits a row, a row total off by 90
  'budget-total-first': ['sum-mismatch @6:3 17.146', 'sum-mismatch @6:4 15.360', 'sum-mismatch @8:3 7.163', 'parts-exceed-total “68.278 triệu đồng”'],
  // years as columns with the period's total; one line's period total and one year's total wrong
  'years-as-columns': ['sum-mismatch @3:8 8.860', 'sum-mismatch @5:5 20.930'],
  // communes under unnumbered district rows; a commune's count (its rate printed right) and a district's subtotal wrong
  districts: ['sum-mismatch @9:4 64', 'sum-mismatch @11:6 308'],
  // capital types as column groups, each with its own total; projects over sub-projects 1.1, 1.2; the grand total +1.000, a group total −100
  'capital-groups': ['sum-mismatch @3:3 42.465', 'sum-mismatch @9:7 4.432'],
  // rates to three decimals, “Cộng” last: one rate off in its third decimal
  'three-decimals': ['rate-mismatch @5:5 33,343'],
  // a province by district, communes under I/II/III, a column-number row “3=2/1*100”, “6=2+4”: a district's SUM one
  // commune short (before: not found, the subtotal added up over no rows), a count 301 typed 310 with its rate right
  // (before: its rate also reported), a rate 11,58 typed 11,85
  'province-communes': ['sum-mismatch @6:4 310', 'sum-mismatch @9:3 1.637', 'sum-mismatch @9:4 509', 'sum-mismatch @9:6 162', 'sum-mismatch @9:8 671', 'rate-mismatch @16:7 11,85'],
  // “Số hộ nghèo” over “Tổng số | Trong đó › Hộ DTTS | Hộ có người có công”, “Kinh phí” over “Tổng cộng | NSTW | NSĐP”:
  // a money total off by 90; a DTTS count larger than the poor households (before: found only at the total's column)
  'trong-do': ['sum-mismatch @6:6 1.560', 'inequality-broken @7:4 198'],
  // the same with two header rows, “Trong đó: Hộ DTTS” in one cell and “Cộng” for the money total
  'trong-do-one-row': ['sum-mismatch @5:6 1.560', 'inequality-broken @6:4 198'],
  // a last column “Ghi chú” of free text with figures in it (“Tăng 2 hộ do tách hộ”, “QĐ 861/QĐ-TTg”): the total's count +10
  'ghi-chu': ['sum-mismatch @8:4 143'],
  // NSTW and NSĐP each over “Cộng | Vốn đầu tư phát triển | Vốn sự nghiệp”, “Vốn lồng ghép”, “Vốn huy động”, “Tổng cộng”
  // first, Dự án 3 and 4 over their sub-projects, “ĐVT: triệu đồng” above: the total's SUM left out Dự án 7; a
  // sub-project's 4.310 typed 4.130; Dự án 2's NSĐP vốn sự nghiệp typed in tỷ đồng (0,614 for 614)
  // (the total's NSTW · Cộng, its ĐTPT + SN as printed, follows from them: said on their finding)
  'budget-sources': ['sum-mismatch @3:3 103.316', 'sum-mismatch @3:6 32.325', 'sum-mismatch @3:7 8.421', 'sum-mismatch @3:9 3.234', 'sum-mismatch @5:9 0,614', 'sum-mismatch @10:6 4.130'],
  // years 2021–2025, “Giai đoạn 2021-2025” and “Bình quân/năm”: a period total with two digits swapped (5.232 → 5.322);
  // the average 1.005,0 typed 1.050,0 (before: not found, the yearly average was not inferred)
  'years-average': ['average-mismatch @2:9 1.050,0', 'sum-mismatch @5:8 5.322'],
  // “Số hộ” over “nghèo đầu năm” in one unmerged column beside “Hộ nghèo › Số hộ | Tỷ lệ (%)”: a count 73 typed 37
  // with its rate right, the total's 290 typed 209 (before: the column was named “nghèo đầu năm”)
  'split-header': ['sum-mismatch @6:5 37', 'sum-mismatch @7:4 209'],
};

describe('plans in the shapes real plans use, with planted errors', () => {
  for (const [name, planted] of Object.entries(PLANTED)) {
    it(`${name}: every planted error at its cell, nothing else; the clean twin gives nothing`, () => {
      expect(briefs(check(`${name}.txt`))).toEqual(planted);
      expect(briefs(check(`${name}.clean.txt`))).toEqual([]);
    });
  }

  it('a yearly average column (“Bình quân/năm”) is checked as the average of the year columns', () => {
    const r = check('years-average.clean.txt');
    expect(r.unchecked.map((u) => `${u.kind} ${u.text}`)).toEqual([]);
    const f = check('years-average.txt').findings.find((x) => x.message.includes('Bình quân'))!;
    expect(f.message).toContain('printed 1.050,0, expected 1.005,0');
  });

  it('a header wrapped onto the next row without a merge names its column whole (“Số hộ nghèo đầu năm”, not “nghèo đầu năm”)', () => {
    const f = check('split-header.txt').findings.find((x) => x.location.row === 7)!;
    expect(f.message).toContain('Tổng cộng · Số hộ nghèo đầu năm: printed 209, expected 290');
  });

  it('a figure typed in tỷ đồng in a table in triệu đồng (0,614 for 614) is the finding, at its own cell', () => {
    const f = check('budget-sources.txt').findings.find((x) => x.location.row === 5)!;
    expect(f.location.column).toBe(9);
    expect([f.printed, f.expected]).toEqual(['0,614', '614']);
    expect(f.message).toContain('read × 1.000 (a figure typed in another unit, tỷ for triệu or đồng for nghìn?), it makes Ngân sách địa phương · Cộng = Ngân sách địa phương · Vốn đầu tư phát triển + Ngân sách địa phương · Vốn sự nghiệp hold');
  });

  it('the same plans as Word documents (real Word tables, merged header cells) give the same findings', async () => {
    for (const name of Object.keys(PLANTED)) {
      const text = readTextDocument(readFixture(`documents/${name}.txt`));
      const docx = readDocxDocument(await docxOf(text), { source: `${name}.docx` });
      expect(checkDocument(docx).findings.map(brief), name).toEqual(PLANTED[name]);
    }
  });

  it('row numbers “1.1”, “1.2” are not figures in the English format', () => {
    const rows = [
      ['TT', 'Nội dung', 'Kinh phí (triệu đồng)'],
      ['1', 'Dự án 1', '1.250'],
      ['1.1', 'Tiểu dự án 1', '900'],
      ['1.2', 'Tiểu dự án 2', '350'],
      ['2', 'Dự án 2', '420'],
      ['', 'Tổng cộng', '1.670'],
    ];
    const r = checkDocument(documentModel([{ kind: 'table', rows }]));
    expect(r.findings).toEqual([]);
    expect(r.tables[0]!.notes ?? []).not.toContainEqual(expect.stringContaining('English'));
    expect(r.tables[0]!.evidence.map((e) => e.text)).toContain('Tổng cộng = sum of 2 rows (Dự án 1, Dự án 2)');
  });

  it('thousands grouped with spaces (“12 000”, Word’s no-break space) are read, and the wrong count found', () => {
    const rows = [
      ['STT', 'Đơn vị', 'Số hộ', 'Hộ nghèo', 'Tỷ lệ (%)'],
      ['1', 'Xã A', '12 000', '390', '3,00'],
      ['2', 'Xã B', '9\u00A0000', '180', '2,00'],
      ['3', 'Xã C', '15 000', '450', '3,00'],
      ['', 'Tổng cộng', '36 000', '990', '2,75'],
    ];
    expect(briefs(checkDocument(documentModel([{ kind: 'table', rows }])))).toEqual(['sum-mismatch @2:4 390']);
  });

  it('a flow is reported with its evidence, and a subtotal that adds up the wrong figure is not blamed', () => {
    const r = check('flow-template.txt');
    expect(r.tables[0]!.evidence.map((e) => e.text)).toContain('Số hộ nghèo cuối năm · Số hộ = Số hộ nghèo đầu năm · Số hộ − Số hộ thoát nghèo · Số hộ + Số hộ tái nghèo + Số hộ nghèo phát sinh');
    expect(r.findings[0]!.message).toContain('Khu vực nông thôn adds up the printed figures');
  });

  it('a lone rate–count pair of the prose is checked on the households of the table, and its count against the table', () => {
    expect(statuses(check('flow-template.txt'))).toEqual(['consistent rate-count', 'consistent table-figure']);
    const r = check('flow-template.clean.txt', (t) => t.replace('còn 454 hộ nghèo, chiếm tỷ lệ 1,47%', 'còn 464 hộ nghèo, chiếm tỷ lệ 1,74%'));
    expect(r.findings.map((f) => `${f.severity} ${brief(f)}`)).toEqual(['warning figure-differs-from-table “464 hộ”', 'warning rate-count-base-mismatch “1,74%”']);
  });

  it('a wrong count whose printed rate is right is the wrong cell, not the subtotal that adds it', () => {
    const f = check('districts.txt').findings[0]!;
    expect(f).toMatchObject({ printed: '64', expected: '44', location: { rowLabel: 'Xã Bình Thành' } });
    expect(f.message).toContain('Huyện Định Hóa adds up to 219 with 44 here');
  });

  it('a sheet with the district merged down over its communes: each row is named by its commune, the wrong count found', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu 2');
    ws.addRow(['Biểu 2: Hộ nghèo cuối năm 2023']);
    ws.mergeCells('A1:F1');
    ws.addRow(['STT', 'Huyện', 'Xã', 'Tổng số hộ', 'Hộ nghèo', 'Tỷ lệ (%)']);
    const units: Array<[string, string, number, number]> = [['Đại Từ', 'Hùng Sơn', 1200, 35], ['Đại Từ', 'Tiên Hội', 980, 41], ['Đại Từ', 'Bản Ngoại', 1530, 22], ['Định Hóa', 'Phú Đình', 870, 60], ['Định Hóa', 'Bình Thành', 1110, 48], ['Định Hóa', 'Sơn Phú', 760, 19]];
    units.forEach(([district, commune, households, poor], i) => {
      // Bình Thành prints 57 poor households; its rate 4,32 % is that of 48
      const row = ws.addRow([i + 1, `Huyện ${district}`, `Xã ${commune}`, households, i === 4 ? poor + 9 : poor, Math.round((poor / households) * 10_000) / 100]);
      row.getCell(6).numFmt = '0.00';
    });
    ws.mergeCells('B3:B5');
    ws.mergeCells('B6:B8');
    const total = ws.addRow(['', 'Toàn tỉnh', null, 6450, 225, 3.49]);
    total.getCell(6).numFmt = '0.00';
    ws.mergeCells('B9:C9');
    const report = checkDocument(await readXlsxDocument(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(briefs(report)).toEqual(['sum-mismatch @7:5 57']);
    expect(report.findings[0]).toMatchObject({ expected: '48', location: { rowLabel: 'Xã Bình Thành', sheet: 'Biểu 2' } });
  });

  it('prose: a plan printed after the percentage (“(kế hoạch 245 hộ)”, “bằng … so với kế hoạch giao (245 hộ)”), and two digits of a plan swapped', () => {
    const r = check('prose-plans.txt');
    // 95 of 254 is 37,4 %, printed 38,8 % (95 of 245)
    expect(briefs(r)).toEqual(['plans-disagree “38,8%”']);
    expect(statuses(r)).toEqual(['consistent percent-of-plan', 'consistent percent-of-plan', 'finding percent-of-plan', 'consistent total-with-parts']);
  });

  it('prose: changes between two moments, and a percent of a printed plan', () => {
    const r = check('prose-changes.txt');
    expect(briefs(r)).toEqual(['change-mismatch “0,86%”', 'change-mismatch “228 hộ”', 'plans-disagree “86%”']);
    expect(statuses(r)).toEqual(['finding change', 'finding change', 'consistent change', 'finding percent-of-plan']);
    expect(r.findings[0]!.expected).toBe('0,68%');
  });
});

const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });
const rateText = (count: number, base: number): string => formatVnNumber({ num: roundQuotient(BigInt(count) * 10_000n, BigInt(base), 'half-up'), den: 100n }, { decimals: 2 });

/** A review-form table: households, poor at the start, exits, re-poor, newly poor, poor at the end, and a total row. */
const flowTable = fc.array(fc.record({ households: fc.integer({ min: 500, max: 6000 }), start: fc.integer({ min: 10, max: 400 }), exitShare: fc.integer({ min: 1, max: 60 }), re: fc.integer({ min: 0, max: 5 }), fresh: fc.integer({ min: 1, max: 9 }) }), { minLength: 4, maxLength: 6 }).map((units) => {
  const rows = units.map((u, i) => {
    const exits = Math.max(1, Math.floor((u.start * u.exitShare) / 100));
    return { name: `Xã ${i + 1}`, hh: u.households, start: u.start, exits, re: u.re, fresh: u.fresh, end: u.start - exits + u.re + u.fresh };
  });
  const sum = (k: 'hh' | 'start' | 'exits' | 're' | 'fresh' | 'end'): number => rows.reduce((s, r) => s + r[k], 0);
  const line = (n: string, name: string, r: { hh: number; start: number; exits: number; re: number; fresh: number; end: number }): string[] => [n, name, vn(r.hh), vn(r.start), vn(r.exits), vn(r.re), vn(r.fresh), vn(r.end), rateText(r.end, r.hh)];
  return [
    ['TT', 'Xã', 'Tổng số hộ dân cư', 'Số hộ nghèo đầu năm', 'Số hộ thoát nghèo', 'Số hộ tái nghèo', 'Số hộ nghèo phát sinh', 'Số hộ nghèo cuối năm', 'Tỷ lệ hộ nghèo cuối năm (%)'],
    ...rows.map((r, i) => line(String(i + 1), r.name, r)),
    line('', 'Tổng cộng', { hh: sum('hh'), start: sum('start'), exits: sum('exits'), re: sum('re'), fresh: sum('fresh'), end: sum('end') }),
  ];
});

describe('properties', () => {
  it('counterexample: end = start + re-poor holds in three of five rows by chance, and the total\'s break is not discounted to accept it', () => {
    const rows = [
      ['TT', 'Xã', 'Tổng số hộ dân cư', 'Số hộ nghèo đầu năm', 'Số hộ thoát nghèo', 'Số hộ tái nghèo', 'Số hộ nghèo phát sinh', 'Số hộ nghèo cuối năm', 'Tỷ lệ hộ nghèo cuối năm (%)'],
      ['1', 'Xã 1', '500', '20', '2', '0', '2', '20', '4,00'],
      ['2', 'Xã 2', '500', '10', '1', '0', '2', '11', '2,20'],
      ['3', 'Xã 3', '500', '10', '1', '1', '1', '11', '2,20'],
      ['4', 'Xã 4', '500', '10', '1', '2', '1', '12', '2,40'],
      ['', 'Tổng cộng', '2.000', '50', '5', '3', '6', '54', '2,70'],
    ];
    expect(checkDocument(documentModel([{ kind: 'table', rows }])).findings).toEqual([]);
  });

  it('counterexample: end = start − newly poor holds in four of five rows by chance; the whole flow, holding in every row, replaces it', () => {
    const rows = [
      ['TT', 'Xã', 'Tổng số hộ dân cư', 'Số hộ nghèo đầu năm', 'Số hộ thoát nghèo', 'Số hộ tái nghèo', 'Số hộ nghèo phát sinh', 'Số hộ nghèo cuối năm', 'Tỷ lệ hộ nghèo cuối năm (%)'],
      ['1', 'Xã 1', '500', '58', '12', '0', '6', '52', '10,40'],
      ['2', 'Xã 2', '500', '24', '12', '2', '5', '19', '3,80'],
      ['3', 'Xã 3', '500', '10', '1', '0', '1', '10', '2,00'],
      ['4', 'Xã 4', '500', '134', '8', '0', '4', '130', '26,00'],
      ['5', 'Xã 5', '500', '34', '19', '3', '8', '26', '5,20'],
      ['', 'Tổng cộng', '2.500', '260', '52', '5', '24', '237', '9,48'],
    ];
    const report = checkDocument(documentModel([{ kind: 'table', rows }]));
    expect(report.findings).toEqual([]);
    expect(report.tables[0]!.evidence.map((e) => e.text)).toContain('Số hộ nghèo cuối năm = Số hộ nghèo đầu năm − Số hộ thoát nghèo + Số hộ tái nghèo + Số hộ nghèo phát sinh');
  });

  it('a consistent review-form table is understood with its flow and gives no finding; a wrong end is found at its cell alone', () => {
    fc.assert(
      fc.property(flowTable, fc.nat(), fc.integer({ min: 1, max: 5 }), (rows, pick, delta) => {
        const report = checkDocument(documentModel([{ kind: 'table', rows }]));
        expect(report.findings).toEqual([]);
        // the flow needs three different rows with re-poor and newly poor printed as more than zero to be evidenced
        const flow = report.tables[0]!.evidence.some((e) => e.type === 'difference' && e.text.includes('+'));
        const item = 1 + (pick % (rows.length - 2));
        const corrupted = rows.map((r) => [...r]);
        corrupted[item]![7] = vn(Number(rows[item]![7]!.replace(/\./g, '')) + delta);
        const after = checkDocument(documentModel([{ kind: 'table', rows: corrupted }]));
        // one finding: at the wrong end when the flow or the end's own rate tells, else at the total it no longer adds up to
        const end = Number(rows[item]![7]!.replace(/\./g, ''));
        const hh = Number(rows[item]![2]!.replace(/\./g, ''));
        const tells = flow || rateText(end + delta, hh) !== rateText(end, hh);
        expect(after.findings.map((f) => `${f.location.row}:${f.location.column}`)).toEqual([tells ? `${item + 1}:8` : `${rows.length}:8`]);
      }),
    );
  });

  it('one wrong item count with its rate left as printed gives one finding: at that count, or at the total when the rate cannot tell', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ hh: fc.integer({ min: 300, max: 5000 }), poor: fc.integer({ min: 5, max: 250 }) }), { minLength: 3, maxLength: 8 }), fc.nat(), fc.integer({ min: 1, max: 40 }), (units, pick, delta) => {
        const line = (n: string, name: string, hh: number, poor: number): string[] => [n, name, vn(hh), vn(poor), rateText(poor, hh)];
        const hh = units.reduce((s, u) => s + u.hh, 0);
        const poor = units.reduce((s, u) => s + u.poor, 0);
        const rows = [['STT', 'Xã', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'], ...units.map((u, i) => line(String(i + 1), `Xã ${i + 1}`, u.hh, u.poor)), line('', 'Tổng cộng', hh, poor)];
        const item = 1 + (pick % units.length);
        const u = units[item - 1]!;
        rows[item]![3] = vn(u.poor + delta);
        const findings = checkDocument(documentModel([{ kind: 'table', rows }])).findings;
        expect(findings).toHaveLength(1);
        const rateTells = rateText(u.poor + delta, u.hh) !== rateText(u.poor, u.hh);
        expect(findings[0]!.location).toMatchObject(rateTells ? { row: item + 1, column: 4 } : { row: rows.length, column: 4 });
      }),
    );
  });
});
