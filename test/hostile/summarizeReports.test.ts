import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { formatCsv, parseCsv } from '../../src/io/csv.js';
import { readReviewedHouseholds } from '../../src/io/readReviewedHouseholds.js';
import { reviewSummaryReport } from '../../src/reports/reviewSummaryReport.js';
import { reviewSummaryTable } from '../../src/reports/reviewSummaryTable.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, expectRefused, GOOD_REGISTER, writeCsv, writeText, writeXlsx } from './_hostile.js';

const dir = tempDirs('vnp-hostile-report-');
const AS_OF = ['--as-of', '2024-01-01'];

/** A classified register with the columns the reports read. */
const CLASSIFIED = [
  ['Mã hộ (Household id)', 'Mã đơn vị (Unit code)', 'Khu vực (Area)', 'Chỉ số thiếu hụt (Deprived indicators)', 'Mã phân loại (Status)', 'Chuẩn áp dụng (Standard)', 'Phân loại đầu năm (Start status)', 'Dân tộc (Ethnic group)'],
  ['H1', '30316', 'nông thôn', 'latrine; telecom', 'poor', 'nd-07-2021', 'poor', "M'nông"],
  ['H2', '30316', 'nông thôn', '', 'near-poor', 'nd-07-2021', 'poor', 'Kinh'],
  ['H3', '30319', 'thành thị', '', 'non-poor', 'nd-07-2021', 'near-poor', 'Kinh'],
];
const temporaries = (d: string): string[] => readdirSync(d).filter((f) => f.endsWith('.tmp'));

