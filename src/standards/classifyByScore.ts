import * as z from 'zod';
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { toIsoDate, type IsoDate, type ReferenceDateOptions } from '../dates/calendarDate.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import type { DecidingRuleId, LineKind } from './decideStatus.js';
import { referenceOf, resolveStandard, type DecidingRule, type HouseholdClassification } from './classifyHousehold.js';
import { AREA_LABELS_VI, type Area } from './household.js';
import { HOUSEHOLD_STATUS_LABELS_VI, type HouseholdStatus } from './householdStatus.js';
import { scoreRuleFor, type ScoreLines, type ScoreRule } from './scoreRules.js';
import type { PovertyStandard, StandardRule } from './standards.js';
import { assertOptions } from '../errors/assertOptions.js';

/** A review-form score: a non-negative finite number or a decimal string with a point (`'137.5'`). */
export type ScoreInput = number | string;

/**
 * One household as the review forms score it: area, income score A (*điểm A*, *phiếu B1*) and
 * deprivation score B (*điểm B*, *phiếu B2*).
 */
export interface ScoreRowInput {
  /** Caller's identifier, carried into the result. */
  readonly id?: string;
  readonly area: Area;
  /** Income score A (*điểm A*; field exports: *Điểm phiếu B1*). */
  readonly incomeScore: ScoreInput;
  /** Deprivation score B (*điểm B*; field exports: *Điểm phiếu B2*). */
  readonly deprivationScore: ScoreInput;
}

/** Options of {@link classifyByScore}. */
export interface ClassifyByScoreOptions extends ReferenceDateOptions {
  /** The standard to apply; default: the one in force on `asOf` among `standards`. */
  readonly standard?: PovertyStandard;
  /** Standards to choose from when `standard` is not given (default: the built-in ones). */
  readonly standards?: readonly PovertyStandard[];
  /** The score rule; default: the one of `scoreRules` that belongs to the standard. */
  readonly scoreRule?: ScoreRule;
  /** Score rules to choose from when `scoreRule` is not given (default `SCORE_RULES`). */
  readonly scoreRules?: readonly ScoreRule[];
}

/** The fields every classification result shares, by income or by score. */
export type ClassificationCore = Pick<HouseholdClassification, 'id' | 'status' | 'statusVi' | 'asOf' | 'standard' | 'area' | 'rule' | 'explanation'>;

/** The frozen, explained result of {@link classifyByScore}. */
export interface ScoreClassification extends ClassificationCore {
  /** Always `'score'`: the result of the score path. */
  readonly path: 'score';
  /** The score rule applied, with its citation. */
  readonly scoreRule: { readonly id: string; readonly source: string; readonly confirmation: ScoreRule['confirmation'] };
  /** Score A as given, exact. */
  readonly incomeScore: Decimal;
  /** Score B as given, exact. */
  readonly deprivationScore: Decimal;
  /** The area's score lines under the rule. */
  readonly scoreLines: ScoreLines;
  /** The score line that decided, and which one it is. */
  readonly line: number;
  readonly lineKind: LineKind;
  /** Whether A was at or below `line`. */
  readonly incomeScoreAtOrBelowLine: boolean;
  /** Score B needed to be poor. */
  readonly deprivationScoreThreshold: number;
  /** B ÷ points per deprivation when whole (the number of deprived indicators), else `null`. */
  readonly deprivationCount: number | null;
}

const scoreSchema = z.union([
  z.number().finite().nonnegative('a score of at least 0 points'),
  z.string().trim().regex(/^\d+(\.\d+)?$/, 'a non-negative score written with a point, e.g. "137.5"'),
]);

/**
 * zod schema of a {@link ScoreRowInput}; unknown fields are refused.
 * @example
 * scoreRowSchema.safeParse({ area: 'rural', incomeScore: 140, deprivationScore: 30 }).success //=> true
 * scoreRowSchema.safeParse({ area: 'rural', incomeScore: -1, deprivationScore: 30 }).success //=> false
 */
