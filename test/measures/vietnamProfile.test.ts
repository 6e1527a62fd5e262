import { describe, expect, it } from 'vitest';
import { sumFractions } from '../../src/numbers/fraction.js';
import { classifyHouseholds } from '../../src/standards/classifyHouseholds.js';
import type { HouseholdInput } from '../../src/standards/household.js';
import { classifyColumns } from '../../src/standards/classifyColumns.js';
import { ND07_2021, QD59_2015 } from '../../src/standards/standards.js';
import {
  ND07_2021_AF_PROFILE,
  QD59_2015_AF_PROFILE,
  alkireFosterFromClassifications,
  alkireFosterFromColumns,
  vietnamAfProfile,
} from '../../src/measures/vietnamProfile.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { f } from '../_helpers/fractions.js';

const ND07_IDS = ND07_2021.indicators.map((i) => i.id);
const flags = (deprived: readonly string[], ids: readonly string[] = ND07_IDS): Record<string, boolean> => Object.fromEntries(ids.map((id) => [id, deprived.includes(id)]));
const adults = (n: number) => Array.from({ length: n }, () => ({ age: 40 }));

// Four households under NĐ 07/2021 (lines: rural 1,500,000, urban 2,000,000 đồng per head per month).
const register = [
  // rural, 1,000,000 per head, 3 deprivations → poor (Art. 3 cl. 2(a)); AF score 3/12
  { area: 'rural', monthlyIncome: 4_000_000, members: adults(4), deprivations: flags(['health-insurance', 'latrine', 'telecom']) },
  // rural, 3,333,333 per head, 4 deprivations → non-poor officially (income above the line), yet AF-poor
  { area: 'rural', monthlyIncome: 10_000_000, members: adults(3), deprivations: flags(['housing-quality', 'housing-area', 'water-source', 'information-devices']) },
  // urban, 1,500,000 per head, 1 deprivation → near-poor (Art. 3 cl. 2(b)); not AF-poor
  { area: 'urban', monthlyIncome: 3_000_000, members: adults(2), deprivations: flags(['dependants']) },
  // urban, 4,000,000 per head, none
  { area: 'urban', monthlyIncome: 20_000_000, members: adults(5), deprivations: flags([]) },
] satisfies readonly HouseholdInput[];

describe('Vietnam AF profiles', () => {
  it('NĐ 07/2021: 12 indicators in 6 services, 1/6 per service and 1/12 per indicator', () => {
    const p = ND07_2021_AF_PROFILE;
    expect(p.indicators).toEqual(ND07_IDS);
    expect(p.weights.dimensions.map((d) => [d.id, d.weight])).toEqual(
      ['employment', 'health', 'education', 'housing', 'water-sanitation', 'information'].map((id) => [id, f(1, 6)]),
    );
    expect(p.weights.indicators.every((i) => i.weight.num === 1n && i.weight.den === 12n)).toBe(true);
    expect(p.remarks[0]).toMatch(/not the official classification/);
  });

  it('QĐ 59/2015: 10 indicators in 5 services, 1/5 per service and 1/10 per indicator', () => {
    const p = QD59_2015_AF_PROFILE;
    expect(p.indicators).toHaveLength(10);
    expect(p.weights.dimensions).toHaveLength(5);
    expect(p.weights.dimensions.some((d) => d.id === 'employment')).toBe(false);
    expect(sumFractions(p.weights.indicators.map((i) => i.weight))).toEqual(f(1));
    expect(p.weights.indicators.every((i) => i.weight.num === 1n && i.weight.den === 10n)).toBe(true);
  });

  it('is pure', () => {
    expectPure(vietnamAfProfile, ND07_2021);
  });
});

