import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { captureIo } from '../_helpers/cliIo.js';
import { budgetByYear, districtCommunes, regions2022 } from '../_helpers/officialSheets.js';
import { tempDirs } from '../_helpers/tempDirs.js';

// Sheets as offices print them (title block, merged header rows, a column-number row “3 = 2/1”,
// formulas with cached values, counts typed as text, “-” for none): each with the errors real
// tables carry, and its error-free twin. test/_helpers/officialSheets.ts says what is planted where.

const tempDir = tempDirs('vnp-official-sheets-');
const brief = (f: CheckFinding): string => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`;
const check = async (bytes: Promise<Uint8Array>): Promise<string[]> => checkDocument(await readXlsxDocument(await bytes)).findings.map(brief);

async function reconcile(bytes: Promise<Uint8Array>, ...options: string[]): Promise<{ code: number; out: string }> {
  const path = join(tempDir(), 'bieu.xlsx');
  writeFileSync(path, await bytes);
  const io = captureIo();
  const code = await runCli(['reconcile', path, ...options], io);
  return { code, out: io.out() };
}

describe('sheets as offices print them', () => {
  it('the 2022 review by region as announced: 69.239 printed for 69.329 (found at its cell), Tây Nguyên 236.766 ≠ 129.160 + 107.487, and the national total of both that follows', async () => {
    // “Hộ nghèo và hộ cận nghèo” over the columns “Hộ nghèo” and “Hộ cận nghèo” declares their sum: it holds in 4 of 7 rows, enough for a
    // header that says so; the wrong poor count breaks its row's sum and the national poor total by 90, and is the one cell both add
    // (the national 1.972.767 adds up the regions as printed: it follows from Tây Nguyên's 236.766, said on that finding)
    expect(await check(regions2022(true))).toEqual(['sum-mismatch @9:5 69.239', 'sum-mismatch @11:3 236.766']);
    const run = await reconcile(regions2022(true));
    expect(run.out).toContain('Hộ nghèo và hộ cận nghèo · Số hộ = Hộ nghèo · Số hộ + Hộ cận nghèo · Số hộ: holds in 4 of 7 rows (breaks: Cả nước, Đồng bằng sông Hồng, Tây Nguyên)');
    expect(run.out).toContain('error     Đồng bằng sông Hồng · Hộ nghèo · Số hộ: printed 69.239, expected 69.329');
    expect(run.out).toContain('error     Tây Nguyên · Hộ nghèo và hộ cận nghèo · Số hộ: printed 236.766, expected 236.647');
    expect(await check(regions2022(false))).toEqual([]);
  });

  it('a district review with “3 = 2/1” under the header: the column numbers are not a data row, an area subtotal missing its last commune is found', async () => {
    // before: “3 = 2/1” read as a row of figures (two false findings on each twin) and both area rows left unchecked
    expect(await check(districtCommunes(true))).toEqual(['sum-mismatch @11:6 257', 'sum-mismatch @12:4 182', 'rate-mismatch @14:5 5,84']);
    expect(await check(districtCommunes(false))).toEqual([]);
    const clean = await reconcile(districtCommunes(false));
    expect(clean.out).toContain('(row 6: column numbers)');
    expect(clean.out).toContain('Khu vực nông thôn = sum of 5 rows (Xã Phú Lương, Xã Yên Lạc, Xã Ôn Lương, Xã Hợp Thành, Xã Phấn Mễ): holds in all 3 columns');
    expect(clean.code).toBe(EXIT_OK);
    const planted = await reconcile(districtCommunes(true));
    expect(planted.out).toContain('error     Khu vực nông thôn · Hộ cận nghèo · Số hộ: printed 257, expected 368');
    expect(planted.code).toBe(EXIT_FINDINGS);
  });

  it('reconcile, like check, gives one wrong cell one finding: the count typed 182 for 128, not the rate beside it nor the subtotal it breaks; --all-findings lists every broken relation', async () => {
    const errors = (out: string): string[] => out.split('\n').filter((l) => l.startsWith('error')).map((l) => l.slice(10, l.indexOf(', expected')));
    const planted = await reconcile(districtCommunes(true));
    expect(errors(planted.out)).toEqual([
      'Khu vực nông thôn · Hộ cận nghèo · Số hộ: printed 257',
      'Xã Phú Lương · Hộ nghèo · Số hộ: printed 182',
      'Xã Yên Lạc · Hộ nghèo · Tỷ lệ (%): printed 5,84',
    ]);
    expect(planted.out).toContain("Khu vực nông thôn adds up to 476 with 128 here, and the row's rate 4,50 (Hộ nghèo · Tỷ lệ (%)) is that of 128");
    const all = await reconcile(districtCommunes(true), '--all-findings');
    expect(errors(all.out)).toEqual([
      'Khu vực nông thôn · Hộ nghèo · Số hộ: printed 476',
      'Khu vực nông thôn · Hộ cận nghèo · Số hộ: printed 257',
      'Xã Phú Lương · Hộ nghèo · Tỷ lệ (%): printed 4,50',
      'Xã Yên Lạc · Hộ nghèo · Tỷ lệ (%): printed 5,84',
    ]);
  });

  it('a programme budget by year (1 › 1.1 › a, b): each level adds up the one below, the numbering 1, 2, 3, 4 runs over the projects', async () => {
    // before: the hierarchy was not read (no total checked) and “1.1”, “a”, “b” were flagged as wrong row numbers
    const clean = await reconcile(budgetByYear(false));
    expect(clean.out).toContain('Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo = sum of 2 rows (Tiểu dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, Tiểu dự án 2: Hỗ trợ đầu tư hạ tầng xã đặc biệt khó khăn vùng bãi ngang): holds in all 5 columns');
    expect(clean.out).toContain('Tiểu dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo = sum of 2 rows (Hỗ trợ đầu tư hạ tầng các huyện nghèo, Duy tu, bảo dưỡng công trình): holds in all 5 columns');
    expect(clean.out).toContain('STT counts 1, 2, 3… down the item rows: holds in all 4 rows');
    expect(clean.out).toContain('everything reconciles');
    expect(clean.code).toBe(EXIT_OK);
    expect(await check(budgetByYear(false))).toEqual([]);
    // Dự án 1's 2023 leaves out 1.2 (5.130), item b's 2024 typed 3.158 for 3.185 (its parents +27), Dự án 4's period +1.000;
    // the total adds up the projects, so item b's slip stops at Dự án 1 (which holds in 2024) and the total's 2024 is silent
    expect(await check(budgetByYear(true))).toEqual([
      'sum-mismatch @7:3 146.080',
      // (each period total, the sum of its row's years as printed, follows from its wrong year: said on that finding)
      'sum-mismatch @8:5 17.795',
      'sum-mismatch @9:6 18.245',
      'sum-mismatch @15:3 14.110',
    ]);
  });
});
