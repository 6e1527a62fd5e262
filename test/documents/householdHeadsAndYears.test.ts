import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';

// The households that recently escaped poverty, split by the year they escaped (a real partition:
// 38 + 89 + 75 = 202) and then by two traits that overlap: households headed by a woman (“hộ có chủ
// hộ là nữ”, “chủ hộ là phụ nữ”, “hộ do phụ nữ làm chủ hộ”) and ethnic-minority households.

const findings = (text: string): string[] =>
  checkDocument(documentModel([{ kind: 'paragraph', text }])).findings.map((f) => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`);
const sentence = (years: string, head: string) =>
  `Số hộ mới thoát nghèo đang được hưởng chính sách trong 36 tháng là 202 hộ (${years}), trong đó có 81 ${head}, 133 hộ dân tộc thiểu số.`;
const YEARS = 'năm 2023: 38 hộ; năm 2024: 89 hộ; năm 2025: 75 hộ';

describe('a woman-headed household is a trait that overlaps ethnicity', () => {
  for (const head of ['hộ có chủ hộ là nữ', 'hộ có chủ hộ là phụ nữ', 'hộ do phụ nữ làm chủ hộ']) {
    it(`“81 ${head}, 133 hộ dân tộc thiểu số” of 202: their sum is not compared with the total`, () => {
      expect(findings(sentence(YEARS, head))).toEqual([]);
    });
  }

  it('each group alone may still not exceed the total', () => {
    expect(findings(sentence(YEARS, 'hộ có chủ hộ là nữ').replace('133 hộ dân tộc', '233 hộ dân tộc'))).toEqual(['parts-exceed-total “202 hộ” → at least 233 hộ']);
  });
});

describe('the year split in brackets is a partition of the flow', () => {
  it('38 + 89 + 75 = 202: no finding; a wrong year is found', () => {
    expect(findings(sentence(YEARS, 'hộ có chủ hộ là nữ'))).toEqual([]);
    expect(findings(sentence(YEARS.replace('89 hộ', '98 hộ'), 'hộ có chủ hộ là nữ'))).toEqual(['parts-exceed-total “202 hộ” → 211 hộ']);
  });

  it('a stock by year is a history, not a split', () => {
    expect(findings('Số hộ nghèo hiện nay của xã là 219 hộ (năm 2023: 320 hộ; năm 2024: 291 hộ).')).toEqual([]);
  });
});
