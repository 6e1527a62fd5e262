import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// A commune's plan names its villages with their own figures: a village's rate is of the village's
// households, never of the commune's, and its poor and near-poor households are groups of its
// households, not a split of them.

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const codes = (r: CheckReport): string[] => r.findings.map((f) => `${f.severity} ${f.code}`);

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
