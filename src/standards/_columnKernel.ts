import type { PovertyStandard } from './standards.js';

/**
 * What the columnar classifiers share: a popcount table for 16-bit deprivation masks and the
 * standard's lines as doubles.
 */

let popcountTable: Uint8Array | undefined;

/** Number of set bits of every 16-bit mask (made once, 64 KiB). @internal */
export function popcounts(): Uint8Array {
  if (popcountTable === undefined) {
    const t = new Uint8Array(1 << 16);
    for (let i = 1; i < t.length; i++) t[i] = (t[i >> 1] ?? 0) + (i & 1);
    popcountTable = t;
  }
  return popcountTable;
}

/** A standard's lines as doubles, index 0 rural and 1 urban. @internal */
export interface NumericLines {
  /** The income-only poverty line, −1 when the standard has none ("income ≤ −1 × members" is always false). */
  readonly only: Float64Array;
  readonly pov: Float64Array;
  /** The average-living ceiling, −1 when the standard has none. */
  readonly avg: Float64Array;
  /** Largest member count for which line × members stays an exact integer in a double. */
  readonly maxMembers: number;
}

/** The lines of a standard as doubles, and the largest member count compared exactly with them. @internal */
export function numericLines(standard: PovertyStandard): NumericLines {
  const num = (v: bigint | undefined): number => (v === undefined ? -1 : Number(v));
  const only = Float64Array.of(num(standard.lines.rural.incomeOnlyPoor), num(standard.lines.urban.incomeOnlyPoor));
  const pov = Float64Array.of(num(standard.lines.rural.poverty), num(standard.lines.urban.poverty));
  const avg = Float64Array.of(num(standard.lines.rural.averageCeiling), num(standard.lines.urban.averageCeiling));
  const maxLine = Math.max(1, ...only, ...pov, ...avg);
  return { only, pov, avg, maxMembers: Math.floor(Number.MAX_SAFE_INTEGER / maxLine) };
}
