/**
 * Benchmark of the bulk Alkire–Foster path: `alkireFoster({ kind: 'columns', … })` over
 * N persons × 12 indicators, against a hand-written loop computing only H, A and M0 on the
 * same typed arrays. Prints both rates (persons per second) and their ratio.
 *
 *   npx tsx bench/measures.bench.ts                    # 1,000,000 persons
 *   MEASURES_BENCH_SIZE=100000 npx tsx bench/measures.bench.ts
 *   MEASURES_BENCH_REPEAT=3 …                          # timed repetitions (best is printed)
 *
 * Data: the ten indicators of test/fixtures/syn_cdta.csv (round 1, complete rows), replicated
 * to N rows, plus two indicators drawn from a fixed linear congruential generator (about 20 %
 * deprived) to reach twelve; weights are equal nested over six dimensions of two indicators
 * (as in NĐ 07/2021's structure); k = 1/3.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alkireFoster } from '../src/measures/alkireFoster.js';
import { equalNestedWeights } from '../src/measures/nestedWeights.js';
import { fraction, fractionToDecimal } from '../src/numbers/fraction.js';
import { perSecond, readSize, timed } from './_support.js';

const size = readSize('MEASURES_BENCH_SIZE', 1_000_000);
const repeat = readSize('MEASURES_BENCH_REPEAT', 5);

// --- data ------------------------------------------------------------------------------------
const csv = readFileSync(fileURLToPath(new URL('../test/fixtures/syn_cdta.csv', import.meta.url)), 'utf8').trim().split('\n');
const header = (csv[0] ?? '').split(',');
const names = ['d_nutr', 'd_cm', 'd_satt', 'd_educ', 'd_elct', 'd_sani', 'd_wtr', 'd_hsg', 'd_ckfl', 'd_asst'];
const source = csv
  .slice(1)
  .map((line) => line.split(','))
  .filter((f) => f[header.indexOf('t')] === '1' && names.every((n) => f[header.indexOf(n)] !== ''))
  .map((f) => names.map((n) => (f[header.indexOf(n)] === '1' ? 1 : 0)));
const J = 12;
const columns = Array.from({ length: J }, () => new Uint8Array(size));
let lcg = 12345;
for (let i = 0; i < size; i++) {
  const row = source[i % source.length] as number[];
  for (let j = 0; j < 10; j++) (columns[j] as Uint8Array)[i] = row[j] as number;
  for (let j = 10; j < J; j++) {
    lcg = (Math.imul(lcg, 1103515245) + 12345) >>> 0;
    (columns[j] as Uint8Array)[i] = lcg % 5 === 0 ? 1 : 0;
  }
}
const weights = equalNestedWeights(
  ['employment', 'health', 'education', 'housing', 'water', 'information'].map((id, d) => ({ id, indicators: [`i${2 * d + 1}`, `i${2 * d + 2}`] })),
);
const cutoff = { share: fraction(1n, 3n) };

// --- the hand-written loop: H, A, M0 only -----------------------------------------------------
const units = weights.scoreUnits.map(Number); // each weight in units of 1/12
const D = Number(weights.scoreDenominator);
function handLoop(): { h: number; a: number; m0: number } {
  let q = 0;
  let s = 0;
  for (let i = 0; i < size; i++) {
    let score = 0;
    for (let j = 0; j < J; j++) if ((columns[j] as Uint8Array)[i] !== 0) score += units[j] as number;
    if (score * 3 >= D) {
      q++;
      s += score;
    }
  }
  return { h: q / size, a: q === 0 ? 0 : s / D / q, m0: s / D / size };
}

function time<T>(fn: () => T): { best: number; value: T } {
  let best = Infinity;
  let value = fn(); // warm-up
  for (let r = 0; r < repeat; r++) {
    const run = timed(fn);
    value = run.value;
    best = Math.min(best, run.ms);
  }
  return { best, value };
}

const hand = time(handLoop);
const lib = time(() => alkireFoster({ kind: 'columns', deprivations: columns }, { weights, cutoff, countBy: 'units' }));

const libH = fractionToDecimal(lib.value.headcountRatio);
const libM0 = fractionToDecimal(lib.value.m0);
if (Math.abs(libH.toNumber() - hand.value.h) > 1e-12 || Math.abs(libM0.toNumber() - hand.value.m0) > 1e-12) {
  throw new Error(`results differ: library H=${libH} M0=${libM0}, hand loop H=${hand.value.h} M0=${hand.value.m0}`);
}
const rate = (ms: number): string => `${perSecond(size, ms)} persons/s`;
console.log(`Alkire–Foster bulk benchmark: ${size.toLocaleString('en-US')} persons × ${J} indicators, k = 1/3, best of ${repeat}`);
console.log(`  H = ${libH.toSignificantDigits(8)}, A = ${lib.value.intensity ? fractionToDecimal(lib.value.intensity).toSignificantDigits(8) : 'n/a'}, M0 = ${libM0.toSignificantDigits(8)} (library, exact; hand loop agrees)`);
console.log(`  hand-written loop (H, A, M0 only):        ${hand.best.toFixed(1)} ms  ${rate(hand.best)}`);
console.log(`  alkireFoster columns (exact, all outputs): ${lib.best.toFixed(1)} ms  ${rate(lib.best)}`);
console.log(`  ratio library / hand loop (time):          ${(lib.best / hand.best).toFixed(2)}×`);