export const scoreRowSchema = z.strictObject({
  id: z.string().optional(),
  area: z.enum(['rural', 'urban']),
  incomeScore: scoreSchema,
  deprivationScore: scoreSchema,
});

const SCORE_INPUT_RULE = {
  description: 'a household scored on the review forms (income score A, deprivation score B)',
  term: 'điểm A (phiếu B1), điểm B (phiếu B2)',
  source: 'TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1',
};

/** A parsed score row. @internal */
export interface ParsedScoreRow {
  readonly id?: string;
  readonly area: Area;
  readonly incomeScore: Decimal;
  readonly deprivationScore: Decimal;
}

/** Parses a score row at the edge. @internal */
export function parseScoreRow(row: unknown): ParsedScoreRow {
  const p = parseInput(scoreRowSchema, row, SCORE_INPUT_RULE);
  return {
    ...(p.id !== undefined ? { id: p.id } : {}),
    area: p.area,
    incomeScore: new Decimal(String(p.incomeScore)),
    deprivationScore: new Decimal(String(p.deprivationScore)),
  };
}

/** The standard and score rule for a date, both checked. @internal */
export function resolveScoreRule(asOf: IsoDate, options: ClassifyByScoreOptions): { standard: PovertyStandard; rule: ScoreRule } {
  const standard = resolveStandard(asOf, options);
  const rule = options.scoreRule ?? scoreRuleFor(standard, options.scoreRules);
  assertScoreRule(rule);
  if (rule.standardId !== standard.id) {
    fail({
      code: 'score-rule-mismatch',
      path: ['scoreRule', 'standardId'],
      value: rule.standardId,
      expected: `a score rule for ${standard.id}, the standard in force on ${asOf}`,
      rule: { description: 'households are scored with the forms of the standard in force', source: standard.source },
    });
  }
  return { standard, rule };
}

function assertScoreRule(rule: ScoreRule): void {
  const bad = (field: ReadonlyArray<string | number>, value: unknown, expected: string): never =>
    fail({ code: 'invalid-score-rule', path: ['scoreRule', ...field], value, expected });
  if (typeof rule !== 'object' || rule === null) bad([], rule, 'a ScoreRule object');
  if (typeof rule.standardId !== 'string') bad(['standardId'], rule.standardId, 'the id of a poverty standard');
  if (!(rule.pointsPerDeprivation > 0) || !Number.isFinite(rule.pointsPerDeprivation)) bad(['pointsPerDeprivation'], rule.pointsPerDeprivation, 'a positive number of points');
  if (!(rule.deprivationScoreThreshold >= 0) || !Number.isFinite(rule.deprivationScoreThreshold)) bad(['deprivationScoreThreshold'], rule.deprivationScoreThreshold, 'a number of points ≥ 0');
  for (const area of ['rural', 'urban'] as const) {
    const l = rule.lines?.[area];
    if (l === undefined) return bad(['lines', area], l, 'score lines for the area');
    let previous = -Infinity;
    for (const key of ['incomeOnlyPoor', 'poverty', 'averageCeiling'] as const) {
      const v = l[key];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < previous) bad(['lines', area, key], v, 'finite score lines in ascending order: incomeOnlyPoor ≤ poverty ≤ averageCeiling');
      previous = v;
    }
  }
}

/** What the score rule decides for A and B. @internal */
export interface ScoreDecision {
  readonly status: HouseholdStatus;
  readonly rule: DecidingRuleId;
  readonly line: number;
  readonly lineKind: LineKind;
  readonly atOrBelow: boolean;
}

/**
 * The status the score rule gives (trusted core). A value the rule leaves cut off (`null`) that
 * the scores reach is an error, never a guess.
 * @internal
 */
