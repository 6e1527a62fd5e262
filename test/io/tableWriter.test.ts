import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/_internal/_decimal.js';
import type { CellValue } from '../../src/io/columns.js';
import { readRecords } from '../../src/io/readRecords.js';
import { readCell } from '../../src/io/columns.js';
import { columnSpecsOf, formatCellText, openTableWriter, writeTable, type TableColumn } from '../../src/io/tableWriter.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { tempDirs } from '../_helpers/tempDirs.js';

interface Row {
  readonly code: string;
  readonly name: string;
  readonly households: bigint;
  readonly poor: bigint | null;
  readonly rate: Decimal;
  readonly budget: bigint;
  readonly reviewed: string;
  readonly urban: boolean;
}

const COLUMNS: ReadonlyArray<TableColumn<Row>> = [
  { key: 'code', vi: 'Mã xã', en: 'Commune code', kind: 'text', value: (r) => r.code },
  { key: 'name', vi: 'Tên xã', en: 'Commune', kind: 'text', value: (r) => r.name },
  { key: 'households', vi: 'Tổng số hộ', en: 'Households', kind: 'count', value: (r) => r.households },
  { key: 'poor', vi: 'Số hộ nghèo', en: 'Poor households', kind: 'count', value: (r) => r.poor },
  { key: 'rate', vi: 'Tỷ lệ hộ nghèo (%)', en: 'Poverty rate (%)', kind: 'rate', value: (r) => r.rate },
  { key: 'budget', vi: 'Kinh phí (đồng)', en: 'Budget (dong)', kind: 'amount', value: (r) => r.budget },
  { key: 'reviewed', vi: 'Ngày rà soát', en: 'Review date', kind: 'date', value: (r) => r.reviewed },
  { key: 'urban', vi: 'Thành thị', en: 'Urban', kind: 'boolean', value: (r) => r.urban },
];

// seed 001 (Tịnh Biên 2024 plan) commune table, first rows, with invented budgets and dates
const SEED_ROWS: Row[] = [
  { code: '30316', name: 'Phường Nhà Bàng', households: 4_207n, poor: 64n, rate: new Decimal('1.52'), budget: 68_730_000_000n, reviewed: '2024-12-14', urban: true },
  { code: '30319', name: 'Xã Nhơn Hưng, "Tịnh Biên"', households: 1_620n, poor: null, rate: new Decimal('0'), budget: 0n, reviewed: '2024-02-29', urban: false },
  { code: '00001', name: 'dòng một\ndòng hai; ba', households: 9_007_199_254_740_993n, poor: 1_171n, rate: new Decimal('100.05'), budget: 1_234_567_890_123_456_789n, reviewed: '2025-07-01', urban: false },
];

const dir = tempDirs('vnp-write-');

async function readBack(path: string): Promise<Array<Record<string, CellValue>>> {
  const out: Array<Record<string, CellValue>> = [];
  for await (const r of readRecords(path, columnSpecsOf(COLUMNS))) out.push({ ...r.values });
  return out;
}

function asValues(rows: readonly Row[]): Array<Record<string, CellValue>> {
  return rows.map((r) => ({ ...r, rate: r.rate }));
}

function comparable(rows: Array<Record<string, CellValue>>): unknown {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Decimal ? `D${v.toFixed(2)}` : typeof v === 'bigint' ? `${v}n` : v])));
}

