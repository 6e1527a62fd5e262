import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHousehold } from '../../src/standards/classifyHousehold.js';
import { classifyHouseholds } from '../../src/standards/classifyHouseholds.js';
import { INDICATOR_IDS } from '../../src/standards/indicators.js';
import { ND07_2021, ND351_2025, POVERTY_STANDARDS, QD59_2015 } from '../../src/standards/standards.js';
import { thrownIssues } from '../_helpers/errors.js';

/** One register row with a flag for every indicator of every built-in standard (15 ids). */
const allFlags = (deprived: readonly string[]): Record<string, boolean> => Object.fromEntries(INDICATOR_IDS.map((id) => [id, deprived.includes(id)]));
const row = (monthlyIncome: number, deprived: readonly string[]) => ({
  area: 'rural' as const,
  monthlyIncome,
  members: [{ age: 40 }, { age: 38 }, { age: 12 }, { age: 9 }],
  deprivations: allFlags(deprived),
});

describe('one record, any standard: flags for indicators a standard does not use are ignored with a note', () => {
  // 4 members, 4,000,000 đồng = 1,000,000 per head; deprived in employment, nutrition, latrine, waste treatment, health access
  const h = row(4_000_000, ['employment', 'nutrition', 'latrine', 'waste-treatment', 'health-access']);

  it('classifies the same record under QĐ 59/2015, NĐ 07/2021 and NĐ 351/2025', () => {
    const r2018 = classifyHousehold(h, { asOf: '2018-06-01' });
    const r2024 = classifyHousehold(h, { asOf: '2024-06-01' });
    const r2028 = classifyHousehold(h, { asOf: '2028-06-01' });
    // QĐ 59: 1,000,000 ≤ 1,000,000 near-poverty line; deprived: health-access, latrine → 2 < 3
    expect([r2018.standard.id, r2018.status, r2018.deprivations]).toEqual(['qd-59-2015', 'near-poor', ['health-access', 'latrine']]);
    expect(r2018.ignoredFlags).toEqual(['employment', 'dependants', 'nutrition', 'information-devices', 'waste-treatment']);
    // NĐ 07: ≤ 1,500,000; employment, nutrition, latrine → 3
    expect([r2024.standard.id, r2024.status, r2024.deprivationCount]).toEqual(['nd-07-2021', 'poor', 3]);
    expect(r2024.ignoredFlags).toEqual(['health-access', 'information-assets', 'waste-treatment']);
    // NĐ 351: ≤ 2,200,000; employment, nutrition, latrine, waste treatment → 4
    expect([r2028.standard.id, r2028.status, r2028.deprivationCount]).toEqual(['nd-351-2025', 'poor', 4]);
    expect(r2028.ignoredFlags).toEqual(['health-access', 'information-devices', 'information-assets']);
  });

  it('strict mode refuses every unused flag, naming each', () => {
    const issues = thrownIssues(() => classifyHousehold(h, { asOf: '2024-06-01', onUnusedFlag: 'error' }));
    expect(issues.map((i) => i.path)).toEqual([
      ['deprivations', 'health-access'],
      ['deprivations', 'information-assets'],
      ['deprivations', 'waste-treatment'],
    ]);
    expect(thrownIssues(() => classifyHousehold(h, { asOf: '2024-06-01', onUnusedFlag: 'strict' as 'error' }))[0].code).toBe('invalid-option');
  });

  it('a register keeps its flags across the 2021/2022 and 2026/2027 switches', () => {
    const register = [h, row(9_000_000, []), row(5_000_000, ['telecom'])];
    for (const asOf of ['2021-12-31', '2022-01-01', '2026-12-31', '2027-01-01']) {
      const r = classifyHouseholds(register, { asOf });
      expect(r.results).toHaveLength(3);
    }
  });

  describe('properties', () => {
    it('flags of unused indicators never change a result: adding them only adds ignoredFlags', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...POVERTY_STANDARDS),
          fc.integer({ min: 0, max: 12_000_000 }),
          fc.array(fc.boolean(), { minLength: INDICATOR_IDS.length, maxLength: INDICATOR_IDS.length }),
          (standard, income, bits) => {
            const asOf = standard.effectiveFrom;
            const used = new Set<string>(standard.indicators.map((i) => i.id));
            const flags = Object.fromEntries(INDICATOR_IDS.map((id, i) => [id, bits[i] ?? false]));
            const own = Object.fromEntries(Object.entries(flags).filter(([id]) => used.has(id)));
            const base = { area: 'urban' as const, monthlyIncome: income, members: [{ age: 40 }, { age: 41 }] };
            const a = classifyHousehold({ ...base, deprivations: own }, { asOf, onConflict: 'use-flag' });
            const b = classifyHousehold({ ...base, deprivations: flags }, { asOf, onConflict: 'use-flag' });
            expect(b.status).toBe(a.status);
            expect(b.deprivations).toEqual(a.deprivations);
            expect(b.ignoredFlags).toEqual(INDICATOR_IDS.filter((id) => !used.has(id)));
          },
        ),
      );
    });
  });

  it('the standards used cover the three decrees', () => {
    expect([QD59_2015, ND07_2021, ND351_2025].map((s) => s.id)).toEqual(POVERTY_STANDARDS.map((s) => s.id));
  });
});
