import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegisterBatches, registerFileId, registerFileIdColumn, type RegisterFileBatch } from '../../src/io/readRegisterBatches.js';
import { classifyRegisterBatch, classifyRegisterBatchOfIds } from '../../src/standards/classifyRegisterBatch.js';
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
