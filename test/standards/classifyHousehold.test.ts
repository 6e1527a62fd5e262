import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHousehold, type HouseholdClassification } from '../../src/standards/classifyHousehold.js';
import type { Area, HouseholdInput } from '../../src/standards/household.js';
import { statusRank, type HouseholdStatus } from '../../src/standards/householdStatus.js';
import { ND07_2021, ND351_2025, POVERTY_STANDARDS, QD59_2015, type PovertyStandard } from '../../src/standards/standards.js';
import { asOfArb, factHouseholdArb, flagHouseholdArb } from '../arbitraries/household.js';
import { expectDeepFrozen, expectPure } from '../_helpers/purity.js';
import { issueCodes, thrownIssues } from '../_helpers/errors.js';

/** Indicators that ages alone never decide, so flags on them never conflict with an adults-only household. */
const FREE_IDS = ['health-insurance', 'water-source', 'latrine', 'telecom'] as const;

/**
 * An adults-only household of `n` members with income per head `perHead` plus `extra` đồng in
 * total, deprived in the first `deprived` of {@link FREE_IDS} and in nothing else.
 */
function household(standard: PovertyStandard, area: Area, perHead: bigint, n: number, deprived: number, extra = 0n): HouseholdInput {
  const flags = Object.fromEntries(standard.indicators.map((i) => [i.id, FREE_IDS.slice(0, deprived).includes(i.id as never)]));
  return {
    area,
    monthlyIncome: perHead * BigInt(n) + extra,
    members: Array.from({ length: n }, (_, i) => ({ age: 35 + i, work: 'self-employed' as const, monthlySocialAllowance: false })),
    deprivations: flags,
  };
}

describe('classifyHousehold: NĐ 07/2021 Art. 3 (2022–2026), every boundary', () => {
  const asOf = '2024-06-30';
  for (const [area, line, ceiling] of [
    ['rural', 1_500_000n, 2_250_000n],
    ['urban', 2_000_000n, 3_000_000n],
  ] as const) {
    it(`${area}: income per head exactly at ${line} ("từ ... trở xuống" includes it) with 3 deprivations is poor`, () => {
      const r = classifyHousehold(household(ND07_2021, area, line, 4, 3), { asOf });
      expect(r.status).toBe('poor');
      expect(r.rule.id).toBe('poor');
      expect(r.rule.source).toBe('NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(a)');
      expect(r.line).toBe(line);
      expect(r.incomeAtOrBelowLine).toBe(true);
      expect(r.incomePerHead.toString()).toBe(line.toString());
      expect(r.deprivations).toEqual(['health-insurance', 'water-source', 'latrine']);
    });
    it(`${area}: at the line with 2 deprivations is near-poor ("dưới 03 chỉ số")`, () => {
      const r = classifyHousehold(household(ND07_2021, area, line, 4, 2), { asOf });
      expect(r.status).toBe('near-poor');
      expect(r.rule.source).toBe('NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(b)');
      expect(r.deprivationCount).toBe(2);
    });
    it(`${area}: at the line with 0 deprivations is near-poor, not poor (no income-only path since 2022)`, () => {
      expect(classifyHousehold(household(ND07_2021, area, line, 3, 0), { asOf }).status).toBe('near-poor');
    });
    it(`${area}: one đồng above line × members is average ("trên ${line}"), even with 4 deprivations`, () => {
      const r = classifyHousehold(household(ND07_2021, area, line, 4, 4, 1n), { asOf });
      expect(r.status).toBe('average');
      expect(r.line).toBe(ceiling);
      expect(r.rule.confirmation).toBe('SECONDARY');
    });
    it(`${area}: one đồng above the line for a household of 3 (income per head not a whole number) is average`, () => {
      const r = classifyHousehold(household(ND07_2021, area, line, 3, 3, 1n), { asOf });
      expect(r.status).toBe('average');
      expect(r.incomePerHeadExact).toEqual({ num: line * 3n + 1n, den: 3n });
      expect(r.explanation).toContain('≈');
    });
    it(`${area}: exactly at the average ceiling ${ceiling} ("đến ${ceiling}" includes it) is average; one đồng more is non-poor`, () => {
      expect(classifyHousehold(household(ND07_2021, area, ceiling, 5, 0), { asOf }).status).toBe('average');
      const above = classifyHousehold(household(ND07_2021, area, ceiling, 5, 0, 1n), { asOf });
      expect(above.status).toBe('non-poor');
      expect(above.rule.id).toBe('above-lines');
      expect(above.incomeAtOrBelowLine).toBe(false);
    });
  }

  it('a rural line does not apply to an urban household: 1,800,000 per head is average rurally, near-poor in town', () => {
    expect(classifyHousehold(household(ND07_2021, 'rural', 1_800_000n, 2, 1), { asOf }).status).toBe('average');
    expect(classifyHousehold(household(ND07_2021, 'urban', 1_800_000n, 2, 1), { asOf }).status).toBe('near-poor');
  });

  it('explains the decision with the rule, the Vietnamese terms and the exact comparison', () => {
    const r = classifyHousehold(household(ND07_2021, 'rural', 1_500_000n, 4, 3), { asOf });
    expect(r.explanation).toContain('Poor (hộ nghèo)');
    expect(r.explanation).toContain('1.500.000 đồng per head ≤ 1.500.000 đồng (chuẩn nghèo, khu vực nông thôn)');
    expect(r.explanation).toContain('[exact: 6.000.000 ≤ 1.500.000 × 4]');
    expect(r.explanation).toContain('3 ≥ 3 (thiếu hụt từ 03 chỉ số trở lên)');
    expect(r.explanation).toContain('NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(a)');
    expect(r.statusVi).toBe('hộ nghèo');
  });

  it('applies in 2026 (NĐ 351/2025 keeps Art. 3 of NĐ 07/2021 for 2026)', () => {
    const r = classifyHousehold(household(ND07_2021, 'urban', 2_000_000n, 2, 3), { asOf: '2026-12-31' });
    expect(r.standard.id).toBe('nd-07-2021');
    expect(r.status).toBe('poor');
  });
});

