import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import type { LayoutRelation } from '../../src/documents/tableLayout.js';
import { understandTable } from '../../src/documents/understandTable.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { roundQuotient } from '../../src/numbers/rounding.js';
import { expectPure } from '../_helpers/purity.js';

const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });
const rate = (count: number, base: number): string => {
  const hundredths = roundQuotient(BigInt(count) * 10_000n, BigInt(base), 'half-up');
  return formatVnNumber({ num: hundredths, den: 100n }, { decimals: 2 });
};

/** One generated table: its grid and the relations it was built with. */
interface Generated {
  readonly rows: string[][];
  /** Column header keys expected in relations, by role. */
  readonly subjects: ReadonlyArray<{ readonly start: number; readonly exit: number; readonly end: number; readonly rates: boolean }>;
  readonly withTotalColumn: boolean;
  readonly dataStart: number;
  readonly groups: number;
}

const subjectNames = ['nghèo', 'cận nghèo'] as const;

/**
 * A consistent table in one of the recognised shapes: households per unit, for one or two
 * subjects the start count, the exits and what remains (remaining = start − exits), optionally
 * each with its rate of the households, optionally a total column (start of both subjects), one or
 * two header rows, figure columns in any order, units in one or two groups with a subtotal each,
 * and a total row.
 */
const table = fc
  .record({
    subjects: fc.integer({ min: 1, max: 2 }),
    rates: fc.boolean(),
    totalColumn: fc.boolean(),
    twoHeaderRows: fc.boolean(),
    groups: fc.integer({ min: 0, max: 2 }),
    units: fc.array(
      fc.record({ households: fc.integer({ min: 400, max: 6000 }), start: fc.array(fc.integer({ min: 8, max: 300 }), { minLength: 2, maxLength: 2 }), exitShare: fc.array(fc.integer({ min: 5, max: 60 }), { minLength: 2, maxLength: 2 }) }),
      { minLength: 4, maxLength: 8 },
    ),
    order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  })
  .map((g): Generated => {
    // column blocks: [header path, values per unit row]
    type Col = { head: [string, string]; value: (u: { households: number; start: number[]; exit: number[] }) => number | string; kind: 'count' | 'rate' };
    const blocks: Col[][] = [];
    for (let s = 0; s < g.subjects; s++) {
      const name = subjectNames[s]!;
      for (const [stage, pick] of [['đầu năm', (u: { start: number[]; exit: number[] }) => u.start[s]!], ['thoát', (u: { start: number[]; exit: number[] }) => u.exit[s]!], ['còn lại', (u: { start: number[]; exit: number[] }) => u.start[s]! - u.exit[s]!]] as const) {
        const block: Col[] = [{ head: [`Hộ ${name} ${stage}`, 'Hộ'], value: pick, kind: 'count' }];
        if (g.rates) block.push({ head: [`Hộ ${name} ${stage}`, 'Tỷ lệ (%)'], value: (u) => rate(pick(u), u.households), kind: 'rate' });
        blocks.push(block);
      }
    }
    if (g.totalColumn && g.subjects === 2) blocks.push([{ head: ['Tổng số hộ nghèo và cận nghèo', 'Hộ'], value: (u) => u.start[0]! + u.start[1]!, kind: 'count' }]);
    // shuffle the blocks (two header rows keep a block's columns together under their header)
    const order = blocks.map((b, i) => ({ b, k: g.order[i] ?? i })).sort((x, y) => x.k - y.k).map((x) => x.b);
    const cols = order.flat();
    const head1 = ['STT', 'Đơn vị', 'Hộ dân cuối năm'];
    const head2 = ['', '', ''];
    let last = '';
    for (const c of cols) {
      if (g.twoHeaderRows) {
        head1.push(c.head[0] === last ? '' : c.head[0]);
        head2.push(c.head[1]);
        last = c.head[0];
      } else head1.push(c.head[1] === 'Hộ' ? c.head[0] : `Tỷ lệ ${c.head[0].toLowerCase()} (%)`);
    }
    const units = g.units.map((u) => ({ households: u.households, start: u.start, exit: u.start.map((s, i) => Math.max(1, Math.floor((s * u.exitShare[i]!) / 100))) }));
    const line = (stt: string, label: string, u: { households: number; start: number[]; exit: number[] }): string[] => [stt, label, vn(u.households), ...cols.map((c) => (c.kind === 'rate' ? (c.value(u) as string) : vn(c.value(u) as number)))];
    const sum = (us: typeof units): typeof units[number] => ({
      households: us.reduce((a, u) => a + u.households, 0),
      start: [0, 1].map((i) => us.reduce((a, u) => a + u.start[i]!, 0)),
      exit: [0, 1].map((i) => us.reduce((a, u) => a + u.exit[i]!, 0)),
    });
    const rows: string[][] = g.twoHeaderRows ? [head1, head2] : [head1];
    const dataStart = rows.length;
    const groups = g.groups === 0 ? [units] : g.groups === 1 ? [units] : [units.slice(0, 2), units.slice(2)];
    let n = 0;
    groups.forEach((members, gi) => {
      if (g.groups > 0) rows.push(line(['I', 'II'][gi]!, `Nhóm ${gi + 1}`, sum(members)));
      for (const u of members) rows.push(line(String(++n), `Đơn vị ${n}`, u));
    });
    rows.push(line('', 'Tổng', sum(units)));
    const index = (head: string, second: string): number => 3 + cols.findIndex((c) => c.head[0] === head && c.head[1] === second);
    const subjects = Array.from({ length: g.subjects }, (_, s) => {
      const name = subjectNames[s]!;
      return { start: index(`Hộ ${name} đầu năm`, 'Hộ'), exit: index(`Hộ ${name} thoát`, 'Hộ'), end: index(`Hộ ${name} còn lại`, 'Hộ'), rates: g.rates };
    });
    return { rows, subjects, withTotalColumn: g.totalColumn && g.subjects === 2, dataStart, groups: g.groups };
  });

