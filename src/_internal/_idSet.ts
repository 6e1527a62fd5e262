import { fail } from '../errors/VnPovertyError.js';

/**
 * A set of household ids in bounded memory, for refusing a household id seen twice in a
 * register of millions of rows without keeping the ids themselves.
 *
 * Every id becomes a 64-bit key, kept with the row where the id was first seen (12 bytes) in one
 * of two places:
 * - **In order**: while each key is greater than every key kept so far (a register sorted or
 *   grouped by id, as exports usually are), it is appended to a sorted run: no lookup is needed
 *   (a key greater than all others is new) and it takes 12 bytes, growing ×1.5 (so 12 to 18
 *   bytes per id, briefly 30 while growing).
 * - **Out of order**: otherwise it goes to an open-addressing hash table of 12-byte slots, at
 *   most 3/4 full (16 to 24 bytes per id; 16 when presized with the expected count; ~40 while
 *   growing ×1.5), and a lookup also binary-searches the sorted run.
 * 26.2 million ids in order take 300 to 450 MiB (300 presized); out of order, 419 MiB presized.
 * Nothing else grows with the ids, except the exact list of true collisions below.
 *
 * Exactness. Short ids are packed into the key exactly: ids of 1 to 16 decimal digits, and ids
 * of 1 to 10 characters from `0-9 A-Z a-z -`; two such ids have the same key only when they
 * are the same id, so a key found is a repeat, certainly. Any other id gets a 63-bit hash; when its
 * key is found, the earlier id is asked for (`idAt(row)`: from the caller's array, or re-read from
 * the file at that row) and compared exactly. A different id with the same hash (a true
 * collision: about one chance in 2^63 per pair, a few in 10^5 for a whole national register,
 * or many for ids crafted to collide) is kept, exactly, in a small map that is checked as well.
 * So a repeat is never missed and never wrongly reported. @internal
 */
export interface IdSet {
  /** Hash table slots, three words each: key hi, key lo, first row + 1 (0 = empty). */
  slots: Uint32Array;
  capacity: number;
  /** Keys in the hash table. */
  size: number;
  /** The sorted run, three words an entry (key hi, key lo, first row), `runLength` entries used. */
  run: Uint32Array;
  runLength: number;
  /** The greatest key kept anywhere, as two words (−1 before the first). */
  maxHi: number;
  maxLo: number;
  /** Ids that share a hashed key with an earlier, different id, with their first row. */
  readonly collisions: Map<string, number>;
  readonly hash: (id: string) => readonly [number, number];
}

const MAX_LOAD = 0.75;
const MIN_CAPACITY = 64;
const MAX_ROW = 0xffff_fffe;

/** 63-bit hash of a string's UTF-16 code units, as two words (hi has its top bit clear). */
function hash63(id: string): readonly [number, number] {
  hashUnits(id, EMPTY, 0, id.length);
  return [keyHi, keyLo];
}

const EMPTY = new Uint8Array(0);

/**
 * Code unit i of an id: of `text`, or (text undefined) the printable ASCII byte `buf[s + i]` as
 * `toUpperCase` leaves it.
 */
