import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { fitRowHeight, printable, printSetup } from './_printSetup.js';
import { fail } from '../errors/VnPovertyError.js';
import { assertOutputIsNotInput, writeFileAtomic } from './_atomicOutput.js';
import { loadExcelJs, loadXlsxWorkbook } from './_excelWorkbook.js';
import type { ReconcileIssue, ReconcileReport } from '../reconcile/reconcileIssue.js';
import type { PrintedGrid } from '../reconcile/tableFromSpec.js';

/** Where the table came from: an XLSX file (copied, its sheet marked) or a grid (a CSV's cells, written as a new sheet). */
export type MarkedUpSource = { readonly path: string; readonly sheet?: string | number } | { readonly grid: PrintedGrid; readonly sheetName?: string };

/**
 * The fills of marked cells: light red for an error, amber for a rounding finding (ARGB).
 * @example
 * MARK_FILLS.error //=> 'FFFFC7CE'
 */
export const MARK_FILLS = Object.freeze({ error: 'FFFFC7CE', rounding: 'FFFFEB9C' });

/**
 * The name of the sheet listing the findings.
 * @example
 * FINDINGS_SHEET //=> 'Kết quả kiểm tra'
 */
export const FINDINGS_SHEET = 'Kết quả kiểm tra';

/**
 * How the findings sheet names a severity, in Vietnamese first. @internal
 * @example
 * SEVERITY_WORDS.rounding //=> 'Làm tròn (rounding)'
 */
export const SEVERITY_WORDS = Object.freeze({ error: 'Lỗi (error)', rounding: 'Làm tròn (rounding)' });

