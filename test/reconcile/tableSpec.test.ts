import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { LAYOUTS, tableFromLayout } from '../../src/layouts.js';
import { COMMUNE_TARGETS_SPEC } from '../../src/reconcile/communeTargetsLayout.js';
import { formatTableLayout } from '../../src/reconcile/formatReconcileReport.js';
import { reconcileGrid } from '../../src/reconcile/reconcileGrid.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import { tableFromSpec, tableSpecSchema, type TableSpec } from '../../src/reconcile/tableSpec.js';
import { firstIssue, firstIssueCode } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { SEED001_ROWS, writeSeed001Sheet } from './_seed001Sheet.js';

const tempDir = tempDirs('vnp-spec-');
const view = (issues: ReadonlyArray<{ row: string; column: string; code: string; severity: string; printed: string; expected: string | null }>) =>
  issues.map((i) => [i.row, i.column, i.code, i.severity, i.printed, i.expected]);

describe('seed 001’s table read from an XLSX as printed (two header rows with merged cells, no role column)', () => {
  it('gives the same findings as the transcribed CSV, with roles inferred from I, II and Tổng', async () => {
    const path = join(tempDir(), 'seed001.xlsx');
    await writeSeed001Sheet(path);
    const { grid } = await readSheetGrid(path);
    expect(grid[3]!.slice(0, 5)).toEqual(['I', 'Thành thị', '16.194', '113', '0,70']);
    const fromSheet = reconcileGrid(grid, COMMUNE_TARGETS_SPEC);
    const fromCsv = reconcileTable(tableFromLayout('commune-targets', SEED001_ROWS));
    expect(view(fromSheet.issues)).toEqual(view(fromCsv.issues));
    expect(fromSheet.issues).toHaveLength(6);
    expect(fromSheet.checked).toBe(fromCsv.checked);
    // the findings point at the sheet: An Phú is grid row 8 (sheet row 9), near_poor_end_rate column O
    expect(fromSheet.issues[0]).toMatchObject({ row: 'An Phú', grid: { row: 8, column: 14 } });
    expect(fromSheet.layout.header).toEqual([1, 2]);
    const roles = fromSheet.layout.rows.filter((r) => r.role !== 'unit').map((r) => [r.label, r.role, r.covers.length, r.roleFrom]);
    expect(roles).toEqual([
      ['Thành thị', 'group', 7, 'inferred'],
      ['Nông thôn', 'group', 7, 'inferred'],
      ['Tổng', 'total', 14, 'inferred'],
    ]);
    expect(formatTableLayout(fromSheet.layout).split('\n')[1]).toBe('line 4 I Thành thị: group of 7 rows, lines 5–11 (inferred)');
  });

  it('reads the plan’s full four-row header and skips its row of column numbers (A B I 2 3 …)', async () => {
    const path = join(tempDir(), 'seed001-full.xlsx');
    await writeSeed001Sheet(path, { full: true });
    const { grid } = await readSheetGrid(path);
    const r = reconcileGrid(grid, COMMUNE_TARGETS_SPEC);
    expect(r.layout.header).toEqual([1, 4]);
    expect(r.layout.columnNumbersRow).toBe(5);
    expect(view(r.issues)).toEqual(view(reconcileTable(tableFromLayout('commune-targets', SEED001_ROWS)).issues));
  });
});

const BUDGET_GRID = [
  ['Biểu: Dự kiến kế hoạch vốn năm 2024', null, null, null, null],
  ['ĐVT: triệu đồng', null, null, null, null],
  ['STT', 'Nội dung', 'Ngân sách trung ương', 'Ngân sách tỉnh', 'Tổng cộng'],
  ['1', 'Dự án 2', 'hơn 2.290', '229', 'gần 2.523'],
  ['2', 'Dự án 3', '948', '95', '1.043'],
  ['', 'Tổng cộng', '3.242', '324', '3.566'],
];
const BUDGET_SPEC: TableSpec = {
  name: 'budget-2024',
  columns: [
    { key: 'stt', kind: 'row-number', header: 'STT' },
    { key: 'item', kind: 'text', header: 'Nội dung' },
    { key: 'central', kind: 'amount', header: 'Ngân sách trung ương' },
    { key: 'provincial', kind: 'amount', header: 'Ngân sách tỉnh' },
    { key: 'total', kind: 'amount', header: 'Tổng cộng' },
  ],
  relations: [
    { type: 'column-total', column: 'total', parts: ['central', 'provincial'], partsRounded: 'auto' },
    { type: 'role-totals', columns: ['central', 'provincial', 'total'], partsRounded: 'auto' },
  ],
  blankAs: 'zero',
};

