/**
 * CSV files and register values as they come from the field: NUL bytes, UTF-16 without its
 * byte-order mark, line endings of every kind, decomposed (NFD) Vietnamese, spaces and symbols in
 * numbers, negative incomes, ids with leading zeros or typed in another case.
 */
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, expectRefused, writeText } from './_hostile.js';

const dir = tempDirs('vnp-hostile-values-');
const AS_OF = ['--as-of', '2024-01-01'];
const HEAD = ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', 'Thiếu hụt: bảo hiểm y tế', 'Thiếu hụt: nhà tiêu hợp vệ sinh', 'Thiếu hụt: dịch vụ viễn thông'];
const row = (id: string, income = '1.400.000', area = 'nông thôn', members = '1'): string[] => [id, '30316', area, income, members, 'có', 'có', 'có'];
const lines = (rows: string[][], eol = '\r\n'): string => rows.map((r) => r.join(',')).join(eol) + eol;

/** classify's output rows (header dropped). */
async function classified(path: string): Promise<string[]> {
  return (await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path] })).out.trim().split('\r\n').slice(1);
}

describe('bytes a text file never holds', () => {
  it('a NUL byte is refused naming its position, for every command (before: read into the id, exit 0)', async () => {
    const d = dir();
    const path = writeText(d, 'nul.csv', Buffer.from(lines([HEAD, row('H1'), row('H\u00002')])));
    await expectRefused(['classify', path, ...AS_OF], ['nul.csv holds a NUL byte (0x00) at byte', 'is the file damaged'], [path]);
    await expectRefused(['summarize', path], ['nul.csv holds a NUL byte'], [path]);
    await expectRefused(['reconcile', path], ['nul.csv holds a NUL byte'], [path]);
  });

  it('UTF-16 without a byte-order mark is named as such (before: "it looks like TCVN3")', async () => {
    const path = writeText(dir(), 'u16.csv', Buffer.from(lines([HEAD, row('H1')]), 'utf16le'));
    await expectRefused(['classify', path, ...AS_OF], ['u16.csv holds a NUL byte', 'it looks like UTF-16 text without its byte-order mark'], [path]);
  });
});

describe('line endings, normalisation and numbers', () => {
  it('CRLF mixed with LF, a lone CR (old Mac), a byte-order mark and no newline at the end read the same rows', async () => {
    const d = dir();
    const rows = [HEAD, row('H1'), row('H2', '6.000.000', 'nông thôn', '4')];
    const expected = await classified(writeText(d, 'crlf.csv', `\uFEFF${lines(rows)}`));
    expect(expected).toHaveLength(2);
    const mixed = `\uFEFF${HEAD.join(',')}\n${row('H1').join(',')}\r\n${row('H2', '6.000.000', 'nông thôn', '4').join(',')}`;
    expect(await classified(writeText(d, 'mixed.csv', mixed))).toEqual(expected);
    expect(await classified(writeText(d, 'cr.csv', lines(rows, '\r')))).toEqual(expected);
  });

  it('headers and areas typed decomposed (NFD) are the same words', async () => {
    const d = dir();
    const nfd = (s: string): string => s.normalize('NFD');
    const path = writeText(d, 'nfd.csv', lines([HEAD.map(nfd), row('H1').map(nfd), row('H2', '1.400.000', nfd('Thành thị'))]));
    const out = await classified(path);
    expect(out[0]).toMatch(/^H1,30316,nông thôn,/);
    expect(out[1]).toMatch(/^H2,30316,thành thị,/);
  });

  it('spaces that are not spaces, full-width digits and words in an income are refused, never read as another number', async () => {
    const d = dir();
    for (const [name, income] of [['nbsp', '14\u00a000\u00a0000'], ['zwsp', '1.400.000\u200b'], ['fullwidth', '１.４００.０００']] as const) {
      const path = writeText(d, `${name}.csv`, lines([HEAD, row('H1', income)]));
      await expectRefused(['classify', path, ...AS_OF], [`${name}.csv, row 2, column 4 (Thu nhập/tháng (đồng))`], [path]);
    }
  });

  it('an income with its thousands grouped by a space, a no-break space or a narrow no-break space is read as the one grouped by dots (before: refused)', async () => {
    const d = dir();
    const dotted = await expectOutcome(['classify', writeText(d, 'cham.csv', lines([HEAD, row('H1', '1.400.000')])), ...AS_OF], { code: 0 });
    for (const [name, income] of [['space', '1 400 000'], ['nbsp', '1\u00a0400\u00a0000'], ['nnbsp', '1\u202f400\u202f000']] as const) {
      const path = writeText(d, `${name}.csv`, lines([HEAD, row('H1', income)]));
      const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path] });
      expect(run.out).toBe(dotted.out);
    }
    const wrong = writeText(d, 'sai.csv', lines([HEAD, row('H1', '1.400.000'), row('H2', '14 00 000')]));
    await expectRefused(['classify', wrong, ...AS_OF], ['sai.csv, row 3, column 4 (Thu nhập/tháng (đồng)): got "14 00 000", expected thousands grouped by spaces in groups of exactly three digits after the first'], [wrong]);
  });

  it('a negative income is refused naming the cell (before: exit 1 with an internal message about BigInt64Array)', async () => {
    const path = writeText(dir(), 'am.csv', lines([HEAD, row('H1', '-1.400.000')]));
    const run = await expectRefused(['classify', path, ...AS_OF], ['am.csv, row 2, column 4 (Thu nhập/tháng (đồng))', 'an income of 0 đồng or more'], [path]);
    expect(run.err).not.toContain('BigInt64Array');
  });
});

