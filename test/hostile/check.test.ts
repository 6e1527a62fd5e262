/**
 * `vn-poverty check` on hostile Word, Excel and text plans, spec files and outputs: every bad input
 * is exit 2 naming the file (and the cell, part or field), with no stack trace; the input and an
 * existing `--out` are byte-identical afterwards.
 */
import { linkSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { docxOf } from '../_helpers/docxFixtures.js';
import { seedText } from '../_helpers/seeds.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { bin, brokenPackages, expectOutcome, expectRefused, tcvn3, windows1258, writeText, zip } from './_hostile.js';

const dir = tempDirs('vnp-hostile-check-');
const temporaries = (d: string): string[] => readdirSync(d).filter((f) => f.endsWith('.tmp'));
const enc = new TextEncoder();
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** Seed 004 as a Word document (it has findings: exit 1 when read). */
async function seedDocx(d: string, name = 'ke-hoach.docx'): Promise<string> {
  const path = join(d, name);
  writeFileSync(path, await docxOf(readTextDocument(seedText(4))));
  return path;
}

/** A small workbook plan: one table of households, poor households and rates, with a total row. */
async function planXlsx(d: string, edit?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 1');
  ws.addRow(['STT', 'Xã', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)']);
  ws.addRow([1, 'An Phú', 2348, 38, '1,62']);
  ws.addRow([2, 'Tân Lợi', 2154, 44, '2,04']);
  ws.addRow([3, 'Long Hòa', 1200, 20, '1,67']);
  ws.addRow(['', 'Tổng', 5702, 102, '1,79']);
  edit?.(ws);
  const path = join(d, 'bieu.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('check on bad Word files: exit 2 naming the file and what to do', () => {
  it('empty, truncated, random bytes, a text file, an old .doc or a password-protected one, a damaged part', async () => {
    const d = dir();
    const good = readFileSync(await seedDocx(d));
    const out = writeText(d, 'checked.docx', 'an earlier marked-up copy');
    for (const [name, bytes, why] of brokenPackages(good, 'docx')) {
      const path = writeText(d, name, bytes);
      await expectRefused(['check', path, '--out', out], [`${name}: `, why], [path, out]);
    }
    expect(temporaries(d)).toEqual([]);
  });

  it('a zip that is not a Word document, malformed XML, a zip bomb, too many parts', async () => {
    const d = dir();
    const workbook = writeText(d, 'so-lieu.docx', zipSync({ 'xl/workbook.xml': enc.encode('<workbook/>') }));
    await expectRefused(['check', workbook], ['so-lieu.docx: ', 'an Excel workbook (.xlsx), not a Word document: name it .xlsx'], [workbook]);
    const other = writeText(d, 'khac.docx', zipSync({ 'a/b.txt': enc.encode('x') }));
    await expectRefused(['check', other], ['khac.docx: ', 'not a Word document', 'word/document.xml'], [other]);
    const broken = writeText(d, 'xml-hong.docx', zipSync({ 'word/document.xml': enc.encode(`<w:document ${W}><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p>`) }));
    await expectRefused(['check', broken], ['xml-hong.docx: ', 'word/document.xml is not well-formed XML'], [broken]);
    const tags = writeText(d, 'the-sai.docx', zipSync({ 'word/document.xml': enc.encode(`<w:document ${W}><w:body><w:p></w:r></w:p></w:body></w:document>`) }));
    await expectRefused(['check', tags], ['the-sai.docx: ', 'not well-formed XML'], [tags]);
    const liar = writeText(d, 'noi-doi.docx', zip([{ name: 'word/document.xml', data: Buffer.alloc(16 * 1024 * 1024, 0x20), declaredSize: 1000 }]));
    await expectRefused(['check', liar], ['noi-doi.docx: the part word/document.xml unpacks to more than the 1000 bytes its zip directory records'], [liar]);
    const huge = writeText(d, 'lon.docx', zip([{ name: 'word/document.xml', data: Buffer.alloc(80 * 1024 * 1024, 0x20) }]));
    await expectRefused(['check', huge], ['lon.docx: ', 'maxPartBytes'], [huge]);
    const many = writeText(d, 'nhieu.docx', zip([{ name: 'word/document.xml', data: Buffer.from(`<w:document ${W}/>`) }, ...Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: Buffer.alloc(0) }))]));
    await expectRefused(['check', many], ['nhieu.docx: ', 'maxEntries'], [many]);
  });

  it('.doc and other extensions are refused with the formats it reads', async () => {
    const d = dir();
    const doc = writeText(d, 'cu.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(64)]));
    await expectRefused(['check', doc], ['cu.doc', '.docx'], [doc]);
  });
});

