import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

// One wrong figure, one finding, at the figure that is wrong: the other figures that confirm it (a table printing the
// same value, a rate that is that of the other count, a whole no part exceeds) decide which one it is. Each planted
// error beside its clean twin (the unseen plans of test/fixtures/documents/blind13-*.clean.txt).

const check = (t: string): CheckReport => checkDocument(readTextDocument(t));
const at = (f: CheckFinding): string => `${f.code} ${f.location.rowLabel ?? ''} · ${f.location.columnKey ?? ''}: ${f.printed ?? ''} → ${f.expected ?? ''}`;
const fixture = (name: string): string => readFixture(`documents/${name}`);
const COMMUNE = fixture('blind13-ra-soat-xa-2026.clean.txt');
/** The document with `from` (printed once) replaced by `to`. */
const plant = (text: string, from: string, to: string): string => {
  if (text.indexOf(from) < 0 || text.indexOf(from) !== text.lastIndexOf(from)) throw new Error(`“${from}” is not printed once`);
  return text.replace(from, to);
};

describe('a count of deprived households above the whole its share is of', () => {
  const row = '10\tNhà tiêu hợp vệ sinh\t143\t66,82\t52\t27,81';

  it('the review summary as printed: no finding', () => {
    expect(check(COMMUNE).findings.map(at)).toEqual([]);
  });

  it('“252” deprived of 187 near-poor, its rate 27,81 that of 52: one finding, at the count', () => {
    const r = check(plant(COMMUNE, row, '10\tNhà tiêu hợp vệ sinh\t143\t66,82\t252\t27,81'));
    expect(r.findings.map(at)).toEqual(['rate-mismatch Nhà tiêu hợp vệ sinh · Hộ cận nghèo · Số hộ thiếu hụt: 252 → 52']);
    expect(r.findings[0]!.message).toContain('more than the whole it is a share of (187');
  });

  it('a count under its whole that gives another rate is still found at the rate (nothing says which is wrong)', () => {
    const r = check(plant(COMMUNE, row, '10\tNhà tiêu hợp vệ sinh\t143\t66,82\t25\t27,81'));
    expect(r.findings.map(at)).toEqual(['rate-mismatch Nhà tiêu hợp vệ sinh · Tỷ lệ so với tổng số hộ cận nghèo (%): 27,81 → 13,37']);
  });

  it('a rate above 100 printed with its count above the whole is not moved to the count', () => {
    const table = (count: string, rate: string): string =>
      ['TT\tChỉ số\tHộ cận nghèo\t', '\t\tSố hộ thiếu hụt\tTỷ lệ so với tổng số hộ cận nghèo (%)', '\tTổng số hộ\t187\t100,00', '1\tViệc làm\t33\t17,65', '2\tDinh dưỡng\t11\t5,88', `3\tNhà tiêu\t${count}\t${rate}`, '4\tBảo hiểm y tế\t4\t2,14'].join('\n');
    expect(check(table('52', '27,81')).findings).toEqual([]);
    expect(check(table('252', '27,81')).findings.map(at)).toEqual(['rate-mismatch Nhà tiêu · Số hộ thiếu hụt: 252 → 52']);
    expect(check(table('252', '127,81')).findings.map((f) => `${f.code} ${f.location.columnKey ?? ''}`)).toEqual(['inequality-broken Số hộ thiếu hụt', 'rate-mismatch Tỷ lệ so với tổng số hộ cận nghèo (%)']);
  });
});

