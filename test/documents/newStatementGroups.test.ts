import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckReport } from '../../src/documents/checkReport.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';

// One sentence, two statements: a clause after “;” that names another year (“; năm 2024 giảm 100 hộ,
// trong đó …”) or the whole area (“; toàn huyện …”) starts a new total with its own parts. Before,
// the second “trong đó” took the last part of the first list as its total (“50 hộ = 60 hộ + 40 hộ”),
// and a change split by village (“giảm 120 hộ nghèo, trong đó thôn Đông 70 hộ …”) was not checked.
// A “;” between the parts of one list (“Vốn đầu tư 71.750 triệu đồng; vốn sự nghiệp 10.505 triệu
// đồng”) still separates parts, not statements.

const briefs = (r: CheckReport): string[] => r.findings.map((f) => `${f.code} “${f.printed ?? ''}”`);
const summaries = (r: CheckReport): string[] => r.claims.map((c) => `${c.status} ${c.summary}`);
const paragraphs = (...texts: string[]): ReturnType<typeof documentModel> => documentModel(texts.map((text) => ({ kind: 'paragraph' as const, text })));
const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });
const twoYears = (a: readonly [number, number], b: readonly [number, number]): string =>
  `Kết quả giảm nghèo: năm 2023 giảm ${vn(a[0] + a[1])} hộ nghèo, trong đó thôn Đông ${vn(a[0])} hộ, thôn Tây ${vn(a[1])} hộ; năm 2024 giảm ${vn(b[0] + b[1])} hộ nghèo, trong đó thôn Đông ${vn(b[0])} hộ, thôn Tây ${vn(b[1])} hộ.`;

describe('a clause after “;” naming another year starts a new total', () => {
  it('two years in one sentence, each with its villages: no finding, both totals checked (before: “50 hộ = 60 hộ + 40 hộ”)', () => {
    const r = checkDocument(paragraphs(twoYears([70, 50], [60, 40])));
    expect(briefs(r)).toEqual([]);
    expect(summaries(r)).toEqual(['consistent 120 hộ = 70 hộ + 50 hộ', 'consistent 100 hộ = 60 hộ + 40 hộ']);
  });

  it('a wrong part of the second year is found at its total, and only there', () => {
    const text = twoYears([70, 50], [60, 40]).replace('thôn Đông 60 hộ', 'thôn Đông 70 hộ');
    const r = checkDocument(paragraphs(text));
    expect(briefs(r)).toEqual(['parts-exceed-total “100 hộ”']);
  });

  it('property: any split of two years is consistent, and one part off by d is found at that year only', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 900 })), fc.tuple(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 900 })), fc.integer({ min: 1, max: 50 }), fc.boolean(), (a, b, d, first) => {
        expect(briefs(checkDocument(paragraphs(twoYears(a, b))))).toEqual([]);
        const total = first ? a[0] + a[1] : b[0] + b[1];
        const text = first
          ? twoYears(a, b).replace(`trong đó thôn Đông ${vn(a[0])} hộ`, `trong đó thôn Đông ${vn(a[0] + d)} hộ`)
          : twoYears(a, b).replace(`năm 2024 giảm ${vn(b[0] + b[1])} hộ nghèo, trong đó thôn Đông ${vn(b[0])} hộ`, `năm 2024 giảm ${vn(b[0] + b[1])} hộ nghèo, trong đó thôn Đông ${vn(b[0] + d)} hộ`);
        expect(briefs(checkDocument(paragraphs(text)))).toEqual([`parts-exceed-total “${vn(total)} hộ”`]);
      }),
      { numRuns: 200 },
    );
  });

  it('the whole area after “;”: “…; toàn huyện có 1.250 hộ nghèo, trong đó …” is its own total', () => {
    const text = 'Xã Tân Lập có 210 hộ nghèo, trong đó hộ dân tộc thiểu số 150 hộ, hộ có người có công 12 hộ; toàn huyện có 1.250 hộ nghèo, trong đó hộ dân tộc thiểu số 900 hộ, hộ có người có công 80 hộ.';
    const r = checkDocument(paragraphs(text));
    expect(briefs(r)).toEqual([]);
    expect(summaries(r).filter((s) => s.includes('1.250 hộ'))).toHaveLength(1);
    expect(summaries(r).join('\n')).not.toContain('12 hộ = ');
  });

  it('a “;” between the parts of one list is no new statement: seed 004’s 82.075 ≠ 71.750 + 10.505 is still found', () => {
    const r = checkDocument(paragraphs('Kế hoạch vốn năm 2022 là 82.075 triệu đồng, trong đó: Vốn đầu tư 71.750 triệu đồng; vốn sự nghiệp 10.505 triệu đồng, cụ thể:'));
    expect(briefs(r)).toEqual(['parts-exceed-total “82.075 triệu đồng”']);
  });
});

describe('a list of years is one list', () => {
  it('“trong đó: năm 2023 là 84 hộ; năm 2024 là 120 hộ; năm 2025 là 101 hộ” are the parts of the 287, wrong by 18', () => {
    const text = 'Số hộ mới thoát nghèo trong 36 tháng (từ năm 2023 đến năm 2025) là 287 hộ, trong đó: năm 2023 là 84 hộ; năm 2024 là 120 hộ; năm 2025 là 101 hộ.';
    expect(briefs(checkDocument(paragraphs(text)))).toEqual(['parts-exceed-total “287 hộ”']);
    expect(briefs(checkDocument(paragraphs(text.replace('101 hộ', '83 hộ'))))).toEqual([]);
  });
});
