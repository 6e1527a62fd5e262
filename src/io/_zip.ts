/**
 * The zip checks every packaged Office file (`.xlsx`, `.docx`) goes through before anything
 * unpacks it: empty, truncated, not a zip, an old OLE file, encrypted, parts that do not follow
 * one another, too many parts, too much unpacked data, and every part unpacked once to check
 * that it is exactly the size its directory records and that its checksum is right (a zip that
 * lies about its sizes is a "zip bomb"). One module for both formats, so a fix reaches both.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { VnPovertyError, fail, issue } from '../errors/VnPovertyError.js';

/** What a packaged format is called in messages, and how to tell it from its neighbours. */
export interface ZipFormat {
  /** File extension without the dot; error codes are `not-<ext>`, `corrupt-<ext>`, `<ext>-limit`. */
  readonly ext: 'xlsx' | 'docx';
  /** `'an .xlsx workbook'`, `'a .docx document'`. */
  readonly what: string;
  /** `'workbook'`, `'document'`. */
  readonly noun: string;
  /** What to do with a damaged file. */
  readonly hint: string;
  /** What to do with one over a limit. */
  readonly largeHint: string;
  /** The part every file of the format has. */
  readonly requiredPart: string;
  /** Why a zip without {@link ZipFormat.requiredPart} is refused. */
  readonly foreign: string;
  /** Why an OLE compound file (the old binary format, or an encrypted file) is refused. */
  readonly oldFormat: string;
  /** Why a text file with the format's name is refused. */
  readonly textFile: string;
}

/** Limits on what is unpacked. */
export interface ZipLimits {
  /** Largest file (compressed), in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of the unpacked parts, in bytes. */
  readonly maxUncompressedBytes: number;
  /** Most parts (files) in the zip. */
  readonly maxEntries: number;
  /** Largest single unpacked part, in bytes (no limit of its own when absent). */
  readonly maxPartBytes?: number;
  /** Largest unpacked `xl/sharedStrings.xml`, in bytes (XLSX). */
  readonly maxSharedStringsBytes?: number;
  /** Most cells (`<c>` elements) in all worksheets together, counted while checking (XLSX). */
  readonly maxCells?: number;
}

/** One part of a zip, as its central directory records it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localOffset: number;
  /** Where its packed data starts (after the local header). */
  readonly dataStart: number;
}

/** Random access to the bytes of a file or a buffer. */
export interface ZipBytes {
  readonly size: number;
  read(offset: number, length: number): Buffer;
  close(): void;
}

/** The bytes of a file, read on demand (the directory and local headers are all a check reads up front). */
export function fileZipBytes(path: string): ZipBytes {
  const fd = openSync(path, 'r');
  const { size } = fstatSync(fd);
  return {
    size,
    read(offset, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const n = buffer.length === 0 ? 0 : readSync(fd, buffer, 0, buffer.length, offset);
      return n === buffer.length ? buffer : buffer.subarray(0, n);
    },
    close: () => closeSync(fd),
  };
}

/** The bytes of a buffer. */
export function bufferZipBytes(buffer: Uint8Array): ZipBytes {
  const b = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return { size: b.length, read: (offset, length) => b.subarray(offset, offset + length), close: () => undefined };
}

function bad(label: string, code: string, value: unknown, expected: string, message: string): never {
  return fail({ code, path: [label], value, expected, message: `${label}: ${message}` });
}

/** Throws `<ext>-limit` naming the limit that was passed. */
export function overZipLimit(label: string, format: ZipFormat, name: string, value: number, limit: number, what: string): never {
  return bad(label, `${format.ext}-limit`, value, `at most ${limit} (${name})`, `${what} ${value} is over the limit of ${limit} (${name}); a ${format.noun} this large is refused so that it cannot exhaust memory (a "zip bomb"): ${format.largeHint}limits.${name}`);
}

/** CRC-32 of zip (zlib's own where this Node has it, 20.15 and later). */
let crcTable: Uint32Array | undefined;
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
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

/**
 * Files that are neither zips nor plain text but often carry an office file's name, by their first
 * bytes; `spreadsheet-xml`, `word-xml` and `flat-opc` are Office's single-file XML saves (Excel
 * 2003 "XML Spreadsheet", Word 2003 "XML Document", Word's and Excel's flat XML package), which
 * portals and older programs export under an `.xls`, `.doc` or `.xml` name.
 */
