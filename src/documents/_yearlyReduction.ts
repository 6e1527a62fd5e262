import { foldVietnamese } from '../text/foldVietnamese.js';
import { roundQuotient } from '../numbers/rounding.js';
import type { CellNumber } from './_cellNumber.js';
import type { AverageFit, Col } from './_columnRelations.js';

/** A header (folded) naming an average yearly change: “Giảm bình quân/năm”, “Bình quân mỗi năm giảm”, “Tăng BQ hằng năm”. */
const YEARLY_CHANGE = /\b(giam|tang)\b.*\b(binh quan|bq|trung binh)\b|\b(binh quan|bq|trung binh)\b.*\b(giam|tang)\b/;
const PER_YEAR = /\bnam\b/;
/** One year in a header (“đầu kỳ 2025”, “Mục tiêu 2030”), not a period (“2026-2030”). */
const ONE_YEAR = /(?:^|\D)((?:19|20)\d\d)(?!\d)/g;

const yearOf = (c: Col): number | null => {
  const years = [...foldVietnamese(c.header).matchAll(ONE_YEAR)].map((m) => Number(m[1]));
  return years.length === 1 ? years[0]! : null;
};

/**
 * The average yearly reductions a table prints beside its rate columns only: a rate column headed
 * “Giảm bình quân/năm (%)” beside the rate at the start (“Tỷ lệ hộ nghèo đầu kỳ 2025 (%)”) and the
 * target (“Mục tiêu 2030 (%)”) is `round((start − target) ÷ years)`, half-up to the decimals each cell
 * prints, the years those of the headers (2030 − 2025 = 5); “Tăng …” the other way. The start is the
 * rate column of the earliest year, the target that of the latest, each year printed once. The header
 * declares the relation, so half the rows (two at least) suffice.
 */
export function yearlyReductionRelations(figures: readonly Col[], rows: readonly number[], at: (j: number, c: number) => CellNumber | null): AverageFit[] {
  const out: AverageFit[] = [];
  const dated = figures.filter((c) => c.kind === 'rate' && !YEARLY_CHANGE.test(foldVietnamese(c.header)) && yearOf(c) !== null);
  for (const a of figures) {
    const header = foldVietnamese(a.header);
    if (a.kind !== 'rate' || !YEARLY_CHANGE.test(header) || !PER_YEAR.test(header) || yearOf(a) !== null) continue;
    const years = dated.map(yearOf) as number[];
    if (dated.length < 2 || new Set(years).size !== years.length) continue;
    const first = dated[years.indexOf(Math.min(...years))]!;
    const last = dated[years.indexOf(Math.max(...years))]!;
    const span = Math.max(...years) - Math.min(...years);
    // a reduction is the start less the target; a rise the target less the start
    const [from, minus] = /\btang\b/.test(header) && !/\bgiam\b/.test(header) ? [last, first] : [first, last];
    let holds = 0;
    let of = 0;
    const breaks: number[] = [];
    for (const j of rows) {
      const v = at(j, a.col);
      const x = at(j, from.col);
      const y = at(j, minus.col);
      if (v === null || x === null || y === null || v.qualifier !== null || x.qualifier !== null || y.qualifier !== null) continue;
      of++;
      const d = Math.max(x.decimals, y.decimals);
      const change = BigInt(x.units) * 10n ** BigInt(d - x.decimals) - BigInt(y.units) * 10n ** BigInt(d - y.decimals);
      if (roundQuotient(change * 10n ** BigInt(v.decimals), BigInt(span) * 10n ** BigInt(d), 'half-up') === BigInt(v.units)) holds++;
      else breaks.push(j);
    }
    if (of < 2 || holds < Math.max(2, Math.ceil(of / 2))) continue;
    out.push({
      relation: { type: 'average', column: a.key, parts: [from.key], minus: [minus.key], over: span, rounding: 'half-up' },
      text: `${a.key} = (${from.key} − ${minus.key}) ÷ ${span} (the yearly ${from === first ? 'reduction' : 'rise'} over ${Math.min(...years)}–${Math.max(...years)}, half-up, to the decimals printed)`,
      holds,
      of,
      breaks,
    });
  }
  return out;
}
