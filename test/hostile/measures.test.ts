/**
 * `vn-poverty measures` on hostile survey files, indicator specifications and outputs: every bad
 * input is exit 2 naming the file (and row, column or field), with no stack trace; the inputs and
 * an existing `--out` are byte-identical afterwards; CSV output is safe to open in a spreadsheet.
 */
import { linkSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../_helpers/tempDirs.js';
import { brokenPackages, expectOutcome, expectRefused, tcvn3, windows1258, writeText, zip } from './_hostile.js';

const dir = tempDirs('vnp-hostile-measures-');
const temporaries = (d: string): string[] => readdirSync(d).filter((f) => f.endsWith('.tmp'));

const SPEC = JSON.stringify({ dimensions: [{ id: 'sức khoẻ', indicators: [{ id: 'd_nutr' }] }, { id: 'giáo dục', indicators: [{ id: 'd_educ' }] }] });
const DATA = 'd_nutr,d_educ,khu_vuc\r\n1,1,nông thôn\r\n0,1,thành thị\r\n1,0,nông thôn\r\n0,0,"=HYPERLINK(""http://x"")"\r\n';

function files(d: string): { data: string; spec: string; out: string } {
  return { data: writeText(d, 'khao-sat.csv', DATA), spec: writeText(d, 'chi-so.json', SPEC), out: writeText(d, 'ket-qua.csv', 'kết quả cũ\r\n') };
}

describe('measures on bad survey files', () => {
  it('Windows-1258, TCVN3, a ;-separated file, a header without rows and an empty file are exit 2', async () => {
    const d = dir();
    const { spec, out } = files(d);
    const cases: Array<[string, string | Buffer, readonly string[]]> = [
      ['w1258.csv', windows1258(DATA), ['w1258.csv is not UTF-8 text', 'Windows-1258']],
      ['abc.csv', tcvn3(DATA), ['abc.csv is not UTF-8 text', 'TCVN3']],
      ['tieu-de.csv', 'd_nutr,d_educ,khu_vuc\r\n', ['tieu-de.csv', 'a header but no rows']],
      ['rong.csv', '', ['rong.csv', 'empty']],
    ];
    for (const [name, bytes, mentions] of cases) {
      const path = writeText(d, name, bytes);
      await expectRefused(['measures', path, '--indicators', spec, '--out', out], mentions, [path, spec, out]);
    }
    // a `;` file read with a `,` the user gave
    const semi = writeText(d, 'cham-phay.csv', DATA.replace(/,/g, ';'));
    await expectRefused(['measures', semi, '--indicators', spec, '--out', out, '--delimiter', ','], ['cham-phay.csv, row 1: the header has one column; is the separator `;`?'], [semi, spec, out]);
    expect(temporaries(d)).toEqual([]);
  });

  it('a bad value names the file, row and column', async () => {
    const d = dir();
    const { spec, out } = files(d);
    const path = writeText(d, 'sai.csv', 'd_nutr,d_educ\r\n1,1\r\n2,0\r\n');
    await expectRefused(['measures', path, '--indicators', spec, '--out', out], ['sai.csv, row 3, column d_nutr', 'got "2"'], [path, out]);
  });

  it('bad XLSX files: empty, truncated, random, text, old .xls, damaged; a formula with no saved value', async () => {
    const d = dir();
    const { spec, out } = files(d);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['d_nutr', 'd_educ']);
    ws.addRow([1, 0]);
    const good = join(d, 'tot.xlsx');
    await wb.xlsx.writeFile(good);
    for (const [name, bytes, why] of brokenPackages(readFileSync(good), 'xlsx')) {
      const path = writeText(d, name, bytes);
      await expectRefused(['measures', path, '--indicators', spec, '--out', out], [`${name}: `, why], [path, spec, out]);
    }
    const liar = writeText(d, 'noi-doi.xlsx', zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(16 * 1024 * 1024, 0x20), declaredSize: 1000 }]));
    await expectRefused(['measures', liar, '--indicators', spec, '--out', out], ['noi-doi.xlsx: the part xl/worksheets/sheet1.xml unpacks to more than the 1000 bytes its zip directory records'], [liar, out]);
    ws.addRow([{ formula: 'A2' } as ExcelJS.CellFormulaValue, 1]);
    const formula = join(d, 'cong-thuc.xlsx');
    await wb.xlsx.writeFile(formula);
    await expectRefused(['measures', formula, '--indicators', spec], ['cong-thuc.xlsx, row 3, column d_nutr', 'cell Data!A3 holds a formula (=A2) with no saved value'], [formula]);
  });
});