describe('household ids', () => {
  it('leading zeros are kept; ids typed in another case or with spaces at the ends are one household (before: "tl-001" and "TL-001" were two)', async () => {
    const d = dir();
    expect((await classified(writeText(d, 'zero.csv', lines([HEAD, row('001234'), row('1234')])))).map((r) => r.split(',')[0])).toEqual(['001234', '1234']);
    const path = writeText(d, 'hoa.csv', lines([HEAD, row('TL-001'), row('TL-002'), row('tl-001'), row('nguyễn-văn-ánh-số-1'), row(' NGUYỄN-VĂN-ÁNH-SỐ-1 ')]));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 1, unchanged: [path] });
    expect(run.err).toContain('hoa.csv, row 4, column 1 (Mã hộ): household id "tl-001" appears again (first on row 2)');
    expect(run.err).toContain('hoa.csv, row 6, column 1 (Mã hộ): household id "NGUYỄN-VĂN-ÁNH-SỐ-1" appears again (first on row 5)');
  });
});

describe('columns the register cannot use', () => {
  it('recognition dates and earlier statuses are passed through and the summary says the 36-month window is not applied (before: only "passed through unchanged")', async () => {
    const path = writeText(dir(), 'lich-su.csv', lines([[...HEAD, 'Ngày công nhận thoát nghèo', 'Tình trạng năm trước'], [...row('H1', '3.000.000'), '15/03/2023', 'hộ nghèo']]));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path] });
    expect(run.out.split('\r\n')[1]).toMatch(/^15\/03\/2023,hộ nghèo,H1,/);
    expect(run.err).toContain('“Ngày công nhận thoát nghèo”, “Tình trạng năm trước” (recognition dates or earlier statuses) are not read');
    expect(run.err).toContain('the 36-month window of households recently escaped from poverty (QĐ 90/QĐ-TTg, Part II) is not applied');
  });
});

