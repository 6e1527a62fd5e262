import * as z from 'zod/mini';
import type { Dong } from '../numbers/money.js';

/**
 * Where a household lives, for the income line that applies to it:
 * `'rural'` (*khu vực nông thôn*) or `'urban'` (*khu vực thành thị*; *đô thị* in NĐ 351/2025).
 *
 * @remarks UNCONFIRMED how a household is assigned to one or the other (likely ward/township =
 * urban, commune = rural): the caller states it.
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(a).
 */
export type Area = 'rural' | 'urban';

/**
 * Every {@link Area}.
 * @example
 * AREAS.map((a) => ND07_2021.lines[a].poverty) //=> [1_500_000n, 2_000_000n]
 */
export const AREAS: readonly Area[] = Object.freeze(['rural', 'urban']);

/**
 * Vietnamese names of the areas.
 * @example
 * AREA_LABELS_VI.rural //=> 'khu vực nông thôn'
 */
export const AREA_LABELS_VI: Readonly<Record<Area, string>> = Object.freeze({
  rural: 'khu vực nông thôn',
  urban: 'khu vực thành thị',
});

/**
 * What a member does for work, as a reviewer records it (*việc làm*):
 * wage work with or without a labour contract (*làm công hưởng lương có/không có hợp đồng lao động*),
 * self-employed, unemployed (wants work, cannot find it), or not working / not in the labour force.
 */
export type WorkStatus = 'wage-with-contract' | 'wage-without-contract' | 'self-employed' | 'unemployed' | 'not-working';

/** Highest education completed (*trình độ giáo dục*), in ascending order. */
export type EducationLevel = 'none' | 'primary' | 'lower-secondary' | 'upper-secondary' | 'vocational' | 'college' | 'university';

/**
 * Every {@link EducationLevel}, lowest first.
 * @example
 * EDUCATION_LEVELS.slice(0, 3) //=> ['none', 'primary', 'lower-secondary']
 */
export const EDUCATION_LEVELS: readonly EducationLevel[] = Object.freeze([
  'none',
  'primary',
  'lower-secondary',
  'upper-secondary',
  'vocational',
  'college',
  'university',
]);

/**
 * The level of schooling a child attends (*bậc học, cấp học*): preschool (*mầm non*), primary
 * (*tiểu học*), lower-secondary (*trung học cơ sở*), upper-secondary (*trung học phổ thông*).
 */
export type SchoolLevel = 'preschool' | 'primary' | 'lower-secondary' | 'upper-secondary';

/**
 * Every {@link SchoolLevel}, lowest first.
 * @example
 * SCHOOL_LEVELS[0] //=> 'preschool'
 */
export const SCHOOL_LEVELS: readonly SchoolLevel[] = Object.freeze(['preschool', 'primary', 'lower-secondary', 'upper-secondary']);

/**
 * Where the household's domestic water comes from (*nguồn nước sinh hoạt*), in the categories
 * household surveys use: piped (*nước máy*), drilled well (*giếng khoan*), protected dug well
 * (*giếng đào được bảo vệ*), protected spring (*nước khe/mó được bảo vệ*), rainwater (*nước mưa*),
 * bought in bottles or cans (*nước mua*), unprotected dug well, unprotected spring, surface water
 * (river, lake, pond: *nước sông, hồ, ao*), other.
 */
export type WaterSource =
  | 'piped'
  | 'drilled-well'
  | 'protected-dug-well'
  | 'protected-spring'
  | 'rainwater'
  | 'bottled'
  | 'unprotected-dug-well'
  | 'unprotected-spring'
  | 'surface'
  | 'other';

/**
 * Every {@link WaterSource}.
 * @example
 * WATER_SOURCES.length //=> 10
 */
export const WATER_SOURCES: readonly WaterSource[] = Object.freeze([
  'piped',
  'drilled-well',
  'protected-dug-well',
  'protected-spring',
  'rainwater',
  'bottled',
  'unprotected-dug-well',
  'unprotected-spring',
  'surface',
  'other',
]);

