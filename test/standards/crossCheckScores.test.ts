import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossCheckScores } from '../../src/standards/crossCheckScores.js';
import { ND07_2021 } from '../../src/standards/standards.js';
import { flagsArb } from '../arbitraries/household.js';
import { firstIssue, thrownIssues } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';

const asOf = '2024-01-01';
const flags = (...on: string[]): Record<string, boolean> => Object.fromEntries(ND07_2021.indicators.map((i) => [i.id, on.includes(i.id)]));

describe('crossCheckScores', () => {
  it('rows that agree give no finding', () => {
    const r = crossCheckScores(
      [
        { id: 'h1', area: 'rural', incomeScore: 130, deprivationScore: 30, deprivations: flags('latrine', 'telecom', 'nutrition'), monthlyIncome: 5_600_000, memberCount: 4, status: 'poor' },
        { id: 'h2', area: 'urban', incomeScore: 200, deprivationScore: 0, deprivations: flags(), monthlyIncome: 9_000_000, memberCount: 4, status: 'average' },
      ],
      { asOf },
    );
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.rows).toBe(2);
    expect(r.scoreRuleId).toBe('tt-07-2021-scores');
  });

  it('B ≠ 10 × flags set is a finding naming both figures', () => {
    const r = crossCheckScores([{ id: 'h3', area: 'rural', incomeScore: 120, deprivationScore: 20, deprivations: flags('latrine', 'telecom', 'nutrition') }], { asOf });
    expect(r.ok).toBe(false);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ row: 0, id: 'h3', code: 'deprivation-score-mismatch', field: 'deprivationScore', printed: '20', expected: '30 points (10 × 3 flags set)' });
    expect(r.findings[0]?.message).toBe('row 0 (h3): deprivation score B = 20 but the flags give 30 points (10 × 3 flags set)');
  });

  it('with some flags missing, B only has to lie in the range they allow', () => {
    const partial = { latrine: true, telecom: false };
    expect(crossCheckScores([{ area: 'rural', incomeScore: 1, deprivationScore: 60, deprivations: partial }], { asOf }).ok).toBe(true);
    const r = crossCheckScores([{ area: 'rural', incomeScore: 1, deprivationScore: 0, deprivations: partial }], { asOf });
    expect(r.findings[0]?.expected).toMatch(/^10 to 110 points \(1 flags set, 10 not given/);
  });

  it('a flag for an indicator the standard does not use is not counted (waste treatment before 2027)', () => {
    const r = crossCheckScores([{ area: 'rural', incomeScore: 120, deprivationScore: 30, deprivations: { ...flags('latrine', 'telecom', 'nutrition'), 'waste-treatment': true } }], { asOf });
    expect(r.ok).toBe(true);
  });

  it('B that is not a whole number of indicators is a finding', () => {
    const r = crossCheckScores([{ area: 'rural', incomeScore: 120, deprivationScore: 25 }], { asOf });
    expect(r.findings.map((f) => f.code)).toEqual(['deprivation-score-not-multiple']);
  });

  it('score A and income on different sides of the line: says which disagree', () => {
    // 4 members, 6,400,000 đồng = 1,600,000 per head > 1,500,000 but A = 138 ≤ 140
    const r = crossCheckScores([{ id: 'h4', area: 'rural', incomeScore: 138, deprivationScore: 10, monthlyIncome: 6_400_000n, memberCount: 4 }], { asOf });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'income-score-disagrees', field: 'incomeScore', printed: '138' });
    expect(r.findings[0]?.message).toContain('income score A = 138 ≤ 140 points but income 6.400.000 đồng for 4 members is above 1.500.000 đồng per head');
    // the average-living ceiling has no score line: nothing to compare there
    expect(crossCheckScores([{ area: 'rural', incomeScore: 150, deprivationScore: 0, monthlyIncome: 6_400_000n, memberCount: 4 }], { asOf }).ok).toBe(true);
  });

  it('a printed status the scores do not give is a finding; average and non-poor agree when the rule has no band in points', () => {
    const r = crossCheckScores(
      [
        { area: 'urban', incomeScore: 170, deprivationScore: 30, status: 'near-poor' },
        { area: 'urban', incomeScore: 180, deprivationScore: 30, status: 'average' },
      ],
      { asOf },
    );
    expect(r.findings.map((f) => [f.row, f.code, f.printed, f.expected])).toEqual([[0, 'status-disagrees', 'near-poor', 'poor by the scores']]);
  });

  it('a score the 2016–2020 rule leaves cut off is a finding, not a guess', () => {
    const r = crossCheckScores([{ area: 'rural', incomeScore: 130, deprivationScore: 30 }], { asOf: '2018-01-01' });
    expect(r.findings.map((f) => f.code)).toEqual(['score-rule-cut-off']);
  });

  it('malformed rows are errors listing every row', () => {
    const issues = thrownIssues(() => crossCheckScores([{ area: 'rural', incomeScore: 1, deprivationScore: 0, memberCount: 0 }, { area: 'rural', incomeScore: 'x', deprivationScore: 0 }], { asOf }));
    expect(issues.map((i) => i.path)).toEqual([
      [0, 'memberCount'],
      [1, 'incomeScore'],
    ]);
    expect(firstIssue(() => crossCheckScores([], { asOf: '2030-01-01' })).code).toBe('no-score-rule');
  });

  it('is pure', () => {
    expectPure(crossCheckScores, [{ area: 'rural', incomeScore: 120, deprivationScore: 20, deprivations: flags('latrine') }], { asOf });
  });

  describe('properties', () => {
    it('B = 10 × flags set never gives a deprivation finding; any other multiple of 10 always does', () => {
      fc.assert(
        fc.property(flagsArb(ND07_2021), fc.integer({ min: -12, max: 12 }), (f, shift) => {
          const set = Object.values(f).filter(Boolean).length;
          const b = 10 * (set + shift);
          fc.pre(b >= 0);
          const r = crossCheckScores([{ area: 'rural', incomeScore: 100, deprivationScore: b, deprivations: f }], { asOf });
          expect(r.findings.some((x) => x.code === 'deprivation-score-mismatch')).toBe(shift !== 0);
        }),
      );
    });
  });
});

describe('crossCheckScores: flag keys', () => {
  it('a flag key that is no indicator of any standard is refused, naming it', () => {
    const issue = firstIssue(() => crossCheckScores([{ area: 'rural', incomeScore: 120, deprivationScore: 10, deprivations: { 'safe-water': true } }], { asOf }));
    expect(issue.path).toEqual([0, 'deprivations', 'safe-water']);
  });
});
