import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

// Two documents written as officials print them, correct as printed (test/fixtures/documents/README.md):
// a district's report on the 2026 results of the programme with its 2027 plan, and a commune's summary
// of its end-of-2026 review (QĐ 24/2021/QĐ-TTg, the summary form and standard reports of
// /work/shared/domain/review-procedure.md §9). Each false finding they gave is pinned with its passage,
// beside a twin whose error the same check still finds; each planted error is expected at its figure.

const check = (t: string): CheckReport => checkDocument(readTextDocument(t));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const fixture = (name: string): string => readFixture(`documents/${name}`);
const DISTRICT = 'blind13-bc-huyen-2026-kh-2027.clean.txt';
const COMMUNE = 'blind13-ra-soat-xa-2026.clean.txt';
/** The fixture with one passage replaced (it must be printed there). */
const planted = (name: string, from: string, to: string): CheckReport => {
  const text = fixture(name);
  expect(text).toContain(from);
  return check(text.replace(from, to));
};

describe('the two documents, correct as printed', () => {
  it('a district’s report on 2026 and plan for 2027: no finding', () => {
    expect(check(fixture(DISTRICT)).findings.map(brief)).toEqual([]);
  });

  it('a commune’s summary of its end-of-2026 review: no finding', () => {
    expect(check(fixture(COMMUNE)).findings.map(brief)).toEqual([]);
  });
});

describe('the flows of the poor and the near-poor side by side', () => {
  const table = (phatSinh: string, cuoi: string): string =>
    [
      'TT\tThôn, bản\tHộ nghèo\t\t\t\t\tHộ cận nghèo\t\t\t\t',
      '\t\tĐầu năm\tThoát nghèo\tTái nghèo\tPhát sinh\tCuối năm\tĐầu năm\tThoát cận nghèo\tTái cận nghèo\tPhát sinh\tCuối năm',
      '1\tBản Nậm Lằn\t45\t9\t0\t2\t38\t25\t6\t0\t8\t27',
      '2\tBản Huổi Sáy\t47\t8\t1\t1\t41\t22\t5\t1\t6\t24',
      '3\tBản Pá Ban\t36\t8\t0\t1\t29\t30\t7\t0\t8\t31',
      '4\tBản Co Muông\t40\t7\t1\t1\t35\t18\t4\t0\t5\t19',
      `5\tBản Phiêng Luông\t27\t6\t0\t1\t22\t27\t5\t1\t${phatSinh}\t${cuoi}`,
      '6\tBản Nà Tấu\t32\t7\t0\t1\t26\t35\t8\t0\t9\t36',
      '7\tBản Hua Nà\t28\t6\t0\t1\t23\t21\t4\t0\t5\t22',
      '\tCộng\t255\t51\t2\t8\t214\t178\t39\t2\t46\t187',
    ].join('\n');

  it('the near-poor’s “Phát sinh” is not the poor’s “Phát sinh” + “Thoát cận nghèo” (six villages of eight by chance)', () => {
    expect(check(table('5', '28')).findings.map(brief)).toEqual([]);
  });

  it('a near-poor end that the flow does not give is still found', () => {
    expect(check(table('5', '29')).findings.map(brief)).toEqual(['difference-mismatch “29” → 28']);
  });
});

describe('a start-of-year pair in brackets after the end’s pair, on the start’s households', () => {
  const report = (start: string): string =>
    [
      'Toàn xã có 7 bản với 1.142 hộ dân cư (đầu năm là 1.127 hộ).',
      '',
      `- Hộ nghèo: 214 hộ, tỷ lệ 18,74% (đầu năm 255 hộ, tỷ lệ ${start}).`,
      '',
      '- Hộ cận nghèo: 187 hộ, tỷ lệ 16,37%.',
    ].join('\n');

  it('“(đầu năm 255 hộ, tỷ lệ 22,63%)” is of the poor, on the 1.127 households “(đầu năm là 1.127 hộ)”, not the 1.142 at the review', () => {
    expect(check(report('22,63%')).findings.map(brief)).toEqual([]);
  });

  it('a start rate that 1.127 households do not give is still found: 22,36% for 255', () => {
    expect(check(report('22,36%')).findings.map(brief)).toEqual(['rate-mismatch “22,36%” → 22,63%']);
  });
});

