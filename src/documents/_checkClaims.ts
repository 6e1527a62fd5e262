import { addFractions, compareFractions, divideFractions, fraction, fractionToDecimal, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { DONG_PER_UNIT, MONEY_UNIT_LABELS } from '../numbers/money.js';
import { partAgainstTables } from './_partsAgainstTables.js';
import type { RoundingMode } from '../numbers/rounding.js';
import { inferCommonBase } from '../reconcile/inferCommonBase.js';
import { reconcileTable } from '../reconcile/reconcileTable.js';
import { evaluateTarget } from '../targets/evaluateTarget.js';
import { impliedBase, type TargetBase } from '../targets/convertTarget.js';
import type { ReductionTarget } from '../targets/reductionTarget.js';
import { placesNamed, rowPlaceKey } from './_placeNames.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import { cellNumber } from './_cellNumber.js';
import type { UnderstoodTable } from './_checkTables.js';
import { divideIntervals, intersectIntervals, intervalsMeet, scaleInterval, sumIntervals, type Interval } from '../numbers/interval.js';
import { DEFAULT_READINGS, figureInterval as readInterval, intervalInUnitOf, percentShareInterval as readShareInterval, type ProseReadings } from './_figureInterval.js';
import type { ProseFigure } from './_proseFigures.js';
import type { CheckedClaim, CheckFinding, CheckSeverity, FindingLocation, UncheckedItem } from './checkReport.js';
import type { DocumentModel } from './documentModel.js';
import { netChangeOf } from './_netChanges.js';
import { unconfirmedFlowTerm } from './_flowBlame.js';
import type { AgainstPlanClaim, ChangeClaim, ClaimFigure, DocumentClaim, FlowClaim, NetChangeClaim, PercentOfPlanClaim, RateCountClaim, RatioClaim, ReductionTargetClaim, TableFigureClaim, TextLocation, TotalWithPartsClaim, YearlyAverageClaim, YearlyChangesClaim } from './proseClaims.js';
import { roundQuotient } from '../numbers/rounding.js';
import { interval, negateInterval, formatInterval, intervalContains, pointInterval, widenInterval } from '../numbers/interval.js';
import { printedInterval } from '../numbers/printedInterval.js';
import { qualified } from './_proseFigures.js';

/** What checking the claims of a document gives. */
export interface ClaimChecks {
  readonly claims: CheckedClaim[];
  readonly findings: CheckFinding[];
  readonly unchecked: UncheckedItem[];
  /** Where the targets checked against a table's column of the year's targets are (0-based blocks): no other check reads them again. */
  readonly targetsAgainstColumns: readonly TextLocation[];
}

/** A plain decimal string (`'18.999981'`) in Vietnamese format with all its digits (`'18,999981'`). */
const plainVn = (s: string): string => formatVnNumber(s, { decimals: s.includes('.') ? s.length - s.indexOf('.') - 1 : 0 });
const vn = (f: Fraction, decimals: number): string => formatVnNumber(fractionToDecimal(f), { decimals, rounding: 'half-up' });

/** Checks every claim: sums of parts, common bases of rate–count pairs, implied plans, targets against the tables. */
export function checkClaims(model: DocumentModel, claims: readonly DocumentClaim[], tables: readonly UnderstoodTable[], rounding: RoundingMode, readings: ProseReadings = DEFAULT_READINGS): ClaimChecks {
  // every qualified figure read by the document's readings (“khoảng”'s width, “hơn”'s bound)
  const figureInterval = (f: ProseFigure): Interval => readInterval(f, readings);
  const percentShareInterval = (f: ProseFigure): Interval => readShareInterval(f, readings);
  const printedValues = (f: ClaimFigure): Interval => printedValuesAs(f, readings);
  const out: CheckedClaim[] = [];
  const findings: CheckFinding[] = [];
  const unchecked: UncheckedItem[] = [];
  const targetsAgainstColumns: TextLocation[] = [];
  const where = (l: TextLocation): FindingLocation => ({ block: l.block + 1, ...(model.blocks[l.block]?.position ?? {}), start: l.start, end: l.end });
  const status = new Map<DocumentClaim, { status: CheckedClaim['status']; note: string | null }>();
  /** The claim each finding is of. */
  const findingOf = new Map<CheckFinding, DocumentClaim>();
  /** The printed base each rate–count pair was checked on. */
  const baseOf = new Map<RateCountClaim, ClaimFigure>();
  /** The pairs a finding of pairs that share no base (or of one pair off the base the others share) was made of. */
  const pairsOf = new Map<CheckFinding, readonly RateCountClaim[]>();
  const finding = (c: DocumentClaim, f: Omit<CheckFinding, 'location'> & { location?: FindingLocation }): void => {
    const found = { ...f, location: f.location ?? where(c.location) };
    findings.push(found);
    findingOf.set(found, c);
    status.set(c, { status: 'finding', note: status.get(c)?.note ?? null });
  };
  const ok = (c: DocumentClaim, note: string | null): void => {
    if (status.get(c)?.status !== 'finding') status.set(c, { status: 'consistent', note });
  };
  const skip = (c: DocumentClaim, reason: string): void => {
    status.set(c, { status: 'unchecked', note: reason });
    unchecked.push({ kind: 'claim', location: where(c.location), text: c.sentence, reason });
  };

  // a part of a total the document's table prints otherwise (“… và vốn sự nghiệp 269.800,5 triệu đồng” for the table's
  // 296.800,5): a share of it printed elsewhere is judged on the table's figure, the one wrong figure found once, at the part
  const corrected = new Map<string, Fraction>();
  for (const c of claims) {
    if (c.kind !== 'total-with-parts' || c.totalElsewhere === true || c.subsets === true || c.overlapping === true) continue;
    const wrong = partAgainstTables(model, c.total, c.parts, tables);
    if (wrong !== null && wrong.part.dimension === 'money') corrected.set(`${wrong.part.location.block}:${wrong.part.location.start}`, wrong.value);
  }
  for (const c of claims) if (c.kind === 'total-with-parts') checkShares(c);
  for (const c of claims) if (c.kind === 'total-with-parts') checkTotal(c);
  for (const c of claims) if (c.kind === 'change' && c.sinceStart !== true) checkChange(c);
  for (const c of claims) if (c.kind === 'yearly-average') checkAverage(c);
  for (const c of claims) if (c.kind === 'flow') checkFlow(c);
  for (const c of claims) if (c.kind === 'net-change') checkNetChange(c);
  for (const c of claims) if (c.kind === 'ratio') checkRatio(c);
  for (const c of claims) if (c.kind === 'yearly-changes') checkYearlyChanges(c, claims.filter((r): r is RateCountClaim => r.kind === 'rate-count'));
  checkPairs(claims.filter((c): c is RateCountClaim => c.kind === 'rate-count'));
  // a change since the start of the period, between the rates of two pairs: a wrong rate is found once, at its pair
  for (const c of claims) if (c.kind === 'change' && c.sinceStart === true) checkSinceStart(c);
  for (const c of claims) if (c.kind === 'against-plan') checkAgainstPlan(c);
  checkPlans(claims.filter((c): c is PercentOfPlanClaim => c.kind === 'percent-of-plan'));
  checkTargets(claims.filter((c): c is ReductionTargetClaim => c.kind === 'reduction-target'));
  checkTableFigures(claims.filter((c): c is TableFigureClaim => c.kind === 'table-figure'));
  partsWithTheirOwnParts();
  dropChangesOfWrongEnds();
  pairsOfWrongCounts();

  for (const c of claims) {
    const s = status.get(c) ?? { status: 'unchecked' as const, note: null };
    out.push({ kind: c.kind, location: where(c.location), sentence: c.sentence, summary: summary(c), status: s.status, note: s.note });
  }
  return { claims: out, findings, unchecked, targetsAgainstColumns };

  function checkTotal(c: TotalWithPartsClaim): void {
    // a share of the document's total printed elsewhere: only the share is checked (checkShares)
    if (c.totalElsewhere === true) return ok(c, `${c.parts.map((p) => `${p.text} ÷ ${c.total.text} (block ${c.total.location.block + 1})`).join('; ')} × 100 = ${c.parts.map((p) => p.share!.text).join(', ')}`);
    if (c.overlapping === true) return checkOverlapping(c);
    const exact = [c.total, ...c.parts].every((f) => f.figure.qualifier === null);
    const relationText = `${c.total.text} = ${c.parts.map((p) => p.text).join(' + ')}`;
    // “đã giải ngân 107,5 tỷ đồng, trong đó: … 17.872,2 triệu đồng; … 89.640,5 triệu đồng”: a total printed in a larger
    // unit than every part, rounded for print: the parts' sum rounded half-up to the total's unit and decimals is it
    if (exact && roundedInLargerUnit(c)) return ok(c, `the parts add up to ${c.total.text} rounded to its unit (${c.total.figure.digits} ${MONEY_UNIT_LABELS[c.total.figure.moneyUnit ?? 'dong']})`);
    if (exact) {
      // the one engine: a one-column printed table, total row = sum of the part rows
      const unit = c.total.figure.moneyUnit;
      const cellOf = (f: ClaimFigure): string => (f.dimension === 'money' ? `${f.figure.digits} ${MONEY_UNIT_LABELS[f.figure.moneyUnit ?? 'dong']}` : f.figure.digits);
      const report = reconcileTable({
        columns: [{ key: 'value', kind: c.total.dimension === 'money' ? 'amount' : 'count', ...(unit === null ? {} : { unit }) }],
        rows: [{ key: 'total', label: c.total.text, cells: { value: cellOf(c.total) } }, ...c.parts.map((p, i) => ({ key: `p${i}`, label: p.label ?? p.text, cells: { value: cellOf(p) } }))],
        relations: [{ type: 'row-total', row: 'total', parts: c.parts.map((_, i) => `p${i}`), columns: ['value'] }],
      });
      const issue = report.issues[0];
      if (issue === undefined) return ok(c, `${c.parts.length} part${c.parts.length === 1 ? '' : 's'} add up to the total`);
      // difference = printed total − sum of the parts, a plain decimal string
      const partsShort = issue.difference !== null && !issue.difference.startsWith('-') && /[1-9]/.test(issue.difference);
      const droppedUnit = issue.message.includes('dropped unit');
      if (partsShort && c.parts.length === 1 && !droppedUnit) return ok(c, 'one part, not more than the total');
      if (partsShort && c.subsets === true && !droppedUnit) return ok(c, SUBSETS_NOTE);
      const severity: CheckSeverity = partsShort && !droppedUnit ? 'warning' : 'error';
      const dropped = droppedUnit ? droppedUnitPart(c) : null;
      const hint = dropped === null ? '' : ` — “${dropped.text}”${dropped.label === undefined ? '' : ` (${dropped.label})`} is printed in ${MONEY_UNIT_LABELS[dropped.figure.moneyUnit ?? 'dong']}; read in ${MONEY_UNIT_LABELS[unit ?? 'dong']} the total holds (a dropped unit?)`;
      // money in the total's unit; a count in the thing it counts (“14 xã”, “2.030 hộ”)
      const unitLabel = unit !== null ? ` ${MONEY_UNIT_LABELS[unit]}` : c.total.figure.unitText === '' ? '' : ` ${c.total.figure.unitText}`;
      const sum = issue.expectedExact === null || issue.expectedExact.includes('/') ? (issue.expected ?? '?') : plainVn(issue.expectedExact);
      const gap = issue.difference === null ? '?' : plainVn(issue.difference.replace('-', ''));
      // the one part the document's table prints otherwise, with which the parts add up: the finding is at that part
      const wrong = dropped === null && c.subsets !== true ? partAgainstTables(model, c.total, c.parts, tables) : null;
      if (wrong !== null) {
        const inUnit = wrong.part.dimension === 'money' ? multiplyFractions(wrong.value, fraction(1n, DONG_PER_UNIT[wrong.part.figure.moneyUnit ?? 'dong'])) : wrong.value;
        const right = `${vn(inUnit, Math.max(0, wrong.part.figure.decimals))}${wrong.part.dimension === 'money' ? ` ${MONEY_UNIT_LABELS[wrong.part.figure.moneyUnit ?? 'dong']}` : ` ${wrong.part.figure.unitText}`}`;
        finding(c, {
          severity: 'error',
          code: partsShort ? 'parts-short-of-total' : 'parts-exceed-total',
          text: c.sentence,
          printed: wrong.part.text,
          expected: right,
          difference: issue.difference,
          relation: `${relationText}; ${wrong.part.text} = the table at block ${wrong.block} (“${wrong.rowLabel}” · “${wrong.header}”)`,
          location: where(wrong.part.location),
          message: `“${wrong.part.text}” (${wrong.name}): the table at block ${wrong.block} prints ${wrong.text} in “${wrong.rowLabel}” · “${wrong.header}”, and with ${right} the parts add up to the total ${c.total.text} (as printed they add up to ${sum}${unitLabel}, ${partsShort ? 'less' : 'more'} than the total by ${gap})`,
        });
        return;
      }
      finding(c, {
        severity,
        code: partsShort ? 'parts-short-of-total' : 'parts-exceed-total',
        text: c.sentence,
        printed: c.total.text,
        expected: `${issue.expected ?? '?'}${unitLabel}`,
        difference: issue.difference,
        relation: relationText,
        location: where(c.total.location),
        message: `“${c.total.text}” ${c.connective} ${c.parts.map((p) => `${p.label === undefined ? '' : `${p.label} `}${p.text}`).join('; ')}: the parts add up to ${sum}${unitLabel}, ${partsShort ? `less than the total by ${gap}${severity === 'warning' ? ' (is a part missing from the list?)' : ''}` : `more than the total by ${gap}`}${hint}`,
      });
      return;
    }
    const total = figureInterval(c.total.figure);
    const parts = sumIntervals(c.parts.map((p) => figureInterval(p.figure)));
    if (intervalsMeet(total, parts)) return ok(c, 'the parts and the total can meet (qualified figures read as intervals)');
    const exceed = total.high !== null && parts.low !== null && compareFractions(parts.low.value, total.high.value) >= 0;
    if (!exceed && (c.parts.length === 1 || c.subsets === true)) return ok(c, c.parts.length === 1 ? 'one part, not more than the total' : SUBSETS_NOTE);
    // how far apart they are at the least: from the parts' nearest end to the total's
    const gap = exceed ? subtractFractions(parts.low!.value, total.high!.value) : total.low !== null && parts.high !== null ? subtractFractions(total.low.value, parts.high.value) : null;
    const reads = qualified(c.total.figure) ? `; “${c.total.text}” (${c.total.figure.qualifier!.word}) reads as ${intervalText(total, c.total)}` : '';
    finding(c, {
      severity: exceed ? 'error' : 'warning',
      code: exceed ? 'parts-exceed-total' : 'parts-short-of-total',
      text: c.sentence,
      printed: c.total.text,
      expected: intervalText(parts, c.total),
      difference: null,
      relation: relationText,
      location: where(c.total.location),
      message: `“${c.total.text}” ${c.connective} ${c.parts.map((p) => p.text).join('; ')}: the parts add up to ${intervalText(parts, c.total)}${reads}, so they ${exceed ? 'exceed' : 'fall short of'} the total as printed${gap === null ? '' : ` by at least ${intervalText({ low: { value: gap, open: false }, high: { value: gap, open: false } }, c.total)}`}`,
    });
  }

  /**
   * Groups that may overlap (“450 người, trong đó lao động nữ 280 người; lao động là người dân tộc
   * thiểu số 190 người”): their sum is no part of the claim, but none alone exceeds the total.
   */
  function checkOverlapping(c: TotalWithPartsClaim): void {
    const total = figureInterval(c.total.figure);
    const over = c.parts.filter((p) => {
      const part = figureInterval(p.figure);
      return total.high !== null && part.low !== null && compareFractions(part.low.value, total.high.value) > 0;
    });
    if (over.length === 0) return ok(c, `groups that may overlap (${c.parts.map((p) => p.label ?? p.text).join('; ')}): each not more than the total, their sum not checked`);
    for (const p of over) {
      finding(c, {
        severity: 'error',
        code: 'parts-exceed-total',
        text: c.sentence,
        printed: c.total.text,
        expected: `at least ${p.text}`,
        difference: null,
        relation: `${p.text} ≤ ${c.total.text}`,
        location: where(c.total.location),
        message: `“${c.total.text}” ${c.connective} ${p.label === undefined ? '' : `${p.label} `}${p.text}: a part is more than its total (the groups may overlap, so only each alone is compared)`,
      });
    }
  }

  /** Each part printed with its share of the total (“chiếm 64%, tương đương 48.000 tỷ đồng”): part ÷ total × 100 rounds to it. */
  function checkShares(c: TotalWithPartsClaim): void {
    for (const part of c.parts) {
      if (part.share === undefined) continue;
      // the share is of the figures as printed (“tối thiểu 75.000 tỷ đồng, trong đó … chiếm 64%”): their digits, not their qualifiers
      const printedTotal = c.total.dimension === 'money' ? multiplyFractions(c.total.figure.value, fraction(moneyPer(c.total))) : c.total.figure.value;
      const total = (c.totalElsewhere === true && c.total.dimension === 'money' ? corrected.get(`${c.total.location.block}:${c.total.location.start}`) : undefined) ?? printedTotal;
      const value = part.dimension === 'money' ? multiplyFractions(part.figure.value, fraction(moneyPer(part))) : part.figure.value;
      if (total.num <= 0n) continue;
      const share = part.share.figure;
      const exact = multiplyFractions(divideFractions(value, total), fraction(100n));
      // “chiếm từ 48-50%”: the share is in the range, each end within its printed rounding; “chiếm hơn 35%”,
      // “khoảng 30%”, “gần 36%”: in the values the qualifier allows
      if (share.range !== undefined || qualified(share) || share.fraction !== undefined) {
        const range = figureInterval(share);
        if (intervalContains(range, exact)) continue;
        finding(c, {
          severity: 'error',
          code: 'share-mismatch',
          text: c.sentence,
          printed: part.share.text,
          expected: `${vn(exact, Math.max(2, share.decimals))}%`,
          difference: null,
          relation: `${part.text} ÷ ${c.total.text} × 100`,
          location: where(part.share.location),
          message: `“${part.share.text}”${part.label === undefined ? '' : ` (${part.label})`}: ${part.text} of ${c.total.text} is ${vn(exact, Math.max(2, share.decimals))}%, outside ${share.range !== undefined ? 'the range printed' : `what “${part.share.text}” allows (${formatInterval(range, { decimals: Math.max(1, share.decimals) })}%)`}`,
        });
        continue;
      }
      const q = multiplyFractions(exact, fraction(10n ** BigInt(share.decimals)));
      const printed = multiplyFractions(share.value, fraction(10n ** BigInt(share.decimals)));
      if (roundQuotient(q.num, q.den, rounding) === printed.num / printed.den) continue;
      const expected = `${vn(exact, share.decimals)}%`;
      finding(c, {
        severity: 'error',
        code: 'share-mismatch',
        text: c.sentence,
        printed: part.share.text,
        expected,
        difference: fractionToDecimal(subtractFractions(share.value, exact)).toDecimalPlaces(Math.max(2, share.decimals)).toFixed(),
        relation: `${part.text} ÷ ${c.total.text} × 100`,
        location: where(part.share.location),
        message: `“${part.share.text}”${part.label === undefined ? '' : ` (${part.label})`}: ${part.text} of ${c.total.text} is ${vn(exact, Math.max(2, share.decimals))}%, printed ${part.share.text}`,
      });
    }
  }

  /** “từ A xuống còn B, giảm C”: C = A − B (or B − A for “tăng”), each figure within its printed precision. */
  function checkChange(c: ChangeClaim): void {
    const iv = printedValues;
    const [a, b] = c.direction === 'down' ? [c.from, c.to] : [c.to, c.from];
    const implied = sumIntervals([iv(a), negateInterval(iv(b))]);
    const printed = iv(c.change);
    if (intervalsMeet(implied, printed)) return ok(c, `${a.text} − ${b.text} = ${c.change.text}`);
    const exact = subtractFractions(a.figure.value, b.figure.value);
    const decimals = Math.max(a.figure.decimals, b.figure.decimals, c.change.figure.decimals);
    const unit = c.change.dimension === 'percent' ? '%' : ` ${c.change.figure.unitText}`;
    // one end printed nowhere else, the value that would make the change hold printed elsewhere (the rate of the table's
    // total row, the same rate in another sentence), the other end not so: that end is the wrong figure, not the change
    const fitsA = addFractions(b.figure.value, c.change.figure.value);
    const fitsB = subtractFractions(a.figure.value, c.change.figure.value);
    // (an end whose own value is printed elsewhere too is corroborated: the change was then taken from another figure, “giảm 5,99%” from another year's start)
    const seenA = printedElsewhere(a.figure.value, a) === null ? printedElsewhere(fitsA, a) : null;
    const seenB = printedElsewhere(b.figure.value, b) === null ? printedElsewhere(fitsB, b) : null;
    if ((seenA === null) !== (seenB === null)) {
      const [end, fits, seen] = seenA !== null ? [a, fitsA, seenA] : [b, fitsB, seenB!];
      const d = end.figure.decimals;
      finding(c, {
        severity: 'error',
        code: 'change-mismatch',
        text: c.sentence,
        printed: end.text,
        expected: `${vn(fits, d)}${unit}`,
        difference: fractionToDecimal(subtractFractions(end.figure.value, fits)).toFixed(),
        relation: `${c.direction === 'down' ? 'giảm' : 'tăng'} = ${a.text} − ${b.text}`,
        location: where(end.location),
        message: `“${end.text}”: with it the change printed, ${c.change.text}, does not hold (${a.text} − ${b.text} = ${vn(exact, decimals)}${unit}); it holds with ${vn(fits, d)}${unit}, the figure ${seen}`,
      });
      return;
    }
    finding(c, {
      severity: 'error',
      code: 'change-mismatch',
      text: c.sentence,
      printed: c.change.text,
      expected: `${vn(exact, decimals)}${unit}`,
      difference: fractionToDecimal(subtractFractions(c.change.figure.value, exact)).toFixed(),
      relation: `${c.direction === 'down' ? 'giảm' : 'tăng'} = ${a.text} − ${b.text}`,
      location: where(c.change.location),
      message: `“${c.change.text}”: from ${c.from.text} to ${c.to.text} is a change of ${vn(exact, decimals)}${unit}${c.change.dimension === 'percent' ? ` (${formatInterval(implied, { decimals: decimals + 1 })} within the printed rounding)` : ''}, not ${c.change.text}`,
    });
  }

  /**
   * A change found wrong whose end is a figure found wrong at itself (“(đầu năm 255 hộ, tỷ lệ 22,36%)” on the 1.127
   * households at the start: 22,63%), and which holds with the figure that check expects, is that one error: its
   * own finding goes (the change was taken from the right figure; one wrong cell, one finding).
   */
  function dropChangesOfWrongEnds(): void {
    for (const c of claims) {
      if (c.kind !== 'change' || status.get(c)?.status !== 'finding') continue;
      const own = findings.filter((f) => findingOf.get(f) === c);
      for (const end of [c.from, c.to]) {
        const at = where(end.location);
        const other = findings.find((f) => findingOf.get(f) !== c && f.code !== 'change-mismatch' && f.location.block === at.block && f.location.start === at.start && f.expected !== null);
        const n = other?.expected === undefined || other.expected === null ? null : cellNumber(other.expected);
        if (n === null || n.decimals !== end.figure.decimals) continue;
        const fixed = fraction(BigInt(n.units), 10n ** BigInt(n.decimals));
        const value = (x: ClaimFigure): Fraction => (x === end ? fixed : x.figure.value);
        const diff = c.direction === 'down' ? subtractFractions(value(c.from), value(c.to)) : subtractFractions(value(c.to), value(c.from));
        if (!intervalContains(printedValues(c.change), diff)) continue;
        for (const f of own) findings.splice(findings.indexOf(f), 1);
        break;
      }
    }
    // …and so is a share of an earlier total found wrong at itself (“hộ nghèo còn 1.610 hộ” for the table's 1.601, then
    // “… có 1.412 hộ là đồng bào dân tộc thiểu số, chiếm 88,19%” of 1.601) when every share holds with the total expected
    for (const c of claims) {
      if (status.get(c)?.status !== 'finding') continue;
      // …or a pair's rate checked on a printed count found wrong at itself (“Hộ nghèo: 241 hộ” for 214, then “207 hộ, bằng 96,73% tổng số hộ nghèo”)
      const base = c.kind === 'rate-count' ? baseOf.get(c) : c.kind === 'total-with-parts' && c.totalElsewhere === true ? c.total : undefined;
      if (base === undefined) continue;
      const parts = c.kind === 'rate-count' ? [{ ...c.count, share: c.rate }] : c.kind === 'total-with-parts' ? c.parts : [];
      const at = where(base.location);
      const other = findings.find((f) => findingOf.get(f) !== c && f.location.block === at.block && f.location.start === at.start && f.expected !== null);
      const n = other?.expected === undefined || other.expected === null ? null : cellNumber(other.expected);
      if (n === null || n.decimals !== 0 || n.units <= 0) continue;
      const total = fraction(BigInt(n.units));
      const holds = parts.every((part) => {
        if (part.share === undefined) return true;
        const r = part.share.figure;
        if (r.range !== undefined || qualified(r) || r.fraction !== undefined) return false;
        const q = multiplyFractions(divideFractions(part.figure.value, total), fraction(100n * 10n ** BigInt(r.decimals)));
        const printed = multiplyFractions(r.value, fraction(10n ** BigInt(r.decimals)));
        return roundQuotient(q.num, q.den, rounding) === printed.num / printed.den;
      });
      if (holds) for (const f of findings.filter((x) => findingOf.get(x) === c)) findings.splice(findings.indexOf(f), 1);
    }
  }

  /** The whole counts whose share of `base` rounds (as the document rounds) to the printed rate `r`; none when more than one. */
  function countsGiving(r: ProseFigure, base: Fraction): Fraction[] {
    const scale = 10n ** BigInt(r.decimals);
    const centre = multiplyFractions(multiplyFractions(r.value, base), fraction(1n, 100n));
    const k0 = centre.num / centre.den;
    const out: Fraction[] = [];
    for (let k = k0 - 2n; k <= k0 + 2n; k++) {
      if (k < 0n) continue;
      const q = multiplyFractions(divideFractions(fraction(k), base), fraction(100n * scale));
      const printed = multiplyFractions(r.value, fraction(scale));
      if (printed.den === 1n && roundQuotient(q.num, q.den, rounding) === printed.num) out.push(fraction(k));
    }
    return out.length === 1 ? out : [];
  }

  /**
   * Rate–count pairs found sharing no base (“10,95% (1.610 hộ); 8,33% (1.217 hộ)”) or one pair off the base the others
   * share (“18,74% (241 hộ)”) because a pair's count is a figure found wrong at itself (the change it breaks, the
   * table's 1.601), when with the count that finding expects the pairs share a base: one wrong figure, one finding —
   * the pairs' finding goes, and the count's says it breaks them too.
   */
  function pairsOfWrongCounts(): void {
    // a pair's rate checked on a printed base, found wrong only because its count is (“1.203 hộ (8,47%)” for the table's 1.230)
    for (const p of claims) {
      const base = p.kind === 'rate-count' ? baseOf.get(p) : undefined;
      if (p.kind !== 'rate-count' || base === undefined || base.figure.value.num <= 0n || p.count.figure.decimals !== 0) continue;
      const own = findings.find((x) => findingOf.get(x) === p && x.code === 'rate-mismatch');
      const at = where(p.count.location);
      const other = own === undefined ? undefined : findings.find((x) => findingOf.get(x) !== p && x.location.block === at.block && x.location.start === at.start && x.expected !== null);
      const n = other?.expected === undefined || other.expected === null ? null : cellNumber(other.expected);
      const r = p.rate.figure;
      if (own === undefined || other === undefined || n === null || n.decimals !== 0 || n.units <= 0 || r.qualifier !== null || r.range !== undefined) continue;
      const q = multiplyFractions(divideFractions(fraction(BigInt(n.units)), base.figure.value), fraction(100n * 10n ** BigInt(r.decimals)));
      const printed = multiplyFractions(r.value, fraction(10n ** BigInt(r.decimals)));
      if (printed.den !== 1n || roundQuotient(q.num, q.den, rounding) !== printed.num) continue;
      const merged: CheckFinding = { ...other, message: `${other.message}; its rate ${p.rate.text} is that of ${vn(fraction(BigInt(n.units)), 0)} ${p.count.figure.unitText} on ${base.text}` };
      findings.splice(findings.indexOf(other), 1, merged);
      findingOf.set(merged, findingOf.get(other)!);
      findings.splice(findings.indexOf(own), 1);
    }
    for (const [f, group] of pairsOf) {
      if (!findings.includes(f)) continue;
      for (const p of group) {
        const at = where(p.count.location);
        const other = findings.find((x) => x !== f && !group.includes(findingOf.get(x) as RateCountClaim) && x.location.block === at.block && x.location.start === at.start && x.expected !== null);
        const n = other?.expected === undefined || other.expected === null ? null : cellNumber(other.expected);
        if (other === undefined || n === null || n.decimals !== 0 || n.units <= 0 || p.count.figure.decimals !== 0) continue;
        const right = vn(fraction(BigInt(n.units)), 0);
        const label = (g: RateCountClaim): string => `${g.rate.text} (${g === p ? `${right} ${p.count.figure.unitText}` : g.count.text})`;
        const fixed = inferCommonBase(group.map((g) => ({ label: label(g), count: g === p ? right : g.count.figure.digits, rate: g.rate.figure.digits })), { rounding });
        if (fixed.common === null) continue;
        const shared = `${vn(fraction(BigInt(fixed.common.min)), 0)} – ${fixed.common.max === null ? '∞' : vn(fraction(BigInt(fixed.common.max)), 0)}`;
        const merged: CheckFinding = { ...other, message: `${other.message}; it also breaks the rate–count pairs ${group.map((g) => `${g.rate.text} (${g.count.text})`).join('; ')}, which with ${right} ${p.count.figure.unitText} share a base of ${shared} households` };
        findings.splice(findings.indexOf(other), 1, merged);
        findingOf.set(merged, findingOf.get(other)!);
        findings.splice(findings.indexOf(f), 1);
        break;
      }
    }
  }

  /**
   * Where the document prints `value` as a figure of the same kind as `f` (its dimension, its decimals), other than
   * at `f` itself: a rate–count pair's rate or count, an end of another change, a cell of a table's total row; null
   * when nowhere.
   */
  function printedElsewhere(value: Fraction, f: ClaimFigure): string | null {
    const same = (g: ClaimFigure): boolean => g.dimension === f.dimension && g.figure.decimals === f.figure.decimals && !(g.location.block === f.location.block && g.location.start === f.location.start) && compareFractions(g.figure.value, value) === 0;
    for (const x of claims) {
      const figures = x.kind === 'rate-count' ? [x.rate, x.count] : x.kind === 'change' ? [x.from, x.to] : [];
      const hit = figures.find(same);
      if (hit !== undefined) return `printed at block ${hit.location.block + 1} (“${hit.text}”)`;
    }
    if (f.dimension !== 'percent' && f.dimension !== 'households') return null;
    for (const { table, layout } of tables) {
      const total = [...layout.rows].reverse().find((r) => r.role === 'total');
      if (total === undefined) continue;
      for (const col of layout.columns) {
        if ((f.dimension === 'percent') !== (col.kind === 'rate')) continue;
        const n = cellNumber(table.rows[total.row]?.[col.col]?.text ?? '');
        if (n === null || n.decimals !== f.figure.decimals) continue;
        if (compareFractions(fraction(BigInt(n.units), 10n ** BigInt(n.decimals)), value) === 0) return `in the total row of the table at block ${table.index + 1} (“${col.key}”)`;
      }
    }
    return null;
  }

  function checkSinceStart(c: ChangeClaim): void {
    const same = (a: TextLocation, b: TextLocation): boolean => a.block === b.block && a.start === b.start;
    const pair = claims.find((x): x is RateCountClaim => x.kind === 'rate-count' && (same(x.rate.location, c.from.location) || same(x.rate.location, c.to.location)) && status.get(x)?.status === 'finding');
    if (pair !== undefined) return skip(c, `${pair.rate.text} (${pair.count.text}) is in a finding: the change from ${c.from.text} to ${c.to.text} is checked once it is corrected`);
    checkChange(c);
  }

  /** The low end of a range printed as “A-B%” or “A – B hộ” (the figure is B), as a figure of its own; null when there is none. */
  function rangeLow(f: ClaimFigure): ClaimFigure | null {
    const block = model.blocks[f.location.block];
    const text = block === undefined || block.kind === 'table' ? '' : block.text;
    const m = /(\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*[-–—]\s*$/.exec(text.slice(Math.max(0, f.figure.numberStart - 24), f.figure.numberStart));
    if (m === null) return null;
    const digits = m[1]!.replace(/[\u00a0\u202f ]/g, '.');
    const decimals = digits.includes(',') ? digits.length - digits.indexOf(',') - 1 : 0;
    const start = f.figure.numberStart - (text.slice(Math.max(0, f.figure.numberStart - 24), f.figure.numberStart).length - m.index);
    const value = fraction(BigInt(digits.replace(/[.,]/g, '')), 10n ** BigInt(decimals));
    const unit = f.dimension === 'percent' ? '%' : ` ${f.figure.unitText}`;
    const figure = { ...f.figure, text: `${digits}${unit}`, start, end: start + digits.length, numberStart: start, value, decimals, digits, qualifier: null };
    return { text: figure.text, location: { block: f.location.block, start, end: start + digits.length }, dimension: f.dimension, figure };
  }

  /** Each figure with the low end of its range before it (“1,5-2%”, “368-491 hộ”), paired smaller first whichever way the range is printed. */
  function withRangeLows(list: readonly ClaimFigure[]): ClaimFigure[] {
    return list.flatMap((f) => {
      const low = rangeLow(f);
      return low === null ? [f] : compareFractions(low.figure.value, f.figure.value) <= 0 ? [low, f] : [f, low];
    });
  }

  /** A yearly average: the change over the period (printed, or from its two ends) ÷ the years, within the printed rounding, meets the average printed. */
  function checkAverage(c: YearlyAverageClaim): void {
    if (c.average.dimension === 'money') return checkMoneyAverage(c);
    // a rate within its printed rounding; households and persons counted exactly (“1.250 hộ”), their average rounded to its digits
    const counts = c.average.dimension !== 'percent';
    const iv = (f: ClaimFigure): Interval => (counts ? printedInterval(f.figure.digits, { kind: 'amount' }).interval : printedInterval(f.figure.digits, { kind: 'rate' }).precision);
    const [a, b] = c.direction === 'down' ? [c.from, c.to] : [c.to, c.from];
    const total = c.change !== null ? iv(c.change) : sumIntervals([iv(a!), negateInterval(iv(b!))]);
    const exactTotal = c.change !== null ? c.change.figure.value : subtractFractions(a!.figure.value, b!.figure.value);
    const over = c.change !== null ? c.change.text : `${a!.text} − ${b!.text}`;
    // “mỗi năm giảm 1–1,5%”: a range of averages, from its low end to its high end
    // “bình quân mỗi năm giảm khoảng 1,8%”, “trên 250 hộ”: the values the qualifier allows
    const approximate = c.average.figure.range !== undefined || qualified(c.average.figure);
    const printed = approximate ? figureInterval(c.average.figure) : counts ? printedInterval(c.average.figure.digits, { kind: 'amount' }).precision : iv(c.average);
    const fits = c.years.find((n) => intervalsMeet(scaleInterval(total, fraction(1n, BigInt(n))), printed));
    const years = c.years.join(' or ');
    const period = c.period === undefined ? '' : ` (${c.period})`;
    // points of a rate, or households (“giảm 240 hộ trong 3 năm, bình quân mỗi năm giảm 80 hộ”)
    const unit = c.average.dimension === 'percent' ? '%' : ` ${c.average.figure.unitText}`;
    const shown = c.average.dimension === 'percent' ? Math.max(2, c.average.figure.decimals) : c.average.figure.decimals;
    if (fits !== undefined) return ok(c, `${over} over ${fits} years = ${vn(divideFractions(exactTotal, fraction(BigInt(fits))), shown)}${unit} a year, printed ${c.average.text}${period}`);
    // the difference from the nearest reading of the years
    const distance = (k: number): Fraction => { const d = subtractFractions(c.average.figure.value, divideFractions(exactTotal, fraction(BigInt(k)))); return d.num < 0n ? subtractFractions(fraction(0n), d) : d; };
    const n = [...c.years].sort((x, y) => compareFractions(distance(x), distance(y)))[0]!;
    const exact = divideFractions(exactTotal, fraction(BigInt(n)));
    const decimals = shown;
    // “giảm 7,39%, bình quân mỗi năm giảm 1,84%”: 7,39 ÷ 4 = 1,8475 cut to two decimals, a rounding shortcut and not a wrong figure
    const digits = c.average.figure.decimals;
    const cutTo = (k: number): bigint => { const q = multiplyFractions(divideFractions(exactTotal, fraction(BigInt(k))), fraction(10n ** BigInt(digits))); return roundQuotient(q.num, q.den, 'down'); };
    const printedUnits = multiplyFractions(c.average.figure.value, fraction(10n ** BigInt(digits)));
    const cut = !approximate && exactTotal.num > 0n ? c.years.find((k) => cutTo(k) === printedUnits.num / printedUnits.den) : undefined;
    finding(c, {
      severity: cut === undefined ? 'error' : 'rounding',
      code: 'average-mismatch',
      text: c.sentence,
      printed: c.average.text,
      expected: `${c.years.map((k) => vn(divideFractions(exactTotal, fraction(BigInt(k))), decimals)).join(' or ')}${unit}`,
      difference: !approximate ? fractionToDecimal(subtractFractions(c.average.figure.value, exact)).toDecimalPlaces(decimals).toFixed() : null,
      relation: `bình quân = (${over}) ÷ ${years} years`,
      location: where(c.average.location),
      message: `“${c.average.text}” a year: ${over} over ${years} years is ${c.years.map((k) => `${vn(divideFractions(exactTotal, fraction(BigInt(k))), decimals)}${unit}`).join(' or ')} a year, not ${c.average.text}${!approximate ? ` (off by ${vn(subtractFractions(c.average.figure.value, exact), decimals).replace('-', '')}${c.average.dimension === 'percent' ? ' points' : unit})` : ` (outside ${formatInterval(printed, { decimals })}${unit})`}${period}${cut === undefined ? '' : ` [rounding: over ${cut} years ${vn(divideFractions(exactTotal, fraction(BigInt(cut))), digits + 2)} cut to ${digits} decimals, not rounded half-up]`}`,
    });
  }

  /** An amount over a period ÷ its years, each figure within its printed rounding (or its qualifier), meets the yearly average printed. */
  function checkMoneyAverage(c: YearlyAverageClaim): void {
    const total = c.change!;
    const iv = (f: ClaimFigure): Interval => (f.figure.qualifier !== null ? figureInterval(f.figure) : scaleInterval(printedInterval(f.figure.digits, { kind: 'amount' }).precision, fraction(moneyPer(f))));
    const n = c.years[0]!;
    const perYear = scaleInterval(iv(total), fraction(1n, BigInt(n)));
    const exact = divideFractions(multiplyFractions(total.figure.value, fraction(moneyPer(total))), fraction(BigInt(n) * moneyPer(c.average)));
    const decimals = Math.max(1, c.average.figure.decimals);
    const unit = c.average.figure.unitText;
    const period = c.period === undefined ? '' : ` (${c.period})`;
    if (intervalsMeet(perYear, iv(c.average))) return ok(c, `${total.text} over ${n} years = ${vn(exact, decimals)} ${unit} a year, printed ${c.average.text}${period}`);
    const diff = subtractFractions(c.average.figure.value, exact);
    finding(c, {
      severity: 'error',
      code: 'average-mismatch',
      text: c.sentence,
      printed: c.average.text,
      expected: `${vn(exact, decimals)} ${unit}`,
      difference: fractionToDecimal(diff).toDecimalPlaces(decimals).toFixed(),
      relation: `bình quân mỗi năm = ${total.text} ÷ ${n} years`,
      location: where(c.average.location),
      message: `“${c.average.text}” a year: ${total.text} over ${n} years is ${vn(exact, decimals)} ${unit} a year, not ${c.average.text} (off by ${vn(diff, decimals).replace('-', '')} ${unit})${period}`,
    });
  }

  /**
   * A result against its plan: “vượt” needs the result above the plan, “chưa đạt” below it, “đạt” not
   * below it; the margin printed is their difference, the percentage printed the result ÷ the plan —
   * each figure within its printed rounding.
   */
  function checkAgainstPlan(c: AgainstPlanClaim): void {
    // the margin and the percentage are worked from the figures as printed (the plan is a set figure, not a rounded one):
    // each must round to what is printed, within the last digit it prints
    const iv = printedValues;
    const exactGap = subtractFractions(c.achieved.figure.value, c.plan.figure.value);
    const decimals = Math.max(c.achieved.figure.decimals, c.plan.figure.decimals);
    const unit = c.achieved.dimension === 'percent' ? '%' : ` ${c.achieved.figure.unitText}`;
    const sign = compareFractions(exactGap, fraction(0n));
    const holds = c.verdict === 'beyond' ? sign > 0 : c.verdict === 'short' ? sign < 0 : sign >= 0;
    let found = false;
    if (!holds) {
      found = true;
      finding(c, {
        severity: 'error',
        code: 'verdict-mismatch',
        text: c.sentence,
        printed: c.verdictText,
        expected: compareFractions(exactGap, fraction(0n)) > 0 ? 'vượt' : compareFractions(exactGap, fraction(0n)) < 0 ? 'chưa đạt' : 'đạt',
        difference: fractionToDecimal(exactGap).toFixed(),
        relation: `${c.achieved.text} against ${c.plan.text}`,
        location: where(c.achieved.location),
        message: `“${c.verdictText}”: ${c.achieved.text} against a plan of ${c.plan.text} is ${compareFractions(exactGap, fraction(0n)) > 0 ? `above it by ${vn(exactGap, decimals)}${unit}` : compareFractions(exactGap, fraction(0n)) < 0 ? `short of it by ${vn(exactGap, decimals).replace('-', '')}${unit}` : 'exactly the plan'}, not ${c.verdict === 'beyond' ? 'beyond it' : c.verdict === 'short' ? 'short of it' : 'meeting it'}`,
      });
    }
    // a margin is printed without its sign: “vượt” by the result − the plan, “chưa đạt” by the plan − the result
    const gap = sign < 0 ? subtractFractions(c.plan.figure.value, c.achieved.figure.value) : exactGap;
    const worked = sign < 0 ? `${c.plan.text} − ${c.achieved.text}` : `${c.achieved.text} − ${c.plan.text}`;
    if (c.margin !== null && !intervalContains(iv(c.margin), gap)) {
      found = true;
      finding(c, {
        severity: 'error',
        code: 'margin-mismatch',
        text: c.sentence,
        printed: c.margin.text,
        expected: `${vn(gap, decimals)}${unit}`,
        difference: fractionToDecimal(subtractFractions(c.margin.figure.value, gap)).toFixed(),
        relation: `${c.verdictText} = ${worked}`,
        location: where(c.margin.location),
        message: `“${c.margin.text}” ${c.verdictText}: ${worked} = ${vn(gap, decimals)}${unit}, not ${c.margin.text} (off by ${vn(subtractFractions(c.margin.figure.value, gap), decimals).replace('-', '')}${c.achieved.dimension === 'percent' ? ' points' : unit})`,
      });
    }
    const exact = c.plan.figure.value.num === 0n ? null : multiplyFractions(divideFractions(c.achieved.figure.value, c.plan.figure.value), fraction(100n));
    if (c.percent !== null && exact !== null && !intervalContains(iv(c.percent), exact)) {
      found = true;
      finding(c, {
        severity: 'error',
        code: 'percent-of-plan-mismatch',
        text: c.sentence,
        printed: c.percent.text,
        expected: `${vn(exact, Math.max(2, c.percent.figure.decimals))}%`,
        difference: fractionToDecimal(subtractFractions(c.percent.figure.value, exact)).toDecimalPlaces(Math.max(2, c.percent.figure.decimals)).toFixed(),
        relation: `${c.achieved.text} ÷ ${c.plan.text} × 100`,
        location: where(c.percent.location),
        message: `“${c.percent.text}”: ${c.achieved.text} of a plan of ${c.plan.text} is ${vn(exact, Math.max(2, c.percent.figure.decimals))}% of it, not ${c.percent.text}`,
      });
    }
    if (!found) ok(c, `${c.achieved.text} against ${c.plan.text}: ${c.verdictText}${c.margin === null ? '' : ` ${c.margin.text}`}${c.percent === null ? '' : `, ${c.percent.text} of the plan`}`);
  }

  /** End of the year = start − exits + entries (re-poor, newly poor), exactly. */
  /** “giảm 533 hộ nghèo; trong đó … thoát nghèo 612 hộ, … phát sinh 79 hộ”: the net change is the exits less the entries (a rise: the other way). */
  function checkNetChange(c: NetChangeClaim): void {
    // one side printed alone: the other from the one table whose total row prints both, the printed side as the prose says
    let fromTable: { exits?: Fraction; entries?: Fraction } = {};
    let tableNote = '';
    if (c.exits.length === 0 || c.entries.length === 0) {
      const side = sideFromTable(c);
      if (side === null) return skip(c, `only the ${c.exits.length === 0 ? 'entries' : 'exits'} are printed, and no table's total row prints the ${c.exits.length === 0 ? 'exits' : 'entries'} of the same households with the same ${c.exits.length === 0 ? 'entries' : 'exits'}`);
      fromTable = side.exits === undefined ? { entries: side.entries! } : { exits: side.exits };
      tableNote = ` (${side.note})`;
    }
    const { expected, holds } = netChangeOf(c, fromTable);
    const flows = c.exits.length === 0 || c.entries.length === 0 ? `${vn(c.direction === 'down' ? (fromTable.exits ?? sumOf(c.exits)) : (fromTable.entries ?? sumOf(c.entries)), 0)} hộ − ${vn(c.direction === 'down' ? (fromTable.entries ?? sumOf(c.entries)) : (fromTable.exits ?? sumOf(c.exits)), 0)} hộ${tableNote}` : netRelation(c);
    const relation = `${c.change.text} = ${flows}`;
    if (holds) return ok(c, relation);
    finding(c, {
      severity: 'error',
      code: 'flow-mismatch',
      text: c.sentence,
      printed: c.change.text,
      expected: `${vn(expected, 0)} hộ`,
      difference: fractionToDecimal(subtractFractions(c.change.figure.value, expected)).toFixed(),
      relation: c.direction === 'down' ? 'số giảm = thoát nghèo − tái nghèo − phát sinh mới' : 'số tăng = tái nghèo + phát sinh mới − thoát nghèo',
      location: where(c.change.location),
      message: `“${c.change.text}” ${c.direction === 'down' ? 'down' : 'up'}: the year's flows printed with it give ${flows} = ${vn(expected, 0)} hộ, not ${c.change.text}`,
    });
  }

  /**
   * The side of a net change the prose leaves out, from the one table whose total row counts the
   * same households' exits (“thoát”) and entries (“phát sinh”, “tái nghèo”, added), its printed side
   * equal to the prose's, of the same year when both name one. Null when no table, or several, do.
   */
  function sideFromTable(c: NetChangeClaim): { exits?: Fraction; entries?: Fraction; note: string } | null {
    const year = /(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)/.exec(c.sentence)?.[1] ?? null;
    const found: Array<{ exits?: Fraction; entries?: Fraction; note: string }> = [];
    for (const t of tableTotals(tables)) {
      const of = t.columns.filter((x) => x.subject === c.subject && (year === null || x.year === null || x.year === year));
      const exits = of.filter((x) => x.stage === 'exit' && /\bthoat\b/.test(foldVietnamese(x.key)));
      const entries = of.filter((x) => x.stage === 'new' || x.stage === 'return');
      if (exits.length !== 1 || entries.length === 0 || entries.filter((x) => x.stage === 'new').length > 1 || entries.filter((x) => x.stage === 'return').length > 1) continue;
      const exit = fraction(BigInt(exits[0]!.value));
      const entry = entries.reduce((a, x) => addFractions(a, fraction(BigInt(x.value))), fraction(0n));
      const printed = c.exits.length === 0 ? { table: entry, prose: sumOf(c.entries) } : { table: exit, prose: sumOf(c.exits) };
      if (compareFractions(printed.table, printed.prose) !== 0) continue;
      const keys = (c.exits.length === 0 ? exits : entries).map((x) => `“${x.key}”`).join(' + ');
      const note = `${c.exits.length === 0 ? 'the exits' : 'the entries'} ${keys} of the total row (“${t.label}”) of the table at block ${t.block}`;
      found.push(c.exits.length === 0 ? { exits: exit, note } : { entries: entry, note });
    }
    return found.length === 1 ? found[0]! : null;
  }

  function checkFlow(c: FlowClaim): void {
    const value = (f: ClaimFigure): Fraction => f.figure.value;
    let expected = value(c.start);
    for (const e of c.exits) expected = subtractFractions(expected, value(e));
    for (const e of c.entries) expected = addFractions(expected, value(e));
    const relation = `${c.start.text} − ${c.exits.map((e) => e.text).join(' − ')}${c.entries.map((e) => ` + ${e.text}`).join('')} = ${c.end.text}`;
    if (compareFractions(expected, value(c.end)) === 0) return ok(c, relation);
    const diff = subtractFractions(value(c.end), expected);
    // the one term a table contradicts, every other the table prints agreeing: that term is wrong, not the end
    const blamed = flowTermAgainstTable(c);
    if (blamed !== null) {
      finding(c, {
        severity: 'error',
        code: 'flow-mismatch',
        text: c.sentence,
        printed: blamed.term.text,
        expected: `${vn(blamed.fits, 0)} hộ`,
        difference: fractionToDecimal(subtractFractions(value(blamed.term), blamed.fits)).toFixed(),
        relation: 'cuối năm = đầu năm − thoát nghèo + tái nghèo + phát sinh mới',
        location: where(blamed.term.location),
        message: `“${blamed.term.text}” in the year's flow (as printed, ${relation.replace(/ = (?=[^=]*$)/, ' ≠ ')}): with ${vn(blamed.fits, 0)} hộ, what the total row of the table at block ${blamed.block} prints in “${blamed.key}”, the flow holds, and the table agrees with its other figures`,
      });
      return;
    }
    // the end a table prints as it is: the wrong figure is a term no table confirms (“168 hộ thoát cận nghèo” for 186)
    const unconfirmed = unconfirmedFlowTerm(c, tableTotals(tables).flatMap((t) => t.columns.map((x) => ({ block: t.block, key: x.key, subject: x.subject, stage: x.stage, value: x.value }))));
    if (unconfirmed !== null) {
      const { term, fits, confirmed, others } = unconfirmed;
      finding(c, {
        severity: 'error',
        code: 'flow-mismatch',
        text: c.sentence,
        printed: term.text,
        expected: `${vn(fits, 0)} hộ`,
        difference: fractionToDecimal(subtractFractions(value(term), fits)).toFixed(),
        relation: 'cuối năm = đầu năm − thoát nghèo + tái nghèo + phát sinh mới',
        location: where(term.location),
        message: `“${term.text}” in the year's flow (as printed, ${relation.replace(/ = (?=[^=]*$)/, ' ≠ ')}): the tables print ${confirmed.length > 1 ? `${confirmed.slice(0, -1).join(', ')} and ${confirmed[confirmed.length - 1]!}` : confirmed[0]!} as they are, and with ${vn(fits, 0)} hộ the flow holds${others.length === 0 ? '' : ` (no table prints ${others.map((o) => `“${o.term.text}”`).join(' or ')} either: with ${others.map((o) => `${vn(o.fits, 0)} hộ for “${o.term.text}”`).join(' or ')} it would hold too)`}`,
      });
      return;
    }
    const apart = c.end.location.block !== c.location.block;
    finding(c, {
      severity: 'error',
      code: 'flow-mismatch',
      text: c.sentence,
      printed: c.end.text,
      expected: `${vn(expected, 0)} hộ`,
      difference: fractionToDecimal(diff).toFixed(),
      relation: 'cuối năm = đầu năm − thoát nghèo + tái nghèo + phát sinh mới',
      // exits and entries printed apart from the start and the end (“Trong năm có 845 hộ thoát nghèo, …”): found where they are
      location: where(apart ? c.location : c.end.location),
      message: `${apart ? `the year's exits and entries do not bridge the start and the end printed in block ${c.end.location.block + 1}: ` : ''}“${c.end.text}” at the end of the year: ${c.start.text} at the start − ${c.exits.map((e) => e.text).join(' − ')} out${c.entries.length === 0 ? '' : ` + ${c.entries.map((e) => e.text).join(' + ')} in`} = ${vn(expected, 0)} hộ, printed ${c.end.text} (off by ${vn(diff, 0).replace('-', '')})`,
    });
  }

  /**
   * “88.449 triệu đồng, trong đó: ngân sách trung ương 69.950 triệu đồng (vốn đầu tư 38.600 triệu đồng, vốn sự nghiệp
   * 30.990 triệu đồng); …”: a total whose parts do not add up by d, one part of which has parts of its own that miss it
   * by the same d the other way. That part is the wrong figure: the two findings become one, at it, with the sum of
   * its own parts. Only exact figures of one unit.
   */
  function partsWithTheirOwnParts(): void {
    const sums = claims.filter((c): c is TotalWithPartsClaim => c.kind === 'total-with-parts' && status.get(c)?.status === 'finding' && c.totalElsewhere !== true && c.overlapping !== true && c.subsets !== true);
    const at = (f: ClaimFigure): FindingLocation => where(f.location);
    const sameAt = (a: FindingLocation, b: FindingLocation): boolean => a.block === b.block && a.start === b.start;
    const plain = (c: TotalWithPartsClaim): boolean => [c.total, ...c.parts].every((f) => f.figure.qualifier === null && f.dimension === c.total.dimension && f.figure.unitText === c.total.figure.unitText && f.figure.moneyUnit === c.total.figure.moneyUnit);
    const gap = (c: TotalWithPartsClaim): Fraction => subtractFractions(c.parts.reduce((a, f) => addFractions(a, f.figure.value), fraction(0n)), c.total.figure.value);
    for (const outer of sums) {
      if (!plain(outer)) continue;
      for (const part of outer.parts) {
        const inner = sums.find((c) => c !== outer && plain(c) && c.total.figure.unitText === outer.total.figure.unitText && sameAt(at(c.total), at(part)));
        if (inner === undefined) continue;
        const d = gap(outer);
        if (compareFractions(d, fraction(0n)) === 0 || compareFractions(addFractions(d, gap(inner)), fraction(0n)) !== 0) continue;
        const mine = findings.filter((f) => (f.code === 'parts-exceed-total' || f.code === 'parts-short-of-total') && (sameAt(f.location, at(outer.total)) || sameAt(f.location, at(part))));
        if (mine.length !== 2) continue;
        for (const f of mine) findings.splice(findings.indexOf(f), 1);
        const fits = subtractFractions(part.figure.value, d);
        const unit = part.dimension === 'money' ? ` ${MONEY_UNIT_LABELS[part.figure.moneyUnit ?? 'dong']}` : part.figure.unitText === '' ? '' : ` ${part.figure.unitText}`;
        const tooBig = compareFractions(d, fraction(0n)) > 0;
        findings.push({
          severity: 'error',
          code: tooBig ? 'parts-short-of-total' : 'parts-exceed-total',
          text: inner.sentence,
          printed: part.text,
          expected: `${vn(fits, part.figure.decimals)}${unit}`,
          difference: fractionToDecimal(d).toFixed(),
          relation: `${inner.total.text} = ${inner.parts.map((p) => p.text).join(' + ')}; ${outer.total.text} = ${outer.parts.map((p) => p.text).join(' + ')}`,
          location: at(part),
          message: `“${part.text}”${part.label === undefined ? '' : ` (${part.label})`}: its own parts (${inner.parts.map((p) => p.text).join(' + ')}) add up to ${vn(fits, part.figure.decimals)}${unit}, and with that figure the parts of ${outer.total.text} add up to it too (as printed they are ${tooBig ? 'more' : 'less'} than it by ${vn(tooBig ? d : subtractFractions(fraction(0n), d), part.figure.decimals)}${unit})`,
        });
      }
    }
  }

  /** A table-figure claim's one table total (as {@link checkTableFigures} finds it), null when no one column counts it. */
  function tableTotalOf(f: ClaimFigure): { value: Fraction; block: number; key: string } | null {
    const c = claims.find((x): x is TableFigureClaim => x.kind === 'table-figure' && x.figure.location.block === f.location.block && x.figure.location.start === f.location.start);
    if (c === undefined) return null;
    const matches = tableTotals(tables).flatMap((t) => t.columns.filter((x) => x.subject === c.subject && x.stage === c.stage && (c.year === null || x.year === null || x.year === c.year)).map((x) => ({ t, x })));
    return matches.length === 1 ? { value: fraction(BigInt(matches[0]!.x.value)), block: matches[0]!.t.block, key: matches[0]!.x.key } : null;
  }

  /**
   * A flow that does not hold, whose terms a table prints too: the one term the table contradicts, with the
   * value that makes the flow hold, when that is the table's and the table agrees with at least one other term
   * and none contradicts it. Null otherwise (the end is then blamed).
   */
  function flowTermAgainstTable(c: FlowClaim): { term: ClaimFigure; fits: Fraction; block: number; key: string } | null {
    const v = (f: ClaimFigure): Fraction => f.figure.value;
    const sum = (fs: readonly ClaimFigure[]): Fraction => fs.reduce((a, f) => addFractions(a, v(f)), fraction(0n));
    const terms: Array<{ term: ClaimFigure; fits: Fraction }> = [
      { term: c.start, fits: subtractFractions(addFractions(v(c.end), sum(c.exits)), sum(c.entries)) },
      ...c.exits.map((e) => ({ term: e, fits: subtractFractions(addFractions(subtractFractions(v(c.start), v(c.end)), sum(c.entries)), subtractFractions(sum(c.exits), v(e))) })),
      ...c.entries.map((e) => ({ term: e, fits: subtractFractions(addFractions(subtractFractions(v(c.end), v(c.start)), sum(c.exits)), subtractFractions(sum(c.entries), v(e))) })),
      { term: c.end, fits: subtractFractions(addFractions(v(c.start), sum(c.entries)), sum(c.exits)) },
    ];
    const checked = terms.map((t) => ({ ...t, table: tableTotalOf(t.term) })).filter((t) => t.table !== null);
    const wrong = checked.filter((t) => compareFractions(t.table!.value, v(t.term)) !== 0);
    if (wrong.length !== 1 || checked.length < 2) return null;
    const w = wrong[0]!;
    return compareFractions(w.fits, w.table!.value) === 0 ? { term: w.term, fits: w.fits, block: w.table!.block, key: w.table!.key } : null;
  }

  /**
   * The rate of the households at the end of each year, from the document's rate–count pairs of all
   * households that name their year (“Cuối năm 2026 … còn 15.620 hộ nghèo, chiếm tỷ lệ 5%”; “đầu năm
   * 2027” is the end of 2026): a year whose pairs print two rates is left out.
   */
  function ratesByYear(pairs: readonly RateCountClaim[], subject: 'poor' | 'near-poor'): Map<number, ClaimFigure> {
    const byYear = new Map<number, ClaimFigure[]>();
    for (const r of pairs) {
      if (r.subject !== subject || r.population !== '' || r.year === undefined || r.scope !== undefined || r.base !== 'households') continue;
      const year = Number(r.year) - (r.moment === 'start' || /\bdau\b/.test(foldVietnamese(r.date ?? '')) ? 1 : 0);
      byYear.set(year, [...(byYear.get(year) ?? []), r.rate]);
    }
    const out = new Map<number, ClaimFigure>();
    for (const [year, rates] of byYear) if (new Set(rates.map((f) => f.figure.digits)).size === 1) out.set(year, rates[0]!);
    return out;
  }

  /**
   * The years of a change of a rate whose two ends the document prints as rate–count pairs
   * (the end of the year before and of the year): each year's change checked against them, a
   * wrong one found at that year. The years found, with the change each stands for.
   */
  function checkEachYear(c: YearlyChangesClaim, pairs: readonly RateCountClaim[]): Map<number, Fraction> {
    const wrong = new Map<number, Fraction>();
    if (c.total.dimension !== 'percent' || c.subject === undefined) return wrong;
    const rates = ratesByYear(pairs, c.subject);
    const way = c.direction === 'down' ? 1 : -1;
    for (const y of c.years) {
      const before = rates.get(y.year - 1);
      const after = rates.get(y.year);
      if (before === undefined || after === undefined) continue;
      // the change in the whole's direction, each rate within its printed rounding
      const exact = multiplyFractions(subtractFractions(before.figure.value, after.figure.value), fraction(BigInt(way * y.sign)));
      const implied = scaleInterval(sumIntervals([printedValues(before), negateInterval(printedValues(after))]), fraction(BigInt(way * y.sign)));
      if (intervalsMeet(implied, printedValues(y.change))) continue;
      wrong.set(y.year, exact);
      const decimals = Math.max(y.change.figure.decimals, before.figure.decimals, after.figure.decimals);
      finding(c, {
        severity: 'error',
        code: 'yearly-changes-mismatch',
        text: c.sentence,
        printed: y.change.text,
        expected: `${vn(exact, decimals)}%`,
        difference: fractionToDecimal(subtractFractions(y.change.figure.value, exact)).toFixed(),
        relation: `năm ${y.year}: ${before.text} (${y.year - 1}) − ${after.text} (${y.year})`,
        location: where(y.change.location),
        message: `“năm ${y.year} ${y.sign * way === 1 ? 'giảm' : 'tăng'} ${y.change.text}”: the document prints the rate ${before.text} for the end of ${y.year - 1} (block ${before.location.block + 1}) and ${after.text} for the end of ${y.year} (block ${after.location.block + 1}), a change of ${vn(exact, decimals)} points (${formatInterval(implied, { decimals: decimals + 1 })} within their printed rounding), not ${y.change.text}`,
      });
    }
    return wrong;
  }

  /** “giảm 4,66% (năm 2022 giảm 1,79%, …)”: the years' changes, each within its printed rounding, add up to the whole within its own. */
  function checkYearlyChanges(c: YearlyChangesClaim, pairs: readonly RateCountClaim[]): void {
    const wrong = checkEachYear(c, pairs);
    const iv = printedValues;
    // each year against the whole's direction once: its values, its exact figure and its sign as printed in the sum
    const signed = c.years.map((y) => (y.sign === 1 ? { values: iv(y.change), value: y.change.figure.value, plus: true } : { values: negateInterval(iv(y.change)), value: subtractFractions(fraction(0n), y.change.figure.value), plus: false }));
    const implied = sumIntervals(signed.map((y) => y.values));
    const terms = c.years.map((y, i) => `${i === 0 ? (signed[i]!.plus ? '' : '−') : signed[i]!.plus ? ' + ' : ' − '}${y.change.figure.digits}`).join('');
    const exact = signed.reduce((sum, y) => addFractions(sum, y.value), fraction(0n));
    const decimals = Math.max(...c.years.map((y) => y.change.figure.decimals), c.total.figure.decimals);
    const unit = c.total.dimension === 'percent' ? '%' : ` ${c.total.figure.unitText}`;
    const years = `${c.years[0]!.year}–${c.years[c.years.length - 1]!.year}`;
    // a wrong year is found at its figure (checkEachYear); the whole is checked against the years as the document's rates give them
    const given = c.years.map((y, i) => (wrong.has(y.year) ? multiplyFractions(wrong.get(y.year)!, fraction(BigInt(y.sign))) : signed[i]!.value));
    const corrected = wrong.size === 0 ? implied : sumIntervals(c.years.map((y, i) => (wrong.has(y.year) ? pointInterval(given[i]!) : signed[i]!.values)));
    const sum = wrong.size === 0 ? exact : given.reduce((a, b) => addFractions(a, b), fraction(0n));
    if (intervalsMeet(corrected, iv(c.total))) {
      if (wrong.size === 0) ok(c, `the years ${years}: ${terms} = ${vn(exact, decimals)}${unit}, printed ${c.total.text}${c.total.dimension === 'percent' ? ' (points of a rate add)' : ''}`);
      return;
    }
    const named = [...wrong.keys()].map((y) => `${y}: ${vn(wrong.get(y)!, decimals)}${unit}`).join(', ');
    finding(c, {
      severity: 'error',
      code: 'yearly-changes-mismatch',
      text: c.sentence,
      printed: c.total.text,
      expected: `${vn(sum, decimals)}${unit}`,
      difference: fractionToDecimal(subtractFractions(c.total.figure.value, sum)).toFixed(),
      relation: `${c.direction === 'down' ? 'giảm' : 'tăng'} ${c.total.text} = ${wrong.size === 0 ? terms : "the years' changes"}`,
      location: where(c.total.location),
      message:
        wrong.size === 0
          ? `“${c.total.text}”: the changes of the years ${years} printed after it add up to ${terms} = ${vn(exact, decimals)}${unit}${c.total.dimension === 'percent' ? ` (${formatInterval(implied, { decimals: decimals + 1 })} within their printed rounding)` : ''}, not ${c.total.text}`
          : `“${c.total.text}”: the years ${years}, with ${named} as the document's rates give ${wrong.size === 1 ? 'it' : 'them'}, add up to ${vn(sum, decimals)}${unit}, not ${c.total.text}${intervalsMeet(implied, iv(c.total)) ? ` (the whole carries the printed ${wrong.size === 1 ? 'year' : 'years'})` : ''}`,
    });
  }

  /** “A, cao gấp K lần … B”: A ÷ B, each within its printed rounding, meets K within its own. */
  function checkRatio(c: RatioClaim): void {
    const iv = (f: ClaimFigure): Interval => printedInterval(f.figure.digits, { kind: 'rate' }).precision;
    const of = (f: ClaimFigure): Interval => (f.dimension === 'percent' ? iv(f) : figureInterval(f.figure));
    if (c.other.figure.value.num === 0n) return skip(c, 'the figure compared with is 0');
    const implied = divideIntervals(of(c.figure), of(c.other));
    const exact = divideFractions(c.figure.figure.value, c.other.figure.value);
    const decimals = Math.max(1, c.multiple.figure.decimals);
    if (intervalsMeet(implied, iv(c.multiple))) return ok(c, `${c.figure.text} ÷ ${c.other.text} = ${vn(exact, decimals + 1)}, printed ${c.multiple.text}`);
    finding(c, {
      severity: 'error',
      code: 'ratio-mismatch',
      text: c.sentence,
      printed: c.multiple.text,
      expected: `${vn(exact, decimals)} lần`,
      difference: fractionToDecimal(subtractFractions(c.multiple.figure.value, exact)).toDecimalPlaces(decimals + 1).toFixed(),
      relation: `${c.figure.text} ÷ ${c.other.text}`,
      location: where(c.multiple.location),
      message: `“gấp ${c.multiple.text}”: ${c.figure.text} is ${vn(exact, decimals)} times ${c.other.text}, not ${c.multiple.text} (${c.multiple.text.replace(/\s*lần$/, '')} × ${c.other.text} = ${vn(multiplyFractions(c.multiple.figure.value, c.other.figure.value), c.figure.figure.decimals)}${c.figure.dimension === 'percent' ? '%' : ''})`,
    });
  }

  /**
   * A rate target printed with the households it stands for (“giảm từ 1,5-2%, tương đương 368-491 hộ
   * nghèo”), when the document prints its base of households: each count is its rate of the base
   * (within the rate's printed rounding, and one household either way). Null when not checked.
   */
  /** The households of all the area as the tables' total rows print them (“Tổng số hộ”), when they print one figure. */
  function tableHouseholds(): { value: Fraction; text: string; where: string; note: string } | undefined {
    const found = tableTotals(tables).flatMap((t) => t.columns.filter((c) => c.subject === 'households' && c.stage === null).map((c) => ({ t, c })));
    if (found.length === 0 || new Set(found.map((x) => x.c.value)).size !== 1) return undefined;
    const { t, c } = found[0]!;
    const text = `${vn(fraction(BigInt(c.value)), 0)} hộ`;
    return { value: fraction(BigInt(c.value)), text, where: `the total row (“${t.label}”) of the table at block ${t.block} prints under “${c.key}”`, note: `the households of the table at block ${t.block}` };
  }

  function checkTargetCounts(t: ReductionTargetClaim): 'fit' | 'off' | null {
    const form = t.target.form;
    const other = t.target.equivalent?.form;
    // the households of the area: as the prose prints them, else the one figure the tables' total rows print for them
    const printedBase = t.printedBase === undefined ? undefined : { value: t.printedBase.figure.value, text: t.printedBase.text, where: `the document prints (block ${t.printedBase.location.block + 1})`, note: 'the households the document prints' };
    const b = printedBase ?? tableHouseholds();
    if (b === undefined || t.printed === undefined || t.population !== '') return null;
    // “giảm 45 hộ nghèo, tương ứng giảm 1,2%”: the households set, the rate they stand for printed after them
    if ((form === 'count' || form === 'count-range') && (other === 'points' || other === 'range')) return t.printedBase === undefined ? null : checkTargetRates(t);
    if ((form !== 'points' && form !== 'range') || (other !== 'count' && other !== 'count-range')) return null;
    // “1,5-2%”, “368-491 hộ”: the low end is printed before the figure, joined by a dash
    // a range printed high end first (“2-1,5%”, “491-368 hộ”) is the same interval: its ends are paired smaller with smaller
    const rates = withRangeLows(t.printed.filter((f) => f.dimension === 'percent' && f.figure.qualifier === null));
    // an equivalent count may be approximate (“tương đương khoảng 120 hộ”, “trên 200 hộ”): read within what its qualifier allows
    const counts = withRangeLows(t.printed.filter((f) => f.dimension === 'households' && (f.figure.qualifier === null || (qualified(f.figure) && f.figure.range === undefined)) && f.location.start > (rates[rates.length - 1]?.location.start ?? Infinity)));
    if (rates.length === 0 || rates.length !== counts.length || rates.length > 2) return null;
    // on a table's households an exact count is its rate–count pair's to check (on the same base): only an approximate one is read here
    if (printedBase === undefined && counts.some((c) => !qualified(c.figure))) return null;
    const base = b.value;
    // a target's rate is set, not measured (“giảm 3-4%” is 3 and 4 exactly): only its households are rounded, to one either way;
    // a rate with decimals (“1,36%”) may itself be a rounded figure, within its last digit
    const decimals = Math.max(...rates.map((r) => r.figure.decimals));
    const half = decimals === 0 ? fraction(0n) : fraction(1n, 2n * 10n ** BigInt(decimals));
    let off = false;
    rates.forEach((r, i) => {
      const count = counts[i]!;
      const exact = multiplyFractions(base, divideFractions(r.figure.value, fraction(100n)));
      const low = multiplyFractions(base, divideFractions(subtractFractions(r.figure.value, half), fraction(100n)));
      const high = multiplyFractions(base, divideFractions(addFractions(r.figure.value, half), fraction(100n)));
      const v = count.figure.value;
      const fits = interval(subtractFractions(low, fraction(1n)), addFractions(high, fraction(1n)), { lowOpen: true, highOpen: true });
      const approximate = qualified(count.figure);
      if (approximate ? intervalsMeet(figureInterval(count.figure), fits) : intervalContains(fits, v)) return;
      off = true;
      finding(t, {
        severity: 'warning',
        code: 'target-count-mismatch',
        text: t.sentence,
        printed: count.text,
        expected: `${vn(exact, 0)} hộ`,
        difference: fractionToDecimal(subtractFractions(v, exact)).toDecimalPlaces(1).toFixed(),
        relation: `${r.text} × ${b.text} ÷ 100`,
        location: where(count.location),
        message: `“${count.text}” for a fall of ${r.text}: ${r.text} of the ${b.text} ${b.where} is ${vn(exact, 1)} hộ${decimals === 0 ? '' : ` (${vn(low, 1)} – ${vn(high, 1)} within the rate's rounding)`}, not ${count.text} (${approximate ? `which allows ${formatInterval(figureInterval(count.figure), { decimals: 0 })} hộ` : `off by ${vn(subtractFractions(v, exact), 0).replace('-', '')}`})`,
      });
    });
    if (!off) ok(t, `${counts.map((c, i) => `${c.text} = ${rates[i]!.text} of ${b.text}`).join('; ')} (${b.note})`);
    return off ? 'off' : 'fit';
  }

  /**
   * A count target printed with the rate it stands for (“giảm 45 hộ nghèo, tương ứng giảm 1,2%”), when
   * the document prints its base of households: each rate is its count's share of the base, rounded
   * as printed (a count is set exactly; the rate is the figure rounded for print). Null when not checked.
   */
  function checkTargetRates(t: ReductionTargetClaim): 'fit' | 'off' | null {
    const printed = t.printed ?? [];
    const counts = withRangeLows(printed.filter((f) => f.dimension === 'households' && f.figure.qualifier === null));
    // the rate may be approximate (“tương đương gần 1,5%”): read within what its qualifier allows
    const rates = withRangeLows(printed.filter((f) => f.dimension === 'percent' && (f.figure.qualifier === null || (qualified(f.figure) && f.figure.range === undefined)) && f.location.start > (counts[counts.length - 1]?.location.start ?? Infinity)));
    if (counts.length === 0 || rates.length !== counts.length || counts.length > 2 || t.printedBase!.figure.value.num <= 0n) return null;
    const base = t.printedBase!;
    let off = false;
    counts.forEach((count, i) => {
      const r = rates[i]!;
      const iv = printedInterval(r.figure.digits, { kind: 'rate' }).precision;
      const exact = multiplyFractions(divideFractions(count.figure.value, base.figure.value), fraction(100n));
      // an approximate rate holds the exact one within its qualifier's reach, widened by half its last printed digit
      const allowed = qualified(r.figure) ? widenInterval(figureInterval(r.figure), fraction(1n, 2n * 10n ** BigInt(r.figure.decimals))) : iv;
      if (intervalContains(allowed, exact)) return;
      off = true;
      const decimals = Math.max(1, r.figure.decimals);
      finding(t, {
        severity: 'warning',
        code: 'target-count-mismatch',
        text: t.sentence,
        printed: r.text,
        expected: `${vn(exact, decimals)}%`,
        difference: fractionToDecimal(subtractFractions(r.figure.value, exact)).toDecimalPlaces(decimals + 1).toFixed(),
        relation: `${count.text} ÷ ${base.text} × 100`,
        location: where(r.location),
        message: `“${r.text}” for a fall of ${count.text}: ${count.text} of the ${base.text} the document prints (block ${base.location.block + 1}) is ${vn(exact, decimals + 1)}% of the households (tỷ lệ hộ nghèo), not ${r.text} (off by ${vn(subtractFractions(r.figure.value, exact), decimals + 1).replace('-', '')} points)`,
      });
    });
    if (!off) ok(t, `${rates.map((r, i) => `${r.text} = ${counts[i]!.text} of ${base.text}`).join('; ')} (the households the document prints)`);
    return off ? 'off' : 'fit';
  }

  /**
   * A share of the households at the start (“Đầu năm 2026 … 300 hộ nghèo; … giảm 1/3 số hộ nghèo,
   * còn 200 hộ nghèo”, “giảm 1/3 số hộ nghèo (giảm 100 hộ)”): the households out are the share of
   * the start, those left the start less them, each to one household either way. Null when not checked.
   */
  function checkTargetShare(t: ReductionTargetClaim): 'fit' | 'off' | null {
    if (t.target.form !== 'share' || t.shareOf === undefined) return null;
    const { start, left } = t.shareOf;
    const share = t.target.share;
    const out = multiplyFractions(start.figure.value, share);
    const checks: Array<{ figure: ClaimFigure; expected: Fraction; what: string }> = [];
    const eq = t.target.equivalent;
    const said = eq?.form === 'count' ? t.printed?.find((f) => f.dimension === 'households' && compareFractions(f.figure.value, fraction(BigInt(eq.households))) === 0) : undefined;
    if (said !== undefined) checks.push({ figure: said, expected: out, what: 'households out' });
    if (left !== undefined) checks.push({ figure: left, expected: subtractFractions(start.figure.value, out), what: 'households left' });
    if (checks.length === 0) return null;
    const shareText = `${share.num}/${share.den}`;
    let off = false;
    for (const { figure, expected, what } of checks) {
      const gap = subtractFractions(figure.figure.value, expected);
      if (compareFractions(gap.num < 0n ? subtractFractions(fraction(0n), gap) : gap, fraction(1n)) < 0) continue;
      off = true;
      finding(t, {
        severity: 'warning',
        code: 'target-count-mismatch',
        text: t.sentence,
        printed: figure.text,
        expected: `${vn(expected, 0)} hộ`,
        difference: fractionToDecimal(gap).toDecimalPlaces(1).toFixed(),
        relation: what === 'households out' ? `${shareText} × ${start.text}` : `${start.text} − ${shareText} × ${start.text}`,
        location: where(figure.location),
        message: `“${figure.text}” (${what}): ${shareText} of the ${start.text} at the start (block ${start.location.block + 1}) is ${vn(out, 1)} hộ out${what === 'households left' ? `, leaving ${vn(expected, 1)} hộ` : ''}, not ${figure.text} (off by ${vn(gap, 0).replace('-', '')})`,
      });
    }
    if (!off) ok(t, `${shareText} of ${start.text} = ${vn(out, 1)} hộ out${left === undefined ? '' : `, ${left.text} left`}`);
    return off ? 'off' : 'fit';
  }

  function checkPairs(all: readonly RateCountClaim[]): void {
    // a range (“300–350 hộ”, “5,8-6%”) or a figure rounded by its scale word (“11,7 nghìn hộ”) is no exact count or rate to infer a base from
    const rounded = (f: ClaimFigure): boolean => f.figure.range !== undefined || f.figure.scale !== undefined;
    for (const p of all) if (rounded(p.rate) || rounded(p.count)) skip(p, `${rounded(p.count) ? p.count.text : p.rate.text} is ${(rounded(p.count) ? p.count : p.rate).figure.range === undefined ? 'rounded to its scale word' : 'a range'}: no base is inferred from it`);
    const pairs = all.filter((p) => !rounded(p.rate) && !rounded(p.count));
    // a pair of all households whose base the text prints (“Tổng số hộ tự nhiên: 297.899 hộ”) is checked against it
    const onPrintedBase = (p: RateCountClaim, printedBase: ClaimFigure): void => {
      baseOf.set(p, printedBase);
      const base = printedBase.figure.value;
      const r = p.rate.figure;
      if (base.num <= 0n) return;
      const exact = multiplyFractions(divideFractions(p.count.figure.value, base), fraction(100n));
      const q = multiplyFractions(exact, fraction(10n ** BigInt(r.decimals)));
      const printed = multiplyFractions(r.value, fraction(10n ** BigInt(r.decimals)));
      if (p.count.figure.qualifier !== null) return;
      // “còn 98 hộ nghèo, chiếm gần 5%”: an approximate rate holds when the exact share is in the values its qualifier allows
      if (r.qualifier !== null) {
        const allowed = figureInterval(r);
        if (intervalContains(allowed, exact)) {
          ok(p, `${p.count.text} ÷ ${printedBase.text} (printed) × 100 = ${vn(exact, Math.max(2, r.decimals + 1))}%, which is ${p.rate.text}`);
          return;
        }
        finding(p, {
          severity: 'error',
          code: 'rate-mismatch',
          text: p.sentence,
          printed: p.rate.text,
          expected: `${vn(exact, Math.max(2, r.decimals))}%`,
          difference: null,
          relation: `${p.count.text} ÷ ${printedBase.text} × 100`,
          location: where(p.rate.location),
          message: `“${p.rate.text}” for ${p.count.text}: on the households the text prints (${printedBase.text}) it is ${vn(exact, Math.max(2, r.decimals))}%, outside what “${p.rate.text}” allows (${formatInterval(allowed, { decimals: Math.max(1, r.decimals) })}%)`,
        });
        return;
      }
      if (roundQuotient(q.num, q.den, rounding) === printed.num / printed.den) {
        ok(p, `${p.count.text} ÷ ${printedBase.text} (printed) × 100 = ${vn(exact, Math.max(2, r.decimals + 1))}%, printed ${p.rate.text}`);
        return;
      }
      // a count above the whole it is a share of (“270 hộ, bằng 96,73% tổng số hộ nghèo” of 214), its rate at most 100:
      // no part exceeds its whole, so the count is the wrong figure — found there, with the one count that gives the rate
      const fits = compareFractions(p.count.figure.value, base) > 0 && compareFractions(r.value, fraction(100n)) <= 0 && p.count.figure.decimals === 0 ? countsGiving(r, base) : [];
      if (fits.length === 1) {
        finding(p, {
          severity: 'error',
          code: 'rate-mismatch',
          text: p.sentence,
          printed: p.count.text,
          expected: `${vn(fits[0]!, 0)} ${p.count.figure.unitText}`,
          difference: fractionToDecimal(subtractFractions(p.count.figure.value, fits[0]!)).toFixed(),
          relation: `${p.count.text} ÷ ${printedBase.text} × 100`,
          location: where(p.count.location),
          message: `“${p.count.text}”: more than the whole it is a share of (${printedBase.text}); its rate ${p.rate.text} is that of ${vn(fits[0]!, 0)} ${p.count.figure.unitText}`,
        });
        return;
      }
      const expected = `${vn(exact, r.decimals)}%`;
      finding(p, {
        severity: 'error',
        code: 'rate-mismatch',
        text: p.sentence,
        printed: p.rate.text,
        expected,
        difference: fractionToDecimal(subtractFractions(r.value, exact)).toDecimalPlaces(Math.max(2, r.decimals)).toFixed(),
        relation: `${p.count.text} ÷ ${printedBase.text} × 100`,
        location: where(p.rate.location),
        message: `“${p.rate.text}” for ${p.count.text}: on the households the text prints (${printedBase.text}) it is ${vn(exact, Math.max(2, r.decimals))}% (${rounding}), printed ${p.rate.text}`,
      });
        };
    for (const p of pairs) if (p.printedBase !== undefined) onPrintedBase(p, p.printedBase);
    // …and so is a pair of the same households, area and moment with no other pair to share a base with, when the text prints one base for them (“Tổng số hộ dân cư toàn tỉnh là 215.400 hộ” before the poor, the near-poor further on)
    const printedFor = new Map<string, ClaimFigure[]>();
    const sameBase = (p: RateCountClaim): string => `${p.population}|${p.base}|${p.scope ?? ''}|${p.moment ?? ''}|${p.year ?? ''}`;
    for (const p of pairs) if (p.printedBase !== undefined && !(printedFor.get(sameBase(p)) ?? []).some((f) => compareFractions(f.figure.value, p.printedBase!.figure.value) === 0)) printedFor.set(sameBase(p), [...(printedFor.get(sameBase(p)) ?? []), p.printedBase]);
    // “… 9.047 hộ, chiếm 70,00% tổng số hộ nghèo”: a share of the poor households is on the one count of all the poor printed for the same area, year and moment
    const poorOf = (p: RateCountClaim): string => `${p.scope ?? ''}|${p.moment ?? ''}|${p.year ?? ''}`;
    const poorCounts = new Map<string, ClaimFigure[]>();
    for (const p of pairs) if (p.subject === 'poor' && p.population === '' && p.base === 'households' && p.count.figure.qualifier === null && !(poorCounts.get(poorOf(p)) ?? []).some((f) => compareFractions(f.figure.value, p.count.figure.value) === 0)) poorCounts.set(poorOf(p), [...(poorCounts.get(poorOf(p)) ?? []), p.count]);
    const ofThePoor = (p: RateCountClaim): boolean => p.subject === 'poor' && /^(?:tong )?so ho ngheo$/.test(foldVietnamese(p.base).trim());
    // pairs share a base when they are of the same households, area and moment; a pair of no stated moment joins the one moment stated
    const groups = new Map<string, RateCountClaim[]>();
    const along = (p: RateCountClaim): string => `${p.population}|${p.base}|${p.scope ?? ''}`;
    const moments = new Map<string, Set<string>>();
    const years = new Map<string, Set<string>>();
    for (const p of pairs) if (p.moment !== undefined) moments.set(along(p), new Set([...(moments.get(along(p)) ?? []), p.moment]));
    for (const p of pairs) if (p.year !== undefined) years.set(along(p), new Set([...(years.get(along(p)) ?? []), p.year]));
    for (const p of pairs) {
      if (p.printedBase !== undefined) continue;
      const stated = moments.get(along(p));
      const moment = p.moment ?? (stated?.size === 1 ? [...stated][0]! : '');
      // pairs of two years named are on two bases; a pair of no year joins the one year named
      const named = years.get(along(p));
      const year = named === undefined || named.size < 2 ? '' : (p.year ?? '');
      const key = `${along(p)}|${moment}|${year}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) {
        for (const p of group) {
          // a pair naming no year (“Đầu năm, số hộ cận nghèo … là 1.230 hộ (8,47%)”) shares the one base printed for its moment in any year
          const printed = printedFor.get(sameBase(p)) ?? (p.year === undefined ? oneValue([...printedFor.entries()].filter(([k]) => k.startsWith(`${p.population}|${p.base}|${p.scope ?? ''}|${p.moment ?? ''}|`)).flatMap(([, v]) => v)) : undefined);
          const poor = poorCounts.get(poorOf(p));
          if (printed?.length === 1 && p.population === '' && p.base === 'households') onPrintedBase(p, printed[0]!);
          else if (poor?.length === 1 && ofThePoor(p)) onPrintedBase(p, poor[0]!);
          else if ((poor === undefined || poor.length === 0) && onTablePoor(p)) continue;
          else if (!onTableBase(p)) skip(p, 'no other rate–count pair shares its base, so the base cannot be checked');
        }
        continue;
      }
      const label = (p: RateCountClaim): string => `${p.rate.text} (${p.count.text})`;
      const inference = inferCommonBase(group.map((p) => ({ label: label(p), count: p.count.figure.digits, rate: p.rate.figure.digits })), { rounding });
      const bases = (b: { min: number; max: number | null } | null): string => (b === null ? 'no base' : `${vn(fraction(BigInt(b.min)), 0)} – ${b.max === null ? '∞' : vn(fraction(BigInt(b.max)), 0)}`);
      const who = `${group[0]!.population === '' ? 'all households' : group[0]!.population}${group[0]!.scope === undefined ? '' : ` of ${group[0]!.scope}`}`;
      if (inference.common !== null) {
        for (const p of group) ok(p, `the ${group.length} pairs for ${who} share a base of ${bases(inference.common)} households`);
        continue;
      }
      if (inference.best === null || group.length < 3) {
        const p = group[0]!;
        finding(p, {
          severity: 'warning',
          code: 'rate-count-pairs-disagree',
          text: group.map((g) => g.sentence).join(' … '),
          printed: group.map(label).join('; '),
          expected: null,
          difference: null,
          relation: 'every pair is count ÷ households × 100 of the same households',
          message: `the rate–count pairs for ${who} imply different numbers of households and no base is shared by most of them: ${inference.pairs.map((x) => `${x.label} needs ${bases(x.bases)}`).join('; ')}`,
        });
        pairsOf.set(findings[findings.length - 1]!, group);
        for (const g of group.slice(1)) status.set(g, { status: 'finding', note: null });
        continue;
      }
      const best = inference.best;
      for (const p of group) {
        const inf = inference.pairs.find((x) => x.label === label(p))!;
        if (inf.fits) {
          ok(p, `fits the base most pairs for ${who} share: ${bases(best)} households`);
          continue;
        }
        const count = fraction(BigInt(inf.count));
        const decimals = Math.max(2, p.rate.figure.decimals);
        const lowRate = best.max === null ? fraction(0n) : multiplyFractions(divideFractions(count, fraction(BigInt(best.max))), fraction(100n));
        const highRate = multiplyFractions(divideFractions(count, fraction(BigInt(best.min))), fraction(100n));
        const expected = vn(lowRate, decimals) === vn(highRate, decimals) ? `${vn(lowRate, decimals)}%` : `${vn(lowRate, decimals)} – ${vn(highRate, decimals)}%`;
        finding(p, {
          severity: 'error',
          code: 'rate-count-base-mismatch',
          text: p.sentence,
          printed: `${p.rate.text} (${p.count.text})`,
          expected,
          difference: null,
          relation: 'count ÷ households × 100, with the households the other pairs share',
          location: where(p.rate.location),
          message: `“${p.rate.text} (tương đương ${p.count.text})” fits no base shared with the other pairs for ${who}: ${p.count.text} at ${p.rate.text} needs ${bases(inf.bases)} households, while ${inference.pairs.filter((x) => x.fits).length} of ${group.length} pairs share ${bases(best)}; on that base ${p.count.text} is ${expected}`,
        });
        pairsOf.set(findings[findings.length - 1]!, group);
      }
    }
  }

  /**
   * A lone pair of all households, when the document's one table with a households column prints
   * their total: the pair's rate on that base (a warning when it does not fit: the text may speak of
   * another date). True when it was checked.
   */
  function onTableBase(p: RateCountClaim): boolean {
    if (p.base !== 'households' || p.rate.figure.qualifier !== null || p.count.figure.qualifier !== null) return false;
    // a pair of a named place or part of the area (“xã Tân Lập còn 45 hộ nghèo, chiếm 8,33%”, “khu vực nông thôn …”) is on that row's households, never the total's
    const named = p.scope ?? (p.population === '' ? undefined : p.population);
    const places = named === undefined ? undefined : placesNamed(named).length > 0 ? placesNamed(named) : [rowPlaceKey(named)];
    if (places?.length === 0 || (p.population !== '' && placesNamed(p.population).length === 0)) return false;
    // a table whose rates are all of one moment (“Hộ nghèo cuối năm · Tỷ lệ”) has the households of that moment: a pair of the other moment (“đầu năm … chiếm 11,11%”, beside a column of the poor at the start with no rate) may be on another base
    const found = tableTotals(tables, places).filter((t) => !otherMoment(t.columns, p.moment)).flatMap((t) => t.columns.filter((c) => c.subject === 'households').map((c) => ({ block: t.block, label: t.label, key: c.key, value: c.value })));
    // a place printed in two tables with two figures: which is the base is not certain
    const bases = found.filter((b, i) => found.findIndex((x) => x.value === b.value) === i);
    if (bases.length !== 1 || bases[0]!.value <= 0) return false;
    const { block, key, value } = bases[0]!;
    const r = p.rate.figure;
    const exact = multiplyFractions(divideFractions(p.count.figure.value, fraction(BigInt(value))), fraction(100n));
    const q = multiplyFractions(exact, fraction(10n ** BigInt(r.decimals)));
    const printed = multiplyFractions(r.value, fraction(10n ** BigInt(r.decimals)));
    const table = `${places === undefined ? 'the total row' : `the row “${bases[0]!.label}”`} of the table at block ${block} (${key}: ${vn(fraction(BigInt(value)), 0)})`;
    if (roundQuotient(q.num, q.den, rounding) === printed.num / printed.den) {
      ok(p, `${p.count.text} ÷ the households of ${table} × 100 = ${vn(exact, Math.max(2, r.decimals + 1))}%, printed ${p.rate.text}`);
      return true;
    }
    finding(p, {
      severity: 'warning',
      code: 'rate-count-base-mismatch',
      text: p.sentence,
      printed: p.rate.text,
      expected: `${vn(exact, r.decimals)}%`,
      difference: null,
      relation: `${p.count.text} ÷ the households of the table × 100`,
      location: where(p.rate.location),
      message: `“${p.rate.text}” for ${p.count.text}: on the households of ${table} it is ${vn(exact, Math.max(2, r.decimals))}% (${rounding}); printed ${p.rate.text} (another base or date?)`,
    });
    return true;
  }

  /**
   * “Năm 2024 đã hỗ trợ 120 hộ nghèo, chiếm 35,5% số hộ nghèo của huyện” with no count of the poor
   * in the text: the share of the poor households the document's tables count in their total row, in
   * the one column of the poor at the pair's moment (“đầu năm”, “cuối năm”) and year, or, when the
   * sentence names no moment, the one stock of the poor the tables print (a warning when it does not
   * fit: the share may be of another date). True when it was checked.
   */
  function onTablePoor(p: RateCountClaim): boolean {
    // “chiếm 35,5% (tổng) số hộ nghèo (của huyện, toàn xã)”: of all the poor of the area, not of a group of them
    const ofAllThePoor = p.subject === 'poor' && /^(?:tong )?so ho ngheo(?:\s+(?:cua|toan|tren dia ban)\b[^,;]*)?$/.test(foldVietnamese(p.base).trim());
    if (!ofAllThePoor || p.population !== '' || p.scope !== undefined || p.count.figure.qualifier !== null || p.rate.figure.range !== undefined) return false;
    const stocks = tableTotals(tables).flatMap((t) => t.columns.filter((c) => c.subject === 'poor' && (c.stage === 'start' || c.stage === 'end') && (p.moment === undefined || c.stage === p.moment) && (p.year === undefined || c.year === null || c.year === p.year)).map((c) => ({ block: t.block, key: c.key, value: c.value })));
    const values = new Set(stocks.map((c) => c.value));
    if (values.size !== 1 || stocks[0]!.value <= 0) return false;
    const { block, key, value } = stocks[0]!;
    if (compareFractions(p.count.figure.value, fraction(BigInt(value))) > 0) return false;
    const r = p.rate.figure;
    const exact = multiplyFractions(divideFractions(p.count.figure.value, fraction(BigInt(value))), fraction(100n));
    const table = `the total row of the table at block ${block} (${key}: ${vn(fraction(BigInt(value)), 0)} hộ nghèo)`;
    const q = multiplyFractions(exact, fraction(10n ** BigInt(r.decimals)));
    const printed = multiplyFractions(r.value, fraction(10n ** BigInt(r.decimals)));
    const fits = qualified(r) ? intervalContains(figureInterval(r), exact) : roundQuotient(q.num, q.den, rounding) === printed.num / printed.den;
    if (fits) {
      ok(p, `${p.count.text} ÷ the poor households of ${table} × 100 = ${vn(exact, Math.max(2, r.decimals + 1))}%, printed ${p.rate.text}`);
      return true;
    }
    finding(p, {
      severity: 'warning',
      code: 'share-mismatch',
      text: p.sentence,
      printed: p.rate.text,
      expected: `${vn(exact, Math.max(2, r.decimals))}%`,
      difference: null,
      relation: `${p.count.text} ÷ the poor households of the table × 100`,
      location: where(p.rate.location),
      message: `“${p.rate.text}” of the poor households for ${p.count.text}: on the poor households of ${table} it is ${vn(exact, Math.max(2, r.decimals))}% (${rounding}); printed ${p.rate.text} (another date?)`,
    });
    return true;
  }

  function checkPlans(plans: readonly PercentOfPlanClaim[]): void {
    const groups = new Map<string, PercentOfPlanClaim[]>();
    for (const p of plans) groups.set(p.measure, [...(groups.get(p.measure) ?? []), p]);
    for (const group of groups.values()) {
      const implied = group.map((p) => {
        const share = percentShareInterval(p.percent.figure);
        return { p, plan: share.low === null || share.low.value.num <= 0n ? null : divideIntervals(figureInterval(p.achieved.figure), share) };
      });
      for (const { p, plan } of implied) {
        if (p.plan === null || plan === null) continue;
        const printedPlan = figureInterval(p.plan.figure);
        // an amount achieved already found wrong (the amount left, against plan − disbursed) is not found again through its
        // percentage (a change of a rate found wrong still is: “giảm 2,15% …, đạt 104,6% kế hoạch”)
        const achievedAt = where(p.achieved.location);
        if (!intervalsMeet(plan, printedPlan) && p.achieved.dimension === 'money' && findings.some((f) => f.location.block === achievedAt.block && f.location.start === achievedAt.start && f.location.row === undefined)) {
          skip(p, `${p.achieved.text} is itself a finding: its percentage is not checked again`);
          continue;
        }
        if (!intervalsMeet(plan, printedPlan)) {
          finding(p, {
            severity: 'error',
            code: 'plans-disagree',
            text: p.sentence,
            printed: p.percent.text,
            expected: intervalText(plan, p.achieved),
            difference: null,
            relation: `${p.achieved.text} ÷ ${p.percent.text} = plan`,
            location: where(p.percent.location),
            message: `${p.achieved.text} is ${p.percent.text} of a plan of ${intervalText(plan, p.achieved)}, not of the plan printed (${p.plan.text}: ${p.achieved.text} ÷ ${p.plan.text} × 100 = ${percentOf(p.achieved, p.plan, Math.max(2, p.percent.figure.decimals))}%)`,
          });
        }
      }
      // a claim printed with its plan is checked against it alone; the others of a measure must imply one plan
      for (const { p } of implied) if (p.plan !== null && status.get(p)?.status !== 'unchecked') ok(p, 'the plan printed gives the percentage printed');
      const open = implied.filter(({ p }) => p.plan === null);
      if (open.length < 2) {
        for (const { p, plan } of open) skip(p, `no plan figure printed; it implies a plan of ${plan === null ? '?' : intervalText(plan, p.achieved)}`);
        continue;
      }
      let common: Interval | null = open[0]!.plan;
      for (const { plan } of open.slice(1)) common = common === null || plan === null ? null : intersectIntervals(common, plan);
      const each = open.map(({ p, plan }) => `${p.achieved.text} at ${p.percent.text} → ${plan === null ? '?' : intervalText(plan, p.achieved)}`).join('; ');
      if (common !== null) {
        for (const { p } of open) ok(p, `the ${open.length} claims about “${p.measure}” imply one plan: ${each}`);
      } else {
        const claimsOpen = open.map(({ p }) => p);
        const p = claimsOpen[claimsOpen.length - 1]!;
        finding(p, {
          severity: 'warning',
          code: 'plans-disagree',
          text: claimsOpen.map((g) => g.sentence).join(' … '),
          printed: claimsOpen.map((g) => `${g.achieved.text}, ${g.percent.text}`).join('; '),
          expected: null,
          difference: null,
          relation: 'achieved ÷ percentage = the same plan',
          location: where(p.percent.location),
          message: `the percent-of-plan claims about “${p.measure}” imply plans that do not meet: ${each}`,
        });
        for (const g of claimsOpen) if (g !== p) status.set(g, { status: 'finding', note: null });
      }
    }
  }

  function checkTableFigures(figures: readonly TableFigureClaim[]): void {
    const totals = tableTotals(tables);
    for (const c of figures) {
      const matches = totals.flatMap((t) => t.columns.filter((x) => x.subject === c.subject && x.stage === c.stage && (c.year === null || x.year === null || x.year === c.year)).map((x) => ({ t, x })));
      if (matches.length !== 1) {
        skip(c, matches.length === 0 ? 'no table column counts the same households at the same moment' : 'more than one table column could be this figure');
        continue;
      }
      const { t, x } = matches[0]!;
      const printed = c.figure.figure.value;
      if (printed.den === 1n && printed.num === BigInt(x.value)) {
        ok(c, `the same as the total row of the table at block ${t.block} (${x.key})`);
        continue;
      }
      // a term of a year's flow found wrong at itself, with the table's figure, is one finding
      if (findings.some((f) => f.code === 'flow-mismatch' && f.location.block === c.figure.location.block + 1 && f.location.start === c.figure.location.start)) {
        status.set(c, { status: 'finding', note: null });
        continue;
      }
      finding(c, {
        severity: 'warning',
        code: 'figure-differs-from-table',
        text: c.sentence,
        printed: c.figure.text,
        expected: `${vn(fraction(BigInt(x.value)), 0)} hộ`,
        difference: subtractFractions(printed, fraction(BigInt(x.value))).num.toString(),
        relation: `the prose figure = the total row of the table at block ${t.block}, column “${x.key}”`,
        location: where(c.figure.location),
        message: `“${c.figure.text}” in the text, but the total row of the table at block ${t.block} prints ${vn(fraction(BigInt(x.value)), 0)} in “${x.key}”`,
      });
    }
  }

  /**
   * “Phấn đấu trong năm 2027 toàn huyện giảm 225 hộ nghèo” beside a table of the year's targets by commune
   * (“Chỉ tiêu năm 2027 › Số hộ nghèo giảm”): a count of households out is the total the table hands out, in
   * its one column of the same households' cut in the target's year (`figure-differs-from-table` when the
   * communes' targets do not add up to the district's). True when it was checked.
   */
  function checkTargetColumn(t: ReductionTargetClaim): boolean {
    if (t.target.form !== 'count' || (t.target.subject !== 'poor' && t.target.subject !== 'near-poor')) return false;
    const years = targetYears(t);
    if (years.length !== 1) return false;
    const matches = tableTotals(tables).flatMap((x) => x.columns.filter((c) => c.subject === t.target.subject && c.stage === 'exit' && c.year === years[0]).map((c) => ({ x, c })));
    if (matches.length !== 1) return false;
    const { x, c } = matches[0]!;
    targetsAgainstColumns.push(t.location);
    const households = t.target.households;
    const printed = t.printed?.find((f) => f.dimension === 'households' && f.figure.value.den === 1n && f.figure.value.num === BigInt(households));
    if (households === c.value) {
      ok(t, `${describeTarget(t.target)}: the total row of the table at block ${x.block} hands out ${vn(fraction(BigInt(c.value)), 0)} in “${c.key}”`);
      return true;
    }
    finding(t, {
      severity: 'error',
      code: 'figure-differs-from-table',
      text: t.sentence,
      printed: printed?.text ?? `${households} hộ`,
      expected: `${vn(fraction(BigInt(c.value)), 0)} hộ`,
      difference: String(households - c.value),
      relation: `the target = the total row of the table at block ${x.block}, column “${c.key}”`,
      ...(printed === undefined ? {} : { location: where(printed.location) }),
      message: `“${t.sentence}”: ${describeTarget(t.target)}, but the targets of the table at block ${x.block} add up to ${vn(fraction(BigInt(c.value)), 0)} in “${c.key}” (the total row; the text's target or one of the rows is wrong)`,
    });
    return true;
  }

  function checkTargets(targets: readonly ReductionTargetClaim[]): void {
    for (const t of targets) {
      if (t.population !== '') {
        skip(t, `about ${t.population} households, which no table of the document counts`);
        continue;
      }
      if (checkTargetColumn(t)) continue;
      const counts = checkTargetCounts(t) ?? checkTargetShare(t);
      const plan = planFigures(tables.filter((x) => !yearsBefore(x, targetYears(t))));
      if (plan === null && counts !== null) continue;
      if (plan === null) {
        const others = targets.filter((o) => o !== t && o.population === '' && o.target.subject === t.target.subject);
        const note = agreementNote(t.target, others.map((o) => o.target));
        skip(t, `no table gives the households, the poor and near-poor counts and the planned exits to evaluate it against${note}`);
        continue;
      }
      const achieved = t.target.subject === 'poor' ? plan.exits.poor : t.target.subject === 'near-poor' ? plan.exits.nearPoor : plan.exits.poor + plan.exits.nearPoor;
      const e = evaluateTarget(t.target, plan.base, achieved);
      const needed = e.conversion.low;
      const reading = `${describeTarget(t.target)}: needs ${vn(fraction(BigInt(needed.householdsNeeded)), 0)} households out (${vn(needed.households, 1)}) of ${vn(fraction(BigInt(plan.base.households)), 0)}; the table plans ${vn(fraction(BigInt(achieved)), 0)} (${vn(e.achievedPoints, 2)} points)`;
      if (e.met) {
        ok(t, `${reading} → met (table at block ${plan.block})`);
        continue;
      }
      const short = subtractFractions(fraction(0n), e.marginHouseholds);
      // “giảm 0,8%” of the poor rate is sometimes meant of poor and near-poor together: say what that reading gives
      let other = '';
      if (t.target.subject === 'poor' && (t.target.form === 'points' || t.target.form === 'range')) {
        const both = evaluateTarget({ ...t.target, subject: 'poor-and-near-poor' }, plan.base, plan.exits.poor + plan.exits.nearPoor);
        other = `; read as the poor and near-poor rate, ${vn(fraction(BigInt(both.achievedHouseholds)), 0)} exits = ${vn(both.achievedPoints, 2)} points would ${both.met ? '' : 'still not '}meet it`;
      }
      finding(t, {
        severity: 'warning',
        code: 'target-not-met',
        text: t.sentence,
        printed: `${vn(fraction(BigInt(achieved)), 0)} households planned out`,
        expected: `at least ${vn(fraction(BigInt(needed.householdsNeeded)), 0)}`,
        difference: `-${fractionToDecimal(short).toFixed(1)}`,
        relation: describeTarget(t.target),
        message: `“${t.sentence}”: ${reading} → NOT met, short by ${vn(short, 1)} households (${vn(subtractFractions(fraction(0n), e.marginPoints), 2)} points); the exits are the total row of the table at block ${plan.block}${other}`,
      });
    }
  }
}

/** A figure as a percentage of another of its dimension (money in đồng), rounded half-up for the message. */
function percentOf(a: ClaimFigure, b: ClaimFigure, decimals: number): string {
  const of = (f: ClaimFigure): Fraction => (f.dimension === 'money' ? multiplyFractions(f.figure.value, fraction(moneyPer(f))) : f.figure.value);
  const base = of(b);
  return base.num === 0n ? '?' : vn(multiplyFractions(divideFractions(of(a), base), fraction(100n)), decimals);
}

/**
 * Whether a money total printed in a larger unit than every one of its parts (tỷ over triệu) is their
 * sum rounded half-up to the total's unit and printed decimals (107.512,7 triệu đồng as “107,5 tỷ”).
 */
function roundedInLargerUnit(c: TotalWithPartsClaim): boolean {
  if (c.total.dimension !== 'money' || c.parts.some((p) => p.dimension !== 'money')) return false;
  const per = moneyPer(c.total);
  if (c.parts.some((p) => moneyPer(p) >= per)) return false;
  const sum = c.parts.reduce((acc, p) => addFractions(acc, multiplyFractions(p.figure.value, fraction(moneyPer(p)))), fraction(0n));
  // the sum in units of the total's last printed digit
  const step = fraction(per, 10n ** BigInt(Math.max(0, c.total.figure.decimals)));
  const q = divideFractions(sum, step);
  const printed = divideFractions(multiplyFractions(c.total.figure.value, fraction(per)), step);
  return printed.den === 1n && roundQuotient(q.num, q.den, 'half-up') === printed.num;
}

function moneyPer(f: ClaimFigure): bigint {
  return { dong: 1n, nghin: 1_000n, trieu: 1_000_000n, ty: 1_000_000_000n }[f.figure.moneyUnit ?? 'dong'];
}

/** The part printed in another money unit than the total whose figure, read in the total's unit, makes the parts add up. */
function droppedUnitPart(c: TotalWithPartsClaim): ClaimFigure | null {
  const unit = c.total.figure.moneyUnit;
  if (unit === null) return null;
  const per = (u: typeof unit): Fraction => fraction({ dong: 1n, nghin: 1_000n, trieu: 1_000_000n, ty: 1_000_000_000n }[u]);
  const inUnit = (f: ClaimFigure, u: typeof unit): Fraction => multiplyFractions(f.figure.value, divideFractions(per(u), per(unit)));
  for (const odd of c.parts) {
    if (odd.figure.moneyUnit === null || odd.figure.moneyUnit === unit) continue;
    let sum = fraction(0n);
    for (const p of c.parts) sum = addFractions(sum, p === odd ? p.figure.value : inUnit(p, p.figure.moneyUnit ?? unit));
    if (compareFractions(sum, c.total.figure.value) === 0) return odd;
  }
  return null;
}

function describeTarget(t: ReductionTarget): string {
  const who = t.subject === 'poor' ? 'poor' : t.subject === 'near-poor' ? 'near-poor' : 'poor and near-poor';
  const p = (f: Fraction): string => vn(f, 2);
  switch (t.form) {
    case 'points':
      return `${who} rate down ${p(t.points)} points`;
    case 'range':
      return `${who} rate down ${p(t.low)} – ${p(t.high)} points`;
    case 'share':
      return `${t.share.num}/${t.share.den} of the ${who} households out`;
    case 'share-range':
      return `${t.low.num}/${t.low.den} – ${t.high.num}/${t.high.den} of the ${who} households out`;
    case 'count':
      return `${t.households} ${who} households out`;
    case 'count-range':
      return `${t.low} – ${t.high} ${who} households out`;
  }
}

/** When a document states one goal in two forms (seed 003: 0,17 – 0,2 points and 10 households), the households for which they agree. */
function agreementNote(t: ReductionTarget, others: readonly ReductionTarget[]): string {
  const count = [t, ...others].find((x) => x.form === 'count');
  const points = [t, ...others].find((x) => x.form === 'points' || x.form === 'range');
  if (count === undefined || points === undefined || count.form !== 'count' || count.households === 0) return '';
  const [low, high] = points.form === 'range' ? [points.low, points.high] : points.form === 'points' ? [points.points, points.points] : [null, null];
  if (low === null || high === null || low.num === 0n) return '';
  return `; its ${count.households} households and ${describeTarget(points)} agree when there are ${vn(impliedBase(count.households, high), 0)} – ${vn(impliedBase(count.households, low), 0)} households`;
}

function summary(c: DocumentClaim): string {
  switch (c.kind) {
    case 'total-with-parts':
      if (c.totalElsewhere === true) return `${c.parts.map((p) => `${p.text} = ${p.share!.text}`).join('; ')} of ${c.total.text} (${c.total.label ?? "the document's total"}, block ${c.total.location.block + 1})`;
      if (c.overlapping === true) return `${c.parts.map((p) => `${p.text} ≤ ${c.total.text}`).join('; ')} (groups that may overlap)`;
      return `${c.total.text} = ${c.parts.map((p) => p.text).join(' + ')}`;
    case 'rate-count':
      return `${c.subject} ${c.population === '' ? '' : `(${c.population}) `}${c.rate.text} = ${c.count.text}${c.date === null ? '' : `, ${c.date}`}`;
    case 'percent-of-plan':
      return `${c.achieved.text} = ${c.percent.text} of the plan${c.plan === null ? '' : ` (${c.plan.text})`}`;
    case 'reduction-target':
      return `${describeTarget(c.target)}${c.population === '' ? '' : ` (${c.population})`}${c.reversed === undefined ? '' : ` (${c.reversed.map((r) => `“${r}”`).join(', ')} written high end first, read as from the smaller to the larger)`}`;
    case 'table-figure':
      return `${c.figure.text} (${c.subject}${c.stage === null ? '' : `, ${c.stage}`}${c.year === null ? '' : `, ${c.year}`}) as in a table`;
    case 'change':
      return `${c.from.text} → ${c.to.text}: ${c.direction === 'down' ? 'down' : 'up'} ${c.change.text}`;
    case 'yearly-average':
      return `${c.change?.text ?? `${c.from!.text} → ${c.to!.text}`} over ${c.years.join(' or ')} years: ${c.average.dimension === 'money' ? '' : `${c.direction} `}${c.average.text} a year`;
    case 'against-plan':
      return `${c.achieved.text} against a plan of ${c.plan.text}: ${c.verdictText}${c.margin === null ? '' : ` ${c.margin.text}`}`;
    case 'flow':
      return `${c.start.text} − ${c.exits.map((e) => e.text).join(' − ')}${c.entries.map((e) => ` + ${e.text}`).join('')} = ${c.end.text}`;
    case 'ratio':
      return `${c.figure.text} = ${c.multiple.text} × ${c.other.text}`;
    case 'net-change':
      return `${c.direction === 'down' ? 'down' : 'up'} ${c.change.text} = ${netRelation(c)}`;
    case 'yearly-changes':
      return `${c.direction === 'down' ? 'down' : 'up'} ${c.total.text} = ${c.years.map((y) => `${y.sign === 1 ? '' : '−'}${y.change.text} (${y.year})`).join(' + ')}`;
  }
}

/** The sum of figures as printed. */
function sumOf(fs: readonly ClaimFigure[]): Fraction {
  return fs.reduce((a, f) => addFractions(a, f.figure.value), fraction(0n));
}

/** A net change's flows written out: “612 hộ − 79 hộ” for a fall, “79 hộ − 612 hộ” for a rise. */
function netRelation(c: NetChangeClaim): string {
  const side = (fs: readonly ClaimFigure[], name: string): string => (fs.length === 0 ? `the ${name} of a table` : fs.map((f) => f.text).join(' + '));
  const [plus, minus] = c.direction === 'down' ? [side(c.exits, 'exits'), side(c.entries, 'entries')] : [side(c.entries, 'entries'), side(c.exits, 'exits')];
  return `${plus} − ${minus}`;
}

/** The values a printed figure stands for: a percentage within its printed rounding, a range from end to end, any other figure by its qualifier. */
function printedValuesAs(f: ClaimFigure, readings: ProseReadings): Interval {
  return f.dimension === 'percent' && f.figure.range === undefined ? printedInterval(f.figure.digits, { kind: 'rate' }).precision : readInterval(f.figure, readings);
}

function intervalText(i: Interval, like: ClaimFigure): string {
  return intervalInUnitOf(i, like.figure);
}

/** Why parts that are groups among their total ({@link TotalWithPartsClaim.subsets}) and add up to less are no finding. */
const SUBSETS_NOTE = 'groups among the total, each with its own share or a status among all households, not a split of it: not more than the total';

/** A count column of a table with a total row: what it counts (from its header) and its total. */
interface TotalFigure {
  readonly key: string;
  readonly subject: 'poor' | 'near-poor' | 'households' | null;
  readonly stage: TableFigureClaim['stage'];
  readonly year: string | null;
  readonly value: number;
  /** Whether a rate column of the table is this column over the households. */
  readonly rated: boolean;
}

/**
 * What a column's header says it counts: the households (poor, near-poor) and the moment (start,
 * exits, what remains), the nearest part of the header that names one deciding (the top header
 * often names both groups).
 */
export function headerNames(header: string): { readonly subject: 'poor' | 'near-poor' | null; readonly stage: TotalFigure['stage'] } {
  let subject: 'poor' | 'near-poor' | null = null;
  let stage: TotalFigure['stage'] = null;
  for (const part of foldVietnamese(header).split('›').reverse()) {
    subject ??= /\b(can ngheo|hcn)\b/.test(part) ? 'near-poor' : /\b(ho ngheo|hn|ngheo)\b/.test(part) ? 'poor' : null;
    stage ??= /\b(dau nam|dau ky)\b/.test(part) ? 'start' : /\b(thoat|giam)\b/.test(part) ? 'exit' : /\bphat sinh\b/.test(part) ? 'new' : /\btai ngheo\b/.test(part) ? 'return' : /\b(con lai|cuoi nam|cuoi ky)\b/.test(part) ? 'end' : null;
  }
  return { subject, stage };
}

/**
 * Per table with a total row: its count columns tagged from their headers, with the total row's
 * figures; or, for `places` (keys of `placesNamed`), the figures of each row of those places
 * (`label` the row's).
 */
function tableTotals(tables: readonly UnderstoodTable[], places?: readonly string[]): Array<{ readonly block: number; readonly label: string; readonly columns: readonly TotalFigure[] }> {
  const out: Array<{ block: number; label: string; columns: TotalFigure[] }> = [];
  for (const { table, layout } of tables) {
    const totalRow = [...layout.rows].reverse().find((r) => r.role === 'total');
    const rows = places === undefined ? (totalRow === undefined ? [] : [totalRow]) : layout.rows.filter((r) => r.role !== 'average' && places.includes(rowPlaceKey(r.label)));
    for (const row of rows) out.push({ block: table.index + 1, label: row.label, columns: rowFigures(table, layout, row.row) });
  }
  return out;
}

/**
 * Whether a table's rates are all of counts at a moment other than `moment` while it also counts the
 * households at `moment` with no rate: its households column is then the base of the other moment
 * (a review's table: the households at the review, the poor at the start and at the end, rates at
 * the end only).
 */
function otherMoment(columns: readonly TotalFigure[], moment: string | undefined): boolean {
  if (moment !== 'start' && moment !== 'end') return false;
  const rated = columns.filter((c) => c.rated && (c.subject === 'poor' || c.subject === 'near-poor'));
  return rated.length > 0 && rated.every((c) => c.stage !== moment) && columns.some((c) => !c.rated && c.stage === moment && (c.subject === 'poor' || c.subject === 'near-poor'));
}

/** A row's count columns tagged from their headers, with the row's figures. */
function rowFigures(table: UnderstoodTable['table'], layout: UnderstoodTable['layout'], row: number): TotalFigure[] {
  const rateBases = new Set(layout.relations.flatMap((r) => (r.type === 'rate' ? [r.base] : [])));
  const rateCounts = new Set(layout.relations.flatMap((r) => (r.type === 'rate' ? [r.count] : [])));
  const columns: TotalFigure[] = [];
  for (const c of layout.columns) {
    if (c.kind !== 'count') continue;
    const n = cellNumber(table.rows[row]?.[c.col]?.text ?? '');
    if (n === null || n.decimals !== 0) continue;
    // the nearest header part that names a subject or a stage decides (the top header often names both groups)
    const named = headerNames(c.header);
    let subject: TotalFigure['subject'] = named.subject;
    const stage = named.stage;
    if (subject === null && (rateBases.has(c.key) || /\b(ho dan|tong so ho|so ho)\b/.test(foldVietnamese(c.header)))) subject = 'households';
    const years = [...new Set([...c.header.matchAll(/\b(20\d\d)\b/g)].map((m) => m[1]!))];
    columns.push({ key: c.key, subject, stage: subject === 'households' ? null : stage, year: years.length === 1 ? years[0]! : null, value: n.units, rated: rateCounts.has(c.key) });
  }
  return columns;
}

/** The figures when they are all of one value, else undefined (none, or two values). */
function oneValue(figures: readonly ClaimFigure[]): ClaimFigure[] | undefined {
  const first = figures[0];
  return first !== undefined && figures.every((f) => compareFractions(f.figure.value, first.figure.value) === 0) ? [first] : undefined;
}

/** The years a target's sentence names (“Phấn đấu trong năm 2027 …” → 2027), each once. */
function targetYears(t: ReductionTargetClaim): string[] {
  return [...new Set([...t.sentence.matchAll(/(?<![\d.,/])(20\d\d)(?![\d.,]\d)/g)].map((m) => m[1]!))];
}

/**
 * Whether every year a table's headers name is before every year of `years` (a table of 2026's results beside a
 * target for 2027): its exits are not the target's plan. False when either names none.
 */
function yearsBefore({ layout }: UnderstoodTable, years: readonly string[]): boolean {
  const named = layout.columns.flatMap((c) => [...c.header.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1])));
  return named.length > 0 && years.length > 0 && Math.max(...named) < Math.min(...years.map(Number));
}

/** The base and planned exits a document's tables give: the total row of a table whose columns are households, poor and near-poor at the start, and exits. */
function planFigures(tables: readonly UnderstoodTable[]): { base: TargetBase; exits: { poor: number; nearPoor: number }; block: number } | null {
  for (const t of tableTotals(tables)) {
    const find = (subject: TotalFigure['subject'], stage: TotalFigure['stage']): number | null => t.columns.find((c) => c.subject === subject && c.stage === stage)?.value ?? null;
    const households = find('households', null);
    const poor = find('poor', 'start');
    const nearPoor = find('near-poor', 'start');
    if (households === null || poor === null || nearPoor === null || households <= 0 || poor + nearPoor > households) continue;
    const exit = (subject: 'poor' | 'near-poor', start: number): number | null => {
      const direct = find(subject, 'exit');
      if (direct !== null) return direct;
      const end = find(subject, 'end');
      return end === null ? null : start - end;
    };
    const poorExit = exit('poor', poor);
    const nearExit = exit('near-poor', nearPoor);
    if (poorExit === null || nearExit === null || poorExit < 0 || nearExit < 0) continue;
    return { base: { households, poor, nearPoor }, exits: { poor: poorExit, nearPoor: nearExit }, block: t.block };
  }
  return null;
}
