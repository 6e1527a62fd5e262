import { toIsoDate } from '../dates/calendarDate.js';
import type { ClassificationCounts } from './classificationCounts.js';
import { resolveStandard, type ClassifyHouseholdOptions, type HouseholdClassification } from './classifyHousehold.js';
import { classifyRecordInto, combinedError, createTally, tallyCounts, type classifyHouseholdStream, type HouseholdFailure } from './classifyHouseholdStream.js';
import type { HouseholdInput } from './household.js';
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
 * every issue with the record's index at the head of its path. For more records than fit in
 * memory, or records read from a file, use {@link classifyHouseholdStream}, which yields them in
 * batches; for a register in typed columns, `classifyRegisterBatch`.
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
  const tally = createTally(standard);
  const results: HouseholdClassification[] = [];
  const failures: HouseholdFailure[] = [];
  households.forEach((input, index) => {
    const r = classifyRecordInto(input, index, asOf, standard, options, tally);
    if ('issues' in r) failures.push(r);
    else results.push(r);
  });
  if (failures.length > 0) throw combinedError(failures);
  return Object.freeze({ results: Object.freeze(results), counts: tallyCounts(tally) });
}