describe('classifyHousehold: QĐ 59/2015 (2016–2021), two lines per area', () => {
  const asOf = '2019-10-01';
  for (const [area, lower, upper, ceiling] of [
    ['rural', 700_000n, 1_000_000n, 1_500_000n],
    ['urban', 900_000n, 1_300_000n, 1_950_000n],
  ] as const) {
    it(`${area}: at the lower line ${lower} is poor on income alone, with no deprivation`, () => {
      const r = classifyHousehold(household(QD59_2015, area, lower, 4, 0), { asOf });
      expect(r.status).toBe('poor');
      expect(r.rule.id).toBe('income-only-poor');
      expect(r.line).toBe(lower);
      expect(r.rule.source).toBe('QĐ 59/2015/QĐ-TTg, Art. 2 cl. 1');
    });
    it(`${area}: one đồng above the lower line: 3 deprivations → poor, 2 → near-poor`, () => {
      const poor = classifyHousehold(household(QD59_2015, area, lower, 4, 3, 1n), { asOf });
      expect(poor.status).toBe('poor');
      expect(poor.rule.id).toBe('poor');
      expect(poor.line).toBe(upper);
      expect(classifyHousehold(household(QD59_2015, area, lower, 4, 2, 1n), { asOf }).status).toBe('near-poor');
    });
    it(`${area}: at the near-poverty line ${upper}: 3 → poor, 2 → near-poor; one đồng above → average`, () => {
      expect(classifyHousehold(household(QD59_2015, area, upper, 2, 3), { asOf }).status).toBe('poor');
      expect(classifyHousehold(household(QD59_2015, area, upper, 2, 2), { asOf }).status).toBe('near-poor');
      expect(classifyHousehold(household(QD59_2015, area, upper, 2, 4, 1n), { asOf }).status).toBe('average');
    });
    it(`${area}: at the average ceiling ${ceiling} is average; one đồng above is non-poor`, () => {
      expect(classifyHousehold(household(QD59_2015, area, ceiling, 3, 0), { asOf }).status).toBe('average');
      expect(classifyHousehold(household(QD59_2015, area, ceiling, 3, 0, 1n), { asOf }).status).toBe('non-poor');
    });
  }
  it('uses QĐ 59 indicators: an NĐ 07-only indicator flag is ignored with a note, or refused with onUnusedFlag: error', () => {
    const h = { ...household(QD59_2015, 'rural', 800_000n, 2, 0), deprivations: { ...household(QD59_2015, 'rural', 800_000n, 2, 0).deprivations, employment: true } };
    const r = classifyHousehold(h, { asOf });
    expect(r.status).toBe('near-poor');
    expect(r.ignoredFlags).toEqual(['employment']);
    expect(r.deprivations).not.toContain('employment');
    expect(r.explanation).toContain('Flags ignored, not indicators of qd-59-2015: employment.');
    expect(issueCodes(() => classifyHousehold(h, { asOf, onUnusedFlag: 'error' }))).toEqual(['unknown-indicator']);
  });
  it('a flag key that is no indicator of any standard is always refused (a typo must not drop a flag)', () => {
    const h = { ...household(QD59_2015, 'rural', 800_000n, 2, 0), deprivations: { 'safe-water': true } };
    expect(issueCodes(() => classifyHousehold(h, { asOf }))).toEqual(['unknown-indicator']);
  });
});

