import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { sumClassificationCounts } from '../../src/standards/classificationCounts.js';
import { AREA_CODES, classifyColumns, type HouseholdColumns } from '../../src/standards/classifyColumns.js';
import { classifyHousehold } from '../../src/standards/classifyHousehold.js';
import { classifyHouseholds } from '../../src/standards/classifyHouseholds.js';
import { HOUSEHOLD_STATUSES } from '../../src/standards/householdStatus.js';
import { ND07_2021, POVERTY_STANDARDS, QD59_2015, type PovertyStandard } from '../../src/standards/standards.js';
import { asOfArb, flagHouseholdArb } from '../arbitraries/household.js';
import { expectDeepFrozen, expectPure } from '../_helpers/purity.js';
import { thrownIssues } from '../_helpers/errors.js';

type FlagHousehold = { area: 'rural' | 'urban'; monthlyIncome: bigint; members: readonly { age: number }[]; deprivations: Record<string, boolean> };

function toColumns(households: readonly FlagHousehold[], standard: PovertyStandard): HouseholdColumns {
  const n = households.length;
  const c = { area: new Uint8Array(n), monthlyIncome: new Float64Array(n), members: new Uint16Array(n), deprivationMask: new Uint16Array(n) };
  households.forEach((h, i) => {
    c.area[i] = AREA_CODES[h.area];
    c.monthlyIncome[i] = Number(h.monthlyIncome);
    c.members[i] = h.members.length;
    c.deprivationMask[i] = standard.indicators.reduce((m, ind, b) => (h.deprivations[ind.id] ? m | (1 << b) : m), 0);
  });
  return c;
}

/** `[code, path]` of every issue `fn` throws (it must throw a VnPovertyError). */
const codes = (fn: () => unknown): Array<[string, ReadonlyArray<string | number>]> => thrownIssues(fn).map((i) => [i.code, i.path]);

const flags = (standard: PovertyStandard, deprived: readonly string[]): Record<string, boolean> =>
  Object.fromEntries(standard.indicators.map((i) => [i.id, deprived.includes(i.id)]));

const register: FlagHousehold[] = [
  // 4 rural members at exactly 1,500,000 per head, 3 deprivations → poor
  { area: 'rural', monthlyIncome: 6_000_000n, members: [{ age: 40 }, { age: 41 }, { age: 42 }, { age: 43 }], deprivations: flags(ND07_2021, ['health-insurance', 'latrine', 'telecom']) },
  // same, 2 deprivations → near-poor
  { area: 'rural', monthlyIncome: 6_000_000n, members: [{ age: 40 }, { age: 41 }, { age: 42 }, { age: 43 }], deprivations: flags(ND07_2021, ['latrine', 'telecom']) },
  // one đồng above → average
  { area: 'rural', monthlyIncome: 6_000_001n, members: [{ age: 40 }, { age: 41 }, { age: 42 }, { age: 43 }], deprivations: flags(ND07_2021, ['latrine', 'telecom', 'water-source']) },
  // urban, well above 3,000,000 → non-poor
  { area: 'urban', monthlyIncome: 9_000_001n, members: [{ age: 40 }, { age: 41 }, { age: 42 }], deprivations: flags(ND07_2021, ['telecom']) },
];

describe('classifyHouseholds (records)', () => {
  it('returns exactly the one-by-one results and counts by status and indicator', () => {
    const { results, counts } = classifyHouseholds(register, { asOf: '2024-01-01', onConflict: 'use-flag' });
    expect(results.map((r) => r.status)).toEqual(['poor', 'near-poor', 'average', 'non-poor']);
    expect(counts.byStatus).toEqual({ poor: 1, 'near-poor': 1, average: 1, 'non-poor': 1 });
    expect(counts.byIndicator.telecom).toBe(4);
    expect(counts.byIndicator.latrine).toBe(3);
    expect(counts.byIndicator['health-insurance']).toBe(1);
    expect(counts.byIndicator.employment).toBe(0);
    expect(counts.byStatusAndIndicator.poor.telecom).toBe(1);
    expect(counts.byStatusAndIndicator.average['water-source']).toBe(1);
    expect(counts.households).toBe(4);
    expect(counts.standardId).toBe('nd-07-2021');
  });

  it('lists every invalid record with its index, and returns nothing', () => {
    const bad = [register[0], { ...register[1], monthlyIncome: -5n }, { ...register[2], members: [{}] }];
    // @ts-expect-error a member without an age does not compile; the schema refuses it at run time too
    expect(codes(() => classifyHouseholds(bad, { asOf: '2024-01-01', onConflict: 'use-flag' }))).toEqual([
      ['invalid-input', [1, 'monthlyIncome']],
      ['missing-field', [2, 'members', 0, 'age']],
    ]);
  });

  it('is pure', () => {
    expectPure(classifyHouseholds, register, { asOf: '2024-01-01', onConflict: 'use-flag' });
  });
});

