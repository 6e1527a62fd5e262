import { describe, expect, it } from 'vitest';
import { reconcileGrid } from '../../src/reconcile/reconcileGrid.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import type { PrintedTable } from '../../src/reconcile/printedTable.js';
import type { PrintedGrid, TableSpec } from '../../src/reconcile/tableSpec.js';

// A commune's “Trong đó: hộ DTTS” row under it: at most the commune, column by column. A commune with no
// DTTS household prints its row “-” or leaves it empty: nothing to compare, no finding. A whole left blank
// under a printed part still lacks its figure.

const spec: TableSpec = {
  columns: [
    { key: 'stt', kind: 'row-number', header: 'STT' },
    { key: 'unit', kind: 'text', header: 'Đơn vị' },
    { key: 'households', kind: 'count', header: 'Tổng số hộ' },
    { key: 'poor', kind: 'count', header: 'Số hộ nghèo' },
  ],
  relations: [{ type: 'role-totals', columns: ['households', 'poor'] }],
};

function grid(tanLoiPart: [string, string], anPhuPoor = '338'): PrintedGrid {
  return [
    ['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo'],
    ['1', 'Xã An Phú', '2.348', anPhuPoor],
    ['', 'Trong đó: hộ DTTS', '1.210', '150'],
    ['2', 'Xã Tân Lợi', '2.154', '244'],
    ['', 'Trong đó: hộ DTTS', tanLoiPart[0], tanLoiPart[1]],
    ['', 'Tổng cộng', '4.502', anPhuPoor === '' ? '244' : '582'],
  ];
}

const codes = (g: PrintedGrid): string[] => reconcileGrid(g, spec).issues.map((i) => `${i.code} ${i.row} · ${i.column} ${i.printed}${i.difference === null ? '' : ` by ${i.difference}`}`);

describe('a “trong đó” row printed blank', () => {
  it('the table printed right gives no finding', () => {
    expect(codes(grid(['980', '150']))).toEqual([]);
  });
  it('a part larger than its whole is one finding at the part, by how much', () => {
    expect(codes(grid(['980', '250']))).toEqual(['inequality-broken Trong đó: hộ DTTS · poor 250 by 6']);
  });
  it('a part printed “-” or left empty gives no finding (before: blank-cell at each empty cell)', () => {
    expect(codes(grid(['-', '-']))).toEqual([]);
    expect(codes(grid(['', '']))).toEqual([]);
    expect(codes(grid(['980', '']))).toEqual([]);
  });
  it('a whole left blank under a printed part stays a finding', () => {
    expect(codes(grid(['980', '150'], ''))).toContain('blank-cell Xã An Phú · poor ');
  });
});

describe('a row-inequality with its part printed blank', () => {
  const table = (part: string | null, whole: string | null): PrintedTable => ({
    columns: [{ key: 'poor', kind: 'count' }],
    rows: [
      { key: 'xa', label: 'Xã Na Hang', cells: { poor: whole } },
      { key: 'dtts', label: 'Trong đó: hộ DTTS', cells: { poor: part } },
    ],
    relations: [{ type: 'row-inequality', row: 'dtts', op: '<=', than: 'xa', columns: ['poor'] }],
  });
  it('a blank part bounds nothing; a blank whole is a blank cell; a part over its whole is broken', () => {
    expect(reconcileTable(table(null, '412')).issues).toEqual([]);
    expect(reconcileTable(table('', '412')).issues).toEqual([]);
    expect(reconcileTable(table('380', null)).issues.map((i) => [i.code, i.rowKey])).toEqual([['blank-cell', 'xa']]);
    expect(reconcileTable(table('418', '412')).issues.map((i) => [i.code, i.difference])).toEqual([['inequality-broken', '6']]);
    expect(reconcileTable(table('380', '412')).issues).toEqual([]);
  });
});

describe('a “trong đó” row printing its counts and no rate', () => {
  const rated: TableSpec = {
    ...spec,
    columns: [...spec.columns, { key: 'rate', kind: 'rate', header: 'Tỷ lệ hộ nghèo (%)' }],
    relations: [...spec.relations, { type: 'rate', column: 'rate', count: 'poor', base: 'households', scale: 100, rounding: 'half-up' }],
  };
  const g = (dttsRate: string, anPhuRate = '14,40'): PrintedGrid => [
    ['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'],
    ['1', 'Xã An Phú', '2.348', '338', anPhuRate],
    ['', 'Trong đó: hộ DTTS', '1.210', '150', dttsRate],
    ['2', 'Xã Tân Lợi', '2.154', '244', '11,33'],
    ['', 'Tổng cộng', '4.502', '582', '12,93'],
  ];
  const found = (x: PrintedGrid): string[] => reconcileGrid(x, rated).issues.map((i) => `${i.code} ${i.row} · ${i.column} ${i.printed}`);
  it('leaves the rate unprinted: no finding (before: blank-cell)', () => {
    expect(found(g(''))).toEqual([]);
    expect(found(g('12,40'))).toEqual([]);
  });
  it('a rate it prints is checked; a commune’s blank rate is still a blank cell', () => {
    expect(found(g('14,20'))).toEqual(['rate-mismatch Trong đó: hộ DTTS · rate 14,20']);
    expect(found(g('12,40', ''))).toEqual(['blank-cell Xã An Phú · rate ']);
  });
});
