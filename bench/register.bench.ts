/**
 * A household register end to end (read a CSV file, classify, refuse repeated ids, write a
 * result CSV), several ways on the same file, each in its own process so each peak memory is its
 * own:
 * - `lib`: the real command, `node dist/cli/main.js classify FILE --as-of 2024-01-01 --out OUT`
 *   (run `npm run build` first), on one thread; `lib-n`: the same with `--threads` the machine's
 *   cores (the parallel register path): the library's byte reader fills the typed columns of each
 *   `RegisterBatch`, `classifyRegisterBatch` classifies it, the bounded id set refuses repeated
 *   ids, and the register writer writes every output column (id, unit, area, members, income,
 *   deciding line and kind, deprivations as ids and Vietnamese names, status, standard, rule and
 *   source, as-of date);
 * - `hand-full`: a hand-written Node loop over the file's bytes that computes the same statuses and
 *   writes the same output bytes as `lib` (no id check, no validation beyond what it needs);
 * - `hand`: the same loop writing only `id,status,deprivations` (the loop the earlier figures used);
 * - `duckdb`: the same classification as one SQL query (`@duckdb/node-api`, a dev dependency;
 *   skipped with a message when it cannot load), `COPY … TO` a file of `id,status,deprivations`.
 * `lib`, `lib-n` and `hand-full` must write byte-identical files (SHA-256), as must `hand` and `duckdb`, and
 * all four the same counts by status.
 *
 * The register: BENCH_REGISTER_HOUSEHOLDS households (default 200,000; 1,000,000 and
 * 26,200,000 for the issue's targets), one row each: a 12-digit id, area (nông thôn / thành thị),
 * monthly income in đồng, member count and the 12 review-form flags of NĐ 07/2021 (1, 0, or
 * blank ≈ 1 %). Generated (streamed) into the temp folder and removed afterwards, unless
 * BENCH_REGISTER_FILE names the file to use (generated there when missing, and kept: a 26.2 M
 * register is 1.5 GiB and takes minutes to generate). Other settings: BENCH_REGISTER_REPEAT (default 1:
 * runs of each path, interleaved, the median counts), BENCH_REGISTER_PATHS (default
 * `lib,lib-n,hand-full,hand,duckdb`). Quick run:
 *   npm run build && BENCH_REGISTER_HOUSEHOLDS=1000000 npx tsx bench/register.bench.ts
 * Prints households per second, wall time and peak RSS of each path, the ratios and the targets.
 * Never asserts times.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { REGISTER_RESULT_COLUMNS } from '../src/io/registerOutputColumns.js';
import { columnHeader } from '../src/io/tableWriter.js';
import { decidingRule } from '../src/standards/_resultParts.js';
import { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS_VI } from '../src/standards/householdStatus.js';
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
  /** The command run (lib). */
  readonly command?: string;
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
// lib: the real command

const CLI = join(dirname(here), '..', 'dist', 'cli', 'main.js');

/** `lib`: the command as a user runs it (one thread); `lib-n`: with `--threads` the machine's cores (the parallel path). */
function runLib(file: string, outFile: string, path: 'lib' | 'lib-n'): PathReport {
  if (!existsSync(CLI)) return { path, skipped: `${CLI} is missing: run npm run build first`, households: 0, failed: 0, byStatus: [], checksum: 0, ms: 0, peakRssMiB: 0 };
  const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'peak-rss-kib %M'] : [];
  const command = [...timer, process.execPath, CLI, 'classify', file, '--as-of', ASOF, '--out', outFile, ...(path === 'lib-n' ? ['--threads', String(availableParallelism())] : [])];
  const t0 = performance.now();
  const child = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - t0;
  // exit 1: some households could not be classified (blank flags that could decide); they are counted
  if (child.status !== 0 && child.status !== 1) throw new Error(`classify failed (exit ${child.status}): ${child.stderr.slice(-2000)}`);
  const summary = /(\S+) households classified .*: poor (\S+), near-poor (\S+), average (\S+), non-poor (\S+?);/.exec(child.stdout);
  if (summary === null) throw new Error(`no summary from classify: ${child.stdout}`);
  const n = (t: string): number => Number(t.replace(/\./g, ''));
  const failed = /(\S+) household\(s\) could not be classified/.exec(child.stderr);
  const byStatus = [n(summary[2]!), n(summary[3]!), n(summary[4]!), n(summary[5]!)];
  const failedCount = failed === null ? 0 : n(failed[1]!);
  const rss = /peak-rss-kib (\d+)/.exec(child.stderr);
  return { path, households: n(summary[1]!) + failedCount, failed: failedCount, byStatus, checksum: 0, ms, peakRssMiB: rss === null ? Number.NaN : Number(rss[1]) / 1024, command: command.slice(timer.length).join(' ') };
}

