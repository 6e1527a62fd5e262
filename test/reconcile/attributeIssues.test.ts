import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import type { PrintedTable } from '../../src/reconcile/printedTable.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import { fraction } from '../../src/numbers/fraction.js';
import { roundQuotient } from '../../src/numbers/rounding.js';

const at = (r: ReturnType<typeof reconcileTable>): string[] => r.issues.map((i) => `${i.code} ${i.row} · ${i.column} ${i.printed}`);

/** A review form (end = start − exits + re-poor + newly poor): Xã B's end is mis-added, the total adds the printed ends. */
const flow: PrintedTable = {
  columns: ['hh', 'start', 'exit', 're', 'new', 'end'].map((key) => ({ key, kind: 'count' as const })),
  rows: [
    { key: 'a', label: 'Xã A', cells: { hh: '1.200', start: '50', exit: '10', re: '1', new: '2', end: '43' } },
    { key: 'b', label: 'Xã B', cells: { hh: '2.000', start: '60', exit: '12', re: '0', new: '3', end: '61' } },
    { key: 'c', label: 'Xã C', cells: { hh: '1.500', start: '70', exit: '7', re: '2', new: '1', end: '66' } },
    { key: 't', label: 'Tổng cộng', cells: { hh: '4.700', start: '180', exit: '29', re: '3', new: '6', end: '170' } },
  ],
  relations: [
    { type: 'row-total', row: 't', parts: ['a', 'b', 'c'], columns: ['hh', 'start', 'exit', 're', 'new', 'end'] },
    { type: 'difference', column: 'end', from: 'start', minus: ['exit'], plus: ['re', 'new'] },
  ],
};

