import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyByScore } from '../../src/standards/classifyByScore.js';
import { classifyByScores } from '../../src/standards/classifyByScores.js';
import { classifyHousehold } from '../../src/standards/classifyHousehold.js';
import { TT07_2021_SCORE_RULE, TT14_2018_SCORE_RULE, scoreRuleFor, type ScoreRule } from '../../src/standards/scoreRules.js';
import { ND07_2021, ND351_2025, QD59_2015 } from '../../src/standards/standards.js';
import { flagHouseholdArb } from '../arbitraries/household.js';
import { firstIssue, thrownIssues } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';

const asOf = '2024-01-01';

describe('classifyByScore: TT 07/2021 score rule (NĐ 07/2021 standard), every boundary of the quoted rule', () => {
  it('rural: A = 140 ("A ≤ 140 điểm") with B = 30 is poor; A = 141 is not', () => {
    const poor = classifyByScore({ area: 'rural', incomeScore: 140, deprivationScore: 30 }, { asOf });
    expect(poor.status).toBe('poor');
    expect(poor.rule.id).toBe('poor');
    expect(poor.line).toBe(140);
    expect(poor.incomeScoreAtOrBelowLine).toBe(true);
    expect(poor.deprivationCount).toBe(3);
    expect(poor.explanation).toContain('140 points ≙ 1.500.000 đồng per head per month');
    const above = classifyByScore({ area: 'rural', incomeScore: 141, deprivationScore: 30 }, { asOf });
    expect(above.status).toBe('non-poor');
    expect(above.rule.id).toBe('above-lines');
    expect(above.incomeScoreAtOrBelowLine).toBe(false);
    expect(above.explanation).toContain('no average-living band in points');
  });

  it('urban: A = 175 with B = 30 is poor; A = 176 is not', () => {
    expect(classifyByScore({ area: 'urban', incomeScore: 175, deprivationScore: 30 }, { asOf }).status).toBe('poor');
    expect(classifyByScore({ area: 'urban', incomeScore: 176, deprivationScore: 30 }, { asOf }).status).toBe('non-poor');
    // a rural line does not apply in town: 150 points is poor in town, not in the countryside
    expect(classifyByScore({ area: 'urban', incomeScore: 150, deprivationScore: 40 }, { asOf }).status).toBe('poor');
    expect(classifyByScore({ area: 'rural', incomeScore: 150, deprivationScore: 40 }, { asOf }).status).toBe('non-poor');
  });

  it('B = 20 (< 30) at or below the line is near-poor, B = 30 is poor', () => {
    for (const [area, a] of [
      ['rural', 140],
      ['urban', 175],
    ] as const) {
      const near = classifyByScore({ area, incomeScore: a, deprivationScore: 20 }, { asOf });
      expect(near.status).toBe('near-poor');
      expect(near.statusVi).toBe('hộ cận nghèo');
      expect(near.rule.confirmation).toBe('UNCONFIRMED');
      expect(near.deprivationCount).toBe(2);
      expect(classifyByScore({ area, incomeScore: a, deprivationScore: 30 }, { asOf }).status).toBe('poor');
    }
  });

  it('takes decimal scores exactly: 140.0 is at the line, 140.01 above it; B = 29.99 is below 30', () => {
    expect(classifyByScore({ area: 'rural', incomeScore: '140.0', deprivationScore: 30 }, { asOf }).status).toBe('poor');
    expect(classifyByScore({ area: 'rural', incomeScore: '140.01', deprivationScore: 30 }, { asOf }).status).toBe('non-poor');
    const r = classifyByScore({ area: 'rural', incomeScore: 100, deprivationScore: '29.99' }, { asOf });
    expect(r.status).toBe('near-poor');
    expect(r.deprivationCount).toBeNull();
  });

  it('uses the standard in force: 2026 still NĐ 07/2021 (NĐ 351/2025 keeps Art. 3 for 2026); 2027 has no known score rule', () => {
    expect(classifyByScore({ area: 'rural', incomeScore: 140, deprivationScore: 30 }, { asOf: '2026-12-31' }).standard.id).toBe('nd-07-2021');
    const issue = firstIssue(() => classifyByScore({ area: 'rural', incomeScore: 140, deprivationScore: 30 }, { asOf: '2027-01-01' }));
    expect(issue.code).toBe('no-score-rule');
    expect(issue.value).toBe('nd-351-2025');
  });

  it('a caller-supplied rule for 2027 (e.g. once the new forms are published) is used, and must belong to the standard', () => {
    const rule2027: ScoreRule = { ...TT07_2021_SCORE_RULE, id: 'local-2027', standardId: ND351_2025.id };
    expect(classifyByScore({ area: 'rural', incomeScore: 140, deprivationScore: 30 }, { asOf: '2027-06-01', scoreRule: rule2027 }).scoreRule.id).toBe('local-2027');
    expect(firstIssue(() => classifyByScore({ area: 'rural', incomeScore: 140, deprivationScore: 30 }, { asOf: '2027-06-01', scoreRule: TT07_2021_SCORE_RULE })).code).toBe('score-rule-mismatch');
    expect(scoreRuleFor(ND07_2021).id).toBe('tt-07-2021-scores');
  });

  it('refuses malformed scores and rules, naming the field', () => {
    expect(firstIssue(() => classifyByScore({ area: 'rural', incomeScore: -1, deprivationScore: 30 }, { asOf })).path).toEqual(['incomeScore']);
    expect(firstIssue(() => classifyByScore({ area: 'rural', incomeScore: Number.NaN, deprivationScore: 30 }, { asOf })).path).toEqual(['incomeScore']);
    expect(firstIssue(() => classifyByScore({ area: 'rural', incomeScore: '1e3', deprivationScore: 30 }, { asOf })).path).toEqual(['incomeScore']);
    expect(firstIssue(() => classifyByScore({ area: 'city' as 'rural', incomeScore: 1, deprivationScore: 30 }, { asOf })).path).toEqual(['area']);
    const bad = { ...TT07_2021_SCORE_RULE, lines: { rural: { incomeOnlyPoor: 150, poverty: 140 }, urban: { poverty: 175 } } };
    expect(firstIssue(() => classifyByScore({ area: 'rural', incomeScore: 1, deprivationScore: 0 }, { asOf, scoreRule: bad })).code).toBe('invalid-score-rule');
  });

  it('is pure and frozen', () => {
    expectPure(classifyByScore, { id: 'h1', area: 'rural', incomeScore: 120, deprivationScore: 40 }, { asOf });
  });
});

