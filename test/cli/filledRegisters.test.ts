/**
 * Registers as users fill them in: a signature block side by side under the households, the
 * short indicator names officials write under “Thiếu hụt các chỉ số”, a register with only some
 * indicator columns, and values that are readable but implausible. Each shape is read exactly
 * or refused naming the row or header; the error-free twins give no finding.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRegisterFile } from '../../src/io/classifyRegisterFile.js';
import { parseCsv } from '../../src/io/csv.js';
import { expectOutcome } from '../hostile/_hostile.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-filled-registers-');
const AS_OF = ['--as-of', '15/10/2024', '--marks'];

type Cell = string | number | null;

async function workbook(name: string, rows: ReadonlyArray<readonly Cell[]>, merges: ReadonlyArray<readonly [number, number, number, number]> = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS hộ');
  for (const r of rows) ws.addRow([...r]);
  for (const [a, b, c, d] of merges) ws.mergeCells(a, b, c, d);
  const path = join(dir(), name);
  await wb.xlsx.writeFile(path);
  return path;
}

function csv(name: string, lines: readonly string[]): string {
  const path = join(dir(), name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

const TITLE: Cell[][] = [['ỦY BAN NHÂN DÂN XÃ TÂN LẬP'], ['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024'], []];
/** Columns A–G, then the 12 indicators of NĐ 07/2021 under one group (H–S), then Ghi chú (T). */
const INDICATORS = ['Việc làm', 'Người phụ thuộc', 'Dinh dưỡng', 'BHYT', 'Trình độ giáo dục của người lớn', 'Tình trạng đi học của trẻ em', 'Chất lượng nhà ở', 'Diện tích nhà ở', 'Nguồn nước sinh hoạt', 'Nhà tiêu hợp vệ sinh', 'Viễn thông', 'Phương tiện phục vụ tiếp cận thông tin'];
function head(indicators: readonly string[] = INDICATORS): Cell[][] {
  return [
    ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Thôn', 'Khu vực', 'Số nhân khẩu', 'Thu nhập của hộ (đồng/tháng)', 'Thiếu hụt các chỉ số', ...indicators.slice(1).map(() => null), 'Ghi chú'],
    [null, null, null, null, null, null, null, ...indicators, null],
  ];
}
const headMerges = (at: number, n = INDICATORS.length): Array<[number, number, number, number]> => [[at, 8, at, 7 + n]];
/** Four households of Tân Lập: marks by indicator position (1-based), as a commune marks them. */
const HOUSEHOLDS: Array<[string, string, number, number, number[]]> = [
  ['TL-001', 'Nguyễn Văn An', 4, 5_400_000, [1, 4, 10]],
  ['TL-002', 'Trần Thị Bình', 3, 5_400_000, [4]],
  ['TL-003', 'Lê Văn Cường', 5, 6_000_000, [1, 7, 10, 12]],
  ['TL-004', 'Điểu Thị Dung', 2, 3_200_000, []],
];
function households(n = INDICATORS.length): Cell[][] {
  return HOUSEHOLDS.map(([id, name, members, income, marks], i) => [i + 1, id, name, 'Thôn 1', 'Nông thôn', members, income, ...Array.from({ length: n }, (_, j) => (marks.includes(j + 1) ? 'x' : null)), null]);
}
const BLANK_TO_H = [null, null, null, null, null, null, null];

function statuses(out: string): string[] {
  const table = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
  const col = table[0]!.findIndex((x) => x.startsWith('Mã phân loại'));
  return table.slice(1).map((r) => r[col]!);
}

/** The deprivations column of a classify output, one cell a household. */
function deprivations(out: string): string[] {
  const table = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
  const col = table[0]!.findIndex((x) => x.startsWith('Các chỉ số thiếu hụt'));
  return table.slice(1).map((r) => r[col]!);
}

