import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { deserialize } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createIdSet, addIdKey } from '../_internal/_idSet.js';
import { VnPovertyError, type VnIssues } from '../errors/VnPovertyError.js';
import { sumClassificationCounts, type ClassificationCounts } from '../standards/classificationCounts.js';
import type { HouseholdStatus } from '../standards/householdStatus.js';
import { openAtomicOutput, type AtomicOutput } from './_atomicOutput.js';
import { registerFailure, registerHouseholdIssues, type ClassifyRegisterFileOptions, type RegisterFileSummary, type RegisterHouseholdColumns } from './classifyRegisterFile.js';
import { readRegisterBatches, type RegisterFileLayout } from './readRegisterBatches.js';
import { boundsNotes, OutOfBounds, type BoundsNoteContext, type BoundsTallies } from './plausibleBounds.js';
import { pieceRunner, type PieceRunner } from './_registerPiece.js';
import { utf16Encoding } from './_utf16.js';
import { formatOfPath, inputFormatOfPath, type RowSource } from './readRows.js';

/**
 * The parallel register path of `classifyRegisterFile` (`vn-poverty classify --threads N`).
 *
 * The main process reads the file once to cut it into pieces of 4 to 16 MiB ({@link pieceBytesFor})
 * that end at record boundaries (outside quotes: the quotes are counted, so a newline inside a
 * quoted field is never a boundary; it keeps one read's bytes, never a piece's), and hands each
 * piece, as a byte range, to one of N − 1 child processes (`_registerChild.ts`, forked with an
 * IPC channel) or classifies it itself. Whoever classifies a piece reads it from the file,
 * classifies it under the file's own header rows with the one-thread code
 * (`classifyRegisterSource`, through `_registerPiece.ts`), and returns the size of its output,
 * the counts, the households that could not be classified, and the 64-bit keys of the household
 * ids. The main process takes the results strictly in input order: it checks the id keys against
 * one id set (in order, as the one-thread path does), gives each piece its offset in the atomic
 * output's temporary file, where its classifier writes the bytes (the main process never copies
 * them), and reports the failures only once the whole file is done, with the header's notes
 * (every piece's, the same) and the notes on figures out of the plausible bounds, said once from
 * the pieces' tallies added up in order (the words and counts of one process).
 *
 * Child processes rather than worker threads: with workers, every piece and its output went
 * through the main isolate (its garbage collection alone took about 0.35 s of a 1 M run); a
 * child reads and writes the file itself, so only counts, keys and failures cross the channel. The children are killed on every way out
 * (an error, the end, a signal: SIGINT, SIGTERM, SIGHUP remove the temporary output and end
 * them at once; a child also exits when its channel closes, so one left behind by a killed main
 * process ends too).
 *
 * Anything whose report depends on what came before in the file is left to the one-thread path,
 * which then classifies the file from the start: a repeated id (or a key seen twice), a row that
 * is not a household (headings, totals rows, a header printed again), a note on a piece's rows, a score register, a member
 * register, an error that stops the run (a bad cell, bad bytes), more failures than
 * {@link MAX_HELD_FAILURES}. So every output byte, count, message and its order, and the exit
 * code are those of one thread; a file with such rows costs the parallel attempt up to where it
 * stopped. @internal
 */

/** Files smaller than this are classified on one thread. @internal */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
/**
 * The bytes of a piece (it ends at the next record boundary): a quarter of the file's share of
 * each process, from 4 to 16 MiB (each piece costs some set-up: fewer, larger pieces for a large
 * file; its output, about 3 bytes for each byte read, is held until it is written). @internal
 */
export function pieceBytesFor(size: number, threads: number): number {
  return Math.min(16 * 1024 * 1024, Math.max(4 * 1024 * 1024, Math.ceil(size / (4 * threads))));
}
/** Households that could not be classified held (to be reported in order at the end) before the one-thread path is used instead. @internal */
export const MAX_HELD_FAILURES = 50_000;
/** Signals that end the run: the children are killed and the temporary output removed at once. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** A piece with no record boundary in this many bytes (a quote left open) goes to the one-thread path. */
const MAX_PIECE_BYTES = 256 * 1024 * 1024;

