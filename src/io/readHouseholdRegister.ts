import { basename } from 'node:path';
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { VnPovertyError, fail, issue } from '../errors/VnPovertyError.js';
import type { HouseholdInput } from '../standards/household.js';
import type { IndicatorId } from '../standards/indicators.js';
import { POVERTY_STANDARDS } from '../standards/standards.js';
import { normalizeHeader, type CellValue, type ColumnSpec, type HeaderMatch } from './columns.js';
import { readRecordBatches, type ReadRecordsOptions, type TypedRecord } from './readRecords.js';
import type { RowSource } from './readRows.js';

/** Household-level columns of a register (one value per household). */
const HOUSEHOLD_COLUMNS: readonly ColumnSpec[] = [
  { key: 'id', hint: 'text', vi: 'Mã hộ', en: 'Household id', aliases: ['mã hộ gia đình', 'household'], required: true },
  { key: 'unit', hint: 'text', vi: 'Mã đơn vị', en: 'Unit code', aliases: ['mã xã', 'đơn vị', 'unit', 'commune code'] },
  { key: 'area', hint: 'text', vi: 'Khu vực', en: 'Area', aliases: ['nông thôn/thành thị', 'rural/urban'], required: true },
  { key: 'monthlyIncome', hint: 'amount', vi: 'Thu nhập/tháng (đồng)', en: 'Monthly income (dong)', aliases: ['thu nhập', 'thu nhập/tháng', 'monthly income', 'income'], required: true },
  { key: 'memberAges', hint: 'text', vi: 'Tuổi các thành viên', en: 'Member ages', aliases: ['tuổi nhân khẩu'] },
  { key: 'safeWater', hint: 'boolean', vi: 'Nước sinh hoạt hợp vệ sinh', en: 'Safe water', aliases: ['nước sạch'] },
  { key: 'hygienicLatrine', hint: 'boolean', vi: 'Nhà tiêu hợp vệ sinh', en: 'Hygienic latrine' },
  { key: 'telecom', hint: 'boolean', vi: 'Dịch vụ viễn thông', en: 'Telecom services', aliases: ['telecom'] },
  { key: 'informationDevices', hint: 'text', vi: 'Phương tiện thông tin', en: 'Information devices' },
  { key: 'villageLoudspeaker', hint: 'boolean', vi: 'Loa truyền thanh', en: 'Village loudspeaker' },
  { key: 'wasteTreated', hint: 'boolean', vi: 'Rác thải được thu gom, xử lý', en: 'Waste treated' },
  { key: 'walls', hint: 'text', vi: 'Tường nhà', en: 'Walls' },
  { key: 'columns', hint: 'text', vi: 'Cột nhà', en: 'Columns' },
  { key: 'roof', hint: 'text', vi: 'Mái nhà', en: 'Roof' },
  { key: 'floorArea', hint: 'rate', vi: 'Diện tích nhà ở (m²)', en: 'Floor area (m2)', aliases: ['diện tích nhà ở', 'floor area'] },
];

/** Member-level columns (one row per member, rows of a household one after another). */
const MEMBER_COLUMNS: readonly ColumnSpec[] = [
  { key: 'age', hint: 'count', vi: 'Tuổi', en: 'Age' },
  { key: 'work', hint: 'text', vi: 'Việc làm', en: 'Work' },
  { key: 'healthInsurance', hint: 'boolean', vi: 'Có thẻ BHYT', en: 'Health insurance', aliases: ['bhyt', 'bảo hiểm y tế'] },
  { key: 'attendingSchool', hint: 'boolean', vi: 'Đang đi học', en: 'Attending school' },
  { key: 'education', hint: 'text', vi: 'Trình độ giáo dục', en: 'Education' },
  { key: 'disabled', hint: 'boolean', vi: 'Khuyết tật', en: 'Disabled' },
  { key: 'monthlySocialAllowance', hint: 'boolean', vi: 'Trợ cấp xã hội hằng tháng', en: 'Monthly social allowance' },
  { key: 'malnourished', hint: 'boolean', vi: 'Suy dinh dưỡng', en: 'Malnourished' },
  { key: 'untreatedIllness', hint: 'boolean', vi: 'Ốm không được chữa trị', en: 'Untreated illness' },
];

const INDICATORS = (() => {
  const seen = new Map<IndicatorId, { readonly nameVi: string; readonly name: string }>();
  for (const s of POVERTY_STANDARDS) for (const i of s.indicators) if (!seen.has(i.id)) seen.set(i.id, { nameVi: i.nameVi, name: i.name });
  return [...seen.entries()];
})();