describe('shares of the poor deprived of an indicator, in the prose', () => {
  const report = (first: string): string =>
    [
      '- Hộ nghèo: 214 hộ, tỷ lệ 18,74%. Hộ cận nghèo: 187 hộ, tỷ lệ 16,37%; tổng số hộ dân cư 1.142 hộ.',
      '',
      `Chỉ số có nhiều hộ nghèo thiếu hụt nhất là nhà tiêu hợp vệ sinh với 143 hộ (${first}), tiếp đến là người phụ thuộc trong hộ gia đình 121 hộ (56,54%) và nguồn nước sinh hoạt 88 hộ (41,12%).`,
    ].join('\n');

  it('“nhiều hộ nghèo thiếu hụt nhất là … 143 hộ (66,82%), … 121 hộ (56,54%)” are shares of the 214 poor, not of the 1.142 households', () => {
    expect(check(report('66,82%')).findings.map(brief)).toEqual([]);
  });

  it('a share the others’ base does not give is still found: 68,62% for 143', () => {
    expect(check(report('68,62%')).findings.map(brief)).toEqual(['rate-count-base-mismatch “68,62% (143 hộ)” → 66,82%']);
  });
});

describe('the year’s target in the prose and the table that hands it out by commune', () => {
  const plan = (poor: string, last: string, cut = '33'): string =>
    [
      `Phấn đấu trong năm 2027 toàn huyện giảm ${poor} hộ nghèo và 64 hộ cận nghèo; đến cuối năm 2027 số hộ nghèo còn 1.376 hộ.`,
      '',
      'Biểu số 02',
      'ĐVT: hộ',
      '',
      'STT\tXã, thị trấn\tSố hộ nghèo cuối năm 2026\tChỉ tiêu năm 2027\t\t',
      '\t\t\tSố hộ nghèo giảm\tSố hộ nghèo còn lại\tSố hộ cận nghèo giảm',
      '1\tThị trấn Minh Sơn\t43\t4\t39\t5',
      '2\tXã Minh Hòa\t90\t12\t78\t8',
      '3\tXã Tân Lập\t105\t14\t91\t7',
      '4\tXã Yên Thượng\t246\t38\t208\t10',
      '5\tXã Nà Phặc\t302\t44\t258\t9',
      '6\tXã Bản Công\t324\t42\t282\t8',
      '7\tXã Trung Thành\t261\t38\t223\t9',
      `8\tXã Phú Nghĩa\t230\t${cut}\t197\t${last}`,
      '\tCộng\t1.601\t225\t1.376\t64',
    ].join('\n');

  it('“giảm 225 hộ nghèo và 64 hộ cận nghèo” are two targets, each the total the table hands out: no finding', () => {
    const r = check(plan('225', '8'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'reduction-target').map((c) => c.status)).toEqual(['consistent', 'consistent']);
  });

  it('a district’s target that its communes’ do not add up to is found at the prose’s figure: 235 for 225', () => {
    expect(check(plan('235', '8')).findings.map(brief)).toEqual(['figure-differs-from-table “235 hộ” → 225 hộ']);
  });

  it('a commune’s cut mistyped, its households left right, is found in the table at that cell: 23 for 33', () => {
    expect(check(plan('225', '8', '23')).findings.map(brief)).toEqual(['sum-mismatch “23” → 33']);
  });

  it('a commune’s near-poor cut that the total does not add is one finding, at the total the prose repeats (no other figure says which)', () => {
    expect(check(plan('225', '6')).findings.map(brief)).toEqual(['sum-mismatch “64” → 62']);
  });

  it('a target for 2027 is not measured against a table of the results of 2026 (its exits are not the plan)', () => {
    const report = [
      'Phấn đấu trong năm 2027 toàn huyện giảm 64 hộ cận nghèo.',
      '',
      'TT\tĐơn vị\tTổng số hộ dân cư\tHộ nghèo đầu năm 2026\tThoát nghèo\tHộ cận nghèo đầu năm 2026\tHộ cận nghèo cuối năm 2026',
      '1\tXã A\t3.850\t62\t21\t95\t88',
      '2\tXã B\t2.410\t118\t33\t160\t151',
      '3\tXã C\t1.980\t134\t36\t150\t146',
      '\tToàn huyện\t8.240\t314\t90\t405\t385',
    ].join('\n');
    const r = check(report);
    expect(r.findings.map(brief)).toEqual([]);
  });
});

