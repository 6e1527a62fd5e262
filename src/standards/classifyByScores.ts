import { deepFreeze } from '../_internal/_freeze.js';
import { toIsoDate } from '../dates/calendarDate.js';
import { VnPovertyError, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { classifyScoreParsed, parseScoreRow, resolveScoreRule, type ClassifyByScoreOptions, type ScoreClassification, type ScoreRowInput } from './classifyByScore.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from './householdStatus.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link classifyByScores}: those of `classifyByScore`. */
export type ClassifyByScoresOptions = ClassifyByScoreOptions;

/** The result of {@link classifyByScores}: one result per row, in order, and the counts by status. */
export interface ScoreClassifications {
  readonly standardId: string;
  readonly scoreRuleId: string;
  readonly results: readonly ScoreClassification[];
  readonly byStatus: Readonly<Record<HouseholdStatus, number>>;
}

/**
 * Classifies a register of scored rows (a review export's *Điểm phiếu B1* / *Điểm phiếu B2*
 * columns) under one standard and score rule: each result is exactly what `classifyByScore` gives
 * for the row. Every row is validated first; if any is invalid or cut off by the rule, nothing is
 * returned and the error lists every issue with the row's index at the head of its path.
 *
 * @throws VnPovertyError as `classifyByScore`, paths prefixed with the row index.
 * @example
 * classifyByScores([{ area: 'rural', incomeScore: 130, deprivationScore: 30 }, { area: 'urban', incomeScore: 170, deprivationScore: 10 }], { asOf: '2024-01-01' }).byStatus
 * //=> { poor: 1, 'near-poor': 1, average: 0, 'non-poor': 0 }
 * @see TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1; NĐ 07/2021/NĐ-CP, Art. 3 cl. 2.
 */
export function classifyByScores(rows: readonly ScoreRowInput[], options: ClassifyByScoresOptions): ScoreClassifications {
  assertOptions(options, 'classifyByScores', true);
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const { standard, rule } = resolveScoreRule(asOf, options);
  const issues: VnIssue[] = [];
  const results: ScoreClassification[] = [];
  rows.forEach((row, index) => {
    try {
      results.push(deepFreeze(classifyScoreParsed(parseScoreRow(row), asOf, standard, rule)));
    } catch (e) {
      if (!(e instanceof VnPovertyError)) throw e;
      for (const i of e.issues) issues.push({ ...i, path: [index, ...i.path], message: `row ${index}: ${i.message}` });
    }
  });
  if (issues.length > 0) throw new VnPovertyError(issues as unknown as VnIssues);
  const byStatus = Object.fromEntries(HOUSEHOLD_STATUSES.map((s) => [s, results.filter((r) => r.status === s).length])) as Record<HouseholdStatus, number>;
  return Object.freeze({ standardId: standard.id, scoreRuleId: rule.id, results: Object.freeze(results), byStatus: Object.freeze(byStatus) });
}
