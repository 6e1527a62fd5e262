import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { reconcileFileIn } from '../_helpers/cliIo.js';
import { readFixture } from '../_helpers/fixtures.js';
import { tempDirs } from '../_helpers/tempDirs.js';

// The tables of test/fixtures/documents (README, “Tables as officials print them”) as offices save them: a sheet
// with the title block above, the group headers merged across, the header cells merged down, whole figures typed
// as numbers shown grouped (“#,##0”), “-” as text; and as a CSV. Each planted error at its cell, none on the twin.

const tempDir = tempDirs('vnp-unseen-sheets-');
const brief = (f: CheckFinding): string => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`;

/** The fixture's lines as a sheet: a figure “1.234” typed as the number 1234, the merges given as Excel ranges. */
async function sheetOf(name: string, merges: readonly string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu');
  readFixture(`documents/${name}`).split('\n').forEach((line, r) => {
    line.split('\t').forEach((text, c) => {
      if (text === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      if (/^\d{1,3}(\.\d{3})*$/.test(text) && !/^(STT|TT)$/.test(text)) {
        cell.value = Number(text.replace(/\./g, ''));
        cell.numFmt = '#,##0';
      } else cell.value = text;
    });
  });
  for (const m of merges) ws.mergeCells(m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const reconcileFile = (name: string, bytes: Uint8Array | string): Promise<{ code: number; out: string }> => reconcileFileIn(tempDir(), name, bytes);

describe('new shapes as sheets and CSV files', () => {
  // “Ngân sách trung ương” merged over “Đầu tư | Sự nghiệp”, the other headers merged down their two rows
  const BUDGET_MERGES = ['A5:A6', 'B5:B6', 'C5:C6', 'D5:E5', 'F5:F6', 'G5:G6'];

  it('a budget by project and source with a two-row merged header: the planted errors at their cells, none on the twin', async () => {
    const planted = await sheetOf('budget-projects.txt', BUDGET_MERGES);
    expect(checkDocument(await readXlsxDocument(planted)).findings.map(brief)).toEqual(['sum-mismatch @7:6 7.985', 'sum-mismatch @11:5 8.240']);
    expect(checkDocument(await readXlsxDocument(await sheetOf('budget-projects.clean.txt', BUDGET_MERGES))).findings).toEqual([]);
    const run = await reconcileFile('budget.xlsx', planted);
    expect(run.code).toBe(EXIT_FINDINGS);
    expect(run.out).toContain('Tổng số = Đầu tư + Sự nghiệp + Ngân sách địa phương + Vốn huy động');
    expect(run.out).toContain('printed 8.240, expected 8.420');
    expect(run.out).toContain('printed 7.985, expected 8.321');
  });

  it('years as columns with the period total, as a sheet and a CSV: the stocks never summed, the planted errors at their cells', async () => {
    expect(checkDocument(await readXlsxDocument(await sheetOf('years-period.clean.txt', []))).findings).toEqual([]);
    expect(checkDocument(await readXlsxDocument(await sheetOf('years-period.txt', []))).findings.map(brief)).toEqual(['sum-mismatch @5:9 710', 'sum-mismatch @7:9 565', 'rate-mismatch @8:9 2,96', 'sum-mismatch @9:9 22.500']);
    const csvOf = (name: string): string => readFixture(`documents/${name}`).split('\n').map((l) => l.split('\t').map((t) => (/[",]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)).join(',')).join('\n');
    expect((await reconcileFile('years.csv', csvOf('years-period.clean.txt'))).code).toBe(EXIT_OK);
    const run = await reconcileFile('years-planted.csv', csvOf('years-period.txt'));
    expect(run.code).toBe(EXIT_FINDINGS);
    expect(run.out).toContain('printed 565, expected 555');
  });

  it('a district merged down over its communes and a total merged across two columns: read, the planted error at its cell', async () => {
    const rows: ReadonlyArray<ReadonlyArray<string | number>> = [
      ['Biểu 5. Hộ nghèo theo huyện, xã năm 2025'], [],
      ['Huyện', 'Xã', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)'],
      ['Huyện Bảo Lạc', 'Xã Cốc Pàng', 812, 211, '25,99'],
      ['', 'Xã Hưng Đạo', 640, 188, '29,38'],
      ['', 'Xã Bảo Toàn', 905, 240, '26,52'],
      ['Huyện Bảo Lâm', 'Xã Lý Bôn', 1102, 198, '17,97'],
      ['', 'Xã Nam Quang', 760, 176, '23,16'],
      ['Tổng cộng', '', 4219, 1013, '24,01'],
    ];
    const sheet = async (poor: number): Promise<Uint8Array> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Biểu');
      rows.forEach((r, i) => r.forEach((v, c) => {
        if (v !== '') ws.getCell(i + 1, c + 1).value = i === 4 && c === 3 ? poor : v;
      }));
      for (const m of ['A4:A6', 'A7:A8', 'A9:B9']) ws.mergeCells(m);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    expect(checkDocument(await readXlsxDocument(await sheet(188))).findings).toEqual([]);
    expect(checkDocument(await readXlsxDocument(await sheet(118))).findings.map(brief)).toEqual(['sum-mismatch @5:4 118']);
  });

  it('a note and a signature under the total of a sheet and of a CSV: never added to the total', async () => {
    const clean = await reconcileFile('note.xlsx', await sheetOf('note-below.clean.txt', []));
    expect(clean.out).toContain('below the table\'s total (a note, a signature block)');
    expect(clean.code).toBe(EXIT_OK);
    const csv = readFixture('documents/note-below.clean.txt').split('\n').map((l) => l.split('\t').map((t) => (/[",]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)).join(',')).join('\n');
    expect((await reconcileFile('note.csv', csv)).code).toBe(EXIT_OK);
    const planted = await reconcileFile('note-planted.xlsx', await sheetOf('note-below.txt', []));
    expect(planted.code).toBe(EXIT_FINDINGS);
    expect(planted.out).toContain('printed 39, expected 30');
  });
});
