import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { classifyRegisterFile, type RegisterFileFailure } from '../../src/io/classifyRegisterFile.js';
import { parseCsv } from '../../src/io/csv.js';
import { readHouseholdRegister, registerError } from '../../src/io/readHouseholdRegister.js';
import { registerOutputColumns, type RegisterOutputRow } from '../../src/io/registerOutputColumns.js';
import { openTableWriter } from '../../src/io/tableWriter.js';
import { classifyHousehold, type ConflictResolution } from '../../src/standards/classifyHousehold.js';
import { registerRowOf } from '../../src/standards/classifyRegisterBatch.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-register-file-');
const AS_OF = '2024-01-01';
const FLAGS = ['employment', 'dependants', 'nutrition', 'health-insurance', 'adult-education', 'school-attendance', 'housing-quality', 'housing-area', 'water-source', 'latrine', 'telecom', 'information-devices'];
const INCOME_HEADERS = ['Thu nhập/tháng (đồng)', 'Thu nhập (nghìn đồng/tháng)', 'Thu nhập (đồng/năm)', 'Thu nhập bình quân đầu người (đồng/tháng)'];

/** A register file as a generator of rows: header, data, and how each cell is written. */
interface Register {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly quote: readonly boolean[];
  readonly crlf: boolean;
}

function csvOf(r: Register): string {
  const cell = (text: string, q: boolean): string => (q || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const nl = r.crlf ? '\r\n' : '\n';
  let k = 0;
  return [r.header.map((h) => cell(h, false)).join(','), ...r.rows.map((row) => row.map((c) => cell(c, r.quote[k++ % r.quote.length]!)).join(','))].join(nl) + nl;
}

const flagWord = fc.constantFrom('có', 'không', '', '1', '0', 'x', 'Có', 'yes', 'no', ' có ');
const areaWord = fc.constantFrom('nông thôn', 'thành thị', 'Nông thôn', 'nong thon', 'rural', 'urban', 'TT', 'NT');

/** Households around the lines (per head 1.5 M rural, 2 M urban; ceilings 2.25 M and 3 M), in whole đồng per month. */
const household = fc.record({
  id: fc.oneof(fc.stringMatching(/^H\d{1,4}$/), fc.stringMatching(/^[0-9]{12}$/), fc.constantFrom('hộ 1, thôn 2', '=1+2', 'Hộ "A"', '-001', '+84', '@h1', 'h-12;3', 'tl-001')),
  area: areaWord,
  ages: fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 6 }),
  perHead: fc.oneof(fc.constantFrom(1_500_000, 1_500_001, 2_000_000, 2_250_000, 3_000_000, 1_000_000), fc.integer({ min: 300_000, max: 5_000_000 })),
  extra: fc.integer({ min: 0, max: 11 }),
  flags: fc.array(flagWord, { minLength: FLAGS.length, maxLength: FLAGS.length }),
  latrine: fc.constantFrom('', '', '', 'có', 'không'),
  count: fc.boolean(),
  note: fc.constantFrom('', 'ghi chú', '=SUM(A1)', 'a, b', 'x"y'),
});

const register = fc.record({
  households: fc.array(household, { minLength: 1, maxLength: 25 }),
  income: fc.constantFrom(...INCOME_HEADERS),
  flagColumns: fc.subarray(FLAGS, { minLength: 0 }),
  facts: fc.boolean(),
  memberCount: fc.boolean(),
  quote: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
  crlf: fc.boolean(),
  marks: fc.boolean(),
  onConflict: fc.constantFrom<ConflictResolution>('error', 'use-flag', 'use-facts'),
  repeat: fc.option(fc.nat(), { nil: undefined }),
  passThrough: fc.boolean(),
});

type Generated = typeof register extends fc.Arbitrary<infer T> ? T : never;

function build(g: Generated): Register {
  const header = [...(g.passThrough ? ['STT'] : []), 'Mã hộ', 'Khu vực', g.income, 'Tuổi các thành viên', ...(g.memberCount ? ['Số nhân khẩu'] : []), ...g.flagColumns.map((f) => `Deprived: ${f}`), ...(g.facts ? ['Nhà tiêu hợp vệ sinh'] : []), ...(g.passThrough ? ['Ghi chú'] : [])];
  const households = g.repeat !== undefined && g.households.length > 1 ? [...g.households, g.households[g.repeat % g.households.length]!] : g.households;
  const rows = households.map((h, i) => {
    const m = h.ages.length;
    const monthly = h.perHead * m + (h.extra % m);
    const income = g.income.includes('nghìn') ? String(Math.round(monthly / 1000)) : g.income.includes('năm') ? String(monthly * 12 + (h.extra % 3)) : g.income.includes('đầu người') ? String(h.perHead) : monthly.toLocaleString('de-DE');
    return [
      ...(g.passThrough ? [String(i + 1)] : []),
      h.id,
      h.area,
      income,
      h.ages.join(';'),
      ...(g.memberCount ? [String(m)] : []),
      ...g.flagColumns.map((f) => h.flags[FLAGS.indexOf(f)]!),
      ...(g.facts ? [h.latrine] : []),
      ...(g.passThrough ? [h.note] : []),
    ];
  });
  return { header, rows, quote: g.quote, crlf: g.crlf };
}

