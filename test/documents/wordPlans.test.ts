import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { declaredFormulas, headerFormulas, type Col } from '../../src/documents/_columnRelations.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { budgetBySource, communeTargets } from '../_helpers/wordPlanFixtures.js';

const cells = async (bytes: Promise<Uint8Array>): Promise<string[]> =>
  checkDocument(readDocxDocument(await bytes)).findings.map((f) => `${f.severity} r${f.location.row} c${f.location.column} ${f.printed} → ${f.expected}`);

describe('Word budget tables by project and funding source (gridSpan, vMerge, “1=2+5+6+7”)', () => {
  it('the error-free twins give no finding (unit above the table or in the header)', async () => {
    expect(await cells(budgetBySource())).toEqual([]);
    expect(await cells(budgetBySource([], true))).toEqual([]);
  });

  it('each planted error is found in its own cell: a row total, an item, the total row', async () => {
    // Dự án 4's total 7.986 typed 7.896; Tiểu dự án 1's vốn sự nghiệp 6.810 typed 6.180; the total's NSĐP 6.835,5 typed 6.853,5
    const found = await cells(budgetBySource([{ row: '4', column: 0, printed: '7.896' }, { row: '3.1', column: 3, printed: '6.180' }, { row: 'total', column: 4, printed: '6.853,5' }]));
    expect(found).toEqual(['error r4 c7 6.853,5 → 6.835,5', 'error r8 c6 6.180 → 6.810', 'error r10 c3 7.896 → 7.986']);
  });

  it('rows that leave “nothing” blank are checked too (blank read as zero where the table prints “-”)', async () => {
    // Dự án 2's total 4.187,1 typed 4.178,1; Dự án 6's central budget 615 typed 651 (both rows print blanks)
    expect(await cells(budgetBySource([{ row: '2', column: 0, printed: '4.178,1' }, { row: '6', column: 1, printed: '651' }]))).toEqual(['error r6 c3 4.178,1 → 4.187,1', 'error r12 c4 651 → 615']);
  });

  it('the formulas of the column-number row are checked in every row, “-”, blank and “0” cells included', async () => {
    const report = checkDocument(readDocxDocument(await budgetBySource()));
    const texts = report.tables[0]!.evidence.map((e) => `${e.text} ${e.holds}/${e.of}`);
    expect(texts).toContain('Ngân sách Trung ương · Tổng số = Vốn đầu tư + Vốn sự nghiệp (as the column numbers print it) 8/8');
    expect(texts).toContain('Tổng cộng = Ngân sách Trung ương · Tổng số + Ngân sách địa phương + Vốn lồng ghép + Vốn huy động hợp pháp khác (as the column numbers print it) 9/9');
  });
});

describe('a budget by funding source with no row of column numbers: the merged header declares the sums', () => {
  it('the twin gives no finding, and the three errors are found in their own cells (not blamed on the right “Tổng cộng”)', async () => {
    expect(await cells(budgetBySource([], false, false))).toEqual([]);
    const found = await cells(budgetBySource([{ row: '4', column: 0, printed: '7.896' }, { row: '3.1', column: 3, printed: '6.180' }, { row: 'total', column: 4, printed: '6.853,5' }], false, false));
    expect(found).toEqual(['error r3 c7 6.853,5 → 6.835,5', 'error r7 c6 6.180 → 6.810', 'error r9 c3 7.896 → 7.986']);
    const evidence = checkDocument(readDocxDocument(await budgetBySource([], false, false))).tables[0]!.evidence.map((e) => `${e.text} ${e.holds}/${e.of}`);
    expect(evidence).toContain('Ngân sách Trung ương · Tổng số = Vốn đầu tư + Vốn sự nghiệp (as the merged header declares it) 8/8');
  });
});

describe('headerFormulas', () => {
  const col = (c: number, header: string): Col => ({ col: c, key: header, header, kind: 'amount', unit: 'trieu' });
  it('a group total over its columns, and “Tổng cộng” over the top-level headers (a group by its total)', () => {
    const cols = [col(2, 'Tổng cộng'), col(3, 'NSTW › Tổng số'), col(4, 'NSTW › Vốn đầu tư'), col(5, 'NSTW › Vốn sự nghiệp'), col(6, 'NSĐP'), col(7, 'Huy động')];
    expect(headerFormulas(cols)).toEqual([
      { column: 3, terms: [{ column: 4, sign: 1 }, { column: 5, sign: 1 }], by: 'header' },
      { column: 2, terms: [{ column: 3, sign: 1 }, { column: 6, sign: 1 }, { column: 7, sign: 1 }], by: 'header' },
    ]);
  });
  it('declares nothing for a group with no total of its own, or columns with no “Tổng” header', () => {
    expect(headerFormulas([col(2, 'Tổng cộng'), col(3, 'NSTW › Vốn đầu tư'), col(4, 'NSTW › Vốn sự nghiệp'), col(5, 'NSĐP')])).toEqual([]);
    expect(headerFormulas([col(2, 'Năm 2024'), col(3, 'Năm 2025'), col(4, 'Năm 2026')])).toEqual([]);
  });
});

