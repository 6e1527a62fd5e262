import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { parseVnNumber } from '../../src/numbers/parseVnNumber.js';
import { COMMUNE_TARGETS_COLUMNS } from '../../src/reconcile/communeTargetsLayout.js';
import { formatReconcileIssue, formatReconcileReport } from '../../src/reconcile/formatReconcileReport.js';
import { tableFromLayout } from '../../src/layouts.js';
import type { PrintedTable } from '../../src/reconcile/printedTable.js';
import { assertTableReconciles, reconcileTable } from '../../src/reconcile/reconcileTable.js';
import { expectPure } from '../_helpers/purity.js';
import { issueCodes, issueCodesAt } from '../_helpers/errors.js';
import { readFixture } from '../_helpers/fixtures.js';
import { consistentCommuneTable } from './_communeTables.js';

/** Seed 001 (001_02a5e3ea74f99ddd.txt, lines 121-137), transcribed as printed. */
const SEED001 = parseCsv(readFixture('seed001-communes.csv'));
const seed001 = (): PrintedTable => tableFromLayout('commune-targets', SEED001, { source: 'seed001-communes.csv' });

describe('reconcileTable on seed 001 (Tịnh Biên 2024, per-commune targets)', () => {
  const report = reconcileTable(seed001());

  it('finds exactly the six cells that do not reconcile, in table order', () => {
    expect(report.issues.map((i) => [i.row, i.column, i.severity, i.printed, i.expected])).toEqual([
      ['An Phú', 'near_poor_end_rate', 'error', '2,56', '2,26'], // line 126: 53 ÷ 2.348 = 2,257 %
      ['Tân Lợi', 'poor_end_rate', 'rounding', '1,99', '2,00'], // line 131: 43 ÷ 2.154 = 1,996 %; 2,04 − 0,05 = 1,99
      ['Văn Giáo', 'near_poor_exit_rate', 'error', '0,66', '0,48'], // line 132: 8 ÷ 1.660 = 0,482 %, the start rate copied
      ['Vĩnh Trung', 'near_poor_exit_rate', 'error', '1,27', '0,05'], // line 133: 1 ÷ 2.213 = 0,045 %, the start rate copied
      ['An Nông', 'stt', 'error', '13', '12'], // line 134: no commune numbered 12
      ['An Cư', 'stt', 'error', '11', '15'], // line 136: 11 again
    ]);
    expect(report.ok).toBe(false);
    expect(report.errors).toBe(5);
    expect(report.roundings).toBe(1);
  });

  it('names the shortcut behind the rounding finding', () => {
    const tanLoi = report.issues.find((i) => i.row === 'Tân Lợi')!;
    expect(tanLoi.shortcut).toBe('difference-of-rounded-rates');
    expect(tanLoi.difference).toBe('-0.01');
    expect(tanLoi.expectedExact).toBe('4300/2154'.replace('4300/2154', '2150/1077'));
    expect(tanLoi.message).toContain('2,04 − 0,05');
  });

  it('checks that the subtotals and the grand total add up: they do (16.194 + 14.325 = 30.519; 762 poor; 723 near-poor)', () => {
    expect(report.issues.filter((i) => i.relation === 'row-total' || i.relation === 'difference')).toEqual([]);
    // 158 equalities, and 17 rows × 15 bounds (exits ≤ start twice, poor + near-poor ≤ households, six rates in [0, 100]), all of which hold
    expect(report.checked).toBe(158 + 17 * 15);
    expect(report.issues.filter((i) => i.relation === 'inequality' || i.relation === 'bound')).toEqual([]);
  });

  it('prints one line per issue and a summary', () => {
    const text = formatReconcileReport(report, { source: 'seed001' });
    const lines = text.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('error     An Phú · near_poor_end_rate: printed 2,56, expected 2,26 (53 ÷ 2.348 × 100 = 2,257240…, half-up), difference +0,30');
    expect(lines[5]).toBe('error     An Cư · stt: printed "11", expected 15 (11 is already the number of Vĩnh Trung)');
    expect(lines[6]).toBe('seed001: 413 checks, 5 errors, 1 rounding finding');
    expect(formatReconcileIssue(report.issues[1]!)).toMatch(/^rounding {2}Tân Lợi · poor_end_rate: printed 1,99, expected 2,00 .*\[rounding: difference-of-rounded-rates: 2,04 − 0,05\]$/);
  });

  it('is pure: input untouched, output deep-frozen, same output twice', () => {
    expectPure(reconcileTable, seed001());
  });

  it('assertTableReconciles throws one issue per error finding', () => {
    expect(issueCodes(() => assertTableReconciles(seed001()))).toEqual(Array(5).fill('table-does-not-reconcile'));
  });
});

