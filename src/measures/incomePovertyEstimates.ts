/**
 * Income poverty and inequality estimates in one long table: FGT(α), Watts, Sen, SST and Gini,
 * nationally and by group, with design-based standard errors for FGT(α) and Watts.
 */
import { Decimal } from '../_internal/_decimal.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { compareFractions, divideFractions, fraction, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { ratioCovariance, standardError, type RatioParts } from './_designVariance.js';
import { fractionSum, incomeUnits, type IncomeOptions, type IncomeUnit } from './_incomeUnits.js';
import { DESIGN_RULES, MEASURE_RULES, lcmBig } from './_measureRules.js';
import { confidenceInterval, intervalBounds, type ConfidenceIntervalOptions } from './confidenceInterval.js';
import type { FgtUnit } from './fgt.js';
import { weightedGini } from './gini.js';
import { longRow, type LongTable, type LongTableRow } from './longTable.js';
import { senIndex, sstIndex } from './senIndex.js';
import type { SurveyDesign } from './surveyDesign.js';
import { WATTS_DECIMAL_DIGITS, wattsTerm, wattsUnits, type ZeroIncomePolicy } from './watts.js';
import { assertOptions } from '../errors/assertOptions.js';

/** A measure of {@link incomePovertyEstimates}. */
export type IncomeMeasure = 'fgt0' | 'fgt1' | 'fgt2' | 'fgt3' | 'watts' | 'sen' | 'sst' | 'gini';

/** Options of {@link incomePovertyEstimates}. */
export interface IncomePovertyEstimatesOptions extends IncomeOptions {
  /** The measures, in order (default all but fgt3). */
  readonly measures?: ReadonlyArray<IncomeMeasure>;
  /** Zero incomes in the Watts index (see {@link ZeroIncomePolicy}; refused by default). */
  readonly zeroIncome?: ZeroIncomePolicy;
  /** The sampling design (its weights replace the units' `sampleWeight`, which must then be absent): standard errors for FGT(α) and Watts. */
  readonly design?: SurveyDesign;
  /** Confidence intervals (with a design). */
  readonly interval?: ConfidenceIntervalOptions;
}

/** Fixed-point scale of the Watts logarithms in the variance: each term is rounded to 10^-45. */
const WATTS_FIXED = 10n ** 45n;

/**
 * FGT(α) (α = 0…3), Watts, Sen, SST and the Gini of income per head, nationally (`level: 'nat'`) and
 * by the units' `group` (`level: 'group'`), as a frozen long table. With a design, FGT(α) and Watts
 * get linearised standard errors exactly as for the Alkire–Foster measures: each is a ratio
 * Σw·v / Σw with v = ((z − y)/z)^α (exact) or ln(z/y) (60 digits, rounded to 10^-45 per unit);
 * Sen, SST and Gini are not linear in the weights and get no standard error here (se null).
 *
 * @throws VnPovertyError as {@link fgt}, {@link watts}, {@link gini}; `conflicting-weights`, `length-mismatch` with a design.
 * @see Foster, Greer & Thorbecke (1984); Watts (1968); Sen (1976); Shorrocks (1995); Lumley (2010), Complex Surveys, §2.4.
 * @example
 * incomePovertyEstimates([{ income: 50 }, { income: 100 }], { line: 100, income: 'per-head', countBy: 'units', measures: ['fgt1'] }).rows[0]?.estimate
 * //=> { num: 1n, den: 4n }
 */
