import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { districtBudgetRows, districtBudgetSheet, withFigure } from '../_helpers/budgetSheet.js';

// A district's capital plan by project (Biểu số 05): “Dự án 3”, “Dự án 4”, “Dự án 7” over their sub-projects
// “3.1”, “4.1”…, the title block above the header in two parts, “TỔNG CỘNG” the sum of the projects.

const brief = (f: CheckFinding): string => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`;
const check = async (bytes: Promise<Uint8Array>): Promise<string[]> => checkDocument(await readXlsxDocument(await bytes)).findings.map(brief);
const relations = async (bytes: Promise<Uint8Array>): Promise<string[]> => (checkDocument(await readXlsxDocument(await bytes)).tables[0]?.evidence ?? []).map((e) => e.text);

describe('a budget by project over its sub-projects', () => {
  it('reads STT under a title block as the row numbers: each project the sum of its sub-projects, the total the sum of the projects', async () => {
    // before: STT read as a column of amounts (the title's “Quyết định số …” above it), no project over its sub-projects,
    // and “TỔNG CỘNG” left unchecked as adding up in too few columns
    expect(await check(districtBudgetSheet())).toEqual([]);
    const texts = await relations(districtBudgetSheet());
    expect(texts.some((t) => t.startsWith('Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững = sum of 3 rows (Tiểu dự án 1'))).toBe(true);
    expect(texts.some((t) => t.startsWith('TỔNG CỘNG = sum of 7 rows (Dự án 1'))).toBe(true);
  });

  it('a project\'s cell typed 151 for 215 is named at its cell, not at the NSĐP total beside it', async () => {
    expect(await check(districtBudgetSheet(withFigure(districtBudgetRows(), '4', 8, 151)))).toEqual(['sum-mismatch @17:8 151']);
  });

  it('a sub-project raised 210 → 250 in a row that still adds up is found by its project\'s sum, and the total stays silent', async () => {
    // 4.2: Tổng cộng 231 → 271, NSTW Tổng số and Vốn sự nghiệp 210 → 250: its own row holds; Dự án 4 no longer adds up
    let rows = withFigure(districtBudgetRows(), '4.2', 3, 271);
    rows = withFigure(rows, '4.2', 4, 250);
    rows = withFigure(rows, '4.2', 6, 250);
    const found = await check(districtBudgetSheet(rows));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.includes('@17:'))).toBe(true);
  });

  it('sub-projects marked “-” in the number column add up to their project as numbered ones do', async () => {
    const dashed = districtBudgetRows().map((r) => (/^\d\.\d$/.test(r[0]) ? ([/^4\./.test(r[0]) ? '-' : r[0], ...r.slice(1)] as unknown as typeof r) : r));
    expect(await check(districtBudgetSheet(dashed))).toEqual([]);
    expect(await check(districtBudgetSheet(withFigure(dashed, '4', 8, 151)))).toEqual(['sum-mismatch @17:8 151']);
  });

  it('a source\'s total typed 4.060 for 3.960 breaks “1=2+5+8” once: no narrower sum of two sources is inferred from it', async () => {
    // before: “Tổng cộng = NSTW · Tổng số + NSĐP · Tổng số” accepted beside the printed formula, four false findings
    expect(await check(districtBudgetSheet(withFigure(districtBudgetRows(), '5', 4, 4060)))).toEqual(['sum-mismatch @21:4 4.060']);
  });
});
