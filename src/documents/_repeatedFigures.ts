import { compareFractions, fraction, multiplyFractions } from '../numbers/fraction.js';
import { roundQuotient } from '../numbers/rounding.js';
import { foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { isEnglishFormat, proseFigures, sentences } from './_proseFigures.js';
import { placesNamed } from './_placeNames.js';
import { stockFigures, type StockFigure } from './_stockFigures.js';
import type { CheckedClaim, CheckFinding, FindingLocation } from './checkReport.js';
import type { DocumentModel, DocumentParagraph } from './documentModel.js';

/** What {@link checkRepeatedFigures} gives. */
export interface RepeatedFigureChecks {
  readonly claims: CheckedClaim[];
  readonly findings: CheckFinding[];
  /** The sentences read, as `'block:start'` (0-based block, the sentence's offset), so they are not listed unchecked. */
  readonly read: ReadonlySet<string>;
}

/** One printing of a stock: where, and its sentence. */
interface Printed {
  readonly stock: StockFigure;
  readonly para: DocumentParagraph;
  readonly start: number;
  readonly end: number;
  readonly sentenceStart: number;
  readonly sentence: string;
}

const SUBJECT = { poor: 'poor households', 'near-poor': 'near-poor households', households: 'households' } as const;

/**
 * The same stock printed twice differently: a household count or a poverty rate of the same
 * households, place and moment of the same year (“Đầu năm 2025, toàn xã có 145 hộ nghèo” in one
 * paragraph, “Số hộ nghèo đầu năm 2025 là 154 hộ” in another). The figure printed most often (the
 * first on a tie) stands; each other is one finding naming both places. A rate printed with fewer
 * decimals agrees when the other rounds to it. Silent when the moments, years, places or
 * households differ (see `stockFigures`).
 */
export function checkRepeatedFigures(model: DocumentModel): RepeatedFigureChecks {
  const claims: CheckedClaim[] = [];
  const findings: CheckFinding[] = [];
  const read = new Set<string>();
  const paras = model.blocks.filter((b): b is DocumentParagraph => b.kind !== 'table');
  const englishFormat = isEnglishFormat(paras.map((p) => foldVietnameseKeepingLength(p.text)), { folded: true });
  const groups = new Map<string, Printed[]>();
  // a heading naming a place (“3. Huyện Mường Tè”) makes the area's own figures under it that place's, until the next heading
  let section = '';
  for (const para of paras) {
    const folded = foldVietnameseKeepingLength(para.text);
    if (para.kind === 'heading' || (para.text.length <= 100 && !/[.;]\s*$/.test(para.text) && !/\d+(?:,\d+)?\s*(?:%|hộ)/u.test(para.text))) section = [...new Set(placesNamed(para.text))].sort().join('|');
    if (!/\b(?:dau|cuoi) (?:nam|ky) (?:19|20)\d\d\b/.test(folded)) continue;
    const all = proseFigures(para.text, { englishFormat, folded });
    for (const s of sentences(para.text)) {
      const inside = all.filter((g) => g.start >= s.start && g.end <= s.end).map((g) => ({ ...g, start: g.start - s.start, end: g.end - s.start, numberStart: g.numberStart - s.start }));
      for (const stock of stockFigures(para.text.slice(s.start, s.end), folded.slice(s.start, s.end), inside)) {
        const key = `${stock.kind}|${stock.subject}|${stock.stage}|${stock.year}|${stock.places === '' ? section : stock.places}`;
        const printed: Printed = { stock, para, start: s.start + stock.figure.start, end: s.start + stock.figure.end, sentenceStart: s.start, sentence: para.text.slice(s.start, s.end).trim() };
        groups.set(key, [...(groups.get(key) ?? []), printed]);
      }
    }
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const agreeing = (a: Printed): number => group.filter((b) => agrees(a.stock, b.stock)).length;
    const standing = group.reduce((best, p) => (agreeing(p) > agreeing(best) ? p : best), group[0]!);
    const { stock } = standing;
    const what = `the ${stock.kind === 'rate' ? `rate of ${SUBJECT[stock.subject]}` : SUBJECT[stock.subject]}${stock.places === '' ? '' : ` of ${stock.places.replace(/\|/g, ', ')}`} at the ${stock.stage} of ${stock.year}`;
    for (const p of group) {
      if (p === standing) continue;
      read.add(`${p.para.index}:${p.sentenceStart}`);
      read.add(`${standing.para.index}:${standing.sentenceStart}`);
      const where: FindingLocation = { block: p.para.index + 1, ...p.para.position, start: p.start, end: p.end };
      const other = `block ${standing.para.index + 1} (“${standing.sentence}”)`;
      const summary = `${p.stock.figure.text} = ${standing.stock.figure.text} (${what})`;
      if (agrees(p.stock, stock)) {
        claims.push({ kind: 'repeated-figure', location: where, sentence: p.sentence, summary, status: 'consistent', note: `the same figure as ${standing.stock.figure.text} at ${other}` });
        continue;
      }
      claims.push({ kind: 'repeated-figure', location: where, sentence: p.sentence, summary, status: 'finding', note: null });
      findings.push({
        severity: 'warning',
        code: 'repeated-figure-mismatch',
        location: where,
        text: p.sentence,
        printed: p.stock.figure.text,
        expected: standing.stock.figure.text,
        difference: null,
        relation: `${what}, printed twice`,
        message: `“${p.stock.figure.text}” for ${what}, but ${other} prints ${standing.stock.figure.text}: one of the two is wrong`,
      });
    }
  }
  return { claims, findings, read };
}

/** Two printings agree: the same value, or a rate printed with fewer decimals that the other rounds to (half-up). */
function agrees(a: StockFigure, b: StockFigure): boolean {
  if (compareFractions(a.figure.value, b.figure.value) === 0) return true;
  if (a.kind !== 'rate' || a.figure.decimals === b.figure.decimals) return false;
  const [fine, coarse] = a.figure.decimals > b.figure.decimals ? [a.figure, b.figure] : [b.figure, a.figure];
  const scaled = multiplyFractions(fine.value, fraction(10n ** BigInt(coarse.decimals)));
  const printed = multiplyFractions(coarse.value, fraction(10n ** BigInt(coarse.decimals)));
  return printed.den === 1n && roundQuotient(scaled.num, scaled.den, 'half-up') === printed.num;
}