function unitAt(text: string | undefined, buf: Uint8Array, s: number, i: number): number {
  if (text !== undefined) return text.charCodeAt(i);
  const c = buf[s + i]!;
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/** The 63-bit hash of an id's n code units ({@link unitAt}) into keyHi/keyLo. */
function hashUnits(text: string | undefined, buf: Uint8Array, s: number, n: number): void {
  let h1 = 0xdeadbeef ^ n;
  let h2 = 0x41c6ce57 ^ n;
  for (let i = 0; i < n; i++) {
    const c = unitAt(text, buf, s, i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  keyHi = ((h1 >>> 1) & 0x7fff_ffff) >>> 0;
  keyLo = h2 >>> 0;
}

const DIGITS = 0x8000_0000; // tag 10: 1–16 decimal digits
const TEXT = 0xc000_0000; // tag 11: 1–10 characters of [0-9A-Za-z_-]

/** 6-bit code of a character of a packed text id: 1–10 digits, 11–36 A–Z, 37–62 a–z, 63 '-'; −1 otherwise (0 is padding). */
function symbol(c: number): number {
  if (c >= 48 && c <= 57) return c - 47;
  if (c >= 65 && c <= 90) return c - 54;
  if (c >= 97 && c <= 122) return c - 60;
  if (c === 45) return 63;
  return -1;
}

// The key computed last, as two words (kept here rather than in a fresh tuple per id).
let keyHi = 0;
let keyLo = 0;

/**
 * Computes the key of an id of n code units ({@link unitAt}: of `text`, or of the ASCII bytes
 * at `buf[s]` in capitals) into keyHi/keyLo; true when it packs the id exactly. `hash` is used
 * for a text id that does not pack (the bytes are hashed by hash63, as their text would be).
 */
function packOrHash(text: string | undefined, buf: Uint8Array, s: number, n: number, hash: (id: string) => readonly [number, number]): boolean {
  if (n >= 1 && n <= 16) {
    const cut = n - 9; // digits before the last nine
    let high = 0;
    let low = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = unitAt(text, buf, s, i) - 48;
      if (d < 0 || d > 9) break;
      if (i < cut) high = high * 10 + d;
      else low = low * 10 + d;
    }
    if (i === n) {
      keyHi = (DIGITS | (n << 24) | high) >>> 0; // high < 10^7 < 2^24
      keyLo = low; // < 10^9 < 2^30
      return true;
    }
  }
  if (n >= 1 && n <= 10) {
    let hi = 0;
    let lo = 0;
    let i = 0;
    for (; i < 10; i++) {
      let sym = 0;
      if (i < n) {
        sym = symbol(unitAt(text, buf, s, i));
        if (sym < 1) break;
      }
      if (i < 5) hi = hi * 64 + sym;
      else lo = lo * 64 + sym;
    }
    if (i === 10) {
      keyHi = (TEXT | hi) >>> 0;
      keyLo = lo;
      return true;
    }
  }
  if (text === undefined || hash === hash63) hashUnits(text, buf, s, n);
  else {
    const [h, l] = hash(text);
    keyHi = (h & 0x7fff_ffff) >>> 0;
    keyLo = l >>> 0;
  }
  return false;
}

/** Computes the key of `id` into keyHi/keyLo; true when it packs the id exactly. */
const computeKey = (id: string, hash: (id: string) => readonly [number, number]): boolean => packOrHash(id, EMPTY, 0, id.length, hash);

/** The key {@link computeKey} gives the id of the printable ASCII bytes `[s, e)` in capitals, without making the string. */
const computeAsciiKey = (buf: Uint8Array, s: number, e: number): boolean => packOrHash(undefined, buf, s, e - s, hash63);

/** The id of printable ASCII bytes, in capitals. */
function upperAscii(buf: Uint8Array, s: number, e: number): string {
  let id = '';
  for (let i = 0; i < e - s; i++) id += String.fromCharCode(unitAt(undefined, buf, s, i));
  return id;
}

/**
 * The key of the id of printable ASCII bytes `[s, e)` compared ignoring case, as `[hi, lo,
 * exact]`: what {@link idKey} gives the id in capitals. @internal
 */
export function idKeyOfAscii(buf: Uint8Array, s: number, e: number): readonly [number, number, boolean] {
  const exact = computeAsciiKey(buf, s, e);
  return [keyHi, keyLo, exact];
}

/**
 * The 64-bit key of an id as `[hi, lo, exact]`: packed exactly for short ids (see
 * {@link IdSet}), else a hash (`exact` false). @internal
 */
export function idKey(id: string, hash: (id: string) => readonly [number, number] = hash63): readonly [number, number, boolean] {
  const exact = computeKey(id, hash);
  return [keyHi, keyLo, exact];
}

/** The home slot of a key: mixed, then mapped onto [0, capacity) without a modulo. */
function slotOf(hi: number, lo: number, capacity: number): number {
  let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return Math.min(capacity - 1, Math.floor(((h >>> 0) * capacity) / 0x1_0000_0000));
}

/**
 * An empty set, sized for `expected` ids (it grows beyond): the sorted run is presized, the hash
 * table starts small (ids in order never use it). `hash` replaces the id hash (tests use a weak one
 * to force collisions). @internal
 */
export function createIdSet(expected = 0, hash: (id: string) => readonly [number, number] = hash63): IdSet {
  if (!Number.isSafeInteger(expected) || expected < 0) fail({ code: 'invalid-option', path: ['expected'], value: expected, expected: 'a whole number of ids ≥ 0' });
  return {
    slots: new Uint32Array(3 * MIN_CAPACITY),
    capacity: MIN_CAPACITY,
    size: 0,
    run: new Uint32Array(3 * Math.max(MIN_CAPACITY, expected)),
    runLength: 0,
    maxHi: -1,
    maxLo: -1,
    collisions: new Map(),
    hash,
  };
}

/** The bytes the set's tables hold (not counting the collision map). @internal */
export function idSetBytes(set: IdSet): number {
  return set.slots.byteLength + set.run.byteLength;
}

function growTable(set: IdSet): void {
  const old = set.slots;
  const oldCapacity = set.capacity;
  const capacity = Math.ceil(oldCapacity * 1.5);
  const slots = new Uint32Array(3 * capacity);
  for (let s = 0; s < oldCapacity; s++) {
    const r = old[3 * s + 2] as number;
    if (r === 0) continue;
    const hi = old[3 * s] as number;
    const lo = old[3 * s + 1] as number;
    let t = slotOf(hi, lo, capacity);
    while (slots[3 * t + 2] !== 0) t = t + 1 === capacity ? 0 : t + 1;
    slots[3 * t] = hi;
    slots[3 * t + 1] = lo;
    slots[3 * t + 2] = r;
  }
  set.slots = slots;
  set.capacity = capacity;
}

/** The first row of `key` in the sorted run, or −1 (binary search). */
function inRun(set: IdSet, hi: number, lo: number): number {
  const run = set.run;
  let a = 0;
  let b = set.runLength - 1;
  while (a <= b) {
    const m = (a + b) >>> 1;
    const h = run[3 * m] as number;
    const l = run[3 * m + 1] as number;
    if (h === hi && l === lo) return run[3 * m + 2] as number;
    if (h < hi || (h === hi && l < lo)) a = m + 1;
    else b = m - 1;
  }
  return -1;
}

/** The first row of `key` in the hash table, or −1; `slot` gets where it is or would go. */
let slot = 0;
function inTable(set: IdSet, hi: number, lo: number): number {
  const { slots, capacity } = set;
  let s = slotOf(hi, lo, capacity);
  for (;;) {
    const r = slots[3 * s + 2] as number;
    if (r === 0) break;
    if (slots[3 * s] === hi && slots[3 * s + 1] === lo) {
      slot = s;
      return r - 1;
    }
    s = s + 1 === capacity ? 0 : s + 1;
  }
  slot = s;
  return -1;
}

/**
 * Adds the id seen at `row` without asking for an earlier id: returns −1 when it is new (it is
 * recorded), the first row (≥ 0) when it is certainly a repeat (a packed key, or an id already
 * known as a collision), or `−2 − r` when its hashed key was first seen at row r: the caller
 * compares the two ids later (a file is re-read once at the end) and calls
 * {@link settleSuspect}. Nothing is recorded for a suspect. @internal
 */
export function addIdOrSuspect(set: IdSet, id: string, row: number): number {
  return add(set, id, row, undefined);
}

/**
 * Settles a suspect of {@link addIdOrSuspect} once the id first seen at its key's row is known:
 * returns the first row of the same id (a repeat), or −1 after recording the id as a true
 * collision (a different id with the same 64-bit hash: new). Call in row order. @internal
 */
export function settleSuspect(set: IdSet, id: string, row: number, keyRow: number, idAtKeyRow: string): number {
  if (idAtKeyRow === id) return keyRow;
  const seen = set.collisions.get(id);
  if (seen !== undefined) return seen;
  set.collisions.set(id, row);
  return -1;
}

/**
 * Adds the id seen at `row` (a whole number from 0 to 4,294,967,294; rows should increase) and
 * returns the row where the same id was seen first, or −1 when it is new. `idAt(row)` must give
 * the id seen at an earlier row; it is asked only when a hashed key is found again (see
 * {@link IdSet}). @internal
 */
export function addId(set: IdSet, id: string, row: number, idAt: (row: number) => string): number {
  return add(set, id, row, idAt);
}

/**
 * Writes the 64-bit key of `id` (see {@link IdSet}) into `out[at]` (hi) and `out[at + 1]` (lo),
 * for a thread that sends keys rather than ids; ids are compared ignoring case, as
 * {@link createIdChecker} compares them. @internal
 */
export function putIdKey(id: string, out: Uint32Array, at: number): void {
  computeKey(sameHousehold(id), hash63);
  out[at] = keyHi;
  out[at + 1] = keyLo;
}

/**
 * {@link putIdKey} of the id printed as the printable ASCII bytes `[s, e)` of `buf`, without
 * making its string: the same key. @internal
 */
export function putAsciiIdKey(buf: Uint8Array, s: number, e: number, out: Uint32Array, at: number): void {
  computeAsciiKey(buf, s, e);
  out[at] = keyHi;
  out[at + 1] = keyLo;
}

/**
 * Adds a key made by {@link putIdKey} at `row`: −1 when it is new (recorded), else the row where
 * the same key was first seen (the same id, or for a hashed key possibly a different id with the
 * same hash: the caller settles that by reading the ids). Nothing is recorded for a key found. @internal
 */
export function addIdKey(set: IdSet, hi: number, lo: number, row: number): number {
  if (!Number.isSafeInteger(row) || row < 0 || row > MAX_ROW) fail({ code: 'invalid-option', path: ['row'], value: row, expected: `a row from 0 to ${MAX_ROW}` });
  if (appendedInOrder(set, hi, lo, row)) return -1;
  const first = inRun(set, hi, lo);
  if (first >= 0) return first;
  const found = inTable(set, hi, lo);
  if (found >= 0) return found;
  insertAtSlot(set, hi, lo, row);
  return -1;
}

/** Appends a key greater than every key kept to the sorted run (true), or does nothing (false). */
function appendedInOrder(set: IdSet, hi: number, lo: number, row: number): boolean {
  if (!(hi > set.maxHi || (hi === set.maxHi && lo > set.maxLo))) return false;
  set.maxHi = hi;
  set.maxLo = lo;
  if (3 * (set.runLength + 1) > set.run.length) {
    const run = new Uint32Array(Math.ceil(set.run.length * 1.5));
    run.set(set.run);
    set.run = run;
  }
  const at = 3 * set.runLength++;
  set.run[at] = hi;
  set.run[at + 1] = lo;
  set.run[at + 2] = row;
  return true;
}

/** Puts a key at the slot the last {@link inTable} miss found. */
function insertAtSlot(set: IdSet, hi: number, lo: number, row: number): void {
  const s = slot;
  set.slots[3 * s] = hi;
  set.slots[3 * s + 1] = lo;
  set.slots[3 * s + 2] = row + 1;
  set.size++;
  if (set.size > set.capacity * MAX_LOAD) growTable(set);
}

function checkRow(row: number): void {
  if (!Number.isSafeInteger(row) || row < 0 || row > MAX_ROW) fail({ code: 'invalid-option', path: ['row'], value: row, expected: `a row from 0 to ${MAX_ROW}` });
}

/** Records the key computed last (keyHi/keyLo) at `row` and returns −1, or returns the first row where it was seen (nothing recorded). */
function findOrInsert(set: IdSet, row: number): number {
  const hi = keyHi;
  const lo = keyLo;
  // greater than every key kept: new, and the sorted run stays sorted
  if (appendedInOrder(set, hi, lo, row)) return -1;
  let first = inRun(set, hi, lo);
  if (first < 0) first = inTable(set, hi, lo);
  if (first >= 0) return first;
  insertAtSlot(set, hi, lo, row);
  return -1;
}

/** What {@link add} answers for an id whose key was first seen at row `first`. */
function foundAgain(set: IdSet, exact: boolean, first: number, id: string, row: number, idAt: ((row: number) => string) | undefined): number {
  if (exact) return first;
  const seen = set.collisions.get(id);
  if (seen !== undefined) return seen;
  if (idAt === undefined) return -2 - first;
  if (idAt(first) === id) return first;
  set.collisions.set(id, row);
  return -1;
}

function add(set: IdSet, id: string, row: number, idAt: ((row: number) => string) | undefined): number {
  checkRow(row);
  const exact = computeKey(id, set.hash);
  const first = findOrInsert(set, row);
  return first < 0 ? -1 : foundAgain(set, exact, first, id, row, idAt);
}

/**
 * {@link addIdOrSuspect} for the id of printable ASCII bytes `[s, e)` of `buf` in capitals,
 * without making its string unless its key was seen before. @internal
 */
export function addAsciiOrSuspect(set: IdSet, buf: Uint8Array, s: number, e: number, row: number): number {
  if (set.hash !== hash63) return add(set, upperAscii(buf, s, e), row, undefined);
  checkRow(row);
  const exact = computeAsciiKey(buf, s, e);
  const first = findOrInsert(set, row);
  return first < 0 ? -1 : foundAgain(set, exact, first, upperAscii(buf, s, e), row, undefined);
}

/**
 * The household-id check of the register readers, on top of an {@link IdSet}.
 * `check(id, row)` returns −1 (new), the first row of the same id (a certain repeat), or, for a
 * file, `−2 − r` (a suspect: the id's 64-bit hash was first seen at row r, and only reading row
 * r again tells whether it is the same id). A stream cannot be read again, so for a stream the
 * ids that are hashed (not packed) are kept exactly and every answer is certain. @internal
 */
export interface IdChecker {
  check(id: string, row: number): number;
  /**
   * `check` of the id printed as the printable ASCII bytes `[s, e)` of `buf`: the same answers.
   * `id` is that text, needed only by a checker whose source cannot be read again (made from the
   * bytes when not given).
   */
  checkAscii(buf: Uint8Array, s: number, e: number, id: string | undefined, row: number): number;
  /** Whether the source can be read again (repeats suspected by hash are settled by reading it). */
  readonly rereadable: boolean;
  /**
   * Settles suspects in row order, given the ids printed on the rows their keys point at: for
   * each, the first row of the same id (a repeat) or −1 (a different id with the same hash).
   */
  settle(suspects: ReadonlyArray<{ readonly id: string; readonly row: number; readonly keyRow: number }>, idAtRow: ReadonlyMap<number, string>): number[];
  readonly set: IdSet;
}

/**
 * The form in which two printed ids are compared: `TL-001`, `tl-001` and `Tl-001` are one
 * household (a code typed once in capitals and once not is the same code; registers never tell
 * households apart by case). Spaces at the ends are already trimmed by the reader.
 */
function sameHousehold(id: string): string {
  return id.toUpperCase();
}

/** The text of ASCII bytes (in pieces: a long id would overflow the arguments of one call). */
function asciiText(buf: Uint8Array, s: number, e: number): string {
  let text = '';
  for (let q = s; q < e; q += 4096) text += String.fromCharCode(...buf.subarray(q, Math.min(e, q + 4096)));
  return text;
}

/** Makes an {@link IdChecker}; `rereadable`: the source is a file that can be read again. Ids are compared ignoring case. @internal */
export function createIdChecker(rereadable: boolean, expected = 0): IdChecker {
  const set = createIdSet(expected);
  const hashed = new Map<number, string>();
  return {
    set,
    check(printed, row) {
      const id = sameHousehold(printed);
      if (rereadable) return addIdOrSuspect(set, id, row);
      const first = addId(set, id, row, (r) => hashed.get(r)!);
      if (first === -1 && !idKey(id)[2]) hashed.set(row, id);
      return first;
    },
    checkAscii(buf, s, e, id, row) {
      return rereadable ? addAsciiOrSuspect(set, buf, s, e, row) : this.check(id ?? asciiText(buf, s, e), row);
    },
    rereadable,
    settle(suspects, idAtRow) {
      return suspects.map((s) => settleSuspect(set, sameHousehold(s.id), s.row, s.keyRow, sameHousehold(idAtRow.get(s.keyRow)!)));
    },
  };
}
