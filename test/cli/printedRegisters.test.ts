/**
 * Registers as communes print and send them (test/fixtures/registers/README.md): a title block,
 * a header on two rows with merged groups, a row of column numbers, village headings, subtotal
 * and totals rows, the header repeated on each printed page, numbers stored as text. Each shape
 * is read exactly or refused naming row and column; a totals row that does not add up is a
 * finding; the error-free twins give no finding.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv.js';
import { readRegisterBatches, type SkippedRegisterRow } from '../../src/io/readRegisterBatches.js';
import { expectOutcome } from '../hostile/_hostile.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-printed-registers-');
const FIXTURES = join(import.meta.dirname, '../fixtures/registers');
const AS_OF = ['--as-of', '15/10/2024', '--marks'];

type Cell = string | number | null;

/** A sheet as a commune prints it: rows, and merged ranges as [row1, col1, row2, col2] (1-based). */
async function workbook(path: string, rows: ReadonlyArray<readonly Cell[]>, merges: ReadonlyArray<readonly [number, number, number, number]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow([...r]);
  for (const [a, b, c, d] of merges) ws.mergeCells(a, b, c, d);
  await wb.xlsx.writeFile(path);
  return path;
}

const N = 12;
const TITLE: Cell[][] = [['ỦY BAN NHÂN DÂN XÃ TÂN LẬP', null, null, null, null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024'], ['Xã Tân Lập, huyện Đồng Phú, tỉnh Bình Phước'], []];
const HEAD: Cell[][] = [
  ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Thôn', 'Khu vực', 'Số nhân khẩu', 'Thu nhập bình quân', 'Thiếu hụt các chỉ số', null, null, null, 'Ghi chú'],
  [null, null, null, null, null, null, 'đồng/người/tháng', 'Việc làm', 'BHYT', 'Chất lượng nhà ở', 'Nhà tiêu hợp vệ sinh', null],
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
];
/** Merges of the title and of a header whose first row is `at`. */
const headMerges = (at: number): Array<[number, number, number, number]> => [...[1, 2, 3, 4, 5, 6, 12].map((c) => [at, c, at + 1, c] as [number, number, number, number]), [at, 8, at, 11]];
const TITLE_MERGES: Array<[number, number, number, number]> = [[1, 1, 1, 8], [1, 9, 1, N], [2, 1, 2, N], [3, 1, 3, N]];

const village1: Cell[][] = [
  [1, 'TL-001', 'Nguyễn Văn An', 'Thôn 1', 'Nông thôn', 4, 1350000, 'x', 'x', null, 'x', null],
  [2, 'TL-002', 'Trần Thị Bình', 'Thôn 1', 'Nông thôn', '3', '1.800.000', null, 'x', 'x', 'x', 'số liệu nhập dạng chữ'],
];
const village2: Cell[][] = [
  [3, 'TL-003', 'Lê Văn Cường', 'Thôn 2', 'Nông thôn', 5, 1200000, 'x', null, 'x', 'x', null],
  [4, 'TL-004', 'Điểu Thị Dung', 'Thôn 2', 'Nông thôn', 2, '1.600.000', null, 'x', 'x', null, null],
];

/** The Tân Lập list: title, two-row header, column numbers, a heading and a subtotal per village, the total; `change` plants an error. */
function tanLap(change: (rows: Cell[][]) => void = () => {}): Cell[][] {
  const rows: Cell[][] = [
    ...TITLE,
    ...HEAD,
    ['Thôn 1'],
    ...village1,
    ['Cộng thôn 1', null, null, null, null, 7, null, 1, 2, 1, 2, null],
    [],
    ['Thôn 2'],
    ...village2,
    ['Cộng thôn 2', null, null, null, null, 7, null, 1, 1, 2, 1, null],
    ['Tổng cộng', null, null, null, null, 14, null, 2, 3, 3, 3, null],
  ].map((r) => [...r]);
  change(rows);
  return rows;
}

/** A CSV file of these lines (CRLF) in a fresh directory. */
function write(name: string, lines: readonly string[]): string {
  const path = join(dir(), name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

function rowOf(rows: Cell[][], first: string): Cell[] {
  const r = rows.find((x) => x[0] === first);
  if (r === undefined) throw new Error(`no row ${first}`);
  return r;
}

describe('a register printed by a commune (XLSX: title, two-row header, column numbers, villages, subtotals)', () => {
  it('the error-free list is read exactly: 4 households, income per person × members, every non-household row named; no finding', async () => {
    const file = await workbook(join(dir(), 'tan-lap.xlsx'), tanLap(), [...TITLE_MERGES, ...headMerges(5)]);
    const out = join(dir(), 'ket-qua.csv');
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', out, '--numbers', 'plain'], { code: 0 });
    expect(run.out).toContain('4 households classified');
    expect(run.out).toContain('income read from column 7 “Thu nhập bình quân (đồng/người/tháng)”: đồng per month per person, converted to đồng per month for the household (× members, exactly)');
    expect(run.out).toContain('header on rows 5–6 (a group row over its columns), rows 1–4 above it its title; 6 row(s) read as not households: row 7 column numbers, row 8 heading “Thôn 1”, row 11 totals “Cộng thôn 1”, row 13 heading “Thôn 2”, row 16 totals “Cộng thôn 2”, row 17 totals “Tổng cộng”');
    expect(run.err).not.toContain('totals:');
    const table = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    const h = table[0]!;
    const col = (name: string): number => h.findIndex((x) => x.startsWith(name));
    const ids = table.slice(1).map((r) => r[col('Mã hộ')]);
    expect(ids).toEqual(['TL-001', 'TL-002', 'TL-003', 'TL-004']);
    // 1.350.000 đồng per person × 4 members; the text cells '3' and '1.800.000' read as numbers
    expect(table.slice(1).map((r) => r[col('Thu nhập/tháng (đồng)')])).toEqual(['5400000', '5400000', '6000000', '3200000']);
    // BHYT under the group is the health-insurance flag
    expect(table[1]![col('Các chỉ số thiếu hụt')]).toBe('việc làm; bảo hiểm y tế; nhà tiêu hợp vệ sinh');
    expect(table.slice(1).map((r) => r[col('Mã phân loại')])).toEqual(['poor', 'average', 'poor', 'average']);
  });

  it('classify → summarize --by village → reconcile --layout area-summary: the villages’ counts add up, and reconcile finds nothing', async () => {
    const file = await workbook(join(dir(), 'tan-lap.xlsx'), tanLap(), [...TITLE_MERGES, ...headMerges(5)]);
    const classified = join(dir(), 'ket-qua.xlsx');
    await expectOutcome(['classify', file, ...AS_OF, '--out', classified], { code: 0 });
    const summary = join(dir(), 'tong-hop.csv');
    const run = await expectOutcome(['summarize', classified, '--by', 'village', '--out', summary, '--numbers', 'plain'], { code: 0 });
    expect(run.out).toContain('4 households in 2 village(s)');
    const rows = parseCsv(readFileSync(summary, 'utf8').replace(/^\uFEFF/, '')).slice(1);
    // Thôn 1: TL-001 poor, TL-002 average (7 persons); Thôn 2: TL-003 poor, TL-004 average (7 persons)
    expect(rows.map((r) => r.slice(1, 7))).toEqual([
      ['Thôn 1', '', '2', '7', '1', '50.00'],
      ['Thôn 2', '', '2', '7', '1', '50.00'],
      ['Tổng cộng', '', '4', '14', '2', '50.00'],
    ]);
    const check = await expectOutcome(['reconcile', summary, '--layout', 'area-summary', '--delimiter', ','], { code: 0 });
    expect(check.out).toContain('everything reconciles');
  });

  it.each([
    ['the total’s members one too many (14 → 15)', (rows: Cell[][]) => (rowOf(rows, 'Tổng cộng')[5] = 15), 'row 17 (Tổng cộng), column 6 (Số nhân khẩu): printed 15, but the households above add up to 14 members; difference 1'],
    ['a subtotal that omits its last household (7 → 4)', (rows: Cell[][]) => (rowOf(rows, 'Cộng thôn 1')[5] = 4), 'row 11 (Cộng thôn 1), column 6 (Số nhân khẩu): printed 4, but the households above add up to 7 members (rows 9–10); difference -3'],
    ['a mark count transposed (BHYT 3 → 2 in the total)', (rows: Cell[][]) => (rowOf(rows, 'Tổng cộng')[8] = 2), 'row 17 (Tổng cộng), column 9 (Thiếu hụt: BHYT): printed 2, but the households above add up to 3 households marked; difference -1'],
  ])('%s is a finding naming row and column (exit 1); the households are still classified', async (_name, plant, message) => {
    const file = await workbook(join(dir(), 'tan-lap.xlsx'), tanLap(plant), [...TITLE_MERGES, ...headMerges(5)]);
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'ket-qua.csv')], { code: 1, mentions: [message, '1 totals finding(s)'] });
    expect(run.out).toContain('4 households classified');
  });

  it('the header repeated on a second printed page (both rows and the column numbers) is skipped, not read as a household', async () => {
    const rows = tanLap((r) => r.splice(13, 0, ...HEAD.map((x) => [...x])));
    const file = await workbook(join(dir(), 'tan-lap.xlsx'), rows, [...TITLE_MERGES, ...headMerges(5), ...headMerges(14)]);
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'ket-qua.csv')], { code: 0 });
    expect(run.out).toContain('4 households classified');
    expect(run.out).toContain('row 14 header again, row 15 header again, row 16 column numbers');
  });

  it('a column under “Thiếu hụt các chỉ số” that names no indicator is refused naming it (exit 2), never passed through with its marks lost', async () => {
    const file = await workbook(join(dir(), 'tan-lap.xlsx'), tanLap((r) => (r[5]![10] = 'Người cao tuổi')), [...TITLE_MERGES, ...headMerges(5)]);
    await expectOutcome(['classify', file, ...AS_OF], { code: 2, mentions: ['row 5: column 11 (Thiếu hụt: Người cao tuổi) names no indicator of nd-07-2021', '“Thiếu hụt: nhà tiêu hợp vệ sinh”'] });
  });

  it('a household row with its id left blank is still an error naming the row (not skipped as a heading)', async () => {
    const file = await workbook(join(dir(), 'tan-lap.xlsx'), tanLap((r) => (r[9]![1] = null)), [...TITLE_MERGES, ...headMerges(5)]);
    await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'ket-qua.csv')], { code: 2, mentions: ['tan-lap.xlsx, row 10, column 2 (Mã hộ): got "", expected the household id on every row'] });
  });

  it('an income group over a unit that does not say per what (“Thu nhập bình quân” over “đồng/tháng”) is refused naming the header row', async () => {
    const file = await workbook(join(dir(), 'tan-lap.xlsx'), tanLap((r) => (r[5]![6] = 'đồng/tháng')), [...TITLE_MERGES, ...headMerges(5)]);
    await expectOutcome(['classify', file, ...AS_OF], { code: 2, mentions: ['row 5: cannot tell how to read the income', 'Thu nhập bình quân (đồng/tháng)'] });
  });

  it('the library reports every row it does not read, with the totals compared', async () => {
    const file = await workbook(join(dir(), 'tan-lap.xlsx'), tanLap(), [...TITLE_MERGES, ...headMerges(5)]);
    const skipped: SkippedRegisterRow[] = [];
    let households = 0;
    for await (const b of readRegisterBatches(file, { asOf: '2024-10-15', marks: true, onSkippedRow: (r) => skipped.push(r) })) households += b.size;
    expect(households).toBe(4);
    expect(skipped.map((r) => [r.row, r.kind])).toEqual([[7, 'column-numbers'], [8, 'section'], [11, 'totals'], [13, 'section'], [16, 'totals'], [17, 'totals']]);
    const total = skipped.at(-1)!.totals!;
    expect(total.map((c) => [c.column, c.counts, c.printed, c.sinceLast, c.sinceStart, c.ok])).toEqual([
      [6, 'members', 14n, 0n, 14n, true],
      [8, 'households marked', 2n, 0n, 2n, true],
      [9, 'households marked', 3n, 0n, 3n, true],
      [10, 'households marked', 3n, 0n, 3n, true],
      [11, 'households marked', 3n, 0n, 3n, true],
    ]);
  });

  it('a register of one row per member with a two-row header is refused, saying how to write it', async () => {
    const rows: Cell[][] = [
      ['Mã hộ', 'Khu vực', 'Thu nhập', 'Tuổi', 'Thiếu hụt các chỉ số', null],
      [null, null, 'nghìn đồng/tháng', null, 'Việc làm', 'BHYT'],
      ['H1', 'Nông thôn', 4000, 40, 'x', null],
    ];
    const file = await workbook(join(dir(), 'thanh-vien.xlsx'), rows, [[1, 5, 1, 6]]);
    await expectOutcome(['classify', file, ...AS_OF], { code: 2, mentions: ['rows 1 and 2: a header on two rows is read for one row per household only'] });
  });
});

