import { deepFreeze } from '../_internal/_freeze.js';
import type { IsoDate } from '../dates/calendarDate.js';
import { fail } from '../errors/VnPovertyError.js';
import type { HouseholdClassification } from '../standards/classifyHousehold.js';
import type { HouseholdColumns } from '../standards/classifyColumns.js';
import type { IndicatorId } from '../standards/indicators.js';
import { ND07_2021, QD59_2015, type PovertyStandard } from '../standards/standards.js';
import type { AnalysisUnit, DeprivationEntry, MissingPolicy } from './afData.js';
import { alkireFoster, type AfResult } from './alkireFoster.js';
import { MEASURE_RULES } from './_measureRules.js';
import { equalNestedWeights, type NestedWeights } from './nestedWeights.js';
import type { PovertyCutoff } from './povertyCutoff.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * An Alkire–Foster profile built from a Vietnamese poverty standard: its indicators, grouped by
 * basic social service (*dịch vụ xã hội cơ bản*), with equal nested weights.
 *
 * This is a statistical index, **not** the official household classification: the decree
 * classifies a household as poor when its income per head is at or below the line **and** it
 * lacks 3 or more indicators (an unweighted count). The AF index has no income condition and
 * weighs indicators; with equal weights 1/12 and k = 1/4 its identification matches the count
 * condition “≥ 3 of 12” alone.
 */
export interface VietnamAfProfile {
  /** The standard's id, e.g. `'nd-07-2021'`. */
  readonly standardId: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate;
  /** Where the indicator list and services come from. */
  readonly source: string;
  /** Indicator ids in column order (the decree's order). */
  readonly indicators: ReadonlyArray<IndicatorId>;
  /** Equal nested weights: each service 1/m, split equally among its indicators. */
  readonly weights: NestedWeights;
  readonly remarks: ReadonlyArray<string>;
}

const STAT_REMARK =
  'A statistical Alkire–Foster index over the standard’s indicators, not the official classification (which requires income per head at or below the line and counts deprivations without weights).';

/**
 * Builds the AF profile of a poverty standard: equal weights over its services, split equally
 * among each service's indicators. Works for the built-in standards and for a caller's own.
 *
 * @throws VnPovertyError as {@link equalNestedWeights} (a standard without indicators).
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) (6 services, 12 indicators); QĐ 59/2015/QĐ-TTg, Art. 1 (5 services, 10 indicators).
 * @example
 * vietnamAfProfile(ND07_2021).weights.indicators[0].weight //=> { num: 1n, den: 12n }
 */
export function vietnamAfProfile(standard: PovertyStandard): VietnamAfProfile {
  const weights = equalNestedWeights(standard.dimensions.map((d) => ({ id: d.id, indicators: [...d.indicators] })));
  return deepFreeze({
    standardId: standard.id,
    effectiveFrom: standard.effectiveFrom,
    effectiveTo: standard.effectiveTo,
    source: standard.source,
    indicators: weights.indicators.map((i) => i.id as IndicatorId),
    weights,
    remarks: [STAT_REMARK, ...standard.remarks],
  });
}

/**
 * NĐ 07/2021 profile: 12 indicators in 6 services (employment, health, education, housing,
 * water and sanitation, information), each service 1/6, each indicator 1/12.
 * @remarks UNCONFIRMED: the deprivation thresholds behind the indicators (NĐ 07/2021 Appendix) were not read;
 * the grouping of indicators two per service is SECONDARY (see the standard's data).
 * @example
 * ND07_2021_AF_PROFILE.weights.dimensions[0]?.weight //=> { num: 1n, den: 6n }
 * ND07_2021_AF_PROFILE.weights.indicators[0]?.weight //=> { num: 1n, den: 12n }
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b).
 */
export const ND07_2021_AF_PROFILE: VietnamAfProfile = vietnamAfProfile(ND07_2021);

/**
 * QĐ 59/2015 profile: 10 indicators in 5 services (health, education, housing, water and
 * sanitation, information), each service 1/5, each indicator 1/10.
 * @remarks UNCONFIRMED: the deprivation thresholds were not read (see the standard's data).
 * @example
 * QD59_2015_AF_PROFILE.indicators[0] //=> 'health-access'
 * QD59_2015_AF_PROFILE.weights.indicators[0]?.weight //=> { num: 1n, den: 10n }
 * @see QĐ 59/2015/QĐ-TTg, Art. 1.
 */
export const QD59_2015_AF_PROFILE: VietnamAfProfile = vietnamAfProfile(QD59_2015);

/** Options of {@link alkireFosterFromClassifications}. */
export interface AlkireFosterFromClassificationsOptions {
  /** The profile; default: the one built from the classifications' standard (which must be the same for all). */
  readonly profile?: VietnamAfProfile;
  readonly cutoff: PovertyCutoff;
  /** `'units'` counts households; `'members'` counts people through each household's size. */
  readonly countBy: AnalysisUnit;
  /** Policy for undetermined indicators (`deprived: undefined`); required only when there are any. */
  readonly missing?: MissingPolicy;
  /** Decompose by area (`'rural'`/`'urban'`) or by status (`'poor'`, `'near-poor'`…). */
  readonly groupBy?: 'area' | 'status';
}

