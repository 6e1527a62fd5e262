import type { AreaRate } from '../areas/areaFigures.js';
import type { DecimalsOptions } from '../numbers/rounding.js';

/** A count and its rate (count ÷ the row's base × 100, rounded once; null for an empty base). */
export interface ReportCell {
  readonly count: number;
  readonly rate: AreaRate | null;
}

/** Options of the report builders: the rounding of the rates (official reports: 2 decimals, half-up). */
export type ReportOptions = DecimalsOptions;
