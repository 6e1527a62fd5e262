/**
 * Short names of deprivation columns that name an indicator only within a standard: the name of
 * a service (`Thông tin`, `Nhà ở`), or of an indicator one standard words differently from
 * another (`Phương tiện thông tin`: the devices of NĐ 07/2021, the assets of QĐ 59/2015). Each is
 * read as the one indicator of the standard in force it can name; where it can name two, as the
 * one whose sibling has a column of its own in the same header (said in a note); else refused
 * naming the candidates, never guessed. @internal
 */
import { fail } from '../errors/VnPovertyError.js';
import type { IndicatorId } from '../standards/indicators.js';
import type { PovertyStandard } from '../standards/standards.js';
import { matchHeader, normalizeHeader, type ColumnSpec } from './columns.js';
import type { RawCell } from './readRows.js';

/**
 * The names, and the indicators each may name in some standard (NĐ 07/2021 Art. 3 cl. 1(b): the
 * six services, two indicators each; QĐ 59/2015 Art. 1: five services, ten indicators).
 * @see NĐ 07/2021/NĐ-CP, Art. 3 cl. 1(b); QĐ 59/2015/QĐ-TTg, Art. 1.
 */
const SHORT_NAMES: ReadonlyArray<{ readonly names: readonly string[]; readonly candidates: readonly IndicatorId[] }> = [
  { names: ['thông tin', 'tiếp cận thông tin', 'dịch vụ thông tin'], candidates: ['telecom', 'information-devices', 'information-assets'] },
  { names: ['phương tiện thông tin', 'phương tiện nghe nhìn', 'tài sản thông tin'], candidates: ['information-devices', 'information-assets'] },
  { names: ['giáo dục'], candidates: ['adult-education', 'school-attendance'] },
  { names: ['y tế'], candidates: ['nutrition', 'health-insurance', 'health-access'] },
  { names: ['nhà ở'], candidates: ['housing-quality', 'housing-area'] },
  { names: ['nước sinh hoạt và vệ sinh', 'nước sạch và vệ sinh', 'nước và vệ sinh'], candidates: ['water-source', 'latrine', 'waste-treatment'] },
];

const BY_NAME: ReadonlyMap<string, readonly IndicatorId[]> = new Map(SHORT_NAMES.flatMap((s) => s.names.map((n) => [normalizeHeader(n), s.candidates] as const)));

/**
 * Whether `text` is one of the short names (`Phương tiện thông tin`, `Nhà ở`): under a dimension's
 * group header it names an indicator, resolved against the standard by {@link shortIndicatorAliases}. @internal
 * @example
 * isShortIndicatorName('Phương tiện thông tin') //=> true
 */
export function isShortIndicatorName(text: string): boolean {
  return BY_NAME.has(normalizeHeader(text).replace(/[.:]$/, '').trim());
}

/** `Thiếu hụt: Thông tin`, `Thiếu hụt - Nhà ở` (folded): the words after the prefix. */
const DEPRIVED = /^(?:thieu hut|deprived)\s*[:\-–]?\s*(.+)$/;

/**
 * The aliases the flag columns take under `standard` for the short names in `header`, by column
 * key (`flag:information-devices` → `thiếu hụt: tiếp cận thông tin`).
 * @throws VnPovertyError `ambiguous-indicator-column` naming the column and the indicators it may name.
 */
export function shortIndicatorAliases(
  header: ReadonlyArray<RawCell>,
  flagSpecs: ReadonlyArray<ColumnSpec>,
  standard: PovertyStandard,
  label: string | undefined,
  headerRow: number,
  onNote?: (note: string) => void,
): ReadonlyMap<string, readonly string[]> {
  const found: Array<{ readonly at: number; readonly text: string; readonly candidates: readonly IndicatorId[] }> = [];
  header.forEach((cell, at) => {
    if (typeof cell !== 'string') return;
    const m = DEPRIVED.exec(normalizeHeader(cell));
    const candidates = m !== null ? BY_NAME.get(m[1]!.replace(/[.:]$/, '').trim()) : undefined;
    if (candidates !== undefined) found.push({ at, text: cell.trim(), candidates });
  });
  const out = new Map<string, string[]>();
  if (found.length === 0) return out;
  const inForce = new Map(standard.indicators.map((i) => [i.id as string, i]));
  let taken: Readonly<Record<string, number>> = {};
  try {
    taken = matchHeader(header, flagSpecs, label, headerRow).index;
  } catch {
    // two columns for one indicator: refused when the register's header is read
  }
  const where = label !== undefined ? `${label}, ` : '';
  for (const f of found) {
    const possible = f.candidates.filter((id) => inForce.has(id));
    const open = possible.length > 1 ? possible.filter((id) => taken[`flag:${id}`] === undefined) : possible;
    const name = (id: string): string => `“${inForce.get(id)!.nameVi}” (${id})`;
    if (possible.length === 0) continue; // no indicator of the standard: refused with the unknown ones
    if (open.length !== 1) {
      fail({
        code: 'ambiguous-indicator-column',
        path: label !== undefined ? [label, headerRow, f.text] : [headerRow, f.text],
        value: f.text,
        expected: `one of ${standard.id}'s indicators: ${possible.join(', ')}`,
        message: `${where}row ${headerRow}: column ${f.at + 1} (${f.text}) may name any of ${standard.id}'s indicators ${possible.map(name).join(', ')}${open.length === 0 ? ', and each has a column of its own' : ''}: head it with the indicator it is, e.g. “Thiếu hụt: ${inForce.get(open[0] ?? possible[0]!)!.nameVi}”`,
      });
    }
    const id = open[0]!;
    (out.get(`flag:${id}`) ?? out.set(`flag:${id}`, []).get(`flag:${id}`)!).push(f.text);
    if (possible.length > 1) {
      const others = possible.filter((o) => o !== id).map((o) => `${name(o)} in column ${taken[`flag:${o}`]! + 1}`);
      onNote?.(`${where}row ${headerRow}: column ${f.at + 1} (${f.text}) is read as ${name(id)}: of the ${standard.id} indicators it may name, the other${others.length > 1 ? 's have' : ' has'} a column of its own (${others.join(', ')})`);
    }
  }
  return out;
}

/** `specs` with the short names of {@link shortIndicatorAliases} added to their flag columns' aliases. */
export function withShortNames(specs: ReadonlyArray<ColumnSpec>, short: ReadonlyMap<string, readonly string[]>): ColumnSpec[] {
  return specs.map((c) => (short.has(c.key) ? { ...c, aliases: [...(c.aliases ?? []), ...short.get(c.key)!] } : c));
}
