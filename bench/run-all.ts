/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process (so each one's peak
 * memory is its own) and prints what it prints. Benchmarks print figures; they never assert times.
 * Each benchmark reads its size from an environment variable documented at its top.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== bench/${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) failed++;
}
if (failed > 0) process.exitCode = 1;
