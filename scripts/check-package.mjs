#!/usr/bin/env node
/**
 * Checks what is actually packed: `npm pack`, unpack the tarball as an installed
 * dependency, import it from an ESM script and require it from a CJS script, then run
 * publint and @arethetypeswrong/cli on the tarball. Exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.pack-check');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...opts });

rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'node_modules', 'vn-poverty'), { recursive: true });
// A package scope of its own: without it, `import 'vn-poverty'` from here is a self-reference to
// the project (its package.json has that name and `exports`) and loads ./dist, not the tarball.
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'vn-poverty-pack-check', private: true }));
const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work]));
const tarball = join(work, packed[0].filename);
console.log(`packed ${packed[0].filename}: ${packed[0].files.length} files, ${packed[0].size} bytes`);
const stray = packed[0].files.map((f) => f.path).filter((p) => !p.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(p));
if (stray.length > 0) throw new Error(`unexpected files in the package: ${stray.join(', ')}`);
const missing = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].filter((p) => !packed[0].files.some((f) => f.path === p));
if (missing.length > 0) throw new Error(`files missing from the package: ${missing.join(', ')}`);

// Unpack as an installed dependency; its own dependencies resolve from the project's node_modules.
run('tar', ['-xzf', tarball, '-C', join(work, 'node_modules', 'vn-poverty'), '--strip-components=1']);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');

const probe = `
  const v = m.rate(697, 46467, { decimals: 2, rounding: 'half-up' }).toFixed(2);
  if (v !== '1.50') throw new Error('rate from the packed build gave ' + v);
  const p = m.apportion(10, [1, 1, 1]).parts.join(',');
  if (p !== '4,3,3') throw new Error('apportion from the packed build gave ' + p);
`;
// An error thrown by the io entry must be the core's VnPovertyError (one shared copy of the core).
const sameError = (io) => `
  let caught;
  try { ${io}.parseCsv('"unterminated'); } catch (e) { caught = e; }
  if (!(caught instanceof m.VnPovertyError)) throw new Error('vn-poverty/io threw an error that is not the core VnPovertyError');
`;
writeFileSync(join(work, 'esm.mjs'), `import * as m from 'vn-poverty';\nimport * as io from 'vn-poverty/io';\n${probe}\n${sameError('io')}\n${subpaths
  .filter((s) => s !== '.')
  .map((s, i) => `import * as sub${i} from 'vn-poverty/${s.slice(2)}'; if (Object.keys(sub${i}).length === 0) throw new Error('${s} is empty');`)
  .join('\n')}\nconsole.log('ESM import ok: ' + Object.keys(m).length + ' exports');\n`);
writeFileSync(join(work, 'cjs.cjs'), `const m = require('vn-poverty');\nconst io = require('vn-poverty/io');\n${probe}\n${sameError('io')}\n${subpaths
  .filter((s) => s !== '.')
  .map((s) => `if (Object.keys(require('vn-poverty/${s.slice(2)}')).length === 0) throw new Error('${s} is empty');`)
  .join('\n')}\nconsole.log('CJS require ok: ' + Object.keys(m).length + ' exports');\n`);
process.stdout.write(run('node', [join(work, 'esm.mjs')], { cwd: work }));
process.stdout.write(run('node', [join(work, 'cjs.cjs')], { cwd: work }));
if (pkg.bin) {
  for (const [name, file] of Object.entries(pkg.bin)) {
    const out = run('node', [join(work, 'node_modules', 'vn-poverty', file), '--help'], { cwd: work });
    if (!out.includes('Usage')) throw new Error(`bin ${name} --help printed no usage`);
    console.log(`bin ${name} --help ok`);
  }
}

// The packed declarations type-check, lib check included, from a CommonJS and an ESM TypeScript
// project, and the typed household input refuses a typo.
const consumer = `import { classifyHousehold, toJsonResult, VnPovertyError, type HouseholdClassification, type HouseholdInput } from 'vn-poverty';
import { readRows, parseCsv } from 'vn-poverty/io';
const h: HouseholdInput = { area: 'rural', monthlyIncome: 1n, members: [{ age: 3 }] };
const r: HouseholdClassification = classifyHousehold(h, { asOf: '2024-01-01' });
// @ts-expect-error an unknown area
classifyHousehold({ ...h, area: 'suburban' }, { asOf: '2024-01-01' });
export const used = [r, toJsonResult(r), readRows, parseCsv, VnPovertyError];
`;
writeFileSync(join(work, 'consumer.cts'), consumer);
writeFileSync(join(work, 'consumer.mts'), consumer);
writeFileSync(
  join(work, 'tsconfig.json'),
  JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['consumer.cts', 'consumer.mts'] }),
);
run('npx', ['--no-install', 'tsc', '-p', join(work, 'tsconfig.json')], { cwd: work });
console.log('declarations type-check from CommonJS and ESM');

process.stdout.write(run('npx', ['--no-install', 'publint', 'run', tarball, '--strict']));
process.stdout.write(run('npx', ['--no-install', 'attw', tarball, '--profile', 'node16', '--format', 'table-flipped']));
rmSync(work, { recursive: true, force: true });
console.log('package check passed');
