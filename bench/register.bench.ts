/**
 * A household register end to end (read a CSV file, classify, refuse repeated ids, write a
 * result CSV), three ways on the same file, each in its own process so each peak memory is its
 * own:
 * - `lib`: the library's CSV tokenizer (`createCsvTokenizer`, as `readRows` uses it) fills the
 *   typed columns of a `RegisterBatch`, `classifyRegisterBatch` classifies each batch, the
 *   compact id set refuses repeated ids, and a plain writer writes `id,status,deprivations`;
 * - `columns`: a byte reader written for the bench fills the same typed columns straight from the
 *   file's bytes (no string per cell: what a register reader in `io` can do), then the same core:
 *   `classifyRegisterBatch`, the id set, and a byte writer;
 * - `hand`: a hand-written Node loop over the file's bytes that computes the same statuses and
 *   writes the same lines (no id check, no validation beyond what it needs);
 * - `duckdb`: the same classification as one SQL query (`@duckdb/node-api`, a dev dependency;
 *   skipped with a message when it cannot load), `COPY … TO` the same result file.
 * The three result files are compared byte for byte (SHA-256) and their counts by status.
 *
 * The register: BENCH_REGISTER_HOUSEHOLDS households (default 200,000; 1,000,000 and
 * 26,200,000 for the issue's targets), one row each: a 12-digit id, area (nông thôn / thành thị),
 * monthly income in đồng, member count and the 12 review-form flags of NĐ 07/2021 (1, 0, or
 * blank ≈ 1 %). Generated (streamed) into the temp folder and removed afterwards, unless
 * BENCH_REGISTER_FILE names the file to use (generated there when missing, and kept: a 26.2 M
 * register is 1.5 GiB and takes minutes to generate). Other settings: BENCH_REGISTER_REPEAT (default 1:
 * runs of each path, interleaved, the median counts), BENCH_REGISTER_BATCH (households per batch,
 * default 65,536), BENCH_REGISTER_PATHS (default `lib,columns,hand,duckdb`). Quick run:
 *   BENCH_REGISTER_HOUSEHOLDS=1000000 npx tsx bench/register.bench.ts
 * Prints households per second, wall time and peak RSS of each path, the library's time split by
 * stage, and the ratios. Never asserts times.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { addId, createIdSet, idSetBytes } from '../src/_internal/_idSet.js';
import { createCsvTokenizer } from '../src/io/_csvTokenizer.js';
import { sumClassificationCounts, type ClassificationCounts } from '../src/standards/classificationCounts.js';
import { classifyRegisterBatch, REGISTER_FLAGS, UNCLASSIFIED, type RegisterBatch } from '../src/standards/classifyRegisterBatch.js';
import { HOUSEHOLD_STATUSES } from '../src/standards/householdStatus.js';
import { ND07_2021 } from '../src/standards/standards.js';
import { peakRssMiB, readSize, xorshift32 } from './_support.js';

const ASOF = '2024-01-01';
const K = ND07_2021.indicators.length;
const FLAG_HEADERS = ND07_2021.indicators.map((i) => `Thiếu hụt: ${i.nameVi}`);
const HEADER = ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', ...FLAG_HEADERS].join(',');
const STATUS_WORDS = HOUSEHOLD_STATUSES;
const LINES = ND07_2021.lines;
const here = fileURLToPath(import.meta.url);

/** What a child process reports (one JSON line on stdout). */
interface PathReport {
  readonly path: string;
  readonly skipped?: string;
  readonly households: number;
  readonly failed: number;
  readonly byStatus: readonly number[];
  readonly checksum: number;
  readonly ms: number;
  readonly peakRssMiB: number;
  readonly stages?: Readonly<Record<string, number>>;
  readonly idSetMiB?: number;
}

// ------------------------------------------------------------------------------------------
// Generation

