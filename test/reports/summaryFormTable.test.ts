import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { formatCsv } from '../../src/io/csv.js';
import { LAYOUTS, tableFromLayout } from '../../src/layouts.js';
import { reconcileGrid } from '../../src/reconcile/reconcileGrid.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import { tableSpecSchema } from '../../src/reconcile/tableSpec.js';
import { summaryForm, type EthnicMinorityBase, type SummaryFormUnit } from '../../src/reports/summaryForm.js';
import { SUMMARY_FORM_SPEC, summaryFormLayout, summaryFormSpec } from '../../src/reports/summaryFormLayout.js';
import { summaryFormTable } from '../../src/reports/summaryFormTable.js';
import { captureIo } from '../_helpers/cliIo.js';
import { expectPure } from '../_helpers/purity.js';
import { seedUnits } from './_register.js';

const opts = { decimals: 2, rounding: 'half-up' } as const;
const found = (grid: ReadonlyArray<ReadonlyArray<string | null>>, spec = SUMMARY_FORM_SPEC) => reconcileGrid(grid, spec).issues.map((i) => [i.row, i.column, i.code, i.severity]);


/**
 * The near-poor form as luatminhkhue.vn reproduces Mẫu số 3 (three header rows, under a title),
 * filled for a district of two wards and two communes.
 */
const TITLE = ['TỔNG HỢP KẾT QUẢ ĐIỀU TRA, RÀ SOÁT HỘ CẬN NGHÈO NĂM 2024 CẤP HUYỆN', ...Array<null>(17).fill(null)];
const G1 = ['TT', 'Thành phố/ Thị xã/ huyện/', 'Tổng số hộ dân cư', 'Tổng số hộ dân cư'];
const START = 'Số hộ cận nghèo đầu năm\n(Theo Quyết định đã phê duyệt của UBND tỉnh)';
const FLOWS = 'Diễn biến hộ cận nghèo trong năm';
const END = 'Số hộ cận nghèo cuối năm';
const OFFICIAL_HEADER: string[][] = [
  [...G1, START, START, START, START, FLOWS, FLOWS, FLOWS, FLOWS, FLOWS, FLOWS, END, END, END, END],
  [...G1, START, START, START, START, 'Số hộ thoát cận nghèo', 'Số hộ thoát cận nghèo', 'Số hộ tái cận nghèo', 'Số hộ tái cận nghèo', 'Số hộ cận nghèo phát sinh', 'Số hộ cận nghèo phát sinh', END, END, END, END],
  ['TT', 'Thành phố/ Thị xã/ huyện/', 'Số hộ', 'Trong đó Hộ DTTS', 'Số hộ', 'Tỷ lệ %', 'Số hộ DTTS', 'Tỷ lệ %', 'Số hộ', 'Tỷ lệ %', 'Số hộ', 'Tỷ lệ %', 'Số hộ', 'Tỷ lệ %', 'Số hộ', 'Tỷ lệ %', 'Số hộ DTTS', 'Tỷ lệ %'],
];
const OFFICIAL_ROWS: string[][] = [
  ['I', 'Khu vực thành thị', '3.500', '80', '70', '2,00', '7', '0,20', '15', '0,43', '1', '0,03', '5', '0,14', '61', '1,74', '6', '0,17'],
  ['1', 'Phường 1', '2.000', '50', '40', '2,00', '5', '0,25', '10', '0,50', '1', '0,05', '3', '0,15', '34', '1,70', '4', '0,20'],
  ['2', 'Phường 2', '1.500', '30', '30', '2,00', '2', '0,13', '5', '0,33', '0', '0,00', '2', '0,13', '27', '1,80', '2', '0,13'],
  ['II', 'Khu vực nông thôn', '1.800', '1.000', '140', '7,78', '120', '6,67', '32', '1,78', '3', '0,17', '6', '0,33', '117', '6,50', '103', '5,72'],
  ['3', 'Xã A', '1.000', '600', '80', '8,00', '70', '7,00', '20', '2,00', '2', '0,20', '4', '0,40', '66', '6,60', '58', '5,80'],
  ['4', 'Xã B', '800', '400', '60', '7,50', '50', '6,25', '12', '1,50', '1', '0,13', '2', '0,25', '51', '6,38', '45', '5,63'],
  ['', 'Tổng cộng', '5.300', '1.080', '210', '3,96', '127', '2,40', '47', '0,89', '4', '0,08', '11', '0,21', '178', '3,36', '109', '2,06'],
];
const OFFICIAL = [TITLE, ...OFFICIAL_HEADER, ...OFFICIAL_ROWS];
/** The official grid with cells changed: [data row, column, text]. */
const planted = (...changes: ReadonlyArray<readonly [number, number, string]>): string[][] =>
  OFFICIAL.map((row, r) => row.map((cell, c) => changes.find(([dr, dc]) => dr + 4 === r && dc === c)?.[2] ?? cell ?? ''));

