import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRegisterFile } from '../../src/io/classifyRegisterFile.js';
import { MAX_PLAUSIBLE_DONG_FIGURE, MIN_PLAUSIBLE_DONG_FIGURE, plausibleBoundsOf, type PlausibleBounds } from '../../src/io/plausibleBounds.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-plausible-');
const AS_OF = '2024-10-15';
const FLAGS = ['Thiếu hụt: bảo hiểm y tế', 'Thiếu hụt: nguồn nước sinh hoạt', 'Thiếu hụt: việc làm'];

/** A register with one income column headed `income`: rows of [id, members, income cell as printed]. */
function register(income: string, rows: ReadonlyArray<readonly [string, number, string]>): string {
  const cell = (t: string): string => (/[",]/.test(t) ? `"${t}"` : t);
  const lines = [['Mã hộ', 'Khu vực', 'Số nhân khẩu', income, ...FLAGS].map(cell).join(','), ...rows.map(([id, m, v]) => [id, 'Nông thôn', String(m), cell(v), '', 'x', ''].join(','))];
  const file = join(dir(), 'ho-ra-soat.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** The notes on incomes out of bounds, and each household's status. */
async function read(file: string, plausibleBounds?: PlausibleBounds): Promise<{ readonly notes: string[]; readonly statuses: string[] }> {
  const notes: string[] = [];
  const statuses: string[] = [];
  await classifyRegisterFile(file, { asOf: AS_OF, marks: true, ...(plausibleBounds !== undefined ? { plausibleBounds } : {}), onNote: (n) => notes.push(n), onHousehold: (h) => statuses.push(h.classification.status) });
  return { notes: notes.filter((n) => /a person a month/.test(n)), statuses };
}

describe('incomes out of the plausible bounds, in any unit', () => {
  it('a column headed nghìn đồng a person a month that holds đồng: one note naming the rows, 1.000 times too much, the đồng header proposed; no status changed', async () => {
    const header = 'Thu nhập bình quân (nghìn đồng/người/tháng)';
    const file = register(header, [
      ['HN01', 4, '1.800.000'],
      ['HN02', 3, '2.500.000'],
      ['HN03', 5, '1.800'],
      ['HN04', 2, '950.000'],
    ]);
    const { notes, statuses } = await read(file);
    expect(notes).toEqual([
      `ho-ra-soat.csv, column 4 (${header}): 3 households with an income over 100.000.000 đồng a person a month (row 2: 7.200.000.000 đồng a month for the household, row 3: 7.500.000.000 đồng a month for the household, row 5: 1.900.000.000 đồng a month for the household), read as written, no status changed: a column headed nghìn đồng that holds đồng reads 1.000 times too much: if so, name the unit the figures are in in its header (“Thu nhập bình quân (đồng/người/tháng)”); the bound is the option plausibleBounds.maxDongFigure`,
    ]);
    // read as written: the statuses of the figures as printed, whatever the bound
    expect(statuses).toEqual((await read(file, { maxDongFigure: 1e15 })).statuses);
  });

  it('the same register with the unit its figures are in (đồng) gives no note, and the statuses the figures give', async () => {
    const file = register('Thu nhập bình quân (đồng/người/tháng)', [
      ['HN01', 4, '1.800.000'],
      ['HN02', 3, '2.500.000'],
      ['HN03', 5, '1.800.000'],
      ['HN04', 2, '950.000'],
    ]);
    const { notes } = await read(file);
    expect(notes).toEqual([]);
  });

  it('a column of triệu đồng a person a year holding đồng (21.600.000): 1.000.000 times too much; a figure of 0,0012 triệu a year: under 10.000 đồng a month; the right figures: no note', async () => {
    const header = 'Thu nhập bình quân (triệu đồng/người/năm)';
    const slips = await read(register(header, [['HN01', 4, '21.600.000'], ['HN02', 2, '0,0012'], ['HN03', 3, '30']]));
    expect(slips.notes).toHaveLength(2);
    expect(slips.notes[0]).toMatch(/^ho-ra-soat\.csv, column 4 \(Thu nhập bình quân \(triệu đồng\/người\/năm\)\): 1 household with an income under 10\.000 đồng a person a month \(row 3: 200 đồng a month for the household\), read as written, no status changed: a decimal comma in the wrong place \(0,0018 for 1,8\)/);
    expect(slips.notes[1]).toContain('1 household with an income over 100.000.000 đồng a person a month (row 2: 7.200.000.000.000 đồng a month for the household)');
    expect(slips.notes[1]).toContain('a column headed triệu đồng that holds đồng reads 1.000.000 times too much (1.000 times if it holds nghìn đồng): if so, name the unit the figures are in in its header (“Thu nhập bình quân (đồng/người/năm)”)');
    const right = await read(register(header, [['HN01', 4, '21,6'], ['HN02', 2, '18'], ['HN03', 3, '30']]));
    expect(right.notes).toEqual([]);
  });

  it('a column of nghìn đồng for the household holding triệu đồng (1,8 for 1.800): under the low bound, the triệu đồng header proposed; in nghìn đồng: no note', async () => {
    const header = 'Thu nhập/tháng (nghìn đồng)';
    const { notes } = await read(register(header, [['HN01', 1, '1,8'], ['HN02', 2, '4.200']]));
    expect(notes).toEqual([
      `ho-ra-soat.csv, column 4 (${header}): 1 household with an income under 10.000 đồng a person a month (row 2: 1.800 đồng a month for the household), read as written, no status changed: a column of nghìn đồng that holds triệu đồng reads 1.000 times too little (1,8 for 1.800): if so, name the unit in its header (“Thu nhập (triệu đồng/tháng)”); the bound is the option plausibleBounds.minDongFigure`,
    ]);
    expect((await read(register(header, [['HN01', 1, '1.800'], ['HN02', 2, '4.200']]))).notes).toEqual([]);
  });

  it('a column of đồng with a figure of 12 zeros: a typing slip, said without a unit to change; a figure exactly at either bound is not said', async () => {
    const header = 'Thu nhập bình quân (đồng/người/tháng)';
    const { notes } = await read(register(header, [['HN01', 2, '1.500.000.000.000'], ['HN02', 3, '100.000.000'], ['HN03', 3, '10.000']]));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('1 household with an income over 100.000.000 đồng a person a month (row 2: 3.000.000.000.000 đồng a month for the household)');
    expect(notes[0]).toContain('a typing slip (a figure with zeros too many, a yearly figure under a monthly header, a commune\'s total on a household\'s row?): check the figures');
  });

  it('plausibleBounds.maxDongFigure moves the bound: the same figures said under a low bound, not under a high one; a bound that is not a number is refused naming it', async () => {
    const file = register('Thu nhập bình quân (nghìn đồng/người/tháng)', [['HN01', 4, '1.800.000'], ['HN02', 2, '1.800']]);
    expect((await read(file, { maxDongFigure: 2_000_000_000_000 })).notes).toEqual([]);
    const low = await read(file, { maxDongFigure: 1_500_000 });
    expect(low.notes).toHaveLength(1);
    expect(low.notes[0]).toContain('2 households with an income over 1.500.000 đồng a person a month (row 2: 7.200.000.000 đồng a month for the household, row 3: 3.600.000 đồng a month for the household)');
    expect(low.statuses).toEqual((await read(file)).statuses);
    await expect(read(file, { maxDongFigure: Number.NaN })).rejects.toThrow(/plausibleBounds\.maxDongFigure/);
    await expect(read(file, { maxDongFigure: -1 })).rejects.toThrow(/plausibleBounds\.maxDongFigure/);
    expect(plausibleBoundsOf(undefined)).toEqual({ maxMembers: 50, minDongFigure: MIN_PLAUSIBLE_DONG_FIGURE, maxDongFigure: MAX_PLAUSIBLE_DONG_FIGURE });
  });

  it('a household of the record path (with its members\' ages) is tallied too', async () => {
    const header = 'Thu nhập bình quân (nghìn đồng/người/tháng)';
    const file = join(dir(), 'tuoi.csv');
    writeFileSync(file, [`Mã hộ,Khu vực,Tuổi các thành viên,${header},${FLAGS.join(',')}`, 'HN01,Nông thôn,45;40;12,1.800.000,,x,', 'HN02,Nông thôn,60,1.900,,,'].join('\n') + '\n');
    const { notes } = await read(file);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('1 household with an income over 100.000.000 đồng a person a month (row 2: 5.400.000.000 đồng a month for the household)');
  });

  describe('properties', () => {
    const UNITS = [
      { words: 'đồng', dong: 1n },
      { words: 'nghìn đồng', dong: 1_000n },
      { words: 'triệu đồng', dong: 1_000_000n },
    ] as const;
    /** `num / den` (den a power of ten dividing num · 10⁶) printed as officials print it: `.` between thousands, `,` before the decimals. */
    const printed = (num: bigint, den: bigint): string => {
      const whole = (num / den).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      const rest = num % den;
      if (rest === 0n) return whole;
      const digits = den.toString().length - 1;
      const decimals = rest.toString().padStart(digits, '0').replace(/0+$/, '');
      // three decimals read two ways (10,008: a decimal comma or an English thousands comma): a fourth, 0, says which
      return `${whole},${decimals.length === 3 ? `${decimals}0` : decimals}`;
    };
    // an income a person a month in đồng, a whole number of nghìn đồng per year's 12 months so that every unit prints it exactly
    const perHead = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max }).map((n) => n * 12);
    const within = perHead(Math.ceil(MIN_PLAUSIBLE_DONG_FIGURE / 12), Math.floor(MAX_PLAUSIBLE_DONG_FIGURE / 12));
    const beyond = fc.oneof(perHead(1, Math.floor((MIN_PLAUSIBLE_DONG_FIGURE - 1) / 12)), perHead(Math.floor(MAX_PLAUSIBLE_DONG_FIGURE / 12) + 1, 100_000_000_000));
    const column = fc.record({ unit: fc.constantFrom(...UNITS), year: fc.boolean(), perPerson: fc.boolean() });
    type Column = { readonly unit: (typeof UNITS)[number]; readonly year: boolean; readonly perPerson: boolean };
    const header = (c: Column): string =>
      c.perPerson ? `Thu nhập bình quân (${c.unit.words}/người/${c.year ? 'năm' : 'tháng'})` : `Thu nhập (${c.unit.words}/${c.year ? 'năm' : 'tháng'})`;
    /** The cell of a household of `m` members whose income is `p` đồng a person a month, in the column's unit and period. */
    const cellOf = (c: Column, p: number, m: number): string => printed(BigInt(p) * (c.year ? 12n : 1n) * (c.perPerson ? 1n : BigInt(m)), c.unit.dong);

    it('scaling a correct column by its unit never gives a note for incomes within the bounds, and always one naming the rows beyond them', async () => {
      await fc.assert(
        fc.asyncProperty(column, fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.boolean()), { minLength: 1, maxLength: 8 }), within, beyond, async (c, households, good, bad) => {
          const rows = households.map(([m, out], i) => [`H${i + 1}`, m, cellOf(c, out ? bad : good, m)] as const);
          const { notes } = await read(register(header(c), rows));
          const noted = households.flatMap(([, out], i) => (out ? [i + 2] : []));
          if (noted.length === 0) expect(notes).toEqual([]);
          else {
            expect(notes).toHaveLength(1);
            expect(notes[0]).toMatch(bad < MIN_PLAUSIBLE_DONG_FIGURE ? /income under 10\.000 đồng/ : /income over 100\.000\.000 đồng/);
            expect([...notes[0]!.matchAll(/row (\d+):/g)].map((r) => Number(r[1]))).toEqual(noted);
          }
        }),
        { numRuns: 40 },
      );
    });
  });
});
