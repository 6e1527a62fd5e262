/**
 * Number formats of several sections (ECMA-376 Part 1 §18.8.31): positive; negative; zero; text,
 * conditions (`[>=1000]`) overriding that order, and the built-in formats of §18.8.30 a workbook
 * uses without declaring them (the accounting formats 41–44). The sheet's text is what Excel
 * shows; the value read is the value held, its sign kept where the format hides it.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/_internal/_decimal.js';
import { readSheetGrid, xlsxNumberReading, xlsxNumberText } from '../../src/io/readSheetGrid.js';
import { readCell } from '../../src/io/columns.js';
import { chosenSection, formatSections } from '../../src/io/_formatSections.js';
import { numberFormatShape } from '../../src/io/_numberFormat.js';
import { readXlsxDocument, xlsxCellText } from '../../src/io/readXlsxDocument.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { inline, numberCell, rawXlsx, stylesWithFormat } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-sections-');

/** Excel's accounting formats, built in as 41 and 43 (en-US; ECMA-376 §18.8.30 leaves them to the locale). */
const ACCOUNTING = '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)';
const ACCOUNTING_2 = '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)';

describe('sections of a number format, as Excel shows them (ECMA-376 §18.8.31)', () => {
  it('splits sections at the semicolons outside quotes, brackets and escapes', () => {
    expect(formatSections('#,##0;(#,##0);"-"')).toEqual(['#,##0', '(#,##0)', '"-"']);
    expect(formatSections('0" a;b"')).toEqual(['0" a;b"']);
    expect(formatSections('0\\;0')).toEqual(['0\\;0']);
    expect(formatSections(ACCOUNTING)).toHaveLength(4);
  });

  it('a negative section shows the absolute value with the sign it prints: none, a minus, brackets (before: the first section for every value, −1234 shown -1.234 under each)', () => {
    expect(xlsxNumberText(-1234, '#,##0;#,##0', 'vi')).toBe('1.234');
    expect(xlsxNumberText(-1234, '#,##0;(#,##0)', 'vi')).toBe('(1.234)');
    expect(xlsxNumberText(-1234, '#,##0;[Red]-#,##0', 'vi')).toBe('-1.234');
    expect(xlsxNumberText(-1234, '#,##0;[Red]#,##0', 'vi')).toBe('1.234');
    expect(xlsxNumberText(-1234, '#,##0;(#,##0)', 'en')).toBe('(1,234)');
    expect(xlsxNumberText(-1234.5, '#,##0.00;(#,##0.00)', 'vi')).toBe('(1.234,50)');
    expect(xlsxNumberText(-0.125, '0.0%;(0.0%)', 'vi')).toBe('(12,5%)');
    // one section: Excel writes the minus itself; the positive twin unchanged
    expect(xlsxNumberText(-1234, '#,##0', 'vi')).toBe('-1.234');
    expect(xlsxNumberText(1234, '#,##0;(#,##0)', 'vi')).toBe('1.234');
  });

  it('a zero section of text shows its text (0 under 0.00;-0.00;"-" is -, before 0,00); positive and negative numbers their own sections', () => {
    expect([2, -1.5, 0].map((v) => xlsxNumberText(v, '0.00;-0.00;"-"', 'vi'))).toEqual(['2,00', '-1,50', '-']);
    // a zero section that is empty hides the zero, read as the 0 held; two sections: zero with the positives
    expect(xlsxNumberText(0, '0;-0;;@', 'vi')).toBe('0');
    expect(xlsxNumberText(0, '#,##0;(#,##0)', 'vi')).toBe('0');
    // other text in the zero section is shown, and read as the 0 held
    expect(xlsxNumberReading(0, '0;-0;"không"', 'vi')).toEqual({ shown: 'không', read: '0', signHidden: false, showsFigure: true });
    // the text section never shows a number
    expect(chosenSection('0;-0;0;"x"@', 5).section).toBe('0');
    expect(chosenSection('0.0;@', -5)).toEqual({ section: '0.0', autoMinus: true });
  });

  it('conditions override the default order: [>=1000]#,##0;0.0 shows 1234,5 as 1.235 and 12,34 as 12,3 (before: 12, the first section for every value)', () => {
    expect(xlsxNumberText(1234.5, '[>=1000]#,##0;0.0', 'vi')).toBe('1.235');
    expect(xlsxNumberText(12.34, '[>=1000]#,##0;0.0', 'vi')).toBe('12,3');
    expect(xlsxNumberText(-12.34, '[>=1000]#,##0;0.0', 'vi')).toBe('-12,3');
    // two conditions, then the rest
    expect([2000000, -5, 7].map((v) => xlsxNumberText(v, '[>=1000000]#,##0,,"tr";[<0](0);0.0', 'vi'))).toEqual(['2', '(5)', '7,0']);
    // a condition for negatives only plays the negative section's part: its brackets, no minus
    expect(xlsxNumberText(-5, '[<0](0);0', 'vi')).toBe('(5)');
  });

  it('the built-in accounting formats (41, 43) and 37–40: brackets for a negative, a dash for zero', () => {
    expect([1234, -1234, 0].map((v) => xlsxNumberText(v, ACCOUNTING, 'vi'))).toEqual(['1.234', '(1.234)', '-']);
    expect([1234.5, -0.5, 0].map((v) => xlsxNumberText(v, ACCOUNTING_2, 'vi'))).toEqual(['1.234,50', '(0,50)', '-']);
    expect(xlsxNumberText(-1234, '#,##0 ;(#,##0)', 'vi')).toBe('(1.234)');
  });

  it('a register reads the value held whichever section shows it; the section for the value decides percent and scaling', () => {
    const at = { row: 2, column: 4, header: 'Tỷ lệ' };
    expect(String(readCell(-0.005, { hint: 'rate' }, at, '0.00%;(0.00%)'))).toBe('-0.5');
    expect(numberFormatShape('0;0.0%', -0.5).percent).toBe(true);
    expect(numberFormatShape('0;0.0%').percent).toBe(false);
    expect(readCell(-12, { hint: 'count' }, { ...at, header: 'Số hộ' }, '#,##0;#,##0')).toBe(-12n);
  });

  it('xlsxCellText writes a cell by its section, a hidden minus kept', () => {
    expect([xlsxCellText(-1234, '#,##0;(#,##0)'), xlsxCellText(-1234, '#,##0;#,##0'), xlsxCellText(0, ACCOUNTING), xlsxCellText(1234, ACCOUNTING)]).toEqual(['(1.234)', '-1.234', '-', '1.234']);
  });
});

