import * as z from 'zod';
import { MONEY_UNITS, type MoneyUnit } from '../numbers/money.js';
import type { ApproximationRules, NumberFormat } from '../numbers/printedInterval.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import { approximationsSchema, type InequalityOperator, type TableRowRole } from './printedTable.js';

export { tableFromSpec } from './tableFromSpec.js';
export type { GridTable, TableFromSpecOptions, TableLayout, LayoutColumn, LayoutRowInfo, PrintedGrid } from './tableFromSpec.js';

/**
 * What a column of a printed table holds: `'count'`, `'rate'` (a percentage), `'amount'` (money,
 * with a unit), `'text'` (names, notes; never checked), `'row-number'` (*STT*: `1`, `II`, `2.1`,
 * kept apart from the label) or `'role'` (a column that states each row's role, optional).
 */
export type SpecColumnKind = 'count' | 'rate' | 'amount' | 'text' | 'row-number' | 'role';

/**
 * A header as printed: one text, or the texts of the header rows above the column from top to
 * bottom (`['HN đầu năm 2024', 'Tỷ lệ (%)']`). Matching ignores case, spacing and a money unit in
 * brackets; `*` stands for any text (`'HN đầu năm *'`). Upper header rows may be left out: the
 * texts given must appear in order, the last one in the lowest header row of the column.
 */
export type SpecHeader = string | readonly string[];

/** One column of a {@link TableSpec}. */
export interface SpecColumn {
  /** Stable key used by relations and findings, e.g. `'poor_start_rate'`. */
  readonly key: string;
  readonly kind: SpecColumnKind;
  /** The header as printed; the key itself when left out. */
  readonly header?: SpecHeader;
  /** Other headers the column is printed under. */
  readonly aliases?: readonly SpecHeader[];
  /** 0-based column of the grid, when known (a caller that has located the columns): header text is then not matched. */
  readonly index?: number;
  /** For `'amount'`: the money unit, when neither the header nor a caption states it. */
  readonly unit?: MoneyUnit;
  /**
   * False for a column the table may lack (relations on it are then not checked; as a term of a
   * sum it counts nothing); true unless told (a `'role'` column is optional unless told).
   */
  readonly required?: boolean;
  /** True for the column that labels each row (the unit's or item's name); the first text column unless told. */
  readonly label?: boolean;
}

/**
 * Rows a relation applies to: `'all'` (every data row with figures: units, groups and totals),
 * `'units'` (leaf rows), `'groups'`, `'totals'`.
 */
export type SpecRows = 'all' | 'units' | 'groups' | 'totals';

/** A row named in a relation: by its label (a regular expression, case-insensitive) or by its 0-based grid row. */
export type SpecRowRef = { readonly label: string } | { readonly gridRow: number };

