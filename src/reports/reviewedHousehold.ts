import * as z from 'zod';
import { VnPovertyError, parseInput, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import type { Area } from '../standards/household.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../standards/householdStatus.js';
import { INDICATOR_IDS, type IndicatorId } from '../standards/indicators.js';

/**
 * The causes of poverty a review records (*nguyên nhân nghèo*), as provincial review exports
 * list them: lack of production land, of capital, of labour, of tools or means of production,
 * of production knowledge, of labour skills; illness or accident; other.
 * @see review-procedure §9 (Đắk Nông review-system export, 2023–2024; SECONDARY).
 */
export type PovertyCause = 'land' | 'capital' | 'labour' | 'tools' | 'knowledge' | 'skills' | 'illness' | 'other';

/**
 * Every {@link PovertyCause}, in the order the exports print them.
 * @example
 * POVERTY_CAUSES.length //=> 8
 */
export const POVERTY_CAUSES: readonly PovertyCause[] = Object.freeze(['land', 'capital', 'labour', 'tools', 'knowledge', 'skills', 'illness', 'other']);

/**
 * Vietnamese names of the causes.
 * @example
 * POVERTY_CAUSE_LABELS_VI.land //=> 'Thiếu đất sản xuất'
 */
export const POVERTY_CAUSE_LABELS_VI: Readonly<Record<PovertyCause, string>> = Object.freeze({
  land: 'Thiếu đất sản xuất',
  capital: 'Thiếu vốn',
  labour: 'Thiếu lao động',
  tools: 'Thiếu công cụ, phương tiện sản xuất',
  knowledge: 'Thiếu kiến thức sản xuất',
  skills: 'Thiếu kỹ năng lao động',
  illness: 'Ốm đau, tai nạn',
  other: 'Khác',
});

/** Counts of a household's children (under 16) and their deprivations, as review exports carry them. */
export interface ChildCounts {
  readonly total: number;
  /** Without health insurance (*không có bảo hiểm y tế*). */
  readonly withoutHealthInsurance: number;
  /** Deprived in nutrition (*thiếu hụt dinh dưỡng*). */
  readonly nutritionDeprived: number;
  /** Deprived in school attendance (*thiếu hụt đi học*). */
  readonly schoolDeprived: number;
}

/**
 * A household after the review, as the reports read it: already classified (by income, by
 * score or as printed), with where it lives and what the export records. Every field but `id`,
 * `unit` and `status` is optional; a report that needs a field says so.
 */
export interface ReviewedHousehold {
  readonly id: string;
  /** The reporting unit (commune, ward; district or province for a higher-level report). */
  readonly unit: string;
  /** Urban or rural, for the blocks of the summary form. */
  readonly area?: Area;
  /** Village or residential group (*thôn, bon, tổ dân phố*). */
  readonly village?: string;
  /** Head of household, for the detailed lists. */
  readonly headName?: string;
  /** Status recognised at this review (end of the year). */
  readonly status: HouseholdStatus;
  /** Status at the start of the year; `null` when the household was not on the start list. */
  readonly startStatus?: HouseholdStatus | null;
  /** Escaped poverty at some earlier review (so poor again is *tái nghèo*). */
  readonly everEscapedPoverty?: boolean;
  /** Escaped near-poverty at some earlier review (so near-poor again is *tái cận nghèo*). */
  readonly everEscapedNearPoverty?: boolean;
  /** An ethnic-minority household (*hộ dân tộc thiểu số*, DTTS). */
  readonly ethnicMinority?: boolean;
  /** The ethnic group (*dân tộc*) as recorded, e.g. `'Kinh'`, `"M'nông"`. */
  readonly ethnicGroup?: string;
  /** Deprived indicators. */
  readonly deprivations?: readonly IndicatorId[];
  /** Causes of poverty recorded. */
  readonly causes?: readonly PovertyCause[];
  /** Policy groups the household belongs to (*nhóm đối tượng*: người có công, bảo trợ xã hội…), as recorded. */
  readonly policyGroups?: readonly string[];
  /** Children counts. */
  readonly children?: ChildCounts;
}

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const status = z.enum(HOUSEHOLD_STATUSES as unknown as readonly [HouseholdStatus, ...HouseholdStatus[]]);
const childrenSchema = z
  .strictObject({ total: count, withoutHealthInsurance: count, nutritionDeprived: count, schoolDeprived: count })
  .refine((c) => c.withoutHealthInsurance <= c.total && c.nutritionDeprived <= c.total && c.schoolDeprived <= c.total, 'each children count at most the children total');

/**
 * zod schema of a {@link ReviewedHousehold}; unknown fields are refused.
 * @example
 * reviewedHouseholdSchema.safeParse({ id: 'h1', unit: 'Tân Lợi', status: 'poor', causes: ['land'] }).success //=> true
 * reviewedHouseholdSchema.safeParse({ id: 'h1', unit: 'Tân Lợi', status: 'poor', causes: ['luck'] }).success //=> false
 */
export const reviewedHouseholdSchema = z.strictObject({
  id: z.string().min(1),
  unit: z.string().min(1),
  area: z.enum(['rural', 'urban']).optional(),
  village: z.string().min(1).optional(),
  headName: z.string().optional(),
  status,
  startStatus: status.nullable().optional(),
  everEscapedPoverty: z.boolean().optional(),
  everEscapedNearPoverty: z.boolean().optional(),
  ethnicMinority: z.boolean().optional(),
  ethnicGroup: z.string().min(1).optional(),
  deprivations: z.array(z.enum(INDICATOR_IDS as unknown as readonly [IndicatorId, ...IndicatorId[]])).optional(),
  causes: z.array(z.enum(POVERTY_CAUSES as unknown as readonly [PovertyCause, ...PovertyCause[]])).optional(),
  policyGroups: z.array(z.string().min(1)).optional(),
  children: childrenSchema.optional(),
});

const STATUS_SET: ReadonlySet<unknown> = new Set(HOUSEHOLD_STATUSES);
const INDICATOR_SET: ReadonlySet<unknown> = new Set(INDICATOR_IDS);
const CAUSE_SET: ReadonlySet<unknown> = new Set(POVERTY_CAUSES);
const CHILD_FIELDS = ['total', 'withoutHealthInsurance', 'nutritionDeprived', 'schoolDeprived'] as const;
const isText = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
function isListOf(v: unknown, ok: (x: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) return false;
  return true;
}
const FIELD_CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  id: isText,
  unit: isText,
  area: (v) => v === 'rural' || v === 'urban',
  village: isText,
  headName: (v) => typeof v === 'string',
  status: (v) => STATUS_SET.has(v),
  startStatus: (v) => v === null || STATUS_SET.has(v),
  everEscapedPoverty: (v) => typeof v === 'boolean',
  everEscapedNearPoverty: (v) => typeof v === 'boolean',
  ethnicMinority: (v) => typeof v === 'boolean',
  ethnicGroup: isText,
  deprivations: (v) => isListOf(v, (x) => INDICATOR_SET.has(x)),
  causes: (v) => isListOf(v, (x) => CAUSE_SET.has(x)),
  policyGroups: (v) => isListOf(v, isText),
  children: (v) => {
    if (!isPlain(v) || Object.keys(v).length !== CHILD_FIELDS.length || !CHILD_FIELDS.every((k) => isCount(v[k]))) return false;
    const total = v['total'] as number;
    return (v['withoutHealthInsurance'] as number) <= total && (v['nutritionDeprived'] as number) <= total && (v['schoolDeprived'] as number) <= total;
  },
};

