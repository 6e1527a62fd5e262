import { join } from 'node:path';
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
    const rows = [['Mã hộ', 'Khu vực', 'Thu nhập', 'Tuổi các thành viên', 'Nước sạch'], ['H1', 'nông thôn', '3.000.000', '40;12', 'có']];
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