export type ForeignFileKind = 'html' | 'mhtml' | 'rtf' | 'pdf' | 'spreadsheet-xml' | 'word-xml' | 'flat-opc';

/**
 * What the first bytes of a file say it is when they say one of {@link ForeignFileKind}: a web
 * page (Word's and Excel's "Web Page" save, a portal's "Excel" export, which is an HTML table), a
 * single-file web page (MHTML), Rich Text, a PDF; undefined for anything else.
 * @example
 * foreignFileKind(new TextEncoder().encode('{\\rtf1\\ansi …')) //=> 'rtf'
 */
export function foreignFileKind(head: Uint8Array): ForeignFileKind | undefined {
  const start = new TextDecoder('latin1').decode(head.subarray(0, Math.min(head.length, 1024))).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (start.startsWith('%pdf-')) return 'pdf';
  if (/^mime-version:/.test(start) || /^content-type:\s*multipart\/related/.test(start)) return 'mhtml';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<table[\s>]|<meta[\s>])/.test(start)) return 'html';
  // Office's single-file XML saves: told by the processing instruction Office writes (`<?mso-application progid="Excel.Sheet"?>`) or the root element's namespace
  if (start.startsWith('<')) {
    if (/^(<\?xml[^>]*>\s*)?(<\?mso-application[^>]*>\s*)?<pkg:package[\s>]/.test(start)) return 'flat-opc';
    if (/progid\s*=\s*["']excel\.sheet["']/.test(start) || /^(<\?[^>]*>\s*)*<(ss:)?workbook[^>]*urn:schemas-microsoft-com:office:spreadsheet/.test(start)) return 'spreadsheet-xml';
    if (/progid\s*=\s*["']word\.document["']/.test(start) || /^(<\?[^>]*>\s*)*<w:worddocument[\s>]/.test(start)) return 'word-xml';
  }
  return undefined;
}

/** Why a file of a {@link ForeignFileKind} with an office file's name is refused, and what to do. */
export function foreignFileReason(kind: ForeignFileKind, format: Pick<ZipFormat, 'ext' | 'what'>): string {
  const app = format.ext === 'xlsx' ? 'Excel' : 'Word';
  const save = `open it in ${app} (or LibreOffice) and save it as .${format.ext} (${app === 'Excel' ? 'Excel Workbook' : 'Word Document'})`;
  switch (kind) {
    case 'html':
      return `a web page (HTML), not ${format.what}: a "Web Page" save or a web export given an office name; ${save}`;
    case 'mhtml':
      return `a single-file web page (MHTML), not ${format.what}; ${save}`;
    case 'rtf':
      return `a Rich Text (.rtf) file, not ${format.what}; ${save}`;
    case 'pdf':
      return `a PDF, not ${format.what}: save the ${app === 'Excel' ? 'table' : 'plan'} as .${format.ext} from the program that made it`;
    case 'spreadsheet-xml':
      return `an Excel 2003 XML Spreadsheet (XML text, as portals and older programs export tables), not ${format.what}: open it in Excel (or LibreOffice) and save it as .xlsx (Excel Workbook)${format.ext === 'docx' ? '; vn-poverty check reads .xlsx workbooks too' : ''}`;
    case 'word-xml':
      return `a Word 2003 XML document (XML text), not ${format.what}: open it in Word (or LibreOffice) and save it as .docx (Word Document)`;
    case 'flat-opc':
      return `a Word or Excel "XML Document" save (one XML file holding the whole package), not ${format.what}: ${save}`;
  }
}

/** What an OLE compound file (CFB, the container of Office 97–2003 files and of encrypted Office files) holds, by its streams' names. */
type CompoundFileKind = 'encrypted' | 'xls' | 'doc' | 'ppt';

/** The names of the streams that tell a compound file's kind (MS-CFB directory entries; MS-OFFCRYPTO 2.3.4.1 for the encrypted package). */
const COMPOUND_STREAMS: ReadonlyArray<readonly [string, CompoundFileKind]> = [
  ['EncryptedPackage', 'encrypted'],
  ['EncryptionInfo', 'encrypted'],
  ['Workbook', 'xls'],
  ['Book', 'xls'],
  ['WordDocument', 'doc'],
  ['PowerPoint Document', 'ppt'],
];

/**
 * What an OLE compound file holds, from the names of its directory entries (each 128 bytes,
 * at a multiple of 128 from the start: a UTF-16 name, its length in bytes at +64, its type at
 * +66): an encrypted (password-protected) Office file, an Excel 97–2003 workbook, a Word
 * 97–2003 document, a PowerPoint file; undefined when none of their streams is found.
 * At most the first 64 MiB are looked at.
 */
function compoundFileKind(bytes: ZipBytes): CompoundFileKind | undefined {
  const wanted = new Map(COMPOUND_STREAMS.map(([name, kind]) => [Buffer.from(`${name}\0`, 'utf16le').toString('latin1'), kind]));
  const found = new Set<CompoundFileKind>();
  const end = Math.min(bytes.size, 64 << 20);
  for (let off = 512; off < end; off += 1 << 20) {
    const chunk = bytes.read(off, Math.min(1 << 20, end - off));
    for (let q = 0; q + 128 <= chunk.length; q += 128) {
      const length = chunk.readUInt16LE(q + 64);
      const type = chunk[q + 66];
      if (length < 2 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2)) continue;
      const kind = wanted.get(chunk.toString('latin1', q, q + length));
      if (kind !== undefined) found.add(kind);
    }
  }
  for (const kind of ['encrypted', 'xls', 'doc', 'ppt'] as const) if (found.has(kind)) return kind;
  return undefined;
}

/** Why an OLE compound file given as `format` is refused, by what it holds. */
function compoundFileReason(bytes: ZipBytes, format: ZipFormat): string {
  const kind = compoundFileKind(bytes);
  const app = format.ext === 'xlsx' ? 'Excel' : 'Word';
  switch (kind) {
    case 'encrypted':
      return `a password-protected (encrypted) ${format.noun}: it cannot be read without its password; open it in ${app}, remove the password (File → Info → Protect ${format.ext === 'xlsx' ? 'Workbook' : 'Document'} → Encrypt with Password, leave it empty), save it and give that file`;
    case 'xls':
      return `an Excel 97–2003 (.xls) workbook, not ${format.what}: open it in Excel (or LibreOffice) and save it as .xlsx (File → Save As → Excel Workbook)${format.ext === 'docx' ? '; vn-poverty check reads .xlsx workbooks too' : ''}`;
    case 'doc':
      return `a Word 97–2003 (.doc) document, not ${format.what}: open it in Word (or LibreOffice) and save it as .docx (File → Save As → Word Document)${format.ext === 'xlsx' ? '; give the table as .xlsx or .csv (vn-poverty check reads a .docx plan)' : ''}`;
    case 'ppt':
      return `a PowerPoint 97–2003 (.ppt) file, not ${format.what}: give the ${format.ext === 'xlsx' ? 'table as .xlsx' : 'plan as .docx'}`;
    case undefined:
      return format.oldFormat;
  }
}

/** What the first bytes of a file that is not a zip look like, for the message. */
function notZipReason(head: Buffer, format: ZipFormat, bytes: ZipBytes): string {
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) return compoundFileReason(bytes, format);
  // an XML save names itself after its XML declaration, past the first 64 bytes
  const kind = foreignFileKind(bytes.read(0, Math.min(1024, bytes.size)));
  if (kind !== undefined) return foreignFileReason(kind, format);
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, 64), { stream: true });
  } catch {
    text = '';
  }
  if ((text !== '' && !/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(text)) || (head[0] === 0xff && head[1] === 0xfe)) return format.textFile;
  return `not ${format.what} (${format.what.split(' ')[0]} .${format.ext} file is a zip archive; this one does not start like one)`;
}

