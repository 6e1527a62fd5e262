import { deepFreeze } from '../_internal/_freeze.js';
import { SCHOOL_LEVELS, type SchoolLevel, type WaterSource } from './household.js';
import type { Confirmation, IndicatorId, IndicatorPredicate } from './indicators.js';

/** The school level a child of an age should attend, for ages `fromAge` to `toAge` (completed years, inclusive). */
export interface SchoolLevelForAge {
  readonly fromAge: number;
  readonly toAge: number;
  readonly level: SchoolLevel;
}

/**
 * The level expected for each age from 3 to 15: preschool 3–5, primary 6–10, lower-secondary
 * 11–14, upper-secondary 15 (the entry ages of the Education Law: grade 1 at 6, grade 6 at 11,
 * grade 10 at 15; ages in completed years, so a child born late in the year may still be a grade
 * behind at the review: pass your own table if your province counts the school-year age).
 * @remarks UNCONFIRMED as the reading of NĐ 07/2021's Appendix.
 * @example
 * SCHOOL_LEVEL_FOR_AGE.find((r) => r.fromAge <= 12 && 12 <= r.toAge)?.level //=> 'lower-secondary'
 * @see Luật Giáo dục 2019 (Law 43/2019/QH14), Art. 28 cl. 1 (entry ages).
 */
export const SCHOOL_LEVEL_FOR_AGE: readonly SchoolLevelForAge[] = deepFreeze([
  { fromAge: 3, toAge: 5, level: 'preschool' },
  { fromAge: 6, toAge: 10, level: 'primary' },
  { fromAge: 11, toAge: 14, level: 'lower-secondary' },
  { fromAge: 15, toAge: 15, level: 'upper-secondary' },
] satisfies SchoolLevelForAge[]);

const levelRank = (l: SchoolLevel): number => SCHOOL_LEVELS.indexOf(l);

/**
 * Builds the "at the right level for the age" school-attendance predicate for a table of
 * expected levels: a household is deprived when some child of an age in the table does not
 * attend school, or attends a level below the one expected for the age. A child attending with
 * no `schoolLevel` recorded makes the answer unknown (unless another child decides it).
 *
 * @example
 * schoolAttendanceAtLevel(SCHOOL_LEVEL_FOR_AGE)(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 12, attendingSchool: true, schoolLevel: 'primary' }] })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix (indicator 6, UNCONFIRMED reading).
 */
export function schoolAttendanceAtLevel(table: readonly SchoolLevelForAge[]): IndicatorPredicate {
  const rows = [...table];
  return (h) => {
    let unknown = false;
    for (const m of h.members) {
      const row = rows.find((r) => r.fromAge <= m.age && m.age <= r.toAge);
      if (row === undefined) continue;
      if (m.attendingSchool === false) return true;
      if (m.attendingSchool === undefined || m.schoolLevel === undefined) {
        unknown = true;
        continue;
      }
      if (levelRank(m.schoolLevel) < levelRank(row.level)) return true;
    }
    return unknown ? undefined : false;
  };
}

/**
 * Children's school attendance at the right level for the age (alternative predicate): some
 * child aged 3 to 15 does not attend school, or attends below the level {@link SCHOOL_LEVEL_FOR_AGE}
 * expects. Pass it as `predicates: { 'school-attendance': schoolAttendanceAtLevelDeprived }`.
 * @remarks UNCONFIRMED. Third-party wording: "at least one child aged 3 to under 16 not attending
 * school at the level appropriate to age" (*trẻ em từ 3 đến dưới 16 tuổi không được đi học đúng
 * bậc, cấp học phù hợp với độ tuổi*). The default predicate reads attendance only.
 * @example
 * schoolAttendanceAtLevelDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 8, attendingSchool: true, schoolLevel: 'primary' }] })) //=> false
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const schoolAttendanceAtLevelDeprived: IndicatorPredicate = schoolAttendanceAtLevel(SCHOOL_LEVEL_FOR_AGE);

/**
 * The water sources taken as listed (acceptable) by {@link waterSourceNotListedDeprived}:
 * piped, drilled well, protected dug well, protected spring, rainwater, bottled.
 * @remarks UNCONFIRMED: the Appendix's list was not read; these are the improved sources of
 * household surveys. Pass your own list to {@link waterSourceNotListed}.
 * @example
 * LISTED_WATER_SOURCES.includes('surface') //=> false
 */
export const LISTED_WATER_SOURCES: readonly WaterSource[] = Object.freeze(['piped', 'drilled-well', 'protected-dug-well', 'protected-spring', 'rainwater', 'bottled']);

/**
 * Builds the "not one of the listed sources" water predicate: a household is deprived when its
 * `waterSource` is not in `listed`; unknown when no `waterSource` is recorded.
 * @example
 * waterSourceNotListed(['piped'])(householdSchema.parse({ area: 'urban', monthlyIncome: 0, members: [{ age: 30 }], waterSource: 'drilled-well' })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix (indicator 9, UNCONFIRMED reading).
 */
export function waterSourceNotListed(listed: readonly WaterSource[]): IndicatorPredicate {
  const ok = new Set<WaterSource>(listed);
  return (h) => (h.waterSource === undefined ? undefined : !ok.has(h.waterSource));
}

/**
 * Domestic water source as "not one of the listed sources" (alternative predicate), with
 * {@link LISTED_WATER_SOURCES}. Pass it as `predicates: { 'water-source': waterSourceNotListedDeprived }`.
 * @remarks UNCONFIRMED. Third-party wording: the household "does not use one of the listed
 * hygienic water sources" (*hộ gia đình không tiếp cận được nguồn nước sinh hoạt hợp vệ sinh*); the
 * list itself is not confirmed. The default predicate reads `safeWater`, which the caller decides.
 * @example
 * waterSourceNotListedDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30 }], waterSource: 'surface' })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const waterSourceNotListedDeprived: IndicatorPredicate = waterSourceNotListed(LISTED_WATER_SOURCES);

/** An alternative reading of an indicator, as data: the predicate, the wording it follows and how sure it is. */
export interface AlternativePredicate {
  readonly id: string;
  readonly indicator: IndicatorId;
  readonly predicate: IndicatorPredicate;
  /** The wording the predicate follows, quoted from where it was read. */
  readonly wording: string;
  readonly source: string;
  readonly confirmation: Confirmation;
}

/**
 * The alternative predicates the library ships (the defaults stay as they are): pass one as
 * `predicates: { [alt.indicator]: alt.predicate }` to `classifyHousehold` or `classifyHouseholds`.
 * @example
 * ALTERNATIVE_PREDICATES.map((a) => a.id) //=> ['school-attendance-at-level', 'water-source-not-listed']
 */
export const ALTERNATIVE_PREDICATES: readonly AlternativePredicate[] = deepFreeze([
  {
    id: 'school-attendance-at-level',
    indicator: 'school-attendance',
    predicate: schoolAttendanceAtLevelDeprived,
    wording: 'at least one child aged 3 to under 16 not attending school at the level appropriate to age (third-party note on the Appendix of NĐ 07/2021)',
    source: 'NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix; entry ages: Luật Giáo dục 2019, Art. 28',
    confirmation: 'UNCONFIRMED',
  },
  {
    id: 'water-source-not-listed',
    indicator: 'water-source',
    predicate: waterSourceNotListedDeprived,
    wording: 'no access to one of the listed safe / hygienic domestic water sources (the list is not confirmed)',
    source: 'NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix',
    confirmation: 'UNCONFIRMED',
  },
] satisfies AlternativePredicate[]);
