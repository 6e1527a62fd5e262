import fc from 'fast-check';
import { POVERTY_CAUSES, type ReviewedHousehold } from '../../src/reports/reviewedHousehold.js';
import type { SummaryFormUnit } from '../../src/reports/summaryForm.js';
import { HOUSEHOLD_STATUSES } from '../../src/standards/householdStatus.js';
import { ND07_2021 } from '../../src/standards/standards.js';

/** A small commune register: 8 households in two units. */
export const REGISTER: ReviewedHousehold[] = [
  { id: 'a1', unit: 'Đắk Mol', village: 'Bon Bu', headName: 'Y Bình', status: 'poor', ethnicMinority: true, ethnicGroup: "M'nông", deprivations: ['latrine', 'telecom', 'nutrition'], causes: ['land', 'capital'], children: { total: 3, withoutHealthInsurance: 1, nutritionDeprived: 1, schoolDeprived: 0 } },
  { id: 'a2', unit: 'Đắk Mol', village: 'Thôn 1', headName: 'Nguyễn Văn A', status: 'near-poor', ethnicGroup: 'Kinh', deprivations: ['latrine'], causes: ['illness'], policyGroups: ['người có công'], children: { total: 2, withoutHealthInsurance: 0, nutritionDeprived: 0, schoolDeprived: 1 } },
  { id: 'a3', unit: 'Đắk Mol', village: 'Thôn 1', status: 'average', ethnicGroup: 'Kinh' },
  { id: 'a4', unit: 'Đắk Mol', village: 'Bon Bu', status: 'poor', ethnicMinority: true, ethnicGroup: "M'nông", deprivations: ['latrine', 'water-source', 'housing-quality', 'waste-treatment'], causes: ['land'] },
  { id: 'b1', unit: 'Đắk Hòa', village: 'Thôn 3', status: 'non-poor', ethnicGroup: 'Kinh' },
  { id: 'b2', unit: 'Đắk Hòa', village: 'Thôn 3', status: 'near-poor', ethnicGroup: 'Ê Đê', ethnicMinority: true, deprivations: ['telecom'] },
  { id: 'b3', unit: 'Đắk Hòa', village: 'Thôn 2', status: 'non-poor', ethnicGroup: 'Kinh' },
  { id: 'b4', unit: 'Đắk Hòa', village: 'Thôn 2', status: 'poor', ethnicGroup: 'Kinh', deprivations: ['adult-education', 'latrine', 'telecom'], causes: ['skills'], policyGroups: ['người có công'] },
];

/** The units of the generated registers, each with its area. */
export const UNITS = [
  ['Nhà Bàng', 'urban'],
  ['Chi Lăng', 'urban'],
  ['Tân Lợi', 'rural'],
  ['Văn Giáo', 'rural'],
] as const;

/** A generated register of reviewed households: units with a fixed area each, every optional field drawn. */
export const registerArb: fc.Arbitrary<ReviewedHousehold[]> = fc
  .array(
    fc.record({
      u: fc.integer({ min: 0, max: UNITS.length - 1 }),
      village: fc.constantFrom('Thôn 1', 'Thôn 2', 'Bon Bu'),
      status: fc.constantFrom(...HOUSEHOLD_STATUSES),
      startStatus: fc.option(fc.constantFrom(...HOUSEHOLD_STATUSES), { nil: null }),
      everEscapedPoverty: fc.boolean(),
      everEscapedNearPoverty: fc.boolean(),
      ethnicMinority: fc.boolean(),
      ethnicGroup: fc.constantFrom('Kinh', "M'nông", 'Ê Đê', 'Khmer'),
      deprivations: fc.subarray(ND07_2021.indicators.map((i) => i.id)),
      causes: fc.subarray([...POVERTY_CAUSES]),
      policyGroups: fc.subarray(['người có công', 'bảo trợ xã hội', 'không có khả năng lao động']),
      children: fc.integer({ min: 0, max: 5 }).chain((total) =>
        fc.record({ total: fc.constant(total), withoutHealthInsurance: fc.integer({ min: 0, max: total }), nutritionDeprived: fc.integer({ min: 0, max: total }), schoolDeprived: fc.integer({ min: 0, max: total }) }),
      ),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map(({ u, ...r }, i) => {
      const [unit, area] = UNITS[u]!;
      return { id: `h${i}`, unit, area, ...r };
    }),
  );

/** Seed 001 (Tịnh Biên 2024, lines 121–137): households, poor at the start, planned exits, remaining. */
const SEED001: ReadonlyArray<readonly [string, 'urban' | 'rural', number, number, number, number]> = [
  ['Nhà Bàng', 'urban', 3339, 18, 1, 17],
  ['Tịnh Biên', 'urban', 3750, 23, 1, 22],
  ['Chi Lăng', 'urban', 1831, 7, 1, 6],
  ['Nhon Hưng', 'urban', 1657, 7, 1, 6],
  ['An Phú', 'urban', 2348, 38, 1, 37],
  ['Thới Sơn', 'urban', 2073, 6, 1, 5],
  ['Núi Voi', 'urban', 1196, 14, 2, 12],
  ['Tân Lập', 'rural', 1375, 28, 2, 26],
  ['Tân Lợi', 'rural', 2154, 44, 1, 43],
  ['Văn Giáo', 'rural', 1660, 139, 50, 89],
  ['Vĩnh Trung', 'rural', 2213, 44, 1, 43],
  ['An Nông', 'rural', 1006, 28, 1, 27],
  ['An Hào', 'rural', 3393, 171, 38, 133],
  ['An Cư', 'rural', 2524, 195, 53, 142],
];
export const seedUnits: SummaryFormUnit[] = SEED001.map(([unit, area, households, start, exits, end]) => ({ unit, area, households, start, startEthnicMinority: 0, exits, re: 0, newly: 0, end, endEthnicMinority: 0 }));
