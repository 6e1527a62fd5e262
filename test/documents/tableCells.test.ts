import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { reconcileInferred } from '../../src/documents/reconcileInferred.js';
import { countRateCell } from '../../src/documents/_countRateCells.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { wordPlan, type WordCell, type WordRow } from '../_helpers/wordPlans.js';

/** code @row:column printed */
const brief = (f: CheckFinding): string => `${f.code} @${f.location.row ?? ''}:${f.location.column ?? ''} ${f.printed ?? ''}`;
const findings = async (rows: readonly WordRow[]): Promise<readonly CheckFinding[]> => checkDocument(readDocxDocument(await wordPlan([{ p: 'Biểu 1. Hộ nghèo theo đơn vị năm 2025' }, { table: rows }]))).findings;
const v = (text: string): WordCell => ({ text, vmerge: 'restart' });
const c: WordCell = { text: '', vmerge: 'continue' };

describe('a count and its rate in one cell', () => {
  it('“125” and “4,50%” as two paragraphs of a Word cell: each figure checked, a wrong one found at its cell and named', async () => {
    const table = (rate2: string, count4: string): WordRow[] => [
      { cells: ['STT', 'Xã', 'Tổng số hộ', 'Hộ nghèo (số hộ, tỷ lệ)'] },
      { cells: ['1', 'Xã An Phú', '2.780', '125\n4,50%'] },
      { cells: ['2', 'Xã Tân Lợi', '2.154', `88\n${rate2}`] },
      { cells: ['3', 'Xã Long Hòa', '1.920', '102\n5,31%'] },
      { cells: ['4', 'Xã Bình Minh', '3.050', `${count4}\n3,18%`] },
      { cells: [{ text: 'Tổng cộng', span: 2 }, '9.904', '412\n4,16%'] },
    ];
    expect(await findings(table('4,09%', '97'))).toEqual([]);
    // a rate 4,09% typed 4,90%; a count 97 typed 79, its rate right (before: “no column of figures”, nothing checked)
    const found = await findings(table('4,90%', '79'));
    expect(found.map(brief)).toEqual(['rate-mismatch @3:4 4,90%', 'sum-mismatch @5:4 79']);
    expect(found[0]!.message).toContain('the rate 4,90% of the cell “88 4,90%”, beside its count 88');
    expect(found[1]!.message).toContain('the count 79 of the cell “79 3,18%”, beside its rate 3,18%');
  });

  it('reconcileInferred (the reconcile command with no layout) puts each finding back at the printed cell', () => {
    const grid = [
      ['STT', 'Xã', 'Tổng số hộ', 'Hộ nghèo', 'Ghi chú'],
      ['1', 'Xã An Phú', '2.780', '125 (4,50%)', ''],
      ['2', 'Xã Tân Lợi', '2.154', '88 (4,90%)', ''],
      ['3', 'Xã Long Hòa', '1.920', '102 (5,31%)', ''],
      ['', 'Tổng cộng', '6.854', '315 (4,60%)', ''],
    ];
    const report = reconcileInferred(documentModel([{ kind: 'table', rows: grid }]).blocks[0] as DocumentTable, { attribute: true });
    expect(report.issues.map((i) => `${i.code} ${i.grid?.row}:${i.grid?.column} ${i.printed}`)).toEqual(['rate-mismatch 2:3 4,90%']);
    expect(report.issues[0]!.message).toContain('the rate 4,90% of the cell “88 (4,90%)”');
    expect(report.inferred.layout.columns.map((x) => `${x.header}:${x.kind}`)).toContain('Tỷ lệ hộ nghèo (%):rate');
  });

  it('cells of other shapes are not split: a range, a year, a figure with a note', () => {
    expect(countRateCell('125 (4,50%)')).toEqual({ count: '125', rate: '4,50%' });
    expect(countRateCell('4,50% (1.250 hộ)')).toEqual({ count: '1.250', rate: '4,50%' });
    expect(countRateCell('125 hộ - 4,5%')).toEqual({ count: '125', rate: '4,5%' });
    expect(countRateCell('125 hộ (chiếm 4,5%)')).toEqual({ count: '125', rate: '4,5%' });
    for (const t of ['120-130', '2025 (4,5)', '125 (*)', '4,50%', '125', '12,5 (4,50%)', 'Xã A (4%)']) expect(countRateCell(t), t).toBeNull();
  });

  it('property: consistent cells of any of the shapes give no finding; one rate changed is found at its cell, the rate named', () => {
    const dots = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const rate = (p: number, h: number): string => {
      const q = Math.floor((2 * p * 10_000 + h) / (2 * h));
      return `${Math.floor(q / 100)},${String(q % 100).padStart(2, '0')}%`;
    };
    const shapes = [(n: string, r: string) => `${n} (${r})`, (n: string, r: string) => `${r} (${n} hộ)`, (n: string, r: string) => `${n} hộ - ${r}`, (n: string, r: string) => `${n} ${r}`];
    const communes = fc.array(fc.tuple(fc.integer({ min: 200, max: 5_000 }), fc.integer({ min: 1, max: 40 })), { minLength: 3, maxLength: 6 }).map((xs) => xs.map(([h, share]) => [h, Math.max(1, Math.floor((h * share) / 100))] as const));
    fc.assert(
      fc.property(communes, fc.integer({ min: 0, max: 3 }), fc.nat(), (rows, shape, pick) => {
        const cell = shapes[shape]!;
        const [h, p] = [rows.reduce((s, r) => s + r[0], 0), rows.reduce((s, r) => s + r[1], 0)];
        const grid = [['STT', 'Xã', 'Tổng số hộ', 'Hộ nghèo'], ...rows.map(([hh, pp], i) => [String(i + 1), `Xã ${i + 1}`, dots(hh), cell(dots(pp), rate(pp, hh))]), ['', 'Tổng cộng', dots(h), cell(dots(p), rate(p, h))]];
        const read = (g: string[][]) => reconcileInferred(documentModel([{ kind: 'table', rows: g }]).blocks[0] as DocumentTable, { attribute: true }).issues;
        expect(read(grid)).toEqual([]);
        const k = 1 + (pick % rows.length);
        const [hh, pp] = rows[k - 1]!;
        const wrong = rate(pp + Math.max(1, Math.ceil(hh / 50)), hh);
        const planted = grid.map((r, i) => (i === k ? [...r.slice(0, 3), cell(dots(pp), wrong)] : r));
        const issues = read(planted);
        expect(issues.map((i) => `${i.code} ${i.grid?.row}:${i.grid?.column} ${i.printed}`)).toEqual([`rate-mismatch ${k}:3 ${wrong}`]);
        expect(issues[0]!.message).toContain(`the rate ${wrong} of the cell`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Word vertical merges: a district’s name over its communes, a total’s label over its parts', () => {
  const after = (households: string, poorA2: string): WordRow[] => [
    { cells: ['Huyện', 'Xã', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)'] },
    { cells: [v('Huyện A'), 'Xã A1', '2.780', '125', '4,50'] },
    { cells: [c, 'Xã A2', '2.154', poorA2, '4,09'] },
    { cells: [c, 'Cộng', '4.934', '213', '4,32'] },
    { cells: [v('Huyện B'), 'Xã B1', '1.920', '102', '5,31'] },
    { cells: [c, 'Xã B2', '3.050', '97', '3,18'] },
    { cells: [c, 'Cộng', households, '199', '4,00'] },
    { cells: [v('Tổng cộng'), '', '9.904', '412', '4,16'] },
    { cells: [c, 'Trong đó: nông thôn', '7.000', '350', '5,00'] },
  ];
  it('each district’s “Cộng” is named by the district merged over it; a wrong base is one finding, its rate explained', async () => {
    expect(await findings(after('4.970', '88'))).toEqual([]);
    // 88 typed 80 (its rate right); Huyện B's households 4.970 typed 4.907 (its rate right: before, a second finding at the rate)
    const found = await findings(after('4.907', '80'));
    expect(found.map((f) => `${brief(f)} ${f.location.rowLabel}`)).toEqual(['sum-mismatch @3:4 80 Xã A2', 'sum-mismatch @7:3 4.907 Huyện B · Cộng']);
    expect(found[0]!.message).toContain('Huyện A · Cộng adds up to 213 with 88 here');
    expect(found[1]!.message).toContain("its rate 4,00 (Tỷ lệ (%)) is right for 4.970");
  });

  it('the district’s total printed first, in the merge’s first row', async () => {
    const first = (households: string): WordRow[] => [
      { cells: ['Huyện', 'Xã', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)'] },
      { cells: [{ text: 'Tổng cộng', span: 2 }, '9.904', '412', '4,16'] },
      { cells: [v('Huyện A'), 'Tổng số', '4.934', '213', '4,32'] },
      { cells: [c, 'Xã A1', '2.780', '125', '4,50'] },
      { cells: [c, 'Xã A2', '2.154', '88', '4,09'] },
      { cells: [v('Huyện B'), 'Tổng số', households, '199', '4,00'] },
      { cells: [c, 'Xã B1', '1.920', '102', '5,31'] },
      { cells: [c, 'Xã B2', '3.050', '97', '3,18'] },
    ];
    expect(await findings(first('4.970'))).toEqual([]);
    expect((await findings(first('4.907'))).map((f) => `${brief(f)} ${f.location.rowLabel}`)).toEqual(['sum-mismatch @6:3 4.907 Huyện B · Tổng số']);
  });
});

describe('a count and its rate in one cell of a transposed table (indicators as rows)', () => {
  const grid = (cells: readonly (readonly string[])[]): DocumentTable => documentModel([{ kind: 'table', rows: cells.map((r) => [...r]) }]).blocks[0] as DocumentTable;
  const at = (t: DocumentTable) => reconcileInferred(t, { attribute: true }).issues.map((i) => `${i.code} ${i.grid?.row}:${i.grid?.column} ${i.printed}`);
  const byYear = (poor2024: string, near2025: string): string[][] => [
    ['Chỉ tiêu', 'Năm 2023', 'Năm 2024', 'Năm 2025'],
    ['Tổng số hộ', '7.630', '7.700', '7.760'],
    ['Hộ nghèo', '412 (5,40%)', poor2024, '301 (3,88%)'],
    ['Hộ cận nghèo', '520 - 6,82%', '498 - 6,47%', near2025],
  ];

  it('years as columns: each row of two-figure cells read as a count and its rate, a wrong rate found at its printed cell', () => {
    expect(at(grid(byYear('359 (4,66%)', '455 - 5,86%')))).toEqual([]);
    // 4,66% typed 4,76%; 5,86% typed 5,68% (before: “no table could be understood”, nothing checked)
    const t = grid(byYear('359 (4,76%)', '455 - 5,68%'));
    expect(at(t)).toEqual(['rate-mismatch 2:2 4,76%', 'rate-mismatch 3:3 5,68%']);
    expect(reconcileInferred(t, { attribute: true }).issues[0]!.message).toContain('the rate 4,76% of the cell “359 (4,76%)”, beside its count 359');
  });

  it('communes as columns, the district last: the rate and the total row checked, findings at the printed cells', () => {
    const byCommune = (tanLoi: string, total: string): string[][] => [
      ['Chỉ tiêu', 'Xã An Phú', 'Xã Tân Lợi', 'Xã Long Hòa', 'Toàn huyện'],
      ['Tổng số hộ', '2.780', '2.154', '1.920', '6.854'],
      ['Hộ nghèo', '125 (4,50%)', tanLoi, '102 (5,31%)', total],
    ];
    expect(at(grid(byCommune('88 (4,09%)', '315 (4,60%)')))).toEqual([]);
    expect(at(grid(byCommune('88 (4,90%)', '315 (4,60%)')))).toEqual(['rate-mismatch 2:2 4,90%']);
    // the district's count 315 typed 351, its rate right for 315
    expect(at(grid(byCommune('88 (4,09%)', '351 (4,60%)')))).toEqual(['sum-mismatch 2:4 351']);
  });

  it('checkDocument finds it at the printed row and column, naming the figure of the cell', () => {
    const found = checkDocument(documentModel([{ kind: 'paragraph', text: 'Biểu 1. Hộ nghèo, cận nghèo qua các năm' }, { kind: 'table', rows: byYear('359 (4,76%)', '455 - 5,86%') }])).findings;
    expect(found.map(brief)).toEqual(['rate-mismatch @3:3 4,76%']);
    expect(found[0]!.message).toContain('the rate 4,76% of the cell “359 (4,76%)”');
  });
});