// ------------------------------------------------------------------------------------------
// hand-full: bytes in, the command's output bytes out

/** What the command writes for a household that depends only on its area and rule, and the deprivation lists by mask. */
function fullOutputParts(): { header: Buffer; fixed: Buffer[]; masks: Buffer[]; masksVi: Buffer[]; areas: Buffer[] } {
  const columns = REGISTER_RESULT_COLUMNS;
  const header = Buffer.from(`\uFEFF${columns.map((c) => { const h = columnHeader(c, 'both'); return /[",\r\n]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h; }).join(',')}\r\n`);
  const quote = (t: string): string => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const group = (v: bigint): string => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  // by area (0 rural, 1 urban) and status (0 poor … 3 non-poor): line,lineKind,incomeAtOrBelowLine and status,statusVi,standard,rule,ruleSource,asOf
  const fixed: Buffer[] = [];
  const RULES = ['poor', 'near-poor', 'average', 'above-lines'] as const;
  for (const a of ['rural', 'urban'] as const) {
    const lines = LINES[a];
    RULES.forEach((rule, s) => {
      const line = s <= 1 ? lines.poverty : lines.averageCeiling!;
      const kind = s <= 1 ? 'poverty' : 'average-ceiling';
      const status = HOUSEHOLD_STATUSES[s]!;
      const head = `${group(line)},${kind},${s === 3 ? 'không' : 'có'}`;
      const tail = `${status},${HOUSEHOLD_STATUS_LABELS_VI[status]},${ND07_2021.id},${rule},${quote(decidingRule(ND07_2021, rule).source)},${ASOF}`;
      fixed.push(Buffer.from(head), Buffer.from(tail));
    });
  }
  const ids = ND07_2021.indicators.map((i) => i.id);
  const namesVi = ND07_2021.indicators.map((i) => i.nameVi);
  const masks: Buffer[] = [];
  const masksVi: Buffer[] = [];
  for (let m = 0; m < 1 << K; m++) {
    masks.push(Buffer.from(quote(ids.filter((_, j) => (m >> j) & 1).join('; '))));
    masksVi.push(Buffer.from(quote(namesVi.filter((_, j) => (m >> j) & 1).join('; '))));
  }
  return { header, fixed, masks, masksVi, areas: [Buffer.from('nông thôn'), Buffer.from('thành thị')] };
}

