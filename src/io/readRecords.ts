import { VnPovertyError, fail, issue } from '../errors/VnPovertyError.js';
import { basename } from 'node:path';
import { ambiguousDate, cellError, describeCell, isColumnHeader, matchHeader, readCell, type CellPosition, type CellValue, type ColumnSpec, type HeaderMatch } from './columns.js';
import { checkSeparator } from './csv.js';
import { columnLetters } from './_xlsxSheet.js';
import { rowSourceFormat, readRowBatches, type ReadRowsOptions, type RawCell, type RowSource, type SheetRow } from './readRows.js';

/** One data row read under column specs: its row number and a value per matched column. */
export interface TypedRecord {
  /** 1-based row number in the file (the header is row 1, or the first row under a title block). */
  readonly row: number;
  /** The value of each matched column by key (`null` when the cell is empty). Columns the file lacks are absent. */
  readonly values: Readonly<Record<string, CellValue>>;
  /** The row's cells as read, with the `keepCells` option (internal). */
  readonly cells?: ReadonlyArray<RawCell>;
}

/** Options of {@link readRecords}. */
export interface ReadRecordsOptions extends ReadRowsOptions {
  /** Called once with the header match, before the first record (e.g. to warn about ignored columns). */
  readonly onHeader?: (match: HeaderMatch) => void;
  /** Refuse an empty cell in a required column (default true). With false, only the column must exist. */
  readonly requireValues?: boolean;
  /**
   * Yes/no columns are mark columns: `x` (or any yes word) is yes and a blank cell is no, as on
   * a paper form where only the boxes that apply are ticked. Without it a blank cell is unknown
   * (`null`). Default false.
   */
  readonly marks?: boolean;
}

/**
 * Streams the data rows of a CSV or XLSX file as typed records: the first row is the
 * header, matched to `columns` by {@link matchHeader}; each cell is read with its column's
 * hint by {@link readCell}. Blank rows are skipped, and so is a title block above the header:
 * up to 20 rows of one cell each (a title, the unit, the date, as official sheets and the
 * library's own XLSX outputs print them) that name none of the columns and are followed by a
 * row of several cells, the header. A file whose rows all have one cell is read as before, its
 * first row the header. Memory stays bounded however long the file.
 *
 * @param source - a file path (`.csv` or `.xlsx`) or a CSV stream.
 * @param columns - the columns to look for.
 * @param options - format, delimiter, sheet, a name for messages, `onHeader`.
 * @throws VnPovertyError naming file, row and column: `empty-file`, `missing-column`,
 *   `duplicate-column`, `missing-value` (a required cell left empty), any cell error of {@link readCell}.
 * @example
 * for await (const r of readRecords('xa.csv', [{ key: 'poor', hint: 'count', vi: 'Số hộ nghèo', en: 'Poor households' }])) r.values.poor
 * //=> 1171n …
 */
export async function* readRecords(source: RowSource, columns: ReadonlyArray<ColumnSpec>, options: ReadRecordsOptions = {}): AsyncGenerator<TypedRecord> {
  for await (const batch of readRecordBatches(source, columns, options)) yield* batch;
}

