/**
 * Every reader, fed random bytes and random mutations of a valid file, returns a result or throws
 * a VnPovertyError: never another error, never a hang. The CSV readers run 1,000 cases each (the
 * project's default); the reconcile path decodes the bytes as the bin does (strict UTF-8); the XLSX and
 * DOCX readers, which unpack and check a zip per case, run 100 to 300.
 */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { checkTableRows, formatCsv, parseCsv } from '../../src/io/csv.js';
import { decodeUtf8 } from '../../src/io/_encoding.js';
import { classifyRegisterFile } from '../../src/io/classifyRegisterFile.js';
import { readHouseholdRegister } from '../../src/io/readHouseholdRegister.js';
import { countClassifiedHouseholds, readAdminUnits, readPlanTable } from '../../src/io/readAreaTables.js';
import { readRecords } from '../../src/io/readRecords.js';
import { HOUSEHOLD_REGISTER_COLUMNS } from '../../src/io/readHouseholdRegister.js';
import { tableFromLayout } from '../../src/layouts.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';
import { documentFromBytes } from '../../src/io/readDocument.js';
import { documentModel, type DocumentTable } from '../../src/documents/documentModel.js';
import { reconcileInferred } from '../../src/documents/reconcileInferred.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readMeasuresData } from '../../src/io/readMeasuresData.js';
import { measuresSpec } from '../../src/io/measuresSpec.js';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { writeSeed001Sheet } from '../reconcile/_seed001Sheet.js';
import { docxOf } from '../_helpers/docxFixtures.js';
import { seedText } from '../_helpers/seeds.js';
import { fixturePath } from '../_helpers/fixtures.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { GOOD_REGISTER, writeXlsx } from './_hostile.js';

const dir = tempDirs('vnp-hostile-fuzz-');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const VALID: Readonly<Record<string, Uint8Array>> = {
  register: utf8(formatCsv([...GOOD_REGISTER, ['H4', '30316', 'NT', '1.500', '40;10', ...GOOD_REGISTER[1]!.slice(5)]], { bom: true })),
  members: utf8(formatCsv([['Mã hộ', 'Khu vực', 'Thu nhập (nghìn đồng/tháng)', 'Tuổi', 'Việc làm', 'BHYT'], ['H1', 'rural', '3.000', '45', 'thất nghiệp', 'không'], ['H1', '', '', '12', '', 'có']])),
  scored: utf8(formatCsv([['STT', 'Mã hộ', 'Khu vực', 'Điểm phiếu B1', 'Điểm phiếu B2', 'Thôn', 'Nguyên nhân nghèo', 'Số trẻ em', 'Số trẻ em không có BHYT'], ['1', 'S1', 'nông thôn', '140', '30', 'Bon A', 'Thiếu vốn', '2', '1'], ['2', 'S2', 'TT', '176', '10', '', '', '', '']])),
  planTable: utf8(formatCsv([['Mã đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Số hộ cận nghèo'], ['30316', '3.339', '18', '95'], ['30319', '1.200', '7', '40']])),
  classified: utf8(formatCsv([['Mã đơn vị', 'Khu vực', 'Mã phân loại', 'Hộ mới thoát nghèo'], ['30316', 'nông thôn', 'poor', 'không'], ['30316', 'TT', 'near-poor', 'có']])),
  units: utf8(formatCsv([['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Loại đơn vị', 'Khu vực', 'Mã đơn vị cấp trên', 'Hệ mã', 'Hiệu lực từ'], ['89', 'Tỉnh An Giang', 'province', 'tinh', 'rural', '', 'QD124_2004', '2004-01-01']])),
  seed001: readFileSync(fixturePath('seed001-communes.csv')),
  plan: utf8(seedText(4).slice(0, 4000)),
  survey: utf8('d_nutr,d_educ,khu_vuc,w\r\n1,1,nông thôn,1.5\r\n0,1,thành thị,2\r\n1,0,nông thôn,1\r\n'),
};

/** A random edit of a file: bytes replaced, inserted or removed at random places. */
const edits = fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'insert', 'delete'), byte: fc.constantFrom(0x2c, 0x3b, 0x22, 0x0d, 0x0a, 0x20, 0x30, 0x2e, 0xc3, 0xa1, 0xff, 0x00, 0x78) }), { minLength: 1, maxLength: 12 });
function mutate(bytes: Uint8Array, list: ReadonlyArray<{ at: number; kind: string; byte: number }>): Uint8Array {
  const out = [...bytes];
  for (const e of list) {
    const i = out.length === 0 ? 0 : e.at % out.length;
    if (e.kind === 'set') out[i] = e.byte;
    else if (e.kind === 'insert') out.splice(i, 0, e.byte);
    else out.splice(i, 1);
  }
  return Uint8Array.from(out);
}

/** Random bytes, or a mutation of the valid file. */
const input = (name: string): fc.Arbitrary<Uint8Array> => fc.oneof(fc.uint8Array({ maxLength: 400 }), edits.map((list) => mutate(VALID[name]!, list)));

