import { describe, expect, it } from 'vitest';
import { budgetLines } from '../../src/budgets/budgetLine.js';
import { budgetTotals } from '../../src/budgets/budgetTotals.js';
import { requiredCounterpart } from '../../src/budgets/requiredCounterpart.js';
import { toDong } from '../../src/numbers/money.js';
import { parseVnNumber } from '../../src/numbers/parseVnNumber.js';

/** Seed 004 (Phong Thổ district, Lai Châu, plan for 2022), line 47, as printed. */
const PRINTED = { total: '82.075 triệu đồng', investment: '71.750 triệu đồng', recurrent: '10.505 triệu đồng' };
const trieu = (text: string): bigint => toDong(parseVnNumber(text, { kind: 'amount' }).value, 'trieu');

describe('seed 004: capital for 2022 (total, investment, recurrent)', () => {
  const lines = budgetLines([
    { amount: parseVnNumber(PRINTED.investment, { kind: 'amount' }).value, unit: 'trieu', source: 'central', capitalType: 'investment', adminUnit: 'Phong Thổ', year: 2022 },
    { amount: parseVnNumber(PRINTED.recurrent, { kind: 'amount' }).value, unit: 'trieu', source: 'central', capitalType: 'recurrent', adminUnit: 'Phong Thổ', year: 2022 },
  ]);

  it('keeps money given for the program as a whole (no project) as project null', () => {
    expect(lines.map((l) => l.project)).toEqual([null, null]);
    expect(budgetTotals(lines, { by: ['project'] }).groups).toHaveLength(1);
  });

  it('investment + recurrent = 82.255 triệu, 180 triệu more than the 82.075 printed as the total', () => {
    const byType = budgetTotals(lines, { by: ['capitalType'] });
    expect(byType.groups.map((g) => [g.key.capitalType, g.total])).toEqual([
      ['investment', 71_750_000_000n],
      ['recurrent', 10_505_000_000n],
    ]);
    expect(byType.total).toBe(82_255_000_000n);
    expect(byType.total - trieu(PRINTED.total)).toBe(180_000_000n);
  });

  it('one reading that adds up: investment 71.570 (two digits swapped) + 10.505 = 82.075 — a hypothesis, not a correction', () => {
    expect(trieu('71.570') + trieu(PRINTED.recurrent)).toBe(trieu(PRINTED.total));
  });

  it('the 3 % counterpart tier on either figure, rounded up to the million', () => {
    expect(requiredCounterpart(trieu(PRINTED.total), { supportPercent: '80', rounding: 'ceil', roundTo: 'trieu', year: 2022 }).minimum).toBe(2_463_000_000n); // 2.462,25
    expect(requiredCounterpart(82_255_000_000n, { supportPercent: '80', rounding: 'ceil', roundTo: 'trieu', year: 2022 }).minimum).toBe(2_468_000_000n); // 2.467,65
  });
});
