import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { fraction } from '../../src/numbers/fraction.js';
import type { PrintedTable } from '../../src/reconcile/printedTable.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';

const vi = (n: bigint, decimals = 0): string => formatVnNumber(fraction(n, 10n ** BigInt(decimals)), { decimals, rounding: 'half-up' });

/** A table by year: the poor households, and their decrease from the year before. */
function years(poor: readonly number[], change: (i: number) => number = () => 0): PrintedTable {
  return {
    columns: [{ key: 'poor', kind: 'count' }, { key: 'fall', kind: 'count' }],
    rows: poor.map((p, i) => ({ key: `y${i}`, label: String(2021 + i), cells: { poor: vi(BigInt(p)), fall: i === 0 ? null : vi(BigInt(poor[i - 1]! - p + change(i))) } })),
    relations: [{ type: 'row-change', column: 'fall', of: 'poor', direction: 'decrease', pairs: poor.slice(1).map((_, i) => ({ row: `y${i + 1}`, previous: `y${i}` })) }],
  };
}

describe('row-change and product relations', () => {
  it('a decrease is the row before less this row; an increase this row less the row before, signed', () => {
    expect(reconcileTable(years([2265, 2041, 1806])).ok).toBe(true);
    const wrong = reconcileTable(years([2265, 2041, 1806], (i) => (i === 1 ? 10 : 0)));
    expect(wrong.issues.map((i) => [i.row, i.column, i.printed, i.expected])).toEqual([['2022', 'fall', '234', '224']]);
    const up: PrintedTable = { ...years([10, 12, 9]), relations: [{ type: 'row-change', column: 'fall', of: 'poor', direction: 'increase', pairs: [{ row: 'y1', previous: 'y0' }, { row: 'y2', previous: 'y1' }] }] };
    const t = { ...up, rows: up.rows.map((r, i) => ({ ...r, cells: { ...r.cells, fall: ['-', '2', '-3'][i]! } })) };
    expect(reconcileTable(t).ok).toBe(true);
  });

  it('an amount is the count times the amount per unit, exactly or rounded to the decimals printed', () => {
    const table = (amount: string): PrintedTable => ({
      columns: [{ key: 'hh', kind: 'count' }, { key: 'each', kind: 'amount', unit: 'trieu' }, { key: 'amount', kind: 'amount', unit: 'trieu' }],
      rows: [{ key: 'r', label: 'Thẻ BHYT', cells: { hh: '1.420', each: '0,7641', amount } }],
      relations: [{ type: 'product', column: 'amount', factors: ['hh', 'each'], rounding: 'half-up' }],
    });
    expect(reconcileTable(table('1.085,0')).ok).toBe(true);
    expect(reconcileTable(table('1.085,022')).ok).toBe(true);
    const wrong = reconcileTable(table('1.085,1'));
    expect(wrong.issues.map((i) => [i.code, i.expected, i.difference])).toEqual([['product-mismatch', '1.085,0', '0.1']]);
    expect(wrong.issues[0]!.message).toContain('1.420 × 0,7641 = 1.085,0220');
  });

  describe('properties', () => {
    it('consistent changes never give a finding; one change off by k gives one finding there, off by k', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 3, maxLength: 8 }), fc.nat(), fc.integer({ min: -999, max: 999 }).filter((k) => k !== 0), (poor, at, k) => {
          expect(reconcileTable(years(poor)).issues).toEqual([]);
          const i = 1 + (at % (poor.length - 1));
          const issues = reconcileTable(years(poor, (x) => (x === i ? k : 0))).issues;
          expect(issues.map((x) => [x.rowKey, x.column, x.difference])).toEqual([[`y${i}`, 'fall', String(k)]]);
        }),
      );
    });

    it('a product printed as count × amount per unit rounded half-up to one decimal always holds', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 4 }), (hh, units, d) => {
          const exact = BigInt(hh) * BigInt(units); // at d decimals
          const scale = 10n ** BigInt(d);
          const printed = d === 0 ? exact * 10n : (exact * 10n + scale / 2n) / scale; // one decimal, half-up
          const table: PrintedTable = {
            columns: [{ key: 'hh', kind: 'count' }, { key: 'each', kind: 'amount', unit: 'trieu' }, { key: 'amount', kind: 'amount', unit: 'trieu' }],
            rows: [{ key: 'r', label: 'r', cells: { hh: vi(BigInt(hh)), each: vi(BigInt(units), d), amount: vi(printed, 1) } }],
            relations: [{ type: 'product', column: 'amount', factors: ['hh', 'each'], rounding: 'half-up' }],
          };
          expect(reconcileTable(table).issues).toEqual([]);
        }),
      );
    });
  });
});
