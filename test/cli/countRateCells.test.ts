import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { formatCsv } from '../../src/io/csv.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const tempDir = tempDirs('vnp-count-rate-');
const fsIo = () => captureIo({ files: (p) => readFileSync(p, 'utf8') });

/** Communes with their poor as “count (rate)” in one cell; `tanLoi` the second commune's cell. */
const communes = (tanLoi: string): string[][] => [
  ['STT', 'Xã', 'Tổng số hộ', 'Hộ nghèo (số hộ, tỷ lệ)', 'Hộ cận nghèo'],
  ['1', 'Xã An Phú', '2.780', '125 (4,50%)', '210 - 7,55%'],
  ['2', 'Xã Tân Lợi', '2.154', tanLoi, '160 - 7,43%'],
  ['3', 'Xã Long Hòa', '1.920', '102 (5,31%)', '131 - 6,82%'],
  ['', 'Tổng cộng', '6.854', '315 (4,60%)', '501 - 7,31%'],
];

/** The table as a sheet: a title merged over its columns, the header, the rows as printed. */
async function sheet(path: string, rows: readonly (readonly string[])[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 1');
  ws.addRow(['Biểu 1. Hộ nghèo, hộ cận nghèo theo xã năm 2025']);
  ws.mergeCells('A1:E1');
  for (const r of rows) ws.addRow([...r]);
  await wb.xlsx.writeFile(path);
}

describe('two-figure cells (a count and its rate) through the commands', () => {
  it('reconcile TABLE.csv: the twin reconciles; a rate typed wrong found at its cell, naming the figure', async () => {
    const dir = tempDir();
    const twin = join(dir, 'twin.csv');
    const planted = join(dir, 'planted.csv');
    writeFileSync(twin, formatCsv(communes('88 (4,09%)')));
    writeFileSync(planted, formatCsv(communes('88 (4,90%)')));
    const io = fsIo();
    expect(await runCli(['reconcile', twin], io)).toBe(EXIT_OK);
    expect(io.out()).toContain('everything reconciles');
    const bad = fsIo();
    expect(await runCli(['reconcile', planted, '--json'], bad)).toBe(EXIT_FINDINGS);
    const issues = (JSON.parse(bad.out()) as { value: { issues: { code: string; grid: { row: number; column: number }; printed: string; message: string }[] } }).value.issues;
    expect(issues.map((i) => `${i.code} ${i.grid.row}:${i.grid.column} ${i.printed}`)).toEqual(['rate-mismatch 2:3 4,90%']);
    expect(issues[0]!.message).toContain('the rate 4,90% of the cell “88 (4,90%)”, beside its count 88');
  });

  it('reconcile and check TABLE.xlsx (a merged title row above): a count typed wrong found at its cell by both', async () => {
    const dir = tempDir();
    const twin = join(dir, 'twin.xlsx');
    const planted = join(dir, 'planted.xlsx');
    await sheet(twin, communes('88 (4,09%)'));
    // 88 typed 68, its rate right: the total's sum breaks, the row's rate is that of 88
    await sheet(planted, communes('68 (4,09%)'));
    for (const command of ['reconcile', 'check']) {
      const io = fsIo();
      expect(await runCli([command, twin], io), `${command} twin: ${io.out()}`).toBe(EXIT_OK);
    }
    const rec = fsIo();
    expect(await runCli(['reconcile', planted], rec)).toBe(EXIT_FINDINGS);
    expect(rec.out()).toMatch(/error {5}Xã Tân Lợi · Hộ nghèo: printed 68, expected 88\b.*the count 68 of the cell “68 \(4,09%\)”, beside its rate 4,09%/);
    expect(rec.out()).toContain('1 error');
    // the finding moved from the total to the count points at the count's grid cell (before: the total's, “315 (4,60%)”)
    const json = fsIo();
    expect(await runCli(['reconcile', planted, '--json'], json)).toBe(EXIT_FINDINGS);
    expect((JSON.parse(json.out()) as { value: { issues: { grid: unknown }[] } }).value.issues.map((i) => i.grid)).toEqual([{ row: 3, column: 3 }]);
    const chk = fsIo();
    expect(await runCli(['check', planted, '--json'], chk)).toBe(EXIT_FINDINGS);
    const findings = (JSON.parse(chk.out()) as { value: { findings: { code: string; location: { row?: number; column?: number }; printed: string }[] } }).value.findings;
    expect(findings.map((f) => `${f.code} @${f.location.row}:${f.location.column} ${f.printed}`)).toEqual(['sum-mismatch @4:4 68']);
  });
});
