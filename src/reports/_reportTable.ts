import { deepFreeze } from '../_internal/_freeze.js';
import type { AreaRate } from '../areas/areaFigures.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import type { RoundingMode } from '../numbers/rounding.js';
import type { SpecColumnKind, SpecRelation, TableSpec } from '../reconcile/tableSpec.js';
import type { ReportTable } from './reportTable.js';
import { NOT_RECORDED } from './_report.js';

/** A column of a printed report: its key, kind and header path (top to bottom). @internal */
export interface ReportColumn {
  readonly key: string;
  readonly kind: SpecColumnKind;
  readonly header: readonly string[];
  readonly label?: true;
}

/** A count as printed: `16.194`. @internal */
export const countText = (n: number): string => formatVnNumber(n, { decimals: 0 });

/** A rate as printed: `0,70`, or `-` when it has no base. @internal */
export const rateText = (r: AreaRate | null): string => r?.printed ?? '-';

/** A group name as printed: `Chưa ghi nhận` for households that record none. @internal */
export const groupText = (g: string): string => (g === NOT_RECORDED ? 'Chưa ghi nhận' : g);

/**
 * A regular expression matching exactly this label (for a spec's row reference); a label that
 * starts like a spreadsheet formula (`=`, `+`, `-`, `@`) also matches with the `'` a CSV writer
 * puts in front of it so that a spreadsheet shows it as text. @internal
 */
export const exactLabel = (label: string): string => `^${/^'*[=+\-@\t\r]/u.test(label) ? "'?" : ''}${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** A Roman numeral (1 → `I`, 14 → `XIV`), as tables number their blocks. @internal */
export function roman(n: number): string {
  const digits: ReadonlyArray<readonly [number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, letters] of digits) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Upper-cases the first letter: `hộ nghèo` → `Hộ nghèo`. @internal */
export const capitalised = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The column pair of a count and its rate under a group header. @internal */
export function countAndRate(key: string, group: readonly string[], count = 'Số hộ', rate = 'Tỷ lệ (%)'): readonly ReportColumn[] {
  return [
    { key, kind: 'count', header: [...group, count] },
    { key: `${key}_rate`, kind: 'rate', header: [...group, rate] },
  ];
}

/**
 * Assembles a printed report: header rows from the columns' header paths (a shorter path's
 * last text repeated down, as a cell merged over rows reads), the data rows, and a spec whose
 * columns are matched by these headers (or the `declared` layout that reads them). @internal
 */
export function reportTable(
  title: string,
  columns: readonly ReportColumn[],
  rows: readonly (readonly string[])[],
  relations: readonly SpecRelation[],
  rates: { readonly rounding: RoundingMode },
  name: string,
  declared?: TableSpec,
): ReportTable {
  const depth = Math.max(...columns.map((c) => c.header.length));
  const padded = columns.map((c) => [...c.header, ...Array<string>(depth - c.header.length).fill(c.header[c.header.length - 1]!)]);
  const header = Array.from({ length: depth }, (_, r) => padded.map((p) => p[r]!));
  const spec: TableSpec = declared ?? {
    name,
    description: title,
    columns: columns.map((c) => ({ key: c.key, kind: c.kind, header: [...c.header], ...(c.label === true ? { label: true } : {}) })),
    header: { rows: depth },
    relations,
    rounding: rates.rounding,
  };
  return deepFreeze({ title, headerRows: depth, grid: [...header, ...rows], spec, kinds: columns.map((c) => c.kind) });
}
