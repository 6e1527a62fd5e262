import { fail } from '../errors/VnPovertyError.js';
import { createCsvTokenizer, wrongSeparator, type CsvDelimiter } from './_csvTokenizer.js';

export type { CsvDelimiter } from './_csvTokenizer.js';

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Field separator; `','` unless told. Excel set to Vietnamese often saves with `';'`. */
  readonly delimiter?: CsvDelimiter;
  /** File name used in error messages and issue paths. */
  readonly source?: string;
}

/**
 * Reads CSV text (RFC 4180) into rows of fields: quoted fields may hold commas,
 * line breaks and doubled quotes (`""`); lines end with CRLF, LF or CR; a UTF-8
 * byte-order mark is dropped. Every line break ends a record, so `'a\r\n'` is one
 * row and `'\r\n'` is one row holding one empty field. Nothing is trimmed or converted.
 *
 * @param text - the whole file as a string.
 * @param options - delimiter and a file name for messages.
 * @returns a fresh array of rows, each an array of field strings.
 * @throws VnPovertyError naming the row and column (1-based): `unterminated-quote`,
 *   `unexpected-quote` (a `"` inside an unquoted field), `unexpected-character`
 *   (text after a closing quote).
 * @example
 * parseCsv('\uFEFFxã,hộ nghèo\r\n"Phường 1, Rạch Giá",12\r\n') //=> [['xã', 'hộ nghèo'], ['Phường 1, Rạch Giá', '12']]
 * @see RFC 4180, Common Format and MIME Type for CSV Files, section 2
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  if (typeof text !== 'string') fail({ code: 'invalid-input', path: [], value: text, expected: 'CSV text as a string' });
  const tokenizer = createCsvTokenizer(options);
  const rows = tokenizer.push(text);
  for (const row of tokenizer.end()) rows.push(row);
  return rows;
}

const SEPARATOR_NAMES: Readonly<Record<string, string>> = { ',': '`,`', ';': '`;`', '\t': 'tab' };

/**
 * Refuses a header read as one column that holds another separator: the file was split on the
 * wrong character (a `;` file read with `,`), and every column would look missing.
 *
 * @param header - the first row as read.
 * @param delimiter - the separator it was read with.
 * @param source - file name for the message.
 * @param row - the 1-based row the header was read from (1 unless told).
 * @throws VnPovertyError `wrong-separator`: "the header has one column; is the separator `;`?".
 * @example
 * checkSeparator(['stt;unit;households'], ',') // throws: code 'wrong-separator'
 * checkSeparator(['stt', 'unit'], ',') //=> undefined
 */
export function checkSeparator(header: ReadonlyArray<unknown>, delimiter: CsvDelimiter, source?: string, row = 1): void {
  const wrong = wrongSeparator(header, delimiter);
  if (wrong === undefined) return;
  fail({
    code: 'wrong-separator',
    path: source !== undefined ? [source, row] : [row],
    value: header[0],
    expected: `columns separated by ${SEPARATOR_NAMES[delimiter] ?? delimiter}`,
    message: `${source !== undefined ? `${source}, ` : ''}row ${row}: ${wrong.hint}`,
  });
}

/**
 * Checks that rows read for a table have something to check: not empty, not a header alone,
 * and not split on the wrong separator ({@link checkSeparator}).
 *
 * @throws VnPovertyError `empty-file`, `no-data` ("nothing to check"), `wrong-separator`.
 * @example
 * checkTableRows([['a', 'b'], ['1', '2']], ',', 'bang.csv') //=> undefined
 * checkTableRows([['a', 'b']], ',', 'bang.csv') // throws: code 'no-data'
 */
