import fc from 'fast-check';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { VnPovertyError, parseInput } from '../../src/errors/VnPovertyError.js';
import { firstIssue, thrownIssues } from '../_helpers/errors.js';

/** The position of the `options` parameter of every public function that has one, read from the source. */
function optionsPositions(): ReadonlyMap<string, number> {
  const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 });
  const positions = new Map<string, number>();
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.includes('/src/')) continue;
    ts.forEachChild(sf, (node) => {
      if (!ts.isFunctionDeclaration(node) || node.name === undefined || node.body === undefined) return;
      const i = node.parameters.findIndex((p) => ts.isIdentifier(p.name) && (p.name.text === 'options' || p.name.text === 'opts'));
      if (i >= 0) positions.set(node.name.text, i);
    });
  }
  return positions;
}

const PUBLIC = api as unknown as Record<string, unknown>;
const WITH_OPTIONS = [...optionsPositions()].filter(([name]) => typeof PUBLIC[name] === 'function');

const h = { area: 'rural', monthlyIncome: 6_000_000, members: [{ age: 40 }] } as const;
const fig = api.areaFigures({ unit: 'x', households: 10, poor: 1, nearPoor: 1 });
/** Real calls whose options are replaced by garbage in the property below. */
const CALLS: ReadonlyArray<readonly [string, readonly string[], (o: unknown) => unknown]> = [
  ['rate', ['decimals', 'rounding'], (o) => api.rate(1, 3, o as never)],
  ['parseVnNumber', ['kind'], (o) => api.parseVnNumber('1.270', o as never)],
  ['parseExactVnNumber', ['kind'], (o) => api.parseExactVnNumber('1.270', o as never)],
  ['formatVnNumber', ['decimals', 'rounding'], (o) => api.formatVnNumber(1, o as never)],
  ['toDong', ['rounding', 'decimals'], (o) => api.toDong('1.5', 'trieu', o as never)],
  ['fromDong', ['rounding', 'decimals'], (o) => api.fromDong(1n, 'trieu', o as never)],
  ['apportion', ['method', 'rounding'], (o) => api.apportion(10, [1, 2], o as never)],
  ['roundEachPart', ['rounding'], (o) => api.roundEachPart(10, [1, 2], o as never)],
  ['classifyHousehold', ['asOf', 'onConflict', 'standard', 'standards', 'predicates'], (o) => api.classifyHousehold(h, o as never)],
  ['classifyHouseholds', ['asOf', 'onConflict', 'standard'], (o) => api.classifyHouseholds([h], o as never)],
  ['standardFor', ['standards'], (o) => api.standardFor('2024-01-01', o as never)],
  ['areaRates', ['decimals', 'rounding'], (o) => api.areaRates(fig, o as never)],
  ['rollUpAreas', ['unit'], (o) => api.rollUpAreas([fig], o as never)],
  ['recentlyEscapedUntil', ['window'], (o) => api.recentlyEscapedUntil('2024-01-01', o as never)],
  ['addCalendarMonths', ['zone'], (o) => api.addCalendarMonths('2024-01-31', 1, o as never)],
  ['periodEnd', ['zone'], (o) => api.periodEnd('2024-01-31', { months: 36 }, o as never)],
];

describe('core API inputs are validated like file inputs', () => {
  it('finds the public functions that take options', () => {
    expect(WITH_OPTIONS.length).toBeGreaterThan(50);
    expect(WITH_OPTIONS.map(([n]) => n)).toEqual(expect.arrayContaining(['rate', 'parseVnNumber', 'classifyHousehold', 'reconcileTable', 'alkireFoster']));
  });

  it('parseVnNumber checks kind: a typo is refused, not read as a count; null options are a VnPovertyError', () => {
    const typo = firstIssue(() => api.parseVnNumber('1.270', { kind: 'rates' } as never));
    expect([typo.code, typo.path, typo.value]).toEqual(['invalid-options', ['options', 'kind'], 'rates']);
    expect(typo.message).toBe('options.kind: got "rates", expected one of "count", "rate", "amount" (or leave kind out)');
    expect(firstIssue(() => api.parseVnNumber('1.270', null as never)).code).toBe('invalid-options');
    expect(firstIssue(() => api.parseExactVnNumber('1.270', null as never)).code).toBe('invalid-options');
  });

  it('rate without options, or with null, names the options', () => {
    const missing = firstIssue(() => (api.rate as (a: number, b: number) => unknown)(1, 3));
    expect([missing.code, missing.path]).toEqual(['missing-options', ['options']]);
    expect(missing.message).toContain('rate: options: missing');
    expect(firstIssue(() => api.rate(1, 3, null as never)).message).toBe('rate: options: got null, expected an options object');
  });

  it('zod never speaks: messages say what was expected in the library’s words, values as written', () => {
    const issues = thrownIssues(() => parseInput(z.strictObject({ area: z.enum(['urban', 'rural']), n: z.number().int().min(1), s: z.string() }), { area: 'city', n: 0.5, extra: { a: 'x'.repeat(500) } }));
    const messages = issues.map((i) => i.message);
    expect(messages).toEqual([
      'area: got "city", expected one of "urban", "rural"',
      'n: got 0.5, expected a whole number',
      's: got nothing, expected a value: text (a string)',
      expect.stringMatching(/^extra: got \{"a":"x+… \(\d+ characters\), expected no field “extra” here/),
    ]);
    for (const m of messages) expect(m).not.toMatch(/Invalid input|Unrecognized key|expected string, received/);
    expect(issues[3]?.path).toEqual(['extra']);
    const asOf = firstIssue(() => api.classifyHousehold(h as never, { asOf: '2024-13-45' }));
    expect([asOf.path, asOf.value]).toEqual([['asOf'], '2024-13-45']);
    expect(asOf.message).toMatch(/^asOf: got "2024-13-45", expected/);
  });

  describe('properties', () => {
    const notAnObject = fc.constantFrom<unknown>(null, 0, 1.5, 'x', '', [], [1], true, () => 1, Symbol('s'), 1n);
    it('every public function given options that are not an object throws a VnPovertyError naming them, never a TypeError', () => {
      fc.assert(
        fc.property(fc.constantFrom(...WITH_OPTIONS), notAnObject, ([name, position], garbage) => {
          const args: unknown[] = [];
          args[position] = garbage;
          let thrown: unknown;
          try {
            (PUBLIC[name] as (...a: unknown[]) => unknown)(...args);
          } catch (e) {
            thrown = e;
          }
          expect(thrown, name).toBeInstanceOf(VnPovertyError);
          expect((thrown as VnPovertyError).issues[0].path[0], name).toBe('options');
        }),
      );
    });
    it('real calls given garbage option values return or throw a VnPovertyError, never anything else', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...CALLS),
          fc.dictionary(fc.constantFrom('decimals', 'rounding', 'kind', 'asOf', 'onConflict', 'standard', 'standards', 'predicates', 'unit', 'window', 'zone', 'method', 'other'), fc.oneof(fc.anything(), fc.constantFrom('half-up', 2, '2024-01-01', 'count', 'rural', null))),
          ([name, , call], options) => {
            try {
              call(options);
            } catch (e) {
              expect(e, `${name} ${fc.stringify(options)}`).toBeInstanceOf(VnPovertyError);
            }
          },
        ),
      );
    });
  });
});
