import { addFractions, compareFractions, fraction, multiplyFractions, subtractFractions, toFraction, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { roundQuotient, type RoundingMode } from '../numbers/rounding.js';
import type { CellRef } from './printedTable.js';
import { formatSigned, fractionText, likePrinted, plainDecimal, type ReconcileIssue } from './reconcileIssue.js';
import { UNIT_SLIPS } from './_sumChecks.js';
import { basesUnderRates } from './_baseUnderRates.js';

/** An exact figure as printed: its value and its decimals. */
export interface PrintedFigure {
  readonly value: Fraction;
  readonly decimals: number;
  readonly text: string;
}

/** What attribution needs to know of the table: each cell's exact figure, the rows each total adds up, each rate's rounding. */
export interface AttributionContext {
  /** The cell's figure when it is printed exactly, else null (blank, qualified, unreadable). */
  readonly figure: (ref: CellRef) => PrintedFigure | null;
  /** Row key of a subtotal or total → the row keys it adds up. */
  readonly covers: ReadonlyMap<string, readonly string[]>;
  /** The rounding of the rate relation of a column. */
  readonly rounding: (rateColumn: string) => RoundingMode;
  /**
   * The sums a cell is the total or a part of: their cells (total first, as a finding lists them)
   * and whether each holds with the cell read as another value (null: a figure is not exact).
   */
  readonly sumsOf?: (ref: CellRef) => ReadonlyArray<{ readonly cells: readonly CellRef[]; readonly holdsWith: (value: Fraction) => boolean | null; readonly signs?: readonly (1 | -1)[] }>;
  /** The rates that read a cell as their count or base: each one's cells, the rate's first. */
  readonly ratesOf?: (ref: CellRef) => ReadonlyArray<readonly CellRef[]>;
  /** The rates (× 100) of one count over the base `ref`, holding or not: their rate and count cells. */
  readonly ratesOn?: (ref: CellRef) => ReadonlyArray<{ readonly rate: CellRef; readonly count: CellRef }>;
}

const SUMS = new Set(['sum-mismatch', 'difference-mismatch']);
const key = (r: CellRef): string => `${r.row}\u0000${r.column}`;

/** The exact difference of an exact sum finding, or null (an interval, a rounding finding). */
function diffOf(i: ReconcileIssue): Fraction | null {
  if (i.severity !== 'error' || i.expectedExact === null || i.expectedExact.includes('/') || i.expectedExact.includes('–')) return null;
  return differenceOf(i);
}

/** The difference a finding prints (printed − expected, exact as printed), or null when it has none that reads. */
function differenceOf(i: ReconcileIssue): Fraction | null {
  if (i.difference === null) return null;
  try {
    return toFraction(i.difference);
  } catch {
    return null;
  }
}

/** Does the printed rate give the rounding of count ÷ base × 100 to its own decimals? */
function rateFits(rate: PrintedFigure | null, count: Fraction, base: PrintedFigure | null, rounding: RoundingMode): boolean {
  if (rate === null || base === null || base.value.num <= 0n) return false;
  const scale = 10n ** BigInt(rate.decimals);
  const printed = multiplyFractions(rate.value, fraction(scale));
  if (printed.den !== 1n) return false;
  // count ÷ base × 100 × 10^d
  const q = multiplyFractions(count, fraction(base.value.den * 100n * scale, base.value.num));
  return roundQuotient(q.num, q.den, rounding) === printed.num;
}

/**
 * The finding of a rate wrong for the base its rows give as well as for the printed (wrong) base:
 * expected count ÷ right base × 100, rounded as its relation rounds, the base finding named.
 */
function rateOnRightBase(r: ReconcileIssue, rate: PrintedFigure, count: Fraction, right: PrintedFigure, printedBase: PrintedFigure, baseFinding: ReconcileIssue, rounding: RoundingMode): ReconcileIssue {
  const scale = 10n ** BigInt(rate.decimals);
  const exact = multiplyFractions(count, fraction(right.value.den * 100n, right.value.num));
  const q = multiplyFractions(exact, fraction(scale));
  const expected = fraction(roundQuotient(q.num, q.den, rounding), scale);
  const diff = subtractFractions(rate.value, expected);
  const expectedText = formatVnNumber(expected, { decimals: rate.decimals });
  const baseText = formatVnNumber(right.value, { decimals: right.decimals, rounding: 'half-up' });
  const countText = formatVnNumber(count, { decimals: 0, rounding: 'half-up' });
  return {
    ...r,
    expected: expectedText,
    expectedExact: fractionText(exact),
    difference: plainDecimal(diff, rate.decimals),
    message:
      `${r.row} · ${r.column}: printed ${rate.text}, expected ${likePrinted(expectedText, rate.text)} (${countText} ÷ ${baseText} × 100 = ${formatVnNumber(exact, { decimals: rate.decimals + 4, rounding: 'half-even' })}…, ${rounding}, ` +
      `on the base its rows add up to: ${baseFinding.row} · ${baseFinding.column} ${baseText}, printed ${printedBase.text}), difference ${formatSigned(diff, rate.decimals)}`,
  };
}

/**
 * A finding at the figure `ref` of row `row`, printed as read and expected `implied` (the value the
 * relations it breaks give it), in place of `base`; `because` says why, given the expected text.
 */
function findingAt(base: ReconcileIssue, row: string, ref: CellRef, figure: PrintedFigure, implied: Fraction, cells: readonly CellRef[], relationText: string, because: (expected: string) => string): ReconcileIssue {
  const expected = formatVnNumber(implied, { decimals: figure.decimals, rounding: 'half-up' });
  const difference = plainDecimal(subtractFractions(figure.value, implied), 6);
  return {
    ...base,
    row,
    rowKey: ref.row,
    column: ref.column,
    printed: figure.text,
    expected,
    expectedExact: plainDecimal(implied, 6),
    difference,
    cells: [ref, ...cells],
    relationText,
    message: `${row} · ${ref.column}: printed ${figure.text}, expected ${expected} — ${because(expected)}; difference ${difference}`,
  };
}

const neg = (f: Fraction): Fraction => fraction(-f.num, f.den);
const same = (a: Fraction, b: Fraction): boolean => compareFractions(a, b) === 0;

/**
 * Puts each wrong figure where it is, when one wrong cell breaks several relations: a cell that
 * is a term of another relation breaks that one by the same amount, a subtotal whose items break
 * a column relation breaks it by their sum, a rate computed from the count a total implies is
 * right when the count is wrong. The findings that only follow from another are dropped, and the
 * finding that explains them says so. When a subtotal does not add up and the rate of one of its
 * items fits the count the subtotal implies, that count is the wrong cell: one finding there
 * replaces the two.
 */
export function attributeIssues(issues: readonly ReconcileIssue[], ctx: AttributionContext): ReconcileIssue[] {
  const out = [...issues];
  const dropped = new Set<ReconcileIssue>();
  const notes = new Map<ReconcileIssue, string[]>();
  const note = (i: ReconcileIssue, text: string): void => void notes.set(i, [...(notes.get(i) ?? []), text]);
  const sums = out.filter((i) => SUMS.has(i.code) && diffOf(i) !== null);
  const where = (i: ReconcileIssue): string => `${i.row} · ${i.column}`;
  /** A finding moved to the figure that is wrong, in the place of the finding it replaces. */
  const replaced = new Map<ReconcileIssue, ReconcileIssue>();
  /** A row key's printed label, from any finding on that row. */
  const labelOf = (rowKey: string): string | undefined => out.find((i) => i.rowKey === rowKey)?.row;

  // one cell, two relations that both find it wrong by as much (a total row's total column): one finding
  for (const a of sums) {
    for (const b of sums) {
      if (a === b || dropped.has(a) || dropped.has(b) || key(a.cells[0]!) !== key(b.cells[0]!) || !same(diffOf(a)!, diffOf(b)!)) continue;
      dropped.add(b);
      note(a, `so does ${b.relationText}`);
    }
  }
  // a figure typed in another unit (“0,614” for 614 in a table in triệu đồng): the only figure of a broken sum that,
  // × or ÷ 1.000 (or 1.000.000), makes every sum it is in hold that it breaks, and that no sum holding as printed
  // vouches for; one finding there replaces those sums' findings (a sum broken either way is another error: kept)
  const sumsOf = ctx.sumsOf;
  if (sumsOf !== undefined) {
    const cellsKey = (cells: readonly CellRef[]): string => cells.map(key).join('\u0001');
    type Slip = { factor: Fraction; how: string; shift: number; fixed: string[]; figure: PrintedFigure } | null;
    const slips = new Map<string, Slip>();
    const unitSlip = (ref: CellRef): Slip => {
      if (!slips.has(key(ref))) slips.set(key(ref), findSlip(ref));
      return slips.get(key(ref))!;
    };
    /** Could reading `ref` × or ÷ 1.000 (1.000.000) close a gap of `d`? A cheap test (within 1 %) before the relations are read. */
    const closes = (ref: CellRef, d: Fraction): boolean => {
      const figure = ctx.figure(ref);
      if (figure === null || figure.value.num === 0n) return false;
      const gap = d.num < 0n ? neg(d) : d;
      return UNIT_SLIPS.some(([factor]) => {
        const change = subtractFractions(multiplyFractions(figure.value, factor), figure.value);
        const size = change.num < 0n ? neg(change) : change;
        return compareFractions(multiplyFractions(size, fraction(99n, 100n)), gap) <= 0 && compareFractions(gap, multiplyFractions(size, fraction(101n, 100n))) <= 0;
      });
    };
    const findSlip = (ref: CellRef): Slip => {
      const figure = ctx.figure(ref);
      if (figure === null || figure.value.num === 0n) return null;
      const rels = sumsOf(ref);
      if (rels.some((r) => r.holdsWith(figure.value) !== false)) return null;
      for (const [factor, how, shift] of UNIT_SLIPS) {
        const scaled = multiplyFractions(figure.value, factor);
        const fixed = rels.filter((r) => r.holdsWith(scaled) === true).map((r) => cellsKey(r.cells));
        if (fixed.length > 0) return { factor, how, shift, fixed, figure };
      }
      return null;
    };
    for (const a of sums) {
      if (dropped.has(a) || replaced.has(a)) continue;
      const d = diffOf(a)!;
      const found = a.cells.filter((ref) => closes(ref, d)).map((ref) => ({ ref, slip: unitSlip(ref) })).filter((x) => x.slip !== null && x.slip.fixed.includes(cellsKey(a.cells)));
      if (found.length !== 1) continue;
      const { ref, slip } = found[0]! as { ref: CellRef; slip: NonNullable<Slip> };
      const group = sums.filter((i) => !dropped.has(i) && !replaced.has(i) && slip.fixed.includes(cellsKey(i.cells)));
      for (const i of group) dropped.add(i);
      const implied = multiplyFractions(slip.figure.value, slip.factor);
      const because = (): string => `read ${slip.how} (a figure typed in another unit, tỷ for triệu or đồng for nghìn?), it makes ${group.map((i) => `${i.relationText} hold at ${i.row}`).join('; ')}`;
      // the figure as it should have been typed: 0,614 × 1.000 is 614, 614.000 ÷ 1.000 is 614, with as many decimals as that needs
      let decimals = 0;
      while (decimals < Math.max(0, slip.figure.decimals + slip.shift) && (implied.num * 10n ** BigInt(decimals)) % implied.den !== 0n) decimals++;
      replaced.set(group[0]!, findingAt(group[0]!, labelOf(ref.row) ?? ref.row, ref, { ...slip.figure, decimals }, implied, group.flatMap((i) => i.cells), group.map((i) => i.relationText).join('; '), because));
    }
  }
  // a wrong cell found by one relation (a sum, or a product: “thành tiền” ≠ count × amount per unit), and a term of
  // another that breaks by as much
  const products = out.filter((i) => i.code === 'product-mismatch' && diffOf(i) !== null);
  for (const a of [...sums, ...products]) {
    const da = diffOf(a)!;
    for (const b of sums) {
      if (a === b || dropped.has(b) || dropped.has(a)) continue;
      const db = diffOf(b)!;
      const aIsTermOfB = b.cells.slice(1).some((c) => key(c) === key(a.cells[0]!));
      const bIsTermOfA = a.cells.slice(1).some((c) => key(c) === key(b.cells[0]!));
      if (!aIsTermOfB || bIsTermOfA || !(same(da, db) || same(da, neg(db)))) continue;
      dropped.add(b);
      note(a, `it also makes ${where(b)} differ by ${plainDecimal(db, 6)}`);
    }
  }
  // a product whose amount the sums vouch for (“Thành tiền” 1.800,0 adds up with its sources): the factor that, read as
  // the amount over the other, gives a figure printed to its own decimals is the wrong cell (54 for 45 × 40,0)
  if (sumsOf !== undefined) {
    for (const p of products) {
      if (dropped.has(p)) continue;
      const moved = productFactorAt(p, out.filter((i) => i !== p && !dropped.has(i)), ctx, sumsOf);
      if (moved === null) continue;
      dropped.add(p);
      replaced.set(p, moved);
    }
  }
  // a subtotal that breaks a column relation by exactly what its items break it by
  for (const b of sums) {
    if (dropped.has(b) || b.relation === 'row-total') continue;
    const covered = ctx.covers.get(b.rowKey);
    if (covered === undefined) continue;
    const items = sums.filter((i) => i !== b && i.column === b.column && i.relationText === b.relationText && covered.includes(i.rowKey));
    if (items.length === 0) continue;
    const total = items.reduce((s, i) => addFractions(s, diffOf(i)!), fraction(0n));
    if (!same(total, diffOf(b)!)) continue;
    dropped.add(b);
    for (const i of items) note(i, `${b.row} adds up the printed figures and so differs by ${plainDecimal(diffOf(b)!, 6)} too`);
  }
  // one wrong part of several totals (a row's figure, in its row's total and its column's subtotal):
  // two or more sums, off by the same amount, whose only common term is that cell — the cell is wrong
  const ADDITIVE = new Set(['row-total', 'column-total', 'headline']);
  const open = (): ReconcileIssue[] => sums.filter((i) => !dropped.has(i) && i.relation !== null && ADDITIVE.has(i.relation));
  for (const a of open()) {
    if (dropped.has(a)) continue;
    const d = diffOf(a)!;
    // the sums still open (nothing is dropped until a group is found, and then the loop ends)
    const candidates = open();
    // and the differences of one term (“Còn lại = đầu năm − Giảm”) it breaks: by as much where it is taken away, the other way
    const differences = sums.filter((i) => !dropped.has(i) && i.relation === 'difference' && i.cells.length === 3);
    for (const term of a.cells.slice(1)) {
      const group = [
        ...candidates.filter((i) => same(diffOf(i)!, d) && i.cells.slice(1).some((c) => key(c) === key(term))),
        ...differences.filter((i) => (key(i.cells[2]!) === key(term) && same(diffOf(i)!, neg(d))) || (key(i.cells[1]!) === key(term) && same(diffOf(i)!, d))),
      ];
      if (group.length < 2) continue;
      // the term must be the only cell every one of them adds, and no relation finds it wrong itself
      const common = group.slice(1).reduce((cells, i) => cells.filter((c) => i.cells.slice(1).some((x) => key(x) === key(c))), group[0]!.cells.slice(1));
      if (common.length !== 1 || out.some((i) => !dropped.has(i) && key(i.cells[0]!) === key(term))) continue;
      const figure = ctx.figure(term);
      if (figure === null) continue;
      const implied = addFractions(figure.value, d);
      if (implied.num < 0n) continue;
      for (const i of group) dropped.add(i);
      const cells = group.flatMap((i) => i.cells);
      const because = (expected: string): string => group.map((i) => `${i.row} · ${i.column} ${i.relation === 'difference' ? 'is' : 'adds up to'} ${i.printed} with ${expected} here`).join(', ');
      replaced.set(group[0]!, findingAt(a, labelOf(term.row) ?? term.row, term, figure, implied, cells, group.map((i) => i.relationText).join('; '), because));
      break;
    }
  }
  if (sumsOf !== undefined) {
    oneCellExplainsAll(sums, out, dropped, replaced, ctx, sumsOf, labelOf);
    termCarriedIntoTotal(sums, out, dropped, replaced, ctx, sumsOf, labelOf);
    for (const b of sums) {
      if (dropped.has(b) || replaced.has(b)) continue;
      const a = followsFrom(b, [...sums.filter((i) => i !== b && !dropped.has(i) && !replaced.has(i)), ...replaced.values()], ctx, sumsOf);
      if (a === null) continue;
      dropped.add(b);
      note(a.from, `${where(b)} follows from it (${a.relation}, as printed) and so differs by ${plainDecimal(diffOf(b)!, 6)} too`);
    }
  }
  // a total whose one wrong part is already found (a “trong đó” figure larger than its whole)
  for (const b of sums) {
    if (dropped.has(b) || b.relation !== 'row-total') continue;
    const parts = new Set(b.cells.slice(1).map(key));
    const found = out.filter((i) => i.code === 'inequality-broken' && i.severity === 'error' && parts.has(key(i.cells[0]!)));
    if (found.length !== 1) continue;
    dropped.add(b);
    note(found[0]!, `${b.row} adds up figures that were not all printed as here and differs by ${plainDecimal(diffOf(b)!, 6)}`);
  }
  // rates: of the count a total implies (the count is wrong), or pointing at the wrong item of a subtotal
  const rightForBase = new Map<ReconcileIssue, string[]>();
  for (const r of out) {
    // a rate that misses its count only by a rounding shortcut (8,11 + 9,00 for 17,11) is as much a consequence of a wrong count
    if (r.code !== 'rate-mismatch' || (r.severity !== 'error' && r.severity !== 'rounding') || dropped.has(r) || r.cells.length !== 3) continue;
    const [rateRef, countRef, baseRef] = r.cells as [CellRef, CellRef, CellRef];
    const base = ctx.figure(baseRef);
    const rate = ctx.figure(rateRef);
    const rounding = ctx.rounding(r.column);
    // the count found wrong by a sum, or moved to it from the totals it breaks
    const found = [...sums.filter((s) => !dropped.has(s)), ...replaced.values()];
    const target = found.find((s) => key(s.cells[0]!) === key(countRef));
    // the base found wrong (a total's households mis-added): a rate right for the base its rows give follows from it
    const baseTarget = found.find((s) => key(s.cells[0]!) === key(baseRef));
    if (baseTarget !== undefined && baseTarget.expectedExact !== null && base !== null) {
      const count = target?.expectedExact != null ? toFraction(target.expectedExact) : ctx.figure(countRef)?.value;
      const implied = { ...base, value: toFraction(baseTarget.expectedExact) };
      if (count !== undefined && rateFits(rate, count, implied, rounding)) {
        dropped.add(r);
        rightForBase.set(baseTarget, [...(rightForBase.get(baseTarget) ?? []), `${r.printed} (${r.column})`]);
        continue;
      }
      // wrong for the right base too: expected what the right base gives, not the printed (wrong) one — unless the
      // count is a term of the base's own sum (a share of the column's total: the count may be the wrong figure)
      const countInBase = baseTarget.cells.slice(1).some((c) => key(c) === key(countRef));
      if (!countInBase && count !== undefined && rate !== null && r.severity === 'error' && implied.value.num > 0n) {
        dropped.add(r);
        replaced.set(r, rateOnRightBase(r, rate, count, implied, base, baseTarget, rounding));
        continue;
      }
    }
    if (r.severity !== 'error' && target === undefined) continue;
    if (target !== undefined && target.expectedExact !== null) {
      if (rateFits(rate, toFraction(target.expectedExact), base, rounding)) {
        dropped.add(r);
        note(target, `its rate ${r.printed} is that of ${target.expected}`);
      }
      continue;
    }
    const countFigure = ctx.figure(countRef);
    if (countFigure === null) continue;
    const count = countFigure.value;
    const adding = sums.filter((s) => !dropped.has(s) && s.relation === 'row-total' && s.cells.slice(1).some((c) => key(c) === key(countRef)));
    // the totals that add up with the count the rate gives (a subtotal); a total off by more (a province's total
    // carrying a stale district figure) is another error, its difference then counted from the right count
    const fitting = adding.filter((s) => { const implied = addFractions(count, diffOf(s)!); return implied.num >= 0n && rateFits(rate, implied, base, rounding); });
    const first = fitting[0];
    if (first === undefined) continue;
    const d = diffOf(first)!;
    const totals = fitting.filter((s) => same(diffOf(s)!, d));
    const implied = addFractions(count, d);
    for (const s of totals) dropped.add(s);
    dropped.add(r);
    const because = (expected: string): string => `${totals.map((s) => `${s.row} adds up to ${s.printed} with ${expected} here`).join(', ')}, and the row's rate ${r.printed} (${r.column}) is that of ${expected}`;
    replaced.set(r, findingAt(first, r.row, countRef, countFigure, implied, first.cells, `${first.relationText}; ${r.relationText}`, because));
    for (const s of adding) {
      if (totals.includes(s) || dropped.has(s) || replaced.has(s)) continue;
      const printed = ctx.figure(s.cells[0]!);
      if (printed === null || s.expectedExact === null) continue;
      dropped.add(s);
      const right = addFractions(toFraction(s.expectedExact), d);
      replaced.set(s, findingAt(s, s.row, s.cells[0]!, printed, right, s.cells.slice(1), s.relationText, () => `${s.relationText}, with ${r.row}'s ${formatVnNumber(implied, { decimals: countFigure.decimals, rounding: 'half-up' })} (printed ${countFigure.text})`));
    }
  }
  // an item's base typed wrong (households 533 for 443) while its rates and the total were computed on the right one:
  // the totals adding it break by as much, and every rate of the row it breaks is right for the base they imply
  for (const s of sums) {
    if (dropped.has(s) || replaced.has(s) || s.relation !== 'row-total') continue;
    const d = diffOf(s)!;
    for (const term of s.cells.slice(1)) {
      const found = baseOfRates(term, d, out.filter((i) => !dropped.has(i) && !replaced.has(i)), sums.filter((x) => !dropped.has(x) && !replaced.has(x)), ctx);
      if (found === null) continue;
      const { figure, implied, rates, totals } = found;
      for (const i of [...rates, ...totals]) dropped.add(i);
      const cells = [...totals, ...rates].flatMap((i) => i.cells);
      const because = (expected: string): string =>
        `${totals.map((t) => `${t.row} adds up to ${t.printed} with ${expected} here`).join(', ')}, and the row's rate${rates.length > 1 ? 's' : ''} ${rates.map((r) => `${r.printed} (${r.column})`).join(' and ')} ${rates.length > 1 ? 'are those' : 'is that'} of ${expected}`;
      replaced.set(s, findingAt(s, rates[0]!.row, term, figure, implied, cells, [...totals, ...rates].map((i) => i.relationText).join('; '), because));
      break;
    }
  }
  // a count that breaks its rate and a change or difference it is a term of (“Giảm so với năm trước” of a wrong year's
  // count), where the rate and the change agree on one other count: that count is the wrong cell, one finding there
  if (sumsOf !== undefined) {
    for (const r of out) {
      if (r.code !== 'rate-mismatch' || r.severity !== 'error' || dropped.has(r) || replaced.has(r) || r.cells.length !== 3) continue;
      const [rateRef, countRef, baseRef] = r.cells as [CellRef, CellRef, CellRef];
      const countFigure = ctx.figure(countRef);
      if (countFigure === null || out.some((i) => !dropped.has(i) && key(i.cells[0]!) === key(countRef))) continue;
      const broken = sums.filter((s) => !dropped.has(s) && !replaced.has(s) && s.relation !== 'row-total' && s.cells.slice(1).some((c) => key(c) === key(countRef)));
      const relationsOf = sumsOf(countRef);
      const holdsWith = (s: ReconcileIssue, v: Fraction): boolean => relationsOf.some((x) => x.cells.length === s.cells.length && x.cells.every((c, k) => key(c) === key(s.cells[k]!)) && x.holdsWith(v) === true);
      const implied = broken
        .flatMap((s) => [addFractions(countFigure.value, diffOf(s)!), subtractFractions(countFigure.value, diffOf(s)!)].filter((v) => holdsWith(s, v)))
        .find((v) => v.num >= 0n && rateFits(ctx.figure(rateRef), v, ctx.figure(baseRef), ctx.rounding(r.column)));
      if (implied === undefined) continue;
      const fixed = broken.filter((s) => holdsWith(s, implied));
      for (const s of fixed) dropped.add(s);
      dropped.add(r);
      const because = (expected: string): string => `${fixed.map((s) => `${s.row} · ${s.column} is ${s.printed} with ${expected} here`).join(', ')}, and the row's rate ${r.printed} (${r.column}) is that of ${expected}`;
      replaced.set(r, findingAt(fixed[0]!, r.row, countRef, countFigure, implied, fixed.flatMap((s) => s.cells), `${fixed.map((s) => s.relationText).join('; ')}; ${r.relationText}`, because));
    }
  }
  for (const [b, rates] of rightForBase) note(b, `its rate${rates.length > 1 ? 's' : ''} ${rates.join(' and ')} ${rates.length > 1 ? 'are' : 'is'} right for ${b.expected}`);
  // a row of means (“Trung bình”) off because one of its rows' counts is wrong, and that row's rate is off too: the
  // count whose rate is the printed one and with which the printed mean is the mean is the wrong cell, one finding there
  for (const r of out) {
    if (r.code !== 'rate-mismatch' || r.severity !== 'error' || dropped.has(r) || replaced.has(r) || r.cells.length !== 3) continue;
    const [rateRef, countRef, baseRef] = r.cells as [CellRef, CellRef, CellRef];
    const mean = out.find((a) => a.code === 'average-mismatch' && !dropped.has(a) && a.cells.slice(1).every((c) => c.column === a.column && c.row !== a.rowKey) && a.cells.slice(1).some((c) => key(c) === key(countRef)));
    const countFigure = ctx.figure(countRef);
    if (mean === undefined || countFigure === null) continue;
    const fits = countsOfMean(mean, countRef, countFigure.decimals, ctx).filter((v) => rateFits(ctx.figure(rateRef), v, ctx.figure(baseRef), ctx.rounding(r.column)));
    if (fits.length !== 1) continue;
    dropped.add(r);
    dropped.add(mean);
    const because = (expected: string): string => `${mean.row} · ${mean.column} is the mean of its rows with ${expected} here, and the row's rate ${r.printed} (${r.column}) is that of ${expected}`;
    replaced.set(r, findingAt(mean, r.row, countRef, countFigure, fits[0]!, mean.cells, `${mean.relationText}; ${r.relationText}`, because));
  }
  // a figure moved to its cell by the totals and rate it breaks, a term of another relation that breaks by as much
  // (“Tăng/giảm so với KH” of a wrong “Thực hiện”): that finding only follows from it
  for (const m of replaced.values()) {
    const dm = diffOf(m);
    if (dm === null) continue;
    const at = key(m.cells[0]!);
    for (const b of sums) {
      if (dropped.has(b) || replaced.has(b) || key(b.cells[0]!) === at || !b.cells.slice(1).some((c) => key(c) === at)) continue;
      const db = diffOf(b)!;
      if (!same(dm, db) && !same(dm, neg(db))) continue;
      dropped.add(b);
      note(m, `it also makes ${where(b)} differ by ${plainDecimal(db, 6)}`);
    }
  }
  // a rate found wrong on its own count and base, a term of another relation that breaks by as much (“Giảm tỷ lệ
  // (điểm %)” = the rate at the start − a wrong target rate): that finding only follows from it
  for (const r of out) {
    if (r.code !== 'rate-mismatch' || r.severity !== 'error' || dropped.has(r) || replaced.has(r)) continue;
    // its difference from the rate rounded to the decimals printed, and that rate
    const printed = ctx.figure(r.cells[0]!);
    const dr = differenceOf(r);
    if (printed === null || dr === null) continue;
    const at = key(r.cells[0]!);
    const right = subtractFractions(printed.value, dr);
    const relations = sumsOf?.(r.cells[0]!) ?? [];
    for (const b of sums) {
      if (dropped.has(b) || replaced.has(b) || key(b.cells[0]!) === at || !b.cells.slice(1).some((c) => key(c) === at)) continue;
      const db = diffOf(b)!;
      if (!same(dr, db) && !same(dr, neg(db))) continue;
      // with the rate's right value, the relation holds as printed (when the table says how to recompute it)
      const mine = relations.filter((x) => x.cells.length === b.cells.length && x.cells.every((c, k) => key(c) === key(b.cells[k]!)));
      if (mine.length > 0 && !mine.some((x) => x.holdsWith(right) === true)) continue;
      dropped.add(b);
      note(r, `it also makes ${where(b)} differ by ${plainDecimal(db, 6)}`);
    }
  }
  // a total that adds up items found wrong by another relation (a change column's two wrong rows): the total
  // as printed is what the right items give, and it differs only by what they differ, with the sign reversed
  for (const b of sums) {
    if (dropped.has(b) || replaced.has(b) || b.relation !== 'row-total') continue;
    const terms = new Set(b.cells.slice(1).map(key));
    // (a product found wrong, “thành tiền” ≠ households × amount per household, is such an item too)
    const items = out.filter((i) => i !== b && !dropped.has(i) && i.relation !== 'row-total' && (SUMS.has(i.code) || i.code === 'product-mismatch') && diffOf(i) !== null && terms.has(key(i.cells[0]!)));
    if (items.length === 0) continue;
    const total = items.reduce((sum, i) => addFractions(sum, diffOf(i)!), fraction(0n));
    if (same(total, neg(diffOf(b)!))) {
      dropped.add(b);
      for (const i of items) note(i, `${b.row} adds up the printed figures and so differs by ${plainDecimal(diffOf(b)!, 6)}`);
      continue;
    }
    // the total wrong as well: it is expected to be what the right items give, not what the printed ones add up to;
    // another relation finding it wrong by as much is the same finding
    const printed = ctx.figure(b.cells[0]!);
    if (printed === null || b.expectedExact === null) continue;
    const right = subtractFractions(toFraction(b.expectedExact), total);
    const withRight = items.map((i) => `${i.row}'s ${i.expected} (printed ${i.printed})`).join(', ');
    const other = out.find((i) => i !== b && !dropped.has(i) && !replaced.has(i) && key(i.cells[0]!) === key(b.cells[0]!) && diffOf(i) !== null && same(toFraction(i.expectedExact!), right));
    dropped.add(b);
    if (other !== undefined) note(other, `so does ${b.relationText}, with ${withRight}`);
    else replaced.set(b, findingAt(b, b.row, b.cells[0]!, printed, right, b.cells.slice(1), b.relationText, () => `${b.relationText}, with ${withRight}`));
  }
  // a base typed wrong under rates computed on the right one (households 41.663 for 42.663): every rate of the row on it
  // breaks, and all are right for one range of bases that leaves the printed one out — one finding at the base
  for (const m of basesUnderRates(out.filter((i) => !dropped.has(i) && !replaced.has(i)), ctx)) {
    for (const r of m.rates) dropped.add(r);
    replaced.set(m.rates[0]!, m.finding);
  }
  // a rate whose count and base no sum or other rate vouches for (“Tỷ lệ đạt (%)” of a result over its plan, no total
  // row): the rate, the count or the base may be the wrong figure — said, with the one count and the one base that give
  // the printed rate
  if (sumsOf !== undefined) {
    const wrong = new Set(out.filter((i) => i.severity === 'error' && i.cells[0] !== undefined).map((i) => key(i.cells[0]!)));
    for (const r of out) {
      if (r.code !== 'rate-mismatch' || r.severity !== 'error' || dropped.has(r) || replaced.has(r) || r.cells.length !== 3) continue;
      const [rateRef, countRef, baseRef] = r.cells as [CellRef, CellRef, CellRef];
      const [rate, count, base] = [ctx.figure(rateRef), ctx.figure(countRef), ctx.figure(baseRef)];
      if (rate === null || count === null || base === null || base.value.num <= 0n) continue;
      const vouched = (ref: CellRef, f: PrintedFigure): boolean => sumsOf(ref).some((x) => x.holdsWith(f.value) === true) || (ctx.ratesOf?.(ref) ?? []).some((cells) => key(cells[0]!) !== key(rateRef) && !wrong.has(key(cells[0]!)));
      const doubtful = [...(vouched(countRef, count) ? [] : [{ ref: countRef, f: count }]), ...(vouched(baseRef, base) ? [] : [{ ref: baseRef, f: base }])];
      if (doubtful.length === 0) continue;
      const rounding = ctx.rounding(r.column);
      // a share of its column's whole (the base printed in the count's own column, “Tổng số hộ” 187) whose count is
      // above that whole (252 of 187 deprived), the base vouched for, the rate at most 100: no part exceeds its whole,
      // so the count is the wrong figure — one finding there, expected the one count that gives the printed rate
      const whole = doubtful.length === 1 && doubtful[0]!.ref === countRef && baseRef.column === countRef.column && compareFractions(count.value, base.value) > 0 && compareFractions(rate.value, fraction(100n)) <= 0;
      const counts = whole ? figuresGiving(rate, base, count.decimals, true).filter((v) => rateFits(rate, v, base, rounding)) : [];
      if (counts.length === 1) {
        dropped.add(r);
        // (a “≤ the whole” the table states, broken at the same cell, is this finding)
        for (const i of out) if (i.code === 'inequality-broken' && key(i.cells[0]!) === key(countRef)) dropped.add(i);
        const because = (expected: string): string => `${count.text} is more than the whole it is a share of (${base.text}, the base its column prints), and the row's rate ${rate.text} (${r.column}) is that of ${expected}`;
        replaced.set(r, findingAt(r, r.row, countRef, count, counts[0]!, [rateRef, baseRef], r.relationText, because));
        continue;
      }
      const fits = doubtful.map(({ ref, f }) => {
        const isCount = ref === countRef;
        const values = figuresGiving(rate, isCount ? base : count, f.decimals, isCount).filter((v) => (isCount ? rateFits(rate, v, base, rounding) : rateFits(rate, count.value, { ...base, value: v }, rounding)));
        return `${ref.column} ${f.text}${values.length === 1 ? ` (${formatVnNumber(values[0]!, { decimals: f.decimals })} would give ${rate.text})` : ''}`;
      });
      note(r, `no sum or other rate of the table checks ${fits.join(' or ')}: the rate may be right and ${doubtful.length > 1 ? 'one of them' : 'that figure'} wrong`);
    }
  }
  const result: ReconcileIssue[] = [];
  const noted = (i: ReconcileIssue): ReconcileIssue => {
    const n = notes.get(i);
    return n === undefined ? i : { ...i, message: `${i.message} (${n.join('; ')})` };
  };
  for (const i of out) {
    const replacement = replaced.get(i);
    if (replacement !== undefined) result.push(noted(replacement));
    if (dropped.has(i)) continue;
    result.push(noted(i));
  }
  return result;
}

/**
 * The finding of a product moved to the factor that is wrong: when the amount is vouched for by a sum that holds
 * as printed, and exactly one factor, read as the amount over the other, is a figure at its own printed decimals
 * (above zero, found wrong by nothing else); null otherwise (the amount may be the wrong figure).
 */
function productFactorAt(p: ReconcileIssue, open: readonly ReconcileIssue[], ctx: AttributionContext, sumsOf: NonNullable<AttributionContext['sumsOf']>): ReconcileIssue | null {
  const [targetRef, ...factorRefs] = p.cells as [CellRef, CellRef, CellRef];
  const amount = ctx.figure(targetRef);
  const factors = factorRefs.map((f) => ctx.figure(f));
  if (amount === null || factors.some((f) => f === null) || open.some((i) => p.cells.some((c) => key(c) === key(i.cells[0]!)))) return null;
  const vouching = sumsOf(targetRef).filter((r) => r.holdsWith(amount.value) === true);
  if (vouching.length === 0) return null;
  const fits = factorRefs.flatMap((ref, k) => {
    const other = factors[1 - k]!;
    if (other.value.num === 0n) return [];
    const implied = multiplyFractions(amount.value, fraction(other.value.den, other.value.num));
    const scaled = multiplyFractions(implied, fraction(10n ** BigInt(factors[k]!.decimals)));
    return implied.num > 0n && scaled.den === 1n && !same(implied, factors[k]!.value) ? [{ ref, figure: factors[k]!, implied, other }] : [];
  });
  if (fits.length !== 1) return null;
  const { ref, figure, implied, other } = fits[0]!;
  const because = (expected: string): string =>
    `${amount.text} (${targetRef.column}) = ${expected} × ${other.text}, and ${targetRef.column} ${amount.text} is right as printed: ${vouching.length === 1 ? 'a sum holds' : `${vouching.length} sums hold`} with it`;
  return findingAt(p, p.row, ref, figure, implied, p.cells, p.relationText, because);
}

/**
 * The base `term` of a row's rates, read as the value the sums adding it imply (its figure plus the difference
 * `d` of a total that breaks): when every rate of its row that breaks on it is right for that value, the total
 * sums off by `d` that add it, and those rates; null when no rate breaks on it, one is not right for the
 * implied base, or another finding is at the base or at a rate's count (the count may be the wrong figure).
 */
function baseOfRates(term: CellRef, d: Fraction, open: readonly ReconcileIssue[], sums: readonly ReconcileIssue[], ctx: AttributionContext): { figure: PrintedFigure; implied: Fraction; rates: ReconcileIssue[]; totals: ReconcileIssue[] } | null {
  const figure = ctx.figure(term);
  if (figure === null) return null;
  const implied = addFractions(figure.value, d);
  if (implied.num <= 0n) return null;
  const rates = open.filter((i) => i.code === 'rate-mismatch' && i.severity === 'error' && i.cells.length === 3 && key(i.cells[2]!) === key(term) && i.cells[0]!.row === term.row);
  if (rates.length === 0 || open.some((i) => key(i.cells[0]!) === key(term))) return null;
  // every rate on the base, those that hold as printed too (a rate right for the printed base vouches for it)
  const all = ctx.ratesOn?.(term) ?? rates.map((r) => ({ rate: r.cells[0]!, count: r.cells[1]! }));
  for (const { rate, count: countRef } of all) {
    const count = ctx.figure(countRef);
    if (count === null || open.some((i) => key(i.cells[0]!) === key(countRef))) return null;
    if (!rateFits(ctx.figure(rate), count.value, { ...figure, value: implied }, ctx.rounding(rate.column))) return null;
  }
  const totals = sums.filter((x) => x.relation === 'row-total' && same(diffOf(x)!, d) && x.cells.slice(1).some((c) => key(c) === key(term)));
  return { figure, implied, rates, totals };
}

/**
 * The values of the part `ref` (at its printed decimals) with which the printed mean of a row of means is the
 * mean of its rows, rounded half-up as the layouts state rows of means; none when a figure is not exact or the
 * values are too many to list (over 1.000).
 */
function countsOfMean(mean: ReconcileIssue, ref: CellRef, decimals: number, ctx: AttributionContext): Fraction[] {
  const printed = ctx.figure(mean.cells[0]!);
  const parts = mean.cells.slice(1);
  const others = parts.filter((c) => key(c) !== key(ref)).map(ctx.figure);
  if (printed === null || others.some((f) => f === null)) return [];
  const rest = others.reduce((sum, f) => addFractions(sum, f!.value), fraction(0n));
  const n = BigInt(parts.length);
  // round((rest + v) ÷ n) = printed ⇔ (printed − ½ unit) · n − rest ≤ v < (printed + ½ unit) · n − rest
  const half = fraction(1n, 2n * 10n ** BigInt(printed.decimals));
  const lo = subtractFractions(multiplyFractions(subtractFractions(printed.value, half), fraction(n)), rest);
  const hi = subtractFractions(multiplyFractions(addFractions(printed.value, half), fraction(n)), rest);
  const unit = 10n ** BigInt(decimals);
  // v = k ÷ 10^decimals, k from ⌈lo · 10^decimals⌉ while v < hi
  const scaledLo = multiplyFractions(lo, fraction(unit));
  let k = scaledLo.num / scaledLo.den + (scaledLo.num % scaledLo.den > 0n ? 1n : 0n);
  const out: Fraction[] = [];
  for (; compareFractions(fraction(k, unit), hi) < 0; k++) {
    if (out.length >= 1000) return [];
    if (k >= 0n) out.push(fraction(k, unit));
  }
  return out;
}

/**
 * The figures (at `decimals`) that, as the count (`asCount`) over the base `other` or as the base under the count
 * `other`, give about the printed `rate` (× 100): the candidates round(rate) allows, at most three, else none.
 */
function figuresGiving(rate: PrintedFigure, other: PrintedFigure, decimals: number, asCount: boolean): Fraction[] {
  const half = fraction(1n, 2n * 10n ** BigInt(rate.decimals));
  const lo = subtractFractions(rate.value, half);
  const hi = addFractions(rate.value, half);
  if (lo.num <= 0n && !asCount) return [];
  // count ∈ [lo, hi] × base ÷ 100; base ∈ [count × 100 ÷ hi, count × 100 ÷ lo]
  const hundred = fraction(100n);
  const [from, to] = asCount
    ? [multiplyFractions(lo, fraction(other.value.num, other.value.den * 100n)), multiplyFractions(hi, fraction(other.value.num, other.value.den * 100n))]
    : [multiplyFractions(multiplyFractions(other.value, hundred), fraction(hi.den, hi.num)), multiplyFractions(multiplyFractions(other.value, hundred), fraction(lo.den, lo.num))];
  const unit = 10n ** BigInt(decimals);
  const scaled = multiplyFractions(from, fraction(unit));
  const out: Fraction[] = [];
  for (let k = scaled.num / scaled.den - 1n; compareFractions(fraction(k, unit), to) <= 0; k++) {
    if (out.length > 3) return [];
    if (k > 0n && compareFractions(fraction(k, unit), from) >= 0) out.push(fraction(k, unit));
  }
  return out;
}

type SumsOf = NonNullable<AttributionContext['sumsOf']>;
const sameCells = (a: readonly CellRef[], b: readonly CellRef[]): boolean => a.length === b.length && a.every((c, k) => key(c) === key(b[k]!));

/**
 * One cell whose correction makes every sum it is in hold, when two or more of them break each by as much (a
 * commune's exits typed 50 for 46: its group's sum, the grand total and its own end-of-year flow, each off by 4):
 * one finding at that cell replaces theirs. Only when one cell of the sums does so, and no relation finds it wrong.
 */
function oneCellExplainsAll(sums: readonly ReconcileIssue[], out: readonly ReconcileIssue[], dropped: Set<ReconcileIssue>, replaced: Map<ReconcileIssue, ReconcileIssue>, ctx: AttributionContext, sumsOf: SumsOf, labelOf: (rowKey: string) => string | undefined): void {
  const live = (): ReconcileIssue[] => sums.filter((i) => !dropped.has(i) && !replaced.has(i));
  for (const a of sums) {
    if (dropped.has(a) || replaced.has(a)) continue;
    const d = diffOf(a)!;
    const found: { ref: CellRef; figure: PrintedFigure; implied: Fraction; group: ReconcileIssue[] }[] = [];
    for (const ref of a.cells.slice(1)) {
      if (found.some((f) => key(f.ref) === key(ref))) continue;
      const figure = ctx.figure(ref);
      if (figure === null || out.some((i) => !dropped.has(i) && key(i.cells[0]!) === key(ref))) continue;
      const rels = sumsOf(ref);
      const implied = [addFractions(figure.value, d), subtractFractions(figure.value, d)].find((v) => rels.some((r) => sameCells(r.cells, a.cells) && r.holdsWith(v) === true));
      if (implied === undefined || implied.num < 0n || !rels.every((r) => r.holdsWith(implied) !== false)) continue;
      const group = live().filter((i) => rels.some((r) => sameCells(r.cells, i.cells)));
      if (group.length >= 2) found.push({ ref, figure, implied, group });
    }
    if (found.length !== 1) continue;
    const { ref, figure, implied, group } = found[0]!;
    for (const i of group) dropped.add(i);
    const because = (expected: string): string => group.map((i) => `${i.row} · ${i.column} ${i.relation === 'difference' ? 'is' : 'adds up to'} ${i.printed} with ${expected} here`).join(', ');
    replaced.set(group[0]!, findingAt(a, labelOf(ref.row) ?? ref.row, ref, figure, implied, group.flatMap((i) => i.cells), group.map((i) => i.relationText).join('; '), because));
  }
}

/**
 * A figure found wrong that is the total of a relation holding as printed (a sub-project's “Cộng” = “Đầu tư phát
 * triển” + “Sự nghiệp”, both typed 72.451,5 for 72.415,5): the figure was carried from one of that relation's terms,
 * wrong by as much. When exactly one term, corrected so, makes the one other sum that breaks hold (its project's
 * “Sự nghiệp”) and breaks none of its own, the finding moves to that term and the other sum's goes: one finding, at the
 * term, naming the total that carries it.
 */
function termCarriedIntoTotal(sums: readonly ReconcileIssue[], out: readonly ReconcileIssue[], dropped: Set<ReconcileIssue>, replaced: Map<ReconcileIssue, ReconcileIssue>, ctx: AttributionContext, sumsOf: SumsOf, labelOf: (rowKey: string) => string | undefined): void {
  const live = (): ReconcileIssue[] => sums.filter((i) => !dropped.has(i) && !replaced.has(i));
  const candidates: Array<readonly [ReconcileIssue, ReconcileIssue]> = [...[...replaced.entries()], ...live().map((i) => [i, i] as const)];
  for (const [origin, m] of candidates) {
    const dm = diffOf(m);
    const c = m.cells[0];
    const total = c === undefined ? null : ctx.figure(c);
    if (dm === null || c === undefined || total === null || (dropped.has(origin) && replaced.get(origin) !== m)) continue;
    const found: { ref: CellRef; figure: PrintedFigure; implied: Fraction; b: ReconcileIssue; via: string }[] = [];
    for (const r of sumsOf(c)) {
      if (key(r.cells[0]!) !== key(c) || r.signs === undefined || r.holdsWith(total.value) !== true) continue;
      r.cells.slice(1).forEach((ref, k) => {
        const figure = ctx.figure(ref);
        if (figure === null || out.some((i) => !dropped.has(i) && key(i.cells[0]!) === key(ref))) return;
        const implied = subtractFractions(figure.value, r.signs![k] === -1 ? neg(dm) : dm);
        if (implied.num < 0n) return;
        const rels = sumsOf(ref).filter((x) => !sameCells(x.cells, r.cells));
        const b = live().filter((i) => i !== origin && i !== m && rels.some((x) => sameCells(x.cells, i.cells) && x.holdsWith(implied) === true));
        if (b.length !== 1 || !rels.every((x) => x.holdsWith(implied) !== false)) return;
        found.push({ ref, figure, implied, b: b[0]!, via: `${c.column} = ${r.cells.slice(1).map((x, i) => `${i === 0 ? '' : r.signs![i] === -1 ? ' − ' : ' + '}${x.column}`).join('')}` });
      });
    }
    if (found.length !== 1) continue;
    const { ref, figure, implied, b, via } = found[0]!;
    dropped.add(b);
    dropped.add(origin);
    const because = (expected: string): string => `${b.row} · ${b.column} adds up to ${b.printed} with ${expected} here, and its ${c.column} ${total.text} (${via}, as printed) carries it: the sums it is in give ${m.expected}`;
    replaced.set(origin, findingAt(m, labelOf(ref.row) ?? m.row, ref, figure, implied, [...m.cells, ...b.cells], `${m.relationText}; ${b.relationText}`, because));
  }
}

/**
 * The finding `b` follows from: a figure found wrong that is a term of a relation holding as printed whose total is
 * `b`'s cell (“8 = 4 + 6” in the total row, its 4 found wrong by its column's sum), `b` off by as much with the
 * term's sign; null when there is none.
 */
function followsFrom(b: ReconcileIssue, found: readonly ReconcileIssue[], ctx: AttributionContext, sumsOf: SumsOf): { from: ReconcileIssue; relation: string } | null {
  const y = b.cells[0];
  const figure = y === undefined ? null : ctx.figure(y);
  const db = diffOf(b);
  if (y === undefined || figure === null || db === null) return null;
  for (const r of sumsOf(y)) {
    if (key(r.cells[0]!) !== key(y) || r.signs === undefined || r.holdsWith(figure.value) !== true) continue;
    for (const a of found) {
      const da = a.cells[0] === undefined ? null : diffOf(a);
      if (da === null || sameCells(a.cells, b.cells)) continue;
      const k = r.cells.slice(1).findIndex((c) => key(c) === key(a.cells[0]!));
      if (k < 0 || !same(r.signs[k] === -1 ? neg(da) : da, db)) continue;
      return { from: a, relation: `${y.column} = ${r.cells.slice(1).map((c, i) => `${i === 0 ? '' : r.signs![i] === -1 ? ' − ' : ' + '}${c.column}`).join('')}` };
    }
  }
  return null;
}