describe('classifyHousehold: NĐ 351/2025 (2027–2030)', () => {
  const asOf = '2028-03-01';
  for (const [area, line] of [
    ['rural', 2_200_000n],
    ['urban', 2_800_000n],
  ] as const) {
    it(`${area}: at ${line} with 3 deprivations is poor, with 2 near-poor; one đồng above is non-poor (no average band known)`, () => {
      expect(classifyHousehold(household(ND351_2025, area, line, 4, 3), { asOf }).status).toBe('poor');
      expect(classifyHousehold(household(ND351_2025, area, line, 4, 2), { asOf }).status).toBe('near-poor');
      const above = classifyHousehold(household(ND351_2025, area, line, 4, 3, 1n), { asOf });
      expect(above.status).toBe('non-poor');
      expect(above.line).toBe(line);
    });
  }
});

describe('classifyHousehold: the same household across the changes of standard', () => {
  it('2021-12-31 vs 2022-01-01: rural, 1,200,000 per head, 3 deprivations: average under QĐ 59, poor under NĐ 07', () => {
    const before = classifyHousehold(household(QD59_2015, 'rural', 1_200_000n, 4, 3), { asOf: '2021-12-31' });
    const after = classifyHousehold(household(ND07_2021, 'rural', 1_200_000n, 4, 3), { asOf: '2022-01-01' });
    expect([before.standard.id, before.status]).toEqual(['qd-59-2015', 'average']);
    expect([after.standard.id, after.status]).toEqual(['nd-07-2021', 'poor']);
  });
  it('2021-12-31 vs 2022-01-01: urban, 850,000 per head, no deprivation: poor (income only) then near-poor', () => {
    expect(classifyHousehold(household(QD59_2015, 'urban', 850_000n, 3, 0), { asOf: '2021-12-31' }).status).toBe('poor');
    expect(classifyHousehold(household(ND07_2021, 'urban', 850_000n, 3, 0), { asOf: '2022-01-01' }).status).toBe('near-poor');
  });
  it('2026-12-31 vs 2027-01-01: rural, 2,000,000 per head, 3 deprivations: average then poor', () => {
    expect(classifyHousehold(household(ND07_2021, 'rural', 2_000_000n, 4, 3), { asOf: '2026-12-31' }).status).toBe('average');
    const after = classifyHousehold(household(ND351_2025, 'rural', 2_000_000n, 4, 3), { asOf: '2027-01-01' });
    expect([after.standard.id, after.status]).toEqual(['nd-351-2025', 'poor']);
  });
  it('2026-12-31 vs 2027-01-01: urban, 2,500,000 per head, 1 deprivation: average then near-poor', () => {
    expect(classifyHousehold(household(ND07_2021, 'urban', 2_500_000n, 2, 1), { asOf: '2026-12-31' }).status).toBe('average');
    expect(classifyHousehold(household(ND351_2025, 'urban', 2_500_000n, 2, 1), { asOf: '2027-01-01' }).status).toBe('near-poor');
  });
});