describe('a signature block side by side under the households', () => {
  const register = (under: Cell[][]): Cell[][] => [...TITLE, ...head(), ...households(), ['Tổng cộng', null, null, null, null, 14, null], [], ...under];
  const SIGNED: Cell[][] = [
    [null, null, null, null, null, null, null, 'Tân Lập, ngày 15 tháng 10 năm 2024'],
    [null, null, 'Người lập biểu', null, null, null, null, 'TM. UBND XÃ'],
    [null, null, null, null, null, null, null, 'KT. CHỦ TỊCH'],
    [null, null, '(Ký, ghi rõ họ tên)', null, null, null, null, '(Ký tên, đóng dấu)'],
    [],
    [null, null, 'Nguyễn Thị Hoa', null, null, null, null, 'Phạm Văn Minh'],
  ];

  it('is skipped with a note naming its rows; the households are those of the unsigned register (exit 0)', async () => {
    const plainOut = join(dir(), 'khong-ky.csv');
    await expectOutcome(['classify', await workbook('khong-ky.xlsx', register([]), headMerges(4)), ...AS_OF, '--out', plainOut], { code: 0 });
    const out = join(dir(), 'co-ky.csv');
    const run = await expectOutcome(['classify', await workbook('co-ky.xlsx', register(SIGNED), headMerges(4)), ...AS_OF, '--out', out], {
      code: 0,
      mentions: ['co-ky.xlsx: rows 12–15, 17 are a signature block (“Tân Lập, ngày 15 tháng 10 năm 2024”, “Người lập biểu”, “TM. UBND XÃ”, “KT. CHỦ TỊCH”, the signers’ names), not households: skipped'],
    });
    expect(run.out).toContain('4 households classified');
    expect(run.out).toContain('row 13 signature “Người lập biểu”');
    expect(statuses(out)).toEqual(statuses(plainOut));
    expect(statuses(out)).toEqual(['poor', 'average', 'poor', 'average']);
  });

  it('in a CSV register too (the rows read from bytes)', async () => {
    const header = 'Mã hộ,Họ và tên chủ hộ,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng),Thiếu hụt: việc làm,Thiếu hụt: BHYT';
    const file = csv('ky.csv', [header, 'H1,Nguyễn Văn An,Nông thôn,4,40000000,x,x', 'H2,Trần Thị Bình,Nông thôn,3,40000000,,x', ',,,,,,', ',Người lập biểu,,,,KT. CHỦ TỊCH,', ',Nguyễn Thị Hoa,,,,Phạm Văn Minh,']);
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'ky-kq.csv')], { code: 0, mentions: ['rows 5–6 are a signature block (“Người lập biểu”, “KT. CHỦ TỊCH”, the signers’ names)'] });
    expect(run.out).toContain('2 households classified');
  });

  it('a row with a signature’s words beside a mark or an income is refused, named as a possible signature row', async () => {
    const file = await workbook('lan.xlsx', register([[null, null, 'Người lập biểu', null, null, null, null, 'x']]), headMerges(4));
    await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'lan-kq.csv')], { code: 2, mentions: ['row 12', 'row 12 may be a signature row (“Người lập biểu”), but it also holds other values, so it is not skipped'] });
    const income = await workbook('lan2.xlsx', register([[null, 'TL-005', 'Người lập biểu', null, 'Nông thôn', 3, 2_000_000]]), headMerges(4));
    // a household id and an income: a household, read as one (the name column may hold any words)
    const run = await expectOutcome(['classify', income, ...AS_OF, '--out', join(dir(), 'lan2-kq.csv')], { code: 0 });
    expect(run.out).toContain('5 households classified');
  });

  it('a signer’s name under a signature printed in the Mã hộ column is the block’s (before: refused as a household)', async () => {
    const under: Cell[][] = [
      [null, 'Người lập biểu', null, null, null, null, null, 'TM. UBND XÃ'],
      [null, '(Ký, ghi rõ họ tên)', null, null, null, null, null, '(Ký tên, đóng dấu)'],
      [],
      [null, 'Nguyễn Thị Hoa', null, null, null, null, null, 'Phạm Văn Minh'],
    ];
    const run = await expectOutcome(['classify', await workbook('ky-ma-ho.xlsx', register(under), headMerges(4)), ...AS_OF, '--out', join(dir(), 'ky-ma-ho-kq.csv')], {
      code: 0,
      mentions: ['ky-ma-ho.xlsx: rows 12–13, 15 are a signature block (“Người lập biểu”, “TM. UBND XÃ”, “(Ký, ghi rõ họ tên)”, “(Ký tên, đóng dấu)”, the signers’ names), not households: skipped'],
    });
    expect(run.out).toContain('4 households classified');
  });

  it('the twins: a name in the Mã hộ column under a signature printed elsewhere, or with figures beside it, is still refused as a household', async () => {
    const elsewhere: Cell[][] = [[null, null, 'Người lập biểu', null, null, null, null, 'TM. UBND XÃ'], [null, 'Nguyễn Thị Hoa', null, null, null, null, null, 'Phạm Văn Minh']];
    await expectOutcome(['classify', await workbook('ky-khac.xlsx', register(elsewhere), headMerges(4)), ...AS_OF, '--out', join(dir(), 'ky-khac-kq.csv')], { code: 2, mentions: ['row 13'] });
    const figures: Cell[][] = [[null, 'Người lập biểu', null, null, null, null, null, 'TM. UBND XÃ'], [null, 'Nguyễn Thị Hoa', null, null, 'Nông thôn', 3, null, 'Phạm Văn Minh']];
    await expectOutcome(['classify', await workbook('ky-so.xlsx', register(figures), headMerges(4)), ...AS_OF, '--out', join(dir(), 'ky-so-kq.csv')], { code: 2, mentions: ['row 13'] });
  });

  it('names with no signature above them are not a signature block: a row with no id is still refused', async () => {
    const file = await workbook('ten.xlsx', register([[null, null, 'Nguyễn Thị Hoa', null, null, null, null, 'Phạm Văn Minh']]), headMerges(4));
    await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'ten-kq.csv')], { code: 2, mentions: ['row 12'] });
  });

  it('a household after the signature block is read, and the names under the block stop at it', async () => {
    const rows = register([[null, null, 'Người lập biểu', null, null, null, null, 'TM. UBND XÃ'], [5, 'TL-005', 'Hồ Văn Em', 'Thôn 1', 'Nông thôn', 2, 1_000_000, 'x', 'x', 'x'], [null, null, 'Nguyễn Thị Hoa', null, null, null, null, 'Phạm Văn Minh']]);
    await expectOutcome(['classify', await workbook('sau.xlsx', rows, headMerges(4)), ...AS_OF, '--out', join(dir(), 'sau-kq.csv')], { code: 2, mentions: ['row 14'] });
  });
});