describe('tableFromSpec', () => {
  it('a budget with “hơn”/“gần” amounts: the unit from the caption “ĐVT: triệu đồng”; hơn 2.290 + 229 can meet gần 2.523', () => {
    const r = reconcileGrid(BUDGET_GRID, BUDGET_SPEC);
    expect(r.layout.columns.find((c) => c.key === 'central')).toMatchObject({ unit: 'trieu', unitFrom: 'caption', gridColumn: 2 });
    // row 1: (2.290, ∞) + 229 meets [2.522,5; 2.523]; the total row: 3.242 = hơn 2.290 + 948 and 3.566 = gần 2.523 + 1.043 can hold
    expect(r.issues).toEqual([]);
  });

  it('says by how much at least an approximate sum misses: hơn 2.300 + 229 is more than “gần 2.523” allows', () => {
    const grid = BUDGET_GRID.map((row) => row.map((c) => (c === 'hơn 2.290' ? 'hơn 2.300' : c)));
    const [i] = reconcileGrid(grid, BUDGET_SPEC).issues;
    expect(i).toMatchObject({ row: 'Dự án 2', column: 'total', code: 'sum-mismatch', severity: 'error', expected: '> 2.529', difference: '-6' });
    expect(i!.message).toBe('Dự án 2 · total: printed gần 2.523 (2.522–2.523); the parts add to > 2.529 (total = central + provincial): at least 6 more in the parts than the total allows');
  });

  it('refuses an amount column whose unit nothing states, naming the column', () => {
    const grid = BUDGET_GRID.filter((r) => r[0] !== 'ĐVT: triệu đồng');
    const i = firstIssue(() => tableFromSpec(grid, BUDGET_SPEC, { source: 'kh.xlsx' }));
    expect(i.code).toBe('missing-unit');
    expect(i.message).toMatch(/^kh\.xlsx: layout budget-2024, column central \("Ngân sách trung ương"\): the unit of the amounts is unknown/);
    expect(tableFromSpec(grid, BUDGET_SPEC, { unit: 'trieu' }).layout.columns[2]).toMatchObject({ unit: 'trieu', unitFrom: 'option' });
    expect(firstIssueCode(() => tableFromSpec(BUDGET_GRID, BUDGET_SPEC, { unit: 'ty' }))).toBe('unit-conflict');
  });

  it('reports rows of the wrong width for the whole table, and leaves them out of the checks', () => {
    // a table of seven years whose rows carry six values: a shifted column
    const header = ['Nội dung', '2019', '2020', '2021', '2022', '2023', '2024', '2025', 'Tổng'];
    const spec: TableSpec = {
      columns: [{ key: 'item', kind: 'text', header: 'Nội dung' }, ...['2019', '2020', '2021', '2022', '2023', '2024', '2025'].map((y) => ({ key: `y${y}`, kind: 'count' as const, header: y })), { key: 'total', kind: 'count', header: 'Tổng' }],
      relations: [{ type: 'column-total', column: 'total', parts: ['y2019', 'y2020', 'y2021', 'y2022', 'y2023', 'y2024', 'y2025'] }],
    };
    const grid = [header, ['A', '1', '1', '1', '1', '1', '1', '1', '7'], ['B', '1', '1', '1', '1', '1', '1', '6'], ['C', '2', '2', '2', '2', '2', '2', '12'], ['D', '1', '1', '1', '1', '1', '1', '1', '7']];
    const r = reconcileGrid(grid, spec, { source: 'years.csv' });
    expect(r.issues.map((i) => [i.code, i.rowKey])).toEqual([['wrong-field-count', '3'], ['wrong-field-count', '4']]);
    expect(r.structural).toBe(2);
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.message).toMatch(/^years\.csv: line 3: 8 fields, expected 9 .*a shifted column or a missing cell\?/);
  });

  it('reads English-format figures when the spec says so', () => {
    const grid = [['Xã', 'Hộ', 'Hộ nghèo', 'Tỷ lệ'], ['A', '1,200', '12', '1.00'], ['B', '235,118.00', '2,351', '1.00']];
    const spec: TableSpec = {
      columns: [{ key: 'unit', kind: 'text', header: 'Xã' }, { key: 'households', kind: 'count', header: 'Hộ' }, { key: 'poor', kind: 'count', header: 'Hộ nghèo' }, { key: 'rate', kind: 'rate', header: 'Tỷ lệ' }],
      relations: [{ type: 'rate', column: 'rate', count: 'poor', base: 'households', scale: 100, rounding: 'half-up' }],
      numberFormat: 'en',
    };
    expect(reconcileGrid(grid, spec).issues).toEqual([]);
    expect(reconcileGrid(grid, { ...spec, numberFormat: 'vi' }).ok).toBe(false);
  });

  it('infers hierarchies from row numbers (budget lines 2 > 2.1), Cộng rows and trong đó rows', () => {
    const spec: TableSpec = {
      columns: [{ key: 'stt', kind: 'row-number', header: 'STT' }, { key: 'item', kind: 'text', header: 'Nội dung' }, { key: 'n', kind: 'count', header: 'Số hộ' }],
      relations: [{ type: 'role-totals', columns: ['n'] }],
    };
    const grid = [['STT', 'Nội dung', 'Số hộ'], ['1', 'Xã A', '5'], ['1.1', 'Thôn 1', '2'], ['1.2', 'Thôn 2', '3'], ['', 'Trong đó: dân tộc thiểu số', '2'], ['2', 'Xã B', '4'], ['', 'Cộng', '9']];
    const r = reconcileGrid(grid, spec);
    expect(r.layout.rows.map((x) => [x.label, x.role, x.covers])).toEqual([
      ['Xã A', 'group', ['3', '4']],
      ['Thôn 1', 'unit', []],
      ['Thôn 2', 'unit', []],
      ['Trong đó: dân tộc thiểu số', 'of-which', ['4']],
      ['Xã B', 'unit', []],
      ['Cộng', 'group', ['2', '6']],
    ]);
    expect(r.issues).toEqual([]);
    const bad = reconcileGrid(grid.map((row) => (row[1] === 'Trong đó: dân tộc thiểu số' ? [row[0]!, row[1]!, '5'] : row)), spec);
    expect(bad.issues.map((i) => [i.code, i.row, i.relationText, i.difference])).toEqual([['inequality-broken', 'Trong đó: dân tộc thiểu số', 'Trong đó: dân tộc thiểu số ≤ Thôn 2', '2']]);
  });

  it('a row named for an indicator (“Tổng số hộ”) is not a total; “Tổng cộng (…)”, “Toàn huyện” are', () => {
    const spec: TableSpec = { columns: [{ key: 'item', kind: 'text', header: 'Chỉ tiêu' }, { key: 'n', kind: 'count', header: 'Số lượng' }], relations: [{ type: 'role-totals', columns: ['n'] }] };
    const roles = (labels: string[]): string[] => tableFromSpec([['Chỉ tiêu', 'Số lượng'], ...labels.map((l) => [l, '1'])], spec).layout.rows.map((r) => r.role);
    expect(roles(['Tổng số hộ', 'Số hộ nghèo', 'Tổng nhu cầu vốn'])).toEqual(['unit', 'unit', 'unit']);
    expect(roles(['A', 'Tổng cộng (QĐ 90)'])).toEqual(['unit', 'total']); // “A 1” is a row, not a row of column numbers
    expect(roles(['Toàn huyện Phong Thổ', 'Xã A'])).toEqual(['total', 'unit']);
    const notes = tableFromSpec([['Chỉ tiêu', 'Số lượng'], ['Xã A', '1'], ['Ghi chú: số liệu sơ bộ', null]], spec);
    expect(notes.layout.rows.map((r) => r.role)).toEqual(['unit', 'heading']); // a note with no figure is not checked
  });

  it('a numbered “Cộng Hòa” is a commune, not a “Cộng” row', () => {
    const spec: TableSpec = { columns: [{ key: 'stt', kind: 'row-number', header: 'STT' }, { key: 'item', kind: 'text', header: 'Xã' }, { key: 'n', kind: 'count', header: 'Số hộ' }], relations: [{ type: 'role-totals', columns: ['n'] }] };
    const r = reconcileGrid([['STT', 'Xã', 'Số hộ'], ['1', 'Hồng Phong', '5'], ['2', 'Cộng Hòa', '4'], ['', 'Tổng cộng', '9']], spec);
    expect(r.layout.rows.map((x) => x.role)).toEqual(['unit', 'unit', 'total']);
    expect(r.issues).toEqual([]);
  });

  it('a header printed over several columns goes to the spec’s columns that match it, left to right', () => {
    const spec: TableSpec = {
      columns: [
        { key: 'unit', kind: 'text', header: 'Đơn vị' },
        { key: 'households', kind: 'count', header: ['Tổng số hộ', 'Số hộ'] },
        { key: 'poor', kind: 'count', header: ['Hộ nghèo', 'Số hộ'] },
        { key: 'poor_rate', kind: 'rate', header: ['Hộ nghèo', 'Tỷ lệ %'] },
        { key: 'poor_em', kind: 'count', header: ['Hộ nghèo', 'Số hộ DTTS'] },
        { key: 'poor_em_rate', kind: 'rate', header: ['Hộ nghèo', 'Tỷ lệ %'] },
      ],
      relations: [
        { type: 'rate', column: 'poor_rate', count: 'poor', base: 'households', scale: 100 },
        { type: 'rate', column: 'poor_em_rate', count: 'poor_em', base: 'households', scale: 100 },
      ],
      rounding: 'half-up',
    };
    const head = [['Đơn vị', 'Tổng số hộ', 'Hộ nghèo', 'Hộ nghèo', 'Hộ nghèo', 'Hộ nghèo'], ['Đơn vị', 'Số hộ', 'Số hộ', 'Tỷ lệ %', 'Số hộ DTTS', 'Tỷ lệ %']];
    const r = reconcileGrid([...head, ['Xã A', '200', '10', '5,00', '4', '2,00']], spec);
    expect(r.layout.columns.map((c) => [c.key, c.gridColumn])).toEqual([['unit', 0], ['households', 1], ['poor', 2], ['poor_rate', 3], ['poor_em', 4], ['poor_em_rate', 5]]);
    expect(r.issues).toEqual([]);
    // one spec column for a header printed twice is still a repeated column
    const one: TableSpec = { ...spec, header: { start: 0, rows: 2 }, columns: spec.columns.filter((c) => c.key !== 'poor_em_rate'), relations: [spec.relations[0]!] };
    expect(firstIssue(() => tableFromSpec(head, one)).message).toContain('repeated column poor_rate');
  });

  it('a rate of the total’s cell (baseRow); a rate left blank over a zero base holds; a bound skips a blank cell', () => {
    const spec: TableSpec = {
      columns: [{ key: 'cause', kind: 'text', header: 'Nguyên nhân' }, { key: 'poor', kind: 'count', header: 'Số hộ nghèo' }, { key: 'rate', kind: 'rate', header: 'Tỷ lệ (%)' }],
      relations: [
        { type: 'rate', column: 'rate', count: 'poor', base: 'poor', baseRow: { label: '^Tổng cộng$' }, scale: 100 },
        { type: 'bound', column: 'rate', min: 0, max: 100 },
      ],
      rounding: 'half-up',
    };
    const grid = [['Nguyên nhân', 'Số hộ nghèo', 'Tỷ lệ (%)'], ['Thiếu đất sản xuất', '2', '66,67'], ['Thiếu vốn', '1', '33,30'], ['Tổng cộng', '3', '100,00']];
    expect(reconcileGrid(grid, spec).issues.map((i) => [i.row, i.code, i.expected, i.relationText])).toEqual([['Thiếu vốn', 'rate-mismatch', '33,33', 'rate = poor ÷ poor × 100']]);
    const none = [['Nguyên nhân', 'Số hộ nghèo', 'Tỷ lệ (%)'], ['Thiếu vốn', '0', '-'], ['Tổng cộng', '0', '']];
    expect(reconcileGrid(none, spec).issues).toEqual([]);
    const blankOverSome = [['Nguyên nhân', 'Số hộ nghèo', 'Tỷ lệ (%)'], ['Thiếu vốn', '1', '-'], ['Tổng cộng', '1', '100,00']];
    expect(reconcileGrid(blankOverSome, spec).issues.map((i) => [i.row, i.code])).toEqual([['Thiếu vốn', 'blank-cell']]);
    expect(firstIssue(() => tableFromSpec(grid, { ...spec, relations: [{ ...spec.relations[0]!, baseRow: { label: '^Cộng$' } } as never] })).code).toBe('unknown-row');
  });

  it('refuses a spec that does not follow the schema, and names the columns it cannot find', () => {
    expect(tableSpecSchema.safeParse({ columns: [{ key: 'a', kind: 'count', colour: 'red' }], relations: [] }).success).toBe(false);
    expect(firstIssueCode(() => tableFromSpec([['a']], { columns: [], relations: [] } as unknown as TableSpec))).toBe('invalid-input');
    const i = firstIssue(() => tableFromSpec([['Xã', 'Số hộ']], { name: 't', columns: [{ key: 'x', kind: 'text', header: 'Xã' }, { key: 'p', kind: 'count', header: 'Hộ nghèo' }], relations: [] }));
    expect(i.message).toBe('line 1: wrong columns for layout t: missing column Hộ nghèo; unknown column "Số hộ" (expected Xã,Hộ nghèo)');
  });

  it('every preset is a spec that passes the schema', () => {
    for (const p of Object.values(LAYOUTS)) expect(tableSpecSchema.safeParse(p.spec).success, p.name).toBe(true);
  });

  it('is pure', () => {
    expectPure(tableFromSpec, BUDGET_GRID, BUDGET_SPEC, {});
  });
});
