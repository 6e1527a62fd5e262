/**
 * Everything XLSX in one place: loading exceljs (on demand, so a program that reads only CSV
 * never loads it), checking a workbook's zip before exceljs reads it (corrupt, truncated,
 * not a workbook, zip bombs), and reading a sheet's rows with a cell budget and with formula
 * and error cells reported instead of guessed. Reused by every reader that takes XLSX.
 */
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import { VnPovertyError, fail, issue } from '../errors/VnPovertyError.js';
import { XLSX_READ_LIMITS, type XlsxLimits } from './readLimits.js';

type ExcelModule = typeof ExcelJS;
let excel: Promise<ExcelModule> | undefined;

/** What an XLSX step was doing when exceljs was needed, for the message. */
export type ExcelPurpose = 'reading' | 'writing';

/** True for the error Node gives when a package cannot be found (ESM or CommonJS). */
function isNotFound(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && error instanceof Error && error.message.includes('exceljs');
}

/**
 * The error of an XLSX step when exceljs is not installed: exceljs is an optional peer
 * dependency of vn-poverty, needed only for .xlsx files. @internal
 * @example
 * missingExcelJs('reading').issues[0].message //=> 'reading .xlsx needs exceljs: npm install exceljs (or run npx -p vn-poverty -p exceljs vn-poverty …)'
 */
export function missingExcelJs(purpose: ExcelPurpose): VnPovertyError {
  return new VnPovertyError([
    issue({
      code: 'missing-optional-dependency',
      path: [],
      value: 'exceljs',
      expected: 'the exceljs package, an optional peer dependency that reads and writes .xlsx files (npm install exceljs)',
      message: `${purpose} .xlsx needs exceljs: npm install exceljs (or run npx -p vn-poverty -p exceljs vn-poverty …)`,
    }),
  ]);
}

/**
 * The exceljs module, imported the first time an XLSX file is read or written. exceljs is an
 * optional peer dependency: a program that reads only CSV and text never loads it, and an app
 * that never opens an .xlsx need not install it. Every other use of exceljs in the library is
 * type-only; this is the one place it is loaded.
 * @throws VnPovertyError `missing-optional-dependency` when exceljs is not installed
 *   ("reading .xlsx needs exceljs: npm install exceljs"); any other failure to load it is rethrown.
 */
export function loadExcelJs(purpose: ExcelPurpose = 'reading'): Promise<ExcelModule> {
  excel ??= import('exceljs').then(
    (m) => ((m as unknown as { default?: ExcelModule }).default ?? (m as unknown as ExcelModule)),
    (error: unknown) => {
      excel = undefined;
      throw isNotFound(error) ? missingExcelJs(purpose) : error;
    },
  );
  return excel.catch((error: unknown) => {
    // the first caller's purpose is in the cached rejection; say what this caller was doing
    throw error instanceof VnPovertyError && error.issues[0].code === 'missing-optional-dependency' ? missingExcelJs(purpose) : error;
  });
}

const SAVE_HINT = 'open it in Excel or LibreOffice and save it again as .xlsx';

function bad(label: string, code: string, value: unknown, expected: string, message: string): never {
  return fail({ code, path: [label], value, expected, message: `${label}: ${message}` });
}

function overLimit(label: string, name: keyof XlsxLimits, value: number, limit: number, what: string): never {
  return bad(label, 'xlsx-limit', value, `at most ${limit} (${name})`, `${what} ${value} is over the limit of ${limit} (${name}); a workbook this large is refused so that it cannot exhaust memory (a "zip bomb"): write large registers as CSV, or raise limits.${name}`);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 of zip (zlib's own where this Node has it, 20.15 and later). */
function zlibCrc32(data: Buffer, previous: number): number {
  const native = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;
  if (typeof native === 'function') return native(data, previous);
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Random access to the bytes of a workbook. */
interface Bytes {
  readonly size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

async function fileBytes(path: string): Promise<Bytes> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

function bufferBytes(buffer: Buffer): Bytes {
  return { size: buffer.length, read: async (offset, length) => buffer.subarray(offset, offset + length), close: async () => undefined };
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localOffset: number;
}

/** What the first bytes of a file that is not a zip look like, for the message. */
function notZipReason(head: Buffer): string {
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) return 'an Excel 97–2003 (.xls) workbook or a password-protected one, not an .xlsx: save it as .xlsx without a password';
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, 64), { stream: true });
  } catch {
    text = '';
  }
  if ((text !== '' && !/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(text)) || (head[0] === 0xff && head[1] === 0xfe)) return 'text, not an .xlsx workbook (a CSV file with an .xlsx name? rename it .csv)';
  return 'not an .xlsx workbook (an .xlsx file is a zip archive; this one does not start like one)';
}