describe('reconcileTable({ attribute: true }): one wrong cell, one finding at that cell', () => {
  it('a flow: the total that adds the wrong end up is not blamed; without attribution every broken relation is listed', () => {
    expect(at(reconcileTable(flow))).toEqual(['difference-mismatch Xã B · end 61', 'difference-mismatch Tổng cộng · end 170']);
    const r = reconcileTable(flow, { attribute: true });
    expect(at(r)).toEqual(['difference-mismatch Xã B · end 61']);
    expect(r.issues[0]!.message).toContain('Tổng cộng adds up the printed figures and so differs by 10 too');
    expect(r.errors).toBe(1);
  });

  it('a row total with a wrong figure in its total column: the total row, which adds up, is not blamed', () => {
    const t: PrintedTable = {
      columns: [{ key: 'total', kind: 'amount', unit: 'trieu' }, { key: 'nstw', kind: 'amount', unit: 'trieu' }, { key: 'nsdp', kind: 'amount', unit: 'trieu' }],
      rows: [
        { key: '1', label: 'Dự án 2', cells: { total: '3.058', nstw: '2.780', nsdp: '278' } },
        { key: '2', label: 'Dự án 3', cells: { total: '7.163', nstw: '6.430', nsdp: '643' } },
        { key: 'T', label: 'Tổng cộng', cells: { total: '10.131', nstw: '9.210', nsdp: '921' } },
      ],
      relations: [
        { type: 'row-total', row: 'T', parts: ['1', '2'], columns: ['total', 'nstw', 'nsdp'] },
        { type: 'column-total', column: 'total', parts: ['nstw', 'nsdp'] },
      ],
    };
    expect(at(reconcileTable(t))).toEqual(['sum-mismatch Dự án 3 · total 7.163', 'sum-mismatch Tổng cộng · total 10.131']);
    expect(at(reconcileTable(t, { attribute: true }))).toEqual(['sum-mismatch Dự án 3 · total 7.163']);
  });

  it("a figure that is a part of both its row's total and its column's total, off by the same amount in both: the figure is wrong, one finding", () => {
    // Dự án 2's NSTW typed 2.870 for 2.780: its row (total = NSTW + NSĐP) and the NSTW total both break by −90
    const t: PrintedTable = {
      columns: [{ key: 'total', kind: 'amount', unit: 'trieu' }, { key: 'nstw', kind: 'amount', unit: 'trieu' }, { key: 'nsdp', kind: 'amount', unit: 'trieu' }],
      rows: [
        { key: '1', label: 'Dự án 1', cells: { total: '1.210', nstw: '1.100', nsdp: '110' } },
        { key: '2', label: 'Dự án 2', cells: { total: '3.058', nstw: '2.870', nsdp: '278' } },
        { key: '3', label: 'Dự án 3', cells: { total: '7.073', nstw: '6.430', nsdp: '643' } },
        { key: 'T', label: 'Tổng cộng', cells: { total: '11.341', nstw: '10.310', nsdp: '1.031' } },
      ],
      relations: [
        { type: 'row-total', row: 'T', parts: ['1', '2', '3'], columns: ['total', 'nstw', 'nsdp'] },
        { type: 'column-total', column: 'total', parts: ['nstw', 'nsdp'] },
      ],
    };
    expect(at(reconcileTable(t))).toEqual(['sum-mismatch Dự án 2 · total 3.058', 'sum-mismatch Tổng cộng · nstw 10.310']);
    const r = reconcileTable(t, { attribute: true });
    expect(at(r)).toEqual(['sum-mismatch Dự án 2 · nstw 2.870']);
    expect([r.issues[0]!.expected, r.issues[0]!.difference, r.errors]).toEqual(['2.780', '90', 1]);
    expect(r.issues[0]!.message).toBe('Dự án 2 · nstw: printed 2.870, expected 2.780 — Dự án 2 · total adds up to 3.058 with 2.780 here, Tổng cộng · nstw adds up to 10.310 with 2.780 here; difference 90');
    // two wrong figures, each in one relation, off by the same amount: nothing is moved to a shared cell
    const two: PrintedTable = { ...t, rows: t.rows.map((row) => (row.key === '2' ? { ...row, cells: { ...row.cells, nstw: '2.780', total: '3.148' } } : row.key === '3' ? { ...row, cells: { ...row.cells, total: '7.163' } } : row)) };
    // and the grand total, 11.341, is what the right figures give: its break (−180) only carries the two, so it is not a finding
    const r2 = reconcileTable(two, { attribute: true });
    expect(at(r2)).toEqual(['sum-mismatch Dự án 2 · total 3.148', 'sum-mismatch Dự án 3 · total 7.163']);
    expect(r2.issues[0]!.message).toContain('Tổng cộng adds up the printed figures and so differs by -180');
  });

  it('a subtotal that does not add up, and an item whose printed rate fits the count the subtotal implies: the item count is wrong', () => {
    const t: PrintedTable = {
      columns: [{ key: 'hh', kind: 'count' }, { key: 'poor', kind: 'count' }, { key: 'rate', kind: 'rate' }],
      rows: [
        { key: '1', label: 'Xã Phú Đình', cells: { hh: '870', poor: '60', rate: '6,90' } },
        { key: '2', label: 'Xã Bình Thành', cells: { hh: '1.110', poor: '57', rate: '4,32' } },
        { key: 'T', label: 'Huyện Định Hóa', cells: { hh: '1.980', poor: '108', rate: '5,45' } },
      ],
      relations: [
        { type: 'row-total', row: 'T', parts: ['1', '2'], columns: ['hh', 'poor'] },
        { type: 'rate', column: 'rate', count: 'poor', base: 'hh', scale: 100, rounding: 'half-up' },
      ],
    };
    expect(at(reconcileTable(t))).toEqual(['rate-mismatch Xã Bình Thành · rate 4,32', 'sum-mismatch Huyện Định Hóa · poor 108']);
    const r = reconcileTable(t, { attribute: true });
    expect(r.issues.map((i) => [i.row, i.column, i.printed, i.expected, i.difference])).toEqual([['Xã Bình Thành', 'poor', '57', '48', '9']]);
  });
});