describe('classifyHousehold: indicators from facts', () => {
  const asOf = '2023-11-15';
  const base = {
    area: 'rural' as const,
    monthlyIncome: 5_400_000n,
    members: [
      { age: 42, work: 'wage-without-contract' as const, healthInsurance: true, education: 'lower-secondary' as const, monthlySocialAllowance: false },
      { age: 39, work: 'self-employed' as const, healthInsurance: false, education: 'primary' as const, monthlySocialAllowance: false },
      { age: 12, healthInsurance: true, attendingSchool: true, malnourished: false },
      { age: 8, healthInsurance: true, attendingSchool: true, malnourished: true },
    ],
    dwelling: { walls: 'durable' as const, columns: 'durable' as const, roof: 'non-durable' as const, floorArea: '31.5' },
    safeWater: true,
    hygienicLatrine: true,
    telecom: true,
    informationDevices: ['smartphone' as const],
  };

  it('computes each NĐ 07 indicator from the facts (nutrition under 16: seed 001 line 100)', () => {
    const r = classifyHousehold(base, { asOf });
    // employment (wage work without a contract), nutrition (8-year-old stunted), health insurance (one adult without a card),
    // housing area (31.5 m² < 8 × 4 = 32 m²)
    expect(r.deprivations).toEqual(['employment', 'nutrition', 'health-insurance', 'housing-area']);
    expect(r.indicators.every((i) => i.origin === 'facts')).toBe(true);
    expect(r.status).toBe('poor');
    expect(r.incomePerHead.toString()).toBe('1350000');
  });

  it('housing area: exactly 8 m² per person is not deprived (the threshold is "below 8 m²")', () => {
    const r = classifyHousehold({ ...base, dwelling: { ...base.dwelling, floorArea: 32 } }, { asOf });
    expect(r.deprivations).not.toContain('housing-area');
  });

  it('dependants: exactly half the members dependent is not "more than 50%"; more than half is', () => {
    expect(classifyHousehold(base, { asOf }).deprivations).not.toContain('dependants');
    const grandma = { age: 80, monthlySocialAllowance: true, healthInsurance: true, work: 'not-working' as const };
    expect(classifyHousehold({ ...base, members: [...base.members, grandma] }, { asOf }).deprivations).toContain('dependants');
  });

  it('housing quality: 2 of 3 structures non-durable is deprived', () => {
    const r = classifyHousehold({ ...base, dwelling: { ...base.dwelling, walls: 'non-durable' } }, { asOf });
    expect(r.deprivations).toContain('housing-quality');
  });

  it('facts and agreeing flags: origin "both"', () => {
    const r = classifyHousehold({ ...base, deprivations: { employment: true, latrine: false } }, { asOf });
    expect(r.indicators.find((i) => i.id === 'employment')?.origin).toBe('both');
    expect(r.conflicts).toEqual([]);
  });

  it('a flag that disagrees with the facts is an issue naming the indicator, not a silent choice', () => {
    const h = { ...base, deprivations: { employment: false, latrine: true } };
    const issues = thrownIssues(() => classifyHousehold(h, { asOf }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['indicator-conflict', ['deprivations', 'employment']],
      ['indicator-conflict', ['deprivations', 'latrine']],
    ]);
    expect(issues[0].rule?.term).toBe('việc làm');
    const useFlag = classifyHousehold(h, { asOf, onConflict: 'use-flag' });
    expect(useFlag.conflicts).toEqual([
      { id: 'employment', flag: false, computed: true, used: false },
      { id: 'latrine', flag: true, computed: false, used: true },
    ]);
    expect(useFlag.explanation).toContain('Conflicting flags resolved');
    expect(classifyHousehold(h, { asOf, onConflict: 'use-facts' }).deprivations).toEqual(classifyHousehold(base, { asOf }).deprivations);
  });

  it('a replaced predicate changes only its indicator', () => {
    const r = classifyHousehold(base, { asOf, predicates: { 'housing-area': () => false } });
    expect(r.deprivations).toEqual(['employment', 'nutrition', 'health-insurance']);
    expect(issueCodes(() => classifyHousehold(base, { asOf, predicates: { 'waste-treatment': () => true } }))).toEqual(['unknown-indicator']);
  });

  it('missing facts are fine when they cannot change the status, an error when they can', () => {
    const rich = classifyHousehold({ area: 'urban', monthlyIncome: 50_000_000, members: [{ age: 30 }] }, { asOf });
    expect(rich.status).toBe('non-poor');
    expect(rich.undetermined.length).toBeGreaterThan(0);
    expect(rich.explanation).toContain('Undetermined, without effect on the status');
    expect(issueCodes(() => classifyHousehold({ area: 'urban', monthlyIncome: 1_000_000, members: [{ age: 30 }] }, { asOf }))).toEqual(['undetermined-indicators']);
    // three known deprivations settle it whatever the rest are
    const poor = classifyHousehold({ area: 'urban', monthlyIncome: 1_000_000, members: [{ age: 30 }], safeWater: false, hygienicLatrine: false, telecom: false }, { asOf });
    expect(poor.status).toBe('poor');
  });
});