describe('classifyByScore: the 2016–2020 rule (TT 14/2018, QĐ 59/2015 standard)', () => {
  const asOf2018 = '2018-07-15';
  it('urban: B1 ≤ 140 is poor on income alone; 140 < B1 ≤ 175 needs B2 ≥ 30; above 175 is not poor', () => {
    const incomePoor = classifyByScore({ area: 'urban', incomeScore: 140, deprivationScore: 0 }, { asOf: asOf2018 });
    expect(incomePoor.status).toBe('poor');
    expect(incomePoor.rule.id).toBe('income-only-poor');
    expect(incomePoor.scoreRule.id).toBe(TT14_2018_SCORE_RULE.id);
    expect(classifyByScore({ area: 'urban', incomeScore: 141, deprivationScore: 30 }, { asOf: asOf2018 }).status).toBe('poor');
    expect(classifyByScore({ area: 'urban', incomeScore: 141, deprivationScore: 20 }, { asOf: asOf2018 }).status).toBe('near-poor');
    expect(classifyByScore({ area: 'urban', incomeScore: 176, deprivationScore: 90 }, { asOf: asOf2018 }).status).toBe('non-poor');
  });

  it('rural: B1 ≤ 120 is poor; above 120 the public copy is cut off, so the score is flagged, not guessed', () => {
    expect(classifyByScore({ area: 'rural', incomeScore: 120, deprivationScore: 0 }, { asOf: asOf2018 }).status).toBe('poor');
    const issue = firstIssue(() => classifyByScore({ area: 'rural', incomeScore: 121, deprivationScore: 30 }, { asOf: asOf2018 }));
    expect(issue.code).toBe('score-rule-cut-off');
    expect(issue.expected).toContain('cut off');
    const completed: ScoreRule = { ...TT14_2018_SCORE_RULE, lines: { ...TT14_2018_SCORE_RULE.lines, rural: { incomeOnlyPoor: 120, poverty: 150 } } };
    expect(classifyByScore({ area: 'rural', incomeScore: 121, deprivationScore: 30 }, { asOf: asOf2018, scoreRule: completed }).status).toBe('poor');
    expect(scoreRuleFor(QD59_2015)).toBe(TT14_2018_SCORE_RULE);
  });
});

