import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

// Two plans written as officials print them, correct as printed (test/fixtures/documents/README.md):
// a province's 2027 plan for its poor communes under the 2026–2035 programme, and a commune's 2026
// review report by village. Each false finding they gave is pinned here with its passage, beside a
// twin with an error the same check still finds.

const check = (t: string): CheckReport => checkDocument(readTextDocument(t));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const fixture = (name: string): string => readFixture(`documents/${name}`);

describe('the two plans, correct as printed', () => {
  it('a province plan for its poor communes: no finding', () => {
    expect(check(fixture('blind12-kh-xa-ngheo-2027.clean.txt')).findings.map(brief)).toEqual([]);
  });

  it('a commune review report by village: no finding', () => {
    expect(check(fixture('blind12-bc-ra-soat-xa-2026.clean.txt')).findings.map(brief)).toEqual([]);
  });
});

describe('a count of places before the document’s own parts', () => {
  const plan = (items: string): string =>
    [
      'Căn cứ kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2026 trên địa bàn tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện mục tiêu giảm nghèo năm 2027 trên địa bàn 8 xã nghèo như sau:',
      '',
      items,
    ].join('\n');

  it('“trên địa bàn 8 xã nghèo như sau:” then “I. KẾT QUẢ …”, “II. MỤC TIÊU …”: the sections are not the list of communes', () => {
    const r = check(plan('I. KẾT QUẢ THỰC HIỆN NĂM 2026\n\nKết quả đạt được cơ bản hoàn thành chỉ tiêu.\n\nII. MỤC TIÊU NĂM 2027\n\nGiảm nghèo bền vững.\n\nIII. KINH PHÍ THỰC HIỆN\n\nTheo kế hoạch vốn được giao.\n\nIV. TỔ CHỨC THỰC HIỆN\n\nCác sở, ngành triển khai.'));
    expect(r.findings.map(brief)).toEqual([]);
  });

  it('a list of communes that does follow is still counted: 8 announced, 3 listed', () => {
    const r = check(plan('1. Xã Bản Xèo;\n2. Xã Pa Cheo;\n3. Xã Cốc Mỳ.'));
    expect(r.findings.map((f) => `${f.code} ${f.printed ?? ''} → ${f.expected ?? ''}`)).toEqual(['list-count-mismatch 8 xã → 3']);
  });
});

describe('a start-of-year rate beside a review table of the households at the review', () => {
  const table = [
    'Biểu 01. TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2026',
    '',
    'TT\tThôn\tTổng số hộ dân cư\tSố hộ nghèo đầu năm\tSố hộ thoát nghèo\tHộ nghèo cuối năm\t',
    '\t\t\t\t\tSố hộ\tTỷ lệ (%)',
    '1\tThôn Nà Khá\t342\t41\t7\t34\t9,94',
    '2\tThôn Bản Muông\t287\t38\t6\t32\t11,15',
    '3\tThôn Khuổi Phầy\t215\t46\t8\t38\t17,67',
    '\tTổng cộng\t844\t125\t21\t104\t12,32',
  ].join('\n');
  const report = (start: string, end: string): string =>
    [
      'Tổng số hộ dân cư toàn xã tại thời điểm rà soát là 844 hộ, tăng 12 hộ so với đầu năm 2026 (832 hộ).',
      '',
      `Hộ nghèo: đầu năm 2026 toàn xã có 125 hộ nghèo, chiếm tỷ lệ ${start}. Tổng số hộ nghèo cuối năm 2026 là 104 hộ, chiếm tỷ lệ ${end}.`,
      '',
      table,
    ].join('\n');

  it('“đầu năm 2026 … 125 hộ nghèo, chiếm tỷ lệ 15,02%” is on the 832 households at the start, not the table’s 844 at the review', () => {
    // 125 ÷ 832 = 15,02 %; 125 ÷ 844 = 14,81 %
    expect(check(report('15,02%', '12,32%')).findings.map(brief)).toEqual([]);
  });

  it('the end-of-year rate is still checked on the table’s households: 12,23% for 104 of 844', () => {
    const r = check(report('15,02%', '12,23%'));
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.some((f) => f.printed?.includes('12,23%') === true)).toBe(true);
  });

  it('a table with the rate at the start too still checks a start-of-year rate on its households', () => {
    const withStart = [
      'Theo kết quả rà soát, đầu năm 2026 toàn xã có 125 hộ nghèo, chiếm tỷ lệ 15,02%.',
      '',
      'TT\tThôn\tTổng số hộ dân cư\tHộ nghèo đầu năm\t\tHộ nghèo cuối năm\t',
      '\t\t\tSố hộ\tTỷ lệ (%)\tSố hộ\tTỷ lệ (%)',
      '1\tThôn Nà Khá\t342\t41\t11,99\t34\t9,94',
      '2\tThôn Bản Muông\t287\t38\t13,24\t32\t11,15',
      '3\tThôn Khuổi Phầy\t215\t46\t21,40\t38\t17,67',
      '\tTổng cộng\t844\t125\t14,81\t104\t12,32',
    ].join('\n');
    const r = check(withStart);
    expect(r.findings.some((f) => f.printed === '15,02%')).toBe(true);
  });
});

describe('the poor and near-poor households counted together', () => {
  const report = (both: string, poor: string): string =>
    [
      'Tổng số hộ nghèo cuối năm 2026 là 259 hộ, chiếm tỷ lệ 9,10%. Tổng số hộ cận nghèo cuối năm 2026 là 268 hộ, chiếm tỷ lệ 9,42%.',
      '',
      `Tổng số hộ nghèo và hộ cận nghèo cuối năm 2026 là ${both} hộ, chiếm 18,52% tổng số hộ dân cư toàn xã. Số hộ nghèo cuối năm 2026 là ${poor} hộ.`,
    ].join('\n');

  it('“Tổng số hộ nghèo và hộ cận nghèo cuối năm 2026 là 527 hộ” is not a second count of the poor (259)', () => {
    expect(check(report('527', '259')).findings.map(brief)).toEqual([]);
  });

  it('a second count of the poor alone that differs is still found', () => {
    const r = check(report('527', '295'));
    expect(r.findings.map((f) => `${f.code} ${f.printed ?? ''}`)).toContain('repeated-figure-mismatch 295 hộ');
  });
});
