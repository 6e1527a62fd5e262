import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdSchema, type Household } from '../../src/standards/household.js';
import {
  INDICATOR_IDS,
  ND07_2021_INDICATORS,
  ND351_2025_INDICATORS,
  QD59_2015_INDICATORS,
  adultEducationDeprived,
  dependantsDeprived,
  employmentDeprived,
  healthInsuranceDeprived,
  housingAreaDeprived,
  housingQualityDeprived,
  informationDevicesDeprived,
  nutritionDeprived,
  schoolAttendanceDeprived,
} from '../../src/standards/indicators.js';
import { ND07_2021 } from '../../src/standards/standards.js';
import { factHouseholdArb } from '../arbitraries/household.js';
import { expectDeepFrozen } from '../_helpers/purity.js';

const h = (input: unknown): Household => householdSchema.parse(input) as Household;
const base = { area: 'rural', monthlyIncome: 0 };

describe('indicator catalogue', () => {
  it('has stable ids, Vietnamese names, citations and UNCONFIRMED thresholds', () => {
    for (const list of [ND07_2021_INDICATORS, QD59_2015_INDICATORS, ND351_2025_INDICATORS]) {
      expectDeepFrozen(list);
      for (const ind of list) {
        expect(INDICATOR_IDS).toContain(ind.id);
        expect(ind.nameVi.length).toBeGreaterThan(0);
        expect(ind.source).toMatch(/^(NĐ|QĐ) \d+\/20\d\d/);
        expect(ind.confirmation).toBe('UNCONFIRMED');
      }
      expect(new Set(list.map((i) => i.id)).size).toBe(list.length);
    }
  });

  it('lists NĐ 07/2021 indicators in the decree order, two per service (poverty-standards.md §1.2)', () => {
    expect(ND07_2021_INDICATORS.map((i) => `${i.dimension}:${i.id}`)).toEqual([
      'employment:employment',
      'employment:dependants',
      'health:nutrition',
      'health:health-insurance',
      'education:adult-education',
      'education:school-attendance',
      'housing:housing-quality',
      'housing:housing-area',
      'water-sanitation:water-source',
      'water-sanitation:latrine',
      'information:telecom',
      'information:information-devices',
    ]);
    expect(ND07_2021.dimensions.find((d) => d.id === 'water-sanitation')?.nameVi).toBe('nước sinh hoạt và vệ sinh');
  });
});

