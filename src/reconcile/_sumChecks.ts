import { compareFractions, fraction, multiplyFractions, subtractFractions, sumFractions, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { formatInterval, intervalGap, negateInterval, sumIntervals, type Interval } from '../numbers/interval.js';
import { MONEY_UNIT_LABELS } from '../numbers/money.js';
import { HEADLINE_COLUMN, headlineRow, type CheckContext, type Indexed, type Value } from './_checkContext.js';
import type { ReadCell } from './_printedCell.js';
import type { CellRef, TableRelation } from './printedTable.js';
import { formatSigned, fractionText, plainDecimal, type ReconcileShortcut } from './reconcileIssue.js';

type Term = { readonly cell: CellRef; readonly sign: 1n | -1n };
/** One sum to check: target = Σ sign × term. */
export interface SumCheck {
  readonly kind: 'sum';
  readonly relation: 'row-total' | 'column-total' | 'difference' | 'signed-sum' | 'headline' | 'row-change';
  readonly target: CellRef;
  readonly terms: readonly Term[];
  readonly partsRounded: boolean;
  /** A period's stock carried from its last year (a row total of that one row): said so, not as a sum. */
  readonly carried?: boolean;
}

/** The sum checks a relation declares (none for other kinds of relation). */
export function sumChecks(rel: TableRelation, ix: Indexed): SumCheck[] {
  const allRows = (): readonly string[] => ix.table.rows.map((r) => r.key);
  switch (rel.type) {
    case 'row-total':
      return rel.columns.map((column) => ({ kind: 'sum', relation: 'row-total', target: { row: rel.row, column }, terms: rel.parts.map((row) => ({ cell: { row, column }, sign: 1n })), partsRounded: rel.partsRounded === true, ...(rel.carried === true && rel.parts.length === 1 ? { carried: true } : {}) }));
    case 'column-total':
      return (rel.rows ?? allRows()).map((row) => ({ kind: 'sum', relation: 'column-total', target: { row, column: rel.column }, terms: rel.parts.map((column) => ({ cell: { row, column }, sign: 1n })), partsRounded: rel.partsRounded === true }));
    case 'difference':
      return (rel.rows ?? allRows()).map((row) => ({
        kind: 'sum',
        relation: 'difference',
        target: { row, column: rel.column },
        terms: [{ cell: { row, column: rel.from }, sign: 1n }, ...rel.minus.map((column) => ({ cell: { row, column }, sign: -1n as const })), ...(rel.plus ?? []).map((column) => ({ cell: { row, column }, sign: 1n as const }))],
        partsRounded: false,
      }));
    case 'signed-sum':
      return (rel.rows ?? allRows()).map((row) => ({
        kind: 'sum',
        relation: 'signed-sum',
        target: { row, column: rel.column },
        terms: [...rel.plus.map((column) => ({ cell: { row, column }, sign: 1n as const })), ...(rel.minus ?? []).map((column) => ({ cell: { row, column }, sign: -1n as const }))],
        partsRounded: rel.partsRounded === true,
      }));
    case 'row-change':
      // decrease: previous − this; increase: this − previous
      return rel.pairs.map(({ row, previous }) => ({
        kind: 'sum',
        relation: 'row-change',
        target: { row, column: rel.column },
        terms: rel.direction === 'decrease'
          ? [{ cell: { row: previous, column: rel.of }, sign: 1n }, { cell: { row, column: rel.of }, sign: -1n }]
          : [{ cell: { row, column: rel.of }, sign: 1n }, { cell: { row: previous, column: rel.of }, sign: -1n }],
        partsRounded: false,
      }));
    case 'headline':
      return [{ kind: 'sum', relation: 'headline', target: { row: headlineRow(rel.name), column: HEADLINE_COLUMN }, terms: rel.parts.map((cell) => ({ cell, sign: 1n })), partsRounded: rel.partsRounded === true }];
    default:
      return [];
  }
}

/** Σ sign × term of a sum check, exactly; `term(i)` gives the value of its i-th term. */
export function signedSum(check: SumCheck, term: (i: number) => Fraction): Fraction {
  let num = 0n;
  let den = 1n;
  check.terms.forEach((t, i) => {
    const v = term(i);
    num = num * v.den + t.sign * v.num * den;
    den *= v.den;
  });
  return fraction(num, den);
}

/** An exact value as the open interval rounding for print allows: (x − h, x + h). */
function rounded(v: Value): Interval {
  if (!v.exact || v.halfUnit.num === 0n) return v.interval;
  const lo = subtractFractions(v.f, v.halfUnit);
  const hi = fraction(v.f.num * v.halfUnit.den + v.halfUnit.num * v.f.den, v.f.den * v.halfUnit.den);
  return { low: { value: lo, open: true }, high: { value: hi, open: true } };
}

/** Checks one sum; pushes a finding when it does not hold. */
export function checkSum(check: SumCheck, ctx: CheckContext): void {
  const refs = [check.target, ...check.terms.map((t) => t.cell)];
  const values = ctx.readAll(refs);
  if (values === null) return;
  const { label, read } = ctx;
  const relationText = sumRelationText(check, label);
  const decimals = Math.max(...values.map((v) => v.decimals));
  const code = check.relation === 'difference' || check.relation === 'row-change' ? 'difference-mismatch' : 'sum-mismatch';
  const base = { code, row: label(check.target.row), rowKey: check.target.row, column: check.target.column, relation: check.relation, relationText, printed: read(check.target).text, cells: refs };
  if (values.every((v) => v.exact)) {
    const printedV = values[0]!;
    const printed = printedV.f;
    const expected = signedSum(check, (i) => values[i + 1]!.f);
    if (printed.num === expected.num && printed.den === expected.den) return;
    const diff = subtractFractions(printed, expected);
    const shortcut: ReconcileShortcut | null = check.partsRounded && withinRounding(diff, values.map((v) => v.halfUnit)) ? 'rounded-parts' : null;
    const expectedText = formatVnNumber(expected, { decimals: printedV.decimals, rounding: 'half-up' });
    ctx.push({
      ...base,
      severity: shortcut === null ? 'error' : 'rounding',
      expected: expectedText,
      expectedExact: fractionText(expected),
      difference: plainDecimal(diff, decimals),
      shortcut,
      message: `${label(check.target.row)} · ${check.target.column}: printed ${read(check.target).text}, expected ${expectedText} (${relationText}), difference ${formatSigned(diff, decimals)}${shortcut === null ? '' : ` [rounding: ${shortcut}]`}${droppedUnitHint(check, refs.map(read), label)}`,
    });
    return;
  }
  // a figure is approximate: the relation holds when the intervals can meet
  const parts = (widen: boolean): Interval => sumIntervals(check.terms.map((t, i) => {
    const v = values[i + 1]!;
    const iv = widen ? rounded(v) : v.interval;
    return t.sign < 0n ? negateInterval(iv) : iv;
  }));
  const target = values[0]!;
  const gap = intervalGap(target.interval, parts(false));
  if (gap === null) return;
  const roundingOnly = check.partsRounded && intervalGap(rounded(target), parts(true)) === null;
  const sum = parts(false);
  const expectedText = formatInterval(sum, { decimals });
  const how = gap.num > 0n ? 'unaccounted for by the parts' : 'more in the parts than the total allows';
  const size = formatVnNumber(gap.num < 0n ? fraction(-gap.num, gap.den) : gap, { decimals, rounding: 'half-up' });
  ctx.push({
    ...base,
    severity: roundingOnly ? 'rounding' : 'error',
    expected: expectedText,
    expectedExact: intervalText(sum),
    difference: plainDecimal(gap, decimals),
    shortcut: roundingOnly ? 'rounded-parts' : null,
    message:
      `${label(check.target.row)} · ${check.target.column}: printed ${read(check.target).text} (${formatInterval(target.interval, { decimals })}); ` +
      `the parts add to ${expectedText} (${relationText}): at least ${size} ${how}${roundingOnly ? ' [rounding: rounded-parts]' : ''}`,
  });
}

/** An interval's exact ends for JSON: `low–high`, an unbounded end written `∞`. */
export function intervalText(i: Interval): string {
  return `${i.low === null ? '-∞' : fractionText(i.low.value)}–${i.high === null ? '∞' : fractionText(i.high.value)}`;
}

function sumRelationText(check: SumCheck, label: (row: string) => string): string {
  const t = check.target;
  switch (check.relation) {
    case 'row-total':
      if (check.carried === true) return `${label(t.row)} = ${label(check.terms[0]!.cell.row)}, the last year's figure: a stock at the period's end, not summed`;
      return `${label(t.row)} = sum of ${check.terms.length} rows (${check.terms.map((x) => label(x.cell.row)).join(', ')})`;
    case 'column-total':
      return `${t.column} = ${check.terms.map((x) => x.cell.column).join(' + ')}`;
    case 'difference':
    case 'signed-sum':
      return `${t.column} = ${check.terms.map((x, i) => (i === 0 ? x.cell.column : `${x.sign < 0n ? '−' : '+'} ${x.cell.column}`)).join(' ')}`;
    case 'row-change':
      return `${label(t.row)} · ${t.column} = ${check.terms.map((x, i) => `${i === 0 ? '' : '− '}${label(x.cell.row)} · ${x.cell.column}`).join(' ')} (the change from the row before)`;
    case 'headline':
      return `${label(t.row)} = ${check.terms.map((x) => `${label(x.cell.row)} · ${x.cell.column}`).join(' + ')}`;
  }
}

/**
 * Factors a figure typed in another unit is off by (tỷ for triệu or triệu for nghìn, triệu for đồng,
 * and back), with the decimals the figure gains read that way (0,614 × 1.000 is 614: three fewer);
 * the thousands first. @internal
 */
export const UNIT_SLIPS: ReadonlyArray<readonly [Fraction, string, number]> = [
  [fraction(1000n), '× 1.000', -3],
  [fraction(1n, 1000n), '÷ 1.000', 3],
  [fraction(1_000_000n), '× 1.000.000', -6],
  [fraction(1n, 1_000_000n), '÷ 1.000.000', 6],
];

/**
 * When a cell of the relation is printed in another money unit than its column (a plan in
 * triệu đồng printing “19 đồng”) and reading that figure in the column's unit makes the
 * relation hold, names the cell: the unit was most likely dropped by mistake.
 */
function droppedUnitHint(check: SumCheck, cells: readonly ReadCell[], label: (row: string) => string): string {
  const refs = [check.target, ...check.terms.map((t) => t.cell)];
  const values = cells.map((c) => (c.status === 'value' ? c.value : null));
  if (values.some((v) => v === null)) return '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.status !== 'value' || cell.asPrinted === undefined || cell.printedUnit === undefined) continue;
    const asPrinted = cell.asPrinted;
    const at = (j: number): Fraction => (j === i ? asPrinted : values[j]!);
    const expected = signedSum(check, (t) => at(t + 1));
    if (compareFractions(at(0), expected) === 0) {
      const ref = refs[i]!;
      return ` — “${cell.text}” at ${label(ref.row)} · ${ref.column} is printed in ${MONEY_UNIT_LABELS[cell.printedUnit]}, not in the column's unit; read in the column's unit the relation holds (a dropped unit?)`;
    }
  }
  // a figure typed a thousand times too small (“0,614” for 614 triệu: typed in tỷ đồng) or too large, with no unit
  // printed; too small first: a figure with decimals among whole ones is the odd one
  for (const [factor, how] of UNIT_SLIPS.slice(0, 2)) {
    for (let i = 0; i < cells.length; i++) {
      const v = values[i]!;
      if (v.num === 0n) continue;
      const scaled = multiplyFractions(v, factor);
      const at = (j: number): Fraction => (j === i ? scaled : values[j]!);
      if (compareFractions(at(0), signedSum(check, (t) => at(t + 1))) !== 0) continue;
      const ref = refs[i]!;
      return ` — read ${how}, “${cells[i]!.text}” at ${label(ref.row)} · ${ref.column} makes the relation hold (a figure typed in another unit, tỷ for triệu or đồng for nghìn?)`;
    }
  }
  return '';
}

