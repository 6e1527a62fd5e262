import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/io/readRows.js';
import { XLSX_READ_LIMITS } from '../../src/io/readLimits.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { rejectedError } from '../_helpers/errors.js';
import { expectOutcome, expectRefused, GOOD_REGISTER, ND07_FLAGS, writeText, writeXlsx, zip } from './_hostile.js';

const dir = tempDirs('vnp-hostile-xlsx-');
const AS_OF = ['--as-of', '2024-01-01'];

const WORKBOOK_PARTS = [
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
];

describe('bad XLSX files are exit 2 naming the file and the reason, never a crash', () => {
  it('empty, truncated, random bytes, a text file, an old .xls, a damaged part (classify and summarize)', async () => {
    const d = dir();
    const good = readFileSync(await writeXlsx(d, 'tot.xlsx', GOOD_REGISTER));
    const damaged = Buffer.from(good);
    // flip bytes in the middle of the first deflated part: it no longer unpacks to its checksum
    for (let i = 200; i < 260; i++) damaged[i] = damaged[i]! ^ 0x5a;
    const cases: Array<[string, Buffer | string, string]> = [
      ['rong.xlsx', Buffer.alloc(0), 'the file is empty (0 bytes)'],
      ['cut.xlsx', good.subarray(0, Math.floor(good.length / 2)), 'truncated or damaged'],
      ['random.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'not an .xlsx workbook'],
      ['csv.xlsx', 'Mã hộ,Khu vực\r\nH1,nông thôn\r\n', 'a CSV file with an .xlsx name'],
      ['cu.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'Excel 97–2003 (.xls)'],
      ['hong.xlsx', damaged, 'damaged'],
    ];
    const out = join(d, 'kq.csv');
    writeFileSync(out, 'cũ\r\n');
    for (const [name, bytes, why] of cases) {
      const path = writeText(d, name, bytes);
      await expectRefused(['classify', path, ...AS_OF, '--out', out], [`${name}: `, why], [path, out]);
      await expectRefused(['summarize', path, '--out', out], [`${name}: `, why], [path, out]);
    }
  });

  it('zip bombs are refused by documented limits before they are unpacked', async () => {
    const d = dir();
    const spaces = Buffer.alloc(64 * 1024 * 1024, 0x20);
    // 64 MiB of shared strings declared honestly, over a lowered limit …
    const honest = writeText(d, 'bom.xlsx', zip([...WORKBOOK_PARTS, { name: 'xl/sharedStrings.xml', data: spaces }]));
    expect(readFileSync(honest).length).toBeLessThan(200_000);
    const limited = await rejectedError(drain(honest, { maxSharedStringsBytes: 1024 * 1024 }));
    expect(limited.issues[0].code).toBe('xlsx-limit');
    expect(limited.message).toContain('maxSharedStringsBytes');
    const total = await rejectedError(drain(honest, { maxUncompressedBytes: 1024 * 1024 }));
    expect(total.message).toContain('maxUncompressedBytes');
    // … and a part that claims to be small but unpacks to 64 MiB
    const liar = writeText(d, 'noi-doi.xlsx', zip([...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', data: spaces, declaredSize: 1000 }]));
    await expectRefused(['classify', liar, ...AS_OF], ['noi-doi.xlsx: the part xl/worksheets/sheet1.xml unpacks to more than the 1000 bytes its zip directory records'], [liar]);
    // too many parts
    const many = writeText(d, 'nhieu.xlsx', zip([...WORKBOOK_PARTS, ...Array.from({ length: 50 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<x/>') }))]));
    expect((await rejectedError(drain(many, { maxEntries: 20 }))).message).toContain('maxEntries');
    expect(XLSX_READ_LIMITS).toEqual({ maxFileBytes: 512 * 1024 * 1024, maxUncompressedBytes: 2 * 1024 * 1024 * 1024, maxSharedStringsBytes: 512 * 1024 * 1024, maxEntries: 10_000, maxCells: 100_000_000 });
  });

  it('a sheet with more cells than the limit (a row reaching column XFD counts every cell before it)', async () => {
    const d = dir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getCell('A1').value = 'Mã hộ';
    ws.getCell('XFD2').value = 'x';
    const path = join(d, 'rong-ngang.xlsx');
    await wb.xlsx.writeFile(path);
    const error = await rejectedError(drain(path, { maxCells: 10_000 }));
    expect(error.message).toContain('the number of cells 16385 is over the limit of 10000 (maxCells)');
  });

  it('a formula with no saved value names the cell and says to save the file; an error cell is named too', async () => {
    const d = dir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên']);
    ws.addRow(['H1', '30316', 'nông thôn', 6_000_000, '40;38']);
    ws.addRow(['H2', '30316', 'nông thôn', { formula: 'D2*2' } as ExcelJS.CellFormulaValue, '40']);
    const path = join(d, 'cong-thuc.xlsx');
    await wb.xlsx.writeFile(path);
    await expectRefused(['classify', path, ...AS_OF], ['cong-thuc.xlsx, row 3, column 4 (Thu nhập/tháng (đồng))', 'cell Data!D3 holds a formula (=D2*2) with no saved value', 'save it'], [path]);

    const units = new ExcelJS.Workbook();
    const us = units.addWorksheet('KQ');
    us.addRow(['Mã đơn vị', 'Mã phân loại']);
    us.addRow(['30316', 'poor']);
    us.addRow([{ formula: 'A2' } as ExcelJS.CellFormulaValue, 'poor']);
    us.addRow([{ error: '#REF!' } as ExcelJS.CellErrorValue, 'poor']);
    const kq = join(d, 'kq.xlsx');
    await units.xlsx.writeFile(kq);
    // without the check, the formula cell read as "[object Object]" and made a unit of its own
    await expectRefused(['summarize', kq], ['kq.xlsx, row 3, column 1 (Mã đơn vị)', 'cell KQ!A3 holds a formula (=A2) with no saved value'], [kq]);
  });
});

/** Reads every row of an XLSX with lowered limits. */
async function drain(path: string, limits: Partial<typeof XLSX_READ_LIMITS>): Promise<number> {
  let n = 0;
  for await (const row of readRows(path, { limits })) n += row.cells.length;
  return n;
}

describe('text the streaming XLSX reader cannot decode', () => {
  it('a large sheet whose letters fall across the reader\'s chunks is read exactly by the bin (the split-letter fix is installed before exceljs loads)', async () => {
    const path = join(dir(), 'lon-du.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Mã hộ', 'Họ tên chủ hộ', 'Thôn', 'Khu vực', 'Số nhân khẩu', 'Thu nhập/tháng (đồng)', ...ND07_FLAGS.map((f) => `Deprived: ${f}`)]).commit();
    for (let i = 1; i <= 5000; i++) ws.addRow([i, `H${i}`, 'Nguyễn Văn Ánh', `Thôn Đồng Tâm ${i % 7}`, 'Nông thôn', 1 + (i % 6), 3_000_000 + (i % 97) * 100_000, ...ND07_FLAGS.map((_, j) => ((i + j) % 4 === 0 ? 'x' : null))]).commit();
    await wb.commit();
    const out = join(dir(), 'ket-qua.csv');
    // in a process of its own: here exceljs is loaded already (the workbook above), so the fix cannot be put before it
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'classify', path, '--as-of', '15/10/2024', '--blank-as', 'no', '--out', out], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).not.toContain('split one of its letters');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('5.000 households classified');
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('\uFFFD');
    expect(text.split('Nguyễn Văn Ánh').length - 1).toBe(5000);
    expect(text.split('Thôn Đồng Tâm').length - 1).toBe(5000);
  }, 60_000);

  it('where exceljs was loaded before the library, a register is still read exactly: its sheets are read by the library\'s own reader, not exceljs\'s', async () => {
    const path = join(dir(), 'lon.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Mã hộ', 'Họ tên chủ hộ', 'Thôn', 'Khu vực', 'Số nhân khẩu', 'Thu nhập/tháng (đồng)', 'Thiếu hụt: việc làm', 'Thiếu hụt: bảo hiểm y tế']).commit();
    for (let i = 1; i <= 5000; i++) ws.addRow([i, `H${i}`, 'Nguyễn Văn A', `Thôn ${i % 7}`, 'Nông thôn', 1 + (i % 6), 3_000_000 + (i % 97) * 100_000, i % 3 === 0 ? 'x' : null, i % 5 === 0 ? 'x' : null]).commit();
    await wb.commit();
    const out = join(dir(), 'ket-qua.csv');
    // two review-form columns only: the households they cannot decide are reported (exit 1), every row read
    await expectOutcome(['classify', path, '--as-of', '15/10/2024', '--marks', '--out', out], { code: 1, unchanged: [path] });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('\uFFFD');
    const lines = text.trim().split('\n').length - 1;
    expect(lines).toBeGreaterThan(1000);
    expect(text.split('Nguyễn Văn A').length - 1).toBe(lines);
  });
});
