import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fail } from '../errors/VnPovertyError.js';
import type { DocumentModel } from '../documents/documentModel.js';
import { assertOptions } from '../errors/assertOptions.js';
import { decodeText } from './_encoding.js';
import { DOCX_READ_LIMITS, MAX_WHOLE_FILE_BYTES, XLSX_TABLE_LIMITS } from './readLimits.js';
import { readDocxDocument } from './readDocxDocument.js';
import { readTextDocument } from './readTextDocument.js';
import { readXlsxDocument } from './readXlsxDocument.js';
import { DOCX_FORMAT, XLSX_FORMAT, foreignFileKind, foreignFileReason } from './_zip.js';

/** The document formats {@link readDocument} reads. */
export type DocumentFileFormat = 'text' | 'docx' | 'xlsx';

/** Options of {@link readDocument} and {@link documentFromBytes}. */
export interface ReadDocumentOptions {
  /** The format; taken from the extension when not given (`.docx`, `.xlsx`, `.txt`/`.md`/`.text`). */
  readonly format?: DocumentFileFormat;
  /** Name used in messages; the file's base name unless told. */
  readonly source?: string;
}

/**
 * The format of a document from its file name, or from its first bytes (a zip package holding
 * `word/` is a .docx, one holding `xl/` an .xlsx, whatever its name: a .docx renamed `.doc` is
 * read). Bytes that are a web page, Rich Text or a PDF are refused saying so, whatever the name.
 * @throws VnPovertyError `unsupported-format`.
 * @example
 * documentFormatOf('ke-hoach.docx') //=> 'docx'
 */
export function documentFormatOf(name: string, bytes?: Uint8Array): DocumentFileFormat {
  const ext = extname(name).toLowerCase();
  if (ext === '.docx' || ext === '.docm') return 'docx';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.txt' || ext === '.md' || ext === '.text') return 'text';
  if (bytes !== undefined && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
  }
  // a web page, Rich Text or a PDF under an office name (a "Web Page" save renamed .doc) is told by its bytes, not its name
  const kind = bytes === undefined ? undefined : foreignFileKind(bytes);
  const why = kind !== undefined ? foreignFileReason(kind, kind === 'spreadsheet-xml' || ext === '.xls' || ext === '.ods' ? XLSX_FORMAT : DOCX_FORMAT) : (OLD_FORMATS[ext] ?? `cannot tell the format from “${ext}”`);
  return fail({ code: 'unsupported-format', path: [name], value: ext, expected: 'a .docx, .xlsx or .txt plan', message: `${name}: ${why}; expected .docx, .xlsx or .txt` });
}

/** What to do with the formats people have that the reader does not take. */
const OLD_FORMATS: Readonly<Record<string, string>> = {
  '.doc': 'an old Word 97–2003 (.doc) document: open it in Word and save it as .docx (Word Document)',
  '.xls': 'an old Excel 97–2003 (.xls) workbook: open it in Excel and save it as .xlsx',
  '.rtf': 'a Rich Text file: open it in Word and save it as .docx',
  '.odt': 'an OpenDocument text: save it from LibreOffice as .docx',
  '.pdf': 'a PDF: save the plan as .docx from the program that made it, or copy its text into a .txt file',
};

/** The largest file of each format read whole (the package limits, or a printed text). */
function maxBytes(format: DocumentFileFormat): number {
  return format === 'docx' ? DOCX_READ_LIMITS.maxFileBytes : format === 'xlsx' ? XLSX_TABLE_LIMITS.maxFileBytes : MAX_WHOLE_FILE_BYTES;
}

/**
 * A document text as the checker reads it: strict UTF-8 (else `invalid-encoding`, saying which
 * legacy encoding it looks like), and not empty or only blank lines (`empty-file`: nothing to check).
 */
function documentText(bytes: Uint8Array, source: string): string {
  const text = decodeText(bytes, source);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    fail({ code: 'empty-file', path: [source], value: bytes.length, expected: 'a plan with text', message: `${source}: the file is empty${bytes.length > 0 ? ' (only blank lines)' : ''}: nothing to check` });
  }
  return text;
}

/**
 * Reads a document from its bytes in the given (or detected) format. Text must be UTF-8 and not
 * empty; a package goes through the zip checks of its reader.
 * @throws VnPovertyError `unsupported-format`, `invalid-encoding`, `empty-file`, and those of
 *   `readDocxDocument` and `readXlsxDocument`.
 * @example
 * (await documentFromBytes(new TextEncoder().encode('Tổng: 10 hộ'), 'a.txt')).blocks.length //=> 1
 */
export async function documentFromBytes(bytes: Uint8Array, name: string, options: ReadDocumentOptions = {}): Promise<DocumentModel> {
  assertOptions(options, 'documentFromBytes');
  const source = options.source ?? basename(name);
  const format = options.format ?? documentFormatOf(name, bytes);
  if (format === 'docx') return readDocxDocument(bytes, { source });
  if (format === 'xlsx') return readXlsxDocument(bytes, { source });
  return readTextDocument(documentText(bytes, source), { source });
}

/**
 * Reads a plan from a file: Word (.docx), Excel (.xlsx, every sheet a table) or plain text
 * (.txt, tables as tab-separated lines), into a document model for `checkDocument`.
 *
 * @throws VnPovertyError `unsupported-format`, `file-too-large`, and those of {@link documentFromBytes}; a missing file rejects with Node's `ENOENT` error.
 * @example
 * checkDocument(await readDocument('ke-hoach-2024.docx')).findings.length //=> 9
 */
export async function readDocument(path: string, options: ReadDocumentOptions = {}): Promise<DocumentModel> {
  assertOptions(options, 'readDocument');
  const source = options.source ?? basename(path);
  const bytes = await readDocumentFile(path, source, options.format);
  return documentFromBytes(bytes, path, { ...options, source });
}

/**
 * The bytes of a document file, refusing a folder and a file over its format's limit before
 * reading it. @internal
 * @throws VnPovertyError `not-a-file`, `file-too-large`, `unsupported-format`.
 */
export async function readDocumentFile(path: string, source: string, format?: DocumentFileFormat): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) fail({ code: 'not-a-file', path: [source], value: path, expected: 'a file', message: `${source} is a folder, not a file` });
  let known = format;
  if (known === undefined) {
    try {
      known = documentFormatOf(path);
    } catch {
      known = undefined; // told by its first bytes once read: allow the largest limit
    }
  }
  const max = known === undefined ? Math.max(maxBytes('docx'), maxBytes('xlsx'), maxBytes('text')) : maxBytes(known);
  if (info.size > max) fail({ code: 'file-too-large', path: [source], value: info.size, expected: `a file of at most ${max} bytes`, message: `${source} is ${info.size} bytes, over the ${max}-byte limit for a plan of this format` });
  return new Uint8Array(await readFile(path));
}
