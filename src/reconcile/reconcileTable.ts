import { deepFreeze } from '../_internal/_freeze.js';
import { issue as makeIssue, VnPovertyError, type VnIssues } from '../errors/VnPovertyError.js';
import { attributeIssues } from './_attributeIssues.js';
import { checkContext, refKey, validate } from './_checkContext.js';
import { checkRunner, tableChecks, type Check } from './_runChecks.js';
import { sumHoldsWith, type SumCheck } from './_sumChecks.js';
import type { CellRef, PrintedTable } from './printedTable.js';
import type { ReconcileIssue, ReconcileReport } from './reconcileIssue.js';
import { assertOptions } from '../errors/assertOptions.js';

export type { GridRef, ReconcileIssue, ReconcileIssueCode, ReconcileReport, ReconcileSeverity, ReconcileShortcut } from './reconcileIssue.js';

/** Options of {@link reconcileTable}. */
export interface ReconcileTableOptions {
  /**
   * One wrong cell, one finding: fold the findings that only follow from another into it (a total
   * that adds a wrong item; one cell two relations find wrong by as much; a subtotal whose column
   * relation breaks by what its items' break by; a rate right for the count a total implies; totals
   * off by as much whose only common part is one figure, reported at that figure), and
   * when a subtotal does not add up and one item's printed rate fits the count the subtotal
   * implies, report that item's count instead. False unless told (every broken relation listed).
   */
  readonly attribute?: boolean;
}

/**
 * Checks a printed table against its declared relations and reports every cell that does
 * not reconcile — it never throws for a wrong or unreadable cell, only for a malformed table.
 *
 * - **Totals** (`row-total`, `column-total`, `headline`) and **differences** are exact sums of
 *   the printed parts; a mismatch is an `error` (or `rounding`, shortcut `'rounded-parts'`,
 *   when the relation says its parts were rounded for print and the gap is within half a
 *   unit per part).
 * - **Rates** are recomputed from the printed count and base, `round(count ÷ base × scale)`
 *   to the decimals the cell is printed with, by the relation's rounding. A mismatch is
 *   `rounding` when the printed value is what a common shortcut gives — subtracting or adding
 *   the row's rounded rates (`'difference-of-rounded-rates'`, `'sum-of-rounded-rates'`), or
 *   truncating (`'truncated'`) — and `error` otherwise.
 * - **Approximate figures** (“hơn 620”, “khoảng 5.600”, “410-470”) are intervals (see
 *   `printedInterval`): a sum, difference or rate holds when the intervals can meet, and a finding
 *   says by how much at least they miss. Exact figures are checked exactly, as above.
 * - **Inequalities** (`inequality`, `row-inequality`, `bound`) hold when some values the printed
 *   cells allow satisfy them (rates and amounts allow what rounds to them); `common-base` rows
 *   must imply one base for their rates.
 * - A cell that cannot be read is one `unparseable-cell` issue; checks that need it are skipped,
 *   so one bad cell never produces a cascade. A blank cell a check needs is a `blank-cell`
 *   issue unless `blankAs: 'zero'`.
 *
 * @param table - columns, rows of printed cells, and relations.
 * @returns a deep-frozen report `{ ok, issues, checked, errors, roundings }`; `ok` is true when no issue is an `error`.
 * @throws VnPovertyError `invalid-input`, `unknown-row`, `unknown-column`, `duplicate-row`, … when the table itself is malformed.
 * @example
 * const r = reconcileTable({
 *   columns: [{ key: 'households', kind: 'count' }, { key: 'poor', kind: 'count' }, { key: 'poor_rate', kind: 'rate' }],
 *   rows: [{ key: '1', label: 'Tân Lợi', cells: { households: '2.154', poor: '43', poor_rate: '1,99' } }],
 *   relations: [{ type: 'rate', column: 'poor_rate', count: 'poor', base: 'households', scale: 100, rounding: 'half-up' }],
 * });
 * r.issues[0].expected //=> '2,00'
 * @see poverty-rate-reporting §4 (rates computed from counts, rounded half-up to 2 decimals)
 */
