import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidReviewedHousehold, parseReviewedHouseholds, reviewedHouseholdSchema, type ReviewedHousehold } from '../../src/reports/reviewedHousehold.js';
import { firstIssue } from '../_helpers/errors.js';
import { REGISTER, registerArb } from './_register.js';

/** A value a field might be given by mistake. */
const wrongValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant(-1),
  fc.constant(0.5),
  fc.constant(Number.NaN),
  fc.constant('mars'),
  fc.constant(['latrine', 'nope']),
  fc.constant([undefined]),
  fc.constant({ total: 1, withoutHealthInsurance: 2, nutritionDeprived: 0, schoolDeprived: 0 }),
  fc.constant({ total: 1, withoutHealthInsurance: 0, nutritionDeprived: 0 }),
  fc.boolean(),
  fc.string(),
  fc.anything(),
);
const FIELDS = ['id', 'unit', 'area', 'village', 'headName', 'status', 'startStatus', 'everEscapedPoverty', 'everEscapedNearPoverty', 'ethnicMinority', 'ethnicGroup', 'deprivations', 'causes', 'policyGroups', 'children', 'support', 'extra'];

describe('parseReviewedHouseholds', () => {
  it('takes valid records as they are and refuses the others through the schema, naming index and field', () => {
    const parsed = parseReviewedHouseholds(REGISTER);
    expect(parsed.every((h, i) => h === REGISTER[i])).toBe(true);
    const e = firstIssue(() => parseReviewedHouseholds([REGISTER[0]!, { ...REGISTER[1]!, area: 'mars' as 'rural' }]));
    expect([e.path, e.message]).toEqual([[1, 'area'], 'household 1: area: got "mars", expected one of "rural", "urban"']);
    expect(isValidReviewedHousehold(Object.assign(Object.create({ id: 'x' }) as object, { unit: 'X', status: 'poor' }))).toBe(false);
    const hidden = { id: 'a', unit: 'X', status: 'poor' };
    Object.defineProperty(hidden, 'area', { value: 'mars', enumerable: false });
    expect(isValidReviewedHousehold(hidden)).toBe(false);
  });

  describe('properties', () => {
    it('the bulk check accepts a record only when the schema gives it back unchanged; every generated record takes the bulk path', () => {
      fc.assert(
        fc.property(registerArb, fc.nat(), fc.constantFrom(...FIELDS), wrongValue, (households, which, field, value) => {
          for (const h of households) expect(isValidReviewedHousehold(h)).toBe(true);
          const base: Record<string, unknown> = { ...(households[which % Math.max(1, households.length)] ?? { id: 'h', unit: 'X', status: 'poor' }) };
          const record = { ...base, [field]: value };
          if (isValidReviewedHousehold(record)) {
            const z = reviewedHouseholdSchema.safeParse(record);
            expect(z.success).toBe(true);
            expect(z.data).toEqual(record as ReviewedHousehold);
          }
          if (!reviewedHouseholdSchema.safeParse(record).success) expect(isValidReviewedHousehold(record)).toBe(false);
        }),
      );
    });
  });
});
