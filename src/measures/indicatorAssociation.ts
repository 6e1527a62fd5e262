/**
 * Association between the indicators of a deprivation matrix: Cramér's V and the redundancy
 * measure R0, as mpitb reports them, in total and by subgroup.
 */
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { fraction, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { alkireFoster } from './alkireFoster.js';
import type { AfColumnarData } from './afData.js';
import { longRow, type LongTable, type LongTableRow } from './longTable.js';
import { nestedWeights, type NestedWeights, type NestedWeightsInput } from './nestedWeights.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link indicatorAssociation}. */
export interface IndicatorAssociationOptions {
  /** The nested weights: they name the columns (in order) and are checked as for {@link alkireFoster}. */
  readonly weights: NestedWeightsInput | NestedWeights;
  readonly countBy: 'units' | 'members';
}

/** The association of two indicators in one population (weighted, uncensored deprivations). */
export interface IndicatorPair {
  readonly first: string;
  readonly second: string;
  /** Share deprived in both. */
  readonly both: Fraction;
  readonly firstShare: Fraction;
  readonly secondShare: Fraction;
  /** φ² = (p₁₁ − p₁·p·₁)² / (p₁·p₀·p·₁p·₀), exact; null when a margin is 0 or 1. */
  readonly cramersVSquared: Fraction | null;
  /** Cramér's V of the 2 × 2 table with the sign of the association (φ, as Stata's `tabulate, V` for 2 × 2 tables), 40 significant digits; null when a margin is 0 or 1. */
  readonly cramersV: Decimal | null;
  /** R0 = p₁₁ / min(p₁·, p·₁): the share of the less frequent deprivation that also has the other; null when one is never deprived. */
  readonly redundancy: Fraction | null;
}

/** The pairs of one population, for every j < j′ in column order. */
export interface IndicatorAssociation {
  readonly units: number;
  readonly pairs: ReadonlyArray<IndicatorPair>;
}

/** The result of {@link indicatorAssociation}: the total, the subgroups, and a long table (measures `'cramersV'` and `'R0'`, the pair `'a × b'` in `indicator`). */
export interface IndicatorAssociationResult extends IndicatorAssociation {
  readonly subgroups: ReadonlyArray<IndicatorAssociation & { readonly group: string }> | null;
  readonly rows: LongTable;
}

function rowsOf(a: IndicatorAssociation, population: Fraction, level: string, group: string | null): LongTableRow[] {
  return a.pairs.flatMap((p) => {
    const common = { level, group, indicator: `${p.first} × ${p.second}`, n: a.units, population };
    return [longRow({ ...common, measure: 'cramersV', estimate: null, estimateDecimal: p.cramersV }), longRow({ ...common, measure: 'R0', estimate: p.redundancy })];
  });
}

/**
 * Cramér's V and the redundancy measure R0 for every pair of indicators of a deprivation matrix
 * (columnar input), from the weighted 2 × 2 tables of uncensored deprivations; by the `groups`
 * column when given. Exact where rational (shares, V², R0); V itself is a square root.
 *
 * @throws VnPovertyError as {@link alkireFoster} for the columnar input.
 * @see Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, §7.2 (association and redundancy, R0); Suppa (2023), mpitb, `mpitb assoc`.
 * @example
 * const weights = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
 * indicatorAssociation({ kind: 'columns', deprivations: [Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 0, 0, 0)] }, { weights, countBy: 'units' })
 *   .pairs[0]?.redundancy
 * //=> { num: 1n, den: 1n }   (everyone deprived in b is deprived in a)
 */
export function indicatorAssociation(data: AfColumnarData, options: IndicatorAssociationOptions): IndicatorAssociationResult {
  assertOptions(options, 'indicatorAssociation', true);
  const weights = nestedWeights(options.weights);
  // validates the columns, weights, sizes and group codes exactly as alkireFoster does
  const checked = alkireFoster(data, { weights, cutoff: { share: 1 }, countBy: options.countBy });
  const deps = data.deprivations;
  const J = deps.length;
  const n = deps[0]?.length ?? 0;
  let maxCode = 0;
  const codes = data.groups;
  if (codes !== undefined) for (let i = 0; i < n; i++) if ((codes[i] as number) > maxCode) maxCode = codes[i] as number;
  const G = codes === undefined ? 1 : Math.max(1, data.groupLabels?.length ?? maxCode + 1);
  const sums = Array.from({ length: G }, () => ({ units: 0, w: 0n, d: new Array<bigint>(J).fill(0n), dd: new Array<bigint>(J * J).fill(0n) }));
  const sw = data.sampleWeights;
  const sizes = options.countBy === 'members' ? data.sizes : undefined;
  let maxW = 1;
  for (let i = 0; i < n; i++) maxW = Math.max(maxW, (sw === undefined ? 1 : (sw[i] as number)) * (sizes === undefined ? 1 : (sizes[i] as number)));
  // float sums of whole numbers in blocks whose total stays below 2^53 (exact), flushed into bigint
  const block = Math.max(1, Math.floor(Number.MAX_SAFE_INTEGER / maxW));
  const fw = new Float64Array(G);
  const fd = new Float64Array(G * J);
  const fdd = new Float64Array(G * J * J);
  for (let from = 0; from < n; from += block) {
    const to = Math.min(n, from + block);
    for (let i = from; i < to; i++) {
      const g = codes === undefined ? 0 : (codes[i] as number);
      (sums[g] as (typeof sums)[number]).units++;
      const w = (sw === undefined ? 1 : (sw[i] as number)) * (sizes === undefined ? 1 : (sizes[i] as number));
      fw[g] = (fw[g] as number) + w;
      for (let j = 0; j < J; j++) {
        if ((deps[j] as Uint8Array)[i] !== 1) continue;
        fd[g * J + j] = (fd[g * J + j] as number) + w;
        for (let k = j + 1; k < J; k++) if ((deps[k] as Uint8Array)[i] === 1) fdd[(g * J + j) * J + k] = (fdd[(g * J + j) * J + k] as number) + w;
      }
    }
    sums.forEach((s, g) => {
      s.w += BigInt(fw[g] as number);
      for (let j = 0; j < J; j++) s.d[j] = (s.d[j] as bigint) + BigInt(fd[g * J + j] as number);
      for (let x = 0; x < J * J; x++) s.dd[x] = (s.dd[x] as bigint) + BigInt(fdd[g * J * J + x] as number);
    });
    fw.fill(0);
    fd.fill(0);
    fdd.fill(0);
  }
  const ids = weights.indicators.map((i) => i.id);
  const pairsOf = (s: (typeof sums)[number]): IndicatorAssociation => {
    const pairs: IndicatorPair[] = [];
    for (let j = 0; j < J; j++) {
      for (let k = j + 1; k < J; k++) {
        const N = s.w;
        const both = fraction(s.dd[j * J + k] as bigint, N);
        const a = fraction(s.d[j] as bigint, N);
        const b = fraction(s.d[k] as bigint, N);
        const cov = subtractFractions(both, multiplyFractions(a, b));
        const margins = multiplyFractions(multiplyFractions(a, subtractFractions(fraction(1n), a)), multiplyFractions(b, subtractFractions(fraction(1n), b)));
        const v2 = margins.num === 0n ? null : fraction(cov.num * cov.num * margins.den, cov.den * cov.den * margins.num);
        const v = v2 === null ? null : new Decimal(v2.num.toString()).div(v2.den.toString()).sqrt().times(cov.num < 0n ? -1 : 1).toSignificantDigits(40, Decimal.ROUND_HALF_EVEN);
        const least = (s.d[j] as bigint) < (s.d[k] as bigint) ? (s.d[j] as bigint) : (s.d[k] as bigint);
        pairs.push({ first: ids[j] as string, second: ids[k] as string, both, firstShare: a, secondShare: b, cramersVSquared: v2, cramersV: v, redundancy: least === 0n ? null : fraction(s.dd[j * J + k] as bigint, least) });
      }
    }
    return { units: s.units, pairs };
  };
  const total = { units: n, w: sums.reduce((a, s) => a + s.w, 0n), d: new Array<bigint>(J).fill(0n), dd: new Array<bigint>(J * J).fill(0n) };
  for (const s of sums) {
    s.d.forEach((v, j) => (total.d[j] = (total.d[j] as bigint) + v));
    s.dd.forEach((v, x) => (total.dd[x] = (total.dd[x] as bigint) + v));
  }
  const present = (checked.subgroups ?? []).map((g) => g.group);
  const whole = pairsOf(total);
  const groups = sums.map((s, g) => ({ s, g, label: data.groupLabels?.[g] ?? String(g) })).filter(({ s, label }) => s.units > 0 && present.includes(label));
  const subgroups = checked.subgroups === null ? null : groups.map(({ s, label }) => ({ group: label, ...pairsOf(s) }));
  const rows = [
    ...rowsOf(whole, checked.population, 'nat', null),
    ...(checked.subgroups === null ? [] : groups.flatMap(({ s, label }) => rowsOf(pairsOf(s), checked.subgroups?.find((x) => x.group === label)?.measures.population ?? fraction(0n), 'group', label))),
  ];
  return deepFreeze({ ...whole, subgroups, rows });
}
