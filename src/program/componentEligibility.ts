import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { VnPovertyError, fail, issue, parseInput } from '../errors/VnPovertyError.js';
import type { VnIssue, VnIssues } from '../errors/VnPovertyError.js';
import { toIsoDate } from '../dates/calendarDate.js';
import type { IsoDate, ReferenceDateOptions } from '../dates/calendarDate.js';
import type { HouseholdStatus } from '../standards/householdStatus.js';
import { resolvePolicyWindow } from '../status/policyWindows.js';
import type { PolicyWindow, PolicyWindowOptions } from '../status/policyWindows.js';
import { findRecentlyEscaped } from '../status/recentlyEscaped.js';
import type { RecentlyEscapedFinding } from '../status/recentlyEscaped.js';
import { statusHistory } from '../status/statusHistory.js';
import type { StatusHistory, StatusHistoryInput } from '../status/statusHistory.js';
import { HOUSEHOLD_TRAITS, NTP_SPRR_2021_2025_PRIORITY_GROUPS } from './priorityGroups.js';
import type { HouseholdTrait, PriorityGroup, PriorityGroupId } from './priorityGroups.js';
import { NTP_SPRR_2021_2025, implementableUnits, isSubProject, programComponent } from './programStructure.js';
import { programFor } from './programs.js';
import type { BeneficiaryStatus, HouseholdCircumstance, ProgramComponent, ProgramStructure, TargetGroup } from './programStructure.js';
import { assertOptions } from '../errors/assertOptions.js';

/** A household as eligibility needs it: its recognised statuses over time and its traits. */
export interface ProgramHousehold {
  /** Stable identifier. */
  readonly householdId: string;
  /** Recognised statuses (validated here with `statusHistory`). */
  readonly history: StatusHistoryInput;
  /** Facts about the household (location, members); default none. */
  readonly traits?: readonly HouseholdTrait[];
}

/** Options of {@link householdEligibility}, {@link componentEligibility} and {@link eligibleHouseholds}. */
export interface EligibilityOptions extends ReferenceDateOptions, PolicyWindowOptions {
  /**
   * The program; default: the one in force on `asOf` among `programs` (2021–2025 up to
   * 31/12/2025, 2026–2035 from 01/01/2026). A date no program covers is an error.
   */
  readonly program?: ProgramStructure;
  /** Programs to choose from when `program` is not given (default `PROGRAMS`). */
  readonly programs?: readonly ProgramStructure[];
  /**
   * The priority groups; default {@link NTP_SPRR_2021_2025_PRIORITY_GROUPS} under the 2021–2025
   * program and none under any other (the 2026–2035 priority groups are not known).
   */
  readonly priorityGroups?: readonly PriorityGroup[];
}

/** Why a household belongs to a target group of a component. */
export interface EligibilityReason {
  /** The implementable unit (sub-project, or project without sub-projects) the group belongs to. */
  readonly componentCode: string;
  readonly targetGroupId: string;
  /** The group as plans word it. */
  readonly targetGroupVi: string;
  /** The status that qualified (`null` when the group does not look at status). */
  readonly viaStatus: BeneficiaryStatus | null;
  /** The circumstances the group required, all held by the household. */
  readonly viaCircumstances: readonly HouseholdCircumstance[];
  readonly source: string;
}

/** Whether a household is eligible for one component, and why. */
export interface ComponentEligibility {
  readonly componentCode: string;
  readonly eligible: boolean;
  /** Every household-level target group the household belongs to (empty when not eligible). */
  readonly reasons: readonly EligibilityReason[];
}

