/**
 * Figures of a register that are readable but implausible: a household of hundreds of members,
 * an income of a few thousand đồng in a column of đồng. They are not provably wrong, so they are
 * read as written and every status stays as they give it; the reader says so once per column,
 * naming the rows, so that a typing slip or a unit slip is seen before the list is signed.
 */
import { fail } from '../errors/VnPovertyError.js';

/**
 * More members than this in one household is said in a note. Vietnam's households average 3.5
 * persons (Tổng điều tra dân số và nhà ở 2019) and a register of the review counts one family
 * per household: a count over 50 is most likely a slip (25 → 250) or a group's total typed on a
 * household's row. Override with `plausibleBounds.maxMembers`.
 * @example
 * MAX_PLAUSIBLE_MEMBERS //=> 50
 */
export const MAX_PLAUSIBLE_MEMBERS = 50;

/**
 * An income above 0 and under this many đồng a person a month, read from a column of đồng, is
 * said in a note. The lowest income line is 1.500.000 đồng a person a month (NĐ 07/2021/NĐ-CP,
 * Art. 3 cl. 1(a)); a few thousand đồng is no household's income but a figure in nghìn đồng under
 * a header that says đồng (1.500 for 1.500.000). Override with `plausibleBounds.minDongFigure`.
 * @example
 * MIN_PLAUSIBLE_DONG_FIGURE //=> 10000
 */
export const MIN_PLAUSIBLE_DONG_FIGURE = 10_000;

/** The bounds a register's figures are compared with (`readRegisterBatches`' `plausibleBounds`). */
export interface PlausibleBounds {
  /** Most members a household is expected to have (default {@link MAX_PLAUSIBLE_MEMBERS}). */
  readonly maxMembers?: number;
  /** Least income above 0, in đồng a person a month, a column of đồng is expected to give (default {@link MIN_PLAUSIBLE_DONG_FIGURE}). */
  readonly minDongFigure?: number;
}

/** Rows listed in a note; the others are counted. */
const LISTED = 10;

/** The rows of one column whose figures are out of bounds, with the figures as read. @internal */
export class OutOfBounds {
  private readonly rows: Array<readonly [number, number]> = [];
  private n = 0;

  add(row: number, figure: number): void {
    this.n++;
    if (this.rows.length < LISTED) this.rows.push([row, figure]);
  }

  /** The note, or undefined when no figure was out of bounds. `what(n)` words the figures (“2 households of more than 50 members”), `unit` follows each figure listed. */
  note(where: string, what: (n: number) => string, advice: string, unit = ''): string | undefined {
    if (this.n === 0) return undefined;
    const listed = this.rows.map(([row, figure]) => `row ${row}: ${groupDigits(figure)}${unit}`).join(', ');
    return `${where}: ${what(this.n)} (${listed}${this.n > this.rows.length ? `, and ${this.n - this.rows.length} more` : ''}), read as written, no status changed: ${advice}`;
  }
}

/** 4500 → “4.500”, as a Vietnamese reader writes it (whole numbers; a fraction keeps its comma). @internal */
export function groupDigits(n: number): string {
  const [whole, frac] = String(n).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac !== undefined ? `,${frac}` : ''}`;
}

/**
 * The bounds with their defaults. @internal
 * @throws VnPovertyError `invalid-option` for a bound that is not a number of at least 1 member or 0 đồng.
 */
export function plausibleBoundsOf(bounds: PlausibleBounds | undefined): { readonly maxMembers: number; readonly minDongFigure: number } {
  const maxMembers = bounds?.maxMembers ?? MAX_PLAUSIBLE_MEMBERS;
  const minDongFigure = bounds?.minDongFigure ?? MIN_PLAUSIBLE_DONG_FIGURE;
  if (typeof maxMembers !== 'number' || !(maxMembers >= 1) || !Number.isFinite(maxMembers)) fail({ code: 'invalid-option', path: ['plausibleBounds', 'maxMembers'], value: maxMembers, expected: 'a number of members of 1 or more' });
  if (typeof minDongFigure !== 'number' || !(minDongFigure >= 0) || !Number.isFinite(minDongFigure)) fail({ code: 'invalid-option', path: ['plausibleBounds', 'minDongFigure'], value: minDongFigure, expected: 'a number of đồng of 0 or more' });
  return { maxMembers, minDongFigure };
}