describe('the cuts after an end whose start is in brackets right after it', () => {
  const report = (count: string, rate: string): string =>
    [
      'Toàn xã có 7 bản với 1.142 hộ dân cư (đầu năm là 1.127 hộ).',
      '',
      `- Hộ nghèo: 214 hộ, tỷ lệ 18,74% (đầu năm 255 hộ, tỷ lệ 22,63%); như vậy số hộ nghèo giảm ${count} hộ, tỷ lệ hộ nghèo giảm ${rate}%.`,
    ].join('\n');

  it('“…; như vậy số hộ nghèo giảm 41 hộ, tỷ lệ hộ nghèo giảm 3,89%” from the start in the brackets: consistent', () => {
    const r = check(report('41', '3,89'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'change').map((c) => c.status)).toEqual(['consistent', 'consistent']);
  });

  it('a cut of the households that the two counts do not give is found: 14 for 41', () => {
    expect(check(report('14', '3,89')).findings.map(brief)).toEqual(['change-mismatch “14 hộ” → 41 hộ']);
  });

  it('a cut of the rate in points that the two rates do not give is found: 3,98 for 3,89', () => {
    expect(check(report('41', '3,98')).findings.map(brief)).toEqual(['change-mismatch “3,98%” → 3,89%']);
  });
});

