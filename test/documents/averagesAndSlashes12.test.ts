import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

const check = (text: string): CheckReport => checkDocument(readTextDocument(['BÁO CÁO KẾT QUẢ NĂM 2026', '', ...text.split('\n')].join('\n')));
const codes = (r: CheckReport): string[] => r.findings.map((f) => f.code);

describe('an average per unit printed after its total, with the count in its sentence', () => {
  const loans = (avg: string): string => `Có 45 hộ nghèo được vay vốn với tổng dư nợ 2.250 triệu đồng, bình quân ${avg} triệu đồng/hộ.`;

  it('2.250 ÷ 45 = 50: a printed 55 triệu đồng/hộ is found', () => {
    const r = check(loans('55'));
    expect(codes(r)).toEqual(['unit-amount-mismatch']);
    expect(r.findings[0]!.expected).toBe('50 triệu đồng/hộ');
  });

  it('the correct twin is consistent; an average rounded to its last digit is accepted', () => {
    expect(check(loans('50')).findings).toEqual([]);
    // 2.000 ÷ 45 = 44,44…: “44,4” and “44” hold, “45,4” does not
    expect(check('Hỗ trợ 45 hộ với tổng kinh phí 2.000 triệu đồng, bình quân 44,4 triệu đồng/hộ.').findings).toEqual([]);
    expect(check('Hỗ trợ 45 hộ với tổng kinh phí 2.000 triệu đồng, bình quân 44 triệu đồng/hộ.').findings).toEqual([]);
    expect(codes(check('Hỗ trợ 45 hộ với tổng kinh phí 2.000 triệu đồng, bình quân 45,4 triệu đồng/hộ.'))).toEqual(['unit-amount-mismatch']);
  });

  it('two counts in the sentence leave the average unread', () => {
    expect(check('Hỗ trợ 45 hộ nghèo và 20 hộ cận nghèo với tổng kinh phí 2.000 triệu đồng, bình quân 44 triệu đồng/hộ.').findings).toEqual([]);
  });
});

describe('a figure with its unit out of another with the same unit (“2.870 triệu đồng/3.450 triệu đồng”)', () => {
  it('is read as done out of planned: 83,19%, not the 83,91% printed', () => {
    const r = check('Giải ngân vốn đạt 2.870 triệu đồng/3.450 triệu đồng, đạt 83,91% kế hoạch.');
    expect(codes(r)).toEqual(['plans-disagree']);
    expect(r.findings[0]!.message).toMatch(/83,19/);
  });

  it('the correct twin is consistent', () => {
    const r = check('Giải ngân vốn đạt 2.870 triệu đồng/3.450 triệu đồng, đạt 83,19% kế hoạch.');
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'percent-of-plan').map((c) => c.status)).toEqual(['consistent']);
  });

  it('an amount per unit (“50 triệu đồng/hộ”) or two units (“triệu đồng/tỷ đồng”) is not read so', () => {
    expect(check('Mức hỗ trợ 50 triệu đồng/hộ.').findings).toEqual([]);
    expect(check('Giải ngân vốn đạt 2.870 triệu đồng/3.450 tỷ đồng, đạt 83,91% kế hoạch.').claims.filter((c) => c.kind === 'percent-of-plan' && c.status === 'finding')).toEqual([]);
  });
});
