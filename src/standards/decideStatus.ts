import { fail } from '../errors/VnPovertyError.js';
import type { Dong } from '../numbers/money.js';
import type { HouseholdStatus } from './householdStatus.js';
import type { Area } from './household.js';
import type { AreaLines, PovertyStandard, StandardRule } from './standards.js';

/**
 * Which rule of a standard decided a status:
 * - `'income-only-poor'`: income per head ≤ the lower line (QĐ 59/2015 only);
 * - `'poor'`: income per head ≤ the line and deprivations ≥ the threshold;
 * - `'near-poor'`: income per head ≤ the line and deprivations < the threshold;
 * - `'average'`: above the line and ≤ the average-living ceiling;
 * - `'above-lines'`: above every line of the standard.
 */
export type DecidingRuleId = 'income-only-poor' | 'poor' | 'near-poor' | 'average' | 'above-lines';

/** Which line the income per head was compared with. */
export type LineKind = 'income-only-poor' | 'poverty' | 'average-ceiling';

/** The outcome of {@link decideStatus}. */
export interface StatusDecision {
  readonly status: HouseholdStatus;
  readonly rule: DecidingRuleId;
  /** The line (đồng per person per month) that decided. */
  readonly line: Dong;
  readonly lineKind: LineKind;
  /** Whether income per head was at or below `line` (false: strictly above it). */
  readonly atOrBelow: boolean;
}

/**
 * Applies a standard's rule to a household's total monthly income, member count and number of
 * deprivations. Incomes are compared without dividing: income per head ≤ line exactly when
 * `monthlyIncome ≤ line × members` ("từ X đồng trở xuống" includes X; "trên X đến Y" excludes X
 * and includes Y; "từ 03 chỉ số trở lên" is ≥ 3).
 *
 * Trusted core: the arguments are not re-validated (validate with {@link classifyHousehold}).
 *
 * @param standard - the standard to apply
 * @param area - rural or urban
 * @param monthlyIncome - total monthly income of the household, đồng
 * @param members - number of members (≥ 1)
 * @param deprivationCount - number of deprived indicators
 * @example
 * decideStatus(ND07_2021, 'rural', 6_000_000n, 4n, 3).status //=> 'poor'
 * decideStatus(ND07_2021, 'rural', 6_000_001n, 4n, 3).status //=> 'average'
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 2; QĐ 59/2015/QĐ-TTg, Art. 2; NĐ 351/2025/NĐ-CP.
 */
export function decideStatus(standard: PovertyStandard, area: Area, monthlyIncome: Dong, members: bigint, deprivationCount: number): StatusDecision {
  const lines = standard.lines[area];
  if (lines.incomeOnlyPoor !== undefined && monthlyIncome <= lines.incomeOnlyPoor * members) {
    return { status: 'poor', rule: 'income-only-poor', line: lines.incomeOnlyPoor, lineKind: 'income-only-poor', atOrBelow: true };
  }
  if (monthlyIncome <= lines.poverty * members) {
    return deprivationCount >= standard.deprivationThreshold
      ? { status: 'poor', rule: 'poor', line: lines.poverty, lineKind: 'poverty', atOrBelow: true }
      : { status: 'near-poor', rule: 'near-poor', line: lines.poverty, lineKind: 'poverty', atOrBelow: true };
  }
  if (lines.averageCeiling !== undefined) {
    return monthlyIncome <= lines.averageCeiling * members
      ? { status: 'average', rule: 'average', line: lines.averageCeiling, lineKind: 'average-ceiling', atOrBelow: true }
      : { status: 'non-poor', rule: 'above-lines', line: lines.averageCeiling, lineKind: 'average-ceiling', atOrBelow: false };
  }
  return { status: 'non-poor', rule: 'above-lines', line: lines.poverty, lineKind: 'poverty', atOrBelow: false };
}

/**
 * The cited rule behind a decision (`undefined` for `'above-lines'`, which no article states).
 * @example
 * ruleOf(ND07_2021, 'near-poor')?.source //=> 'NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(b)'
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 2; QĐ 59/2015/QĐ-TTg, Art. 2.
 */
export function ruleOf(standard: PovertyStandard, rule: DecidingRuleId): StandardRule | undefined {
  switch (rule) {
    case 'income-only-poor':
      return standard.rules.incomeOnlyPoor;
    case 'poor':
      return standard.rules.poor;
    case 'near-poor':
      return standard.rules.nearPoor;
    case 'average':
      return standard.rules.average;
    case 'above-lines':
      return undefined;
  }
}

const checked = new WeakSet<object>();

/**
 * Checks that a standard passed by a caller is well formed: dates in order, whole non-negative
 * lines in ascending order for both areas, an integer threshold, at most 16 indicators with
 * distinct ids and a predicate each.
 *
 * @throws VnPovertyError `invalid-standard` naming the field.
 * @example
 * assertPovertyStandard(ND07_2021) //=> undefined (no error)
 * @see docs/standards.md, "A local standard".
 */
export function assertPovertyStandard(standard: PovertyStandard, path: ReadonlyArray<string | number> = ['standard']): void {
  if (typeof standard === 'object' && standard !== null && checked.has(standard)) return;
  const bad = (field: ReadonlyArray<string | number>, value: unknown, expected: string): never =>
    fail({ code: 'invalid-standard', path: [...path, ...field], value, expected });
  if (typeof standard !== 'object' || standard === null) bad([], standard, 'a PovertyStandard object');
  if (typeof standard.id !== 'string' || standard.id === '') bad(['id'], standard.id, 'a non-empty id');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(standard.effectiveFrom)) || !/^\d{4}-\d{2}-\d{2}$/.test(String(standard.effectiveTo)) || standard.effectiveFrom > standard.effectiveTo) {
    bad(['effectiveTo'], standard.effectiveTo, 'YYYY-MM-DD dates with effectiveFrom ≤ effectiveTo');
  }
  for (const area of ['rural', 'urban'] as const) {
    const lines: AreaLines | undefined = standard.lines?.[area];
    if (lines === undefined) return bad(['lines', area], lines, 'income lines for the area');
    const seq: [string, unknown][] = [
      ['incomeOnlyPoor', lines.incomeOnlyPoor],
      ['poverty', lines.poverty],
      ['averageCeiling', lines.averageCeiling],
    ];
    let previous = -1n;
    for (const [key, v] of seq) {
      if (v === undefined && key !== 'poverty') continue;
      if (typeof v !== 'bigint' || v < 0n) bad(['lines', area, key], v, 'a whole non-negative number of đồng (bigint)');
      if ((v as bigint) < previous) bad(['lines', area, key], v, 'lines in ascending order: incomeOnlyPoor ≤ poverty ≤ averageCeiling');
      previous = v as bigint;
    }
  }
  if (!Number.isSafeInteger(standard.deprivationThreshold) || standard.deprivationThreshold < 0) {
    bad(['deprivationThreshold'], standard.deprivationThreshold, 'a whole number of indicators ≥ 0');
  }
  if (!Array.isArray(standard.indicators) || standard.indicators.length > 16) bad(['indicators'], standard.indicators, 'a list of at most 16 indicators');
  const seen = new Set<string>();
  standard.indicators.forEach((ind, i) => {
    if (typeof ind?.id !== 'string' || seen.has(ind.id)) bad(['indicators', i, 'id'], ind?.id, 'a distinct indicator id');
    if (typeof ind.deprived !== 'function') bad(['indicators', i, 'deprived'], typeof ind.deprived, 'a predicate function');
    seen.add(ind.id);
  });
  if (Object.isFrozen(standard)) checked.add(standard);
}
