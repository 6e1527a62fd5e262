import { safeParse, type $ZodErrorMap, type $ZodType, type output } from 'zod/v4/core';
import englishLocale from 'zod/v4/locales/en.js';

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
  override readonly name = 'VnPovertyError';
  /** Every issue found, never empty. */
  readonly issues: VnIssues;

  constructor(issues: VnIssues) {
    super(issues.map((i) => i.message).join('; '));
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) }))) as unknown as VnIssues;
  }
}

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

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * zod's English messages, made on first use. Passed to every parse, so a message never depends
 * on which zod build a program bundles (`zod/mini` loads no locale) or on a caller's global
 * `z.config(...)`.
 */
let english: $ZodErrorMap | undefined;

/**
 * Validates `input` with a zod schema (from `zod` or `zod/mini`) and returns the parsed value, or throws a
 * {@link VnPovertyError} listing every zod issue as a {@link VnIssue}
 * (code `'invalid-input'`, or `'missing-field'` when a required field is absent).
 * Messages are zod's English ones whatever the caller's zod configuration.
 * @example
 * parseInput(z.object({ area: z.enum(['urban', 'rural']) }), { area: 'rural' }) //=> { area: 'rural' }
 * parseInput(z.object({ area: z.enum(['urban', 'rural']) }), { area: 'city' })
 * // throws VnPovertyError: issues[0] is { code: 'invalid-input', path: ['area'], value: 'city', … }
 */
export function parseInput<S extends $ZodType>(schema: S, input: unknown, rule?: RuleRef): output<S> {
  english ??= englishLocale().localeError;
  const result = safeParse(schema, input, { error: english });
  if (result.success) return result.data;
  const issues = result.error.issues.map((zi) => {
    const path = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const value = valueAt(input, path);
    const missing = value === undefined && zi.code === 'invalid_type';
    return issue({
      code: missing ? 'missing-field' : 'invalid-input',
      path,
      value,
      expected: zi.message,
      ...(rule ? { rule } : {}),
    });
  });
  throw new VnPovertyError(issues as unknown as VnIssues);
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}
