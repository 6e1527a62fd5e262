/**
 * Budgets in bulk: validating and totalling budget lines (a national year of commune-level lines
 * by project, source and capital type), and allocating an amount over every commune by criteria.
 *
 * Size: BENCH_BUDGET_LINES (default 500,000 lines), BENCH_COMMUNES (default 10,599, the number of
 * communes before the 2025 reorganisation). Quick run:
 *   BENCH_BUDGET_LINES=20000 BENCH_COMMUNES=2000 npx tsx bench/budgets.bench.ts
 *
 * Prints lines and recipients per second and checks that totals are exact (they must equal the
 * sum computed by a plain loop). Never asserts times.
 */
import { allocateByCriteria } from '../src/budgets/allocateByCriteria.js';
import { budgetLines, type BudgetLineInput } from '../src/budgets/budgetLine.js';
import { budgetTotals } from '../src/budgets/budgetTotals.js';
import { deriveCounterpart } from '../src/budgets/deriveCounterpart.js';
import { peakRssMiB, perSecond, readSize, timed } from './_support.js';

const lineCount = readSize('BENCH_BUDGET_LINES', 500_000);
const communes = readSize('BENCH_COMMUNES', 10_599);

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES = ['DA1.TDA1', 'DA1.TDA2', 'DA2', 'DA3.TDA1', 'DA3.TDA2', 'DA4.TDA1', 'DA4.TDA2', 'DA4.TDA3', 'DA5', 'DA6.TDA1', 'DA6.TDA2', 'DA7.TDA1', 'DA7.TDA2'];
const SOURCES = ['central', 'provincial', 'other'] as const;
const rnd = random(2024);
const inputs: BudgetLineInput[] = Array.from({ length: lineCount }, (_, i) => ({
  amount: BigInt(Math.floor(rnd() * 5_000)) * 1_000_000n + BigInt(Math.floor(rnd() * 1_000_000)),
  source: SOURCES[i % 3]!,
  capitalType: rnd() < 0.3 ? 'investment' : 'recurrent',
  project: CODES[i % CODES.length]!,
  adminUnit: `commune-${i % communes}`,
  year: 2021 + (i % 5),
}));
let expected = 0n;
for (const l of inputs) expected += l.amount as bigint;

const { ms: tLines, value: lines } = timed(() => budgetLines(inputs));
const { ms: tTotals, value: totals } = timed(() => budgetTotals(lines, { by: ['parentProject', 'source', 'capitalType', 'year'] }));
const { ms: tByUnit, value: byUnit } = timed(() => budgetTotals(lines, { by: ['adminUnit'] }));
console.log(`budgetLines    ${lineCount.toLocaleString('en')} lines: ${tLines.toFixed(0)} ms (${perSecond(lineCount, tLines)} lines/s)`);
console.log(`budgetTotals   by 4 dimensions → ${totals.groups.length} groups: ${tTotals.toFixed(0)} ms (${perSecond(lineCount, tTotals)} lines/s)`);
console.log(`budgetTotals   by admin unit → ${byUnit.groups.length} groups: ${tByUnit.toFixed(0)} ms`);
console.log(`exact: grand total ${totals.total === expected && byUnit.total === expected ? 'equals' : 'DIFFERS FROM'} the plain-loop sum (${expected} đồng)`);

const central = byUnit.groups.map((g) => g.total);
const { ms: tDerive, value: derived } = timed(() => deriveCounterpart(central, { percent: '10', roundTo: 'trieu', rounding: 'ceil', strategy: 'on-total' }));
console.log(`deriveCounterpart ${central.length.toLocaleString('en')} lines, both roundings: ${tDerive.toFixed(0)} ms; per-line − on-total = ${derived.difference / 1_000_000n} triệu`);

const recipients = Array.from({ length: communes }, (_, i) => ({
  id: `commune-${i}`,
  criteria: { poor: Math.floor(rnd() * 800), nearPoor: Math.floor(rnd() * 600), ethnicShare: (Math.floor(rnd() * 100) / 100).toFixed(2) },
}));
const amount = 48_000n * 1_000_000_000n; // the 2021–2025 central budget, 48.000 tỷ đồng
const { ms: tAlloc, value: allocation } = timed(() => allocateByCriteria(amount, recipients, { coefficients: { poor: 2, nearPoor: 1, ethnicShare: '150.5' }, step: 'trieu' }));
const allocated = allocation.rows.reduce((s, r) => s + r.amount, 0n);
console.log(`allocateByCriteria ${communes.toLocaleString('en')} communes × 3 criteria: ${tAlloc.toFixed(0)} ms (${perSecond(communes, tAlloc)} communes/s); parts ${allocated === amount ? 'add up' : 'DO NOT add up'} to 48.000 tỷ`);
console.log(`peak RSS: ${peakRssMiB().toFixed(0)} MiB`);
