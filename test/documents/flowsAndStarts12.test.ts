import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const doc = (...paragraphs: string[]): string => ['KẾ HOẠCH GIẢM NGHÈO NĂM 2027', '', '1. Kết quả giảm nghèo năm 2026', ...paragraphs].join('\n');

describe('a moment without its year after one with it: “cuối năm” after “đầu năm 2026” is the end of 2026', () => {
  const flow = (exits: string, end = '4.215'): string =>
    doc(
      'Theo kết quả rà soát cuối năm 2026, toàn huyện có 4.215 hộ nghèo.',
      `Số hộ nghèo đầu năm 2026 là 4.827 hộ; trong năm có ${exits} hộ thoát nghèo, 233 hộ nghèo phát sinh mới; số hộ nghèo cuối năm là ${end} hộ.`,
    );

  it('the end of the year is not read as a second figure for the start of 2026 (no repeated-figure finding)', () => {
    expect(check(flow('845')).findings).toEqual([]);
  });

  it('the flow is read with “đầu năm 2026 là” before the start: 4.827 − 854 + 233 = 4.206, not 4.215', () => {
    const r = check(flow('854'));
    expect(r.findings.map((f) => f.code)).toEqual(['flow-mismatch']);
    expect(r.claims.filter((c) => c.kind === 'flow').map((c) => c.status)).toEqual(['finding']);
  });

  it('its correct twin is read as a consistent flow', () => {
    const r = check(flow('845'));
    expect(r.claims.filter((c) => c.kind === 'flow').map((c) => c.status)).toEqual(['consistent']);
  });

  it('a lone “cuối năm” with no dated moment before it dates nothing (no finding against a start)', () => {
    const r = check(doc('Số hộ nghèo cuối năm là 4.215 hộ. Đầu năm 2026 có 4.827 hộ nghèo.'));
    expect(r.findings).toEqual([]);
  });
});

describe('a change printed after its end, with its start in brackets after “so với …”', () => {
  const end = (cut: string, bracket = 'đầu năm 2026 có 4.827 hộ nghèo'): string =>
    doc(`Theo kết quả rà soát cuối năm 2026, toàn huyện có 4.215 hộ nghèo, chiếm tỷ lệ 18,35% tổng số hộ dân cư (22.970 hộ); giảm ${cut} hộ so với đầu năm (${bracket}), vượt kế hoạch tỉnh giao.`);

  it('4.827 − 4.215 = 612: a printed 621 is found at the change', () => {
    const r = check(end('621'));
    expect(r.findings.map(brief)).toEqual(['change-mismatch “621 hộ” → 612 hộ']);
  });

  it('the correct twin gives no finding and a consistent change', () => {
    const r = check(end('612'));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'change').map((c) => c.status)).toEqual(['consistent']);
  });

  it('the bracket may hold the count alone (“(4.827 hộ)”), or with its rate', () => {
    expect(check(end('621', '4.827 hộ')).findings.map(brief)).toEqual(['change-mismatch “621 hộ” → 612 hộ']);
    expect(check(end('612', '4.827 hộ, tỷ lệ 21,01%')).findings).toEqual([]);
  });

  it('near-poor households: the end and the start of the same households', () => {
    const r = check(doc('Cuối năm 2026 toàn huyện có 2.104 hộ cận nghèo, giảm 102 hộ so với đầu năm (2.224 hộ).'));
    expect(r.findings.map(brief)).toEqual(['change-mismatch “102 hộ” → 120 hộ']);
    expect(check(doc('Cuối năm 2026 toàn huyện có 2.104 hộ cận nghèo, giảm 120 hộ so với đầu năm (2.224 hộ).')).findings).toEqual([]);
  });

  it('a bracket of other households (the near-poor start under a poor end) is not paired', () => {
    expect(check(doc('Cuối năm 2026 toàn huyện có 4.215 hộ nghèo, giảm 621 hộ so với đầu năm (đầu năm có 2.224 hộ cận nghèo).')).findings).toEqual([]);
  });

  it('a bracket that is not the start (the exits, a part) is not paired', () => {
    expect(check(doc('Cuối năm 2026 toàn huyện có 4.215 hộ nghèo, giảm 621 hộ so với đầu năm (trong đó 380 hộ DTTS).')).findings).toEqual([]);
    expect(check(doc('Cuối năm 2026 toàn huyện có 4.215 hộ nghèo, giảm 621 hộ so với đầu năm (có 845 hộ thoát nghèo).')).findings).toEqual([]);
  });
});

