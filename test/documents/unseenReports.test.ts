import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

// Plans and reports the checker had never seen (test/fixtures/documents/README.md): a 2026 commune plan on a
// 2025 base, an HĐND resolution on 2026–2030 with a yearly average of its budget, a mid-year report of
// results against the plan (“đạt 105% kế hoạch”, “vượt chỉ tiêu 0,2%”, “chưa đạt”), and two real reports
// (Hà Giang, Thanh Hóa 2024). Each planted error is found at its figure; each twin gives nothing.

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const fixture = (name: string): string => readFixture(`documents/${name}`);
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const at = (text: string, f: CheckFinding): string => {
  const b = readTextDocument(text).blocks[f.location.block - 1]!;
  return b.kind === 'table' ? '' : b.text.slice(f.location.start, f.location.end);
};

describe('unseen reports: every planted error at its figure, the twin gives nothing', () => {
  it('a 2026 commune plan: rates on the 2025 base, the year’s flow, the 36-month exits by year, a target range and its households, the budget', () => {
    expect(check(fixture('commune-2026.clean.txt')).findings).toEqual([]);
    const text = fixture('commune-2026.txt');
    const r = check(text);
    expect(r.findings.map(brief)).toEqual([
      'rate-mismatch “16,16%” → 16,61%',
      'flow-mismatch “412 hộ” → 403 hộ',
      'parts-exceed-total “287 hộ” → 305 hộ',
      // a target’s rate is set, not rounded: 4% of 2.480 is 99,2 households, printed 96
      'target-count-mismatch “96 hộ” → 99 hộ',
      'parts-exceed-total “4.386 triệu đồng” → 4.413 triệu đồng',
    ]);
    expect(r.findings.map((f) => at(text, f))).toEqual(['16,16%', '412 hộ', '287 hộ', '96 hộ', '4.386 triệu đồng']);
  });

  it('an HĐND resolution on 2026–2030: the yearly average is not the total of the parts, and is checked over the five years', () => {
    const clean = check(fixture('resolution-2026-2030.clean.txt'));
    // before, “bình quân mỗi năm khoảng 246,8 tỷ đồng” was read as the total of “trong đó …”: two false findings
    expect(clean.findings).toEqual([]);
    // the shares of “tổng vốn” in Điều 2 are of the one total of Điều 1
    expect(clean.claims.filter((c) => c.status === 'consistent').map((c) => c.kind)).toEqual(['total-with-parts', 'yearly-average', 'total-with-parts', 'total-with-parts', 'rate-count']);
    const r = check(fixture('resolution-2026-2030.txt'));
    expect(r.findings.map(brief)).toEqual([
      'parts-short-of-total “1.234 tỷ đồng” → 1.180 tỷ đồng',
      'average-mismatch “khoảng 264,8 tỷ đồng” → 246,8 tỷ đồng',
      'share-mismatch “28%” → 82%',
      // the base printed in brackets after its words: “chiếm 5,64% tổng số hộ dân cư toàn tỉnh (524.500 hộ)”
      'rate-mismatch “5,64%” → 5,46%',
    ]);
    expect(r.findings[1]!.message).toContain('off by 18,0 tỷ đồng');
  });

  it('a mid-year report: a percent of a plan printed before it, a margin beyond the plan, a wrong verdict, a percent of a plan not met', () => {
    const clean = check(fixture('report-2025-midyear.clean.txt'));
    expect(clean.findings).toEqual([]);
    expect(clean.claims.filter((c) => c.kind === 'against-plan').map((c) => c.status)).toEqual(['consistent', 'consistent', 'consistent']);
    const text = fixture('report-2025-midyear.txt');
    const r = check(text);
    expect(r.findings.map(brief)).toEqual([
      'plans-disagree “105%” → 392,4 – 396,2 hộ',
      'margin-mismatch “0,3%” → 0,2%',
      'verdict-mismatch “vượt kế hoạch” → chưa đạt',
      'percent-of-plan-mismatch “87,78%” → 77,78%',
      'plans-disagree “64,33%” → 57,2 – 57,3 tỷ đồng',
    ]);
    expect(r.findings.map((f) => at(text, f))).toEqual(['105%', '0,3%', '1,6%', '87,78%', '64,33%']);
    expect(r.findings[0]!.message).toContain('414 hộ ÷ 420 hộ × 100 = 98,57%');
  });

  it('“chiếm 3,5% dân số” is a share of the people, not of the households the document prints', () => {
    const r = check('Tổng số hộ dân cư toàn huyện: 30.000 hộ.\n\nHiện toàn huyện còn 1.216 hộ nghèo, chiếm 3,5% dân số; 1.050 hộ cận nghèo, chiếm tỷ lệ 3,50%.');
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => c.status)).toEqual(['unchecked', 'consistent']);
  });

  it('figures written in words (“một nghìn hai trăm hộ”, “Hơn hai trăm hộ”) are never misread', () => {
    const r = check('Đã hỗ trợ một nghìn hai trăm hộ; hơn hai trăm hộ được vay vốn, trong đó 150 hộ nghèo.');
    expect(r.findings).toEqual([]);
  });

  it('Hà Giang 2024 (real): the change printed before its two ends with its equivalent between; a wrong change found', () => {
    const text = fixture('real-ha-giang-2024.txt');
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.find((c) => c.kind === 'change')?.status).toBe('consistent');
    expect(check(text.replace('giảm 6,26%', 'giảm 6,62%')).findings.map(brief)).toEqual(['change-mismatch “6,62%” → 6,26%']);
  });

  it('Thanh Hóa 2024 (real): “bình quân giai đoạn 2022 - 2024 mỗi năm toàn tỉnh giảm 1,55%” averages the clause before it over 2 or 3 years', () => {
    const text = fixture('real-thanh-hoa-2024.txt');
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.find((c) => c.kind === 'yearly-average')?.note).toContain('4,66% over 3 years = 1,55% a year');
    expect(check(text.replace('giảm 1,55%', 'giảm 1,65%')).findings.map(brief)).toEqual(['average-mismatch “1,65%” → 2,33 or 1,55%']);
  });

  it('a range is an interval wherever it is printed: “300–250 hộ”, “5,8-6%” outside a target are listed with the interval, never read as one figure', () => {
    const text = 'Tổng số hộ dân cư toàn xã: 5.000 hộ.\n\nNăm 2024, số hộ được hỗ trợ nhà ở khoảng 300–250 hộ, tỷ lệ hộ nghèo còn khoảng 5,8-6%.\n\nPhấn đấu giảm tỷ lệ hộ nghèo từ 2-1,5%, tương đương giảm 100-75 hộ nghèo.';
    const r = check(text);
    expect(r.findings).toEqual([]);
    const note = r.unchecked.find((u) => u.reason.includes('is a range'))!.reason;
    expect(note).toContain('“300–250 hộ” is a range, read as the interval 250 – 300 hộ (printed high end first), not as one figure');
    expect(note).toContain('“5,8-6%” is a range, read as the interval 5,8 – 6%, not as one figure');
    // in a target, as before: the interval, with its households
    expect(r.claims.find((c) => c.kind === 'reduction-target')?.status).toBe('consistent');
  });

  it('“so với đầu kỳ” with no period named: the years of the legal basis and of cited dates are not the start of the period, and the period assumed is said', () => {
    const text = [
      'KẾ HOẠCH GIẢM NGHÈO NĂM 2026',
      'Căn cứ Luật Tổ chức chính quyền địa phương năm 2015; Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ.',
      'Thực hiện Nghị quyết ngày 10 tháng 12 năm 2020 của HĐND huyện, năm 2021 tỷ lệ hộ nghèo toàn huyện là 12,40%.',
      'Đến cuối năm 2025, tỷ lệ hộ nghèo còn 7,76%, giảm 4,64% so với đầu kỳ, bình quân 1,16%/năm.',
    ].join('\n\n');
    const r = check(text);
    // before, 2015 (“Luật … năm 2015”) was taken as the start: 10 or 11 years, a false finding
    expect(r.findings).toEqual([]);
    expect(r.claims.find((c) => c.kind === 'yearly-average')?.note).toContain('from 2021, the first year the document names (block 3), to 2025');
  });

  it('“vượt kế hoạch 0,3 điểm %”, “giảm 1,1 điểm phần trăm”: points of a rate are read as percentages, and a wrong margin is found', () => {
    const text = 'Tỷ lệ hộ nghèo giảm 1,2% so với đầu năm, vượt kế hoạch 0,3 điểm % (kế hoạch giảm 0,9%).\n\nTỷ lệ hộ cận nghèo giảm 1,1 điểm phần trăm, vượt chỉ tiêu 0,1 điểm phần trăm (chỉ tiêu giảm 1%).';
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'against-plan').map((c) => c.status)).toEqual(['consistent', 'consistent']);
    expect(check(text.replace('0,3 điểm %', '0,2 điểm %')).findings.map(brief)).toEqual(['margin-mismatch “0,2 điểm %” → 0,3%']);
  });
});