/** A relation of a {@link TableSpec}, in column keys (rows are selected by role). */
export type SpecRelation =
  | {
      /** The sums the row roles imply: every group row is the sum of the rows it covers, the total of every unit row; a *trong đó* row is at most the row above. */
      readonly type: 'role-totals';
      readonly columns: readonly string[];
      /**
       * True when the figures were rounded for print: totals within the parts' precision are
       * `rounding` findings; `'auto'`: true when an amount column is in a unit larger than the đồng.
       */
      readonly partsRounded?: boolean | 'auto';
    }
  | { readonly type: 'column-total'; readonly column: string; readonly parts: readonly string[]; readonly rows?: SpecRows; readonly partsRounded?: boolean | 'auto' }
  | { readonly type: 'difference'; readonly column: string; readonly from: string; readonly minus: readonly string[]; readonly plus?: readonly string[]; readonly rows?: SpecRows }
  | {
      /**
       * `column = Σ plus − Σ minus`, row by row (end = start + newly + re + moved in − exits −
       * moved out). A term in an optional column the table does not print counts nothing.
       */
      readonly type: 'signed-sum';
      readonly column: string;
      readonly plus: readonly string[];
      readonly minus?: readonly string[];
      readonly rows?: SpecRows;
      readonly partsRounded?: boolean | 'auto';
    }
  | {
      readonly type: 'rate';
      readonly column: string;
      readonly count: string | readonly string[];
      /** Columns taken from the count (a growth rate: this year − last year, over last year). */
      readonly minus?: string | readonly string[];
      readonly base: string;
      /** The row whose `base` cell is the base of every row (a share of the total, e.g. `{ label: '^Tổng cộng$' }`). */
      readonly baseRow?: SpecRowRef;
      /** 100 for a percentage. */
      readonly scale: number;
      /** The rounding of the printed rates; the spec's `rounding` when left out (one of them must say it). */
      readonly rounding?: RoundingMode;
      readonly decimals?: number;
      readonly rows?: SpecRows;
    }
  | {
      /** `column = round((Σ parts) ÷ number of parts)`: a yearly average (*bình quân/năm*) over the year columns. */
      readonly type: 'average';
      readonly column: string;
      readonly parts: readonly string[];
    /** Columns taken from the parts' sum before dividing (a yearly reduction: the start's rate − the target's). */
      readonly minus?: readonly string[];
      /** The divisor (the years of a yearly reduction); the number of parts when left out. */
      readonly over?: number;
      /** The rounding of the printed averages; the spec's `rounding` when left out (one of them must say it). */
      readonly rounding?: RoundingMode;
      readonly decimals?: number;
      readonly rows?: SpecRows;
    }
  | {
      /**
       * `row[c] = round((Σ parts[c]) ÷ number of parts)` in each of `columns`: a row of means (“Trung bình”,
       * “Bình quân/xã”) under the rows it averages, named by label pattern or grid row.
       */
      readonly type: 'row-average';
      readonly row: SpecRowRef;
      readonly parts: readonly SpecRowRef[];
      readonly columns: readonly string[];
      /** The rounding of the printed means; the spec's `rounding` when left out (one of them must say it). */
      readonly rounding?: RoundingMode;
      readonly decimals?: number;
      /**
       * Rates the row prints beside its means: `of: 'sums'` the rate of its rows' sums (Σ count ÷ Σ base × scale),
       * `of: 'row'` that of the row's own means; the mean of the rows' rates is the rate column listed in `columns`.
       */
      readonly rates?: ReadonlyArray<{ readonly column: string; readonly count: string; readonly base: string; readonly scale: number; readonly rounding?: RoundingMode; readonly of: 'sums' | 'row' }>;
    }
  | { readonly type: 'numbering'; readonly column?: string; readonly rows?: SpecRows }
  | { readonly type: 'inequality'; readonly column: string | readonly string[]; readonly op: InequalityOperator; readonly than: string | readonly string[]; readonly rows?: SpecRows }
  | { readonly type: 'bound'; readonly column: string; readonly min?: string | number; readonly max?: string | number; readonly rows?: SpecRows }
  | { readonly type: 'row-inequality'; readonly row: SpecRowRef; readonly op: InequalityOperator; readonly than: SpecRowRef; readonly columns: readonly string[] }
  | { readonly type: 'common-base'; readonly count: string; readonly rate: string; readonly scale: number; readonly rounding?: RoundingMode; readonly rows?: SpecRows };

/**
 * A rule giving rows a role, tried before the library's own inference: rows whose label (or row
 * number) matches the regular expression (case-insensitive), or the grid rows listed, get `role`.
 */
export interface RoleRule {
  readonly role: TableRowRole;
  readonly label?: string;
  readonly number?: string;
  readonly gridRows?: readonly number[];
  /** With `value`: the rule applies to rows whose cell in this column matches `value` (a regular expression). */
  readonly column?: string;
  readonly value?: string;
}

