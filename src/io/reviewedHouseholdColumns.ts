import { VnPovertyError, issue } from '../errors/VnPovertyError.js';
import type { ChildCounts, ReviewedHousehold } from '../reports/reviewedHousehold.js';
import type { Area } from '../standards/household.js';
import { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS_VI, type HouseholdStatus } from '../standards/householdStatus.js';
import type { IndicatorId } from '../standards/indicators.js';
import { POVERTY_STANDARDS } from '../standards/standards.js';
import { cellError, normalizeHeader, type CellPosition, type CellValue, type ColumnSpec } from './columns.js';
import { CLASSIFIED_HOUSEHOLD_COLUMNS } from './outputColumns.js';
import { AREA_EXPECTED, areaOfWord } from './readHouseholdRegister.js';
import { causesOfCell, REGISTER_REPORT_COLUMNS } from './registerColumns.js';
import { REGISTER_EXTRA_COLUMNS } from './registerOutputColumns.js';

/** A result column of classify's output under the reviewed key, with classify's headers and the other names exports use. */
function result(key: string, classified: string, hint: ColumnSpec['hint'], aliases: readonly string[], required?: true): ColumnSpec {
  const c = CLASSIFIED_HOUSEHOLD_COLUMNS.find((x) => x.key === classified)!;
  return { key, hint, vi: c.vi, en: c.en, aliases, ...(required ? { required } : {}) };
}

/** A report column of classify's output (`REGISTER_EXTRA_COLUMNS`, read as the register reads it: `REGISTER_REPORT_COLUMNS`). */
function report(key: string, vi: string): ColumnSpec {
  const c = REGISTER_REPORT_COLUMNS.find((x) => x.vi === vi)!;
  return { ...c, key };
}

/**
 * The columns of a classified register (the output of `vn-poverty classify`, or a province
 * review export) that map onto a `ReviewedHousehold`, with their Vietnamese and English headers
 * (either, or `vi (en)` as classify writes them) and the other names exports use. Only the
 * household id and a status column (*Mã phân loại* or *Phân loại*) are needed; every other
 * column is optional and each of its cells is checked (an unknown value is named by row and
 * column). The unit is *Tên đơn vị* when the file has that column, else *Mã đơn vị*.
 * The headers are the ones classify writes: its result columns (`CLASSIFIED_HOUSEHOLD_COLUMNS`)
 * and its report columns (`REGISTER_EXTRA_COLUMNS`, with every name the register reader knows
 * for them, `REGISTER_REPORT_COLUMNS`); columns classify passes through keep their own headers.
 *
 * | key | Vietnamese | English | cells |
 * |---|---|---|---|
 * | `id` | Mã hộ | Household id | required |
 * | `unit`, `unitName` | Mã đơn vị, Tên đơn vị | Unit code, Unit name | the reporting unit |
 * | `area` | Khu vực | Area | nông thôn / thành thị (rural / urban, NT / TT) |
 * | `status`, `statusVi` | Mã phân loại, Phân loại | Status, Status (Vietnamese) | poor, near-poor, average, non-poor or their Vietnamese names |
 * | `startStatus` | Phân loại đầu năm | Start status | as the status; blank: not on the start list |
 * | `everEscapedPoverty`, `everEscapedNearPoverty` | Đã từng thoát nghèo, Đã từng thoát cận nghèo | Escaped poverty before, Escaped near-poverty before | có / không |
 * | `deprivedIndicators`, `deprivedIndicatorsVi` | Chỉ số thiếu hụt, Các chỉ số thiếu hụt | Deprived indicators, Deprived indicators (Vietnamese) | indicator ids or names, separated by `;`; both columns must agree |
 * | `headName`, `village` | Họ tên chủ hộ, Thôn | Head of household, Village | text |
 * | `ethnicGroup`, `ethnicMinority` | Dân tộc, Hộ DTTS | Ethnic group, Ethnic minority | text; có / không |
 * | `causes` | Nguyên nhân nghèo | Causes of poverty | the 8 causes (codes or Vietnamese names), separated by `;` |
 * | `policyGroups` | Đối tượng chính sách | Policy groups | separated by `;` |
 * | `children`, `childrenWithoutHealthInsurance`, `childrenNutritionDeprived`, `childrenSchoolDeprived` | Số trẻ em, Số trẻ em không có BHYT, Số trẻ em thiếu hụt dinh dưỡng, Số trẻ em thiếu hụt đi học | Children, Children without health insurance, … | counts, each at most the children |
 * | `standard` | Chuẩn áp dụng | Standard | the standard's id (for the deprivation report) |
 *
 * @example
 * REVIEWED_HOUSEHOLD_COLUMNS.find((c) => c.key === 'startStatus')?.vi //=> 'Phân loại đầu năm'
 * @see review-procedure §9 (the export's columns and the reports that read them; SECONDARY).
 */