export function reconcileTable(table: PrintedTable, options: ReconcileTableOptions = {}): ReconcileReport {
  assertOptions(options, 'reconcileTable');
  const ix = validate(table);
  const checks = tableChecks(ix);
  const ctx = checkContext(ix);
  const run = checkRunner(checks);
  for (const check of checks) run(check, ctx);
  const order = (i: ReconcileIssue): number => ix.rowIndex.get(i.rowKey) ?? Number.MAX_SAFE_INTEGER;
  const colOrder = new Map(ix.table.columns.map((c, i) => [c.key, i]));
  const sorted = ctx.issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => order(a.i) - order(b.i) || (colOrder.get(a.i.column) ?? 0) - (colOrder.get(b.i.column) ?? 0) || a.n - b.n)
    .map((x) => x.i);
  // one wrong cell, one finding at that cell: the findings that only follow from another are folded into it
  const roundings = new Map(ix.table.relations.flatMap((r) => (r.type === 'rate' ? [[r.column, r.rounding] as const] : [])));
  const covers = new Map(ix.table.relations.flatMap((r) => (r.type === 'row-total' ? [[r.row, r.parts] as const] : [])));
  let sumsByCell: Map<string, SumCheck[]> | undefined;
  let ratesByCell: Map<string, CellRef[][]> | undefined;
  const attributed = options.attribute !== true ? sorted : attributeIssues(sorted, {
    figure: (ref) => {
      if (!ix.rowIndex.has(ref.row) || !ix.columns.has(ref.column) || ix.columns.get(ref.column)!.kind === 'text') return null;
      const c = ctx.read(ref);
      return c.status === 'value' && c.exact ? { value: c.value, decimals: c.decimals, text: c.text } : null;
    },
    covers,
    rounding: (column) => roundings.get(column) ?? 'half-up',
    sumsOf: (ref) => (sumsByCell ??= sumsIndex(checks)).get(refKey(ref))?.map((c) => ({ cells: [c.target, ...c.terms.map((t) => t.cell)], holdsWith: (value) => sumHoldsWith(c, ctx.read, ref, value), signs: c.terms.map((t) => (t.sign < 0n ? -1 : 1)) })) ?? [],
    ratesOf: (ref) => (ratesByCell ??= ratesIndex(checks)).get(refKey(ref)) ?? [],
    ratesOn: (ref) => checks.flatMap((c) => (c.kind === 'rate' && c.scale === 100n && c.counts.length === 1 && c.minus.length === 0 && 'row' in c.base && refKey(c.base) === refKey(ref) ? [{ rate: c.target, count: c.counts[0]! }] : [])),
  });
  // a finding attribution moved to another cell points at that cell's grid cell
  const issues = attributed.map((i) => {
    const at = i.cells[0] === undefined ? null : ctx.grid(i.cells[0]);
    return at?.row === i.grid?.row && at?.column === i.grid?.column ? i : { ...i, grid: at };
  });
  const errors = issues.filter((i) => i.severity === 'error').length;
  return deepFreeze({ ok: errors === 0, issues, checked: checks.length, errors, roundings: issues.length - errors });
}

/**
 * Like {@link reconcileTable} but throws when any issue has severity `error`.
 * @throws VnPovertyError with one issue (code `table-does-not-reconcile`) per error finding.
 * @example
 * assertTableReconciles(consistentTable) //=> the report (ok: true)
 */
export function assertTableReconciles(table: PrintedTable, options: ReconcileTableOptions = {}): ReconcileReport {
  assertOptions(options, 'assertTableReconciles');
  const report = reconcileTable(table, options);
  const errors = report.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new VnPovertyError(
      errors.map((i) =>
        makeIssue({ code: 'table-does-not-reconcile', path: ['rows', i.rowKey, i.column], value: i.printed, expected: i.expected ?? 'a readable figure', message: i.message }),
      ) as unknown as VnIssues,
    );
  }
  return report;
}

/** The sum checks each cell is the target or a term of, by cell. */
/** The plain rates (a count over a base cell) by each count and base cell they read: their cells, the rate's first. */
function ratesIndex(checks: readonly Check[]): Map<string, CellRef[][]> {
  const out = new Map<string, CellRef[][]>();
  for (const c of checks) {
    if (c.kind !== 'rate' || c.minus.length > 0 || !('row' in c.base)) continue;
    const cells = [c.target, ...c.counts, c.base];
    for (const ref of cells.slice(1)) out.set(refKey(ref), [...(out.get(refKey(ref)) ?? []), cells]);
  }
  return out;
}

function sumsIndex(checks: readonly Check[]): Map<string, SumCheck[]> {
  const out = new Map<string, SumCheck[]>();
  for (const c of checks) {
    if (c.kind !== 'sum' || c.relation === 'headline') continue;
    for (const ref of [c.target, ...c.terms.map((t) => t.cell)]) out.set(refKey(ref), [...(out.get(refKey(ref)) ?? []), c]);
  }
  return out;
}
