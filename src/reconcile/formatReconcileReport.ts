import type { ReconcileIssue, ReconcileReport } from './reconcileTable.js';
import { assertOptions } from '../errors/assertOptions.js';

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
  assertOptions(options, 'formatReconcileReport');
  const lines = report.issues.map(formatReconcileIssue);
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const summary =
    `${options.source === undefined ? '' : `${options.source}: `}${plural(report.checked, 'check', 'checks')}, ` +
    `${plural(report.errors, 'error', 'errors')}, ${plural(report.roundings, 'rounding finding', 'rounding findings')}` +
    (report.ok ? (report.issues.length === 0 ? ' — everything reconciles' : ' — no errors') : '');
  return [...lines, summary].join('\n');
}
