import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// Rates after the first in a list (“tỷ lệ hộ nghèo khu vực nông thôn là 6,21%, thành thị là
// 2,00%”: the same measure for the next place) and a percent of the plan whose plan is printed in
// brackets after “kế hoạch năm”, with other figures between the result and “đạt”.

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

const AREAS = ['Khu vực\tTổng số hộ\tSố hộ nghèo\tTỷ lệ hộ nghèo (%)', 'Khu vực nông thôn\t30.000\t1.863\t6,21', 'Khu vực thành thị\t18.520\t370\t2,00', 'Toàn tỉnh\t48.520\t2.233\t4,60'].join('\n');
const AREA_TEXT = (urban: string, third = ''): string => `Năm 2025, tỷ lệ hộ nghèo khu vực nông thôn là 6,21%, thành thị là ${urban}${third}.\n\nKết quả cụ thể như sau:\n\n${AREAS}`;

describe('rates after the first in a list are of the same measure for the next place', () => {
  it('a wrong second rate is found at the row of its place', () => {
    expect(check(AREA_TEXT('2,40%'))).toEqual(['figure-differs-from-table “2,40%” → 2,00%']);
  });
  it('the right rates give no finding', () => {
    expect(check(AREA_TEXT('2,00%'))).toEqual([]);
  });
  it('a third rate of the list is of the third place', () => {
    expect(check(AREA_TEXT('2,00%', ', toàn tỉnh là 4,80%'))).toEqual(['figure-differs-from-table “4,80%” → 4,60%']);
    expect(check(AREA_TEXT('2,00%', ', toàn tỉnh là 4,60%'))).toEqual([]);
  });
  it('a change after the rate is not the next place’s rate', () => {
    expect(check(`Năm 2025, tỷ lệ hộ nghèo khu vực nông thôn là 6,21%, thành thị giảm 0,40%.\n\nKết quả cụ thể như sau:\n\n${AREAS}`)).toEqual([]);
  });
});

describe('a percent of the plan with the plan in brackets after “kế hoạch năm”', () => {
  const LOANS = (pct: string): string => `Đã có 1.245 hộ được vay vốn tín dụng ưu đãi, đạt ${pct} kế hoạch năm (kế hoạch 1.200 hộ).`;
  it('a wrong percentage is found against the plan printed', () => {
    expect(check(LOANS('113,75%'))).toEqual(['plans-disagree “113,75%” → 1.094,4 – 1.094,6 hộ']);
  });
  it('the right percentage gives no finding', () => {
    expect(check(LOANS('103,75%'))).toEqual([]);
  });
  it('an amount between the households and “đạt”: the households are the result of a plan of households', () => {
    const text = (pct: string): string => `Đã có 1.245 hộ được vay vốn tín dụng ưu đãi với tổng dư nợ 45.600 triệu đồng, đạt ${pct} kế hoạch (kế hoạch 1.200 hộ).`;
    expect(check(text('113,75%'))).toEqual(['plans-disagree “113,75%” → 1.094,4 – 1.094,6 hộ']);
    expect(check(text('103,75%'))).toEqual([]);
  });
});
