import fc from 'fast-check';
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

  it('an end of no year after the one start of a year (“Đầu năm 2026 có 125 hộ cận nghèo”) is of that year; two starts of two years: not paired', () => {
    expect(check(doc('Đầu năm 2026 có 125 hộ cận nghèo, chiếm 6,78%.', end('12'))).findings.map(brief)).toEqual(['change-mismatch “12 hộ” → 17 hộ']);
    expect(check(doc('Đầu năm 2026 có 125 hộ cận nghèo, chiếm 6,78%.', end('17'))).findings).toEqual([]);
    expect(check(doc('Đầu năm 2025 có 140 hộ cận nghèo. Đầu năm 2026 có 125 hộ cận nghèo, chiếm 6,78%.', end('12'))).findings).toEqual([]);
  });
});

describe('a flow each of whose figures its own clause names, of the near-poor as of the poor', () => {
  const flow = (end: string, subject = 'cận nghèo', exit = 'thoát cận nghèo'): string => `Số hộ ${subject} đầu năm 2.066 hộ, ${exit} 310 hộ, phát sinh mới 95 hộ, cuối năm ${end} hộ.`;

  it('the passage alone: 2.066 − 310 + 95 = 1.851, a printed 1.815 is found at the end', () => {
    expect(check(flow('1.815')).findings.map(brief)).toEqual(['flow-mismatch “1.815 hộ” → 1.851 hộ']);
  });

  it('inside a short plan, for the near-poor and for the poor', () => {
    expect(check(doc(flow('1.815'))).findings.map(brief)).toEqual(['flow-mismatch “1.815 hộ” → 1.851 hộ']);
    expect(check(doc(flow('1.815', 'nghèo', 'thoát nghèo'))).findings.map(brief)).toEqual(['flow-mismatch “1.815 hộ” → 1.851 hộ']);
  });

  it('its correct twin is a consistent flow and no finding', () => {
    const r = check(doc(flow('1.851')));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'flow').map((c) => c.status)).toEqual(['consistent']);
  });

  it('over several sentences, each figure named in its own clause', () => {
    const t = (end: string): string => doc(`Số hộ cận nghèo đầu năm 2026 là 2.066 hộ. Trong năm, thoát cận nghèo 310 hộ, phát sinh mới 95 hộ. Cuối năm còn ${end} hộ cận nghèo.`);
    expect(check(t('1.815')).findings.map(brief)).toEqual(['flow-mismatch “1.815 hộ” → 1.851 hộ']);
    expect(check(t('1.851')).findings).toEqual([]);
  });

  it('the poor’s exits in a near-poor run, a commune’s flow or a plan’s are not read', () => {
    expect(check(doc(flow('1.815', 'cận nghèo', 'thoát nghèo'))).findings).toEqual([]);
    expect(check(doc(`Xã Tân Lập: ${flow('1.815')}`)).findings).toEqual([]);
    expect(check(doc(`Kế hoạch năm 2027: ${flow('1.815')}`)).findings).toEqual([]);
  });

  it('exits alone, the newly poor not said, are not read as the whole flow', () => {
    expect(check(doc('Số hộ cận nghèo đầu năm 2.066 hộ, thoát cận nghèo 310 hộ, cuối năm 1.815 hộ.')).findings).toEqual([]);
  });
});

