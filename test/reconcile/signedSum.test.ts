import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import type { PrintedTable } from '../../src/reconcile/printedTable.js';
import { reconcileGrid } from '../../src/reconcile/reconcileGrid.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import type { TableSpec } from '../../src/reconcile/tableSpec.js';
import { firstIssue } from '../_helpers/errors.js';
import { expectPure } from '../_helpers/purity.js';

const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });
const FLOW = ['start', 'newly', 're', 'moved_in', 'exits', 'moved_out', 'end'] as const;
type Flow = Record<(typeof FLOW)[number], number>;

/** A flow table: end = start + newly + re + moved_in − exits − moved_out, row by row. */
const flowTable = (rows: ReadonlyArray<Record<string, string>>): PrintedTable => ({
  columns: FLOW.map((key) => ({ key, kind: 'count' as const })),
  rows: rows.map((cells, i) => ({ key: String(i + 1), label: `Xã ${i + 1}`, cells })),
  relations: [{ type: 'signed-sum', column: 'end', plus: ['start', 'newly', 're', 'moved_in'], minus: ['exits', 'moved_out'] }],
});

/** Flows that balance by construction (exits and moves out within what the unit held). */
const flowArb: fc.Arbitrary<Flow> = fc
  .record({ start: fc.nat(5000), newly: fc.nat(300), re: fc.nat(100), moved_in: fc.nat(50) })
  .chain((f) =>
    fc.integer({ min: 0, max: f.start + f.newly + f.re + f.moved_in }).chain((exits) =>
      fc.integer({ min: 0, max: f.start + f.newly + f.re + f.moved_in - exits }).map((moved_out) => ({ ...f, exits, moved_out, end: f.start + f.newly + f.re + f.moved_in - exits - moved_out })),
    ),
  );
const printedFlow = (f: Flow): Record<string, string> => Object.fromEntries(FLOW.map((k) => [k, vn(f[k])]));

