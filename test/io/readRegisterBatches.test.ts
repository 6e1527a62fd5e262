import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { readRegisterBatches, registerFileId, registerFileIdColumn, REUSE_BATCH_ARRAYS, type RegisterFileBatch } from '../../src/io/readRegisterBatches.js';
import { classifyRegisterBatch, classifyRegisterBatchOfIds, UNCLASSIFIED } from '../../src/standards/classifyRegisterBatch.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-register-batches-');
const AS_OF = '2024-01-01';
const HEADER = 'Mã hộ,Khu vực,Thu nhập/tháng (đồng),Số nhân khẩu,Thiếu hụt: việc làm,Thiếu hụt: người phụ thuộc trong hộ gia đình,Thiếu hụt: dinh dưỡng,Thiếu hụt: bảo hiểm y tế,Thiếu hụt: trình độ giáo dục của người lớn,Thiếu hụt: tình trạng đi học của trẻ em,Thiếu hụt: chất lượng nhà ở,Thiếu hụt: diện tích nhà ở bình quân đầu người,Thiếu hụt: nguồn nước sinh hoạt,Thiếu hụt: nhà tiêu hợp vệ sinh,Thiếu hụt: sử dụng dịch vụ viễn thông,Thiếu hụt: phương tiện phục vụ tiếp cận thông tin';

async function batchesOf(text: string, batchSize?: number): Promise<RegisterFileBatch[]> {
  const path = join(dir(), 'ho.csv');
  writeFileSync(path, text);
  const out: RegisterFileBatch[] = [];
  for await (const b of readRegisterBatches(path, { asOf: AS_OF, ...(batchSize !== undefined ? { batchSize } : {}), onDuplicate: () => undefined })) out.push(b);
  return out;
}

describe('readRegisterBatches: ids', () => {
  it('ids read from bytes and from text (a quoted id, one with a space, Vietnamese) are the batch’s ids, frozen, the same array in households', async () => {
    const rows = ['TL-001,nông thôn,800001,2,1,1,1,0,0,0,0,0,0,0,0,0', '"Hộ 2, thôn 3",thành thị,9000000,3,0,0,0,0,0,0,0,0,0,0,0,0', ' H3 ,nông thôn,2000000,1,0,0,0,0,0,0,0,0,0,0,0,0', '=1+2,nông thôn,1000000,4,1,1,1,1,0,0,0,0,0,0,0,0', 'tl-002,nông thôn,6000000,4,0,0,0,0,0,0,0,0,0,0,0,0'];
    const [b, more] = await batchesOf(`${HEADER}\n${rows.join('\n')}\n`);
    expect(more).toBeUndefined();
    expect(b!.ids).toEqual(['TL-001', 'Hộ 2, thôn 3', 'H3', '=1+2', 'tl-002']);
    expect(Object.isFrozen(b!.ids)).toBe(true);
    expect(b!.households!.ids).toBe(b!.ids);
    expect(b!.ids).toBe(b!.ids); // made once
    expect([0, 1, 2, 3, 4, 5].map((i) => registerFileId(b!, i))).toEqual([...b!.ids, undefined]);
    // the batch shows the fields it showed when its ids were an array, in that order
    expect(Object.keys(b!)).toEqual(['size', 'households', 'rows', 'lastRows', 'ids', 'units', 'roundedUp']);
    expect(Object.keys(b!.households!)).toEqual(['area', 'monthlyIncome', 'members', 'flags', 'ids']);
    expect(JSON.parse(JSON.stringify(b!.households!.ids))).toEqual(b!.ids);
    const column = registerFileIdColumn(b!)!;
    expect(column.texts?.[1]).toBe('Hộ 2, thôn 3'); // read as text by the row reader
    expect(column.bytes.toString('latin1', column.ends[0]!, column.ends[1]!)).toBe('TL-001');
  });

  it('a batch classified with its ids read one by one equals one classified with the ids given (explained ids, failures)', async () => {
    const rows = ['TL-001,nông thôn,800001,2,1,1,1,0,0,0,0,0,0,0,0,0', 'TL-002,nông thôn,800001,2,1,0,0,1,0,0,0,0,0,0,0,', 'TL-003,thành thị,1000000,3,1,1,1,1,,0,0,0,0,0,0,0'];
    const [b] = await batchesOf(`${HEADER}\n${rows.join('\n')}\n`);
    const options = { asOf: AS_OF, explain: true, onInvalid: 'report' } as const;
    const lazy = classifyRegisterBatchOfIds(registerFileIdColumn(b!)!.columns, options, (i) => registerFileId(b!, i));
    const given = classifyRegisterBatch(b!.households!, options);
    expect(Array.from(lazy.statuses)).toEqual(Array.from(given.statuses));
    expect(lazy.classifications.map((c) => c?.id)).toEqual(given.classifications.map((c) => c?.id));
    expect(lazy.classifications.filter((c) => c !== undefined).map((c) => c!.id)).toEqual(['TL-001', 'TL-003']);
    expect(lazy.failures.map((f) => f.index)).toEqual([1]); // two known deprivations and a blank: near-poor or poor
    expect(lazy.failures.map((f) => [f.index, f.issues])).toEqual(given.failures.map((f) => [f.index, f.issues]));
  });

  describe('properties', () => {
    it('ids are the same whatever the batch size, and registerFileId reads each', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9-]{1,14}$/), fc.constantFrom('"Hộ 1"', '"a,b"', ' x ')), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 7 }), async (ids, size) => {
          const text = `${HEADER}\n${ids.map((id) => `${id},nông thôn,6000000,4,0,0,0,0,0,0,0,0,0,0,0,0`).join('\n')}\n`;
          const whole = (await batchesOf(text)).flatMap((b) => [...b.ids]);
          const parts = await batchesOf(text, size);
          expect(parts.flatMap((b) => [...b.ids])).toEqual(whole);
          expect(parts.flatMap((b) => b.ids.map((_, i) => registerFileId(b, i)))).toEqual(whole);
        }),
        { numRuns: 100 },
      );
    });
  });
});

