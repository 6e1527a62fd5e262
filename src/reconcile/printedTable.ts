import * as z from 'zod';
import type { MoneyUnit } from '../numbers/money.js';
import type { ApproximationRules, NumberFormat } from '../numbers/printedInterval.js';
import type { RoundingMode } from '../numbers/rounding.js';
import { ROUNDING_MODES } from '../numbers/rounding.js';

/**
 * A printed cell as it comes from a document: text in Vietnamese format (`'16.194'`,
 * `'0,70'`, `'1,06%'`), a number, a bigint, or `null` for an empty cell.
 * Text `''`, `'-'`, `'–'` and `'—'` is blank too.
 */
export type PrintedCell = string | number | bigint | null;

/**
 * What a column holds; it decides how a cell is read (see `parseVnNumber`):
 * `'count'` (whole households or persons), `'rate'` (a percentage), `'amount'` (money in the
 * column's unit), `'text'` (never checked: names, row numbers).
 */
export type ColumnKind = 'count' | 'rate' | 'amount' | 'text';

/** One column of a {@link PrintedTable}. */
export interface TableColumn {
  /** Stable key used by relations and issues, e.g. `'poor_start_rate'`. */
  readonly key: string;
  readonly kind: ColumnKind;
  /** Heading as printed, for messages. */
  readonly label?: string;
  /**
   * For `'amount'` columns: the money unit the column is printed in. A cell that carries
   * its own unit (`'19 đồng'` in a `'trieu'` column) is converted exactly into it.
   */
  readonly unit?: MoneyUnit;
  /** 0-based column of the printed grid the column was read from (see `tableFromSpec`), for pointing back at the sheet. */
  readonly gridColumn?: number;
}

/**
 * What a row is in its table, as declared or inferred from its label and number:
 * - `'total'`: the table's total (*Tổng*, *Tổng cộng*), the sum of every `unit` row;
 * - `'group'`: a subtotal (*I. Thành thị*, a project with sub-projects, *Cộng*), the sum of the rows it covers;
 * - `'unit'`: a leaf row (a commune, a sub-project);
 * - `'of-which'`: a breakdown of the row above (*trong đó*), never added into a total;
 * - `'heading'`: a group heading with no figures; `'ignore'`: not part of the table (column numbers, notes).
 */
export type TableRowRole = 'total' | 'group' | 'unit' | 'of-which' | 'heading' | 'ignore';

/** One row of a {@link PrintedTable}. */
export interface TableRow {
  /** Stable key used by relations, e.g. the CSV line number `'3'`. Unique in the table. */
  readonly key: string;
  /** The row as printed (the unit's name), used in issues and messages. */
  readonly label: string;
  /** Cells by column key; a missing key is a blank cell. */
  readonly cells: Readonly<Record<string, PrintedCell>>;
  /** The row number as printed (*STT*: `'2.1'`, `'II'`), apart from the label; absent when none is printed. */
  readonly number?: string;
  /** The row's role, as declared or inferred (informative: the relations say what is checked). */
  readonly role?: TableRowRole;
  /** 0-based row of the printed grid the row was read from (see `tableFromSpec`). */
  readonly gridRow?: number;
}

/** A cell address: row key and column key. */
export interface CellRef {
  readonly row: string;
  readonly column: string;
}

/**
 * A row is the total of other rows, column by column (a subtotal or a grand total):
 * `row[c] = Σ parts[c]` for every `c` in `columns`.
 */
export interface RowTotalRelation {
  readonly type: 'row-total';
  readonly row: string;
  readonly parts: readonly string[];
  readonly columns: readonly string[];
  /** True when the parts were themselves rounded for print (amounts in millions): a total within half a unit per part is then `rounding`. */
  readonly partsRounded?: boolean;
  /** True when the row prints a stock carried from its one part, the period's last year (the households, the poor at the end): said so in findings. */
  readonly carried?: boolean;
}