describe('indicator predicates (three-valued: undefined when missing facts could change the answer)', () => {
  it('employment: wage work without a contract or unemployment deprives; an adult without recorded work is unknown', () => {
    expect(employmentDeprived(h({ ...base, members: [{ age: 30, work: 'wage-without-contract' }] }))).toBe(true);
    expect(employmentDeprived(h({ ...base, members: [{ age: 30, work: 'unemployed' }, { age: 40 }] }))).toBe(true);
    expect(employmentDeprived(h({ ...base, members: [{ age: 30, work: 'wage-with-contract' }, { age: 10 }] }))).toBe(false);
    expect(employmentDeprived(h({ ...base, members: [{ age: 30, work: 'self-employed' }, { age: 40 }] }))).toBeUndefined();
    expect(employmentDeprived(h({ ...base, members: [{ age: 14, work: 'wage-without-contract' }, { age: 40, work: 'self-employed' }] }))).toBe(false);
  });

  it('dependants: more than half, counting children under 16 and members on a monthly allowance', () => {
    expect(dependantsDeprived(h({ ...base, members: [{ age: 40, monthlySocialAllowance: false }, { age: 15 }] }))).toBe(false);
    expect(dependantsDeprived(h({ ...base, members: [{ age: 40, monthlySocialAllowance: false }, { age: 15 }, { age: 16, monthlySocialAllowance: true }] }))).toBe(true);
    expect(dependantsDeprived(h({ ...base, members: [{ age: 40 }, { age: 15 }, { age: 3 }] }))).toBe(true);
    expect(dependantsDeprived(h({ ...base, members: [{ age: 40 }, { age: 15 }] }))).toBeUndefined();
    expect(dependantsDeprived(h({ ...base, members: [{ age: 40 }, { age: 41 }, { age: 15 }, { age: 42, monthlySocialAllowance: false }] }))).toBeUndefined();
    expect(dependantsDeprived(h({ ...base, members: [{ age: 40, monthlySocialAllowance: false }, { age: 41 }, { age: 15 }, { age: 42, monthlySocialAllowance: false }] }))).toBe(false);
  });

  it('nutrition and school attendance concern only children (under 16; 3 to under 16)', () => {
    expect(nutritionDeprived(h({ ...base, members: [{ age: 16, malnourished: true }] }))).toBe(false);
    expect(nutritionDeprived(h({ ...base, members: [{ age: 15, malnourished: true }] }))).toBe(true);
    expect(nutritionDeprived(h({ ...base, members: [{ age: 15 }] }))).toBeUndefined();
    expect(schoolAttendanceDeprived(h({ ...base, members: [{ age: 2, attendingSchool: false }] }))).toBe(false);
    expect(schoolAttendanceDeprived(h({ ...base, members: [{ age: 3, attendingSchool: false }] }))).toBe(true);
    expect(schoolAttendanceDeprived(h({ ...base, members: [{ age: 16, attendingSchool: false }] }))).toBe(false);
  });

  it('health insurance from age 6', () => {
    expect(healthInsuranceDeprived(h({ ...base, members: [{ age: 5, healthInsurance: false }] }))).toBe(false);
    expect(healthInsuranceDeprived(h({ ...base, members: [{ age: 6, healthInsurance: false }] }))).toBe(true);
  });

  it('adult education: 16–17 need lower-secondary, 18–30 upper-secondary or vocational, unless in school', () => {
    expect(adultEducationDeprived(h({ ...base, members: [{ age: 17, education: 'lower-secondary', attendingSchool: false }] }))).toBe(false);
    expect(adultEducationDeprived(h({ ...base, members: [{ age: 18, education: 'lower-secondary', attendingSchool: false }] }))).toBe(true);
    expect(adultEducationDeprived(h({ ...base, members: [{ age: 18, education: 'lower-secondary', attendingSchool: true }] }))).toBe(false);
    expect(adultEducationDeprived(h({ ...base, members: [{ age: 25, education: 'vocational' }] }))).toBe(false);
    expect(adultEducationDeprived(h({ ...base, members: [{ age: 31, education: 'none', attendingSchool: false }] }))).toBe(false);
  });

  it('housing quality needs 2 of 3 non-durable; housing area compares exactly (8 m² per person)', () => {
    expect(housingQualityDeprived(h({ ...base, members: [{ age: 30 }], dwelling: { walls: 'non-durable', roof: 'non-durable' } }))).toBe(true);
    expect(housingQualityDeprived(h({ ...base, members: [{ age: 30 }], dwelling: { walls: 'non-durable', roof: 'durable', columns: 'durable' } }))).toBe(false);
    expect(housingQualityDeprived(h({ ...base, members: [{ age: 30 }], dwelling: { walls: 'non-durable' } }))).toBeUndefined();
    expect(housingAreaDeprived(h({ ...base, members: [{ age: 30 }, { age: 3 }], dwelling: { floorArea: '15.99' } }))).toBe(true);
    expect(housingAreaDeprived(h({ ...base, members: [{ age: 30 }, { age: 3 }], dwelling: { floorArea: 16 } }))).toBe(false);
  });

  it('information devices: none owned and no loudspeaker', () => {
    expect(informationDevicesDeprived(h({ ...base, members: [{ age: 30 }], informationDevices: [], villageLoudspeaker: false }))).toBe(true);
    expect(informationDevicesDeprived(h({ ...base, members: [{ age: 30 }], informationDevices: [], villageLoudspeaker: true }))).toBe(false);
    expect(informationDevicesDeprived(h({ ...base, members: [{ age: 30 }], informationDevices: ['radio'] }))).toBe(false);
    expect(informationDevicesDeprived(h({ ...base, members: [{ age: 30 }], informationDevices: [] }))).toBeUndefined();
  });
});

/** Drops optional facts at random (never the age, area or income). */
function forget(full: Record<string, unknown>, keep: readonly boolean[]): Record<string, unknown> {
  let k = 0;
  const next = (): boolean => keep[k++ % keep.length] ?? true;
  const members = (full['members'] as Record<string, unknown>[]).map((m) => Object.fromEntries(Object.entries(m).filter(([key]) => key === 'age' || next())));
  const dwelling = Object.fromEntries(Object.entries(full['dwelling'] as Record<string, unknown>).filter(() => next()));
  const top = Object.fromEntries(Object.entries(full).filter(([key]) => ['area', 'monthlyIncome', 'members', 'dwelling'].includes(key) || next()));
  return { ...top, members, dwelling };
}

describe('properties', () => {
  it('a predicate that answers with some facts missing gives the same answer once all facts are known', () => {
    const all = [...ND07_2021_INDICATORS, ...QD59_2015_INDICATORS, ...ND351_2025_INDICATORS];
    fc.assert(
      fc.property(factHouseholdArb(ND07_2021), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (full, keep) => {
        const complete = h(full);
        const partial = h(forget(full as unknown as Record<string, unknown>, keep));
        for (const ind of all) {
          const p = ind.deprived(partial);
          const c = ind.deprived(complete);
          expect(c).not.toBeUndefined();
          if (p !== undefined) expect(p).toBe(c);
        }
      }),
    );
  });
});
