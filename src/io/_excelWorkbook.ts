/**
 * The parts of the XLSX support that need exceljs's own types: loading exceljs on demand and
 * loading a whole workbook with it. Kept apart from `_excel.ts` so that the published
 * declarations of `vn-poverty/io` never name exceljs (an app that reads only CSV type-checks
 * without it installed).
 */
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { VnPovertyError } from '../errors/VnPovertyError.js';
import { XLSX_TABLE_LIMITS, type XlsxLimits } from './readLimits.js';
import { bufferZipBytes, readZipDirectory, unpackZip, XLSX_FORMAT, type ZipBytes } from './_zip.js';
import { readWorkbookInfo, readXlsxCell, streamSheetCells } from './_xlsxSheet.js';
import { bad, cellRef, missingExcelJs, overLimit, SAVE_HINT, type ExcelPurpose } from './_excel.js';

type ExcelModule = typeof ExcelJS;
let excel: Promise<ExcelModule> | undefined;

/** True for the error Node gives when a package cannot be found (ESM or CommonJS). */
function isNotFound(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && error instanceof Error && error.message.includes('exceljs');
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
  if (excel === undefined) installSplitLetterFix();
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

/**
 * exceljs 4's XML parser (`lib/utils/parse-sax.js`) decodes each chunk of a part on its own, so a
 * Vietnamese letter (two or three UTF-8 bytes) cut by a chunk boundary of a large sheet comes out
 * as `��` (exceljs issues #2084 and #2316, unfixed in 4.4.0). Before exceljs is first loaded, this
 * puts in its module cache the same parser with one streaming decoder per part, which keeps a cut
 * letter's bytes for the next chunk. Only for exceljs 4; if anything here fails, exceljs loads as
 * it is. exceljs only reads the workbooks the library marks up (`markXlsx`, `reconcile --out`),
 * whose cells it writes back; every reader of data goes through {@link readXlsxSheet}, which
 * decodes each part with one streaming decoder and refuses bytes that are not UTF-8.
 */
function installSplitLetterFix(): void {
  try {
    const require_ = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
    const version = (JSON.parse(readFileSync(require_.resolve('exceljs/package.json'), 'utf8')) as { version?: unknown }).version;
    if (typeof version !== 'string' || !version.startsWith('4.')) return;
    const path = require_.resolve('exceljs/lib/utils/parse-sax.js');
    if (require_.cache[path] !== undefined) return;
    const local = createRequire(path);
    const { SaxesParser } = local('saxes') as { SaxesParser: new () => SaxesLike };
    const { PassThrough } = local('readable-stream') as { PassThrough: new () => NodeJS.ReadWriteStream };
    const parseSax = async function* (source: AsyncIterable<string | Uint8Array> & { pipe?: unknown }): AsyncGenerator<unknown[]> {
      const iterable = typeof source.pipe === 'function' && !(Symbol.asyncIterator in source) ? ((source as unknown as NodeJS.ReadableStream).pipe(new PassThrough()) as unknown as AsyncIterable<string | Uint8Array>) : source;
      const parser = new SaxesParser();
      const decoder = new TextDecoder('utf-8');
      let error: unknown;
      let events: unknown[] = [];
      parser.on('error', (e) => void (error = e));
      parser.on('opentag', (value) => void events.push({ eventType: 'opentag', value }));
      parser.on('text', (value) => void events.push({ eventType: 'text', value }));
      parser.on('closetag', (value) => void events.push({ eventType: 'closetag', value }));
      for await (const chunk of iterable) {
        parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
        if (error !== undefined) throw error;
        yield events;
        events = [];
      }
      const rest = decoder.decode();
      if (rest !== '') {
        parser.write(rest);
        if (error !== undefined) throw error;
        yield events;
      }
    };
    const module_ = new Module(path);
    module_.filename = path;
    module_.loaded = true;
    module_.exports = parseSax;
    require_.cache[path] = module_;
  } catch {
    // exceljs as it is: a letter split by a chunk could show as U+FFFD in a marked-up copy, never in what the library reads
  }
}

/** What the fix needs of saxes' parser. */
interface SaxesLike {
  on(event: 'error' | 'opentag' | 'text' | 'closetag', handler: (value: unknown) => void): void;
  write(text: string): void;
}

/**
 * Loads a whole workbook with exceljs (merged cells, number formats and every sheet kept), after
 * the same checks as the streaming reader: the zip, its limits (by default
 * {@link XLSX_TABLE_LIMITS}, for printed tables and plans: a whole workbook is held in memory) and
 * every part's real size and checksum, and the number of cells in its sheets. For the readers
 * and writers that need the whole workbook: marked-up copies (`purpose` `'writing'`: the message
 * when exceljs is missing says what it was needed for).
 *
 * @throws VnPovertyError `not-a-file`, `empty-file`, `not-xlsx`, `corrupt-xlsx`, `xlsx-limit`,
 *   naming the file; never an exceljs error.
 */
export async function loadXlsxWorkbook(source: string | Uint8Array, label: string, limits: XlsxLimits = XLSX_TABLE_LIMITS, purpose: ExcelPurpose = 'reading'): Promise<ExcelJS.Workbook> {
  let bytes: Uint8Array;
  if (typeof source === 'string') {
    const s = await stat(source);
    if (s.isDirectory()) bad(label, 'not-a-file', source, 'an .xlsx file', 'is a folder, not a file');
    if (s.size > limits.maxFileBytes) overLimit(label, 'maxFileBytes', s.size, limits.maxFileBytes, 'the file size in bytes');
    bytes = await readFile(source);
  } else bytes = source;
  const sheetParts = unpackZip(bytes, label, XLSX_FORMAT, limits, (name) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name));
  const excelJs = await loadExcelJs(purpose);
  const workbook = new excelJs.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const why = error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
    bad(label, 'corrupt-xlsx', why, 'a readable .xlsx workbook', `the workbook cannot be read (${why}); ${SAVE_HINT}`);
  }
  const dated = [...sheetParts].filter(([, data]) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes('t="d"'));
  if (dated.length > 0) await restoreDateCells(workbook, bufferZipBytes(bytes), dated.map(([name]) => name), label);
  return workbook;
}

/**
 * Puts back the dates of ISO date cells (`t="d"`, ECMA-376 §18.18.11), which exceljs's reader
 * reads as their year (`parseFloat("2024-01-01")` → 2024): a printed figure 2024 that was never
 * printed. Each such cell is read again by the library's own sheet reader; a date it cannot read
 * becomes an error cell.
 */
async function restoreDateCells(workbook: ExcelJS.Workbook, bytes: ZipBytes, parts: readonly string[], label: string): Promise<void> {
  const entries = readZipDirectory(bytes, label, XLSX_FORMAT, XLSX_TABLE_LIMITS);
  const info = readWorkbookInfo(bytes, entries, label);
  for (const part of parts) {
    const sheet = info.sheets.find((s) => s.part === part);
    const worksheet = sheet !== undefined ? workbook.getWorksheet(sheet.name) : undefined;
    const entry = entries.find((e) => e.name === part);
    if (sheet === undefined || worksheet === undefined || entry === undefined) continue;
    for await (const batch of streamSheetCells(bytes, entry, label)) {
      for (const row of batch) {
        for (const [col, cell] of row.cells) {
          if (cell.type !== 'd') continue;
          const reading = readXlsxCell(cell, info, cellRef(sheet.name, col, row.row));
          worksheet.getCell(row.row, col).value = 'problem' in reading ? { error: '#VALUE!' } as ExcelJS.CellErrorValue : (reading.value as Date);
        }
      }
    }
  }
}
