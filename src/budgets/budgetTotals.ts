import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';
import type { Dong } from '../numbers/money.js';
import { parentProjectCode, type BudgetLine } from './budgetLine.js';
import { BUDGET_SOURCES, type BudgetSource } from './budgetSource.js';
import { CAPITAL_TYPES, type CapitalType } from '../program/programStructure.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * A field budget lines can be totalled by. `'parentProject'` rolls sub-projects up to
 * their project (`'DA3.TDA1'` counts under `'DA3'`).
 */
export type BudgetDimension = 'source' | 'capitalType' | 'project' | 'parentProject' | 'adminUnit' | 'year';

/**
 * Every {@link BudgetDimension}.
 * @example
 * BUDGET_DIMENSIONS //=> ['source', 'capitalType', 'project', 'parentProject', 'adminUnit', 'year']
 */
export const BUDGET_DIMENSIONS: readonly BudgetDimension[] = Object.freeze(['source', 'capitalType', 'project', 'parentProject', 'adminUnit', 'year']);

/** The values that identify one group of {@link budgetTotals}: only the dimensions asked for are present. */
export interface BudgetGroupKey {
  readonly source?: BudgetSource;
  readonly capitalType?: CapitalType;
  readonly project?: string | null;
  readonly parentProject?: string | null;
  readonly adminUnit?: string | null;
  readonly year?: number;
}

/** Which lines to keep before totalling: every field given must match. */
export type BudgetFilter = BudgetGroupKey;

/** One group of {@link budgetTotals}. */
export interface BudgetGroup {
  readonly key: BudgetGroupKey;
  /** Exact sum of the amounts of the group's lines, in đồng. */
  readonly total: Dong;
  /** How many lines the group holds. */
  readonly lineCount: number;
}

/** Result of {@link budgetTotals}. */
export interface BudgetTotals {
  /** The dimensions grouped by, as asked. */
  readonly by: readonly BudgetDimension[];
  /** One group per distinct combination, in the order the combination first appears. */
  readonly groups: readonly BudgetGroup[];
  /** Exact sum of every line kept (equal to the sum of the groups' totals). */
  readonly total: Dong;
}

/** Options of {@link budgetTotals}. */
export interface BudgetTotalsOptions {
  /** Dimensions to group by (none: a single group with the grand total). No dimension twice. */
  readonly by: readonly BudgetDimension[];
  /** Keep only the lines that match every field given. */
  readonly where?: BudgetFilter;
}

const optionsSchema = z
  .object({
    by: z
      .array(z.enum(BUDGET_DIMENSIONS as unknown as [BudgetDimension, ...BudgetDimension[]]))
      .refine((by) => new Set(by).size === by.length, 'no dimension twice'),
    where: z
      .object({
        source: z.enum(BUDGET_SOURCES as unknown as [BudgetSource, ...BudgetSource[]]).optional(),
        capitalType: z.enum(CAPITAL_TYPES as unknown as [CapitalType, ...CapitalType[]]).optional(),
        project: z.string().nullable().optional(),
        parentProject: z.string().nullable().optional(),
        adminUnit: z.string().nullable().optional(),
        year: z.number().int().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

function valueOf(line: BudgetLine, dimension: BudgetDimension): string | number | null {
  return dimension === 'parentProject' ? parentProjectCode(line.project) : line[dimension];
}

/**
 * Totals budget lines by any combination of source, capital type, project (or parent
 * project), administrative unit and year, exactly in đồng.
 *
 * @param lines - lines from {@link budgetLines}
 * @param options - the dimensions to group by and an optional filter
 * @returns groups in first-appearance order and the grand total, deep-frozen; the groups' totals add up to `total`
 * @throws VnPovertyError `invalid-input` for an unknown or repeated dimension.
 * @example
 * budgetTotals(lines, { by: ['source'] }).groups
 * //=> [{ key: { source: 'central' }, total: 4_978_000_000n, lineCount: 6 }, { key: { source: 'provincial' }, total: 498_000_000n, lineCount: 6 }]
 * @see QĐ 90/QĐ-TTg, Part IV.
 */
export function budgetTotals(lines: readonly BudgetLine[], options: BudgetTotalsOptions): BudgetTotals {
  assertOptions(options, 'budgetTotals', true);
  const opts = parseInput(optionsSchema, options);
  const where = Object.entries(opts.where ?? {}).filter(([, v]) => v !== undefined) as Array<[BudgetDimension, string | number | null]>;
  const groups = new Map<string, { key: Record<string, string | number | null>; total: Dong; lineCount: number }>();
  let total = 0n;
  for (const line of lines) {
    if (!where.every(([d, v]) => valueOf(line, d) === v)) continue;
    const values = opts.by.map((d) => valueOf(line, d));
    // length-prefixed, so no two combinations share an id whatever the unit names hold
    const id = values.map((v) => (v === null ? 'n' : typeof v === 'number' ? `#${v}` : `${v.length}:${v}`)).join('|');
    let group = groups.get(id);
    if (group === undefined) {
      group = { key: Object.fromEntries(opts.by.map((d, i) => [d, values[i] ?? null])), total: 0n, lineCount: 0 };
      groups.set(id, group);
    }
    group.total += line.amount;
    group.lineCount += 1;
    total += line.amount;
  }
  return deepFreeze({ by: [...opts.by], groups: [...groups.values()] as BudgetGroup[], total });
}
