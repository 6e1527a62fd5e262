import { describe, expect, it } from 'vitest';
import { incomePovertyEstimates } from '../../src/measures/incomePovertyEstimates.js';
import { surveyDesign } from '../../src/measures/surveyDesign.js';
import { fgt } from '../../src/measures/fgt.js';
import { readFixture } from '../_helpers/fixtures.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';
import { readSynCdta } from './_synCdta.js';

// The synthetic income of scripts/r-reference-se.R on syn_cdta round 1 (complete rows):
// 400 + 7·(row mod 97) + 60 when neither d_elct nor d_hsg; lines 700 (area 0) and 760 (area 1).
const round1 = readSynCdta().filter((r) => r.t === 1 && r.deprivations.every((d) => d !== null));
const units = round1.map((r, i) => ({ income: 400 + 7 * (i % 97) + (r.deprivations[4] === 0 && r.deprivations[7] === 0 ? 60 : 0), area: String(r.area), group: r.area }));
const design = surveyDesign({ strata: round1.map((r) => r.stratum), psus: round1.map((r) => r.psu), weights: round1.map((r) => r.weight) });
const options = { line: { '0': 700, '1': 760 }, income: 'per-head', countBy: 'units', design, measures: ['fgt0', 'fgt1', 'fgt2', 'watts', 'sen', 'sst', 'gini'] } as const;

describe('incomePovertyEstimates', () => {
  const result = incomePovertyEstimates(units, { ...options, interval: { level: '0.95', method: 'logit', distribution: 't' } });
  const reference = readFixture('syn_cdta-se-reference.csv')
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('income,'))
    .map((l) => l.split(','));

  it('FGT(0, 1, 2) and Watts with linearised SEs equal R survey (svymean on the same design) to 1e-12', () => {
    expect(reference).toHaveLength(12);
    for (const [, measure, level, group, , estimate, se] of reference) {
      const row = result.rows.find((r) => r.measure === measure && r.level === level && (r.group ?? '') === group);
      expect(row, `${measure} ${level} ${group}`).toBeDefined();
      expect(Math.abs((row?.estimateDecimal?.toNumber() ?? 0) - Number(estimate)) / Number(estimate)).toBeLessThan(1e-12);
      expect(Math.abs((row?.se?.toNumber() ?? 0) - Number(se)) / Number(se)).toBeLessThan(1e-12);
    }
  });

  it('the FGT rows are the exact values of fgt(); Sen, SST and Gini have no SE', () => {
    const nat = fgt(units.map(({ income, area }) => ({ income, area })), { alpha: 2, line: options.line, income: 'per-head', countBy: 'units' });
    expect(result.rows.find((r) => r.measure === 'fgt2' && r.level === 'nat')?.estimate).toEqual(nat.exact);
    for (const m of ['sen', 'sst', 'gini']) expect(result.rows.find((r) => r.measure === m && r.level === 'nat')?.se).toBeNull();
    expect(result.rows.filter((r) => r.level === 'group').map((r) => r.group)).toContain('1');
  });

  it('is pure, and refuses units with their own weights beside a design', () => {
    expectPure(incomePovertyEstimates, [{ income: 50 }, { income: 100 }, { income: 150 }], { line: 100, income: 'per-head' as const, countBy: 'units' as const });
    expect(firstIssueCode(() => incomePovertyEstimates(units.map((u) => ({ ...u, sampleWeight: 1 })), options))).toBe('conflicting-weights');
  });
});