function columnName(n: number): string {
  let s = '';
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * The address of a grid cell as a spreadsheet shows it (0-based row and column).
 * @example
 * cellAddress({ row: 4, column: 1 }) //=> 'B5'
 */
export function cellAddress(at: { readonly row: number; readonly column: number }): string {
  return `${columnName(at.column)}${at.row + 1}`;
}

/** The comment a finding's cell carries: printed, expected, difference, relation, in Vietnamese and English. */
function noteText(i: ReconcileIssue): string {
  return [
    `${SEVERITY_WORDS[i.severity]}: ${i.code}`,
    `Số in (printed): ${i.printed}`,
    `Số đúng (expected): ${i.expected ?? '—'}`,
    `Chênh lệch (difference): ${i.difference ?? '—'}`,
    `Quan hệ (relation): ${i.relationText || '—'}`,
    i.message,
  ].join('\n');
}

/**
 * Writes a marked-up copy of a checked table: the user's sheet with its values and layout
 * unchanged, every cell a finding points at filled (light red for an error, amber for a rounding
 * finding, see {@link MARK_FILLS}) and commented (printed, expected, difference and the relation,
 * in Vietnamese and English), and a sheet “Kết quả kiểm tra” listing every finding with a link to
 * its cell. For a CSV the copy is a new workbook holding the table's cells as printed, marked the
 * same way. Findings with no grid cell (a headline printed in the text) are listed only.
 *
 * The user's workbook is read with the checks of every XLSX reader (zip, limits, checksums), and
 * the copy is written atomically: to a temporary file beside `out`, renamed over it only when
 * complete, so an existing file at `out` is replaced whole or left as it was.
 *
 * @param source - the XLSX file (and sheet) the table was read from, or the grid of a CSV.
 * @param report - the report whose findings point at the grid (`issue.grid`), e.g. from `reconcileGrid`.
 * @param out - the `.xlsx` file to write; never the input file.
 * @throws VnPovertyError `output-is-input` when `out` is the input (same real path, a symbolic or
 *   hard link), `missing-folder`, `unwritable-folder`, `missing-sheet`, and those of `readSheetGrid`.
 * @example
 * await writeMarkedUpCopy({ path: 'ke-hoach.xlsx' }, reconcileGrid(grid, spec), 'checked.xlsx') // checked.xlsx: marked cells and a “Kết quả kiểm tra” sheet
 */
export async function writeMarkedUpCopy(source: MarkedUpSource, report: Pick<ReconcileReport, 'issues'>, out: string): Promise<void> {
  if ('path' in source) await assertOutputIsNotInput(out, [source.path]);
  await writeFileAtomic(out, await markedUpCopy(source, report));
}

/**
 * The marked-up copy of {@link writeMarkedUpCopy} as the bytes of an .xlsx, for a caller that
 * sends it elsewhere than a file (`vn-poverty reconcile --out -` writes it to standard output).
 *
 * @throws VnPovertyError `missing-sheet`, and those of `readSheetGrid`.
 * @example
 * (await markedUpCopy({ grid: [['Xã', 'Hộ'], ['An Phú', '2.348']] }, { issues: [] })).subarray(0, 2) //=> Uint8Array [80, 75] (“PK”, a zip)
 */
export async function markedUpCopy(source: MarkedUpSource, report: Pick<ReconcileReport, 'issues'>): Promise<Uint8Array> {
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  if ('path' in source) {
    workbook = await loadXlsxWorkbook(source.path, basename(source.path), undefined, 'writing');
    const wanted = source.sheet ?? 1;
    const ws = typeof wanted === 'number' ? workbook.worksheets[wanted - 1] : workbook.getWorksheet(wanted);
    if (ws === undefined) return fail({ code: 'missing-sheet', path: [basename(source.path)], value: wanted, expected: `one of the sheets ${workbook.worksheets.map((w) => JSON.stringify(w.name)).join(', ')}` });
    sheet = ws;
    const old = workbook.getWorksheet(FINDINGS_SHEET);
    if (old !== undefined) workbook.removeWorksheet(old.id);
  } else {
    workbook = new (await loadExcelJs('writing')).Workbook();
    sheet = workbook.addWorksheet(source.sheetName ?? 'Bảng');
    source.grid.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null) sheet.getCell(r + 1, c + 1).value = v;
    }));
    // a sheet of the library's own making (from a CSV): columns as wide as their text, printable
    const width = Math.max(0, ...source.grid.map((r) => r.length));
    for (let c = 0; c < width; c++) sheet.getColumn(c + 1).width = Math.min(40, Math.max(6, ...source.grid.map((r) => (r[c] ?? '').length + 2)));
    Object.assign(sheet.pageSetup, printSetup(1), { printTitlesRow: undefined });
  }
  // one mark per cell: the worst severity, every finding in its comment
  const byCell = new Map<string, ReconcileIssue[]>();
  for (const i of report.issues) {
    if (i.grid === null) continue;
    const k = cellAddress(i.grid);
    byCell.set(k, [...(byCell.get(k) ?? []), i]);
  }
  for (const [address, list] of byCell) {
    const cell = sheet.getCell(address);
    const severity = list.some((i) => i.severity === 'error') ? 'error' : 'rounding';
    // a fresh style object: exceljs shares styles between cells read from one style id
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS[severity] } } };
    cell.note = list.map(noteText).join('\n\n');
  }
  const findings = workbook.addWorksheet(FINDINGS_SHEET);
  findings.columns = [
    { header: 'Mức độ (Severity)', key: 'severity', width: 18 },
    { header: 'Ô (Cell)', key: 'cell', width: 10 },
    { header: 'Dòng (Row)', key: 'row', width: 28 },
    { header: 'Cột (Column)', key: 'column', width: 22 },
    { header: 'Mã lỗi (Code)', key: 'code', width: 22 },
    { header: 'Số in (Printed)', key: 'printed', width: 14 },
    { header: 'Số đúng (Expected)', key: 'expected', width: 16 },
    { header: 'Chênh lệch (Difference)', key: 'difference', width: 16 },
    { header: 'Quan hệ (Relation)', key: 'relation', width: 40 },
    { header: 'Diễn giải (Message)', key: 'message', width: 90 },
  ];
  findings.getRow(1).font = { bold: true };
  printable(findings, 1);
  findings.getColumn('message').alignment = { wrapText: true, vertical: 'top' };
  findings.getColumn('relation').alignment = { wrapText: true, vertical: 'top' };
  const sheetRef = `'${sheet.name.replace(/'/g, "''")}'`;
  for (const i of report.issues) {
    const address = i.grid === null ? null : cellAddress(i.grid);
    const row = findings.addRow({
      severity: SEVERITY_WORDS[i.severity],
      cell: address ?? '—',
      row: i.row,
      column: i.column,
      code: i.code,
      printed: i.printed,
      expected: i.expected ?? '',
      difference: i.difference ?? '',
      relation: i.relationText,
      message: i.message,
    });
    if (address !== null) row.getCell('cell').value = { text: address, hyperlink: `#${sheetRef}!${address}` };
    row.getCell('severity').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS[i.severity] } };
    fitRowHeight(row, findings.columns.map((c) => c.width));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