async function generate(file: string, n: number): Promise<void> {
  const next = xorshift32(0x2545f491);
  const out = createWriteStream(file);
  await write(out, `${HEADER}\n`);
  let lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const urban = next() < 0.34;
    const m = 1 + Math.floor(next() * next() * 8);
    const u = next();
    const perHead = 400_000 + Math.floor(u * u * 6_000_000) + (next() < 0.05 ? Math.floor(next() * 14_000_000) : 0);
    const line = Number(urban ? LINES.urban.poverty : LINES.rural.poverty);
    const income = next() < 0.03 ? line * m : perHead * m + Math.floor(next() * m);
    const commune = 10_000 + Math.floor(i / 2_000);
    let row = `${commune}${String(i % 10_000_000).padStart(7, '0')},${urban ? 'thành thị' : 'nông thôn'},${income},${m}`;
    for (let b = 0; b < K; b++) {
      const r = next();
      row += r < 0.01 ? ',' : r < 0.13 ? ',1' : ',0';
    }
    lines.push(row);
    if (lines.length === 65_536) {
      await write(out, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) await write(out, `${lines.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

function write(out: WriteStream, text: string | Uint8Array): Promise<void> {
  return out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
}

const close = (out: WriteStream): Promise<void> => new Promise((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));

// ------------------------------------------------------------------------------------------
// lib: tokenizer → typed columns → classifyRegisterBatch → id set → writer

async function runLib(file: string, outFile: string, batchSize: number): Promise<PathReport> {
  const t0 = performance.now();
  const stages = { read: 0, classify: 0, ids: 0, write: 0 };
  const tokenizer = createCsvTokenizer({ source: 'register.csv' });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out = createWriteStream(outFile);
  const expected = Math.ceil(statSync(file).size / 55); // rows estimated from the size, to presize the id set
  const seen = createIdSet(expected);
  const noReread = (): string => {
    throw new Error('ids are 12 digits, packed exactly: no re-read expected');
  };
  let area = new Uint8Array(batchSize);
  let income = new Float64Array(batchSize);
  let members = new Uint8Array(batchSize);
  let flags = new Uint8Array(batchSize * K);
  let ids: string[] = [];
  let fill = 0;
  let row = 0; // data rows so far
  let header = true;
  let failed = 0;
  let checksum = 0;
  const counts: ClassificationCounts[] = [];

  const flush = async (): Promise<void> => {
    if (fill === 0) return;
    const t1 = performance.now();
    const batch: RegisterBatch = { area: area.subarray(0, fill), monthlyIncome: income.subarray(0, fill), members: members.subarray(0, fill), flags: flags.subarray(0, fill * K), ids };
    const r = classifyRegisterBatch(batch, { asOf: ASOF, onInvalid: 'report' });
    const t2 = performance.now();
    const first = row - fill;
    for (let i = 0; i < fill; i++) {
      const earlier = addId(seen, ids[i]!, first + i, noReread);
      if (earlier >= 0) throw new Error(`household ${ids[i]} at row ${first + i + 2} repeats row ${earlier + 2}`);
    }
    const t3 = performance.now();
    const parts: string[] = [];
    for (let i = 0; i < fill; i++) {
      const s = r.statuses[i] as number;
      if (s === UNCLASSIFIED) continue;
      parts.push(`${ids[i]},${STATUS_WORDS[s]},${r.deprivationCounts[i]}\n`);
      checksum = (checksum + (s + 1) * (((first + i) % 65_521) + 1)) >>> 0;
    }
    failed += r.failures.length;
    counts.push(r.counts);
    await write(out, parts.join(''));
    stages.classify += t2 - t1;
    stages.ids += t3 - t2;
    stages.write += performance.now() - t3;
    ids = [];
    fill = 0;
    // fresh columns: the previous batch's arrays stay with its result
    area = new Uint8Array(batchSize);
    income = new Float64Array(batchSize);
    members = new Uint8Array(batchSize);
    flags = new Uint8Array(batchSize * K);
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (const cells of tokenizer.push(decoder.decode(chunk as Buffer, { stream: true }))) if (take(cells)) await flush();
  }
  for (const cells of tokenizer.end()) if (take(cells)) await flush();
  await flush();
  await close(out);
  const ms = performance.now() - t0;
  stages.read = ms - stages.classify - stages.ids - stages.write;

  /** Puts one row into the columns; true when the batch is full. */
  function take(cells: string[]): boolean {
    if (header) {
      header = false;
      if (cells.join(',') !== HEADER) throw new Error('unexpected header');
      return false;
    }
    const a = cells[1];
    area[fill] = a === 'nông thôn' ? 0 : a === 'thành thị' ? 1 : 255;
    const inc = cells[2]!;
    income[fill] = /^\d{1,15}$/.test(inc) ? Number(inc) : Number.NaN; // NaN is refused by the batch
    const m = Number(cells[3]);
    members[fill] = Number.isInteger(m) && m >= 0 && m <= 255 ? m : 0;
    const base = fill * K;
    for (let j = 0; j < K; j++) {
      const c = cells[4 + j];
      flags[base + j] = c === '1' ? REGISTER_FLAGS.deprived : c === '0' ? REGISTER_FLAGS.notDeprived : c === '' ? REGISTER_FLAGS.unknown : 9;
    }
    ids.push(cells[0]!);
    fill++;
    row++;
    return fill === batchSize;
  }

  const total = sumClassificationCounts(counts);
  return {
    path: 'lib',
    households: row,
    failed,
    byStatus: HOUSEHOLD_STATUSES.map((s) => total.byStatus[s]),
    checksum,
    ms,
    peakRssMiB: peakRssMiB(),
    stages,
    idSetMiB: idSetBytes(seen) / 2 ** 20,
  };
}

// ------------------------------------------------------------------------------------------
// columns: a byte reader fills the typed columns straight from the file (what a register reader
// in io can do), then the same library core: classifyRegisterBatch, the id set, a byte writer

/** Whether `buf[from, to)` holds exactly the bytes of `word`. */
function sameBytes(buf: Buffer, from: number, to: number, word: Buffer): boolean {
  if (to - from !== word.length) return false;
  for (let q = 0; q < word.length; q++) if (buf[from + q] !== word[q]) return false;
  return true;
}

async function runColumns(file: string, outFile: string): Promise<PathReport> {
  const t0 = performance.now();
  const stages = { read: 0, classify: 0, ids: 0, write: 0 };
  const out = createWriteStream(outFile);
  const seen = createIdSet(Math.ceil(statSync(file).size / 55));
  const noReread = (): string => {
    throw new Error('ids are 12 digits, packed exactly: no re-read expected');
  };
  const RURAL = Buffer.from('nông thôn');
  const URBAN = Buffer.from('thành thị');
  const words = STATUS_WORDS.map((w) => Buffer.from(`,${w},`));
  let cap = 0;
  let area = new Uint8Array(0);
  let income = new Float64Array(0);
  let members = new Uint8Array(0);
  let flags = new Uint8Array(0);
  let idStart = new Uint32Array(0);
  let idEnd = new Uint32Array(0);
  let carry: Buffer = Buffer.alloc(0);
  let header = true;
  let row = 0;
  let failed = 0;
  let checksum = 0;
  const counts: ClassificationCounts[] = [];
  for await (const piece of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const tr = performance.now();
    const buf = carry.length > 0 ? Buffer.concat([carry, piece as Buffer]) : (piece as Buffer);
    const last = buf.lastIndexOf(10);
    if (last < 0) {
      carry = buf;
      continue;
    }
    let p = 0;
    if (header) {
      p = buf.indexOf(10) + 1;
      if (buf.toString('utf8', 0, p - 1) !== HEADER) throw new Error('unexpected header');
      header = false;
    }
    if (cap < last / 40) {
      cap = Math.ceil(last / 40) + 1024; // a row has more than 40 bytes
      area = new Uint8Array(cap);
      income = new Float64Array(cap);
      members = new Uint8Array(cap);
      flags = new Uint8Array(cap * K);
      idStart = new Uint32Array(cap);
      idEnd = new Uint32Array(cap);
    }
    let n = 0;
    while (p <= last) {
      idStart[n] = p;
      while (buf[p] !== 44) p++;
      idEnd[n] = p++;
      const a = p;
      while (buf[p] !== 44) p++;
      area[n] = sameBytes(buf, a, p, RURAL) ? 0 : sameBytes(buf, a, p, URBAN) ? 1 : 255;
      p++;
      let inc = 0;
      let digits = 0;
      for (let c = buf[p]!; c !== 44; c = buf[++p]!) {
        inc = c >= 48 && c <= 57 ? inc * 10 + (c - 48) : Number.NaN;
        digits++;
      }
      income[n] = digits > 0 && digits <= 15 ? inc : Number.NaN; // NaN is refused by the batch
      p++;
      let m = 0;
      for (let c = buf[p]!; c !== 44; c = buf[++p]!) m = c >= 48 && c <= 57 && m < 256 ? m * 10 + (c - 48) : 256;
      members[n] = m <= 255 ? m : 0;
      const base = n * K;
      for (let j = 0; j < K; j++) {
        const c = buf[++p]!;
        if (c === 44 || c === 10) flags[base + j] = REGISTER_FLAGS.unknown;
        else {
          flags[base + j] = c === 49 ? REGISTER_FLAGS.deprived : c === 48 ? REGISTER_FLAGS.notDeprived : 9;
          p++;
        }
      }
      p++; // the newline
      n++;
    }
    carry = buf.subarray(last + 1);
    const t1 = performance.now();
    const r = classifyRegisterBatch({ area: area.subarray(0, n), monthlyIncome: income.subarray(0, n), members: members.subarray(0, n), flags: flags.subarray(0, n * K) }, { asOf: ASOF, onInvalid: 'report' });
    const t2 = performance.now();
    for (let i = 0; i < n; i++) {
      const earlier = addId(seen, buf.toString('latin1', idStart[i], idEnd[i]), row + i, noReread);
      if (earlier >= 0) throw new Error(`row ${row + i + 2} repeats row ${earlier + 2}`);
    }
    const t3 = performance.now();
    const o = Buffer.allocUnsafe(last + 1);
    let w = 0;
    for (let i = 0; i < n; i++) {
      const s = r.statuses[i] as number;
      if (s === UNCLASSIFIED) continue;
      for (let q = idStart[i]!; q < idEnd[i]!; q++) o[w++] = buf[q]!;
      const word = words[s]!;
      for (let q = 0; q < word.length; q++) o[w++] = word[q]!;
      const d = r.deprivationCounts[i] as number;
      if (d >= 10) o[w++] = 48 + Math.floor(d / 10);
      o[w++] = 48 + (d % 10);
      o[w++] = 10;
      checksum = (checksum + (s + 1) * (((row + i) % 65_521) + 1)) >>> 0;
    }
    failed += r.failures.length;
    counts.push(r.counts);
    row += n;
    await write(out, o.subarray(0, w));
    stages.read += t1 - tr;
    stages.classify += t2 - t1;
    stages.ids += t3 - t2;
    stages.write += performance.now() - t3;
  }
  await close(out);
  const total = sumClassificationCounts(counts);
  return {
    path: 'columns',
    households: row,
    failed,
    byStatus: HOUSEHOLD_STATUSES.map((x) => total.byStatus[x]),
    checksum,
    ms: performance.now() - t0,
    peakRssMiB: peakRssMiB(),
    stages,
    idSetMiB: idSetBytes(seen) / 2 ** 20,
  };
}

// ------------------------------------------------------------------------------------------
// hand: bytes in, bytes out

async function runHand(file: string, outFile: string): Promise<PathReport> {
  const t0 = performance.now();
  const out = createWriteStream(outFile);
  const ruralLine = Number(LINES.rural.poverty);
  const urbanLine = Number(LINES.urban.poverty);
  const ruralCeil = Number(LINES.rural.averageCeiling);
  const urbanCeil = Number(LINES.urban.averageCeiling);
  const words = STATUS_WORDS.map((w) => Buffer.from(`,${w},`));
  const byStatus = [0, 0, 0, 0];
  let failed = 0;
  let checksum = 0;
  let households = 0;
  let carry: Buffer = Buffer.alloc(0);
  let header = true;
  for await (const piece of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = carry.length > 0 ? Buffer.concat([carry, piece as Buffer]) : (piece as Buffer);
    const last = buf.lastIndexOf(10);
    if (last < 0) {
      carry = buf;
      continue;
    }
    const o = Buffer.allocUnsafe(last + 1); // an output line is never longer than its input line
    let w = 0;
    let p = 0;
    if (header) {
      p = buf.indexOf(10) + 1;
      header = false;
    }
    while (p <= last) {
      const idStart = p;
      while (buf[p] !== 44) p++;
      const idEnd = p++;
      const urban = buf[p] === 116; // 't' of thành thị
      while (buf[p] !== 44) p++;
      p++;
      let inc = 0;
      while (buf[p] !== 44) inc = inc * 10 + (buf[p++]! - 48);
      p++;
      let m = 0;
      while (buf[p] !== 44) m = m * 10 + (buf[p++]! - 48);
      let d = 0;
      let u = 0;
      for (let j = 0; j < K; j++) {
        p++; // the comma
        const c = buf[p]!;
        if (c === 49) {
          d++;
          p++;
        } else if (c === 48) p++;
        else u++;
      }
      p++; // the newline
      let s: number;
      if (inc <= (urban ? urbanLine : ruralLine) * m) s = d >= 3 ? 0 : d + u >= 3 ? -1 : 1;
      else s = inc <= (urban ? urbanCeil : ruralCeil) * m ? 2 : 3;
      if (s < 0) {
        failed++;
      } else {
        byStatus[s]!++;
        checksum = (checksum + (s + 1) * ((households % 65_521) + 1)) >>> 0;
        for (let q = idStart; q < idEnd; q++) o[w++] = buf[q]!;
        const word = words[s]!;
        for (let q = 0; q < word.length; q++) o[w++] = word[q]!;
        if (d >= 10) o[w++] = 48 + Math.floor(d / 10);
        o[w++] = 48 + (d % 10);
        o[w++] = 10;
      }
      households++;
    }
    carry = buf.subarray(last + 1);
    await write(out, o.subarray(0, w));
  }
  await close(out);
  return { path: 'hand', households, failed, byStatus, checksum, ms: performance.now() - t0, peakRssMiB: peakRssMiB() };
}

// ------------------------------------------------------------------------------------------
// duckdb: one query

async function runDuckDb(file: string, outFile: string): Promise<PathReport> {
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import('@duckdb/node-api');
  } catch (e) {
    return { path: 'duckdb', skipped: `@duckdb/node-api could not load (${(e as Error).message.split('\n')[0]})`, households: 0, failed: 0, byStatus: [], checksum: 0, ms: 0, peakRssMiB: peakRssMiB() };
  }
  const t0 = performance.now();
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const flagNames = ND07_2021.indicators.map((_, j) => `f${j}`);
  const names = ['id', 'area', 'income', 'members', ...flagNames].map((c) => `'${c}'`).join(', ');
  const types = `{'id': 'VARCHAR', 'area': 'VARCHAR', 'income': 'BIGINT', 'members': 'INTEGER', ${flagNames.map((f) => `'${f}': 'TINYINT'`).join(', ')}}`;
  const d = flagNames.map((f) => `coalesce(${f}, 0)`).join(' + ');
  const u = flagNames.map((f) => `(${f} IS NULL)::INTEGER`).join(' + ');
  const query = `
    WITH t AS (SELECT id, area = 'thành thị' AS urban, income, members, ${d} AS d, ${u} AS u
               FROM read_csv('${file}', header = true, names = [${names}], types = ${types}, quote = '"')),
         s AS (SELECT id, d, CASE
                 WHEN income <= (CASE WHEN urban THEN ${LINES.urban.poverty} ELSE ${LINES.rural.poverty} END) * members
                   THEN CASE WHEN d >= 3 THEN 'poor' WHEN d + u >= 3 THEN NULL ELSE 'near-poor' END
                 WHEN income <= (CASE WHEN urban THEN ${LINES.urban.averageCeiling} ELSE ${LINES.rural.averageCeiling} END) * members THEN 'average'
                 ELSE 'non-poor' END AS status FROM t)
    SELECT id, status, d FROM s WHERE status IS NOT NULL`;
  await db.run(`COPY (${query}) TO '${outFile}' (FORMAT csv, HEADER false, QUOTE '')`);
  const ms = performance.now() - t0;
  // counts, not timed: from the rows written and the file
  const statusRows = (await db.runAndReadAll(`SELECT status, count(*)::INTEGER AS n FROM read_csv('${outFile}', header = false, names = ['id', 'status', 'd'], types = {'id': 'VARCHAR', 'status': 'VARCHAR', 'd': 'INTEGER'}) GROUP BY status`)).getRows();
  const total = (await db.runAndReadAll(`SELECT count(*)::INTEGER FROM read_csv('${file}', header = true, names = [${names}], types = ${types})`)).getRows()[0]![0] as number;
  const byStatus = STATUS_WORDS.map((w) => Number(statusRows.find((r) => r[0] === w)?.[1] ?? 0));
  const classified = byStatus.reduce((a, b) => a + b, 0);
  db.closeSync();
  return { path: 'duckdb', households: total, failed: total - classified, byStatus, checksum: 0, ms, peakRssMiB: peakRssMiB() };
}

// ------------------------------------------------------------------------------------------
// Parent: generate, run each path in its own process, compare, print

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const n = readSize('BENCH_REGISTER_HOUSEHOLDS', 200_000);
  const repeat = readSize('BENCH_REGISTER_REPEAT', 1);
  const batchSize = readSize('BENCH_REGISTER_BATCH', 65_536);
  const paths = (process.env['BENCH_REGISTER_PATHS'] ?? 'lib,columns,hand,duckdb').split(',').map((p) => p.trim());
  const given = process.env['BENCH_REGISTER_FILE'];
  const file = given ?? join(tmpdir(), `vn-poverty-register-${process.pid}.csv`);
  if (given === undefined || !existsSync(file)) {
    const t = performance.now();
    await generate(file, n);
    console.log(`generated ${fmt(n)} households, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, in ${((performance.now() - t) / 1000).toFixed(1)} s (not counted): ${file}`);
  }
  const mib = statSync(file).size / 2 ** 20;
  const reports = new Map<string, PathReport[]>();
  const outOf = (p: string): string => `${file}.${p}.out.csv`;
  try {
    for (let r = 0; r < repeat; r++) {
      const order = paths.map((_, i) => paths[(i + r) % paths.length]!);
      for (const p of order) {
        const child = spawnSync(process.execPath, ['--import', 'tsx', here, p, file, outOf(p), String(batchSize)], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
        const line = child.stdout.trim().split('\n').at(-1) ?? '';
        if (child.status !== 0 || !line.startsWith('{')) throw new Error(`${p} failed (exit ${child.status}): ${child.stdout}`);
        const report = JSON.parse(line) as PathReport;
        reports.set(p, [...(reports.get(p) ?? []), report]);
      }
    }
    const runs = [...reports.values()].map((rs) => rs[0]!).filter((r) => r.skipped === undefined);
    const hashes = new Map<string, string>();
    for (const r of runs) hashes.set(r.path, await sha256(outOf(r.path)));
    console.log(`register: ${fmt(runs[0]?.households ?? n)} households (${mib.toFixed(0)} MiB CSV), standard ${ND07_2021.id}, as of ${ASOF}, ${repeat} run(s) of each path, median shown; batches of ${fmt(batchSize)}`);
    const rate = (r: PathReport, ms: number): number => (r.households / ms) * 1000;
    const medMs = new Map<string, number>();
    for (const [p, rs] of reports) {
      const first = rs[0]!;
      if (first.skipped !== undefined) {
        console.log(`${p.padEnd(7)} skipped: ${first.skipped}`);
        continue;
      }
      const ms = median(rs.map((x) => x.ms));
      medMs.set(p, ms);
      console.log(
        `${p.padEnd(7)} ${fmt(rate(first, ms)).padStart(12)} households/s  ${(ms / 1000).toFixed(2).padStart(7)} s  ${(mib / (ms / 1000)).toFixed(0).padStart(4)} MB/s  peak RSS ${fmt(median(rs.map((x) => x.peakRssMiB)))} MiB` +
          (first.idSetMiB !== undefined ? ` (id set ${first.idSetMiB.toFixed(0)} MiB)` : ''),
      );
      if (first.stages !== undefined) {
        const st = first.stages;
        const all = Object.values(st).reduce((a, b) => a + b, 0);
        console.log(`        ${p} stages (first run): ${Object.entries(st).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s (${((v / all) * 100).toFixed(0)} %)`).join(', ')}; core classify ${fmt((first.households / st['classify']!) * 1000)} households/s`);
      }
    }
    for (const [a, b] of [['lib', 'hand'], ['lib', 'duckdb'], ['columns', 'hand'], ['columns', 'duckdb']] as const) {
      const ta = medMs.get(a);
      const tb = medMs.get(b);
      if (ta !== undefined && tb !== undefined) console.log(`ratio ${a} time / ${b} time: ${(ta / tb).toFixed(2)}×`);
    }
    const ref = runs[0];
    if (ref !== undefined) {
      const same = runs.every((r) => r.households === ref.households && r.failed === ref.failed && r.byStatus.every((c, i) => c === ref.byStatus[i]));
      const sameFiles = new Set(hashes.values()).size === 1;
      const sums = runs.filter((r) => r.path !== 'duckdb').map((r) => r.checksum);
      console.log(`counts by status (${HOUSEHOLD_STATUSES.join(', ')}), not classifiable: ${runs.map((r) => `${r.path} [${r.byStatus.map(fmt).join(', ')}] ${fmt(r.failed)}`).join('; ')}`);
      console.log(`identical counts: ${same ? 'yes' : 'NO'}; identical result files: ${sameFiles ? 'yes' : 'NO'} (${[...hashes].map(([p, h]) => `${p} ${h.slice(0, 12)}`).join(', ')}); checksums ${new Set(sums).size <= 1 ? 'equal' : 'DIFFER'}`);
      for (const p of ['lib', 'columns']) {
        const ms = medMs.get(p);
        if (ms === undefined) continue;
        const run = reports.get(p)![0]!;
        const hand = medMs.get('hand');
        console.log(
          `targets (${p}): ≥ 1,000,000 households/s end to end: ${rate(run, ms) >= 1e6 ? 'met' : 'not met'}; within 3× of the hand loop: ${hand === undefined ? 'n/a' : ms / hand <= 3 ? 'met' : 'not met'}; ` +
            `under 1 GiB: ${median(reports.get(p)!.map((x) => x.peakRssMiB)) < 1024 ? 'met' : 'not met'}${run.households >= 26_200_000 ? `; 26.2 M under a minute: ${ms < 60_000 ? 'met' : 'not met'}` : ''}`,
        );
      }
      if (!same || !sameFiles) process.exitCode = 1;
    }
  } finally {
    for (const p of paths) rmSync(outOf(p), { force: true });
    if (given === undefined) rmSync(file, { force: true });
  }
}

const [, , mode, file, outFile, batch] = process.argv;
if (mode === undefined) await main();
else {
  const report = mode === 'lib' ? await runLib(file!, outFile!, Number(batch)) : mode === 'columns' ? await runColumns(file!, outFile!) : mode === 'hand' ? await runHand(file!, outFile!) : mode === 'duckdb' ? await runDuckDb(file!, outFile!) : undefined;
  if (report === undefined) throw new Error(`unknown path ${mode}`);
  console.log(JSON.stringify(report));
}
