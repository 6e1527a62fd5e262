import { deepFreeze } from '../_internal/_freeze.js';
import { toIsoDate, type DateInput, type IsoDate } from '../dates/calendarDate.js';
import { fail, type RuleRef } from '../errors/VnPovertyError.js';
import type { Dong } from '../numbers/money.js';
import type { Area } from './household.js';
import {
  ND07_2021_INDICATORS,
  ND351_2025_INDICATORS,
  QD59_2015_INDICATORS,
  dimensionsOf,
  type Confirmation,
  type DimensionDefinition,
  type IndicatorDefinition,
} from './indicators.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * The income lines of one area, in đồng per person per month. The classification rule is the
 * same for every standard and reads only these values:
 * 1. income per head ≤ `incomeOnlyPoor` → poor, whatever the deprivations (QĐ 59/2015 only);
 * 2. income per head ≤ `poverty` → poor with ≥ `deprivationThreshold` deprivations, near-poor otherwise;
 * 3. income per head ≤ `averageCeiling` → average living standard;
 * 4. otherwise non-poor.
 * Every bound is inclusive ("từ X đồng trở xuống"; "trên X đến Y").
 */
export interface AreaLines {
  /** Lower line: at or below it a household is poor on income alone (QĐ 59/2015's *chuẩn nghèo*). */
  readonly incomeOnlyPoor?: Dong;
  /** The line under which the deprivation count decides poor vs near-poor. */
  readonly poverty: Dong;
  /** Upper bound of the average-living band (*hộ có mức sống trung bình*), when the standard has one. */
  readonly averageCeiling?: Dong;
}

/** A cited rule of a standard, with how sure it is. */
export interface StandardRule extends RuleRef {
  readonly source: string;
  readonly term: string;
  readonly confirmation: Confirmation;
}

/** The rules a standard's classification cites, one per outcome. */
export interface StandardRules {
  readonly incomeOnlyPoor?: StandardRule;
  readonly poor: StandardRule;
  readonly nearPoor: StandardRule;
  readonly average?: StandardRule;
}

/**
 * A multidimensional poverty standard (*chuẩn nghèo đa chiều*) as versioned data: validity
 * interval, income lines per area, indicator set, deprivation threshold and citations.
 * Pass your own (a province's local standard, a corrected threshold) wherever a standard is accepted.
 */
export interface PovertyStandard {
  /** Stable id, e.g. `'nd-07-2021'`. */
  readonly id: string;
  /** Short English name. */
  readonly name: string;
  /** Vietnamese name. */
  readonly nameVi: string;
  /** First day in force (inclusive). */
  readonly effectiveFrom: IsoDate;
  /** Last day in force (inclusive). */
  readonly effectiveTo: IsoDate;
  /** Document and article the standard comes from. */
  readonly source: string;
  /** Income lines per area. */
  readonly lines: Readonly<Record<Area, AreaLines>>;
  /** Where the income lines come from and how sure they are. */
  readonly linesSource: string;
  readonly linesConfirmation: Confirmation;
  /** Deprivations needed (with income at or below `poverty`) to be poor: "từ 03 chỉ số trở lên". */
  readonly deprivationThreshold: number;
  /** The indicators, in the decree's order (at most 16, for the columnar bit masks). */
  readonly indicators: readonly IndicatorDefinition[];
  /** The indicators grouped by service. */
  readonly dimensions: readonly DimensionDefinition[];
  /** The citations of each outcome. */
  readonly rules: StandardRules;
  /** What is not confirmed, in words. */
  readonly remarks: readonly string[];
}

const d = (s: string): IsoDate => s as IsoDate;

