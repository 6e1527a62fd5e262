import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../standards/householdStatus.js';
import { NOT_RECORDED } from './_report.js';
import { parseReviewedHouseholds, type ReviewedHousehold } from './reviewedHousehold.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One household line of {@link householdLists}. */
export interface ListedHousehold {
  readonly id: string;
  readonly headName: string | null;
  readonly status: HouseholdStatus;
  readonly ethnicGroup: string | null;
  readonly deprivationCount: number;
}

/** The households of one village of one unit. */
export interface VillageList {
  readonly unit: string;
  /** The village, or `'(not recorded)'`. */
  readonly village: string;
  readonly households: readonly ListedHousehold[];
}

/** Options of {@link householdLists}. */
export interface HouseholdListsOptions {
  /** The statuses listed (the detailed lists of poor and of near-poor households). */
  readonly statuses: readonly HouseholdStatus[];
}

/**
 * The detailed lists of households (*danh sách hộ nghèo, hộ cận nghèo*) per unit and village: the
 * households of the statuses asked for, sorted by unit, village and id; every listed household
 * appears exactly once.
 *
 * @throws VnPovertyError `invalid-input`, `duplicate-household`, `invalid-option`.
 * @example
 * householdLists([{ id: 'b', unit: 'X', village: 'Bon 1', status: 'poor' }, { id: 'a', unit: 'X', village: 'Bon 1', status: 'near-poor' }], { statuses: ['poor'] })[0]?.households.map((h) => h.id) //=> ['b']
 * @see review-procedure §9.
 */
export function householdLists(households: readonly ReviewedHousehold[], options: HouseholdListsOptions): readonly VillageList[] {
  assertOptions(options, 'householdLists', true);
  if (!Array.isArray(options.statuses) || options.statuses.some((s) => !HOUSEHOLD_STATUSES.includes(s))) {
    fail({ code: 'invalid-option', path: ['statuses'], value: options.statuses, expected: `statuses among ${HOUSEHOLD_STATUSES.join(', ')}` });
  }
  const list = parseReviewedHouseholds(households).filter((h) => options.statuses.includes(h.status));
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...list].sort((a, b) => cmp(a.unit, b.unit) || cmp(a.village ?? NOT_RECORDED, b.village ?? NOT_RECORDED) || cmp(a.id, b.id));
  const out: VillageList[] = [];
  for (const h of sorted) {
    const village = h.village ?? NOT_RECORDED;
    let last = out[out.length - 1];
    if (last === undefined || last.unit !== h.unit || last.village !== village) {
      last = { unit: h.unit, village, households: [] };
      out.push(last);
    }
    (last.households as ListedHousehold[]).push({ id: h.id, headName: h.headName ?? null, status: h.status, ethnicGroup: h.ethnicGroup ?? null, deprivationCount: h.deprivations?.length ?? 0 });
  }
  return deepFreeze(out);
}