describe('short indicator names under “Thiếu hụt các chỉ số”', () => {
  /** The 12 indicators of NĐ 07/2021 with some named as `names` gives; households of 4 at 1.200.000 đồng a person a month, rural, marked at the positions given. */
  const rows = (rename: Readonly<Record<number, string>>, marks: ReadonlyArray<readonly number[]>): Cell[][] => {
    const names = INDICATORS.map((n, i) => rename[i + 1] ?? n);
    const h = head(names);
    return [...TITLE, [...h[0]!.slice(0, 6), 'Thu nhập bình quân (đồng/người/tháng)', ...h[0]!.slice(7)], h[1]!, ...marks.map((m, i) => [i + 1, `TL-00${i + 1}`, 'Nguyễn Văn An', 'Thôn 1', 'Nông thôn', 4, 1_200_000, ...names.map((_, j) => (m.includes(j + 1) ? 'x' : null))])];
  };

  it('“Đi học”, “Phương tiện thông tin” (one indicator each under NĐ 07/2021) are read as their indicators; the statuses are those of the full names', async () => {
    const marks = [[1, 6, 12], [1, 12]];
    const fullOut = join(dir(), 'du.csv');
    const shortOut = join(dir(), 'ngan.csv');
    await expectOutcome(['classify', await workbook('du.xlsx', rows({}, marks), headMerges(4)), ...AS_OF, '--out', fullOut], { code: 0 });
    await expectOutcome(['classify', await workbook('ngan.xlsx', rows({ 6: 'Đi học', 12: 'Phương tiện thông tin' }, marks), headMerges(4)), ...AS_OF, '--out', shortOut], { code: 0 });
    expect(statuses(shortOut)).toEqual(['poor', 'near-poor']);
    expect(statuses(shortOut)).toEqual(statuses(fullOut));
    expect(deprivations(shortOut)[0]).toBe('việc làm; tình trạng đi học của trẻ em; phương tiện phục vụ tiếp cận thông tin');
  });

  it('“Tiếp cận thông tin” beside “Viễn thông” is the other information indicator, said in a note', async () => {
    const out = join(dir(), 'tt.csv');
    await expectOutcome(['classify', await workbook('tt.xlsx', rows({ 12: 'Tiếp cận thông tin' }, [[1, 12], [1, 11, 12]]), headMerges(4)), ...AS_OF, '--out', out], {
      code: 0,
      mentions: ['row 4: column 19 (Thiếu hụt: Tiếp cận thông tin) is read as “phương tiện phục vụ tiếp cận thông tin” (information-devices): of the nd-07-2021 indicators it may name, the other has a column of its own (“sử dụng dịch vụ viễn thông” (telecom) in column 18)'],
    });
    expect(deprivations(out)[0]).toBe('việc làm; phương tiện phục vụ tiếp cận thông tin');
    expect(statuses(out)).toEqual(['near-poor', 'poor']);
  });

  it('“Thông tin” alone (telecom or information devices under NĐ 07/2021) is refused naming both, never guessed', async () => {
    const names = [...INDICATORS.slice(0, 10), 'Thông tin'];
    const h = head(names);
    const file = await workbook('thong-tin.xlsx', [...TITLE, ...h, [1, 'TL-001', 'Nguyễn Văn An', 'Thôn 1', 'Nông thôn', 4, 5_000_000, 'x']], headMerges(4, names.length));
    await expectOutcome(['classify', file, ...AS_OF], {
      code: 2,
      mentions: ['thong-tin.xlsx, row 4: column 18 (Thiếu hụt: Thông tin) may name any of nd-07-2021\'s indicators “sử dụng dịch vụ viễn thông” (telecom), “phương tiện phục vụ tiếp cận thông tin” (information-devices): head it with the indicator it is'],
    });
  });

  it('under QĐ 59/2015 “Phương tiện thông tin” is its information assets indicator', async () => {
    const file = csv('qd59.csv', ['Mã hộ,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng),Thiếu hụt: BHYT,Thiếu hụt: Phương tiện thông tin', 'H1,Nông thôn,4,2000000,x,x']);
    const out = join(dir(), 'qd59-kq.csv');
    await expectOutcome(['classify', file, '--as-of', '15/10/2019', '--marks', '--out', out], { code: 0 });
    expect(deprivations(out)).toEqual(['bảo hiểm y tế; tài sản phục vụ tiếp cận thông tin']);
  });
});

