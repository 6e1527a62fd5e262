import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createIdSet, addIdKey } from '../_internal/_idSet.js';
import { VnPovertyError, type VnIssues } from '../errors/VnPovertyError.js';
import { sumClassificationCounts, type ClassificationCounts } from '../standards/classificationCounts.js';
import type { HouseholdStatus } from '../standards/householdStatus.js';
import { openAtomicStream, type AtomicStream } from './_atomicOutput.js';
import { registerFailure, type ClassifyRegisterFileOptions, type RegisterFileSummary } from './classifyRegisterFile.js';
import { readRegisterBatches, type RegisterFileLayout } from './readRegisterBatches.js';
import { formatOfPath, type RowSource } from './readRows.js';

/**
 * The parallel register path of `classifyRegisterFile` (`vn-poverty classify --threads N`).
 *
 * The main thread reads the file in pieces of about {@link PIECE_BYTES}, each ending at a record
 * boundary (outside quotes: the quotes are counted, so a newline inside a quoted field is never a
 * boundary), and hands them to `worker_threads` workers. A worker classifies its piece, under the
 * file's own header rows, with the one-thread code (`classifyRegisterSource`), and returns the
 * output bytes, the counts, the households that could not be classified, and the 64-bit keys of
 * the household ids. The main thread takes the results strictly in input order: it checks the id
 * keys against one id set (in order, as the one-thread path does), writes the bytes through the
 * atomic output, and reports the failures only once the whole file is done.
 *
 * Anything whose report depends on what came before in the file is left to the one-thread path,
 * which then classifies the file from the start: a repeated id (or a key seen twice), a row that
 * is not a household (headings, totals rows, a header printed again), a score register, a member
 * register, an error that stops the run (a bad cell, bad bytes), more failures than
 * {@link MAX_HELD_FAILURES}. So every output byte, count, message and its order, and the exit
 * code are those of one thread; a file with such rows costs the parallel attempt up to where it
 * stopped. @internal
 */

/** Files smaller than this are classified on one thread. @internal */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
/** The bytes of a piece handed to a worker (it ends at the next record boundary). @internal */
export const PIECE_BYTES = 4 * 1024 * 1024;
/** Households that could not be classified held (to be reported in order at the end) before the one-thread path is used instead. @internal */
export const MAX_HELD_FAILURES = 50_000;
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
}

/** What the worker is told once. @internal */
export interface WorkerSetup {
  readonly prefix: Uint8Array;
  readonly file: string;
  readonly options: Readonly<Record<string, unknown>>;
}

/** What a worker sends back for a piece. @internal */
export type PieceResult =
  | {
      readonly index: number;
      readonly ok: true;
      /** Why the piece needs the one-thread path, or null. */
      readonly irregular: string | null;
      /** The output's header line (the same for every piece). */
      readonly headerLine: string;
      readonly bytes: Uint8Array;
      readonly keys: Uint32Array;
      readonly rows: Uint32Array;
      /** Records (rows) in the piece. */
      readonly records: number;
      readonly read: number;
      readonly byStatus: Readonly<Record<HouseholdStatus, number>>;
      readonly roundedUp: number;
      readonly counts: ClassificationCounts | null;
      readonly layout: RegisterFileLayout | null;
      readonly failures: ReadonlyArray<{ readonly row: number; readonly lastRow: number; readonly id: string | undefined; readonly issues: VnIssues | null; readonly other: string | null }>;
    }
  | { readonly index: number; readonly ok: false; readonly irregular: string };

/** Options a worker can be given (plain data: no functions, no custom standards). */
const PASSED = ['asOf', 'onConflict', 'delimiter', 'marks', 'headers', 'numbers', 'rawCsv', 'source', 'maxFieldLength', 'batchSize'] as const;
/** Options that keep the one-thread path (functions, objects that are not plain data, output shapes the workers do not write). */
const ONE_THREAD = ['standard', 'standards', 'predicates', 'onUnusedFlag', 'onHousehold', 'onHeader', 'limits', 'sheet'] as const;

