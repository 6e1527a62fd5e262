import { fraction, multiplyFractions, divideFractions } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { roundQuotient, type RoundingMode } from '../numbers/rounding.js';
import { foldVietnamese, foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { cellNumber } from './_cellNumber.js';
import { headerNames } from './_checkClaims.js';
import type { UnderstoodTable } from './_checkTables.js';
import { placesNamed, placesOfFigure } from './_placeNames.js';
import { isEnglishFormat, proseFigures, sentences, type ProseFigure } from './_proseFigures.js';
import type { CheckedClaim, CheckFinding, FindingLocation } from './checkReport.js';
import type { DocumentModel, DocumentParagraph } from './documentModel.js';

/** What {@link checkRatesOnTextBase} gives. */
export interface TextBaseChecks {
  readonly claims: CheckedClaim[];
  readonly findings: CheckFinding[];
  /** The rate columns checked and their count columns, as `'block:key'` (1-based block, the column's key), so they are not listed unchecked. */
  readonly columns: ReadonlySet<string>;
  /** The sentences printing the base, as `'block:start'` (0-based block, the sentence's offset), when a rate was checked on it. */
  readonly read: ReadonlySet<string>;
}

/** Words before a count that make it all the area's households (“Tổng số hộ toàn xã là”, “Tổng số hộ dân cư năm 2025:”, “Toàn xã có”). */
const BASE_BEFORE = /(?:\b(?:tong so ho|so ho dan cu)(?: dan cu| tu nhien| dan| gia dinh)?\b(?:[^%;\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,40}(?:\bla|\bco|:)|\btoan (?:xa|phuong|thi tran|huyen|thi xa|thanh pho|tinh) co)\s*$/;
/** Words after such a count: the households of all kinds, not a group of them (“1.245 hộ dân cư”, not “87 hộ nghèo”). */
const BASE_AFTER = /^\s*(?:dan cu|dan|gia dinh|tu nhien)?\s*(?:$|[,.;:()]|\bvoi\b)/;
/** Words of a part of the area or of the households: not the base of the area's rates. */
const NARROWED = /\b(dan toc|dtts|dong bao|dac biet kho khan|vung|khu vuc|thanh thi|nong thon|cac xa|cac thon|thon|ban|ngheo|can ngheo|duoc|ho tro|phan dau|du kien|ke hoach)\b/;
/** A rate column that is not of households over all households (“Cơ cấu”, “Tốc độ”, a plan). */
const NOT_A_POVERTY_RATE = /\b(co cau|toc do|so sanh|dat|ke hoach|giam|tang|thoat|phat sinh|tai ngheo)\b/;

/** A count of all the area's households the text prints: the figure, the years its sentence names, where. */
interface TextBase {
  readonly figure: ProseFigure;
  readonly years: readonly string[];
  readonly block: number;
  readonly sentenceStart: number;
  readonly sentence: string;
}

/**
 * A table's poverty rates whose base only the text prints: a table of the poor and near-poor
 * (“Hộ nghèo | 87 | 6,99”) with no households column, and a sentence printing all the area's
 * households (“Tổng số hộ toàn xã là 1.245 hộ”). Each rate is its count ÷ those households × 100,
 * rounded as the document rounds to the decimals printed. Checked only when the base is certain:
 * the text prints one such figure (every printing the same), of no year other than the table's,
 * and no table has a households column; a table whose every rate (two or more) misses it is on
 * another base and is left alone. A rate that misses it is a `warning` (`rate-mismatch`) at its cell.
 */
export function checkRatesOnTextBase(model: DocumentModel, tables: readonly UnderstoodTable[], rounding: RoundingMode): TextBaseChecks {
  const claims: CheckedClaim[] = [];
  const findings: CheckFinding[] = [];
  const columns = new Set<string>();
  const read = new Set<string>();
  if (tables.length === 0 || tables.some(hasHouseholdsColumn)) return { claims, findings, columns, read };
  const bases = textBases(model);
  const values = new Set(bases.map((b) => b.figure.value.num.toString()));
  if (bases.length === 0 || values.size !== 1 || bases[0]!.figure.value.den !== 1n || bases[0]!.figure.value.num <= 0n) return { claims, findings, columns, read };
  const base = bases[0]!;
  const baseYears = new Set(bases.flatMap((b) => b.years));
  const households = base.figure.value.num;
  for (const { table, layout } of tables) {
    // the caption: the two paragraphs before the table, not the sentence printing the base
    const before = model.blocks.slice(Math.max(0, table.index - 2), table.index).filter((b): b is DocumentParagraph => b.kind !== 'table' && !bases.some((x) => x.block === b.index));
    const tableYears = new Set([table.caption ?? '', ...before.map((b) => b.text), ...layout.columns.map((c) => c.header)].flatMap((t) => [...t.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => m[1]!)));
    // the text's households of one year, the table of another: not its base
    if (baseYears.size > 0 && tableYears.size > 0 && ![...baseYears].some((y) => tableYears.has(y))) continue;
    for (const rc of layout.columns) {
      if (rc.kind !== 'rate' || NOT_A_POVERTY_RATE.test(foldVietnamese(rc.header))) continue;
      if (layout.relations.some((r) => r.type === 'rate' && r.column === rc.key)) continue;
      // the count the rate is of: the nearest count column before it
      const count = [...layout.columns].reverse().find((c) => c.col < rc.col && c.kind === 'count');
      if (count === undefined) continue;
      const stage = headerNames(`${count.header} › ${rc.header}`).stage;
      if (stage !== null && stage !== 'start' && stage !== 'end') continue;
      const rows: Array<{ row: number; label: string; count: bigint; rate: { units: bigint; decimals: number; text: string } }> = [];
      for (const r of layout.rows) {
        if (r.role === 'average' || r.role === 'heading') continue;
        // each row of the poor or the near-poor, not of a group of them
        const label = foldVietnamese(r.label);
        // a row of a place (“Tân Lập”, no kind word) has its own households: only rows named by their households (“Hộ nghèo”), or the total row
        const named = r.role === 'total' ? headerNames(`${count.header} › ${rc.header} › ${r.label}`) : headerNames(r.label);
        if (named.subject === null || /\b(dan toc|dtts|dong bao|thoat|phat sinh|tai ngheo|thanh thi|nong thon|khu vuc|xa|thon|ban)\b/.test(label) || placesOfFigure(r.label).length > 0) continue;
        const c = cellNumber(table.rows[r.row]?.[count.col]?.text ?? '');
        const rateText = table.rows[r.row]?.[rc.col]?.text.trim() ?? '';
        const p = cellNumber(rateText);
        if (c === null || p === null || c.decimals !== 0 || c.units < 0) continue;
        rows.push({ row: r.row, label: r.label, count: BigInt(c.units), rate: { units: BigInt(p.units), decimals: p.decimals, text: rateText.replace(/\s*%$/, '') } });
      }
      const checked = rows.map((r) => {
        const scaled = 10n ** BigInt(r.rate.decimals);
        const expected = roundQuotient(r.count * 100n * scaled, households, rounding);
        return { ...r, expected, fits: expected === r.rate.units };
      });
      if (checked.length === 0 || (checked.length >= 2 && checked.every((r) => !r.fits))) continue;
      columns.add(`${table.index + 1}:${rc.key}`);
      columns.add(`${table.index + 1}:${count.key}`);
      for (const b of bases) read.add(`${b.block}:${b.sentenceStart}`);
      const baseText = `${base.figure.text} (block ${base.block + 1}: “${base.sentence}”)`;
      for (const r of checked) {
        const exact = multiplyFractions(divideFractions(fraction(r.count), fraction(households)), fraction(100n));
        const where: FindingLocation = { block: table.index + 1, ...table.position, row: r.row + 1, column: rc.col + 1, rowLabel: r.label, columnKey: rc.key };
        const summary = `${r.label}: ${r.count} ÷ ${base.figure.text} × 100 = ${formatVnNumber(exact, { decimals: r.rate.decimals + 1, rounding })}%, printed ${r.rate.text}`;
        if (r.fits) {
          claims.push({ kind: 'rate-count', location: where, sentence: r.label, summary, status: 'consistent', note: `on the households the text prints: ${baseText}` });
          continue;
        }
        const shown = formatVnNumber(fraction(r.expected, 10n ** BigInt(r.rate.decimals)), { decimals: r.rate.decimals, rounding });
        claims.push({ kind: 'rate-count', location: where, sentence: r.label, summary, status: 'finding', note: null });
        findings.push({
          severity: 'warning',
          code: 'rate-mismatch',
          location: where,
          text: r.rate.text,
          printed: r.rate.text,
          expected: shown,
          difference: null,
          relation: `${rc.key} = ${count.key} ÷ the households the text prints × 100`,
          message: `“${r.rate.text}” (${r.label}, ${rc.key}): ${formatVnNumber(fraction(r.count), { decimals: 0, rounding })} ÷ ${baseText} × 100 = ${formatVnNumber(exact, { decimals: Math.max(2, r.rate.decimals + 1), rounding })}%, ${shown} to the decimals printed (${rounding}) — another base or date?`,
        });
      }
    }
  }
  return { claims, findings, columns, read };
}

/** A table with a column of all households (“Tổng số hộ”, “Số hộ dân cư”): its rates have their base in the table. */
function hasHouseholdsColumn({ layout }: UnderstoodTable): boolean {
  return layout.columns.some((c) => c.kind === 'count' && headerNames(c.header).subject === null && /\b(tong so ho|so ho dan|ho dan cu|tong so)\b/.test(foldVietnamese(c.header)));
}

/** The counts of all the area's households the text prints, each with the years its sentence names. */
function textBases(model: DocumentModel): TextBase[] {
  const paras = model.blocks.filter((b): b is DocumentParagraph => b.kind !== 'table');
  const englishFormat = isEnglishFormat(paras.map((p) => foldVietnameseKeepingLength(p.text)), { folded: true });
  const out: TextBase[] = [];
  for (const p of paras) {
    const folded = foldVietnameseKeepingLength(p.text);
    if (!/\b(tong so ho|so ho dan cu|toan [a-z ]{2,10} co)\b/.test(folded)) continue;
    const all = proseFigures(p.text, { englishFormat, folded });
    for (const s of sentences(p.text)) {
      for (const f of all) {
        if (f.start < s.start || f.end > s.end || f.dimension !== 'households' || f.qualifier !== null || f.range !== undefined || f.outOf !== undefined || f.scale !== undefined) continue;
        const before = folded.slice(s.start, f.start);
        const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(',')) + 1);
        if (!BASE_BEFORE.test(clause) || NARROWED.test(clause) || !BASE_AFTER.test(folded.slice(f.end, s.end))) continue;
        // “Xã Tân Lập: toàn xã có 540 hộ”: a place's households, even before “toàn xã”
        if (placesNamed(p.text.slice(s.start, f.start)).length > 0) continue;
        const years = [...new Set([...before.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => m[1]!))];
        out.push({ figure: f, years, block: p.index, sentenceStart: s.start, sentence: p.text.slice(s.start, s.end).trim() });
      }
    }
  }
  return out;
}