describe('summarize --report on hostile inputs', () => {
  it('reads what classify writes: the review summary and the deprivations of a classified register', async () => {
    const d = dir();
    const classified = join(d, 'kq.csv');
    expect((await expectOutcome(['classify', writeCsv(d, 'ho.csv', GOOD_REGISTER), ...AS_OF, '--out', classified], { code: 0 })).code).toBe(0);
    const summary = await expectOutcome(['summarize', classified, '--report', 'review-summary'], { code: 0 });
    expect(parseCsv(summary.out).slice(3)).toEqual([
      ['1', '30316', '2', '1', '50,00', '1', '50,00', '0', '0,00', '0', '0,00'],
      ['2', '30319', '1', '0', '0,00', '0', '0,00', '0', '0,00', '1', '100,00'],
      ['', 'Tổng cộng', '3', '1', '33,33', '1', '33,33', '0', '0,00', '1', '33,33'],
    ]);
    // units named by their codes reconcile like units named by their names
    const out = join(d, 'tong-hop.xlsx');
    await expectOutcome(['summarize', classified, '--report', 'review-summary', '--out', out], { code: 0 });
    const spec = writeText(d, 'spec.json', JSON.stringify(reviewSummaryTable(reviewSummaryReport((await readReviewedHouseholds(classified)).households, { decimals: 2, rounding: 'half-up' })).spec));
    expect((await expectOutcome(['reconcile', out, '--spec', spec], { code: 0 })).out).toContain('everything reconciles');
    const deprivations = await expectOutcome(['summarize', classified, '--report', 'deprivations', '--status', 'poor'], { code: 0 });
    const grid = parseCsv(deprivations.out);
    const latrine = grid[1]!.indexOf('Nhà tiêu hợp vệ sinh');
    expect(grid.at(-1)!.slice(latrine, latrine + 3)).toEqual(['1', '100,00', '33,33']);
    // the summary form needs the status at the start of the year, which classify does not give
    await expectRefused(['summarize', classified, '--report', 'summary-form', '--status', 'poor'], ['kq.csv, row 1: no column “Phân loại đầu năm” (Start status)', 'or give the classified list at the start of the year with --start START_FILE'], [classified]);
  });

  it('no status column, an unknown value, a household twice: exit 2 naming file, row and column', async () => {
    const d = dir();
    const noStatus = writeCsv(d, 'a.csv', CLASSIFIED.map((r) => r.filter((_, i) => i !== 4)));
    await expectRefused(['summarize', noStatus, '--report', 'review-summary'], ['a.csv, row 1: no column “Mã phân loại” (Status)'], [noStatus]);
    const unknownStatus = writeCsv(d, 'b.csv', [...CLASSIFIED, ['H4', '30319', 'thành thị', '', 'giàu', 'nd-07-2021', '', 'Kinh']]);
    await expectRefused(['summarize', unknownStatus, '--report', 'flows'], ['b.csv, row 5, column 5 (Mã phân loại (Status)): got "giàu", expected a status'], [unknownStatus]);
    const unknownIndicator = writeCsv(d, 'c.csv', [...CLASSIFIED, ['H4', '30319', 'thành thị', 'latrine; wifi', 'poor', 'nd-07-2021', '', 'Kinh']]);
    await expectRefused(['summarize', unknownIndicator, '--report', 'deprivations', '--status', 'poor'], ['c.csv, row 5, column 4 (Chỉ số thiếu hụt (Deprived indicators)): got "wifi"'], [unknownIndicator]);
    const unknownArea = await writeXlsx(d, 'd.xlsx', [...CLASSIFIED, ['H4', '30319', 'vùng cao', '', 'poor', 'nd-07-2021', '', 'Kinh']]);
    await expectRefused(['summarize', unknownArea, '--report', 'summary-form', '--out', join(d, 'm.xlsx')], ['d.xlsx, row 5, column 3 (Khu vực (Area)): got "vùng cao"'], [unknownArea]);
    const twice = writeCsv(d, 'e.csv', [...CLASSIFIED, CLASSIFIED[2]!]);
    await expectRefused(['summarize', twice, '--report', 'lists'], ['e.csv, row 5, column 1 (Mã hộ (Household id)): household "H2" is also on row 3'], [twice]);
    const noChildren = writeCsv(d, 'f.csv', CLASSIFIED);
    await expectRefused(['summarize', noChildren, '--report', 'children'], ['f.csv, row 1: no column “Số trẻ em” (Children): the report needs the children counts'], [noChildren]);
    const noGroups = writeCsv(d, 'g.csv', CLASSIFIED);
    await expectRefused(['summarize', noGroups, '--report', 'causes'], ['no column “Nguyên nhân nghèo” (Causes of poverty)'], [noGroups]);
    const empty = writeCsv(d, 'h.csv', [CLASSIFIED[0]!]);
    await expectRefused(['summarize', empty, '--report', 'review-summary'], ['h.csv has a header but no households'], [empty]);
  });

  it('a start file that shares no household, a start file with a start column in FILE, a bad start file: exit 2', async () => {
    const d = dir();
    const end = writeCsv(d, 'cuoi.csv', CLASSIFIED.map((r) => r.slice(0, 6)));
    const other = writeCsv(d, 'khac.csv', [CLASSIFIED[0]!.slice(0, 6), ['X1', '30316', 'nông thôn', '', 'poor', 'nd-07-2021']]);
    await expectRefused(['summarize', end, '--report', 'flows', '--start', other], ['the start list', 'khac.csv shares no household id (Mã hộ) with', 'cuoi.csv'], [end, other]);
    const withColumn = writeCsv(d, 'co-cot.csv', CLASSIFIED);
    await expectRefused(['summarize', withColumn, '--report', 'flows', '--start', end], ['has a start-status column (Phân loại đầu năm) and --start', 'was given'], [withColumn, end]);
    const badStart = writeCsv(d, 'dau.csv', [CLASSIFIED[0]!.slice(0, 6), ['H1', '30316', 'nông thôn', '', 'ngheo lam', 'nd-07-2021']]);
    await expectRefused(['summarize', end, '--report', 'summary-form', '--status', 'poor', '--start', badStart], ['dau.csv, row 2, column 5'], [end, badStart]);
    await expectRefused(['summarize', end, '--report', 'flows', '--start', join(d, 'khong-co.csv')], ['cannot read', 'khong-co.csv', 'no such file'], [end]);
  });

  it('--out equal to the input or the start file is refused; an existing --out is untouched after a failure; no temporary file is left', async () => {
    const d = dir();
    const input = writeCsv(d, 'kq.csv', CLASSIFIED);
    const start = writeCsv(d, 'dau.csv', CLASSIFIED.map((r) => r.slice(0, 6)));
    const end = writeCsv(d, 'cuoi.csv', CLASSIFIED.map((r) => r.slice(0, 6)));
    await expectRefused(['summarize', input, '--report', 'review-summary', '--out', input], ['is the input file'], [input]);
    await expectRefused(['summarize', end, '--report', 'flows', '--start', start, '--out', start], ['is the input file'], [end, start]);
    const previous = join(d, 'bao-cao.xlsx');
    writeFileSync(previous, 'báo cáo cũ');
    const bad = writeCsv(d, 'xau.csv', [...CLASSIFIED, ['H9', '', 'nông thôn', '', 'poor', 'nd-07-2021', '', 'Kinh']]);
    await expectRefused(['summarize', bad, '--report', 'summary-form', '--out', previous], ['xau.csv, row 5, column 2 (Mã đơn vị (Unit code))', 'give --unit NAME for the households without one'], [bad, previous]);
    expect(readFileSync(previous, 'utf8')).toBe('báo cáo cũ');
    // the same file with --unit for the household without one is written
    await expectOutcome(['summarize', bad, '--report', 'summary-form', '--out', previous, '--unit', '30316'], { code: 0 });
    expect(readFileSync(previous).subarray(0, 2).toString()).toBe('PK');
    expect(temporaries(d)).toEqual([]);
  });

  it('bad encoding, a file that is not a workbook, a bad delimiter guess: exit 2 with the file named, no stack trace', async () => {
    const d = dir();
    // Windows-1258 bytes of "Mã hộ" are not UTF-8
    const latin = writeText(d, 'cu.csv', Buffer.from([0x4d, 0xe3, 0x20, 0x68, 0xf4, 0x2c, 0x53, 0x74, 0x61, 0x74, 0x75, 0x73, 0x0d, 0x0a, 0x48, 0x31, 0x2c, 0x70, 0x6f, 0x6f, 0x72, 0x0d, 0x0a]));
    await expectRefused(['summarize', latin, '--report', 'review-summary'], ['cu.csv', 'UTF-8'], [latin]);
    const notXlsx = writeText(d, 'gia.xlsx', 'not a workbook');
    await expectRefused(['summarize', notXlsx, '--report', 'review-summary'], ['gia.xlsx'], [notXlsx]);
    const semicolons = writeText(d, 'cham-phay.csv', 'Mã hộ;Mã đơn vị;Mã phân loại\r\nH1;X;poor\r\n');
    await expectRefused(['summarize', semicolons, '--report', 'review-summary', '--delimiter', ','], ['cham-phay.csv, row 1: the header has one column; is the separator'], [semicolons]);
    expect((await expectOutcome(['summarize', semicolons, '--report', 'review-summary', '--delimiter', ';'], { code: 0 })).out).toContain('Tổng cộng');
    // without --delimiter the header tells the `;`
    expect((await expectOutcome(['summarize', semicolons, '--report', 'review-summary'], { code: 0 })).out).toContain('Tổng cộng');
  });

  it('- is standard input: refused when it is a terminal or given twice; --json with --out - is refused; --out - is stdout', async () => {
    const d = dir();
    const classified = writeCsv(d, 'kq.csv', CLASSIFIED);
    const terminal = captureIo({ stdin: 'terminal' });
    expect(await runCli(['summarize', '-', '--report', 'review-summary'], terminal)).toBe(2);
    expect(terminal.err()).toContain('- reads the input from standard input, but it is a terminal');
    const twice = captureIo({ stdin: readFileSync(classified, 'utf8') });
    expect(await runCli(['summarize', '-', '--report', 'flows', '--start', '-'], twice)).toBe(2);
    expect(twice.err()).toContain('- (standard input) is given for two inputs');
    await expectRefused(['summarize', classified, '--report', 'review-summary', '--json', '--out', '-'], ['--json and --out - would both write to standard output'], [classified]);
    const piped = captureIo({ stdin: readFileSync(classified, 'utf8') });
    expect(await runCli(['summarize', '-', '--report', 'review-summary', '--out', '-'], piped)).toBe(0);
    expect(parseCsv(piped.out()).at(-1)).toEqual(['', 'Tổng cộng', '3', '1', '33,33', '1', '33,33', '0', '0,00', '1', '33,33']);
    expect(piped.err()).toContain('review-summary of 3 households in 2 unit(s)');
    // a start list on standard input, matched by id
    const start = captureIo({ stdin: formatCsv([CLASSIFIED[0]!.slice(0, 6), ...CLASSIFIED.slice(1).map((r) => [...r.slice(0, 4), r[6]!, r[5]!])]) });
    const end = writeCsv(d, 'cuoi.csv', CLASSIFIED.map((r) => r.slice(0, 6)));
    expect(await runCli(['summarize', end, '--report', 'flows', '--start', '-'], start)).toBe(0);
    expect(parseCsv(start.out()).at(-1)?.slice(0, 7)).toEqual(['', 'Tổng cộng', '3', '3', '2', '66,67', '1']);
  });
});