describe('writeTable', () => {
  it('writes CSV with Vietnamese numbers and bilingual headers that reads back identically', async () => {
    const path = join(dir(), 'xa.csv');
    expect(await writeTable(path, COLUMNS, SEED_ROWS)).toBe(3);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFFMã xã (Commune code),Tên xã (Commune),Tổng số hộ (Households)')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('30316,Phường Nhà Bàng,4.207,64,"1,52",68.730.000.000,2024-12-14,có');
    expect(comparable(await readBack(path))).toEqual(comparable(asValues(SEED_ROWS)));
  });

  it('writes plain numbers and English headers when asked, and still reads back', async () => {
    const path = join(dir(), 'xa.csv');
    await writeTable(path, COLUMNS, SEED_ROWS, { numbers: 'plain', headers: 'en', delimiter: ';', bom: false });
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines[0]).toBe('Commune code;Commune;Households;Poor households;Poverty rate (%);Budget (dong);Review date;Urban');
    expect(lines[1]).toBe('30316;Phường Nhà Bàng;4207;64;1.52;68730000000;2024-12-14;có');
    const back: Array<Record<string, CellValue>> = [];
    for await (const r of readRecords(path, columnSpecsOf(COLUMNS), { delimiter: ';' })) back.push({ ...r.values });
    expect(comparable(back)).toEqual(comparable(asValues(SEED_ROWS)));
  });

  it('writes an XLSX that the library reads back identically (numbers stay numbers, big ones text)', async () => {
    const path = join(dir(), 'xa.xlsx');
    await writeTable(path, COLUMNS, SEED_ROWS);
    expect(comparable(await readBack(path))).toEqual(comparable(asValues(SEED_ROWS)));
  });

  it('refuses a rate that needs rounding when the column names none, and a wrong kind', async () => {
    const path = join(dir(), 'x.csv');
    const writer = await openTableWriter(path, COLUMNS);
    await expect(writer.write({ ...SEED_ROWS[0]!, rate: new Decimal('1.525') })).rejects.toThrow(/rounding/);
    await expect(writer.write({ ...SEED_ROWS[0]!, households: 'many' as unknown as bigint })).rejects.toBeInstanceOf(VnPovertyError);
    await writer.close();
    const rounded: TableColumn<Row>[] = COLUMNS.map((c) => (c.key === 'rate' ? { ...c, rounding: 'half-up' as const } : c));
    await writeTable(path, rounded, [{ ...SEED_ROWS[0]!, rate: new Decimal('1.525') }]);
    expect(readFileSync(path, 'utf8').split('\r\n')[1]).toContain('"1,53"');
  });

  describe('properties', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Ư', 'ệ', ',', ';', '"', '\n', ' ', '0', '.') }).filter((s) => s.trim() === s && s !== '');
    const row: fc.Arbitrary<Row> = fc.record({
      code: text,
      name: text,
      households: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      poor: fc.option(fc.bigInt({ min: 0n, max: 10n ** 6n })),
      rate: fc.integer({ min: 0, max: 10_000 }).map((h) => new Decimal(h).div(100)),
      budget: fc.bigInt({ min: 0n, max: 10n ** 16n }),
      reviewed: fc.date({ min: new Date(Date.UTC(2016, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      urban: fc.boolean(),
    });
    it('a value written as CSV text reads back as the same value, for every kind', () => {
      const at = { row: 2, column: 1, header: 'x' };
      const kinds = fc.oneof(
        fc.record({ kind: fc.constant('count' as const), value: fc.bigInt({ min: 0n, max: 10n ** 18n }) }),
        fc.record({ kind: fc.constant('amount' as const), value: fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }) }),
        fc.record({ kind: fc.constant('rate' as const), value: fc.integer({ min: 0, max: 1_000_000 }).map((h) => new Decimal(h).div(100)) }),
        fc.record({ kind: fc.constant('boolean' as const), value: fc.boolean() }),
        fc.record({ kind: fc.constant('text' as const), value: text }),
      );
      fc.assert(
        fc.property(kinds, fc.constantFrom('vi' as const, 'plain' as const), ({ kind, value }, numbers) => {
          const back = readCell(formatCellText({ kind }, value, numbers), { hint: kind }, at);
          expect(back instanceof Decimal ? back.toString() : back).toEqual(value instanceof Decimal ? value.toString() : value);
        }),
      );
    });
    it('written then read gives the rows back (CSV, one file of generated rows per number style)', async () => {
      const rows = fc.sample(row, { numRuns: 400, seed: 7 });
      for (const numbers of ['vi', 'plain'] as const) {
        const path = join(dir(), `sample-${numbers}.csv`);
        await writeTable(path, COLUMNS, rows, { numbers });
        expect(comparable(await readBack(path))).toEqual(comparable(asValues(rows)));
      }
    });
    it('written then read gives the rows back (XLSX, one workbook of generated rows)', async () => {
      const rows = fc.sample(row, { numRuns: 400, seed: 42 });
      const path = join(dir(), 'sample.xlsx');
      await writeTable(path, COLUMNS, rows);
      expect(comparable(await readBack(path))).toEqual(comparable(asValues(rows)));
    });
  });
});
