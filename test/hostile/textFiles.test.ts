import { describe, expect, it } from 'vitest';
import { guessLegacyEncoding } from '../../src/io/_encoding.js';
import { readFixture } from '../_helpers/fixtures.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { bin, expectOutcome, expectRefused, GOOD_REGISTER, tcvn3, windows1258, writeCsv, writeText } from './_hostile.js';

const dir = tempDirs('vnp-hostile-text-');

const REGISTER_TEXT = GOOD_REGISTER.map((r) => r.join(',')).join('\r\n') + '\r\n';
const CLASSIFIED_TEXT = 'Mã đơn vị,Mã phân loại\r\n30316,poor\r\n30316,hộ nghèo\r\n';
const SEED001 = readFixture('seed001-communes.csv');

/** Each command with a file it would accept as UTF-8 text, and its extra arguments. */
const COMMANDS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['classify', REGISTER_TEXT, ['--as-of', '2024-01-01']],
  ['summarize', CLASSIFIED_TEXT, []],
  ['reconcile', SEED001, ['--layout', 'commune-targets']],
];

describe('text files in the wrong encoding or shape are exit 2 for every command', () => {
  it('guesses Windows-1258 and TCVN3 from the bytes', () => {
    expect(guessLegacyEncoding(windows1258(SEED001))).toBe('Windows-1258');
    expect(guessLegacyEncoding(tcvn3(SEED001))).toBe('TCVN3');
    expect(guessLegacyEncoding(Buffer.from('plain ascii'))).toBeUndefined();
  });

  for (const [command, text, args] of COMMANDS) {
    it(`${command}: Windows-1258 and TCVN3 are refused, naming the encoding`, async () => {
      const d = dir();
      const cp1258 = writeText(d, 'w1258.csv', windows1258(text));
      await expectRefused([command, cp1258, ...args], ['w1258.csv is not UTF-8 text near byte', 'Windows-1258', 'CSV UTF-8'], [cp1258]);
      const abc = writeText(d, 'abc.csv', tcvn3(text));
      await expectRefused([command, abc, ...args], ['abc.csv is not UTF-8 text', 'TCVN3'], [abc]);
    });

    it(`${command}: UTF-16 LE and BE with a byte-order mark are read exactly as the UTF-8 file (before: refused)`, async () => {
      const d = dir();
      const utf8 = writeText(d, 'u8.csv', text);
      const expected = await bin([command, utf8, ...args]);
      expect(expected.code).toBeLessThan(2);
      const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
      for (const [name, bytes] of [['u16le.csv', le], ['u16be.csv', Buffer.from(le).swap16()]] as const) {
        const path = writeText(d, name, bytes);
        const run = await expectOutcome([command, path, ...args], { code: expected.code, unchanged: [path] });
        expect(run.out.replaceAll(name, 'u8.csv')).toBe(expected.out);
      }
      // a cut last character and an unpaired surrogate are refused naming the byte
      const odd = writeText(d, 'le.csv', Buffer.concat([le, Buffer.from([0x31])]));
      await expectRefused([command, odd, ...args], [`le.csv is not valid UTF-16 LE text at byte ${le.length}`, 'an odd number of bytes'], [odd]);
      const lone = writeText(d, 'lone.csv', Buffer.from(`\uFEFF${text.replace('\n', '\n\uDC01')}`, 'utf16le'));
      await expectRefused([command, lone, ...args], ['lone.csv is not valid UTF-16 LE text at byte', '(line 2): a low surrogate (U+DC01)'], [lone]);
    });

    it(`${command}: a ;-separated file read with --delimiter , says "the header has one column; is the separator ;?"; without --delimiter it is read as with --delimiter ;`, async () => {
      const d = dir();
      const semi = writeText(d, 'cham-phay.csv', text.replace(/"([^"]*)"/g, (_m, inner: string) => inner.replace(/,/g, '.')).replace(/,/g, ';'));
      await expectRefused([command, semi, ...args, '--delimiter', ','], ['cham-phay.csv, row 1: the header has one column; is the separator `;`?'], [semi]);
      const given = await bin([command, semi, ...args, '--delimiter', ';']);
      expect(await bin([command, semi, ...args])).toEqual(given);
    });

    it.runIf(REGISTER_TEXT === text)(`${command}: a ;-separated file with quoted cells (as Excel writes "40;38;10") read with , gets the same hint, not the quote error it shows as`, async () => {
      const d = dir();
      const cells = (line: string): string[] => (line.match(/"[^"]*"|[^,]+|(?<=,)(?=,|$)|^(?=,)/g) ?? []).map((c) => (c.startsWith('"') ? c.slice(1, -1) : c));
      const semi = text
        .split(/\r?\n/)
        .filter((l) => l !== '')
        .map((l) => cells(l).map((c) => (c.includes(';') || c.includes(',') ? `"${c}"` : c)).join(';'))
        .join('\r\n');
      expect(semi).toContain('"');
      const path = writeText(d, 'cham-phay-ngoac.csv', `${semi}\r\n`);
      await expectRefused([command, path, ...args, '--delimiter', ','], ['cham-phay-ngoac.csv, row 1: the header has one column; is the separator `;`?'], [path]);
    });

    it(`${command}: an empty file and a header without rows are exit 2, nothing written to stdout (before: classify printed the output's header line)`, async () => {
      const d = dir();
      const empty = writeText(d, 'rong.csv', '');
      expect((await expectRefused([command, empty, ...args], ['rong.csv'], [empty])).out).toBe('');
      const headerOnly = writeText(d, 'chi-tieu-de.csv', text.split('\r\n')[0]!.split('\n')[0] + '\r\n');
      const run = await expectRefused([command, headerOnly, ...args], ['chi-tieu-de.csv'], [headerOnly]);
      expect(run.err).toMatch(command === 'reconcile' ? /nothing to check/ : /has a header but no households/);
      expect(run.out).toBe('');
      // the twin: one row under the same header is written out
      const oneRow = writeText(d, 'mot-dong.csv', text.split(/\r?\n/).slice(0, 2).join('\r\n') + '\r\n');
      expect((await bin([command, oneRow, ...args])).code).toBeLessThan(2);
    });
  }

  it('a blank-lines-only register is an empty file, not "0 households classified"', async () => {
    const d = dir();
    const blank = writeCsv(d, 'trang.csv', [[''], [''], ['']]);
    await expectRefused(['classify', blank, '--as-of', '2024-01-01'], ['trang.csv'], [blank]);
  });
});

describe('the encoding error names the first bad byte', () => {
  it('in a whole-file read and in a streamed read', async () => {
    const d = dir();
    const text = `${'a,b\r\n'.repeat(2000)}Mã hộ,1\r\n`;
    const bytes = windows1258(text);
    const path = writeText(d, 'xa.csv', bytes);
    const first = bytes.findIndex((b) => b >= 0x80);
    await expectRefused(['reconcile', path, '--layout', 'commune-targets'], [`xa.csv is not UTF-8 text near byte ${first} (it looks like Windows-1258`], [path]);
    await expectRefused(['summarize', path], [`xa.csv is not UTF-8 text near byte ${first}`], [path]);
  });
});