describe('a year’s exits and entries printed apart from its start and end, against the change before them', () => {
  const plan = (exits: string, entries = '233', lead = 'Trong năm có'): string =>
    doc(
      'Theo kết quả rà soát cuối năm 2026, toàn huyện có 4.215 hộ nghèo, chiếm tỷ lệ 18,35%; giảm 612 hộ so với đầu năm (đầu năm 2026 có 4.827 hộ nghèo, tỷ lệ 21,01%).',
      `${lead} ${exits} hộ thoát nghèo, ${entries} hộ nghèo phát sinh mới.`,
    );

  it('4.827 − 854 + 233 = 4.206, not the 4.215 printed: one flow finding, at the exits sentence', () => {
    const r = check(plan('854'));
    expect(r.findings.map((f) => f.code)).toEqual(['flow-mismatch']);
    expect(r.findings[0]!.location.block).toBe(r.claims.find((c) => c.kind === 'flow')!.location.block);
    expect(r.findings[0]!.message).toMatch(/4\.206/);
  });

  it('the correct twin (845 out, 233 in) is a consistent flow and no finding', () => {
    const r = check(plan('845'));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'flow').map((c) => c.status)).toEqual(['consistent']);
  });

  it('exits alone (the newly poor not said) are not read as a flow', () => {
    const r = check(doc('Theo kết quả rà soát cuối năm 2026, toàn huyện có 4.215 hộ nghèo, giảm 612 hộ so với đầu năm (4.827 hộ).', 'Trong năm có 854 hộ thoát nghèo.'));
    expect(r.findings).toEqual([]);
  });

  it('exits and entries of a commune, of another year, or of the near-poor are not read against the district’s change', () => {
    expect(check(plan('854', '233', 'Riêng xã Tân Lập trong năm có')).findings).toEqual([]);
    expect(check(plan('854', '233', 'Năm 2025 có')).findings).toEqual([]);
    const r = check(doc('Cuối năm 2026 toàn huyện có 2.104 hộ cận nghèo, giảm 120 hộ so với đầu năm (2.224 hộ cận nghèo).', 'Trong năm có 854 hộ thoát nghèo, 233 hộ nghèo phát sinh mới.'));
    expect(r.findings).toEqual([]);
  });
});

describe('a pair of the near-poor after a pair whose base of all households is printed in brackets', () => {
  const report = (rate: string): string =>
    doc(`Theo kết quả rà soát cuối năm 2026, toàn huyện có 4.215 hộ nghèo, chiếm tỷ lệ 18,35% tổng số hộ dân cư (22.970 hộ). Số hộ cận nghèo là 2.104 hộ, chiếm ${rate}%.`);

  it('2.104 ÷ 22.970 × 100 = 9,16%: a printed 9,61% is found', () => {
    const r = check(report('9,61'));
    expect(r.findings.map((f) => f.code)).toEqual(['rate-mismatch']);
    expect(r.findings[0]!.expected).toMatch(/9,16/);
  });

  it('the correct twin is consistent on that base', () => {
    const r = check(report('9,16'));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'rate-count').map((c) => c.status)).toEqual(['consistent', 'consistent']);
  });
});

describe('a target that is a share of the households (“giảm 15% số hộ cận nghèo”), against their count printed before', () => {
  const plan = (out: string, base = 'Số hộ cận nghèo là 2.104 hộ, chiếm 9,16%.'): string =>
    doc(
      `Theo kết quả rà soát cuối năm 2026, toàn huyện có 4.215 hộ nghèo, chiếm tỷ lệ 18,35% tổng số hộ dân cư (22.970 hộ). ${base}`,
      'II. MỤC TIÊU NĂM 2027',
      `Phấn đấu giảm 15% số hộ cận nghèo so với cuối năm 2026 (khoảng ${out} hộ).`,
    );

  it('15% of 2.104 = 315,6: “khoảng 361 hộ” is found, naming 315,6', () => {
    const r = check(plan('361'));
    expect(r.findings.map((f) => f.code)).toEqual(['target-count-mismatch']);
    expect(r.findings[0]!.message).toMatch(/315,6/);
  });

  it('the correct twin (khoảng 316 hộ) is consistent; the share is not read as 15 points of the rate', () => {
    const r = check(plan('316'));
    expect(r.findings).toEqual([]);
    const t = r.claims.find((c) => c.kind === 'reduction-target');
    expect(t?.status).toBe('consistent');
  });

  it('a near-poor count of a commune, or one of another moment, is not the base', () => {
    expect(check(plan('361', 'Riêng xã Tân Lập có 2.104 hộ cận nghèo.')).findings).toEqual([]);
    expect(check(doc('Số hộ cận nghèo giữa năm là 2.104 hộ.', 'Phấn đấu giảm 15% số hộ cận nghèo so với cuối năm 2026 (khoảng 361 hộ).')).findings).toEqual([]);
  });
});