describe('messages about the register as a whole', () => {
  const HEADER3 = 'Mã hộ,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng),Thiếu hụt: việc làm,Thiếu hụt: BHYT,Thiếu hụt: nhà tiêu hợp vệ sinh';

  it('a register with only some indicator columns says once, about its header, which have none; a household it leaves undecided is named in words, its value not dumped', async () => {
    // H1: 4.800.000 for 4 (1.200.000 a head, under the rural line) with 1 deprivation marked: near-poor or poor by the 9 missing columns; H2 well above the line
    const file = csv('ba-cot.csv', [HEADER3, 'H1,Nông thôn,4,4800000,x,,', 'H2,Nông thôn,4,40000000,x,x,', 'H3,Nông thôn,4,4000000,x,x,x']);
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'ba-cot-kq.csv')], {
      code: 1,
      mentions: [
        'ba-cot.csv, row 1: no column for 9 of nd-07-2021\'s 12 indicators (“người phụ thuộc trong hộ gia đình”, “dinh dưỡng”, “trình độ giáo dục của người lớn”',
        'row 2: deprivations: with 1 known deprivation(s) the household could be near-poor or poor: not known for dependants, nutrition,',
      ],
    });
    expect(run.err.match(/no column for 9/g)).toHaveLength(1);
    expect(run.err).not.toContain('got ["');
    expect(run.out).toContain('2 households classified');
  });

  it('the register with every indicator column gives no such note', async () => {
    const all = INDICATORS.map((n) => `Thiếu hụt: ${n}`).join(',');
    const file = csv('du-cot.csv', [`Mã hộ,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng),${all}`, `H1,Nông thôn,4,4800000,x${','.repeat(11)}`]);
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'du-cot-kq.csv')], { code: 0 });
    expect(run.err).not.toContain('no column for');
  });

  it('a blank income is named by column number and header, in words for the layout: each household’s row, or the first row of a household of member rows', async () => {
    const rows = csv('trong.csv', [HEADER3, 'H1,Nông thôn,4,,x,x,x', 'H2,Nông thôn,4,40000000,x,x,']);
    await expectOutcome(['classify', rows, ...AS_OF], { code: 2, mentions: ['trong.csv, row 2, column 4 (Thu nhập/tháng (đồng)): got "", expected a value on each household\'s row'] });
    const members = csv('thanh-vien.csv', ['Mã hộ,Khu vực,Thu nhập/tháng (đồng),Tuổi', 'H1,Nông thôn,,40', 'H1,Nông thôn,,38']);
    await expectOutcome(['classify', members, ...AS_OF], { code: 2, mentions: ['thanh-vien.csv, row 2, column 3 (Thu nhập/tháng (đồng)): got "", expected a value on the first row of each household'] });
  });
});

