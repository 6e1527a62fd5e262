/**
 * The limits the file readers apply, so that a broken or hostile file cannot exhaust memory,
 * disk or time. Over a limit, reading stops with an error naming the limit (and the row, for CSV).
 */

/**
 * The longest field the CSV reader accepts by default: 1 MiB of text (1,048,576 characters).
 * A register cell is a few dozen characters; a longer one is a broken file (an unclosed quote
 * swallowing the rest of it) and is refused with `field-too-long`, naming the row.
 * @example
 * CSV_MAX_FIELD_LENGTH //=> 1048576
 */
export const CSV_MAX_FIELD_LENGTH = 1_048_576;

/**
 * The longest record (line) the CSV reader accepts by default: 4 MiB of text; `record-too-long` beyond.
 * @example
 * CSV_MAX_RECORD_LENGTH //=> 4194304
 */
export const CSV_MAX_RECORD_LENGTH = 4 * 1_048_576;

/** Limits on what an XLSX reader unpacks. */
export interface XlsxLimits {
  /** Largest .xlsx file (compressed), in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of the workbook's unpacked parts, in bytes. */
  readonly maxUncompressedBytes: number;
  /** Largest unpacked shared-strings part (kept in memory while reading), in bytes. */
  readonly maxSharedStringsBytes: number;
  /** Most parts (files) in the workbook's zip. */
  readonly maxEntries: number;
  /** Most cells read from the sheet, empty cells inside a row included. */
  readonly maxCells: number;
}

/**
 * The limits the XLSX readers apply unless told otherwise: a 512 MiB file, 2 GiB unpacked in
 * total, 512 MiB of shared strings, 10,000 parts and 100 million cells (an XLSX sheet holds at
 * most 1,048,576 rows; a national register belongs in CSV). Every part is also unpacked once,
 * without being kept, to check that it is no larger than its zip directory says and that its
 * checksum is right (a zip that lies about its sizes is a "zip bomb"). Over a limit, reading
 * stops with `xlsx-limit` naming it. Pass `limits` to a reader to change them.
 * @example
 * XLSX_READ_LIMITS.maxCells //=> 100000000
 */
export const XLSX_READ_LIMITS: XlsxLimits = Object.freeze({
  maxFileBytes: 512 * 1024 * 1024,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  maxSharedStringsBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxCells: 100_000_000,
});

/**
 * The limits for workbooks read whole (a printed table for `reconcile`, a plan for `check`, the
 * copies they mark up): exceljs holds every cell of such a workbook in memory, so they are lower
 * than {@link XLSX_READ_LIMITS}: a 32 MiB file, 64 MiB unpacked in total and 32 MiB of shared
 * strings, 2,000 parts and 1 million cells in all its sheets (a printed table has hundreds). The
 * cells are counted while the zip is checked, before exceljs reads it. Over a limit: `xlsx-limit`
 * naming it. A register belongs in the streaming readers (`readRows`, `readHouseholdRegister`).
 * @example
 * XLSX_TABLE_LIMITS.maxCells //=> 1000000
 */
export const XLSX_TABLE_LIMITS: XlsxLimits = Object.freeze({
  maxFileBytes: 32 * 1024 * 1024,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxSharedStringsBytes: 32 * 1024 * 1024,
  maxEntries: 2_000,
  maxCells: 1_000_000,
});

/** Limits on what the DOCX reader unpacks. */
export interface DocxLimits {
  /** Largest .docx file (compressed), in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of the document's unpacked parts (text, styles, pictures…), in bytes. */
  readonly maxUncompressedBytes: number;
  /** Largest single unpacked part, in bytes (`word/document.xml` is parsed whole). */
  readonly maxPartBytes: number;
  /** Most parts (files) in the document's zip. */
  readonly maxEntries: number;
  /** Most cells in one table's grid, rows × columns (a cell spanning `w:gridSpan="1000000"` widens every row). */
  readonly maxTableCells: number;
}

/**
 * The limits the DOCX reader (and `markDocx`) applies unless told otherwise: a 64 MiB file, 256
 * MiB unpacked in total, 32 MiB per part (a 100-page plan's `word/document.xml` is a few MiB),
 * 5,000 parts, 1,000,000 cells in one table's grid. As for XLSX, every part is unpacked once to check that it is exactly the size its
 * zip directory records and that its checksum is right; a part that unpacks further is refused
 * before it is all in memory. Over a limit: `docx-limit` naming it.
 * @example
 * DOCX_READ_LIMITS.maxPartBytes //=> 33554432
 */
export const DOCX_READ_LIMITS: DocxLimits = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxPartBytes: 32 * 1024 * 1024,
  maxEntries: 5_000,
  maxTableCells: 1_000_000,
});

/**
 * The largest text file read whole (a printed table for `reconcile`): 64 MiB; `file-too-large` beyond.
 * @example
 * MAX_WHOLE_FILE_BYTES //=> 67108864
 */
export const MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024;
