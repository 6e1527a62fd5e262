import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

// Two budget documents of the 2026–2035 programme written as officials print them, correct as printed
// (test/fixtures/documents/README.md): a province People's Council resolution allocating the 2027
// budget by project and by district, and a district's report on disbursement at 30/9/2027. Each
// false finding they gave is pinned beside its twin; each planted error is found at its figure.

const check = (t: string): CheckReport => checkDocument(readTextDocument(t));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const at = (f: CheckFinding): string => `${f.code} ${f.location.rowLabel ?? ''} · ${f.location.columnKey ?? ''}: ${f.printed ?? ''} → ${f.expected ?? ''}`;
const RESOLUTION = readFixture('documents/blind13-nq-phan-bo-von-2027.clean.txt');
const REPORT = readFixture('documents/blind13-bc-giai-ngan-2027.clean.txt');
/** The document with `from` (printed once) replaced by `to`, as one typing error. */
const plant = (text: string, ...edits: ReadonlyArray<readonly [string, string]>): string =>
  edits.reduce((t, [from, to]) => {
    if (t.indexOf(from) < 0 || t.indexOf(from) !== t.lastIndexOf(from)) throw new Error(`“${from}” is not printed once`);
    return t.replace(from, to);
  }, text);

describe('the two documents, correct as printed', () => {
  it('a province resolution allocating the 2027 budget by project and by district: no finding', () => {
    expect(check(RESOLUTION).findings.map(brief)).toEqual([]);
  });

  it('a district report on disbursement at 30/9/2027: no finding', () => {
    expect(check(REPORT).findings.map(brief)).toEqual([]);
  });
});

describe('“1. Tổng vốn …, bao gồm:” with its a), b), c), then “2. …”', () => {
  const resolution = (other: string): string =>
    [
      `1. Tổng vốn thực hiện năm 2027 là 1.180.213 triệu đồng, bao gồm:`,
      'a) Vốn ngân sách trung ương: 1.032.400,5 triệu đồng;',
      'b) Vốn ngân sách tỉnh đối ứng: 111.512,5 triệu đồng;',
      `c) Vốn huy động hợp pháp khác: ${other} triệu đồng.`,
      '2. Vốn đầu tư phát triển ngân sách trung ương hơn 735 tỷ đồng được bố trí cho Dự án 1 là 701.000 triệu đồng, chiếm 95,3%.',
    ].join('\n');

  it('the next numbered item “2. …” is the total’s sibling, not a fourth part', () => {
    const r = check(resolution('36.300'));
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'total-with-parts').map((c) => `${c.status} ${c.summary}`)).toEqual([
      'consistent 1.180.213 triệu đồng = 1.032.400,5 triệu đồng + 111.512,5 triệu đồng + 36.300 triệu đồng',
    ]);
  });

  it('a wrong part of the three is still found', () => {
    expect(check(resolution('38.300')).findings.map((f) => f.code)).toEqual(['parts-exceed-total']);
  });
});

describe('a percent of a named amount, its name before a bracket', () => {
  it('“bằng 10,8% vốn ngân sách trung ương (mức đối ứng tối thiểu 10% …)” is checked: 111.512,5 of 1.032.400,5', () => {
    expect(check(RESOLUTION).claims.some((c) => c.status === 'consistent' && c.summary.includes('10,8% of 1.032.400,5'))).toBe(true);
  });

  it('the share computed on the whole programme (111.512,5 of 1.180.213 is 9,4%) is found', () => {
    const r = check(plant(RESOLUTION, ['bằng 10,8% vốn', 'bằng 9,4% vốn']));
    expect(r.findings.map(brief)).toEqual(['share-mismatch “9,4%” → 10,8%']);
  });
});

describe('a district table whose total is checked in the columns the header does not declare sums', () => {
  const district = ['1\tHuyện Mường Nhé\t193.637\t176.910\t132.400\t44.510', '1\tHuyện Mường Nhé\t194.637\t177.910\t132.400\t45.510'] as const;

  it('a district’s Sự nghiệp 1.000 over, its Cộng and Tổng cộng with it: one finding at the total row', () => {
    const r = check(plant(RESOLUTION, district));
    expect(r.findings.map(at)).toEqual(['sum-mismatch Tổng cộng · Sự nghiệp: 296.800,5 → 297.800,5']);
  });
});

