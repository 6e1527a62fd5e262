import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/csv.js';
import { readHouseholdRegister, type RegisterHousehold } from '../../src/io/readHouseholdRegister.js';
import { classifyHousehold } from '../../src/standards/classifyHousehold.js';
import type { VnIssue } from '../../src/errors/VnPovertyError.js';
import { rejectedError } from '../_helpers/errors.js';

const ND07_IDS = [
  'employment', 'dependants', 'nutrition', 'health-insurance', 'adult-education', 'school-attendance',
  'housing-quality', 'housing-area', 'water-source', 'latrine', 'telecom', 'information-devices',
];

async function read(rows: string[][], source = 'ho.csv'): Promise<RegisterHousehold[]> {
  const out: RegisterHousehold[] = [];
  for await (const h of readHouseholdRegister(Readable.from([formatCsv(rows)]), { source })) out.push(h);
  return out;
}

/** The first issue of the VnPovertyError that reading `rows` rejects with. */
async function failure(rows: string[][]): Promise<VnIssue> {
  return (await rejectedError(read(rows))).issues[0];
}

const FLAGS_HEADER = ND07_IDS.map((id) => `Deprived: ${id}`);
const flags = (deprived: string[]): string[] => ND07_IDS.map((id) => (deprived.includes(id) ? 'có' : 'không'));

