/**
 * Dimension headers over indicator columns: a register printed with the six services of the
 * standard (`Việc làm`, `Y tế`, `Giáo dục`, `Nhà ở`, `Nước sinh hoạt và vệ sinh`, `Thông tin`)
 * merged over their indicators' short names. The sub-header names the indicator; the dimension
 * above it confirms it, and an indicator under another dimension is refused naming the column. @internal
 */
import { fail } from '../errors/VnPovertyError.js';
import type { DimensionId } from '../standards/indicators.js';
import { POVERTY_STANDARDS } from '../standards/standards.js';
import { normalizeHeader } from './columns.js';

/** Folded dimension names of every standard, and the wordings provinces print for them. */
const DIMENSION_OF_NAME: ReadonlyMap<string, DimensionId> = (() => {
  const names = new Map<string, DimensionId>();
  for (const s of POVERTY_STANDARDS) for (const d of s.dimensions) names.set(normalizeHeader(d.nameVi), d.id);
  const printed: ReadonlyArray<readonly [string, DimensionId]> = [
    ['nước sạch và vệ sinh', 'water-sanitation'],
    ['nước và vệ sinh', 'water-sanitation'],
    ['nước sinh hoạt và vệ sinh môi trường', 'water-sanitation'],
    ['tiếp cận thông tin', 'information'],
    ['tiếp cận dịch vụ y tế', 'health'],
  ];
  for (const [name, id] of printed) names.set(normalizeHeader(name), id);
  return names;
})();

/** The indicator ids of every standard, with the dimension each measures. */
const DIMENSION_OF_INDICATOR: ReadonlyMap<string, DimensionId> = new Map(POVERTY_STANDARDS.flatMap((s) => s.indicators.map((i) => [i.id as string, i.dimension] as const)));

/**
 * The dimension a group header names (`Y tế`, `3. Giáo dục`, `Nước sinh hoạt và vệ sinh`), in any
 * case, with or without diacritics; undefined for any other header.
 */
export function dimensionOfGroup(text: string): DimensionId | undefined {
  const folded = normalizeHeader(text).replace(/^(?:[ivx]+|\d{1,2}|[a-f])[.)]\s*/, '').replace(/\s+/g, ' ').trim();
  return DIMENSION_OF_NAME.get(folded);
}

/**
 * Refuses an indicator column printed under the header of another dimension (`Nhà tiêu hợp vệ
 * sinh` under `Y tế`): the header rows disagree on what the column is, so its marks are not read.
 * @param groups - for each column, the dimension header printed over it (undefined: none)
 * @param flagIndex - the indicator each matched flag column names, by key (`flag:latrine` → column)
 * @throws VnPovertyError `wrong-dimension` naming the column, its header and both dimensions.
 */
export function refuseWrongDimensions(
  groups: ReadonlyArray<string | undefined>,
  flagIndex: ReadonlyArray<readonly [key: string, column: number]>,
  header: ReadonlyArray<unknown>,
  label: string | undefined,
  headerRows: readonly number[],
): void {
  for (const [key, column] of flagIndex) {
    const group = groups[column];
    if (group === undefined) continue;
    const over = dimensionOfGroup(group);
    const id = key.slice('flag:'.length);
    const of = DIMENSION_OF_INDICATOR.get(id);
    if (over === undefined || of === undefined || over === of) continue;
    const text = String(header[column] ?? '');
    fail({
      code: 'wrong-dimension',
      path: label !== undefined ? [label, headerRows[0]!, text] : [headerRows[0]!, text],
      value: group,
      expected: `the indicator ${id} under its own dimension (${of})`,
      message: `${label !== undefined ? `${label}, ` : ''}rows ${headerRows.join('–')}: column ${column + 1} (${text}) names the indicator ${id}, of the dimension ${of}, but is printed under “${group}” (${over}): correct the header (which dimension, or which indicator?) so its marks can be read`,
    });
  }
}
