import fc from 'fast-check';
import { POVERTY_CAUSES, type ReviewedHousehold } from '../../src/reports/reviewedHousehold.js';
import { HOUSEHOLD_STATUSES } from '../../src/standards/householdStatus.js';
import { ND07_2021 } from '../../src/standards/standards.js';

const UNITS = [
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
