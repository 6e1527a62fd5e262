import { fail } from '../errors/VnPovertyError.js';
import { MONEY_UNITS, type MoneyUnit } from '../numbers/money.js';

/** Value of the `unit` option meaning "read the unit from the header". */
export const UNIT_FROM_HEADER = 'header';

/** The `unit` option of the budget presets: `--unit dong|nghin|trieu|ty`, or the header's unit. */
export const UNIT_OPTION = Object.freeze({
  name: 'unit',
  values: Object.freeze([...MONEY_UNITS, UNIT_FROM_HEADER]),
  default: UNIT_FROM_HEADER,
  description: 'unit the amounts are printed in (dong, nghin, trieu, ty); left out: read from the header, e.g. "central (triệu đồng)"',
});

const UNIT_WORDS: ReadonlyArray<readonly [MoneyUnit, readonly string[]]> = [
  ['dong', ['dong', 'đồng', 'đ', 'vnd', 'vnđ']],
  ['nghin', ['nghin', 'nghìn', 'nghìn đồng', 'ngàn', 'ngàn đồng', 'nghin dong']],
  ['trieu', ['trieu', 'triệu', 'triệu đồng', 'tr.đ', 'trđ', 'trieu dong']],
  ['ty', ['ty', 'tỷ', 'tỉ', 'tỷ đồng', 'tỉ đồng', 'ty dong']],
];

function unitOfWord(word: string): MoneyUnit | undefined {
  const w = word.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/gu, ' ');
  return UNIT_WORDS.find(([, words]) => words.includes(w))?.[0];
}

/**
 * Strips unit annotations from the amount columns of a header (`central (triệu đồng)`,
 * `total [trieu]`) and settles the unit of the table: the `--unit` option, the header's, or both
 * when they agree.
 *
 * @throws VnPovertyError `unknown-unit` (an annotation that is no money unit), `unit-conflict`
 *   (two units in the header, or header and option disagree), `missing-unit` (neither gives one).
 */
export function settleUnit(
  rows: ReadonlyArray<ReadonlyArray<string>>,
  amountColumns: readonly string[],
  option: string,
  layout: string,
  source?: string,
): { readonly rows: ReadonlyArray<ReadonlyArray<string>>; readonly unit: MoneyUnit } {
  const where = source === undefined ? '' : `${source}: `;
  const header = rows[0] ?? [];
  const found = new Map<MoneyUnit, string>();
  const cleaned = header.map((cell) => {
    const m = /^\s*([^([]*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/u.exec(cell);
    if (m === null || !amountColumns.includes(m[1]!.trim())) return cell;
    const unit = unitOfWord(m[2]!);
    if (unit === undefined) {
      return fail({
        code: 'unknown-unit',
        path: ['line 1', m[1]!],
        value: m[2],
        expected: 'a money unit: đồng, nghìn đồng, triệu đồng or tỷ đồng',
        message: `${where}line 1, column ${m[1]}: ${JSON.stringify(m[2])} is not a money unit; expected đồng, nghìn đồng, triệu đồng or tỷ đồng`,
      });
    }
    found.set(unit, cell);
    return m[1]!.trim();
  });
  const fromHeader = [...found.keys()];
  if (fromHeader.length > 1) {
    fail({ code: 'unit-conflict', path: ['line 1'], value: [...found.values()].join(', '), expected: 'one unit for every amount column', message: `${where}line 1: the header gives several units (${[...found.values()].join(', ')}); expected one unit for every amount column` });
  }
  const headerUnit = fromHeader[0];
  if (option !== UNIT_FROM_HEADER) {
    const unit = option as MoneyUnit;
    if (headerUnit !== undefined && headerUnit !== unit) {
      fail({ code: 'unit-conflict', path: ['options', 'unit'], value: option, expected: `the header's unit ${headerUnit}`, message: `${where}--unit ${option} contradicts the header, which gives ${headerUnit}` });
    }
    return { rows: [cleaned, ...rows.slice(1)], unit };
  }
  if (headerUnit === undefined) {
    return fail({
      code: 'missing-unit',
      path: ['options', 'unit'],
      value: undefined,
      expected: '--unit dong|nghin|trieu|ty, or a unit in the header such as "central (triệu đồng)"',
      message: `${where}layout ${layout}: the unit of the amounts is unknown; give --unit dong|nghin|trieu|ty or write it in the header, e.g. "central (triệu đồng)"`,
    });
  }
  return { rows: [cleaned, ...rows.slice(1)], unit: headerUnit };
}
