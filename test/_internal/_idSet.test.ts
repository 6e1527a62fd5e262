import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAsciiOrSuspect, addId, addIdOrSuspect, createIdChecker, createIdSet, idKey, idKeyOfAscii, idSetBytes, putAsciiIdKey, putIdKey, settleSuspect } from '../../src/_internal/_idSet.js';
import { thrownIssues } from '../_helpers/errors.js';

/** Adds every id in order and returns what addId answered for each (the first row of a repeat, or −1). */
function run(ids: readonly string[], set = createIdSet()): { answers: number[]; asked: number } {
  let asked = 0;
  const idAt = (row: number): string => {
    asked++;
    expect(row).toBeLessThan(ids.length);
    return ids[row]!;
  };
  return { answers: ids.map((id, row) => addId(set, id, row, idAt)), asked };
}

/** The answers of an exact set: the first row of each id, −1 the first time. */
function reference(ids: readonly string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((id, row) => {
    const f = first.get(id);
    if (f !== undefined) return f;
    first.set(id, row);
    return -1;
  });
}

const idArb = fc.oneof(
  fc.stringMatching(/^\d{1,16}$/), // packed exactly
  fc.stringMatching(/^[0-9A-Za-z-]{1,10}$/), // packed exactly
  fc.stringMatching(/^[0-9]{17,20}$/), // too long: hashed
  fc.constantFrom('Hộ 01', 'hộ-01', 'HGD_0001', 'HGD-000000001', '', ' 1', '1 ', '01', '1', '001'), // hashed, and near-misses of packed ones
  fc.string({ maxLength: 12 }),
);