describe('a percentage of the capital plan printed in a section before', () => {
  it('“đạt 65,07% kế hoạch vốn” and “chiếm 34,93% kế hoạch vốn” are of “Tổng kế hoạch vốn năm 2027 là 165.218,5 triệu đồng”', () => {
    const claims = check(REPORT).claims.filter((c) => c.kind === 'percent-of-plan' && c.summary.includes('(165.218,5 triệu đồng)'));
    expect(claims.map((c) => `${c.status} ${c.summary}`)).toEqual([
      'consistent 107.512,7 triệu đồng = 65,07% of the plan (165.218,5 triệu đồng)',
      'consistent 57.705,8 triệu đồng = 34,93% of the plan (165.218,5 triệu đồng)',
    ]);
  });

  it('a disbursement rate on the year’s new capital only (107.512,7 of 146.001,5 is 73,64%) is found', () => {
    const r = check(plant(REPORT, ['đạt 65,07% kế hoạch vốn', 'đạt 73,64% kế hoạch vốn']));
    expect(r.findings.map((f) => `${f.code} ${f.printed ?? ''}`)).toEqual(['plans-disagree 73,64%']);
  });

  it('the share left to disburse with two digits swapped (39,43% for 34,93%) is found', () => {
    const r = check(plant(REPORT, ['chiếm 34,93%', 'chiếm 39,43%']));
    expect(r.findings.map((f) => `${f.code} ${f.printed ?? ''}`)).toEqual(['plans-disagree 39,43%']);
  });

  it('two capital plans of different values: not read', () => {
    const two = 'Kế hoạch vốn năm 2026 là 150.000 triệu đồng. Tổng kế hoạch vốn năm 2027 là 165.218,5 triệu đồng.\n\nĐến ngày 30/9/2027 đã giải ngân 107.512,7 triệu đồng, đạt 65,07% kế hoạch vốn.';
    expect(check(two).findings).toEqual([]);
    expect(check(two).claims.filter((c) => c.kind === 'percent-of-plan').map((c) => c.status)).toEqual(['unchecked']);
  });
});

describe('a part of the central budget the appendix prints otherwise', () => {
  it('“vốn sự nghiệp 269.800,5 triệu đồng” where both appendices print 296.800,5 under “Ngân sách trung ương › Sự nghiệp”: found at the part', () => {
    const r = check(plant(RESOLUTION, ['vốn sự nghiệp 296.800,5 triệu', 'vốn sự nghiệp 269.800,5 triệu']));
    expect(r.findings.map((f) => `${f.code} ${f.printed ?? ''} → ${f.expected ?? ''}`)).toEqual(['parts-short-of-total 269.800,5 triệu đồng → 296.800,5 triệu đồng']);
    expect(r.findings[0]!.message).toContain('“Ngân sách trung ương › Sự nghiệp”');
  });
});