/**
 * Whether a record is a valid {@link ReviewedHousehold} that the schema would give back as it
 * is: a plain object with only known fields, none `undefined`, each of the right type. The bulk
 * path of {@link parseReviewedHouseholds} (a register of a million households is read once, not
 * copied by the schema in every report); anything else goes through the schema, which names
 * what is wrong.
 * @internal
 */
export function isValidReviewedHousehold(raw: unknown): raw is ReviewedHousehold {
  if (!isPlain(raw) || !isText(raw['id']) || !isText(raw['unit']) || !STATUS_SET.has(raw['status'])) return false;
  for (const key of Object.getOwnPropertyNames(raw)) {
    const check = FIELD_CHECKS[key];
    if (check === undefined || !Object.prototype.hasOwnProperty.call(FIELD_CHECKS, key) || !check(raw[key])) return false;
  }
  return true;
}

/**
 * Validates reviewed households at the edge: every record, every issue with its index, and no
 * household id twice.
 * @internal
 */
export function parseReviewedHouseholds(input: readonly ReviewedHousehold[]): readonly ReviewedHousehold[] {
  const issues: VnIssue[] = [];
  const out: ReviewedHousehold[] = [];
  const seen = new Map<string, number>();
  if (!Array.isArray(input)) return parseInput(z.array(reviewedHouseholdSchema), input) as readonly ReviewedHousehold[];
  input.forEach((raw, i) => {
    try {
      const h = isValidReviewedHousehold(raw) ? raw : (parseInput(reviewedHouseholdSchema, raw) as ReviewedHousehold);
      const first = seen.get(h.id);
      if (first !== undefined) {
        issues.push({ code: 'duplicate-household', path: [i, 'id'], value: h.id, expected: `each household once (also at index ${first})`, message: `household ${i}: id ${JSON.stringify(h.id)} is also at index ${first}` });
      } else seen.set(h.id, i);
      out.push(h);
    } catch (e) {
      if (!(e instanceof VnPovertyError)) throw e;
      for (const x of e.issues) issues.push({ ...x, path: [i, ...x.path], message: `household ${i}: ${x.message}` });
    }
  });
  if (issues.length > 0) throw new VnPovertyError(issues as unknown as VnIssues);
  return out;
}