interface Outcome {
  readonly text: string;
  readonly failures: ReadonlyArray<readonly [number, string]>;
  readonly byStatus: unknown;
}

/** The record path: readHouseholdRegister + classifyHousehold, written by the table writer. */
async function recordPath(path: string, out: string, g: Generated): Promise<Outcome> {
  const table = parseCsv(readFileSync(path, 'utf8'));
  const passAt = g.passThrough ? [0, table[0]!.length - 1] : []; // STT, Ghi chú
  const columns = registerOutputColumns({ passThrough: passAt.map((i) => table[0]![i]!), extras: [], scores: false });
  const writer = await openTableWriter<RegisterOutputRow>(out, columns);
  const failures: Array<readonly [number, string]> = [];
  const byStatus: Record<string, number> = { poor: 0, 'near-poor': 0, average: 0, 'non-poor': 0 };
  for await (const h of readHouseholdRegister(path, { marks: g.marks, onDuplicate: (e, at) => failures.push([at.row, e.message]) })) {
    let c;
    try {
      c = classifyHousehold(h.household, { asOf: AS_OF, onConflict: g.onConflict });
    } catch (e) {
      if (!(e instanceof VnPovertyError)) throw e;
      failures.push([h.row, (registerError(h, path, e) as Error).message]);
      continue;
    }
    byStatus[c.status]!++;
    await writer.write({ result: registerRowOf(c), unit: h.unit, ...(g.passThrough ? { passThrough: passAt.map((i) => table[h.row - 1]![i]!) } : {}) });
  }
  await writer.close();
  return { text: readFileSync(out, 'utf8'), failures: failures.sort((a, b) => a[0] - b[0]), byStatus };
}

async function filePath(path: string, out: string, g: Generated, batchSize: number): Promise<Outcome> {
  const failures: Array<readonly [number, string]> = [];
  const summary = await classifyRegisterFile(path, { asOf: AS_OF, out, marks: g.marks, onConflict: g.onConflict, batchSize, onFailure: (f: RegisterFileFailure) => failures.push([f.row, f.error.message]) });
  return { text: readFileSync(out, 'utf8'), failures: failures.sort((a, b) => a[0] - b[0]), byStatus: { ...summary.byStatus } };
}

