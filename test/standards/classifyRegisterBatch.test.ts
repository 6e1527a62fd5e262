import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumClassificationCounts } from '../../src/standards/classificationCounts.js';
import { classifyHousehold, type ClassifyHouseholdOptions } from '../../src/standards/classifyHousehold.js';
import { classifyHouseholds } from '../../src/standards/classifyHouseholds.js';
import { classifyHouseholdStream } from '../../src/standards/classifyHouseholdStream.js';
import {
  DECIDING_RULE_IDS,
  REGISTER_FLAGS,
  UNCLASSIFIED,
  classifyRegisterBatch,
  registerRow,
  registerRowOf,
  type RegisterBatch,
  type RegisterBatchClassification,
} from '../../src/standards/classifyRegisterBatch.js';
import type { HouseholdInput } from '../../src/standards/household.js';
import { HOUSEHOLD_STATUSES } from '../../src/standards/householdStatus.js';
import { ND07_2021, POVERTY_STANDARDS, QD59_2015, type PovertyStandard } from '../../src/standards/standards.js';
import { asOfArb, factHouseholdArb, flagHouseholdArb } from '../arbitraries/household.js';
import { thrownIssues } from '../_helpers/errors.js';
import { expectDeepFrozen, expectPure } from '../_helpers/purity.js';

type Rec = HouseholdInput & { monthlyIncome: bigint };

/** A record the columns can hold: an id, area, income, members with ages only, flags of the standard's indicators only. */
function columnable(h: Rec, standard: PovertyStandard): boolean {
  const keys = Object.keys(h).filter((k) => !['id', 'area', 'monthlyIncome', 'members', 'deprivations'].includes(k));
  const ids = new Set(standard.indicators.map((i) => i.id));
  return (
    keys.length === 0 &&
    h.members.every((m) => Object.keys(m).length === 1 && m.age <= 255) &&
    Object.keys(h.deprivations ?? {}).every((id) => ids.has(id as never))
  );
}

/**
 * Puts records into a batch as a register reader would: columns for what columns can hold
 * (with the members' ages when `ages`), the record itself for anything else.
 */
function toBatch(records: readonly Rec[], standard: PovertyStandard, ages: boolean): RegisterBatch {
  const n = records.length;
  const k = standard.indicators.length;
  const area = new Uint8Array(n);
  const monthlyIncome = new BigInt64Array(n);
  const members = new Uint16Array(n);
  const flags = new Uint8Array(n * k).fill(REGISTER_FLAGS.unknown);
  const offsets = new Uint32Array(n + 1);
  const agesList: number[] = [];
  const fallback: Array<Rec | undefined> = new Array(n).fill(undefined);
  records.forEach((h, i) => {
    if (!columnable(h, standard)) fallback[i] = h;
    else {
      area[i] = h.area === 'urban' ? 1 : 0;
      monthlyIncome[i] = h.monthlyIncome;
      members[i] = h.members.length;
      standard.indicators.forEach((ind, j) => {
        const f = h.deprivations?.[ind.id];
        if (f !== undefined) flags[i * k + j] = f ? REGISTER_FLAGS.deprived : REGISTER_FLAGS.notDeprived;
      });
      if (ages) for (const m of h.members) agesList.push(m.age);
    }
    offsets[i + 1] = agesList.length;
  });
  return {
    area,
    monthlyIncome,
    members,
    flags,
    ids: records.map((h) => h.id),
    records: fallback,
    ...(ages ? { memberAges: Uint8Array.from(agesList), memberOffsets: offsets } : {}),
  };
}

/** Predicates that decide nothing: the record path for households known by flags alone. */
const noFacts = (standard: PovertyStandard): NonNullable<ClassifyHouseholdOptions['predicates']> => Object.fromEntries(standard.indicators.map((i) => [i.id, () => undefined]));

/** Rows and failures of the record path (one by one, failures reported). */
function recordPath(records: readonly unknown[], options: ClassifyHouseholdOptions) {
  const rows: Array<ReturnType<typeof registerRowOf> | undefined> = [];
  const failures: Array<{ row: number; issues: unknown }> = [];
  for (const batch of classifyHouseholdStream(records as readonly HouseholdInput[], { ...options, onInvalid: 'report', batchSize: 1000 })) {
    for (const r of batch.results) rows.push(registerRowOf(r));
    for (const f of batch.failures) {
      rows.splice(f.index, 0, undefined);
      failures.push({ row: f.index, issues: f.error.issues });
    }
  }
  return { rows, failures };
}

