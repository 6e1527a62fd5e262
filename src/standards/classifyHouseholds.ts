import { deepFreeze } from '../_internal/_freeze.js';
import { toIsoDate } from '../dates/calendarDate.js';
import { VnPovertyError, parseInput, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { emptyCountsTable, type ClassificationCounts } from './classificationCounts.js';
import { classifyParsed, resolveStandard, type ClassifyHouseholdOptions, type HouseholdClassification } from './classifyHousehold.js';
import { householdSchema, type Household, type HouseholdInput } from './household.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link classifyHouseholds}: the same as {@link ClassifyHouseholdOptions}. */
export type ClassifyHouseholdsOptions = ClassifyHouseholdOptions;

/** The result of {@link classifyHouseholds}: one result per household, in order, and the counts. */
export interface HouseholdClassifications {
  readonly results: readonly HouseholdClassification[];
  readonly counts: ClassificationCounts;
}

/**
 * Classifies a list of household records under one standard (the one in force on `asOf`, or the
 * one given). Each result is exactly what {@link classifyHousehold} returns for that household;
 * the counts give households by status, by indicator, and by indicator within each status.
 * Every record is validated first: if any is invalid, nothing is returned and the error lists
 * every issue with the record's index at the head of its path.
 *
 * @param households - records as {@link classifyHousehold} accepts them
 * @throws VnPovertyError as {@link classifyHousehold}, paths prefixed with the record index.
 * @example
 * classifyHouseholds(register, { asOf: '2024-01-01' }).counts.byStatus.poor //=> 3
 * @see NĐ 07/2021/NĐ-CP, Art. 3; QĐ 59/2015/QĐ-TTg, Art. 2; NĐ 351/2025/NĐ-CP.
 */
export function classifyHouseholds(households: readonly HouseholdInput[], options: ClassifyHouseholdsOptions): HouseholdClassifications {
  assertOptions(options, 'classifyHouseholds', true);
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const standard = resolveStandard(asOf, options);
  const issues: VnIssue[] = [];
  const results: HouseholdClassification[] = [];
  households.forEach((input, index) => {
    try {
      const parsed = parseInput(householdSchema, input, {
        description: 'a household as a poverty review records it',
        term: 'rà soát hộ nghèo, hộ cận nghèo',
        source: 'QĐ 24/2021/QĐ-TTg; NĐ 07/2021/NĐ-CP, Art. 3',
      }) as Household;
      results.push(deepFreeze(classifyParsed(parsed, asOf, standard, options)));
    } catch (e) {
      if (!(e instanceof VnPovertyError)) throw e;
      for (const i of e.issues) issues.push({ ...i, path: [index, ...i.path], message: `household ${index}: ${i.message}` });
    }
  });
  if (issues.length > 0) throw new VnPovertyError(issues as unknown as VnIssues);
  const ids = standard.indicators.map((i) => i.id);
  const t = emptyCountsTable(ids);
  for (const r of results) {
    t.byStatus[r.status] += 1;
    for (const id of r.deprivations) {
      t.byIndicator[id] = (t.byIndicator[id] ?? 0) + 1;
      t.byStatusAndIndicator[r.status][id] = (t.byStatusAndIndicator[r.status][id] ?? 0) + 1;
    }
  }
  return Object.freeze({
    results: Object.freeze(results),
    counts: deepFreeze({ standardId: standard.id, households: results.length, ...t }),
  });
}
