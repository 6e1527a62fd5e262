import { compareFractions } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import type { AttributionContext, PrintedFigure } from './_attributeIssues.js';
import { baseRangeOfRates } from './_baseRange.js';
import type { CellRef } from './printedTable.js';
import { plainDecimal, type ReconcileIssue } from './reconcileIssue.js';

/** A base found wrong through its rates: the rate findings it explains and the one finding at the base. */
export interface BaseUnderRates {
  readonly rates: readonly ReconcileIssue[];
  readonly finding: ReconcileIssue;
}

const key = (r: CellRef): string => `${r.row}\u0000${r.column}`;

/**
 * The bases whose every rate (× 100, of one count, in the base's row) breaks, two rates at least, while all of
 * them are right for one range of bases that leaves the printed base out: the base is then the wrong figure and
 * the rates follow from it. None when a rate on the base holds as printed, when another finding is at the base
 * or at a rate's count, or when the rates agree on no base (each rate may then be wrong itself).
 */
export function basesUnderRates(open: readonly ReconcileIssue[], ctx: AttributionContext): BaseUnderRates[] {
  const byBase = new Map<string, ReconcileIssue[]>();
  for (const r of open) {
    if (r.code !== 'rate-mismatch' || r.severity !== 'error' || r.cells.length !== 3 || r.cells[2]!.row !== r.cells[0]!.row) continue;
    const k = key(r.cells[2]!);
    byBase.set(k, [...(byBase.get(k) ?? []), r]);
  }
  const out: BaseUnderRates[] = [];
  const at = new Set(open.filter((i) => i.cells[0] !== undefined).map((i) => key(i.cells[0]!)));
  for (const rates of byBase.values()) {
    if (rates.length < 2) continue;
    const baseRef = rates[0]!.cells[2]!;
    const base = ctx.figure(baseRef);
    if (base === null || base.value.num <= 0n || at.has(key(baseRef))) continue;
    // every rate on the base is one of these (a rate that holds vouches for the printed base)
    const on = ctx.ratesOn?.(baseRef) ?? rates.map((r) => ({ rate: r.cells[0]!, count: r.cells[1]! }));
    const mine = new Set(rates.map((r) => key(r.cells[0]!)));
    if (on.length !== rates.length || on.some((x) => !mine.has(key(x.rate)))) continue;
    const figures = rates.map((r) => ({ r, rate: ctx.figure(r.cells[0]!), count: ctx.figure(r.cells[1]!) }));
    if (figures.some((f) => f.rate === null || f.count === null || at.has(key(f.r.cells[1]!)))) continue;
    const known = figures as { r: ReconcileIssue; rate: PrintedFigure; count: PrintedFigure }[];
    const range = baseRangeOfRates(known.map((f) => ({ rate: f.rate.value, decimals: f.rate.decimals, count: f.count.value, rounding: ctx.rounding(f.r.column) })), base.decimals);
    if (range === null || (compareFractions(range.min, base.value) <= 0 && compareFractions(base.value, range.max) <= 0)) continue;
    const shown = (v: typeof range.min): string => formatVnNumber(v, { decimals: base.decimals });
    const expected = compareFractions(range.min, range.max) === 0 ? shown(range.min) : `${shown(range.min)}–${shown(range.max)}`;
    const first = rates[0]!;
    const ratesText = known.map((f) => `${f.rate.text} (${f.r.column})`).join(' and ');
    const countsText = known.map((f) => `${f.r.cells[1]!.column} ${f.count.text}`).join(' and ');
    out.push({
      rates,
      finding: {
        ...first,
        rowKey: baseRef.row,
        column: baseRef.column,
        printed: base.text,
        expected,
        expectedExact: `${plainDecimal(range.min, base.decimals)}–${plainDecimal(range.max, base.decimals)}`,
        difference: null,
        shortcut: null,
        cells: [baseRef, ...rates.flatMap((r) => r.cells.slice(0, 2))],
        relationText: rates.map((r) => r.relationText).join('; '),
        message:
          `${first.row} · ${baseRef.column}: printed ${base.text}, expected ${expected} — the row's rates ${ratesText} are those of ${countsText} over any base ` +
          `from ${shown(range.min)} to ${shown(range.max)}, not over ${base.text}: the base is the wrong figure, the rates follow from it`,
      },
    });
  }
  return out;
}