function columnPath(batch: RegisterBatch, options: ClassifyHouseholdOptions & { explain?: boolean }) {
  const result = classifyRegisterBatch(batch, { ...options, onInvalid: 'report' });
  const rows = Array.from(result.statuses, (s, i) => (s === UNCLASSIFIED ? undefined : registerRow(batch, result, i)));
  return { result, rows, failures: result.failures.map((f) => ({ row: f.index, issues: f.issues })) };
}

const rural4 = [{ age: 40 }, { age: 41 }, { age: 42 }, { age: 43 }];
const flagsOf = (standard: PovertyStandard, deprived: readonly string[]) => Object.fromEntries(standard.indicators.map((i) => [i.id, deprived.includes(i.id)]));

/** The four households of the classifyHouseholds examples: poor, near-poor, average, non-poor under NĐ 07/2021. */
const register: Rec[] = [
  { id: 'H1', area: 'rural', monthlyIncome: 6_000_000n, members: rural4, deprivations: flagsOf(ND07_2021, ['health-insurance', 'latrine', 'telecom']) },
  { id: 'H2', area: 'rural', monthlyIncome: 6_000_000n, members: rural4, deprivations: flagsOf(ND07_2021, ['latrine', 'telecom']) },
  { id: 'H3', area: 'rural', monthlyIncome: 6_000_001n, members: rural4, deprivations: flagsOf(ND07_2021, ['latrine', 'telecom', 'water-source']) },
  { id: 'H4', area: 'urban', monthlyIncome: 9_000_001n, members: [{ age: 40 }, { age: 41 }, { age: 42 }], deprivations: flagsOf(ND07_2021, ['telecom']) },
];
const asOf = '2024-01-01';