/** Durability of one of the three main structures of a dwelling (*kết cấu bền chắc / không bền chắc*). */
export type Durability = 'durable' | 'non-durable';

/** Information devices (*phương tiện phục vụ tiếp cận thông tin*). */
export type InformationDevice = 'television' | 'radio' | 'computer' | 'smartphone';

const WORK_STATUSES = ['wage-with-contract', 'wage-without-contract', 'self-employed', 'unemployed', 'not-working'] as const;
const DURABILITY = z.optional(z.enum(['durable', 'non-durable']));

/** Whole đồng from a bigint, a safe integer or an integer string; never negative. */
const dongSchema = z.pipe(
  z.pipe(
    z.union([z.bigint(), z.int('a safe integer'), z.string().check(z.trim(), z.regex(/^-?\d+$/, 'an integer string of đồng'))]),
    z.transform((v) => BigInt(v)),
  ),
  z.bigint().check(z.gte(0n, 'an amount of at least 0 đồng (income cannot be negative)')),
);

/** A non-negative decimal given as a string or a number (m²). */
const areaSchema = z.union([
  z.number().check(z.gte(0)),
  z.string().check(z.trim(), z.regex(/^\d+(\.\d+)?$/, 'a non-negative decimal written with a point, e.g. "35.5"')),
]);

/**
 * zod schema of one household member. Only `age` is required; every other fact is optional and
 * only the indicators that need it read it. Unknown fields are refused (a typo must not silently
 * drop a fact).
 * @example
 * memberSchema.safeParse({ age: 40, work: 'self-employed', healthInsurance: true }).success //=> true
 * memberSchema.safeParse({ age: 12.5 }).success //=> false (age in completed years)
 */
export const memberSchema = z.strictObject({
  /** Age in completed years. */
  age: z.int().check(z.gte(0), z.lte(150)),
  /** Work status (employment indicator). */
  work: z.optional(z.enum(WORK_STATUSES)),
  /** Holds a valid health-insurance card (*thẻ bảo hiểm y tế*). */
  healthInsurance: z.optional(z.boolean()),
  /** Currently attending school or training (*đang đi học / đang học nghề*). */
  attendingSchool: z.optional(z.boolean()),
  /** For a child attending school: the level attended (read only by the alternative school-attendance predicate). */
  schoolLevel: z.optional(z.enum(['preschool', 'primary', 'lower-secondary', 'upper-secondary'])),
  /** Highest education or training completed. */
  education: z.optional(z.enum(EDUCATION_LEVELS as unknown as readonly [EducationLevel, ...EducationLevel[]])),
  /** Has a disability (*người khuyết tật*). */
  disabled: z.optional(z.boolean()),
  /** Receives a monthly social allowance (*trợ cấp xã hội hằng tháng*): elderly or disabled dependant. */
  monthlySocialAllowance: z.optional(z.boolean()),
  /** For a child under 16: stunted or underweight (*suy dinh dưỡng chiều cao theo tuổi hoặc cân nặng theo tuổi*). */
  malnourished: z.optional(z.boolean()),
  /** Was ill and did not get medical care (QĐ 59/2015 health-access indicator). */
  untreatedIllness: z.optional(z.boolean()),
});

/**
 * zod schema of the dwelling (*nhà ở*).
 * @example
 * dwellingSchema.parse({ walls: 'durable', columns: 'durable', roof: 'non-durable', floorArea: '35.5' }).floorArea //=> '35.5'
 */
export const dwellingSchema = z.strictObject({
  /** Walls (*tường*). */
  walls: DURABILITY,
  /** Columns / frame (*cột*). */
  columns: DURABILITY,
  /** Roof (*mái*). */
  roof: DURABILITY,
  /** Usable floor area in m² (*diện tích nhà ở*). */
  floorArea: z.optional(areaSchema),
});

