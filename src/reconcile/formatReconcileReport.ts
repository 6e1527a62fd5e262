import type { ReconcileIssue, ReconcileReport } from './reconcileIssue.js';
import type { TableLayout } from './tableFromSpec.js';

/**
 * One line for one finding: severity, row · column, printed, expected, the relation, the
 * difference and (for `rounding`) the shortcut that produces the printed value.
 *
 * @example
 * formatReconcileIssue(report.issues[0])
 * //=> 'rounding  Tân Lợi · poor_end_rate: printed 1,99, expected 2,00 (43 ÷ 2.154 × 100 = 1,9963…, half-up), difference -0,01 [rounding: difference-of-rounded-rates: 2,04 − 0,05]'
 */
export function formatReconcileIssue(issue: ReconcileIssue): string {
  return `${issue.severity.padEnd(8)}  ${issue.message}`;
}

/** Options of {@link formatReconcileReport}. */
export interface FormatReconcileReportOptions {
  /** Name of the table or file, printed in the summary line. */
  readonly source?: string;
}

/**
 * The whole report as text: one line per finding, then a summary line
 * (`N cells checked: E errors, R rounding findings`).
 *
 * @example
 * formatReconcileReport(reconcileTable(table), { source: 'seed001.csv' })
 * //=> '…\nseed001.csv: 158 checks, 5 errors, 1 rounding finding'
 */
export function formatReconcileReport(report: ReconcileReport, options: FormatReconcileReportOptions = {}): string {
  const lines = report.issues.map(formatReconcileIssue);
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const summary =
    `${options.source === undefined ? '' : `${options.source}: `}${plural(report.checked, 'check', 'checks')}, ` +
    `${plural(report.errors, 'error', 'errors')}, ${plural(report.roundings, 'rounding finding', 'rounding findings')}` +
    (report.ok ? (report.issues.length === 0 ? ' — everything reconciles' : ' — no errors') : '');
  return [...lines, summary].join('\n');
}

/**
 * How a grid was read, as text: the header rows, and each row that is not a plain unit row with
 * its role and what it covers (“line 2 I Thành thị: group of lines 3–9 (inferred)”).
 *
 * @example
 * formatTableLayout(reconcileGrid(grid, COMMUNE_TARGETS_SPEC).layout).split('\n')[1]
 * //=> 'line 4 I Thành thị: group of 7 rows, lines 5–11 (inferred)'
 */
export function formatTableLayout(layout: TableLayout): string {
  const line = (key: string): number => Number(key);
  const span = (keys: readonly string[]): string => {
    const n = keys.map(line);
    if (n.length === 0) return 'no rows';
    const runs: string[] = [];
    for (let i = 0; i < n.length; ) {
      let j = i;
      while (j + 1 < n.length && n[j + 1] === n[j]! + 1) j++;
      runs.push(j - i >= 2 ? `${n[i]}–${n[j]}` : n.slice(i, j + 1).join(', '));
      i = j + 1;
    }
    return `line${n.length > 1 ? 's' : ''} ${runs.join(', ')}`;
  };
  const [first, last] = layout.header;
  const head = `header: line${first === last ? ` ${first + 1}` : `s ${first + 1}–${last + 1}`}${layout.columnNumbersRow === null ? '' : `, column numbers on line ${layout.columnNumbersRow + 1}`}; ${layout.rows.length} rows, ${layout.rows.filter((r) => r.role === 'unit').length} units`;
  const rows = layout.rows
    .filter((r) => r.role !== 'unit')
    .map((r) => {
      const name = `line ${r.key} ${r.number === '' ? '' : `${r.number} `}${r.label}`;
      const what =
        r.role === 'group' || r.role === 'total'
          ? `${r.role} of ${r.covers.length} row${r.covers.length === 1 ? '' : 's'}, ${span(r.covers)}`
          : r.role === 'of-which'
            ? `of which (at most ${span(r.covers)})`
            : r.role;
      return `${name}: ${what} (${r.roleFrom === 'column' ? 'role column' : r.roleFrom})`;
    });
  return [head, ...rows].join('\n');
}
