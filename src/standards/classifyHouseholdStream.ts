import { deepFreeze } from '../_internal/_freeze.js';
import { toIsoDate, type IsoDate } from '../dates/calendarDate.js';
import { VnPovertyError, fail, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { emptyCountsTable, type ClassificationCounts } from './classificationCounts.js';
import { classifyOrIssues, parseHousehold, resolveStandard, type ClassifyHouseholdOptions, type HouseholdClassification } from './classifyHousehold.js';
import type { Household, HouseholdInput } from './household.js';
import type { HouseholdStatus } from './householdStatus.js';
import type { IndicatorId } from './indicators.js';
import type { PovertyStandard } from './standards.js';
import { assertOptions } from '../errors/assertOptions.js';

/** What to do with a household that cannot be classified: throw (default) or report it and go on. */
export type InvalidHouseholdHandling = 'throw' | 'report';

/** Options of {@link classifyHouseholdStream}: those of {@link classifyHousehold}, plus the batch size and what to do with invalid households. */
export interface ClassifyHouseholdStreamOptions extends ClassifyHouseholdOptions {
  /** Households per yielded batch (default 1,000; a whole number from 1 to 1,000,000). */
  readonly batchSize?: number;
  /**
   * `'throw'` (default): the first batch holding an invalid household throws a
   * `VnPovertyError` listing every issue of that batch, each path starting with the household's
   * index, and the stream ends (batches before it were yielded). `'report'`: invalid households
   * are listed in the batch's `failures` and the stream goes on.
   */
  readonly onInvalid?: InvalidHouseholdHandling;
}

/** A household that could not be classified: its index in the input and why. */
export interface HouseholdFailure {
  readonly index: number;
  /** What keeps it from being classified, each path starting with the index. */
  readonly issues: VnIssues;
  /** The same issues as an error (made when first read: most failures of a large register are only counted). */
  readonly error: VnPovertyError;
}

/** One batch of {@link classifyHouseholdStream}. */
export interface HouseholdClassificationBatch {
  /** Index in the input of the batch's first household. */
  readonly start: number;
  /** Households in the batch (classified or not). */
  readonly size: number;
  /**
   * The classified households of the batch, in input order, each exactly what
   * {@link classifyHousehold} returns; without failures, `results[j]` is household `start + j`.
   */
  readonly results: readonly HouseholdClassification[];
  /** The households of the batch that could not be classified (only with `onInvalid: 'report'`). */
  readonly failures: readonly HouseholdFailure[];
  /** Running counts: every household classified so far, this batch included. */
  readonly counts: ClassificationCounts;
}

/** A running tally of classified households, as the counts table it becomes. @internal */
export interface ClassificationTally {
  readonly standardId: string;
  households: number;
  readonly table: ReturnType<typeof emptyCountsTable>;
}

/** An empty tally for a standard. @internal */
export function createTally(standard: PovertyStandard): ClassificationTally {
  return { standardId: standard.id, households: 0, table: emptyCountsTable(standard.indicators.map((i) => i.id)) };
}

/** Adds one household to a tally. @internal */
export function tallyHousehold(tally: ClassificationTally, status: HouseholdStatus, deprivations: readonly IndicatorId[]): void {
  const t = tally.table;
  tally.households += 1;
  t.byStatus[status] += 1;
  const within = t.byStatusAndIndicator[status];
  for (const id of deprivations) {
    t.byIndicator[id] = (t.byIndicator[id] ?? 0) + 1;
    within[id] = (within[id] ?? 0) + 1;
  }
}

/** The frozen counts of a tally so far (a copy: the tally can go on). @internal */
export function tallyCounts(tally: ClassificationTally): ClassificationCounts {
  const t = tally.table;
  return deepFreeze({
    standardId: tally.standardId,
    households: tally.households,
    byStatus: { ...t.byStatus },
    byIndicator: { ...t.byIndicator },
    byStatusAndIndicator: {
      poor: { ...t.byStatusAndIndicator.poor },
      'near-poor': { ...t.byStatusAndIndicator['near-poor'] },
      average: { ...t.byStatusAndIndicator.average },
      'non-poor': { ...t.byStatusAndIndicator['non-poor'] },
    },
  });
}

/**
 * Classifies one household record and adds it to the tally, or returns why it cannot be
 * classified. @internal
 */
export function classifyRecordInto(
  input: unknown,
  index: number,
  asOf: IsoDate,
  standard: PovertyStandard,
  options: ClassifyHouseholdOptions,
  tally: ClassificationTally,
): HouseholdClassification | HouseholdFailure {
  let parsed: Household;
  try {
    parsed = parseHousehold(input);
  } catch (e) {
    if (!(e instanceof VnPovertyError)) throw e;
    return householdFailure(index, e.issues);
  }
  const result = classifyOrIssues(parsed, asOf, standard, options);
  if (Array.isArray(result)) return householdFailure(index, result as VnIssues);
  const c = result as HouseholdClassification;
  tallyHousehold(tally, c.status, c.deprivations);
  return c;
}

const errors = new WeakMap<HouseholdFailure, VnPovertyError>();
const LAZY_ERROR: PropertyDescriptor = Object.freeze({
  enumerable: true,
  get(this: HouseholdFailure): VnPovertyError {
    let e = errors.get(this);
    if (e === undefined) {
      e = new VnPovertyError(this.issues);
      errors.set(this, e);
    }
    return e;
  },
});

/** A frozen failure of household `index`: its issues with the index at the head of every path and message. @internal */
export function householdFailure(index: number, issues: ReadonlyArray<VnIssue>): HouseholdFailure {
  const indexed = Object.freeze(issues.map((i) => Object.freeze({ ...i, path: Object.freeze([index, ...i.path]), message: `household ${index}: ${i.message}` }))) as unknown as VnIssues;
  return Object.freeze(Object.defineProperty({ index, issues: indexed }, 'error', LAZY_ERROR) as HouseholdFailure);
}

const lazyIssues = new WeakMap<HouseholdFailure, VnIssues>();

/**
 * A {@link householdFailure} whose issues are found only when first read (`issuesOf` is called
 * once, then the same frozen list): a large register's failures are mostly only counted. The
 * caller captures in `issuesOf` everything the issues depend on. @internal
 */
export function lazyHouseholdFailure(index: number, issuesOf: () => ReadonlyArray<VnIssue>): HouseholdFailure {
  const failure = Object.defineProperties({ index }, {
    issues: {
      enumerable: true,
      get(this: HouseholdFailure): VnIssues {
        let list = lazyIssues.get(this);
        if (list === undefined) {
          list = householdFailure(index, issuesOf()).issues;
          lazyIssues.set(this, list);
        }
        return list;
      },
    },
    error: LAZY_ERROR,
  }) as unknown as HouseholdFailure;
  return Object.freeze(failure);
}

/** One error listing the issues of several failures, in order. @internal */
export function combinedError(failures: readonly HouseholdFailure[]): VnPovertyError {
  return new VnPovertyError(failures.flatMap((f) => f.issues) as unknown as VnIssues);
}

const isFailure = (r: HouseholdClassification | HouseholdFailure): r is HouseholdFailure => 'issues' in r;

/**
 * Classifies households from any iterable (an array, a generator reading a file…) in batches, so
 * a caller never holds more than one batch of results: the streaming form of
 * {@link classifyHouseholds}. Each batch gives its results (exactly what
 * {@link classifyHousehold} returns), the households that failed (with `onInvalid: 'report'`),
 * and the running counts. Concatenating the batches' results gives `classifyHouseholds(...)
 * .results`, and the last batch's counts are its `counts` (a property test checks both).
 *
 * @param households - records as {@link classifyHousehold} accepts them, from any iterable
 * @param options - `asOf`, `standard`, `standards`, `predicates`, `onConflict`, `batchSize`, `onInvalid`
 * @returns a generator of frozen {@link HouseholdClassificationBatch}es (none for no input)
 * @throws VnPovertyError `invalid-option` (batch size, onInvalid) and the standard errors of
 *   {@link classifyHousehold}, when called; and with `onInvalid: 'throw'` the issues of the
 *   first batch that holds an invalid household, paths prefixed with its index.
 * @example
 * let last;
 * for (const batch of classifyHouseholdStream(register, { asOf: '2024-01-01', batchSize: 2 })) last = batch.counts;
 * last.byStatus.poor //=> 3 (as classifyHouseholds(register, …).counts)
 * @see NĐ 07/2021/NĐ-CP, Art. 3; QĐ 59/2015/QĐ-TTg, Art. 2; NĐ 351/2025/NĐ-CP.
 */
export function classifyHouseholdStream(households: Iterable<HouseholdInput>, options: ClassifyHouseholdStreamOptions): Generator<HouseholdClassificationBatch, void, undefined> {
  assertOptions(options, 'classifyHouseholdStream', true);
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const standard = resolveStandard(asOf, options);
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) {
    fail({ code: 'invalid-option', path: ['batchSize'], value: batchSize, expected: 'a whole number of households from 1 to 1,000,000' });
  }
  const onInvalid = options.onInvalid ?? 'throw';
  if (onInvalid !== 'throw' && onInvalid !== 'report') fail({ code: 'invalid-option', path: ['onInvalid'], value: onInvalid, expected: "'throw' or 'report'" });
  if (households === null || typeof (households as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
    fail({ code: 'invalid-input', path: [], value: typeof households, expected: 'an iterable of household records (an array, a generator…)' });
  }
  return batches(households as Iterable<unknown>, asOf, standard, options, batchSize, onInvalid);
}

function* batches(
  households: Iterable<unknown>,
  asOf: IsoDate,
  standard: PovertyStandard,
  options: ClassifyHouseholdStreamOptions,
  batchSize: number,
  onInvalid: 'throw' | 'report',
): Generator<HouseholdClassificationBatch, void, undefined> {
  const tally = createTally(standard);
  let results: HouseholdClassification[] = [];
  let failures: HouseholdFailure[] = [];
  let start = 0;
  let index = 0;
  const flush = (): HouseholdClassificationBatch => {
    if (failures.length > 0 && onInvalid === 'throw') throw combinedError(failures);
    const batch: HouseholdClassificationBatch = Object.freeze({ start, size: index - start, results: Object.freeze(results), failures: Object.freeze(failures), counts: tallyCounts(tally) });
    results = [];
    failures = [];
    start = index;
    return batch;
  };
  for (const input of households) {
    const r = classifyRecordInto(input, index, asOf, standard, options, tally);
    if (isFailure(r)) failures.push(r);
    else results.push(r);
    index++;
    if (index - start === batchSize) yield flush();
  }
  if (index > start) yield flush();
}
