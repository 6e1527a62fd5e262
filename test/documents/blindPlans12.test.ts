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

describe('the cuts printed right after a pair of the poor at the end of the year', () => {
  const report = (count: string, rate: string): string =>
    [
      'Đầu năm 2026, trên địa bàn 8 xã nghèo có 21.940 hộ dân cư, trong đó 4.260 hộ nghèo, chiếm tỷ lệ 19,42%.',
      '',
      `Theo kết quả rà soát cuối năm 2026, tổng số hộ dân cư của 8 xã là 22.180 hộ; số hộ nghèo còn 3.512 hộ, chiếm tỷ lệ 15,83%, giảm ${count} hộ so với đầu năm; tỷ lệ hộ nghèo giảm ${rate}% (chỉ tiêu giao giảm 3%).`,
    ].join('\n');

  it('“giảm 748 hộ so với đầu năm; tỷ lệ hộ nghèo giảm 3,59%” from 4.260 hộ and 19,42% in the paragraph before: consistent', () => {
    const r = check(report('748', '3,59'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'change' && c.status === 'consistent')).toHaveLength(2);
  });

  it('the cut of the count computed wrong (784 for 748) is found on it', () => {
    expect(check(report('784', '3,59')).findings.map(brief)).toEqual(['change-mismatch “784 hộ” → 748 hộ']);
  });

  it('the cut of the rate taken from another year (2,40 for 3,59) is found on it', () => {
    expect(check(report('748', '2,40')).findings.map(brief)).toEqual(['change-mismatch “2,40%” → 3,59%']);
  });

  it('in one paragraph: “đầu năm 2026 … 312 hộ nghèo, chiếm tỷ lệ 11,11%. … cuối năm 2026 là 259 hộ, chiếm tỷ lệ 9,10%, giảm 53 hộ …, tỷ lệ hộ nghèo giảm 2,01%”', () => {
    const para = (cut: string): string =>
      `Tổng số hộ dân cư toàn xã đầu năm 2026 là 2.808 hộ. Hộ nghèo: đầu năm 2026 toàn xã có 312 hộ nghèo, chiếm tỷ lệ 11,11%. Qua rà soát, số hộ thoát nghèo là 69 hộ, số hộ tái nghèo 3 hộ, số hộ nghèo phát sinh mới 13 hộ. Tổng số hộ nghèo cuối năm 2026 là 259 hộ, chiếm tỷ lệ 9,10%, giảm ${cut} hộ so với đầu năm, tỷ lệ hộ nghèo giảm 2,01%.`;
    expect(check(para('53')).findings.map(brief)).toEqual([]);
    expect(check(para('35')).findings.map(brief)).toEqual(['change-mismatch “35 hộ” → 53 hộ']);
  });

  it('a cut against the plan, or a yearly average, is not read as the change from the start', () => {
    const t = [
      'Đầu năm 2026 toàn xã có 312 hộ nghèo, chiếm tỷ lệ 11,11%.',
      '',
      'Cuối năm 2026 toàn xã còn 259 hộ nghèo, chiếm tỷ lệ 9,10%, tỷ lệ hộ nghèo giảm 0,50% so với kế hoạch.',
    ].join('\n');
    expect(check(t).findings.map(brief)).toEqual([]);
  });
});

describe('a flow count with its households named before it, against the table', () => {
  const table = [
    'TT\tThôn\tTổng số hộ dân cư\tSố hộ nghèo đầu năm\tDiễn biến trong năm\t\t\tHộ nghèo cuối năm\t',
    '\t\t\t\tSố hộ thoát nghèo\tSố hộ tái nghèo\tSố hộ nghèo phát sinh\tSố hộ\tTỷ lệ (%)',
    '1\tThôn Nà Khá\t342\t41\t9\t0\t2\t34\t9,94',
    '2\tThôn Bản Muông\t287\t38\t8\t1\t1\t32\t11,15',
    '3\tThôn Khuổi Phầy\t215\t46\t10\t0\t2\t38\t17,67',
    '\tTổng cộng\t844\t125\t27\t1\t5\t104\t12,32',
  ].join('\n');
  const report = (exits: string, back: string, fresh: string, end: string): string =>
    [
      `Qua rà soát, số hộ thoát nghèo là ${exits} hộ, số hộ tái nghèo ${back} hộ, số hộ nghèo phát sinh mới ${fresh} hộ. Tổng số hộ nghèo cuối năm 2026 là ${end} hộ.`,
      '',
      'Biểu 01. TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2026',
      '',
      table,
    ].join('\n');

  it('“số hộ thoát nghèo là 27 hộ, số hộ tái nghèo 1 hộ, số hộ nghèo phát sinh mới 5 hộ”, “… cuối năm 2026 là 104 hộ”: each the same as the total row', () => {
    const r = check(report('27', '1', '5', '104'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'table-figure' && c.status === 'consistent')).toHaveLength(4);
  });

  it('each, printed wrong, is found on itself with the table’s figure', () => {
    const table = (r: CheckReport): string[] => r.findings.map((f) => `${f.code} ${f.printed ?? ''} → ${f.expected ?? ''}`);
    expect(table(check(report('72', '1', '5', '104')))).toEqual(['figure-differs-from-table 72 hộ → 27 hộ']);
    expect(table(check(report('27', '3', '5', '104')))).toEqual(['figure-differs-from-table 3 hộ → 1 hộ']);
    expect(table(check(report('27', '1', '15', '104')))).toEqual(['figure-differs-from-table 15 hộ → 5 hộ']);
    expect(table(check(report('27', '1', '5', '140')))).toEqual(['figure-differs-from-table 140 hộ → 104 hộ']);
  });

  it('a count of the poor and near-poor together, or a change of them, is not compared', () => {
    const t = ['Tổng số hộ nghèo và hộ cận nghèo cuối năm 2026 là 372 hộ. Số hộ nghèo giảm 21 hộ.', '', table].join('\n');
    expect(check(t).findings.map(brief)).toEqual([]);
  });
});

