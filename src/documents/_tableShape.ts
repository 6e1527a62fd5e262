import { foldVietnamese } from '../text/foldVietnamese.js';
import type { DocumentCell, DocumentTable } from './documentModel.js';
import { splitCountRateColumns, type ColumnOrigin } from './_countRateCells.js';

/** A table as table understanding reads it, and how it was reshaped from the printed one. */
export interface ShapedTable {
  readonly table: DocumentTable;
  /** True when the printed table has indicators as rows and periods as columns, read here transposed. */
  readonly transposed: boolean;
  /** Printed columns left out of a transposed table (a column of row numbers before the indicators): 0 or 1. */
  readonly skippedColumns: number;
  /** Printed rows left out of a transposed table: the title and unit lines above its header (a CSV or sheet keeps them in the grid). */
  readonly skippedRows: number;
  /** True when its figures were printed in the English format (`412204.00`, `1,234.5`) and are read here in Vietnamese. */
  readonly english: boolean;
  /**
   * Per column of the table read, where it is printed (for a transposed table: the column of the
   * transposed table, that is the printed row less `skippedRows`), when some column holds a count and
   * its rate in each cell (“125 (4,50%)”) and is read as two; else null (each column its own).
   */
  readonly origins: readonly ColumnOrigin[] | null;
  /** Headers of the printed columns comparing the periods (“So sánh (%)”, “Tỷ lệ đạt (%)”) left out of a transposed table, last in it: not checked. */
  readonly comparisons: readonly string[];
}

const PERIOD = /^(nam |giai doan |gd |ke hoach |kh |uoc |thuc hien |th )?((19|20)\d\d)( ?[-–] ?(19|20)?\d\d)?$/;
const EN_DECIMAL = /^-?\d+\.(\d{1,2}|\d{4,})$|^-?\d{1,3}(,\d{3})+\.\d+$/;
const VI_DECIMAL = /^-?\d+,\d+$|^-?\d{1,3}(\.\d{3})+,\d+$/;
const EN_FIGURE = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;

const SPACED = /^-?\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[,.]\d+)?\s*%?$/;
const ROW_NUMBER = /^(\d{1,3}(\.\d{1,2})*\.?|[IVXLC]+\.?|[a-zđA-ZĐ][.)]?)$/;
const textOf = (c: DocumentCell | undefined): string => (c === undefined ? '' : c.text.trim());

/**
 * Reads a table the way its figures and axes are printed: figures in the English format (some
 * provincial portals print `412204.00` and `15.40`; no cell a Vietnamese decimal) are rewritten in
 * Vietnamese, and a table of indicators by period (“Chỉ tiêu | ĐVT | 2016 | 2017 …”: rows are
 * indicators, columns are years) is transposed so that each indicator is a column and each period
 * a row: its rates and totals are then inferred like any other table's. With `guessFormat` false
 * the figures are left as printed (no English format guessed, no space grouping rewritten: the
 * cell reader reads it, and a finding shows the figure as printed): the caller states the format
 * (`reconcile --number-format`). A column printing a count and its rate in each cell (“125 (4,50%)”,
 * “4,50% (125 hộ)”) is read as two columns, `origins` telling where each is printed.
 */
