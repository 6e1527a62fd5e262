/**
 * Long results tables: one row per measure × population × indicator, the shape analysts get
 * from mpitbR (`lframe`), convey or Stata, ready to write to CSV or XLSX (`writeLongTable` in
 * `vn-poverty/io`).
 */
import type { Decimal } from '../_internal/_decimal.js';
import { fractionToDecimal, type Fraction } from '../numbers/fraction.js';

/** One row of a long results table. */
export interface LongTableRow {
  /** The measure: `'H'`, `'A'`, `'M0'`, `'hd'` (uncensored headcount ratio), `'hdk'` (censored), `'actb'`, `'pctb'`, `'fgt0'`, `'watts'`, `'sen'`, `'gini'`… */
  readonly measure: string;
  /** `'nat'` for the whole population, else the grouping's name (`'area'`, `'area × region'`). */
  readonly level: string;
  /** The subgroup's label (null at the national level). */
  readonly group: string | null;
  /** The poverty cutoff k in percent (33 for k = 33 %), as mpitbR; null for measures without k. */
  readonly k: Fraction | null;
  /** The indicator id for indicator measures, else null. */
  readonly indicator: string | null;
  /** The round (`'1'`), or the two rounds of a change (`'1 → 2'`); null for a single cross-section. */
  readonly round: string | null;
  /** `'absolute'` or `'relative'` for a change between rounds (relative as a share, not percent), else null. */
  readonly change: 'absolute' | 'relative' | null;
  /** The exact estimate (null when undefined, e.g. A with nobody poor; and for irrational measures). */
  readonly estimate: Fraction | null;
  /** The estimate as a Decimal (exact when it terminates, else 40 significant digits); null when undefined. */
  readonly estimateDecimal: Decimal | null;
  /** Linearised standard error (null without a design). */
  readonly se: Decimal | null;
  readonly ciLower: Decimal | null;
  readonly ciUpper: Decimal | null;
  /** Units (rows) in the population. */
  readonly n: number;
  /** Weighted population. */
  readonly population: Fraction;
}

/** A frozen long table. */
export type LongTable = ReadonlyArray<LongTableRow>;

/** A row with defaults for the optional columns (internal helper of the measures). */
export function longRow(fields: Omit<LongTableRow, 'estimateDecimal' | 'se' | 'ciLower' | 'ciUpper' | 'round' | 'change' | 'k' | 'indicator' | 'group'> & Partial<LongTableRow>): LongTableRow {
  return {
    measure: fields.measure,
    level: fields.level,
    group: fields.group ?? null,
    k: fields.k ?? null,
    indicator: fields.indicator ?? null,
    round: fields.round ?? null,
    change: fields.change ?? null,
    estimate: fields.estimate,
    estimateDecimal: fields.estimateDecimal ?? (fields.estimate === null ? null : fractionToDecimal(fields.estimate)),
    se: fields.se ?? null,
    ciLower: fields.ciLower ?? null,
    ciUpper: fields.ciUpper ?? null,
    n: fields.n,
    population: fields.population,
  };
}
