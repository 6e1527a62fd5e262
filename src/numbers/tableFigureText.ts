/**
 * How official tables print figures that are not plain digits, made plain before a cell is read:
 * thousands grouped by spaces (`1 010`, `12 345 678`, with a space, a no-break space or a narrow
 * no-break space: what Word and some spreadsheets export) regrouped by `.`, and a footnote mark
 * after the figure (`10*`, `10**`, `10 (*)`) set apart. Anything else is returned as it is, so the
 * number reader still refuses what it cannot read.
 */
export interface TableFigureText {
  /** The figure's text, the Vietnamese way (`1.010`, `10`). */
  readonly text: string;
  /** The footnote mark printed after it (`*`, `(*)`), or null. */
  readonly mark: string | null;
}

const SPACE_GROUPED = /^([-−]?\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(,\d+)?(\s*%)?$/u;
const FOOTNOTE_MARK = /^(.*\d%?)\s*(\*{1,3}|\(\*{1,3}\))$/u;

/**
 * A table cell's figure text with space grouping and a trailing footnote mark made plain.
 * @example
 * tableFigureText('1 010').text //=> '1.010'
 * tableFigureText('10*') //=> { text: '10', mark: '*' }
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