describe('a prose count the table prints otherwise, and the rate–count pairs it breaks', () => {
  const DISTRICT = fixture('blind13-bc-huyen-2026-kh-2027.clean.txt');
  const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

  it('the district’s report as printed: no finding', () => {
    expect(check(DISTRICT).findings.map(brief)).toEqual([]);
  });

  it('“hộ nghèo còn 1.610 hộ” for the table’s 1.601: one finding at the count, the pairs that share no base with it folded in', () => {
    const r = check(plant(DISTRICT, 'hộ nghèo còn 1.601 hộ', 'hộ nghèo còn 1.610 hộ'));
    expect(r.findings.map(brief)).toEqual(['change-mismatch “1.610 hộ” → 1.601 hộ']);
    expect(r.findings[0]!.message).toContain('it also breaks the rate–count pairs 10,95% (1.610 hộ); 8,33% (1.217 hộ), which with 1.601 hộ share a base of 14.615 – 14.618 households');
  });

  it('“Hộ nghèo: 241 hộ” for 214: one finding at the count, the pair off the others’ base folded in', () => {
    const r = check(plant(COMMUNE, '- Hộ nghèo: 214 hộ', '- Hộ nghèo: 241 hộ'));
    expect(r.findings.map(brief)).toEqual(['change-mismatch “241 hộ” → 214 hộ']);
    expect(r.findings[0]!.message).toContain('it also breaks the rate–count pairs 18,74% (241 hộ)');
  });

  it('pairs that share no base even with the table’s count are still found beside it', () => {
    let text = plant(DISTRICT, 'hộ nghèo còn 1.601 hộ', 'hộ nghèo còn 1.610 hộ');
    text = plant(text, 'chiếm 8,33% tổng', 'chiếm 9,33% tổng');
    expect(check(text).findings.map(brief)).toEqual(['rate-count-pairs-disagree “10,95% (1.610 hộ); 9,33% (1.217 hộ)” → ', 'change-mismatch “1.610 hộ” → 1.601 hộ']);
  });
});

describe('a sub-project’s figure carried into the total of its own row', () => {
  const RESOLUTION = fixture('blind13-nq-phan-bo-von-2027.clean.txt');
  const row = '85.857\t72.415,5\t-\t72.415,5';

  it('the resolution as printed: no finding', () => {
    expect(check(RESOLUTION).findings.map(at)).toEqual([]);
  });

  it('“Sự nghiệp” and “Cộng” both typed 72.451,5, “Tổng cộng” left at 85.857: one finding, at the sub-project’s Sự nghiệp', () => {
    const r = check(plant(RESOLUTION, row, '85.857\t72.451,5\t-\t72.451,5'));
    expect(r.findings.map(at)).toEqual(['sum-mismatch Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp · Sự nghiệp: 72.451,5 → 72.415,5']);
    expect(r.findings[0]!.message).toContain('its Cộng 72.451,5 (Cộng = Đầu tư phát triển + Sự nghiệp, as printed) carries it');
  });

  it('the “Cộng” alone typed wrong stays at the “Cộng”', () => {
    const r = check(plant(RESOLUTION, row, '85.857\t72.451,5\t-\t72.415,5'));
    expect(r.findings.map((f) => `${f.location.rowLabel ?? ''} · ${f.location.columnKey ?? ''}: ${f.printed ?? ''} → ${f.expected ?? ''}`)).toEqual(['Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp · Cộng: 72.451,5 → 72.415,5']);
  });
});

