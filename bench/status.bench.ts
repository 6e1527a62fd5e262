/**
 * Status over time in bulk: `reviewTransitions` between two commune-scale review lists, and
 * `eligibleHouseholds` for one component over a list of households with status histories.
 *
 * Size: BENCH_STATUS_HOUSEHOLDS (default 200,000 households ≈ a large province's poor, near-poor and
 * reviewed households), BENCH_STATUS_AREAS (default 100 communes). Quick run:
 *   BENCH_STATUS_HOUSEHOLDS=20000 npx tsx bench/status.bench.ts
 *
 * Prints households per second for each path and the peak resident memory. Never asserts times.
 */
import { performance } from 'node:perf_hooks';
import { eligibleHouseholds } from '../src/program/componentEligibility.js';
import type { ProgramHousehold } from '../src/program/componentEligibility.js';
import { reviewTransitions } from '../src/status/reviewTransitions.js';
import type { ReviewEntry } from '../src/status/reviewTransitions.js';
import { HOUSEHOLD_STATUSES } from '../src/standards/householdStatus.js';
import type { HouseholdStatus } from '../src/standards/householdStatus.js';

const total = readSize('BENCH_STATUS_HOUSEHOLDS', 200_000);
const areas = readSize('BENCH_STATUS_AREAS', 100);

function readSize(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got ${raw}`);
  return n;
}

/** Deterministic xorshift32 generator. */
let seed = 0x2545f491;
function next(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
const pick = (): HouseholdStatus => HOUSEHOLD_STATUSES[Math.min(3, Math.floor(next() * 4))] as HouseholdStatus;

const start: ReviewEntry[] = [];
const end: ReviewEntry[] = [];
const households: ProgramHousehold[] = [];
for (let i = 0; i < total; i++) {
  const area = `C${Math.floor(next() * areas)}`;
  const s = pick();
  const e = next() < 0.8 ? s : pick();
  const moved = next() < 0.02;
  start.push({ householdId: `h${i}`, area, status: s, everEscapedPoverty: next() < 0.1 });
  end.push({ householdId: `h${i}`, area: moved ? `C${Math.floor(next() * areas)}` : area, status: e });
  households.push({
    householdId: `h${i}`,
    history: { priorStatus: 'poor', records: [{ on: '2022-12-01', status: s }, { on: '2023-12-01', status: e }] },
    traits: next() < 0.3 ? ['in-poor-district', 'child-under-16'] : ['woman-member'],
  });
}

function time<T>(label: string, f: () => T): T {
  const t0 = performance.now();
  const result = f();
  const ms = performance.now() - t0;
  console.log(`${label}: ${total.toLocaleString('en')} households in ${ms.toFixed(0)} ms, ${Math.round((total / ms) * 1000).toLocaleString('en')} households/s`);
  return result;
}

const t = time('reviewTransitions', () => reviewTransitions(start, end));
console.log(`  areas: ${t.areas.length}, poor ${t.total.poor.start} → ${t.total.poor.end}, escaped ${t.total.poor.escaped}`);
const eligible = time('eligibleHouseholds DA3.TDA2', () => eligibleHouseholds(households, 'DA3.TDA2', { asOf: '2024-06-01' }));
console.log(`  eligible: ${eligible.length}`);
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