describe('the poor’s flow with the near-poor printed beside it, and amounts per unit in brackets', () => {
  const flow = (exits: string): string =>
    doc(
      `Tổng số hộ dân cư toàn xã: 1.842 hộ. Đầu năm 2026, toàn xã có 97 hộ nghèo, chiếm tỷ lệ 5,27%; 120 hộ cận nghèo, chiếm tỷ lệ 6,51%. Trong năm, có ${exits} hộ thoát nghèo, 4 hộ tái nghèo, 2 hộ nghèo phát sinh mới; đến cuối năm 2026 còn 72 hộ nghèo, chiếm tỷ lệ 3,91%.`,
    );

  it('97 − 13 + 4 + 2 = 90, not 72: the flow is read past the near-poor count', () => {
    expect(check(flow('13')).findings.map((f) => f.code)).toEqual(['flow-mismatch']);
  });

  it('the correct twin (31 out) is a consistent flow', () => {
    const r = check(flow('31'));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'flow').map((c) => c.status)).toEqual(['consistent']);
  });

  it('“760 triệu đồng (xây mới 50 triệu đồng/căn, sửa chữa 20 triệu đồng/căn)” prices its parts: no parts-short finding', () => {
    const r = check(doc('- Dự án 5: hỗ trợ xây mới 12 căn nhà, sửa chữa 8 căn nhà, tổng cộng 20 căn, tổng kinh phí 760 triệu đồng (xây mới 50 triệu đồng/căn, sửa chữa 20 triệu đồng/căn).'));
    expect(r.findings).toEqual([]);
  });

  it('a breakdown of amounts, not per unit, is still checked', () => {
    const r = check(doc('Tổng kinh phí 760 triệu đồng (xây mới 600 triệu đồng, sửa chữa 150 triệu đồng).'));
    expect(r.findings.map((f) => f.code)).toEqual(['parts-short-of-total']);
  });
});

describe('a rate cut against another moment whose rate the brackets print (“so với cuối năm 2026 (18,35%)”)', () => {
  const cut = (points: string, against = 'so với cuối năm 2026 (18,35%)'): string => doc(`Tỷ lệ hộ nghèo cuối năm 2027 giảm xuống còn 15,85%, giảm ${points} điểm phần trăm ${against}.`);

  it('18,35 − 15,85 = 2,50: a printed 2,05 is found', () => {
    expect(check(cut('2,05')).findings.map((f) => f.code)).toEqual(['change-mismatch']);
  });

  it('the correct twin is a consistent change; with no bracket, no start is guessed for another moment', () => {
    expect(check(cut('2,50')).findings).toEqual([]);
    expect(check(cut('2,50')).claims.filter((c) => c.kind === 'change').map((c) => c.status)).toEqual(['consistent']);
    expect(check(doc('Tỷ lệ hộ nghèo đầu năm 2027 là 17,00%.', 'Tỷ lệ hộ nghèo cuối năm 2027 giảm xuống còn 15,85%, giảm 2,05 điểm phần trăm so với cuối năm 2026.')).findings).toEqual([]);
  });
});

describe('an amount per unit split into parts per the same unit', () => {
  it('“60 triệu đồng/hộ, trong đó ngân sách trung ương 45 triệu đồng/hộ, ngân sách địa phương 20 triệu đồng/hộ” is still checked', () => {
    expect(check(doc('1. Xây mới: 60 triệu đồng/hộ, trong đó ngân sách trung ương 45 triệu đồng/hộ, ngân sách địa phương 20 triệu đồng/hộ.')).findings.map((f) => f.code)).toEqual(['parts-exceed-total']);
    expect(check(doc('1. Xây mới: 60 triệu đồng/hộ, trong đó ngân sách trung ương 40 triệu đồng/hộ, ngân sách địa phương 20 triệu đồng/hộ.')).findings).toEqual([]);
  });
});
