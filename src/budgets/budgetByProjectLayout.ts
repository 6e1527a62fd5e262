import { deepFreeze } from '../_internal/_freeze.js';
import { presetFromSpec, type LayoutPreset } from '../reconcile/layoutPreset.js';
import type { TableSpec } from '../reconcile/tableSpec.js';
import { UNIT_OPTION } from './_layoutUnit.js';

/**
 * Columns of the `budget-by-project` layout, in order (a unit may follow an amount column's name in the header).
 * @example
 * BUDGET_BY_PROJECT_COLUMNS //=> ['stt', 'item', 'role', 'central', 'provincial', 'district', 'other', 'total']
 */
export const BUDGET_BY_PROJECT_COLUMNS: readonly string[] = Object.freeze(['stt', 'item', 'role', 'central', 'provincial', 'district', 'other', 'total']);

/** The roles a line of a budget table may have (the `role` column is optional: roles are inferred from row numbers and labels). */
export type BudgetRowRole = 'programme' | 'project' | 'sub-project' | 'item' | 'unit' | 'subtotal' | 'total';

/** Headers budget tables print for their columns. @internal */
export const BUDGET_ITEM_ALIASES = ['Nội dung', 'Danh mục', 'Hạng mục', 'Chỉ tiêu', 'Dự án', 'Tên dự án', 'Dự án, tiểu dự án', 'Nội dung, dự án', 'Đơn vị', 'Tên đơn vị'];
const TOTAL_ALIASES = ['Tổng', 'Tổng cộng', 'Tổng số', 'Tổng vốn', 'Cộng', 'Tổng nguồn vốn'];

/**
 * The `budget-by-project` layout as data.
 * @example
 * BUDGET_BY_PROJECT_SPEC.blankAs //=> 'zero'
 */
export const BUDGET_BY_PROJECT_SPEC: TableSpec = deepFreeze({
  name: 'budget-by-project',
  columns: [
    { key: 'stt', kind: 'row-number', header: 'stt', aliases: ['STT', 'TT', 'Số TT'] },
    { key: 'item', kind: 'text', label: true, header: 'item', aliases: BUDGET_ITEM_ALIASES },
    { key: 'role', kind: 'role', header: 'role', aliases: ['vai trò'] },
    { key: 'central', kind: 'amount', header: 'central', aliases: ['Ngân sách trung ương', 'NSTW', 'Vốn ngân sách trung ương', 'Trung ương', 'NS trung ương'] },
    { key: 'provincial', kind: 'amount', header: 'provincial', aliases: ['Ngân sách tỉnh', 'Ngân sách địa phương', 'NSĐP', 'Vốn đối ứng*', 'Địa phương', 'NS tỉnh'] },
    // a district's own budget beside the province's is a source of its own, never the province's (optional: most plans print none)
    { key: 'district', kind: 'amount', header: 'district', aliases: ['Ngân sách huyện', 'NS huyện', 'Ngân sách cấp huyện'], required: false },
    { key: 'other', kind: 'amount', header: 'other', aliases: ['Vốn huy động khác', 'Huy động khác', 'Nguồn khác', 'Vốn khác', 'Khác', 'Vốn huy động hợp pháp khác', 'Vốn lồng ghép*'] },
    { key: 'total', kind: 'amount', header: 'total', aliases: TOTAL_ALIASES },
  ],
  roles: { values: ['programme', 'project', 'sub-project', 'item', 'unit', 'subtotal', 'total'] },
  relations: [
    { type: 'column-total', column: 'total', parts: ['central', 'provincial', 'district', 'other'], partsRounded: 'auto' },
    { type: 'role-totals', columns: ['central', 'provincial', 'district', 'other', 'total'], partsRounded: 'auto' },
  ],
  blankAs: 'zero',
});

/**
 * A program budget by line, as plans attach it (*biểu dự kiến kế hoạch vốn*): programme, project,
 * sub-project, item or unit rows (from the optional `role` column, or inferred from the row numbers
 * `1`, `2.1` and labels *Dự án …*, *Tiểu dự án …*) and a total; columns central budget, provincial
 * (local) budget, other lawful mobilisation and the row total, each in the unit its header gives
 * (`central (triệu đồng)`), a caption (*ĐVT: triệu đồng*) or `--unit`.
 *
 * Relations: `total = central + provincial + district + other` on every row (the district's budget, *ngân sách huyện*, optional); a line with lines under it is
 * their sum; the total is the sum of the lines with none. Blank cells (`-`) count as 0. Amounts
 * printed in a unit larger than the đồng are rounded parts, so a total within the parts'
 * precision is a `rounding` finding, not an error.
 *
 * @example
 * tableFromLayout('budget-by-project', parseCsv(text), { options: { unit: 'trieu' } }).relations.length
 * @see QĐ 90/QĐ-TTg, Part III (projects) and Part IV (sources); seed 001 lines 155–459.
 */
export const budgetByProjectLayout: LayoutPreset = presetFromSpec(
  'budget-by-project',
  'program budget by line (programme, project, sub-project, item or unit): central, provincial, other and total, with a total (seed 001)',
  BUDGET_BY_PROJECT_SPEC,
  [UNIT_OPTION],
);
