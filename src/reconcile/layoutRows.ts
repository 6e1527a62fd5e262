import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import type { RowTotalRelation } from './printedTable.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One data row of a layout CSV, by column name, with its line number in the file (header = line 1). */
export interface LayoutRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** Options of {@link readLayoutRows}. */
export interface ReadLayoutRowsOptions {
  /** Layout name, for messages. */
  readonly layout: string;
  /** File name, for messages. */
  readonly source?: string | undefined;
}

/**
 * Checks the header row of a layout CSV (every expected column present, none unknown, none
 * twice; any order) and returns the data rows keyed by column name. Blank lines are skipped.
 *
 * @param rows - parsed CSV rows, header first (see `parseCsv` in `vn-poverty/io`).
 * @param columns - the layout's column names.
 * @throws VnPovertyError `empty-file`, `wrong-columns` (naming the missing, unknown or repeated
 *   columns), `wrong-field-count` (naming the line).
 * @example
 * readLayoutRows([['unit', 'poor'], ['Nhà Bàng', '18']], ['unit', 'poor'], { layout: 'x' })
 * //=> [{ line: 2, cells: { unit: 'Nhà Bàng', poor: '18' } }]
 */
export function readLayoutRows(
  rows: ReadonlyArray<ReadonlyArray<string>>,
  columns: readonly string[],
  options: ReadLayoutRowsOptions,
): readonly LayoutRow[] {
  assertOptions(options, 'readLayoutRows', true);
  const where = options.source === undefined ? '' : `${options.source}: `;
  const header = rows[0];
  if (header === undefined || (header.length === 1 && header[0]!.trim() === '')) {
    return fail({ code: 'empty-file', path: [], value: '', expected: `a header row with the ${options.layout} columns: ${columns.join(',')}`, message: `${where}the file is empty; expected a header row: ${columns.join(',')}` });
  }
  const names = header.map((h) => h.trim());
  const missing = columns.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !columns.includes(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    const parts = [
      missing.length > 0 ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')}` : '',
      repeated.length > 0 ? `repeated column${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    return fail({
      code: 'wrong-columns',
      path: ['line 1'],
      value: names.join(','),
      expected: `the ${options.layout} columns: ${columns.join(',')}`,
      message: `${where}line 1: wrong columns for layout ${options.layout}: ${parts.join('; ')} (expected ${columns.join(',')})`,
    });
  }
  const out: LayoutRow[] = [];
  rows.slice(1).forEach((fields, i) => {
    const line = i + 2;
    if (fields.every((f) => f.trim() === '')) return;
    if (fields.length !== names.length) {
      fail({
        code: 'wrong-field-count',
        path: [`line ${line}`],
        value: fields.length,
        expected: `${names.length} fields`,
        message: `${where}line ${line}: ${fields.length} fields, expected ${names.length} (${names.join(',')})`,
      });
    }
    out.push({ line, cells: Object.fromEntries(names.map((n, j) => [n, fields[j] ?? ''])) });
  });
  return deepFreeze(out);
}

/** The roles a row of a layout with totals may have. */
export type RowRole = 'unit' | 'subtotal' | 'total';

/** Options of {@link roleTotals}. */
export interface RoleTotalsOptions {
  /** Column holding the role. */
  readonly roleColumn: string;
  /** Columns the totals add up. */
  readonly columns: readonly string[];
  /** Row key of a {@link LayoutRow} (the line number unless told). */
  readonly keyOf?: (row: LayoutRow) => string;
  readonly source?: string | undefined;
  /** True when the parts were rounded for print (money in millions). */
  readonly partsRounded?: boolean;
}

/**
 * The row-total relations the `role` column declares: a `subtotal` covers the `unit` rows
 * after it up to the next subtotal or total; a `total` covers every `unit` row, whether it is
 * printed first or last.
 *
 * @throws VnPovertyError `invalid-role` naming the line and the value.
 * @example
 * roleTotals([{ line: 2, cells: { role: 'total' } }, { line: 3, cells: { role: 'unit' } }], { roleColumn: 'role', columns: ['poor'] })
 * //=> [{ type: 'row-total', row: '2', parts: ['3'], columns: ['poor'] }]
 */
export function roleTotals(rows: readonly LayoutRow[], options: RoleTotalsOptions): readonly RowTotalRelation[] {
  assertOptions(options, 'roleTotals', true);
  const keyOf = options.keyOf ?? ((r: LayoutRow) => String(r.line));
  const where = options.source === undefined ? '' : `${options.source}: `;
  const roles = rows.map((r) => {
    const role = (r.cells[options.roleColumn] ?? '').trim();
    if (role !== 'unit' && role !== 'subtotal' && role !== 'total') {
      return fail({
        code: 'invalid-role',
        path: [`line ${r.line}`, options.roleColumn],
        value: role,
        expected: 'unit, subtotal or total',
        message: `${where}line ${r.line}, column ${options.roleColumn}: ${JSON.stringify(role)} is not a role; expected unit, subtotal or total`,
      });
    }
    return role as RowRole;
  });
  const units = rows.filter((_, i) => roles[i] === 'unit').map(keyOf);
  const relations: RowTotalRelation[] = [];
  const extra = options.partsRounded === true ? { partsRounded: true } : {};
  rows.forEach((row, i) => {
    if (roles[i] === 'total') relations.push({ type: 'row-total', row: keyOf(row), parts: units, columns: options.columns, ...extra });
    if (roles[i] === 'subtotal') {
      const parts: string[] = [];
      for (let j = i + 1; j < rows.length && roles[j] === 'unit'; j++) parts.push(keyOf(rows[j]!));
      relations.push({ type: 'row-total', row: keyOf(row), parts, columns: options.columns, ...extra });
    }
  });
  return deepFreeze(relations);
}