describe('the summary-form layout (Mẫu số 3)', () => {
  it('reads the official near-poor form as printed: three header rows under a title, two Tỷ lệ % under one group, DTTS columns', () => {
    const r = reconcileGrid(OFFICIAL, SUMMARY_FORM_SPEC);
    expect(r.issues).toEqual([]);
    expect(r.layout.header).toEqual([1, 3]);
    expect(r.layout.columns.map((c) => c.key)).toEqual(['stt', 'unit', 'households', 'households_em', 'start', 'start_rate', 'start_em', 'start_em_rate', 'exits', 'exits_rate', 're', 're_rate', 'newly', 'newly_rate', 'end', 'end_rate', 'end_em', 'end_em_rate']);
    expect(r.layout.rows.map((x) => [x.label, x.role, x.covers.length])).toEqual([
      ['Khu vực thành thị', 'group', 2],
      ['Phường 1', 'unit', 0],
      ['Phường 2', 'unit', 0],
      ['Khu vực nông thôn', 'group', 2],
      ['Xã A', 'unit', 0],
      ['Xã B', 'unit', 0],
      ['Tổng cộng', 'total', 4],
    ]);
  });

  it('a flow that does not balance: Xã B prints 3 newly near-poor households where 2 balance the flow (60 + 3 + 1 − 12 ≠ 51)', () => {
    // the newly count alone is wrong: its rate, the block and the total still print 2
    const grid = planted([5, 12, '3']);
    expect(found(grid)).toEqual([
      ['Khu vực nông thôn', 'newly', 'sum-mismatch', 'error'],
      ['Xã B', 'newly_rate', 'rate-mismatch', 'error'],
      ['Xã B', 'end', 'sum-mismatch', 'error'],
      ['Tổng cộng', 'newly', 'sum-mismatch', 'error'],
    ]);
    const flow = reconcileGrid(grid, SUMMARY_FORM_SPEC).issues.find((i) => i.column === 'end')!;
    // the form prints no moves: the balance is over the flows it prints
    expect([flow.expected, flow.relationText]).toEqual(['52', 'end = start + newly + re − exits']);
  });

  it('ethnic-minority households above the count, exits above the start, a rate out of [0, 100], a truncated rate', () => {
    expect(found(planted([4, 6, '85']))).toEqual([
      ['Khu vực nông thôn', 'start_em', 'sum-mismatch', 'error'],
      ['Xã A', 'start_em', 'inequality-broken', 'error'],
      ['Xã A', 'start_em_rate', 'rate-mismatch', 'error'],
      ['Tổng cộng', 'start_em', 'sum-mismatch', 'error'],
    ]);
    expect(reconcileGrid(planted([4, 6, '85']), SUMMARY_FORM_SPEC).issues[1]!.relationText).toBe('start_em ≤ start');
    // exits above the start and a remaining count below zero cannot both balance: the flow and the bound say so
    expect(found(planted([2, 8, '35'])).filter(([, , code]) => code === 'inequality-broken')).toEqual([['Phường 2', 'exits', 'inequality-broken', 'error']]);
    expect(found(planted([5, 5, '107,50']))).toEqual([
      ['Xã B', 'start_rate', 'rate-mismatch', 'error'],
      ['Xã B', 'start_rate', 'out-of-bounds', 'error'],
    ]);
    // Xã B's end rate cut instead of rounded: 51 ÷ 800 = 6,375 %
    const [shortcut] = reconcileGrid(planted([5, 15, '6,37']), SUMMARY_FORM_SPEC).issues;
    expect([shortcut?.severity, shortcut?.shortcut, shortcut?.expected]).toEqual(['rounding', 'truncated', '6,38']);
  });

  it('reads a two-row form with no DTTS columns (the ethnic-minority relations are then not checked)', () => {
    const grid = [
      ['STT', 'Xã, phường', 'Tổng số hộ', 'Hộ nghèo đầu năm', 'Hộ nghèo đầu năm', 'Thoát nghèo', 'Thoát nghèo', 'Tái nghèo', 'Tái nghèo', 'Hộ nghèo phát sinh', 'Hộ nghèo phát sinh', 'Hộ nghèo cuối năm', 'Hộ nghèo cuối năm'],
      ['STT', 'Xã, phường', 'Tổng số hộ', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
      ['1', 'Văn Giáo', '1.660', '139', '8,37', '50', '3,01', '0', '0,00', '0', '0,00', '89', '5,36'],
      ['2', 'An Cư', '2.524', '195', '7,73', '53', '2,10', '0', '0,00', '0', '0,00', '130', '5,15'],
      ['', 'Tổng', '4.184', '334', '7,98', '103', '2,46', '0', '0,00', '0', '0,00', '219', '5,23'],
    ];
    expect(found(grid)).toEqual([
      ['An Cư', 'end', 'sum-mismatch', 'error'],
      ['Tổng', 'end', 'sum-mismatch', 'error'],
    ]);
    expect(reconcileGrid(grid, SUMMARY_FORM_SPEC).layout.columns.map((c) => c.key)).not.toContain('start_em');
  });

  it('the library’s summary form is read back by the preset: seed 001’s poor, urban and rural blocks, no findings', () => {
    const t = expectPure(summaryFormTable, summaryForm(seedUnits, { status: 'poor', ...opts }));
    expect(t.headerRows).toBe(3);
    expect(t.grid.map((row) => row.slice(0, 3))).toContainEqual(['I', 'Khu vực thành thị', '16.194']);
    expect(t.grid[t.grid.length - 1]!.slice(0, 6)).toEqual(['', 'Tổng cộng', '30.519', '762', '2,50', '0']);
    expect(t.spec).toEqual(SUMMARY_FORM_SPEC);
    expect(reconcileGrid(t.grid, t.spec).issues).toEqual([]);
    // the plan's own Tân Lợi figure: 1,99 % remaining (2,04 − 0,05) where 43 ÷ 2.154 is 2,00 %
    const row = t.grid.findIndex((r) => r[1] === 'Tân Lợi');
    const plan = t.grid.map((r, i) => (i === row ? r.map((c, j) => (j === 14 ? '1,99' : c)) : r));
    expect(reconcileGrid(plan, LAYOUTS['summary-form']!.spec).issues.map((i) => [i.row, i.column, i.severity, i.shortcut])).toEqual([['Tân Lợi', 'end_rate', 'rounding', 'difference-of-rounded-rates']]);
  });

  it('the near-poor form with DTTS households, moves and rates of the ethnic-minority households', () => {
    const units: SummaryFormUnit[] = [
      { unit: 'Đắk Mol', area: 'rural', households: 1200, ethnicMinorityHouseholds: 300, start: 60, startEthnicMinority: 45, exits: 12, re: 1, newly: 2, movedIn: 1, movedOut: 2, end: 50, endEthnicMinority: 39 },
      { unit: 'Đắk Hòa', area: 'rural', households: 900, ethnicMinorityHouseholds: 90, start: 20, startEthnicMinority: 5, exits: 4, re: 0, newly: 1, end: 17, endEthnicMinority: 4 },
    ];
    const form = summaryForm(units, { status: 'near-poor', ethnicMinorityBase: 'ethnic-minority-households', ...opts });
    const t = summaryFormTable(form);
    expect(t.grid[1]!.slice(14, 16)).toEqual(['Số hộ chuyển đến', 'Số hộ chuyển đi']);
    expect(t.grid[0]![4]).toBe('Số hộ cận nghèo đầu năm');
    expect(t.grid[3]!.slice(2, 8)).toEqual(['2.100', '390', '80', '3,81', '50', '12,82']);
    expect(reconcileGrid(t.grid, t.spec).issues).toEqual([]);
    // read with the default base (all households), every ethnic-minority rate is off
    expect(new Set(found(t.grid).map(([, column]) => column))).toEqual(new Set(['start_em_rate', 'end_em_rate']));
    // the preset's option picks the base
    const rows = t.grid.map((r) => [...r]);
    expect(reconcileTable(tableFromLayout('summary-form', rows, { options: { 'ethnic-minority-base': 'ethnic-minority-households' } })).issues).toEqual([]);
  });

  it('vn-poverty reconcile FILE --layout summary-form: 0 for the library’s own form, 1 with a figure changed', async () => {
    const t = summaryFormTable(summaryForm(seedUnits, { status: 'poor', ...opts }));
    const good = formatCsv(t.grid);
    const bad = formatCsv(t.grid.map((r) => (r[1] === 'Văn Giáo' ? r.map((c, j) => (j === 7 ? '49' : c)) : r)));
    const io = captureIo({ files: { 'form.csv': good, 'bad.csv': bad } });
    expect(await runCli(['reconcile', 'form.csv', '--layout', 'summary-form'], io)).toBe(EXIT_OK);
    expect(await runCli(['reconcile', 'bad.csv', '--layout', 'summary-form'], io)).toBe(EXIT_FINDINGS);
    // the changed figure is the exits: the area and grand totals and the row's end all hold with 50 there, its rate is that of 50
    expect(io.out()).toContain('Văn Giáo · exits: printed 49, expected 50 — Khu vực nông thôn · exits adds up to 146 with 50 here, Văn Giáo · end adds up to 89 with 50 here, Tổng cộng · exits adds up to 154 with 50 here');
    expect(io.out()).toContain('(its rate 3,01 is that of 50)');
  });

  it('is a spec the schema accepts, registered in LAYOUTS, with its options', () => {
    expect(LAYOUTS['summary-form']).toBe(summaryFormLayout);
    expect(tableSpecSchema.safeParse(summaryFormSpec({ ethnicMinorityBase: 'ethnic-minority-households', rounding: 'half-even' })).success).toBe(true);
    expect(summaryFormLayout.options.map((o) => [o.name, o.default])).toEqual([
      ['rounding', 'half-up'],
      ['ethnic-minority-base', 'households'],
    ]);
  });

  describe('properties', () => {
    const unitArb = (i: number, withEm: boolean): fc.Arbitrary<SummaryFormUnit> =>
      fc
        .record({
          area: fc.constantFrom('urban' as const, 'rural' as const),
          households: fc.integer({ min: 0, max: 3000 }),
          ethnicMinorityHouseholds: fc.integer({ min: 0, max: 3000 }),
          start: fc.nat(200),
          startEthnicMinority: fc.nat(200),
          exits: fc.nat(200),
          re: fc.nat(10),
          newly: fc.nat(20),
          endDelta: fc.integer({ min: -2, max: 2 }),
          endEthnicMinority: fc.nat(200),
        })
        .map(({ endDelta, ethnicMinorityHouseholds, ...u }) => ({
          unit: `Xã ${i + 1}`,
          ...u,
          ...(withEm ? { ethnicMinorityHouseholds } : {}),
          // mostly balanced flows, sometimes one or two off
          end: Math.max(0, u.start + u.newly + u.re - u.exits + (endDelta === 2 ? 1 : 0)),
        }));
    const formArb = fc
      .record({ n: fc.integer({ min: 1, max: 5 }), withEm: fc.boolean(), base: fc.constantFrom<EthnicMinorityBase>('households', 'ethnic-minority-households') })
      .chain(({ n, withEm, base }) => fc.record({ units: fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(i, withEm || base === 'ethnic-minority-households'))), base: fc.constant(base) }));

    it('the preset finds an error exactly when the summary form has a finding', () => {
      fc.assert(
        fc.property(formArb, fc.constantFrom('poor' as const, 'near-poor' as const), ({ units, base }, status) => {
          const form = summaryForm(units, { status, ethnicMinorityBase: base, ...opts });
          const t = summaryFormTable(form);
          const report = reconcileGrid(t.grid, t.spec);
          expect(report.ok, JSON.stringify(form.findings)).toBe(form.ok);
          expect(report.roundings).toBe(0);
        }),
      );
    });
  });
});
