import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

describe('a share of the document’s total printed in another paragraph', () => {
  it('an HĐND resolution: “chiếm 70,02% tổng vốn” is of the one “Tổng vốn … là 1.234 tỷ đồng” of Điều 1; each planted share found, the twin gives nothing', () => {
    const clean = check(readFixture('documents/capital-shares.clean.txt'));
    expect(clean.findings).toEqual([]);
    expect(clean.claims[0]!.summary).toBe("864 tỷ đồng = 70,02% of 1.234 tỷ đồng (the document's total, block 4)");
    expect(clean.unchecked).toEqual([]);
    expect(check(readFixture('documents/capital-shares.txt')).findings.map(brief)).toEqual([
      'share-mismatch “72,02%” → 70,02%',
      'share-mismatch “29,89%” → 29,98%',
      'share-mismatch “20%” → 25%',
    ]);
  });

  it('two totals of that kind, or none: listed unchecked with the reason, never checked against a guess', () => {
    const two = check('Tổng vốn giai đoạn 2021 - 2025 là 1.000 tỷ đồng.\n\nTổng vốn năm 2026 là 250 tỷ đồng.\n\nVốn đầu tư phát triển 175 tỷ đồng (chiếm 70% tổng vốn).');
    expect(two.findings).toEqual([]);
    expect(two.unchecked.map((u) => u.reason)).toContain("“70%” is a share of the document's total capital (tổng vốn), which is printed with 2 values (1.000 tỷ đồng, 250 tỷ đồng): not checked");
    const none = check('Vốn đầu tư phát triển 175 tỷ đồng (chiếm 70% tổng vốn).');
    expect(none.unchecked.map((u) => u.reason)).toContain("“70%” is a share of the document's total capital (tổng vốn), which is printed nowhere: not checked");
  });
});
