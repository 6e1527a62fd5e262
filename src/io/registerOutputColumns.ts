import { assertOptions } from '../errors/assertOptions.js';
import type { ScoreClassification } from '../standards/classifyByScore.js';
import type { RegisterRow } from '../standards/classifyRegisterBatch.js';
import { CLASSIFIED_HOUSEHOLD_COLUMNS, indicatorNamesVi } from './outputColumns.js';
import { REGISTER_REPORT_COLUMNS, type RegisterExtras } from './registerColumns.js';
import type { RegisterFileLayout } from './readRegisterBatches.js';
import type { OutputValue, TableColumn } from './tableWriter.js';

/**
 * One household of a classified register as written to a file: its result (by income, or by
 * score for a scored register), the unit code, the cells passed through from the input, what the
 * report columns said, and the explanation when asked for.
 */
export interface RegisterOutputRow {
  /** The result of the income path (absent for a scored register). */
  readonly result?: RegisterRow;
  /** The result of the score path (a register with Điểm phiếu B1 / B2). */
  readonly score?: ScoreClassification;
  readonly unit: string | null;
  /** Cells of the input's pass-through columns, in the input's order. */
  readonly passThrough?: readonly string[];
  readonly extras?: RegisterExtras;
  /** The explanation of the result (`explain`). */
  readonly explanation?: string;
}

const AREA_VI = { rural: 'nông thôn', urban: 'thành thị' } as const;
const big = (n: number | null | undefined): bigint | null => (n === null || n === undefined ? null : BigInt(n));

const RESULT_VALUES: Readonly<Record<string, (r: RegisterRow, o: RegisterOutputRow) => OutputValue>> = {
  id: (r) => r.id ?? null,
  unit: (_, o) => o.unit,
  area: (r) => AREA_VI[r.area],
  members: (r) => BigInt(r.members),
  monthlyIncome: (r) => r.monthlyIncome,
  line: (r) => r.line,
  lineKind: (r) => r.lineKind,
  incomeAtOrBelowLine: (r) => r.incomeAtOrBelowLine,
  // a count with indicators undetermined is not known: left blank, never written as the known part (0 when no mark was read)
  deprivationCount: (r) => (r.undetermined.length === 0 ? BigInt(r.deprivationCount) : null),
  deprivations: (r) => r.deprivations.join('; '),
  deprivationsVi: (r) => indicatorNamesVi(r.deprivations),
  undetermined: (r) => r.undetermined.join('; '),
  status: (r) => r.status,
  statusVi: (r) => r.statusVi,
  standard: (r) => r.standardId,
  rule: (r) => r.rule,
  ruleSource: (r) => r.ruleSource,
  asOf: (r) => r.asOf,
};

/**
 * The result columns of a classified register: the columns of `CLASSIFIED_HOUSEHOLD_COLUMNS`
 * (same keys, headers, order and hidden XLSX columns: id, unit, area, members, income, the deciding
 * line and its kind, deprivations (ids and Vietnamese names), status, standard, rule and source,
 * as-of date), read from a {@link RegisterOutputRow}.
 *
 * @example
 * REGISTER_RESULT_COLUMNS.map((c) => c.key).slice(0, 3) //=> ['id', 'unit', 'area']
 * @see NĐ 07/2021/NĐ-CP, Art. 3 (what each status means).
 */
export const REGISTER_RESULT_COLUMNS: ReadonlyArray<TableColumn<RegisterOutputRow>> = Object.freeze(
  CLASSIFIED_HOUSEHOLD_COLUMNS.map((c) => {
    const value = RESULT_VALUES[c.key];
    return Object.freeze({ key: c.key, vi: c.vi, en: c.en, kind: c.kind, ...(c.decimals !== undefined ? { decimals: c.decimals } : {}), ...(c.hidden === true ? { hidden: true } : {}), value: (o: RegisterOutputRow) => (o.result !== undefined && value !== undefined ? value(o.result, o) : null) });
  }),
);

/**
 * The result columns of a register classified by its review-form scores: id, unit, area, score A
 * (*Điểm phiếu B1*), score B (*Điểm phiếu B2*), the score line that decided and its kind, the
 * number of deprivations B stands for, status, standard, the score rule applied (with its
 * citation), the deciding rule and the as-of date. In an XLSX file the columns of codes (line kind,
 * status code, standard, rule, source, date) are hidden, as in {@link REGISTER_RESULT_COLUMNS}.
 *
 * @example
 * SCORE_RESULT_COLUMNS.find((c) => c.key === 'scoreRule')?.vi //=> 'Quy tắc điểm'
 * @see TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1 (the score rule).
 */
