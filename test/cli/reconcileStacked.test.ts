import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { stackedTables } from '../../src/documents/stackedTables.js';
import { fromJsonResult } from '../../src/json/jsonResult.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const tempDir = tempDirs('vnp-stacked-');
const fsIo = () => captureIo({ files: (p) => readFileSync(p, 'utf8') });

/** Two tables on one sheet, as provinces print “Biểu 1” and “Biểu 2” one under the other; Biểu 2's NSTW total is wrong (150 + 50 = 200). */
const TWO = [
  'Biểu 1. Hộ nghèo theo xã,,',
  'Đơn vị,Số hộ nghèo,Số hộ cận nghèo',
  'Xã A,10,20',
  'Xã B,5,15',
  'Tổng cộng,15,35',
  ',,',
  ',,',
  'Biểu 2. Kinh phí thực hiện,,',
  'Đơn vị,Ngân sách trung ương (triệu đồng),Ngân sách tỉnh (triệu đồng)',
  'Xã A,150,20',
  'Xã B,50,10',
  'Tổng cộng,210,30',
].join('\n');

describe('reconcile: tables printed one under another on a sheet', () => {
  it('checks each table under its own header: the wrong total of the second is found in its own column, not under the first table’s headers', async () => {
    const input = join(tempDir(), 'hai-bieu.csv');
    writeFileSync(input, `${TWO}\n`);
    const io = fsIo();
    expect(await runCli(['reconcile', input], io)).toBe(EXIT_FINDINGS);
    const out = io.out();
    expect(out).toContain('2 tables one under another, each checked on its own');
    expect(out).toContain('table 1 of 2, rows 1–5 (Biểu 1. Hộ nghèo theo xã)');
    expect(out).toContain('table 2 of 2, rows 8–12 (Biểu 2. Kinh phí thực hiện)');
    expect(out).toMatch(/error\s+Tổng cộng · Ngân sách trung ương \(triệu đồng\): printed 210, expected 200/);
    expect(out).not.toMatch(/Số hộ nghèo: printed 210/);
    // the error-free twin
    writeFileSync(input, `${TWO.replace('Tổng cộng,210,30', 'Tổng cộng,200,30')}\n`);
    const clean = fsIo();
    expect(await runCli(['reconcile', input], clean)).toBe(EXIT_OK);
    expect(clean.out().match(/everything reconciles/g)).toHaveLength(2);
    // --json: one result per table
    writeFileSync(input, `${TWO}\n`);
    const json = fsIo();
    expect(await runCli(['reconcile', input, '--json'], json)).toBe(EXIT_FINDINGS);
    const parsed = fromJsonResult(JSON.parse(json.out())) as { ok: boolean; tables: Array<{ rows: { first: number; last: number }; title: string | null; ok: boolean }> };
    expect(parsed.ok).toBe(false);
    expect(parsed.tables.map((t) => [t.rows.first, t.rows.last, t.title, t.ok])).toEqual([
      [1, 5, 'Biểu 1. Hộ nghèo theo xã', true],
      [8, 12, 'Biểu 2. Kinh phí thực hiện', false],
    ]);
  });

  it('blank rows inside one table (between groups, before its notes and signatures) do not split it', () => {
    const grid = (text: string): string[][] => text.split('\n').map((l) => l.split(','));
    const one = grid('Đơn vị,Số hộ nghèo\nXã A,10\n,\nXã B,5\n,\nTổng cộng,15\n,\nNgười lập biểu,Chủ tịch UBND xã\n,\nNguyễn Văn A,Trần Văn B');
    expect(stackedTables(one).map((t) => [t.top, t.bottom])).toEqual([[0, 9]]);
    // a signature block with a figure under it (“KT. CHỦ TỊCH” over a lone “2”) is no table of its own (before: a second table)
    expect(stackedTables(grid('Đơn vị,Số hộ nghèo\nXã A,10\nXã B,5\nTổng cộng,15\n,\nNgười lập biểu,KT. CHỦ TỊCH\n,2')).map((t) => [t.top, t.bottom])).toEqual([[0, 6]]);
    // a header opening with “Nguồn vốn” is a table's all the same
    expect(stackedTables(grid('Đơn vị,Số hộ nghèo\nXã A,10\nTổng cộng,10\n,\nNguồn vốn,Kinh phí\nNSTW,5')).length).toBe(2);
    // a title and blank rows above a single table: one table
    expect(stackedTables(grid(',\nBiểu 1,\n,\nĐơn vị,Số hộ\nXã A,1')).length).toBe(1);
    expect(stackedTables(grid(TWO)).map((t) => [t.top, t.bottom, t.title])).toEqual([
      [0, 4, 'Biểu 1. Hộ nghèo theo xã'],
      [7, 11, 'Biểu 2. Kinh phí thực hiện'],
    ]);
  });

  it('check on a workbook reads such a sheet as its tables, each under its own header, row numbers the sheet’s', async () => {
    const d = tempDir();
    const write = async (text: string): Promise<string> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Biểu');
      text.split('\n').forEach((line, i) => line.split(',').forEach((c, j) => {
        if (c !== '') ws.getCell(i + 1, j + 1).value = /^\d+$/.test(c) ? Number(c) : c;
      }));
      const path = join(d, 'hai-bieu.xlsx');
      await wb.xlsx.writeFile(path);
      return path;
    };
    const io = fsIo();
    expect(await runCli(['check', await write(TWO)], io)).toBe(EXIT_FINDINGS);
    expect(io.out()).toContain('block 2 (sheet “Biểu”), row 12 “Tổng cộng”, column 2 “Ngân sách trung ương (triệu đồng)”');
    expect(io.out()).toContain('2 tables, 0 claims');
    const clean = fsIo();
    expect(await runCli(['check', await write(TWO.replace('Tổng cộng,210,30', 'Tổng cộng,200,30'))], clean)).toBe(EXIT_OK);
  });
});