async function runHandFull(file: string, outFile: string): Promise<PathReport> {
  const t0 = performance.now();
  const { header, fixed, masks, masksVi, areas } = fullOutputParts();
  const out = createWriteStream(outFile, { highWaterMark: 64 * 1024 * 1024 });
  await write(out, header);
  const ruralLine = Number(LINES.rural.poverty);
  const urbanLine = Number(LINES.urban.poverty);
  const ruralCeil = Number(LINES.rural.averageCeiling);
  const urbanCeil = Number(LINES.urban.averageCeiling);
  const byStatus = [0, 0, 0, 0];
  const digits = new Uint8Array(24);
  let failed = 0;
  let households = 0;
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const piece of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = carry.length > 0 ? Buffer.concat([carry, piece as Buffer]) : (piece as Buffer);
    const last = buf.lastIndexOf(10);
    if (last < 0) {
      carry = buf;
      continue;
    }
    const o = Buffer.allocUnsafe((last + 1) * 8); // an output line is under eight times its input line (the Vietnamese names are long)
    let w = 0;
    let p = 0;
    if (first) {
      p = buf.indexOf(10) + 1;
      first = false;
    }
    const put = (b: Buffer): void => {
      for (let q = 0; q < b.length; q++) o[w++] = b[q]!;
    };
    const number = (value: number): void => {
      let n = 0;
      let v = value;
      do {
        const q = Math.floor(v / 10);
        digits[n++] = 48 + (v - q * 10);
        v = q;
      } while (v > 0);
      for (let k = n - 1; k >= 0; k--) {
        o[w++] = digits[k]!;
        if (k > 0 && k % 3 === 0) o[w++] = 46;
      }
    };
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
      let known = 0;
      let unknown = 0;
      for (let j = 0; j < K; j++) {
        p++; // the comma
        const c = buf[p]!;
        if (c === 49) {
          d++;
          known |= 1 << j;
          p++;
        } else if (c === 48) p++;
        else {
          u++;
          unknown |= 1 << j;
        }
      }
      p++; // the newline
      let s: number;
      if (inc <= (urban ? urbanLine : ruralLine) * m) s = d >= 3 ? 0 : d + u >= 3 ? -1 : 1;
      else s = inc <= (urban ? urbanCeil : ruralCeil) * m ? 2 : 3;
      households++;
      if (s < 0) {
        failed++;
        continue;
      }
      byStatus[s]!++;
      for (let q = idStart; q < idEnd; q++) o[w++] = buf[q]!;
      o[w++] = 44;
      o[w++] = 44; // no unit
      put(areas[urban ? 1 : 0]!);
      o[w++] = 44;
      number(m);
      o[w++] = 44;
      number(inc);
      o[w++] = 44;
      const f = ((urban ? 1 : 0) * 4 + s) * 2;
      put(fixed[f]!);
      o[w++] = 44;
      // the count is left blank while an indicator is undetermined (only its known part would show)
      if (unknown === 0) number(d);
      o[w++] = 44;
      put(masks[known]!);
      o[w++] = 44;
      put(masksVi[known]!);
      o[w++] = 44;
      put(masks[unknown]!);
      o[w++] = 44;
      put(fixed[f + 1]!);
      o[w++] = 13;
      o[w++] = 10;
    }
    carry = buf.subarray(last + 1);
    await write(out, o.subarray(0, w));
  }
  await close(out);
  return { path: 'hand-full', households, failed, byStatus, checksum: 0, ms: performance.now() - t0, peakRssMiB: peakRssMiB() };
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
  const paths = (process.env['BENCH_REGISTER_PATHS'] ?? 'lib,lib-n,hand-full,hand,duckdb').split(',').map((p) => p.trim());
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
        const child = spawnSync(process.execPath, ['--import', 'tsx', here, p, file, outOf(p)], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
        const line = child.stdout.trim().split('\n').at(-1) ?? '';
        if (child.status !== 0 || !line.startsWith('{')) throw new Error(`${p} failed (exit ${child.status}): ${child.stdout}`);
        const report = JSON.parse(line) as PathReport;
        reports.set(p, [...(reports.get(p) ?? []), report]);
      }
    }
    const runs = [...reports.values()].map((rs) => rs[0]!).filter((r) => r.skipped === undefined);
    const hashes = new Map<string, string>();
    for (const r of runs) hashes.set(r.path, await sha256(outOf(r.path)));
    console.log(`register: ${fmt(runs[0]?.households ?? n)} households (${mib.toFixed(0)} MiB CSV), standard ${ND07_2021.id}, as of ${ASOF}, ${repeat} run(s) of each path, median shown`);
    const rate = (r: PathReport, ms: number): number => (r.households / ms) * 1000;
    const medMs = new Map<string, number>();
    for (const [p, rs] of reports) {
      const first = rs[0]!;
      if (first.skipped !== undefined) {
        console.log(`${p.padEnd(9)} skipped: ${first.skipped}`);
        continue;
      }
      const ms = median(rs.map((x) => x.ms));
      medMs.set(p, ms);
      console.log(`${p.padEnd(9)} ${fmt(rate(first, ms)).padStart(12)} households/s  ${(ms / 1000).toFixed(2).padStart(7)} s  ${(mib / (ms / 1000)).toFixed(0).padStart(4)} MB/s  peak RSS ${fmt(median(rs.map((x) => x.peakRssMiB)))} MiB${first.command !== undefined ? `  (${first.command})` : ''}`);
    }
    for (const [a, b] of [['lib', 'hand-full'], ['lib-n', 'hand-full'], ['lib', 'lib-n'], ['lib', 'hand'], ['lib', 'duckdb'], ['hand-full', 'hand']] as const) {
      const ta = medMs.get(a);
      const tb = medMs.get(b);
      if (ta !== undefined && tb !== undefined) console.log(`ratio ${a} time / ${b} time: ${(ta / tb).toFixed(2)}×`);
    }
    const ref = runs[0];
    if (ref !== undefined) {
      const same = runs.every((r) => r.households === ref.households && r.failed === ref.failed && r.byStatus.every((c, i) => c === ref.byStatus[i]));
      const pair = (a: string, b: string): string => (hashes.has(a) && hashes.has(b) ? `${a} = ${b}: ${hashes.get(a) === hashes.get(b) ? 'yes' : 'NO'}` : '');
      const pairs = [pair('lib', 'hand-full'), pair('lib-n', 'hand-full'), pair('lib', 'lib-n'), pair('hand', 'duckdb')].filter((x) => x !== '');
      console.log(`counts by status (${HOUSEHOLD_STATUSES.join(', ')}), not classifiable: ${runs.map((r) => `${r.path} [${r.byStatus.map(fmt).join(', ')}] ${fmt(r.failed)}`).join('; ')}`);
      console.log(`identical counts: ${same ? 'yes' : 'NO'}; identical result files: ${pairs.join('; ')} (${[...hashes].map(([p, h]) => `${p} ${h.slice(0, 12)}`).join(', ')})`);
      for (const lib of ['lib', 'lib-n'] as const) {
        const ms = medMs.get(lib);
        if (ms === undefined) continue;
        const run = reports.get(lib)![0]!;
        const hand = medMs.get('hand-full');
        const rss = median(reports.get(lib)!.map((x) => x.peakRssMiB));
        console.log(
          `targets (${lib}): ≥ 1,000,000 households/s end to end: ${rate(run, ms) >= 1e6 ? 'met' : 'not met'}; within 3× of the hand loop writing the same output: ${hand === undefined ? 'n/a' : ms / hand <= 3 ? 'met' : 'not met'}; ` +
            `under 1 GiB: ${Number.isNaN(rss) ? 'n/a' : rss < 1024 ? 'met' : 'not met'}${run.households >= 26_200_000 ? `; 26.2 M under a minute: ${ms < 60_000 ? 'met' : 'not met'}` : ''}`,
        );
      }
      if (!same || pairs.some((x) => x.endsWith('NO'))) process.exitCode = 1;
    }
  } finally {
    for (const p of paths) rmSync(outOf(p), { force: true });
    if (given === undefined) rmSync(file, { force: true });
  }
}

const [, , mode, file, outFile] = process.argv;
if (mode === undefined) await main();
else {
  const report =
    mode === 'lib' || mode === 'lib-n' ? runLib(file!, outFile!, mode) : mode === 'hand-full' ? await runHandFull(file!, outFile!) : mode === 'hand' ? await runHand(file!, outFile!) : mode === 'duckdb' ? await runDuckDb(file!, outFile!) : undefined;
  if (report === undefined) throw new Error(`unknown path ${mode}`);
  console.log(JSON.stringify(report));
}