/** Review-form flag columns, one per indicator id: "Thiếu hụt: bảo hiểm y tế (Deprived: health insurance)". */
const FLAG_COLUMNS: readonly ColumnSpec[] = INDICATORS.map(([id, names]) => ({
  key: `flag:${id}`,
  hint: 'boolean' as const,
  vi: `Thiếu hụt: ${names.nameVi}`,
  en: `Deprived: ${names.name}`,
  aliases: [`deprived: ${id}`, `thiếu hụt: ${id}`],
}));

/**
 * The columns a household register may have, with their Vietnamese and English headers
 * and hints. Required: household id, area, monthly income. Members are given either by a
 * `Tuổi các thành viên` column (ages separated by `;`, one row per household) or by one row
 * per member with an `Tuổi` (age) column and the member columns; review-form results by
 * `Thiếu hụt: …` columns (one per indicator).
 *
 * @example
 * HOUSEHOLD_REGISTER_COLUMNS.find((c) => c.key === 'monthlyIncome')?.vi //=> 'Thu nhập/tháng (đồng)'
 */
export const HOUSEHOLD_REGISTER_COLUMNS: readonly ColumnSpec[] = Object.freeze([...HOUSEHOLD_COLUMNS, ...MEMBER_COLUMNS, ...FLAG_COLUMNS].map((c) => Object.freeze(c)));

/** One household read from a register. */
export interface RegisterHousehold {
  /** Row of the household's first line in the file. */
  readonly row: number;
  /** Row of its last line (the same for one row per household). */
  readonly lastRow: number;
  /** The administrative unit code, when the register has a unit column. */
  readonly unit: string | null;
  /** The household as `classifyHousehold` accepts it. */
  readonly household: HouseholdInput;
}

/** Options of {@link readHouseholdRegister}. */
export type ReadHouseholdRegisterOptions = ReadRecordsOptions;

const AREA_WORDS: Readonly<Record<string, 'rural' | 'urban'>> = {
  rural: 'rural', 'nong thon': 'rural', 'khu vuc nong thon': 'rural',
  urban: 'urban', 'thanh thi': 'urban', 'khu vuc thanh thi': 'urban', 'do thi': 'urban',
};
const DURABILITY_WORDS: Readonly<Record<string, 'durable' | 'non-durable'>> = {
  durable: 'durable', 'ben chac': 'durable', 'non-durable': 'non-durable', 'khong ben chac': 'non-durable',
};
const WORK_WORDS: Readonly<Record<string, NonNullable<HouseholdInput['members'][number]['work']>>> = {
  'wage-with-contract': 'wage-with-contract', 'lam cong huong luong co hop dong lao dong': 'wage-with-contract', 'co hop dong': 'wage-with-contract',
  'wage-without-contract': 'wage-without-contract', 'lam cong huong luong khong co hop dong lao dong': 'wage-without-contract', 'khong co hop dong': 'wage-without-contract',
  'self-employed': 'self-employed', 'tu lam': 'self-employed',
  unemployed: 'unemployed', 'that nghiep': 'unemployed',
  'not-working': 'not-working', 'khong lam viec': 'not-working',
};
const EDUCATION_WORDS: Readonly<Record<string, NonNullable<HouseholdInput['members'][number]['education']>>> = {
  none: 'none', 'chua hoc': 'none', primary: 'primary', 'tieu hoc': 'primary',
  'lower-secondary': 'lower-secondary', 'trung hoc co so': 'lower-secondary', thcs: 'lower-secondary',
  'upper-secondary': 'upper-secondary', 'trung hoc pho thong': 'upper-secondary', thpt: 'upper-secondary',
  vocational: 'vocational', 'trung cap': 'vocational', 'hoc nghe': 'vocational',
  college: 'college', 'cao dang': 'college', university: 'university', 'dai hoc': 'university',
};
const DEVICE_WORDS: Readonly<Record<string, 'television' | 'radio' | 'computer' | 'smartphone'>> = {
  television: 'television', tv: 'television', 'ti vi': 'television', tivi: 'television',
  radio: 'radio', computer: 'computer', 'may tinh': 'computer', smartphone: 'smartphone', 'dien thoai thong minh': 'smartphone',
};

interface Where {
  readonly source: string | undefined;
  readonly row: number;
  readonly header: string;
}

function bad(at: Where, code: string, value: unknown, expected: string): never {
  const place = `${at.source !== undefined ? `${at.source}, ` : ''}row ${at.row}, column ${at.header}`;
  return fail({ code, path: at.source !== undefined ? [at.source, at.row, at.header] : [at.row, at.header], value, expected, message: `${place}: got ${JSON.stringify(value)}, expected ${expected}` });
}

function word<T>(table: Readonly<Record<string, T>>, text: string, at: Where, expected: string): T {
  const found = table[normalizeHeader(text)];
  return found !== undefined ? found : bad(at, 'invalid-input', text, expected);
}