export function checkTableRows(rows: ReadonlyArray<ReadonlyArray<string>>, delimiter: CsvDelimiter, source?: string): void {
  const name = source ?? 'the table';
  const filled = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (filled.length === 0) fail({ code: 'empty-file', path: source !== undefined ? [source] : [], value: '', expected: 'a header row and data rows', message: `${name} is empty: nothing to check` });
  checkSeparator(filled[0]!, delimiter, source);
  // a title line above the header (“Biểu 02. Vốn theo cấp”, one cell): the header under it tells the separator
  if (filled.length > 1 && filled[0]!.filter((c) => c.trim() !== '').length === 1) checkSeparator(filled[1]!, delimiter, source, rows.indexOf(filled[1]!) + 1);
  if (filled.length === 1) fail({ code: 'no-data', path: source !== undefined ? [source] : [], value: '', expected: 'data rows under the header', message: `${name} has a header but no rows: nothing to check` });
}

/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  /** Field separator; `','` unless told. */
  readonly delimiter?: CsvDelimiter;
  /** Line ending after every row; `'\r\n'` (RFC 4180) unless told. */
  readonly newline?: '\r\n' | '\n';
  /** Start with a UTF-8 byte-order mark so Excel reads Vietnamese letters correctly. Default false. */
  readonly bom?: boolean;
}

/**
 * Writes rows as CSV text (RFC 4180), the inverse of {@link parseCsv}: a field is quoted
 * when it holds the delimiter, a quote or a line break, quotes inside are doubled, and
 * every row ends with the newline.
 *
 * @param rows - rows of field strings; each row needs at least one field.
 * @param options - delimiter, newline and byte-order mark.
 * @throws VnPovertyError `empty-row` for a row with no fields (CSV cannot express it);
 *   `invalid-input` for a field that is not a string.
 * @example
 * formatCsv([['xã', 'ghi chú'], ['Phường 1', 'có "dấu", phẩy']]) //=> 'xã,ghi chú\r\nPhường 1,"có ""dấu"", phẩy"\r\n'
 * @see RFC 4180, section 2
 */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string>>, options: FormatCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  const parts: string[] = options.bom === true ? ['\uFEFF'] : [];
  rows.forEach((row, r) => {
    parts.push(formatCsvRow(row, delimiter, r), newline);
  });
  return parts.join('');
}

/** Formats one row without its line ending; `r` is the 0-based index used in errors. */
export function formatCsvRow(row: ReadonlyArray<string>, delimiter: CsvDelimiter, r: number): string {
  if (row.length === 0) fail({ code: 'empty-row', path: [r], value: row, expected: 'at least one field: CSV cannot write a row with no fields' });
  const out: string[] = [];
  row.forEach((field, c) => {
    if (typeof field !== 'string') fail({ code: 'invalid-input', path: [r, c], value: field, expected: 'a string field' });
    // a leading byte-order mark in the very first field would be dropped by the reader: quote it
    const bomLike = r === 0 && c === 0 && field.charCodeAt(0) === 0xfeff;
    out.push(bomLike || needsQuotes(field, delimiter) ? `"${field.replace(/"/g, '""')}"` : field);
  });
  return out.join(delimiter);
}

function needsQuotes(field: string, delimiter: string): boolean {
  return field.includes(delimiter) || field.includes('"') || field.includes('\n') || field.includes('\r');
}

/**
 * First characters that make a spreadsheet read a CSV cell as a formula (OWASP, CSV injection),
 * possibly after quotes the neutralising itself added.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: when it begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return, a `'` is put in front, so Excel and LibreOffice show it as text instead
 * of running it as a formula (`=HYPERLINK(…)`, `@SUM(…)`). A text that already starts with `'`
 * before such a character gets one more, so {@link restoreCsvFormulaText} always gives the text
 * back. Other text is returned unchanged. The readers take the `'` off again (see `readCell`).
 *
 * @example
 * neutraliseCsvFormula('=1+2') //=> "'=1+2"
 * neutraliseCsvFormula('Phường 1') //=> 'Phường 1'
 * @see OWASP, "CSV Injection" (cells beginning with = + - @ tab or carriage return).
 */
export function neutraliseCsvFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The inverse of {@link neutraliseCsvFormula}: a `'` in front of a formula-like start is taken off.
 * @example
 * restoreCsvFormulaText("'=1+2") //=> '=1+2'
 * restoreCsvFormulaText("'tên") //=> "'tên"
 */
export function restoreCsvFormulaText(text: string): string {
  return text.charCodeAt(0) === 39 && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
