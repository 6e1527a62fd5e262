import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCsvFormula, parseCsv } from '../../src/io/csv.js';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { writeReportTable, writeReportWorkbook } from '../../src/io/writeReportTable.js';
import { reconcileGrid } from '../../src/reconcile/reconcileGrid.js';
import { groupReport } from '../../src/reports/groupReport.js';
import { groupTable } from '../../src/reports/groupTable.js';
import { householdLists } from '../../src/reports/householdLists.js';
import { householdListsTable } from '../../src/reports/householdListsTable.js';
import { reviewSummaryReport } from '../../src/reports/reviewSummaryReport.js';
import { reviewSummaryTable } from '../../src/reports/reviewSummaryTable.js';
import { summaryForm, summaryFormUnits } from '../../src/reports/summaryForm.js';
import { summaryFormTable } from '../../src/reports/summaryFormTable.js';
import { summaryFormLayout } from '../../src/reports/summaryFormLayout.js';
import type { ReviewedHousehold } from '../../src/reports/reviewedHousehold.js';
import { rejectedError } from '../_helpers/errors.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { REGISTER, registerArb } from '../reports/_register.js';

const dir = tempDirs('vnp-report-table-');
const opts = { decimals: 2, rounding: 'half-up' } as const;
const register: ReviewedHousehold[] = REGISTER.map((h) => ({ ...h, area: h.unit === 'Đắk Mol' ? 'rural' : 'urban', startStatus: h.status }));
/** A sheet's grid under its title row, empty cells as '' (as the report prints them). */
const body = (grid: ReadonlyArray<ReadonlyArray<string | null>>): string[][] => grid.slice(1).map((r) => r.map((c) => c ?? ''));
const form = (status: 'poor' | 'near-poor') => summaryFormTable(summaryForm(summaryFormUnits(register, { status }), { status, ...opts }));

