import type ExcelJS from 'exceljs';
import { fitRowHeight, printable } from './_printSetup.js';
import type { CheckReport, CheckSeverity } from '../documents/checkReport.js';
import { formatLocation } from '../documents/formatCheckReport.js';
import { loadExcelJs, loadXlsxWorkbook } from './_excelWorkbook.js';
import { findingComment } from './writeCheckedDocx.js';
import { cellAddress, FINDINGS_SHEET, MARK_FILLS, SEVERITY_WORDS as MARKED_SEVERITY_WORDS } from './writeMarkedUpCopy.js';

/** ARGB fills: those of `vn-poverty reconcile --out` (error red, rounding amber), and orange for a warning. */
const FILL: Readonly<Record<CheckSeverity, string>> = { ...MARK_FILLS, warning: 'FFFCE4D6' };
/** How the findings sheet names a severity, in Vietnamese first. */
const SEVERITY_WORDS: Readonly<Record<CheckSeverity, string>> = { ...MARKED_SEVERITY_WORDS, warning: 'Cảnh báo (warning)' };

/** How the findings sheet names a note on how the file was read (`CheckReport.notes`), and its fill (light blue). */
const NOTE_WORD = 'Ghi chú (note)';
const NOTE_FILL = 'FFDDEBF7';

function addFindingsSheet(wb: ExcelJS.Workbook, report: CheckReport, linkCells: boolean): void {
  const ws = wb.addWorksheet(FINDINGS_SHEET);
  ws.columns = [
    { header: 'Mức độ (Severity)', key: 'severity', width: 14 },
    { header: 'Mã (Code)', key: 'code', width: 24 },
    { header: 'Vị trí (Location)', key: 'location', width: 48 },
    { header: 'Văn bản (Text)', key: 'text', width: 60 },
    { header: 'Số in (Printed)', key: 'printed', width: 18 },
    { header: 'Đúng ra (Expected)', key: 'expected', width: 18 },
    { header: 'Chênh lệch (Difference)', key: 'difference', width: 14 },
    { header: 'Quan hệ (Relation)', key: 'relation', width: 50 },
    { header: 'Giải thích (Message)', key: 'message', width: 100 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  printable(ws, 1);
  for (const c of ws.columns) if (c.key !== undefined) ws.getColumn(c.key).alignment = { vertical: 'top', ...(['location', 'text', 'relation', 'message', 'severity'].includes(c.key) ? { wrapText: true } : {}) };
  for (const f of report.findings) {
    const row = ws.addRow({ ...f, severity: SEVERITY_WORDS[f.severity], location: formatLocation(f.location) });
    row.getCell('severity').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[f.severity] } };
    if (linkCells && f.location.sheet !== undefined && f.location.row !== undefined && f.location.column !== undefined) {
      const address = cellAddress({ row: f.location.row - 1, column: f.location.column - 1 });
      row.getCell('location').value = { text: formatLocation(f.location), hyperlink: `#'${f.location.sheet.replace(/'/g, "''")}'!${address}` };
    }
    fitRowHeight(row, ws.columns.map((c) => c.width));
  }
  // how the file was read (hidden rows, a merged figure read once…): what a reader of the findings must know too
  for (const note of report.notes ?? []) {
    const row = ws.addRow({ severity: NOTE_WORD, message: note });
    row.getCell('severity').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: NOTE_FILL } };
    fitRowHeight(row, ws.columns.map((c) => c.width));
  }
}


/**
 * Writes a marked-up copy of a checked Excel workbook: each finding's cell filled (error red,
 * warning orange, rounding amber) with a cell note saying printed, expected, the difference and
 * the relation in English and Vietnamese, plus a sheet “Kết quả kiểm tra” listing the findings
 * with links to their cells, then the report's notes on how the file was read (hidden rows or
 * sheets read, a merged figure read once), one row each marked “Ghi chú (note)”. Cell values
 * and layout are kept.
 *
 * @param bytes - the .xlsx that was checked.
 * @param report - its report from `checkDocument`.
 * @returns the bytes of the marked copy.
 * @throws VnPovertyError as `readXlsxDocument` for bytes that are not a readable workbook (the
 *   same checks: zip, limits, checksums).
 * @example
 * await writeFile('checked.xlsx', await markXlsx(bytes, checkDocument(await readXlsxDocument(bytes))))
 */
export async function markXlsx(bytes: Uint8Array, report: CheckReport): Promise<Uint8Array> {
  const wb = await loadXlsxWorkbook(bytes, report.source ?? 'the workbook', undefined, 'writing');
  for (const f of report.findings) {
    if (f.location.sheet === undefined || f.location.row === undefined || f.location.column === undefined) continue;
    const ws = wb.getWorksheet(f.location.sheet);
    if (ws === undefined) continue;
    const cell = ws.getCell(f.location.row, f.location.column);
    // a fresh style object: exceljs shares one style between the cells read with the same style id
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[f.severity] } } };
    cell.note = findingComment(f).join('\n');
  }
  if (wb.getWorksheet(FINDINGS_SHEET) === undefined) addFindingsSheet(wb, report, true);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * An Excel workbook listing the findings of a check report (one row each: severity, code,
 * location, the quoted text, printed, expected, difference, relation, message), for documents
 * whose own file cannot be marked (plain text).
 * @example
 * await writeFile('findings.xlsx', await findingsWorkbook(checkDocument(readTextDocument(text))))
 */
export async function findingsWorkbook(report: CheckReport): Promise<Uint8Array> {
  const wb = new (await loadExcelJs('writing')).Workbook();
  addFindingsSheet(wb, report, false);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