describe('CSV saved by Excel under Vietnamese regional settings, and its Text saves', () => {
  const semi = (rows: string[][]): string => rows.map((r) => r.join(';')).join('\r\n') + '\r\n';
  it('`;` separators, thousands dots and decimal commas: 1.234.000 đồng read whole, 1,5 triệu read 1.500.000; 1,5 in a column of đồng refused quoting the cell as written (before: quoted as "1.5")', async () => {
    const d = dir();
    const dots = writeText(d, 'cham.csv', `\uFEFF${semi([HEAD, row('H1', '1.234.000'), row('H2', '1234000')])}`);
    const run = await expectOutcome(['classify', dots, ...AS_OF, '--delimiter', ';'], { code: 0, unchanged: [dots] });
    expect(run.out.trim().split('\r\n').slice(1).map((l) => l.split(';')[4])).toEqual(['1.234.000', '1.234.000']);
    const trieu = writeText(d, 'trieu.csv', `\uFEFF${semi([HEAD.map((h) => (h === 'Thu nhập/tháng (đồng)' ? 'Thu nhập/tháng (triệu đồng)' : h)), row('H1', '1,5')])}`);
    const read = await expectOutcome(['classify', trieu, ...AS_OF, '--delimiter', ';'], { code: 0, unchanged: [trieu] });
    expect(read.out.trim().split('\r\n')[1]!.split(';')[4]).toBe('1.500.000');
    const comma = writeText(d, 'phay.csv', `\uFEFF${semi([HEAD, row('H1', '1,5')])}`);
    await expectRefused(['classify', comma, ...AS_OF, '--delimiter', ';'], ['phay.csv, row 2, column 4 (Thu nhập/tháng (đồng)): got "1,5", expected a whole number of đồng: 1,5 is a fraction of a đồng', 'name the unit in its header'], [comma]);
  });

  it('a .txt save (Excel “Unicode Text”, “Text (Tab delimited)”) is read as delimited text: UTF-16 read as the UTF-8 save, tabs told from the header (before: refused without --delimiter tab)', async () => {
    const d = dir();
    const tabs = [HEAD, row('H1'), row('"Hộ ""Út"", 2"')].map((r) => r.join('\t')).join('\r\n') + '\r\n';
    const u16 = writeText(d, 'unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabs, 'utf16le')]));
    await expectRefused(['classify', u16, ...AS_OF, '--delimiter', ','], ['unicode.txt, row 1: the header has one column; is the separator tab?'], [u16]);
    const utf8 = writeText(d, 'tab.txt', tabs);
    await expectRefused(['classify', utf8, ...AS_OF, '--delimiter', ','], ['tab.txt, row 1: the header has one column; is the separator tab? (say so with --delimiter tab'], [utf8]);
    for (const told of [u16, utf8]) expect((await expectOutcome(['classify', told, ...AS_OF], { code: 0, unchanged: [told] })).out).toContain('"Hộ ""Út"", 2"');
    const expected = await expectOutcome(['classify', utf8, ...AS_OF, '--delimiter', 'tab'], { code: 0, unchanged: [utf8] });
    expect(expected.err).toContain('2 households classified');
    expect(expected.out).toContain('"Hộ ""Út"", 2"');
    expect((await expectOutcome(['classify', u16, ...AS_OF, '--delimiter', 'tab'], { code: 0, unchanged: [u16] })).out).toBe(expected.out);
  });
});

describe('household ids Excel saved in scientific notation', () => {
  it('an id saved as "1.23457E+11" (a 12-digit id in a General cell) is refused naming the cell, read plain, quoted or through the record reader (before: read as the id, its lost digits unsaid)', async () => {
    const d = dir();
    const sci = writeText(d, 'sci.csv', lines([HEAD, row('123456789012'), row('1.23457E+11')]));
    await expectRefused(['classify', sci, ...AS_OF], ['sci.csv, row 3, column 1 (Mã hộ): got "1.23457E+11", expected the household id as typed: this is a long number Excel showed in scientific notation', 'format the id column as Text'], [sci]);
    const quoted = writeText(d, 'sci-q.csv', lines([HEAD, row('"1,23457E+11"')]));
    await expectRefused(['classify', quoted, ...AS_OF], ['sci-q.csv, row 2, column 1 (Mã hộ): got "1,23457E+11"'], [quoted]);
    const { readHouseholdRegister } = await import('../../src/io/readHouseholdRegister.js');
    const read = async (): Promise<unknown> => {
      for await (const h of readHouseholdRegister(sci)) void h;
      return undefined;
    };
    await expect(read()).rejects.toThrow('row 3, column 1 (Mã hộ): got "1.23457E+11", expected the household id as typed');
  });

  it('an income saved as "1.2E+07" is refused naming the cell and scientific notation (before: only "expected a number written with digits")', async () => {
    const d = dir();
    const sci = writeText(d, 'thu-nhap.csv', lines([HEAD, row('H1', '1.2E+07')]));
    await expectRefused(['classify', sci, ...AS_OF], ['thu-nhap.csv, row 2, column 4 (Thu nhập/tháng (đồng)): got "1.2E+07", expected a number written in full: 1.2E+07 is scientific notation'], [sci]);
    expect(await classified(writeText(d, 'du.csv', lines([HEAD, row('H1', '12.000.000')])))).toHaveLength(1);
  });

  it('the twin: ids typed in full, or holding a "+" that is not a number, are read', async () => {
    const d = dir();
    const ok = writeText(d, 'ok.csv', lines([HEAD, row('123456789012'), row('HN+01'), row('1.2E')]));
    const out = await classified(ok);
    expect(out.map((l) => l.split(',')[0])).toEqual(['123456789012', 'HN+01', '1.2E']);
  });
});

describe('a folder given as the input file', () => {
  it('is refused naming it, by every command (before: classify said "cannot read a file: it is a folder")', async () => {
    const { mkdirSync } = await import('node:fs');
    const d = dir();
    const folder = `${d}/ho.csv`;
    mkdirSync(folder);
    await expectRefused(['classify', folder, ...AS_OF], ['ho.csv is a folder, not a file: give a file in it'], []);
    await expectRefused(['summarize', folder], ['ho.csv is a folder, not a file'], []);
    await expectRefused(['reconcile', folder], ['ho.csv is a folder, not a file'], []);
  });
});