/**
 * Streams the households of a register file (CSV or XLSX) as inputs for
 * `classifyHousehold`, with bounded memory. The header is matched to
 * {@link HOUSEHOLD_REGISTER_COLUMNS} (Vietnamese or English, with or without diacritics);
 * the rows of one household must be consecutive, and household columns repeated on a
 * member's row must be blank or equal to the first row's.
 *
 * @param source - a `.csv` or `.xlsx` path, or a CSV stream.
 * @param options - format, delimiter, sheet, a name for messages, `onHeader` (sees ignored columns).
 * @throws VnPovertyError naming file, row and column: the errors of {@link readRecords},
 *   `invalid-input` (an unknown area, work, education or device word; a bad age list),
 *   `missing-members` (no ages), `inconsistent-household` (a member row disagreeing with
 *   its household), `duplicate-household` (an id seen again after other households).
 * @example
 * for await (const h of readHouseholdRegister('ho.csv')) h.household.monthlyIncome
 * //=> 6000000n …
 */
export async function* readHouseholdRegister(source: RowSource, options: ReadHouseholdRegisterOptions = {}): AsyncGenerator<RegisterHousehold> {
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  let headers: Record<string, string> = {};
  const onHeader = (match: HeaderMatch): void => {
    headers = Object.fromEntries(HOUSEHOLD_REGISTER_COLUMNS.filter((c) => match.index[c.key] !== undefined).map((c) => [c.key, c.vi]));
    options.onHeader?.(match);
  };
  const seen = new Set<string>();
  let current: { first: TypedRecord; last: TypedRecord; members: Array<Record<string, unknown>> } | undefined;
  const finish = (): RegisterHousehold => {
    const { first, last, members } = current!;
    return build(first, last.row, members, label, headers);
  };
  const readOptions: ReadRecordsOptions = { ...options, ...(label !== undefined ? { source: label } : {}), onHeader, requireValues: false };
  for await (const batch of readRecordBatches(source, HOUSEHOLD_REGISTER_COLUMNS, readOptions)) {
    const ready: RegisterHousehold[] = [];
    for (const record of batch) {
      const id = record.values['id'];
      if (typeof id !== 'string') return bad({ source: label, row: record.row, header: headers['id'] ?? 'id' }, 'missing-value', '', 'the household id on every row');
      const member = memberOf(record, label, headers);
      if (current !== undefined && current.first.values['id'] === id) {
        checkSameHousehold(current.first, record, label, headers);
        if (member !== undefined) current.members.push(member);
        current.last = record;
        continue;
      }
      if (current !== undefined) ready.push(finish());
      if (seen.has(id)) {
        bad({ source: label, row: record.row, header: headers['id'] ?? 'id' }, 'duplicate-household', id, 'each household’s rows together, once: this id appeared earlier in the file');
      }
      seen.add(id);
      for (const key of ['area', 'monthlyIncome']) {
        if (record.values[key] === null) bad({ source: label, row: record.row, header: headers[key] ?? key }, 'missing-value', '', 'a value on the first row of each household');
      }
      current = { first: record, last: record, members: member !== undefined ? [member] : [] };
    }
    yield* ready;
  }
  if (current !== undefined) yield finish();
}

const MEMBER_KEYS = MEMBER_COLUMNS.map((c) => c.key);
const HOUSEHOLD_KEYS = [...HOUSEHOLD_COLUMNS, ...FLAG_COLUMNS].map((c) => c.key).filter((k) => k !== 'id');

function memberOf(record: TypedRecord, source: string | undefined, headers: Record<string, string>): Record<string, unknown> | undefined {
  const v = record.values;
  if (MEMBER_KEYS.every((k) => v[k] === undefined || v[k] === null)) return undefined;
  const at = (key: string): Where => ({ source, row: record.row, header: headers[key] ?? key });
  const age = v['age'];
  if (age === null || age === undefined) return bad(at('age'), 'missing-value', '', 'the age of the member this row describes');
  const member: Record<string, unknown> = { age: Number(age as bigint) };
  for (const key of MEMBER_KEYS) {
    const value = v[key];
    if (key === 'age' || value === null || value === undefined) continue;
    if (key === 'work') member[key] = word(WORK_WORDS, value as string, at(key), 'a work status: có/không có hợp đồng, tự làm, thất nghiệp, không làm việc (or wage-with-contract, wage-without-contract, self-employed, unemployed, not-working)');
    else if (key === 'education') member[key] = word(EDUCATION_WORDS, value as string, at(key), 'an education level: chưa học, tiểu học, THCS, THPT, trung cấp/học nghề, cao đẳng, đại học');
    else member[key] = value;
  }
  return member;
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return true;
  if (a instanceof Decimal && b instanceof Decimal) return a.eq(b);
  return a === b;
}