/** The worker module, next to this one (`.ts` under tsx and vitest, `.js` in dist/). */
function workerScript(): { readonly url: URL | string; readonly eval: boolean } | undefined {
  const here = typeof import.meta === 'object' && typeof import.meta.url === 'string' ? import.meta.url : undefined;
  if (here !== undefined) {
    if (!here.endsWith('.ts')) return { url: new URL('./_registerWorker.js', here), eval: false };
    // the sources under tsx or vitest: the worker registers tsx, then loads the TypeScript module
    const module = new URL('./_registerWorker.ts', here).href;
    return { url: `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(module)}); });`, eval: true };
  }
  // the CommonJS bundle (dist/io.cjs): the ESM worker module is in dist/io/
  return typeof __dirname === 'string' ? { url: join(__dirname, 'io', '_registerWorker.js'), eval: false } : undefined;
}

/** A worker running one piece at a time. */
class PieceWorker {
  private readonly worker: Worker;
  private job: { resolve: (r: PieceResult) => void; index: number } | undefined;
  private readonly queue: Array<{ piece: Uint8Array; index: number; resolve: (r: PieceResult) => void }> = [];
  private broken: string | undefined;

  constructor(script: NonNullable<ReturnType<typeof workerScript>>, setup: WorkerSetup) {
    this.worker = new Worker(script.url, { workerData: setup, eval: script.eval });
    this.worker.on('message', (r: PieceResult) => this.done(r));
    this.worker.on('error', (e) => this.fail(`worker error: ${e instanceof Error ? e.message : String(e)}`));
    this.worker.on('exit', (code) => this.fail(`worker exited (${code})`));
  }

  get load(): number {
    return this.queue.length + (this.job !== undefined ? 1 : 0);
  }

  run(piece: Uint8Array, index: number): Promise<PieceResult> {
    return new Promise((resolve) => {
      if (this.broken !== undefined) return resolve({ index, ok: false, irregular: this.broken });
      this.queue.push({ piece, index, resolve });
      this.next();
    });
  }

  private next(): void {
    if (this.job !== undefined || this.queue.length === 0) return;
    const j = this.queue.shift()!;
    this.job = { resolve: j.resolve, index: j.index };
    this.worker.postMessage({ piece: j.piece, index: j.index }, [j.piece.buffer as ArrayBuffer]);
  }

  private done(r: PieceResult): void {
    const job = this.job;
    this.job = undefined;
    job?.resolve(r);
    this.next();
  }

