/**
 * "1,600" in a register's income column whose header is in nghìn, triệu or tỷ đồng reads two ways:
 * 1,6 of the unit (the Vietnamese decimal comma) or 1.600 of the unit (an English thousands
 * comma), a thousand times more. Before, it was read the first way without a word, and a household
 * with 1,6 million đồng a head a month (“1,600” meant as 1.600 nghìn) was classified near-poor on
 * 1.600 đồng. It is refused, naming the cell and both readings; the dot and the plain figure, and
 * every comma figure that reads one way, are read as before.
 */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { readCell } from '../../src/io/columns.js';
import { formatCsv } from '../../src/io/csv.js';
import type { MoneyUnit } from '../../src/numbers/money.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { FLAG_HEADERS_2021 } from '../_helpers/registers.js';

const dir = tempDirs('vnp-comma-group-');
const AT = { row: 5, column: 4, header: 'Thu nhập bình quân (nghìn đồng/người/tháng)' };
const PER: Readonly<Record<MoneyUnit, bigint>> = { dong: 1n, nghin: 1_000n, trieu: 1_000_000n, ty: 1_000_000_000n };

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { issues?: ReadonlyArray<{ code: string }> }).issues?.[0]?.code;
  }
}

describe('a comma before exactly three digits in an amount column of nghìn, triệu or tỷ đồng', () => {
  it('property: every a,bbb (a = 1…999) is refused as ambiguous-separator under nghìn, triệu and tỷ đồng; a.bbb and abbb read as a×1000+bbb of the unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom<MoneyUnit>('nghin', 'trieu', 'ty'), (a, b, unit) => {
        const bbb = String(b).padStart(3, '0');
        const spec = { hint: 'amount' as const, unit };
        expect(codeOf(() => readCell(`${a},${bbb}`, spec, AT))).toBe('ambiguous-separator');
        expect(codeOf(() => readCell(` ${a},${bbb} `, spec, AT))).toBe('ambiguous-separator');
        const whole = BigInt(a * 1000 + b) * PER[unit];
        expect(readCell(`${a}.${bbb}`, spec, AT)).toBe(whole);
        expect(readCell(`${a}${bbb}`, spec, AT)).toBe(whole);
      }),
      { numRuns: 2000 },
    );
  });

  it('the twins that read one way are read as before: 1,6 and 1,60 and 1,6000 nghìn; 1.600,5 nghìn; 1,600 đồng is a fraction of a đồng, refused as such', () => {
    const nghin = { hint: 'amount' as const, unit: 'nghin' as const };
    expect(readCell('1,6', nghin, AT)).toBe(1_600n);
    expect(readCell('1,60', nghin, AT)).toBe(1_600n);
    expect(readCell('1,6000', nghin, AT)).toBe(1_600n);
    expect(readCell('1.600,5', nghin, AT)).toBe(1_600_500n);
    expect(readCell('1,5 triệu đồng', nghin, AT)).toBe(1_500_000n);
    expect(codeOf(() => readCell('1,600', { hint: 'amount', unit: 'dong' }, AT))).toBe('fractional-dong');
    expect(codeOf(() => readCell('1,600', { hint: 'count' }, AT))).not.toBe('ambiguous-separator');
  });

  it('the message names the cell and both readings', () => {
    let message = '';
    try {
      readCell('1,600', { hint: 'amount', unit: 'nghin' }, { source: 'ho.csv', ...AT });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('ho.csv, row 5, column 4 (Thu nhập bình quân (nghìn đồng/người/tháng))');
    expect(message).toContain('1,6 nghìn đồng (a Vietnamese decimal comma)');
    expect(message).toContain('1.600 nghìn đồng (an English thousands comma)');
  });
});

const HEADER = ['Mã hộ', 'Khu vực', 'Số nhân khẩu', 'Thu nhập bình quân (nghìn đồng/người/tháng)', ...FLAG_HEADERS_2021];
const register = (incomes: readonly string[]): string =>
  formatCsv([HEADER, ...incomes.map((income, i) => [`H${i + 1}`, 'nông thôn', '3', income, ...FLAG_HEADERS_2021.map(() => 'không')])]);

describe('vn-poverty classify on a register with "1,600" under nghìn đồng', () => {
  it('exit 2 naming row and column, and an existing --out is left byte-identical (before: two households near-poor on 1.600 and 2.500 đồng a head)', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    const output = join(d, 'ket-qua.csv');
    writeFileSync(input, register(['2.100', '1,600', '2,500']));
    writeFileSync(output, 'kết quả cũ\n');
    const io = captureIo();
    expect(await runCli(['classify', input, '--as-of', '2024-06-01', '--out', output], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('ho.csv, row 3, column 4');
    expect(io.err()).toContain('"1,600" reads two ways');
    expect(readFileSync(output, 'utf8')).toBe('kết quả cũ\n');
  });

  it('the twin written one way (1600, 1.600, 1,6) classifies every household on its income', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    const output = join(d, 'ket-qua.csv');
    writeFileSync(input, register(['1600', '1.600', '1,6']));
    const io = captureIo();
    expect(await runCli(['classify', input, '--as-of', '2024-06-01', '--out', output], io), io.err()).toBe(EXIT_OK);
    const rows = readFileSync(output, 'utf8').trim().split('\n').slice(1);
    expect(rows.map((r) => r.split(',')[4])).toEqual(['4.800.000', '4.800.000', '4.800']);
  });
});