export function shapeTable(table: DocumentTable, guessFormat = true): ShapedTable {
  // a column of row numbers (“1.1”, “1.2”, “II”) is neither evidence of the English format nor rewritten
  const numbering = new Set<number>();
  for (let c = 0; c < table.columns; c++) {
    const own = table.rows.slice(1).map((r) => textOf(r[c])).filter((t) => t !== '');
    if (own.length > 0 && own.filter((t) => ROW_NUMBER.test(t)).length >= own.length * 0.6) numbering.add(c);
  }
  const cells = table.rows.flatMap((r) => r.filter((_, c) => !numbering.has(c)).map(textOf)).filter((t) => t !== '');
  // English only when several figures say so and none is a Vietnamese decimal: one typo (“12.34”) does not flip a table
  const separated = cells.filter((t) => /\d[.,]\d/.test(t));
  const hits = separated.filter((t) => EN_DECIMAL.test(t.replace(/%$/, ''))).length;
  const english = guessFormat && hits >= Math.max(2, separated.length * 0.3) && !cells.some((t) => VI_DECIMAL.test(t.replace(/%$/, '')));
  let spaced = false;
  let rows: DocumentCell[][] = table.rows.map((r) =>
    r.map((c, i) => {
      const t = c.text.trim();
      // thousands grouped with spaces (“12 000”, Word's no-break and thin spaces) are grouped with “.”
      if (guessFormat && SPACED.test(t)) {
        spaced = true;
        return { ...c, text: groupedWithDots(t) };
      }
      return english && !numbering.has(i) && EN_FIGURE.test(t) ? { ...c, text: t.replace(/[.,]/g, (m) => (m === '.' ? ',' : '.')) } : c;
    }),
  );
  // a column of row numbers before the indicators (“TT | Chỉ tiêu | ĐVT | Năm 2021 …”) numbers the indicators: left out
  // when some indicator is a rate (“Tỷ lệ hộ nghèo”, a unit “%”): rows of like counts (“Số hộ thoát nghèo”,
  // “Số hộ tái nghèo” by year, with the period's total) are checked across as printed
  // the title and unit lines a grid keeps above the header (one cell each) are not indicators
  // a title merged across the sheet is one text, printed once
  let lead = 0;
  while (lead < Math.min(4, rows.length - 3) && rows[lead]!.filter((c, col) => textOf(c) !== '' && !coveredAt(c, lead, col)).length <= 1) lead++;
  // periods printed under a header over them (“Năm” or “Giai đoạn 2021–2025” over “2021 | 2022 | …”) name the columns
  // — read as one header row only for indicators by period among which a rate is (a budget by year is read as printed)
  const grouped = periodsUnderGroup(rows, lead);
  const collapsed = grouped === null ? null : [grouped, ...rows.slice(lead + 2)];
  const underGroup = collapsed !== null && collapsed.slice(1).some((r) => r.slice(0, 3).some((c) => RATE_INDICATOR.test(foldVietnamese(textOf(c))))) && (isIndicatorTable(collapsed) || isIndicatorTable(collapsed.map((r) => r.slice(1))));
  const body = underGroup ? collapsed : rows.slice(lead);
  const skippedColumns = numbering.has(0) && body.length > 0 && isIndicatorTable(body.map((r) => r.slice(1))) && body.slice(1).some((r) => r.slice(1, 3).some((c) => RATE_INDICATOR.test(foldVietnamese(textOf(c))))) ? 1 : 0;
  const transposed = skippedColumns === 1 || isIndicatorTable(body);
  // the period row read into the header row is one more printed row before the indicators' figures
  const skippedRows = transposed ? lead + (underGroup ? 1 : 0) : 0;
  // the columns comparing the periods, last (“So sánh (%)”, “Tỷ lệ đạt (%)”), would be rows of ratios of rows: left out
  let kept = body[0]?.length ?? 0;
  if (transposed) while (kept > skippedColumns + 2 && COMPARISON.test(foldVietnamese(textOf(body[0]![kept - 1])))) kept--;
  const comparisons = transposed ? body[0]!.slice(kept).map(textOf) : [];
  if (transposed) rows = body[0]!.slice(skippedColumns, kept).map((_, c) => body.map((r) => plain(r[c + skippedColumns]!)));
  // a count and its rate printed in one cell (“125 (4,50%)”) are read as two columns; in a transposed table
  // the printed row of such cells becomes a column of the table read, split like any other
  const split = splitCountRateColumns({ ...table, rows, columns: rows[0]?.length ?? 0 });
  if (split !== null) return { table: split.table, transposed, english, skippedColumns, skippedRows, origins: split.origins, comparisons };
  if (!english && !transposed && !spaced) return { table, transposed, english, skippedColumns, skippedRows, origins: null, comparisons };
  return { table: { ...table, rows, columns: rows[0]?.length ?? 0 }, transposed, english, skippedColumns, skippedRows, origins: null, comparisons };
}

/** The note of the columns comparing the periods a transposed table leaves out. */
export function comparisonsNote(headers: readonly string[]): string {
  const many = headers.length > 1;
  return `column${many ? 's' : ''} ${headers.map((h) => `“${h}”`).join(', ')} compare${many ? '' : 's'} the periods: left out of the transposed reading, not checked`;
}