/** The records of {@link readRecords} in batches, for bulk consumers. @internal */
export async function* readRecordBatches(
  source: RowSource,
  columnsOrChooser: ReadonlyArray<ColumnSpec> | ((header: ReadonlyArray<RawCell>) => ReadonlyArray<ColumnSpec>),
  options: ReadRecordsOptions = {},
): AsyncGenerator<TypedRecord[]> {
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  const rowOptions: ReadRowsOptions = { ...options, ...(label !== undefined ? { source: label } : {}) };
  let reader: RecordReader | undefined;
  const keepCells = (options as { readonly keepCells?: boolean }).keepCells === true;
  // rows under the header the caller reads as no record (a signature block), before their cells are typed
  const skipRow = (options as { readonly skipRow?: (row: number, cells: ReadonlyArray<RawCell>) => boolean }).skipRow;
  // one-cell rows above the header: a title block, unless no row of several cells follows (a one-column file)
  let titles: SheetRow[] = [];
  const csv = rowSourceFormat(source, options.format) === 'csv';
  let settle: ((r: SheetRow) => SheetRow) | undefined;
  const takeHeader = ({ row, cells }: SheetRow): void => {
    reader = recordReader(cells, columnsOrChooser, label, options, row, csv);
    settle = xlsxRowSettler(reader, label, options.onNote);
    options.onHeader?.(reader.match);
  };
  const record = (sheetRow: SheetRow): TypedRecord => {
    const { row, cells, formats, problems } = sheetRow.sheet !== undefined ? settle!(sheetRow) : sheetRow;
    const r = reader!.read(row, cells, formats, problems);
    return keepCells ? Object.freeze({ ...r, cells }) : r;
  };
  /** No header under the one-cell rows: the first of them is the header after all, the others data. */
  const replayTitles = (): TypedRecord[] => {
    const [first, ...rest] = titles;
    titles = [];
    if (first === undefined) return [];
    takeHeader(first);
    return rest.map(record);
  };
  for await (const rows of readRowBatches(source, rowOptions)) {
    const batch: TypedRecord[] = [];
    for (const r of rows) {
      if (isBlank(r.cells)) continue;
      if (reader === undefined) {
        if (filledCells(r.cells) === 1 && !namesAColumn(r.cells, columnsOrChooser)) {
          titles.push(r);
          if (titles.length > MAX_TITLE_LINES) batch.push(...replayTitles());
          continue;
        }
        if (titles.length > 0 && filledCells(r.cells) === 1) {
          batch.push(...replayTitles(), record(r));
          continue;
        }
        titles = [];
        takeHeader(r);
        continue;
      }
      if (skipRow !== undefined && skipRow(r.row, r.cells)) continue;
      batch.push(record(r));
    }
    if (batch.length > 0) yield batch;
  }
  if (reader === undefined && titles.length > 0) {
    const last = replayTitles();
    if (last.length > 0) yield last;
  }
  if (reader === undefined) {
    fail({ code: 'empty-file', path: label !== undefined ? [label] : [], value: '', expected: 'a header row naming the columns', message: `${label ?? 'the input'} is empty: no header row naming the columns` });
  }
}

/** Whether a one-cell row names one of the columns (then it is the header of a one-column table, not a title). */
function namesAColumn(cells: ReadonlyArray<RawCell>, columns: ReadonlyArray<ColumnSpec> | ((header: ReadonlyArray<RawCell>) => ReadonlyArray<ColumnSpec>)): boolean {
  if (typeof columns === 'function') return false;
  const text = cells.find((c) => c !== null && !(typeof c === 'string' && c.trim() === ''));
  return text !== undefined && isColumnHeader(String(text), columns);
}

/** The most title lines skipped above a header. */
const MAX_TITLE_LINES = 20;

function filledCells(cells: ReadonlyArray<RawCell>): number {
  let n = 0;
  for (const c of cells) if (c !== null && !(typeof c === 'string' && c.trim() === '')) n++;
  return n;
}

/** Reads the data rows of a file under its header's column match. @internal */
export interface RecordReader {
  readonly match: HeaderMatch;
  /** The matched columns, their 0-based indexes and headers as printed, in the order cells are read. */
  readonly specs: readonly ColumnSpec[];
  readonly indexes: readonly number[];
  readonly headers: readonly string[];
  /** The header row's cells and its row number in the file. */
  readonly header: ReadonlyArray<RawCell>;
  readonly headerRow: number | undefined;
  read(row: number, cells: ReadonlyArray<RawCell>, formats?: ReadonlyArray<string | undefined>, problems?: ReadonlyArray<string | undefined>): TypedRecord;
}

/**
 * Matches a header row (checking the separator first) and returns the reader of its data rows:
 * what {@link readRecords} does with each row. @internal
 */