export const SCORE_RESULT_COLUMNS: ReadonlyArray<TableColumn<RegisterOutputRow>> = Object.freeze(
  (
    [
      { key: 'id', vi: 'Mã hộ', en: 'Household id', kind: 'text', value: (s) => s.id ?? null },
      { key: 'unit', vi: 'Mã đơn vị', en: 'Unit code', kind: 'text', value: (_, o) => o.unit },
      { key: 'area', vi: 'Khu vực', en: 'Area', kind: 'text', value: (s) => AREA_VI[s.area] },
      { key: 'incomeScore', vi: 'Điểm phiếu B1', en: 'Income score (A)', kind: 'text', value: (s) => s.incomeScore.toFixed() },
      { key: 'deprivationScore', vi: 'Điểm phiếu B2', en: 'Deprivation score (B)', kind: 'text', value: (s) => s.deprivationScore.toFixed() },
      { key: 'line', vi: 'Ngưỡng điểm quyết định', en: 'Deciding score line', kind: 'count', value: (s) => BigInt(s.line) },
      { key: 'lineKind', vi: 'Loại chuẩn', en: 'Line kind', kind: 'text', hidden: true, value: (s) => s.lineKind },
      { key: 'incomeScoreAtOrBelowLine', vi: 'Điểm A không quá ngưỡng', en: 'Score A at or below line', kind: 'boolean', value: (s) => s.incomeScoreAtOrBelowLine },
      { key: 'deprivationCount', vi: 'Số chỉ số thiếu hụt', en: 'Deprivations', kind: 'count', value: (s) => big(s.deprivationCount) },
      { key: 'status', vi: 'Mã phân loại', en: 'Status', kind: 'text', hidden: true, value: (s) => s.status },
      { key: 'statusVi', vi: 'Phân loại', en: 'Status (Vietnamese)', kind: 'text', value: (s) => s.statusVi },
      { key: 'standard', vi: 'Chuẩn áp dụng', en: 'Standard', kind: 'text', hidden: true, value: (s) => s.standard.id },
      { key: 'scoreRule', vi: 'Quy tắc điểm', en: 'Score rule', kind: 'text', value: (s) => `${s.scoreRule.id} (${s.scoreRule.source})` },
      { key: 'rule', vi: 'Quy tắc quyết định', en: 'Deciding rule', kind: 'text', hidden: true, value: (s) => s.rule.id },
      { key: 'ruleSource', vi: 'Căn cứ', en: 'Source', kind: 'text', hidden: true, value: (s) => s.rule.source },
      { key: 'asOf', vi: 'Ngày tham chiếu', en: 'As of', kind: 'date', hidden: true, value: (s) => s.asOf },
    ] satisfies Array<Omit<TableColumn<never>, 'value'> & { value: (s: ScoreClassification, o: RegisterOutputRow) => OutputValue }>
  ).map((c) => Object.freeze({ key: c.key, vi: c.vi, en: c.en, kind: c.kind, ...('hidden' in c ? { hidden: true } : {}), value: (o: RegisterOutputRow) => (o.score !== undefined ? c.value(o.score, o) : null) }) as TableColumn<RegisterOutputRow>),
);

const spec = (key: string) => REGISTER_REPORT_COLUMNS.find((c) => c.key === key)!;
const child = (key: string, field: 'total' | 'withoutHealthInsurance' | 'nutritionDeprived' | 'schoolDeprived'): TableColumn<RegisterOutputRow> => ({
  key,
  vi: spec(`children:${field}`).vi,
  en: spec(`children:${field}`).en,
  kind: 'count',
  value: (o) => big(o.extras?.children?.[field]),
});

/**
 * The report columns of a classified register, under stable keys and headers whatever the input
 * called them (so `summarize` and the report builders find them): head of household, village,
 * ethnic group, ethnic-minority household, causes of poverty and support received (codes
 * separated by `; `), policy groups, and the children counts.
 *
 * @example
 * REGISTER_EXTRA_COLUMNS.map((c) => c.key).slice(0, 2) //=> ['headName', 'village']
 * @see review-procedure §9 (what the standard reports read).
 */
