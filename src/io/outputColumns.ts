import type { ReconcileIssue } from '../reconcile/reconcileTable.js';
import type { HouseholdClassification } from '../standards/classifyHousehold.js';
import type { TableColumn } from './tableWriter.js';

/** A classified household as written to a file: the classification and the register's unit code. */
export interface ClassifiedHouseholdRow {
  /** The administrative unit code from the register, or null. */
  readonly unit: string | null;
  readonly classification: HouseholdClassification;
}

const AREA_WORDS_VI = { rural: 'nông thôn', urban: 'thành thị' } as const;

/**
 * Columns of a classified-households file: id, unit, area, members, income, the line
 * compared with, status (id and Vietnamese name), deprivations, the standard and the
 * deciding rule with its source.
 *
 * @example
 * CLASSIFIED_HOUSEHOLD_COLUMNS.map((c) => c.key).slice(0, 3) //=> ['id', 'unit', 'area']
 * @see NĐ 07/2021/NĐ-CP, Art. 3 (what each status means).
 */
export const CLASSIFIED_HOUSEHOLD_COLUMNS: ReadonlyArray<TableColumn<ClassifiedHouseholdRow>> = Object.freeze([
  { key: 'id', vi: 'Mã hộ', en: 'Household id', kind: 'text', value: (r) => r.classification.id ?? null },
  { key: 'unit', vi: 'Mã đơn vị', en: 'Unit code', kind: 'text', value: (r) => r.unit },
  { key: 'area', vi: 'Khu vực', en: 'Area', kind: 'text', value: (r) => AREA_WORDS_VI[r.classification.area] },
  { key: 'members', vi: 'Số nhân khẩu', en: 'Members', kind: 'count', value: (r) => BigInt(r.classification.members) },
  { key: 'monthlyIncome', vi: 'Thu nhập/tháng (đồng)', en: 'Monthly income (dong)', kind: 'amount', value: (r) => r.classification.monthlyIncome },
  { key: 'line', vi: 'Chuẩn so sánh (đồng/người/tháng)', en: 'Line compared (dong per person per month)', kind: 'amount', value: (r) => r.classification.line },
  { key: 'incomeAtOrBelowLine', vi: 'Thu nhập bình quân không quá chuẩn', en: 'Income per head at or below line', kind: 'boolean', value: (r) => r.classification.incomeAtOrBelowLine },
  { key: 'deprivationCount', vi: 'Số chỉ số thiếu hụt', en: 'Deprivations', kind: 'count', value: (r) => BigInt(r.classification.deprivationCount) },
  { key: 'deprivations', vi: 'Chỉ số thiếu hụt', en: 'Deprived indicators', kind: 'text', value: (r) => r.classification.deprivations.join('; ') },
  { key: 'undetermined', vi: 'Chỉ số chưa xác định', en: 'Undetermined indicators', kind: 'text', value: (r) => r.classification.undetermined.join('; ') },
  { key: 'status', vi: 'Mã phân loại', en: 'Status', kind: 'text', value: (r) => r.classification.status },
  { key: 'statusVi', vi: 'Phân loại', en: 'Status (Vietnamese)', kind: 'text', value: (r) => r.classification.statusVi },
  { key: 'standard', vi: 'Chuẩn áp dụng', en: 'Standard', kind: 'text', value: (r) => r.classification.standard.id },
  { key: 'rule', vi: 'Quy tắc quyết định', en: 'Deciding rule', kind: 'text', value: (r) => r.classification.rule.id },
  { key: 'ruleSource', vi: 'Căn cứ', en: 'Source', kind: 'text', value: (r) => r.classification.rule.source },
  { key: 'asOf', vi: 'Ngày tham chiếu', en: 'As of', kind: 'date', value: (r) => r.classification.asOf },
] satisfies Array<TableColumn<ClassifiedHouseholdRow>>);

/**
 * Columns of a reconciliation report file: one row per finding, with the cell, the relation,
 * the printed and expected values and their difference.
 *
 * @example
 * RECONCILIATION_REPORT_COLUMNS.find((c) => c.key === 'printed')?.vi //=> 'Số in'
 */
export const RECONCILIATION_REPORT_COLUMNS: ReadonlyArray<TableColumn<ReconcileIssue>> = Object.freeze([
  { key: 'rowKey', vi: 'Dòng', en: 'Row', kind: 'text', value: (i) => i.rowKey },
  { key: 'row', vi: 'Đơn vị / nhãn dòng', en: 'Row label', kind: 'text', value: (i) => i.row },
  { key: 'column', vi: 'Cột', en: 'Column', kind: 'text', value: (i) => i.column },
  { key: 'severity', vi: 'Mức độ', en: 'Severity', kind: 'text', value: (i) => i.severity },
  { key: 'code', vi: 'Mã lỗi', en: 'Code', kind: 'text', value: (i) => i.code },
  { key: 'relation', vi: 'Quan hệ kiểm tra', en: 'Relation', kind: 'text', value: (i) => i.relationText },
  { key: 'printed', vi: 'Số in', en: 'Printed', kind: 'text', value: (i) => i.printed },
  { key: 'expected', vi: 'Số đúng', en: 'Expected', kind: 'text', value: (i) => i.expected },
  { key: 'difference', vi: 'Chênh lệch', en: 'Difference', kind: 'text', value: (i) => i.difference },
  { key: 'message', vi: 'Diễn giải', en: 'Message', kind: 'text', value: (i) => i.message },
] satisfies Array<TableColumn<ReconcileIssue>>);
