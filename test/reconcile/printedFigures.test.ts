import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { reconcileInferred } from '../../src/documents/reconcileInferred.js';
import { isNoFigureText, tableFigureText } from '../../src/numbers/tableFigureText.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const tempDir = tempDirs('vnp-printed-figures-');
const tableOf = (rows: string[][]): DocumentTable => documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable;
const findings = (rows: string[][]): string[] => reconcileInferred(tableOf(rows), { attribute: true }).issues.map((i) => `${i.row} · ${i.column}: ${i.printed} → ${i.expected ?? ''}`);

/** Communes with their households, poor households and rate; the rate of Xã A is wrong (30 ÷ 200 = 15,0%). */
const RATES = [
  ['Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'],
  ['Xã A', '200', '30', '16,0'],
  ['Xã B', '400', '20', '5,0'],
  ['Xã C', '500', '40', '8,0'],
  ['Tổng cộng', '1100', '90', '8,18'],
];

describe('figures as statistical tables print them', () => {
  it('a count column in the first two columns is not taken for row numbers: its base is used and a wrong rate in one of three rows is found', () => {
    expect(findings(RATES)).toEqual(['Xã A · Tỷ lệ hộ nghèo (%): 16,0 → 15,0']);
    // the error-free twin
    expect(findings(RATES.map((r) => (r[0] === 'Xã A' ? ['Xã A', '200', '30', '15,0'] : r)))).toEqual([]);
    // numbering in the same place is still numbering, with or without a header saying so
    const numbered = [['', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo'], ['1', 'Xã A', '200', '30'], ['2', 'Xã B', '400', '20'], ['3', 'Xã C', '500', '40'], ['', 'Tổng cộng', '1100', '91']];
    expect(findings(numbered)).toEqual(['Tổng cộng · Số hộ nghèo: 91 → 90']);
  });

  it('“x” and “…” are no figure, as “-” is; a footnote mark after a figure and thousands grouped by spaces are read', () => {
    const rows = [
      ['Đơn vị', 'Số hộ nghèo', 'Số hộ cận nghèo', 'Cộng'],
      ['Xã A', '10*', '20', '30'],
      ['Xã B', 'x', '15', '15'],
      ['Xã C', '1 010', '5', '1\u00a0015'],
      ['Xã D', '…', '7', '7'],
      ['Tổng cộng', '1 020 (*)', '47', '1 067'],
    ];
    expect(findings(rows)).toEqual([]);
    expect(findings(rows.map((r) => (r[0] === 'Xã C' ? ['Xã C', '1 010', '5', '1 016'] : r)))).toEqual(['Xã C · Cộng: 1 016 → 1.015']);
  });

  it('counts written the English way (“1,010” hộ) are named with what to do, not read as 1,01 households; --number-format en reads them', async () => {
    const d = tempDir();
    const input = join(d, 'en.csv');
    writeFileSync(input, 'Đơn vị,Số hộ nghèo,Số hộ cận nghèo\nXã A,10,20\nXã B,0,15\nXã C,"1,010",5\nTổng cộng,"1,020",40\n');
    const vi = captureIo({ files: (p) => readFileSync(p, 'utf8') });
    expect(await runCli(['reconcile', input], vi)).toBe(EXIT_FINDINGS);
    expect(vi.out()).toContain('Xã C · Số hộ nghèo: cannot read “1,010” (not-a-count): expected a whole number of households or persons (“1,010” in the English format is 1.010: if the table is written that way, give --number-format en)');
    const en = captureIo({ files: (p) => readFileSync(p, 'utf8') });
    expect(await runCli(['reconcile', input, '--number-format', 'en'], en)).toBe(EXIT_OK);
    expect(en.out()).toContain('everything reconciles');
    writeFileSync(input, 'Đơn vị,Số hộ nghèo,Số hộ cận nghèo\nXã A,10,20\nXã B,0,15\nXã C,"1,010",5\nTổng cộng,"1,021",40\n');
    const wrong = captureIo({ files: (p) => readFileSync(p, 'utf8') });
    expect(await runCli(['reconcile', input, '--number-format', 'en'], wrong)).toBe(EXIT_FINDINGS);
    expect(wrong.out()).toMatch(/Tổng cộng · Số hộ nghèo: printed 1[.,]021, expected 1[.,]020/);
  });

  it('tableFigureText: grouping by spaces is grouping by dots; a mark is set apart; other text is left as it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom(' ', '\u00a0', '\u202f'), fc.constantFrom('', '*', '**', ' (*)'), (n, space, mark) => {
        const dots = n.toLocaleString('de-DE');
        const spaced = dots.replace(/\./g, space);
        const read = tableFigureText(spaced + mark);
        expect(read.text).toBe(dots);
        expect(read.mark).toBe(mark === '' ? null : mark.trim());
      }),
    );
    for (const t of ['Xã A', '12 34', '1 2345', '1,5 triệu', '(*)', '1.234 (56)', '(1,5 triệu)']) expect(tableFigureText(t).text).toBe(t);
    // a figure in brackets is the accounts' negative; one digit in brackets or raised after a figure, a footnote mark
    expect(['(48)', '(1.234,5)', '(2,5%)', '( 12 )'].map((t) => tableFigureText(t).text)).toEqual(['-48', '-1.234,5', '-2,5%', '-12']);
    expect(['430(1)', '125 (2)', '125¹'].map((t) => [tableFigureText(t).text, tableFigureText(t).mark])).toEqual([['430', '(1)'], ['125', '(2)'], ['125', '¹']]);
    // a count's unit after the figure is set apart; a name with a number, or words after a figure, stay as they are
    expect(['120 hộ', '2.455 người', '1 010 hộ', '35 lượt người'].map((t) => [tableFigureText(t).text, tableFigureText(t).unit])).toEqual([['120', 'hộ'], ['2.455', 'người'], ['1.010', 'hộ'], ['35', 'lượt người']]);
    for (const t of ['Xã 12', 'hộ 120', '120 hộ nghèo', '12 hộ, 3 người']) expect(tableFigureText(t)).toEqual({ text: t, mark: null });
    expect(['-', 'x', 'X', '...', '…', ' – '].every(isNoFigureText)).toBe(true);
    expect(['0', 'xã', 'không'].some(isNoFigureText)).toBe(false);
  });

  it('a workbook whose header is years typed as numbers (General format) is read as indicators by period: the period total is checked, a wrong one found', async () => {
    const d = tempDir();
    const write = async (total: number): Promise<string> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Biểu');
      const rows: Array<Array<string | number>> = [
        ['Chỉ tiêu', 2021, 2022, 2023, 'Giai đoạn 2021-2023'],
        ['Số hộ thoát nghèo', 120, 130, 150, total],
        ['Số hộ tái nghèo', 5, 4, 3, 12],
      ];
      rows.forEach((r, i) => r.forEach((c, j) => (ws.getCell(i + 1, j + 1).value = c)));
      const path = join(d, `years-${total}.xlsx`);
      await wb.xlsx.writeFile(path);
      return path;
    };
    const clean = captureIo({ files: (p) => readFileSync(p, 'utf8') });
    expect(await runCli(['reconcile', await write(400)], clean)).toBe(EXIT_OK);
    expect(clean.out()).toContain('Giai đoạn 2021-2023 = sum of 3 rows (2021, 2022, 2023): holds in all 2 columns');
    const wrong = captureIo({ files: (p) => readFileSync(p, 'utf8') });
    expect(await runCli(['reconcile', await write(410)], wrong)).toBe(EXIT_FINDINGS);
    expect(wrong.out()).toMatch(/error\s+Giai đoạn 2021-2023 · Số hộ thoát nghèo: printed 410, expected 400/);
  });
});