describe('a district’s CSV export (semicolons, title lines, yearly income in nghìn đồng per person)', () => {
  it('the error-free file: incomes converted exactly, the unit and period in the run summary, the total agrees', async () => {
    const file = join(FIXTURES, 'dong-phu-2024.clean.csv');
    const out = join(dir(), 'ket-qua.csv');
    const run = await expectOutcome(['classify', file, '--as-of', '15/10/2024', '--delimiter', ';', '--marks', '--out', out, '--numbers', 'plain'], { code: 0 });
    expect(run.out).toContain('income read from column 6 “Thu nhập bình quân đầu người/năm (nghìn đồng)”: nghìn đồng per year per person, converted to đồng per month for the household (× members, ÷ 12, exactly)');
    expect(run.out).toContain('header on row 4, rows 1–3 above it its title; 3 row(s) read as not households: row 5 column numbers, row 6 heading “Ấp Tân Hòa”, row 12 totals “Tổng cộng”');
    const table = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';' });
    const income = table[0]!.findIndex((x) => x.startsWith('Thu nhập/tháng (đồng)'));
    // 16.200 nghìn đồng a year per person × 4 = 64.800.000 a year = 5.400.000 a month; 18.001 × 3 ÷ 12 = 4.500.250
    expect(table.slice(1).map((r) => r[income])).toEqual(['5400000', '4500250', '6900000', '2000000', '8100000']);
  });

  it('the same file with a transposed digit in the total’s members (17 → 71) is a finding', async () => {
    const file = join(FIXTURES, 'dong-phu-2024.csv');
    await expectOutcome(['classify', file, '--as-of', '15/10/2024', '--delimiter', ';', '--marks', '--out', join(dir(), 'ket-qua.csv')], {
      code: 1,
      mentions: ['row 12 (Tổng cộng), column 5 (Số nhân khẩu): printed 71, but the households above add up to 17 members (rows 7–11); difference 54'],
    });
  });
});

