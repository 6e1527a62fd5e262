import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAtomicStream, TEMP_FILE_FLAGS, writeFileAtomic } from '../../src/io/_atomicOutput.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const folder = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'vnp-atomic-'));
  dirs.push(d);
  return d;
};

describe('atomic output: the temporary file is written as created, never truncated again', () => {
  it('opens the temporary file with r+ (no O_TRUNC, so ext4 does not flush the whole file on close)', () => {
    expect(TEMP_FILE_FLAGS).toBe('r+');
  });

  it('a stream to a new file: the bytes arrive whole under the final name, no temporary file left', async () => {
    const d = folder();
    const target = join(d, 'ket-qua.csv');
    const out = await openAtomicStream(target);
    out.stream.write('Mã hộ,Phân loại\r\n');
    out.stream.write('001,poor\r\n');
    await out.finish();
    expect(readFileSync(target, 'utf8')).toBe('Mã hộ,Phân loại\r\n001,poor\r\n');
    expect(readdirSync(d)).toEqual(['ket-qua.csv']);
  });

  it('over an existing longer file: the old file is replaced whole (nothing of it left past the new end)', async () => {
    const d = folder();
    const target = join(d, 'ket-qua.csv');
    writeFileSync(target, 'x'.repeat(10_000));
    const out = await openAtomicStream(target);
    out.stream.write('short\r\n');
    await out.finish();
    expect(readFileSync(target, 'utf8')).toBe('short\r\n');
    await writeFileAtomic(target, Buffer.from('a'));
    expect(readFileSync(target, 'utf8')).toBe('a');
    expect(readdirSync(d)).toEqual(['ket-qua.csv']);
  });

  it('aborted: an existing file is left as it was', async () => {
    const d = folder();
    const target = join(d, 'ket-qua.csv');
    writeFileSync(target, 'old');
    const out = await openAtomicStream(target);
    out.stream.write('half');
    await out.abort();
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['ket-qua.csv']);
  });
});