describe('properties', () => {
  /** The documented image of an income: A = ⌈140 × income per head ÷ 1,500,000⌉ (rural), so A ≤ 140 ⇔ per head ≤ 1,500,000. */
  const scoreOf = (area: 'rural' | 'urban', income: bigint, members: number): bigint => {
    const points = BigInt(TT07_2021_SCORE_RULE.lines[area].poverty as number);
    const line = ND07_2021.lines[area].poverty;
    const num = points * income;
    const den = line * BigInt(members);
    return (num + den - 1n) / den;
  };

  it('the score path and the income path agree where A is the image of the income and B = 10 × flags set', () => {
    fc.assert(
      fc.property(flagHouseholdArb(ND07_2021), (h) => {
        const byIncome = classifyHousehold(h, { asOf, onConflict: 'use-flag' });
        const a = scoreOf(h.area, h.monthlyIncome, h.members.length);
        const b = 10 * Object.values(h.deprivations).filter(Boolean).length;
        const byScore = classifyByScore({ area: h.area, incomeScore: Number(a), deprivationScore: b }, { asOf });
        const expected = byIncome.status === 'average' ? 'non-poor' : byIncome.status;
        expect(byScore.status).toBe(expected);
        expect(byScore.deprivationCount).toBe(byIncome.deprivationCount);
      }),
    );
  });

  it('a lower income score never makes a household better off, nor does a higher deprivation score', () => {
    const rank = { poor: 0, 'near-poor': 1, average: 2, 'non-poor': 3 } as const;
    fc.assert(
      fc.property(fc.constantFrom('rural', 'urban') as fc.Arbitrary<'rural' | 'urban'>, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), (area, a1, a2, b1, b2) => {
        const lo = classifyByScore({ area, incomeScore: Math.min(a1, a2), deprivationScore: 10 * Math.max(b1, b2) }, { asOf });
        const hi = classifyByScore({ area, incomeScore: Math.max(a1, a2), deprivationScore: 10 * Math.min(b1, b2) }, { asOf });
        expect(rank[lo.status]).toBeLessThanOrEqual(rank[hi.status]);
      }),
    );
  });
});

describe('classifyByScores (a scored register)', () => {
  it('each result is exactly classifyByScore of the row; counts by status', () => {
    const rows = [
      { id: 'a', area: 'rural' as const, incomeScore: 140, deprivationScore: 30 },
      { id: 'b', area: 'rural' as const, incomeScore: 141, deprivationScore: 30 },
      { id: 'c', area: 'urban' as const, incomeScore: 175, deprivationScore: 20 },
    ];
    const r = expectPure(classifyByScores, rows, { asOf });
    expect(r.results.map((x) => x.status)).toEqual(['poor', 'non-poor', 'near-poor']);
    expect(r.byStatus).toEqual({ poor: 1, 'near-poor': 1, average: 0, 'non-poor': 1 });
    expect(r.results[2]).toEqual(classifyByScore(rows[2]!, { asOf }));
    expect([r.standardId, r.scoreRuleId]).toEqual(['nd-07-2021', 'tt-07-2021-scores']);
  });

  it('lists every bad row with its index; a cut-off score is an error there too', () => {
    const issues = thrownIssues(() =>
      classifyByScores(
        [
          { area: 'rural', incomeScore: 121, deprivationScore: 30 },
          { area: 'rural', incomeScore: -1, deprivationScore: 0 },
        ],
        { asOf: '2019-01-01' },
      ),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [[0, 'incomeScore'], 'score-rule-cut-off'],
      [[1, 'incomeScore'], 'invalid-input'],
    ]);
  });

  it('properties: bulk equals one by one', () => {
    const row = fc.record({ area: fc.constantFrom('rural' as const, 'urban' as const), incomeScore: fc.integer({ min: 0, max: 300 }), deprivationScore: fc.integer({ min: 0, max: 12 }).map((n) => 10 * n) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const bulk = classifyByScores(rows, { asOf });
        expect(bulk.results.map((x) => x.status)).toEqual(rows.map((x) => classifyByScore(x, { asOf }).status));
        expect(Object.values(bulk.byStatus).reduce((a, b) => a + b, 0)).toBe(rows.length);
      }),
      { numRuns: 1000 },
    );
  });
});
