import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const doc = (...paragraphs: string[]): string => ['KẾ HOẠCH GIẢM NGHÈO NĂM 2027', '', '1. Kết quả giảm nghèo năm 2026', ...paragraphs].join('\n');

describe('a near-poor flow whose exits have their parts in brackets (“310 hộ thoát cận nghèo (trong đó 120 hộ …), 95 hộ phát sinh mới”)', () => {
  const flow = (end: string, parts = 'trong đó 120 hộ vươn lên thoát nghèo bền vững'): string =>
    `Đầu năm 2026 có 2.066 hộ cận nghèo; trong năm có 310 hộ thoát cận nghèo (${parts}), 95 hộ phát sinh mới; cuối năm còn ${end} hộ cận nghèo.`;

  it('the passage alone: 2.066 − 310 + 95 = 1.851, a printed 1.815 is found at the end', () => {
    expect(check(flow('1.815')).findings.map(brief)).toEqual(['flow-mismatch “1.815 hộ” → 1.851 hộ']);
  });

  it('inside a short plan, and with other parts in brackets', () => {
    expect(check(doc(flow('1.815'))).findings.map(brief)).toEqual(['flow-mismatch “1.815 hộ” → 1.851 hộ']);
    expect(check(doc(flow('1.815', 'trong đó có 120 hộ chuyển sang hộ nghèo'))).findings.map(brief)).toEqual(['flow-mismatch “1.815 hộ” → 1.851 hộ']);
  });

  it('its correct twin is a consistent flow and no finding', () => {
    const r = check(doc(flow('1.851')));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'flow').map((c) => c.status)).toEqual(['consistent']);
  });

  it('the parts are still checked against their total: 320 of 310 is found', () => {
    expect(check(doc(flow('1.851', 'trong đó 320 hộ vươn lên thoát nghèo bền vững'))).findings.length).toBeGreaterThan(0);
  });
});