/** The text's bytes in pieces of the given sizes (cycled), as a stream. */
async function* piecesOf(bytes: Buffer, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = sizes[k % sizes.length]!;
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

const STATUS_NAMES = ['poor', 'near-poor', 'average', 'non-poor'];

/** Each household read (row, id, status or "failed"), the duplicate rows, and the error that ended the read, if any. */
interface Read {
  readonly households: ReadonlyArray<readonly [number, string, string]>;
  readonly repeats: readonly number[];
  readonly error?: string;
}

/** The register read in batches from a stream of the given piece sizes, each batch classified; and its columns, to compare reads. */
async function batchRead(text: string, sizes: readonly number[]): Promise<Read & { readonly columns: unknown[]; readonly at?: string }> {
  const households: Array<readonly [number, string, string]> = [];
  const repeats: number[] = [];
  const columns: unknown[] = [];
  try {
    for await (const b of readRegisterBatches(piecesOf(Buffer.from(text, 'utf8'), sizes), { asOf: AS_OF, source: 'ho.csv', batchSize: 3, onDuplicate: (_, at) => repeats.push(at.row) })) {
      const h = b.households!;
      columns.push([[...b.rows], [...b.ids], [...h.area], [...h.monthlyIncome], [...h.members], [...h.flags], (h.records ?? []).map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))]);
      const result = classifyRegisterBatch(h, { asOf: AS_OF, onInvalid: 'report' });
      for (let i = 0; i < b.size; i++) households.push([b.rows[i]!, b.ids[i]!, result.statuses[i] === UNCLASSIFIED ? 'failed' : STATUS_NAMES[result.statuses[i]!]!]);
    }
  } catch (e) {
    if (!(e instanceof VnPovertyError)) throw e;
    return { households, repeats, columns, error: e.message, at: `${e.issues[0].code} ${String(e.issues[0].path[1])}` };
  }
  return { households, repeats, columns };
}

/**
 * The same register with a quoted note first on each record (`"g",`): no record is plain, so
 * the scanner reads each and hands it to the row reader, the path before the one-walk reader.
 */
function quotedNotes(header: string, records: readonly string[], ends: readonly string[]): string {
  return `Ghi chú,${header}\n${records.map((r, i) => `"g",${r}${ends[i]}`).join('')}`;
}

/**
 * What two reads must share: the households, their columns and repeats; or for a read that
 * fails, the error's code and row (the batches handed over before it depend on the read sizes).
 */
function comparable(r: Read & { readonly columns: unknown[]; readonly at?: string }): unknown {
  return r.at !== undefined ? { at: r.at } : { households: r.households, columns: r.columns, repeats: r.repeats };
}