const small = (cells: Record<string, string | number | null>, extra: Partial<PrintedTable> = {}): PrintedTable => ({
  columns: [
    { key: 'households', kind: 'count' },
    { key: 'poor', kind: 'count' },
    { key: 'poor_rate', kind: 'rate' },
  ],
  rows: [{ key: '1', label: 'X', cells }],
  relations: [{ type: 'rate', column: 'poor_rate', count: 'poor', base: 'households', scale: 100, rounding: 'half-up' }],
  ...extra,
});

describe('reconcileTable cells and relations', () => {
  it('reports an unparseable cell as an issue naming the cell, never throwing, and skips checks that need it', () => {
    const r = reconcileTable(small({ households: '2.154', poor: '4x3', poor_rate: '2,00' }));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'unparseable-cell', row: 'X', column: 'poor', printed: '4x3', severity: 'error' });
    expect(r.issues[0]!.message).toContain('X · poor');
  });

  it('reads a qualified figure (“hơn 40”) as an interval: 2,00 % of 2.154 needs 42,97–43,19 households, which “hơn 40” allows and “dưới 40” does not', () => {
    expect(reconcileTable(small({ households: '2.154', poor: 'hơn 40', poor_rate: '2,00' })).issues).toEqual([]);
    const [i] = reconcileTable(small({ households: '2.154', poor: 'dưới 40', poor_rate: '2,00' })).issues;
    expect(i).toMatchObject({ code: 'rate-mismatch', severity: 'error', expected: '< 1,86', column: 'poor_rate' });
  });

  it('reports a blank cell a relation needs, unless blanks read as zero', () => {
    expect(reconcileTable(small({ households: '2.154', poor: '', poor_rate: '0,00' })).issues[0]!.code).toBe('blank-cell');
    expect(reconcileTable(small({ households: '2.154', poor: '-', poor_rate: '0,00' }, { blankAs: 'zero' })).issues).toEqual([]);
  });

  it('reports a zero base instead of dividing by it', () => {
    expect(reconcileTable(small({ households: '0', poor: '0', poor_rate: '0,00' })).issues[0]!.code).toBe('non-positive-base');
  });

  it('rounds to the decimals printed: 697 of 60.500 is 1,15 % and 1,2 % and 1 %', () => {
    for (const [printed, ok] of [['1,15', true], ['1,2', true], ['1', true], ['1,5', false]] as const) {
      expect(reconcileTable(small({ households: '60.500', poor: '697', poor_rate: printed })).ok).toBe(ok);
    }
  });

  it('names truncation as a rounding shortcut: 1.996 % printed 1,99 with no difference relation', () => {
    const r = reconcileTable(small({ households: '2.154', poor: '43', poor_rate: '1,99' }));
    expect(r.issues[0]).toMatchObject({ severity: 'rounding', shortcut: 'truncated', expected: '2,00' });
  });

  it('names the sum of rounded rates (Bình Định, Tuy Phước urban: 5,04 + 3,03 = 8,07, not 8,08 as 650 ÷ 8.048 gives)', () => {
    const table: PrintedTable = {
      columns: ['households', 'poor', 'near', 'both', 'poor_rate', 'near_rate', 'both_rate'].map((key) => ({ key, kind: key.endsWith('rate') ? ('rate' as const) : ('count' as const) })),
      rows: [{ key: '1', label: 'Tuy Phước', cells: { households: '8.048', poor: '406', near: '244', both: '650', poor_rate: '5,04', near_rate: '3,03', both_rate: '8,07' } }],
      relations: [
        { type: 'column-total', column: 'both', parts: ['poor', 'near'] },
        ...(['poor', 'near', 'both'] as const).map((c) => ({ type: 'rate' as const, column: `${c}_rate`, count: c, base: 'households', scale: 100, rounding: 'half-up' as const })),
      ],
    };
    const r = reconcileTable(table);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ column: 'both_rate', expected: '8,08', severity: 'rounding', shortcut: 'sum-of-rounded-rates' });
    expect(r.ok).toBe(true);
  });

  it('checks a total column and a headline in a money unit, converting a cell printed in another unit (seed 001: “19 đồng” where 19 triệu is meant)', () => {
    const table: PrintedTable = {
      columns: [
        { key: 'central', kind: 'amount', unit: 'trieu' },
        { key: 'province', kind: 'amount', unit: 'trieu' },
        { key: 'total', kind: 'amount', unit: 'trieu' },
      ],
      rows: [{ key: 'da7-2', label: 'Dự án 7, tiểu dự án 2', cells: { central: '187', province: '19 đồng', total: '206' } }],
      relations: [
        { type: 'column-total', column: 'total', parts: ['central', 'province'] },
        { type: 'headline', name: 'Tổng nhu cầu vốn (line 441)', kind: 'amount', unit: 'trieu', printed: '206 triệu đồng', parts: [{ row: 'da7-2', column: 'central' }, { row: 'da7-2', column: 'province' }] },
      ],
    };
    const r = reconcileTable(table);
    expect(r.issues.map((i) => [i.row, i.column, i.code, i.expected])).toEqual([
      ['Dự án 7, tiểu dự án 2', 'total', 'sum-mismatch', '187'],
      ['Tổng nhu cầu vốn (line 441)', 'value', 'sum-mismatch', '187'],
    ]);
    expect(r.issues[0]!.difference).toBe('18.999981');
  });

  it('calls a total of rounded parts “rounding” when the relation says its parts were rounded', () => {
    const table: PrintedTable = {
      columns: [{ key: 'a', kind: 'amount' }, { key: 'b', kind: 'amount' }, { key: 't', kind: 'amount' }],
      rows: [{ key: '1', label: 'r', cells: { a: '1,4', b: '1,4', t: '2,9' } }],
      relations: [{ type: 'column-total', column: 't', parts: ['a', 'b'], partsRounded: true }],
    };
    expect(reconcileTable(table).issues[0]).toMatchObject({ severity: 'rounding', shortcut: 'rounded-parts' });
    const strict = { ...table, relations: [{ type: 'column-total' as const, column: 't', parts: ['a', 'b'] }] };
    expect(reconcileTable(strict).issues[0]).toMatchObject({ severity: 'error', shortcut: null });
  });

  it('checks row numbers: skipped, repeated, out of order', () => {
    const table: PrintedTable = {
      columns: [{ key: 'stt', kind: 'text' }],
      rows: ['1', '2', '4', '4', '3', 'x'].map((n, i) => ({ key: String(i), label: `r${i}`, cells: { stt: n } })),
      relations: [{ type: 'numbering', column: 'stt', rows: ['0', '1', '2', '3', '4', '5'] }],
    };
    expect(reconcileTable(table).issues.map((i) => [i.row, i.code, i.expected])).toEqual([
      ['r2', 'skipped-row-number', '3'],
      ['r3', 'duplicate-row-number', '5'],
      ['r4', 'row-number-out-of-order', '6'],
      ['r5', 'row-number-out-of-order', '7'],
    ]);
  });

  it('throws for a malformed table (unknown row, unknown column, duplicate row), naming the path', () => {
    const bad = (t: PrintedTable): string[] => issueCodesAt(() => reconcileTable(t));
    expect(bad(small({}, { relations: [{ type: 'row-total', row: 'nope', parts: ['1'], columns: ['poor'] }] }))).toEqual(['unknown-row@relations.0.row']);
    expect(bad(small({}, { relations: [{ type: 'difference', column: 'poor', from: 'zzz', minus: [] }] }))).toEqual(['unknown-column@relations.0.from']);
    expect(bad(small({}, { rows: [{ key: '1', label: 'a', cells: {} }, { key: '1', label: 'b', cells: {} }] }))).toEqual(['duplicate-row@rows.1.key']);
    expect(bad({ columns: [], rows: [], relations: [] })[0]).toMatch(/^invalid-input@columns/);
  });
});

