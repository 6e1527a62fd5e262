import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyRegisterFile } from '../../src/io/classifyRegisterFile.js';
import { parseCsv } from '../../src/io/csv.js';
import { readRecords } from '../../src/io/readRecords.js';
import { readRegisterBatches } from '../../src/io/readRegisterBatches.js';
import { REGISTER_EXTRA_COLUMNS, REGISTER_RESULT_COLUMNS } from '../../src/io/registerOutputColumns.js';
import { columnSpecsOf, type TableColumn } from '../../src/io/tableWriter.js';
import { classifyHousehold } from '../../src/standards/classifyHousehold.js';
import { classifyRegisterBatch, registerRow } from '../../src/standards/classifyRegisterBatch.js';
import { expectOutcome, expectRefused, flagCells, ND07_FLAGS, writeCsv, writeXlsx } from '../hostile/_hostile.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-classify-register-');
const AS_OF = ['--as-of', '2024-01-01'];

function table(text: string): string[][] {
  return parseCsv(text.replace(/^\uFEFF/, ''));
}

describe('vn-poverty classify: registers classified by the review-form scores', () => {
  // TT 07/2021/TT-BLĐTBXH: poor with A ≤ 140 (rural) / 175 (urban) and B ≥ 30; near-poor with A at or below the line and B < 30
  const HEADER = ['Mã hộ', 'Khu vực', 'Điểm phiếu B1', 'Điểm phiếu B2'];
  it('at the boundaries: A = 140 and 141 rural, 175 and 176 urban, B = 20 and 30; the output names the score rule', async () => {
    const d = dir();
    const input = writeCsv(d, 'diem.csv', [
      HEADER,
      ['R1', 'nông thôn', '140', '30'],
      ['R2', 'nông thôn', '140', '20'],
      ['R3', 'nông thôn', '141', '30'],
      ['U1', 'thành thị', '175', '30'],
      ['U2', 'thành thị', '175', '20'],
      ['U3', 'thành thị', '176', '20'],
    ]);
    const out = join(d, 'kq.csv');
    const run = await expectOutcome(['classify', input, ...AS_OF, '--out', out, '--headers', 'en'], { code: 0 });
    expect(run.out).toContain('classified by the review-form scores (Điểm phiếu B1, B2) under score rule tt-07-2021-scores');
    const rows = table(readFileSync(out, 'utf8'));
    const at = (name: string): number => rows[0]!.indexOf(name);
    expect(rows.slice(1).map((r) => [r[at('Household id')], r[at('Status')], r[at('Deciding score line')]])).toEqual([
      ['R1', 'poor', '140'],
      ['R2', 'near-poor', '140'],
      ['R3', 'non-poor', '140'],
      ['U1', 'poor', '175'],
      ['U2', 'near-poor', '175'],
      ['U3', 'non-poor', '175'],
    ]);
    expect(rows[1]![at('Score rule')]).toMatch(/^tt-07-2021-scores \(TT 07\/2021\/TT-BLĐTBXH/);
  });

  it('English score headers are read too; a score that is not a number names row and column', async () => {
    const d = dir();
    const ok = writeCsv(d, 'en.csv', [['Household id', 'Area', 'Score A', 'Score B'], ['E1', 'rural', '120', '40']]);
    expect((await expectOutcome(['classify', ok, ...AS_OF], { code: 0 })).out).toMatch(/^Mã hộ/);
    const bad = writeCsv(d, 'bad.csv', [HEADER, ['R1', 'nông thôn', 'nhiều', '30']]);
    await expectRefused(['classify', bad, ...AS_OF], ['bad.csv, row 2, column 3 (Điểm phiếu B1)'], [bad]);
  });

  it('scores that disagree with the flags or the income on the same row are findings: exit 1, rows named; the rows are still written', async () => {
    const d = dir();
    const input = writeCsv(d, 'kiem-tra.csv', [
      [...HEADER, 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', ...ND07_FLAGS.map((f) => `Deprived: ${f}`)],
      ['K1', 'nông thôn', '130', '30', '5.000.000', '4', ...flagCells(['employment', 'nutrition', 'telecom'])], // agrees: 3 flags, B = 30
      ['K2', 'nông thôn', '130', '10', '5.000.000', '4', ...flagCells(['employment', 'nutrition', 'telecom'])], // B = 10 with 3 flags set
    ]);
    const out = join(d, 'kq.csv');
    const run = await expectOutcome(['classify', input, ...AS_OF, '--out', out], { code: 1, mentions: [/kiem-tra\.csv, row 3/, 'score cross-check'] });
    expect(run.err).not.toMatch(/row 2\b/);
    expect(run.out).toContain('income from column 5');
    expect(table(readFileSync(out, 'utf8'))).toHaveLength(3);
  });
});

describe('vn-poverty classify --blank-as', () => {
  const rows = (blank: string): string[][] => [
    ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', ...ND07_FLAGS.map((f) => `Thiếu hụt: ${f}`)],
    ['B1', 'nông thôn', '6.000.000', '4', 'x', ...ND07_FLAGS.slice(1).map(() => blank)],
  ];
  it('unknown (the default): a household below the line with blank flags is reported; no: the blanks are "not deprived", near-poor; --marks is the same as no', async () => {
    const d = dir();
    const input = writeCsv(d, 'phieu.csv', rows(''));
    await expectOutcome(['classify', input, ...AS_OF], { code: 1, mentions: ['phieu.csv, row 2', 'could be near-poor or poor'] });
    await expectOutcome(['classify', input, ...AS_OF, '--blank-as', 'unknown'], { code: 1 });
    for (const flag of [['--blank-as', 'no'], ['--marks']]) {
      const run = await expectOutcome(['classify', input, ...AS_OF, ...flag], { code: 0 });
      expect(run.err).toContain('near-poor 1');
    }
    await expectRefused(['classify', input, ...AS_OF, '--blank-as', 'maybe'], ['--blank-as must be no or unknown'], [input]);
  });
});

describe('vn-poverty classify: the optional report columns', () => {
  const HEADER = ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Thôn/ấp/bản', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', 'Dân tộc', 'Hộ DTTS', 'Nguyên nhân nghèo', 'Hỗ trợ: Y tế', 'Hỗ trợ: Tín dụng', 'Đối tượng chính sách', 'Số trẻ em', 'Số trẻ em không có BHYT'];
  const ROW = ['1', 'H1', 'Y Bhin', 'Bon Bu Dăr', 'nông thôn', '9.000.000', '4', "M'nông", 'x', 'Thiếu vốn; Ốm đau, tai nạn', 'x', '', 'người có công; bảo trợ xã hội', '2', '1'];
  it('are carried into the output under stable headers, so the reports find them (CSV and XLSX)', async () => {
    const d = dir();
    const input = writeCsv(d, 'ho.csv', [HEADER, ROW]);
    for (const name of ['kq.csv', 'kq.xlsx']) {
      const out = join(d, name);
      await expectOutcome(['classify', input, ...AS_OF, '--out', out], { code: 0 });
      const records: Array<Record<string, unknown>> = [];
      for await (const r of readRecords(out, columnSpecsOf([...REGISTER_RESULT_COLUMNS, ...REGISTER_EXTRA_COLUMNS] as ReadonlyArray<TableColumn<never>>))) records.push({ ...r.values });
      expect(records).toEqual([
        expect.objectContaining({
          id: 'H1',
          status: 'average',
          headName: 'Y Bhin',
          village: 'Bon Bu Dăr',
          ethnicGroup: "M'nông",
          ethnicMinority: true,
          causes: 'capital; illness',
          support: 'health',
          policyGroups: 'người có công; bảo trợ xã hội',
          children: 2n,
          childrenWithoutHealthInsurance: 1n,
        }),
      ]);
    }
    const csv = table(readFileSync(join(d, 'kq.csv'), 'utf8'));
    expect(csv[0]![0]).toBe('STT');
    expect(csv[1]![0]).toBe('1');
  });

  it('an unknown cause or a children count above the total names row and column: exit 2', async () => {
    const d = dir();
    const cause = writeCsv(d, 'nn.csv', [HEADER, ROW.map((c, i) => (i === 9 ? 'thiếu may mắn' : c))]);
    await expectRefused(['classify', cause, ...AS_OF], ['nn.csv, row 2, column 10 (Nguyên nhân nghèo)', 'thiếu may mắn'], [cause]);
    const kids = writeCsv(d, 'te.csv', [HEADER, ROW.map((c, i) => (i === 14 ? '3' : c))]);
    await expectRefused(['classify', kids, ...AS_OF], ['te.csv, row 2, column 15 (Số trẻ em không có BHYT)', 'at most the 2 children'], [kids]);
  });
});

describe('registers with a member count and no ages', () => {
  it('are classified from their flags, as classifyHousehold classifies the household when no fact decides an indicator', async () => {
    const d = dir();
    const flags = ['employment', 'nutrition', 'telecom'];
    const input = writeCsv(d, 'so-nk.csv', [
      ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', ...ND07_FLAGS.map((f) => `Deprived: ${f}`)],
      ['C1', 'nông thôn', '6.000.000', '4', ...flagCells(flags)],
      ['C2', 'thành thị', '3.999.999', '2', ...flagCells(['employment'])],
    ]);
    const got: string[] = [];
    for await (const b of readRegisterBatches(input, { asOf: '2024-01-01' })) {
      const r = classifyRegisterBatch(b.households!, { asOf: '2024-01-01' });
      for (let i = 0; i < b.size; i++) got.push(registerRow(b.households!, r, i).status);
    }
    const none = Object.fromEntries(ND07_FLAGS.map((f) => [f, () => undefined]));
    const expected = [
      classifyHousehold({ area: 'rural', monthlyIncome: 6_000_000n, members: [{ age: 40 }, { age: 40 }, { age: 10 }, { age: 7 }], deprivations: Object.fromEntries(ND07_FLAGS.map((f) => [f, flags.includes(f)])) }, { asOf: '2024-01-01', predicates: none }).status,
      classifyHousehold({ area: 'urban', monthlyIncome: 3_999_999n, members: [{ age: 40 }, { age: 38 }], deprivations: Object.fromEntries(ND07_FLAGS.map((f) => [f, f === 'employment'])) }, { asOf: '2024-01-01', predicates: none }).status,
    ];
    expect(got).toEqual(expected);
    expect(got).toEqual(['poor', 'near-poor']);
  });

  it('a count that disagrees with the ages names row and column', async () => {
    const d = dir();
    const input = writeCsv(d, 'lech.csv', [['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', 'Số nhân khẩu'], ['L1', 'nông thôn', '6.000.000', '40;38', '3']]);
    await expectRefused(['classify', input, ...AS_OF], ['lech.csv, row 2, column 5 (Số nhân khẩu)'], [input]);
  });
});

describe('one row per member, from a file, an XLSX sheet and a stream', () => {
  const ROWS = [
    ['STT', 'Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi', 'Có thẻ BHYT', ...ND07_FLAGS.filter((f) => f !== 'health-insurance').map((f) => `Deprived: ${f}`)],
    ['1', 'M1', 'nông thôn', '3.000.000', '45', 'không', ...flagCells(['employment', 'latrine']).slice(1)],
    ['', 'M1', '', '', '12', 'có', ...ND07_FLAGS.slice(1).map(() => '')],
    ['2', 'M2', 'thành thị', '30.000.000', '30', 'có', ...flagCells().slice(1)],
  ];
  it('gives the households of readHouseholdRegister, with the first row’s pass-through cells', async () => {
    const d = dir();
    const csv = writeCsv(d, 'tv.csv', ROWS);
    const xlsx = await writeXlsx(d, 'tv.xlsx', ROWS);
    const outs: string[] = [];
    for (const source of [csv, xlsx, Readable.from([readFileSync(csv)])]) {
      const out = join(d, `kq-${outs.length}.csv`);
      const s = await classifyRegisterFile(source, { asOf: '2024-01-01', out, source: 'tv.csv' });
      expect([s.classified, s.failed, s.layout.layout]).toEqual([2, 0, 'member-rows']);
      outs.push(readFileSync(out, 'utf8'));
    }
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
    expect(table(outs[0]!).map((r) => [r[0], r[1]])).toEqual([
      ['STT', 'Mã hộ (Household id)'],
      ['1', 'M1'],
      ['2', 'M2'],
    ]);
  });
});

describe('vn-poverty classify --explain', () => {
  it('adds each household’s explanation (Diễn giải) after the other columns; without it the columns are the default ones', async () => {
    const d = dir();
    const input = writeCsv(d, 'ho.csv', [
      ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', ...ND07_FLAGS.map((f) => `Deprived: ${f}`)],
      ['E1', 'nông thôn', '6.000.000', '4', ...flagCells(['employment', 'nutrition', 'telecom'])],
    ]);
    const plain = table((await expectOutcome(['classify', input, ...AS_OF, '--headers', 'vi'], { code: 0 })).out);
    const explained = table((await expectOutcome(['classify', input, ...AS_OF, '--headers', 'vi', '--explain'], { code: 0 })).out);
    expect(explained[0]).toEqual([...plain[0]!, 'Diễn giải']);
    expect(explained[1]!.slice(0, -1)).toEqual(plain[1]);
    expect(explained[1]!.at(-1)).toMatch(/hộ nghèo|poor/);
    expect(explained[1]!.at(-1)!.length).toBeGreaterThan(40);
  });
});
