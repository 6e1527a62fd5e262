import { deepFreeze } from '../_internal/_freeze.js';
import { assertOptions } from '../errors/assertOptions.js';
import type { DecimalsOptions } from '../numbers/rounding.js';
import type { SummaryFlows } from '../status/reviewTransitions.js';
import { cellOf, check } from './_report.js';
import { unitFlows, type FlowStatus, type UnitFlows } from './_unitFlows.js';
import type { ReportCell, ReportOptions } from './reportCell.js';
import type { ReviewedHousehold } from './reviewedHousehold.js';

/** One status's flows in a unit: start and end with their rates (of the unit's households at the start and at the end), the flows as counts. */
export interface StatusFlows {
  readonly start: ReportCell;
  /** *Số hộ thoát (cận) nghèo*. */
  readonly exits: number;
  /** *Số hộ tái (cận) nghèo*. */
  readonly re: number;
  /** *Số hộ (cận) nghèo phát sinh*. */
  readonly newly: number;
  /** Arrived with the status (from another unit, or new on the lists). */
  readonly movedIn: number;
  /** Left with the status (to another unit, or off the lists). */
  readonly movedOut: number;
  readonly end: ReportCell;
}

/** One row of {@link flowsReport}: a unit or the total. */
export interface FlowsRow {
  /** The unit, or `'Tổng cộng'` for the total. */
  readonly unit: string;
  /** Households at the start of the year (on the start list): the base of the start rates. */
  readonly householdsAtStart: number;
  /** Households at the end of the year (reviewed now): the base of the end rates. */
  readonly households: number;
  readonly poor: StatusFlows;
  readonly nearPoor: StatusFlows;
}

/** The result of {@link flowsReport}. */
export interface FlowsReport {
  readonly title: string;
  /** How the rates were rounded (what `flowsTable` prints and checks). */
  readonly rates: DecimalsOptions;
  readonly rows: readonly FlowsRow[];
  readonly total: FlowsRow;
}

/** Options of {@link flowsReport}: the rounding of the rates, and the start list when the households carry no `startStatus`. */
export interface FlowsReportOptions extends ReportOptions {
  /** The list at the start of the year, matched by id (see `summaryFormUnits`). */
  readonly start?: readonly ReviewedHousehold[];
}

const add = (a: SummaryFlows, b: SummaryFlows): SummaryFlows => ({
  start: a.start + b.start,
  exits: a.exits + b.exits,
  re: a.re + b.re,
  newly: a.newly + b.newly,
  movedIn: a.movedIn + b.movedIn,
  movedOut: a.movedOut + b.movedOut,
  end: a.end + b.end,
});
const NONE: SummaryFlows = { start: 0, exits: 0, re: 0, newly: 0, movedIn: 0, movedOut: 0, end: 0 };

/**
 * The flows of poor and of near-poor households (*Tổng hợp diễn biến hộ nghèo, hộ cận nghèo*):
 * per unit and for each status, the households at the start of the year, the three flows of the
 * summary form (*thoát*, *tái*, *phát sinh*), households moved in and out, and the end, so that
 * **start + phát sinh + tái + moved in − thoát − moved out = end** for both statuses in every row;
 * the start rates of the unit's households at the start (those with a start status, or on the
 * start list), the end rates of its households now. The total adds the units' counts (moves between
 * units appear in both moved in and moved out). Flows follow `reviewTransitions` and the summary
 * form's convention (near-poor → poor is a near-poor exit, poor → near-poor a new near-poor entry).
 *
 * @throws VnPovertyError `invalid-input`, `duplicate-household`, `conflicting-start`, `invalid-option`.
 * @example
 * const r = flowsReport([{ id: 'a', unit: 'X', status: 'near-poor', startStatus: 'poor' }, { id: 'b', unit: 'X', status: 'poor', startStatus: 'poor' }], { decimals: 2, rounding: 'half-up' });
 * [r.total.poor.start.count, r.total.poor.exits, r.total.poor.end.count, r.total.poor.end.rate?.printed] //=> [2, 1, 1, '50,00']
 * [r.total.nearPoor.newly, r.total.nearPoor.end.count] //=> [1, 1]
 * @see review-procedure §9 (“Tổng hợp diễn biến hộ nghèo”, “… hộ cận nghèo”; SECONDARY); QĐ 24/2021/QĐ-TTg, Art. 4.
 */
export function flowsReport(households: readonly ReviewedHousehold[], options: FlowsReportOptions): FlowsReport {
  assertOptions(options, 'flowsReport', true);
  check(options);
  const units = unitFlows(households, options.start, false);
  const statusFlows = (f: SummaryFlows, atStart: number, base: number): StatusFlows => ({
    start: cellOf(f.start, atStart, options),
    exits: f.exits,
    re: f.re,
    newly: f.newly,
    movedIn: f.movedIn,
    movedOut: f.movedOut,
    end: cellOf(f.end, base, options),
  });
  const rowOf = (unit: string, atStart: number, households: number, flows: Readonly<Record<FlowStatus, SummaryFlows>>): FlowsRow => ({
    unit,
    householdsAtStart: atStart,
    households,
    poor: statusFlows(flows.poor, atStart, households),
    nearPoor: statusFlows(flows['near-poor'], atStart, households),
  });
  const sum = (us: readonly UnitFlows[], s: FlowStatus): SummaryFlows => us.reduce((a, u) => add(a, u.flows[s]), NONE);
  return deepFreeze({
    title: 'Tổng hợp diễn biến hộ nghèo, hộ cận nghèo',
    rates: { decimals: options.decimals, rounding: options.rounding },
    rows: units.map((u) => rowOf(u.unit, u.householdsAtStart, u.households, u.flows)),
    total: rowOf('Tổng cộng', units.reduce((n, u) => n + u.householdsAtStart, 0), units.reduce((n, u) => n + u.households, 0), { poor: sum(units, 'poor'), 'near-poor': sum(units, 'near-poor') }),
  });
}
