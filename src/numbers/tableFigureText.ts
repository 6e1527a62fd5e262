/**
 * How official tables print figures that are not plain digits, made plain before a cell is read:
 * thousands grouped by spaces (`1 010`, `12 345 678`, with a space, a no-break space or a narrow
 * no-break space: what Word and some spreadsheets export) regrouped by `.`, a footnote mark
 * after the figure (`10*`, `10**`, `10 (*)`, `430(1)`, `125¹`: one digit in brackets or raised)
 * set apart, a count's unit after it (`120 hộ`, `2.455 người`: the column's unit printed in each
 * cell) set apart, and a figure in brackets (`(48)`, `(1.234,5)`) read as negative, as accounts print a
 * fall. Anything else is returned as it is, so the number reader still refuses what it cannot read.
 */
export interface TableFigureText {
  /** The figure's text, the Vietnamese way (`1.010`, `10`). */
  readonly text: string;
  /** The footnote mark printed after it (`*`, `(*)`, `(1)`, `¹`), or null. */
  readonly mark: string | null;
  /** The count's unit printed after it (`hộ`, `người`), or null. */
  readonly unit?: string;
}

const SPACE_GROUPED = /^([-−]?\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(,\d+)?(\s*%)?$/u;
const FOOTNOTE_MARK = /^(.*\d%?)\s*(\*{1,3}|\(\*{1,3}\)|\(\d\)|[¹²³⁴⁵⁶⁷⁸⁹])$/u;
/** A figure followed by the unit of what it counts: `120 hộ`, `2.455 người`, `12 xã`, `35 lượt người`. */
const COUNT_UNIT = /^([-−]?\d[\d.,  ]*)\s+(hộ|người|nhân khẩu|khẩu|lượt người|lượt|lao động|xã|thôn|bản|căn)$/u;
/** A figure in brackets, the accounts' negative: `(48)`, `(1.234,5)`, `(2,5%)`. */
const BRACKETED = /^\(\s*(\d[\d.,  ]*%?)\s*\)$/u;

/**
 * A table cell's figure text with space grouping and a trailing footnote mark made plain.
 * @example
 * tableFigureText('1 010').text //=> '1.010'
 * tableFigureText('10*') //=> { text: '10', mark: '*' }
 * tableFigureText('430(1)') //=> { text: '430', mark: '(1)' }
 * tableFigureText('(48)').text //=> '-48'
 * tableFigureText('120 hộ') //=> { text: '120', mark: null, unit: 'hộ' }
 * tableFigureText('Xã A').text //=> 'Xã A'
 */
export function tableFigureText(text: string): TableFigureText {
  let t = text.trim();
  let mark: string | null = null;
  const m = FOOTNOTE_MARK.exec(t);
  if (m !== null) {
    t = m[1]!.trim();
    mark = m[2]!;
  }
  const u = COUNT_UNIT.exec(t.normalize('NFC'));
  if (u !== null) return { ...tableFigureText(u[1]!), unit: u[2]! };
  const b = BRACKETED.exec(t);
  if (b !== null) t = `-${b[1]!.trim()}`;
  const g = SPACE_GROUPED.exec(t);
  if (g !== null) t = `${g[1]}${g[2]!.replace(/[ \u00a0\u202f]/gu, '.')}${g[3] ?? ''}${g[4] ?? ''}`;
  return { text: t, mark };
}

/**
 * Whether a cell's text says "no figure" the way statistical tables do: `-`, `–`, `—` (nothing),
 * `x` / `X` (not applicable), `...` / `…` (no data).
 * @example
 * isNoFigureText(' x ') //=> true
 * isNoFigureText('0') //=> false
 */
export function isNoFigureText(text: string): boolean {
  return NO_FIGURE.has(text.trim());
}

const NO_FIGURE = new Set(['-', '–', '—', 'x', 'X', '...', '…']);