describe('declaredFormulas', () => {
  it('reads additive formulas and maps column numbers to grid columns', () => {
    expect(declaredFormulas(['A', 'B', '1=2+5+6+7', '2=3+4', '3', '4', '5', '6', '7'])).toEqual([
      { column: 2, terms: [{ column: 3, sign: 1 }, { column: 6, sign: 1 }, { column: 7, sign: 1 }, { column: 8, sign: 1 }] },
      { column: 3, terms: [{ column: 4, sign: 1 }, { column: 5, sign: 1 }] },
    ]);
    expect(declaredFormulas(['A', 'B', '(1)', '(2)', '(3)', '(4)=(1)-(2)-(3)'])).toEqual([{ column: 5, terms: [{ column: 2, sign: 1 }, { column: 3, sign: -1 }, { column: 4, sign: -1 }] }]);
  });

  it('leaves out rates (“3=2/1”), numbers printed by no column or by two, and self-references', () => {
    expect(declaredFormulas(['A', 'B', '1', '2', '3=2/1'])).toEqual([]);
    expect(declaredFormulas(['A', '1', '2=3+4', '3'])).toEqual([]);
    expect(declaredFormulas(['1', '2', '2', '3=1+2'])).toEqual([]);
    expect(declaredFormulas(['1=1+2', '2'])).toEqual([]);
  });
});

describe('Word tables of targets per commune (“Tổng số” first or “Tổng cộng” last, header typed again over a page)', () => {
  it('the error-free twins give no finding', async () => {
    for (const o of [{}, { totalLast: true }, { repeatHeader: true }, { repeatHeader: true, totalLast: true }]) expect(await cells(communeTargets([], o))).toEqual([]);
  });

  it('a total +100, an end count not start − exits, a rate with two digits swapped', async () => {
    const found = await cells(communeTargets([{ row: 3, column: 5, printed: '16,85' }, { row: 6, column: 4, printed: '162' }, { row: 0, column: 1, printed: '1.725' }], { repeatHeader: true }));
    expect(found).toEqual(['error r3 c4 1.725 → 1.625', 'error r6 c8 16,85 → 16,58', 'error r11 c7 162 → 152']);
  });
});

describe('Word tables broken over a page, labels merged across columns, a unit row inside the table', () => {
  const P = [{ row: 3, column: 5, printed: '16,85' }, { row: 6, column: 4, printed: '162' }, { row: 0, column: 1, printed: '1.725' }];

  it('a table broken in two Word tables (the header typed again, or none) is checked as one: no false “1–4 are skipped”', async () => {
    for (const o of [{ split: 'header' }, { split: 'header', totalLast: true }, { split: 'bare', totalLast: true }] as const) expect(await cells(communeTargets([], o))).toEqual([]);
  });

  it('its errors are found in the printed table and row they are in, the total over both parts included', async () => {
    const locate = async (o: Parameters<typeof communeTargets>[1]): Promise<string[]> =>
      checkDocument(readDocxDocument(await communeTargets(P, o))).findings.map((f) => `@${f.location.block} r${f.location.row} c${f.location.column} ${f.printed} → ${f.expected}`);
    expect(await locate({ split: 'header' })).toEqual(['@3 r3 c4 1.725 → 1.625', '@3 r6 c8 16,85 → 16,58', '@4 r4 c7 162 → 152']);
    expect(await locate({ split: 'bare', totalLast: true })).toEqual(['@3 r5 c8 16,85 → 16,58', '@4 r2 c7 162 → 152', '@4 r5 c4 1.725 → 1.625']);
    const report = checkDocument(readDocxDocument(await communeTargets([], { split: 'header' })));
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]!.notes).toContain('broken over a page: continued in block 4 (its 2 header rows typed again left out), checked as one table');
  });

  it('a table whose numbering starts again after another is a table of its own', async () => {
    const { joinContinuedTables } = await import('../../src/documents/_continuedTables.js');
    const model = readDocxDocument(await communeTargets([], { split: 'header' }));
    const second = model.blocks[3]!;
    if (second.kind !== 'table') throw new Error('expected a table');
    const restarted = { ...second, rows: second.rows.map((r, i) => (i === 2 ? r.map((c, j) => (j === 0 ? { ...c, text: '1' } : c)) : r)) };
    expect(joinContinuedTables([model.blocks[2]!, restarted]).map((j) => j.pieces.length)).toEqual([1, 1]);
    expect(joinContinuedTables(model.blocks).map((j) => j.pieces.length)).toEqual([2]);
  });

  it('“Tổng số” merged across STT and Đơn vị is the total row (the +100 is found at the total, not blamed on its rate)', async () => {
    expect(await cells(communeTargets([], { totalSpan: true }))).toEqual([]);
    expect(await cells(communeTargets([], { totalSpan: true, totalLast: true }))).toEqual([]);
    expect(await cells(communeTargets(P, { totalSpan: true }))).toEqual(['error r3 c4 1.725 → 1.625', 'error r6 c8 16,85 → 16,58', 'error r9 c7 162 → 152']);
  });

  it('“ĐVT: hộ, %” as the first row, spanning the table, is a caption', async () => {
    expect(await cells(communeTargets([], { unitRow: true }))).toEqual([]);
    expect(await cells(communeTargets(P, { unitRow: true }))).toEqual(['error r4 c4 1.725 → 1.625', 'error r7 c8 16,85 → 16,58', 'error r10 c7 162 → 152']);
  });
});
