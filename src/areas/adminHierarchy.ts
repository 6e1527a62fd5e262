import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { compareIsoDates, toIsoDate, type IsoDate, type ReferenceDateOptions } from '../dates/calendarDate.js';
import { issue, parseInput, VnPovertyError, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Tier of an administrative unit. */
export type AdminLevel = 'province' | 'district' | 'commune';

/**
 * Kind of unit, as Vietnamese law names them: province (*tỉnh*), centrally-run city
 * (*thành phố trực thuộc trung ương*), rural district (*huyện*), urban district (*quận*),
 * town (*thị xã*), provincial city (*thành phố thuộc tỉnh*), rural commune (*xã*), ward
 * (*phường*), township (*thị trấn*), special zone (*đặc khu*, from 2025).
 */
export type AdminKind = 'tinh' | 'thanh_pho_tw' | 'huyen' | 'quan' | 'thi_xa' | 'thanh_pho_thuoc_tinh' | 'xa' | 'phuong' | 'thi_tran' | 'dac_khu';

/** Urban (*đô thị*) or rural (*nông thôn*): data on the unit, because the poverty line differs. */
export type AreaType = 'urban' | 'rural';

/** Which official code list a code belongs to. */
export type CodeSystem = 'QD124_2004' | 'QD19_2025';

/**
 * An administrative unit. Identity is (codeSystem, code, validFrom), never the bare code:
 * after 2025 the same province code can denote a different territory.
 *
 * @see admin-hierarchy §4 (model), QĐ 124/2004/QĐ-TTg (codes before 2025), QĐ 19/2025/QĐ-TTg (codes from 01/07/2025)
 */
export interface AdminUnit {
  /** The code as a string, leading zeros kept (`'01'`, `'00004'`). */
  readonly code: string;
  readonly name: string;
  readonly level: AdminLevel;
  readonly kind: AdminKind;
  readonly areaType: AreaType;
  /** Code of the parent unit in the same code system; null for a province. */
  readonly parentCode: string | null;
  readonly codeSystem: CodeSystem;
  readonly validFrom: IsoDate;
  /** Last day the unit existed; null while it exists. */
  readonly validTo: IsoDate | null;
}

/** A checked set of units (see {@link adminHierarchy}). */
export interface AdminHierarchy {
  readonly units: readonly AdminUnit[];
}

/**
 * The first day of two-tier local government: districts ended, communes report to the province.
 * @example
 * const h = adminHierarchy(EXAMPLE_ADMIN_UNITS);
 * unitsInForce(h, { asOf: '2025-06-30' }).some((u) => u.level === 'district') //=> true
 * unitsInForce(h, { asOf: TWO_TIER_FROM }).some((u) => u.level === 'district') //=> false
 * @see admin-hierarchy §2 (Constitution amendment and Law on Organization of Local Government, 16/06/2025; operating from 01/07/2025)
 */
export const TWO_TIER_FROM = '2025-07-01' as IsoDate;

const LEVEL_OF_KIND: Readonly<Record<AdminKind, AdminLevel>> = Object.freeze({
  tinh: 'province',
  thanh_pho_tw: 'province',
  huyen: 'district',
  quan: 'district',
  thi_xa: 'district',
  thanh_pho_thuoc_tinh: 'district',
  xa: 'commune',
  phuong: 'commune',
  thi_tran: 'commune',
  dac_khu: 'commune',
});

const CODE_DIGITS: Readonly<Record<AdminLevel, number>> = Object.freeze({ province: 2, district: 3, commune: 5 });

const unitSchema = z.object({
  code: z.string().regex(/^\d+$/, 'digits only, leading zeros kept'),
  name: z.string().min(1),
  level: z.enum(['province', 'district', 'commune']),
  kind: z.enum(['tinh', 'thanh_pho_tw', 'huyen', 'quan', 'thi_xa', 'thanh_pho_thuoc_tinh', 'xa', 'phuong', 'thi_tran', 'dac_khu']),
  areaType: z.enum(['urban', 'rural']),
  parentCode: z.string().nullable(),
  codeSystem: z.enum(['QD124_2004', 'QD19_2025']),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

/** Input of {@link adminHierarchy}: units with dates as `YYYY-MM-DD` strings. */
export type AdminUnitInput = Omit<AdminUnit, 'validFrom' | 'validTo'> & { readonly validFrom: string; readonly validTo: string | null };

/** Options of {@link adminHierarchy}: none yet. */
export type AdminHierarchyOptions = Readonly<Record<string, never>>;

const overlaps = (a: AdminUnit, b: AdminUnit): boolean =>
  (a.validTo === null || compareIsoDates(b.validFrom, a.validTo) <= 0) && (b.validTo === null || compareIsoDates(a.validFrom, b.validTo) <= 0);

/**
 * Checks a caller-supplied list of units and returns it as a hierarchy. The list is data
 * (no national list is baked in); the rules checked are structural:
 * - kind matches level; code has the digits of its level (province 2, district 3, commune 5);
 * - identity (codeSystem, code, validFrom) is unique;
 * - **three tiers before 1 July 2025**: a commune's parent is a district, a district's a province;
 * - **two tiers from 1 July 2025**: no district exists on or after that day, and a commune that
 *   exists then has a province as parent;
 * - every parent exists in the same code system while the child does.
 *
 * @throws VnPovertyError `invalid-input`, `kind-level-mismatch`, `invalid-code`, `duplicate-unit`,
 *   `invalid-validity`, `unknown-parent`, `wrong-parent-level`, `district-after-reform`.
 * @example
 * adminHierarchy(EXAMPLE_ADMIN_UNITS).units.length //=> 9
 * @see admin-hierarchy §1–§4; QĐ 19/2025/QĐ-TTg (codes from 01/07/2025)
 */
export function adminHierarchy(units: ReadonlyArray<AdminUnitInput>, options: AdminHierarchyOptions = {}): AdminHierarchy {
  assertOptions(options, 'adminHierarchy');
  void options;
  const parsed = parseInput(z.array(unitSchema), units);
  const problems: VnIssue[] = [];
  const checked: AdminUnit[] = parsed.map((u, i) => {
    const validFrom = toIsoDate(u.validFrom, [i, 'validFrom']);
    const validTo = u.validTo === null ? null : toIsoDate(u.validTo, [i, 'validTo']);
    if (validTo !== null && compareIsoDates(validTo, validFrom) < 0) problems.push(issue({ code: 'invalid-validity', path: [i, 'validTo'], value: validTo, expected: `a date on or after validFrom ${validFrom}` }));
    if (LEVEL_OF_KIND[u.kind] !== u.level) problems.push(issue({ code: 'kind-level-mismatch', path: [i, 'kind'], value: u.kind, expected: `a kind of level ${u.level}` }));
    if (u.code.length !== CODE_DIGITS[u.level]) problems.push(issue({ code: 'invalid-code', path: [i, 'code'], value: u.code, expected: `${CODE_DIGITS[u.level]} digits for a ${u.level}`, rule: { description: 'code widths: province 2, district 3, commune 5 digits', source: 'QĐ 124/2004/QĐ-TTg; QĐ 19/2025/QĐ-TTg' } }));
    if ((u.level === 'province') !== (u.parentCode === null)) problems.push(issue({ code: 'wrong-parent-level', path: [i, 'parentCode'], value: u.parentCode, expected: u.level === 'province' ? 'no parent for a province' : 'a parent code' }));
    return { ...u, validFrom, validTo };
  });
  const seen = new Set<string>();
  checked.forEach((u, i) => {
    const id = `${u.codeSystem}|${u.code}|${u.validFrom}`;
    if (seen.has(id)) problems.push(issue({ code: 'duplicate-unit', path: [i, 'code'], value: u.code, expected: 'a unique (codeSystem, code, validFrom)' }));
    seen.add(id);
    const reformed = u.validTo === null || compareIsoDates(u.validTo, TWO_TIER_FROM) >= 0;
    if (u.level === 'district' && reformed) {
      problems.push(issue({ code: 'district-after-reform', path: [i, 'validTo'], value: u.validTo, expected: `a district that ended before ${TWO_TIER_FROM}`, rule: { description: 'two-tier local government: the district level is abolished', source: 'Law on Organization of Local Government of 16/06/2025 (admin-hierarchy §2)', term: 'chính quyền địa phương hai cấp' } }));
    }
    if (u.parentCode === null) return;
    const parents = checked.filter((p) => p.codeSystem === u.codeSystem && p.code === u.parentCode && overlaps(p, u));
    if (parents.length === 0) {
      problems.push(issue({ code: 'unknown-parent', path: [i, 'parentCode'], value: u.parentCode, expected: `a unit of ${u.codeSystem} with that code existing while ${u.name} does` }));
      return;
    }
    const wanted: AdminLevel = u.level === 'district' ? 'province' : compareIsoDates(u.validFrom, TWO_TIER_FROM) >= 0 ? 'province' : 'district';
    if (parents.some((p) => p.level !== wanted)) {
      problems.push(issue({ code: 'wrong-parent-level', path: [i, 'parentCode'], value: u.parentCode, expected: `a ${wanted} as parent of a ${u.level} existing from ${u.validFrom} (three tiers before ${TWO_TIER_FROM}, two from then)` }));
    }
  });
  if (problems.length > 0) throw new VnPovertyError(problems as unknown as VnIssues);
  return deepFreeze({ units: checked });
}

const inForce = (u: AdminUnit, day: IsoDate): boolean => compareIsoDates(u.validFrom, day) <= 0 && (u.validTo === null || compareIsoDates(day, u.validTo) <= 0);

/**
 * The units that exist on a day.
 * @example
 * unitsInForce(h, { asOf: '2024-01-01' }).filter((u) => u.level === 'district').length //=> 1
 */
export function unitsInForce(hierarchy: AdminHierarchy, options: ReferenceDateOptions): readonly AdminUnit[] {
  assertOptions(options, 'unitsInForce', true);
  const day = toIsoDate(options.asOf, ['asOf']);
  return deepFreeze(hierarchy.units.filter((u) => inForce(u, day)));
}

/**
 * The chain of parents of a unit on a day, nearest first (a commune's district then province
 * before 2025-07-01; its province only from then).
 * @throws VnPovertyError `unknown-unit` when no unit with that code exists on that day.
 * @example
 * ancestorsOf(h, '30316', { asOf: '2024-01-01' }).map((u) => u.name) //=> ['Thị xã Tịnh Biên', 'Tỉnh An Giang']
 */
export function ancestorsOf(hierarchy: AdminHierarchy, code: string, options: ReferenceDateOptions): readonly AdminUnit[] {
  assertOptions(options, 'ancestorsOf', true);
  const day = toIsoDate(options.asOf, ['asOf']);
  const alive = hierarchy.units.filter((u) => inForce(u, day));
  let unit = alive.find((u) => u.code === code && u.level === 'commune') ?? alive.find((u) => u.code === code);
  if (unit === undefined) {
    throw new VnPovertyError([issue({ code: 'unknown-unit', path: ['code'], value: code, expected: `a unit existing on ${day}` })]);
  }
  const out: AdminUnit[] = [];
  while (unit.parentCode !== null) {
    const system: CodeSystem = unit.codeSystem;
    const parentCode: string = unit.parentCode;
    const parent: AdminUnit | undefined = alive.find((u) => u.codeSystem === system && u.code === parentCode);
    if (parent === undefined) break;
    out.push(parent);
    unit = parent;
  }
  return deepFreeze(out);
}

/**
 * A small bundled example, for documentation and tests only: An Giang province, Tịnh Biên town
 * and three of its units before the reform, and An Giang with one ward after it.
 *
 * @remarks UNCONFIRMED: the district and commune codes here are illustrative placeholders, not
 * the official QĐ 124/2004 or QĐ 19/2025 codes; the province codes 89 (before) and 91 (from
 * 01/07/2025, QĐ 19/2025/QĐ-TTg) follow admin-hierarchy §2.2. Supply the official list yourself.
 * @example
 * EXAMPLE_ADMIN_UNITS.filter((u) => u.validTo === null).map((u) => u.name)
 * //=> ['Tỉnh An Giang', 'Phường Tịnh Biên', 'Phường Thới Sơn', 'Phường Chi Lăng']
 */
export const EXAMPLE_ADMIN_UNITS: readonly AdminUnitInput[] = deepFreeze([
  { code: '89', name: 'Tỉnh An Giang', level: 'province', kind: 'tinh', areaType: 'rural', parentCode: null, codeSystem: 'QD124_2004', validFrom: '2004-01-01', validTo: '2025-06-30' },
  { code: '888', name: 'Thị xã Tịnh Biên', level: 'district', kind: 'thi_xa', areaType: 'urban', parentCode: '89', codeSystem: 'QD124_2004', validFrom: '2022-02-01', validTo: '2025-06-30' },
  { code: '30316', name: 'Phường Nhà Bàng', level: 'commune', kind: 'phuong', areaType: 'urban', parentCode: '888', codeSystem: 'QD124_2004', validFrom: '2022-02-01', validTo: '2025-06-30' },
  { code: '30337', name: 'Phường Tịnh Biên', level: 'commune', kind: 'phuong', areaType: 'urban', parentCode: '888', codeSystem: 'QD124_2004', validFrom: '2022-02-01', validTo: '2025-06-30' },
  { code: '30346', name: 'Xã Văn Giáo', level: 'commune', kind: 'xa', areaType: 'rural', parentCode: '888', codeSystem: 'QD124_2004', validFrom: '2022-02-01', validTo: '2025-06-30' },
  { code: '91', name: 'Tỉnh An Giang', level: 'province', kind: 'tinh', areaType: 'rural', parentCode: null, codeSystem: 'QD19_2025', validFrom: '2025-07-01', validTo: null },
  { code: '30301', name: 'Phường Tịnh Biên', level: 'commune', kind: 'phuong', areaType: 'urban', parentCode: '91', codeSystem: 'QD19_2025', validFrom: '2025-07-01', validTo: null },
  { code: '30302', name: 'Phường Thới Sơn', level: 'commune', kind: 'phuong', areaType: 'urban', parentCode: '91', codeSystem: 'QD19_2025', validFrom: '2025-07-01', validTo: null },
  { code: '30303', name: 'Phường Chi Lăng', level: 'commune', kind: 'phuong', areaType: 'urban', parentCode: '91', codeSystem: 'QD19_2025', validFrom: '2025-07-01', validTo: null },
]);