describe('classifyRegisterBatch', () => {
  it('classifies flags in columns like the record path: statuses, rules, deprivations and counts', () => {
    const batch = toBatch(register, ND07_2021, false);
    const r = classifyRegisterBatch(batch, { asOf });
    expect(Array.from(r.statuses, (s) => HOUSEHOLD_STATUSES[s])).toEqual(['poor', 'near-poor', 'average', 'non-poor']);
    expect(Array.from(r.rules, (c) => DECIDING_RULE_IDS[c])).toEqual(['poor', 'near-poor', 'average', 'above-lines']);
    expect(Array.from(r.deprivationCounts)).toEqual([3, 2, 3, 1]);
    expect(r.recordPathRows).toBe(0);
    expect(r.counts).toEqual(classifyHouseholds(register, { asOf, onConflict: 'use-flag' }).counts);
    const row = registerRow(batch, r, 0);
    expect(row).toEqual({
      id: 'H1',
      status: 'poor',
      statusVi: 'hộ nghèo',
      area: 'rural',
      members: 4,
      monthlyIncome: 6_000_000n,
      incomePerHead: { num: 1_500_000n, den: 1n },
      line: 1_500_000n,
      lineKind: 'poverty',
      incomeAtOrBelowLine: true,
      deprivations: ['health-insurance', 'latrine', 'telecom'],
      deprivationCount: 3,
      undetermined: [],
      rule: 'poor',
      ruleSource: 'NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(a)',
      standardId: 'nd-07-2021',
      asOf: '2024-01-01',
    });
    expect(registerRow(batch, r, 3)).toMatchObject({ line: 3_000_000n, lineKind: 'average-ceiling', incomeAtOrBelowLine: false, incomePerHead: { num: 9_000_001n, den: 3n } });
    expect(Object.isFrozen(r)).toBe(true);
    expectDeepFrozen(r.counts);
    expectDeepFrozen(row);
  });

  it('the documented example', () => {
    const batch = {
      area: Uint8Array.of(0, 1),
      monthlyIncome: Float64Array.of(6_000_000, 8_000_004),
      members: Uint8Array.of(4, 4),
      flags: Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]),
    };
    const r = classifyRegisterBatch(batch, { asOf });
    expect(Array.from(r.statuses)).toEqual([0, 2]);
    expect(r.undeterminedMasks[1]).toBe(0b1000_0000_0000);
    expect(registerRow(batch, r, 1).undetermined).toEqual(['information-devices']);
    expect(registerRow(batch, r, 0).status).toBe('poor');
  });

  it('QĐ 59/2015: the lower line is poor on income alone', () => {
    const batch: RegisterBatch = { area: Uint8Array.of(0, 1), monthlyIncome: Float64Array.of(1_400_000, 1_800_001), members: Uint8Array.of(2, 2), flags: new Uint8Array(20) };
    const r = classifyRegisterBatch(batch, { asOf: '2020-01-01' });
    expect(Array.from(r.rules, (c) => DECIDING_RULE_IDS[c])).toEqual(['income-only-poor', 'near-poor']);
    expect(registerRow(batch, r, 0)).toMatchObject({ line: 700_000n, lineKind: 'income-only-poor', status: 'poor' });
  });

  it('incomes and line × members beyond 2^53 are compared exactly (in bigint)', () => {
    // urban NĐ 07/2021 ceiling 3,000,000 × 4,000,000,000 members = 1.2 × 10^16 > 2^53
    const atCeiling = 3_000_000n * 4_000_000_000n;
    const batch: RegisterBatch = { area: Uint8Array.of(1, 1), monthlyIncome: BigInt64Array.of(atCeiling, atCeiling + 1n), members: Uint32Array.of(4_000_000_000, 4_000_000_000), flags: new Uint8Array(24) };
    expect(atCeiling > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const r = classifyRegisterBatch(batch, { asOf });
    expect(Array.from(r.rules, (c) => DECIDING_RULE_IDS[c])).toEqual(['average', 'above-lines']);
    expect(registerRow(batch, r, 1)).toMatchObject({ status: 'non-poor', line: 3_000_000n, incomeAtOrBelowLine: false, incomePerHead: { num: atCeiling + 1n, den: 4_000_000_000n } });
  });

  it('a flag left blank is undetermined when it cannot change the status, and reported like the record path when it can', () => {
    const k = ND07_2021.indicators.length;
    const flags = new Uint8Array(2 * k);
    flags[0] = 1; // employment
    flags[1] = 1; // dependants
    flags[2] = 2; // nutrition not given: 2 known + 1 could make the first household poor
    flags[k + 2] = 2; // the second household is average: the blank does not matter
    const batch: RegisterBatch = { area: Uint8Array.of(0, 0), monthlyIncome: Float64Array.of(6_000_000, 7_000_000), members: Uint8Array.of(4, 4), flags, ids: ['A', 'B'] };
    const issues = thrownIssues(() => classifyRegisterBatch(batch, { asOf }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['undetermined-indicators', [0, 'deprivations']]]);
    const r = classifyRegisterBatch(batch, { asOf, onInvalid: 'report' });
    expect(r.statuses[0]).toBe(UNCLASSIFIED);
    expect(r.failures.map((f) => f.index)).toEqual([0]);
    expect(registerRow(batch, r, 1).undetermined).toEqual(['nutrition']);
    expect(r.counts.households).toBe(1);
    expect(thrownIssues(() => registerRow(batch, r, 0)).map((i) => i.code)).toEqual(['unclassified-row']);
    // the record path gives the same issue for the same household
    const record: HouseholdInput = { id: 'A', area: 'rural', monthlyIncome: 6_000_000n, members: rural4, deprivations: { employment: true, dependants: true, ...Object.fromEntries(ND07_2021.indicators.slice(3).map((i) => [i.id, false])) } };
    const direct = thrownIssues(() => classifyHousehold(record, { asOf, predicates: noFacts(ND07_2021) }));
    expect(r.failures[0]!.error.issues[0]!.expected).toBe(direct[0].expected);
  });

  it('the issues of such a household are those of the record path, found when first read from the values of the call (a batch reused afterwards does not change them)', () => {
    const k = ND07_2021.indicators.length;
    const flags = new Uint8Array(k);
    flags.set([1, 1, 2, 0, 2]);
    const batch = { area: Uint8Array.of(1), monthlyIncome: Float64Array.of(7_000_000), members: Uint8Array.of(4), flags, ids: ['hộ-7'] };
    const r = classifyRegisterBatch(batch, { asOf, onInvalid: 'report' });
    // the caller fills the same arrays with the next batch before reading the failures
    batch.area[0] = 0;
    batch.monthlyIncome[0] = 1;
    batch.members[0] = 9;
    flags.fill(0);
    batch.ids[0] = 'other';
    const record: HouseholdInput = { id: 'hộ-7', area: 'urban', monthlyIncome: 7_000_000n, members: Array.from({ length: 4 }, () => ({ age: 30 })), deprivations: { employment: true, dependants: true, ...Object.fromEntries(ND07_2021.indicators.slice(3).filter((_, j) => j !== 1).map((i) => [i.id, false])) } };
    const direct = thrownIssues(() => classifyHousehold(record, { asOf, predicates: noFacts(ND07_2021) }));
    const failure = r.failures[0]!;
    expect(failure.issues).toEqual(direct.map((i) => ({ ...i, path: [0, ...i.path], message: `household 0: ${i.message}` })));
    expect(failure.issues).toBe(failure.issues); // found once
    expect(failure.error.issues).toEqual(failure.issues);
    expect(Object.keys(failure)).toEqual(['index', 'issues', 'error']);
    expect(Object.isFrozen(failure) && Object.isFrozen(failure.issues) && Object.isFrozen(failure.issues[0])).toBe(true);
    expect(r.recordPathRows).toBe(1);
  });

  it('ages decide what they can: a flag against them goes to the record path (error or resolution)', () => {
    // no child: nutrition is not deprived by the facts; a "deprived" flag conflicts
    const h: Rec = { id: 'C', area: 'rural', monthlyIncome: 6_000_000n, members: rural4, deprivations: { ...flagsOf(ND07_2021, ['health-insurance', 'latrine']), nutrition: true } };
    const batch = toBatch([h], ND07_2021, true);
    expect(thrownIssues(() => classifyRegisterBatch(batch, { asOf })).map((i) => [i.code, i.path])).toEqual([['indicator-conflict', [0, 'deprivations', 'nutrition']]]);
    const flag = classifyRegisterBatch(batch, { asOf, onConflict: 'use-flag' });
    const facts = classifyRegisterBatch(batch, { asOf, onConflict: 'use-facts' });
    expect([HOUSEHOLD_STATUSES[flag.statuses[0]!], HOUSEHOLD_STATUSES[facts.statuses[0]!]]).toEqual(['poor', 'near-poor']);
    expect(flag.recordPathRows).toBe(1);
    expect(flag.classifications[0]).toEqual(classifyHousehold(h, { asOf, onConflict: 'use-flag' }));
    // without the flag, the facts decide it (not deprived) and nothing goes to the record path
    const blank = toBatch([{ ...h, deprivations: flagsOf(ND07_2021, ['health-insurance', 'latrine']) }], ND07_2021, true);
    const k = ND07_2021.indicators.length;
    blank.flags[2] = REGISTER_FLAGS.unknown;
    const r = classifyRegisterBatch(blank, { asOf });
    expect([r.recordPathRows, HOUSEHOLD_STATUSES[r.statuses[0]!], r.undeterminedMasks[0]]).toEqual([0, 'near-poor', 0]);
    expect(blank.flags.length).toBe(k);
  });

  it('explain builds the explained result of every household, equal to classifyHousehold', () => {
    const batch = toBatch(register, ND07_2021, true);
    const r = classifyRegisterBatch(batch, { asOf, onConflict: 'use-flag', explain: true });
    expect(r.classifications).toEqual(register.map((h) => classifyHousehold(h, { asOf, onConflict: 'use-flag' })));
    expect(r.classifications[0]?.explanation).toContain('Poor (hộ nghèo) under nd-07-2021');
    const noAges = classifyRegisterBatch(toBatch(register, ND07_2021, false), { asOf, explain: true });
    expect(noAges.classifications[1]?.indicators.every((i) => i.origin === 'flag')).toBe(true);
    expect(noAges.classifications[1]?.members).toBe(4);
  });

  it('rows given as records go through the record path, their column values unread', () => {
    const fact = { id: 'F', area: 'urban', monthlyIncome: 5_000_000n, members: [{ age: 30, work: 'unemployed', healthInsurance: false }, { age: 5, attendingSchool: true, malnourished: false, healthInsurance: true }], safeWater: false, hygienicLatrine: true, telecom: true, informationDevices: ['radio'], dwelling: { walls: 'durable', columns: 'durable', roof: 'durable', floorArea: 30 } } as const;
    const batch: RegisterBatch = { area: Uint8Array.of(9), monthlyIncome: Float64Array.of(-1), members: Uint8Array.of(0), flags: new Uint8Array(12).fill(7), records: [fact] };
    const r = classifyRegisterBatch(batch, { asOf });
    expect(r.classifications[0]).toEqual(classifyHousehold(fact, { asOf }));
    expect(registerRow(batch, r, 0)).toEqual(registerRowOf(classifyHousehold(fact, { asOf })));
  });

  it('lists every bad row with the row and the column; the column shapes are checked first', () => {
    const k = 12;
    const batch: RegisterBatch = {
      area: Uint8Array.of(2, 0, 0, 0, 0, 0),
      monthlyIncome: Float64Array.of(1, -1, 1.5, 1, 1, Number.NaN),
      members: Uint8Array.of(1, 1, 1, 0, 1, 1),
      flags: Object.assign(new Uint8Array(6 * k), { [4 * k + 3]: 3 }),
    };
    expect(thrownIssues(() => classifyRegisterBatch(batch, { asOf })).map((i) => [i.code, i.path])).toEqual([
      ['invalid-column-value', [0, 'area']],
      ['invalid-column-value', [1, 'monthlyIncome']],
      ['invalid-column-value', [2, 'monthlyIncome']],
      ['invalid-column-value', [3, 'members']],
      ['invalid-column-value', [4, 'flags']],
      ['invalid-column-value', [5, 'monthlyIncome']],
    ]);
    const ages: RegisterBatch = { ...batch, area: new Uint8Array(6), monthlyIncome: new Float64Array(6), members: new Uint8Array(6).fill(1), flags: new Uint8Array(6 * k), memberAges: Uint8Array.of(30, 200, 1, 2), memberOffsets: Uint32Array.of(0, 1, 2, 4, 4, 4, 4) };
    expect(thrownIssues(() => classifyRegisterBatch(ages, { asOf })).map((i) => [i.code, i.path])).toEqual([
      ['invalid-column-value', [1, 'memberAges']],
      ['invalid-column-value', [2, 'memberAges']],
      ['invalid-column-value', [3, 'memberAges']],
      ['invalid-column-value', [4, 'memberAges']],
      ['invalid-column-value', [5, 'memberAges']],
    ]);
    const codes = (b: unknown) => thrownIssues(() => classifyRegisterBatch(b as RegisterBatch, { asOf })).map((i) => [i.code, i.path]);
    expect(codes({ ...batch, flags: new Uint8Array(5) })).toEqual([['column-length-mismatch', ['flags']]]);
    expect(codes({ ...batch, members: [1, 1, 1, 1, 1, 1] })).toEqual([['invalid-input', ['members']]]);
    expect(codes({ ...batch, memberAges: new Uint8Array(0) })).toEqual([['invalid-input', ['memberOffsets']]]);
    expect(codes({ ...batch, ids: ['a'] })).toEqual([['column-length-mismatch', ['ids']]]);
    expect(codes(batch).length).toBe(6);
    expect(thrownIssues(() => classifyRegisterBatch(batch, { asOf: '2040-01-01' })).map((i) => i.code)).toEqual(['no-standard-in-force']);
    expect(thrownIssues(() => classifyRegisterBatch(batch, { asOf, onInvalid: 'skip' as never })).map((i) => i.code)).toEqual(['invalid-option']);
  });

  it('does not mutate its columns; is pure (same input, same output, frozen)', () => {
    const batch = toBatch(register, ND07_2021, true);
    const copy = structuredClone(batch);
    classifyRegisterBatch(batch, { asOf, onConflict: 'use-flag' });
    expect(batch).toEqual(copy);
    const r = expectPure(classifyRegisterBatch, batch, { asOf, onConflict: 'use-flag', explain: true });
    expectPure(registerRow, batch, r, 2);
    expectPure(registerRowOf, r.classifications[1]!);
  });
});