describe('other shapes a register comes in', () => {

  it('a list with STT and no Mã hộ is refused saying STT numbers rows, not households, and what to add', async () => {
    const file = write('stt.csv', ['DANH SÁCH HỘ CẬN NGHÈO NĂM 2024', 'STT,Họ và tên chủ hộ,Thôn,Khu vực,Số nhân khẩu,Tổng thu nhập hộ/năm (triệu đồng)', '1,Nguyễn Văn A,Thôn 1,Nông thôn,4,"54,5"']);
    await expectOutcome(['classify', file, ...AS_OF], { code: 2, mentions: ['stt.csv, row 2: no column “Mã hộ” (Household id), which is required; column 1 (STT) numbers the rows of the list, not the households'] });
  });

  it('“Tổng cộng” written in the id column is a totals row, checked, not a household; a yearly income in triệu đồng with a decimal comma is exact', async () => {
    const file = write('tong.csv', ['Mã hộ,Họ và tên chủ hộ,Khu vực,Số nhân khẩu,Tổng thu nhập hộ/năm (triệu đồng),Thiếu hụt: việc làm', 'H1,Nguyễn Văn A,Nông thôn,4,"97,2",', 'H2,Trần Thị B,Nông thôn,3,72,x', 'Tổng cộng,,,7,"169,2",1']);
    const out = join(dir(), 'ket-qua.csv');
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', out, '--numbers', 'plain'], { code: 0 });
    expect(run.out).toContain('1 row(s) read as not households: row 4 totals “Tổng cộng”');
    const table = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    const income = table[0]!.findIndex((x) => x.startsWith('Thu nhập/tháng (đồng)'));
    expect(table.slice(1).map((r) => r[income])).toEqual(['8100000', '6000000']);
    const planted = write('tong-sai.csv', ['Mã hộ,Họ và tên chủ hộ,Khu vực,Số nhân khẩu,Tổng thu nhập hộ/năm (triệu đồng),Thiếu hụt: việc làm', 'H1,Nguyễn Văn A,Nông thôn,4,"97,2",', 'H2,Trần Thị B,Nông thôn,3,72,x', 'Tổng cộng,,,7,"169,2",2']);
    await expectOutcome(['classify', planted, ...AS_OF], { code: 1, mentions: ['row 4 (Tổng cộng), column 6 (Thiếu hụt: việc làm): printed 2, but the households above add up to 1 households marked (rows 2–3); difference 1'] });
  });

  it('a totals row counts the marks of households read by the record path (a fact given) with those read from their columns', async () => {
    const rows = (total: number): string[] => ['Mã hộ,Khu vực,Tuổi các thành viên,Thu nhập/tháng (đồng),Thiếu hụt: việc làm,Nhà tiêu hợp vệ sinh', 'H1,Nông thôn,40;38;10;8,40000000,x,có', 'H2,Nông thôn,40;38;10,40000000,x,', 'H3,Nông thôn,40;38,40000000,,không', `Tổng cộng,,,,${total},`];
    const run = await expectOutcome(['classify', write('facts.csv', rows(2)), ...AS_OF, '--out', join(dir(), 'ket-qua.csv')], { code: 0 });
    expect(run.err).not.toContain('totals:');
    await expectOutcome(['classify', write('facts-sai.csv', rows(1)), ...AS_OF], { code: 1, mentions: ['row 5 (Tổng cộng), column 5 (Thiếu hụt: việc làm): printed 1, but the households above add up to 2 households marked (rows 2–4); difference -1'] });
  });

  it('a unit on the row under the income header, in brackets, is the income column’s unit', async () => {
    const file = write('don-vi.csv', ['Mã hộ,Khu vực,Số nhân khẩu,Thu nhập bình quân đầu người/tháng,Ghi chú', ',,,(nghìn đồng),', 'H1,Nông thôn,4,"1.600",']);
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', join(dir(), 'ket-qua.csv')], { code: 0 });
    expect(run.out).toContain('income read from column 4 “Thu nhập bình quân đầu người/tháng (nghìn đồng)”: nghìn đồng per month per person');
    expect(run.out).toContain('header on rows 1–2 (a group row over its columns)');
  });
});

