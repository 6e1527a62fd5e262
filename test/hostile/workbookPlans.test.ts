/**
 * Plan workbooks as they arrive, read by `vn-poverty check` (every sheet, `readXlsxDocument`)
 * and `vn-poverty reconcile` (one sheet, `readSheetGrid`) through the library's own sheet reader:
 * many sheets, chart sheets in the tab order, rows formatted out to column XFD, formulas with no
 * saved value (shared, array), empty number cells, cells and rows without addresses as
 * LibreOffice and generators write them. A figure the file does not hold is never read as 0 or
 * as blank; a merged figure is read once; hidden rows and sheets are named.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome } from './_hostile.js';
import { inline, numberCell, rawXlsx, type RawSheet } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-workbooks-');
const row = (n: number, cells: readonly string[], attrs = ''): string => `<row r="${n}"${attrs}>${cells.join('')}</row>`;
const HEADER = ['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'];
/** A commune table whose second commune's rate is misprinted (60 ÷ 1.500 = 4,0 %, printed 4,5). */
const PLAN = [HEADER, ['1', 'Xã An Phú', '2368', '120', '5.07'], ['2', 'Xã Bình Minh', '1500', '60', '4.5'], ['', 'Tổng cộng', '3868', '180', '4.65']];
const cellOf = (ref: string, v: string): string => (/^[\d.]+$/.test(v) ? numberCell(ref, v) : v === '' ? '' : inline(ref, v));
const planXml = (rows = PLAN, extra = (_r: number): string => ''): string => `<sheetData>${rows.map((r, i) => row(i + 1, [...r.map((v, c) => cellOf(`${'ABCDE'[c]}${i + 1}`, v)), extra(i + 1)])).join('')}</sheetData>`;

function write(name: string, sheets: readonly RawSheet[]): string {
  const path = join(dir(), name);
  writeFileSync(path, rawXlsx(sheets));
  return path;
}

const brief = (path: string) => async (): Promise<string[]> => {
  const { readFile } = await import('node:fs/promises');
  return checkDocument(await readXlsxDocument(await readFile(path), { source: 'plan.xlsx' })).findings.map((f) => `${f.code} ${f.printed ?? ''}→${f.expected ?? ''}`);
};