/** Runs `read` and checks it returns, or rejects with a VnPovertyError, well within the test's time. */
async function survives(read: () => Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the reader did not finish within 20 s')), 20_000);
  });
  try {
    await Promise.race([read(), watchdog]);
  } catch (e) {
    if (!(e instanceof VnPovertyError)) throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function drain<T>(it: AsyncIterable<T>): Promise<number> {
  let n = 0;
  for await (const _ of it) n++;
  return n;
}

const stream = (bytes: Uint8Array): Readable => Readable.from([Buffer.from(bytes)]);

describe('every reader survives random and mutated files', () => {
  const cases: ReadonlyArray<readonly [string, string, (b: Uint8Array) => Promise<unknown>]> = [
    ['readHouseholdRegister (one row per household)', 'register', (b) => drain(readHouseholdRegister(stream(b), { source: 'ho.csv' }))],
    ['readHouseholdRegister (one row per member)', 'members', (b) => drain(readHouseholdRegister(stream(b), { source: 'ho.csv', delimiter: ',' }))],
    ['readRecords', 'register', (b) => drain(readRecords(stream(b), HOUSEHOLD_REGISTER_COLUMNS))],
    ['classifyRegisterFile (one row per household, the byte reader)', 'register', (b) => classifyRegisterFile(stream(b), { source: 'ho.csv', asOf: '2024-01-01' })],
    ['classifyRegisterFile (one row per member)', 'members', (b) => classifyRegisterFile(stream(b), { source: 'ho.csv', asOf: '2024-01-01' })],
    ['classifyRegisterFile (scores and report columns)', 'scored', (b) => classifyRegisterFile(stream(b), { source: 'ho.csv', asOf: '2024-01-01', onFailure: () => undefined })],
    ['readPlanTable', 'planTable', (b) => readPlanTable(stream(b), { source: 'bang.csv' })],
    ['countClassifiedHouseholds (by unit)', 'classified', (b) => countClassifiedHouseholds(stream(b), { by: 'unit' })],
    ['countClassifiedHouseholds (by area)', 'classified', (b) => countClassifiedHouseholds(stream(b), { by: 'area' })],
    ['readAdminUnits', 'units', (b) => readAdminUnits(stream(b))],
    [
      'reconcile (parseCsv, checkTableRows, tableFromLayout, reconcileTable)',
      'seed001',
      async (b) => {
        const rows = parseCsv(decodeUtf8(b, 'xa.csv'), { source: 'xa.csv' });
        checkTableRows(rows, ',', 'xa.csv');
        return reconcileTable(tableFromLayout('commune-targets', rows, { source: 'xa.csv' }));
      },
    ],
    [
      'reconcile with no layout (parseCsv, reconcileInferred)',
      'seed001',
      async (b) => {
        const rows = parseCsv(decodeUtf8(b, 'xa.csv'), { source: 'xa.csv' });
        checkTableRows(rows, ',', 'xa.csv');
        return reconcileInferred(documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable, { source: 'xa.csv' });
      },
    ],
    ['a text plan (documentFromBytes: strict UTF-8, then readTextDocument)', 'plan', (b) => documentFromBytes(b, 'ke-hoach.txt')],
    [
      'readMeasuresData',
      'survey',
      (b) => readMeasuresData(stream(b), measuresSpec({ dimensions: [{ id: 'a', indicators: [{ id: 'd_nutr' }] }, { id: 'b', indicators: [{ id: 'd_educ' }] }], missing: 'drop-unit' }), { by: ['khu_vuc'], weight: 'w', source: 'khao-sat.csv' }),
    ],
  ];
  for (const [name, valid, read] of cases) {
    it(name, async () => {
      await fc.assert(fc.asyncProperty(input(valid), (bytes) => survives(() => read(bytes))));
    });
  }

  it('readHouseholdRegister on XLSX bytes (100 cases: each unpacks and checks a zip)', async () => {
    const good = readFileSync(await writeXlsx(dir(), 'ho.xlsx', GOOD_REGISTER));
    const xlsxEdits = fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'insert', 'delete'), byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(xlsxEdits.map((list) => mutate(good, list)), fc.uint8Array({ maxLength: 300 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]))), (bytes) =>
        survives(() => drain(readHouseholdRegister(stream(bytes), { format: 'xlsx', source: 'ho.xlsx' }))),
      ),
      { numRuns: 100 },
    );
    expect(await drain(readHouseholdRegister(stream(good), { format: 'xlsx' }))).toBe(3);
  });

  /** Random edits of any byte of a packaged file, or random bytes after a zip signature. */
  const packageInputs = (good: Buffer): fc.Arbitrary<Uint8Array> => {
    const anyEdits = fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'insert', 'delete'), byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 6 });
    return fc.oneof(anyEdits.map((list) => mutate(good, list)), fc.uint8Array({ maxLength: 300 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])));
  };

  it('readSheetGrid on XLSX files (100 cases)', async () => {
    const d = dir();
    const path = join(d, 'bang.xlsx');
    await writeSeed001Sheet(path);
    const good = readFileSync(path);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(packageInputs(good), (bytes) => {
        const file = join(d, `case-${n++}.xlsx`);
        writeFileSync(file, bytes);
        return survives(() => readSheetGrid(file));
      }),
      { numRuns: 100 },
    );
    expect((await readSheetGrid(path)).grid.length).toBe(20);
  });

  it('readXlsxDocument on XLSX bytes (100 cases)', async () => {
    const path = join(dir(), 'bang.xlsx');
    await writeSeed001Sheet(path);
    const good = readFileSync(path);
    await fc.assert(fc.asyncProperty(packageInputs(good), (bytes) => survives(() => readXlsxDocument(bytes, { source: 'bang.xlsx' }))), { numRuns: 100 });
    expect((await readXlsxDocument(good)).blocks).toHaveLength(1);
  });

  it('readDocxDocument on DOCX bytes (300 cases)', async () => {
    const good = Buffer.from(await docxOf(readTextDocument(seedText(4).slice(0, 4000))));
    await fc.assert(fc.asyncProperty(packageInputs(good), (bytes) => survives(async () => readDocxDocument(bytes, { source: 'ke-hoach.docx' }))), { numRuns: 300 });
    expect(readDocxDocument(good).blocks.length).toBeGreaterThan(3);
  });
});
