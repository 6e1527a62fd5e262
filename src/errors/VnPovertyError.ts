import { safeParse, type $ZodRawIssue, type $ZodType, type output } from 'zod/v4/core';

/** Where a rule comes from: the legal document and article, and the Vietnamese term. */
export interface RuleRef {
  /** Human-readable rule, e.g. "income per head ≤ the poverty line". */
  readonly description: string;
  /** Document and article, e.g. "NĐ 07/2021/NĐ-CP, Art. 3 cl. 2(a)". */
  readonly source?: string;
  /** The Vietnamese term an official would recognise, e.g. "chuẩn nghèo". */
  readonly term?: string;
}

/** One thing wrong with an input: a structured, machine-readable finding. */
export interface VnIssue {
  /** Stable string literal, e.g. `'invalid-number'`, `'non-positive-base'`. */
  readonly code: string;
  /** Path to the offending field, e.g. `['members', 2, 'age']`. Empty for the whole input. */
  readonly path: ReadonlyArray<string | number>;
  /** The value received (as given). */
  readonly value: unknown;
  /** What was expected, in plain English. */
  readonly expected: string;
  /** The rule broken, with citation where there is one. */
  readonly rule?: RuleRef;
  /** One readable sentence summarising the issue. */
  readonly message: string;
}

/** A non-empty list of issues. */
export type VnIssues = readonly [VnIssue, ...VnIssue[]];

/**
 * The one error class of the library. It always carries at least one structured
 * {@link VnIssue}; `message` joins their messages.
 * @example
 * try { parseVnNumber('abc') } catch (e) { if (e instanceof VnPovertyError) e.issues[0].code } //=> 'invalid-number'
 */
export class VnPovertyError extends Error {
  /**
   * `instanceof` recognises an error of either build (ESM `import` and CommonJS `require` load
   * two copies of the class): it tests a brand registered with `Symbol.for`, not the prototype.
   */
  static override [Symbol.hasInstance](value: unknown): value is VnPovertyError {
    return (value as Record<symbol, unknown> | null | undefined)?.[BRAND] === true;
  }

  override readonly name = 'VnPovertyError';
  /** Every issue found, never empty. */
  readonly issues: VnIssues;

  constructor(issues: VnIssues) {
    super(issues.map((i) => i.message).join('; '));
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) }))) as unknown as VnIssues;
  }
}

/** The brand of every VnPovertyError, shared by all copies of the library in a process. */
const BRAND = Symbol.for('vn-poverty.VnPovertyError');
(VnPovertyError.prototype as unknown as Record<symbol, boolean>)[BRAND] = true;

/** Fields of a {@link VnIssue}; `message` and `path` may be left out. */
export type IssueInit = Omit<VnIssue, 'message' | 'path'> & { readonly message?: string; readonly path?: ReadonlyArray<string | number> };

/**

/**
 * Builds a {@link VnIssue}, composing a message when none is given.
 * @example
 * issue({ code: 'negative-income', path: ['monthlyIncome'], value: -1, expected: 'an income ≥ 0' }).message
 * //=> 'monthlyIncome: got -1, expected an income ≥ 0'
 */
export function issue(init: IssueInit): VnIssue {
  const path = init.path ?? [];
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  const message =
    init.message ??
    `${where}got ${describeValue(init.value)}, expected ${init.expected}${init.rule ? ` (${ruleText(init.rule)})` : ''}`;
  return { ...init, path, message };
}

/**

/**
 * Throws a {@link VnPovertyError} with one issue.
 * @example
 * fail({ code: 'non-positive-base', path: ['base'], value: 0, expected: 'a base greater than zero' })
 * // throws VnPovertyError with issues[0].code === 'non-positive-base'
 */
export function fail(init: IssueInit): never {
  throw new VnPovertyError([issue(init)]);
}

function ruleText(rule: RuleRef): string {
  return [rule.description, rule.term ? `“${rule.term}”` : undefined, rule.source].filter(Boolean).join(', ');
}

/** Strings longer than this are quoted by their first {@link SHORT_TEXT_HEAD} characters in messages. */
const SHORT_TEXT_MAX = 80;
const SHORT_TEXT_HEAD = 60;

/**
 * A long text cut to a short prefix for a message: `"abc…" (52428800 characters)`. Texts of up
 * to 80 characters are returned as they are. @internal
 */
export function shortText(text: string): string {
  return text.length <= SHORT_TEXT_MAX ? text : `${text.slice(0, SHORT_TEXT_HEAD)}… (${text.length} characters)`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(shortText(value));
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return String(value); // NaN and ±Infinity as given (JSON would say null)
  if (value === undefined) return 'nothing';
  try {
    return shortText(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value));
  } catch {
    return shortText(String(value));
  }
}

