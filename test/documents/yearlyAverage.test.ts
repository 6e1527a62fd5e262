import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { understandTable } from '../../src/documents/understandTable.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { roundQuotient, type RoundingMode } from '../../src/numbers/rounding.js';

const asTable = (rows: string[][]): DocumentTable => documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable;
const findings = (rows: string[][]): string[] => checkDocument(documentModel([{ kind: 'table', rows }])).findings.map((f) => `${f.code} @${f.location.row}:${f.location.column} ${f.printed}`);

/** (Σ units) ÷ n to `decimals`, from figures printed with `from` decimals, formatted as a Vietnamese plan prints it. */
function mean(units: readonly number[], from: number, decimals: number, rounding: RoundingMode, percent: boolean): string {
  const sum = units.reduce((s, u) => s + BigInt(u), 0n);
  const scaled = roundQuotient(sum * 10n ** BigInt(decimals), BigInt(units.length) * 10n ** BigInt(from), rounding);
  return `${formatVnNumber({ num: scaled, den: 10n ** BigInt(decimals) }, { decimals })}${percent ? '%' : ''}`;
}

const shown = (u: number, decimals: number, percent: boolean): string => `${formatVnNumber({ num: BigInt(u), den: 10n ** BigInt(decimals) }, { decimals })}${percent ? '%' : ''}`;