export function incomePovertyEstimates(units: ReadonlyArray<FgtUnit>, options: IncomePovertyEstimatesOptions): { readonly rows: LongTable } {
  assertOptions(options, 'incomePovertyEstimates', true);
  const design = options.design;
  let input = units;
  if (design !== undefined) {
    if (design?.kind !== 'survey-design') fail({ code: 'invalid-input', path: ['design'], value: typeof design, expected: 'a design from surveyDesign()', rule: DESIGN_RULES.design });
    if (units.length !== design.units) fail({ code: 'length-mismatch', path: [], value: units.length, expected: `one unit per unit of the design (${design.units})`, rule: DESIGN_RULES.design });
    const i = units.findIndex((u) => u.sampleWeight !== undefined);
    if (i >= 0) fail({ code: 'conflicting-weights', path: [i, 'sampleWeight'], value: units[i]?.sampleWeight, expected: "no sampling weight on the units: the design's weights are used", rule: DESIGN_RULES.weights });
    const nums = design.weightNumerators;
    if (nums !== null) input = units.map((u, k) => ({ ...u, sampleWeight: fraction(BigInt(nums[k] as number), design.weightScale) }));
  }
  const measures = options.measures ?? ['fgt0', 'fgt1', 'fgt2', 'watts', 'sen', 'sst', 'gini'];
  const base: IncomeOptions = { line: options.line, income: options.income, countBy: options.countBy };
  const list = incomeUnits(input, base);
  const wattsInput = measures.includes('watts') ? wattsUnits(input, { ...base, ...(options.zeroIncome !== undefined ? { zeroIncome: options.zeroIncome } : {}) }) : null;
  const wattsKept = new Set(wattsInput?.units.map((u) => u.index) ?? []);
  const interval = design !== undefined && options.interval !== undefined ? confidenceInterval(options.interval, design.degreesOfFreedom) : null;
  const sen = measures.includes('sen') ? senIndex(input, base) : null;
  const sst = measures.includes('sst') ? sstIndex(input, base) : null;

  const domains: Array<{ level: string; group: string | null; units: IncomeUnit[] }> = [{ level: 'nat', group: null, units: list }];
  const groups = new Map<string, IncomeUnit[]>();
  for (const u of list) if (u.group !== null) groups.set(u.group, [...(groups.get(u.group) ?? []), u]);
  for (const [group, us] of groups) domains.push({ level: 'group', group, units: us });

  const rows: LongTableRow[] = [];
  for (const dom of domains) {
    const pop = fractionSum();
    for (const u of dom.units) pop.add(u.w);
    const population = pop.value;
    if (population.num === 0n) fail({ code: 'empty-population', path: dom.group === null ? [] : ['groups', dom.group], value: dom.units.length, expected: 'a positive total weight', rule: MEASURE_RULES.population });
    const common = { level: dom.level, group: dom.group, n: dom.units.length, population };
    for (const m of measures) {
      if (m.startsWith('fgt')) {
        const alpha = BigInt(m.slice(3));
        const value = (u: IncomeUnit): Fraction => (compareFractions(u.y, u.z) < 0 ? power(divideFractions(subtractFractions(u.z, u.y), u.z), alpha) : fraction(0n));
        const sum = fractionSum();
        for (const u of dom.units) sum.add(multiplyFractions(u.w, value(u)));
        const estimate = divideFractions(sum.value, population);
        const se = design === undefined ? null : seOf(design, dom.units, (u) => value(u));
        const [lo, hi] = interval === null ? [null, null] : intervalBounds(interval, estimate, se, true);
        rows.push(longRow({ ...common, measure: m, estimate, se, ciLower: lo, ciUpper: hi }));
      } else if (m === 'watts' && wattsInput !== null) {
        const kept = dom.units.filter((u) => wattsKept.has(u.index));
        const wpop = fractionSum();
        for (const u of kept) wpop.add(u.w);
        let sum = new Decimal(0);
        const fixed = (u: IncomeUnit): Fraction => (compareFractions(u.y, u.z) < 0 ? fraction(BigInt(wattsTerm(u, wattsInput.floor).times(WATTS_FIXED.toString()).toFixed(0)), WATTS_FIXED) : fraction(0n));
        for (const u of kept) if (compareFractions(u.y, u.z) < 0) sum = sum.plus(wattsTerm(u, wattsInput.floor).times(new Decimal(u.w.num.toString()).div(u.w.den.toString())));
        const wp = wpop.value;
        const value = sum.isZero() ? new Decimal(0) : sum.div(new Decimal(wp.num.toString()).div(wp.den.toString())).toSignificantDigits(WATTS_DECIMAL_DIGITS, Decimal.ROUND_HALF_EVEN);
        const se = design === undefined ? null : seOf(design, kept, fixed);
        const [lo, hi] = interval === null || se === null ? [null, null] : [value.minus(interval.criticalValue.times(se)), value.plus(interval.criticalValue.times(se))];
        rows.push(longRow({ ...common, n: kept.length, population: wp, measure: 'watts', estimate: null, estimateDecimal: value, se, ciLower: lo, ciUpper: hi }));
      } else if (m === 'sen' && sen !== null) {
        rows.push(longRow({ ...common, measure: 'sen', estimate: dom.group === null ? sen.value : (sen.subgroups?.find((g) => g.group === dom.group)?.value ?? null) }));
      } else if (m === 'sst' && sst !== null) {
        rows.push(longRow({ ...common, measure: 'sst', estimate: dom.group === null ? sst.value : (sst.subgroups?.find((g) => g.group === dom.group)?.value ?? null) }));
      } else if (m === 'gini') {
        rows.push(longRow({ ...common, measure: 'gini', estimate: weightedGini(dom.units.map((u) => ({ x: u.y, w: u.w }))) }));
      }
    }
  }
  return deepFreeze({ rows });
}

function power(f: Fraction, e: bigint): Fraction {
  return e === 0n ? fraction(1n) : fraction(f.num ** e, f.den ** e);
}

/** The linearised SE of Σw·v / Σw over the given units (a domain of the design). */
function seOf(design: SurveyDesign, units: ReadonlyArray<IncomeUnit>, value: (u: IncomeUnit) => Fraction): Decimal | null {
  const y = new Map<number, ReturnType<typeof fractionSum>>();
  const x = new Map<number, ReturnType<typeof fractionSum>>();
  for (const u of units) {
    const c = design.psuOfUnit[u.index] as number;
    const ys = y.get(c) ?? fractionSum();
    ys.add(multiplyFractions(u.w, value(u)));
    y.set(c, ys);
    const xs = x.get(c) ?? fractionSum();
    xs.add(u.w);
    x.set(c, xs);
  }
  // whole numbers over one common denominator per side; the ratio factor restores the scale
  const toIntegers = (m: Map<number, ReturnType<typeof fractionSum>>): { totals: Map<number, bigint>; den: bigint } => {
    const values = [...m].map(([c, s]) => [c, s.value] as const);
    const den = values.reduce((a, [, f]) => lcmBig(a, f.den), 1n);
    return { totals: new Map(values.map(([c, f]) => [c, f.num * (den / f.den)])), den };
  };
  const Y = toIntegers(y);
  const X = toIntegers(x);
  const parts: RatioParts = { y: Y.totals, x: X.totals, factor: fraction(X.den, Y.den) };
  const v = ratioCovariance(design, parts, parts);
  return v === null ? null : standardError(v);
}