describe('a share against the bound its own sentence states', () => {
  const counterpart = (amount: string, share: string): string =>
    ['Vốn ngân sách trung ương: 1.032.400,5 triệu đồng.', `Vốn ngân sách tỉnh đối ứng: ${amount} triệu đồng, bằng ${share}% vốn ngân sách trung ương (mức đối ứng tối thiểu 10% theo quy định).`].join('\n');

  it('a counterpart of 9,0% of the central budget under “tối thiểu 10%”: found at the share, its arithmetic right', () => {
    const r = check(counterpart('92.916', '9,0'));
    expect(r.findings.map(brief)).toEqual(['stated-bound-broken “9,0%” → ≥ 10%']);
    expect(r.findings[0]!.message).toBe('“9,0%”: below the minimum its sentence states (“tối thiểu 10%”)');
  });

  it('the resolution’s 10,8% and a share exactly at the minimum hold', () => {
    expect(check(counterpart('111.512,5', '10,8')).findings).toEqual([]);
    expect(check(counterpart('103.240', '10,0')).findings).toEqual([]);
  });

  it('“chiếm 6,2% vốn sự nghiệp …, bảo đảm không quá 5% theo quy định” is above its maximum', () => {
    const text = (amount: string, share: string): string =>
      `Vốn sự nghiệp ngân sách trung ương: 296.800,5 triệu đồng. Kinh phí thực hiện Dự án 7 là ${amount} triệu đồng, chiếm ${share}% vốn sự nghiệp ngân sách trung ương, bảo đảm không quá 5% theo quy định.`;
    expect(check(text('18.500', '6,2')).findings.map(brief)).toEqual(['stated-bound-broken “6,2%” → ≤ 5%']);
    expect(check(text('13.008', '4,4')).findings).toEqual([]);
  });

  it('a bound on another figure of the sentence (a target’s cut, a rate) is not the share’s', () => {
    expect(check('Hộ nghèo dân tộc thiểu số chiếm 12,5% tổng số hộ nghèo, phấn đấu mỗi năm giảm tối thiểu 15%.').findings).toEqual([]);
    expect(check('Số hộ nghèo là 420 hộ, chiếm 12,5%; tỷ lệ hộ nghèo năm 2030 không quá 10%.').findings).toEqual([]);
    expect(check('Vốn ngân sách trung ương: 1.000 triệu đồng. Vốn ngân sách tỉnh: 30 triệu đồng, bằng 3,0% vốn ngân sách trung ương, ngân sách huyện đối ứng tối thiểu 5%.').findings).toEqual([]);
  });
});

describe('a share of a part of the central budget named with its source', () => {
  it('“chiếm 4,4% vốn sự nghiệp ngân sách trung ương” is of the “vốn sự nghiệp 296.800,5” listed under “Vốn ngân sách trung ương: …, gồm …”, sections before', () => {
    const r = check(RESOLUTION);
    expect(r.claims.filter((c) => c.summary.includes('of 296.800,5 triệu đồng (vốn sự nghiệp ngân sách trung ương')).map((c) => `${c.status} ${c.summary}`)).toEqual([
      'consistent 13.008 triệu đồng = 4,4% of 296.800,5 triệu đồng (vốn sự nghiệp ngân sách trung ương, block 18)',
      'consistent 20.780 triệu đồng = 7,0% of 296.800,5 triệu đồng (vốn sự nghiệp ngân sách trung ương, block 18)',
    ]);
  });

  it('the share taken of the whole programme instead (13.008 of 1.180.213 is 1,1%) is found', () => {
    expect(check(plant(RESOLUTION, ['chiếm 4,4% vốn sự nghiệp', 'chiếm 1,1% vốn sự nghiệp'])).findings.map(brief)).toEqual(['share-mismatch “1,1%” → 4,4%']);
    expect(check(plant(RESOLUTION, ['chiếm 7,0% vốn sự nghiệp', 'chiếm 1,8% vốn sự nghiệp'])).findings.map(brief)).toEqual(['share-mismatch “1,8%” → 7,0%']);
  });

  it('a name printed for two amounts of different values is not read', () => {
    const two = 'Vốn sự nghiệp ngân sách trung ương: 296.800,5 triệu đồng.\n\nĐiều 2.\n\nVốn sự nghiệp ngân sách trung ương: 250.000 triệu đồng.\n\nĐiều 3.\n\nKinh phí Dự án 7 là 13.008 triệu đồng, chiếm 1,1% vốn sự nghiệp ngân sách trung ương.';
    expect(check(two).findings).toEqual([]);
  });
});

