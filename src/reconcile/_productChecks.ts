/** Products of two columns (an amount = households × the amount per household), checked row by row, exactly. */
import { compareFractions, fraction, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { roundQuotient, type RoundingMode } from '../numbers/rounding.js';
import type { CheckContext, Indexed } from './_checkContext.js';
import type { CellRef, TableRelation } from './printedTable.js';
import { formatSigned, fractionText, plainDecimal } from './reconcileIssue.js';

/** One product to check: `target = round(factors[0] × factors[1])` to the target's printed decimals. */
export interface ProductCheck {
  readonly kind: 'product';
  readonly target: CellRef;
  readonly factors: readonly [CellRef, CellRef];
  readonly rounding: RoundingMode;
}

/** The product checks a relation declares (none for other kinds of relation). */
export function productChecks(rel: TableRelation, ix: Indexed): ProductCheck[] {
  if (rel.type !== 'product') return [];
  return (rel.rows ?? ix.table.rows.map((r) => r.key)).map((row) => ({
    kind: 'product',
    target: { row, column: rel.column },
    factors: [{ row, column: rel.factors[0] }, { row, column: rel.factors[1] }],
    rounding: rel.rounding,
  }));
}

/** `value` rounded to `decimals` places with `rounding`, as a fraction. */
function roundedTo(value: Fraction, decimals: number, rounding: RoundingMode): Fraction {
  const scale = 10n ** BigInt(decimals);
  return fraction(roundQuotient(value.num * scale, value.den, rounding), scale);
}

/**
 * Checks one product; pushes a finding at the target when the printed figure is neither the exact
 * product nor the product rounded to the decimals printed. Figures that are not exact (qualified,
 * “khoảng”) are not checked.
 */
export function checkProduct(check: ProductCheck, ctx: CheckContext): void {
  const refs = [check.target, ...check.factors];
  const values = ctx.readAll(refs);
  if (values === null || values.some((v) => !v.exact)) return;
  const [printed, a, b] = values as [typeof values[0], typeof values[0], typeof values[0]];
  const product = multiplyFractions(a.f, b.f);
  if (compareFractions(printed.f, product) === 0) return;
  const expected = roundedTo(product, printed.decimals, check.rounding);
  if (compareFractions(printed.f, expected) === 0) return;
  const { label, read } = ctx;
  const relationText = `${check.target.column} = ${check.factors[0].column} × ${check.factors[1].column} (${check.rounding}, to the decimals printed)`;
  const diff = subtractFractions(printed.f, expected);
  const expectedText = formatVnNumber(expected, { decimals: printed.decimals, rounding: check.rounding });
  const exact = fractionText(product) === fractionText(expected) ? '' : `${read(check.factors[0]).text} × ${read(check.factors[1]).text} = ${formatVnNumber(product, { decimals: Math.max(printed.decimals, a.decimals + b.decimals), rounding: 'half-up' })}, ${check.rounding}; `;
  ctx.push({
    code: 'product-mismatch',
    severity: 'error',
    row: label(check.target.row),
    rowKey: check.target.row,
    column: check.target.column,
    relation: 'product',
    relationText,
    printed: read(check.target).text,
    expected: expectedText,
    expectedExact: fractionText(expected),
    difference: plainDecimal(diff, printed.decimals),
    shortcut: null,
    cells: refs,
    message: `${label(check.target.row)} · ${check.target.column}: printed ${read(check.target).text}, expected ${expectedText} (${exact}${relationText}), difference ${formatSigned(diff, printed.decimals)}`,
  });
}
