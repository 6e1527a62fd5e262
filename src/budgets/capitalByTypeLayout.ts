import { deepFreeze } from '../_internal/_freeze.js';
import { presetFromSpec, type LayoutPreset } from '../reconcile/layoutPreset.js';
import type { TableSpec } from '../reconcile/tableSpec.js';
import { UNIT_OPTION } from './_layoutUnit.js';
import { BUDGET_ITEM_ALIASES } from './budgetByProjectLayout.js';

/**
 * Columns of the `capital-by-type` layout, in order (a unit may follow an amount column's name in the header).
 * @example
 * CAPITAL_BY_TYPE_COLUMNS //=> ['item', 'investment', 'recurrent', 'total']
 */
export const CAPITAL_BY_TYPE_COLUMNS: readonly string[] = Object.freeze(['item', 'investment', 'recurrent', 'total']);

/**
 * The `capital-by-type` layout as data.
 * @example
 * CAPITAL_BY_TYPE_SPEC.columns[1]?.aliases?.[0] //=> 'Vốn đầu tư phát triển'
 */
export const CAPITAL_BY_TYPE_SPEC: TableSpec = deepFreeze({
  name: 'capital-by-type',
  columns: [
    { key: 'item', kind: 'text', label: true, header: 'item', aliases: [...BUDGET_ITEM_ALIASES, 'Năm', 'Kế hoạch vốn'] },
    { key: 'investment', kind: 'amount', header: 'investment', aliases: ['Vốn đầu tư phát triển', 'Đầu tư phát triển', 'Vốn đầu tư', 'ĐTPT', 'Vốn ĐTPT'] },
    { key: 'recurrent', kind: 'amount', header: 'recurrent', aliases: ['Vốn sự nghiệp', 'Sự nghiệp', 'Kinh phí sự nghiệp', 'Vốn SN'] },
    { key: 'total', kind: 'amount', header: 'total', aliases: ['Tổng', 'Tổng cộng', 'Tổng số', 'Tổng vốn', 'Cộng'] },
  ],
  relations: [
    { type: 'column-total', column: 'total', parts: ['investment', 'recurrent'], partsRounded: 'auto' },
    { type: 'role-totals', columns: ['investment', 'recurrent', 'total'], partsRounded: 'auto' },
  ],
  blankAs: 'zero',
});

/**
 * Capital by type (*vốn đầu tư phát triển* / *vốn sự nghiệp*): one row per item (a year's
 * allocation, a project, a unit), `total = investment + recurrent` on every row; a row labelled
 * `Tổng …`, `Cộng` or `Total` (at most one) is the sum of the other rows. Amounts in the unit
 * given by the header (`investment (triệu đồng)`), a caption or `--unit`.
 *
 * @example
 * // Seed 004 (Phong Thổ 2022, line 47): 82.075 printed, 71.750 + 10.505 = 82.255 → sum-mismatch, 180 triệu
 * tableFromLayout('capital-by-type', parseCsv(text), { options: { unit: 'trieu' } })
 * @see QĐ 90/QĐ-TTg, Part IV (investment and recurrent capital); seed 004 line 47.
 */
export const capitalByTypeLayout: LayoutPreset = presetFromSpec(
  'capital-by-type',
  'capital by type: investment (đầu tư phát triển), recurrent (sự nghiệp) and total, by item (seed 004)',
  CAPITAL_BY_TYPE_SPEC,
  [UNIT_OPTION],
);
