import fc from 'fast-check';
import type { HouseholdInput } from '../../src/standards/household.js';
import type { IndicatorId } from '../../src/standards/indicators.js';
import type { PovertyStandard } from '../../src/standards/standards.js';

/** Asked-for dates inside each built-in standard, boundaries included. */
export const DATES_BY_STANDARD: Readonly<Record<string, readonly string[]>> = {
  'qd-59-2015': ['2016-01-01', '2018-07-15', '2021-12-31'],
  'nd-07-2021': ['2022-01-01', '2024-09-01', '2026-12-31'],
  'nd-351-2025': ['2027-01-01', '2029-03-31', '2030-12-31'],
};

/** A date in force for the standard. */
export const asOfArb = (standard: PovertyStandard): fc.Arbitrary<string> => fc.constantFrom(...(DATES_BY_STANDARD[standard.id] ?? [standard.effectiveFrom]));

/**
 * Total monthly income for `members` people, drawn so that incomes at, just below and just above
 * every line (× members) are frequent, as are ordinary incomes up to 10 million per head.
 */
export function incomeArb(standard: PovertyStandard, members: number): fc.Arbitrary<bigint> {
  const n = BigInt(members);
  const lines = [standard.lines.rural, standard.lines.urban].flatMap((l) => [l.incomeOnlyPoor, l.poverty, l.averageCeiling]).filter((v): v is bigint => v !== undefined);
  const near = fc.tuple(fc.constantFrom(...lines), fc.constantFrom(-1n, 0n, 1n)).map(([l, delta]) => {
    const v = l * n + delta;
    return v < 0n ? 0n : v;
  });
  return fc.oneof(near, fc.bigInt({ min: 0n, max: 10_000_000n * n }));
}

/** Complete review-form flags for the standard's indicators (`true` = deprived). */
export function flagsArb(standard: PovertyStandard): fc.Arbitrary<Record<string, boolean>> {
  const ids = standard.indicators.map((i) => i.id);
  return fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }).map((bits) => Object.fromEntries(ids.map((id, i) => [id, bits[i] ?? false])));
}

/** A member with every fact the indicators read, drawn so that either outcome of each is common. */
export const memberArb = fc.record({
  age: fc.oneof(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 16, max: 30 }), fc.integer({ min: 31, max: 95 })),
  work: fc.constantFrom('wage-with-contract', 'wage-without-contract', 'self-employed', 'unemployed', 'not-working') as fc.Arbitrary<
    'wage-with-contract' | 'wage-without-contract' | 'self-employed' | 'unemployed' | 'not-working'
  >,
  healthInsurance: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
  attendingSchool: fc.boolean(),
  education: fc.constantFrom('none', 'primary', 'lower-secondary', 'upper-secondary', 'vocational', 'college', 'university') as fc.Arbitrary<
    'none' | 'primary' | 'lower-secondary' | 'upper-secondary' | 'vocational' | 'college' | 'university'
  >,
  disabled: fc.boolean(),
  monthlySocialAllowance: fc.boolean(),
  malnourished: fc.boolean(),
  untreatedIllness: fc.boolean(),
});

const durability = fc.constantFrom('durable', 'non-durable') as fc.Arbitrary<'durable' | 'non-durable'>;

/** A household described by complete facts (no flags), valid for any standard. */
export function factHouseholdArb(standard: PovertyStandard): fc.Arbitrary<HouseholdInput & { monthlyIncome: bigint }> {
  return fc.array(memberArb, { minLength: 1, maxLength: 9 }).chain((members) =>
    fc.record({
      area: fc.constantFrom('rural', 'urban') as fc.Arbitrary<'rural' | 'urban'>,
      monthlyIncome: incomeArb(standard, members.length),
      members: fc.constant(members),
      dwelling: fc.record({
        walls: durability,
        columns: durability,
        roof: durability,
        floorArea: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(8 * members.length), fc.constant(`${8 * members.length - 1}.5`)),
      }),
      safeWater: fc.boolean(),
      hygienicLatrine: fc.boolean(),
      telecom: fc.boolean(),
      informationDevices: fc.subarray(['television', 'radio', 'computer', 'smartphone'] as const).map((a) => [...a]),
      villageLoudspeaker: fc.boolean(),
      wasteTreated: fc.boolean(),
    }),
  );
}

/** A household given as review-form flags for every indicator of the standard (facts: ages only). */
export function flagHouseholdArb(standard: PovertyStandard): fc.Arbitrary<HouseholdInput & { monthlyIncome: bigint; deprivations: Record<string, boolean> }> {
  return fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.record({
      area: fc.constantFrom('rural', 'urban') as fc.Arbitrary<'rural' | 'urban'>,
      monthlyIncome: incomeArb(standard, n),
      members: fc.array(fc.record({ age: fc.integer({ min: 0, max: 100 }) }), { minLength: n, maxLength: n }),
      deprivations: flagsArb(standard),
    }),
  );
}

/** The ids of a standard's indicators. */
export const idsOf = (standard: PovertyStandard): readonly IndicatorId[] => standard.indicators.map((i) => i.id);
