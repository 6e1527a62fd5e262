/**
 * Excel's "Unicode Text" save (File → Save As → Unicode Text: UTF-16 LE with a byte-order mark,
 * tab-separated, CRLF) and a UTF-8 tab-separated save, read by every command without
 * --delimiter: the separator is told from the first line that holds one; a line that cannot tell
 * it is refused naming the candidates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffDelimiter, type CsvDelimiter } from '../../src/io/_csvTokenizer.js';
import { formatCsv, parseCsv } from '../../src/io/csv.js';
import { readFixture } from '../_helpers/fixtures.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { bin, expectRefused, GOOD_REGISTER, writeText } from './_hostile.js';

const dir = tempDirs('vnp-hostile-tabs-');

const REGISTER_TEXT = formatCsv(GOOD_REGISTER);
const SPEC = JSON.stringify({ dimensions: [{ id: 'sức khoẻ', indicators: [{ id: 'd_nutr' }] }, { id: 'giáo dục', indicators: [{ id: 'd_educ' }] }] });

/** Each command with a comma CSV it reads, and its extra arguments (`SPEC` written beside it for measures). */
const COMMANDS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['classify', REGISTER_TEXT, ['--as-of', '2024-01-01']],
  ['summarize', 'Mã đơn vị,Mã phân loại\r\n30316,poor\r\n30316,hộ nghèo\r\n30319,hộ cận nghèo\r\n', []],
  ['reconcile', readFixture('seed001-communes.csv'), ['--layout', 'commune-targets']],
  ['check', readFixture('seed001-communes.csv'), []],
  ['measures', 'd_nutr,d_educ,khu_vuc\r\n1,1,nông thôn\r\n0,1,thành thị\r\n1,0,nông thôn\r\n', ['--indicators']],
];

/** A comma CSV's rows written with tabs and CRLF, as Excel writes "Unicode Text". */
const asTabs = (text: string): string => formatCsv(parseCsv(text), { delimiter: '\t' });
/** UTF-16 LE with its byte-order mark. */
const unicodeText = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('a tab-separated file is read without --delimiter by every command', () => {
  for (const [command, text, args] of COMMANDS) {
    it(`${command}: Excel's Unicode Text and a UTF-8 tab file read as with --delimiter tab, and as the comma file (before: refused, "is the separator tab?")`, async () => {
      const d = dir();
      const extra = command === 'measures' ? [...args, writeText(d, 'chi-so.json', SPEC)] : args;
      // check reads a table from .csv or .tsv (a .txt is a plan's text)
      const ext = command === 'check' ? 'tsv' : 'txt';
      const comma = await bin([command, writeText(d, 'bang.csv', text), ...extra]);
      expect(comma.code, comma.err).toBeLessThan(2);
      for (const [name, bytes] of [[`unicode.${ext}`, unicodeText(asTabs(text))], [`tab.${ext}`, asTabs(text)]] as const) {
        const path = writeText(d, name, bytes);
        const told = await bin([command, path, ...extra]);
        const given = await bin([command, path, ...extra, '--delimiter', 'tab']);
        expect(told.code, told.err).toBe(comma.code);
        expect(told).toEqual(given);
        // a report names the file; a table written back keeps the input's separator
        const same = (out: string): string => out.replaceAll(name, 'bang.csv');
        if (command === 'classify' || command === 'summarize') expect(parseCsv(told.out, { delimiter: '\t' })).toEqual(parseCsv(comma.out));
        else expect(same(told.out)).toBe(comma.out);
      }
    });
  }

  it('classify of standard input in Unicode Text is told too', async () => {
    const d = dir();
    const path = writeText(d, 'unicode.txt', unicodeText(asTabs(REGISTER_TEXT)));
    const given = await bin(['classify', path, '--as-of', '2024-01-01', '--delimiter', 'tab']);
    expect(given.code).toBe(0);
    const { runBin } = await import('../../src/cli/runBin.js');
    let out = '';
    const stdin = { async *[Symbol.asyncIterator]() { yield unicodeText(asTabs(REGISTER_TEXT)); } };
    expect(await runBin(['classify', '-', '--as-of', '2024-01-01'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, stdin })).toBe(0);
    expect(out).toBe(given.out);
  });

  it('a header and the next line holding as many tabs as `;` are refused naming both (the twin: a next line that tells is read)', async () => {
    const d = dir();
    const ambiguous = writeText(d, 'lan.txt', 'Mã hộ;Khu vực\tThu nhập/tháng (đồng)\r\nH1;nông thôn\t6.000.000\r\n');
    await expectRefused(['classify', ambiguous, '--as-of', '2024-01-01'], ['lan.txt, row 1: cannot tell the separator: the line holds as many `;` as tab (1 each), and so does the next line', "--delimiter ';' or --delimiter tab"], [ambiguous]);
    expect(sniffDelimiter('Mã hộ\tTuổi các thành viên (40;38)\r\nH1\t45\r\n')).toBe('\t');
    expect(sniffDelimiter('Vốn lồng ghép, huy động\tTổng cộng\r\n120\t5.455\r\n')).toBe('\t');
  });
});

describe('sniffDelimiter', () => {
  it('passes over a title line of one cell; a comma header with a `;` or a tab inside a cell stays a comma file', () => {
    expect(sniffDelimiter('Biểu 02. Vốn theo cấp ngân sách\r\nSTT;Nội dung;Tổng cộng\r\n1;Đường;5.455\r\n')).toBe(';');
    expect(sniffDelimiter('Mã hộ,Tuổi các thành viên (40;38),Khu vực\r\nH1,"40;38",nông thôn\r\n')).toBe(',');
    expect(sniffDelimiter('"Mã hộ\t(số)",Khu vực\r\n')).toBe(',');
    expect(sniffDelimiter('Mã hộ\r\nH1\r\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });

  describe('properties', () => {
    it('a header of plain cells joined by a separator is read with that separator, whatever commas or `;` one cell holds', () => {
      const cell = fc.stringMatching(/^[A-Za-zÀ-ỹ ()0-9.]{1,12}$/);
      fc.assert(
        fc.property(fc.array(cell, { minLength: 2, maxLength: 12 }), fc.constantFrom<CsvDelimiter>(',', ';', '\t'), fc.nat(), (cells, d, k) => {
          // a cell holding one of the other separators once (Excel quotes it only when it holds the file's own)
          const other = d === '\t' ? ',' : d === ';' ? '\t' : ';';
          const withOther = cells.map((c, i) => (i === k % cells.length ? `${c}${other}x` : c));
          const line = formatCsv([withOther], { delimiter: d });
          return sniffDelimiter(`${line}1${d}2\r\n`) === d;
        }),
      );
    });
  });
});