describe('classifyColumns (typed arrays)', () => {
  it('classifies the register like one-by-one, with the same counts', () => {
    const cols = toColumns(register, ND07_2021);
    const r = classifyColumns(cols, { asOf: '2024-01-01' });
    expect(Array.from(r.statuses, (s) => HOUSEHOLD_STATUSES[s])).toEqual(['poor', 'near-poor', 'average', 'non-poor']);
    expect(Array.from(r.deprivationCounts)).toEqual([3, 2, 3, 1]);
    expect(r.counts).toEqual(classifyHouseholds(register, { asOf: '2024-01-01', onConflict: 'use-flag' }).counts);
    expect(Object.isFrozen(r)).toBe(true);
    expectDeepFrozen(r.counts);
  });

  it('QĐ 59: the lower line is poor on income alone in columns too', () => {
    const cols = { area: Uint8Array.of(0, 1, 1), monthlyIncome: Float64Array.of(1_400_000, 1_800_001, 2_600_000), members: Uint8Array.of(2, 2, 2), deprivationMask: Uint16Array.of(0, 0, 0b111) };
    expect(Array.from(classifyColumns(cols, { asOf: '2020-01-01' }).statuses)).toEqual([0, 1, 0]);
  });

  it('does not mutate its columns', () => {
    const cols = toColumns(register, ND07_2021);
    const copy = { area: cols.area.slice(), monthlyIncome: cols.monthlyIncome.slice(), members: cols.members.slice(), deprivationMask: cols.deprivationMask.slice() };
    classifyColumns(cols, { asOf: '2024-01-01' });
    expect(cols).toEqual(copy);
  });

  it('refuses bad rows with the column and the row, and mismatched lengths', () => {
    const cols = {
      area: Uint8Array.of(0, 2, 0, 1),
      monthlyIncome: Float64Array.of(1, 1, -1, 1.5),
      members: Uint8Array.of(1, 1, 0, 1),
      deprivationMask: Uint16Array.of(1 << 12, 0, 0, 0),
    };
    expect(codes(() => classifyColumns(cols, { asOf: '2024-01-01' }))).toEqual([
      ['invalid-column-value', ['deprivationMask', 0]],
      ['invalid-column-value', ['area', 1]],
      ['invalid-column-value', ['monthlyIncome', 2]],
      ['invalid-column-value', ['members', 2]],
      ['invalid-column-value', ['monthlyIncome', 3]],
    ]);
    expect(codes(() => classifyColumns({ ...cols, members: Uint8Array.of(1) }, { asOf: '2024-01-01' }))).toEqual([['column-length-mismatch', ['members']]]);
    expect(codes(() => classifyColumns(cols, { asOf: '2040-01-01' }))).toEqual([['no-standard-in-force', ['asOf']]]);
    // 10 indicators under QĐ 59: bit 10 is out of range
    expect(codes(() => classifyColumns({ area: Uint8Array.of(0), monthlyIncome: Float64Array.of(1), members: Uint8Array.of(1), deprivationMask: Uint16Array.of(1 << 10) }, { asOf: '2019-01-01' }))).toEqual([
      ['invalid-column-value', ['deprivationMask', 0]],
    ]);
  });

  it('sumClassificationCounts adds chunks and refuses mixing standards', () => {
    const a = classifyColumns(toColumns(register.slice(0, 2), ND07_2021), { asOf: '2024-01-01' }).counts;
    const b = classifyColumns(toColumns(register.slice(2), ND07_2021), { asOf: '2024-01-01' }).counts;
    const whole = classifyColumns(toColumns(register, ND07_2021), { asOf: '2024-01-01' }).counts;
    expect(sumClassificationCounts([a, b])).toEqual(whole);
    const q = classifyColumns({ area: Uint8Array.of(0), monthlyIncome: Float64Array.of(1), members: Uint8Array.of(1), deprivationMask: Uint16Array.of(0) }, { asOf: '2019-01-01' }).counts;
    expect(codes(() => sumClassificationCounts([a, q]))).toEqual([['mixed-standards', [1, 'standardId']]]);
    expect(codes(() => sumClassificationCounts([]))).toEqual([['empty-input', []]]);
    expect(QD59_2015.indicators).toHaveLength(10);
  });
});

describe('properties', () => {
  for (const standard of POVERTY_STANDARDS) {
    it(`bulk equals one-by-one (${standard.id}): records and typed-array columns`, () => {
      fc.assert(
        fc.property(fc.array(flagHouseholdArb(standard), { minLength: 1, maxLength: 5 }), asOfArb(standard), (households, asOf) => {
          const o = { asOf, onConflict: 'use-flag' } as const;
          const one = households.map((h) => classifyHousehold(h, o));
          const bulk = classifyHouseholds(households, o);
          expect(bulk.results).toEqual(one);
          const cols = classifyColumns(toColumns(households, standard), { asOf });
          expect(Array.from(cols.statuses, (s) => HOUSEHOLD_STATUSES[s])).toEqual(one.map((r) => r.status));
          expect(Array.from(cols.deprivationCounts)).toEqual(one.map((r) => r.deprivationCount));
          expect(cols.counts).toEqual(bulk.counts);
        }),
      );
    });

    it(`counts by status add up to the households, chunked sums equal the whole (${standard.id})`, () => {
      fc.assert(
        fc.property(fc.array(flagHouseholdArb(standard), { minLength: 2, maxLength: 6 }), fc.nat(), asOfArb(standard), (households, cut, asOf) => {
          const at = 1 + (cut % (households.length - 1));
          const whole = classifyColumns(toColumns(households, standard), { asOf }).counts;
          const parts = [households.slice(0, at), households.slice(at)].map((p) => classifyColumns(toColumns(p, standard), { asOf }).counts);
          expect(sumClassificationCounts(parts)).toEqual(whole);
          expect(HOUSEHOLD_STATUSES.reduce((s, k) => s + whole.byStatus[k], 0)).toBe(households.length);
        }),
      );
    });
  }
});

describe('classifyColumns: many bad rows', () => {
  it('lists the first rows and says how many are bad in all', () => {
    const n = 150;
    const cols = { area: new Uint8Array(n).fill(3), monthlyIncome: new Float64Array(n), members: new Uint8Array(n).fill(1), deprivationMask: new Uint16Array(n) };
    const found = codes(() => classifyColumns(cols, { asOf: '2024-01-01' }));
    expect(found).toHaveLength(101);
    expect(found[99]).toEqual(['invalid-column-value', ['area', 99]]);
    expect(found[100]).toEqual(['invalid-column-value', []]);
  });
});
