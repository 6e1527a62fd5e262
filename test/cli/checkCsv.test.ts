import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

// `check TABLE.csv`: a CSV is a document of one table, read as `reconcile` reads it (--delimiter, --number-format).

const tempDir = tempDirs('vnp-check-csv-');
const fileIo = (): ReturnType<typeof captureIo> => captureIo({ files: (p) => readFileSync(p, 'utf8') });

const TABLE = [
  'STT,Đơn vị,Tổng số hộ,Hộ nghèo,,Hộ cận nghèo,',
  ',,,Số hộ,Tỷ lệ (%),Số hộ,Tỷ lệ (%)',
  '1,Xã Pú Nhi,1.532,241,"15,73",198,"12,92"',
  '2,Xã Nong U,987,176,"17,83",143,"14,49"',
  '3,Xã Chiềng Sơ,1.245,133,"10,68",167,"13,41"',
  '4,Xã Luân Giói,876,158,"18,04",102,"11,64"',
  '5,Thị trấn Điện Biên Đông,1.398,37,"2,65",89,"6,37"',
  '6,Xã Na Son,1.104,205,"18,57",131,"11,87"',
  ',Tổng cộng,7.142,950,"13,30",830,"11,62"',
  'Ghi chú: Số liệu theo Quyết định công nhận kết quả rà soát của UBND huyện năm 2026.,,,,,,',
].join('\n');
const PLANTED = TABLE.replace('987,176,"17,83"', '987,176,"18,73"').replace('7.142,950', '7.124,950');

describe('vn-poverty check TABLE.csv', () => {
  it('a table with two planted errors: exit 1, each found at its row and column; its twin: exit 0', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'planted.csv'), PLANTED);
    writeFileSync(join(dir, 'clean.csv'), TABLE);
    const io = fileIo();
    expect(await runCli(['check', join(dir, 'planted.csv')], io)).toBe(1);
    expect(io.out()).toContain('row 4 “Xã Nong U”, column 5 “Hộ nghèo · Tỷ lệ (%)”: Xã Nong U · Hộ nghèo · Tỷ lệ (%): printed 18,73, expected 17,83');
    expect(io.out()).toContain('row 9 “Tổng cộng”, column 3 “Tổng số hộ”: Tổng cộng · Tổng số hộ: printed 7.124, expected 7.142');
    expect(io.out().trim().split('\n').at(-1)).toMatch(/planted\.csv: 2 findings \(2 errors, 0 warnings, 0 roundings\); 1 table, 0 claims/);
    const twin = fileIo();
    expect(await runCli(['check', join(dir, 'clean.csv')], twin)).toBe(0);
    expect(twin.out()).toMatch(/clean\.csv: 0 findings/);
  });

  it('--delimiter ";" and --number-format en read the same table', async () => {
    const dir = tempDir();
    const en = [
      'STT;Đơn vị;Tổng số hộ;Hộ nghèo;;Hộ cận nghèo;',
      ';;;Số hộ;Tỷ lệ (%);Số hộ;Tỷ lệ (%)',
      '1;Xã Pú Nhi;1,532;241;15.73;198;12.92',
      '2;Xã Nong U;987;176;18.73;143;14.49',
      '3;Xã Chiềng Sơ;1,245;133;10.68;167;13.41',
      '4;Xã Luân Giói;876;158;18.04;102;11.64',
      '5;Thị trấn Điện Biên Đông;1,398;37;2.65;89;6.37',
      '6;Xã Na Son;1,104;205;18.57;131;11.87',
      ';Tổng cộng;7,124;950;13.30;830;11.62',
    ];
    writeFileSync(join(dir, 'en.csv'), en.join('\n'));
    const io = fileIo();
    expect(await runCli(['check', join(dir, 'en.csv'), '--delimiter', ';', '--number-format', 'en'], io)).toBe(1);
    expect(io.out()).toContain('printed 18,73, expected 17,83');
    expect(io.out()).toContain('printed 7.124, expected 7.142');
  });

  it('an empty CSV, a bad --delimiter or --number-format, or --out .docx: exit 2 naming the problem, nothing written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 't.csv'), TABLE);
    const cases: Array<[string[], RegExp]> = [
      [['check', join(dir, 'empty.csv')], /empty/],
      [['check', join(dir, 't.csv'), '--delimiter', '|'], /--delimiter must be , ; or tab/],
      [['check', join(dir, 't.csv'), '--number-format', 'fr'], /--number-format must be vi or en/],
      [['check', join(dir, 't.csv'), '--out', join(dir, 'checked.docx')], /a marked-up Word copy needs a Word input/],
    ];
    for (const [argv, message] of cases) {
      const io = fileIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.err()).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir, 'checked.docx'))).toBe(false);
  });

  it('--out findings.xlsx: the list of findings of a CSV table', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'planted.csv'), PLANTED);
    const io = fileIo();
    expect(await runCli(['check', join(dir, 'planted.csv'), '--out', join(dir, 'findings.xlsx')], io)).toBe(1);
    expect(readFileSync(join(dir, 'findings.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
