import { VnPovertyError, issue, shortText } from '../errors/VnPovertyError.js';
import { CSV_MAX_FIELD_LENGTH, CSV_MAX_RECORD_LENGTH } from './readLimits.js';

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

const SEPARATOR_NAMES: Readonly<Record<string, string>> = { ',': '`,`', ';': '`;`', '\t': 'tab' };

/**
 * The separators other than `delimiter` a header read with `delimiter` may have been split by,
 * the most frequent first: those that occur in a one-column header, or at least once per column
 * read — a header cell with a comma of its own (“Vốn lồng ghép, huy động”) splits a `;` header in
 * two, never in as many columns as its `;` make. The rule behind {@link wrongSeparator}.
 * @example
 * separatorCandidates(['Mã hộ\tKhu vực'], ',') //=> ['\t']
 */
export function separatorCandidates(header: ReadonlyArray<unknown> | undefined, delimiter: CsvDelimiter): CsvDelimiter[] {
  if (header === undefined || header.length === 0 || header.some((c) => typeof c !== 'string')) return [];
  const cells = header as readonly string[];
  const text = cells.join('');
  const times = (d: string): number => text.split(d).length - 1;
  const others = ([';', '\t', ','] as const).filter((d) => d !== delimiter && (cells.length > 1 ? d !== ',' : true));
  return others.filter((d) => (cells.length === 1 ? times(d) > 0 : times(d) >= cells.length)).sort((a, b) => times(b) - times(a));
}

/**
 * When a header was read with the wrong separator (a `;` file read with `,`): that separator, its
 * name for messages and the hint; else undefined ({@link separatorCandidates}).
 */
export function wrongSeparator(header: ReadonlyArray<unknown> | undefined, delimiter: CsvDelimiter): { readonly other: CsvDelimiter; readonly hint: string } | undefined {
  const other = separatorCandidates(header, delimiter)[0];
  if (other === undefined) return undefined;
  const cells = header as readonly string[];
  const times = cells.join('').split(other).length - 1;
  const read = cells.length === 1 ? 'the header has one column' : `the header has ${cells.length} columns and ${times} ${SEPARATOR_NAMES[other]!} in its text`;
  return { other, hint: `${read}; is the separator ${SEPARATOR_NAMES[other]!}? (say so with --delimiter ${other === '\t' ? 'tab' : `'${other}'`}, or the delimiter option)` };
}

/** How often each separator occurs outside quotes on a line, and the line's number. */
interface SeparatorCounts {
  readonly line: number;
  readonly times: Readonly<Record<CsvDelimiter, number>>;
}

/** The first `max` lines of a text that hold a separator outside quotes, counted. */
function separatedLines(text: string, max: number): SeparatorCounts[] {
  const found: SeparatorCounts[] = [];
  let times = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length && found.length < max; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ',' || c === ';' || c === '\t') times[c]++;
    else if (c === '\n' || c === '\r') {
      if (times[','] + times[';'] + times['\t'] > 0) found.push({ line, times });
      if (c === '\r' && text[i + 1] === '\n') i++;
      times = { ',': 0, ';': 0, '\t': 0 };
      line++;
    }
  }
  return found;
}

/**
 * The separator of a delimited text told from its first line that holds one (a title line of one
 * cell above the header is passed over): the one that occurs most often outside quotes there (a
 * header cell “Vốn lồng ghép, huy động” of a tab file holds a comma; Excel's "Unicode Text" and
 * "Text (Tab delimited)" are tab-separated, Excel set to Vietnamese writes `;`); when two are as
 * frequent, the one as frequent on the next line; `,` for a text with none. `head` may be cut
 * anywhere after the second such line.
 * @throws VnPovertyError `ambiguous-separator` when that does not tell them apart, naming both:
 *   give --delimiter.
 * @example
 * sniffDelimiter('Mã hộ\tKhu vực\r\nH1\tnông thôn\r\n') //=> '\t'
 * sniffDelimiter('Mã hộ,Khu vực\nH1,nông thôn\n') //=> ','
 */