/**
 * Whether a sum check holds with the cell `ref` read as `value` (every other cell as printed):
 * exactly, or for rounded parts within their printed precision; null when a figure it needs is
 * not an exact one (blank, qualified, unreadable).
 */
export function sumHoldsWith(check: SumCheck, read: (ref: CellRef) => ReadCell, ref: CellRef, value: Fraction): boolean | null {
  const refs = [check.target, ...check.terms.map((t) => t.cell)];
  const cells = refs.map(read);
  if (cells.some((c) => c.status !== 'value' || !c.exact)) return null;
  const same = (a: CellRef): boolean => a.row === ref.row && a.column === ref.column;
  const at = (i: number): Fraction => (same(refs[i]!) ? value : (cells[i] as Extract<ReadCell, { status: 'value' }>).value);
  const diff = subtractFractions(at(0), signedSum(check, (t) => at(t + 1)));
  if (diff.num === 0n) return true;
  if (!check.partsRounded) return false;
  return withinRounding(diff, cells.map((c) => (c as Extract<ReadCell, { status: 'value' }>).halfUnit));
}

/** Whether a sum's difference is less than its cells' printed precisions together (each cell's half unit: the parts' rounding errors and the total's add up). */
function withinRounding(diff: Fraction, halfUnits: readonly Fraction[]): boolean {
  return compareFractions(diff.num < 0n ? fraction(-diff.num, diff.den) : diff, sumFractions(halfUnits)) < 0;
}