describe('reconcileTable({ attribute: true }): a figure typed in another unit is the finding, at its cell', () => {
  /** Amounts in triệu đồng: total = central + provincial in each row, and the total row adds up the projects. */
  const budget = (cells: Record<string, Record<string, string>>): PrintedTable => ({
    columns: ['total', 'central', 'provincial'].map((key) => ({ key, kind: 'amount' as const, unit: 'trieu' as const })),
    rows: [
      { key: 'p1', label: 'Dự án 1', cells: { total: '53.482', central: '48.620', provincial: '4.862' } },
      { key: 'p2', label: 'Dự án 2', cells: { total: '6.754', central: '6.140', provincial: '614' } },
      { key: 'p3', label: 'Dự án 3', cells: { total: '12.546', central: '11.405', provincial: '1.141' } },
      { key: 't', label: 'Tổng cộng', cells: { total: '72.782', central: '66.165', provincial: '6.617' } },
    ].map((r) => ({ ...r, cells: { ...r.cells, ...cells[r.key] } })),
    relations: [
      { type: 'row-total', row: 't', parts: ['p1', 'p2', 'p3'], columns: ['total', 'central', 'provincial'] },
      { type: 'column-total', column: 'total', parts: ['central', 'provincial'] },
    ],
  });

  it('“0,614” for 614 (typed in tỷ đồng) breaks its row and its column: one finding, at that cell, with the figure it should be', () => {
    expect(reconcileTable(budget({}), { attribute: true }).issues).toEqual([]);
    const r = reconcileTable(budget({ p2: { provincial: '0,614' } }), { attribute: true });
    expect(at(r)).toEqual(['sum-mismatch Dự án 2 · provincial 0,614']);
    expect([r.issues[0]!.expected, r.issues[0]!.difference]).toEqual(['614', '-613.386']);
    expect(r.issues[0]!.message).toContain('read × 1.000');
    // without attribution both broken relations are listed, at their totals
    expect(at(reconcileTable(budget({ p2: { provincial: '0,614' } })))).toEqual(['sum-mismatch Dự án 2 · total 6.754', 'sum-mismatch Tổng cộng · provincial 6.617']);
  });

  it('a figure typed a thousand times too large (614.000 for 614) is found the same way', () => {
    expect(at(reconcileTable(budget({ p2: { provincial: '614.000' } }), { attribute: true }))).toEqual(['sum-mismatch Dự án 2 · provincial 614.000']);
  });

  it('a sum that breaks either way is another error, kept: the slip still moves to its cell', () => {
    const r = reconcileTable(budget({ p2: { provincial: '0,614' }, t: { provincial: '6.600' } }), { attribute: true });
    // 6.600 is not 6.617 in any unit: the total row's provincial sum and its own row (72.782 ≠ 66.165 + 6.600) stay findings
    expect(at(r)).toEqual(['sum-mismatch Dự án 2 · provincial 0,614', 'sum-mismatch Tổng cộng · total 72.782', 'sum-mismatch Tổng cộng · provincial 6.600']);
  });

  it('a figure that a sum holding as printed vouches for is never moved to', () => {
    // the total row adds up 0,614 as printed in its provincial column: that sum vouches for the figure as it is
    const r = reconcileTable(budget({ p2: { provincial: '0,614' }, t: { provincial: '6.003,614' } }), { attribute: true });
    expect(r.issues.some((i) => i.rowKey === 'p2' && i.column === 'provincial')).toBe(false);
    expect(at(r)).toContain('sum-mismatch Dự án 2 · total 6.754');
  });

  describe('properties', () => {
    it('one part typed a thousand times too small or too large is one finding, at that cell, with the figure it should be', () => {
      const project = fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }));
      fc.assert(
        fc.property(fc.array(project, { minLength: 2, maxLength: 6 }), fc.nat(), fc.boolean(), fc.boolean(), (projects, pick, small, central) => {
          const rows = projects.map(([c, p], i) => ({ key: `p${i}`, label: `Dự án ${i + 1}`, cells: { total: formatVnNumber(c + p, { decimals: 0 }), central: formatVnNumber(c, { decimals: 0 }), provincial: formatVnNumber(p, { decimals: 0 }) } as Record<string, string> }));
          const sum = (k: 0 | 1): number => projects.reduce((s, x) => s + x[k], 0);
          rows.push({ key: 't', label: 'Tổng cộng', cells: { total: formatVnNumber(sum(0) + sum(1), { decimals: 0 }), central: formatVnNumber(sum(0), { decimals: 0 }), provincial: formatVnNumber(sum(1), { decimals: 0 }) } });
          const i = pick % projects.length;
          const column = central ? 'central' : 'provincial';
          const v = projects[i]![central ? 0 : 1];
          rows[i]!.cells[column] = small ? formatVnNumber({ num: BigInt(v), den: 1000n }, { decimals: 3 }) : formatVnNumber(v * 1000, { decimals: 0 });
          const table: PrintedTable = {
            columns: ['total', 'central', 'provincial'].map((key) => ({ key, kind: 'amount' as const, unit: 'trieu' as const })),
            rows,
            relations: [
              { type: 'row-total', row: 't', parts: projects.map((_, k) => `p${k}`), columns: ['total', 'central', 'provincial'] },
              { type: 'column-total', column: 'total', parts: ['central', 'provincial'] },
            ],
          };
          const r = reconcileTable(table, { attribute: true });
          expect(r.issues.map((x) => `${x.rowKey} ${x.column} ${x.expected}`)).toEqual([`p${i} ${column} ${formatVnNumber(v, { decimals: 0 })}`]);
        }),
        // 1.000 typed for 1: the expected figure was printed “1,000”
        { examples: [[[[1, 1], [1, 1]], 0, false, false]] },
      );
    });
  });

  it('two figures that could each be the slip: nothing is moved', () => {
    const t: PrintedTable = {
      columns: ['total', 'a', 'b'].map((key) => ({ key, kind: 'amount' as const, unit: 'trieu' as const })),
      rows: [{ key: 'x', label: 'Dự án 1', cells: { total: '1.200', a: '0', b: '1,2' } }],
      relations: [{ type: 'column-total', column: 'total', parts: ['a', 'b'] }],
    };
    expect(at(reconcileTable(t, { attribute: true }))).toEqual(['sum-mismatch Dự án 1 · total 1.200']);
  });
});

