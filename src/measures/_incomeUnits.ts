/**
 * Validation shared by the income measures (Watts, Sen, SST, Gini, Lorenz and their estimates):
 * units with an income, members, an area line, a sampling weight and a group, checked once and
 * turned into exact per-head incomes, lines and analysis weights.
 */
import * as z from 'zod';
import { Decimal } from '../_internal/_decimal.js';
import { issue, parseInput, type RuleRef } from '../errors/VnPovertyError.js';
import { fraction, multiplyFractions, toFraction, type ExactInput, type Fraction } from '../numbers/fraction.js';
import { issueList } from './_issueList.js';
import { DESIGN_RULES, MEASURE_RULES, exactInputSchema, gcdBig } from './_measureRules.js';
import type { AnalysisUnit } from './afData.js';
import type { FgtUnit } from './fgt.js';

/** How incomes, lines and the unit of analysis are read (the options the income measures share). */
export interface IncomeOptions {
  /** The poverty line per head, one value or one per area (`{ rural: 1_500_000n, urban: 2_000_000n }`). */
  readonly line: ExactInput | Readonly<Record<string, ExactInput>>;
  /** Whether `income` is already per head, or the unit's total to be divided by `members`. */
  readonly income: 'per-head' | 'unit-total';
  /** Count units or members (members weighted by `members`). */
  readonly countBy: AnalysisUnit;
}

/** One unit after checking: income per head, its line, its analysis weight, its group. */
export interface IncomeUnit {
  readonly y: Fraction;
  readonly z: Fraction;
  /** Sampling weight × members when counting members. */
  readonly w: Fraction;
  readonly group: string | null;
  /** Index of the unit in the input. */
  readonly index: number;
}

const unitSchema = z.object({
  income: exactInputSchema,
  members: z.number().optional(),
  area: z.string().optional(),
  sampleWeight: exactInputSchema.optional(),
  group: z.union([z.string(), z.number()]).optional(),
});
const optionsSchema = z.object({
  line: z.union([exactInputSchema, z.record(z.string(), exactInputSchema)]),
  income: z.enum(['per-head', 'unit-total']),
  countBy: z.enum(['units', 'members']),
});

/** Checks income units and options; every problem is reported together. */
export function incomeUnits(units: ReadonlyArray<FgtUnit>, options: IncomeOptions, rule: RuleRef = DESIGN_RULES.income): IncomeUnit[] {
  const opts = parseInput(optionsSchema, { line: options?.line, income: options?.income, countBy: options?.countBy }, rule);
  const list = parseInput(z.array(unitSchema), units, rule);
  const problems = issueList();
  const perArea = typeof opts.line === 'object' && opts.line !== null && !Decimal.isDecimal(opts.line) && !('num' in opts.line);
  const lines = new Map<string, Fraction>();
  let single: Fraction | null = null;
  if (perArea) {
    for (const [area, value] of Object.entries(opts.line as Record<string, ExactInput>)) {
      const z0 = toFraction(value, ['line', area]);
      if (z0.num <= 0n) problems.add(issue({ code: 'non-positive-line', path: ['line', area], value, expected: 'a poverty line greater than 0', rule }));
      lines.set(area, z0);
    }
  } else {
    single = toFraction(opts.line as ExactInput, ['line']);
    if (single.num <= 0n) problems.add(issue({ code: 'non-positive-line', path: ['line'], value: opts.line, expected: 'a poverty line greater than 0', rule }));
  }
  const labelled = list.filter((u) => u.group !== undefined).length;
  if (labelled > 0 && labelled < list.length) {
    const i = list.findIndex((u) => u.group === undefined);
    problems.add(issue({ code: 'missing-group', path: [i, 'group'], value: undefined, expected: 'a group for every unit, or for none', rule }));
  }
  if (list.length === 0) problems.add(issue({ code: 'empty-population', path: [], value: [], expected: 'at least one unit', rule: MEASURE_RULES.population }));
  const out: IncomeUnit[] = [];
  list.forEach((u, i) => {
    const needsMembers = opts.income === 'unit-total' || opts.countBy === 'members';
    const m = u.members;
    if (needsMembers && (m === undefined || !Number.isSafeInteger(m) || m < 1)) {
      problems.add(issue({ code: 'invalid-members', path: [i, 'members'], value: m, expected: 'a whole number of members ≥ 1', rule }));
      return;
    }
    const income = toFraction(u.income, [i, 'income']);
    if (income.num < 0n) {
      problems.add(issue({ code: 'negative-income', path: [i, 'income'], value: u.income, expected: 'an income ≥ 0 (censor negative incomes at 0 first)', rule }));
      return;
    }
    const sw = u.sampleWeight === undefined ? fraction(1n) : toFraction(u.sampleWeight, [i, 'sampleWeight']);
    if (sw.num < 0n) {
      problems.add(issue({ code: 'negative-sampling-weight', path: [i, 'sampleWeight'], value: u.sampleWeight, expected: 'a sampling weight ≥ 0', rule: MEASURE_RULES.sampleWeights }));
      return;
    }
    let line = single;
    if (perArea) {
      line = u.area === undefined ? null : (lines.get(u.area) ?? null);
      if (line === null) {
        problems.add(issue({ code: 'unknown-area', path: [i, 'area'], value: u.area, expected: `one of the areas with a line: ${[...lines.keys()].join(', ')}`, rule }));
        return;
      }
    }
    const members = BigInt(m ?? 1);
    out.push({
      y: opts.income === 'unit-total' ? fraction(income.num, income.den * members) : income,
      z: line as Fraction,
      w: opts.countBy === 'members' ? multiplyFractions(sw, fraction(members)) : sw,
      group: u.group === undefined ? null : String(u.group),
      index: i,
    });
  });
  if (out.length > 0 && out.every((u) => u.w.num === 0n)) problems.add(issue({ code: 'empty-population', path: [], value: out.length, expected: 'a positive total weight', rule: MEASURE_RULES.population }));
  problems.throwIfAny();
  return out;
}

/** The units split by group label (in order of first appearance); null when no unit has a group. */
export function byGroup(units: ReadonlyArray<IncomeUnit>): Array<[string, IncomeUnit[]]> | null {
  if (units.every((u) => u.group === null)) return null;
  const map = new Map<string, IncomeUnit[]>();
  for (const u of units) {
    const list = map.get(u.group as string) ?? [];
    list.push(u);
    map.set(u.group as string, list);
  }
  return [...map];
}

/** An exact running sum over a common denominator (the lcm of the denominators seen). */
export interface FractionSum {
  add(f: Fraction): void;
  readonly value: Fraction;
}

/** Starts an exact running sum at 0. */
export function fractionSum(): FractionSum {
  let num = 0n;
  let den = 1n;
  return {
    add(f) {
      if (f.den === den) {
        num += f.num;
        return;
      }
      const g = gcdBig(den, f.den);
      const l = (den / g) * f.den;
      num = num * (l / den) + f.num * (l / f.den);
      den = l;
    },
    get value() {
      return fraction(num, den);
    },
  };
}
