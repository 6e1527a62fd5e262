/**
 * Rows whose figures moved left: a cell was lost somewhere in the row and the figures after it
 * slid one (or two) columns to the left, leaving the last cells blank — what a spreadsheet shows
 * when a transcriber skipped a cell. The rule (docs/reconciliation.md, “Shifted rows”):
 *
 * 1. **Shape.** The row's last k figure cells (k = 1 or 2) are empty, every other figure cell of
 *    the row is filled, and at least three quarters (and at least two) of the other rows of its
 *    role (units, groups…) with figures have figures in those k columns: the blank is out of the
 *    table's pattern. At most {@link MAX_SHIFT_CANDIDATES} such rows of a table are examined.
 * 2. **As printed, the row does not fit.** Some relation that reads the row fails, or cannot be
 *    checked because of those blank cells.
 * 3. **Moved right, it fits.** For some column p, moving the row's figures from p onwards k
 *    columns to the right (the k cells at p become unknown: any value ≥ 0) makes every relation
 *    that reads the row hold, and at least one of them says something: a relation that reads no
 *    unknown cell, or a sum in which an unknown cell is a part (then the total must be at least
 *    the known parts) or is subtracted (then what it is subtracted from must be at least the result).
 *    Where sums of counts imply the lost figure exactly, they must agree on it, and the row must
 *    hold with it in place (the finding then says the figure).
 *
 * 4. **Not where printed.** Read with its blank cells unknown, as printed, the row does not fit
 *    by rule 3's test: when it does (the sums imply figures for the blanks that hold), the
 *    figures may as well be where they are, and nothing says they moved.
 *
 * A legitimately blank cell fails 1 when other rows leave it blank too, fails 3 when the figures
 * fit only where they are printed (moving them breaks the relations that held), and fails 4 when
 * they fit both where they are and moved.
 */
