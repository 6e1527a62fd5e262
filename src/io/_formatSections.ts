/**
 * Which section of an Excel number format shows a given number, and how that section marks its
 * sign (ECMA-376 Part 1 §18.8.31 `numFmts`: a format has up to four sections separated by `;`,
 * for positive numbers, negative numbers, zeros and text; a condition in brackets, `[>=1000]`,
 * `[<0]`, replaces that order). @internal
 */

/**
 * The sections of a number format, split at each `;` that is not inside quotes, brackets or
 * after a backslash.
 * @example
 * formatSections('#,##0;(#,##0);"-"') //=> ['#,##0', '(#,##0)', '"-"']
 * formatSections('0" a;b"') //=> ['0" a;b"']
 */
export function formatSections(fmt: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (!quoted && !bracket && ch === '\\' && i + 1 < fmt.length) {
      current += ch + fmt[++i]!;
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    else if (!quoted && !bracket && ch === ';') {
      sections.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/** A section's condition (`[>=1000]`, `[<0]`, `[=0]`), or null. */
interface Condition {
  readonly op: '<' | '<=' | '>' | '>=' | '=' | '<>';
  readonly bound: number;
}

const CONDITION = /\[\s*(<=|>=|<>|<|>|=)\s*([-+]?\d+(?:\.\d+)?)\s*\]/;

function conditionOf(section: string): Condition | null {
  const m = CONDITION.exec(section.replace(/"[^"]*"/g, ''));
  return m === null ? null : { op: m[1] as Condition['op'], bound: Number(m[2]) };
}

function holds(c: Condition, v: number): boolean {
  switch (c.op) {
    case '<': return v < c.bound;
    case '<=': return v <= c.bound;
    case '>': return v > c.bound;
    case '>=': return v >= c.bound;
    case '=': return v === c.bound;
    default: return v !== c.bound;
  }
}

/** True when a condition admits negative numbers only (`[<0]`, `[<=-1]`, `[=-5]`): its section then plays the negative section's part. */
function negativesOnly(c: Condition): boolean {
  return (c.op === '<' && c.bound <= 0) || ((c.op === '<=' || c.op === '=') && c.bound < 0);
}

/** The section of a number format that shows one number. @internal */
export interface ChosenSection {
  /** The section's text as written (quotes, colours, conditions and all); undefined for General. */
  readonly section: string | undefined;
  /**
   * True when Excel writes a minus before the number's absolute value by itself: a negative number
   * under General, under a format of one section, or under a conditional section that does not
   * stand for negatives only; false when the section shows the absolute value (a negative section,
   * `#,##0;(#,##0)`), printing its own minus or brackets if it has them.
   */
  readonly autoMinus: boolean;
}

/**
 * The section that shows `value` (ECMA-376 §18.8.31): one section for every number; two: positive
 * and zero, then negative; three: positive, negative, zero; a fourth (or a last one holding `@`)
 * is for text and never shows a number. With conditions, the first section whose condition holds,
 * else the next section without a condition (the third when the first two both have one).
 * @example
 * chosenSection('#,##0;(#,##0)', -1234) //=> { section: '(#,##0)', autoMinus: false }
 * chosenSection('0.00;-0.00;"-"', 0).section //=> '"-"'
 * chosenSection('[>=1000]#,##0;0.0', 12.5).section //=> '0.0'
 * chosenSection('#,##0', -5).autoMinus //=> true
 */
export function chosenSection(fmt: string | undefined, value: number): ChosenSection {
  if (fmt === undefined || fmt === '' || /^general$/i.test(fmt)) return { section: undefined, autoMinus: true };
  let sections = formatSections(fmt);
  // the text section: the fourth, or a last one holding `@` (`0;@`)
  if (sections.length >= 4) sections = sections.slice(0, 3);
  else if (sections.length > 1 && /@/.test(sections[sections.length - 1]!.replace(/"[^"]*"/g, ''))) sections = sections.slice(0, -1);
  const general = (s: string): ChosenSection => (/^\s*general\s*$/i.test(s.replace(/\[[^\]]*\]/g, '')) ? { section: undefined, autoMinus: true } : { section: s, autoMinus: false });
  const conditions = sections.map(conditionOf);
  if (conditions[0] != null || conditions[1] != null) {
    const pick = (i: number): ChosenSection => {
      const s = sections[Math.min(i, sections.length - 1)]!;
      const c = conditions[Math.min(i, sections.length - 1)] ?? null;
      return { ...general(s), autoMinus: value < 0 && (c === null || !negativesOnly(c)) };
    };
    if (conditions[0] != null && holds(conditions[0], value)) return pick(0);
    if (sections.length > 1 && conditions[1] != null && holds(conditions[1], value)) return pick(1);
    return pick(conditions[0] != null && conditions[1] != null ? 2 : 1);
  }
  if (sections.length === 1 || (value >= 0 && (value > 0 || sections.length === 2))) {
    const s = general(sections[0]!);
    return { ...s, autoMinus: value < 0 };
  }
  if (value < 0) {
    const s = general(sections[1]!);
    return s.section === undefined ? s : { section: s.section, autoMinus: false };
  }
  return { ...general(sections[2]!), autoMinus: false };
}

/** A section's literal text, as shown: quotes and escapes unwrapped; fills (`*x`), paddings (`_x`) and `[…]` left out; digit placeholders, `.`, `,`, `%` and `E±` removed. */
export function sectionLiterals(section: string): { readonly before: string; readonly after: string; readonly all: string } {
  let before = '';
  let after = '';
  let seenDigit = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    let lit = '';
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit = end < 0 ? section.slice(i + 1) : section.slice(i + 1, end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\' || ch === '!') lit = section[++i] ?? '';
    else if (ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (/[0#?]/.test(ch)) seenDigit = true;
    else if (/[eE]/.test(ch) && /[+-]/.test(section[i + 1] ?? '')) i++;
    else if (!/[.,%@]/.test(ch) && !/general/i.test(section.slice(i, i + 7))) lit = ch;
    else if (/g/i.test(ch)) i += 6;
    if (seenDigit) after += lit;
    else before += lit;
  }
  return { before, after, all: before + after };
}

/** How a section marks a negative number it shows as its absolute value: by brackets around it (`(#,##0)`), a minus before it (`-0.00`), or not at all (`#,##0;#,##0`: the sign hidden). */
export function sectionSign(section: string): 'brackets' | 'minus' | 'none' {
  const { before, after } = sectionLiterals(section);
  if (before.includes('(') && after.includes(')')) return 'brackets';
  if (/[-−]/.test(before)) return 'minus';
  return 'none';
}
