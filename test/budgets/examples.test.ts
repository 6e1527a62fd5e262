import { describe, expect, it } from 'vitest';
import { report as seed001Report } from '../../examples/seed001-tinh-bien-budget.js';
import { report as seed004Report } from '../../examples/seed004-phong-tho.js';

describe('budget examples', () => {
  it('seed 001: every provincial line reproduced, totals 498 and 5.476, and the "19 đồng" typo found', () => {
    const text = seed001Report();
    expect(text.match(/ ✓$/gm)).toHaveLength(6);
    expect(text).not.toMatch(/ ✗$/m);
    expect(text).toContain('program total: central 4.978 + provincial 498 = 5.476 (printed 5.476)');
    expect(text).toContain('half-up  : [9,9684 %; 10,0087 %) — contains 10 %');
    expect(text).toContain('31 checks, 3 errors');
  });

  it('seed 004: the 180 triệu gap between the parts and the printed total', () => {
    const text = seed004Report();
    expect(text).toContain('does not add up: the parts exceed the total by 180');
    expect(text).toContain('difference -180');
  });
});