describe('a net change and the exits and entries printed with it (“giảm 533 hộ nghèo; trong đó … thoát nghèo 612 hộ, … phát sinh 79 hộ”)', () => {
  const net = (cut: string, exits = '612', more = ''): string => `Năm 2026 giảm ${cut} hộ nghèo; trong đó số hộ thoát nghèo ${exits} hộ, ${more}số hộ nghèo phát sinh 79 hộ.`;

  it('the passage alone: 621 − 79 = 542, not the 533 printed', () => {
    expect(check(net('533', '621')).findings.map(brief)).toEqual(['flow-mismatch “533 hộ” → 542 hộ']);
  });

  it('inside a short plan; the re-poor count with the newly poor', () => {
    expect(check(doc(net('533', '621'))).findings.map(brief)).toEqual(['flow-mismatch “533 hộ” → 542 hộ']);
    expect(check(doc(net('533', '612', 'số hộ tái nghèo 10 hộ, '))).findings.map(brief)).toEqual(['flow-mismatch “533 hộ” → 523 hộ']);
  });

  it('its correct twins are consistent net changes and no finding', () => {
    for (const t of [net('533'), net('523', '612', 'số hộ tái nghèo 10 hộ, ')]) {
      const r = check(doc(t));
      expect(r.findings).toEqual([]);
      expect(r.claims.filter((c) => c.kind === 'net-change').map((c) => c.status)).toEqual(['consistent']);
    }
  });

  it('of the near-poor, and in brackets after an end: never read as parts that add up to the figure before', () => {
    expect(check(doc('Số hộ cận nghèo giảm 120 hộ, trong đó thoát cận nghèo 150 hộ, phát sinh mới 30 hộ.')).findings).toEqual([]);
    expect(check(doc('Số hộ cận nghèo giảm 120 hộ, trong đó thoát cận nghèo 150 hộ, phát sinh mới 20 hộ.')).findings.map(brief)).toEqual(['flow-mismatch “120 hộ” → 130 hộ']);
    expect(check(doc('Số hộ nghèo đầu năm 2026 là 4.827 hộ, cuối năm 4.215 hộ, giảm 612 hộ (trong đó thoát nghèo 845 hộ, phát sinh mới 233 hộ).')).findings).toEqual([]);
  });

  it('exits alone, a split of the exits, or a commune’s flows are not read as a net change', () => {
    expect(check(doc('Năm 2026 giảm 533 hộ nghèo; trong đó số hộ thoát nghèo 621 hộ.')).findings).toEqual([]);
    expect(check(doc('Năm 2026 giảm 533 hộ nghèo; trong đó xã Tân Lập thoát nghèo 621 hộ, phát sinh 79 hộ.')).findings).toEqual([]);
  });
});

describe('the base of all households in the sentence before the pairs (“Toàn xã có 830 hộ. Trong đó, hộ nghèo 338 hộ, chiếm 40,72%; …”)', () => {
  const pairs = (poor: string, near = '14,46', sep = ' '): string => `Toàn xã có 830 hộ.${sep}Trong đó, hộ nghèo 338 hộ, chiếm ${poor}%; hộ cận nghèo 120 hộ, chiếm ${near}%.`;

  it('the passage alone: 338 ÷ 830 = 40,72%, a printed 40,27% is a rate-mismatch on that base', () => {
    expect(check(pairs('40,27')).findings.map(brief)).toEqual(['rate-mismatch “40,27%” → 40,72%']);
  });

  it('inside a short plan, the base in its own paragraph, or one pair alone', () => {
    expect(check(doc(pairs('40,27'))).findings.map(brief)).toEqual(['rate-mismatch “40,27%” → 40,72%']);
    expect(check(doc(pairs('40,27', '14,46', '\n'))).findings.map(brief)).toEqual(['rate-mismatch “40,27%” → 40,72%']);
    expect(check(doc('Toàn xã có 830 hộ. Trong đó, hộ nghèo 338 hộ, chiếm 40,27%.')).findings.map(brief)).toEqual(['rate-mismatch “40,27%” → 40,72%']);
  });

  it('its correct twin: both pairs consistent on the printed base, no finding', () => {
    const r = check(doc(pairs('40,72')));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'rate-count').map((c) => [c.status, c.note])).toEqual([
      ['consistent', '338 hộ ÷ 830 hộ (printed) × 100 = 40,723%, printed 40,72%'],
      ['consistent', '120 hộ ÷ 830 hộ (printed) × 100 = 14,458%, printed 14,46%'],
    ]);
  });

  it('a count of the poor (“Toàn xã có 830 hộ nghèo.”) is no base of all households', () => {
    expect(check(doc('Toàn xã có 830 hộ nghèo. Trong đó, hộ dân tộc thiểu số 338 hộ, chiếm 40,27%.')).findings.map((f) => f.code)).not.toContain('rate-mismatch');
  });
});