describe('reconcileTable({ attribute: true }): a rate that is the only check of its count and base', () => {
  const table = (plan: number, result: number, rate: string): PrintedTable => ({
    columns: [{ key: 'plan', kind: 'count' }, { key: 'result', kind: 'count' }, { key: 'rate', kind: 'rate' }],
    rows: [{ key: '1', label: 'Xã Tân Lập', cells: { plan: String(plan), result: String(result), rate } }],
    relations: [{ type: 'rate', column: 'rate', count: 'result', base: 'plan', scale: 100, rounding: 'half-up' }],
  });
  const rate2 = (count: bigint, base: bigint): bigint => roundQuotient(count * 10_000n, base, 'half-up');

  it('stays one finding at the rate, and a count it names as giving the printed rate does give it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 5_000 }), (plan, result, other) => {
        const printed = rate2(BigInt(other), BigInt(plan));
        fc.pre(printed !== rate2(BigInt(result), BigInt(plan)));
        const text = formatVnNumber(fraction(printed, 100n), { decimals: 2 });
        const r = reconcileTable(table(plan, result, text), { attribute: true });
        expect(r.issues.map((i) => `${i.code} ${i.column}`)).toEqual(['rate-mismatch rate']);
        expect(r.issues[0]!.message).toContain('the rate may be right and one of them wrong');
        const named = /result [\d.]+ \(([\d.]+) would give/.exec(r.issues[0]!.message);
        if (named !== null) expect(rate2(BigInt(named[1]!.replace(/\./g, '')), BigInt(plan))).toBe(printed);
      }),
    );
  });
});