/**
 * Reads and checks a zip's directory: the file is not empty nor over `maxFileBytes`, starts like
 * a zip, has a complete directory (ZIP64 records read as well), at most `maxEntries` parts holding at most
 * `maxUncompressedBytes` (and `maxPartBytes`, `maxSharedStringsBytes` each), no encryption,
 * only stored or deflated parts, the format's required part, and parts that follow one another
 * from the start of the file to the directory with nothing hidden between them (so a reader that
 * walks the file from its start sees exactly the parts checked here).
 *
 * @throws VnPovertyError `empty-file`, `not-<ext>`, `corrupt-<ext>`, `<ext>-limit`, naming the file.
 */
export function readZipDirectory(bytes: ZipBytes, label: string, format: ZipFormat, limits: ZipLimits): ZipEntry[] {
  const { ext, hint } = format;
  const corrupt = `corrupt-${ext}`;
  const over = (name: string, value: number, limit: number, what: string): never => overZipLimit(label, format, name, value, limit, what);
  if (bytes.size === 0) bad(label, 'empty-file', 0, format.what, 'the file is empty (0 bytes)');
  if (bytes.size > limits.maxFileBytes) over('maxFileBytes', bytes.size, limits.maxFileBytes, 'the file size in bytes');
  const head = bytes.read(0, Math.min(64, bytes.size));
  if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) {
    if (head.length >= 4 && head.readUInt32LE(0) === 0x06054b50) bad(label, corrupt, 'empty zip', format.what, `an empty zip archive, not a ${format.noun}`);
    bad(label, `not-${ext}`, head.subarray(0, 8).toString('hex'), format.what, notZipReason(head, format, bytes));
  }
  const tailLength = Math.min(bytes.size, 22 + 0xffff);
  const tail = bytes.read(bytes.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad(label, corrupt, bytes.size, `a complete ${format.what.replace(/^an? /, '')}`, `the file is truncated or damaged (the end of its zip directory is missing); ${hint}`);
  const eocdAbs = bytes.size - tailLength + eocd;
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 (System.IO.Packaging, the OpenXML SDK, some zip libraries write it even for small files): the
  // directory's real count, size and place are in the ZIP64 end record its locator points to
  const zip64 = zip64End(bytes, eocdAbs, label, format);
  let directoryEnd = eocdAbs;
  if (zip64 !== undefined) ({ count, cdSize, cdOffset, directoryEnd } = zip64);
  else if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    over('maxFileBytes', bytes.size, limits.maxFileBytes, `a ZIP64 ${format.noun} (over 4 GiB or 65,535 parts) without its ZIP64 end record, size`);
  }
  if (count > limits.maxEntries) over('maxEntries', count, limits.maxEntries, 'the number of parts');
  if (cdOffset + cdSize > directoryEnd) bad(label, corrupt, cdOffset, `a complete ${format.noun}`, `the zip directory points past the end of the file: truncated or damaged; ${hint}`);
  const cd = bytes.read(cdOffset, cdSize);
  const entries: Array<Omit<ZipEntry, 'dataStart'>> = [];
  let p = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) bad(label, corrupt, p, 'a valid zip directory', `the zip directory is damaged; ${hint}`);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const entry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      Object.assign(entry, zip64Sizes(cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry, () => bad(label, corrupt, entry.name, 'a valid zip directory', `the zip directory entry of ${entry.name} lacks its ZIP64 sizes; ${hint}`)));
    }
    p += 46 + nameLength + extraLength + cd.readUInt16LE(p + 32);
    if (entry.method !== 0 && entry.method !== 8) bad(label, corrupt, entry.method, 'parts stored or deflated', `the part ${entry.name} uses zip method ${entry.method}, which no office program writes; ${hint}`);
    if ((entry.flags & 1) !== 0) bad(label, corrupt, entry.name, `an unencrypted ${format.noun}`, `the ${format.noun} is encrypted: save it without a password`);
    total += entry.size;
    if (total > limits.maxUncompressedBytes) over('maxUncompressedBytes', total, limits.maxUncompressedBytes, 'the unpacked size in bytes');
    if (limits.maxPartBytes !== undefined && entry.size > limits.maxPartBytes) over('maxPartBytes', entry.size, limits.maxPartBytes, `the unpacked size of the part ${entry.name} in bytes`);
    if (limits.maxSharedStringsBytes !== undefined && entry.name === 'xl/sharedStrings.xml' && entry.size > limits.maxSharedStringsBytes) {
      over('maxSharedStringsBytes', entry.size, limits.maxSharedStringsBytes, 'the unpacked shared strings in bytes');
    }
    entries.push(entry);
  }
  if (!entries.some((e) => e.name === format.requiredPart)) {
    bad(label, `not-${ext}`, entries.slice(0, 5).map((e) => e.name), `${format.what} (a zip holding ${format.requiredPart})`, foreignZipReason(entries, format));
  }
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const out: ZipEntry[] = [];
  let expected = 0;
  for (const e of sorted) {
    if (e.localOffset !== expected) bad(label, corrupt, e.name, 'a well-formed zip', `unexpected data before the part ${e.name}; ${hint}`);
    const local = bytes.read(e.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) bad(label, corrupt, e.name, 'a well-formed zip', `the part ${e.name} is damaged; ${hint}`);
    const dataStart = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    let end = dataStart + e.compressedSize;
    if ((e.flags & 8) !== 0) {
      // a data descriptor after the data: CRC and sizes, 8-byte sizes when the local header has a ZIP64 field
      const descriptor = bytes.read(end, 4);
      const wide = extraField(bytes.read(e.localOffset + 30 + local.readUInt16LE(26), local.readUInt16LE(28)), 0x0001) !== undefined;
      end += (descriptor.length === 4 && descriptor.readUInt32LE(0) === 0x08074b50 ? 4 : 0) + (wide ? 20 : 12);
    }
    if (end > cdOffset) bad(label, corrupt, e.name, `a complete ${format.noun}`, `the part ${e.name} runs past the end of the data: truncated or damaged; ${hint}`);
    expected = end;
    out.push({ ...e, dataStart });
  }
  if (expected !== cdOffset) bad(label, corrupt, expected, 'a well-formed zip', `unexpected data after the last part; ${hint}`);
  return out;
}

