/**
 * Reads a survey file (CSV or XLSX) into the typed columns of the measures: one deprivation
 * byte column per indicator of a specification, grouping codes, design columns and rounds.
 */
import { weightTexts } from './_weightCells.js';
import { basename } from 'node:path';
import { fail, issue } from '../errors/VnPovertyError.js';
import { assertOptions } from '../errors/assertOptions.js';
import { compareFractions, toFraction } from '../numbers/fraction.js';
import { issueList } from '../measures/_issueList.js';
import type { AfByCodes, AfColumnarData } from '../measures/afData.js';
import type { AfRounds } from '../measures/alkireFosterEstimates.js';
import type { SurveyDesignInput } from '../measures/surveyDesign.js';
import type { MeasuresSpec } from './measuresSpec.js';
import { checkSeparator } from './csv.js';
import { assertRowWidth, xlsxRowSettler } from './readRecords.js';
import { rowSourceFormat, readRows, type RawCell, type RowSource, type ReadRowsOptions, type SheetRow } from './readRows.js';

/** Options of {@link readMeasuresData}: the columns to read besides the indicators. */
export interface ReadMeasuresDataOptions extends ReadRowsOptions {
  /** Grouping columns (`['area', 'region']`). */
  readonly by?: ReadonlyArray<string>;
  readonly strata?: string;
  readonly psus?: string;
  /** Sampling weight column (exact decimals). */
  readonly weight?: string;
  /** A column with two values (the rounds, earlier first in ascending order). */
  readonly rounds?: string;
}

/** What {@link readMeasuresData} read. */
export interface MeasuresData {
  /** Columns for the measures (no sampling weights: they are in `design`). */
  readonly data: AfColumnarData;
  /** The design columns (weights included), for `surveyDesign`. */
  readonly design: SurveyDesignInput;
  readonly rounds: AfRounds | null;
  /** Data rows read (header excluded) and rows dropped for a missing entry (`missing: 'drop-unit'`). */
  readonly rows: number;
  readonly dropped: number;
}

const RULE = { description: 'every indicator, grouping and design column named is in the header; deprivations are 0 or 1, achievements are numbers', source: 'docs/measures.md, “The CLI”' };

