import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { reconcileInferred } from '../../src/documents/reconcileInferred.js';

/** code @row:column printed (1-based, as checkDocument locates a finding) */
const brief = (f: CheckFinding): string => `${f.code} @${f.location.row ?? ''}:${f.location.column ?? ''} ${f.printed ?? ''}`;
const table = (rows: readonly (readonly string[])[]): DocumentTable => documentModel([{ kind: 'table', rows: rows.map((r) => [...r]) }]).blocks[0] as DocumentTable;
/** code row:column printed (0-based grid cells, as reconcileInferred locates an issue) */
const inferred = (rows: readonly (readonly string[])[]) => reconcileInferred(table(rows), { attribute: true }).issues;
const at = (rows: readonly (readonly string[])[]): string[] => inferred(rows).map((i) => `${i.code} ${i.grid?.row}:${i.grid?.column} ${i.printed}`);
const checked = (rows: readonly (readonly string[])[], prose: readonly string[] = []): readonly CheckFinding[] =>
  checkDocument(documentModel([...prose.map((text) => ({ kind: 'paragraph' as const, text })), { kind: 'paragraph', text: 'Biểu 1. Kết quả giảm nghèo' }, { kind: 'table', rows: rows.map((r) => [...r]) }])).findings;

describe('a wrong base total beside a rate wrong for the right base', () => {
  const communes = (households: string, rate: string): string[][] => [
    ['STT', 'Xã', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)'],
    ['1', 'Xã An Phú', '2.780', '125', '4,50'],
    ['2', 'Xã Tân Lợi', '2.154', '88', '4,09'],
    ['3', 'Xã Long Hòa', '1.920', '102', '5,31'],
    ['4', 'Xã Bình Minh', '3.050', '97', '3,18'],
    ['', 'Tổng cộng', households, '412', rate],
  ];

  it('the total named wrong once, the rate wrong against the base the rows give (not the printed one)', () => {
    expect(at(communes('9.904', '4,16'))).toEqual([]);
    // households 9.904 typed 9.940, its rate right for 9.904: one finding
    expect(at(communes('9.940', '4,16'))).toEqual(['sum-mismatch 5:2 9.940']);
    // and the rate 4,16 typed 4,61: before, expected 4,14 (412 ÷ the printed 9.940)
    const issues = inferred(communes('9.940', '4,61'));
    expect(issues.map((i) => `${i.code} ${i.grid?.row}:${i.grid?.column} ${i.printed} → ${i.expected}`)).toEqual(['sum-mismatch 5:2 9.940 → 9.904', 'rate-mismatch 5:4 4,61 → 4,16']);
    expect(issues[1]!.message).toContain('412 ÷ 9.904 × 100 = 4,159935…, half-up, on the base its rows add up to: Tổng cộng · Tổng số hộ 9.904, printed 9.940), difference +0,45');
    expect(issues[1]!.difference).toBe('0.45');
  });

  it('checkDocument says the same at the printed cells', () => {
    expect(checked(communes('9.940', '4,61')).map((f) => `${brief(f)} → ${f.expected}`)).toEqual(['sum-mismatch @6:3 9.940 → 9.904', 'rate-mismatch @6:5 4,61 → 4,16']);
  });
});