describe('check on bad Excel plans', () => {
  it('empty, truncated, random bytes, a text file, an old .xls, a damaged part', async () => {
    const d = dir();
    const good = readFileSync(await planXlsx(d));
    const out = writeText(d, 'checked.xlsx', 'an earlier marked-up copy');
    for (const [name, bytes, why] of brokenPackages(good, 'xlsx')) {
      const path = writeText(d, name, bytes);
      await expectRefused(['check', path, '--out', out], [`${name}: `, why], [path, out]);
    }
  });

  it('a formula with no saved value and an error value are named by their cell', async () => {
    const d = dir();
    const formula = await planXlsx(d, (ws) => (ws.getCell('D5').value = { formula: 'SUM(D2:D4)' } as ExcelJS.CellFormulaValue));
    // without the check the formula cell was read as blank: the total went unchecked, exit 0
    await expectRefused(['check', formula], ['bieu.xlsx: ', "cell 'Biểu 1'!D5 holds a formula (=SUM(D2:D4)) with no saved value"], [formula]);
    const error = await planXlsx(d, (ws) => (ws.getCell('E3').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue));
    await expectRefused(['check', error], ["cell 'Biểu 1'!E3 holds the error #DIV/0!"], [error]);
  });

  it('a formula whose value is saved is read as its value', async () => {
    const d = dir();
    const saved = await planXlsx(d, (ws) => (ws.getCell('D5').value = { formula: 'SUM(D2:D4)', result: 103 } as ExcelJS.CellFormulaValue));
    const run = await expectOutcome(['check', saved, '--json'], { code: 1, unchanged: [saved] });
    expect(run.out).toContain('"expected": "102"');
  });
});

describe('check on bad text plans', () => {
  const TEXT = 'Tổng số hộ nghèo: 82 hộ, trong đó: xã An Phú 38 hộ; xã Tân Lợi 44 hộ.\n';

  it('Windows-1258 and TCVN3 are refused naming the encoding; empty and blank files have nothing to check', async () => {
    const d = dir();
    const cases: Array<[string, string | Buffer, readonly string[]]> = [
      ['w1258.txt', windows1258(TEXT), ['w1258.txt is not UTF-8 text', 'Windows-1258']],
      ['abc.txt', tcvn3(TEXT), ['abc.txt is not UTF-8 text', 'TCVN3']],
      ['random.txt', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)), ['random.txt is not UTF-8 text']],
      ['rong.txt', '', ['rong.txt', 'nothing to check']],
      ['trang.txt', ' \n\t\n\n', ['trang.txt', 'nothing to check']],
    ];
    for (const [name, bytes, mentions] of cases) {
      const path = writeText(d, name, bytes);
      await expectRefused(['check', path], mentions, [path]);
    }
  });

  it('a byte-order mark is dropped; CRLF lines are read', async () => {
    const d = dir();
    const path = writeText(d, 'bom.txt', `\uFEFF${TEXT.replace(/\n/g, '\r\n')}`);
    await expectOutcome(['check', path], { code: 0, unchanged: [path] });
  });

  it('a UTF-16 plan (Notepad\'s or Word\'s "Unicode" save, LE or BE) is checked as its UTF-8 text (before: refused)', async () => {
    const d = dir();
    const wrong = TEXT.replace('82 hộ', '83 hộ');
    for (const [name, text, code] of [['dung', TEXT, 0], ['sai', wrong, 1]] as const) {
      const expected = await bin(['check', writeText(d, `${name}-u8.txt`, text)]);
      expect(expected.code).toBe(code);
      const le = Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'utf16le');
      for (const [suffix, bytes] of [['le', le], ['be', Buffer.from(le).swap16()]] as const) {
        const path = writeText(d, `${name}-${suffix}.txt`, bytes);
        const run = await expectOutcome(['check', path], { code, unchanged: [path] });
        expect(run.out.replaceAll(`${name}-${suffix}.txt`, 'X')).toBe(expected.out.replaceAll(`${name}-u8.txt`, 'X'));
      }
    }
  });
});

