import { describe, expect, it } from 'vitest';
import { report as seed000 } from '../../examples/seed000-rach-gia.js';
import { report as seed001 } from '../../examples/seed001-tinh-bien-table.js';
import { report as seed002 } from '../../examples/seed002-binh-thuan.js';
import { report as seed003 } from '../../examples/seed003-phuoc-hai.js';

describe('seed examples (examples/seed00[0-3]-*.ts)', () => {
  it('seed 000: flags the July poor rate 1,5 % against a base of about 60.500 households', () => {
    const text = seed000();
    expect(text).toContain('✗ poor “1,5% (697 hộ)”               44.968 – 48.068 households');
    expect(text).toContain('→ consistent: a common base of 60.282 – 60.853 households');
    expect(text).toContain('→ consistent: a common base of 7.110 – 7.131 households');
    expect(text).toContain('Most pairs agree on 60.282 – 60.707; does not fit: poor, July');
    expect(text).toContain('→ consistent: both fit one plan');
    expect(text).toContain('khoảng 6.600 at 112% implies a base of 5.822,2–5.964,2');
  });

  it('seed 001: the short report of the table, and the headline targets against the plan’s exits', () => {
    const text = seed001();
    expect(text).toContain('table: 413 checks, 5 errors, 1 rounding finding');
    expect(text).toContain('needs 245 exits (244,2), plans 154 = 0,50 points → NOT met, short by 90,2 households (0,30 points)');
    expect(text).toContain('249 exits = 0,82 points → met');
    expect(text).toContain('needs 297 of 1.485, plans 249 → NOT met, short by 48,0 households');
    expect(text).toMatch(/sum {10}297 {3}\(plan: 249\)/);
  });

  it('seed 002: 0,42 points is 1.470 households of 350.000', () => {
    expect(seed002()).toContain('1.470,0 / 1.470');
  });

  it('seed 003: the two forms agree on 5.000 – 5.882 households', () => {
    const text = seed003();
    expect(text).toContain('They agree when the ward has 5.000 – 5.882 households');
    expect(text).toMatch(/5\.883 +10,00 – 11,77 +0,170 +no, below 0,17/);
  });
});
