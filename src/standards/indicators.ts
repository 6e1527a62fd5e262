import { compareFractions, fraction, multiplyFractions, toFraction } from '../numbers/fraction.js';
import { EDUCATION_LEVELS, type EducationLevel, type Household, type Member } from './household.js';

/**
 * How sure the library is of a rule, as the domain notes grade it: read in the official text
 * (`'CONFIRMED'`), stated consistently by secondary sources (`'SECONDARY'`), or best available
 * wording not verified against the text (`'UNCONFIRMED'`, correct it by passing your own data).
 */
export type Confirmation = 'CONFIRMED' | 'SECONDARY' | 'UNCONFIRMED';

/**
 * Stable ids of the deprivation indicators (*chỉ số đo lường mức độ thiếu hụt dịch vụ xã hội cơ bản*)
 * of every built-in standard. The same id means the same indicator across standards.
 */
export type IndicatorId =
  | 'employment'
  | 'dependants'
  | 'nutrition'
  | 'health-insurance'
  | 'health-access'
  | 'adult-education'
  | 'school-attendance'
  | 'housing-quality'
  | 'housing-area'
  | 'water-source'
  | 'latrine'
  | 'telecom'
  | 'information-devices'
  | 'information-assets'
  | 'waste-treatment';

/**
 * Every {@link IndicatorId}, of every built-in standard.
 * @example
 * INDICATOR_IDS.length //=> 15
 * INDICATOR_IDS.includes('waste-treatment') //=> true
 */
export const INDICATOR_IDS: readonly IndicatorId[] = Object.freeze([
  'employment',
  'dependants',
  'nutrition',
  'health-insurance',
  'health-access',
  'adult-education',
  'school-attendance',
  'housing-quality',
  'housing-area',
  'water-source',
  'latrine',
  'telecom',
  'information-devices',
  'information-assets',
  'waste-treatment',
]);

/**
 * Ids of the basic social services (*dịch vụ xã hội cơ bản*), the dimensions indicators are grouped in.
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b).
 */
export type DimensionId = 'employment' | 'health' | 'education' | 'housing' | 'water-sanitation' | 'information';

/**
 * Every {@link DimensionId}, in NĐ 07/2021's order.
 * @example
 * DIMENSION_IDS //=> ['employment', 'health', 'education', 'housing', 'water-sanitation', 'information']
 */
export const DIMENSION_IDS: readonly DimensionId[] = Object.freeze(['employment', 'health', 'education', 'housing', 'water-sanitation', 'information']);

/**
 * Decides one indicator from a household's facts: `true` deprived, `false` not deprived,
 * `undefined` when the facts needed are missing (the indicator is then taken from the
 * review-form flag, or left undetermined).
 */
export type IndicatorPredicate = (household: Household) => boolean | undefined;

/**
 * One deprivation indicator: a named, cited, replaceable predicate.
 * Built-in ones are frozen data; pass your own through a standard or `predicates` options.
 */
export interface IndicatorDefinition {
  /** Stable id. */
  readonly id: IndicatorId;
  /** The service (dimension) it measures. */
  readonly dimension: DimensionId;
  /** Vietnamese name as the decree lists it. */
  readonly nameVi: string;
  /** English name. */
  readonly name: string;
  /** The deprivation threshold in words (*ngưỡng thiếu hụt*): when a household counts as deprived. */
  readonly threshold: string;
  /** Document and article. */
  readonly source: string;
  /** How sure the threshold wording is. */
  readonly confirmation: Confirmation;
  /** The predicate. */
  readonly deprived: IndicatorPredicate;
}

/** One dimension of a standard with the ids of its indicators, in the decree's order. */
export interface DimensionDefinition {
  readonly id: DimensionId;
  readonly nameVi: string;
  readonly name: string;
  readonly indicators: readonly IndicatorId[];
}

// ---------------------------------------------------------------------------------------------
// Three-valued helpers: a household is deprived when SOME relevant member is; unknown facts
// make the answer unknown only when they could change it.

