import { VnPovertyError, issue } from '../errors/VnPovertyError.js';

/** A field separator the CSV reader and writer understand. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Where a tokenizer error happened, for messages that name the file, row and column. */
export interface CsvPosition {
  /** File name or other label of the source, when known. */
  readonly source?: string;
  /** 1-based record number, as a spreadsheet shows it (the header is row 1). */
  readonly row: number;
  /** 1-based column number. */
  readonly column: number;
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Composes "file.csv, row 3, column 2" (the file only when known). */
export function describePosition(at: CsvPosition, columnName?: string): string {
  const col = columnName !== undefined ? `column ${at.column} (${columnName})` : `column ${at.column}`;
  return `${at.source !== undefined ? `${at.source}, ` : ''}row ${at.row}, ${col}`;
}

/** The issue path of a position: `[source?, row, column]`, row and column 1-based. */
export function positionPath(at: CsvPosition, columnName?: string): ReadonlyArray<string | number> {
  const column = columnName ?? at.column;
  return at.source !== undefined ? [at.source, at.row, column] : [at.row, column];
}

function csvError(code: string, at: CsvPosition, value: string, expected: string, what: string): VnPovertyError {
  return new VnPovertyError([
    issue({ code, path: positionPath(at), value, expected, message: `${describePosition(at)}: ${what}` }),
  ]);
}

/** Result of one scan: complete rows and where the unfinished rest begins. */
interface Scan {
  readonly rows: string[][];
  readonly next: number;
}

/**
 * Reads complete RFC 4180 records from `text`. When `final` is false, a record that
 * may continue in the next chunk is left unread and `next` points at its start.
 */
function scan(text: string, final: boolean, delimiter: number, firstRow: number, source: string | undefined): Scan {
  const rows: string[][] = [];
  const n = text.length;
  let pos = 0;
  const at = (column: number): CsvPosition =>
    source !== undefined ? { source, row: firstRow + rows.length, column } : { row: firstRow + rows.length, column };
  records: while (pos < n) {
    const rowStart = pos;
    const row: string[] = [];
    for (;;) {
      let end: number; // index just after the field (at a delimiter, CR, LF or n)
      if (text.charCodeAt(pos) === QUOTE) {
        let value = '';
        let p = pos + 1;
        for (;;) {
          const q = text.indexOf('"', p);
          if (q === -1) {
            if (!final) return { rows, next: rowStart };
            throw csvError('unterminated-quote', at(row.length + 1), text.slice(pos, pos + 40), 'a closing double quote (")', 'a quoted field is never closed');
          }
          value += text.slice(p, q);
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            p = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) return { rows, next: rowStart }; // the next chunk may double it
          p = q + 1;
          break;
        }
        row.push(value);
        end = p;
        if (end < n) {
          const c = text.charCodeAt(end);
          if (c !== delimiter && c !== LF && c !== CR) {
            throw csvError(
              'unexpected-character',
              at(row.length),
              text.slice(pos, Math.min(n, end + 10)),
              'a delimiter or the end of the line after a closing quote',
              `text after the closing quote of a quoted field (${JSON.stringify(text[end])})`,
            );
          }
        }
      } else {
        let p = pos;
        while (p < n) {
          const c = text.charCodeAt(p);
          if (c === delimiter || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw csvError(
              'unexpected-quote',
              at(row.length + 1),
              text.slice(pos, Math.min(n, p + 10)),
              'a double quote only around a whole field (write "" for a quote inside a quoted field)',
              'a double quote inside an unquoted field',
            );
          }
          p++;
        }
        row.push(text.slice(pos, p));
        end = p;
      }
      if (end >= n) {
        if (!final) return { rows, next: rowStart };
        rows.push(row);
        pos = n;
        break records;
      }
      const c = text.charCodeAt(end);
      if (c === delimiter) {
        pos = end + 1;
        continue;
      }
      if (c === LF) {
        pos = end + 1;
      } else if (end + 1 < n) {
        pos = text.charCodeAt(end + 1) === LF ? end + 2 : end + 1; // CRLF or a lone CR
      } else {
        if (!final) return { rows, next: rowStart }; // a CR whose LF may come next
        pos = end + 1;
      }
      rows.push(row);
      continue records;
    }
  }
  return { rows, next: pos };
}

/** An incremental RFC 4180 reader: feed it chunks, it hands back complete records. */
export interface CsvTokenizer {
  /** Adds a chunk of text and returns the records it completed. */
  push(chunk: string): string[][];
  /** Ends the input and returns the last record, if any. Throws on an unterminated quote. */
  end(): string[][];
  /** Records returned so far. */
  readonly rowCount: number;
}

/** Options of {@link createCsvTokenizer}. */
export interface CsvTokenizerOptions {
  readonly delimiter?: CsvDelimiter;
  readonly source?: string;
}

/**
 * Makes the one CSV tokenizer shared by `parseCsv` (one chunk) and the streaming readers.
 * A UTF-8 byte-order mark at the very start is dropped.
 */
export function createCsvTokenizer(options: CsvTokenizerOptions = {}): CsvTokenizer {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const source = options.source;
  let pending = '';
  let started = false;
  let rowCount = 0;
  const run = (text: string, final: boolean): string[][] => {
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const { rows, next } = scan(text, final, delimiter, rowCount + 1, source);
    pending = next < text.length ? text.slice(next) : '';
    rowCount += rows.length;
    return rows;
  };
  return {
    push: (chunk) => run(pending + chunk, false),
    end: () => {
      const rows = run(pending, true);
      pending = '';
      return rows;
    },
    get rowCount() {
      return rowCount;
    },
  };
}
