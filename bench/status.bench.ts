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
import { eligibleHouseholds } from '../src/program/componentEligibility.js';
import type { ProgramHousehold } from '../src/program/componentEligibility.js';
import { reviewTransitions } from '../src/status/reviewTransitions.js';
import type { ReviewEntry } from '../src/status/reviewTransitions.js';
import { HOUSEHOLD_STATUSES } from '../src/standards/householdStatus.js';
import type { HouseholdStatus } from '../src/standards/householdStatus.js';
import { peakRssMiB, perSecond, readSize, timed, xorshift32 } from './_support.js';

const total = readSize('BENCH_STATUS_HOUSEHOLDS', 200_000);
const areas = readSize('BENCH_STATUS_AREAS', 100);

/** Deterministic generator, so every run sees the same households. */
const next = xorshift32(0x2545f491);
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
  const { ms, value } = timed(f);
  console.log(`${label}: ${total.toLocaleString('en')} households in ${ms.toFixed(0)} ms, ${perSecond(total, ms)} households/s`);
  return value;
}

const t = time('reviewTransitions', () => reviewTransitions(start, end));
console.log(`  areas: ${t.areas.length}, poor ${t.total.poor.start} → ${t.total.poor.end}, escaped ${t.total.poor.escaped}`);
const eligible = time('eligibleHouseholds DA3.TDA2', () => eligibleHouseholds(households, 'DA3.TDA2', { asOf: '2024-06-01' }));
console.log(`  eligible: ${eligible.length}`);
console.log(`peak RSS: ${peakRssMiB().toFixed(0)} MiB`);