const rowsArb = (standard: PovertyStandard) => {
  // flags for only some indicators: the rest left blank on the form
  const partial = flagHouseholdArb(standard).chain((h) =>
    fc.subarray(Object.keys(h.deprivations)).map((keep) => ({ ...h, deprivations: Object.fromEntries(keep.map((id) => [id, h.deprivations[id]!])) })),
  );
  // facts and some flags: the record path
  const mixed = fc.tuple(factHouseholdArb(standard), fc.dictionary(fc.constantFrom(...standard.indicators.map((i) => i.id)), fc.boolean(), { maxKeys: 4 })).map(([h, d]) => ({ ...h, deprivations: d }));
  const household = fc.oneof(flagHouseholdArb(standard), partial, factHouseholdArb(standard), mixed) as fc.Arbitrary<Rec>;
  return fc.array(fc.tuple(household, fc.option(fc.string({ maxLength: 3 }), { nil: undefined })).map(([h, id]) => (id === undefined ? h : { ...h, id })), { minLength: 1, maxLength: 8 });
};

describe('properties', () => {
  for (const standard of POVERTY_STANDARDS) {
    it(`the columnar path and the record path give identical statuses, counts, output rows and failures (${standard.id}; flags, facts, mixed, conflicts)`, () => {
      fc.assert(
        fc.property(rowsArb(standard), asOfArb(standard), fc.constantFrom('error', 'use-flag', 'use-facts' as const), fc.boolean(), (records, day, onConflict, ages) => {
          const o = { asOf: day, onConflict } as const;
          // without ages, a household held in columns has no facts: the record path with predicates that decide nothing
          const expected = ages ? recordPath(records, o) : recordPath(records, { ...o, predicates: noFacts(standard) });
          const batch = toBatch(records, standard, ages);
          const got = columnPath(batch, ages ? o : { ...o, predicates: noFacts(standard) });
          expect(got.rows).toEqual(expected.rows);
          expect(got.failures).toEqual(expected.failures);
          const classified = records.filter((_, i) => expected.rows[i] !== undefined);
          if (classified.length > 0) expect(got.result.counts).toEqual(classifyHouseholds(classified, ages ? o : { ...o, predicates: noFacts(standard) }).counts);
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('without predicates given, a household held in columns without ages has no facts: same as with predicates that decide nothing', () => {
    fc.assert(
      fc.property(rowsArb(ND07_2021), (records) => {
        const batch = toBatch(records, ND07_2021, false);
        const plain = columnPath(batch, { asOf, onConflict: 'use-flag' });
        const columnRows = plain.rows.filter((_, i) => batch.records?.[i] === undefined);
        const none = columnPath(batch, { asOf, onConflict: 'use-flag', predicates: noFacts(ND07_2021) });
        expect(none.rows.filter((_, i) => batch.records?.[i] === undefined)).toEqual(columnRows);
      }),
    );
  });

  it('explain changes no output field, and batches add up (chunked sums equal the whole)', () => {
    fc.assert(
      fc.property(rowsArb(ND07_2021), fc.nat(), (records, cut) => {
        const o = { asOf, onConflict: 'use-flag' } as const;
        const batch = toBatch(records, ND07_2021, true);
        const plain = columnPath(batch, o);
        expect(columnPath(batch, { ...o, explain: true }).rows).toEqual(plain.rows);
        if (records.length < 2) return;
        const at = 1 + (cut % (records.length - 1));
        const parts = [records.slice(0, at), records.slice(at)].map((p) => classifyRegisterBatch(toBatch(p, ND07_2021, true), { ...o, onInvalid: 'report' }).counts);
        expect(sumClassificationCounts(parts)).toEqual((plain.result as RegisterBatchClassification).counts);
      }),
    );
  });

  it('QĐ 59/2015 and NĐ 07/2021 batches never mix: the result names its standard', () => {
    const r = classifyRegisterBatch({ area: Uint8Array.of(0), monthlyIncome: Float64Array.of(0), members: Uint8Array.of(1), flags: new Uint8Array(QD59_2015.indicators.length) }, { asOf: '2019-06-01' });
    expect([r.standardId, r.counts.standardId, DECIDING_RULE_IDS[r.rules[0]!]]).toEqual(['qd-59-2015', 'qd-59-2015', 'income-only-poor']);
  });
});
