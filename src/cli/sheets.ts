/**
 * How the commands' XLSX outputs look on paper: a Vietnamese sheet name and a title block
 * (what the table is, its unit, the date, the standard and its decree, the input). The writer
 * (`openTableWriter`) does the rest: widths, frozen header, A4 landscape print setup.
 */
import { basename } from 'node:path';
import type { IsoDate } from '../dates/calendarDate.js';
import { formatVnDate } from '../dates/vnDate.js';
import type { AreaSummaryRow } from '../io/outputColumns.js';
import type { TableWriterOptions } from '../io/tableWriter.js';
import type { PovertyStandard } from '../standards/standards.js';

/** The decree or decision that sets a standard, from its source: `NĐ 07/2021/NĐ-CP`. */
function decreeOf(standard: Pick<PovertyStandard, 'source'>): string {
  return /(?:NĐ|QĐ)\s+\d+\/\d{4}\/[^\s,;()]+/.exec(standard.source)?.[0] ?? standard.source;
}

/** `Chuẩn áp dụng: Chuẩn nghèo đa chiều giai đoạn 2022-2025 (NĐ 07/2021/NĐ-CP)`. */
function standardLine(standard: Pick<PovertyStandard, 'nameVi' | 'source'>): string {
  return `Chuẩn áp dụng: ${standard.nameVi} (${decreeOf(standard)})`;
}

/**
 * The sheet of `classify --out FILE.xlsx`: the households of a register with their status.
 * @example
 * classifiedSheet({ asOf: '2024-10-15' as IsoDate, standard: null, source: 'ho.csv' }).sheetName //=> 'Phân loại hộ'
 */
export function classifiedSheet(parts: { readonly asOf: IsoDate; readonly standard: Pick<PovertyStandard, 'nameVi' | 'source'> | null; readonly source: string }): Pick<TableWriterOptions, 'sheetName' | 'title'> {
  return {
    sheetName: 'Phân loại hộ',
    title: [
      'KẾT QUẢ PHÂN LOẠI HỘ GIA ĐÌNH THEO CHUẨN NGHÈO ĐA CHIỀU',
      `Ngày tham chiếu: ${formatVnDate(parts.asOf, { style: 'long' })}${parts.standard !== null ? `. ${standardLine(parts.standard)}` : ''}`,
      `Đơn vị tính: thu nhập của hộ: đồng/tháng; chuẩn: đồng/người/tháng. Nguồn: ${basename(parts.source)}`,
    ],
  };
}

/**
 * The sheet of `summarize --out FILE.xlsx`: counts and rates per unit or area, roll-ups and the total in bold.
 * @example
 * summarySheet({ by: 'unit', asOf: undefined, source: 'ket-qua.csv', decimals: 2 }).sheetName //=> 'Tổng hợp'
 */
export function summarySheet(parts: { readonly by: 'unit' | 'area' | 'village'; readonly asOf: IsoDate | undefined; readonly source: string; readonly decimals: number; readonly standard?: Pick<PovertyStandard, 'nameVi' | 'source'> | null }): Pick<TableWriterOptions<AreaSummaryRow>, 'sheetName' | 'title' | 'bold'> {
  const dated = [parts.asOf !== undefined ? `Ngày tham chiếu: ${formatVnDate(parts.asOf, { style: 'long' })}` : '', parts.standard ? standardLine(parts.standard) : ''].filter((s) => s !== '');
  return {
    sheetName: 'Tổng hợp',
    title: [
      `TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO THEO ${parts.by === 'unit' ? 'ĐƠN VỊ HÀNH CHÍNH' : parts.by === 'area' ? 'KHU VỰC' : 'THÔN, ẤP, BẢN'}`,
      ...(dated.length > 0 ? [dated.join('. ')] : []),
      `Đơn vị tính: hộ, người; tỷ lệ: % số hộ (${parts.decimals} chữ số thập phân, tính từ số hộ). Nguồn: ${basename(parts.source)}`,
    ],
    bold: (row) => row.level !== 'unit',
  };
}

/**
 * The sheet of `measures --out FILE.xlsx`: the long table of Alkire–Foster estimates.
 * @example
 * measuresSheet({ source: 'khao-sat.csv', k: '33%', design: null }).sheetName //=> 'Chỉ số đa chiều'
 */
export function measuresSheet(parts: { readonly source: string; readonly k: string; readonly design: string | null }): Pick<TableWriterOptions, 'sheetName' | 'title'> {
  return {
    sheetName: 'Chỉ số đa chiều',
    title: [
      'CHỈ SỐ NGHÈO ĐA CHIỀU (ALKIRE–FOSTER): H, A, M0 VÀ ĐÓNG GÓP CỦA TỪNG CHỈ TIÊU',
      `Ngưỡng nghèo k = ${parts.k}. ${parts.design ?? 'Không khai báo thiết kế mẫu: không có sai số chuẩn'}`,
      `Đơn vị tính: H, A, M0, hd, hdk, actb: tỷ lệ (0–1); pctb: % đóng góp; estimate: giá trị chính xác (phân số). Nguồn: ${basename(parts.source)}`,
    ],
  };
}