export function sniffDelimiter(head: string, source?: string): CsvDelimiter {
  const [first, next] = separatedLines(head, 2);
  if (first === undefined) return ',';
  const ranked = ([',', ';', '\t'] as const).filter((d) => first.times[d] > 0).sort((x, y) => first.times[y] - first.times[x]);
  const top = ranked.filter((d) => first.times[d] === first.times[ranked[0]!]);
  if (top.length === 1) return top[0]!;
  const steady = next === undefined ? [] : top.filter((d) => next.times[d] === first.times[d]);
  if (steady.length === 1) return steady[0]!;
  const names = top.map((d) => SEPARATOR_NAMES[d]!);
  const say = top.map((d) => `--delimiter ${d === '\t' ? 'tab' : `'${d}'`}`);
  const where = `${source !== undefined ? `${source}, ` : ''}row ${first.line}`;
  throw new VnPovertyError([
    issue({
      code: 'ambiguous-separator',
      path: source !== undefined ? [source, first.line] : [first.line],
      value: names.join(', '),
      expected: 'a line on which one separator (`,`, `;` or tab) occurs most often',
      message: `${where}: cannot tell the separator: the line holds as many ${names.join(' as ')} (${first.times[top[0]!]} each)${next === undefined ? '' : ', and so does the next line'}; say which with ${say.join(' or ')}`,
    }),
  ]);
}

/** A tokenizer error after a header read as one column: the wrong separator is the error, the tokenizer's is how it showed. */
export function withSeparatorHint(error: unknown, header: ReadonlyArray<string> | undefined, delimiter: CsvDelimiter, source: string | undefined): unknown {
  const wrong = wrongSeparator(header, delimiter);
  if (wrong === undefined || !(error instanceof VnPovertyError)) return error;
  const [first, ...rest] = error.issues;
  const where = source === undefined ? '' : `${source}, `;
  const how = source !== undefined && first.message.startsWith(where) ? first.message.slice(where.length) : first.message;
  return new VnPovertyError([
    issue({ code: 'wrong-separator', path: source !== undefined ? [source, 1] : [1], value: shortText(header![0]!), expected: `columns separated by ${SEPARATOR_NAMES[delimiter] ?? delimiter}`, message: `${where}row 1: ${wrong.hint} (read with ${SEPARATOR_NAMES[delimiter] ?? delimiter}, ${how})` }),
    ...rest,
  ]);
}

/** A CSV reading error naming row and column, its value cut short. @internal */
export function csvError(code: string, at: CsvPosition, value: string, expected: string, what: string): VnPovertyError {
  return new VnPovertyError([
    issue({ code, path: positionPath(at), value: shortText(value), expected, message: `${describePosition(at)}: ${what}` }),
  ]);
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
  /** Longest field in characters (default {@link CSV_MAX_FIELD_LENGTH}). */
  readonly maxFieldLength?: number;
  /** Longest record in characters (default {@link CSV_MAX_RECORD_LENGTH}). */
  readonly maxRecordLength?: number;
}

// Where the scanner is between two chunks:
/** At the start of a field (after a delimiter, or at the start of a record). */
const FIELD_START = 0;
/** Inside an unquoted field. */
const UNQUOTED = 1;
/** Inside a quoted field. */
const QUOTED = 2;
/** Just after a quote inside a quoted field: `""` (a quote) or the end of the field. */
const QUOTE_IN_QUOTED = 3;

/**
 * Makes the one CSV tokenizer shared by `parseCsv` (one chunk) and the streaming readers.
 * It keeps its state between chunks (the fields of the unfinished record, the pieces of the
 * unfinished field), so every character is looked at once: linear time however records fall
 * across chunks. A UTF-8 byte-order mark at the very start is dropped.
 *
 * @throws VnPovertyError (from `push`/`end`) naming row and column: `unterminated-quote`,
 *   `unexpected-quote`, `unexpected-character`, `field-too-long`, `record-too-long`.
 */
