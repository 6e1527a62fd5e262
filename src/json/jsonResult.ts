import * as z from 'zod/mini';
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { isDecimal } from '../_internal/_isDecimal.js';
import { VnPovertyError, issue, parseInput, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { fractionToDecimal } from '../numbers/fraction.js';

/**
 * The `format` every {@link JsonResult} carries; {@link fromJsonResult} reads this version.
 * @example
 * JSON_RESULT_FORMAT //=> 'vn-poverty/json@1'
 */
export const JSON_RESULT_FORMAT = 'vn-poverty/json@1';

/** A typed-array kind a result may hold (the columnar paths return some), by its class name. */
export type JsonTypedArrayName =
  | 'Int8Array'
  | 'Uint8Array'
  | 'Uint8ClampedArray'
  | 'Int16Array'
  | 'Uint16Array'
  | 'Int32Array'
  | 'Uint32Array'
  | 'Float32Array'
  | 'Float64Array'
  | 'BigInt64Array'
  | 'BigUint64Array';
type TypedArrayName = JsonTypedArrayName;

const TYPED_ARRAYS: Readonly<Record<JsonTypedArrayName, unknown>> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

/**
 * What a value in {@link JsonResult.value} stood for, when plain JSON cannot say it:
 * - `'bigint'`: a decimal string of digits (money in đồng, large counts): `"6000000"`;
 * - `'decimal'`: a Decimal as a plain decimal string, never an exponent: `"1.5"`;
 * - `'fraction'`: `{ "fraction": "num/den", "decimal": "…" }`; the decimal is exact when it
 *   terminates, else 40 significant digits (for people and other languages; the reader uses `fraction`);
 * - `'undefined'`: a field present with no value, written `null`;
 * - `'number'`: a number JSON has no notation for, as text: `"-0"`, `"NaN"`, `"Infinity"`, `"-Infinity"`;
 * - a typed-array name (`'Uint8Array'`, `'Float64Array'`…): a JSON array of its elements
 *   (bigint elements as decimal strings, non-finite floats and −0 as text).
 */
export type JsonValueType = 'bigint' | 'decimal' | 'fraction' | 'undefined' | 'number' | JsonTypedArrayName;

/**
 * Where values of one {@link JsonValueType} sit: a path of object keys (strings) and array
 * indices (numbers), where `null` stands for every index of that array.
 */
export type JsonTypeEntry = readonly [path: ReadonlyArray<string | number | null>, type: JsonValueType];

/** A JSON value, as `JSON.parse` gives it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A result in plain JSON (what {@link toJsonResult} returns): `JSON.stringify` takes it as it is,
 * any language can read `value`, and {@link fromJsonResult} gives the exact result back from it.
 */
export interface JsonResult {
  /** Always {@link JSON_RESULT_FORMAT}. */
  readonly format: typeof JSON_RESULT_FORMAT;
  /** Where `value` holds a bigint, a Decimal, a fraction… (see {@link JsonValueType}); empty when nothing needs saying. */
  readonly types: readonly JsonTypeEntry[];
  /** The result, with bigints and Decimals as decimal strings and fractions as `{ fraction, decimal }`. */
  readonly value: JsonValue;
}

type Path = ReadonlyArray<string | number | null>;
type Entry = readonly [Path, JsonValueType];

/** Exactly a Fraction (`{ num, den }` of bigints, den > 0), as the library makes them. */
function isFractionValue(v: object): v is { num: bigint; den: bigint } {
  const keys = Object.keys(v);
  const f = v as { num?: unknown; den?: unknown };
  return keys.length === 2 && typeof f.num === 'bigint' && typeof f.den === 'bigint' && f.den > 0n;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function typedArrayName(v: object): TypedArrayName | undefined {
  if (!ArrayBuffer.isView(v)) return undefined;
  const name = Object.prototype.toString.call(v).slice(8, -1);
  return name in TYPED_ARRAYS ? (name as TypedArrayName) : undefined;
}

const numberText = (n: number): string | undefined => (Number.isNaN(n) ? 'NaN' : !Number.isFinite(n) ? String(n) : Object.is(n, -0) ? '-0' : undefined);

function decimalText(d: Decimal): string {
  if (!d.isFinite()) return d.toString(); // 'NaN', 'Infinity', '-Infinity': decimal.js reads them back
  return d.isZero() && d.isNeg() ? '-0' : d.toFixed();
}

interface Encoded {
  readonly json: JsonValue;
  readonly entries: readonly Entry[];
}

function encode(value: unknown, at: ReadonlyArray<string | number>): Encoded {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return { json: value, entries: [] };
    case 'number': {
      const text = numberText(value);
      return text === undefined ? { json: value, entries: [] } : { json: text, entries: [[[], 'number']] };
    }
    case 'bigint':
      return { json: value.toString(), entries: [[[], 'bigint']] };
    case 'undefined':
      return { json: null, entries: [[[], 'undefined']] };
    case 'object':
      if (value === null) return { json: null, entries: [] };
      return encodeObject(value, at);
    default:
      throw notSerialisable(at, value, `a ${typeof value} has no JSON form`);
  }
}

function encodeObject(value: object, at: ReadonlyArray<string | number>): Encoded {
  if (isDecimal(value)) return { json: decimalText(value), entries: [[[], 'decimal']] };
  const typed = typedArrayName(value);
  if (typed !== undefined) {
    const items = Array.from(value as unknown as ArrayLike<number | bigint>, (x) => (typeof x === 'bigint' ? x.toString() : (numberText(x) ?? x)));
    return { json: items, entries: [[[], typed]] };
  }
  if (Array.isArray(value)) {
    const parts = value.map((item, i) => encode(item, [...at, i]));
    return { json: parts.map((p) => p.json), entries: generalise(parts.map((p) => p.entries)) };
  }
  if (!isPlainObject(value)) throw notSerialisable(at, value, `a ${Object.prototype.toString.call(value).slice(8, -1)} is not plain data`);
  if (isFractionValue(value)) {
    return { json: { fraction: `${value.num}/${value.den}`, decimal: decimalText(fractionToDecimal(value)) }, entries: [[[], 'fraction']] };
  }
  const json: Record<string, JsonValue> = {};
  const entries: Entry[] = [];
  for (const key of Object.keys(value)) {
    const part = encode((value as Record<string, unknown>)[key], [...at, key]);
    Object.defineProperty(json, key, { value: part.json, enumerable: true, writable: true, configurable: true });
    for (const [path, type] of part.entries) entries.push([[key, ...path], type]);
  }
  return { json, entries };
}

/**
 * The entries of an array's items: once with a `null` index when every item has the same
 * entries (a list of results of one type), else item by item. Either way exact.
 */
function generalise(items: ReadonlyArray<readonly Entry[]>): Entry[] {
  const first = items[0];
  if (first === undefined) return [];
  const key = JSON.stringify(first);
  if (items.every((e) => e === first || JSON.stringify(e) === key)) return first.map(([path, type]) => [[null, ...path], type]);
  return items.flatMap((entries, i) => entries.map(([path, type]): Entry => [[i, ...path], type]));
}

function notSerialisable(at: ReadonlyArray<string | number>, value: unknown, why: string): VnPovertyError {
  return new VnPovertyError([
    issue({ code: 'not-serialisable', path: at, value: typeof value === 'function' ? 'a function' : String(value), expected: `plain data (objects, arrays, strings, numbers, booleans, null, bigint, Decimal, fractions, typed arrays): ${why}` }),
  ]);
}

/**
 * A result of any vn-poverty function as plain, frozen JSON: bigint đồng and Decimals become
 * decimal strings, fractions `{ "fraction": "num/den", "decimal": "…" }`, and `types` says where
 * each of them is, so that {@link fromJsonResult} gives the exact result back. `JSON.stringify`
 * of the return value never throws and loses nothing; send it over HTTP, store it, diff it.
 *
 * @param result - plain data: what the library's functions return (objects, arrays, strings,
 *   numbers, booleans, null, undefined, bigint, Decimal, fractions, typed arrays)
 * @throws VnPovertyError `not-serialisable` for a function, a symbol, a Map, a Date or another class instance.
 * @example
 * toJsonResult(apportion(10n, [1, 2])) //=> { format: 'vn-poverty/json@1',
 * //   types: [[['parts', null], 'bigint'], [['quotas', null], 'fraction']],
 * //   value: { parts: ['3', '7'], quotas: [{ fraction: '10/3', decimal: '3.333333333333333333333333333333333333333' },
 * //     { fraction: '20/3', decimal: '6.666666666666666666666666666666666666667' }], method: 'largest-remainder' } }
 * JSON.stringify(toJsonResult({ income: 6_000_000n })) //=> '{"format":"vn-poverty/json@1","types":[[["income"],"bigint"]],"value":{"income":"6000000"}}'
 */
export function toJsonResult(result: unknown): JsonResult {
  const { json, entries } = encode(result, []);
  return deepFreeze({ format: JSON_RESULT_FORMAT, types: entries, value: json });
}

/** zod schema of the envelope; the values are checked as they are read. */
const jsonResultSchema = z.strictObject({
  format: z.literal(JSON_RESULT_FORMAT),
  types: z.array(
    z.tuple([
      z.array(z.union([z.string(), z.int().check(z.gte(0)), z.null()])),
      z.enum(['bigint', 'decimal', 'fraction', 'undefined', 'number', ...(Object.keys(TYPED_ARRAYS) as TypedArrayName[])]),
    ]),
  ),
  value: z.unknown(),
});

interface TypeNode {
  type?: JsonValueType;
  readonly children: Map<string | number | null, TypeNode>;
}

function typeTree(entries: readonly Entry[]): TypeNode {
  const root: TypeNode = { children: new Map() };
  for (const [path, type] of entries) {
    let node = root;
    for (const step of path) {
      let next = node.children.get(step);
      if (next === undefined) {
        next = { children: new Map() };
        node.children.set(step, next);
      }
      node = next;
    }
    node.type = type;
  }
  return root;
}

const INTEGER_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^-?(?:\d+(?:\.\d+)?|NaN|Infinity)$/;
const NUMBER_TEXT = /^(?:-0|NaN|-?Infinity)$/;

interface Reader {
  readonly issues: VnIssue[];
}

function bad(reader: Reader, path: ReadonlyArray<string | number>, value: unknown, expected: string): undefined {
  reader.issues.push(issue({ code: 'invalid-json-result', path: ['value', ...path], value, expected }));
  return undefined;
}

function readLeaf(reader: Reader, type: JsonValueType, json: unknown, at: ReadonlyArray<string | number>): unknown {
  switch (type) {
    case 'bigint':
      return typeof json === 'string' && INTEGER_TEXT.test(json) ? BigInt(json) : bad(reader, at, json, 'a bigint written as a string of digits');
    case 'decimal':
      return typeof json === 'string' && DECIMAL_TEXT.test(json) ? new Decimal(json) : bad(reader, at, json, 'a Decimal written as a plain decimal string');
    case 'undefined':
      return json === null ? undefined : bad(reader, at, json, 'null (a field with no value)');
    case 'number':
      return typeof json === 'string' && NUMBER_TEXT.test(json) ? Number(json) : bad(reader, at, json, 'one of "-0", "NaN", "Infinity", "-Infinity"');
    case 'fraction': {
      const text = typeof json === 'object' && json !== null ? (json as { fraction?: unknown }).fraction : undefined;
      const m = typeof text === 'string' ? /^(-?\d+)\/(\d+)$/.exec(text) : null;
      if (m === null || BigInt(m[2]!) === 0n) return bad(reader, at, json, 'a fraction { "fraction": "num/den", "decimal": "…" } with den > 0');
      return Object.freeze({ num: BigInt(m[1]!), den: BigInt(m[2]!) });
    }
    default:
      return readTypedArray(reader, type, json, at);
  }
}

function readTypedArray(reader: Reader, type: TypedArrayName, json: unknown, at: ReadonlyArray<string | number>): unknown {
  if (!Array.isArray(json)) return bad(reader, at, json, `a ${type} written as a JSON array`);
  const isBig = type === 'BigInt64Array' || type === 'BigUint64Array';
  const items: Array<number | bigint> = [];
  for (const [i, x] of json.entries()) {
    if (isBig ? typeof x === 'string' && INTEGER_TEXT.test(x) : typeof x === 'number' || (typeof x === 'string' && NUMBER_TEXT.test(x))) items.push(isBig ? BigInt(x as string) : Number(x));
    else return bad(reader, [...at, i], x, isBig ? 'a bigint element as a string of digits' : 'a number element');
  }
  const Ctor = TYPED_ARRAYS[type] as unknown as { from(items: ArrayLike<number | bigint>): unknown };
  return Ctor.from(items);
}

function read(reader: Reader, json: unknown, node: TypeNode | undefined, at: ReadonlyArray<string | number>): unknown {
  if (node?.type !== undefined) return readLeaf(reader, node.type, json, at);
  if (Array.isArray(json)) return json.map((item: unknown, i) => read(reader, item, node?.children.get(i) ?? node?.children.get(null), [...at, i]));
  if (typeof json === 'object' && json !== null) {
    return Object.fromEntries(Object.entries(json).map(([key, item]) => [key, read(reader, item, node?.children.get(key), [...at, key])]));
  }
  if (json === null || typeof json === 'string' || typeof json === 'boolean' || (typeof json === 'number' && Number.isFinite(json))) return json;
  return bad(reader, at, json, 'a JSON value');
}

/**
 * The exact result back from a {@link JsonResult} (or its `JSON.parse`d text): bigints, Decimals
 * (the library's `Decimal`), fractions, typed arrays and absent-valued fields as they were, deep-frozen.
 * `fromJsonResult(JSON.parse(JSON.stringify(toJsonResult(r))))` equals `r`.
 *
 * Name the result type as `T` if you know it (`fromJsonResult<ReconcileReport>(body)`): the reader
 * checks the envelope and every declared type, not that the value has the shape of `T`.
 *
 * @param json - what {@link toJsonResult} returned, possibly through `JSON.stringify` and `JSON.parse`
 * @throws VnPovertyError `invalid-input` for an envelope that is not a {@link JsonResult};
 *   `invalid-json-result` for a value that does not match its declared type (a bigint that is not digits…).
 * @example
 * fromJsonResult(JSON.parse('{"format":"vn-poverty/json@1","types":[[["income"],"bigint"]],"value":{"income":"6000000"}}'))
 * //=> { income: 6000000n }
 */
export function fromJsonResult<T = unknown>(json: unknown): T {
  const envelope = parseInput(jsonResultSchema, json, { description: 'a result written by toJsonResult', source: JSON_RESULT_FORMAT });
  const reader: Reader = { issues: [] };
  const value = read(reader, envelope.value, typeTree(envelope.types), []);
  if (reader.issues.length > 0) throw new VnPovertyError(reader.issues as unknown as VnIssues);
  return deepFreeze(value) as T;
}
