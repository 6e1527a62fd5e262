#!/usr/bin/env node
/**
 * CommonJS declarations, one per module: writes `x.d.cts` beside every `x.d.ts` that
 * `tsc -p tsconfig.build.json` emitted in `dist/`, with relative imports pointing at `.cjs`
 * (which TypeScript resolves to the `.d.cts` beside it), plus `dist/io.d.cts` for the
 * `require('vn-poverty/io')` entry (`dist/io.cjs`). So "go to definition" from a CommonJS
 * project lands in the module too. Run by `npm run build` after tsc.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '..', 'dist');

/** The declaration text with every relative `./x.js` specifier turned into `./x.cjs`. */
export function toCtsDeclaration(text) {
  return text.replace(/((?:\bfrom|\bimport\()\s*['"])(\.\.?\/[^'"]*?)\.js(['"])/g, '$1$2.cjs$3');
}

function* declarations(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* declarations(path);
    else if (e.name.endsWith('.d.ts')) yield path;
  }
}

let count = 0;
for (const path of declarations(dist)) {
  writeFileSync(path.replace(/\.d\.ts$/, '.d.cts'), toCtsDeclaration(readFileSync(path, 'utf8')));
  count += 1;
}
writeFileSync(join(dist, 'io.d.cts'), "export * from './io/io.cjs';\n");
console.log(`cts-declarations: ${count} .d.cts files beside the .d.ts, and dist/io.d.cts`);