export function createCsvTokenizer(options: CsvTokenizerOptions = {}): CsvTokenizer {
  const delimiterChar = options.delimiter ?? ',';
  const delimiter = delimiterChar.charCodeAt(0);
  const source = options.source;
  const maxField = options.maxFieldLength ?? CSV_MAX_FIELD_LENGTH;
  const maxRecord = options.maxRecordLength ?? CSV_MAX_RECORD_LENGTH;
  let started = false;
  let rowCount = 0;
  // the unfinished record and field
  let mode = FIELD_START;
  let inRecord = false; // a character of the current record has been read
  let skipLf = false; // the last record ended with CR: an LF right after it belongs to it
  let row: string[] = [];
  let parts: string[] = []; // pieces of the current field read from earlier chunks (quoted: unescaped)
  let fieldLength = 0; // characters of the current field so far
  let recordLength = 0; // characters of the current record's finished fields
  let fieldHead = ''; // the first characters of the current field when it started in an earlier chunk, for messages
  let header: string[] | undefined; // the first record, for the separator hint of a later error

  const at = (column: number): CsvPosition => (source !== undefined ? { source, row: rowCount + 1, column } : { row: rowCount + 1, column });
  const tooLong = (extra: number, head: string): void => {
    if (fieldHead === '') fieldHead = head;
    if (fieldLength + extra > maxField) {
      throw csvError(
        'field-too-long',
        at(row.length + 1),
        fieldHead,
        `a field of at most ${maxField} characters`,
        `a field longer than ${maxField} characters (the limit; is a quote left open?)`,
      );
    }
    if (recordLength + fieldLength + extra > maxRecord) {
      throw csvError('record-too-long', at(row.length + 1), fieldHead, `a record of at most ${maxRecord} characters`, `a record (line) longer than ${maxRecord} characters (the limit)`);
    }
  };
  const quoteInField = (value: string): VnPovertyError =>
    csvError('unexpected-quote', at(row.length + 1), value, 'a double quote only around a whole field (write "" for a quote inside a quoted field)', 'a double quote inside an unquoted field');
  const finishField = (value: string): void => {
    recordLength += value.length + 1;
    row.push(value);
    if (parts.length > 0) parts = [];
    fieldLength = 0;
    fieldHead = '';
  };

  const scan = (text: string, out: string[][]): void => {
    const n = text.length;
    let pos = 0;
    // next delimiter, LF, CR and quote at or after pos (n when none); refreshed lazily
    let nextDelimiter = -1;
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    const find = (ch: string, from: number): number => {
      const i = text.indexOf(ch, from);
      return i === -1 ? n : i;
    };
    /** After a field that ended at character `c` (a delimiter, CR or LF): the next field, or the next record. */
    const afterField = (c: number): void => {
      if (c === delimiter) {
        mode = FIELD_START;
      } else {
        skipLf = c === CR;
        endRecord();
      }
    };
    /** The next delimiter, line end or quote at or after `from` (n when none). */
    const nextStop = (from: number): number => {
      if (nextDelimiter < from) nextDelimiter = find(delimiterChar, from);
      if (nextLf < from) nextLf = find('\n', from);
      if (nextCr < from) nextCr = find('\r', from);
      if (nextQuote < from) nextQuote = find('"', from);
      let end = nextDelimiter < nextLf ? nextDelimiter : nextLf;
      if (nextCr < end) end = nextCr;
      return nextQuote < end ? nextQuote : end;
    };
    const endRecord = (): void => {
      out.push(row);
      row = [];
      rowCount += 1;
      recordLength = 0;
      inRecord = false;
      mode = FIELD_START;
    };
    while (pos < n) {
      switch (mode) {
        case FIELD_START: {
          // the hot path: unquoted fields one after another, without going round the switch
          for (;;) {
            const c = text.charCodeAt(pos);
            if (skipLf) {
              skipLf = false;
              if (c === LF) {
                pos += 1;
                if (pos >= n) break;
                continue;
              }
            }
            if (row.length === 0) {
              // a whole line without quotes and without a lone CR: split it natively
              if (nextLf < pos) nextLf = find('\n', pos);
              if (nextQuote < pos) nextQuote = find('"', pos);
              if (nextCr < pos) nextCr = find('\r', pos);
              const lf = nextLf;
              if (lf < n && nextQuote > lf && (nextCr > lf || nextCr === lf - 1) && lf - pos <= maxField && lf - pos <= maxRecord) {
                const end = nextCr === lf - 1 ? lf - 1 : lf;
                out.push(text.slice(pos, end).split(delimiterChar));
                rowCount += 1;
                inRecord = false;
                pos = lf + 1;
                if (pos >= n) break;
                continue;
              }
            }
            inRecord = true;
            if (c === QUOTE) {
              mode = QUOTED;
              fieldHead = text.slice(pos, pos + 40);
              pos += 1;
              break;
            }
            const end = nextStop(pos);
            if (end - pos > maxField || recordLength + end - pos > maxRecord) tooLong(end - pos, text.slice(pos, pos + 40));
            if (end === n) {
              // the field goes on in the next chunk
              mode = UNQUOTED;
              fieldHead = text.slice(pos, pos + 40);
              parts.push(text.slice(pos));
              fieldLength = n - pos;
              pos = n;
              break;
            }
            const e = text.charCodeAt(end);
            if (e === QUOTE) throw quoteInField(text.slice(pos, Math.min(n, end + 10)));
            recordLength += end - pos + 1;
            row.push(text.slice(pos, end));
            pos = end + 1;
            if (e !== delimiter) {
              skipLf = e === CR;
              endRecord();
            }
            if (pos >= n) break;
          }
          continue;
        }
        case UNQUOTED: {
          const end = nextStop(pos);
          if (fieldLength + end - pos > maxField || recordLength + fieldLength + end - pos > maxRecord) tooLong(end - pos, parts.length > 0 ? parts[0]!.slice(0, 40) : text.slice(pos, pos + 40));
          if (end === n) {
            // the field goes on in the next chunk
            if (parts.length === 0) fieldHead = text.slice(pos, pos + 40);
            parts.push(text.slice(pos));
            fieldLength += n - pos;
            pos = n;
            continue;
          }
          const c = text.charCodeAt(end);
          if (c === QUOTE) throw quoteInField(parts.join('') + text.slice(pos, Math.min(n, end + 10)));
          const piece = text.slice(pos, end);
          finishField(parts.length > 0 ? parts.join('') + piece : piece);
          pos = end + 1;
          afterField(c);
          continue;
        }
        case QUOTED: {
          if (nextQuote < pos) nextQuote = find('"', pos);
          const q = nextQuote;
          if (fieldLength + q - pos > maxField || recordLength + fieldLength + q - pos > maxRecord) tooLong(q - pos, fieldHead);
          parts.push(text.slice(pos, q));
          fieldLength += q - pos;
          if (q === n) {
            pos = n;
            continue;
          }
          pos = q + 1;
          mode = QUOTE_IN_QUOTED;
          continue;
        }
        case QUOTE_IN_QUOTED: {
          const c = text.charCodeAt(pos);
          if (c === QUOTE) {
            if (fieldLength + 1 > maxField || recordLength + fieldLength + 1 > maxRecord) tooLong(1, fieldHead);
            parts.push('"');
            fieldLength += 1;
            pos += 1;
            mode = QUOTED;
            continue;
          }
          if (c !== delimiter && c !== LF && c !== CR) {
            throw csvError(
              'unexpected-character',
              at(row.length + 1),
              `"${parts.join('').slice(0, 40)}"${text.slice(pos, pos + 10)}`,
              'a delimiter or the end of the line after a closing quote',
              `text after the closing quote of a quoted field (${JSON.stringify(text[pos])})`,
            );
          }
          finishField(parts.length === 1 ? parts[0]! : parts.join(''));
          pos += 1;
          afterField(c);
          continue;
        }
      }
    }
  };

  return {
    push(chunk) {
      const out: string[][] = [];
      if (chunk.length === 0) return out;
      if (!started) {
        started = true;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      try {
        scan(chunk, out);
      } catch (error) {
        throw withSeparatorHint(error, header ?? out[0], delimiterChar as CsvDelimiter, source);
      }
      header ??= out[0];
      return out;
    },
    end() {
      const out: string[][] = [];
      if (mode === QUOTED) throw withSeparatorHint(csvError('unterminated-quote', at(row.length + 1), fieldHead, 'a closing double quote (")', 'a quoted field is never closed'), header, delimiterChar as CsvDelimiter, source);
      switch (mode) {
        case UNQUOTED:
        case QUOTE_IN_QUOTED:
          finishField(parts.join(''));
          break;
        case FIELD_START:
          if (!inRecord) return out;
          finishField('');
          break;
      }
      out.push(row);
      row = [];
      rowCount += 1;
      inRecord = false;
      mode = FIELD_START;
      return out;
    },
    get rowCount() {
      return rowCount;
    },
  };
}
