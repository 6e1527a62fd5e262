/**
 * Figures of a register that are readable but implausible: a household of hundreds of members,
 * an income of a few thousand đồng a person a month, or of billions. They are not provably
 * wrong, so they are read as written and every status stays as they give it; the reader says so once per column,
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
 * An income above 0 and under this many đồng a person a month, read from a column in any unit
 * (after its unit and period are applied), is said in a note. The lowest income line is
 * 1.500.000 đồng a person a month (NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(a)); a few thousand đồng is no
 * household's income but a figure in nghìn đồng under a header that says đồng (1.500 for
 * 1.500.000), or in triệu đồng under a nghìn đồng header. Override with
 * `plausibleBounds.minDongFigure`.
 * @example
 * MIN_PLAUSIBLE_DONG_FIGURE //=> 10000
 */
export const MIN_PLAUSIBLE_DONG_FIGURE = 10_000;

/**
 * An income over this many đồng a person a month, read from a column in any unit (after its unit
 * and period are applied), is said in a note. Vietnam's richest fifth of households earned
 * 10,23 triệu đồng a person a month on average in 2022 (nhóm 5, Kết quả Khảo sát mức sống dân cư
 * năm 2022, Tổng cục Thống kê; the average of all households 4,67 triệu), and a register of the
 * poverty review lists households near the lines (1,5 to 2,25 triệu đồng): 100 triệu đồng a person
 * a month, about ten times the richest fifth's average, is no such household's income but a
 * figure in đồng under a header that says nghìn đồng (1.800.000 read as 1,8 tỷ đồng) or triệu
 * đồng. Every real income above 100.000 đồng a person a month typed in đồng under a nghìn đồng
 * header is past it. Override with `plausibleBounds.maxDongFigure`.
 * @example
 * MAX_PLAUSIBLE_DONG_FIGURE //=> 100000000
 * @see Tổng cục Thống kê, Kết quả Khảo sát mức sống dân cư Việt Nam năm 2022 (thu nhập bình quân đầu người một tháng theo 5 nhóm thu nhập).
 */
export const MAX_PLAUSIBLE_DONG_FIGURE = 100_000_000;

/** The bounds a register's figures are compared with (`readRegisterBatches`' `plausibleBounds`). */
export interface PlausibleBounds {
  /** Most members a household is expected to have (default {@link MAX_PLAUSIBLE_MEMBERS}). */
  readonly maxMembers?: number;
  /** Least income above 0, in đồng a person a month after the column's unit and period are applied, a column is expected to give (default {@link MIN_PLAUSIBLE_DONG_FIGURE}). */
  readonly minDongFigure?: number;
  /** Most income, in đồng a person a month after the column's unit and period are applied, a column is expected to give (default {@link MAX_PLAUSIBLE_DONG_FIGURE}). */
  readonly maxDongFigure?: number;
}

/** The bounds with their defaults. @internal */
export interface PlausibleBoundsOf {
  readonly maxMembers: number;
  readonly minDongFigure: number;
  readonly maxDongFigure: number;
}

/** Rows listed in a note; the others are counted. */
const LISTED = 10;

/** The rows of one column out of bounds: the first {@link LISTED} with their figures, and how many in all (plain data: a piece of the parallel path sends it). @internal */
export interface OutOfBoundsTally {
  readonly rows: ReadonlyArray<readonly [number, number]>;
  readonly n: number;
}

/** The rows of one column whose figures are out of bounds, with the figures as read. @internal */
export class OutOfBounds {
  private readonly rows: Array<readonly [number, number]> = [];
  private n = 0;

  add(row: number, figure: number): void {
    this.n++;
    if (this.rows.length < LISTED) this.rows.push([row, figure]);
  }

  /** Adds the rows of another tally (a later piece of the file), moved down by `shift` rows. */
  addTally(t: OutOfBoundsTally, shift = 0): void {
    for (const [row, figure] of t.rows) if (this.rows.length < LISTED) this.rows.push([row + shift, figure]);
    this.n += t.n;
  }

  tally(): OutOfBoundsTally {
    return { rows: this.rows.slice(), n: this.n };
  }

  /** The note, or undefined when no figure was out of bounds. `what(n)` words the figures (“2 households of more than 50 members”), `unit` follows each figure listed. */
  note(where: string, what: (n: number) => string, advice: string, unit = ''): string | undefined {
    if (this.n === 0) return undefined;
    const listed = this.rows.map(([row, figure]) => `row ${row}: ${groupDigits(figure)}${unit}`).join(', ');
    return `${where}: ${what(this.n)} (${listed}${this.n > this.rows.length ? `, and ${this.n - this.rows.length} more` : ''}), read as written, no status changed: ${advice}`;
  }
}

/** What the notes on a register's bounds name: its label, the members' and the income's columns, the bounds (plain data). @internal */
export interface BoundsNoteContext {
  readonly label: string | undefined;
  /** 0-based column of the member count (or ages) and its header. */
  readonly membersAt: number;
  readonly membersHeader: string;
  /** The income column (1-based `column`), or null for a register of scores alone. */
  readonly income: { readonly column: number; readonly header: string; readonly unit: 'dong' | 'nghin' | 'trieu' | 'ty'; readonly period: 'month' | 'year'; readonly perPerson: boolean } | null;
  readonly bounds: PlausibleBoundsOf;
}