function checkSameHousehold(first: TypedRecord, next: TypedRecord, source: string | undefined, headers: Record<string, string>): void {
  for (const key of HOUSEHOLD_KEYS) {
    if (!same(first.values[key], next.values[key])) {
      const at: Where = { source, row: next.row, header: headers[key] ?? key };
      bad(at, 'inconsistent-household', String(next.values[key]), `${String(first.values[key])} as on row ${first.row} (a member row repeats its household's columns or leaves them blank)`);
    }
  }
}

function build(first: TypedRecord, lastRow: number, rowMembers: Array<Record<string, unknown>>, source: string | undefined, headers: Record<string, string>): RegisterHousehold {
  const v = first.values;
  const at = (key: string): Where => ({ source, row: first.row, header: headers[key] ?? key });
  const household: Record<string, unknown> = {
    id: v['id'],
    area: word(AREA_WORDS, v['area'] as string, at('area'), 'nông thôn or thành thị (rural or urban)'),
    monthlyIncome: v['monthlyIncome'],
  };
  const members: Array<Record<string, unknown>> = [];
  const ages = v['memberAges'];
  if (typeof ages === 'string') {
    for (const part of ages.split(/[;|]/)) {
      const text = part.trim();
      if (!/^\d{1,3}$/.test(text)) bad(at('memberAges'), 'invalid-input', ages, 'member ages as whole numbers separated by ";", e.g. "40;38;10"');
      members.push({ age: Number(text) });
    }
  }
  if (members.length > 0 && rowMembers.length > 0) {
    bad(at('memberAges'), 'inconsistent-household', ages, 'members either in the ages column or one per row, not both');
  }
  members.push(...rowMembers);
  if (members.length === 0) {
    bad(at('memberAges'), 'missing-members', '', 'the members: a "Tuổi các thành viên" column (ages separated by ";") or one row per member with a "Tuổi" column');
  }
  household['members'] = members;
  for (const key of ['safeWater', 'hygienicLatrine', 'telecom', 'villageLoudspeaker', 'wasteTreated']) {
    if (v[key] !== null && v[key] !== undefined) household[key] = v[key];
  }
  const devices = v['informationDevices'];
  if (typeof devices === 'string') {
    household['informationDevices'] =
      normalizeHeader(devices) === 'khong' || normalizeHeader(devices) === 'none'
        ? []
        : devices.split(/[;,]/).map((d) => word(DEVICE_WORDS, d, at('informationDevices'), 'devices separated by ";": ti vi, radio, máy tính, điện thoại thông minh (or "không" for none)'));
  }
  const dwelling: Record<string, unknown> = {};
  for (const key of ['walls', 'columns', 'roof']) {
    const value = v[key];
    if (typeof value === 'string') dwelling[key] = word(DURABILITY_WORDS, value, at(key), 'bền chắc or không bền chắc (durable or non-durable)');
  }
  const floor = v['floorArea'];
  if (floor instanceof Decimal) dwelling['floorArea'] = floor.toString();
  if (Object.keys(dwelling).length > 0) household['dwelling'] = dwelling;
  const flags: Record<string, boolean> = {};
  for (const [id] of INDICATORS) {
    const value = v[`flag:${id}`];
    if (typeof value === 'boolean') flags[id] = value;
  }
  if (Object.keys(flags).length > 0) household['deprivations'] = flags;
  const unit = v['unit'];
  return deepFreeze({ row: first.row, lastRow, unit: typeof unit === 'string' ? unit : null, household: household as unknown as HouseholdInput });
}

/**
 * Adds the register position (file and rows) to an error raised while classifying a
 * household read from a file, so the message names where it came from. Other errors are
 * returned unchanged.
 *
 * @param entry - the household as {@link readHouseholdRegister} gave it (its rows).
 * @param source - the file name, if any.
 * @param error - what `classifyHousehold` threw.
 * @returns a {@link VnPovertyError} whose paths start with `[source, row]` and whose messages start with "file, row N: ".
 * @example
 * registerError({ row: 7, lastRow: 9 }, 'ho.csv', e).message //=> 'ho.csv, rows 7–9: members.0.age: got 200, …'
 */
export function registerError(entry: Pick<RegisterHousehold, 'row' | 'lastRow'>, source: string | undefined, error: unknown): unknown {
  if (!(error instanceof VnPovertyError)) return error;
  const rows = entry.row === entry.lastRow ? `row ${entry.row}` : `rows ${entry.row}–${entry.lastRow}`;
  const issues = error.issues.map((i) =>
    issue({
      code: i.code,
      path: [...(source !== undefined ? [source] : []), entry.row, ...i.path],
      value: i.value,
      expected: i.expected,
      ...(i.rule ? { rule: i.rule } : {}),
      message: `${source !== undefined ? `${source}, ` : ''}${rows}: ${i.message}`,
    }),
  );
  return new VnPovertyError(issues as unknown as VnPovertyError['issues']);
}