/**
 * QĐ 59/2015/QĐ-TTg, applied 2016-01-01 to 2021-12-31 (2021 by NĐ 07/2021 Art. 2 cl. 1):
 * rural 700,000 / 1,000,000 đồng, urban 900,000 / 1,300,000 đồng; 10 indicators in 5 services;
 * average-living band up to 1,500,000 / 1,950,000 đồng (SECONDARY).
 * @example
 * QD59_2015.lines.rural.incomeOnlyPoor //=> 700_000n
 * QD59_2015.lines.rural.poverty //=> 1_000_000n
 * @see QĐ 59/2015/QĐ-TTg, Arts. 1–3; NĐ 07/2021/NĐ-CP, Art. 2 cl. 1.
 */
export const QD59_2015: PovertyStandard = deepFreeze({
  id: 'qd-59-2015',
  name: 'Multidimensional poverty standard 2016–2020 (also applied in 2021)',
  nameVi: 'Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016-2020',
  effectiveFrom: d('2016-01-01'),
  effectiveTo: d('2021-12-31'),
  source: 'QĐ 59/2015/QĐ-TTg, Arts. 1–2 (applied from 01/01/2016, Art. 3); kept for 2021 by NĐ 07/2021/NĐ-CP, Art. 2 cl. 1',
  lines: {
    rural: { incomeOnlyPoor: 700_000n, poverty: 1_000_000n, averageCeiling: 1_500_000n },
    urban: { incomeOnlyPoor: 900_000n, poverty: 1_300_000n, averageCeiling: 1_950_000n },
  },
  linesSource: 'QĐ 59/2015/QĐ-TTg, Art. 1 and Art. 2',
  linesConfirmation: 'CONFIRMED',
  deprivationThreshold: 3,
  indicators: QD59_2015_INDICATORS,
  dimensions: dimensionsOf(QD59_2015_INDICATORS),
  rules: {
    incomeOnlyPoor: {
      description: 'income per head at or below the poverty line: poor on income alone',
      source: 'QĐ 59/2015/QĐ-TTg, Art. 2 cl. 1',
      term: 'hộ nghèo: thu nhập bình quân đầu người/tháng từ chuẩn nghèo chính sách trở xuống',
      confirmation: 'CONFIRMED',
    },
    poor: {
      description: 'income per head above the poverty line and at or below the near-poverty line, with 3 or more of 10 deprivations',
      source: 'QĐ 59/2015/QĐ-TTg, Art. 2 cl. 1',
      term: 'hộ nghèo: thiếu hụt từ 03 chỉ số trở lên',
      confirmation: 'CONFIRMED',
    },
    nearPoor: {
      description: 'income per head above the poverty line and at or below the near-poverty line, with fewer than 3 deprivations',
      source: 'QĐ 59/2015/QĐ-TTg, Art. 2 cl. 2',
      term: 'hộ cận nghèo: thiếu hụt dưới 03 chỉ số',
      confirmation: 'CONFIRMED',
    },
    average: {
      description: 'income per head above the near-poverty line and at or below the average-living ceiling',
      source: 'QĐ 59/2015/QĐ-TTg, Art. 2 cl. 3',
      term: 'hộ có mức sống trung bình',
      confirmation: 'SECONDARY',
    },
  },
  remarks: [
    'The average-living ceilings 1,500,000 (rural) and 1,950,000 (urban) đồng are SECONDARY.',
    'The thresholds of the 10 indicators are UNCONFIRMED.',
  ],
} satisfies PovertyStandard);

/**
 * NĐ 07/2021/NĐ-CP Art. 3, applied 2022-01-01 to 2026-12-31 (2026 by NĐ 351/2025): rural
 * 1,500,000, urban 2,000,000 đồng per person per month; 12 indicators in 6 services; poor with
 * ≥ 3 deprivations, near-poor with fewer; average-living band up to 1.5 × the line (SECONDARY).
 * @example
 * ND07_2021.lines.rural.poverty //=> 1_500_000n
 * ND07_2021.lines.urban.averageCeiling //=> 3_000_000n
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1–2; NĐ 351/2025/NĐ-CP (application in 2026).
 */
