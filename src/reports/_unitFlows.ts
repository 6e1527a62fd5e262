import { VnPovertyError, fail, type VnIssues } from '../errors/VnPovertyError.js';
import type { Area } from '../standards/household.js';
import { reviewTransitions, type ReviewEntry, type SummaryFlows } from '../status/reviewTransitions.js';
import { parseReviewedHouseholds, type ReviewedHousehold } from './reviewedHousehold.js';

/** The two statuses whose flows the reports print. @internal */
export type FlowStatus = 'poor' | 'near-poor';

/** One unit's flows for both statuses, with the ethnic-minority counts at both ends. @internal */
export interface UnitFlows {
  readonly unit: string;
  /** The unit's area, when its households give one. */
  readonly area: Area | undefined;
  /** Households of the unit on the end list. */
  readonly households: number;
  /** Households of the unit on the start list (with a start status). */
  readonly householdsAtStart: number;
  /** Ethnic-minority households of the unit on the end list. */
  readonly ethnicMinorityHouseholds: number;
  readonly flows: Readonly<Record<FlowStatus, SummaryFlows>>;
  /** Ethnic-minority households of the status at the start (in their start unit) and at the end. */
  readonly startEthnicMinority: Readonly<Record<FlowStatus, number>>;
  readonly endEthnicMinority: Readonly<Record<FlowStatus, number>>;
}

/** Validates a start list, its issues under `start`. */
function parseStart(start: readonly ReviewedHousehold[]): readonly ReviewedHousehold[] {
  try {
    return parseReviewedHouseholds(start);
  } catch (e) {
    if (!(e instanceof VnPovertyError)) throw e;
    throw new VnPovertyError(e.issues.map((i) => ({ ...i, path: ['start', ...i.path], message: `start list: ${i.message}` })) as unknown as VnIssues);
  }
}

/**
 * The flows of every unit from reviewed households: the start of the year from each household's
 * `startStatus` (in its own unit), or from a start list matched by id (a household only on it
 * moved out or left; one only on the end list moved in or is new; one in another unit moved).
 * Earlier escapes and the ethnic-minority flag at the start are read from the start record, or
 * from the end record where the start record gives none. Units in order of first appearance on
 * the end list, then those only on the start list. With `needArea`, every household needs an
 * area and a unit's households share it; a unit's area is its households' now (the start list
 * gives it only for a unit with no household now).
 *
 * @throws VnPovertyError `invalid-input`, `duplicate-household`, `conflicting-start` (a start
 *   list and `startStatus` both given), `missing-field` (area), `mixed-areas`.
 * @internal
 */
export function unitFlows(households: readonly ReviewedHousehold[], start: readonly ReviewedHousehold[] | undefined, needArea: boolean): readonly UnitFlows[] {
  const end = parseReviewedHouseholds(households);
  const before = start === undefined ? undefined : parseStart(start);
  if (before !== undefined) {
    const i = end.findIndex((h) => h.startStatus !== undefined);
    if (i >= 0) {
      fail({ code: 'conflicting-start', path: [i, 'startStatus'], value: end[i]!.startStatus, expected: 'the status at the start either from the start list or from startStatus, not both' });
    }
  }
  const areaOf = new Map<string, Area | undefined>();
  const noteArea = (h: ReviewedHousehold, path: readonly (string | number)[]): void => {
    const known = areaOf.get(h.unit);
    if (h.area === undefined) {
      if (needArea) fail({ code: 'missing-field', path: [...path, 'area'], value: undefined, expected: `urban or rural (household ${h.id}), for the blocks of the summary form` });
      if (!areaOf.has(h.unit)) areaOf.set(h.unit, undefined);
    } else if (known !== undefined && known !== h.area) {
      if (needArea) fail({ code: 'mixed-areas', path: [...path, 'area'], value: h.area, expected: `${known}, like the other households of ${h.unit} (household ${h.id})` });
    } else areaOf.set(h.unit, h.area);
  };
  end.forEach((h, i) => noteArea(h, [i]));
  // a unit's area is the one it has now (a commune may have become a ward); the start list gives
  // the area only of units no household lives in now
  const now = new Set(areaOf.keys());
  before?.forEach((h, i) => {
    if (!now.has(h.unit)) noteArea(h, ['start', i]);
  });

  const endById = new Map(end.map((h) => [h.id, h]));
  const startEntries: ReviewEntry[] = [];
  const startRecords: Array<{ readonly unit: string; readonly status: FlowStatus; readonly ethnicMinority: boolean }> = [];
  const flag = (s: boolean | undefined, e: boolean | undefined): boolean => (s ?? e) === true;
  if (before === undefined) {
    for (const h of end) {
      if (h.startStatus === undefined || h.startStatus === null) continue;
      startEntries.push({ householdId: h.id, area: h.unit, status: h.startStatus, everEscapedPoverty: h.everEscapedPoverty === true, everEscapedNearPoverty: h.everEscapedNearPoverty === true });
      if (h.startStatus === 'poor' || h.startStatus === 'near-poor') startRecords.push({ unit: h.unit, status: h.startStatus, ethnicMinority: h.ethnicMinority === true });
    }
  } else {
    for (const s of before) {
      const e = endById.get(s.id);
      startEntries.push({ householdId: s.id, area: s.unit, status: s.status, everEscapedPoverty: flag(s.everEscapedPoverty, e?.everEscapedPoverty), everEscapedNearPoverty: flag(s.everEscapedNearPoverty, e?.everEscapedNearPoverty) });
      if (s.status === 'poor' || s.status === 'near-poor') startRecords.push({ unit: s.unit, status: s.status, ethnicMinority: flag(s.ethnicMinority, e?.ethnicMinority) });
    }
  }
  const units = [...areaOf.keys()];
  const t = reviewTransitions(startEntries, end.map((h) => ({ householdId: h.id, area: h.unit, status: h.status })), { areas: units });
  const zero = (): Record<FlowStatus, number> => ({ poor: 0, 'near-poor': 0 });
  const counts = new Map(units.map((u) => [u, { households: 0, em: 0, startEm: zero(), endEm: zero() }]));
  for (const h of end) {
    const c = counts.get(h.unit)!;
    c.households++;
    if (h.ethnicMinority !== true) continue;
    c.em++;
    if (h.status === 'poor' || h.status === 'near-poor') c.endEm[h.status]++;
  }
  for (const s of startRecords) if (s.ethnicMinority) counts.get(s.unit)!.startEm[s.status]++;
  return t.areas.map((a) => {
    const c = counts.get(a.area)!;
    return {
      unit: a.area,
      area: areaOf.get(a.area),
      households: c.households,
      householdsAtStart: a.households.start,
      ethnicMinorityHouseholds: c.em,
      flows: { poor: a.summary.poor, 'near-poor': a.summary.nearPoor },
      startEthnicMinority: c.startEm,
      endEthnicMinority: c.endEm,
    };
  });
}