function text(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Labels in a natural order: numerically when all are numbers, else alphabetically. */
function sortLabels(labels: string[]): string[] {
  const numeric = labels.every((l) => /^-?\d+(\.\d+)?$/.test(l));
  return [...labels].sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
}

function codesOf(name: string, values: ReadonlyArray<string>): AfByCodes {
  const labels = sortLabels([...new Set(values)]);
  const index = new Map(labels.map((l, i) => [l, i]));
  return { name, codes: Int32Array.from(values, (v) => index.get(v) as number), labels };
}

/**
 * Streams a CSV or XLSX survey file and builds the measures' columns: a 0/1 byte column per
 * indicator of the specification (a 0/1 column, or an achievement column deprived when its value
 * is strictly below `deprivedBelow`), grouping codes (labels sorted numerically or alphabetically),
 * design columns and rounds. Missing entries (empty cells) follow the specification's `missing`
 * policy, and are an error (naming row and column) without one. Every problem names the file, the
 * row and the column; an XLSX cell that cannot be read (a formula with no saved value, an error
 * value) in a column the measures use is refused by its address, never read as a missing entry.
 *
 * @throws VnPovertyError `empty-file`, `no-data`, `wrong-separator`, `missing-column`,
 *   `invalid-deprivation`, `invalid-number`, `missing-value`, `unreadable-cell`, `invalid-round`,
 *   and those of {@link readRows}.
 * @example
 * const { data, design } = await readMeasuresData('syn_cdta.csv', measuresSpec(spec), { by: ['area'], strata: 'stratum', psus: 'psu', weight: 'weight' })
 */
export async function readMeasuresData(source: RowSource, spec: MeasuresSpec, options: ReadMeasuresDataOptions = {}): Promise<MeasuresData> {
  assertOptions(options, 'readMeasuresData');
  const problems = issueList();
  const { by = [], strata, psus, weight, rounds, ...readOptions } = options;
  const label = options.source ?? (typeof source === 'string' ? basename(source) : 'the survey file');
  const csv = rowSourceFormat(source, options.format) === 'csv';
  /** `khao-sat.csv, row 3, column d_nutr: got "2", expected …` */
  const bad = (row: number, column: string, value: unknown, expected: string, code: string): void =>
    problems.add(issue({ code, path: [row, column], value, expected, rule: RULE, message: `${label}, row ${row}, column ${column}: got ${JSON.stringify(value)}, expected ${expected}` }));
  const J = spec.indicators.length;
  const deps: number[][] = spec.indicators.map(() => []);
  const groupValues: string[][] = by.map(() => []);
  const strataValues: string[] = [];
  const psuValues: string[] = [];
  const weightCells: Array<{ readonly row: number; readonly raw: string }> = [];
  const roundValues: string[] = [];
  const sizes: number[] = [];
  let header: string[] | null = null;
  let at: { ind: number[]; by: number[]; strata: number; psus: number; weight: number; rounds: number; sizes: number } | null = null;
  let rows = 0;
  let dropped = 0;
  let settle: ((r: SheetRow) => SheetRow) | undefined;
  for await (const sheetRow of readRows(source, readOptions)) {
    if (header === null) {
      const row = sheetRow;
      if (row.cells.every((c) => text(c) === '')) continue;
      if (csv) checkSeparator(row.cells, options.delimiter ?? ',', label);
      header = row.cells.map((c) => text(c));
      const find = (name: string | undefined | null, path: ReadonlyArray<string | number>): number => {
        if (name === undefined || name === null) return -1;
        const i = (header as string[]).indexOf(name);
        if (i < 0) problems.add(issue({ code: 'missing-column', path, value: name, expected: `a column named ${JSON.stringify(name)} in the header (${(header as string[]).slice(0, 30).join(', ')})`, rule: RULE, message: `${label}, row ${row.row}: no column ${JSON.stringify(name)} (for ${path.join('.')}); the header has ${(header as string[]).slice(0, 30).join(', ')}` }));
        return i;
      };
      at = {
        ind: spec.indicators.map((ind, j) => find(ind.column, ['indicators', j, 'column'])),
        by: by.map((b, k) => find(b, ['by', k])),
        strata: find(strata, ['strata']),
        psus: find(psus, ['psus']),
        weight: find(weight, ['weight']),
        rounds: find(rounds, ['rounds']),
        sizes: spec.countBy === 'members' ? find(spec.sizes, ['sizes']) : -1,
      };
      problems.throwIfAny();
      // an XLSX row: a value right of the header refused; merged cells filled under the groups, refused under indicators, weights and sizes
      const used = [...at.by.map((i) => [i, 'text'] as const), [at.strata, 'text'] as const, [at.psus, 'text'] as const, [at.rounds, 'text'] as const, ...at.ind.map((i) => [i, 'count'] as const), [at.weight, 'rate'] as const, [at.sizes, 'count'] as const].filter(([i]) => i >= 0);
      settle = xlsxRowSettler({ header: row.cells, headerRow: row.row, specs: used.map(([i, hint]) => ({ key: String(i), hint })), indexes: used.map(([i]) => i), headers: used.map(([i]) => header![i]!) }, label, options.onNote);
      continue;
    }
    const row = sheetRow.sheet !== undefined ? settle!(sheetRow) : sheetRow;
    const cols = at as NonNullable<typeof at>;
    if (row.cells.every((c) => text(c) === '') && (row.problems ?? []).every((p) => p === undefined)) continue;
    if (csv && row.cells.length !== header!.length) assertRowWidth(row.row, row.cells, header!, label);
    rows++;
    // an XLSX cell that cannot be read is never a missing entry
    for (const i of [...cols.ind, ...cols.by, cols.strata, cols.psus, cols.weight, cols.rounds, cols.sizes]) {
      const problem = i >= 0 ? row.problems?.[i] : undefined;
      if (problem !== undefined) problems.add(issue({ code: 'unreadable-cell', path: [row.row, header![i]!], value: null, expected: 'a value', rule: RULE, message: `${label}, row ${row.row}, column ${header![i]}: ${problem}` }));
    }
    const bytes: number[] = [];
    let missing = false;
    for (let j = 0; j < J; j++) {
      const raw = text(row.cells[cols.ind[j] as number]);
      const ind = spec.indicators[j] as MeasuresSpec['indicators'][number];
      if (raw === '') {
        missing = true;
        if (spec.missing === null && row.problems?.[cols.ind[j] as number] === undefined) bad(row.row, ind.column, '', 'a value, or "missing": "drop-unit" or "not-deprived" in the specification', 'missing-value');
        bytes.push(0);
        continue;
      }
      if (ind.deprivedBelow === null) {
        if (raw !== '0' && raw !== '1') bad(row.row, ind.column, raw, '0 (not deprived) or 1 (deprived), or give deprivedBelow for an achievement column', 'invalid-deprivation');
        bytes.push(raw === '1' ? 1 : 0);
      } else {
        try {
          bytes.push(compareFractions(toFraction(raw, [row.row, ind.column]), ind.deprivedBelow) < 0 ? 1 : 0);
        } catch {
          bad(row.row, ind.column, raw, 'a plain number such as 1250000 or 0.5', 'invalid-number');
          bytes.push(0);
        }
      }
    }
    if (missing && spec.missing === 'drop-unit') {
      dropped++;
      continue;
    }
    bytes.forEach((b, j) => (deps[j] as number[]).push(b));
    cols.by.forEach((i, k) => (groupValues[k] as string[]).push(text(row.cells[i])));
    if (cols.strata >= 0) strataValues.push(text(row.cells[cols.strata]));
    if (cols.psus >= 0) psuValues.push(text(row.cells[cols.psus]));
    if (cols.weight >= 0) weightCells.push({ row: row.row, raw: text(row.cells[cols.weight]) });
    if (cols.rounds >= 0) roundValues.push(text(row.cells[cols.rounds]));
    if (cols.sizes >= 0) sizes.push(Number(text(row.cells[cols.sizes])));
  }
  const weightValues = weight !== undefined && at !== null && at.weight >= 0 ? weightTexts(weightCells, header![at.weight]!, bad) : [];
  problems.throwIfAny();
  if (header === null) fail({ code: 'empty-file', path: [label], value: '', expected: 'a header row and data rows', message: `${label}: the file is empty: nothing to measure` });
  if (rows === 0) fail({ code: 'no-data', path: [label], value: '', expected: 'data rows under the header', message: `${label} has a header but no rows: nothing to measure` });
  let roundsOut: AfRounds | null = null;
  if (rounds !== undefined) {
    const labels = sortLabels([...new Set(roundValues)]);
    if (labels.length !== 2) problems.add(issue({ code: 'invalid-round', path: ['rounds'], value: labels.slice(0, 5), expected: `exactly two values in column ${JSON.stringify(rounds)}`, rule: RULE }));
    problems.throwIfAny();
    roundsOut = { codes: Uint8Array.from(roundValues, (v) => (v === labels[0] ? 0 : 1)), labels: [labels[0] as string, labels[1] as string] };
  }
  const data: AfColumnarData = {
    kind: 'columns',
    deprivations: deps.map((d) => Uint8Array.from(d)),
    ...(by.length > 0 ? { by: by.map((b, k) => codesOf(b, groupValues[k] as string[])) } : {}),
    ...(spec.countBy === 'members' ? { sizes: Float64Array.from(sizes) } : {}),
  };
  const units = (deps[0] ?? []).length;
  const design: SurveyDesignInput = {
    units,
    ...(strata !== undefined ? { strata: strataValues } : {}),
    ...(psus !== undefined ? { psus: psuValues } : {}),
    ...(weight !== undefined ? { weights: weightValues } : {}),
  };
  return { data, design, rounds: roundsOut, rows, dropped };
}
