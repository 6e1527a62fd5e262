import { basename } from 'node:path';
import type { AdminUnitInput } from '../areas/adminHierarchy.js';
import { areaFigures, type AreaFigures } from '../areas/areaFigures.js';
import { VnPovertyError, fail, issue } from '../errors/VnPovertyError.js';
import { HOUSEHOLD_STATUS_LABELS_VI, HOUSEHOLD_STATUSES, type HouseholdStatus } from '../standards/householdStatus.js';
import { cellError, normalizeHeader, type ColumnSpec } from './columns.js';
import { REGISTER_REPORT_COLUMNS } from './registerColumns.js';
import { readRecordBatches, readRecords, type ReadRecordsOptions } from './readRecords.js';
import { AREA_WORDS_VI, areaOfWord, AREA_EXPECTED } from './readHouseholdRegister.js';
import type { RowSource } from './readRows.js';

/**
 * Columns of a plan table of area counts (like seed 001's commune table): unit code or name,
 * total households, poor and near-poor households, and optionally recently escaped ones.
 * Printed rates are not read: rates are recomputed from the counts.
 *
 * @example
 * PLAN_TABLE_COLUMNS.map((c) => c.key) //=> ['unit', 'name', 'households', 'poor', 'nearPoor', 'recentlyEscaped']
 */
export const PLAN_TABLE_COLUMNS: readonly ColumnSpec[] = Object.freeze([
  { key: 'unit', hint: 'text', vi: 'Mã đơn vị', en: 'Unit code', aliases: ['mã xã', 'đơn vị', 'unit'] },
  { key: 'name', hint: 'text', vi: 'Tên đơn vị', en: 'Unit name', aliases: ['tên xã', 'xã, phường, thị trấn', 'đơn vị hành chính'] },
  { key: 'households', hint: 'count', vi: 'Tổng số hộ', en: 'Households', aliases: ['tổng số hộ dân cư', 'số hộ', 'tổng số hộ dân'], required: true },
  { key: 'poor', hint: 'count', vi: 'Số hộ nghèo', en: 'Poor households', aliases: ['hộ nghèo', 'poor_start'], required: true },
  { key: 'nearPoor', hint: 'count', vi: 'Số hộ cận nghèo', en: 'Near-poor households', aliases: ['hộ cận nghèo', 'near_poor_start'], required: true },
  { key: 'recentlyEscaped', hint: 'count', vi: 'Số hộ mới thoát nghèo', en: 'Recently escaped households', aliases: ['hộ mới thoát nghèo'] },
].map((c) => Object.freeze(c as ColumnSpec)));

/** Options of {@link readPlanTable}. */
export type ReadPlanTableOptions = ReadRecordsOptions;

/**
 * Reads a plan table of area counts (CSV or XLSX) into checked {@link AreaFigures}, one per
 * row, keyed by the unit code (or the name when there is no code column). Totals rows are
 * read like any row: pass the units only, or check them with `reconcile`.
 *
 * @param source - a `.csv` or `.xlsx` path, or a CSV stream.
 * @throws VnPovertyError naming file, row and column: the reader's errors,
 *   `missing-column` (neither a code nor a name column), `counts-exceed-households` and the
 *   other checks of `areaFigures`.
 * @example
 * (await readPlanTable('tinh-bien-2024.csv'))[0]?.poor //=> 64
 */
