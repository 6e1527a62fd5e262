import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import type { LayoutPreset } from '../reconcile/layoutPreset.js';
import { readLayoutRows } from '../reconcile/layoutRows.js';
import type { PrintedTable, TableColumn } from '../reconcile/printedTable.js';
import { settleUnit, UNIT_OPTION } from './_layoutUnit.js';

/**
 * Columns of the `capital-by-type` layout, in order (a unit may follow an amount column's name in the header).
 * @example
 * CAPITAL_BY_TYPE_COLUMNS //=> ['item', 'investment', 'recurrent', 'total']
 */
export const CAPITAL_BY_TYPE_COLUMNS: readonly string[] = Object.freeze(['item', 'investment', 'recurrent', 'total']);

const AMOUNTS = ['investment', 'recurrent', 'total'] as const;

/** True for an item that is the table's grand total (`Tổng …`, `Cộng`, `Total`). */
function isTotalItem(item: string): boolean {
  return /^(tổng|cộng|total)/iu.test(item.normalize('NFC').trim());
}

/**
 * Capital by type (*vốn đầu tư phát triển* / *vốn sự nghiệp*): one row per item (a year's
 * allocation, a project, a unit), `total = investment + recurrent` on every row; a row whose
 * item starts with `Tổng`, `Cộng` or `Total` (at most one) is the sum of the other rows.
 * Amounts in the unit given by `--unit` or in the header (`investment (triệu đồng)`).
 *
 * @example
 * // Seed 004 (Phong Thổ 2022, line 47): 82.075 printed, 71.750 + 10.505 = 82.255 → sum-mismatch, 180 triệu
 * tableFromLayout('capital-by-type', parseCsv(text), { options: { unit: 'trieu' } })
 * @see QĐ 90/QĐ-TTg, Part IV (investment and recurrent capital); seed 004 line 47.
 */
export const capitalByTypeLayout: LayoutPreset = deepFreeze({
  name: 'capital-by-type',
  description: 'capital by type: investment (đầu tư phát triển), recurrent (sự nghiệp) and total, by item (seed 004)',
  columns: CAPITAL_BY_TYPE_COLUMNS,
  options: [UNIT_OPTION],
  toTable(rows: ReadonlyArray<ReadonlyArray<string>>, options: Readonly<Record<string, string>>, source?: string): PrintedTable {
    const settled = settleUnit(rows, AMOUNTS, options['unit'] ?? UNIT_OPTION.default, 'capital-by-type', source);
    const records = readLayoutRows(settled.rows, CAPITAL_BY_TYPE_COLUMNS, { layout: 'capital-by-type', source });
    const totals = records.filter((r) => isTotalItem(r.cells['item'] ?? ''));
    if (totals.length > 1) {
      fail({
        code: 'invalid-role',
        path: [`line ${totals[1]!.line}`, 'item'],
        value: totals[1]!.cells['item'],
        expected: 'at most one total row',
        message: `${source === undefined ? '' : `${source}: `}line ${totals[1]!.line}: a second total row; the layout capital-by-type allows one (item starting with Tổng, Cộng or Total)`,
      });
    }
    const unit = settled.unit;
    const partsRounded = unit !== 'dong';
    const columns: TableColumn[] = CAPITAL_BY_TYPE_COLUMNS.map((key) =>
      (AMOUNTS as readonly string[]).includes(key) ? { key, kind: 'amount', unit, label: `${key} (${unit})` } : { key, kind: 'text' },
    );
    const total = totals[0];
    const parts = records.filter((r) => r !== total).map((r) => String(r.line));
    return deepFreeze({
      columns,
      rows: records.map((r) => ({ key: String(r.line), label: (r.cells['item'] ?? '').trim() || `line ${r.line}`, cells: r.cells })),
      relations: [
        { type: 'column-total', column: 'total', parts: ['investment', 'recurrent'], ...(partsRounded ? { partsRounded } : {}) },
        ...(total !== undefined && parts.length > 0 ? [{ type: 'row-total' as const, row: String(total.line), parts, columns: [...AMOUNTS], ...(partsRounded ? { partsRounded } : {}) }] : []),
      ],
      blankAs: 'zero' as const,
    });
  },
});
