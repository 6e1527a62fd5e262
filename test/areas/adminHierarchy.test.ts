import { describe, expect, it } from 'vitest';
import { adminHierarchy, ancestorsOf, EXAMPLE_ADMIN_UNITS, TWO_TIER_FROM, unitsInForce, type AdminUnitInput } from '../../src/areas/adminHierarchy.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { expectPure } from '../_helpers/purity.js';
import { issueCodesAt } from '../_helpers/errors.js';

const codes = (units: readonly AdminUnitInput[]): string[] => issueCodesAt(() => adminHierarchy(units));
const [province, district, commune] = EXAMPLE_ADMIN_UNITS as [AdminUnitInput, AdminUnitInput, AdminUnitInput, ...AdminUnitInput[]];

describe('adminHierarchy', () => {
  const h = adminHierarchy(EXAMPLE_ADMIN_UNITS);

  it('accepts the bundled example: three tiers before 1 July 2025, two from then', () => {
    expect(h.units).toHaveLength(9);
    expect(TWO_TIER_FROM).toBe('2025-07-01');
    expect(unitsInForce(h, { asOf: '2024-01-01' }).map((u) => u.level)).toEqual(['province', 'district', 'commune', 'commune', 'commune']);
    expect(unitsInForce(h, { asOf: '2025-06-30' }).some((u) => u.level === 'district')).toBe(true);
    expect(unitsInForce(h, { asOf: '2025-07-01' }).map((u) => u.level)).toEqual(['province', 'commune', 'commune', 'commune']);
  });

  it('walks up: a commune has a district then a province before the reform, a province only after', () => {
    expect(ancestorsOf(h, '30316', { asOf: '2024-01-01' }).map((u) => u.name)).toEqual(['Thị xã Tịnh Biên', 'Tỉnh An Giang']);
    expect(ancestorsOf(h, '30301', { asOf: '2025-07-01' }).map((u) => `${u.codeSystem}:${u.code}`)).toEqual(['QD19_2025:91']);
    expect(() => ancestorsOf(h, '30316', { asOf: '2025-07-01' })).toThrow(VnPovertyError);
  });

  it('refuses a district on or after 1 July 2025', () => {
    expect(codes([{ ...province, validTo: null }, { ...district, validTo: null }])).toEqual(['district-after-reform@1.validTo']);
  });

  it('refuses a post-reform commune under a district, and a pre-reform commune under a province', () => {
    const newProvince = EXAMPLE_ADMIN_UNITS[5]!;
    expect(codes([province, district, { ...commune, parentCode: '89' }])).toEqual(['wrong-parent-level@2.parentCode']);
    expect(codes([newProvince, { ...commune, codeSystem: 'QD19_2025', parentCode: '91', validFrom: '2025-07-01', validTo: null }])).toEqual([]);
  });

  it('refuses wrong kinds, code widths, unknown parents, duplicates, inverted validity', () => {
    expect(codes([{ ...province, kind: 'xa' }])).toEqual(['kind-level-mismatch@0.kind']);
    expect(codes([{ ...province, code: '089' }])).toEqual(['invalid-code@0.code']);
    expect(codes([province, district, { ...commune, parentCode: '999' }])).toEqual(['unknown-parent@2.parentCode']);
    expect(codes([province, province])).toEqual(['duplicate-unit@1.code']);
    expect(codes([{ ...province, validTo: '2000-01-01' }])).toEqual(['invalid-validity@0.validTo']);
    expect(codes([{ ...province, code: 'AB' }])[0]).toMatch(/^invalid-input@0\.code/);
  });

  it('is pure', () => {
    expectPure(adminHierarchy, EXAMPLE_ADMIN_UNITS);
    expectPure(unitsInForce, h, { asOf: '2024-01-01' });
  });
});
