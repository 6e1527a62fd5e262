import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { checkAreaFlow, type AreaFlowCheck } from '../areas/checkAreaFlow.js';
import { rateOf } from '../areas/areaFigures.js';
import { fail, parseInput } from '../errors/VnPovertyError.js';
import { assertDecimals, assertRoundingMode, type DecimalsOptions } from '../numbers/rounding.js';
import type { Area } from '../standards/household.js';
import type { ReportCell } from './reportCell.js';
import type { ReviewedHousehold } from './reviewedHousehold.js';
import { unitFlows, type UnitFlows } from './_unitFlows.js';
import { assertOptions } from '../errors/assertOptions.js';

/** One unit's figures for the summary form, for one status (poor or near-poor). */
export interface SummaryFormUnit {
  readonly unit: string;
  /** Urban units go in block I, rural units in block II. */
  readonly area: Area;
  /** *Tổng số hộ dân cư*: the base of every rate (of the ethnic-minority rates unless told otherwise). */
  readonly households: number;
  /** *Trong đó hộ DTTS*: the unit's ethnic-minority households, when known (the form prints them under the households). */
  readonly ethnicMinorityHouseholds?: number;
  /** At the start of the year: households of the status, and the ethnic-minority ones among them (*Số hộ DTTS*). */
  readonly start: number;
  readonly startEthnicMinority: number;
  /** *Số hộ thoát (cận) nghèo*. */
  readonly exits: number;
  /** *Số hộ tái (cận) nghèo*. */
  readonly re: number;
  /** *Số hộ (cận) nghèo phát sinh*. */
  readonly newly: number;
  /** Households of the status that moved in or out (the form prints none; 0 when left out). */
  readonly movedIn?: number;
  readonly movedOut?: number;
  /** At the end of the year. */
  readonly end: number;
  readonly endEthnicMinority: number;
}

/** Options of {@link summaryForm}: the status and the rounding of the rates (official forms: 2 decimals, half-up). */
export interface SummaryFormOptions extends DecimalsOptions {
  readonly status: 'poor' | 'near-poor';
  /**
   * The base of the ethnic-minority rates: `'households'` (all the unit's households, the
   * default) or `'ethnic-minority-households'` (the unit's ethnic-minority households, which every
   * unit must then give). UNCONFIRMED: the form prints “Tỷ lệ %” beside “Số hộ DTTS” and the
   * ethnic-minority households under the households, without saying which base it means.
   */
  readonly ethnicMinorityBase?: EthnicMinorityBase;
}

/** The base of the summary form's ethnic-minority rates (see {@link SummaryFormOptions.ethnicMinorityBase}). */
export type EthnicMinorityBase = 'households' | 'ethnic-minority-households';

/** A count and its rate (count ÷ the row's households × 100; null for a unit without households). */
export type SummaryFormCell = ReportCell;

/** One row of the form: a unit, a block subtotal or the total. */
export interface SummaryFormRow {
  readonly kind: 'unit' | 'subtotal' | 'total';
  readonly unit: string;
  readonly area: Area | null;
  readonly households: number;
  /** The ethnic-minority households, or null when a unit did not give them. */
  readonly ethnicMinorityHouseholds: number | null;
  readonly start: SummaryFormCell;
  readonly startEthnicMinority: SummaryFormCell;
  readonly exits: SummaryFormCell;
  readonly re: SummaryFormCell;
  readonly newly: SummaryFormCell;
  readonly movedIn: number;
  readonly movedOut: number;
  readonly end: SummaryFormCell;
  readonly endEthnicMinority: SummaryFormCell;
  /** The flow balance start + newly + re + movedIn − exits − movedOut = end, checked. */
  readonly balance: AreaFlowCheck;
}

/** A block of the form: "I Khu vực thành thị" or "II Khu vực nông thôn". */
export interface SummaryFormBlock {
  readonly area: Area;
  readonly label: string;
  readonly rows: readonly SummaryFormRow[];
  readonly subtotal: SummaryFormRow;
}

/** A relation of the form that does not hold (a finding, not an error). */
export interface SummaryFormFinding {
  readonly unit: string;
  readonly code: 'flow-does-not-balance' | 'ethnic-minority-exceeds-count' | 'count-exceeds-households' | 'exits-exceed-start';
  readonly message: string;
}

