import { basename } from 'node:path';
import { VnPovertyError, fail, issue } from '../errors/VnPovertyError.js';
import { assertOptions } from '../errors/assertOptions.js';
import type { ReviewedHousehold } from '../reports/reviewedHousehold.js';
import type { HeaderMatch } from './columns.js';
import { readRecordBatches } from './readRecords.js';
import type { ReadRowsOptions, RowSource } from './readRows.js';
import { FIELD_COLUMNS, REVIEWED_HOUSEHOLD_COLUMNS, reviewedHouseholdOf, type ReviewedColumnPlan, type ReviewedField } from './reviewedHouseholdColumns.js';

/** Options of {@link readReviewedHouseholds}: the reader's (format, delimiter, sheet, a name for messages), and what the file must have. */
export interface ReadReviewedHouseholdsOptions extends ReadRowsOptions {
  /**
   * Fields the file must have columns for (a report that needs them): a missing one is
   * `missing-column` (`children`: all four children columns). `area` needs a value in every row too; the others may be blank (a blank
   * start status: not on the start list; blank children counts: not recorded).
   */
  readonly required?: readonly ReviewedField[];
  /** The unit of households whose unit cell is empty, or of every household when the file has no unit column. */
  readonly defaultUnit?: string;
  /** Called after every household (progress indicators). */
  readonly onRow?: () => void;
}

/** What {@link readReviewedHouseholds} read. */
export interface ReviewedRegister {
  /** The households, in the file's order, each a frozen `ReviewedHousehold`. */
  readonly households: readonly ReviewedHousehold[];
  /** The optional fields the file has columns for. */
  readonly fields: readonly ReviewedField[];
  /** The standards the *Chuẩn áp dụng* (Standard) column names, in order of first appearance. */
  readonly standards: readonly string[];
}

const WHY: Readonly<Record<ReviewedField, string>> = {
  area: 'urban or rural (nông thôn / thành thị), for the blocks of the summary form',
  village: 'the village of each household, for the detailed lists',
  headName: "the head of household's name",
  startStatus: 'the status at the start of the year, for the flows',
  everEscapedPoverty: 'earlier escapes from poverty',
  everEscapedNearPoverty: 'earlier escapes from near-poverty',
  ethnicMinority: 'the ethnic-minority flag (or the ethnic group)',
  ethnicGroup: 'the ethnic group of each household',
  deprivations: 'the deprived indicators of each household (the output of vn-poverty classify has them)',
  causes: 'the causes of poverty',
  policyGroups: 'the policy groups',
  children: 'the children counts (all, without health insurance, deprived in nutrition, in school attendance)',
};

/**
 * Reads a classified register (the output of `vn-poverty classify`, CSV or XLSX, or a review
 * export with a status column) as `ReviewedHousehold` records for the report builders
 * (`summaryForm`, `flowsReport`, `deprivationReport`, …): columns found by header in Vietnamese
 * or English (`REVIEWED_HOUSEHOLD_COLUMNS`), each present column's cells checked, every household
 * id once. Columns it does not know are ignored.
 *
 * @param source - a `.csv` or `.xlsx` path, or a CSV stream.
 * @param options - the reader's options, `required` fields, a `defaultUnit`.
 * @throws VnPovertyError naming file, row and column: `missing-column` (no id or status column,
 *   or a required field's), `missing-value`, `invalid-input` (an unknown status, area,
 *   indicator or cause; a children count above the total; a DTTS flag contradicting the ethnic
 *   group), `duplicate-household` (naming both rows), and the reader's errors.
 * @example
 * (await readReviewedHouseholds('ket-qua.csv', { required: ['area'] })).households[0]
 * //=> { id: 'H1', unit: '30316', area: 'urban', status: 'poor', deprivations: ['latrine'] }
 */
