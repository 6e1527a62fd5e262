import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { formatCheckReport } from '../../src/documents/formatCheckReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { expectPure } from '../_helpers/purity.js';
import { seedText } from '../_helpers/seeds.js';

/** A finding in one line: code, where, printed → expected. */
const brief = (f: CheckFinding): string =>
  `${f.severity} ${f.code} @${f.location.block}${f.location.row === undefined ? '' : `:r${f.location.row}c${f.location.column}`} ${f.location.rowLabel ?? ''} ${f.printed ?? ''} → ${f.expected ?? ''}`.replace(/\s+/g, ' ').trim();

const check = (n: number): CheckReport => checkDocument(readTextDocument(seedText(n), { source: `seed00${n}.txt` }));

describe('checkDocument on the five seed plans, read as text with no transcription and no spec', () => {
  it('seed 001: the three wrong rates, the row numbering, the Tân Lợi shortcut, the missed targets and the dropped unit — and nothing else', () => {
    const r = check(1);
    expect(r.findings.map(brief)).toEqual([
      'warning target-not-met @41 154 households planned out → at least 245',
      'warning target-not-met @45 249 households planned out → at least 297',
      'error rate-mismatch @65:r11c15 An Phú 2,56 → 2,26',
      'rounding rate-mismatch @65:r16c9 Tân Lợi 1,99 → 2,00',
      'error rate-mismatch @65:r17c13 Văn Giáo 0,66 → 0,48',
      'error rate-mismatch @65:r18c13 Vĩnh Trung 1,27 → 0,05',
      'error skipped-row-number @65:r19c1 An Nông 13 → 12',
      'error duplicate-row-number @65:r21c1 An Cư 11 → 15',
      'error parts-short-of-total @220 206 triệu đồng → 187 triệu đồng',
    ]);
    const byCode = (code: string): CheckFinding[] => r.findings.filter((f) => f.code === code);
    expect(byCode('target-not-met')[0]!.message).toContain('needs 245 households out (244,2) of 30.519; the table plans 154 (0,50 points) → NOT met, short by 90,2 households (0,30 points)');
    expect(byCode('target-not-met')[1]!.message).toContain('needs 297 households out (297,0) of 30.519; the table plans 249');
    expect(byCode('parts-short-of-total')[0]!.message).toContain('“19 đồng” (Ngân sách tỉnh) is printed in đồng; read in triệu đồng the total holds (a dropped unit?)');
    expect(r.findings.find((f) => f.location.rowLabel === 'Tân Lợi')!.message).toContain('difference-of-rounded-rates: 2,04 − 0,05');
    // the budget prose: every other total adds up, the programme total (“tối thiểu là 5.476”) too
    const totals = r.claims.filter((c) => c.kind === 'total-with-parts');
    expect(totals.map((c) => `${c.status} ${c.summary}`)).toEqual([
      'consistent 2.522 triệu đồng = 2.293 triệu đồng + 229 triệu đồng',
      'consistent 1.043 triệu đồng = 948 triệu đồng + 95 triệu đồng',
      'consistent 1.210 triệu đồng = 1.100 triệu đồng + 110 triệu đồng',
      'consistent 153 triệu đồng = 139 triệu đồng + 14 triệu đồng',
      'consistent 342 triệu đồng = 311 triệu đồng + 31 triệu đồng',
      'finding 206 triệu đồng = 187 triệu đồng + 19 đồng',
      'consistent tối thiểu là 5.476 triệu đồng = 4.978 triệu đồng + 498 triệu đồng + 0 triệu đồng',
    ]);
    // the ethnic-minority target cannot be checked against a table that does not count them
    expect(r.claims.find((c) => c.kind === 'reduction-target' && c.status === 'unchecked')!.note).toContain('dân tộc thiểu số');
  });

  it('seed 001: the table understood with its evidence (“holds in 16 of 17 rows”)', () => {
    const r = check(1);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(t.location).toMatchObject({ block: 65, line: 116, endLine: 137 });
    expect(t.layout.headerRows).toBe(5);
    expect(t.layout.skipRows).toEqual([4]); // the printed column numbers “A B I 2 3 …”
    expect(t.layout.rows.map((row) => row.role).join(' ')).toBe(`subtotal ${'item '.repeat(7)}subtotal ${'item '.repeat(7)}total`);
    const ev = t.evidence.map((e) => `${e.text}: ${e.holds}/${e.of}`);
    expect(ev).toContain('HN còn lại · Hộ = HN đầu năm 2024 · Hộ − Thoát hộ nghèo · Hộ: 17/17');
    expect(ev).toContain('HCN còn lại · Tỷ lệ (%) = HCN còn lại · Hộ ÷ Hộ dân cuối năm (2023) × 100 (half-up, to the decimals printed): 16/17');
    expect(ev).toContain('Thoát cận nghèo · Tỷ lệ (%) = Thoát cận nghèo · Hộ ÷ Hộ dân cuối năm (2023) × 100 (half-up, to the decimals printed): 15/17');
    expect(ev.filter((e) => e.includes('= sum of'))).toHaveLength(3);
    expect(t.checks).toBe(158); // as many checks as the hand-transcribed commune-targets preset makes
  });

  it('seed 001: the inferred layout goes to the engine as a TableSpec, and the spec given back gives the same report', () => {
    const model = readTextDocument(seedText(1));
    const r = checkDocument(model);
    const spec = r.tables[0]!.spec!;
    expect(spec.columns.find((c) => c.key === 'HN còn lại · Tỷ lệ (%)')).toMatchObject({ kind: 'rate', index: 8, header: ['Kế hoạch giảm hộ nghèo, hộ cận nghèo năm 2024', 'Hộ nghèo', 'HN còn lại', 'Tỷ lệ (%)'] });
    expect(spec.header).toEqual({ start: 0, rows: 4 });
    expect(spec.relations[0]).toMatchObject({ type: 'role-totals' });
    const again = checkDocument(model, { specs: { '65': spec } });
    expect(again.findings.map(brief)).toEqual(r.findings.map(brief));
    expect(again.tables[0]!.layoutFrom).toBe('spec');
  });

  it('seed 000: “1,5% (697 hộ)” fits no common base with the other pairs; the loans, training and jobs add up', () => {
    const r = check(0);
    expect(r.findings.map(brief)).toEqual(['error rate-count-base-mismatch @11 1,5% (697 hộ) → 1,15 – 1,16%']);
    expect(r.findings[0]!.message).toContain('697 hộ at 1,5% needs 44.968 – 48.068 households, while 3 of 4 pairs share 60.282 – 60.707');
    const pairs = r.claims.filter((c) => c.kind === 'rate-count');
    expect(pairs).toHaveLength(8);
    expect(pairs.filter((c) => c.note?.includes('share a base of 7.110 – 7.131 households'))).toHaveLength(4);
    const plans = r.claims.filter((c) => c.kind === 'percent-of-plan');
    expect(plans.map((c) => c.status)).toEqual(['consistent', 'consistent']);
    expect(plans[0]!.note).toContain('4.952 lượt người at 99,04% → 4.999,7 – 5.000,3 lượt người; khoảng 5.600 lượt người at 112% → 4.933,3 – 5.067,3 lượt người');
    expect(r.claims.filter((c) => c.kind === 'total-with-parts' && c.status === 'consistent').map((c) => c.summary)).toEqual([
      '3.107 hộ = 582 hộ + 404 hộ + 2.121 hộ',
      '68.730.000.000 đồng = 14.045.000.000 đồng + 7.245.000.000 đồng + 47.440.000.000 đồng',
      '240 lượt người = 10 người + 15 người + 100 người + 10 người + 105 người',
      '4.952 lượt người = 2.696 lượt người + 2.256 lượt người',
      '4.952 lượt người = 2.800 lượt người',
      '42.062 đối tượng = 1.741 người + 901 người + 39.420 học sinh',
    ]);
  });

  it('seed 004: 82.075 ≠ 71.750 + 10.505 (the parts exceed the total by 180)', () => {
    const r = check(4);
    expect(r.findings.map(brief)).toEqual(['error parts-exceed-total @23 82.075 triệu đồng → 82.255 triệu đồng']);
    expect(r.findings[0]!.difference).toBe('-180');
    expect(r.findings[0]!.location).toMatchObject({ block: 23, line: 47 });
  });

  it('seed 003: the range and the count recognised, and the ward size for which they agree', () => {
    const r = check(3);
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => c.summary)).toEqual(['poor rate down 0,17 – 0,20 points', '10 poor households out']);
    expect(r.claims[0]!.note).toContain('agree when there are 5.000 – 5.882 households');
  });

  it('seed 002: the target recognised (0,42 points), nothing to evaluate it against', () => {
    const r = check(2);
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => `${c.kind} ${c.summary} ${c.status}`)).toEqual(['reduction-target poor rate down 0,42 points unchecked']);
    expect(r.unchecked.map((u) => u.kind)).toEqual(['claim']);
  });

  it('the report is pure, frozen and JSON-friendly; the text report ends with a summary', () => {
    const model = readTextDocument(seedText(1), { source: 'seed001.txt' });
    const r = expectPure(checkDocument, model);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(formatCheckReport(r).split('\n').at(-1)).toBe('seed001.txt: 9 findings (6 errors, 2 warnings, 1 rounding); 1 table, 10 claims, 14 items unchecked');
  });
});
