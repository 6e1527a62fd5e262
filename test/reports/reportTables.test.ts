import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcileGrid } from '../../src/reconcile/reconcileGrid.js';
import type { SpecRelation, TableSpec } from '../../src/reconcile/tableSpec.js';
import { childrenReport } from '../../src/reports/childrenReport.js';
import { childrenTable } from '../../src/reports/childrenTable.js';
import { flowsReport } from '../../src/reports/flowsReport.js';
import { flowsTable } from '../../src/reports/flowsTable.js';
import { deprivationReport } from '../../src/reports/deprivationReport.js';
import { deprivationTable } from '../../src/reports/deprivationTable.js';
import { groupReport } from '../../src/reports/groupReport.js';
import { groupTable } from '../../src/reports/groupTable.js';
import { householdLists } from '../../src/reports/householdLists.js';
import { householdListsTable } from '../../src/reports/householdListsTable.js';
import type { ReportTable } from '../../src/reports/reportTable.js';
import type { ReviewedHousehold } from '../../src/reports/reviewedHousehold.js';
import { reviewSummaryReport } from '../../src/reports/reviewSummaryReport.js';
import { reviewSummaryTable } from '../../src/reports/reviewSummaryTable.js';
import { summaryForm, summaryFormUnits } from '../../src/reports/summaryForm.js';
import { summaryFormTable } from '../../src/reports/summaryFormTable.js';
import { ND07_2021 } from '../../src/standards/standards.js';
import { expectPure } from '../_helpers/purity.js';
import { REGISTER, registerArb } from './_register.js';

const opts = { decimals: 2, rounding: 'half-up' } as const;

/** Every report the library builds from a register, as printed tables. */
function printedReports(register: readonly ReviewedHousehold[]): ReadonlyArray<readonly [string, ReportTable]> {
  const statuses = ['poor', 'near-poor'] as const;
  return [
    ...statuses.map((status) => [`summary form (${status})`, summaryFormTable(summaryForm(summaryFormUnits(register, { status }), { status, ...opts }))] as const),
    ['review summary', reviewSummaryTable(reviewSummaryReport(register, opts))],
    ['flows', flowsTable(flowsReport(register, opts))],
    ...statuses.map((status) => [`deprivations (${status})`, deprivationTable(deprivationReport(register, { status, standard: ND07_2021, ...opts }))] as const),
    ...(['ethnic-group', 'cause', 'policy-group'] as const).map((by) => [`groups (${by})`, groupTable(groupReport(register, { by, ...opts }))] as const),
    ['children', childrenTable(childrenReport(register, opts))],
    ['lists', householdListsTable(householdLists(register, { statuses: ['poor', 'near-poor'] }))],
  ];
}

/** The columns some equality of the spec checks (a cell changed there must be found). */
function exactlyChecked(spec: TableSpec): ReadonlySet<string> {
  const keys = (k: string | readonly string[]): readonly string[] => (typeof k === 'string' ? [k] : k);
  return new Set(
    spec.relations.flatMap((r: SpecRelation): readonly string[] => {
      switch (r.type) {
        case 'numbering':
          return [r.column ?? 'stt'];
        case 'role-totals':
          return r.columns;
        case 'column-total':
          return [r.column, ...r.parts];
        case 'signed-sum':
          return [r.column, ...r.plus, ...(r.minus ?? [])];
        case 'rate':
          return [r.column, ...keys(r.count), r.base];
        default:
          return [];
      }
    }),
  );
}

/** A printed figure one more in its last digit: a count or a row number by one, a rate by one in its last decimal. */
function corrupted(text: string): string {
  const [whole = '', decimals = ''] = text.replace(/\./gu, '').split(',');
  const digits = (BigInt(whole + decimals) + 1n).toString().padStart(decimals.length + 1, '0');
  const head = digits.slice(0, digits.length - decimals.length).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
  return decimals === '' ? head : `${head},${digits.slice(-decimals.length)}`;
}

/** A counterexample found: the end rate 50,00 of 3 in 6 changed to 50,01 is the sum of the three flows' rounded rates (16,67 each). */
const SUM_OF_ROUNDED_RATES: ReviewedHousehold[] = [
  { id: 'h0', unit: 'Nhà Bàng', area: 'urban', village: 'Thôn 1', status: 'poor', startStatus: 'average' },
  { id: 'h1', unit: 'Nhà Bàng', area: 'urban', village: 'Thôn 1', status: 'poor', startStatus: 'average', everEscapedPoverty: true },
  { id: 'h2', unit: 'Nhà Bàng', area: 'urban', village: 'Thôn 1', status: 'non-poor', startStatus: null },
  { id: 'h3', unit: 'Nhà Bàng', area: 'urban', village: 'Thôn 1', status: 'non-poor', startStatus: null },
  { id: 'h4', unit: 'Nhà Bàng', area: 'urban', village: 'Thôn 1', status: 'near-poor', startStatus: null },
  { id: 'h5', unit: 'Nhà Bàng', area: 'urban', village: 'Thôn 1', status: 'poor', startStatus: 'poor' },
];