describe('properties', () => {
  const rateColumns = COMMUNE_TARGETS_COLUMNS.filter((c) => c.endsWith('_rate'));
  const countColumns = COMMUNE_TARGETS_COLUMNS.slice(3).filter((c) => !c.endsWith('_rate'));

  it('a table generated consistent reconciles with zero issues', () => {
    fc.assert(
      fc.property(consistentCommuneTable, (rows) => {
        const r = reconcileTable(tableFromLayout('commune-targets', rows));
        expect(r.issues).toEqual([]);
        expect(r.ok).toBe(true);
      }),
    );
  });

  it('changing one count or rate beyond rounding yields an issue at that cell or at a relation that includes it, and nowhere unrelated', () => {
    fc.assert(
      fc.property(
        consistentCommuneTable.chain((rows) =>
          fc.record({
            rows: fc.constant(rows),
            row: fc.integer({ min: 1, max: rows.length - 1 }),
            column: fc.constantFrom(...countColumns, ...rateColumns),
            delta: fc.integer({ min: 1, max: 500 }),
          }),
        ),
        ({ rows, row, column, delta }) => {
          const col = COMMUNE_TARGETS_COLUMNS.indexOf(column);
          const copy = rows.map((r) => [...r]);
          const old = copy[row]![col]!;
          if (column.endsWith('_rate')) {
            // at least two units in the last printed digit: beyond any rounding
            const v = parseVnNumber(old, { kind: 'rate' }).value.add(delta * 2 / 100);
            copy[row]![col] = formatVnNumber(v, { decimals: 2 });
          } else {
            const v = parseVnNumber(old, { kind: 'count' }).value.toNumber() + delta;
            copy[row]![col] = formatVnNumber(v, { decimals: 0 });
          }
          const r = reconcileTable(tableFromLayout('commune-targets', copy));
          expect(r.issues.length).toBeGreaterThan(0);
          const changed = { row: String(row + 1), column };
          for (const i of r.issues) expect(i.cells).toContainEqual(changed);
        },
      ),
    );
  });
});

