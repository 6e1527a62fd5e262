/**
 * Files at register scale: generates a household register CSV (one row per household: id,
 * commune code, area, monthly income, member ages and the 12 review-form flags of NĐ 07/2021)
 * in a temporary directory, then runs `vn-poverty classify` on it and `vn-poverty summarize`
 * on the result, each in its own child process, and prints for each its rows per second and
 * its peak resident memory (VmHWM from /proc, else the largest sampled RSS). Target: under
 * 512 MiB for 1,000,000 households. Never asserts.
 *
 * Size: BENCH_IO_HOUSEHOLDS (default 1,000,000). Quick run:
 *   BENCH_IO_HOUSEHOLDS=20000 npx tsx bench/io.bench.ts
 * Set BENCH_IO_KEEP=1 to keep the temporary directory (its path is printed).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readSize, xorshift32 } from './_support.js';

const here = fileURLToPath(import.meta.url);
const MIB = 1024 * 1024;

/** Peak resident memory of this process in bytes. */
function peakRss(sampled: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall back to sampling
  }
  return sampled;
}

/** In the child: run one CLI command, then report peak memory on the last stderr line. */
async function child(argv: string[]): Promise<void> {
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 50);
  const { runCli } = await import('../src/cli/runCli.js');
  const { readFile } = await import('node:fs/promises');
  const code = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, readFile: (p) => readFile(p, 'utf8') });
  clearInterval(timer);
  process.stderr.write(`\nPEAK_RSS ${peakRss(sampled)}\n`);
  process.exitCode = code;
}

const ND07_FLAGS = [
  'employment', 'dependants', 'nutrition', 'health-insurance', 'adult-education', 'school-attendance',
  'housing-quality', 'housing-area', 'water-source', 'latrine', 'telecom', 'information-devices',
];

async function generate(path: string, households: number): Promise<void> {
  const out = createWriteStream(path);
  const next = xorshift32(20240101); // deterministic: every run writes the same register
  const header = ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', ...ND07_FLAGS.map((f) => `Deprived: ${f}`)];
  let buffer = '\uFEFF' + header.join(',') + '\r\n';
  for (let i = 0; i < households; i++) {
    const members = 1 + Math.floor(next() * 6);
    const ages: number[] = [];
    for (let m = 0; m < members; m++) ages.push(Math.floor(next() * 90));
    const urban = next() < 0.3;
    // income per head around the lines (1.5 / 2.0 million đồng), in thousands of đồng
    const perHead = Math.floor((500 + next() * 3_500)) * 1000;
    const income = String(perHead * members).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    // review-form flags; "dependants" must agree with the ages (children under 16 are more than half)
    const children = ages.filter((a) => a < 16).length;
    const flags = ND07_FLAGS.map((f) => (f === 'dependants' ? children * 2 > members : next() < 0.15) ? 'có' : 'không');
    const unit = String(10_000 + Math.floor(next() * 1_000)).padStart(5, '0');
    buffer += `H${i + 1},${unit},${urban ? 'thành thị' : 'nông thôn'},${income},${ages.join(';')},${flags.join(',')}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

interface Run {
  readonly seconds: number;
  readonly peak: number;
  readonly code: number | null;
  readonly tail: string;
}

async function runChild(args: string[]): Promise<Run> {
  const start = performance.now();
  const proc = spawn(process.execPath, ['--import', 'tsx', here, '--child', ...args], { stdio: ['ignore', 'ignore', 'pipe'], cwd: join(dirname(here), '..') });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d: string) => {
    stderr += d;
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  const [code] = (await once(proc, 'close')) as [number | null];
  const seconds = (performance.now() - start) / 1000;
  const m = /PEAK_RSS (\d+)/.exec(stderr);
  return { seconds, peak: m ? Number(m[1]) : Number.NaN, code, tail: stderr.replace(/\n?PEAK_RSS \d+\n?/, '').trim() };
}

async function main(): Promise<void> {
  const households = readSize('BENCH_IO_HOUSEHOLDS', 1_000_000, /[_,.]/g);
  const dir = mkdtempSync(join(tmpdir(), 'vn-poverty-io-bench-'));
  const register = join(dir, 'register.csv');
  const classified = join(dir, 'classified.csv');
  const summary = join(dir, 'summary.csv');
  try {
    let t = performance.now();
    await generate(register, households);
    console.log(`register: ${households.toLocaleString('en')} households, ${(statSync(register).size / MIB).toFixed(1)} MiB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const show = (name: string, run: Run, rows: number): void => {
      const within = run.peak < 512 * MIB ? 'under' : 'OVER';
      console.log(
        `${name}: exit ${run.code}, ${run.seconds.toFixed(1)} s (process start included), ${Math.round(rows / run.seconds).toLocaleString('en')} households/s, peak RSS ${(run.peak / MIB).toFixed(1)} MiB (${within} 512 MiB)`,
      );
      if (run.tail !== '') console.log(`  ${run.tail.split('\n').slice(-3).join('\n  ')}`);
    };
    t = performance.now();
    // random flags can contradict what the ages imply (no child, so no school-attendance deprivation): the facts decide
    const c = await runChild(['classify', register, '--as-of', '2024-01-01', '--on-conflict', 'use-facts', '--out', classified]);
    show('classify', c, households);
    console.log(`  output ${(statSync(classified).size / MIB).toFixed(1)} MiB`);
    const s = await runChild(['summarize', classified, '--by', 'unit', '--out', summary]);
    show('summarize', s, households);
    console.log(`  summary rows: ${readFileSync(summary, 'utf8').trim().split('\n').length - 1}`);
  } finally {
    if (process.env['BENCH_IO_KEEP'] === '1') console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv.slice(3));
} else {
  await main();
}