describe('readHouseholdRegister', () => {
  it('reads one row per household with an ages column and review-form flags, ready to classify', async () => {
    const rows = [
      ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', 'Họ tên chủ hộ', ...FLAGS_HEADER],
      // 6,000,000 đ for 4 people = 1,500,000 per head: exactly at the NĐ 07/2021 rural line (Art. 3 cl. 1)
      ['H1', '30316', 'nông thôn', '6.000.000', '40;38;10;7', 'Nguyễn Văn A', ...flags(['health-insurance', 'latrine', 'telecom'])],
      ['H2', '30316', 'Thành thị', '8.000.001', '40;38;10;7', 'Trần Thị B', ...flags([])],
    ];
    const households = await read(rows);
    expect(households.map((h) => [h.row, h.unit, h.household.id, h.household.area, h.household.monthlyIncome, h.household.members.length])).toEqual([
      [2, '30316', 'H1', 'rural', 6_000_000n, 4],
      [3, '30316', 'H2', 'urban', 8_000_001n, 4],
    ]);
    const statuses = households.map((h) => classifyHousehold(h.household, { asOf: '2024-01-01' }).status);
    // H2: 2,000,000.25 đ per head, one quarter đồng above the urban line: not near-poor but in the average-living band
    expect(statuses).toEqual(['poor', 'average']);
  });

  it('reads one row per member, household columns repeated or left blank', async () => {
    const rows = [
      ['Household id', 'Area', 'Monthly income (dong)', 'Age', 'Work', 'BHYT', 'Nước sạch'],
      ['H1', 'rural', '3.000.000', '45', 'thất nghiệp', 'không', 'có'],
      ['H1', '', '', '12', '', 'có', ''],
      ['H1', 'rural', '3.000.000', '70', 'không làm việc', 'có', 'có'],
      ['H2', 'urban', '9.000.000', '30', 'wage-with-contract', 'có', 'có'],
    ];
    const households = await read(rows);
    expect(households).toHaveLength(2);
    expect(households[0]).toMatchObject({ row: 2, lastRow: 4, unit: null });
    expect(households[0]?.household.members).toEqual([
      { age: 45, work: 'unemployed', healthInsurance: false },
      { age: 12, healthInsurance: true },
      { age: 70, work: 'not-working', healthInsurance: true },
    ]);
    expect(households[0]?.household.safeWater).toBe(true);
  });

  it('names file, row and column when a member row contradicts its household', async () => {
    const found = await failure([
      ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi'],
      ['H1', 'nông thôn', '3.000.000', '45'],
      ['H1', 'nông thôn', '3.500.000', '12'],
    ]);
    expect(found.code).toBe('inconsistent-household');
    expect(found.path).toEqual(['ho.csv', 3, 'Thu nhập/tháng (đồng)']);
  });

  it('refuses a household whose rows are not together', async () => {
    const found = await failure([
      ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi'],
      ['H1', 'nông thôn', '1', '45'],
      ['H2', 'nông thôn', '1', '45'],
      ['H1', 'nông thôn', '1', '45'],
    ]);
    expect(found.code).toBe('duplicate-household');
    expect(found.message).toMatch(/^ho\.csv, row 4, column 1 \(Mã hộ\): /);
  });

  it('names the cell of an unreadable value and refuses a register without members', async () => {
    const income = await failure([
      ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên'],
      ['H1', 'nông thôn', 'khoảng 3 triệu', '40'],
    ]);
    expect(income.code).toBe('approximate-value');
    expect(income.path).toEqual(['ho.csv', 2, 'Thu nhập/tháng (đồng)']);
    const area = await failure([
      ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên'],
      ['H1', 'miền núi', '1', '40'],
    ]);
    expect(area.code).toBe('invalid-input');
    expect(area.path).toEqual(['ho.csv', 2, 'Khu vực']);
    const members = await failure([
      ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)'],
      ['H1', 'nông thôn', '1'],
    ]);
    expect(members.code).toBe('missing-members');
    const missing = await failure([['Mã hộ', 'Thu nhập/tháng (đồng)', 'Tuổi']]);
    expect(missing.code).toBe('missing-column');
    expect(missing.message).toMatch(/Khu vực/);
  });

  describe('member rows of the same age', () => {
    const header = ['STT', 'Mã hộ', 'Họ tên', 'Quan hệ với chủ hộ', 'Tuổi', 'Khu vực', 'Thu nhập/tháng (đồng)'];
    const head = ['1', 'H005', 'Lò Văn Pấng', 'Chủ hộ', '38', 'nông thôn', '4.800.000'];
    const khăm = ['3', 'H005', 'Lò Văn Khăm', 'Con', '6', '', ''];

    it('reads two children aged 6 with different names and STT as two members', async () => {
      const households = await read([header, head, ['2', 'H005', 'Lò Thị Ín', 'Vợ/chồng', '35', '', ''], khăm, ['4', 'H005', 'Lò Thị Bua', 'Con', '6', '', '']]);
      expect(households).toHaveLength(1);
      expect(households[0]!.household.members.map((m) => m.age)).toEqual([38, 35, 6, 6]);
      // the cells are kept inside the reader only: a household read from a file carries no `cells`
      expect(Object.keys(households[0]!)).not.toContain('cells');
    });

    it('still refuses two rows identical in every column (a copied row)', async () => {
      const found = await failure([header, head, khăm, [...khăm]]);
      expect(found.code).toBe('duplicate-row');
      expect(found.message).toMatch(/^ho\.csv, rows 3 and 4: two identical rows of household "H005"/);
    });
  });

  describe('properties', () => {
    it('member rows are a repeat exactly when they are the same in every column', async () => {
      // a household of members aged 6 whose names are drawn from a few: refused only when two rows print the same name
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom('Lò Văn Khăm', 'Lò Thị Bua', 'Lò Văn Ún'), { minLength: 1, maxLength: 4 }), async (names) => {
          const rows = [['Mã hộ', 'Họ tên', 'Tuổi', 'Khu vực', 'Thu nhập/tháng (đồng)'], ['H1', 'Lò Văn Pấng', '38', 'nông thôn', '4.800.000'], ...names.map((n) => ['H1', n, '6', '', ''])];
          const repeated = new Set(names).size < names.length;
          const outcome = await read(rows).then(
            (hs) => hs.map((h) => h.household.members.length),
            (e: { issues: VnIssue[] }) => e.issues[0]!.code,
          );
          expect(outcome).toEqual(repeated ? 'duplicate-row' : [names.length + 1]);
        }),
        { numRuns: 40 },
      );
    });
  });

  describe('a split household (its member rows, another household\'s, then its own again)', () => {
    const header = ['Mã hộ', 'Tuổi', 'Khu vực', 'Thu nhập/tháng (đồng)'];
    const [m01, m01b, m01c] = [['M01', '40', 'nông thôn', '5.600.000'], ['M01', '38', '', ''], ['M01', '10', '', '']];
    const [m02, m02b] = [['M02', '55', 'nông thôn', '2.800.000'], ['M02', '50', '', '']];

    it('names the household, the row it appears again at and the household between', async () => {
      const found = await failure([header, m01!, m01b!, m02!, m01c!, m02b!]);
      expect(found.code).toBe('duplicate-household');
      expect(found.message).toBe('ho.csv, row 5, column 1 (Mã hộ): household "M01" appears again at row 5 after household "M02" (first on row 2): a split household; put all its member rows together');
    });

    it('reads the same rows with each household together', async () => {
      const households = await read([header, m01!, m01b!, m01c!, m02!, m02b!]);
      expect(households.map((h) => [h.household.id, h.household.members.length])).toEqual([['M01', 3], ['M02', 2]]);
    });
  });

  describe('the household id on the head’s row only', () => {
    const header = ['Mã hộ', 'Tuổi', 'Khu vực', 'Thu nhập/tháng (đồng)'];

    it('member rows with no id and no household cells, right under their household, are its members, the rows named in a note', async () => {
      const notes: string[] = [];
      const out: RegisterHousehold[] = [];
      const rows = [header, ['M01', '40', 'nông thôn', '5.600.000'], ['', '38', '', ''], ['', '10', '', ''], ['M02', '55', 'nông thôn', '2.800.000'], ['', '50', '', '']];
      for await (const h of readHouseholdRegister(Readable.from([formatCsv(rows)]), { source: 'ho.csv', onNote: (n) => notes.push(n) })) out.push(h);
      expect(out.map((h) => [h.household.id, h.row, h.lastRow, h.household.members.map((m) => m.age)])).toEqual([['M01', 2, 4, [40, 38, 10]], ['M02', 5, 6, [55, 50]]]);
      expect(notes).toEqual(['ho.csv: rows 3–4, 6 have no household id (Mã hộ), a member\'s columns and no household\'s: each read as a member of the household on the row above it (the id written on the head\'s row only)']);
    });

    it('a row with no id that has a household cell, or comes first, is refused naming its id cell, as before', async () => {
      const withArea = await failure([header, ['M01', '40', 'nông thôn', '5.600.000'], ['', '38', 'nông thôn', '']]);
      expect(withArea.code).toBe('missing-value');
      expect(withArea.path).toEqual(['ho.csv', 3, 'Mã hộ']);
      const first = await failure([header, ['', '38', '', ''], ['M01', '40', 'nông thôn', '5.600.000']]);
      expect(first.path).toEqual(['ho.csv', 2, 'Mã hộ']);
    });
  });
});