/** A zip64 value as a number, or undefined past what a number holds exactly (refused by a size limit then). */
function u64(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
}

/** The data of the extra field `id` among a zip header's extra fields, or undefined. */
function extraField(extra: Buffer, id: number): Buffer | undefined {
  for (let q = 0; q + 4 <= extra.length; ) {
    const length = extra.readUInt16LE(q + 2);
    if (extra.readUInt16LE(q) === id) return extra.subarray(q + 4, Math.min(extra.length, q + 4 + length));
    q += 4 + length;
  }
  return undefined;
}

/** The sizes and offset of a directory entry whose 4-byte fields say "in the ZIP64 field" (0xFFFFFFFF), read from that field in the order of APPNOTE 4.5.3. */
function zip64Sizes(extra: Buffer, entry: { readonly size: number; readonly compressedSize: number; readonly localOffset: number }, damaged: () => never): { size: number; compressedSize: number; localOffset: number } {
  const field = extraField(extra, 0x0001) ?? damaged();
  let q = 0;
  const next = (value: number): number => {
    if (value !== 0xffffffff) return value;
    if (q + 8 > field.length) damaged();
    q += 8;
    return u64(field, q - 8);
  };
  const size = next(entry.size);
  const compressedSize = next(entry.compressedSize);
  return { size, compressedSize, localOffset: next(entry.localOffset) };
}