const BUILT_IN: Readonly<Record<string, VietnamAfProfile>> = { [ND07_2021.id]: ND07_2021_AF_PROFILE, [QD59_2015.id]: QD59_2015_AF_PROFILE };

/**
 * Feeds household classification results into the Alkire–Foster measures: one row per household
 * with the standard's indicators, sizes from the members, optionally decomposed by area or status.
 *
 * @returns frozen {@link AfResult}.
 * @throws VnPovertyError `standard-mismatch` when results come from different standards or do not match
 *   the profile; `unknown-profile` for a standard without a built-in profile (pass `profile`); and the
 *   errors of {@link alkireFoster} (`missing-value` for an undetermined indicator without a policy, `empty-population`).
 * @see NĐ 07/2021/NĐ-CP, Art. 3; Alkire & Foster (2011), J. Public Econ. 95: 476–487.
 * @example
 * alkireFosterFromClassifications(classifyHouseholds(register, { asOf: '2024-01-01' }).results,
 *   { cutoff: { share: fraction(1n, 4n) }, countBy: 'members' }).headcountRatio
 * //=> share of people in households lacking ≥ 3 of 12 indicators
 */
export function alkireFosterFromClassifications(classifications: ReadonlyArray<HouseholdClassification>, options: AlkireFosterFromClassificationsOptions): AfResult {
  assertOptions(options, 'alkireFosterFromClassifications', true);
  const first = classifications[0];
  const profile = options.profile ?? (first === undefined ? ND07_2021_AF_PROFILE : BUILT_IN[first.standard.id]);
  if (profile === undefined) {
    return fail({ code: 'unknown-profile', path: ['profile'], value: first?.standard.id, expected: 'a profile for this standard (pass options.profile)', rule: MEASURE_RULES.weights });
  }
  const rows: DeprivationEntry[][] = classifications.map((c, i) => {
    if (c.standard.id !== profile.standardId) {
      fail({ code: 'standard-mismatch', path: [i, 'standard', 'id'], value: c.standard.id, expected: `results under ${profile.standardId}`, rule: MEASURE_RULES.matrix });
    }
    const byId = new Map(c.indicators.map((r) => [r.id, r.deprived]));
    return profile.indicators.map((id) => {
      const v = byId.get(id);
      return v === undefined ? null : v;
    });
  });
  return alkireFoster(
    {
      kind: 'deprivations',
      rows,
      sizes: classifications.map((c) => c.members),
      ...(options.groupBy === undefined ? {} : { groups: classifications.map((c) => (options.groupBy === 'area' ? c.area : c.status)) }),
    },
    { weights: profile.weights, cutoff: options.cutoff, countBy: options.countBy, ...(options.missing === undefined ? {} : { missing: options.missing }) },
  );
}

/** Options of {@link alkireFosterFromColumns}. */
export interface AlkireFosterFromColumnsOptions {
  readonly profile: VietnamAfProfile;
  readonly cutoff: PovertyCutoff;
  readonly countBy: AnalysisUnit;
  /** Decompose by the `area` column (0 rural, 1 urban). */
  readonly groupBy?: 'area';
}

/**
 * The bulk path from the classification columns: unpacks `deprivationMask` (bit i = the
 * profile's i-th indicator) into one 0/1 column per indicator and runs {@link alkireFoster}
 * on them, with `members` as sizes.
 *
 * @throws VnPovertyError as {@link alkireFoster}; `length-mismatch` when the columns differ in length.
 * @see NĐ 07/2021/NĐ-CP, Art. 3; Alkire & Foster (2011).
 * @example
 * alkireFosterFromColumns(columns, { profile: ND07_2021_AF_PROFILE, cutoff: { share: '0.25' }, countBy: 'members' }).m0
 * //=> a Fraction
 */
export function alkireFosterFromColumns(columns: HouseholdColumns, options: AlkireFosterFromColumnsOptions): AfResult {
  assertOptions(options, 'alkireFosterFromColumns', true);
  const n = columns.deprivationMask.length;
  if (columns.members.length !== n || columns.area.length !== n) {
    fail({ code: 'length-mismatch', path: ['members'], value: columns.members.length, expected: `columns of the same length (${n})`, rule: MEASURE_RULES.matrix });
  }
  const J = options.profile.indicators.length;
  const deprivations = Array.from({ length: J }, () => new Uint8Array(n));
  const mask = columns.deprivationMask;
  for (let i = 0; i < n; i++) {
    const m = mask[i] as number;
    if (m === 0) continue;
    if (m >> J !== 0) fail({ code: 'invalid-deprivation', path: ['deprivationMask', i], value: m, expected: `bits only for the profile's ${J} indicators`, rule: MEASURE_RULES.matrix });
    for (let j = 0; j < J; j++) if ((m >> j) & 1) (deprivations[j] as Uint8Array)[i] = 1;
  }
  return alkireFoster(
    {
      kind: 'columns',
      deprivations,
      sizes: columns.members,
      ...(options.groupBy === 'area' ? { groups: columns.area, groupLabels: ['rural', 'urban'] } : {}),
    },
    { weights: options.profile.weights, cutoff: options.cutoff, countBy: options.countBy },
  );
}
