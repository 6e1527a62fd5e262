import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import type { Dong } from '../numbers/money.js';
import type { Area } from './household.js';
import type { Confirmation } from './indicators.js';
import type { PovertyStandard, StandardRule } from './standards.js';

/**
 * The score lines of one area (points of the income form, *điểm A* / *phiếu B1*). Lower is poorer:
 * 1. A ≤ `incomeOnlyPoor` → poor whatever B (2016–2020 only);
 * 2. A ≤ `poverty` → poor with B ≥ the deprivation threshold, near-poor otherwise;
 * 3. A ≤ `averageCeiling` → average living standard (no built-in rule knows this band in points);
 * 4. otherwise neither poor nor near-poor.
 * `poverty: null` marks a value the public copies cut off: a score it would decide is an error
 * (`score-rule-cut-off`) until the caller supplies the value in its own rule.
 */
export interface ScoreLines {
  readonly incomeOnlyPoor?: number;
  readonly poverty: number | null;
  readonly averageCeiling?: number;
}

/**
 * A score rule (*phương pháp chấm điểm*) of the review forms as versioned data: the points of the
 * income score A that stand for the income line, the points per deprivation of score B, and the
 * quoted wording. It belongs to one poverty standard (`standardId`) and is picked with it.
 */
export interface ScoreRule {
  /** Stable id, e.g. `'tt-07-2021-scores'`. */
  readonly id: string;
  /** The {@link PovertyStandard} id whose households the rule classifies. */
  readonly standardId: string;
  /** Document and clause. */
  readonly source: string;
  /** The rule as the public copies word it (Vietnamese, "…" where cut off). */
  readonly quoted: string;
  /** Where the quotation was read. */
  readonly quotedFrom: string;
  readonly confirmation: Confirmation;
  /** Score lines per area. */
  readonly lines: Readonly<Record<Area, ScoreLines>>;
  /** The income per head (đồng per person per month) each area's `poverty` score stands for, when stated. */
  readonly incomeEquivalent?: Readonly<Partial<Record<Area, Dong>>>;
  /** Points of score B per deprived indicator (*10 điểm tương đương với 01 chỉ số*). */
  readonly pointsPerDeprivation: number;
  /** Score B needed (with A at or below `poverty`) to be poor: "điểm B ≥ 30 điểm". */
  readonly deprivationScoreThreshold: number;
  /** The citations of each outcome. */
  readonly rules: {
    readonly incomeOnlyPoor?: StandardRule;
    readonly poor: StandardRule;
    readonly nearPoor: StandardRule;
  };
  /** What is cut off, derived or unknown, in words. */
  readonly remarks: readonly string[];
}

const TT07 = 'TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1 (method of review; scoring forms of Phụ lục III and IV)';

/**
 * The score rule of TT 07/2021/TT-BLĐTBXH for the NĐ 07/2021 standard (2022–2026): rural poor
 * when A ≤ 140 and B ≥ 30, urban when A ≤ 175 and B ≥ 30; near-poor when A is at or below the
 * line and B < 30; 10 points of B per deprived indicator.
 *
 * @remarks SECONDARY. Quoted (Tủa Chùa district portal, 30/07/2021; a law-firm page citing
 * "Khoản 1 Điều 1 Thông tư 07/2021/TT-BLĐTBXH"): *"Về mức thu nhập bình quân đầu người (gọi là
 * điểm A): Ở khu vực nông thôn, 140 điểm tương đương với mức thu nhập bình quân đầu người 1.500.000
 * đồng/người/tháng; Ở khu vực thành thị, 175 điểm tương đương với mức thu nhập bình quân đầu người
 * 2.000.000 đồng/người/tháng. Về mức độ thiếu hụt dịch vụ xã hội cơ bản (gọi là điểm B): 10 điểm
 * tương đương với 01 chỉ số … Hộ nghèo: hộ có điểm A ≤ 140 điểm và điểm B ≥ 30 điểm ở khu vực nông
 * thôn hoặc có điểm A ≤ 175 điểm và điểm B ≥ 30 điểm ở khu vực thành thị; Hộ cận nghèo: hộ có điểm
 * A ≤ 140 điểm và điểm B …"* (cut off in both copies). The near-poor rule (B < 30) is derived: the
 * only reading consistent with NĐ 07/2021 Art. 3 cl. 2(b). The item scores of the forms and the
 * average-living band in points are UNCONFIRMED (not modelled: a score above the line is non-poor).
 * @example
 * TT07_2021_SCORE_RULE.lines.rural.poverty //=> 140
 * TT07_2021_SCORE_RULE.deprivationScoreThreshold //=> 30
 * @see TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1; NĐ 07/2021/NĐ-CP, Art. 3 cl. 2.
 */
