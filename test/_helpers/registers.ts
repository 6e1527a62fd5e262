/**
 * Review-form columns of an invented register under NĐ 07/2021/NĐ-CP (its 12 indicators, Art. 3
 * cl. 1(b) and Appendix): headers `Deprived: <id>` and cells `có` / `không`.
 */
export const FLAG_IDS_2021 = ['employment', 'dependants', 'nutrition', 'health-insurance', 'adult-education', 'school-attendance', 'housing-quality', 'housing-area', 'water-source', 'latrine', 'telecom', 'information-devices'];

/** The flag headers of {@link FLAG_IDS_2021}. */
export const FLAG_HEADERS_2021 = FLAG_IDS_2021.map((id) => `Deprived: ${id}`);

/** The flag cells of a household deprived in exactly `deprived`. */
export function flagCells(deprived: readonly string[]): string[] {
  return FLAG_IDS_2021.map((id) => (deprived.includes(id) ? 'có' : 'không'));
}
