import { toIsoDate, type ReferenceDateOptions } from '../dates/calendarDate.js';
import { VnPovertyError, fail, issue, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { numericLines, popcounts } from './_columnKernel.js';
import { countsFromHistogram, type ClassificationCounts } from './classificationCounts.js';
import { resolveStandard } from './classifyHousehold.js';
import type { Area } from './household.js';
import type { PovertyStandard } from './standards.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * Codes of the `area` column: 0 rural, 1 urban.
 * @example
 * AREA_CODES.urban //=> 1
 */
export const AREA_CODES: Readonly<Record<Area, 0 | 1>> = Object.freeze({ rural: 0, urban: 1 });

/**
 * Households as columns of typed arrays, all of the same length (one row per household):
 * - `area`: {@link AREA_CODES} (0 rural, 1 urban);
 * - `monthlyIncome`: total monthly income in whole đồng (safe integers, ≥ 0);
 * - `members`: number of members (≥ 1);
 * - `deprivationMask`: the review-form flags as bits: bit i set = deprived in the standard's
 *   i-th indicator (`standard.indicators[i]`, the decree's order).
 */
export interface HouseholdColumns {
  readonly area: Uint8Array;
  readonly monthlyIncome: Float64Array;
  readonly members: Uint8Array | Uint16Array | Uint32Array;
  readonly deprivationMask: Uint16Array;
}

/** Options of {@link classifyColumns}. */
export interface ClassifyColumnsOptions extends ReferenceDateOptions {
  /** The standard to apply; default: the one in force on `asOf` among `standards`. */
  readonly standard?: PovertyStandard;
  /** Standards to choose from when `standard` is not given (default: the built-in ones). */
  readonly standards?: readonly PovertyStandard[];
}

/**
 * The result of {@link classifyColumns}. The object and `counts` are frozen; the two typed arrays
 * are fresh (typed arrays cannot be frozen) and belong to the caller.
 */
export interface ColumnClassification {
  readonly standardId: string;
  /** Status of each household as an index into {@link HOUSEHOLD_STATUSES} (0 poor, 1 near-poor, 2 average, 3 non-poor). */
  readonly statuses: Uint8Array;
  /** Number of deprivations of each household. */
  readonly deprivationCounts: Uint8Array;
  readonly counts: ClassificationCounts;
}

const MAX_REPORTED_ISSUES = 100;

/**
 * The hot loop, kept apart with scalar arguments so the engine sees one shape. Returns the number
 * of invalid rows (their outputs are left at 0 and the caller throws).
 */
function classifyRows(
  area: Uint8Array,
  monthlyIncome: Float64Array,
  members: Uint8Array | Uint16Array | Uint32Array,
  deprivationMask: Uint16Array,
  statuses: Uint8Array,
  deprivationCounts: Uint8Array,
  hist: Float64Array,
  nInd: number,
  k: number,
  maxMembers: number,
  onlyRural: number,
  onlyUrban: number,
  povRural: number,
  povUrban: number,
  avgRural: number,
  avgUrban: number,
): number {
  const pop = popcounts();
  const MAX = Number.MAX_SAFE_INTEGER;
  const n = area.length;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const a = area[i] as number;
    const inc = monthlyIncome[i] as number;
    const m = members[i] as number;
    const mask = deprivationMask[i] as number;
    if (a > 1 || !(inc >= 0 && inc <= MAX && Math.floor(inc) === inc) || m < 1 || m > maxMembers || mask >>> nInd !== 0) {
      bad++;
      continue;
    }
    const d = pop[mask] as number;
    let s: number;
    if (a === 0) {
      if (inc <= onlyRural * m) s = 0;
      else if (inc <= povRural * m) s = d >= k ? 0 : 1;
      else if (inc <= avgRural * m) s = 2;
      else s = 3;
    } else if (inc <= onlyUrban * m) s = 0;
    else if (inc <= povUrban * m) s = d >= k ? 0 : 1;
    else if (inc <= avgUrban * m) s = 2;
    else s = 3;
    statuses[i] = s;
    deprivationCounts[i] = d;
    hist[(s << nInd) | mask]! += 1;
  }
  return bad;
}