/**
 * Validates `input` with a zod schema (from `zod` or `zod/mini`) and returns the parsed value, or throws a
 * {@link VnPovertyError} listing every problem as a {@link VnIssue} in the library's own words
 * (what was expected, never zod's default texts): code `'missing-field'` when a required field
 * is absent, `'invalid-input'` otherwise; a field the schema does not know gets one issue of its
 * own, its path ending with the field's name and its value the field's value (never the whole object). Each issue's `value` is the
 * value as the caller wrote it.
 * @example
 * parseInput(z.object({ area: z.enum(['urban', 'rural']) }), { area: 'rural' }) //=> { area: 'rural' }
 * parseInput(z.object({ area: z.enum(['urban', 'rural']) }), { area: 'city' })
 * // throws VnPovertyError: issues[0] is { code: 'invalid-input', path: ['area'], value: 'city', expected: 'one of "urban", "rural"', … }
 */
export function parseInput<S extends $ZodType>(schema: S, input: unknown, rule?: RuleRef): output<S> {
  const result = safeParse(schema, input, { error: expectedText });
  if (result.success) return result.data;
  const issues: VnIssue[] = [];
  for (const zi of result.error.issues) {
    const path = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const ruleField = rule ? { rule } : {};
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) {
        issues.push(
          issue({
            code: 'invalid-input',
            path: [...path, key],
            value: valueAt(input, [...path, key]),
            expected: `no field “${key}” here (an unknown field is refused so that a misspelt one is not ignored)`,
            ...ruleField,
          }),
        );
      }
      continue;
    }
    const value = valueAt(input, path);
    const missing = value === undefined && (zi.code === 'invalid_type' || zi.code === 'invalid_union');
    issues.push(issue({ code: missing ? 'missing-field' : 'invalid-input', path, value, expected: missing ? `a value: ${zi.message}` : zi.message, ...ruleField }));
  }
  throw new VnPovertyError(issues as unknown as VnIssues);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text (a string)',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number (bigint)',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list (array)',
  date: 'a Date',
  undefined: 'nothing (leave the field out)',
  null: 'null',
  function: 'a function',
  symbol: 'a symbol',
  nan: 'NaN',
  never: 'nothing (the field is not allowed)',
  map: 'a Map',
  set: 'a Set',
  record: 'an object',
  tuple: 'a list (array)',
};

function typeWord(name: unknown): string {
  return TYPE_WORDS[String(name)] ?? `a ${String(name)}`;
}

/** The library's wording of a zod issue: what was expected (the value itself is reported beside it). */
function expectedText(zi: $ZodRawIssue): string {
  switch (zi.code) {
    case 'invalid_type':
      return typeWord(zi.expected);
    case 'too_small': {
      const n = String(zi.minimum);
      const op = zi.inclusive === false ? 'more than' : 'at least';
      if (zi.origin === 'string') return n === '1' && zi.inclusive !== false ? 'non-empty text' : `text of ${op} ${n} characters`;
      if (zi.origin === 'array' || zi.origin === 'set') return `a list of ${op} ${n} item${n === '1' ? '' : 's'}`;
      return `a number ${zi.inclusive === false ? '>' : '≥'} ${n}`;
    }
    case 'too_big': {
      const n = String(zi.maximum);
      const op = zi.inclusive === false ? 'fewer than' : 'at most';
      if (zi.origin === 'string') return `text of ${op} ${n} characters`;
      if (zi.origin === 'array' || zi.origin === 'set') return `a list of ${op} ${n} item${n === '1' ? '' : 's'}`;
      return `a number ${zi.inclusive === false ? '<' : '≤'} ${n}`;
    }
    case 'invalid_format':
      return zi.format === 'regex' && 'pattern' in zi && zi.pattern !== undefined ? `text matching ${String(zi.pattern)}` : `text in the ${zi.format} format`;
    case 'not_multiple_of':
      return `a multiple of ${String(zi.divisor)}`;
    case 'invalid_value':
      return zi.values.length === 1 ? JSON.stringify(zi.values[0], (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(zi.values[0]) : `one of ${zi.values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ')}`;
    case 'invalid_union': {
      const forms = [...new Set(zi.errors.map((branch) => branch[0]?.message).filter((m): m is string => typeof m === 'string' && m !== ''))];
      return forms.length > 0 ? forms.join(', or ') : 'one of the accepted forms';
    }
    case 'unrecognized_keys':
      return `no fields ${zi.keys.map((k) => `“${k}”`).join(', ')}`;
    case 'invalid_key':
      return 'a valid key';
    case 'invalid_element':
      return 'valid items';
    default:
      return 'a valid value';
  }
}
function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}