/**
 * The directory's count, size and offset from the ZIP64 end record, when a ZIP64 locator sits
 * just before the end record at `eocdAbs` (APPNOTE 4.3.14–4.3.15); undefined when there is none.
 */
function zip64End(bytes: ZipBytes, eocdAbs: number, label: string, format: ZipFormat): { count: number; cdSize: number; cdOffset: number; directoryEnd: number } | undefined {
  if (eocdAbs < 20) return undefined;
  const locator = bytes.read(eocdAbs - 20, 20);
  if (locator.length < 20 || locator.readUInt32LE(0) !== 0x07064b50) return undefined;
  const at = u64(locator, 8);
  const record = at + 56 <= eocdAbs - 20 ? bytes.read(at, 56) : Buffer.alloc(0);
  if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) {
    bad(label, `corrupt-${format.ext}`, at, 'a valid zip directory', `the ZIP64 end of the zip directory is missing or damaged; ${format.hint}`);
  }
  return { count: u64(record, 32), cdSize: u64(record, 40), cdOffset: u64(record, 48), directoryEnd: at };
}

/** The error of a part that does not unpack to its recorded size and checksum. */
function damagedPart(label: string, format: ZipFormat, entry: ZipEntry, why: string): VnPovertyError {
  return new VnPovertyError([
    issue({ code: `corrupt-${format.ext}`, path: [label], value: entry.name, expected: `a ${format.noun} whose parts unpack to their recorded size and checksum`, message: `${label}: the part ${entry.name} ${why}; ${format.hint}` }),
  ]);
}

