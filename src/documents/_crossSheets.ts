import { columnLetters } from '../_internal/_columnLetters.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import type { CheckFinding, FindingLocation } from './checkReport.js';
import type { DocumentTable } from './documentModel.js';
import type { DocumentLayoutColumn, DocumentLayoutRow, DocumentTableLayout } from './tableLayout.js';
import { cellNumber } from './_cellNumber.js';

/** A table with the layout it was checked by. */
interface SheetTable {
  readonly table: DocumentTable;
  readonly layout: DocumentTableLayout;
}

/** What comparing the summary sheet with the detail sheets gives: its findings, and the in-table findings they explain (left out). */
export interface CrossSheetChecks {
  readonly findings: readonly CheckFinding[];
  readonly folded: ReadonlySet<CheckFinding>;
}

/** The administrative or programme word a sheet name or row label opens with (“Huyện”, “H.”, “TX.”, “Dự án”). */
const KIND_PREFIX = /^(?:huyen|h\.|quan|q\.|thi xa|tx\.?|thanh pho|tp\.?|thi tran|tt\.?|xa|phuong)\s*/;
/** A summary sheet's name: “Tổng hợp”, “Toàn tỉnh”, “TH”, “Chung”. */
const SUMMARY_SHEET = /^(?:bieu\s*)?(?:tong hop|toan (?:tinh|huyen|thanh pho|thi xa)|th|chung|tong)\b/;

/**
 * The key a sheet name and a summary row's label share: folded, numbering and the kind word
 * dropped (“Huyện Mường La”, “H. MƯỜNG LA”, “Mường La” → `'muong la'`); a project by its number
 * (“Dự án 1: Hỗ trợ đầu tư…”, “DA1”, “DA 1” → `'du an 1'`, “Tiểu dự án 2 (DA4)” → `'tieu du an 2'`).
 */
export function sheetKey(name: string): string {
  const f = foldVietnamese(name).replace(/^(?:[\divxl]+[.)]|[a-z][.)]|[-+•*])\s+/, '');
  const project = /^(tieu du an|tda|du an|da)\s*(\d+)\b/.exec(f);
  if (project !== null) return `${project[1] === 'tda' || project[1] === 'tieu du an' ? 'tieu du an' : 'du an'} ${project[2]}`;
  return f.replace(KIND_PREFIX, '').replace(/[\s.:;,]+$/, '').trim();
}

/** A header as compared between sheets: folded, white space collapsed, a column-number formula or unit in brackets dropped. */
const headerKey = (c: DocumentLayoutColumn): string => foldVietnamese(c.header).replace(/\s*\((?:\d+|[^)]*=[^)]*)\)\s*/g, ' ').replace(/\s+/g, ' ').trim();

/** A figure as a scaled bigint at `decimals` places (blank and “-” are nothing: 0). */
function scaled(text: string, decimals: number): bigint | null {
  const t = text.trim();
  if (t === '' || /^[-–—]$/.test(t)) return 0n;
  const n = cellNumber(t);
  if (n === null || n.percent || n.decimals > decimals) return null;
  return BigInt(n.units) * 10n ** BigInt(decimals - n.decimals);
}

/** The decimals printed in a cell (0 for a blank). */
const decimalsOf = (text: string): number => cellNumber(text.trim())?.decimals ?? 0;