describe('an approximate or bounded equivalent of a rate target (“giảm 1,5%, tương đương khoảng 120 hộ”), within what its qualifier allows', () => {
  const base = 'Tổng số hộ dân cư toàn huyện: 8.000 hộ. Số hộ nghèo 1.200 hộ, chiếm 15,00%.';
  const target = (equivalent: string): string => `Năm 2027 phấn đấu giảm tỷ lệ hộ nghèo 1,5%, tương đương ${equivalent}.`;

  it('the passage with its base: 1,5% of 8.000 = 120, “khoảng 150 hộ” (145–155) is found', () => {
    expect(check(`${base}\n${target('khoảng 150 hộ')}`).findings.map(brief)).toEqual(['target-count-mismatch “khoảng 150 hộ” → 120 hộ']);
  });

  it('inside a short plan: “trên 200 hộ” and “gần 100 hộ” are found as bounds', () => {
    expect(check(doc(base, target('trên 200 hộ'))).findings.map(brief)).toEqual(['target-count-mismatch “trên 200 hộ” → 120 hộ']);
    expect(check(doc(base, target('gần 100 hộ'))).findings.map(brief)).toEqual(['target-count-mismatch “gần 100 hộ” → 120 hộ']);
  });

  it('correct twins: “khoảng 120 hộ”, “trên 100 hộ”, “gần 120 hộ” give no finding and a consistent target', () => {
    for (const e of ['khoảng 120 hộ', 'trên 100 hộ', 'gần 120 hộ']) {
      const r = check(doc(base, target(e)));
      expect(r.findings).toEqual([]);
      expect(r.claims.filter((c) => c.kind === 'reduction-target').map((c) => c.status)).toEqual(['consistent']);
    }
  });

  it('the other way round: a count target and its approximate rate (“giảm 120 hộ nghèo, tương đương gần 1,2%”)', () => {
    const t = (rate: string): string => doc(base, `Năm 2027 phấn đấu giảm 120 hộ nghèo, tương đương ${rate}.`);
    expect(check(t('gần 1,2%')).findings.map(brief)).toEqual(['target-count-mismatch “gần 1,2%” → 1,5%']);
    expect(check(t('khoảng 1,5%')).findings).toEqual([]);
  });

  it('with no base in the prose, on the households the table’s total row prints (“Tổng số hộ” 8.000)', () => {
    const table = [
      'Biểu 1. Hộ nghèo, hộ cận nghèo đầu năm 2027',
      'STT\tXã\tTổng số hộ\tHộ nghèo\tTỷ lệ (%)\tHộ cận nghèo\tTỷ lệ (%)',
      '1\tXã A\t4.000\t640\t16,00\t300\t7,50',
      '2\tXã B\t2.000\t300\t15,00\t150\t7,50',
      '3\tXã C\t2.000\t260\t13,00\t100\t5,00',
      '\tTổng cộng\t8.000\t1.200\t15,00\t550\t6,88',
    ].join('\n');
    expect(check(doc('II. MỤC TIÊU', target('khoảng 150 hộ'), table)).findings.map(brief)).toEqual(['target-count-mismatch “khoảng 150 hộ” → 120 hộ']);
    const r = check(doc('II. MỤC TIÊU', target('khoảng 120 hộ'), table));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'reduction-target').map((c) => c.status)).toEqual(['consistent']);
    // an exact count is its pair's to check on that base: one finding, not two
    expect(check(doc('II. MỤC TIÊU', target('150 hộ'), table)).findings.map((f) => f.code)).toEqual(['rate-count-base-mismatch']);
  });

  it('an approximate figure within its width is never a finding, whatever the rate (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2_000, max: 90_000 }), fc.integer({ min: 5, max: 30 }), (households, tenths) => {
        const exact = (households * tenths) / 1000;
        const text = doc(`Tổng số hộ dân cư toàn huyện: ${households.toLocaleString('de-DE')} hộ.`, `Năm 2027 phấn đấu giảm tỷ lệ hộ nghèo ${(tenths / 10).toLocaleString('de-DE')}%, tương đương khoảng ${Math.round(exact).toLocaleString('de-DE')} hộ.`);
        return check(text).findings.length === 0;
      }),
      { numRuns: 40 },
    );
  });
});

