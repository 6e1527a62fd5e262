import { addFractions, compareFractions, divideFractions, fraction, fractionToDecimal, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { foldVietnamese, foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { cellNumber } from './_cellNumber.js';
import { headerNames } from './_checkClaims.js';
import type { UnderstoodTable } from './_checkTables.js';
import { placesOfFigure } from './_placeNames.js';
import { isEnglishFormat, proseFigures, qualified, sentences, type ProseFigure } from './_proseFigures.js';
import { subjectAfter } from './_startBefore.js';
import { NARROWED } from './_stockFigures.js';
import type { CheckedClaim, CheckFinding, FindingLocation } from './checkReport.js';
import type { DocumentModel, DocumentParagraph } from './documentModel.js';
import type { TextLocation } from './proseClaims.js';

/** What {@link checkTargetsAgainstTables} gives. */
export interface TargetTableChecks {
  readonly claims: CheckedClaim[];
  readonly findings: CheckFinding[];
  /** The sentences read, as `'block:start'` (0-based block, the sentence's offset), so they are not listed unchecked. */
  readonly read: ReadonlySet<string>;
}

/** A plan's words: the sentence sets a target. */
const PLAN = /\b(phan dau|muc tieu|chi tieu|ke hoach|du kien)\b/;
/** A column or a caption of planned cuts: “Chỉ tiêu giảm”, “Kế hoạch giảm hộ nghèo”, “KH giảm”, “Dự kiến thoát nghèo”. */
const PLANNED = /\b(chi tieu|ke hoach|kh|du kien|phan dau|muc tieu|giao)\b/;

/** The total row's planned cut of one table: its value, and what names it. */
interface PlannedCut {
  readonly block: number;
  readonly row: number;
  readonly rowLabel: string;
  readonly col: number;
  readonly key: string;
  readonly value: Fraction;
  readonly text: string;
  /** The households of all the area in the total row (“Tổng số hộ”), when the table prints them. */
  readonly households: { readonly value: Fraction; readonly key: string } | null;
  readonly years: readonly string[];
}

/** A table's title printed right before it. */
const CAPTION = /^\s*(?:bieu|bang|phu luc)\b/;

const vn = (f: Fraction, decimals: number): string => formatVnNumber(f, { decimals, rounding: 'half-up' });

/**
 * The planned cut of each table with a total row: the one count column whose header says a cut
 * (“giảm”, “thoát nghèo”) planned (“Chỉ tiêu giảm”, or a caption “Chỉ tiêu giảm hộ nghèo …”),
 * of the households asked for (its header's, or, when it names none, a table that counts no other).
 */
function plannedCuts(tables: readonly UnderstoodTable[], model: DocumentModel, subject: 'poor' | 'near-poor'): PlannedCut[] {
  const out: PlannedCut[] = [];
  for (const { table, layout } of tables) {
    const totalRow = [...layout.rows].reverse().find((r) => r.role === 'total');
    if (totalRow === undefined) continue;
    // its caption: the table's own, or a title right before it (“Biểu 1. Chỉ tiêu giảm hộ nghèo năm 2027 theo xã”), never the prose
    const before = model.blocks[model.blocks.findIndex((b) => b.index === table.index) - 1];
    const title = before !== undefined && before.kind !== 'table' && CAPTION.test(foldVietnamese(before.text)) ? before.text : '';
    const caption = foldVietnamese(`${table.caption ?? ''} ${title}`);
    const counts = layout.columns.filter((c) => c.kind === 'count');
    const subjects = new Set(counts.map((c) => headerNames(c.header).subject).filter((s) => s !== null));
    const cuts = counts.filter((c) => {
      const named = headerNames(c.header);
      const header = foldVietnamese(c.header);
      if (named.stage !== 'exit' || !/\b(giam|thoat)\b/.test(header)) return false;
      if (!PLANNED.test(header) && !(PLANNED.test(caption) && /\b(giam|thoat)\b/.test(caption))) return false;
      return named.subject === subject || (named.subject === null && [...subjects].every((s) => s === subject) && (subject === 'poor' ? !/\bcan ngheo\b/.test(caption) : /\bcan ngheo\b/.test(caption)));
    });
    if (cuts.length !== 1) continue;
    const cut = cuts[0]!;
    const text = table.rows[totalRow.row]?.[cut.col]?.text.trim() ?? '';
    const n = cellNumber(text);
    if (n === null || n.decimals !== 0) continue;
    const all = counts.filter((c) => headerNames(c.header).subject === null && c !== cut && /\b(tong so ho|so ho dan|ho dan cu|tong so)\b/.test(foldVietnamese(c.header)));
    const h = all.length === 1 ? cellNumber(table.rows[totalRow.row]?.[all[0]!.col]?.text.trim() ?? '') : null;
    const years = [...new Set([...`${cut.header} ${caption}`.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => m[1]!))];
    out.push({
      block: table.index + 1,
      row: totalRow.row,
      rowLabel: totalRow.label,
      col: cut.col,
      key: cut.key,
      value: fraction(BigInt(n.units)),
      text,
      households: h === null || h.decimals !== 0 ? null : { value: fraction(BigInt(h.units)), key: all[0]!.key },
      years,
    });
  }
  return out;
}

/**
 * “Năm 2027 phấn đấu giảm 407 hộ nghèo, tỷ lệ hộ nghèo giảm 4,31 điểm phần trăm, …” beside a table of
 * targets by commune whose total row plans the cut (“Chỉ tiêu giảm” 470): the prose's cut is the
 * table's total (`figure-differs-from-table` at the prose, the table's rows adding up to their total
 * being checked with the table); and its cut of the rate, in points of the households the total row
 * counts (“Tổng số hộ”), stands for the households it says, within the rate's printed rounding and
 * one household either way (`target-count-mismatch`). Only a sentence of a plan (“phấn đấu”, “mục
 * tiêu”, “chỉ tiêu”, “kế hoạch”, “dự kiến”), of all the poor or near-poor of the area (no place, no
 * part of it), an exact count after “giảm”, a table with one such column; a year named by both must
 * be the same.
 *
 * @param model - the document.
 * @param tables - its tables as understood.
 * @param taken - where the targets already checked against a table's column are (0-based blocks): skipped.
 * @returns the claims checked, the findings, the sentences read.
 * @example
 * // “Năm 2027 phấn đấu giảm 407 hộ nghèo, …” with a table whose “Tổng cộng” row prints 470 under “Chỉ tiêu giảm”
 * checkTargetsAgainstTables(model, tables).findings[0].code //=> 'figure-differs-from-table'
 */
export function checkTargetsAgainstTables(model: DocumentModel, tables: readonly UnderstoodTable[], taken: readonly TextLocation[] = []): TargetTableChecks {
  const claims: CheckedClaim[] = [];
  const findings: CheckFinding[] = [];
  const read = new Set<string>();
  if (tables.length === 0) return { claims, findings, read };
  const paras = model.blocks.filter((b): b is DocumentParagraph => b.kind !== 'table');
  const englishFormat = isEnglishFormat(paras.map((b) => b.text));
  for (const b of paras) {
    const folded = foldVietnameseKeepingLength(b.text);
    if (!PLAN.test(folded) || !/\bgiam\b/.test(folded)) continue;
    const figures = proseFigures(b.text, { englishFormat, folded });
    const where = (f: { start: number; end: number }): FindingLocation => ({ block: b.index + 1, ...(b.position ?? {}), start: f.start, end: f.end });
    for (const s of sentences(b.text)) {
      const sentence = folded.slice(s.start, s.end);
      if (!PLAN.test(sentence) || NARROWED.test(sentence)) continue;
      // a target the claims already compared with the table's column of the year's targets is not read twice
      if (taken.some((l) => l.block === b.index && l.start < s.end && l.end > s.start)) continue;
      const inS = figures.filter((f) => f.start >= s.start && f.end <= s.end);
      const cuts = inS.filter((f) => f.dimension === 'households' && !qualified(f) && f.range === undefined && f.outOf === undefined && /\bgiam(?: duoc)?\s*$/.test(folded.slice(Math.max(s.start, f.start - 12), f.start)));
      if (cuts.length !== 1) continue;
      const cut = cuts[0]!;
      const subject = subjectAfter(folded.slice(cut.end, cut.end + 30));
      if ((subject !== 'poor' && subject !== 'near-poor') || placesOfFigure(b.text.slice(s.start, cut.start)).length > 0) continue;
      // the years the sentence names, or, when it names none, its paragraph's (“Kết thúc năm 2026, … So với chỉ tiêu … giao
      // (giảm 250 hộ nghèo …)”: the year's own plan, not the next year's table of targets)
      const yearsIn = (t: string): string[] => [...new Set([...t.matchAll(/(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)/g)].map((m) => m[1]!))];
      const own = yearsIn(sentence);
      const years = own.length > 0 ? own : yearsIn(folded);
      const candidates = plannedCuts(tables, model, subject).filter((t) => years.length === 0 || t.years.length === 0 || t.years.some((y) => years.includes(y)));
      if (candidates.length === 0) continue;
      const values = new Set(candidates.map((t) => `${t.value.num}`));
      if (values.size !== 1) continue;
      const t = candidates[0]!;
      const text = b.text.slice(s.start, s.end).trim();
      read.add(`${b.index}:${s.start}`);
      const cell = `the total row (“${t.rowLabel}”) of the table at block ${t.block} under “${t.key}”`;
      const summary = `${cut.text} (${subject}, planned cut) as in a table`;
      if (compareFractions(cut.value, t.value) === 0) {
        claims.push({ kind: 'reduction-target', location: where(s), sentence: text, summary, status: 'consistent', note: `${cut.text} = ${t.text}, ${cell}` });
      } else {
        findings.push({
          severity: 'warning',
          code: 'figure-differs-from-table',
          location: where(cut),
          text,
          printed: cut.text,
          expected: `${t.text} hộ`,
          difference: fractionToDecimal(subtractFractions(cut.value, t.value)).toFixed(),
          relation: `the planned cut = ${cell}`,
          message: `“${cut.text}”: the plan's cut of the ${subject === 'poor' ? 'poor' : 'near-poor'} households is ${t.text} hộ in ${cell}, not ${cut.text}`,
        });
        claims.push({ kind: 'reduction-target', location: where(s), sentence: text, summary, status: 'finding', note: null });
      }
      // the cut of the rate, in points of the households the total row counts, against the households the sentence says
      const points = pointsCut(folded, inS, cut, s.start);
      if (points === undefined || t.households === null || t.households.value.num === 0n) continue;
      const half = fraction(1n, 2n * 10n ** BigInt(points.decimals));
      const of = (p: Fraction): Fraction => multiplyFractions(t.households!.value, divideFractions(p, fraction(100n)));
      const low = subtractFractions(of(subtractFractions(points.value, half)), fraction(1n));
      const high = addFractions(of(addFractions(points.value, half)), fraction(1n));
      const exact = of(points.value);
      const base = `${vn(t.households.value, 0)} hộ (“${t.households.key}”, the total row of the table at block ${t.block})`;
      const fits = (v: Fraction): boolean => compareFractions(v, low) > 0 && compareFractions(v, high) < 0;
      const pointsSummary = `${points.text} of ${vn(t.households.value, 0)} hộ = ${cut.text}`;
      const pointsNote = `${points.text} of ${base} is ${vn(exact, 1)} hộ`;
      // a cut the table contradicts is one finding, the table's: its points are read only when the two agree
      if (compareFractions(cut.value, t.value) !== 0) continue;
      if (fits(cut.value)) {
        claims.push({ kind: 'reduction-target', location: where(s), sentence: text, summary: pointsSummary, status: 'consistent', note: `${pointsNote}, printed ${cut.text}` });
        continue;
      }
      // the count and the table agree: the points are the odd figure
      const rate = multiplyFractions(divideFractions(cut.value, t.households.value), fraction(100n));
      const decimals = Math.max(2, points.decimals);
      findings.push({
        severity: 'warning',
        code: 'target-count-mismatch',
        location: where(points),
        text,
        printed: points.text,
        expected: `${vn(rate, decimals)}%`,
        difference: fractionToDecimal(subtractFractions(points.value, rate)).toDecimalPlaces(decimals).toFixed(),
        relation: `${cut.text} ÷ ${vn(t.households.value, 0)} hộ × 100`,
        message: `“${points.text}” for a cut of ${cut.text} (as the table plans): ${cut.text} of ${base} is ${vn(rate, decimals)} points of the rate, and ${pointsNote} (${vn(addFractions(low, fraction(1n)), 1)} – ${vn(subtractFractions(high, fraction(1n)), 1)} within its rounding), not ${cut.text}`,
      });
      claims.push({ kind: 'reduction-target', location: where(s), sentence: text, summary: pointsSummary, status: 'finding', note: null });
    }
  }
  return { claims, findings, read };
}

/** The cut of the rate printed after the count in its sentence (“tỷ lệ hộ nghèo giảm 4,31 điểm phần trăm”), not the rates it runs between. */
function pointsCut(folded: string, inS: readonly ProseFigure[], cut: ProseFigure, from: number): ProseFigure | undefined {
  const found = inS.filter((f) => f.dimension === 'percent' && f.start > cut.end && !qualified(f) && f.range === undefined && /\bt[yi] le ho (?:can )?ngheo(?: \S+){0,3}? giam(?: duoc)?\s*$|\bgiam t[yi] le ho (?:can )?ngheo\s*$/.test(folded.slice(Math.max(from, f.start - 60), f.start)));
  return found.length === 1 ? found[0] : undefined;
}
