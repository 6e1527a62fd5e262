import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';

// A commune's plan names its villages with their own figures: a village's rate is of the village's
// households, never of the commune's, and its poor and near-poor households are groups of its
// households, not a split of them.

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const codes = (r: CheckReport): string[] => r.findings.map((f) => `${f.severity} ${f.code}`);
/** A paragraph followed by a table whose rows are given as their cells' text. */
const withTable = (sentence: string, rows: readonly (readonly string[])[]): CheckReport =>
  checkDocument(documentModel([{ kind: 'paragraph', text: sentence }, { kind: 'table', rows: rows.map((r) => r.map((text) => ({ text, rowSpan: 1, colSpan: 1 }))) }]));

const COMMUNE =
  'Theo kết quả rà soát cuối năm 2024, toàn xã có 888 hộ, trong đó có 56 hộ nghèo, chiếm tỷ lệ 6,31%; 71 hộ cận nghèo, chiếm tỷ lệ 8,00%.';

describe('a village named with its own rate and count', () => {
  it('“thôn Bình Minh có 9 hộ nghèo, chiếm 4,43% số hộ của thôn” is on the village’s households, not the commune’s 888 (before: an error)', () => {
    const text = [COMMUNE, 'Thôn Đồng Tâm có 12 hộ nghèo, 15 hộ cận nghèo; thôn Bình Minh có 9 hộ nghèo, chiếm 4,43% số hộ của thôn.'].join('\n\n');
    expect(codes(check(text))).toEqual([]);
  });

  it('a village’s pairs in brackets are not pooled with the commune’s, nor its poor and near-poor read as a split of its households (before: two warnings)', () => {
    const text = [COMMUNE, 'Riêng thôn Khuổi Hoa có 302 hộ, trong đó 35 hộ nghèo (11,59%) và 41 hộ cận nghèo (13,58%).'].join('\n\n');
    expect(codes(check(text))).toEqual([]);
  });

  it('a numbered village (“thôn 5”) is a place of its own too', () => {
    const text = [COMMUNE, 'Thôn 5 có 210 hộ, trong đó 14 hộ nghèo, chiếm 6,67%.'].join('\n\n');
    expect(codes(check(text))).toEqual([]);
  });

  it('the commune’s own pairs are still checked on one base: a wrong rate is found', () => {
    const wrong = COMMUNE.replace('8,00%', '8,90%');
    const r = check([wrong, 'Thôn Đồng Tâm có 12 hộ nghèo, 15 hộ cận nghèo; thôn Bình Minh có 9 hộ nghèo, chiếm 4,43% số hộ của thôn.'].join('\n\n'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.printed)).toEqual(['8,90%']);
  });

  it('a village’s parts in brackets that exceed its households are still an error', () => {
    const r = check('Thôn Khuổi Hoa có 60 hộ, trong đó 35 hộ nghèo (58,33%) và 41 hộ cận nghèo (68,33%).');
    expect(codes(r)).toContain('error parts-exceed-total');
  });
});

describe('a rate target’s cut is not the rate a table prints', () => {
  const table = [
    ['STT', 'Thôn', 'Tổng số hộ', 'Hộ nghèo › Số hộ', 'Hộ nghèo › Tỷ lệ (%)'],
    ['1', 'Thôn Khuổi Hoa', '302', '35', '11,59'],
    ['2', 'Thôn Nà Mạ', '1.340', '97', '7,24'],
    ['', 'Toàn xã', '1.642', '132', '8,04'],
  ];
  const plan = (sentence: string): CheckReport => withTable(sentence, table);

  it('“Phấn đấu giảm tỷ lệ hộ nghèo 1,5% …” is a cut, never compared with the table’s 8,04% (before: a warning)', () => {
    expect(codes(plan('Phấn đấu giảm tỷ lệ hộ nghèo 1,5% trong năm 2025, từ 8,04% xuống còn 6,54%.'))).toEqual([]);
  });

  it('the twin: a rate the text prints as a level is still compared with the table', () => {
    expect(codes(plan('Cuối năm 2024, tỷ lệ hộ nghèo toàn xã là 8,40%.'))).toEqual(['warning figure-differs-from-table']);
  });
});

describe('a share of the targets is not a rate of households', () => {
  const table = [
    ['STT', 'Xã', 'Tổng số hộ', 'Chỉ tiêu giảm hộ nghèo năm 2026 (hộ)'],
    ['1', 'Xã Cẩm Thịnh', '2.711', '56'],
    ['2', 'Xã Cẩm Quan', '3.102', '159'],
    ['', 'Toàn huyện', '5.813', '215'],
  ];
  const plan = (sentence: string): CheckReport => withTable(sentence, table);

  it('“56 hộ, chiếm 26,05% tổng chỉ tiêu” is not checked over the commune’s 2.711 households (before: a warning)', () => {
    expect(codes(plan('Xã Cẩm Thịnh có chỉ tiêu lớn nhất (56 hộ, chiếm 26,05% tổng chỉ tiêu).'))).toEqual([]);
  });

  it('the twin: the commune’s rate of its households is still checked on its row', () => {
    expect(codes(plan('Xã Cẩm Thịnh có 56 hộ nghèo, chiếm 2,70%.'))).toEqual(['warning rate-count-base-mismatch']);
  });
});
