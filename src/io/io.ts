/**
 * vn-poverty/io: the Node-only file formats. Reads household registers, plan tables and
 * administrative units from CSV and XLSX (streaming, bounded memory), and writes classified
 * households, area summaries and reconciliation reports to CSV and XLSX with headers in
 * Vietnamese and English and Vietnamese number formatting. The core (`vn-poverty`) never
 * imports this entry.
 *
 * @packageDocumentation
 */

// --- CSV text ---------------------------------------------------------------
export { parseCsv, formatCsv, neutraliseCsvFormula, restoreCsvFormulaText, checkSeparator, checkTableRows } from './csv.js';
export { sniffDelimiter } from './_csvTokenizer.js';
export type { ParseCsvOptions, FormatCsvOptions, CsvDelimiter } from './csv.js';

// --- rows, typed columns and records -------------------------------------------
export { readRows, formatOfPath } from './readRows.js';
export type { RawCell, SheetRow, RowSource, FileFormat, ReadRowsOptions } from './readRows.js';
export type { XlsxMergedCell } from './_excel.js';
export { readCell, matchHeader, normalizeHeader } from './columns.js';
export type { ColumnHint, CellValue, ColumnSpec, CellPosition, HeaderMatch } from './columns.js';
export { readRecords } from './readRecords.js';
export type { TypedRecord, ReadRecordsOptions } from './readRecords.js';

// --- domain readers ---------------------------------------------------------
export { readHouseholdRegister, registerError, HOUSEHOLD_REGISTER_COLUMNS } from './readHouseholdRegister.js';
export type { RegisterHousehold, ReadHouseholdRegisterOptions, RegisterIncomeColumn, RegisterLayout } from './readHouseholdRegister.js';
export { readRegisterBatches } from './readRegisterBatches.js';
export type { ReadRegisterBatchesOptions, RegisterFileBatch, RegisterFileLayout, RegisterTotalsCheck, SkippedRegisterRow } from './readRegisterBatches.js';
export { classifyRegisterFile } from './classifyRegisterFile.js';
export type { ClassifyRegisterFileOptions, RegisterFileFailure, RegisterScoreFinding, RegisterFileSummary, RegisterFileHousehold } from './classifyRegisterFile.js';
export { REGISTER_REPORT_COLUMNS, REGISTER_SCORE_COLUMNS, SUPPORT_KINDS, SUPPORT_KIND_LABELS_VI } from './registerColumns.js';
export type { RegisterExtras, SupportKind } from './registerColumns.js';
export { registerOutputColumns, REGISTER_RESULT_COLUMNS, SCORE_RESULT_COLUMNS, REGISTER_EXTRA_COLUMNS } from './registerOutputColumns.js';
export type { RegisterOutputRow } from './registerOutputColumns.js';
export { readAmountHeader, isIncomeHeader } from './amountHeader.js';
export type { AmountHeader, AmountPeriod } from './amountHeader.js';

// --- limits on what the readers accept -----------------------------------------
export { CSV_MAX_FIELD_LENGTH, CSV_MAX_RECORD_LENGTH, XLSX_READ_LIMITS, MAX_WHOLE_FILE_BYTES } from './readLimits.js';
export type { XlsxLimits } from './readLimits.js';
export { XLSX_TABLE_LIMITS, DOCX_READ_LIMITS } from './readLimits.js';
export type { DocxLimits } from './readLimits.js';
export { readPlanTable, countClassifiedHouseholds, readAdminUnits, PLAN_TABLE_COLUMNS, ADMIN_UNIT_COLUMNS } from './readAreaTables.js';
export type { ReadPlanTableOptions, CountBy, CountClassifiedHouseholdsOptions } from './readAreaTables.js';
export { countClassifiedGroups } from './readAreaTables.js';
export type { ClassifiedGroup } from './readAreaTables.js';
export { writeRegisterTemplate } from './writeRegisterTemplate.js';
export type { WriteRegisterTemplateOptions } from './writeRegisterTemplate.js';

// --- writers ----------------------------------------------------------------
export { openTableWriter, writeTable, columnSpecsOf, columnHeader, formatCellText, XLSX_MAX_DATA_ROWS } from './tableWriter.js';
export type { TableColumn, TableWriter, TableWriterOptions, TableTarget, HeaderLanguage, OutputValue } from './tableWriter.js';
export { MAX_PLAUSIBLE_MEMBERS, MIN_PLAUSIBLE_DONG_FIGURE, MAX_PLAUSIBLE_DONG_FIGURE, type PlausibleBounds } from './plausibleBounds.js';
export { CLASSIFIED_HOUSEHOLD_COLUMNS, AREA_SUMMARY_COLUMNS, areaSummaryColumns, RECONCILIATION_REPORT_COLUMNS } from './outputColumns.js';
export type { ClassifiedHouseholdRow, AreaSummaryRow, SummaryLevel } from './outputColumns.js';

// --- whole documents (DOCX, XLSX, text) and marked-up copies ---------------------
export { readDocument, documentFromBytes, documentFormatOf } from './readDocument.js';
export type { ReadDocumentOptions, DocumentFileFormat } from './readDocument.js';
export { readTextDocument } from './readTextDocument.js';
export type { ReadTextDocumentOptions } from './readTextDocument.js';
export { readDocxDocument } from './readDocxDocument.js';
export type { ReadDocxDocumentOptions } from './readDocxDocument.js';
export { readXlsxDocument, xlsxCellText } from './readXlsxDocument.js';
export type { XlsxCellValue } from './_xlsxCellValue.js';
export type { ReadXlsxDocumentOptions } from './readXlsxDocument.js';
export { markDocx, findingComment } from './writeCheckedDocx.js';
export type { MarkDocxOptions, MarkedDocx } from './writeCheckedDocx.js';
export { markXlsx, findingsWorkbook } from './writeCheckedXlsx.js';
// --- printed tables: sheet grids and marked-up copies ----------------------------
export { readSheetGrid, xlsxNumberText } from './readSheetGrid.js';
export type { SheetGrid, SheetCellLook, ReadSheetGridOptions, MergedRange } from './readSheetGrid.js';
export { writeMarkedUpCopy, markedUpCopy, cellAddress, MARK_FILLS, FINDINGS_SHEET } from './writeMarkedUpCopy.js';
export type { MarkedUpSource } from './writeMarkedUpCopy.js';
export { areaSummaryLayout, AREA_SUMMARY_SPEC } from './areaSummaryLayout.js';
// --- long results tables (measures) -----------------------------------------
export { writeLongTable, longTableColumns } from './writeLongTable.js';
export type { WriteLongTableOptions } from './writeLongTable.js';
export { measuresSpec } from './measuresSpec.js';
export type { MeasuresSpec, SpecIndicator } from './measuresSpec.js';
export { readMeasuresData } from './readMeasuresData.js';
export type { ReadMeasuresDataOptions, MeasuresData } from './readMeasuresData.js';
// --- review reports: classified registers in, printed reports out ---------------
export { readReviewedHouseholds } from './readReviewedHouseholds.js';
export type { ReadReviewedHouseholdsOptions, ReviewedRegister } from './readReviewedHouseholds.js';
export { REVIEWED_HOUSEHOLD_COLUMNS } from './reviewedHouseholdColumns.js';
export type { ReviewedField } from './reviewedHouseholdColumns.js';
export { writeReportTable, writeReportWorkbook } from './writeReportTable.js';
export type { ReportSheet, WriteReportTableOptions } from './writeReportTable.js';
