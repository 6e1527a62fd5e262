import { describe, expect, it } from 'vitest';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { tableHeader } from '../../src/documents/_tableHeader.js';
import { understandTable } from '../../src/documents/understandTable.js';

const asTable = (rows: string[][]): DocumentTable => documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable;

describe('header text split over two rows without a merge', () => {
  // “Số hộ” over “nghèo” in one column, beside the real two-level headers “Hộ nghèo › Số hộ | Tỷ lệ (%)”
  const rows = [
    ['TT', 'Xã', 'Tổng số', 'Số hộ', 'Hộ nghèo', '', 'Hộ cận nghèo', ''],
    ['', '', 'hộ', 'thoát nghèo', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
    ['1', 'Xã A', '1.200', '35', '96', '8,00', '120', '10,00'],
    ['2', 'Xã B', '800', '20', '40', '5,00', '64', '8,00'],
    ['3', 'Xã C', '1.000', '12', '52', '5,20', '90', '9,00'],
  ];

  it('a lowercase continuation under a cell that spans nothing beside it is one name: “Số hộ thoát nghèo”, “Tổng số hộ”', () => {
    const h = tableHeader(asTable(rows));
    expect(h.paths[2]).toEqual(['Tổng số hộ']);
    expect(h.paths[3]).toEqual(['Số hộ thoát nghèo']);
    expect(h.keys.slice(2)).toEqual(['Tổng số hộ', 'Số hộ thoát nghèo', 'Hộ nghèo · Số hộ', 'Hộ nghèo · Tỷ lệ (%)', 'Hộ cận nghèo · Số hộ', 'Hộ cận nghèo · Tỷ lệ (%)']);
  });

  it('the real two-level headers beside it keep their two levels', () => {
    const h = tableHeader(asTable(rows));
    expect(h.paths[4]).toEqual(['Hộ nghèo', 'Số hộ']);
    expect(h.paths[5]).toEqual(['Hộ nghèo', 'Tỷ lệ (%)']);
    expect(h.paths[7]).toEqual(['Hộ cận nghèo', 'Tỷ lệ (%)']);
  });

  it('the joined name is the column the rates are checked against', () => {
    const u = understandTable(asTable(rows));
    expect(u.layout.columns.find((c) => c.col === 3)!.key).toBe('Số hộ thoát nghèo');
    expect(u.layout.relations).toContainEqual({ type: 'rate', column: 'Hộ nghèo · Tỷ lệ (%)', count: 'Hộ nghèo · Số hộ', base: 'Tổng số hộ', scale: 100, rounding: 'half-up' });
  });

  it('a capitalised second row under a cell alone is a level of its own, not a continuation', () => {
    const h = tableHeader(asTable([
      ['TT', 'Xã', 'Năm 2024', 'Năm 2025'],
      ['', '', 'Số hộ', 'Số hộ'],
      ['1', 'Xã A', '35', '30'],
      ['2', 'Xã B', '20', '18'],
    ]));
    expect(h.paths[2]).toEqual(['Năm 2024', 'Số hộ']);
  });

  it('two neighbours that each print “Số hộ” over “nghèo” and “cận nghèo” are two names, not a group', () => {
    const h = tableHeader(asTable([
      ['TT', 'Xã', 'Số hộ', 'Số hộ'],
      ['', '', 'nghèo', 'cận nghèo'],
      ['1', 'Xã A', '35', '30'],
      ['2', 'Xã B', '20', '18'],
    ]));
    expect(h.keys.slice(2)).toEqual(['Số hộ nghèo', 'Số hộ cận nghèo']);
  });

  it('a lowercase second row under a merged group header stays under the group', () => {
    const h = tableHeader(asTable([
      ['TT', 'Xã', 'Số hộ nghèo', ''],
      ['', '', 'đầu kỳ', 'cuối kỳ'],
      ['1', 'Xã A', '35', '30'],
      ['2', 'Xã B', '20', '18'],
    ]));
    expect(h.paths[2]).toEqual(['Số hộ nghèo', 'đầu kỳ']);
    expect(h.paths[3]).toEqual(['Số hộ nghèo', 'cuối kỳ']);
  });
});
