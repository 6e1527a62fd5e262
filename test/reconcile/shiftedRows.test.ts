import fc from 'fast-check';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { reconcileGrid } from '../../src/reconcile/reconcileGrid.js';
import type { PrintedGrid, TableSpec } from '../../src/reconcile/tableSpec.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const tempDir = tempDirs('vnp-shifted-');

const YEARS = ['2019', '2020', '2021', '2022', '2023', '2024', '2025'];
const YEAR_SPEC: TableSpec = {
  columns: [{ key: 'item', kind: 'text', header: 'Nội dung' }, ...YEARS.map((y) => ({ key: `y${y}`, kind: 'count' as const, header: y })), { key: 'total', kind: 'count', header: 'Tổng' }],
  relations: [{ type: 'column-total', column: 'total', parts: YEARS.map((y) => `y${y}`) }],
};
const HEADER = ['Nội dung', ...YEARS, 'Tổng'];
/** Rows as a spreadsheet gives them: every row as wide as the sheet. */
const sheet = (rows: ReadonlyArray<ReadonlyArray<string | null>>): PrintedGrid => rows.map((r) => [...r, ...Array<null>(HEADER.length - r.length).fill(null)]);
const codes = (grid: PrintedGrid, spec: TableSpec = YEAR_SPEC): string[][] => reconcileGrid(grid, spec).issues.map((i) => [i.code, i.rowKey]);

describe('a row whose figures moved left (a lost cell) is one structural finding, not blank cells', () => {
  it('seven years and a total: rows B and C carry 7 figures under 8 columns, their last cell blank', async () => {
    // (labels that are not “A”, “B”…: a lettered label is a group row)
    const rows = [HEADER, ['Dự án 1', '1', '1', '1', '1', '1', '1', '1', '7'], ['Dự án 2', '1', '2', '1', '1', '1', '1', '7'], ['Dự án 3', '2', '2', '2', '2', '2', '2', '12'], ['Dự án 4', '1', '1', '1', '1', '1', '1', '1', '7'], ['Dự án 5', '3', '1', '1', '1', '1', '1', '1', '9']];
    // through a real workbook, as `vn-poverty reconcile FILE.xlsx` reads it (before: two blank-cell findings)
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Năm');
    for (const r of rows) ws.addRow(r.map((c, i) => (i === 0 || rows.indexOf(r) === 0 ? c : Number(c))));
    const path = join(tempDir(), 'nam.xlsx');
    await wb.xlsx.writeFile(path);
    const { grid } = await readSheetGrid(path);
    const r = reconcileGrid(grid, YEAR_SPEC, { source: 'nam.xlsx' });
    expect(r.issues.map((i) => [i.code, i.rowKey, i.severity])).toEqual([['shifted-row', '3', 'error'], ['shifted-row', '4', 'error']]);
    expect(r.structural).toBe(2);
    expect(r.issues[0]!.message).toBe(
      'nam.xlsx: line 3: 7 figures under 8 columns; the figures look shifted left by one column (a cell is missing before “Tổng”: moved one column to the right, the row\'s relations hold, as printed they do not). The row is left out of the checks',
    );
    expect(r.issues[0]!.grid).toEqual({ row: 2, column: 8 });
  });

  it('names the lost cell when one place fits: a unit row of a table with a total row', () => {
    const spec: TableSpec = {
      columns: [{ key: 'unit', kind: 'text', header: 'Xã' }, { key: 'households', kind: 'count', header: 'Số hộ' }, { key: 'poor', kind: 'count', header: 'Hộ nghèo' }, { key: 'near', kind: 'count', header: 'Hộ cận nghèo' }, { key: 'exits', kind: 'count', header: 'Thoát nghèo' }],
      relations: [{ type: 'role-totals', columns: ['households', 'poor', 'near', 'exits'] }],
    };
    const grid = [['Xã', 'Số hộ', 'Hộ nghèo', 'Hộ cận nghèo', 'Thoát nghèo'], ['An Phú', '2348', '38', '95', '6'], ['Tân Lợi', '2154', '53', '4', null], ['Long Hòa', '1200', '20', '60', '3'], ['Tổng', '5702', '102', '208', '13']];
    // Tân Lợi lost its “Hộ nghèo” (44): its 53 and 4 sit one column left
    const r = reconcileGrid(grid, spec);
    expect(r.issues.map((i) => [i.code, i.row, i.column])).toEqual([['shifted-row', 'line 3', 'poor']]);
    expect(r.issues[0]!.message).toContain('the cell under “Hộ nghèo” looks missing (the relations give 44)');
  });

  it('a blank that other rows share, a blank the figures fit around, and figures that fit where they are are not shifts', () => {
    // most rows leave 2025 and the total blank: the blank is the table's pattern
    expect(codes(sheet([HEADER, ['Dự án 1', '1', '1', '1', '1', '1', '1'], ['Dự án 2', '1', '2', '1', '1', '1', '1', '7'], ['Dự án 3', '2', '2', '2', '2', '2', '2'], ['Dự án 4', '1', '1', '1', '1', '1', '1', '1', '7']]))).not.toContainEqual(expect.arrayContaining(['shifted-row']));
    // Dự án 2's total is blank, and read one column right its figures would not add up (3 < 1 + 2 + 1 + 1 + 1 + 1)
    expect(codes(sheet([HEADER, ['Dự án 1', '1', '1', '1', '1', '1', '1', '1', '7'], ['Dự án 2', '1', '2', '1', '1', '1', '1', '3'], ['Dự án 4', '1', '1', '1', '1', '1', '1', '1', '7'], ['Dự án 5', '3', '1', '1', '1', '1', '1', '1', '9']]))).toEqual([['blank-cell', '3']]);
    // a budget table that prints nothing for nothing: the row holds as printed (its total is nothing)
    const budget: TableSpec = { ...YEAR_SPEC, blankAs: 'zero' };
    expect(codes(sheet([HEADER, ['Dự án 1', '1', '1', '1', '1', '1', '1', '1', '7'], ['Dự án 2', '0', '0', '0', '0', '0', '0', '0'], ['Dự án 4', '1', '1', '1', '1', '1', '1', '1', '7'], ['Dự án 5', '3', '1', '1', '1', '1', '1', '1', '9']]), budget)).toEqual([]);
  });
});