describe('a percentage disbursed of the amount given the sentence before', () => {
  const report = (pct: string): string =>
    `Tổng nguồn vốn thực hiện Chương trình năm 2026 được giao là 52.400 triệu đồng, trong đó: ngân sách trung ương 46.800 triệu đồng; ngân sách tỉnh đối ứng 4.100 triệu đồng; ngân sách huyện 1.500 triệu đồng. Tính đến ngày 15/12/2026, các chủ đầu tư đã giải ngân 45.850 triệu đồng, giải ngân đạt ${pct}% kế hoạch vốn.`;

  it('“đã giải ngân 45.850 triệu đồng, giải ngân đạt 87,5% kế hoạch vốn” is of the 52.400 “được giao”: consistent', () => {
    const r = check(report('87,5'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.find((c) => c.kind === 'percent-of-plan')?.status).toBe('consistent');
  });

  it('a percentage that amount does not give is found: 85,7% for 87,5%', () => {
    expect(check(report('85,7')).findings.map((f) => `${f.code} ${f.printed ?? ''}`)).toEqual(['plans-disagree 85,7%']);
  });
});

// Each error planted alone in a copy of the clean document, the way real ones happen; each expects exactly that finding.
describe('errors planted in the district’s report, one at a time', () => {
  const cases: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
    ['a commune’s poor at the start with two digits swapped, its rate left right', '5\tXã Nà Phặc\t1.245\t1.252\t341\t27,39', '5\tXã Nà Phặc\t1.245\t1.252\t314\t27,39', ['sum-mismatch “314” → 341']],
    ['a subtotal’s exits that left out a commune (Khu vực II, III without Nà Phặc’s 46)', 'II\tKhu vực II, III\t6.280\t6.315\t1.547\t24,63\t260', 'II\tKhu vực II, III\t6.280\t6.315\t1.547\t24,63\t214', ['sum-mismatch “214” → 260']],
    ['an end rate computed on the households at the start (246 ÷ 1.560)', '246\t15,68', '246\t15,77', ['rate-mismatch “15,77” → 15,68']],
    ['a change in points that is another year’s', 'giảm 1,87 điểm phần trăm', 'giảm 2,15 điểm phần trăm', ['change-mismatch “2,15 điểm phần trăm” → 1,87%']],
    ['a commune’s near-poor at the end swapped with its poor', '246\t15,68\t189\t12,12\t192\t12,24', '192\t15,68\t189\t12,12\t246\t12,24', ['difference-mismatch “192” → 246', 'sum-mismatch “246” → 192']],
    ['the district’s target that the communes’ do not add up to', 'giảm 225 hộ nghèo và 64', 'giảm 235 hộ nghèo và 64', ['figure-differs-from-table “235 hộ” → 225 hộ']],
    ['a commune’s target mistyped, its households left right', '4\tXã Yên Thượng\t246\t38\t208', '4\tXã Yên Thượng\t246\t28\t208', ['sum-mismatch “28” → 38']],
    ['the exits in the prose against the table’s', 'có 350 hộ được công nhận', 'có 305 hộ được công nhận', ['figure-differs-from-table “305 hộ” → 350 hộ']],
    ['the DTTS share of the poor at the end', 'chiếm 88,19%', 'chiếm 81,19%', ['share-mismatch “81,19%” → 88,19%']],
    ['the share of the poor in the communes of Khu vực II, III', 'chiếm 85,13%', 'chiếm 83,15%', ['share-mismatch “83,15%” → 85,13%']],
    ['the percentage disbursed', 'giải ngân đạt 87,5%', 'giải ngân đạt 85,7%', ['plans-disagree “85,7%” → 53.469,3 – 53.531,9 triệu đồng']],
    ['the cut of the poor against the plan in brackets (260 of 250)', 'đạt 104% kế hoạch', 'đạt 110% kế hoạch', ['plans-disagree “110%” → 235,2 – 237,5 hộ']],
    ['the near-poor’s exits in the prose (1.230 − 168 + 173 is not 1.217)', '186 hộ thoát cận nghèo', '168 hộ thoát cận nghèo', ['flow-mismatch “168 hộ” → 186 hộ']],
    ['the near-poor’s rate at the start, on the households at the start printed in another paragraph', '1.230 hộ (8,47%)', '1.230 hộ (8,74%)', ['rate-mismatch “8,74%” → 8,47%']],
    ['the near-poor’s cut after their end', '8,33% tổng số hộ dân cư, giảm 13 hộ', '8,33% tổng số hộ dân cư, giảm 31 hộ', ['change-mismatch “31 hộ” → 13 hộ']],
    ['the poor left at the end of 2027 against the table’s “Số hộ nghèo còn lại”', 'số hộ nghèo còn 1.376 hộ', 'số hộ nghèo còn 1.367 hộ', ['figure-differs-from-table “1.367 hộ” → 1.376 hộ']],
    ['a source that makes the parts exceed the total', 'ngân sách tỉnh đối ứng 4.100', 'ngân sách tỉnh đối ứng 4.700', ['parts-exceed-total “52.400 triệu đồng” → 53.000 triệu đồng']],
    // the shares of the poor after it are of the table's 1.601: not found a second time; nor the pairs it breaks (oneFinding13)
    ['the poor at the end in the prose against the table’s', 'hộ nghèo còn 1.601 hộ, tỷ lệ 10,95%', 'hộ nghèo còn 1.610 hộ, tỷ lệ 10,95%', ['change-mismatch “1.610 hộ” → 1.601 hộ']],
  ];
  it.each(cases)('%s', (_, from, to, expected) => {
    expect(planted(DISTRICT, from, to).findings.map(brief)).toEqual(expected);
  });
});

