/**
 * Household records (objects, as an app holds them) through `classifyHouseholds` (every result
 * kept) and `classifyHouseholdStream` (batches of 1,000, results dropped as they come), each in
 * its own process so each peak memory is its own. Prints households per second, the heap the
 * kept results hold (after a full GC; run with `--expose-gc`, as this file does for its
 * children) and the peak RSS. Never asserts times.
 *
 * Size: BENCH_RECORDS (default 50,000; 300,000 for the figure in docs/standards.md). Records:
 * 1–6 members with ages, the 12 review-form flags of NĐ 07/2021, incomes up to 3,000,000 đồng per
 * head; flags that disagree with what the ages give are resolved with `onConflict: 'use-flag'`.
 *   BENCH_RECORDS=300000 npx tsx bench/records.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { classifyHouseholds } from '../src/standards/classifyHouseholds.js';
import { classifyHouseholdStream } from '../src/standards/classifyHouseholdStream.js';
import { ND07_2021 } from '../src/standards/standards.js';
import type { HouseholdInput } from '../src/standards/household.js';
import { peakRssMiB, readSize, xorshift32 } from './_support.js';

const ids = ND07_2021.indicators.map((i) => i.id);
const options = { asOf: '2024-01-01', onConflict: 'use-flag' } as const;

function* records(n: number): Generator<HouseholdInput> {
  const next = xorshift32(12345);
  for (let i = 0; i < n; i++) {
    const m = 1 + Math.floor(next() * 6);
    yield {
      id: `H${i}`,
      area: next() < 0.3 ? 'urban' : 'rural',
      monthlyIncome: BigInt(Math.floor(next() * 3_000_000 * m)),
      members: Array.from({ length: m }, () => ({ age: Math.floor(next() * 90) })),
      deprivations: Object.fromEntries(ids.map((id) => [id, next() < 0.15])),
    };
  }
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMiB = (): number => process.memoryUsage().heapUsed / 2 ** 20;

function child(mode: string, n: number): void {
  if (mode === 'array') {
    const input = [...records(n)];
    gc();
    const before = heapMiB();
    const t0 = performance.now();
    const r = classifyHouseholds(input, options);
    const ms = performance.now() - t0;
    gc();
    console.log(JSON.stringify({ mode, n, ms, keptMiB: heapMiB() - before, peakRssMiB: peakRssMiB(), poor: r.counts.byStatus.poor }));
  } else {
    gc();
    const t0 = performance.now();
    let poor = 0;
    for (const batch of classifyHouseholdStream(records(n), { ...options, batchSize: 1000 })) poor = batch.counts.byStatus.poor;
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ mode, n, ms, keptMiB: 0, peakRssMiB: peakRssMiB(), poor }));
  }
}

const [, , mode, size] = process.argv;
if (mode !== undefined) child(mode, Number(size));
else {
  const n = readSize('BENCH_RECORDS', 50_000);
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
  const runs = ['array', 'stream'].map((m) => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), m, String(n)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`${m} failed: ${r.stdout}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { mode: string; ms: number; keptMiB: number; peakRssMiB: number; poor: number };
  });
  console.log(`records: ${fmt(n)} households (NĐ 07/2021, flags and ages), each path in its own process`);
  for (const r of runs) {
    console.log(
      `${r.mode === 'array' ? 'classifyHouseholds     ' : 'classifyHouseholdStream'} ${fmt((n / r.ms) * 1000).padStart(9)} households/s  ${(r.ms / 1000).toFixed(2)} s  ` +
        `${r.mode === 'array' ? `results kept ${r.keptMiB.toFixed(0)} MiB (${fmt((r.keptMiB * 2 ** 20) / n)} bytes each), ` : 'results dropped batch by batch, '}peak RSS ${fmt(r.peakRssMiB)} MiB`,
    );
  }
  console.log(`same counts: ${runs[0]!.poor === runs[1]!.poor ? 'yes' : 'NO'} (poor ${fmt(runs[0]!.poor)})`);
  if (runs[0]!.poor !== runs[1]!.poor) process.exitCode = 1;
}