describe('printed reports', () => {
  const register: ReviewedHousehold[] = REGISTER.map((h) => ({ ...h, area: h.unit === 'Đắk Mol' ? 'rural' : 'urban', startStatus: h.status }));

  it('the review summary: TT, Đơn vị, Tổng số hộ, then Số hộ and Tỷ lệ (%) of each status; the total last', () => {
    const t = expectPure(reviewSummaryTable, reviewSummaryReport(REGISTER, opts));
    expect(t.title).toBe('Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình');
    expect(t.headerRows).toBe(2);
    expect(t.grid.slice(0, 2)).toEqual([
      ['TT', 'Đơn vị', 'Tổng số hộ', 'Hộ nghèo', 'Hộ nghèo', 'Hộ cận nghèo', 'Hộ cận nghèo', 'Hộ có mức sống trung bình', 'Hộ có mức sống trung bình', 'Hộ không nghèo', 'Hộ không nghèo'],
      ['TT', 'Đơn vị', 'Tổng số hộ', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
    ]);
    expect(t.grid.slice(2)).toEqual([
      ['1', 'Đắk Mol', '4', '2', '50,00', '1', '25,00', '1', '25,00', '0', '0,00'],
      ['2', 'Đắk Hòa', '4', '1', '25,00', '1', '25,00', '0', '0,00', '2', '50,00'],
      ['', 'Tổng cộng', '8', '3', '37,50', '2', '25,00', '1', '12,50', '2', '25,00'],
    ]);
    const r = reconcileGrid(t.grid, t.spec);
    expect(r.issues).toEqual([]);
    expect(r.layout.rows.map((x) => x.role)).toEqual(['unit', 'unit', 'total']);
  });

  it('the deprivation analysis: per indicator Số hộ, Tỷ lệ so với hộ nghèo, Tỷ lệ so với tổng số hộ; a blank rate where no household has the status', () => {
    const t = deprivationTable(deprivationReport(REGISTER, { status: 'poor', standard: ND07_2021, ...opts }));
    expect(t.grid[0]!.slice(0, 7)).toEqual(['TT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Việc làm', 'Việc làm', 'Việc làm']);
    expect(t.grid[1]!.slice(4, 7)).toEqual(['Số hộ', 'Tỷ lệ so với hộ nghèo (%)', 'Tỷ lệ so với tổng số hộ (%)']);
    const latrine = t.grid[0]!.indexOf('Nhà tiêu hợp vệ sinh');
    expect(t.grid.slice(2).map((row) => [row[1], row[3], ...row.slice(latrine, latrine + 3)])).toEqual([
      ['Đắk Mol', '2', '2', '100,00', '50,00'],
      ['Đắk Hòa', '1', '1', '100,00', '25,00'],
      ['Tổng cộng', '3', '3', '100,00', '37,50'],
    ]);
    expect(reconcileGrid(t.grid, t.spec).issues).toEqual([]);
    const none = deprivationTable(deprivationReport([{ id: 'x', unit: 'X', status: 'non-poor' }], { status: 'poor', standard: ND07_2021, ...opts }));
    expect(none.grid[2]!.slice(3, 7)).toEqual(['0', '0', '-', '0,00']);
    expect(reconcileGrid(none.grid, none.spec).issues).toEqual([]);
  });

  it('by cause: Vietnamese names, shares of all poor households (the total’s count), rows that do not add up', () => {
    const t = groupTable(groupReport(REGISTER, { by: 'cause', ...opts }));
    expect(t.grid.slice(2).map((row) => row.slice(1))).toEqual([
      ['Thiếu đất sản xuất', '2', '2', '66,67', '0', '0,00'],
      ['Thiếu vốn', '1', '1', '33,33', '0', '0,00'],
      ['Thiếu kỹ năng lao động', '1', '1', '33,33', '0', '0,00'],
      ['Ốm đau, tai nạn', '1', '0', '0,00', '1', '50,00'],
      ['Chưa ghi nhận', '1', '0', '0,00', '1', '50,00'],
      ['Tổng cộng', '5', '3', '100,00', '2', '100,00'],
    ]);
    expect(reconcileGrid(t.grid, t.spec).issues).toEqual([]);
    // a share printed as if of all households is found
    const wrong = t.grid.map((row, i) => (i === 2 ? [...row.slice(0, 4), '25,00', ...row.slice(5)] : row));
    expect(reconcileGrid(wrong, t.spec).issues.map((i) => [i.row, i.code, i.expected])).toEqual([['Thiếu đất sản xuất', 'rate-mismatch', '66,67']]);
  });

  it('the children’s deprivations: three header rows, poor and near-poor side by side', () => {
    const t = childrenTable(childrenReport(REGISTER, opts));
    expect(t.headerRows).toBe(3);
    expect(t.grid.map((row) => row.slice(2, 5))).toEqual([
      ['Trẻ em thuộc hộ nghèo', 'Trẻ em thuộc hộ nghèo', 'Trẻ em thuộc hộ nghèo'],
      ['Tổng số trẻ em', 'Không có bảo hiểm y tế', 'Không có bảo hiểm y tế'],
      ['Tổng số trẻ em', 'Số trẻ', 'Tỷ lệ (%)'],
      ['3', '1', '33,33'],
      ['0', '0', '-'],
      ['3', '1', '33,33'],
    ]);
    expect(reconcileGrid(t.grid, t.spec).issues).toEqual([]);
  });

  it('the detailed lists: a heading per unit and village, households numbered through the list', () => {
    const t = householdListsTable(householdLists(REGISTER, { statuses: ['poor'] }));
    expect(t.grid).toEqual([
      ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Phân loại', 'Dân tộc', 'Số chỉ số thiếu hụt'],
      ['I', '', 'Đắk Hòa – Thôn 2', '', '', ''],
      ['1', 'b4', '', 'Hộ nghèo', 'Kinh', '3'],
      ['II', '', 'Đắk Mol – Bon Bu', '', '', ''],
      ['2', 'a1', 'Y Bình', 'Hộ nghèo', "M'nông", '3'],
      ['3', 'a4', '', 'Hộ nghèo', "M'nông", '4'],
    ]);
    const r = reconcileGrid(t.grid, t.spec);
    expect([r.ok, r.layout.rows.map((x) => x.role)]).toEqual([true, ['heading', 'unit', 'heading', 'unit', 'unit']]);
    const twice = t.grid.map((row, i) => (i === 5 ? ['2', ...row.slice(1)] : row));
    expect(reconcileGrid(twice, t.spec).issues.map((i) => [i.code, i.printed])).toEqual([['duplicate-row-number', '2']]);
  });

  it('every report of a register reconciles with zero findings', () => {
    for (const [name, t] of printedReports(register)) expect(reconcileGrid(t.grid, t.spec).issues, name).toEqual([]);
  });

  describe('properties', () => {
    it('every report the library prints from a register reconciles with zero findings', () => {
      fc.assert(
        fc.property(registerArb, (households) => {
          for (const [name, t] of printedReports(households)) {
            const r = reconcileGrid(t.grid, t.spec);
            expect(r.issues, name).toEqual([]);
            // a kind for every printed column: text where the layout reads a label, a figure elsewhere
            expect(t.kinds?.length, name).toBe(t.grid[0]!.length);
            expect(t.kinds![r.layout.columns.find((c) => c.key === (t.spec.columns.find((x) => x.label === true) ?? t.spec.columns.find((x) => x.kind === 'text'))!.key)!.gridColumn], name).toBe('text');
          }
        }),
      );
    });

    it('a figure changed in any report is found, at its cell', () => {
      fc.assert(
        fc.property(registerArb, fc.nat(), fc.nat(), (households, which, where) => {
          const reports = printedReports(households);
          const [name, t] = reports[which % reports.length]!;
          const layout = reconcileGrid(t.grid, t.spec).layout;
          const checked = exactlyChecked(t.spec);
          const kinds = new Map(t.spec.columns.map((c) => [c.key, c.kind]));
          const candidates = layout.rows.flatMap((row) =>
            layout.columns
              .filter((c) => checked.has(c.key))
              .map((c) => ({ row, column: c, text: t.grid[row.gridRow]![c.gridColumn]! }))
              .filter(({ row: r, column: c, text }) => /^\d/u.test(text) && (kinds.get(c.key) !== 'row-number' || r.role === 'unit')),
          );
          if (candidates.length === 0) return;
          const { row, column, text } = candidates[where % candidates.length]!;
          const grid = t.grid.map((r, i) => (i === row.gridRow ? r.map((cell, j) => (j === column.gridColumn ? corrupted(text) : cell)) : r));
          // an error, or a rounding finding when the changed figure is what a shortcut gives (50,01 % = 3 × 16,67 %)
          const found = reconcileGrid(grid, t.spec).issues.filter((i) => i.cells.some((c) => c.row === row.key && c.column === column.key));
          expect(found.length, `${name}: ${column.key} at line ${row.gridRow + 1}: ${text}`).toBeGreaterThan(0);
        }),
        { examples: [[SUM_OF_ROUNDED_RATES, 0, 13]] },
      );
    });
  });
});
