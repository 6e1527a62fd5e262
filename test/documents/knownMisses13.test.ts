import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const doc = (...paragraphs: string[]): string => ['KẾ HOẠCH GIẢM NGHÈO NĂM 2027', '', '1. Kết quả giảm nghèo năm 2026', ...paragraphs].join('\n');

describe('a change after its end, the households named before the end (“Số hộ cận nghèo cuối năm là 108 hộ”), its start in the paragraph before', () => {
  const start = 'Đầu năm có 125 hộ cận nghèo, chiếm 6,78%.';
  const end = (cut: string, subject = 'cận nghèo'): string => `Số hộ ${subject} cuối năm là 108 hộ, chiếm 5,86%, giảm ${cut} hộ so với đầu năm.`;

  it('the passage alone: 125 − 108 = 17, a printed 12 is found', () => {
    expect(check(`${start}\n${end('12')}`).findings.map(brief)).toEqual(['change-mismatch “12 hộ” → 17 hộ']);
  });

  it('inside a short plan, for the near-poor and for the poor', () => {
    expect(check(doc(start, end('12'))).findings.map(brief)).toEqual(['change-mismatch “12 hộ” → 17 hộ']);
    expect(check(doc('Đầu năm có 125 hộ nghèo, chiếm 6,78%.', end('12', 'nghèo'))).findings.map(brief)).toEqual(['change-mismatch “12 hộ” → 17 hộ']);
  });

  it('its correct twin is a consistent change and no finding', () => {
    const r = check(doc(start, end('17')));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'change').map((c) => c.status)).toEqual(['consistent']);
  });

  it('a start of other households (the poor under a near-poor end) is not paired', () => {
    expect(check(doc('Đầu năm có 125 hộ nghèo, chiếm 6,78%.', end('12'))).findings).toEqual([]);
  });
});
