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
