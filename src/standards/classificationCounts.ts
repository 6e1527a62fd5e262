import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from './householdStatus.js';
import type { IndicatorId } from './indicators.js';

/**
 * Counts of classified households: by status, by indicator (households deprived in it), and by
 * indicator within each status. Counts are plain numbers (exact up to 2^53 households).
 */
export interface ClassificationCounts {
  /** The standard applied. */
  readonly standardId: string;
  /** Households classified. */
  readonly households: number;
  readonly byStatus: Readonly<Record<HouseholdStatus, number>>;
  /** Households deprived in each indicator of the standard (every indicator present, possibly 0). */
  readonly byIndicator: Readonly<Partial<Record<IndicatorId, number>>>;
  /** The same, within each status. */
  readonly byStatusAndIndicator: Readonly<Record<HouseholdStatus, Readonly<Partial<Record<IndicatorId, number>>>>>;
}

/** Counts with every figure zero, for a standard's indicator ids. @internal */
export function emptyCountsTable(indicatorIds: readonly IndicatorId[]): {
  byStatus: Record<HouseholdStatus, number>;
  byIndicator: Partial<Record<IndicatorId, number>>;
  byStatusAndIndicator: Record<HouseholdStatus, Partial<Record<IndicatorId, number>>>;
} {
  const zero = (): Partial<Record<IndicatorId, number>> => Object.fromEntries(indicatorIds.map((id) => [id, 0]));
  return {
    byStatus: { poor: 0, 'near-poor': 0, average: 0, 'non-poor': 0 },
    byIndicator: zero(),
    byStatusAndIndicator: { poor: zero(), 'near-poor': zero(), average: zero(), 'non-poor': zero() },
  };
}

/**
 * Counts from a histogram of households by status and deprivation pattern: `hist[(s << n) | mask]`
 * households have status `HOUSEHOLD_STATUSES[s]` and are deprived in the indicators whose bits
 * are set in `mask` (bit i = `indicatorIds[i]`, n = the number of indicators). @internal
 */
export function countsFromHistogram(standardId: string, indicatorIds: readonly IndicatorId[], hist: Float64Array): ClassificationCounts {
  const n = indicatorIds.length;
  const t = emptyCountsTable(indicatorIds);
  let households = 0;
  for (let s = 0; s < 4; s++) {
    const status = HOUSEHOLD_STATUSES[s]!;
    const byInd = t.byStatusAndIndicator[status];
    for (let mask = 0; mask < 1 << n; mask++) {
      const c = hist[(s << n) | mask] as number;
      if (c === 0) continue;
      t.byStatus[status] += c;
      households += c;
      for (let b = 0; b < n; b++) {
        if ((mask >>> b) & 1) {
          const id = indicatorIds[b]!;
          byInd[id] = (byInd[id] ?? 0) + c;
          t.byIndicator[id] = (t.byIndicator[id] ?? 0) + c;
        }
      }
    }
  }
  return deepFreeze({ standardId, households, ...t });
}

/**
 * Adds up counts of several chunks classified under the same standard (streamed bulk input).
 *
 * @throws VnPovertyError `mixed-standards` when the counts come from different standards;
 *   `empty-input` for an empty list.
 * @example
 * sumClassificationCounts([classifyColumns(chunk1, o).counts, classifyColumns(chunk2, o).counts]).households //=> chunk1 rows + chunk2 rows
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 2 (the statuses counted).
 */
export function sumClassificationCounts(counts: readonly ClassificationCounts[]): ClassificationCounts {
  const first = counts[0];
  if (first === undefined) return fail({ code: 'empty-input', path: [], value: counts, expected: 'at least one set of counts' });
  const ids = Object.keys(first.byIndicator) as IndicatorId[];
  const t = emptyCountsTable(ids);
  let households = 0;
  counts.forEach((c, i) => {
    if (c.standardId !== first.standardId) fail({ code: 'mixed-standards', path: [i, 'standardId'], value: c.standardId, expected: first.standardId });
    households += c.households;
    for (const s of HOUSEHOLD_STATUSES) {
      t.byStatus[s] += c.byStatus[s];
      for (const id of ids) (t.byStatusAndIndicator[s] as Record<string, number>)[id] = (t.byStatusAndIndicator[s][id] ?? 0) + (c.byStatusAndIndicator[s][id] ?? 0);
    }
    for (const id of ids) t.byIndicator[id] = (t.byIndicator[id] ?? 0) + (c.byIndicator[id] ?? 0);
  });
  return deepFreeze({ standardId: first.standardId, households, ...t });
}
