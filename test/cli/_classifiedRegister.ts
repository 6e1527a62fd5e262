/**
 * Classified registers as files, the way `vn-poverty classify` writes them (`vi (en)` headers,
 * the result columns, then the report columns), for the `summarize --report` tests.
 */
import { basename, dirname } from 'node:path';
import fc from 'fast-check';
import { POVERTY_CAUSES, type ReviewedHousehold } from '../../src/reports/reviewedHousehold.js';
import { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS_VI } from '../../src/standards/householdStatus.js';
import { ND07_2021 } from '../../src/standards/standards.js';
import { writeCsv, writeXlsx } from '../hostile/_hostile.js';
import { UNITS } from '../reports/_register.js';

const AREA_VI = { rural: 'nông thôn', urban: 'thành thị' } as const;
const yes = (b: boolean | undefined): string => (b === undefined ? '' : b ? 'có' : 'không');

/** The columns of a classified register file, with the value of each from a household. */
const COLUMNS: ReadonlyArray<readonly [string, (h: ReviewedHousehold) => string]> = [
  ['Mã hộ (Household id)', (h) => h.id],
  ['Mã đơn vị (Unit code)', (h) => h.unit],
  ['Khu vực (Area)', (h) => (h.area === undefined ? '' : AREA_VI[h.area])],
  ['Số chỉ số thiếu hụt (Deprivations)', (h) => String(h.deprivations?.length ?? 0)],
  ['Chỉ số thiếu hụt (Deprived indicators)', (h) => (h.deprivations ?? []).join('; ')],
  ['Mã phân loại (Status)', (h) => h.status],
  ['Phân loại (Status (Vietnamese))', (h) => HOUSEHOLD_STATUS_LABELS_VI[h.status]],
  ['Chuẩn áp dụng (Standard)', () => ND07_2021.id],
  ['Họ tên chủ hộ (Head of household)', (h) => h.headName ?? ''],
  ['Thôn (Village)', (h) => h.village ?? ''],
  ['Dân tộc (Ethnic group)', (h) => h.ethnicGroup ?? ''],
  ['Hộ DTTS (Ethnic minority)', (h) => yes(h.ethnicMinority)],
  ['Nguyên nhân nghèo (Causes of poverty)', (h) => (h.causes ?? []).join('; ')],
  ['Đối tượng chính sách (Policy groups)', (h) => (h.policyGroups ?? []).join('; ')],
  ['Số trẻ em (Children)', (h) => (h.children === undefined ? '' : String(h.children.total))],
  ['Số trẻ em không có BHYT (Children without health insurance)', (h) => (h.children === undefined ? '' : String(h.children.withoutHealthInsurance))],
  ['Số trẻ em thiếu hụt dinh dưỡng (Children deprived in nutrition)', (h) => (h.children === undefined ? '' : String(h.children.nutritionDeprived))],
  ['Số trẻ em thiếu hụt đi học (Children deprived in school attendance)', (h) => (h.children === undefined ? '' : String(h.children.schoolDeprived))],
];
const START = ['Phân loại đầu năm (Start status)', (h: ReviewedHousehold) => (h.startStatus === undefined || h.startStatus === null ? '' : h.startStatus)] as const;
const ESCAPES: ReadonlyArray<readonly [string, (h: ReviewedHousehold) => string]> = [
  ['Đã từng thoát nghèo (Escaped poverty before)', (h) => yes(h.everEscapedPoverty)],
  ['Đã từng thoát cận nghèo (Escaped near-poverty before)', (h) => yes(h.everEscapedNearPoverty)],
];

/** The rows of a classified register file (header first); with `start`, the start-status and earlier-escape columns too. */
export function classifiedRows(households: readonly ReviewedHousehold[], options: { readonly start?: boolean } = {}): string[][] {
  const columns = [...COLUMNS, ...(options.start === true ? [START, ...ESCAPES] : [])];
  return [columns.map(([h]) => h), ...households.map((h) => columns.map(([, v]) => v(h)))];
}

/** Writes rows as a CSV or XLSX file (by the extension). */
export async function writeRows(path: string, rows: readonly (readonly string[])[]): Promise<void> {
  if (path.endsWith('.csv')) writeCsv(dirname(path), basename(path), rows);
  else await writeXlsx(dirname(path), basename(path), rows);
}

const GROUPS = ['Kinh', "M'nông", 'Ê Đê', 'Khmer'] as const;

/**
 * A generated classified register: units with a fixed area, the DTTS flag agreeing with the
 * ethnic group (every group but Kinh is a minority), every report column drawn, names and policy
 * groups that start like a formula among them.
 */
export const classifiedArb: fc.Arbitrary<ReviewedHousehold[]> = fc
  .array(
    fc.record({
      u: fc.integer({ min: 0, max: UNITS.length - 1 }),
      village: fc.constantFrom('Thôn 1', 'Thôn 2', 'Bon Bu'),
      headName: fc.constantFrom('Y Bình', 'Nguyễn Văn A', '=HYPERLINK("x")', ''),
      status: fc.constantFrom(...HOUSEHOLD_STATUSES),
      startStatus: fc.option(fc.constantFrom(...HOUSEHOLD_STATUSES), { nil: null }),
      everEscapedPoverty: fc.boolean(),
      everEscapedNearPoverty: fc.boolean(),
      group: fc.constantFrom(...GROUPS),
      deprivations: fc.subarray(ND07_2021.indicators.map((i) => i.id)),
      causes: fc.subarray([...POVERTY_CAUSES]),
      policyGroups: fc.subarray(['người có công', 'bảo trợ xã hội', '-không có khả năng lao động']),
      children: fc.integer({ min: 0, max: 5 }).chain((total) =>
        fc.record({ total: fc.constant(total), withoutHealthInsurance: fc.integer({ min: 0, max: total }), nutritionDeprived: fc.integer({ min: 0, max: total }), schoolDeprived: fc.integer({ min: 0, max: total }) }),
      ),
    }),
    { minLength: 8, maxLength: 40 },
  )
  .map((rows) =>
    rows.map(({ u, group, headName, ...r }, i): ReviewedHousehold => {
      const [unit, area] = UNITS[u]!;
      return { id: `h${i}`, unit, area, ...r, ...(headName !== '' ? { headName } : {}), ethnicGroup: group, ethnicMinority: group !== 'Kinh' };
    }),
  );
