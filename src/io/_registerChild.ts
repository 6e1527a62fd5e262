import { open, type FileHandle } from 'node:fs/promises';
import { putIdKey } from '../_internal/_idSet.js';
import { VnPovertyError } from '../errors/VnPovertyError.js';
import { classifyRegisterSource, type ClassifyRegisterFileOptions } from './classifyRegisterFile.js';
import type { ChildMessage, PieceJob, PieceResult, WorkerSetup } from './_parallelRegister.js';

/**
 * The child process of the parallel register path (`_parallelRegister.ts`), started with an IPC
 * channel: told the file and its header rows once, then sent pieces (byte ranges of the file,
 * each starting and ending at a record boundary). It reads each piece from the file itself,
 * classifies it under the header rows with the one-thread code, writes the output bytes to the
 * part file the main process named (created by it beforehand: a part it has already removed is
 * never made again), and sends back the counts, failures and id keys. Rows are numbered from the
 * header (the main process moves them). It exits when the channel closes (the main process
 * ended, or is done with it). @internal
 */
const READ_BYTES = 256 * 1024;
let setup: WorkerSetup | undefined;
let file: Promise<FileHandle> | undefined;

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

async function piece(s: WorkerSetup, job: PieceJob): Promise<PieceResult> {
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
        onIds: (ids, at) => {
          const k = new Uint32Array(2 * ids.length);
          for (let i = 0; i < ids.length; i++) putIdKey(ids[i]!, k, 2 * i);
          keys.push(k);
          rows.push(Uint32Array.from(at));
        },
        onFailure: (row, lastRow, id, error) => {
          const e = error();
          failures.push({ row, lastRow, id, issues: e instanceof VnPovertyError ? e.issues : null, other: e instanceof VnPovertyError ? null : String(e) });
        },
      },
    );
    // the part exists (the main process made it); 'r+' never makes one it has removed again
    const part = await open(job.part, 'r+');
    try {
      if (out.length > 0) await part.writev(out);
    } finally {
      await part.close();
    }
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

// one piece at a time, in the order sent
let queue: Promise<void> = Promise.resolve();
process.on('message', (m: ChildMessage) => {
  if (m.type === 'setup') {
    setup = m.setup;
    return;
  }
  const s = setup;
  queue = queue.then(async () => {
    const r: PieceResult = s === undefined ? { index: m.job.index, ok: false, irregular: 'no setup' } : await piece(s, m.job);
    process.send?.(r);
  });
});
process.on('disconnect', () => process.exit(0));
