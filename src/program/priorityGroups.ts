import { deepFreeze } from '../_internal/_freeze.js';
import type { BeneficiaryStatus, Confidence, HouseholdCircumstance } from './programStructure.js';

/**
 * Facts about a household used to decide target groups and priority groups:
 * every {@link HouseholdCircumstance}, plus
 * - `'ethnic-minority'`: an ethnic-minority household (*hộ dân tộc thiểu số*);
 * - `'meritorious-service-member'`: a member is a person with meritorious service to the revolution
 *   (*người có công với cách mạng*);
 * - `'woman-member'`: a woman member (*phụ nữ*).
 */
export type HouseholdTrait = HouseholdCircumstance | 'ethnic-minority' | 'meritorious-service-member' | 'woman-member';

/**
 * Every {@link HouseholdTrait}: the circumstances first, then the other traits.
 * @example
 * HOUSEHOLD_TRAITS.slice(HOUSEHOLD_CIRCUMSTANCES.length) //=> ['ethnic-minority', 'meritorious-service-member', 'woman-member']
 */
export const HOUSEHOLD_TRAITS: readonly HouseholdTrait[] = Object.freeze([
  'in-poor-commune',
  'in-poor-district',
  'in-extremely-difficult-commune',
  'child-under-16',
  'pregnant-or-lactating-woman',
  'member-with-disability',
  'low-income-worker',
  'ethnic-minority',
  'meritorious-service-member',
  'woman-member',
]);

/** Identifiers of the priority groups (*đối tượng ưu tiên*). */
export type PriorityGroupId = 'ethnic-minority' | 'meritorious-service' | 'children' | 'disability' | 'women';

/**
 * A priority group among a program's beneficiaries: a household belongs when it holds one of
 * `statuses` on the date and has every trait in `requires`.
 */
export interface PriorityGroup {
  readonly id: PriorityGroupId;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Qualifying statuses (any one). */
  readonly statuses: readonly BeneficiaryStatus[];
  /** Traits that must all hold. */
  readonly requires: readonly HouseholdTrait[];
  readonly source: string;
  readonly confidence: Confidence;
}

const SOURCE = 'QĐ 90/QĐ-TTg (18/01/2022), Part II (đối tượng), as quoted in plans (seed 001 line 145; seed 003 line 34)';

/**
 * The priority groups of the 2021–2025 program: *Ưu tiên hỗ trợ hộ nghèo dân tộc thiểu số, hộ nghèo
 * có thành viên là người có công với cách mạng; trẻ em, người khuyết tật, phụ nữ thuộc hộ nghèo, hộ cận
 * nghèo, hộ mới thoát nghèo*. Ethnic minority and meritorious service apply to poor households;
 * children, persons with disabilities and women to poor, near-poor and recently escaped households.
 *
 * @remarks SECONDARY: quoted consistently by the seed plans; the QĐ 90 article text itself was not read.
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part II.
 * @example
 * NTP_SPRR_2021_2025_PRIORITY_GROUPS.map((g) => g.id) //=> ['ethnic-minority', 'meritorious-service', 'children', 'disability', 'women']
 */
export const NTP_SPRR_2021_2025_PRIORITY_GROUPS: readonly PriorityGroup[] = deepFreeze([
  {
    id: 'ethnic-minority',
    nameVi: 'Hộ nghèo dân tộc thiểu số',
    nameEn: 'Ethnic-minority poor households',
    statuses: ['poor'],
    requires: ['ethnic-minority'],
    source: SOURCE,
    confidence: 'secondary',
  },
  {
    id: 'meritorious-service',
    nameVi: 'Hộ nghèo có thành viên là người có công với cách mạng',
    nameEn: 'Poor households with a member with meritorious service to the revolution',
    statuses: ['poor'],
    requires: ['meritorious-service-member'],
    source: SOURCE,
    confidence: 'secondary',
  },
  {
    id: 'children',
    nameVi: 'Trẻ em thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
    nameEn: 'Children of poor, near-poor and recently escaped households',
    statuses: ['poor', 'near-poor', 'recently-escaped'],
    requires: ['child-under-16'],
    source: SOURCE,
    confidence: 'secondary',
  },
  {
    id: 'disability',
    nameVi: 'Người khuyết tật thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
    nameEn: 'Persons with disabilities of poor, near-poor and recently escaped households',
    statuses: ['poor', 'near-poor', 'recently-escaped'],
    requires: ['member-with-disability'],
    source: SOURCE,
    confidence: 'secondary',
  },
  {
    id: 'women',
    nameVi: 'Phụ nữ thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
    nameEn: 'Women of poor, near-poor and recently escaped households',
    statuses: ['poor', 'near-poor', 'recently-escaped'],
    requires: ['woman-member'],
    source: SOURCE,
    confidence: 'secondary',
  },
] satisfies PriorityGroup[]);
