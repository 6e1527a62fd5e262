import { toIsoDate, type IsoDate } from '../dates/calendarDate.js';
import { VnPovertyError, fail, issue, type VnIssues } from '../errors/VnPovertyError.js';
import { fraction, type Fraction } from '../numbers/fraction.js';
import type { Dong } from '../numbers/money.js';
import { numericLines, popcounts } from './_columnKernel.js';
import { decidingRule } from './_resultParts.js';
import { countsFromHistogram, type ClassificationCounts } from './classificationCounts.js';
import { classifyOrIssues, parseHousehold, resolveStandard, type ClassifyHouseholdOptions, type HouseholdClassification } from './classifyHousehold.js';
import { combinedError, householdFailure, lazyHouseholdFailure, type HouseholdFailure, type InvalidHouseholdHandling } from './classifyHouseholdStream.js';
import { decideStatus, type DecidingRuleId, type LineKind } from './decideStatus.js';
import type { Area, Household, Member } from './household.js';
import { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS_VI, type HouseholdStatus } from './householdStatus.js';
import type { IndicatorId, IndicatorPredicate } from './indicators.js';
import type { PovertyStandard } from './standards.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * Codes of the review-form flag bytes of a {@link RegisterBatch}: not deprived, deprived, or not
 * given (left blank on the form; facts may then decide the indicator, or it stays undetermined).
 * @example
 * REGISTER_FLAGS.unknown //=> 2
 */
export const REGISTER_FLAGS: Readonly<{ notDeprived: 0; deprived: 1; unknown: 2 }> = Object.freeze({ notDeprived: 0, deprived: 1, unknown: 2 });

/**
 * The status code of a household the batch could not classify (listed in `failures`).
 * @example
 * UNCLASSIFIED //=> 255
 */
export const UNCLASSIFIED = 255;

/**
 * The deciding rules by code, as in {@link RegisterBatchClassification.rules}.
 * @example
 * DECIDING_RULE_IDS[2] //=> 'near-poor'
 */
export const DECIDING_RULE_IDS: readonly DecidingRuleId[] = Object.freeze(['income-only-poor', 'poor', 'near-poor', 'average', 'above-lines']);

/**
 * A batch of a household register held in typed columns, one row per household, all of the
 * same length n:
 * - `area`: 0 rural, 1 urban (`AREA_CODES`);
 * - `monthlyIncome`: total monthly income in whole đồng: a `Float64Array` of safe integers, or a
 *   `BigInt64Array` (any non-negative value, compared exactly);
 * - `members`: number of members (≥ 1);
 * - `flags`: n × k bytes, row by row, k = the number of indicators of the standard applied:
 *   `flags[i * k + j]` is household i's review-form flag for the standard's j-th indicator
 *   ({@link REGISTER_FLAGS}: 0 not deprived, 1 deprived, 2 not given);
 * - `memberAges` and `memberOffsets` (optional, together): the members' ages, household i's in
 *   `memberAges[memberOffsets[i] … memberOffsets[i + 1] − 1]` (so `memberOffsets` has n + 1
 *   entries and `members[i]` must equal the difference). With ages, the standard's predicates are
 *   evaluated on them, as the record path does for a household whose only facts are its members'
 *   ages; without, a household is known by its flags alone and no indicator comes from facts;
 * - `ids` (optional): the household ids, carried into the results;
 * - `records` (optional): where `records[i]` is given, household i is a record as
 *   `classifyHousehold` accepts it (facts beyond ages, flags for indicators outside the
 *   standard…), classified by the record path; its column values are then not read.
 */
export interface RegisterBatch {
  readonly area: Uint8Array;
  readonly monthlyIncome: Float64Array | BigInt64Array;
  readonly members: Uint8Array | Uint16Array | Uint32Array;
  readonly flags: Uint8Array;
  readonly memberAges?: Uint8Array;
  readonly memberOffsets?: Uint32Array;
  readonly ids?: ReadonlyArray<string | undefined>;
  readonly records?: ReadonlyArray<unknown>;
}

