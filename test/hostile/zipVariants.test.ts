/**
 * Office files as other programs package them: ZIP64 records with data descriptors (the .NET
 * System.IO.Packaging and OpenXML SDK writers used by many Vietnamese office applications write
 * them even for small parts). Before, each was refused as "a ZIP64 workbook over 4 GiB".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, expectRefused } from './_hostile.js';
import { inline, numberCell, rawXlsx } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-zipvariants-');

/** The parts of a plain zip (local headers only, no data descriptors), in order. */
function partsOf(zip: Buffer): Array<{ name: string; data: Buffer; method: number; packed: Buffer }> {
  const out: Array<{ name: string; data: Buffer; method: number; packed: Buffer }> = [];
  for (let p = 0; zip.readUInt32LE(p) === 0x04034b50; ) {
    const method = zip.readUInt16LE(p + 8);
    const packedSize = zip.readUInt32LE(p + 18);
    const nameLength = zip.readUInt16LE(p + 26);
    const start = p + 30 + nameLength + zip.readUInt16LE(p + 28);
    const name = zip.toString('utf8', p + 30, p + 30 + nameLength);
    const packed = zip.subarray(start, start + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : packed;
    out.push({ name, data, method: 8, packed: method === 8 ? packed : deflateRawSync(data) });
    p = start + packedSize;
  }
  return out;
}

/**
 * The same parts written as .NET's ZipArchive writes a package: each local header with 0xFFFFFFFF
 * sizes and a ZIP64 field, a ZIP64 data descriptor after the data, directory entries whose
 * sizes and offsets are in their ZIP64 field, and a ZIP64 end record, locator and end record
 * whose count, size and offset say "see the ZIP64 record".
 */
function zip64(zip: Buffer, descriptorSignature = true): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data, packed } of partsOf(zip)) {
    const n = Buffer.from(name);
    const crc = crc32(data);
    const localExtra = Buffer.alloc(20);
    localExtra.writeUInt16LE(0x0001, 0);
    localExtra.writeUInt16LE(16, 2);
    localExtra.writeBigUInt64LE(BigInt(data.length), 4);
    localExtra.writeBigUInt64LE(BigInt(packed.length), 12);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(8, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(n.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const descriptor = Buffer.alloc(24);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeBigUInt64LE(BigInt(packed.length), 8);
    descriptor.writeBigUInt64LE(BigInt(data.length), 16);
    const written = descriptorSignature ? descriptor : descriptor.subarray(4);
    const centralExtra = Buffer.alloc(28);
    centralExtra.writeUInt16LE(0x0001, 0);
    centralExtra.writeUInt16LE(24, 2);
    centralExtra.writeBigUInt64LE(BigInt(data.length), 4);
    centralExtra.writeBigUInt64LE(BigInt(packed.length), 12);
    centralExtra.writeBigUInt64LE(BigInt(offset), 20);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(8, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(0xffffffff, 42);
    chunks.push(local, n, localExtra, packed, written);
    directory.push(central, n, centralExtra);
    offset += 30 + n.length + localExtra.length + packed.length + written.length;
  }
  const cd = Buffer.concat(directory);
  const count = directory.length / 3;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(cd.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...chunks, cd, record, locator, end]);
}

const HEAD = ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', 'Thiếu hụt: bảo hiểm y tế', 'Thiếu hụt: nhà tiêu hợp vệ sinh', 'Thiếu hụt: dịch vụ viễn thông'];
const register = (): Buffer =>
  rawXlsx([
    {
      name: 'DS',
      xml: `<sheetData><row r="1">${HEAD.map((h, i) => inline(`${'ABCDEFGH'[i]}1`, h)).join('')}</row><row r="2">${inline('A2', 'H1')}${inline('B2', '30316')}${inline('C2', 'nông thôn')}${numberCell('D2', '1450000')}${numberCell('E2', '4')}${inline('F2', 'có')}${inline('G2', 'có')}${inline('H2', 'có')}</row></sheetData>`,
    },
  ]);

describe('ZIP64 packages are read within the usual limits', () => {
  it('a register packaged with ZIP64 records and data descriptors is classified as the plain one is', async () => {
    const plain = join(dir(), 'plain.xlsx');
    const wide = join(dir(), 'zip64.xlsx');
    const bare = join(dir(), 'zip64-no-signature.xlsx');
    writeFileSync(plain, register());
    writeFileSync(wide, zip64(register()));
    writeFileSync(bare, zip64(register(), false));
    const expected = (await expectOutcome(['classify', plain, '--as-of', '2024-01-01'], { code: 0 })).out;
    expect(expected).toMatch(/H1,30316,/);
    // before: exit 2, "a ZIP64 workbook (over 4 GiB or 65,535 parts), size … is over the limit"
    expect((await expectOutcome(['classify', wide, '--as-of', '2024-01-01'], { code: 0, unchanged: [wide] })).out).toBe(expected);
    expect((await expectOutcome(['classify', bare, '--as-of', '2024-01-01'], { code: 0, unchanged: [bare] })).out).toBe(expected);
    // the whole-workbook reader (reconcile, check) too
    expect(JSON.stringify(await readSheetGrid(wide))).toBe(JSON.stringify(await readSheetGrid(plain)));
  });

  it('a Word plan packaged with ZIP64 records is read as the plain one', () => {
    const plain = Buffer.from(zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Số hộ nghèo: 1.240 hộ</w:t></w:r></w:p></w:body></w:document>') }));
    expect(readDocxDocument(zip64(plain)).blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['Số hộ nghèo: 1.240 hộ']);
  });

  it('ZIP64 sizes still pass the zip-bomb checks: a part larger than its record is refused', async () => {
    const good = zip64(register());
    // the directory's ZIP64 field of the sheet says 10 bytes unpacked
    const bomb = Buffer.from(good);
    const at = bomb.indexOf(Buffer.from('xl/worksheets/sheet1.xml'), bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    bomb.writeBigUInt64LE(10n, at + 'xl/worksheets/sheet1.xml'.length + 4);
    const path = join(dir(), 'bomb64.xlsx');
    writeFileSync(path, bomb);
    await expectRefused(['classify', path, '--as-of', '2024-01-01'], ['bomb64.xlsx', 'xl/worksheets/sheet1.xml'], [path]);
  });

  it('a ZIP64 end record that is missing is refused as a damaged file', async () => {
    const good = zip64(register());
    const broken = Buffer.from(good);
    broken.writeUInt32LE(0, broken.length - 22 - 20 - 56);
    const path = join(dir(), 'broken64.xlsx');
    writeFileSync(path, broken);
    await expectRefused(['classify', path, '--as-of', '2024-01-01'], ['broken64.xlsx', 'ZIP64 end'], [path]);
  });
});

describe('a worksheet checked while it is first unpacked', () => {
  it('a sheet that fails its checksum is refused before any of its rows is given', async () => {
    const good = register();
    const bad = Buffer.from(good);
    // the directory's checksum of the sheet, changed: the data unpacks, but not to what was recorded
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const central = bad.indexOf(name, bad.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    bad.writeUInt32LE((bad.readUInt32LE(central - 46 + 16) ^ 1) >>> 0, central - 46 + 16);
    const path = join(dir(), 'crc.xlsx');
    writeFileSync(path, bad);
    const { readRows } = await import('../../src/io/readRows.js');
    const seen: unknown[] = [];
    await expect((async () => {
      for await (const r of readRows(path)) seen.push(r);
    })()).rejects.toThrow(/crc\.xlsx: the part xl\/worksheets\/sheet1\.xml fails its checksum/);
    expect(seen).toEqual([]);
  });
});