describe('summarize --by village', () => {
  it('heads the grouped column “Thôn, ấp (Village)” and names each row “thôn”; the summary still reads back for checking', async () => {
    const file = csv('thon.csv', ['Mã hộ,Thôn,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng),' + INDICATORS.map((n) => `Thiếu hụt: ${n}`).join(','), `H1,Thôn 1,Nông thôn,4,4000000,x,x,x${','.repeat(9)}`, `H2,Thôn 1,Nông thôn,4,40000000${','.repeat(12)}`, `H3,Thôn 2,Nông thôn,4,4000000,x${','.repeat(11)}`]);
    const classified = join(dir(), 'thon-kq.csv');
    await expectOutcome(['classify', file, ...AS_OF, '--out', classified], { code: 0 });
    const summary = join(dir(), 'thon-th.csv');
    await expectOutcome(['summarize', classified, '--by', 'village', '--out', summary, '--numbers', 'plain'], { code: 0 });
    const table = parseCsv(readFileSync(summary, 'utf8').replace(/^\uFEFF/, ''));
    expect(table[0]!.slice(0, 2)).toEqual(['Cấp (Level)', 'Thôn, ấp (Village)']);
    expect(table.slice(1).map((r) => r.slice(0, 2))).toEqual([['thôn', 'Thôn 1'], ['thôn', 'Thôn 2'], ['tổng', 'Tổng cộng']]);
    const check = await expectOutcome(['reconcile', summary, '--layout', 'area-summary', '--delimiter', ','], { code: 0 });
    expect(check.out).toContain('everything reconciles');
  });

  it('by unit code the column stays “Mã đơn vị (Unit code)”, each row “đơn vị”', async () => {
    const file = csv('ma.csv', ['Mã hộ,Mã đơn vị,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng)', 'H1,30316,Nông thôn,4,40000000']);
    const classified = join(dir(), 'ma-kq.csv');
    await expectOutcome(['classify', file, ...AS_OF, '--out', classified], { code: 0 });
    const summary = join(dir(), 'ma-th.csv');
    await expectOutcome(['summarize', classified, '--by', 'unit', '--out', summary], { code: 0 });
    const table = parseCsv(readFileSync(summary, 'utf8').replace(/^\uFEFF/, ''));
    expect(table[0]!.slice(0, 2)).toEqual(['Cấp (Level)', 'Mã đơn vị (Unit code)']);
    expect(table[1]!.slice(0, 2)).toEqual(['đơn vị', '30316']);
  });
});

