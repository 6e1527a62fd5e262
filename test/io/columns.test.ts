import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchHeader, readCell, type ColumnSpec } from '../../src/io/columns.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { firstIssue, thrownIssues } from '../_helpers/errors.js';

const at = { source: 'xa.csv', row: 7, column: 3, header: 'Số hộ nghèo' };

describe('readCell', () => {
  it('reads counts the Vietnamese way (seed 001: 1.171 poor households is 1171)', () => {
    expect(readCell('1.171', { hint: 'count' }, at)).toBe(1171n);
    expect(readCell('16.194', { hint: 'count' }, at)).toBe(16194n);
    expect(readCell(285, { hint: 'count' }, at)).toBe(285n);
    expect(readCell('', { hint: 'count' }, at)).toBeNull();
    expect(readCell(null, { hint: 'count' }, at)).toBeNull();
  });

  it('reads rates as percentages, including XLSX cells formatted as %', () => {
    expect(String(readCell('0,70', { hint: 'rate' }, at))).toBe('0.7');
    expect(String(readCell('1,06%', { hint: 'rate' }, at))).toBe('1.06');
    expect(String(readCell('1.27', { hint: 'rate' }, at))).toBe('1.27');
    expect(String(readCell(0.0106, { hint: 'rate' }, at, '0.00%'))).toBe('1.06');
    expect(String(readCell(1.06, { hint: 'rate' }, at, '0.00'))).toBe('1.06');
  });

  it('reads amounts into whole đồng in the column unit unless the cell prints one', () => {
    expect(readCell('1.500.000', { hint: 'amount' }, at)).toBe(1_500_000n);
    expect(readCell('1,5 triệu đồng', { hint: 'amount' }, at)).toBe(1_500_000n);
    expect(readCell('14.045', { hint: 'amount', unit: 'trieu' }, at)).toBe(14_045_000_000n);
    expect(readCell(2000000, { hint: 'amount' }, at)).toBe(2_000_000n);
  });

  it('reads thousands grouped by a space, a no-break space or a narrow no-break space (before: refused)', () => {
    const income = { source: 'ho.csv', row: 12, column: 4, header: 'Thu nhập/tháng (đồng)' };
    for (const space of [' ', '\u00a0', '\u202f']) {
      expect(readCell(['1', '400', '000'].join(space), { hint: 'amount' }, income)).toBe(1_400_000n);
      expect(readCell(['16', '194'].join(space), { hint: 'count' }, at)).toBe(16_194n);
    }
    expect(readCell('1 400 000 đồng', { hint: 'amount' }, income)).toBe(1_400_000n);
    expect(readCell('1 234,5', { hint: 'amount', unit: 'trieu' }, income)).toBe(1_234_500_000n);
    // the twins: digits without spaces read as before
    expect(readCell('1400000', { hint: 'amount' }, income)).toBe(1_400_000n);
    expect(readCell('1.400.000', { hint: 'amount' }, income)).toBe(1_400_000n);
  });

  it('refuses spaces that do not group thousands, naming the cell and the value', () => {
    const income = { source: 'ho.csv', row: 90001, column: 4, header: 'Thu nhập/tháng (đồng)' };
    const bad = firstIssue(() => readCell('14 00 000', { hint: 'amount' }, income));
    expect(bad.code).toBe('invalid-grouping');
    expect(bad.message).toBe('ho.csv, row 90001, column 4 (Thu nhập/tháng (đồng)): got "14 00 000", expected thousands grouped by spaces in groups of exactly three digits after the first (1 400 000)');
    for (const text of ['1400 000', '1 40 000', '1 4000', '1  400 000', '1 400.000', '1\u200b400']) expect(() => readCell(text, { hint: 'amount' }, income), text).toThrow();
    // a rate is never read through space groups
    expect(() => readCell('1 234', { hint: 'rate' }, at)).toThrow();
  });

  it('reads dates, booleans and text', () => {
    expect(readCell('01/09/2024', { hint: 'date' }, at)).toBe('2024-09-01');
    expect(readCell('2024-12-14', { hint: 'date' }, at)).toBe('2024-12-14');
    expect(readCell(new Date(Date.UTC(2025, 6, 1)), { hint: 'date' }, at)).toBe('2025-07-01');
    expect(readCell('Có', { hint: 'boolean' }, at)).toBe(true);
    expect(readCell('x', { hint: 'boolean' }, at)).toBe(true);
    expect(readCell('không', { hint: 'boolean' }, at)).toBe(false);
    expect(readCell(false, { hint: 'boolean' }, at)).toBe(false);
    // a tick mark is yes, an empty box no; a crossed box (☒), read as yes on some forms and no on others, is refused
    for (const tick of ['√', '✓', '✔', '☑', ' √ ']) expect(readCell(tick, { hint: 'boolean' }, at)).toBe(true);
    expect(readCell('☐', { hint: 'boolean' }, at)).toBe(false);
    expect(firstIssue(() => readCell('☒', { hint: 'boolean' }, at)).code).toBe('invalid-boolean');
    expect(readCell('  Phường 1 ', { hint: 'text' }, at)).toBe('Phường 1');
  });

  it('names the file, row and column of a bad cell and keeps the parser’s code', () => {
    const bad = firstIssue(() => readCell('1.2.3,4,5', { hint: 'count' }, at));
    expect(bad.code).toBe('invalid-number');
    expect(bad.path).toEqual(['xa.csv', 7, 'Số hộ nghèo']);
    expect(bad.message).toMatch(/^xa\.csv, row 7, column 3 \(Số hộ nghèo\): /);
    expect(firstIssue(() => readCell('hơn 500', { hint: 'count' }, at)).code).toBe('approximate-value');
    expect(firstIssue(() => readCell('12,5', { hint: 'count' }, at)).code).toBe('not-a-count');
    expect(firstIssue(() => readCell(12.5, { hint: 'count' }, at)).code).toBe('not-a-count');
    expect(firstIssue(() => readCell('0,5', { hint: 'amount' }, at)).code).toBe('fractional-dong');
    expect(firstIssue(() => readCell('31/02/2024', { hint: 'date' }, at)).code).toBe('invalid-date');
    expect(firstIssue(() => readCell('có lẽ', { hint: 'boolean' }, at)).code).toBe('invalid-boolean');
    expect(firstIssue(() => readCell('5%', { hint: 'count' }, at)).code).toBe('unit-mismatch');
  });

  describe('properties', () => {
    it('format then read gives the count back', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (n) => {
          expect(readCell(formatVnNumber(n, { decimals: 0 }), { hint: 'count' }, at)).toBe(n);
        }),
      );
    });
    it('an amount grouped by spaces reads as the same amount grouped by dots; a space moved off a group boundary is refused', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 1000n, max: 10n ** 15n }), fc.constantFrom(' ', '\u00a0', '\u202f'), fc.nat(), (n, space, k) => {
          const groups = formatVnNumber(n, { decimals: 0 }).split('.');
          expect(readCell(groups.join(space), { hint: 'amount' }, at)).toBe(n);
          // one group after the first gives its first digit to the group before it: two digits, refused
          const g = 1 + (k % (groups.length - 1));
          const moved = groups.map((x, i) => (i === g - 1 ? x + groups[g]![0]! : i === g ? x.slice(1) : x));
          expect(firstIssue(() => readCell(moved.join(space), { hint: 'amount' }, at)).code).toBe('invalid-grouping');
        }),
      );
    });
    it('format then read gives the rate back at two decimals', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100_00 }), (hundredths) => {
          const text = formatVnNumber(`${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`, { decimals: 2 });
          expect(String(readCell(text, { hint: 'rate' }, at))).toBe(String(hundredths / 100));
        }),
      );
    });
  });
});