/**
 * A column is the total of other columns, row by row (a budget's total column):
 * `row[column] = Σ row[parts]` for every row in `rows` (all rows when left out).
 */
export interface ColumnTotalRelation {
  readonly type: 'column-total';
  readonly column: string;
  readonly parts: readonly string[];
  readonly rows?: readonly string[];
  readonly partsRounded?: boolean;
}

/**
 * A column is a difference, row by row: `row[column] = row[from] − Σ row[minus] + Σ row[plus]`
 * (households remaining = poor at the start − planned exits; poor at the end = start − exits +
 * re-poor + newly poor, as the review forms of Thông tư 07/2021/TT-BLĐTBXH print it).
 */
export interface DifferenceRelation {
  readonly type: 'difference';
  readonly column: string;
  readonly from: string;
  readonly minus: readonly string[];
  /** Columns added back (re-poor and newly poor households in a flow); none unless told. */
  readonly plus?: readonly string[];
  readonly rows?: readonly string[];
}

/**
 * A column is a signed sum of other columns, row by row: `row[column] = Σ row[plus] − Σ row[minus]`
 * (the summary form's flow balance: end = start + newly + re + moved in − exits − moved out).
 * Like the other sums it is exact on exact cells, meets over intervals on approximate ones, and
 * with `partsRounded` allows each cell's own printed precision.
 */
export interface SignedSumRelation {
  readonly type: 'signed-sum';
  readonly column: string;
  readonly plus: readonly string[];
  readonly minus?: readonly string[];
  readonly rows?: readonly string[];
  readonly partsRounded?: boolean;
}

/**
 * A column is a rate, row by row: `row[column] = round(row[count] ÷ row[base] × scale)`
 * to the decimals the cell is printed with (or `decimals` when given), with the named rounding.
 * With `baseRow`, the base is that row's cell (a share of the total: each cause's poor households
 * ÷ all poor households). With `minus`, the count is `row[count] − row[minus]`: a rate of growth,
 * *tốc độ tăng (%)* = (this year − last year) ÷ last year × 100. A rate left blank over a base of zero
 * holds: there is no rate to print.
 */
export interface RateRelation {
  readonly type: 'rate';
  readonly column: string;
  /** The count column, or several whose sum is the count (*tỷ lệ nghèo đa chiều* = (poor + near-poor) ÷ households). */
  readonly count: string | readonly string[];
  /** Columns taken from the count (a growth: the count this year, minus last year's). */
  readonly minus?: string | readonly string[];
  readonly base: string;
  /** The row whose `base` cell is every row's base (a share of the total); the row's own when left out. */
  readonly baseRow?: string;
  /** 100 for a percentage (the default is not assumed: say it). */
  readonly scale: number;
  readonly rounding: RoundingMode;
  /** Decimals to round to; when left out, the decimals the cell is printed with. */
  readonly decimals?: number;
  readonly rows?: readonly string[];
}

/**
 * A column is the average of other columns, row by row: `row[column] = round(Σ row[parts] ÷ n)`
 * with `n` the number of parts, to the decimals the cell is printed with (or `decimals` when
 * given), with the named rounding (a yearly average, *bình quân/năm*, over the year columns).
 */
export interface AverageRelation {
  readonly type: 'average';
  readonly column: string;
  readonly parts: readonly string[];
  /** Columns taken from the parts' sum before dividing (a yearly reduction: the start's rate − the target's). */
  readonly minus?: readonly string[];
  /** The divisor (the years of a yearly reduction); the number of parts when left out. */
  readonly over?: number;
  readonly rounding: RoundingMode;
  /** Decimals to round to; when left out, the decimals the cell is printed with. */
  readonly decimals?: number;
  readonly rows?: readonly string[];
}

/**
 * A headline figure printed outside the table (in the text) is the sum of cells:
 * `printed = Σ parts` (“Tổng nhu cầu vốn: 2.522 triệu đồng” = central + provincial).
 */
