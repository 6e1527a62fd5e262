/**
 * The set of household ids a register reader has seen, to find a household that appears twice.
 * One small module so that its representation can change without touching the readers.
 */

/** Ids seen so far. */
export interface SeenIds {
  /**
   * Records `id` first seen on `row`, or returns the row where it (exact mode) or an id with
   * the same 64-bit hash (compact mode) was seen first; then nothing is recorded.
   */
  add(id: string, row: number): number | undefined;
  /** Whether a returned row is certain (exact mode) or only a candidate to confirm (compact mode). */
  readonly exact: boolean;
  /** Ids recorded. */
  readonly size: number;
}

/** Options of {@link createSeenIds}. */
export interface SeenIdsOptions {
  /** Keep the ids themselves (exact; about 70 bytes per id) instead of their 64-bit hashes (16 bytes per id). */
  readonly exact: boolean;
}

/** Two independent 32-bit hashes of the UTF-16 code units of `s` (FNV-1a and a multiplicative mix). */
function hash64(s: string, out: Uint32Array): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // final mixes (murmur3 fmix32) so nearby ids spread over the table
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  out[0] = a >>> 0;
  out[1] = b >>> 0 || 1; // 0 in the second word marks an empty slot
}

/**
 * Makes an empty {@link SeenIds}. The compact form is an open-addressing table of 64-bit hashes
 * and first rows in typed arrays, grown by doubling at 70 % load: memory about 16 bytes per id
 * at most 2 × that while growing, independent of the ids' lengths.
 */
export function createSeenIds(options: SeenIdsOptions): SeenIds {
  if (options.exact) {
    const rows = new Map<string, number>();
    return {
      exact: true,
      add(id, row) {
        const first = rows.get(id);
        if (first !== undefined) return first;
        rows.set(id, row);
        return undefined;
      },
      get size() {
        return rows.size;
      },
    };
  }
  let capacity = 1 << 12;
  let hi = new Uint32Array(capacity);
  let lo = new Uint32Array(capacity);
  let rowsOf = new Uint32Array(capacity);
  let size = 0;
  const h = new Uint32Array(2);
  const insert = (a: number, b: number, row: number): number | undefined => {
    const mask = capacity - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      if (lo[i] === 0) {
        hi[i] = a;
        lo[i] = b;
        rowsOf[i] = row;
        size++;
        return undefined;
      }
      if (hi[i] === a && lo[i] === b) return rowsOf[i];
    }
  };
  const grow = (): void => {
    const [oldHi, oldLo, oldRows, oldCapacity] = [hi, lo, rowsOf, capacity];
    capacity *= 2;
    hi = new Uint32Array(capacity);
    lo = new Uint32Array(capacity);
    rowsOf = new Uint32Array(capacity);
    size = 0;
    for (let i = 0; i < oldCapacity; i++) if (oldLo[i] !== 0) insert(oldHi[i]!, oldLo[i]!, oldRows[i]!);
  };
  return {
    exact: false,
    add(id, row) {
      if (size * 10 >= capacity * 7) grow();
      hash64(id, h);
      return insert(h[0]!, h[1]!, row);
    },
    get size() {
      return size;
    },
  };
}
