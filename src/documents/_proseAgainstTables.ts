import { compareFractions, fraction, multiplyFractions, type Fraction } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { intervalContains, scaleInterval } from '../numbers/interval.js';
import { DONG_PER_UNIT, MONEY_UNIT_LABELS, type MoneyUnit } from '../numbers/money.js';
import { printedInterval } from '../numbers/printedInterval.js';
import { foldVietnamese, foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { placesOfFigure, rowPlaceKey } from './_placeNames.js';
import { nextInRateList, RATE_BEFORE, stockCount } from './_stockFigures.js';
import { cellNumber } from './_cellNumber.js';
import { headerNames } from './_checkClaims.js';
import type { UnderstoodTable } from './_checkTables.js';
import { inDong, isEnglishFormat, proseFigures, sentences, type ProseFigure } from './_proseFigures.js';
import type { CheckedClaim, CheckFinding, FindingLocation } from './checkReport.js';
import type { DocumentModel, DocumentParagraph } from './documentModel.js';

/** What {@link checkProseAgainstTables} gives. */
export interface ProseTableChecks {
  readonly claims: CheckedClaim[];
  readonly findings: CheckFinding[];
  /** The sentences read, as `'block:start'` (0-based block, the sentence's offset), so they are not listed unchecked. */
  readonly read: ReadonlySet<string>;
}

/** A figure cell of a table the prose may print: the table, the row and column, what it is of, its value. */
interface Cell {
  readonly block: number;
  readonly row: number;
  readonly rowLabel: string;
  readonly col: number;
  readonly header: string;
  readonly kind: 'rate' | 'amount' | 'count';
  /** For an amount: the column's money unit. */
  readonly unit?: MoneyUnit;
  /** Which households a rate or a count is of (a count may be of all households). */
  readonly subject: 'poor' | 'near-poor' | 'households' | null;
  readonly stage: 'start' | 'end' | null;
  readonly year: string | null;
  /** The years the table's caption (the two paragraphs before it) names: “Biểu 1. Hộ nghèo các thôn đầu năm 2027”. */
  readonly captionYears: readonly string[];
  readonly total: boolean;
  /** For an amount: the column is the table's total (“Tổng số”, “Tổng cộng”, or its one amount column). */
  readonly totalColumn: boolean;
  /** For an amount: the source of funds its header names (`'trung uong'`, `'dia phuong'`…), null for none. */
  readonly source: string | null;
  /** The cell's value exactly (a rate in percent; an amount in đồng), and as printed. */
  readonly value: Fraction;
  readonly text: string;
  readonly decimals: number;
}

/** Words before an amount that make it a document's total (“Tổng kinh phí thực hiện năm 2027 là”). */
const AMOUNT_BEFORE = /\btong (?:so )?(?:von|nguon von|kinh phi|nhu cau von)\b(?:(?!\btrong do\b|\bgom\b|\bbao gom\b)[^%;\d]|(?<!\d)(?:19|20)\d\d(?!\d)|(?<![\d.,])\d{1,2} (?:thang|nam)\b){0,80}$/;
/** A sentence about another area, a change or a comparison: its figures are not the table's. */
const OTHER_AREA = /\b(ca nuoc|toan quoc|binh quan chung|so voi|huyen ngheo|dan toc|dtts)\b/;
/** Words of a part of the area: a figure after them is of the row of that part when it is named (“khu vực nông thôn”, “xã Tân Lập”), else of none. */
const SUB_AREA = /\b(khu vuc|vung|thanh thi|nong thon)\b/;
/** What may stand before a document's total at the head of its sentence: “Năm 2027, ”, “Như vậy, ”. */
const TOTAL_LEAD = /^(?:[^,\d]{0,30}(?:(?:19|20)\d\d)?[^,\d]{0,10},\s*)?$/;

/** A source of funds a total or a column may name. */
const SOURCE = /\b(trung uong|dia phuong|dau tu phat trien|su nghiep|long ghep|huy dong|tin dung)\b/;

const vn = (f: Fraction, decimals: number): string => formatVnNumber(f, { decimals, rounding: 'half-up' });

/**
 * A rate or a total amount the prose prints that the document's own table prints too (“tỷ lệ hộ
 * nghèo cuối năm 2026 là 4,12%” and a total row printing 4,21 in the column of the poor rate at the
 * end of 2026; “tổng kinh phí 12.500 triệu đồng” and the total row of the budget table): compared
 * when the tables have one such figure, or several that agree. A rate's column must name the same
 * households and, when both say, the same year and moment; a sentence naming a place (“xã Tân
 * Lập”) is compared with that place's row. The cell is named in the finding. Figures printed with
 * fewer decimals (or a larger unit) than the table agree when the table's figure rounds to them.
 */
export function checkProseAgainstTables(model: DocumentModel, tables: readonly UnderstoodTable[]): ProseTableChecks {
  const claims: CheckedClaim[] = [];
  const findings: CheckFinding[] = [];
  const read = new Set<string>();
  const cells = tableCells(tables, model);
  if (cells.length === 0) return { claims, findings, read };
  const paras = model.blocks.filter((b): b is DocumentParagraph => b.kind !== 'table');
  const englishFormat = isEnglishFormat(paras.map((p) => foldVietnameseKeepingLength(p.text)), { folded: true });
  for (const p of paras) {
    const folded = foldVietnameseKeepingLength(p.text);
    if (!/\bt[yi] le\b|\btong\b|\bho\b/.test(folded)) continue;
    const all = proseFigures(p.text, { englishFormat, folded });
    for (const s of sentences(p.text)) {
      const sentenceFolded = folded.slice(s.start, s.end);
      if (OTHER_AREA.test(sentenceFolded)) continue;
      for (const f of all.filter((g) => g.start >= s.start && g.end <= s.end)) {
        if (f.qualifier !== null || f.range !== undefined || f.outOf !== undefined) continue;
        const before = folded.slice(s.start, f.start);
        // “…, thành thị là 2,00%”: the next place's rate of the measure before
        const inSentence = all.filter((g) => g.start >= s.start && g.end <= s.end).map((g) => ({ ...g, start: g.start - s.start, end: g.end - s.start }));
        const listed = f.dimension === 'percent' ? nextInRateList(p.text.slice(s.start, s.end), sentenceFolded, inSentence, inSentence.find((g) => g.start === f.start - s.start)!) : null;
        const places = listed?.places ?? placesOfFigure(p.text.slice(s.start, f.start));
        // a part of the area not named as a row's place (“khu vực miền núi”): not the table's figure
        if (places.length === 0 && listed === null && SUB_AREA.test(before)) continue;
        const rate = f.dimension === 'percent' && f.unitText === '%' ? (RATE_BEFORE.exec(before) ?? listed?.rate ?? null) : null;
        const totalAt = f.dimension === 'money' && rate === null ? AMOUNT_BEFORE.exec(before) : null;
        // a document's total heads its sentence (“Tổng kinh phí thực hiện năm 2027 là …”), not the cost of one activity (“Hỗ trợ … cho 98 hộ, tổng kinh phí …”)
        const amount = totalAt !== null && TOTAL_LEAD.test(before.slice(0, totalAt.index)) ? totalAt : null;
        // a place's household count (“xã Tân Lập còn 45 hộ nghèo”); the area's own is compared with the total row elsewhere
        const count = rate === null && amount === null && places.length > 0 ? stockCount(f, before, folded.slice(f.end, s.end)) : null;
        if (rate === null && amount === null && count === null) continue;
        const years = [...before.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => m[1]!);
        const year = years.length === 0 ? null : years[years.length - 1]!;
        const moments = [...before.matchAll(/\b(dau nam|dau ky|dau giai doan|cuoi nam|cuoi ky|cuoi giai doan|con)\b/g)];
        const last = moments[moments.length - 1]?.[1];
        const stage = last === undefined ? null : last.startsWith('dau') ? 'start' : 'end';
        const subject = count ?? (rate === null ? null : rate[1] === 'can ngheo' ? 'near-poor' : 'poor');
        const kind = count !== null ? 'count' : rate !== null ? 'rate' : 'amount';
        // “Tổng vốn ngân sách trung ương …”: the column of that source; else the table's total column
        const source = amount === null ? null : (SOURCE.exec(before.slice(amount.index))?.[1] ?? null);
        const candidates = cells.filter((c) => {
          if (c.kind !== kind) return false;
          if (kind !== 'amount' && c.subject !== subject) return false;
          if (amount !== null && (source === null ? !c.totalColumn : c.source !== source)) return false;
          // a sentence of a year is compared only with a table that says its year (in the column's header or the caption)
          if (year !== null && (c.year !== null ? c.year !== year : !c.captionYears.includes(year))) return false;
          if (amount !== null && years.length > 1 && !years.every((y) => c.year === y || c.captionYears.includes(y))) return false;
          if (stage !== null && c.stage !== null && c.stage !== stage) return false;
          if (places.length > 0) return places.includes(rowPlaceKey(c.rowLabel));
          return c.total;
        });
        // a column that says less than the sentence (no year, no moment) stands only when no other does
        const specific = candidates.filter((c) => (year === null || c.year !== null) && (stage === null || c.stage !== null || amount !== null));
        const chosen = specific.length > 0 ? specific : candidates;
        if (chosen.length === 0) continue;
        if (!chosen.every((c) => compareFractions(c.value, chosen[0]!.value) === 0)) continue;
        const cell = chosen[0]!;
        read.add(`${p.index}:${s.start}`);
        const where: FindingLocation = { block: p.index + 1, ...p.position, start: f.start, end: f.end };
        const named = `the table at block ${cell.block}, row ${cell.row + 1} (“${cell.rowLabel}”), column ${cell.col + 1} (“${cell.header}”)`;
        const summary = `${f.text} = ${named}: ${cell.text}`;
        const sentence = p.text.slice(s.start, s.end).trim();
        if (agrees(f, cell)) {
          claims.push({ kind: 'table-figure', location: where, sentence, summary, status: 'consistent', note: 'the same figure as the table' });
          continue;
        }
        claims.push({ kind: 'table-figure', location: where, sentence, summary, status: 'finding', note: null });
        const shown = cell.kind === 'rate' ? `${cell.text}%` : cell.kind === 'count' ? `${cell.text} hộ` : `${vn(multiplyFractions(cell.value, fraction(1n, DONG_PER_UNIT[f.moneyUnit ?? 'dong'])), Math.max(f.decimals, 0))} ${MONEY_UNIT_LABELS[f.moneyUnit ?? 'dong']}`;
        findings.push({
          severity: 'warning',
          code: 'figure-differs-from-table',
          location: where,
          text: sentence,
          printed: f.text,
          expected: shown,
          difference: null,
          relation: `the prose's figure = ${named}`,
          message: `“${f.text}”: ${named} prints ${cell.text}${cell.kind === 'rate' ? '%' : cell.kind === 'count' ? ' hộ' : ` ${MONEY_UNIT_LABELS[cell.unit ?? 'dong']}`}${cell.kind === 'amount' && cell.unit !== f.moneyUnit ? ` (${shown})` : ''}, not the figure of the prose`,
        });
      }
    }
  }
  return { claims, findings, read };
}

/** The prose's figure agrees with the cell: the same value, or the cell's rounds to it (the prose prints fewer decimals or a larger unit). */
function agrees(f: ProseFigure, cell: Cell): boolean {
  const value = f.dimension === 'money' ? inDong(f) : f.value;
  if (compareFractions(value, cell.value) === 0) return true;
  const per = f.dimension === 'money' ? DONG_PER_UNIT[f.moneyUnit ?? 'dong'] : 1n;
  // a rate the prose prints with fewer decimals than the cell, or an amount in a larger unit (“12,5 tỷ” for 12.480 triệu)
  const precision = scaleInterval(printedInterval(f.digits, { kind: 'rate' }).precision, fraction(per));
  const fewer = f.dimension === 'money' ? true : f.decimals < cell.decimals;
  return fewer && intervalContains(precision, cell.value);
}

/** Every rate and amount cell of the tables' total rows and named item rows, with what its column says it is. */
function tableCells(tables: readonly UnderstoodTable[], model: DocumentModel): Cell[] {
  const out: Cell[] = [];
  for (const { table, layout } of tables) {
    const before = model.blocks.slice(Math.max(0, table.index - 2), table.index).filter((b): b is DocumentParagraph => b.kind !== 'table');
    const captionYears = [...new Set([table.caption ?? '', ...before.map((b) => b.text)].flatMap((t) => [...t.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => m[1]!)))];
    const totalRow = [...layout.rows].reverse().find((r) => r.role === 'total');
    for (const c of layout.columns) {
      if (c.kind !== 'rate' && c.kind !== 'amount' && c.kind !== 'count') continue;
      if (c.kind === 'amount' && c.unit === undefined) continue;
      const header = foldVietnamese(c.header);
      // a share of a total or a growth is not a poverty rate (“Cơ cấu (%)”, “Tốc độ tăng”)
      if (c.kind === 'rate' && /\b(co cau|toc do|so sanh|dat|ke hoach|giam|tang)\b/.test(header)) continue;
      const totalColumn = c.kind === 'amount' && (/\btong\b/.test(header) || layout.columns.filter((x) => x.kind === 'amount').length === 1);
      const source = SOURCE.exec(header)?.[1] ?? null;
      const named = headerNames(c.header);
      // a count column of no subject is of all households when its header says so (“Tổng số hộ”, “Số hộ dân cư”)
      const subject = named.subject ?? (c.kind === 'count' && /\b(tong so ho|so ho dan|ho dan cu|so ho)\b/.test(header) && !/\bngheo\b/.test(header) ? 'households' : null);
      // a rate or a count of exits, of the newly poor or of those back in poverty is not a stock of the poor
      if ((c.kind === 'rate' || c.kind === 'count') && (subject === null || (named.stage !== null && named.stage !== 'start' && named.stage !== 'end'))) continue;
      const stage = named.stage === 'start' || named.stage === 'end' ? named.stage : null;
      const years = [...new Set([...c.header.matchAll(/\b((?:19|20)\d\d)\b/g)].map((m) => m[1]!))];
      for (const r of layout.rows) {
        // a heading or part row printing figures is a place's (“Khu vực nông thôn”, “Trong đó: nông thôn”, a district over its communes)
        if (r.role === 'average') continue;
        const text = table.rows[r.row]?.[c.col]?.text.trim() ?? '';
        const n = cellNumber(text);
        if (n === null || n.percent && c.kind === 'amount') continue;
        const exact = fraction(BigInt(n.units), 10n ** BigInt(n.decimals));
        const value = c.kind === 'amount' ? multiplyFractions(exact, fraction(DONG_PER_UNIT[c.unit!])) : exact;
        if (c.kind === 'count' && n.decimals !== 0) continue;
        out.push({ block: table.index + 1, row: r.row, rowLabel: r.label, col: c.col, header: c.header, kind: c.kind, ...(c.unit === undefined ? {} : { unit: c.unit }), subject, stage, year: years.length === 1 ? years[0]! : null, captionYears, total: r === totalRow, totalColumn, source, value, text: text.replace(/\s*%$/, ''), decimals: n.decimals });
      }
    }
  }
  return out;
}
