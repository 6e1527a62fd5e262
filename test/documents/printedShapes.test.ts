import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { reconcileFileIn } from '../_helpers/cliIo.js';
import { bytesOf, type SheetPlan } from '../_helpers/officialSheets.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { wordPlan, type WordRow } from '../_helpers/wordPlans.js';

// Tables as offices print them, in shapes read before with nothing checked or the error put at another cell: each
// as a sheet (title merged across, header cells merged) and, where a plan prints it so, in a Word plan; each clean
// and with one planted error, found at its own cell.

const tempDir = tempDirs('vnp-printed-shapes-');
const brief = (f: CheckFinding): string => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`;
const sheet = (plan: Omit<SheetPlan, 'name'>): Promise<Uint8Array> => bytesOf([{ name: 'Biểu', ...plan }]);
/** A sheet of one header row and no merges. */
const flatSheet = (header: (string | null)[], body: SheetPlan['body']): Promise<Uint8Array> => sheet({ title: [], header: [header], headerMerges: [], body });
const findingsOf = async (bytes: Uint8Array): Promise<string[]> => checkDocument(await readXlsxDocument(bytes)).findings.map(brief);

/**
 * “Số hộ thoát nghèo năm 2025” over “Kế hoạch | Thực hiện | Tỷ lệ đạt (%)” by commune, Xã Tân Lập's result and
 * rate as given, with the district's total row or without it.
 */
const achievedPlan = (tanLap: string, rate: string, total: boolean): Omit<SheetPlan, 'name'> => ({
  title: [],
  header: [
    ['STT', 'Đơn vị', 'Số hộ thoát nghèo năm 2025', null, null],
    [null, null, 'Kế hoạch', 'Thực hiện', 'Tỷ lệ đạt (%)'],
  ],
  headerMerges: ['A1:A2', 'B1:B2', 'C1:E1'],
  body: [
    ['1', 'Xã An Bình', '25', '27', '108,00'],
    ['2', 'Xã Tân Lập', '30', tanLap, rate],
    ['3', 'Xã Hòa Phú', '18', '18', '100,00'],
    ['4', 'Thị trấn Cầu Gồ', '12', '15', '125,00'],
    ...(total ? [[null, 'Toàn huyện', '85', '88', '103,53']] : []),
  ],
});

describe('years as columns under one header over them, no unit column', () => {
  // “Năm” (or “Giai đoạn 2021–2025”) merged over the years printed in the second header row; the rates are
  // rows, each of the count above it over “Tổng số hộ” (before: read as five amount columns, nothing checked)
  const body = (poorRate2023: string): string[][] => [
    ['1', 'Tổng số hộ', '12.450', '12.580', '12.710', '12.836', '12.960'],
    ['2', 'Số hộ nghèo', '1.120', '986', '845', '702', '560'],
    ['3', 'Tỷ lệ hộ nghèo (%)', '9,00', '7,84', poorRate2023, '5,47', '4,32'],
    ['4', 'Số hộ cận nghèo', '870', '812', '760', '698', '640'],
    ['5', 'Tỷ lệ (%)', '6,99', '6,45', '5,98', '5,44', '4,94'],
  ];
  const plan = (group: string, poorRate2023: string): Omit<SheetPlan, 'name'> => ({
    title: ['BIỂU 1. KẾT QUẢ GIẢM NGHÈO GIAI ĐOẠN 2021-2025'],
    header: [
      ['STT', 'Chỉ tiêu', group, null, null, null, null],
      [null, null, '2021', '2022', '2023', '2024', '2025'],
    ],
    headerMerges: ['A1:A2', 'B1:B2', 'C1:G1'],
    body: body(poorRate2023),
  });

  it.each(['Năm', 'Giai đoạn 2021–2025'])('under “%s”: the rate typed 6,56 for 6,65 is found at its cell, none on the twin', async (group) => {
    expect(await findingsOf(await sheet(plan(group, '6,65')))).toEqual([]);
    expect(await findingsOf(await sheet(plan(group, '6,56')))).toEqual(['rate-mismatch @6:5 6,56']);
    const run = await reconcileFileIn(tempDir(), 'giam-ngheo.xlsx', await sheet(plan(group, '6,56')));
    expect(run.code).toBe(EXIT_FINDINGS);
    expect(run.out).toContain('Tỷ lệ hộ nghèo (%) = Số hộ nghèo ÷ Tổng số hộ × 100');
    expect(run.out).toContain('2023 · Tỷ lệ hộ nghèo (%): printed 6,56, expected 6,65 (845 ÷ 12.710 × 100');
    expect((await reconcileFileIn(tempDir(), 'giam-ngheo-ok.xlsx', await sheet(plan(group, '6,65')))).code).toBe(EXIT_OK);
  });

  it('in a Word plan (the group header spanning the years, the others merged down): the same finding at the printed cell', async () => {
    const word = (poorRate2023: string): Promise<Uint8Array> => {
      const table: WordRow[] = [
        { cells: [{ text: 'STT', vmerge: 'restart' }, { text: 'Chỉ tiêu', vmerge: 'restart' }, { text: 'Năm', span: 5 }] },
        { cells: [{ text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, '2021', '2022', '2023', '2024', '2025'] },
        ...body(poorRate2023).map((cells) => ({ cells })),
      ];
      return wordPlan([{ p: 'Kết quả thực hiện các chỉ tiêu giảm nghèo giai đoạn 2021-2025 như sau:' }, { table }]);
    };
    const check = async (rate: string): Promise<string[]> => checkDocument(readDocxDocument(await word(rate))).findings.map(brief);
    expect(await check('6,65')).toEqual([]);
    expect(await check('6,56')).toEqual(['rate-mismatch @5:5 6,56']);
  });

  it('a budget by year under “Kế hoạch vốn” (no rate among its rows) is still read as printed, the period the sum of the years', async () => {
    const budget = await sheet({
      title: ['ĐVT: triệu đồng'],
      header: [
        ['STT', 'Nội dung', 'Kế hoạch vốn', null, null, 'Tổng giai đoạn'],
        [null, null, 'Năm 2023', 'Năm 2024', 'Năm 2025', null],
      ],
      headerMerges: ['A1:A2', 'B1:B2', 'C1:E1', 'F1:F2'],
      body: [
        ['1', 'Dự án 1', '1.200', '1.350', '1.500', '4.050'],
        ['2', 'Dự án 2', '800', '900', '950', '2.560'],
        ['3', 'Dự án 3', '400', '450', '500', '1.350'],
      ],
    });
    expect(await findingsOf(budget)).toEqual(['sum-mismatch @5:6 2.560']);
  });
});

describe('a province by district, each district followed by its communes, then “Toàn tỉnh”', () => {
  // the districts unnumbered, their communes under them named “Xã …” (indented, or with a dash before the name): each
  // district the sum of its communes, the total the sum of the districts (before: the total left unchecked, a wrong
  // commune count found only at its rate)
  const communes = (label: (name: string) => string, poorPhuDinh: string): string[][] => [
    ['', 'Huyện Định Hóa', '3.410', '143', '4,19'],
    ['', label('Xã Bình Thành'), '1.110', '48', '4,32'],
    ['', label('Xã Phú Đình'), '1.320', poorPhuDinh, '4,55'],
    ['', label('Xã Trung Hội'), '980', '35', '3,57'],
    ['', 'Huyện Võ Nhai', '3.080', '163', '5,29'],
    ['', label('Xã La Hiên'), '1.450', '72', '4,97'],
    ['', label('Xã Tràng Xá'), '1.630', '91', '5,58'],
    ['', 'Huyện Đồng Hỷ', '4.805', '159', '3,31'],
    ['', label('Xã Hóa Thượng'), '2.210', '40', '1,81'],
    ['', label('Xã Minh Lập'), '1.190', '53', '4,45'],
    ['', label('Xã Văn Hán'), '1.405', '66', '4,70'],
    ['', 'Toàn tỉnh', '11.295', '465', '4,12'],
  ];
  const plan = (label: (name: string) => string, poorPhuDinh: string): Omit<SheetPlan, 'name'> => ({
    title: ['KẾT QUẢ RÀ SOÁT HỘ NGHÈO CUỐI NĂM 2024', 'ĐVT: hộ'],
    header: [['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)']],
    headerMerges: [],
    body: communes(label, poorPhuDinh),
  });
  const LABELS: [string, (name: string) => string][] = [
    ['named “Xã …” under their district', (n) => n],
    ['prefixed “- Xã …”', (n) => `- ${n}`],
  ];

  it.each(LABELS)('communes %s: 69 typed for 60 found at the commune’s count, none on the twin', async (_, label) => {
    expect(await findingsOf(await sheet(plan(label, '60')))).toEqual([]);
    expect(await findingsOf(await sheet(plan(label, '69')))).toEqual(['sum-mismatch @6:4 69']);
    const run = await reconcileFileIn(tempDir(), 'toan-tinh.xlsx', await sheet(plan(label, '69')));
    expect(run.out).toContain('Huyện Định Hóa = sum of 3 rows');
    expect(run.out).toContain('Toàn tỉnh = sum of 3 rows (Huyện Định Hóa, Huyện Võ Nhai, Huyện Đồng Hỷ)');
    expect(run.out).toContain('Xã Phú Đình · Số hộ nghèo: printed 69, expected 60 — Huyện Định Hóa adds up to 143 with 60 here');
    expect((await reconcileFileIn(tempDir(), 'toan-tinh-ok.xlsx', await sheet(plan(label, '60')))).code).toBe(EXIT_OK);
  });

  it('in a Word plan with the dashes: the same finding at the printed cell', async () => {
    const word = async (poor: string): Promise<string[]> => {
      const table: WordRow[] = [{ cells: ['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'] }, ...communes((n) => `- ${n}`, poor).map((cells) => ({ cells }))];
      return checkDocument(readDocxDocument(await wordPlan([{ p: 'Biểu 2. Kết quả rà soát hộ nghèo cuối năm 2024 theo đơn vị' }, { table }]))).findings.map(brief);
    };
    expect(await word('60')).toEqual([]);
    expect(await word('69')).toEqual(['sum-mismatch @4:4 69']);
  });

  it('a list of communes of one level (“Xã …”, “Thị trấn …”) is not nested: the total adds every one', async () => {
    const flat = await flatSheet(['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo'], [
      ['1', 'Thị trấn Chợ Chu', '2.150', '31'],
      ['2', 'Xã Bình Thành', '1.110', '48'],
      ['3', 'Xã Phú Đình', '1.320', '60'],
      ['', 'Toàn huyện', '4.580', '140'],
    ]);
    expect(await findingsOf(flat)).toEqual(['sum-mismatch @5:4 140']);
  });
});

describe('a change in percent between two years, and a share of the total', () => {
  // “Tăng/giảm (%)” = (2025 − 2024) ÷ 2024 × 100, negative for a fall (before: left unchecked)
  const change = (hoaPhu: string): Omit<SheetPlan, 'name'> => ({
    title: [],
    header: [
      ['STT', 'Đơn vị', 'Số hộ nghèo', null, 'Tăng/giảm (%)'],
      [null, null, 'Năm 2024', 'Năm 2025', null],
    ],
    headerMerges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2'],
    body: [
      ['1', 'Xã An Bình', '96', '78', '-18,75'],
      ['2', 'Xã Tân Lập', '120', '101', '-15,83'],
      ['3', 'Xã Hòa Phú', '64', '50', hoaPhu],
      ['4', 'Thị trấn Cầu Gồ', '41', '33', '-19,51'],
      [null, 'Toàn huyện', '321', '262', '-18,38'],
    ],
  });

  it('“Tăng/giảm (%)”: -23,88 typed for -21,88 found at its cell, none on the twin', async () => {
    expect(await findingsOf(await sheet(change('-21,88')))).toEqual([]);
    expect(await findingsOf(await sheet(change('-23,88')))).toEqual(['rate-mismatch @5:5 -23,88']);
    const run = await reconcileFileIn(tempDir(), 'tang-giam.xlsx', await sheet(change('-23,88')));
    expect(run.out).toContain('Tăng/giảm (%) = (Năm 2025 − Năm 2024) ÷ Năm 2024 × 100');
    expect(run.out).toContain('Xã Hòa Phú · Tăng/giảm (%): printed -23,88, expected -21,88 ((50 − 64) ÷ 64 × 100');
  });

  // a budget by source in triệu đồng with three decimals, “Trong đó” over “Vốn đầu tư phát triển | Vốn sự nghiệp”, and
  // “Tỷ lệ (%)” each source's share of “Tổng cộng” (100,00 there) (before: the shares left unchecked)
  const budget = (tinh: string, tinhShare: string): Omit<SheetPlan, 'name'> => ({
    title: ['ĐVT: triệu đồng'],
    header: [
      ['STT', 'Nguồn vốn', 'Tổng cộng', 'Trong đó', null, 'Tỷ lệ (%)'],
      [null, null, null, 'Vốn đầu tư phát triển', 'Vốn sự nghiệp', null],
    ],
    headerMerges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2'],
    body: [
      [null, 'Tổng cộng', '22.088,819', '15.147,053', '6.941,766', '100,00'],
      ['1', 'Ngân sách trung ương', '16.913,569', '12.345,678', '4.567,891', '76,57'],
      ['2', 'Ngân sách tỉnh', tinh, '2.345,250', '1.234,500', tinhShare],
      ['3', 'Ngân sách huyện', '1.245,500', '456,125', '789,375', '5,64'],
      ['4', 'Vốn huy động hợp pháp khác', '350,000', '-', '350,000', '1,58'],
    ],
  });

  it('a source’s share: 16,12 typed for 16,21 found at its cell, a wrong amount at its own cell, none on the twin', async () => {
    expect(await findingsOf(await sheet(budget('3.579,750', '16,21')))).toEqual([]);
    expect(await findingsOf(await sheet(budget('3.579,750', '16,12')))).toEqual(['rate-mismatch @6:6 16,12']);
    expect(await findingsOf(await sheet(budget('3.588,750', '16,21')))).toEqual(['sum-mismatch @6:3 3.588,750']);
    const run = await reconcileFileIn(tempDir(), 'nguon-von.xlsx', await sheet(budget('3.579,750', '16,12')));
    expect(run.out).toContain('Tỷ lệ (%) = Tổng cộng ÷ Tổng cộng of Tổng cộng × 100 (a share of the total');
    expect(run.out).toContain('Ngân sách tỉnh · Tỷ lệ (%): printed 16,12, expected 16,21');
  });

  it('the same budget in a Word plan, “ĐVT: triệu đồng” above it and “Trong đó” spanning two columns: the share found at its cell', async () => {
    const word = async (tinhShare: string): Promise<string[]> => {
      const header: WordRow[] = [
        { cells: [{ text: 'STT', vmerge: 'restart' }, { text: 'Nguồn vốn', vmerge: 'restart' }, { text: 'Tổng cộng', vmerge: 'restart' }, { text: 'Trong đó', span: 2 }, { text: 'Tỷ lệ (%)', vmerge: 'restart' }] },
        { cells: [{ text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, 'Vốn đầu tư phát triển', 'Vốn sự nghiệp', { text: '', vmerge: 'continue' }] },
      ];
      const body = budget('3.579,750', tinhShare).body.map((r) => ({ cells: r.map((c) => (c === null ? '' : String(c))) }));
      return checkDocument(readDocxDocument(await wordPlan([{ p: 'Biểu 3. Nguồn vốn thực hiện Chương trình năm 2025' }, { p: 'ĐVT: triệu đồng', right: true }, { table: [...header, ...body] }]))).findings.map(brief);
    };
    expect(await word('16,21')).toEqual([]);
    expect(await word('16,12')).toEqual(['rate-mismatch @5:6 16,12']);
  });
});

describe('shapes read as printed before: three header rows, plan and result', () => {
  // “Năm 2025” over “Kế hoạch | Thực hiện”, each over “Số hộ nghèo | Tỷ lệ (%)”
  const three = (rate: string): Omit<SheetPlan, 'name'> => ({
    title: [],
    header: [
      ['STT', 'Đơn vị', 'Tổng số hộ', 'Năm 2025', null, null, null],
      [null, null, null, 'Kế hoạch', null, 'Thực hiện', null],
      [null, null, null, 'Số hộ nghèo', 'Tỷ lệ (%)', 'Số hộ nghèo', 'Tỷ lệ (%)'],
    ],
    headerMerges: ['A1:A3', 'B1:B3', 'C1:C3', 'D1:G1', 'D2:E2', 'F2:G2'],
    body: [
      ['1', 'Xã An Bình', '2.140', '96', '4,49', '88', '4,11'],
      ['2', 'Xã Tân Lập', '1.875', '120', '6,40', '101', rate],
      ['3', 'Xã Hòa Phú', '2.410', '64', '2,66', '70', '2,90'],
      ['4', 'Thị trấn Cầu Gồ', '3.050', '41', '1,34', '37', '1,21'],
      [null, 'Toàn huyện', '9.475', '321', '3,39', '296', '3,12'],
    ],
  });

  it('three header rows: 5,93 typed for 5,39 found at its cell, none on the twin', async () => {
    expect(await findingsOf(await sheet(three('5,39')))).toEqual([]);
    expect(await findingsOf(await sheet(three('5,93')))).toEqual(['rate-mismatch @5:7 5,93']);
  });

  it('plan, result and “Tỷ lệ đạt (%)”: a result typed 26 for 28 found at the result (the total and the rate agree on 28)', async () => {
    expect(await findingsOf(await sheet(achievedPlan('28', '93,33', true)))).toEqual([]);
    expect(await findingsOf(await sheet(achievedPlan('26', '93,33', true)))).toEqual(['sum-mismatch @4:4 26']);
  });
});

describe('a rate that is the only relation reading its count and base', () => {
  // “Kế hoạch | Thực hiện | Tỷ lệ đạt (%)” with no total row: a wrong rate and a wrong result look alike — the finding
  // stays at the rate (no guess) and says which cells could be wrong, and the count that would give the rate
  it('says the result or the plan may be the wrong figure, and which result gives the printed rate; none on the twin', async () => {
    expect(await findingsOf(await sheet(achievedPlan('28', '93,33', false)))).toEqual([]);
    const doc = checkDocument(await readXlsxDocument(await sheet(achievedPlan('26', '93,33', false))));
    expect(doc.findings.map(brief)).toEqual(['rate-mismatch @4:5 93,33']);
    expect(doc.findings[0]!.message).toContain('no sum or other rate of the table checks Thực hiện 26 (28 would give 93,33) or Kế hoạch 30: the rate may be right and one of them wrong');
  });

  it('a rate whose count and base a total row vouches for is the wrong figure: no such words', async () => {
    const run = await reconcileFileIn(tempDir(), 'ty-le-dat.xlsx', await sheet(achievedPlan('28', '96,67', true)));
    expect(run.out).toContain('Xã Tân Lập · Tỷ lệ đạt (%): printed 96,67, expected 93,33');
    expect(run.out).not.toContain('may be right');
  });

  it('a base another rate agrees with is not in doubt: only the count is named', async () => {
    // the near-poor rate of 2023 holds on the same “Tổng số hộ”: the households are vouched for, the poor count is not
    const indicators = await flatSheet(['Chỉ tiêu', 'Năm 2023', 'Năm 2024', 'Năm 2025'], [
      ['Tổng số hộ', '12.710', '12.836', '12.960'],
      ['Số hộ nghèo', '845', '702', '560'],
      ['Tỷ lệ hộ nghèo (%)', '6,56', '5,47', '4,32'],
      ['Số hộ cận nghèo', '760', '698', '640'],
      ['Tỷ lệ hộ cận nghèo (%)', '5,98', '5,44', '4,94'],
    ]);
    const doc = checkDocument(await readXlsxDocument(indicators));
    expect(doc.findings.map(brief)).toEqual(['rate-mismatch @4:2 6,56']);
    expect(doc.findings[0]!.message).toContain('checks Số hộ nghèo 845 (834 would give 6,56): the rate may be right and that figure wrong');
  });
});