describe('built-in number formats in a workbook (ECMA-376 §18.8.30)', () => {
  const sheet = async (id: number, values: readonly number[]): Promise<(string | null)[]> => {
    const xml = `<sheetData>${values.map((v, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, `Xã ${i + 1}`)}${numberCell(`B${i + 1}`, String(v), 1)}</row>`).join('')}</sheetData>`;
    const path = join(dir(), `fmt-${id}.xlsx`);
    writeFileSync(path, rawXlsx([{ name: 'Biểu 1', xml }], { styles: stylesWithFormat(id) }));
    return (await readSheetGrid(path)).grid.map((r) => r[1] ?? null);
  };

  it('41–44 (accounting) are read as Excel shows them (before: General, -1234 and 1234.5 read with every digit)', async () => {
    expect(await sheet(41, [1234, -1234, 0])).toEqual(['1.234', '(1.234)', '-']);
    expect(await sheet(43, [1234.5, -0.5, 0])).toEqual(['1.234,50', '(0,50)', '-']);
    expect(await sheet(42, [-1234])).toEqual(['(1.234)']);
    expect(await sheet(44, [1234.567])).toEqual(['1.234,57']);
  });

  it('5–8 (currency) and 37–40 show a negative in brackets; 3 (#,##0) with a minus', async () => {
    expect(await sheet(5, [-1234])).toEqual(['(1.234)']);
    expect(await sheet(8, [-1234.5])).toEqual(['(1.234,50)']);
    expect(await sheet(37, [-1234])).toEqual(['(1.234)']);
    expect(await sheet(3, [-1234])).toEqual(['-1.234']);
  });
});

describe('a table of changes whose format hides the minus', () => {
  // 108 − 120 = −12; 65 − 60 = 5; 173 − 180 = −7
  const plan = (change: number, fmt: string): Buffer => {
    const rows: (string | number)[][] = [
      ['STT', 'Đơn vị', 'Số hộ nghèo đầu năm 2024', 'Số hộ nghèo cuối năm 2024', 'Tăng (+), giảm (-)'],
      ['1', 'Xã An Phú', 120, 108, change],
      ['2', 'Xã Bình Minh', 60, 65, 5],
      ['', 'Tổng cộng', 180, 173, -7],
    ];
    const xml = `<sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => { const ref = `${'ABCDE'[c]}${i + 1}`; return typeof v === 'number' ? numberCell(ref, String(v), c === 4 ? 1 : undefined) : v === '' ? '' : inline(ref, v); }).join('')}</row>`).join('')}</sheetData>`;
    return rawXlsx([{ name: 'Biểu 1', xml }], { styles: stylesWithFormat(fmt) });
  };
  const read = async (change: number, fmt: string) => {
    const doc = await readXlsxDocument(plan(change, fmt), { source: 'kh.xlsx' });
    const t = doc.blocks[0]!;
    return { changes: t.kind === 'table' ? t.rows.map((r) => r[4]!.text) : [], notes: doc.notes, findings: checkDocument(doc).findings.map((f) => `${f.printed ?? ''}→${f.expected ?? ''}`) };
  };

  it('−12 shown 12 under #,##0;#,##0 is read −12, no finding, and the notes say the sign is hidden; a sheet holding +12 is found', async () => {
    const hidden = await read(-12, '#,##0;#,##0');
    expect(hidden.changes).toEqual(['Tăng (+), giảm (-)', '-12', '5', '-7']);
    expect(hidden.findings).toEqual([]);
    expect(hidden.notes).toEqual([expect.stringContaining('2 cells E2 (shown 12, holds -12, number format #,##0;#,##0), E4 (shown 7, holds -7, number format #,##0;#,##0) hold negative figures their number format shows without a sign')]);
    expect((await read(12, '#,##0;#,##0')).findings).toEqual([expect.stringMatching(/^12→-12/)]);
  });

  it('the twin under #,##0;(#,##0) is read in brackets, negative, with no note and no finding', async () => {
    const shown = await read(-12, '#,##0;(#,##0)');
    expect(shown.changes).toEqual(['Tăng (+), giảm (-)', '(12)', '5', '(7)']);
    expect([shown.notes, shown.findings]).toEqual([undefined, []]);
  });
});

