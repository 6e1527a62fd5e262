#!/usr/bin/env node
/**
 * Checks what is actually packed: `npm pack`, unpack the tarball as an installed
 * dependency, import it from an ESM script and require it from a CJS script, then run
 * publint and @arethetypeswrong/cli on the tarball; then installs the tarball alone in a fresh
 * app (`npm init`, `npm install vn-poverty-x.y.z.tgz`, no exceljs), which imports the core, runs a
 * CSV command through the bin, gets the clear message for an .xlsx, and bundles within the size
 * budgets. Exits non-zero on any failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSizes } from './check-size.mjs';

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
// ESM and CommonJS load two copies of the classes: an error of either build is an instance of the other's class.
writeFileSync(
  join(work, 'both.mjs'),
  `import * as esm from 'vn-poverty';\nimport { createRequire } from 'node:module';\nconst cjs = createRequire(import.meta.url)('vn-poverty');\n` +
    `if (cjs.VnPovertyError === esm.VnPovertyError) throw new Error('expected two copies of VnPovertyError');\n` +
    `const thrown = (m) => { try { m.rate(1, 0, { decimals: 2, rounding: 'half-up' }); } catch (e) { return e; } };\n` +
    `if (!(thrown(cjs) instanceof esm.VnPovertyError) || !(thrown(esm) instanceof cjs.VnPovertyError)) throw new Error('an error of one build is not instanceof the other build\\'s VnPovertyError');\n` +
    `if (new Error('x') instanceof esm.VnPovertyError) throw new Error('a plain Error passed instanceof VnPovertyError');\n` +
    `console.log('instanceof VnPovertyError ok across the ESM and CommonJS builds');\n`,
);
process.stdout.write(run('node', [join(work, 'both.mjs')], { cwd: work }));
// The parallel register path's child module is packed and loads (it exits at once without an IPC channel),
// and a register of 16 MiB classified on two processes, from ESM and CJS, gives the one-process bytes.
if (!packed[0].files.some((f) => f.path === 'dist/io/_registerChild.js')) throw new Error('dist/io/_registerChild.js is missing from the package');
run('node', [join(work, 'node_modules', 'vn-poverty', 'dist', 'io', '_registerChild.js')], { cwd: work });
{
  const flags = ['bảo hiểm y tế', 'nguồn nước sinh hoạt', 'việc làm'];
  const lines = [`Mã hộ,Khu vực,Thu nhập/tháng (đồng),Số nhân khẩu,${flags.map((f) => `Thiếu hụt: ${f}`).join(',')},Ghi chú`];
  for (let i = 0; lines.length < 340_000; i++) lines.push(`H${100000 + i},${i % 3 ? 'nông thôn' : 'thành thị'},${1_000_000 + ((i * 7919) % 9_000_000)},${1 + (i % 5)},${i % 4 ? 0 : 1},${i % 7 ? 0 : 1},${i % 5 ? 0 : 1},ghi chú của hộ số ${i}`);
  writeFileSync(join(work, 'ho.csv'), lines.join('\n') + '\n');
  const classify = (threads, how) =>
    how === 'cjs'
      ? `require('vn-poverty/io').classifyRegisterFile('ho.csv', { asOf: '2024-01-01', out: 'kq-cjs-${threads}.csv', threads: ${threads} }).then((s) => console.log(s.classified))`
      : `import('vn-poverty/io').then((io) => io.classifyRegisterFile('ho.csv', { asOf: '2024-01-01', out: 'kq-esm-${threads}.csv', threads: ${threads} })).then((s) => console.log(s.classified))`;
  for (const how of ['esm', 'cjs']) {
    const counts = [1, 2].map((t) => run('node', [how === 'cjs' ? '-e' : '--input-type=module', ...(how === 'cjs' ? [] : ['-e']), classify(t, how)], { cwd: work }).trim());
    const same = readFileSync(join(work, `kq-${how}-1.csv`)).equals(readFileSync(join(work, `kq-${how}-2.csv`)));
    if (!same || counts[0] !== counts[1]) throw new Error(`${how}: classifyRegisterFile on two processes differs from one (${counts.join(' vs ')})`);
  }
  console.log('classifyRegisterFile on two processes ok (ESM and CJS)');
}
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

// A fresh app that installs only the tarball: its dependencies come from the registry (or npm's
// cache), exceljs, an optional peer, does not come at all.
const app = mkdtempSync(join(tmpdir(), 'vn-poverty-fresh-app-'));
try {
  const inApp = (cmd, args) => execFileSync(cmd, args, { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  inApp('npm', ['init', '-y']);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')), type: 'module' }, null, 2));
  inApp('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel', 'error']);
  const modules = join(app, 'node_modules');
  if (existsSync(join(modules, 'exceljs'))) throw new Error('the fresh app installed exceljs, which is an optional peer dependency');
  const packages = readdirSync(modules).filter((n) => !n.startsWith('.')).flatMap((n) => (n.startsWith('@') ? readdirSync(join(modules, n)).map((m) => `${n}/${m}`) : [n]));
  const du = (path) => (statSync(path).isDirectory() ? readdirSync(path).reduce((n, e) => n + du(join(path, e)), 0) : statSync(path).size);
  console.log(`fresh app: ${packages.length} packages installed (${packages.join(', ')}), ${(du(modules) / 1e6).toFixed(1)} MB in node_modules; no exceljs`);
  writeFileSync(join(app, 'core.js'), `import { rate, classifyHousehold } from 'vn-poverty';\nconst r = classifyHousehold({ area: 'rural', monthlyIncome: 20000000n, members: [{ age: 45 }] }, { asOf: '2024-01-01' });\nconsole.log(rate(697, 46467, { decimals: 2, rounding: 'half-up' }).toFixed(2), r.status);\n`);
  // its TypeScript, lib check included, imports vn-poverty/io without exceljs installed: no published declaration names exceljs
  writeFileSync(join(app, 'app.mts'), `import { readRows, parseCsv, xlsxCellText } from 'vn-poverty/io';\nimport { rate } from 'vn-poverty';\nexport const used = [readRows, parseCsv, xlsxCellText, rate];\n`);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [join(root, 'node_modules', '@types')] }, files: ['app.mts'] }));
  const typed = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' });
  if (typed.status !== 0) throw new Error(`the fresh app without exceljs does not type-check vn-poverty/io:\n${typed.stdout}${typed.stderr}`);
  console.log('fresh app: vn-poverty/io type-checks without exceljs (skipLibCheck false)');
  const core = inApp('node', ['core.js']).trim();
  if (core !== '1.50 non-poor') throw new Error(`the fresh app's core gave ${core}`);
  writeFileSync(join(app, 'ho.csv'), 'Mã hộ,Khu vực,Thu nhập/tháng (đồng),Tuổi các thành viên\nH1,nông thôn,20.000.000,45\n');
  const bin = join(modules, '.bin', 'vn-poverty');
  const csv = spawnSync(bin, ['classify', 'ho.csv', '--as-of', '15/10/2024'], { cwd: app, encoding: 'utf8' });
  if (csv.status !== 0 || !csv.stdout.includes('H1,,nông thôn,1,20.000.000')) throw new Error(`the fresh app's bin on a CSV: exit ${csv.status}\n${csv.stdout}${csv.stderr}`);
  // the workbook is written here with the repository's exceljs; the fresh app reads it with the library's own sheet reader
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('DS').addRows([['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên'], ['H1', 'nông thôn', 20000000, '45']]);
  await workbook.xlsx.writeFile(join(app, 'ho.xlsx'));
  const xlsx = spawnSync(bin, ['classify', 'ho.xlsx', '--as-of', '15/10/2024'], { cwd: app, encoding: 'utf8' });
  if (xlsx.status !== 0 || !xlsx.stdout.includes('H1,,nông thôn,1,20.000.000')) throw new Error(`the fresh app's bin on an XLSX: exit ${xlsx.status}\n${xlsx.stdout}${xlsx.stderr}`);
  // a plan workbook is checked with the same reader: no exceljs either
  const plan = new ExcelJS.Workbook();
  plan.addWorksheet('Biểu 1').addRows([['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'], [1, 'Xã An Phú', 2368, 120, 5.07], [2, 'Xã Bình Minh', 1500, 60, 4.5], ['', 'Tổng cộng', 3868, 180, 4.65]]);
  await plan.xlsx.writeFile(join(app, 'ke-hoach.xlsx'));
  const checked = spawnSync(bin, ['check', 'ke-hoach.xlsx'], { cwd: app, encoding: 'utf8' });
  if (checked.status !== 1 || !checked.stdout.includes('60 ÷ 1500 × 100') || checked.stderr.includes('exceljs')) throw new Error(`the fresh app's bin checking an XLSX plan: exit ${checked.status}\n${checked.stdout}${checked.stderr}`);
  const toXlsx = spawnSync(bin, ['classify', 'ho.csv', '--as-of', '15/10/2024', '--out', 'ket-qua.xlsx'], { cwd: app, encoding: 'utf8' });
  if (toXlsx.status !== 2 || !toXlsx.stderr.includes('writing .xlsx needs exceljs: npm install exceljs')) throw new Error(`the fresh app's bin writing an XLSX: exit ${toXlsx.status}\n${toXlsx.stderr}`);
  console.log('fresh app: imports the core, classifies a CSV and an XLSX register and checks an XLSX plan through the bin, and says "writing .xlsx needs exceljs: npm install exceljs" (exit 2) for an XLSX output');
  const over = await checkSizes('vn-poverty', app, { log: (line) => console.log(`fresh app bundle: ${line}`) });
  if (over.length > 0) throw new Error(`the fresh app's bundles are over budget: ${over.map((r) => r.name).join('; ')}`);
} finally {
  rmSync(app, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });
console.log('package check passed');