describe('a project’s disbursement rate in the prose against its row of the table', () => {
  it('“Dự án 4 đạt 38,16%” where Biểu số 01 prints 31,86 in the row of Dự án 4: a warning at the prose figure', () => {
    const r = check(plant(REPORT, ['Dự án 4 đạt 31,86%', 'Dự án 4 đạt 38,16%']));
    expect(r.findings.map(brief)).toEqual(['figure-differs-from-table “38,16%” → 31,86%']);
    expect(r.findings[0]!.message).toContain('(“Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững”)');
  });

  it('the rates as printed agree, and one decimal fewer reads the cell rounded (31,9 for 31,86)', () => {
    expect(check(REPORT).claims.filter((c) => c.kind === 'table-figure' && c.status === 'consistent').length).toBe(6);
    expect(check(plant(REPORT, ['Dự án 4 đạt 31,86%', 'Dự án 4 đạt 31,9%'])).findings).toEqual([]);
  });

  it('a sub-project’s rate is compared with its own row, never its project’s; a project no table prints is not compared', () => {
    const text = ['Tiểu dự án 1 đạt 67,98%; Dự án 8 đạt 12,00%.', '', 'TT\tNội dung\tKế hoạch\tGiải ngân\tTỷ lệ (%)', '1\tDự án 1\t200\t100\t50,00', '-\tTiểu dự án 1\t100\t50\t50,00', '-\tTiểu dự án 2\t100\t50\t50,00', '\tTổng cộng\t200\t100\t50,00'].join('\n');
    expect(check(text).findings.map(brief)).toEqual(['figure-differs-from-table “67,98%” → 50,00%']);
  });
});

describe('the same budget totalled by two appendices', () => {
  const district = ['1\tHuyện Mường Nhé\t193.637\t176.910\t132.400\t44.510', '1\tHuyện Mường Nhé\t194.637\t177.910\t132.400\t45.510'] as const;
  const recomputed = ['\tTổng cộng\t1.143.913\t1.032.400,5\t735.600\t296.800,5', '\tTổng cộng\t1.144.913\t1.033.400,5\t735.600\t297.800,5'] as const;

  it('a district’s allocation 1.000 over, its appendix totalled again: the district total exceeds the province’s, found at Phụ lục II', () => {
    const r = check(plant(RESOLUTION, district, recomputed));
    expect(r.findings.map(at)).toEqual(['figure-differs-from-table Tổng cộng · Sự nghiệp: 297.800,5 → 296.800,5']);
    expect(r.findings[0]!.severity).toBe('error');
    expect(r.findings[0]!.message).toContain('the figure the text prints');
  });

  it('the appendices’ grand totals differ by design (Phụ lục I adds the other sources): no finding on the resolution as printed', () => {
    expect(check(RESOLUTION).findings).toEqual([]);
  });

  it('tables of two years with the same headers are not compared', () => {
    const table = (year: string, sn: string): string =>
      [`Biểu. KẾ HOẠCH VỐN NĂM ${year}`, 'ĐVT: triệu đồng', 'STT\tNội dung\tNgân sách trung ương\t\t\tNgân sách tỉnh', '\t\tCộng\tĐầu tư phát triển\tSự nghiệp\t', `\tTổng cộng\t${Number(sn) + 500}\t500\t${sn}\t100`, `1\tDự án 1\t${Number(sn) + 500}\t500\t${sn}\t100`].join('\n');
    expect(check(`${table('2026', '300')}\n\n${table('2027', '400')}`).findings).toEqual([]);
  });
});

describe('a total printed in a larger unit than its parts, rounded for print', () => {
  it('“đã giải ngân 107,5 tỷ đồng, …, trong đó:” 17.872,2 + 89.640,5 triệu đồng = 107.512,7: the total rounded to 0,1 tỷ', () => {
    const r = check(plant(REPORT, ['đã giải ngân 107.512,7 triệu đồng', 'đã giải ngân 107,5 tỷ đồng']));
    expect(r.findings.map(brief)).toEqual([]);
  });

  it('a total in tỷ the parts do not round to is still found', () => {
    const r = check(plant(REPORT, ['đã giải ngân 107.512,7 triệu đồng', 'đã giải ngân 107,6 tỷ đồng']));
    expect(r.findings.map((f) => f.code)).toContain('parts-short-of-total');
  });
});

