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

describe('the rate’s cut after the count’s, both ends’ rates in brackets (“xuống còn 1.601 hộ (10,95%), giảm 260 hộ, tỷ lệ hộ nghèo giảm 1,87 điểm %”)', () => {
  const before = (cut: string, count = '260'): string =>
    `Đầu năm 2026 toàn huyện có 1.861 hộ nghèo (12,82%). Đến cuối năm 2026 xuống còn 1.601 hộ (10,95%), giảm ${count} hộ, tỷ lệ hộ nghèo giảm ${cut} điểm %.`;
  const inOne = (cut: string): string => `Số hộ nghèo giảm từ 1.861 hộ (12,82%) xuống còn 1.601 hộ (10,95%), giảm 260 hộ, tỷ lệ hộ nghèo giảm ${cut} điểm %.`;
  const named = (cut: string): string => `Đầu năm 2026 toàn huyện có 1.861 hộ nghèo, tỷ lệ 12,82%. Đến cuối năm 2026 hộ nghèo còn 1.601 hộ (10,95%), giảm 260 hộ, tỷ lệ hộ nghèo giảm ${cut} điểm phần trăm.`;

  it('the passage alone: 12,82 − 10,95 = 1,87, a printed 1,97 is found', () => {
    expect(check(before('1,97')).findings.map(brief)).toEqual(['change-mismatch “1,97 điểm %” → 1,87%']);
    expect(check(inOne('1,97')).findings.map(brief)).toEqual(['change-mismatch “1,97 điểm %” → 1,87%']);
  });

  it('inside a short plan: the start in the sentence before, in brackets in the sentence, or the households named before “còn”', () => {
    expect(check(doc(before('1,97'))).findings.map(brief)).toEqual(['change-mismatch “1,97 điểm %” → 1,87%']);
    expect(check(doc(inOne('1,97'))).findings.map(brief)).toEqual(['change-mismatch “1,97 điểm %” → 1,87%']);
    expect(check(doc(named('1,97'))).findings.map(brief)).toEqual(['change-mismatch “1,97 điểm phần trăm” → 1,87%']);
  });

  it('the count’s cut is checked too: 250 is found', () => {
    expect(check(doc(before('1,87', '250'))).findings.map(brief)).toEqual(['change-mismatch “250 hộ” → 260 hộ']);
  });

  it('its correct twins are two consistent changes and no finding', () => {
    for (const t of [before('1,87'), inOne('1,87'), named('1,87')]) {
      const r = check(doc(t));
      expect(r.findings).toEqual([]);
      expect(r.claims.filter((c) => c.kind === 'change').map((c) => c.status)).toEqual(['consistent', 'consistent']);
    }
  });

  it('“năm 2026 hộ nghèo”: the year is no count of households', () => {
    const r = check(doc(named('1,87')));
    expect(r.claims.some((c) => c.kind === 'table-figure')).toBe(false);
  });

  it('an end after “còn” of the near-poor named before is not the poor’s start’s end', () => {
    const t = 'Đầu năm 2026 toàn huyện có 1.861 hộ cận nghèo (12,82%). Đến cuối năm 2026 xuống còn 1.601 hộ (10,95%), giảm 260 hộ, tỷ lệ hộ nghèo giảm 1,97 điểm %.';
    expect(check(doc(t)).findings).toEqual([]);
  });
});

