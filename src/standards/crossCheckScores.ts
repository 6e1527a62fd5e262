import * as z from 'zod';
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { toIsoDate, type IsoDate } from '../dates/calendarDate.js';
import { VnPovertyError, parseInput, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { classifyScoreParsed, parseScoreRow, resolveScoreRule, scoreRowSchema, type ClassifyByScoreOptions, type ScoreRowInput } from './classifyByScore.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from './householdStatus.js';
import { INDICATOR_IDS, type IndicatorId } from './indicators.js';
import type { ScoreRule } from './scoreRules.js';
import type { PovertyStandard } from './standards.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * A scored row that also carries what the scores should be the image of: the indicator flags
 * (B = points × flags set), the income and member count, and the status printed beside it.
 * Each extra field is optional; only the checks it allows are made.
 */
export interface ScoreCheckRowInput extends ScoreRowInput {
  /** The deprivation flags of the form, by indicator id (`true` = deprived). */
  readonly deprivations?: Readonly<Partial<Record<string, boolean>>>;
  /** Total monthly income of the household, whole đồng. */
  readonly monthlyIncome?: bigint | number | string;
  /** Number of members. */
  readonly memberCount?: number;
  /** The classification printed on the row. */
  readonly status?: HouseholdStatus;
}

/**
 * What disagrees on a row:
 * - `'deprivation-score-not-multiple'`: B is not a whole number of indicators;
 * - `'deprivation-score-mismatch'`: B ≠ points × flags set (or outside the range the unset flags allow);
 * - `'income-score-disagrees'`: the income and score A fall on different sides of a line;
 * - `'status-disagrees'`: the printed status is not what the scores give;
 * - `'score-rule-cut-off'`: the rule cannot decide this score (a value is cut off), so nothing was compared.
 */
export type ScoreFindingCode = 'deprivation-score-not-multiple' | 'deprivation-score-mismatch' | 'income-score-disagrees' | 'status-disagrees' | 'score-rule-cut-off';

/** One disagreement found on one row. */
export interface ScoreFinding {
  /** Index of the row in the input. */
  readonly row: number;
  /** The row's `id`, when given. */
  readonly id?: string;
  readonly code: ScoreFindingCode;
  /** The field whose printed value disagrees. */
  readonly field: 'deprivationScore' | 'incomeScore' | 'status';
  /** The value printed. */
  readonly printed: string;
  /** What the other fields of the row give. */
  readonly expected: string;
  /** One sentence for a report. */
  readonly message: string;
}

/** The result of {@link crossCheckScores}: `ok` when no row disagrees. */
export interface ScoreCrossCheck {
  readonly ok: boolean;
  readonly asOf: IsoDate;
  readonly standardId: string;
  readonly scoreRuleId: string;
  /** Rows checked. */
  readonly rows: number;
  readonly findings: readonly ScoreFinding[];
}

/** Options of {@link crossCheckScores}: those of `classifyByScore`. */
export type CrossCheckScoresOptions = ClassifyByScoreOptions;

const dong = z.union([z.bigint(), z.number().int().refine(Number.isSafeInteger, 'a safe integer'), z.string().trim().regex(/^\d+$/, 'an integer string of đồng')]).transform((v) => BigInt(v));
const checkRowSchema = scoreRowSchema.extend({
  // keys must be indicator ids of some standard: a typo must not drop a flag
  deprivations: z
    .record(z.string(), z.boolean())
    .superRefine((flags, ctx) => {
      for (const key of Object.keys(flags)) {
        if (!(INDICATOR_IDS as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `an indicator id of some standard (${INDICATOR_IDS.join(', ')})` });
      }
    })
    .optional(),
  monthlyIncome: dong.pipe(z.bigint().nonnegative('an income of at least 0 đồng')).optional(),
  memberCount: z.number().int().min(1).max(1_000_000).optional(),
  status: z.enum(HOUSEHOLD_STATUSES as unknown as readonly [HouseholdStatus, ...HouseholdStatus[]]).optional(),
});

/**
 * Cross-checks scored rows against what else they carry, as findings, never exceptions: score B
 * against the indicator flags (B = 10 × flags set under TT 07/2021), score A against the income
 * (both must fall on the same side of each line: A ≤ 140 exactly when income per head ≤ 1,500,000
 * đồng, rural), and the printed status against the scores. A flag for an indicator the standard
 * does not use is not counted. Malformed rows are still errors.
 *
 * @param rows - {@link ScoreCheckRowInput} records
 * @param options - as for `classifyByScore`
 * @returns a deep-frozen {@link ScoreCrossCheck}, one finding per disagreement, in row order
 * @throws VnPovertyError listing every malformed row (paths start with the row index), and the
 *   standard / score-rule errors of `classifyByScore`.
 * @example
 * crossCheckScores([{ area: 'rural', incomeScore: 120, deprivationScore: 20, deprivations: { latrine: true, telecom: true, nutrition: true } }], { asOf: '2024-01-01' }).findings[0]?.code
 * //=> 'deprivation-score-mismatch'
 * @see TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1; NĐ 07/2021/NĐ-CP, Art. 3.
 */
export function crossCheckScores(rows: readonly ScoreCheckRowInput[], options: CrossCheckScoresOptions): ScoreCrossCheck {
  assertOptions(options, 'crossCheckScores', true);
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const { standard, rule } = resolveScoreRule(asOf, options);
  const issues: VnIssue[] = [];
  const parsed: z.output<typeof checkRowSchema>[] = [];
  rows.forEach((raw, i) => {
    try {
      parsed.push(parseInput(checkRowSchema, raw));
    } catch (e) {
      if (!(e instanceof VnPovertyError)) throw e;
      for (const x of e.issues) issues.push({ ...x, path: [i, ...x.path], message: `row ${i}: ${x.message}` });
    }
  });
  if (issues.length > 0) throw new VnPovertyError(issues as unknown as VnIssues);
  const findings = parsed.flatMap((row, i) => checkRow(row, i, asOf, standard, rule));
  return deepFreeze({ ok: findings.length === 0, asOf, standardId: standard.id, scoreRuleId: rule.id, rows: parsed.length, findings });
}

function checkRow(row: z.output<typeof checkRowSchema>, index: number, asOf: IsoDate, standard: PovertyStandard, rule: ScoreRule): ScoreFinding[] {
  const out: ScoreFinding[] = [];
  const at = row.id !== undefined ? `row ${index} (${row.id})` : `row ${index}`;
  const add = (code: ScoreFindingCode, field: ScoreFinding['field'], printed: string, expected: string, message: string): void => {
    out.push({ row: index, ...(row.id !== undefined ? { id: row.id } : {}), code, field, printed, expected, message: `${at}: ${message}` });
  };
  const scores = parseScoreRow({ area: row.area, incomeScore: row.incomeScore, deprivationScore: row.deprivationScore });
  const a = scores.incomeScore;
  const b = scores.deprivationScore;
  const per = rule.pointsPerDeprivation;
  const pts = (v: Decimal | number): string => formatVnNumber(new Decimal(v), { decimals: new Decimal(v).decimalPlaces() });

  if (!b.mod(per).isZero()) {
    add('deprivation-score-not-multiple', 'deprivationScore', pts(b), `a multiple of ${per} points`, `deprivation score B = ${pts(b)} is not a multiple of ${per} points (${per} points per deprived indicator)`);
  }
  if (row.deprivations !== undefined) {
    const flags = row.deprivations;
    const used = standard.indicators.map((ind) => ind.id);
    const set = used.filter((id) => flags[id] === true).length;
    const unset: IndicatorId[] = used.filter((id) => flags[id] === undefined);
    const low = set * per;
    const high = (set + unset.length) * per;
    if (b.lt(low) || b.gt(high)) {
      const expected = unset.length === 0 ? `${low} points (${per} × ${set} flags set)` : `${low} to ${high} points (${set} flags set, ${unset.length} not given: ${unset.join(', ')})`;
      add('deprivation-score-mismatch', 'deprivationScore', pts(b), expected, `deprivation score B = ${pts(b)} but the flags give ${expected}`);
    }
  }
  let scoreStatus: HouseholdStatus;
  try {
    scoreStatus = classifyScoreParsed(scores, asOf, standard, rule).status;
  } catch (e) {
    if (!(e instanceof VnPovertyError) || e.issues[0].code !== 'score-rule-cut-off') throw e;
    add('score-rule-cut-off', 'incomeScore', pts(a), 'a score the rule decides', e.issues[0].expected);
    return out;
  }
  if (row.monthlyIncome !== undefined && row.memberCount !== undefined) {
    const members = BigInt(row.memberCount);
    const lines = standard.lines[row.area];
    const sLines = rule.lines[row.area];
    const pairs: Array<[string, bigint | undefined, number | null | undefined]> = [
      ['lower line', lines.incomeOnlyPoor, sLines.incomeOnlyPoor],
      ['poverty line', lines.poverty, sLines.poverty],
      ['average-living ceiling', lines.averageCeiling, sLines.averageCeiling],
    ];
    for (const [name, line, sLine] of pairs) {
      if (line === undefined || sLine === undefined || sLine === null) continue;
      const incomeBelow = row.monthlyIncome <= line * members;
      const scoreBelow = a.lte(sLine);
      if (incomeBelow !== scoreBelow) {
        const perHead = `${formatVnNumber(row.monthlyIncome, { decimals: 0 })} đồng for ${row.memberCount} member${row.memberCount === 1 ? '' : 's'}`;
        const expected = `A ${incomeBelow ? '≤' : '>'} ${sLine} points, as income ${perHead} is ${incomeBelow ? 'at or below' : 'above'} ${formatVnNumber(line, { decimals: 0 })} đồng per head (${name})`;
        add('income-score-disagrees', 'incomeScore', pts(a), expected, `income score A = ${pts(a)} ${scoreBelow ? '≤' : '>'} ${sLine} points but ${expected.slice(expected.indexOf('as ') + 3)}`);
      }
    }
  }
  if (row.status !== undefined && !sameSide(row.status, scoreStatus, rule, row.area)) {
    add('status-disagrees', 'status', row.status, `${scoreStatus} by the scores`, `the row is printed ${row.status} but the scores give ${scoreStatus}`);
  }
  return out;
}

/** Statuses agree; 'average' and 'non-poor' agree when the rule has no average band in points. */
function sameSide(x: HouseholdStatus, y: HouseholdStatus, rule: ScoreRule, area: 'rural' | 'urban'): boolean {
  if (x === y) return true;
  const above = (s: HouseholdStatus): boolean => s === 'average' || s === 'non-poor';
  return rule.lines[area].averageCeiling === undefined && above(x) && above(y);
}