/** Options of {@link classifyRegisterBatch}: those of `classifyHousehold`, plus `explain` and `onInvalid`. */
export interface ClassifyRegisterBatchOptions extends ClassifyHouseholdOptions {
  /** Also build, for every household, the full explained result of `classifyHousehold` (slower). */
  readonly explain?: boolean;
  /** `'throw'` (default): any household that cannot be classified fails the call, listing every issue; `'report'`: list them in `failures`. */
  readonly onInvalid?: InvalidHouseholdHandling;
}

/**
 * The result of {@link classifyRegisterBatch}. The object, `failures`, `classifications` and
 * `counts` are frozen; the typed arrays are fresh (typed arrays cannot be frozen) and belong to
 * the caller. Read one household's output fields with {@link registerRow}.
 */
export interface RegisterBatchClassification {
  readonly standardId: string;
  readonly asOf: IsoDate;
  /** Status of each household as an index into `HOUSEHOLD_STATUSES`; {@link UNCLASSIFIED} for a failure. */
  readonly statuses: Uint8Array;
  /** The deciding rule of each household as an index into {@link DECIDING_RULE_IDS} (0 for a failure). */
  readonly rules: Uint8Array;
  /** Bit j set: deprived in the standard's j-th indicator. */
  readonly deprivationMasks: Uint16Array;
  /** Bit j set: the standard's j-th indicator is undetermined (no flag, no deciding fact; it cannot change the status). */
  readonly undeterminedMasks: Uint16Array;
  readonly deprivationCounts: Uint8Array;
  /** Households that could not be classified, `index` being the row (only with `onInvalid: 'report'`). */
  readonly failures: readonly HouseholdFailure[];
  /**
   * Per row: the explained result, for every classified household with `explain`, else only for
   * the households that went through the record path (records, conflicts, status-changing gaps).
   */
  readonly classifications: ReadonlyArray<HouseholdClassification | undefined>;
  /** How many households went through the record path. */
  readonly recordPathRows: number;
  /** Counts of the classified households. */
  readonly counts: ClassificationCounts;
}

/**
 * The output fields of one classified household (what a classified register file holds):
 * the same values whether it was classified from columns or from a record.
 */