/**
 * Test settings (an options key outside every public options type): smaller pieces and no size
 * floor, so small files cross many piece boundaries. @internal
 */
export const PARALLEL_TUNING: unique symbol = Symbol('vn-poverty parallel tuning');
interface Tuning {
  readonly minBytes?: number;
  readonly pieceBytes?: number;
  /** Called with why the one-thread path was taken (tests check the parallel path was used). */
  readonly onFallback?: (why: string) => void;
  /** Called with the child processes' ids once they are started. */
  readonly onChildren?: (pids: readonly number[]) => void;
}

/** What a child process is told once: the file to read, its header rows, the options. @internal */
export interface WorkerSetup {
  /** The header rows' bytes (from the start of the file to the first household row). */
  readonly prefix: Uint8Array;
  /** The file to read the pieces from. */
  readonly path: string;
  /** The file named in messages. */
  readonly file: string;
  /** The (temporary) output file the pieces' bytes are written into. */
  readonly out: string;
  readonly options: Readonly<Record<string, unknown>>;
}

/** A piece: the bytes `[start, end)` of the file. @internal */
export interface PieceJob {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** A message to a child process: the setup, a piece to classify, where to write a piece's output. @internal */
export type ChildMessage =
  | { readonly type: 'setup'; readonly setup: WorkerSetup }
  | { readonly type: 'piece'; readonly job: PieceJob }
  | { readonly type: 'write'; readonly index: number; readonly offset: number };

/** A message from a child process: a piece done, or its output written (`error` null) or not. @internal */
export type ChildReply = { readonly type: 'piece'; readonly result: PieceResult } | { readonly type: 'written'; readonly index: number; readonly error: string | null };

/** What a child process sends back for a piece (it keeps the output bytes until told where to write them). @internal */
export type PieceResult =
  | {
      readonly index: number;
      readonly ok: true;
      /** Why the piece needs the one-thread path, or null. */
      readonly irregular: string | null;
      /** The output's header line (the same for every piece). */
      readonly headerLine: string;
      /** Bytes of output (without the header line). */
      readonly size: number;
      /** The 64-bit keys of the household ids, in order (two words each). */
      readonly keys: Uint32Array;
      readonly read: number;
      readonly byStatus: Readonly<Record<HouseholdStatus, number>>;
      readonly roundedUp: number;
      readonly counts: ClassificationCounts | null;
      readonly layout: RegisterFileLayout | null;
      readonly failures: ReadonlyArray<PieceFailure>;
      /** A child's failure details, serialized (`node:v8`), failure i's from `ends[i]` to `ends[i + 1]`; null from the main process, whose failures carry `detail`. */
      readonly details: { readonly bytes: Uint8Array; readonly ends: Uint32Array } | null;
      /** The notes of the piece's reader (those of its header rows; any other sends the file to the one-thread path), without the notes on figures out of bounds. */
      readonly notes: readonly string[];
      /** The piece's figures out of the plausible bounds (rows numbered from the header), from which the main process says the notes once. */
      readonly bounds: { readonly context: BoundsNoteContext; readonly tallies: BoundsTallies } | null;
    }
  | { readonly index: number; readonly ok: false; readonly irregular: string };

/** A household of a piece that could not be classified: its rows (numbered from the header) and id. @internal */
export interface PieceFailure {
  readonly row: number;
  readonly lastRow: number;
  readonly id: string | undefined;
  /** In the main process: its error's issues or text, found when called. */
  readonly detail?: () => FailureDetail;
  /** From a child, a household of the columns alone: its columns, from which its issues are found again when read. */
  readonly household?: RegisterHouseholdColumns;
}

/** What a failure's error is made from: the issues of a `VnPovertyError`, or another error's text. @internal */
export interface FailureDetail {
  readonly issues: VnIssues | null;
  readonly other: string | null;
}

/** Options a child can be given (plain data: no functions, no custom standards). */
const PASSED = ['asOf', 'onConflict', 'delimiter', 'marks', 'headers', 'numbers', 'rawCsv', 'source', 'maxFieldLength', 'batchSize', 'plausibleBounds'] as const;
/** Options that keep the one-thread path (functions, objects that are not plain data, output shapes the children do not write). */
const ONE_THREAD = ['standard', 'standards', 'predicates', 'onUnusedFlag', 'onHousehold', 'onHeader', 'limits', 'sheet'] as const;

/** The child module, next to this one, and how to start it (`.ts` under tsx and vitest: with tsx's loader; `.js` in dist/). */
function childScript(): { readonly path: string; readonly execArgv: readonly string[] } | undefined {
  const here = typeof import.meta === 'object' && typeof import.meta.url === 'string' ? import.meta.url : undefined;
  if (here !== undefined) {
    if (!here.endsWith('.ts')) return { path: fileURLToPath(new URL('./_registerChild.js', here)), execArgv: [] };
    try {
      const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
      return { path: fileURLToPath(new URL('./_registerChild.ts', here)), execArgv: ['--import', tsx] };
    } catch {
      return undefined;
    }
  }
  // the CommonJS bundle (dist/io.cjs): the ESM child module is in dist/io/
  return typeof __dirname === 'string' ? { path: join(__dirname, 'io', '_registerChild.js'), execArgv: [] } : undefined;
}

/** Who classifies pieces: a child process, or the main process itself. */
interface PieceWorker {
  /** Pieces given and not yet done. */
  readonly load: number;
  run(job: PieceJob): Promise<PieceResult>;
  /** Writes the output of piece `index` at `offset`; null once written, or why not. */
  write(index: number, offset: number): Promise<string | null>;
  /** Stops it now (an exit path that cannot wait). */
  kill(): void;
  /** Ends it; resolves once it can write nothing more. */
  end(): Promise<void>;
}

/** The main process classifying pieces too, one at a time in the order given (between the results of the others). */
class LocalWorker implements PieceWorker {
  private readonly runner: PieceRunner;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private ended = false;

