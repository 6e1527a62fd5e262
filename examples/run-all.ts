/**
 * `npm run example`: runs every example in this folder on its embedded data and prints
 * its report. Each example module exports `report(): string` and prints nothing itself.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts' && !f.startsWith('_'))
  .sort();
let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { report?: () => string };
  if (typeof mod.report !== 'function') continue;
  console.log(`\n=== examples/${file} ${'='.repeat(Math.max(0, 60 - file.length))}`);
  try {
    console.log(mod.report());
  } catch (error) {
    failed++;
    console.error(`examples/${file} failed:`, error);
  }
}
if (failed > 0) process.exitCode = 1;
