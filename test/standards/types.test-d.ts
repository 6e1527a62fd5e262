/**
 * Type tests of the household input, checked by `tsc` (npm run typecheck). Each
 * `@ts-expect-error` line must fail to compile: a typo in a household is caught before it runs.
 */
import { expectTypeOf } from 'vitest';
import { classifyHousehold, classifyHouseholds, householdSchema, type HouseholdClassification, type HouseholdInput } from '../../src/index.js';

const asOf = '2024-01-01';
const household = { area: 'rural', monthlyIncome: 6_000_000, members: [{ age: 40, work: 'self-employed' }, { age: 9, attendingSchool: true }] } as const;

// a plain (even deeply readonly) object literal is a HouseholdInput; the result is typed
expectTypeOf(classifyHousehold(household, { asOf })).toEqualTypeOf<HouseholdClassification>();
expectTypeOf(classifyHouseholds([household, household], { asOf }).results).toEqualTypeOf<readonly HouseholdClassification[]>();
// the parameter is the input type, not unknown
expectTypeOf(classifyHousehold).parameter(0).toEqualTypeOf<HouseholdInput>();
expectTypeOf(classifyHouseholds).parameter(0).toEqualTypeOf<readonly HouseholdInput[]>();
// money may be given as bigint, a safe integer or an integer string
expectTypeOf<HouseholdInput['monthlyIncome']>().toEqualTypeOf<bigint | number | string>();
// what the schema parses is a HouseholdInput
expectTypeOf(householdSchema.parse(household)).toExtend<HouseholdInput>();

// @ts-expect-error an unknown area
classifyHousehold({ ...household, area: 'suburban' }, { asOf });
// @ts-expect-error a typo in a fact's name (safeWater)
classifyHousehold({ ...household, safewater: true }, { asOf });
// @ts-expect-error a member without an age
classifyHousehold({ ...household, members: [{ work: 'unemployed' }] }, { asOf });
// @ts-expect-error an unknown work status
classifyHousehold({ ...household, members: [{ age: 30, work: 'farmer' }] }, { asOf });
// @ts-expect-error income is whole đồng, not a fraction
classifyHousehold({ ...household, monthlyIncome: { num: 1n, den: 2n } }, { asOf });
// @ts-expect-error no area
classifyHousehold({ monthlyIncome: 0, members: [{ age: 1 }] }, { asOf });
// @ts-expect-error an unknown information device
classifyHouseholds([{ ...household, informationDevices: ['fax'] }], { asOf });
