import { basename } from 'node:path';
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { VnPovertyError, fail, issue, shortText } from '../errors/VnPovertyError.js';
import type { HouseholdInput } from '../standards/household.js';
import type { IndicatorId } from '../standards/indicators.js';
import { POVERTY_STANDARDS } from '../standards/standards.js';
import { fraction, type Fraction } from '../numbers/fraction.js';
import { isIncomeHeader, readAmountHeader, type AmountHeader } from './amountHeader.js';
import { normalizeHeader, type CellValue, type ColumnSpec, type HeaderMatch } from './columns.js';
import { readRecordBatches, type ReadRecordsOptions, type TypedRecord } from './readRecords.js';
import type { RawCell, RowSource } from './readRows.js';
import { createIdChecker } from '../_internal/_idSet.js';
import { firstText, rawCellText, rowRanges, SignatureBlocks } from './_registerRows.js';
import { withShortNames } from './_indicatorShortNames.js';

/** Household-level columns of a register (one value per household). */
const HOUSEHOLD_COLUMNS: readonly ColumnSpec[] = [
  { key: 'id', hint: 'text', vi: 'Mã hộ', en: 'Household id', aliases: ['mã hộ gia đình', 'mã số hộ', 'mã số hộ gia đình', 'mã hgđ', 'household', 'household code'], required: true },
  { key: 'unit', hint: 'text', vi: 'Mã đơn vị', en: 'Unit code', aliases: ['mã xã', 'đơn vị', 'unit', 'commune code'] },
  { key: 'area', hint: 'text', vi: 'Khu vực', en: 'Area', aliases: ['nông thôn/thành thị', 'thành thị/nông thôn', 'rural/urban', 'urban/rural'], required: true },
  { key: 'monthlyIncome', hint: 'amount', vi: 'Thu nhập/tháng (đồng)', en: 'Monthly income (dong)', required: true },
  { key: 'memberAges', hint: 'text', vi: 'Tuổi các thành viên', en: 'Member ages', aliases: ['tuổi nhân khẩu'] },
  { key: 'memberCount', hint: 'count', vi: 'Số nhân khẩu', en: 'Members', aliases: ['số thành viên', 'nhân khẩu', 'số khẩu', 'tổng số nhân khẩu', 'số nhân khẩu của hộ', 'số nhân khẩu trong hộ', 'số người', 'số người trong hộ', 'số thành viên trong hộ', 'quy mô hộ', 'number of members', 'household size', 'members (persons)'] },
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
  { key: 'memberNo', hint: 'text', vi: 'STT thành viên', en: 'Member no.', aliases: ['số thứ tự thành viên', 'member number', 'họ tên thành viên', 'member name'] },
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

/**
 * Short names of the indicators as review sheets print them under a `Thiếu hụt` group (the
 * form's own words shortened, `BHYT`, `Người phụ thuộc`): each names one indicator only.
 * @see TT 07/2021/TT-BLĐTBXH, Phụ lục III (phiếu B2: the indicators' names).
 */
const FLAG_SHORT_NAMES: Readonly<Partial<Record<IndicatorId, readonly string[]>>> = {
  dependants: ['người phụ thuộc', 'người phụ thuộc trong hộ'],
  'health-insurance': ['bhyt', 'bảo hiểm y tế (bhyt)'],
  'health-access': ['tiếp cận dịch vụ y tế', 'dịch vụ y tế'],
  'adult-education': ['giáo dục người lớn', 'trình độ giáo dục người lớn', 'trình độ giáo dục'],
  'school-attendance': ['đi học của trẻ em', 'tình trạng đi học', 'trẻ em đi học', 'đi học'],
  'housing-area': ['diện tích nhà ở', 'diện tích nhà ở bình quân'],
  'water-source': ['nước sinh hoạt', 'nguồn nước', 'nước sinh hoạt hợp vệ sinh'],
  latrine: ['nhà tiêu', 'nhà vệ sinh'],
  telecom: ['dịch vụ viễn thông', 'viễn thông'],
  'information-devices': ['phương tiện tiếp cận thông tin'],
  'information-assets': ['tài sản tiếp cận thông tin'],
  'waste-treatment': ['rác thải', 'xử lý rác thải', 'rác thải sinh hoạt'],
};

/** Review-form flag columns, one per indicator id: "Thiếu hụt: bảo hiểm y tế (Deprived: health insurance)". */
const FLAG_COLUMNS: readonly ColumnSpec[] = INDICATORS.map(([id, names]) => ({
  key: `flag:${id}`,
  hint: 'boolean' as const,
  vi: `Thiếu hụt: ${names.nameVi}`,
  en: `Deprived: ${names.name}`,
  aliases: [`deprived: ${id}`, `thiếu hụt: ${id}`, ...(FLAG_SHORT_NAMES[id] ?? []).map((n) => `thiếu hụt: ${n}`)],
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
  /**
   * The household as `classifyHousehold` accepts it. Its `monthlyIncome` is whole đồng per
   * month: the register's figure converted from the unit and period its header states; when
   * that is not a whole number of đồng (a yearly income not divisible by 12) it is rounded up,
   * which never changes a status (every income line is whole đồng, and for a whole number L,
   * ⌈x⌉ ≤ L exactly when x ≤ L). The exact figure is {@link RegisterHousehold.monthlyIncomeExact}.
   */
  readonly household: HouseholdInput;
  /** The household's monthly income in đồng, exactly (e.g. 72,000,001 đồng a year → 72000001/12). */
  readonly monthlyIncomeExact: Fraction;
}

/** How a register's income column was read (the CLI prints it in its summary). */
export interface RegisterIncomeColumn {
  /** 1-based column number. */
  readonly column: number;
  /** The header as the file prints it. */
  readonly header: string;
  /** Unit of its figures (a cell that prints its own unit, `1,5 triệu đồng`, uses that). */
  readonly unit: 'dong' | 'nghin' | 'trieu' | 'ty';
  /** Period of its figures: yearly figures are divided by 12, exactly. */
  readonly period: 'month' | 'year';
  /** Per person (multiplied by the number of members) or for the whole household. */
  readonly perPerson: boolean;
  /** One line: `column 4 "Thu nhập (đồng/năm)": đồng per year, household total, converted to đồng per month (÷ 12)`. */
  readonly description: string;
}

/**
 * How the register gives its households, decided from the header alone:
 * `'household-rows'` (no `Tuổi` (Age) column: one row per household, members in `Tuổi các
 * thành viên`; a household id may appear once) or `'member-rows'` (an `Tuổi` column: one row per
 * member, the rows of a household consecutive and differing as members).
 */
export type RegisterLayout = 'household-rows' | 'member-rows';

/** Options of {@link readHouseholdRegister}. */
export interface ReadHouseholdRegisterOptions extends ReadRecordsOptions {
  /** Called once, after the header, with the layout and how the income column is read. */
  readonly onLayout?: (layout: { readonly layout: RegisterLayout; readonly income: RegisterIncomeColumn }) => void;
  /**
   * Called for each household that is not yielded because it repeats another: an id already
   * seen (the error names both rows), or, in the member-rows layout, two identical rows of one
   * household. Without it the first such problem is thrown.
   */
  readonly onDuplicate?: (error: VnPovertyError, rows: { readonly row: number; readonly lastRow: number }) => void;
}

/**
 * The words for the two areas, folded (any case, with or without diacritics): Vietnamese,
 * English and the abbreviations NT / TT used on review forms.
 */
export const AREA_WORDS: Readonly<Record<string, 'rural' | 'urban'>> = Object.freeze({
  rural: 'rural', 'nong thon': 'rural', 'khu vuc nong thon': 'rural', nt: 'rural', 'vung nong thon': 'rural',
  urban: 'urban', 'thanh thi': 'urban', 'khu vuc thanh thi': 'urban', 'do thi': 'urban', 'khu vuc do thi': 'urban', tt: 'urban',
});

/** The Vietnamese word written for each area. */
export const AREA_WORDS_VI = Object.freeze({ rural: 'nông thôn', urban: 'thành thị' } as const);

/** The area a word names, or undefined. */
export function areaOfWord(text: string): 'rural' | 'urban' | undefined {
  return AREA_WORDS[normalizeHeader(text)];
}

/** What an area cell may hold, for messages. */
export const AREA_EXPECTED = 'nông thôn or thành thị (rural or urban; NT or TT), in any case, with or without diacritics';
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

/** A cell for messages. @internal */
export interface Where {
  readonly source: string | undefined;
  readonly row: number;
  readonly header: string;
  /** 1-based column, when known: messages then name it as every cell error does (“column 8 (Thu nhập…)”). */
  readonly column?: number;
}

/** The 1-based column of each key of a register's header names (`headersWithColumns`). */
const HEADER_COLUMNS = new WeakMap<Readonly<Record<string, string>>, Readonly<Record<string, number>>>();

/** A register's header names by key, their columns (0-based `index`, as a header match gives them) known to {@link cellAt}. @internal */
export function headersWithColumns(headers: Record<string, string>, index: Readonly<Record<string, number>>): Record<string, string> {
  HEADER_COLUMNS.set(headers, Object.freeze(Object.fromEntries(Object.entries(index).map(([k, i]) => [k, i + 1]))));
  return headers;
}

/** Where a key's cell of a row is: its header, and its column when the header names are {@link headersWithColumns}'. @internal */
export function cellAt(headers: Readonly<Record<string, string>>, key: string, source: string | undefined, row: number): Where {
  const column = HEADER_COLUMNS.get(headers)?.[key];
  return { source, row, header: headers[key] ?? key, ...(column !== undefined ? { column } : {}) };
}

/** “row 9, column 2 (Mã hộ)”, or “row 9, column Mã hộ” when the column is not known. @internal */
export function cellPlace(at: Where): string {
  return `${at.source !== undefined ? `${at.source}, ` : ''}row ${at.row}, column ${at.column !== undefined ? `${at.column} (${at.header})` : at.header}`;
}

/** Throws an error about a cell. @internal */
export function bad(at: Where, code: string, value: unknown, expected: string): never {
  const place = cellPlace(at);
  return fail({ code, path: at.source !== undefined ? [at.source, at.row, at.header] : [at.row, at.header], value: typeof value === 'string' ? shortText(value) : value, expected, message: `${place}: got ${JSON.stringify(typeof value === 'string' ? shortText(value) : value)}, expected ${expected}` });
}

/** A number as Excel shows it in scientific notation ("1,23457E+11"), as its "CSV" save writes a long number in a General cell. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?E[+-]\d+$/i;

/**
 * Refuses a household id in scientific notation ("1.23457E+11"): Excel showed a long number so
 * and its CSV save kept only the digits shown, so the id is lost (two households can share it).
 * @throws VnPovertyError `invalid-id` naming the cell. @internal
 */
export function refuseScientificId(id: string, at: Where): void {
  if (!SCIENTIFIC.test(id)) return;
  bad(at, 'invalid-id', id, 'the household id as typed: this is a long number Excel showed in scientific notation, and its CSV save kept only the digits shown, so the id is lost; in the workbook format the id column as Text (or Number, 0 decimals) and save again');
}

function word<T>(table: Readonly<Record<string, T>>, text: string, at: Where, expected: string): T {
  const found = table[normalizeHeader(text)];
  return found !== undefined ? found : bad(at, 'invalid-input', text, expected);
}

const INCOME_UNIT_WORDS = { dong: 'đồng', nghin: 'nghìn đồng', trieu: 'triệu đồng', ty: 'tỷ đồng' } as const;

/** Why an income header cannot be read as it stands, or undefined when it can. */
function incomeHeaderProblem(h: AmountHeader): string | undefined {
  if (h.conflicts.length > 0) return `it states ${h.conflicts.join(' and ')}`;
  if (h.otherWords !== '') return `the words “${h.otherWords}” say it is not simply the household's income`;
  if (h.unit === null && h.period === null) return 'it states neither the unit (đồng, nghìn đồng, triệu đồng) nor the period (/tháng, /năm)';
  if (h.unit === null) return 'it does not state the unit (đồng, nghìn đồng or triệu đồng)';
  if (h.period === null) return 'it does not state the period (/tháng or /năm; monthly or yearly)';
  return undefined;
}

/**
 * Picks the register's income column from a header row (@internal): the one header that names an income
 * with its unit and period. Headers that name an income unclearly are ignored when a clear one
 * exists and refused otherwise, naming each; two clear ones are refused.
 */
export function chooseIncomeColumn(header: ReadonlyArray<RawCell>, source: string | undefined, headerRow = 1): RegisterIncomeColumn {
  const clear: RegisterIncomeColumn[] = [];
  const unclear: string[] = [];
  const where = source !== undefined ? `${source}, ` : '';
  header.forEach((cell, i) => {
    const text = typeof cell === 'string' ? cell.trim() : cell === null ? '' : String(cell);
    if (text === '' || !isIncomeHeader(text)) return;
    if (normalizeHeader(text) === 'monthlyincome') {
      clear.push(incomeColumn(i + 1, text, 'dong', 'month', false));
      return;
    }
    const h = readAmountHeader(text);
    const problem = incomeHeaderProblem(h);
    if (problem === undefined) clear.push(incomeColumn(i + 1, text, h.unit!, h.period!, h.perPerson));
    else unclear.push(`column ${i + 1} (${text}): ${problem}`);
  });
  if (clear.length > 1) {
    fail({
      code: 'duplicate-column',
      path: source !== undefined ? [source, headerRow, clear[1]!.header] : [headerRow, clear[1]!.header],
      value: clear.map((c) => c.header),
      expected: 'one income column',
      message: `${where}row ${headerRow}: two income columns, column ${clear[0]!.column} (${clear[0]!.header}) and column ${clear[1]!.column} (${clear[1]!.header}); keep one`,
    });
  }
  if (clear.length === 1) return clear[0]!;
  if (unclear.length > 0) {
    fail({
      code: 'ambiguous-income-header',
      path: source !== undefined ? [source, headerRow] : [headerRow],
      value: unclear,
      expected: 'an income header stating its unit and period, e.g. “Thu nhập/tháng (đồng)”, “Thu nhập (nghìn đồng/tháng)”, “Thu nhập (triệu đồng/năm)”',
      message: `${where}row ${headerRow}: cannot tell how to read the income: ${unclear.join('; ')}. Name the unit and period in the header, e.g. “Thu nhập/tháng (đồng)” or “Thu nhập (triệu đồng/năm)”`,
    });
  }
  return fail({
    code: 'missing-column',
    path: source !== undefined ? [source, headerRow] : [headerRow],
    value: header.map((c) => (c === null ? '' : String(c))),
    expected: 'a column headed “Thu nhập/tháng (đồng)” or “Monthly income (dong)” (another unit or period may be stated: nghìn đồng, triệu đồng, /năm)',
    message: `${where}row ${headerRow}: no column “Thu nhập/tháng (đồng)” (Monthly income (dong)), which is required`,
  });
}

function incomeColumn(column: number, header: string, unit: RegisterIncomeColumn['unit'], period: RegisterIncomeColumn['period'], perPerson: boolean): RegisterIncomeColumn {
  const conversion =
    period === 'month' && !perPerson ? '' : `, converted to đồng per month for the household (${[perPerson ? '× members' : '', period === 'year' ? '÷ 12' : ''].filter(Boolean).join(', ')}, exactly)`;
  return Object.freeze({
    column,
    header,
    unit,
    period,
    perPerson,
    description: `column ${column} “${header}”: ${INCOME_UNIT_WORDS[unit]} per ${period === 'month' ? 'month' : 'year'}${perPerson ? ' per person' : ' for the household'}${conversion}`,
  });
}

/** The register's columns for a header row: the income column is the one the header names. @internal */
export function registerColumns(income: RegisterIncomeColumn): ColumnSpec[] {
  return HOUSEHOLD_REGISTER_COLUMNS.map((c) =>
    c.key === 'monthlyIncome' ? { ...c, vi: income.header, en: income.header, aliases: [], unit: income.unit === 'dong' ? 'dong' : income.unit } : c,
  );
}

/** At most this many households with a suspected repeated id are held back for the exact check. */
const MAX_SUSPECTS = 10_000;

/**
 * Streams the households of a register file (CSV or XLSX) as inputs for
 * `classifyHousehold`, with bounded memory. The header is matched to
 * {@link HOUSEHOLD_REGISTER_COLUMNS} (Vietnamese or English, with or without diacritics).
 *
 * **The income column must state its unit and period** (`Thu nhập/tháng (đồng)`,
 * `Thu nhập (nghìn đồng/tháng)`, `Thu nhập (triệu đồng/năm)`, `Income per capita per month
 * (VND)`…): figures are converted exactly to the household's monthly đồng (a yearly figure ÷ 12,
 * a per-person one × members); a header that names an income without saying how
 * (`Thu nhập`, `Thu nhập bình quân/tháng`) is refused, never guessed.
 *
 * **Layouts.** Without a `Tuổi` (Age) column the register has one row per household, and a
 * household id may appear once. With one, each row is a member: the rows of a household are
 * consecutive, household columns repeated on a member's row must be blank or equal to the first
 * row's, and two rows of a household that are identical in every column (those passed through
 * too: a name or an STT tells two members of the same age apart) are refused as one row typed
 * twice. A household whose rows come back after another's is named as split. A member row with
 * its id blank and no household cell, directly under a row of its household, is that household's
 * (the id on the head's row only; said through `onNote`). An id that appears again after
 * other households is a repeat in either layout. Repeated ids are found exactly in bounded
 * memory (see docs/files-and-cli.md, "Repeated households"): short ids are packed into 64-bit
 * keys exactly, others are hashed and a hash seen again is confirmed by reading the file once
 * more at the end (a stream keeps its hashed ids instead).
 *
 * @param source - a `.csv` or `.xlsx` path, or a CSV stream.
 * @param options - format, delimiter, sheet, a name for messages, `onHeader` (sees ignored
 *   columns), `onLayout` (layout and income reading), `onDuplicate` (report repeats and go on).
 * @throws VnPovertyError naming file, row and column: the errors of {@link readRecords},
 *   `ambiguous-income-header`, `invalid-input` (an unknown area, work, education or device word;
 *   a bad age list), `missing-members` (no ages), `inconsistent-household` (a member row
 *   disagreeing with its household), `duplicate-household` / `duplicate-row` (without `onDuplicate`).
 * @example
 * for await (const h of readHouseholdRegister('ho.csv')) h.household.monthlyIncome
 * //=> 6000000n …
 */
export async function* readHouseholdRegister(source: RowSource, options: ReadHouseholdRegisterOptions = {}): AsyncGenerator<RegisterHousehold> {
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  let headers: Record<string, string> = {};
  let income: RegisterIncomeColumn | undefined;
  let layout = 'household-rows' as RegisterLayout;
  const chooseColumns = (header: ReadonlyArray<RawCell>): ReadonlyArray<ColumnSpec> => {
    income = chooseIncomeColumn(header, label);
    // the short indicator names the caller read under the standard in force (`Đi học`, `Phương tiện thông tin`)
    const short = (options as { readonly shortNames?: ReadonlyMap<string, readonly string[]> }).shortNames;
    return short === undefined ? registerColumns(income) : withShortNames(registerColumns(income), short);
  };
  const onHeader = (match: HeaderMatch): void => {
    headers = headersWithColumns(Object.fromEntries(HOUSEHOLD_REGISTER_COLUMNS.filter((c) => match.index[c.key] !== undefined).map((c) => [c.key, c.key === 'monthlyIncome' ? income!.header : c.vi])), match.index);
    layout = match.index['age'] !== undefined ? 'member-rows' : 'household-rows';
    options.onHeader?.(match);
    options.onLayout?.(Object.freeze({ layout, income: income! }));
  };
  // exact ids for a stream (it cannot be read twice); 64-bit hashes for a file, confirmed by re-reading it
  const ids = createIdChecker(typeof source === 'string');
  const suspects: Array<{ readonly household: RegisterHousehold; readonly id: string; readonly row: number; readonly keyRow: number }> = [];
  const report = (error: VnPovertyError, rows: { row: number; lastRow: number }): void => {
    if (options.onDuplicate === undefined) throw error;
    options.onDuplicate(error, rows);
  };
  /** An id seen before; `after`, in the member-rows layout, the household whose rows came between (a split household). */
  const repeatError = (id: string, row: number, firstRow: number, after?: string): VnPovertyError =>
    new VnPovertyError([
      issue({
        code: 'duplicate-household',
        path: label !== undefined ? [label, row, headers['id'] ?? 'id'] : [row, headers['id'] ?? 'id'],
        value: id,
        expected: 'each household once (its rows together)',
        message:
          after !== undefined
            ? `${cellPlace(cellAt(headers, 'id', label, row))}: household ${JSON.stringify(id)} appears again at row ${row} after household ${JSON.stringify(after)} (first on row ${firstRow}): a split household; put all its member rows together`
            : `${cellPlace(cellAt(headers, 'id', label, row))}: household id ${JSON.stringify(id)} appears again (first on row ${firstRow}); each household must appear once${layout === 'member-rows' ? ', its member rows together' : ''}`,
      }),
    ]);
  interface Current {
    first: TypedRecord;
    last: TypedRecord;
    members: Array<Record<string, unknown>>;
    memberRecords: TypedRecord[];
    /** −1 new; the first row of a certain repeat; −2 − r for a suspect whose hash was first seen at row r. */
    repeatOf: number;
    /** The id of the household read just before (for a split household's message). */
    after: string | undefined;
    identical: readonly [number, number] | undefined;
  }
  let current: Current | undefined;
  /** Member rows with no id read as members of the household on the row above. */
  const idless: number[] = [];
  const finish = (c: Current): RegisterHousehold | undefined => {
    const id = c.first.values['id'] as string;
    refuseScientificId(id, cellAt(headers, 'id', label, c.first.row));
    if (c.identical !== undefined) {
      const [a, b] = c.identical;
      report(
        new VnPovertyError([
          issue({
            code: 'duplicate-row',
            path: label !== undefined ? [label, b] : [b],
            value: id,
            expected: 'member rows that differ',
            message: `${label !== undefined ? `${label}, ` : ''}rows ${a} and ${b}: two identical rows of household ${JSON.stringify(id)}; remove the copy, or if they are two members tell them apart with a “STT thành viên” (Member no.) column`,
          }),
        ]),
        { row: c.first.row, lastRow: c.last.row },
      );
      return undefined;
    }
    // a certain repeat is reported before its rows are read as a household (a split household's later rows leave its columns blank)
    if (c.repeatOf >= 0) {
      report(repeatError(id, c.first.row, c.repeatOf, layout === 'member-rows' ? c.after : undefined), { row: c.first.row, lastRow: c.last.row });
      return undefined;
    }
    const built = build(c.first, c.last.row, c.members, label, headers, income!, keepCells);
    if (c.repeatOf !== -1) {
      if (suspects.length >= MAX_SUSPECTS) {
        fail({ code: 'too-many-repeats', path: label !== undefined ? [label] : [], value: suspects.length, expected: `at most ${MAX_SUSPECTS} repeated household ids`, message: `${label ?? 'the register'}: more than ${MAX_SUSPECTS} household ids appear twice; is the register copied into itself?` });
      }
      suspects.push({ household: built, id, row: c.first.row, keyRow: -2 - c.repeatOf });
      return undefined;
    }
    return built;
  };
  // the cells of every row are kept: two member rows are a repeat only when they are the same in every column, those passed through too
  const keepCells = (options as { readonly keepCells?: boolean }).keepCells === true;
  // a signature block under the households (“Người lập biểu” | “TM. UBND XÃ”, the signers' names): skipped, said in a note
  const signatures = new SignatureBlocks();
  let idAt = -1;
  let lastRow = 0;
  const onSkippedRow = (options as { readonly onSkippedRow?: (row: { readonly row: number; readonly kind: 'signature'; readonly text: string }) => void }).onSkippedRow;
  const skipRow = (row: number, cells: ReadonlyArray<RawCell>): boolean => {
    const sign = signatures.kind(row, cells, idAt, lastRow);
    if (sign !== 'signature' && sign !== 'names') return false;
    onSkippedRow?.(Object.freeze({ row, kind: 'signature' as const, text: firstText(cells) }));
    return true;
  };
  const readOptions: ReadRecordsOptions = { ...options, ...(label !== undefined ? { source: label } : {}), onHeader: (m: HeaderMatch) => ((idAt = m.index['id'] ?? -1), onHeader(m)), requireValues: false, keepCells: true, skipRow } as ReadRecordsOptions;
  for await (const batch of readRecordBatches(source, chooseColumns, readOptions)) {
    const ready: RegisterHousehold[] = [];
    for (const record of batch) {
      lastRow = record.row;
      const printed = record.values['id'];
      let id: string;
      if (typeof printed === 'string') id = printed;
      else if (layout === 'member-rows' && current !== undefined && isMemberOfRowAbove(record, current.last)) {
        // the id on the head's row only: a member row right under a row of its household
        id = current.first.values['id'] as string;
        idless.push(record.row);
      } else return bad(cellAt(headers, 'id', label, record.row), 'missing-value', '', layout === 'member-rows' ? 'the household id on every row (or, on a member row with no household columns, directly under a row of its household)' : 'the household id on every row');
      refuseScientificId(id, cellAt(headers, 'id', label, record.row));
      const member = memberOf(record, label, headers);
      if (layout === 'member-rows' && current !== undefined && current.first.values['id'] === id) {
        checkSameHousehold(current.first, record, label, headers);
        const twin = current.identical === undefined ? current.memberRecords.find((m) => sameRecord(m, record)) : undefined;
        if (twin !== undefined) current.identical = [twin.row, record.row];
        if (member !== undefined) current.members.push(member);
        current.memberRecords.push(record);
        current.last = record;
        continue;
      }
      const after = current?.first.values['id'] as string | undefined;
      if (current !== undefined) {
        const done = finish(current);
        if (done !== undefined) ready.push(done);
      }
      const repeatOf = ids.check(id, record.row);
      // the household columns of a certain repeat are not needed: it is reported as a repeat
      for (const key of repeatOf >= 0 ? [] : ['area', 'monthlyIncome']) {
        if (record.values[key] === null) bad(cellAt(headers, key, label, record.row), 'missing-value', '', layout === 'member-rows' ? 'a value on the first row of each household' : "a value on each household's row");
      }
      current = { first: record, last: record, members: member !== undefined ? [member] : [], memberRecords: [record], repeatOf, after, identical: undefined };
    }
    yield* ready;
  }
  if (current !== undefined) {
    const done = finish(current);
    if (done !== undefined) yield done;
  }
  const signed = signatures.note(label);
  if (signed !== undefined) options.onNote?.(signed);
  if (idless.length > 0) {
    options.onNote?.(`${label !== undefined ? `${label}: ` : ''}${idless.length > 1 ? `rows ${rowRanges(idless)} have` : `row ${idless[0]} has`} no household id (${headers['id'] ?? 'Mã hộ'}), a member's columns and no household's: each read as a member of the household on the row above it (the id written on the head's row only)`);
  }
  if (suspects.length > 0 && typeof source === 'string') {
    // the exact check: the ids printed on the rows the hashes point at
    const idAtRow = await idsOnRows(source, new Set(suspects.map((s) => s.keyRow)), chooseColumns, readOptions);
    const firsts = ids.settle(suspects, idAtRow);
    for (let i = 0; i < suspects.length; i++) {
      const s = suspects[i]!;
      if (firsts[i]! >= 0) report(repeatError(s.id, s.row, firsts[i]!), s.household);
      else yield s.household; // a different id with the same 64-bit hash
    }
  }
}

/** The household ids printed on some rows of a register file (one more read of the file). */
async function idsOnRows(
  source: string,
  rows: ReadonlySet<number>,
  chooseColumns: (header: ReadonlyArray<RawCell>) => ReadonlyArray<ColumnSpec>,
  readOptions: ReadRecordsOptions,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for await (const batch of readRecordBatches(source, chooseColumns, { ...readOptions, onHeader: () => undefined })) {
    for (const r of batch) if (rows.has(r.row)) found.set(r.row, r.values['id'] as string);
  }
  return found;
}

/**
 * Whether a row with no id is a member of the household above: directly under one of its rows,
 * with a member's age and every household column blank.
 */
function isMemberOfRowAbove(record: TypedRecord, above: TypedRecord): boolean {
  const v = record.values;
  if (record.row !== above.row + 1 || v['age'] === null || v['age'] === undefined) return false;
  return HOUSEHOLD_KEYS.every((k) => v[k] === null || v[k] === undefined);
}

/**
 * Whether two rows are the same in every column: every cell as printed, those of the columns
 * passed through too (a name, an STT, a relationship tell two members of the same age apart),
 * else every value read.
 */
function sameRecord(a: TypedRecord, b: TypedRecord): boolean {
  if (a.cells !== undefined && b.cells !== undefined) return sameCells(a.cells, b.cells);
  const keys = Object.keys(a.values);
  return keys.every((k) => {
    const x = a.values[k];
    const y = b.values[k];
    if (x instanceof Decimal && y instanceof Decimal) return x.eq(y);
    return x === y;
  });
}

/** Whether two rows print the same text in every column. */
function sameCells(a: ReadonlyArray<RawCell>, b: ReadonlyArray<RawCell>): boolean {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (rawCellText(a[i]) !== rawCellText(b[i])) return false;
  return true;
}

const MEMBER_KEYS = MEMBER_COLUMNS.map((c) => c.key);
const HOUSEHOLD_KEYS = [...HOUSEHOLD_COLUMNS, ...FLAG_COLUMNS].map((c) => c.key).filter((k) => k !== 'id');
const MEMBER_ONLY_KEYS = new Set(['memberNo']);

/** The member a member row describes, or undefined. @internal */
export function memberOf(record: TypedRecord, source: string | undefined, headers: Record<string, string>): Record<string, unknown> | undefined {
  const v = record.values;
  if (MEMBER_KEYS.every((k) => v[k] === undefined || v[k] === null)) return undefined;
  const at = (key: string): Where => cellAt(headers, key, source, record.row);
  const age = v['age'];
  if (age === null || age === undefined) return bad(at('age'), 'missing-value', '', 'the age of the member this row describes');
  const member: Record<string, unknown> = { age: Number(age as bigint) };
  for (const key of MEMBER_KEYS) {
    const value = v[key];
    if (key === 'age' || MEMBER_ONLY_KEYS.has(key) || value === null || value === undefined) continue;
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
      const at = cellAt(headers, key, source, next.row);
      bad(at, 'inconsistent-household', String(next.values[key]), `${String(first.values[key])} as on row ${first.row} (a member row repeats its household's columns or leaves them blank)`);
    }
  }
}

function build(first: TypedRecord, lastRow: number, rowMembers: Array<Record<string, unknown>>, source: string | undefined, headers: Record<string, string>, income: RegisterIncomeColumn, keepCells: boolean): RegisterHousehold {
  const parts = householdParts(first, rowMembers, source, headers, income, false);
  const h = { row: first.row, lastRow, unit: parts.unit, household: parts.household as unknown as HouseholdInput, monthlyIncomeExact: parts.exact };
  // the first row's cells, for a reader that passes columns through (internal `keepCells`)
  return deepFreeze(keepCells && first.cells !== undefined ? { ...h, cells: first.cells } : h);
}

/**
 * A household of a register as read, before it becomes a record: `household` is what
 * `classifyHousehold` takes, except that a household known by its member count alone (a
 * `Số nhân khẩu` column and no ages) has no `members` and `count` says how many. @internal
 */
export interface HouseholdParts {
  readonly household: Readonly<Record<string, unknown>>;
  /** Number of members. */
  readonly count: number;
  /** Whether the members are listed (ages, member rows) rather than only counted. */
  readonly listed: boolean;
  /** Whether the household has facts beyond its members' ages and its review-form flags. */
  readonly facts: boolean;
  readonly exact: Fraction;
  readonly unit: string | null;
}

const FACT_KEYS = ['safeWater', 'hygienicLatrine', 'telecom', 'villageLoudspeaker', 'wasteTreated', 'informationDevices', 'dwelling'];

/**
 * Reads one household from its first row (and, in the member-rows layout, its members), as
 * {@link readHouseholdRegister} does. With `allowCount`, a member count without ages is enough
 * (for review-form flags, which need no facts). @internal
 */
export function householdParts(
  first: TypedRecord,
  rowMembers: ReadonlyArray<Record<string, unknown>>,
  source: string | undefined,
  headers: Readonly<Record<string, string>>,
  income: RegisterIncomeColumn,
  allowCount: boolean,
): HouseholdParts {
  const v = first.values;
  const at = (key: string): Where => cellAt(headers, key, source, first.row);
  const household: Record<string, unknown> = {
    id: v['id'],
    area: word(AREA_WORDS, v['area'] as string, at('area'), AREA_EXPECTED),
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
  const counted = v['memberCount'];
  if (typeof counted === 'bigint') {
    if (counted < 1n) bad(at('memberCount'), 'invalid-input', String(counted), 'a household of at least one member');
    if (members.length > 0 && counted !== BigInt(members.length)) {
      bad(at('memberCount'), 'inconsistent-household', String(counted), `${members.length}, the number of members listed (${rowMembers.length > 0 ? 'member rows' : 'ages'})`);
    }
  }
  if (members.length === 0 && !(allowCount && typeof counted === 'bigint')) {
    bad(
      at(typeof counted === 'bigint' ? 'memberCount' : 'memberAges'),
      'missing-members',
      '',
      typeof counted === 'bigint'
        ? 'the members’ ages ("Tuổi các thành viên", or one row per member with "Tuổi") for a household read as a record (a member count alone is enough for vn-poverty classify and readRegisterBatches)'
        : 'the members: a "Tuổi các thành viên" column (ages separated by ";"), a "Số nhân khẩu" (Members) count, or one row per member with a "Tuổi" column',
    );
  }
  if (counted !== undefined && counted !== null && typeof counted === 'bigint' && counted > 100_000n) bad(at('memberCount'), 'invalid-input', String(counted), 'a household of at most 100,000 members');
  const count = members.length > 0 ? members.length : Number(counted as bigint);
  if (members.length > 0) household['members'] = members;
  const amount = v['monthlyIncome'] as bigint;
  // an income below zero is a typing error (a minus sign, a loss written as income), never a household's income (NĐ 07/2021, Art. 3: income per person per month)
  if (amount < 0n) bad(at('monthlyIncome'), 'invalid-input', String(v['monthlyIncome']), 'an income of 0 đồng or more (the household’s income; a negative figure is not one)');
  const exact = fraction(amount * (income.perPerson ? BigInt(count) : 1n), income.period === 'year' ? 12n : 1n);
  // whole đồng, rounded up: for a whole-đồng line L, ⌈x⌉ ≤ L × members exactly when x ≤ L × members
  household['monthlyIncome'] = exact.den === 1n ? exact.num : (exact.num + exact.den - 1n) / exact.den;
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
  const facts = FACT_KEYS.some((k) => household[k] !== undefined) || members.some((m) => Object.keys(m).some((k) => k !== 'age'));
  if (facts && members.length === 0) {
    bad(at('memberCount'), 'missing-members', '', 'the members’ ages ("Tuổi các thành viên" or one row per member): a household with facts (water, latrine, dwelling…) is classified from a full record');
  }
  return { household, count, listed: members.length > 0, facts, exact, unit: typeof unit === 'string' ? unit : null };
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
