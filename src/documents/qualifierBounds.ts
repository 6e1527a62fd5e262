import { deepFreeze } from '../_internal/_freeze.js';
import * as z from 'zod';

/**
 * How a one-sided qualifier of the prose bounds a round figure on its other side:
 * - `'round-figure'` — “hơn 830 tỷ đồng” is more than 830 and less than 840: a writer rounds down to
 *   the figure's last significant digit (830: tens; 1.000: thousands; 5: units), so the figure
 *   is under the next value at that place. “dưới 500 hộ” is likewise above 400. A figure that is
 *   not round (“hơn 835 tỷ”: its last digit is not a zero, and it has more than one significant
 *   digit) is not bounded.
 * - `'unbounded'` — “hơn 830” is any value above 830.
 */
export type BoundRule = 'round-figure' | 'unbounded';

/** The bounds of {@link BoundRule} for “hơn/trên X” and for “dưới X”, for amounts (money, counts) and for rates (percentages). */
export interface QualifierBounds {
  readonly moreThan: { readonly amounts: BoundRule; readonly rates: BoundRule };
  readonly lessThan: { readonly amounts: BoundRule; readonly rates: BoundRule };
}

/**
 * The library's reading of one-sided qualifiers in a plan's prose (not a rule of law; override it
 * with `checkDocument`'s `bounds`): “hơn/trên X” of a round amount is under the next value at its
 * last significant digit (“hơn 830 tỷ” is 830–840); rates (“giảm trên 1%/năm”, often a target
 * that may be beaten by far) and “dưới X” (a ceiling: “còn dưới 500 hộ nghèo”) are unbounded.
 * @example
 * DEFAULT_QUALIFIER_BOUNDS.moreThan //=> { amounts: 'round-figure', rates: 'unbounded' }
 */
export const DEFAULT_QUALIFIER_BOUNDS: QualifierBounds = deepFreeze({
  moreThan: { amounts: 'round-figure', rates: 'unbounded' },
  lessThan: { amounts: 'unbounded', rates: 'unbounded' },
});

const rule = z.enum(['round-figure', 'unbounded']);
const side = z.object({ amounts: rule.optional(), rates: rule.optional() }).strict();
/**
 * Schema of a partial {@link QualifierBounds}, as options take it.
 * @example
 * qualifierBoundsSchema.parse({ moreThan: { amounts: 'unbounded' } }) //=> { moreThan: { amounts: 'unbounded' } }
 */
export const qualifierBoundsSchema = z.object({ moreThan: side.optional(), lessThan: side.optional() }).strict();