/**
 * Classifies households given as typed-array columns, in one pass: statuses identical to
 * {@link classifyHousehold} on the same households (same standard, same flags), plus counts by
 * status and by indicator. Incomes are compared as `monthlyIncome ≤ line × members` on integers
 * that stay below 2^53, so the comparison is exact. For national-scale data, call it chunk by
 * chunk and add the counts with {@link sumClassificationCounts}.
 *
 * @throws VnPovertyError `column-length-mismatch`; `invalid-column-value` listing (up to 100)
 *   rows with an area code other than 0/1, a negative, fractional or unsafe income, fewer than one
 *   member, or a flag bit beyond the standard's indicators; and the errors of {@link standardFor}.
 * @example
 * const r = classifyColumns(
 *   { area: Uint8Array.of(0, 1), monthlyIncome: Float64Array.of(6_000_000, 8_000_004), members: Uint8Array.of(4, 4), deprivationMask: Uint16Array.of(0b111, 0) },
 *   { asOf: '2024-01-01' },
 * );
 * Array.from(r.statuses) //=> [0, 2]
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 2; QĐ 59/2015/QĐ-TTg, Art. 2; NĐ 351/2025/NĐ-CP.
 */
export function classifyColumns(columns: HouseholdColumns, options: ClassifyColumnsOptions): ColumnClassification {
  assertOptions(options, 'classifyColumns', true);
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const standard = resolveStandard(asOf, options);
  const { area, monthlyIncome, members, deprivationMask } = columns;
  const n = area.length;
  for (const [name, col] of [
    ['monthlyIncome', monthlyIncome],
    ['members', members],
    ['deprivationMask', deprivationMask],
  ] as const) {
    if (col.length !== n) fail({ code: 'column-length-mismatch', path: [name], value: col.length, expected: `${n} rows, as many as the area column` });
  }
  const nInd = standard.indicators.length;
  const k = standard.deprivationThreshold;
  const { only: onlyL, pov: povL, avg: avgL, maxMembers } = numericLines(standard);
  const statuses = new Uint8Array(n);
  const deprivationCounts = new Uint8Array(n);
  const hist = new Float64Array(4 << nInd);
  const bad = classifyRows(
    area,
    monthlyIncome,
    members,
    deprivationMask,
    statuses,
    deprivationCounts,
    hist,
    nInd,
    k,
    maxMembers,
    onlyL[0] as number,
    onlyL[1] as number,
    povL[0] as number,
    povL[1] as number,
    avgL[0] as number,
    avgL[1] as number,
  );
  if (bad > 0) throw columnErrors(columns, nInd, maxMembers, bad);

  return Object.freeze({
    standardId: standard.id,
    statuses,
    deprivationCounts,
    counts: countsFromHistogram(
      standard.id,
      standard.indicators.map((ind) => ind.id),
      hist,
    ),
  });
}

function columnErrors(columns: HouseholdColumns, nInd: number, maxMembers: number, bad: number): VnPovertyError {
  const issues: VnIssue[] = [];
  const rule = { description: 'households as typed-array columns', source: 'vn-poverty HouseholdColumns' };
  let rowsListed = 0;
  for (let i = 0; i < columns.area.length && issues.length < MAX_REPORTED_ISSUES; i++) {
    const before = issues.length;
    const a = columns.area[i] as number;
    const inc = columns.monthlyIncome[i] as number;
    const m = columns.members[i] as number;
    const mask = columns.deprivationMask[i] as number;
    if (a > 1) issues.push(issue({ code: 'invalid-column-value', path: ['area', i], value: a, expected: 'an area code: 0 rural or 1 urban', rule }));
    if (!(inc >= 0 && inc <= Number.MAX_SAFE_INTEGER && Math.floor(inc) === inc)) {
      issues.push(issue({ code: 'invalid-column-value', path: ['monthlyIncome', i], value: inc, expected: 'a whole, non-negative, safe number of đồng (income cannot be negative)', rule }));
    }
    if (m < 1 || m > maxMembers) issues.push(issue({ code: 'invalid-column-value', path: ['members', i], value: m, expected: `from 1 to ${maxMembers} members`, rule }));
    if (mask >>> nInd !== 0) issues.push(issue({ code: 'invalid-column-value', path: ['deprivationMask', i], value: mask, expected: `flag bits only for the standard's ${nInd} indicators (mask < ${1 << nInd})`, rule }));
    if (issues.length > before) rowsListed++;
  }
  if (bad > rowsListed) {
    issues.push(issue({ code: 'invalid-column-value', path: [], value: bad, expected: 'valid rows', message: `${bad} invalid rows in all; the first ${rowsListed} are listed` }));
  }
  return new VnPovertyError(issues as unknown as VnIssues);
}
