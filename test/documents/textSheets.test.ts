import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';

// A workbook's explanatory sheet (“Thuyết minh”, “Báo cáo”): one long text a row, merged across the
// columns. It is prose, checked as a .docx's is — against itself and against the workbook's tables.

const brief = (f: CheckFinding): string => `${f.code} ${f.location.sheet ?? ''}!${f.location.row ?? ''}:${f.location.column ?? ''} ${f.printed ?? ''}`;

const TABLE: ReadonlyArray<ReadonlyArray<string | number>> = [
  ['STT', 'Xã', 'Số hộ dân cư', 'Hộ nghèo đầu năm 2026', 'Tỷ lệ (%)'],
  ['1', 'Tân Lập', 1200, 150, '12,50'],
  ['2', 'Tân Hòa', 1000, 142, '14,20'],
  ['3', 'Tân Phú', 1600, 120, '7,50'],
  ['', 'Tổng cộng', 3800, 412, '10,84'],
];

const NOTE = (start: string, end: string): string[] => [
  'THUYẾT MINH KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2026',
  `Đầu năm 2026, toàn huyện có ${start} hộ nghèo. Trong năm có 58 hộ thoát nghèo và 6 hộ nghèo phát sinh mới; đến cuối năm 2026 toàn huyện còn ${end} hộ nghèo.`,
  'Các xã đã rà soát đúng quy trình theo Thông tư số 07/2021/TT-BLĐTBXH, công khai danh sách tại nhà văn hóa thôn.',
];

/** A workbook: the table on “Biểu 1”, then a sheet named `name` with `lines`, each merged across A:H (or, with `table`, a table among them). */
async function workbook(name: string, lines: readonly string[], options: { readonly merge?: boolean; readonly tableAt?: number } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet('Biểu 1');
  TABLE.forEach((r, i) => r.forEach((v, j) => void (t.getCell(i + 1, j + 1).value = v)));
  const ws = wb.addWorksheet(name);
  let row = 1;
  lines.forEach((line, i) => {
    if (i === options.tableAt) {
      TABLE.forEach((r) => {
        r.forEach((v, j) => void (ws.getCell(row, j + 1).value = v));
        row++;
      });
    }
    ws.getCell(row, 1).value = line;
    if (options.merge !== false) ws.mergeCells(row, 1, row, 8);
    row++;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const check = async (bytes: Uint8Array): Promise<string[]> => checkDocument(await readXlsxDocument(bytes)).findings.map(brief);

describe('sheets written as text', () => {
  it('a “Thuyết minh” sheet is prose: its flow and its figures against the table', async () => {
    const model = await readXlsxDocument(await workbook('Thuyết minh', NOTE('412', '360')));
    expect(model.blocks.map((b) => b.kind)).toEqual(['table', 'paragraph', 'paragraph', 'paragraph']);
    expect(model.blocks[2]!.position).toEqual({ sheet: 'Thuyết minh', row: 2, column: 1 });
    expect(await check(await workbook('Thuyết minh', NOTE('412', '360')))).toEqual([]);
    expect(await check(await workbook('Thuyết minh', NOTE('412', '370')))).toEqual(['flow-mismatch Thuyết minh!2:1 370 hộ']);
    expect(await check(await workbook('Thuyết minh', NOTE('421', '369')))).toEqual(['figure-differs-from-table Thuyết minh!2:1 421 hộ']);
  });

  it('decided from the shape, not the name: unmerged text cells on a sheet named “Sheet2”', async () => {
    expect(await check(await workbook('Sheet2', NOTE('412', '370'), { merge: false }))).toEqual(['flow-mismatch Sheet2!2:1 370 hộ']);
    expect(await check(await workbook('Sheet2', NOTE('412', '360'), { merge: false }))).toEqual([]);
  });

  it('a table sheet with a title and a note merged across stays a table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thuyết minh');
    ws.getCell(1, 1).value = 'BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO ĐẦU NĂM 2026 TRÊN ĐỊA BÀN HUYỆN';
    ws.mergeCells(1, 1, 1, 5);
    TABLE.forEach((r, i) => r.forEach((v, j) => void (ws.getCell(i + 3, j + 1).value = v)));
    ws.getCell(9, 1).value = 'Ghi chú: số liệu theo kết quả rà soát của các xã, đã được Ban Chỉ đạo huyện thống nhất.';
    ws.mergeCells(9, 1, 9, 5);
    const model = await readXlsxDocument(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(model.blocks.map((b) => b.kind)).toEqual(['table']);
  });

  it('a list of short names, one a row, stays a table', async () => {
    const bytes = await workbook('Danh sách', ['Xã Tân Lập', 'Xã Tân Hòa', 'Xã Tân Phú', 'Thị trấn Tân Yên']);
    expect((await readXlsxDocument(bytes)).blocks.map((b) => b.kind)).toEqual(['table', 'table']);
  });
});
