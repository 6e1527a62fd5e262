import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { tableHeader } from '../../src/documents/_tableHeader.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

// A district's form as printed: a two-column title block (the issuing body | the national name and
// motto), “Biểu số 03” and the unit line “ĐVT: hộ, %” merged over the last columns, the title and its
// source line merged across the table, then the two header rows, the column numbers and the body.

const tempDir = tempDirs('vnp-form-title-');
const brief = (f: CheckFinding): string => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`;

type Row = readonly (string | number | null)[];

/** Khu vực thành thị / nông thôn of a city (Phan Thiết, end of 2024): counts with their rates, “I”/“II” numbering the groups. */
function areasBody(nearRatePhuong2: number): Row[] {
  return [
    [null, 'Toàn huyện', 38222, 553, 1.45, 603, 1.58, 1156, 3.02],
    ['I', 'Khu vực thành thị', 18186, 71, 0.39, 101, 0.56, 172, 0.95],
    [1, 'Phường 1', 5987, 36, 0.6, 48, 0.8, 84, 1.4],
    [2, 'Phường 2', 6905, 25, 0.36, 39, nearRatePhuong2, 64, 0.93],
    [3, 'Phường Phú Thủy', 5294, 10, 0.19, 14, 0.26, 24, 0.45],
    ['II', 'Khu vực nông thôn', 20036, 482, 2.41, 502, 2.51, 984, 4.91],
    [1, 'Xã Tiến Lợi', 3388, 45, 1.33, 51, 1.51, 96, 2.83],
    [2, 'Xã Thiện Nghiệp', 2368, 38, 1.6, 38, 1.6, 76, 3.21],
    [3, 'Xã Phong Nẫm', 2526, 98, 3.88, 156, 6.18, 254, 10.06],
    [4, 'Xã Hàm Mỹ', 1612, 80, 4.96, 31, 1.92, 111, 6.89],
    [5, 'Xã Hàm Hiệp', 3639, 66, 1.81, 37, 1.02, 103, 2.83],
    [6, 'Xã Thuận Quý', 2786, 71, 2.55, 122, 4.38, 193, 6.93],
    [7, 'Xã Tân Thành', 3717, 84, 2.26, 67, 1.8, 151, 4.06],
  ];
}

const areasHeader: Row[] = [
  ['STT', 'Đơn vị', 'Tổng số hộ', 'Hộ nghèo', null, 'Hộ cận nghèo', null, 'Hộ nghèo và cận nghèo', null],
  [null, null, null, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
  ['A', 'B', '1', '2', '3', '4', '5', '6=2+4', '7'],
];
const areasMerges = ['A8:A9', 'B8:B9', 'C8:C9', 'D8:E8', 'F8:G8', 'H8:I8'];

/** Poverty reduction by commune in 2024 (Mường La): the end count is start − escaped + new, its rate over the households. */
function communesBody(endChiengSan: number, endRatePiToong: number): Row[] {
  const rows: Array<[string, number, number, number, number, number, number, number]> = [
    ['Xã Ít Ong', 2143, 221, 10.31, 73, 0, 148, 6.91],
    ['Xã Chiềng Lao', 1308, 132, 10.09, 19, 1, 114, 8.72],
    ['Xã Hua Trai', 2197, 324, 14.75, 58, 2, 268, 12.2],
    ['Xã Nặm Păm', 1669, 301, 18.03, 50, 0, 251, 15.04],
    ['Xã Pi Toong', 1510, 194, 12.85, 33, 6, 167, endRatePiToong],
    ['Xã Mường Trai', 2580, 340, 13.18, 85, 3, 258, 10],
    ['Xã Tạ Bú', 1957, 142, 7.26, 22, 8, 128, 6.54],
    ['Xã Chiềng San', 2349, 330, 14.05, 103, 0, endChiengSan, 9.66],
    ['Xã Chiềng Công', 2662, 564, 21.19, 167, 3, 400, 15.03],
    ['Xã Ngọc Chiến', 1184, 164, 13.85, 24, 9, 149, 12.58],
    ['Xã Chiềng Hoa', 1768, 162, 9.16, 52, 9, 119, 6.73],
    ['Xã Mường Bú', 1639, 301, 18.36, 102, 8, 207, 12.63],
  ];
  return [...rows.map((r, i) => [i + 1, ...r]), [null, 'Tổng cộng', 22966, 3175, 13.82, 788, 49, 2436, 10.61]];
}

const communesHeader: Row[] = [
  ['STT', 'Tên xã', 'Tổng số hộ dân cư', 'Hộ nghèo đầu năm 2024', null, 'Số hộ thoát nghèo trong năm', 'Số hộ nghèo phát sinh mới', 'Hộ nghèo cuối năm 2024', null],
  [null, null, null, 'Số hộ', 'Tỷ lệ (%)', null, null, 'Số hộ', 'Tỷ lệ (%)'],
  ['A', 'B', '1', '2', '3=2/1*100', '4', '5', '6=2-4+5', '7=6/1*100'],
];
const communesMerges = ['A8:A9', 'B8:B9', 'C8:C9', 'D8:E8', 'F8:F9', 'G8:G9', 'H8:I8'];

interface Form {
  readonly body: readonly Row[];
  readonly header: readonly Row[];
  readonly merges: readonly string[];
  /** The unit line and where it sits: merged over G7:I7 (as printed) or alone in A7. */
  readonly unit?: { readonly text: string; readonly at: 'right' | 'left' };
}

/** The form's workbook: title block in rows 1–7, header from row 8. */
async function formBytes(form: Form): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 03');
  const put = (address: string, text: string, merge?: string): void => {
    ws.getCell(address).value = text;
    if (merge !== undefined) ws.mergeCells(merge);
  };
  put('A1', 'UBND HUYỆN MƯỜNG LA', 'A1:C1');
  put('D1', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'D1:I1');
  put('A2', 'BCĐ CÁC CTMTQG HUYỆN', 'A2:C2');
  put('D2', 'Độc lập - Tự do - Hạnh phúc', 'D2:I2');
  put('G4', 'Biểu số 03', 'G4:I4');
  put('A5', 'TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024', 'A5:I5');
  put('A6', '(Kèm theo Báo cáo số 215/BC-UBND ngày 20/12/2024 của UBND huyện)', 'A6:I6');
  const unit = form.unit ?? { text: 'ĐVT: hộ, %', at: 'right' };
  if (unit.at === 'right') put('G7', unit.text, 'G7:I7');
  else put('A7', unit.text);
  [...form.header, ...form.body].forEach((cells, i) => {
    cells.forEach((v, c) => {
      if (v !== null) ws.getCell(8 + i, c + 1).value = v;
    });
  });
  for (const m of form.merges) ws.mergeCells(m);
  ws.getCell(`A${9 + form.header.length + form.body.length}`).value = 'Mường La, ngày 20 tháng 12 năm 2024';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const check = async (form: Form): Promise<string[]> => checkDocument(await readXlsxDocument(await formBytes(form))).findings.map(brief);
const areas = (nearRate: number): Form => ({ body: areasBody(nearRate), header: areasHeader, merges: areasMerges });
const communes = (end: number, rate: number, unit?: Form['unit']): Form => ({ body: communesBody(end, rate), header: communesHeader, merges: communesMerges, ...(unit === undefined ? {} : { unit }) });

describe('a form’s title block above the header', () => {
  it('Roman numerals “I”, “II” numbering the groups are read under STT, not as figures: the correct table gives no finding', async () => {
    expect(await check(areas(0.56))).toEqual([]);
  });

  it('a wrong rate in the same form is the one finding, at its cell', async () => {
    // 39 near-poor of 6.905 households is 0,56 %, not 1,06 %
    expect(await check(areas(1.06))).toEqual(['rate-mismatch @14:7 1,06']);
  });

  it('the block is not in the column names: each header path starts at the header row', async () => {
    const run = await reconcileXlsx(await formBytes(areas(0.56)));
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(/UBND|CỘNG HÒA|Biểu số|ĐVT/);
    expect(run.out).toContain('Hộ cận nghèo · Tỷ lệ (%) = Hộ cận nghèo · Số hộ ÷ Tổng số hộ × 100');
  });

  it('the same form saved as CSV (merged cells left empty) reads the same header', async () => {
    const csv = async (nearRate: number): Promise<{ code: number; out: string }> => {
      const rows: Row[] = [
        ['UBND THÀNH PHỐ PHAN THIẾT', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['PHÒNG LAO ĐỘNG - TB&XH', null, null, 'Độc lập - Tự do - Hạnh phúc'],
        [],
        [null, null, null, null, null, null, 'Biểu số 03'],
        ['TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO THEO KHU VỰC THÀNH THỊ, NÔNG THÔN'],
        ['(Số liệu rà soát cuối năm 2024)'],
        [null, null, null, null, null, null, 'ĐVT: hộ, %'],
        ...areasHeader,
        ...areasBody(nearRate).map((r) => r.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2).replace('.', ',') : v))),
      ];
      const path = join(tempDir(), 'bieu03.csv');
      const io = captureIo({ files: { [path]: rows.map((r) => Array.from({ length: 9 }, (_, c) => `"${String(r[c] ?? '')}"`).join(',')).join('\r\n') } });
      const code = await runCli(['check', path], io);
      return { code, out: io.out() };
    };
    const clean = await csv(0.56);
    expect(clean.out).toContain('0 findings');
    const planted = await csv(1.06);
    expect(planted.out).toContain('Phường 2 · Hộ cận nghèo · Tỷ lệ (%)');
    expect(planted.out).not.toContain('invalid-number');
  });
});

describe('a unit line “ĐVT: hộ, %” above the header', () => {
  // “ĐVT: hộ, %” says the table prints households and percents; each column's own header says which it is
  it.each([
    ['ĐVT: hộ, %', 'right'],
    ['Đơn vị tính: hộ, %', 'right'],
    ['ĐVT: hộ; %', 'right'],
    ['(ĐVT: hộ, %)', 'right'],
    ['ĐVT: hộ, %', 'left'],
  ] as const)('“%s” (%s): the end count under it is checked as a count (227 printed 237), the correct twin gives no finding', async (text, at) => {
    expect(await check(communes(237, 11.06, { text, at }))).toEqual(['difference-mismatch @18:8 237']);
    expect(await check(communes(227, 11.06, { text, at }))).toEqual([]);
  });

  it('the end rate under it is checked as a rate: 167 of 1.510 households is 11,06 %, not 11,36 %', async () => {
    expect(await check(communes(227, 11.36))).toEqual(['rate-mismatch @15:9 11,36']);
  });
});

async function reconcileXlsx(bytes: Uint8Array): Promise<{ code: number; out: string }> {
  const path = join(tempDir(), 'bieu.xlsx');
  writeFileSync(path, bytes);
  const io = captureIo();
  const code = await runCli(['reconcile', path], io);
  return { code, out: io.out() };
}

describe('the rows above the row of “STT”', () => {
  const asTable = (rows: string[][]): DocumentTable => documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable;
  const table = [
    ['STT', 'Xã', 'Tổng số hộ', 'Hộ nghèo', '', 'Hộ cận nghèo', ''],
    ['', '', '', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
    ['1', 'Xã A', '1.200', '96', '8,00', '120', '10,00'],
    ['2', 'Xã B', '800', '40', '5,00', '64', '8,00'],
  ];
  const pad = (cells: string[]): string[] => Array.from({ length: 7 }, (_, c) => cells[c] ?? '');

  it('a group row over the figures (no text over STT) stays a header row', () => {
    const h = tableHeader(asTable([pad(['', '', '', 'Năm 2024', '', 'Năm 2025']), pad(['STT', 'Xã', 'Tổng số hộ', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)']), ...table.slice(2)]));
    expect(h.captionRows).toEqual([]);
    expect(h.paths[3]).toEqual(['Năm 2024', 'Số hộ']);
  });

  it('an issuing body of any name beside any second text is a caption: the header keys are those of the table alone', () => {
    const alone = tableHeader(asTable(table)).keys;
    const word = fc.constantFrom('TRƯỜNG', 'HỘI', 'TRUNG TÂM', 'CÔNG TY', 'BAN QUẢN LÝ', 'ĐOÀN');
    const place = fc.constantFrom('XÃ ÍT ONG', 'HUYỆN MƯỜNG LA', 'TỈNH SƠN LA', 'THỊ XÃ TỊNH BIÊN');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, place, fc.option(fc.constantFrom('Số liệu năm 2024', 'Đợt 2', 'KẾT QUẢ RÀ SOÁT')), fc.boolean()), { minLength: 1, maxLength: 4 }), (lines) => {
        const block = lines.flatMap(([w, p, second, gap]) => [pad([`${w} ${p}`, '', '', second ?? '']), ...(gap ? [pad([])] : [])]);
        const h = tableHeader(asTable([...block, ...table]));
        expect(h.captionRows).toHaveLength(block.length);
        expect(h.keys).toEqual(alone);
      }),
    );
  });
});