describe('classifyHousehold: bad input gets a typed error naming the field and the rule', () => {
  const asOf = '2024-01-01';
  const ok = household(ND07_2021, 'rural', 1_000_000n, 2, 3);
  it('negative income', () => {
    const [i] = thrownIssues(() => classifyHousehold({ ...ok, monthlyIncome: -1 }, { asOf }));
    expect([i.code, i.path, i.value]).toEqual(['invalid-input', ['monthlyIncome'], -1]);
    expect(i.expected).toMatch(/cannot be negative/);
    expect(i.rule?.term).toBe('rà soát hộ nghèo, hộ cận nghèo');
  });
  it('fractional or float income, NaN', () => {
    expect(issueCodes(() => classifyHousehold({ ...ok, monthlyIncome: 1.5 }, { asOf }))).toEqual(['invalid-input']);
    expect(issueCodes(() => classifyHousehold({ ...ok, monthlyIncome: Number.NaN }, { asOf }))).toEqual(['invalid-input']);
    expect(issueCodes(() => classifyHousehold({ ...ok, monthlyIncome: '1.000.000' }, { asOf }))).toEqual(['invalid-input']);
  });
  it('a member without an age', () => {
    // @ts-expect-error the types refuse a member without an age; the schema refuses it at run time
    const [i] = thrownIssues(() => classifyHousehold({ ...ok, members: [{ age: 30 }, {}] }, { asOf }));
    expect([i.code, i.path]).toEqual(['missing-field', ['members', 1, 'age']]);
  });
  it('no members, an unknown area, an unknown fact', () => {
    expect(thrownIssues(() => classifyHousehold({ ...ok, members: [] }, { asOf }))[0].path).toEqual(['members']);
    // @ts-expect-error the types refuse an unknown area; the schema refuses it at run time
    const [a] = thrownIssues(() => classifyHousehold({ ...ok, area: 'suburban' }, { asOf }));
    expect([a.code, a.path, a.value]).toEqual(['invalid-input', ['area'], 'suburban']);
    // @ts-expect-error the types refuse an unknown fact (a typo of safeWater); so does the schema
    expect(thrownIssues(() => classifyHousehold({ ...ok, safewater: true }, { asOf }))[0].code).toBe('invalid-input');
  });
  it('a date outside every standard, a standard not in force, a malformed date', () => {
    const [i] = thrownIssues(() => classifyHousehold(ok, { asOf: '2015-12-31' }));
    expect([i.code, i.path, i.value]).toEqual(['no-standard-in-force', ['asOf'], '2015-12-31']);
    expect(i.rule?.source).toMatch(/NĐ 07\/2021/);
    expect(issueCodes(() => classifyHousehold(ok, { asOf: '2031-01-01' }))).toEqual(['no-standard-in-force']);
    expect(issueCodes(() => classifyHousehold(ok, { asOf: '2024-01-01', standard: QD59_2015 }))).toEqual(['standard-not-in-force']);
    expect(issueCodes(() => classifyHousehold(ok, { asOf: '01/01/2024' }))).toEqual(['invalid-date']);
  });
  it('a malformed caller standard', () => {
    const broken = { ...ND07_2021, lines: { ...ND07_2021.lines, urban: { poverty: 3_000_000n, averageCeiling: 2_000_000n } } };
    const [i] = thrownIssues(() => classifyHousehold(ok, { asOf, standard: broken }));
    expect([i.code, i.path]).toEqual(['invalid-standard', ['standard', 'lines', 'urban', 'averageCeiling']]);
  });
  it('an unknown onConflict', () => {
    expect(issueCodes(() => classifyHousehold(ok, { asOf, onConflict: 'guess' as never }))).toEqual(['invalid-option']);
  });
});

