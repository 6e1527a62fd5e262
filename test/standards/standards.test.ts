import { describe, expect, it } from 'vitest';
import { ND07_2021, ND351_2025, POVERTY_STANDARDS, QD59_2015, standardFor } from '../../src/standards/standards.js';
import { assertPovertyStandard } from '../../src/standards/decideStatus.js';
import { expectDeepFrozen } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';

describe('standards data', () => {
  it('holds the lines of the three standards (poverty-standards.md §1.1, §2.1, §3)', () => {
    expect(QD59_2015.lines.rural).toEqual({ incomeOnlyPoor: 700_000n, poverty: 1_000_000n, averageCeiling: 1_500_000n });
    expect(QD59_2015.lines.urban).toEqual({ incomeOnlyPoor: 900_000n, poverty: 1_300_000n, averageCeiling: 1_950_000n });
    expect(ND07_2021.lines.rural).toEqual({ poverty: 1_500_000n, averageCeiling: 2_250_000n });
    expect(ND07_2021.lines.urban).toEqual({ poverty: 2_000_000n, averageCeiling: 3_000_000n });
    expect(ND351_2025.lines.rural).toEqual({ poverty: 2_200_000n });
    expect(ND351_2025.lines.urban).toEqual({ poverty: 2_800_000n });
  });

  it('average-living ceilings of NĐ 07/2021 are 1.5 × the line in both areas', () => {
    for (const area of ['rural', 'urban'] as const) {
      const l = ND07_2021.lines[area];
      expect((l.averageCeiling ?? 0n) * 2n).toBe(l.poverty * 3n);
    }
  });

  it('has 12 indicators in 6 dimensions (NĐ 07), 10 in 5 (QĐ 59), 12 in 6 (NĐ 351 draft)', () => {
    expect(ND07_2021.indicators).toHaveLength(12);
    expect(ND07_2021.dimensions.map((d) => d.id)).toEqual(['employment', 'health', 'education', 'housing', 'water-sanitation', 'information']);
    expect(ND07_2021.dimensions.every((d) => d.indicators.length === 2)).toBe(true);
    expect(QD59_2015.indicators).toHaveLength(10);
    expect(QD59_2015.dimensions.map((d) => d.id)).toEqual(['health', 'education', 'housing', 'water-sanitation', 'information']);
    expect(ND351_2025.indicators).toHaveLength(12);
    expect(ND351_2025.dimensions).toHaveLength(6);
    expect(ND351_2025.indicators.map((i) => i.id)).not.toContain('information-devices');
    expect(ND351_2025.indicators.map((i) => i.id)).toContain('waste-treatment');
  });

  it('is frozen and well formed', () => {
    for (const s of POVERTY_STANDARDS) {
      expectDeepFrozen(s);
      expect(() => assertPovertyStandard(s)).not.toThrow();
    }
  });
});

describe('standardFor', () => {
  it('picks the standard in force at each change (2015/2016, 2021/2022, 2026/2027, 2030/2031)', () => {
    expect(firstIssueCode(() => standardFor('2015-12-31'))).toBe('no-standard-in-force');
    expect(standardFor('2016-01-01').id).toBe('qd-59-2015');
    expect(standardFor('2021-12-31').id).toBe('qd-59-2015');
    expect(standardFor('2022-01-01').id).toBe('nd-07-2021');
    expect(standardFor('2026-12-31').id).toBe('nd-07-2021');
    expect(standardFor('2027-01-01').id).toBe('nd-351-2025');
    expect(standardFor('2030-12-31').id).toBe('nd-351-2025');
    expect(firstIssueCode(() => standardFor('2031-01-01'))).toBe('no-standard-in-force');
  });

  it('accepts a Date with its zone, refuses malformed dates', () => {
    expect(standardFor({ date: new Date(Date.UTC(2022, 0, 1)), zone: 'utc' }).id).toBe('nd-07-2021');
    expect(firstIssueCode(() => standardFor('2022-02-30'))).toBe('invalid-date');
  });

  it('chooses among standards the caller gives, and refuses overlaps', () => {
    const local = { ...ND07_2021, id: 'hcmc-2021', effectiveFrom: '2022-01-01', effectiveTo: '2025-12-31' } as typeof ND07_2021;
    expect(standardFor('2023-05-05', { standards: [local] }).id).toBe('hcmc-2021');
    expect(firstIssueCode(() => standardFor('2023-05-05', { standards: [local, ND07_2021] }))).toBe('overlapping-standards');
  });
});

describe('the TSDoc examples hold', () => {
  it('decideStatus, ruleOf, statusRank, classifyColumns, classifyHousehold', async () => {
    const { decideStatus, ruleOf } = await import('../../src/standards/decideStatus.js');
    const { statusRank } = await import('../../src/standards/householdStatus.js');
    const { classifyColumns } = await import('../../src/standards/classifyColumns.js');
    const { classifyHousehold } = await import('../../src/standards/classifyHousehold.js');
    expect(decideStatus(ND07_2021, 'rural', 6_000_000n, 4n, 3).status).toBe('poor');
    expect(decideStatus(ND07_2021, 'rural', 6_000_001n, 4n, 3).status).toBe('average');
    expect(ruleOf(ND07_2021, 'near-poor')?.source).toBe('NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(b)');
    expect(ruleOf(ND07_2021, 'above-lines')).toBeUndefined();
    expect([statusRank('poor'), statusRank('non-poor')]).toEqual([0, 3]);
    const r = classifyColumns(
      { area: Uint8Array.of(0, 1), monthlyIncome: Float64Array.of(6_000_000, 8_000_004), members: Uint8Array.of(4, 4), deprivationMask: Uint16Array.of(0b111, 0) },
      { asOf: '2024-01-01' },
    );
    expect(Array.from(r.statuses)).toEqual([0, 2]);
    expect(
      classifyHousehold(
        {
          area: 'rural',
          monthlyIncome: 6_000_000,
          members: [{ age: 40 }, { age: 38 }, { age: 10 }, { age: 7 }],
          deprivations: {
            'health-insurance': true,
            latrine: true,
            telecom: true,
            employment: false,
            dependants: false,
            nutrition: false,
            'adult-education': false,
            'school-attendance': false,
            'housing-quality': false,
            'housing-area': false,
            'water-source': false,
            'information-devices': false,
          },
        },
        { asOf: '2024-01-01' },
      ).status,
    ).toBe('poor');
  });
});