describe('the rate row of an indicator-by-year table checked against its count rows', () => {
  it('beside a “Tỷ lệ đạt (%)” column: the rate row checked (read transposed), the comparison column too (as printed)', () => {
    const plan = (rate: string, reached: string): string[][] => [
      ['Chỉ tiêu', 'ĐVT', 'Kế hoạch 2025', 'Thực hiện 2025', 'Tỷ lệ đạt (%)'],
      ['Tổng số hộ', 'hộ', '7.700', '7.700', '100,00'],
      ['Số hộ nghèo', 'hộ', '370', '359', reached],
      ['Số hộ cận nghèo', 'hộ', '480', '455', '94,79'],
      ['Tỷ lệ hộ nghèo', '%', '4,81', rate, ''],
      ['Số người được hỗ trợ BHYT', 'người', '2.400', '2.455', '102,29'],
    ];
    // before: read as printed, the rate row unchecked and its blank “Tỷ lệ đạt” a false finding on the twin
    expect(at(plan('4,66', '97,03'))).toEqual([]);
    expect(at(plan('4,56', '97,03'))).toEqual(['rate-mismatch 4:3 4,56']);
    expect(at(plan('4,66', '97,30'))).toEqual(['rate-mismatch 2:4 97,30']);
    expect(checked(plan('4,56', '97,30')).map(brief)).toEqual(['rate-mismatch @3:5 97,30', 'rate-mismatch @5:4 4,56']);
  });

  it('beside a “So sánh (%)” column: the rate row checked, no finding on the twin', () => {
    const years = (rate: string): string[][] => [
      ['Chỉ tiêu', 'ĐVT', 'Năm 2024', 'Năm 2025', 'So sánh (%)'],
      ['Tổng số hộ', 'hộ', '7.630', '7.700', '100,92'],
      ['Số hộ nghèo', 'hộ', '412', '359', '87,14'],
      ['Tỷ lệ hộ nghèo', '%', '5,40', rate, ''],
    ];
    expect(at(years('4,66'))).toEqual([]);
    expect(at(years('4,76'))).toEqual(['rate-mismatch 3:3 4,76']);
  });

  it('no unit column: the labels name the units, the households in a third row (or first, numbered)', () => {
    const third = (rate: string): string[][] => [
      ['Chỉ tiêu', 'Năm 2024', 'Năm 2025'],
      ['Số hộ nghèo', '412', '359'],
      ['Tỷ lệ hộ nghèo (%)', '5,40', rate],
      ['Tổng số hộ', '7.630', '7.622'],
    ];
    expect(at(third('4,71'))).toEqual([]);
    expect(at(third('4,17'))).toEqual(['rate-mismatch 2:2 4,17']);
    const numbered = (rate: string): string[][] => [
      ['TT', 'Chỉ tiêu', 'Năm 2024', 'Năm 2025'],
      ['1', 'Tổng số hộ', '7.630', '7.622'],
      ['2', 'Số hộ nghèo', '412', '359'],
      ['3', 'Tỷ lệ hộ nghèo (%)', rate, '4,71'],
    ];
    expect(at(numbered('5,40'))).toEqual([]);
    expect(checked(numbered('4,50')).map(brief)).toEqual(['rate-mismatch @4:3 4,50']);
  });
});

describe('an indicator table read transposed keeps its signed change column', () => {
  // from a commune report's “Bảng so sánh một số chỉ tiêu” (2025 → 2026); the change column is
  // left out of the transposed reading and checked in the table as printed
  const compared = (poorChange: string, rate2026: string): string[][] => [
    ['TT', 'Chỉ tiêu', 'ĐVT', 'Năm 2025', 'Năm 2026', 'Tăng (+), giảm (-)'],
    ['1', 'Tổng số hộ', 'Hộ', '2.098', '2.134', '+36'],
    ['2', 'Số hộ nghèo', 'Hộ', '145', '118', poorChange],
    ['3', 'Tỷ lệ hộ nghèo', '%', '6,91', rate2026, '-1,38'],
    ['4', 'Số hộ cận nghèo', 'Hộ', '181', '167', '-14'],
    ['5', 'Tỷ lệ hộ cận nghèo', '%', '8,63', '7,83', '-0,80'],
  ];

  it('a wrong change is found at its cell, a wrong rate at its own; the right table gives none', () => {
    expect(checked(compared('-27', '5,53'))).toEqual([]);
    expect(checked(compared('-72', '5,53')).map((f) => `${brief(f)} → ${f.expected}`)).toEqual(['difference-mismatch @3:6 -72 → -27']);
    const both = checked(compared('-72', '5,35')).map((f) => `${brief(f)} → ${f.expected}`);
    expect(both).toContain('difference-mismatch @3:6 -72 → -27');
    expect(both).toContain('rate-mismatch @4:5 5,35 → 5,53');
  });
});