export interface HeadlineRelation {
  readonly type: 'headline';
  /** Name of the figure, used as the row, e.g. `'Dự án 2: tổng nhu cầu vốn'`. */
  readonly name: string;
  /** The column kind the figure is read as (`'amount'`, `'count'`…), and its unit. */
  readonly kind: Exclude<ColumnKind, 'text'>;
  readonly unit?: MoneyUnit;
  readonly printed: PrintedCell;
  readonly parts: readonly CellRef[];
  readonly partsRounded?: boolean;
}

/**
 * The row numbers printed in `column` (a text column, usually *STT*) count 1, 2, 3… down
 * `rows`: no number skipped, none repeated. Real tables skip and repeat numbers
 * (seed 001: 11 twice, no 12).
 */
export interface NumberingRelation {
  readonly type: 'numbering';
  readonly column: string;
  readonly rows: readonly string[];
}

/** A comparison: `≤`, `<`, `≥` or `>`. */
export type InequalityOperator = '<=' | '<' | '>=' | '>';

/**
 * Row by row, a column (or the sum of several) compares with another column (or sum):
 * exits cannot exceed the poor at the start (`poor_exit <= poor_start`); poor + near-poor ≤
 * households. Holds when the printed intervals can satisfy it.
 */
export interface InequalityRelation {
  readonly type: 'inequality';
  readonly column: string | readonly string[];
  readonly op: InequalityOperator;
  readonly than: string | readonly string[];
  readonly rows?: readonly string[];
}

/**
 * Column by column, one row compares with another: one year's allocation ≤ the multi-year
 * total it is part of; a *trong đó* row ≤ the row it breaks down.
 */
export interface RowInequalityRelation {
  readonly type: 'row-inequality';
  readonly row: string;
  readonly op: InequalityOperator;
  readonly than: string;
  readonly columns: readonly string[];
}

/** Row by row, a column lies within fixed bounds (inclusive): `0 ≤ rate ≤ 100`, `end ≥ 0`. */
export interface BoundRelation {
  readonly type: 'bound';
  readonly column: string;
  /** The least value allowed (a printed figure or a number), or none. */
  readonly min?: string | number;
  /** The greatest value allowed, or none. */
  readonly max?: string | number;
  readonly rows?: readonly string[];
}

/**
 * Rows print a count and its rate of a base that is not printed (“4.952 lượt người, đạt
 * 99,04% so với kế hoạch”; “khoảng 5.600 lượt người, đạt 112% kế hoạch”): the bases each row
 * implies (`count ÷ rate × scale`, over the intervals the printed figures allow) must meet.
 * Rows whose base fits no base most rows share are flagged.
 */
export interface CommonBaseRelation {
  readonly type: 'common-base';
  readonly count: string;
  readonly rate: string;
  readonly scale: number;
  readonly rounding: RoundingMode;
  readonly rows?: readonly string[];
}

/**
 * A row is the mean of other rows, column by column (a *Trung bình* or *Bình quân* row under the
 * communes): `row[c] = round(Σ parts[c] ÷ n)` with `n` the number of parts, to the decimals the
 * cell is printed with (or `decimals` when given), for every `c` in `columns`.
 */
export interface RowAverageRelation {
  readonly type: 'row-average';
  readonly row: string;
  readonly parts: readonly string[];
  readonly columns: readonly string[];
  readonly rounding: RoundingMode;
  readonly decimals?: number;
  /** Rates the row prints beside its means, each checked as the figures say it was made. */
  readonly rates?: readonly RowAverageRate[];
}

/**
 * A rate printed in a row of means beside its means: `of: 'sums'` the rate of its rows' sums,
 * `round(Σ parts[count] ÷ Σ parts[base] × scale)`; `of: 'row'` the rate of the row's own printed means,
 * `round(row[count] ÷ row[base] × scale)`. (The mean of the rows' rates is the rate column in `columns`.)
 */
