import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHousehold } from '../../src/standards/classifyHousehold.js';
import { classifyHouseholds } from '../../src/standards/classifyHouseholds.js';
import { classifyHouseholdStream, type HouseholdClassificationBatch } from '../../src/standards/classifyHouseholdStream.js';
import type { HouseholdInput } from '../../src/standards/household.js';
import { ND07_2021, POVERTY_STANDARDS } from '../../src/standards/standards.js';
import { asOfArb, factHouseholdArb, flagHouseholdArb } from '../arbitraries/household.js';
import { caughtError, thrownIssues } from '../_helpers/errors.js';
import { expectDeepFrozen } from '../_helpers/purity.js';

const flags = (deprived: readonly string[]) => Object.fromEntries(ND07_2021.indicators.map((i) => [i.id, deprived.includes(i.id)]));
const adults = [{ age: 40 }, { age: 41 }, { age: 42 }, { age: 43 }];
const register: HouseholdInput[] = [
  { id: 'H1', area: 'rural', monthlyIncome: 6_000_000n, members: adults, deprivations: flags(['health-insurance', 'latrine', 'telecom']) },
  { id: 'H2', area: 'rural', monthlyIncome: 6_000_000n, members: adults, deprivations: flags(['latrine', 'telecom']) },
  { id: 'H3', area: 'rural', monthlyIncome: 6_000_001n, members: adults, deprivations: flags(['latrine', 'telecom', 'water-source']) },
  { id: 'H4', area: 'urban', monthlyIncome: 9_000_001n, members: adults.slice(0, 3), deprivations: flags(['telecom']) },
  { id: 'H5', area: 'urban', monthlyIncome: 8_000_000n, members: adults, deprivations: flags(['telecom', 'latrine', 'water-source']) },
];
const o = { asOf: '2024-01-01', onConflict: 'use-flag' } as const;

const collect = (it: Iterable<HouseholdClassificationBatch>) => [...it];

describe('classifyHouseholdStream', () => {
  it('yields batches of the asked size with running counts; the last counts are the whole', () => {
    const batches = collect(classifyHouseholdStream(register, { ...o, batchSize: 2 }));
    expect(batches.map((b) => [b.start, b.size, b.results.length])).toEqual([
      [0, 2, 2],
      [2, 2, 2],
      [4, 1, 1],
    ]);
    expect(batches.map((b) => b.counts.households)).toEqual([2, 4, 5]);
    expect(batches.map((b) => b.counts.byStatus.poor)).toEqual([1, 1, 2]);
    expect(batches.at(-1)!.counts).toEqual(classifyHouseholds(register, o).counts);
    expect(batches.flatMap((b) => b.results)).toEqual(classifyHouseholds(register, o).results);
    for (const b of batches) expectDeepFrozen(b);
  });

  it('reads any iterable, lazily: a generator is consumed one batch at a time', () => {
    let read = 0;
    function* source() {
      for (const h of register) {
        read++;
        yield h;
      }
    }
    const stream = classifyHouseholdStream(source(), { ...o, batchSize: 2 });
    expect(read).toBe(0);
    stream.next();
    expect(read).toBe(2);
    expect(collect(classifyHouseholdStream([], o))).toEqual([]);
  });

  it('onInvalid: throw stops at the batch holding an invalid household; report lists it and goes on', () => {
    const bad = [...register.slice(0, 3), { ...register[3]!, monthlyIncome: -1n }, register[4]!];
    const stream = classifyHouseholdStream(bad, { ...o, batchSize: 2 });
    expect(stream.next().value?.results).toHaveLength(2);
    expect(thrownIssues(() => stream.next()).map((i) => [i.code, i.path])).toEqual([['invalid-input', [3, 'monthlyIncome']]]);
    const reported = collect(classifyHouseholdStream(bad, { ...o, batchSize: 2, onInvalid: 'report' }));
    expect(reported[1]!.failures.map((f) => f.index)).toEqual([3]);
    expect(reported[1]!.results.map((r) => r.id)).toEqual(['H3']);
    expect(reported.at(-1)!.counts.households).toBe(4);
    const failure = reported[1]!.failures[0]!;
    expect(failure.issues).toEqual(thrownIssues(() => classifyHouseholds(bad, o)));
    expect(failure.error).toBe(failure.error); // made once, when first read
    expect(failure.error.issues).toEqual(failure.issues);
    expect(failure.error.message).toMatch(/^household 3: monthlyIncome: /);
  });

  it('checks its options', () => {
    for (const batchSize of [0, 1.5, 2_000_000]) expect(thrownIssues(() => classifyHouseholdStream(register, { ...o, batchSize }).next()).map((i) => i.path)).toEqual([['batchSize']]);
    expect(thrownIssues(() => classifyHouseholdStream(register, { ...o, onInvalid: 'skip' as never }).next()).map((i) => i.path)).toEqual([['onInvalid']]);
    expect(thrownIssues(() => classifyHouseholdStream(42 as never, o).next()).map((i) => i.code)).toEqual(['invalid-input']);
  });
});

describe('results read like plain data although some fields are computed when read', () => {
  it('spread, JSON keys, the same Decimal on every read, the explanation text', () => {
    const r = classifyHousehold(register[2]!, o);
    expect(Object.keys(r)).toContain('explanation');
    expect({ ...r }.explanation).toBe(r.explanation);
    expect(r.incomePerHead).toBe(r.incomePerHead);
    expect(r.incomePerHead.toString()).toBe('1500000.25');
    expect(r.explanation).toMatch(/^Average living standard \(hộ có mức sống trung bình\) under nd-07-2021/);
    expect(JSON.parse(JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).explanation).toBe(r.explanation);
  });

  it('a standard that could still change gets its explanation written at once: changing it later does not change the text', () => {
    const mine = { ...ND07_2021, id: 'local-2024' };
    const r = classifyHousehold(register[0]!, { ...o, standard: mine });
    const text = r.explanation;
    (mine as { id: string }).id = 'changed';
    expect(r.explanation).toBe(text);
    expect(text).toContain('under local-2024');
    expect(r.standard.id).toBe('local-2024');
  });
});

describe('properties', () => {
  for (const standard of POVERTY_STANDARDS) {
    it(`streaming equals the array form, whatever the batch size (${standard.id})`, () => {
      const household = fc.oneof(flagHouseholdArb(standard), factHouseholdArb(standard));
      fc.assert(
        fc.property(fc.array(household, { maxLength: 7 }), fc.integer({ min: 1, max: 8 }), asOfArb(standard), fc.constantFrom('error', 'use-flag', 'use-facts' as const), (households, batchSize, asOf, onConflict) => {
          const opts = { asOf, onConflict } as const;
          const whole = caughtError(() => classifyHouseholds(households, opts));
          const batches = collect(classifyHouseholdStream(households, { ...opts, batchSize, onInvalid: 'report' }));
          const failures = batches.flatMap((b) => b.failures);
          if (whole === undefined) {
            const array = classifyHouseholds(households, opts);
            expect(batches.flatMap((b) => b.results)).toEqual(array.results);
            if (households.length > 0) expect(batches.at(-1)!.counts).toEqual(array.counts);
            expect(failures).toEqual([]);
          } else {
            expect(failures.flatMap((f) => f.error.issues)).toEqual(whole.issues);
            expect(caughtError(() => collect(classifyHouseholdStream(households, { ...opts, batchSize })))).toBeDefined();
          }
          expect(batches.reduce((n, b) => n + b.size, 0)).toBe(households.length);
        }),
      );
    });
  }
});
