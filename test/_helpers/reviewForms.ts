import ExcelJS from 'exceljs';

/**
 * Review result forms (Mẫu số 3, TT 07/2021/TT-BLĐTBXH, *Tổng hợp kết quả điều tra, rà soát hộ
 * nghèo / hộ cận nghèo*) as districts and provinces submit them in XLSX: the form's three merged
 * header rows (luatminhkhue.vn reproduction, see test/fixtures/documents/README.md), a title
 * block, a row of column numbers, then either communes under their districts (I, II… with the
 * district's figures) or urban/rural blocks, a total, and the signature block under the table.
 * Figures are invented in the form's shape; every rate is its count ÷ the households × 100,
 * half-up to two decimals (exact, in bigint). Each maker takes `planted`: the error it plants,
 * or null for the error-free twin.
 */

type Cell = number | string | null | { readonly formula: string; readonly result: number };

interface Commune {
  readonly name: string;
  readonly households: number;
  readonly householdsEm: number;
  readonly start: number;
  readonly startEm: number;
  readonly exits: number;
  readonly re: number;
  readonly newly: number;
  readonly endEm: number;
}

const LAO_CAI: Readonly<Record<string, readonly Commune[]>> = {
  'Huyện Mường Khương': [
    { name: 'Xã Bản Lầu', households: 1285, householdsEm: 1102, start: 312, startEm: 301, exits: 58, re: 2, newly: 7, endEm: 254 },
    { name: 'Xã Lùng Vai', households: 904, householdsEm: 850, start: 221, startEm: 219, exits: 41, re: 0, newly: 3, endEm: 181 },
    { name: 'Thị trấn Mường Khương', households: 1630, householdsEm: 720, start: 96, startEm: 80, exits: 22, re: 1, newly: 4, endEm: 62 },
  ],
  'Huyện Bắc Hà': [
    { name: 'Xã Bản Phố', households: 712, householdsEm: 705, start: 198, startEm: 198, exits: 37, re: 1, newly: 2, endEm: 164 },
    { name: 'Xã Na Hối', households: 1043, householdsEm: 1000, start: 275, startEm: 270, exits: 49, re: 3, newly: 5, endEm: 230 },
  ],
};

/** count ÷ households × 100, half-up to two decimals, as a number for the cell (e.g. 24.28). */
function rate(count: number, households: number): number {
  const scaled = BigInt(count) * 10_000n;
  const d = BigInt(households);
  const q = scaled / d + ((scaled % d) * 2n >= d ? 1n : 0n);
  return Number(`${q / 100n}.${String(q % 100n).padStart(2, '0')}`);
}

/** The 16 figures of a row: households (all, DTTS), start (count, rate, DTTS, rate), thoát, tái, phát sinh (count, rate), end (count, rate, DTTS, rate). */
function figures(u: Commune): number[] {
  const end = u.start + u.newly + u.re - u.exits;
  const h = u.households;
  return [h, u.householdsEm, u.start, rate(u.start, h), u.startEm, rate(u.startEm, h), u.exits, rate(u.exits, h), u.re, rate(u.re, h), u.newly, rate(u.newly, h), end, rate(end, h), u.endEm, rate(u.endEm, h)];
}

function sum(units: readonly Commune[], name: string): Commune {
  const add = (k: keyof Omit<Commune, 'name'>): number => units.reduce((n, u) => n + u[k], 0);
  return { name, households: add('households'), householdsEm: add('householdsEm'), start: add('start'), startEm: add('startEm'), exits: add('exits'), re: add('re'), newly: add('newly'), endEm: add('endEm') };
}

