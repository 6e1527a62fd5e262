/**
 * Printed tables in `.xlsx` read by `readSheetGrid` (and `vn-poverty reconcile`) by the rules
 * registers are read by: the sheet found ignoring case, a figure merged over several cells read
 * once, hidden rows and columns holding data named. Each case failed before (exceljs read the
 * workbook and the grid said nothing of them).
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/io/readRows.js';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome } from './_hostile.js';
import { inline, numberCell, rawXlsx, stylesWithFormat } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-sheets-');
const row = (n: number, cells: readonly string[], attrs = ''): string => `<row r="${n}"${attrs}>${cells.join('')}</row>`;
const HEADER = row(1, [inline('A1', 'STT'), inline('B1', 'Đơn vị'), inline('C1', 'Số hộ nghèo'), inline('D1', 'Số hộ cận nghèo')]);
const commune = (n: number, name: string, poor: string, near: string, attrs = ''): string => row(n, [numberCell(`A${n}`, String(n - 1)), inline(`B${n}`, name), numberCell(`C${n}`, poor), numberCell(`D${n}`, near)], attrs);
const total = (n: number, poor: string, near: string): string => row(n, [inline(`B${n}`, 'Tổng cộng'), numberCell(`C${n}`, poor), numberCell(`D${n}`, near)]);

function sheet(d: string, name: string, xml: string, sheetName = 'DS'): string {
  const path = join(d, name);
  writeFileSync(path, rawXlsx([{ name: 'Hướng dẫn', xml: `<sheetData>${row(1, [inline('A1', 'đọc kỹ')])}</sheetData>`, state: 'hidden' }, { name: sheetName, xml }]));
  return path;
}

/** The note every reader gives on the hidden instructions sheet `sheet` writes before the table's. */
const otherSheets = (file: string): string => `${file}: the sheet "DS" is read, the first visible of its 2 worksheets; the other, "Hướng dẫn" (hidden), is not read: name the sheet to read with --sheet NAME (the sheet option)`;