describe('implausible figures, read as written', () => {
  const header = `Mã hộ,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng),${INDICATORS.map((n) => `Thiếu hụt: ${n}`).join(',')}`;
  const line = (id: string, members: number | string, income: string, marks: number): string => `${id},Nông thôn,${members},${income},${Array.from({ length: 12 }, (_, j) => (j < marks ? 'x' : '')).join(',')}`;

  it('250 members, and incomes of 100 and 4.500 đồng a month, are said once per column naming the rows; every status is as the figures give it', async () => {
    const file = csv('la.csv', [header, line('H1', 250, '400.000.000', 0), line('H2', 4, '100', 3), line('H3', 4, '4.500', 1), line('H4', 4, '6.000.000', 0), line('H5', 3, '4.500', 0)]);
    const out = join(dir(), 'la-kq.csv');
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', out], {
      code: 0,
      mentions: [
        'la.csv, column 3 (Số nhân khẩu): 1 household of more than 50 members (row 2: 250), read as written, no status changed',
        'la.csv, column 4 (Thu nhập/tháng (đồng)): 3 households with an income under 10.000 đồng a person a month (row 3: 100 đồng a month for the household, row 4: 4.500 đồng a month for the household, row 6: 4.500 đồng a month for the household), read as written',
        'name the unit in its header (“Thu nhập/tháng (nghìn đồng)”)',
      ],
    });
    expect(run.err.match(/more than 50 members/g)).toHaveLength(1);
    expect(run.err.match(/under 10\.000 đồng/g)).toHaveLength(1);
    // 400.000.000 for 250 is 1.600.000 a head: above the rural line (1.500.000), under 2.250.000; H4 at the line, 0 deprivations: near-poor
    expect(statuses(out)).toEqual(['average', 'poor', 'near-poor', 'near-poor', 'near-poor']);
  });

  it('the same register with plausible figures gives no such note', async () => {
    const file = csv('hop-ly.csv', [header, line('H1', 5, '8.000.000', 0), line('H2', 4, '1.000.000', 3), line('H3', 1, '10.000', 1)]);
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'hop-ly-kq.csv')], { code: 0 });
    expect(run.err).not.toMatch(/more than 50 members|đồng a person a month/);
  });

  it('a bound that is not a number is refused naming the option', async () => {
    const file = csv('bien.csv', [header, line('H1', 5, '8.000.000', 0)]);
    await expect(classifyRegisterFile(file, { asOf: '2024-10-15', marks: true, plausibleBounds: { maxMembers: Number.NaN } })).rejects.toThrow(/plausibleBounds\.maxMembers/);
  });

  describe('properties', () => {
    it('the bounds never change a status: every figure noted (bounds tight) gives the statuses of none noted (bounds loose)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 0, max: 12 })), { minLength: 1, maxLength: 12 }), async (households) => {
          const file = csv('tinh-chat.csv', [header, ...households.map(([m, income, marks], i) => line(`H${i + 1}`, m, String(income), marks))]);
          const run = async (plausibleBounds: { maxMembers: number; minDongFigure: number }): Promise<{ statuses: string[]; notes: string[] }> => {
            const statuses: string[] = [];
            const notes: string[] = [];
            await classifyRegisterFile(file, { asOf: '2024-10-15', marks: true, plausibleBounds, onHousehold: (h) => statuses.push(h.classification.status), onNote: (n) => notes.push(n) });
            return { statuses, notes };
          };
          const tight = await run({ maxMembers: 1, minDongFigure: 1e12 });
          const loose = await run({ maxMembers: 1e6, minDongFigure: 0 });
          expect(tight.statuses).toEqual(loose.statuses);
          expect(loose.notes.filter((n) => /more than|a person a month/.test(n))).toEqual([]);
          if (households.some(([m]) => m > 1)) expect(tight.notes.some((n) => /more than 1 members/.test(n))).toBe(true);
        }),
        { numRuns: 25 },
      );
    });
  });
});

describe('where the run summary and the notes go', () => {
  const header = `Mã hộ,Thôn,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng),${INDICATORS.map((n) => `Thiếu hụt: ${n}`).join(',')}`;
  const lines = [header, `H1,Thôn 1,Nông thôn,250,400000000${','.repeat(12)}`, `H2,Thôn 1,Nông thôn,4,4500,x,x,x${','.repeat(9)}`, `,Người lập biểu,,,,KT. CHỦ TỊCH${','.repeat(11)}`];

  it('with --out, the run summary is on stdout and every note on stderr', async () => {
    const run = await expectOutcome(['classify', csv('tom-tat.csv', lines), ...AS_OF, '--out', join(dir(), 'tom-tat-kq.csv')], { code: 0 });
    expect(run.out).toContain('2 households classified');
    expect(run.out).not.toMatch(/more than 50 members|a person a month|signature block/);
    expect(run.err).toMatch(/more than 50 members/);
    expect(run.err).toMatch(/a person a month/);
    expect(run.err).toMatch(/signature block/);
  });

  it('without --out, stdout is the table alone (CSV), the summary and the notes on stderr', async () => {
    const run = await expectOutcome(['classify', csv('tom-tat2.csv', lines), ...AS_OF, '--headers', 'en'], { code: 0 });
    const table = parseCsv(run.out);
    expect(table[0]![0]).toBe('Household id');
    expect(table.slice(1).filter((r) => r.length > 1).map((r) => r[0])).toEqual(['H1', 'H2']);
    expect(run.out).not.toContain('vn-poverty');
    expect(run.err).toContain('2 households classified');
    expect(run.err).toMatch(/more than 50 members/);
    const classified = join(dir(), 'tom-tat2-kq.csv');
    writeFileSync(classified, run.out);
    const summary = await expectOutcome(['summarize', classified, '--by', 'village'], { code: 0 });
    expect(summary.out).not.toContain('vn-poverty');
    expect(summary.err).toContain('2 households in 1 village(s)');
  });
});