describe('properties', () => {
  const header = 'STT;Mã hộ;Thôn;Khu vực;Số nhân khẩu;Thu nhập/tháng (đồng);Thiếu hụt: việc làm;Thiếu hụt: bảo hiểm y tế';
  const household = fc.record({ members: fc.integer({ min: 1, max: 12 }), income: fc.integer({ min: 0, max: 40_000_000 }), work: fc.boolean(), insurance: fc.boolean() });
  const villages = fc.array(fc.array(household, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
  type H = { members: number; income: number; work: boolean; insurance: boolean };
  const line = (h: H, v: number, k: number): string => `${k};V${v}-${k};Thôn ${v};Nông thôn;${h.members};${h.income};${h.work ? 'x' : ''};${h.insurance ? 'x' : ''}`;
  const sum = (hs: readonly H[]): string => `;${hs.reduce((a, h) => a + h.members, 0)};;${hs.filter((h) => h.work).length};${hs.filter((h) => h.insurance).length}`;

  /** The same households plainly, and as a commune prints them: title, column numbers, a heading and a subtotal per village, the total; `off` added to the total's members. */
  function texts(vs: readonly (readonly H[])[], off: number): [string, string] {
    const plain = [header, ...vs.flatMap((hs, v) => hs.map((h, k) => line(h, v + 1, k + 1)))];
    const printed = ['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024;;;;;;;', 'Xã Tân Lập;;;;;;;', header, '1;2;3;4;5;6;7;8'];
    vs.forEach((hs, v) => printed.push(`Thôn ${v + 1};;;;;;;`, ...hs.map((h, k) => line(h, v + 1, k + 1)), `Cộng thôn ${v + 1};;;${sum(hs)}`));
    const all = vs.flat();
    printed.push(`Tổng cộng;;;;${all.reduce((a, h) => a + h.members, 0) + off};;${all.filter((h) => h.work).length};${all.filter((h) => h.insurance).length}`);
    return [plain.join('\n'), printed.join('\n')];
  }

  async function read(text: string): Promise<{ ids: string[]; income: Array<number | bigint>; flags: number[]; findings: number; skipped: number }> {
    const out = { ids: [] as string[], income: [] as Array<number | bigint>, flags: [] as number[], findings: 0, skipped: 0 };
    const onSkippedRow = (r: SkippedRegisterRow): void => {
      out.skipped++;
      out.findings += (r.totals ?? []).filter((c) => !c.ok).length;
    };
    for await (const b of readRegisterBatches(Readable.from([text]), { asOf: '2024-10-15', format: 'csv', delimiter: ';', marks: true, onSkippedRow })) {
      out.ids.push(...b.ids);
      out.income.push(...b.households!.monthlyIncome);
      out.flags.push(...b.households!.flags);
    }
    return out;
  }

  it('a printed register gives the households of the plain one, and its correct totals no finding (no false finding)', async () => {
    await fc.assert(
      fc.asyncProperty(villages, async (vs) => {
        const [plain, printed] = texts(vs, 0);
        const a = await read(plain);
        const b = await read(printed);
        expect(b.ids).toEqual(a.ids);
        expect(b.income).toEqual(a.income);
        expect(b.flags).toEqual(a.flags);
        expect(b.findings).toBe(0);
        expect(b.skipped).toBe(1 + 2 * vs.length + 1);
      }),
    );
  });

  it('a total off by any amount is found (no miss), even one that prints 0 right under the subtotals', async () => {
    await fc.assert(
      fc.asyncProperty(villages, fc.integer({ min: -40, max: 40 }).filter((d) => d !== 0), async (vs, off) => {
        const b = await read(texts(vs, off)[1]);
        expect(b.findings).toBe(1);
      }),
    );
  });
});

describe('indicators grouped under their dimensions (two header rows: the six services merged over their indicators)', () => {
  const DIMENSIONS: Cell[] = ['Việc làm', null, 'Y tế', null, 'Giáo dục', null, 'Nhà ở', null, 'Nước sinh hoạt và vệ sinh', null, 'Thông tin', null];
  const INDICATORS: Cell[] = ['Việc làm', 'Người phụ thuộc trong hộ', 'Dinh dưỡng', 'Bảo hiểm y tế', 'Trình độ giáo dục của người lớn', 'Tình trạng đi học của trẻ em', 'Chất lượng nhà ở', 'Diện tích nhà ở bình quân đầu người', 'Nguồn nước sinh hoạt', 'Nhà tiêu hợp vệ sinh', 'Sử dụng dịch vụ viễn thông', 'Phương tiện phục vụ tiếp cận thông tin'];
  const marks = (...at: number[]): Cell[] => INDICATORS.map((_, k) => (at.includes(k) ? 'x' : null));
  /** The Hòa Bình list: title, the dimensions over the indicators, two households (H01: 1.400.000 a person and 3 marks; H02: 10.000.000 a person, 1 mark). */
  async function hoaBinh(indicators: Cell[] = INDICATORS): Promise<string> {
    const rows: Cell[][] = [
      ['UBND XÃ HÒA BÌNH'],
      ['DANH SÁCH RÀ SOÁT HỘ GIA ĐÌNH NĂM 2024'],
      [],
      ['STT', 'Mã hộ', 'Họ tên chủ hộ', 'Khu vực', 'Số nhân khẩu', 'Thu nhập/tháng (đồng)', ...DIMENSIONS],
      [null, null, null, null, null, null, ...indicators],
      [1, 'H01', 'Hà Văn Thắng', 'Nông thôn', 4, 5600000, ...marks(3, 9, 10)],
      [2, 'H02', 'Lường Thị Mai', 'Nông thôn', 2, 20000000, ...marks(0)],
    ];
    const merges: Array<[number, number, number, number]> = [...[1, 2, 3, 4, 5, 6].map((c) => [4, c, 5, c] as [number, number, number, number]), ...[0, 1, 2, 3, 4, 5].map((k) => [4, 7 + 2 * k, 4, 8 + 2 * k] as [number, number, number, number])];
    return workbook(join(dir(), 'hoa-binh.xlsx'), rows, merges);
  }

  it('each sub-header is read as its indicator: the household with 3 marks under the line is poor, with its 3 deprivations named', async () => {
    const out = join(dir(), 'ket-qua.csv');
    const run = await expectOutcome(['classify', await hoaBinh(), ...AS_OF, '--out', out, '--numbers', 'plain'], { code: 0 });
    expect(run.err).not.toContain('Việc làm: Việc làm');
    expect(run.out).toContain('2 households classified');
    const table = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    const col = (name: string): number => table[0]!.findIndex((x) => x.startsWith(name));
    expect(table.slice(1).map((r) => [r[col('Mã hộ')], r[col('Mã phân loại')], r[col('Số chỉ số thiếu hụt')], r[col('Các chỉ số thiếu hụt')]])).toEqual([
      ['H01', 'poor', '3', 'bảo hiểm y tế; nhà tiêu hợp vệ sinh; sử dụng dịch vụ viễn thông'],
      ['H02', 'non-poor', '1', 'việc làm'],
    ]);
  });

  it('a short name under its dimension (“Phương tiện thông tin” under “Thông tin”) is read as the indicator it names under the standard in force (before: passed through, the indicator missing)', async () => {
    const short = [...INDICATORS];
    short[11] = 'Phương tiện thông tin';
    const out = join(dir(), 'ket-qua-ngan.csv');
    const rows: Cell[][] = [
      ['STT', 'Mã hộ', 'Họ tên chủ hộ', 'Khu vực', 'Số nhân khẩu', 'Thu nhập/tháng (đồng)', ...DIMENSIONS],
      [null, null, null, null, null, null, ...short],
      [1, 'H01', 'Hà Văn Thắng', 'Nông thôn', 4, 5600000, ...marks(3, 9, 11)],
      [2, 'H02', 'Lường Thị Mai', 'Nông thôn', 2, 20000000, ...marks(0)],
    ];
    const merges: Array<[number, number, number, number]> = [...[1, 2, 3, 4, 5, 6].map((c) => [1, c, 2, c] as [number, number, number, number]), ...[0, 1, 2, 3, 4, 5].map((k) => [1, 7 + 2 * k, 1, 8 + 2 * k] as [number, number, number, number])];
    const run = await expectOutcome(['classify', await workbook(join(dir(), 'ngan.xlsx'), rows, merges), ...AS_OF, '--out', out, '--numbers', 'plain'], { code: 0 });
    expect(run.err).not.toContain('Thông tin: Phương tiện thông tin');
    const table = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    const col = (name: string): number => table[0]!.findIndex((x) => x.startsWith(name));
    expect(table.slice(1).map((r) => [r[col('Mã hộ')], r[col('Mã phân loại')], r[col('Các chỉ số thiếu hụt')]])).toEqual([
      ['H01', 'poor', 'bảo hiểm y tế; nhà tiêu hợp vệ sinh; phương tiện phục vụ tiếp cận thông tin'],
      ['H02', 'non-poor', 'việc làm'],
    ]);
  });

  it('an indicator printed under another dimension’s header (Nhà tiêu under Y tế) is refused naming its column (exit 2), never read', async () => {
    const swapped = [...INDICATORS];
    [swapped[3], swapped[9]] = [swapped[9]!, swapped[3]!];
    await expectOutcome(['classify', await hoaBinh(swapped), ...AS_OF], {
      code: 2,
      mentions: ['hoa-binh.xlsx, rows 4–5: column 10 (Thiếu hụt: Nhà tiêu hợp vệ sinh) names the indicator latrine, of the dimension water-sanitation, but is printed under “Y tế” (health)'],
    });
  });
});

describe('the deprivation count of a household whose indicators are not all known', () => {

  it.each(['csv', 'xlsx'] as const)('is left blank in the %s output, never written 0; a household with every indicator marked gets its count', async (format) => {
    const header = 'Mã hộ,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng)';
    const none = write('khong-danh-dau.csv', [header, 'H1,Nông thôn,2,20000000']);
    const flags = 'Thiếu hụt: việc làm,Thiếu hụt: người phụ thuộc trong hộ gia đình,Thiếu hụt: dinh dưỡng,Thiếu hụt: bảo hiểm y tế,Thiếu hụt: trình độ giáo dục của người lớn,Thiếu hụt: tình trạng đi học của trẻ em,Thiếu hụt: chất lượng nhà ở,Thiếu hụt: diện tích nhà ở bình quân đầu người,Thiếu hụt: nguồn nước sinh hoạt,Thiếu hụt: nhà tiêu hợp vệ sinh,Thiếu hụt: sử dụng dịch vụ viễn thông,Thiếu hụt: phương tiện phục vụ tiếp cận thông tin';
    const all = write('du-danh-dau.csv', [`${header},${flags}`, 'H1,Nông thôn,2,20000000,x,,,,,,,,,,,']);
    const countOf = async (file: string): Promise<string | undefined> => {
      const out = join(dir(), `ket-qua.${format}`);
      await expectOutcome(['classify', file, ...(file === none ? ['--as-of', '15/10/2024'] : AS_OF), '--out', out, '--numbers', 'plain'], { code: 0 });
      if (format === 'csv') {
        const table = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
        return table[1]![table[0]!.findIndex((x) => x.startsWith('Số chỉ số thiếu hụt'))];
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.worksheets[0]!;
      let headerRow = 0;
      let column = 0;
      ws.eachRow((row, r) => row.eachCell((cell, c) => {
        if (headerRow === 0 && String(cell.value).startsWith('Số chỉ số thiếu hụt')) [headerRow, column] = [r, c];
      }));
      const v = ws.getRow(headerRow + 1).getCell(column).value;
      return v === null || v === undefined ? '' : String(v);
    };
    expect(await countOf(none)).toBe('');
    expect(await countOf(all)).toBe('1');
  });
});

describe('check on a household register: its totals rows, as classify checks them', () => {
  it('a wrong “Tổng cộng” is a finding (exit 1) with the words classify prints; the error-free list is checked, 0 findings (exit 0)', async () => {
    const planted = await workbook(join(dir(), 'tan-lap-sai.xlsx'), tanLap((rows) => (rowOf(rows, 'Tổng cộng')[5] = 15)), [...TITLE_MERGES, ...headMerges(5)]);
    const message = 'row 17 (Tổng cộng), column 6 (Số nhân khẩu): printed 15, but the households above add up to 14 members; difference 1';
    const found = await expectOutcome(['check', planted], { code: 1 });
    expect(found.out).toContain(`totals: ${planted}, ${message}`);
    expect(found.out).toContain('a household register (header on rows 5–6, 4 households): 3 totals row(s), 15 figure(s) checked against the households above them, 1 finding(s)');
    const classified = await expectOutcome(['classify', planted, ...AS_OF, '--out', join(dir(), 'ket-qua.csv')], { code: 1 });
    expect(classified.err).toContain(`totals: ${planted}, ${message}`);
    const clean = await workbook(join(dir(), 'tan-lap.xlsx'), tanLap(), [...TITLE_MERGES, ...headMerges(5)]);
    const ok = await expectOutcome(['check', clean], { code: 0 });
    expect(ok.out).toContain('3 totals row(s), 15 figure(s) checked against the households above them, 0 finding(s)');
  });

  it('a CSV register with a wrong “Cộng thôn” is a finding; one with no totals row says there is nothing to check (exit 2), never “0 findings”', async () => {
    const header = 'STT,Mã hộ,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng),Thiếu hụt: bảo hiểm y tế';
    const path = join(dir(), 'thon.csv');
    writeFileSync(path, [header, 'Thôn 1,,,,,', '1,H1,Nông thôn,4,5600000,x', '2,H2,Nông thôn,3,4200000,', 'Cộng thôn 1,,,8,,1'].join('\n'));
    const found = await expectOutcome(['check', path], { code: 1 });
    expect(found.out).toContain('row 5 (Cộng thôn 1), column 4 (Số nhân khẩu): printed 8, but the households above add up to 7 members (rows 3–4); difference 1');
    writeFileSync(path, [header, '1,H1,Nông thôn,4,5600000,x', '2,H2,Nông thôn,3,4200000,'].join('\n'));
    await expectOutcome(['check', path], { code: 2, mentions: ['is a household register (header on row 1, 2 households) with no totals row: nothing to check'] });
  });

  it('a `;` register without --delimiter is read as a register too (its separator told from the file), its wrong total found; the error-free twin gives 0 findings', async () => {
    const header = 'STT;Mã hộ;Khu vực;Số nhân khẩu;Thu nhập/tháng (đồng);Thiếu hụt: bảo hiểm y tế';
    const path = join(dir(), 'thon-cham-phay.csv');
    writeFileSync(path, [header, '1;H1;Nông thôn;4;5600000;x', '2;H2;Nông thôn;3;4200000;', 'Tổng cộng;;;8;;1'].join('\n'));
    const found = await expectOutcome(['check', path], { code: 1 });
    expect(found.out).toContain('row 4 (Tổng cộng), column 4 (Số nhân khẩu): printed 8, but the households above add up to 7 members');
    writeFileSync(path, [header, '1;H1;Nông thôn;4;5600000;x', '2;H2;Nông thôn;3;4200000;', 'Tổng cộng;;;7;;1'].join('\n'));
    const ok = await expectOutcome(['check', path], { code: 0 });
    expect(ok.out).toContain('1 totals row(s)');
    expect(ok.out).toContain('0 finding(s)');
  });
});

describe('the village from heading rows (a list with no Thôn column, “Thôn 1” above its households)', () => {
  /** The Tân Lập list without its Thôn column (column 4). */
  const withoutVillage = (rows: Cell[][]): Cell[][] => rows.map((r, i) => (i === 6 ? r.slice(0, N - 1).map((_, k) => k + 1) : r.length > 4 ? [...r.slice(0, 3), ...r.slice(4)] : r));
  const merges = (): Array<[number, number, number, number]> => [[1, 1, 1, 7], [1, 8, 1, N - 1], [2, 1, 2, N - 1], [3, 1, 3, N - 1], ...[1, 2, 3, 4, 5, 11].map((c) => [5, c, 6, c] as [number, number, number, number]), [5, 7, 5, 10]];

  it('each household takes the heading above it, written in the output’s village column, said in a note; summarize --by village then counts each village', async () => {
    const file = await workbook(join(dir(), 'tan-lap-khong-thon.xlsx'), withoutVillage(tanLap()), merges());
    const classified = join(dir(), 'ket-qua.csv');
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', classified, '--numbers', 'plain'], { code: 0, mentions: ['no village column: each household\'s village is the heading row above it (row 8 “Thôn 1”, row 13 “Thôn 2”), written in the output\'s village column (Thôn)'] });
    expect(run.out).toContain('4 households classified');
    const table = parseCsv(readFileSync(classified, 'utf8').replace(/^\uFEFF/, ''));
    const village = table[0]!.findIndex((x) => x.startsWith('Thôn'));
    expect(table.slice(1).map((r) => r[village])).toEqual(['Thôn 1', 'Thôn 1', 'Thôn 2', 'Thôn 2']);
    const summary = join(dir(), 'tong-hop.csv');
    await expectOutcome(['summarize', classified, '--by', 'village', '--out', summary, '--numbers', 'plain'], { code: 0 });
    expect(parseCsv(readFileSync(summary, 'utf8').replace(/^\uFEFF/, '')).slice(1).map((r) => [r[1], r[3]])).toEqual([['Thôn 1', '2'], ['Thôn 2', '2'], ['Tổng cộng', '4']]);
  });

  it('headings that name no village (“I. Hộ nghèo”) give no village column', async () => {
    const rows = withoutVillage(tanLap((r) => {
      r[7] = ['I. Hộ nghèo'];
      r[12] = ['II. Hộ cận nghèo'];
    }));
    const file = await workbook(join(dir(), 'nhom.xlsx'), rows, merges());
    const classified = join(dir(), 'ket-qua.csv');
    const run = await expectOutcome(['classify', file, ...AS_OF, '--out', classified], { code: 0 });
    expect(run.err).not.toContain('no village column');
    expect(parseCsv(readFileSync(classified, 'utf8').replace(/^\uFEFF/, ''))[0]!.some((h) => h.startsWith('Thôn'))).toBe(false);
  });
});