describe('readSheetGrid: a table read as the register reader reads a sheet', () => {
  it('the sheet is found ignoring case, as Excel and classify do (before: "ds" was a missing sheet)', async () => {
    const path = sheet(dir(), 'bang.xlsx', `<sheetData>${HEADER}${commune(2, 'Xã A', '10', '5')}${total(3, '10', '5')}</sheetData>`);
    expect((await readSheetGrid(path, { sheet: 'ds' })).sheet).toBe('DS');
    expect((await readSheetGrid(path)).sheet).toBe('DS'); // the first visible sheet
    await expectOutcome(['reconcile', path, '--sheet', 'ds'], { code: 0, unchanged: [path] });
  });

  it('a sheet named by digits (a year) is found by its name before its position; a number names a position when no sheet has it (before: --sheet 2024 was position 2024)', async () => {
    const d = dir();
    const path = join(d, 'nam.xlsx');
    const table = (poor: string): string => `<sheetData>${HEADER}${commune(2, 'Xã A', poor, '5')}${commune(3, 'Xã B', '20', '6')}${total(4, String(Number(poor) + 20), '11')}</sheetData>`;
    writeFileSync(path, rawXlsx([{ name: '2023', xml: table('10') }, { name: '2024', xml: table('12') }]));
    expect((await readSheetGrid(path, { sheet: '2024' })).sheet).toBe('2024');
    expect((await readSheetGrid(path, { sheet: '2' })).sheet).toBe('2024');
    await expectOutcome(['reconcile', path, '--sheet', '2024'], { code: 0, unchanged: [path] });
    const register = join(d, 'ho.xlsx');
    const head = `<row r="1">${['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu'].map((h, i) => inline(`${'ABCDE'[i]}1`, h)).join('')}</row>`;
    const household = (id: string): string => `<row r="2">${inline('A2', id)}${inline('B2', '30316')}${inline('C2', 'nông thôn')}${numberCell('D2', '9000000')}${numberCell('E2', '1')}</row>`;
    writeFileSync(register, rawXlsx([{ name: 'Hướng dẫn', xml: `<sheetData>${head}${household('X1')}</sheetData>` }, { name: 'DS', xml: `<sheetData>${head}${household('H1')}</sheetData>` }]));
    const run = await expectOutcome(['classify', register, '--as-of', '2024-01-01', '--sheet', '2'], { code: 0, unchanged: [register] });
    expect(run.out).toContain('\r\nH1,');
  });

  it('a figure merged down over two communes is read once, in its first cell, and named; a merged label and a merged header are copied', async () => {
    const xml = `<sheetData>${row(1, [inline('A1', 'Đơn vị'), inline('B1', 'Năm 2024')])}${row(2, [inline('B2', 'Số hộ nghèo'), inline('C2', 'Số hộ cận nghèo')])}${row(3, [inline('A3', 'Huyện X'), numberCell('B3', '10'), numberCell('C3', '5')])}${row(4, [numberCell('C4', '6')])}</sheetData><mergeCells count="3"><mergeCell ref="B1:C1"/><mergeCell ref="A3:A4"/><mergeCell ref="B3:B4"/></mergeCells>`;
    const grid = await readSheetGrid(sheet(dir(), 'gop.xlsx', xml));
    // before: B4 read "10" too, a second 10 in any sum of the column
    expect(grid.grid).toEqual([
      ['Đơn vị', 'Năm 2024', 'Năm 2024'],
      [null, 'Số hộ nghèo', 'Số hộ cận nghèo'],
      ['Huyện X', '10', '5'],
      ['Huyện X', null, '6'],
    ]);
    expect(grid.notes).toEqual([otherSheets('gop.xlsx'), 'gop.xlsx: the sheet "DS": the merged range B3:B4 holds one figure (10) over 2 rows: it is read in B3 only and the other cells it covers as blank; unmerge the cells and give each row its own figure']);
  });

  it('a merged figure in a table reconcile infers: the covered row is a blank figure and stderr says why', async () => {
    const xml = `<sheetData>${HEADER}${commune(2, 'Xã A', '10', '5')}${row(3, [numberCell('A3', '2'), inline('B3', 'Xã B'), numberCell('D3', '6')])}${total(4, '20', '11')}</sheetData><mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>`;
    const path = sheet(dir(), 'gop-so.xlsx', xml);
    const run = await expectOutcome(['reconcile', path], { code: 1, mentions: ['the merged range C2:C3 holds one figure (10) over 2 rows'], unchanged: [path] });
    expect(run.out).toContain('Xã B · Số hộ nghèo: blank cell where a figure is needed');
  });

  it('hidden rows and columns holding data are read and named, whether or not the printed total counts them (before: silent)', async () => {
    const d = dir();
    const rows = `${HEADER}${commune(2, 'Xã A', '10', '5')}${commune(3, 'Xã B', '20', '6', ' hidden="1"')}${commune(4, 'Xã C', '1', '1', ' hidden="1"')}`;
    const counted = sheet(d, 'an-tinh.xlsx', `<cols><col min="4" max="4" hidden="1"/><col min="6" max="9" hidden="1"/></cols><sheetData>${rows}${total(5, '31', '12')}</sheetData>`);
    const grid = await readSheetGrid(counted);
    expect([grid.hiddenRows, grid.hiddenColumns]).toEqual([[2, 3], [3]]); // empty hidden columns F:I are not named
    expect(grid.notes).toEqual([
      otherSheets('an-tinh.xlsx'),
      'an-tinh.xlsx: the sheet "DS": rows 3, 4 and column D are hidden in the spreadsheet and read as data, as every row and column is (if they were hidden to leave them out, delete them instead): unhide them to see all that was read',
    ]);
    await expectOutcome(['reconcile', counted], { code: 0, mentions: ['vn-poverty reconcile: ', 'an-tinh.xlsx: the sheet "DS": rows 3, 4 and column D are hidden'], unchanged: [counted] });
    // the row reader (registers, classify, summarize, measures) says it in the same words (before: a second wording)
    const notes: string[] = [];
    for await (const _ of readRows(counted, { onNote: (n) => notes.push(n) })) void _;
    expect(notes).toEqual(grid.notes);
    expect(notes[0]).toBe(otherSheets('an-tinh.xlsx'));
    // the printed total leaves the hidden rows out: no sum is found, and the note says which rows were read
    const left = sheet(d, 'bo-qua.xlsx', `<sheetData>${rows}${total(5, '10', '5')}</sheetData>`);
    const run = await expectOutcome(['reconcile', left], { code: 0, mentions: ['bo-qua.xlsx: the sheet "DS": rows 3, 4 are hidden in the spreadsheet and read as data'], unchanged: [left] });
    expect(run.out).toContain('“Tổng cộng” looks like a total but adds up in too few columns');
  });

  it('a formula result saved with binary noise (=12,3+4,56 saved as 16.860000000000003) is read to Excel’s 15 digits (before: the total differed from its parts)', async () => {
    const xml = `<sheetData>${row(1, [inline('A1', 'STT'), inline('B1', 'Đơn vị'), inline('C1', 'Diện tích (ha)')])}${row(2, [numberCell('A2', '1'), inline('B2', 'Xã A'), numberCell('C2', '12.3')])}${row(3, [numberCell('A3', '2'), inline('B3', 'Xã B'), numberCell('C3', '4.56')])}${row(4, [inline('B4', 'Tổng cộng'), '<c r="C4"><f>SUM(C2:C3)</f><v>16.860000000000003</v></c>'])}</sheetData>`;
    const path = sheet(dir(), 'cong-thuc.xlsx', xml);
    expect((await readSheetGrid(path)).grid[3]).toEqual([null, 'Tổng cộng', '16,86']);
    const run = await expectOutcome(['reconcile', path], { code: 0, unchanged: [path] });
    expect(run.out).toContain('Tổng cộng = sum of 2 rows (Xã A, Xã B): holds');
    // an income a formula computed (=1400000*1,1) is the whole đồng the sheet shows
    const head = `<row r="1">${['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu'].map((h, i) => inline(`${'ABCDE'[i]}1`, h)).join('')}</row>`;
    const household = `<row r="2">${inline('A2', 'H1')}${inline('B2', '30316')}${inline('C2', 'nông thôn')}<c r="D2"><f>1400000*1.1</f><v>1540000.0000000002</v></c>${numberCell('E2', '1')}</row>`;
    const register = sheet(dir(), 'thu-nhap.xlsx', `<sheetData>${head}${household}</sheetData>`);
    const classified = await expectOutcome(['classify', register, '--as-of', '2024-01-01'], { code: 0, unchanged: [register] });
    expect(classified.out).toContain('H1,30316,nông thôn,1,1.540.000,');
  });

  it('numbers are shown as their format shows them, dates as ISO dates, without exceljs', async () => {
    const xml = `<sheetData>${row(1, [numberCell('A1', '0.125', 1), numberCell('B1', '45292')])}</sheetData>`;
    const path = join(dir(), 'dinh-dang.xlsx');
    writeFileSync(path, rawXlsx([{ name: 'S', xml }], { styles: stylesWithFormat('0.0%').replace('<xf numFmtId="164" applyNumberFormat="1"/>', '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/>').replace('cellXfs count="2"', 'cellXfs count="3"') }));
    // B1 takes style 0 (General): the serial itself, as Excel shows it (no grouping under General)
    expect((await readSheetGrid(path)).grid).toEqual([['12,5%', '45292']]);
  });
});
