/**
 * The streaming CSV reader against two well-kept libraries. Generates two register-like CSVs (one
 * row per household, 17 fields, Vietnamese text): a plain one, and one where 5 % of the rows hold
 * a quoted field with commas, doubled quotes and line breaks, in a temporary directory, then reads
 * each in a child process per reader, three rounds interleaved, and prints
 * MB/s (of file bytes, decoding included; wall time, and per CPU-second, which a busy machine
 * disturbs less) and peak RSS. The reading loop also tallies every field (the same work for each
 * reader), so the figures are below those of reading alone:
 *   - vn-poverty `readRows` (what `classify` and `summarize` use: UTF-8 decoding, tokenizer, row objects);
 *   - csv-parse (streaming, `for await` over records);
 *   - papaparse (streaming a Node stream, `step` callback).
 * Each reader's row count and a checksum of its fields are printed, so a reader that misreads
 * the quoted fields shows. Never asserts.
 *
 * Size: BENCH_CSV_ROWS (default 1,500,000 rows, about 212 MB). Quick run:
 *   BENCH_CSV_ROWS=100000 npx tsx bench/csv.bench.ts
 * One reader on a kept file (to time it as a whole process, e.g. with /usr/bin/time -v):
 *   npx tsx bench/csv.bench.ts --generate /tmp/plain.csv        (add `quoted` for the quoted file)
 *   node --import tsx bench/csv.bench.ts --child vn-poverty /tmp/plain.csv
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { peakRssMiB, readSize, xorshift32 } from './_support.js';

const here = fileURLToPath(import.meta.url);
const MB = 1_000_000;

async function generate(path: string, rows: number, quoted: boolean): Promise<void> {
  const out = createWriteStream(path);
  const next = xorshift32(20260101);
  const flags = ['có', 'không'];
  let buffer = 'Mã hộ,Mã đơn vị,Khu vực,Thu nhập/tháng (đồng),Tuổi các thành viên,Ghi chú,' + Array.from({ length: 11 }, (_, i) => `Thiếu hụt ${i + 1}`).join(',') + '\r\n';
  for (let i = 0; i < rows; i++) {
    const r = next();
    const note = !quoted ? (r < 0.05 ? 'Thôn 3 xã Tân Lợi' : 'Nguyễn Văn Bình') : r < 0.02 ? '"Hộ có ""người khuyết tật"", sống một mình\r\nxem lại"' : r < 0.05 ? '"Thôn 3, xã Tân Lợi"' : 'Nguyễn Văn Bình';
    const income = String(Math.floor(next() * 20_000) * 1000).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    let line = `H${i + 1},${String(10_000 + Math.floor(next() * 1000))},${next() < 0.3 ? 'thành thị' : 'nông thôn'},${income},40;38;10;7,${note}`;
    for (let f = 0; f < 11; f++) line += `,${flags[next() < 0.15 ? 0 : 1]}`;
    buffer += line + '\r\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Row count and a checksum (fields, characters) so readers can be compared for exactness. */
interface Tally {
  rows: number;
  fields: number;
  chars: number;
}

function add(t: Tally, row: ReadonlyArray<unknown>): void {
  t.rows++;
  t.fields += row.length;
  for (let i = 0; i < row.length; i++) {
    const f = row[i];
    t.chars += typeof f === 'string' ? f.length : String(f).length;
  }
}

async function readWith(reader: string, path: string): Promise<Tally> {
  const t: Tally = { rows: 0, fields: 0, chars: 0 };
  if (reader === 'vn-poverty') {
    const { readRowBatches } = await import('../src/io/readRows.js');
    for await (const batch of readRowBatches(path)) for (const r of batch) add(t, r.cells);
  } else if (reader === 'csv-parse') {
    const { parse } = await import('csv-parse');
    // bom: drop a byte-order mark; relax_column_count: rows may differ in length, as ours may
    for await (const record of createReadStream(path).pipe(parse({ bom: true, relax_column_count: true }))) add(t, record as string[]);
  } else if (reader === 'papaparse') {
    const Papa = (await import('papaparse')).default;
    await new Promise<void>((resolve, reject) => {
      Papa.parse(createReadStream(path, 'utf8') as unknown as File, {
        step: (result: { data: string[] }) => add(t, result.data),
        complete: () => resolve(),
        error: reject,
      });
    });
  }
  return t;
}

async function child(reader: string, path: string): Promise<void> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const t = await readWith(reader, path);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  process.stdout.write(`${JSON.stringify({ ...t, ms, cpuMs: (cpu.user + cpu.system) / 1000, peak: peakRssMiB() })}\n`);
}

async function runChild(reader: string, path: string): Promise<{ rows: number; fields: number; chars: number; ms: number; cpuMs: number; peak: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', here, '--child', reader, path], { stdio: ['ignore', 'pipe', 'inherit'], cwd: join(dirname(here), '..') });
  let out = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (d: string) => (out += d));
  await once(proc, 'close');
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  const rows = readSize('BENCH_CSV_ROWS', 1_500_000, /[_,.]/g);
  const dir = mkdtempSync(join(tmpdir(), 'vn-poverty-csv-bench-'));
  try {
    for (const quoted of [false, true]) {
      const path = join(dir, quoted ? 'quoted.csv' : 'plain.csv');
      await generate(path, rows, quoted);
      const bytes = statSync(path).size;
      console.log(`${quoted ? 'quoted' : 'plain'} file (${quoted ? '5 % of rows hold a quoted field, some with "", commas and line breaks' : 'no quoted field'}): ${rows.toLocaleString('en')} rows, ${(bytes / MB).toFixed(1)} MB (Node ${process.version}, ${process.arch})`);
      for (const round of [1, 2, 3]) {
        for (const reader of ['vn-poverty', 'csv-parse', 'papaparse']) {
          const r = await runChild(reader, path);
          console.log(
            `  round ${round} ${reader.padEnd(10)}: ${((bytes / MB) / (r.ms / 1000)).toFixed(0).padStart(4)} MB/s (${(r.ms / 1000).toFixed(2)} s wall), ${((bytes / MB) / (r.cpuMs / 1000)).toFixed(0).padStart(4)} MB per CPU-second, peak RSS ${r.peak.toFixed(0)} MiB; rows ${r.rows}, fields ${r.fields}, characters ${r.chars}`,
          );
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, process.argv[4]!);
} else if (process.argv[2] === '--generate') {
  // keep a file for timing single readers from outside: --generate PATH [quoted]
  await generate(process.argv[3]!, readSize('BENCH_CSV_ROWS', 1_500_000, /[_,.]/g), process.argv[4] === 'quoted');
} else {
  await main();
}
