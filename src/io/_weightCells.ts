/**
 * The sampling-weight column of a survey file as exact decimal text: `12`, `1.25` and `1/3` as
 * written; the Vietnamese decimal comma (`1,25`, `1.234,5`) turned to a point when the column
 * shows it unambiguously. A bad cell is named by file, row and column, never by its position
 * among the rows kept. @internal
 */

/** A whole number, a decimal with a point, or a fraction: what the measures take as written. */
const PLAIN = /^(\d+(\.\d+)?|\d+\/\d+)$/;
/** A decimal comma, with or without dots grouping the thousands before it. */
const COMMA = /^(\d+|\d{1,3}(\.\d{3})+),\d+$/;
/** A comma before exactly three digits, no dot: `1,500` is 1,5 with a decimal comma or 1500 with a thousands comma. */
const TWO_WAYS = /^\d{1,3},\d{3}$/;

/** Reports one bad cell (as `readMeasuresData`'s `bad`). */
type Bad = (row: number, column: string, value: unknown, expected: string, code: string) => void;

/**
 * The weights of `cells` (each with its row in the file), as decimal text for `surveyDesign`.
 * Refused, naming the cell: a cell that is no number (`invalid-weight`); a column that marks
 * decimals with a comma in one cell and a point in another, or whose every comma is before three
 * digits (`1,500`), which reads two ways (`ambiguous-separator`, named once, at the first such cell).
 * @example
 * weightTexts([{ row: 2, raw: '1,25' }, { row: 3, raw: '0,5' }], 'w', () => {}) //=> ['1.25', '0.5']
 */
export function weightTexts(cells: ReadonlyArray<{ readonly row: number; readonly raw: string }>, column: string, bad: Bad): string[] {
  let commas = 0;
  let settled = false;
  let firstTwoWays: { readonly row: number; readonly raw: string } | undefined;
  let firstPoint: { readonly row: number; readonly raw: string } | undefined;
  for (const c of cells) {
    if (PLAIN.test(c.raw)) {
      if (c.raw.includes('.')) firstPoint ??= c;
    } else if (COMMA.test(c.raw)) {
      commas++;
      if (TWO_WAYS.test(c.raw)) firstTwoWays ??= c;
      else settled = true;
    } else {
      bad(c.row, column, c.raw, 'a sampling weight ≥ 0 written as a number: 12, 1.25, 1,25 (a decimal comma) or 1/3', 'invalid-weight');
    }
  }
  if (commas === 0) return cells.map((c) => c.raw);
  const firstComma = cells.find((c) => COMMA.test(c.raw))!;
  if (firstPoint !== undefined) {
    bad(firstComma.row, column, firstComma.raw, `one decimal mark in the whole column: this cell marks decimals with a comma, row ${firstPoint.row} (${firstPoint.raw}) with a point`, 'ambiguous-separator');
    return cells.map((c) => c.raw);
  }
  if (!settled && firstTwoWays !== undefined) {
    const [a, b] = firstTwoWays.raw.split(',') as [string, string];
    const decimal = `${a}.${b.replace(/0+$/, '') || '0'}`;
    bad(firstTwoWays.row, column, firstTwoWays.raw, `a weight that reads one way: ${firstTwoWays.raw} is ${decimal} with a decimal comma or ${a}${b} with a thousands comma, and no cell of the column tells which (write ${decimal} or ${a}${b})`, 'ambiguous-separator');
    return cells.map((c) => c.raw);
  }
  return cells.map((c) => (COMMA.test(c.raw) ? c.raw.replace(/\./g, '').replace(',', '.') : c.raw));
}
