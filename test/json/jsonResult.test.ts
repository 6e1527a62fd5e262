import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AREA_CODES,
  Decimal,
  EXAMPLE_ADMIN_UNITS,
  ND07_2021,
  adminHierarchy,
  allocateByCriteria,
  alkireFoster,
  apportion,
  areaFigures,
  areaRates,
  budgetLines,
  budgetTotals,
  checkAreaFlow,
  checkCounterpart,
  classifyColumns,
  classifyHousehold,
  classifyHouseholds,
  convertTarget,
  deriveCounterpart,
  equalNestedWeights,
  evaluateTarget,
  exactRate,
  fgt,
  fraction,
  fromDong,
  householdEligibility,
  inferCommonBase,
  parseVnNumber,
  povertyChange,
  rate,
  recentlyEscapedOn,
  reconcileTable,
  reductionTarget,
  requiredCounterpart,
  reviewTransitions,
  rollUpAreas,
  roundEachPart,
  splitTarget,
  statusHistory,
  tableFromLayout,
  toDong,
  type HouseholdStatus,
  type RoundingMode,
} from '../../src/index.js';
import { parseCsv } from '../../src/io/csv.js';
import { JSON_RESULT_FORMAT, fromJsonResult, toJsonResult, type JsonResult } from '../../src/json/jsonResult.js';
import { asOfArb, factHouseholdArb, flagHouseholdArb } from '../arbitraries/household.js';
import { issueCodes, thrownIssues } from '../_helpers/errors.js';
import { readFixture } from '../_helpers/fixtures.js';
import { expectDeepFrozen } from '../_helpers/purity.js';

/** Through text and back, as an HTTP body or a stored file would go. */
const roundTrip = (value: unknown): unknown => fromJsonResult(JSON.parse(JSON.stringify(toJsonResult(value))) as unknown);

/**
 * Where `back` differs from `original`, or null when it does not: field by field and type by type
 * (a bigint is not a number, a Decimal is a Decimal of the same value and sign, −0 is not 0).
 */
