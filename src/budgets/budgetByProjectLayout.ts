import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import type { LayoutPreset } from '../reconcile/layoutPreset.js';
import { readLayoutRows, roleTotals, type LayoutRow } from '../reconcile/layoutRows.js';
import type { PrintedTable, TableColumn } from '../reconcile/printedTable.js';
import { settleUnit, UNIT_OPTION } from './_layoutUnit.js';

/**
 * Columns of the `budget-by-project` layout, in order (a unit may follow an amount column's name in the header).
 * @example
 * BUDGET_BY_PROJECT_COLUMNS //=> ['stt', 'item', 'role', 'central', 'provincial', 'other', 'total']
 */
export const BUDGET_BY_PROJECT_COLUMNS: readonly string[] = Object.freeze(['stt', 'item', 'role', 'central', 'provincial', 'other', 'total']);

const AMOUNTS = ['central', 'provincial', 'other', 'total'] as const;

/** The roles of a row of the `budget-by-project` layout. */
export type BudgetRowRole = 'project' | 'sub-project' | 'total';

function rowLabel(row: LayoutRow): string {
  const item = (row.cells['item'] ?? '').trim();
  const stt = (row.cells['stt'] ?? '').trim();
  return item !== '' ? (stt !== '' ? `${stt}. ${item}` : item) : stt !== '' ? stt : `line ${row.line}`;
}

/**
 * A program budget by project, as plans attach it (*biểu dự kiến kế hoạch vốn*): one row per
 * project (`role` `project`) followed by its sub-projects (`sub-project`), and a program total
 * (`total`); columns central budget, provincial (local) budget, other lawful mobilisation and
 * the row total, in the unit given by `--unit` or in the header (`central (triệu đồng)`).
 *
 * Relations: `total = central + provincial + other` on every row; a project with sub-projects
 * is the sum of them; the program total is the sum of the sub-projects and of the projects that
 * have none. Blank cells (`-`) count as 0. Amounts printed in a unit larger than the đồng are
 * rounded parts, so a total within half a unit per part is a `rounding` finding, not an error.
 *
 * @example
 * tableFromLayout('budget-by-project', parseCsv(text), { options: { unit: 'trieu' } }).relations.length
 * @see QĐ 90/QĐ-TTg, Part III (projects) and Part IV (sources); seed 001 lines 155–459.
 */
export const budgetByProjectLayout: LayoutPreset = deepFreeze({
  name: 'budget-by-project',
  description: 'program budget by project and sub-project: central, provincial, other and total, with a program total (seed 001)',
  columns: BUDGET_BY_PROJECT_COLUMNS,
  options: [UNIT_OPTION],
  toTable(rows: ReadonlyArray<ReadonlyArray<string>>, options: Readonly<Record<string, string>>, source?: string): PrintedTable {
    const settled = settleUnit(rows, AMOUNTS, options['unit'] ?? UNIT_OPTION.default, 'budget-by-project', source);
    const records = readLayoutRows(settled.rows, BUDGET_BY_PROJECT_COLUMNS, { layout: 'budget-by-project', source });
    const where = source === undefined ? '' : `${source}: `;
    const roles = records.map((r, i): string => {
      const role = (r.cells['role'] ?? '').trim();
      if (role !== 'project' && role !== 'sub-project' && role !== 'total') {
        return fail({
          code: 'invalid-role',
          path: [`line ${r.line}`, 'role'],
          value: role,
          expected: 'project, sub-project or total',
          message: `${where}line ${r.line}, column role: ${JSON.stringify(role)} is not a role; expected project, sub-project or total`,
        });
      }
      if (role === 'sub-project' && !records.slice(0, i).some((_, j) => (records[j]!.cells['role'] ?? '').trim() === 'project')) {
        return fail({
          code: 'invalid-role',
          path: [`line ${r.line}`, 'role'],
          value: role,
          expected: 'a sub-project after the row of its project',
          message: `${where}line ${r.line}: a sub-project row must follow the row of its project`,
        });
      }
      return role;
    });
    // A project followed by sub-projects is their subtotal; a project without is a leaf ("unit").
    const generic = records.map((r, i) => {
      const role = roles[i];
      const next = roles[i + 1];
      const mapped = role === 'total' ? 'total' : role === 'project' && next === 'sub-project' ? 'subtotal' : 'unit';
      return { line: r.line, cells: { ...r.cells, role: mapped } };
    });
    const unit = settled.unit;
    const partsRounded = unit !== 'dong';
    const columns: TableColumn[] = BUDGET_BY_PROJECT_COLUMNS.map((key) =>
      (AMOUNTS as readonly string[]).includes(key) ? { key, kind: 'amount', unit, label: `${key} (${unit})` } : { key, kind: 'text' },
    );
    return deepFreeze({
      columns,
      rows: records.map((r) => ({ key: String(r.line), label: rowLabel(r), cells: r.cells })),
      relations: [
        { type: 'column-total', column: 'total', parts: ['central', 'provincial', 'other'], ...(partsRounded ? { partsRounded } : {}) },
        ...roleTotals(generic, { roleColumn: 'role', columns: [...AMOUNTS], partsRounded, source }),
      ],
      blankAs: 'zero' as const,
    });
  },
});
