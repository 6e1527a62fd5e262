import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALTERNATIVE_PREDICATES,
  LISTED_WATER_SOURCES,
  SCHOOL_LEVEL_FOR_AGE,
  schoolAttendanceAtLevel,
  schoolAttendanceAtLevelDeprived,
  waterSourceNotListed,
  waterSourceNotListedDeprived,
} from '../../src/standards/alternativePredicates.js';
import { classifyHousehold } from '../../src/standards/classifyHousehold.js';
import { SCHOOL_LEVELS, WATER_SOURCES, householdSchema, type HouseholdInput, type SchoolLevel } from '../../src/standards/household.js';
import { schoolAttendanceDeprived, waterSourceDeprived } from '../../src/standards/indicators.js';

const h = (input: Omit<HouseholdInput, 'area' | 'monthlyIncome'>) => householdSchema.parse({ area: 'rural', monthlyIncome: 0, ...input });

describe('school attendance at the right level for the age (alternative, UNCONFIRMED)', () => {
  it('a 12-year-old in primary school is deprived; in lower-secondary is not; the default only reads attendance', () => {
    const behind = h({ members: [{ age: 40 }, { age: 12, attendingSchool: true, schoolLevel: 'primary' }] });
    expect(schoolAttendanceAtLevelDeprived(behind)).toBe(true);
    expect(schoolAttendanceDeprived(behind)).toBe(false);
    expect(schoolAttendanceAtLevelDeprived(h({ members: [{ age: 12, attendingSchool: true, schoolLevel: 'lower-secondary' }] }))).toBe(false);
  });

  it('boundaries of the table: 5 preschool, 6 primary, 10 primary, 11 lower-secondary, 15 upper-secondary; 16 is out of range', () => {
    const one = (age: number, schoolLevel: SchoolLevel) => schoolAttendanceAtLevelDeprived(h({ members: [{ age, attendingSchool: true, schoolLevel }] }));
    expect([one(5, 'preschool'), one(6, 'preschool'), one(6, 'primary'), one(10, 'primary'), one(11, 'primary'), one(11, 'lower-secondary')]).toEqual([false, true, false, false, true, false]);
    expect([one(15, 'lower-secondary'), one(15, 'upper-secondary'), one(16, 'preschool'), one(2, 'preschool')]).toEqual([true, false, false, false]);
  });

  it('not attending is deprived; attending with no level recorded is unknown', () => {
    expect(schoolAttendanceAtLevelDeprived(h({ members: [{ age: 9, attendingSchool: false }] }))).toBe(true);
    expect(schoolAttendanceAtLevelDeprived(h({ members: [{ age: 9, attendingSchool: true }] }))).toBeUndefined();
    expect(schoolAttendanceAtLevelDeprived(h({ members: [{ age: 9, attendingSchool: true }, { age: 7, attendingSchool: false }] }))).toBe(true);
  });

  it('a caller table: a province counting one grade of delay as on time', () => {
    const lenient = schoolAttendanceAtLevel(SCHOOL_LEVEL_FOR_AGE.map((r) => (r.level === 'lower-secondary' ? { ...r, fromAge: 12 } : r.level === 'primary' ? { ...r, toAge: 11 } : r)));
    expect(lenient(h({ members: [{ age: 11, attendingSchool: true, schoolLevel: 'primary' }] }))).toBe(false);
  });

  it('classifyHousehold uses it through predicates; the default is unchanged', () => {
    const input: HouseholdInput = {
      area: 'rural',
      monthlyIncome: 4_000_000,
      members: [{ age: 40 }, { age: 38 }, { age: 12, attendingSchool: true, schoolLevel: 'primary' }],
      deprivations: { employment: false, dependants: false, nutrition: false, 'health-insurance': true, 'adult-education': false, 'housing-quality': false, 'housing-area': false, 'water-source': false, latrine: true, telecom: false, 'information-devices': false },
    };
    expect(classifyHousehold(input, { asOf: '2024-01-01' }).status).toBe('near-poor');
    const alt = classifyHousehold(input, { asOf: '2024-01-01', predicates: { 'school-attendance': schoolAttendanceAtLevelDeprived } });
    expect([alt.status, alt.deprivationCount]).toEqual(['poor', 3]);
  });
});

describe('water source as "not one of the listed sources" (alternative, UNCONFIRMED)', () => {
  it('surface water and an unprotected well are not listed; piped and rainwater are', () => {
    const src = (waterSource: (typeof WATER_SOURCES)[number]) => waterSourceNotListedDeprived(h({ members: [{ age: 30 }], waterSource }));
    expect([src('surface'), src('unprotected-dug-well'), src('other'), src('piped'), src('rainwater')]).toEqual([true, true, true, false, false]);
    expect(waterSourceNotListedDeprived(h({ members: [{ age: 30 }], safeWater: false }))).toBeUndefined();
    expect(waterSourceDeprived(h({ members: [{ age: 30 }], waterSource: 'surface' }))).toBeUndefined(); // the default reads safeWater only
    expect(waterSourceNotListed(['piped'])(h({ members: [{ age: 30 }], waterSource: 'rainwater' }))).toBe(true);
  });

  it('the catalogue marks both UNCONFIRMED with their wording', () => {
    expect(ALTERNATIVE_PREDICATES.every((a) => a.confirmation === 'UNCONFIRMED' && a.wording.length > 20)).toBe(true);
    expect(Object.isFrozen(ALTERNATIVE_PREDICATES[0])).toBe(true);
  });

  describe('properties', () => {
    it('deprived exactly when the source is not listed; listing more sources never makes a household deprived', () => {
      fc.assert(
        fc.property(fc.constantFrom(...WATER_SOURCES), fc.subarray([...WATER_SOURCES]), fc.subarray([...WATER_SOURCES]), (source, a, b) => {
          const household = h({ members: [{ age: 30 }], waterSource: source });
          expect(waterSourceNotListedDeprived(household)).toBe(!LISTED_WATER_SOURCES.includes(source));
          const wider = [...new Set([...a, ...b])];
          if (waterSourceNotListed(wider)(household) === true) expect(waterSourceNotListed(a)(household)).toBe(true);
        }),
      );
    });

    it('at-level deprivation implies nothing less than attendance deprivation: the alternative is stricter', () => {
      const child = fc.record({ age: fc.integer({ min: 0, max: 20 }), attendingSchool: fc.boolean(), schoolLevel: fc.constantFrom(...SCHOOL_LEVELS) });
      fc.assert(
        fc.property(fc.array(child, { minLength: 1, maxLength: 6 }), (members) => {
          const household = h({ members });
          if (schoolAttendanceDeprived(household) === true) expect(schoolAttendanceAtLevelDeprived(household)).toBe(true);
        }),
      );
    });
  });
});
