import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

describe('a period not stated is the period of the document’s title, and the note says so', () => {
  it('a 2026–2030 plan: its averages are over the title’s five years, not over “giai đoạn 2022 - 2025” of the review before them', () => {
    const clean = check(readFixture('documents/plan-2026-2030.clean.txt'));
    // before, the budget's yearly average was taken over 2022 - 2025 (4 years): a false finding
    expect(clean.findings).toEqual([]);
    const notes = clean.claims.filter((c) => c.kind === 'yearly-average').map((c) => c.note);
    expect(notes[0]).toContain("the period 2026 - 2030 of the document's title (block 3), from 2026 (or the end of 2025) to 2030");
    expect(notes[1]).toContain("the period 2026 - 2030 of the document's title in block 3, 5 years");
    // a target with its average is still a target
    expect(clean.claims.map((c) => c.kind)).toContain('reduction-target');
    expect(check(readFixture('documents/plan-2026-2030.txt')).findings.map(brief)).toEqual([
      'average-mismatch “0,7%” → 0,63 or 0,50%',
      'average-mismatch “264,8 tỷ đồng” → 246,8 tỷ đồng',
    ]);
  });

  it('a report on one year (“BÁO CÁO” then “… năm 2024 …”): “so với đầu kỳ” is the start of that year, not the first year the text names', () => {
    const text = [
      'BÁO CÁO',
      'Kết quả thực hiện công tác giảm nghèo năm 2024 trên địa bàn huyện Krông Pắc',
      'Thực hiện Kế hoạch số 45/KH-UBND, năm 2021 huyện đã ban hành các văn bản chỉ đạo.',
      'Đến cuối năm 2024, tỷ lệ hộ nghèo toàn huyện còn 3,1%, giảm 1,2% so với đầu kỳ, bình quân 1,2%/năm.',
    ].join('\n\n');
    const r = check(text);
    // before, from 2021 (3 or 4 years): a false finding
    expect(r.findings).toEqual([]);
    expect(r.claims.find((c) => c.kind === 'yearly-average')?.note).toContain("the year năm 2024 of the document's title (block 2), from the end of 2023 to 2024");
    expect(check(text.replace('bình quân 1,2%', 'bình quân 0,4%')).findings.map(brief)).toEqual(['average-mismatch “0,4%” → 1,20%']);
  });

  it('a title that names no year, or a year that does not hold the end, changes nothing: the first year named is taken, as the note says', () => {
    const text = [
      'KẾ HOẠCH GIẢM NGHÈO NĂM 2026',
      'Năm 2021 tỷ lệ hộ nghèo toàn huyện là 12,40%.',
      'Đến cuối năm 2025, tỷ lệ hộ nghèo còn 7,76%, giảm 4,64% so với đầu kỳ, bình quân 1,16%/năm.',
    ].join('\n\n');
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.find((c) => c.kind === 'yearly-average')?.note).toContain('from 2021, the first year the document names (block 2), to 2025');
  });
});