export interface RowAverageRate {
  readonly column: string;
  readonly count: string;
  readonly base: string;
  readonly scale: number;
  readonly rounding: RoundingMode;
  readonly of: 'sums' | 'row';
}

/**
 * A column is the change of another from the row before, pair by pair: `direction: 'decrease'`
 * is `row[column] = previous[of] − row[of]` (*giảm so với năm trước*), `'increase'` is
 * `row[column] = row[of] − previous[of]` (*tăng so với năm trước*, and a signed *tăng (+)/giảm (−)*).
 * `pairs` lists each row with the row before it (the first year has none: it is not checked).
 */
export interface RowChangeRelation {
  readonly type: 'row-change';
  readonly column: string;
  readonly of: string;
  readonly direction: 'decrease' | 'increase';
  readonly pairs: ReadonlyArray<{ readonly row: string; readonly previous: string }>;
}

/**
 * A column is the product of two others, row by row: `row[column] = round(row[factors[0]] ×
 * row[factors[1]])` to the decimals the cell is printed with, with the named rounding (an amount =
 * households × the amount per household, *thành tiền = số hộ × định mức*). A product printed
 * exactly holds too.
 */
export interface ProductRelation {
  readonly type: 'product';
  readonly column: string;
  readonly factors: readonly [string, string];
  readonly rounding: RoundingMode;
  readonly rows?: readonly string[];
}

/** A declared relation between printed cells. */
export type TableRelation =
  | RowChangeRelation
  | ProductRelation
  | RowTotalRelation
  | ColumnTotalRelation
  | DifferenceRelation
  | SignedSumRelation
  | RateRelation
  | AverageRelation
  | RowAverageRelation
  | HeadlineRelation
  | NumberingRelation
  | InequalityRelation
  | RowInequalityRelation
  | BoundRelation
  | CommonBaseRelation;

/** The kinds of relation, as string literals. */
export type RelationType = TableRelation['type'];

/**
 * A table as printed: rows and columns of cells, plus the relations that should hold
 * between them. Input of `reconcileTable`.
 */
export interface PrintedTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly relations: readonly TableRelation[];
  /**
   * How to read a blank cell in a checked column: `'missing'` (a relation that needs it
   * reports a `blank-cell` issue) or `'zero'` (budget tables print “-” for nothing).
   * `'missing'` when left out.
   */
  readonly blankAs?: 'missing' | 'zero';
  /** How the figures are written: `'vi'` (`1.234,5`, the default) or `'en'` (`1,234.5`). */
  readonly numberFormat?: NumberFormat;
  /** Widths of “khoảng” and “gần” (see `printedInterval`); the library's default unless told. */
  readonly approximations?: Partial<ApproximationRules>;
}

const cell = z.union([z.string(), z.number(), z.bigint(), z.null()]);
const key = z.string().min(1);
const rounding = z.enum(ROUNDING_MODES as unknown as [RoundingMode, ...RoundingMode[]]);
const moneyUnit = z.enum(['dong', 'nghin', 'trieu', 'ty']);
const keys = z.union([key, z.array(key).min(1)]);
const op = z.enum(['<=', '<', '>=', '>']);
const limit = z.union([z.string().min(1), z.number().finite()]);
const approximation = z.union([z.object({ by: z.literal('last-digit') }), z.object({ by: z.literal('share'), share: z.union([z.string(), z.number().finite().nonnegative()]) })]);
/** zod schema of the `approximations` option (widths of “khoảng” and “gần”). @internal */
export const approximationsSchema = z.object({ about: approximation.optional(), nearly: approximation.optional() });

/**
 * zod schema of {@link PrintedTable}; used by `reconcileTable` at the edge.
 * @example
 * printedTableSchema.safeParse({ columns: [{ key: 'poor', kind: 'count' }], rows: [{ key: '1', label: 'Nhà Bàng', cells: { poor: '18' } }], relations: [] }).success //=> true
 * printedTableSchema.safeParse({ columns: [], rows: [], relations: [] }).success //=> false (no column)
 */
