/**
 * The living-standard status a household is recognised with at a review
 * (*kết quả rà soát hộ nghèo, hộ cận nghèo*):
 * - `'poor'`: *hộ nghèo*
 * - `'near-poor'`: *hộ cận nghèo*
 * - `'average'`: *hộ có mức sống trung bình* (average living standard band)
 * - `'non-poor'`: none of the above (*hộ không nghèo*)
 *
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 2 (poor, near-poor, average-living households).
 */
export type HouseholdStatus = 'poor' | 'near-poor' | 'average' | 'non-poor';

/**

/**
 * Every {@link HouseholdStatus}, poorest first.
 * @example
 * HOUSEHOLD_STATUSES[0] //=> 'poor'
 */
export const HOUSEHOLD_STATUSES: readonly HouseholdStatus[] = Object.freeze(['poor', 'near-poor', 'average', 'non-poor']);

/**

/**
 * Vietnamese names of the statuses, as review documents print them.
 * @example
 * HOUSEHOLD_STATUS_LABELS_VI['near-poor'] //=> 'hộ cận nghèo'
 */
export const HOUSEHOLD_STATUS_LABELS_VI: Readonly<Record<HouseholdStatus, string>> = Object.freeze({
  poor: 'hộ nghèo',
  'near-poor': 'hộ cận nghèo',
  average: 'hộ có mức sống trung bình',
  'non-poor': 'hộ không nghèo',
});

/**
 * Orders statuses from poorest (0) to best off (3): "more income never makes a
 * household poorer" is `statusRank(after) >= statusRank(before)`.
 * @example
 * statusRank('poor') //=> 0
 * statusRank('non-poor') //=> 3
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 2.
 */
export function statusRank(status: HouseholdStatus): 0 | 1 | 2 | 3 {
  return HOUSEHOLD_STATUSES.indexOf(status) as 0 | 1 | 2 | 3;
}