describe('a result against the plan, the plan’s cut in brackets after it (“Kết quả giảm nghèo năm 2026 đạt 104% so với kế hoạch (kế hoạch giảm 250 hộ nghèo)”)', () => {
  const cut = 'Đầu năm 2026 toàn huyện có 1.861 hộ nghèo (12,82%). Đến cuối năm 2026 hộ nghèo còn 1.601 hộ (10,95%), giảm 260 hộ so với đầu năm.';
  const result = (pct: string, year = '2026'): string => `Kết quả giảm nghèo năm ${year} đạt ${pct}% so với kế hoạch (kế hoạch giảm 250 hộ nghèo).`;

  it('the passage alone, after its cut: 260 ÷ 250 × 100 = 104, a printed 108 is found', () => {
    expect(check(`${cut} ${result('108')}`).findings.map(brief)).toEqual(['plans-disagree “108%” → 239,6 – 241,9 hộ']);
  });

  it('inside a short plan, in the paragraph after the cut, and with “Số hộ nghèo giảm đạt …”', () => {
    expect(check(doc(cut, result('108'))).findings.map(brief)).toEqual(['plans-disagree “108%” → 239,6 – 241,9 hộ']);
    expect(check(doc(cut, 'Số hộ nghèo giảm đạt 108% kế hoạch (kế hoạch giảm 250 hộ nghèo).')).findings.map(brief)).toEqual(['plans-disagree “108%” → 239,6 – 241,9 hộ']);
  });

  it('its correct twin is a consistent percent of the plan and no finding', () => {
    const r = check(doc(cut, result('104')));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'percent-of-plan').map((c) => c.summary)).toEqual(['260 hộ = 104% of the plan (250 hộ)']);
  });

  it('another year’s result, or the near-poor’s plan, is not measured on this cut', () => {
    expect(check(doc(cut, result('108', '2025'))).findings).toEqual([]);
    expect(check(doc(cut, 'Kết quả giảm nghèo năm 2026 đạt 108% so với kế hoạch (kế hoạch giảm 250 hộ cận nghèo).')).findings).toEqual([]);
  });
});

describe('a plan’s cut naming no households (“Năm 2027 phấn đấu giảm 1,5%, tương đương khoảng 150 hộ”) under a heading or paragraph naming the poor rate', () => {
  const plan = (n: string): string => `Năm 2027 phấn đấu giảm 1,5%, tương đương khoảng ${n} hộ.`;
  const under = (heading: string, ...lines: string[]): string => ['KẾ HOẠCH GIẢM NGHÈO NĂM 2027', '', heading, ...lines].join('\n');

  it('the passage alone, its paragraph naming the poor rate: 1,5% × 10.000 = 150, a printed 180 is found', () => {
    expect(check(`Về tỷ lệ hộ nghèo, tổng số hộ toàn huyện là 10.000 hộ. ${plan('180')}`).findings.map(brief)).toEqual(['target-count-mismatch “khoảng 180 hộ” → 150 hộ']);
  });

  it('inside a short plan, under the heading “2. Chỉ tiêu giảm tỷ lệ hộ nghèo”, the base in the paragraph, in the one before, or in a table', () => {
    expect(check(under('2. Chỉ tiêu giảm tỷ lệ hộ nghèo', `Tổng số hộ toàn huyện 10.000 hộ. ${plan('180')}`)).findings.map(brief)).toEqual(['target-count-mismatch “khoảng 180 hộ” → 150 hộ']);
    expect(check(under('2. Chỉ tiêu giảm tỷ lệ hộ nghèo', 'Toàn huyện có 10.000 hộ.', plan('180'))).findings.map(brief)).toEqual(['target-count-mismatch “khoảng 180 hộ” → 150 hộ']);
    const table = ['', 'TT\tXã\tSố hộ dân cư\tSố hộ nghèo', '1\tA\t6.000\t500', '2\tB\t4.000\t400', '\tTổng cộng\t10.000\t900'];
    expect(check(under('2. Chỉ tiêu giảm tỷ lệ hộ nghèo', plan('180'), ...table)).findings.map(brief)).toEqual(['target-count-mismatch “khoảng 180 hộ” → 150 hộ']);
  });

  it('its correct twin is a consistent target of the poor and no finding', () => {
    const r = check(under('2. Chỉ tiêu giảm tỷ lệ hộ nghèo', `Tổng số hộ toàn huyện 10.000 hộ. ${plan('150')}`));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'reduction-target').map((c) => [c.summary, c.status])).toEqual([['poor rate down 1,50 points', 'consistent']]);
  });

  it('under the near-poor rate, or a heading naming no rate, it is not the poor’s target', () => {
    expect(check(under('2. Chỉ tiêu giảm tỷ lệ hộ cận nghèo', `Tổng số hộ toàn huyện 10.000 hộ. ${plan('180')}`)).claims.some((c) => c.kind === 'reduction-target')).toBe(false);
    expect(check(under('2. Nhiệm vụ', `Tổng số hộ toàn huyện 10.000 hộ. ${plan('180')}`)).claims.some((c) => c.kind === 'reduction-target')).toBe(false);
  });
});