export const printedTableSchema = z.object({
  columns: z
    .array(
      z.object({
        key,
        kind: z.enum(['count', 'rate', 'amount', 'text']),
        label: z.string().optional(),
        unit: moneyUnit.optional(),
        gridColumn: z.number().int().nonnegative().optional(),
      }),
    )
    .min(1),
  // cells are checked one by one in reconcileTable (cheaper than a union per cell)
  rows: z.array(
    z.object({
      key,
      label: z.string(),
      cells: z.record(z.string(), z.unknown()),
      number: z.string().optional(),
      role: z.enum(['total', 'group', 'unit', 'of-which', 'heading', 'ignore']).optional(),
      gridRow: z.number().int().nonnegative().optional(),
    }),
  ),
  relations: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('row-total'), row: key, parts: z.array(key), columns: z.array(key).min(1), partsRounded: z.boolean().optional(), carried: z.boolean().optional() }),
      z.object({ type: z.literal('column-total'), column: key, parts: z.array(key), rows: z.array(key).optional(), partsRounded: z.boolean().optional() }),
      z.object({ type: z.literal('difference'), column: key, from: key, minus: z.array(key), plus: z.array(key).optional(), rows: z.array(key).optional() }),
      z.object({ type: z.literal('signed-sum'), column: key, plus: z.array(key).min(1), minus: z.array(key).optional(), rows: z.array(key).optional(), partsRounded: z.boolean().optional() }),
      z.object({ type: z.literal('row-change'), column: key, of: key, direction: z.enum(['decrease', 'increase']), pairs: z.array(z.object({ row: key, previous: key })) }),
      z.object({ type: z.literal('product'), column: key, factors: z.tuple([key, key]), rounding, rows: z.array(key).optional() }),
      z.object({
        type: z.literal('rate'),
        column: key,
        count: keys,
        minus: keys.optional(),
        base: key,
        baseRow: key.optional(),
        scale: z.number().int().positive(),
        rounding,
        decimals: z.number().int().min(0).max(20).optional(),
        rows: z.array(key).optional(),
      }),
      z.object({ type: z.literal('average'), column: key, parts: z.array(key).min(1), minus: z.array(key).min(1).optional(), over: z.number().int().positive().max(1000).optional(), rounding, decimals: z.number().int().min(0).max(20).optional(), rows: z.array(key).optional() }),
      z.object({
        type: z.literal('row-average'), row: key, parts: z.array(key).min(2), columns: z.array(key).min(1), rounding, decimals: z.number().int().min(0).max(20).optional(),
        rates: z.array(z.object({ column: key, count: key, base: key, scale: z.number().int().positive(), rounding, of: z.enum(['sums', 'row']) })).optional(),
      }),
      z.object({
        type: z.literal('headline'),
        name: z.string().min(1),
        kind: z.enum(['count', 'rate', 'amount']),
        unit: moneyUnit.optional(),
        printed: cell,
        parts: z.array(z.object({ row: key, column: key })).min(1),
        partsRounded: z.boolean().optional(),
      }),
      z.object({ type: z.literal('numbering'), column: key, rows: z.array(key) }),
      z.object({ type: z.literal('inequality'), column: keys, op, than: keys, rows: z.array(key).optional() }),
      z.object({ type: z.literal('row-inequality'), row: key, op, than: key, columns: z.array(key).min(1) }),
      z.object({ type: z.literal('bound'), column: key, min: limit.optional(), max: limit.optional(), rows: z.array(key).optional() }),
      z.object({ type: z.literal('common-base'), count: key, rate: key, scale: z.number().int().positive(), rounding, rows: z.array(key).optional() }),
    ]),
  ),
  blankAs: z.enum(['missing', 'zero']).optional(),
  numberFormat: z.enum(['vi', 'en']).optional(),
  approximations: approximationsSchema.optional(),
});
