import { Decimal } from '../_internal/_decimal.js';
import { ruleOf, type DecidingRuleId } from './decideStatus.js';
import type { Area } from './household.js';
import type { IndicatorId, IndicatorDefinition } from './indicators.js';
import type { AreaLines, PovertyStandard } from './standards.js';
import { freezeDecimal } from '../_internal/_freezeDecimal.js';

/**
 * Pieces of a household classification that many results share, made once and frozen, so a
 * million results do not hold a million copies of the same standard reference, lines, rule and
 * indicator values. A piece is shared only for a standard that cannot change under it (the
 * standard, its lines, rules and indicators frozen, as the built-in ones are); for any other
 * standard every result gets fresh copies, as before.
 */

/** What a result says about its standard (the shape of `HouseholdClassification.standard`). */
interface StandardRef {
  readonly id: string;
  readonly name: string;
  readonly nameVi: string;
  readonly source: string;
  readonly effectiveFrom: PovertyStandard['effectiveFrom'];
  readonly effectiveTo: PovertyStandard['effectiveTo'];
}

/** The cited rule of a result (the shape of `HouseholdClassification.rule`). */
interface RuleRef {
  readonly id: DecidingRuleId;
  readonly description: string;
  readonly source: string;
  readonly term?: string | undefined;
  readonly confirmation?: PovertyStandard['linesConfirmation'] | undefined;
}

/** One indicator's value in a result (the shape of `HouseholdClassification.indicators[i]`). */
interface IndicatorValue {
  readonly id: IndicatorId;
  readonly deprived: boolean | undefined;
  readonly origin: 'facts' | 'flag' | 'both' | 'none';
}

interface Parts {
  readonly reference: StandardRef;
  readonly lines: Readonly<Record<Area, AreaLines>>;
  readonly rules: Map<DecidingRuleId, RuleRef>;
}

const ABOVE_LINES_TEXT = 'income per head above every income line of the standard';
const parts = new WeakMap<PovertyStandard, Parts>();
const standardOfReference = new WeakMap<object, PovertyStandard>();

function isImmutable(standard: PovertyStandard): boolean {
  const frozen = (v: unknown): boolean => typeof v !== 'object' || v === null || Object.isFrozen(v);
  return (
    Object.isFrozen(standard) &&
    frozen(standard.lines) &&
    frozen(standard.lines.rural) &&
    frozen(standard.lines.urban) &&
    frozen(standard.rules) &&
    Object.values(standard.rules).every(frozen) &&
    frozen(standard.indicators) &&
    standard.indicators.every((i: IndicatorDefinition) => frozen(i))
  );
}

function build(standard: PovertyStandard): Parts {
  const reference: StandardRef = Object.freeze({
    id: standard.id,
    name: standard.name,
    nameVi: standard.nameVi,
    source: standard.source,
    effectiveFrom: standard.effectiveFrom,
    effectiveTo: standard.effectiveTo,
  });
  const lines = Object.freeze({ rural: Object.freeze({ ...standard.lines.rural }), urban: Object.freeze({ ...standard.lines.urban }) });
  return { reference, lines, rules: new Map() };
}

/** The shared parts of a standard, or fresh ones when the standard could still change. */
function partsOf(standard: PovertyStandard): Parts {
  const cached = parts.get(standard);
  if (cached !== undefined) return cached;
  const made = build(standard);
  if (isImmutable(standard)) {
    parts.set(standard, made);
    standardOfReference.set(made.reference, standard);
  }
  return made;
}

/** The standard reference of a result; results under one frozen standard share it. */
export function standardReference(standard: PovertyStandard): StandardRef {
  return partsOf(standard).reference;
}

/** The lines of an area under a standard, frozen (shared under a frozen standard). */
export function areaLines(standard: PovertyStandard, area: Area): AreaLines {
  return partsOf(standard).lines[area];
}

/** The cited rule behind a decision, frozen (shared under a frozen standard). */
export function decidingRule(standard: PovertyStandard, id: DecidingRuleId): RuleRef {
  const p = partsOf(standard);
  const cached = p.rules.get(id);
  if (cached !== undefined) return cached;
  const cited = ruleOf(standard, id);
  const rule: RuleRef = Object.freeze(
    cited
      ? { id, description: cited.description, source: cited.source, term: cited.term, confirmation: cited.confirmation }
      : { id, description: ABOVE_LINES_TEXT, source: standard.linesSource },
  );
  p.rules.set(id, rule);
  return rule;
}

/**
 * The standard a shared reference stands for, when the reference is shared (the standard is
 * frozen): what a lazily computed explanation reads.
 */
export function standardOf(reference: object): PovertyStandard | undefined {
  return standardOfReference.get(reference);
}

const MAX_INTERNED_IDS = 1024;
const ORIGINS: readonly IndicatorValue['origin'][] = ['facts', 'flag', 'both', 'none'];
const interned = new Map<IndicatorId, Array<IndicatorValue | undefined>>();

/** A frozen indicator value; the same value is one shared object (up to a bound on distinct ids). */
export function indicatorValue(id: IndicatorId, deprived: boolean | undefined, origin: IndicatorValue['origin']): IndicatorValue {
  let slots = interned.get(id);
  if (slots === undefined) {
    slots = new Array<IndicatorValue | undefined>(12).fill(undefined);
    if (interned.size < MAX_INTERNED_IDS) interned.set(id, slots);
  }
  const slot = (deprived === true ? 0 : deprived === false ? 4 : 8) + ORIGINS.indexOf(origin);
  return (slots[slot] ??= Object.freeze({ id, deprived, origin }));
}

/** A frozen empty list, shared. */
export const NONE: readonly never[] = Object.freeze([]);

/** The frozen list, or the shared empty one. */
export function frozenList<T>(items: T[]): readonly T[] {
  return items.length === 0 ? NONE : Object.freeze(items);
}

const perHeadCache = new WeakMap<object, Decimal>();

/**
 * Income per head as a Decimal, computed when first read and then the same object: exact when
 * it terminates, else 60 significant digits.
 */
export function incomePerHeadOf(result: { readonly monthlyIncome: bigint; readonly members: number }): Decimal {
  const cached = perHeadCache.get(result);
  if (cached !== undefined) return cached;
  const value = freezeDecimal(new Decimal(result.monthlyIncome.toString()).div(String(result.members)));
  perHeadCache.set(result, value);
  return value;
}