async function readZipDirectory(bytes: Bytes, label: string, limits: XlsxLimits): Promise<ZipEntry[]> {
  if (bytes.size === 0) bad(label, 'empty-file', 0, 'an .xlsx workbook', 'the file is empty (0 bytes)');
  if (bytes.size > limits.maxFileBytes) overLimit(label, 'maxFileBytes', bytes.size, limits.maxFileBytes, 'the file size in bytes');
  const head = await bytes.read(0, Math.min(64, bytes.size));
  if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) {
    if (head.length >= 4 && head.readUInt32LE(0) === 0x06054b50) bad(label, 'corrupt-xlsx', 'empty zip', 'an .xlsx workbook', 'an empty zip archive, not a workbook');
    bad(label, 'not-xlsx', head.subarray(0, 8).toString('hex'), 'an .xlsx workbook', notZipReason(head));
  }
  const tailLength = Math.min(bytes.size, 22 + 0xffff);
  const tail = await bytes.read(bytes.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad(label, 'corrupt-xlsx', bytes.size, 'a complete .xlsx workbook', `the file is truncated or damaged (the end of its zip directory is missing); ${SAVE_HINT}`);
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    overLimit(label, 'maxFileBytes', bytes.size, limits.maxFileBytes, 'a ZIP64 workbook (over 4 GiB or 65,535 parts), size');
  }
  if (count > limits.maxEntries) overLimit(label, 'maxEntries', count, limits.maxEntries, 'the number of parts');
  const eocdAbs = bytes.size - tailLength + eocd;
  if (cdOffset + cdSize > eocdAbs) bad(label, 'corrupt-xlsx', cdOffset, 'a complete .xlsx workbook', `the zip directory points past the end of the file: truncated or damaged; ${SAVE_HINT}`);
  const cd = await bytes.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) bad(label, 'corrupt-xlsx', p, 'a valid zip directory', `the zip directory is damaged; ${SAVE_HINT}`);
    const nameLength = cd.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
    };
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    if (entry.method !== 0 && entry.method !== 8) bad(label, 'corrupt-xlsx', entry.method, 'parts stored or deflated', `the part ${entry.name} uses zip method ${entry.method}, which no spreadsheet writes; ${SAVE_HINT}`);
    if ((entry.flags & 1) !== 0) bad(label, 'corrupt-xlsx', entry.name, 'an unencrypted workbook', 'the workbook is encrypted: save it without a password');
    total += entry.size;
    if (total > limits.maxUncompressedBytes) overLimit(label, 'maxUncompressedBytes', total, limits.maxUncompressedBytes, 'the unpacked size in bytes');
    if (entry.name === 'xl/sharedStrings.xml' && entry.size > limits.maxSharedStringsBytes) {
      overLimit(label, 'maxSharedStringsBytes', entry.size, limits.maxSharedStringsBytes, 'the unpacked shared strings in bytes');
    }
    entries.push(entry);
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    bad(label, 'not-xlsx', entries.slice(0, 5).map((e) => e.name), 'an .xlsx workbook (a zip holding xl/workbook.xml)', 'a zip archive, but not an Excel workbook (it has no xl/workbook.xml)');
  }
  // The parts must follow one another from the start of the file to the directory: a reader that
  // walks the file from its start (as exceljs does) then sees exactly the parts checked here.
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const e of sorted) {
    if (e.localOffset !== expected) bad(label, 'corrupt-xlsx', e.name, 'a well-formed zip', `unexpected data before the part ${e.name}; ${SAVE_HINT}`);
    const local = await bytes.read(e.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) bad(label, 'corrupt-xlsx', e.name, 'a well-formed zip', `the part ${e.name} is damaged; ${SAVE_HINT}`);
    const dataStart = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    let end = dataStart + e.compressedSize;
    if ((e.flags & 8) !== 0) {
      const descriptor = await bytes.read(end, 4);
      end += descriptor.length === 4 && descriptor.readUInt32LE(0) === 0x08074b50 ? 16 : 12;
    }
    if (end > cdOffset) bad(label, 'corrupt-xlsx', e.name, 'a complete .xlsx workbook', `the part ${e.name} runs past the end of the data: truncated or damaged; ${SAVE_HINT}`);
    expected = end;
    (e as { dataStart?: number }).dataStart = dataStart;
  }
  if (expected !== cdOffset) bad(label, 'corrupt-xlsx', expected, 'a well-formed zip', `unexpected data after the last part; ${SAVE_HINT}`);
  return entries;
}

