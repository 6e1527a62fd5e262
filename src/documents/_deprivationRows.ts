import { dimensionsOf, ND07_2021_INDICATORS, ND351_2025_INDICATORS, QD59_2015_INDICATORS } from '../standards/indicators.js';
import { foldVietnamese } from '../text/foldVietnamese.js';

/** The names (folded) of the deprivation indicators and of their dimensions, of every built-in standard. */
const NAMES: ReadonlySet<string> = new Set(
  [ND07_2021_INDICATORS, QD59_2015_INDICATORS, ND351_2025_INDICATORS].flatMap((set) => [...set.map((i) => i.nameVi), ...dimensionsOf(set).map((d) => d.nameVi)]).map(foldVietnamese),
);

/** “Thiếu hụt về việc làm”, “Số hộ thiếu hụt nhà tiêu hợp vệ sinh”, “Việc làm (hộ)”: the indicator's own name, folded. */
function indicatorName(label: string): string {
  return foldVietnamese(label)
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/^(so ho |ho )?thieu hut( ve| chi so)?\s+/, '')
    .replace(/^(chi so|chieu)\s+/, '')
    .replace(/[.:;,]+$/, '')
    .trim();
}

/**
 * Whether rows are the deprivation indicators (or dimensions) of a poverty standard: three or more
 * rows, at least half of them named as NĐ 07/2021 or another standard names an indicator (“Việc
 * làm”, “Nhà tiêu hợp vệ sinh”, “Thiếu hụt về bảo hiểm y tế”). A household is deprived in several
 * at once, so such rows overlap and never add up to the households above them: each is at most that
 * number, not a part of its sum.
 * @example
 * deprivationIndicatorRows(['Việc làm', 'Dinh dưỡng', 'Bảo hiểm y tế']) //=> true
 * deprivationIndicatorRows(['Xã An Phú', 'Xã Bình Hòa', 'Xã Tân Lợi']) //=> false
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b) (the indicators of the basic social services)
 */
export function deprivationIndicatorRows(labels: readonly string[]): boolean {
  if (labels.length < 3) return false;
  return labels.filter((l) => NAMES.has(indicatorName(l))).length * 2 >= labels.length;
}