/** A register's households out of bounds, by kind. @internal */
export interface BoundsTallies {
  readonly manyMembers: OutOfBoundsTally;
  readonly littleIncome: OutOfBoundsTally;
  readonly largeIncome: OutOfBoundsTally;
}

const UNIT_WORDS = { dong: 'đồng', nghin: 'nghìn đồng', trieu: 'triệu đồng', ty: 'tỷ đồng' } as const;
/** Each unit's đồng, as the advice prints it. */
const TIMES = { dong: '1', nghin: '1.000', trieu: '1.000.000', ty: '1.000.000.000' } as const;

/** An income header in `unit` with the column's period and per-person reading, as the advice proposes it (“Thu nhập bình quân (đồng/người/tháng)”). */
function headerIn(income: NonNullable<BoundsNoteContext['income']>, unit: keyof typeof UNIT_WORDS): string {
  const period = income.period === 'year' ? 'năm' : 'tháng';
  return income.perPerson ? `Thu nhập bình quân (${UNIT_WORDS[unit]}/người/${period})` : `Thu nhập (${UNIT_WORDS[unit]}/${period})`;
}

/**
 * The notes on a register's figures out of the plausible bounds, one per column and kind, in the
 * order members, little income, large income (the one-process reader and the parallel path give
 * the same text from the same tallies). @internal
 */
export function boundsNotes(c: BoundsNoteContext, t: BoundsTallies): string[] {
  const notes: string[] = [];
  const where = (at: number, header: string): string => `${c.label !== undefined ? `${c.label}, ` : ''}column ${at + 1} (${header})`;
  const { maxMembers, minDongFigure, maxDongFigure } = c.bounds;
  const households = (n: number): string => `${n} household${n > 1 ? 's' : ''}`;
  const tally = (x: OutOfBoundsTally): OutOfBounds => {
    const o = new OutOfBounds();
    o.addTally(x);
    return o;
  };
  const many = tally(t.manyMembers).note(
    where(c.membersAt, c.membersHeader),
    (n) => `${households(n)} of more than ${maxMembers} members`,
    `check the figure (a typing slip, a group's total on a household's row?); the bound is the option plausibleBounds.maxMembers`,
  );
  if (many !== undefined) notes.push(many);
  const income = c.income;
  if (income === null) return notes;
  const at = where(income.column - 1, income.header);
  const unit = income.unit;
  const littleAdvice =
    unit === 'dong'
      ? `a column of đồng that holds nghìn đồng reads 1.000 times too little: if so, name the unit in its header (“Thu nhập/tháng (nghìn đồng)”)`
      : unit === 'nghin'
        ? `a column of nghìn đồng that holds triệu đồng reads 1.000 times too little (1,8 for 1.800): if so, name the unit in its header (“${headerIn(income, 'trieu')}”)`
        : `a decimal comma in the wrong place (0,0018 for 1,8) reads 1.000 times too little: check the figures`;
  const little = tally(t.littleIncome).note(at, (n) => `${households(n)} with an income under ${groupDigits(minDongFigure)} đồng a person a month`, `${littleAdvice}; the bound is the option plausibleBounds.minDongFigure`, ' đồng a month for the household');
  if (little !== undefined) notes.push(little);
  const largeAdvice =
    unit === 'dong'
      ? `a typing slip (a figure with zeros too many, a yearly figure under a monthly header, a commune's total on a household's row?): check the figures`
      : `a column headed ${UNIT_WORDS[unit]} that holds đồng reads ${TIMES[unit]} times too much${unit === 'nghin' ? '' : ` (${unit === 'trieu' ? '1.000' : '1.000.000'} times if it holds nghìn đồng)`}: if so, name the unit the figures are in in its header (“${headerIn(income, 'dong')}”)`;
  const large = tally(t.largeIncome).note(at, (n) => `${households(n)} with an income over ${groupDigits(maxDongFigure)} đồng a person a month`, `${largeAdvice}; the bound is the option plausibleBounds.maxDongFigure`, ' đồng a month for the household');
  if (large !== undefined) notes.push(large);
  return notes;
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
export function plausibleBoundsOf(bounds: PlausibleBounds | undefined): PlausibleBoundsOf {
  const maxMembers = bounds?.maxMembers ?? MAX_PLAUSIBLE_MEMBERS;
  const minDongFigure = bounds?.minDongFigure ?? MIN_PLAUSIBLE_DONG_FIGURE;
  const maxDongFigure = bounds?.maxDongFigure ?? MAX_PLAUSIBLE_DONG_FIGURE;
  if (typeof maxMembers !== 'number' || !(maxMembers >= 1) || !Number.isFinite(maxMembers)) fail({ code: 'invalid-option', path: ['plausibleBounds', 'maxMembers'], value: maxMembers, expected: 'a number of members of 1 or more' });
  if (typeof minDongFigure !== 'number' || !(minDongFigure >= 0) || !Number.isFinite(minDongFigure)) fail({ code: 'invalid-option', path: ['plausibleBounds', 'minDongFigure'], value: minDongFigure, expected: 'a number of đồng of 0 or more' });
  if (typeof maxDongFigure !== 'number' || !(maxDongFigure >= 0) || !Number.isFinite(maxDongFigure)) fail({ code: 'invalid-option', path: ['plausibleBounds', 'maxDongFigure'], value: maxDongFigure, expected: 'a number of đồng of 0 or more' });
  return { maxMembers, minDongFigure, maxDongFigure };
}