/** The form's three header rows (poor or near-poor) and their merges, relative to the first header row. */
function header(kind: 'nghèo' | 'cận nghèo', top: number): { rows: (string | null)[][]; merges: string[] } {
  const e = null;
  const rows = [
    ['TT', 'Đơn vị', 'Tổng số hộ dân cư', e, `Số hộ ${kind} đầu năm`, e, e, e, `Diễn biến hộ ${kind} trong năm`, e, e, e, e, e, `Số hộ ${kind} cuối năm`, e, e, e],
    [e, e, 'Số hộ', 'Trong đó Hộ DTTS', 'Số hộ', 'Tỷ lệ %', 'Số hộ DTTS', 'Tỷ lệ %', `Số hộ thoát ${kind}`, e, `Số hộ tái ${kind}`, e, `Số hộ ${kind} phát sinh`, e, 'Số hộ', 'Tỷ lệ %', 'Số hộ DTTS', 'Tỷ lệ %'],
    [e, e, e, e, e, e, e, e, 'Số hộ', 'Tỷ lệ %', 'Số hộ', 'Tỷ lệ %', 'Số hộ', 'Tỷ lệ %', e, e, e, e],
  ];
  const t = top;
  const merges = [`A${t}:A${t + 2}`, `B${t}:B${t + 2}`, `C${t}:D${t}`, `E${t}:H${t}`, `I${t}:N${t}`, `O${t}:R${t}`, `I${t + 1}:J${t + 1}`, `K${t + 1}:L${t + 1}`, `M${t + 1}:N${t + 1}`, ...'CDEFGHOPQR'.split('').map((c) => `${c}${t + 1}:${c}${t + 2}`)];
  return { rows, merges };
}