export const TT07_2021_SCORE_RULE: ScoreRule = deepFreeze({
  id: 'tt-07-2021-scores',
  standardId: 'nd-07-2021',
  source: TT07,
  quoted:
    'Về mức thu nhập bình quân đầu người (gọi là điểm A): Ở khu vực nông thôn, 140 điểm tương đương với mức thu nhập bình quân đầu người 1.500.000 đồng/người/tháng; Ở khu vực thành thị, 175 điểm tương đương với mức thu nhập bình quân đầu người 2.000.000 đồng/người/tháng. Về mức độ thiếu hụt dịch vụ xã hội cơ bản (gọi là điểm B): 10 điểm tương đương với 01 chỉ số … Hộ nghèo: hộ có điểm A ≤ 140 điểm và điểm B ≥ 30 điểm ở khu vực nông thôn hoặc có điểm A ≤ 175 điểm và điểm B ≥ 30 điểm ở khu vực thành thị; Hộ cận nghèo: hộ có điểm A ≤ 140 điểm và điểm B …',
  quotedFrom: 'Tủa Chùa district portal (Điện Biên), 30/07/2021, "Phương pháp rà soát hộ nghèo, hộ cận nghèo (mới) theo Thông tư số 07/2021/TT-BLĐTBXH"; a law-firm page citing Khoản 1 Điều 1 Thông tư 07/2021/TT-BLĐTBXH',
  confirmation: 'SECONDARY',
  lines: { rural: { poverty: 140 }, urban: { poverty: 175 } },
  incomeEquivalent: { rural: 1_500_000n, urban: 2_000_000n },
  pointsPerDeprivation: 10,
  deprivationScoreThreshold: 30,
  rules: {
    poor: {
      description: 'income score A at or below the line (140 rural, 175 urban) and deprivation score B of 30 or more',
      source: TT07,
      term: 'hộ nghèo: điểm A ≤ 140 điểm (nông thôn) / ≤ 175 điểm (thành thị) và điểm B ≥ 30 điểm',
      confirmation: 'SECONDARY',
    },
    nearPoor: {
      description: 'income score A at or below the line (140 rural, 175 urban) and deprivation score B below 30 (derived: the quoted text is cut off)',
      source: `${TT07}; NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(b)`,
      term: 'hộ cận nghèo: điểm A ≤ 140 điểm và điểm B … (bị cắt)',
      confirmation: 'UNCONFIRMED',
    },
  },
  remarks: [
    'The thresholds are SECONDARY (two public pages quoting the circular).',
    'The near-poor rule (B < 30) is derived: the quoted text is cut off after "điểm B".',
    'The item scores of Phụ lục III/IV and the average-living band in points are UNCONFIRMED: a score above the line is classified non-poor.',
  ],
} satisfies ScoreRule);

const TT14 = 'TT 17/2016/TT-BLĐTBXH as amended by TT 14/2018/TT-BLĐTBXH (scoring forms B1, B2)';

/**
 * The score rule of the 2016–2020 review (TT 17/2016/TT-BLĐTBXH amended by TT 14/2018/TT-BLĐTBXH)
 * for the QĐ 59/2015 standard: urban poor when B1 ≤ 140 (income-poor), or 140 < B1 ≤ 175 and
 * B2 ≥ 30; rural poor when B1 ≤ 120, the rest of the rural rule being cut off.
 *
 * @remarks SECONDARY / partly UNCONFIRMED (thukyluat.vn summary). The rural upper line is cut off
 * in the public copy, so it is `null`: a rural B1 above 120 is an error (`score-rule-cut-off`)
 * until you pass a rule with the value. The near-poor rule (line ≥ B1 above the lower line, B2 < 30)
 * is derived from QĐ 59/2015 Art. 2.
 * @example
 * TT14_2018_SCORE_RULE.lines.urban //=> { incomeOnlyPoor: 140, poverty: 175 }
 * TT14_2018_SCORE_RULE.lines.rural.poverty //=> null (cut off)
 * @see TT 14/2018/TT-BLĐTBXH; QĐ 59/2015/QĐ-TTg, Art. 2.
 */