  constructor(setup: WorkerSetup) {
    this.runner = pieceRunner(setup, true);
  }

  get load(): number {
    return this.pending;
  }

  run(job: PieceJob): Promise<PieceResult> {
    this.pending++;
    const result = this.queue.then(async () => (this.ended ? ({ index: job.index, ok: false, irregular: 'ended' } as const) : this.runner.piece(job)));
    this.queue = result;
    return result.finally(() => this.pending--);
  }

  write(index: number, offset: number): Promise<string | null> {
    return this.runner.write(index, offset);
  }

  kill(): void {
    this.ended = true;
  }

  async end(): Promise<void> {
    this.ended = true;
    await this.queue.catch(() => undefined);
    await this.runner.close();
  }
}

/** A child process running one piece at a time, in the order sent. */
class PieceChild implements PieceWorker {
  readonly process: ChildProcess;
  private readonly jobs: Array<{ index: number; resolve: (r: PieceResult) => void }> = [];
  private readonly writes = new Map<number, (error: string | null) => void>();
  private broken: string | undefined;
  private readonly exited: Promise<void>;

  constructor(script: NonNullable<ReturnType<typeof childScript>>, setup: WorkerSetup) {
    // its own options only (never the caller's --inspect and such); nothing on the terminal
    this.process = fork(script.path, [], { execArgv: [...script.execArgv], serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    this.exited = new Promise((resolve) => this.process.once('exit', () => resolve()));
    this.process.on('message', (m: ChildReply) => (m.type === 'piece' ? this.done(m.result) : this.written(m.index, m.error)));
    this.process.on('error', (e) => this.fail(`child process error: ${e.message}`));
    this.process.on('exit', (code, signal) => this.fail(`child process exited (${signal ?? code})`));
    this.send({ type: 'setup', setup });
  }

  get load(): number {
    return this.jobs.length;
  }

  run(job: PieceJob): Promise<PieceResult> {
    return new Promise((resolve) => {
      if (this.broken !== undefined) return resolve({ index: job.index, ok: false, irregular: this.broken });
      this.jobs.push({ index: job.index, resolve });
      this.send({ type: 'piece', job });
    });
  }

  /** Has it write the output of piece `index` at `offset`; resolves with null once written, or why not. */
  write(index: number, offset: number): Promise<string | null> {
    return new Promise((resolve) => {
      if (this.broken !== undefined) return resolve(this.broken);
      this.writes.set(index, resolve);
      this.send({ type: 'write', index, offset });
    });
  }

  private written(index: number, error: string | null): void {
    const resolve = this.writes.get(index);
    this.writes.delete(index);
    resolve?.(error);
  }

  private send(m: ChildMessage): void {
    try {
      this.process.send(m, (e) => (e ? this.fail(`cannot reach the child process: ${e.message}`) : undefined));
    } catch (e) {
      this.fail(`cannot reach the child process: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private done(r: PieceResult): void {
    const i = this.jobs.findIndex((j) => j.index === r.index);
    if (i >= 0) this.jobs.splice(i, 1)[0]!.resolve(r);
  }

  private fail(why: string): void {
    this.broken ??= why;
    for (const j of this.jobs.splice(0)) j.resolve({ index: j.index, ok: false, irregular: why });
    for (const resolve of this.writes.values()) resolve(why);
    this.writes.clear();
  }

  /** Kills it now (an exit path that cannot wait). */
  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
  }

  /** Ends it and waits until it has exited (so it writes nothing after). */
  async end(): Promise<void> {
    this.broken ??= 'ended';
    if (this.process.exitCode === null && this.process.signalCode === null) {
      if (this.jobs.length === 0 && this.writes.size === 0 && this.process.connected) this.process.disconnect();
      else this.process.kill('SIGKILL');
    }
    await this.exited;
  }
}

/**
 * Where the records of CSV bytes end, fed in order and in any number of reads: LF, CRLF or a lone
 * CR outside quotes ends a record (quotes are counted: a line break inside a quoted field never
 * ends one; `""` counts twice). A CR last in a read is settled by the next byte (or the end of
 * the file: {@link endRecords}). The one scanner of the parallel path: the header rows' end,
 * the pieces' ends and the records in each piece.
 */
interface RecordScan {
  inQuote: boolean;
  /** The last byte fed was a CR outside quotes, not yet settled. */
  pendingCr: boolean;
  /** Records ended so far. */
  records: number;
  /** Bytes were fed after the last record end (a record not yet ended). */
  tail: boolean;
}

const newScan = (): RecordScan => ({ inQuote: false, pendingCr: false, records: 0, tail: false });

/** The offset of the next byte `c` in `buf` from `p`, or its length. */
function nextByte(buf: Buffer, c: number, p: number): number {
  const at = buf.indexOf(c, p);
  return at < 0 ? buf.length : at;
}

/**
 * Feeds `buf` (all of it, from `from`) to the scan, up to the first record end at offset `atLeast`
 * or later, or the `limit`-th record end; returns that end (the offset just after it, in `buf`),
 * or −1 when the bytes ran out first (then all were fed).
 */
function scanRecords(s: RecordScan, buf: Buffer, from: number, atLeast: number, limit: number): number {
  const len = buf.length;
  let p = from;
  let last = -1;
  const ended = (end: number): boolean => {
    s.records++;
    s.tail = false;
    last = end;
    return end >= atLeast || s.records >= limit;
  };
  const ranOut = (): number => {
    if ((last >= 0 ? last : from) < len) s.tail = true;
    return -1;
  };
  if (s.pendingCr) {
    if (p >= len) return -1;
    s.pendingCr = false;
    if (buf[p] === 10) p++;
    if (ended(p)) return p;
  }
  let quote = -1;
  let lf = -1;
  let cr = -1;
  while (p < len) {
    if (s.inQuote) {
      const q = buf.indexOf(34, p);
      if (q < 0) return ranOut();
      s.inQuote = false;
      p = q + 1;
      continue;
    }
    // the next quote, LF and CR from p (each found once: positions only move forward)
    if (quote < p) quote = nextByte(buf, 34, p);
    if (lf < p) lf = nextByte(buf, 10, p);
    if (cr < p) cr = nextByte(buf, 13, p);
    if (lf < quote && lf < cr) {
      p = lf + 1;
      if (ended(p)) return p;
    } else if (cr < quote) {
      if (cr + 1 >= len) {
        s.pendingCr = true;
        return ranOut();
      }
      p = buf[cr + 1] === 10 ? cr + 2 : cr + 1;
      if (ended(p)) return p;
    } else if (quote < len) {
      s.inQuote = true;
      p = quote + 1;
    } else return ranOut();
  }
  return ranOut();
}

/** The end of the file ends the last record: a CR left pending, or a record with no line break after it. */
function endRecords(s: RecordScan): void {
  if (s.pendingCr || s.tail) s.records++;
  s.pendingCr = false;
  s.tail = false;
}

/** A piece of the file: bytes `[start, end)`, whole records, `records` of them. */
interface Piece {
  readonly start: number;
  readonly end: number;
  readonly records: number;
}

/** Reads a file once, from `position`, into pieces of at least `pieceBytes` that end at record ends (it keeps one read's bytes, never a piece's). */
class PieceReader {
  private readonly scan = newScan();
  private readonly block: Buffer;
  private data: Buffer = Buffer.alloc(0);
  /** File offset of `data[0]`, and how far into `data` the scan has gone. */
  private dataAt: number;
  private fed = 0;
  private start: number;
  private recordsAtStart = 0;
  private eof = false;

  constructor(
    private readonly handle: FileHandle,
    position: number,
    private readonly pieceBytes: number,
  ) {
    this.block = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(pieceBytes, 1 << 20)));
    this.dataAt = position;
    this.start = position;
  }

  /** The next piece, or undefined at the end of the file; null when a piece would pass {@link MAX_PIECE_BYTES} (a quote left open). */
  async next(): Promise<Piece | undefined | null> {
    for (;;) {
      if (this.fed < this.data.length) {
        const end = scanRecords(this.scan, this.data, this.fed, this.start + this.pieceBytes - this.dataAt, Infinity);
        if (end >= 0) {
          this.fed = end;
          return this.cut(this.dataAt + end);
        }
        this.fed = this.data.length;
      }
      const at = this.dataAt + this.data.length;
      if (this.eof) {
        endRecords(this.scan);
        return at > this.start ? this.cut(at) : undefined;
      }
      if (at - this.start > MAX_PIECE_BYTES) return null;
      const { bytesRead } = await this.handle.read(this.block, 0, this.block.length, at);
      if (bytesRead === 0) this.eof = true;
      this.dataAt = at;
      this.data = this.block.subarray(0, bytesRead);
      this.fed = 0;
    }
  }

  private cut(end: number): Piece {
    const piece = { start: this.start, end, records: this.scan.records - this.recordsAtStart };
    this.start = end;
    this.recordsAtStart = this.scan.records;
    return piece;
  }
}

/** A file's bytes in reads of 16 KiB (the header read stops at the first household: only one small read is read past it). */
async function* smallReads(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    for (let position = 0; ; ) {
      const chunk = Buffer.allocUnsafe(16 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield chunk.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The byte offset just after the first `records` records of a file, or −1 (the file ends first, or no end in {@link MAX_PIECE_BYTES}). */
async function prefixEnd(handle: FileHandle, records: number): Promise<number> {
  const buf = Buffer.allocUnsafe(1 << 20);
  const scan = newScan();
  for (let position = 0; position <= MAX_PIECE_BYTES; ) {
    const { bytesRead } = await handle.read(buf, 0, buf.length, position);
    if (bytesRead === 0) return -1;
    const end = scanRecords(scan, buf.subarray(0, bytesRead), 0, Infinity, records);
    if (end >= 0) return position + end;
    position += bytesRead;
  }
  return -1;
}

/** The first bytes of a file (up to `length`). */
async function fileHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = new Uint8Array(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Classifies a large CSV register file on several threads, or returns undefined when the
 * one-thread path must do it (from the start; nothing has been written or reported then). @internal
 */
export async function classifyInParallel(source: RowSource, options: ClassifyRegisterFileOptions, threads: number): Promise<RegisterFileSummary | undefined> {
  const tuning: Tuning = (options as { [PARALLEL_TUNING]?: Tuning })[PARALLEL_TUNING] ?? {};
  const fallback = (why: string): undefined => {
    tuning.onFallback?.(why);
    return undefined;
  };
  if (typeof source !== 'string') return fallback('not a file');
  if ((options.format ?? inputFormatOfPath(source)) !== 'csv') return fallback('not a CSV file');
  if (typeof options.out !== 'string' || (options.outFormat ?? formatOfPath(options.out)) !== 'csv') return fallback('not written to a CSV file');
  if (options.explain === true) return fallback('explain');
  for (const key of ONE_THREAD) if (options[key] !== undefined) return fallback(`option ${key}`);
  const size = (await stat(source)).size;
  if (size < (tuning.minBytes ?? PARALLEL_MIN_BYTES)) return fallback('a small file');
  const script = childScript();
  if (script === undefined) return fallback('no child module');
  // UTF-16 text is decoded in a stream on one thread: its pieces cannot be cut at byte offsets of UTF-8 records
  if (utf16Encoding(await fileHead(source, 64 * 1024), false) !== undefined) return fallback('UTF-16 text');

  // the header, as the one-thread reader finds it (its errors are left to the one-thread path)
  let layout: RegisterFileLayout | undefined;
  // read in small steps, so that only the households of the first step are read after the header
  const header = readRegisterBatches(smallReads(source), {
    asOf: options.asOf,
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    ...(options.marks !== undefined ? { marks: options.marks } : {}),
    source: options.source ?? basename(source),
    ...(options.maxFieldLength !== undefined ? { maxFieldLength: options.maxFieldLength } : {}),
    format: 'csv',
    batchSize: 1,
    onLayout: (l) => (layout = l),
    onDuplicate: () => undefined,
    onSkippedRow: () => undefined,
  });
  try {
    await header.next();
  } catch (e) {
    return fallback(`the header or first rows need the one-thread path: ${e instanceof Error ? e.message.slice(0, 300) : ''}`);
  } finally {
    await header.return(undefined);
  }
  if (layout === undefined) return fallback('no header');
  if (layout.layout !== 'household-rows' || layout.scores || layout.income === null) return fallback('a member or score register');
  const headerRows = layout.headerRows[layout.headerRows.length - 1]!;

  const handle = await open(source, 'r');
  const children: PieceWorker[] = [];
  let out: AtomicOutput | undefined;
  let interrupted: NodeJS.Signals | undefined;
  // an exit that cannot wait (a signal, process.exit): the children killed and the temporary output removed at once
  const cleanUpNow = (): void => {
    for (const c of children) c.kill();
    if (out !== undefined) rmSync(out.tempPath, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted = signal;
    cleanUpNow();
    unwatch();
    // the signal's own effect (the process ends) unless the program has its own handler
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const unwatch = (): void => {
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
    process.removeListener('exit', cleanUpNow);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', cleanUpNow);
  let done: { byStatus: Record<HouseholdStatus, number>; failures: number; roundedUp: number; counts: ClassificationCounts[] } | undefined;
  let replaying = false;
  const file = options.source ?? source;
  const summaryLayout = layout;
  const replay = (failures: readonly HeldFailure[]): void => {
    options.onLayout?.(summaryLayout);
    for (const f of failures) {
      const error = (): unknown => {
        const d = f.detail();
        return d.issues !== null ? new VnPovertyError(d.issues) : new Error(d.other ?? 'unknown error');
      };
      options.onFailure?.(registerFailure(f.row, f.lastRow, f.id, file, error));
    }
  };
  let written: FileHandle | undefined;
  const writes: Array<Promise<string | null>> = [];
  try {
    const end = await prefixEnd(handle, headerRows);
    if (end < 0) return fallback('no row after the header');
    const prefix = new Uint8Array(end);
    await handle.read(prefix, 0, end, 0);
    out = await openAtomicOutput(options.out);
    const output = out;
    const passed: Record<string, unknown> = {};
    for (const key of PASSED) if (options[key] !== undefined) passed[key] = options[key];
    passed['source'] = options.source ?? basename(source); // the reader's label, as for the file
    const setup: WorkerSetup = { prefix, path: source, file: options.source ?? source, out: output.tempPath, options: passed };
    // threads − 1 child processes, and the main process itself
    for (let t = 1; t < threads; t++) children.push(new PieceChild(script, setup));
    children.push(new LocalWorker(setup));
    tuning.onChildren?.(children.flatMap((c) => (c instanceof PieceChild && c.process.pid !== undefined ? [c.process.pid] : [])));
    const reader = new PieceReader(handle, end, tuning.pieceBytes ?? pieceBytesFor(size, threads));
    written = await open(output.tempPath, 'r+');
    // the output file: the byte-order mark and the header line, then each piece's bytes, written by its child where the main process says
    let offset = 0;
    const writeHere = async (text: string): Promise<void> => {
      const bytes = Buffer.from(text, 'utf8');
      await written!.write(bytes, 0, bytes.length, offset);
      offset += bytes.length;
    };
    if (options.bom ?? true) await writeHere('\uFEFF');

    const ids = createIdSet(Math.ceil(size / 48));
    const byStatus: Record<HouseholdStatus, number> = { poor: 0, 'near-poor': 0, average: 0, 'non-poor': 0 };
    const counts: ClassificationCounts[] = [];
    const failures: HeldFailure[] = [];
    // the header's notes (every piece's, the same) and the figures out of bounds, added up in the file's order
    let notes: readonly string[] | undefined;
    let boundsContext: BoundsNoteContext | undefined;
    const tallies = { manyMembers: new OutOfBounds(), littleIncome: new OutOfBounds(), largeIncome: new OutOfBounds() };
    let read = 0;
    let counted = 0;
    let roundedUp = 0;
    let firstRow = headerRows + 1;
    let index = 0;
    let eof = false;
    const inFlight: Array<{ readonly result: Promise<PieceResult>; readonly piece: Piece; readonly child: PieceWorker }> = [];
    const idlest = (): PieceWorker => children.reduce((a, b) => (b.load < a.load ? b : a));
    let stop: string | undefined;
    while (stop === undefined) {
      // each child has a piece to do and one waiting, so none waits for the main process
      while (!eof && inFlight.length < 2 * threads) {
        const piece = await reader.next();
        if (piece === null) {
          stop = 'a record longer than a piece can hold';
          break;
        }
        if (piece === undefined) {
          eof = true;
          break;
        }
        const child = idlest();
        inFlight.push({ piece, child, result: child.run({ index, start: piece.start, end: piece.end }) });
        index++;
      }
      if (stop !== undefined || inFlight.length === 0) break;
      const next = inFlight.shift()!;
      const r = await next.result;
      if (interrupted !== undefined) throw new Error(`interrupted (${interrupted})`);
      if (!r.ok) {
        stop = r.irregular;
        break;
      }
      if (r.irregular !== null) {
        stop = r.irregular;
        break;
      }
      if (JSON.stringify(r.layout) !== JSON.stringify(layout)) {
        stop = 'a piece read under another header';
        break;
      }
      // rows: the child numbers its piece from the header; the pieces before it move it down
      const shift = firstRow - (headerRows + 1);
      // a repeat sends the file to the one-thread path, which reports it: the set keeps each key's household number, not its row
      const keys = r.keys;
      for (let i = 0; i < keys.length; i += 2) {
        if (addIdKey(ids, keys[i]!, keys[i + 1]!, counted++) !== -1) {
          stop = 'a repeated household id';
          break;
        }
      }
      if (stop !== undefined) break;
      notes ??= r.notes;
      if (JSON.stringify(r.notes) !== JSON.stringify(notes)) {
        stop = 'a note on the rows of a piece';
        break;
      }
      if (r.bounds !== null) {
        boundsContext ??= r.bounds.context;
        for (const kind of ['manyMembers', 'littleIncome', 'largeIncome'] as const) tallies[kind].addTally(r.bounds.tallies[kind], shift);
      }
      if (failures.length + r.failures.length > MAX_HELD_FAILURES) {
        stop = 'too many households not classified to hold';
        break;
      }
      const details = r.details;
      r.failures.forEach((f, j) =>
        failures.push({ row: f.row + shift, lastRow: f.lastRow + shift, id: f.id, detail: f.detail ?? (f.household !== undefined ? columnsDetail(f.household, f.id, options) : () => deserialize(details!.bytes.subarray(details!.ends[j]!, details!.ends[j + 1]!)) as FailureDetail) }),
      );
      if (r.index === 0) await writeHere(r.headerLine);
      writes.push(next.child.write(r.index, offset));
      offset += r.size;
      for (const s of Object.keys(byStatus) as HouseholdStatus[]) byStatus[s] += r.byStatus[s];
      if (r.counts !== null) counts.push(r.counts);
      read += r.read;
      roundedUp += r.roundedUp;
      firstRow += next.piece.records;
      options.onBytes?.(next.piece.end);
      options.onProgress?.(read);
    }
    if (stop === undefined && read === 0) stop = 'no households';
    if (stop === undefined) stop = (await Promise.all(writes)).find((e) => e !== null) ?? undefined;
    if (interrupted !== undefined) throw new Error(`interrupted (${interrupted})`);
    if (stop !== undefined) {
      await Promise.all(children.map((c) => c.end().catch(() => undefined)));
      await written.close();
      written = undefined;
      await output.abort();
      out = undefined;
      return fallback(stop);
    }
    await written.close();
    written = undefined;
    // what one thread would have reported, in its order, before the file replaces --out (a callback that throws stops the run, as on one thread)
    replaying = true;
    for (const note of notes ?? []) options.onNote?.(note);
    replay(failures);
    if (boundsContext !== undefined && options.onNote !== undefined) {
      for (const note of boundsNotes(boundsContext, { manyMembers: tallies.manyMembers.tally(), littleIncome: tallies.littleIncome.tally(), largeIncome: tallies.largeIncome.tally() })) options.onNote(note);
    }
    await output.commit();
    out = undefined;
    done = { byStatus, failures: failures.length, roundedUp, counts };
  } catch (error) {
    // the children have exited before the temporary output is removed (so none writes to it after)
    await Promise.all(children.map((c) => c.end().catch(() => undefined)));
    await written?.close().catch(() => undefined);
    await out?.abort().catch(() => undefined);
    out = undefined;
    if (replaying || interrupted !== undefined) throw error;
    // an unexpected failure of the attempt (a child that cannot start…): the one-thread path says what is wrong, if anything
    return fallback(`the parallel attempt failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await Promise.all(children.map((c) => c.end().catch(() => undefined)));
    unwatch();
    await handle.close();
  }
  return Object.freeze({
    layout,
    standardId: layout.standardId,
    scoreRuleId: null,
    byStatus: Object.freeze(done.byStatus),
    classified: Object.values(done.byStatus).reduce((a, b) => a + b, 0),
    failed: done.failures,
    findings: 0,
    roundedUp: done.roundedUp,
    counts: done.counts.length > 0 ? sumClassificationCounts(done.counts) : null,
  });
}

/** The detail of a child's failure sent as its columns: its issues found again, as the child found them. */
function columnsDetail(household: RegisterHouseholdColumns, id: string | undefined, options: ClassifyRegisterFileOptions): () => FailureDetail {
  return () => {
    const issues = registerHouseholdIssues(household, id, options);
    if (issues === null) throw new Error('unreachable: a household sent as not classified is classified');
    return { issues, other: null };
  };
}

/** A household not classified, held until the whole file is done. */
interface HeldFailure {
  readonly row: number;
  readonly lastRow: number;
  readonly id: string | undefined;
  /** Its error's issues or text (read back or found only when its error is read). */
  readonly detail: () => FailureDetail;
}