const asTable = (rows: readonly (readonly string[])[]): DocumentTable => documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable;

/** The columns a relation involves, as a sorted set of grid columns. */
function involved(r: LayoutRelation, colOf: (key: string) => number): number[] {
  const keys = r.type === 'difference' ? [r.column, r.from, ...r.minus] : r.type === 'sum' ? [r.column, ...r.parts] : r.type === 'rate' ? [r.column, r.count, r.base] : [r.column];
  return keys.map(colOf).sort((a, b) => a - b);
}

describe('understandTable', () => {
  it('is pure and frozen', () => {
    expectPure(understandTable, asTable([['Xã', 'Hộ', 'Nghèo', 'Cận nghèo'], ['A', '100', '5', '7'], ['B', '200', '9', '3']]));
  });

  it('a relation that holds in too few rows is not invented', () => {
    const u = understandTable(asTable([['Xã', 'A', 'B', 'C'], ['x', '10', '4', '6'], ['y', '20', '5', '9'], ['z', '30', '8', '2'], ['w', '40', '1', '3']]));
    expect(u.layout.relations).toEqual([]);
    expect(u.uncheckedColumns).toEqual(['A', 'B', 'C']);
  });

  it('a budget table: total = a run of source columns, amounts in the caption unit, “Cộng” adds the rows above it', () => {
    const rows = [
      ['TT', 'Nội dung', 'Tổng', 'NSTW', 'NS tỉnh', 'Huy động khác'],
      ['1', 'Dự án 2', '2.532', '2.293', '229', '10'],
      ['2', 'Dự án 3', '1.048', '948', '95', '5'],
      ['3', 'Dự án 4', '1.210', '1.100', '110', '0'],
      ['', 'Cộng', '4.790', '4.341', '434', '15'],
    ];
    const u = understandTable(asTable(rows), { caption: 'ĐVT: triệu đồng' });
    expect(u.layout.columns.filter((c) => c.kind === 'amount').map((c) => c.unit)).toEqual(['trieu', 'trieu', 'trieu', 'trieu']);
    expect(u.layout.relations).toContainEqual({ type: 'sum', column: 'Tổng', parts: ['NSTW', 'NS tỉnh', 'Huy động khác'] });
    expect(u.layout.rows.at(-1)).toMatchObject({ role: 'total', covers: [1, 2, 3] });
    // an all-zero source column is not evidence: the total is then NSTW + NS tỉnh only
    const zeros = [rows[0]!, ['1', 'Dự án 2', '2.522', '2.293', '229', '0'], ['2', 'Dự án 3', '1.043', '948', '95', '0'], ['3', 'Dự án 4', '1.210', '1.100', '110', '0'], ['', 'Cộng', '4.775', '4.341', '434', '0']];
    expect(understandTable(asTable(zeros), { caption: 'ĐVT: triệu đồng' }).layout.relations).toContainEqual({ type: 'sum', column: 'Tổng', parts: ['NSTW', 'NS tỉnh'] });
  });

  describe('properties', () => {
    it('a generated consistent table is understood with the intended relations and gives zero findings', () => {
      fc.assert(
        fc.property(table, (g) => {
          const t = asTable(g.rows);
          const u = understandTable(t);
          const colOf = (key: string): number => u.layout.columns.find((c) => c.key === key)!.col;
          const sets = u.layout.relations.map((r) => involved(r, colOf).join(','));
          for (const s of g.subjects) expect(sets).toContain([s.start, s.exit, s.end].sort((a, b) => a - b).join(','));
          if (g.subjects[0]!.rates) expect(u.layout.relations.filter((r) => r.type === 'rate' && colOf(r.base) === 2)).toHaveLength(3 * g.subjects.length);
          if (g.withTotalColumn) expect(sets).toContain([g.subjects[0]!.start, g.subjects[1]!.start, 3 + g.rows[0]!.slice(3).findIndex((h) => h.startsWith('Tổng số hộ'))].sort((a, b) => a - b).join(','));
          const totals = u.layout.rows.filter((r) => r.role === 'total' || r.role === 'subtotal');
          expect(totals).toHaveLength(1 + (g.groups === 2 ? 2 : g.groups));
          expect(u.layout.rows.filter((r) => r.role === 'item')).toHaveLength(g.rows.length - g.dataStart - totals.length);
          const report = checkDocument(documentModel([{ kind: 'table', rows: g.rows }]));
          expect(report.findings).toEqual([]);
        }),
      );
    });

    it('corrupting one cell gives a finding at that cell or its relation, and the inferred layout does not change', () => {
      fc.assert(
        fc.property(table, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3 }), (g, rowPick, colPick, delta) => {
          const layout = understandTable(asTable(g.rows)).layout;
          const figureCols = layout.columns.filter((c) => c.kind === 'count' || c.kind === 'rate').map((c) => c.col);
          const row = g.dataStart + (rowPick % (g.rows.length - g.dataStart));
          const col = figureCols[colPick % figureCols.length]!;
          const corrupted = g.rows.map((r) => [...r]);
          const old = corrupted[row]![col]!;
          corrupted[row]![col] = old.includes(',') ? formatVnNumber({ num: BigInt(Number(old.replace(',', '')) + delta * 7), den: 100n }, { decimals: 2 }) : vn(Number(old.replace(/\./g, '')) + delta);
          fc.pre(corrupted[row]![col] !== old);
          const after = understandTable(asTable(corrupted)).layout;
          expect(after).toEqual(layout);
          const report = checkDocument(documentModel([{ kind: 'table', rows: corrupted }]));
          expect(report.findings.length).toBeGreaterThan(0);
          expect(report.findings.some((f) => f.location.row === row + 1 || f.location.column === col + 1)).toBe(true);
        }),
      );
    });
  });
});
