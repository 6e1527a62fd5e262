import type { CheckFinding, CheckReport, FindingLocation } from './checkReport.js';
import type { RelationEvidence } from './understandTable.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link formatCheckReport}. */
export interface FormatCheckReportOptions {
  /** Also list the inferred relations of each table with their evidence. */
  readonly evidence?: boolean;
  /** Also list what was left unchecked. */
  readonly unchecked?: boolean;
}

/**
 * Where a finding is, for a person: `line 131, row 10 (An Phú), column 15 (HCN còn lại · Tỷ lệ (%))`.
 * @example
 * formatLocation({ block: 12, line: 131, row: 10, rowLabel: 'An Phú', column: 15, columnKey: 'HCN còn lại · Tỷ lệ (%)' })
 * //=> 'block 12 (line 131), row 10 “An Phú”, column 15 “HCN còn lại · Tỷ lệ (%)”'
 */
export function formatLocation(l: FindingLocation): string {
  const at = [l.line === undefined ? null : `line ${l.line}`, l.paragraph === undefined ? null : `paragraph ${l.paragraph + 1}`, l.sheet === undefined ? null : `sheet “${l.sheet}”`, l.note === undefined ? null : `${l.note.kind} ${l.note.id}`].filter((x) => x !== null);
  const parts = [`block ${l.block}${at.length === 0 ? '' : ` (${at.join(', ')})`}`];
  if (l.row !== undefined) parts.push(`row ${l.row}${l.rowLabel === undefined ? '' : ` “${l.rowLabel}”`}`);
  if (l.column !== undefined) parts.push(`column ${l.column}${l.columnKey === undefined ? '' : ` “${l.columnKey}”`}`);
  else if (l.columnKey !== undefined) parts.push(`column “${l.columnKey}”`);
  if (l.start !== undefined && l.end !== undefined && l.row === undefined) parts.push(`characters ${l.start + 1}–${l.end}`);
  return parts.join(', ');
}

/**
 * One line for a finding: severity, location, message.
 * @example
 * formatCheckFinding(report.findings[0]) //=> 'error     block 3 (line 47), characters 170–187: “82.075 triệu đồng” …'
 */
export function formatCheckFinding(f: CheckFinding): string {
  return `${f.severity.padEnd(9)} ${formatLocation(f.location)}: ${f.message}`;
}

/**
 * One inferred relation with its support, as the reports print it.
 * @example
 * formatEvidence({ type: 'difference', text: 'HN còn lại · Hộ = HN đầu năm 2024 · Hộ − Thoát hộ nghèo · Hộ', holds: 16, of: 17, breaks: ['An Phú'], origin: 'inferred' })
 * //=> 'HN còn lại · Hộ = HN đầu năm 2024 · Hộ − Thoát hộ nghèo · Hộ: holds in 16 of 17 rows (breaks: An Phú)'
 */
export function formatEvidence(e: RelationEvidence): string {
  return `${e.text}: holds in ${e.of === e.holds ? `all ${e.of}` : `${e.holds} of ${e.of}`} ${e.type === 'row-total' ? 'columns' : 'rows'}${e.breaks.length === 0 ? '' : ` (breaks: ${e.breaks.join(', ')})`}`;
}

/**
 * The text report of `vn-poverty check`: one line per finding, then the tables found with their
 * inferred relations, the claims and a summary; optionally what was left unchecked.
 * @example
 * formatCheckReport(checkDocument(model)).split('\n').at(-1) //=> 'plan.txt: 7 findings (5 errors, 1 warning, 1 rounding); 1 table, 18 claims, 12 items unchecked'
 */
export function formatCheckReport(report: CheckReport, options: FormatCheckReportOptions = {}): string {
  assertOptions(options, 'formatCheckReport');
  const lines: string[] = report.findings.map(formatCheckFinding);
  if (lines.length > 0) lines.push('');
  for (const t of report.tables) {
    lines.push(`table at ${formatLocation(t.location)}: ${t.layout.columns.filter((c) => c.kind === 'count' || c.kind === 'rate' || c.kind === 'amount').length} figure columns, ${t.layout.rows.length} data rows, ${t.checks} checks, ${t.findings} findings (layout ${t.layoutFrom})`);
    if (options.evidence !== false) for (const e of t.evidence) lines.push(`  ${formatEvidence(e)}`);
  }
  const byStatus = (s: string): number => report.claims.filter((c) => c.status === s).length;
  if (report.claims.length > 0) {
    lines.push(`claims: ${report.claims.length} (${byStatus('consistent')} consistent, ${byStatus('finding')} with findings, ${byStatus('unchecked')} unchecked)`);
    for (const c of report.claims) lines.push(`  ${c.status.padEnd(10)} ${c.kind.padEnd(16)} block ${c.location.block}: ${c.summary}${c.note === null ? '' : ` — ${c.note}`}`);
  }
  if (options.unchecked === true && report.unchecked.length > 0) {
    lines.push(`unchecked: ${report.unchecked.length}`);
    for (const u of report.unchecked) lines.push(`  ${u.kind.padEnd(12)} ${formatLocation(u.location)}: ${u.reason}${u.kind === 'sentence' ? ` — “${u.text.length > 80 ? `${u.text.slice(0, 79)}…` : u.text}”` : ''}`);
  }
  const { errors, warnings, roundings } = report.counts;
  const n = report.findings.length;
  const plural = (k: number, w: string): string => `${k} ${w}${k === 1 ? '' : 's'}`;
  lines.push(
    `${report.source ?? 'document'}: ${plural(n, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(roundings, 'rounding')}); ${plural(report.tables.length, 'table')}, ${plural(report.claims.length, 'claim')}, ${plural(report.unchecked.length, 'item')} unchecked`,
  );
  return lines.join('\n');
}