describe('errors planted in the commune’s review summary, one at a time', () => {
  const cases: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
    ['a village’s poor with two digits swapped, its rate left right', '3\tBản Pá Ban\t205\t29\t14,15', '3\tBản Pá Ban\t205\t92\t14,15', ['sum-mismatch “92” → 29']],
    ['the commune’s near-poor that left out a village (Hua Nà’s 22)', '\tToàn xã\t1.142\t214\t18,74\t207\t187', '\tToàn xã\t1.142\t214\t18,74\t207\t165', ['sum-mismatch “165” → 187']],
    ['a village’s rate computed over its poor instead of its households', '6\tBản Nà Tấu\t231\t26\t11,26', '6\tBản Nà Tấu\t231\t26\t84,62', ['rate-mismatch “84,62” → 11,26']],
    // the DTTS share after it is of the table's 214: not found a second time
    ['the poor at the end in the prose against the table’s', '- Hộ nghèo: 214 hộ, tỷ lệ 18,74%', '- Hộ nghèo: 241 hộ, tỷ lệ 18,74%', ['change-mismatch “241 hộ” → 214 hộ']],
    ['the change in points of the rate', 'tỷ lệ hộ nghèo giảm 3,89%', 'tỷ lệ hộ nghèo giảm 3,98%', ['change-mismatch “3,98%” → 3,89%']],
    ['the cut of the poor households', 'giảm 41 hộ', 'giảm 14 hộ', ['change-mismatch “14 hộ” → 41 hộ']],
    ['a village’s near-poor swapped with its poor', '4\tBản Co Muông\t118\t35\t29,66\t35\t19\t16,10', '4\tBản Co Muông\t118\t19\t29,66\t35\t35\t16,10', ['sum-mismatch “19” → 35', 'sum-mismatch “35” → 19']],
    ['a village’s exits in the flow table', '2\tBản Huổi Sáy\t47\t8\t1\t1\t41', '2\tBản Huổi Sáy\t47\t6\t1\t1\t41', ['difference-mismatch “6” → 8']],
    ['an indicator’s share of the poor', '9\tNguồn nước sinh hoạt\t88\t41,12', '9\tNguồn nước sinh hoạt\t88\t14,12', ['rate-mismatch “14,12” → 41,12']],
    ['an indicator’s share of the poor in the prose', '143 hộ (66,82%)', '143 hộ (68,62%)', ['rate-count-base-mismatch “68,62% (143 hộ)” → 66,82%']],
    ['the DTTS share of the poor', 'bằng 96,73%', 'bằng 93,76%', ['rate-mismatch “93,76%” → 96,73%']],
    // the cut of the rate after it is of the right 22,63%: not found a second time
    ['the start rate in brackets, on the households at the start', 'tỷ lệ 22,63%', 'tỷ lệ 22,36%', ['rate-mismatch “22,36%” → 22,63%']],
    ['the near-poor’s rise after their flow', 'tăng 9 hộ', 'tăng 19 hộ', ['change-mismatch “19 hộ” → 9 hộ']],
    ['the near-poor newly counted (178 − 39 + 2 + 64 is not 187; the flow table prints 46)', '46 hộ cận nghèo phát sinh', '64 hộ cận nghèo phát sinh', ['flow-mismatch “64 hộ” → 46 hộ']],
    ['the rate of the average-living-standard households', '260 hộ, tỷ lệ 22,77%', '260 hộ, tỷ lệ 27,27%', ['rate-count-base-mismatch “27,27% (260 hộ)” → 22,77%']],
    ['the poor and near-poor together', 'là 401 hộ, chiếm 35,11%', 'là 410 hộ, chiếm 35,11%', ['rate-count-base-mismatch “35,11% (410 hộ)” → 35,90%']],
  ];
  it.each(cases)('%s', (_, from, to, expected) => {
    expect(planted(COMMUNE, from, to).findings.map(brief)).toEqual(expected);
  });
});