describe('a year’s flow whose end the table prints as it is', () => {
  const DISTRICT = fixture('blind13-bc-huyen-2026-kh-2027.clean.txt');

  it('the near-poor’s “186 hộ thoát cận nghèo” typed 168, the table printing 1.230 and 1.217: one finding, at the exits', () => {
    const r = check(plant(DISTRICT, '186 hộ thoát cận nghèo', '168 hộ thoát cận nghèo'));
    expect(r.findings.map(at)).toEqual(['flow-mismatch  · : 168 hộ → 186 hộ']);
    expect(r.findings[0]!.message).toContain('the tables print 1.230 hộ (Hộ cận nghèo đầu năm 2026 · Số hộ, block 20) and 1.217 hộ (Hộ cận nghèo cuối năm 2026 · Số hộ, block 20) as they are');
    expect(r.findings[0]!.message).toContain('with 155 hộ for “173 hộ” it would hold too');
  });

  it('the entries typed with two digits swapped instead (137 for 173): at the entries, the exits’ fit no typing slip', () => {
    expect(check(plant(DISTRICT, '173 hộ cận nghèo mới', '137 hộ cận nghèo mới')).findings.map(at)).toEqual(['flow-mismatch  · : 137 hộ → 173 hộ']);
  });

  it('the commune’s near-poor, every figure in its flow table: the exits, the entries or the start typed wrong are found at themselves', () => {
    expect(check(plant(COMMUNE, 'năm 39 hộ thoát cận', 'năm 93 hộ thoát cận')).findings.map(at)).toEqual(['flow-mismatch  · : 93 hộ → 39 hộ']);
    expect(check(plant(COMMUNE, '46 hộ cận nghèo phát sinh', '64 hộ cận nghèo phát sinh')).findings.map(at)).toEqual(['flow-mismatch  · : 64 hộ → 46 hộ']);
    expect(check(plant(COMMUNE, '(đầu năm 178 hộ)', '(đầu năm 187 hộ)')).findings.map(at)).toEqual(['flow-mismatch  · : 187 hộ → 178 hộ']);
  });

  it('the end itself typed wrong is still found at the end, the pairs it breaks folded in', () => {
    const r = check(plant(COMMUNE, '- Hộ cận nghèo: 187 hộ', '- Hộ cận nghèo: 178 hộ'));
    expect(r.findings.map(at)).toEqual(['flow-mismatch  · : 178 hộ → 187 hộ']);
  });

  const poor = (exits: string, table: boolean): string =>
    [
      `Đầu năm 2026 toàn xã có 255 hộ nghèo. Trong năm có ${exits} hộ thoát nghèo, 2 hộ tái nghèo và 8 hộ nghèo phát sinh mới; đến cuối năm còn 214 hộ nghèo.`,
      ...(table ? ['', 'TT\tThôn, bản\tHộ nghèo đầu năm 2026\tHộ nghèo cuối năm 2026', '1\tBản A\t130\t110', '2\tBản B\t125\t104', '\tToàn xã\t255\t214'] : []),
    ].join('\n');

  it('the poor’s flow the same: as printed no finding; exits 15 for 51 found at the exits when the table prints the start and the end', () => {
    expect(check(poor('51', true)).findings).toEqual([]);
    expect(check(poor('15', true)).findings.map(at)).toEqual(['flow-mismatch  · : 15 hộ → 51 hộ']);
  });

  it('with no table to confirm the end, the end is blamed as before', () => {
    expect(check(poor('15', false)).findings.map(at)).toEqual(['flow-mismatch  · : 214 hộ → 250 hộ']);
  });
});

describe('a pair’s rate on a printed base, wrong only because its count is', () => {
  const DISTRICT = fixture('blind13-bc-huyen-2026-kh-2027.clean.txt');
  const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

  it('“số hộ nghèo là 1.816 hộ, tỷ lệ 12,82%” for the table’s 1.861: one finding at the count, its rate that of 1.861', () => {
    const r = check(plant(DISTRICT, 'số hộ nghèo là 1.861 hộ', 'số hộ nghèo là 1.816 hộ'));
    expect(r.findings.map(brief)).toEqual(['figure-differs-from-table “1.816 hộ” → 1.861 hộ']);
    expect(r.findings[0]!.message).toContain('its rate 12,82% is that of 1.861 hộ on 14.520 hộ');
  });

  it('the near-poor’s start “1.203 hộ (8,47%)” for 1.230: one finding at the start of the flow', () => {
    expect(check(plant(DISTRICT, 'cận nghèo toàn huyện là 1.230 hộ', 'cận nghèo toàn huyện là 1.203 hộ')).findings.map(brief)).toEqual(['flow-mismatch “1.203 hộ” → 1.230 hộ']);
  });

  it('a rate wrong for the right count too is still found beside the count', () => {
    const r = check(plant(plant(DISTRICT, 'số hộ nghèo là 1.861 hộ', 'số hộ nghèo là 1.816 hộ'), 'tỷ lệ 12,82%', 'tỷ lệ 12,28%'));
    expect(r.findings.map((f) => f.code)).toEqual(['figure-differs-from-table', 'change-mismatch', 'rate-mismatch']);
  });
});

describe('a prose count above the whole its share is of', () => {
  const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

  it('“207 hộ, bằng 96,73% tổng số hộ nghèo” as printed holds; 270 for 207 is found at the count, not at the rate', () => {
    expect(check(COMMUNE).findings).toEqual([]);
    expect(check(plant(COMMUNE, '207 hộ, bằng', '270 hộ, bằng')).findings.map(brief)).toEqual(['rate-mismatch “270 hộ” → 207 hộ']);
  });

  it('a count under its whole with another rate is still found at the rate', () => {
    expect(check(plant(COMMUNE, '207 hộ, bằng', '201 hộ, bằng')).findings.map(brief)).toEqual(['rate-mismatch “96,73%” → 93,93%']);
  });
});
