import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { understandTable } from '../../src/documents/understandTable.js';
import type { DocumentTable } from '../../src/documents/documentModel.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { reconcileFileIn } from '../_helpers/cliIo.js';
import { readFixture } from '../_helpers/fixtures.js';
import { tempDirs } from '../_helpers/tempDirs.js';

// Tables as officials print them, in the shapes a blind reading found wrong: a budget whose project 3 has its
// sub-projects marked “-” (or 3.1, 3.2), a table by year with a column of changes from the year before (a count's,
// signed, a rate's in points), an amount = households × the amount per household, and a wrong count that breaks
// its rate and its change. Each as text, as a sheet with its header merged (figures typed as numbers) and as a CSV.

const tempDir = tempDirs('vnp-printed-tables-');
const brief = (f: CheckFinding): string => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`;
const check = (name: string): CheckFinding[] => [...checkDocument(readTextDocument(readFixture(`documents/${name}.txt`))).findings];

const PLANTED: Record<string, readonly string[]> = {
  // the grand total's digits swapped; Tiểu dự án 2's central Sự nghiệp +100 (Dự án 3 and the row total as computed)
  'budget-subprojects': ['sum-mismatch @4:3 48.137,5', 'sum-mismatch @9:5 2.005,4'],
  // 2022's decrease +10; 2025's poor households transposed (its rate and its decrease are those of 1.347)
  'years-decrease': ['difference-mismatch @3:5 234', 'difference-mismatch @6:3 1.374'],
  // 2024's signed change of the near-poor −145 typed −154; 2025's fall of the rate 0,82 points typed 0,92
  'years-signed': ['difference-mismatch @5:7 -154', 'difference-mismatch @6:8 0,92'],
  // 41 × 20 = 820,0 typed 830,0 (the subtotal and total as computed); group II's subtotal transposed
  'unit-costs': ['product-mismatch @5:5 830,0', 'sum-mismatch @6:5 998,3'],
};

/** Header merges of each fixture's sheet (rows as the fixture's lines, 1-based). */
const MERGES: Record<string, readonly string[]> = {
  'budget-subprojects': ['A4:A6', 'B4:B6', 'C4:C6', 'D4:G4', 'D5:E5', 'F5:G5', 'H4:H6'],
  'years-decrease': [],
  'years-signed': ['A3:A4', 'B3:B4', 'C3:D3', 'E3:F3', 'G3:G4', 'H3:H4'],
  'unit-costs': ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3'],
};

/** The fixture's lines as a sheet: “1.234,5” typed as the number 1234.5 shown “#,##0.0”, a row number 3.1 as a number. */
async function sheetOf(name: string, transform: (cells: string[]) => string[] = (c) => c): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu');
  readFixture(`documents/${name}.txt`).split('\n').forEach((line, r) => {
    transform(line.split('\t')).forEach((text, c) => {
      if (text === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      const m = /^(-?\d{1,3}(?:\.\d{3})*)(?:,(\d+))?$/.exec(text);
      if (m !== null && !/^\d{4}$/.test(text)) {
        cell.value = Number(`${m[1]!.replace(/\./g, '')}.${m[2] ?? '0'}`);
        cell.numFmt = m[2] === undefined ? '#,##0' : `#,##0.${'0'.repeat(m[2].length)}`;
      } else if (/^\d\.\d$/.test(text)) cell.value = Number(text);
      else cell.value = text;
    });
  });
  for (const m of MERGES[name.replace('.clean', '')]!) ws.mergeCells(m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The fixture as a CSV file (commas between cells, quoted where a figure has a decimal comma). */
function csvOf(name: string): string {
  return readFixture(`documents/${name}.txt`).split('\n').map((line) => line.split('\t').map((t) => (/[",]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)).join(',')).join('\n');
}

const reconcileFile = (name: string, bytes: Uint8Array | string): Promise<{ code: number; out: string }> => reconcileFileIn(tempDir(), name, bytes);

const tableOf = (name: string): DocumentTable => readTextDocument(readFixture(`documents/${name}.txt`)).blocks.find((b) => b.kind === 'table') as DocumentTable;

describe('tables as officials print them: sub-items, changes from the year before, amounts per unit', () => {
  for (const [name, planted] of Object.entries(PLANTED)) {
    it(`${name}: every planted error at its cell, nothing else; the twin gives nothing`, () => {
      expect(check(name).map(brief)).toEqual(planted);
      expect(check(`${name}.clean`)).toEqual([]);
    });
  }

  it('the same tables as sheets with merged headers and as CSV files: the same findings, none on the twins', async () => {
    for (const [name, planted] of Object.entries(PLANTED)) {
      // (a sheet keeps the title rows the text reader sets apart: the same cells, rows further down)
      const noRow = (b: string): string => b.replace(/@\d+:/, '@');
      expect(checkDocument(await readXlsxDocument(await sheetOf(name))).findings.map((f) => noRow(brief(f))), name).toEqual(planted.map(noRow));
      const clean = await reconcileFile(`${name}.clean.xlsx`, await sheetOfClean(name));
      expect(clean.code, `${name}: ${clean.out}`).toBe(EXIT_OK);
      const csv = await reconcileFile(`${name}.csv`, csvOf(name));
      expect(csv.code, name).toBe(EXIT_FINDINGS);
      expect((await reconcileFile(`${name}.clean.csv`, csvOf(`${name}.clean`))).code, name).toBe(EXIT_OK);
    }
  });

  it('sub-projects marked “-” are parts of the project above them: the total adds up the projects, the parts their project', async () => {
    const u = understandTable(tableOf('budget-subprojects.clean'));
    const project3 = u.layout.rows.find((r) => r.label.startsWith('Dự án 3'))!;
    expect(project3.role).toBe('subtotal');
    expect(project3.covers).toHaveLength(2);
    const total = u.layout.rows.find((r) => r.label === 'TỔNG CỘNG')!;
    // the projects, Dự án 3 among them, never its sub-projects as well
    expect(total.covers).toContain(project3.row);
    expect(total.covers).not.toContain(project3.covers![0]);
    expect(total.covers).toHaveLength(7);
    // a wrong part is named at its cell, not at its row's total
    const run = await reconcileFile('budget.xlsx', await sheetOf('budget-subprojects'));
    expect(run.out).toContain('Tiểu dự án 2: Cải thiện dinh dưỡng · Trong đó · Ngân sách Trung ương · Sự nghiệp: printed 2.005,4, expected 1.905,4');
    expect(run.out).not.toMatch(/Tiểu dự án 2: Cải thiện dinh dưỡng · Tổng cộng: printed/);
  });

  it('sub-projects numbered 3.1, 3.2 (typed as numbers in a sheet, read “3,1”) are parts of project 3 too', async () => {
    const nested = (cells: string[]): string[] => (cells[0] === '-' ? [cells[1]!.startsWith('Tiểu dự án 1') ? '3.1' : '3.2', ...cells.slice(1)] : cells);
    const run = await reconcileFile('budget-31.xlsx', await sheetOfClean('budget-subprojects', nested));
    expect(run.code, run.out).toBe(EXIT_OK);
    expect(run.out).toContain('Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng = sum of 2 rows');
  });

  it('a change column is checked as the difference of consecutive years, its sign by its header', () => {
    const u = understandTable(tableOf('years-signed.clean'));
    const changes = u.layout.relations.filter((r) => r.type === 'row-change');
    expect(changes).toEqual([
      { type: 'row-change', column: 'Số hộ cận nghèo tăng (+)/giảm (-) so với năm trước', of: 'Hộ cận nghèo · Số hộ', direction: 'increase', pairs: [[3, 2], [4, 3], [5, 4], [6, 5]] },
      { type: 'row-change', column: 'Tỷ lệ hộ nghèo giảm (điểm %)', of: 'Hộ nghèo · Tỷ lệ (%)', direction: 'decrease', pairs: [[3, 2], [4, 3], [5, 4], [6, 5]] },
    ]);
    expect(u.uncheckedColumns).toEqual([]);
  });

  it('an amount is checked as households × the amount per household, exactly or rounded to the decimals printed', () => {
    const u = understandTable(tableOf('unit-costs.clean'));
    expect(u.layout.relations.find((r) => r.type === 'product')).toMatchObject({ column: 'Thành tiền (triệu đồng)', factors: ['Số hộ (hộ)', 'Định mức (triệu đồng/hộ)'], rounding: 'half-up' });
    // 1.420 × 0,7641 = 1.085,022: printed 1.085,0, no finding; 1.085,1 is one
    const off = readFixture('documents/unit-costs.clean.txt').replace('0,7641\t1.085,0', '0,7641\t1.085,1');
    // (the total, 0,1 off, within the rounding of its parts, is a rounding finding at most)
    expect(checkDocument(readTextDocument(off)).findings.filter((f) => f.severity === 'error').map(brief)).toEqual(['product-mismatch @11:5 1.085,1']);
  });
});

async function sheetOfClean(name: string, transform?: (cells: string[]) => string[]): Promise<Uint8Array> {
  return sheetOf(`${name}.clean`, transform);
}
