import { fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { formatInterval, interval, intervalGap, isPointInterval, subtractIntervals, sumIntervals, type Interval } from '../numbers/interval.js';
import { printedInterval } from '../numbers/printedInterval.js';
import { keyList, type CheckContext, type Indexed, type Value } from './_checkContext.js';
import type { CellRef, InequalityOperator, TableRelation } from './printedTable.js';
import { plainDecimal } from './reconcileIssue.js';

/** left op right, over the intervals the printed cells allow; `bound` when right is a constant. */
export interface InequalityCheck {
  readonly kind: 'inequality';
  readonly relation: 'inequality' | 'row-inequality' | 'bound';
  readonly left: readonly CellRef[];
  readonly op: InequalityOperator;
  /** Cells summed on the right, or a constant (`bound`). */
  readonly right: readonly CellRef[] | { readonly constant: string | number };
}

const OPS: Readonly<Record<InequalityOperator, string>> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' };

/** The inequality checks a relation declares (inequality, row-inequality, bound). */
export function inequalityChecks(rel: TableRelation, ix: Indexed): InequalityCheck[] {
  const allRows = (): readonly string[] => ix.table.rows.map((r) => r.key);
  switch (rel.type) {
    case 'inequality':
      return (rel.rows ?? allRows()).map((row) => ({
        kind: 'inequality', relation: 'inequality', op: rel.op,
        left: keyList(rel.column).map((column) => ({ row, column })),
        right: keyList(rel.than).map((column) => ({ row, column })),
      }));
    case 'row-inequality':
      return rel.columns.map((column) => ({ kind: 'inequality', relation: 'row-inequality', op: rel.op, left: [{ row: rel.row, column }], right: [{ row: rel.than, column }] }));
    case 'bound':
      return (rel.rows ?? allRows()).flatMap((row) => [
        ...(rel.min === undefined ? [] : [{ kind: 'inequality' as const, relation: 'bound' as const, op: '>=' as const, left: [{ row, column: rel.column }], right: { constant: rel.min } }]),
        ...(rel.max === undefined ? [] : [{ kind: 'inequality' as const, relation: 'bound' as const, op: '<=' as const, left: [{ row, column: rel.column }], right: { constant: rel.max } }]),
      ]);
    default:
      return [];
  }
}

/**
 * The values a cell allows in a comparison: its interval; a rate or an amount, rounded for print,
 * also allows what rounds to it (counts are whole and exact).
 */
function allowed(v: Value): Interval {
  if (v.kind === 'count' || v.halfUnit.num === 0n) return v.interval;
  const h = v.halfUnit;
  const lo = v.interval.low === null ? null : { value: fraction(v.interval.low.value.num * h.den - h.num * v.interval.low.value.den, v.interval.low.value.den * h.den), open: false };
  const hi = v.interval.high === null ? null : { value: fraction(v.interval.high.value.num * h.den + h.num * v.interval.high.value.den, v.interval.high.value.den * h.den), open: false };
  return { low: lo, high: hi };
}

/** Checks one inequality; pushes a finding when no values the cells allow satisfy it. */
export function checkInequality(check: InequalityCheck, ctx: CheckContext): void {
  // a bound checks the figures printed: a blank cell is not out of bounds (the relations that need a figure say it is missing);
  // nor is a part left blank (“Trong đó: hộ DTTS” with no such household, printed “-” or empty) more than its whole: the
  // lesser side of ≤ printed blank bounds nothing, while a blank whole under a printed part still lacks its figure
  if ((check.relation === 'bound' || check.op === '<=' || check.op === '<') && check.left.every((c) => ctx.read(c).status === 'blank')) return;
  const rightCells = Array.isArray(check.right) ? (check.right as readonly CellRef[]) : [];
  const refs = [...check.left, ...rightCells];
  const values = ctx.readAll(refs);
  if (values === null) return;
  const { label, read } = ctx;
  const decimals = Math.max(...values.map((v) => v.decimals));
  const left = sumIntervals(values.slice(0, check.left.length).map(allowed));
  let right: Interval;
  let rightText: string;
  if (Array.isArray(check.right)) {
    right = sumIntervals(values.slice(check.left.length).map(allowed));
    rightText = check.relation === 'row-inequality' ? label(rightCells[0]!.row) : rightCells.map((c) => c.column).join(' + ');
  } else {
    const constant = (check.right as { constant: string | number }).constant;
    right = typeof constant === 'number' ? interval(constant, constant) : printedInterval(constant, { kind: values[0]!.kind }).interval;
    rightText = String(constant).replace('.', ',');
  }
  const leftText = check.relation === 'row-inequality' ? label(check.left[0]!.row) : check.left.map((c) => c.column).join(' + ');
  // left op right can hold when (left − right) meets the op's half-line
  const gap = intervalGap(subtractIntervals(left, right), half(check.op));
  if (gap === null) return;
  const target = check.left[0]!;
  const relationText = `${leftText} ${OPS[check.op]} ${rightText}`;
  const shown = (cells: readonly CellRef[]): string => cells.map((c) => read(c).text).join(' + ');
  const size = formatVnNumber(gap.num < 0n ? fraction(-gap.num, gap.den) : gap, { decimals, rounding: 'half-up' });
  ctx.push({
    code: check.relation === 'bound' ? 'out-of-bounds' : 'inequality-broken',
    severity: 'error',
    row: label(target.row),
    rowKey: target.row,
    column: target.column,
    relation: check.relation,
    relationText,
    printed: read(target).text,
    expected: `${OPS[check.op]} ${Array.isArray(check.right) ? formatInterval(right, { decimals }) : rightText}`,
    expectedExact: null,
    difference: plainDecimal(gap, decimals),
    shortcut: null,
    cells: refs.length > 0 ? refs : [target],
    message: `${label(target.row)} · ${target.column}: ${shown(check.left)} ${OPS[check.op]} ${Array.isArray(check.right) ? shown(rightCells) : rightText} does not hold (${relationText}), by ${values.every((v) => isPointInterval(allowed(v))) ? '' : 'at least '}${size}`,
  });
}

function half(op: InequalityOperator): Interval {
  switch (op) {
    case '<=':
      return interval(null, 0);
    case '<':
      return interval(null, 0, { highOpen: true });
    case '>=':
      return interval(0, null);
    case '>':
      return interval(0, null, { lowOpen: true });
  }
}
