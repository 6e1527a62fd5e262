import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/csv.js';
import { createIdChecker } from '../../src/_internal/_idSet.js';
import { readHouseholdRegister } from '../../src/io/readHouseholdRegister.js';
import type { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, GOOD_REGISTER, writeCsv } from './_hostile.js';

const dir = tempDirs('vnp-hostile-dup-');
const AS_OF = ['--as-of', '2024-01-01'];
const MEMBER_HEADER = ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi', 'Có thẻ BHYT'];

describe('one household is one household', () => {
  it('two consecutive identical rows (one row per household) are reported, exit 1, both rows named; the other households are written', async () => {
    const d = dir();
    const input = writeCsv(d, 'ho.csv', [...GOOD_REGISTER, GOOD_REGISTER[3]!]);
    const run = await expectOutcome(['classify', input, ...AS_OF, '--out', join(d, 'kq.csv')], { code: 1, mentions: ['ho.csv, row 5, column 1 (Mã hộ): household id "H3" appears again (first on row 4)'], unchanged: [input] });
    expect(run.out).toContain('3 households classified');
  });

  it('a repeated id after other households is reported the same way (exit 1, both rows)', async () => {
    const d = dir();
    const input = writeCsv(d, 'ho.csv', [...GOOD_REGISTER, ['H1', ...GOOD_REGISTER[3]!.slice(1)]]);
    await expectOutcome(['classify', input, ...AS_OF], { code: 1, mentions: ['row 5, column 1 (Mã hộ): household id "H1" appears again (first on row 2)'], unchanged: [input] });
  });

  it('one row per member: consecutive rows that differ are one household; identical rows are reported', async () => {
    const d = dir();
    const ok = writeCsv(d, 'tv.csv', [MEMBER_HEADER, ['H1', 'nông thôn', '3.000.000', '45', 'có'], ['H1', '', '', '12', 'có'], ['H2', 'thành thị', '9.000.000', '30', 'có']]);
    const okRun = await expectOutcome(['classify', ok, ...AS_OF, '--on-conflict', 'use-facts'], { code: 1, unchanged: [ok] });
    // the households are read (undetermined facts may keep them from being classified, but none is a repeat)
    expect(okRun.err).not.toContain('appears again');
    expect(okRun.err).not.toContain('identical rows');
    const twins = writeCsv(d, 'sinh-doi.csv', [MEMBER_HEADER, ['H1', 'nông thôn', '3.000.000', '45', 'có'], ['H1', '', '', '12', 'có'], ['H1', '', '', '12', 'có']]);
    await expectOutcome(['classify', twins, ...AS_OF], { code: 1, mentions: ['sinh-doi.csv, rows 3 and 4: two identical rows of household "H1"', 'STT thành viên'], unchanged: [twins] });
    // a member number tells twins apart
    const numbered = writeCsv(d, 'co-stt.csv', [[...MEMBER_HEADER, 'STT thành viên'], ['H1', 'nông thôn', '3.000.000', '45', 'có', '1'], ['H1', '', '', '12', 'có', '2'], ['H1', '', '', '12', 'có', '3']]);
    const numberedRun = await expectOutcome(['classify', numbered, ...AS_OF], { code: 1, unchanged: [numbered] });
    expect(numberedRun.err).not.toContain('identical rows');
  });

  describe('properties', () => {
    const ids = fc.array(fc.stringMatching(/^[A-Z]{1,2}\d{1,3}$/), { minLength: 1, maxLength: 60 });
    it('the id checker finds exactly the ids seen before, certain for a stream and settled exactly for a file', () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.stringMatching(/^[A-Z]{1,2}\d{1,3}$/), fc.stringMatching(/^[a-zà-ỹ .]{11,20}$/)), { minLength: 1, maxLength: 60 }), (list) => {
          const stream = createIdChecker(false);
          const file = createIdChecker(true);
          const first = new Map<string, number>();
          const suspects: Array<{ id: string; row: number; keyRow: number }> = [];
          const fileAnswers = new Map<number, number>();
          list.forEach((id, row) => {
            const expected = first.get(id) ?? -1;
            if (expected === -1) first.set(id, row);
            expect(stream.check(id, row)).toBe(expected);
            const answer = file.check(id, row);
            if (answer <= -2) suspects.push({ id, row, keyRow: -2 - answer });
            else fileAnswers.set(row, answer);
          });
          const settled = file.settle(suspects, new Map(list.map((id, row) => [row, id])));
          suspects.forEach((s, i) => fileAnswers.set(s.row, settled[i]!));
          list.forEach((id, row) => expect(fileAnswers.get(row)).toBe(first.get(id) === row ? -1 : first.get(id)));
        }),
      );
    });
    it('reading a register file reports every repeated household once and yields every other one (file and stream agree)', async () => {
      const d = dir();
      await fc.assert(
        fc.asyncProperty(ids, async (list) => {
          const rows = [['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên'], ...list.map((id) => [id, 'nông thôn', '1.000.000', '40'])];
          const path = join(d, 'ho.csv');
          writeFileSync(path, formatCsv(rows));
          const seen = new Set<string>();
          const expectedRepeats = list.map((id, i) => ({ id, row: i + 2 })).filter(({ id }) => (seen.has(id) ? true : (seen.add(id), false)));
          for (const source of [path, Readable.from([formatCsv(rows)])]) {
            const yielded: string[] = [];
            const repeats: number[] = [];
            for await (const h of readHouseholdRegister(source, { source: 'ho.csv', onDuplicate: (_e: VnPovertyError, at) => repeats.push(at.row) })) yielded.push(h.household.id!);
            expect(yielded).toEqual([...seen]);
            expect(repeats.sort((a, b) => a - b)).toEqual(expectedRepeats.map((r) => r.row));
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