/**
 * zod schema of a household as a review records it: area, total monthly income in whole đồng,
 * members, and the facts the deprivation indicators read. Indicator results may also (or only)
 * be given as the flags of a review form in `deprivations` (`true` = deprived); when a flag and
 * the facts disagree, classification reports it.
 * @example
 * householdSchema.parse({ area: 'rural', monthlyIncome: '6000000', members: [{ age: 40 }, { age: 38 }, { age: 10 }, { age: 7 }] }).monthlyIncome //=> 6_000_000n
 * householdSchema.safeParse({ area: 'rural', monthlyIncome: 6_000_000, members: [{ age: 40 }], safewater: true }).success //=> false (unknown field)
 */
export const householdSchema = z.strictObject({
  /** Caller's identifier, carried into the result. */
  id: z.optional(z.string()),
  /** Rural or urban. */
  area: z.enum(['rural', 'urban']),
  /** Total monthly income of the household in whole đồng (*thu nhập của hộ/tháng*). */
  monthlyIncome: dongSchema,
  /** The members (*nhân khẩu*); at least one. */
  members: z.array(memberSchema).check(z.minLength(1, 'at least one member')),
  /** The dwelling. */
  dwelling: z.optional(dwellingSchema),
  /** Uses a safe / hygienic domestic water source (*nguồn nước sinh hoạt hợp vệ sinh*). */
  safeWater: z.optional(z.boolean()),
  /** The main domestic water source (read only by the alternative water-source predicate). */
  waterSource: z.optional(
    z.enum(['piped', 'drilled-well', 'protected-dug-well', 'protected-spring', 'rainwater', 'bottled', 'unprotected-dug-well', 'unprotected-spring', 'surface', 'other']),
  ),
  /** Uses a hygienic latrine (*nhà tiêu hợp vệ sinh*). */
  hygienicLatrine: z.optional(z.boolean()),
  /** Some member uses telecom services: phone subscription or internet (*sử dụng dịch vụ viễn thông*). */
  telecom: z.optional(z.boolean()),
  /** The information devices the household owns (empty list = none). */
  informationDevices: z.optional(z.array(z.enum(['television', 'radio', 'computer', 'smartphone']))),
  /** Can hear the commune/village loudspeaker (*hệ thống loa truyền thanh*). */
  villageLoudspeaker: z.optional(z.boolean()),
  /** Household waste is collected or treated (*rác thải sinh hoạt được thu gom, xử lý*), NĐ 351/2025. */
  wasteTreated: z.optional(z.boolean()),
  /** Indicator flags as recorded on a review form, by indicator id; `true` = deprived. */
  deprivations: z.optional(z.record(z.string(), z.boolean())),
});

/** A member as callers give it (before validation): {@link memberSchema}'s input. */
export type MemberInput = Readonly<z.input<typeof memberSchema>>;

/** A dwelling as callers give it (before validation): {@link dwellingSchema}'s input. */
export type DwellingInput = Readonly<z.input<typeof dwellingSchema>>;

/**
 * A household as callers give it (before validation): {@link householdSchema}'s input, with
 * readonly lists. `classifyHousehold` and `classifyHouseholds` take it, so a typo
 * (`area: 'suburban'`, `safewater`) fails to compile; the schema still checks it at run time.
 */
export type HouseholdInput = Readonly<Omit<z.input<typeof householdSchema>, 'members' | 'dwelling' | 'informationDevices' | 'deprivations'>> & {
  readonly members: readonly MemberInput[];
  readonly dwelling?: DwellingInput | undefined;
  readonly informationDevices?: readonly InformationDevice[] | undefined;
  readonly deprivations?: Readonly<Record<string, boolean>> | undefined;
};

/** A member after validation. */
export type Member = Readonly<z.output<typeof memberSchema>>;

/** A validated household: income is a bigint of đồng. */
export type Household = Readonly<Omit<z.output<typeof householdSchema>, 'members' | 'monthlyIncome'>> & {
  readonly monthlyIncome: Dong;
  readonly members: readonly Member[];
};
