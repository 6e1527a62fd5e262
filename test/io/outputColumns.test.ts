import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { expectDeepFrozen } from '../_helpers/purity.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { fixturePath, readFixture } from '../_helpers/fixtures.js';
import { formatCsv, parseCsv } from '../../src/io/csv.js';
import { RECONCILIATION_REPORT_COLUMNS } from '../../src/io/outputColumns.js';
import { readPlanTable } from '../../src/io/readAreaTables.js';
import { readHouseholdRegister } from '../../src/io/readHouseholdRegister.js';
import { readRecords } from '../../src/io/readRecords.js';
import { columnSpecsOf, writeTable, type TableColumn } from '../../src/io/tableWriter.js';
import { tableFromLayout } from '../../src/layouts.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';

// Seed 001 (Tịnh Biên 2024 plan), the commune table as the reconcile tests hold it.
const SEED001_PATH = fixturePath('seed001-communes.csv');
const SEED001 = readFixture('seed001-communes.csv');
const reportDir = tempDirs('vnp-report-');
const pureDir = tempDirs('vnp-pure-');

describe('plan tables and reports from seed 001', () => {
  it('reads the seed 001 commune table as area counts (fixture line 2: Thành thị 16.194 households, 113 poor, 412 near-poor)', async () => {
    const figures = await readPlanTable(SEED001_PATH);
    expect(figures).toHaveLength(17);
    expect(figures[0]).toMatchObject({ unit: 'Thành thị', households: 16_194, poor: 113, nearPoor: 412 });
    expect(figures[16]).toMatchObject({ unit: 'Tổng', households: 30_519, poor: 762, nearPoor: 723 });
    expectDeepFrozen(figures);
  });

  it('writes the seed 001 reconciliation report to CSV and XLSX and reads it back identically', async () => {
    const report = reconcileTable(tableFromLayout('commune-targets', parseCsv(SEED001), { source: 'seed001.csv' }));
    expect(report.issues.length).toBeGreaterThan(0);
    const expected = report.issues.map((i) => RECONCILIATION_REPORT_COLUMNS.map((c) => c.value(i)));
    const dir = reportDir();
    for (const file of ['bao-cao.csv', 'bao-cao.xlsx']) {
      const path = join(dir, file);
      expect(await writeTable(path, RECONCILIATION_REPORT_COLUMNS, report.issues)).toBe(report.issues.length);
      const back: unknown[][] = [];
      for await (const r of readRecords(path, columnSpecsOf(RECONCILIATION_REPORT_COLUMNS as ReadonlyArray<TableColumn<never>>))) {
        back.push(RECONCILIATION_REPORT_COLUMNS.map((c) => r.values[c.key] ?? null));
      }
      expect(back).toEqual(expected.map((row) => row.map((v) => (v === '' ? null : v))));
    }
  });
});

describe('purity of the readers and writers', () => {
  it('records and register households are frozen; written rows are not mutated', async () => {
    const rows = [['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', 'Nước sạch'], ['H1', 'nông thôn', '3.000.000', '40;12', 'có']];
    for await (const r of readRecords(Readable.from([formatCsv(rows)]), [{ key: 'id', hint: 'text', vi: 'Mã hộ', en: 'Household id' }])) expectDeepFrozen(r);
    for await (const h of readHouseholdRegister(Readable.from([formatCsv(rows)]))) expectDeepFrozen(h);
    const data = [{ a: 'x', n: 1n }];
    const before = JSON.stringify(data, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    await writeTable(join(pureDir(), 'p.xlsx'), [
      { key: 'a', vi: 'A', en: 'A', kind: 'text', value: (r: { a: string }) => r.a },
      { key: 'n', vi: 'N', en: 'N', kind: 'count', value: (r: { n: bigint }) => r.n },
    ], data);
    expect(JSON.stringify(data, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).toBe(before);
  });
});

describe('the Difference column of a reconciliation report', () => {
  // a commune's near-poor rate printed 1,00 where 4 ÷ 300 × 100 gives 1,33; the total row's figures add up
  const plan = (b: string) =>
    [
      'stt,unit,role,households,poor_start,poor_start_rate,poor_exit,poor_exit_rate,poor_end,poor_end_rate,near_poor_start,near_poor_start_rate,near_poor_exit,near_poor_exit_rate,near_poor_end,near_poor_end_rate',
      '1,A,unit,100,10,"10,00",1,"1,00",9,"9,00",5,"5,00",1,"1,00",4,"4,00"',
      `2,B,unit,300,10,"3,33",1,"0,33",9,"3,00",5,"1,67",1,"0,33",4,"${b}"`,
      ',Tổng,total,400,20,"5,00",2,"0,50",18,"4,50",10,"2,50",2,"0,50",8,"2,00"',
    ].join('\n');
  const reportCsv = async (text: string): Promise<string[][]> => {
    const path = join(reportDir(), 'ket-qua.csv');
    await writeTable(path, RECONCILIATION_REPORT_COLUMNS, reconcileTable(tableFromLayout('commune-targets', parseCsv(text))).issues);
    return parseCsv((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  };

  it('writes a negative difference as a Vietnamese number like Printed and Expected, not as guarded English text', async () => {
    const [header, ...rows] = await reportCsv(plan('1,00'));
    const at = (name: string) => header!.findIndex((h) => h.startsWith(name));
    const row = rows.find((r) => r[at('Cột')] === 'near_poor_end_rate' && r[at('Dòng (Row)')] === '3');
    expect(row?.[at('Số in')]).toBe('1,00');
    expect(row?.[at('Số đúng')]).toBe('1,33');
    expect(row?.[at('Chênh lệch')]).toBe('-0,33');
  });

  it('a correct commune row gives no finding to write', async () => {
    const [, ...rows] = await reportCsv(plan('1,33'));
    expect(rows.filter((r) => r[2] === 'near_poor_end_rate')).toEqual([]);
  });
});