function difference(back: unknown, original: unknown, path = '$'): string | null {
  if (Decimal.isDecimal(original)) {
    return Decimal.isDecimal(back) && back.eq(original) && back.isNeg() === original.isNeg() ? null : `${path}: ${String(back)} is not the Decimal ${original.toString()}`;
  }
  if (ArrayBuffer.isView(original)) {
    const a = Array.from(original as unknown as ArrayLike<unknown>);
    const b = ArrayBuffer.isView(back) ? Array.from(back as unknown as ArrayLike<unknown>) : [];
    const sameKind = Object.prototype.toString.call(back) === Object.prototype.toString.call(original);
    return sameKind && a.length === b.length && a.every((x, i) => Object.is(x, b[i])) ? null : `${path}: typed array differs`;
  }
  if (typeof original === 'object' && original !== null) {
    if (typeof back !== 'object' || back === null || Array.isArray(back) !== Array.isArray(original)) return `${path}: ${String(back)} is not an object like the original`;
    const keys = Object.keys(original);
    if (Object.keys(back).join('\u0000') !== keys.join('\u0000')) return `${path}: keys ${Object.keys(back).join(',')} ≠ ${keys.join(',')}`;
    for (const key of keys) {
      const d = difference((back as Record<string, unknown>)[key], (original as Record<string, unknown>)[key], `${path}.${key}`);
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(back, original) ? null : `${path}: ${String(back)} (${typeof back}) ≠ ${String(original)} (${typeof original})`;
}

const expectSame = (back: unknown, original: unknown): void => {
  expect(difference(back, original)).toBeNull();
};

const rounding = fc.constantFrom<RoundingMode>('half-up', 'half-even', 'down', 'ceil');
const count = fc.integer({ min: 0, max: 100_000 });
const status = fc.constantFrom<HouseholdStatus>('poor', 'near-poor', 'average', 'non-poor');
const seedBudget = tableFromLayout('budget-by-project', parseCsv(readFixture('seed001-budget-as-printed.csv')));
const weights2 = equalNestedWeights([
  { id: 'a', indicators: ['a1', 'a2'] },
  { id: 'b', indicators: ['b1'] },
]);

/**
 * A real call of each public function that returns a result, with generated arguments: the
 * results are what the library produces, never hand-made look-alikes.
 */
const realResults: ReadonlyArray<readonly [string, fc.Arbitrary<unknown>]> = [
  ['apportion', fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 })).map(([t, w]) => apportion(t, w))],
  ['roundEachPart', fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 }), rounding).map(([t, w, r]) => roundEachPart(t, w, { rounding: r }))],
  ['rate', fc.tuple(count, fc.integer({ min: 1, max: 100_000 }), rounding).map(([c, b, r]) => rate(c, b, { decimals: 2, rounding: r }))],
  ['exactRate', fc.tuple(count, fc.integer({ min: 1, max: 100_000 })).map(([c, b]) => exactRate(c, b))],
  ['parseVnNumber', fc.integer({ min: 0, max: 10 ** 9 }).map((n) => parseVnNumber(`khoảng ${n.toLocaleString('de-DE')} triệu đồng`))],
  ['toDong / fromDong', fc.integer({ min: 0, max: 10 ** 6 }).map((n) => ({ dong: toDong(n, 'trieu', {}), trieu: fromDong(BigInt(n) * 1000n, 'trieu', { decimals: 3, rounding: 'half-up' }) }))],
  ['classifyHousehold (facts)', fc.tuple(factHouseholdArb(ND07_2021), asOfArb(ND07_2021)).map(([h, asOf]) => classifyHousehold(h, { asOf, onConflict: 'use-facts' }))],
  ['classifyHouseholds (flags)', fc.tuple(fc.array(flagHouseholdArb(ND07_2021), { minLength: 0, maxLength: 4 }), asOfArb(ND07_2021)).map(([hs, asOf]) => classifyHouseholds(hs, { asOf, onConflict: 'use-flag' }))],
  [
    'classifyColumns (typed arrays)',
    fc.array(fc.tuple(fc.constantFrom('rural', 'urban' as const), fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 4095 })), { minLength: 1, maxLength: 8 }).map((rows) =>
      classifyColumns(
        {
          area: Uint8Array.from(rows, (r) => AREA_CODES[r[0]]),
          monthlyIncome: Float64Array.from(rows, (r) => r[1]),
          members: Uint16Array.from(rows, (r) => r[2]),
          deprivationMask: Uint16Array.from(rows, (r) => r[3]),
        },
        { asOf: '2024-01-01' },
      ),
    ),
  ],
  [
    'statusHistory / recentlyEscapedOn',
    fc.tuple(status, status, fc.integer({ min: 0, max: 2000 })).map(([a, b, days]) => {
      const h = statusHistory({ priorStatus: 'poor', records: [{ on: '2021-12-01', status: a }, { on: '2023-01-31', status: b }] });
      return { history: h, finding: recentlyEscapedOn(h, { asOf: new Date(Date.UTC(2023, 0, 31 + days)).toISOString().slice(0, 10) }) };
    }),
  ],
  [
    'reviewTransitions',
    fc.array(fc.tuple(status, status, fc.constantFrom('A', 'B')), { minLength: 1, maxLength: 6 }).map((pairs) =>
      reviewTransitions(
        pairs.map(([s], i) => ({ householdId: `h${i}`, area: 'A', status: s })),
        pairs.map(([, s, area], i) => ({ householdId: `h${i}`, area, status: s })),
      ),
    ),
  ],
  [
    'areaFigures / areaRates / rollUpAreas',
    fc.array(fc.tuple(fc.integer({ min: 1, max: 50_000 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 })), { minLength: 1, maxLength: 4 }).map((units) => {
      const areas = units.map(([households, p, n], i) => areaFigures({ unit: `u${i}`, households: households + p + n, poor: p, nearPoor: n }));
      const all = rollUpAreas(areas, { unit: 'all' });
      return { areas, all, rates: areaRates(all, { decimals: 2, rounding: 'half-up' }) };
    }),
  ],
  [
    'reductionTarget / convertTarget / evaluateTarget',
    fc.tuple(fc.integer({ min: 1, max: 99 }), fc.nat({ max: 500 })).map(([tenths, achieved]) => {
      const target = reductionTarget({ form: 'points', subject: 'poor', points: `${tenths / 10}` });
      const base = { households: 30519, poor: 762, nearPoor: 723 };
      return { target, converted: convertTarget(target, base), evaluation: evaluateTarget(target, base, achieved) };
    }),
  ],
  ['splitTarget', fc.tuple(fc.nat({ max: 2000 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 5 })).map(([t, poor]) => splitTarget(t, poor.map((p, i) => ({ unit: `u${i}`, poor: p })), { method: 'proportional-to-poor' }))],
  [
    'reconcileTable (seed 001 budget, one cell changed)',
    fc.tuple(fc.nat({ max: seedBudget.rows.length - 1 }), fc.integer({ min: 1, max: 999 })).map(([row, value]) => {
      const r = seedBudget.rows[row]!;
      const key = Object.keys(r.cells)[0];
      const table = key === undefined ? seedBudget : { ...seedBudget, rows: seedBudget.rows.map((x, i) => (i === row ? { ...x, cells: { ...x.cells, [key]: String(value) } } : x)) };
      return reconcileTable(table);
    }),
  ],
  ['inferCommonBase', fc.tuple(fc.integer({ min: 100, max: 60_000 }), fc.integer({ min: 1, max: 99 })).map(([base, c]) => inferCommonBase([{ label: 'poor', count: c, rate: rate(c, base, { decimals: 2, rounding: 'half-up' }).toFixed(2).replace('.', ',') }], { rounding: 'half-up' }))],
  ['checkAreaFlow', fc.tuple(fc.nat({ max: 500 }), fc.nat({ max: 50 }), fc.nat({ max: 50 }), fc.integer({ min: -2, max: 2 })).map(([start, newly, exits, off]) => checkAreaFlow({ unit: 'X', start, newlyPoor: newly, rePoor: 0, exits: Math.min(exits, start + newly), end: Math.max(0, start + newly - Math.min(exits, start + newly) + off) }))],
  [
    'budgetLines / budgetTotals',
    fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('central', 'provincial' as const), fc.constantFrom('DA1', 'DA2', 'DA7.TDA2')), { minLength: 1, maxLength: 6 }).map((ls) => {
      const lines = budgetLines(ls.map(([amount, source, project]) => ({ amount, unit: 'trieu' as const, source, capitalType: 'recurrent' as const, project, year: 2024 })));
      return { lines, totals: budgetTotals(lines, { by: ['source', 'parentProject'] }) };
    }),
  ],
  [
    'requiredCounterpart / checkCounterpart / deriveCounterpart',
    fc.array(fc.bigInt({ min: 0n, max: 10n ** 13n }), { minLength: 1, maxLength: 5 }).map((central) => {
      const sum = central.reduce((a, b) => a + b, 0n);
      return {
        required: requiredCounterpart(sum, { supportPercent: '75', rounding: 'ceil', roundTo: 'trieu' }),
        check: checkCounterpart({ central: sum, counterpart: sum / 10n }, { supportPercent: '65' }),
        derived: deriveCounterpart(central, { percent: '10', roundTo: 'trieu', rounding: 'half-up', strategy: 'per-line' }),
      };
    }),
  ],
  ['allocateByCriteria', fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 })).filter(([, p]) => p.some((x) => x > 0)).map(([amount, poor]) => allocateByCriteria(amount * 1_000_000n, poor.map((p, i) => ({ id: `r${i}`, criteria: { poor: p } })), { coefficients: { poor: 1 }, step: 'trieu' }))],
  ['alkireFoster', fc.array(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }).map((rows) => alkireFoster({ kind: 'deprivations', rows }, { weights: weights2, cutoff: { share: '0.5' }, countBy: 'units' }))],
  ['fgt', fc.array(fc.tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom('rural', 'urban' as const)), { minLength: 1, maxLength: 6 }).map((us) => fgt(us.map(([income, area]) => ({ income, area })), { alpha: 2, line: { rural: 1_500_000n, urban: 2_000_000n }, income: 'per-head', countBy: 'units' }))],
  ['povertyChange', fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 5 })).map(([b, a, years]) => povertyChange(fraction(b, 1000), fraction(a, 1000), { years }))],
  ['householdEligibility', fc.tuple(status, fc.constantFrom('2023-01-31', '2024-06-01', '2025-12-31')).map(([s, asOf]) => householdEligibility({ householdId: 'h1', history: { priorStatus: 'poor', records: [{ on: '2023-01-31', status: s }] }, traits: ['child-under-16'] }, { asOf }))],
  ['adminHierarchy', fc.constant(adminHierarchy(EXAMPLE_ADMIN_UNITS))],
];

