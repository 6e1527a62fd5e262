import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fail } from '../errors/VnPovertyError.js';
import type { DocumentModel } from '../documents/documentModel.js';
import { readDocxDocument } from './readDocxDocument.js';
import { readTextDocument } from './readTextDocument.js';
import { readXlsxDocument } from './readXlsxDocument.js';

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
 * `word/` is a .docx, one holding `xl/` an .xlsx).
 * @throws VnPovertyError `unsupported-format`.
 * @example
 * documentFormatOf('ke-hoach.docx') //=> 'docx'
 */
export function documentFormatOf(name: string, bytes?: Uint8Array): DocumentFileFormat {
  const ext = extname(name).toLowerCase();
  if (ext === '.docx') return 'docx';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.txt' || ext === '.md' || ext === '.text') return 'text';
  if (bytes !== undefined && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
  }
  return fail({ code: 'unsupported-format', path: [name], value: ext, expected: 'a .docx, .xlsx or .txt plan', message: `${name}: cannot tell the format from “${ext}”; expected .docx, .xlsx or .txt` });
}

/**
 * Reads a document from its bytes in the given (or detected) format. Text must be UTF-8.
 * @throws VnPovertyError `unsupported-format`, `invalid-encoding`, `unreadable-document`.
 * @example
 * (await documentFromBytes(new TextEncoder().encode('Tổng: 10 hộ'), 'a.txt')).blocks.length //=> 1
 */
export async function documentFromBytes(bytes: Uint8Array, name: string, options: ReadDocumentOptions = {}): Promise<DocumentModel> {
  const source = options.source ?? basename(name);
  const format = options.format ?? documentFormatOf(name, bytes);
  if (format === 'docx') return readDocxDocument(bytes, { source });
  if (format === 'xlsx') return readXlsxDocument(bytes, { source });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({ code: 'invalid-encoding', path: [source], value: source, expected: 'UTF-8 text', message: `${source} is not UTF-8 text (save it as UTF-8, or give the .docx)` });
  }
  return readTextDocument(text, { source });
}

/**
 * Reads a plan from a file: Word (.docx), Excel (.xlsx, every sheet a table) or plain text
 * (.txt, tables as tab-separated lines), into a document model for `checkDocument`.
 *
 * @throws VnPovertyError `unsupported-format`, `invalid-encoding`, `unreadable-document`; a missing file rejects with Node's `ENOENT` error.
 * @example
 * checkDocument(await readDocument('ke-hoach-2024.docx')).findings.length //=> 9
 */
export async function readDocument(path: string, options: ReadDocumentOptions = {}): Promise<DocumentModel> {
  const bytes = new Uint8Array(await readFile(path));
  return documentFromBytes(bytes, path, options);
}