/** Everything a household is eligible for on a date. */
export interface HouseholdEligibility {
  readonly householdId: string;
  readonly asOf: IsoDate;
  readonly programId: string;
  /** Status recognised on `asOf` (`null` if unknown). */
  readonly status: HouseholdStatus | null;
  /** Beneficiary statuses held on `asOf`: a near-poor household can be both near-poor and recently escaped. */
  readonly beneficiaryStatuses: readonly BeneficiaryStatus[];
  /** The recently-escaped finding behind `'recently-escaped'`. */
  readonly recentlyEscaped: RecentlyEscapedFinding;
  /** One entry per implementable unit of the program, in program order. */
  readonly components: readonly ComponentEligibility[];
  /** Codes of the units the household is eligible for. */
  readonly eligibleComponents: readonly string[];
  /** Priority groups the household belongs to. */
  readonly priorityGroups: readonly PriorityGroupId[];
}

/** An eligible household of a list, for one component. */
export interface EligibleHousehold {
  readonly householdId: string;
  readonly status: HouseholdStatus | null;
  readonly beneficiaryStatuses: readonly BeneficiaryStatus[];
  readonly reasons: readonly EligibilityReason[];
  readonly priorityGroups: readonly PriorityGroupId[];
}

const householdSchema = z
  .object({
    householdId: z.string().min(1),
    history: z.unknown(),
    traits: z.array(z.enum(HOUSEHOLD_TRAITS as unknown as readonly [HouseholdTrait, ...HouseholdTrait[]])).optional(),
  })
  .strict();

interface Prepared {
  readonly householdId: string;
  readonly history: StatusHistory;
  readonly traits: ReadonlySet<HouseholdTrait>;
}

function prepare(input: unknown, path: ReadonlyArray<string | number>): Prepared {
  let parsed: z.output<typeof householdSchema>;
  try {
    parsed = parseInput(householdSchema, input);
  } catch (e) {
    if (e instanceof VnPovertyError) throw prefix(e, path);
    throw e;
  }
  let history: StatusHistory;
  try {
    history = statusHistory(parsed.history as StatusHistoryInput);
  } catch (e) {
    if (e instanceof VnPovertyError) throw prefix(e, [...path, 'history']);
    throw e;
  }
  return { householdId: parsed.householdId, history, traits: new Set(parsed.traits ?? []) };
}

function prefix(e: VnPovertyError, path: ReadonlyArray<string | number>): VnPovertyError {
  if (path.length === 0) return e;
  return new VnPovertyError(e.issues.map((i) => issue({ code: i.code, path: [...path, ...i.path], value: i.value, expected: i.expected, ...(i.rule ? { rule: i.rule } : {}) })) as unknown as VnIssues);
}

interface Context {
  readonly asOf: IsoDate;
  readonly program: ProgramStructure;
  readonly priorityGroups: readonly PriorityGroup[];
  readonly window: PolicyWindow;
}

function context(options: EligibilityOptions): Context {
  const asOf = toIsoDate(options?.asOf, ['asOf']);
  const program = options.program ?? programFor(asOf, options.programs === undefined ? {} : { programs: options.programs });
  if (asOf < program.effectiveFrom || (program.effectiveTo !== null && asOf > program.effectiveTo)) {
    fail({
      code: 'outside-program-period',
      path: ['asOf'],
      value: asOf,
      expected: `a date from ${program.effectiveFrom} to ${program.effectiveTo ?? 'onwards'}, when ${program.id} applies`,
      rule: { description: 'eligibility is asked under a program in force on that date', source: program.source },
    });
  }
  const windowOptions: PolicyWindowOptions = {
    ...(options.window !== undefined ? { window: options.window } : {}),
    ...(options.bound !== undefined ? { bound: options.bound } : {}),
  };
  const priorityGroups = options.priorityGroups ?? (program === NTP_SPRR_2021_2025 ? NTP_SPRR_2021_2025_PRIORITY_GROUPS : []);
  return { asOf, program, priorityGroups, window: resolvePolicyWindow(windowOptions) };
}

interface Standing {
  readonly status: HouseholdStatus | null;
  readonly finding: RecentlyEscapedFinding;
  readonly beneficiaryStatuses: readonly BeneficiaryStatus[];
}

