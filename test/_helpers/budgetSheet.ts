import ExcelJS from 'exceljs';

/** One project row of a district's capital plan: its number, its name, and its ten figures (“-” for none). */
export type ProjectRow = readonly [string, string, ...(number | '-')[]];

/**
 * The projects of a district's 2024 capital plan for the poverty programme (Biểu số 05 of a
 * plan under Quyết định 1125/QĐ-UBND): “Dự án 1” … “Dự án 7”, projects 3, 4 and 7 over their
 * sub-projects, in triệu đồng by source (NSTW and NSĐP each “Tổng số | Vốn đầu tư phát triển |
 * Vốn sự nghiệp”, other lawful capital) with the column numbers “1=2+5+8”, “2=3+4”, “5=6+7”.
 * Every project is the sum of its sub-projects and “TỔNG CỘNG” the sum of the projects.
 */
export function districtBudgetRows(): ProjectRow[] {
  return [
    ['1', 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo', 20295, 18450, 18450, '-', 1845, 1845, '-', '-'],
    ['2', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 2672, 2293, '-', 2293, 229, '-', 229, 150],
    ['3', 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', 4380, 3600, '-', 3600, 360, '-', 360, 420],
    ['3.1', 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp', 3852, 3120, '-', 3120, 312, '-', 312, 420],
    ['3.2', 'Tiểu dự án 2: Cải thiện dinh dưỡng', 528, 480, '-', 480, 48, '-', 48, '-'],
    ['4', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', 4802, 4365, 2150, 2215, 437, 215, 222, '-'],
    ['4.1', 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo', 3867, 3515, 2150, 1365, 352, 215, 137, '-'],
    ['4.2', 'Tiểu dự án 2: Hỗ trợ người lao động đi làm việc ở nước ngoài', 231, 210, '-', 210, 21, '-', 21, '-'],
    ['4.3', 'Tiểu dự án 3: Hỗ trợ việc làm bền vững', 704, 640, '-', 640, 64, '-', 64, '-'],
    ['5', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', 5556, 3960, '-', 3960, 396, '-', 396, 1200],
    ['6', 'Dự án 6: Truyền thông và giảm nghèo về thông tin', 391, 355, '-', 355, 36, '-', 36, '-'],
    ['7', 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình', 658, 598, '-', 598, 60, '-', 60, '-'],
    ['7.1', 'Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình', 453, 412, '-', 412, 41, '-', 41, '-'],
    ['7.2', 'Tiểu dự án 2: Giám sát, đánh giá', 205, 186, '-', 186, 19, '-', 19, '-'],
  ];
}

/** The plan's total row: the projects' sums by column. */
export const DISTRICT_BUDGET_TOTAL: readonly number[] = [38754, 33621, 20600, 13021, 3363, 2060, 1303, 1770];

/**
 * The workbook of the plan as the district printed it: the two-part title block (“UBND HUYỆN …” on
 * the left, “CỘNG HÒA …” on the right, each over its own columns), “Biểu số 05”, the title and
 * “ĐVT: triệu đồng”, the two header rows with their merges, the column numbers, “TỔNG CỘNG” first,
 * the projects under it (rows 12–25 of the sheet), and the signature block.
 */
export async function districtBudgetSheet(rows: readonly ProjectRow[] = districtBudgetRows(), total: readonly number[] = DISTRICT_BUDGET_TOTAL): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 05');
  ws.addRow(['UBND HUYỆN PHONG THỔ', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  ws.addRow(['BCĐ CÁC CTMTQG', null, null, null, 'Độc lập - Tự do - Hạnh phúc']);
  ws.addRow([]);
  ws.addRow([null, null, null, null, null, null, null, 'Biểu số 05']);
  ws.addRow(['KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM 2024']);
  ws.addRow(['(Kèm theo Quyết định số 1125/QĐ-UBND ngày 12/3/2024 của UBND huyện)']);
  ws.addRow([null, null, null, null, null, null, null, 'ĐVT: triệu đồng']);
  ws.addRow(['STT', 'Nội dung', 'Tổng cộng', 'Ngân sách Trung ương', null, null, 'Ngân sách địa phương', null, null, 'Vốn huy động hợp pháp khác']);
  ws.addRow([null, null, null, 'Tổng số', 'Vốn đầu tư phát triển', 'Vốn sự nghiệp', 'Tổng số', 'Vốn đầu tư phát triển', 'Vốn sự nghiệp']);
  ws.addRow(['A', 'B', '1=2+5+8', '2=3+4', '3', '4', '5=6+7', '6', '7', '8']);
  for (const m of ['A1:D1', 'E1:J1', 'A2:D2', 'E2:J2', 'H4:J4', 'A5:J5', 'A6:J6', 'H7:J7', 'D8:F8', 'G8:I8', 'A8:A9', 'B8:B9', 'C8:C9', 'J8:J9']) ws.mergeCells(m);
  const figures = (row: ExcelJS.Row): void => {
    for (let c = 3; c <= 10; c++) if (typeof row.getCell(c).value === 'number') row.getCell(c).numFmt = '#,##0';
  };
  figures(ws.addRow([null, 'TỔNG CỘNG', ...total]));
  for (const r of rows) figures(ws.addRow([...r]));
  ws.addRow([]);
  ws.addRow([null, null, null, null, 'Phong Thổ, ngày 12 tháng 3 năm 2024']);
  ws.addRow(['NGƯỜI LẬP BIỂU', null, null, null, 'TM. ỦY BAN NHÂN DÂN']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The rows with the figure in column `col` (1-based over the ten columns, 3 = “Tổng cộng”) of the row numbered `number` replaced. */
export function withFigure(rows: readonly ProjectRow[], number: string, col: number, value: number): ProjectRow[] {
  return rows.map((r) => (r[0] === number ? (r.map((x, i) => (i === col - 1 ? value : x)) as unknown as ProjectRow) : r));
}
