/**
 * Control characters other than NUL in cell values (ESC, BEL, U+0001–U+001F but tab, CR and LF,
 * and DEL): invisible, they make an id differ from the same id typed again. Refused naming the
 * cell, in CSV and XLSX alike; tabs and line breaks inside a value are text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCell } from '../../src/io/columns.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, expectRefused, writeText } from './_hostile.js';
import { inline, numberCell, rawXlsx } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-control-');
const AS_OF = ['--as-of', '2024-01-01'];
const HEAD = ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', 'Thiếu hụt: bảo hiểm y tế', 'Thiếu hụt: nhà tiêu hợp vệ sinh', 'Thiếu hụt: dịch vụ viễn thông'];
const row = (id: string, area = 'nông thôn', unit = '30316'): string[] => [id, unit, area, '1.400.000', '1', 'có', 'có', 'có'];
const lines = (rows: string[][]): string => rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

describe('control characters in CSV cells', () => {
  it('an ESC in an id, a BEL in an area, a DEL in a unit code are refused naming the cell (before: read into the id, exit 0)', async () => {
    // before: H1␛ was classified as a household of its own, a second "H1" not seen as a repeat
    const d = dir();
    const esc = writeText(d, 'esc.csv', Buffer.from(lines([HEAD, row('H1'), row('H2\u001b[31m')])));
    await expectRefused(['classify', esc, ...AS_OF], ['esc.csv, row 3, column 1 (Mã hộ): holds the control character U+001B (ESC) at character 3'], [esc]);
    const bel = writeText(d, 'bel.csv', Buffer.from(lines([HEAD, row('H1', 'nông thôn\u0007')])));
    await expectRefused(['classify', bel, ...AS_OF], ['bel.csv, row 2, column 3 (Khu vực): holds the control character U+0007 (BEL)'], [bel]);
    const del = writeText(d, 'del.csv', Buffer.from(lines([['Mã hộ', 'Mã đơn vị', 'Mã phân loại'], ['H1', '3031\u007f6', 'poor']])));
    await expectRefused(['summarize', del], ['del.csv, row 2, column 2 (Mã đơn vị): holds the control character U+007F (DEL)'], [del]);
  });

  it('a control character in a pass-through column (notes) is refused naming the cell, as in every other column (before: written to the output unchanged)', async () => {
    const d = dir();
    const path = writeText(d, 'ghi-chu.csv', Buffer.from(lines([[...HEAD, 'Ghi chú'], [...row('H1'), 'đã rà soát'], [...row('H2'), 'hộ\u001b[2J mới']])));
    const out = join(d, 'kq.csv');
    writeFileSync(out, 'an earlier result');
    await expectRefused(['classify', path, ...AS_OF, '--out', out], ['ghi-chu.csv, row 3, column 9 (Ghi chú): holds the control character U+001B (ESC) at character 3'], [path, out]);
    await expectRefused(['classify', path, ...AS_OF, '--threads', '2', '--out', out], ['ghi-chu.csv, row 3, column 9 (Ghi chú): holds the control character U+001B (ESC)'], [path, out]);
  });

  it('a tab or a line break inside a quoted value is text, read as before', async () => {
    const d = dir();
    const path = writeText(d, 'tab.csv', Buffer.from(lines([[...HEAD, 'Ghi chú'], [...row('H1'), 'dòng 1\ndòng\t2']])));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path] });
    expect(run.out).toContain('H1,');
  });
});

describe('control characters in XLSX cells', () => {
  it('a raw ESC in a sheet is XML no workbook may hold: refused as a damaged part; none reaches a value', async () => {
    const d = dir();
    const cells = (r: number, id: string): string => `<row r="${r}">${inline(`A${r}`, id)}${inline(`B${r}`, '30316')}${inline(`C${r}`, 'nông thôn')}${numberCell(`D${r}`, '1400000')}${numberCell(`E${r}`, '1')}${['F', 'G', 'H'].map((c) => inline(`${c}${r}`, 'có')).join('')}</row>`;
    const head = `<row r="1">${HEAD.map((h, i) => inline(`${'ABCDEFGH'[i]}1`, h)).join('')}</row>`;
    const path = join(d, 'esc.xlsx');
    writeFileSync(path, rawXlsx([{ name: 'DS', xml: `<sheetData>${head}${cells(2, 'H1\u001b')}</sheetData>` }]));
    await expectRefused(['classify', path, ...AS_OF], ['esc.xlsx: the workbook cannot be read', 'xl/worksheets/sheet1.xml is not well-formed XML'], [path]);
  });
});

describe('escaped characters in XLSX text (_xHHHH_, ECMA-376 §22.9.2.19)', () => {
  const head = `<row r="1">${[...HEAD, 'Ghi chú'].map((h, i) => inline(`${'ABCDEFGHI'[i]}1`, h)).join('')}</row>`;
  const household = (r: number, id: string, note: number): string => `<row r="${r}">${inline(`A${r}`, id)}${inline(`B${r}`, '30316')}${inline(`C${r}`, 'nông thôn')}${numberCell(`D${r}`, '1400000')}${numberCell(`E${r}`, '1')}${['F', 'G', 'H'].map((c) => inline(`${c}${r}`, 'có')).join('')}<c r="I${r}" t="s"><v>${note}</v></c></row>`;

  it('are decoded: a carriage return Excel wrote as _x000D_ is text, a literal _x005F_x0041_ reads _x0041_ (before: read as written)', async () => {
    const d = dir();
    const path = join(d, 'xstring.xlsx');
    writeFileSync(path, rawXlsx([{ name: 'DS', xml: `<sheetData>${head}${household(2, 'H1', 0)}${household(3, 'H2', 1)}</sheetData>` }], { shared: '<si><t>dòng 1_x000D_\ndòng 2</t></si><si><t>mã _x005F_x0041_</t></si>' }));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path] });
    expect(run.out).toContain('"dòng 1\r\ndòng 2"');
    expect(run.out).toContain('mã _x0041_');
    expect(run.out).not.toContain('_x000D_');
  });

  it('an escaped control character is refused naming the cell, as a typed one is', async () => {
    const d = dir();
    const path = join(d, 'xesc.xlsx');
    writeFileSync(path, rawXlsx([{ name: 'DS', xml: `<sheetData>${head}${household(2, 'H1', 0)}</sheetData>` }], { shared: '<si><t>ghi chú_x001B_</t></si>' }));
    await expectRefused(['classify', path, ...AS_OF], ['xesc.xlsx, row 2, column 9 (Ghi chú): holds the control character U+001B (ESC)'], [path]);
  });
});

describe('readCell', () => {
  it('refuses every control character but tab, LF and CR, under every hint', () => {
    for (let code = 1; code < 0x20; code++) {
      const text = `H${String.fromCharCode(code)}1`;
      const read = (): unknown => readCell(text, { hint: 'text' }, { row: 2, column: 1, header: 'Mã hộ' });
      if (code === 9 || code === 10 || code === 13) expect(read()).toBe(text);
      else expect(read).toThrow(VnPovertyError);
    }
    expect(() => readCell('12\u001b', { hint: 'count' }, { row: 2, column: 2, header: 'Số hộ' })).toThrow(/U\+001B \(ESC\)/);
  });
});