function standing(h: Prepared, ctx: Context): Standing {
  const finding = findRecentlyEscaped(h.history, ctx.asOf, ctx.window);
  const status = finding.status;
  const statuses: BeneficiaryStatus[] = [];
  if (status === 'poor') statuses.push('poor');
  if (status === 'near-poor') statuses.push('near-poor');
  if (finding.recentlyEscaped) statuses.push('recently-escaped');
  return { status, finding, beneficiaryStatuses: statuses };
}

function matchGroup(group: TargetGroup, unitCode: string, s: Standing, traits: ReadonlySet<HouseholdTrait>): EligibilityReason | undefined {
  if (group.level !== 'household') return undefined;
  if (!group.requires.every((c) => traits.has(c))) return undefined;
  let viaStatus: BeneficiaryStatus | null = null;
  if (group.statuses.length > 0) {
    const hit = group.statuses.find((st) => s.beneficiaryStatuses.includes(st));
    if (hit === undefined) return undefined;
    viaStatus = hit;
  }
  return {
    componentCode: unitCode,
    targetGroupId: group.id,
    targetGroupVi: group.nameVi,
    viaStatus,
    viaCircumstances: [...group.requires],
    source: group.source,
  };
}

/** The units a component stands for: itself, or its sub-projects for a project that has some. */
function unitsOf(component: ProgramComponent): readonly ProgramComponent[] {
  if (isSubProject(component) || component.subProjects.length === 0) return [component];
  return [component, ...component.subProjects];
}

function evaluate(component: ProgramComponent, s: Standing, traits: ReadonlySet<HouseholdTrait>): ComponentEligibility {
  const reasons: EligibilityReason[] = [];
  for (const unit of unitsOf(component)) {
    for (const g of unit.targetGroups) {
      const r = matchGroup(g, unit.code, s, traits);
      if (r !== undefined) reasons.push(r);
    }
  }
  return { componentCode: component.code, eligible: reasons.length > 0, reasons };
}

function priorities(s: Standing, traits: ReadonlySet<HouseholdTrait>, groups: readonly PriorityGroup[]): PriorityGroupId[] {
  return groups.filter((g) => g.statuses.some((st) => s.beneficiaryStatuses.includes(st)) && g.requires.every((t) => traits.has(t))).map((g) => g.id);
}

/**
 * Which components of the program a household is eligible for on a date, and why: its status on
 * the date (poor, near-poor, recently escaped within the policy window) and its traits are matched
 * against the household-level target groups of every implementable unit. Area-level groups
 * (infrastructure of DA1) and organisation-level groups (officials, DA7) never make a single
 * household eligible.
 *
 * @param household - `{ householdId, history, traits? }`.
 * @param options - `asOf` (required), `program`, `window`, `bound`, `priorityGroups`.
 * @returns a frozen {@link HouseholdEligibility}.
 * @throws VnPovertyError `invalid-input` / `missing-field` (shape), history issues
 *   (`duplicate-status-date`…), `invalid-date`, `no-program-in-force` when no program covers `asOf`,
 *   `outside-program-period` when the program passed is not in force on `asOf`.
 * @example
 * householdEligibility(
 *   { householdId: 'h1', history: { priorStatus: 'poor', records: [{ on: '2023-01-31', status: 'average' }] }, traits: ['child-under-16'] },
 *   { asOf: '2024-06-01' },
 * ).eligibleComponents
 * //=> ['DA2', 'DA3.TDA1', 'DA3.TDA2', 'DA4.TDA1', 'DA4.TDA2', 'DA4.TDA3', 'DA6.TDA1']
 * @see QĐ 90/QĐ-TTg (18/01/2022), Parts II–III (beneficiaries, components).
 */
export function householdEligibility(household: ProgramHousehold, options: EligibilityOptions): HouseholdEligibility {
  assertOptions(options, 'householdEligibility', true);
  const ctx = context(options);
  const h = prepare(household, []);
  const s = standing(h, ctx);
  const components = implementableUnits(ctx.program).map((u) => evaluate(u, s, h.traits));
  return deepFreeze({
    householdId: h.householdId,
    asOf: ctx.asOf,
    programId: ctx.program.id,
    status: s.status,
    beneficiaryStatuses: s.beneficiaryStatuses,
    recentlyEscaped: s.finding,
    components,
    eligibleComponents: components.filter((c) => c.eligible).map((c) => c.componentCode),
    priorityGroups: priorities(s, h.traits, ctx.priorityGroups),
  });
}