describe('classifyHousehold: a local standard is one object away', () => {
  it('a province with a higher urban line classifies by it and cites it', () => {
    const local: PovertyStandard = {
      ...ND07_2021,
      id: 'local-2022',
      source: 'local resolution (example)',
      effectiveFrom: ND07_2021.effectiveFrom,
      effectiveTo: '2025-12-31' as PovertyStandard['effectiveTo'],
      lines: { ...ND07_2021.lines, urban: { poverty: 2_500_000n, averageCeiling: 3_750_000n } },
    };
    const h = household(ND07_2021, 'urban', 2_400_000n, 3, 3);
    expect(classifyHousehold(h, { asOf: '2023-01-01' }).status).toBe('average');
    const r = classifyHousehold(h, { asOf: '2023-01-01', standard: local });
    expect([r.status, r.standard.id, r.line]).toEqual(['poor', 'local-2022', 2_500_000n]);
    expect(classifyHousehold(h, { asOf: '2023-01-01', standards: [local] }).standard.id).toBe('local-2022');
  });
});

describe('classifyHousehold: purity', () => {
  it('does not mutate its input, returns a deep-frozen result, same input same output', () => {
    const h = household(ND07_2021, 'urban', 1_999_999n, 3, 3);
    const r = expectPure(classifyHousehold, h, { asOf: '2025-05-05' });
    expect(r.status).toBe('poor');
  });
});

const rank = (r: HouseholdClassification): number => statusRank(r.status);