describe('classifyRegisterFile', () => {
  it('writes the input’s pass-through columns first, then the results, then the report columns', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    writeFileSync(input, 'STT,Mã hộ,Họ tên chủ hộ,Khu vực,Thu nhập/tháng (đồng),Số nhân khẩu,Thôn/ấp/bản,Ghi chú\r\n7,H1,Nguyễn Văn A,nông thôn,9.000.000,4,Thôn 3,"mới, chuyển đến"\r\n8,H2,Trần B,nông thôn,4.000.000,4,Thôn 3,\r\n');
    const out = join(d, 'kq.csv');
    const s = await classifyRegisterFile(input, { asOf: AS_OF, out, headers: 'vi' });
    expect(s.layout.passThrough).toEqual(['STT', 'Ghi chú']);
    const [header, row] = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    expect(header!.slice(0, 3)).toEqual(['STT', 'Ghi chú', 'Mã hộ']);
    expect(header!.slice(-2)).toEqual(['Họ tên chủ hộ', 'Thôn']);
    expect(row!.slice(0, 3)).toEqual(['7', 'mới, chuyển đến', 'H1']);
    expect(row!.slice(-2)).toEqual(['Nguyễn Văn A', 'Thôn 3']);
    // H1: 2.250.000 a head, the rural average-living ceiling; H2: 1.000.000 a head, below the line with no flags: its deprivations could make it poor, reported
    expect([s.byStatus.average, s.failed]).toEqual([1, 1]);
  });

  it('reads the household code, area and members under the names communes print them (Mã số hộ, Thành thị/Nông thôn, Số khẩu, Quy mô hộ…)', async () => {
    const d = dir();
    const out = join(d, 'kq.csv');
    for (const [id, area, members] of [
      ['Mã số hộ', 'Thành thị/Nông thôn', 'Số khẩu'],
      ['Mã HGĐ', 'Urban/rural', 'Tổng số nhân khẩu'],
      ['Mã số hộ gia đình', 'Khu vực', 'Quy mô hộ (người)'],
      ['Household code', 'Khu vực', 'Số người trong hộ'],
    ]) {
      const input = join(d, 'ho.csv');
      writeFileSync(input, `${id},${area},${members},Thu nhập bình quân đầu người/năm (nghìn đồng)\nH1,nông thôn,3,36000\nH2,thành thị,2,40000\n`);
      const s = await classifyRegisterFile(input, { asOf: AS_OF, out, headers: 'vi' });
      expect(s.layout.passThrough, `${id} / ${area} / ${members}`).toEqual([]);
      // H1: 3.000.000 a head a month, above the rural ceiling (2.250.000); H2: 3.333.333,33…, above the urban one (3.000.000)
      expect(s.byStatus['non-poor']).toBe(2);
      const [, row] = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
      expect(row!.slice(0, 5)).toEqual(['H1', '', 'nông thôn', '3', '9.000.000']);
    }
  });

  it('a classify output read again does not pass its old results through', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    writeFileSync(input, 'STT,Mã hộ,Khu vực,Thu nhập/tháng (đồng),Số nhân khẩu\r\n1,H1,nông thôn,9.000.000,2\r\n');
    const first = join(d, 'kq1.csv');
    const second = join(d, 'kq2.csv');
    await classifyRegisterFile(input, { asOf: AS_OF, out: first });
    const s = await classifyRegisterFile(first, { asOf: AS_OF, out: second });
    expect(s.layout.passThrough).toEqual(['STT']);
    expect(s.layout.replaced.length).toBeGreaterThan(5);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  it('onHousehold sees each classified household with the result classifyHousehold gives; onBytes counts the bytes read; the Vietnamese deprivation names are written', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    // NĐ 07/2021/NĐ-CP Art. 3: rural line 1.500.000 đ a head; H1 6.000.000 for 4 is at the line with 3 deprivations (poor); H3, below it with every flag blank, could be either (reported)
    const flags = (yes: readonly string[]) => FLAGS.map((f) => (yes.includes(f) ? 'có' : 'không'));
    const text = [
      ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', ...FLAGS.map((f) => `Deprived: ${f}`)],
      ['H1', '30316', 'nông thôn', '6.000.000', '40;38;10;7', ...flags(['health-insurance', 'latrine', 'telecom'])],
      ['H2', '30319', 'nông thôn', '20.000.000', '45', ...flags([])],
      ['H3', '30319', 'nông thôn', '1.000.000', '45', ...FLAGS.map(() => '')],
    ]
      .map((r) => r.join(','))
      .join('\r\n');
    writeFileSync(input, `${text}\r\n`);
    const seen: Array<[number, string | null, unknown]> = [];
    const given: object[] = [];
    const read: number[] = [];
    const out = join(d, 'kq.csv');
    const s = await classifyRegisterFile(input, { asOf: AS_OF, out, headers: 'vi', onHousehold: (h) => {
        given.push(h);
        seen.push([h.row, h.unit, h.classification]);
      }, onBytes: (n) => read.push(n) });
    expect([s.classified, s.failed]).toEqual([2, 1]);
    expect(seen.map(([row, unit]) => [row, unit])).toEqual([
      [2, '30316'],
      [3, '30319'],
    ]);
    const households = [];
    for await (const h of readHouseholdRegister(input)) households.push(h);
    expect(seen[0]![2]).toEqual(classifyHousehold(households[0]!.household, { asOf: AS_OF }));
    expect(seen[1]![2]).toEqual(classifyHousehold(households[1]!.household, { asOf: AS_OF }));
    expect(given.every((h) => Object.isFrozen(h))).toBe(true);
    expect(read.at(-1)).toBe(Buffer.byteLength(`${text}\r\n`));
    const [header, h1] = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    expect(h1![header!.indexOf('Các chỉ số thiếu hụt')]).toBe('bảo hiểm y tế; nhà tiêu hợp vệ sinh; sử dụng dịch vụ viễn thông');
    // without onHousehold the same file is written by the column-by-column path
    const plain = join(d, 'kq2.csv');
    await classifyRegisterFile(input, { asOf: AS_OF, out: plain, headers: 'vi' });
    expect(readFileSync(plain, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  describe('properties', () => {
    it('the file path and the record path give identical statuses, failures and output rows (flags, facts, conflicts, quotes, CRLF, yearly, nghìn and per-head headers)', async () => {
      const d = dir();
      await fc.assert(
        fc.asyncProperty(register, fc.integer({ min: 1, max: 8 }), async (g, batchSize) => {
          const path = join(d, 'ho.csv');
          writeFileSync(path, csvOf(build(g)));
          const expected = await recordPath(path, join(d, 'a.csv'), g);
          const got = await filePath(path, join(d, 'b.csv'), g, batchSize);
          expect(got.failures).toEqual(expected.failures);
          expect(got.byStatus).toEqual(expected.byStatus);
          expect(got.text).toBe(expected.text);
        }),
        { numRuns: 150 },
      );
    });
  });
});