function someMember(h: Household, relevant: (m: Member) => boolean, deprived: (m: Member) => boolean | undefined): boolean | undefined {
  let unknown = false;
  for (const m of h.members) {
    if (!relevant(m)) continue;
    const d = deprived(m);
    if (d === true) return true;
    if (d === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

const notTrue = (v: boolean | undefined): boolean | undefined => (v === undefined ? undefined : !v);
const rank = (e: EducationLevel): number => EDUCATION_LEVELS.indexOf(e);

/**
 * Employment: some member aged 15 or over (minimum working age, Labour Code 2019 Art. 3 cl. 1; the
 * Appendix's own working-age bounds are UNCONFIRMED) is unemployed or
 * works for wages without a labour contract. Such members whose work is not recorded make the
 * answer unknown; the work of younger members is not read.
 * @remarks UNCONFIRMED wording (2026-2030 draft, said to inherit the 2022-2025 criterion).
 * @example
 * employmentDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30, work: 'unemployed' }] })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const employmentDeprived: IndicatorPredicate = (h) =>
  someMember(
    h,
    (m) => m.age >= 15,
    (m) => (m.work === undefined ? undefined : m.work === 'unemployed' || m.work === 'wage-without-contract'),
  );

/**
 * Dependants: dependants are more than half the members. A dependant is a child under 16, or a
 * member receiving a monthly social allowance (elderly or disabled).
 * @remarks UNCONFIRMED wording (2026-2030 draft).
 * @example
 * dependantsDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 40, monthlySocialAllowance: false }, { age: 9 }, { age: 4 }] })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const dependantsDeprived: IndicatorPredicate = (h) => {
  let known = 0;
  let unknown = 0;
  for (const m of h.members) {
    if (m.age < 16 || m.monthlySocialAllowance === true) known += 1;
    else if (m.monthlySocialAllowance === undefined) unknown += 1;
  }
  const n = h.members.length;
  if (2 * known > n) return true;
  if (2 * (known + unknown) <= n) return false;
  return undefined;
};

/**
 * Nutrition: some child under 16 is stunted or underweight.
 * @remarks UNCONFIRMED wording (2026-2030 draft, a third-party note agrees).
 * @example
 * nutritionDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30 }] })) //=> false (no child)
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const nutritionDeprived: IndicatorPredicate = (h) =>
  someMember(
    h,
    (m) => m.age < 16,
    (m) => m.malnourished,
  );

/**
 * Health insurance: some member aged 6 or older has no health-insurance card.
 * @remarks UNCONFIRMED (best recollection of the Appendix).
 * @example
 * healthInsuranceDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 6, healthInsurance: false }] })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix; QĐ 59/2015/QĐ-TTg, Art. 1.
 */
export const healthInsuranceDeprived: IndicatorPredicate = (h) =>
  someMember(
    h,
    (m) => m.age >= 6,
    (m) => notTrue(m.healthInsurance),
  );

/**
 * Access to health services (QĐ 59/2015 only): some member was ill and got no medical care.
 * @remarks UNCONFIRMED threshold wording.
 * @example
 * healthAccessDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 50, untreatedIllness: true }] })) //=> true
 * @see QĐ 59/2015/QĐ-TTg, Art. 1.
 */
export const healthAccessDeprived: IndicatorPredicate = (h) =>
  someMember(
    h,
    () => true,
    (m) => m.untreatedIllness,
  );

/**
 * Adult education: some member aged 16–30 is not in school or training and lacks the level
 * expected for the age (16–17: lower-secondary; 18–30: upper-secondary or vocational).
 * @remarks UNCONFIRMED (third-party note only).
 * @example
 * adultEducationDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 20, education: 'lower-secondary', attendingSchool: false }] })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const adultEducationDeprived: IndicatorPredicate = (h) =>
  someMember(
    h,
    (m) => m.age >= 16 && m.age <= 30,
    (m) => {
      if (m.attendingSchool === true) return false;
      if (m.education === undefined) return undefined;
      const required = m.age < 18 ? rank('lower-secondary') : rank('upper-secondary');
      const deprived = rank(m.education) < required;
      return deprived && m.attendingSchool === undefined ? undefined : deprived;
    },
  );

/**
 * Children's school attendance: some child aged 3 to under 16 does not attend school.
 * @remarks UNCONFIRMED (third-party note only; "at the level appropriate to age" is not modelled).
 * @example
 * schoolAttendanceDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 10, attendingSchool: false }] })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const schoolAttendanceDeprived: IndicatorPredicate = (h) =>
  someMember(
    h,
    (m) => m.age >= 3 && m.age < 16,
    (m) => notTrue(m.attendingSchool),
  );

/**
 * Housing quality: at least 2 of the 3 main structures (walls, columns, roof) are non-durable.
 * @remarks UNCONFIRMED (third-party note only).
 * @example
 * housingQualityDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30 }], dwelling: { walls: 'non-durable', roof: 'non-durable' } })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const housingQualityDeprived: IndicatorPredicate = (h) => {
  const d = h.dwelling;
  if (d === undefined) return undefined;
  const parts = [d.walls, d.columns, d.roof];
  const bad = parts.filter((p) => p === 'non-durable').length;
  const unknown = parts.filter((p) => p === undefined).length;
  if (bad >= 2) return true;
  if (bad + unknown < 2) return false;
  return undefined;
};

/**
 * Minimum floor area per person (m²) below which a household is deprived. UNCONFIRMED.
 * @example
 * MIN_FLOOR_AREA_PER_PERSON * 4 //=> 32 (m² a household of four needs)
 */
export const MIN_FLOOR_AREA_PER_PERSON = 8;

/**
 * Housing area: floor area per person is below 8 m² (compared exactly: area < 8 × members).
 * @remarks UNCONFIRMED (third-party note only).
 * @example
 * housingAreaDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30 }, { age: 5 }], dwelling: { floorArea: 16 } })) //=> false (16 m² = 8 × 2)
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const housingAreaDeprived: IndicatorPredicate = (h) => {
  const area = h.dwelling?.floorArea;
  if (area === undefined) return undefined;
  const needed = multiplyFractions(fraction(MIN_FLOOR_AREA_PER_PERSON), fraction(h.members.length));
  return compareFractions(toFraction(area, ['dwelling', 'floorArea']), needed) < 0;
};

/**
 * Domestic water: the household does not use a safe / hygienic water source.
 * @remarks UNCONFIRMED (the list of acceptable sources is not confirmed; the caller decides `safeWater`).
 * @example
 * waterSourceDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30 }], safeWater: false })) //=> true
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const waterSourceDeprived: IndicatorPredicate = (h) => notTrue(h.safeWater);

/**
 * Latrine: the household does not use a hygienic latrine.
 * @remarks UNCONFIRMED.
 * @example
 * latrineDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30 }] })) //=> undefined (not recorded)
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const latrineDeprived: IndicatorPredicate = (h) => notTrue(h.hygienicLatrine);

/**
 * Telecom: no member uses telecom services (phone subscription or internet).
 * @remarks UNCONFIRMED.
 * @example
 * telecomDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30 }], telecom: true })) //=> false
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const telecomDeprived: IndicatorPredicate = (h) => notTrue(h.telecom);

/**
 * Information devices: owns none of television, radio, computer, smartphone, and cannot hear
 * the commune/village loudspeaker.
 * @remarks UNCONFIRMED (exact list unknown).
 * @example
 * informationDevicesDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30 }], informationDevices: ['radio'] })) //=> false
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix; QĐ 59/2015/QĐ-TTg, Art. 1 (assets).
 */
export const informationDevicesDeprived: IndicatorPredicate = (h) => {
  if (h.informationDevices === undefined) return undefined;
  if (h.informationDevices.length > 0) return false;
  return notTrue(h.villageLoudspeaker);
};

/**
 * Waste treatment (NĐ 351/2025): household waste is not collected or treated.
 * @remarks UNCONFIRMED (draft only).
 * @example
 * wasteTreatmentDeprived(householdSchema.parse({ area: 'rural', monthlyIncome: 0, members: [{ age: 30 }], wasteTreated: false })) //=> true
 * @see NĐ 351/2025/NĐ-CP (September 2025 draft).
 */
export const wasteTreatmentDeprived: IndicatorPredicate = (h) => notTrue(h.wasteTreated);

// ---------------------------------------------------------------------------------------------
// The catalogue

const ND07 = 'NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix';
const QD59 = 'QĐ 59/2015/QĐ-TTg, Art. 1';
const ND351 = 'NĐ 351/2025/NĐ-CP (indicator list of the September 2025 draft)';

type Entry = Omit<IndicatorDefinition, 'source' | 'confirmation'>;
const entries = {
  employment: {
    id: 'employment',
    dimension: 'employment',
    nameVi: 'việc làm',
    name: 'employment',
    threshold: 'at least one member of working age is unemployed or works for wages without a labour contract',
    deprived: employmentDeprived,
  },
  dependants: {
    id: 'dependants',
    dimension: 'employment',
    nameVi: 'người phụ thuộc trong hộ gia đình',
    name: 'dependants in household',
    threshold: 'dependants (children under 16; elderly or disabled members on a monthly social allowance) are more than 50% of members',
    deprived: dependantsDeprived,
  },
  nutrition: {
    id: 'nutrition',
    dimension: 'health',
    nameVi: 'dinh dưỡng',
    name: 'nutrition',
    threshold: 'at least one child under 16 is stunted or underweight',
    deprived: nutritionDeprived,
  },
  'health-insurance': {
    id: 'health-insurance',
    dimension: 'health',
    nameVi: 'bảo hiểm y tế',
    name: 'health insurance',
    threshold: 'at least one member aged 6 or older has no health insurance',
    deprived: healthInsuranceDeprived,
  },
  'health-access': {
    id: 'health-access',
    dimension: 'health',
    nameVi: 'tiếp cận các dịch vụ y tế',
    name: 'access to health services',
    threshold: 'at least one member was ill and received no medical care',
    deprived: healthAccessDeprived,
  },
  'adult-education': {
    id: 'adult-education',
    dimension: 'education',
    nameVi: 'trình độ giáo dục của người lớn',
    name: 'adult education level',
    threshold: 'at least one member aged 16–30 is not in school or training and lacks the level expected for the age',
    deprived: adultEducationDeprived,
  },
  'school-attendance': {
    id: 'school-attendance',
    dimension: 'education',
    nameVi: 'tình trạng đi học của trẻ em',
    name: "children's school attendance",
    threshold: 'at least one child aged 3 to under 16 does not attend school',
    deprived: schoolAttendanceDeprived,
  },
  'housing-quality': {
    id: 'housing-quality',
    dimension: 'housing',
    nameVi: 'chất lượng nhà ở',
    name: 'housing quality',
    threshold: 'at least 2 of the 3 main structures (walls, columns, roof) are non-durable',
    deprived: housingQualityDeprived,
  },
  'housing-area': {
    id: 'housing-area',
    dimension: 'housing',
    nameVi: 'diện tích nhà ở bình quân đầu người',
    name: 'housing floor area per person',
    threshold: 'floor area per person is below 8 m²',
    deprived: housingAreaDeprived,
  },
  'water-source': {
    id: 'water-source',
    dimension: 'water-sanitation',
    nameVi: 'nguồn nước sinh hoạt',
    name: 'domestic water source',
    threshold: 'does not use a safe / hygienic domestic water source',
    deprived: waterSourceDeprived,
  },
  latrine: {
    id: 'latrine',
    dimension: 'water-sanitation',
    nameVi: 'nhà tiêu hợp vệ sinh',
    name: 'hygienic latrine',
    threshold: 'does not use a hygienic latrine',
    deprived: latrineDeprived,
  },
  telecom: {
    id: 'telecom',
    dimension: 'information',
    nameVi: 'sử dụng dịch vụ viễn thông',
    name: 'use of telecom services',
    threshold: 'no member uses telecom services (phone subscription or internet)',
    deprived: telecomDeprived,
  },
  'information-devices': {
    id: 'information-devices',
    dimension: 'information',
    nameVi: 'phương tiện phục vụ tiếp cận thông tin',
    name: 'devices for accessing information',
    threshold: 'owns no television, radio, computer or smartphone and cannot hear the village loudspeaker',
    deprived: informationDevicesDeprived,
  },
  'information-assets': {
    id: 'information-assets',
    dimension: 'information',
    nameVi: 'tài sản phục vụ tiếp cận thông tin',
    name: 'assets for accessing information',
    threshold: 'owns no television, radio, computer or smartphone and cannot hear the village loudspeaker',
    deprived: informationDevicesDeprived,
  },
  'waste-treatment': {
    id: 'waste-treatment',
    dimension: 'water-sanitation',
    nameVi: 'xử lý rác thải sinh hoạt',
    name: 'household waste treatment',
    threshold: 'household waste is not collected or treated',
    deprived: wasteTreatmentDeprived,
  },
} as const satisfies Record<IndicatorId, Entry>;

function pick(ids: readonly IndicatorId[], source: string): readonly IndicatorDefinition[] {
  return Object.freeze(ids.map((id) => Object.freeze({ ...entries[id], source, confirmation: 'UNCONFIRMED' as const })));
}

/**
 * The 12 indicators of NĐ 07/2021 (2022–2026), in the decree's order, two per service.
 * The list is CONFIRMED; every threshold is UNCONFIRMED (the Appendix could not be read).
 * @example
 * ND07_2021_INDICATORS.length //=> 12
 * ND07_2021_INDICATORS.map((i) => i.id).slice(0, 3) //=> ['employment', 'dependants', 'nutrition']
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) and Appendix.
 */
export const ND07_2021_INDICATORS: readonly IndicatorDefinition[] = pick(
  [
    'employment',
    'dependants',
    'nutrition',
    'health-insurance',
    'adult-education',
    'school-attendance',
    'housing-quality',
    'housing-area',
    'water-source',
    'latrine',
    'telecom',
    'information-devices',
  ],
  ND07,
);

/**
 * The 10 indicators of QĐ 59/2015 (2016–2021), two per service (no employment service).
 * The list is CONFIRMED; thresholds are UNCONFIRMED.
 * @example
 * QD59_2015_INDICATORS.length //=> 10
 * QD59_2015_INDICATORS.some((i) => i.id === 'employment') //=> false
 * @see QĐ 59/2015/QĐ-TTg, Art. 1.
 */
export const QD59_2015_INDICATORS: readonly IndicatorDefinition[] = pick(
  [
    'health-access',
    'health-insurance',
    'adult-education',
    'school-attendance',
    'housing-quality',
    'housing-area',
    'water-source',
    'latrine',
    'telecom',
    'information-assets',
  ],
  QD59,
);

/**
 * The 12 indicators of NĐ 351/2025 (2027–2030) as the September 2025 draft listed them: the
 * information-devices indicator removed, waste treatment added.
 * @remarks UNCONFIRMED: the final list and every threshold are not confirmed.
 * @example
 * ND351_2025_INDICATORS.some((i) => i.id === 'information-devices') //=> false
 * ND351_2025_INDICATORS.at(-1)?.id //=> 'waste-treatment'
 * @see NĐ 351/2025/NĐ-CP.
 */
export const ND351_2025_INDICATORS: readonly IndicatorDefinition[] = pick(
  [
    'employment',
    'dependants',
    'health-insurance',
    'nutrition',
    'adult-education',
    'school-attendance',
    'housing-area',
    'housing-quality',
    'telecom',
    'water-source',
    'latrine',
    'waste-treatment',
  ],
  ND351,
);

const DIMENSION_NAMES: Readonly<Record<DimensionId, { readonly nameVi: string; readonly name: string }>> = {
  employment: { nameVi: 'việc làm', name: 'employment' },
  health: { nameVi: 'y tế', name: 'health' },
  education: { nameVi: 'giáo dục', name: 'education' },
  housing: { nameVi: 'nhà ở', name: 'housing' },
  'water-sanitation': { nameVi: 'nước sinh hoạt và vệ sinh', name: 'domestic water and sanitation' },
  information: { nameVi: 'thông tin', name: 'information' },
};

/**
 * Groups indicators by dimension, dimensions in order of first appearance.
 * @param indicators - indicators in the decree's order
 * @param names - dimension names to use instead of the built-in ones (NĐ 351/2025 renames one)
 * @example
 * dimensionsOf(ND07_2021_INDICATORS).length //=> 6
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) (the six basic social services).
 */
export function dimensionsOf(indicators: readonly IndicatorDefinition[], names: Partial<Record<DimensionId, { readonly nameVi: string; readonly name: string }>> = {}): readonly DimensionDefinition[] {
  const order: DimensionId[] = [];
  const members = new Map<DimensionId, IndicatorId[]>();
  for (const ind of indicators) {
    if (!members.has(ind.dimension)) {
      order.push(ind.dimension);
      members.set(ind.dimension, []);
    }
    members.get(ind.dimension)?.push(ind.id);
  }
  return Object.freeze(
    order.map((id) => Object.freeze({ id, ...(names[id] ?? DIMENSION_NAMES[id]), indicators: Object.freeze([...(members.get(id) ?? [])]) })),
  );
}