describe('the poor and near-poor counted together at a moment', () => {
  const report = (both: string): string =>
    [
      'Hộ nghèo: đầu năm 2026 toàn xã có 312 hộ nghèo, chiếm tỷ lệ 11,11%. Tổng số hộ nghèo cuối năm 2026 là 259 hộ, chiếm tỷ lệ 9,10%.',
      '',
      'Hộ cận nghèo: tổng số hộ cận nghèo cuối năm 2026 là 268 hộ, chiếm tỷ lệ 9,42%.',
      '',
      `Tổng số hộ nghèo và hộ cận nghèo cuối năm 2026 là ${both} hộ.`,
    ].join('\n');

  it('“… cuối năm 2026 là 527 hộ” is the poor (259) and near-poor (268) at the end of 2026, not at the start', () => {
    const r = check(report('527'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.some((c) => c.kind === 'total-with-parts' && c.status === 'consistent' && c.summary.startsWith('527 hộ = 259 hộ + 268 hộ'))).toBe(true);
  });

  it('a sum printed wrong (572) is found on it', () => {
    expect(check(report('572')).findings.map((f) => `${f.code} ${f.printed ?? ''} → ${f.expected ?? ''}`)).toEqual(['parts-short-of-total 572 hộ → 527 hộ']);
  });
});

describe('a cut handed out by place in the line after it', () => {
  const plan = (yTy: string, fall = '533'): string =>
    [
      `- Giảm tỷ lệ hộ nghèo trên địa bàn 8 xã từ 15,83% xuống còn 13,43% (giảm 2,40%), tương đương giảm ${fall} hộ nghèo.`,
      `- Chỉ tiêu giảm hộ nghèo giao cho từng xã: xã Bản Xèo 63 hộ, xã Pa Cheo 62 hộ, xã Cốc Mỳ 70 hộ, xã Trịnh Tường 78 hộ, xã Y Tý ${yTy} hộ, xã A Mú Sung 59 hộ, xã Dền Sáng 53 hộ, xã Mường Hum 64 hộ.`,
    ].join('\n');

  it('the communes’ counts add up to the 533 households of the line before', () => {
    const r = check(plan('84'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.some((c) => c.kind === 'total-with-parts' && c.status === 'consistent' && c.summary.startsWith('533 hộ = 63 hộ'))).toBe(true);
  });

  it('a commune’s count with its digits swapped (48 for 84) is found: 497 against 533', () => {
    const r = check(plan('48'));
    expect(r.findings.map((f) => `${f.code} ${f.printed ?? ''} → ${f.expected ?? ''}`)).toEqual(['parts-short-of-total 533 hộ → 497 hộ']);
  });

  it('a split of the near-poor is not set against a cut of the poor', () => {
    const t = plan('84').replace('Chỉ tiêu giảm hộ nghèo', 'Chỉ tiêu giảm hộ cận nghèo');
    expect(check(t).claims.some((c) => c.kind === 'total-with-parts' && c.summary.startsWith('533 hộ'))).toBe(false);
  });
});

describe('a year’s flow whose end names its year after “cuối năm”', () => {
  const para = (fresh: string): string =>
    `Hộ nghèo: đầu năm 2026 toàn xã có 312 hộ nghèo, chiếm tỷ lệ 11,11%. Qua rà soát, số hộ thoát nghèo là 69 hộ, số hộ tái nghèo 3 hộ, số hộ nghèo phát sinh mới ${fresh} hộ. Tổng số hộ nghèo cuối năm 2026 là 259 hộ, chiếm tỷ lệ 9,10%.`;

  it('“… tổng số hộ nghèo cuối năm 2026 là 259 hộ” ends the flow 312 − 69 + 3 + 13', () => {
    const r = check(para('13'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.some((c) => c.kind === 'flow' && c.status === 'consistent')).toBe(true);
  });

  it('an entry printed wrong (31 for 13) breaks the flow', () => {
    expect(check(para('31')).findings.map((f) => f.code)).toContain('flow-mismatch');
  });
});

describe('a change with the figure it is compared with in brackets', () => {
  it('“… là 2.845 hộ, tăng 37 hộ so với đầu năm 2026 (2.808 hộ)”: consistent; 73 for 37 is found', () => {
    const t = (d: string): string => `Tổng số hộ dân cư toàn xã tại thời điểm rà soát là 2.845 hộ, tăng ${d} hộ so với đầu năm 2026 (2.808 hộ).`;
    const ok = check(t('37'));
    expect(ok.findings.map(brief)).toEqual([]);
    expect(ok.claims.some((c) => c.kind === 'change' && c.status === 'consistent')).toBe(true);
    expect(check(t('73')).findings.map(brief)).toEqual(['change-mismatch “73 hộ” → 37 hộ']);
  });

  it('money: “… 18.640 triệu đồng, tăng 1.240 triệu đồng so với năm 2026 (17.400 triệu đồng)”', () => {
    const t = (d: string): string => `Tổng kinh phí thực hiện Chương trình năm 2027 là 18.640 triệu đồng, tăng ${d} triệu đồng so với năm 2026 (17.400 triệu đồng).`;
    expect(check(t('1.240')).findings.map(brief)).toEqual([]);
    expect(check(t('1.420')).findings.map(brief)).toEqual(['change-mismatch “1.420 triệu đồng” → 1.240 triệu đồng']);
  });

  it('a change against a plan in brackets, or a bracket of another kind, is not read', () => {
    expect(check('Giải ngân 61.420 triệu đồng, tăng 2.000 triệu đồng so với kế hoạch (78.350 triệu đồng).').claims.some((c) => c.kind === 'change')).toBe(false);
    expect(check('Toàn xã có 2.845 hộ, tăng 37 hộ so với đầu năm 2026 (tỷ lệ 1,3%).').findings.map(brief)).toEqual([]);
  });
});

describe('a figure out of another with the unit printed after each', () => {
  const t = (percent: string): string => `Tổng kinh phí thực hiện năm 2026 đã giải ngân 61.420 triệu đồng/78.350 triệu đồng, đạt ${percent}% kế hoạch vốn được giao.`;

  it('“61.420 triệu đồng/78.350 triệu đồng, đạt 78,39% kế hoạch”: the plan is the figure after the slash', () => {
    const r = check(t('78,39'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.some((c) => c.kind === 'percent-of-plan' && c.status === 'consistent')).toBe(true);
  });

  it('a percentage with its digits swapped (87,39) is found', () => {
    expect(check(t('87,39')).findings.map((f) => `${f.code} ${f.printed ?? ''}`)).toEqual(['plans-disagree 87,39%']);
  });

  it('two units that differ (“61.420 triệu đồng/78 tỷ đồng”) are not read as one figure out of the other', () => {
    const r = check('Đã giải ngân 61.420 triệu đồng/78 tỷ đồng, đạt 78,39% kế hoạch.');
    expect(r.claims.some((c) => c.kind === 'percent-of-plan' && c.status === 'consistent')).toBe(false);
  });
});

describe('a start-of-year rate on the households printed for that start', () => {
  const report = (rate: string, households = 'tăng 37 hộ so với đầu năm 2026 (2.808 hộ)'): string =>
    [
      `1. Tổng số hộ dân cư toàn xã tại thời điểm rà soát là 2.845 hộ, ${households}.`,
      '',
      `2. Hộ nghèo: đầu năm 2026 toàn xã có 312 hộ nghèo, chiếm tỷ lệ ${rate}%.`,
    ].join('\n');

  it('“đầu năm 2026 (2.808 hộ)” is the base of “đầu năm 2026 … 312 hộ nghèo, chiếm tỷ lệ 11,11%”', () => {
    const r = check(report('11,11'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.some((c) => c.kind === 'rate-count' && c.status === 'consistent')).toBe(true);
  });

  it('a start rate printed wrong (11,01) is found on it, with the rate on 2.808 households', () => {
    expect(check(report('11,01')).findings.map(brief)).toEqual(['rate-mismatch “11,01%” → 11,11%']);
  });

  it('“Tổng số hộ dân cư đầu năm 2026 là 2.808 hộ” is the same base', () => {
    expect(check(report('11,01', 'tổng số hộ dân cư đầu năm 2026 là 2.808 hộ')).findings.map(brief)).toEqual(['rate-mismatch “11,01%” → 11,11%']);
  });

  it('households of another year are not its base', () => {
    expect(check(report('11,01', 'tăng 37 hộ so với đầu năm 2025 (2.808 hộ)')).findings.map(brief)).toEqual([]);
  });
});

describe('a year’s flow that does not hold, its terms in a table too', () => {
  const table = [
    'TT\tThôn\tTổng số hộ dân cư\tSố hộ nghèo đầu năm\tSố hộ thoát nghèo\tSố hộ tái nghèo\tSố hộ nghèo phát sinh\tHộ nghèo cuối năm',
    '1\tThôn Nà Khá\t342\t41\t9\t0\t2\t34',
    '2\tThôn Bản Muông\t287\t38\t8\t1\t1\t32',
    '3\tThôn Khuổi Phầy\t215\t46\t10\t0\t2\t38',
    '\tTổng cộng\t844\t125\t27\t1\t5\t104',
  ].join('\n');
  const para = (exits: string): string =>
    `Đầu năm 2026 toàn xã có 125 hộ nghèo. Qua rà soát, số hộ thoát nghèo là ${exits} hộ, số hộ tái nghèo 1 hộ, số hộ nghèo phát sinh mới 5 hộ. Tổng số hộ nghèo cuối năm 2026 là 104 hộ.`;
  const found = (r: CheckReport): string[] => r.findings.map((f) => `${f.code} ${f.printed ?? ''} → ${f.expected ?? ''}`);

  it('the exits the table contradicts (72 for 27) are the one finding, not the end of the year', () => {
    expect(found(check([para('72'), '', table].join('\n')))).toEqual(['flow-mismatch 72 hộ → 27 hộ']);
  });

  it('with no table the flow is still found, at its end', () => {
    expect(found(check(para('72')))).toEqual(['flow-mismatch 104 hộ → 59 hộ']);
  });

  it('the flow and the table agreeing: no finding', () => {
    expect(found(check([para('27'), '', table].join('\n')))).toEqual([]);
  });
});

describe('a change whose end, not the change, is the wrong figure', () => {
  const plan = fixture('blind12-kh-xa-ngheo-2027.clean.txt');
  const planted = (from: string, to: string): string => {
    expect(plan.includes(from)).toBe(true);
    return plan.replace(from, to);
  };
  const found = (t: string): string[] => check(t).findings.map((f) => `${f.code} ${f.printed ?? ''} → ${f.expected ?? ''}`);

  it('the end “13,34%” printed nowhere else, the table’s total row printing 13,43%: the end is found, not “giảm 2,40%”', () => {
    expect(found(planted('xuống còn 13,43% (giảm 2,40%)', 'xuống còn 13,34% (giảm 2,40%)'))).toEqual(['change-mismatch 13,34% → 13,43%']);
  });

  it('the start “15,38%” printed nowhere else, 15,83% printed for it before: the start is found', () => {
    expect(found(planted('từ 15,83% xuống còn 13,43%', 'từ 15,38% xuống còn 13,43%'))).toEqual(['change-mismatch 15,38% → 15,83%']);
  });

  it('a change taken from another year’s start (5,99 = 19,42 − 13,43), its ends printed elsewhere too: the change is found', () => {
    expect(found(planted('xuống còn 13,43% (giảm 2,40%)', 'xuống còn 13,43% (giảm 5,99%)'))).toEqual(['change-mismatch 5,99% → 2,40%']);
  });
});

describe('a part of a total that has parts of its own', () => {
  const t = (central: string): string =>
    `Tổng kinh phí thực hiện năm 2027 là 88.449 triệu đồng, trong đó: ngân sách trung ương ${central} triệu đồng (vốn đầu tư phát triển 38.600 triệu đồng, vốn sự nghiệp 30.990 triệu đồng); ngân sách tỉnh đối ứng 6.959 triệu đồng; vốn lồng ghép từ các chương trình, dự án khác 11.900 triệu đồng.`;
  const found = (r: CheckReport): string[] => r.findings.map((f) => `${f.code} ${f.printed ?? ''} → ${f.expected ?? ''}`);

  it('both splits adding up: no finding', () => {
    expect(found(check(t('69.590')))).toEqual([]);
  });

  it('“ngân sách trung ương 69.950” (for 69.590) misses both the total and its own parts by 360: one finding, at it', () => {
    expect(found(check(t('69.950')))).toEqual(['parts-short-of-total 69.950 triệu đồng → 69.590 triệu đồng']);
  });

  it('a part of the inner split wrong is found there alone', () => {
    expect(found(check(t('69.590').replace('vốn sự nghiệp 30.990', 'vốn sự nghiệp 30.909')))).toEqual(['parts-short-of-total 69.590 triệu đồng → 69.509 triệu đồng']);
  });
});