export const ND07_2021: PovertyStandard = deepFreeze({
  id: 'nd-07-2021',
  name: 'Multidimensional poverty standard 2022–2025 (also applied in 2026)',
  nameVi: 'Chuẩn nghèo đa chiều giai đoạn 2022-2025',
  effectiveFrom: d('2022-01-01'),
  effectiveTo: d('2026-12-31'),
  source: 'NĐ 07/2021/NĐ-CP, Art. 3; kept for 2026 by NĐ 351/2025/NĐ-CP',
  lines: {
    rural: { poverty: 1_500_000n, averageCeiling: 2_250_000n },
    urban: { poverty: 2_000_000n, averageCeiling: 3_000_000n },
  },
  linesSource: 'NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(a)',
  linesConfirmation: 'CONFIRMED',
  deprivationThreshold: 3,
  indicators: ND07_2021_INDICATORS,
  dimensions: dimensionsOf(ND07_2021_INDICATORS),
  rules: {
    poor: {
      description: 'income per head at or below the line and 3 or more of 12 deprivations',
      source: 'NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(a)',
      term: 'hộ nghèo: thu nhập bình quân đầu người/tháng từ chuẩn nghèo trở xuống và thiếu hụt từ 03 chỉ số trở lên',
      confirmation: 'CONFIRMED',
    },
    nearPoor: {
      description: 'income per head at or below the line and fewer than 3 deprivations',
      source: 'NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(b)',
      term: 'hộ cận nghèo: thu nhập từ chuẩn nghèo trở xuống và thiếu hụt dưới 03 chỉ số',
      confirmation: 'CONFIRMED',
    },
    average: {
      description: 'income per head above the line and at or below 1.5 times it; no deprivation condition',
      source: 'NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(c)',
      term: 'hộ có mức sống trung bình: trên 1.500.000 đồng đến 2.250.000 đồng (nông thôn), trên 2.000.000 đồng đến 3.000.000 đồng (thành thị)',
      confirmation: 'SECONDARY',
    },
  },
  remarks: [
    'Application in 2026 by NĐ 351/2025/NĐ-CP is SECONDARY (press reports of the decree).',
    'The average-living band (2,250,000 / 3,000,000 đồng) is SECONDARY; operationally it concerns farm, forestry, fishery and salt households (QĐ 24/2021/QĐ-TTg).',
    'The deprivation thresholds of the Appendix are UNCONFIRMED.',
  ],
} satisfies PovertyStandard);

/**
 * NĐ 351/2025/NĐ-CP, national standard applied 2027-01-01 to 2030-12-31: rural 2,200,000,
 * urban 2,800,000 đồng per person per month; poor with ≥ 3 deprivations, near-poor with fewer.
 * @remarks UNCONFIRMED: the indicator list is the September 2025 draft's, the thresholds are not
 * confirmed, and no average-living band is known (so income above the line is non-poor). The
 * lines and rule are SECONDARY.
 * @example
 * ND351_2025.lines.urban.poverty //=> 2_800_000n
 * ND351_2025.effectiveFrom //=> '2027-01-01'
 * @see NĐ 351/2025/NĐ-CP (30/12/2025).
 */