describe('properties', () => {
  for (const standard of POVERTY_STANDARDS) {
    describe(standard.id, () => {
      it('more income never makes a household poorer', () => {
        fc.assert(
          fc.property(flagHouseholdArb(standard), asOfArb(standard), fc.bigInt({ min: 1n, max: 5_000_000n }), (h, asOf, more) => {
            const o = { asOf, onConflict: 'use-flag' } as const;
            const before = classifyHousehold(h, o);
            const after = classifyHousehold({ ...h, monthlyIncome: h.monthlyIncome + more }, o);
            expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
          })
        );
      });

      it('more deprivations at the same income never make a household better off', () => {
        fc.assert(
          fc.property(flagHouseholdArb(standard), asOfArb(standard), fc.nat(), (h, asOf, pick) => {
            const o = { asOf, onConflict: 'use-flag' } as const;
            const ids = Object.keys(h.deprivations).filter((id) => !h.deprivations[id]);
            fc.pre(ids.length > 0);
            const id = ids[pick % ids.length] as string;
            const before = classifyHousehold(h, o);
            const after = classifyHousehold({ ...h, deprivations: { ...h.deprivations, [id]: true } }, o);
            expect(after.deprivationCount).toBeGreaterThanOrEqual(before.deprivationCount);
            expect(rank(after)).toBeLessThanOrEqual(rank(before));
          })
        );
      });

      it('the result does not depend on the order of members', () => {
        fc.assert(
          fc.property(
            factHouseholdArb(standard).chain((h) => fc.tuple(fc.constant(h), fc.shuffledSubarray([...h.members], { minLength: h.members.length }))),
            asOfArb(standard),
            ([h, shuffled], asOf) => {
              const a = classifyHousehold(h, { asOf });
              const b = classifyHousehold({ ...h, members: shuffled }, { asOf });
              expect(b.status).toBe(a.status);
              expect(b.deprivations).toEqual(a.deprivations);
              expect(b.explanation).toBe(a.explanation);
            },
          )
        );
      });

      it('status agrees with the rule written out by hand (income ≤ line × members, ≥ 3 deprivations)', () => {
        fc.assert(
          fc.property(flagHouseholdArb(standard), asOfArb(standard), (h, asOf) => {
            const r = classifyHousehold(h, { asOf, onConflict: 'use-flag' });
            const l = standard.lines[h.area];
            const n = BigInt(h.members.length);
            const inc = h.monthlyIncome;
            const expected: HouseholdStatus =
              l.incomeOnlyPoor !== undefined && inc <= l.incomeOnlyPoor * n
                ? 'poor'
                : inc <= l.poverty * n
                  ? r.deprivationCount >= 3
                    ? 'poor'
                    : 'near-poor'
                  : l.averageCeiling !== undefined && inc <= l.averageCeiling * n
                    ? 'average'
                    : 'non-poor';
            expect(r.status).toBe(expected);
            // the exact per-head value matches the comparison
            const perHead = r.incomePerHeadExact;
            expect(perHead.num * n).toBe(inc * perHead.den);
          })
        );
      });

      it('inputs are never mutated and outputs are frozen', () => {
        fc.assert(
          fc.property(factHouseholdArb(standard), asOfArb(standard), (h, asOf) => {
            const copy = structuredClone(h);
            const r = classifyHousehold(h, { asOf });
            expect(h).toEqual(copy);
            expectDeepFrozen(r);
          })
        );
      });
    });
  }
});

describe('types', () => {
  it('result fields are readonly and statuses are literals (checked by tsc)', () => {
    const r = classifyHousehold(household(ND07_2021, 'rural', 1_000_000n, 2, 3), { asOf: '2024-01-01' });
    const s: 'poor' | 'near-poor' | 'average' | 'non-poor' = r.status;
    expect(s).toBe('poor');
    const typeOnly = (): void => {
      // @ts-expect-error the result is readonly
      r.status = 'non-poor';
      // @ts-expect-error deprivations is a readonly list
      r.deprivations.push('latrine');
      // @ts-expect-error asOf is required
      classifyHousehold(household(ND07_2021, 'rural', 1n, 1, 0), {});
      // @ts-expect-error onConflict takes three literals
      classifyHousehold(household(ND07_2021, 'rural', 1n, 1, 0), { asOf: '2024-01-01', onConflict: 'guess' });
      // @ts-expect-error no such indicator id
      classifyHousehold(household(ND07_2021, 'rural', 1n, 1, 0), { asOf: '2024-01-01', predicates: { wellbeing: () => true } });
    };
    expect(typeof typeOnly).toBe('function');
  });
});

describe('examples/register.ts', () => {
  it('reports the twelve households with their statuses and rules', async () => {
    const { report } = await import('../../examples/register.js');
    const text = report();
    expect(text).toContain('R01 Lò Văn An [rural, 4 members]: POOR (hộ nghèo)');
    expect(text).toContain('R03 Vàng A Chớ [rural, 4 members]: AVERAGE');
    expect(text).toContain('U02 Lê Thị Lan [urban, 3 members]: AVERAGE');
    expect(text).toContain('Households by status: hộ nghèo 3, hộ cận nghèo 3, hộ có mức sống trung bình 4, hộ không nghèo 2');
  });
});
