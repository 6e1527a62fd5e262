import { Readable } from 'node:stream';
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
});
