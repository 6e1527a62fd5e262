import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

describe('a range is checked with its interval where a claim reads intervals, and listed elsewhere', () => {
  it('a district plan: a total, a budget, a change and a share printed as ranges; every planted error found, the twin gives nothing', () => {
    const clean = check(readFixture('documents/ranges.clean.txt'));
    expect(clean.findings).toEqual([]);
    expect(clean.claims.map((c) => `${c.kind}:${c.status}`)).toEqual(['total-with-parts:consistent', 'total-with-parts:consistent', 'change:consistent', 'total-with-parts:consistent']);
    // no claim reads the last sentence's ranges: still listed with their interval
    expect(clean.unchecked.map((u) => u.reason)).toEqual(['“120–150 hộ” is a range, read as the interval 120 – 150 hộ, not as one figure; “5,8-6%” is a range, read as the interval 5,8 – 6%, not as one figure']);
    expect(check(readFixture('documents/ranges.txt')).findings.map(brief)).toEqual([
      // “khoảng 300–350” is about 300 to about 350: 250 – 355
      'parts-exceed-total “khoảng 300–350 hộ” → 370 hộ',
      'parts-exceed-total “12 đến 15 tỷ đồng” → 16,5 tỷ đồng',
      'change-mismatch “150–200 hộ” → 218 hộ',
      'share-mismatch “55-60%” → 50,00%',
    ]);
  });

  it('a finding only when no value of the interval fits: parts of 330 within “khoảng 300–350 hộ”, a total of 355 at its edge', () => {
    expect(check('Hỗ trợ nhà ở cho khoảng 300–350 hộ, trong đó: xây mới 180 hộ; sửa chữa 150 hộ.').findings).toEqual([]);
    expect(check('Hỗ trợ nhà ở cho khoảng 300–350 hộ, trong đó: xây mới 180 hộ; sửa chữa 175 hộ.').findings).toEqual([]);
    expect(check('Hỗ trợ nhà ở cho 300–350 hộ, trong đó: xây mới 180 hộ; sửa chữa 175 hộ.').findings.map(brief)).toEqual(['parts-exceed-total “300–350 hộ” → 355 hộ']);
  });

  it('a range after another qualifier (“trên 300–350 hộ”) and a range in a rate–count pair are listed, not checked', () => {
    const r = check('Tổng số hộ dân cư toàn xã: 5.000 hộ.\n\nHỗ trợ trên 300–350 hộ, trong đó: xây mới 180 hộ; sửa chữa 200 hộ.\n\nCòn khoảng 300–350 hộ nghèo, chiếm 6,5%; 400 hộ cận nghèo, chiếm 8%.');
    expect(r.findings).toEqual([]);
    expect(r.unchecked.some((u) => u.reason.includes('“300–350 hộ” is a range'))).toBe(true);
  });
});
