import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { extractClaims } from '../../src/documents/proseClaims.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { seedText } from '../_helpers/seeds.js';

const prose = (...texts: string[]) => checkDocument(documentModel(texts.map((text) => ({ kind: 'paragraph' as const, text }))));
const codes = (r: ReturnType<typeof prose>): string[] => r.findings.map((f) => `${f.severity} ${f.code}`);

describe('checkDocument: prose claims', () => {
  it('parts more than the total are an error, less a warning, one smaller part is fine', () => {
    expect(codes(prose('Tổng vốn 100 triệu đồng, trong đó: vốn đầu tư 70 triệu đồng; vốn sự nghiệp 40 triệu đồng.'))).toEqual(['error parts-exceed-total']);
    expect(codes(prose('Tổng vốn 100 triệu đồng, trong đó: vốn đầu tư 50 triệu đồng; vốn sự nghiệp 40 triệu đồng.'))).toEqual(['warning parts-short-of-total']);
    expect(codes(prose('Hỗ trợ 120 hộ, trong đó 20 hộ nghèo.'))).toEqual([]);
    // units per figure: 1,5 tỷ đồng = 1.200 triệu đồng + 300.000.000 đồng
    expect(prose('Kinh phí 1,5 tỷ đồng, bao gồm: ngân sách tỉnh 1.200 triệu đồng, ngân sách huyện 300.000.000 đồng.').claims[0]).toMatchObject({ status: 'consistent' });
  });

  it('approximate figures are intervals: “hơn 600 hộ … trong đó 350 hộ; 260 hộ” can meet, “dưới 500 hộ” with 520 in its parts cannot', () => {
    expect(codes(prose('Đã hỗ trợ hơn 600 hộ, trong đó: 350 hộ nghèo; 260 hộ cận nghèo.'))).toEqual([]);
    expect(codes(prose('Đã hỗ trợ dưới 500 hộ, trong đó: 300 hộ nghèo; 220 hộ cận nghèo.'))).toEqual(['error parts-exceed-total']);
  });

  it('two rate–count pairs with no common base disagree (a warning on the group)', () => {
    const r = prose('Tỷ lệ hộ nghèo là 1,5% (tương đương 697 hộ).', 'Tỷ lệ hộ cận nghèo là 0,57% (tương đương 343 hộ).');
    expect(codes(r)).toEqual(['warning rate-count-pairs-disagree']);
    expect(r.findings[0]!.message).toContain('1,5% (697 hộ) needs 44.968 – 48.068');
  });

  it('percent-of-plan claims that imply different plans disagree; a printed plan is checked', () => {
    expect(codes(prose('Giải quyết việc làm cho 4.952 lượt người, đạt 99,04% so với kế hoạch.', 'Ước cả năm giải quyết việc làm cho 6.000 lượt người, đạt 112% kế hoạch.'))).toEqual(['warning plans-disagree']);
    expect(codes(prose('Đào tạo nghề cho 450 người, đạt 90% kế hoạch (500 người).'))).toEqual([]);
    expect(codes(prose('Đào tạo nghề cho 450 người, đạt 95% kế hoạch (500 người).'))).toEqual(['error plans-disagree']);
  });

  it('a household count in the text is compared with the table that prints it', () => {
    const base = readTextDocument(seedText(1));
    const model = documentModel([...base.blocks, { kind: 'paragraph', text: 'Đầu năm 2024, toàn thị xã có 762 hộ nghèo và 732 hộ cận nghèo.' }]);
    const r = checkDocument(model);
    const f = r.findings.filter((x) => x.code === 'figure-differs-from-table');
    expect(f.map((x) => x.message)).toEqual(['“732 hộ” in the text, but the total row of the table at block 65 prints 723 in “HCN đầu năm 2024 · Hộ”']);
    expect(r.claims.filter((c) => c.kind === 'table-figure').map((c) => c.status)).toEqual(['consistent', 'finding']);
  });

  it('a target’s own figure is not compared as a stock (“giảm 10 hộ nghèo”)', () => {
    expect(extractClaims(documentModel([{ kind: 'paragraph', text: 'Đến cuối năm 2023, phấn đấu giảm 10 hộ nghèo.' }])).claims.map((c) => c.kind)).toEqual(['reduction-target']);
  });

  it('“giảm còn 1,06%” is a level, not a reduction target', () => {
    expect(extractClaims(documentModel([{ kind: 'paragraph', text: 'Tỷ lệ hộ nghèo giảm còn 1,06% (tương đương 642 hộ).' }])).claims.map((c) => c.kind)).toEqual(['rate-count']);
  });

  it('sentences with figures no claim uses are unchecked; years, dates and document numbers are not figures', () => {
    const r = prose('Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 giai đoạn 2021 - 2025.', 'Khoảng trên 200 người lao động được hỗ trợ kết nối việc làm.');
    expect(r.unchecked.map((u) => `${u.kind} ${u.location.block} ${u.reason}`)).toEqual(['sentence 2 figures no claim uses: trên 200 người lao động']);
  });
});

describe('checkDocument: input', () => {
  it('refuses a malformed model or spec', () => {
    expect(firstIssueCode(() => checkDocument({ format: 'text', blocks: [{ kind: 'paragraph' }] } as never))).toBe('missing-field');
    expect(firstIssueCode(() => checkDocument(documentModel([]), { layouts: { '1': { headerRows: 1 } as never } }))).toBe('missing-field');
    expect(firstIssueCode(() => checkDocument(documentModel([]), { consensus: 0.4 }))).toBe('invalid-input');
  });

  it('an empty document is clean', () => {
    expect(checkDocument(documentModel([]))).toMatchObject({ ok: true, findings: [], tables: [], claims: [], unchecked: [] });
  });
});