export const TT14_2018_SCORE_RULE: ScoreRule = deepFreeze({
  id: 'tt-14-2018-scores',
  standardId: 'qd-59-2015',
  source: TT14,
  quoted: 'thành thị: hộ nghèo nếu B1 ≤ 140 điểm, hoặc 140 < B1 ≤ 175 điểm và B2 ≥ 30 điểm; nông thôn: hộ nghèo nếu B1 ≤ 120 điểm … (cut off)',
  quotedFrom: 'thukyluat.vn summary of TT 14/2018/TT-BLĐTBXH',
  confirmation: 'SECONDARY',
  lines: { rural: { incomeOnlyPoor: 120, poverty: null }, urban: { incomeOnlyPoor: 140, poverty: 175 } },
  pointsPerDeprivation: 10,
  deprivationScoreThreshold: 30,
  rules: {
    incomeOnlyPoor: {
      description: 'income score B1 at or below the lower line (120 rural, 140 urban): poor on income alone',
      source: TT14,
      term: 'hộ nghèo: điểm B1 ≤ 120 điểm (nông thôn) / ≤ 140 điểm (thành thị)',
      confirmation: 'SECONDARY',
    },
    poor: {
      description: 'income score B1 above the lower line and at or below the upper line (175 urban; rural cut off), with deprivation score B2 of 30 or more',
      source: TT14,
      term: 'hộ nghèo: 140 < B1 ≤ 175 điểm và B2 ≥ 30 điểm',
      confirmation: 'SECONDARY',
    },
    nearPoor: {
      description: 'income score B1 above the lower line and at or below the upper line, with deprivation score B2 below 30 (derived from QĐ 59/2015 Art. 2 cl. 2)',
      source: `${TT14}; QĐ 59/2015/QĐ-TTg, Art. 2 cl. 2`,
      term: 'hộ cận nghèo',
      confirmation: 'UNCONFIRMED',
    },
  },
  remarks: [
    'SECONDARY summary; the rural upper line is cut off in the public copy (null: pass your own rule with the value).',
    'The near-poor rule is derived from QĐ 59/2015 Art. 2 cl. 2.',
    'No income equivalent of the points is stated for 2016–2020.',
  ],
} satisfies ScoreRule);

/**
 * The built-in score rules, oldest first: one per standard that has a known score rule
 * (none is known for NĐ 351/2025: pass `scoreRule` for 2027 onwards).
 * @example
 * SCORE_RULES.map((r) => r.standardId) //=> ['qd-59-2015', 'nd-07-2021']
 */
export const SCORE_RULES: readonly ScoreRule[] = Object.freeze([TT14_2018_SCORE_RULE, TT07_2021_SCORE_RULE]);

/**
 * The score rule that goes with a standard.
 *
 * @param standard - the standard in force (see `standardFor`)
 * @param rules - rules to choose from (default {@link SCORE_RULES})
 * @throws VnPovertyError `no-score-rule` naming the standard when no rule belongs to it.
 * @example
 * scoreRuleFor(ND07_2021).id //=> 'tt-07-2021-scores'
 * scoreRuleFor(ND351_2025) //=> throws no-score-rule
 * @see TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1; TT 14/2018/TT-BLĐTBXH.
 */
export function scoreRuleFor(standard: Pick<PovertyStandard, 'id' | 'source'>, rules: readonly ScoreRule[] = SCORE_RULES): ScoreRule {
  const found = rules.filter((r) => r.standardId === standard.id);
  if (found.length !== 1) {
    return fail({
      code: found.length === 0 ? 'no-score-rule' : 'overlapping-score-rules',
      path: ['scoreRule'],
      value: standard.id,
      expected: `exactly one score rule for ${standard.id} (known: ${rules.map((r) => `${r.id} for ${r.standardId}`).join(', ') || 'none'}); pass scoreRule`,
      rule: { description: 'households are scored with the forms of the standard in force', source: standard.source, term: 'điểm A (phiếu B1), điểm B (phiếu B2)' },
    });
  }
  return found[0] as ScoreRule;
}
