import { addFractions, compareFractions, fraction, multiplyFractions, roundFraction, subtractFractions, toFraction, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { divideIntervals, formatInterval, intersectIntervals, interval, intervalGap, negateInterval, scaleInterval, sumIntervals, type Interval } from '../numbers/interval.js';
import { roundingPreimage } from '../numbers/printedInterval.js';
import { roundQuotient, type RoundingMode } from '../numbers/rounding.js';
import { keyList, refKey, type CheckContext, type Indexed, type Value } from './_checkContext.js';
import { isBlankText, type ReadCell } from './_printedCell.js';
import type { SumCheck } from './_sumChecks.js';
import { intervalText } from './_sumChecks.js';
import type { CellRef, TableRelation } from './printedTable.js';
import { formatSigned, fractionText, likePrinted, plainDecimal, type ReconcileShortcut } from './reconcileIssue.js';

/** One rate to check: target = round(Σ counts ÷ base × scale); an average has no base cell but a fixed divisor (the number of counts). */
export interface RateCheck {
  readonly kind: 'rate';
  readonly target: CellRef;
  readonly counts: readonly CellRef[];
  /** Cells taken from the counts (a growth: this year − last year); none for a plain rate. */
  readonly minus: readonly CellRef[];
  /** The base cell; several cells, summed (a row of means' rate of its rows' sums); or the fixed divisor of a mean. */
  readonly base: CellRef | { readonly cells: readonly CellRef[] } | { readonly divisor: bigint };
  readonly scale: bigint;
  readonly rounding: RoundingMode;
  readonly decimals: number | undefined;
}

/** A mean to check: `target = round((Σ counts − Σ minus) ÷ divisor)`, the divisor the number of counts unless told (a column's average, a row of means, a yearly reduction). */
function meanCheck(target: CellRef, counts: readonly CellRef[], rel: { readonly rounding: RoundingMode; readonly decimals?: number | undefined }, minus: readonly CellRef[] = [], over?: number): RateCheck {
  return { kind: 'rate', target, counts, minus, base: { divisor: BigInt(over ?? counts.length) }, scale: 1n, rounding: rel.rounding, decimals: rel.decimals };
}

/** The rate checks a relation declares. */
export function rateChecks(rel: TableRelation, ix: Indexed): RateCheck[] {
  if (rel.type === 'average') return (rel.rows ?? ix.table.rows.map((r) => r.key)).map((row) => meanCheck({ row, column: rel.column }, rel.parts.map((column) => ({ row, column })), rel, (rel.minus ?? []).map((column) => ({ row, column })), rel.over));
  if (rel.type === 'row-average') {
    const rates = (rel.rates ?? []).map((x): RateCheck => {
      const rows = x.of === 'sums' ? rel.parts : [rel.row];
      const base = x.of === 'sums' ? { cells: rows.map((row) => ({ row, column: x.base })) } : { row: rel.row, column: x.base };
      return { kind: 'rate', target: { row: rel.row, column: x.column }, counts: rows.map((row) => ({ row, column: x.count })), minus: [], base, scale: BigInt(x.scale), rounding: x.rounding, decimals: undefined };
    });
    return [...rel.columns.map((column) => meanCheck({ row: rel.row, column }, rel.parts.map((row) => ({ row, column })), rel)), ...rates];
  }
  if (rel.type !== 'rate') return [];
  return (rel.rows ?? ix.table.rows.map((r) => r.key)).map((row) => ({
    kind: 'rate',
    target: { row, column: rel.column },
    counts: keyList(rel.count).map((column) => ({ row, column })),
    minus: keyList(rel.minus ?? []).map((column) => ({ row, column })),
    base: { row: rel.baseRow ?? row, column: rel.base },
    scale: BigInt(rel.scale),
    rounding: rel.rounding,
    decimals: rel.decimals,
  }));
}

/** Indexes for naming shortcuts: sum checks by target, rate checks by (single) count. */
export interface ShortcutIndexes {
  readonly sumTargets: ReadonlyMap<string, SumCheck>;
  readonly rateByCount: ReadonlyMap<string, readonly RateCheck[]>;
}

/** Builds the shortcut indexes of a list of checks. */
export function shortcutIndexes(checks: ReadonlyArray<SumCheck | RateCheck | { readonly kind: string }>): ShortcutIndexes {
  const sumTargets = new Map<string, SumCheck>();
  const rateByCount = new Map<string, RateCheck[]>();
  for (const c of checks) {
    if (c.kind === 'sum' && (c as SumCheck).relation !== 'headline') sumTargets.set(refKey((c as SumCheck).target), c as SumCheck);
    if (c.kind === 'rate' && (c as RateCheck).counts.length === 1 && (c as RateCheck).minus.length === 0) {
      const k = refKey((c as RateCheck).counts[0]!);
      const list = rateByCount.get(k);
      if (list === undefined) rateByCount.set(k, [c as RateCheck]);
      else list.push(c as RateCheck);
    }
  }
  return { sumTargets, rateByCount };
}

/** Checks one rate; pushes a finding when the printed rate is not the rounded one. */
export function checkRate(check: RateCheck, ctx: CheckContext, indexes: () => ShortcutIndexes): void {
  const baseCell = isCell(check.base) ? check.base : null;
  if (baseCell !== null && blankOverZero(check, baseCell, ctx)) return;
  // a “trong đó” row printing its counts and no rate (“Trong đó: hộ DTTS | 1.210 | 150 |”) leaves the rate unprinted: nothing to check
  const targetRow = ctx.ix.rowIndex.get(check.target.row);
  if (targetRow !== undefined && ctx.ix.table.rows[targetRow]!.role === 'of-which' && unprinted(ctx.read(check.target))) return;
  const baseCells = baseCell !== null ? [baseCell] : 'cells' in check.base ? check.base.cells : [];
  const refs = [check.target, ...check.counts, ...check.minus, ...baseCells];
  const values = ctx.readAll(refs);
  if (values === null) return;
  const { label, read } = ctx;
  const printedV = values[0]!;
  const countValues = values.slice(1, 1 + check.counts.length);
  const minusValues = values.slice(1 + check.counts.length, 1 + check.counts.length + check.minus.length);
  const divisor = 'divisor' in check.base ? check.base.divisor : null;
  const baseValues = values.slice(values.length - baseCells.length);
  const baseV: Pick<Value, 'f' | 'interval'> =
    divisor !== null ? { f: fraction(divisor), interval: interval(fraction(divisor), fraction(divisor)) } : { f: baseValues.reduce((a, v) => addFractions(a, v.f), fraction(0n)), interval: sumIntervals(baseValues.map((v) => v.interval)) };
  // the base as the message shows it (the cell's figure, the cells' figures summed, or the number of figures averaged) and the scale after it
  const baseText = divisor !== null ? String(divisor) : baseCells.length === 1 ? read(baseCells[0]!).text : `(${baseCells.map((c) => read(c).text).join(' + ')})`;
  const scaleText = divisor !== null ? '' : ` × ${check.scale}`;
  // a row's mean over other rows (the counts in its own column) names the rows; a rate or a column's average, the columns;
  // a rate of rows' sums, its columns and the rows
  const overRows = check.counts.every((c) => c.column === check.target.column && c.row !== check.target.row);
  const ofSums = baseCells.length > 1;
  const less = check.minus.map((c) => ` − ${c.column}`).join('');
  const countText = overRows ? `${check.target.column} of ${check.counts.map((c) => label(c.row)).join(' + ')}` : `${check.counts.map((c) => c.column).join(' + ')}${less}`;
  const rowsText = check.counts.map((c) => label(c.row)).join(' + ');
  const relationText = overRows
    ? `${label(check.target.row)} = (${countText}) ÷ ${divisor} (the mean)`
    : ofSums
      ? `${check.target.column} of ${label(check.target.row)} = Σ ${check.counts[0]!.column} ÷ Σ ${baseCells[0]!.column}${scaleText} over ${rowsText} (the rate of the rows' sums)`
      : `${check.target.column} = ${check.counts.length + check.minus.length > 1 ? `(${countText})` : countText} ÷ ${divisor !== null ? `${divisor} (${check.minus.length > 0 ? 'the yearly change' : 'the average'})` : `${baseCells[0]!.column}${scaleText}`}`;
  const base = { code: divisor !== null ? 'average-mismatch' : 'rate-mismatch', row: label(check.target.row), rowKey: check.target.row, column: check.target.column, relation: divisor !== null ? ('average' as const) : ('rate' as const), relationText, printed: read(check.target).text, cells: refs };
  const nonPositive = (): void =>
    ctx.push({
      ...base, code: 'non-positive-base', severity: 'error', expected: null, expectedExact: null, difference: null, shortcut: null,
      message: `${label(check.target.row)} · ${check.target.column}: the base ${baseCells[0]?.column ?? ''} is ${baseText}; a rate needs a base greater than zero`,
    });
  const decimals = check.decimals ?? printedV.decimals;
  if (values.every((v) => v.exact)) {
    const printed = printedV.f;
    const count = minusValues.reduce((s, v) => subtractFractions(s, v.f), countValues.reduce((s, v) => addFractions(s, v.f), fraction(0n)));
    const b = baseV.f;
    if (b.num <= 0n) return nonPositive();
    const exact = fraction(count.num * b.den * check.scale, count.den * b.num);
    const unit = 10n ** BigInt(decimals);
    const expected = fraction(roundQuotient(exact.num * unit, exact.den, check.rounding), unit);
    if (printed.num === expected.num && printed.den === expected.den) return;
    const shortcut = check.counts.length === 1 && check.minus.length === 0 ? rateShortcut(check, printed, exact, decimals, indexes(), read) : null;
    const diff = subtractFractions(printed, expected);
    const expectedText = formatVnNumber(expected, { decimals });
    const countShown = `${check.counts.map((c) => read(c).text).join(' + ')}${check.minus.map((c) => ` − ${read(c).text}`).join('')}`;
    ctx.push({
      ...base,
      severity: shortcut === null ? 'error' : 'rounding',
      expected: expectedText,
      expectedExact: fractionText(exact),
      difference: plainDecimal(diff, decimals),
      shortcut: shortcut?.name ?? null,
      message:
        `${label(check.target.row)} · ${check.target.column}: printed ${read(check.target).text}, expected ${likePrinted(expectedText, read(check.target).text)} ` +
        `(${check.counts.length + check.minus.length > 1 ? `(${countShown})` : countShown} ÷ ${baseText}${scaleText} = ${formatVnNumber(exact, { decimals: decimals + 4, rounding: 'half-even' })}…, ${check.rounding}), ` +
        `difference ${formatSigned(diff, decimals)}${shortcut === null ? '' : ` [rounding: ${shortcut.name}: ${shortcut.how}]`}${baseCell === null ? '' : totalRateSlip(check, printed, decimals, ctx)}`,
    });
    return;
  }
  // an approximate figure: the rate the count and base allow must meet what the printed rate allows
  const positive = intersectIntervals(baseV.interval, interval(0, null, { lowOpen: true }));
  if (positive === null) return nonPositive();
  const quotient = scaleInterval(divideIntervals(sumIntervals([...countValues.map((v) => v.interval), ...minusValues.map((v) => negateInterval(v.interval))]), positive), fraction(check.scale));
  const allowed = rateInterval(printedV, decimals, check.rounding);
  const gap = intervalGap(allowed, quotient);
  if (gap === null) return;
  const expectedText = formatInterval(quotient, { decimals });
  const size = formatVnNumber(gap.num < 0n ? fraction(-gap.num, gap.den) : gap, { decimals: decimals + 2, rounding: 'half-up' });
  ctx.push({
    ...base,
    severity: 'error',
    expected: expectedText,
    expectedExact: intervalText(quotient),
    difference: plainDecimal(gap, decimals),
    shortcut: null,
    message:
      `${label(check.target.row)} · ${check.target.column}: printed ${read(check.target).text} (${formatInterval(allowed, { decimals: decimals + 1 })}); ` +
      `${countValues.map((v, i) => read(check.counts[i]!).text || fractionText(v.f)).join(' + ')}${minusValues.map((v, i) => ` − ${read(check.minus[i]!).text || fractionText(v.f)}`).join('')} ÷ ${baseText}${scaleText} gives ${expectedText} (${relationText}): at least ${size} apart`,
  });
}

/**
 * A total row's rate printed as the mean (or the sum) of its rows' rates, not the rate of its totals:
 * said in the message, since that is how such a rate goes wrong. '' when it is neither.
 */
function totalRateSlip(check: RateCheck, printed: Fraction, decimals: number, ctx: CheckContext): string {
  const total = ctx.ix.table.relations.find((r) => r.type === 'row-total' && r.row === check.target.row);
  if (total === undefined || total.type !== 'row-total' || total.parts.length < 2) return '';
  const rates: Fraction[] = [];
  for (const row of total.parts) {
    const cell = ctx.read({ row, column: check.target.column });
    if (cell.status !== 'value' || !cell.exact) return '';
    rates.push(cell.value);
  }
  // two rates at least that are not zero: with one, its sum and its mean are no evidence of how the total was made
  if (rates.filter((r) => r.num !== 0n).length < 2) return '';
  const sum = rates.reduce((a, b) => addFractions(a, b), fraction(0n));
  const unit = 10n ** BigInt(decimals);
  const rounded = (f: Fraction): Fraction => fraction(roundQuotient(f.num * unit, f.den, check.rounding), unit);
  const same = (f: Fraction): boolean => compareFractions(rounded(f), printed) === 0;
  if (same(fraction(sum.num, sum.den * BigInt(rates.length)))) return ` (the mean of the rates of its ${rates.length} rows: a total's rate is that of its totals, not the mean of the rates)`;
  if (same(sum)) return ` (the sum of the rates of its ${rates.length} rows: rates do not add up, a total's rate is that of its totals)`;
  return '';
}

/** A rate left blank (or “-”) over a base printed as exactly zero: nothing to print, so it holds. */
function blankOverZero(check: RateCheck, baseCell: CellRef, ctx: CheckContext): boolean {
  if (!unprinted(ctx.read(check.target))) return false;
  const base = ctx.read(baseCell);
  return base.status === 'value' && base.exact && base.value.num === 0n;
}

/** A cell printed blank or “-”, read as missing or (a table printing “-” for none) as zero. */
function unprinted(cell: ReadCell): boolean {
  return cell.status === 'blank' || (cell.status === 'value' && isBlankText(cell.text));
}

/** Whether a rate's base is one cell (else cells summed, or the fixed divisor of an average). */
function isCell(base: RateCheck['base']): base is CellRef {
  return !('divisor' in base) && !('cells' in base);
}

/** What a printed rate allows: the values that round to it, or (qualified) its interval widened by its precision. */
export function rateInterval(v: Value, decimals: number, rounding: RoundingMode): Interval {
  if (v.exact) return roundingPreimage(v.f, decimals, rounding);
  const h = v.halfUnit;
  const lo = v.interval.low === null ? null : { value: subtractFractions(v.interval.low.value, h), open: v.interval.low.open };
  const hi = v.interval.high === null ? null : { value: addFractions(v.interval.high.value, h), open: v.interval.high.open };
  return { low: lo, high: hi };
}

function rateShortcut(
  check: RateCheck,
  printed: Fraction,
  exact: Fraction,
  decimals: number,
  { sumTargets, rateByCount }: ShortcutIndexes,
  read: (ref: CellRef) => ReadCell,
): { readonly name: ReconcileShortcut; readonly how: string } | null {
  // 1. the count is itself a sum/difference of counts in the same row whose rates are printed beside them
  const sum = sumTargets.get(refKey(check.counts[0]!));
  if (sum !== undefined && sum.relation !== 'row-total') {
    let total = fraction(0n);
    const shown: string[] = [];
    let usable = true;
    for (const term of sum.terms) {
      const rate = (rateByCount.get(refKey(term.cell)) ?? []).find((r) => isCell(r.base) && isCell(check.base) && refKey(r.base) === refKey(check.base) && r.scale === check.scale);
      const cell = rate === undefined ? undefined : read(rate.target);
      if (cell === undefined || cell.status !== 'value' || !cell.exact) {
        usable = false;
        break;
      }
      total = addFractions(total, multiplyFractions(cell.value, fraction(term.sign)));
      shown.push(`${shown.length === 0 ? '' : term.sign < 0n ? '− ' : '+ '}${cell.text}`);
    }
    if (usable && compareFractions(total, printed) === 0) {
      const name = sum.terms.some((t) => t.sign < 0n) ? 'difference-of-rounded-rates' : 'sum-of-rounded-rates';
      return { name, how: shown.join(' ') };
    }
  }
  // 2. truncated instead of rounded
  if (check.rounding !== 'down' && compareFractions(toFraction(roundFraction(exact, decimals, 'down')), printed) === 0) {
    return { name: 'truncated', how: `${fractionText(exact).includes('/') ? 'the exact rate' : fractionText(exact)} cut to ${decimals} decimals` };
  }
  return null;
}