describe('properties', () => {
  /** Formats with how many decimals each shows a value, and whether as a percentage: what Excel does, written out. */
  const FORMATS: ReadonlyArray<readonly [string, (v: number) => number, boolean]> = [
    ['#,##0', () => 0, false],
    ['#,##0;#,##0', () => 0, false],
    ['#,##0;(#,##0)', () => 0, false],
    ['#,##0;[Red]-#,##0', () => 0, false],
    ['0.00;-0.00;"-"', () => 2, false],
    ['#,##0.00;(#,##0.00)', () => 2, false],
    ['[>=1000]#,##0;0.0', (v) => (v >= 1000 ? 0 : 1), false],
    ['[<0](0.00);0', (v) => (v < 0 ? 2 : 0), false],
    ['0.0%;(0.0%)', () => 1, true],
    ['0;-0;;@', () => 0, false],
    [ACCOUNTING, () => 0, false],
    [ACCOUNTING_2, () => 2, false],
    ['#,##0 ;(#,##0)', () => 0, false],
  ];
  /** A shown figure back to a number: brackets or a minus negative, `.` grouping, `,` decimals, `%`; a dash (or nothing) is 0. */
  const parse = (text: string): Decimal => {
    const t = text.trim();
    if (t === '-' || t === '') return new Decimal(0);
    const negative = t.startsWith('(') || t.startsWith('-');
    const d = new Decimal(t.replace(/[()%-]/g, '').replace(/\./g, '').replace(',', '.'));
    return negative ? d.negated() : d;
  };
  const value = fc.tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 3 })).map(([n, s]) => Number(new Decimal(n).dividedBy(10 ** s).toFixed()));
  const format = fc.constantFrom(...FORMATS);

  it('the shown text and the text read parse back to the value rounded half-up as the format rounds; the text read keeps the sign', () => {
    fc.assert(
      fc.property(value, format, (v, [fmt, decimals, percent]) => {
        const held = new Decimal(String(v)).times(percent ? 100 : 1);
        const rounded = held.abs().toDecimalPlaces(decimals(v), Decimal.ROUND_HALF_UP);
        const r = xlsxNumberReading(v, fmt, 'vi');
        expect(parse(r.shown).abs().toFixed()).toBe(rounded.toFixed());
        expect(parse(r.read).toFixed()).toBe((held.isNegative() ? rounded.negated() : rounded).toFixed());
        expect(r.signHidden).toBe(held.isNegative() && !rounded.isZero() && parse(r.shown).isPositive());
      }),
    );
  });

  it('the value a register reads never changes with the format', () => {
    const at = { row: 2, column: 3, header: 'Số hộ' };
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), format, (n, [fmt, , percent]) => {
        fc.pre(!percent);
        expect(readCell(n, { hint: 'count' }, at, fmt)).toBe(BigInt(n));
        expect(String(readCell(n / 100, { hint: 'rate' }, at, fmt))).toBe(new Decimal(n).dividedBy(100).toFixed());
      }),
    );
  });
});
