import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

describe('the change of each year printed in brackets after the whole', () => {
  it('Thanh Hóa 2024 (real): 1,79 + 1,47 + 1,40 = 4,66 points, and a wrong year is found at the whole', () => {
    const text = readFixture('documents/real-thanh-hoa-2024.txt');
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.find((c) => c.kind === 'yearly-changes')?.note).toBe('the years 2022–2024: 1,79 + 1,47 + 1,40 = 4,66%, printed 4,66% (points of a rate add)');
    expect(check(text.replace('năm 2023 giảm 1,47%', 'năm 2023 giảm 1,74%')).findings.map(brief)).toEqual(['yearly-changes-mismatch “4,66%” → 4,93%']);
  });

  it('within the printed rounding: 1,8 + 1,5 + 1,4 may be 4,66 (each ± 0,05)', () => {
    const r = check('Giai đoạn 2022 - 2024, tỷ lệ hộ nghèo giảm 4,66% (năm 2022 giảm 1,8%, năm 2023 giảm 1,5%, năm 2024 giảm 1,4%).');
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => `${c.kind}:${c.status}`)).toEqual(['yearly-changes:consistent']);
    expect(check('Giai đoạn 2022 - 2024, tỷ lệ hộ nghèo giảm 4,86% (năm 2022 giảm 1,8%, năm 2023 giảm 1,5%, năm 2024 giảm 1,4%).').findings.map(brief)).toEqual(['yearly-changes-mismatch “4,86%” → 4,70%']);
  });

  it('a province report: rates, households and a year against the trend; every planted error found, the twin gives nothing', () => {
    expect(check(readFixture('documents/yearly-changes.clean.txt')).findings).toEqual([]);
    expect(check(readFixture('documents/yearly-changes.txt')).findings.map(brief)).toEqual([
      'yearly-changes-mismatch “12,04%” → 12,58%',
      'yearly-changes-mismatch “9.517 hộ” → 9.427 hộ',
      // “năm 2024 tăng 0,21%” typed “giảm”: against the trend, a year's rise is taken off
      'yearly-changes-mismatch “1,35%” → 1,77%',
    ]);
  });

  it('the rate of each year (“năm 2022 là 42,7%”, “năm 2022: 8,5%”) is not its change: not read as one', () => {
    const r = check('Tỷ lệ hộ nghèo giảm 18,4% (năm 2022 là 42,7%, năm 2025 là 24,3%); tỷ lệ hộ cận nghèo giảm 2% (năm 2022: 8,5%; năm 2025: 6,5%).');
    expect(r.claims.filter((c) => c.kind === 'yearly-changes')).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('a wrong year is found at that year when the document prints the rate at the end of each year; the whole too when the years as the rates give them miss it', () => {
    const text = readFixture('documents/written-yearly-rates.clean.txt');
    expect(check(text).findings).toEqual([]);
    const year = check(text.replace('năm 2027 giảm 1,72%', 'năm 2027 giảm 1,27%'));
    expect(year.findings.map(brief)).toEqual(['yearly-changes-mismatch “1,27%” → 1,72%']);
    expect(year.findings[0]!.message).toBe('“năm 2027 giảm 1,27%”: the document prints the rate 10,65% for the end of 2026 (block 2) and 8,93% for the end of 2027 (block 2), a change of 1,72 points (1,710–1,730 within their printed rounding), not 1,27%');
    const at = year.findings[0]!.location;
    expect(readTextDocument(text.replace('năm 2027 giảm 1,72%', 'năm 2027 giảm 1,27%')).blocks[at.block - 1]).toMatchObject({ kind: 'paragraph' });
    const block = readTextDocument(text.replace('năm 2027 giảm 1,72%', 'năm 2027 giảm 1,27%')).blocks[at.block - 1]!;
    expect(block.kind === 'table' ? '' : block.text.slice(at.start, at.end)).toBe('1,27%');
    // the whole worked from the wrong year: both found, the whole against the years as the rates give them
    expect(check(text.replace('năm 2027 giảm 1,72%', 'năm 2027 giảm 1,27%').replace('giảm 5,12%', 'giảm 4,67%')).findings.map(brief)).toEqual(['yearly-changes-mismatch “4,67%” → 5,12%', 'yearly-changes-mismatch “1,27%” → 1,72%']);
    // no rates of the years printed: the whole, as before
    expect(check(text.split('\n\n').slice(3).join('\n\n').replace('năm 2027 giảm 1,72%', 'năm 2027 giảm 1,27%')).findings.map(brief)).toEqual(['yearly-changes-mismatch “5,12%” → 4,67%']);
  });
});
