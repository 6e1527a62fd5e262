import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { formatInferredLayout, reconcileInferred } from '../../src/documents/reconcileInferred.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import { tableFromLayout } from '../../src/layouts.js';
import { gridOf } from '../../src/documents/specFromLayout.js';
import { tableFromSpec } from '../../src/reconcile/tableFromSpec.js';
import { firstIssue } from '../_helpers/errors.js';
import { readFixture as readFixtureText } from '../_helpers/fixtures.js';
import { expectPure } from '../_helpers/purity.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { SEED001_ROWS, writeSeed001Sheet } from '../reconcile/_seed001Sheet.js';
import { readFile } from 'node:fs/promises';

const tempDir = tempDirs('vnp-inferred-');
const tableOf = (rows: string[][]): DocumentTable => documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable;
const brief = (issues: ReadonlyArray<{ row: string; code: string; severity: string; printed: string; expected: string | null }>): string[] => issues.map((i) => `${i.severity} ${i.code} ${i.row}: ${i.printed} → ${i.expected ?? ''}`);

const SMALL = [['STT', 'Xã', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)'], ['1', 'An Phú', '2.348', '38', '1,62'], ['2', 'Tân Lợi', '2.154', '44', '2,04'], ['3', 'Long Hòa', '1.200', '20', '1,67'], ['', 'Tổng', '5.702', '103', '1,81']];

describe('reconcileInferred: a table with no declared layout', () => {
  it('infers the total row and the rate, reconciles, and says what it inferred', () => {
    const r = expectPure(reconcileInferred, tableOf(SMALL), {});
    expect(r.issues.map((i) => `${i.row} · ${i.column}: ${i.printed} → ${i.expected}`)).toEqual(['Tổng · Số hộ nghèo: 103 → 102']);
    expect(r.issues[0]!.grid).toEqual({ row: 4, column: 3 });
    expect(r.inferred.spec).not.toBeNull();
    expect(r.layout.rows.map((x) => [x.label, x.role])).toEqual([['An Phú', 'unit'], ['Tân Lợi', 'unit'], ['Long Hòa', 'unit'], ['Tổng', 'total']]);
    expect(formatInferredLayout(r.inferred).split('\n')).toEqual([
      'inferred layout (no --layout or --spec given): header row 1; columns: STT (row-number); Xã (label); Tổng số hộ (count); Số hộ nghèo (count); Tỷ lệ (%) (rate)',
      '  Tổng = sum of 3 rows (An Phú, Tân Lợi, Long Hòa): holds in 1 of 2 columns (breaks: Số hộ nghèo)',
      '  Tỷ lệ (%) = Số hộ nghèo ÷ Tổng số hộ × 100 (half-up, to the decimals printed): holds in all 4 rows',
      '  STT counts 1, 2, 3… down the item rows: holds in all 3 rows',
    ]);
  });

  it('seed 001 as printed in a workbook (merged two-row header, no role column) gives the findings of the commune-targets preset', async () => {
    const path = join(tempDir(), 'seed001.xlsx');
    await writeSeed001Sheet(path);
    const model = await readXlsxDocument(await readFile(path), { source: 'seed001.xlsx' });
    const inferred = reconcileInferred(model.blocks[0] as DocumentTable, { source: 'seed001.xlsx' });
    const preset = reconcileTable(tableFromLayout('commune-targets', SEED001_ROWS));
    expect(brief(inferred.issues)).toEqual(brief(preset.issues));
    expect(inferred.inferred.evidence.find((e) => e.type === 'difference')).toMatchObject({ text: 'HN còn lại · Hộ = HN đầu năm 2024 · Hộ − Thoát hộ nghèo · Hộ', holds: 17, of: 17 });
  });

  it('refuses a table it cannot understand, saying why', () => {
    expect(firstIssue(() => reconcileInferred(tableOf([['Xã', 'Ghi chú'], ['An Phú', 'đạt']]), { source: 'x.csv' })).message).toBe(
      'x.csv: no table could be understood (no column of figures was found); nothing to check: give its layout with --layout NAME or --spec TABLE.json',
    );
    expect(firstIssue(() => reconcileInferred(tableOf(SMALL.slice(0, 4).map((r) => r.slice(1, 4))))).code).toBe('table-not-understood');
  });
});

describe('reconcileInferred: plans against results, shares, growth and rows of means with no declared layout', () => {
  const rowsOf = (name: string): string[][] => readFixtureText(`documents/${name}`).split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t'));
  const found = (name: string): string[] => reconcileInferred(tableOf(rowsOf(name)), { attribute: true }).issues.map((i) => `${i.code} ${i.row} · ${i.column}: ${i.printed}`);

  it('finds what the document checker finds (one wrong cell, one finding), and nothing on the twins', () => {
    expect(found('plan-result.txt')).toEqual(['rate-mismatch Xã Hòa Bình · Tỷ lệ đạt (%): 106,3', 'sum-mismatch Xã Phú Xuân · Thực hiện (TH): 117', 'rate-mismatch Tổng cộng · Tỷ lệ đạt (%): 101,5']);
    expect(found('growth.txt')).toEqual(['rate-mismatch Xã Bù Gia Mập · Tốc độ tăng (%): -22,24', 'rate-mismatch Xã Phú Văn · Tốc độ tăng (%): -4,84']);
    expect(found('mean-row.txt')).toEqual(['average-mismatch Xã Tà Xùa · Số hộ nghèo: 420']);
    for (const name of ['plan-result', 'growth', 'mean-row', 'mean-rates', 'plan-year']) expect(found(`${name}.clean.txt`), name).toEqual([]);
  });

  it('a table with a row of means, or a note and a signature under it, has a spec (before: none), and the spec gives the same findings', () => {
    for (const name of ['mean-row.txt', 'mean-row.clean.txt', 'mean-rates.txt', 'mean-row-rate.txt', 'mean-of-rates-row.txt', 'note-below.txt', 'note-below.clean.txt']) {
      const table = tableOf(rowsOf(name));
      const r = reconcileInferred(table, { attribute: true });
      const spec = r.inferred.spec;
      expect(spec, name).not.toBeNull();
      const again = reconcileTable(tableFromSpec(gridOf(table, r.inferred.layout.headerRows), spec!).table, { attribute: true });
      expect(brief(again.issues), name).toEqual(brief(r.issues));
    }
    const spec = reconcileInferred(tableOf(rowsOf('mean-row.txt'))).inferred.spec!;
    expect(spec.relations.find((x) => x.type === 'row-average')).toEqual({ type: 'row-average', row: { gridRow: 5 }, parts: [1, 2, 3, 4].map((gridRow) => ({ gridRow })), columns: ['Tổng số hộ', 'Số hộ nghèo'], rounding: 'half-up', rates: [{ column: 'Tỷ lệ (%)', count: 'Số hộ nghèo', base: 'Tổng số hộ', scale: 100, rounding: 'half-up', of: 'row' }] });
    // the rate of the rows' sums when the figures give it
    const sums = reconcileInferred(tableOf(rowsOf('mean-row-rate.txt'))).inferred.spec!;
    expect(sums.relations.find((x) => x.type === 'row-average')).toMatchObject({ rates: [{ column: 'Tỷ lệ (%)', of: 'sums' }] });
    expect(spec.roles?.rules).toContainEqual({ role: 'heading', gridRows: [5] });
  });
});