export async function readPlanTable(source: RowSource, options: ReadPlanTableOptions = {}): Promise<readonly AreaFigures[]> {
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  const out: AreaFigures[] = [];
  let header: Record<string, number> = {};
  for await (const r of readRecords(source, PLAN_TABLE_COLUMNS, { ...options, onHeader: (m) => { header = { ...m.index }; options.onHeader?.(m); } })) {
    const key = header['unit'] !== undefined ? 'unit' : 'name';
    if (header[key] === undefined) {
      fail({ code: 'missing-column', path: label !== undefined ? [label, 1] : [1], value: '', expected: 'a column “Mã đơn vị” (Unit code) or “Tên đơn vị” (Unit name)' });
    }
    const unit = r.values[key];
    const at = { ...(label !== undefined ? { source: label } : {}), row: r.row, column: (header[key] ?? 0) + 1, header: key === 'unit' ? 'Mã đơn vị' : 'Tên đơn vị' };
    if (typeof unit !== 'string') throw cellError(at, new VnPovertyError([issue({ code: 'missing-value', path: [], value: '', expected: 'the unit of the row' })]));
    const n = (k: string): number => Number((r.values[k] as bigint | null | undefined) ?? 0n);
    try {
      out.push(areaFigures({ unit, households: n('households'), poor: n('poor'), nearPoor: n('nearPoor'), recentlyEscaped: n('recentlyEscaped') }));
    } catch (error) {
      throw cellError({ ...at, header: `row of ${unit}` }, error);
    }
  }
  return Object.freeze(out);
}

/** Columns read from a classified-households file by {@link countClassifiedHouseholds}. */
const CLASSIFIED_INPUT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'unit', hint: 'text', vi: 'Mã đơn vị', en: 'Unit code', aliases: ['mã xã', 'unit'] },
  { key: 'area', hint: 'text', vi: 'Khu vực', en: 'Area' },
  // the village column classify writes (`Thôn (Village)`), or a register's own name for it (Ấp, Bản, Tổ dân phố…)
  REGISTER_REPORT_COLUMNS.find((c) => c.key === 'village')!,
  { key: 'status', hint: 'text', vi: 'Mã phân loại', en: 'Status', required: true },
  // classify's status in words: named, so that its English header `Status (Vietnamese)` is not taken for a second `Status`
  { key: 'statusVi', hint: 'text', vi: 'Phân loại', en: 'Status (Vietnamese)' },
  { key: 'recentlyEscaped', hint: 'boolean', vi: 'Hộ mới thoát nghèo', en: 'Recently escaped' },
  { key: 'members', hint: 'count', vi: 'Số nhân khẩu', en: 'Members', aliases: ['số người', 'số thành viên', 'nhân khẩu'] },
  { key: 'asOf', hint: 'date', vi: 'Ngày tham chiếu', en: 'As of' },
  { key: 'standard', hint: 'text', vi: 'Chuẩn áp dụng', en: 'Standard' },
];

const STATUS_WORDS: ReadonlyMap<string, HouseholdStatus> = new Map(
  HOUSEHOLD_STATUSES.flatMap((s) => [
    [normalizeHeader(s), s],
    [normalizeHeader(HOUSEHOLD_STATUS_LABELS_VI[s]), s],
  ]),
);

/** What to count classified households by: their unit code, their area (rural / urban), or their village (*thôn, ấp, bản, tổ dân phố*) as printed. */
export type CountBy = 'unit' | 'area' | 'village';

/** Options of {@link countClassifiedHouseholds}. */
export interface CountClassifiedHouseholdsOptions extends ReadRecordsOptions {
  /** The column to group by (default `'unit'`). */
  readonly by?: CountBy;
  /** Called after every household (progress indicators). */
  readonly onRow?: () => void;
}

/** The counts of one group of classified households: its figures, and what they do not hold. */
export interface ClassifiedGroup {
  /** Households, poor, near-poor and recently escaped ones. */
  readonly figures: AreaFigures;
  /** Households of average living standard (*hộ có mức sống trung bình*). */
  readonly average: number;
  /** Persons (the members of its households), or null when the file has no members column or a household's is empty. */
  readonly persons: number | null;
  /** The reference dates and the standards its households were classified on (from classify's columns), each once, sorted. */
  readonly asOf: readonly string[];
  readonly standards: readonly string[];
}

/**
 * Counts a classified-households file like {@link countClassifiedHouseholds}, and also the
 * households of average living standard and the persons (from a `Số nhân khẩu` (Members)
 * column, such as classify writes), per group, streaming.
 *
 * @throws VnPovertyError as {@link countClassifiedHouseholds}.
 * @example
 * (await countClassifiedGroups('ket-qua.csv')).find((g) => g.figures.unit === '30316')?.persons //=> 231
 */
