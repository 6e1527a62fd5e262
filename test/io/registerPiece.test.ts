import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { FailureDetail, PieceResult, WorkerSetup } from '../../src/io/_parallelRegister.js';
import { pieceRunner } from '../../src/io/_registerPiece.js';
import { registerHouseholdIssues, type RegisterHouseholdColumns } from '../../src/io/classifyRegisterFile.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-register-piece-');
const HEADER = 'Mã hộ,Khu vực,Thu nhập/tháng (đồng),Số nhân khẩu,Thiếu hụt: bảo hiểm y tế,Thiếu hụt: việc làm,Thiếu hụt: dinh dưỡng\n';

/** A register file and the setup of a piece runner over it (the header rows as its prefix). */
function setupOf(rows: readonly string[], header = HEADER): { setup: WorkerSetup; starts: number[]; size: number } {
  const d = dir();
  const path = join(d, 'ho.csv');
  const out = join(d, 'out.csv');
  writeFileSync(path, header + rows.join(''));
  writeFileSync(out, '');
  const starts: number[] = [];
  let at = Buffer.byteLength(header);
  for (const r of rows) {
    starts.push(at);
    at += Buffer.byteLength(r);
  }
  return { setup: { prefix: new Uint8Array(Buffer.from(header)), path, file: path, out, options: { asOf: '2024-01-01', source: 'ho.csv' } }, starts, size: at };
}

const ok = (r: PieceResult): PieceResult & { ok: true } => {
  if (!r.ok) throw new Error(r.irregular);
  return r;
};

describe('pieces of a register (the parallel path)', () => {
  it('an id printed twice inside one piece: both keys go to the main process, which checks every id (the piece keeps no id set)', async () => {
    const { setup, starts, size } = setupOf(['TL-001,nông thôn,4.000.000,4,0,0,0\n', 'TL-002,thành thị,9.000.000,3,1,0,0\n', 'tl-001,nông thôn,2.000.000,2,0,1,1\n']);
    const runner = pieceRunner(setup, true);
    const r = ok(await runner.piece({ index: 0, start: starts[0]!, end: size }));
    await runner.close();
    expect(r.irregular).toBeNull();
    expect(r.read).toBe(3);
    // the keys of TL-001 and tl-001 are the same (ids compared ignoring case)
    expect([r.keys[0], r.keys[1]]).toEqual([r.keys[4], r.keys[5]]);
    expect([r.keys[0], r.keys[1]]).not.toEqual([r.keys[2], r.keys[3]]);
  });

  it('a household whose blank flags could make it poor, in a child: only its columns are sent, and its issues found again from them are those the main process finds', async () => {
    // 1.400.000 đồng a head in the countryside, two deprivations known and one blank: near-poor or poor
    const rows = ['H1,nông thôn,5.600.000,4,1,1,\n', 'H2,nông thôn,8.000.000,4,0,0,0\n'];
    const { setup, starts, size } = setupOf(rows);
    const child = pieceRunner(setup, false);
    const main = pieceRunner(setup, true);
    const a = ok(await child.piece({ index: 0, start: starts[0]!, end: size }));
    const b = ok(await main.piece({ index: 0, start: starts[0]!, end: size }));
    await Promise.all([child.close(), main.close()]);
    expect(a.failures.map((f) => [f.row, f.lastRow, f.id])).toEqual([[2, 2, 'H1']]);
    expect(b.failures.map((f) => [f.row, f.lastRow, f.id])).toEqual([[2, 2, 'H1']]);
    // a child's failure crosses to the main process as its columns; the main process's keeps a function
    const sent = a.failures[0]!;
    expect(sent.detail).toBeUndefined();
    expect([sent.household?.area, sent.household?.monthlyIncome, sent.household?.members]).toEqual([0, 5_600_000, 4]);
    // the standard's 12 flags: two deprived, the others not given (2)
    expect([...sent.household!.flags].sort()).toEqual([1, 1, ...Array.from({ length: 10 }, () => 2)]);
    expect(b.details).toBeNull();
    const found = b.failures[0]!.detail!();
    expect(found.issues?.[0]?.code).toBe('undetermined-indicators');
    // through the channel (structured clone, as the child's messages go), then found again
    const again = registerHouseholdIssues(deserialize(serialize(sent.household)) as RegisterHouseholdColumns, sent.id, { asOf: '2024-01-01' });
    expect(again).toEqual(found.issues);
    expect(registerHouseholdIssues({ ...sent.household!, monthlyIncome: 8_000_000, flags: new Uint8Array(12) }, 'H2', { asOf: '2024-01-01' })).toBeNull();
  });

  it('a household listed with its members’ ages that cannot be classified, in a child: its error is sent serialized and reads back the same', async () => {
    // ages listed: the household is not of the columns alone, so its issues are found in the child and sent
    const header = 'Mã hộ,Khu vực,Thu nhập/tháng (đồng),Tuổi các thành viên,Thiếu hụt: bảo hiểm y tế,Thiếu hụt: việc làm,Thiếu hụt: dinh dưỡng\n';
    const rows = ['H1,nông thôn,5.600.000,40;38;10;7,1,1,\n', 'H2,nông thôn,9.600.000,40;38;10;7,0,0,0\n'];
    const { setup, starts, size } = setupOf(rows, header);
    const child = pieceRunner(setup, false);
    const main = pieceRunner(setup, true);
    const a = ok(await child.piece({ index: 0, start: starts[0]!, end: size }));
    const b = ok(await main.piece({ index: 0, start: starts[0]!, end: size }));
    await Promise.all([child.close(), main.close()]);
    expect(a.failures.map((f) => [f.row, f.id, f.household])).toEqual([[2, 'H1', undefined]]);
    const sent = deserialize(a.details!.bytes.subarray(a.details!.ends[0]!, a.details!.ends[1]!)) as FailureDetail;
    const found = b.failures[0]!.detail!();
    expect(found.issues?.length).toBeGreaterThan(0);
    expect(sent).toEqual(JSON.parse(JSON.stringify(found)));
  });

  it('the pieces of one runner write the same bytes as one piece of the whole (one writer for every piece of a layout)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `H${i},${i % 3 === 0 ? 'thành thị' : 'nông thôn'},${(1_000_000 + 250_000 * i).toLocaleString('de-DE')},${1 + (i % 5)},${i % 2},${i % 3 === 0 ? 1 : 0},0\n`);
    const { setup, starts, size } = setupOf(rows);
    const whole = pieceRunner(setup, true);
    const w = ok(await whole.piece({ index: 0, start: starts[0]!, end: size }));
    expect(await whole.write(0, 0)).toBeNull();
    await whole.close();
    const once = readFileSync(setup.out);
    writeFileSync(setup.out, '');
    const runner = pieceRunner(setup, false);
    const cuts = [starts[0]!, starts[7]!, starts[19]!, size];
    let offset = 0;
    for (let i = 0; i < 3; i++) {
      const r = ok(await runner.piece({ index: i, start: cuts[i]!, end: cuts[i + 1]! }));
      expect(r.headerLine).toBe(w.headerLine);
      expect(await runner.write(i, offset)).toBeNull();
      offset += r.size;
    }
    await runner.close();
    expect(offset).toBe(w.size);
    expect(readFileSync(setup.out).equals(once)).toBe(true);
  });
});