describe('a plan’s cut in the prose against the total of its table of targets by commune (“Chỉ tiêu giảm”)', () => {
  const table = [
    'Biểu 1. Chỉ tiêu giảm hộ nghèo năm 2027 theo xã',
    'STT\tXã\tTổng số hộ\tHộ nghèo đầu năm\tTỷ lệ (%)\tChỉ tiêu giảm\tHộ nghèo cuối năm\tTỷ lệ (%)',
    '1\tXã A\t4.500\t720\t16,00\t200\t520\t11,56',
    '2\tXã B\t3.605\t571\t15,84\t150\t421\t11,68',
    '3\tXã C\t2.800\t440\t15,71\t120\t320\t11,43',
    '\tTổng cộng\t10.905\t1.731\t15,87\t470\t1.261\t11,56',
  ].join('\n');
  const target = (cut: string, rest = ', tỷ lệ hộ nghèo giảm 4,31 điểm phần trăm, từ 15,87% xuống còn 11,56%', lead = 'Năm 2027 phấn đấu'): string => `${lead} giảm ${cut} hộ nghèo${rest}.`;

  it('the passage with the table alone: the table plans 470, the prose says 407', () => {
    expect(check(`${target('407')}\n${table}`).findings.map(brief)).toEqual(['figure-differs-from-table “407 hộ” → 470 hộ']);
  });

  it('inside a short plan: one finding, at the prose’s cut', () => {
    const r = check(doc('II. MỤC TIÊU NĂM 2027', target('407'), table));
    expect(r.findings.map(brief)).toEqual(['figure-differs-from-table “407 hộ” → 470 hộ']);
    expect(r.findings[0]!.message).toMatch(/Tổng cộng.*Chỉ tiêu giảm/);
  });

  it('its correct twin: the cut is the table’s, and 4,31 points of 10.905 households is 470', () => {
    const r = check(doc('II. MỤC TIÊU NĂM 2027', target('470'), table));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'reduction-target').map((c) => [c.summary, c.status])).toEqual([
      ['470 hộ (poor, planned cut) as in a table', 'consistent'],
      ['4,31 điểm phần trăm of 10.905 hộ = 470 hộ', 'consistent'],
    ]);
  });

  it('the points of the rate that do not stand for the cut both print (4,13 for 4,31) are found at the points', () => {
    const r = check(doc('II. MỤC TIÊU NĂM 2027', target('470', ', tỷ lệ hộ nghèo giảm 4,13 điểm phần trăm'), table));
    expect(r.findings.map(brief)).toEqual(['target-count-mismatch “4,13 điểm phần trăm” → 4,31%']);
  });

  it('a cut of another year, of the near-poor or of a commune is not compared', () => {
    expect(check(doc('II. MỤC TIÊU', target('407', '', 'Năm 2028 phấn đấu'), table)).findings).toEqual([]);
    expect(check(doc('II. MỤC TIÊU NĂM 2027', 'Năm 2027 phấn đấu giảm 407 hộ cận nghèo.', table)).findings).toEqual([]);
    expect(check(doc('II. MỤC TIÊU NĂM 2027', target('407', '', 'Năm 2027 xã Tân Lập phấn đấu'), table)).findings).toEqual([]);
  });
});

