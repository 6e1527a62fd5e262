import ExcelJS from 'exceljs';

/**
 * Workbooks laid out as provincial and district offices print their tables: a title block above
 * the table (“UBND TỈNH …”, “BIỂU TỔNG HỢP …”, “ĐVT: …”), two or three header rows with merged
 * cells, a column-number row, formulas with cached values, numbers stored as text, “%” cells,
 * “-” for none. Each maker takes `planted`: with it the table carries the errors its comment
 * lists; without it, the error-free twin. test/fixtures/documents/README.md names the sources.
 */

/** A cell: a number, a text, a formula with its cached result, or empty. */
export type Cell = number | string | null | { readonly formula: string; readonly result: number };

/** A sheet as an office lays it out: title lines, header rows with their merges, the body. */
export interface SheetPlan {
  readonly name: string;
  /** Title lines above the table, each merged across the table's width. */
  readonly title: readonly string[];
  /** Header rows, with the merges of each (A1 ranges relative to the first header row, 1-based). */
  readonly header: readonly (readonly (string | null)[])[];
  readonly headerMerges: readonly string[];
  readonly body: readonly (readonly Cell[])[];
  /** Number format per 1-based column of the body. */
  readonly formats?: Readonly<Record<number, string>>;
  /** Lines under the table (signature block, notes). */
  readonly footer?: readonly string[];
}