describe('check spec files and outputs', () => {
  it('a spec that is not JSON or breaks its schema is exit 2 naming the file and the field', async () => {
    const d = dir();
    const plan = await seedDocx(d);
    const cases: Array<[string, string, readonly string[]]> = [
      ['hong.json', '{"tables": ', ['hong.json: not valid JSON']],
      ['sai.json', JSON.stringify({ tables: { '3': { columns: [{ key: 'x', kind: 'number' }], relations: [] } } }), ['sai.json: ', 'tables.3']],
      ['la.json', JSON.stringify({ bang: {} }), ['la.json: ', 'bang']],
    ];
    for (const [name, text, mentions] of cases) {
      const spec = writeText(d, name, text);
      await expectRefused(['check', plan, '--spec', spec], mentions, [plan, spec]);
    }
  });

  it('--out equal to the input (same path, symbolic or hard link) is refused before reading', async () => {
    const d = dir();
    const plan = await seedDocx(d);
    symlinkSync(plan, join(d, 'alias.docx'));
    linkSync(plan, join(d, 'hard.docx'));
    for (const out of [plan, join(d, 'alias.docx'), join(d, 'hard.docx')]) {
      await expectRefused(['check', plan, '--out', out], ['is the input file', 'choose another output file'], [plan]);
    }
    const xlsx = await planXlsx(d);
    await expectRefused(['check', xlsx, '--out', xlsx], ['is the input file'], [xlsx]);
    expect(temporaries(d)).toEqual([]);
  });

  it('a missing or unwritable folder is exit 2 naming it', async () => {
    const d = dir();
    const plan = await seedDocx(d);
    await expectRefused(['check', plan, '--out', join(d, 'khong-co', 'x.docx')], [join(d, 'khong-co'), 'does not exist'], [plan]);
    await expectRefused(['check', plan, '--out', '/proc/x.docx'], ['/proc/x.docx'], [plan]);
  });

  it('an existing --out is byte-identical after a failure, and replaced whole on success', async () => {
    const d = dir();
    const out = writeText(d, 'checked.xlsx', 'an earlier list of findings');
    const bad = writeText(d, 'w1258.txt', windows1258('Tổng: 82 hộ\n'));
    await expectRefused(['check', bad, '--out', out], ['w1258.txt'], [bad, out]);
    const plan = await seedDocx(d);
    const marked = writeText(d, 'marked.docx', 'old');
    await expectOutcome(['check', plan, '--out', marked], { code: 1, unchanged: [plan] });
    expect(readFileSync(marked).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(temporaries(d)).toEqual([]);
  });
});

describe('check in bounded time', () => {
  it('a whole plan on one line (11 MB) is read in seconds: the paragraph is listed as unchecked, not read for minutes', async () => {
    const d = dir();
    const words = ['Tổng', 'số', 'hộ', 'nghèo', 'là', '1.234', 'hộ,', 'trong', 'đó:', 'xã', 'An', 'Phú', '38', 'hộ;', 'chiếm', '1,5%', '(tương', 'đương', '697', 'hộ)'];
    const line = Array.from({ length: 1_500_000 }, (_, i) => words[(i * 7919) % words.length]).join(' ');
    const path = writeText(d, 'mot-dong.txt', line);
    // before: over five minutes (claims were read in time growing with the square of the paragraph)
    const run = await expectOutcome(['check', path, '--json'], { code: 0, unchanged: [path] });
    const report = (JSON.parse(run.out) as { value: { unchecked: { kind: string; reason: string; text: string }[] } }).value;
    expect(report.unchecked).toHaveLength(1);
    expect(report.unchecked[0]!.text).toMatch(/over the 50000 read for claims: is the file one long line\?\)$/);
  }, 120_000);
});
