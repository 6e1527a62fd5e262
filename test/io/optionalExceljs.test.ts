import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/csv.js';
import { writeTable, type TableColumn } from '../../src/io/tableWriter.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import ExcelJS from 'exceljs';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const dir = tempDirs('vnp-no-exceljs-');
const HOOK = join(root, 'test/_helpers/withoutExceljs.mjs');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(folder, e.name)) : e.name.endsWith('.ts') ? [join(folder, e.name)] : []));
}

/** Runs a TypeScript file of the project with exceljs impossible to find; never rejects. */
async function withoutExceljs(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--import', HOOK, ...args], { cwd: root, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const REGISTER = [
  ['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên'],
  ['H01', 'nông thôn', '20.000.000', '45'],
];

describe('exceljs is an optional peer dependency', () => {
  it('is loaded in one place only; every other import of it is type-only', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(pkg['dependencies']?.['exceljs']).toBeUndefined();
    expect(pkg['peerDependencies']?.['exceljs']).toBeDefined();
    expect(pkg['peerDependenciesMeta']?.['exceljs']).toEqual({ optional: true });
    const loads: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const line of text.split('\n').filter((l) => /^\s*import\b.*['"]exceljs['"]/.test(l))) expect(line, file).toMatch(/^\s*import type /);
      if (/import\(\s*['"]exceljs['"]\s*\)/.test(text)) loads.push(file.slice(root.length + 1));
    }
    expect(loads).toEqual(['src/io/_excelWorkbook.ts']);
  });

  it('without it, CSV and reading an XLSX register work; writing an XLSX says what to install (exit 2, no stack)', async () => {
    const d = dir();
    const csv = join(d, 'ho.csv');
    const xlsx = join(d, 'ho.xlsx');
    writeFileSync(csv, formatCsv(REGISTER));
    const columns: Array<TableColumn<string[]>> = REGISTER[0]!.map((h, i) => ({ key: `c${i}`, vi: h, en: h, kind: 'text', value: (r) => r[i] ?? null }));
    await writeTable(xlsx, columns, REGISTER.slice(1), { headers: 'vi' });
    const main = 'src/cli/main.ts';
    const [fromCsv, fromXlsx, toXlsx] = await Promise.all([
      withoutExceljs([main, 'classify', csv, '--as-of', '2024-01-01']),
      withoutExceljs([main, 'classify', xlsx, '--as-of', '2024-01-01']),
      withoutExceljs([main, 'classify', csv, '--as-of', '2024-01-01', '--out', join(d, 'out.xlsx')]),
    ]);
    expect(fromCsv.code).toBe(0);
    expect(fromCsv.stdout).toMatch(/^Mã hộ \(Household id\),/);
    // a register's sheet is read by the library's own streaming reader
    expect(fromXlsx.code, fromXlsx.stderr).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    expect(toXlsx.code).toBe(2);
    expect(toXlsx.stderr).toContain('writing .xlsx needs exceljs: npm install exceljs');
  });

  it('without it, readRows and readSheetGrid read an XLSX (the library’s own sheet reader) and readDocument reads a whole workbook (every sheet) too', async () => {
    const d = dir();
    const xlsx = join(d, 'bang.xlsx');
    const columns: Array<TableColumn<string[]>> = [{ key: 'a', vi: 'A', en: 'A', kind: 'text', value: (r) => r[0] ?? null }];
    await writeTable(xlsx, columns, [['1']], { headers: 'vi' });
    const script = join(d, 'probe.mts');
    writeFileSync(
      script,
      `import { readRows, readSheetGrid, readDocument, parseCsv } from ${JSON.stringify(join(root, 'src/io/io.ts'))};
import { VnPovertyError } from ${JSON.stringify(join(root, 'src/index.ts'))};
const codes: string[] = [];
for (const attempt of [async () => { for await (const _ of readRows(${JSON.stringify(xlsx)})) void _; }, () => readSheetGrid(${JSON.stringify(xlsx)}), () => readDocument(${JSON.stringify(xlsx)})]) {
  try { await attempt(); codes.push('no error'); } catch (e) { codes.push(e instanceof VnPovertyError ? e.issues[0].code : String(e)); }
}
console.log(JSON.stringify({ codes, csv: parseCsv('a,b\\n1,2') }));
`,
    );
    const r = await withoutExceljs([script]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ codes: ['no error', 'no error', 'no error'], csv: [['a', 'b'], ['1', '2']] });
  });

  it('without it, check reads an XLSX plan (every sheet, notes on stderr); a marked-up .xlsx copy says what to install', async () => {
    const d = dir();
    const plan = join(d, 'ke-hoach.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Biểu 1').addRows([['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'], [1, 'Xã An Phú', 2368, 120, 5.07], [2, 'Xã Bình Minh', 1500, 60, 4.5], ['', 'Tổng cộng', 3868, 180, 4.65]]);
    const hidden = wb.addWorksheet('Cũ');
    hidden.state = 'hidden';
    hidden.addRows([['Ghi chú'], ['bản cũ']]);
    writeFileSync(plan, new Uint8Array(await wb.xlsx.writeBuffer()));
    const main = 'src/cli/main.ts';
    const [checked, marked] = await Promise.all([withoutExceljs([main, 'check', plan]), withoutExceljs([main, 'check', plan, '--out', join(d, 'checked.xlsx')])]);
    expect(checked.code, checked.stderr).toBe(1);
    // a General cell shows its thousands grouped, as a Word or text plan prints them
    expect(checked.stdout).toContain('printed 4,5, expected 4,0 (60 ÷ 1500 × 100');
    expect(checked.stdout).toContain('block 2 (sheet “Cũ”)');
    expect(checked.stderr).toBe(`vn-poverty check: ${plan}: the sheet "Cũ" is hidden in the workbook and read as every sheet is: unhide it to see all that was checked\n`);
    expect(marked.code).toBe(2);
    expect(marked.stderr).toContain('writing .xlsx needs exceljs: npm install exceljs');
  });
});