describe('properties', () => {
  /** A consistent table: unit rows of counts with a row total, and a total row summing every column. */
  const consistent = fc
    .record({ years: fc.integer({ min: 2, max: 5 }), units: fc.integer({ min: 3, max: 6 }) })
    .chain(({ years, units }) =>
      fc.record({
        years: fc.constant(years),
        // figures one and two apart differ (the total with the years), so that a move by 1 or 2 always changes what some column holds
        values: fc.array(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: years, maxLength: years }), { minLength: units, maxLength: units }).filter((rows) =>
          rows.every((r) => {
            const f = [...r, r.reduce((a, b) => a + b, 0)];
            return f.every((v, i) => (i < 1 || v !== f[i - 1]) && (i < 2 || v !== f[i - 2]));
          }),
        ),
        row: fc.nat({ max: units - 1 }),
        k: fc.integer({ min: 1, max: 2 }),
        at: fc.nat(),
      }),
    );
  const specOf = (years: number): TableSpec => ({
    columns: [{ key: 'item', kind: 'text', header: 'Xã' }, ...Array.from({ length: years }, (_, y) => ({ key: `y${y}`, kind: 'count' as const, header: `Năm ${y + 1}` })), { key: 'total', kind: 'count', header: 'Cộng' }],
    relations: [{ type: 'column-total', column: 'total', parts: Array.from({ length: years }, (_, y) => `y${y}`) }, { type: 'role-totals', columns: [...Array.from({ length: years }, (_, y) => `y${y}`), 'total'] }],
  });
  const figuresOf = (values: readonly number[][]): number[][] => values.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const gridOf = (years: number, rows: ReadonlyArray<ReadonlyArray<string | null>>, figures: number[][]): PrintedGrid => {
    const totals = figures[0]!.map((_, j) => String(figures.reduce((a, r) => a + r[j]!, 0)));
    return [['Xã', ...Array.from({ length: years }, (_, y) => `Năm ${y + 1}`), 'Cộng'], ...rows.map((r, i) => [`Xã ${i + 1}`, ...r]), ['Tổng cộng', ...totals]];
  };

  it('a row shifted left by k (a lost cell at any place, the last k cells blank) is found, and nothing else is reported', () => {
    fc.assert(
      fc.property(consistent, ({ years, values, row, k, at }) => {
        const figures = figuresOf(values);
        const n = years + 1;
        fc.pre(n - k >= 2);
        const p = at % (n - k);
        const rows = figures.map((r, i) => {
          const cells: Array<string | null> = r.map(String);
          if (i !== row) return cells;
          return [...cells.slice(0, p), ...cells.slice(p + k), ...Array<null>(k).fill(null)];
        });
        const r = reconcileGrid(gridOf(years, rows, figures), specOf(years));
        expect(r.issues.map((i) => [i.code, i.rowKey])).toEqual([['shifted-row', String(row + 2)]]);
        expect(r.issues[0]!.message).toContain(`shifted left by ${k === 1 ? 'one column' : '2 columns'}`);
      }),
    );
  });

  it('figures left where they belong, with the last k cells blank, are never called shifted', () => {
    fc.assert(
      fc.property(consistent, ({ years, values, row, k }) => {
        const figures = figuresOf(values);
        fc.pre(years + 1 - k >= 2);
        const rows = figures.map((r, i) => r.map((v, j) => (i === row && j >= r.length - k ? null : String(v))));
        const r = reconcileGrid(gridOf(years, rows, figures), specOf(years));
        expect(r.issues.some((i) => i.code === 'shifted-row')).toBe(false);
        expect(r.issues.every((i) => i.code === 'blank-cell')).toBe(true);
      }),
    );
  });

  it('counterexample: figures that fit both where they are and two columns right are not called shifted (0, 1 read as the first years or as the last year and the total)', () => {
    const values = [[0, 1, 0], [0, 13, 0], [0, 1, 0], [0, 1, 0]];
    const figures = figuresOf(values);
    const rows = figures.map((r, i) => r.map((v, j) => (i === 0 && j >= r.length - 2 ? null : String(v))));
    const r = reconcileGrid(gridOf(3, rows, figures), specOf(3));
    expect(r.issues.map((i) => i.code)).toEqual(['blank-cell', 'blank-cell']);
  });

  it('a blank most rows share is never called a shift, whatever the figures', () => {
    fc.assert(
      fc.property(consistent, ({ years, values, row }) => {
        const figures = figuresOf(values);
        // every unit row leaves its total blank but one
        const rows = figures.map((r, i) => r.map((v, j) => (j === r.length - 1 && i !== row ? null : String(v))));
        expect(reconcileGrid(gridOf(years, rows, figures), specOf(years)).issues.some((i) => i.code === 'shifted-row')).toBe(false);
      }),
    );
  });
});
