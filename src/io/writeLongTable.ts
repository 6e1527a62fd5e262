/**
 * Writes a long results table (measure, level, group, k, indicator, estimate, se, ci_lower,
 * ci_upper, n, population) to CSV or XLSX, the shape of mpitbR's `lframe`.
 */
import type { Decimal } from '../_internal/_decimal.js';
import type { Fraction } from '../numbers/fraction.js';
import type { RoundingMode } from '../numbers/rounding.js';
import type { LongTableRow } from '../measures/longTable.js';
import { writeTable, type TableColumn, type TableTarget, type TableWriterOptions } from './tableWriter.js';

/** Options of {@link writeLongTable}: the table writer's, plus the digits of the decimal columns. */
export interface WriteLongTableOptions extends TableWriterOptions<LongTableRow> {
  /** Decimal places of estimate_decimal, se, ci_lower and ci_upper (default 15), rounded half-even unless told. */
  readonly decimals?: number;
  readonly rounding?: RoundingMode;
}

const exact = (f: Fraction | null): string | null => (f === null ? null : f.den === 1n ? f.num.toString() : `${f.num}/${f.den}`);

/**
 * The columns of a long table: the exact estimate and population as text (`323/2268`), the
 * decimal columns as numbers with a fixed number of decimals.
 * @example
 * longTableColumns(15).map((c) => c.key).slice(0, 5) //=> ['measure', 'level', 'group', 'k', 'indicator']
 */
export function longTableColumns(decimals: number, rounding: RoundingMode = 'half-even'): ReadonlyArray<TableColumn<LongTableRow>> {
  const decimal = (key: string, vi: string, en: string, pick: (r: LongTableRow) => Decimal | null): TableColumn<LongTableRow> => ({ key, vi, en, kind: 'rate', decimals, rounding, value: pick });
  return [
    { key: 'measure', vi: 'Chỉ số', en: 'measure', kind: 'text', value: (r) => r.measure },
    { key: 'level', vi: 'Cấp phân tổ', en: 'level', kind: 'text', value: (r) => r.level },
    { key: 'group', vi: 'Nhóm', en: 'group', kind: 'text', value: (r) => r.group },
    { key: 'k', vi: 'Ngưỡng k (%)', en: 'k', kind: 'text', value: (r) => exact(r.k) },
    { key: 'indicator', vi: 'Chỉ tiêu', en: 'indicator', kind: 'text', value: (r) => r.indicator },
    { key: 'round', vi: 'Vòng khảo sát', en: 'round', kind: 'text', value: (r) => r.round },
    { key: 'change', vi: 'Thay đổi', en: 'change', kind: 'text', value: (r) => r.change },
    { key: 'estimate', vi: 'Ước lượng (chính xác)', en: 'estimate', kind: 'text', value: (r) => exact(r.estimate) },
    decimal('estimate_decimal', 'Ước lượng (thập phân)', 'estimate_decimal', (r) => r.estimateDecimal),
    decimal('se', 'Sai số chuẩn', 'se', (r) => r.se),
    decimal('ci_lower', 'Cận dưới', 'ci_lower', (r) => r.ciLower),
    decimal('ci_upper', 'Cận trên', 'ci_upper', (r) => r.ciUpper),
    { key: 'n', vi: 'Số đơn vị', en: 'n', kind: 'count', value: (r) => BigInt(r.n) },
    { key: 'population', vi: 'Quy mô dân số (có quyền số)', en: 'population', kind: 'text', value: (r) => exact(r.population) },
  ];
}

/**
 * Writes a long table to a CSV or XLSX file (by the extension) or a CSV text sink. Headers in
 * English by default (the names mpitbR uses), plain CSV numbers by default; the exact estimate
 * and the weighted population as fractions (`178/531`), the decimal columns with `decimals`
 * places (default 15, rounded half-even). Resolves to the number of rows written.
 *
 * @throws VnPovertyError as {@link writeTable}.
 * @example
 * await writeLongTable('results.xlsx', alkireFosterEstimates(data, options).rows) //=> 989
 */
export async function writeLongTable(target: TableTarget, rows: Iterable<LongTableRow>, options: WriteLongTableOptions = {}): Promise<number> {
  const { decimals, rounding, ...writer } = options;
  return writeTable(target, longTableColumns(decimals ?? 15, rounding ?? 'half-even'), rows, { headers: 'en', numbers: 'plain', ...writer });
}
