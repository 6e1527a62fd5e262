import { deepFreeze } from '../_internal/_freeze.js';
import { fail, issue, parseInput, VnPovertyError, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import type { MoneyUnit } from '../numbers/money.js';
import type { NumberFormat } from '../numbers/printedInterval.js';
import type { RoundingMode } from '../numbers/rounding.js';
import { assignRoles, type RoleInput } from './_rowRoles.js';
import { findShiftedRows } from './_shiftedRows.js';
import { unitOfWord } from './_unitWords.js';
import type { PrintedCell, PrintedTable, TableColumn, TableRelation, TableRow, TableRowRole } from './printedTable.js';
import type { ReconcileIssue } from './reconcileIssue.js';
import { ROLE_WORDS, tableSpecSchema, type SpecColumn, type SpecHeader, type SpecRelation, type SpecRowRef, type SpecRows, type TableSpec } from './tableSpec.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * A printed table as a grid of cells, header rows included, top to bottom and left to right:
 * each cell its text as printed, or null when empty. A merged cell's value is copied into every
 * cell it covers (that is how a two-row header names each column; see `readSheetGrid` in
 * `vn-poverty/io`). Rows may have different lengths (a CSV line with a missing field).
 */
export type PrintedGrid = ReadonlyArray<ReadonlyArray<string | null>>;

/** Options of {@link tableFromSpec}. */
export interface TableFromSpecOptions {
  /** File or table name, for messages. */
  readonly source?: string;
  /** Unit of the amount columns whose header, caption and spec state none (the CLI's `--unit`); must agree with them. */
  readonly unit?: MoneyUnit;
  /** Rounding of the rate relations that name none (overrides the spec's). */
  readonly rounding?: RoundingMode;
  /** How figures are written (overrides the spec's). */
  readonly numberFormat?: NumberFormat;
  /** Text printed above or around the table (“ĐVT: triệu đồng”), searched for a unit like the caption rows. */
  readonly caption?: readonly string[];
}

/** Where a column of the spec was found. */
export interface LayoutColumn {
  readonly key: string;
  /** 0-based grid column. */
  readonly gridColumn: number;
  /** The header texts above it, top to bottom (repeats of a merged cell once). */
  readonly header: readonly string[];
  /** For an amount column: its unit and where it was stated. */
  readonly unit?: MoneyUnit;
  readonly unitFrom?: 'header' | 'caption' | 'spec' | 'option';
}

/** A data row and the role it was given. */
export interface LayoutRowInfo {
  /** The row's key in the table (its 1-based grid row, the line number of a CSV). */
  readonly key: string;
  readonly gridRow: number;
  readonly label: string;
  /** The row number as printed (*STT*), or `''`. */
  readonly number: string;
  readonly role: TableRowRole;
  /** Keys of the rows a group or total adds up (a *trong đó* row: the row it breaks down). */
  readonly covers: readonly string[];
  /** How the role was found: the role column, a spec rule, or inferred from label and number. */
  readonly roleFrom: 'column' | 'rule' | 'inferred';
}

/** How a grid was read: header rows, columns found, data rows with their roles. */
export interface TableLayout {
  /** 0-based grid rows of the header: `[first, last]`. */
  readonly header: readonly [number, number];
  /** 0-based grid row of a row of column numbers (`A B 1 2 3…`) under the header, skipped; or null. */
  readonly columnNumbersRow: number | null;
  readonly columns: readonly LayoutColumn[];
  readonly rows: readonly LayoutRowInfo[];
}

/** Result of {@link tableFromSpec}: the table to reconcile, what is wrong with its structure, and how it was read. */
export interface GridTable {
  readonly table: PrintedTable;
  /**
   * Structural findings for the whole table (severity `error`, `relation` null): rows with too
   * many or too few cells (`wrong-field-count`: a shifted column), role words that are not
   * roles (`invalid-role`). The relations skip such rows.
   */
  readonly findings: readonly ReconcileIssue[];
  readonly layout: TableLayout;
}

const norm = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/gu, ' ');
const UNIT_NOTE = /^\s*(.*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/u;
const CAPTION_UNIT = /(?:đvt|đơn vị tính|đơn vị)\s*[:：]\s*([^;,)\n]+)/iu;
const COLUMN_NUMBER = /^\(?([A-Z]|[IVX]+|\d{1,2}|\d{1,2}\s*[=+\-x×*/].*)\)?$/u;

