import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { reconcileInferred } from '../../src/documents/reconcileInferred.js';
import { fraction } from '../../src/numbers/fraction.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { roundQuotient } from '../../src/numbers/rounding.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';

// “Giảm bình quân/năm (%)” beside the rate at the start and the target only (no counts): (start − target) ÷ years,
// half-up to the decimals printed, the years from the headers (2030 − 2025 = 5).

const brief = (f: CheckFinding): string => `${f.code} @${f.location.row}:${f.location.column} ${f.printed ?? ''}`;
const HEADER = ['STT', 'Đơn vị', 'Tỷ lệ hộ nghèo đầu kỳ 2025 (%)', 'Mục tiêu 2030 (%)', 'Giảm bình quân/năm (%)'];
/** Communes with their start rate, target and yearly reduction; Xã Yên Ninh's reduction as given. */
const body = (yenNinh: string): string[][] => [
  ['1', 'Xã Bình Yên', '8,45', '3,20', '1,05'],
  ['2', 'Xã Yên Ninh', '12,30', '5,00', yenNinh],
  ['3', 'Xã Phú Tiến', '6,18', '2,50', '0,74'],
  ['4', 'Xã Kim Phượng', '15,07', '6,00', '1,81'],
];

async function sheet(yenNinh: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 4');
  ws.addRow(HEADER);
  for (const r of body(yenNinh)) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const findings = async (yenNinh: string): Promise<string[]> => checkDocument(await readXlsxDocument(await sheet(yenNinh))).findings.map(brief);
const tableOf = (rows: string[][]): DocumentTable => documentModel([{ kind: 'table', rows: [HEADER, ...rows] }]).blocks[0] as DocumentTable;

describe('“Giảm bình quân/năm (%)” beside the start rate and the 2030 target', () => {
  it('Xã Yên Ninh’s 1,64 for 1,46 ((12,30 − 5,00) ÷ 5) is found at its cell; the twin gives no finding', async () => {
    expect(await findings('1,46')).toEqual([]);
    expect(await findings('1,64')).toEqual(['average-mismatch @3:5 1,64']);
  });

  it('the relation names the years from the headers', () => {
    const r = reconcileInferred(tableOf(body('1,64')));
    expect(r.inferred.layout.relations).toContainEqual(expect.objectContaining({ type: 'average', parts: [expect.any(String)], minus: [expect.any(String)], over: 5 }));
    expect(r.issues.map((i) => i.message).join('\n')).toContain('expected 1,46');
  });

  it('any reduction printed as (start − target) ÷ years, half-up, holds; one more or less in its last digit is found (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 300, max: 4_000 }), fc.integer({ min: 0, max: 299 })), { minLength: 3, maxLength: 6 }), fc.integer({ min: 0, max: 5 }), fc.boolean(), (pairs, k, up) => {
        const two = (units: bigint): string => formatVnNumber(fraction(units, 100n), { decimals: 2 });
        const rows = pairs.map(([start, target], i) => [String(i + 1), `Xã ${i + 1}`, two(BigInt(start)), two(BigInt(target)), two(roundQuotient(BigInt(start - target), 5n, 'half-up'))]);
        expect(reconcileInferred(tableOf(rows)).issues).toEqual([]);
        const at = k % rows.length;
        const wrong = rows.map((r, i) => (i === at ? [...r.slice(0, 4), two(roundQuotient(BigInt(pairs[i]![0] - pairs[i]![1]), 5n, 'half-up') + (up ? 1n : -1n))] : r));
        expect(reconcileInferred(tableOf(wrong)).issues.map((i) => i.rowKey)).toHaveLength(1);
      }),
      { numRuns: 30 },
    );
  });
});
