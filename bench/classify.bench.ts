/**
 * Bulk household classification at national scale: the library's columnar path
 * (`classifyColumns` + `sumClassificationCounts`) against a hand-written typed-array loop that
 * computes the same statuses, in the same process, on the same synthetic chunks.
 *
 * Size: BENCH_HOUSEHOLDS (default 26,200,000, the 2022 national number of households),
 * BENCH_CHUNK (default 1,048,576 households per chunk), BENCH_REPEAT (default 3: each path runs
 * each chunk this many times and the fastest run counts, which filters out pauses caused by other
 * processes on a shared machine; BENCH_REPEAT=1 times a single pass). Quick run:
 *   BENCH_HOUSEHOLDS=2000000 npx tsx bench/classify.bench.ts
 *
 * Data are streamed: each chunk is generated, classified by both, compared, then dropped, so
 * memory stays flat whatever the total. Generation time is not counted. Prints households per
 * second for both, their ratio, and the process's peak resident memory. Never asserts times.
 */
import { performance } from 'node:perf_hooks';
import { sumClassificationCounts, type ClassificationCounts } from '../src/standards/classificationCounts.js';
import { classifyColumns, type HouseholdColumns } from '../src/standards/classifyColumns.js';
import { HOUSEHOLD_STATUSES } from '../src/standards/householdStatus.js';
import { ND07_2021 } from '../src/standards/standards.js';
import { peakRssMiB, readSize, xorshift32 } from './_support.js';

const total = readSize('BENCH_HOUSEHOLDS', 26_200_000);
const chunkSize = readSize('BENCH_CHUNK', 1 << 20);
const repeat = readSize('BENCH_REPEAT', 3);
const asOf = '2024-01-01';

/** Deterministic generator, so both paths see identical data on every run. */
const next = xorshift32(0x9e3779b9);

/** One chunk of synthetic households: a third urban, 1–8 members, incomes around the lines, ~12 % deprivation per indicator. */
function generate(n: number): HouseholdColumns {
  const area = new Uint8Array(n);
  const monthlyIncome = new Float64Array(n);
  const members = new Uint8Array(n);
  const deprivationMask = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const urban = next() < 0.34 ? 1 : 0;
    const m = 1 + Math.floor(next() * next() * 8);
    // income per head: heavy mass between 0.5 and 4 million, a tail up to ~20 million; whole đồng
    const u = next();
    const perHead = 400_000 + Math.floor(u * u * 6_000_000) + (next() < 0.05 ? Math.floor(next() * 14_000_000) : 0);
    // ~3 % sit exactly on a line, to exercise the boundary
    const onLine = next() < 0.03;
    const line = urban ? 2_000_000 : 1_500_000;
    let mask = 0;
    for (let b = 0; b < 12; b++) if (next() < 0.12) mask |= 1 << b;
    area[i] = urban;
    members[i] = m;
    monthlyIncome[i] = onLine ? line * m : perHead * m + Math.floor(next() * m);
    deprivationMask[i] = mask;
  }
  return { area, monthlyIncome, members, deprivationMask };
}

/** The bare loop: NĐ 07/2021 Art. 3 written out by hand, statuses and counts by status. */
function handLoop(c: HouseholdColumns, out: Uint8Array, byStatus: Float64Array): void {
  const { area, monthlyIncome, members, deprivationMask } = c;
  const n = area.length;
  for (let i = 0; i < n; i++) {
    const urban = area[i] === 1;
    const m = members[i] as number;
    const inc = monthlyIncome[i] as number;
    let x = deprivationMask[i] as number;
    x = x - ((x >>> 1) & 0x5555);
    x = (x & 0x3333) + ((x >>> 2) & 0x3333);
    x = (x + (x >>> 4)) & 0x0f0f;
    const d = (x + (x >>> 8)) & 0x1f;
    const line = urban ? 2_000_000 : 1_500_000;
    const ceiling = urban ? 3_000_000 : 2_250_000;
    const s = inc <= line * m ? (d >= 3 ? 0 : 1) : inc <= ceiling * m ? 2 : 3;
    out[i] = s;
    byStatus[s]! += 1;
  }
}

let libMs = 0;
let handMs = 0;
let identical = true;
const libCounts: ClassificationCounts[] = [];
const handByStatus = new Float64Array(4);
let handOut = new Uint8Array(0);
let done = 0;
let chunkIndex = 0;
while (done < total) {
  const n = Math.min(chunkSize, total - done);
  const chunk = generate(n);
  if (handOut.length !== n) handOut = new Uint8Array(n);
  // alternate which path runs first so neither always benefits from a warm cache;
  // each runs `repeat` times and its fastest run counts
  let libStatuses: Uint8Array = new Uint8Array(0);
  let bestLib = Infinity;
  let bestHand = Infinity;
  for (let r = 0; r < repeat; r++) {
    for (const which of chunkIndex % 2 === 0 ? ['lib', 'hand'] : ['hand', 'lib']) {
      if (which === 'lib') {
        const t0 = performance.now();
        const result = classifyColumns(chunk, { asOf });
        bestLib = Math.min(bestLib, performance.now() - t0);
        if (r === 0) {
          libCounts.push(result.counts);
          libStatuses = result.statuses;
        }
      } else {
        const byStatus = r === 0 ? handByStatus : new Float64Array(4);
        const t0 = performance.now();
        handLoop(chunk, handOut, byStatus);
        bestHand = Math.min(bestHand, performance.now() - t0);
      }
    }
  }
  libMs += bestLib;
  handMs += bestHand;
  for (let i = 0; i < n; i++) {
    if (libStatuses[i] !== handOut[i]) {
      identical = false;
      break;
    }
  }
  done += n;
  chunkIndex++;
}

const counts = sumClassificationCounts(libCounts);
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
const libRate = (total / libMs) * 1000;
const handRate = (total / handMs) * 1000;

console.log(`households: ${fmt(total)} in ${chunkIndex} chunks of up to ${fmt(chunkSize)}, best of ${repeat} per chunk (standard ${counts.standardId}, as of ${asOf})`);
console.log(`library classifyColumns: ${fmt(libRate)} households/s (${(libMs / 1000).toFixed(2)} s)`);
console.log(`hand-written loop:       ${fmt(handRate)} households/s (${(handMs / 1000).toFixed(2)} s)`);
console.log(`ratio library time / hand time: ${(libMs / handMs).toFixed(2)}×`);
console.log(`statuses identical: ${identical ? 'yes' : 'NO'}`);
console.log(`counts by status (library): ${HOUSEHOLD_STATUSES.map((s) => `${s} ${fmt(counts.byStatus[s])}`).join(', ')}`);
console.log(`counts by status (hand):    ${HOUSEHOLD_STATUSES.map((s, i) => `${s} ${fmt(handByStatus[i] ?? 0)}`).join(', ')}`);
console.log(`deprived by indicator: ${ND07_2021.indicators.map((i) => `${i.id} ${fmt(counts.byIndicator[i.id] ?? 0)}`).join(', ')}`);
console.log(`peak RSS: ${peakRssMiB().toFixed(0)} MiB`);
if (!identical || HOUSEHOLD_STATUSES.some((s, i) => counts.byStatus[s] !== handByStatus[i])) process.exitCode = 1;
