import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { fraction } from '../../src/numbers/fraction.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// Correct plans on which the checker once reported a finding: a “trong đó” listing groups among
// all households (each with its own share), a figure compared with the column of another clause's
// keyword, and a plan in brackets read as the total of the parts after it. Each is shortened from
// a plan written the way communes and districts write them; each keeps a planted twin that must
// still be found.

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}”`;
const briefs = (r: CheckReport): string[] => r.findings.map(brief);
const summaries = (r: CheckReport): string[] => r.claims.map((c) => `${c.status} ${c.summary}`);
const paragraphs = (...texts: string[]): ReturnType<typeof documentModel> => documentModel(texts.map((text) => ({ kind: 'paragraph' as const, text })));
const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });

describe('“trong đó” listing groups among the total, not a split of it', () => {
  const plan = 'Theo kết quả rà soát cuối năm 2026, toàn xã có 1.842 hộ dân cư, trong đó có 97 hộ nghèo, chiếm 5,27% và 134 hộ cận nghèo, chiếm 7,27%.';

  it('poor and near-poor households among all households, each with its share: fewer than the total is no finding', () => {
    const r = checkDocument(paragraphs(plan));
    expect(r.findings).toEqual([]);
    expect(summaries(r)).toContain('consistent 1.842 hộ = 97 hộ + 134 hộ');
  });

  it('statuses among all households without shares are groups too', () => {
    expect(checkDocument(paragraphs('Tổng số hộ dân cư toàn xã là 1.842 hộ, trong đó 97 hộ nghèo, 134 hộ cận nghèo.')).findings).toEqual([]);
  });

  it('groups that add up to more than the total are still an error', () => {
    const r = checkDocument(paragraphs(plan.replace('97 hộ nghèo, chiếm 5,27%', '1.797 hộ nghèo, chiếm 97,56%')));
    expect(briefs(r)).toContain('parts-exceed-total “1.842 hộ”');
  });

  it('parts meant to cover the total are still found short: sources of a budget, the poor and near-poor of a total of both', () => {
    const budget = checkDocument(paragraphs('Tổng kinh phí 12,5 tỷ đồng, trong đó: ngân sách trung ương 8 tỷ đồng, ngân sách tỉnh 3 tỷ đồng, vốn huy động 1,2 tỷ đồng.'));
    expect(briefs(budget)).toEqual(['parts-short-of-total “12,5 tỷ đồng”']);
    const both = checkDocument(paragraphs('Tổng số hộ nghèo và hộ cận nghèo cuối năm 2026: 285 hộ, trong đó hộ nghèo 118 hộ, hộ cận nghèo 160 hộ.'));
    expect(briefs(both)).toEqual(['parts-short-of-total “285 hộ”']);
    const sexes = checkDocument(paragraphs('Đào tạo nghề cho 300 lao động, trong đó lao động nữ 131 người, lao động nam 121 người.'));
    expect(briefs(sexes)).toEqual(['parts-short-of-total “300 lao động”']);
  });
});

describe('a figure compared with the table column its own clause names', () => {
  const report = (newlyPoor: string): string =>
    [
      'Đầu năm 2026, toàn huyện có 7.594 hộ, trong đó số hộ nghèo là 965 hộ, tỷ lệ 12,71%. Trong năm có 220 hộ thoát nghèo, đạt 110% so với kế hoạch (kế hoạch 200 hộ); phát sinh mới ' + newlyPoor + ' hộ nghèo.',
      'Đến cuối năm 2026, toàn huyện còn 768 hộ nghèo, chiếm 10,11%.',
      'Kết quả cụ thể từng xã như sau:',
      'STT\tĐơn vị\tTổng số hộ\tHộ nghèo đầu năm\tSố hộ thoát nghèo\tSố hộ nghèo phát sinh\tHộ nghèo cuối năm',
      '1\tXã Nà Phặc\t2.315\t318\t71\t9\t256',
      '2\tXã Bằng Vân\t5.279\t647\t149\t14\t512',
      '\tTổng cộng\t7.594\t965\t220\t23\t768',
    ].join('\n');

  it('“…; phát sinh mới 23 hộ nghèo” after a clause of exits is the newly poor column, and agrees', () => {
    const r = checkDocument(readTextDocument(report('23')));
    expect(r.findings).toEqual([]);
    expect(summaries(r)).toContain('consistent 23 hộ (poor, new) as in a table');
    // the moment named only by a clause without a count (“Đến cuối năm 2026,”) still applies
    expect(summaries(r)).toContain('consistent 768 hộ (poor, end, 2026) as in a table');
  });

  it('a wrong newly poor figure is found against that column, not the exits', () => {
    const r = checkDocument(readTextDocument(report('32')));
    expect(r.findings.map((f) => f.message)).toEqual(['“32 hộ” in the text, but the total row of the table at block 4 prints 23 in “Số hộ nghèo phát sinh”']);
  });

  it('a clause that names no moment is not compared', () => {
    const r = checkDocument(readTextDocument(report('23').replace('phát sinh mới 23 hộ nghèo', 'có 23 hộ nghèo là người cao tuổi')));
    expect(r.findings).toEqual([]);
  });
});

describe('a figure in brackets is not the total of the “trong đó” after the bracket', () => {
  const jobs = 'Giải quyết việc làm mới cho 252 lao động, đạt 100,8% kế hoạch (kế hoạch 250 lao động), trong đó: lao động nữ 131 người, lao động nam 121 người.';

  it('the parts belong to the figure before the bracket', () => {
    const r = checkDocument(paragraphs(jobs));
    expect(r.findings).toEqual([]);
    expect(summaries(r)).toContain('consistent 252 lao động = 131 người + 121 người');
  });

  it('parts that do not add up to it are found at it', () => {
    expect(briefs(checkDocument(paragraphs(jobs.replace('121 người', '125 người'))))).toEqual(['parts-exceed-total “252 lao động”']);
  });

  it('an equivalent in brackets is still a total (“(tương đương 669 hộ). Trong đó”)', () => {
    const r = checkDocument(paragraphs('Tỷ lệ hộ nghèo chiếm 11% dân số toàn huyện (tương đương 669 hộ). Trong đó, hộ đồng bào dân tộc thiểu số là 649 hộ, chiếm tỷ lệ 97% số hộ nghèo toàn huyện.'));
    expect(summaries(r)).toContain('consistent 669 hộ = 649 hộ');
  });
});

describe('properties', () => {
  it('a plan in brackets between a figure and its “trong đó” never stands for the total: parts adding up to the figure give no finding, any other sum is found at the figure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 90_000 }), fc.integer({ min: 1, max: 90_000 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: -50, max: 50 }), (total, plan, womenPct, delta) => {
        const women = Math.max(1, Math.floor((total * womenPct) / 100));
        const men = total - women;
        fc.pre(men > 0 && plan !== total);
        const text = (m: number): string => `Giải quyết việc làm mới cho ${vn(total)} lao động (kế hoạch ${vn(plan)} lao động), trong đó: lao động nữ ${vn(women)} người, lao động nam ${vn(m)} người.`;
        expect(checkDocument(paragraphs(text(men))).findings).toEqual([]);
        fc.pre(delta !== 0 && men + delta > 0);
        const code = delta > 0 ? 'parts-exceed-total' : 'parts-short-of-total';
        expect(briefs(checkDocument(paragraphs(text(men + delta))))).toEqual([`${code} “${vn(total)} lao động”`]);
      }),
    );
  });

  it('poor and near-poor households among all households, each with its share: fewer in all is never a finding, more always is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 900_000 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (households, poorPct, nearPct) => {
        const poor = Math.max(1, Math.floor((households * poorPct) / 100));
        const near = Math.max(1, Math.floor((households * nearPct) / 100));
        const pct = (n: number): string => formatVnNumber(fraction(BigInt(n) * 100n, BigInt(households)), { decimals: 2, rounding: 'half-up' });
        const text = (h: number, p: number): string => `Toàn xã có ${vn(h)} hộ dân cư, trong đó có ${vn(p)} hộ nghèo, chiếm ${pct(p)}% và ${vn(near)} hộ cận nghèo, chiếm ${pct(near)}%.`;
        expect(checkDocument(paragraphs(text(households, poor))).findings.filter((f) => f.code.startsWith('parts-'))).toEqual([]);
        const over = households - near + 1;
        expect(briefs(checkDocument(paragraphs(text(households, over)))).filter((b) => b.startsWith('parts-'))).toEqual([`parts-exceed-total “${vn(households)} hộ”`]);
      }),
    );
  });
});
