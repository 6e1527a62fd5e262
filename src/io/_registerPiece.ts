import { open, type FileHandle } from 'node:fs/promises';
import { serialize } from 'node:v8';
import { putAsciiIdKey, putIdKey } from '../_internal/_idSet.js';
import { VnPovertyError } from '../errors/VnPovertyError.js';
import type { RegisterCsvWriter } from './_registerCsvWriter.js';
import { classifyRegisterSource, type ClassifyRegisterFileOptions } from './classifyRegisterFile.js';
import type { FailureDetail, PieceFailure, PieceJob, PieceResult, WorkerSetup } from './_parallelRegister.js';
import type { BoundsNoteContext, BoundsTallies } from './plausibleBounds.js';
import { BOUNDS_TO_CALLER, registerFileIdColumn, type RegisterFileLayout } from './readRegisterBatches.js';

/**
 * Classifies pieces of a register file for the parallel register path (`_parallelRegister.ts`),
 * in a child process (`_registerChild.ts`) or in the main process itself: each piece is a byte
 * range of the file starting and ending at a record boundary, read from the file, classified
 * under the header rows with the one-thread code (`classifyRegisterSource`), its output bytes
 * kept until {@link PieceRunner.write} is told where they go in the (temporary) output file. Rows
 * are numbered from the header (the main process moves them). @internal
 */
export interface PieceRunner {
  /** Classifies a piece: its counts, failures, id keys and the size of its output. */
  piece(job: PieceJob): Promise<PieceResult>;
  /** Writes the output of piece `index` at `offset` of the output file; null once written, or why not. */
  write(index: number, offset: number): Promise<string | null>;
  /** Closes the files it opened. */
  close(): Promise<void>;
}

/** Bytes of each read of a piece (as the one-thread reader reads a file). */
const READ_BYTES = 1 << 20;
/** Written output buffers a runner keeps for its next pieces (a piece's output is held in 2 MiB buffers until its place is known). */
const SPARE_BUFFERS = 64;

/** A piece's output bytes, each with what gives its buffer back to the writer once written. */
type HeldOutput = Array<{ readonly bytes: Uint8Array; readonly release: (() => void) | undefined }>;

/**
 * A {@link PieceRunner} for the file, header rows and output of `setup`. `inProcess`: it runs in
 * the main process, whose failures keep their issues as a function, found only if read (as on one
 * thread); a child's are found at once and sent serialized, to be read back only if read. @internal
 */
