import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { apportion } from '../numbers/apportion.js';
import { sumFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { DONG_PER_UNIT, MONEY_UNITS, type Dong, type MoneyUnit } from '../numbers/money.js';
import { assertRoundingMode, type RoundingMode, type RoundingOptions } from '../numbers/rounding.js';
import { percentOf, roundToUnit } from './_counterpart.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * Where a derived column is rounded:
 * - `'per-line'`: each line is rounded on its own and the total is the sum of the rounded lines
 *   (what most plans print; the total may differ from the rounded exact total);
 * - `'on-total'`: the exact total is rounded once, then split back over the lines by largest
 *   remainder (`apportion`), so the lines still add up to it.
 */
export type CounterpartRoundingStrategy = 'per-line' | 'on-total';

/** Options of {@link deriveCounterpart}. */
export interface DeriveCounterpartOptions extends RoundingOptions {
  /** The counterpart as a percentage of central, e.g. `'10'` (≥ 0). */
  readonly percent: ExactInput;
  /** The unit every derived amount is a whole number of, e.g. `'trieu'` (whole million đồng). */
  readonly roundTo: MoneyUnit;
  /** Which rounding the main result (`lines`, `total`) uses; both are always reported. */
  readonly strategy: CounterpartRoundingStrategy;
}

/** One way of rounding a derived column. */
export interface RoundedColumn {
  /** The rounded amounts, in đồng, one per central line. */
  readonly lines: readonly Dong[];
  /** Their sum, in đồng (always exactly Σ lines). */
  readonly total: Dong;
}

/** Result of {@link deriveCounterpart}. */
export interface DerivedCounterpart extends RoundedColumn {
  readonly strategy: CounterpartRoundingStrategy;
  readonly percent: Fraction;
  readonly roundTo: MoneyUnit;
  readonly rounding: RoundingMode;
  /** The central column and its total, in đồng. */
  readonly central: readonly Dong[];
  readonly centralTotal: Dong;
  /** The exact counterpart of each line and of the total, in đồng, before rounding. */
  readonly exact: readonly Fraction[];
  readonly exactTotal: Fraction;
  /** Both roundings, whichever was chosen. */
  readonly perLine: RoundedColumn;
  readonly onTotal: RoundedColumn;
  /** perLine.total − onTotal.total, in đồng: what the choice of strategy changes. */
  readonly difference: Dong;
  /** central + counterpart per line (chosen strategy), and the grand total. */
  readonly rowTotals: readonly Dong[];
  readonly grandTotal: Dong;
}

/**
 * Derives a counterpart (or any) column from a central column at a fixed percentage, rounded
 * to whole `roundTo` units either per line or on the total, and reports both roundings and the
 * difference between them. Exact values are carried to the end; every total is exact.
 *
 * **To guarantee the counterpart never falls below a required minimum at that percentage, use
 * `rounding: 'ceil'`** (with either strategy): the total is then ≥ its exact value (per line, every
 * line is too; on the total, the lines are split by largest remainder and only the total is
 * guaranteed). Rounding to nearest (`'half-up'`, the usual print rule) can fall short by up to half
 * a unit per line.
 *
 * @param central - the central-budget amounts, in đồng (each ≥ 0)
 * @param options - percentage, unit to round to, rounding mode, strategy
 * @returns both rounded columns, the exact values, row totals and the difference, deep-frozen
 * @throws VnPovertyError `negative-amount`, `negative-percent`, `invalid-unit`, `invalid-rounding`, `invalid-strategy`.
 * @example
 * // Seed 001 (Tịnh Biên 2024): provincial budget = 10 % of central, per line, half-up to the million
 * const m = 1_000_000n;
 * deriveCounterpart([2293n * m, 948n * m, 1100n * m, 139n * m, 311n * m, 187n * m], { percent: '10', roundTo: 'trieu', rounding: 'half-up', strategy: 'per-line' }).lines
 * //=> [229n * m, 95n * m, 110n * m, 14n * m, 31n * m, 19n * m] (total 498 million)
 * @see QĐ 02/2022/QĐ-TTg (counterpart ratio); seed 001 lines 185–455.
 */
export function deriveCounterpart(central: readonly Dong[], options: DeriveCounterpartOptions): DerivedCounterpart {
  assertOptions(options, 'deriveCounterpart', true);
  const { rounding, roundTo, strategy } = options;
  assertRoundingMode(rounding);
  if (!MONEY_UNITS.includes(roundTo)) fail({ code: 'invalid-unit', path: ['roundTo'], value: roundTo, expected: `one of ${MONEY_UNITS.join(', ')}` });
  if (strategy !== 'per-line' && strategy !== 'on-total') fail({ code: 'invalid-strategy', path: ['strategy'], value: strategy, expected: "'per-line' or 'on-total'" });
  const percent = toFraction(options.percent, ['percent']);
  if (percent.num < 0n) fail({ code: 'negative-percent', path: ['percent'], value: String(options.percent), expected: 'a percentage ≥ 0' });
  if (!Array.isArray(central)) fail({ code: 'invalid-input', path: ['central'], value: central, expected: 'an array of amounts in đồng' });
  central.forEach((c, i) => {
    if (typeof c !== 'bigint') fail({ code: 'not-an-integer', path: ['central', i], value: c, expected: 'a whole number of đồng as a bigint' });
    if (c < 0n) fail({ code: 'negative-amount', path: ['central', i], value: c, expected: 'an amount ≥ 0' });
  });

  const exact = central.map((c) => percentOf(c, percent));
  const exactTotal = sumFractions(exact);
  const perLineLines = exact.map((e) => roundToUnit(e, roundTo, rounding));
  const per = DONG_PER_UNIT[roundTo];
  const onTotalTotal = roundToUnit(exactTotal, roundTo, rounding);
  const onTotalLines =
    central.length === 0 ? [] : apportion(onTotalTotal / per, exact).parts.map((p) => p * per);
  const perLine = { lines: perLineLines, total: perLineLines.reduce((a, b) => a + b, 0n) };
  const onTotal = { lines: onTotalLines, total: onTotalLines.reduce((a, b) => a + b, 0n) };
  const chosen = strategy === 'per-line' ? perLine : onTotal;
  const centralTotal = central.reduce((a, b) => a + b, 0n);
  return deepFreeze({
    strategy,
    percent,
    roundTo,
    rounding,
    central: [...central],
    centralTotal,
    exact,
    exactTotal,
    lines: chosen.lines,
    total: chosen.total,
    perLine,
    onTotal,
    difference: perLine.total - onTotal.total,
    rowTotals: central.map((c, i) => c + chosen.lines[i]!),
    grandTotal: centralTotal + chosen.total,
  });
}
