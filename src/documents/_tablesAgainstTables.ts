import { DONG_PER_UNIT } from '../numbers/money.js';
import { compareFractions, fraction, multiplyFractions, type Fraction } from '../numbers/fraction.js';
import { foldVietnamese, foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { cellNumber } from './_cellNumber.js';
import type { UnderstoodTable } from './_checkTables.js';
import { headerFormulas, type Col } from './_columnRelations.js';
import { inDong, proseFigures } from './_proseFigures.js';
import type { CheckFinding } from './checkReport.js';
import type { DocumentModel } from './documentModel.js';

/** A total row's amount under a header path, in đồng. */
interface TotalCell {
  readonly col: number;
  readonly row: number;
  readonly rowLabel: string;
  readonly header: string;
  readonly text: string;
  readonly value: Fraction;
}

/** A header that is a grand total of its table's columns (“Tổng cộng”, “Tổng số”, “Cộng” alone): two tables with other columns differ there by design. */
const GRAND_TOTAL = /^(?:tong cong|tong so|cong|tong von|tong kinh phi)(?:\s*\(.*\))?$/;

/** The amounts of a table's total row by folded header path; null when it has none. */
function totalCells(u: UnderstoodTable): Map<string, TotalCell> | null {
  const { table, layout } = u;
  const total = layout.rows.find((r) => r.role === 'total');
  if (total === undefined) return null;
  const out = new Map<string, TotalCell>();
  for (const c of layout.columns) {
    if (c.kind !== 'amount' || c.unit === undefined) continue;
    const path = c.header.split(' › ').map(foldVietnamese);
    if (path.length === 1 && GRAND_TOTAL.test(path[0]!)) continue;
    const text = table.rows[total.row]?.[c.col]?.text.trim() ?? '';
    const n = cellNumber(text);
    if (n === null || n.percent) continue;
    out.set(path.join(' › '), { col: c.col, row: total.row, rowLabel: total.label, header: c.header, text, value: multiplyFractions(fraction(BigInt(n.units), 10n ** BigInt(n.decimals)), fraction(DONG_PER_UNIT[c.unit])) });
  }
  return out;
}

/** The years a table's caption and the two paragraphs above it name. */
function yearsOf(model: DocumentModel, u: UnderstoodTable): string {
  const before = model.blocks.slice(Math.max(0, u.table.index - 3), u.table.index).flatMap((b) => (b.kind === 'table' ? [] : [b.text]));
  return [...new Set([u.table.caption ?? '', ...before].flatMap((t) => [...t.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => m[1]!)))].sort().join(',');
}

/**
 * The same budget printed by two tables of a document (a resolution's appendix by project and its
 * appendix by district): their total rows print the same figure under the same header path
 * (“Ngân sách trung ương › Đầu tư phát triển”, “Ngân sách tỉnh”). When at least two such columns
 * agree and others do not, each that does not is a finding at the table whose figure no paragraph
 * of the document prints (an `error`), or at the later table when the prose prints neither (a
 * `warning`); a column the header declares the sum of others that differ with it is not found
 * again. Tables of different years, or sharing fewer than three such columns, are not compared.
 *
 * @example
 * checkTablesAgainstTables(model, tables).map((f) => f.code) //=> ['figure-differs-from-table']
 */
export function checkTablesAgainstTables(model: DocumentModel, tables: readonly UnderstoodTable[]): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const totals = tables.map((u) => ({ u, cells: totalCells(u), years: yearsOf(model, u) }));
  // every money figure the prose prints, in đồng
  const printed: Fraction[] = [];
  for (const b of model.blocks) if (b.kind !== 'table' && b.notRead === undefined) for (const f of proseFigures(b.text, { folded: foldVietnameseKeepingLength(b.text) })) if (f.dimension === 'money' && f.qualifier === null && f.range === undefined) printed.push(inDong(f));
  const inProse = (v: Fraction): boolean => printed.some((p) => compareFractions(p, v) === 0);
  const reported = new Set<string>();
  for (const [i, a] of totals.entries()) {
    for (const b of totals.slice(i + 1)) {
      if (a.cells === null || b.cells === null || a.years !== b.years) continue;
      const shared = [...a.cells.keys()].filter((k) => b.cells!.has(k));
      if (shared.length < 3) continue;
      const differing = shared.filter((k) => compareFractions(a.cells!.get(k)!.value, b.cells!.get(k)!.value) !== 0);
      if (differing.length === 0 || shared.length - differing.length < 2) continue;
      // a declared sum (“Cộng” of its group) that differs with one of its terms follows from it
      const cols: Col[] = b.u.layout.columns.filter((c) => c.kind === 'amount').map((c) => ({ col: c.col, key: c.key, header: c.header, kind: 'amount', unit: c.unit ?? null }));
      const sums = new Map(headerFormulas(cols).map((d) => [d.column, d.terms.map((t) => t.column)]));
      const keyOfCol = new Map([...b.cells.entries()].map(([k, v]) => [v.col, k]));
      for (const k of differing) {
        const terms = sums.get(b.cells.get(k)!.col);
        if (terms !== undefined && terms.some((t) => differing.includes(keyOfCol.get(t) ?? ''))) continue;
        const [x, y] = [a.cells.get(k)!, b.cells.get(k)!];
        const aInProse = inProse(x.value);
        const bInProse = inProse(y.value);
        if (aInProse && bInProse) continue;
        const [wrong, right, wrongTable, rightTable] = aInProse || !bInProse ? [y, x, b.u, a.u] : [x, y, a.u, b.u];
        const key = `${wrongTable.table.index}:${wrong.col}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const decided = aInProse !== bInProse;
        findings.push({
          severity: decided ? 'error' : 'warning',
          code: 'figure-differs-from-table',
          location: { block: wrongTable.table.index + 1, ...wrongTable.table.position, row: wrong.row + 1, column: wrong.col + 1, rowLabel: wrong.rowLabel, columnKey: wrongTable.layout.columns.find((c) => c.col === wrong.col)?.key ?? wrong.header },
          text: `${wrong.rowLabel} · ${wrong.header}`,
          printed: wrong.text,
          expected: right.text,
          difference: null,
          relation: `the total row of the table at block ${wrongTable.table.index + 1} = the total row of the table at block ${rightTable.table.index + 1} (“${right.header}”)`,
          message: `${wrong.rowLabel} · ${wrong.header}: printed ${wrong.text}, but the table at block ${rightTable.table.index + 1} totals the same budget at ${right.text} in “${right.header}”${decided ? ', the figure the text prints' : ''} (the two tables agree in ${shared.length - differing.length} other columns)`,
        });
      }
    }
  }
  return findings;
}
