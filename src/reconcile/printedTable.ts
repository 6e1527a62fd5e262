import * as z from 'zod';
import type { MoneyUnit } from '../numbers/money.js';
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
}

/** One row of a {@link PrintedTable}. */
export interface TableRow {
  /** Stable key used by relations, e.g. the CSV line number `'3'`. Unique in the table. */
  readonly key: string;
  /** The row as printed (the unit's name), used in issues and messages. */
  readonly label: string;
  /** Cells by column key; a missing key is a blank cell. */
  readonly cells: Readonly<Record<string, PrintedCell>>;
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
 * A column is a difference, row by row: `row[column] = row[from] − Σ row[minus]`
 * (households remaining = poor at the start − planned exits).
 */
export interface DifferenceRelation {
  readonly type: 'difference';
  readonly column: string;
  readonly from: string;
  readonly minus: readonly string[];
  readonly rows?: readonly string[];
}

/**
 * A column is a rate, row by row: `row[column] = round(row[count] ÷ row[base] × scale)`
 * to the decimals the cell is printed with (or `decimals` when given), with the named rounding.
 */
export interface RateRelation {
  readonly type: 'rate';
  readonly column: string;
  readonly count: string;
  readonly base: string;
  /** 100 for a percentage (the default is not assumed: say it). */
  readonly scale: number;
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

/** A declared relation between printed cells. */
export type TableRelation = RowTotalRelation | ColumnTotalRelation | DifferenceRelation | RateRelation | HeadlineRelation | NumberingRelation;

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
}

const cell = z.union([z.string(), z.number(), z.bigint(), z.null()]);
const key = z.string().min(1);
const rounding = z.enum(ROUNDING_MODES as unknown as [RoundingMode, ...RoundingMode[]]);
const moneyUnit = z.enum(['dong', 'nghin', 'trieu', 'ty']);

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
      }),
    )
    .min(1),
  // cells are checked one by one in reconcileTable (cheaper than a union per cell)
  rows: z.array(z.object({ key, label: z.string(), cells: z.record(z.string(), z.unknown()) })),
  relations: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('row-total'), row: key, parts: z.array(key), columns: z.array(key).min(1), partsRounded: z.boolean().optional() }),
      z.object({ type: z.literal('column-total'), column: key, parts: z.array(key), rows: z.array(key).optional(), partsRounded: z.boolean().optional() }),
      z.object({ type: z.literal('difference'), column: key, from: key, minus: z.array(key), rows: z.array(key).optional() }),
      z.object({
        type: z.literal('rate'),
        column: key,
        count: key,
        base: key,
        scale: z.number().int().positive(),
        rounding,
        decimals: z.number().int().min(0).max(20).optional(),
        rows: z.array(key).optional(),
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
    ]),
  ),
  blankAs: z.enum(['missing', 'zero']).optional(),
});
