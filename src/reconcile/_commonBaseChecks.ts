import { compareFractions, fraction, type Fraction } from '../numbers/fraction.js';
import { divideIntervals, formatInterval, intersectIntervals, intervalContains, interval, scaleInterval, type Interval } from '../numbers/interval.js';
import type { RoundingMode } from '../numbers/rounding.js';
import type { CheckContext, Indexed } from './_checkContext.js';
import { rateInterval } from './_rateChecks.js';
import { intervalText } from './_sumChecks.js';
import type { CellRef, TableRelation } from './printedTable.js';

/** Rows whose count ÷ rate × scale must share one base. */
export interface CommonBaseCheck {
  readonly kind: 'common-base';
  readonly rows: readonly { readonly count: CellRef; readonly rate: CellRef }[];
  readonly scale: bigint;
  readonly rounding: RoundingMode;
}

/** The common-base check a relation declares. */
export function commonBaseChecks(rel: TableRelation, ix: Indexed): CommonBaseCheck[] {
  if (rel.type !== 'common-base') return [];
  const rows = (rel.rows ?? ix.table.rows.map((r) => r.key)).map((row) => ({ count: { row, column: rel.count }, rate: { row, column: rel.rate } }));
  return [{ kind: 'common-base', rows, scale: BigInt(rel.scale), rounding: rel.rounding }];
}

const mid = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den + b.num * a.den, 2n * a.den * b.den);

/** The intervals most of `list` share (null when no single region is held by more than any other). */
function bestSupported(list: readonly Interval[]): Interval | null {
  const ends = list.flatMap((i) => [i.low?.value, i.high?.value]).filter((v): v is Fraction => v !== undefined).sort(compareFractions);
  const probes: Fraction[] = [...ends];
  for (let k = 0; k + 1 < ends.length; k++) probes.push(mid(ends[k]!, ends[k + 1]!));
  if (ends.length > 0) probes.push(fraction(ends[0]!.num - ends[0]!.den, ends[0]!.den), fraction(ends[ends.length - 1]!.num + ends[ends.length - 1]!.den, ends[ends.length - 1]!.den));
  let best = 0;
  let sets: number[][] = [];
  for (const p of probes) {
    const holding = list.map((i, n) => (intervalContains(i, p) ? n : -1)).filter((n) => n >= 0);
    if (holding.length > best) {
      best = holding.length;
      sets = [holding];
    } else if (holding.length === best && best > 0 && !sets.some((s) => s.join() === holding.join())) sets.push(holding);
  }
  if (sets.length !== 1) return null;
  return sets[0]!.map((n) => list[n]!).reduce<Interval | null>((acc, i) => (acc === null ? null : intersectIntervals(acc, i)), interval(null, null));
}

/** Checks that the rows' implied bases meet; flags the rows that fit no base most rows share. */
export function checkCommonBase(check: CommonBaseCheck, ctx: CheckContext): void {
  const implied: { count: CellRef; rate: CellRef; base: Interval; decimals: number }[] = [];
  for (const r of check.rows) {
    const values = ctx.readAll([r.count, r.rate]);
    if (values === null) continue;
    const [count, rate] = values as [NonNullable<typeof values>[number], NonNullable<typeof values>[number]];
    const allowed = intersectIntervals(rateInterval(rate, rate.decimals, check.rounding), interval(0, null, { lowOpen: true }));
    if (allowed === null) continue; // a zero rate implies no base
    implied.push({ ...r, base: scaleInterval(divideIntervals(count.interval, allowed), fraction(check.scale)), decimals: count.decimals });
  }
  if (implied.length < 2) return;
  const all = implied.map((i) => i.base).reduce<Interval | null>((acc, i) => (acc === null ? null : intersectIntervals(acc, i)), interval(null, null));
  if (all !== null) return;
  const best = bestSupported(implied.map((i) => i.base));
  const { label, read } = ctx;
  for (const row of implied) {
    if (best !== null && intersectIntervals(row.base, best) !== null) continue;
    const shown = formatInterval(row.base, { decimals: 1 });
    const others = best === null ? 'no base shared by more rows than another' : `most rows share ${formatInterval(best, { decimals: 1 })}`;
    ctx.push({
      code: 'no-common-base',
      severity: 'error',
      row: label(row.rate.row),
      rowKey: row.rate.row,
      column: row.rate.column,
      relation: 'common-base',
      relationText: `${row.count.column} ÷ ${row.rate.column} × ${check.scale} is one base in every row`,
      printed: read(row.rate).text,
      expected: best === null ? null : formatInterval(best, { decimals: 1 }),
      expectedExact: best === null ? null : intervalText(best),
      difference: null,
      shortcut: null,
      cells: [row.rate, row.count],
      message: `${label(row.rate.row)} · ${row.rate.column}: ${read(row.count).text} at ${read(row.rate).text} implies a base of ${shown}; ${others}`,
    });
  }
}