export const REVIEWED_HOUSEHOLD_COLUMNS: readonly ColumnSpec[] = Object.freeze(
  (
    [
      result('id', 'id', 'text', ['mã số hộ', 'mã hộ gia đình', 'household code'], true),
      result('unit', 'unit', 'text', ['mã xã', 'mã đơn vị hành chính']),
      { key: 'unitName', hint: 'text', vi: 'Tên đơn vị', en: 'Unit name', aliases: ['đơn vị', 'tên xã', 'xã', 'xã, phường, thị trấn', 'xã/phường/thị trấn', 'xã/phường'] },
      result('area', 'area', 'text', ['thành thị/nông thôn', 'nông thôn/thành thị', 'urban/rural']),
      result('status', 'status', 'text', ['mã kết quả phân loại', 'status code']),
      result('statusVi', 'statusVi', 'text', ['kết quả phân loại', 'kết quả rà soát', 'phân loại hộ', 'phân loại cuối năm', 'classification']),
      { key: 'startStatus', hint: 'text', vi: 'Phân loại đầu năm', en: 'Start status', aliases: ['mã phân loại đầu năm', 'phân loại đầu kỳ', 'kết quả phân loại đầu năm', 'kết quả rà soát đầu năm', 'phân loại năm trước', 'kết quả rà soát năm trước', 'status at the start', 'start-of-year status', 'previous status'] },
      { key: 'everEscapedPoverty', hint: 'boolean', vi: 'Đã từng thoát nghèo', en: 'Escaped poverty before', aliases: ['từng thoát nghèo', 'ever escaped poverty'] },
      { key: 'everEscapedNearPoverty', hint: 'boolean', vi: 'Đã từng thoát cận nghèo', en: 'Escaped near-poverty before', aliases: ['từng thoát cận nghèo', 'ever escaped near-poverty'] },
      result('deprivedIndicators', 'deprivations', 'text', ['chỉ tiêu thiếu hụt', 'deprived indicator ids']),
      result('deprivedIndicatorsVi', 'deprivationsVi', 'text', ['tên các chỉ số thiếu hụt']),
      ...REGISTER_EXTRA_COLUMNS.filter((c) => c.key !== 'support').map((c) => report(c.key, c.vi)),
      result('standard', 'standard', 'text', ['chuẩn nghèo áp dụng', 'standard id']),
    ] satisfies ColumnSpec[]
  ).map((c) => Object.freeze(c)),
);

/** The optional fields of a `ReviewedHousehold` a file may have columns for. */
export type ReviewedField = 'area' | 'village' | 'headName' | 'startStatus' | 'everEscapedPoverty' | 'everEscapedNearPoverty' | 'ethnicMinority' | 'ethnicGroup' | 'deprivations' | 'causes' | 'policyGroups' | 'children';

/** The column keys that give each field (the first is the one named when it is missing). @internal */
export const FIELD_COLUMNS: Readonly<Record<ReviewedField, readonly string[]>> = Object.freeze({
  area: ['area'],
  village: ['village'],
  headName: ['headName'],
  startStatus: ['startStatus'],
  everEscapedPoverty: ['everEscapedPoverty'],
  everEscapedNearPoverty: ['everEscapedNearPoverty'],
  ethnicMinority: ['ethnicMinority', 'ethnicGroup'],
  ethnicGroup: ['ethnicGroup'],
  deprivations: ['deprivedIndicators', 'deprivedIndicatorsVi'],
  causes: ['causes'],
  policyGroups: ['policyGroups'],
  children: ['children', 'childrenWithoutHealthInsurance', 'childrenNutritionDeprived', 'childrenSchoolDeprived'],
});

const fold = (text: string): string => normalizeHeader(text);