describe('the amount left to disburse is the capital plan less what was disbursed', () => {
  it('“Số vốn còn lại chưa giải ngân là 57.705,8 triệu đồng” = 165.218,5 − 107.512,7, both printed sections before', () => {
    expect(check(REPORT).claims.filter((c) => c.kind === 'change' && c.summary.startsWith('165.218,5')).map((c) => c.status)).toEqual(['consistent']);
  });

  it('57.750,8 for 57.705,8: one finding, at the amount (its percentage of the plan is not found again)', () => {
    const r = check(plant(REPORT, ['là 57.705,8 triệu', 'là 57.750,8 triệu']));
    expect(r.findings.map(brief)).toEqual(['change-mismatch “57.750,8 triệu đồng” → 57.705,8 triệu đồng']);
  });

  it('two amounts said disbursed with different values: not read', () => {
    const text = 'Tổng kế hoạch vốn năm 2027 là 165.218,5 triệu đồng.\n\nQuý I đã giải ngân 20.000 triệu đồng. Đến 30/9/2027 đã giải ngân 107.512,7 triệu đồng.\n\nSố vốn còn lại chưa giải ngân là 57.750,8 triệu đồng.';
    expect(check(text).findings).toEqual([]);
  });
});

describe('errors planted as real ones happen, each found once at its figure', () => {
  const cases: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string]>, string]> = [
    ['Tiểu dự án 2 left out of Dự án 3’s sum (Sự nghiệp, Cộng, Tổng cộng)', RESOLUTION, [['3\tDự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng\t100.003\t85.275,5\t-\t85.275,5', '3\tDự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng\t87.143\t72.415,5\t-\t72.415,5']], 'sum-mismatch Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng · Sự nghiệp: 72.415,5 → 85.275,5'],
    ['two digits swapped in a cell (18.250,5 → 18.205,5)', RESOLUTION, [['\t612.400\t18.250,5\t', '\t612.400\t18.205,5\t']], 'sum-mismatch Tiểu dự án 1: Hỗ trợ đầu tư hạ tầng kinh tế - xã hội các xã nghèo · Sự nghiệp: 18.205,5 → 18.250,5'],
    ['an amount typed in tỷ in a triệu table (84 for 84.000)', RESOLUTION, [['\t105.000\t84.000\t-\t84.000\t', '\t105.000\t84.000\t-\t84\t']], 'sum-mismatch Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo · Sự nghiệp: 84 → 84.000'],
    ['the central budget’s share of the total 87,5 → 90,2', RESOLUTION, [['chiếm 87,5% tổng vốn', 'chiếm 90,2% tổng vốn']], 'share-mismatch  · : 90,2% → 87,5%'],
    ['a disbursement rate on the year’s new capital (1.905 ÷ 5.120 = 37,21)', REPORT, [['\t31,86\t', '\t37,21\t']], 'rate-mismatch Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững · Tỷ lệ giải ngân (%): 37,21 → 31,86'],
    ['the amount left in a row 4.075 → 4.705', REPORT, [['\t4.075\n', '\t4.705\n']], 'sum-mismatch Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững · Vốn còn lại chưa giải ngân: 4.705 → 4.075'],
    ['capital carried over 2.318,4 → 2.381,4 in a sub-project’s row', REPORT, [['\t12.533,4\t2.318,4\t', '\t12.533,4\t2.381,4\t']], 'sum-mismatch Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp · Kế hoạch vốn năm 2027 · Vốn năm 2026 chuyển sang: 2.381,4 → 2.318,4'],
    ['the carried-over rate on the wrong base (17.872,2 ÷ 146.001,5 = 12,24)', REPORT, [['đạt 93,00%', 'đạt 12,24%']], 'plans-disagree  · : 12,24% → 145.955,0 – 146.074,4 triệu đồng'],
  ];
  for (const [name, doc, edits, expected] of cases) {
    it(name, () => {
      expect(check(plant(doc, ...edits)).findings.map(at)).toEqual([expected]);
    });
  }
});