/** How rows get their roles. */
export interface SpecRoles {
  /**
   * The words a `'role'` column may hold, when the table has one: `unit`, `item`, `subtotal`,
   * `group`, `programme`, `project`, `sub-project`, `total`, `of-which`, `heading`, `ignore`
   * (all of them unless told).
   */
  readonly values?: readonly RoleWord[];
  /** Rules tried first, in order. */
  readonly rules?: readonly RoleRule[];
  /**
   * Infer roles from labels and row numbers (true unless told): Roman numerals and capital
   * letters head groups, `1`, `1.1`, `a` nest under them; *Tổng*, *Tổng cộng*, *Toàn …* are the
   * total; *Cộng* sums the rows above it; *Thành thị*, *Nông thôn* are groups; *trong đó* rows break down the row above; a row with no figure is a heading (or a note), not checked.
   */
  readonly infer?: boolean;
}

/** A word a role column may print; see {@link SpecRoles.values}. */
export type RoleWord = 'unit' | 'item' | 'subtotal' | 'group' | 'programme' | 'project' | 'sub-project' | 'total' | 'of-which' | 'heading' | 'ignore';

/** Where the header is in the grid. */
export interface SpecHeaderRows {
  /** 0-based grid row of the first header row; found by matching the column headers when left out (caption rows above are skipped). */
  readonly start?: number;
  /** How many rows the header takes (1 to 6); found when left out. */
  readonly rows?: number;
}

/**
 * A declared layout of a printed table: its columns (kind, header as printed, unit), where its
 * header is, how rows get roles, and the relations that should hold. `tableFromSpec` reads a
 * printed grid with it; the presets (`LAYOUTS`) are specs too. JSON-friendly: a spec can live in
 * a file (`vn-poverty reconcile FILE --spec table.json`).
 */
export interface TableSpec {
  /** Name, for messages (`'commune-targets'`). */
  readonly name?: string;
  readonly description?: string;
  readonly columns: readonly SpecColumn[];
  readonly header?: SpecHeaderRows;
  readonly roles?: SpecRoles;
  readonly relations: readonly SpecRelation[];
  /** How figures are written; `'vi'` unless told. */
  readonly numberFormat?: NumberFormat;
  /** Unit of every amount column that states none in its header or spec (a caption “ĐVT: triệu đồng” also gives one). */
  readonly unit?: MoneyUnit;
  /** Rounding of the rate relations that do not name one. */
  readonly rounding?: RoundingMode;
  /** How a blank cell is read: `'missing'` (a finding where a figure is needed, the default) or `'zero'` (budgets print “-” for nothing). */
  readonly blankAs?: 'missing' | 'zero';
  /** Widths of “khoảng” and “gần” (see `printedInterval`). */
  readonly approximations?: Partial<ApproximationRules>;
}

const key = z.string().min(1);
const keys = z.union([key, z.array(key).min(1)]);
const header = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const rounding = z.enum(ROUNDING_MODES as unknown as [RoundingMode, ...RoundingMode[]]);
const op = z.enum(['<=', '<', '>=', '>']);
const rows = z.enum(['all', 'units', 'groups', 'totals']);
const rowRef = z.union([z.object({ label: z.string().min(1) }).strict(), z.object({ gridRow: z.number().int().nonnegative() }).strict()]);
const role = z.enum(['total', 'group', 'unit', 'of-which', 'heading', 'ignore']);
/** The words a role column may print, in the order they are listed in messages. @internal */
export const ROLE_WORDS: readonly RoleWord[] = Object.freeze(['unit', 'item', 'subtotal', 'group', 'programme', 'project', 'sub-project', 'total', 'of-which', 'heading', 'ignore']);
const limit = z.union([z.string().min(1), z.number().finite()]);

/**
 * zod schema of {@link TableSpec}: what `tableFromSpec` and `vn-poverty reconcile --spec` accept.
 * Unknown fields are refused, so a misspelt field never passes silently.
 * @example
 * tableSpecSchema.safeParse({ columns: [{ key: 'poor', kind: 'count', header: 'Hộ nghèo' }], relations: [] }).success //=> true
 * tableSpecSchema.safeParse({ columns: [{ key: 'poor', kind: 'number' }], relations: [] }).success //=> false
 */
