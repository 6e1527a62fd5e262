import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { fraction, type Fraction } from '../numbers/fraction.js';
import { roundQuotient, ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import { readCell } from './_printedCell.js';
import { assertOptions } from '../errors/assertOptions.js';

/** A count printed with a rounded rate but no base: “1,95% (tương đương 139 hộ)”. */
export interface CountRatePair {
  /** What the pair is, e.g. `'poor, ethnic minority, July 2022'`. */
  readonly label: string;
  /** The count (households), a whole number ≥ 0, or its printed text. */
  readonly count: number | string;
  /** The rate as printed (`'1,95'`, `'1,95%'`); its decimals are the decimals printed. */
  readonly rate: string;
}

/** Options of {@link inferCommonBase}. */
export interface InferCommonBaseOptions {
  /** How the printed rates were rounded (official tables: `'half-up'`). */
  readonly rounding: RoundingMode;
}

/** The whole bases (inclusive) a pair allows; `max` is null when unbounded. */
export interface BaseInterval {
  readonly min: number;
  readonly max: number | null;
}

/** One pair with the bases it allows. */
export interface PairBases {
  readonly label: string;
  readonly count: number;
  readonly rate: string;
  /** The bases b for which round(count ÷ b × 100) prints as the rate; null when none does. */
  readonly bases: BaseInterval | null;
  /** False when this pair does not fit the base most pairs agree on. */
  readonly fits: boolean;
}

/** Result of {@link inferCommonBase}. */
export interface CommonBaseInference {
  readonly pairs: readonly PairBases[];
  /** The bases every pair allows, or null when no single base satisfies them all. */
  readonly common: BaseInterval | null;
  /** The bases the largest number of pairs allow (equal to `common` when all agree); null when no set of pairs is larger than every other. */
  readonly best: BaseInterval | null;
  /** Labels of the pairs that no base shared with the others can satisfy (every pair when there is no majority). */
  readonly outliers: readonly string[];
}

const pairSchema = z.object({
  label: z.string().min(1),
  count: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  rate: z.string().min(1),
});
const schema = z.object({
  pairs: z.array(pairSchema).min(1),
  rounding: z.enum(ROUNDING_MODES as unknown as [RoundingMode, ...RoundingMode[]]),
});

/**
 * The whole bases `b ≥ 1` for which `round(count ÷ b × 100, decimals)` equals the printed
 * rate (`scaled` = rate × 10^decimals). Rounding is monotone in b, so the answer is one
 * interval (or none); both edges are found by binary search, exactly.
 */
function basesFor(count: bigint, scaled: bigint, scale: bigint, rounding: RoundingMode): BaseInterval | null {
  const top = count * 100n * scale;
  const f = (b: bigint): bigint => roundQuotient(top, b, rounding);
  // beyond this base the exact rate is below half a unit: it prints as 0 (or 1 when rounding up)
  const limit = top * 2n + 2n;
  const firstAtMost = (t: bigint): bigint | null => {
    if (t < 0n || f(limit) > t) return null;
    let lo = 1n;
    let hi = limit;
    while (lo < hi) {
      const mid = (lo + hi) / 2n;
      if (f(mid) <= t) hi = mid;
      else lo = mid + 1n;
    }
    return lo;
  };
  const min = firstAtMost(scaled);
  if (min === null || f(min) !== scaled) return null;
  const next = firstAtMost(scaled - 1n);
  return { min: Number(min), max: next === null ? null : Number(next - 1n) };
}

/**
 * Where a document prints counts with rounded rates but not the base they share
 * (seed 000: “Tỷ lệ hộ nghèo là 1,5%, (tương đương 697 hộ)”), works out for each pair the
 * whole bases that print that rate, intersects them, and flags the pairs that no base
 * shared with the others can satisfy. When the pairs disagree, the bases most pairs allow are
 * kept (`best`) and the rest are `outliers`; when no set of pairs outnumbers the others (two
 * pairs that disagree), `best` is null and every pair is an outlier.
 *
 * @param pairs - counts with their printed rates; a rate's decimals are those printed.
 * @param options - the rounding the document used.
 * @returns a deep-frozen inference.
 * @throws VnPovertyError `invalid-input`, or `unparseable-pair` naming the pair whose count or rate cannot be read.
 * @example
 * inferCommonBase([{ label: 'poor', count: 642, rate: '1,06' }, { label: 'near-poor', count: 382, rate: '0,63' }], { rounding: 'half-up' }).common
 * //=> { min: 60_282, max: 60_853 }
 * @see poverty-rate-reporting §2 (all rates of an area imply the same denominator)
 */
export function inferCommonBase(pairs: ReadonlyArray<CountRatePair>, options: InferCommonBaseOptions): CommonBaseInference {
  assertOptions(options, 'inferCommonBase', true);
  const input = parseInput(schema, { pairs, rounding: options?.rounding });
  const rows = input.pairs.map((p, i) => {
    const c = readCell(p.count, 'count', undefined);
    const r = readCell(p.rate, 'rate', undefined);
    if (c.status !== 'value' || r.status !== 'value') {
      return fail({ code: 'unparseable-pair', path: ['pairs', i], value: p, expected: 'a whole count and a printed rate such as "1,95"' });
    }
    const scale = 10n ** BigInt(r.decimals);
    const scaledF: Fraction = fraction(r.value.num * scale, r.value.den);
    if (scaledF.den !== 1n) return fail({ code: 'unparseable-pair', path: ['pairs', i, 'rate'], value: p.rate, expected: 'a rate with its decimals printed' });
    const count = c.value.num;
    return { label: p.label, count: Number(count), rate: p.rate, bases: basesFor(count, scaledF.num, scale, input.rounding) };
  });
  // sweep: the interval covered by the most pairs (ties: the lowest bases)
  type Ev = { at: number; delta: 1 | -1 };
  const events: Ev[] = [];
  for (const r of rows) {
    if (r.bases === null) continue;
    events.push({ at: r.bases.min, delta: 1 });
    if (r.bases.max !== null) events.push({ at: r.bases.max + 1, delta: -1 });
  }
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let depth = 0;
  let bestDepth = 0;
  let tied = 0;
  let best: BaseInterval | null = null;
  events.forEach((e, i) => {
    depth += e.delta;
    const next = events[i + 1];
    if (next !== undefined && next.at === e.at) return;
    if (depth > bestDepth) {
      bestDepth = depth;
      tied = 1;
      best = { min: e.at, max: next === undefined ? null : next.at - 1 };
    } else if (depth === bestDepth && depth > 0) {
      tied++;
    }
  });
  // two or more separate base intervals equally supported: no majority, every pair is in doubt
  if (tied > 1) best = null;
  const inside = (b: BaseInterval | null, within: BaseInterval | null): boolean =>
    b !== null && within !== null && b.min <= within.min && (b.max === null || (within.max !== null && within.max <= b.max));
  const out = rows.map((r) => ({ ...r, fits: inside(r.bases, best) }));
  const all = out.every((r) => r.fits);
  return deepFreeze({ pairs: out, common: all ? best : null, best, outliers: out.filter((r) => !r.fits).map((r) => r.label) });
}