describe('check and reconcile on hostile plan workbooks', () => {
  it('30 sheets, the plan table on sheet 7: check finds it and names the sheet; reconcile --sheet 7 reads it', async () => {
    const sheets: RawSheet[] = Array.from({ length: 30 }, (_, i) => (i === 6 ? { name: 'Biểu 7', xml: planXml() } : { name: `Sheet${i + 1}`, xml: i % 3 === 0 ? `<sheetData>${row(1, [inline('A1', `Ghi chú ${i + 1}`)])}</sheetData>` : '<sheetData/>' }));
    const path = write('ba-muoi.xlsx', sheets);
    const run = await expectOutcome(['check', path], { code: 1, unchanged: [path] });
    expect(run.out).toContain('(sheet “Biểu 7”), row 3 “Xã Bình Minh”, column 5 “Tỷ lệ hộ nghèo (%)”: Xã Bình Minh · Tỷ lệ hộ nghèo (%): printed 4,5, expected 4,0 (60 ÷ 1500 × 100');
    expect((await readSheetGrid(path, { sheet: 7 })).grid[2]).toEqual(['2', 'Xã Bình Minh', '1500', '60', '4,5']);
  });

  it('a chart sheet in the tab order is named and passed over, not a crash or a missing sheet', async () => {
    const path = write('bieu-do.xlsx', [{ name: 'Biểu đồ', xml: '<sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews>', chart: true }, { name: 'Biểu 1', xml: planXml() }]);
    const run = await expectOutcome(['check', path], { code: 1, unchanged: [path] });
    expect(run.err).toContain('the sheet "Biểu đồ" is a chart sheet');
    expect(run.out).toContain('block 1 (sheet “Biểu 1”)');
    expect((await readSheetGrid(path)).sheet).toBe('Biểu 1');
    await expectOutcome(['reconcile', path, '--sheet', 'Biểu đồ'], { code: 2, mentions: ['chart sheet'], unchanged: [path] });
  });

  it('rows formatted out to column XFD (16.384 columns of styled empty cells) are read as the table they hold, not refused over the cell limit', async () => {
    const styled = (r: number): string => `<c r="XFD${r}" s="0"/>`;
    const rows = [...PLAN, ...Array.from({ length: 80 }, () => ['', '', '', '', ''])];
    const path = write('dinh-dang.xlsx', [{ name: 'Biểu 1', xml: `<cols><col min="1" max="16384" width="9"/></cols>${planXml(rows, styled)}` }]);
    const run = await expectOutcome(['check', path], { code: 1, unchanged: [path] });
    expect(run.out).toContain('printed 4,5, expected 4,0');
    const grid = await readSheetGrid(path);
    expect(grid.grid[0]).toHaveLength(5);
  });

  it('a shared formula with no saved value is an unknown figure, refused naming the cell and saying so — never 0 or blank', async () => {
    const rows = PLAN.map((r) => [...r]);
    const xml = planXml(rows).replace('<c r="D3"><v>60</v></c>', '<c r="D3"><f t="shared" si="0"/></c>').replace('<c r="D2"><v>120</v></c>', '<c r="D2"><f t="shared" ref="D2:D3" si="0">C2*0.05</f><v>120</v></c>');
    const path = write('cong-thuc.xlsx', [{ name: 'Biểu 1', xml }]);
    await expectOutcome(['check', path], { code: 2, mentions: ["'Biểu 1'!D3", 'shared formula', 'no saved value'], unchanged: [path] });
    await expectOutcome(['reconcile', path], { code: 2, mentions: ["'Biểu 1'!D3", 'shared formula'], unchanged: [path] });
  });

  it('an array formula: its saved values are read; a cell of its range with no saved value (or none at all) is unknown and refused', async () => {
    const good = planXml().replace('<c r="D2"><v>120</v></c>', '<c r="D2"><f t="array" ref="D2:D3">C2:C3*0.05</f><v>120</v></c>');
    expect(await brief(write('mang.xlsx', [{ name: 'Biểu 1', xml: good }]))()).toEqual(['rate-mismatch 4,5→4,0']);
    const missing = good.replace('<c r="D3"><v>60</v></c>', '');
    const path = write('mang-thieu.xlsx', [{ name: 'Biểu 1', xml: missing }]);
    await expectOutcome(['check', path], { code: 2, mentions: ["'Biểu 1'!D3", 'array formula', 'no saved value'], unchanged: [path] });
  });

  it('a number cell with an empty value (<v/>) is blank, never 0', async () => {
    const xml = planXml().replace('<c r="D3"><v>60</v></c>', '<c r="D3" t="n"><v/></c>');
    const model = await readXlsxDocument(rawXlsx([{ name: 'Biểu 1', xml }]));
    const table = model.blocks[0]!;
    expect(table.kind === 'table' && table.rows[2]![3]!.text).toBe('');
  });

  it('cells and rows without an address (LibreOffice, generators) take their places in order', async () => {
    const xml = `<sheetData>${PLAN.map((r) => `<row>${r.map((v) => (/^[\d.]+$/.test(v) ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`).join('')}</sheetData>`;
    const path = write('libreoffice.xlsx', [{ name: 'Biểu 1', xml }]);
    const run = await expectOutcome(['check', path], { code: 1, unchanged: [path] });
    expect(run.out).toContain('row 3 “Xã Bình Minh”, column 5 “Tỷ lệ hộ nghèo (%)”: Xã Bình Minh · Tỷ lệ hộ nghèo (%): printed 4,5, expected 4,0');
  });

  it('check: a figure merged over two rows is read once and named; hidden rows are named on stderr and in the --json report', async () => {
    const xml = planXml().replace('<c r="C3"><v>1500</v></c>', '') + '<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>';
    const hidden = xml.replace('<row r="3">', '<row r="3" hidden="1">');
    const path = write('gop.xlsx', [{ name: 'Biểu 1', xml: hidden }]);
    const { readFile } = await import('node:fs/promises');
    const model = await readXlsxDocument(await readFile(path), { source: 'gop.xlsx' });
    const table = model.blocks[0]!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows[1]![2]).toEqual({ text: '2368', rowSpan: 2, colSpan: 1 });
    expect(table.rows[2]![2]).toEqual({ text: '', rowSpan: 1, colSpan: 1, mergedInto: { row: 1, col: 2 } });
    expect(model.notes).toEqual([
      'gop.xlsx: the sheet "Biểu 1": the merged range C2:C3 holds one figure (2368) over 2 rows: it is read in C2 only and the other cells it covers as blank; unmerge the cells and give each row its own figure',
      'gop.xlsx: the sheet "Biểu 1": row 3 is hidden in the spreadsheet and read as data, as every row is (if it was hidden to leave it out, delete it instead): unhide it to see all that was read',
    ]);
    const run = await expectOutcome(['check', path, '--json'], { code: 1, mentions: ['merged range C2:C3 holds one figure', 'row 3 is hidden'], unchanged: [path] });
    expect((JSON.parse(run.out) as { value: { notes: string[] } }).value.notes).toHaveLength(2);
    // the marked-up copy lists them on its findings sheet, after the findings (before: only on stderr)
    const out = join(dir(), 'gop-checked.xlsx');
    await expectOutcome(['check', path, '--out', out], { code: 1, unchanged: [path] });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Kết quả kiểm tra')!;
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push([String(r.getCell(1).value ?? ''), String(r.getCell(9).value ?? '')]));
    expect(rows.filter(([severity]) => severity === 'Ghi chú (note)').map(([, message]) => message)).toEqual(model.notes!.map((n) => n.replace(/^gop.xlsx/, path)));
    expect(rows.findIndex(([severity]) => severity === 'Ghi chú (note)')).toBeGreaterThan(rows.findIndex(([severity]) => severity!.startsWith('Lỗi')));
  });
});
