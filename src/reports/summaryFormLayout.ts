import { deepFreeze } from '../_internal/_freeze.js';
import type { RoundingMode } from '../numbers/rounding.js';
import { HOUSEHOLD_ROLE_WORDS, HOUSEHOLD_ROW_COLUMNS, RATE_ROUNDING_OPTION } from '../reconcile/communeTargetsLayout.js';
import { presetSpecOptions, type LayoutPreset } from '../reconcile/layoutPreset.js';
import type { PrintedTable } from '../reconcile/printedTable.js';
import { tableFromSpec, throwStructural } from '../reconcile/tableFromSpec.js';
import type { SpecColumn, SpecHeader, SpecRelation, TableSpec } from '../reconcile/tableSpec.js';
import type { EthnicMinorityBase } from './summaryForm.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link summaryFormSpec}. */
export interface SummaryFormSpecOptions {
  /** The base of the ethnic-minority rates (`'households'` unless told; see `summaryForm`). */
  readonly ethnicMinorityBase?: EthnicMinorityBase;
  /** The rounding of the printed rates (`'half-up'` unless told, as official tables print). */
  readonly rounding?: RoundingMode;
}

/** The count and rate columns of a group (*Số hộ nghèo đầu năm* over *Số hộ*, *Tỷ lệ %*), one or more header rows. */
function counted(key: string, groups: readonly string[], required = true): SpecColumn[] {
  const under = (leaves: readonly string[]): SpecHeader[] => groups.flatMap((g) => leaves.map((l) => [g, l]));
  const optional = required ? {} : { required: false };
  return [
    { key, kind: 'count', header: key, aliases: under(['Số hộ', 'Hộ']), ...optional },
    { key: `${key}_rate`, kind: 'rate', header: `${key}_rate`, aliases: under(['Tỷ lệ*']), ...optional },
  ];
}

/** The ethnic-minority count and rate of a group (*Số hộ DTTS*, *Tỷ lệ %*): optional, a table may print none. */
function ethnicMinority(key: string, groups: readonly string[]): SpecColumn[] {
  return [
    { key, kind: 'count', header: key, aliases: groups.flatMap((g) => [[g, 'Số hộ DTTS'], [g, '*DTTS*'], [g, '*dân tộc thiểu số*']]), required: false },
    { key: `${key}_rate`, kind: 'rate', header: `${key}_rate`, aliases: groups.map((g) => [g, 'Tỷ lệ*']), required: false },
  ];
}

const START = ['*đầu năm*', '*đầu kỳ*'];
const END = ['*cuối năm*', '*cuối kỳ*'];
const COUNTS = ['households', 'households_em', 'start', 'start_em', 'exits', 're', 'newly', 'moved_in', 'moved_out', 'end', 'end_em'];
const RATES = ['start', 'exits', 're', 'newly', 'end'];

/**
 * The official summary form (Mẫu số 3, *Tổng hợp kết quả điều tra, rà soát hộ nghèo / hộ cận
 * nghèo*) as a declared layout, for the poor and for the near-poor form alike: per unit *Tổng số
 * hộ dân cư* (*Số hộ*, *Trong đó hộ DTTS*); households at the start (*Số hộ*, *Tỷ lệ %*, *Số hộ
 * DTTS*, *Tỷ lệ %*); the flows of the year (*Số hộ thoát*, *tái*, *phát sinh*, each *Số hộ*,
 * *Tỷ lệ %*); at the end (as at the start). Headers as printed, over one to three header rows
 * (the two *Tỷ lệ %* under one group are taken left to right); rows *I Khu vực thành thị*, *II Khu
 * vực nông thôn* and *Tổng cộng*, the units numbered 1, 2, 3…. The ethnic-minority columns and
 * households moved in or out (*chuyển đến*, *chuyển đi*) are optional.
 *
 * Relations: blocks and the total add their units; the flow balance end = start + phát sinh +
 * tái + moved in − thoát − moved out (`signed-sum`); every rate from its count ÷ the households ×
 * 100 (the ethnic-minority rates ÷ the base chosen), rounded as told to the decimals printed;
 * ethnic-minority counts ≤ the counts (and ≤ the ethnic-minority households); counts ≤ the
 * households; exits ≤ start (+ moved in); rates in [0, 100].
 *
 * @example
 * summaryFormSpec({ ethnicMinorityBase: 'ethnic-minority-households' }).relations.find((r) => r.type === 'rate' && r.column === 'start_em_rate')
 * //=> { type: 'rate', column: 'start_em_rate', count: 'start_em', base: 'households_em', scale: 100 }
 * @see Mẫu số 3 (luatminhkhue.vn reproduction); review-procedure §9 (SECONDARY); poverty-rate-reporting §4 (rounding).
 */
