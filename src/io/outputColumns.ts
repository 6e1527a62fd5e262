import { Decimal } from '../_internal/_decimal.js';
import type { AreaFigures, AreaRate, AreaRates } from '../areas/areaFigures.js';
import type { ReconcileIssue } from '../reconcile/reconcileTable.js';
import type { HouseholdClassification } from '../standards/classifyHousehold.js';
import { POVERTY_STANDARDS } from '../standards/standards.js';
import type { TableColumn } from './tableWriter.js';

/** A classified household as written to a file: the classification and the register's unit code. */
export interface ClassifiedHouseholdRow {
  /** The administrative unit code from the register, or null. */
  readonly unit: string | null;
  readonly classification: HouseholdClassification;
}

const AREA_WORDS_VI = { rural: 'nông thôn', urban: 'thành thị' } as const;

let indicatorNames: ReadonlyMap<string, string> | undefined;
/**
 * The Vietnamese names of indicators, from the standards, separated by `; ` (an unknown id stays as it is). @internal
 * @example
 * indicatorNamesVi(['health-insurance', 'latrine']) //=> 'bảo hiểm y tế; nhà tiêu hợp vệ sinh'
 */
export function indicatorNamesVi(ids: readonly string[]): string {
  indicatorNames ??= new Map(POVERTY_STANDARDS.flatMap((s) => s.indicators.map((i) => [i.id, i.nameVi] as const)));
  return ids.map((id) => indicatorNames!.get(id) ?? id).join('; ');
}

/**
 * Columns of a classified-households file: id, unit, area, members, income, the line that
 * decided and its kind (poverty line, average-living ceiling…), status (id and Vietnamese name), deprivations, the standard and the
 * deciding rule with its source. In an XLSX file the columns of codes for programs (line kind,
 * indicator ids, status code, standard, rule, source, date) are hidden: the sheet shows the
 * Vietnamese names, and the title block gives the date and the standard.
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
  { key: 'line', vi: 'Chuẩn quyết định (đồng/người/tháng)', en: 'Deciding line (dong per person per month)', kind: 'amount', value: (r) => r.classification.line },
  { key: 'lineKind', vi: 'Loại chuẩn', en: 'Line kind', kind: 'text', hidden: true, value: (r) => r.classification.lineKind },
  { key: 'incomeAtOrBelowLine', vi: 'Thu nhập bình quân không quá chuẩn', en: 'Income per head at or below line', kind: 'boolean', value: (r) => r.classification.incomeAtOrBelowLine },
  { key: 'deprivationCount', vi: 'Số chỉ số thiếu hụt', en: 'Deprivations', kind: 'count', value: (r) => (r.classification.undetermined.length === 0 ? BigInt(r.classification.deprivationCount) : null) },
  { key: 'deprivations', vi: 'Chỉ số thiếu hụt', en: 'Deprived indicators', kind: 'text', hidden: true, value: (r) => r.classification.deprivations.join('; ') },
  { key: 'deprivationsVi', vi: 'Các chỉ số thiếu hụt', en: 'Deprived indicators (Vietnamese)', kind: 'text', value: (r) => indicatorNamesVi(r.classification.deprivations) },
  { key: 'undetermined', vi: 'Chỉ số chưa xác định', en: 'Undetermined indicators', kind: 'text', hidden: true, value: (r) => r.classification.undetermined.join('; ') },
  { key: 'status', vi: 'Mã phân loại', en: 'Status', kind: 'text', hidden: true, value: (r) => r.classification.status },
  { key: 'statusVi', vi: 'Phân loại', en: 'Status (Vietnamese)', kind: 'text', value: (r) => r.classification.statusVi },
  { key: 'standard', vi: 'Chuẩn áp dụng', en: 'Standard', kind: 'text', hidden: true, value: (r) => r.classification.standard.id },
  { key: 'rule', vi: 'Quy tắc quyết định', en: 'Deciding rule', kind: 'text', hidden: true, value: (r) => r.classification.rule.id },
  { key: 'ruleSource', vi: 'Căn cứ', en: 'Source', kind: 'text', hidden: true, value: (r) => r.classification.rule.source },
  { key: 'asOf', vi: 'Ngày tham chiếu', en: 'As of', kind: 'date', hidden: true, value: (r) => r.classification.asOf },
] satisfies Array<TableColumn<ClassifiedHouseholdRow>>);

/**
 * Columns of a reconciliation report file: one row per finding, with the cell, the relation,
 * the printed and expected values and their difference (a number in the file's number format,
 * with the digits it has: `-0,33`).
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
  { key: 'difference', vi: 'Chênh lệch', en: 'Difference', kind: 'rate', decimals: 'as-given', value: (i) => (i.difference === null ? null : new Decimal(i.difference)) },
  { key: 'message', vi: 'Diễn giải', en: 'Message', kind: 'text', value: (i) => i.message },
] satisfies Array<TableColumn<ReconcileIssue>>);

/** The level of a row of an area summary. */
export type SummaryLevel = 'unit' | 'district' | 'province' | 'total';

/** One row of an area summary: the figures of a unit (or roll-up) and its rates, rounded once. */
export interface AreaSummaryRow {
  readonly level: SummaryLevel;
  /** The unit's name where a hierarchy gives it, else null. */
  readonly name: string | null;
  readonly figures: AreaFigures;
  readonly rates: AreaRates;
  /** Households of average living standard (*hộ có mức sống trung bình*), when counted. */
  readonly average?: number | null;
  /** Persons in the unit's households, when the input gives them (null: unknown). */
  readonly persons?: number | null;
}