describe('row-average: a row of means (“Trung bình”) over other rows', () => {
  const table = (mean: string): PrintedTable => ({
    columns: [{ key: 'xa', kind: 'text' }, { key: 'poor', kind: 'count' }],
    rows: [
      { key: 'a', label: 'Xã A', cells: { xa: 'Xã A', poor: '402' } },
      { key: 'b', label: 'Xã B', cells: { xa: 'Xã B', poor: '315' } },
      { key: 'c', label: 'Xã C', cells: { xa: 'Xã C', poor: '287' } },
      { key: 'd', label: 'Xã D', cells: { xa: 'Xã D', poor: '244' } },
      { key: 'm', label: 'Trung bình', cells: { xa: 'Trung bình', poor: mean } },
    ],
    relations: [{ type: 'row-average', row: 'm', parts: ['a', 'b', 'c', 'd'], columns: ['poor'], rounding: 'half-up' }],
  });

  it('holds when the row is the mean rounded to its decimals (1.248 ÷ 4 = 312; 312,0 to one decimal)', () => {
    expect(reconcileTable(table('312')).issues).toEqual([]);
    expect(reconcileTable(table('312,0')).issues).toEqual([]);
  });

  it('finds a mean that is the sum, or off by one, at its cell', () => {
    const sum = reconcileTable(table('1.248')).issues;
    expect(sum.map((i) => [i.code, i.row, i.column, i.expected])).toEqual([['average-mismatch', 'Trung bình', 'poor', '312']]);
    expect(sum[0]!.relationText).toBe('Trung bình = (poor of Xã A + Xã B + Xã C + Xã D) ÷ 4 (the mean)');
    expect(reconcileTable(table('313')).issues.map((i) => i.expected)).toEqual(['312']);
  });

  it('is refused when it names a row the table does not have', () => {
    const t = table('312');
    expect(() => reconcileTable({ ...t, relations: [{ type: 'row-average', row: 'z', parts: ['a', 'b'], columns: ['poor'], rounding: 'half-up' }] })).toThrow(/z/);
  });
});