export const REGISTER_EXTRA_COLUMNS: ReadonlyArray<TableColumn<RegisterOutputRow>> = Object.freeze(
  ([
    { key: 'headName', vi: spec('headName').vi, en: spec('headName').en, kind: 'text', value: (o) => o.extras?.headName ?? null },
    { key: 'village', vi: spec('village').vi, en: spec('village').en, kind: 'text', value: (o) => o.extras?.village ?? null },
    { key: 'ethnicGroup', vi: spec('ethnicGroup').vi, en: spec('ethnicGroup').en, kind: 'text', value: (o) => o.extras?.ethnicGroup ?? null },
    { key: 'ethnicMinority', vi: spec('ethnicMinority').vi, en: spec('ethnicMinority').en, kind: 'boolean', value: (o) => o.extras?.ethnicMinority ?? null },
    { key: 'causes', vi: spec('causes').vi, en: spec('causes').en, kind: 'text', value: (o) => o.extras?.causes?.join('; ') ?? null },
    { key: 'support', vi: spec('support').vi, en: spec('support').en, kind: 'text', value: (o) => o.extras?.support?.join('; ') ?? null },
    { key: 'policyGroups', vi: spec('policyGroups').vi, en: spec('policyGroups').en, kind: 'text', value: (o) => o.extras?.policyGroups?.join('; ') ?? null },
    child('children', 'total'),
    child('childrenWithoutHealthInsurance', 'withoutHealthInsurance'),
    child('childrenNutritionDeprived', 'nutritionDeprived'),
    child('childrenSchoolDeprived', 'schoolDeprived'),
  ] satisfies Array<TableColumn<RegisterOutputRow>>).map((c) => Object.freeze(c)),
);

/** Which report input keys feed each extra output column. */
const EXTRA_SOURCES: Readonly<Record<string, (key: string) => boolean>> = {
  headName: (k) => k === 'headName',
  village: (k) => k === 'village',
  ethnicGroup: (k) => k === 'ethnicGroup',
  ethnicMinority: (k) => k === 'ethnicMinority',
  causes: (k) => k === 'causes' || k.startsWith('cause:'),
  support: (k) => k === 'support' || k.startsWith('support:'),
  policyGroups: (k) => k === 'policyGroups',
  children: (k) => k === 'children:total',
  childrenWithoutHealthInsurance: (k) => k === 'children:withoutHealthInsurance',
  childrenNutritionDeprived: (k) => k === 'children:nutritionDeprived',
  childrenSchoolDeprived: (k) => k === 'children:schoolDeprived',
};

const EXPLANATION: TableColumn<RegisterOutputRow> = Object.freeze({ key: 'explanation', vi: 'Diễn giải', en: 'Explanation', kind: 'text', value: (o: RegisterOutputRow) => o.explanation ?? null });

/**
 * The columns of a classified register file for a register read as `layout` says: the input's
 * pass-through columns first (headers and cells unchanged, in the input's order), then the result
 * columns ({@link REGISTER_RESULT_COLUMNS}, or {@link SCORE_RESULT_COLUMNS} for a scored register),
 * then the report columns the input has ({@link REGISTER_EXTRA_COLUMNS}), then the explanation
 * when asked for.
 *
 * @example
 * registerOutputColumns({ passThrough: ['STT'], extras: ['village'], scores: false }).map((c) => c.key)
 * //=> ['pass:0', 'id', 'unit', …, 'asOf', 'village']
 */
export function registerOutputColumns(layout: Pick<RegisterFileLayout, 'passThrough' | 'extras' | 'scores'>, options: { readonly explain?: boolean } = {}): ReadonlyArray<TableColumn<RegisterOutputRow>> {
  assertOptions(options, 'registerOutputColumns');
  const pass = layout.passThrough.map(
    (header, c): TableColumn<RegisterOutputRow> => ({ key: `pass:${c}`, vi: header, en: header, kind: 'text', value: (o) => o.passThrough?.[c] ?? null }),
  );
  const extras = REGISTER_EXTRA_COLUMNS.filter((c) => layout.extras.some(EXTRA_SOURCES[c.key]!));
  return Object.freeze([...pass, ...(layout.scores ? SCORE_RESULT_COLUMNS : REGISTER_RESULT_COLUMNS), ...extras, ...(options.explain === true ? [EXPLANATION] : [])]);
}

/** Every column a classify output may have besides pass-through ones: a register that is an output read again does not pass these through. @internal */
export const REGISTER_OUTPUT_HEADERS: ReadonlyArray<TableColumn<RegisterOutputRow>> = Object.freeze([...REGISTER_RESULT_COLUMNS, ...SCORE_RESULT_COLUMNS, ...REGISTER_EXTRA_COLUMNS, EXPLANATION]);
