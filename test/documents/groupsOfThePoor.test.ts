import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupOfTotal } from '../../src/documents/_overlappingGroups.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// A list of groups of the poor after a total of the poor (“8.215 hộ nghèo, trong đó hộ nghèo dân
// tộc thiểu số 7.833 hộ, chiếm 95,35%; hộ nghèo có chủ hộ là nữ 1.879 hộ, chiếm 22,87%”): each
// share is over the poor named before “trong đó”, not over all households of a table beside it.

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}”`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

const GROUPS = (women: string): string =>
  `Toàn tỉnh có 8.215 hộ nghèo, trong đó hộ nghèo dân tộc thiểu số 7.833 hộ, chiếm 95,35%; hộ nghèo có chủ hộ là nữ 1.879 hộ, chiếm ${women}; hộ nghèo có thành viên là người khuyết tật 1.150 hộ.`;
const TABLE = ['Huyện\tTổng số hộ\tHộ nghèo', 'Huyện Đồng Văn\t40.000\t4.100', 'Huyện Mèo Vạc\t44.710\t4.115', 'Tổng cộng\t84.710\t8.215'].join('\n');

describe('shares of groups of the poor after a total of the poor', () => {
  it('a wrong share of the second group is found against the poor', () => {
    expect(check(GROUPS('24,87%'))).toEqual(['share-mismatch “24,87%”']);
  });
  it('the right shares give no finding, beside a table of all households too', () => {
    expect(check(GROUPS('22,87%'))).toEqual([]);
    expect(check(`${GROUPS('22,87%')}\n\n${TABLE}`)).toEqual([]);
  });
  it('a wrong share beside the table is found once, against the poor', () => {
    expect(check(`${GROUPS('24,87%')}\n\n${TABLE}`)).toEqual(['share-mismatch “24,87%”']);
  });
  it('a rate of the status alone among the poor and near-poor stays a rate of all households', () => {
    // 200 hộ nghèo of 500 poor and near-poor would be 40%: 2,50% is their rate of all households
    expect(check('Toàn xã có 500 hộ nghèo và cận nghèo, trong đó hộ nghèo 200 hộ, chiếm 2,50%.')).toEqual([]);
  });
});

describe('groupOfTotal', () => {
  const TRAITS = ['dân tộc thiểu số', 'có chủ hộ là nữ', 'có thành viên là người khuyết tật', 'có người có công với cách mạng', 'có người cao tuổi'];
  it('a group of the poor with a trait is of the poor, never of the near-poor; the other status is never a group of the total', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRAITS), (trait) => {
        expect(groupOfTotal(`hộ nghèo ${trait}`, 'poor')).toBe(true);
        expect(groupOfTotal(`hộ nghèo ${trait}`, 'near-poor')).toBe(false);
        expect(groupOfTotal(`hộ cận nghèo ${trait}`, 'near-poor')).toBe(true);
        expect(groupOfTotal(`hộ cận nghèo ${trait}`, 'poor')).toBe(false);
      }),
    );
  });
});