describe('a cut of the poor against the plan printed in brackets before it', () => {
  const report = (pct: string): string =>
    [
      'Đầu năm 2026, toàn huyện có 1.861 hộ nghèo, tỷ lệ 12,82%.',
      '',
      `Cuối năm 2026, hộ nghèo còn 1.601 hộ, tỷ lệ 10,95%, giảm 260 hộ so với đầu năm. So với chỉ tiêu Nghị quyết HĐND huyện giao (giảm 250 hộ nghèo, tỷ lệ giảm 1,8%), số hộ nghèo giảm đạt ${pct}% kế hoạch.`,
    ].join('\n');

  it('“So với chỉ tiêu … giao (giảm 250 hộ nghèo, …), số hộ nghèo giảm đạt 104% kế hoạch” after “giảm 260 hộ”: consistent', () => {
    const r = check(report('104'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'percent-of-plan').map((c) => c.summary)).toEqual(['260 hộ = 104% of the plan (250 hộ)']);
  });

  it('a percentage that 260 of 250 does not give is found: 110%', () => {
    expect(check(report('110')).findings.map((f) => `${f.code} ${f.printed ?? ''}`)).toEqual(['plans-disagree 110%']);
  });
});

describe('the year’s flow of the near-poor in the prose', () => {
  const report = (exits: string, change: string): string =>
    `Đầu năm, số hộ cận nghèo toàn huyện là 1.230 hộ (8,47%). Qua rà soát, ${exits} hộ thoát cận nghèo và 173 hộ cận nghèo mới (trong đó 98 hộ từ hộ nghèo chuyển sang). Đến cuối năm, hộ cận nghèo còn 1.217 hộ, chiếm 8,33% tổng số hộ dân cư, ${change}.`;

  it('start − thoát cận nghèo + cận nghèo mới = end, and “giảm 13 hộ” the change, not a target: consistent', () => {
    const r = check(report('186', 'giảm 13 hộ'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'flow' || c.kind === 'change' || c.kind === 'reduction-target').map((c) => `${c.kind} ${c.status}`)).toEqual(['flow consistent', 'change consistent']);
  });

  it('exits that do not bridge the start and the end are found: 168 for 186', () => {
    expect(check(report('168', 'giảm 13 hộ')).findings.map(brief)).toEqual(['flow-mismatch “1.217 hộ” → 1.235 hộ']);
  });

  it('a change the start and the end do not give is found: giảm 31 hộ', () => {
    expect(check(report('186', 'giảm 31 hộ')).findings.map(brief)).toEqual(['change-mismatch “31 hộ” → 13 hộ']);
  });

  it('the end first, the start in brackets: “- Hộ cận nghèo: 187 hộ, tỷ lệ 16,37% (đầu năm 178 hộ); trong năm 39 hộ thoát cận nghèo, …”', () => {
    const text = (entries: string): string =>
      `Toàn xã có 1.142 hộ dân cư.\n\n- Hộ cận nghèo: 187 hộ, tỷ lệ 16,37% (đầu năm 178 hộ); trong năm 39 hộ thoát cận nghèo, 2 hộ tái cận nghèo và ${entries} hộ cận nghèo phát sinh, số hộ cận nghèo tăng 9 hộ.`;
    expect(check(text('46')).findings.map(brief)).toEqual([]);
    expect(check(text('64')).findings.map(brief)).toEqual(['flow-mismatch “187 hộ” → 205 hộ']);
  });
});

