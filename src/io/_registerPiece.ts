import { open, type FileHandle } from 'node:fs/promises';
import { putAsciiIdKey, putIdKey } from '../_internal/_idSet.js';
import { VnPovertyError } from '../errors/VnPovertyError.js';
import { classifyRegisterSource, type ClassifyRegisterFileOptions } from './classifyRegisterFile.js';
import type { PieceJob, PieceResult, WorkerSetup } from './_parallelRegister.js';
import { registerFileIdColumn } from './readRegisterBatches.js';

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

const READ_BYTES = 256 * 1024;

/** A {@link PieceRunner} for the file, header rows and output of `setup`. @internal */
export function pieceRunner(s: WorkerSetup): PieceRunner {
  let file: Promise<FileHandle> | undefined;
  let output: Promise<FileHandle> | undefined;
  /** The output bytes of each piece done, until they are written. */
  const held = new Map<number, Uint8Array[]>();

  /** The piece's bytes, after the header rows, in reads of the one-thread path's size. */
  async function* pieceBytes(handle: FileHandle, prefix: Uint8Array, start: number, end: number): AsyncGenerator<Uint8Array> {
    yield prefix;
    for (let at = start; at < end; ) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_BYTES, end - at));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
      if (bytesRead === 0) throw new Error('the file is shorter than when it was split');
      at += bytesRead;
      yield chunk.subarray(0, bytesRead);
    }
  }

  async function piece(job: PieceJob): Promise<PieceResult> {
    const { index } = job;
    let irregular: string | null = null;
    let headerLine = '';
    const out: Uint8Array[] = [];
    const keys: Uint32Array[] = [];
    const rows: Uint32Array[] = [];
    const failures: Array<PieceResult & { ok: true } extends { failures: ReadonlyArray<infer F> } ? F : never> = [];
    try {
      file ??= open(s.path, 'r');
      const handle = await file;
      const summary = await classifyRegisterSource(
        pieceBytes(handle, s.prefix, job.start, job.end),
        { ...(s.options as unknown as ClassifyRegisterFileOptions), format: 'csv', onSkippedRow: () => (irregular ??= 'a row that is not a household') },
        {
          file: s.file,
          allowEmpty: true,
          sink: (b) => void out.push(b),
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
            rows.push(b.rows.slice(0, n));
          },
          onFailure: (row, lastRow, id, error, issues) => {
            // the issues alone when they come without the error (no error made for nothing)
            if (issues !== undefined) return void failures.push({ row, lastRow, id, issues: issues(), other: null });
            const e = error();
            failures.push({ row, lastRow, id, issues: e instanceof VnPovertyError ? e.issues : null, other: e instanceof VnPovertyError ? null : String(e) });
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
        size: out.reduce((n, b) => n + b.length, 0),
        keys: join(keys),
        rows: join(rows),
        read: summary.classified + summary.failed,
        byStatus: summary.byStatus,
        roundedUp: summary.roundedUp,
        counts: summary.counts,
        layout: summary.layout ?? null,
        failures,
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
      for (const b of bytes) {
        for (let done = 0; done < b.length; ) {
          const { bytesWritten } = await handle.write(b, done, b.length - done, at);
          done += bytesWritten;
          at += bytesWritten;
        }
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