export function pieceRunner(s: WorkerSetup, inProcess = false): PieceRunner {
  let file: Promise<FileHandle> | undefined;
  let output: Promise<FileHandle> | undefined;
  /** The output bytes of each piece done, until they are written. */
  const held = new Map<number, HeldOutput>();
  /** One read buffer for every piece: the reader copies each read before it asks for the next. */
  let readBuffer: Buffer | undefined;
  /** One CSV writer for every piece of the same layout: its formatted line ends and written buffers serve all of them. */
  let writer: { readonly layout: string; readonly writer: RegisterCsvWriter } | undefined;
  const csvWriter = (layout: RegisterFileLayout, make: (spareBuffers?: number) => RegisterCsvWriter): RegisterCsvWriter => {
    const key = JSON.stringify(layout);
    if (writer?.layout !== key) writer = { layout: key, writer: make(SPARE_BUFFERS) };
    return writer.writer;
  };

  /** The piece's bytes, after the header rows, in reads of the one-thread path's size. */
  async function* pieceBytes(handle: FileHandle, prefix: Uint8Array, start: number, end: number): AsyncGenerator<Uint8Array> {
    yield prefix;
    const chunk = (readBuffer ??= Buffer.allocUnsafe(READ_BYTES));
    for (let at = start; at < end; ) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, end - at), at);
      if (bytesRead === 0) throw new Error('the file is shorter than when it was split');
      at += bytesRead;
      yield chunk.subarray(0, bytesRead);
    }
  }

  async function piece(job: PieceJob): Promise<PieceResult> {
    const { index } = job;
    let irregular: string | null = null;
    let headerLine = '';
    const out: HeldOutput = [];
    const keys: Uint32Array[] = [];
    const failures: PieceFailure[] = [];
    const details: Uint8Array[] = [];
    const notes: string[] = [];
    let bounds: { readonly context: BoundsNoteContext; readonly tallies: BoundsTallies } | null = null;
    try {
      file ??= open(s.path, 'r');
      const handle = await file;
      const summary = await classifyRegisterSource(
        pieceBytes(handle, s.prefix, job.start, job.end),
        {
          ...(s.options as unknown as ClassifyRegisterFileOptions),
          format: 'csv',
          onSkippedRow: () => (irregular ??= 'a row that is not a household'),
          // the notes go back to the main process, which says them once; the figures out of bounds as tallies, added up over the pieces
          onNote: (note) => void notes.push(note),
          ...{ [BOUNDS_TO_CALLER]: (context: BoundsNoteContext, tallies: BoundsTallies) => (bounds = { context, tallies }) },
        },
        {
          file: s.file,
          allowEmpty: true,
          sink: (bytes, release) => void out.push({ bytes, release }),
          csvWriter,
          idsChecked: true,
          onHeaderLine: (line) => (headerLine = line),
          irregular: (why) => (irregular ??= why),
          onIds: (b) => {
            // keys from the id bytes where the reader kept them (no string per id), else from the text
            const n = b.size;
            const k = new Uint32Array(2 * n);
            const c = registerFileIdColumn(b);
            if (c === undefined) for (let i = 0; i < n; i++) putIdKey(b.ids[i]!, k, 2 * i);
            else {
              for (let i = 0; i < n; i++) {
                const text = c.texts?.[i];
                if (text !== undefined) putIdKey(text, k, 2 * i);
                else putAsciiIdKey(c.bytes, c.ends[i]!, c.ends[i + 1]!, k, 2 * i);
              }
            }
            keys.push(k);
          },
          onFailure: (row, lastRow, id, error, issues, household) => {
            // the issues alone when they come without the error (no error made for nothing)
            const detail = (): FailureDetail => {
              if (issues !== undefined) return { issues: issues(), other: null };
              const e = error();
              return e instanceof VnPovertyError ? { issues: e.issues, other: null } : { issues: null, other: String(e) };
            };
            if (inProcess) failures.push({ row, lastRow, id, detail });
            else if (household !== undefined) {
              // a household of the columns alone: its columns are sent, its issues found again only if read
              failures.push({ row, lastRow, id, household });
              details.push(NONE);
            } else {
              failures.push({ row, lastRow, id });
              details.push(serialize(detail()));
            }
          },
        },
      );
      held.set(index, out);
      const join = (parts: Uint32Array[]): Uint32Array => {
        const all = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          all.set(p, at);
          at += p.length;
        }
        return all;
      };
      return {
        index,
        ok: true,
        irregular,
        headerLine,
        size: out.reduce((n, b) => n + b.bytes.length, 0),
        keys: join(keys),
        read: summary.classified + summary.failed,
        byStatus: summary.byStatus,
        roundedUp: summary.roundedUp,
        counts: summary.counts,
        layout: summary.layout ?? null,
        failures,
        details: inProcess ? null : joinDetails(details),
        notes,
        bounds,
      };
    } catch (error) {
      return { index, ok: false, irregular: `a piece stopped: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` };
    }
  }

  /** Writes the output bytes of piece `index` at `offset` of the output file (which the main process made: 'r+' never makes one). */
  async function write(index: number, offset: number): Promise<string | null> {
    const bytes = held.get(index) ?? [];
    held.delete(index);
    try {
      output ??= open(s.out, 'r+');
      const handle = await output;
      let at = offset;
      for (const { bytes: b, release } of bytes) {
        for (let done = 0; done < b.length; ) {
          const { bytesWritten } = await handle.write(b, done, b.length - done, at);
          done += bytesWritten;
          at += bytesWritten;
        }
        release?.();
      }
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  return {
    piece,
    write,
    async close() {
      const handles = await Promise.allSettled([file, output]);
      for (const h of handles) if (h.status === 'fulfilled' && h.value !== undefined) await h.value.close().catch(() => undefined);
    },
  };
}

const NONE = new Uint8Array(0);

/** Serialized failure details in one buffer, each from `ends[i]` to `ends[i + 1]`. */
function joinDetails(parts: readonly Uint8Array[]): { readonly bytes: Uint8Array; readonly ends: Uint32Array } {
  const ends = new Uint32Array(parts.length + 1);
  for (let i = 0; i < parts.length; i++) ends[i + 1] = ends[i]! + parts[i]!.length;
  const bytes = new Uint8Array(ends[parts.length]!);
  parts.forEach((p, i) => bytes.set(p, ends[i]!));
  return { bytes, ends };
}