export function summaryFormSpec(options: SummaryFormSpecOptions = {}): TableSpec {
  assertOptions(options, 'summaryFormSpec');
  const emBase = (options.ethnicMinorityBase ?? 'households') === 'households' ? 'households' : 'households_em';
  const [stt, unit, role] = HOUSEHOLD_ROW_COLUMNS as [SpecColumn, SpecColumn, SpecColumn];
  const columns: SpecColumn[] = [
    stt,
    { ...unit, aliases: [...(unit.aliases ?? []), 'Đơn vị*', 'Tên đơn vị*', 'Thành phố*', 'Huyện*', 'Thị xã*', 'Quận*', 'Tỉnh*', 'Thôn*'] },
    role,
    { key: 'households', kind: 'count', header: 'households', aliases: [['Tổng số hộ*', 'Số hộ'], ['Tổng số hộ*', 'Hộ'], 'Tổng số hộ*', 'Số hộ dân cư*', 'Hộ dân cư*'] },
    { key: 'households_em', kind: 'count', header: 'households_em', aliases: [['Tổng số hộ*', '*DTTS*'], ['Tổng số hộ*', '*dân tộc thiểu số*'], 'Tổng số hộ DTTS*'], required: false },
    ...counted('start', START),
    ...ethnicMinority('start_em', START),
    ...counted('exits', ['*thoát*']),
    ...counted('re', ['*tái*']),
    ...counted('newly', ['*phát sinh*']),
    { key: 'moved_in', kind: 'count', header: 'moved_in', aliases: ['*chuyển đến*', ['*chuyển đến*', 'Số hộ']], required: false },
    { key: 'moved_out', kind: 'count', header: 'moved_out', aliases: ['*chuyển đi*', ['*chuyển đi*', 'Số hộ']], required: false },
    ...counted('end', END),
    ...ethnicMinority('end_em', END),
  ];
  const relations: SpecRelation[] = [
    { type: 'numbering', column: 'stt' },
    { type: 'role-totals', columns: COUNTS },
    { type: 'signed-sum', column: 'end', plus: ['start', 'newly', 're', 'moved_in'], minus: ['exits', 'moved_out'] },
    ...RATES.map((k): SpecRelation => ({ type: 'rate', column: `${k}_rate`, count: k, base: 'households', scale: 100 })),
    ...['start_em', 'end_em'].map((k): SpecRelation => ({ type: 'rate', column: `${k}_rate`, count: k, base: emBase, scale: 100 })),
    { type: 'inequality', column: 'start_em', op: '<=', than: 'start' },
    { type: 'inequality', column: 'end_em', op: '<=', than: 'end' },
    { type: 'inequality', column: 'start_em', op: '<=', than: 'households_em' },
    { type: 'inequality', column: 'end_em', op: '<=', than: 'households_em' },
    ...['start', 'end', 'households_em'].map((k): SpecRelation => ({ type: 'inequality', column: k, op: '<=', than: 'households' })),
    { type: 'inequality', column: 'exits', op: '<=', than: ['start', 'moved_in'] },
    ...[...RATES, 'start_em', 'end_em'].map((k): SpecRelation => ({ type: 'bound', column: `${k}_rate`, min: 0, max: 100 })),
  ];
  return deepFreeze({
    name: 'summary-form',
    description: 'the official summary form of a review (Mẫu số 3): start, thoát, tái, phát sinh, end, with rates and ethnic-minority columns, by unit in urban and rural blocks',
    columns,
    roles: { values: HOUSEHOLD_ROLE_WORDS },
    relations,
    rounding: options.rounding ?? 'half-up',
  });
}

/**
 * The `summary-form` layout with the library's defaults: ethnic-minority rates of all households,
 * half-up rounding.
 * @example
 * SUMMARY_FORM_SPEC.columns.filter((c) => c.kind === 'rate').length //=> 7
 */
export const SUMMARY_FORM_SPEC: TableSpec = summaryFormSpec();

/**
 * The `summary-form` preset (`vn-poverty reconcile FILE --layout summary-form`): the official
 * summary form of a review, see {@link summaryFormSpec}. Options: `rounding` (default half-up) and
 * `ethnic-minority-base` (`households`, the default, or `ethnic-minority-households`).
 *
 * @example
 * const rows = [[...SUMMARY_FORM_COLUMNS.filter((c) => !c.includes('_em') && !c.startsWith('moved') && c !== 'role')], ['1', 'Văn Giáo', '1.660', '139', '8,37', '50', '3,01', '0', '0,00', '0', '0,00', '89', '5,36']];
 * reconcileTable(summaryFormLayout.toTable(rows, {})).ok //=> true
 * @see Mẫu số 3; review-procedure §9.
 */
export const summaryFormLayout: LayoutPreset = deepFreeze({
  name: 'summary-form',
  description: 'the official summary form of a review (Mẫu số 3): start, exits, re-, newly, end with rates and ethnic-minority columns, urban/rural blocks, a total',
  columns: SUMMARY_FORM_SPEC.columns.map((c) => c.key),
  options: [
    RATE_ROUNDING_OPTION,
    { name: 'ethnic-minority-base', values: ['households', 'ethnic-minority-households'], default: 'households', description: 'the base of the ethnic-minority rates (UNCONFIRMED: the form does not say)' },
  ],
  spec: SUMMARY_FORM_SPEC,
  toTable(rows: ReadonlyArray<ReadonlyArray<string>>, options: Readonly<Record<string, string>>, source?: string): PrintedTable {
    const spec = summaryFormSpec({ ethnicMinorityBase: options['ethnic-minority-base'] as EthnicMinorityBase | undefined ?? 'households' });
    const read = tableFromSpec(rows, spec, { ...presetSpecOptions(options), ...(source !== undefined ? { source } : {}) });
    throwStructural(read.findings);
    return read.table;
  },
});

/**
 * Columns of the `summary-form` layout, in order (the header of a transcribed CSV).
 * @example
 * SUMMARY_FORM_COLUMNS.slice(3, 7) //=> ['households', 'households_em', 'start', 'start_rate']
 */
export const SUMMARY_FORM_COLUMNS: readonly string[] = summaryFormLayout.columns;
