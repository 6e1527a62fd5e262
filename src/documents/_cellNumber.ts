import { parseVnNumber, type QualifierMeaning } from '../numbers/parseVnNumber.js';
import type { MoneyUnit } from '../numbers/money.js';
import { tableFigureText } from '../numbers/tableFigureText.js';

/**
 * A figure read from a table cell for layout inference: the digits as a scaled integer
 * (`units` × 10^−`decimals`), exact while it stays a safe integer.
 */
export interface CellNumber {
  readonly units: number;
  readonly decimals: number;
  /** The cell carries a `%`. */
  readonly percent: boolean;
  /** A money unit printed in the cell itself (`'19 đồng'`). */
  readonly unit: MoneyUnit | null;
  readonly qualifier: QualifierMeaning | null;
}

const PLAIN = /^([-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(\s*%)?$/;
const cache = new Map<string, CellNumber | null>();

/**
 * Reads a cell's text as a Vietnamese figure (`'16.194'`, `'0,70'`, `'1,5%'`, `'19 đồng'`),
 * or null when it is not one (a name, a row number such as `'I'`, a blank). Never throws.
 */
export function cellNumber(text: string): CellNumber | null {
  const key = text.trim();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const t = tableFigureText(key).text;
  const result = t === '' || t.length > 40 ? null : read(t);
  if (cache.size < 50_000) cache.set(key, result);
  return result;
}

function read(t: string): CellNumber | null {
  const m = PLAIN.exec(t);
  if (m !== null) {
    const [, sign = '', whole = '', frac = '', pct] = m;
    const units = Number(whole.replace(/\./g, '') + frac);
    if (!Number.isSafeInteger(units)) return null;
    return { units: sign === '' ? units : -units, decimals: frac.length, percent: pct !== undefined, unit: null, qualifier: null };
  }
  if (!/\d/.test(t)) return null;
  try {
    const p = parseVnNumber(t, { kind: 'amount' });
    const digits = p.value.toFixed();
    const [whole = '', frac = ''] = digits.replace('-', '').split('.');
    const units = Number(whole + frac);
    if (!Number.isSafeInteger(units)) return null;
    const unit = p.unit === 'dong' || p.unit === 'nghin' || p.unit === 'trieu' || p.unit === 'ty' ? p.unit : null;
    return { units: p.value.isNegative() ? -units : units, decimals: frac.length, percent: false, unit, qualifier: p.qualifier?.meaning ?? null };
  } catch {
    try {
      const p = parseVnNumber(t, { kind: 'rate' });
      if (p.unit !== 'percent' && p.unit !== null) return null;
      const [whole = '', frac = ''] = p.value.toFixed().replace('-', '').split('.');
      const units = Number(whole + frac);
      if (!Number.isSafeInteger(units)) return null;
      return { units: p.value.isNegative() ? -units : units, decimals: frac.length, percent: p.unit === 'percent', unit: null, qualifier: p.qualifier?.meaning ?? null };
    } catch {
      return null;
    }
  }
}

/** `value` scaled to `decimals` places, as a safe integer, or null when it would not be exact. */
export function scaled(n: CellNumber, decimals: number): number | null {
  if (decimals < n.decimals) return null;
  const v = n.units * 10 ** (decimals - n.decimals);
  return Number.isSafeInteger(v) ? v : null;
}

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** A row number as tables print them: `'1'`, `'12'`, `'1.2'`, `'I'`, `'IV'`, `'A'`, `'a'`, `'1.'`. */
export type RowNumber =
  | { readonly kind: 'arabic'; readonly value: number; readonly text: string }
  | { readonly kind: 'nested'; readonly parts: readonly number[]; readonly text: string }
  | { readonly kind: 'roman'; readonly value: number; readonly text: string }
  | { readonly kind: 'letter'; readonly value: number; readonly text: string; readonly upper: boolean };

/** Reads a row-number cell, or null when it is not one. */
export function rowNumber(text: string): RowNumber | null {
  const t = text.trim().replace(/[.)]$/, '');
  if (t === '') return null;
  if (/^\d{1,4}$/.test(t)) return { kind: 'arabic', value: Number(t), text: t };
  if (/^\d{1,3}(?:\.\d{1,3})+$/.test(t)) return { kind: 'nested', parts: t.split('.').map(Number), text: t };
  if (ROMAN.test(t) && (t.length > 1 || t === 'I' || t === 'V' || t === 'X')) return { kind: 'roman', value: romanValue(t), text: t };
  if (/^[A-Za-zĐđ]$/.test(t)) return { kind: 'letter', value: t.toUpperCase().charCodeAt(0) - 64, text: t, upper: t === t.toUpperCase() };
  return null;
}

function romanValue(t: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const a = v[t[i]!]!;
    const b = i + 1 < t.length ? v[t[i + 1]!]! : 0;
    total += a < b ? -a : a;
  }
  return total;
}
