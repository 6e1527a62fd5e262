import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { VnPovertyError, fail, issue, parseInput } from '../../src/errors/VnPovertyError.js';
import { thrownIssues } from '../_helpers/errors.js';

describe('VnPovertyError', () => {
  it('carries structured, frozen issues and a readable message', () => {
    const err = new VnPovertyError([
      issue({ code: 'negative-income', path: ['income'], value: -1, expected: 'an income ≥ 0', rule: { description: 'income is never negative', term: 'thu nhập' } }),
    ]);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('VnPovertyError');
    expect(err.issues[0].code).toBe('negative-income');
    expect(err.message).toBe('income: got -1, expected an income ≥ 0 (income is never negative, “thu nhập”)');
    expect(Object.isFrozen(err.issues)).toBe(true);
    expect(Object.isFrozen(err.issues[0])).toBe(true);
  });

  it('fail() throws one issue', () => {
    expect(() => fail({ code: 'x', value: 1, expected: 'y' })).toThrow(VnPovertyError);
  });

  it('parseInput turns every zod issue into a VnIssue naming field, value and rule', () => {
    const schema = z.object({ area: z.enum(['urban', 'rural']), members: z.array(z.object({ age: z.number().int().min(0) })) });
    const issues = thrownIssues(() => parseInput(schema, { area: 'city', members: [{ age: 3 }, {}] }, { description: 'household input', source: 'NĐ 07/2021/NĐ-CP' }));
    expect(issues.map((i) => [i.code, i.path.join('.'), i.value])).toEqual([
      ['invalid-input', 'area', 'city'],
      ['missing-field', 'members.1.age', undefined],
    ]);
    expect(issues[0].rule?.source).toBe('NĐ 07/2021/NĐ-CP');
    expect(parseInput(schema, { area: 'rural', members: [] })).toEqual({ area: 'rural', members: [] });
  });
});

describe('messages show NaN and Infinity as given', () => {
  const household = (monthlyIncome: number, age = 40) => ({ area: 'rural', monthlyIncome, members: [{ age }] });

  it('a monthly income of NaN or ±Infinity is named so, never "null"', async () => {
    const { classifyHousehold } = await import('../../src/standards/classifyHousehold.js');
    for (const [value, text] of [[Number.NaN, 'NaN'], [Number.POSITIVE_INFINITY, 'Infinity'], [Number.NEGATIVE_INFINITY, '-Infinity']] as const) {
      const [first] = thrownIssues(() => classifyHousehold(household(value) as never, { asOf: '2024-01-01' }));
      expect(first!.path).toEqual(['monthlyIncome']);
      expect(first!.message).toContain(`got ${text},`);
      expect(first!.message).not.toContain('null');
    }
  });

  it('an age of NaN is named so; a finite wrong value reads as before', async () => {
    const { classifyHousehold } = await import('../../src/standards/classifyHousehold.js');
    const [nan] = thrownIssues(() => classifyHousehold(household(3_000_000, Number.NaN) as never, { asOf: '2024-01-01' }));
    expect(nan!.message).toMatch(/^members\.0\.age: got NaN,/);
    const [neg] = thrownIssues(() => classifyHousehold(household(3_000_000, -1) as never, { asOf: '2024-01-01' }));
    expect(neg!.message).toMatch(/^members\.0\.age: got -1,/);
    expect(issue({ code: 'x', path: ['v'], value: 1.5, expected: 'y' }).message).toBe('v: got 1.5, expected y');
  });
});

describe('instanceof VnPovertyError across two copies of the library (the ESM and the CommonJS build)', () => {
  it('an error thrown by a second copy is an instance of the first copy\'s class, and back', async () => {
    const { vi } = await import('vitest');
    vi.resetModules();
    const other = await import('../../src/errors/VnPovertyError.js');
    vi.resetModules();
    expect(other.VnPovertyError).not.toBe(VnPovertyError); // two classes, as ESM and CJS load
    let fromOther: unknown;
    try {
      other.fail({ code: 'non-positive-base', path: ['base'], value: 0, expected: 'a base greater than zero' });
    } catch (e) {
      fromOther = e;
    }
    expect(fromOther instanceof VnPovertyError).toBe(true);
    expect(new VnPovertyError([issue({ code: 'x', path: [], value: 1, expected: 'y' })]) instanceof other.VnPovertyError).toBe(true);
  });

  it('an Error that is not one, or a look-alike object, is not an instance', () => {
    expect(new Error('x') instanceof VnPovertyError).toBe(false);
    expect(({ name: 'VnPovertyError', issues: [] } as unknown) instanceof VnPovertyError).toBe(false);
    expect((null as unknown) instanceof VnPovertyError).toBe(false);
    expect(('VnPovertyError' as unknown) instanceof VnPovertyError).toBe(false);
  });
});
