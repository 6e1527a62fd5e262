import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/csv.js';
import { CLASSIFIED_HOUSEHOLD_COLUMNS } from '../../src/io/outputColumns.js';
import { readReviewedHouseholds } from '../../src/io/readReviewedHouseholds.js';
import { REGISTER_EXTRA_COLUMNS } from '../../src/io/registerOutputColumns.js';
import { REVIEWED_HOUSEHOLD_COLUMNS } from '../../src/io/reviewedHouseholdColumns.js';
import { columnHeader } from '../../src/io/tableWriter.js';
import { reviewedHouseholdSchema } from '../../src/reports/reviewedHousehold.js';
import { rejectedError } from '../_helpers/errors.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-reviewed-');

function csvFile(rows: string[][], name = 'ket-qua.csv'): string {
  const path = join(dir(), name);
  writeFileSync(path, formatCsv(rows));
  return path;
}

/** The headers classify writes, `vi (en)`. */
const header = (key: string): string => columnHeader(CLASSIFIED_HOUSEHOLD_COLUMNS.find((c) => c.key === key)!, 'both');

describe('readReviewedHouseholds', () => {
  it('reads the output of classify: id, unit, area, status, deprived indicators', async () => {
    const path = csvFile([
      [header('id'), header('unit'), header('area'), header('deprivationCount'), header('deprivations'), header('status'), header('statusVi'), header('standard')],
      ['H1', '30316', 'thành thị', '2', 'latrine; telecom', 'poor', 'hộ nghèo', 'nd-07-2021'],
      ['H2', '30316', 'thành thị', '0', '', 'non-poor', 'hộ không nghèo', 'nd-07-2021'],
      ['H3', '30319', 'nông thôn', '1', 'nhà tiêu hợp vệ sinh', 'near-poor', 'hộ cận nghèo', 'nd-07-2021'],
    ]);
    const r = await readReviewedHouseholds(path, { required: ['area'] });
    expect(r.households).toEqual([
      { id: 'H1', unit: '30316', area: 'urban', status: 'poor', deprivations: ['latrine', 'telecom'] },
      { id: 'H2', unit: '30316', area: 'urban', status: 'non-poor', deprivations: [] },
      { id: 'H3', unit: '30319', area: 'rural', status: 'near-poor', deprivations: ['latrine'] },
    ]);
    expect([r.fields, r.standards]).toEqual([['area', 'deprivations'], ['nd-07-2021']]);
    for (const h of r.households) expect(reviewedHouseholdSchema.safeParse(h).success).toBe(true);
    expect(Object.isFrozen(r.households[0])).toBe(true);
  });

  it('reads the report columns in Vietnamese or English, the unit by name, the start status and earlier escapes', async () => {
    const path = csvFile([
      ['Mã hộ', 'Tên đơn vị', 'Mã đơn vị', 'Thôn', 'Họ tên chủ hộ', 'Phân loại', 'Start status', 'Đã từng thoát nghèo', 'Dân tộc', 'Causes of poverty', 'Đối tượng chính sách', 'Số trẻ em', 'Số trẻ em không có BHYT', 'Children deprived in school attendance'],
      ['a1', 'Đắk Mol', '24001', 'Bon Bu', 'Y Bình', 'Hộ nghèo', 'hộ cận nghèo', 'có', "M'nông", 'Thiếu đất sản xuất; capital', 'người có công', '3', '1', '0'],
      ['a2', 'Đắk Mol', '24001', 'Thôn 1', '', 'cận nghèo', '', 'không', 'Kinh', '', '', '', '', ''],
    ]);
    const r = await readReviewedHouseholds(path);
    expect(r.households).toEqual([
      { id: 'a1', unit: 'Đắk Mol', village: 'Bon Bu', headName: 'Y Bình', status: 'poor', startStatus: 'near-poor', everEscapedPoverty: true, ethnicGroup: "M'nông", ethnicMinority: true, causes: ['land', 'capital'], policyGroups: ['người có công'], children: { total: 3, withoutHealthInsurance: 1, nutritionDeprived: 0, schoolDeprived: 0 } },
      { id: 'a2', unit: 'Đắk Mol', village: 'Thôn 1', status: 'near-poor', startStatus: null, everEscapedPoverty: false, ethnicGroup: 'Kinh', ethnicMinority: false },
    ]);
    expect(r.fields).toEqual(['village', 'headName', 'startStatus', 'everEscapedPoverty', 'ethnicMinority', 'ethnicGroup', 'causes', 'policyGroups', 'children']);
  });

  it('the DTTS flag alone, or agreeing with the group; "DTTS" as the group says only that', async () => {
    const path = csvFile([
      ['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Hộ DTTS', 'Dân tộc'],
      ['1', 'X', 'poor', 'x', 'Ê Đê'],
      ['2', 'X', 'poor', 'có', 'DTTS'],
      ['3', 'X', 'poor', '', 'dân tộc Kinh'],
      ['4', 'X', 'poor', 'không', ''],
    ]);
    expect((await readReviewedHouseholds(path)).households.map((h) => [h.ethnicMinority, h.ethnicGroup])).toEqual([[true, 'Ê Đê'], [true, undefined], [false, 'dân tộc Kinh'], [false, undefined]]);
  });

  it('names file, row and column: an unknown status, area, indicator or cause; a count above the children; a contradicting flag', async () => {
    const cases: ReadonlyArray<readonly [string[], string[], RegExp]> = [
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại'], ['h1', 'X', 'giàu'], /ket-qua\.csv, row 2, column 3 \(Mã phân loại\): got "giàu", expected a status: poor, near-poor/],
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Khu vực'], ['h1', 'X', 'poor', 'miền núi'], /row 2, column 4 \(Khu vực\): got "miền núi", expected nông thôn or thành thị/],
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Chỉ số thiếu hụt'], ['h1', 'X', 'poor', 'latrine; internet'], /row 2, column 4 \(Chỉ số thiếu hụt\): got "internet", expected indicator ids or names/],
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Nguyên nhân nghèo'], ['h1', 'X', 'poor', 'xui'], /row 2, column 4 \(Nguyên nhân nghèo\): got "xui", expected causes separated by ";"/],
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Số trẻ em', 'Số trẻ em thiếu hụt đi học'], ['h1', 'X', 'poor', '2', '3'], /row 2, column 5 \(Số trẻ em thiếu hụt đi học\): got "3", expected at most the 2 children of column 4/],
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Số trẻ em thiếu hụt đi học'], ['h1', 'X', 'poor', '1'], /row 2, column 4 .*: got "1", expected a children total/],
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Hộ DTTS', 'Dân tộc'], ['h1', 'X', 'poor', 'có', 'Kinh'], /row 2, column 4 \(Hộ DTTS\): got "có", expected không: the ethnic group of column 5 is Kinh/],
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Phân loại'], ['h1', 'X', 'poor', 'hộ cận nghèo'], /row 2, column 4 \(Phân loại\): got "hộ cận nghèo", expected the status of column 3 \(poor\)/],
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại'], ['h1', '', 'poor'], /row 2, column 2 \(Mã đơn vị\): .*the unit of the household/],
      [['Mã hộ', 'Mã đơn vị', 'Mã phân loại'], ['', 'X', 'poor'], /row 2, column 1 \(Mã hộ\)/],
    ];
    for (const [head, row, message] of cases) {
      const e = await rejectedError(readReviewedHouseholds(csvFile([head, row])));
      expect(e.message).toMatch(message);
    }
  });

  it('refuses a household twice (naming both rows), a missing status column, a missing required column', async () => {
    const twice = await rejectedError(readReviewedHouseholds(csvFile([['Mã hộ', 'Mã đơn vị', 'Mã phân loại'], ['h1', 'X', 'poor'], ['h2', 'X', 'poor'], ['h1', 'Y', 'poor']])));
    expect([twice.issues[0].code, twice.message]).toEqual(['duplicate-household', 'ket-qua.csv, row 4, column 1 (Mã hộ): household "h1" is also on row 2; each household is counted once']);
    const noStatus = await rejectedError(readReviewedHouseholds(csvFile([['Mã hộ', 'Mã đơn vị'], ['h1', 'X']])));
    expect([noStatus.issues[0].code, noStatus.message]).toEqual(['missing-column', "ket-qua.csv, row 1: no column “Mã phân loại” (Status): each household's status (or a column “Phân loại”)"]);
    const noStart = await rejectedError(readReviewedHouseholds(csvFile([['Mã hộ', 'Mã đơn vị', 'Mã phân loại'], ['h1', 'X', 'poor']]), { required: ['startStatus'] }));
    expect(noStart.message).toBe('ket-qua.csv, row 1: no column “Phân loại đầu năm” (Start status): the report needs the status at the start of the year, for the flows');
    const noArea = await rejectedError(readReviewedHouseholds(csvFile([['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Khu vực'], ['h1', 'X', 'poor', '']]), { required: ['area'] }));
    expect([noArea.issues[0].code, noArea.message]).toEqual(['missing-value', expect.stringMatching(/^ket-qua\.csv, row 2, column 4 \(Khu vực\)/)]);
    expect((await rejectedError(readReviewedHouseholds(csvFile([['Mã hộ'], ['h1']]), { required: ['nope' as 'area'] }))).issues[0].code).toBe('invalid-option');
  });

  it('a default unit for a file without one; every header is one the columns list', async () => {
    const r = await readReviewedHouseholds(csvFile([['Mã hộ', 'Mã phân loại'], ['h1', 'poor']]), { defaultUnit: 'Xã Tân Lợi' });
    expect(r.households[0]?.unit).toBe('Xã Tân Lợi');
    expect(new Set(REVIEWED_HOUSEHOLD_COLUMNS.map((c) => c.key)).size).toBe(REVIEWED_HOUSEHOLD_COLUMNS.length);
  });

  it('every column classify writes: the deprived indicators by id, by Vietnamese name, or both agreeing', async () => {
    // every result and report column of classify's output is one this reader knows, under the same key
    const keys = new Set(REVIEWED_HOUSEHOLD_COLUMNS.map((c) => c.key));
    for (const c of REGISTER_EXTRA_COLUMNS.filter((c) => c.key !== 'support')) expect(keys.has(c.key), c.key).toBe(true);
    const both = await readReviewedHouseholds(csvFile([
      [header('id'), header('unit'), header('deprivations'), header('deprivationsVi'), header('status')],
      ['H1', '30316', 'latrine; telecom', 'Nhà tiêu hợp vệ sinh; Sử dụng dịch vụ viễn thông', 'poor'],
    ]));
    expect(both.households[0]?.deprivations).toEqual(['latrine', 'telecom']);
    // the names as classify writes them agree with the ids; a name edited without the (hidden) id is refused
    const agree = await readReviewedHouseholds(csvFile([
      [header('id'), header('unit'), header('deprivations'), header('deprivationsVi'), header('status')],
      ['H1', '30316', 'latrine; telecom', 'Sử dụng dịch vụ viễn thông; Nhà tiêu hợp vệ sinh', 'poor'],
      ['H2', '30316', '', '', 'non-poor'],
    ]));
    expect(agree.households.map((h) => h.deprivations)).toEqual([['latrine', 'telecom'], []]);
    const edited = csvFile([[header('id'), header('unit'), header('deprivations'), header('deprivationsVi'), header('status')], ['H1', '30316', 'latrine; telecom', 'Nhà tiêu hợp vệ sinh', 'poor']], 'sua.csv');
    expect((await rejectedError(readReviewedHouseholds(edited))).message).toContain('sua.csv, row 2, column 4 (Các chỉ số thiếu hụt (Deprived indicators (Vietnamese)))');
    const names = await readReviewedHouseholds(csvFile([
      [header('id'), header('unit'), header('deprivationsVi'), header('status')],
      ['H1', '30316', 'Nhà tiêu hợp vệ sinh; Dinh dưỡng', 'poor'],
    ]));
    expect([names.fields, names.households[0]?.deprivations]).toEqual([['deprivations'], ['latrine', 'nutrition']]);
    // the status of the previous review, passed through by classify under the register's own header
    for (const previous of ['Phân loại năm trước', 'Kết quả rà soát đầu năm', 'Previous status']) {
      const r = await readReviewedHouseholds(csvFile([['STT', previous, header('id'), header('unit'), header('status')], ['1', 'hộ nghèo', 'H1', '30316', 'near-poor']]));
      expect([r.fields, r.households[0]?.startStatus]).toEqual([['startStatus'], 'poor']);
    }
    const bad = csvFile([[header('id'), header('unit'), header('deprivationsVi'), header('status')], ['H1', '30316', 'Nhà tắm', 'poor']], 'sai.csv');
    const error = await rejectedError(readReviewedHouseholds(bad));
    expect(error.message).toContain('sai.csv, row 2, column 3 (Các chỉ số thiếu hụt (Deprived indicators (Vietnamese)))');
  });
});