export interface RegisterRow {
  readonly id?: string;
  readonly status: HouseholdStatus;
  readonly statusVi: string;
  readonly area: Area;
  readonly members: number;
  readonly monthlyIncome: Dong;
  /** Income per head per month, exact. */
  readonly incomePerHead: Fraction;
  readonly line: Dong;
  readonly lineKind: LineKind;
  readonly incomeAtOrBelowLine: boolean;
  readonly deprivations: readonly IndicatorId[];
  readonly deprivationCount: number;
  readonly undetermined: readonly IndicatorId[];
  readonly rule: DecidingRuleId;
  /** Document and article of the deciding rule. */
  readonly ruleSource: string;
  readonly standardId: string;
  readonly asOf: IsoDate;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
const MAX_AGE = 150;
const RULE_CODE: Readonly<Record<DecidingRuleId, number>> = { 'income-only-poor': 0, poor: 1, 'near-poor': 2, average: 3, 'above-lines': 4 };
const STATUS_OF_RULE = Uint8Array.of(0, 0, 1, 2, 3);
const NEAR_POOR = 2;
const COLUMN_RULE = { description: 'a household register as typed columns', source: 'vn-poverty RegisterBatch' };
const AREA_OF_CODE: readonly Area[] = ['rural', 'urban'];

function checkColumns(batch: RegisterBatch, k: number): number {
  if (typeof batch !== 'object' || batch === null) return fail({ code: 'invalid-input', path: [], value: batch, expected: 'a RegisterBatch of typed columns' });
  const kind = (name: string, ok: boolean, expected: string): void => {
    if (!ok) fail({ code: 'invalid-input', path: [name], value: Object.prototype.toString.call((batch as unknown as Record<string, unknown>)[name]), expected, rule: COLUMN_RULE });
  };
  kind('area', batch.area instanceof Uint8Array, 'a Uint8Array of area codes (0 rural, 1 urban)');
  kind('monthlyIncome', batch.monthlyIncome instanceof Float64Array || batch.monthlyIncome instanceof BigInt64Array, 'a Float64Array or BigInt64Array of whole đồng');
  kind('members', batch.members instanceof Uint8Array || batch.members instanceof Uint16Array || batch.members instanceof Uint32Array, 'a Uint8Array, Uint16Array or Uint32Array of member counts');
  kind('flags', batch.flags instanceof Uint8Array, 'a Uint8Array of flag codes (0, 1, 2), k per household');
  const n = batch.area.length;
  const length = (name: string, actual: number, expected: number, what: string): void => {
    if (actual !== expected) fail({ code: 'column-length-mismatch', path: [name], value: actual, expected: `${expected} ${what}`, rule: COLUMN_RULE });
  };
  length('monthlyIncome', batch.monthlyIncome.length, n, 'rows, as many as the area column');
  length('members', batch.members.length, n, 'rows, as many as the area column');
  length('flags', batch.flags.length, n * k, `flag bytes: ${n} households × ${k} indicators of the standard`);
  if ((batch.memberAges === undefined) !== (batch.memberOffsets === undefined)) {
    fail({ code: 'invalid-input', path: [batch.memberAges === undefined ? 'memberAges' : 'memberOffsets'], value: undefined, expected: 'memberAges and memberOffsets given together', rule: COLUMN_RULE });
  }
  if (batch.memberAges !== undefined) {
    kind('memberAges', batch.memberAges instanceof Uint8Array, 'a Uint8Array of ages in completed years');
    kind('memberOffsets', batch.memberOffsets instanceof Uint32Array, 'a Uint32Array of n + 1 offsets into memberAges');
    length('memberOffsets', batch.memberOffsets!.length, n + 1, 'offsets (households + 1)');
  }
  if (batch.ids !== undefined) {
    kind('ids', Array.isArray(batch.ids), 'an array of household ids');
    length('ids', batch.ids.length, n, 'ids, one per row');
  }
  if (batch.records !== undefined) {
    kind('records', Array.isArray(batch.records), 'an array with a record where a household needs the record path');
    length('records', batch.records.length, n, 'entries, one per row (undefined where the columns hold the household)');
  }
  return n;
}

/** A frozen list-like `members` of a household known only by its member count (the record path reads only its length). */
const countedMembers = (m: number): readonly Member[] => Object.freeze({ length: m }) as unknown as readonly Member[];

/**
 * Classifies a batch of a household register held in typed columns (a {@link RegisterBatch}):
 * statuses, deciding rules, deprivations, undetermined indicators and counts, in one pass, without
 * building per-household objects or explanation text unless `explain` asks for them. Every
 * household gets exactly what `classifyHousehold` gives the same household (status, income per
 * head, line, deprivations, count, undetermined indicators, rule): a household given as a record,
 * one whose flags and facts conflict, and one whose missing flags could change its status go
 * through the record path for that household only, so their results and errors are the record
 * path's own. Incomes are compared without dividing (`monthlyIncome ≤ line × members`), in doubles
 * where both sides are safe integers and in bigint otherwise, so every comparison is exact.
 *
 * For a register of any size, call it batch by batch (a reader fills the columns) and add the
 * counts with `sumClassificationCounts`; memory is that of one batch.
 *
 * @param batch - the typed columns (see {@link RegisterBatch})
 * @param options - `asOf`, `standard`, `standards`, `predicates`, `onConflict`, `explain`, `onInvalid`
 * @returns a frozen {@link RegisterBatchClassification}
 * @throws VnPovertyError `invalid-input` / `column-length-mismatch` (a column of the wrong type or
 *   length), the standard errors of `classifyHousehold`, and with `onInvalid: 'throw'` every
 *   household's issues, paths starting with the row: `invalid-column-value` (an area code other
 *   than 0/1, a negative, fractional or unsafe income, no members, a flag code other than 0–2,
 *   an age above 150 or ages not matching the member count), and the record path's errors
 *   (`indicator-conflict`, `undetermined-indicators`, schema issues of a record).
 * @example
 * const r = classifyRegisterBatch(
 *   { area: Uint8Array.of(0, 1), monthlyIncome: Float64Array.of(6_000_000, 8_000_004), members: Uint8Array.of(4, 4),
 *     flags: Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]) },
 *   { asOf: '2024-01-01' },
 * );
 * Array.from(r.statuses) //=> [0, 2]
 * r.undeterminedMasks[1] //=> 0b1000_0000_0000 (information-devices not given, not needed)
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 2; QĐ 59/2015/QĐ-TTg, Art. 2; NĐ 351/2025/NĐ-CP.
 */
export function classifyRegisterBatch(batch: RegisterBatch, options: ClassifyRegisterBatchOptions): RegisterBatchClassification {
  assertOptions(options, 'classifyRegisterBatch', true);
  return classifyColumns(batch, options, undefined);
}

/**
 * {@link classifyRegisterBatch} of a batch given without `ids`, household i's id read by `idOf(i)`
 * (text) only where a result or an error carries it: a register reader keeps its ids as bytes and
 * makes a string only when one is asked for. The same results as with `ids` given. @internal
 *
 * @example
 * classifyRegisterBatchOfIds(columns, { asOf: '2024-01-01', explain: true }, (i) => `H${i + 1}`).classifications[0]?.id //=> 'H1'
 */
export function classifyRegisterBatchOfIds(batch: Omit<RegisterBatch, 'ids'>, options: ClassifyRegisterBatchOptions, idOf: (i: number) => string | undefined): RegisterBatchClassification {
  assertOptions(options, 'classifyRegisterBatch', true);
  return classifyColumns(batch, options, idOf);
}

function classifyColumns(batch: RegisterBatch, options: ClassifyRegisterBatchOptions, idOf: ((i: number) => string | undefined) | undefined): RegisterBatchClassification {
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const standard = resolveStandard(asOf, options);
  const onInvalid = options.onInvalid ?? 'throw';
  if (onInvalid !== 'throw' && onInvalid !== 'report') fail({ code: 'invalid-option', path: ['onInvalid'], value: onInvalid, expected: "'throw' or 'report'" });
  const explain = options.explain === true;
  const k = standard.indicators.length;
  const n = checkColumns(batch, k);
  const ids = standard.indicators.map((i) => i.id);
  const bitOf = new Map(ids.map((id, j) => [id, j]));
  const predicates: IndicatorPredicate[] = standard.indicators.map((ind) => options.predicates?.[ind.id] ?? ind.deprived);
  const noFacts: ClassifyHouseholdOptions = { ...options, predicates: Object.fromEntries(ids.map((id) => [id, () => undefined])) };
  const K = standard.deprivationThreshold;
  const { only, pov, avg, maxMembers } = numericLines(standard);
  const pop = popcounts();
  const { area, members, flags, memberAges, memberOffsets, records, ids: rowIds } = batch;
  const idAt = idOf ?? ((i: number): string | undefined => rowIds?.[i]);
  const f64 = batch.monthlyIncome instanceof Float64Array ? batch.monthlyIncome : undefined;
  const b64 = batch.monthlyIncome instanceof BigInt64Array ? batch.monthlyIncome : undefined;

  const statuses = new Uint8Array(n);
  const rules = new Uint8Array(n);
  const deprivationMasks = new Uint16Array(n);
  const undeterminedMasks = new Uint16Array(n);
  const deprivationCounts = new Uint8Array(n);
  const hist = new Float64Array(4 << k);
  const classifications: Array<HouseholdClassification | undefined> = new Array<HouseholdClassification | undefined>(n);
  const failures: HouseholdFailure[] = [];
  let recordPathRows = 0;

  const invalid = (i: number, column: string, value: unknown, expected: string): void => {
    statuses[i] = UNCLASSIFIED;
    failures.push(householdFailure(i, [issue({ code: 'invalid-column-value', path: [column], value, expected, rule: COLUMN_RULE })]));
  };
  const store = (i: number, status: number, rule: number, known: number, unknown: number): void => {
    statuses[i] = status;
    rules[i] = rule;
    deprivationMasks[i] = known;
    undeterminedMasks[i] = unknown;
    deprivationCounts[i] = pop[known] as number;
    hist[(status << k) | known]! += 1;
  };
  const incomeOf = (i: number): bigint => (f64 !== undefined ? BigInt(f64[i] as number) : (b64![i] as bigint));
  const agesOf = (i: number): Member[] => {
    const list: Member[] = [];
    for (let p = memberOffsets![i] as number; p < (memberOffsets![i + 1] as number); p++) list.push({ age: memberAges![p] as number });
    return list;
  };
  /** Household i as the record path sees it (from the columns). */
  const householdOf = (i: number, withFlags: boolean): Household => {
    const id = idAt(i);
    const h: Household = {
      area: AREA_OF_CODE[area[i] as number]!,
      monthlyIncome: incomeOf(i),
      members: memberAges !== undefined ? agesOf(i) : countedMembers(members[i] as number),
    };
    if (!withFlags) return id !== undefined ? { id, ...h } : h;
    const deprivations: Record<string, boolean> = {};
    for (let j = 0; j < k; j++) {
      const f = flags[i * k + j] as number;
      if (f !== REGISTER_FLAGS.unknown) deprivations[ids[j]!] = f === REGISTER_FLAGS.deprived;
    }
    return id !== undefined ? { id, ...h, deprivations } : { ...h, deprivations };
  };
  /**
   * Household i, known by its member count and flags alone, is near-poor but its missing flags
   * could make it poor: the record path refuses it (`undetermined-indicators`), and that is
   * certain, so only its issues are left for when they are read, from the values of now.
   */
  const undetermined = (i: number, a: number, m: number, known: number, unknown: number): void => {
    recordPathRows++;
    statuses[i] = UNCLASSIFIED;
    const id = idAt(i);
    const monthlyIncome = incomeOf(i);
    failures.push(
      lazyHouseholdFailure(i, () => {
        const deprivations: Record<string, boolean> = {};
        for (let j = 0; j < k; j++) if (((unknown >>> j) & 1) === 0) deprivations[ids[j]!] = ((known >>> j) & 1) === 1;
        const h: Household = { area: AREA_OF_CODE[a]!, monthlyIncome, members: countedMembers(m) };
        const c = classifyOrIssues(id !== undefined ? { id, ...h, deprivations } : { ...h, deprivations }, asOf, standard, noFacts);
        if (!Array.isArray(c)) throw new Error('unreachable: a household whose missing flags could make it poor was classified');
        return c as VnIssues;
      }),
    );
  };
  /** The record path for household i: from its record, or from its columns. */
  const viaRecord = (i: number): void => {
    recordPathRows++;
    const record = records?.[i];
    let parsed: Household;
    if (record === undefined) parsed = householdOf(i, true);
    else {
      try {
        parsed = parseHousehold(record);
      } catch (e) {
        if (!(e instanceof VnPovertyError)) throw e;
        statuses[i] = UNCLASSIFIED;
        failures.push(householdFailure(i, e.issues));
        return;
      }
    }
    const c = classifyOrIssues(parsed, asOf, standard, record !== undefined || memberAges !== undefined ? options : noFacts);
    if (Array.isArray(c)) {
      statuses[i] = UNCLASSIFIED;
      failures.push(householdFailure(i, c as VnIssues));
      return;
    }
    const r = c as HouseholdClassification;
    let known = 0;
    let unknown = 0;
    for (const id of r.deprivations) known |= 1 << bitOf.get(id)!;
    for (const id of r.undetermined) unknown |= 1 << bitOf.get(id)!;
    store(i, STATUS_OF_RULE[RULE_CODE[r.rule.id]] as number, RULE_CODE[r.rule.id], known, unknown);
    classifications[i] = r;
  };

  rows: for (let i = 0; i < n; i++) {
    if (records !== undefined && records[i] !== undefined) {
      viaRecord(i);
      continue;
    }
    const a = area[i] as number;
    const m = members[i] as number;
    if (a > 1) {
      invalid(i, 'area', a, 'an area code: 0 rural or 1 urban');
      continue;
    }
    if (m < 1) {
      invalid(i, 'members', m, 'at least one member');
      continue;
    }
    let inc: number;
    let exactSafe: boolean;
    if (f64 !== undefined) {
      inc = f64[i] as number;
      if (!(inc >= 0 && inc <= MAX_SAFE && Math.floor(inc) === inc)) {
        invalid(i, 'monthlyIncome', inc, 'a whole, non-negative, safe number of đồng (income cannot be negative; use a BigInt64Array beyond 2^53)');
        continue;
      }
      exactSafe = true;
    } else {
      const v = b64![i] as bigint;
      if (v < 0n) {
        invalid(i, 'monthlyIncome', v, 'a non-negative number of đồng (income cannot be negative)');
        continue;
      }
      exactSafe = v <= MAX_SAFE_BIG;
      inc = exactSafe ? Number(v) : 0;
    }
    if (rowIds !== undefined && rowIds[i] !== undefined && typeof rowIds[i] !== 'string') {
      invalid(i, 'ids', rowIds[i], 'a household id as text');
      continue;
    }
    let known = 0;
    let unknown = 0;
    const base = i * k;
    let badFlag = 0;
    for (let j = 0; j < k; j++) {
      // branch-free: code 1 sets the known bit, 2 the unknown bit, 3 or more marks the row bad
      const f = flags[base + j] as number;
      known |= (f & 1) << j;
      unknown |= ((f >> 1) & 1) << j;
      badFlag |= (f + 1) >> 2;
    }
    if (badFlag !== 0) {
      let j = 0;
      while ((flags[base + j] as number) <= 2) j++;
      invalid(i, 'flags', flags[base + j], `flag codes 0 (not deprived), 1 (deprived) or 2 (not given) for the standard's ${k} indicators; byte ${j} of the row`);
      continue;
    }
    if (memberAges !== undefined) {
      const from = memberOffsets![i] as number;
      const to = memberOffsets![i + 1] as number;
      if (to - from !== m || to > memberAges.length) {
        invalid(i, 'memberAges', to - from, `${m} ages (the member count), within memberAges`);
        continue;
      }
      for (let p = from; p < to; p++) {
        if ((memberAges[p] as number) > MAX_AGE) {
          invalid(i, 'memberAges', memberAges[p], `ages from 0 to ${MAX_AGE} (completed years)`);
          continue rows;
        }
      }
      if (explain) {
        viaRecord(i);
        continue;
      }
      const h = householdOf(i, false);
      for (let j = 0; j < k; j++) {
        const v = predicates[j]!(h);
        if (v === undefined) continue;
        const bit = 1 << j;
        if ((unknown & bit) !== 0) {
          unknown &= ~bit;
          if (v) known |= bit;
        } else if (((known & bit) !== 0) !== v) {
          viaRecord(i); // a flag contradicts the facts: the record path resolves or reports it
          continue rows;
        }
      }
    } else if (explain) {
      viaRecord(i);
      continue;
    }
    let rule: number;
    if (exactSafe && m <= maxMembers) {
      const o = only[a] as number;
      const p = pov[a] as number;
      const c = avg[a] as number;
      if (inc <= o * m) rule = 0;
      else if (inc <= p * m) rule = (pop[known] as number) >= K ? 1 : NEAR_POOR;
      else if (c >= 0) rule = inc <= c * m ? 3 : 4;
      else rule = 4;
    } else {
      rule = RULE_CODE[decideStatus(standard, AREA_OF_CODE[a]!, incomeOf(i), BigInt(m), pop[known] as number).rule];
    }
    if (rule === NEAR_POOR && unknown !== 0 && (pop[known] as number) + (pop[unknown] as number) >= K) {
      // the missing flags could make it poor: the record path reports it
      if (memberAges === undefined) undetermined(i, a, m, known, unknown);
      else viaRecord(i);
      continue;
    }
    store(i, STATUS_OF_RULE[rule] as number, rule, known, unknown);
  }
  if (failures.length > 0 && onInvalid === 'throw') throw combinedError(failures);
  const result: RegisterBatchClassification = Object.freeze({
    standardId: standard.id,
    asOf,
    statuses,
    rules,
    deprivationMasks,
    undeterminedMasks,
    deprivationCounts,
    failures: Object.freeze(failures),
    classifications: Object.freeze(classifications),
    recordPathRows,
    counts: countsFromHistogram(standard.id, ids, hist),
  });
  standardOfResult.set(result, standard);
  return result;
}

/** The standard each result was classified under, for {@link registerRow}. */
const standardOfResult = new WeakMap<RegisterBatchClassification, PovertyStandard>();

const idsOfMask = (standard: PovertyStandard, mask: number): readonly IndicatorId[] => {
  const out: IndicatorId[] = [];
  standard.indicators.forEach((ind, j) => {
    if ((mask >>> j) & 1) out.push(ind.id);
  });
  return Object.freeze(out);
};

/**
 * The output fields of household `row` of a classified batch: from its explained result where
 * the batch has one, else from the columns and the typed results.
 *
 * @param batch - the batch given to {@link classifyRegisterBatch}
 * @param result - what it returned
 * @param row - 0-based row in the batch
 * @throws VnPovertyError `unclassified-row` for a household listed in `failures`; `invalid-option`
 *   for a row outside the batch or a result that {@link classifyRegisterBatch} did not return.
 * @example
 * registerRow(batch, classifyRegisterBatch(batch, { asOf: '2024-01-01' }), 0).status //=> 'poor'
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 2.
 */
export function registerRow(batch: RegisterBatch, result: RegisterBatchClassification, row: number): RegisterRow {
  const standard = standardOfResult.get(result);
  if (standard === undefined) return fail({ code: 'invalid-option', path: ['result'], value: typeof result, expected: 'a result of classifyRegisterBatch' });
  if (!Number.isSafeInteger(row) || row < 0 || row >= result.statuses.length) {
    fail({ code: 'invalid-option', path: ['row'], value: row, expected: `a row from 0 to ${result.statuses.length - 1}` });
  }
  const s = result.statuses[row] as number;
  if (s === UNCLASSIFIED) fail({ code: 'unclassified-row', path: ['row'], value: row, expected: 'a classified household (this one is listed in failures)' });
  const explained = result.classifications[row];
  if (explained !== undefined) return registerRowOf(explained);
  const a = AREA_OF_CODE[batch.area[row] as number]!;
  const ruleId = DECIDING_RULE_IDS[result.rules[row] as number]!;
  const lines = standard.lines[a];
  const [line, lineKind]: [Dong, LineKind] =
    ruleId === 'income-only-poor'
      ? [lines.incomeOnlyPoor!, 'income-only-poor']
      : ruleId === 'poor' || ruleId === 'near-poor' || lines.averageCeiling === undefined
        ? [lines.poverty, 'poverty']
        : [lines.averageCeiling, 'average-ceiling'];
  const monthlyIncome = batch.monthlyIncome instanceof Float64Array ? BigInt(batch.monthlyIncome[row] as number) : (batch.monthlyIncome[row] as bigint);
  const m = batch.members[row] as number;
  const status = HOUSEHOLD_STATUSES[s]!;
  const id = batch.ids?.[row];
  const fields: RegisterRow = {
    status,
    statusVi: HOUSEHOLD_STATUS_LABELS_VI[status],
    area: a,
    members: m,
    monthlyIncome,
    incomePerHead: fraction(monthlyIncome, BigInt(m)),
    line,
    lineKind,
    incomeAtOrBelowLine: ruleId !== 'above-lines',
    deprivations: idsOfMask(standard, result.deprivationMasks[row] as number),
    deprivationCount: result.deprivationCounts[row] as number,
    undetermined: idsOfMask(standard, result.undeterminedMasks[row] as number),
    rule: ruleId,
    ruleSource: decidingRule(standard, ruleId).source,
    standardId: standard.id,
    asOf: result.asOf,
  };
  return Object.freeze(id !== undefined ? { id, ...fields } : fields);
}

/**
 * The output fields of an explained classification, as {@link registerRow} gives them.
 * @example
 * registerRowOf(classifyHousehold(household, { asOf: '2024-01-01' })).rule //=> 'poor'
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 2.
 */
export function registerRowOf(c: HouseholdClassification): RegisterRow {
  const fields: RegisterRow = {
    status: c.status,
    statusVi: c.statusVi,
    area: c.area,
    members: c.members,
    monthlyIncome: c.monthlyIncome,
    incomePerHead: c.incomePerHeadExact,
    line: c.line,
    lineKind: c.lineKind,
    incomeAtOrBelowLine: c.incomeAtOrBelowLine,
    deprivations: c.deprivations,
    deprivationCount: c.deprivationCount,
    undetermined: c.undetermined,
    rule: c.rule.id,
    ruleSource: c.rule.source,
    standardId: c.standard.id,
    asOf: c.asOf,
  };
  return Object.freeze(c.id !== undefined ? { id: c.id, ...fields } : fields);
}