describe('toJsonResult', () => {
  it('writes bigint đồng and Decimals as decimal strings, fractions as "num/den" with a decimal, and says where', () => {
    const json = toJsonResult(apportion(10n, [1, 2]));
    expect(json).toEqual({
      format: JSON_RESULT_FORMAT,
      types: [
        [['parts', null], 'bigint'],
        [['quotas', null], 'fraction'],
      ],
      value: {
        parts: ['3', '7'],
        quotas: [
          { fraction: '10/3', decimal: '3.333333333333333333333333333333333333333' },
          { fraction: '20/3', decimal: '6.666666666666666666666666666666666666667' },
        ],
        method: 'largest-remainder',
      },
    });
    expect(toJsonResult({ rate: rate(697, 46_467, { decimals: 2, rounding: 'half-up' }) }).value).toEqual({ rate: '1.5' });
    expectDeepFrozen(json);
  });

  it('JSON.stringify of a classification never throws (it did: bigint income)', () => {
    const deprivations = Object.fromEntries(ND07_2021.indicators.map((d, i) => [d.id, i < 3]));
    const r = classifyHousehold({ area: 'rural', monthlyIncome: 4_000_000n, members: [{ age: 40 }, { age: 38 }, { age: 9 }], deprivations }, { asOf: '2024-01-01' });
    expect(() => JSON.stringify(r)).toThrow(TypeError);
    const text = JSON.stringify(toJsonResult(r));
    // the library's Decimal keeps 60 significant digits; the text keeps them all
    expect(JSON.parse(text).value.incomePerHead).toBe(`1333333.${'3'.repeat(53)}`);
    expect(roundTrip(r)).toEqual(r);
  });

  it('keeps a list of one result type short: one entry per field, not per row', () => {
    const results = classifyHouseholds(
      Array.from({ length: 50 }, (_, i) => ({ area: 'rural' as const, monthlyIncome: BigInt(i) * 1_000_000n, members: [{ age: 30 }], deprivations: Object.fromEntries(ND07_2021.indicators.map((d) => [d.id, i % 3 === 0])) })),
      { asOf: '2024-01-01', onConflict: 'use-facts' },
    );
    const { types } = toJsonResult(results);
    expect(types.every(([path]) => path[0] !== 'results' || path[1] === null)).toBe(true);
  });

  it('lists a mixed list item by item', () => {
    expect(toJsonResult([1n, 'a', 2n]).types).toEqual([
      [[0], 'bigint'],
      [[2], 'bigint'],
    ]);
  });

  it('keeps what plain JSON would lose: undefined fields, −0, NaN, typed arrays', () => {
    const value = { a: undefined, z: -0, n: Number.NaN, i: Number.NEGATIVE_INFINITY, t: Uint16Array.of(1, 65535), b: BigInt64Array.of(-(2n ** 63n)), f: Float64Array.of(-0, 1.5), d: new Decimal('-0') };
    const json = toJsonResult(value);
    expect(json.value).toEqual({ a: null, z: '-0', n: 'NaN', i: '-Infinity', t: [1, 65535], b: ['-9223372036854775808'], f: ['-0', 1.5], d: '-0' });
    expectSame(roundTrip(value), value);
  });

  it('refuses what is not plain data, naming the place', () => {
    for (const bad of [{ f: () => 1 }, { m: new Map() }, { d: new Date(0) }, { s: Symbol('x') }, { e: new Error('x') }]) {
      const [i] = thrownIssues(() => toJsonResult(bad));
      expect(i.code).toBe('not-serialisable');
      expect(i.path).toEqual(Object.keys(bad));
    }
  });
});