async function workbook(rows: readonly (readonly Cell[])[], merges: readonly string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 3');
  for (const r of rows) {
    const row = ws.addRow(r.map((c) => (c !== null && typeof c === 'object' ? { formula: c.formula, result: c.result } : c)));
    row.eachCell((cell) => {
      const v = cell.value;
      const n = typeof v === 'number' ? v : v !== null && typeof v === 'object' && 'result' in v ? v.result : undefined;
      if (typeof n === 'number' && !Number.isInteger(n)) cell.numFmt = '0.00';
    });
  }
  for (const m of merges) ws.mergeCells(m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const SIGNATURES: Cell[] = [null, 'Người lập biểu', null, null, null, null, null, null, null, null, null, null, 'Chủ tịch UBND tỉnh'];

/**
 * A province's form, communes under their districts: title block, three header rows, column
 * numbers 1…18, “I Huyện Mường Khương” with its three communes, “II Huyện Bắc Hà” with two, the
 * total last, then the signature block (“Người lập biểu” … “Chủ tịch UBND tỉnh” in a figure
 * column). `planted`: `'district'` Bắc Hà's poor at the start 10 too many (483 for 473);
 * `'total'` the total's exits 206 for 207; `'balance'` Lùng Vai's end 184 where 221 − 41 + 0 + 3
 * = 183 (its rate still that of 183).
 */
export function provinceByDistrict(planted: 'district' | 'total' | 'balance' | null): Promise<Uint8Array> {
  const body: Cell[][] = [];
  let n = 0;
  Object.entries(LAO_CAI).forEach(([district, communes], i) => {
    const d = figures(sum(communes, district));
    if (planted === 'district' && i === 1) d[2] = d[2]! + 10;
    body.push([['I', 'II'][i]!, district, ...d]);
    for (const u of communes) {
      const f = figures(u);
      if (planted === 'balance' && u.name === 'Xã Lùng Vai') f[12] = f[12]! + 1;
      body.push([String(++n), u.name, ...f]);
    }
  });
  const total = figures(sum(Object.values(LAO_CAI).flat(), 'Tổng cộng'));
  if (planted === 'total') total[6] = total[6]! - 1;
  body.push([null, 'Tổng cộng', ...total]);
  const h = header('nghèo', 5);
  const rows: Cell[][] = [
    ['UBND TỈNH LÀO CAI'], ['Biểu số 3'], ['TỔNG HỢP KẾT QUẢ ĐIỀU TRA, RÀ SOÁT HỘ NGHÈO NĂM 2023 CẤP TỈNH'],
    ['(Kèm theo Quyết định số 123/QĐ-UBND ngày 15 tháng 12 năm 2023 của UBND tỉnh)'],
    ...h.rows, Array.from({ length: 18 }, (_, i) => i + 1), ...body, [], SIGNATURES,
  ];
  return workbook(rows, h.merges);
}

/**
 * A district's near-poor form, urban and rural blocks: the total printed first, column numbers
 * “A B 1 … 16”, rates as text (“24,28”), “-” for no exits, no re- or newly near-poor; a note
 * (“Ghi chú: …”), the place and date in a figure column and the signatures under the table.
 * `planted`: `'block'` the rural block's newly near-poor 18 for 17; `'ethnic'` Bản Phố's
 * ethnic-minority near-poor at the end 199, over its 164 near-poor (block and total as before).
 */
export function districtByArea(planted: 'block' | 'ethnic' | null): Promise<Uint8Array> {
  const communes = Object.values(LAO_CAI).flat();
  const urban = [communes[2]!, { name: 'Phường Kim Tân', households: 4210, householdsEm: 610, start: 35, startEm: 20, exits: 12, re: 0, newly: 0, endEm: 11 }];
  const rural = communes.filter((u) => !urban.includes(u));
  const printed = (f: number[]): Cell[] => f.map((v, i) => (i % 2 === 1 && i > 2 ? v.toFixed(2).replace('.', ',') : v === 0 && [6, 8, 10].includes(i) ? '-' : v));
  const body: Cell[][] = [[null, 'Tổng cộng', ...printed(figures(sum([...urban, ...rural], 'Tổng cộng')))]];
  let n = 0;
  for (const [roman, name, units] of [['I', 'Khu vực thành thị', urban], ['II', 'Khu vực nông thôn', rural]] as const) {
    const b = figures(sum(units, name));
    if (planted === 'block' && roman === 'II') b[10] = b[10]! + 1;
    body.push([roman, name, ...printed(b)]);
    for (const u of units) {
      const f = figures(u);
      if (planted === 'ethnic' && u.name === 'Xã Bản Phố') [f[14], f[15]] = [199, rate(199, u.households)];
      body.push([String(++n), u.name, ...printed(f)]);
    }
  }
  const h = header('cận nghèo', 4);
  const at = (col: number, text: string): Cell[] => Object.assign(Array<Cell>(col).fill(null), { [col - 1]: text });
  const rows: Cell[][] = [
    ['UBND HUYỆN MƯỜNG KHƯƠNG'], at(13, 'Mẫu số 3'), ['TỔNG HỢP KẾT QUẢ ĐIỀU TRA, RÀ SOÁT HỘ CẬN NGHÈO NĂM 2023 CẤP HUYỆN'],
    ...h.rows, ['A', 'B', ...Array.from({ length: 16 }, (_, i) => String(i + 1))], ...body, [],
    [null, 'Ghi chú: Tỷ lệ hộ cận nghèo tính trên tổng số hộ dân cư'], at(13, 'Mường Khương, ngày 20 tháng 12 năm 2023'), [null, 'NGƯỜI LẬP BIỂU', ...at(11, 'CHỦ TỊCH')],
  ];
  return workbook(rows, h.merges);
}

/**
 * A district's form as its spreadsheet computes it: every rate `=ROUND(count/households*100,2)`,
 * every end `=start−thoát+tái+phát sinh`, the total `=SUM(…)`, all with their saved values —
 * the rates of no re-poor saved as 0. `planted`: `'stale'` Bản Lầu's end saved as 265 where the
 * sheet was edited after (263), the total's end 2 too many with it.
 */
export function districtWithFormulas(planted: 'stale' | null): Promise<Uint8Array> {
  const communes = Object.values(LAO_CAI).flat();
  const first = 6;
  const rateCols = 'FHJLNPR';
  const countOf = 'EGIKMOQ';
  const body: Cell[][] = communes.map((u, i) => {
    const r = first + i;
    const f = figures(u);
    const cells: Cell[] = [String(i + 1), u.name, ...f];
    [...rateCols].forEach((c, j) => { cells[c.charCodeAt(0) - 65] = { formula: `ROUND(${countOf[j]}${r}/C${r}*100,2)`, result: f[2 * j + 3]! }; });
    cells[14] = { formula: `E${r}-I${r}+K${r}+M${r}`, result: f[12]! + (planted === 'stale' && u.name === 'Xã Bản Lầu' ? 2 : 0) };
    return cells;
  });
  const last = first + communes.length - 1;
  const t = figures(sum(communes, 'Cộng'));
  const totalRow: Cell[] = [null, 'Cộng', ...'CDEFGHIJKLMNOPQR'.split('').map((c, j) => ({ formula: `SUM(${c}${first}:${c}${last})`, result: t[j]! + (planted === 'stale' && c === 'O' ? 2 : 0) }))];
  [...rateCols].forEach((c, j) => { totalRow[c.charCodeAt(0) - 65] = { formula: `ROUND(${countOf[j]}${last + 1}/C${last + 1}*100,2)`, result: t[2 * j + 3]! }; });
  const h = header('nghèo', 3);
  return workbook([['TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2023'], ['(Kèm theo Báo cáo số 45/BC-UBND)'], ...h.rows, ...body, totalRow], h.merges);
}