/** “12 000”, “12 000,5”, “12 000.5 %”: with spaces grouping the thousands, the one mark left is the decimal one. */
function groupedWithDots(t: string): string {
  const m = /^(-?)([\d \u00A0\u202F]+?)(?:[,.](\d+))?(\s*%)?$/.exec(t)!;
  return `${m[1]}${m[2]!.split(/[ \u00A0\u202F]/).join('.')}${m[3] === undefined ? '' : `,${m[3]}`}${m[4] ?? ''}`;
}

/** An indicator that is a rate (folded): “Tỷ lệ hộ nghèo (%)”, a unit “%”. */
const RATE_INDICATOR = /^(ty le\b|%$)/;

/** True when the cell at row `r`, column `c` is covered by a merge whose first cell is elsewhere. */
function coveredAt(cell: DocumentCell, r: number, c: number): boolean {
  return cell.mergedInto !== undefined && (cell.mergedInto.row !== r || cell.mergedInto.col !== c);
}

/**
 * Two header rows read as one: the periods printed in the second (“2021 | 2022 | …”, “Năm 2024”)
 * under one header over them in the first (“Năm”, “Giai đoạn 2021–2025”, merged across or left
 * blank after its first cell), every other column's header printed in the first row and merged
 * down (or the cell below left blank). The row names each period column by its period and the
 * others by their header; null when the rows are not so printed.
 */
function periodsUnderGroup(rows: readonly (readonly DocumentCell[])[], top: number): DocumentCell[] | null {
  const upper = rows[top];
  const lower = rows[top + 1];
  if (upper === undefined || lower === undefined || rows.length < top + 4) return null;
  const periods = lower.map((c, col) => !coveredAt(c, top + 1, col) && (PERIOD.test(foldVietnamese(textOf(c))) || PLAN_OR_RESULT.test(foldVietnamese(textOf(c)))));
  const first = periods.indexOf(true);
  if (first < 1 || periods.filter(Boolean).length < 2) return null;
  const out: DocumentCell[] = [];
  for (let col = 0; col < upper.length; col++) {
    const up = upper[col]!;
    const down = lower[col]!;
    if (periods[col]!) {
      // under the group: its cell in the first row is the group's (merged into it, or blank after it)
      if (col > first && textOf(up) !== textOf(upper[first]) && textOf(up) !== '') return null;
      out.push(plain(down));
    } else {
      // a column of its own: its header above, merged down or the cell below blank; after the periods, only a comparison or the period's total
      if ((col > first && !COMPARISON.test(foldVietnamese(textOf(up))) && !/^(tong|cong|ca giai doan)\b/.test(foldVietnamese(textOf(up)))) || textOf(up) === '' || (textOf(down) !== '' && !coveredAt(down, top + 1, col))) return null;
      out.push(plain(up));
    }
  }
  return out;
}

/** A merge does not survive a transposition: each cell keeps its own text. */
function plain(c: DocumentCell): DocumentCell {
  return { text: c.text, rowSpan: 1, colSpan: 1 };
}

/** A column of a plan or its result (folded): “Kế hoạch”, “Thực hiện năm 2025”, “Ước TH”, “Kết quả”. */
const PLAN_OR_RESULT = /^(ke hoach|kh|thuc hien|th|uoc thuc hien|uoc th|uoc|ket qua)( (nam )?(19|20)\d\d)?$/;
const COUNT_UNIT = /^(ho|nguoi|khau|nhan khau|lao dong)$/;

/** A column comparing the periods or the plan and its result (folded): “So sánh (%)”, “Tỷ lệ đạt (%)”, “Tăng/giảm so với năm trước”, “2025 so với 2024 (%)”. */
const COMPARISON = /^(so sanh|ty le dat|ty le thuc hien|ty le hoan thanh|tang\/giam|tang, giam|tang giam|tang \(\+\)|toc do|chenh lech)|\bso voi\b/;
const UNIT_HEADER = /^(dvt|don vi tinh|don vi)$/;