export function decideByScore(rule: ScoreRule, area: Area, a: Decimal, b: Decimal): ScoreDecision {
  const l = rule.lines[area];
  if (l.incomeOnlyPoor !== undefined && a.lte(l.incomeOnlyPoor)) {
    return { status: 'poor', rule: 'income-only-poor', line: l.incomeOnlyPoor, lineKind: 'income-only-poor', atOrBelow: true };
  }
  if (l.poverty === null) {
    return fail({
      code: 'score-rule-cut-off',
      path: ['incomeScore'],
      value: a.toString(),
      expected: `a score the rule decides: the ${area} line of ${rule.id} above ${l.incomeOnlyPoor ?? 0} points is cut off in the public copies; pass scoreRule with the value`,
      rule: { description: rule.quoted, source: rule.source, term: 'điểm B1' },
    });
  }
  if (a.lte(l.poverty)) {
    return b.gte(rule.deprivationScoreThreshold)
      ? { status: 'poor', rule: 'poor', line: l.poverty, lineKind: 'poverty', atOrBelow: true }
      : { status: 'near-poor', rule: 'near-poor', line: l.poverty, lineKind: 'poverty', atOrBelow: true };
  }
  if (l.averageCeiling !== undefined) {
    return a.lte(l.averageCeiling)
      ? { status: 'average', rule: 'average', line: l.averageCeiling, lineKind: 'average-ceiling', atOrBelow: true }
      : { status: 'non-poor', rule: 'above-lines', line: l.averageCeiling, lineKind: 'average-ceiling', atOrBelow: false };
  }
  return { status: 'non-poor', rule: 'above-lines', line: l.poverty, lineKind: 'poverty', atOrBelow: false };
}

/**
 * Classifies a household from its review-form scores, a second path beside income and
 * indicators (never a replacement): income score A and deprivation score B against the score
 * rule of the standard in force on `asOf` (or the ones given). Under NĐ 07/2021 (2022–2026):
 * poor when A ≤ 140 (rural) / ≤ 175 (urban) and B ≥ 30; near-poor when A is at or below the line
 * and B < 30; otherwise non-poor (no average-living band in points is known). Under QĐ 59/2015:
 * urban B1 ≤ 140 is poor on income alone; the rural line above 120 is cut off in the public copy,
 * so such a score is an error until you pass the value.
 *
 * @remarks SECONDARY: the score rule is quoted by two public pages (see `TT07_2021_SCORE_RULE`):
 * *"Hộ nghèo: hộ có điểm A ≤ 140 điểm và điểm B ≥ 30 điểm ở khu vực nông thôn hoặc có điểm A ≤ 175
 * điểm và điểm B ≥ 30 điểm ở khu vực thành thị; Hộ cận nghèo: hộ có điểm A ≤ 140 điểm và điểm B …"*
 * (cut off; B < 30 for near-poor is derived).
 * @param row - `{ id?, area, incomeScore, deprivationScore }`
 * @param options - `asOf`, optional `standard`, `standards`, `scoreRule`, `scoreRules`
 * @returns a deep-frozen {@link ScoreClassification}
 * @throws VnPovertyError `invalid-input` / `missing-field`, `no-standard-in-force`, `no-score-rule`
 *   (e.g. NĐ 351/2025 from 2027), `score-rule-mismatch`, `invalid-score-rule`, `score-rule-cut-off`.
 * @example
 * classifyByScore({ area: 'rural', incomeScore: 140, deprivationScore: 30 }, { asOf: '2024-01-01' }).status //=> 'poor'
 * classifyByScore({ area: 'rural', incomeScore: 141, deprivationScore: 30 }, { asOf: '2024-01-01' }).status //=> 'non-poor'
 * classifyByScore({ area: 'urban', incomeScore: 175, deprivationScore: 20 }, { asOf: '2024-01-01' }).status //=> 'near-poor'
 * @see TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1; NĐ 07/2021/NĐ-CP, Art. 3 cl. 2; TT 14/2018/TT-BLĐTBXH.
 */
export function classifyByScore(row: ScoreRowInput, options: ClassifyByScoreOptions): ScoreClassification {
  assertOptions(options, 'classifyByScore', true);
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const { standard, rule } = resolveScoreRule(asOf, options);
  return deepFreeze(classifyScoreParsed(parseScoreRow(row), asOf, standard, rule));
}

