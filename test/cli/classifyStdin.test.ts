import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { formatCsv, parseCsv } from '../../src/io/csv.js';
import { fromJsonResult } from '../../src/json/jsonResult.js';
import { captureIo } from '../_helpers/cliIo.js';
import { ND07_FLAGS, writeXlsx } from '../hostile/_hostile.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-classify-stdin-');
const AS_OF = ['--as-of', '15/10/2024'];
const stdinTemps = (): number => readdirSync(tmpdir()).filter((n) => n.startsWith('vn-poverty-stdin-')).length;

describe('vn-poverty classify - (standard input)', () => {
  it('an XLSX register of one row per member on stdin: its households, and no temporary file left', async () => {
    const others = ND07_FLAGS.filter((f) => f !== 'health-insurance');
    const flags = (yes: readonly string[]) => others.map((f) => (yes.includes(f) ? 'có' : 'không'));
    const rows = [
      ['STT', 'Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi', 'Có thẻ BHYT', ...others.map((f) => `Deprived: ${f}`)],
      // NĐ 07/2021/NĐ-CP Art. 3: rural line 1.500.000 đ a head; M1 3.000.000 for 2 is at the line, deprived of employment,
      // latrine and (a member without a card) health insurance: 3 deprivations, poor
      ['1', 'M1', 'nông thôn', '3.000.000', '45', 'không', ...flags(['employment', 'latrine'])],
      ['', 'M1', '', '', '12', 'có', ...others.map(() => '')],
      ['2', 'M2', 'thành thị', '30.000.000', '30', 'có', ...flags([])],
    ];
    const xlsx = await writeXlsx(dir(), 'tv.xlsx', rows);
    const before = stdinTemps();
    const io = captureIo({ stdin: readFileSync(xlsx), stdinChunk: 1000 });
    expect(await runCli(['classify', '-', ...AS_OF, '--headers', 'en'], io)).toBe(EXIT_OK);
    const out = parseCsv(io.out());
    const at = (h: string): number => out[0]!.indexOf(h);
    expect(out.slice(1).map((r) => [r[at('STT')], r[at('Household id')], r[at('Members')], r[at('Status')]])).toEqual([
      ['1', 'M1', '2', 'poor'],
      ['2', 'M2', '1', 'non-poor'],
    ]);
    expect(io.err()).toContain('2 households classified as of 2024-10-15');
    expect(stdinTemps()).toBe(before);
  });

  it('a repeated id on a CSV stream is reported with its row and the first one (exit 1); the other households are written', async () => {
    const io = captureIo({ stdin: formatCsv([['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu'], ['H1', 'nông thôn', '20.000.000', '2'], ['H2', 'nông thôn', '20.000.000', '2'], ['H1', 'nông thôn', '20.000.000', '2']]) });
    expect(await runCli(['classify', '-', ...AS_OF], io)).toBe(EXIT_FINDINGS);
    expect(io.err()).toContain('stdin, row 4, column 1 (Mã hộ): household id "H1" appears again (first on row 2)');
    expect(parseCsv(io.out()).slice(1).map((r) => r[0])).toEqual(['H1', 'H2']);
  });

  it('--json --out -: the JSON alone on stdout, with every classification; scored registers give the score result', async () => {
    // TT 07/2021/TT-BLĐTBXH: rural A ≤ 140 and B ≥ 30 is poor
    const io = captureIo({ stdin: formatCsv([['Mã hộ', 'Khu vực', 'Điểm phiếu B1', 'Điểm phiếu B2'], ['R1', 'nông thôn', '140', '30'], ['R2', 'nông thôn', '141', '30']]) });
    expect(await runCli(['classify', '-', ...AS_OF, '--json', '--out', '-'], io)).toBe(EXIT_OK);
    const r = fromJsonResult<{ scoreRule: string; out: null; households: number; results: Array<{ row: number; classification: { status: string; incomeScore: { toString(): string } } }> }>(JSON.parse(io.out()));
    expect([r.scoreRule, r.out, r.households]).toEqual(['tt-07-2021-scores', null, 2]);
    expect(r.results.map((h) => [h.row, h.classification.status, h.classification.incomeScore.toString()])).toEqual([
      [2, 'poor', '140'],
      [3, 'non-poor', '141'],
    ]);
    expect(io.err()).toContain('2 households classified');
  });

  it('progress on a terminal: the share read for a CSV file, a plain count for a workbook and for stdin', async () => {
    const d = dir();
    const rows = [['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu'], ...Array.from({ length: 1100 }, (_, i) => [`H${i}`, 'nông thôn', '20.000.000', '2'])];
    const csv = join(d, 'ho.csv');
    writeFileSync(csv, formatCsv(rows));
    const xlsx = await writeXlsx(d, 'ho.xlsx', rows);
    const runs: string[] = [];
    for (const [file, stdin] of [[csv, undefined], [xlsx, undefined], ['-', formatCsv(rows)]] as const) {
      const io = captureIo({ tty: true, ...(stdin !== undefined ? { stdin, stdinChunk: 4096 } : {}) });
      expect(await runCli(['classify', file, ...AS_OF, '--out', join(d, `kq${runs.length}.csv`)], io)).toBe(EXIT_OK);
      runs.push(io.err());
    }
    expect(runs[0]).toMatch(/\rclassify: 1\.024 households, 100% of \d+ KB/);
    expect(runs[1]).toMatch(/\rclassify: 1\.024 households…/);
    expect(runs[2]).toMatch(/\rclassify: 1\.024 households…/);
    expect(runs.join('')).not.toMatch(/classify: [\d.]+ households, 0% of/);
  });

  it('--out FILE.xlsx from stdin: the printed sheet names stdin as its source', async () => {
    const out = join(dir(), 'kq.xlsx');
    const io = captureIo({ stdin: formatCsv([['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu'], ['H1', 'nông thôn', '20.000.000', '2']]) });
    expect(await runCli(['classify', '-', ...AS_OF, '--out', out], io)).toBe(EXIT_OK);
    expect(io.out()).toContain(`written to ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.getCell('A3').value).toMatch(/Nguồn: stdin$/);
    expect(wb.worksheets[0]!.getCell('A6').value).toBe('H1');
  });
});
