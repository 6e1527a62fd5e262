/**
 * Reconciling a large commune-targets table: a province-sized table of N commune rows (env
 * RECONCILE_ROWS, default 10.000) in blocks of 20 under subtotals, with a total. Prints rows,
 * checks and timings; asserts nothing.
 *
 *   npx tsx bench/reconcile.bench.ts
 *   RECONCILE_ROWS=500 npx tsx bench/reconcile.bench.ts
 */
import { COMMUNE_TARGETS_COLUMNS, reconcileTable, tableFromLayout } from '../src/index.js';
import { readSize, timed } from './_support.js';

const N = readSize('RECONCILE_ROWS', 10_000);
const vn = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const pct = (c: number, h: number): string => {
  const q = (BigInt(c) * 20000n + BigInt(h)) / (2n * BigInt(h));
  return `${vn(Number(q / 100n))},${String(q % 100n).padStart(2, '0')}`;
};
type C = [number, number, number, number, number];
const row = (stt: string, unit: string, role: string, [h, ps, pe, ns, ne]: C): string[] => [
  stt, unit, role, vn(h),
  vn(ps), pct(ps, h), vn(pe), pct(pe, h), vn(ps - pe), pct(ps - pe, h),
  vn(ns), pct(ns, h), vn(ne), pct(ne, h), vn(ns - ne), pct(ns - ne, h),
];

let seed = 42;
const rand = (max: number): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % (max + 1);
};
const rows: string[][] = [[...COMMUNE_TARGETS_COLUMNS]];
const total: C = [0, 0, 0, 0, 0];
for (let b = 0; b * 20 < N; b++) {
  const units: C[] = [];
  for (let i = b * 20; i < Math.min(N, b * 20 + 20); i++) {
    const h = 500 + rand(5000);
    const ps = rand(Math.floor(h / 10));
    const ns = rand(Math.floor(h / 10));
    units.push([h, ps, rand(ps), ns, rand(ns)]);
  }
  const sub = units.reduce((a, u) => a.map((x, k) => x + u[k]!) as C, [0, 0, 0, 0, 0] as C);
  rows.push(row(`B${b + 1}`, `Block ${b + 1}`, 'subtotal', sub));
  units.forEach((u, i) => rows.push(row(String(b * 20 + i + 1), `Commune ${b * 20 + i + 1}`, 'unit', u)));
  sub.forEach((x, k) => (total[k] = total[k]! + x));
}
rows.push(row('', 'Tổng', 'total', total));

const { ms: layoutMs, value: table } = timed(() => tableFromLayout('commune-targets', rows));
const { ms: firstMs, value: report } = timed(() => reconcileTable(table));
const { ms: secondMs } = timed(() => reconcileTable(table));
console.log(`reconcile commune-targets: ${N} commune rows, ${rows.length - 1} rows in all, ${report.checked} checks, ${report.issues.length} issues`);
console.log(`  build table from rows: ${layoutMs.toFixed(1)} ms`);
console.log(`  reconcileTable (cold): ${firstMs.toFixed(1)} ms  (${((firstMs * 1000) / report.checked).toFixed(2)} µs per check)`);
console.log(`  reconcileTable (warm): ${secondMs.toFixed(1)} ms  (${((secondMs * 1000) / report.checked).toFixed(2)} µs per check)`);