  private fail(why: string): void {
    this.broken ??= why;
    const all = [...(this.job !== undefined ? [this.job] : []), ...this.queue];
    this.job = undefined;
    this.queue.length = 0;
    for (const j of all) j.resolve({ index: j.index, ok: false, irregular: why });
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/** Reads a file in pieces that end at record boundaries (outside quotes). */
class PieceReader {
  private carry: Buffer = Buffer.alloc(0);
  private inQuote = false;
  private eof = false;
  /** Bytes of `carry` whose quote state is already counted (into `inQuote`), and the last boundary found in them. */
  private scanned = 0;
  private boundary = -1;
  private boundaryQuote = false;

  constructor(
    private readonly handle: FileHandle,
    private position: number,
    private readonly pieceBytes: number,
  ) {}

  /** The next piece, or undefined at the end of the file; null when no boundary is found (a quote left open). */
  async next(): Promise<Uint8Array | undefined | null> {
    for (;;) {
      if (this.boundary > 0 && (this.carry.length - 0 >= this.pieceBytes || this.eof)) return this.cut(this.boundary);
      if (this.eof) return this.carry.length > 0 ? this.cut(this.carry.length) : undefined;
      if (this.carry.length > MAX_PIECE_BYTES) return null;
      const block = Buffer.allocUnsafe(this.pieceBytes);
      const { bytesRead } = await this.handle.read(block, 0, block.length, this.position);
      this.position += bytesRead;
      if (bytesRead === 0) {
        this.eof = true;
        continue;
      }
      this.carry = this.carry.length === 0 ? block.subarray(0, bytesRead) : Buffer.concat([this.carry, block.subarray(0, bytesRead)]);
      this.scan();
    }
  }

  /** Counts the quotes of the bytes not yet scanned and notes the last boundary outside quotes. */
  private scan(): void {
    const buf = this.carry;
    const end = buf.length;
    let p = this.scanned;
    // a CR last in the carry may be followed by an LF in the next read: scan it again then
    if (p > 0 && buf[p - 1] === 13) p--;
    let outsideFrom = this.inQuote ? -1 : p;
    while (p < end) {
      const q = buf.indexOf(34, p);
      const to = q < 0 ? end : q;
      if (!this.inQuote) this.noteBreak(buf, outsideFrom, to, end);
      if (q < 0) break;
      this.inQuote = !this.inQuote;
      p = q + 1;
      outsideFrom = this.inQuote ? -1 : p;
    }
    this.scanned = end;
  }

  /** The last record end in the outside-quotes bytes `[a, b)` of `buf` (which ends at `end`). */
  private noteBreak(buf: Buffer, a: number, b: number, end: number): void {
    if (a < 0 || b <= a) return;
    const lf = buf.lastIndexOf(10, b - 1);
    let at = lf >= a ? lf + 1 : -1;
    const cr = buf.lastIndexOf(13, b - 1);
    if (cr >= a && cr > lf && cr + 1 < end) at = cr + 1; // a lone CR ends a record too
    if (at > this.boundary) {
      this.boundary = at;
      this.boundaryQuote = this.inQuote;
    }
  }

  private cut(at: number): Uint8Array {
    const piece = new Uint8Array(at);
    piece.set(this.carry.subarray(0, at));
    this.carry = this.carry.subarray(at);
    this.scanned = Math.max(0, this.scanned - at);
    this.boundary = -1;
    // the rest may hold boundaries already scanned: scan it again (it is shorter than a piece)
    if (this.carry.length > 0) {
      const rest = Buffer.from(this.carry);
      this.carry = rest;
      this.inQuote = this.boundaryQuote;
      this.scanned = 0;
      this.scan();
    }
    return piece;
  }
}

/** Records in the first `records` of a file: the byte offset just after them, or −1. */
async function prefixEnd(handle: FileHandle, records: number): Promise<number> {
  const buf = Buffer.allocUnsafe(1 << 20);
  let position = 0;
  let inQuote = false;
  let seen = 0;
  let crAt = -2; // file offset of a CR just seen outside quotes
  for (;;) {
    const { bytesRead } = await handle.read(buf, 0, buf.length, position);
    if (bytesRead === 0) return -1;
    for (let i = 0; i < bytesRead; i++) {
      const c = buf[i]!;
      const at = position + i;
      if (crAt === at - 1) {
        crAt = -2;
        if (c === 10) {
          if (seen === records) return at + 1;
          continue;
        }
        if (seen === records) return at;
      }
      if (c === 34) inQuote = !inQuote;
      else if (!inQuote && c === 10) {
        seen++;
        if (seen === records) return at + 1;
      } else if (!inQuote && c === 13) {
        seen++;
        crAt = at;
      }
    }
    position += bytesRead;
    if (position > MAX_PIECE_BYTES) return -1;
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
  if ((options.format ?? formatOfPath(source)) !== 'csv') return fallback('not a CSV file');
  if (typeof options.out !== 'string' || (options.outFormat ?? formatOfPath(options.out)) !== 'csv') return fallback('not written to a CSV file');
  if (options.explain === true) return fallback('explain');
  for (const key of ONE_THREAD) if (options[key] !== undefined) return fallback(`option ${key}`);
  const size = (await stat(source)).size;
  if (size < (tuning.minBytes ?? PARALLEL_MIN_BYTES)) return fallback('a small file');
  const script = workerScript();
  if (script === undefined) return fallback('no worker module');

  // the header, as the one-thread reader finds it (its errors are left to the one-thread path)
  let layout: RegisterFileLayout | undefined;
  const header = readRegisterBatches(source, {
    asOf: options.asOf,
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    ...(options.marks !== undefined ? { marks: options.marks } : {}),
    ...(options.source !== undefined ? { source: options.source } : {}),
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
  const workers: PieceWorker[] = [];
  let done: { byStatus: Record<HouseholdStatus, number>; failures: number; roundedUp: number; counts: ClassificationCounts[] } | undefined;
  let replaying = false;
  const file = options.source ?? source;
  const summaryLayout = layout;
  const replay = (failures: readonly HeldFailure[]): void => {
    options.onLayout?.(summaryLayout);
    for (const f of failures) {
      const error = (): unknown => (f.issues !== null ? new VnPovertyError(f.issues) : new Error(f.other ?? 'unknown error'));
      options.onFailure?.(registerFailure(f.row, f.lastRow, f.id, file, error));
    }
  };
  let out: AtomicStream | undefined;
  try {
    const end = await prefixEnd(handle, headerRows);
    if (end < 0) return fallback('no row after the header');
    const prefix = new Uint8Array(end);
    await handle.read(prefix, 0, end, 0);
    const passed: Record<string, unknown> = {};
    for (const key of PASSED) if (options[key] !== undefined) passed[key] = options[key];
    passed['source'] = options.source ?? basename(source); // the reader's label, as for the file
    const setup: WorkerSetup = { prefix, file: options.source ?? source, options: passed };
    for (let t = 0; t < threads; t++) workers.push(new PieceWorker(script, setup));
    const reader = new PieceReader(handle, end, tuning.pieceBytes ?? PIECE_BYTES);
    out = await openAtomicStream(options.out, { highWaterMark: 64 * 1024 * 1024 });
    if (options.bom ?? true) out.stream.write('\uFEFF');

    const ids = createIdSet(Math.ceil(size / 48));
    const byStatus: Record<HouseholdStatus, number> = { poor: 0, 'near-poor': 0, average: 0, 'non-poor': 0 };
    const counts: ClassificationCounts[] = [];
    const failures: HeldFailure[] = [];
    let read = 0;
    let roundedUp = 0;
    let firstRow = headerRows + 1;
    let index = 0;
    let eof = false;
    const inFlight: Array<{ readonly result: Promise<PieceResult>; readonly bytes: number }> = [];
    let bytesDone = end;
    const worker = (): PieceWorker => workers.reduce((a, b) => (b.load < a.load ? b : a));
    let stop: string | undefined;
    while (stop === undefined) {
      while (!eof && inFlight.length < threads + 1) {
        const piece = await reader.next();
        if (piece === null) {
          stop = 'a record longer than a piece can hold';
          break;
        }
        if (piece === undefined) {
          eof = true;
          break;
        }
        inFlight.push({ bytes: piece.length, result: worker().run(piece, index) });
        index++;
      }
      if (stop !== undefined || inFlight.length === 0) break;
      const next = inFlight.shift()!;
      const r = await next.result;
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
      // rows: the worker numbers its piece from the header; the pieces before it move it down
      const shift = firstRow - (headerRows + 1);
      const keys = r.keys;
      for (let i = 0; i < r.rows.length; i++) {
        if (addIdKey(ids, keys[2 * i]!, keys[2 * i + 1]!, r.rows[i]! + shift) !== -1) {
          stop = 'a repeated household id';
          break;
        }
      }
      if (stop !== undefined) break;
      if (failures.length + r.failures.length > MAX_HELD_FAILURES) {
        stop = 'too many households not classified to hold';
        break;
      }
      for (const f of r.failures) failures.push({ row: f.row + shift, lastRow: f.lastRow + shift, id: f.id, issues: f.issues, other: f.other });
      if (r.index === 0) out.stream.write(r.headerLine);
      if (r.bytes.length > 0 && !out.stream.write(r.bytes)) await new Promise<void>((resolve) => out!.stream.once('drain', resolve));
      for (const s of Object.keys(byStatus) as HouseholdStatus[]) byStatus[s] += r.byStatus[s];
      if (r.counts !== null) counts.push(r.counts);
      read += r.read;
      roundedUp += r.roundedUp;
      firstRow += r.records;
      bytesDone += next.bytes;
      options.onBytes?.(bytesDone);
      options.onProgress?.(read);
    }
    if (stop === undefined && read === 0) stop = 'no households';
    if (stop !== undefined) {
      await out.abort().catch(() => undefined);
      out = undefined;
      return fallback(stop);
    }
    // what one thread would have reported, in its order, before the file replaces --out (a callback that throws stops the run, as on one thread)
    replaying = true;
    replay(failures);
    await out.finish();
    out = undefined;
    done = { byStatus, failures: failures.length, roundedUp, counts };
  } catch (error) {
    if (replaying) {
      await out?.abort().catch(() => undefined);
      throw error;
    }
    // an unexpected failure of the attempt (a worker that cannot start…): the one-thread path says what is wrong, if anything
    await out?.abort().catch(() => undefined);
    out = undefined;
    return fallback(`the parallel attempt failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
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

/** A household not classified, held until the whole file is done. */
interface HeldFailure {
  readonly row: number;
  readonly lastRow: number;
  readonly id: string | undefined;
  readonly issues: VnIssues | null;
  readonly other: string | null;
}