/** Unpacks one part without keeping it, checking its real size and checksum against the directory. */
async function verifyEntry(bytes: Bytes, entry: ZipEntry, label: string): Promise<void> {
  const start = (entry as { dataStart?: number }).dataStart ?? 0;
  const damaged = (why: string): never => bad(label, 'corrupt-xlsx', entry.name, 'a workbook whose parts unpack to their recorded size and checksum', `the part ${entry.name} ${why}; ${SAVE_HINT}`);
  let size = 0;
  let crc = 0;
  const step = 1 << 20;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) damaged('has inconsistent sizes');
    for (let off = 0; off < entry.size; off += step) {
      const chunk = await bytes.read(start + off, Math.min(step, entry.size - off));
      size += chunk.length;
      crc = zlibCrc32(chunk, crc);
    }
  } else {
    const inflate = zlib.createInflateRaw();
    const done = new Promise<void>((resolve, reject) => {
      inflate.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > entry.size) {
          inflate.destroy();
          reject(new VnPovertyError([issue({ code: 'xlsx-limit', path: [label], value: entry.name, expected: 'parts that unpack to their recorded size', message: `${label}: the part ${entry.name} unpacks to more than the ${entry.size} bytes its zip directory records (a "zip bomb"?); refused` })]));
          return;
        }
        crc = zlibCrc32(chunk, crc);
      });
      inflate.on('end', resolve);
      inflate.on('error', () => reject(new VnPovertyError([issue({ code: 'corrupt-xlsx', path: [label], value: entry.name, expected: 'a workbook whose parts unpack', message: `${label}: the part ${entry.name} is damaged (it does not unpack); ${SAVE_HINT}` })])));
    });
    for (let off = 0; off < entry.compressedSize; off += step) {
      const chunk = await bytes.read(start + off, Math.min(step, entry.compressedSize - off));
      if (inflate.destroyed) break;
      if (!inflate.write(chunk)) await new Promise<void>((resolve) => inflate.once('drain', resolve).once('close', resolve));
    }
    inflate.end();
    await done;
  }
  if (size !== entry.size) damaged(`unpacks to ${size} bytes, not the ${entry.size} its zip directory records`);
  if ((crc >>> 0) !== entry.crc) damaged('fails its checksum');
}

/** Checks a workbook's zip structure and every part's real size and checksum before exceljs reads it. */
async function checkWorkbook(bytes: Bytes, label: string, limits: XlsxLimits): Promise<void> {
  const entries = await readZipDirectory(bytes, label, limits);
  for (const entry of entries) await verifyEntry(bytes, entry, label);
}

