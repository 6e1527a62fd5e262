import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { captureIo } from '../_helpers/cliIo.js';
import { bytesOf, type Cell } from '../_helpers/officialSheets.js';
import { tempDirs } from '../_helpers/tempDirs.js';

// One wrong cell breaks several relations, each by the same difference: the finding is that cell, the broken
// relations its consequences folded into it — never a finding at a cell that is right.

const tempDir = tempDirs('vnp-one-wrong-cell-');
const brief = (f: CheckFinding): string => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`;
const check = async (bytes: Promise<Uint8Array>): Promise<string[]> => checkDocument(await readXlsxDocument(await bytes)).findings.map(brief);

/**
 * A district's near-poor flow of 2024 by commune (Biểu số 03): two groups of communes (I, II), each the sum of its
 * communes, “Tổng cộng (I+II)” the sum of the communes, and “5=2-3+4” under the header. Xã Long Sơn's exits are
 * `exits` (46 as reported).
 */
function nearPoorFlow(exits: number): Promise<Uint8Array> {
  const communes: Array<[string, string, number, number, number, number]> = [
    ['1', 'Xã Thuận An', 236, 39, 7, 204],
    ['2', 'Xã Đức Minh', 249, 18, 24, 255],
    ['3', 'Xã Đắk Sắk', 119, 15, 15, 119],
    ['4', 'Xã Long Sơn', 278, exits, 10, 242],
    ['5', "Xã Đắk N'Drót", 183, 53, 6, 136],
    ['6', "Xã Đắk R'La", 103, 8, 3, 98],
  ];
  const first: Array<[string, string, number, number, number, number]> = [
    ['1', 'Thị trấn Đắk Mil', 197, 52, 7, 152],
    ['2', 'Xã Đức Mạnh', 181, 29, 25, 177],
    ['3', 'Xã Đắk Lao', 83, 15, 21, 89],
  ];
  const sum = (rows: typeof communes, k: 2 | 3 | 4 | 5, fixed = false): number => rows.reduce((s, r) => s + (fixed && r[1] === 'Xã Long Sơn' && k === 3 ? 46 : r[k]), 0);
  const group = (n: string, name: string, rows: typeof communes): Cell[] => [n, name, sum(rows, 2), sum(rows, 3, true), sum(rows, 4), sum(rows, 5)];
  const all = [...first, ...communes];
  const body: Cell[][] = [group('I', 'Thị trấn và các xã vùng I', first), ...first, group('II', 'Các xã vùng II, III', communes), ...communes, ['', 'Tổng cộng (I+II)', sum(all, 2), sum(all, 3, true), sum(all, 4), sum(all, 5)]];
  return bytesOf([
    {
      name: 'CN',
      title: ['UBND HUYỆN ĐẮK MIL', 'BIẾN ĐỘNG HỘ CẬN NGHÈO NĂM 2024', 'ĐVT: hộ'],
      header: [
        ['STT', 'Đơn vị', 'Hộ cận nghèo đầu năm', 'Biến động trong năm', null, 'Hộ cận nghèo cuối năm'],
        [null, null, null, 'Số hộ thoát cận nghèo', 'Số hộ cận nghèo phát sinh', null],
        ['A', 'B', '2', '3', '4', '5=2-3+4'],
      ],
      headerMerges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2'],
      body,
    },
  ]);
}

/** A district's review by commune (ĐVT: hộ, %), “8=4+6” under the header; the total's poor households printed `poor` (1.158 right), its “8” computed from it. */
function reviewByCommune(poor: number): Promise<Uint8Array> {
  const communes: Array<[string, number, number, number]> = [
    ['Xã Quảng Phú', 3662, 63, 93],
    ['Xã Quảng Thọ', 3190, 136, 201],
    ['Xã Quảng Thành', 3040, 214, 85],
    ['Xã Quảng An', 3069, 52, 164],
    ['Xã Quảng Điền', 4351, 105, 128],
    ['Xã Quảng Lợi', 1514, 220, 157],
    ['Xã Quảng Thái', 4017, 228, 71],
    ['Thị trấn Sịa', 3456, 140, 145],
  ];
  const pct = (x: number, of: number): string => ((Math.round((x / of) * 10000) / 100).toFixed(2)).replace('.', ',');
  const row = (n: string, name: string, hh: number, p: number, near: number): Cell[] => [n, name, hh, p, pct(p, hh), near, pct(near, hh), p + near, pct(p + near, hh)];
  const hh = communes.reduce((s, c) => s + c[1], 0);
  const near = communes.reduce((s, c) => s + c[3], 0);
  return bytesOf([
    {
      name: 'TH',
      title: ['UBND HUYỆN QUẢNG ĐIỀN', 'TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024', 'ĐVT: hộ, %'],
      header: [
        ['TT', 'Xã, thị trấn', 'Tổng số hộ', 'Hộ nghèo', null, 'Hộ cận nghèo', null, 'Tổng hộ nghèo, cận nghèo', null],
        [null, null, null, 'Số hộ', 'Tỷ lệ', 'Số hộ', 'Tỷ lệ', 'Số hộ', 'Tỷ lệ'],
        ['1', '2', '3', '4', '5=4/3', '6', '7=6/3', '8=4+6', '9=8/3'],
      ],
      headerMerges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:G1', 'H1:I1'],
      body: [...communes.map((c, i) => row(String(i + 1), c[0], c[1], c[2], c[3])), row('', 'Tổng', hh, poor, near)],
    },
  ]);
}

async function reconcile(bytes: Promise<Uint8Array>): Promise<string[]> {
  const path = join(tempDir(), 'bieu.xlsx');
  writeFileSync(path, await bytes);
  const io = captureIo();
  await runCli(['reconcile', path], io);
  return io.out().split('\n').filter((l) => l.startsWith('error'));
}

describe('one wrong cell, several broken relations, named once', () => {
  it('a commune\'s exits typed 50 for 46: its group\'s sum, its end-of-year flow and the grand total are one finding at the cell', async () => {
    // before: three findings, none at the cell (the group's exits, the commune's end count, the grand total's exits)
    // (sheet rows: 3 title lines, 3 header rows; Xã Long Sơn on row 15, exits in column D)
    expect(await check(nearPoorFlow(50))).toEqual(['sum-mismatch @15:4 50']);
    const errors = await reconcile(nearPoorFlow(50));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Xã Long Sơn · Số hộ thoát cận nghèo: printed 50, expected 46');
    expect(await check(nearPoorFlow(46))).toEqual([]);
  });

  it('whatever the slip in a commune\'s exits, the one finding is at that cell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -40, max: 40 }).filter((d) => d !== 0), async (d) => {
        expect(await check(nearPoorFlow(46 + d))).toEqual([`sum-mismatch @15:4 ${46 + d}`]);
      }),
      { numRuns: 8 },
    );
  });

  it('the total\'s poor households typed 1.258 for 1.158: its “8=4+6” beside it, computed from it, is no second error', async () => {
    // before: two findings, the total's poor households and its “Tổng hộ nghèo, cận nghèo” that follows from them
    // (its rate 4,78 is that of 1.258 too: checked on the printed count, as the sheet computed it)
    const found = await check(reviewByCommune(1258));
    expect(found).toEqual(['sum-mismatch @15:4 1258']);
    const errors = await reconcile(reviewByCommune(1258));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('follows from it (Tổng hộ nghèo, cận nghèo · Số hộ = Hộ nghèo · Số hộ + Hộ cận nghèo · Số hộ, as printed)');
    expect(await check(reviewByCommune(1158))).toEqual([]);
  });
});