describe('alkireFosterFromClassifications', () => {
  const results = classifyHouseholds(register, { asOf: '2024-06-30' }).results;

  it('the official statuses and the AF index disagree on purpose', () => {
    expect(results.map((r) => r.status)).toEqual(['poor', 'non-poor', 'near-poor', 'non-poor']);
  });

  it('k = 1/4 (3 of 12 deprivations), people counted: H = 7/14, A = 2/7, M0 = 1/7', () => {
    const r = alkireFosterFromClassifications(results, { cutoff: { share: f(1, 4) }, countBy: 'members' });
    expect(r.population).toEqual(f(14));
    expect(r.headcountRatio).toEqual(f(1, 2)); // 4 + 3 people of 14
    expect(r.intensity).toEqual(f(2, 7)); // (4 × 3/12 + 3 × 4/12) / 7
    expect(r.m0).toEqual(f(1, 7));
    expect(r.dimensions.find((d) => d.id === 'health')?.contribution).toEqual(f(4, 12 * 14)); // insurance, 4 people
    expect(r.dimensions.find((d) => d.id === 'housing')?.contribution).toEqual(f(2 * 3, 12 * 14)); // quality + area, 3 people
  });

  it('is pure (records and columns)', () => {
    expectPure(alkireFosterFromClassifications, results, { cutoff: { share: f(1, 4) }, countBy: 'members' as const, groupBy: 'status' as const });
    const columns = {
      area: Uint8Array.of(0, 1),
      monthlyIncome: Float64Array.of(1, 2),
      members: Uint8Array.of(3, 4),
      deprivationMask: Uint16Array.of(0b111, 0),
    };
    const r = expectPure(alkireFosterFromColumns, columns, { profile: ND07_2021_AF_PROFILE, cutoff: { share: f(1, 4) }, countBy: 'members' as const, groupBy: 'area' as const });
    expect(r.headcountRatio).toEqual(f(3, 7));
    expect(firstIssueCode(() => alkireFosterFromColumns({ ...columns, deprivationMask: Uint16Array.of(1 << 12, 0) }, { profile: ND07_2021_AF_PROFILE, cutoff: { share: f(1, 4) }, countBy: 'units' }))).toBe('invalid-deprivation');
  });

  it('households counted, decomposed by area', () => {
    const r = alkireFosterFromClassifications(results, { cutoff: { share: f(1, 4) }, countBy: 'units', groupBy: 'area' });
    expect(r.headcountRatio).toEqual(f(1, 2));
    expect(r.subgroups?.map((g) => [g.group, g.measures.headcountRatio])).toEqual([
      ['rural', f(1)],
      ['urban', f(0)],
    ]);
    expect(sumFractions((r.subgroups ?? []).map((g) => g.contributionToM0))).toEqual(r.m0);
  });

  it('the columnar path from classifyColumns gives the same result', () => {
    const n = register.length;
    const columns = {
      area: Uint8Array.from(register, (h) => (h.area === 'rural' ? 0 : 1)),
      monthlyIncome: Float64Array.from(register, (h) => h.monthlyIncome),
      members: Uint8Array.from(register, (h) => h.members.length),
      deprivationMask: Uint16Array.from(register, (h) => ND07_IDS.reduce((m, id, j) => (h.deprivations[id] ? m | (1 << j) : m), 0)),
    };
    expect(classifyColumns(columns, { asOf: '2024-06-30' }).statuses.length).toBe(n);
    const bulk = alkireFosterFromColumns(columns, { profile: ND07_2021_AF_PROFILE, cutoff: { share: f(1, 4) }, countBy: 'members' });
    const rows = alkireFosterFromClassifications(results, { cutoff: { share: f(1, 4) }, countBy: 'members' });
    expect(bulk).toEqual(rows);
  });

  it('QĐ 59/2015 results use the 10-indicator profile', () => {
    const ids = QD59_2015.indicators.map((i) => i.id);
    const old = classifyHouseholds(
      [{ area: 'rural', monthlyIncome: 2_000_000, members: adults(4), deprivations: flags(['health-access', 'telecom', 'latrine'], ids) }],
      { asOf: '2019-06-30' },
    ).results;
    const r = alkireFosterFromClassifications(old, { cutoff: { share: '0.3' }, countBy: 'units' });
    expect(r.indicators).toHaveLength(10);
    expect(r.m0).toEqual(f(3, 10));
  });

  it('refuses mixed standards and undetermined indicators without a policy', () => {
    const old = classifyHouseholds([{ area: 'rural', monthlyIncome: 2_000_000, members: adults(4), deprivations: flags([], QD59_2015.indicators.map((i) => i.id)) }], {
      asOf: '2019-06-30',
    }).results;
    expect(firstIssueCode(() => alkireFosterFromClassifications([...results, ...old], { cutoff: { share: f(1, 4) }, countBy: 'units' }))).toBe('standard-mismatch');
    expect(firstIssueCode(() => alkireFosterFromClassifications([], { cutoff: { share: f(1, 4) }, countBy: 'units' }))).toBe('empty-population');
  });

  it('an indicator the review left undetermined is missing: a policy must be chosen', () => {
    // income far above the line: the classification needs no indicator, so unflagged ones stay undetermined
    const partial = classifyHouseholds([{ area: 'urban', monthlyIncome: 50_000_000, members: adults(2), deprivations: { latrine: true } }], { asOf: '2024-06-30' }).results;
    expect(partial[0]?.undetermined.length).toBeGreaterThan(0);
    const all = [...results, ...partial];
    expect(firstIssueCode(() => alkireFosterFromClassifications(all, { cutoff: { share: f(1, 4) }, countBy: 'units' }))).toBe('missing-value');
    const dropped = alkireFosterFromClassifications(all, { cutoff: { share: f(1, 4) }, countBy: 'units', missing: 'drop-unit' });
    expect(dropped.missing.droppedUnits).toBe(1);
    expect(dropped.headcountRatio).toEqual(f(1, 2));
    const zero = alkireFosterFromClassifications(all, { cutoff: { share: f(1, 4) }, countBy: 'units', missing: 'not-deprived' });
    expect(zero.headcountRatio).toEqual(f(2, 5));
  });
});