export function recordReader(
  header: ReadonlyArray<RawCell>,
  columnsOrChooser: ReadonlyArray<ColumnSpec> | ((header: ReadonlyArray<RawCell>) => ReadonlyArray<ColumnSpec>),
  label: string | undefined,
  options: Pick<ReadRecordsOptions, 'delimiter' | 'requireValues' | 'marks' | 'onNote'>,
  row?: number,
  csv = false,
): RecordReader {
  checkSeparator(header, options.delimiter ?? ',', label);
  const columns = typeof columnsOrChooser === 'function' ? columnsOrChooser(header) : columnsOrChooser;
  const match = matchHeader(header, columns, label, row);
  // the matched columns as parallel arrays: spec, 0-based index, header as printed
  const specs = columns.filter((spec) => match.index[spec.key] !== undefined);
  const indexes = specs.map((spec) => match.index[spec.key]!);
  const headers = indexes.map((i, k) => (header[i] === null || header[i] === undefined ? specs[k]!.vi : String(header[i])));
  const requireValues = options.requireValues !== false;
  const marks = options.marks === true;
  // a date typed as text that reads two ways (05/06/2023) is read day first and said, once per column
  const dateSaid = new Set<number>();
  const sayDate = (at: CellPosition, raw: RawCell, value: CellValue): void => {
    if (options.onNote === undefined || dateSaid.has(at.column) || typeof raw !== 'string') return;
    const two = ambiguousDate(raw);
    if (two === undefined || two.read !== value) return;
    dateSaid.add(at.column);
    options.onNote(`${describeCell(at)}: "${raw.trim()}" is read day first, as Vietnamese dates are written: ${spelledDate(two.read)}, not ${spelledDate(two.other)} (month first, as US English writes it); the column's other dates that read both ways are read day first too: if they were typed month first, correct them (write them as YYYY-MM-DD, or day first)`);
  };
  return {
    match,
    specs,
    indexes,
    headers,
    header,
    headerRow: row,
    read(row, cells, formats, problems) {
      if (csv && cells.length !== header.length) assertRowWidth(row, cells, header, label);
      const values: Record<string, CellValue> = {};
      for (let k = 0; k < specs.length; k++) {
        const spec = specs[k]!;
        const i = indexes[k]!;
        const at = { source: label, row, column: i + 1, header: headers[k]! };
        const problem = problems?.[i];
        if (problem !== undefined) throw cellError(at, new VnPovertyError([issue({ code: 'unreadable-cell', path: [], value: null, expected: 'a value saved in the cell', message: problem })]));
        let value = readCell(cells[i] ?? null, spec, at, formats?.[i]);
        if (spec.hint === 'date' && value !== null) sayDate(at, cells[i] ?? null, value);
        if (value === null && marks && spec.hint === 'boolean') value = false;
        if (value === null && requireValues && spec.required === true) {
          throw cellError(at, new VnPovertyError([issue({ code: 'missing-value', path: [], value: '', expected: `a value for “${spec.vi}” (${spec.en})` })]));
        }
        values[spec.key] = value;
      }
      return Object.freeze({ row, values: Object.freeze(values) });
    },
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** `2023-06-05` as `5 June 2023 (2023-06-05)`: a reading no one can take the wrong way. */
const spelledDate = (iso: string): string => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)} (${iso})`;

const blankCell = (c: RawCell | undefined): boolean => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/**
 * Refuses a CSV row whose cells do not line up with the header: a value past the last column
 * (a figure such as `1,5` or a name with a comma left unquoted splits one cell in two and moves
 * every cell after it one column right), or a row cut short under named columns (a separator
 * missing: the cells after it would be read under the wrong headers, or as blanks). Empty cells
 * past the header (a separator at the end of every line) and a short row under unnamed columns
 * are fine. RFC 4180 §2.4: each record has the same number of fields. @internal
 * @throws VnPovertyError `row-width`, naming the file, the row, and the first column out of line.
 * @example
 * assertRowWidth(2, ['H1', '1', '5 triệu'], ['Mã hộ', 'Thu nhập'], 'ho.csv') // throws: ho.csv, row 2: 3 cells under a header of 2…
 */
export function assertRowWidth(row: number, cells: ReadonlyArray<RawCell>, header: ReadonlyArray<RawCell>, label: string | undefined): void {
  const name = label ?? 'the input';
  if (cells.length > header.length) {
    const extra = cells.findIndex((c, i) => i >= header.length && !blankCell(c));
    if (extra < 0) return;
    const shown = String(cells[extra]).slice(0, 40);
    fail({
      code: 'row-width',
      path: label !== undefined ? [label, row, extra + 1] : [row, extra + 1],
      value: cells.length,
      expected: `${header.length} cells, as in the header`,
      message: `${name}, row ${row}: ${cells.length} cells under a header of ${header.length}; column ${extra + 1} (${JSON.stringify(shown)}) has no header. A value holding the separator was not quoted (a figure such as 1,5, or a name with a comma?), which moves every cell after it one column right: quote it ("1,5") or save the file again from the spreadsheet`,
    });
  }
  const missing = header.findIndex((h, i) => i >= cells.length && !blankCell(h));
  if (missing < 0) return;
  fail({
    code: 'row-width',
    path: label !== undefined ? [label, row, cells.length + 1] : [row, cells.length + 1],
    value: cells.length,
    expected: `${header.length} cells, as in the header`,
    message: `${name}, row ${row}: ${cells.length} cells under a header of ${header.length}; column ${missing + 1} (${String(header[missing]).slice(0, 40)}) and those after it are missing (a separator missing, or the row cut short?): write every cell, empty ones too, or save the file again from the spreadsheet`,
  });
}

/** What {@link xlsxRowSettler} needs of a header: its cells and row, and the columns read (a {@link RecordReader} has them). @internal */
export interface XlsxRowColumns {
  readonly header: ReadonlyArray<RawCell>;
  readonly headerRow: number | undefined;
  readonly specs: ReadonlyArray<Pick<ColumnSpec, 'key' | 'hint'>>;
  readonly indexes: readonly number[];
  readonly headers: readonly string[];
}

/** The column hints whose cells a merged range may fill: text (ids, names, areas, villages) and dates. */
const FILLABLE: ReadonlySet<string> = new Set(['text', 'date']);

/** Merged ranges named one by one in the notes; the others are counted in one more note. */
const MERGE_NOTES = 5;

/**
 * What a typed reader does with an XLSX data row before reading its cells (a row with `sheet`
 * set): refuses a value in a column to the right of the header (the rule `assertRowWidth`
 * applies to CSV: the value would be dropped), and settles the cells a merged range covers
 * (Excel stores the range's value in its first cell and shows it over all of them, ECMA-376
 * §18.3.1.55). Under a text or date column, or one the reader passes through, a covered cell
 * reads as the range's value, said once per range in a note ("cells B5:B12 are merged…"); under
 * a count, amount, rate or yes/no column it is refused naming the range, since one figure shown
 * over several rows may be each row's or their total, and filling it would guess. A covered
 * cell that holds a value of its own keeps it. @internal
 * @throws VnPovertyError `row-width` naming the cell; `merged-cell` naming the cell and the range.
 * @example
 * xlsxRowSettler(reader, 'ho.xlsx', console.log)({ row: 6, cells, formats: [], sheet: 'DS', merged }) //=> the row with B6 read as “Thôn 1”
 */
export function xlsxRowSettler(reader: XlsxRowColumns, label: string | undefined, onNote: ((note: string) => void) | undefined): (r: SheetRow) => SheetRow {
  const name = label ?? 'the input';
  const kindAt = new Map<number, { hint: string; header: string }>();
  reader.indexes.forEach((i, k) => kindAt.set(i, { hint: reader.specs[k]!.hint, header: reader.headers[k]! }));
  const noted = new Set<string>();
  let more = false;
  const idAt = reader.indexes[reader.specs.findIndex((spec) => spec.key === 'id')];
  // the first row of the run of rows with the household id of the last row read
  let lastId: string | undefined;
  let sameIdSince = Number.POSITIVE_INFINITY;
  const track = (row: number, cells: ReadonlyArray<RawCell>): void => {
    if (idAt === undefined) return;
    const id = blankCell(cells[idAt]) ? undefined : String(cells[idAt]).trim();
    if (id === undefined || id !== lastId) sameIdSince = id === undefined ? Number.POSITIVE_INFINITY : row;
    lastId = id;
  };
  return (r) => {
    const { row, cells } = r;
    const sheet = r.sheet!;
    const width = reader.header.length;
    for (let i = width; i < cells.length; i++) {
      if (blankCell(cells[i]) && r.problems?.[i] === undefined) continue;
      const ref = `${sheet}!${columnLetters(i + 1)}${row}`;
      const shown = r.problems?.[i] !== undefined ? 'a value' : `“${String(cells[i] instanceof Date ? (cells[i] as Date).toISOString().slice(0, 10) : cells[i]).slice(0, 40)}”`;
      fail({
        code: 'row-width',
        path: label !== undefined ? [label, row, i + 1] : [row, i + 1],
        value: String(cells[i]).slice(0, 40),
        expected: `a value under one of the ${width} columns of the header`,
        message: `${name}, row ${row}: cell ${ref} holds ${shown} but column ${columnLetters(i + 1)} has no header (the header${reader.headerRow !== undefined ? ` on row ${reader.headerRow}` : ''} ends at column ${columnLetters(width)}), so the value would be dropped: give the column a header, or clear the cell`,
      });
    }
    const merged = r.merged;
    if (merged === undefined) {
      track(row, cells);
      return r;
    }
    const filled = [...cells];
    const formats = [...r.formats];
    const problems = [...(r.problems ?? [])];
    const fill = (i: number): void => {
      const m = merged[i];
      if (m === undefined || !blankCell(cells[i]) || (blankCell(m.value) && m.problem === undefined)) return;
      const kind = kindAt.get(i);
      const where = m.top === m.bottom ? `columns ${columnLetters(m.left)}–${columnLetters(m.right)} of row ${m.top}` : m.left === m.right ? `rows ${m.top}–${m.bottom} of column ${columnLetters(m.left)}` : `rows ${m.top}–${m.bottom}, columns ${columnLetters(m.left)}–${columnLetters(m.right)}`;
      const shown = m.problem !== undefined ? 'a value it cannot read' : `“${String(m.value instanceof Date ? m.value.toISOString().slice(0, 10) : m.value).slice(0, 40)}”`;
      // a figure merged over the member rows of one household (the same id on each row) is that household's, on each of its rows
      if (kind !== undefined && !FILLABLE.has(kind.hint) && sameIdSince > m.top) {
        fail({
          code: 'merged-cell',
          path: label !== undefined ? [label, row, i + 1] : [row, i + 1],
          value: m.ref,
          expected: 'one value per row (cells not merged)',
          message: `${name}, row ${row}, column ${i + 1} (${kind.header}): cell ${sheet}!${columnLetters(i + 1)}${row} is part of the merged cells ${sheet}!${m.ref} (${where}), which show ${shown} once over all of them: a figure or a yes/no merged over several households may be each one's or their total, so it is not read by guessing; unmerge the cells (Home › Merge & Center › Unmerge Cells) and write the value on each row`,
        });
      }
      filled[i] = m.value;
      formats[i] = m.format;
      problems[i] = m.problem;
      if (noted.has(m.ref)) return;
      if (noted.size < MERGE_NOTES) {
        noted.add(m.ref);
        onNote?.(`${name}: cells ${sheet}!${m.ref} are merged: read as ${shown} on each of ${where}`);
      } else if (!more) {
        more = true;
        onNote?.(`${name}: further merged cells (the next is ${sheet}!${m.ref}) are read the same way, their value on each cell they cover`);
      }
    };
    // text columns first: the household id a merge fills decides whether a figure's merge stays within one household
    for (let i = 0; i < merged.length; i++) if (FILLABLE.has(kindAt.get(i)?.hint ?? 'text')) fill(i);
    track(row, filled);
    for (let i = 0; i < merged.length; i++) if (!FILLABLE.has(kindAt.get(i)?.hint ?? 'text')) fill(i);
    return { ...r, cells: filled, formats, problems };
  };
}

/** Whether a row holds nothing but blanks. @internal */
export function isBlank(cells: ReadonlyArray<RawCell>): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