/** The result of {@link summaryForm}. */
export interface SummaryForm {
  readonly status: 'poor' | 'near-poor';
  /** The form's title. */
  readonly title: string;
  /** How the rates were rounded (what `summaryFormTable` prints and checks). */
  readonly rates: DecimalsOptions;
  /** The base of the ethnic-minority rates. */
  readonly ethnicMinorityBase: EthnicMinorityBase;
  /** Urban block first, then rural (a block without units is left out). */
  readonly blocks: readonly SummaryFormBlock[];
  /** *Tổng cộng*. */
  readonly total: SummaryFormRow;
  readonly ok: boolean;
  readonly findings: readonly SummaryFormFinding[];
}

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const unitSchema = z.strictObject({
  unit: z.string().min(1),
  area: z.enum(['rural', 'urban']),
  households: count,
  ethnicMinorityHouseholds: count.optional(),
  start: count,
  startEthnicMinority: count,
  exits: count,
  re: count,
  newly: count,
  movedIn: count.optional(),
  movedOut: count.optional(),
  end: count,
  endEthnicMinority: count,
});

const BLOCK_LABELS: Readonly<Record<Area, string>> = { urban: 'I Khu vực thành thị', rural: 'II Khu vực nông thôn' };
const FIELDS = ['households', 'start', 'startEthnicMinority', 'exits', 're', 'newly', 'movedIn', 'movedOut', 'end', 'endEthnicMinority'] as const;
type Counts = Record<(typeof FIELDS)[number], number> & { readonly ethnicMinorityHouseholds: number | null };

/**
 * Builds the official summary form of a review (Mẫu số 3, *Tổng hợp kết quả điều tra, rà soát hộ
 * nghèo / hộ cận nghèo*) for one status: per unit the households, the start counts and rates (all
 * and ethnic-minority), the three flows (*thoát, tái, phát sinh*) with rates, the end counts and
 * rates; urban and rural blocks with subtotals, then the total. **Subtotals and the total add the
 * units' counts; every rate is computed from counts** (÷ the row's households × 100, rounded once).
 * Relations that do not hold are findings: the flow balance (start + phát sinh + tái − thoát = end,
 * moves kept apart), ethnic-minority counts within the counts (and within the ethnic-minority
 * households), counts within the households, exits within the start (and households moved in).
 * `summaryFormTable` prints the form; the `summary-form` layout reconciles it.
 *
 * @remarks UNCONFIRMED: the base of the flow and ethnic-minority rates (here the unit's
 * households, like the start and end rates, unless `ethnicMinorityBase` says otherwise; the form
 * only says "Tỷ lệ %").
 * @param units - one {@link SummaryFormUnit} per unit (see `summaryFormUnits` to build them from households)
 * @param options - `status`, `decimals`, `rounding`, `ethnicMinorityBase`
 * @throws VnPovertyError `invalid-input`, `duplicate-unit`, `invalid-option`, `missing-field` (ethnic-minority households for that base).
 * @example
 * summaryForm([{ unit: 'Nhà Bàng', area: 'urban', households: 3339, start: 18, startEthnicMinority: 0, exits: 1, re: 0, newly: 0, end: 17, endEthnicMinority: 0 }],
 *   { status: 'poor', decimals: 2, rounding: 'half-up' }).total.end.rate?.printed //=> '0,51'
 * @see Mẫu số 3 (luatminhkhue.vn reproduction); review-procedure §9 (SECONDARY).
 */
