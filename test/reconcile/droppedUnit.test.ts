import { describe, expect, it } from 'vitest';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import type { PrintedTable } from '../../src/reconcile/printedTable.js';

/** Seed 001 (Tịnh Biên 2024), DA7 sub-project 2, line 445: "Ngân sách tỉnh: 19 đồng" in a budget in triệu đồng. */
const table = (provincial: string): PrintedTable => ({
  columns: [
    { key: 'central', kind: 'amount', unit: 'trieu' },
    { key: 'provincial', kind: 'amount', unit: 'trieu' },
    { key: 'total', kind: 'amount', unit: 'trieu' },
  ],
  rows: [{ key: 'DA7.TDA2', label: 'Tiểu dự án 2: Giám sát, đánh giá', cells: { central: '187', provincial, total: '206' } }],
  relations: [{ type: 'column-total', column: 'total', parts: ['central', 'provincial'] }],
});

describe('a money cell printed in another unit than its column', () => {
  it('is converted exactly, and when reading it in the column unit balances the relation, the message names it as a dropped unit', () => {
    const report = reconcileTable(table('19 đồng'));
    expect(report.ok).toBe(false);
    expect(report.issues).toHaveLength(1);
    const [i] = report.issues;
    expect(i?.difference).toBe('18.999981'); // 206 − (187 + 0,000019 triệu): exact, nothing rounded away
    expect(i?.message).toContain('“19 đồng” at Tiểu dự án 2: Giám sát, đánh giá · provincial is printed in đồng');
    expect(i?.message).toContain('a dropped unit?');
  });

  it('says nothing about units when the figure is wrong in any unit', () => {
    const [i] = reconcileTable(table('18 đồng')).issues;
    expect(i?.message).not.toContain('dropped unit');
  });

  it('reconciles when the unit is right', () => {
    expect(reconcileTable(table('19')).ok).toBe(true);
    expect(reconcileTable(table('19 triệu đồng')).ok).toBe(true);
  });
});