describe('reconcileTable({ attribute: true }): a base typed wrong under rates printed for the right one', () => {
  // indicators by year: households, poor, poverty rate, near-poor, near-poverty rate (the rates on the households)
  const years = (hh2024: string, poor2024: string, near2024: string): PrintedTable => ({
    columns: [
      { key: 'hh', kind: 'count' },
      { key: 'poor', kind: 'count' },
      { key: 'rp', kind: 'rate' },
      { key: 'near', kind: 'count' },
      { key: 'rn', kind: 'rate' },
    ],
    rows: [
      { key: '2023', label: 'Năm 2023', cells: { hh: '42.328', poor: '3.155', rp: '7,45', near: '2.910', rn: '6,87' } },
      { key: '2024', label: 'Năm 2024', cells: { hh: hh2024, poor: '2.555', rp: poor2024, near: '2.635', rn: near2024 } },
      { key: '2025', label: 'Năm 2025', cells: { hh: '43.010', poor: '1.980', rp: '4,60', near: '2.402', rn: '5,58' } },
    ],
    relations: [
      { type: 'rate', column: 'rp', count: 'poor', base: 'hh', scale: 100, rounding: 'half-up' },
      { type: 'rate', column: 'rn', count: 'near', base: 'hh', scale: 100, rounding: 'half-up' },
    ],
  });
  const rate2 = (count: bigint, base: bigint): bigint => roundQuotient(count * 10_000n, base, 'half-up');

  it('“Tổng số hộ” 41.663 for 42.663, both rates of the year right for 42.663: one finding at the households, with the range of bases', () => {
    const r = reconcileTable(years('41.663', '5,99', '6,18'), { attribute: true });
    expect(at(r)).toEqual(['rate-mismatch Năm 2024 · hh 41.663']);
    expect(r.issues[0]!.expected).toBe('42.619–42.672');
    expect(r.issues[0]!.message).toContain('the base is the wrong figure, the rates follow from it');
    expect(r.errors).toBe(1);
  });

  it('the twin printed right gives no finding', () => {
    expect(reconcileTable(years('42.663', '5,99', '6,18'), { attribute: true }).issues).toEqual([]);
  });

  it('rates that agree on no base keep their own findings (each rate may be the wrong figure)', () => {
    // 5,99 wants 42.619–42.690 households, 6,81 wants 38.665–38.722: no base fits both
    expect(at(reconcileTable(years('41.663', '5,99', '6,81'), { attribute: true }))).toEqual(['rate-mismatch Năm 2024 · rp 5,99', 'rate-mismatch Năm 2024 · rn 6,81']);
  });

  it('one rate of the two holding on the printed base vouches for it: the other rate stays the finding', () => {
    // 6,32 is 2.635 ÷ 41.663: the households are right for the near-poverty rate
    expect(at(reconcileTable(years('41.663', '5,99', '6,32'), { attribute: true }))).toEqual(['rate-mismatch Năm 2024 · rp 5,99']);
  });

  it('any base typed wrong under two rates computed on the right one is found at the base, its range holding the right base (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 90_000 }), fc.integer({ min: 10, max: 999 }), fc.integer({ min: 10, max: 999 }), fc.integer({ min: -5_000, max: 5_000 }), (hh, a, b, slip) => {
        const poor = Math.max(1, Math.floor((hh * a) / 10_000));
        const near = Math.max(1, Math.floor((hh * b) / 10_000));
        const rate = (count: number, base: number): string => formatVnNumber(fraction(rate2(BigInt(count), BigInt(base)), 100n), { decimals: 2 });
        const typed = hh + slip;
        fc.pre(typed > 0);
        const t = years(formatVnNumber(fraction(BigInt(typed)), { decimals: 0 }), rate(poor, hh), rate(near, hh));
        const t2 = { ...t, rows: t.rows.map((row) => (row.key === '2024' ? { ...row, cells: { ...row.cells, poor: String(poor), near: String(near) } } : row)) };
        // both rates break on the typed base as errors (not a rate merely cut instead of rounded)
        const raw = reconcileTable(t2).issues.filter((i) => i.rowKey === '2024');
        fc.pre(raw.length === 2 && raw.every((i) => i.severity === 'error'));
        const mine = reconcileTable(t2, { attribute: true }).issues.filter((i) => i.rowKey === '2024');
        expect(mine.map((i) => i.column)).toEqual(['hh']);
        const [lo, hi] = mine[0]!.expectedExact!.split('–').map(Number) as [number, number];
        expect(lo <= hh && hh <= hi).toBe(true);
      }),
    );
  });
});
