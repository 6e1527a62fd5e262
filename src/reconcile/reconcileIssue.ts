import { roundFraction, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import type { CellRef, RelationType } from './printedTable.js';

/** How serious a finding is. */
export type ReconcileSeverity = 'error' | 'rounding';

/**
 * A common shortcut that explains a printed value which is not the exact one:
 * - `'difference-of-rounded-rates'`: a rate obtained by subtracting rounded rates
 *   (remaining = start rate − exit rate, each already rounded), instead of from counts;
 * - `'sum-of-rounded-rates'`: a rate obtained by adding rounded rates;
 * - `'truncated'`: the rate cut off instead of rounded;
 * - `'rounded-parts'`: a total of parts that were themselves rounded for print.
 */
export type ReconcileShortcut = 'difference-of-rounded-rates' | 'sum-of-rounded-rates' | 'truncated' | 'rounded-parts';

/** What kind of finding an issue is. */
export type ReconcileIssueCode =
  | 'sum-mismatch'
  | 'difference-mismatch'
  | 'rate-mismatch'
  | 'product-mismatch'
  | 'inequality-broken'
  | 'out-of-bounds'
  | 'no-common-base'
  | 'unparseable-cell'
  | 'blank-cell'
  | 'non-positive-base'
  | 'skipped-row-number'
  | 'duplicate-row-number'
  | 'row-number-out-of-order'
  | 'wrong-field-count'
  | 'shifted-row'
  | 'invalid-role'
  | (string & {});

/** A cell of the printed grid a table was read from: 0-based row and column (see `tableFromSpec`). */
export interface GridRef {
  readonly row: number;
  readonly column: number;
}

/** One printed cell that does not reconcile. JSON-friendly: every field is a string, number, boolean, null or array of those. */
export interface ReconcileIssue {
  readonly code: ReconcileIssueCode;
  readonly severity: ReconcileSeverity;
  /** The row as printed (its label), or the headline's name. */
  readonly row: string;
  /** The row's key in the table (e.g. its CSV line number). */
  readonly rowKey: string;
  /** The column key. */
  readonly column: string;
  /** The relation checked (`null` for a cell that cannot be read, or a structural finding). */
  readonly relation: RelationType | null;
  /** The relation written out, e.g. `'poor_end = poor_start − poor_exit'`. */
  readonly relationText: string;
  /** The value as printed. */
  readonly printed: string;
  /**
   * What should have been printed (same decimals as the printed cell), or null. When a figure
   * of the relation is approximate, the interval the other figures allow (`'571,9–572,4'`).
   */
  readonly expected: string | null;
  /** The exact expected value: a terminating decimal, or `num/den` (for an interval, its ends joined by `–`); null when unknown. */
  readonly expectedExact: string | null;
  /** printed − expected, as a plain decimal string (for an interval, the least distance, signed); null when unknown. */
  readonly difference: string | null;
  /** For `rounding` issues, the shortcut that produces the printed value. */
  readonly shortcut: ReconcileShortcut | null;
  /** Every cell the relation involves (the checked cell first). */
  readonly cells: readonly CellRef[];
  /** Where the checked cell is in the printed grid, when the table was read from one (`tableFromSpec`); else null. */
  readonly grid: GridRef | null;
  /** One readable sentence. */
  readonly message: string;
}

/** Result of {@link reconcileTable}. */
export interface ReconcileReport {
  /** True when no issue has severity `error` (`rounding` findings alone leave it true). */
  readonly ok: boolean;
  /** Every finding, in row then column order. */
  readonly issues: readonly ReconcileIssue[];
  /** How many cell checks were made. */
  readonly checked: number;
  readonly errors: number;
  readonly roundings: number;
}

/** A fraction as a terminating decimal, or `num/den`. @internal */
export function fractionText(f: Fraction): string {
  let d = f.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) return `${f.num}/${f.den}`;
  let places = 0;
  while ((f.num * 10n ** BigInt(places)) % f.den !== 0n) places++;
  const scaled = (f.num * 10n ** BigInt(places)) / f.den;
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  return neg ? `-${text}` : text;
}

/** A plain decimal for JSON: exact when it terminates, else to `decimals` + 6 places. @internal */
export function plainDecimal(f: Fraction, decimals: number): string {
  return fractionText(f).includes('/') ? roundFraction(f, decimals + 6, 'half-even').toFixed() : fractionText(f);
}

/** A difference with its sign, the vi-VN way (`+0,30`). @internal */
export function formatSigned(f: Fraction, decimals: number): string {
  const text = formatVnNumber(f, { decimals, rounding: 'half-up' });
  return f.num > 0n ? `+${text}` : text;
}

/**
 * An expected figure written as the printed one is: with its percent sign when the cell prints one
 * (“printed 15,35%, expected 12,76%”), so that a message shows both figures in one format.
 * @example
 * likePrinted('12,76', '15,35%') //=> '12,76%'
 * likePrinted('12,76', '15,35') //=> '12,76'
 * @internal
 */
export function likePrinted(expected: string, printed: string): string {
  return /%\s*$/.test(printed) && !/%\s*$/.test(expected) ? `${expected}%` : expected;
}
