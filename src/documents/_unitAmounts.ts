import { addFractions, compareFractions, fraction, fractionToDecimal, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { DONG_PER_UNIT, MONEY_UNIT_LABELS } from '../numbers/money.js';
import { foldVietnamese, foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { inDong, isEnglishFormat, proseFigures, sentences, type ProseFigure } from './_proseFigures.js';
import type { CheckedClaim, CheckFinding, FindingLocation } from './checkReport.js';
import type { DocumentModel, DocumentParagraph } from './documentModel.js';

/** What {@link checkUnitAmounts} gives: the claims read and their findings. */
export interface UnitAmountChecks {
  readonly claims: CheckedClaim[];
  readonly findings: CheckFinding[];
  /** The sentences read, as `'block:start'` (0-based block, the sentence's offset), so they are not listed unchecked. */
  readonly read: ReadonlySet<string>;
}

/**
 * The units an amount may be “per” (“đồng/hộ”, “đồng/người/tháng”, “triệu đồng/căn”, “/con”, “/mô
 * hình”, “/lớp”, “/công trình”), folded: households, persons, months, years, or things counted.
 */
const PER_WORDS = 'ho|nguoi|lao dong|hoc sinh|thang|nam|can|con|mo hinh|lop|cong trinh|truong hop|the';
// “/học sinh” is not “/hộ” followed by letters: each unit a whole word
const PER = new RegExp(`^(?:\\s*\\/\\s*(${PER_WORDS})(?![a-z]))+`);
const PER_ONE = new RegExp(`\\/\\s*(${PER_WORDS})(?![a-z])`, 'g');
const PER_ANY = new RegExp(`\\/\\s*(?:${PER_WORDS})(?![a-z])`);
/** Words a count may be printed with and an amount be per (“40 căn”, “25 con”, “3 mô hình”): not households, persons or a period. */
const THINGS: ReadonlySet<string> = new Set(['can', 'con', 'mo hinh', 'lop', 'cong trinh', 'truong hop', 'the']);
/** “× 6 tháng”, “x 12 tháng”, “trong 6 tháng”, “trong thời gian 6 tháng”, “…, 9 tháng là …”: a number of months or years. */
const PERIOD = /(?:[×x*]|\btrong(?: thoi gian)?|\bthoi gian|[,;](?=\s*\d{1,3}\s*(?:thang|nam)\s+(?:la|bang)\s+\d))\s*(\d{1,3})\s*(thang|nam)\b/g;
/** Words right before a total: “tổng kinh phí”, “tổng số tiền”, “tổng cộng”, “thành tiền”, “=”. */
const TOTAL_BEFORE = /(?:\btong(?: (?:kinh phi|so tien|so kinh phi|von|cong|chi|tien|du no|so von vay|von vay))?(?: (?:tu )?(?:ngan sach|nguon von)(?: (?:trung uong|tinh|huyen|xa|dia phuong))?)?(?: (?:la|dat|khoang))?|\bthanh tien|=|\bvoi tong(?: kinh phi| so tien)?(?: la)?|[,;]\s*\d{1,3}\s*(?:thang|nam)\s+(?:la|bang))\s*:?\s*$/;
/**
 * “kinh phí” with no “tổng” as a total, when it opens a clause (“…, mức 40 triệu đồng/hộ, kinh phí
 * 2.080 triệu đồng”, “với kinh phí …”, “(kinh phí …)”) and prints an amount per nothing.
 */
const COST_BEFORE = /(?:[,;(]\s*|\bvoi\s+)kinh phi(?: (?:thuc hien|ho tro|du kien))?(?: la)?\s*:?\s*$/;

/** Words right before an average per unit: “bình quân”, “trung bình mỗi hộ”, “bình quân 1 hộ là”. */
const AVERAGE_BEFORE = /\b(?:binh quan|trung binh)(?: (?:moi|1|mot) (?:ho|nguoi|lao dong))?(?: (?:la|dat))?\s*:?\s*$/;

/** “38 hộ x 30 triệu đồng”, “38 hộ × 30 triệu”: a count, a times sign and a figure after it. */
const COUNT_WORDS = 'ho|nguoi|lao dong|hoc sinh|can|con|mo hinh|lop|cong trinh|truong hop|the';
const COUNT_TIMES = new RegExp(`\\d\\s*(?:${COUNT_WORDS})\\s*[x×*]\\s*\\d`);
const COUNT_TIMES_BEFORE = new RegExp(`\\d\\s*(${COUNT_WORDS})\\s*[x×*]\\s*$`);

/** A unit an amount is per, folded: `'ho'`, `'nguoi'` (persons, workers, pupils), `'thang'`, `'nam'`, or a thing counted (`'can'`, `'mo hinh'`…). */
type Per = string;
const perOf = (word: string): Per => (word === 'lao dong' || word === 'hoc sinh' ? 'nguoi' : word);
const PER_LABELS: Readonly<Record<string, string>> = { ho: 'hộ', nguoi: 'người', thang: 'tháng', nam: 'năm', can: 'căn', con: 'con', 'mo hinh': 'mô hình', lop: 'lớp', 'cong trinh': 'công trình', 'truong hop': 'trường hợp', the: 'thẻ' };
const perLabel = (u: Per): string => PER_LABELS[u] ?? u;

/** Whether a figure counts what an amount per `u` is per: households for “/hộ”, persons for “/người”, the same thing for “/căn”. */
function countsPer(f: ProseFigure, u: Per): boolean {
  if (u === 'ho') return f.dimension === 'households';
  if (u === 'nguoi') return f.dimension === 'persons';
  return THINGS.has(u) && f.dimension === 'other' && foldVietnamese(f.unitText) === u;
}

const vn = (f: Fraction): string => {
  const d = fractionToDecimal(f);
  const decimals = Math.min(3, d.decimalPlaces());
  return formatVnNumber(d, { decimals, rounding: 'half-up' });
};

/**
 * Amounts per unit times a count (“hỗ trợ 40 triệu đồng/hộ cho 120 hộ, tổng kinh phí 4.800 triệu
 * đồng”; “mức 1.500.000 đồng/người/tháng × 6 tháng” for 45 lao động): the total printed after them,
 * exactly, in đồng. Each unit the amount is per (hộ, người, tháng, năm) and the total is not must be
 * multiplied by exactly one figure of the sentence (one count of households, of persons; one number
 * of months); when a unit has none or more than one, the claim is not read. Several amounts before
 * one total (“40 triệu đồng/hộ cho 120 hộ nghèo và 20 triệu đồng/hộ cho 80 hộ cận nghèo, tổng kinh
 * phí 6.400 triệu đồng”) are summed, each times its own count (see `pairedTerms`).
 */
export function checkUnitAmounts(model: DocumentModel): UnitAmountChecks {
  const paras = model.blocks.filter((b): b is DocumentParagraph => b.kind !== 'table');
  const englishFormat = isEnglishFormat(paras.map((p) => foldVietnameseKeepingLength(p.text)), { folded: true });
  const claims: CheckedClaim[] = [];
  const findings: CheckFinding[] = [];
  const read = new Set<string>();
  for (const p of paras) {
    const folded = foldVietnameseKeepingLength(p.text);
    if (!PER_ANY.test(folded) && !COUNT_TIMES.test(folded)) continue;
    const all = proseFigures(p.text, { englishFormat, folded });
    for (const whole of sentences(p.text)) for (const s of clausesOf(folded, whole)) {
      const figures = all.filter((f) => f.start >= s.start && f.end <= s.end);
      const sentence = p.text.slice(whole.start, whole.end).trim();
      const where = (f: ProseFigure): FindingLocation => ({ block: p.index + 1, ...p.position, start: f.start, end: f.end });
      const pers = (f: ProseFigure): Per[] => {
        const m = PER.exec(folded.slice(f.end, f.end + 40));
        // “38 hộ x 30 triệu đồng = …”: an amount right after a count and a times sign is per what the count counts
        const times = m === null && f.dimension === 'money' ? COUNT_TIMES_BEFORE.exec(folded.slice(Math.max(0, f.start - 40), f.start)) : null;
        if (times !== null) return [perOf(times[1]!)];
        return m === null ? [] : [...m[0].matchAll(PER_ONE)].map((x) => perOf(x[1]!));
      };
      const record = (terms: ReadonlyArray<{ readonly amount: ProseFigure; readonly per: readonly Per[]; readonly factors: readonly Factor[] }>, total: ProseFigure, left: readonly Per[]): void => {
        const expected = terms.reduce((sum, t) => addFractions(sum, t.factors.reduce((acc, f) => multiplyFractions(acc, f.value), inDong(t.amount))), fraction(0n));
        const perTotal = left.map((u) => `/${perLabel(u)}`).join('');
        const products = terms.map((t) => `${t.amount.text}${t.per.map((u) => `/${perLabel(u)}`).join('')} × ${t.factors.map((f) => f.text).join(' × ')}`).join(' + ');
        const relation = `${products} = ${total.text}${perTotal}`;
        read.add(`${p.index}:${s.start}`).add(`${p.index}:${whole.start}`);
        if (compareFractions(expected, inDong(total)) === 0) {
          claims.push({ kind: 'unit-amount', location: where(total), sentence, summary: relation, status: 'consistent', note: terms.length === 1 ? 'the amount per unit times the count is the total, exactly' : 'the amounts per unit times their counts add up to the total, exactly' });
          return;
        }
        const unit = DONG_PER_UNIT[total.moneyUnit ?? 'dong'];
        const inUnit = (x: Fraction): Fraction => multiplyFractions(x, fraction(1n, unit));
        const label = MONEY_UNIT_LABELS[total.moneyUnit ?? 'dong'];
        const difference = inUnit(subtractFractions(inDong(total), expected));
        claims.push({ kind: 'unit-amount', location: where(total), sentence, summary: relation, status: 'finding', note: null });
        // a total less than the product is wrong; a larger one may hold other money (the household's own share): a
        // warning, unless the sentence writes the product out (“38 hộ × 30 triệu đồng/hộ = 1.410 triệu đồng”)
        const written = /=\s*$/.test(folded.slice(Math.max(s.start, total.start - 8), total.start));
        const over = compareFractions(difference, fraction(0n)) > 0;
        findings.push({
          severity: over && !written ? 'warning' : 'error',
          code: 'unit-amount-mismatch',
          location: where(total),
          text: sentence,
          printed: total.text,
          expected: `${vn(inUnit(expected))} ${label}${perTotal}`,
          difference: fractionToDecimal(difference).toString(),
          relation,
          message: `“${total.text}”: ${products} = ${vn(inUnit(expected))} ${label}${perTotal}, ${over ? 'less' : 'more'} than printed by ${vn(difference.num < 0n ? fraction(-difference.num, difference.den) : difference).replace(/^-/, '')} ${label}${over && !written ? ' (does the total hold other money?)' : ''}`,
        });
      };
      /** An average printed after its total: total ÷ count, to within one unit of the average's last printed digit (it may be rounded or cut). */
      const recordAverage = (amount: ProseFigure, u: Per, total: ProseFigure, count: Factor): void => {
        const exact = multiplyFractions(inDong(total), fraction(count.value.den, count.value.num));
        const unit = DONG_PER_UNIT[amount.moneyUnit ?? 'dong'];
        const step = fraction(unit, 10n ** BigInt(amount.decimals));
        const gap = subtractFractions(inDong(amount), exact);
        const label = MONEY_UNIT_LABELS[amount.moneyUnit ?? 'dong'];
        const inUnit = (x: Fraction): Fraction => multiplyFractions(x, fraction(1n, unit));
        const relation = `${total.text} ÷ ${count.text} = ${amount.text}/${perLabel(u)}`;
        read.add(`${p.index}:${s.start}`).add(`${p.index}:${whole.start}`);
        if (compareFractions(gap.num < 0n ? fraction(-gap.num, gap.den) : gap, step) < 0) {
          claims.push({ kind: 'unit-amount', location: where(amount), sentence, summary: relation, status: 'consistent', note: 'the average is the total over the count, to its last printed digit' });
          return;
        }
        claims.push({ kind: 'unit-amount', location: where(amount), sentence, summary: relation, status: 'finding', note: null });
        findings.push({
          severity: 'error',
          code: 'unit-amount-mismatch',
          location: where(amount),
          text: sentence,
          printed: amount.text,
          expected: `${vn(inUnit(exact))} ${label}/${perLabel(u)}`,
          difference: fractionToDecimal(inUnit(gap)).toString(),
          relation,
          message: `“${amount.text}/${perLabel(u)}” on average: ${total.text} ÷ ${count.text} = ${vn(inUnit(exact))} ${label}/${perLabel(u)}, not ${amount.text} (off by ${vn(inUnit(gap.num < 0n ? fraction(-gap.num, gap.den) : gap))} ${label})`,
        });
      };
      const isAmount = (f: ProseFigure): boolean => f.dimension === 'money' && f.qualifier === null && f.range === undefined && pers(f).length > 0;
      const isTotal = (f: ProseFigure): boolean => {
        if (f.dimension !== 'money') return false;
        const before = folded.slice(Math.max(s.start, f.start - 60), f.start);
        return TOTAL_BEFORE.test(before) || (COST_BEFORE.test(before) && pers(f).length === 0);
      };
      let from = 0;
      for (const [i, amount] of figures.entries()) {
        if (isTotal(amount)) from = i + 1;
        if (!isAmount(amount)) continue;
        const per = pers(amount);
        // “với tổng dư nợ 2.250 triệu đồng, bình quân 50 triệu đồng/hộ” beside the households counted: an average after its total
        // (an average before its total, “bình quân 1.250 triệu đồng/công trình, tổng kinh phí 5.000 triệu đồng”, is an amount per unit as below)
        const totalBefore = AVERAGE_BEFORE.test(folded.slice(Math.max(s.start, amount.start - 30), amount.start)) ? figures.slice(0, i).filter(isTotal).pop() : undefined;
        if (totalBefore !== undefined) {
          const count = totalBefore.qualifier !== null || totalBefore.range !== undefined || pers(totalBefore).length > 0 || per.length !== 1 ? null : multiplier(per[0]!, folded, figures, s, amount, totalBefore, pers);
          if (count !== null && count.value.num > 0n) recordAverage(amount, per[0]!, totalBefore, count);
          continue;
        }
        const t = figures.findIndex((f, j) => j > i && isTotal(f));
        const total = figures[t];
        if (total === undefined || total.qualifier !== null || total.range !== undefined) continue;
        const left = pers(total);
        // several amounts per unit before one total (“40 triệu đồng/hộ cho 120 hộ nghèo và 20 triệu đồng/hộ cho 80 hộ cận nghèo, tổng kinh phí 6.400 triệu đồng”): Σ amount × its count, read once at the first amount
        const group = figures.slice(from, t).filter(isAmount);
        if (group.length > 1) {
          if (group[0] !== amount) continue;
          // amounts that do not pair with counts one to one could be any count's: not read
          const terms = pairedTerms(group, figures.slice(from, t), left, folded, s, pers);
          if (terms !== null) record(terms, total, left);
          continue;
        }
        if (!left.every((u) => per.includes(u))) continue;
        const factors: Factor[] = [];
        let all = true;
        for (const u of per.filter((x) => !left.includes(x))) {
          const found = multiplier(u, folded, figures, s, amount, total, pers);
          if (found === null) all = false;
          else factors.push(found);
        }
        if (!all || factors.length === 0) continue;
        record([{ amount, per, factors }], total, left);
      }
    }
  }
  return { claims, findings, read };
}

type Factor = { readonly value: Fraction; readonly text: string };

/** An amount per unit (“30 triệu đồng/hộ”, “38 hộ × 30 triệu”) and a total after it (“= …”, “tổng …”, “thành tiền”). */
const OWN_PRODUCT = new RegExp(`\\/\\s*(?:${PER_WORDS})(?![a-z])|\\d\\s*(?:${COUNT_WORDS})\\s*[x×*]\\s*\\d`);
const OWN_TOTAL = /=|\btong\b|\bthanh tien\b/;

/**
 * A sentence, or its clauses between “;” when two or more of them each print an amount per unit
 * and a total of their own (“xây mới: 45 hộ × 60 triệu đồng/hộ = 2.700 triệu đồng; sửa chữa: 38 hộ
 * × 30 triệu đồng/hộ = 1.140 triệu đồng”): each product is then read in its clause, with its own
 * count, instead of none being read because the sentence holds two counts.
 */
function clausesOf(folded: string, s: { readonly start: number; readonly end: number }): ReadonlyArray<{ readonly start: number; readonly end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  let start = s.start;
  for (let i = s.start; i < s.end; i++) {
    if (folded[i] !== ';') continue;
    parts.push({ start, end: i });
    start = i + 1;
  }
  parts.push({ start, end: s.end });
  const own = parts.filter((c) => OWN_PRODUCT.test(folded.slice(c.start, c.end)) && OWN_TOTAL.test(folded.slice(c.start, c.end)));
  return own.length >= 2 ? parts : [s];
}

/**
 * Each amount of `group` with the one count of households or persons printed after it, before the
 * next amount (“40 triệu đồng/hộ cho 120 hộ”), or else each with the one printed before it, after
 * the previous amount (“120 hộ nghèo mức 40 triệu đồng/hộ”); months or years from the sentence's
 * one period. Null when any amount has no such count or more than one, or a count is left over:
 * the sentence is then not read.
 */
function pairedTerms(group: readonly ProseFigure[], span: readonly ProseFigure[], left: readonly Per[], folded: string, s: { readonly start: number; readonly end: number }, pers: (f: ProseFigure) => Per[]): Array<{ readonly amount: ProseFigure; readonly per: readonly Per[]; readonly factors: readonly Factor[] }> | null {
  const between = (a: number, b: number): ProseFigure[] => span.filter((f) => f.start >= a && f.end <= b);
  // every count of the span is one amount's: a count left over (“có 200 hộ nghèo; …”) could be any amount's
  const counts = span.filter((f) => (f.dimension === 'households' || f.dimension === 'persons' || (f.dimension === 'other' && THINGS.has(foldVietnamese(f.unitText)))) && pers(f).length === 0);
  if (counts.length !== group.length) return null;
  for (const after of [true, false]) {
    const terms: Array<{ readonly amount: ProseFigure; readonly per: readonly Per[]; readonly factors: readonly Factor[] }> = [];
    for (const [k, amount] of group.entries()) {
      const per = pers(amount);
      if (!left.every((u) => per.includes(u))) return null;
      const segment = after ? between(amount.end, group[k + 1]?.start ?? Infinity) : between(group[k - 1]?.end ?? -Infinity, amount.start);
      const factors: Factor[] = [];
      for (const u of per.filter((x) => !left.includes(x))) {
        const found = multiplier(u, folded, segment, s, amount, amount, pers);
        if (found !== null) factors.push(found);
      }
      if (factors.length !== per.filter((x) => !left.includes(x)).length || factors.length === 0) break;
      terms.push({ amount, per, factors });
    }
    if (terms.length === group.length) return terms;
  }
  return null;
}

/** The one figure of the sentence that multiplies an amount per `u`: a count of households or persons, or a number of months or years; null when there is none or more than one. */
function multiplier(u: Per, folded: string, figures: readonly ProseFigure[], s: { readonly start: number; readonly end: number }, amount: ProseFigure, total: ProseFigure, pers: (f: ProseFigure) => Per[]): Factor | null {
  if (u === 'thang' || u === 'nam') {
    const found = [...folded.slice(s.start, s.end).matchAll(PERIOD)].filter((m) => m[2] === u);
    if (found.length !== 1) return null;
    return { value: fraction(BigInt(found[0]![1]!)), text: `${found[0]![1]!} ${perLabel(u)}` };
  }
  const counts = figures.filter((f) => f !== amount && f !== total && countsPer(f, u) && pers(f).length === 0);
  if (counts.length !== 1) return null;
  const c = counts[0]!;
  if (c.qualifier !== null || c.range !== undefined || c.value.den !== 1n) return null;
  return { value: c.value, text: c.text };
}