export function summaryForm(units: readonly SummaryFormUnit[], options: SummaryFormOptions): SummaryForm {
  assertOptions(options, 'summaryForm', true);
  assertDecimals(options.decimals);
  assertRoundingMode(options.rounding);
  if (options.status !== 'poor' && options.status !== 'near-poor') fail({ code: 'invalid-option', path: ['status'], value: options.status, expected: "'poor' or 'near-poor'" });
  const base = options.ethnicMinorityBase ?? 'households';
  if (base !== 'households' && base !== 'ethnic-minority-households') fail({ code: 'invalid-option', path: ['ethnicMinorityBase'], value: base, expected: "'households' or 'ethnic-minority-households'" });
  const list = parseInput(z.array(unitSchema), units);
  const seen = new Set<string>();
  list.forEach((u, i) => {
    if (seen.has(u.unit)) fail({ code: 'duplicate-unit', path: [i, 'unit'], value: u.unit, expected: 'each unit once (it would be counted twice)' });
    seen.add(u.unit);
    if (base === 'ethnic-minority-households' && u.ethnicMinorityHouseholds === undefined) {
      fail({ code: 'missing-field', path: [i, 'ethnicMinorityHouseholds'], value: undefined, expected: 'the unit\'s ethnic-minority households (hộ DTTS), the base of its ethnic-minority rates' });
    }
  });
  const findings: SummaryFormFinding[] = [];
  const row = (kind: SummaryFormRow['kind'], unit: string, area: Area | null, c: Counts): SummaryFormRow => {
    const cell = (n: number): SummaryFormCell => ({ count: n, rate: rateOf(n, c.households, options) });
    const emCell = (n: number): SummaryFormCell => ({ count: n, rate: rateOf(n, base === 'households' ? c.households : (c.ethnicMinorityHouseholds ?? 0), options) });
    const moves = c.movedIn > 0 || c.movedOut > 0 ? { movedIn: c.movedIn, movedOut: c.movedOut } : {};
    const balance =
      options.status === 'poor'
        ? checkAreaFlow({ unit, start: c.start, newlyPoor: c.newly, rePoor: c.re, exits: c.exits, ...moves, end: c.end })
        : checkAreaFlow({ unit, status: 'near-poor', start: c.start, newlyNearPoor: c.newly, reNearPoor: c.re, exits: c.exits, ...moves, end: c.end });
    if (kind === 'unit') {
      if (!balance.ok) findings.push({ unit, code: 'flow-does-not-balance', message: balance.message });
      for (const [sub, of] of [
        ['startEthnicMinority', 'start'],
        ['endEthnicMinority', 'end'],
      ] as const) {
        if (c[sub] > c[of]) findings.push({ unit, code: 'ethnic-minority-exceeds-count', message: `${unit}: ${c[sub]} ethnic-minority households (${sub}) but only ${c[of]} in all (${of})` });
      }
      const em = c.ethnicMinorityHouseholds;
      if (em !== null) {
        for (const sub of ['startEthnicMinority', 'endEthnicMinority'] as const) {
          if (c[sub] > em) findings.push({ unit, code: 'ethnic-minority-exceeds-count', message: `${unit}: ${c[sub]} ethnic-minority households (${sub}) but only ${em} ethnic-minority households in the unit` });
        }
      }
      for (const [f, n] of [['start', c.start], ['end', c.end], ['ethnicMinorityHouseholds', em ?? 0]] as const) {
        if (n > c.households) findings.push({ unit, code: 'count-exceeds-households', message: `${unit}: ${n} households (${f}) but only ${c.households} households in the unit` });
      }
      if (c.exits > c.start + c.movedIn) findings.push({ unit, code: 'exits-exceed-start', message: `${unit}: ${c.exits} exits but only ${c.start + c.movedIn} households at the start (and moved in)` });
    }
    return {
      kind,
      unit,
      area,
      households: c.households,
      ethnicMinorityHouseholds: c.ethnicMinorityHouseholds,
      start: cell(c.start),
      startEthnicMinority: emCell(c.startEthnicMinority),
      exits: cell(c.exits),
      re: cell(c.re),
      newly: cell(c.newly),
      movedIn: c.movedIn,
      movedOut: c.movedOut,
      end: cell(c.end),
      endEthnicMinority: emCell(c.endEthnicMinority),
      balance,
    };
  };
  const countsOf = (u: z.output<typeof unitSchema>): Counts => ({ ...u, movedIn: u.movedIn ?? 0, movedOut: u.movedOut ?? 0, ethnicMinorityHouseholds: u.ethnicMinorityHouseholds ?? null });
  const sum = (cs: readonly Counts[]): Counts => ({
    ...(Object.fromEntries(FIELDS.map((f) => [f, cs.reduce((a, c) => a + c[f], 0)])) as Record<(typeof FIELDS)[number], number>),
    ethnicMinorityHouseholds: cs.some((c) => c.ethnicMinorityHouseholds === null) ? null : cs.reduce((a, c) => a + (c.ethnicMinorityHouseholds ?? 0), 0),
  });
  const blocks: SummaryFormBlock[] = [];
  for (const area of ['urban', 'rural'] as const) {
    const members = list.filter((u) => u.area === area);
    if (members.length === 0) continue;
    const rows = members.map((u) => row('unit', u.unit, area, countsOf(u)));
    blocks.push({ area, label: BLOCK_LABELS[area], rows, subtotal: row('subtotal', BLOCK_LABELS[area], area, sum(members.map(countsOf))) });
  }
  const total = row('total', 'Tổng cộng', null, sum(list.map(countsOf)));
  const statusVi = options.status === 'poor' ? 'hộ nghèo' : 'hộ cận nghèo';
  return deepFreeze({
    status: options.status,
    title: `Tổng hợp kết quả điều tra, rà soát ${statusVi}`,
    rates: { decimals: options.decimals, rounding: options.rounding },
    ethnicMinorityBase: base,
    blocks,
    total,
    ok: findings.length === 0,
    findings,
  });
}

/** Options of {@link summaryFormUnits}. */
export interface SummaryFormUnitsOptions {
  readonly status: 'poor' | 'near-poor';
  /**
   * The list at the start of the year (the previous review's classified households, `status` as
   * recognised then), matched by id; the households' own `startStatus` must then be left out. A
   * household only on this list moved out (or left the lists), one only on the end list moved
   * in (or is new), one in another unit moved: `reviewTransitions`' conventions.
   */
  readonly start?: readonly ReviewedHousehold[];
}