export const ND351_2025: PovertyStandard = deepFreeze({
  id: 'nd-351-2025',
  name: 'National multidimensional poverty standard 2027–2030',
  nameVi: 'Chuẩn nghèo đa chiều quốc gia giai đoạn 2026-2030 (áp dụng 2027-2030)',
  effectiveFrom: d('2027-01-01'),
  effectiveTo: d('2030-12-31'),
  source: 'NĐ 351/2025/NĐ-CP (30/12/2025)',
  lines: {
    rural: { poverty: 2_200_000n },
    urban: { poverty: 2_800_000n },
  },
  linesSource: 'NĐ 351/2025/NĐ-CP (income criterion 2027–2030)',
  linesConfirmation: 'SECONDARY',
  deprivationThreshold: 3,
  indicators: ND351_2025_INDICATORS,
  dimensions: dimensionsOf(ND351_2025_INDICATORS, {
    'water-sanitation': { nameVi: 'nước sinh hoạt, vệ sinh và môi trường', name: 'domestic water, sanitation and environment' },
  }),
  rules: {
    poor: {
      description: 'income per head at or below the line and 3 or more deprivations',
      source: 'NĐ 351/2025/NĐ-CP',
      term: 'hộ nghèo: thu nhập từ chuẩn nghèo trở xuống và thiếu hụt từ 03 chỉ số trở lên',
      confirmation: 'SECONDARY',
    },
    nearPoor: {
      description: 'income per head at or below the line and fewer than 3 deprivations',
      source: 'NĐ 351/2025/NĐ-CP',
      term: 'hộ cận nghèo: thu nhập từ chuẩn nghèo trở xuống và thiếu hụt dưới 03 chỉ số',
      confirmation: 'SECONDARY',
    },
  },
  remarks: [
    'Income lines and the poor / near-poor rule are SECONDARY (press reports of the decree).',
    'The indicator list is UNCONFIRMED (September 2025 draft), and so are the thresholds.',
    'The average-living band for 2027–2030 is UNCONFIRMED and not modelled: income above the line is non-poor.',
  ],
} satisfies PovertyStandard);

/**
 * The built-in standards, oldest first; their validity intervals do not overlap.
 * @example
 * POVERTY_STANDARDS.map((s) => s.id) //=> ['qd-59-2015', 'nd-07-2021', 'nd-351-2025']
 */
export const POVERTY_STANDARDS: readonly PovertyStandard[] = Object.freeze([QD59_2015, ND07_2021, ND351_2025]);

/** Options of {@link standardFor}. */
export interface StandardForOptions {
  /** Standards to choose from (default {@link POVERTY_STANDARDS}). */
  readonly standards?: readonly PovertyStandard[];
}

/**
 * The standard in force on a date (the reference date of the assessment: pass e.g. 2022-01-01
 * for the list of 2022 even if the review took place in late 2021).
 *
 * @param date - the reference date
 * @throws VnPovertyError `invalid-date`; `no-standard-in-force` when no standard covers the date;
 *   `overlapping-standards` when more than one does.
 * @example
 * standardFor('2024-06-30').id //=> 'nd-07-2021'
 * standardFor('2021-12-31').id //=> 'qd-59-2015'
 * standardFor('2027-01-01').id //=> 'nd-351-2025'
 * @see NĐ 07/2021/NĐ-CP, Art. 2 cl. 1 and Art. 3; NĐ 351/2025/NĐ-CP.
 */
export function standardFor(date: DateInput, options: StandardForOptions = {}): PovertyStandard {
  assertOptions(options, 'standardFor');
  const at = toIsoDate(date, ['asOf']);
  const standards = options.standards ?? POVERTY_STANDARDS;
  if (!Array.isArray(standards) || standards.some((s) => typeof s !== 'object' || s === null)) {
    fail({ code: 'invalid-options', path: ['options', 'standards'], value: standards, expected: 'a list of PovertyStandard objects' });
  }
  const found = standards.filter((s) => s.effectiveFrom <= at && at <= s.effectiveTo);
  if (found.length === 0) {
    const covered = standards.map((s) => `${s.effectiveFrom}..${s.effectiveTo}`).join(', ');
    return fail({
      code: 'no-standard-in-force',
      path: ['asOf'],
      value: at,
      expected: `a date covered by a poverty standard (${covered || 'none given'})`,
      rule: { description: 'a household is classified under the standard in force on the reference date', term: 'chuẩn nghèo đa chiều', source: 'NĐ 07/2021/NĐ-CP, Art. 2–3; NĐ 351/2025/NĐ-CP' },
    });
  }
  if (found.length > 1) {
    return fail({ code: 'overlapping-standards', path: ['standards'], value: found.map((s) => s.id), expected: 'exactly one standard in force on the date' });
  }
  return found[0] as PovertyStandard;
}
