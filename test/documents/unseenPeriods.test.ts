import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { extractClaims } from '../../src/documents/proseClaims.js';
import { ambiguousFigures, isEnglishFormat, proseFigures } from '../../src/documents/_proseFigures.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';
import { wordPlan } from '../_helpers/wordProse.js';

// What the prose checker used to leave unread (test/fixtures/documents/README.md): an average or a change
// since “đầu kỳ” / “đầu giai đoạn” with one year named, ranges written high end first, counts named
// without “hộ”, a count over its base with its rate, and figures in the English format.

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const fixture = (name: string): string => readFixture(`documents/${name}`);
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''} (${f.difference ?? ''})`;
const claimsOf = (text: string): string[] => check(text).claims.map((c) => `${c.status} ${c.kind}: ${c.summary}${c.note === null ? '' : ` — ${c.note}`}`);

describe('a district’s report on 2021–2025: every planted error at its figure, the twin gives nothing', () => {
  it('reads the period of the title, a change since the start, a count over its base, a count without “hộ”, English figures and a range written backwards', () => {
    const clean = check(fixture('period-report.clean.txt'));
    expect(clean.findings).toEqual([]);
    // the second “1.709 hộ nghèo, chiếm 7,41%” (cuối năm 2024) is on the households printed for that year
    expect(clean.claims.filter((c) => c.status === 'consistent').map((c) => c.kind)).toEqual(['rate-count', 'rate-count', 'rate-count', 'change', 'yearly-average', 'total-with-parts', 'reduction-target']);
    const r = check(fixture('period-report.txt'));
    expect(r.findings.map(brief)).toEqual([
      // 2.318 ÷ 23.064 = 10,05 %, printed 10,50
      'rate-mismatch “10,50%” → 10,05% (0.45)',
      // 15,40 − 7,41 = 7,99, printed 7,09
      'change-mismatch “7,09%” → 7,99% (-0.9)',
      // 9,28 over 2021–2025 (the title): 4 years (from the end of 2021) or 5
      'average-mismatch “2,23%” → 2,32 or 1,86% (-0.09)',
      // 120.450,0 + 61.586,5 = 182.036,5, not 182.306,5: read in the English format, never as 182,3065
      'parts-short-of-total “182,306.5 triệu đồng” → 182.036,5 triệu đồng (270)',
      // “416-346 hộ”: 2 % of 23.064 = 461,3
      'target-count-mismatch “416 hộ” → 461 hộ (-45.3)',
    ]);
    const blocks = readTextDocument(fixture('period-report.txt')).blocks;
    const at = (f: CheckFinding): string => { const b = blocks[f.location.block - 1]!; return b.kind === 'table' ? '' : b.text.slice(f.location.start, f.location.end); };
    expect(r.findings.map(at)).toEqual(['10,50%', '7,09%', '2,23%', '182,306.5 triệu đồng', '416']);
    expect(r.findings[2]!.message).toContain("the period 2021–2025 of the document's title (block 3)");
  });

  it('as a Word document (no-break spaces in the thousands, decomposed diacritics): the same findings, and none on the twin', async () => {
    const text = check(fixture('period-report.txt')).findings.map(brief);
    const word = checkDocument(readDocxDocument(await wordPlan(fixture('period-report.txt')))).findings.map((f) => brief(f).replace(/(\d)[\u00a0 ](\d{3})/g, '$1.$2'));
    expect(word).toEqual(text);
    expect(checkDocument(readDocxDocument(await wordPlan(fixture('period-report.clean.txt')))).findings).toEqual([]);
  });

  it('says where the period came from and which ranges were written backwards', () => {
    const claims = claimsOf(fixture('period-report.clean.txt'));
    expect(claims).toContain("consistent yearly-average: 9,28% over 4 or 5 years: down 2,32% a year — 9,28% over 4 years = 2,32% a year, printed 2,32% (the period 2021–2025 of the document's title (block 3), from 2021 (or the end of 2020) to 2025)");
    expect(claims).toContain('consistent change: 15,40% → 7,41%: down 7,99% — 15,40% − 7,41% = 7,99%');
    expect(claims.find((c) => c.includes('reduction-target'))).toContain('(“2-1,5”, “461-346” written high end first, read as from the smaller to the larger)');
  });
});

describe('“đầu kỳ”, “đầu giai đoạn” with one year named', () => {
  it('Nghệ An (real): “giảm 4,64% so với đầu kỳ, bình quân 1,16%/năm” and “Đầu giai đoạn … 17,24% … còn 10,35%, bình quân giảm 2,29%/năm” from the first year the report names', () => {
    const text = fixture('real-nghe-an-2021-2025.txt');
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'yearly-average' || c.kind === 'change').map((c) => `${c.status} ${c.note ?? ''}`)).toEqual([
      'consistent 3,64% over 3 years = 1,21% a year, printed 1,21%',
      'consistent 7,8% − 4,16% = 3,64%',
      'consistent 4,64% over 4 years = 1,16% a year, printed 1,16% (from 2021, the first year the document names (block 3), to 2025)',
      'consistent 17,24% − 10,35% over 3 years = 2,30% a year, printed 2,29% (from 2021, the first year the document names (block 3), to 2024)',
    ]);
    expect(check(text.replace('bình quân 1,16%/năm', 'bình quân 1,61%/năm')).findings.map(brief)).toEqual(['average-mismatch “1,61%” → 1,16 or 0,93% (0.45)']);
    expect(check(text.replace('giảm 3,64%, bình quân 1,21%/năm', 'giảm 3,46%, bình quân 1,15%/năm')).findings.map(brief)).toEqual(['change-mismatch “3,46%” → 3,64% (-0.18)']);
  });

  it('a rate found wrong at its pair is not found again in the change since the start', () => {
    const r = check(fixture('real-nghe-an-2021-2025.txt').replace('36.703 hộ (4,16%)', '36.703 hộ (4,61%)'));
    expect(r.findings.map((f) => f.code)).toEqual(['rate-count-pairs-disagree']);
    expect(r.claims.find((c) => c.kind === 'change')?.note).toBe('4,61% (36.703 hộ) is in a finding: the change from 7,8% to 4,61% is checked once it is corrected');
  });

  it('a “giai đoạn” named in a paragraph before is nearer than the title; a sentence with no year, or a start after the end, is not read', () => {
    const para = (...texts: string[]): CheckReport => checkDocument(documentModel(texts.map((text) => ({ kind: 'paragraph' as const, text }))));
    const average = (r: CheckReport): string[] => r.claims.filter((c) => c.kind === 'yearly-average').map((c) => `${c.status} ${c.summary}`);
    // 2022–2024: 2 or 3 years; 6,3 ÷ 3 = 2,1
    expect(average(para('Kế hoạch giảm nghèo giai đoạn 2021–2025', 'Kết quả giai đoạn 2022–2024 như sau.', 'Đến cuối năm 2024, tỷ lệ hộ nghèo giảm 6,3% so với đầu kỳ, bình quân 2,1%/năm.'))).toEqual(['consistent 6,3% over 2 or 3 years: down 2,1% a year']);
    expect(average(para('Kế hoạch giảm nghèo giai đoạn 2021–2025', 'Tỷ lệ hộ nghèo giảm 6,3% so với đầu kỳ, bình quân 2,1%/năm.'))).toEqual([]);
    expect(average(para('Năm 2026 và giai đoạn 2026–2030', 'Đến cuối năm 2024, tỷ lệ hộ nghèo giảm 6,3% so với đầu kỳ, bình quân 2,1%/năm.'))).toEqual([]);
  });
});

describe('ranges written high end first', () => {
  it('“giảm 2-1,5%” is read as 1,5–2 points, never dropped; one range reversed and the other not are paired by value', () => {
    const r = check('Phấn đấu năm 2025 giảm tỷ lệ hộ nghèo 2-1,5%.');
    expect(r.claims.map((c) => c.summary)).toEqual(['poor rate down 1,50 – 2,00 points (“2-1,5” written high end first, read as from the smaller to the larger)']);
    const both = ['Tổng số hộ dân cư toàn huyện: 23.064 hộ.', 'Năm 2025, phấn đấu giảm tỷ lệ hộ nghèo từ 2-1,5%, tương đương giảm 346-461 hộ nghèo.'].join('\n\n');
    expect(check(both).findings).toEqual([]);
    expect(check(both).claims.at(-1)?.status).toBe('consistent');
    expect(check(both.replace('346-461', '346-416')).findings.map(brief)).toEqual(['target-count-mismatch “416 hộ” → 461 hộ (-45.3)']);
  });
});

describe('counts named without “hộ”, and a count over its base with its rate', () => {
  it('Gia Lai 2020 (real): “19.965/371.154 hộ … (giảm 5.842 hộ …), chiếm tỷ lệ 5,38%” checked on its own base; “số hộ nghèo dân tộc thiểu số là 17.185 (…), chiếm tỷ lệ 11,14%” read', () => {
    const text = fixture('real-gia-lai-2020.txt');
    const r = check(text);
    expect(r.findings).toEqual([]);
    const pairs = r.claims.filter((c) => c.kind === 'rate-count');
    expect(pairs.map((c) => `${c.status} ${c.summary.replace(/, .*$/, '')}`)).toEqual(['consistent poor 5,38% = 19.965/371.154 hộ', 'unchecked poor (dân tộc thiểu số) 11,14% = 17.185']);
    expect(pairs[0]!.note).toBe('19.965/371.154 hộ ÷ 371.154 hộ (printed) × 100 = 5,379%, printed 5,38%');
    expect(check(text.replace('chiếm tỷ lệ 5,38%', 'chiếm tỷ lệ 5,83%')).findings.map(brief)).toEqual(['rate-mismatch “5,83%” → 5,38% (0.45)']);
  });

  it('a number after “số hộ … là” is a count only with an aside or “chiếm” after it: not a year, a decimal or a document number', () => {
    const figures = (t: string): string[] => proseFigures(t).map((f) => f.text);
    expect(figures('số hộ cận nghèo là 2.318 (giảm 95 hộ), chiếm tỷ lệ 10,05%')).toEqual(['2.318', '95 hộ', '10,05%']);
    expect(figures('số hộ nghèo là 17.185, chiếm 11,14%')).toEqual(['17.185', '11,14%']);
    expect(figures('số hộ nghèo có 2025 (theo Quyết định).')).toEqual([]);
    expect(figures('số hộ nghèo là 2,5 (bình quân)')).toEqual([]);
    expect(figures('số hộ nghèo là 17.185 người')).toEqual(['17.185 người']);
  });
});

describe('figures in the English format', () => {
  it('“182,306.5 triệu đồng” in a Vietnamese document is 182.306,5; “1,234 hộ”, “12.5%” and “1,234 households” are listed, never guessed', () => {
    const [f] = proseFigures('Đã giải ngân 182,306.5 triệu đồng.');
    expect([f!.text, f!.digits, `${f!.value.num}/${f!.value.den}`]).toEqual(['182,306.5 triệu đồng', '182.306,5', '364613/2']);
    expect(proseFigures('Tổng 1,234,567 hộ.').map((x) => x.digits)).toEqual(['1.234.567']);
    expect(proseFigures('Đã hỗ trợ 1,234 hộ và 1,234 tỷ đồng.').map((x) => x.digits)).toEqual(['1,234']);
    expect(ambiguousFigures('Đã hỗ trợ 1,234 hộ, tỷ lệ 12.5%, 1,234 households, 1,234 tỷ đồng, 5.842 hộ.').map((a) => a.text)).toEqual(['1,234 hộ', '12.5%', '1,234 households']);
    const r = check('Đã hỗ trợ 1,234 hộ nghèo vay vốn, chiếm 12.5%.');
    expect(r.findings).toEqual([]);
    expect(r.unchecked.map((u) => u.reason)).toEqual([
      '“1,234 hộ” may be 1.234 in the English format, in a document whose figures are Vietnamese (“,” is the decimal comma, and a count has no decimals): not read',
      '“12.5%” has a point decimal, as in the English format (12,5), in a document whose figures are Vietnamese (“.” groups thousands): not read',
    ]);
  });

  it('a document whose figures are all in the English format is read in it: its pairs share a base, a wrong rate is found', () => {
    const text = 'Toàn tỉnh có 63,379 hộ nghèo, chiếm 15.38%; 40,120 hộ cận nghèo, chiếm 9.73%.';
    expect(isEnglishFormat([text])).toBe(true);
    expect(isEnglishFormat([text, 'Tỷ lệ hộ nghèo giảm 1,5%.'])).toBe(false);
    // section numbers before a count are no evidence, and a count grouped by points is Vietnamese
    expect(isEnglishFormat(['2.1 Hộ nghèo', '2.2 Hộ cận nghèo', 'Toàn xã có 1.234 hộ.'])).toBe(false);
    expect(isEnglishFormat(['Toàn xã có 1.234 hộ, tỷ lệ 12.50%, kinh phí 12.5 tỷ đồng.'])).toBe(false);
    expect(ambiguousFigures('2.1 Hộ nghèo')).toEqual([]);
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => c.summary)).toEqual(['poor 15.38% = 63,379 hộ', 'near-poor 9.73% = 40,120 hộ']);
    expect(r.claims.every((c) => c.status === 'consistent')).toBe(true);
    expect(check(text.replace('9.73%', '9.37%')).findings.map((f) => f.code)).toEqual(['rate-count-pairs-disagree']);
    // “households” is a unit too: read in an English-format document, listed in a Vietnamese one
    expect(proseFigures('Total 1,234 households.', { englishFormat: true }).map((f) => [f.digits, f.dimension])).toEqual([['1.234', 'households']]);
    expect(proseFigures('Total 1,234 households.').map((f) => f.digits)).toEqual([]);
  });
});

describe('properties', () => {
  it('a range reads the same target whichever end is printed first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), (a, b) => {
        fc.pre(a !== b);
        const pct = (n: number): string => `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`;
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const target = (t: string): unknown => {
          const c = extractClaims(documentModel([{ kind: 'paragraph', text: t }])).claims.find((x) => x.kind === 'reduction-target');
          return c?.kind === 'reduction-target' ? c.target : null;
        };
        const forward = target(`Phấn đấu giảm tỷ lệ hộ nghèo ${pct(lo)}-${pct(hi)}%.`);
        expect(forward).not.toBeNull();
        expect(target(`Phấn đấu giảm tỷ lệ hộ nghèo ${pct(hi)}-${pct(lo)}%.`)).toEqual(forward);
      }),
    );
  });

  it('a figure printed in the English format with a point decimal has the value of its Vietnamese twin', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1000n, max: 10n ** 12n }), fc.integer({ min: 0, max: 9 }), (whole, tenth) => {
        const groups = (sep: string): string => whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const en = proseFigures(`Đã giải ngân ${groups(',')}.${tenth} triệu đồng.`);
        const vn = proseFigures(`Đã giải ngân ${groups('.')},${tenth} triệu đồng.`);
        expect(en.map((f) => [f.digits, f.value])).toEqual(vn.map((f) => [f.digits, f.value]));
        expect(en).toHaveLength(1);
      }),
    );
  });
});
