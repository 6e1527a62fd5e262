import { Decimal } from '../_internal/_decimal.js';
import { toIsoDate, type IsoDate, type ReferenceDateOptions } from '../dates/calendarDate.js';
import { VnPovertyError, fail, issue, parseInput, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { fraction, type Fraction } from '../numbers/fraction.js';
import type { Dong } from '../numbers/money.js';
import { areaLines, decidingRule, frozenList, incomePerHeadOf, indicatorValue, standardOf, standardReference } from './_resultParts.js';
import { assertPovertyStandard, decideStatus, type DecidingRuleId, type LineKind } from './decideStatus.js';
import { AREA_LABELS_VI, householdSchema, type Area, type Household, type HouseholdInput } from './household.js';
import { HOUSEHOLD_STATUS_LABELS_VI, type HouseholdStatus } from './householdStatus.js';
import { INDICATOR_IDS, type Confirmation, type IndicatorId, type IndicatorPredicate } from './indicators.js';
import { standardFor, type AreaLines, type PovertyStandard } from './standards.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Where an indicator's value came from: the facts, the review-form flag, both (agreeing or resolved), or neither. */
export type IndicatorOrigin = 'facts' | 'flag' | 'both' | 'none';

/** One indicator of the standard, as decided for the household. */
export interface IndicatorResult {
  readonly id: IndicatorId;
  /** `true` deprived, `false` not, `undefined` undetermined (neither facts nor a flag decide it). */
  readonly deprived: boolean | undefined;
  readonly origin: IndicatorOrigin;
}

/** A review-form flag that disagrees with what the facts give. */
export interface IndicatorConflict {
  readonly id: IndicatorId;
  /** The flag given in `deprivations`. */
  readonly flag: boolean;
  /** What the facts give. */
  readonly computed: boolean;
  /** The value used (only when `onConflict` is not `'error'`). */
  readonly used: boolean;
}

/**
 * What to do when a flag and the facts disagree: throw (`'error'`, the default) or use one and
 * list the conflict in the result.
 */
export type ConflictResolution = 'error' | 'use-flag' | 'use-facts';

/** Options of {@link classifyHousehold}. */
export interface ClassifyHouseholdOptions extends ReferenceDateOptions {
  /** The standard to apply; default: the one in force on `asOf` among `standards`. */
  readonly standard?: PovertyStandard;
  /** Standards to choose from when `standard` is not given (default: the built-in ones). */
  readonly standards?: readonly PovertyStandard[];
  /** Replacement predicates by indicator id (a corrected threshold, a local definition). */
  readonly predicates?: Readonly<Partial<Record<IndicatorId, IndicatorPredicate>>>;
  /** What to do when a review-form flag disagrees with the facts (default `'error'`). */
  readonly onConflict?: ConflictResolution;
  /**
   * What to do with a flag for an indicator of another standard that this one does not use
   * (`'waste-treatment'` before 2027, `'employment'` under QĐ 59/2015): ignore it and list it in
   * `ignoredFlags` (`'ignore'`, the default) or throw `unknown-indicator` (`'error'`, strict).
   * A key that is no indicator of any standard is always an error (a typo must not drop a flag).
   */
  readonly onUnusedFlag?: UnusedFlagPolicy;
}

/** What to do with a review-form flag for an indicator the standard applied does not use. */
export type UnusedFlagPolicy = 'ignore' | 'error';

/** The cited rule that decided the status. */
export interface DecidingRule {
  readonly id: DecidingRuleId;
  readonly description: string;
  readonly source: string;
  readonly term?: string;
  readonly confirmation?: Confirmation;
}

/** A reference to the standard applied, with its citation. */
export interface StandardReference {
  readonly id: string;
  readonly name: string;
  readonly nameVi: string;
  readonly source: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate;
}

/** The frozen, explained result of {@link classifyHousehold}. */
export interface HouseholdClassification {
  /** The caller's id, when given. */
  readonly id?: string;
  readonly status: HouseholdStatus;
  /** Vietnamese name of the status. */
  readonly statusVi: string;
  readonly asOf: IsoDate;
  readonly standard: StandardReference;
  readonly area: Area;
  readonly members: number;
  readonly monthlyIncome: Dong;
  /** Income per head per month, exact as a fraction. */
  readonly incomePerHeadExact: Fraction;
  /**
   * Income per head as a Decimal: exact when it terminates (members with no prime factor but 2
   * and 5), else 60 significant digits. Never used for the comparison. Computed when first read
   * (then the same object).
   */
  readonly incomePerHead: Decimal;
  /** The area's lines under the standard. */
  readonly lines: AreaLines;
  /** The line that decided, đồng per person per month, and which one it is. */
  readonly line: Dong;
  readonly lineKind: LineKind;
  /** Whether income per head was at or below `line` (exact: monthlyIncome ≤ line × members). */
  readonly incomeAtOrBelowLine: boolean;
  /** Ids of the deprived indicators, in the standard's order. */
  readonly deprivations: readonly IndicatorId[];
  readonly deprivationCount: number;
  readonly deprivationThreshold: number;
  /** Every indicator of the standard with its value and origin. */
  readonly indicators: readonly IndicatorResult[];
  /** Indicators neither facts nor flags decide (they could not change the status). */
  readonly undetermined: readonly IndicatorId[];
  /** Flags that disagreed with the facts and how they were resolved (empty with `onConflict: 'error'`). */
  readonly conflicts: readonly IndicatorConflict[];
  /** Flags for indicators of other standards that this standard does not use, ignored (see `onUnusedFlag`). */
  readonly ignoredFlags: readonly IndicatorId[];
  readonly rule: DecidingRule;
  /** A readable English explanation with the Vietnamese terms (composed when read, under a frozen standard). */
  readonly explanation: string;
}

/**
 * Classifies one household under the poverty standard in force on `asOf` (or the one given):
 * poor, near-poor, average living standard or non-poor, with the indicators, the line compared
 * with, the deciding rule and a readable explanation. Income is compared without dividing
 * (`monthlyIncome ≤ line × members`).
 *
 * @param household - a {@link HouseholdInput}: area, total monthly income in whole đồng, members
 *   with ages, facts and/or review-form `deprivations` flags
 * @param options - `asOf` (reference date), optional `standard`, `standards`, `predicates`, `onConflict`
 * @returns a deep-frozen {@link HouseholdClassification}
 * @throws VnPovertyError `invalid-input` / `missing-field` (schema; e.g. negative income, a member
 *   without an age, an unknown area), `no-standard-in-force`, `standard-not-in-force`,
 *   `invalid-standard`, `unknown-indicator`, `indicator-conflict`, `undetermined-indicators`
 *   (missing facts that could change the status).
 * @example
 * classifyHousehold(
 *   { area: 'rural', monthlyIncome: 6_000_000, members: [{ age: 40 }, { age: 38 }, { age: 10 }, { age: 7 }],
 *     deprivations: { 'health-insurance': true, latrine: true, telecom: true, employment: false, dependants: false,
 *       nutrition: false, 'adult-education': false, 'school-attendance': false, 'housing-quality': false,
 *       'housing-area': false, 'water-source': false, 'information-devices': false } },
 *   { asOf: '2024-01-01' },
 * ).status //=> 'poor'
 * @see NĐ 07/2021/NĐ-CP, Art. 3; QĐ 59/2015/QĐ-TTg, Art. 2; NĐ 351/2025/NĐ-CP.
 */
export function classifyHousehold(household: HouseholdInput, options: ClassifyHouseholdOptions): HouseholdClassification {
  assertOptions(options, 'classifyHousehold', true);
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const standard = resolveStandard(asOf, options);
  return classifyParsed(parseHousehold(household), asOf, standard, options);
}

/** Validates a household record with {@link householdSchema}. @internal */
export function parseHousehold(household: unknown): Household {
  return parseInput(householdSchema, household, {
    description: 'a household as a poverty review records it',
    term: 'rà soát hộ nghèo, hộ cận nghèo',
    source: 'QĐ 24/2021/QĐ-TTg; NĐ 07/2021/NĐ-CP, Art. 3',
  }) as Household;
}

/** Picks and checks the standard for a date. @internal */
export function resolveStandard(asOf: IsoDate, options: Pick<ClassifyHouseholdOptions, 'standard' | 'standards' | 'predicates' | 'onConflict' | 'onUnusedFlag'>): PovertyStandard {
  if (options.onConflict !== undefined && !['error', 'use-flag', 'use-facts'].includes(options.onConflict)) {
    fail({ code: 'invalid-option', path: ['onConflict'], value: options.onConflict, expected: "'error', 'use-flag' or 'use-facts'" });
  }
  if (options.onUnusedFlag !== undefined && !['ignore', 'error'].includes(options.onUnusedFlag)) {
    fail({ code: 'invalid-option', path: ['onUnusedFlag'], value: options.onUnusedFlag, expected: "'ignore' or 'error'" });
  }
  if (options.standard === undefined) {
    const s = standardFor(asOf, options.standards === undefined ? {} : { standards: options.standards });
    assertPovertyStandard(s, ['standards']);
    checkPredicates(s, options.predicates);
    return s;
  }
  const s = options.standard;
  assertPovertyStandard(s);
  if (asOf < s.effectiveFrom || asOf > s.effectiveTo) {
    fail({
      code: 'standard-not-in-force',
      path: ['asOf'],
      value: asOf,
      expected: `a date from ${s.effectiveFrom} to ${s.effectiveTo}, when ${s.id} is in force`,
      rule: { description: 'a standard applies only within its validity interval', source: s.source },
    });
  }
  checkPredicates(s, options.predicates);
  return s;
}

function checkPredicates(standard: PovertyStandard, predicates: ClassifyHouseholdOptions['predicates']): void {
  if (predicates === undefined) return;
  if (typeof predicates !== 'object' || predicates === null || Array.isArray(predicates)) {
    fail({ code: 'invalid-option', path: ['predicates'], value: predicates, expected: 'an object of predicate functions by indicator id (or leave predicates out)' });
  }
  for (const [id, p] of Object.entries(predicates)) {
    if (!standard.indicators.some((i) => i.id === id)) {
      fail({ code: 'unknown-indicator', path: ['predicates', id], value: id, expected: `an indicator of ${standard.id}: ${standard.indicators.map((i) => i.id).join(', ')}` });
    }
    if (typeof p !== 'function') fail({ code: 'invalid-option', path: ['predicates', id], value: typeof p, expected: 'a predicate function' });
  }
}

/** Classifies a validated household; the result is frozen. @internal */
export function classifyParsed(h: Household, asOf: IsoDate, standard: PovertyStandard, options: Pick<ClassifyHouseholdOptions, 'predicates' | 'onConflict' | 'onUnusedFlag'>): HouseholdClassification {
  const r = classifyOrIssues(h, asOf, standard, options);
  if (Array.isArray(r)) throw new VnPovertyError(r as VnIssues);
  return r as HouseholdClassification;
}

/**
 * {@link classifyParsed}, returning the issues that keep the household from being classified
 * instead of throwing them (bulk paths report thousands: an exception costs microseconds). @internal
 */
export function classifyOrIssues(
  h: Household,
  asOf: IsoDate,
  standard: PovertyStandard,
  options: Pick<ClassifyHouseholdOptions, 'predicates' | 'onConflict' | 'onUnusedFlag'>,
): HouseholdClassification | VnIssues {
  const flags = h.deprivations ?? {};
  const issues: VnIssue[] = [];
  const ignoredFlags: IndicatorId[] = [];
  for (const key of Object.keys(flags)) {
    if (!hasIndicator(standard, key)) {
      if (options.onUnusedFlag !== 'error' && (INDICATOR_IDS as readonly string[]).includes(key)) {
        ignoredFlags.push(key as IndicatorId);
        continue;
      }
      issues.push(
        issue({
          code: 'unknown-indicator',
          path: ['deprivations', key],
          value: key,
          expected: `an indicator of ${standard.id}: ${standard.indicators.map((i) => i.id).join(', ')}`,
          rule: { description: 'the indicator set of the standard in force', source: standard.indicators[0]?.source ?? standard.source },
        }),
      );
    }
  }
  const onConflict = options.onConflict ?? 'error';
  const indicators: IndicatorResult[] = [];
  const conflicts: IndicatorConflict[] = [];
  for (const ind of standard.indicators) {
    const predicate = options.predicates?.[ind.id] ?? ind.deprived;
    const computed = predicate(h);
    const flag = flags[ind.id];
    if (computed !== undefined && flag !== undefined) {
      if (computed === flag) indicators.push(indicatorValue(ind.id, flag, 'both'));
      else if (onConflict === 'error') {
        issues.push(
          issue({
            code: 'indicator-conflict',
            path: ['deprivations', ind.id],
            value: flag,
            expected: `${computed} as the household's facts give (${ind.threshold}); pass onConflict to choose`,
            rule: { description: ind.threshold, source: ind.source, term: ind.nameVi },
          }),
        );
      } else {
        const used = onConflict === 'use-flag' ? flag : computed;
        conflicts.push({ id: ind.id, flag, computed, used });
        indicators.push(indicatorValue(ind.id, used, 'both'));
      }
    } else if (computed !== undefined) indicators.push(indicatorValue(ind.id, computed, 'facts'));
    else if (flag !== undefined) indicators.push(indicatorValue(ind.id, flag, 'flag'));
    else indicators.push(indicatorValue(ind.id, undefined, 'none'));
  }
  if (issues.length > 0) return issues as unknown as VnIssues;

  const deprivations = indicators.filter((i) => i.deprived === true).map((i) => i.id);
  const undetermined = indicators.filter((i) => i.deprived === undefined).map((i) => i.id);
  const n = BigInt(h.members.length);
  const decision = decideStatus(standard, h.area, h.monthlyIncome, n, deprivations.length);
  if (undetermined.length > 0) {
    const worst = decideStatus(standard, h.area, h.monthlyIncome, n, deprivations.length + undetermined.length);
    if (worst.status !== decision.status) {
      const rule = { description: `poor needs ${standard.deprivationThreshold} or more deprivations`, source: standard.rules.poor.source, term: 'thiếu hụt từ 03 chỉ số trở lên' };
      // the indicators named once, in words (not the value's list quoted and cut short)
      return [
        issue({
          code: 'undetermined-indicators',
          path: ['deprivations'],
          value: undetermined,
          expected: `facts or review-form flags for ${undetermined.join(', ')}: with ${deprivations.length} known deprivation(s) the household could be ${decision.status} or ${worst.status}`,
          rule,
          message: `deprivations: with ${deprivations.length} known deprivation(s) the household could be ${decision.status} or ${worst.status}: not known for ${undetermined.join(', ')} (give facts or review-form flags for ${undetermined.length > 1 ? 'them' : 'it'}; ${rule.description}, “${rule.term}”, ${rule.source})`,
        }),
      ];
    }
  }
  // The id goes first by spreading the rest after it: a literal that starts with a conditional
  // spread and goes on with many properties is slow to build in V8 (microseconds per object).
  const fields = {
    status: decision.status,
    statusVi: HOUSEHOLD_STATUS_LABELS_VI[decision.status],
    asOf,
    standard: standardReference(standard),
    area: h.area,
    members: h.members.length,
    monthlyIncome: h.monthlyIncome,
    incomePerHeadExact: fraction(h.monthlyIncome, n),
    lines: areaLines(standard, h.area),
    line: decision.line,
    lineKind: decision.lineKind,
    incomeAtOrBelowLine: decision.atOrBelow,
    deprivations: frozenList(deprivations),
    deprivationCount: deprivations.length,
    deprivationThreshold: standard.deprivationThreshold,
    indicators: Object.freeze(indicators),
    undetermined: frozenList(undetermined),
    conflicts: frozenList(conflicts.map((c) => Object.freeze(c))),
    ignoredFlags: frozenList(ignoredFlags),
    rule: decidingRule(standard, decision.rule),
  };
  const result = h.id !== undefined ? { id: h.id, ...fields } : fields;
  // The Decimal income per head and the explanation are computed when read (most bulk callers
  // never read them); under a standard that could still change, the explanation is written now.
  Object.defineProperty(result, 'incomePerHead', LAZY_INCOME_PER_HEAD);
  if (standardOf(result.standard) === standard) Object.defineProperty(result, 'explanation', LAZY_EXPLANATION);
  else Object.defineProperty(result, 'explanation', { value: explain(result as unknown as HouseholdClassification, standard), enumerable: true });
  return Object.freeze(result) as unknown as HouseholdClassification;
}

const LAZY_INCOME_PER_HEAD: PropertyDescriptor = Object.freeze({
  enumerable: true,
  get(this: HouseholdClassification): Decimal {
    return incomePerHeadOf(this);
  },
});

const LAZY_EXPLANATION: PropertyDescriptor = Object.freeze({
  enumerable: true,
  get(this: HouseholdClassification): string {
    return explain(this, standardOf(this.standard)!);
  },
});

/** Whether the standard has an indicator with this id (a loop: `some` is slow on frozen arrays). */
function hasIndicator(standard: PovertyStandard, id: string): boolean {
  const list = standard.indicators;
  for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return true;
  return false;
}

/** The citation of a standard, as results carry it. @internal */
export function referenceOf(standard: PovertyStandard): StandardReference {
  return standardReference(standard);
}

const LINE_TERMS: Readonly<Record<LineKind, string>> = {
  'income-only-poor': 'chuẩn nghèo',
  poverty: 'chuẩn nghèo',
  'average-ceiling': 'mức sống trung bình',
};

const STATUS_EN: Readonly<Record<HouseholdStatus, string>> = {
  poor: 'Poor',
  'near-poor': 'Near-poor',
  average: 'Average living standard',
  'non-poor': 'Not poor',
};

const money = (v: bigint): string => `${formatVnNumber(v, { decimals: 0 })} đồng`;

function explain(r: HouseholdClassification, standard: PovertyStandard): string {
  const n = BigInt(r.members);
  const perHead = r.incomePerHeadExact.den === 1n ? money(r.incomePerHeadExact.num) : `≈ ${formatVnNumber(r.incomePerHead, { decimals: 2, rounding: 'half-up' })} đồng`;
  const cmp = r.incomeAtOrBelowLine ? '≤' : '>';
  const lineText = `${money(r.line)} (${LINE_TERMS[r.lineKind]}, ${AREA_LABELS_VI[r.area]})`;
  const income =
    `Income ${money(r.monthlyIncome)}/month for ${r.members} member${r.members === 1 ? '' : 's'} = ${perHead} per head ${cmp} ${lineText}` +
    ` [exact: ${formatVnNumber(r.monthlyIncome, { decimals: 0 })} ${cmp} ${formatVnNumber(r.line, { decimals: 0 })} × ${n}].`;
  const names = new Map(standard.indicators.map((i) => [i.id, i.nameVi]));
  const list = r.deprivations.length > 0 ? `: ${r.deprivations.map((id) => `${id} (${names.get(id) ?? id})`).join(', ')}` : '';
  const k = standard.deprivationThreshold;
  const depr = `Deprived in ${r.deprivationCount} of ${standard.indicators.length} indicators${list}`;
  const deprTail =
    r.rule.id === 'poor'
      ? `${depr}, ${r.deprivationCount} ≥ ${k} (thiếu hụt từ 0${k} chỉ số trở lên).`
      : r.rule.id === 'near-poor'
        ? `${depr}, ${r.deprivationCount} < ${k} (thiếu hụt dưới 0${k} chỉ số).`
        : `${depr} (not needed for this decision).`;
  const undetermined = r.undetermined.length > 0 ? ` Undetermined, without effect on the status: ${r.undetermined.join(', ')}.` : '';
  const conflicts =
    r.conflicts.length > 0 ? ` Conflicting flags resolved: ${r.conflicts.map((c) => `${c.id} flag ${c.flag} vs facts ${c.computed}, used ${c.used}`).join('; ')}.` : '';
  const ignored = r.ignoredFlags.length > 0 ? ` Flags ignored, not indicators of ${standard.id}: ${r.ignoredFlags.join(', ')}.` : '';
  const rule = `Deciding rule: ${r.rule.description} (${r.rule.source}${r.rule.term ? `; “${r.rule.term}”` : ''}).`;
  return `${STATUS_EN[r.status]} (${r.statusVi}) under ${standard.id} (${standard.source}), as of ${r.asOf}. ${income} ${deprTail}${undetermined}${conflicts}${ignored} ${rule}`;
}