/** Shifts `'C1:D1'` down by `rows`. */
const shifted = (range: string, rows: number): string => range.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${Number(r) + rows}`);

function addSheet(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = wb.addWorksheet(plan.name);
  const width = plan.header[0]!.length;
  for (const line of plan.title) {
    const row = ws.addRow([line]);
    row.getCell(1).font = { bold: true };
    ws.mergeCells(row.number, 1, row.number, width);
  }
  const headerTop = ws.rowCount + 1;
  for (const h of plan.header) ws.addRow([...h]);
  for (const m of plan.headerMerges) ws.mergeCells(shifted(m, headerTop - 1));
  for (const cells of plan.body) {
    const row = ws.addRow(cells.map((c) => (c !== null && typeof c === 'object' ? { formula: c.formula, result: c.result } : c)));
    for (const [col, fmt] of Object.entries(plan.formats ?? {})) {
      const cell = row.getCell(Number(col));
      if (typeof cell.value === 'number' || (cell.value !== null && typeof cell.value === 'object')) cell.numFmt = fmt;
    }
  }
  for (const line of plan.footer ?? []) ws.addRow([null, line]);
}

/** A workbook of the sheets `plans` lay out. */
export async function bytesOf(plans: readonly SheetPlan[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const p of plans) addSheet(wb, p);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The 2022 national review by region, as Bộ LĐ-TB&XH announced it (Báo Bà Rịa–Vũng Tàu,
 * 02/2023): multidimensional, poor and near-poor households with their rates, no household
 * column, “Cả nước” first. As published, Đồng bằng sông Hồng's poor households read 69.239
 * where its multidimensional count less its near-poor gives 69.329 (the regions then add up to
 * the national 1.057.374), and Tây Nguyên's 236.766 is not 129.160 + 107.487 = 236.647 (nor is
 * the national 1.972.767 the national poor plus near-poor, 1.972.648). The twin corrects both
 * (Tây Nguyên then 15,38 %).
 */
export function regions2022(planted: boolean): Promise<Uint8Array> {
  const rows: Array<[string, number, string, number, string, number, string]> = [
    ['Trung du và miền núi phía Bắc', 701_461, '21,92', 455_271, '14,23', 246_190, '7,69'],
    ['Đồng bằng sông Hồng', 169_566, '2,45', planted ? 69_239 : 69_329, '1,00', 100_237, '1,45'],
    ['Bắc Trung bộ và duyên hải miền Trung', 571_251, '10,04', 284_137, '4,99', 287_114, '5,05'],
    ['Tây Nguyên', planted ? 236_766 : 236_647, planted ? '15,39' : '15,38', 129_160, '8,39', 107_487, '6,99'],
    ['Đông Nam Bộ', 15_787, '0,34', 9_710, '0,21', 6_077, '0,13'],
    ['Đồng bằng sông Cửu Long', 277_936, '5,73', 109_767, '2,26', 168_169, '3,46'],
  ];
  const body: Cell[][] = [
    ['', 'Cả nước', planted ? 1_972_767 : 1_972_648, '7,52', 1_057_374, '4,03', 915_274, '3,49'],
    ...rows.map(([name, md, mdRate, poor, poorRate, near, nearRate], i) => [String(i + 1), name, md, mdRate, poor, poorRate, near, nearRate]),
  ];
  return bytesOf([
    {
      name: 'Theo vùng',
      title: ['BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2022 THEO VÙNG', '(Đơn vị tính: hộ, %)'],
      header: [
        ['STT', 'Vùng', 'Hộ nghèo và hộ cận nghèo', null, 'Hộ nghèo', null, 'Hộ cận nghèo', null],
        [null, null, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
        ['A', 'B', '1', '2', '3', '4', '5', '6'],
      ],
      headerMerges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1', 'G1:H1'],
      body,
      formats: { 3: '#,##0', 5: '#,##0', 7: '#,##0' },
    },
  ]);
}

interface Commune {
  readonly name: string;
  readonly households: number;
  readonly poor: number;
  readonly near: number;
  /** Ethnic-minority poor households, when the commune prints a “Trong đó: hộ DTTS” line. */
  readonly emPoor?: number;
}

const rate2 = (count: number, base: number): string => {
  // half-up to two decimals, exactly
  const scaled = Math.floor((count * 20_000) / base + 1) >> 1;
  return `${Math.floor(scaled / 100)},${String(scaled % 100).padStart(2, '0')}`;
};

/**
 * A district's year-end review by commune (Biểu 01, “UBND HUYỆN …”): communes under two areas
 * (I. Thành thị, II. Nông thôn) with a subtotal each, “Tổng cộng toàn huyện” first, three header
 * rows with merges, a column-number row (“4 = 3/1”), counts typed as text (“1.845”), subtotals
 * as SUM formulas with their cached values, rates as formulas shown with two decimals, “-” for
 * none, a “Trong đó: hộ DTTS” line under some communes. Planted: Nông thôn's near-poor subtotal
 * adds every commune but the last (as a SUM range one row short does); Xã Phú Lương's poor count
 * 128 typed 182 (its rate left as computed from 128); Xã Yên Lạc's rate typed 5,84 for 5,48.
 */
export function districtCommunes(planted: boolean): Promise<Uint8Array> {
  const urban: Commune[] = [
    { name: 'Thị trấn Đu', households: 3_215, poor: 41, near: 58 },
    { name: 'Thị trấn Giang Tiên', households: 2_108, poor: 35, near: 47 },
  ];
  const rural: Commune[] = [
    { name: 'Xã Phú Lương', households: 2_846, poor: 128, near: 96, emPoor: 71 },
    { name: 'Xã Yên Lạc', households: 1_917, poor: 105, near: 88, emPoor: 64 },
    { name: 'Xã Ôn Lương', households: 1_362, poor: 97, near: 0 },
    { name: 'Xã Hợp Thành', households: 1_588, poor: 62, near: 73 },
    { name: 'Xã Phấn Mễ', households: 2_954, poor: 84, near: 111 },
  ];
  const totals = (cs: readonly Commune[]) => ({ households: cs.reduce((s, c) => s + c.households, 0), poor: cs.reduce((s, c) => s + c.poor, 0), near: cs.reduce((s, c) => s + c.near, 0) });
  const vnInt = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  // sheet rows: 3 title lines, 3 header rows, then the body from row 7
  const first = 7;
  const body: Cell[][] = [];
  const all = totals([...urban, ...rural]);
  const u = totals(urban);
  const r = totals(rural);
  const rOmitted = totals(rural.slice(0, -1));
  body.push(['', 'Tổng cộng toàn huyện', all.households, all.poor, { formula: 'D7/C7*100', result: (all.poor / all.households) * 100 }, planted ? all.near - rural.at(-1)!.near : all.near, { formula: 'F7/C7*100', result: ((planted ? all.near - rural.at(-1)!.near : all.near) / all.households) * 100 }]);
  const area = (roman: string, label: string, cs: readonly Commune[], t: { households: number; poor: number; near: number }, nearPrinted: number): void => {
    const at = first + body.length;
    // the sheet rows of the communes (a “Trong đó” line takes one more)
    const rowsAt = cs.reduce<number[]>((acc, c, i) => [...acc, i === 0 ? at + 1 : acc[i - 1]! + 1 + (cs[i - 1]!.emPoor === undefined ? 0 : 1)], []);
    const added = (col: string, rows: readonly number[], result: number): Cell => ({ formula: rows.map((n) => `${col}${n}`).join('+'), result });
    body.push([roman, label, added('C', rowsAt, t.households), added('D', rowsAt, t.poor), { formula: `D${at}/C${at}*100`, result: (t.poor / t.households) * 100 }, added('F', nearPrinted === t.near ? rowsAt : rowsAt.slice(0, -1), nearPrinted), { formula: `F${at}/C${at}*100`, result: (nearPrinted / t.households) * 100 }]);
    cs.forEach((c, i) => {
      const poorPrinted = planted && c.name === 'Xã Phú Lương' ? 182 : c.poor;
      const poorRate = planted && c.name === 'Xã Yên Lạc' ? '5,84' : rate2(c.poor, c.households);
      body.push([String(i + 1), c.name, vnInt(c.households), vnInt(poorPrinted), poorRate, c.near === 0 ? '-' : vnInt(c.near), c.near === 0 ? '-' : rate2(c.near, c.households)]);
      if (c.emPoor !== undefined) body.push(['', 'Trong đó: hộ DTTS', null, vnInt(c.emPoor), null, null, null]);
    });
  };
  area('I', 'Khu vực thành thị', urban, u, u.near);
  area('II', 'Khu vực nông thôn', rural, r, planted ? rOmitted.near : r.near);
  return bytesOf([
    {
      name: 'Biểu 01',
      title: ['UBND HUYỆN PHÚ LƯƠNG', 'BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO CUỐI NĂM 2023', 'ĐVT: hộ'],
      header: [
        ['STT', 'Đơn vị', 'Tổng số hộ dân cư', 'Hộ nghèo', null, 'Hộ cận nghèo', null],
        [null, null, null, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
        ['A', 'B', '1', '2', '3 = 2/1', '4', '5 = 4/1'],
      ],
      headerMerges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:G1'],
      body,
      formats: { 3: '#,##0', 4: '#,##0', 5: '0.00', 6: '#,##0', 7: '0.00' },
      footer: ['Người lập biểu', 'TM. ỦY BAN NHÂN DÂN'],
    },
  ]);
}

interface Line {
  readonly stt: string;
  readonly item: string;
  readonly years: readonly number[];
}

/**
 * A province's programme budget by year (Phụ lục 02, “ĐVT: triệu đồng”): the programme over its
 * projects (1, 2, 3), a project over its sub-projects (1.1, 1.2) and a sub-project over items
 * (a, b); years 2022–2025 as columns and “Tổng giai đoạn 2022-2025” first, two header rows with
 * the years merged under “Kế hoạch vốn các năm”, a column-number row “1 = 2+3+4+5”, the period
 * and group totals as formulas with cached values. Planted: Dự án 1's 2023 figure adds its
 * sub-projects but leaves out Tiểu dự án 2 (1.2); item b's 2024 figure 3.185 typed 3.158;
 * Dự án 4's period total off by 1.000.
 */
export function budgetByYear(planted: boolean): Promise<Uint8Array> {
  const leaves: Line[] = [
    { stt: 'a', item: 'Hỗ trợ đầu tư hạ tầng các huyện nghèo', years: [12_450, 14_820, 15_060, 13_900] },
    { stt: 'b', item: 'Duy tu, bảo dưỡng công trình', years: [2_310, 2_975, 3_185, 3_040] },
    { stt: '1.2', item: 'Tiểu dự án 2: Hỗ trợ đầu tư hạ tầng xã đặc biệt khó khăn vùng bãi ngang', years: [4_260, 5_130, 5_480, 5_020] },
    { stt: '2', item: 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', years: [3_870, 4_415, 4_690, 4_305] },
    { stt: '3', item: 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', years: [6_125, 7_240, 7_615, 7_080] },
    { stt: '4', item: 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', years: [2_940, 3_385, 3_520, 3_265] },
  ];
  const add = (ls: readonly Line[]): number[] => [0, 1, 2, 3].map((y) => ls.reduce((s, l) => s + l.years[y]!, 0));
  const sub11 = add(leaves.slice(0, 2));
  const project1 = add(leaves.slice(0, 3));
  const all = add(leaves);
  const period = (ys: readonly number[]): number => ys.reduce((s, y) => s + y, 0);
  const printedLeaf = (l: Line): number[] => (planted && l.stt === 'b' ? [l.years[0]!, l.years[1]!, 3_158, l.years[3]!] : [...l.years]);
  const printedProject1 = planted ? [project1[0]!, project1[1]! - leaves[2]!.years[1]!, project1[2]!, project1[3]!] : project1;
  // sheet rows: 3 title lines, 3 header rows, then the body from row 7
  const line = (stt: string, item: string, ys: readonly number[], at: number, periodPrinted = period(ys)): Cell[] => [stt, item, { formula: `SUM(D${at}:G${at})`, result: periodPrinted }, ...ys];
  const body: Cell[][] = [
    line('', 'TỔNG CỘNG', all, 7),
    line('1', 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo', printedProject1, 8),
    line('1.1', 'Tiểu dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo', sub11, 9),
    ...leaves.map((l, i) => line(l.stt, l.item, printedLeaf(l), 10 + i, planted && l.stt === '4' ? period(l.years) + 1_000 : period(printedLeaf(l)))),
  ];
  return bytesOf([
    {
      name: 'Phụ lục 02',
      title: ['UBND TỈNH THANH HÓA', 'KẾ HOẠCH VỐN NGÂN SÁCH TRUNG ƯƠNG THỰC HIỆN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG GIAI ĐOẠN 2022-2025', 'ĐVT: triệu đồng'],
      header: [
        ['STT', 'Nội dung', 'Tổng giai đoạn 2022-2025', 'Kế hoạch vốn các năm', null, null, null],
        [null, null, null, 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025'],
        ['A', 'B', '1 = 2+3+4+5', '2', '3', '4', '5'],
      ],
      headerMerges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:G1'],
      body,
      formats: { 3: '#,##0', 4: '#,##0', 5: '#,##0', 6: '#,##0', 7: '#,##0' },
    },
  ]);
}
