import { wordPlan, type WordBlock, type WordRow } from './wordPlans.js';

/** Integer hundredths (or tenths) printed the Vietnamese way: `78820` at 0 places → `'78.820'`, `683545` at 1 → `'68.354,5'`. */
export function vn(units: bigint, decimals = 0): string {
  const neg = units < 0n;
  const s = (neg ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = s.slice(0, s.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = decimals === 0 ? '' : `,${s.slice(s.length - decimals)}`;
  return `${neg ? '-' : ''}${whole}${frac}`;
}

/** A figure in tenths of a million đồng, as a budget table prints it: whole when it is whole, one decimal otherwise; `nil` for nothing. */
const money = (tenths: bigint, nil: string): string => (tenths === 0n ? nil : tenths % 10n === 0n ? vn(tenths / 10n) : vn(tenths, 1));

interface Project {
  readonly stt: string;
  readonly name: string;
  /** Tenths of a million: [Vốn đầu tư, Vốn sự nghiệp, NSĐP, lồng ghép, huy động]. */
  readonly v: readonly [bigint, bigint, bigint, bigint, bigint];
  /** How a zero prints in this row (`'-'`, `''`, `'0'`). */
  readonly nil?: string;
}

const PROJECTS: readonly Project[] = [
  { stt: '1', name: 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo', v: [453200n, 0n, 45320n, 0n, 0n] },
  { stt: '2', name: 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', v: [0n, 32155n, 3216n, 5000n, 1500n], nil: '' },
  { stt: '3', name: 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', v: [0n, 0n, 0n, 0n, 0n] },
  { stt: '3.1', name: 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp', v: [0n, 68100n, 6810n, 12000n, 3400n] },
  { stt: '3.2', name: 'Tiểu dự án 2: Cải thiện dinh dưỡng', v: [0n, 10240n, 1024n, 0n, 0n], nil: '0' },
  { stt: '4', name: 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', v: [25000n, 47600n, 7260n, 0n, 0n] },
  { stt: '5', name: 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', v: [0n, 28800n, 2880n, 0n, 14400n] },
  { stt: '6', name: 'Dự án 6: Truyền thông và giảm nghèo về thông tin', v: [0n, 6150n, 615n, 0n, 0n], nil: '' },
  { stt: '7', name: 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình', v: [0n, 12300n, 1230n, 0n, 0n] },
];

/** Where an error is planted in the budget table: the row's STT (or `'total'`), the column (0 = Tổng cộng … 6 = huy động), and what is printed instead. */
export interface BudgetPlant {
  readonly row: string;
  readonly column: number;
  readonly printed: string;
}

/**
 * A province's programme budget for a year by project and funding source, as a Word table:
 * “Ngân sách Trung ương” over “Tổng số | Vốn đầu tư | Vốn sự nghiệp” (gridSpan), the other
 * sources merged down two rows (vMerge), a column-number row “A B 1 … 7”, “Tổng cộng” first, a
 * project over its sub-projects (3 → 3.1, 3.2), “-”, blank and “0” for nothing, “,” decimals;
 * the unit “ĐVT: triệu đồng” in a right-aligned paragraph above (or, with `unitInHeader`, in the
 * “Tổng cộng (triệu đồng)” header).
 */
export async function budgetBySource(plants: readonly BudgetPlant[] = [], unitInHeader = false, numbersRow = true): Promise<Uint8Array> {
  const rows = PROJECTS.map((p) => ({ ...p, v: [...p.v] as bigint[] }));
  const parent = rows.find((r) => r.stt === '3')!;
  for (const r of rows.filter((x) => x.stt.startsWith('3.'))) r.v.forEach((x, i) => (parent.v[i] = parent.v[i]! + x));
  const line = (v: readonly bigint[]): bigint[] => {
    const nstw = v[0]! + v[1]!;
    return [nstw + v[2]! + v[3]! + v[4]!, nstw, v[0]!, v[1]!, v[2]!, v[3]!, v[4]!];
  };
  const top = rows.filter((r) => !r.stt.includes('.'));
  const totals = [0n, 0n, 0n, 0n, 0n].map((_, i) => top.reduce((s, r) => s + r.v[i]!, 0n));
  // columns of the plant: 0 Tổng cộng, 1 NSTW tổng, 2 ĐT, 3 SN, 4 NSĐP, 5 lồng ghép, 6 huy động
  const cellsOf = (stt: string, figures: bigint[], nil: string): string[] => figures.map((f, i) => plants.find((x) => x.row === stt && x.column === i)?.printed ?? money(f, nil));
  const header: WordRow[] = [
    {
      header: true,
      cells: [
        { text: 'STT', vmerge: 'restart' },
        { text: 'Nội dung', vmerge: 'restart' },
        { text: unitInHeader ? 'Tổng cộng (triệu đồng)' : 'Tổng cộng', vmerge: 'restart' },
        { text: 'Ngân sách Trung ương', span: 3 },
        { text: 'Ngân sách địa phương', vmerge: 'restart' },
        { text: 'Vốn lồng ghép', vmerge: 'restart' },
        { text: 'Vốn huy động hợp pháp khác', vmerge: 'restart' },
      ],
    },
    {
      header: true,
      cells: [{ text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, 'Tổng số', 'Vốn đầu tư', 'Vốn sự nghiệp', { text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }],
    },
    ...(numbersRow ? [{ header: true, cells: ['A', 'B', '1=2+5+6+7', '2=3+4', '3', '4', '5', '6', '7'] }] : []),
  ];
  const body: WordRow[] = [
    { cells: ['', 'Tổng cộng', ...cellsOf('total', line(totals), '-')] },
    ...rows.map((r) => ({ cells: [r.stt, r.name, ...cellsOf(r.stt, line(r.v), r.nil ?? '-')] })),
  ];
  const blocks: WordBlock[] = [
    { p: 'ỦY BAN NHÂN DÂN TỈNH' },
    { p: 'KẾ HOẠCH Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024' },
    { p: `Tổng kinh phí thực hiện Chương trình năm 2024 là ${money(line(totals)[0]!, '0')} triệu đồng, trong đó: ngân sách Trung ương ${money(line(totals)[1]!, '0')} triệu đồng; ngân sách địa phương ${money(totals[2]!, '0')} triệu đồng; vốn lồng ghép ${money(totals[3]!, '0')} triệu đồng; vốn huy động hợp pháp khác ${money(totals[4]!, '0')} triệu đồng.` },
    { p: 'Biểu 02. KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH NĂM 2024' },
    ...(unitInHeader ? [] : [{ p: 'ĐVT: triệu đồng', right: true }]),
    { table: [...header, ...body] },
  ];
  return wordPlan(blocks);
}

/** A commune of the targets table: households, poor at the start of the year, expected exits (0 prints as `'-'`). */
const COMMUNES: ReadonlyArray<readonly [string, number, number, number]> = [
  ['Xã Ea Tul', 2150, 312, 45],
  ['Xã Cư Né', 1876, 198, 30],
  ['Xã Ea Sin', 1423, 276, 40],
  ['Xã Cư Pơng', 1102, 341, 50],
  ['Xã Ea Ngai', 1688, 154, 0],
  ['Xã Pơng Drang', 3214, 187, 35],
  ['Xã Chư Kbô', 2045, 96, 18],
  ['Thị trấn Pơng Drang', 4120, 61, 12],
];

/** A rate in percent with two decimals, half-up, from a count and a base. */
export function rate2(count: number, base: number): string {
  const hundredths = (BigInt(count) * 10000n * 2n + BigInt(base)) / (2n * BigInt(base));
  return vn(hundredths, 2);
}

/** Where an error is planted in the targets table: the commune's number (0 = the total row), the column (0 households … 5 end rate), what is printed. */
export interface TargetPlant {
  readonly row: number;
  readonly column: number;
  readonly printed: string;
}

/** How {@link communeTargets} lays its table out. */
export interface CommuneTargetsOptions {
  /** “Tổng cộng” last instead of “Tổng số” first. */
  readonly totalLast?: boolean;
  /** The header rows typed again before the fifth commune. */
  readonly repeatHeader?: boolean;
  /** The table broken in two Word tables before the fifth commune (the second with the header again, or with none when `'bare'`). */
  readonly split?: 'header' | 'bare';
  /** The total's label spanning the STT and name columns (`w:gridSpan` in a data row). */
  readonly totalSpan?: boolean;
  /** “ĐVT: hộ, %” as the table's first row, spanning every column. */
  readonly unitRow?: boolean;
}

/**
 * A district's poverty targets for the year by commune, as a Word table: “Hộ nghèo đầu năm” and
 * “Dự kiến hộ nghèo cuối năm” each over “Số hộ | Tỷ lệ (%)”, “Dự kiến số hộ thoát nghèo” merged
 * down, “Tổng số” first (or “Tổng cộng” last with `totalLast`); the table goes over a page, so
 * the author typed the header rows again before the fifth commune (with `repeatHeader`).
 */
export async function communeTargets(plants: readonly TargetPlant[] = [], options: CommuneTargetsOptions = {}): Promise<Uint8Array> {
  const figures = (households: number, start: number, exits: number): string[] => {
    const end = start - exits;
    return [vn(BigInt(households)), vn(BigInt(start)), rate2(start, households), exits === 0 ? '-' : vn(BigInt(exits)), vn(BigInt(end)), rate2(end, households)];
  };
  const planted = (row: number, cells: string[]): string[] => cells.map((t, i) => plants.find((p) => p.row === row && p.column === i)?.printed ?? t);
  const sum = (i: 1 | 2 | 3): number => COMMUNES.reduce((s, c) => s + c[i], 0);
  const header: WordRow[] = [
    {
      header: true,
      cells: [
        { text: 'STT', vmerge: 'restart' },
        { text: 'Đơn vị', vmerge: 'restart' },
        { text: 'Tổng số hộ dân cư', vmerge: 'restart' },
        { text: 'Hộ nghèo đầu năm 2024', span: 2 },
        { text: 'Dự kiến số hộ thoát nghèo năm 2024', vmerge: 'restart' },
        { text: 'Dự kiến hộ nghèo cuối năm 2024', span: 2 },
      ],
    },
    { header: true, cells: [{ text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, { text: '', vmerge: 'continue' }, 'Số hộ', 'Tỷ lệ (%)', { text: '', vmerge: 'continue' }, 'Số hộ', 'Tỷ lệ (%)'] },
  ];
  const label = options.totalLast === true ? 'Tổng cộng' : 'Tổng số';
  const totalFigures = planted(0, figures(sum(1), sum(2), sum(3)));
  const total: WordRow = { cells: options.totalSpan === true ? [{ text: label, span: 2 }, ...totalFigures] : ['', label, ...totalFigures] };
  const communes: WordRow[] = COMMUNES.map(([name, h, s, e], i) => ({ cells: [String(i + 1), name, ...planted(i + 1, figures(h, s, e))] }));
  if (options.repeatHeader === true) communes.splice(4, 0, ...header.map((r) => ({ cells: r.cells })));
  const unit: WordRow[] = options.unitRow === true ? [{ cells: [{ text: 'ĐVT: hộ, %', span: 8 }] }] : [];
  const table = [...unit, ...header, ...(options.totalLast === true ? [] : [total]), ...communes, ...(options.totalLast === true ? [total] : [])];
  const at = table.indexOf(communes[4]!);
  const tables: WordBlock[] =
    options.split === undefined ? [{ table }] : [{ table: table.slice(0, at) }, { p: '' }, { table: [...(options.split === 'header' ? header : []), ...table.slice(at)] }];
  return wordPlan([
    { p: 'Phụ lục. CHỈ TIÊU GIẢM HỘ NGHÈO NĂM 2024 THEO ĐƠN VỊ HÀNH CHÍNH CẤP XÃ' },
    { p: '(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/3/2024 của UBND huyện)' },
    ...tables,
  ]);
}