describe('the same results in other words', () => {
  const report = (share: string, exits: string): string =>
    [
      'Tổng số hộ dân cư toàn huyện đầu năm 2026 là 14.520 hộ, cuối năm 2026 là 14.615 hộ.',
      '',
      'Năm 2026, số hộ nghèo giảm từ 1.861 hộ (12,82%) xuống còn 1.601 hộ (10,95%), giảm 260 hộ.',
      '',
      `Số hộ nghèo là đồng bào dân tộc thiểu số là 1.412 hộ, chiếm ${share}% tổng số hộ nghèo.`,
      '',
      `Số hộ cận nghèo đầu năm là 1.230 hộ, cuối năm còn 1.217 hộ (giảm 13 hộ), chiếm 8,33%; trong năm có ${exits} hộ thoát cận nghèo và 173 hộ cận nghèo phát sinh.`,
    ].join('\n');

  it('“giảm từ 1.861 hộ (12,82%) xuống còn 1.601 hộ (10,95%)”: a share of the poor is of the end, 1.601, not of the start it fell from', () => {
    expect(check(report('88,19', '186')).findings.map(brief)).toEqual([]);
  });

  it('a share 1.601 does not give is still found: 81,19%', () => {
    expect(check(report('81,19', '186')).findings.map(brief)).toEqual(['share-mismatch “81,19%” → 88,19%']);
  });

  it('“Số hộ cận nghèo đầu năm là 1.230 hộ, cuối năm còn 1.217 hộ (…); trong năm có 186 hộ thoát cận nghèo …” is the near-poor’s flow: 168 is found', () => {
    expect(check(report('88,19', '168')).findings.map(brief)).toEqual(['flow-mismatch “1.217 hộ” → 1.235 hộ']);
  });
});

describe('the commune’s summary in other words', () => {
  const report = (entries: string, deprived: string): string =>
    [
      'Toàn xã có 1.142 hộ dân cư. Kết quả rà soát cuối năm 2026 toàn xã có 214 hộ nghèo, chiếm 18,74% tổng số hộ dân cư.',
      '',
      `Hộ cận nghèo: đầu năm 178 hộ, cuối năm 187 hộ (chiếm 16,37%), tăng 9 hộ; số hộ thoát cận nghèo 39 hộ, tái cận nghèo 2 hộ, cận nghèo phát sinh ${entries} hộ.`,
      '',
      `Tỷ lệ hộ nghèo thiếu hụt chỉ số nhà tiêu hợp vệ sinh là ${deprived}% (143 hộ).`,
      '',
      'TT\tThôn, bản\tTổng số hộ dân cư\tHộ nghèo\t',
      '\t\t\tSố hộ\tTỷ lệ (%)',
      '1\tBản Nậm Lằn\t186\t38\t20,43',
      '2\tBản Huổi Sáy\t142\t41\t28,87',
      '3\tBản Pá Ban\t205\t29\t14,15',
      '4\tBản Co Muông\t609\t106\t17,41',
      '\tToàn xã\t1.142\t214\t18,74',
    ].join('\n');

  it('“Tỷ lệ hộ nghèo thiếu hụt chỉ số … là 66,82%” is no poverty rate to compare with the table’s 18,74%; the near-poor’s labelled flow holds', () => {
    const r = check(report('46', '66,82'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'flow').map((c) => c.status)).toEqual(['consistent']);
  });

  it('a labelled entry that does not bridge the start and the end is found: 64 for 46', () => {
    expect(check(report('64', '66,82')).findings.map(brief)).toEqual(['flow-mismatch “187 hộ” → 205 hộ']);
  });
});

describe('a rate with its count alone in brackets after it', () => {
  const text = (near: string): string => `Toàn xã có 1.142 hộ dân cư. Tỷ lệ hộ nghèo cuối năm 2026 là 18,74% (214 hộ), tỷ lệ hộ cận nghèo là ${near}% (187 hộ).`;

  it('“Tỷ lệ hộ nghèo cuối năm 2026 là 18,74% (214 hộ)” is a pair on the households printed: consistent', () => {
    const r = check(text('16,37'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'rate-count').map((c) => c.status)).toEqual(['consistent', 'consistent']);
  });

  it('a rate its count does not give is found: 16,73% for 187 of 1.142', () => {
    expect(check(text('16,73')).findings.map(brief)).toEqual(['rate-mismatch “16,73%” → 16,37%']);
  });

  it('a cut with the households it stands for in brackets is no pair: “tỷ lệ hộ nghèo giảm 1,87% (260 hộ)”', () => {
    const r = check('Toàn huyện có 14.615 hộ dân cư. Năm 2026 tỷ lệ hộ nghèo giảm 1,87% (260 hộ).');
    expect(r.claims.filter((c) => c.kind === 'rate-count')).toEqual([]);
  });
});