describe('matchHeader', () => {
  const specs: ColumnSpec[] = [
    { key: 'id', hint: 'text', vi: 'Mã hộ', en: 'Household id', required: true },
    { key: 'monthlyIncome', hint: 'amount', vi: 'Thu nhập/tháng', en: 'Monthly income', required: true },
    { key: 'safeWater', hint: 'boolean', vi: 'Nước sạch', en: 'Safe water' },
  ];

  it('matches Vietnamese, English, both, the key, and Vietnamese typed without diacritics', () => {
    expect(matchHeader(['Mã hộ (Household id)', 'thu nhap/thang', 'Họ tên chủ hộ'], specs).index).toEqual({ id: 0, monthlyIncome: 1 });
    expect(matchHeader(['household_id', 'Monthly income', 'safeWater'], specs).index).toEqual({ id: 0, monthlyIncome: 1, safeWater: 2 });
    expect(matchHeader(['MÃ HỘ / Household id', 'Thu nhập/tháng'], specs).ignored).toEqual([]);
    expect(matchHeader(['Mã hộ', 'Thu nhập/tháng', 'Họ tên chủ hộ'], specs).ignored).toEqual(['Họ tên chủ hộ']);
  });

  it('reports every missing and duplicate column at once', () => {
    const issues = thrownIssues(() => matchHeader(['Mã hộ', 'Household id'], specs, 'ho.xlsx'));
    expect(issues.map((i) => i.code)).toEqual(['duplicate-column', 'missing-column']);
    expect(issues[0]?.message).toBe('ho.xlsx, row 1, column 2 (Household id): a second column for “Mã hộ” (Household id); the first is column 1');
    expect(issues[1]?.message).toBe('ho.xlsx, row 1: no column “Thu nhập/tháng” (Monthly income), which is required');
  });
});
