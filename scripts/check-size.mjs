#!/usr/bin/env node
/**
 * Bundle-size check of the built core (`dist/index.js`, what `import … from 'vn-poverty'`
 * resolves to): for each import below, esbuild bundles a program that uses only those
 * exports, for the browser, minified, and the script gzips it (level 9). A size over its
 * budget fails the check. 1 KB = 1,024 bytes. The whole core has no budget; its size is printed
 * so that the docs can quote it.
 *
 * Run after `npm run build`: `node scripts/check-size.mjs` (`--json` prints the figures as JSON).
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');

/** What a program imports, and its budget in KB (min+gzip); `null` = printed only. */
export const CHECKS = [
  { name: 'apportion', imports: ['apportion'], budgetKb: 5 },
  // decimal.js alone is 12.7 KB min+gzip (13,050 bytes) and cannot be tree-shaken (one closure,
  // with 2 KB of digits of ln 10 and π); rate and parseVnNumber return Decimals, so this program
  // needs it whole. The three functions with their validation and messages are 3.2 KB more, of
  // which parseVnNumber's own reading (qualifiers, units, separators, its diagnostics) is 1.2 KB:
  // with parseVnNumber reduced to `new Decimal(text)` the program would be 14.7 KB. The planned
  // budget was 15 KB; 16 KB held what this program needed (see docs/design.md). Frozen Decimals in
  // results, NaN named in messages, a refused negative count and `instanceof VnPovertyError`
  // across the ESM and CommonJS builds cost 80 bytes more (16,458 bytes; it was 16,378): 16.5 KB.
  { name: 'rate, parseVnNumber, formatVnNumber', imports: ['rate', 'parseVnNumber', 'formatVnNumber'], budgetKb: 16.5 },
  { name: 'classifyHousehold', imports: ['classifyHousehold'], budgetKb: 45 },
  { name: 'the whole core (export *)', imports: null, budgetKb: null },
];

/**
 * Bundles a program that imports `imports` (or everything, for null) from `entry` (a path, or a
 * package name resolved from `resolveDir`) for the browser, minified; its size and gzip size.
 */
export async function measure(imports, entry = resolve(root, 'dist/index.js'), resolveDir = root) {
  const from = JSON.stringify(entry);
  const contents = imports === null ? `export * from ${from};` : `export { ${imports.join(', ')} } from ${from};`;
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

export const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Measures every check against `entry`; prints the table; returns the checks over budget. */
export async function checkSizes(entry, resolveDir, { json = false, log = console.log } = {}) {
  const rows = [];
  for (const check of CHECKS) rows.push({ ...check, ...(await measure(check.imports, entry, resolveDir)) });
  if (json) log(JSON.stringify(rows, null, 2));
  else {
    for (const r of rows) {
      const budget = r.budgetKb === null ? 'no budget' : `budget ${r.budgetKb} KB${r.gzipBytes > r.budgetKb * 1024 ? '  OVER' : ''}`;
      log(`${r.name.padEnd(38)} ${kb(r.minBytes).padStart(7)} KB min ${kb(r.gzipBytes).padStart(6)} KB min+gzip  (${budget})`);
    }
  }
  return rows.filter((r) => r.budgetKb !== null && r.gzipBytes > r.budgetKb * 1024);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const over = await checkSizes(resolve(root, 'dist/index.js'), root, { json: process.argv.includes('--json') });
  if (over.length > 0) {
    console.error(`bundle size over budget: ${over.map((r) => r.name).join('; ')}`);
    process.exit(1);
  }
  console.error('size check passed');
}