/**
 * The {@link SummaryFormUnit} figures of every unit from reviewed households: each household
 * counts in its unit's households; the status at the start of the year (its `startStatus`, or
 * the `start` list) and `status` give the flows (`reviewTransitions`: *tái* needs
 * `everEscapedPoverty` / `everEscapedNearPoverty`, read from the start record or else the
 * household's); the ethnic-minority counts and households come from `ethnicMinority`. Every
 * household needs an `area`, and a unit's households must share it (a unit's area is the one its
 * households have now; the `start` list's only for a unit no household lives in now). Without a `start` list a
 * household is counted in one unit at both ends; with one, a household on it in another unit
 * moved (moved out there, moved in here), and the form prints the moves.
 *
 * @throws VnPovertyError `invalid-input`, `duplicate-household`, `missing-field` (area), `mixed-areas`, `conflicting-start`.
 * @example
 * summaryFormUnits([{ id: 'a', unit: 'X', area: 'rural', status: 'near-poor', startStatus: 'poor' }], { status: 'poor' })[0]?.exits //=> 1
 * summaryFormUnits([{ id: 'a', unit: 'X', area: 'rural', status: 'poor' }], { status: 'poor', start: [{ id: 'b', unit: 'X', area: 'rural', status: 'poor' }] })[0]
 * //=> { unit: 'X', area: 'rural', households: 1, ethnicMinorityHouseholds: 0, start: 1, startEthnicMinority: 0, exits: 0, re: 0, newly: 0, movedIn: 1, movedOut: 1, end: 1, endEthnicMinority: 0 }
 * @see Mẫu số 3; review-procedure §9.
 */
export function summaryFormUnits(households: readonly ReviewedHousehold[], options: SummaryFormUnitsOptions): readonly SummaryFormUnit[] {
  assertOptions(options, 'summaryFormUnits', true);
  const s = options.status;
  if (s !== 'poor' && s !== 'near-poor') fail({ code: 'invalid-option', path: ['status'], value: s, expected: "'poor' or 'near-poor'" });
  return deepFreeze(unitFlows(households, options.start, true).map((u) => unitOf(u, s)));
}

/** One unit's summary-form figures for one status. */
function unitOf(u: UnitFlows, s: 'poor' | 'near-poor'): SummaryFormUnit {
  const f = u.flows[s];
  return {
    unit: u.unit,
    area: u.area as Area,
    households: u.households,
    ethnicMinorityHouseholds: u.ethnicMinorityHouseholds,
    start: f.start,
    startEthnicMinority: u.startEthnicMinority[s],
    exits: f.exits,
    re: f.re,
    newly: f.newly,
    movedIn: f.movedIn,
    movedOut: f.movedOut,
    end: f.end,
    endEthnicMinority: u.endEthnicMinority[s],
  };
}

/** Options of {@link summaryForms}: those of `summaryForm` but the status, and the `start` list of `summaryFormUnits`. */
export interface SummaryFormsOptions extends DecimalsOptions {
  readonly ethnicMinorityBase?: EthnicMinorityBase;
  readonly start?: readonly ReviewedHousehold[];
}

/**
 * Both summary forms of a review (Mẫu số 3 of the poor and of the near-poor) from reviewed
 * households, the flows matched once: the same as `summaryForm(summaryFormUnits(households,
 * { status, start }), { status, … })` for each status, in one pass over the households.
 *
 * @throws VnPovertyError as `summaryFormUnits` and `summaryForm`.
 * @example
 * const { poor, nearPoor } = summaryForms([{ id: 'a', unit: 'X', area: 'rural', status: 'near-poor', startStatus: 'poor' }], { decimals: 2, rounding: 'half-up' });
 * [poor.total.exits.count, nearPoor.total.newly.count] //=> [1, 1]
 * @see Mẫu số 3 (luatminhkhue.vn reproduction); review-procedure §9 (SECONDARY).
 */
export function summaryForms(households: readonly ReviewedHousehold[], options: SummaryFormsOptions): { readonly poor: SummaryForm; readonly nearPoor: SummaryForm } {
  assertOptions(options, 'summaryForms', true);
  const { start, ...rest } = options;
  const units = unitFlows(households, start, true);
  const form = (status: 'poor' | 'near-poor'): SummaryForm => summaryForm(units.map((u) => unitOf(u, status)), { ...rest, status });
  return deepFreeze({ poor: form('poor'), nearPoor: form('near-poor') });
}
