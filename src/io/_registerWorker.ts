import { parentPort, workerData } from 'node:worker_threads';
import { putIdKey } from '../_internal/_idSet.js';
import { VnPovertyError } from '../errors/VnPovertyError.js';
import { classifyRegisterSource, type ClassifyRegisterFileOptions } from './classifyRegisterFile.js';
import type { PieceResult, WorkerSetup } from './_parallelRegister.js';

/**
 * The worker of the parallel register path (`_parallelRegister.ts`): classifies each piece it is
 * sent under the file's header rows, with the one-thread code, and sends back the output bytes,
 * counts, failures and id keys. Rows are numbered from the header (the main thread moves them). @internal
 */
const setup = workerData as WorkerSetup;
const READ_BYTES = 256 * 1024;

/** Records in a piece that starts outside quotes: LF, CRLF or a lone CR outside quotes end one; a last record without an end counts. */
function recordsOf(piece: Uint8Array): number {
  const b = Buffer.from(piece.buffer, piece.byteOffset, piece.length);
  let n = 0;
  if (b.indexOf(34) < 0 && b.indexOf(13) < 0) {
    for (let p = b.indexOf(10); p >= 0; p = b.indexOf(10, p + 1)) n++;
    return b.length > 0 && b[b.length - 1] !== 10 ? n + 1 : n;
  }
  let inQuote = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 34) inQuote = !inQuote;
    else if (!inQuote && (c === 10 || (c === 13 && b[i + 1] !== 10))) n++;
  }
  const last = b[b.length - 1];
  return b.length > 0 && last !== 10 && last !== 13 ? n + 1 : n;
}

async function piece(bytes: Uint8Array, index: number): Promise<PieceResult> {
  let irregular: string | null = null;
  let headerLine = '';
  const out: Uint8Array[] = [];
  const keys: Uint32Array[] = [];
  const rows: Uint32Array[] = [];
  const failures: Array<PieceResult & { ok: true } extends { failures: ReadonlyArray<infer F> } ? F : never> = [];
  async function* source(): AsyncGenerator<Uint8Array> {
    yield setup.prefix;
    // in reads of the one-thread path's size or less: the reader's arrays stay small and in cache
    for (let at = 0; at < bytes.length; at += READ_BYTES) yield bytes.subarray(at, Math.min(bytes.length, at + READ_BYTES));
  }
  try {
    const summary = await classifyRegisterSource(
      source(),
      { ...(setup.options as unknown as ClassifyRegisterFileOptions), format: 'csv', onSkippedRow: () => (irregular ??= 'a row that is not a household') },
      {
        file: setup.file,
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
    const join = <T extends Uint8Array | Uint32Array>(parts: T[], make: (n: number) => T): T => {
      const all = make(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p as never, at);
        at += p.length;
      }
      return all;
    };
    const result: PieceResult = {
      index,
      ok: true,
      irregular,
      headerLine,
      bytes: join(out, (n) => new Uint8Array(n)),
      keys: join(keys, (n) => new Uint32Array(n)),
      rows: join(rows, (n) => new Uint32Array(n)),
      records: recordsOf(bytes),
      read: summary.classified + summary.failed,
      byStatus: summary.byStatus,
      roundedUp: summary.roundedUp,
      counts: summary.counts,
      layout: summary.layout ?? null,
      failures,
    };
    return result;
  } catch (error) {
    return { index, ok: false, irregular: `a piece stopped: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` };
  }
}

parentPort?.on('message', (job: { piece: Uint8Array; index: number }) => {
  void piece(job.piece, job.index).then((r) => {
    if (r.ok) parentPort!.postMessage(r, [r.bytes.buffer as ArrayBuffer, r.keys.buffer as ArrayBuffer, r.rows.buffer as ArrayBuffer]);
    else parentPort!.postMessage(r);
  });
});