import { compareFractions, fraction, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { checkContext, refKey, validate, type CheckContext, type Indexed } from './_checkContext.js';
import { checkRunner, tableChecks, type Check } from './_runChecks.js';
import type { CellRef, PrintedCell, PrintedTable } from './printedTable.js';

/** A row found shifted. */
export interface ShiftedRow {
  readonly rowKey: string;
  /** Columns the figures moved left by (1 or 2). */
  readonly by: number;
  /** The figure column whose cell looks lost (where moving right starts), when one place fits best; else null. */
  readonly missingAt: string | null;
  /** Relations of the row that hold once it is moved (and said something). */
  readonly holds: number;
  /** The lost figures the relations imply, by column (when one place fits best and sums of counts imply them). */
  readonly restored: Readonly<Record<string, string>>;
}

/** An unknown figure: any value ≥ 0, in the interval language of printed cells. */
const UNKNOWN = 'ít nhất 0';

const empty = (c: PrintedCell | undefined): boolean => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

interface RowStatus {
  /** Relations reading the row that fail. */
  readonly fails: number;
  /** Relations reading the row that cannot be checked because a cell of the row is blank or unreadable. */
  readonly blocked: number;
  /** Relations reading the row that hold and say something. */
  readonly evidence: number;
  /** Values of unknown cells that sums of counts imply exactly, by cell; a cell with two different values cannot be restored. */
  readonly implied: ReadonlyMap<string, readonly Fraction[]>;
}

/** Whether a check that reads unknown cells still says something about the row (see the rule above). */
function informative(check: Check, unknown: ReadonlySet<string>): boolean {
  if (check.kind !== 'sum') return false;
  const target = unknown.has(refKey(check.target));
  if (target) return false;
  const vacant = check.terms.filter((t) => unknown.has(refKey(t.cell)));
  if (vacant.length === 0) return true;
  return vacant.every((t) => t.sign === -1n) || check.terms.every((t) => t.sign === 1n);
}

/** The value of the one unknown term of a sum of counts, when every other cell is an exact figure. */
function impliedTerm(check: Check, unknown: ReadonlySet<string>, ctx: CheckContext): { cell: string; value: Fraction } | null {
  if (check.kind !== 'sum' || check.partsRounded) return null;
  const vacant = check.terms.filter((t) => unknown.has(refKey(t.cell)));
  if (vacant.length !== 1 || unknown.has(refKey(check.target))) return null;
  const refs = [check.target, ...check.terms.map((t) => t.cell)];
  if (refs.some((r) => ctx.ix.columns.get(r.column)?.kind !== 'count')) return null;
  let rest = fraction(0n);
  const target = ctx.read(check.target);
  if (target.status !== 'value' || !target.exact) return null;
  for (const t of check.terms) {
    if (t === vacant[0]) continue;
    const v = ctx.read(t.cell);
    if (v.status !== 'value' || !v.exact) return null;
    rest = t.sign === 1n ? subtractFractions(rest, fraction(-v.value.num, v.value.den)) : subtractFractions(rest, v.value);
  }
  const diff = subtractFractions(target.value, rest);
  return { cell: refKey(vacant[0]!.cell), value: vacant[0]!.sign === 1n ? diff : fraction(-diff.num, diff.den) };
}

/** The table's checks, and for each row the checks that read one of its figure cells. */
interface Checked {
  readonly ix: Indexed;
  /** The table's cells as read, shared by the contexts of every move. */
  readonly ctx: CheckContext;
  readonly checks: readonly Check[];
  readonly run: (check: Check, ctx: CheckContext) => void;
  readonly byRow: ReadonlyMap<string, readonly number[]>;
}

function checked(table: PrintedTable, figures: ReadonlySet<string>): Checked {
  const ix = validate(table);
  const checks = tableChecks(ix);
  const run = checkRunner(checks);
  const ctx = checkContext(ix);
  const byRow = new Map<string, number[]>();
  checks.forEach((check, i) => {
    const rows = new Set<string>();
    run(check, {
      ...ctx,
      readAll: (refs) => {
        for (const r of refs) if (figures.has(r.column)) rows.add(r.row);
        return ctx.readAll(refs);
      },
      push: () => undefined,
    });
    for (const r of rows) byRow.set(r, [...(byRow.get(r) ?? []), i]);
  });
  return { ix, ctx, checks, run, byRow };
}

/** How the relations that read `row` fare with the row's cells replaced by `cells`; cells in `unknown` are the unknowns of a move. */
function rowStatus(base: Checked, row: string, cells: Readonly<Record<string, PrintedCell>>, unknown: ReadonlySet<string>): RowStatus {
  const at = base.ix.rowIndex.get(row)!;
  const rows = base.ix.table.rows.map((r, i) => (i === at ? { ...r, cells } : r));
  const ctx = checkContext({ ...base.ix, table: { ...base.ix.table, rows } }, { base: base.ctx, row });
  let fails = 0;
  let blocked = 0;
  let evidence = 0;
  const implied = new Map<string, Fraction[]>();
  for (const i of base.byRow.get(row) ?? []) {
    const check = base.checks[i]!;
    let unreadable: 'here' | 'elsewhere' | null = null;
    let failed = false;
    const local: CheckContext = {
      ...ctx,
      readAll: (refs: readonly CellRef[]) => {
        const values = ctx.readAll(refs);
        if (values === null) unreadable = refs.some((r) => r.row === row && ctx.read(r).status !== 'value') ? 'here' : (unreadable ?? 'elsewhere');
        return values;
      },
      push: (issue) => {
        if (issue.severity === 'error') failed = true;
      },
    };
    base.run(check, local);
    if (unreadable === 'here') blocked++;
    else if (unreadable === 'elsewhere') continue; // another row's blank: the relation says nothing about this row
    else if (failed) fails++;
    else if (informative(check, unknown)) {
      evidence++;
      const term = impliedTerm(check, unknown, ctx);
      if (term !== null) implied.set(term.cell, [...(implied.get(term.cell) ?? []), term.value]);
    }
  }
  return { fails, blocked, evidence, implied };
}

/**
 * Whether the row, its cells `cells` with the cells of the columns `lost` unknown, fits: no
 * relation reading it fails or is blocked and one says something (rule 3); where sums of counts
 * imply a lost figure exactly they agree on it, and the row holds with it in place. The relations
 * that hold and the figures restored, or null.
 */
function fitWith(base: Checked, row: string, cells: Readonly<Record<string, PrintedCell>>, lost: readonly string[]): { holds: number; restored: Record<string, string> } | null {
  let s = rowStatus(base, row, cells, new Set(lost.map((column) => refKey({ row, column }))));
  if (s.fails > 0 || s.blocked > 0 || s.evidence === 0) return null;
  const restored: Record<string, string> = {};
  for (const column of lost) {
    const values = s.implied.get(refKey({ row, column })) ?? [];
    if (values.length === 0) continue;
    const first = values[0]!;
    if (first.den !== 1n || first.num < 0n || values.some((v) => compareFractions(v, first) !== 0)) return null;
    restored[column] = first.num.toString();
  }
  if (Object.keys(restored).length > 0) {
    const still = lost.filter((c) => restored[c] === undefined).map((column) => refKey({ row, column }));
    s = rowStatus(base, row, { ...cells, ...restored }, new Set(still));
    if (s.fails > 0 || s.blocked > 0) return null;
  }
  return { holds: s.evidence, restored };
}

/** The most rows of one table examined as possibly shifted; a table with more has blanks too common to be lost cells. */
export const MAX_SHIFT_CANDIDATES = 10;

/**
 * The rows of `table` that look shifted left (see the module's rule). `figures` are the figure
 * columns in printed order, left to right; `rows` the rows to consider (data rows whose role is
 * checked), with their role.
 */
export function findShiftedRows(table: PrintedTable, figures: readonly string[], rows: ReadonlyArray<{ readonly key: string; readonly role: string }>): ShiftedRow[] {
  const n = figures.length;
  if (n < 3 || rows.length < 3 || table.relations.length === 0) return [];
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  const withFigures = rows.filter((r) => figures.some((f) => !empty(byKey.get(r.key)?.cells[f])));
  const figureSet = new Set(figures);
  const found: ShiftedRow[] = [];
  let base: Checked | null = null;
  let examined = 0;
  // per role: rows with figures, and those filled in the last one and the last two figure columns
  const pattern = new Map<string, [number, number, number]>();
  for (const { key, role } of withFigures) {
    const c = byKey.get(key)!.cells;
    const counts = pattern.get(role) ?? [0, 0, 0];
    counts[0]++;
    if (!empty(c[figures[n - 1]!])) counts[1]++;
    if (!empty(c[figures[n - 1]!]) && !empty(c[figures[n - 2]!])) counts[2]++;
    pattern.set(role, counts);
  }
  for (const { key, role } of withFigures) {
    const cells = byKey.get(key)!.cells;
    let k = 0;
    while (k < n && empty(cells[figures[n - 1 - k]!])) k++;
    if (k < 1 || k > 2 || n - k < 2) continue;
    if (figures.slice(0, n - k).some((f) => empty(cells[f]))) continue;
    const counts = pattern.get(role)!;
    const others = counts[0] - 1;
    const filledThere = counts[k]!; // this row is not filled there
    if (filledThere < 2 || filledThere * 4 < others * 3) continue;
    if (++examined > MAX_SHIFT_CANDIDATES) break;
    base ??= checked(table, figureSet);
    const printed = rowStatus(base, key, cells, new Set());
    if (printed.fails === 0 && printed.blocked === 0) continue;
    // the figures may fit where they are printed, the blank cells being what the sums imply: then nothing says they moved
    const blanks = figures.slice(n - k);
    if (fitWith(base, key, { ...cells, ...Object.fromEntries(blanks.map((f) => [f, UNKNOWN])) }, blanks) !== null) continue;
    let best: { p: number; holds: number; ties: number; restored: Record<string, string> } | null = null;
    for (let p = 0; p < n - k; p++) {
      const moved: Record<string, PrintedCell> = { ...cells };
      figures.forEach((f, j) => {
        moved[f] = j < p ? cells[f]! : j < p + k ? UNKNOWN : cells[figures[j - k]!]!;
      });
      const fit = fitWith(base, key, moved, figures.slice(p, p + k));
      if (fit === null) continue;
      if (best === null || fit.holds > best.holds) best = { p, holds: fit.holds, ties: 1, restored: fit.restored };
      else if (fit.holds === best.holds) best.ties += 1;
    }
    if (best !== null) found.push({ rowKey: key, by: k, missingAt: best.ties === 1 ? figures[best.p]! : null, holds: best.holds, restored: best.ties === 1 ? best.restored : {} });
  }
  return found;
}