/** The error of a part that unpacks past its recorded size. */
function bombPart(label: string, format: ZipFormat, entry: ZipEntry): VnPovertyError {
  return new VnPovertyError([
    issue({ code: `${format.ext}-limit`, path: [label], value: entry.name, expected: 'parts that unpack to their recorded size', message: `${label}: the part ${entry.name} unpacks to more than the ${entry.size} bytes its zip directory records (a "zip bomb"?); refused` }),
  ]);
}

const isSheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/.test(name);

/** Counts worksheet cells (`<c ` / `<c>` / `<c/>`) across chunks: `carry` holds the last two bytes of the previous chunk. */
function cellTags(chunk: Uint8Array, carry: number[]): number {
  let n = 0;
  const at = (i: number): number => (i < 0 ? (carry[carry.length + i] ?? 0) : chunk[i]!);
  for (let i = -carry.length; i < chunk.length - 2; i++) {
    if (at(i) === 0x3c && at(i + 1) === 0x63) {
      const next = at(i + 2);
      if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
    }
  }
  carry.length = 0;
  carry.push(...chunk.subarray(Math.max(0, chunk.length - 2)));
  return n;
}

/**
 * Unpacks the parts of a zip held in memory after {@link readZipDirectory}, checking each one's real
 * size (never unpacking past it) and checksum, and the worksheet cells against `maxCells`.
 * Returns the parts `keep` names (all when it is absent).
 *
 * @throws VnPovertyError `corrupt-<ext>`, `<ext>-limit`, naming the file and the part.
 */
export function unpackZip(bytes: Uint8Array, label: string, format: ZipFormat, limits: ZipLimits, keep?: (name: string) => boolean): Map<string, Uint8Array> {
  const source = bufferZipBytes(bytes);
  const entries = readZipDirectory(source, label, format, limits);
  const parts = new Map<string, Uint8Array>();
  let cells = 0;
  for (const e of entries) {
    const packed = source.read(e.dataStart, e.compressedSize);
    let data: Buffer;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw damagedPart(label, format, e, 'has inconsistent sizes');
      data = packed;
    } else {
      try {
        data = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size) });
      } catch (error) {
        const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
        throw code === 'ERR_BUFFER_TOO_LARGE' ? bombPart(label, format, e) : damagedPart(label, format, e, 'is damaged (it does not unpack)');
      }
    }
    if (data.length > e.size) throw bombPart(label, format, e);
    if (data.length !== e.size) throw damagedPart(label, format, e, `unpacks to ${data.length} bytes, not the ${e.size} its zip directory records`);
    if (crc32(data) !== e.crc) throw damagedPart(label, format, e, 'fails its checksum');
    if (limits.maxCells !== undefined && isSheet(e.name)) {
      cells += cellTags(data, []);
      if (cells > limits.maxCells) overZipLimit(label, format, 'maxCells', cells, limits.maxCells, 'the number of cells');
    }
    if (keep === undefined || keep(e.name)) parts.set(e.name, data);
  }
  return parts;
}

/**
 * The unpacked bytes of one part of a zip on disk, a chunk at a time, checked as they come: never
 * past the size its directory records (a zip bomb stops there), and once the last chunk is given,
 * exactly that size with the right checksum. A reader that needs the part checked before it
 * uses any of it reads it to the end first.
 *
 * @throws VnPovertyError `corrupt-<ext>`, `<ext>-limit`.
 */