const STATUS_WORDS: ReadonlyMap<string, HouseholdStatus> = new Map([
  ...HOUSEHOLD_STATUSES.flatMap((s) => [
    [fold(s), s],
    [fold(HOUSEHOLD_STATUS_LABELS_VI[s]), s],
    [fold(HOUSEHOLD_STATUS_LABELS_VI[s].replace(/^hộ /u, '')), s],
  ] as const),
  ['near poor', 'near-poor'],
  ['non poor', 'non-poor'],
  ['ho muc song trung binh', 'average'],
  ['trung binh', 'average'],
]);
const STATUS_EXPECTED = `a status: ${HOUSEHOLD_STATUSES.join(', ')} (or ${Object.values(HOUSEHOLD_STATUS_LABELS_VI).join(', ')})`;

const INDICATOR_WORDS: ReadonlyMap<string, IndicatorId> = new Map(POVERTY_STANDARDS.flatMap((s) => s.indicators.flatMap((i) => [[fold(i.id), i.id] as const, [fold(i.nameVi), i.id] as const])));
const INDICATOR_EXPECTED = `indicator ids or names separated by ";": ${[...new Set(POVERTY_STANDARDS.flatMap((s) => s.indicators.map((i) => i.id)))].join(', ')}`;


/** Kinh, the majority group; every other group of the 54 is an ethnic minority (*dân tộc thiểu số*). */
const MAJORITY_GROUP = 'kinh';
/** What an ethnic-group cell may say instead of a group: only that the household is a minority one. */
const MINORITY_WORDS = new Set(['dtts', 'dan toc thieu so', 'dan toc tai cho', 'thieu so']);

function refuse(at: CellPosition, value: unknown, expected: string): never {
  throw cellError(at, new VnPovertyError([issue({ code: 'invalid-input', path: [], value, expected })]));
}

/** A status cell as a status, or an error naming the cell. @internal */
export function statusOfCell(text: string, at: CellPosition): HouseholdStatus {
  return STATUS_WORDS.get(fold(text)) ?? refuse(at, text, STATUS_EXPECTED);
}