describe('idSet', () => {
  it('finds repeats with the row first seen', () => {
    const ids = ['0101', 'A-7', '0101', 'Hộ số 7 thôn Đông', 'a-7', 'Hộ số 7 thôn Đông', '101'];
    expect(run(ids).answers).toEqual([-1, -1, 0, -1, -1, 3, -1]);
  });

  it('packs short ids exactly, leading zeros and case kept apart', () => {
    expect(idKey('0101')[2]).toBe(true);
    expect(idKey('1234567890123456')[2]).toBe(true);
    expect(idKey('12345678901234567')[2]).toBe(false);
    expect(idKey('HGD-01-xyz')[2]).toBe(true);
    expect(idKey('HGD_01')[2]).toBe(false);
    expect(idKey('')[2]).toBe(false);
    const keys = ['1', '01', '001', '10', 'a', 'A', 'a-', '-a', '1234567890', '0123456789'].map((id) => idKey(id).slice(0, 2).join(':'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('asks for the earlier id only for hashed keys found again', () => {
    const exact = Array.from({ length: 5000 }, (_, i) => String(i % 2500).padStart(8, '0'));
    expect(run(exact).asked).toBe(0);
    const hashed = Array.from({ length: 5000 }, (_, i) => `hộ ${i % 2500}`);
    const r = run(hashed);
    expect(r.asked).toBe(2500);
    expect(r.answers).toEqual(reference(hashed));
  });

  it('ids in order go to the sorted run, 12 bytes each; out of order to a table at most 3/4 full', () => {
    const n = 20_000;
    const inOrder = Array.from({ length: n }, (_, i) => String(10_000_000 + i));
    const sorted = createIdSet(n);
    const r = run([...inOrder, inOrder[5]!, inOrder[n - 1]!], sorted);
    expect(r.answers.slice(-2)).toEqual([5, n - 1]);
    expect([sorted.runLength, sorted.size]).toEqual([n, 0]);
    expect(idSetBytes(sorted) / n).toBeLessThan(12.2);
    const shuffled = inOrder.map((id, i) => inOrder[(i * 7919) % n]!);
    expect(new Set(shuffled).size).toBe(n);
    const table = createIdSet(n);
    expect(run(shuffled, table).answers).toEqual(reference(shuffled));
    expect(table.size + table.runLength).toBe(n);
    expect(table.size).toBeLessThanOrEqual(table.capacity * 0.75);
    expect(table.slots.byteLength).toBe(12 * table.capacity);
    expect(table.slots.byteLength / table.size).toBeLessThanOrEqual(24);
  });

  it('refuses rows it cannot hold and a bad size', () => {
    expect(thrownIssues(() => addId(createIdSet(), 'x', 2 ** 32, () => 'x')).map((i) => i.path)).toEqual([['row']]);
    expect(thrownIssues(() => createIdSet(-1)).map((i) => i.path)).toEqual([['expected']]);
  });
});

describe('properties', () => {
  it('never misses a repeat and never reports a false one (the answers of an exact set)', () => {
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 60 }).chain((pool) => fc.array(fc.constantFrom(...(pool.length > 0 ? pool : ['x'])), { maxLength: 120 })), (ids) => {
        expect(run(ids).answers).toEqual(reference(ids));
      }),
    );
  });

  it('stays exact when every hashed id collides (a hash that is the same for all): collisions are checked exactly', () => {
    const constant = (): readonly [number, number] => [7, 7];
    const lengthOnly = (id: string): readonly [number, number] => [0, id.length % 3];
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 30 }).chain((pool) => fc.array(fc.constantFrom(...(pool.length > 0 ? pool : ['x'])), { maxLength: 80 })), fc.boolean(), (ids, which) => {
        const set = createIdSet(0, which ? constant : lengthOnly);
        expect(run(ids, set).answers).toEqual(reference(ids));
      }),
    );
  });

  it('deferred: suspects settled afterwards in row order give the answers of an exact set, every hashed id colliding', () => {
    const constant = (): readonly [number, number] => [7, 7];
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 30 }).chain((pool) => fc.array(fc.constantFrom(...(pool.length > 0 ? pool : ['x'])), { maxLength: 80 })), fc.boolean(), (ids, weak) => {
        const set = createIdSet(0, weak ? constant : undefined);
        const answers: number[] = ids.map((id, row) => addIdOrSuspect(set, id, row));
        answers.forEach((a, row) => {
          if (a <= -2) answers[row] = settleSuspect(set, ids[row]!, row, -2 - a, ids[-2 - a]!);
        });
        expect(answers).toEqual(reference(ids));
      }),
    );
  });

  it('mostly in order, with repeats and ids out of order: the answers of an exact set', () => {
    const step = fc.oneof(
      { weight: 6, arbitrary: fc.constant({ kind: 'next' as const }) },
      { weight: 1, arbitrary: fc.nat().map((k) => ({ kind: 'repeat' as const, k })) },
      { weight: 1, arbitrary: fc.nat(999).map((k) => ({ kind: 'any' as const, k })) },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 150 }), fc.boolean(), (steps, hashed) => {
        const ids: string[] = [];
        let next = 0;
        for (const st of steps) {
          if (st.kind === 'next' || ids.length === 0) ids.push(hashed ? `hộ ${String(next++).padStart(6, '0')}` : String(next++).padStart(6, '0'));
          else if (st.kind === 'repeat') ids.push(ids[st.k % ids.length]!);
          else ids.push(String(st.k).padStart(6, '0'));
        }
        expect(run(ids).answers).toEqual(reference(ids));
      }),
    );
  });

  it('distinct packed ids have distinct keys', () => {
    const packed = fc.oneof(fc.stringMatching(/^\d{1,16}$/), fc.stringMatching(/^[0-9A-Za-z-]{1,10}$/));
    fc.assert(
      fc.property(packed, packed, (a, b) => {
        fc.pre(a !== b);
        const [ka, kb] = [idKey(a), idKey(b)];
        expect(ka[2] && kb[2]).toBe(true);
        expect(ka[0] === kb[0] && ka[1] === kb[1]).toBe(false);
      }),
    );
  });

  const asciiIdArb = fc.oneof(
    fc.stringMatching(/^\d{1,20}$/),
    fc.stringMatching(/^[0-9A-Za-z-]{1,12}$/),
    fc.stringMatching(/^[\x20-\x7e]{1,24}$/),
    fc.constantFrom('tl-001', 'TL-001', 'Tl-001', 'a', 'z', '{', '`', '@', '[', '0000000000000000', '00000000000000000', 'abcdefghij', 'abcdefghijk'),
  );

  it('the key of an id read from its ASCII bytes is the key of the id in capitals (packed or hashed)', () => {
    fc.assert(
      fc.property(asciiIdArb, fc.nat(8), (id, pad) => {
        const buf = Buffer.from(`${'#'.repeat(pad)}${id},`, 'latin1');
        expect(idKeyOfAscii(buf, pad, pad + id.length)).toEqual(idKey(id.toUpperCase()));
      }),
    );
  });

  it('a register checked from the ids’ bytes gives the answers of one checked from their text (case ignored)', () => {
    fc.assert(
      fc.property(fc.array(asciiIdArb, { maxLength: 40 }), (ids) => {
        const text = createIdChecker(true);
        const bytes = createIdChecker(true);
        // a weak hash (every hashed id collides): the bytes go the way of the text
        const weakBytes = createIdSet(0, () => [1, 2]);
        const weakText = createIdSet(0, () => [1, 2]);
        ids.forEach((id, row) => {
          const buf = Buffer.from(` ${id} `, 'latin1');
          expect(bytes.checkAscii(buf, 1, 1 + id.length, id, row)).toBe(text.check(id, row));
          expect(addAsciiOrSuspect(weakBytes, buf, 1, 1 + id.length, row)).toBe(addIdOrSuspect(weakText, id.toUpperCase(), row));
        });
      }),
    );
  });

  it('putAsciiIdKey writes the key putIdKey writes for the same printable ASCII id, in any case', () => {
    const out = new Uint32Array(4);
    putIdKey('tl-001', out, 0);
    putAsciiIdKey(Buffer.from('xTL-001y', 'latin1'), 1, 7, out, 2);
    expect([out[2], out[3]]).toEqual([out[0], out[1]]);
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~]{1,40}$/), fc.string({ maxLength: 3 }), (id, pad) => {
        const bytes = Buffer.from(pad + id, 'latin1');
        const keys = new Uint32Array(4);
        putIdKey(id, keys, 0);
        putAsciiIdKey(bytes, pad.length, pad.length + id.length, keys, 2);
        expect([keys[2], keys[3]]).toEqual([keys[0], keys[1]]);
      }),
    );
  });
});