export async function countClassifiedGroups(source: RowSource, options: CountClassifiedHouseholdsOptions = {}): Promise<readonly ClassifiedGroup[]> {
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  const by = options.by ?? 'unit';
  const groups = new Map<string, { households: number; poor: number; nearPoor: number; recentlyEscaped: number; average: number; persons: number | null; asOf: Set<string>; standards: Set<string> }>();
  let header: Record<string, number> = {};
  const specs = CLASSIFIED_INPUT_COLUMNS.map((c) => (c.key === by ? { ...c, required: true } : c));
  const onHeader: ReadRecordsOptions['onHeader'] = (m) => {
    header = { ...m.index };
    options.onHeader?.(m);
  };
  for await (const batch of readRecordBatches(source, specs, { ...options, onHeader })) for (const r of batch) {
    options.onRow?.();
    const at = (key: string) => ({ ...(label !== undefined ? { source: label } : {}), row: r.row, column: (header[key] ?? 0) + 1, header: specs.find((s) => s.key === key)?.vi ?? key });
    let key = r.values[by] as string;
    if (by === 'area') {
      // nông thôn, Nông thôn, nong thon, rural and NT are one area
      const area = areaOfWord(key);
      if (area === undefined) throw cellError(at('area'), new VnPovertyError([issue({ code: 'invalid-input', path: [], value: key, expected: AREA_EXPECTED })]));
      key = AREA_WORDS_VI[area];
    }
    const word = r.values['status'] as string;
    const status = STATUS_WORDS.get(normalizeHeader(word));
    if (status === undefined) {
      throw cellError(at('status'), new VnPovertyError([issue({ code: 'invalid-input', path: [], value: word, expected: `a status: ${HOUSEHOLD_STATUSES.join(', ')} (or ${Object.values(HOUSEHOLD_STATUS_LABELS_VI).join(', ')})` })]));
    }
    const escaped = r.values['recentlyEscaped'] === true;
    if (escaped && status === 'poor') {
      throw cellError(at('recentlyEscaped'), new VnPovertyError([issue({ code: 'poor-and-escaped', path: [], value: true, expected: 'a household that is not poor now (it escaped poverty)' })]));
    }
    const members = r.values['members'];
    const g = groups.get(key) ?? { households: 0, poor: 0, nearPoor: 0, recentlyEscaped: 0, average: 0, persons: header['members'] !== undefined ? 0 : null, asOf: new Set<string>(), standards: new Set<string>() };
    if (typeof r.values['asOf'] === 'string') g.asOf.add(r.values['asOf']);
    if (typeof r.values['standard'] === 'string') g.standards.add(r.values['standard']);
    g.households++;
    if (status === 'poor') g.poor++;
    if (status === 'near-poor') g.nearPoor++;
    if (status === 'average') g.average++;
    if (escaped) g.recentlyEscaped++;
    // one household without its number of members leaves its group's persons unknown, never undercounted
    g.persons = g.persons === null || typeof members !== 'bigint' ? null : g.persons + Number(members);
    groups.set(key, g);
  }
  return Object.freeze(
    [...groups.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((unit) => {
        const { average, persons, asOf, standards, ...counts } = groups.get(unit)!;
        return Object.freeze({ figures: areaFigures({ unit, ...counts }), average, persons, asOf: Object.freeze([...asOf].sort()), standards: Object.freeze([...standards].sort()) });
      }),
  );
}

/**
 * Counts a classified-households file (the output of `vn-poverty classify`, or any table with
 * a status column and a unit or area column) into {@link AreaFigures} per group, streaming:
 * memory grows with the number of units, not of households. Groups come out sorted by key.
 * By area, every spelling of an area (`nông thôn`, `Nông thôn`, `nong thon`, `rural`, `NT`)
 * counts as one group, keyed `nông thôn` or `thành thị`; any other word is an error.
 *
 * @param source - a `.csv` or `.xlsx` path, or a CSV stream.
 * @throws VnPovertyError naming file, row and column: the reader's errors, `missing-column`
 *   (no unit / area column), `missing-value`, `invalid-input` (an unknown status), and the
 *   checks of `areaFigures` (`poor-and-escaped` is refused per household).
 * @example
 * (await countClassifiedHouseholds('ket-qua.csv', { by: 'unit' })).find((a) => a.unit === '30316')?.poor //=> 64
 */
export async function countClassifiedHouseholds(source: RowSource, options: CountClassifiedHouseholdsOptions = {}): Promise<readonly AreaFigures[]> {
  return Object.freeze((await countClassifiedGroups(source, options)).map((g) => g.figures));
}

/**
 * Columns of an administrative-units file for {@link readAdminUnits}: the fields of
 * `AdminUnitInput`. Keep codes as text in XLSX (a number loses leading zeros).
 *
 * @example
 * ADMIN_UNIT_COLUMNS.map((c) => c.key).slice(0, 3) //=> ['code', 'name', 'level']
 */
export const ADMIN_UNIT_COLUMNS: readonly ColumnSpec[] = Object.freeze([
  { key: 'code', hint: 'text', vi: 'Mã đơn vị', en: 'Code', required: true },
  { key: 'name', hint: 'text', vi: 'Tên đơn vị', en: 'Name', required: true },
  { key: 'level', hint: 'text', vi: 'Cấp', en: 'Level', required: true },
  { key: 'kind', hint: 'text', vi: 'Loại đơn vị', en: 'Kind', required: true },
  { key: 'areaType', hint: 'text', vi: 'Khu vực', en: 'Area type', required: true },
  { key: 'parentCode', hint: 'text', vi: 'Mã đơn vị cấp trên', en: 'Parent code' },
  { key: 'codeSystem', hint: 'text', vi: 'Hệ mã', en: 'Code system', required: true },
  { key: 'validFrom', hint: 'date', vi: 'Hiệu lực từ', en: 'Valid from', required: true },
  { key: 'validTo', hint: 'date', vi: 'Hiệu lực đến', en: 'Valid to' },
].map((c) => Object.freeze(c as ColumnSpec)));

/**
 * Reads administrative units (CSV or XLSX) as inputs for `adminHierarchy`: one unit per row,
 * with its parent's code and validity dates (empty `validTo` = still in force).
 *
 * @throws VnPovertyError naming file, row and column: the reader's errors.
 * @example
 * adminHierarchy(await readAdminUnits('don-vi.csv')).units.length //=> 9
 */
export async function readAdminUnits(source: RowSource, options: ReadRecordsOptions = {}): Promise<readonly AdminUnitInput[]> {
  const out: AdminUnitInput[] = [];
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  let areaColumn = 0;
  const onHeader: ReadRecordsOptions['onHeader'] = (m) => {
    areaColumn = (m.index['areaType'] ?? 0) + 1;
    options.onHeader?.(m);
  };
  for await (const r of readRecords(source, ADMIN_UNIT_COLUMNS, { ...options, onHeader })) {
    const v = r.values;
    const areaType = areaOfWord(String(v['areaType']));
    if (areaType === undefined) {
      const at = { ...(label !== undefined ? { source: label } : {}), row: r.row, column: areaColumn, header: 'Khu vực' };
      throw cellError(at, new VnPovertyError([issue({ code: 'invalid-input', path: [], value: v['areaType'], expected: AREA_EXPECTED })]));
    }
    out.push(
      Object.freeze({
        code: v['code'] as string,
        name: v['name'] as string,
        level: v['level'] as AdminUnitInput['level'],
        kind: v['kind'] as AdminUnitInput['kind'],
        areaType,
        parentCode: (v['parentCode'] as string | null | undefined) ?? null,
        codeSystem: v['codeSystem'] as AdminUnitInput['codeSystem'],
        validFrom: v['validFrom'] as string,
        validTo: (v['validTo'] as string | null | undefined) ?? null,
      }),
    );
  }
  return Object.freeze(out);
}
