/**
 * A blank household register to fill in (`vn-poverty template register`): the headers the
 * register reader accepts, one example row, lists to pick the area and the yes/no answers
 * from, and a sheet of instructions.
 */
import { writeFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { formatVnDate } from '../dates/vnDate.js';
import { fail } from '../errors/VnPovertyError.js';
import { assertOptions } from '../errors/assertOptions.js';
import type { PovertyStandard } from '../standards/standards.js';
import { openAtomicOutput, TEMP_FILE_FLAGS } from './_atomicOutput.js';
import { columnLetters } from './_excel.js';
import { loadExcelJs } from './_excelWorkbook.js';
import { printable, printSetup } from './_printSetup.js';
import { formatCsv } from './csv.js';
import { HOUSEHOLD_REGISTER_COLUMNS } from './readHouseholdRegister.js';
import { formatOfPath } from './readRows.js';

/** Options of {@link writeRegisterTemplate}. */
export interface WriteRegisterTemplateOptions {
  /** The standard whose indicators get a `Thiếu hụt: …` column (the one in force on the review's reference date). */
  readonly standard: PovertyStandard;
  /** Rows with the area and yes/no lists, below the header (default 1,000). */
  readonly rows?: number;
}

/** One column of the template: its header, whether the reader needs it, how to fill it in, the example. */
interface TemplateColumn {
  readonly header: string;
  readonly required: boolean;
  readonly how: string;
  readonly example: string | number;
  readonly list?: readonly string[];
  readonly width: number;
}

const YES_NO = ['có', 'không'] as const;
const AREAS = ['nông thôn', 'thành thị'] as const;

function headerOf(key: string): string {
  const column = HOUSEHOLD_REGISTER_COLUMNS.find((c) => c.key === key);
  if (column === undefined) return fail({ code: 'unknown-column', path: [key], value: key, expected: 'a column of the household register' });
  return column.vi;
}

/** The template's columns for a standard, from the register reader's own columns. */
function templateColumns(standard: PovertyStandard): TemplateColumn[] {
  const example = new Set(['health-insurance', 'latrine', 'telecom']);
  return [
    { header: 'STT', required: false, how: 'số thứ tự (không bắt buộc; được giữ nguyên)', example: 1, width: 6 },
    { header: headerOf('id'), required: true, how: 'mã hộ, không trùng trong sổ', example: 'H001', width: 10 },
    { header: 'Họ tên chủ hộ', required: false, how: 'họ và tên chủ hộ (không bắt buộc)', example: 'Nguyễn Văn An', width: 22 },
    { header: 'Thôn', required: false, how: 'thôn, ấp, bản, tổ dân phố (không bắt buộc)', example: 'Thôn 1', width: 12 },
    { header: headerOf('unit'), required: false, how: 'mã xã, phường theo danh mục đơn vị hành chính (để tổng hợp theo đơn vị)', example: '30316', width: 12 },
    { header: headerOf('area'), required: true, how: 'chọn trong danh sách: nông thôn hoặc thành thị', example: 'nông thôn', list: AREAS, width: 12 },
    { header: headerOf('monthlyIncome'), required: true, how: 'tổng thu nhập của cả hộ trong một tháng, tính bằng đồng (tiêu đề cột ghi rõ đơn vị và kỳ: có thể đổi thành “Thu nhập (đồng/năm)”, “Thu nhập (nghìn đồng/tháng)”…)', example: 6_000_000, width: 16 },
    { header: headerOf('memberAges'), required: true, how: 'tuổi của từng thành viên, cách nhau bằng dấu chấm phẩy: 40;38;10;7', example: '40;38;10;7', width: 18 },
    ...standard.indicators.map((indicator) => ({
      header: headerOf(`flag:${indicator.id}`),
      required: false,
      how: `kết quả rà soát chỉ số “${indicator.nameVi}”: có (thiếu hụt) hoặc không; để trống là chưa xác định`,
      example: example.has(indicator.id) ? 'có' : 'không',
      list: YES_NO,
      width: 11,
    })),
  ];
}

const NOTES = (standard: PovertyStandard): string[] => [
  `Mẫu sổ hộ để phân loại theo ${standard.nameVi} (${standard.source}), áp dụng từ ${formatVnDate(standard.effectiveFrom as Parameters<typeof formatVnDate>[0], { style: 'numeric' })}.`,
  'Mỗi dòng là một hộ; dòng 2 là ví dụ, hãy xoá hoặc ghi đè. Không đổi tên các cột; có thể thêm cột khác (được bỏ qua khi phân loại).',
  'Ô để trống ở các cột “Thiếu hụt: …” là chưa xác định: hộ có thể không phân loại được. Nếu biểu chỉ đánh dấu x vào chỉ số thiếu hụt, chạy classify với --marks (ô trống là không).',
  'Phân loại: vn-poverty classify so-ho.xlsx --as-of 15/10/2024 --out ket-qua.xlsx',
];

/**
 * Writes a household register template: an .xlsx with a `Sổ hộ` sheet (the headers the register
 * reader accepts, in Vietnamese; one example row; lists for the area and for every `Thiếu hụt: …`
 * column of the standard's indicators; frozen header) and a `Hướng dẫn` sheet (each column:
 * required or not, how to fill it in), or a .csv with the header and the example row. The file
 * reads back with `readHouseholdRegister` as one household. Written atomically.
 *
 * @param path - the `.xlsx` or `.csv` file to write.
 * @throws VnPovertyError `unsupported-format`, `missing-optional-dependency` (.xlsx without exceljs),
 *   the output checks of the writers (`missing-folder`, `unwritable-folder`…).
 * @example
 * await writeRegisterTemplate('mau.xlsx', { standard: standardFor('2025-01-01') }) // mau.xlsx: a register to fill in
 */
export async function writeRegisterTemplate(path: string, options: WriteRegisterTemplateOptions): Promise<void> {
  assertOptions(options, 'writeRegisterTemplate', true);
  const format = formatOfPath(path);
  const columns = templateColumns(options.standard);
  const rows = options.rows ?? 1000;
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > 100_000) fail({ code: 'invalid-options', path: ['options', 'rows'], value: rows, expected: 'a whole number of rows from 1 to 100,000' });
  const output = await openAtomicOutput(path);
  try {
    if (format === 'csv') {
      const example = columns.map((c) => (typeof c.example === 'number' ? String(c.example) : c.example));
      await writeFile(output.tempPath, formatCsv([columns.map((c) => c.header), example], { bom: true }), { flag: TEMP_FILE_FLAGS });
    } else {
      const excel = await loadExcelJs('writing');
      const workbook = new excel.Workbook();
      addRegisterSheet(workbook, columns, rows);
      addNotesSheet(workbook, columns, options.standard);
      await workbook.xlsx.writeFile(output.tempPath);
    }
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
}

function addRegisterSheet(workbook: ExcelJS.Workbook, columns: readonly TemplateColumn[], rows: number): void {
  const sheet = workbook.addWorksheet('Sổ hộ');
  printable(sheet, 1);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(typeof c.example === 'number' ? { style: { numFmt: '#,##0' } } : {}) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 60;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFE7EEF7' } };
    cell.note = `${c.required ? 'Bắt buộc. ' : ''}${c.how}`;
  });
  sheet.addRow(columns.map((c) => c.example)).font = { italic: true, color: { argb: 'FF595959' } };
  columns.forEach((c, i) => {
    if (c.list === undefined) return;
    const letter = columnLetters(i + 1);
    // exceljs keeps validations by range (its typings only show the per-cell form)
    (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${rows + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.list.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Giá trị không hợp lệ',
      error: `Chọn một trong: ${c.list.join(', ')}`,
    });
  });
}

function addNotesSheet(workbook: ExcelJS.Workbook, columns: readonly TemplateColumn[], standard: PovertyStandard): void {
  const sheet = workbook.addWorksheet('Hướng dẫn');
  Object.assign(sheet.pageSetup, printSetup(1), { printTitlesRow: undefined });
  sheet.columns = [{ width: 44 }, { width: 12 }, { width: 90 }];
  sheet.addRow(['HƯỚNG DẪN GHI SỔ HỘ']).font = { bold: true, size: 14 };
  for (const note of NOTES(standard)) sheet.addRow([note]);
  sheet.addRow([]);
  const head = sheet.addRow(['Cột', 'Bắt buộc', 'Cách ghi']);
  head.font = { bold: true };
  for (const c of columns) {
    const row = sheet.addRow([c.header, c.required ? 'có' : 'không', c.how]);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
}