export async function readReviewedHouseholds(source: RowSource, options: ReadReviewedHouseholdsOptions = {}): Promise<ReviewedRegister> {
  assertOptions(options, 'readReviewedHouseholds');
  const { required = [], defaultUnit, onRow, ...rowOptions } = options;
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  if (defaultUnit !== undefined && (typeof defaultUnit !== 'string' || defaultUnit.trim() === '')) {
    fail({ code: 'invalid-option', path: ['defaultUnit'], value: defaultUnit, expected: 'the name of a unit' });
  }
  const known = (f: unknown): boolean => typeof f === 'string' && Object.prototype.hasOwnProperty.call(FIELD_COLUMNS, f);
  if (!(Array.isArray(required) as boolean) || !required.every(known)) fail({ code: 'invalid-option', path: ['required'], value: required, expected: `fields among ${Object.keys(FIELD_COLUMNS).join(', ')}` });
  let plan: ReviewedColumnPlan | undefined;
  let fields: ReviewedField[] = [];
  const onHeader = (m: HeaderMatch, header: readonly unknown[]): void => {
    const has = (key: string): boolean => m.index[key] !== undefined;
    const missing = (vi: string, en: string, why: string): VnPovertyError =>
      new VnPovertyError([issue({ code: 'missing-column', path: label !== undefined ? [label, 1] : [1], value: header.map((c) => (c === null || c === undefined ? '' : String(c))), expected: `a column headed “${vi}” or “${en}”`, message: `${label !== undefined ? `${label}, ` : ''}row 1: no column “${vi}” (${en}): ${why}` })]);
    if (!has('status') && !has('statusVi')) throw missing('Mã phân loại', 'Status', "each household's status (or a column “Phân loại”)");
    if (!has('unit') && !has('unitName') && defaultUnit === undefined) throw missing('Mã đơn vị', 'Unit code', 'the unit of each household (or a column “Tên đơn vị”, or a default unit)');
    fields = (Object.keys(FIELD_COLUMNS) as ReviewedField[]).filter((f) => FIELD_COLUMNS[f].some(has));
    for (const f of required) {
      // the children counts are read together: a missing one would count as no deprived child
      const key = f === 'children' ? FIELD_COLUMNS.children.find((k) => !has(k)) : fields.includes(f) ? undefined : FIELD_COLUMNS[f][0];
      if (key === undefined) continue;
      const spec = REVIEWED_HOUSEHOLD_COLUMNS.find((c) => c.key === key)!;
      throw missing(spec.vi, spec.en, `the report needs ${WHY[f]}`);
    }
    const at: Record<string, { column: number; header: string }> = {};
    for (const spec of REVIEWED_HOUSEHOLD_COLUMNS) {
      const i = m.index[spec.key];
      if (i === undefined) continue;
      const h = header[i];
      at[spec.key] = { column: i, header: h === null || h === undefined || String(h).trim() === '' ? spec.vi : String(h) };
    }
    plan = { source: label, at, defaultUnit };
  };
  const needArea = required.includes('area');
  const households: ReviewedHousehold[] = [];
  const rowOf = new Map<string, number>();
  const standards = new Set<string>();
  let header: readonly unknown[] = [];
  const columns = REVIEWED_HOUSEHOLD_COLUMNS.map((c) => (c.key === 'area' && needArea ? { ...c, required: true } : c));
  const records = readRecordBatches(
    source,
    (cells) => {
      header = cells;
      return columns;
    },
    { ...rowOptions, ...(label !== undefined ? { source: label } : {}), onHeader: (m) => onHeader(m, header) },
  );
  for await (const batch of records) {
    for (const r of batch) {
      const h = reviewedHouseholdOf(r.row, r.values, plan!);
      const first = rowOf.get(h.id);
      if (first !== undefined) {
        const idAt = plan!.at['id']!;
        fail({
          code: 'duplicate-household',
          path: label !== undefined ? [label, r.row, idAt.header] : [r.row, idAt.header],
          value: h.id,
          expected: `each household once (it is also on row ${first})`,
          message: `${label !== undefined ? `${label}, ` : ''}row ${r.row}, column ${idAt.column + 1} (${idAt.header}): household ${JSON.stringify(h.id)} is also on row ${first}; each household is counted once`,
        });
      }
      rowOf.set(h.id, r.row);
      const standard = r.values['standard'];
      if (typeof standard === 'string') standards.add(standard);
      households.push(h);
      onRow?.();
    }
  }
  return Object.freeze({ households: Object.freeze(households), fields: Object.freeze(fields), standards: Object.freeze([...standards]) });
}
