import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The library's own Decimal constructor, cloned so that no setting of ours
 * leaks into (or is changed by) a caller's decimal.js. Nothing calls `Decimal.set`.
 *
 * Precision is generous (60 significant digits) because every value that must be
 * exact is computed with `Fraction` or bigint and only converted at the end.
 * @example
 * new Decimal('0.1').plus('0.2').toString() //=> '0.3'
 */
export const Decimal: typeof DecimalJs = /* @__PURE__ */ DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
/** Instance type of {@link Decimal}. */
export type Decimal = DecimalJs;