describe('measures indicator specifications are checked like data files', () => {
  it('not JSON, empty, breaking the schema (naming the field), not UTF-8: exit 2 naming the file', async () => {
    const d = dir();
    const { data } = files(d);
    const cases: Array<[string, string | Buffer, readonly string[]]> = [
      ['hong.json', '{"dimensions": [', ['hong.json: not valid JSON']],
      ['rong.json', '', ['rong.json: the file is empty']],
      ['sai.json', JSON.stringify({ dimensions: [{ id: 'a', indicators: [] }] }), ['sai.json: ', 'dimensions.0.indicators']],
      ['thua.json', JSON.stringify({ dimensions: [{ id: 'a', indicators: [{ id: 'd_nutr' }] }], weigths: 1 }), ['thua.json: ', 'weigths']],
      ['w1258.json', windows1258(SPEC), ['w1258.json is not UTF-8 text', 'Windows-1258']],
    ];
    for (const [name, bytes, mentions] of cases) {
      const spec = writeText(d, name, bytes);
      await expectRefused(['measures', data, '--indicators', spec], mentions, [data, spec]);
    }
  });

  it('a specification with a byte-order mark is read', async () => {
    const d = dir();
    const { data } = files(d);
    const spec = writeText(d, 'bom.json', `\uFEFF${SPEC}`);
    await expectOutcome(['measures', data, '--indicators', spec], { code: 0, unchanged: [data, spec] });
  });
});

describe('measures --out is atomic, never an input, and CSV output is safe to open', () => {
  it('--out equal to the data or the specification (same path, symbolic or hard link) is refused before reading', async () => {
    const d = dir();
    const { data, spec } = files(d);
    symlinkSync(data, join(d, 'alias.csv'));
    linkSync(data, join(d, 'hard.csv'));
    for (const out of [data, join(d, 'alias.csv'), join(d, 'hard.csv')]) {
      await expectRefused(['measures', data, '--indicators', spec, '--out', out], ['is the input file', 'choose another output file'], [data, spec]);
    }
    symlinkSync(spec, join(d, 'spec-link.csv'));
    await expectRefused(['measures', data, '--indicators', spec, '--out', join(d, 'spec-link.csv')], ['is the input file'], [data, spec]);
    expect(temporaries(d)).toEqual([]);
  });

  it('a missing or unwritable folder is exit 2 naming it', async () => {
    const d = dir();
    const { data, spec } = files(d);
    await expectRefused(['measures', data, '--indicators', spec, '--out', join(d, 'khong-co', 'kq.csv')], [join(d, 'khong-co'), 'does not exist'], [data, spec]);
    await expectRefused(['measures', data, '--indicators', spec, '--out', '/proc/kq.xlsx'], ['/proc/kq.xlsx'], [data, spec]);
  });

  it('group labels that look like formulas are neutralised in CSV output, kept with --raw-csv', async () => {
    const d = dir();
    const { data, spec, out } = files(d);
    await expectOutcome(['measures', data, '--indicators', spec, '--by', 'khu_vuc', '--out', out], { code: 0, unchanged: [data, spec] });
    expect(readFileSync(out, 'utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
    const stdout = await expectOutcome(['measures', data, '--indicators', spec, '--by', 'khu_vuc'], { code: 0 });
    expect(stdout.out).toContain(`"'=HYPERLINK(""http://x"")"`);
    const raw = await expectOutcome(['measures', data, '--indicators', spec, '--by', 'khu_vuc', '--raw-csv'], { code: 0 });
    expect(raw.out).toContain('"=HYPERLINK(""http://x"")"');
    expect(raw.out).not.toContain("'=HYPERLINK");
    expect(temporaries(d)).toEqual([]);
  });
});
