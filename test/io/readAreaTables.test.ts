import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/csv.js';
import { countClassifiedHouseholds, readAdminUnits, readPlanTable } from '../../src/io/readAreaTables.js';
import { adminHierarchy } from '../../src/areas/adminHierarchy.js';
import { HOUSEHOLD_STATUSES } from '../../src/standards/householdStatus.js';
import { rejectedError } from '../_helpers/errors.js';

const csv = (rows: string[][]): Readable => Readable.from([formatCsv(rows)]);

describe('readPlanTable', () => {
  it('reads a commune table printed the Vietnamese way (seed 001 style counts)', async () => {
    const figures = await readPlanTable(
      csv([
        ['STT', 'Tên đơn vị', 'Tổng số hộ dân cư', 'Hộ nghèo', 'Tỷ lệ (%)', 'Hộ cận nghèo'],
        ['1', 'Thành thị', '16.194', '113', '0,70', '412'],
        ['2', 'Tân Lợi', '2.154', '44', '2,04', '98'],
      ]),
      { source: 'seed001.csv' },
    );
    expect(figures.map((f) => [f.unit, f.households, f.poor, f.nearPoor])).toEqual([
      ['Thành thị', 16_194, 113, 412],
      ['Tân Lợi', 2_154, 44, 98],
    ]);
    expect(Object.isFrozen(figures)).toBe(true);
  });

  it('names the row of counts that cannot be right', async () => {
    const error = await rejectedError(readPlanTable(csv([['Tên đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Số hộ cận nghèo'], ['Tân Lợi', '100', '60', '50']]), { source: 'p.csv' }));
    expect(error.issues[0].code).toBe('counts-exceed-households');
    expect(error.message).toMatch(/^p\.csv, row 2/);
  });
});

describe('readAdminUnits', () => {
  it('reads units that make a checked hierarchy', async () => {
    const units = await readAdminUnits(
      csv([
        ['Mã đơn vị (Code)', 'Tên đơn vị (Name)', 'Cấp (Level)', 'Loại đơn vị (Kind)', 'Khu vực (Area type)', 'Mã đơn vị cấp trên (Parent code)', 'Hệ mã (Code system)', 'Hiệu lực từ (Valid from)', 'Hiệu lực đến (Valid to)'],
        ['91', 'Tỉnh An Giang', 'province', 'tinh', 'rural', '', 'QD19_2025', '01/07/2025', ''],
        ['00004', 'Phường Long Xuyên', 'commune', 'phuong', 'urban', '91', 'QD19_2025', '2025-07-01', ''],
      ]),
    );
    expect(units[1]).toEqual({ code: '00004', name: 'Phường Long Xuyên', level: 'commune', kind: 'phuong', areaType: 'urban', parentCode: '91', codeSystem: 'QD19_2025', validFrom: '2025-07-01', validTo: null });
    expect(adminHierarchy(units).units).toHaveLength(2);
  });
});

describe('countClassifiedHouseholds', () => {
  describe('properties', () => {
    it('per-unit counts equal a direct tally and add up to the file (bulk equals one-by-one)', async () => {
      const household = fc.record({ unit: fc.constantFrom('30316', '30319', '00004'), status: fc.constantFrom(...HOUSEHOLD_STATUSES) });
      await fc.assert(
        fc.asyncProperty(fc.array(household, { minLength: 1, maxLength: 40 }), async (households) => {
          const rows = [['Mã đơn vị', 'Mã phân loại'], ...households.map((h) => [h.unit, h.status])];
          const figures = await countClassifiedHouseholds(csv(rows));
          const units = [...new Set(households.map((h) => h.unit))].sort();
          expect(figures.map((f) => f.unit)).toEqual(units);
          for (const f of figures) {
            const mine = households.filter((h) => h.unit === f.unit);
            expect([f.households, f.poor, f.nearPoor]).toEqual([mine.length, mine.filter((h) => h.status === 'poor').length, mine.filter((h) => h.status === 'near-poor').length]);
          }
          expect(figures.reduce((n, f) => n + f.households, 0)).toBe(households.length);
        }),
      );
    });
  });
});