describe('writeReportTable', () => {
  it('CSV: the title on the first line, then the header rows and the rows exactly as printed; the engine reads it back', async () => {
    const t = reviewSummaryTable(reviewSummaryReport(REGISTER, opts));
    const path = join(dir(), 'tong-hop.csv');
    expect(await writeReportTable(t, path)).toBe(3);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFF"Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình",,,')).toBe(true);
    const grid = parseCsv(text);
    expect(grid.slice(1)).toEqual(t.grid);
    expect(reconcileGrid(grid, t.spec).issues).toEqual([]);
  });

  it('CSV: a unit, a village or a name that starts like a formula gets a leading quote; figures and "-" never do', async () => {
    const t = householdListsTable(householdLists([{ id: '=1+2', unit: '-X', village: '@Bon', headName: '+Y', status: 'poor' }], { statuses: ['poor'] }));
    const path = join(dir(), 'ds.csv');
    await writeReportTable(t, path);
    const grid = parseCsv(readFileSync(path, 'utf8'));
    expect(grid.slice(2)).toEqual([['I', '', "'-X – @Bon", '', '', ''], ['1', "'=1+2", "'+Y", 'Hộ nghèo', '', '0']]);
    await writeReportTable(t, path, { rawCsv: true });
    expect(parseCsv(readFileSync(path, 'utf8'))[3]).toEqual(['1', '=1+2', '+Y', 'Hộ nghèo', '', '0']);
    const rates = groupTable(groupReport([{ id: 'a', unit: 'X', status: 'non-poor', ethnicGroup: 'Kinh' }], { by: 'cause', ...opts }));
    const p2 = join(dir(), 'nn.csv');
    await writeReportTable(rates, p2);
    expect(parseCsv(readFileSync(p2, 'utf8')).at(-1)).toEqual(['', 'Tổng cộng', '0', '0', '-', '0', '-']);
  });

  it('to a text sink, with a delimiter and without a byte-order mark', async () => {
    let out = '';
    await writeReportTable(reviewSummaryTable(reviewSummaryReport(REGISTER, opts)), { write: (s: string) => (out += s) }, { delimiter: ';', bom: false });
    expect(out.split('\r\n')[3]).toBe('1;Đắk Mol;4;2;50,00;1;25,00;1;25,00;0;0,00');
  });

  it('XLSX: the title merged across, header cells merged as the form prints them, figures as numbers shown as printed; the summary-form preset reads it', async () => {
    const t = form('poor');
    const path = join(dir(), 'mau-3.xlsx');
    await writeReportTable(t, path, { sheetName: 'Hộ nghèo' });
    const read = await readSheetGrid(path);
    expect(read.sheet).toBe('Hộ nghèo');
    expect(body(read.grid)).toEqual(t.grid);
    expect(read.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: t.grid[0]!.length - 1 });
    // TT over the three header rows; "Số hộ nghèo đầu năm" over its four columns
    expect(read.merges).toContainEqual({ top: 1, left: 0, bottom: 3, right: 0 });
    expect(read.merges).toContainEqual({ top: 1, left: 4, bottom: 1, right: 7 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const cell = wb.worksheets[0]!.getCell(5, 3);
    expect([cell.value, cell.numFmt]).toEqual([4, '#,##0']);
    const rate = wb.worksheets[0]!.getCell(5, 6);
    expect([rate.value, rate.numFmt, read.grid[4]![5]]).toEqual([25, '#,##0.00', '25,00']);
    expect(reconcileGrid(read.grid, summaryFormLayout.spec).issues).toEqual([]);
  });

  it('a workbook of several reports, a sheet each; each reconciles on its own', async () => {
    const path = join(dir(), 'bao-cao.xlsx');
    await writeReportWorkbook(path, [{ table: form('poor'), sheetName: 'Hộ nghèo' }, { table: form('near-poor'), sheetName: 'Hộ cận nghèo' }]);
    for (const [sheet, status] of [['Hộ nghèo', 'poor'], ['Hộ cận nghèo', 'near-poor']] as const) {
      const read = await readSheetGrid(path, { sheet });
      expect(body(read.grid)).toEqual(form(status).grid);
      expect(reconcileGrid(read.grid, summaryFormLayout.spec).issues).toEqual([]);
    }
  });

  it('refuses a bad sheet name, two sheets of one name, a stream for XLSX; an existing file is left as it was', async () => {
    const d = dir();
    const path = join(d, 'x.xlsx');
    writeFileSync(path, 'before');
    expect((await rejectedError(writeReportWorkbook(path, [{ table: form('poor'), sheetName: 'a/b' }]))).issues[0].code).toBe('invalid-sheet-name');
    expect((await rejectedError(writeReportWorkbook(path, [{ table: form('poor'), sheetName: 'A' }, { table: form('poor'), sheetName: 'a' }]))).issues[0].code).toBe('duplicate-sheet');
    expect((await rejectedError(writeReportTable(form('poor'), { write: () => true }, { format: 'xlsx' }))).issues[0].code).toBe('unsupported-format');
    expect((await rejectedError(writeReportTable({ grid: 'x' } as never, path))).issues[0].code).toBe('invalid-input');
    expect(readFileSync(path, 'utf8')).toBe('before');
  });

  it('a report of more rows than a function takes arguments (a province list): written as CSV and XLSX', async () => {
    const rows = Array.from({ length: 210_000 }, (_, i) => [String(i + 1), `h${i}`]);
    const table = { title: 'Danh sách', headerRows: 1, grid: [['STT', 'Mã hộ'], ...rows], spec: { columns: [{ key: 'stt', kind: 'row-number' as const, header: 'STT' }, { key: 'id', kind: 'text' as const, header: 'Mã hộ', label: true as const }], relations: [{ type: 'numbering' as const, column: 'stt' }] }, kinds: ['row-number', 'text'] as const };
    let out = '';
    expect(await writeReportTable(table, { write: (x: string) => (out += x) })).toBe(210_000);
    expect(out.split('\r\n').at(-2)).toBe('210000,h209999');
    // and the engine reads it back: the numbering of 210.000 rows
    expect(reconcileGrid(parseCsv(out), table.spec).ok).toBe(true);
    const path = join(dir(), 'ds.xlsx');
    expect(await writeReportTable(table, path)).toBe(210_000);
    expect((await readSheetGrid(path)).grid.at(-1)).toEqual(['210000', 'h209999']);
  }, 60_000);

  describe('properties', () => {
    it('a CSV written and parsed gives the title and the grid back (labels that start like a formula guarded), and reconciles', async () => {
      const names = fc.uniqueArray(fc.stringMatching(/^[=+\-@]?N[a-z]{0,8}$/u), { minLength: 1, maxLength: 4 });
      await fc.assert(
        fc.asyncProperty(registerArb, names, async (households, groups) => {
          const hs = households.map((h, i) => ({ ...h, policyGroups: h.policyGroups?.length === 0 ? [] : [groups[i % groups.length]!] }));
          for (const t of [groupTable(groupReport(hs, { by: 'policy-group', ...opts })), reviewSummaryTable(reviewSummaryReport(hs, opts)), householdListsTable(householdLists(hs.map((h, i) => ({ ...h, headName: groups[i % groups.length]! })), { statuses: ['poor'] }))]) {
            let out = '';
            await writeReportTable(t, { write: (x: string) => (out += x) }, { bom: false });
            const grid = parseCsv(out);
            const guarded = t.grid.map((row, r) => (r < t.headerRows ? row : row.map((c, j) => (t.kinds![j] === 'text' ? neutraliseCsvFormula(c) : c))));
            expect(grid).toEqual([[t.title, ...Array<string>(t.grid[0]!.length - 1).fill('')], ...guarded]);
            expect(reconcileGrid(grid, t.spec).issues).toEqual([]);
          }
        }),
      );
    });
  });
});
