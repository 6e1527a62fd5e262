import type { TableRowRole } from './printedTable.js';
import type { RoleRule, RoleWord } from './tableSpec.js';

/** A data row as the role inference sees it. */
export interface RoleInput {
  readonly label: string;
  readonly number: string;
  /** The word of the role column, when the table has one. */
  readonly word: string | undefined;
  readonly gridRow: number;
  /** True when no figure is printed in the row. */
  readonly blank: boolean;
  /** The text of the row's cell in a column (for rules on a column). */
  readonly cell: (key: string) => string;
}

/** A row's role, its depth, and the rows (indexes) it covers. */
export interface RoleResult {
  readonly role: TableRowRole;
  readonly level: number;
  /** Indexes of the rows a group or total is the sum of (a *trong đó* row: its parent). */
  readonly covers: readonly number[];
  /** How the role was found: `'column'`, `'rule'` or `'inferred'`. */
  readonly source: 'column' | 'rule' | 'inferred';
}

const LEAF = 99;
const WORD_LEVEL: Readonly<Record<RoleWord, { role: TableRowRole; level: number }>> = {
  total: { role: 'total', level: 0 },
  programme: { role: 'group', level: 1 },
  subtotal: { role: 'group', level: 1 },
  group: { role: 'group', level: 1 },
  project: { role: 'group', level: 2 },
  'sub-project': { role: 'group', level: 3 },
  unit: { role: 'unit', level: LEAF },
  item: { role: 'unit', level: LEAF },
  'of-which': { role: 'of-which', level: LEAF },
  heading: { role: 'heading', level: 1 },
  ignore: { role: 'ignore', level: LEAF },
};
/** The word a role word must follow (a sub-project follows its project). */
const PARENT_WORD: Partial<Record<RoleWord, RoleWord>> = { 'sub-project': 'project' };

const norm = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/gu, ' ');
// the total's own words, alone or before a note (“Tổng cộng (QĐ 90)”): “Tổng số hộ” is an indicator, not a total
const TOTAL = /^(?:(?:tổng cộng|tổng số|tổng|total|cộng chung|bình quân chung|trung bình chung)\s*(?:[:(].*)?|toàn (?:huyện|tỉnh|thị xã|thành phố|xã|phường|quận|thị trấn)(?:\s.*)?)$/u;
const SUM_ABOVE = /^cộng(?=[\s:]|$)(?!\s+đồng)/u;
const OF_WHICH = /^[-–+*\s]*(trong đó|tr\.\s*đó|trđ)(?=[\s:,]|$)/u;
const AREA_GROUP = /^(khu vực\s+)?(thành thị|nông thôn)$/u;
const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/u;

/** The depth a row number implies: A > I > 1 > 1.1 > a > –. */
function numberLevel(raw: string, lettersUsed: boolean): number | null {
  const n = raw.trim().replace(/[.)]$/u, '');
  if (n === '') return null;
  if (/^[A-Z]$/u.test(n) && (lettersUsed || !ROMAN.test(n.toLowerCase()))) return 1;
  if (/^[IVXLCDM]+$/u.test(n) && ROMAN.test(n.toLowerCase())) return 2;
  if (/^\d+$/u.test(n)) return 3;
  if (/^\d+(\.\d+)+$/u.test(n)) return 3 + (n.split('.').length - 1);
  if (/^[a-zđ]$/u.test(n)) return 7;
  if (/^[-–+*•]$/u.test(n)) return 8;
  return null;
}

/** The depth a label implies when no row number is printed (budget lines, area blocks). */
function labelLevel(label: string): number | null {
  if (AREA_GROUP.test(label)) return 2;
  if (/^chương trình\b/u.test(label)) return 2;
  if (/^dự án\b/u.test(label)) return 3;
  if (/^tiểu dự án\b/u.test(label)) return 4;
  if (/^(nội dung|hoạt động)\b/u.test(label)) return 5;
  return null;
}

const matches = (pattern: string | undefined, text: string): boolean => pattern === undefined || new RegExp(pattern, 'iu').test(text.normalize('NFC').trim());

/** A role-column word the spec does not allow, or a row out of place: reported by the caller. */
export interface RoleProblem {
  readonly index: number;
  readonly kind: 'unknown-word' | 'orphan' | 'second-total';
  readonly word: string;
  readonly parent?: string;
}

/**
 * Gives every row a role, a depth and what it covers: from the role column when there is one,
 * else from the rules, else inferred from labels and row numbers. A row with deeper rows after
 * it is a group of its direct children; a total covers every unit row; *Cộng* covers the unit
 * rows just above it; a *trong đó* row covers (is at most) its parent.
 */