const LEVEL_VI: Readonly<Record<SummaryLevel, string>> = { unit: 'đơn vị', district: 'huyện', province: 'tỉnh', total: 'tổng' };
const rounded = (r: AreaRate | null) => (r === null ? null : r.rounded);

/**
 * Columns of an area summary: level, unit code and name, households and persons, poor and
 * near-poor counts with their rates, the multidimensional poverty rate (poor + near-poor), the
 * households of average living standard and the recently escaped ones; each rate computed from
 * the counts and rounded once (as given to `areaRates`), with a data bar in an XLSX file. Rates
 * are written with 2 decimals; for rates rounded to other decimals, map the rate columns to
 * `{ ...c, decimals }`. Persons and average-living households are empty when not counted.
 *
 * @example
 * AREA_SUMMARY_COLUMNS.find((c) => c.key === 'poorRate')?.vi //=> 'Tỷ lệ hộ nghèo (%)'
 * @see poverty-rate-reporting §1 (rates from counts; roll-ups sum counts, never rates)
 */
export const AREA_SUMMARY_COLUMNS: ReadonlyArray<TableColumn<AreaSummaryRow>> = Object.freeze([
  { key: 'level', vi: 'Cấp', en: 'Level', kind: 'text', value: (r) => LEVEL_VI[r.level] },
  { key: 'unit', vi: 'Mã đơn vị', en: 'Unit code', kind: 'text', value: (r) => r.figures.unit },
  { key: 'name', vi: 'Tên đơn vị', en: 'Unit name', kind: 'text', value: (r) => r.name },
  { key: 'households', vi: 'Tổng số hộ', en: 'Households', kind: 'count', value: (r) => BigInt(r.figures.households) },
  { key: 'persons', vi: 'Tổng số nhân khẩu', en: 'Persons', kind: 'count', value: (r) => (r.persons === undefined || r.persons === null ? null : BigInt(r.persons)) },
  { key: 'poor', vi: 'Số hộ nghèo', en: 'Poor households', kind: 'count', value: (r) => BigInt(r.figures.poor) },
  { key: 'poorRate', vi: 'Tỷ lệ hộ nghèo (%)', en: 'Poverty rate (%)', kind: 'rate', dataBar: true, value: (r) => rounded(r.rates.poor) },
  { key: 'nearPoor', vi: 'Số hộ cận nghèo', en: 'Near-poor households', kind: 'count', value: (r) => BigInt(r.figures.nearPoor) },
  { key: 'nearPoorRate', vi: 'Tỷ lệ hộ cận nghèo (%)', en: 'Near-poverty rate (%)', kind: 'rate', dataBar: true, value: (r) => rounded(r.rates.nearPoor) },
  { key: 'multidimensionalRate', vi: 'Tỷ lệ nghèo đa chiều (%)', en: 'Multidimensional poverty rate (%)', kind: 'rate', dataBar: true, value: (r) => rounded(r.rates.multidimensional) },
  { key: 'average', vi: 'Số hộ có mức sống trung bình', en: 'Average living standard households', kind: 'count', value: (r) => (r.average === undefined || r.average === null ? null : BigInt(r.average)) },
  { key: 'recentlyEscaped', vi: 'Số hộ mới thoát nghèo', en: 'Recently escaped households', kind: 'count', value: (r) => BigInt(r.figures.recentlyEscaped) },
] satisfies Array<TableColumn<AreaSummaryRow>>);

/** What a summary's rows are grouped by, as its unit column and level cells name it: a unit code, an area (khu vực), a village (thôn, ấp). */
const GROUPED_BY: Readonly<Record<'unit' | 'area' | 'village', { readonly vi: string; readonly en: string; readonly level: string }>> = {
  unit: { vi: 'Mã đơn vị', en: 'Unit code', level: LEVEL_VI.unit },
  area: { vi: 'Khu vực', en: 'Area', level: 'khu vực' },
  village: { vi: 'Thôn, ấp', en: 'Village', level: 'thôn' },
};

/**
 * The area summary's columns for rows grouped `by` a unit code, an area or a village: the unit
 * column headed and the grouped rows' level named for what was grouped (`Thôn, ấp (Village)`,
 * `thôn`), the rest as {@link AREA_SUMMARY_COLUMNS}.
 * @example
 * areaSummaryColumns('village')[1]?.vi //=> 'Thôn, ấp'
 */
export function areaSummaryColumns(by: 'unit' | 'area' | 'village'): ReadonlyArray<TableColumn<AreaSummaryRow>> {
  if (by === 'unit') return AREA_SUMMARY_COLUMNS;
  const g = GROUPED_BY[by];
  return Object.freeze(
    AREA_SUMMARY_COLUMNS.map((c): TableColumn<AreaSummaryRow> =>
      c.key === 'unit' ? { ...c, vi: g.vi, en: g.en } : c.key === 'level' ? { ...c, value: (r) => (r.level === 'unit' ? g.level : LEVEL_VI[r.level]) } : c,
    ),
  );
}

/** The headers a summary's unit column may have, by what its rows were grouped by (to read it back). @internal */
export const AREA_SUMMARY_UNIT_HEADERS: readonly string[] = Object.freeze(Object.values(GROUPED_BY).flatMap((g) => [g.vi, g.en, `${g.vi} (${g.en})`]));