describe('signed-sum: end = start + newly + re + moved in − exits − moved out', () => {
  it('holds on a flow that balances; names the row, the expected end and the relation when it does not', () => {
    const ok = { start: '139', newly: '4', re: '1', moved_in: '0', exits: '50', moved_out: '2', end: '92' };
    const bad = { ...ok, end: '89' };
    const r = expectPure(reconcileTable, flowTable([ok, bad]));
    expect(r.issues.map((i) => [i.rowKey, i.column, i.code, i.printed, i.expected, i.difference])).toEqual([['2', 'end', 'sum-mismatch', '89', '92', '-3']]);
    expect(r.issues[0]!.relationText).toBe('end = start + newly + re + moved_in − exits − moved_out');
    expect(r.issues[0]!.message).toBe('Xã 2 · end: printed 89, expected 92 (end = start + newly + re + moved_in − exits − moved_out), difference -3');
  });

  it('over intervals: “khoảng 140” at the start can meet the end; “hơn 100” cannot', () => {
    const near = { start: 'khoảng 140', newly: '4', re: '1', moved_in: '0', exits: '50', moved_out: '2', end: '92' };
    expect(reconcileTable(flowTable([near])).issues).toEqual([]);
    const far = { ...near, end: 'hơn 100' };
    const [issue] = reconcileTable(flowTable([far])).issues;
    expect([issue?.code, issue?.expected]).toEqual(['sum-mismatch', '88–98']);
    expect(issue?.message).toContain('the parts add to 88–98 (end = start + newly + re + moved_in − exits − moved_out): at least 2 unaccounted for by the parts');
  });

  it('per-cell precision: amounts rounded for print are a rounding finding within each cell’s half unit', () => {
    const table: PrintedTable = {
      columns: [{ key: 'a', kind: 'amount', unit: 'ty' }, { key: 'b', kind: 'amount', unit: 'ty' }, { key: 'c', kind: 'amount', unit: 'ty' }],
      rows: [{ key: '1', label: 'Vốn', cells: { a: '10', b: '3', c: '7,4' } }],
      relations: [{ type: 'signed-sum', column: 'c', plus: ['a'], minus: ['b'], partsRounded: true }],
    };
    const [issue] = reconcileTable(table).issues;
    expect([issue?.severity, issue?.shortcut, issue?.expected]).toEqual(['rounding', 'rounded-parts', '7,0']);
    const far: PrintedTable = { ...table, rows: [{ key: '1', label: 'Vốn', cells: { a: '10', b: '3', c: '8,4' } }] };
    expect(reconcileTable(far).issues[0]?.severity).toBe('error');
  });

  it('refuses a relation naming a column the table lacks, and one with no plus terms', () => {
    expect(firstIssue(() => reconcileTable({ ...flowTable([]), relations: [{ type: 'signed-sum', column: 'end', plus: ['stat'] }] })).code).toBe('unknown-column');
    expect(firstIssue(() => reconcileTable({ ...flowTable([]), relations: [{ type: 'signed-sum', column: 'end', plus: [] }] as never })).code).toBe('invalid-input');
  });

  it('in a spec: optional columns the table does not print count nothing', () => {
    const spec: TableSpec = {
      columns: [
        { key: 'unit', kind: 'text', header: 'Đơn vị' },
        { key: 'start', kind: 'count', header: 'Đầu năm' },
        { key: 'moved_in', kind: 'count', header: 'Chuyển đến', required: false },
        { key: 'exits', kind: 'count', header: 'Thoát nghèo' },
        { key: 'end', kind: 'count', header: 'Cuối năm' },
      ],
      relations: [
        { type: 'signed-sum', column: 'end', plus: ['start', 'moved_in'], minus: ['exits'] },
        { type: 'inequality', column: 'exits', op: '<=', than: ['start', 'moved_in'] },
      ],
    };
    const grid = [['Đơn vị', 'Đầu năm', 'Thoát nghèo', 'Cuối năm'], ['Xã A', '20', '5', '15'], ['Xã B', '10', '12', '8']];
    expect(reconcileGrid(grid, spec).issues.map((i) => [i.row, i.column, i.code])).toEqual([
      ['Xã B', 'exits', 'inequality-broken'],
      ['Xã B', 'end', 'sum-mismatch'],
    ]);
    const withMoves = [['Đơn vị', 'Đầu năm', 'Chuyển đến', 'Thoát nghèo', 'Cuối năm'], ['Xã B', '10', '3', '12', '1']];
    expect(reconcileGrid(withMoves, spec).issues).toEqual([]);
  });

  describe('properties', () => {
    it('a table generated consistent is never flagged', () => {
      fc.assert(
        fc.property(fc.array(flowArb, { minLength: 1, maxLength: 5 }), (flows) => {
          expect(reconcileTable(flowTable(flows.map(printedFlow))).issues).toEqual([]);
        }),
      );
    });

    it('printed within qualifiers and ranges that allow the true counts, it is never flagged', () => {
      // each printed form allows the true count x (“hơn 0” does not allow 0; “khoảng 0” allows only 0 ± 0,5)
      const printedAs = (x: number): fc.Arbitrary<string> =>
        fc.oneof(
          fc.constant(vn(x)),
          ...(x > 0 ? [fc.integer({ min: 1, max: 20 }).map((k) => `hơn ${vn(Math.max(0, x - k))}`)] : []),
          fc.integer({ min: 1, max: 20 }).map((k) => `dưới ${vn(x + k)}`),
          ...(x >= 5 ? [fc.constant(`khoảng ${vn(Math.round(x / 10) * 10)}`)] : []),
          fc.tuple(fc.nat(10), fc.nat(10)).map(([a, b]) => `${vn(Math.max(0, x - a))}-${vn(x + b)}`),
        );
      fc.assert(
        fc.property(flowArb.chain((f) => fc.record(Object.fromEntries(FLOW.map((k) => [k, printedAs(f[k])])) as Record<string, fc.Arbitrary<string>>)), (cells) => {
          expect(reconcileTable(flowTable([cells])).issues).toEqual([]);
        }),
        // “khoảng 0” stands for 0 only (half a unit either side)
        { examples: [[{ start: '270', newly: '165', re: '68', moved_in: 'khoảng 0', exits: '4', moved_out: '5', end: '494' }]] },
      );
    });

    it('corrupting one cell flags that row, and only that row', () => {
      fc.assert(
        fc.property(fc.array(flowArb, { minLength: 1, maxLength: 5 }), fc.nat(), fc.constantFrom(...FLOW), fc.integer({ min: 1, max: 500 }), (flows, at, column, delta) => {
          const row = at % flows.length;
          const printed = flows.map(printedFlow);
          printed[row] = { ...printed[row]!, [column]: vn(flows[row]![column] + delta) };
          const issues = reconcileTable(flowTable(printed)).issues;
          expect(issues.length).toBe(1);
          expect([issues[0]!.rowKey, issues[0]!.column, issues[0]!.severity]).toEqual([String(row + 1), 'end', 'error']);
          expect(issues[0]!.cells.map((c) => c.column)).toContain(column);
        }),
      );
    });
  });
});