/** The unit a row's label names (folded) when the table has no unit column: “Tỷ lệ hộ nghèo (%)” → “%”, “Số hộ nghèo” → “ho”. */
function unitOfLabel(label: string): string {
  if (/\(%\)|^ty le\b|\bty le\b.*%/.test(label)) return '%';
  if (/\((ho|nguoi|khau)\)$/.test(label)) return /\((\w+)\)$/.exec(label)![1]!;
  if (/^(tong so ho|so ho|ho)\b/.test(label)) return 'ho';
  if (/^(tong so |so )?(nguoi|khau|nhan khau|lao dong)\b/.test(label)) return 'nguoi';
  return '';
}

/**
 * Two or more columns of periods or of a plan and its result (“Năm 2024 | Năm 2025”, “Kế hoạch |
 * Thực hiện”), perhaps with one or two columns comparing them (“So sánh (%)”, “Tỷ lệ đạt (%)”),
 * after a unit column — or none, the labels naming their units (“Tỷ lệ hộ nghèo (%)”, “Số hộ
 * nghèo”) — in which some indicators are rates (“%”) and two or more are counts (“hộ”): rows that
 * are the rates of other rows, read transposed like a longer series.
 */
function ratesOfRows(rows: readonly (readonly DocumentCell[])[], head: readonly string[], first: number): boolean {
  const figures = head.slice(first);
  const periods = figures.filter((t) => PERIOD.test(t) || PLAN_OR_RESULT.test(t)).length;
  const comparisons = figures.filter((t) => COMPARISON.test(t)).length;
  if (periods < 2 || comparisons > 2 || periods + comparisons !== figures.length) return false;
  const unitColumn = first === 2 && UNIT_HEADER.test(head[1]!);
  if (first === 2 && !unitColumn) return false;
  const units = rows.slice(1).map((r) => (unitColumn ? foldVietnamese(textOf(r[1])) : unitOfLabel(foldVietnamese(textOf(r[0])))));
  return units.some((u) => u === '%') && units.filter((u) => COUNT_UNIT.test(u)).length >= 2;
}

/** The header of a column of indicators (folded): “Chỉ tiêu”, “Nội dung”, “Tiêu chí”. */
const INDICATORS = /^(chi tieu|noi dung|tieu chi|danh muc|chi so|nhom chi tieu)\b/;
/** A column of a place (folded): “Xã An Phú”, “Phường 1”, “Huyện A”, or the whole area's: “Toàn huyện”, “Tổng cộng”. */
const PLACE = /^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tp|tinh|thon|ban|ap|to dan pho|khu pho|toan (xa|huyen|tinh|thi xa|thanh pho|quan)|tong|tong cong|cong)\b/;

/**
 * Places as columns: “Chỉ tiêu | (ĐVT |) Xã A | Xã B | Xã C | Toàn huyện”, three or more places
 * (the whole area's among them or not) after a column headed as indicators.
 */
function placesAsColumns(head: readonly string[]): boolean {
  if (!INDICATORS.test(head[0]!)) return false;
  const first = /^(dvt|don vi tinh|don vi)$/.test(head[1] ?? '') ? 2 : 1;
  const rest = head.slice(first);
  return rest.length >= 3 && rest.every((t) => PLACE.test(t));
}

/** The first row names three or more periods (or places, {@link placesAsColumns}) after one or two label columns (or two or more with rates of rows, {@link ratesOfRows}), and every other row starts with a name. */
function isIndicatorTable(rows: readonly (readonly DocumentCell[])[]): boolean {
  if (rows.length < 3) return false;
  const head = rows[0]!.map((c) => foldVietnamese(textOf(c)));
  if (placesAsColumns(head)) return rows.slice(1).every((r) => !/^-?[\d.,]+%?$/.test(textOf(r[0])));
  const first = head.findIndex((t) => PERIOD.test(t) || PLAN_OR_RESULT.test(t));
  if (first < 1 || first > 2) return false;
  const periods = head.slice(first).filter((t) => PERIOD.test(t) || /^(tong|cong|tong so|ca giai doan)\b/.test(t));
  if ((periods.length < 3 || periods.length < head.length - first - 1) && !ratesOfRows(rows, head, first)) return false;
  return rows.slice(1).every((r) => {
    const label = textOf(r[0]);
    return label === '' || !/^-?[\d.,]+%?$/.test(label);
  });
}