/** Reads a whole stream into memory, refusing more than `max` bytes. */
async function streamToBuffer(stream: AsyncIterable<string | Uint8Array>, label: string, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += b.length;
    if (size > max) overLimit(label, 'maxFileBytes', size, max, 'the stream size in bytes');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** One sheet row as the XLSX reader gives it. */
export interface XlsxRow {
  readonly row: number;
  readonly cells: Array<string | number | boolean | Date | null>;
  readonly formats: Array<string | undefined>;
  /** Cells that cannot be read (a formula without a saved value, an error value), by 0-based column. */
  readonly problems: Array<string | undefined>;
}

/** A column number as letters: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Streams the rows of one sheet of a workbook, after checking the file (see {@link XLSX_READ_LIMITS}).
 *
 * @throws VnPovertyError `empty-file`, `not-xlsx`, `corrupt-xlsx`, `xlsx-limit`, `missing-sheet`,
 *   naming the file; never an exceljs error.
 */
export async function* readXlsxSheet(
  source: string | AsyncIterable<string | Uint8Array>,
  sheet: string | number | undefined,
  label: string,
  limits: XlsxLimits = XLSX_READ_LIMITS,
): AsyncGenerator<XlsxRow> {
  // exceljs first: without it nothing below can finish, so say so before reading the file
  const excelJs = await loadExcelJs('reading');
  let input: string | Readable;
  if (typeof source === 'string') {
    const s = await stat(source);
    if (s.isDirectory()) bad(label, 'not-a-file', source, 'an .xlsx file', 'is a folder, not a file');
    const bytes = await fileBytes(source);
    try {
      await checkWorkbook(bytes, label, limits);
    } finally {
      await bytes.close();
    }
    input = source;
  } else {
    const buffer = await streamToBuffer(source, label, limits.maxFileBytes);
    await checkWorkbook(bufferBytes(buffer), label, limits);
    input = Readable.from([buffer]);
  }
  const reader = new excelJs.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  let index = 0;
  const seen: string[] = [];
  let cells = 0;
  const rows: XlsxRow[] = [];
  try {
    for await (const worksheet of reader) {
      index += 1;
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${index}`;
      seen.push(name);
      const wanted = sheet === undefined ? index === 1 : typeof sheet === 'number' ? index === sheet : name === sheet;
      if (!wanted) {
        for await (const _row of worksheet) void _row; // skip this sheet's rows
        continue;
      }
      for await (const row of worksheet) {
        const r: XlsxRow = { row: row.number, cells: [], formats: [], problems: [] };
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells += 1;
          if (cells > limits.maxCells) overLimit(label, 'maxCells', cells, limits.maxCells, 'the number of cells');
          const problem = cellProblem(cell.value, `${name}!${columnLetters(col)}${row.number}`);
          if (problem !== undefined) {
            r.cells[col - 1] = null;
            r.problems[col - 1] = problem;
          } else {
            r.cells[col - 1] = xlsxCellValue(cell.value);
          }
          const fmt = cell.numFmt;
          if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General') r.formats[col - 1] = fmt;
        });
        for (let i = 0; i < r.cells.length; i++) if (r.cells[i] === undefined) r.cells[i] = null;
        rows.push(r);
        // hand rows over a few at a time (exceljs yields synchronously inside a row batch)
        if (rows.length >= 256) yield* rows.splice(0);
      }
      yield* rows.splice(0);
      return;
    }
  } catch (error) {
    if (error instanceof VnPovertyError) throw error;
    bad(label, 'corrupt-xlsx', error instanceof Error ? error.message.slice(0, 200) : String(error), 'a readable .xlsx workbook', `the workbook cannot be read (${error instanceof Error ? error.message.slice(0, 200) : String(error)}); ${SAVE_HINT}`);
  }
  fail({
    code: 'missing-sheet',
    path: [label],
    value: sheet ?? 1,
    expected: seen.length > 0 ? `one of the sheets ${seen.map((s) => JSON.stringify(s)).join(', ')}` : 'a workbook with at least one sheet',
  });
}

/** Why a cell's value cannot be read, or undefined when it can. */
function cellProblem(value: ExcelJS.CellValue, ref: string): string | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Date) return undefined;
  if (('formula' in value || 'sharedFormula' in value) && (!('result' in value) || value.result === undefined || value.result === null)) {
    const f = 'formula' in value ? value.formula : (value as { sharedFormula?: string }).sharedFormula;
    return `cell ${ref} holds a formula (=${String(f ?? '').slice(0, 40)}) with no saved value: open the file in Excel or LibreOffice and save it (which stores the values), or paste the values in place of the formulas`;
  }
  const result = 'result' in value ? (value.result as unknown) : value;
  if (typeof result === 'object' && result !== null && 'error' in result) {
    return `cell ${ref} holds the error ${String((result as { error: unknown }).error)}: correct the cell in the spreadsheet`;
  }
  if (!('richText' in value) && !('result' in value) && !('text' in value)) return `cell ${ref} holds a value of a kind the reader does not know: save it as plain text or a number`;
  return undefined;
}

/** Reduces an exceljs cell value (rich text, formula result, hyperlink…) to a plain value. */
export function xlsxCellValue(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined ? null : xlsxCellValue(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return null;
}
