import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

describe('a change said against the start printed in an earlier sentence of the same paragraph', () => {
  const report = (cut: string): string =>
    'Đầu năm 2024 toàn xã có 175 hộ nghèo, chiếm tỷ lệ 13,33%. Năm 2024, xã đã triển khai đồng bộ các chính sách hỗ trợ sản xuất, tín dụng ưu đãi và nhà ở cho hộ nghèo. ' +
    `Đến cuối năm 2024 toàn xã còn 135 hộ nghèo, giảm ${cut} hộ so với đầu năm.`;

  it('175 − 135 = 40: a printed 45 is found at the change, naming 40 and the difference', () => {
    const r = check(report('45'));
    expect(r.findings.map(brief)).toEqual(['change-mismatch “45 hộ” → 40 hộ']);
    expect(r.findings[0]!.message).toMatch(/40/);
  });

  it('the correct twin (giảm 40 hộ) gives no finding', () => {
    expect(check(report('40')).findings).toEqual([]);
  });

  it('a start of other households (near-poor) is not paired with an end of the poor', () => {
    const r = check('Đầu năm 2024 toàn xã có 175 hộ cận nghèo. Đến cuối năm 2024 toàn xã còn 135 hộ nghèo, giảm 45 hộ so với đầu năm.');
    expect(r.findings).toEqual([]);
  });

  it('a start of another area (thôn Đông) is not paired with the whole commune', () => {
    const r = check('Đầu năm 2024 thôn Đông có 175 hộ nghèo. Đến cuối năm 2024 toàn xã còn 135 hộ nghèo, giảm 45 hộ so với đầu năm.');
    expect(r.findings).toEqual([]);
  });
});
