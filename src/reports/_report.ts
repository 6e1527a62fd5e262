import { rateOf } from '../areas/areaFigures.js';
import { assertDecimals, assertRoundingMode } from '../numbers/rounding.js';
import type { ReportCell, ReportOptions } from './reportCell.js';

/** Checks the rounding options. @internal */
export function check(options: ReportOptions): void {
  assertDecimals(options.decimals);
  assertRoundingMode(options.rounding);
}

/** Groups items by a key, groups in order of first appearance. @internal */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const g = m.get(k);
    if (g === undefined) m.set(k, [t]);
    else g.push(t);
  }
  return m;
}

/** A count and its rate of a base. @internal */
export const cellOf = (n: number, base: number, options: ReportOptions): ReportCell => ({ count: n, rate: rateOf(n, base, options) });

/** The group or village of a household that records none. @internal */
export const NOT_RECORDED = '(not recorded)';