const GLOBS = new Map<string, (text: string) => boolean>();
/** A matcher of normalised header text for a pattern (`*` = any text); memoised, as patterns come from a few specs. */
function glob(pattern: string): (text: string) => boolean {
  let m = GLOBS.get(pattern);
  if (m === undefined) {
    const p = norm(pattern);
    if (p.includes('*')) {
      const re = new RegExp(`^${p.split('*').map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'u');
      m = (t) => re.test(t);
    } else m = (t) => t === p;
    if (GLOBS.size > 10_000) GLOBS.clear();
    GLOBS.set(pattern, m);
  }
  return m;
}

/** The header path (normalised texts) matches a spec header: its texts in order, the last at the bottom. */
function headerMatches(spec: SpecHeader, path: readonly string[]): boolean {
  const want = typeof spec === 'string' ? [spec] : spec;
  if (want.length === 0 || path.length === 0) return false;
  if (!glob(want[want.length - 1]!)(path[path.length - 1]!)) return false;
  let at = path.length - 2;
  for (let k = want.length - 2; k >= 0; k--) {
    const match = glob(want[k]!);
    while (at >= 0 && !match(path[at]!)) at--;
    if (at < 0) return false;
    at--;
  }
  return true;
}

/** A header cell with its money unit note taken off: `central (triệu đồng)` → `central`, `trieu`. */
function splitUnit(text: string): { readonly name: string; readonly note: string | null } {
  const m = UNIT_NOTE.exec(text);
  if (m === null || !/\p{L}/u.test(m[2]!) || m[1]!.trim() === '') return { name: text.trim(), note: null };
  return { name: m[1]!.trim(), note: m[2]! };
}

function columnPaths(grid: PrintedGrid, start: number, rows: number, width: number): string[][] {
  const cell = (r: number, c: number): string => (grid[r]?.[c] ?? '').toString().trim();
  const under = (r: number, c: number): boolean => {
    for (let k = r + 1; k < start + rows; k++) if (cell(k, c) !== '') return true;
    return false;
  };
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (let r = start; r < start + rows; r++) {
      let t = cell(r, c);
      // a group printed once over the columns under it, its merge lost (a CSV): “Hộ nghèo đầu năm,,” over “Hộ | Tỷ lệ (%)”
      if (t === '' && under(r, c)) {
        let k = c - 1;
        while (k >= 0 && cell(r, k) === '' && under(r, k)) k--;
        if (k >= 0 && under(r, k)) t = cell(r, k);
      }
      if (t !== '' && path[path.length - 1] !== t) path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

type Match = { readonly ok: true; readonly at: ReadonlyMap<string, number> } | { readonly ok: false; readonly missing: string[]; readonly repeated: string[] };

/** Matches the spec's columns to the grid's header paths; `full: false` stops at the first required column missing (a header search). */
function matchColumns(spec: TableSpec, paths: readonly string[][], full = true): Match {
  const at = new Map<string, number>();
  const missing: string[] = [];
  const repeated: string[] = [];
  const taken = new Set<number>();
  // the grid columns each spec column's headers match (paths normalised once, with and without a money unit note)
  const plain = paths.map((p) => p.map(norm));
  let unitless: string[][] | undefined;
  const candidates: number[][] = [];
  for (const col of spec.columns) {
    if (col.index !== undefined) {
      candidates.push([]);
      continue;
    }
    const headers = [col.header ?? col.key, ...(col.aliases ?? [])];
    const normed = col.kind === 'amount' ? (unitless ??= paths.map((p) => p.map((t) => norm(splitUnit(t).name)))) : plain;
    const found: number[] = [];
    normed.forEach((p, i) => {
      if (headers.some((h) => headerMatches(h, p))) found.push(i);
    });
    if (!full && found.length === 0 && (col.required ?? col.kind !== 'role')) return { ok: false, missing: [col.key], repeated: [] };
    candidates.push(found);
  }
  spec.columns.forEach((col, k) => {
    if (col.index !== undefined) {
      at.set(col.key, col.index);
      taken.add(col.index);
      return;
    }
    const found = candidates[k]!.filter((i) => !taken.has(i));
    const required = col.required ?? col.kind !== 'role';
    // a header printed over several columns (two “Tỷ lệ %” under one group) goes to the spec's
    // columns that match it left to right, when the later ones take the rest
    const later = candidates.slice(k + 1);
    const inOrder = found.length > 1 && found.slice(1).every((i) => later.some((c) => c.includes(i)));
    if (found.length === 0) {
      if (required) missing.push(col.key);
    } else if (found.length > 1 && !inOrder) repeated.push(col.key);
    else {
      at.set(col.key, found[0]!);
      taken.add(found[0]!);
    }
  });
  return missing.length === 0 && repeated.length === 0 ? { ok: true, at } : { ok: false, missing, repeated };
}

/** A column as a message names it: its key and, when its header is the key, the headers it is printed as (“poor_start (“HN đầu năm*” › “Hộ” or …)”). */
function printedHeaders(c: SpecColumn): string {
  const own = headerText(c);
  const printed = (c.aliases ?? []).slice(0, 2).map((a) => (typeof a === 'string' ? [a] : a).map((t) => `“${t}”`).join(' › '));
  if (printed.length === 0 || own !== c.key) return own;
  return `${own} (printed ${printed.join(' or ')}${(c.aliases ?? []).length > 2 ? ' or …' : ''})`;
}

function headerText(c: SpecColumn): string {
  const h = c.header ?? c.key;
  return typeof h === 'string' ? h : h.join(' / ');
}

/**
 * Reads a printed grid with a declared layout into a `PrintedTable` that `reconcileTable`
 * checks, and reports what is wrong with the table's structure as findings for the whole table
 * (never a stop at the first bad line).
 *
 * - **Header**: found by matching every required column's header (as printed, aliases, `*`
 *   wildcards) against one to six header rows, whose merged cells name every column they span;
 *   caption rows above are skipped, and a row of column numbers under the header (`A B 1 2 3`).
 *   A header printed over several columns goes to the spec's columns that match it, left to right.
 * - **Units**: every amount column gets its money unit from its header (`(triệu đồng)`), a caption
 *   (`ĐVT: triệu đồng`), the spec, or `options.unit`, or is refused naming the column.
 * - **Rows**: labelled by the label column as printed, the row number in its own field; roles
 *   from a role column, the spec's rules, or inferred (see `SpecRoles`); each row's key is its
 *   1-based grid row, and every row and column keeps its grid position, so findings point back
 *   at the grid.
 * - **Relations**: the spec's, on the rows they select; `role-totals` becomes the row totals the
 *   roles imply. A relation on an optional column the table does not print is left out; a term of
 *   a sum on one counts nothing.
 *
 * @param grid - the cells as printed, header included.
 * @param spec - the declared layout (checked with `tableSpecSchema`).
 * @returns the table, the structural findings and the layout, deep-frozen.
 * @throws VnPovertyError `invalid-input` (a malformed spec), `empty-file`, `wrong-columns` (the
 *   columns missing or repeated), `unknown-unit`, `unit-conflict`, `missing-unit` (naming the
 *   column), `missing-rounding`.
 * @example
 * const grid = [['STT', 'Xã', 'Hộ', 'Hộ nghèo'], ['1', 'An Phú', '2.348', '38'], ['2', 'Tân Lợi', '2.154', '44'], ['', 'Tổng', '4.502', '82']];
 * const spec = { columns: [{ key: 'stt', kind: 'row-number', header: 'STT' }, { key: 'unit', kind: 'text', header: 'Xã' }, { key: 'households', kind: 'count', header: 'Hộ' }, { key: 'poor', kind: 'count', header: 'Hộ nghèo' }], relations: [{ type: 'role-totals', columns: ['households', 'poor'] }] };
 * tableFromSpec(grid, spec).layout.rows.map((r) => r.role) //=> ['unit', 'unit', 'total']
 */
export function tableFromSpec(grid: PrintedGrid, spec: TableSpec, options: TableFromSpecOptions = {}): GridTable {
  assertOptions(options, 'tableFromSpec');
  const s = parseInput(tableSpecSchema, spec, { description: 'a table layout (spec)', term: 'mẫu biểu' }) as TableSpec;
  const where = options.source === undefined ? '' : `${options.source}: `;
  const name = s.name ?? 'spec';
  if (grid.length === 0 || grid.every((r) => r.every((c) => c === null || c.trim() === ''))) {
    return fail({ code: 'empty-file', path: [], value: '', expected: `a header row with the ${name} columns`, message: `${where}the table is empty; expected a header row: ${s.columns.map(headerText).join(',')}` });
  }
  const width = grid.reduce((n, r) => Math.max(n, r.length), 0); // a loop: a list of a million rows is too many arguments
  // 1. the header
  let found: { start: number; rows: number; at: ReadonlyMap<string, number> } | null = null;
  const starts = s.header?.start !== undefined ? [s.header.start] : [...Array(Math.min(grid.length, 12)).keys()];
  const depths = s.header?.rows !== undefined ? [s.header.rows] : [1, 2, 3, 4, 5, 6];
  search: for (const start of starts) {
    for (const rows of depths) {
      if (start + rows > grid.length) break;
      const m = matchColumns(s, columnPaths(grid, start, rows, width), false);
      if (m.ok) {
        // leading caption rows (one text, or a title merged across) are not header rows
        let top = start;
        while (s.header?.start === undefined && top < start + rows - 1 && new Set((grid[top] ?? []).filter((c) => c !== null && c.trim() !== '')).size <= 1) {
          const next = matchColumns(s, columnPaths(grid, top + 1, start + rows - top - 1, width));
          if (!next.ok) break;
          top += 1;
        }
        found = top === start ? { start, rows, at: m.at } : { start: top, rows: start + rows - top, at: (matchColumns(s, columnPaths(grid, top, start + rows - top, width)) as Extract<Match, { ok: true }>).at };
        break search;
      }
    }
  }
  if (found === null) {
    // the header read the closest: the rows that leave the fewest columns missing or repeated (the first row when none is closer)
    let first = starts[0]!;
    let depth = s.header?.rows ?? 1;
    let m = matchColumns(s, columnPaths(grid, first, depth, width)) as Extract<Match, { ok: false }>;
    for (const start of starts) {
      for (const rows of depths) {
        if (start + rows > grid.length) break;
        const t = matchColumns(s, columnPaths(grid, start, rows, width)) as Extract<Match, { ok: false }>;
        if (t.missing.length + t.repeated.length < m.missing.length + m.repeated.length) [first, depth, m] = [start, rows, t];
      }
    }
    const paths = columnPaths(grid, first, depth, width);
    const names = paths.map((p) => p.join(' › '));
    const unknown = names.filter((n, i) => n !== '' && !s.columns.some((c) => [c.header ?? c.key, ...(c.aliases ?? [])].some((h) => headerMatches(h, paths[i]!.map(norm)) || headerMatches(h, paths[i]!.map((t) => norm(splitUnit(t).name))))));
    const parts = [
      m.missing.length > 0 ? `missing column${m.missing.length > 1 ? 's' : ''} ${m.missing.map((k) => printedHeaders(s.columns.find((c) => c.key === k)!)).join(', ')}` : '',
      unknown.length > 0 ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')}` : '',
      m.repeated.length > 0 ? `repeated column${m.repeated.length > 1 ? 's' : ''} ${m.repeated.join(', ')}` : '',
    ].filter(Boolean);
    const lines = depth > 1 ? `lines ${first + 1}–${first + depth}` : `line ${first + 1}`;
    return fail({
      code: 'wrong-columns',
      path: [lines],
      value: names.join(','),
      expected: `the ${name} columns: ${s.columns.map(headerText).join(',')}`,
      message: `${where}${lines}: wrong columns for layout ${name}: ${parts.join('; ')} (expected ${s.columns.map(headerText).join(',')})`,
    });
  }
  const { start, rows: depth, at } = found;
  const paths = columnPaths(grid, start, depth, width);
  let dataStart = start + depth;
  const numberRow = grid[dataStart];
  const labelKey = (s.columns.find((c) => c.label === true) ?? s.columns.find((c) => c.kind === 'text'))?.key;
  let columnNumbersRow: number | null = null;
  if (numberRow !== undefined) {
    const cells = numberRow.map((c) => (c ?? '').trim()).filter((c) => c !== '');
    const labelCell = labelKey === undefined ? '' : (numberRow[at.get(labelKey) ?? -1] ?? '').trim();
    if (cells.length >= Math.max(3, Math.ceil(at.size * 0.6)) && cells.every((c) => COLUMN_NUMBER.test(c)) && (labelCell === '' || COLUMN_NUMBER.test(labelCell)) && (cells.some((c) => !/^\d+$/u.test(c)) || cells.every((c, i) => i === 0 || Number(c) === Number(cells[i - 1]) + 1))) {
      columnNumbersRow = dataStart;
      dataStart += 1;
    }
  }
  // 2. units of the amount columns
  const captionText = [...grid.slice(0, start).flat(), ...(options.caption ?? [])].filter((c): c is string => typeof c === 'string');
  let captionUnit: MoneyUnit | undefined;
  for (const t of captionText) {
    const m = CAPTION_UNIT.exec(t.normalize('NFC'));
    const u = m === null ? undefined : unitOfWord(m[1]!);
    if (u !== undefined) captionUnit = u;
  }
  const tableUnit = captionUnit ?? s.unit;
  const layoutColumns: LayoutColumn[] = [];
  const columns: TableColumn[] = [];
  for (const col of s.columns) {
    const gridColumn = at.get(col.key);
    if (gridColumn === undefined) continue;
    const header = paths[gridColumn] ?? [];
    let unit: MoneyUnit | undefined;
    let unitFrom: LayoutColumn['unitFrom'];
    if (col.kind === 'amount') {
      for (const h of header) {
        const { note } = splitUnit(h);
        if (note === null) continue;
        const u = unitOfWord(note);
        if (u === undefined) {
          if (/\d/u.test(note) && !/[a-zđ]{2,}/iu.test(note.replace(/\d/gu, ''))) continue;
          return fail({
            code: 'unknown-unit',
            path: [`line ${start + 1}`, col.key],
            value: note,
            expected: 'a money unit: đồng, nghìn đồng, triệu đồng or tỷ đồng',
            message: `${where}line ${start + 1}, column ${col.key}: ${JSON.stringify(note)} is not a money unit; expected đồng, nghìn đồng, triệu đồng or tỷ đồng`,
          });
        }
        unit = u;
        unitFrom = 'header';
      }
      if (unit === undefined && col.unit !== undefined) [unit, unitFrom] = [col.unit, 'spec'];
      if (options.unit !== undefined) {
        if (unit !== undefined && unit !== options.unit) {
          fail({ code: 'unit-conflict', path: ['options', 'unit'], value: options.unit, expected: `the ${unitFrom}'s unit ${unit} for column ${col.key}`, message: `${where}--unit ${options.unit} contradicts the ${unitFrom}, which gives ${unit} for column ${col.key}` });
        }
        if (unit === undefined && captionUnit !== undefined && captionUnit !== options.unit) {
          fail({ code: 'unit-conflict', path: ['options', 'unit'], value: options.unit, expected: `the caption's unit ${captionUnit}`, message: `${where}--unit ${options.unit} contradicts the caption, which gives ${captionUnit}` });
        }
        if (unit === undefined) [unit, unitFrom] = [options.unit, 'option'];
      }
      if (unit === undefined && tableUnit !== undefined) [unit, unitFrom] = [tableUnit, captionUnit !== undefined ? 'caption' : 'spec'];
      if (unit === undefined) {
        return fail({
          code: 'missing-unit',
          path: ['columns', col.key, 'unit'],
          value: header.join(' / '),
          expected: '--unit dong|nghin|trieu|ty, a unit in the header such as "central (triệu đồng)", or a caption "ĐVT: triệu đồng"',
          message: `${where}layout ${name}, column ${col.key} (${JSON.stringify(header.join(' / ') || col.key)}): the unit of the amounts is unknown; give --unit dong|nghin|trieu|ty or write it in the header, e.g. "central (triệu đồng)", or in a caption "ĐVT: triệu đồng"`,
        });
      }
    }
    layoutColumns.push({ key: col.key, gridColumn, header, ...(unit !== undefined ? { unit, unitFrom: unitFrom! } : {}) });
    const kind = col.kind === 'count' || col.kind === 'rate' || col.kind === 'amount' ? col.kind : 'text';
    const label = header.length > 0 ? header.join(' / ') : undefined;
    columns.push({ key: col.key, kind, gridColumn, ...(label !== undefined ? { label } : {}), ...(unit !== undefined ? { unit, label: `${col.key} (${unit})` } : {}) });
  }
  // 3. data rows; rows of the wrong width are structural findings and are left out of every relation
  const findings: ReconcileIssue[] = [];
  const numeric = s.columns.filter((c) => (c.kind === 'count' || c.kind === 'rate' || c.kind === 'amount') && at.has(c.key));
  const numberKey = s.columns.find((c) => c.kind === 'row-number' && at.has(c.key))?.key;
  const roleKey = s.columns.find((c) => c.kind === 'role' && at.has(c.key))?.key;
  const headerWidth = Math.max(...[...at.values()].map((i) => i + 1), (grid[start + depth - 1] ?? []).length);
  const csvLike = grid.some((r) => r.length !== grid[start]!.length);
  const data: { gridRow: number; cells: Record<string, PrintedCell>; trusted: boolean }[] = [];
  const structural = (gridRow: number, code: string, printed: string, expected: string, message: string, column = ''): void => {
    findings.push({
      code, severity: 'error', row: `line ${gridRow + 1}`, rowKey: String(gridRow + 1), column, relation: null, relationText: 'structure of the table',
      printed, expected, expectedExact: null, difference: null, shortcut: null, cells: [], grid: { row: gridRow, column: at.get(column) ?? 0 }, message: `${where}${message}`,
    });
  };
  // the signature block and notes under the table: trailing rows whose figure columns hold only words
  const numericAt = numeric.map((c) => at.get(c.key)!);
  const wordsOnly = (fields: readonly (string | null)[]): boolean => {
    const held = numericAt.map((i) => (fields[i] ?? '').trim()).filter((t) => t !== '');
    return held.length > 0 && held.every((t) => /\p{L}{2,}/u.test(t) && !/^[\d.,\s]+\s*\p{L}{1,5}$/u.test(t));
  };
  // (with the notes between: once words stand in the figure columns below the last figures, the table ends there)
  let tableEnd = grid.length;
  let signed = false;
  for (let r = grid.length - 1; r >= dataStart; r--) {
    if (wordsOnly(grid[r]!)) signed = true;
    else if (numericAt.some((i) => (grid[r]![i] ?? '').trim() !== '')) {
      if (signed) tableEnd = r + 1;
      break;
    }
  }
  for (let r = dataStart; r < tableEnd; r++) {
    const fields = grid[r]!;
    if (fields.every((f) => f === null || f.trim() === '')) continue;
    const cells: Record<string, PrintedCell> = {};
    for (const col of s.columns) {
      const i = at.get(col.key);
      if (i !== undefined) cells[col.key] = fields[i] ?? null;
    }
    let trusted = true;
    const filled = fields.reduce((n, f, i) => (f !== null && f.trim() !== '' ? i + 1 : n), 0);
    if ((csvLike && fields.length !== headerWidth) || filled > headerWidth) {
      trusted = false;
      const count = csvLike ? fields.length : filled;
      structural(r, 'wrong-field-count', fields.map((f) => f ?? '').join(','), `${headerWidth} fields`, `line ${r + 1}: ${count} fields, expected ${headerWidth} (${paths.slice(0, headerWidth).map((p) => p[p.length - 1] ?? '').join(',')}): a shifted column or a missing cell? The row is left out of the checks`);
    }
    data.push({ gridRow: r, cells, trusted });
  }
  // 4. labels, numbers and roles
  const text = (cells: Record<string, PrintedCell>, k: string | undefined): string => (k === undefined ? '' : String(cells[k] ?? '').trim());
  const inputs: RoleInput[] = data.map((d) => ({
    label: text(d.cells, labelKey),
    number: text(d.cells, numberKey),
    word: roleKey === undefined ? undefined : text(d.cells, roleKey),
    gridRow: d.gridRow,
    blank: numeric.every((c) => d.cells[c.key] === null || d.cells[c.key] === undefined || String(d.cells[c.key]).trim() === ''),
    cell: (k: string) => text(d.cells, k),
  }));
  const values = s.roles?.values ?? ROLE_WORDS;
  const { roles, problems } = assignRoles(inputs, { values, rules: s.roles?.rules ?? [], infer: s.roles?.infer ?? true, hasRoleColumn: roleKey !== undefined });
  const keyOf = (i: number): string => String(data[i]!.gridRow + 1);
  const list = (words: readonly string[]): string => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`);
  for (const p of problems) {
    const line = data[p.index]!.gridRow + 1;
    data[p.index]!.trusted = p.kind === 'second-total' ? data[p.index]!.trusted : false;
    if (p.kind === 'unknown-word') {
      structural(data[p.index]!.gridRow, 'invalid-role', p.word, list(values), `line ${line}, column ${roleKey}: ${JSON.stringify(p.word)} is not a role; expected ${list(values)}`, roleKey);
    } else if (p.kind === 'orphan') {
      structural(data[p.index]!.gridRow, 'invalid-role', p.word, `a ${p.word} after the row of its ${p.parent}`, `line ${line}: a ${p.word} row must follow the row of its ${p.parent}`, roleKey);
    } else {
      structural(data[p.index]!.gridRow, 'invalid-role', p.word, 'one total row', `line ${line}: a second total row (${JSON.stringify(p.word)}); the layout ${name} allows one`, labelKey);
    }
  }
  const rowsOut: TableRow[] = data.map((d, i) => {
    const label = inputs[i]!.label || inputs[i]!.number || `line ${d.gridRow + 1}`;
    const number = inputs[i]!.number;
    return { key: keyOf(i), label, cells: d.cells, ...(number !== '' ? { number } : {}), role: roles[i]!.role, gridRow: d.gridRow };
  });
  const layoutRows: LayoutRowInfo[] = data.map((d, i) => ({
    key: keyOf(i),
    gridRow: d.gridRow,
    label: rowsOut[i]!.label,
    number: inputs[i]!.number,
    role: roles[i]!.role,
    covers: roles[i]!.covers.map(keyOf),
    roleFrom: roles[i]!.source,
  }));
  // 5. relations
  const trusted = (i: number): boolean => data[i]!.trusted;
  const select = (which: SpecRows | undefined): string[] =>
    data
      .map((_, i) => i)
      .filter((i) => trusted(i))
      .filter((i) => {
        const role = roles[i]!.role;
        if (role === 'heading' || role === 'ignore') return false;
        switch (which ?? 'all') {
          case 'all':
            return true;
          case 'units':
            return role === 'unit';
          case 'groups':
            return role === 'group';
          case 'totals':
            return role === 'total';
        }
      })
      .map(keyOf);
  const rounding = (r: RoundingMode | undefined): RoundingMode =>
    options.rounding ?? r ?? s.rounding ?? fail({ code: 'missing-rounding', path: ['relations'], value: undefined, expected: 'a rounding for the rate relations (the spec\'s "rounding", or on each relation)' });
  const findRow = (ref: SpecRowRef): string => {
    const i = 'gridRow' in ref ? data.findIndex((d) => d.gridRow === ref.gridRow) : data.findIndex((_, j) => new RegExp(ref.label, 'iu').test(rowsOut[j]!.label));
    return i < 0 ? fail({ code: 'unknown-row', path: ['relations'], value: ref, expected: 'a row of the table' }) : keyOf(i);
  };
  const coarse = layoutColumns.some((c) => c.unit !== undefined && c.unit !== 'dong');
  const roundedParts = (p: boolean | 'auto' | undefined): { partsRounded?: true } => (p === true || (p === 'auto' && coarse) ? { partsRounded: true } : {});
  // an optional column the table does not print: a relation on it is not checked, a term of a sum on it counts nothing
  const declared = new Set(s.columns.map((c) => c.key));
  const absent = (k: string): boolean => declared.has(k) && !at.has(k);
  const printed = (ks: string | readonly string[]): string[] => (typeof ks === 'string' ? [ks] : [...ks]).filter((k) => !absent(k));
  const one = (ks: string | readonly string[], printedKs: readonly string[]): string | readonly string[] => (typeof ks === 'string' ? ks : printedKs);
  const relationsOf = (): TableRelation[] => s.relations.flatMap((rel: SpecRelation): TableRelation[] => {
    switch (rel.type) {
      case 'role-totals': {
        const extra = roundedParts(rel.partsRounded);
        const cols = rel.columns.filter((c) => at.has(c));
        return roles.flatMap((role, i): TableRelation[] => {
          if (!trusted(i) || cols.length === 0) return [];
          const parts = role.covers.map(keyOf);
          if ((role.role === 'group' || role.role === 'total') && role.covers.every(trusted)) return [{ type: 'row-total', row: keyOf(i), parts, columns: cols, ...extra }];
          if (role.role === 'of-which' && parts.length === 1 && role.covers.every(trusted)) return [{ type: 'row-inequality', row: keyOf(i), op: '<=', than: parts[0]!, columns: cols }];
          return [];
        });
      }
      case 'column-total':
        return printed(rel.parts).length === 0 ? [] : [{ type: 'column-total', column: rel.column, parts: printed(rel.parts), rows: select(rel.rows), ...roundedParts(rel.partsRounded) }];
      case 'difference':
        return absent(rel.column) || absent(rel.from) ? [] : [{ type: 'difference', column: rel.column, from: rel.from, minus: printed(rel.minus), ...(rel.plus === undefined ? {} : { plus: printed(rel.plus) }), rows: select(rel.rows) }];
      case 'signed-sum': {
        const plus = printed(rel.plus);
        return absent(rel.column) || plus.length === 0 ? [] : [{ type: 'signed-sum', column: rel.column, plus, minus: printed(rel.minus ?? []), rows: select(rel.rows), ...roundedParts(rel.partsRounded) }];
      }
      case 'rate': {
        const counts = printed(rel.count);
        if (absent(rel.column) || absent(rel.base) || counts.length === 0) return [];
        const baseRow = rel.baseRow === undefined ? {} : { baseRow: findRow(rel.baseRow) };
        const minus = rel.minus === undefined ? {} : { minus: printed(rel.minus) };
        return [{ type: 'rate', column: rel.column, count: one(rel.count, counts), ...minus, base: rel.base, ...baseRow, scale: rel.scale, rounding: rounding(rel.rounding), ...(rel.decimals !== undefined ? { decimals: rel.decimals } : {}), rows: select(rel.rows) }];
      }
      case 'average':
        // every part printed, or the divisor would not be the number of columns averaged
        return absent(rel.column) || printed(rel.parts).length !== rel.parts.length || printed(rel.minus ?? []).length !== (rel.minus ?? []).length ? [] : [{ type: 'average', column: rel.column, parts: rel.parts, ...(rel.minus === undefined ? {} : { minus: rel.minus }), ...(rel.over === undefined ? {} : { over: rel.over }), rounding: rounding(rel.rounding), ...(rel.decimals !== undefined ? { decimals: rel.decimals } : {}), rows: select(rel.rows) }];
      case 'numbering': {
        const column = rel.column ?? numberKey;
        return column === undefined || !at.has(column) ? [] : [{ type: 'numbering', column, rows: data.map((_, i) => i).filter((i) => roles[i]!.role === 'unit' || (rel.rows !== undefined && rel.rows !== 'units' && select(rel.rows).includes(keyOf(i)))).map(keyOf) }];
      }
      case 'inequality': {
        const [left, right] = [printed(rel.column), printed(rel.than)];
        return left.length === 0 || right.length === 0 ? [] : [{ type: 'inequality', column: one(rel.column, left), op: rel.op, than: one(rel.than, right), rows: select(rel.rows) }];
      }
      case 'bound':
        return absent(rel.column) ? [] : [{ type: 'bound', column: rel.column, ...(rel.min !== undefined ? { min: rel.min } : {}), ...(rel.max !== undefined ? { max: rel.max } : {}), rows: select(rel.rows) }];
      case 'row-average': {
        const columns = printed(rel.columns);
        const rates = (rel.rates ?? []).filter((x) => !absent(x.column) && !absent(x.count) && !absent(x.base)).map((x) => ({ ...x, rounding: rounding(x.rounding ?? rel.rounding) }));
        return columns.length === 0 ? [] : [{ type: 'row-average', row: findRow(rel.row), parts: rel.parts.map(findRow), columns, rounding: rounding(rel.rounding), ...(rel.decimals !== undefined ? { decimals: rel.decimals } : {}), ...(rates.length > 0 ? { rates } : {}) }];
      }
      case 'row-inequality': {
        const columns = printed(rel.columns);
        return columns.length === 0 ? [] : [{ type: 'row-inequality', row: findRow(rel.row), op: rel.op, than: findRow(rel.than), columns }];
      }
      case 'common-base':
        return absent(rel.count) || absent(rel.rate) ? [] : [{ type: 'common-base', count: rel.count, rate: rel.rate, scale: rel.scale, rounding: rounding(rel.rounding), rows: select(rel.rows) }];
    }
  });
  const format = options.numberFormat ?? s.numberFormat;
  const tableOf = (): PrintedTable => ({
    columns,
    rows: rowsOut,
    relations: relationsOf().filter((r) => r.type !== 'column-total' || columns.some((c) => c.key === r.column)),
    ...(s.blankAs !== undefined ? { blankAs: s.blankAs } : {}),
    ...(format !== undefined ? { numberFormat: format } : {}),
    ...(s.approximations !== undefined ? { approximations: s.approximations } : {}),
  });
  let table = tableOf();
  // 6. rows whose figures moved left (a lost cell): structural findings, left out of the checks
  const figureKeys = [...numeric].sort((a, b) => at.get(a.key)! - at.get(b.key)!).map((c) => c.key);
  const checkedRows = data
    .map((_, i) => i)
    .filter((i) => trusted(i) && roles[i]!.role !== 'heading' && roles[i]!.role !== 'ignore')
    .map((i) => ({ key: keyOf(i), role: roles[i]!.role }));
  const shifted = findShiftedRows(table, figureKeys, checkedRows);
  for (const sh of shifted) {
    const i = data.findIndex((_, j) => keyOf(j) === sh.rowKey);
    const d = data[i]!;
    d.trusted = false;
    const headerOf = (k: string): string => {
      const p = paths[at.get(k)!] ?? [];
      return p[p.length - 1] ?? k;
    };
    const n = figureKeys.length;
    const cols = sh.by === 1 ? 'one column' : `${sh.by} columns`;
    const restored = sh.missingAt === null ? undefined : sh.restored[sh.missingAt];
    const where = sh.missingAt === null ? `a cell is missing before “${headerOf(figureKeys[n - 1]!)}”` : `the cell under “${headerOf(sh.missingAt)}” looks missing${restored === undefined ? '' : ` (the relations give ${restored})`}`;
    structural(
      d.gridRow,
      'shifted-row',
      figureKeys.map((k) => String(d.cells[k] ?? '')).join(','),
      `${n} figures`,
      `line ${d.gridRow + 1}: ${n - sh.by} figures under ${n} columns; the figures look shifted left by ${cols} (${where}: moved ${cols} to the right, the row's relations hold, as printed they do not). The row is left out of the checks`,
      sh.missingAt ?? figureKeys[n - sh.by]!,
    );
  }
  if (shifted.length > 0) table = tableOf();
  return deepFreeze({
    table,
    findings,
    layout: { header: [start, start + depth - 1] as const, columnNumbersRow, columns: layoutColumns, rows: layoutRows },
  });
}

/**
 * The structural findings of a grid table as one `VnPovertyError` (for callers that want a
 * table or an exception, such as `tableFromLayout`). @internal
 */
export function throwStructural(findings: readonly ReconcileIssue[]): void {
  if (findings.length === 0) return;
  const issues: VnIssue[] = findings.map((f) => issue({ code: f.code, path: [f.row, ...(f.column === '' ? [] : [f.column])], value: f.printed, expected: f.expected ?? '', message: f.message }));
  throw new VnPovertyError(issues as unknown as VnIssues);
}