/** A scaled bigint back as a Vietnamese figure (`2.048`, `1.234,5`). */
function printedOf(v: bigint, decimals: number): string {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${neg ? '-' : ''}${whole}${decimals > 0 ? `,${digits.slice(digits.length - decimals)}` : ''}`;
}

/** A plain decimal (`-36`, `1.5`) of a scaled bigint, for `difference`. */
function plainOf(v: bigint, decimals: number): string {
  return printedOf(v, decimals).replace(/\./g, '').replace(',', '.');
}

const cellText = (t: DocumentTable, row: number, col: number): string => t.rows[row]?.[col]?.text ?? '';
const address = (t: DocumentTable, row: number, col: number): string => `${t.position.sheet ?? ''}!${columnLetters(col + 1)}${row + 1}`;

/** The sum of a total row's rows in a column, or null when a cell is no figure. */
function sumOf(t: DocumentTable, rows: readonly number[], col: number, decimals: number): bigint | null {
  let s = 0n;
  for (const r of rows) {
    const v = scaled(cellText(t, r, col), decimals);
    if (v === null) return null;
    s += v;
  }
  return s;
}

/** The total row of a detail sheet: its one row of role `total` (“Tổng cộng”, “Cộng”, “Toàn huyện”). */
function totalRow(layout: DocumentTableLayout): DocumentLayoutRow | undefined {
  const totals = layout.rows.filter((r) => r.role === 'total');
  return totals.length === 1 ? totals[0] : undefined;
}

/** One side of a comparison: the cell, what it prints, and whether it agrees with its own sheet (null: cannot tell). */
interface Side {
  readonly at: SheetTable;
  readonly row: DocumentLayoutRow;
  readonly col: DocumentLayoutColumn;
  readonly value: bigint;
  /** The sum of the rows the cell's total row adds, when there is one. */
  readonly rowsSum: bigint | null;
}

/**
 * Compares a workbook's summary sheet (“Tổng hợp”, “Toàn tỉnh”: a row per district or per
 * project) with the detail sheet of each (its communes or its items, and a total row “Tổng cộng”,
 * “Cộng”, “Toàn huyện”): a sheet is matched to a summary row by name (accents, case, “Huyện”,
 * “H.”, numbering ignored; a project by its number), a column of counts or amounts by its header
 * text, and each pair of figures must be equal. When they differ, the side that does not agree
 * with its own sheet is blamed: the summary cell when the detail's total is the sum of its rows
 * (the summary's own total row, mismatched by the same difference, is folded in), the detail's
 * total when it is not and the summary carries the sum of its rows (its own sum finding folded in);
 * when neither can be told, a warning at the summary cell. Rates are left to each sheet's own checks.
 */
export function checkCrossSheets(tables: readonly SheetTable[], inTable: readonly CheckFinding[]): CrossSheetChecks {
  const findings: CheckFinding[] = [];
  const folded = new Set<CheckFinding>();
  const onSheets = tables.filter((t) => t.table.position.sheet !== undefined);
  const sheets = new Map<string, SheetTable>();
  for (const t of onSheets) {
    const key = sheetKey(t.table.position.sheet!);
    if (key !== '' && !sheets.has(key) && totalRow(t.layout) !== undefined) sheets.set(key, t);
  }
  for (const summary of onSheets) {
    const name = summary.table.position.sheet!;
    const matched = summary.layout.rows
      .filter((r) => r.role === 'item' || r.role === 'subtotal')
      .map((r) => ({ row: r, detail: sheets.get(sheetKey(r.label)) }))
      .filter((m): m is { row: DocumentLayoutRow; detail: SheetTable } => m.detail !== undefined && m.detail.table.position.sheet !== name);
    if (matched.length < (SUMMARY_SHEET.test(foldVietnamese(name)) ? 1 : 2)) continue;
    for (const { row, detail } of matched) {
      const total = totalRow(detail.layout)!;
      for (const col of summary.layout.columns) {
        if (col.kind !== 'count' && col.kind !== 'amount') continue;
        const dcol = detail.layout.columns.find((d) => d.kind === col.kind && headerKey(d) === headerKey(col) && d.unit === col.unit);
        if (dcol === undefined) continue;
        const sText = cellText(summary.table, row.row, col.col);
        const dText = cellText(detail.table, total.row, dcol.col);
        if (sText.trim() === '' || dText.trim() === '') continue;
        const decimals = Math.max(decimalsOf(sText), decimalsOf(dText));
        const s = scaled(sText, decimals);
        const d = scaled(dText, decimals);
        if (s === null || d === null || s === d) continue;
        const ownTotal = summary.layout.rows.find((r) => (r.role === 'total' || r.role === 'subtotal') && r.covers?.includes(row.row));
        const sSide: Side = { at: summary, row, col, value: s, rowsSum: null };
        const dSide: Side = { at: detail, row: total, col: dcol, value: d, rowsSum: total.covers === undefined ? null : sumOf(detail.table, total.covers, dcol.col, decimals) };
        const summaryTotalSum = ownTotal?.covers === undefined ? null : sumOf(summary.table, ownTotal.covers, col.col, decimals);
        const summaryTotal = ownTotal === undefined ? null : scaled(cellText(summary.table, ownTotal.row, col.col), decimals);
        const summaryAddsUp = summaryTotalSum === null || summaryTotal === null ? null : summaryTotalSum === summaryTotal;
        findings.push(...blame(sSide, dSide, ownTotal, summaryAddsUp, decimals, inTable, folded));
      }
    }
  }
  return { findings, folded };
}

/** The finding of one pair that differs, blaming the side that disagrees with its own sheet. */
function blame(s: Side, d: Side, ownTotal: DocumentLayoutRow | undefined, summaryAddsUp: boolean | null, decimals: number, inTable: readonly CheckFinding[], folded: Set<CheckFinding>): CheckFinding[] {
  const detailAddsUp = d.rowsSum === null ? null : d.rowsSum === d.value;
  const sAt = address(s.at.table, s.row.row, s.col.col);
  const dAt = address(d.at.table, d.row.row, d.col.col);
  const what = `${s.row.label} · ${s.col.key}`;
  const relation = `${sAt} = ${dAt} (${d.row.label} of sheet “${d.at.table.position.sheet}”)`;
  const inTableAt = (side: Side, row: number): CheckFinding | undefined =>
    inTable.find((f) => f.location.block === side.at.table.index + 1 && f.location.row === row + 1 && f.location.column === side.col.col + 1 && (f.code === 'sum-mismatch' || f.code === 'total-mismatch'));
  if (detailAddsUp === true || (detailAddsUp === null && summaryAddsUp === false)) {
    // the summary cell is wrong; its own total row, off by the same difference, is this cell's
    const off = ownTotal === undefined ? undefined : inTableAt(s, ownTotal.row);
    const foldTotal = off !== undefined && off.difference !== null && off.difference === plainOf(d.value - s.value, decimals);
    if (foldTotal) folded.add(off);
    foldAt(s, plainOf(s.value - d.value, decimals), inTable, folded);
    const why = detailAddsUp === true ? `which is the sum of its rows` : `and the summary's own total row does not add up with ${printedOf(s.value, decimals)}`;
    const totalNote = foldTotal ? `; the summary's “${ownTotal!.label}” row (${address(s.at.table, ownTotal!.row, s.col.col)}) does not add up for the same reason` : '';
    return [finding('error', s, printedOf(s.value, decimals), printedOf(d.value, decimals), plainOf(s.value - d.value, decimals), relation,
      `${what}: the summary sheet prints ${printedOf(s.value, decimals)} at ${sAt}, but sheet “${d.at.table.position.sheet}” totals ${printedOf(d.value, decimals)} at ${dAt} (${d.row.label}), ${why}: the summary cell is wrong by ${plainOf(s.value - d.value, decimals)}${totalNote}`)];
  }
  if ((detailAddsUp === false && d.rowsSum === s.value) || (detailAddsUp === null && summaryAddsUp === true)) {
    // the detail's total is wrong: the summary carries the sum of its rows (or adds up itself)
    foldAt(d, plainOf(d.value - s.value, decimals), inTable, folded);
    const why = detailAddsUp === false ? `the sum of its rows is ${printedOf(d.rowsSum!, decimals)}, as the summary carries` : `the summary prints ${printedOf(s.value, decimals)} and its total row adds up with it`;
    return [finding('error', d, printedOf(d.value, decimals), printedOf(s.value, decimals), plainOf(d.value - s.value, decimals), `${dAt} = ${sAt} (${s.row.label} of sheet “${s.at.table.position.sheet}”)`,
      `${d.at.table.position.sheet} · ${d.row.label} · ${d.col.key}: the sheet's total prints ${printedOf(d.value, decimals)} at ${dAt}, but ${why} at ${sAt}: the detail sheet's total is wrong by ${plainOf(d.value - s.value, decimals)}`)];
  }
  return [finding('warning', s, printedOf(s.value, decimals), printedOf(d.value, decimals), plainOf(s.value - d.value, decimals), relation,
    `${what}: the summary sheet prints ${printedOf(s.value, decimals)} at ${sAt}, sheet “${d.at.table.position.sheet}” totals ${printedOf(d.value, decimals)} at ${dAt} (${d.row.label}); neither side can be told right from its own sheet`)];
}

/** Folds the in-table findings at the blamed cell that find it off by the same difference: one cause, one finding. */
function foldAt(side: Side, difference: string, inTable: readonly CheckFinding[], folded: Set<CheckFinding>): void {
  const t = side.at.table;
  for (const f of inTable) if (f.location.block === t.index + 1 && f.location.row === side.row.row + 1 && f.location.column === side.col.col + 1 && f.difference === difference) folded.add(f);
}

function finding(severity: CheckFinding['severity'], side: Side, printed: string, expected: string, difference: string, relation: string, message: string): CheckFinding {
  const t = side.at.table;
  const location: FindingLocation = { block: t.index + 1, ...t.position, row: side.row.row + 1, column: side.col.col + 1, rowLabel: side.row.label, columnKey: side.col.key };
  const text = cellText(t, side.row.row, side.col.col).trim();
  return { severity, code: 'cross-sheet-mismatch', location, text, printed: text === '' ? printed : text, expected, difference, relation, message };
}
