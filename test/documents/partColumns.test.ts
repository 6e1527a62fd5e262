import { describe, expect, it } from 'vitest';
import type { Col } from '../../src/documents/_columnRelations.js';
import { partColumns } from '../../src/documents/_partColumns.js';

// Columns headed as rows are labelled: what a table of indicators by year, read transposed, makes of its rows.
const col = (i: number, header: string, kind: Col['kind'] = 'count'): Col => ({ col: i, key: header, header, kind, unit: null });
const pairs = (cols: readonly Col[], blank: readonly string[] = []): string[] => partColumns(cols, (c) => !blank.includes(c.key)).map((p) => `${p.part.key} ≤ ${p.whole.key} (${p.how})`);

describe('partColumns', () => {
  it('a “Trong đó: …” column is part of the count before it, rates skipped, the unit the same', () => {
    const cols = [col(0, 'ĐVT', 'label'), col(1, 'Tổng số hộ › hộ'), col(2, 'Số hộ nghèo › hộ'), col(3, 'Tỷ lệ hộ nghèo › %', 'rate'), col(4, 'Trong đó: hộ nghèo DTTS › hộ'), col(5, 'Trong đó: người DTTS › người')];
    expect(pairs(cols)).toEqual(['Trong đó: hộ nghèo DTTS › hộ ≤ Số hộ nghèo › hộ (stated)']);
  });
  it('the whole that names the part’s households, never “cận nghèo” for “nghèo”', () => {
    const cols = [col(0, 'Chỉ tiêu', 'label'), col(1, 'Số hộ nghèo'), col(2, 'Số hộ cận nghèo'), col(3, 'Trong đó: hộ nghèo DTTS'), col(4, 'Trong đó: hộ cận nghèo DTTS')];
    expect(pairs(cols)).toEqual(['Trong đó: hộ nghèo DTTS ≤ Số hộ nghèo (stated)', 'Trong đó: hộ cận nghèo DTTS ≤ Số hộ cận nghèo (stated)']);
  });
  it('bullets after a heading “Trong đó:” are stated; a bullet alone waits for the figures', () => {
    const heading = [col(0, 'Chỉ tiêu', 'label'), col(1, 'Số hộ nghèo (hộ)'), col(2, 'Trong đó:', 'text'), col(3, '+ Hộ nghèo DTTS (hộ)'), col(4, '+ Hộ nghèo có chủ hộ là nữ (hộ)')];
    expect(pairs(heading, ['Trong đó:'])).toEqual(['+ Hộ nghèo DTTS (hộ) ≤ Số hộ nghèo (hộ) (stated)', '+ Hộ nghèo có chủ hộ là nữ (hộ) ≤ Số hộ nghèo (hộ) (stated)']);
    expect(pairs([col(0, 'Chỉ tiêu', 'label'), col(1, 'Số hộ nghèo'), col(2, '- Hộ nghèo DTTS')])).toEqual(['- Hộ nghèo DTTS ≤ Số hộ nghèo (bullet)']);
  });
  it('no whole before it, or a text column between: no part', () => {
    expect(pairs([col(0, 'Chỉ tiêu', 'label'), col(1, 'Trong đó: hộ DTTS')])).toEqual([]);
    expect(pairs([col(0, 'Số hộ nghèo'), col(1, 'Ghi chú', 'text'), col(2, '- Hộ DTTS')])).toEqual([]);
  });
});
