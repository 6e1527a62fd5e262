import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { reconcileInferred } from '../../src/documents/reconcileInferred.js';
import { parseCsv } from '../../src/io/csv.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import type { PrintedTable } from '../../src/reconcile/printedTable.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import { readFixture } from '../_helpers/fixtures.js';

// One wrong cell, one finding at it: printed tables (test/fixtures/documents/follow-on/, each with its error-free
// twin) where a wrong figure used to be reported again at the cells that only follow from it, or not at all.

/** A CSV as `reconcile FILE.csv` reads it: the grid as a document table, the layout inferred, findings attributed. */
const reconcileCsv = (name: string) => {
  const rows = parseCsv(readFixture(`documents/follow-on/${name}`)).map((r) => r.map((text) => ({ text, rowSpan: 1, colSpan: 1 })));
  return reconcileInferred(documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable, { attribute: true });
};
const brief = (r: ReturnType<typeof reconcileCsv>): string[] => r.issues.map((i) => `${i.code} ${i.row} · ${i.column} ${i.printed} → ${i.expected ?? ''}`);

describe('a wrong base total: the rates that are right for the total the rows give are not findings', () => {
  it('households total 7.124 for 7.142: one finding there, its two rates named right for 7.142 (before: two more findings at them)', () => {
    const r = reconcileCsv('base-total.csv');
    expect(brief(r)).toEqual(['rate-mismatch Xã Nong U · Hộ nghèo · Tỷ lệ (%) 18,73 → 17,83', 'sum-mismatch Tổng cộng · Tổng số hộ 7.124 → 7.142']);
    expect(r.issues[1]!.message).toContain('its rates 13,30 (Hộ nghèo · Tỷ lệ (%)) and 11,62 (Hộ cận nghèo · Tỷ lệ (%)) are right for 7.142');
    expect(reconcileCsv('base-total.clean.csv').issues).toEqual([]);
  });

  it('the same in a written plan through the document checker (Tổng cộng 1.824 for 1.842)', () => {
    const tableFindings = (name: string): string[] =>
      checkDocument(readTextDocument(readFixture(`documents/follow-on/${name}`))).findings.filter((f) => f.location.row !== undefined).map((f) => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`);
    expect(tableFindings('commune-plan.txt')).toEqual(['rate-mismatch @4:5 8,24', 'sum-mismatch @7:3 1.824']);
    expect(tableFindings('commune-plan.clean.txt')).toEqual([]);
  });

  it('a rate wrong for the right base too is still a finding', () => {
    const text = readFixture('documents/follow-on/base-total.csv').replace(',"13,30",', ',"13,03",');
    const rows = parseCsv(text).map((row) => row.map((t) => ({ text: t, rowSpan: 1, colSpan: 1 })));
    const r = reconcileInferred(documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable, { attribute: true });
    expect(r.issues.map((i) => `${i.row} · ${i.column} ${i.printed}`)).toEqual(['Xã Nong U · Hộ nghèo · Tỷ lệ (%) 18,73', 'Tổng cộng · Tổng số hộ 7.124', 'Tổng cộng · Hộ nghèo · Tỷ lệ (%) 13,03']);
  });
});

describe('change columns under a group header (“Biến động trong kỳ › Thoát nghèo | Phát sinh mới”)', () => {
  it('are read as households, the flow inferred, and a wrong end count found at its cell (before: read as amounts, the right subtotals blamed)', () => {
    const r = reconcileCsv('flow-group.csv');
    expect(r.inferred.layout.columns.filter((c) => /Biến động/.test(c.header)).map((c) => c.kind)).toEqual(['count', 'count']);
    expect(brief(r)).toEqual(['difference-mismatch Xã Nậm Loỏng · Hộ nghèo cuối kỳ · Số hộ 123 → 132']);
    expect(reconcileCsv('flow-group.clean.csv').issues).toEqual([]);
  });

  it('“động” is not “đồng”: Lao động and Huy động are no money unit, “(triệu đồng)” and an unmarked “dong” are', () => {
    const table = (headers: readonly string[]): DocumentTable => {
      const body = [['1', 'Xã A', '120', '35'], ['2', 'Xã B', '98', '27'], ['3', 'Xã C', '143', '41']];
      return documentModel([{ kind: 'table', rows: [['STT', 'Xã', ...headers], ...body].map((r) => r.map((text) => ({ text, rowSpan: 1, colSpan: 1 }))) }]).blocks[0] as DocumentTable;
    };
    const kinds = (headers: readonly string[]): string[] => reconcileInferred(table(headers)).inferred.layout.columns.slice(2).map((c) => c.kind);
    expect(kinds(['Số lao động được hỗ trợ', 'Biến động'])).toEqual(['count', 'count']);
    expect(kinds(['Kinh phí (triệu đồng)', 'Kinh phi (trieu dong)'])).toEqual(['amount', 'amount']);
    expect(kinds(['Cộng đồng được hỗ trợ', 'Số tiền (đồng)'])).toEqual(['count', 'amount']);
  });
});

describe('a total wrong, one of its parts wrong too', () => {
  it('one finding at the total, expected what the right parts give (before: two, expecting 16.015 and 16.375)', () => {
    const r = reconcileCsv('total-and-part.csv');
    expect(brief(r)).toEqual(['sum-mismatch Dự án 5: Hỗ trợ nhà ở · Tổng số 4.260 → 4.620', 'sum-mismatch Tổng cộng · Tổng số 16.735 → 16.375']);
    expect(r.issues[1]!.message).toContain("so does Tổng cộng = sum of 6 rows");
    expect(r.issues[1]!.message).toContain("with Dự án 5: Hỗ trợ nhà ở's 4.620 (printed 4.260)");
    expect(reconcileCsv('total-and-part.clean.csv').issues).toEqual([]);
  });

  it('with no other relation at the total, its sum finding expects what the right parts give', () => {
    // a flow checked in the communes' rows only: Xã B's end 61 for 51, the total's end 165 for 160 (the printed ends add up to 170)
    const flow: PrintedTable = {
      columns: ['start', 'exit', 'new', 'end'].map((key) => ({ key, kind: 'count' as const })),
      rows: [
        { key: 'a', label: 'Xã A', cells: { start: '50', exit: '10', new: '3', end: '43' } },
        { key: 'b', label: 'Xã B', cells: { start: '60', exit: '12', new: '3', end: '61' } },
        { key: 'c', label: 'Xã C', cells: { start: '70', exit: '7', new: '3', end: '66' } },
        { key: 't', label: 'Tổng cộng', cells: { start: '180', exit: '29', new: '9', end: '165' } },
      ],
      relations: [
        { type: 'row-total', row: 't', parts: ['a', 'b', 'c'], columns: ['start', 'exit', 'new', 'end'] },
        { type: 'difference', column: 'end', from: 'start', minus: ['exit'], plus: ['new'], rows: ['a', 'b', 'c'] },
      ],
    };
    const show = (r: ReturnType<typeof reconcileTable>): string[] => r.issues.map((i) => `${i.row} · ${i.column} ${i.printed} → ${i.expected ?? ''}`);
    expect(show(reconcileTable(flow))).toEqual(['Xã B · end 61 → 51', 'Tổng cộng · end 165 → 170']);
    const r = reconcileTable(flow, { attribute: true });
    expect(show(r)).toEqual(['Xã B · end 61 → 51', 'Tổng cộng · end 165 → 160']);
    expect([r.issues[1]!.difference, r.errors]).toEqual(['5', 2]);
    expect(r.issues[1]!.message).toContain("with Xã B's 51 (printed 61)");
  });
});