/** What a batch holds, copied out of its arrays. */
function snapshot(b: RegisterFileBatch): unknown {
  const h = b.households!;
  return {
    size: b.size,
    ids: [...b.ids],
    units: [...b.units],
    rows: Array.from(b.rows),
    lastRows: Array.from(b.lastRows),
    roundedUp: Array.from(b.roundedUp),
    area: Array.from(h.area),
    income: Array.from(h.monthlyIncome as Float64Array),
    members: Array.from(h.members),
    flags: Array.from(h.flags),
    ages: h.memberAges === undefined ? null : [Array.from(h.memberAges), Array.from(h.memberOffsets!)],
    records: h.records === undefined ? null : Array.from({ length: b.size }, (_, i) => h.records![i] ?? null),
  };
}

describe('readRegisterBatches: batch arrays', () => {
  const AGES: Readonly<Record<string, string>> = { '1': '30', '2': '30;5', '4': '40;38;10;2' };
  const rows = [
    'H1,nông thôn,800001,2,1,1,1,0,0,0,0,0,0,0,0,0',
    'H2,thành thị,9000000,3,0,,0,0,0,0,0,0,0,0,0,1',
    'H3,nông thôn,1.500.000,1,có,không,x,,0,0,0,0,0,0,0,0',
    'H4,nông thôn,"2.000.000",2,0,0,0,0,0,0,0,0,0,0,0,0',
    'H5,nông thôn,6000000,4,1,1,0,0,0,0,0,0,0,0,0,',
  ];

  it('the batches of the public reader are their own: kept after the next is read, each still holds what it held, in arrays of its own', async () => {
    const text = `${HEADER}\n${Array.from({ length: 23 }, (_, i) => rows[i % rows.length]!.replace(/^H\d/, `H${i + 1}`)).join('\n')}\n`;
    const path = join(dir(), 'ho.csv');
    writeFileSync(path, text);
    const kept: RegisterFileBatch[] = [];
    const seen: unknown[] = [];
    for await (const b of readRegisterBatches(path, { asOf: AS_OF, batchSize: 4 })) {
      kept.push(b);
      seen.push(snapshot(b));
    }
    expect(kept.length).toBe(6);
    expect(kept.map(snapshot)).toEqual(seen);
    const buffers = kept.flatMap((b) => [b.rows.buffer, b.roundedUp.buffer, b.households!.area.buffer, b.households!.monthlyIncome.buffer, b.households!.members.buffer, b.households!.flags.buffer]);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const b of kept) expect(Object.isFrozen(b) && Object.isFrozen(b.households) && Object.isFrozen(b.units)).toBe(true);
  });

  it('with REUSE_BATCH_ARRAYS the next batches are filled in the arrays of those yielded before', async () => {
    const text = `${HEADER}\n${Array.from({ length: 12 }, (_, i) => rows[0]!.replace(/^H\d/, `H${i + 1}`)).join('\n')}\n`;
    // a stream of one line a read: each batch is yielded before the next is filled
    const source = Readable.from(text.split(/(?<=\n)/).map((line) => Buffer.from(line, 'utf8')));
    const buffers: ArrayBufferLike[] = [];
    for await (const b of readRegisterBatches(source, { asOf: AS_OF, batchSize: 3, [REUSE_BATCH_ARRAYS]: true } as Parameters<typeof readRegisterBatches>[1])) buffers.push(b.households!.monthlyIncome.buffer);
    expect(buffers.length).toBe(4);
    expect(new Set(buffers).size).toBeLessThan(4);
  });

  describe('properties', () => {
    it('a batch filled in reused arrays holds what a new batch holds (any batch size, record-path rows, rounded-up incomes, blank flags, a refused row)', async () => {
      const row = fc.record({
        area: fc.constantFrom('nông thôn', 'thành thị'),
        income: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 120_000_000 }).map(String), weight: 30 }, { arbitrary: fc.constantFrom('1.500.000', '-5', 'abc'), weight: 1 }),
        members: fc.constantFrom('1', '2', '4'),
        flags: fc.array(fc.constantFrom('0', '1', '', 'có', 'x'), { minLength: 12, maxLength: 12 }),
        fact: fc.constantFrom('', '', 'có', 'không'),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), fc.boolean(), async (list, batchSize, yearly, facts) => {
          // a yearly income is rounded up for some households; a fact column sends the rows that fill it to the record path
          // (a household with facts is read from its members' ages)
          const base = yearly ? HEADER.replace('Thu nhập/tháng (đồng)', 'Thu nhập (đồng/năm)') : HEADER;
          const header = facts ? `${base.replace('Số nhân khẩu', 'Tuổi các thành viên')},Nhà tiêu hợp vệ sinh` : base;
          const members = (r: (typeof list)[number]): string => (facts ? AGES[r.members]! : r.members);
          const text = `${header}\n${list.map((r, i) => [`H${i + 1}`, r.area, r.income, members(r), ...r.flags, ...(facts ? [r.fact] : [])].join(',')).join('\n')}\n`;
          const read = async (reuse: boolean): Promise<unknown[]> => {
            const out: unknown[] = [];
            const options = { asOf: AS_OF, batchSize, onDuplicate: () => undefined, ...(reuse ? { [REUSE_BATCH_ARRAYS]: true } : {}) };
            // one line a read, so that batches are yielded (and their arrays reused) while the rest is read
            const source = Readable.from(text.split(/(?<=\n)/).map((line) => Buffer.from(line, 'utf8')));
            try {
              for await (const b of readRegisterBatches(source, options)) out.push(snapshot(b));
            } catch (e) {
              if (!(e instanceof VnPovertyError)) throw e;
              out.push(e.message);
            }
            return out;
          };
          expect(await read(true)).toEqual(await read(false));
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('readRegisterBatches: one walk over each plain record', () => {
  const plain = 'nông thôn,800001,2,1,1,1,0,0,0,0,0,0,0,0,0';
  const records = [
    `H1,${plain}`,
    '"H2, thôn ""Một""",thành thị,9000000,3,0,0,0,0,0,0,0,0,0,0,0,0',
    'H3,nông thôn,"2.000.000",1,x,có,1,,0,0,0,0,0,0,0,0',
    '"H4\nB",nông thôn,800001,2,1,1,0,0,0,0,0,0,0,0,0,0',
    `H5,${plain}`,
    'H6,thành thị,1.500.000,1,0,0,0,0,0,0,0,0,0,0,0,1',
  ];
  const ends = ['\r\n', '\r\n', '\r\n\r\n', '\r', '\n\n', ''];

  it('plain records and the others (quoted, CRLF, a lone CR, blank lines, a BOM, no last line end) read alike in reads of any size', async () => {
    const text = `\uFEFF${HEADER}\r\n${records.map((r, i) => r + ends[i]).join('')}`;
    const expected = [
      [2, 'H1', 'poor'], // 400,000 đồng a head in a rural area, 3 deprivations
      [3, 'H2, thôn "Một"', 'average'], // 3,000,000 a head in an urban area: at the ceiling
      [4, 'H3', 'average'], // 2,000,000 a head in a rural area: above the line, below the ceiling
      [6, 'H4\nB', 'near-poor'], // at or below the line with 2 deprivations; rows count records (a line break inside quotes is no new row)
      [7, 'H5', 'poor'],
      [9, 'H6', 'near-poor'], // 1,500,000 in an urban area: at or below 2,000,000, one deprivation
    ];
    const reference = await batchRead(quotedNotes(HEADER, records, ends), [1 << 20]);
    expect(reference.households).toEqual(expected);
    for (const sizes of [[1 << 20], [1], [7, 3], [64]]) {
      const got = await batchRead(text, sizes);
      expect(got.error).toBeUndefined();
      expect(got.households).toEqual(expected);
      expect(got.columns).toEqual((await batchRead(text, [1 << 20])).columns);
    }
  });

  it('a record narrower or wider than the header is refused naming its row, the households before it read', async () => {
    for (const bad of ['H2,nông thôn,800001,2,1,1,1,0,0,0,0,0,0,0,0', `H2,${plain},9`]) {
      const text = `${HEADER}\n${[`H1,${plain}`, bad, `H3,${plain}`].join('\n')}\n`;
      const got = await batchRead(text, [5]);
      expect(got.at).toMatch(/ 3$/);
      expect(got.households).toEqual([]); // the batch under way is not handed over
      expect(got.error).toMatch(/^ho\.csv, row 3/);
      expect(comparable(got)).toEqual(comparable(await batchRead(quotedNotes(HEADER, [`H1,${plain}`, bad, `H3,${plain}`], ['\n', '\n', '\n']), [5])));
    }
  });

  describe('properties', () => {
    // mostly households the fast path reads, some it leaves to the record path, rarely a cell that ends the read
    const rare = <T,>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: usual, weight: 40 }, { arbitrary: odd, weight: 1 });
    const flag = rare(fc.constantFrom('0', '1', '0', '1', '0', '1', '', 'x', 'có', 'không', ' 1', '"1"'), fc.constant('2'));
    const id = fc.oneof({ arbitrary: fc.stringMatching(/^H\d{1,3}$/), weight: 6 }, { arbitrary: fc.constantFrom('"H 1, a"', '"H""q"""', '"H\nx"', ' H9', 'H-1'), weight: 1 });
    const record = fc.record({
      id,
      area: rare(fc.constantFrom('nông thôn', 'thành thị', 'nông thôn', 'rural', '"nông thôn"', 'NT'), fc.constant('núi')),
      income: rare(fc.oneof(fc.integer({ min: 0, max: 12_000_000 }).map(String), fc.constantFrom('1.500.000', '"800001"', '8000000000000000')), fc.constantFrom('abc', '')),
      members: rare(fc.constantFrom('1', '2', '3', '5', '"2"', '02'), fc.constantFrom('0', '')),
      flags: fc.array(flag, { minLength: 12, maxLength: 12 }),
      end: fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n'),
      width: rare(fc.constant(0), fc.constantFrom(-1, 1)),
    });
    it('any read size gives the batches of one read, and those of the scanner and row reader (records with a quoted note): households, statuses, columns, repeats, errors', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }), async (generated, bom, lastEnd, sizes) => {
          const lines = generated.map((r) => {
            const cells = [r.id, r.area, r.income, r.members, ...r.flags];
            return (r.width < 0 ? cells.slice(0, -1) : r.width > 0 ? [...cells, '1'] : cells).join(',');
          });
          const lineEnds = generated.map((r, i) => (i < generated.length - 1 || lastEnd ? r.end : ''));
          const text = `${bom ? '\uFEFF' : ''}${HEADER}\n${lines.map((l, i) => l + lineEnds[i]).join('')}`;
          const whole = await batchRead(text, [1 << 20]);
          const cut = await batchRead(text, sizes);
          expect(cut.error).toBe(whole.error);
          expect(comparable(cut)).toEqual(comparable(whole));
          const notes = quotedNotes(HEADER, lines, lineEnds);
          expect(comparable(whole)).toEqual(comparable(await batchRead(notes, [1 << 20])));
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('readRegisterBatches: the village from heading rows', () => {
  const header = 'STT,Mã hộ,Khu vực,Số nhân khẩu,Thu nhập/tháng (đồng)';
  async function read(lines: readonly string[]): Promise<{ layouts: unknown[]; villages: Array<string | undefined> }> {
    const layouts: unknown[] = [];
    const villages: Array<string | undefined> = [];
    for await (const b of readRegisterBatches(Readable.from([lines.join('\n')]), { asOf: AS_OF, format: 'csv', batchSize: 2, onLayout: (l) => layouts.push(l) })) {
      for (let i = 0; i < b.size; i++) villages.push(b.extras?.[i]?.village);
    }
    return { layouts, villages };
  }

  it('a CSV read by its fast path: each household the heading above it, none after a subtotal; the layout (sent once) says so', async () => {
    const { layouts, villages } = await read([header, 'Thôn 1,,,,', '1,H1,nông thôn,4,5600000', '2,H2,nông thôn,3,4200000', '3,H3,nông thôn,2,9000000', 'Cộng thôn 1,,,9,', 'Thôn Đồng Tâm,,,,', '4,H4,nông thôn,5,7500000', 'Cộng thôn Đồng Tâm,,,5,', '5,H5,nông thôn,1,900000']);
    expect(villages).toEqual(['Thôn 1', 'Thôn 1', 'Thôn 1', 'Thôn Đồng Tâm', undefined]);
    expect(layouts).toHaveLength(1);
    expect(layouts[0]).toMatchObject({ extras: ['village'], villagesFrom: 'headings' });
  });

  it('households before the first heading: no village is taken from the headings', async () => {
    const { layouts, villages } = await read([header, '1,H1,nông thôn,4,5600000', 'Thôn 2,,,,', '2,H2,nông thôn,3,4200000']);
    expect(villages).toEqual([undefined, undefined]);
    expect(layouts[0]).toMatchObject({ extras: [] });
    expect(layouts[0]).not.toHaveProperty('villagesFrom');
  });
});

