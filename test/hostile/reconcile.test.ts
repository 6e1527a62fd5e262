/**
 * `vn-poverty reconcile` on hostile XLSX tables, spec files and outputs: every bad input is exit 2
 * naming the file (and the cell or field), with no stack trace; the input, the spec and an existing
 * `--out` are byte-identical afterwards.
 */
import { linkSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { XLSX_TABLE_LIMITS } from '../../src/io/readLimits.js';
import { rejectedError } from '../_helpers/errors.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { readFixture } from '../_helpers/fixtures.js';
import { writeSeed001Sheet } from '../reconcile/_seed001Sheet.js';
import { brokenPackages, expectOutcome, expectRefused, windows1258, writeText, zip } from './_hostile.js';

const dir = tempDirs('vnp-hostile-reconcile-');
const LAYOUT = ['--layout', 'commune-targets'];
const temporaries = (d: string): string[] => readdirSync(d).filter((f) => f.endsWith('.tmp'));

/** Seed 001's table as an .xlsx, and an existing --out beside it. */
async function seedSheet(d: string): Promise<{ input: string; out: string; good: Buffer }> {
  const input = join(d, 'bang.xlsx');
  await writeSeed001Sheet(input);
  const out = join(d, 'checked.xlsx');
  writeFileSync(out, 'an earlier marked-up copy');
  return { input, out, good: readFileSync(input) };
}

/** Seed 001's sheet with one cell replaced (a formula without a saved value, an error value…). */
async function withCell(path: string, address: string, value: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.worksheets[0]!.getCell(address).value = value;
  await wb.xlsx.writeFile(path);
}

describe('reconcile on bad XLSX files: exit 2 naming the file, the input and an existing --out untouched', () => {
  it('empty, truncated, random bytes, a text file, an old .xls, a damaged part', async () => {
    const d = dir();
    const { out, good } = await seedSheet(d);
    for (const [name, bytes, why] of brokenPackages(good, 'xlsx')) {
      const path = writeText(d, name, bytes);
      await expectRefused(['reconcile', path, ...LAYOUT, '--out', out], [`${name}: `, why], [path, out]);
    }
    expect(temporaries(d)).toEqual([]);
  });

  it('a zip bomb (a part that unpacks past its recorded size) and a workbook over the table limits', async () => {
    const d = dir();
    const spaces = Buffer.alloc(16 * 1024 * 1024, 0x20);
    const parts = [{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }];
    const liar = writeText(d, 'noi-doi.xlsx', zip([...parts, { name: 'xl/worksheets/sheet1.xml', data: spaces, declaredSize: 1000 }]));
    await expectRefused(['reconcile', liar, ...LAYOUT], ['noi-doi.xlsx: the part xl/worksheets/sheet1.xml unpacks to more than the 1000 bytes its zip directory records'], [liar]);
    // 80 MiB of shared strings declared honestly: over the 64 MiB a printed table may unpack to
    const big = writeText(d, 'lon.xlsx', zip([...parts, { name: 'xl/sharedStrings.xml', data: Buffer.alloc(80 * 1024 * 1024, 0x20) }]));
    await expectRefused(['reconcile', big, ...LAYOUT], ['lon.xlsx: ', 'maxUncompressedBytes'], [big]);
  });

  it('one stray cell at XFD1048576 (a 6 KB file spanning 17 billion cells) is refused, not a crash', async () => {
    const d = dir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Xa');
    ws.addRow(['Xã', 'Số hộ']);
    ws.addRow(['An Phú', 2348]);
    ws.getCell('XFD1048576').value = 'x';
    const path = join(d, 'xa.xlsx');
    await wb.xlsx.writeFile(path);
    // before: RangeError (Maximum call stack size exceeded), exit 70; check ran out of memory
    const mention = 'xa.xlsx: the sheet "Xa" spans 1048576 rows × 16384 columns (17179869184 cells, empty ones included), over the limit of 1000000 (maxCells)';
    await expectRefused(['reconcile', path, '--layout', 'counts-and-rates'], [mention, 'XFD1048576'], [path]);
    await expectRefused(['check', path], [mention], [path]);
  });

  it('the cells of a workbook read whole are counted before exceljs reads it (XLSX_TABLE_LIMITS.maxCells)', async () => {
    const { input } = await seedSheet(dir());
    const error = await rejectedError(readSheetGrid(input, { limits: { maxCells: 100 } }));
    expect([error.issues[0].code, error.message]).toEqual(['xlsx-limit', expect.stringMatching(/^bang\.xlsx: the number of cells \d+ is over the limit of 100 \(maxCells\)/)]);
    expect(XLSX_TABLE_LIMITS).toEqual({ maxFileBytes: 32 * 1024 * 1024, maxUncompressedBytes: 64 * 1024 * 1024, maxSharedStringsBytes: 32 * 1024 * 1024, maxEntries: 2000, maxCells: 1_000_000 });
  });

  it('a formula with no saved value is named by its cell; so is an error value', async () => {
    const d = dir();
    const { input, out } = await seedSheet(d);
    await withCell(input, 'O9', { formula: 'M9/C9*100' } as ExcelJS.CellFormulaValue);
    await expectRefused(['reconcile', input, ...LAYOUT, '--out', out], ['bang.xlsx: ', "cell 'Phân bổ chỉ tiêu'!O9 holds a formula (=M9/C9*100) with no saved value", 'save it'], [input, out]);
    await withCell(input, 'O9', { error: '#DIV/0!' } as ExcelJS.CellErrorValue);
    await expectRefused(['reconcile', input, ...LAYOUT, '--out', out], ["cell 'Phân bổ chỉ tiêu'!O9 holds the error #DIV/0!"], [input, out]);
  });

  it('a sheet with a header and no rows, and an empty sheet, have nothing to check', async () => {
    const d = dir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Biểu').addRow(['stt', 'unit', 'role', 'households', 'poor', 'poor_rate', 'near_poor', 'near_poor_rate']);
    wb.addWorksheet('Trống');
    const path = join(d, 'tieu-de.xlsx');
    await wb.xlsx.writeFile(path);
    await expectRefused(['reconcile', path, '--layout', 'counts-and-rates'], ['tieu-de.xlsx', 'nothing to check'], [path]);
    await expectRefused(['reconcile', path, '--layout', 'counts-and-rates', '--sheet', 'Trống'], ['tieu-de.xlsx', 'empty'], [path]);
  });
});

describe('reconcile spec files are checked like data files', () => {
  const TABLE = 'Nội dung,Năm 2024,Năm 2025,Giai đoạn\nDự án 1,500,700,1.200\n';
  const SPEC = { name: 'years', columns: [{ key: 'item', kind: 'text', header: 'Nội dung' }, { key: 'y2024', kind: 'count', header: 'Năm 2024' }, { key: 'y2025', kind: 'count', header: 'Năm 2025' }, { key: 'total', kind: 'count', header: 'Giai đoạn' }], relations: [{ type: 'column-total', column: 'total', parts: ['y2024', 'y2025'] }] };

  it('a spec that is not JSON, is empty, breaks the schema or is not UTF-8 is exit 2 naming the spec file and the field', async () => {
    const d = dir();
    const table = writeText(d, 'nam.csv', TABLE);
    const cases: Array<[string, string | Buffer, ReadonlyArray<string | RegExp>]> = [
      ['khong-json.json', '{ "columns": [ }', ['khong-json.json: not valid JSON', 'line 1']],
      ['rong.json', '', ['rong.json: the file is empty']],
      ['sai.json', JSON.stringify({ ...SPEC, columns: [{ key: 'x', kind: 'number' }] }), ['sai.json: ', 'columns.0.kind']],
      ['w1258.json', windows1258(JSON.stringify(SPEC)), ['w1258.json is not UTF-8 text', 'Windows-1258']],
    ];
    for (const [name, text, mentions] of cases) {
      const spec = writeText(d, name, text);
      await expectRefused(['reconcile', table, '--spec', spec], mentions, [table, spec]);
    }
  });

  it('a spec saved with a byte-order mark (Windows Notepad) is read', async () => {
    const d = dir();
    const table = writeText(d, 'nam.csv', TABLE);
    const spec = writeText(d, 'bom.json', `\uFEFF${JSON.stringify(SPEC)}`);
    await expectOutcome(['reconcile', table, '--spec', spec], { code: 0, unchanged: [table, spec] });
  });
});

describe('reconcile --out is atomic and never destroys an input', () => {
  it('--out equal to the input (same path, a symbolic link, a hard link) or to the spec is refused before reading', async () => {
    const d = dir();
    const { input } = await seedSheet(d);
    symlinkSync(input, join(d, 'alias.xlsx'));
    linkSync(input, join(d, 'hard.xlsx'));
    for (const out of [input, join(d, 'alias.xlsx'), join(d, 'hard.xlsx'), join(d, '.', 'bang.xlsx')]) {
      await expectRefused(['reconcile', input, ...LAYOUT, '--out', out], ['is the input file', 'choose another output file'], [input]);
    }
    const spec = writeText(d, 'spec.json', '{}');
    symlinkSync(spec, join(d, 'spec-link.xlsx'));
    await expectRefused(['reconcile', input, '--spec', spec, '--out', join(d, 'spec-link.xlsx')], ['is the input file'], [input, spec]);
    expect(temporaries(d)).toEqual([]);
  });

  it('a missing or unwritable folder is exit 2 naming it, before the table is read', async () => {
    const d = dir();
    const { input } = await seedSheet(d);
    await expectRefused(['reconcile', input, ...LAYOUT, '--out', join(d, 'khong-co', 'x.xlsx')], [join(d, 'khong-co'), 'does not exist'], [input]);
    await expectRefused(['reconcile', input, ...LAYOUT, '--out', '/proc/x.xlsx'], ['/proc/x.xlsx'], [input]);
  });

  it('an existing --out is byte-identical after a failure on a bad table (wrong columns) and on a bad CSV', async () => {
    const d = dir();
    const { input, out } = await seedSheet(d);
    await expectRefused(['reconcile', input, '--layout', 'counts-and-rates', '--out', out], ['bang.xlsx', 'wrong columns'], [input, out]);
    const csv = writeText(d, 'hong.csv', 'stt,unit\n"open');
    await expectRefused(['reconcile', csv, ...LAYOUT, '--out', out], ['hong.csv'], [csv, out]);
    expect(temporaries(d)).toEqual([]);
  });

  it('a successful run replaces the old --out whole and leaves no temporary file', async () => {
    const d = dir();
    const { input, out } = await seedSheet(d);
    const csv = writeText(d, 'seed.csv', readFixture('seed001-communes.csv'));
    await expectOutcome(['reconcile', csv, ...LAYOUT, '--out', out], { code: 1, unchanged: [csv] });
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    await expectOutcome(['reconcile', input, ...LAYOUT, '--out', out], { code: 1, unchanged: [input] });
    expect(temporaries(d)).toEqual([]);
  });
});