export async function* checkedPartChunks(bytes: ZipBytes, entry: ZipEntry, label: string, format: ZipFormat): AsyncGenerator<Buffer> {
  let size = 0;
  let crc = 0;
  const step = 1 << 20;
  if (entry.method === 0 && entry.compressedSize !== entry.size) throw damagedPart(label, format, entry, 'has inconsistent sizes');
  const packed = (function* (): Generator<Buffer> {
    for (let off = 0; off < entry.compressedSize; off += step) yield bytes.read(entry.dataStart + off, Math.min(step, entry.compressedSize - off));
  })();
  if (entry.method === 0) {
    for (const chunk of packed) {
      size += chunk.length;
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } else {
    const inflate = Readable.from(packed).pipe(zlib.createInflateRaw());
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > entry.size) throw bombPart(label, format, entry);
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof VnPovertyError) throw error;
      throw damagedPart(label, format, entry, 'is damaged (it does not unpack)');
    } finally {
      inflate.destroy();
    }
  }
  if (size !== entry.size) throw damagedPart(label, format, entry, `unpacks to ${size} bytes, not the ${entry.size} its zip directory records`);
  if ((crc >>> 0) !== entry.crc) throw damagedPart(label, format, entry, 'fails its checksum');
}

/**
 * Unpacks one part of a zip on disk without keeping it, checking its real size and checksum
 * against the directory (for files too large to hold in memory).
 *
 * @throws VnPovertyError `corrupt-<ext>`, `<ext>-limit`.
 */
export async function verifyZipEntry(bytes: ZipBytes, entry: ZipEntry, label: string, format: ZipFormat): Promise<void> {
  for await (const chunk of checkedPartChunks(bytes, entry, label, format)) void chunk;
}

/** Why a zip without the format's required part is refused, saying what it is when its parts tell: the other office format, an OpenDocument file. */
function foreignZipReason(entries: ReadonlyArray<Pick<ZipEntry, 'name'>>, format: ZipFormat): string {
  const has = (name: string): boolean => entries.some((e) => e.name === name);
  const app = format.ext === 'xlsx' ? 'Excel' : 'Word';
  if (format.ext === 'xlsx' && has('word/document.xml')) return 'a Word document (.docx), not an Excel workbook: give the table as .xlsx or .csv (vn-poverty check reads a .docx plan)';
  if (format.ext === 'docx' && has('xl/workbook.xml')) return 'an Excel workbook (.xlsx), not a Word document: name it .xlsx (vn-poverty check reads workbooks too)';
  // Excel's binary workbook (.xlsb, "Excel Binary Workbook"): a zip like .xlsx, its parts .bin records no XML reader reads
  if (has('xl/workbook.bin')) return `an Excel Binary Workbook (.xlsb), not ${format.what}: open it in Excel and save it as .xlsx (File → Save As → Excel Workbook)`;
  if (has('mimetype') || has('content.xml')) return `an OpenDocument file (LibreOffice .odt/.ods), not ${format.what}: open it in LibreOffice or ${app} and save it as .${format.ext}`;
  return format.foreign;
}

/** The save hint shared by the messages about a damaged XLSX. */
const XLSX_HINT = 'open it in Excel or LibreOffice and save it again as .xlsx';

/** The XLSX format. */
export const XLSX_FORMAT: ZipFormat = Object.freeze({
  ext: 'xlsx',
  what: 'an .xlsx workbook',
  noun: 'workbook',
  hint: XLSX_HINT,
  largeHint: 'write large registers as CSV, or raise ',
  requiredPart: 'xl/workbook.xml',
  foreign: 'a zip archive, but not an Excel workbook (it has no xl/workbook.xml)',
  oldFormat: 'an Excel 97–2003 (.xls) workbook or a password-protected one, not an .xlsx: save it as .xlsx without a password',
  textFile: 'text, not an .xlsx workbook (a CSV file with an .xlsx name? rename it .csv)',
});

/** The DOCX format. */
export const DOCX_FORMAT: ZipFormat = Object.freeze({
  ext: 'docx',
  what: 'a .docx document',
  noun: 'document',
  hint: 'open it in Word or LibreOffice and save it again as .docx',
  largeHint: 'split the document, or raise ',
  requiredPart: 'word/document.xml',
  foreign: 'a zip archive, but not a Word document (it has no word/document.xml)',
  oldFormat: 'a Word 97–2003 (.doc) document or a password-protected one, not a .docx: open it in Word and save it as .docx (Word Document) without a password',
  textFile: 'text, not a .docx document (a text file with a .docx name? rename it .txt)',
});
