import fc from 'fast-check';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/csv.js';
import { readAmountHeader } from '../../src/io/amountHeader.js';
import { readHouseholdRegister, type RegisterHousehold } from '../../src/io/readHouseholdRegister.js';
import { classifyHousehold } from '../../src/standards/classifyHousehold.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { rejectedError } from '../_helpers/errors.js';
import { expectOutcome, expectRefused, flagCells, registerHeader, writeCsv } from './_hostile.js';

const dir = tempDirs('vnp-hostile-income-');

async function read(rows: string[][]): Promise<RegisterHousehold[]> {
  const out: RegisterHousehold[] = [];
  for await (const h of readHouseholdRegister(Readable.from([formatCsv(rows)]), { source: 'ho.csv' })) out.push(h);
  return out;
}

/** One rural household of four (the NĐ 07/2021 rural line is 1,500,000 đ per person per month: 6,000,000 for four). */
const household = (income: string, deprived: string[] = []): string[] => ['H1', '30316', 'nông thôn', income, '40;38;10;7', ...flagCells(deprived)];

describe('income headers carry their unit and period', () => {
  it('converts nghìn đồng, triệu đồng and yearly figures exactly to monthly đồng', async () => {
    const cases: Array<[string, string, bigint, string]> = [
      ['Thu nhập/tháng (đồng)', '6.000.000', 6_000_000n, '1'],
      ['Thu nhập/tháng (nghìn đồng)', '6.000', 6_000_000n, '1'],
      ['Thu nhập (nghìn đồng/tháng)', '20.000', 20_000_000n, '1'],
      ['Thu nhập (đồng/năm)', '72.000.000', 6_000_000n, '1'],
      ['Thu nhập của hộ/năm (triệu đồng)', '72', 6_000_000n, '1'],
      ['Annual household income (million VND)', '72,5', 6_041_667n, '3'],
      ['Income per capita per month (VND)', '1.500.000', 6_000_000n, '1'],
      ['Thu nhập bình quân đầu người/năm (nghìn đồng)', '18.000', 6_000_000n, '1'],
      ['Monthly income (dong)', '6.000.001', 6_000_001n, '1'],
      // abbreviations registers print: TN, TNBQ, BQ, 1.000đ, nghìn đ, tr.đ, trđ
      ['Thu nhập BQ đầu người/tháng (đồng)', '1.500.000', 6_000_000n, '1'],
      ['TNBQ (đồng/người/tháng)', '1.500.000', 6_000_000n, '1'],
      ['Thu nhập bình quân (1.000đ/người/tháng)', '1.500', 6_000_000n, '1'],
      ['TN/tháng (nghìn đ)', '6.000', 6_000_000n, '1'],
      ['Tổng TN của hộ (tr.đ/năm)', '72', 6_000_000n, '1'],
      ['TN BQ người/năm (trđ)', '18', 6_000_000n, '1'],
    ];
    for (const [header, cell, monthly, den] of cases) {
      const [h] = await read([registerHeader(header), household(cell)]);
      expect([header, h?.household.monthlyIncome, h?.monthlyIncomeExact.den.toString()]).toEqual([header, monthly, den]);
    }
  });

  it('72.000.000 đồng a year is 6.000.000 a month: at the rural line for four (near-poor); one đồng more a year is above it (average)', async () => {
    const [atLine] = await read([registerHeader('Thu nhập (đồng/năm)'), household('72.000.000', ['health-insurance'])]);
    expect(classifyHousehold(atLine!.household, { asOf: '2024-01-01' }).status).toBe('near-poor');
    const [above] = await read([registerHeader('Thu nhập (đồng/năm)'), household('72.000.001', ['health-insurance'])]);
    // 72,000,001 / 12 = 6,000,000.083… > 6,000,000: above the poverty line, in the average-living band
    expect(above!.monthlyIncomeExact).toEqual({ num: 72_000_001n, den: 12n });
    expect(classifyHousehold(above!.household, { asOf: '2024-01-01' }).status).toBe('average');
  });

  it('20.000 nghìn a month is 20 million đồng: non-poor, not poor', async () => {
    const [h] = await read([registerHeader('Thu nhập/tháng (nghìn đồng)'), household('20.000', ['health-insurance', 'latrine', 'telecom'])]);
    expect(classifyHousehold(h!.household, { asOf: '2024-01-01' }).status).toBe('non-poor');
  });

  it('refuses a header that does not say its unit or period, naming the column', async () => {
    const headers = [
      'Thu nhập',
      'Thu nhập/tháng',
      'Thu nhập (đồng)',
      'Monthly income',
      'Thu nhập bình quân đầu người/tháng (Income)',
      'Thu nhập bình quân/tháng (đồng)',
      'Thu nhập/tháng (đồng/năm)',
      'Thu nhập (nghìn đồng) (triệu đồng)/tháng',
    ];
    for (const header of headers) {
      const error = await rejectedError(read([registerHeader(header), household('6.000.000')]));
      expect(error.issues[0].code, header).toBe('ambiguous-income-header');
      expect(error.message).toContain(`column 4 (${header})`);
    }
  });

  it('two income columns are refused; an unclear second one is ignored beside a clear one', async () => {
    const both = [...registerHeader('Thu nhập/tháng (đồng)'), 'Thu nhập (triệu đồng/năm)'];
    expect((await rejectedError(read([both, [...household('6.000.000'), '72']]))).issues[0].code).toBe('duplicate-column');
    const extra = [...registerHeader('Thu nhập/tháng (đồng)'), 'Thu nhập từ lương (đồng/tháng)'];
    const [h] = await read([extra, [...household('6.000.000'), '3.000.000']]);
    expect(h?.household.monthlyIncome).toBe(6_000_000n);
  });

  it('classify says in its summary which unit it read; an ambiguous header is exit 2 naming the column', async () => {
    const d = dir();
    const yearly = writeCsv(d, 'nam.csv', [registerHeader('Thu nhập (đồng/năm)'), household('72.000.001', ['health-insurance'])]);
    const out = join(d, 'kq.csv');
    const run = await expectOutcome(['classify', yearly, '--as-of', '2024-01-01', '--out', out], { code: 0, unchanged: [yearly] });
    expect(run.out).toContain('income read from column 4 “Thu nhập (đồng/năm)”: đồng per year for the household, converted to đồng per month for the household (÷ 12, exactly)');
    expect(run.out).toContain('1 monthly figure(s) not a whole đồng are written rounded up (statuses are decided exactly)');
    expect(readFileSync(out, 'utf8')).toContain('H1,30316,nông thôn,4,6.000.001,');
    const vague = writeCsv(d, 'mo-ho.csv', [registerHeader('Thu nhập bình quân đầu người/tháng (Income)'), household('1.500.000')]);
    await expectRefused(['classify', vague, '--as-of', '2024-01-01', '--out', out], ['mo-ho.csv, row 1', 'column 4 (Thu nhập bình quân đầu người/tháng (Income))', 'does not state the unit'], [vague, out]);
  });

  describe('properties', () => {
    it('rounding a yearly income ÷ 12 up to whole đồng never changes a comparison with a whole-đồng line × members', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 8n }), fc.bigInt({ min: 1n, max: 30n }), (yearly, line, members) => {
          const ceil = (yearly + 11n) / 12n;
          return (ceil <= line * members) === (yearly <= 12n * line * members);
        }),
      );
    });
    it('the unit words are read whatever the case and diacritics', () => {
      fc.assert(
        fc.property(fc.constantFrom('Thu nhập (nghìn đồng/tháng)', 'Thu nhập (triệu đồng/năm)', 'Thu nhập/tháng (đồng)'), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (header, upper) => {
          const variant = [...header.normalize('NFD')].map((c, i) => (upper[i % 40] ? c.toUpperCase() : c)).join('');
          const a = readAmountHeader(header);
          const b = readAmountHeader(variant);
          expect([b.unit, b.period]).toEqual([a.unit, a.period]);
        }),
      );
    });
  });
});