/**
 * Whether a household is eligible for one component on a date, and why. For a project with
 * sub-projects (e.g. `'DA3'`), the household is eligible when it belongs to a target group of any
 * of its sub-projects.
 *
 * @param household - `{ householdId, history, traits? }`.
 * @param code - component code (`'DA5'`, `'DA3.TDA2'`…).
 * @param options - as for {@link householdEligibility}.
 * @throws VnPovertyError as {@link householdEligibility}, and `unknown-component`.
 * @example
 * componentEligibility(
 *   { householdId: 'h2', history: { records: [{ on: '2022-12-01', status: 'near-poor' }] }, traits: ['in-poor-district'] },
 *   'DA5',
 *   { asOf: '2024-06-01' },
 * ).eligible //=> true
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part III.
 */
export function componentEligibility(household: ProgramHousehold, code: string, options: EligibilityOptions): ComponentEligibility {
  assertOptions(options, 'componentEligibility', true);
  const ctx = context(options);
  const component = programComponent(ctx.program, code);
  const h = prepare(household, []);
  return deepFreeze(evaluate(component, standing(h, ctx), h.traits));
}

/**
 * The households of a list eligible for one component on a date, in list order, each with its
 * reasons and priority groups. Every household is validated first; problems are reported together
 * with their position in the list.
 *
 * @param households - the list.
 * @param code - component code.
 * @param options - as for {@link householdEligibility}.
 * @throws VnPovertyError as {@link householdEligibility} (paths start with the list index),
 *   `unknown-component`, `duplicate-household`.
 * @example
 * eligibleHouseholds(
 *   [
 *     { householdId: 'a', history: { records: [{ on: '2022-12-01', status: 'poor' }] } },
 *     { householdId: 'b', history: { records: [{ on: '2022-12-01', status: 'non-poor' }] } },
 *   ],
 *   'DA2',
 *   { asOf: '2024-06-01' },
 * ).map((h) => h.householdId) //=> ['a']
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part III.
 */
export function eligibleHouseholds(households: readonly ProgramHousehold[], code: string, options: EligibilityOptions): readonly EligibleHousehold[] {
  assertOptions(options, 'eligibleHouseholds', true);
  const ctx = context(options);
  const component = programComponent(ctx.program, code);
  if (!Array.isArray(households)) {
    return fail({ code: 'invalid-input', path: [], value: households, expected: 'an array of households' });
  }
  const issues: VnIssue[] = [];
  const prepared: Prepared[] = [];
  const seen = new Map<string, number>();
  households.forEach((raw, i) => {
    try {
      const h = prepare(raw, [i]);
      const first = seen.get(h.householdId);
      if (first !== undefined) {
        issues.push(issue({ code: 'duplicate-household', path: [i, 'householdId'], value: h.householdId, expected: `each household once in the list (also at index ${first})` }));
      } else {
        seen.set(h.householdId, i);
      }
      prepared.push(h);
    } catch (e) {
      if (e instanceof VnPovertyError) issues.push(...e.issues);
      else throw e;
    }
  });
  if (issues.length > 0) throw new VnPovertyError(issues as unknown as VnIssues);
  const out: EligibleHousehold[] = [];
  for (const h of prepared) {
    const s = standing(h, ctx);
    const result = evaluate(component, s, h.traits);
    if (result.eligible) {
      out.push({
        householdId: h.householdId,
        status: s.status,
        beneficiaryStatuses: s.beneficiaryStatuses,
        reasons: result.reasons,
        priorityGroups: priorities(s, h.traits, ctx.priorityGroups),
      });
    }
  }
  return deepFreeze(out);
}