describe('a register of one row per member', () => {
  /** Two households of Tân Lập, one row per member, the household's marks repeated on each of its rows. */
  const members = (school: string, devices: string): string[] => [
    `Mã hộ,Họ và tên,Khu vực,Thu nhập/tháng (đồng),Tuổi,Thiếu hụt: việc làm,Thiếu hụt: BHYT,Thiếu hụt: ${school},Thiếu hụt: ${devices}`,
    'TL-001,Nguyễn Văn An,Nông thôn,4000000,40,x,x,x,x',
    'TL-001,Lê Thị Hoa,Nông thôn,4000000,38,x,x,x,x',
    'TL-001,Nguyễn Văn Bảo,Nông thôn,4000000,12,x,x,x,x',
    'TL-002,Trần Thị Bình,Nông thôn,3000000,50,,x,,',
  ];

  it('“Đi học”, “Phương tiện thông tin” are read as their indicators, as on a register of one row per household', async () => {
    const fullOut = join(dir(), 'tv-du.csv');
    const shortOut = join(dir(), 'tv-ngan.csv');
    await expectOutcome(['classify', csv('tv-du.csv', members('Tình trạng đi học của trẻ em', 'Phương tiện phục vụ tiếp cận thông tin')), ...AS_OF, '--out', fullOut], { code: 0 });
    await expectOutcome(['classify', csv('tv-ngan.csv', members('Đi học', 'Phương tiện thông tin')), ...AS_OF, '--out', shortOut], { code: 0 });
    expect(deprivations(shortOut)[0]).toBe('việc làm; bảo hiểm y tế; tình trạng đi học của trẻ em; phương tiện phục vụ tiếp cận thông tin');
    expect(deprivations(shortOut)).toEqual(deprivations(fullOut));
    expect(statuses(shortOut)).toEqual(statuses(fullOut));
  });

  it('a signature block side by side under the member rows is skipped with a note naming its rows; the households are those of the unsigned register', async () => {
    const rows = members('Đi học', 'Phương tiện phục vụ tiếp cận thông tin');
    const plainOut = join(dir(), 'tv-khong-ky.csv');
    const out = join(dir(), 'tv-ky.csv');
    await expectOutcome(['classify', csv('tv-khong-ky.csv', rows), ...AS_OF, '--out', plainOut], { code: 0 });
    const signed = [...rows, ',,,,,,,,', ',,,,,"Tân Lập, ngày 15 tháng 10 năm 2024",,,', ',Người lập biểu,,,,TM. UBND XÃ,,,', ',Nguyễn Thị Hoa,,,,Phạm Văn Minh,,,'];
    const run = await expectOutcome(['classify', csv('tv-ky.csv', signed), ...AS_OF, '--out', out], {
      code: 0,
      mentions: ['tv-ky.csv: rows 7–9 are a signature block (“Tân Lập, ngày 15 tháng 10 năm 2024”, “Người lập biểu”, “TM. UBND XÃ”, the signers’ names), not households: skipped'],
    });
    expect(run.out).toContain('2 households classified');
    expect(statuses(out)).toEqual(statuses(plainOut));
  });

  it('a member row with a signer’s title beside a mark is still refused naming its row', async () => {
    const rows = [...members('Đi học', 'Phương tiện thông tin'), ',Người lập biểu,,,,x,,,'];
    await expectOutcome(['classify', csv('tv-lan.csv', rows), ...AS_OF, '--out', join(dir(), 'tv-lan-kq.csv')], { code: 2, mentions: ['row 6'] });
  });
});