describe('fromJsonResult', () => {
  const envelope = (types: unknown, value: unknown): unknown => ({ format: JSON_RESULT_FORMAT, types, value });

  it('gives the library types back, deep-frozen', () => {
    const back = fromJsonResult<{ income: bigint; rate: Decimal; share: { num: bigint; den: bigint } }>(
      envelope(
        [
          [['income'], 'bigint'],
          [['rate'], 'decimal'],
          [['share'], 'fraction'],
        ],
        { income: '6000000', rate: '1.5', share: { fraction: '1/5', decimal: '0.2' } },
      ),
    );
    expect(back.income).toBe(6_000_000n);
    expect(back.rate).toBeInstanceOf(Decimal);
    expect(back.rate.toFixed(2)).toBe('1.50');
    expect(back.share).toEqual({ num: 1n, den: 5n });
    expectDeepFrozen(back);
  });

  it('refuses an envelope that is not one, and values that do not match their type', () => {
    expect(issueCodes(() => fromJsonResult({ format: 'other', types: [], value: 1 }))).toEqual(['invalid-input']);
    expect(issueCodes(() => fromJsonResult(envelope([[['a'], 'date']], {})))).toEqual(['invalid-input']);
    expect(issueCodes(() => fromJsonResult(null))).toEqual(['invalid-input']);
    const issues = thrownIssues(() =>
      fromJsonResult(
        envelope(
          [
            [['a'], 'bigint'],
            [['b'], 'decimal'],
            [['c'], 'fraction'],
            [['d'], 'Uint8Array'],
          ],
          { a: '1.5', b: '1e5', c: { fraction: '1/0' }, d: [1, 'x'] },
        ),
      ),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-json-result', ['value', 'a']],
      ['invalid-json-result', ['value', 'b']],
      ['invalid-json-result', ['value', 'c']],
      ['invalid-json-result', ['value', 'd', 1]],
    ]);
  });

  it('reads a "__proto__" key as a plain field', () => {
    const back = fromJsonResult<Record<string, unknown>>(JSON.parse(`{"format":"${JSON_RESULT_FORMAT}","types":[[["__proto__","x"],"bigint"]],"value":{"__proto__":{"x":"1"}}}`) as unknown);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__']);
    expect((Object.getOwnPropertyDescriptor(back, '__proto__')?.value as { x: bigint }).x).toBe(1n);
  });

  describe('properties', () => {
    for (const [name, results] of realResults) {
      it(`write then read gives the result back exactly: ${name}`, () => {
        fc.assert(
          fc.property(results, (result) => {
            const json: JsonResult = toJsonResult(result);
            const text = JSON.stringify(json);
            const back = fromJsonResult(JSON.parse(text) as unknown);
            expectSame(back, result);
            expectDeepFrozen(back);
            // and writing what was read gives the same text
            expect(JSON.stringify(toJsonResult(back))).toBe(text);
          }),
        );
      });
    }

    it('write then read gives any plain data back exactly', () => {
      const leaf = fc.oneof(
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.double(),
        fc.bigInt(),
        fc.tuple(fc.bigInt(), fc.bigInt({ min: 1n })).map(([n, d]) => fraction(n, d)),
        fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -40, max: 40 })).map(([n, e]) => new Decimal(`${n}e${e}`)),
        fc.array(fc.integer({ min: 0, max: 255 })).map((a) => Uint8Array.from(a)),
        fc.array(fc.double()).map((a) => Float64Array.from(a)),
      );
      const { tree } = fc.letrec((tie) => ({
        tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('tree'), { maxKeys: 4 })),
      }));
      fc.assert(
        fc.property(tree, (value) => {
          expectSame(roundTrip(value), value);
        }),
      );
    });
  });
});
