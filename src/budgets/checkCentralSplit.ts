import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import { compareFractions, fraction, toFraction, type Fraction } from '../numbers/fraction.js';
import type { Dong } from '../numbers/money.js';
import { normaliseComponentCode } from '../program/programStructure.js';
import { percentOf } from './_counterpart.js';
import { CENTRAL_SPLIT_PARTS, QD_02_2022_CENTRAL_SPLITS, type CentralSplitPart, type CentralSplitRule, type CentralSplitRuleSet } from './centralSplitRules.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link checkCentralSplit}. */
export interface CheckCentralSplitOptions {
  /** The rule set; QĐ 02/2022/QĐ-TTg's splits when left out. */
  readonly rules?: CentralSplitRuleSet;
}

/** The check of one rule. */
export interface CentralSplitFinding {
  readonly rule: CentralSplitRule;
  /** The part's amount, in đồng (0 when not given). */
  readonly amount: Dong;
  /** The exact limit in đồng: the project's central funds × percent. */
  readonly limit: Fraction;
  /** The part as a percentage of the project's central funds, exactly; null when they are 0. */
  readonly actualPercent: Fraction | null;
  readonly ok: boolean;
}

/** Result of {@link checkCentralSplit}: a report, not an error. */
export interface CentralSplitCheck {
  readonly project: string;
  /** The project's central funds: the sum of the parts given, in đồng. */
  readonly total: Dong;
  /** One finding per rule of the project. */
  readonly findings: readonly CentralSplitFinding[];
  /** True when every rule holds (and there was at least one). */
  readonly ok: boolean;
  /** False when the rule set has no rule for this project: nothing was checked. */
  readonly checked: boolean;
  readonly ruleSet: string;
  readonly source: string;
}

/**
 * Checks how a project's central-budget funds are split between localities and the centre
 * against the bounds of QĐ 02/2022 (DA1: localities ≥ 85 %, the DA1 TDA2 Scheme ≤ 15 %; DA2:
 * central agencies ≤ 15 %, localities ≥ 85 %), exactly. A project without rules comes back
 * with `checked: false`, never as compliant.
 *
 * @param project - the project code (`'DA1'`, `'da 2'`)
 * @param parts - the amount of each part, in đồng (≥ 0); their sum is the project's central funds
 * @param options - another rule set
 * @returns a frozen report with one finding per rule
 * @throws VnPovertyError `unknown-component` (not a project code), `unknown-part`, `negative-amount`.
 * @example
 * checkCentralSplit('DA2', { localities: 8_400_000_000n, 'central-agencies': 1_600_000_000n }).ok //=> false (16 % > 15 %)
 * @remarks UNCONFIRMED: see {@link QD_02_2022_CENTRAL_SPLITS}.
 * @see QĐ 02/2022/QĐ-TTg (18/01/2022).
 */
export function checkCentralSplit(project: string, parts: Readonly<Partial<Record<CentralSplitPart, Dong>>>, options: CheckCentralSplitOptions = {}): CentralSplitCheck {
  assertOptions(options, 'checkCentralSplit');
  const code = typeof project === 'string' ? normaliseComponentCode(project) : undefined;
  if (code === undefined || code.includes('.')) fail({ code: 'unknown-component', path: ['project'], value: project, expected: 'a project code such as DA1 or DA2' });
  if (typeof parts !== 'object' || parts === null) fail({ code: 'invalid-input', path: ['parts'], value: parts, expected: 'an object of amounts by part' });
  let total = 0n;
  for (const [key, value] of Object.entries(parts)) {
    if (!CENTRAL_SPLIT_PARTS.includes(key as CentralSplitPart)) fail({ code: 'unknown-part', path: ['parts', key], value: key, expected: `one of ${CENTRAL_SPLIT_PARTS.join(', ')}` });
    if (typeof value !== 'bigint' || value < 0n) fail({ code: 'negative-amount', path: ['parts', key], value, expected: 'an amount ≥ 0 in đồng (bigint)' });
    total += value;
  }
  const set = options.rules ?? QD_02_2022_CENTRAL_SPLITS;
  const rules = set.rules.filter((r) => r.project === code);
  const findings = rules.map((rule, i): CentralSplitFinding => {
    const amount = parts[rule.part] ?? 0n;
    const limit = percentOf(total, toFraction(rule.percent, ['rules', 'rules', i, 'percent']));
    const c = compareFractions(fraction(amount), limit);
    return { rule: { ...rule }, amount, limit, actualPercent: total === 0n ? null : fraction(amount * 100n, total), ok: rule.bound === 'at-least' ? c >= 0 : c <= 0 };
  });
  return deepFreeze({
    project: code,
    total,
    findings,
    ok: findings.length > 0 && findings.every((f) => f.ok),
    checked: findings.length > 0,
    ruleSet: set.id,
    source: set.source,
  });
}