function listOf<T>(text: string, words: ReadonlyMap<string, T>, at: CellPosition, expected: string): T[] {
  const out: T[] = [];
  for (const part of text.split(/[;|\n]/u)) {
    const word = fold(part);
    if (word === '') continue;
    const found = words.get(word) ?? refuse(at, part.trim(), expected);
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

/** Where the columns of a file are: 0-based index and header as printed, by key. @internal */
export interface ReviewedColumnPlan {
  readonly source: string | undefined;
  readonly at: Readonly<Record<string, { readonly column: number; readonly header: string }>>;
  /** The unit of a household whose unit cell is empty, if any. */
  readonly defaultUnit: string | undefined;
}

/**
 * The household of one record, every present column checked: statuses and areas as words the
 * readers know, deprived indicators, causes as known kinds, children counts at most the total,
 * the ethnic-minority flag agreeing with the ethnic group (a group other than Kinh is a
 * minority; without a flag column the flag is read from the group).
 * @throws VnPovertyError naming row and column: `invalid-input`, `missing-value`.
 * @internal
 */
export function reviewedHouseholdOf(row: number, values: Readonly<Record<string, CellValue>>, plan: ReviewedColumnPlan): ReviewedHousehold {
  const at = (key: string): CellPosition => ({ source: plan.source, row, column: (plan.at[key]?.column ?? 0) + 1, header: plan.at[key]?.header ?? key });
  const text = (key: string): string | undefined => {
    const v = values[key];
    return v === null || v === undefined ? undefined : String(v);
  };
  const out: Record<string, unknown> = { id: text('id') };
  const unitKey = plan.at['unitName'] !== undefined ? 'unitName' : 'unit';
  const unit = text(unitKey) ?? plan.defaultUnit;
  if (unit === undefined) {
    const where = plan.at[unitKey] !== undefined ? at(unitKey) : { source: plan.source, row, column: 1, header: 'Mã đơn vị' };
    throw cellError(where, new VnPovertyError([issue({ code: 'missing-value', path: [], value: '', expected: 'the unit of the household (Mã đơn vị or Tên đơn vị), or a default unit' })]));
  }
  out['unit'] = unit;
  const area = text('area');
  if (area !== undefined) out['area'] = (areaOfWord(area) ?? refuse(at('area'), area, AREA_EXPECTED)) satisfies Area;
  const code = text('status');
  const word = text('statusVi');
  const status = code !== undefined ? statusOfCell(code, at('status')) : word !== undefined ? statusOfCell(word, at('statusVi')) : undefined;
  if (status === undefined) {
    const key = plan.at['status'] !== undefined ? 'status' : 'statusVi';
    throw cellError(at(key), new VnPovertyError([issue({ code: 'missing-value', path: [], value: '', expected: `the household's status (${STATUS_EXPECTED})` })]));
  }
  if (code !== undefined && word !== undefined && statusOfCell(word, at('statusVi')) !== status) {
    refuse(at('statusVi'), word, `the status of column ${at('status').column} (${code}), which this column names too`);
  }
  out['status'] = status;
  if (plan.at['startStatus'] !== undefined) {
    const s = text('startStatus');
    out['startStatus'] = s === undefined ? null : statusOfCell(s, at('startStatus'));
  }
  for (const key of ['everEscapedPoverty', 'everEscapedNearPoverty', 'headName', 'village'] as const) {
    const v = values[key];
    if (v !== null && v !== undefined) out[key] = v;
  }
  const group = text('ethnicGroup');
  const flag = values['ethnicMinority'];
  if (group !== undefined) {
    const folded = fold(group);
    const minority = MINORITY_WORDS.has(folded) ? true : folded.replace(/^dan toc /u, '') !== MAJORITY_GROUP;
    if (!MINORITY_WORDS.has(folded)) out['ethnicGroup'] = group;
    if (typeof flag === 'boolean' && flag !== minority) {
      refuse(at('ethnicMinority'), flag ? 'có' : 'không', `${minority ? 'có' : 'không'}: the ethnic group of column ${at('ethnicGroup').column} is ${group}${minority ? ', an ethnic minority' : ', the majority group'}`);
    }
    out['ethnicMinority'] = minority;
  } else if (typeof flag === 'boolean') out['ethnicMinority'] = flag;
  // classify writes the ids and the names; in a workbook the ids are hidden, so the names an
  // official may have edited must still say the same
  const deprivedOf = (key: string): IndicatorId[] | undefined => {
    if (plan.at[key] === undefined) return undefined;
    const cell = text(key);
    return cell === undefined ? [] : listOf(cell, INDICATOR_WORDS, at(key), INDICATOR_EXPECTED);
  };
  const ids = deprivedOf('deprivedIndicators');
  const names = deprivedOf('deprivedIndicatorsVi');
  if (ids !== undefined && names !== undefined && (ids.length !== names.length || ids.some((i) => !names.includes(i)))) {
    refuse(at('deprivedIndicatorsVi'), text('deprivedIndicatorsVi') ?? '', `the indicators of column ${at('deprivedIndicators').column} (${ids.length === 0 ? 'none' : ids.join('; ')}), which this column names too`);
  }
  const deprived = ids ?? names;
  if (deprived !== undefined) out['deprivations'] = Object.freeze(deprived);
  const causes = text('causes');
  if (causes !== undefined) out['causes'] = Object.freeze(causesOfCell(causes, at('causes')));
  const groups = text('policyGroups');
  if (groups !== undefined) {
    const list = [...new Set(groups.split(/[;|\n]/u).map((g) => g.trim()).filter((g) => g !== ''))];
    if (list.length > 0) out['policyGroups'] = Object.freeze(list);
  }
  const children = childrenOf(values, at);
  if (children !== undefined) out['children'] = children;
  return Object.freeze(out) as unknown as ReviewedHousehold;
}

const CHILD_KEYS = [
  ['withoutHealthInsurance', 'childrenWithoutHealthInsurance'],
  ['nutritionDeprived', 'childrenNutritionDeprived'],
  ['schoolDeprived', 'childrenSchoolDeprived'],
] as const;

function childrenOf(values: Readonly<Record<string, CellValue>>, at: (key: string) => CellPosition): ChildCounts | undefined {
  const count = (key: string): number | undefined => {
    const v = values[key];
    if (typeof v !== 'bigint') return undefined;
    return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : refuse(at(key), String(v), 'a count of children');
  };
  const total = count('children');
  const parts = CHILD_KEYS.map(([field, key]) => [field, key, count(key)] as const);
  if (total === undefined) {
    const given = parts.find(([, , n]) => n !== undefined);
    if (given !== undefined) refuse(at(given[1]), String(given[2]), `a children total in column “Số trẻ em” (Children) for the children counted here`);
    return undefined;
  }
  const out: Record<string, number> = { total };
  for (const [field, key, n] of parts) {
    if (n !== undefined && n > total) refuse(at(key), String(n), `at most the ${total} children of column ${at('children').column} (${at('children').header})`);
    out[field] = n ?? 0;
  }
  return Object.freeze(out) as unknown as ChildCounts;
}