describe('a yearly average column (“Bình quân/năm”) beside the year columns', () => {
  const counts = [
    ['TT', 'Chỉ tiêu', 'Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Tổng giai đoạn', 'BQ/năm'],
    ['1', 'Số hộ thoát nghèo', '1.245', '1.108', '986', '874', '4.213', '1.053'],
    ['2', 'Số hộ nghèo phát sinh', '312', '287', '254', '231', '1.084', '271'],
    ['3', 'Số hộ tái nghèo', '45', '38', '29', '22', '134', '34'],
    ['4', 'Số hộ thoát cận nghèo', '978', '1.034', '1.121', '1.087', '4.220', '1.055'],
  ];

  it('is inferred as (Σ years) ÷ number of years, half-up, and a wrong average is found at its cell', () => {
    const u = understandTable(asTable(counts));
    expect(u.layout.relations).toContainEqual({ type: 'average', column: 'BQ/năm', parts: ['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024'], rounding: 'half-up' });
    expect(u.uncheckedColumns).toEqual([]);
    expect(findings(counts)).toEqual([]);
    // 1.053,25 printed 1.035: the average, not the years, is wrong
    const wrong = counts.map((r) => [...r]);
    wrong[1]![7] = '1.035';
    expect(findings(wrong)).toEqual(['average-mismatch @2:8 1.035']);
    const f = checkDocument(documentModel([{ kind: 'table', rows: wrong }])).findings[0]!;
    expect(f.expected).toBe('1.053');
    expect(f.difference).toBe('-18');
  });

  it('a table that rounds its averages down (34,75 printed 34) is read with that rounding, and says so', () => {
    const down = counts.map((r) => [...r]);
    // 4.220 ÷ 4 = 1.055; 134 ÷ 4 = 33,5 → 33 down; 1.084 ÷ 4 = 271; 4.213 ÷ 4 = 1.053,25 → 1.053
    down[3]![7] = '33';
    const u = understandTable(asTable(down));
    expect(u.layout.relations).toContainEqual({ type: 'average', column: 'BQ/năm', parts: ['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024'], rounding: 'down' });
    expect(u.evidence.find((e) => e.type === 'average')!.text).toContain('down, as the table rounds (not half-up)');
    expect(findings(down)).toEqual([]);
  });

  it('a mean of rates over the years (“Bình quân giai đoạn” of percentages) is checked too', () => {
    // (4,52 + 3,81 + 3,02) ÷ 3 = 3,7833… → 3,78; (6,10 + 5,24 + 4,37) ÷ 3 = 5,2366… → 5,24; (2,05 + 1,66 + 1,20) ÷ 3 = 1,6366… → 1,64
    const rates = [
      ['STT', 'Đơn vị', 'Tỷ lệ 2022 (%)', 'Tỷ lệ 2023 (%)', 'Tỷ lệ 2024 (%)', 'Tỷ lệ bình quân giai đoạn (%)'],
      ['1', 'Xã A', '4,52%', '3,81%', '3,02%', '3,78%'],
      ['2', 'Xã B', '6,10%', '5,24%', '4,37%', '5,24%'],
      ['3', 'Xã C', '2,05%', '1,66%', '1,20%', '1,64%'],
    ];
    expect(understandTable(asTable(rates)).layout.relations).toContainEqual({ type: 'average', column: 'Tỷ lệ bình quân giai đoạn (%)', parts: ['Tỷ lệ 2022 (%)', 'Tỷ lệ 2023 (%)', 'Tỷ lệ 2024 (%)'], rounding: 'half-up' });
    expect(findings(rates)).toEqual([]);
    rates[2]![5] = '5,42%';
    expect(findings(rates)).toEqual(['average-mismatch @3:6 5,42%']);
  });

  it('a column that only names a year range (“Giai đoạn 2021-2025”) is never one of the years averaged', () => {
    const u = understandTable(asTable(counts.map((r, i) => (i === 0 ? [...r.slice(0, 6), 'Giai đoạn 2021-2024', r[7]!] : r))));
    const avg = u.layout.relations.find((r) => r.type === 'average');
    expect(avg).toEqual({ type: 'average', column: 'BQ/năm', parts: ['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024'], rounding: 'half-up' });
  });

  describe('properties', () => {
    const generated = fc
      .record({
        years: fc.integer({ min: 2, max: 5 }),
        percent: fc.boolean(),
        decimals: fc.integer({ min: 0, max: 2 }),
        periodTotal: fc.boolean(),
        lines: fc.integer({ min: 3, max: 6 }),
      })
      .chain((s) =>
        fc.record({
          shape: fc.constant(s),
          figures: fc.array(fc.array(s.percent ? fc.integer({ min: 1, max: 9_999 }) : fc.integer({ min: 1, max: 20_000 }), { minLength: s.years, maxLength: s.years }), { minLength: s.lines, maxLength: s.lines }),
        }),
      )
      .map(({ shape, figures }) => {
        const from = shape.percent ? 2 : 0;
        const years = Array.from({ length: shape.years }, (_, i) => (shape.percent ? `Tỷ lệ hộ nghèo năm ${2021 + i} (%)` : `Năm ${2021 + i}`));
        const header = ['TT', 'Chỉ tiêu', ...years, ...(shape.periodTotal && !shape.percent ? ['Giai đoạn 2021-2025'] : []), shape.percent ? 'Tỷ lệ bình quân/năm (%)' : 'Bình quân/năm'];
        const rows = figures.map((f, i) => [
          String(i + 1),
          `Chỉ tiêu ${i + 1}`,
          ...f.map((u) => shown(u, from, shape.percent)),
          ...(shape.periodTotal && !shape.percent ? [shown(f.reduce((a, b) => a + b, 0), 0, false)] : []),
          mean(f, from, shape.decimals + from, 'half-up', shape.percent),
        ]);
        return { shape, figures, rows: [header, ...rows], averageCol: header.length - 1 };
      });

    it('averages printed right give no finding', () => {
      fc.assert(
        fc.property(generated, (g) => {
          expect(findings(g.rows)).toEqual([]);
        }),
        { numRuns: 1000 },
      );
    });

    it('one average cell off by more than its rounding gives exactly one finding, at that cell', () => {
      fc.assert(
        fc.property(generated, fc.nat(), fc.integer({ min: 2, max: 40 }), fc.boolean(), (g, pick, off, up) => {
          const line = pick % g.figures.length;
          const from = g.shape.percent ? 2 : 0;
          const d = g.shape.decimals + from;
          const sum = g.figures[line]!.reduce((a, b) => a + b, 0);
          const printed = Number(roundQuotient(BigInt(sum) * 10n ** BigInt(d), BigInt(g.figures[line]!.length) * 10n ** BigInt(from), 'half-up'));
          const wrong = up || printed - off < 0 ? printed + off : printed - off;
          const rows = g.rows.map((r) => [...r]);
          rows[line + 1]![g.averageCol] = shown(wrong, d, g.shape.percent);
          expect(findings(rows)).toEqual([`average-mismatch @${line + 2}:${g.averageCol + 1} ${rows[line + 1]![g.averageCol]}`]);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