describe('a net change with one of its flows, the other from the table’s total row', () => {
  const table = [
    'Biểu 2. Kết quả rà soát hộ nghèo năm 2026',
    'STT\tXã\tHộ nghèo đầu năm\tSố hộ thoát nghèo\tSố hộ nghèo phát sinh mới\tHộ nghèo cuối năm',
    '1\tXã A\t2.000\t250\t30\t1.780',
    '2\tXã B\t1.600\t200\t25\t1.425',
    '3\tXã C\t1.227\t162\t24\t1.089',
    '\tTổng cộng\t4.827\t612\t79\t4.294',
  ].join('\n');

  it('the exits in the prose, the newly poor in the table: 612 − 79 = 533, a printed 535 is found', () => {
    expect(check(`Năm 2026 giảm 535 hộ nghèo; trong đó số hộ thoát nghèo 612 hộ.\n${table}`).findings.map(brief)).toEqual(['flow-mismatch “535 hộ” → 533 hộ']);
    expect(check(doc('Năm 2026 giảm 535 hộ nghèo; trong đó số hộ thoát nghèo 612 hộ.', table)).findings.map(brief)).toEqual(['flow-mismatch “535 hộ” → 533 hộ']);
  });

  it('the newly poor in the prose, the exits in the table', () => {
    expect(check(doc('Năm 2026 giảm 535 hộ nghèo, trong đó số hộ nghèo phát sinh mới 79 hộ.', table)).findings.map(brief)).toEqual(['flow-mismatch “535 hộ” → 533 hộ']);
  });

  it('the correct twin is a consistent net change naming the table', () => {
    const r = check(doc('Năm 2026 giảm 533 hộ nghèo; trong đó số hộ thoát nghèo 612 hộ.', table));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'net-change').map((c) => [c.status, c.note])).toEqual([['consistent', '533 hộ = 612 hộ − 79 hộ (the entries “Số hộ nghèo phát sinh mới” of the total row (“Tổng cộng”) of the table at block 5)']]);
  });

  it('exits the table does not print as the prose does, or no table: not checked (the table figure is compared on its own)', () => {
    expect(check(doc('Năm 2026 giảm 535 hộ nghèo; trong đó số hộ thoát nghèo 600 hộ.', table)).findings.map((f) => f.code)).toEqual(['figure-differs-from-table']);
    const r = check(doc('Năm 2026 giảm 535 hộ nghèo; trong đó số hộ thoát nghèo 612 hộ.'));
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'net-change').map((c) => c.status)).toEqual(['unchecked']);
  });
});

describe('a breakdown of the exits inside a flow is neither a flow term nor a list running on into the next flows', () => {
  it('“thoát cận nghèo 310 hộ, trong đó … 120 hộ; phát sinh mới 95 hộ; cuối năm 1.851 hộ”: no finding (before: 310 = 120 + 95 + 1.851 was found)', () => {
    const r = check(doc('Số hộ cận nghèo đầu năm 2.066 hộ; thoát cận nghèo 310 hộ, trong đó thoát cận nghèo nhờ chăn nuôi 120 hộ; phát sinh mới 95 hộ; cuối năm 1.851 hộ.'));
    expect(r.findings).toEqual([]);
  });

  it('“giảm 533 hộ nghèo; trong đó số hộ thoát nghèo 612 hộ, trong đó … 400 hộ, số hộ nghèo phát sinh 79 hộ”: no finding', () => {
    expect(check(doc('Năm 2026 giảm 533 hộ nghèo; trong đó số hộ thoát nghèo 612 hộ, trong đó thoát nghèo nhờ chăn nuôi 400 hộ, số hộ nghèo phát sinh 79 hộ.')).findings).toEqual([]);
  });

  it('a breakdown of the exits larger than them is still found', () => {
    expect(check(doc('Trong năm có 310 hộ thoát cận nghèo, trong đó thoát cận nghèo nhờ chăn nuôi 320 hộ; phát sinh mới 95 hộ.')).findings.map((f) => f.code)).toEqual(['parts-exceed-total']);
  });
});