describe('row-average rates: the rate a row of means prints beside its means', () => {
  // Biểu 8 (mean-row.clean.txt): 1.248 poor of 4.036 households = 30,921…%; the means 1.009 and 312 give 30,921…% too
  const table = (rate: string, of: 'sums' | 'row', households = '1.009'): PrintedTable => ({
    columns: [{ key: 'xa', kind: 'text' }, { key: 'hh', kind: 'count' }, { key: 'poor', kind: 'count' }, { key: 'rate', kind: 'rate' }],
    rows: [
      { key: 'a', label: 'Xã A', cells: { xa: 'Xã A', hh: '1.210', poor: '402', rate: '33,22' } },
      { key: 'b', label: 'Xã B', cells: { xa: 'Xã B', hh: '864', poor: '315', rate: '36,46' } },
      { key: 'c', label: 'Xã C', cells: { xa: 'Xã C', hh: '1.022', poor: '287', rate: '28,08' } },
      { key: 'd', label: 'Xã D', cells: { xa: 'Xã D', hh: '940', poor: '244', rate: '25,96' } },
      { key: 'm', label: 'Trung bình', cells: { xa: 'Trung bình', hh: households, poor: '312', rate } },
    ],
    relations: [{ type: 'row-average', row: 'm', parts: ['a', 'b', 'c', 'd'], columns: ['hh', 'poor'], rounding: 'half-up', rates: [{ column: 'rate', count: 'poor', base: 'hh', scale: 100, rounding: 'half-up', of }] }],
  });

  it('holds as the rate of the rows\' sums or of the row\'s own means', () => {
    expect(reconcileTable(table('30,92', 'sums')).issues).toEqual([]);
    expect(reconcileTable(table('30,92', 'row')).issues).toEqual([]);
  });

  it('finds a rate that is neither, at its cell, with the sums it is made of', () => {
    const [i] = reconcileTable(table('30,29', 'sums')).issues;
    expect([i!.code, i!.row, i!.column, i!.expected]).toEqual(['rate-mismatch', 'Trung bình', 'rate', '30,92']);
    expect(i!.relationText).toBe('rate of Trung bình = Σ poor ÷ Σ hh × 100 over Xã A + Xã B + Xã C + Xã D (the rate of the rows\' sums)');
    expect(i!.message).toContain('(402 + 315 + 287 + 244) ÷ (1.210 + 864 + 1.022 + 940) × 100 = 30,921705…, half-up), difference -0,63');
    // of its own means: 312 ÷ 1.090 (a mistyped mean) is 28,62…%
    expect(reconcileTable(table('30,92', 'row', '1.090')).issues.map((x) => [x.code, x.column, x.expected])).toEqual([
      ['average-mismatch', 'hh', '1.009'],
      ['rate-mismatch', 'rate', '28,62'],
    ]);
  });

  it('is refused when a rate names a column the table does not have', () => {
    const t = table('30,92', 'sums');
    expect(() => reconcileTable({ ...t, relations: [{ type: 'row-average', row: 'm', parts: ['a', 'b'], columns: ['poor'], rounding: 'half-up', rates: [{ column: 'rate', count: 'poor', base: 'nope', scale: 100, rounding: 'half-up', of: 'sums' }] }] })).toThrow(/nope/);
  });
});

describe('rate with minus: a rate of growth, (this year − last year) ÷ last year × 100', () => {
  const table = (growth: string): PrintedTable => ({
    columns: [{ key: 'y2023', kind: 'count' }, { key: 'y2024', kind: 'count' }, { key: 'growth', kind: 'rate' }],
    rows: [{ key: '1', label: 'Xã Đắk Ơ', cells: { y2023: '412', y2024: '355', growth: growth } }],
    relations: [{ type: 'rate', column: 'growth', count: 'y2024', minus: 'y2023', base: 'y2023', scale: 100, rounding: 'half-up' }],
  });

  it('holds for a fall printed negative (−57 ÷ 412 = −13,83 %)', () => {
    expect(reconcileTable(table('-13,83')).issues).toEqual([]);
  });

  it('finds the rate of the count alone, and says the relation with its minus', () => {
    const [issue] = reconcileTable(table('86,17')).issues;
    expect([issue?.code, issue?.expected, issue?.relationText]).toEqual(['rate-mismatch', '-13,83', 'growth = (y2024 − y2023) ÷ y2023 × 100']);
  });

  it('is refused when its minus names no column', () => {
    const t = table('-13,83');
    expect(() => reconcileTable({ ...t, relations: [{ type: 'rate', column: 'growth', count: 'y2024', minus: 'y2022', base: 'y2023', scale: 100, rounding: 'half-up' }] })).toThrow(/y2022/);
  });
});
