import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { reconcileInferred } from '../../src/documents/reconcileInferred.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// “Trong đó” (of which) rows: a part is at most its whole, whether the table prints indicators as rows and
// years as columns (read transposed: each indicator a column) or communes as rows with their DTTS households
// under each. A part left blank or “-” (no DTTS household there) is no finding; each planted error is one
// finding at its printed cell, by how much; each twin printed right gives none.

const at = (f: CheckFinding): string => `${f.code} row ${f.location.row} col ${f.location.column} “${f.printed ?? ''}” expected ${f.expected ?? ''} (${f.difference ?? ''})`;
const check = (text: string) => checkDocument(readTextDocument(text));

interface ByYear {
  readonly dttsHouseholds?: readonly string[];
  readonly poor?: readonly string[];
  readonly dttsPoor?: readonly string[];
  readonly dttsRate?: readonly string[];
}

/** A district's results by year, two header rows (“Thực hiện qua các năm” over the years). */
function byYear(o: ByYear = {}, dttsRateHeader = 'Tỷ lệ hộ nghèo DTTS trên tổng số hộ DTTS'): string {
  const row = (cells: readonly string[]): string => cells.join('\t');
  return [
    'Biểu 02. Kết quả thực hiện chỉ tiêu giảm nghèo huyện Mường Khương giai đoạn 2022-2025',
    row(['TT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện qua các năm', '', '', '']),
    row(['', '', '', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025']),
    row(['1', 'Tổng số hộ dân cư', 'hộ', '15.234', '15.480', '15.712', '15.960']),
    row(['', 'Trong đó: hộ DTTS', 'hộ', ...(o.dttsHouseholds ?? ['11.402', '11.590', '11.770', '11.950'])]),
    row(['2', 'Số hộ nghèo', 'hộ', ...(o.poor ?? ['4.120', '3.556', '2.985', '2.410'])]),
    row(['', 'Trong đó: hộ nghèo DTTS', 'hộ', ...(o.dttsPoor ?? ['3.850', '3.312', '2.801', '2.265'])]),
    row(['3', 'Tỷ lệ hộ nghèo', '%', '27,04', '22,97', '19,00', '15,10']),
    row(['4', dttsRateHeader, '%', ...(o.dttsRate ?? ['33,77', '28,58', '23,80', '18,95'])]),
  ].join('\n');
}

describe('a transposed indicator table: “Trong đó” rows under their whole', () => {
  it('the table printed right gives no finding, and the parts are checked', () => {
    const r = check(byYear());
    expect(r.findings).toEqual([]);
    expect(r.unchecked).toEqual([]);
    expect(r.tables[0]!.layout.relations.filter((x) => x.type === 'part-of')).toEqual([
      { type: 'part-of', column: 'Trong đó: hộ DTTS hộ', of: 'Tổng số hộ dân cư hộ' },
      { type: 'part-of', column: 'Trong đó: hộ nghèo DTTS hộ', of: 'Số hộ nghèo hộ' },
    ]);
  });
  it('DTTS poor households above all poor households are one finding at that cell, by how much (before: none)', () => {
    // 3.081 DTTS poor under 2.985 poor in 2024; the DTTS rate printed from them
    expect(check(byYear({ dttsPoor: ['3.850', '3.312', '3.081', '2.265'], dttsRate: ['33,77', '28,58', '26,18', '18,95'] })).findings.map(at)).toEqual([
      'inequality-broken row 6 col 6 “3.081” expected ≤ 2.985 (96)',
    ]);
  });
  it('a part printed “-” or left empty is no finding', () => {
    expect(check(byYear({ dttsPoor: ['3.850', '', '-', '2.265'], dttsRate: ['33,77', '', '0,00', '18,95'] })).findings).toEqual([]);
  });
  it('a whole left blank under a printed part stays a finding', () => {
    expect(check(byYear({ poor: ['4.120', '', '2.985', '2.410'] })).findings.map((f) => `${f.code} row ${f.location.row} col ${f.location.column}`)).toContain('blank-cell row 5 col 5');
  });
  it('the DTTS rate is checked over the DTTS households it says', () => {
    expect(check(byYear({ dttsRate: ['33,77', '28,58', '22,80', '18,95'] })).findings.map(at)).toEqual([expect.stringMatching(/^rate-mismatch row 8 col 6 “22,80” expected 23,80 /)]);
  });
  it('and over all households where its header says so', () => {
    const header = 'Tỷ lệ hộ nghèo DTTS so với tổng số hộ dân cư';
    expect(check(byYear({ dttsRate: ['25,27', '21,40', '17,83', '14,19'] }, header)).findings).toEqual([]);
    expect(check(byYear({ dttsRate: ['25,27', '21,40', '18,83', '14,19'] }, header)).findings.map(at)).toEqual([expect.stringMatching(/^rate-mismatch row 8 col 6 “18,83” expected 17,83 /)]);
  });
});

/** Indicators by year with its parts under a heading “Trong đó:”, each with a “+”, units in the labels. */
function bulleted(dtts: readonly string[], women: readonly string[]): string {
  return [
    'Bảng 3. Hộ nghèo trên địa bàn xã Bản Lầu qua các năm',
    'Chỉ tiêu\tNăm 2022\tNăm 2023\tNăm 2024\tNăm 2025',
    'Tổng số hộ (hộ)\t1.642\t1.660\t1.681\t1.702',
    'Số hộ nghèo (hộ)\t412\t365\t318\t262',
    'Trong đó:\t\t\t\t',
    `+ Hộ nghèo DTTS (hộ)\t${dtts.join('\t')}`,
    `+ Hộ nghèo có chủ hộ là nữ (hộ)\t${women.join('\t')}`,
    'Tỷ lệ hộ nghèo (%)\t25,09\t21,99\t18,92\t15,39',
  ].join('\n');
}

describe('a transposed table: parts after a heading “Trong đó:”', () => {
  it('printed right: no finding', () => {
    expect(check(bulleted(['398', '351', '305', '250'], ['96', '88', '75', '61'])).findings).toEqual([]);
  });
  it('a part over its whole is one finding at it (before: the parts were unchecked)', () => {
    expect(check(bulleted(['398', '371', '305', '250'], ['96', '88', '75', '61'])).findings.map(at)).toEqual(['inequality-broken row 5 col 3 “371” expected ≤ 365 (6)']);
  });
  it('a part with no such household printed “-” is no finding', () => {
    expect(check(bulleted(['398', '351', '305', '250'], ['96', '-', '-', '61'])).findings).toEqual([]);
  });
});

/** Communes with their DTTS households under each (the usual orientation), a rate beside the counts. */
function byCommune(parts: ReadonlyArray<readonly [string, string, string]>): string {
  return [
    'Biểu 1. Hộ nghèo theo đơn vị hành chính cấp xã năm 2024',
    'STT\tĐơn vị\tTổng số hộ\tSố hộ nghèo\tTỷ lệ hộ nghèo (%)',
    '1\tXã An Phú\t2.348\t338\t14,40',
    `\tTrong đó: hộ DTTS\t${parts[0]!.join('\t')}`,
    '2\tXã Tân Lợi\t2.154\t244\t11,33',
    `\tTrong đó: hộ DTTS\t${parts[1]!.join('\t')}`,
    '3\tXã Mỹ Hòa\t1.980\t210\t10,61',
    `\tTrong đó: hộ DTTS\t${parts[2]!.join('\t')}`,
    '\tTổng cộng\t6.482\t792\t12,22',
  ].join('\n');
}

describe('communes with a “Trong đó: hộ DTTS” row under each', () => {
  const right = [['1.210', '150', '12,40'], ['980', '126', '12,86'], ['760', '95', '12,50']] as const;
  it('printed right: no finding', () => {
    expect(check(byCommune(right)).findings).toEqual([]);
  });
  it('a part over its commune is one finding at it, by how much', () => {
    expect(check(byCommune([['1.210', '350', '28,93'], right[1], right[2]])).findings.map(at)).toEqual(['inequality-broken row 3 col 4 “350” expected ≤ 338 (12)']);
  });
  it('a commune with no DTTS household, its row “-” or empty, is no finding — and the other parts are still checked (before: unchecked)', () => {
    expect(check(byCommune([right[0], ['', '', ''], ['-', '-', '-']])).findings).toEqual([]);
    expect(check(byCommune([['1.210', '350', '28,93'], ['', '', ''], ['-', '-', '-']])).findings.map(at)).toEqual(['inequality-broken row 3 col 4 “350” expected ≤ 338 (12)']);
  });
  it('parts printing their counts and no rate give no finding; a rate a part prints is checked (before: blank-cell at each part’s rate)', () => {
    expect(check(byCommune([['1.210', '150', ''], ['980', '126', ''], ['760', '95', '']])).findings).toEqual([]);
    expect(check(byCommune([['1.210', '150', ''], ['', '', ''], ['760', '95', '']])).findings).toEqual([]);
    expect(check(byCommune([['1.210', '150', ''], ['980', '126', '12,68'], ['760', '95', '']])).findings.map(at)).toEqual([expect.stringMatching(/^rate-mismatch row 5 col 5 “12,68” expected 12,86 /)]);
  });
});

/** Communes with their parts under each as printed: a heading “Trong đó:” and “- …” rows, or one “+ …” row, or a “-” in STT. */
function communesWith(style: 'heading' | 'plus' | 'dash-number', tanLoiDttsPoor = '126', tanLoiDttsRate = '12,86'): string {
  const header = 'STT\tĐơn vị\tTổng số hộ\tSố hộ nghèo\tTỷ lệ hộ nghèo (%)';
  const part = (label: string, cells: string): string[] =>
    style === 'heading' ? [`\t- ${label}\t${cells}`] : style === 'plus' ? [`\t+ ${label}\t${cells}`] : [`-\t${label}\t${cells}`];
  const block = (n: string, name: string, cells: string, dtts: string, disabled: string): string[] => [
    `${n}\t${name}\t${cells}`,
    ...(style === 'heading' ? ['\tTrong đó:\t\t\t'] : []),
    ...part('Hộ DTTS', dtts),
    ...(style === 'heading' ? part('Hộ có người khuyết tật', disabled) : []),
  ];
  return [
    'Biểu 1. Hộ nghèo theo xã, phường năm 2024',
    header,
    ...block('1', 'Xã An Phú', '2.348\t338\t14,40', '1.210\t150\t12,40', '120\t40\t33,33'),
    ...block('2', 'Xã Tân Lợi', '2.154\t244\t11,33', `980\t${tanLoiDttsPoor}\t${tanLoiDttsRate}`, '100\t30\t30,00'),
    '\tTổng cộng\t4.502\t582\t12,93',
  ].join('\n');
}

describe('parts under a commune printed with a bullet', () => {
  for (const style of ['heading', 'plus', 'dash-number'] as const) {
    it(`${style}: printed right, no finding, and the total adds up the communes only`, () => {
      const r = check(communesWith(style));
      expect(r.findings).toEqual([]);
      expect(r.unchecked).toEqual([]);
      expect(r.tables[0]!.layout.rows.filter((x) => x.role === 'total').map((x) => x.covers)).toEqual([[1, style === 'heading' ? 5 : 3]]);
    });
    it(`${style}: a part over its commune is one finding at it (before: every row read as a part, or the total unchecked)`, () => {
      const row = style === 'heading' ? 8 : 5;
      expect(check(communesWith(style, '256', '26,12')).findings.map(at)).toEqual([`inequality-broken row ${row} col 4 “256” expected ≤ 244 (12)`]);
    });
  }
});

describe('indicators by year with no rate, read as printed: each “Trong đó” row under its indicator', () => {
  const table = (dttsPoor2023: string, dttsNearPoor2024: string): string =>
    [
      'Biểu 5. Số hộ nghèo, hộ cận nghèo huyện Si Ma Cai qua các năm',
      'TT\tChỉ tiêu\tĐVT\tNăm 2022\tNăm 2023\tNăm 2024\tNăm 2025',
      '1\tSố hộ nghèo\thộ\t1.120\t985\t842\t701',
      `\tTrong đó: hộ nghèo DTTS\thộ\t610\t${dttsPoor2023}\t480\t400`,
      '2\tSố hộ cận nghèo\thộ\t640\t602\t570\t533',
      `\tTrong đó: hộ cận nghèo DTTS\thộ\t402\t380\t${dttsNearPoor2024}\t351`,
    ].join('\n');
  it('printed right (a year with none left blank): no finding, nothing left unchecked (before: the table unchecked)', () => {
    const r = check(table('552', ''));
    expect(r.findings).toEqual([]);
    expect(r.unchecked).toEqual([]);
  });
  it('a part over its indicator in one year is one finding at it', () => {
    expect(check(table('1.052', '-')).findings.map(at)).toEqual(['inequality-broken row 3 col 5 “1.052” expected ≤ 985 (67)']);
  });
});

describe('communes under two header rows, a part row with “-” and a part printing no rate', () => {
  const table = (anPhuDttsPoor: string): string =>
    [
      'Biểu 6. Hộ nghèo theo xã năm 2024',
      'STT\tĐơn vị\tTổng số hộ\tHộ nghèo\t',
      '\t\t\tSố hộ\tTỷ lệ (%)',
      '1\tXã An Phú\t2.348\t338\t14,40',
      `\tTrong đó: hộ DTTS\t1.210\t${anPhuDttsPoor}\t${anPhuDttsPoor === '150' ? '12,40' : '28,93'}`,
      '2\tXã Tân Lợi\t2.154\t244\t11,33',
      '\tTrong đó: hộ DTTS\t-\t-\t-',
      '3\tXã Mỹ Hòa\t1.980\t210\t10,61',
      '\tTrong đó: hộ DTTS\t760\t95\t',
      '\tTổng cộng\t6.482\t792\t12,22',
    ].join('\n');
  it('printed right: no finding (before: the part’s rate left blank read as 0, a false rate-mismatch)', () => {
    expect(check(table('150')).findings).toEqual([]);
  });
  it('a part over its commune is one finding at it', () => {
    expect(check(table('350')).findings.map(at)).toEqual(['inequality-broken row 4 col 4 “350” expected ≤ 338 (12)']);
  });
});

describe('`reconcile` with no layout reads the transposed part the same way', () => {
  const tableOf = (rows: string[][]): DocumentTable => documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable;
  const rows = (dtts2022: string): string[][] => [
    ['TT', 'Chỉ tiêu', 'ĐVT', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025'],
    ['1', 'Tổng số hộ', 'hộ', '6.420', '6.510', '6.598', '6.690'],
    ['2', 'Số hộ nghèo', 'hộ', '1.120', '985', '842', '701'],
    ['', 'Trong đó: hộ nghèo DTTS', 'hộ', dtts2022, '', '515', '420'],
    ['3', 'Tỷ lệ hộ nghèo', '%', '17,45', '15,13', '12,76', '10,48'],
  ];
  it('one finding at the printed cell of the part; none on the twin, the blank year none either', () => {
    expect(reconcileInferred(tableOf(rows('1.250'))).issues.map((i) => [i.code, i.printed, i.expected, i.grid])).toEqual([['inequality-broken', '1.250', '≤ 1.120', { row: 3, column: 3 }]]);
    expect(reconcileInferred(tableOf(rows('1.050'))).issues).toEqual([]);
  });
});