/** Classifies a parsed score row (no freezing). @internal */
export function classifyScoreParsed(row: ParsedScoreRow, asOf: IsoDate, standard: PovertyStandard, rule: ScoreRule): ScoreClassification {
  const d = decideByScore(rule, row.area, row.incomeScore, row.deprivationScore);
  const cited = citedRule(rule, d.rule);
  const decidingRule: DecidingRule = cited
    ? { id: d.rule, description: cited.description, source: cited.source, term: cited.term, confirmation: cited.confirmation }
    : { id: d.rule, description: 'income score above every score line of the rule', source: rule.source };
  const count = row.deprivationScore.div(rule.pointsPerDeprivation);
  const result: ScoreClassification = {
    ...(row.id !== undefined ? { id: row.id } : {}),
    path: 'score',
    status: d.status,
    statusVi: HOUSEHOLD_STATUS_LABELS_VI[d.status],
    asOf,
    standard: referenceOf(standard),
    area: row.area,
    scoreRule: { id: rule.id, source: rule.source, confirmation: rule.confirmation },
    incomeScore: row.incomeScore,
    deprivationScore: row.deprivationScore,
    scoreLines: { ...rule.lines[row.area] },
    line: d.line,
    lineKind: d.lineKind,
    incomeScoreAtOrBelowLine: d.atOrBelow,
    deprivationScoreThreshold: rule.deprivationScoreThreshold,
    deprivationCount: count.isInteger() ? count.toNumber() : null,
    rule: decidingRule,
    explanation: '',
  };
  return { ...result, explanation: explainScore(result, rule) };
}

function citedRule(rule: ScoreRule, id: DecidingRuleId): StandardRule | undefined {
  if (id === 'income-only-poor') return rule.rules.incomeOnlyPoor;
  if (id === 'poor') return rule.rules.poor;
  if (id === 'near-poor') return rule.rules.nearPoor;
  return undefined;
}

const STATUS_EN: Readonly<Record<HouseholdStatus, string>> = {
  poor: 'Poor',
  'near-poor': 'Near-poor',
  average: 'Average living standard',
  'non-poor': 'Not poor',
};

const points = (v: Decimal | number): string => formatVnNumber(new Decimal(v), { decimals: new Decimal(v).decimalPlaces() });

function explainScore(r: ScoreClassification, rule: ScoreRule): string {
  const cmp = r.incomeScoreAtOrBelowLine ? '≤' : '>';
  const equivalent = rule.incomeEquivalent?.[r.area];
  const eq = r.lineKind === 'poverty' && equivalent !== undefined ? `; ${r.line} points ≙ ${formatVnNumber(equivalent, { decimals: 0 })} đồng per head per month` : '';
  const a = `Income score A = ${points(r.incomeScore)} ${cmp} ${r.line} points (${AREA_LABELS_VI[r.area]}${eq}).`;
  const per = `${rule.pointsPerDeprivation} points per deprived indicator${r.deprivationCount !== null ? `: ${r.deprivationCount} indicator${r.deprivationCount === 1 ? '' : 's'}` : ''}`;
  const b =
    r.rule.id === 'poor'
      ? `Deprivation score B = ${points(r.deprivationScore)} ≥ ${r.deprivationScoreThreshold} (${per}).`
      : r.rule.id === 'near-poor'
        ? `Deprivation score B = ${points(r.deprivationScore)} < ${r.deprivationScoreThreshold} (${per}).`
        : `Deprivation score B = ${points(r.deprivationScore)} (${per}; not needed for this decision).`;
  const above =
    r.rule.id === 'above-lines' && rule.lines[r.area].averageCeiling === undefined
      ? ' The rule has no average-living band in points (UNCONFIRMED): an average-living household is found from its income (QĐ 24/2021/QĐ-TTg, Art. 2 cl. 2).'
      : '';
  const deciding = `Deciding rule: ${r.rule.description} (${r.rule.source}${r.rule.term ? `; “${r.rule.term}”` : ''}; ${r.rule.confirmation ?? rule.confirmation}).`;
  return `${STATUS_EN[r.status]} (${r.statusVi}) by the review-form scores of ${rule.id} under ${r.standard.id}, as of ${r.asOf}. ${a} ${b}${above} ${deciding}`;
}