export const tableSpecSchema = z
  .object({
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    columns: z
      .array(
        z
          .object({
            key,
            kind: z.enum(['count', 'rate', 'amount', 'text', 'row-number', 'role']),
            header: header.optional(),
            aliases: z.array(header).optional(),
            index: z.number().int().nonnegative().optional(),
            unit: z.enum(MONEY_UNITS as unknown as [MoneyUnit, ...MoneyUnit[]]).optional(),
            required: z.boolean().optional(),
            label: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1),
    header: z.object({ start: z.number().int().nonnegative().optional(), rows: z.number().int().min(1).max(6).optional() }).strict().optional(),
    roles: z
      .object({
        values: z.array(z.enum(ROLE_WORDS as unknown as [RoleWord, ...RoleWord[]])).min(1).optional(),
        rules: z.array(z.object({ role, label: z.string().min(1).optional(), number: z.string().min(1).optional(), gridRows: z.array(z.number().int().nonnegative()).optional(), column: key.optional(), value: z.string().min(1).optional() }).strict()).optional(),
        infer: z.boolean().optional(),
      })
      .strict()
      .optional(),
    relations: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('role-totals'), columns: z.array(key).min(1), partsRounded: z.union([z.boolean(), z.literal('auto')]).optional() }).strict(),
        z.object({ type: z.literal('column-total'), column: key, parts: z.array(key).min(1), rows: rows.optional(), partsRounded: z.union([z.boolean(), z.literal('auto')]).optional() }).strict(),
        z.object({ type: z.literal('difference'), column: key, from: key, minus: z.array(key).min(1), plus: z.array(key).optional(), rows: rows.optional() }).strict(),
        z.object({ type: z.literal('signed-sum'), column: key, plus: z.array(key).min(1), minus: z.array(key).optional(), rows: rows.optional(), partsRounded: z.union([z.boolean(), z.literal('auto')]).optional() }).strict(),
        z
          .object({ type: z.literal('rate'), column: key, count: keys, minus: keys.optional(), base: key, baseRow: rowRef.optional(), scale: z.number().int().positive(), rounding: rounding.optional(), decimals: z.number().int().min(0).max(20).optional(), rows: rows.optional() })
          .strict(),
        z.object({ type: z.literal('average'), column: key, parts: z.array(key).min(1), minus: z.array(key).min(1).optional(), over: z.number().int().positive().max(1000).optional(), rounding: rounding.optional(), decimals: z.number().int().min(0).max(20).optional(), rows: rows.optional() }).strict(),
        z
          .object({
            type: z.literal('row-average'), row: rowRef, parts: z.array(rowRef).min(2), columns: z.array(key).min(1), rounding: rounding.optional(), decimals: z.number().int().min(0).max(20).optional(),
            rates: z.array(z.object({ column: key, count: key, base: key, scale: z.number().int().positive(), rounding: rounding.optional(), of: z.enum(['sums', 'row']) }).strict()).optional(),
          })
          .strict(),
        z.object({ type: z.literal('numbering'), column: key.optional(), rows: rows.optional() }).strict(),
        z.object({ type: z.literal('inequality'), column: keys, op, than: keys, rows: rows.optional() }).strict(),
        z.object({ type: z.literal('bound'), column: key, min: limit.optional(), max: limit.optional(), rows: rows.optional() }).strict(),
        z.object({ type: z.literal('row-inequality'), row: rowRef, op, than: rowRef, columns: z.array(key).min(1) }).strict(),
        z.object({ type: z.literal('common-base'), count: key, rate: key, scale: z.number().int().positive(), rounding: rounding.optional(), rows: rows.optional() }).strict(),
      ]),
    ),
    numberFormat: z.enum(['vi', 'en']).optional(),
    unit: z.enum(MONEY_UNITS as unknown as [MoneyUnit, ...MoneyUnit[]]).optional(),
    rounding: rounding.optional(),
    blankAs: z.enum(['missing', 'zero']).optional(),
    approximations: approximationsSchema.optional(),
  })
  .strict();
