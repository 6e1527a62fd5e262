/**
 * Benchmark of the bulk Alkire–Foster path on the standard workload (shared/data/README.md):
 * syn_cdta round 1, complete rows (7,434), replicated to N rows (default 1,003,590 = 135 ×
 * 7,434); ten indicators in three dimensions with equal nested weights; k = 33 %; national,
 * by area and by region in one call — 1 + 2 + 20 populations × 43 numbers (H, A, M0 and, per
 * indicator, the uncensored and censored headcount ratios and the absolute and percentage
 * contributions) = 989 exact numbers.
 *
 * Three ways to the same 989 numbers, timed in interleaved runs (best and median printed):
 * - `alkireFoster({ kind: 'columns', by: [area, region] })`: validation, the one-pass
 *   kernel, exact fractions, frozen result;
 * - a tight hand-written loop over the same typed arrays: per unit the integer score of the ten
 *   bytes (unrolled), then branch-free sums per area × region cell, then the margins; it returns
 *   the 989 numbers as integer numerator/denominator pairs (exact, not reduced);
 * - vectorised base R (`bench/measures-base-r.R`: a matrix product and `rowsum`), when `Rscript`
 *   is on the machine (skipped with a message otherwise); R times its own computation.
 * Every library fraction is checked equal to the loop's pair, and R's national M0 to the library's.
 *
 *   npx tsx bench/measures.bench.ts
 *   MEASURES_BENCH_SIZE=100000 npx tsx bench/measures.bench.ts
 *   MEASURES_BENCH_REPEAT=9 …                          # timed repetitions of each
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alkireFoster } from '../src/measures/alkireFoster.js';
import { alkireFosterEstimates } from '../src/measures/alkireFosterEstimates.js';
import { surveyDesign } from '../src/measures/surveyDesign.js';
import { equalNestedWeights } from '../src/measures/nestedWeights.js';
import type { Fraction } from '../src/numbers/fraction.js';
import { perSecond, readSize, timed } from './_support.js';

const size = readSize('MEASURES_BENCH_SIZE', 1_003_590);
const repeat = readSize('MEASURES_BENCH_REPEAT', 7);
const fixture = fileURLToPath(new URL('../test/fixtures/syn_cdta.csv', import.meta.url));

// --- data: the same rows R reads ---------------------------------------------------------------
const csv = readFileSync(fixture, 'utf8').trim().split('\n');
const header = (csv[0] ?? '').split(',');
const col = (name: string): number => header.indexOf(name);
const names = ['d_nutr', 'd_cm', 'd_satt', 'd_educ', 'd_elct', 'd_sani', 'd_wtr', 'd_hsg', 'd_ckfl', 'd_asst'];
const source = csv
  .slice(1)
  .map((line) => line.split(','))
  .filter((f) => f[col('t')] === '1' && f.every((v) => v !== ''));
const J = names.length;
const deps = Array.from({ length: J }, () => new Uint8Array(size));
const area = new Uint8Array(size);
const region = new Uint8Array(size);
const sampleWeights = new Float64Array(size);
const strata = new Int32Array(size);
const psus = new Int32Array(size);
for (let i = 0; i < size; i++) {
  const f = source[i % source.length] as string[];
  for (let j = 0; j < J; j++) (deps[j] as Uint8Array)[i] = f[col(names[j] as string)] === '1' ? 1 : 0;
  area[i] = Number(f[col('area')]);
  region[i] = Number(f[col('region')]) - 1;
  sampleWeights[i] = Number(f[col('weight')]);
  strata[i] = Number(f[col('stratum')]);
  psus[i] = Number(f[col('psu')]);
}
const weights = equalNestedWeights([
  { id: 'health', indicators: ['d_nutr', 'd_cm'] },
  { id: 'education', indicators: ['d_satt', 'd_educ'] },
  { id: 'living', indicators: ['d_elct', 'd_sani', 'd_wtr', 'd_hsg', 'd_ckfl', 'd_asst'] },
]);
const regionLabels = Array.from({ length: 20 }, (_, g) => String(g + 1));

// --- the library -----------------------------------------------------------------------------
function library(): ReturnType<typeof alkireFoster> {
  return alkireFoster(
    { kind: 'columns', deprivations: deps, sampleWeights, by: [{ name: 'area', codes: area, labels: ['0', '1'] }, { name: 'region', codes: region, labels: regionLabels }] },
    { weights, cutoff: { percent: 33 }, countBy: 'units' },
  );
}

// --- the tight hand-written loop --------------------------------------------------------------
// Scores in 18ths (1/6 = 3, 1/18 = 1); poor when score/18 ≥ 33/100, i.e. 100·score ≥ 594.
const K = 3 + 2 * J; // per cell: n, q, S, U_j, C_j
function tightLoop(): Float64Array {
  const cells = new Float64Array(40 * K);
  const [d0, d1, d2, d3, d4, d5, d6, d7, d8, d9] = deps as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  for (let i = 0; i < size; i++) {
    const a0 = d0[i] as number, a1 = d1[i] as number, a2 = d2[i] as number, a3 = d3[i] as number, a4 = d4[i] as number;
    const a5 = d5[i] as number, a6 = d6[i] as number, a7 = d7[i] as number, a8 = d8[i] as number, a9 = d9[i] as number;
    const s = 3 * (a0 + a1 + a2 + a3) + a4 + a5 + a6 + a7 + a8 + a9;
    const w = sampleWeights[i] as number;
    const pw = 100 * s >= 594 ? w : 0;
    const b = ((area[i] as number) * 20 + (region[i] as number)) * K;
    cells[b]! += w;
    cells[b + 1]! += pw;
    cells[b + 2]! += s * pw;
    cells[b + 3]! += a0 * w; cells[b + 4]! += a1 * w; cells[b + 5]! += a2 * w; cells[b + 6]! += a3 * w; cells[b + 7]! += a4 * w;
    cells[b + 8]! += a5 * w; cells[b + 9]! += a6 * w; cells[b + 10]! += a7 * w; cells[b + 11]! += a8 * w; cells[b + 12]! += a9 * w;
    cells[b + 13]! += a0 * pw; cells[b + 14]! += a1 * pw; cells[b + 15]! += a2 * pw; cells[b + 16]! += a3 * pw; cells[b + 17]! += a4 * pw;
    cells[b + 18]! += a5 * pw; cells[b + 19]! += a6 * pw; cells[b + 20]! += a7 * pw; cells[b + 21]! += a8 * pw; cells[b + 22]! += a9 * pw;
  }
  // margins: national, 2 areas, 20 regions → 23 populations
  const pops = new Float64Array(23 * K);
  for (let c = 0; c < 40; c++) {
    const targets = [0, 1 + Math.floor(c / 20), 3 + (c % 20)];
    for (const t of targets) for (let x = 0; x < K; x++) pops[t * K + x]! += cells[c * K + x] as number;
  }
  // the 989 numbers as numerator/denominator pairs
  const out = new Float64Array(989 * 2);
  const units = [3, 3, 3, 3, 1, 1, 1, 1, 1, 1];
  let o = 0;
  const put = (num: number, den: number): void => {
    out[o++] = num;
    out[o++] = den;
  };
  for (let p = 0; p < 23; p++) {
    const b = p * K;
    const n = pops[b] as number, q = pops[b + 1] as number, S = pops[b + 2] as number;
    put(q, n);
    put(S, 18 * q);
    put(S, 18 * n);
    for (let j = 0; j < J; j++) put(pops[b + 3 + j] as number, n);
    for (let j = 0; j < J; j++) put(pops[b + 3 + J + j] as number, n);
    for (let j = 0; j < J; j++) put((units[j] as number) * (pops[b + 3 + J + j] as number), 18 * n);
    for (let j = 0; j < J; j++) put(100 * (units[j] as number) * (pops[b + 3 + J + j] as number), S);
  }
  return out;
}

// --- the two agree on all 989 numbers ----------------------------------------------------------
function libraryNumbers(r: ReturnType<typeof alkireFoster>): Array<Fraction | null> {
  const populations = [r, ...(r.groupings[0]?.subgroups ?? []).map((s) => s.measures), ...(r.groupings[1]?.subgroups ?? []).map((s) => s.measures)];
  return populations.flatMap((m) => [
    m.headcountRatio,
    m.intensity,
    m.m0,
    ...m.indicators.map((i) => i.uncensoredHeadcountRatio),
    ...m.indicators.map((i) => i.censoredHeadcountRatio),
    ...m.indicators.map((i) => i.contribution),
    ...m.indicators.map((i) => i.percentContribution),
  ]);
}
const check = (lib: ReturnType<typeof alkireFoster>, loop: Float64Array): void => {
  const numbers = libraryNumbers(lib);
  if (numbers.length !== 989) throw new Error(`the library gave ${numbers.length} numbers, not 989`);
  numbers.forEach((x, i) => {
    const num = BigInt(loop[2 * i] as number);
    const den = BigInt(loop[2 * i + 1] as number);
    const same = x === null ? num === 0n && den === 0n : x.num * den === num * x.den;
    if (!same) throw new Error(`number ${i} differs: library ${x === null ? 'null' : `${x.num}/${x.den}`}, loop ${num}/${den}`);
  });
};

// --- timing, interleaved -------------------------------------------------------------------
const libTimes: number[] = [];
const loopTimes: number[] = [];
check(library(), tightLoop()); // warm-up and the exactness check
for (let r = 0; r < repeat; r++) {
  libTimes.push(timed(library).ms);
  loopTimes.push(timed(tightLoop).ms);
}
const best = (t: number[]): number => Math.min(...t);
const median = (t: number[]): number => {
  const s = [...t].sort((a, b) => a - b);
  return s.length % 2 === 1 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const line = (label: string, t: number[]): string => `  ${label.padEnd(44)} best ${best(t).toFixed(1).padStart(7)} ms  median ${median(t).toFixed(1).padStart(7)} ms  ${perSecond(size, best(t))} rows/s`;

console.log(`Alkire–Foster, standard workload: ${size.toLocaleString('en-US')} rows × ${J} indicators, k = 33 %, national + area + region = 989 numbers, ${repeat} interleaved runs`);
console.log(line('alkireFoster columns (exact, one pass)', libTimes));
console.log(line('tight hand-written loop (exact integer pairs)', loopTimes));
console.log(`  ratio library / tight loop:  best ${(best(libTimes) / best(loopTimes)).toFixed(2)}×  median ${(median(libTimes) / median(loopTimes)).toFixed(2)}×`);

const rScript = fileURLToPath(new URL('./measures-base-r.R', import.meta.url));
const r = spawnSync('Rscript', [rScript, fixture, String(size), String(repeat)], { encoding: 'utf8' });
if (r.error !== undefined || r.status !== 0) {
  console.log('  vectorised base R: skipped (Rscript not found; Debian: apt-get install r-base-core)');
} else {
  const [rBest, rMedian, count, rM0] = r.stdout.trim().split(/\s+/).map(Number) as [number, number, number, number];
  const libM0 = library().m0;
  if (count !== 989 || Math.abs(rM0 - Number(libM0.num) / Number(libM0.den)) > 1e-9) throw new Error(`R gave ${count} numbers and M0 = ${rM0}`);
  console.log(`  ${'vectorised base R (matrix product, rowsum)'.padEnd(44)} best ${rBest.toFixed(1).padStart(7)} ms  median ${rMedian.toFixed(1).padStart(7)} ms  ${perSecond(size, rBest)} rows/s`);
  console.log(`  ratio base R / library:      best ${(rBest / best(libTimes)).toFixed(1)}×  median ${(rMedian / median(libTimes)).toFixed(1)}×`);
}

// --- with standard errors (one run, not part of the ratios) ------------------------------------
const withSe = timed(() => {
  const design = surveyDesign({ strata, psus, weights: sampleWeights });
  return alkireFosterEstimates(
    { kind: 'columns', deprivations: deps, by: [{ name: 'area', codes: area, labels: ['0', '1'] }, { name: 'region', codes: region, labels: regionLabels }] },
    { weights, cutoff: { percent: 33 }, countBy: 'units', design, interval: { level: '0.95', method: 'logit', distribution: 't' } },
  );
});
console.log(`  alkireFosterEstimates with the design (989 estimates, SEs and logit intervals; ${withSe.value.rows.length} rows): ${withSe.ms.toFixed(0)} ms, one run`);