export function assignRoles(
  rows: readonly RoleInput[],
  options: { readonly values: readonly RoleWord[]; readonly rules: readonly RoleRule[]; readonly infer: boolean; readonly hasRoleColumn: boolean },
): { readonly roles: readonly RoleResult[]; readonly problems: readonly RoleProblem[] } {
  const problems: RoleProblem[] = [];
  const lettersUsed = rows.some((r) => /^[ABEFGH]\.?$/u.test(r.number.trim()));
  type Draft = { role: TableRowRole; level: number; source: RoleResult['source']; sumAbove?: boolean; word?: RoleWord };
  const drafts: Draft[] = rows.map((r, i) => {
    const rule = options.rules.find(
      (x) =>
        (x.gridRows === undefined || x.gridRows.includes(r.gridRow)) &&
        matches(x.label, r.label) &&
        matches(x.number, r.number) &&
        (x.column === undefined || matches(x.value ?? '', r.cell(x.column))) &&
        (x.label !== undefined || x.number !== undefined || x.gridRows !== undefined || x.column !== undefined),
    );
    if (rule !== undefined) return { role: rule.role, level: rule.role === 'total' ? 0 : rule.role === 'group' || rule.role === 'heading' ? 1 : LEAF, source: 'rule' };
    if (options.hasRoleColumn) {
      const word = norm(r.word ?? '') as RoleWord;
      if (!options.values.includes(word)) {
        problems.push({ index: i, kind: 'unknown-word', word: r.word ?? '' });
        return { role: 'ignore', level: LEAF, source: 'column' };
      }
      const w = WORD_LEVEL[word];
      return { role: w.role, level: w.level, source: 'column', word };
    }
    const label = norm(r.label);
    if (!options.infer) return { role: 'unit', level: LEAF, source: 'inferred' };
    if (OF_WHICH.test(label)) return { role: 'of-which', level: LEAF, source: 'inferred' };
    if (TOTAL.test(label)) return { role: 'total', level: 0, source: 'inferred' };
    // “Cộng” without a row number (a numbered “Cộng Hòa” is a commune)
    if (SUM_ABOVE.test(label) && r.number.trim() === '') return { role: 'group', level: LEAF, source: 'inferred', sumAbove: true };
    const level = numberLevel(r.number, lettersUsed) ?? labelLevel(label) ?? LEAF;
    return { role: 'unit', level, source: 'inferred' };
  });
  // nesting: a row is the child of the nearest row above it that is less deep
  const children: number[][] = rows.map(() => []);
  const parent: (number | null)[] = rows.map(() => null);
  const stack: number[] = [];
  drafts.forEach((d, i) => {
    if (d.role === 'ignore') return;
    if (d.role === 'of-which') {
      const above = [...stack].reverse().find((j) => drafts[j]!.role !== 'of-which');
      if (above !== undefined) parent[i] = above;
      return;
    }
    if (d.sumAbove === true) return;
    while (stack.length > 0 && drafts[stack[stack.length - 1]!]!.level >= d.level) stack.pop();
    const p = stack[stack.length - 1];
    if (p !== undefined && drafts[p]!.role !== 'total') {
      parent[i] = p;
      children[p]!.push(i);
    }
    if (d.word !== undefined && PARENT_WORD[d.word] !== undefined && !stack.some((j) => drafts[j]!.word === PARENT_WORD[d.word!])) {
      problems.push({ index: i, kind: 'orphan', word: d.word, parent: PARENT_WORD[d.word]! });
    }
    stack.push(i);
  });
  const roles: RoleResult[] = drafts.map((d, i) => {
    if (d.role === 'total' || d.role === 'ignore') return { role: d.role, level: d.level, covers: [], source: d.source };
    if (d.role === 'of-which') return { role: d.role, level: d.level, covers: parent[i] === null ? [] : [parent[i]!], source: d.source };
    if (d.sumAbove === true) {
      // “Cộng” adds up the top rows of its block (back to the previous Cộng or total); a heading
      // with no figures stands for its children
      let from = i - 1;
      while (from >= 0 && drafts[from]!.sumAbove !== true && drafts[from]!.role !== 'total') from--;
      const block = new Set(Array.from({ length: i - from - 1 }, (_, k) => from + 1 + k));
      const tops = [...block].filter((j) => (parent[j] === null || !block.has(parent[j]!)) && drafts[j]!.role !== 'of-which' && drafts[j]!.role !== 'ignore');
      const covers = tops.flatMap((j) => (rows[j]!.blank && children[j]!.length > 0 ? children[j]! : [j]));
      // “Cộng” with no row above it in its block is the table's total
      return covers.length === 0 ? { role: 'total', level: 0, covers: [], source: d.source } : { role: 'group', level: d.level, covers, source: d.source };
    }
    // a declared group is a group even with nothing under it; an inferred one only with children
    const isGroup = d.role === 'group' ? d.source !== 'inferred' || children[i]!.length > 0 : children[i]!.length > 0;
    if (d.role === 'heading' || (isGroup && rows[i]!.blank)) return { role: 'heading', level: d.level, covers: children[i]!, source: d.source };
    if (isGroup && (d.source !== 'column' || d.word === 'subtotal' || d.word === 'group' || children[i]!.length > 0)) return { role: 'group', level: d.level, covers: children[i]!, source: d.source };
    // an inferred row with no figure at all is a heading or a note, not a unit of the table
    if (d.source === 'inferred' && rows[i]!.blank) return { role: 'heading', level: d.level, covers: [], source: d.source };
    return { role: 'unit', level: d.level, covers: [], source: d.source };
  });
  // a total covers every unit row; a table has one total
  const units = roles.map((r, i) => (r.role === 'unit' ? i : -1)).filter((i) => i >= 0);
  const totals = roles.map((r, i) => (r.role === 'total' ? i : -1)).filter((i) => i >= 0);
  if (totals.length > 1) problems.push({ index: totals[1]!, kind: 'second-total', word: rows[totals[1]!]!.label });
  const out = roles.map((r) => (r.role === 'total' ? { ...r, covers: units } : r));
  return { roles: out, problems };
}
