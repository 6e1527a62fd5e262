import { compareFractions, fraction, roundFraction, type Fraction } from '../numbers/fraction.js';
import { foldVietnamese, foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { cellNumber } from './_cellNumber.js';
import type { UnderstoodTable } from './_checkTables.js';
import { proseFigures, sentences } from './_proseFigures.js';
import type { CheckedClaim, CheckFinding, FindingLocation } from './checkReport.js';
import type { DocumentModel } from './documentModel.js';

/** What comparing the prose's rates of named projects with their table rows found. */
export interface NamedRowRateChecks {
  readonly claims: readonly CheckedClaim[];
  readonly findings: readonly CheckFinding[];
  /** `block:sentenceStart` (0-based block) of each sentence all of whose figures were compared. */
  readonly read: ReadonlySet<string>;
}

/** “Dự án 4 đạt 31,86%”, “Tiểu dự án 2 giải ngân đạt 63,14%”, “Dự án 5 có tỷ lệ giải ngân 84,52%”: a project's rate, named by its number. */
const NAMED_RATE = /\b(tieu du an|du an)\s+(\d{1,2}(?:\.\d{1,2})?)\s*(?:\([^()]{0,60}\)\s*)?(?:(?:giai ngan\s+)?dat(?: ty le| ti le)?|(?:co\s+)?t[yi] le giai ngan(?:\s+(?:dat|la))?)\s*:?\s*$/;

/** Options of {@link checkNamedRowRates}. */
export interface NamedRowRateOptions {
  /** Table cells already found wrong, as `block:row:column` (1-based, as findings locate them): the prose is not compared with them. */
  readonly cellsFound?: ReadonlySet<string>;
}

/** The table cell of a project's row in a table's one rate column. */
interface RowRate {
  readonly block: number;
  readonly row: number;
  readonly col: number;
  readonly rowLabel: string;
  readonly header: string;
  readonly text: string;
  readonly value: Fraction;
  readonly decimals: number;
}

/** Whether a row's label names the project: “Dự án 4: …”, “Dự án 4 - …”, “DỰ ÁN 4”; a sub-project's row is never its project's. */
function namesProject(label: string, noun: string, number: string): boolean {
  const folded = foldVietnamese(label).replace(/^[\s\-–+•.]+/, '');
  if (noun === 'du an' && folded.startsWith('tieu du an')) return false;
  return new RegExp(`^${noun} ${number.replace('.', '\\.')}(?![\\d.,])`).test(folded);
}

/**
 * A project's rate the prose prints by the project's number (“Các dự án giải ngân dưới 50% kế
 * hoạch: Dự án 4 đạt 31,86%, …”) against the row of that project in the document's tables with
 * one rate column (“Tỷ lệ giải ngân (%)”): a `figure-differs-from-table` warning at the prose
 * figure when the cell, rounded half-up to the prose's decimals, is another figure. Tables that
 * print the project with different rates, or with more than one rate column, are not used.
 *
 * @example
 * checkNamedRowRates(model, tables).findings.map((f) => f.printed) //=> ['38,16%']
 */
export function checkNamedRowRates(model: DocumentModel, tables: readonly UnderstoodTable[], options: NamedRowRateOptions = {}): NamedRowRateChecks {
  const claims: CheckedClaim[] = [];
  const findings: CheckFinding[] = [];
  const read = new Set<string>();
  const rateTables = tables.filter(({ layout }) => layout.columns.filter((c) => c.kind === 'rate').length === 1);
  if (rateTables.length === 0) return { claims, findings, read };
  const rowsOf = (noun: string, number: string): RowRate[] =>
    rateTables.flatMap(({ table, layout }) => {
      const col = layout.columns.find((c) => c.kind === 'rate')!;
      return layout.rows
        .filter((r) => r.role !== 'heading' && namesProject(r.label, noun, number))
        .flatMap((r): RowRate[] => {
          const text = table.rows[r.row]?.[col.col]?.text.trim() ?? '';
          const n = cellNumber(text);
          return n === null ? [] : [{ block: table.index + 1, row: r.row, col: col.col, rowLabel: r.label, header: col.header, text, value: fraction(BigInt(n.units), 10n ** BigInt(n.decimals)), decimals: n.decimals }];
        });
    });
  for (const b of model.blocks) {
    if (b.kind === 'table' || b.notRead !== undefined) continue;
    const folded = foldVietnameseKeepingLength(b.text);
    if (!/\bdu an\s+\d/.test(folded)) continue;
    const figures = proseFigures(b.text, { folded });
    const compared = new Set<number>();
    for (const f of figures) {
      if (f.dimension !== 'percent' || f.unitText !== '%' || f.qualifier !== null || f.range !== undefined) continue;
      const s = sentences(b.text).find((x) => x.start <= f.start && f.end <= x.end)!;
      const lead = folded.slice(Math.max(s.start, f.start - 120), f.start);
      // the figure right after the project's name: no other figure between
      const named = NAMED_RATE.exec(lead);
      if (named === null || figures.some((g) => g.end <= f.start && g.start > f.start - (lead.length - named.index))) continue;
      const rows = rowsOf(named[1]!, named[2]!);
      const first = rows[0];
      if (first === undefined || rows.some((r) => compareFractions(r.value, first.value) !== 0)) continue;
      const location: FindingLocation = { block: b.index + 1, ...b.position, start: f.start, end: f.end };
      const cellAt = `the table at block ${first.block}, row ${first.row + 1} (“${first.rowLabel}”), column ${first.col + 1} (“${first.header}”)`;
      const summary = `${f.text} = ${cellAt}: ${first.text}`;
      const sentence = b.text.slice(s.start, s.end).trim();
      // the prose may print fewer decimals than the cell (“đạt 31,9%” for 31,86): the cell rounded to them
      compared.add(f.start);
      // a cell already found wrong (its rate on the wrong base): the prose printing the right rate is no second finding
      if (options.cellsFound?.has(`${first.block}:${first.row + 1}:${first.col + 1}`) === true) {
        claims.push({ kind: 'table-figure', location, sentence, summary, status: 'unchecked', note: 'the cell is itself a finding of its table' });
        continue;
      }
      const agrees = f.decimals <= first.decimals ? roundFraction(first.value, f.decimals, 'half-up').eq(roundFraction(f.value, f.decimals, 'half-up')) : compareFractions(f.value, first.value) === 0;
      if (agrees) {
        claims.push({ kind: 'table-figure', location, sentence, summary, status: 'consistent', note: 'the same figure as the table' });
        continue;
      }
      claims.push({ kind: 'table-figure', location, sentence, summary, status: 'finding', note: null });
      findings.push({
        severity: 'warning',
        code: 'figure-differs-from-table',
        location,
        text: sentence,
        printed: f.text,
        expected: `${first.text}%`,
        difference: null,
        relation: `${f.text} = ${cellAt}`,
        message: `“${f.text}” (${b.text.slice(f.start - (lead.length - named.index), f.start).trim()}): ${cellAt} prints ${first.text}%, not the figure of the prose`,
      });
    }
    for (const s of sentences(b.text)) {
      const inSentence = figures.filter((g) => g.start >= s.start && g.end <= s.end);
      if (inSentence.length > 0 && inSentence.every((g) => compared.has(g.start))) read.add(`${b.index}:${s.start}`);
    }
  }
  return { claims, findings, read };
}
